//! Number::toString and BigInt::toString for any radix:
//! [6.1.6.1.20 Number::toString ( x, radix )](https://tc39.es/ecma262/#sec-numeric-types-number-tostring)
//! and [6.1.6.2.21 BigInt::toString ( x, radix )](https://tc39.es/ecma262/#sec-numeric-types-bigint-tostring).
//!
//! Radix 10 uses ryu-js (shortest round-trip digits in the spec's layout). For
//! the other radixes the shortest digit string that reads back as `x` is found
//! exactly with big-integer arithmetic: the value and the two midpoints to its
//! neighbours are kept as fractions over a common denominator, and digits are
//! produced until the digits so far (possibly rounded up) fall between the
//! midpoints.

use num_bigint::{BigInt, BigUint};

use super::type_conversion::number_to_string;

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// ### [6.1.6.1.20 Number::toString ( x, radix )](https://tc39.es/ecma262/#sec-numeric-types-number-tostring)
///
/// `radix` must be in the inclusive interval from 2 to 36.
pub fn number_to_string_radix(x: f64, radix: u32) -> String {
    if radix == 10 {
        return number_to_string(x);
    }
    // 1. If x is NaN, return "NaN".
    if x.is_nan() {
        return "NaN".to_owned();
    }
    // 2. If x is either +0𝔽 or -0𝔽, return "0".
    if x == 0.0 {
        return "0".to_owned();
    }
    // 3. If x < -0𝔽, return the string-concatenation of "-" and Number::toString(-x, radix).
    if x < 0.0 {
        return format!("-{}", number_to_string_radix(-x, radix));
    }
    // 4. If x is +∞𝔽, return "Infinity".
    if x.is_infinite() {
        return "Infinity".to_owned();
    }
    // 5. Let n, k, and s be integers such that k ≥ 1, radix^(k - 1) ≤ s < radix^k,
    //    𝔽(s × radix^(n - k)) is x, and k is as small as possible.
    let (digits, n) = shortest_digits(x, radix);
    let k = digits.len() as i64;
    let digits = String::from_utf8(digits).unwrap_or_default();
    // 6. If radix ≠ 10 or n is in the inclusive interval from -5 to 21, then
    if n >= k {
        // a. If n ≥ k, then return the k digits of s followed by n - k zeroes.
        let mut out = digits;
        out.extend(std::iter::repeat_n('0', (n - k) as usize));
        out
    } else if n > 0 {
        // b. Else if n > 0, return the most significant n digits, ".", and the remaining k - n digits.
        let (int_part, frac_part) = digits.split_at(n as usize);
        format!("{int_part}.{frac_part}")
    } else {
        // c. Else, return "0.", -n zeroes, and the k digits of s.
        let mut out = String::from("0.");
        out.extend(std::iter::repeat_n('0', (-n) as usize));
        out.push_str(&digits);
        out
    }
    // 7-11. (Exponential notation is only used for radix 10.)
}

