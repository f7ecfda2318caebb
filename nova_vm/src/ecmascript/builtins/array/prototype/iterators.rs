//! Array.prototype methods that make Array Iterators: `entries`, `keys`, `values`.

use crate::ecmascript::abstract_operations::to_object;
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::builtins::array::ArrayIterationKind;
use crate::ecmascript::builtins::array::array_iterator::create_array_iterator;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::Value;
use crate::engine::{Bindable, GcScope};

/// Steps shared by `entries`, `keys` and `values`.
fn iterator_of<'gc>(
    agent: &mut Agent,
    this: Value,
    kind: ArrayIterationKind,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, this.bind(gc), gc)?;
    // 2. Return CreateArrayIterator(O, kind).
    Ok(create_array_iterator(agent, o, kind, gc).into())
}

/// ### [23.1.3.5 Array.prototype.entries ( )](https://tc39.es/ecma262/#sec-array.prototype.entries)
pub(super) fn entries<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? ToObject(this value).
    // 2. Return CreateArrayIterator(O, key+value).
    iterator_of(agent, this, ArrayIterationKind::KeyAndValue, gc)
}

/// ### [23.1.3.19 Array.prototype.keys ( )](https://tc39.es/ecma262/#sec-array.prototype.keys)
pub(super) fn keys<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? ToObject(this value).
    // 2. Return CreateArrayIterator(O, key).
    iterator_of(agent, this, ArrayIterationKind::Key, gc)
}

/// ### [23.1.3.38 Array.prototype.values ( )](https://tc39.es/ecma262/#sec-array.prototype.values)
pub(super) fn values<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? ToObject(this value).
    // 2. Return CreateArrayIterator(O, value).
    iterator_of(agent, this, ArrayIterationKind::Value, gc)
}
