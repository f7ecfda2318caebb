//! [22.1.3.32 String.prototype.trim](https://tc39.es/ecma262/#sec-string.prototype.trim),
//! [22.1.3.33 String.prototype.trimEnd](https://tc39.es/ecma262/#sec-string.prototype.trimend) and
//! [22.1.3.34 String.prototype.trimStart](https://tc39.es/ecma262/#sec-string.prototype.trimstart).

use super::this_to_string;
use crate::ecmascript::abstract_operations::is_js_whitespace;
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{JsString, Value};
use crate::engine::{Bindable, GcScope};

/// Which ends TrimString removes white space from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Where {
    Start,
    End,
    StartAndEnd,
}

/// ### [22.1.3.32 String.prototype.trim ( )](https://tc39.es/ecma262/#sec-string.prototype.trim)
pub(super) fn trim<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let S be the this value.
    // 2. Return ? TrimString(S, start+end).
    trim_string(agent, this, Where::StartAndEnd, gc)
}

/// ### [22.1.3.33 String.prototype.trimEnd ( )](https://tc39.es/ecma262/#sec-string.prototype.trimend)
pub(super) fn trim_end<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let S be the this value.
    // 2. Return ? TrimString(S, end).
    trim_string(agent, this, Where::End, gc)
}

/// ### [22.1.3.34 String.prototype.trimStart ( )](https://tc39.es/ecma262/#sec-string.prototype.trimstart)
pub(super) fn trim_start<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let S be the this value.
    // 2. Return ? TrimString(S, start).
    trim_string(agent, this, Where::Start, gc)
}

/// True for a code unit that is WhiteSpace or a LineTerminator (all of which
/// are in the Basic Multilingual Plane, so no surrogate is white space).
fn is_white_space_unit(unit: u16) -> bool {
    char::from_u32(u32::from(unit)).is_some_and(is_js_whitespace)
}

/// ### [22.1.3.32.1 TrimString ( string, where )](https://tc39.es/ecma262/#sec-trimstring)
fn trim_string<'gc>(
    agent: &mut Agent,
    string: Value,
    r#where: Where,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let method = match r#where {
        Where::Start => "trimStart",
        Where::End => "trimEnd",
        Where::StartAndEnd => "trim",
    };
    // 1. Let str be ? RequireObjectCoercible(string).
    // 2. Let S be ? ToString(str).
    let s: JsString = this_to_string(agent, string, method, gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    let units = agent.code_units(&s);
    let len = units.len();
    // 3. If where is start, then
    //    a. Let T be the String value that is a copy of S with leading white space removed.
    // 4. Else if where is end, then
    //    a. Let T be the String value that is a copy of S with trailing white space removed.
    // 5. Else,
    //    a. Assert: where is start+end.
    //    b. Let T be the String value that is a copy of S with both leading and trailing
    //       white space removed.
    let start = if r#where == Where::End {
        0
    } else {
        (0..len)
            .position(|i| !is_white_space_unit(units.at(i)))
            .unwrap_or(len)
    };
    let end = if r#where == Where::Start {
        len
    } else {
        (start..len)
            .rposition(|i| !is_white_space_unit(units.at(i)))
            .map_or(start, |i| start + i + 1)
    };
    // 6. Return T.
    Ok(agent.string_substring(s, start, end, gc).into_value())
}
