//! ### [20.1 Object Objects](https://tc39.es/ecma262/#sec-object-objects)

mod constructor;
mod legacy_accessors;
mod prototype;
mod statics_descriptors;
mod statics_integrity;
mod statics_keys;
mod statics_prototype;
mod to_string;

use crate::ecmascript::execution::Agent;
use crate::engine::NoGcScope;

/// Creates the Object intrinsics of the current realm.
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    prototype::initialize(agent, gc);
    constructor::initialize(agent, gc);
}
