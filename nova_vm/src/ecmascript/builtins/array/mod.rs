//! ### [23.1 Array Objects](https://tc39.es/ecma262/#sec-array-objects)
//!
//! The Array constructor, `Array.prototype` and Array Iterator objects.
//!
//! The prototype methods are generic: they work on any array-like object
//! through Get, Set, HasProperty and DeletePropertyOrThrow. Those go through
//! [`array_like`], which answers integer-indexed reads and writes straight from
//! the elements storage when no JavaScript can observe the difference (no
//! accessors, no exotic objects on the prototype chain), and falls back to the
//! spec's operations otherwise.

mod abstract_operations;
mod array_iterator;
mod array_like;
mod constructor;
mod prototype;

pub(crate) use array_iterator::create_array_iterator;
pub use array_iterator::{ArrayIterationKind, ArrayIterator, ArrayIteratorRecord};
pub(crate) use array_like::{get_index, index_key};

use crate::ecmascript::execution::Agent;
use crate::engine::NoGcScope;

/// Creates %Array% and %Array.prototype% (run early: other intrinsics use
/// %Array.prototype%).
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    prototype::initialize(agent, gc);
    constructor::initialize(agent, gc);
}

/// Creates %ArrayIteratorPrototype% and the iterator methods of
/// %Array.prototype% (run after %Iterator.prototype% exists).
pub(crate) fn initialize_iterators(agent: &mut Agent, gc: NoGcScope) {
    array_iterator::initialize(agent, gc);
    prototype::initialize_iterator_methods(agent, gc);
}
