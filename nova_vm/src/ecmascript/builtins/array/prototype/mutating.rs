//! Array.prototype methods that rearrange the receiver in place:
//! `copyWithin`, `fill`, `pop`, `push`, `reverse`, `shift`, `splice`, `unshift`.
//!
//! Each follows the spec's generic algorithm; `pop`, `push`, `reverse`,
//! `shift` and `unshift` first try the same rearrangement directly on the
//! storage of a simple dense array (see [`is_simple_array`]), where the result
//! and every observable effect are the same.

use super::resolve_relative;
use crate::ecmascript::abstract_operations::{
    length_of_array_like, to_integer_or_infinity, to_object,
};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::builtins::array::abstract_operations::array_species_create;
use crate::ecmascript::builtins::array::array_like::{
    MAX_SAFE_LENGTH, RootedValues, create_index, delete_index, get_index, has_then_get,
    is_simple_array, length_value, set_index, set_length,
};
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, Rootable};

/// The largest length of an Array.
const MAX_ARRAY_LENGTH: u64 = u32::MAX as u64;

/// Moves `O[from]` to `O[to]` (steps shared by `copyWithin`, `shift`,
/// `splice` and `unshift`): if `from` is present, Set `to` to its value;
/// otherwise delete `to`.
fn move_element<'gc>(
    agent: &mut Agent,
    o: Object,
    from: u64,
    to: u64,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let o = o.bind(gc.nogc());
    let scoped_o = o.scope(agent, gc.nogc());
    // Let fromPresent be ? HasProperty(O, from).
    // If fromPresent is true, then
    //   Let fromValue be ? Get(O, from).
    match has_then_get(agent, o.unbind(), from, gc.reborrow())?.unbind() {
        //   Perform ? Set(O, to, fromValue, true).
        Some(from_value) => set_index(agent, scoped_o.get(agent), to, from_value, gc),
        // Else,
        //   Perform ? DeletePropertyOrThrow(O, to).
        None => delete_index(agent, scoped_o.get(agent), to, gc),
    }
}

/// ### [23.1.3.4 Array.prototype.copyWithin ( target, start [ , end ] )](https://tc39.es/ecma262/#sec-array.prototype.copywithin)
pub(super) fn copy_within<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let target = args.get(0).scope(agent, gc.nogc());
    let start = args.get(1).scope(agent, gc.nogc());
    let end = args.get(2).scope(agent, gc.nogc());
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, this.bind(gc.nogc()), gc.nogc())?;
    let scoped_o = o.scope(agent, gc.nogc());
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, o.unbind(), gc.reborrow())?;
    // 3. Let relativeTarget be ? ToIntegerOrInfinity(target).
    let relative_target = to_integer_or_infinity(agent, target.get(agent), gc.reborrow())?;
    // 4. If relativeTarget = -∞, let to be 0.
    // 5. Else if relativeTarget < 0, let to be max(len + relativeTarget, 0).
    // 6. Else, let to be min(relativeTarget, len).
    let mut to = resolve_relative(relative_target, len);
    // 7. Let relativeStart be ? ToIntegerOrInfinity(start).
    let relative_start = to_integer_or_infinity(agent, start.get(agent), gc.reborrow())?;
    // 8. If relativeStart = -∞, let from be 0.
    // 9. Else if relativeStart < 0, let from be max(len + relativeStart, 0).
    // 10. Else, let from be min(relativeStart, len).
    let mut from = resolve_relative(relative_start, len);
    // 11. If end is undefined, let relativeEnd be len; else let relativeEnd be
    //     ? ToIntegerOrInfinity(end).
    let relative_end = if end.get(agent).is_undefined() {
        len as f64
    } else {
        to_integer_or_infinity(agent, end.get(agent), gc.reborrow())?
    };
    // 12. If relativeEnd = -∞, let final be 0.
    // 13. Else if relativeEnd < 0, let final be max(len + relativeEnd, 0).
    // 14. Else, let final be min(relativeEnd, len).
    let final_index = resolve_relative(relative_end, len);
    // 15. Let count be min(final - from, len - to).
    let mut count = final_index.saturating_sub(from).min(len - to);
    // 16. If from < to and to < from + count, then
    let backwards = from < to && to < from + count;
    if backwards {
        // a. Let direction be -1.
        // b. Set from to from + count - 1.
        from = from + count - 1;
        // c. Set to to to + count - 1.
        to = to + count - 1;
    }
    // 17. Else,
    //     a. Let direction be 1.
    // 18. Repeat, while count > 0,
    while count > 0 {
        // a. Let fromKey be ! ToString(𝔽(from)).
        // b. Let toKey be ! ToString(𝔽(to)).
        // c. Let fromPresent be ? HasProperty(O, fromKey).
        // d. If fromPresent is true, then
        //    i. Let fromValue be ? Get(O, fromKey).
        //    ii. Perform ? Set(O, toKey, fromValue, true).
        // e. Else,
        //    i. Assert: fromPresent is false.
        //    ii. Perform ? DeletePropertyOrThrow(O, toKey).
        move_element(agent, scoped_o.get(agent), from, to, gc.reborrow())?;
        // f. Set from to from + direction.
        // g. Set to to to + direction.
        if backwards {
            from = from.wrapping_sub(1);
            to = to.wrapping_sub(1);
        } else {
            from += 1;
            to += 1;
        }
        // h. Set count to count - 1.
        count -= 1;
    }
    // 19. Return O.
    Ok(scoped_o.get(agent).bind(gc.into_nogc()).into())
}

