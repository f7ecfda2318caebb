//! The internal slots of a FinalizationRegistry.
//!
//! A cell holds its held value strongly and its target and unregister token
//! weakly. When the collector finds a target dead it empties the cell's
//! `[[WeakRefTarget]]` and queues a job that runs CleanupFinalizationRegistry.

use crate::ecmascript::execution::RealmId;
use crate::ecmascript::execution::heap_layout::arena_ids;
use crate::ecmascript::types::handle::define_handle;
use crate::ecmascript::types::{Object, Value};
use crate::heap::{HandleVisitor, Trace};

define_handle!(
    /// Handle to the internal slots of a FinalizationRegistry.
    FinalizationRegistry,
    arena_ids::FINALIZATION_REGISTRIES
);

/// A Record of `[[Cells]]`.
#[derive(Debug, Clone, Copy)]
pub struct FinalizationCell {
    /// `[[WeakRefTarget]]` (weak); None once the target died (~empty~).
    pub target: Option<Value<'static>>,
    /// `[[HeldValue]]` (strong).
    pub held_value: Value<'static>,
    /// `[[UnregisterToken]]` (weak); None for ~empty~ (or once the token died,
    /// when nothing can present it any more).
    pub unregister_token: Option<Value<'static>>,
}

/// The internal slots of a FinalizationRegistry.
#[derive(Debug)]
pub struct FinalizationRegistryRecord {
    /// `[[Realm]]`
    pub realm: RealmId,
    /// `[[CleanupCallback]]`
    pub cleanup_callback: Value<'static>,
    /// `[[Cells]]`
    pub cells: Vec<FinalizationCell>,
    /// The FinalizationRegistry object itself (the argument of its cleanup job).
    pub registry: Option<Object<'static>>,
    /// The built-in function a cleanup job calls: it runs
    /// CleanupFinalizationRegistry on its argument.
    pub cleanup_job: Option<Object<'static>>,
    /// Whether a cleanup job for this registry is waiting in the job queue.
    pub cleanup_queued: bool,
}

impl FinalizationRegistryRecord {
    /// True if some cell's target is ~empty~ (a cleanup has work to do).
    pub fn has_empty_cells(&self) -> bool {
        self.cells.iter().any(|cell| cell.target.is_none())
    }
}

impl Trace for FinalizationRegistryRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.cleanup_callback.trace(visitor);
        for cell in &mut self.cells {
            cell.held_value.trace(visitor);
        }
        if let Some(registry) = &mut self.registry {
            registry.visit(visitor);
        }
        if let Some(job) = &mut self.cleanup_job {
            job.visit(visitor);
        }
    }

    fn trace_weak(&mut self, visitor: &mut impl HandleVisitor) {
        for cell in &mut self.cells {
            if let Some(target) = &mut cell.target {
                target.trace(visitor);
            }
            if let Some(token) = &mut cell.unregister_token {
                token.trace(visitor);
            }
        }
    }
}
