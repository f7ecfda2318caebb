//! ### [7.1 Type Conversion](https://tc39.es/ecma262/#sec-type-conversion)

use super::operations_on_objects::{call_function, get_method};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{JsString, Object, PropertyKey, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// The hint passed to ToPrimitive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreferredType {
    /// `string`
    String,
    /// `number`
    Number,
}

/// ### [7.1.1 ToPrimitive ( input [ , preferredType ] )](https://tc39.es/ecma262/#sec-toprimitive)
pub fn to_primitive<'gc>(
    agent: &mut Agent,
    input: Value,
    preferred_type: Option<PreferredType>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let input = input.bind(gc.nogc());
    // 1. If input is an Object, then
    let Value::Object(object) = input else {
        // 2. Return input.
        return Ok(input.unbind().bind(gc.into_nogc()));
    };
    let scoped_object = object.scope(agent, gc.nogc());
    // a. Let exoticToPrim be ? GetMethod(input, @@toPrimitive).
    let exotic_to_prim = get_method(
        agent,
        object.unbind().into(),
        WellKnownSymbol::ToPrimitive.key(),
        gc.reborrow(),
    )?
    .unbind();
    // b. If exoticToPrim is not undefined, then
    if let Some(exotic_to_prim) = exotic_to_prim {
        // i. If preferredType is not present, let hint be "default".
        // ii. Else if preferredType is string, let hint be "string".
        // iii. Else, let hint be "number".
        let hint = match preferred_type {
            None => "default",
            Some(PreferredType::String) => "string",
            Some(PreferredType::Number) => "number",
        };
        let hint = agent.create_string(hint, gc.nogc()).into_value();
        // iv. Let result be ? Call(exoticToPrim, input, « hint »).
        let result = call_function(
            agent,
            exotic_to_prim,
            scoped_object.get(agent).into(),
            ArgumentsList(&[hint.unbind()]),
            gc.reborrow(),
        )?
        .unbind()
        .bind(gc.nogc());
        // v. If result is not an Object, return result.
        if !result.is_object() {
            return Ok(result.unbind().bind(gc.into_nogc()));
        }
        // vi. Throw a TypeError exception.
        return Err(
            agent.throw_type_error("Cannot convert object to primitive value", gc.into_nogc())
        );
    }
    // c. If preferredType is not present, let preferredType be number.
    // d. Return ? OrdinaryToPrimitive(input, preferredType).
    ordinary_to_primitive(
        agent,
        scoped_object.get(agent),
        preferred_type.unwrap_or(PreferredType::Number),
        gc,
    )
}

/// ### [7.1.1.1 OrdinaryToPrimitive ( O, hint )](https://tc39.es/ecma262/#sec-ordinarytoprimitive)
pub fn ordinary_to_primitive<'gc>(
    agent: &mut Agent,
    object: Object,
    hint: PreferredType,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let object = object.bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. If hint is string, let methodNames be « "toString", "valueOf" ».
    // 2. Else, let methodNames be « "valueOf", "toString" ».
    let method_names = match hint {
        PreferredType::String => ["toString", "valueOf"],
        PreferredType::Number => ["valueOf", "toString"],
    };
    // 3. For each element name of methodNames, do
    for name in method_names {
        let key = agent.static_key(name);
        // a. Let method be ? Get(O, name).
        let method = object
            .get(agent)
            .internal_get(agent, key, object.get(agent).into(), gc.reborrow())?
            .unbind();
        // b. If IsCallable(method) is true, then
        if let Value::Object(m) = method
            && m.is_callable(agent)
        {
            // i. Let result be ? Call(method, O).
            let result = call_function(
                agent,
                method,
                object.get(agent).into(),
                ArgumentsList::EMPTY,
                gc.reborrow(),
            )?
            .unbind()
            .bind(gc.nogc());
            // ii. If result is not an Object, return result.
            if !result.is_object() {
                return Ok(result.unbind().bind(gc.into_nogc()));
            }
        }
    }
    // 4. Throw a TypeError exception.
    Err(agent.throw_type_error("Cannot convert object to primitive value", gc.into_nogc()))
}