/// ### [23.1.3.7 Array.prototype.fill ( value [ , start [ , end ] ] )](https://tc39.es/ecma262/#sec-array.prototype.fill)
pub(super) fn fill<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let value = args.get(0).scope(agent, gc.nogc());
    let start = args.get(1).scope(agent, gc.nogc());
    let end = args.get(2).scope(agent, gc.nogc());
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, this.bind(gc.nogc()), gc.nogc())?;
    let scoped_o = o.scope(agent, gc.nogc());
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, o.unbind(), gc.reborrow())?;
    // 3. Let relativeStart be ? ToIntegerOrInfinity(start).
    let relative_start = to_integer_or_infinity(agent, start.get(agent), gc.reborrow())?;
    // 4. If relativeStart = -∞, let k be 0.
    // 5. Else if relativeStart < 0, let k be max(len + relativeStart, 0).
    // 6. Else, let k be min(relativeStart, len).
    let k = resolve_relative(relative_start, len);
    // 7. If end is undefined, let relativeEnd be len; else let relativeEnd be
    //    ? ToIntegerOrInfinity(end).
    let relative_end = if end.get(agent).is_undefined() {
        len as f64
    } else {
        to_integer_or_infinity(agent, end.get(agent), gc.reborrow())?
    };
    // 8. If relativeEnd = -∞, let final be 0.
    // 9. Else if relativeEnd < 0, let final be max(len + relativeEnd, 0).
    // 10. Else, let final be min(relativeEnd, len).
    let final_index = resolve_relative(relative_end, len);
    // 11. Repeat, while k < final,
    for k in k..final_index {
        // a. Let Pk be ! ToString(𝔽(k)).
        // b. Perform ? Set(O, Pk, value, true).
        set_index(
            agent,
            scoped_o.get(agent),
            k,
            value.get(agent),
            gc.reborrow(),
        )?;
        // c. Set k to k + 1.
    }
    // 12. Return O.
    Ok(scoped_o.get(agent).bind(gc.into_nogc()).into())
}

