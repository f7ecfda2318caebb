//! ### [23.2.3 Properties of the %TypedArray% Prototype Object](https://tc39.es/ecma262/#sec-properties-of-the-%typedarrayprototype%-object)
//!
//! The accessors and the methods that take no callback; the callback methods
//! and sorting are in `prototype_iteration`.

use super::constructors::{
    this_typed_array, typed_array_create_same_type, typed_array_species_create,
};
use super::{
    is_valid_integer_index, read_element, typed_array_byte_length, typed_array_get_element,
    typed_array_length, typed_array_of, typed_array_set_element, write_element,
};
use crate::ecmascript::abstract_operations::{
    invoke, is_strictly_equal, length_of_array_like, same_value_zero, to_integer_or_infinity,
    to_object, to_string,
};
use crate::ecmascript::builtins::array::{ArrayIterationKind, create_array_iterator, get_index};
use crate::ecmascript::builtins::typed_arrays::array_buffer::resolve_relative;
use crate::ecmascript::builtins::typed_arrays::element_types::Numeric;
use crate::ecmascript::builtins::typed_arrays::{DataBlock, TypedArrayRecord};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::Attributes;
use crate::ecmascript::types::{
    MAX_STRING_LENGTH, Object, PropertyKey, StringBuilder, Value, WellKnownSymbol,
};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

pub(super) fn initialize(agent: &mut Agent, prototype: Object, gc: NoGcScope) {
    let accessors: [(
        &'static str,
        crate::ecmascript::builtins::function_objects::RegularFn,
    ); 4] = [
        ("buffer", get_buffer),
        ("byteLength", get_byte_length),
        ("byteOffset", get_byte_offset),
        ("length", get_length),
    ];
    for (name, getter) in accessors {
        agent.define_builtin_accessor(prototype, BuiltinName::Str(name), Some(getter), None, gc);
    }
    agent.define_builtin_accessor(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        Some(get_to_string_tag),
        None,
        gc,
    );
    let methods: [(
        &'static str,
        u32,
        crate::ecmascript::builtins::function_objects::RegularFn,
    ); 16] = [
        ("at", 1, at),
        ("copyWithin", 2, copy_within),
        ("entries", 0, entries),
        ("fill", 1, fill),
        ("includes", 1, includes),
        ("indexOf", 1, index_of),
        ("join", 1, join),
        ("keys", 0, keys),
        ("lastIndexOf", 1, last_index_of),
        ("reverse", 0, reverse),
        ("set", 1, set),
        ("slice", 2, slice),
        ("subarray", 2, subarray),
        ("toLocaleString", 0, to_locale_string),
        ("toReversed", 0, to_reversed),
        ("with", 2, with),
    ];
    for (name, length, behaviour) in methods {
        agent.define_builtin_method(prototype, BuiltinName::Str(name), length, behaviour, gc);
    }
    // 23.2.3.35 %TypedArray%.prototype.values ( ) and 23.2.3.37 %TypedArray%.prototype [ @@iterator ] ( )
    let values_fn =
        agent.define_builtin_method(prototype, BuiltinName::Str("values"), 0, values, gc);
    agent.define_builtin_property(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::Iterator),
        values_fn.into(),
        Attributes::BUILTIN,
        gc,
    );
    // 23.2.3.34 %TypedArray%.prototype.toString ( ): the same function object as
    // Array.prototype.toString.
    let array_prototype = agent.intrinsic(Intrinsic::ArrayPrototype);
    let key = agent.key_from_str("toString", gc);
    if let Some(to_string_fn) = array_prototype
        .ordinary_get_own_property(agent, key, gc)
        .and_then(|d| d.value)
    {
        agent.define_builtin_property(
            prototype,
            BuiltinName::Str("toString"),
            to_string_fn,
            Attributes::BUILTIN,
            gc,
        );
    }
}

/// The TypedArray slots of `this` without validation (for the accessors).
fn require_typed_array<'gc>(
    agent: &mut Agent,
    this: Value,
    name: &str,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, TypedArrayRecord> {
    match this.as_object().and_then(|o| typed_array_of(agent, o)) {
        Some(ta) => Ok(agent.typed_array_record(ta)),
        None => Err(agent.throw_type_error(
            &format!("%TypedArray%.prototype.{name} called on incompatible receiver"),
            gc,
        )),
    }
}

/// Get(O, ! ToString(𝔽(k))) on a TypedArray: its element, or undefined.
pub(super) fn get_element<'a>(
    agent: &mut Agent,
    o: Object,
    k: usize,
    gc: NoGcScope<'a, '_>,
) -> Value<'a> {
    match typed_array_of(agent, o) {
        Some(ta) => typed_array_get_element(agent, ta, k as f64, gc).unwrap_or(Value::Undefined),
        None => Value::Undefined,
    }
}

/// ### [23.2.3.2 get %TypedArray%.prototype.buffer](https://tc39.es/ecma262/#sec-get-%typedarray%.prototype.buffer)
fn get_buffer<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1-3. Perform ? RequireInternalSlot(O, [[TypedArrayName]]).
    let record = require_typed_array(agent, this, "buffer", gc)?;
    // 4-5. Return O.[[ViewedArrayBuffer]].
    Ok(record.buffer.bind(gc).into())
}

