//! ### [Table 71: The TypedArray Constructors](https://tc39.es/ecma262/#table-the-typedarray-constructors)
//!
//! The element types, their sizes and conversion operations, and the raw-byte
//! conversions of [25.1.3 Abstract Operations For ArrayBuffer Objects](https://tc39.es/ecma262/#sec-abstract-operations-for-arraybuffer-objects):
//! NumericToRawBytes and RawBytesToNumeric (with Float16 written here,
//! rounding to nearest, ties to even).

use num_bigint::BigInt;

use crate::ecmascript::abstract_operations::{
    f64_to_int32, f64_to_uint32, to_big_int64, to_number,
};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::Value;
use crate::engine::{GcScope, NoGcScope};

/// An element type of a TypedArray (`[[TypedArrayName]]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElementType {
    /// `Int8Array`
    Int8,
    /// `Uint8Array`
    Uint8,
    /// `Uint8ClampedArray`
    Uint8Clamped,
    /// `Int16Array`
    Int16,
    /// `Uint16Array`
    Uint16,
    /// `Int32Array`
    Int32,
    /// `Uint32Array`
    Uint32,
    /// `Float16Array`
    Float16,
    /// `Float32Array`
    Float32,
    /// `Float64Array`
    Float64,
    /// `BigInt64Array`
    BigInt64,
    /// `BigUint64Array`
    BigUint64,
}

/// A numeric value on its way into or out of a buffer: a Number, or a BigInt
/// already reduced to 64 bits (as the two's complement bit pattern).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Numeric {
    /// A Number.
    Number(f64),
    /// A BigInt modulo 2^64.
    BigInt(u64),
}

impl ElementType {
    /// Every element type, in the order of Table 71.
    pub const ALL: [ElementType; 12] = [
        ElementType::Int8,
        ElementType::Uint8,
        ElementType::Uint8Clamped,
        ElementType::Int16,
        ElementType::Uint16,
        ElementType::Int32,
        ElementType::Uint32,
        ElementType::Float16,
        ElementType::Float32,
        ElementType::Float64,
        ElementType::BigInt64,
        ElementType::BigUint64,
    ];

    /// The Element Size column.
    #[inline]
    pub fn size(self) -> usize {
        match self {
            ElementType::Int8 | ElementType::Uint8 | ElementType::Uint8Clamped => 1,
            ElementType::Int16 | ElementType::Uint16 | ElementType::Float16 => 2,
            ElementType::Int32 | ElementType::Uint32 | ElementType::Float32 => 4,
            ElementType::Float64 | ElementType::BigInt64 | ElementType::BigUint64 => 8,
        }
    }

