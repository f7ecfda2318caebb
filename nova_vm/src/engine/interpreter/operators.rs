//! Operators: [13.15.3 ApplyStringOrNumericBinaryOperator](https://tc39.es/ecma262/#sec-applystringornumericbinaryoperator),
//! relational and equality operators, unary operators and `typeof`.

use num_bigint::BigInt;

use crate::ecmascript::abstract_operations::{
    PreferredType, compare_primitives, f64_to_int32, f64_to_uint32, has_property, is_loosely_equal,
    to_numeric, to_primitive, to_property_key, to_string,
};
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{JsString, MAX_STRING_LENGTH, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// Arithmetic operators other than `+`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Arith {
    Sub,
    Mul,
    Div,
    Rem,
    Exp,
    BitAnd,
    BitOr,
    BitXor,
    Shl,
    Shr,
    UShr,
}

/// Relational comparisons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Comparison {
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
}

/// The `+` operator.
pub(crate) fn add<'gc>(
    agent: &mut Agent,
    a: Value,
    b: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // Fast paths: numbers and strings.
    if a.is_number() && b.is_number() {
        let n = agent.number_value(a) + agent.number_value(b);
        return Ok(agent.number(n, gc.into_nogc()));
    }
    if let (Some(x), Some(y)) = (a.as_string(), b.as_string()) {
        let gc = gc.into_nogc();
        return concatenate(agent, x, y, gc);
    }
    // 1. Let lprim be ? ToPrimitive(lval). 2. Let rprim be ? ToPrimitive(rval).
    let b = b.bind(gc.nogc()).scope(agent, gc.nogc());
    let lprim = to_primitive(agent, a, None, gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    let rprim = to_primitive(agent, b.get(agent), None, gc.reborrow())?.unbind();
    let lprim = lprim.get(agent);
    // 3. If lprim is a String or rprim is a String, then
    if lprim.is_string() || rprim.is_string() {
        let rprim = rprim.scope(agent, gc.nogc());
        // a. Let lstr be ? ToString(lprim). b. Let rstr be ? ToString(rprim).
        let lstr = to_string(agent, lprim, gc.reborrow())?
            .unbind()
            .scope(agent, gc.nogc());
        let rstr = to_string(agent, rprim.get(agent), gc.reborrow())?.unbind();
        // c. Return the string-concatenation of lstr and rstr.
        let gc = gc.into_nogc();
        return concatenate(agent, lstr.get(agent), rstr, gc);
    }
    // 4. Return ? ApplyStringOrNumericBinaryOperator(lprim, +, rprim) (numeric part).
    numeric_operation(agent, NumericOp::Add, lprim, rprim, gc)
}

/// String concatenation for `+`, with a RangeError for results longer than
/// the engine's maximum string length.
fn concatenate<'gc>(
    agent: &mut Agent,
    x: JsString,
    y: JsString,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    if agent.string_length(x) + agent.string_length(y) > MAX_STRING_LENGTH {
        return Err(agent.throw_range_error("Invalid string length", gc));
    }
    Ok(agent.string_concat(x, y, gc).into_value())
}

/// `a + b` for the dispatch loop: small integers inline, everything else
/// through [`add`].
#[inline(always)]
pub(crate) fn add_values<'gc>(
    agent: &mut Agent,
    a: Value,
    b: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    if let (Value::Integer(x), Value::Integer(y)) = (a, b) {
        return Ok(match x.checked_add(y) {
            Some(sum) => Value::Integer(sum),
            None => agent.number(f64::from(x) + f64::from(y), gc.into_nogc()),
        });
    }
    add(agent, a, b, gc)
}

/// The result of `x op y` when it is an integer Number other than -0
/// (otherwise the general operator computes it).
#[inline(always)]
pub(crate) fn exact_integer_result(op: Arith, x: i32, y: i32) -> Option<i32> {
    match op {
        Arith::Sub => x.checked_sub(y),
        // 0 * negative is -0, not an integer.
        Arith::Mul if x != 0 && y != 0 => x.checked_mul(y),
        // A negative dividend can give -0.
        Arith::Rem if x >= 0 && y > 0 => Some(x % y),
        Arith::BitAnd => Some(x & y),
        Arith::BitOr => Some(x | y),
        Arith::BitXor => Some(x ^ y),
        Arith::Shl => Some(x.wrapping_shl(y as u32 & 31)),
        Arith::Shr => Some(x >> (y as u32 & 31)),
        Arith::UShr if x >= 0 => Some(((x as u32) >> (y as u32 & 31)) as i32),
        _ => None,
    }
}

