//! ### [21.2 BigInt Objects](https://tc39.es/ecma262/#sec-bigint-objects)

mod constructor;
mod prototype;

use crate::ecmascript::execution::Agent;
use crate::engine::NoGcScope;

/// Creates %BigInt% and %BigInt.prototype% in the current realm.
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    prototype::create(agent, gc);
    constructor::create(agent, gc);
    prototype::define_methods(agent, gc);
}
