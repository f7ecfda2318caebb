//! ### [6.1 ECMAScript Language Types](https://tc39.es/ecma262/#sec-ecmascript-language-types)
//!
//! [`Value`] is the 8-byte representation of every ECMAScript language value.
//! Immediates (undefined, null, booleans, int32 numbers, doubles whose low eight
//! mantissa bits are zero, strings of up to seven UTF-8 bytes, int32 BigInts)
//! live inline; everything else is a typed 32-bit handle into an arena.
//!
//! Representations are canonical: a number that is an int32 (and not -0) is
//! always `Integer`, a double that fits `SmallF64` is never heap-allocated, a
//! well-formed string of at most seven bytes is always `SmallString`, and a
//! BigInt that fits in an `i32` is always `SmallBigInt`. So two values of the
//! same kind can be compared representation-first.

use super::handle::define_handle;
use crate::ecmascript::execution::heap_layout::arena_ids;
use crate::engine::{Bindable, NoGcScope};
use crate::heap::{HandleVisitor, Trace};

define_handle!(
    /// Handle to an object record (ordinary or exotic).
    Object,
    arena_ids::OBJECTS
);
define_handle!(
    /// Handle to a heap string (longer than seven bytes or not well-formed).
    HeapString,
    arena_ids::STRINGS
);
define_handle!(
    /// Handle to a Symbol record.
    Symbol,
    arena_ids::SYMBOLS
);
define_handle!(
    /// Handle to a heap-allocated f64 (one that does not fit inline).
    HeapNumber,
    arena_ids::NUMBERS
);
define_handle!(
    /// Handle to a heap BigInt (one that does not fit in an `i32`).
    HeapBigInt,
    arena_ids::BIGINTS
);

/// A well-formed string of at most seven UTF-8 bytes stored inline; unused
/// bytes are `0xFF`, which never occurs in UTF-8.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SmallString([u8; 7]);

impl SmallString {
    /// The empty string.
    pub const EMPTY: SmallString = SmallString([0xFF; 7]);

    /// Stores `s` inline if it is at most seven bytes long.
    #[inline]
    pub fn try_from_str(s: &str) -> Option<SmallString> {
        let bytes = s.as_bytes();
        if bytes.len() > 7 {
            return None;
        }
        let mut data = [0xFF; 7];
        data[..bytes.len()].copy_from_slice(bytes);
        Some(SmallString(data))
    }

    /// Byte length.
    #[inline]
    pub fn len(&self) -> usize {
        self.0.iter().position(|&b| b == 0xFF).unwrap_or(7)
    }

    /// True for the empty string.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.0[0] == 0xFF
    }

    /// The UTF-8 text.
    #[inline]
    pub fn as_str(&self) -> &str {
        // The constructor only stores the bytes of a `&str` and 0xFF padding.
        std::str::from_utf8(&self.0[..self.len()]).expect("small string holds UTF-8")
    }
}

impl std::fmt::Debug for SmallString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

/// An f64 whose lowest eight mantissa bits are zero, stored in seven bytes.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct SmallF64([u8; 7]);

impl SmallF64 {
    /// Stores `value` inline if its low eight bits are zero.
    #[inline]
    pub fn try_from_f64(value: f64) -> Option<SmallF64> {
        let bits = value.to_bits();
        if bits & 0xFF != 0 {
            return None;
        }
        let bytes = (bits >> 8).to_le_bytes();
        let mut data = [0u8; 7];
        data.copy_from_slice(&bytes[..7]);
        Some(SmallF64(data))
    }

    /// The stored number.
    #[inline]
    pub fn to_f64(self) -> f64 {
        let mut bytes = [0u8; 8];
        bytes[..7].copy_from_slice(&self.0);
        f64::from_bits(u64::from_le_bytes(bytes) << 8)
    }
}

impl std::fmt::Debug for SmallF64 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.to_f64())
    }
}

