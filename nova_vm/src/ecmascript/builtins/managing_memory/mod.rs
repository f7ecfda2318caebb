//! ### [26 Managing Memory](https://tc39.es/ecma262/#sec-managing-memory): WeakRef and FinalizationRegistry.
//!
//! The collector's side of both (clearing dead targets, queueing cleanup jobs)
//! is in `ecmascript/execution/weak_ref_processing.rs`.

mod finalization_registry;
mod finalization_registry_record;
mod weak_ref;

pub use finalization_registry_record::{
    FinalizationCell, FinalizationRegistry, FinalizationRegistryRecord,
};
pub use weak_ref::{WeakRef, WeakRefRecord};

use crate::ecmascript::execution::Agent;
use crate::engine::NoGcScope;

/// Creates WeakRef and FinalizationRegistry in the current realm.
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    weak_ref::initialize(agent, gc);
    finalization_registry::initialize(agent, gc);
}
