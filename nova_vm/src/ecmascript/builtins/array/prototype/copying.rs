//! Array.prototype methods that build a new array from the receiver:
//! `concat`, `flat`, `flatMap`, `slice`, `toReversed`, `toSpliced`, `with`.

use super::resolve_relative;
use crate::ecmascript::abstract_operations::{
    call_function, enter_native, is_array, is_callable, length_of_array_like,
    to_integer_or_infinity, to_object,
};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::builtins::array::abstract_operations::{
    array_create, array_species_create, is_concat_spreadable,
};
use crate::ecmascript::builtins::array::array_like::{
    Lookup, MAX_SAFE_LENGTH, RootedValues, create_index, get_index, has_then_get, length_value,
    lookup, next_candidate, set_length,
};
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, Rootable, Scoped};

/// ### [23.1.3.2 Array.prototype.concat ( ...items )](https://tc39.es/ecma262/#sec-array.prototype.concat)
pub(super) fn concat<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, this.bind(gc.nogc()), gc.nogc())?;
    // 4. Prepend O to items.
    let mut all = Vec::with_capacity(args.len() + 1);
    all.push(Value::from(o));
    all.extend_from_slice(args.as_slice());
    let items = RootedValues::new(agent, &all, gc.nogc());
    drop(all);
    // 2. Let A be ? ArraySpeciesCreate(O, 0).
    let a = array_species_create(
        agent,
        items.get(agent, 0).as_object().expect("O"),
        0,
        gc.reborrow(),
    )?
    .unbind();
    let a = a.scope(agent, gc.nogc());
    let element = Value::Undefined.scope(agent, gc.nogc());
    // 3. Let n be 0.
    let mut n: u64 = 0;
    // 5. For each element E of items, do
    for i in 0..items.len() {
        // a. Let spreadable be ? IsConcatSpreadable(E).
        let spreadable = is_concat_spreadable(agent, items.get(agent, i), gc.reborrow())?;
        // b. If spreadable is true, then
        if let (true, Value::Object(e)) = (spreadable, items.get(agent, i)) {
            // i. Let len be ? LengthOfArrayLike(E).
            let len = length_of_array_like(agent, e, gc.reborrow())?;
            // ii. If n + len > 2^53 - 1, throw a TypeError exception.
            if n + len > MAX_SAFE_LENGTH {
                return Err(agent.throw_type_error(
                    "Array.prototype.concat: the result would be too long",
                    gc.into_nogc(),
                ));
            }
            // iii. Let k be 0.
            let mut k = 0;
            // iv. Repeat, while k < len,
            while k < len {
                let Value::Object(e) = items.get(agent, i) else {
                    unreachable!("spreadable object")
                };
                // 1. Let Pk be ! ToString(𝔽(k)).
                // 2. Let exists be ? HasProperty(E, Pk).
                // 3. If exists is true, then
                //    a. Let subElement be ? Get(E, Pk).
                let sub_element = match lookup(agent, e, k) {
                    Lookup::Present(value) => Some(value),
                    Lookup::Absent => {
                        // A run of missing elements only advances n and k.
                        let next = next_candidate(agent, e, k + 1, len);
                        n += next - k;
                        k = next;
                        continue;
                    }
                    Lookup::Unknown => has_then_get(agent, e, k, gc.reborrow())?.unbind(),
                };
                if let Some(sub_element) = sub_element {
                    //    b. Perform ? CreateDataPropertyOrThrow(A, ! ToString(𝔽(n)), subElement).
                    create_index(agent, a.get(agent), n, sub_element, gc.reborrow())?;
                }
                // 4. Set n to n + 1.
                n += 1;
                // 5. Set k to k + 1.
                k += 1;
            }
        } else {
            // c. Else,
            //    i. NOTE: E is added as a single item rather than spread.
            //    ii. If n ≥ 2^53 - 1, throw a TypeError exception.
            if n >= MAX_SAFE_LENGTH {
                return Err(agent.throw_type_error(
                    "Array.prototype.concat: the result would be too long",
                    gc.into_nogc(),
                ));
            }
            //    iii. Perform ? CreateDataPropertyOrThrow(A, ! ToString(𝔽(n)), E).
            element.set(agent, items.get(agent, i));
            create_index(agent, a.get(agent), n, element.get(agent), gc.reborrow())?;
            //    iv. Set n to n + 1.
            n += 1;
        }
    }
    // 6. Perform ? Set(A, "length", 𝔽(n), true).
    set_length(agent, a.get(agent), n, gc.reborrow())?;
    // 7. Return A.
    Ok(a.get(agent).bind(gc.into_nogc()).into())
}