/// An ECMAScript language value.
///
/// `#[repr(u8)]` fixes the layout: a tag byte (the discriminants below)
/// followed by each variant's payload laid out as in a `#[repr(C)]` struct
/// of the tag and the payload: `Boolean`'s byte at offset 1, the seven-byte
/// inline payloads at 1..8, the 32-bit payloads (integers and handles) at
/// 4..8. [`Value::store_integer`] and [`Value::store_boolean`] rely on it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
#[repr(u8)]
#[repr(align(8))]
pub enum Value<'a> {
    /// `undefined`
    #[default]
    Undefined = 0,
    /// `null`
    Null = 1,
    /// `true` or `false`
    Boolean(bool) = BOOLEAN_TAG,
    /// A string of at most seven UTF-8 bytes.
    SmallString(SmallString) = 3,
    /// Any other string.
    String(HeapString<'a>) = 4,
    /// A Symbol.
    Symbol(Symbol<'a>) = 5,
    /// A Number that is an int32 other than -0.
    Integer(i32) = INTEGER_TAG,
    /// A Number stored inline as a truncated f64.
    SmallF64(SmallF64) = 7,
    /// Any other Number.
    Number(HeapNumber<'a>) = 8,
    /// A BigInt that fits in an `i32`.
    SmallBigInt(i32) = 9,
    /// Any other BigInt.
    BigInt(HeapBigInt<'a>) = 10,
    /// An object (ordinary or exotic, including functions and arrays).
    Object(Object<'a>) = 11,
}

/// The tag byte of `Value::Boolean`.
const BOOLEAN_TAG: u8 = 2;
/// The tag byte of `Value::Integer`.
const INTEGER_TAG: u8 = 6;

impl Value<'_> {
    /// Overwrites `slot` with `Value::Integer(x)` in one eight-byte store.
    ///
    /// Built from its parts, a value is stored piece by piece (tag byte,
    /// payload word), and a later eight-byte read of the slot (the next
    /// instruction reading a register) cannot be forwarded from the pieces:
    /// it waits until they reach the cache. One whole store avoids that.
    #[inline(always)]
    pub fn store_integer(slot: &mut Value<'_>, x: i32) {
        let mut bytes = [0u8; 8];
        bytes[0] = INTEGER_TAG;
        bytes[4..8].copy_from_slice(&x.to_ne_bytes());
        store_bits(slot, u64::from_ne_bytes(bytes));
        debug_assert!(*slot == Value::Integer(x));
    }

    /// Overwrites `slot` with `undefined` (tag 0) or `null` (tag 1) in one
    /// eight-byte store (see [`Value::store_integer`]).
    #[inline(always)]
    pub fn store_nullish(slot: &mut Value<'_>, null: bool) {
        let mut bytes = [0u8; 8];
        bytes[0] = u8::from(null);
        store_bits(slot, u64::from_ne_bytes(bytes));
        debug_assert!(*slot == if null { Value::Null } else { Value::Undefined });
    }

    /// Overwrites `slot` with `Value::Boolean(b)` in one eight-byte store
    /// (see [`Value::store_integer`]).
    #[inline(always)]
    pub fn store_boolean(slot: &mut Value<'_>, b: bool) {
        let mut bytes = [0u8; 8];
        bytes[0] = BOOLEAN_TAG;
        bytes[1] = u8::from(b);
        store_bits(slot, u64::from_ne_bytes(bytes));
        debug_assert!(*slot == Value::Boolean(b));
    }
}

/// Writes the eight bytes of a value whose bits were assembled by
/// [`Value::store_integer`], [`Value::store_boolean`] or
/// [`Value::store_nullish`].
#[inline(always)]
fn store_bits(slot: &mut Value<'_>, bits: u64) {
    const _: () = assert!(std::mem::align_of::<Value>() == 8);
    // SAFETY: `slot` is a unique reference to an eight-byte, eight-aligned
    // `Value`, so it is valid for an aligned `u64` write. The callers pass the
    // bytes of a valid value under the `#[repr(u8)]` layout documented on
    // `Value`: byte 0 the tag of `Integer` (with the `i32` in native byte
    // order at bytes 4..8), of `Boolean` (with 0 or 1 at byte 1), or of
    // `Undefined` or `Null` (no payload), and zero in the padding bytes,
    // which may hold any value. No payload is a handle, so no lifetime is
    // involved.
    unsafe { std::ptr::from_mut(slot).cast::<u64>().write(bits) };
}

const _: () = assert!(std::mem::size_of::<Value>() == 8);
const _: () = assert!(std::mem::size_of::<Option<Value>>() == 8);

impl std::fmt::Debug for Value<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Undefined => write!(f, "undefined"),
            Value::Null => write!(f, "null"),
            Value::Boolean(b) => write!(f, "{b}"),
            Value::SmallString(s) => write!(f, "{s:?}"),
            Value::String(s) => write!(f, "{s:?}"),
            Value::Symbol(s) => write!(f, "{s:?}"),
            Value::Integer(i) => write!(f, "{i}"),
            Value::SmallF64(n) => write!(f, "{n:?}"),
            Value::Number(n) => write!(f, "{n:?}"),
            Value::SmallBigInt(i) => write!(f, "{i}n"),
            Value::BigInt(b) => write!(f, "{b:?}"),
            Value::Object(o) => write!(f, "{o:?}"),
        }
    }
}

impl<'a> Value<'a> {
    /// True for `undefined`.
    #[inline(always)]
    pub fn is_undefined(self) -> bool {
        matches!(self, Value::Undefined)
    }

    /// True for `null`.
    #[inline(always)]
    pub fn is_null(self) -> bool {
        matches!(self, Value::Null)
    }

    /// True for `undefined` or `null`.
    #[inline(always)]
    pub fn is_nullish(self) -> bool {
        matches!(self, Value::Undefined | Value::Null)
    }

    /// True for any Number representation.
    #[inline(always)]
    pub fn is_number(self) -> bool {
        matches!(
            self,
            Value::Integer(_) | Value::SmallF64(_) | Value::Number(_)
        )
    }

