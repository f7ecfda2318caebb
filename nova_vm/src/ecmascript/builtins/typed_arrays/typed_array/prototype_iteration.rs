//! ### [23.2.3 Properties of the %TypedArray% Prototype Object](https://tc39.es/ecma262/#sec-properties-of-the-%typedarrayprototype%-object):
//! the methods that call back into JavaScript (every, filter, find*, forEach,
//! map, reduce*, some, sort, toSorted).

use std::cmp::Ordering;

use super::constructors::{
    this_typed_array, typed_array_create_same_type, typed_array_species_create,
};
use super::prototype::{get_element, index_key};
use super::{read_element, typed_array_of, write_element};
use crate::ecmascript::abstract_operations::{
    call_function, is_callable, set, to_boolean, to_number,
};
use crate::ecmascript::builtins::typed_arrays::ElementType;
use crate::ecmascript::builtins::typed_arrays::element_types::{Numeric, numeric_to_value};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable, Scoped};

pub(super) fn initialize(agent: &mut Agent, prototype: Object, gc: NoGcScope) {
    let methods: [(
        &'static str,
        u32,
        crate::ecmascript::builtins::function_objects::RegularFn,
    ); 13] = [
        ("every", 1, every),
        ("filter", 1, filter),
        ("find", 1, find),
        ("findIndex", 1, find_index),
        ("findLast", 1, find_last),
        ("findLastIndex", 1, find_last_index),
        ("forEach", 1, for_each),
        ("map", 1, map),
        ("reduce", 1, reduce),
        ("reduceRight", 1, reduce_right),
        ("some", 1, some),
        ("sort", 1, sort),
        ("toSorted", 1, to_sorted),
    ];
    for (name, length, behaviour) in methods {
        agent.define_builtin_method(prototype, BuiltinName::Str(name), length, behaviour, gc);
    }
}

/// The shared prologue of the callback methods: ValidateTypedArray, the
/// length, and IsCallable(callback) (a TypeError naming `method`).
fn prologue<'s>(
    agent: &mut Agent,
    this: Value,
    callback: Value,
    method: &str,
    gc: NoGcScope<'_, 's>,
) -> JsResult<'static, (Scoped<'s, Object<'static>>, usize)> {
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let len be TypedArrayLength(taRecord).
    let (o, _, len) = this_typed_array(agent, this, gc)?;
    // 4. If IsCallable(callback) is false, throw a TypeError exception.
    if !is_callable(agent, callback) {
        return Err(agent.throw_type_error(
            &format!("%TypedArray%.prototype.{method}: callback is not a function"),
            gc,
        ));
    }
    Ok((o.unbind().scope(agent, gc), len))
}

/// Call(callback, thisArg, « kValue, 𝔽(k), O »).
fn call_back<'gc, 's>(
    agent: &mut Agent,
    callback: Scoped<'s, Value<'static>>,
    this_arg: Scoped<'s, Value<'static>>,
    o: Scoped<'s, Object<'static>>,
    k: usize,
    value: Value,
    gc: GcScope<'gc, 's>,
) -> JsResult<'gc, Value<'gc>> {
    let k_value = agent.number(k as f64, gc.nogc()).unbind();
    call_function(
        agent,
        callback.get(agent),
        this_arg.get(agent),
        ArgumentsList(&[value, k_value, o.get(agent).into()]),
        gc,
    )
}

/// ### [23.2.3.8 %TypedArray%.prototype.every ( callback [ , thisArg ] )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.every)
/// and [23.2.3.28 %TypedArray%.prototype.some](https://tc39.es/ecma262/#sec-%typedarray%.prototype.some)
/// (`some` returns true on the first true result, `every` false on the first false one).
fn every_or_some<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    is_some: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let callback = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    let this_arg = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    let method = if is_some { "some" } else { "every" };
    let (o, len) = prologue(agent, this, callback.get(agent), method, gc.nogc())?;
    // 5-6. Repeat, while k < len,
    for k in 0..len {
        // a. Let Pk be ! ToString(𝔽(k)).
        // b. Let kValue be ! Get(O, Pk).
        let value = get_element(agent, o.get(agent), k, gc.nogc()).unbind();
        // c. Let testResult be ToBoolean(? Call(callback, thisArg, « kValue, 𝔽(k), O »)).
        let result = call_back(agent, callback, this_arg, o, k, value, gc.reborrow())?.unbind();
        // d. If testResult is false (every) / true (some), return it.
        if to_boolean(agent, result) == is_some {
            return Ok(Value::Boolean(is_some));
        }
    }
    // 7. Return true (every) / false (some).
    Ok(Value::Boolean(!is_some))
}

