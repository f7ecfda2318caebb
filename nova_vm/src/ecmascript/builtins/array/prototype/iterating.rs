//! Array.prototype methods that call a function for each element:
//! `every`, `filter`, `find`, `findIndex`, `findLast`, `findLastIndex`,
//! `forEach`, `map`, `reduce`, `reduceRight`, `some`.

use crate::ecmascript::abstract_operations::{
    call_function, is_callable, length_of_array_like, to_boolean, to_object,
};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::builtins::array::abstract_operations::array_species_create;
use crate::ecmascript::builtins::array::array_like::{
    Lookup, create_index, get_index, has_then_get, length_value, lookup, next_candidate,
    previous_candidate,
};
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable, Scoped};

/// The receiver of a callback method: `O`, rooted.
type ScopedObject<'s> = Scoped<'s, Object<'static>>;

/// Steps a–c.i of the ascending loops that skip missing elements: from `k`
/// on, the first index whose HasProperty is true, with `? Get(O, Pk)`.
fn next_present<'gc>(
    agent: &mut Agent,
    o: ScopedObject,
    mut k: u64,
    len: u64,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<(u64, Value<'gc>)>> {
    while k < len {
        let object = o.get(agent);
        match lookup(agent, object, k) {
            Lookup::Present(value) => return Ok(Some((k, value.bind(gc.into_nogc())))),
            Lookup::Absent => k = next_candidate(agent, object, k + 1, len),
            Lookup::Unknown => {
                if let Some(value) = has_then_get(agent, object, k, gc.reborrow())?.unbind() {
                    return Ok(Some((k, value.bind(gc.into_nogc()))));
                }
                k += 1;
            }
        }
    }
    Ok(None)
}

/// Steps a–c.i of the descending loops that skip missing elements: from `k`
/// down, the first index whose HasProperty is true, with `? Get(O, Pk)`.
fn previous_present<'gc>(
    agent: &mut Agent,
    o: ScopedObject,
    k: Option<u64>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<(u64, Value<'gc>)>> {
    let mut k = k;
    while let Some(index) = k {
        let object = o.get(agent);
        match lookup(agent, object, index) {
            Lookup::Present(value) => return Ok(Some((index, value.bind(gc.into_nogc())))),
            Lookup::Absent => {
                k = match previous_candidate(agent, object, index) {
                    Some(candidate) if candidate < index => Some(candidate),
                    _ => index.checked_sub(1),
                };
            }
            Lookup::Unknown => {
                if let Some(value) = has_then_get(agent, object, index, gc.reborrow())?.unbind() {
                    return Ok(Some((index, value.bind(gc.into_nogc()))));
                }
                k = index.checked_sub(1);
            }
        }
    }
    Ok(None)
}

/// Steps 1–3 shared by the callback methods: `O`, `len`, and the callable check.
fn object_length_and_callback<'gc, 's>(
    agent: &mut Agent,
    this: Value,
    callback: Value,
    method: &str,
    mut gc: GcScope<'gc, 's>,
) -> JsResult<'gc, (ScopedObject<'s>, u64)> {
    let callback = callback.scope(agent, gc.nogc());
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, this.bind(gc.nogc()), gc.nogc())?;
    let scoped_o = o.scope(agent, gc.nogc());
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, o.unbind(), gc.reborrow())?;
    // 3. If IsCallable(callback) is false, throw a TypeError exception.
    if !is_callable(agent, callback.get(agent)) {
        let message = format!("Array.prototype.{method}: the callback is not a function");
        return Err(agent.throw_type_error(&message, gc.into_nogc()));
    }
    Ok((scoped_o, len))
}

/// `? Call(callback, thisArg, « kValue, 𝔽(k), O »)`.
fn call_callback<'gc>(
    agent: &mut Agent,
    callback: Scoped<Value<'static>>,
    this_arg: Scoped<Value<'static>>,
    k_value: Value,
    k: u64,
    o: ScopedObject,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let k_number = length_value(agent, k, gc.nogc()).unbind();
    call_function(
        agent,
        callback.get(agent),
        this_arg.get(agent),
        ArgumentsList(&[k_value.unbind(), k_number, o.get(agent).into()]),
        gc,
    )
}