    /// True for any String representation.
    #[inline(always)]
    pub fn is_string(self) -> bool {
        matches!(self, Value::SmallString(_) | Value::String(_))
    }

    /// True for any BigInt representation.
    #[inline(always)]
    pub fn is_bigint(self) -> bool {
        matches!(self, Value::SmallBigInt(_) | Value::BigInt(_))
    }

    /// True for objects.
    #[inline(always)]
    pub fn is_object(self) -> bool {
        matches!(self, Value::Object(_))
    }

    /// The object, if this is one.
    #[inline(always)]
    pub fn as_object(self) -> Option<Object<'a>> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    /// The string, if this is one.
    #[inline(always)]
    pub fn as_string(self) -> Option<super::JsString<'a>> {
        match self {
            Value::SmallString(s) => Some(super::JsString::Small(s)),
            Value::String(s) => Some(super::JsString::Heap(s)),
            _ => None,
        }
    }

    /// A Number value for an `i32`.
    #[inline(always)]
    pub const fn from_i32(value: i32) -> Value<'static> {
        Value::Integer(value)
    }

    /// A Boolean value.
    #[inline(always)]
    pub const fn from_bool(value: bool) -> Value<'static> {
        Value::Boolean(value)
    }
}

impl Bindable for Value<'_> {
    type Of<'b> = Value<'b>;
    #[inline(always)]
    fn unbind(self) -> Value<'static> {
        // Only the lifetime changes: every variant's payload is an index or an
        // immediate, so the value is copied bit for bit. (A variant-by-variant
        // rebuild compiled to a jump table in the interpreter's hot paths.)
        // SAFETY: `Value<'a>` and `Value<'static>` are the same type but for a
        // lifetime, which has no effect on layout or validity.
        unsafe { std::mem::transmute::<Value<'_>, Value<'static>>(self) }
    }
    #[inline(always)]
    fn bind<'b>(self, _gc: NoGcScope<'b, '_>) -> Value<'b> {
        let unbound: Value<'static> = self.unbind();
        unbound
    }
}

impl Trace for Value<'_> {
    #[inline]
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        match self {
            Value::String(s) => s.visit(visitor),
            Value::Symbol(s) => s.visit(visitor),
            Value::Number(n) => n.visit(visitor),
            Value::BigInt(b) => b.visit(visitor),
            Value::Object(o) => o.visit(visitor),
            _ => {}
        }
    }
}

impl<'a> From<Object<'a>> for Value<'a> {
    #[inline(always)]
    fn from(o: Object<'a>) -> Self {
        Value::Object(o)
    }
}

impl<'a> From<Symbol<'a>> for Value<'a> {
    #[inline(always)]
    fn from(s: Symbol<'a>) -> Self {
        Value::Symbol(s)
    }
}

impl From<bool> for Value<'_> {
    #[inline(always)]
    fn from(b: bool) -> Self {
        Value::Boolean(b)
    }
}

impl Value<'static> {
    /// A Number value for a `u32`; never allocates (every `u32` fits inline).
    #[inline]
    pub fn from_u32(n: u32) -> Value<'static> {
        match i32::try_from(n) {
            Ok(i) => Value::Integer(i),
            Err(_) => Value::SmallF64(SmallF64::try_from_f64(f64::from(n)).expect("u32 fits")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_string_round_trips() {
        for s in ["", "a", "length", "1234567", "héllo"] {
            let small = SmallString::try_from_str(s).unwrap();
            assert_eq!(small.as_str(), s);
            assert_eq!(small.len(), s.len());
        }
        assert!(SmallString::try_from_str("12345678").is_none());
    }

    #[test]
    fn small_f64_keeps_only_exact_values() {
        for n in [
            0.5,
            -2.0,
            2f64.powi(900),
            f64::INFINITY,
            f64::NEG_INFINITY,
            -0.0,
        ] {
            let small = SmallF64::try_from_f64(n).unwrap();
            assert_eq!(small.to_f64().to_bits(), n.to_bits());
        }
        assert!(SmallF64::try_from_f64(0.1).is_none());
    }

    #[test]
    fn whole_stores_make_the_same_values() {
        let mut slot = Value::SmallString(SmallString::try_from_str("abcdefg").unwrap());
        for x in [0, 1, -1, 42, i32::MAX, i32::MIN, 0x0102_0304] {
            Value::store_integer(&mut slot, x);
            assert_eq!(slot, Value::Integer(x));
            assert!(matches!(slot, Value::Integer(y) if y == x));
        }
        for b in [true, false] {
            Value::store_boolean(&mut slot, b);
            assert_eq!(slot, Value::Boolean(b));
        }
        Value::store_nullish(&mut slot, true);
        assert_eq!(slot, Value::Null);
        Value::store_nullish(&mut slot, false);
        assert_eq!(slot, Value::Undefined);
        let mut values = [Value::Null; 3];
        Value::store_integer(&mut values[1], 7);
        assert_eq!(values, [Value::Null, Value::Integer(7), Value::Null]);
    }
}
