//! ### [21.1.3 Properties of the Number Prototype Object](https://tc39.es/ecma262/#sec-properties-of-the-number-prototype-object)

use super::decimal::{ExactDecimal, shortest_decimal};
use crate::ecmascript::abstract_operations::{
    number_to_string, number_to_string_radix, to_integer_or_infinity,
};
use crate::ecmascript::builtins::function_objects::RegularFn;
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::Value;
use crate::ecmascript::types::object::ObjectKind;
use crate::engine::{Bindable, GcScope, NoGcScope};

/// Creates %Number.prototype%: a Number object whose [[NumberData]] is +0𝔽.
pub(super) fn create(agent: &mut Agent, gc: NoGcScope) {
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let data = agent.alloc_internal_value(Value::Integer(0));
    let prototype = agent.create_object(Some(object_prototype), ObjectKind::NumberObject(data), gc);
    agent.set_intrinsic(Intrinsic::NumberPrototype, prototype);
}

/// Defines the methods of %Number.prototype% (after the constructor exists).
pub(super) fn define_methods(agent: &mut Agent, gc: NoGcScope) {
    let prototype = agent.intrinsic(Intrinsic::NumberPrototype);
    let methods: [(&str, u32, RegularFn); 6] = [
        ("toExponential", 1, to_exponential),
        ("toFixed", 1, to_fixed),
        ("toLocaleString", 0, to_locale_string),
        ("toPrecision", 1, to_precision),
        ("toString", 1, to_string),
        ("valueOf", 0, value_of),
    ];
    for (name, length, behaviour) in methods {
        agent.define_builtin_method(prototype, BuiltinName::Str(name), length, behaviour, gc);
    }
}

/// ### [21.1.3.7.1 ThisNumberValue ( value )](https://tc39.es/ecma262/#sec-thisnumbervalue)
fn this_number_value<'gc>(
    agent: &mut Agent,
    value: Value,
    method: &str,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, f64> {
    // 1. If value is a Number, return value.
    if value.is_number() {
        return Ok(agent.number_value(value));
    }
    // 2. If value is an Object and value has a [[NumberData]] internal slot, then
    if let Value::Object(object) = value
        && let ObjectKind::NumberObject(data) = object.kind(agent)
    {
        // a. Let n be value.[[NumberData]].
        // b. Assert: n is a Number.
        // c. Return n.
        let n = agent.internal_value(data);
        return Ok(agent.number_value(n));
    }
    // 3. Throw a TypeError exception.
    Err(agent.throw_type_error(
        &format!("Number.prototype.{method} requires that 'this' be a Number"),
        gc,
    ))
}

