//! Internal slots of WeakMap and WeakSet objects: ephemeron tables.
//!
//! An entry's key is held weakly. A WeakMap entry's value is kept alive only
//! while its key is alive: the collector marks values of live keys in a
//! fixpoint after ordinary marking, then drops entries whose key died.

use ahash::AHashMap;

use crate::ecmascript::execution::heap_layout::arena_ids;
use crate::ecmascript::types::Value;
use crate::ecmascript::types::handle::define_handle;
use crate::heap::{HandleVisitor, MarkState, Trace};

define_handle!(
    /// Handle to the table of a WeakMap or WeakSet.
    WeakTable,
    arena_ids::WEAK_TABLES
);

/// A WeakMap's or WeakSet's entries (`value` is undefined for WeakSets).
#[derive(Debug, Default)]
pub struct WeakTableRecord {
    /// Entries in insertion order: (key, value).
    pub entries: Vec<(Value<'static>, Value<'static>)>,
    /// Key → position in `entries`.
    pub index: AHashMap<Value<'static>, usize>,
}

impl WeakTableRecord {
    /// The value stored for `key`.
    pub fn get(&self, key: Value) -> Option<Value<'static>> {
        let key = crate::engine::Bindable::unbind(key);
        self.index.get(&key).map(|&i| self.entries[i].1)
    }

    /// Stores `value` for `key`.
    pub fn set(&mut self, key: Value, value: Value) {
        let (key, value) = (
            crate::engine::Bindable::unbind(key),
            crate::engine::Bindable::unbind(value),
        );
        match self.index.get(&key) {
            Some(&i) => self.entries[i].1 = value,
            None => {
                self.index.insert(key, self.entries.len());
                self.entries.push((key, value));
            }
        }
    }

    /// Removes `key`; returns whether it was present.
    pub fn delete(&mut self, key: Value) -> bool {
        let key = crate::engine::Bindable::unbind(key);
        match self.index.remove(&key) {
            Some(i) => {
                self.entries.swap_remove(i);
                if i < self.entries.len() {
                    let moved = self.entries[i].0;
                    self.index.insert(moved, i);
                }
                true
            }
            None => false,
        }
    }

    /// Ephemeron step: marks the value of every entry whose key is marked.
    /// Returns true if anything was newly marked.
    pub fn mark_values_of_live_keys(&mut self, marks: &mut MarkState) -> bool {
        let mut changed = false;
        for (key, value) in &mut self.entries {
            if is_live(marks, *key) && !is_live(marks, *value) {
                value.trace(marks);
                changed = true;
            }
        }
        changed
    }

    /// Drops entries whose key did not survive marking.
    pub fn sweep(&mut self, marks: &MarkState) {
        self.entries.retain(|(key, _)| is_live(marks, *key));
        self.rebuild_index();
    }

    /// Rebuilds the key index (after keys moved).
    pub fn rebuild_index(&mut self) {
        self.index = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, (k, _))| (*k, i))
            .collect();
    }
}

/// True if the record a value refers to is marked (immediates are always live).
pub fn is_live(marks: &MarkState, value: Value) -> bool {
    match value {
        Value::Object(o) => marks.is_marked(arena_ids::OBJECTS, o.index()),
        Value::Symbol(s) => marks.is_marked(arena_ids::SYMBOLS, s.index()),
        Value::String(s) => marks.is_marked(arena_ids::STRINGS, s.index()),
        Value::Number(n) => marks.is_marked(arena_ids::NUMBERS, n.index()),
        Value::BigInt(b) => marks.is_marked(arena_ids::BIGINTS, b.index()),
        _ => true,
    }
}

impl Trace for WeakTableRecord {
    fn trace(&mut self, _visitor: &mut impl HandleVisitor) {
        // Keys and values are weak (values are handled by the ephemeron pass).
    }

    fn trace_weak(&mut self, visitor: &mut impl HandleVisitor) {
        for (key, value) in &mut self.entries {
            key.trace(visitor);
            value.trace(visitor);
        }
    }
}
