//! String.prototype methods that cut and join strings:
//! [22.1.3.5 concat](https://tc39.es/ecma262/#sec-string.prototype.concat),
//! [22.1.3.18 repeat](https://tc39.es/ecma262/#sec-string.prototype.repeat),
//! [22.1.3.22 slice](https://tc39.es/ecma262/#sec-string.prototype.slice),
//! [22.1.3.25 substring](https://tc39.es/ecma262/#sec-string.prototype.substring) and
//! [B.2.2.1 substr](https://tc39.es/ecma262/#sec-string.prototype.substr).

use super::super::{check_builder_length, scope_arguments};
use super::{clamp_index, integer_of_number, this_to_string};
use crate::ecmascript::abstract_operations::{to_integer_or_infinity, to_string};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{JsString, MAX_STRING_LENGTH, StringBuilder, Value};
use crate::engine::{Bindable, GcScope, Rootable};

/// The opening shared by slice, substring and substr: `Let O be ?
/// RequireObjectCoercible(this value).`, `Let S be ? ToString(O).`, then
/// ToIntegerOrInfinity of the first argument and, unless it is undefined, of the
/// second (`None` when it is undefined).
fn this_to_string_and_range<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    method: &str,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, (JsString<'gc>, f64, Option<f64>)> {
    let first = args.get(0).bind(gc.nogc());
    let second = args.get(1).bind(gc.nogc());
    if let (Some(s), Some(start)) = (this.as_string(), integer_of_number(agent, first)) {
        if second.is_undefined() {
            return Ok((s.unbind().bind(gc.into_nogc()), start, None));
        }
        if let Some(end) = integer_of_number(agent, second) {
            return Ok((s.unbind().bind(gc.into_nogc()), start, Some(end)));
        }
    }
    let first = first.scope(agent, gc.nogc());
    let second = second.scope(agent, gc.nogc());
    let s = this_to_string(agent, this, method, gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    let start = to_integer_or_infinity(agent, first.get(agent), gc.reborrow())?;
    let end = match second.get(agent) {
        Value::Undefined => None,
        second => Some(to_integer_or_infinity(agent, second, gc.reborrow())?),
    };
    let gc = gc.into_nogc();
    Ok((s.get(agent).bind(gc), start, end))
}

/// A relative index (negative counts back from `len`) resolved to `0..=len`, as
/// slice resolves its arguments.
fn resolve_relative_index(relative: f64, len: usize) -> usize {
    if relative == f64::NEG_INFINITY {
        0
    } else if relative < 0.0 {
        clamp_index(len as f64 + relative, len)
    } else {
        clamp_index(relative, len)
    }
}

/// ### [22.1.3.5 String.prototype.concat ( ...args )](https://tc39.es/ecma262/#sec-string.prototype.concat)
pub(super) fn concat<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    if let (Some(s), [next]) = (this.as_string(), args.as_slice())
        && let Some(next) = next.as_string()
    {
        if agent.string_length(s) + agent.string_length(next) > MAX_STRING_LENGTH {
            return Err(agent.throw_range_error("Invalid string length", gc.into_nogc()));
        }
        let (s, next) = (s.unbind(), next.unbind());
        return Ok(agent.string_concat(s, next, gc.into_nogc()).into_value());
    }
    let args = scope_arguments(agent, args, gc.nogc());
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_to_string(agent, this, "concat", gc.reborrow())?.unbind();
    // 3. Let R be S.
    let mut r = StringBuilder::new();
    r.push_string(agent, s);
    // 4. For each element next of args, do
    for next in args {
        // a. Let nextString be ? ToString(next).
        let next_string = to_string(agent, next.get(agent), gc.reborrow())?.unbind();
        // b. Set R to the string-concatenation of R and nextString.
        r.push_string(agent, next_string);
        check_builder_length(agent, &r, gc.nogc())?;
    }
    // 5. Return R.
    Ok(r.finish(agent, gc.into_nogc()).into_value())
}