/// ### [7.1.2 ToBoolean ( argument )](https://tc39.es/ecma262/#sec-toboolean)
pub fn to_boolean(agent: &Agent, argument: Value) -> bool {
    match argument {
        // 1. If argument is a Boolean, return argument.
        Value::Boolean(b) => b,
        // 2. If argument is one of undefined, null, +0𝔽, -0𝔽, NaN, 0ℤ, or the empty String, return false.
        Value::Undefined | Value::Null => false,
        Value::Integer(i) => i != 0,
        Value::SmallF64(_) | Value::Number(_) => {
            let n = agent.number_value(argument);
            !(n == 0.0 || n.is_nan())
        }
        Value::SmallBigInt(i) => i != 0,
        Value::SmallString(s) => !s.is_empty(),
        // 3. (B.3.6.1) If argument is an Object and argument has an [[IsHTMLDDA]]
        //    internal slot, return false.
        Value::Object(o) => !o.is_html_dda(agent),
        // 4. Return true.
        Value::String(_) | Value::BigInt(_) | Value::Symbol(_) => true,
    }
}

/// ### [7.1.3 ToNumeric ( value )](https://tc39.es/ecma262/#sec-tonumeric)
pub fn to_numeric<'gc>(
    agent: &mut Agent,
    value: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let primValue be ? ToPrimitive(value, number).
    let prim = to_primitive(agent, value, Some(PreferredType::Number), gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    let prim = prim.bind(gc);
    // 2. If primValue is a BigInt, return primValue.
    if prim.is_bigint() {
        return Ok(prim);
    }
    // 3. Return ? ToNumber(primValue).
    let n = to_number_primitive(agent, prim, gc)?;
    Ok(agent.number(n, gc))
}

/// ### [7.1.4 ToNumber ( argument )](https://tc39.es/ecma262/#sec-tonumber)
pub fn to_number<'gc>(
    agent: &mut Agent,
    argument: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, f64> {
    if let Value::Integer(i) = argument {
        return Ok(f64::from(i));
    }
    // 7. Assert: argument is an Object.
    // 8. Let primValue be ? ToPrimitive(argument, number).
    // 9. Assert: primValue is not an Object.
    // 10. Return ? ToNumber(primValue).
    let prim = to_primitive(agent, argument, Some(PreferredType::Number), gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    to_number_primitive(agent, prim.bind(gc), gc)
}

/// ToNumber of a value known not to be an object.
pub fn to_number_primitive<'gc>(
    agent: &mut Agent,
    argument: Value,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, f64> {
    match argument {
        // 1. If argument is a Number, return argument.
        Value::Integer(_) | Value::SmallF64(_) | Value::Number(_) => {
            Ok(agent.number_value(argument))
        }
        // 2. If argument is either a Symbol or a BigInt, throw a TypeError exception.
        Value::Symbol(_) => {
            Err(agent.throw_type_error("Cannot convert a Symbol value to a number", gc))
        }
        Value::SmallBigInt(_) | Value::BigInt(_) => {
            Err(agent.throw_type_error("Cannot convert a BigInt value to a number", gc))
        }
        // 3. If argument is undefined, return NaN.
        Value::Undefined => Ok(f64::NAN),
        // 4. If argument is either null or false, return +0𝔽.
        // 5. If argument is true, return 1𝔽.
        Value::Null => Ok(0.0),
        Value::Boolean(b) => Ok(if b { 1.0 } else { 0.0 }),
        // 6. If argument is a String, return StringToNumber(argument).
        Value::SmallString(_) | Value::String(_) => {
            let s = argument.as_string().expect("string");
            Ok(string_to_number(&agent.string_lossy(s)))
        }
        Value::Object(_) => unreachable!("to_number_primitive called with an object"),
    }
}

/// True for the code points StrWhiteSpaceChar matches (WhiteSpace and LineTerminator).
pub fn is_js_whitespace(c: char) -> bool {
    matches!(
        c,
        '\u{0009}'
            | '\u{000B}'
            | '\u{000C}'
            | '\u{0020}'
            | '\u{00A0}'
            | '\u{FEFF}'
            | '\u{000A}'
            | '\u{000D}'
            | '\u{2028}'
            | '\u{2029}'
    ) || (c != '\u{180E}' && c != '\u{0085}' && c.is_whitespace() && !c.is_ascii())
}

/// ### [7.1.4.1.1 StringToNumber ( str )](https://tc39.es/ecma262/#sec-stringtonumber)
pub fn string_to_number(text: &str) -> f64 {
    // 1. Let literal be ParseText(str, StringNumericLiteral).
    let trimmed = text.trim_matches(is_js_whitespace);
    // StringNumericLiteral ::: StrWhiteSpace_opt
    if trimmed.is_empty() {
        return 0.0;
    }
    let bytes = trimmed.as_bytes();
    // NonDecimalIntegerLiteral (no sign allowed)
    if bytes.len() > 2 && bytes[0] == b'0' {
        let radix = match bytes[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            b'b' | b'B' => 2,
            _ => 0,
        };
        if radix != 0 {
            let digits = &trimmed[2..];
            if digits.chars().all(|c| c.is_digit(radix)) {
                return digits_to_f64(digits, radix);
            }
            return f64::NAN;
        }
    }
    // StrDecimalLiteral ::: sign_opt (Infinity | digits [. digits] [e sign digits])
    let (sign, unsigned) = match bytes[0] {
        b'+' => (1.0, &trimmed[1..]),
        b'-' => (-1.0, &trimmed[1..]),
        _ => (1.0, trimmed),
    };
    if unsigned == "Infinity" {
        return sign * f64::INFINITY;
    }
    if !is_str_unsigned_decimal_literal(unsigned) {
        // 2. If literal is a List of errors, return NaN.
        return f64::NAN;
    }
    // 3. Return StringNumericValue of literal.
    sign * unsigned.parse::<f64>().unwrap_or(f64::NAN)
}

/// Checks StrUnsignedDecimalLiteral syntax (without Infinity).
fn is_str_unsigned_decimal_literal(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let int_digits = i - int_start;
    let mut frac_digits = 0;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let frac_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        frac_digits = i - frac_start;
    }
    if int_digits == 0 && frac_digits == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let exp_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start {
            return false;
        }
    }
    i == b.len()
}