/// ### [23.1.3.6 Array.prototype.every ( callback [ , thisArg ] )](https://tc39.es/ecma262/#sec-array.prototype.every)
pub(super) fn every<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let callback = args.get(0).scope(agent, gc.nogc());
    let this_arg = args.get(1).scope(agent, gc.nogc());
    // 1-3. O, len and the callable check.
    let (o, len) =
        object_length_and_callback(agent, this, callback.get(agent), "every", gc.reborrow())?;
    // 4. Let k be 0.
    let mut k = 0;
    // 5. Repeat, while k < len,
    //    a. Let Pk be ! ToString(𝔽(k)).
    //    b. Let kPresent be ? HasProperty(O, Pk).
    //    c. If kPresent is true, then
    //       i. Let kValue be ? Get(O, Pk).
    while let Some((index, k_value)) = next_present(agent, o, k, len, gc.reborrow())? {
        let k_value = k_value.unbind();
        //   ii. Let testResult be ToBoolean(? Call(callback, thisArg, « kValue, 𝔽(k), O »)).
        let test_result =
            call_callback(agent, callback, this_arg, k_value, index, o, gc.reborrow())?;
        //   iii. If testResult is false, return false.
        if !to_boolean(agent, test_result) {
            return Ok(Value::Boolean(false));
        }
        //  d. Set k to k + 1.
        k = index + 1;
    }
    // 6. Return true.
    Ok(Value::Boolean(true))
}

/// ### [23.1.3.27 Array.prototype.some ( callback [ , thisArg ] )](https://tc39.es/ecma262/#sec-array.prototype.some)
pub(super) fn some<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let callback = args.get(0).scope(agent, gc.nogc());
    let this_arg = args.get(1).scope(agent, gc.nogc());
    // 1-3. O, len and the callable check.
    let (o, len) =
        object_length_and_callback(agent, this, callback.get(agent), "some", gc.reborrow())?;
    // 4. Let k be 0.
    let mut k = 0;
    // 5. Repeat, while k < len,
    //    a. Let Pk be ! ToString(𝔽(k)).
    //    b. Let kPresent be ? HasProperty(O, Pk).
    //    c. If kPresent is true, then
    //       i. Let kValue be ? Get(O, Pk).
    while let Some((index, k_value)) = next_present(agent, o, k, len, gc.reborrow())? {
        let k_value = k_value.unbind();
        //   ii. Let testResult be ToBoolean(? Call(callback, thisArg, « kValue, 𝔽(k), O »)).
        let test_result =
            call_callback(agent, callback, this_arg, k_value, index, o, gc.reborrow())?;
        //   iii. If testResult is true, return true.
        if to_boolean(agent, test_result) {
            return Ok(Value::Boolean(true));
        }
        //  d. Set k to k + 1.
        k = index + 1;
    }
    // 6. Return false.
    Ok(Value::Boolean(false))
}

/// ### [23.1.3.15 Array.prototype.forEach ( callback [ , thisArg ] )](https://tc39.es/ecma262/#sec-array.prototype.foreach)
pub(super) fn for_each<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let callback = args.get(0).scope(agent, gc.nogc());
    let this_arg = args.get(1).scope(agent, gc.nogc());
    // 1-3. O, len and the callable check.
    let (o, len) =
        object_length_and_callback(agent, this, callback.get(agent), "forEach", gc.reborrow())?;
    // 4. Let k be 0.
    let mut k = 0;
    // 5. Repeat, while k < len,
    //    a. Let Pk be ! ToString(𝔽(k)).
    //    b. Let kPresent be ? HasProperty(O, Pk).
    //    c. If kPresent is true, then
    //       i. Let kValue be ? Get(O, Pk).
    while let Some((index, k_value)) = next_present(agent, o, k, len, gc.reborrow())? {
        let k_value = k_value.unbind();
        //   ii. Perform ? Call(callback, thisArg, « kValue, 𝔽(k), O »).
        call_callback(agent, callback, this_arg, k_value, index, o, gc.reborrow())?;
        //  d. Set k to k + 1.
        k = index + 1;
    }
    // 6. Return undefined.
    Ok(Value::Undefined)
}