/// ### [23.1.3.29 Array.prototype.slice ( start, end )](https://tc39.es/ecma262/#sec-array.prototype.slice)
pub(super) fn slice<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let start = args.get(0).scope(agent, gc.nogc());
    let end = args.get(1).scope(agent, gc.nogc());
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
    let mut k = resolve_relative(relative_start, len);
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
    // 11. Let count be max(final - k, 0).
    let count = final_index.saturating_sub(k);
    // 12. Let A be ? ArraySpeciesCreate(O, count).
    let a = array_species_create(agent, scoped_o.get(agent), count, gc.reborrow())?.unbind();
    let a = a.scope(agent, gc.nogc());
    // 13. Let n be 0.
    let mut n: u64 = 0;
    // 14. Repeat, while k < final,
    while k < final_index {
        let o = scoped_o.get(agent);
        // a. Let Pk be ! ToString(𝔽(k)).
        // b. Let kPresent be ? HasProperty(O, Pk).
        // c. If kPresent is true, then
        //    i. Let kValue be ? Get(O, Pk).
        let k_value = match lookup(agent, o, k) {
            Lookup::Present(value) => Some(value),
            Lookup::Absent => {
                // A run of missing elements only advances k and n.
                let next = next_candidate(agent, o, k + 1, final_index);
                n += next - k;
                k = next;
                continue;
            }
            Lookup::Unknown => has_then_get(agent, o, k, gc.reborrow())?.unbind(),
        };
        if let Some(k_value) = k_value {
            //    ii. Perform ? CreateDataPropertyOrThrow(A, ! ToString(𝔽(n)), kValue).
            create_index(agent, a.get(agent), n, k_value, gc.reborrow())?;
        }
        // d. Set k to k + 1.
        k += 1;
        // e. Set n to n + 1.
        n += 1;
    }
    // 15. Perform ? Set(A, "length", 𝔽(n), true).
    set_length(agent, a.get(agent), n, gc.reborrow())?;
    // 16. Return A.
    Ok(a.get(agent).bind(gc.into_nogc()).into())
}

/// The mapper of `flatMap` and its `thisArg`.
#[derive(Clone, Copy)]
struct Mapper<'s> {
    function: Scoped<'s, Value<'static>>,
    this_arg: Scoped<'s, Value<'static>>,
}

/// The `depth` (`None` for +∞) and optional mapper of FlattenIntoArray.
#[derive(Clone, Copy)]
struct Flattening<'s> {
    depth: Option<u64>,
    mapper: Option<Mapper<'s>>,
}

