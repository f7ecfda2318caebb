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
        let map = CompactionMap::from_marks(marks, self.records.len());
        if map.removed() > 0 {
            let mut index = 0usize;
            self.records.retain(|_| {
                let keep = marks.get(index as u32);
                index += 1;
                keep
            });
            // Give memory back when the arena shrank a lot.
            if self.records.capacity() > 64 && self.records.len() * 4 < self.records.capacity() {
                self.records.shrink_to(self.records.len() * 2);
            }
        }
        map
    }
}
