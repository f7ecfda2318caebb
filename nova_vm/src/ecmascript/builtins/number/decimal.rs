//! Exact decimal digits of Numbers, for `toFixed`, `toExponential` and
//! `toPrecision`.
//!
//! Every finite double is a finite decimal fraction (2^-k = 5^k / 10^k), so its
//! complete decimal expansion is computed exactly with big-integer arithmetic
//! and then rounded as a digit string. Those methods resolve ties by picking
//! the larger candidate, which on exact digits is "round half up".

use num_bigint::BigUint;

/// The exact decimal expansion of a positive finite Number:
/// x = 0.d₁d₂…dₖ × 10^point, with d₁ ≠ 0 and dₖ ≠ 0.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct ExactDecimal {
    /// The significant digits, ASCII.
    pub digits: Vec<u8>,
    /// Where the decimal point goes.
    pub point: i64,
}

impl ExactDecimal {
    /// Expands a positive finite `x`.
    pub fn new(x: f64) -> ExactDecimal {
        let bits = x.to_bits();
        let biased_exponent = ((bits >> 52) & 0x7FF) as i64;
        let fraction = bits & 0x000F_FFFF_FFFF_FFFF;
        let (mantissa, exponent) = if biased_exponent == 0 {
            (fraction, -1074)
        } else {
            (fraction | (1 << 52), biased_exponent - 1075)
        };
        let mantissa = BigUint::from(mantissa);
        let (integer, scale) = if exponent >= 0 {
            // x = mantissa × 2^exponent is an integer.
            (mantissa << exponent as usize, 0)
        } else {
            // x = mantissa × 5^-exponent / 10^-exponent.
            (
                mantissa * BigUint::from(5u32).pow((-exponent) as u32),
                -exponent,
            )
        };
        let mut digits = integer.to_str_radix(10).into_bytes();
        let point = digits.len() as i64 - scale;
        while digits.last() == Some(&b'0') {
            digits.pop();
        }
        ExactDecimal { digits, point }
    }

    /// The first `count` significant digits, rounded half up; `count` may be
    /// zero or negative (then the result has no digits, or the single digit 1
    /// if rounding carried into a new leading position). The second value is
    /// the decimal point of the rounded digits.
    pub fn round_to(&self, count: i64) -> (Vec<u8>, i64) {
        if count < 0 {
            // The first dropped digit is a leading zero: round down to nothing.
            return (Vec::new(), self.point);
        }
        let count = count as usize;
        let mut kept: Vec<u8> = self.digits.iter().copied().take(count).collect();
        kept.resize(count, b'0');
        let round_up = self.digits.get(count).is_some_and(|&d| d >= b'5');
        if !round_up {
            return (kept, self.point);
        }
        // Add one unit in the last kept place, carrying through nines.
        for digit in kept.iter_mut().rev() {
            if *digit == b'9' {
                *digit = b'0';
            } else {
                *digit += 1;
                return (kept, self.point);
            }
        }
        // Every kept digit was a nine (or none was kept): 10…0 with one more digit.
        kept.insert(0, b'1');
        if count > 0 {
            kept.pop();
        }
        (kept, self.point + 1)
    }
}

/// The shortest decimal digits that identify `x` (positive, finite), and the
/// exponent e with x ≈ d₁.d₂… × 10^e. Among equally short candidates the
/// closest to x is chosen, ties to even, as for Number::toString.
pub(super) fn shortest_decimal(x: f64) -> (Vec<u8>, i64) {
    // ryu-js prints those digits in the layout of Number::toString, e.g.
    // "123.456", "1e+21", "1.5e-7" or "0.000001".
    let mut buffer = ryu_js::Buffer::new();
    let text = buffer.format_finite(x);
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text, "0"));
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let integer_length = mantissa.split('.').next().unwrap_or("").len() as i64;
    let all_digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    let leading_zeros = all_digits.iter().take_while(|&&d| d == b'0').count();
    let mut digits = all_digits[leading_zeros..].to_vec();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    // x = 0.digits × 10^point.
    let point = integer_length + exponent - leading_zeros as i64;
    (digits, point - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(digits: &[u8]) -> &str {
        std::str::from_utf8(digits).unwrap_or("")
    }

    #[test]
    fn expansion_is_exact() {
        let d = ExactDecimal::new(0.1);
        assert_eq!(
            text(&d.digits),
            "1000000000000000055511151231257827021181583404541015625"
        );
        assert_eq!(d.point, 0);
        let d = ExactDecimal::new(1000000000000000128.0);
        assert_eq!(text(&d.digits), "1000000000000000128");
        assert_eq!(d.point, 19);
        let d = ExactDecimal::new(123.0);
        assert_eq!((text(&d.digits), d.point), ("123", 3));
        let d = ExactDecimal::new(5e-324);
        assert_eq!(d.point, -323);
        assert_eq!(&d.digits[..5], b"49406");
    }

    #[test]
    fn rounding_is_half_up() {
        let d = ExactDecimal::new(0.5);
        assert_eq!(d.round_to(0), (b"1".to_vec(), 1));
        assert_eq!(d.round_to(-1), (Vec::new(), 0));
        let d = ExactDecimal::new(9.96);
        assert_eq!(d.round_to(2), (b"10".to_vec(), 2));
        assert_eq!(d.round_to(5), (b"99600".to_vec(), 1));
        let d = ExactDecimal::new(1.45);
        // 1.45 is 1.4499999999999999555910790149937…
        assert_eq!(d.round_to(2), (b"14".to_vec(), 1));
    }

    #[test]
    fn shortest_digits() {
        assert_eq!(shortest_decimal(123.456), (b"123456".to_vec(), 2));
        assert_eq!(shortest_decimal(1e21), (b"1".to_vec(), 21));
        assert_eq!(shortest_decimal(5e-324), (b"5".to_vec(), -324));
        assert_eq!(shortest_decimal(0.000001), (b"1".to_vec(), -6));
        assert_eq!(shortest_decimal(1.5e-7), (b"15".to_vec(), -7));
        assert_eq!(shortest_decimal(1200.0), (b"12".to_vec(), 3));
        // Two candidates are equally close: the even one, as in ToString.
        assert_eq!(
            shortest_decimal(19.957351684570312),
            (b"19957351684570312".to_vec(), 1)
        );
    }
}
