//! # nova_vm
//!
//! An embeddable JavaScript engine: a bytecode interpreter over a heap of
//! typed arenas with a compacting garbage collector that may run interleaved
//! with JavaScript. See `README.md` for embedding and `GARBAGE_COLLECTOR.md`
//! for the rules that keep handles valid across collections.

#![warn(missing_docs)]

mod api;
pub mod ecmascript;
pub mod engine;
pub mod heap;

pub use api::{ExceptionPhase, JsException, Runtime, RuntimeOptions};

/// The README's embedding example runs as a doctest.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
