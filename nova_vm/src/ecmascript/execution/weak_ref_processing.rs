//! ### [9.9 Processing Model of WeakRef and FinalizationRegistry Targets](https://tc39.es/ecma262/#sec-weakref-processing-model),
//! [9.10 ClearKeptObjects](https://tc39.es/ecma262/#sec-clear-kept-objects) and
//! [9.11 AddToKeptObjects](https://tc39.es/ecma262/#sec-addtokeptobjects)
//!
//! A WeakRef target that was created or dereferenced in the current job is in
//! `agent.kept_alive` (a root) until the job ends. Otherwise WeakRef targets,
//! FinalizationRegistry targets and unregister tokens are weak: the collector
//! empties them when they were not marked.

use super::agent::{Agent, Job};
use crate::ecmascript::builtins::keyed_collections::is_live;
use crate::ecmascript::types::Value;
use crate::engine::Bindable;
use crate::heap::MarkState;

impl Agent {
    /// ### [9.10 ClearKeptObjects ( )](https://tc39.es/ecma262/#sec-clear-kept-objects)
    ///
    /// Called when a synchronous sequence of ECMAScript execution (a script
    /// run, a job) completes.
    pub fn clear_kept_objects(&mut self) {
        // 1. Let agentRecord be the surrounding agent's Agent Record.
        // 2. Set agentRecord.[[KeptAlive]] to a new empty List.
        self.kept_alive.clear();
    }

    /// ### [9.11 AddToKeptObjects ( value )](https://tc39.es/ecma262/#sec-addtokeptobjects)
    pub fn add_to_kept_objects(&mut self, value: Value) {
        // 1. Let agentRecord be the surrounding agent's Agent Record.
        // 2. Append value to agentRecord.[[KeptAlive]].
        // (Keeping a value twice changes nothing: repeated derefs of the same
        // target in one job do not grow the list.)
        let value = value.unbind();
        if self.kept_alive.last() != Some(&value) {
            self.kept_alive.push(value);
        }
    }

    /// ### [9.9.3 Execution](https://tc39.es/ecma262/#sec-weakref-execution), for WeakRefs and FinalizationRegistries
    ///
    /// Run by the collector after marking: `marks` tells which values are live.
    /// (WeakMap and WeakSet entries are swept with the weak tables.)
    pub(crate) fn empty_dead_weak_targets(&mut self, marks: &MarkState) {
        let heap = &mut self.heap;
        // 1. For each element value of S, do
        //    a. For each WeakRef ref such that ref.[[WeakRefTarget]] is value, do
        //       i. Set ref.[[WeakRefTarget]] to empty.
        for (index, weak_ref) in heap.weak_refs.iter_mut().enumerate() {
            if !marks.is_marked(super::heap_layout::arena_ids::WEAK_REFS, index as u32) {
                continue;
            }
            if weak_ref
                .target
                .is_some_and(|target| !is_live(marks, target))
            {
                weak_ref.target = None;
            }
        }
        //    d. For each FinalizationRegistry fg such that fg.[[Cells]] contains a Record cell
        //       such that cell.[[WeakRefTarget]] is value, do
        //       i. Set cell.[[WeakRefTarget]] to empty.
        //       ii. Optionally, perform HostEnqueueFinalizationRegistryCleanupJob(fg).
        let mut to_enqueue = Vec::new();
        for (index, registry) in heap.finalization_registries.iter_mut().enumerate() {
            if !marks.is_marked(
                super::heap_layout::arena_ids::FINALIZATION_REGISTRIES,
                index as u32,
            ) {
                continue;
            }
            for cell in &mut registry.cells {
                if cell.target.is_some_and(|target| !is_live(marks, target)) {
                    cell.target = None;
                }
                // An unregister token nothing else references can never be
                // presented to unregister again: forget it.
                if cell
                    .unregister_token
                    .is_some_and(|token| !is_live(marks, token))
                {
                    cell.unregister_token = None;
                }
            }
            if !registry.cleanup_queued && registry.has_empty_cells() {
                registry.cleanup_queued = true;
                to_enqueue.push(index);
            }
        }
        for index in to_enqueue {
            self.host_enqueue_finalization_registry_cleanup_job(index as u32);
        }
    }

    /// ### [9.9.4.1 HostEnqueueFinalizationRegistryCleanupJob ( finalizationRegistry )](https://tc39.es/ecma262/#sec-host-cleanup-finalization-registry)
    ///
    /// Queues a job that calls the registry's cleanup function with the
    /// registry (both are live: the registry's record was marked).
    fn host_enqueue_finalization_registry_cleanup_job(&mut self, record_index: u32) {
        let record = self.heap.finalization_registries.get(record_index);
        let (Some(registry), Some(cleanup_job)) = (record.registry, record.cleanup_job) else {
            return;
        };
        // 1. Let cleanupJob be a new Job Abstract Closure with no parameters that captures
        //    finalizationRegistry and performs the following steps when called:
        //    a. Let cleanupResult be Completion(CleanupFinalizationRegistry(finalizationRegistry)).
        //    b. If cleanupResult is an abrupt completion, perform any host-defined steps for
        //       reporting the error.
        //    c. Return unused.
        // 2. Perform HostEnqueueGenericJob(cleanupJob, finalizationRegistry.[[Realm]]).
        self.jobs.push_back(Job::Call {
            callback: cleanup_job.into(),
            arguments: vec![registry.into()],
            realm: record.realm,
        });
    }
}