    /// The constructor name (`[[TypedArrayName]]`).
    pub fn name(self) -> &'static str {
        match self {
            ElementType::Int8 => "Int8Array",
            ElementType::Uint8 => "Uint8Array",
            ElementType::Uint8Clamped => "Uint8ClampedArray",
            ElementType::Int16 => "Int16Array",
            ElementType::Uint16 => "Uint16Array",
            ElementType::Int32 => "Int32Array",
            ElementType::Uint32 => "Uint32Array",
            ElementType::Float16 => "Float16Array",
            ElementType::Float32 => "Float32Array",
            ElementType::Float64 => "Float64Array",
            ElementType::BigInt64 => "BigInt64Array",
            ElementType::BigUint64 => "BigUint64Array",
        }
    }

    /// True if `[[ContentType]]` is bigint.
    #[inline]
    pub fn is_bigint(self) -> bool {
        matches!(self, ElementType::BigInt64 | ElementType::BigUint64)
    }

    /// The intrinsic constructor of this type.
    pub fn constructor(self) -> Intrinsic {
        match self {
            ElementType::Int8 => Intrinsic::Int8Array,
            ElementType::Uint8 => Intrinsic::Uint8Array,
            ElementType::Uint8Clamped => Intrinsic::Uint8ClampedArray,
            ElementType::Int16 => Intrinsic::Int16Array,
            ElementType::Uint16 => Intrinsic::Uint16Array,
            ElementType::Int32 => Intrinsic::Int32Array,
            ElementType::Uint32 => Intrinsic::Uint32Array,
            ElementType::Float16 => Intrinsic::Float16Array,
            ElementType::Float32 => Intrinsic::Float32Array,
            ElementType::Float64 => Intrinsic::Float64Array,
            ElementType::BigInt64 => Intrinsic::BigInt64Array,
            ElementType::BigUint64 => Intrinsic::BigUint64Array,
        }
    }

    /// The intrinsic prototype of this type.
    pub fn prototype(self) -> Intrinsic {
        match self {
            ElementType::Int8 => Intrinsic::Int8ArrayPrototype,
            ElementType::Uint8 => Intrinsic::Uint8ArrayPrototype,
            ElementType::Uint8Clamped => Intrinsic::Uint8ClampedArrayPrototype,
            ElementType::Int16 => Intrinsic::Int16ArrayPrototype,
            ElementType::Uint16 => Intrinsic::Uint16ArrayPrototype,
            ElementType::Int32 => Intrinsic::Int32ArrayPrototype,
            ElementType::Uint32 => Intrinsic::Uint32ArrayPrototype,
            ElementType::Float16 => Intrinsic::Float16ArrayPrototype,
            ElementType::Float32 => Intrinsic::Float32ArrayPrototype,
            ElementType::Float64 => Intrinsic::Float64ArrayPrototype,
            ElementType::BigInt64 => Intrinsic::BigInt64ArrayPrototype,
            ElementType::BigUint64 => Intrinsic::BigUint64ArrayPrototype,
        }
    }

    /// Converts `value` for storing as this type: ToBigInt for bigint content,
    /// ToNumber otherwise (either may run JavaScript).
    pub fn to_numeric<'gc>(
        self,
        agent: &mut Agent,
        value: Value,
        gc: GcScope<'gc, '_>,
    ) -> JsResult<'gc, Numeric> {
        if self.is_bigint() {
            Ok(Numeric::BigInt(to_big_int64(agent, value, gc)? as u64))
        } else {
            Ok(Numeric::Number(to_number(agent, value, gc)?))
        }
    }

    /// Converts a primitive already known to be of the right content type
    /// (a Number, or a BigInt for bigint content) without running JavaScript.
    pub fn numeric_from_primitive(self, agent: &Agent, value: Value) -> Numeric {
        if self.is_bigint() {
            Numeric::BigInt(bigint_to_u64(&agent.bigint_value(value)))
        } else {
            Numeric::Number(agent.number_value(value))
        }
    }
}

/// ℝ(n) modulo 2^64.
pub fn bigint_to_u64(n: &BigInt) -> u64 {
    let truncated = n & BigInt::from(u64::MAX);
    truncated.iter_u64_digits().next().unwrap_or(0)
}

/// A language value for a numeric read from a buffer.
pub fn numeric_to_value<'a>(
    agent: &mut Agent,
    ty: ElementType,
    n: Numeric,
    gc: NoGcScope<'a, '_>,
) -> Value<'a> {
    match n {
        Numeric::Number(x) => agent.number(x, gc),
        Numeric::BigInt(bits) => {
            if ty == ElementType::BigUint64 {
                agent.bigint(BigInt::from(bits), gc)
            } else {
                agent.bigint(BigInt::from(bits as i64), gc)
            }
        }
    }
}

/// ### [7.1.12 ToUint8Clamp ( argument )](https://tc39.es/ecma262/#sec-touint8clamp) on a Number.
pub fn f64_to_uint8_clamp(number: f64) -> u8 {
    // 2. If number is NaN, return +0𝔽.
    if number.is_nan() {
        return 0;
    }
    // 3. Let mv be the extended mathematical value of number.
    // 4. Let clamped be the result of clamping mv between 0 and 255.
    let clamped = number.clamp(0.0, 255.0);
    // 5-9. Round to nearest, ties to even.
    clamped.round_ties_even() as u8
}