/// ### [23.1.3.22 Array.prototype.pop ( )](https://tc39.es/ecma262/#sec-array.prototype.pop)
pub(super) fn pop<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, this.bind(gc.nogc()), gc.nogc())?;
    if is_simple_array(agent, o) {
        // Get, delete and shrink in storage: the last element (or undefined for a hole).
        let elements = o.elements_mut(agent);
        if elements.length > 0 {
            let element = if elements.dense.len() == elements.length as usize {
                elements.dense.pop().flatten()
            } else {
                None
            };
            while matches!(elements.dense.last(), Some(None)) {
                elements.dense.pop();
            }
            elements.length -= 1;
            return Ok(element.unwrap_or_default().bind(gc.into_nogc()));
        }
    }
    let scoped_o = o.scope(agent, gc.nogc());
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, o.unbind(), gc.reborrow())?;
    // 3. If len = 0, then
    if len == 0 {
        // a. Perform ? Set(O, "length", +0𝔽, true).
        set_length(agent, scoped_o.get(agent), 0, gc.reborrow())?;
        // b. Return undefined.
        return Ok(Value::Undefined);
    }
    // 4. Else,
    // a. Assert: len > 0.
    // b. Let newLen be 𝔽(len - 1).
    let new_len = len - 1;
    // c. Let index be ! ToString(newLen).
    // d. Let element be ? Get(O, index).
    let element = get_index(agent, scoped_o.get(agent), new_len, gc.reborrow())?.unbind();
    let element = element.scope(agent, gc.nogc());
    // e. Perform ? DeletePropertyOrThrow(O, index).
    delete_index(agent, scoped_o.get(agent), new_len, gc.reborrow())?;
    // f. Perform ? Set(O, "length", newLen, true).
    set_length(agent, scoped_o.get(agent), new_len, gc.reborrow())?;
    // g. Return element.
    Ok(element.get(agent).bind(gc.into_nogc()))
}

/// ### [23.1.3.23 Array.prototype.push ( ...items )](https://tc39.es/ecma262/#sec-array.prototype.push)
pub(super) fn push<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, this.bind(gc.nogc()), gc.nogc())?;
    // 3. Let argCount be the number of elements in items.
    let arg_count = args.len() as u64;
    if is_simple_array(agent, o) {
        // Every Set appends in storage and the final length Set cannot fail.
        let elements = o.elements_mut(agent);
        let len = u64::from(elements.length);
        if elements.dense.len() as u64 == len && len + arg_count <= MAX_ARRAY_LENGTH {
            elements
                .dense
                .extend(args.as_slice().iter().map(|v| Some(v.unbind())));
            elements.length = (len + arg_count) as u32;
            return Ok(length_value(agent, len + arg_count, gc.into_nogc()));
        }
    }
    let items = RootedValues::new(agent, args.as_slice(), gc.nogc());
    let scoped_o = o.scope(agent, gc.nogc());
    // 2. Let len be ? LengthOfArrayLike(O).
    let mut len = length_of_array_like(agent, o.unbind(), gc.reborrow())?;
    // 4. If len + argCount > 2^53 - 1, throw a TypeError exception.
    if len + arg_count > MAX_SAFE_LENGTH {
        return Err(agent.throw_type_error(
            "Array.prototype.push: the length would exceed 2^53 - 1",
            gc.into_nogc(),
        ));
    }
    // 5. For each element E of items, do
    for i in 0..items.len() {
        // a. Perform ? Set(O, ! ToString(𝔽(len)), E, true).
        set_index(
            agent,
            scoped_o.get(agent),
            len,
            items.get(agent, i),
            gc.reborrow(),
        )?;
        // b. Set len to len + 1.
        len += 1;
    }
    // 6. Perform ? Set(O, "length", 𝔽(len), true).
    set_length(agent, scoped_o.get(agent), len, gc.reborrow())?;
    // 7. Return 𝔽(len).
    Ok(length_value(agent, len, gc.into_nogc()))
}

