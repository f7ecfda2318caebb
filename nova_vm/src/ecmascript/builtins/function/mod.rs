//! ### [20.2 Function Objects](https://tc39.es/ecma262/#sec-function-objects)

mod bind;
mod constructor;
mod dynamic;
mod prototype;
mod throw_type_error;

pub(crate) use dynamic::{DynamicFunctionKind, create_dynamic_function};
pub(crate) use prototype::function_prototype_call_behaviour;
pub(crate) use throw_type_error::throw_type_error_behaviour;

use crate::ecmascript::execution::Agent;
use crate::engine::NoGcScope;

/// Creates the Function intrinsics of the current realm.
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let thrower = throw_type_error::create_throw_type_error(agent, gc);
    prototype::initialize(agent, thrower, gc);
    constructor::initialize(agent, gc);
}