/// ### [23.1.3.21 Array.prototype.map ( callback [ , thisArg ] )](https://tc39.es/ecma262/#sec-array.prototype.map)
pub(super) fn map<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let callback = args.get(0).scope(agent, gc.nogc());
    let this_arg = args.get(1).scope(agent, gc.nogc());
    // 1-3. O, len and the callable check.
    let (o, len) =
        object_length_and_callback(agent, this, callback.get(agent), "map", gc.reborrow())?;
    // 4. Let A be ? ArraySpeciesCreate(O, len).
    let a = array_species_create(agent, o.get(agent), len, gc.reborrow())?.unbind();
    let a = a.scope(agent, gc.nogc());
    // 5. Let k be 0.
    let mut k = 0;
    // 6. Repeat, while k < len,
    //    a. Let Pk be ! ToString(𝔽(k)).
    //    b. Let kPresent be ? HasProperty(O, Pk).
    //    c. If kPresent is true, then
    //       i. Let kValue be ? Get(O, Pk).
    while let Some((index, k_value)) = next_present(agent, o, k, len, gc.reborrow())? {
        let k_value = k_value.unbind();
        //   ii. Let mappedValue be ? Call(callback, thisArg, « kValue, 𝔽(k), O »).
        let mapped_value =
            call_callback(agent, callback, this_arg, k_value, index, o, gc.reborrow())?.unbind();
        //   iii. Perform ? CreateDataPropertyOrThrow(A, Pk, mappedValue).
        create_index(agent, a.get(agent), index, mapped_value, gc.reborrow())?;
        //  d. Set k to k + 1.
        k = index + 1;
    }
    // 7. Return A.
    Ok(a.get(agent).bind(gc.into_nogc()).into())
}

/// ### [23.1.3.8 Array.prototype.filter ( callback [ , thisArg ] )](https://tc39.es/ecma262/#sec-array.prototype.filter)
pub(super) fn filter<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let callback = args.get(0).scope(agent, gc.nogc());
    let this_arg = args.get(1).scope(agent, gc.nogc());
    // 1-3. O, len and the callable check.
    let (o, len) =
        object_length_and_callback(agent, this, callback.get(agent), "filter", gc.reborrow())?;
    // 4. Let A be ? ArraySpeciesCreate(O, 0).
    let a = array_species_create(agent, o.get(agent), 0, gc.reborrow())?.unbind();
    let a = a.scope(agent, gc.nogc());
    // The value being tested, kept while the callback runs.
    let selected_value = Value::Undefined.scope(agent, gc.nogc());
    // 5. Let k be 0.
    let mut k = 0;
    // 6. Let to be 0.
    let mut to = 0;
    // 7. Repeat, while k < len,
    //    a. Let Pk be ! ToString(𝔽(k)).
    //    b. Let kPresent be ? HasProperty(O, Pk).
    //    c. If kPresent is true, then
    //       i. Let kValue be ? Get(O, Pk).
    while let Some((index, k_value)) = next_present(agent, o, k, len, gc.reborrow())? {
        let k_value = k_value.unbind();
        selected_value.set(agent, k_value);
        //   ii. Let selected be ToBoolean(? Call(callback, thisArg, « kValue, 𝔽(k), O »)).
        let selected = call_callback(agent, callback, this_arg, k_value, index, o, gc.reborrow())?;
        //   iii. If selected is true, then
        if to_boolean(agent, selected) {
            // 1. Perform ? CreateDataPropertyOrThrow(A, ! ToString(𝔽(to)), kValue).
            let k_value = selected_value.get(agent);
            create_index(agent, a.get(agent), to, k_value, gc.reborrow())?;
            // 2. Set to to to + 1.
            to += 1;
        }
        //  d. Set k to k + 1.
        k = index + 1;
    }
    // 8. Return A.
    Ok(a.get(agent).bind(gc.into_nogc()).into())
}