/// ### [23.2.3.3 get %TypedArray%.prototype.byteLength](https://tc39.es/ecma262/#sec-get-%typedarray%.prototype.bytelength)
fn get_byte_length<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    let record = require_typed_array(agent, this, "byteLength", gc)?;
    // 4. Let taRecord be MakeTypedArrayWithBufferWitnessRecord(O, seq-cst).
    // 5. Let size be TypedArrayByteLength(taRecord).
    let size = typed_array_byte_length(agent, &record);
    // 6. Return 𝔽(size).
    Ok(agent.number(size as f64, gc))
}

/// ### [23.2.3.4 get %TypedArray%.prototype.byteOffset](https://tc39.es/ecma262/#sec-get-%typedarray%.prototype.byteoffset)
fn get_byte_offset<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    let record = require_typed_array(agent, this, "byteOffset", gc)?;
    // 5. If IsTypedArrayOutOfBounds(taRecord) is true, return +0𝔽.
    if typed_array_length(agent, &record).is_none() {
        return Ok(Value::Integer(0));
    }
    // 6. Let offset be O.[[ByteOffset]].
    // 7. Return 𝔽(offset).
    Ok(agent.number(record.byte_offset as f64, gc))
}

/// ### [23.2.3.21 get %TypedArray%.prototype.length](https://tc39.es/ecma262/#sec-get-%typedarray%.prototype.length)
fn get_length<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    let record = require_typed_array(agent, this, "length", gc)?;
    // 5. If IsTypedArrayOutOfBounds(taRecord) is true, return +0𝔽.
    // 6. Let length be TypedArrayLength(taRecord).
    // 7. Return 𝔽(length).
    let length = typed_array_length(agent, &record).unwrap_or(0);
    Ok(agent.number(length as f64, gc))
}

/// ### [23.2.3.38 get %TypedArray%.prototype \[ @@toStringTag \]](https://tc39.es/ecma262/#sec-get-%typedarray%.prototype-@@tostringtag)
fn get_to_string_tag<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1. Let O be the this value.
    // 2. If O is not an Object, return undefined.
    // 3. If O does not have a [[TypedArrayName]] internal slot, return undefined.
    let Some(ta) = this.as_object().and_then(|o| typed_array_of(agent, o)) else {
        return Ok(Value::Undefined);
    };
    // 4. Let name be O.[[TypedArrayName]].
    // 5. Return name.
    let name = agent.typed_array_record(ta).element_type.name();
    Ok(agent.create_string(name, gc).into_value())
}

/// ### [23.2.3.1 %TypedArray%.prototype.at ( index )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.at)
fn at<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let index = args.get(0).bind(gc.nogc());
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let len be TypedArrayLength(taRecord).
    let (o, _, len) = this_typed_array(agent, this, gc.nogc())?;
    let o = o.scope(agent, gc.nogc());
    // 4. Let relativeIndex be ? ToIntegerOrInfinity(index).
    let relative = to_integer_or_infinity(agent, index.unbind(), gc.reborrow())?;
    // 5. If relativeIndex ≥ 0, let k be relativeIndex. 6. Else, let k be len + relativeIndex.
    let k = if relative >= 0.0 {
        relative
    } else {
        len as f64 + relative
    };
    // 7. If k < 0 or k ≥ len, return undefined.
    if k < 0.0 || k >= len as f64 {
        return Ok(Value::Undefined);
    }
    // 8. Return ! Get(O, ! ToString(𝔽(k))).
    let gc = gc.into_nogc();
    Ok(get_element(agent, o.get(agent), k as usize, gc))
}

/// ### [23.2.3.6 %TypedArray%.prototype.copyWithin ( target, start [ , end ] )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.copywithin)
fn copy_within<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let target = args.get(0).bind(gc.nogc());
    let start = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    let end = args.get(2).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let len be TypedArrayLength(taRecord).
    let (o, _, len) = this_typed_array(agent, this, gc.nogc())?;
    let o = o.scope(agent, gc.nogc());
    let len = len as u64;
    // 4. Let relativeTarget be ? ToIntegerOrInfinity(target).
    // 5. targetIndex.
    let relative_target = to_integer_or_infinity(agent, target.unbind(), gc.reborrow())?;
    let target_index = resolve_relative(relative_target, len);
    // 6. Let relativeStart be ? ToIntegerOrInfinity(start).
    // 7. startIndex.
    let relative_start = to_integer_or_infinity(agent, start.get(agent), gc.reborrow())?;
    let start_index = resolve_relative(relative_start, len);
    // 8. If end is undefined, let relativeEnd be len; else let relativeEnd be ? ToIntegerOrInfinity(end).
    let end = end.get(agent);
    let relative_end = if end.is_undefined() {
        len as f64
    } else {
        to_integer_or_infinity(agent, end, gc.reborrow())?
    };
    // 9. endIndex.
    let end_index = resolve_relative(relative_end, len);
    // 10. Let count be min(endIndex - startIndex, len - targetIndex).
    let count = end_index
        .saturating_sub(start_index)
        .min(len - target_index.min(len));
    let gc = gc.into_nogc();
    let o = o.get(agent).bind(gc);
    // 11. If count > 0, then
    if count > 0 {
        // a. NOTE: The copying must be performed in a manner that preserves the bit-level
        //    encoding of the source data.
        // b. Let buffer be O.[[ViewedArrayBuffer]].
        // c. Set taRecord to MakeTypedArrayWithBufferWitnessRecord(O, seq-cst).
        let record = agent.typed_array_record(typed_array_of(agent, o).expect("TypedArray"));
        // d. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
        let Some(len) = typed_array_length(agent, &record) else {
            return Err(agent.throw_type_error("TypedArray is detached or out of bounds", gc));
        };
        // e. Set len to TypedArrayLength(taRecord).
        // f. Let elementSize be TypedArrayElementSize(O).
        let element_size = record.element_type.size() as u64;
        // g. Let byteOffset be O.[[ByteOffset]].
        let byte_offset = record.byte_offset as u64;
        // h. Let bufferByteLimit be (len × elementSize) + byteOffset.
        let limit = len as u64 * element_size + byte_offset;
        // i. Let toByteIndex be (targetIndex × elementSize) + byteOffset.
        let to = target_index * element_size + byte_offset;
        // j. Let fromByteIndex be (startIndex × elementSize) + byteOffset.
        let from = start_index * element_size + byte_offset;
        // k. Let countBytes be count × elementSize, cut so that neither the source nor the
        //    destination range passes bufferByteLimit (the view may have shrunk).
        let copied = (count * element_size)
            .min(limit.saturating_sub(from))
            .min(limit.saturating_sub(to));
        // l-m. Copy the bytes, backwards when the ranges overlap with the source first, so that
        //      every byte is read before it is overwritten.
        if copied > 0 {
            let data = &mut agent.buffer_record_mut(record.buffer).data;
            data.copy_within(from as usize, to as usize, copied as usize);
        }
    }
    // 12. Return O.
    Ok(o.into())
}