/// ### [21.1.3.2 Number.prototype.toExponential ( fractionDigits )](https://tc39.es/ecma262/#sec-number.prototype.toexponential)
fn to_exponential<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let fraction_digits = args.get(0).bind(gc.nogc());
    let fraction_digits_undefined = fraction_digits.is_undefined();
    // 1. Let x be ? ThisNumberValue(this value).
    let x = this_number_value(agent, this, "toExponential", gc.nogc())?;
    // 2. Let f be ? ToIntegerOrInfinity(fractionDigits).
    // 3. Assert: If fractionDigits is undefined, then f is 0.
    let f = to_integer_or_infinity(agent, fraction_digits.unbind(), gc.reborrow())?;
    let gc = gc.into_nogc();
    // 4. If x is not finite, return Number::toString(x, 10).
    if !x.is_finite() {
        return Ok(agent.create_string(&number_to_string(x), gc).into_value());
    }
    // 5. If f < 0 or f > 100, throw a RangeError exception.
    if !(0.0..=100.0).contains(&f) {
        return Err(
            agent.throw_range_error("toExponential() argument must be between 0 and 100", gc)
        );
    }
    let mut f = f as i64;
    // 6. Set x to ℝ(x).
    // 7. Let s be the empty String.
    // 8. If x < 0, then
    //    a. Set s to "-".
    //    b. Set x to -x.
    let (s, x) = if x < 0.0 { ("-", -x) } else { ("", x) };
    let (mut m, e) = if x == 0.0 {
        // 9. If x = 0, then
        //    a. Let m be the String value consisting of f + 1 occurrences of the code unit 0x0030 (DIGIT ZERO).
        //    b. Let e be 0.
        (vec![b'0'; f as usize + 1], 0)
    } else if !fraction_digits_undefined {
        // 10. Else,
        //     a. If fractionDigits is not undefined, then
        //        i. Let e and n be integers such that 10^f ≤ n < 10^(f + 1) and for which
        //           n × 10^(e - f) - x is as close to zero as possible. If there are two such
        //           sets of e and n, pick the e and n for which n × 10^(e - f) is larger.
        let (n, point) = ExactDecimal::new(x).round_to(f + 1);
        // c. Let m be the String value consisting of the digits of the decimal representation of n.
        (n, point - 1)
    } else {
        //     b. Else,
        //        i. Let e, n, and ff be integers such that ff ≥ 0, 10^ff ≤ n < 10^(ff + 1),
        //           𝔽(n × 10^(e - ff)) is 𝔽(x), and ff is as small as possible.
        let (n, e) = shortest_decimal(x);
        //        ii. Set f to ff.
        f = n.len() as i64 - 1;
        (n, e)
    };
    // 11. If f ≠ 0, then
    if f != 0 {
        // a. Let a be the first code unit of m.
        // b. Let b be the other f code units of m.
        // c. Set m to the string-concatenation of a, ".", and b.
        m.insert(1, b'.');
    }
    // 12. If e = 0, then
    //     a. Let c be "+".
    //     b. Let d be "0".
    // 13. Else,
    //     a. If e > 0, then let c be "+".
    //     b. Else, let c be "-" and set e to -e.
    //     c. Let d be the String value consisting of the digits of the decimal representation of e.
    let c = if e < 0 { '-' } else { '+' };
    let d = e.unsigned_abs();
    // 14. Set m to the string-concatenation of m, "e", c, and d.
    // 15. Return the string-concatenation of s and m.
    let m = String::from_utf8(m).unwrap_or_default();
    let result = format!("{s}{m}e{c}{d}");
    Ok(agent.create_string_from_owned(result, gc).into_value())
}

/// ### [21.1.3.3 Number.prototype.toFixed ( fractionDigits )](https://tc39.es/ecma262/#sec-number.prototype.tofixed)
fn to_fixed<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let fraction_digits = args.get(0).bind(gc.nogc());
    // 1. Let x be ? ThisNumberValue(this value).
    let x = this_number_value(agent, this, "toFixed", gc.nogc())?;
    // 2. Let f be ? ToIntegerOrInfinity(fractionDigits).
    // 3. Assert: If fractionDigits is undefined, then f is 0.
    let f = to_integer_or_infinity(agent, fraction_digits.unbind(), gc.reborrow())?;
    let gc = gc.into_nogc();
    // 4. If f is not finite, throw a RangeError exception.
    // 5. If f < 0 or f > 100, throw a RangeError exception.
    if !(0.0..=100.0).contains(&f) {
        return Err(
            agent.throw_range_error("toFixed() digits argument must be between 0 and 100", gc)
        );
    }
    let f = f as i64;
    // 6. If x is not finite, return Number::toString(x, 10).
    if !x.is_finite() {
        return Ok(agent.create_string(&number_to_string(x), gc).into_value());
    }
    // 7. Set x to ℝ(x).
    // 8. Let s be the empty String.
    // 9. If x < 0, then
    //    a. Set s to "-".
    //    b. Set x to -x.
    let (s, x) = if x < 0.0 { ("-", -x) } else { ("", x) };
    // 10. If x ≥ 10^21, then
    let m = if x >= 1e21 {
        // a. Let m be ! ToString(𝔽(x)).
        number_to_string(x)
    } else {
        // 11. Else,
        //     a. Let n be an integer for which n / 10^f - x is as close to zero as possible.
        //        If there are two such n, pick the larger n.
        let n = if x == 0.0 {
            Vec::new()
        } else {
            let exact = ExactDecimal::new(x);
            let (mut digits, point) = exact.round_to(exact.point + f);
            // n has point + f digits (none if it is zero).
            digits.resize((point + f).max(0) as usize, b'0');
            digits
        };
        //     b. If n = 0, let m be "0". Otherwise, let m be the String value consisting of
        //        the digits of the decimal representation of n.
        let mut m = if n.is_empty() { vec![b'0'] } else { n };
        //     c. If f ≠ 0, then
        if f != 0 {
            let f = f as usize;
            //    i. Let k be the length of m.
            let k = m.len();
            //    ii. If k ≤ f, then
            //        1. Let z be the String value consisting of f + 1 - k occurrences of the
            //           code unit 0x0030 (DIGIT ZERO).
            //        2. Set m to the string-concatenation of z and m.
            //        3. Set k to f + 1.
            let k = if k <= f {
                m.splice(0..0, std::iter::repeat_n(b'0', f + 1 - k));
                f + 1
            } else {
                k
            };
            //    iii. Let a be the first k - f code units of m.
            //    iv. Let b be the other f code units of m.
            //    v. Set m to the string-concatenation of a, ".", and b.
            m.insert(k - f, b'.');
        }
        String::from_utf8(m).unwrap_or_default()
    };
    // 12. Return the string-concatenation of s and m.
    Ok(agent
        .create_string_from_owned(format!("{s}{m}"), gc)
        .into_value())
}