/// The reducer loops' accumulator step:
/// `Set accumulator to ? Call(callback, undefined, « accumulator, kValue, 𝔽(k), O »)`.
fn call_reducer<'gc>(
    agent: &mut Agent,
    callback: Scoped<Value<'static>>,
    accumulator: Scoped<Value<'static>>,
    k_value: Value,
    k: u64,
    o: ScopedObject,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let k_number = length_value(agent, k, gc.nogc()).unbind();
    call_function(
        agent,
        callback.get(agent),
        Value::Undefined,
        ArgumentsList(&[
            accumulator.get(agent),
            k_value.unbind(),
            k_number,
            o.get(agent).into(),
        ]),
        gc,
    )
}

/// ### [23.1.3.24 Array.prototype.reduce ( callback [ , initialValue ] )](https://tc39.es/ecma262/#sec-array.prototype.reduce)
pub(super) fn reduce<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let initial_value_present = args.len() > 1;
    let callback = args.get(0).scope(agent, gc.nogc());
    let accumulator = args.get(1).scope(agent, gc.nogc());
    // 1-3. O, len and the callable check.
    let (o, len) =
        object_length_and_callback(agent, this, callback.get(agent), "reduce", gc.reborrow())?;
    // 4. If len = 0 and initialValue is not present, throw a TypeError exception.
    if len == 0 && !initial_value_present {
        return Err(agent.throw_type_error(
            "Array.prototype.reduce of an empty array with no initial value",
            gc.into_nogc(),
        ));
    }
    // 5. Let k be 0.
    let mut k = 0;
    // 6. Let accumulator be undefined.
    // 7. If initialValue is present, then
    //    a. Set accumulator to initialValue.
    // 8. Else,
    if !initial_value_present {
        // a. Let kPresent be false.
        // b. Repeat, while kPresent is false and k < len,
        //    i. Let Pk be ! ToString(𝔽(k)).
        //    ii. Set kPresent to ? HasProperty(O, Pk).
        //    iii. If kPresent is true, then
        //         1. Set accumulator to ? Get(O, Pk).
        //    iv. Set k to k + 1.
        let Some((index, first)) = next_present(agent, o, 0, len, gc.reborrow())? else {
            // c. If kPresent is false, throw a TypeError exception.
            return Err(agent.throw_type_error(
                "Array.prototype.reduce of an empty array with no initial value",
                gc.into_nogc(),
            ));
        };
        accumulator.set(agent, first.unbind());
        k = index + 1;
    }
    // 9. Repeat, while k < len,
    //    a. Let Pk be ! ToString(𝔽(k)).
    //    b. Let kPresent be ? HasProperty(O, Pk).
    //    c. If kPresent is true, then
    //       i. Let kValue be ? Get(O, Pk).
    while let Some((index, k_value)) = next_present(agent, o, k, len, gc.reborrow())? {
        let k_value = k_value.unbind();
        //   ii. Set accumulator to ? Call(callback, undefined, « accumulator, kValue, 𝔽(k), O »).
        let result = call_reducer(
            agent,
            callback,
            accumulator,
            k_value,
            index,
            o,
            gc.reborrow(),
        )?
        .unbind();
        accumulator.set(agent, result);
        //  d. Set k to k + 1.
        k = index + 1;
    }
    // 10. Return accumulator.
    Ok(accumulator.get(agent).bind(gc.into_nogc()))
}