fn every<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    every_or_some(agent, this, args, false, gc)
}

fn some<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    every_or_some(agent, this, args, true, gc)
}

/// ### [23.2.3.10 %TypedArray%.prototype.filter ( callback [ , thisArg ] )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.filter)
fn filter<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let callback = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    let this_arg = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    let (o, len) = prologue(agent, this, callback.get(agent), "filter", gc.nogc())?;
    // 5. Let kept be a new empty List.
    let mut kept: Vec<Scoped<Value>> = Vec::new();
    // 6-8. Repeat, while k < len,
    for k in 0..len {
        // b. Let kValue be ! Get(O, Pk).
        let value = get_element(agent, o.get(agent), k, gc.nogc()).unbind();
        let scoped_value = value.scope(agent, gc.nogc());
        // c. Let selected be ToBoolean(? Call(callback, thisArg, « kValue, 𝔽(k), O »)).
        let selected = call_back(agent, callback, this_arg, o, k, value, gc.reborrow())?.unbind();
        // d. If selected is true, then append kValue to kept; set captured to captured + 1.
        if to_boolean(agent, selected) {
            kept.push(scoped_value);
        }
    }
    // 9. Let A be ? TypedArraySpeciesCreate(O, « 𝔽(captured) »).
    let captured = Value::from_u32(kept.len() as u32);
    let a = typed_array_species_create(agent, o.get(agent), &[captured], gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 10-11. For each element e of kept: perform ! Set(A, ! ToString(𝔽(n)), e, true).
    for (n, e) in kept.iter().enumerate() {
        set(
            agent,
            a.get(agent),
            index_key(n),
            e.get(agent),
            true,
            gc.reborrow(),
        )?;
    }
    // 12. Return A.
    Ok(a.get(agent).bind(gc.into_nogc()).into())
}

/// ### [23.1.3.12.1 FindViaPredicate ( O, len, direction, predicate, thisArg )](https://tc39.es/ecma262/#sec-findviapredicate)
/// for find, findIndex, findLast and findLastIndex: `(index, value)`.
fn find_via_predicate<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    ascending: bool,
    method: &str,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, (f64, Value<'gc>)> {
    let predicate = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    let this_arg = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. If IsCallable(predicate) is false, throw a TypeError exception.
    let (o, len) = prologue(agent, this, predicate.get(agent), method, gc.nogc())?;
    // 2-4. For each integer k in the direction's order:
    for i in 0..len {
        let k = if ascending { i } else { len - 1 - i };
        // a. Let Pk be ! ToString(𝔽(k)).
        // b. NOTE: If O is a TypedArray, the following invocation of Get will return a normal
        //    completion.
        // c. Let kValue be ? Get(O, Pk).
        let value = get_element(agent, o.get(agent), k, gc.nogc()).unbind();
        let scoped_value = value.scope(agent, gc.nogc());
        // d. Let testResult be ? Call(predicate, thisArg, « kValue, 𝔽(k), O »).
        let result = call_back(agent, predicate, this_arg, o, k, value, gc.reborrow())?.unbind();
        // e. If ToBoolean(testResult) is true, return the Record { [[Index]]: 𝔽(k), [[Value]]: kValue }.
        if to_boolean(agent, result) {
            return Ok((k as f64, scoped_value.get(agent).bind(gc.into_nogc())));
        }
    }
    // 5. Return the Record { [[Index]]: -1𝔽, [[Value]]: undefined }.
    Ok((-1.0, Value::Undefined))
}

