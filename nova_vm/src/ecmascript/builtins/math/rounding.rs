//! The rounding, sign and integer functions of
//! [21.3.2 Function Properties of the Math Object](https://tc39.es/ecma262/#sec-function-properties-of-the-math-object):
//! abs, ceil, clz32, floor, f16round, fround, imul, round, sign and trunc.

use super::with_number;
use crate::ecmascript::abstract_operations::to_uint32;
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::Value;
use crate::engine::{Bindable, GcScope, Rootable};

/// ### [21.3.2.1 Math.abs ( x )](https://tc39.es/ecma262/#sec-math.abs)
pub(super) fn abs<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let n be ? ToNumber(x).
    with_number(agent, args, gc, |n| {
        // 2. If n is NaN, return NaN.
        // 3. If n is -0𝔽, return +0𝔽.
        // 4. If n is -∞𝔽, return +∞𝔽.
        // 5. If n < -0𝔽, return -n.
        // 6. Return n.
        n.abs()
    })
}

/// ### [21.3.2.10 Math.ceil ( x )](https://tc39.es/ecma262/#sec-math.ceil)
pub(super) fn ceil<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let n be ? ToNumber(x).
    with_number(agent, args, gc, |n| {
        // 2. If n is not finite or n is either +0𝔽 or -0𝔽, return n.
        if !n.is_finite() || n == 0.0 {
            return n;
        }
        // 3. If n < -0𝔽 and n > -1𝔽, return -0𝔽.
        if n < 0.0 && n > -1.0 {
            return -0.0;
        }
        // 4. If n is an integral Number, return n.
        // 5. Return the smallest (closest to -∞) integral Number value that is not less than n.
        n.ceil()
    })
}

/// ### [21.3.2.11 Math.clz32 ( x )](https://tc39.es/ecma262/#sec-math.clz32)
pub(super) fn clz32<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let n be ? ToUint32(x).
    let n = to_uint32(agent, args.get(0), gc)?;
    // 2. Let p be the number of leading zero bits in the unsigned 32-bit binary representation of n.
    let p = n.leading_zeros();
    // 3. Return 𝔽(p).
    Ok(Value::from_u32(p))
}

/// ### [21.3.2.16 Math.floor ( x )](https://tc39.es/ecma262/#sec-math.floor)
pub(super) fn floor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let n be ? ToNumber(x).
    with_number(agent, args, gc, |n| {
        // 2. If n is not finite or n is either +0𝔽 or -0𝔽, return n.
        if !n.is_finite() || n == 0.0 {
            return n;
        }
        // 3. If n < 1𝔽 and n > +0𝔽, return +0𝔽.
        if n < 1.0 && n > 0.0 {
            return 0.0;
        }
        // 4. If n is an integral Number, return n.
        // 5. Return the greatest (closest to +∞) integral Number value that is not greater than n.
        n.floor()
    })
}

/// ### [21.3.2.17 Math.f16round ( x )](https://tc39.es/ecma262/#sec-math.f16round)
pub(super) fn f16round<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let n be ? ToNumber(x).
    with_number(agent, args, gc, |n| {
        // 2. If n is NaN, return NaN.
        // 3. If n is one of +0𝔽, -0𝔽, +∞𝔽, or -∞𝔽, return n.
        if n.is_nan() || n == 0.0 || n.is_infinite() {
            return n;
        }
        // 4. Let n16 be the result of converting n to IEEE 754-2019 binary16 format using
        //    roundTiesToEven mode.
        // 5. Let n64 be the result of converting n16 to IEEE 754-2019 binary64 format.
        // 6. Return the ECMAScript Number value corresponding to n64.
        round_to_binary16(n)
    })
}

/// Rounds a finite, non-zero `n` to the nearest binary16 value (ties to even),
/// directly from binary64 so that no double rounding happens.
fn round_to_binary16(n: f64) -> f64 {
    let magnitude = n.abs();
    // Halfway between the largest binary16 (65504) and 2^16 rounds to infinity.
    if magnitude >= 65520.0 {
        return f64::INFINITY.copysign(n);
    }
    // The spacing of binary16 values around the magnitude: 2^-24 for
    // subnormals (below 2^-14), else 2^(exponent - 10).
    let binary64_exponent = ((magnitude.to_bits() >> 52) & 0x7FF) as i32 - 1023;
    let exponent = binary64_exponent.max(-14);
    let quantum = 2f64.powi(exponent - 10);
    // Dividing by a power of two is exact here, so this rounds the exact value.
    let steps = (magnitude / quantum).round_ties_even();
    (steps * quantum).copysign(n)
}

