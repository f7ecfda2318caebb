//! ### [27.1.2 Iterator Helper Objects](https://tc39.es/ecma262/#sec-iterator-helper-objects): internal slots
//!
//! The spec describes each helper as a generator made by
//! CreateIteratorFromClosure from an Abstract Closure. Here the closure is a
//! state machine: [`HelperKind`] holds the variables the closure captures and
//! keeps between its `Yield`s, and each kind's step function runs from one
//! `Yield` to the next. The same record backs the `[[Iterated]]` slot of the
//! objects `Iterator.from` wraps (kind [`HelperKind::Wrap`]).

use crate::ecmascript::abstract_operations::IteratorRecord;
use crate::ecmascript::execution::heap_layout::arena_ids;
use crate::ecmascript::types::handle::define_handle;
use crate::ecmascript::types::{PropertyKey, Value};
use crate::heap::{HandleVisitor, Trace};

define_handle!(
    /// Handle to the internal slots of an Iterator Helper (or of a wrapper made by
    /// `Iterator.from`).
    IteratorHelper,
    arena_ids::ITERATOR_HELPERS
);

/// `[[GeneratorState]]` of an Iterator Helper.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelperState {
    /// ~suspended-start~
    SuspendedStart,
    /// ~suspended-yield~
    SuspendedYield,
    /// ~executing~
    Executing,
    /// ~completed~
    Completed,
}

/// The mode of `Iterator.zip` and `Iterator.zipKeyed`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZipMode {
    /// *"shortest"*
    Shortest,
    /// *"longest"*
    Longest,
    /// *"strict"*
    Strict,
}

/// What the helper's closure captured, and where it is between `Yield`s.
#[derive(Debug)]
pub enum HelperKind {
    /// `Iterator.prototype.map`.
    Map {
        /// The mapper.
        mapper: Value<'static>,
        /// The counter.
        counter: f64,
    },
    /// `Iterator.prototype.filter`.
    Filter {
        /// The predicate.
        predicate: Value<'static>,
        /// The counter.
        counter: f64,
    },
    /// `Iterator.prototype.take`.
    Take {
        /// Values still to be taken (+∞ for no limit).
        remaining: f64,
    },
    /// `Iterator.prototype.drop`.
    Drop {
        /// Values still to be skipped (+∞ for all).
        remaining: f64,
    },
    /// `Iterator.prototype.flatMap`.
    FlatMap {
        /// The mapper.
        mapper: Value<'static>,
        /// The counter.
        counter: f64,
        /// The inner iterator whose values are being yielded, if any.
        inner: Option<IteratorRecord<'static>>,
    },
    /// `Iterator.prototype.chunks`.
    Chunks {
        /// The chunk size.
        size: u32,
        /// Set once the last (partial) chunk was yielded after the underlying
        /// iterator ended.
        finished: bool,
    },
    /// `Iterator.prototype.windows`.
    Windows {
        /// The window size.
        size: u32,
        /// Whether an undersized window is yielded (*"allow-partial"*).
        allow_partial: bool,
        /// The current window.
        buffer: Vec<Value<'static>>,
        /// Set once the undersized window was yielded.
        finished: bool,
    },
    /// `Iterator.concat`.
    Concat {
        /// The iterables, each with its `@@iterator` method: (method, iterable).
        iterables: Vec<(Value<'static>, Value<'static>)>,
        /// The index of the next iterable to open.
        next_index: usize,
        /// The inner iterator whose values are being yielded, if any.
        inner: Option<IteratorRecord<'static>>,
    },
    /// `Iterator.zip` and `Iterator.zipKeyed`.
    Zip {
        /// The iterators (null once exhausted in ~longest~ mode).
        iters: Vec<Option<IteratorRecord<'static>>>,
        /// The mode.
        mode: ZipMode,
        /// The padding (~longest~ mode).
        padding: Vec<Value<'static>>,
        /// For zipKeyed, the keys of the result objects.
        keys: Option<Vec<PropertyKey<'static>>>,
    },
    /// A `%WrapForValidIteratorPrototype%` object: `[[Iterated]]` is the only
    /// underlying iterator.
    Wrap,
}

/// Internal slots of an Iterator Helper object.
#[derive(Debug)]
pub struct IteratorHelperRecord {
    /// `[[GeneratorState]]`
    pub state: HelperState,
    /// `[[UnderlyingIterators]]` (`[[UnderlyingIterator]]` or `[[Iterated]]` as
    /// its only element): the iterators `return()` closes before the first
    /// `next()`.
    pub underlying: Vec<IteratorRecord<'static>>,
    /// The closure's captured variables.
    pub kind: HelperKind,
}

impl Trace for IteratorHelperRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.underlying.trace(visitor);
        match &mut self.kind {
            HelperKind::Map { mapper, .. } => mapper.trace(visitor),
            HelperKind::Filter { predicate, .. } => predicate.trace(visitor),
            HelperKind::FlatMap { mapper, inner, .. } => {
                mapper.trace(visitor);
                inner.trace(visitor);
            }
            HelperKind::Windows { buffer, .. } => buffer.trace(visitor),
            HelperKind::Concat {
                iterables, inner, ..
            } => {
                for (method, iterable) in iterables.iter_mut() {
                    method.trace(visitor);
                    iterable.trace(visitor);
                }
                inner.trace(visitor);
            }
            HelperKind::Zip {
                iters,
                padding,
                keys,
                ..
            } => {
                iters.trace(visitor);
                padding.trace(visitor);
                keys.trace(visitor);
            }
            HelperKind::Take { .. }
            | HelperKind::Drop { .. }
            | HelperKind::Chunks { .. }
            | HelperKind::Wrap => {}
        }
    }
}
