//! Mark bits and the tracing work queue.

use super::trace::{ArenaId, HandleVisitor};

/// One bit per record of an arena.
#[derive(Debug, Default, Clone)]
pub struct MarkBits {
    words: Vec<u64>,
}

impl MarkBits {
    /// Clear bits for `len` records.
    pub fn with_len(len: usize) -> Self {
        Self {
            words: vec![0; len.div_ceil(64)],
        }
    }

    /// Whether record `index` is marked. Indexes past the end read as unmarked.
    #[inline]
    pub fn get(&self, index: u32) -> bool {
        let index = index as usize;
        self.words
            .get(index / 64)
            .is_some_and(|w| w & (1 << (index % 64)) != 0)
    }

    /// Marks record `index`; returns true if it was not marked before.
    #[inline]
    pub fn set(&mut self, index: u32) -> bool {
        let index = index as usize;
        let word = &mut self.words[index / 64];
        let bit = 1u64 << (index % 64);
        let was_clear = *word & bit == 0;
        *word |= bit;
        was_clear
    }

    /// The 64 mark bits of records `64 * block .. 64 * block + 64`.
    #[inline]
    pub fn word(&self, block: usize) -> u64 {
        self.words.get(block).copied().unwrap_or(0)
    }

    /// Number of marked records in `index`'s 64-record block that come before it.
    #[inline]
    pub fn count_in_word_below(&self, index: u32) -> u32 {
        let below_mask = (1u64 << (index % 64)) - 1;
        (self.word(index as usize / 64) & below_mask).count_ones()
    }

    /// Number of marked records.
    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }
}

/// Mark bits for every arena plus the queue of records still to trace.
///
/// As a [`HandleVisitor`] it marks each visited handle and queues the records it
/// marks for the first time, so tracing is `while let Some(..) = pop()` over the
/// records' [`Trace`](super::Trace) implementations.
#[derive(Debug)]
pub struct MarkState {
    bits: Vec<MarkBits>,
    queue: Vec<(ArenaId, u32)>,
}

impl MarkState {
    /// Clear marks for arenas of the given lengths (indexed by [`ArenaId`]).
    pub fn new(arena_lengths: &[usize]) -> Self {
        Self {
            bits: arena_lengths
                .iter()
                .map(|&len| MarkBits::with_len(len))
                .collect(),
            queue: Vec::with_capacity(1024),
        }
    }

    /// Whether the record is marked.
    #[inline]
    pub fn is_marked(&self, arena: ArenaId, index: u32) -> bool {
        self.bits[arena as usize].get(index)
    }

    /// Marks a record, queueing it for tracing if newly marked. Returns true if it
    /// was newly marked.
    #[inline]
    pub fn mark(&mut self, arena: ArenaId, index: u32) -> bool {
        let newly = self.bits[arena as usize].set(index);
        if newly {
            self.queue.push((arena, index));
        }
        newly
    }

    /// Next record to trace.
    #[inline]
    pub fn pop(&mut self) -> Option<(ArenaId, u32)> {
        self.queue.pop()
    }

    /// The mark bits of one arena.
    pub fn bits(&self, arena: ArenaId) -> &MarkBits {
        &self.bits[arena as usize]
    }
}

impl HandleVisitor for MarkState {
    #[inline]
    fn visit(&mut self, arena: ArenaId, index: &mut u32) {
        self.mark(arena, *index);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marking_queues_each_record_once() {
        let mut state = MarkState::new(&[10, 200]);
        assert!(state.mark(1, 130));
        assert!(!state.mark(1, 130));
        assert!(state.mark(0, 3));
        assert!(state.is_marked(1, 130));
        assert!(!state.is_marked(1, 129));
        assert_eq!(state.pop(), Some((0, 3)));
        assert_eq!(state.pop(), Some((1, 130)));
        assert_eq!(state.pop(), None);
        assert_eq!(state.bits(1).count(), 1);
    }
}