/// An arithmetic or bitwise operator for the dispatch loop: the small-integer
/// cases whose result is exact inline, everything else through [`arithmetic`].
#[inline(always)]
pub(crate) fn arithmetic_values<'gc>(
    agent: &mut Agent,
    op: Arith,
    a: Value,
    b: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    if let (Value::Integer(x), Value::Integer(y)) = (a, b)
        && let Some(result) = exact_integer_result(op, x, y)
    {
        return Ok(Value::Integer(result));
    }
    arithmetic(agent, op, a, b, gc)
}

/// A relational comparison for the dispatch loop: small integers inline,
/// everything else through [`compare`].
#[inline(always)]
pub(crate) fn compare_values<'gc>(
    agent: &mut Agent,
    a: Value,
    b: Value,
    comparison: Comparison,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    if let (Value::Integer(x), Value::Integer(y)) = (a, b) {
        return Ok(match comparison {
            Comparison::Less => x < y,
            Comparison::Greater => x > y,
            Comparison::LessOrEqual => x <= y,
            Comparison::GreaterOrEqual => x >= y,
        });
    }
    compare(agent, a, b, comparison, gc)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum NumericOp {
    Add,
    Other(Arith),
}

/// Arithmetic and bitwise operators: ToNumeric on both sides, then the Number
/// or BigInt operation.
pub(crate) fn arithmetic<'gc>(
    agent: &mut Agent,
    op: Arith,
    a: Value,
    b: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    numeric_operation(agent, NumericOp::Other(op), a, b, gc)
}

fn numeric_operation<'gc>(
    agent: &mut Agent,
    op: NumericOp,
    a: Value,
    b: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let (lnum, rnum) = if a.is_number() && b.is_number() {
        (a.unbind(), b.unbind())
    } else {
        let b = b.bind(gc.nogc()).scope(agent, gc.nogc());
        // 3. Let lnum be ? ToNumeric(lval). 4. Let rnum be ? ToNumeric(rval).
        let lnum = to_numeric(agent, a, gc.reborrow())?
            .unbind()
            .scope(agent, gc.nogc());
        let rnum = to_numeric(agent, b.get(agent), gc.reborrow())?.unbind();
        (lnum.get(agent), rnum)
    };
    let gc = gc.into_nogc();
    // 5. If Type(lnum) is not Type(rnum), throw a TypeError exception.
    if lnum.is_bigint() != rnum.is_bigint() {
        return Err(agent.throw_type_error(
            "Cannot mix BigInt and other types, use explicit conversions",
            gc,
        ));
    }
    if lnum.is_bigint() {
        return bigint_operation(agent, op, lnum, rnum, gc);
    }
    let (x, y) = (agent.number_value(lnum), agent.number_value(rnum));
    let result = match op {
        NumericOp::Add => x + y,
        NumericOp::Other(op) => match op {
            Arith::Sub => x - y,
            Arith::Mul => x * y,
            Arith::Div => x / y,
            Arith::Rem => number_remainder(x, y),
            Arith::Exp => number_exponentiate(x, y),
            Arith::BitAnd => f64::from(f64_to_int32(x) & f64_to_int32(y)),
            Arith::BitOr => f64::from(f64_to_int32(x) | f64_to_int32(y)),
            Arith::BitXor => f64::from(f64_to_int32(x) ^ f64_to_int32(y)),
            Arith::Shl => f64::from(f64_to_int32(x).wrapping_shl(f64_to_uint32(y) & 31)),
            Arith::Shr => f64::from(f64_to_int32(x) >> (f64_to_uint32(y) & 31)),
            Arith::UShr => f64::from(f64_to_uint32(x) >> (f64_to_uint32(y) & 31)),
        },
    };
    Ok(agent.number(result, gc))
}

