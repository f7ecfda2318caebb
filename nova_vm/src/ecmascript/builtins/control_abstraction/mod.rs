//! ### [27 Control Abstraction Objects](https://tc39.es/ecma262/#sec-control-abstraction-objects)

mod generator;
mod generator_function;
mod generator_record;
mod iterator_prototype;

pub use generator_record::{Generator, GeneratorRecord, GeneratorState, SuspendedFrame};

use crate::ecmascript::execution::Agent;
use crate::engine::NoGcScope;

/// Creates %IteratorPrototype%, the generator intrinsics and their prototypes.
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    iterator_prototype::initialize(agent, gc);
    generator::initialize(agent, gc);
    generator_function::initialize(agent, gc);
}
