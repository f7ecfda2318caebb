//! ### [19.2 Function Properties of the Global Object](https://tc39.es/ecma262/#sec-function-properties-of-the-global-object)

mod escape;
mod uri;

use super::{ArgumentsList, BuiltinName};
use crate::ecmascript::abstract_operations::{
    is_js_whitespace, string_to_number, to_int32, to_number, to_string,
};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::Value;
use crate::engine::interpreter::perform_eval;
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// Creates the global functions of the current realm (bound to the global object later).
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let global = agent.current_realm().global_object;
    let functions: [(
        &str,
        u32,
        crate::ecmascript::builtins::function_objects::RegularFn,
        Intrinsic,
    ); 5] = [
        ("eval", 1, eval, Intrinsic::Eval),
        ("isFinite", 1, is_finite, Intrinsic::IsFinite),
        ("isNaN", 1, is_nan, Intrinsic::IsNaN),
        ("parseFloat", 1, parse_float, Intrinsic::ParseFloat),
        ("parseInt", 2, parse_int, Intrinsic::ParseInt),
    ];
    for (name, length, behaviour, intrinsic) in functions {
        let f = agent.define_builtin_method(global, BuiltinName::Str(name), length, behaviour, gc);
        agent.set_intrinsic(intrinsic, f);
    }
    // 19.2.6 URI Handling Functions and B.2.1 escape / unescape
    let uri_functions: [(
        &str,
        crate::ecmascript::builtins::function_objects::RegularFn,
        Intrinsic,
    ); 6] = [
        ("decodeURI", uri::decode_uri, Intrinsic::DecodeUri),
        (
            "decodeURIComponent",
            uri::decode_uri_component,
            Intrinsic::DecodeUriComponent,
        ),
        ("encodeURI", uri::encode_uri, Intrinsic::EncodeUri),
        (
            "encodeURIComponent",
            uri::encode_uri_component,
            Intrinsic::EncodeUriComponent,
        ),
        ("escape", escape::escape, Intrinsic::Escape),
        ("unescape", escape::unescape, Intrinsic::Unescape),
    ];
    for (name, behaviour, intrinsic) in uri_functions {
        let f = agent.define_builtin_method(global, BuiltinName::Str(name), 1, behaviour, gc);
        agent.set_intrinsic(intrinsic, f);
    }
}

/// ### [19.2.1 eval ( x )](https://tc39.es/ecma262/#sec-eval-x)
fn eval<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return ? PerformEval(x, false, false).
    perform_eval(agent, args.get(0), gc)
}

/// ### [19.2.2 isFinite ( number )](https://tc39.es/ecma262/#sec-isfinite-number)
fn is_finite<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let num be ? ToNumber(number).
    let n = to_number(agent, args.get(0), gc)?;
    // 2. If num is not finite, return false. 3. Otherwise, return true.
    Ok(Value::Boolean(n.is_finite()))
}

/// ### [19.2.3 isNaN ( number )](https://tc39.es/ecma262/#sec-isnan-number)
fn is_nan<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let num be ? ToNumber(number). 2. If num is NaN, return true. 3. Otherwise, return false.
    let n = to_number(agent, args.get(0), gc)?;
    Ok(Value::Boolean(n.is_nan()))
}

/// ### [19.2.4 parseFloat ( string )](https://tc39.es/ecma262/#sec-parsefloat-string)
fn parse_float<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let inputString be ? ToString(string).
    let input = to_string(agent, args.get(0), gc.reborrow())?.unbind();
    let text = agent.string_lossy(input).into_owned();
    // 2. Let trimmedString be ! TrimString(inputString, start).
    let trimmed = text.trim_start_matches(is_js_whitespace);
    // 3-4. The longest prefix that satisfies StrDecimalLiteral (or NaN).
    let value = longest_decimal_prefix(trimmed);
    Ok(agent.number(value, gc.into_nogc()))
}

/// The value of the longest prefix of `s` that is a StrDecimalLiteral.
fn longest_decimal_prefix(s: &str) -> f64 {
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    if s[i..].starts_with("Infinity") {
        return if b.first() == Some(&b'-') {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    let digits_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut saw_digits = i > digits_start;
    if i < b.len() && b[i] == b'.' {
        let mut j = i + 1;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j > i + 1 || saw_digits {
            saw_digits = saw_digits || j > i + 1;
            i = j;
        }
    }
    if !saw_digits {
        return f64::NAN;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        let exp_start = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j > exp_start {
            i = j;
        }
    }
    string_to_number(&s[..i])
}

/// ### [19.2.5 parseInt ( string, radix )](https://tc39.es/ecma262/#sec-parseint-string-radix)
fn parse_int<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let radix = args.get(1).scope(agent, gc.nogc());
    // 1. Let inputString be ? ToString(string).
    let input = to_string(agent, args.get(0), gc.reborrow())?.unbind();
    let text = agent.string_lossy(input).into_owned();
    // 2. Let S be ! TrimString(inputString, start).
    let mut s = text.trim_start_matches(is_js_whitespace);
    // 3-5. Sign.
    let negative = s.starts_with('-');
    if s.starts_with('-') || s.starts_with('+') {
        s = &s[1..];
    }
    // 6. Let R be ℝ(? ToInt32(radix)).
    let mut r = to_int32(agent, radix.get(agent), gc.reborrow())?;
    // 7. Let stripPrefix be true.
    let mut strip_prefix = true;
    // 8. If R ≠ 0, then
    if r != 0 {
        // a. If R < 2 or R > 36, return NaN.
        if !(2..=36).contains(&r) {
            return Ok(agent.number(f64::NAN, gc.into_nogc()));
        }
        // b. If R ≠ 16, set stripPrefix to false.
        if r != 16 {
            strip_prefix = false;
        }
    } else {
        // 9. Else, set R to 10.
        r = 10;
    }
    // 10. If stripPrefix is true, then strip a leading "0x"/"0X" and set R to 16.
    if strip_prefix && (s.starts_with("0x") || s.starts_with("0X")) {
        s = &s[2..];
        r = 16;
    }
    // 11-12. Let end be the index of the first character that is not a radix-R digit.
    let end = s.find(|c: char| !c.is_digit(r as u32)).unwrap_or(s.len());
    let z = &s[..end];
    // 13. If Z is empty, return NaN.
    if z.is_empty() {
        return Ok(agent.number(f64::NAN, gc.into_nogc()));
    }
    // 14. Let mathInt be the integer value represented by Z in radix-R notation.
    let math_int =
        crate::ecmascript::abstract_operations::digits_to_f64(&z.to_ascii_lowercase(), r as u32);
    // 15-16. Return 𝔽(sign × mathInt) (zero keeps its sign).
    let value = if negative { -math_int } else { math_int };
    Ok(agent.number(value, gc.into_nogc()))
}
