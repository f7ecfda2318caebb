//! A homogeneous vector of records addressed by 32-bit indexes.

use super::compaction::CompactionMap;
use super::marks::MarkBits;

/// One vector of records of the same type.
///
/// Records are appended by [`Arena::push`] and addressed by the returned index
/// until the next compaction, which slides the survivors down (keeping their
/// order) and reports the moves in a [`CompactionMap`].
#[derive(Debug)]
pub struct Arena<T> {
    records: Vec<T>,
}

impl<T> Default for Arena<T> {
    fn default() -> Self {
        Self {
            records: Vec::new(),
        }
    }
}

impl<T> Arena<T> {
    /// Size in bytes of one record, for allocation accounting.
    pub const RECORD_BYTES: usize = std::mem::size_of::<T>();

    /// Appends a record and returns its index.
    ///
    /// Panics only if the arena already holds `u32::MAX` records; the agent's
    /// heap limit stops allocation long before that.
    #[inline]
    pub fn push(&mut self, record: T) -> u32 {
        let index = u32::try_from(self.records.len()).expect("arena index overflow");
        self.records.push(record);
        index
    }

    /// Number of records (live and not yet collected).
    #[inline]
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// True if the arena holds no records.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Bytes reserved by the vector (capacity times record size).
    pub fn reserved_bytes(&self) -> usize {
        self.records.capacity() * Self::RECORD_BYTES
    }

    /// Bytes the records in the arena take (length times record size).
    pub fn used_bytes(&self) -> usize {
        self.records.len() * Self::RECORD_BYTES
    }

    /// The record at `index`.
    #[inline]
    pub fn get(&self, index: u32) -> &T {
        &self.records[index as usize]
    }

    /// The record at `index`, mutably.
    #[inline]
    pub fn get_mut(&mut self, index: u32) -> &mut T {
        &mut self.records[index as usize]
    }

    /// Iterates over every record mutably (used by fix-up).
    pub fn iter_mut(&mut self) -> std::slice::IterMut<'_, T> {
        self.records.iter_mut()
    }

    /// Iterates over every record with its index.
    pub fn iter(&self) -> impl Iterator<Item = (u32, &T)> {
        self.records.iter().enumerate().map(|(i, r)| (i as u32, r))
    }

    /// Drops every record whose mark bit is clear, sliding the survivors down in
    /// order, and returns where each old index went.
    pub fn compact(&mut self, marks: &MarkBits) -> CompactionMap {
        // The arena's length now is the most it held since the last
        // collection.
        let peak = self.records.len();
        let map = CompactionMap::from_marks(marks, peak);
        if map.removed() > 0 {
            let mut index = 0usize;
            self.records.retain(|_| {
                let keep = marks.get(index as u32);
                index += 1;
                keep
            });
            if keep_capacity(self.records.capacity(), peak) {
                return map;
            }
            self.records.shrink_to(peak.max(self.records.len() * 2));
        }
        map
    }
}

/// Whether a compacted arena keeps its storage: unless even its fullest since
/// the last collection (`peak`) used under a quarter of `capacity`, the
/// mutator will fill it again before the next collection, and storage given
/// back now would come back as fresh pages, each faulted in again, every
/// cycle. Small arenas always keep theirs.
pub(crate) fn keep_capacity(capacity: usize, peak: usize) -> bool {
    capacity <= 64 || peak * 4 >= capacity
}

#[cfg(test)]
mod tests {
    use super::Arena;
    use crate::heap::marks::MarkBits;

    /// Compacts `arena` keeping only its first `survivors` records.
    fn compact_keeping(arena: &mut Arena<u64>, survivors: u32) {
        let mut marks = MarkBits::with_len(arena.len());
        for index in 0..survivors {
            marks.set(index);
        }
        arena.compact(&marks);
    }

    /// An arena of 10 000 records.
    fn filled_arena() -> Arena<u64> {
        let mut arena = Arena::<u64>::default();
        for value in 0..10_000 {
            arena.push(value);
        }
        arena
    }

    #[test]
    fn an_arena_filled_since_the_last_collection_keeps_its_storage() {
        let mut arena = filled_arena();
        let capacity = arena.reserved_bytes();
        compact_keeping(&mut arena, 10);
        assert_eq!(arena.len(), 10);
        assert_eq!(arena.reserved_bytes(), capacity);
        assert_eq!(arena.used_bytes(), 10 * std::mem::size_of::<u64>());
    }

    #[test]
    fn an_arena_that_stayed_nearly_empty_gives_its_storage_back() {
        let mut arena = filled_arena();
        let capacity = arena.reserved_bytes();
        // The first collection keeps the storage; the cycle after it only
        // fills a little of it, so the next collection shrinks it.
        compact_keeping(&mut arena, 10);
        for value in 0..20 {
            arena.push(value);
        }
        compact_keeping(&mut arena, 10);
        assert_eq!(arena.len(), 10);
        assert!(arena.reserved_bytes() < capacity / 4);
    }
}