/// ### [23.1.3.26 Array.prototype.reverse ( )](https://tc39.es/ecma262/#sec-array.prototype.reverse)
pub(super) fn reverse<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, this.bind(gc.nogc()), gc.nogc())?;
    if is_simple_array(agent, o) {
        // The swaps (and the deletes opposite holes) act on storage only.
        let elements = o.elements_mut(agent);
        if elements.dense.len() == elements.length as usize {
            elements.dense.reverse();
            while matches!(elements.dense.last(), Some(None)) {
                elements.dense.pop();
            }
            return Ok(o.unbind().bind(gc.into_nogc()).into());
        }
    }
    let scoped_o = o.scope(agent, gc.nogc());
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, o.unbind(), gc.reborrow())?;
    // 3. Let middle be floor(len / 2).
    let middle = len / 2;
    // 4. Let lower be 0.
    let lower_value = Value::Undefined.scope(agent, gc.nogc());
    // 5. Repeat, while lower ≠ middle,
    for lower in 0..middle {
        // a. Let upper be len - lower - 1.
        let upper = len - lower - 1;
        // b. Let upperP be ! ToString(𝔽(upper)).
        // c. Let lowerP be ! ToString(𝔽(lower)).
        // d. Let lowerExists be ? HasProperty(O, lowerP).
        // e. If lowerExists is true, then
        //    i. Let lowerValue be ? Get(O, lowerP).
        let lower_exists =
            match has_then_get(agent, scoped_o.get(agent), lower, gc.reborrow())?.unbind() {
                Some(value) => {
                    lower_value.set(agent, value);
                    true
                }
                None => false,
            };
        // f. Let upperExists be ? HasProperty(O, upperP).
        // g. If upperExists is true, then
        //    i. Let upperValue be ? Get(O, upperP).
        let upper_value = has_then_get(agent, scoped_o.get(agent), upper, gc.reborrow())?.unbind();
        match (lower_exists, upper_value) {
            // h. If lowerExists is true and upperExists is true, then
            (true, Some(upper_value)) => {
                // i. Perform ? Set(O, lowerP, upperValue, true).
                set_index(
                    agent,
                    scoped_o.get(agent),
                    lower,
                    upper_value,
                    gc.reborrow(),
                )?;
                // ii. Perform ? Set(O, upperP, lowerValue, true).
                let lower_value = lower_value.get(agent);
                set_index(
                    agent,
                    scoped_o.get(agent),
                    upper,
                    lower_value,
                    gc.reborrow(),
                )?;
            }
            // i. Else if lowerExists is false and upperExists is true, then
            (false, Some(upper_value)) => {
                // i. Perform ? Set(O, lowerP, upperValue, true).
                set_index(
                    agent,
                    scoped_o.get(agent),
                    lower,
                    upper_value,
                    gc.reborrow(),
                )?;
                // ii. Perform ? DeletePropertyOrThrow(O, upperP).
                delete_index(agent, scoped_o.get(agent), upper, gc.reborrow())?;
            }
            // j. Else if lowerExists is true and upperExists is false, then
            (true, None) => {
                // i. Perform ? DeletePropertyOrThrow(O, lowerP).
                delete_index(agent, scoped_o.get(agent), lower, gc.reborrow())?;
                // ii. Perform ? Set(O, upperP, lowerValue, true).
                let lower_value = lower_value.get(agent);
                set_index(
                    agent,
                    scoped_o.get(agent),
                    upper,
                    lower_value,
                    gc.reborrow(),
                )?;
            }
            // k. Else,
            //    i. Assert: lowerExists and upperExists are both false.
            //    ii. NOTE: No action is required.
            (false, None) => {}
        }
        // l. Set lower to lower + 1.
    }
    // 6. Return O.
    Ok(scoped_o.get(agent).bind(gc.into_nogc()).into())
}

