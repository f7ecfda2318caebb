//! The `[[MapData]]` and `[[SetData]]` internal slots: an insertion-ordered
//! list of entries with a hash index.
//!
//! The specification describes these slots as Lists whose deleted entries
//! become ~empty~ and stay in place, so that iterators (which hold a position
//! in the List) see entries added during iteration and skip deleted ones. This
//! record keeps exactly that shape: `entries` only grows between collections,
//! and a deleted entry is a tombstone. A hash index from key to position makes
//! lookups O(1) on average; keys are hashed by their SameValueZero identity
//! (strings by content, numbers by value with NaN equal to NaN, objects and
//! symbols by handle).
//!
//! Tombstones are dropped by the collector, which also moves the position of
//! every live cursor ([`MapCursorRecord`]: iterators, and the loops of
//! `forEach` and the Set methods) so that it keeps pointing at the same entry.

use hashbrown::HashTable;

use crate::ecmascript::execution::heap_layout::arena_ids;
use crate::ecmascript::types::handle::define_handle;
use crate::ecmascript::types::{BigIntRecord, NumberRecord, SmallString, StringRecord, Value};
use crate::engine::Bindable;
use crate::heap::{Arena, HandleVisitor, Trace};

define_handle!(
    /// Handle to the entries of a Map or a Set.
    MapData,
    arena_ids::MAP_DATA
);

define_handle!(
    /// Handle to a position in the entries of a Map or a Set (an iterator's
    /// state, or the loop index of a built-in that calls back into JavaScript).
    MapCursor,
    arena_ids::MAP_CURSORS
);

/// What the heap provides to hash and compare keys: string, number and BigInt
/// contents, and the hasher.
#[derive(Clone, Copy)]
pub struct KeyContext<'h> {
    /// Heap strings.
    pub strings: &'h Arena<StringRecord>,
    /// Heap numbers.
    pub numbers: &'h Arena<NumberRecord>,
    /// Heap BigInts.
    pub bigints: &'h Arena<BigIntRecord>,
    /// The hasher.
    pub state: &'h ahash::RandomState,
}