/// ### [21.1.3.4 Number.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] )](https://tc39.es/ecma262/#sec-number.prototype.tolocalestring)
///
/// Without ECMA-402 the host's conventions are those of `toString`.
fn to_locale_string<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    let x = this_number_value(agent, this, "toLocaleString", gc)?;
    Ok(agent.create_string(&number_to_string(x), gc).into_value())
}

/// ### [21.1.3.5 Number.prototype.toPrecision ( precision )](https://tc39.es/ecma262/#sec-number.prototype.toprecision)
fn to_precision<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let precision = args.get(0).bind(gc.nogc());
    // 1. Let x be ? ThisNumberValue(this value).
    let x = this_number_value(agent, this, "toPrecision", gc.nogc())?;
    // 2. If precision is undefined, return ! ToString(x).
    if precision.is_undefined() {
        let gc = gc.into_nogc();
        return Ok(agent.create_string(&number_to_string(x), gc).into_value());
    }
    // 3. Let p be ? ToIntegerOrInfinity(precision).
    let p = to_integer_or_infinity(agent, precision.unbind(), gc.reborrow())?;
    let gc = gc.into_nogc();
    // 4. If x is not finite, return Number::toString(x, 10).
    if !x.is_finite() {
        return Ok(agent.create_string(&number_to_string(x), gc).into_value());
    }
    // 5. If p < 1 or p > 100, throw a RangeError exception.
    if !(1.0..=100.0).contains(&p) {
        return Err(agent.throw_range_error("toPrecision() argument must be between 1 and 100", gc));
    }
    let p = p as i64;
    // 6. Set x to ℝ(x).
    // 7. Let s be the empty String.
    // 8. If x < 0, then
    //    a. Set s to the code unit 0x002D (HYPHEN-MINUS).
    //    b. Set x to -x.
    let (s, x) = if x < 0.0 { ("-", -x) } else { ("", x) };
    let (mut m, e) = if x == 0.0 {
        // 9. If x = 0, then
        //    a. Let m be the String value consisting of p occurrences of the code unit 0x0030 (DIGIT ZERO).
        //    b. Let e be 0.
        (vec![b'0'; p as usize], 0)
    } else {
        // 10. Else,
        //     a. Let e and n be integers such that 10^(p - 1) ≤ n < 10^p and for which
        //        n × 10^(e - p + 1) - x is as close to zero as possible. If there are two such
        //        sets of e and n, pick the e and n for which n × 10^(e - p + 1) is larger.
        //     b. Let m be the String value consisting of the digits of the decimal representation of n.
        let (n, point) = ExactDecimal::new(x).round_to(p);
        let e = point - 1;
        //     c. If e < -6 or e ≥ p, then
        if e < -6 || e >= p {
            //    i. Assert: e ≠ 0.
            let mut m = n;
            //    ii. If p ≠ 1, then
            //        1. Let a be the first code unit of m.
            //        2. Let b be the other p - 1 code units of m.
            //        3. Set m to the string-concatenation of a, ".", and b.
            if p != 1 {
                m.insert(1, b'.');
            }
            //    iii. If e > 0, then let c be the code unit 0x002B (PLUS SIGN).
            //    iv. Else, let c be the code unit 0x002D (HYPHEN-MINUS) and set e to -e.
            let c = if e > 0 { '+' } else { '-' };
            //    v. Let d be the String value consisting of the digits of the decimal representation of e.
            let d = e.unsigned_abs();
            //    vi. Return the string-concatenation of s, m, the code unit 0x0065 (LATIN SMALL
            //        LETTER E), c, and d.
            let m = String::from_utf8(m).unwrap_or_default();
            return Ok(agent
                .create_string_from_owned(format!("{s}{m}e{c}{d}"), gc)
                .into_value());
        }
        (n, e)
    };
    // 11. If e = p - 1, return the string-concatenation of s and m.
    if e != p - 1 {
        if e >= 0 {
            // 12. If e ≥ 0, then
            //     a. Set m to the string-concatenation of the first e + 1 code units of m, the
            //        code unit 0x002E (FULL STOP), and the remaining p - (e + 1) code units of m.
            m.insert(e as usize + 1, b'.');
        } else {
            // 13. Else,
            //     a. Set m to the string-concatenation of the code unit 0x0030 (DIGIT ZERO), the
            //        code unit 0x002E (FULL STOP), -(e + 1) occurrences of the code unit 0x0030
            //        (DIGIT ZERO), and the String m.
            let mut prefix = vec![b'0', b'.'];
            prefix.extend(std::iter::repeat_n(b'0', (-(e + 1)) as usize));
            m.splice(0..0, prefix);
        }
    }
    // 14. Return the string-concatenation of s and m.
    let m = String::from_utf8(m).unwrap_or_default();
    Ok(agent
        .create_string_from_owned(format!("{s}{m}"), gc)
        .into_value())
}

