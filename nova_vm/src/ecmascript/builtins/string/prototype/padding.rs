//! [22.1.3.16 String.prototype.padEnd](https://tc39.es/ecma262/#sec-string.prototype.padend) and
//! [22.1.3.17 String.prototype.padStart](https://tc39.es/ecma262/#sec-string.prototype.padstart).

use super::this_to_string;
use crate::ecmascript::abstract_operations::{to_length, to_string};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{JsString, MAX_STRING_LENGTH, StringBuilder, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// Where StringPad puts the filler.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Placement {
    Start,
    End,
}

/// ### [22.1.3.16 String.prototype.padEnd ( maxLength [ , fillString ] )](https://tc39.es/ecma262/#sec-string.prototype.padend)
pub(super) fn pad_end<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Return ? StringPaddingBuiltinsImpl(O, maxLength, fillString, end).
    string_padding_builtins_impl(agent, this, args, Placement::End, gc)
}

/// ### [22.1.3.17 String.prototype.padStart ( maxLength [ , fillString ] )](https://tc39.es/ecma262/#sec-string.prototype.padstart)
pub(super) fn pad_start<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Return ? StringPaddingBuiltinsImpl(O, maxLength, fillString, start).
    string_padding_builtins_impl(agent, this, args, Placement::Start, gc)
}

/// ### [22.1.3.17.1 StringPaddingBuiltinsImpl ( O, maxLength, fillString, placement )](https://tc39.es/ecma262/#sec-stringpaddingbuiltinsimpl)
fn string_padding_builtins_impl<'gc>(
    agent: &mut Agent,
    o: Value,
    args: ArgumentsList,
    placement: Placement,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let max_length = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    let fill_string = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    let method = match placement {
        Placement::Start => "padStart",
        Placement::End => "padEnd",
    };
    // 1. Let S be ? ToString(O).
    let s = this_to_string(agent, o, method, gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 2. Let intMaxLength be ℝ(? ToLength(maxLength)).
    let int_max_length = to_length(agent, max_length.get(agent), gc.reborrow())?;
    // 3. Let stringLength be the length of S.
    let string_length = agent.string_length(s.get(agent)) as u64;
    // 4. If intMaxLength ≤ stringLength, return S.
    if int_max_length <= string_length {
        return Ok(s.get(agent).bind(gc.into_nogc()).into_value());
    }
    // 5. If fillString is undefined, set fillString to the String value consisting solely of
    //    the code unit 0x0020 (SPACE).
    // 6. Else, set fillString to ? ToString(fillString).
    let fill_string = match fill_string.get(agent) {
        Value::Undefined => JsString::small(" ").unwrap_or(JsString::EMPTY),
        fill_string => to_string(agent, fill_string, gc.reborrow())?.unbind(),
    };
    let gc = gc.into_nogc();
    // 7. Return StringPad(S, intMaxLength, fillString, placement).
    let s = s.get(agent).bind(gc);
    string_pad(
        agent,
        s,
        int_max_length,
        fill_string.bind(gc),
        placement,
        gc,
    )
    .map(JsString::into_value)
}

/// ### [22.1.3.17.2 StringPad ( S, maxLength, fillString, placement )](https://tc39.es/ecma262/#sec-stringpad)
///
/// Throws a RangeError instead of building a string longer than the engine's maximum.
fn string_pad<'gc>(
    agent: &mut Agent,
    s: JsString,
    max_length: u64,
    fill_string: JsString,
    placement: Placement,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, JsString<'gc>> {
    // 1. Let stringLength be the length of S.
    let string_length = agent.string_length(s) as u64;
    // 2. If maxLength ≤ stringLength, return S.
    // 3. If fillString is the empty String, return S.
    let fill_units = agent.code_units(&fill_string);
    if max_length <= string_length || fill_units.is_empty() {
        return Ok(s.bind(gc));
    }
    if max_length > MAX_STRING_LENGTH as u64 {
        return Err(agent.throw_range_error("Invalid string length", gc));
    }
    // 4. Let fillLen be maxLength - stringLength.
    let fill_len = (max_length - string_length) as usize;
    // 5. Let truncatedStringFiller be the String value consisting of repeated concatenations
    //    of fillString truncated to length fillLen.
    let mut result = StringBuilder::new();
    if placement == Placement::End {
        result.push_string(agent, s);
    }
    let whole_copies = fill_len / fill_units.len();
    for _ in 0..whole_copies {
        result.push_code_units(&fill_units);
    }
    result.push_range(&fill_units, 0, fill_len % fill_units.len());
    // 6. If placement is start, return the string-concatenation of truncatedStringFiller and S.
    // 7. Else, return the string-concatenation of S and truncatedStringFiller.
    if placement == Placement::Start {
        result.push_string(agent, s);
    }
    Ok(result.finish(agent, gc))
}
