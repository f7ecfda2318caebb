//! ### [21.1 Number Objects](https://tc39.es/ecma262/#sec-number-objects)

mod constructor;
mod decimal;
mod prototype;

use crate::ecmascript::execution::Agent;
use crate::engine::NoGcScope;

/// Creates %Number% and %Number.prototype% in the current realm (after the
/// global functions, whose %parseFloat% and %parseInt% Number shares).
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    prototype::create(agent, gc);
    constructor::create(agent, gc);
    prototype::define_methods(agent, gc);
}