/// ### [23.2.3.11 %TypedArray%.prototype.find ( predicate [ , thisArg ] )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.find)
fn find<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    Ok(find_via_predicate(agent, this, args, true, "find", gc)?.1)
}

/// ### [23.2.3.12 %TypedArray%.prototype.findIndex ( predicate [ , thisArg ] )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.findindex)
fn find_index<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let index = find_via_predicate(agent, this, args, true, "findIndex", gc)?.0;
    Ok(Value::from_i32(index as i32))
}

/// ### [23.2.3.13 %TypedArray%.prototype.findLast ( predicate [ , thisArg ] )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.findlast)
fn find_last<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    Ok(find_via_predicate(agent, this, args, false, "findLast", gc)?.1)
}

/// ### [23.2.3.14 %TypedArray%.prototype.findLastIndex ( predicate [ , thisArg ] )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.findlastindex)
fn find_last_index<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let index = find_via_predicate(agent, this, args, false, "findLastIndex", gc)?.0;
    Ok(Value::from_i32(index as i32))
}

/// ### [23.2.3.15 %TypedArray%.prototype.forEach ( callback [ , thisArg ] )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.foreach)
fn for_each<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let callback = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    let this_arg = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    let (o, len) = prologue(agent, this, callback.get(agent), "forEach", gc.nogc())?;
    // 5-6. Repeat, while k < len: perform ? Call(callback, thisArg, « kValue, 𝔽(k), O »).
    for k in 0..len {
        let value = get_element(agent, o.get(agent), k, gc.nogc()).unbind();
        call_back(agent, callback, this_arg, o, k, value, gc.reborrow())?;
    }
    // 7. Return undefined.
    Ok(Value::Undefined)
}

/// ### [23.2.3.22 %TypedArray%.prototype.map ( callback [ , thisArg ] )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.map)
fn map<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let callback = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    let this_arg = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    let (o, len) = prologue(agent, this, callback.get(agent), "map", gc.nogc())?;
    // 5. Let A be ? TypedArraySpeciesCreate(O, « 𝔽(len) »).
    let len_value = agent.number(len as f64, gc.nogc()).unbind();
    let a = typed_array_species_create(agent, o.get(agent), &[len_value], gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 6-7. Repeat, while k < len,
    for k in 0..len {
        // b. Let kValue be ! Get(O, Pk).
        let value = get_element(agent, o.get(agent), k, gc.nogc()).unbind();
        // c. Let mappedValue be ? Call(callback, thisArg, « kValue, 𝔽(k), O »).
        let mapped = call_back(agent, callback, this_arg, o, k, value, gc.reborrow())?.unbind();
        // d. Perform ? Set(A, Pk, mappedValue, true).
        set(
            agent,
            a.get(agent),
            index_key(k),
            mapped,
            true,
            gc.reborrow(),
        )?;
    }
    // 8. Return A.
    Ok(a.get(agent).bind(gc.into_nogc()).into())
}

/// ### [23.2.3.23 %TypedArray%.prototype.reduce ( callback [ , initialValue ] )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.reduce)
/// and [23.2.3.24 %TypedArray%.prototype.reduceRight](https://tc39.es/ecma262/#sec-%typedarray%.prototype.reduceright)
fn reduce_in<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    ascending: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let callback = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    let initial = args.get(1).bind(gc.nogc());
    let has_initial = args.len() > 1;
    let method = if ascending { "reduce" } else { "reduceRight" };
    let (o, len) = prologue(agent, this, callback.get(agent), method, gc.nogc())?;
    // 5. If len = 0 and initialValue is not present, throw a TypeError exception.
    if len == 0 && !has_initial {
        return Err(agent.throw_type_error(
            "Reduce of empty array with no initial value",
            gc.into_nogc(),
        ));
    }
    let order = |i: usize| if ascending { i } else { len - 1 - i };
    // 6-8. Let accumulator be initialValue, or the first element.
    let (accumulator, first) = if has_initial {
        (initial.unbind(), 0)
    } else {
        (
            get_element(agent, o.get(agent), order(0), gc.nogc()).unbind(),
            1,
        )
    };
    let accumulator = accumulator.scope(agent, gc.nogc());
    // 9. Repeat, while k < len,
    for i in first..len {
        let k = order(i);
        // b. Let kValue be ! Get(O, Pk).
        let value = get_element(agent, o.get(agent), k, gc.nogc()).unbind();
        // c. Set accumulator to ? Call(callback, undefined, « accumulator, kValue, 𝔽(k), O »).
        let k_value = agent.number(k as f64, gc.nogc()).unbind();
        let result = call_function(
            agent,
            callback.get(agent),
            Value::Undefined,
            ArgumentsList(&[accumulator.get(agent), value, k_value, o.get(agent).into()]),
            gc.reborrow(),
        )?
        .unbind();
        accumulator.set(agent, result);
    }
    // 10. Return accumulator.
    Ok(accumulator.get(agent).bind(gc.into_nogc()))
}