/// The IEEE 754-2019 binary16 encoding of `x`, rounding to nearest, ties to even.
pub fn f64_to_f16_bits(x: f64) -> u16 {
    let sign = ((x.to_bits() >> 48) & 0x8000) as u16;
    if x.is_nan() {
        return 0x7e00;
    }
    let a = x.abs();
    // Halfway between the largest finite half (65504) and 2^16 rounds to infinity.
    if a >= 65520.0 {
        return sign | 0x7c00;
    }
    // Subnormal halves: multiples of 2^-24 below 2^-14 (exact scaling, then rounding).
    if a < f64::powi(2.0, -14) {
        let m = (a * f64::powi(2.0, 24)).round_ties_even() as u16;
        return sign | m;
    }
    let bits = a.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64 - 1023;
    let fraction = bits & ((1u64 << 52) - 1);
    let mut q = fraction >> 42;
    let rest = fraction & ((1u64 << 42) - 1);
    let half = 1u64 << 41;
    if rest > half || (rest == half && q & 1 == 1) {
        q += 1;
    }
    // A carry out of the fraction moves into the exponent, as the encoding intends.
    sign | ((((exponent + 15) as u64) << 10) + q) as u16
}

/// The Number a binary16 encoding denotes.
pub fn f16_bits_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exponent = i32::from((h >> 10) & 0x1f);
    let fraction = f64::from(h & 0x3ff);
    let magnitude = match exponent {
        0 => fraction * f64::powi(2.0, -24),
        31 if fraction == 0.0 => f64::INFINITY,
        31 => return f64::NAN,
        _ => (1024.0 + fraction) * f64::powi(2.0, exponent - 25),
    };
    sign * magnitude
}

/// ### [25.1.3.15 RawBytesToNumeric ( type, rawBytes, isLittleEndian )](https://tc39.es/ecma262/#sec-rawbytestonumeric)
pub fn raw_bytes_to_numeric(ty: ElementType, bytes: &[u8], little_endian: bool) -> Numeric {
    // 1. Let elementSize be the Element Size value specified in Table 71 for Element Type type.
    // 2. If isLittleEndian is false, reverse the order of the elements of rawBytes.
    let mut raw = [0u8; 8];
    let size = ty.size();
    raw[..size].copy_from_slice(&bytes[..size]);
    if !little_endian {
        raw[..size].reverse();
    }
    // 3-9. Interpret the bytes as the type's encoding.
    match ty {
        ElementType::Int8 => Numeric::Number(f64::from(raw[0] as i8)),
        ElementType::Uint8 | ElementType::Uint8Clamped => Numeric::Number(f64::from(raw[0])),
        ElementType::Int16 => Numeric::Number(f64::from(i16::from_le_bytes([raw[0], raw[1]]))),
        ElementType::Uint16 => Numeric::Number(f64::from(u16::from_le_bytes([raw[0], raw[1]]))),
        ElementType::Int32 => Numeric::Number(f64::from(i32::from_le_bytes([
            raw[0], raw[1], raw[2], raw[3],
        ]))),
        ElementType::Uint32 => Numeric::Number(f64::from(u32::from_le_bytes([
            raw[0], raw[1], raw[2], raw[3],
        ]))),
        ElementType::Float16 => {
            Numeric::Number(f16_bits_to_f64(u16::from_le_bytes([raw[0], raw[1]])))
        }
        ElementType::Float32 => Numeric::Number(f64::from(f32::from_le_bytes([
            raw[0], raw[1], raw[2], raw[3],
        ]))),
        ElementType::Float64 => Numeric::Number(f64::from_le_bytes(raw)),
        ElementType::BigInt64 | ElementType::BigUint64 => Numeric::BigInt(u64::from_le_bytes(raw)),
    }
}

