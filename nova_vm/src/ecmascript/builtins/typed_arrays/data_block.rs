//! ### [6.2.9 Data Blocks](https://tc39.es/ecma262/#sec-data-blocks)
//!
//! `[[ArrayBufferData]]`: an ArrayBuffer owns its bytes (a `Vec<u8>` in its
//! agent's heap, the fast common case); a SharedArrayBuffer refers to a
//! [`SharedDataBlock`] that other agents may hold too. Every read and write
//! of buffer bytes goes through this type, so no path can forget that a
//! block may be shared.

use super::shared_data_block::SharedDataBlock;

/// The bytes of an ArrayBuffer or SharedArrayBuffer.
#[derive(Debug)]
pub enum DataBlock {
    /// A Data Block owned by one ArrayBuffer (empty once detached).
    Local(Vec<u8>),
    /// A Shared Data Block.
    Shared(SharedDataBlock),
}

impl DataBlock {
    /// The length in bytes (`[[ArrayBufferByteLength]]`; a sequentially
    /// consistent read for a shared block).
    #[inline]
    pub fn len(&self) -> usize {
        match self {
            DataBlock::Local(bytes) => bytes.len(),
            DataBlock::Shared(block) => block.byte_length(),
        }
    }

    /// Whether the block has no bytes.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The shared block, if this is one.
    #[inline]
    pub fn as_shared(&self) -> Option<&SharedDataBlock> {
        match self {
            DataBlock::Local(_) => None,
            DataBlock::Shared(block) => Some(block),
        }
    }

    /// Copies `out.len()` bytes starting at `offset` into `out` (unordered).
    #[inline]
    pub fn read(&self, offset: usize, out: &mut [u8]) {
        match self {
            DataBlock::Local(bytes) => out.copy_from_slice(&bytes[offset..offset + out.len()]),
            DataBlock::Shared(block) => block.read(offset, out),
        }
    }

    /// Copies `bytes` into the block at `offset` (unordered).
    #[inline]
    pub fn write(&mut self, offset: usize, bytes: &[u8]) {
        match self {
            DataBlock::Local(data) => data[offset..offset + bytes.len()].copy_from_slice(bytes),
            DataBlock::Shared(block) => block.write(offset, bytes),
        }
    }

    /// The `len` bytes starting at `offset`, copied out.
    pub fn to_vec(&self, offset: usize, len: usize) -> Vec<u8> {
        match self {
            DataBlock::Local(bytes) => bytes[offset..offset + len].to_vec(),
            DataBlock::Shared(block) => {
                let mut out = vec![0u8; len];
                block.read(offset, &mut out);
                out
            }
        }
    }

    /// Copies `count` bytes from `from` to `to` as if through a temporary
    /// copy (overlapping ranges are fine).
    pub fn copy_within(&mut self, from: usize, to: usize, count: usize) {
        match self {
            DataBlock::Local(bytes) => bytes.copy_within(from..from + count, to),
            DataBlock::Shared(block) => {
                let mut temporary = vec![0u8; count];
                block.read(from, &mut temporary);
                block.write(to, &temporary);
            }
        }
    }
}