/// ### [23.1.3.28 Array.prototype.shift ( )](https://tc39.es/ecma262/#sec-array.prototype.shift)
pub(super) fn shift<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, this.bind(gc.nogc()), gc.nogc())?;
    if is_simple_array(agent, o) {
        // The moves down (holes stay holes), the final delete and the length
        // update act on storage only.
        let elements = o.elements_mut(agent);
        if elements.length > 0 {
            let first = if elements.dense.is_empty() {
                None
            } else {
                elements.dense.remove(0)
            };
            while matches!(elements.dense.last(), Some(None)) {
                elements.dense.pop();
            }
            elements.length -= 1;
            return Ok(first.unwrap_or_default().bind(gc.into_nogc()));
        }
    }
    let scoped_o = o.scope(agent, gc.nogc());
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, o.unbind(), gc.reborrow())?;
    // 3. If len = 0, then
    if len == 0 {
        // a. Perform ? Set(O, "length", +0𝔽, true).
        set_length(agent, scoped_o.get(agent), 0, gc.reborrow())?;
        // b. Return undefined.
        return Ok(Value::Undefined);
    }
    // 4. Let first be ? Get(O, "0").
    let first = get_index(agent, scoped_o.get(agent), 0, gc.reborrow())?.unbind();
    let first = first.scope(agent, gc.nogc());
    // 5. Let k be 1.
    // 6. Repeat, while k < len,
    for k in 1..len {
        // a. Let from be ! ToString(𝔽(k)).
        // b. Let to be ! ToString(𝔽(k - 1)).
        // c. Let fromPresent be ? HasProperty(O, from).
        // d. If fromPresent is true, then
        //    i. Let fromValue be ? Get(O, from).
        //    ii. Perform ? Set(O, to, fromValue, true).
        // e. Else,
        //    i. Assert: fromPresent is false.
        //    ii. Perform ? DeletePropertyOrThrow(O, to).
        move_element(agent, scoped_o.get(agent), k, k - 1, gc.reborrow())?;
        // f. Set k to k + 1.
    }
    // 7. Perform ? DeletePropertyOrThrow(O, ! ToString(𝔽(len - 1))).
    delete_index(agent, scoped_o.get(agent), len - 1, gc.reborrow())?;
    // 8. Perform ? Set(O, "length", 𝔽(len - 1), true).
    set_length(agent, scoped_o.get(agent), len - 1, gc.reborrow())?;
    // 9. Return first.
    Ok(first.get(agent).bind(gc.into_nogc()))
}

