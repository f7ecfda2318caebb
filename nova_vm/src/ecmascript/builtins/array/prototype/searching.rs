//! Array.prototype methods that read elements without changing anything:
//! `at`, `includes`, `indexOf`, `lastIndexOf`, `join`, `toLocaleString`, `toString`.

use crate::ecmascript::abstract_operations::{
    call_function, get, invoke, is_callable, is_strictly_equal, length_of_array_like,
    same_value_zero, to_integer_or_infinity, to_object, to_string,
};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::builtins::array::array_like::{
    Lookup, get_index, has_then_get, length_value, lookup, next_candidate, previous_candidate,
};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::{MAX_STRING_LENGTH, OwnedText, PropertyKey, StringBuilder, Value};
use crate::engine::{Bindable, GcScope, Rootable};

/// ### [23.1.3.1 Array.prototype.at ( index )](https://tc39.es/ecma262/#sec-array.prototype.at)
pub(super) fn at<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let index = args.get(0).scope(agent, gc.nogc());
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, this.bind(gc.nogc()), gc.nogc())?;
    let scoped_o = o.scope(agent, gc.nogc());
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, o.unbind(), gc.reborrow())?;
    // 3. Let relativeIndex be ? ToIntegerOrInfinity(index).
    let relative_index = to_integer_or_infinity(agent, index.get(agent), gc.reborrow())?;
    // 4. If relativeIndex ≥ 0, then
    //    a. Let k be relativeIndex.
    // 5. Else,
    //    a. Let k be len + relativeIndex.
    let k = if relative_index >= 0.0 {
        relative_index
    } else {
        len as f64 + relative_index
    };
    // 6. If k < 0 or k ≥ len, return undefined.
    if k < 0.0 || k >= len as f64 {
        return Ok(Value::Undefined);
    }
    // 7. Return ? Get(O, ! ToString(𝔽(k))).
    get_index(agent, scoped_o.get(agent), k as u64, gc)
}

/// The start index of `includes` and `indexOf` from `n = ToIntegerOrInfinity(fromIndex)`;
/// `None` when the search is empty.
fn search_start(n: f64, len: u64) -> Option<u64> {
    // If n = +∞, return (not found).
    if n == f64::INFINITY {
        return None;
    }
    // Else if n = -∞, set n to 0.
    let n = if n == f64::NEG_INFINITY { 0.0 } else { n };
    // If n ≥ 0, then let k be n.
    // Else, let k be len + n; if k < 0, set k to 0.
    let k = if n >= 0.0 {
        n
    } else {
        (len as f64 + n).max(0.0)
    };
    if k >= len as f64 {
        None
    } else {
        Some(k as u64)
    }
}

/// ### [23.1.3.16 Array.prototype.includes ( searchElement [ , fromIndex ] )](https://tc39.es/ecma262/#sec-array.prototype.includes)
pub(super) fn includes<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let search_element = args.get(0).scope(agent, gc.nogc());
    let from_index = args.get(1).scope(agent, gc.nogc());
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, this.bind(gc.nogc()), gc.nogc())?;
    let scoped_o = o.scope(agent, gc.nogc());
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, o.unbind(), gc.reborrow())?;
    // 3. If len = 0, return false.
    if len == 0 {
        return Ok(Value::Boolean(false));
    }
    // 4. Let n be ? ToIntegerOrInfinity(fromIndex).
    // 5. Assert: If fromIndex is undefined, then n is 0.
    let n = to_integer_or_infinity(agent, from_index.get(agent), gc.reborrow())?;
    // 6-10. (the start index k)
    let Some(mut k) = search_start(n, len) else {
        return Ok(Value::Boolean(false));
    };
    // 11. Repeat, while k < len,
    while k < len {
        let o = scoped_o.get(agent);
        // a. Let elementK be ? Get(O, ! ToString(𝔽(k))).
        let element_k = match lookup(agent, o, k) {
            Lookup::Present(value) => value,
            Lookup::Absent => {
                // A missing element reads as undefined; only undefined can match it.
                if search_element.get(agent).is_undefined() {
                    return Ok(Value::Boolean(true));
                }
                k = next_candidate(agent, o, k + 1, len);
                continue;
            }
            Lookup::Unknown => get_index(agent, o, k, gc.reborrow())?.unbind(),
        };
        // b. If SameValueZero(searchElement, elementK) is true, return true.
        if same_value_zero(agent, search_element.get(agent), element_k) {
            return Ok(Value::Boolean(true));
        }
        // c. Set k to k + 1.
        k += 1;
    }
    // 12. Return false.
    Ok(Value::Boolean(false))
}

