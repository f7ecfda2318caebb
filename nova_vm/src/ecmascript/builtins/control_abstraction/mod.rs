//! ### [27 Control Abstraction Objects](https://tc39.es/ecma262/#sec-control-abstraction-objects)

mod async_from_sync_iterator;
mod async_function;
mod async_generator;
mod generator;
mod generator_function;
mod generator_record;
mod iterator;
pub(crate) mod promise;

pub(crate) use async_from_sync_iterator::get_async_iterator;
pub use async_generator::{
    AsyncGenerator, AsyncGeneratorRecord, AsyncGeneratorRequest, AsyncGeneratorState,
    CompletionKind,
};
pub use generator_record::{Generator, GeneratorRecord, GeneratorState, SuspendedFrame};
pub use iterator::{HelperKind, HelperState, IteratorHelper, IteratorHelperRecord, ZipMode};
pub use promise::{
    Promise, PromiseCapability, PromiseClosure, PromiseClosureRecord, PromiseReaction,
    PromiseReactionType, PromiseRecord, PromiseState, ReactionHandler,
};

use crate::ecmascript::execution::Agent;
use crate::engine::NoGcScope;

/// Creates %Iterator%, %Iterator.prototype% and the iterator helper
/// prototypes, then the generator intrinsics and their prototypes.
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    iterator::initialize(agent, gc);
    async_from_sync_iterator::initialize(agent, gc);
    generator::initialize(agent, gc);
    generator_function::initialize(agent, gc);
    promise::initialize(agent, gc);
}