/// ### [22.1.3.18 String.prototype.repeat ( count )](https://tc39.es/ecma262/#sec-string.prototype.repeat)
pub(super) fn repeat<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    // 3. Let n be ? ToIntegerOrInfinity(count).
    let (s, n) =
        super::this_to_string_and_integer(agent, this, args.get(0), "repeat", gc.reborrow())?;
    let s = s.unbind();
    let gc = gc.into_nogc();
    // 4. If n < 0 or n = +∞, throw a RangeError exception.
    if n < 0.0 || n == f64::INFINITY {
        return Err(agent.throw_range_error("Invalid count value", gc));
    }
    // 5. If n = 0, return the empty String.
    let len = agent.string_length(s);
    if n == 0.0 || len == 0 {
        return Ok(JsString::EMPTY.into_value());
    }
    if n * len as f64 > MAX_STRING_LENGTH as f64 {
        return Err(agent.throw_range_error("Invalid string length", gc));
    }
    let n = n as usize;
    // 6. Return the String value that is made from n copies of S appended together.
    let result = match agent.string_utf8(s) {
        Some(text) => {
            let repeated = text.repeat(n);
            agent.create_string_from_owned(repeated, gc)
        }
        None => {
            let units = agent.string_utf16(s).repeat(n);
            agent.create_string_from_utf16(&units, gc)
        }
    };
    Ok(result.into_value())
}

/// ### [22.1.3.22 String.prototype.slice ( start, end )](https://tc39.es/ecma262/#sec-string.prototype.slice)
pub(super) fn slice<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    // 4. Let intStart be ? ToIntegerOrInfinity(start).
    // 8. If end is undefined, let intEnd be len; else let intEnd be ? ToIntegerOrInfinity(end).
    let (s, int_start, int_end) =
        this_to_string_and_range(agent, this, args, "slice", gc.reborrow())?;
    let s = s.unbind();
    let gc = gc.into_nogc();
    // 3. Let len be the length of S.
    let len = agent.string_length(s);
    // 5. If intStart = -∞, let from be 0.
    // 6. Else if intStart < 0, let from be max(len + intStart, 0).
    // 7. Else, let from be min(intStart, len).
    let from = resolve_relative_index(int_start, len);
    // 9. If intEnd = -∞, let to be 0.
    // 10. Else if intEnd < 0, let to be max(len + intEnd, 0).
    // 11. Else, let to be min(intEnd, len).
    let to = int_end.map_or(len, |int_end| resolve_relative_index(int_end, len));
    // 12. If from ≥ to, return the empty String.
    if from >= to {
        return Ok(JsString::EMPTY.into_value());
    }
    // 13. Return the substring of S from from to to.
    Ok(agent.string_substring(s, from, to, gc).into_value())
}

/// ### [22.1.3.25 String.prototype.substring ( start, end )](https://tc39.es/ecma262/#sec-string.prototype.substring)
pub(super) fn substring<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    // 4. Let intStart be ? ToIntegerOrInfinity(start).
    // 5. If end is undefined, let intEnd be len; else let intEnd be ? ToIntegerOrInfinity(end).
    let (s, int_start, int_end) =
        this_to_string_and_range(agent, this, args, "substring", gc.reborrow())?;
    let s = s.unbind();
    let gc = gc.into_nogc();
    // 3. Let len be the length of S.
    let len = agent.string_length(s);
    // 6. Let finalStart be the result of clamping intStart between 0 and len.
    let final_start = clamp_index(int_start, len);
    // 7. Let finalEnd be the result of clamping intEnd between 0 and len.
    let final_end = int_end.map_or(len, |int_end| clamp_index(int_end, len));
    // 8. Let from be min(finalStart, finalEnd).
    let from = final_start.min(final_end);
    // 9. Let to be max(finalStart, finalEnd).
    let to = final_start.max(final_end);
    // 10. Return the substring of S from from to to.
    Ok(agent.string_substring(s, from, to, gc).into_value())
}

/// ### [B.2.2.1 String.prototype.substr ( start, length )](https://tc39.es/ecma262/#sec-string.prototype.substr)
pub(super) fn substr<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    // 4. Let intStart be ? ToIntegerOrInfinity(start).
    // 8. If length is undefined, let intLength be size; otherwise let intLength be
    //    ? ToIntegerOrInfinity(length).
    let (s, int_start, int_length) =
        this_to_string_and_range(agent, this, args, "substr", gc.reborrow())?;
    let s = s.unbind();
    let gc = gc.into_nogc();
    // 3. Let size be the length of S.
    let size = agent.string_length(s);
    // 5. If intStart = -∞, set intStart to 0.
    // 6. Else if intStart < 0, set intStart to max(size + intStart, 0).
    // 7. Else, set intStart to min(intStart, size).
    let int_start = resolve_relative_index(int_start, size);
    // 9. Set intLength to the result of clamping intLength between 0 and size.
    let int_length = int_length.map_or(size, |int_length| clamp_index(int_length, size));
    // 10. Let intEnd be min(intStart + intLength, size).
    let int_end = (int_start + int_length).min(size);
    // 11. Return the substring of S from intStart to intEnd.
    Ok(agent
        .string_substring(s, int_start, int_end, gc)
        .into_value())
}
