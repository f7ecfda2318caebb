//! String.prototype methods that read one code unit or code point:
//! [22.1.3.1 at](https://tc39.es/ecma262/#sec-string.prototype.at),
//! [22.1.3.2 charAt](https://tc39.es/ecma262/#sec-string.prototype.charat),
//! [22.1.3.3 charCodeAt](https://tc39.es/ecma262/#sec-string.prototype.charcodeat) and
//! [22.1.3.4 codePointAt](https://tc39.es/ecma262/#sec-string.prototype.codepointat).

use super::this_to_string_and_integer;
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{JsString, Value};
use crate::engine::{Bindable, GcScope};

/// ### [22.1.3.1 String.prototype.at ( index )](https://tc39.es/ecma262/#sec-string.prototype.at)
pub(super) fn at<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    // 4. Let relativeIndex be ? ToIntegerOrInfinity(index).
    let (s, relative_index) =
        this_to_string_and_integer(agent, this, args.get(0), "at", gc.reborrow())?;
    let s = s.unbind();
    let gc = gc.into_nogc();
    // 3. Let len be the length of S.
    let len = agent.string_length(s) as f64;
    // 5. If relativeIndex ≥ 0, then a. Let k be relativeIndex.
    // 6. Else, a. Let k be len + relativeIndex.
    let k = if relative_index >= 0.0 {
        relative_index
    } else {
        len + relative_index
    };
    // 7. If k < 0 or k ≥ len, return undefined.
    if k < 0.0 || k >= len {
        return Ok(Value::Undefined);
    }
    // 8. Return the substring of S from k to k + 1.
    let k = k as usize;
    Ok(agent.string_substring(s, k, k + 1, gc).into_value())
}

/// ### [22.1.3.2 String.prototype.charAt ( pos )](https://tc39.es/ecma262/#sec-string.prototype.charat)
pub(super) fn char_at<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    // 3. Let position be ? ToIntegerOrInfinity(pos).
    let (s, position) =
        this_to_string_and_integer(agent, this, args.get(0), "charAt", gc.reborrow())?;
    let s = s.unbind();
    let gc = gc.into_nogc();
    // 4. Let size be the length of S.
    let size = agent.string_length(s);
    // 5. If position < 0 or position ≥ size, return the empty String.
    if position < 0.0 || position >= size as f64 {
        return Ok(JsString::EMPTY.into_value());
    }
    // 6. Return the substring of S from position to position + 1.
    let position = position as usize;
    Ok(agent
        .string_substring(s, position, position + 1, gc)
        .into_value())
}

/// ### [22.1.3.3 String.prototype.charCodeAt ( pos )](https://tc39.es/ecma262/#sec-string.prototype.charcodeat)
pub(super) fn char_code_at<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    // 3. Let position be ? ToIntegerOrInfinity(pos).
    let (s, position) =
        this_to_string_and_integer(agent, this, args.get(0), "charCodeAt", gc.reborrow())?;
    let s = s.unbind();
    let gc = gc.into_nogc();
    // 4. Let size be the length of S.
    let size = agent.string_length(s);
    // 5. If position < 0 or position ≥ size, return NaN.
    if position < 0.0 || position >= size as f64 {
        return Ok(agent.number(f64::NAN, gc));
    }
    // 6. Return the Number value for the numeric value of the code unit at index position
    //    within the String S.
    Ok(Value::Integer(i32::from(
        agent.string_code_unit(s, position as usize),
    )))
}

/// ### [22.1.3.4 String.prototype.codePointAt ( pos )](https://tc39.es/ecma262/#sec-string.prototype.codepointat)
pub(super) fn code_point_at<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    // 3. Let position be ? ToIntegerOrInfinity(pos).
    let (s, position) =
        this_to_string_and_integer(agent, this, args.get(0), "codePointAt", gc.reborrow())?;
    let s = s.unbind();
    // 4. Let size be the length of S.
    let size = agent.string_length(s);
    // 5. If position < 0 or position ≥ size, return undefined.
    if position < 0.0 || position >= size as f64 {
        return Ok(Value::Undefined);
    }
    // 6. Let cp be CodePointAt(S, position).
    let cp = agent.code_units(&s).code_point_at(position as usize);
    // 7. Return 𝔽(cp.[[CodePoint]]).
    Ok(Value::Integer(cp.code_point as i32))
}
