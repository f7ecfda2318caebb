//! ### [27 Control Abstraction Objects](https://tc39.es/ecma262/#sec-control-abstraction-objects)

mod generator;
mod generator_function;
mod generator_record;
mod iterator;

pub use generator_record::{Generator, GeneratorRecord, GeneratorState, SuspendedFrame};
pub use iterator::{HelperKind, HelperState, IteratorHelper, IteratorHelperRecord, ZipMode};

use crate::ecmascript::execution::Agent;
use crate::engine::NoGcScope;

/// Creates %Iterator%, %Iterator.prototype% and the iterator helper
/// prototypes, then the generator intrinsics and their prototypes.
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    iterator::initialize(agent, gc);
    generator::initialize(agent, gc);
    generator_function::initialize(agent, gc);
}
