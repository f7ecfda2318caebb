//! ### [20.2 Function Objects](https://tc39.es/ecma262/#sec-function-objects)

mod prototype;

pub(crate) use prototype::{function_prototype_call_behaviour, throw_type_error_behaviour};

use crate::ecmascript::execution::Agent;
use crate::engine::NoGcScope;

/// Creates the Function intrinsics of the current realm.
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    prototype::initialize(agent, gc);
}
