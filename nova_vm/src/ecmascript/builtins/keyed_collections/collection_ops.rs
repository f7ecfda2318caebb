//! Operations on `[[MapData]]`/`[[SetData]]` through the agent: allocation,
//! lookups with the heap's key context, and cursors that survive collections.

use super::map_data::{
    ENTRY_BYTES, IterationKind, KeyContext, MapCursor, MapCursorRecord, MapData, MapDataRecord,
};
use crate::ecmascript::execution::{Agent, Intrinsic};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, NoGcScope};
use crate::heap::Arena;

impl Agent {
    /// Stores a new `[[MapData]]`/`[[SetData]]` record.
    pub(crate) fn alloc_map_data(&mut self, record: MapDataRecord) -> MapData<'static> {
        self.heap.allocated_since_gc +=
            Arena::<MapDataRecord>::RECORD_BYTES + record.payload_bytes();
        MapData::from_index(self.heap.map_data.push(record))
    }

    /// Runs `f` on the entries of a Map or Set, with the heap's key context.
    pub(crate) fn with_map_data<R>(
        &mut self,
        data: MapData,
        f: impl FnOnce(&mut MapDataRecord, &KeyContext) -> R,
    ) -> R {
        let heap = &mut self.heap;
        let ctx = KeyContext {
            strings: &heap.strings,
            numbers: &heap.numbers,
            bigints: &heap.bigints,
            state: &heap.string_hasher,
        };
        f(heap.map_data.get_mut(data.index()), &ctx)
    }

    /// The entries of a Map or Set.
    pub(crate) fn map_data(&self, data: MapData) -> &MapDataRecord {
        self.heap.map_data.get(data.index())
    }

    /// Stores `value` for `key` (already canonicalized), appending if new.
    pub(crate) fn map_data_set(&mut self, data: MapData, key: Value, value: Value) {
        if self.with_map_data(data, |record, ctx| record.set(ctx, key, value)) {
            self.heap.allocated_since_gc += ENTRY_BYTES;
        }
    }

    /// The value stored for `key`.
    pub(crate) fn map_data_get(&mut self, data: MapData, key: Value) -> Option<Value<'static>> {
        self.with_map_data(data, |record, ctx| record.get(ctx, key))
    }

    /// True if a live entry has a key SameValueZero to `key`.
    pub(crate) fn map_data_has(&mut self, data: MapData, key: Value) -> bool {
        self.with_map_data(data, |record, ctx| record.find(ctx, key).is_some())
    }

    /// Makes the entry for `key` ~empty~; returns whether there was one.
    pub(crate) fn map_data_delete(&mut self, data: MapData, key: Value) -> bool {
        self.with_map_data(data, |record, ctx| record.delete(ctx, key))
    }

    /// A cursor at the start of `data`, held by an object so that it can be
    /// rooted: a Map or Set Iterator when `prototype` is given, otherwise an
    /// internal object used by built-ins that loop over the entries while
    /// calling into JavaScript. Set Iterators are `ObjectKind::SetIterator`.
    pub(crate) fn create_map_cursor<'a>(
        &mut self,
        data: MapData,
        kind: IterationKind,
        prototype: Option<Intrinsic>,
        gc: NoGcScope<'a, '_>,
    ) -> Object<'a> {
        self.heap.allocated_since_gc += Arena::<MapCursorRecord>::RECORD_BYTES;
        let cursor = MapCursor::from_index(self.heap.map_cursors.push(MapCursorRecord {
            data: Some(data.unbind()),
            position: 0,
            kind,
        }));
        let (prototype, object_kind) = match prototype {
            Some(Intrinsic::SetIteratorPrototype) => (
                Some(self.intrinsic(Intrinsic::SetIteratorPrototype)),
                ObjectKind::SetIterator(cursor),
            ),
            Some(intrinsic) => (
                Some(self.intrinsic(intrinsic)),
                ObjectKind::MapIterator(cursor),
            ),
            None => (None, ObjectKind::MapIterator(cursor)),
        };
        self.create_object(prototype, object_kind, gc)
    }

    /// The next live entry of a cursor object made by [`Agent::create_map_cursor`]
    /// (None at the end; the cursor then stays finished).
    pub(crate) fn map_cursor_step(
        &mut self,
        cursor_object: Object,
    ) -> Option<(Value<'static>, Value<'static>)> {
        let (ObjectKind::MapIterator(cursor) | ObjectKind::SetIterator(cursor)) =
            cursor_object.kind(self)
        else {
            return None;
        };
        let heap = &mut self.heap;
        let record = heap.map_cursors.get_mut(cursor.index());
        let entry = record.step(&heap.map_data);
        if entry.is_none() {
            record.data = None;
        }
        entry
    }

    /// The kind of iteration of a cursor.
    pub(crate) fn map_cursor_kind(&self, cursor: MapCursor) -> IterationKind {
        self.heap.map_cursors.get(cursor.index()).kind
    }
}

/// ### [24.5.1 CanonicalizeKeyedCollectionKey ( key )](https://tc39.es/ecma262/#sec-canonicalizekeyedcollectionkey)
pub(crate) fn canonicalize_keyed_collection_key<'a>(agent: &Agent, key: Value<'a>) -> Value<'a> {
    // 1. If key is -0𝔽, return +0𝔽.
    if key.is_number() && agent.number_value(key) == 0.0 {
        return Value::Integer(0);
    }
    // 2. Return key.
    key
}