/// ### [21.3.2.18 Math.fround ( x )](https://tc39.es/ecma262/#sec-math.fround)
pub(super) fn fround<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let n be ? ToNumber(x).
    with_number(agent, args, gc, |n| {
        // 2. If n is NaN, return NaN.
        // 3. If n is one of +0𝔽, -0𝔽, +∞𝔽, or -∞𝔽, return n.
        if n.is_nan() || n == 0.0 || n.is_infinite() {
            return n;
        }
        // 4. Let n32 be the result of converting n to IEEE 754-2019 binary32 format using
        //    roundTiesToEven mode.
        let n32 = n as f32;
        // 5. Let n64 be the result of converting n32 to IEEE 754-2019 binary64 format.
        // 6. Return the ECMAScript Number value corresponding to n64.
        f64::from(n32)
    })
}

/// ### [21.3.2.20 Math.imul ( x, y )](https://tc39.es/ecma262/#sec-math.imul)
pub(super) fn imul<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let y = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let a be ℝ(? ToUint32(x)).
    let a = to_uint32(agent, args.get(0), gc.reborrow())?;
    // 2. Let b be ℝ(? ToUint32(y)).
    let b = to_uint32(agent, y.get(agent), gc.reborrow())?;
    // 3. Let product be (a × b) modulo 2^32.
    let product = a.wrapping_mul(b);
    // 4. If product ≥ 2^31, return 𝔽(product - 2^32); otherwise return 𝔽(product).
    Ok(Value::Integer(product as i32))
}

/// ### [21.3.2.29 Math.round ( x )](https://tc39.es/ecma262/#sec-math.round)
pub(super) fn round<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let n be ? ToNumber(x).
    with_number(agent, args, gc, |n| {
        // 2. If n is not finite or n is an integral Number, return n.
        if !n.is_finite() || n.trunc() == n {
            return n;
        }
        // 3. If n < 0.5𝔽 and n > +0𝔽, return +0𝔽.
        if n < 0.5 && n > 0.0 {
            return 0.0;
        }
        // 4. If n < -0𝔽 and n ≥ -0.5𝔽, return -0𝔽.
        if (-0.5..0.0).contains(&n) {
            return -0.0;
        }
        // 5. Return the integral Number closest to n, preferring the Number closer to +∞ in the
        //    case of a tie.
        let floor = n.floor();
        // n is not integral, so |n| < 2^52 and n - floor(n) is exact.
        if n - floor >= 0.5 { floor + 1.0 } else { floor }
    })
}

/// ### [21.3.2.30 Math.sign ( x )](https://tc39.es/ecma262/#sec-math.sign)
pub(super) fn sign<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let n be ? ToNumber(x).
    with_number(agent, args, gc, |n| {
        // 2. If n is one of NaN, +0𝔽, or -0𝔽, return n.
        if n.is_nan() || n == 0.0 {
            return n;
        }
        // 3. If n < -0𝔽, return -1𝔽.
        if n < 0.0 {
            return -1.0;
        }
        // 4. Return 1𝔽.
        1.0
    })
}

/// ### [21.3.2.37 Math.trunc ( x )](https://tc39.es/ecma262/#sec-math.trunc)
pub(super) fn trunc<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let n be ? ToNumber(x).
    with_number(agent, args, gc, |n| {
        // 2. If n is not finite or n is either +0𝔽 or -0𝔽, return n.
        if !n.is_finite() || n == 0.0 {
            return n;
        }
        // 3. If n < 1𝔽 and n > +0𝔽, return +0𝔽.
        if n < 1.0 && n > 0.0 {
            return 0.0;
        }
        // 4. If n < -0𝔽 and n > -1𝔽, return -0𝔽.
        if n < 0.0 && n > -1.0 {
            return -0.0;
        }
        // 5. Return the integral Number nearest n in the direction of +0𝔽.
        n.trunc()
    })
}

#[cfg(test)]
mod tests {
    use super::round_to_binary16;

    #[test]
    fn binary16_rounding() {
        assert_eq!(round_to_binary16(1.0), 1.0);
        assert_eq!(round_to_binary16(65504.0), 65504.0);
        assert_eq!(round_to_binary16(65519.99), 65504.0);
        assert_eq!(round_to_binary16(65520.0), f64::INFINITY);
        assert_eq!(round_to_binary16(-65520.0), f64::NEG_INFINITY);
        // The smallest subnormal is 2^-24; half of it ties to zero (even).
        assert_eq!(round_to_binary16(2f64.powi(-24)), 2f64.powi(-24));
        assert_eq!(round_to_binary16(2f64.powi(-25)), 0.0);
        assert!(round_to_binary16(-(2f64.powi(-25))).is_sign_negative());
        assert_eq!(round_to_binary16(1.5 * 2f64.powi(-25)), 2f64.powi(-24));
        // 1 + 2^-11 is halfway between 1 and 1 + 2^-10: ties to even (1).
        assert_eq!(round_to_binary16(1.0 + 2f64.powi(-11)), 1.0);
        // Slightly above the tie rounds up (double rounding through f32 would not).
        assert_eq!(
            round_to_binary16(1.0 + 2f64.powi(-11) + 2f64.powi(-40)),
            1.0 + 2f64.powi(-10)
        );
        assert_eq!(round_to_binary16(0.1), 0.0999755859375);
    }
}
