//! Size-classed storage: one flat vector of fixed-length chunks.

use super::arena::keep_capacity;
use super::compaction::CompactionMap;
use super::marks::MarkBits;

/// A vector of chunks that all hold exactly `chunk_len` elements, stored flat.
///
/// Variable-size payloads (an object's property values, say) are kept in one
/// `ChunkedArena` per size class: a payload of `n` elements lives in the arena
/// whose chunk length is the next power of two at or above `n`. A chunk is
/// addressed by its index and compacts like an [`Arena`](super::Arena) record.
#[derive(Debug)]
pub struct ChunkedArena<T> {
    chunk_len: usize,
    data: Vec<T>,
}

impl<T: Copy> ChunkedArena<T> {
    /// An empty arena of chunks holding `chunk_len` elements each.
    pub fn new(chunk_len: usize) -> Self {
        assert!(chunk_len > 0);
        Self {
            chunk_len,
            data: Vec::new(),
        }
    }

    /// Elements per chunk.
    #[inline]
    pub fn chunk_len(&self) -> usize {
        self.chunk_len
    }

    /// Number of chunks.
    #[inline]
    pub fn len(&self) -> usize {
        self.data.len() / self.chunk_len
    }

    /// True if there are no chunks.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// Bytes reserved by the backing vector.
    pub fn reserved_bytes(&self) -> usize {
        self.data.capacity() * std::mem::size_of::<T>()
    }

    /// Bytes the chunks in the arena take.
    pub fn used_bytes(&self) -> usize {
        self.data.len() * std::mem::size_of::<T>()
    }

    /// Appends a chunk filled with `fill` and returns its index.
    pub fn push_filled(&mut self, fill: T) -> u32 {
        let index = u32::try_from(self.len()).expect("chunk index overflow");
        self.data.resize(self.data.len() + self.chunk_len, fill);
        index
    }

    /// Element `offset` of chunk `index` (one bounds check on the flat
    /// vector, one against the chunk length, and no slice to build).
    #[inline]
    pub fn element(&self, index: u32, offset: usize) -> T {
        *self.element_ref(index, offset)
    }

    /// Element `offset` of chunk `index`, by reference.
    #[inline]
    pub fn element_ref(&self, index: u32, offset: usize) -> &T {
        assert!(offset < self.chunk_len, "offset past the end of its chunk");
        &self.data[index as usize * self.chunk_len + offset]
    }

    /// Overwrites element `offset` of chunk `index`.
    #[inline]
    pub fn set_element(&mut self, index: u32, offset: usize, value: T) {
        assert!(offset < self.chunk_len, "offset past the end of its chunk");
        self.data[index as usize * self.chunk_len + offset] = value;
    }

    /// Element `index` of the flat vector of every chunk's elements.
    #[inline]
    pub fn flat_ref(&self, index: usize) -> &T {
        &self.data[index]
    }

    /// Overwrites element `index` of the flat vector.
    #[inline]
    pub fn set_flat(&mut self, index: usize, value: T) {
        self.data[index] = value;
    }

    /// The elements of chunk `index`.
    #[inline]
    pub fn chunk(&self, index: u32) -> &[T] {
        let start = index as usize * self.chunk_len;
        &self.data[start..start + self.chunk_len]
    }

    /// The elements of chunk `index`, mutably.
    #[inline]
    pub fn chunk_mut(&mut self, index: u32) -> &mut [T] {
        let start = index as usize * self.chunk_len;
        &mut self.data[start..start + self.chunk_len]
    }

    /// Every element of every chunk, mutably (used by fix-up).
    pub fn all_mut(&mut self) -> &mut [T] {
        &mut self.data
    }

    /// Drops unmarked chunks, sliding survivors down, and reports the moves.
    pub fn compact(&mut self, marks: &MarkBits) -> CompactionMap {
        let count = self.len();
        let map = CompactionMap::from_marks(marks, count);
        if map.removed() > 0 {
            let mut write = 0usize;
            for chunk in 0..count {
                if marks.get(chunk as u32) {
                    if write != chunk {
                        let from = chunk * self.chunk_len;
                        self.data
                            .copy_within(from..from + self.chunk_len, write * self.chunk_len);
                    }
                    write += 1;
                }
            }
            self.data.truncate(write * self.chunk_len);
            let peak = count * self.chunk_len;
            if self.data.capacity() > 256 && !keep_capacity(self.data.capacity(), peak) {
                self.data.shrink_to(peak.max(self.data.len() * 2));
            }
        }
        map
    }
}