/// ### [23.1.3.13.1 FlattenIntoArray ( target, source, sourceLen, start, depth [ , mapperFunction [ , thisArg ] ] )](https://tc39.es/ecma262/#sec-flattenintoarray)
///
/// Returns the next target index. Nested arrays
/// recurse; each level counts against the native call depth, so a deeply
/// nested input ends in a RangeError rather than a stack overflow.
fn flatten_into_array<'gc>(
    agent: &mut Agent,
    target: Scoped<Object<'static>>,
    source: Object,
    source_len: u64,
    start: u64,
    flattening: Flattening,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, u64> {
    let Flattening { depth, mapper } = flattening;
    let source = source.bind(gc.nogc()).scope(agent, gc.nogc());
    let element_root = Value::Undefined.scope(agent, gc.nogc());
    // 1. Assert: If mapperFunction is present, then IsCallable(mapperFunction) is true,
    //    thisArg is present, and depth is 1.
    // 2. Let targetIndex be start.
    let mut target_index = start;
    // 3. Let sourceIndex be +0𝔽.
    let mut source_index = 0;
    // 4. Repeat, while ℝ(sourceIndex) < sourceLen,
    while source_index < source_len {
        // a. Let P be ! ToString(sourceIndex).
        // b. Let exists be ? HasProperty(source, P).
        // c. If exists is true, then
        //    i. Let element be ? Get(source, P).
        let object = source.get(agent);
        let element = match lookup(agent, object, source_index) {
            Lookup::Present(value) => value,
            Lookup::Absent => {
                source_index = next_candidate(agent, object, source_index + 1, source_len);
                continue;
            }
            Lookup::Unknown => {
                match has_then_get(agent, object, source_index, gc.reborrow())?.unbind() {
                    Some(value) => value,
                    None => {
                        source_index += 1;
                        continue;
                    }
                }
            }
        };
        // ii. If mapperFunction is present, then
        //     1. Set element to ? Call(mapperFunction, thisArg, « element, sourceIndex, source »).
        let element = match mapper {
            Some(mapper) => {
                let index = length_value(agent, source_index, gc.nogc()).unbind();
                call_function(
                    agent,
                    mapper.function.get(agent),
                    mapper.this_arg.get(agent),
                    ArgumentsList(&[element, index, source.get(agent).into()]),
                    gc.reborrow(),
                )?
                .unbind()
            }
            None => element,
        };
        element_root.set(agent, element);
        // iii. Let shouldFlatten be false.
        // iv. If depth > 0, then
        //     1. Set shouldFlatten to ? IsArray(element).
        let should_flatten = depth != Some(0) && is_array(agent, element, gc.nogc())?;
        // v. If shouldFlatten is true, then
        if let (true, Value::Object(element)) = (should_flatten, element) {
            // 1. If depth = +∞, let newDepth be +∞.
            // 2. Else, let newDepth be depth - 1.
            let new_depth = depth.map(|d| d - 1);
            // 3. Let elementLen be ? LengthOfArrayLike(element).
            let element_len = length_of_array_like(agent, element, gc.reborrow())?;
            // 4. Set targetIndex to ? FlattenIntoArray(target, element, elementLen,
            //    targetIndex, newDepth).
            let element = element_root.get(agent).as_object().expect("array element");
            enter_native(agent, gc.nogc())?;
            let result = flatten_into_array(
                agent,
                target,
                element,
                element_len,
                target_index,
                Flattening {
                    depth: new_depth,
                    mapper: None,
                },
                gc.reborrow(),
            );
            agent.vm.native_depth -= 1;
            target_index = result?;
        } else {
            // vi. Else,
            //     1. If targetIndex ≥ 2^53 - 1, throw a TypeError exception.
            if target_index >= MAX_SAFE_LENGTH {
                return Err(agent.throw_type_error(
                    "Array.prototype.flat: the result would be too long",
                    gc.into_nogc(),
                ));
            }
            //     2. Perform ? CreateDataPropertyOrThrow(target, ! ToString(𝔽(targetIndex)), element).
            create_index(
                agent,
                target.get(agent),
                target_index,
                element_root.get(agent),
                gc.reborrow(),
            )?;
            //     3. Set targetIndex to targetIndex + 1.
            target_index += 1;
        }
        // d. Set sourceIndex to sourceIndex + 1𝔽.
        source_index += 1;
    }
    // 5. Return targetIndex.
    Ok(target_index)
}

/// ### [23.1.3.13 Array.prototype.flat ( [ depth ] )](https://tc39.es/ecma262/#sec-array.prototype.flat)
pub(super) fn flat<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let depth = args.get(0).scope(agent, gc.nogc());
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, this.bind(gc.nogc()), gc.nogc())?;
    let scoped_o = o.scope(agent, gc.nogc());
    // 2. Let sourceLen be ? LengthOfArrayLike(O).
    let source_len = length_of_array_like(agent, o.unbind(), gc.reborrow())?;
    // 3. Let depthNum be 1.
    let mut depth_num = Some(1);
    // 4. If depth is not undefined, then
    if !depth.get(agent).is_undefined() {
        // a. Set depthNum to ? ToIntegerOrInfinity(depth).
        let n = to_integer_or_infinity(agent, depth.get(agent), gc.reborrow())?;
        // b. If depthNum < 0, set depthNum to 0.
        depth_num = if n == f64::INFINITY {
            None
        } else {
            Some(n.max(0.0) as u64)
        };
    }
    // 5. Let A be ? ArraySpeciesCreate(O, 0).
    let a = array_species_create(agent, scoped_o.get(agent), 0, gc.reborrow())?.unbind();
    let a = a.scope(agent, gc.nogc());
    // 6. Perform ? FlattenIntoArray(A, O, sourceLen, 0, depthNum).
    flatten_into_array(
        agent,
        a,
        scoped_o.get(agent),
        source_len,
        0,
        Flattening {
            depth: depth_num,
            mapper: None,
        },
        gc.reborrow(),
    )?;
    // 7. Return A.
    Ok(a.get(agent).bind(gc.into_nogc()).into())
}