fn reduce<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    reduce_in(agent, this, args, true, gc)
}

fn reduce_right<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    reduce_in(agent, this, args, false, gc)
}

/// ### [23.2.4.7 CompareTypedArrayElements ( x, y, comparator )](https://tc39.es/ecma262/#sec-comparetypedarrayelements)
/// without a comparator (steps 3-10).
fn default_compare(x: Numeric, y: Numeric, element_type: ElementType) -> Ordering {
    match (x, y) {
        (Numeric::Number(x), Numeric::Number(y)) => {
            // 3-5. NaN sorts last.
            match (x.is_nan(), y.is_nan()) {
                (true, true) => return Ordering::Equal,
                (true, false) => return Ordering::Greater,
                (false, true) => return Ordering::Less,
                _ => {}
            }
            // 6-7. x < y → -1; x > y → 1.
            // 8-9. -0 sorts before +0.
            x.partial_cmp(&y)
                .unwrap_or(Ordering::Equal)
                .then_with(|| x.is_sign_positive().cmp(&y.is_sign_positive()))
        }
        (Numeric::BigInt(x), Numeric::BigInt(y)) => {
            if element_type == ElementType::BigUint64 {
                x.cmp(&y)
            } else {
                (x as i64).cmp(&(y as i64))
            }
        }
        _ => Ordering::Equal,
    }
}

/// SortIndexedProperties over the elements of a TypedArray with
/// CompareTypedArrayElements: a stable merge sort of the numerics read
/// up front, calling `comparator` when there is one.
fn sort_numerics<'gc, 's>(
    agent: &mut Agent,
    values: Vec<Numeric>,
    element_type: ElementType,
    comparator: Option<Scoped<'s, Value<'static>>>,
    mut gc: GcScope<'gc, 's>,
) -> JsResult<'gc, Vec<Numeric>> {
    let Some(comparator) = comparator else {
        let mut values = values;
        values.sort_by(|x, y| default_compare(*x, *y, element_type));
        return Ok(values);
    };
    // Bottom-up merge sort: runs of width 1, 2, 4, ... merged with the user's comparator.
    let mut source = values;
    let n = source.len();
    let mut width = 1;
    while width < n {
        let mut merged = Vec::with_capacity(n);
        let mut start = 0;
        while start < n {
            let middle = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, middle);
            while i < middle && j < end {
                // CompareTypedArrayElements 2. If comparator is not undefined, then
                //    a. Let v be ? ToNumber(? Call(comparator, undefined, « x, y »)).
                //    b. If v is NaN, return +0𝔽. c. Return v.
                let x = numeric_to_value(agent, element_type, source[j], gc.nogc()).unbind();
                let y = numeric_to_value(agent, element_type, source[i], gc.nogc()).unbind();
                let x = x.scope(agent, gc.nogc());
                let result = call_function(
                    agent,
                    comparator.get(agent),
                    Value::Undefined,
                    ArgumentsList(&[x.get(agent), y]),
                    gc.reborrow(),
                )?
                .unbind();
                let v = to_number(agent, result, gc.reborrow())?;
                // Take from the right run only when it sorts strictly before the left one.
                if v < 0.0 {
                    merged.push(source[j]);
                    j += 1;
                } else {
                    merged.push(source[i]);
                    i += 1;
                }
            }
            merged.extend_from_slice(&source[i..middle]);
            merged.extend_from_slice(&source[j..end]);
            start = end;
        }
        source = merged;
        width *= 2;
    }
    Ok(source)
}