/// The content of a key, reduced to what SameValueZero compares.
#[derive(Hash)]
enum KeyIdentity<'k> {
    Undefined,
    Null,
    Boolean(bool),
    /// The bits of the number, with every NaN made the same NaN and -0 made +0.
    Number(u64),
    /// UTF-8 bytes of a well-formed string.
    String(&'k [u8]),
    /// The text of a string with lone surrogates.
    IllFormedString(&'k wtf8::Wtf8),
    /// A BigInt that fits in an i64.
    SmallBigInt(i64),
    /// Two's-complement little-endian bytes of a larger BigInt.
    BigBigInt(Vec<u8>),
    Symbol(u32),
    Object(u32),
}

impl<'h> KeyContext<'h> {
    /// The number a Number value holds.
    fn number(&self, value: Value) -> Option<f64> {
        match value {
            Value::Integer(i) => Some(f64::from(i)),
            Value::SmallF64(n) => Some(n.to_f64()),
            Value::Number(h) => Some(self.numbers.get(h.index()).0),
            _ => None,
        }
    }

    /// The text of a String value.
    fn string_text<'k>(&'k self, value: &'k Value) -> Option<KeyIdentity<'k>> {
        match value {
            Value::SmallString(s) => Some(KeyIdentity::String(small_bytes(s))),
            Value::String(h) => {
                let record = self.strings.get(h.index());
                Some(match record.as_str() {
                    Some(s) => KeyIdentity::String(s.as_bytes()),
                    None => KeyIdentity::IllFormedString(record.as_wtf8()),
                })
            }
            _ => None,
        }
    }

    fn identity<'k>(&'k self, value: &'k Value) -> KeyIdentity<'k> {
        if let Some(n) = self.number(*value) {
            let n = if n.is_nan() {
                f64::NAN
            } else if n == 0.0 {
                0.0
            } else {
                n
            };
            return KeyIdentity::Number(n.to_bits());
        }
        if let Some(text) = self.string_text(value) {
            return text;
        }
        match *value {
            Value::Undefined => KeyIdentity::Undefined,
            Value::Null => KeyIdentity::Null,
            Value::Boolean(b) => KeyIdentity::Boolean(b),
            Value::SmallBigInt(i) => KeyIdentity::SmallBigInt(i64::from(i)),
            Value::BigInt(h) => {
                let n = &self.bigints.get(h.index()).0;
                match i64::try_from(n) {
                    Ok(small) => KeyIdentity::SmallBigInt(small),
                    Err(_) => KeyIdentity::BigBigInt(n.to_signed_bytes_le()),
                }
            }
            Value::Symbol(s) => KeyIdentity::Symbol(s.index()),
            Value::Object(o) => KeyIdentity::Object(o.index()),
            // Numbers and strings were handled above.
            _ => KeyIdentity::Undefined,
        }
    }

    /// The hash of a key: equal under SameValueZero implies equal hashes.
    pub fn hash(&self, key: Value) -> u64 {
        self.state.hash_one(self.identity(&key))
    }

    /// ### [7.2.10 SameValueZero ( x, y )](https://tc39.es/ecma262/#sec-samevaluezero)
    /// on the heap's contents.
    pub fn same_value_zero(&self, x: Value, y: Value) -> bool {
        if let (Some(a), Some(b)) = (self.number(x), self.number(y)) {
            return (a.is_nan() && b.is_nan()) || a == b;
        }
        if let (Some(a), Some(b)) = (self.string_text(&x), self.string_text(&y)) {
            return match (a, b) {
                (KeyIdentity::String(a), KeyIdentity::String(b)) => a == b,
                (KeyIdentity::IllFormedString(a), KeyIdentity::IllFormedString(b)) => a == b,
                _ => false,
            };
        }
        if x.is_bigint() && y.is_bigint() {
            return match (x, y) {
                (Value::SmallBigInt(a), Value::SmallBigInt(b)) => a == b,
                _ => self.bigint(x) == self.bigint(y),
            };
        }
        x == y
    }

    fn bigint(&self, value: Value) -> num_bigint::BigInt {
        match value {
            Value::SmallBigInt(i) => num_bigint::BigInt::from(i),
            Value::BigInt(h) => self.bigints.get(h.index()).0.clone(),
            _ => num_bigint::BigInt::default(),
        }
    }
}

/// The bytes of an inline string.
fn small_bytes(s: &SmallString) -> &[u8] {
    s.as_str().as_bytes()
}

/// True for keys hashed by their handle (which moves during compaction).
fn is_identity_key(key: Value) -> bool {
    matches!(key, Value::Object(_) | Value::Symbol(_))
}

/// One entry of a Map or Set.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// `[[Key]]` (for a Set, the element); `None` once deleted (~empty~).
    key: Option<Value<'static>>,
    /// `[[Value]]` (undefined for Sets).
    value: Value<'static>,
    /// Hash of the key.
    hash: u64,
}

/// Bytes one entry costs (the entry and its index slot), for allocation accounting.
pub const ENTRY_BYTES: usize = std::mem::size_of::<Entry>() + std::mem::size_of::<u32>() * 2;

/// The entries of one Map or Set.
#[derive(Debug, Default)]
pub struct MapDataRecord {
    /// Entries in insertion order, deleted ones included.
    entries: Vec<Entry>,
    /// Positions in `entries` of the live entries, by key hash.
    index: HashTable<u32>,
    /// Number of live entries.
    live: u32,
    /// Whether some key was ever an object or a symbol (hashed by handle).
    has_identity_keys: bool,
}

impl MapDataRecord {
    /// A copy of the live entries, without tombstones.
    pub fn compacted_copy(&self) -> MapDataRecord {
        let mut copy = MapDataRecord {
            entries: Vec::with_capacity(self.live as usize),
            index: HashTable::with_capacity(self.live as usize),
            live: 0,
            has_identity_keys: self.has_identity_keys,
        };
        for entry in self.entries.iter().filter(|e| e.key.is_some()) {
            copy.entries.push(*entry);
        }
        copy.live = copy.entries.len() as u32;
        copy.rebuild_index();
        copy
    }

    /// The number of elements of the List, ~empty~ ones included.
    #[inline]
    pub fn list_len(&self) -> usize {
        self.entries.len()
    }

    /// The number of entries that are not ~empty~.
    #[inline]
    pub fn size(&self) -> u32 {
        self.live
    }

    /// Key and value of the entry at `position`, or None if it is ~empty~.
    #[inline]
    pub fn entry_at(&self, position: usize) -> Option<(Value<'static>, Value<'static>)> {
        self.entries
            .get(position)
            .and_then(|e| e.key.map(|k| (k, e.value)))
    }