/// The value of a digit string in `radix`, rounded like the spec's MV.
pub fn digits_to_f64(digits: &str, radix: u32) -> f64 {
    if radix == 10 {
        return digits.parse::<f64>().unwrap_or(f64::NAN);
    }
    if radix.is_power_of_two() {
        // Exact binary rounding via BigUint for long inputs.
        if let Some(n) = num_bigint::BigUint::parse_bytes(digits.as_bytes(), radix) {
            return biguint_to_f64(&n);
        }
        return f64::NAN;
    }
    let mut value = 0.0f64;
    for c in digits.chars() {
        value = value * f64::from(radix) + f64::from(c.to_digit(radix).unwrap_or(0));
    }
    value
}

/// Correctly rounded conversion of a big unsigned integer to f64.
pub fn biguint_to_f64(n: &num_bigint::BigUint) -> f64 {
    use num_traits_shim::ToF64;
    n.to_f64_rounded()
}

mod num_traits_shim {
    /// Round-to-nearest-even conversion of a BigUint to f64.
    pub trait ToF64 {
        fn to_f64_rounded(&self) -> f64;
    }

    impl ToF64 for num_bigint::BigUint {
        fn to_f64_rounded(&self) -> f64 {
            let bits = self.bits();
            if bits <= 64 {
                let digits = self.to_u64_digits();
                let v = digits.first().copied().unwrap_or(0);
                return v as f64;
            }
            if bits > 1024 {
                return f64::INFINITY;
            }
            // Keep the top 64 bits, fold the rest into a sticky bit.
            let shift = bits - 64;
            let top: num_bigint::BigUint = self >> shift;
            let mut top = top.to_u64_digits().first().copied().unwrap_or(0);
            let rest_nonzero = self.trailing_zeros().is_some_and(|tz| tz < shift);
            if rest_nonzero {
                top |= 1;
            }
            // u64 -> f64 rounds to nearest even, the sticky bit breaks ties correctly.
            let mantissa = top as f64;
            mantissa * 2f64.powi(shift as i32)
        }
    }
}

/// ### [7.1.5 ToIntegerOrInfinity ( argument )](https://tc39.es/ecma262/#sec-tointegerorinfinity)
pub fn to_integer_or_infinity<'gc>(
    agent: &mut Agent,
    argument: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, f64> {
    if let Value::Integer(i) = argument {
        return Ok(f64::from(i));
    }
    // 1. Let number be ? ToNumber(argument).
    let number = to_number(agent, argument, gc)?;
    Ok(integer_or_infinity(number))
}