/// ### [6.1.6.1.6 Number::remainder ( n, d )](https://tc39.es/ecma262/#sec-numeric-types-number-remainder)
fn number_remainder(n: f64, d: f64) -> f64 {
    // 1. If n is NaN or d is NaN, return NaN. 2. If n is infinite, return NaN.
    // 3. If d is infinite, return n. 4. If d is zero, return NaN. 5. If n is zero, return n.
    // 6-10. The result has the sign of n and magnitude less than d (Rust's % matches).
    // Integral operands below 2^53 are exact as integers, which is much
    // cheaper than the floating-point remainder.
    const EXACT: f64 = 9007199254740992.0;
    if n.fract() == 0.0 && d.fract() == 0.0 && n.abs() < EXACT && d.abs() < EXACT && d != 0.0 {
        let r = (n as i64) % (d as i64);
        // A zero result keeps the sign of n (-0 for negative n).
        return if r == 0 { 0.0f64.copysign(n) } else { r as f64 };
    }
    n % d
}

/// ### [6.1.6.1.3 Number::exponentiate ( base, exponent )](https://tc39.es/ecma262/#sec-numeric-types-number-exponentiate)
pub(crate) fn number_exponentiate(base: f64, exponent: f64) -> f64 {
    // 1. If exponent is NaN, return NaN.
    if exponent.is_nan() {
        return f64::NAN;
    }
    // 2. If exponent is either +0𝔽 or -0𝔽, return 1𝔽.
    if exponent == 0.0 {
        return 1.0;
    }
    // 3. If base is NaN, return NaN.
    if base.is_nan() {
        return f64::NAN;
    }
    // 11-12. If abs(base) = 1 and exponent is infinite, return NaN (powf returns 1).
    if base.abs() == 1.0 && exponent.is_infinite() {
        return f64::NAN;
    }
    base.powf(exponent)
}

fn bigint_operation<'gc>(
    agent: &mut Agent,
    op: NumericOp,
    a: Value,
    b: Value,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let (x, y) = (agent.bigint_value(a), agent.bigint_value(b));
    let zero = BigInt::default();
    let result = match op {
        NumericOp::Add => x + y,
        NumericOp::Other(op) => match op {
            Arith::Sub => x - y,
            Arith::Mul => x * y,
            Arith::Div => {
                if y == zero {
                    return Err(agent.throw_range_error("Division by zero", gc));
                }
                x / y
            }
            Arith::Rem => {
                if y == zero {
                    return Err(agent.throw_range_error("Division by zero", gc));
                }
                x % y
            }
            Arith::Exp => {
                if y < zero {
                    return Err(agent.throw_range_error("Exponent must be non-negative", gc));
                }
                let Ok(exponent) = u32::try_from(&y) else {
                    if x == zero || x == BigInt::from(1) {
                        return Ok(agent.bigint(x, gc));
                    }
                    return Err(agent.throw_range_error("Maximum BigInt size exceeded", gc));
                };
                if x.bits().saturating_mul(u64::from(exponent)) > 1 << 30 {
                    return Err(agent.throw_range_error("Maximum BigInt size exceeded", gc));
                }
                x.pow(exponent)
            }
            Arith::BitAnd => x & y,
            Arith::BitOr => x | y,
            Arith::BitXor => x ^ y,
            Arith::Shl | Arith::Shr => {
                let left = op == Arith::Shl;
                let shift = i64::try_from(&y).unwrap_or(if y < zero { i64::MIN } else { i64::MAX });
                let (left, amount) = if shift < 0 {
                    (!left, shift.unsigned_abs())
                } else {
                    (left, shift as u64)
                };
                if left {
                    if amount > 1 << 30 && x != zero {
                        return Err(agent.throw_range_error("Maximum BigInt size exceeded", gc));
                    }
                    if x == zero { x } else { x << amount as usize }
                } else if amount > x.bits() {
                    if x < zero { BigInt::from(-1) } else { zero }
                } else {
                    // Arithmetic shift right rounds toward negative infinity.
                    x >> amount as usize
                }
            }
            Arith::UShr => {
                return Err(agent
                    .throw_type_error("BigInts have no unsigned right shift, use >> instead", gc));
            }
        },
    };
    Ok(agent.bigint(result, gc))
}

/// Unary `-`.
pub(crate) fn negate<'gc>(
    agent: &mut Agent,
    v: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let n = to_numeric(agent, v, gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    if n.is_bigint() {
        let b = -agent.bigint_value(n);
        return Ok(agent.bigint(b, gc));
    }
    let x = agent.number_value(n);
    Ok(agent.number(-x, gc))
}

