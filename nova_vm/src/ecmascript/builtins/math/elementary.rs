//! The trigonometric, hyperbolic, exponential and logarithmic functions of
//! [21.3.2 Function Properties of the Math Object](https://tc39.es/ecma262/#sec-function-properties-of-the-math-object).
//!
//! The spec fixes the results for boundary arguments and leaves the rest
//! implementation-approximated; those use the platform's libm through `f64`.

use super::with_number;
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::Value;
use crate::engine::GcScope;

/// Above this magnitude 1 is negligible next to x², so acosh(x) and
/// asinh(|x|) are ln(2x) to double precision.
const LARGE: f64 = 268435456.0; // 2^28

/// acosh(x) = ln(x + √(x² - 1)) for a finite x > 1, rewritten so that nothing
/// overflows for large x and no precision is lost near 1.
fn inverse_hyperbolic_cosine(x: f64) -> f64 {
    if x > LARGE {
        x.ln() + std::f64::consts::LN_2
    } else if x > 2.0 {
        // x + √(x² - 1) = 2x - 1 / (x + √(x² - 1))
        (2.0 * x - 1.0 / (x + (x * x - 1.0).sqrt())).ln()
    } else {
        // With t = x - 1: x + √(x² - 1) = 1 + t + √(2t + t²)
        let t = x - 1.0;
        (t + (2.0 * t + t * t).sqrt()).ln_1p()
    }
}

/// asinh(x) = sign(x) × ln(|x| + √(x² + 1)) for a finite non-zero x, rewritten
/// so that nothing overflows for large |x| and no precision is lost near 0.
fn inverse_hyperbolic_sine(x: f64) -> f64 {
    let a = x.abs();
    let magnitude = if a > LARGE {
        a.ln() + std::f64::consts::LN_2
    } else if a > 2.0 {
        // a + √(a² + 1) = 2a + 1 / (√(a² + 1) + a)
        (2.0 * a + 1.0 / ((a * a + 1.0).sqrt() + a)).ln()
    } else {
        // a + √(a² + 1) = 1 + a + a² / (√(a² + 1) + 1)
        (a + a * a / ((a * a + 1.0).sqrt() + 1.0)).ln_1p()
    };
    magnitude.copysign(x)
}

/// ### [21.3.2.2 Math.acos ( x )](https://tc39.es/ecma262/#sec-math.acos)
///
/// The inverse cosine of x.
pub(super) fn acos<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let n be ? ToNumber(x).
    with_number(agent, args, gc, |n| {
        // 2. If n is NaN, n > 1𝔽, or n < -1𝔽, return NaN.
        if n.is_nan() || !(-1.0..=1.0).contains(&n) {
            return f64::NAN;
        }
        // 3. If n is 1𝔽, return +0𝔽.
        if n == 1.0 {
            return 0.0;
        }
        // 4. Return an implementation-approximated Number value representing the inverse cosine of ℝ(n).
        n.acos()
    })
}

/// ### [21.3.2.3 Math.acosh ( x )](https://tc39.es/ecma262/#sec-math.acosh)
///
/// The inverse hyperbolic cosine of x.
pub(super) fn acosh<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let n be ? ToNumber(x).
    with_number(agent, args, gc, |n| {
        // 2. If n is either NaN or +∞𝔽, return n.
        if n.is_nan() || n == f64::INFINITY {
            return n;
        }
        // 3. If n is 1𝔽, return +0𝔽.
        if n == 1.0 {
            return 0.0;
        }
        // 4. If n < 1𝔽, return NaN.
        if n < 1.0 {
            return f64::NAN;
        }
        // 5. Return an implementation-approximated Number value representing the inverse hyperbolic cosine of ℝ(n).
        inverse_hyperbolic_cosine(n)
    })
}

/// ### [21.3.2.4 Math.asin ( x )](https://tc39.es/ecma262/#sec-math.asin)
///
/// The inverse sine of x.
pub(super) fn asin<'gc>(
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
        // 3. If n > 1𝔽 or n < -1𝔽, return NaN.
        if !(-1.0..=1.0).contains(&n) {
            return f64::NAN;
        }
        // 4. Return an implementation-approximated Number value representing the inverse sine of ℝ(n).
        n.asin()
    })
}