/// ### [23.1.3.31 Array.prototype.splice ( start, deleteCount, ...items )](https://tc39.es/ecma262/#sec-array.prototype.splice)
pub(super) fn splice<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    let start_present = !args.is_empty();
    let delete_count_present = args.len() > 1;
    let start = args.get(0).scope(agent, gc.nogc());
    let delete_count = args.get(1).scope(agent, gc.nogc());
    let items = RootedValues::new(agent, args.slice_from(2).as_slice(), gc.nogc());
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, this.bind(gc.nogc()), gc.nogc())?;
    let scoped_o = o.scope(agent, gc.nogc());
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, o.unbind(), gc.reborrow())?;
    // 3. Let relativeStart be ? ToIntegerOrInfinity(start).
    let relative_start = to_integer_or_infinity(agent, start.get(agent), gc.reborrow())?;
    // 4. If relativeStart = -∞, let actualStart be 0.
    // 5. Else if relativeStart < 0, let actualStart be max(len + relativeStart, 0).
    // 6. Else, let actualStart be min(relativeStart, len).
    let actual_start = resolve_relative(relative_start, len);
    // 7. Let itemCount be the number of elements in items.
    let item_count = items.len() as u64;
    // 8. If start is not present, then
    //    a. Let actualDeleteCount be 0.
    // 9. Else if deleteCount is not present, then
    //    a. Let actualDeleteCount be len - actualStart.
    // 10. Else,
    //    a. Let dc be ? ToIntegerOrInfinity(deleteCount).
    //    b. Let actualDeleteCount be the result of clamping dc between 0 and len - actualStart.
    let actual_delete_count = if !start_present {
        0
    } else if !delete_count_present {
        len - actual_start
    } else {
        let dc = to_integer_or_infinity(agent, delete_count.get(agent), gc.reborrow())?;
        dc.clamp(0.0, (len - actual_start) as f64) as u64
    };
    // 11. If len + itemCount - actualDeleteCount > 2^53 - 1, throw a TypeError exception.
    if len + item_count - actual_delete_count > MAX_SAFE_LENGTH {
        return Err(agent.throw_type_error(
            "Array.prototype.splice: the length would exceed 2^53 - 1",
            gc.into_nogc(),
        ));
    }
    // 12. Let A be ? ArraySpeciesCreate(O, actualDeleteCount).
    let a = array_species_create(
        agent,
        scoped_o.get(agent),
        actual_delete_count,
        gc.reborrow(),
    )?
    .unbind();
    let a = a.scope(agent, gc.nogc());
    // 13. Let k be 0.
    // 14. Repeat, while k < actualDeleteCount,
    for k in 0..actual_delete_count {
        // a. Let from be ! ToString(𝔽(actualStart + k)).
        // b. If ? HasProperty(O, from) is true, then
        //    i. Let fromValue be ? Get(O, from).
        let from_value =
            has_then_get(agent, scoped_o.get(agent), actual_start + k, gc.reborrow())?.unbind();
        if let Some(from_value) = from_value {
            // ii. Perform ? CreateDataPropertyOrThrow(A, ! ToString(𝔽(k)), fromValue).
            create_index(agent, a.get(agent), k, from_value, gc.reborrow())?;
        }
        // c. Set k to k + 1.
    }
    // 15. Perform ? Set(A, "length", 𝔽(actualDeleteCount), true).
    set_length(agent, a.get(agent), actual_delete_count, gc.reborrow())?;
    // 16. If itemCount < actualDeleteCount, then
    if item_count < actual_delete_count {
        // a. Set k to actualStart.
        // b. Repeat, while k < (len - actualDeleteCount),
        for k in actual_start..len - actual_delete_count {
            // i. Let from be ! ToString(𝔽(k + actualDeleteCount)).
            // ii. Let to be ! ToString(𝔽(k + itemCount)).
            // iii. If ? HasProperty(O, from) is true, then
            //      1. Let fromValue be ? Get(O, from).
            //      2. Perform ? Set(O, to, fromValue, true).
            // iv. Else,
            //      1. Perform ? DeletePropertyOrThrow(O, to).
            move_element(
                agent,
                scoped_o.get(agent),
                k + actual_delete_count,
                k + item_count,
                gc.reborrow(),
            )?;
            // v. Set k to k + 1.
        }
        // c. Set k to len.
        // d. Repeat, while k > (len - actualDeleteCount + itemCount),
        let mut k = len;
        while k > len - actual_delete_count + item_count {
            // i. Perform ? DeletePropertyOrThrow(O, ! ToString(𝔽(k - 1))).
            delete_index(agent, scoped_o.get(agent), k - 1, gc.reborrow())?;
            // ii. Set k to k - 1.
            k -= 1;
        }
    } else if item_count > actual_delete_count {
        // 17. Else if itemCount > actualDeleteCount, then
        // a. Set k to (len - actualDeleteCount).
        let mut k = len - actual_delete_count;
        // b. Repeat, while k > actualStart,
        while k > actual_start {
            // i. Let from be ! ToString(𝔽(k + actualDeleteCount - 1)).
            // ii. Let to be ! ToString(𝔽(k + itemCount - 1)).
            // iii. If ? HasProperty(O, from) is true, then
            //      1. Let fromValue be ? Get(O, from).
            //      2. Perform ? Set(O, to, fromValue, true).
            // iv. Else,
            //      1. Perform ? DeletePropertyOrThrow(O, to).
            move_element(
                agent,
                scoped_o.get(agent),
                k + actual_delete_count - 1,
                k + item_count - 1,
                gc.reborrow(),
            )?;
            // v. Set k to k - 1.
            k -= 1;
        }
    }
    // 18. Set k to actualStart.
    // 19. For each element E of items, do
    for (i, k) in (actual_start..).take(items.len()).enumerate() {
        // a. Perform ? Set(O, ! ToString(𝔽(k)), E, true).
        set_index(
            agent,
            scoped_o.get(agent),
            k,
            items.get(agent, i),
            gc.reborrow(),
        )?;
        // b. Set k to k + 1.
    }
    // 20. Perform ? Set(O, "length", 𝔽(len - actualDeleteCount + itemCount), true).
    set_length(
        agent,
        scoped_o.get(agent),
        len - actual_delete_count + item_count,
        gc.reborrow(),
    )?;
    // 21. Return A.
    Ok(a.get(agent).bind(gc.into_nogc()).into())
}

