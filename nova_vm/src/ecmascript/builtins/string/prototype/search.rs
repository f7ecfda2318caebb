//! String.prototype methods that look for a search string:
//! [22.1.3.7 endsWith](https://tc39.es/ecma262/#sec-string.prototype.endswith),
//! [22.1.3.8 includes](https://tc39.es/ecma262/#sec-string.prototype.includes),
//! [22.1.3.9 indexOf](https://tc39.es/ecma262/#sec-string.prototype.indexof),
//! [22.1.3.11 lastIndexOf](https://tc39.es/ecma262/#sec-string.prototype.lastindexof) and
//! [22.1.3.24 startsWith](https://tc39.es/ecma262/#sec-string.prototype.startswith).

use super::{clamp_index, this_to_string};
use crate::ecmascript::abstract_operations::{
    integer_or_infinity, is_reg_exp, to_number, to_string,
};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{JsString, Value};
use crate::engine::{Bindable, GcScope, Rootable};

/// The converted arguments of a search method.
struct SearchArguments<'a> {
    /// `S`, the this value as a String.
    s: JsString<'a>,
    /// `searchStr`
    search_str: JsString<'a>,
    /// The position argument as a Number (`None` if it was undefined).
    position: Option<f64>,
}

/// The common opening of the search methods, in order: `Let O be ?
/// RequireObjectCoercible(this value).`, `Let S be ? ToString(O).`, for
/// includes/startsWith/endsWith `Let isRegExp be ? IsRegExp(searchString).` and
/// `If isRegExp is true, throw a TypeError exception.`, then `Let searchStr be ?
/// ToString(searchString).` and ToNumber of the position (the first step of its
/// ToIntegerOrInfinity).
fn search_arguments<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    method: &str,
    reject_regexp: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, SearchArguments<'gc>> {
    let search_string = args.get(0).bind(gc.nogc());
    let position = args.get(1).bind(gc.nogc());
    if let (Some(s), Some(search_str)) = (this.as_string(), search_string.as_string())
        && (position.is_undefined() || position.is_number())
    {
        let position = (!position.is_undefined()).then(|| agent.number_value(position));
        let (s, search_str) = (s.unbind(), search_str.unbind());
        let gc = gc.into_nogc();
        return Ok(SearchArguments {
            s: s.bind(gc),
            search_str: search_str.bind(gc),
            position,
        });
    }
    let search_string = search_string.scope(agent, gc.nogc());
    let position = position.scope(agent, gc.nogc());
    let s = this_to_string(agent, this, method, gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    if reject_regexp && is_reg_exp(agent, search_string.get(agent), gc.reborrow())? {
        let message =
            format!("First argument to String.prototype.{method} must not be a regular expression");
        return Err(agent.throw_type_error(&message, gc.into_nogc()));
    }
    let search_str = to_string(agent, search_string.get(agent), gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    let position = match position.get(agent) {
        Value::Undefined => None,
        position => Some(to_number(agent, position, gc.reborrow())?),
    };
    let gc = gc.into_nogc();
    Ok(SearchArguments {
        s: s.get(agent).bind(gc),
        search_str: search_str.get(agent).bind(gc),
        position,
    })
}

/// ### [22.1.3.7 String.prototype.endsWith ( searchString [ , endPosition ] )](https://tc39.es/ecma262/#sec-string.prototype.endswith)
pub(super) fn ends_with<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    // 3. Let isRegExp be ? IsRegExp(searchString).
    // 4. If isRegExp is true, throw a TypeError exception.
    // 5. Let searchStr be ? ToString(searchString).
    let SearchArguments {
        s,
        search_str,
        position,
    } = search_arguments(agent, this, args, "endsWith", true, gc)?;
    // 6. Let len be the length of S.
    let units = agent.code_units(&s);
    let len = units.len();
    // 7. If endPosition is undefined, let pos be len; else let pos be
    //    ? ToIntegerOrInfinity(endPosition).
    let pos = position.map_or(len as f64, integer_or_infinity);
    // 8. Let end be the result of clamping pos between 0 and len.
    let end = clamp_index(pos, len);
    // 9. Let searchLength be the length of searchStr.
    let search = agent.code_units(&search_str);
    let search_length = search.len();
    // 10. If searchLength = 0, return true.
    if search_length == 0 {
        return Ok(Value::Boolean(true));
    }
    // 11. Let start be end - searchLength.
    // 12. If start < 0, return false.
    let Some(start) = end.checked_sub(search_length) else {
        return Ok(Value::Boolean(false));
    };
    // 13. Let substring be the substring of S from start to end.
    // 14. If substring is searchStr, return true.
    // 15. Return false.
    Ok(Value::Boolean(units.has_at(start, &search)))
}