/// ### [23.2.3.29 %TypedArray%.prototype.sort ( comparator )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.sort)
fn sort<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let comparator = args.get(0).bind(gc.nogc());
    // 1. If comparator is not undefined and IsCallable(comparator) is false, throw a TypeError exception.
    if !comparator.is_undefined() && !is_callable(agent, comparator) {
        return Err(agent.throw_type_error(
            "The comparison function must be either a function or undefined",
            gc.into_nogc(),
        ));
    }
    let comparator = (!comparator.is_undefined()).then(|| comparator.scope(agent, gc.nogc()));
    // 2-4. Let taRecord be ? ValidateTypedArray(obj, seq-cst); let len be TypedArrayLength(taRecord).
    let (o, record, len) = this_typed_array(agent, this, gc.nogc())?;
    let o = o.scope(agent, gc.nogc());
    // 5-6. Let sortedList be ? SortIndexedProperties(obj, len, SortCompare, read-through-holes).
    let values: Vec<Numeric> = (0..len).map(|k| read_element(agent, &record, k)).collect();
    let sorted = sort_numerics(
        agent,
        values,
        record.element_type,
        comparator,
        gc.reborrow(),
    )?;
    let gc = gc.into_nogc();
    let o = o.get(agent).bind(gc);
    // 7-8. Repeat, while j < len: perform ! Set(obj, ! ToString(𝔽(j)), sortedList[j], true).
    let record = agent.typed_array_record(typed_array_of(agent, o).expect("TypedArray"));
    let current = super::typed_array_length(agent, &record).unwrap_or(0);
    for (j, value) in sorted.into_iter().enumerate().take(current) {
        write_element(agent, &record, j, value);
    }
    // 9. Return obj.
    Ok(o.into())
}

/// ### [23.2.3.33 %TypedArray%.prototype.toSorted ( comparator )](https://tc39.es/ecma262/#sec-%typedarray%.prototype.tosorted)
fn to_sorted<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let comparator = args.get(0).bind(gc.nogc());
    // 1. If comparator is not undefined and IsCallable(comparator) is false, throw a TypeError exception.
    if !comparator.is_undefined() && !is_callable(agent, comparator) {
        return Err(agent.throw_type_error(
            "The comparison function must be either a function or undefined",
            gc.into_nogc(),
        ));
    }
    let comparator = (!comparator.is_undefined()).then(|| comparator.scope(agent, gc.nogc()));
    // 2-4. Let taRecord be ? ValidateTypedArray(O, seq-cst); let len be TypedArrayLength(taRecord).
    let (_, record, len) = this_typed_array(agent, this, gc.nogc())?;
    let values: Vec<Numeric> = (0..len).map(|k| read_element(agent, &record, k)).collect();
    // 5. Let A be ? TypedArrayCreateSameType(O, « 𝔽(len) »).
    let a = typed_array_create_same_type(agent, record.element_type, len, gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 6-7. Let sortedList be ? SortIndexedProperties(O, len, SortCompare, read-through-holes).
    let sorted = sort_numerics(
        agent,
        values,
        record.element_type,
        comparator,
        gc.reborrow(),
    )?;
    let gc = gc.into_nogc();
    let a = a.get(agent).bind(gc);
    // 8-9. Repeat, while j < len: perform ! Set(A, ! ToString(𝔽(j)), sortedList[j], true).
    let target = agent.typed_array_record(typed_array_of(agent, a).expect("TypedArray"));
    for (j, value) in sorted.into_iter().enumerate() {
        write_element(agent, &target, j, value);
    }
    // 10. Return A.
    Ok(a.into())
}