/// Unary `~`.
pub(crate) fn bitwise_not<'gc>(
    agent: &mut Agent,
    v: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let n = to_numeric(agent, v, gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    if n.is_bigint() {
        let b = !agent.bigint_value(n);
        return Ok(agent.bigint(b, gc));
    }
    let x = agent.number_value(n);
    Ok(Value::Integer(!f64_to_int32(x)))
}

/// `++`/`--` on a value already converted by ToNumeric (or not yet): adds `delta`.
pub(crate) fn increment<'gc>(
    agent: &mut Agent,
    v: Value,
    delta: f64,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let n = to_numeric(agent, v, gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    if n.is_bigint() {
        let b = agent.bigint_value(n) + BigInt::from(delta as i32);
        return Ok(agent.bigint(b, gc));
    }
    let x = agent.number_value(n);
    Ok(agent.number(x + delta, gc))
}

/// `==` and `!=`.
pub(crate) fn loosely_equal<'gc>(
    agent: &mut Agent,
    a: Value,
    b: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    is_loosely_equal(agent, a, b, gc)
}

/// `<`, `>`, `<=`, `>=` ([13.10.1](https://tc39.es/ecma262/#sec-relational-operators-runtime-semantics-evaluation)).
pub(crate) fn compare<'gc>(
    agent: &mut Agent,
    a: Value,
    b: Value,
    comparison: Comparison,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    let (px, py) = if a.is_object() || b.is_object() {
        let b = b.bind(gc.nogc()).scope(agent, gc.nogc());
        let px = to_primitive(agent, a, Some(PreferredType::Number), gc.reborrow())?
            .unbind()
            .scope(agent, gc.nogc());
        let py = to_primitive(
            agent,
            b.get(agent),
            Some(PreferredType::Number),
            gc.reborrow(),
        )?
        .unbind();
        (px.get(agent), py)
    } else {
        (a.unbind(), b.unbind())
    };
    let gc = gc.into_nogc();
    Ok(match comparison {
        // a < b: IsLessThan(a, b, true); undefined is false.
        Comparison::Less => compare_primitives(agent, px, py, gc)? == Some(true),
        // a > b: IsLessThan(b, a, false).
        Comparison::Greater => compare_primitives(agent, py, px, gc)? == Some(true),
        // a <= b: IsLessThan(b, a, false); true or undefined give false.
        Comparison::LessOrEqual => compare_primitives(agent, py, px, gc)? == Some(false),
        // a >= b: IsLessThan(a, b, true); true or undefined give false.
        Comparison::GreaterOrEqual => compare_primitives(agent, px, py, gc)? == Some(false),
    })
}

/// `key in object`.
pub(crate) fn in_operator<'gc>(
    agent: &mut Agent,
    key: Value,
    object: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    // 5. If rval is not an Object, throw a TypeError exception.
    let Value::Object(o) = object else {
        return Err(agent.throw_type_error(
            "Cannot use 'in' operator to search for a key in a non-object",
            gc.into_nogc(),
        ));
    };
    let o = o.bind(gc.nogc()).scope(agent, gc.nogc());
    // 6. Return ? HasProperty(rval, ? ToPropertyKey(lval)).
    let key = to_property_key(agent, key, gc.reborrow())?.unbind();
    has_property(agent, o.get(agent), key, gc)
}

/// ### [13.5.3 The typeof Operator](https://tc39.es/ecma262/#sec-typeof-operator)
pub(crate) fn type_of<'gc>(agent: &mut Agent, v: Value, gc: NoGcScope<'gc, '_>) -> Value<'gc> {
    let name = match v {
        Value::Undefined => "undefined",
        Value::Null => "object",
        Value::Boolean(_) => "boolean",
        Value::Integer(_) | Value::SmallF64(_) | Value::Number(_) => "number",
        Value::SmallString(_) | Value::String(_) => "string",
        Value::Symbol(_) => "symbol",
        Value::SmallBigInt(_) | Value::BigInt(_) => "bigint",
        // B.3.6.3: an object with an [[IsHTMLDDA]] internal slot gives "undefined".
        Value::Object(o) if o.is_html_dda(agent) => "undefined",
        Value::Object(o) => {
            if o.is_callable(agent) {
                "function"
            } else {
                "object"
            }
        }
    };
    agent.create_string(name, gc).into_value()
}