/// Steps 2-5 of ToIntegerOrInfinity on a number.
pub fn integer_or_infinity(number: f64) -> f64 {
    // 2. If number is one of NaN, +0𝔽, or -0𝔽, return 0.
    if number.is_nan() || number == 0.0 {
        return 0.0;
    }
    // 3. If number is +∞𝔽, return +∞. 4. If number is -∞𝔽, return -∞.
    // 5. Return truncate(ℝ(number)).
    number.trunc()
}

/// ### [7.1.6 ToInt32 ( argument )](https://tc39.es/ecma262/#sec-toint32)
pub fn to_int32<'gc>(
    agent: &mut Agent,
    argument: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, i32> {
    if let Value::Integer(i) = argument {
        return Ok(i);
    }
    // 1. Let number be ? ToNumber(argument).
    let number = to_number(agent, argument, gc)?;
    Ok(f64_to_int32(number))
}

/// Steps 2-5 of ToInt32 on a number.
pub fn f64_to_int32(number: f64) -> i32 {
    f64_to_uint32(number) as i32
}

/// ### [7.1.7 ToUint32 ( argument )](https://tc39.es/ecma262/#sec-touint32)
pub fn to_uint32<'gc>(
    agent: &mut Agent,
    argument: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, u32> {
    if let Value::Integer(i) = argument {
        return Ok(i as u32);
    }
    // 1. Let number be ? ToNumber(argument).
    let number = to_number(agent, argument, gc)?;
    Ok(f64_to_uint32(number))
}

/// Steps 2-5 of ToUint32 on a number.
pub fn f64_to_uint32(number: f64) -> u32 {
    // 2. If number is not finite or number is either +0𝔽 or -0𝔽, return +0𝔽.
    if !number.is_finite() || number == 0.0 {
        return 0;
    }
    // 3. Let int be truncate(ℝ(number)).
    // 4. Let int32bit be int modulo 2^32.
    // Below 2^63 in magnitude the truncation is exact as an i64, whose low
    // 32 bits are the two's-complement residue modulo 2^32.
    if number.abs() < 9223372036854775808.0 {
        // 5. Return 𝔽(int32bit).
        return number as i64 as u32;
    }
    let int = number.trunc();
    let modulo = int.rem_euclid(4294967296.0);
    // 5. Return 𝔽(int32bit).
    modulo as u32
}

/// ### [7.1.9 ToUint16 ( argument )](https://tc39.es/ecma262/#sec-touint16)
pub fn to_uint16<'gc>(
    agent: &mut Agent,
    argument: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, u16> {
    if let Value::Integer(i) = argument {
        return Ok(i as u16);
    }
    // 1. Let number be ? ToNumber(argument).
    let number = to_number(agent, argument, gc)?;
    // 2. If number is not finite or number is either +0𝔽 or -0𝔽, return +0𝔽.
    // 3. Let int be truncate(ℝ(number)).
    // 4. Let int16bit be int modulo 2^16.
    // 5. Return 𝔽(int16bit).
    // (int modulo 2^32, then modulo 2^16, is int modulo 2^16.)
    Ok(f64_to_uint32(number) as u16)
}

/// ### [7.1.17 ToString ( argument )](https://tc39.es/ecma262/#sec-tostring)
pub fn to_string<'gc>(
    agent: &mut Agent,
    argument: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, JsString<'gc>> {
    if let Some(s) = argument.as_string() {
        return Ok(s.unbind().bind(gc.into_nogc()));
    }
    if let Value::Object(_) = argument {
        // 10. Let primValue be ? ToPrimitive(argument, string).
        let prim =
            to_primitive(agent, argument, Some(PreferredType::String), gc.reborrow())?.unbind();
        // 12. Return ? ToString(primValue).
        let gc = gc.into_nogc();
        return to_string_primitive(agent, prim.bind(gc), gc);
    }
    let gc = gc.into_nogc();
    to_string_primitive(agent, argument.bind(gc), gc)
}