/// ### [23.2.3.7 %TypedArray%.prototype.entries ( )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.entries)
fn entries<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    iterator(agent, this, ArrayIterationKind::KeyAndValue, gc)
}

/// ### [23.2.3.19 %TypedArray%.prototype.keys ( )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.keys)
fn keys<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    iterator(agent, this, ArrayIterationKind::Key, gc)
}

/// ### [23.2.3.35 %TypedArray%.prototype.values ( )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.values)
fn values<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    iterator(agent, this, ArrayIterationKind::Value, gc)
}

fn iterator<'gc>(
    agent: &mut Agent,
    this: Value,
    kind: ArrayIterationKind,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1-2. Perform ? ValidateTypedArray(O, seq-cst).
    let (o, _, _) = this_typed_array(agent, this, gc)?;
    // 3. Return CreateArrayIterator(O, kind).
    Ok(create_array_iterator(agent, o, kind, gc).into())
}

/// ### [23.2.3.9 %TypedArray%.prototype.fill ( value [ , start [ , end ] ] )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.fill)
fn fill<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let value = args.get(0).bind(gc.nogc());
    let start = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    let end = args.get(2).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let len be TypedArrayLength(taRecord).
    let (o, record, len) = this_typed_array(agent, this, gc.nogc())?;
    let o = o.scope(agent, gc.nogc());
    let len = len as u64;
    // 4. If O.[[ContentType]] is bigint, set value to ? ToBigInt(value).
    // 5. Otherwise, set value to ? ToNumber(value).
    let value = record
        .element_type
        .to_numeric(agent, value.unbind(), gc.reborrow())?;
    // 6-9. startIndex.
    let relative_start = to_integer_or_infinity(agent, start.get(agent), gc.reborrow())?;
    let start_index = resolve_relative(relative_start, len);
    // 10-13. endIndex.
    let end = end.get(agent);
    let relative_end = if end.is_undefined() {
        len as f64
    } else {
        to_integer_or_infinity(agent, end, gc.reborrow())?
    };
    let end_index = resolve_relative(relative_end, len);
    let gc = gc.into_nogc();
    let o = o.get(agent).bind(gc);
    // 14. Set taRecord to MakeTypedArrayWithBufferWitnessRecord(O, seq-cst).
    let record = agent.typed_array_record(typed_array_of(agent, o).expect("TypedArray"));
    // 15. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
    let Some(len) = typed_array_length(agent, &record) else {
        return Err(agent.throw_type_error("TypedArray is detached or out of bounds", gc));
    };
    // 16. Set len to TypedArrayLength(taRecord).
    // 17. Set endIndex to min(endIndex, len).
    let end_index = end_index.min(len as u64);
    // 18-19. Repeat, while k < endIndex: Perform ! Set(O, Pk, value, true).
    for k in start_index..end_index {
        write_element(agent, &record, k as usize, value);
    }
    // 20. Return O.
    Ok(o.into())
}

/// The search start of includes and indexOf: `None` when nothing is searched.
fn search_start<'gc>(
    agent: &mut Agent,
    from_index: Value,
    len: usize,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<usize>> {
    // Let n be ? ToIntegerOrInfinity(fromIndex).
    let n = to_integer_or_infinity(agent, from_index, gc)?;
    // If n = +∞, return false / -1𝔽. Else if n = -∞, set n to 0.
    if n == f64::INFINITY {
        return Ok(None);
    }
    // If n ≥ 0, let k be n. Else, let k be len + n; if k < 0, set k to 0.
    let k = if n >= 0.0 {
        n
    } else {
        (len as f64 + n).max(0.0)
    };
    Ok((k < len as f64).then_some(k as usize))
}

