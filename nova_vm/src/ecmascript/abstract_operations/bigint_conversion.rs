//! The BigInt conversions of [7.1 Type Conversion](https://tc39.es/ecma262/#sec-type-conversion)
//! (ToBigInt, ToBigInt64, ToBigUint64), NumberToBigInt and the exact BigInt →
//! Number conversion 𝔽(ℝ(bigint)).

use num_bigint::BigInt;

use super::testing_and_comparison::{f64_to_bigint_exact, string_to_bigint};
use super::type_conversion::{PreferredType, biguint_to_f64, to_primitive};
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::Value;
use crate::engine::{Bindable, GcScope, NoGcScope};

/// ### [7.1.13 ToBigInt ( argument )](https://tc39.es/ecma262/#sec-tobigint)
///
/// Returns a BigInt value.
pub fn to_bigint<'gc>(
    agent: &mut Agent,
    argument: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let argument = argument.bind(gc.nogc());
    if argument.is_bigint() {
        return Ok(argument.unbind().bind(gc.into_nogc()));
    }
    // 1. Let prim be ? ToPrimitive(argument, number).
    let prim = to_primitive(
        agent,
        argument.unbind(),
        Some(PreferredType::Number),
        gc.reborrow(),
    )?
    .unbind();
    let gc = gc.into_nogc();
    // 2. Return the value that prim corresponds to in Table 12.
    to_bigint_primitive(agent, prim.bind(gc), gc)
}

/// Step 2 of ToBigInt: Table 12 (BigInt Conversions) on a primitive.
pub fn to_bigint_primitive<'gc>(
    agent: &mut Agent,
    prim: Value,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let prim = prim.bind(gc);
    match prim {
        // Undefined, Null: Throw a TypeError exception.
        Value::Undefined => Err(agent.throw_type_error("Cannot convert undefined to a BigInt", gc)),
        Value::Null => Err(agent.throw_type_error("Cannot convert null to a BigInt", gc)),
        // Boolean: Return 1n if prim is true and 0n if prim is false.
        Value::Boolean(b) => Ok(Value::SmallBigInt(i32::from(b))),
        // BigInt: Return prim.
        Value::SmallBigInt(_) | Value::BigInt(_) => Ok(prim),
        // Number: Throw a TypeError exception.
        Value::Integer(_) | Value::SmallF64(_) | Value::Number(_) => {
            Err(agent.throw_type_error("Cannot convert a Number to a BigInt", gc))
        }
        // String:
        Value::SmallString(_) | Value::String(_) => {
            // 1. Let n be StringToBigInt(prim).
            let Some(string) = prim.as_string() else {
                return Err(agent.throw_type_error("Cannot convert value to a BigInt", gc));
            };
            match string_to_bigint(agent, string) {
                // 2. If n is undefined, throw a SyntaxError exception.
                None => {
                    let text = agent.string_lossy(string).into_owned();
                    Err(agent.throw_syntax_error(&format!("Cannot convert {text} to a BigInt"), gc))
                }
                // 3. Return n.
                Some(n) => Ok(agent.bigint(n, gc)),
            }
        }
        // Symbol: Throw a TypeError exception.
        Value::Symbol(_) => {
            Err(agent.throw_type_error("Cannot convert a Symbol value to a BigInt", gc))
        }
        // ToPrimitive never returns an object.
        Value::Object(_) => Err(agent.throw_type_error("Cannot convert object to a BigInt", gc)),
    }
}

/// ### [7.1.15 ToBigInt64 ( argument )](https://tc39.es/ecma262/#sec-tobigint64)
pub fn to_big_int64<'gc>(
    agent: &mut Agent,
    argument: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, i64> {
    // 1. Let n be ? ToBigInt(argument).
    let n = to_bigint(agent, argument, gc.reborrow())?.unbind();
    // 2. Let int64bit be ℝ(n) modulo 2^64.
    // 3. If int64bit ≥ 2^63, return ℤ(int64bit - 2^64); otherwise return ℤ(int64bit).
    Ok(bigint_modulo_2_64(&agent.bigint_value(n)) as i64)
}

/// ### [7.1.16 ToBigUint64 ( argument )](https://tc39.es/ecma262/#sec-tobiguint64)
pub fn to_big_uint64<'gc>(
    agent: &mut Agent,
    argument: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, u64> {
    // 1. Let n be ? ToBigInt(argument).
    let n = to_bigint(agent, argument, gc.reborrow())?.unbind();
    // 2. Let int64bit be ℝ(n) modulo 2^64.
    // 3. Return ℤ(int64bit).
    Ok(bigint_modulo_2_64(&agent.bigint_value(n)))
}

/// ℝ(n) modulo 2^64 (two's complement truncation).
fn bigint_modulo_2_64(n: &BigInt) -> u64 {
    let mask = BigInt::from(u64::MAX);
    let truncated = n & mask;
    truncated.iter_u64_digits().next().unwrap_or(0)
}

/// ### [21.2.1.1.1 NumberToBigInt ( number )](https://tc39.es/ecma262/#sec-numbertobigint)
pub fn number_to_bigint<'gc>(
    agent: &mut Agent,
    number: f64,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. If number is not an integral Number, throw a RangeError exception.
    if !number.is_finite() || number.trunc() != number {
        let text = super::type_conversion::number_to_string(number);
        return Err(agent.throw_range_error(
            &format!(
                "The number {text} cannot be converted to a BigInt because it is not an integer"
            ),
            gc,
        ));
    }
    // 2. Return ℤ(ℝ(number)).
    Ok(agent.bigint(f64_to_bigint_exact(number), gc))
}

/// 𝔽(ℝ(n)): the Number closest to a BigInt (ties to even; too large is ±∞).
pub fn bigint_to_number(n: &BigInt) -> f64 {
    let magnitude = biguint_to_f64(n.magnitude());
    if n.sign() == num_bigint::Sign::Minus {
        -magnitude
    } else {
        magnitude
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modulo_2_64_wraps_negative_values() {
        assert_eq!(bigint_modulo_2_64(&BigInt::from(-1)), u64::MAX);
        assert_eq!(bigint_modulo_2_64(&(BigInt::from(1) << 64usize)), 0);
        assert_eq!(
            bigint_modulo_2_64(&((BigInt::from(1) << 64usize) + 5)) as i64,
            5
        );
        assert_eq!(
            bigint_modulo_2_64(&BigInt::from(1u64 << 63)) as i64,
            i64::MIN
        );
    }

    #[test]
    fn bigint_to_number_rounds_to_nearest_even() {
        assert_eq!(bigint_to_number(&BigInt::from(-7)), -7.0);
        // 2^53 + 1 is a tie between 2^53 and 2^53 + 2: the even mantissa wins.
        let n = (BigInt::from(1) << 53usize) + 1;
        assert_eq!(bigint_to_number(&n), 9007199254740992.0);
        let n = (BigInt::from(1) << 53usize) + 3;
        assert_eq!(bigint_to_number(&n), 9007199254740996.0);
        assert_eq!(
            bigint_to_number(&(BigInt::from(1) << 1024usize)),
            f64::INFINITY
        );
    }
}