/// ### [21.3.2.5 Math.asinh ( x )](https://tc39.es/ecma262/#sec-math.asinh)
///
/// The inverse hyperbolic sine of x.
pub(super) fn asinh<'gc>(
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
        // 3. Return an implementation-approximated Number value representing the inverse hyperbolic sine of ℝ(n).
        inverse_hyperbolic_sine(n)
    })
}

/// ### [21.3.2.6 Math.atan ( x )](https://tc39.es/ecma262/#sec-math.atan)
///
/// The inverse tangent of x.
pub(super) fn atan<'gc>(
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
        // 3. If n is +∞𝔽, return an implementation-approximated Number value representing π / 2.
        // 4. If n is -∞𝔽, return an implementation-approximated Number value representing -π / 2.
        // 5. Return an implementation-approximated Number value representing the inverse tangent of ℝ(n).
        n.atan()
    })
}

/// ### [21.3.2.7 Math.atanh ( x )](https://tc39.es/ecma262/#sec-math.atanh)
///
/// The inverse hyperbolic tangent of x.
pub(super) fn atanh<'gc>(
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
        // 3. If n > 1𝔽 or n < -1𝔽, return NaN.
        if !(-1.0..=1.0).contains(&n) {
            return f64::NAN;
        }
        // 4. If n is 1𝔽, return +∞𝔽.
        if n == 1.0 {
            return f64::INFINITY;
        }
        // 5. If n is -1𝔽, return -∞𝔽.
        if n == -1.0 {
            return f64::NEG_INFINITY;
        }
        // 6. Return an implementation-approximated Number value representing the inverse hyperbolic tangent of ℝ(n).
        n.atanh()
    })
}

/// ### [21.3.2.9 Math.cbrt ( x )](https://tc39.es/ecma262/#sec-math.cbrt)
///
/// The cube root of x.
pub(super) fn cbrt<'gc>(
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
        // 3. Return an implementation-approximated Number value representing the cube root of ℝ(n).
        n.cbrt()
    })
}

/// ### [21.3.2.12 Math.cos ( x )](https://tc39.es/ecma262/#sec-math.cos)
///
/// The cosine of x.
pub(super) fn cos<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let n be ? ToNumber(x).
    with_number(agent, args, gc, |n| {
        // 2. If n is not finite, return NaN.
        if !n.is_finite() {
            return f64::NAN;
        }
        // 3. If n is either +0𝔽 or -0𝔽, return 1𝔽.
        if n == 0.0 {
            return 1.0;
        }
        // 4. Return an implementation-approximated Number value representing the cosine of ℝ(n).
        n.cos()
    })
}

/// ### [21.3.2.13 Math.cosh ( x )](https://tc39.es/ecma262/#sec-math.cosh)
///
/// The hyperbolic cosine of x.
pub(super) fn cosh<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let n be ? ToNumber(x).
    with_number(agent, args, gc, |n| {
        // 2. If n is NaN, return NaN.
        if n.is_nan() {
            return f64::NAN;
        }
        // 3. If n is either +∞𝔽 or -∞𝔽, return +∞𝔽.
        if n.is_infinite() {
            return f64::INFINITY;
        }
        // 4. If n is either +0𝔽 or -0𝔽, return 1𝔽.
        if n == 0.0 {
            return 1.0;
        }
        // 5. Return an implementation-approximated Number value representing the hyperbolic cosine of ℝ(n).
        n.cosh()
    })
}

/// ### [21.3.2.14 Math.exp ( x )](https://tc39.es/ecma262/#sec-math.exp)
///
/// The exponential function of x.
pub(super) fn exp<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let n be ? ToNumber(x).
    with_number(agent, args, gc, |n| {
        // 2. If n is either NaN or +∞𝔽, return n.
        if n.is_nan() || n == f64::INFINITY {
            return n;
        }
        // 3. If n is either +0𝔽 or -0𝔽, return 1𝔽.
        if n == 0.0 {
            return 1.0;
        }
        // 4. If n is -∞𝔽, return +0𝔽.
        if n == f64::NEG_INFINITY {
            return 0.0;
        }
        // 5. Return an implementation-approximated Number value representing the exponential function of ℝ(n).
        n.exp()
    })
}