/// ### [23.2.3.16 %TypedArray%.prototype.includes ( searchElement [ , fromIndex ] )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.includes)
fn includes<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let search = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    let from_index = args.get(1).bind(gc.nogc());
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let len be TypedArrayLength(taRecord).
    let (o, _, len) = this_typed_array(agent, this, gc.nogc())?;
    // 4. If len = 0, return false.
    if len == 0 {
        return Ok(Value::Boolean(false));
    }
    let o = o.scope(agent, gc.nogc());
    // 5-10. n and k.
    let Some(start) = search_start(agent, from_index.unbind(), len, gc.reborrow())? else {
        return Ok(Value::Boolean(false));
    };
    let gc = gc.into_nogc();
    let o = o.get(agent).bind(gc);
    let search = search.get(agent).bind(gc);
    // 11. Repeat, while k < len,
    for k in start..len {
        // a. Let elementK be ! Get(O, ! ToString(𝔽(k))).
        let element = get_element(agent, o, k, gc);
        // b. If SameValueZero(searchElement, elementK) is true, return true.
        if same_value_zero(agent, search, element) {
            return Ok(Value::Boolean(true));
        }
    }
    // 12. Return false.
    Ok(Value::Boolean(false))
}

/// ### [23.2.3.17 %TypedArray%.prototype.indexOf ( searchElement [ , fromIndex ] )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.indexof)
fn index_of<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let search = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    let from_index = args.get(1).bind(gc.nogc());
    let (o, _, len) = this_typed_array(agent, this, gc.nogc())?;
    // 4. If len = 0, return -1𝔽.
    if len == 0 {
        return Ok(Value::Integer(-1));
    }
    let o = o.scope(agent, gc.nogc());
    let Some(start) = search_start(agent, from_index.unbind(), len, gc.reborrow())? else {
        return Ok(Value::Integer(-1));
    };
    let gc = gc.into_nogc();
    let o = o.get(agent).bind(gc);
    let search = search.get(agent).bind(gc);
    // 11. Repeat, while k < len,
    for k in start..len {
        // a. Let kPresent be ! HasProperty(O, ! ToString(𝔽(k))).
        // b. If kPresent is true, then
        //    i. Let elementK be ! Get(O, ! ToString(𝔽(k))).
        //    ii. If IsStrictlyEqual(searchElement, elementK) is true, return 𝔽(k).
        let ta = typed_array_of(agent, o).expect("TypedArray");
        if let Some(element) = typed_array_get_element(agent, ta, k as f64, gc)
            && is_strictly_equal(agent, search, element)
        {
            return Ok(agent.number(k as f64, gc));
        }
    }
    // 12. Return -1𝔽.
    Ok(Value::Integer(-1))
}

/// ### [23.2.3.20 %TypedArray%.prototype.lastIndexOf ( searchElement [ , fromIndex ] )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.lastindexof)
fn last_index_of<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let search = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    let from_index = args.get(1).bind(gc.nogc());
    let (o, _, len) = this_typed_array(agent, this, gc.nogc())?;
    // 4. If len = 0, return -1𝔽.
    if len == 0 {
        return Ok(Value::Integer(-1));
    }
    let o = o.scope(agent, gc.nogc());
    // 5. If fromIndex is present, let n be ? ToIntegerOrInfinity(fromIndex); else let n be len - 1.
    let n = if args.len() > 1 {
        to_integer_or_infinity(agent, from_index.unbind(), gc.reborrow())?
    } else {
        len as f64 - 1.0
    };
    // 6. If n = -∞, return -1𝔽.
    if n == f64::NEG_INFINITY {
        return Ok(Value::Integer(-1));
    }
    // 7. If n ≥ 0, let k be min(n, len - 1). 8. Else, let k be len + n.
    let k = if n >= 0.0 {
        n.min(len as f64 - 1.0)
    } else {
        len as f64 + n
    };
    if k < 0.0 {
        return Ok(Value::Integer(-1));
    }
    let gc = gc.into_nogc();
    let o = o.get(agent).bind(gc);
    let search = search.get(agent).bind(gc);
    // 9. Repeat, while k ≥ 0,
    for k in (0..=k as usize).rev() {
        let ta = typed_array_of(agent, o).expect("TypedArray");
        if let Some(element) = typed_array_get_element(agent, ta, k as f64, gc)
            && is_strictly_equal(agent, search, element)
        {
            return Ok(agent.number(k as f64, gc));
        }
    }
    // 10. Return -1𝔽.
    Ok(Value::Integer(-1))
}

