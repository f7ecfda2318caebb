//! ### [6.2.9 Data Blocks](https://tc39.es/ecma262/#sec-data-blocks): the Shared Data Block
//!
//! The bytes of a SharedArrayBuffer, shared by every agent (thread) that
//! holds a SharedArrayBuffer object over them. The block is plain Rust data
//! behind an `Arc`: it never holds a handle, so it may cross threads while
//! the buffer objects stay in their agents' heaps.
//!
//! The bytes are stored in 64-bit atomic words: byte `i` is bits
//! `8 × (i mod 8)` to `8 × (i mod 8) + 7` of word `i / 8`. An element of a
//! TypedArray is aligned to its size (at most 8), so it never straddles two
//! words and every access to it is one atomic operation on one word; that is
//! what makes `Atomics` operations atomic across threads. Unordered accesses
//! (plain element reads and writes, DataView, copies) use relaxed atomics, so
//! they never tear a neighbour's bytes.
//!
//! A growable block reserves its maximum length up front; its length only
//! grows, by a compare-and-swap
//! ([25.2.5.3 SharedArrayBuffer.prototype.grow](https://tc39.es/ecma262/#sec-sharedarraybuffer.prototype.grow)),
//! and bytes past the length are always zero.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use super::waiter_list::WaiterLists;

/// The number of bytes in a word of the block.
const WORD: usize = 8;

/// A handle to a Shared Data Block; clones share the same bytes.
#[derive(Clone)]
pub struct SharedDataBlock(Arc<BlockInner>);

struct BlockInner {
    /// The bytes, eight to a word (capacity: the maximum length).
    words: Box<[AtomicU64]>,
    /// `[[ArrayBufferByteLengthData]]`: the current length in bytes.
    byte_length: AtomicUsize,
    /// `[[ArrayBufferMaxByteLength]]` of a growable block.
    max_byte_length: Option<usize>,
    /// The WaiterLists of this block, one per byte index waited on (the
    /// mutex is the critical section of [25.4.3.6 EnterCriticalSection](https://tc39.es/ecma262/#sec-entercriticalsection)).
    waiters: Mutex<WaiterLists>,
}

impl std::fmt::Debug for SharedDataBlock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SharedDataBlock")
            .field("byte_length", &self.byte_length())
            .field("max_byte_length", &self.0.max_byte_length)
            .finish_non_exhaustive()
    }
}

/// Why a growable block could not grow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrowError {
    /// The new length is smaller than the current one.
    Shrink,
    /// The new length exceeds the maximum length.
    TooLarge,
}

/// The mask of `size` bytes starting at bit 0.
#[inline]
fn low_mask(size: usize) -> u64 {
    if size >= WORD {
        u64::MAX
    } else {
        (1u64 << (8 * size)) - 1
    }
}

/// Bytes as a little-endian integer (the layout of a word), zero-extended.
#[inline]
fn bytes_to_bits(bytes: &[u8]) -> u64 {
    let mut raw = [0u8; WORD];
    raw[..bytes.len()].copy_from_slice(bytes);
    u64::from_le_bytes(raw)
}

impl SharedDataBlock {
    /// ### [6.2.9.2 CreateSharedByteDataBlock ( size )](https://tc39.es/ecma262/#sec-createsharedbytedatablock)
    ///
    /// A zeroed block of `byte_length` bytes that can grow to
    /// `max_byte_length`; `None` if the memory cannot be had.
    pub fn new(byte_length: usize, max_byte_length: Option<usize>) -> Option<SharedDataBlock> {
        let capacity = max_byte_length.unwrap_or(byte_length).max(byte_length);
        let word_count = capacity.div_ceil(WORD);
        // 1. Let db be a new Shared Data Block value consisting of size bytes. If it is
        //    impossible to create such a Shared Data Block, throw a RangeError exception.
        let mut words = Vec::new();
        words.try_reserve_exact(word_count).ok()?;
        // 2-5. Set all of the bytes of db to 0 (with init events in the candidate execution).
        words.extend(std::iter::repeat_with(|| AtomicU64::new(0)).take(word_count));
        Some(SharedDataBlock(Arc::new(BlockInner {
            words: words.into_boxed_slice(),
            byte_length: AtomicUsize::new(byte_length),
            max_byte_length,
            waiters: Mutex::new(WaiterLists::default()),
        })))
    }