/// ### [21.3.2.15 Math.expm1 ( x )](https://tc39.es/ecma262/#sec-math.expm1)
///
/// The exponential function minus 1 of x.
pub(super) fn expm1<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let n be ? ToNumber(x).
    with_number(agent, args, gc, |n| {
        // 2. If n is one of NaN, +0𝔽, -0𝔽, or +∞𝔽, return n.
        if n.is_nan() || n == 0.0 || n == f64::INFINITY {
            return n;
        }
        // 3. If n is -∞𝔽, return -1𝔽.
        if n == f64::NEG_INFINITY {
            return -1.0;
        }
        // 4. Let exp be the exponential function of ℝ(n).
        // 5. Return an implementation-approximated Number value representing exp - 1.
        n.exp_m1()
    })
}

/// ### [21.3.2.21 Math.log ( x )](https://tc39.es/ecma262/#sec-math.log)
///
/// The natural logarithm of x.
pub(super) fn log<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let n be ? ToNumber(x).
    with_number(agent, args, gc, |n| {
        // 2. If n is either NaN or +∞𝔽, return n.
        if n.is_nan() || n == f64::INFINITY {
            return n;
        }
        // 3. If n is 1𝔽, return +0𝔽.
        if n == 1.0 {
            return 0.0;
        }
        // 4. If n is either +0𝔽 or -0𝔽, return -∞𝔽.
        if n == 0.0 {
            return f64::NEG_INFINITY;
        }
        // 5. If n < -0𝔽, return NaN.
        if n < 0.0 {
            return f64::NAN;
        }
        // 6. Return an implementation-approximated Number value representing the natural logarithm of ℝ(n).
        n.ln()
    })
}

/// ### [21.3.2.22 Math.log1p ( x )](https://tc39.es/ecma262/#sec-math.log1p)
///
/// The natural logarithm of 1 + x of x.
pub(super) fn log1p<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let n be ? ToNumber(x).
    with_number(agent, args, gc, |n| {
        // 2. If n is one of NaN, +0𝔽, -0𝔽, or +∞𝔽, return n.
        if n.is_nan() || n == 0.0 || n == f64::INFINITY {
            return n;
        }
        // 3. If n is -1𝔽, return -∞𝔽.
        if n == -1.0 {
            return f64::NEG_INFINITY;
        }
        // 4. If n < -1𝔽, return NaN.
        if n < -1.0 {
            return f64::NAN;
        }
        // 5. Return an implementation-approximated Number value representing the natural logarithm of 1 + ℝ(n).
        n.ln_1p()
    })
}

/// ### [21.3.2.23 Math.log10 ( x )](https://tc39.es/ecma262/#sec-math.log10)
///
/// The base 10 logarithm of x.
pub(super) fn log10<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let n be ? ToNumber(x).
    with_number(agent, args, gc, |n| {
        // 2. If n is either NaN or +∞𝔽, return n.
        if n.is_nan() || n == f64::INFINITY {
            return n;
        }
        // 3. If n is 1𝔽, return +0𝔽.
        if n == 1.0 {
            return 0.0;
        }
        // 4. If n is either +0𝔽 or -0𝔽, return -∞𝔽.
        if n == 0.0 {
            return f64::NEG_INFINITY;
        }
        // 5. If n < -0𝔽, return NaN.
        if n < 0.0 {
            return f64::NAN;
        }
        // 6. Return an implementation-approximated Number value representing the base 10 logarithm of ℝ(n).
        n.log10()
    })
}