/// ### [23.1.3.17 Array.prototype.indexOf ( searchElement [ , fromIndex ] )](https://tc39.es/ecma262/#sec-array.prototype.indexof)
pub(super) fn index_of<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let search_element = args.get(0).scope(agent, gc.nogc());
    let from_index = args.get(1).scope(agent, gc.nogc());
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, this.bind(gc.nogc()), gc.nogc())?;
    let scoped_o = o.scope(agent, gc.nogc());
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, o.unbind(), gc.reborrow())?;
    // 3. If len = 0, return -1𝔽.
    if len == 0 {
        return Ok(Value::Integer(-1));
    }
    // 4. Let n be ? ToIntegerOrInfinity(fromIndex).
    // 5. Assert: If fromIndex is undefined, then n is 0.
    let n = to_integer_or_infinity(agent, from_index.get(agent), gc.reborrow())?;
    // 6-10. (the start index k)
    let Some(mut k) = search_start(n, len) else {
        return Ok(Value::Integer(-1));
    };
    // 11. Repeat, while k < len,
    while k < len {
        let o = scoped_o.get(agent);
        // a. Let Pk be ! ToString(𝔽(k)).
        // b. Let kPresent be ? HasProperty(O, Pk).
        // c. If kPresent is true, then
        //    i. Let elementK be ? Get(O, Pk).
        let element_k = match lookup(agent, o, k) {
            Lookup::Present(value) => Some(value),
            Lookup::Absent => {
                k = next_candidate(agent, o, k + 1, len);
                continue;
            }
            Lookup::Unknown => has_then_get(agent, o, k, gc.reborrow())?.unbind(),
        };
        //    ii. If IsStrictlyEqual(searchElement, elementK) is true, return 𝔽(k).
        if let Some(element_k) = element_k
            && is_strictly_equal(agent, search_element.get(agent), element_k)
        {
            return Ok(length_value(agent, k, gc.into_nogc()));
        }
        // d. Set k to k + 1.
        k += 1;
    }
    // 12. Return -1𝔽.
    Ok(Value::Integer(-1))
}

/// ### [23.1.3.20 Array.prototype.lastIndexOf ( searchElement [ , fromIndex ] )](https://tc39.es/ecma262/#sec-array.prototype.lastindexof)
pub(super) fn last_index_of<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let from_index_present = args.len() > 1;
    let search_element = args.get(0).scope(agent, gc.nogc());
    let from_index = args.get(1).scope(agent, gc.nogc());
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, this.bind(gc.nogc()), gc.nogc())?;
    let scoped_o = o.scope(agent, gc.nogc());
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, o.unbind(), gc.reborrow())?;
    // 3. If len = 0, return -1𝔽.
    if len == 0 {
        return Ok(Value::Integer(-1));
    }
    // 4. If fromIndex is present, let n be ? ToIntegerOrInfinity(fromIndex); else let n be len - 1.
    let n = if from_index_present {
        to_integer_or_infinity(agent, from_index.get(agent), gc.reborrow())?
    } else {
        len as f64 - 1.0
    };
    // 5. If n = -∞, return -1𝔽.
    if n == f64::NEG_INFINITY {
        return Ok(Value::Integer(-1));
    }
    // 6. If n ≥ 0, then
    //    a. Let k be min(n, len - 1).
    // 7. Else,
    //    a. Let k be len + n.
    let k = if n >= 0.0 {
        n.min(len as f64 - 1.0)
    } else {
        len as f64 + n
    };
    if k < 0.0 {
        return Ok(Value::Integer(-1));
    }
    let mut k = k as u64;
    // 8. Repeat, while k ≥ 0,
    loop {
        let o = scoped_o.get(agent);
        // a. Let Pk be ! ToString(𝔽(k)).
        // b. Let kPresent be ? HasProperty(O, Pk).
        // c. If kPresent is true, then
        //    i. Let elementK be ? Get(O, Pk).
        let element_k = match lookup(agent, o, k) {
            Lookup::Present(value) => Some(value),
            Lookup::Absent => match previous_candidate(agent, o, k) {
                Some(candidate) if candidate < k => {
                    k = candidate;
                    continue;
                }
                Some(_) => None,
                None => return Ok(Value::Integer(-1)),
            },
            Lookup::Unknown => has_then_get(agent, o, k, gc.reborrow())?.unbind(),
        };
        //    ii. If IsStrictlyEqual(searchElement, elementK) is true, return 𝔽(k).
        if let Some(element_k) = element_k
            && is_strictly_equal(agent, search_element.get(agent), element_k)
        {
            return Ok(length_value(agent, k, gc.into_nogc()));
        }
        // d. Set k to k - 1.
        if k == 0 {
            break;
        }
        k -= 1;
    }
    // 9. Return -1𝔽.
    Ok(Value::Integer(-1))
}

/// Throws the RangeError for a String longer than the engine allows.
fn check_length<'gc>(
    agent: &mut Agent,
    builder: &StringBuilder,
    gc: crate::engine::NoGcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    if builder.len() > MAX_STRING_LENGTH {
        return Err(agent.throw_range_error("Invalid string length", gc));
    }
    Ok(())
}