/// ### [23.2.3.18 %TypedArray%.prototype.join ( separator )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.join)
fn join<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let separator = args.get(0).bind(gc.nogc());
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let len be TypedArrayLength(taRecord).
    let (o, _, len) = this_typed_array(agent, this, gc.nogc())?;
    let o = o.scope(agent, gc.nogc());
    // 4. If separator is undefined, let sep be ",".
    // 5. Else, let sep be ? ToString(separator).
    let sep = if separator.is_undefined() {
        ",".to_owned()
    } else {
        let s = to_string(agent, separator.unbind(), gc.reborrow())?.unbind();
        agent.string_lossy(s).into_owned()
    };
    let gc = gc.into_nogc();
    let o = o.get(agent).bind(gc);
    // 6. Let R be the empty String.
    let mut r = StringBuilder::new();
    // 7-8. Repeat, while k < len,
    for k in 0..len {
        // a. If k > 0, set R to the string-concatenation of R and sep.
        if k > 0 {
            r.push_str(&sep);
        }
        // b. Let element be ! Get(O, ! ToString(𝔽(k))).
        // c. If element is undefined, let next be the empty String; otherwise, let next be
        //    ! ToString(element).
        let ta = typed_array_of(agent, o).expect("TypedArray");
        let record = agent.typed_array_record(ta);
        if let Some(k) = is_valid_integer_index(agent, &record, k as f64) {
            match read_element(agent, &record, k) {
                Numeric::Number(x) => {
                    r.push_str(&crate::ecmascript::abstract_operations::number_to_string(x))
                }
                Numeric::BigInt(bits) => {
                    if record.element_type
                        == crate::ecmascript::builtins::typed_arrays::ElementType::BigUint64
                    {
                        r.push_str(&bits.to_string())
                    } else {
                        r.push_str(&(bits as i64).to_string())
                    }
                }
            }
        }
        if r.len() > MAX_STRING_LENGTH {
            return Err(agent.throw_range_error("Invalid string length", gc));
        }
    }
    // 9. Return R.
    Ok(r.finish(agent, gc).into_value())
}

/// ### [23.2.3.25 %TypedArray%.prototype.reverse ( )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.reverse)
fn reverse<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let len be TypedArrayLength(taRecord).
    let (o, record, len) = this_typed_array(agent, this, gc)?;
    // 4. Let middle be floor(len / 2).
    // 5-6. Swap the lower and upper elements while lower ≠ middle.
    let size = record.element_type.size();
    let start = record.byte_offset;
    let reverse_elements = |data: &mut [u8]| {
        for lower in 0..len / 2 {
            let upper = len - lower - 1;
            for b in 0..size {
                data.swap(lower * size + b, upper * size + b);
            }
        }
    };
    match &mut agent.buffer_record_mut(record.buffer).data {
        DataBlock::Local(data) => reverse_elements(&mut data[start..start + len * size]),
        block @ DataBlock::Shared(_) => {
            let mut data = block.to_vec(start, len * size);
            reverse_elements(&mut data);
            block.write(start, &data);
        }
    }
    // 7. Return O.
    Ok(o.into())
}

/// ### [23.2.3.26 %TypedArray%.prototype.set ( source [ , offset ] )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.set)
fn set<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let source = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    let offset = args.get(1).bind(gc.nogc());
    // 1. Let target be the this value.
    // 2. Perform ? RequireInternalSlot(target, [[TypedArrayName]]).
    // 3. Assert: target has a [[ViewedArrayBuffer]] internal slot.
    require_typed_array(agent, this, "set", gc.nogc())?;
    let target = this.as_object().expect("TypedArray").bind(gc.nogc());
    let target = target.scope(agent, gc.nogc());
    // 4. Let targetOffset be ? ToIntegerOrInfinity(offset).
    let target_offset = to_integer_or_infinity(agent, offset.unbind(), gc.reborrow())?;
    // 5. If targetOffset < 0, throw a RangeError exception.
    if target_offset < 0.0 {
        return Err(agent.throw_range_error("offset is out of bounds", gc.into_nogc()));
    }
    // 6. If source is an Object that has a [[TypedArrayName]] internal slot, then
    //    a. Perform ? SetTypedArrayFromTypedArray(target, targetOffset, source).
    // 7. Else,
    //    a. Perform ? SetTypedArrayFromArrayLike(target, targetOffset, source).
    if let Some(source_ta) = source
        .get(agent)
        .as_object()
        .and_then(|o| typed_array_of(agent, o))
    {
        set_from_typed_array(
            agent,
            target.get(agent),
            target_offset,
            source_ta,
            gc.into_nogc(),
        )?;
    } else {
        set_from_array_like(agent, target, target_offset, source.get(agent), gc)?;
    }
    // 8. Return undefined.
    Ok(Value::Undefined)
}