/// ### [23.1.3.14 Array.prototype.flatMap ( mapperFunction [ , thisArg ] )](https://tc39.es/ecma262/#sec-array.prototype.flatmap)
pub(super) fn flat_map<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let mapper_function = args.get(0).scope(agent, gc.nogc());
    let this_arg = args.get(1).scope(agent, gc.nogc());
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, this.bind(gc.nogc()), gc.nogc())?;
    let scoped_o = o.scope(agent, gc.nogc());
    // 2. Let sourceLen be ? LengthOfArrayLike(O).
    let source_len = length_of_array_like(agent, o.unbind(), gc.reborrow())?;
    // 3. If IsCallable(mapperFunction) is false, throw a TypeError exception.
    if !is_callable(agent, mapper_function.get(agent)) {
        return Err(agent.throw_type_error(
            "Array.prototype.flatMap: the mapper is not a function",
            gc.into_nogc(),
        ));
    }
    // 4. Let A be ? ArraySpeciesCreate(O, 0).
    let a = array_species_create(agent, scoped_o.get(agent), 0, gc.reborrow())?.unbind();
    let a = a.scope(agent, gc.nogc());
    // 5. Perform ? FlattenIntoArray(A, O, sourceLen, 0, 1, mapperFunction, thisArg).
    let mapper = Mapper {
        function: mapper_function,
        this_arg,
    };
    flatten_into_array(
        agent,
        a,
        scoped_o.get(agent),
        source_len,
        0,
        Flattening {
            depth: Some(1),
            mapper: Some(mapper),
        },
        gc.reborrow(),
    )?;
    // 6. Return A.
    Ok(a.get(agent).bind(gc.into_nogc()).into())
}

/// ### [23.1.3.33 Array.prototype.toReversed ( )](https://tc39.es/ecma262/#sec-array.prototype.toreversed)
pub(super) fn to_reversed<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, this.bind(gc.nogc()), gc.nogc())?;
    let scoped_o = o.scope(agent, gc.nogc());
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, o.unbind(), gc.reborrow())?;
    // 3. Let A be ? ArrayCreate(len).
    let a = array_create(agent, len, None, gc.nogc())?;
    let a = a.scope(agent, gc.nogc());
    // 4. Let k be 0.
    // 5. Repeat, while k < len,
    for k in 0..len {
        // a. Let from be ! ToString(𝔽(len - k - 1)).
        // b. Let Pk be ! ToString(𝔽(k)).
        // c. Let fromValue be ? Get(O, from).
        let from_value =
            get_index(agent, scoped_o.get(agent), len - k - 1, gc.reborrow())?.unbind();
        // d. Perform ! CreateDataPropertyOrThrow(A, Pk, fromValue).
        create_index(agent, a.get(agent), k, from_value, gc.reborrow())?;
        // e. Set k to k + 1.
    }
    // 6. Return A.
    Ok(a.get(agent).bind(gc.into_nogc()).into())
}

