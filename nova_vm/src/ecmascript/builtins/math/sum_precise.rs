//! ### [21.3.2.34 Math.sumPrecise ( items )](https://tc39.es/ecma262/#sec-math.sumprecise)
//!
//! The sum is exact: every finite Number is an integer multiple of 2^-1074
//! (the smallest subnormal) below 2^1024, so the running total is kept as a big
//! integer count of 2^-1074 units, and rounded to a Number (ties to even) once
//! at the end.

use num_bigint::{BigInt, BigUint, Sign};

use crate::ecmascript::abstract_operations::require_object_coercible;
use crate::ecmascript::abstract_operations::{
    get_iterator, iterator_close_on_error, iterator_step_value,
};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::Value;
use crate::engine::{Bindable, GcScope, Rootable};

/// The state of the summation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// ~minus-zero~: nothing but -0𝔽 seen so far.
    MinusZero,
    /// ~finite~
    Finite,
    /// ~plus-infinity~
    PlusInfinity,
    /// ~minus-infinity~
    MinusInfinity,
    /// ~not-a-number~
    NotANumber,
}

/// ### [21.3.2.34 Math.sumPrecise ( items )](https://tc39.es/ecma262/#sec-math.sumprecise)
pub(super) fn sum_precise<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let items = args.get(0).bind(gc.nogc());
    // 1. Perform ? RequireObjectCoercible(items).
    require_object_coercible(agent, items, gc.nogc())?;
    // 2. Let iteratorRecord be ? GetIterator(items, sync).
    let (iterator, next_method) = get_iterator(agent, items.unbind(), gc.reborrow())?;
    let (iterator, next_method) = (iterator.unbind(), next_method.unbind());
    let iterator = iterator.scope(agent, gc.nogc());
    let next_method = next_method.scope(agent, gc.nogc());
    // 3. Let state be minus-zero.
    let mut state = State::MinusZero;
    // 4. Let sum be 0.
    let mut sum = BigInt::default();
    // 5. Let count be 0.
    let mut count: u64 = 0;
    // 6. Let next be not-started.
    // 7. Repeat, while next is not done,
    //    a. Set next to ? IteratorStepValue(iteratorRecord).
    //    b. If next is not done, then
    while let Some(next) = iterator_step_value(
        agent,
        iterator.get(agent),
        next_method.get(agent),
        gc.reborrow(),
    )? {
        let next = next.unbind();
        // i. Set count to count + 1.
        count += 1;
        // ii. If count ≥ 2^53, then
        //     1. Let error be ThrowCompletion(a newly created RangeError object).
        //     2. Return ? IteratorClose(iteratorRecord, error).
        // iii. NOTE: The above case is not expected to be reached in practice and is included
        //      only so that implementations may rely on inputs being "reasonably sized"
        //      without violating this specification.
        if count >= 1 << 53 {
            let error = agent.throw_range_error("Math.sumPrecise: too many values", gc.nogc());
            return Err(iterator_close_on_error(
                agent,
                iterator.get(agent),
                error,
                gc.reborrow(),
            ));
        }
        // iv. If next is not a Number, then
        if !next.is_number() {
            // 1. Let error be ThrowCompletion(a newly created TypeError object).
            // 2. Return ? IteratorClose(iteratorRecord, error).
            let error =
                agent.throw_type_error("Math.sumPrecise: every value must be a Number", gc.nogc());
            return Err(iterator_close_on_error(
                agent,
                iterator.get(agent),
                error,
                gc.reborrow(),
            ));
        }
        // v. Let n be next.
        let n = agent.number_value(next);
        // vi. If state is not not-a-number, then
        if state != State::NotANumber {
            if n.is_nan() {
                // 1. If n is NaN, then
                //    a. Set state to not-a-number.
                state = State::NotANumber;
            } else if n == f64::INFINITY {
                // 2. Else if n is +∞𝔽, then
                //    a. If state is minus-infinity, set state to not-a-number.
                //    b. Else, set state to plus-infinity.
                state = if state == State::MinusInfinity {
                    State::NotANumber
                } else {
                    State::PlusInfinity
                };
            } else if n == f64::NEG_INFINITY {
                // 3. Else if n is -∞𝔽, then
                //    a. If state is plus-infinity, set state to not-a-number.
                //    b. Else, set state to minus-infinity.
                state = if state == State::PlusInfinity {
                    State::NotANumber
                } else {
                    State::MinusInfinity
                };
            } else if !(n == 0.0 && n.is_sign_negative())
                && matches!(state, State::MinusZero | State::Finite)
            {
                // 4. Else if n is not -0𝔽 and state is either minus-zero or finite, then
                //    a. Set state to finite.
                state = State::Finite;
                //    b. Set sum to sum + ℝ(n).
                add_exactly(&mut sum, n);
            }
        }
    }
    let result = match state {
        // 8. If state is not-a-number, return NaN.
        State::NotANumber => f64::NAN,
        // 9. If state is plus-infinity, return +∞𝔽.
        State::PlusInfinity => f64::INFINITY,
        // 10. If state is minus-infinity, return -∞𝔽.
        State::MinusInfinity => f64::NEG_INFINITY,
        // 11. If state is minus-zero, return -0𝔽.
        State::MinusZero => -0.0,
        // 12. Return 𝔽(sum).
        State::Finite => units_to_f64(&sum),
    };
    Ok(agent.number(result, gc.into_nogc()))
}

