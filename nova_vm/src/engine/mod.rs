//! The execution engine: GC tokens and roots, bytecode, the compiler and the
//! interpreter.

pub mod bytecode;
pub(crate) mod compiler;
mod gc_scope;
pub mod interpreter;
mod scoped;

pub use gc_scope::{Bindable, GcScope, GcToken, NoGcScope, ScopeToken};
pub use scoped::{Global, Rootable, Scoped};
