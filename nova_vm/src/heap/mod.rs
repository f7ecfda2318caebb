//! Generic garbage-collection machinery.
//!
//! Nothing in this module knows about JavaScript. It provides homogeneous
//! [`Arena`]s and [`ChunkedArena`]s addressed by 32-bit indexes, mark bits and a
//! work queue for tracing ([`MarkState`]), compaction maps that say where each
//! surviving record moved ([`CompactionMap`]), and the one trait through which a
//! record describes the handles it holds ([`Trace`]).
//!
//! The concrete list of arenas (objects, strings, shapes, ...) lives with the
//! `Agent` in `ecmascript::execution`; it numbers its arenas with [`ArenaId`]s
//! and drives a collection with the pieces below:
//!
//! 1. mark every root into a [`MarkState`],
//! 2. pop the work queue, calling [`Trace::trace`] on each popped record,
//! 3. process weak tables with [`MarkState::is_marked`],
//! 4. build a [`CompactionMap`] per arena and slide survivors down,
//! 5. visit every handle of every live record and root with a [`Fixup`].

mod arena;
mod chunked;
mod compaction;
mod marks;
mod trace;

pub use arena::Arena;
pub use chunked::ChunkedArena;
pub use compaction::{CompactionMap, Fixup};
pub use marks::{MarkBits, MarkState};
pub use trace::{ArenaId, HandleVisitor, Trace};