/// ### [23.1.3.35 Array.prototype.toSpliced ( start, skipCount, ...items )](https://tc39.es/ecma262/#sec-array.prototype.tospliced)
pub(super) fn to_spliced<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    let start_present = !args.is_empty();
    let skip_count_present = args.len() > 1;
    let start = args.get(0).scope(agent, gc.nogc());
    let skip_count = args.get(1).scope(agent, gc.nogc());
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
    // 7. Let insertCount be the number of elements in items.
    let insert_count = items.len() as u64;
    // 8. If start is not present, then
    //    a. Let actualSkipCount be 0.
    // 9. Else if skipCount is not present, then
    //    a. Let actualSkipCount be len - actualStart.
    // 10. Else,
    //    a. Let sc be ? ToIntegerOrInfinity(skipCount).
    //    b. Let actualSkipCount be the result of clamping sc between 0 and len - actualStart.
    let actual_skip_count = if !start_present {
        0
    } else if !skip_count_present {
        len - actual_start
    } else {
        let sc = to_integer_or_infinity(agent, skip_count.get(agent), gc.reborrow())?;
        sc.clamp(0.0, (len - actual_start) as f64) as u64
    };
    // 11. Let newLen be len + insertCount - actualSkipCount.
    let new_len = len + insert_count - actual_skip_count;
    // 12. If newLen > 2^53 - 1, throw a TypeError exception.
    if new_len > MAX_SAFE_LENGTH {
        return Err(agent.throw_type_error(
            "Array.prototype.toSpliced: the length would exceed 2^53 - 1",
            gc.into_nogc(),
        ));
    }
    // 13. Let A be ? ArrayCreate(newLen).
    let a = array_create(agent, new_len, None, gc.nogc())?;
    let a = a.scope(agent, gc.nogc());
    // 14. Let i be 0.
    // 15. Let r be actualStart + actualSkipCount.
    let mut r = actual_start + actual_skip_count;
    // 16. Repeat, while i < actualStart,
    for i in 0..actual_start {
        // a. Let Pi be ! ToString(𝔽(i)).
        // b. Let iValue be ? Get(O, Pi).
        let i_value = get_index(agent, scoped_o.get(agent), i, gc.reborrow())?.unbind();
        // c. Perform ! CreateDataPropertyOrThrow(A, Pi, iValue).
        create_index(agent, a.get(agent), i, i_value, gc.reborrow())?;
        // d. Set i to i + 1.
    }
    let mut i = actual_start;
    // 17. For each element E of items, do
    for j in 0..items.len() {
        // a. Let Pi be ! ToString(𝔽(i)).
        // b. Perform ! CreateDataPropertyOrThrow(A, Pi, E).
        create_index(agent, a.get(agent), i, items.get(agent, j), gc.reborrow())?;
        // c. Set i to i + 1.
        i += 1;
    }
    // 18. Repeat, while i < newLen,
    while i < new_len {
        // a. Let Pi be ! ToString(𝔽(i)).
        // b. Let from be ! ToString(𝔽(r)).
        // c. Let fromValue be ? Get(O, from).
        let from_value = get_index(agent, scoped_o.get(agent), r, gc.reborrow())?.unbind();
        // d. Perform ! CreateDataPropertyOrThrow(A, Pi, fromValue).
        create_index(agent, a.get(agent), i, from_value, gc.reborrow())?;
        // e. Set i to i + 1.
        i += 1;
        // f. Set r to r + 1.
        r += 1;
    }
    // 19. Return A.
    Ok(a.get(agent).bind(gc.into_nogc()).into())
}

/// ### [23.1.3.39 Array.prototype.with ( index, value )](https://tc39.es/ecma262/#sec-array.prototype.with)
pub(super) fn with<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let index = args.get(0).scope(agent, gc.nogc());
    let value = args.get(1).scope(agent, gc.nogc());
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, this.bind(gc.nogc()), gc.nogc())?;
    let scoped_o = o.scope(agent, gc.nogc());
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, o.unbind(), gc.reborrow())?;
    // 3. Let relativeIndex be ? ToIntegerOrInfinity(index).
    let relative_index = to_integer_or_infinity(agent, index.get(agent), gc.reborrow())?;
    // 4. If relativeIndex ≥ 0, let actualIndex be relativeIndex.
    // 5. Else, let actualIndex be len + relativeIndex.
    let actual_index = if relative_index >= 0.0 {
        relative_index
    } else {
        len as f64 + relative_index
    };
    // 6. If actualIndex ≥ len or actualIndex < 0, throw a RangeError exception.
    if actual_index >= len as f64 || actual_index < 0.0 {
        return Err(
            agent.throw_range_error("Array.prototype.with: index out of range", gc.into_nogc())
        );
    }
    let actual_index = actual_index as u64;
    // 7. Let A be ? ArrayCreate(len).
    let a = array_create(agent, len, None, gc.nogc())?;
    let a = a.scope(agent, gc.nogc());
    // 8. Let k be 0.
    // 9. Repeat, while k < len,
    for k in 0..len {
        // a. Let Pk be ! ToString(𝔽(k)).
        // b. If k = actualIndex, let fromValue be value.
        // c. Else, let fromValue be ? Get(O, Pk).
        let from_value = if k == actual_index {
            value.get(agent)
        } else {
            get_index(agent, scoped_o.get(agent), k, gc.reborrow())?.unbind()
        };
        // d. Perform ! CreateDataPropertyOrThrow(A, Pk, fromValue).
        create_index(agent, a.get(agent), k, from_value, gc.reborrow())?;
        // e. Set k to k + 1.
    }
    // 10. Return A.
    Ok(a.get(agent).bind(gc.into_nogc()).into())
}