/// ToString of a value known not to be an object.
pub fn to_string_primitive<'gc>(
    agent: &mut Agent,
    argument: Value,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, JsString<'gc>> {
    let text: std::borrow::Cow<'static, str> = match argument {
        // 1. If argument is a String, return argument.
        Value::SmallString(_) | Value::String(_) => {
            return Ok(argument.as_string().expect("string").unbind().bind(gc));
        }
        // 2. If argument is a Symbol, throw a TypeError exception.
        Value::Symbol(_) => {
            return Err(agent.throw_type_error("Cannot convert a Symbol value to a string", gc));
        }
        // 3. If argument is undefined, return "undefined".
        Value::Undefined => "undefined".into(),
        // 4. If argument is null, return "null".
        Value::Null => "null".into(),
        // 5. If argument is true, return "true". 6. If argument is false, return "false".
        Value::Boolean(true) => "true".into(),
        Value::Boolean(false) => "false".into(),
        // 7. If argument is a Number, return Number::toString(argument, 10).
        Value::Integer(i) => i.to_string().into(),
        Value::SmallF64(_) | Value::Number(_) => {
            number_to_string(agent.number_value(argument)).into()
        }
        // 8. If argument is a BigInt, return BigInt::toString(argument, 10).
        Value::SmallBigInt(i) => i.to_string().into(),
        Value::BigInt(_) => agent.bigint_value(argument).to_string().into(),
        Value::Object(_) => unreachable!("to_string_primitive called with an object"),
    };
    Ok(agent.create_string(&text, gc))
}

/// ### [6.1.6.1.20 Number::toString ( x, 10 )](https://tc39.es/ecma262/#sec-numeric-types-number-tostring)
pub fn number_to_string(x: f64) -> String {
    // 1. If x is NaN, return "NaN".
    if x.is_nan() {
        return "NaN".to_owned();
    }
    // 2. If x is either +0𝔽 or -0𝔽, return "0".
    if x == 0.0 {
        return "0".to_owned();
    }
    // 3. If x < -0𝔽, return the string-concatenation of "-" and Number::toString(-x, radix).
    // 4. If x is +∞𝔽, return "Infinity".
    if x.is_infinite() {
        return if x > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    // 5-12. Shortest round-tripping digits in the spec's layout.
    let mut buffer = ryu_js::Buffer::new();
    buffer.format_finite(x).to_owned()
}

/// ### [7.1.18 ToObject ( argument )](https://tc39.es/ecma262/#sec-toobject)
pub fn to_object<'gc>(
    agent: &mut Agent,
    argument: Value,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    let (prototype, kind) = match argument {
        // Undefined, Null: Throw a TypeError exception.
        Value::Undefined | Value::Null => {
            return Err(agent.throw_type_error("Cannot convert undefined or null to object", gc));
        }
        // Object: Return argument.
        Value::Object(o) => return Ok(o.bind(gc)),
        // Boolean: Return a new Boolean object whose [[BooleanData]] internal slot is set to argument.
        Value::Boolean(b) => (Intrinsic::BooleanPrototype, ObjectKind::BooleanObject(b)),
        // Number, String, Symbol, BigInt: a wrapper with the matching internal slot.
        Value::Integer(_) | Value::SmallF64(_) | Value::Number(_) => (
            Intrinsic::NumberPrototype,
            ObjectKind::NumberObject(agent.alloc_internal_value(argument)),
        ),
        Value::SmallString(_) | Value::String(_) => {
            return Ok(agent.create_string_object(argument.as_string().expect("string"), None, gc));
        }
        Value::Symbol(_) => (
            Intrinsic::SymbolPrototype,
            ObjectKind::SymbolObject(agent.alloc_internal_value(argument)),
        ),
        Value::SmallBigInt(_) | Value::BigInt(_) => (
            Intrinsic::BigIntPrototype,
            ObjectKind::BigIntObject(agent.alloc_internal_value(argument)),
        ),
    };
    let prototype = agent.intrinsic(prototype);
    Ok(agent.create_object(Some(prototype), kind, gc))
}

/// ### [7.1.19 ToPropertyKey ( argument )](https://tc39.es/ecma262/#sec-topropertykey)
pub fn to_property_key<'gc>(
    agent: &mut Agent,
    argument: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, PropertyKey<'gc>> {
    // Fast paths for keys that need no conversion.
    match argument {
        Value::Integer(i) if i >= 0 => return Ok(PropertyKey::Index(i as u32)),
        Value::Symbol(s) => return Ok(PropertyKey::Symbol(s.unbind().bind(gc.into_nogc()))),
        Value::SmallString(_) | Value::String(_) => {
            let gc = gc.into_nogc();
            let s = argument.as_string().expect("string").bind(gc);
            return Ok(agent.string_to_key(s, gc));
        }
        _ => {}
    }
    // 1. Let key be ? ToPrimitive(argument, string).
    let key = to_primitive(agent, argument, Some(PreferredType::String), gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    let key = key.bind(gc);
    // 2. If key is a Symbol, then a. Return key.
    if let Value::Symbol(s) = key {
        return Ok(PropertyKey::Symbol(s));
    }
    // 3. Return ! ToString(key).
    let s = to_string_primitive(agent, key, gc)?;
    Ok(agent.string_to_key(s, gc))
}