/// ### [23.1.3.18 Array.prototype.join ( separator )](https://tc39.es/ecma262/#sec-array.prototype.join)
pub(super) fn join<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let separator = args.get(0).scope(agent, gc.nogc());
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, this.bind(gc.nogc()), gc.nogc())?;
    let scoped_o = o.scope(agent, gc.nogc());
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, o.unbind(), gc.reborrow())?;
    // 3. If separator is undefined, let sep be ",".
    // 4. Else, let sep be ? ToString(separator).
    let sep = if separator.get(agent).is_undefined() {
        OwnedText::Utf8(",".to_owned())
    } else {
        let sep = to_string(agent, separator.get(agent), gc.reborrow())?.unbind();
        OwnedText::of(agent, sep)
    };
    // 5. Let R be the empty String.
    let mut r = StringBuilder::new();
    // 6. Let k be 0.
    // 7. Repeat, while k < len,
    let mut k = 0;
    while k < len {
        // a. If k > 0, set R to the string-concatenation of R and sep.
        if k > 0 {
            r.push_text(&sep);
        }
        // b. Let element be ? Get(O, ! ToString(𝔽(k))).
        let o = scoped_o.get(agent);
        let element = match lookup(agent, o, k) {
            Lookup::Present(value) => value,
            Lookup::Absent => {
                // Missing elements read as undefined and add nothing; a run of
                // them adds only separators.
                let next = next_candidate(agent, o, k + 1, len);
                if !sep.is_empty() {
                    let separators = next - k - 1;
                    if (r.len() as u64).saturating_add(separators.saturating_mul(sep.len() as u64))
                        > MAX_STRING_LENGTH as u64
                    {
                        return Err(
                            agent.throw_range_error("Invalid string length", gc.into_nogc())
                        );
                    }
                    for _ in 0..separators {
                        r.push_text(&sep);
                    }
                }
                k = next;
                continue;
            }
            Lookup::Unknown => get_index(agent, o, k, gc.reborrow())?.unbind(),
        };
        // c. If element is neither undefined nor null, then
        if !element.is_nullish() {
            // i. Let S be ? ToString(element).
            let s = to_string(agent, element, gc.reborrow())?.unbind();
            // ii. Set R to the string-concatenation of R and S.
            r.push_string(agent, s);
        }
        check_length(agent, &r, gc.nogc())?;
        // d. Set k to k + 1.
        k += 1;
    }
    // 8. Return R.
    Ok(r.finish(agent, gc.into_nogc()).into_value())
}

/// ### [23.1.3.32 Array.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] )](https://tc39.es/ecma262/#sec-array.prototype.tolocalestring)
pub(super) fn to_locale_string<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let array be ? ToObject(this value).
    let array = to_object(agent, this.bind(gc.nogc()), gc.nogc())?;
    let scoped_array = array.scope(agent, gc.nogc());
    // 2. Let len be ? LengthOfArrayLike(array).
    let len = length_of_array_like(agent, array.unbind(), gc.reborrow())?;
    // 3. Let separator be the implementation-defined list-separator String value
    //    appropriate for the host environment's current locale (such as ", ").
    let separator = ",";
    // 4. Let R be the empty String.
    let mut r = StringBuilder::new();
    // 5. Let k be 0.
    // 6. Repeat, while k < len,
    for k in 0..len {
        // a. If k > 0, set R to the string-concatenation of R and separator.
        if k > 0 {
            r.push_str(separator);
        }
        // b. Let element be ? Get(array, ! ToString(𝔽(k))).
        let element = get_index(agent, scoped_array.get(agent), k, gc.reborrow())?.unbind();
        // c. If element is neither undefined nor null, then
        if !element.is_nullish() {
            // i. Let S be ? ToString(? Invoke(element, "toLocaleString")).
            let key = agent.static_key("toLocaleString");
            let s = invoke(agent, element, key, ArgumentsList::EMPTY, gc.reborrow())?.unbind();
            let s = to_string(agent, s, gc.reborrow())?.unbind();
            // ii. Set R to the string-concatenation of R and S.
            r.push_string(agent, s);
        }
        check_length(agent, &r, gc.nogc())?;
        // d. Set k to k + 1.
    }
    // 7. Return R.
    Ok(r.finish(agent, gc.into_nogc()).into_value())
}

/// ### [23.1.3.36 Array.prototype.toString ( )](https://tc39.es/ecma262/#sec-array.prototype.tostring)
pub(super) fn to_string_method<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let array be ? ToObject(this value).
    let array = to_object(agent, this.bind(gc.nogc()), gc.nogc())?;
    let scoped_array = array.scope(agent, gc.nogc());
    // 2. Let func be ? Get(array, "join").
    let join_key = PropertyKey::from_static_str("join").expect("short key");
    let func = get(agent, array.unbind(), join_key, gc.reborrow())?.unbind();
    // 3. If IsCallable(func) is false, set func to the intrinsic function %Object.prototype.toString%.
    let func = if is_callable(agent, func) {
        func
    } else {
        agent.intrinsic(Intrinsic::ObjectPrototypeToString).into()
    };
    // 4. Return ? Call(func, array).
    call_function(
        agent,
        func,
        scoped_array.get(agent).into(),
        ArgumentsList::EMPTY,
        gc,
    )
}