/// Adds a finite `n` to a total counted in units of 2^-1074.
fn add_exactly(total: &mut BigInt, n: f64) {
    let bits = n.to_bits();
    let biased_exponent = (bits >> 52) & 0x7FF;
    let fraction = bits & 0x000F_FFFF_FFFF_FFFF;
    // n = mantissa × 2^(shift - 1074).
    let (mantissa, shift) = if biased_exponent == 0 {
        (fraction, 0)
    } else {
        (fraction | (1 << 52), biased_exponent - 1)
    };
    let term = BigInt::from(mantissa) << shift as usize;
    if n < 0.0 {
        *total -= term;
    } else {
        *total += term;
    }
}

/// 𝔽(total × 2^-1074): the nearest Number, ties to even, ±∞ beyond the range.
fn units_to_f64(total: &BigInt) -> f64 {
    let magnitude = units_magnitude_to_f64(total.magnitude());
    if total.sign() == Sign::Minus {
        -magnitude
    } else {
        magnitude
    }
}

fn units_magnitude_to_f64(units: &BigUint) -> f64 {
    let length = units.bits();
    if length <= 53 {
        // Fewer than 53 significant bits: exactly representable (possibly subnormal).
        let small = units.iter_u64_digits().next().unwrap_or(0);
        return small as f64 * f64::from_bits(1);
    }
    // Keep the top 53 bits and round on the rest.
    let mut shift = length - 53;
    let mut top = (units >> shift as usize)
        .iter_u64_digits()
        .next()
        .unwrap_or(0);
    let round_bit = units.bit(shift - 1);
    let sticky = units
        .trailing_zeros()
        .is_some_and(|zeros| zeros < shift - 1);
    if round_bit && (sticky || top & 1 == 1) {
        top += 1;
        if top == 1 << 53 {
            top >>= 1;
            shift += 1;
        }
    }
    // value = top × 2^(shift - 1074) with 2^52 ≤ top < 2^53.
    let biased_exponent = shift + 1;
    if biased_exponent >= 0x7FF {
        return f64::INFINITY;
    }
    f64::from_bits((biased_exponent << 52) | (top & 0x000F_FFFF_FFFF_FFFF))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact_sum(values: &[f64]) -> f64 {
        let mut total = BigInt::default();
        for &v in values {
            add_exactly(&mut total, v);
        }
        units_to_f64(&total)
    }

    #[test]
    fn sums_are_exact() {
        assert_eq!(exact_sum(&[0.1, 0.2]), 0.30000000000000004);
        assert_eq!(exact_sum(&[1e20, 0.1, -1e20]), 0.1);
        assert_eq!(exact_sum(&[1e308, 1e308, -1e308]), 1e308);
        assert_eq!(exact_sum(&[f64::MAX, f64::MAX]), f64::INFINITY);
        assert_eq!(exact_sum(&[5e-324, 5e-324]), 1e-323);
        assert_eq!(exact_sum(&[-5e-324]), -5e-324);
        assert_eq!(exact_sum(&[1.0, -1.0]), 0.0);
        assert!(exact_sum(&[1.0, -1.0]).is_sign_positive());
        // 2^53 + 1 + 1 (ties to even at each step would lose both ones).
        assert_eq!(
            exact_sum(&[9007199254740992.0, 1.0, 1.0]),
            9007199254740994.0
        );
        // A tie is broken towards the even mantissa.
        assert_eq!(exact_sum(&[9007199254740992.0, 1.0]), 9007199254740992.0);
        assert_eq!(exact_sum(&[9007199254740994.0, 1.0]), 9007199254740996.0);
        // Just beyond the tie rounds up.
        assert_eq!(
            exact_sum(&[9007199254740992.0, 1.0, 2f64.powi(-30)]),
            9007199254740994.0
        );
        // Rounding up into the next power of two.
        assert_eq!(exact_sum(&[f64::MAX, 2f64.powi(970)]), f64::INFINITY);
        assert_eq!(exact_sum(&[f64::MAX, 2f64.powi(969)]), f64::MAX);
    }
}