/// ### [23.1.3.25 Array.prototype.reduceRight ( callback [ , initialValue ] )](https://tc39.es/ecma262/#sec-array.prototype.reduceright)
pub(super) fn reduce_right<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let initial_value_present = args.len() > 1;
    let callback = args.get(0).scope(agent, gc.nogc());
    let accumulator = args.get(1).scope(agent, gc.nogc());
    // 1-3. O, len and the callable check.
    let (o, len) = object_length_and_callback(
        agent,
        this,
        callback.get(agent),
        "reduceRight",
        gc.reborrow(),
    )?;
    // 4. If len = 0 and initialValue is not present, throw a TypeError exception.
    if len == 0 && !initial_value_present {
        return Err(agent.throw_type_error(
            "Array.prototype.reduceRight of an empty array with no initial value",
            gc.into_nogc(),
        ));
    }
    // 5. Let k be len - 1.
    let mut k = len.checked_sub(1);
    // 6. Let accumulator be undefined.
    // 7. If initialValue is present, then
    //    a. Set accumulator to initialValue.
    // 8. Else,
    if !initial_value_present {
        // a. Let kPresent be false.
        // b. Repeat, while kPresent is false and k ≥ 0,
        //    i. Let Pk be ! ToString(𝔽(k)).
        //    ii. Set kPresent to ? HasProperty(O, Pk).
        //    iii. If kPresent is true, then
        //         1. Set accumulator to ? Get(O, Pk).
        //    iv. Set k to k - 1.
        let Some((index, last)) = previous_present(agent, o, k, gc.reborrow())? else {
            // c. If kPresent is false, throw a TypeError exception.
            return Err(agent.throw_type_error(
                "Array.prototype.reduceRight of an empty array with no initial value",
                gc.into_nogc(),
            ));
        };
        accumulator.set(agent, last.unbind());
        k = index.checked_sub(1);
    }
    // 9. Repeat, while k ≥ 0,
    //    a. Let Pk be ! ToString(𝔽(k)).
    //    b. Let kPresent be ? HasProperty(O, Pk).
    //    c. If kPresent is true, then
    //       i. Let kValue be ? Get(O, Pk).
    while let Some((index, k_value)) = previous_present(agent, o, k, gc.reborrow())? {
        let k_value = k_value.unbind();
        //   ii. Set accumulator to ? Call(callback, undefined, « accumulator, kValue, 𝔽(k), O »).
        let result = call_reducer(
            agent,
            callback,
            accumulator,
            k_value,
            index,
            o,
            gc.reborrow(),
        )?
        .unbind();
        accumulator.set(agent, result);
        //  d. Set k to k - 1.
        k = index.checked_sub(1);
    }
    // 10. Return accumulator.
    Ok(accumulator.get(agent).bind(gc.into_nogc()))
}

/// Which way FindViaPredicate walks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Ascending,
    Descending,
}

/// ### [23.1.3.12.1 FindViaPredicate ( O, len, direction, predicate, thisArg )](https://tc39.es/ecma262/#sec-findviapredicate)
///
/// Returns `[[Index]]` (`None` for -1) and `[[Value]]`.
fn find_via_predicate<'gc>(
    agent: &mut Agent,
    o: ScopedObject,
    len: u64,
    direction: Direction,
    predicate: Scoped<Value<'static>>,
    this_arg: Scoped<Value<'static>>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, (Option<u64>, Value<'gc>)> {
    // 1. If IsCallable(predicate) is false, throw a TypeError exception.
    if !is_callable(agent, predicate.get(agent)) {
        return Err(agent.throw_type_error(
            "Array.prototype.find: the predicate is not a function",
            gc.into_nogc(),
        ));
    }
    let found = Value::Undefined.scope(agent, gc.nogc());
    // 2. If direction is ascending, then
    //    a. Let indices be a List of the integers in the interval from 0 (inclusive) to len
    //       (exclusive), in ascending order.
    // 3. Else,
    //    a. Let indices be a List of the integers in the interval from 0 (inclusive) to len
    //       (exclusive), in descending order.
    // 4. For each integer k of indices, do
    for i in 0..len {
        let k = match direction {
            Direction::Ascending => i,
            Direction::Descending => len - 1 - i,
        };
        // a. Let Pk be ! ToString(𝔽(k)).
        // b. NOTE: If O is a TypedArray, the following invocation of Get will return a normal
        //    completion.
        // c. Let kValue be ? Get(O, Pk).
        let k_value = get_index(agent, o.get(agent), k, gc.reborrow())?.unbind();
        found.set(agent, k_value);
        // d. Let testResult be ? Call(predicate, thisArg, « kValue, 𝔽(k), O »).
        let test_result = call_callback(agent, predicate, this_arg, k_value, k, o, gc.reborrow())?;
        // e. If ToBoolean(testResult) is true, return the Record { [[Index]]: 𝔽(k),
        //    [[Value]]: kValue }.
        if to_boolean(agent, test_result) {
            return Ok((Some(k), found.get(agent).bind(gc.into_nogc())));
        }
    }
    // 5. Return the Record { [[Index]]: -1𝔽, [[Value]]: undefined }.
    Ok((None, Value::Undefined))
}