    /// Whether two handles name the same block.
    #[inline]
    pub fn same_block(&self, other: &SharedDataBlock) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// The current length in bytes (a sequentially consistent read).
    #[inline]
    pub fn byte_length(&self) -> usize {
        self.0.byte_length.load(Ordering::SeqCst)
    }

    /// The maximum length of a growable block.
    pub fn max_byte_length(&self) -> Option<usize> {
        self.0.max_byte_length
    }

    /// The WaiterLists of this block and the mutex that is their critical section.
    pub(crate) fn waiters(&self) -> &Mutex<WaiterLists> {
        &self.0.waiters
    }

    /// Steps 14-17 of [25.2.5.3 SharedArrayBuffer.prototype.grow](https://tc39.es/ecma262/#sec-sharedarraybuffer.prototype.grow):
    /// sets the length to `new_length` unless another agent grew the block
    /// past it in the meantime.
    pub fn grow(&self, new_length: usize) -> Result<(), GrowError> {
        if self.0.max_byte_length.is_none_or(|max| new_length > max) {
            return Err(GrowError::TooLarge);
        }
        // 14. Let isLittleEndian be AR.[[LittleEndian]].
        // 16. Repeat,
        let mut current = self.0.byte_length.load(Ordering::SeqCst);
        loop {
            // a. NOTE: This is a compare-and-exchange loop to ensure that parallel, racing grows
            //    of the same buffer are totally ordered, are not lost, and do not silently do
            //    nothing.
            // c. If newByteLength = currentByteLength, return undefined.
            if new_length == current {
                return Ok(());
            }
            // d. If newByteLength < currentByteLength or newByteLength > O.[[ArrayBufferMaxByteLength]],
            //    throw a RangeError exception.
            if new_length < current {
                return Err(GrowError::Shrink);
            }
            // e-i. Compare-and-exchange the length; the new bytes are already zero.
            match self.0.byte_length.compare_exchange(
                current,
                new_length,
                Ordering::SeqCst,
                Ordering::SeqCst,
            ) {
                // j. If ByteListEqual(readByteLengthRawBytes, currentByteLengthRawBytes) is true,
                //    return undefined.
                Ok(_) => return Ok(()),
                Err(seen) => current = seen,
            }
        }
    }

    /// Replaces the bits `mask` of word `word` with `bits`, atomically.
    #[inline]
    fn store_masked(&self, word: usize, mask: u64, bits: u64, order: Ordering) {
        let cell = &self.0.words[word];
        if mask == u64::MAX {
            cell.store(bits, order);
        } else {
            let load = if order == Ordering::Relaxed {
                Ordering::Relaxed
            } else {
                Ordering::SeqCst
            };
            let _ = cell.fetch_update(order, load, |w| Some((w & !mask) | (bits & mask)));
        }
    }

    /// Reads `out.len()` bytes from `offset` (unordered: each word is read
    /// atomically, the whole range is not).
    pub fn read(&self, offset: usize, out: &mut [u8]) {
        let mut i = 0;
        while i < out.len() {
            let at = offset + i;
            let word = self.0.words[at / WORD].load(Ordering::Relaxed);
            let first = at % WORD;
            let count = (WORD - first).min(out.len() - i);
            let bytes = (word >> (8 * first)).to_le_bytes();
            out[i..i + count].copy_from_slice(&bytes[..count]);
            i += count;
        }
    }

    /// Writes `bytes` at `offset` (unordered: each word is written
    /// atomically without disturbing the bytes around the range).
    pub fn write(&self, offset: usize, bytes: &[u8]) {
        let mut i = 0;
        while i < bytes.len() {
            let at = offset + i;
            let first = at % WORD;
            let count = (WORD - first).min(bytes.len() - i);
            let mask = low_mask(count) << (8 * first);
            let bits = bytes_to_bits(&bytes[i..i + count]) << (8 * first);
            self.store_masked(at / WORD, mask, bits, Ordering::Relaxed);
            i += count;
        }
    }