/// ### [23.1.3.37 Array.prototype.unshift ( ...items )](https://tc39.es/ecma262/#sec-array.prototype.unshift)
pub(super) fn unshift<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, this.bind(gc.nogc()), gc.nogc())?;
    // 3. Let argCount be the number of elements in items.
    let arg_count = args.len() as u64;
    if is_simple_array(agent, o) {
        // The moves up (holes stay holes), the stores at the front and the
        // length update act on storage only.
        let elements = o.elements_mut(agent);
        let len = u64::from(elements.length);
        if len + arg_count <= MAX_ARRAY_LENGTH {
            elements
                .dense
                .splice(0..0, args.as_slice().iter().map(|v| Some(v.unbind())));
            elements.length = (len + arg_count) as u32;
            return Ok(length_value(agent, len + arg_count, gc.into_nogc()));
        }
    }
    let items = RootedValues::new(agent, args.as_slice(), gc.nogc());
    let scoped_o = o.scope(agent, gc.nogc());
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, o.unbind(), gc.reborrow())?;
    // 4. If argCount > 0, then
    if arg_count > 0 {
        // a. If len + argCount > 2^53 - 1, throw a TypeError exception.
        if len + arg_count > MAX_SAFE_LENGTH {
            return Err(agent.throw_type_error(
                "Array.prototype.unshift: the length would exceed 2^53 - 1",
                gc.into_nogc(),
            ));
        }
        // b. Let k be len.
        let mut k = len;
        // c. Repeat, while k > 0,
        while k > 0 {
            // i. Let from be ! ToString(𝔽(k - 1)).
            // ii. Let to be ! ToString(𝔽(k + argCount - 1)).
            // iii. Let fromPresent be ? HasProperty(O, from).
            // iv. If fromPresent is true, then
            //     1. Let fromValue be ? Get(O, from).
            //     2. Perform ? Set(O, to, fromValue, true).
            // v. Else,
            //     1. Assert: fromPresent is false.
            //     2. Perform ? DeletePropertyOrThrow(O, to).
            move_element(
                agent,
                scoped_o.get(agent),
                k - 1,
                k + arg_count - 1,
                gc.reborrow(),
            )?;
            // vi. Set k to k - 1.
            k -= 1;
        }
        // d. Let j be +0𝔽.
        // e. For each element E of items, do
        for j in 0..items.len() {
            // i. Perform ? Set(O, ! ToString(j), E, true).
            set_index(
                agent,
                scoped_o.get(agent),
                j as u64,
                items.get(agent, j),
                gc.reborrow(),
            )?;
            // ii. Set j to j + 1𝔽.
        }
    }
    // 5. Perform ? Set(O, "length", 𝔽(len + argCount), true).
    set_length(agent, scoped_o.get(agent), len + arg_count, gc.reborrow())?;
    // 6. Return 𝔽(len + argCount).
    Ok(length_value(agent, len + arg_count, gc.into_nogc()))
}
