//! ### [20.4 Symbol Objects](https://tc39.es/ecma262/#sec-symbol-objects)

mod constructor;
mod prototype;

pub(crate) use prototype::symbol_descriptive_string;

use crate::ecmascript::execution::Agent;
use crate::engine::NoGcScope;

/// Creates the Symbol intrinsics of the current realm.
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    prototype::initialize(agent, gc);
    constructor::initialize(agent, gc);
}