/// ### [22.1.3.8 String.prototype.includes ( searchString [ , position ] )](https://tc39.es/ecma262/#sec-string.prototype.includes)
pub(super) fn includes<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    // 3. Let isRegExp be ? IsRegExp(searchString).
    // 4. If isRegExp is true, throw a TypeError exception.
    // 5. Let searchStr be ? ToString(searchString).
    let SearchArguments {
        s,
        search_str,
        position,
    } = search_arguments(agent, this, args, "includes", true, gc)?;
    // 6. Let pos be ? ToIntegerOrInfinity(position).
    // 7. Assert: If position is undefined, then pos is 0.
    let pos = position.map_or(0.0, integer_or_infinity);
    // 8. Let len be the length of S.
    let units = agent.code_units(&s);
    let len = units.len();
    // 9. Let start be the result of clamping pos between 0 and len.
    let start = clamp_index(pos, len);
    // 10. Let index be StringIndexOf(S, searchStr, start).
    let index = units.index_of(&agent.code_units(&search_str), start);
    // 11. If index is not-found, return false.
    // 12. Return true.
    Ok(Value::Boolean(index.is_some()))
}

/// ### [22.1.3.9 String.prototype.indexOf ( searchString [ , position ] )](https://tc39.es/ecma262/#sec-string.prototype.indexof)
pub(super) fn index_of<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    // 3. Let searchStr be ? ToString(searchString).
    let SearchArguments {
        s,
        search_str,
        position,
    } = search_arguments(agent, this, args, "indexOf", false, gc)?;
    // 4. Let pos be ? ToIntegerOrInfinity(position).
    // 5. Assert: If position is undefined, then pos is 0.
    let pos = position.map_or(0.0, integer_or_infinity);
    // 6. Let len be the length of S.
    let units = agent.code_units(&s);
    let len = units.len();
    // 7. Let start be the result of clamping pos between 0 and len.
    let start = clamp_index(pos, len);
    // 8. Let result be StringIndexOf(S, searchStr, start).
    let result = units.index_of(&agent.code_units(&search_str), start);
    // 9. If result is not-found, return -1𝔽.
    // 10. Return 𝔽(result).
    Ok(Value::Integer(result.map_or(-1, |i| i as i32)))
}

/// ### [22.1.3.11 String.prototype.lastIndexOf ( searchString [ , position ] )](https://tc39.es/ecma262/#sec-string.prototype.lastindexof)
pub(super) fn last_index_of<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    // 3. Let searchStr be ? ToString(searchString).
    // 4. Let numPos be ? ToNumber(position).
    // 5. Assert: If position is undefined, then numPos is NaN.
    let SearchArguments {
        s,
        search_str,
        position,
    } = search_arguments(agent, this, args, "lastIndexOf", false, gc)?;
    let num_pos = position.unwrap_or(f64::NAN);
    // 6. If numPos is NaN, let pos be +∞; otherwise, let pos be ! ToIntegerOrInfinity(numPos).
    let pos = if num_pos.is_nan() {
        f64::INFINITY
    } else {
        integer_or_infinity(num_pos)
    };
    // 7. Let len be the length of S.
    let units = agent.code_units(&s);
    let len = units.len();
    // 8. Let searchLen be the length of searchStr.
    let search = agent.code_units(&search_str);
    let search_len = search.len();
    // 9. Let start be the result of clamping pos between 0 and len - searchLen.
    let Some(last_start) = len.checked_sub(search_len) else {
        return Ok(Value::Integer(-1));
    };
    let start = clamp_index(pos, last_start);
    // 10. Let result be StringLastIndexOf(S, searchStr, start).
    let result = units.last_index_of(&search, start);
    // 11. If result is not-found, return -1𝔽.
    // 12. Return 𝔽(result).
    Ok(Value::Integer(result.map_or(-1, |i| i as i32)))
}

/// ### [22.1.3.24 String.prototype.startsWith ( searchString [ , position ] )](https://tc39.es/ecma262/#sec-string.prototype.startswith)
pub(super) fn starts_with<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    // 3. Let isRegExp be ? IsRegExp(searchString).
    // 4. If isRegExp is true, throw a TypeError exception.
    // 5. Let searchStr be ? ToString(searchString).
    let SearchArguments {
        s,
        search_str,
        position,
    } = search_arguments(agent, this, args, "startsWith", true, gc)?;
    // 6. Let len be the length of S.
    let units = agent.code_units(&s);
    let len = units.len();
    // 7. If position is undefined, let pos be 0; else let pos be ? ToIntegerOrInfinity(position).
    let pos = position.map_or(0.0, integer_or_infinity);
    // 8. Let start be the result of clamping pos between 0 and len.
    let start = clamp_index(pos, len);
    // 9. Let searchLength be the length of searchStr.
    let search = agent.code_units(&search_str);
    // 10. If searchLength = 0, return true.
    // 11. Let end be start + searchLength.
    // 12. If end > len, return false.
    // 13. Let substring be the substring of S from start to end.
    // 14. If substring is searchStr, return true.
    // 15. Return false.
    Ok(Value::Boolean(
        search.is_empty() || units.has_at(start, &search),
    ))
}