/// ### [21.1.3.6 Number.prototype.toString ( [ radix ] )](https://tc39.es/ecma262/#sec-number.prototype.tostring)
fn to_string<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let radix = args.get(0).bind(gc.nogc());
    // 1. Let x be ? ThisNumberValue(this value).
    let x = this_number_value(agent, this, "toString", gc.nogc())?;
    // 2. If radix is undefined, let radixMV be 10.
    // 3. Else, let radixMV be ? ToIntegerOrInfinity(radix).
    let radix_mv = if radix.is_undefined() {
        10.0
    } else {
        to_integer_or_infinity(agent, radix.unbind(), gc.reborrow())?
    };
    let gc = gc.into_nogc();
    // 4. If radixMV is not in the inclusive interval from 2 to 36, throw a RangeError exception.
    if !(2.0..=36.0).contains(&radix_mv) {
        return Err(agent.throw_range_error("toString() radix must be between 2 and 36", gc));
    }
    // 5. Return Number::toString(x, radixMV).
    let text = number_to_string_radix(x, radix_mv as u32);
    Ok(agent.create_string_from_owned(text, gc).into_value())
}

/// ### [21.1.3.7 Number.prototype.valueOf ( )](https://tc39.es/ecma262/#sec-number.prototype.valueof)
fn value_of<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1. Return ? ThisNumberValue(this value).
    let x = this_number_value(agent, this, "valueOf", gc)?;
    Ok(agent.number(x, gc))
}