/// ### [23.2.3.26.1 SetTypedArrayFromTypedArray ( target, targetOffset, source )](https://tc39.es/ecma262/#sec-settypedarrayfromtypedarray)
fn set_from_typed_array<'gc>(
    agent: &mut Agent,
    target: Object,
    target_offset: f64,
    source: crate::ecmascript::builtins::typed_arrays::TypedArray,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    // 1-2. Let targetRecord be MakeTypedArrayWithBufferWitnessRecord(target, seq-cst).
    let target_record =
        agent.typed_array_record(typed_array_of(agent, target).expect("TypedArray"));
    // 3. If IsTypedArrayOutOfBounds(targetRecord) is true, throw a TypeError exception.
    let Some(target_length) = typed_array_length(agent, &target_record) else {
        return Err(agent.throw_type_error("Target TypedArray is detached or out of bounds", gc));
    };
    // 4. Let targetLength be TypedArrayLength(targetRecord).
    // 5-6. Let srcRecord be MakeTypedArrayWithBufferWitnessRecord(source, seq-cst).
    let src_record = agent.typed_array_record(source);
    // 7. If IsTypedArrayOutOfBounds(srcRecord) is true, throw a TypeError exception.
    let Some(src_length) = typed_array_length(agent, &src_record) else {
        return Err(agent.throw_type_error("Source TypedArray is detached or out of bounds", gc));
    };
    // 8. Let srcLength be TypedArrayLength(srcRecord).
    // 15. If targetOffset = +∞, throw a RangeError exception.
    // 16. If srcLength + targetOffset > targetLength, throw a RangeError exception.
    if target_offset == f64::INFINITY || src_length as f64 + target_offset > target_length as f64 {
        return Err(agent.throw_range_error("offset is out of bounds", gc));
    }
    // 17. If target.[[ContentType]] is not source.[[ContentType]], throw a TypeError exception.
    if target_record.element_type.is_bigint() != src_record.element_type.is_bigint() {
        return Err(agent.throw_type_error(
            "Cannot mix BigInt and other types, use explicit conversions",
            gc,
        ));
    }
    let target_offset = target_offset as usize;
    // 18-24. If the types are the same, copy the bytes (through a clone when the buffers are
    //        the same, which a copy through a temporary list also handles); otherwise convert
    //        each element.
    if src_record.element_type == target_record.element_type {
        let size = src_record.element_type.size();
        let src_start = src_record.byte_offset;
        let bytes = agent
            .buffer_record(src_record.buffer)
            .data
            .to_vec(src_start, src_length * size);
        let to = target_record.byte_offset + target_offset * size;
        agent
            .buffer_record_mut(target_record.buffer)
            .data
            .write(to, &bytes);
    } else {
        let values: Vec<Numeric> = (0..src_length)
            .map(|k| read_element(agent, &src_record, k))
            .collect();
        for (k, value) in values.into_iter().enumerate() {
            write_element(agent, &target_record, target_offset + k, value);
        }
    }
    // 25. Return unused.
    Ok(())
}

/// ### [23.2.3.26.2 SetTypedArrayFromArrayLike ( target, targetOffset, source )](https://tc39.es/ecma262/#sec-settypedarrayfromarraylike)
fn set_from_array_like<'gc, 's>(
    agent: &mut Agent,
    target: crate::engine::Scoped<'s, Object<'static>>,
    target_offset: f64,
    source: Value,
    mut gc: GcScope<'gc, 's>,
) -> JsResult<'gc, ()> {
    let target_now = target.get(agent);
    // 1. Let targetRecord be MakeTypedArrayWithBufferWitnessRecord(target, seq-cst).
    let target_record =
        agent.typed_array_record(typed_array_of(agent, target_now).expect("TypedArray"));
    // 2. If IsTypedArrayOutOfBounds(targetRecord) is true, throw a TypeError exception.
    let Some(target_length) = typed_array_length(agent, &target_record) else {
        return Err(agent.throw_type_error(
            "Target TypedArray is detached or out of bounds",
            gc.into_nogc(),
        ));
    };
    // 3. Let targetLength be TypedArrayLength(targetRecord).
    // 4. Let src be ? ToObject(source).
    let src = to_object(agent, source, gc.nogc())?
        .unbind()
        .scope(agent, gc.nogc());
    // 5. Let srcLength be ? LengthOfArrayLike(src).
    let src_length = length_of_array_like(agent, src.get(agent), gc.reborrow())?;
    // 6. If targetOffset = +∞, throw a RangeError exception.
    // 7. If srcLength + targetOffset > targetLength, throw a RangeError exception.
    if target_offset == f64::INFINITY || src_length as f64 + target_offset > target_length as f64 {
        return Err(agent.throw_range_error("offset is out of bounds", gc.into_nogc()));
    }
    // 8-9. Repeat, while k < srcLength,
    for k in 0..src_length {
        // a. Let Pk be ! ToString(𝔽(k)).
        // b. Let value be ? Get(src, Pk).
        let value = get_index(agent, src.get(agent), k, gc.reborrow())?.unbind();
        // c. Let targetIndex be 𝔽(targetOffset + k).
        // d. Perform ? TypedArraySetElement(target, targetIndex, value).
        typed_array_set_element(
            agent,
            target.get(agent),
            target_offset + k as f64,
            value,
            gc.reborrow(),
        )?;
    }
    // 10. Return unused.
    Ok(())
}