    /// Position of the live entry whose key is SameValueZero to `key`.
    pub fn find(&self, ctx: &KeyContext, key: Value) -> Option<usize> {
        let hash = ctx.hash(key);
        let entries = &self.entries;
        self.index
            .find(hash, |&i| {
                entries[i as usize]
                    .key
                    .is_some_and(|k| ctx.same_value_zero(k, key))
            })
            .map(|&i| i as usize)
    }

    /// The value stored for `key`.
    pub fn get(&self, ctx: &KeyContext, key: Value) -> Option<Value<'static>> {
        self.find(ctx, key).map(|i| self.entries[i].value)
    }

    /// Stores `value` for `key`, appending a new entry if the key is absent.
    /// Returns true if an entry was appended.
    pub fn set(&mut self, ctx: &KeyContext, key: Value, value: Value) -> bool {
        let (key, value) = (key.unbind(), value.unbind());
        if let Some(i) = self.find(ctx, key) {
            self.entries[i].value = value;
            return false;
        }
        let hash = ctx.hash(key);
        let position = self.entries.len() as u32;
        self.entries.push(Entry {
            key: Some(key),
            value,
            hash,
        });
        let entries = &self.entries;
        self.index
            .insert_unique(hash, position, |&i| entries[i as usize].hash);
        self.live += 1;
        self.has_identity_keys |= is_identity_key(key);
        true
    }

    /// Makes the entry for `key` ~empty~; returns whether there was one.
    pub fn delete(&mut self, ctx: &KeyContext, key: Value) -> bool {
        let hash = ctx.hash(key);
        let entries = &self.entries;
        let Ok(found) = self.index.find_entry(hash, |&i| {
            entries[i as usize]
                .key
                .is_some_and(|k| ctx.same_value_zero(k, key))
        }) else {
            return false;
        };
        let (position, _) = found.remove();
        let entry = &mut self.entries[position as usize];
        entry.key = None;
        entry.value = Value::Undefined;
        self.live -= 1;
        true
    }

    /// Makes every entry ~empty~ (the List itself stays, for live iterators).
    pub fn clear(&mut self) {
        for entry in &mut self.entries {
            entry.key = None;
            entry.value = Value::Undefined;
        }
        self.index.clear();
        self.live = 0;
    }

    /// True if some entries are ~empty~.
    pub fn has_tombstones(&self) -> bool {
        self.entries.len() > self.live as usize
    }

    /// Where each position goes when the tombstones are dropped: the number of
    /// live entries before it (`positions.len()` is `list_len() + 1`).
    pub fn compaction_positions(&self) -> Vec<u32> {
        let mut positions = Vec::with_capacity(self.entries.len() + 1);
        let mut live = 0u32;
        for entry in &self.entries {
            positions.push(live);
            if entry.key.is_some() {
                live += 1;
            }
        }
        positions.push(live);
        positions
    }

    /// Drops the tombstones (positions move as [`Self::compaction_positions`] says).
    pub fn drop_tombstones(&mut self) {
        self.entries.retain(|e| e.key.is_some());
        if self.entries.capacity() > 64 && self.entries.len() * 4 < self.entries.capacity() {
            self.entries.shrink_to(self.entries.len() * 2);
        }
        self.rebuild_index();
    }

    /// Recomputes the hashes of keys hashed by handle (after compaction moved
    /// them) and rebuilds the index.
    pub fn rehash_identity_keys(&mut self, ctx: &KeyContext) {
        if !self.has_identity_keys {
            return;
        }
        for entry in &mut self.entries {
            if let Some(key) = entry.key
                && is_identity_key(key)
            {
                entry.hash = ctx.hash(key);
            }
        }
        self.rebuild_index();
    }

    fn rebuild_index(&mut self) {
        self.index.clear();
        let entries = &self.entries;
        for (position, entry) in entries.iter().enumerate() {
            if entry.key.is_some() {
                self.index
                    .insert_unique(entry.hash, position as u32, |&i| entries[i as usize].hash);
            }
        }
    }

    /// Bytes owned outside the record, for accounting.
    pub fn payload_bytes(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<Entry>()
            + self.index.capacity() * std::mem::size_of::<u32>()
    }
}

impl Trace for MapDataRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        // Maps and Sets hold their keys and values strongly.
        for entry in &mut self.entries {
            if let Some(key) = &mut entry.key {
                key.trace(visitor);
            }
            entry.value.trace(visitor);
        }
    }
}

/// Which part of each entry an iteration produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IterationKind {
    /// `[[Key]]`
    Key,
    /// `[[Value]]`
    Value,
    /// `[key, value]` arrays.
    KeyValue,
}