/// ### [21.3.2.24 Math.log2 ( x )](https://tc39.es/ecma262/#sec-math.log2)
///
/// The base 2 logarithm of x.
pub(super) fn log2<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let n be ? ToNumber(x).
    with_number(agent, args, gc, |n| {
        // 2. If n is either NaN or +∞𝔽, return n.
        if n.is_nan() || n == f64::INFINITY {
            return n;
        }
        // 3. If n is 1𝔽, return +0𝔽.
        if n == 1.0 {
            return 0.0;
        }
        // 4. If n is either +0𝔽 or -0𝔽, return -∞𝔽.
        if n == 0.0 {
            return f64::NEG_INFINITY;
        }
        // 5. If n < -0𝔽, return NaN.
        if n < 0.0 {
            return f64::NAN;
        }
        // 6. Return an implementation-approximated Number value representing the base 2 logarithm of ℝ(n).
        n.log2()
    })
}

/// ### [21.3.2.31 Math.sin ( x )](https://tc39.es/ecma262/#sec-math.sin)
///
/// The sine of x.
pub(super) fn sin<'gc>(
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
        // 3. If n is either +∞𝔽 or -∞𝔽, return NaN.
        if n.is_infinite() {
            return f64::NAN;
        }
        // 4. Return an implementation-approximated Number value representing the sine of ℝ(n).
        n.sin()
    })
}

/// ### [21.3.2.32 Math.sinh ( x )](https://tc39.es/ecma262/#sec-math.sinh)
///
/// The hyperbolic sine of x.
pub(super) fn sinh<'gc>(
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
        // 3. Return an implementation-approximated Number value representing the hyperbolic sine of ℝ(n).
        n.sinh()
    })
}

/// ### [21.3.2.33 Math.sqrt ( x )](https://tc39.es/ecma262/#sec-math.sqrt)
///
/// The square root of x.
pub(super) fn sqrt<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let n be ? ToNumber(x).
    with_number(agent, args, gc, |n| {
        // 2. If n is one of NaN, +0𝔽, -0𝔽, or +∞𝔽, return n.
        if n.is_nan() || n == 0.0 || n == f64::INFINITY {
            return n;
        }
        // 3. If n < -0𝔽, return NaN.
        if n < 0.0 {
            return f64::NAN;
        }
        // 4. Return 𝔽(the square root of ℝ(n)).
        n.sqrt()
    })
}

/// ### [21.3.2.35 Math.tan ( x )](https://tc39.es/ecma262/#sec-math.tan)
///
/// The tangent of x.
pub(super) fn tan<'gc>(
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
        // 3. If n is either +∞𝔽 or -∞𝔽, return NaN.
        if n.is_infinite() {
            return f64::NAN;
        }
        // 4. Return an implementation-approximated Number value representing the tangent of ℝ(n).
        n.tan()
    })
}

/// ### [21.3.2.36 Math.tanh ( x )](https://tc39.es/ecma262/#sec-math.tanh)
///
/// The hyperbolic tangent of x.
pub(super) fn tanh<'gc>(
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
        // 3. If n is +∞𝔽, return 1𝔽.
        if n == f64::INFINITY {
            return 1.0;
        }
        // 4. If n is -∞𝔽, return -1𝔽.
        if n == f64::NEG_INFINITY {
            return -1.0;
        }
        // 5. Return an implementation-approximated Number value representing the hyperbolic tangent of ℝ(n).
        n.tanh()
    })
}

#[cfg(test)]
mod tests {
    use super::{inverse_hyperbolic_cosine, inverse_hyperbolic_sine};

    #[test]
    fn inverse_hyperbolic_functions_do_not_overflow() {
        assert_eq!(inverse_hyperbolic_cosine(f64::MAX), 710.4758600739439);
        assert_eq!(inverse_hyperbolic_sine(-f64::MAX), -710.4758600739439);
        assert_eq!(inverse_hyperbolic_cosine(100.0), 5.298292365610484);
        assert_eq!(inverse_hyperbolic_sine(1e-300), 1e-300);
        assert!((inverse_hyperbolic_cosine(1.5) - 0.9624236501192069).abs() < 1e-15);
        assert!((inverse_hyperbolic_sine(1.0) - 0.881373587019543).abs() < 1e-15);
    }
}
