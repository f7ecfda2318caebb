//! The Math functions of more than one argument in
//! [21.3.2 Function Properties of the Math Object](https://tc39.es/ecma262/#sec-function-properties-of-the-math-object):
//! atan2, hypot, max, min and pow. Every argument is converted (in order)
//! before any result is decided.

use std::f64::consts::{FRAC_PI_2, FRAC_PI_4, PI};

use crate::ecmascript::abstract_operations::to_number;
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::Value;
use crate::engine::interpreter::number_exponentiate;
use crate::engine::{Bindable, GcScope, Rootable};

/// "Let coerced be a new empty List. For each element arg of args, do: Let n be
/// ? ToNumber(arg). Append n to coerced." The arguments are rooted first, as
/// each conversion may run JavaScript.
fn coerce_all<'gc>(
    agent: &mut Agent,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Vec<f64>> {
    if args.as_slice().iter().all(|arg| arg.is_number()) {
        return Ok(args
            .as_slice()
            .iter()
            .map(|&arg| agent.number_value(arg))
            .collect());
    }
    let rooted: Vec<_> = args
        .as_slice()
        .iter()
        .map(|arg| arg.bind(gc.nogc()).scope(agent, gc.nogc()))
        .collect();
    let mut coerced = Vec::with_capacity(rooted.len());
    for arg in rooted {
        coerced.push(to_number(agent, arg.get(agent), gc.reborrow())?);
    }
    Ok(coerced)
}

/// ### [21.3.2.8 Math.atan2 ( y, x )](https://tc39.es/ecma262/#sec-math.atan2)
pub(super) fn atan2<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let x = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let ny be ? ToNumber(y).
    let ny = to_number(agent, args.get(0), gc.reborrow())?;
    // 2. Let nx be ? ToNumber(x).
    let nx = to_number(agent, x.get(agent), gc.reborrow())?;
    // 3. If ny is NaN or nx is NaN, return NaN.
    // 4. If ny is +∞𝔽, then return π / 4 (nx = +∞), 3π / 4 (nx = -∞) or π / 2.
    // 5. If ny is -∞𝔽, then return -π / 4 (nx = +∞), -3π / 4 (nx = -∞) or -π / 2.
    // 6. If ny is +0𝔽, then return +0𝔽 if nx > +0𝔽 or nx is +0𝔽, otherwise π.
    // 7. If ny is -0𝔽, then return -0𝔽 if nx > +0𝔽 or nx is +0𝔽, otherwise -π.
    // 8. Assert: ny is finite and is neither +0𝔽 nor -0𝔽.
    // 9. If ny > +0𝔽, then return +0𝔽 (nx = +∞), π (nx = -∞), or π / 2 (nx is ±0).
    // 10. If ny < -0𝔽, then return -0𝔽 (nx = +∞), -π (nx = -∞), or -π / 2 (nx is ±0).
    // 11. Assert: nx is finite and is neither +0𝔽 nor -0𝔽.
    // 12. Let r be the inverse tangent of abs(ℝ(ny) / ℝ(nx)).
    // 13. If nx < -0𝔽, then set r to π - r if ny > +0𝔽, else to -π + r.
    // 14. Else, if ny < -0𝔽, set r to -r.
    // 15. Return an implementation-approximated Number value representing r.
    let result = if ny.is_nan() || nx.is_nan() {
        f64::NAN
    } else if ny.is_infinite() {
        let r = if nx == f64::INFINITY {
            FRAC_PI_4
        } else if nx == f64::NEG_INFINITY {
            3.0 * FRAC_PI_4
        } else {
            FRAC_PI_2
        };
        r.copysign(ny)
    } else if ny == 0.0 {
        let r = if nx > 0.0 || (nx == 0.0 && nx.is_sign_positive()) {
            0.0
        } else {
            PI
        };
        r.copysign(ny)
    } else if nx.is_infinite() {
        let r = if nx > 0.0 { 0.0 } else { PI };
        r.copysign(ny)
    } else if nx == 0.0 {
        FRAC_PI_2.copysign(ny)
    } else {
        ny.atan2(nx)
    };
    Ok(agent.number(result, gc.into_nogc()))
}