/// ### [7.1.20 ToLength ( argument )](https://tc39.es/ecma262/#sec-tolength)
pub fn to_length<'gc>(
    agent: &mut Agent,
    argument: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, u64> {
    // 1. Let len be ? ToIntegerOrInfinity(argument).
    let len = to_integer_or_infinity(agent, argument, gc)?;
    // 2. If len ≤ 0, return +0𝔽.
    // 3. Return 𝔽(min(len, 2^53 - 1)).
    Ok(len.clamp(0.0, 9007199254740991.0) as u64)
}

/// ### [7.1.21 CanonicalNumericIndexString ( argument )](https://tc39.es/ecma262/#sec-canonicalnumericindexstring)
pub fn canonical_numeric_index_string(text: &str) -> Option<f64> {
    // 1. If argument is "-0", return -0𝔽.
    if text == "-0" {
        return Some(-0.0);
    }
    // 2. Let n be ! ToNumber(argument).
    let n = string_to_number(text);
    // 3. If ! ToString(n) is argument, return n.
    if number_to_string(n) == text {
        return Some(n);
    }
    // 4. Return undefined.
    None
}

/// ### [7.1.22 ToIndex ( value )](https://tc39.es/ecma262/#sec-toindex)
pub fn to_index<'gc>(
    agent: &mut Agent,
    value: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, u64> {
    // 1. Let integer be ? ToIntegerOrInfinity(value).
    let integer = to_integer_or_infinity(agent, value, gc.reborrow())?;
    // 2. If integer is not in the inclusive interval from 0 to 2^53 - 1, throw a RangeError exception.
    if !(0.0..=9007199254740991.0).contains(&integer) {
        return Err(agent.throw_range_error("Index out of range", gc.into_nogc()));
    }
    // 3. Return integer.
    Ok(integer as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_to_number_follows_the_grammar() {
        assert_eq!(string_to_number("  42 "), 42.0);
        assert_eq!(string_to_number(""), 0.0);
        assert_eq!(string_to_number("0x1F"), 31.0);
        assert!(string_to_number("-0x1F").is_nan());
        assert_eq!(string_to_number("-Infinity"), f64::NEG_INFINITY);
        assert!(string_to_number("inf").is_nan());
        assert!(string_to_number("1_000").is_nan());
        assert_eq!(string_to_number(".5e1"), 5.0);
        assert!(string_to_number("5.").is_finite());
        assert!(string_to_number(".").is_nan());
        assert!(string_to_number("1e").is_nan());
    }

    #[test]
    fn number_to_string_is_shortest_round_trip() {
        assert_eq!(number_to_string(0.1), "0.1");
        assert_eq!(number_to_string(1e21), "1e+21");
        assert_eq!(
            number_to_string(123456789012345680000.0),
            "123456789012345680000"
        );
        assert_eq!(number_to_string(1e-7), "1e-7");
        assert_eq!(number_to_string(-1.5), "-1.5");
    }

    #[test]
    fn uint32_wraps() {
        assert_eq!(f64_to_uint32(-1.0), u32::MAX);
        assert_eq!(f64_to_int32(2147483648.0), i32::MIN);
        assert_eq!(f64_to_uint32(f64::NAN), 0);
        // Large magnitudes on both sides of the 2^63 fast-path boundary.
        assert_eq!(f64_to_uint32(4294967296.0 * 5.0 + 7.5), 7);
        assert_eq!(f64_to_int32(-(4294967296.0 * 3.0) - 1.0), -1);
        assert_eq!(f64_to_uint32(2f64.powi(62) + 2f64.powi(31)), 2147483648);
        assert_eq!(f64_to_uint32(2f64.powi(63) + 2f64.powi(11)), 2048);
        assert_eq!(f64_to_uint32(-(2f64.powi(63)) - 2f64.powi(11)), 4294965248);
        assert_eq!(f64_to_uint32(2f64.powi(90)), 0);
    }
}