/// ### [23.2.3.27 %TypedArray%.prototype.slice ( start, end )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.slice)
fn slice<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let start = args.get(0).bind(gc.nogc());
    let end = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let srcArrayLength be
    //      TypedArrayLength(taRecord).
    let (o, _, len) = this_typed_array(agent, this, gc.nogc())?;
    let o = o.scope(agent, gc.nogc());
    let len = len as u64;
    // 4-6. startIndex.
    let relative_start = to_integer_or_infinity(agent, start.unbind(), gc.reborrow())?;
    let start_index = resolve_relative(relative_start, len);
    // 7-9. endIndex.
    let end = end.get(agent);
    let relative_end = if end.is_undefined() {
        len as f64
    } else {
        to_integer_or_infinity(agent, end, gc.reborrow())?
    };
    let end_index = resolve_relative(relative_end, len);
    // 10. Let countBytes be max(endIndex - startIndex, 0).
    let count = end_index.saturating_sub(start_index);
    // 11. Let A be ? TypedArraySpeciesCreate(O, « 𝔽(countBytes) »).
    let count_value = agent.number(count as f64, gc.nogc()).unbind();
    let a =
        typed_array_species_create(agent, o.get(agent), &[count_value], gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    let a = a.bind(gc);
    let o = o.get(agent).bind(gc);
    // 12. If countBytes > 0, then
    if count > 0 {
        // a. Set taRecord to MakeTypedArrayWithBufferWitnessRecord(O, seq-cst).
        let src = agent.typed_array_record(typed_array_of(agent, o).expect("TypedArray"));
        // b. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
        let Some(len) = typed_array_length(agent, &src) else {
            return Err(agent.throw_type_error("TypedArray is detached or out of bounds", gc));
        };
        // c. Set endIndex to min(endIndex, TypedArrayLength(taRecord)).
        let end_index = end_index.min(len as u64) as usize;
        let start_index = start_index as usize;
        // d. Set countBytes to max(endIndex - startIndex, 0).
        let count = end_index.saturating_sub(start_index);
        let target = agent.typed_array_record(typed_array_of(agent, a).expect("TypedArray"));
        // e-f. Let srcType be TypedArrayElementType(O); let targetType be TypedArrayElementType(A).
        // g. If srcType is targetType, then copy the bytes.
        if src.element_type == target.element_type {
            //    i. NOTE: The transfer must be performed in a manner that preserves the
            //       bit-level encoding of the source data.
            //    ii-viii. srcByteIndex, targetByteIndex and endByteIndex.
            let size = src.element_type.size();
            let from = src.byte_offset + start_index * size;
            let to = target.byte_offset;
            let target_limit = agent.buffer_record(target.buffer).data.len();
            let src_limit = agent.buffer_record(src.buffer).data.len();
            let count_bytes = (count * size)
                .min(target_limit.saturating_sub(to))
                .min(src_limit.saturating_sub(from));
            //    ix. Repeat, while targetByteIndex < endByteIndex: copy one byte (Uint8) and
            //        advance both indices. In one buffer a later byte may read an earlier copy.
            if src.buffer == target.buffer {
                let data = &mut agent.buffer_record_mut(src.buffer).data;
                let mut byte = [0u8];
                for i in 0..count_bytes {
                    data.read(from + i, &mut byte);
                    data.write(to + i, &byte);
                }
            } else if count_bytes > 0 {
                let bytes = agent
                    .buffer_record(src.buffer)
                    .data
                    .to_vec(from, count_bytes);
                agent
                    .buffer_record_mut(target.buffer)
                    .data
                    .write(to, &bytes);
            }
        } else {
            // h. Else, for each k from startIndex to endIndex: ! Set(A, n, ! Get(O, Pk), true).
            for (n, k) in (start_index..end_index).enumerate() {
                let value = read_element(agent, &src, k);
                if let Some(n) = is_valid_integer_index(agent, &target, n as f64) {
                    write_element(agent, &target, n, value);
                }
            }
        }
    }
    // 13. Return A.
    Ok(a.into())
}

/// ### [23.2.3.30 %TypedArray%.prototype.subarray ( start, end )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.subarray)
fn subarray<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let start = args.get(0).bind(gc.nogc());
    let end = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1-3. Perform ? RequireInternalSlot(O, [[TypedArrayName]]).
    let record = require_typed_array(agent, this, "subarray", gc.nogc())?;
    let o = this
        .as_object()
        .expect("TypedArray")
        .bind(gc.nogc())
        .scope(agent, gc.nogc());
    // 4. Let buffer be O.[[ViewedArrayBuffer]].
    let buffer = record.buffer.scope(agent, gc.nogc());
    // 5. Let srcRecord be MakeTypedArrayWithBufferWitnessRecord(O, seq-cst).
    // 6. If IsTypedArrayOutOfBounds(srcRecord) is true, let srcLength be 0; else let srcLength
    //    be TypedArrayLength(srcRecord).
    let src_length = typed_array_length(agent, &record).unwrap_or(0) as u64;
    // 8-9. startIndex.
    let relative_start = to_integer_or_infinity(agent, start.unbind(), gc.reborrow())?;
    let start_index = resolve_relative(relative_start, src_length);
    // 10. Let elementSize be TypedArrayElementSize(O).
    let element_size = record.element_type.size() as u64;
    // 11. Let srcByteOffset be O.[[ByteOffset]].
    // 12. Let beginByteOffset be srcByteOffset + (startIndex × elementSize).
    let begin_byte_offset = record.byte_offset as u64 + start_index * element_size;
    let end = end.get(agent);
    // 13. If O.[[ArrayLength]] is auto and end is undefined, then
    //     a. Let argumentsList be « buffer, 𝔽(beginByteOffset) ».
    let new_length = if record.array_length.is_none() && end.is_undefined() {
        None
    } else {
        // 14. Else,
        //     a-c. endIndex.
        let relative_end = if end.is_undefined() {
            src_length as f64
        } else {
            to_integer_or_infinity(agent, end, gc.reborrow())?
        };
        let end_index = resolve_relative(relative_end, src_length);
        //     d. Let newLength be max(endIndex - startIndex, 0).
        //     e. Let argumentsList be « buffer, 𝔽(beginByteOffset), 𝔽(newLength) ».
        Some(end_index.saturating_sub(start_index))
    };
    let begin = agent.number(begin_byte_offset as f64, gc.nogc()).unbind();
    let mut arguments = vec![Value::Object(buffer.get(agent)), begin];
    if let Some(new_length) = new_length {
        arguments.push(agent.number(new_length as f64, gc.nogc()).unbind());
    }
    // 15. Return ? TypedArraySpeciesCreate(O, argumentsList).
    let result = typed_array_species_create(agent, o.get(agent), &arguments, gc)?;
    Ok(result.into())
}

