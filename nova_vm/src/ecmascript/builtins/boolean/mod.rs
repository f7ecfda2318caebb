//! ### [20.3 Boolean Objects](https://tc39.es/ecma262/#sec-boolean-objects)

mod constructor;
mod prototype;

use crate::ecmascript::execution::Agent;
use crate::engine::NoGcScope;

/// Creates the Boolean intrinsics of the current realm.
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    prototype::initialize(agent, gc);
    constructor::initialize(agent, gc);
}
