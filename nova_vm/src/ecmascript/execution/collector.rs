//! The collection driver: marks from the agent's roots, processes weak
//! references, compacts every arena and fixes up every handle.
//!
//! See GARBAGE_COLLECTOR.md at the top of the repository for the contract the
//! rest of the engine follows so that this is safe at any safepoint.

use std::time::Instant;

use super::agent::Agent;
use super::heap_layout::{INITIAL_GC_BUDGET, arena_ids};
use crate::ecmascript::types::PERMANENT_SYMBOL_COUNT;
use crate::engine::GcScope;
use crate::heap::{Fixup, MarkState};

/// GC stress collects at every safepoint up to this many.
const STRESS_EVERY_SAFEPOINT: u64 = 50_000;
/// Past [`STRESS_EVERY_SAFEPOINT`], GC stress collects at every this-many-th safepoint.
const STRESS_LATER_INTERVAL: u64 = 64;

impl Agent {
    /// Runs a full collection now. Taking the token proves that no unrooted
    /// handle is held across the call.
    pub fn collect_garbage(&mut self, _gc: GcScope) {
        self.run_collection();
    }

    /// A safepoint: collects if the allocation budget is spent (or, in
    /// GC-stress mode, on the stress schedule: see [`Agent::stress_collects_now`]).
    #[inline]
    pub fn gc_safepoint(&mut self, _gc: GcScope) {
        if self.heap.allocated_since_gc >= self.heap.gc_budget
            || (self.options.gc_stress && self.stress_collects_now())
        {
            self.run_collection();
        }
    }

    /// GC stress collects at every one of the first [`STRESS_EVERY_SAFEPOINT`]
    /// safepoints, then at every [`STRESS_LATER_INTERVAL`]th. A collection
    /// costs tens of microseconds even on a small heap, so collecting at each
    /// of a loop's million iterations would take minutes; the code paths a
    /// rooting bug hides in are reached early, and the later collections still
    /// land at every kind of safepoint. The schedule is deterministic.
    fn stress_collects_now(&mut self) -> bool {
        let count = &mut self.gc_statistics.stress_safepoints;
        *count += 1;
        *count <= STRESS_EVERY_SAFEPOINT || (*count).is_multiple_of(STRESS_LATER_INTERVAL)
    }

    fn run_collection(&mut self) {
        let start = Instant::now();
        let mut marks = MarkState::new(&self.heap.arena_lengths());

        // 1. Roots: permanent symbols, then everything the agent holds.
        for index in 0..PERMANENT_SYMBOL_COUNT {
            if (index as usize) < self.heap.symbols.len() {
                marks.mark(arena_ids::SYMBOLS, index);
            }
        }
        self.trace_roots(&mut marks);

        // 2. Trace until the queue is empty, then mark the values of weak-table
        //    entries whose keys are live, until nothing new is marked (ephemerons).
        self.drain_marks(&mut marks);
        loop {
            let mut changed = false;
            for index in 0..self.heap.weak_tables.len() as u32 {
                if marks.is_marked(arena_ids::WEAK_TABLES, index) {
                    changed |= self
                        .heap
                        .weak_tables
                        .get_mut(index)
                        .mark_values_of_live_keys(&mut marks);
                }
            }
            if !changed {
                break;
            }
            self.drain_marks(&mut marks);
        }

        // 3. Weak references: drop links to records that did not survive, empty
        //    dead WeakRef and FinalizationRegistry targets (queueing cleanup
        //    jobs), and drop the tombstones of Maps and Sets.
        self.sweep_weak_references(&marks);
        self.empty_dead_weak_targets(&marks);
        self.heap.drop_map_tombstones(&marks);

        // 4. Compact every arena.
        let maps = self.heap.compact(&marks);
        let mut fixup = Fixup::new(maps);

        // 5. Rewrite every handle in every live record and root.
        if !fixup.is_identity() {
            self.heap.fix_up(&mut fixup);
            self.trace_roots(&mut fixup);
            self.rehash_after_fixup(&fixup);
        }
        self.vm.clear_inline_caches(&mut self.heap);

        // 6. Next budget grows with the live heap (what the survivors take,
        // not the capacity the arenas keep for the next cycle).
        let live = self.heap.used_bytes();
        self.heap.allocated_since_gc = 0;
        self.heap.gc_budget = INITIAL_GC_BUDGET.max(live);

        let pause = start.elapsed();
        let stats = &mut self.gc_statistics;
        stats.collections += 1;
        stats.total_pause += pause;
        stats.max_pause = stats.max_pause.max(pause);
        stats.live_bytes_after_last = live;
        if self.options.trace_gc {
            eprintln!(
                "[gc] #{} live {} KiB, pause {:?}",
                stats.collections,
                live / 1024,
                pause
            );
        }
    }

    fn drain_marks(&mut self, marks: &mut MarkState) {
        while let Some((arena, index)) = marks.pop() {
            self.heap.trace_record(arena, index, marks);
        }
    }

    fn sweep_weak_references(&mut self, marks: &MarkState) {
        let heap = &mut self.heap;
        // Shape transitions are weak: a child shape no object uses dies.
        let shape_bits = marks.bits(arena_ids::SHAPES);
        for shape in heap.shapes.iter_mut() {
            shape.sweep_weak(|index| shape_bits.get(index));
        }
        // Root shapes by prototype: weak in both the prototype and the shape.
        heap.root_shapes.retain(|proto, shape| {
            proto.is_none_or(|p| marks.is_marked(arena_ids::OBJECTS, p.index()))
                && marks.is_marked(arena_ids::SHAPES, shape.index())
        });
        // Weak tables drop entries whose key died.
        for table in heap.weak_tables.iter_mut() {
            table.sweep(marks);
        }
        // Interned strings: the table does not keep its strings alive.
        heap.interned_strings
            .retain(|index| marks.is_marked(arena_ids::STRINGS, *index));
    }

    fn rehash_after_fixup(&mut self, fixup: &Fixup) {
        let heap = &mut self.heap;
        for index in heap.interned_strings.iter_mut() {
            *index = fixup.map(arena_ids::STRINGS, *index);
        }
        let root_shapes = std::mem::take(&mut heap.root_shapes);
        heap.root_shapes = root_shapes
            .into_iter()
            .map(|(mut proto, mut shape)| {
                if let Some(p) = &mut proto {
                    *p = crate::ecmascript::types::Object::from_index(
                        fixup.map(arena_ids::OBJECTS, p.index()),
                    );
                }
                shape = crate::ecmascript::types::object::Shape::from_index(
                    fixup.map(arena_ids::SHAPES, shape.index()),
                );
                (proto, shape)
            })
            .collect();
        for shape in heap.shapes.iter_mut() {
            shape.after_fixup();
        }
        for table in heap.weak_tables.iter_mut() {
            table.rebuild_index();
        }
        heap.rehash_map_keys();
    }
}