/// ### [23.2.3.31 %TypedArray%.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.tolocalestring)
fn to_locale_string<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1-2. Perform ? ValidateTypedArray(array, seq-cst); let len be TypedArrayLength(taRecord).
    let (o, _, len) = this_typed_array(agent, this, gc.nogc())?;
    let o = o.scope(agent, gc.nogc());
    // Then the steps of Array.prototype.toLocaleString.
    let separator = ",";
    let mut r = StringBuilder::new();
    for k in 0..len {
        if k > 0 {
            r.push_str(separator);
        }
        // b. Let element be ! Get(array, ! ToString(𝔽(k))).
        let element = get_element(agent, o.get(agent), k, gc.nogc()).unbind();
        // c. If element is neither undefined nor null, then
        if !element.is_nullish() {
            // i. Let S be ? ToString(? Invoke(element, "toLocaleString")).
            let key = agent.key_from_str("toLocaleString", gc.nogc()).unbind();
            let s = invoke(agent, element, key, ArgumentsList::EMPTY, gc.reborrow())?.unbind();
            let s = to_string(agent, s, gc.reborrow())?.unbind();
            r.push_string(agent, s);
        }
        if r.len() > MAX_STRING_LENGTH {
            return Err(agent.throw_range_error("Invalid string length", gc.into_nogc()));
        }
    }
    Ok(r.finish(agent, gc.into_nogc()).into_value())
}

/// ### [23.2.3.32 %TypedArray%.prototype.toReversed ( )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.toreversed)
fn to_reversed<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let length be TypedArrayLength(taRecord).
    let (o, record, length) = this_typed_array(agent, this, gc.nogc())?;
    let o = o.scope(agent, gc.nogc());
    // 4. Let A be ? TypedArrayCreateSameType(O, « 𝔽(length) »).
    let a =
        typed_array_create_same_type(agent, record.element_type, length, gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    let a = a.bind(gc);
    let src = agent.typed_array_record(typed_array_of(agent, o.get(agent)).expect("TypedArray"));
    let target = agent.typed_array_record(typed_array_of(agent, a).expect("TypedArray"));
    // 5-6. Repeat, while k < length: let from be length - k - 1; ! Set(A, Pk, ! Get(O, from), true).
    for k in 0..length {
        let value = read_element(agent, &src, length - k - 1);
        write_element(agent, &target, k, value);
    }
    // 7. Return A.
    Ok(a.into())
}

/// ### [23.2.3.36 %TypedArray%.prototype.with ( index, value )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.with)
fn with<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let index = args.get(0).bind(gc.nogc());
    let value = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let len be TypedArrayLength(taRecord).
    let (o, record, len) = this_typed_array(agent, this, gc.nogc())?;
    let o = o.scope(agent, gc.nogc());
    // 4. Let relativeIndex be ? ToIntegerOrInfinity(index).
    let relative = to_integer_or_infinity(agent, index.unbind(), gc.reborrow())?;
    // 5-6. actualIndex.
    // (𝔽 of a mathematical value is never -0.)
    let actual_index = if relative >= 0.0 {
        relative + 0.0
    } else {
        len as f64 + relative
    };
    // 7. If O.[[ContentType]] is bigint, let numericValue be ? ToBigInt(value).
    // 8. Else, let numericValue be ? ToNumber(value).
    let numeric = record
        .element_type
        .to_numeric(agent, value.get(agent), gc.reborrow())?;
    // 9. If IsValidIntegerIndex(O, 𝔽(actualIndex)) is false, throw a RangeError exception.
    let current =
        agent.typed_array_record(typed_array_of(agent, o.get(agent)).expect("TypedArray"));
    if is_valid_integer_index(agent, &current, actual_index).is_none() {
        return Err(agent.throw_range_error("Invalid typed array index", gc.into_nogc()));
    }
    // 10. Let A be ? TypedArrayCreateSameType(O, « 𝔽(len) »).
    let a = typed_array_create_same_type(agent, record.element_type, len, gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    let a = a.bind(gc);
    let src = agent.typed_array_record(typed_array_of(agent, o.get(agent)).expect("TypedArray"));
    let target = agent.typed_array_record(typed_array_of(agent, a).expect("TypedArray"));
    // 11-12. Repeat, while k < len: fromValue is numericValue at actualIndex, else ! Get(O, Pk);
    //        perform ! Set(A, Pk, fromValue, true).
    for k in 0..len {
        let from_value = if k as f64 == actual_index {
            numeric
        } else {
            match is_valid_integer_index(agent, &src, k as f64) {
                Some(k) => read_element(agent, &src, k),
                None if src.element_type.is_bigint() => Numeric::BigInt(0),
                None => Numeric::Number(f64::NAN),
            }
        };
        write_element(agent, &target, k, from_value);
    }
    // 13. Return A.
    Ok(a.into())
}

/// A PropertyKey for element `k` (for the generic Set calls).
pub(super) fn index_key(k: usize) -> PropertyKey<'static> {
    PropertyKey::Index(k as u32)
}