    /// Reads the `size` bytes of an element at `offset` with ordering
    /// `order` (one atomic read when they share a word).
    #[inline]
    pub fn load(&self, offset: usize, size: usize, order: Ordering) -> [u8; WORD] {
        let first = offset % WORD;
        if first + size > WORD {
            let mut out = [0u8; WORD];
            self.read(offset, &mut out[..size]);
            return out;
        }
        let word = self.0.words[offset / WORD].load(order);
        ((word >> (8 * first)) & low_mask(size)).to_le_bytes()
    }

    /// Writes the bytes of an element at `offset` with ordering `order` (one
    /// atomic write when they share a word).
    #[inline]
    pub fn store(&self, offset: usize, bytes: &[u8], order: Ordering) {
        let first = offset % WORD;
        if first + bytes.len() > WORD {
            self.write(offset, bytes);
            return;
        }
        let mask = low_mask(bytes.len()) << (8 * first);
        let bits = bytes_to_bits(bytes) << (8 * first);
        self.store_masked(offset / WORD, mask, bits, order);
    }

    /// Atomically replaces the `size` bytes at `offset` (aligned to `size`)
    /// by `modify(old)` and returns the old bytes: the read-modify-write of
    /// [25.4.3.17 AtomicReadModifyWrite](https://tc39.es/ecma262/#sec-atomicreadmodifywrite),
    /// sequentially consistent.
    pub fn update(
        &self,
        offset: usize,
        size: usize,
        mut modify: impl FnMut([u8; WORD]) -> [u8; WORD],
    ) -> [u8; WORD] {
        let first = offset % WORD;
        debug_assert!(first + size <= WORD, "atomic accesses are aligned");
        let mask = low_mask(size);
        let shift = 8 * first;
        let cell = &self.0.words[offset / WORD];
        let previous = cell
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |w| {
                let old = ((w >> shift) & mask).to_le_bytes();
                let new = u64::from_le_bytes(modify(old)) & mask;
                Some((w & !(mask << shift)) | (new << shift))
            })
            .unwrap_or_else(|w| w);
        ((previous >> shift) & mask).to_le_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip_across_words() {
        let block = SharedDataBlock::new(24, None).unwrap();
        let data: Vec<u8> = (1..=20).collect();
        block.write(3, &data);
        let mut out = vec![0u8; 24];
        block.read(0, &mut out);
        assert_eq!(&out[..3], &[0, 0, 0]);
        assert_eq!(&out[3..23], &data[..]);
        assert_eq!(out[23], 0);
        assert_eq!(block.load(4, 4, Ordering::SeqCst)[..4], [2, 3, 4, 5]);
        block.store(6, &[9, 9], Ordering::SeqCst);
        assert_eq!(block.load(5, 4, Ordering::SeqCst)[..4], [3, 9, 9, 6]);
    }

    #[test]
    fn update_is_atomic_across_threads() {
        let block = SharedDataBlock::new(16, None).unwrap();
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let block = block.clone();
                std::thread::spawn(move || {
                    for _ in 0..10_000 {
                        block.update(4, 4, |old| {
                            let n = u32::from_le_bytes([old[0], old[1], old[2], old[3]]) + 1;
                            let mut new = [0u8; 8];
                            new[..4].copy_from_slice(&n.to_le_bytes());
                            new
                        });
                        block.update(8, 1, |old| [old[0].wrapping_add(1), 0, 0, 0, 0, 0, 0, 0]);
                    }
                })
            })
            .collect();
        for thread in threads {
            thread.join().unwrap();
        }
        assert_eq!(
            block.load(4, 4, Ordering::SeqCst)[..4],
            40_000u32.to_le_bytes()
        );
        assert_eq!(
            block.load(8, 1, Ordering::SeqCst)[0],
            (40_000u32 % 256) as u8
        );
        assert_eq!(block.load(0, 4, Ordering::SeqCst)[..4], [0, 0, 0, 0]);
    }

    #[test]
    fn growth_is_monotonic_and_bounded() {
        let block = SharedDataBlock::new(2, Some(10)).unwrap();
        assert_eq!(block.grow(1), Err(GrowError::Shrink));
        assert_eq!(block.grow(11), Err(GrowError::TooLarge));
        assert_eq!(block.grow(10), Ok(()));
        assert_eq!(block.byte_length(), 10);
        assert_eq!(
            SharedDataBlock::new(2, None).unwrap().grow(3),
            Err(GrowError::TooLarge)
        );
    }
}