/// ### [25.1.3.18 NumericToRawBytes ( type, value, isLittleEndian )](https://tc39.es/ecma262/#sec-numerictorawbytes)
///
/// Writes the encoding of `value` into `out` (which holds at least the element size).
pub fn numeric_to_raw_bytes(ty: ElementType, value: Numeric, out: &mut [u8], little_endian: bool) {
    let size = ty.size();
    let mut raw = [0u8; 8];
    match (ty, value) {
        // 1. If type is float16, then
        //    a. Let rawBytes be a List whose elements are the 2 bytes that are the result of
        //       converting value to IEEE 754-2019 binary16 format using roundTiesToEven mode.
        (ElementType::Float16, Numeric::Number(x)) => {
            raw[..2].copy_from_slice(&f64_to_f16_bits(x).to_le_bytes());
        }
        // 2. Else if type is float32, then ... binary32 using roundTiesToEven mode.
        (ElementType::Float32, Numeric::Number(x)) => {
            raw[..4].copy_from_slice(&(x as f32).to_le_bytes());
        }
        // 3. Else if type is float64, then ... binary64.
        (ElementType::Float64, Numeric::Number(x)) => raw = x.to_le_bytes(),
        // 4. Else,
        //    a. Let n be the Element Size value specified in Table 71 for Element Type type.
        //    b. Let conversionOperation be the abstract operation named in the Conversion
        //       Operation column in Table 71 for Element Type type.
        //    c. Let intValue be ℝ(conversionOperation(value)).
        //    d. If intValue ≥ 0, then ... else ... (two's complement little-endian bytes)
        (ElementType::Uint8Clamped, Numeric::Number(x)) => raw[0] = f64_to_uint8_clamp(x),
        (ElementType::Int32 | ElementType::Int16 | ElementType::Int8, Numeric::Number(x)) => {
            raw[..4].copy_from_slice(&f64_to_int32(x).to_le_bytes());
        }
        (_, Numeric::Number(x)) => raw[..4].copy_from_slice(&f64_to_uint32(x).to_le_bytes()),
        (_, Numeric::BigInt(bits)) => raw = bits.to_le_bytes(),
    }
    // 5. If isLittleEndian is false, reverse the order of the elements of rawBytes.
    if !little_endian {
        raw[..size].reverse();
    }
    // 6. Return rawBytes.
    out[..size].copy_from_slice(&raw[..size]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float16_rounds_to_nearest_even() {
        assert_eq!(f64_to_f16_bits(1.0), 0x3c00);
        assert_eq!(f64_to_f16_bits(-2.0), 0xc000);
        assert_eq!(f64_to_f16_bits(65504.0), 0x7bff);
        assert_eq!(f64_to_f16_bits(65519.99), 0x7bff);
        assert_eq!(f64_to_f16_bits(65520.0), 0x7c00);
        assert_eq!(f64_to_f16_bits(f64::powi(2.0, -24)), 0x0001);
        assert_eq!(f64_to_f16_bits(f64::powi(2.0, -25)), 0x0000);
        assert_eq!(f64_to_f16_bits(f64::powi(2.0, -25) * 1.5), 0x0001);
        assert_eq!(f64_to_f16_bits(-0.0), 0x8000);
        // 1 + 2^-11 is halfway between 1 and 1 + 2^-10: ties to even (1).
        assert_eq!(f64_to_f16_bits(1.0 + f64::powi(2.0, -11)), 0x3c00);
        assert_eq!(f64_to_f16_bits(1.0 + 3.0 * f64::powi(2.0, -11)), 0x3c02);
        for h in 0u16..0x7c00 {
            assert_eq!(f64_to_f16_bits(f16_bits_to_f64(h)), h);
        }
    }

    #[test]
    fn clamping_rounds_half_to_even() {
        assert_eq!(f64_to_uint8_clamp(2.5), 2);
        assert_eq!(f64_to_uint8_clamp(3.5), 4);
        assert_eq!(f64_to_uint8_clamp(-3.0), 0);
        assert_eq!(f64_to_uint8_clamp(300.0), 255);
    }

    #[test]
    fn raw_bytes_round_trip() {
        let mut out = [0u8; 8];
        numeric_to_raw_bytes(ElementType::Int16, Numeric::Number(-2.0), &mut out, false);
        assert_eq!(&out[..2], &[0xff, 0xfe]);
        assert_eq!(
            raw_bytes_to_numeric(ElementType::Int16, &out, false),
            Numeric::Number(-2.0)
        );
        numeric_to_raw_bytes(ElementType::Uint8, Numeric::Number(257.0), &mut out, true);
        assert_eq!(out[0], 1);
    }
}