/// A position in a Map's or Set's List of entries.
#[derive(Debug)]
pub struct MapCursorRecord {
    /// The entries iterated over; None once the iteration has finished.
    pub data: Option<MapData<'static>>,
    /// Index of the next entry to look at.
    pub position: u32,
    /// What the iteration produces.
    pub kind: IterationKind,
}

impl MapCursorRecord {
    /// Advances past ~empty~ entries to the next live one and returns it, or
    /// None at the end of the List.
    pub fn step(
        &mut self,
        arena: &Arena<MapDataRecord>,
    ) -> Option<(Value<'static>, Value<'static>)> {
        let data = arena.get(self.data?.index());
        while (self.position as usize) < data.list_len() {
            let position = self.position as usize;
            self.position += 1;
            if let Some(entry) = data.entry_at(position) {
                return Some(entry);
            }
        }
        None
    }
}

impl Trace for MapCursorRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        if let Some(data) = &mut self.data {
            data.visit(visitor);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_ctx<R>(f: impl FnOnce(&KeyContext) -> R) -> R {
        let strings = Arena::default();
        let numbers = Arena::default();
        let bigints = Arena::default();
        let state = ahash::RandomState::with_seeds(1, 2, 3, 4);
        f(&KeyContext {
            strings: &strings,
            numbers: &numbers,
            bigints: &bigints,
            state: &state,
        })
    }

    #[test]
    fn tombstones_keep_positions_until_compaction() {
        with_ctx(|ctx| {
            let mut data = MapDataRecord::default();
            for i in 0..5 {
                assert!(data.set(ctx, Value::Integer(i), Value::Integer(i * 10)));
            }
            assert!(!data.set(ctx, Value::Integer(2), Value::Integer(99)));
            assert_eq!(data.get(ctx, Value::Integer(2)), Some(Value::Integer(99)));
            assert!(data.delete(ctx, Value::Integer(1)));
            assert!(!data.delete(ctx, Value::Integer(1)));
            assert_eq!(data.size(), 4);
            assert_eq!(data.list_len(), 5);
            assert_eq!(data.entry_at(1), None);
            assert_eq!(data.compaction_positions(), vec![0, 1, 1, 2, 3, 4]);
            data.drop_tombstones();
            assert_eq!(data.list_len(), 4);
            assert_eq!(data.find(ctx, Value::Integer(3)), Some(2));
        });
    }

    #[test]
    fn numbers_compare_by_same_value_zero() {
        with_ctx(|ctx| {
            let nan_a = Value::SmallF64(
                crate::ecmascript::types::SmallF64::try_from_f64(f64::NAN).unwrap(),
            );
            let nan_b = Value::SmallF64(
                crate::ecmascript::types::SmallF64::try_from_f64(f64::from_bits(
                    0x7ff8_0000_0001_0000,
                ))
                .unwrap(),
            );
            let minus_zero =
                Value::SmallF64(crate::ecmascript::types::SmallF64::try_from_f64(-0.0).unwrap());
            let mut data = MapDataRecord::default();
            data.set(ctx, nan_a, Value::Integer(1));
            assert_eq!(data.get(ctx, nan_b), Some(Value::Integer(1)));
            data.set(ctx, Value::Integer(0), Value::Integer(2));
            assert_eq!(data.get(ctx, minus_zero), Some(Value::Integer(2)));
        });
    }

    #[test]
    fn cursor_sees_appended_entries_and_skips_deleted_ones() {
        with_ctx(|ctx| {
            let mut arena: Arena<MapDataRecord> = Arena::default();
            let index = arena.push(MapDataRecord::default());
            for i in 0..3 {
                arena
                    .get_mut(index)
                    .set(ctx, Value::Integer(i), Value::Undefined);
            }
            let mut cursor = MapCursorRecord {
                data: Some(MapData::from_index(index)),
                position: 0,
                kind: IterationKind::Key,
            };
            assert_eq!(cursor.step(&arena).map(|e| e.0), Some(Value::Integer(0)));
            arena.get_mut(index).delete(ctx, Value::Integer(1));
            arena
                .get_mut(index)
                .set(ctx, Value::Integer(7), Value::Undefined);
            assert_eq!(cursor.step(&arena).map(|e| e.0), Some(Value::Integer(2)));
            assert_eq!(cursor.step(&arena).map(|e| e.0), Some(Value::Integer(7)));
            assert_eq!(cursor.step(&arena), None);
        });
    }
}