/// The shortest digits (ASCII, most significant first) of a positive finite
/// `x` in `radix`, and the exponent `n` with x ≈ 0.d₁d₂… × radix^n. Among
/// equally short candidates the closest to `x` is chosen (ties: even digit).
fn shortest_digits(x: f64, radix: u32) -> (Vec<u8>, i64) {
    let bits = x.to_bits();
    let biased_exponent = ((bits >> 52) & 0x7FF) as i64;
    let fraction = bits & 0x000F_FFFF_FFFF_FFFF;
    let (mantissa, exponent) = if biased_exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased_exponent - 1075)
    };
    // The gap to the next lower Number is half as wide at a power of two.
    let asymmetric = fraction == 0 && biased_exponent > 1;
    // A string exactly on a midpoint reads back with ties-to-even: the
    // midpoints belong to x when its mantissa is even.
    let inclusive = mantissa % 2 == 0;
    // x = r / s; the midpoints are (r - m_minus) / s and (r + m_plus) / s.
    let mantissa = BigUint::from(mantissa);
    let one = BigUint::from(1u32);
    let (mut r, mut s, mut m_plus, mut m_minus) = if exponent >= 0 {
        let unit = &one << exponent as usize;
        if asymmetric {
            (
                (&mantissa << (exponent as usize + 2)),
                BigUint::from(4u32),
                &unit << 1usize,
                unit,
            )
        } else {
            (
                (&mantissa << (exponent as usize + 1)),
                BigUint::from(2u32),
                unit.clone(),
                unit,
            )
        }
    } else if asymmetric {
        (
            &mantissa << 2usize,
            &one << (2 - exponent) as usize,
            BigUint::from(2u32),
            one.clone(),
        )
    } else {
        (
            &mantissa << 1usize,
            &one << (1 - exponent) as usize,
            one.clone(),
            one.clone(),
        )
    };
    let big_radix = BigUint::from(radix);
    // The upper midpoint must lie below radix^n (at or below when it is not
    // part of x's interval): estimate n from the logarithm, then correct it.
    let mut n = (x.log2() / f64::from(radix).log2()).ceil() as i64;
    let pow = |e: i64| big_radix.pow(e.unsigned_abs() as u32);
    let fits_below = |r: &BigUint, s: &BigUint, m_plus: &BigUint, n: i64| {
        // (r + m_plus) / s compared with radix^n.
        let (lhs, rhs) = if n >= 0 {
            (r + m_plus, s * pow(n))
        } else {
            ((r + m_plus) * pow(n), s.clone())
        };
        if inclusive { lhs < rhs } else { lhs <= rhs }
    };
    while !fits_below(&r, &s, &m_plus, n) {
        n += 1;
    }
    while fits_below(&r, &s, &m_plus, n - 1) {
        n -= 1;
    }
    // Scale so that x = (r / s) × radix^n with r / s < 1.
    if n >= 0 {
        s *= pow(n);
    } else {
        let scale = pow(n);
        r *= &scale;
        m_plus *= &scale;
        m_minus *= &scale;
    }
    let mut digits = Vec::new();
    loop {
        r *= &big_radix;
        m_plus *= &big_radix;
        m_minus *= &big_radix;
        let digit = &r / &s;
        r -= &digit * &s;
        let digit = digit.iter_u32_digits().next().unwrap_or(0) as usize;
        // Stopping here keeps the value above the lower midpoint?
        let low = if inclusive { r <= m_minus } else { r < m_minus };
        // Rounding this digit up stays below the upper midpoint?
        let high = if inclusive {
            &r + &m_plus >= s
        } else {
            &r + &m_plus > s
        };
        let digit = match (low, high) {
            (false, false) => {
                digits.push(DIGITS[digit]);
                continue;
            }
            (true, false) => digit,
            (false, true) => digit + 1,
            (true, true) => {
                let twice = &r << 1usize;
                if twice < s || (twice == s && digit.is_multiple_of(2)) {
                    digit
                } else {
                    digit + 1
                }
            }
        };
        digits.push(DIGITS[digit.min(35)]);
        break;
    }
    // Rounding up may leave trailing zeroes (s is never divisible by radix).
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, n)
}

/// ### [6.1.6.2.21 BigInt::toString ( x, radix )](https://tc39.es/ecma262/#sec-numeric-types-bigint-tostring)
///
/// `radix` must be in the inclusive interval from 2 to 36.
pub fn bigint_to_string_radix(x: &BigInt, radix: u32) -> String {
    // 1. If x < 0ℤ, return the string-concatenation of "-" and BigInt::toString(-x, radix).
    // 2. Return the String value consisting of the representation of x using radix radix.
    x.to_str_radix(radix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_in_other_radixes() {
        assert_eq!(number_to_string_radix(255.0, 16), "ff");
        assert_eq!(number_to_string_radix(-255.0, 2), "-11111111");
        assert_eq!(number_to_string_radix(35.0, 36), "z");
        assert_eq!(number_to_string_radix(1e21, 16), "3635c9adc5dea00000");
        assert_eq!(number_to_string_radix(2f64.powi(60), 2).len(), 61);
    }

    #[test]
    fn fractions_in_other_radixes() {
        assert_eq!(number_to_string_radix(0.5, 2), "0.1");
        assert_eq!(
            number_to_string_radix(0.5, 3),
            "0.1111111111111111111111111111111112"
        );
        assert_eq!(number_to_string_radix(-0.25, 16), "-0.4");
        assert_eq!(number_to_string_radix(3.75, 8), "3.6");
        assert_eq!(number_to_string_radix(0.1, 2).len(), 2 + 55);
        let tiny = number_to_string_radix(5e-324, 2);
        assert_eq!(tiny.len(), 2 + 1074);
        assert!(tiny.ends_with('1'));
    }

    #[test]
    fn shortest_digits_read_back() {
        for &(x, radix) in &[
            (0.1, 3),
            (123.456, 7),
            (1e-10, 36),
            (1.7976931348623157e308, 36),
        ] {
            let text = number_to_string_radix(x, radix);
            let (int_part, frac_part) = text.split_once('.').unwrap_or((&text, ""));
            let mut value = BigUint::parse_bytes(int_part.as_bytes(), radix)
                .map(|v| super::super::type_conversion::biguint_to_f64(&v))
                .unwrap_or(0.0);
            let mut scale = 1.0 / f64::from(radix);
            for c in frac_part.chars() {
                value += f64::from(c.to_digit(radix).unwrap_or(0)) * scale;
                scale /= f64::from(radix);
            }
            assert!(
                (value - x).abs() <= x * 1e-12,
                "{x} in radix {radix}: {text}"
            );
        }
    }

    #[test]
    fn bigints_in_other_radixes() {
        assert_eq!(bigint_to_string_radix(&BigInt::from(-255), 16), "-ff");
        assert_eq!(bigint_to_string_radix(&BigInt::from(0), 2), "0");
    }
}
