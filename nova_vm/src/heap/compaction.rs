//! Where surviving records moved during compaction.

use super::marks::MarkBits;
use super::trace::{ArenaId, HandleVisitor};

/// Maps an arena's old record indexes to the indexes they have after compaction.
///
/// Compaction keeps the survivors' order, so the new index of a live record is
/// the number of live records before it. The map stores that prefix count per
/// 64-record block, so lookups are a popcount and it costs one `u32` per 64
/// records.
#[derive(Debug, Default, Clone)]
pub struct CompactionMap {
    marks: MarkBits,
    block_starts: Vec<u32>,
    removed: usize,
}

impl CompactionMap {
    /// Builds the map for an arena of `len` records with the given marks.
    pub fn from_marks(marks: &MarkBits, len: usize) -> Self {
        let blocks = len.div_ceil(64);
        let mut block_starts = Vec::with_capacity(blocks);
        let mut live = 0u32;
        for block in 0..blocks {
            block_starts.push(live);
            live += marks.word(block).count_ones();
        }
        Self {
            marks: marks.clone(),
            block_starts,
            removed: len - live as usize,
        }
    }

    /// How many records the compaction removed.
    pub fn removed(&self) -> usize {
        self.removed
    }

    /// New index of a record that survived.
    #[inline]
    pub fn new_index(&self, old: u32) -> u32 {
        debug_assert!(self.marks.get(old), "fix-up of a handle to a dead record");
        self.block_starts[old as usize / 64] + self.marks.count_in_word_below(old)
    }
}

/// Rewrites every visited handle through the compaction maps of all arenas.
#[derive(Debug)]
pub struct Fixup {
    maps: Vec<CompactionMap>,
}

impl Fixup {
    /// A fix-up visitor over one map per arena (indexed by [`ArenaId`]).
    pub fn new(maps: Vec<CompactionMap>) -> Self {
        Self { maps }
    }

    /// True if no arena moved anything (fix-up can be skipped).
    pub fn is_identity(&self) -> bool {
        self.maps.iter().all(|m| m.removed() == 0)
    }

    /// New index for a handle into `arena`.
    #[inline]
    pub fn map(&self, arena: ArenaId, old: u32) -> u32 {
        let map = &self.maps[arena as usize];
        if map.removed() == 0 {
            old
        } else {
            map.new_index(old)
        }
    }
}

impl HandleVisitor for Fixup {
    #[inline]
    fn visit(&mut self, arena: ArenaId, index: &mut u32) {
        *index = self.map(arena, *index);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::Arena;

    #[test]
    fn survivors_slide_down_in_order() {
        let mut arena = Arena::default();
        for i in 0..200u32 {
            arena.push(i);
        }
        let mut marks = MarkBits::with_len(200);
        for i in (0..200).filter(|i| i % 3 == 0) {
            marks.set(i);
        }
        let map = arena.compact(&marks);
        assert_eq!(arena.len(), 67);
        assert_eq!(map.removed(), 133);
        for old in (0..200u32).filter(|i| i % 3 == 0) {
            let new = map.new_index(old);
            assert_eq!(*arena.get(new), old);
        }
    }
}