/// ### [21.3.2.19 Math.hypot ( ...args )](https://tc39.es/ecma262/#sec-math.hypot)
pub(super) fn hypot<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let coerced be a new empty List.
    // 2. For each element arg of args, do
    //    a. Let n be ? ToNumber(arg).
    //    b. Append n to coerced.
    let coerced = coerce_all(agent, args, gc.reborrow())?;
    let gc = gc.into_nogc();
    // 3. For each element number of coerced, do
    //    a. If number is either +∞𝔽 or -∞𝔽, return +∞𝔽.
    if coerced.iter().any(|n| n.is_infinite()) {
        return Ok(agent.number(f64::INFINITY, gc));
    }
    // 4. Let onlyZero be true.
    // 5. For each element number of coerced, do
    //    a. If number is NaN, return NaN.
    //    b. If number is neither +0𝔽 nor -0𝔽, set onlyZero to false.
    if coerced.iter().any(|n| n.is_nan()) {
        return Ok(agent.number(f64::NAN, gc));
    }
    let only_zero = coerced.iter().all(|&n| n == 0.0);
    // 6. If onlyZero is true, return +0𝔽.
    if only_zero {
        return Ok(Value::Integer(0));
    }
    // 7. Return an implementation-approximated Number value representing the square root of
    //    the sum of squares of the mathematical values of the elements of coerced.
    Ok(agent.number(square_root_of_sum_of_squares(&coerced), gc))
}

/// √(Σ nᵢ²) for finite numbers, not all zero, without overflow or underflow in
/// the intermediate sums: the terms are scaled by the largest magnitude and
/// added with compensation.
fn square_root_of_sum_of_squares(numbers: &[f64]) -> f64 {
    if let [a, b] = numbers {
        return a.hypot(*b);
    }
    let largest = numbers.iter().fold(0.0f64, |m, n| m.max(n.abs()));
    let mut sum = 0.0f64;
    let mut compensation = 0.0f64;
    for n in numbers {
        let scaled = n / largest;
        let term = scaled * scaled - compensation;
        let next = sum + term;
        compensation = (next - sum) - term;
        sum = next;
    }
    sum.sqrt() * largest
}

/// ### [21.3.2.25 Math.max ( ...args )](https://tc39.es/ecma262/#sec-math.max)
pub(super) fn max<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let coerced be a new empty List.
    // 2. For each element arg of args, do
    //    a. Let n be ? ToNumber(arg).
    //    b. Append n to coerced.
    let coerced = coerce_all(agent, args, gc.reborrow())?;
    // 3. Let highest be -∞𝔽.
    let mut highest = f64::NEG_INFINITY;
    // 4. For each element number of coerced, do
    for number in coerced {
        // a. If number is NaN, return NaN.
        if number.is_nan() {
            highest = f64::NAN;
            break;
        }
        // b. If number is +0𝔽 and highest is -0𝔽, set highest to +0𝔽.
        if number == 0.0 && number.is_sign_positive() && highest == 0.0 {
            highest = 0.0;
        }
        // c. If number > highest, set highest to number.
        if number > highest {
            highest = number;
        }
    }
    // 5. Return highest.
    Ok(agent.number(highest, gc.into_nogc()))
}

/// ### [21.3.2.26 Math.min ( ...args )](https://tc39.es/ecma262/#sec-math.min)
pub(super) fn min<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let coerced be a new empty List.
    // 2. For each element arg of args, do
    //    a. Let n be ? ToNumber(arg).
    //    b. Append n to coerced.
    let coerced = coerce_all(agent, args, gc.reborrow())?;
    // 3. Let lowest be +∞𝔽.
    let mut lowest = f64::INFINITY;
    // 4. For each element number of coerced, do
    for number in coerced {
        // a. If number is NaN, return NaN.
        if number.is_nan() {
            lowest = f64::NAN;
            break;
        }
        // b. If number is -0𝔽 and lowest is +0𝔽, set lowest to -0𝔽.
        if number == 0.0 && number.is_sign_negative() && lowest == 0.0 {
            lowest = -0.0;
        }
        // c. If number < lowest, set lowest to number.
        if number < lowest {
            lowest = number;
        }
    }
    // 5. Return lowest.
    Ok(agent.number(lowest, gc.into_nogc()))
}

/// ### [21.3.2.27 Math.pow ( base, exponent )](https://tc39.es/ecma262/#sec-math.pow)
pub(super) fn pow<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let exponent = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Set base to ? ToNumber(base).
    let base = to_number(agent, args.get(0), gc.reborrow())?;
    // 2. Set exponent to ? ToNumber(exponent).
    let exponent = to_number(agent, exponent.get(agent), gc.reborrow())?;
    // 3. Return Number::exponentiate(base, exponent).
    Ok(agent.number(number_exponentiate(base, exponent), gc.into_nogc()))
}

#[cfg(test)]
mod tests {
    use super::square_root_of_sum_of_squares;

    #[test]
    fn hypot_avoids_overflow_and_underflow() {
        assert_eq!(square_root_of_sum_of_squares(&[3.0, 4.0]), 5.0);
        assert_eq!(square_root_of_sum_of_squares(&[1.0, 2.0, 2.0]), 3.0);
        assert_eq!(
            square_root_of_sum_of_squares(&[1e300, 1e300, 0.0]),
            1e300 * 2f64.sqrt()
        );
        assert!(square_root_of_sum_of_squares(&[1e-300, 1e-300, 1e-300]) > 0.0);
    }
}
