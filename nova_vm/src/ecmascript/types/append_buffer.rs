//! A text buffer that several strings share as prefixes of one another, so
//! that building a string with repeated `s += piece` appends in place.
//!
//! When `a + b` is computed and `a` is the longest string made so far from
//! its buffer (`a` ends where the buffer's written bytes end) and the buffer
//! has room, `b`'s bytes are written after `a`'s and the result is a new
//! string over the longer prefix. `a` itself is unchanged: it still sees only
//! its own prefix. Otherwise the result gets a fresh buffer with room to grow,
//! so a chain of appends copies O(n) bytes in total instead of O(n²).
//!
//! This is the only place in the engine with `unsafe` code. The invariant
//! that makes it sound: bytes below `written` are never written again, and
//! the bytes from `written` on are written only by the one caller that moved
//! `written` past them (a compare-and-swap), before any string can see them.

use std::ptr::NonNull;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A fixed-capacity UTF-8 buffer whose written prefix only grows.
pub(crate) struct AppendBuffer {
    start: NonNull<u8>,
    capacity: usize,
    /// How many bytes have been written (and claimed). Always ≤ `capacity`,
    /// always at a UTF-8 character boundary once the writer finishes.
    written: AtomicUsize,
}

// SAFETY: the buffer is owned memory, and concurrent users only read bytes
// below a length they observed after those bytes were written, or write a
// region they claimed exclusively through `written` (see the module docs).
unsafe impl Send for AppendBuffer {}
// SAFETY: as above; `&AppendBuffer` allows only reads of written bytes and
// writes to exclusively claimed, never-read bytes.
unsafe impl Sync for AppendBuffer {}

impl AppendBuffer {
    /// A buffer holding `first` followed by `second`, with room for
    /// `capacity` bytes in all (at least their combined length).
    pub(crate) fn new(first: &str, second: &str, capacity: usize) -> Arc<AppendBuffer> {
        let len = first.len() + second.len();
        let mut bytes = Vec::<u8>::with_capacity(capacity.max(len));
        bytes.extend_from_slice(first.as_bytes());
        bytes.extend_from_slice(second.as_bytes());
        let capacity = bytes.capacity();
        let mut bytes = std::mem::ManuallyDrop::new(bytes);
        let start = NonNull::new(bytes.as_mut_ptr()).expect("Vec pointers are non-null");
        Arc::new(AppendBuffer {
            start,
            capacity,
            written: AtomicUsize::new(len),
        })
    }

    /// Writes `text` at byte offset `end` if `end` is where the written bytes
    /// end and the text fits. Returns false (and writes nothing) otherwise.
    pub(crate) fn try_append(&self, end: usize, text: &str) -> bool {
        if self.capacity - end < text.len() {
            return false;
        }
        // Claim `end..end + len`: only one caller can move `written` from `end`.
        if self
            .written
            .compare_exchange(end, end + text.len(), Ordering::AcqRel, Ordering::Relaxed)
            .is_err()
        {
            return false;
        }
        // SAFETY: `end + text.len() <= capacity`, so the destination is inside
        // the allocation; the region was claimed above by this call alone and
        // no string covers it yet; `text` may be a prefix of this very buffer,
        // but prefixes end at or before `end`, so the ranges do not overlap.
        unsafe {
            std::ptr::copy_nonoverlapping(text.as_ptr(), self.start.as_ptr().add(end), text.len());
        }
        true
    }

    /// The first `len` bytes, which a string made from this buffer covers.
    pub(crate) fn prefix(&self, len: usize) -> &str {
        debug_assert!(len <= self.written.load(Ordering::Acquire));
        // SAFETY: a string over this buffer is only created after its bytes
        // were written, its length ends at a character boundary of UTF-8
        // text, and written bytes never change again.
        unsafe {
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(self.start.as_ptr(), len))
        }
    }

    /// Bytes allocated for the buffer.
    pub(crate) fn capacity(&self) -> usize {
        self.capacity
    }
}

impl Drop for AppendBuffer {
    fn drop(&mut self) {
        // SAFETY: `start` and `capacity` came from a `Vec<u8>` that was never
        // freed; a length of 0 means no elements are dropped (bytes need none).
        drop(unsafe { Vec::from_raw_parts(self.start.as_ptr(), 0, self.capacity) });
    }
}

impl std::fmt::Debug for AppendBuffer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppendBuffer")
            .field("capacity", &self.capacity)
            .field("written", &self.written.load(Ordering::Relaxed))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appends_in_place_only_at_the_end() {
        let buf = AppendBuffer::new("abc", "def", 16);
        assert_eq!(buf.prefix(6), "abcdef");
        assert!(buf.try_append(6, "gh"));
        assert_eq!(buf.prefix(8), "abcdefgh");
        // A shorter prefix cannot append: its successor already did.
        assert!(!buf.try_append(6, "xy"));
        assert_eq!(buf.prefix(6), "abcdef");
        // No room.
        assert!(!buf.try_append(8, "0123456789"));
    }

    #[test]
    fn appending_a_prefix_of_itself() {
        let buf = AppendBuffer::new("hello", "", 32);
        let text = buf.prefix(5);
        assert!(buf.try_append(5, text));
        assert_eq!(buf.prefix(10), "hellohello");
    }
}
