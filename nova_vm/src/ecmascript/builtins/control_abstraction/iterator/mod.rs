//! ### [27.1 Iteration](https://tc39.es/ecma262/#sec-iteration)
//!
//! The `Iterator` constructor, `%Iterator.prototype%` with the iterator
//! helpers, `%IteratorHelperPrototype%` and `%WrapForValidIteratorPrototype%`,
//! plus the iterator methods of the later proposals test262 covers
//! (`Iterator.concat`, `Iterator.zip`/`zipKeyed`, `chunks`/`windows`,
//! `includes`, `join`).

mod chunks_windows;
mod concat;
mod constructor;
mod flat_map;
mod helper_prototype;
mod helper_record;
mod join;
mod map_filter;
mod prototype;
mod reducers;
mod searches;
mod take_drop;
mod zip;

pub use helper_record::{HelperKind, HelperState, IteratorHelper, IteratorHelperRecord, ZipMode};

use crate::ecmascript::execution::Agent;
use crate::engine::NoGcScope;

/// Creates the iteration intrinsics of the current realm.
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    prototype::initialize(agent, gc);
    constructor::initialize(agent, gc);
    helper_prototype::initialize(agent, gc);
    map_filter::initialize(agent, gc);
    take_drop::initialize(agent, gc);
    flat_map::initialize(agent, gc);
    chunks_windows::initialize(agent, gc);
    reducers::initialize(agent, gc);
    searches::initialize(agent, gc);
    join::initialize(agent, gc);
    concat::initialize(agent, gc);
    zip::initialize(agent, gc);
}