/// Steps 1–3 of `find`, `findIndex`, `findLast` and `findLastIndex`.
fn find_common<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    direction: Direction,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, (Option<u64>, Value<'gc>)> {
    let predicate = args.get(0).scope(agent, gc.nogc());
    let this_arg = args.get(1).scope(agent, gc.nogc());
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, this.bind(gc.nogc()), gc.nogc())?;
    let scoped_o = o.scope(agent, gc.nogc());
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, o.unbind(), gc.reborrow())?;
    // 3. Let findRec be ? FindViaPredicate(O, len, direction, predicate, thisArg).
    find_via_predicate(agent, scoped_o, len, direction, predicate, this_arg, gc)
}

/// `findRec.[[Index]]` as a Number.
fn index_value<'gc>(agent: &mut Agent, index: Option<u64>, gc: NoGcScope<'gc, '_>) -> Value<'gc> {
    match index {
        Some(k) => length_value(agent, k, gc),
        None => Value::Integer(-1),
    }
}

/// ### [23.1.3.9 Array.prototype.find ( predicate [ , thisArg ] )](https://tc39.es/ecma262/#sec-array.prototype.find)
pub(super) fn find<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1-3. Let findRec be ? FindViaPredicate(O, len, ascending, predicate, thisArg).
    let (_, value) = find_common(agent, this, args, Direction::Ascending, gc)?;
    // 4. Return findRec.[[Value]].
    Ok(value)
}

/// ### [23.1.3.10 Array.prototype.findIndex ( predicate [ , thisArg ] )](https://tc39.es/ecma262/#sec-array.prototype.findindex)
pub(super) fn find_index<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1-3. Let findRec be ? FindViaPredicate(O, len, ascending, predicate, thisArg).
    let (index, _) = find_common(agent, this, args, Direction::Ascending, gc.reborrow())?;
    // 4. Return findRec.[[Index]].
    Ok(index_value(agent, index, gc.into_nogc()))
}

/// ### [23.1.3.11 Array.prototype.findLast ( predicate [ , thisArg ] )](https://tc39.es/ecma262/#sec-array.prototype.findlast)
pub(super) fn find_last<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1-3. Let findRec be ? FindViaPredicate(O, len, descending, predicate, thisArg).
    let (_, value) = find_common(agent, this, args, Direction::Descending, gc)?;
    // 4. Return findRec.[[Value]].
    Ok(value)
}

/// ### [23.1.3.12 Array.prototype.findLastIndex ( predicate [ , thisArg ] )](https://tc39.es/ecma262/#sec-array.prototype.findlastindex)
pub(super) fn find_last_index<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1-3. Let findRec be ? FindViaPredicate(O, len, descending, predicate, thisArg).
    let (index, _) = find_common(agent, this, args, Direction::Descending, gc.reborrow())?;
    // 4. Return findRec.[[Index]].
    Ok(index_value(agent, index, gc.into_nogc()))
}
