//! ### [6.1.7 The Object Type: property keys](https://tc39.es/ecma262/#sec-object-type)
//!
//! A property key is a String or a Symbol. Array-index strings ("0" ..
//! "4294967294") are stored as [`PropertyKey::Index`] so that element access
//! needs no string work; other strings are inline or interned heap strings, so
//! key equality is always a comparison of the 8-byte representation.

use super::JsString;
use super::value::{HeapString, SmallString, Symbol, Value};
use crate::engine::{Bindable, NoGcScope};
use crate::heap::{HandleVisitor, Trace};

/// A property key.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum PropertyKey<'a> {
    /// An array index: a canonical numeric string for an integer in 0 ..= 2³² − 2.
    Index(u32),
    /// A short string key that is not an array index.
    SmallString(SmallString),
    /// An interned heap string key (at most one heap record per content).
    String(HeapString<'a>),
    /// A Symbol key.
    Symbol(Symbol<'a>),
}

const _: () = assert!(std::mem::size_of::<PropertyKey>() == 8);

impl<'a> PropertyKey<'a> {
    /// True for Symbol keys.
    #[inline]
    pub fn is_symbol(self) -> bool {
        matches!(self, PropertyKey::Symbol(_))
    }

    /// True for array-index keys.
    #[inline]
    pub fn is_array_index(self) -> bool {
        matches!(self, PropertyKey::Index(_))
    }

    /// The key as a language value (indexes become Strings, as the spec's keys are).
    /// Index keys need an allocation only above seven digits, so this goes
    /// through the agent; see `Agent::key_to_value`.
    pub fn from_static_str(s: &'static str) -> Option<PropertyKey<'static>> {
        if let Some(i) = parse_array_index(s) {
            return Some(PropertyKey::Index(i));
        }
        SmallString::try_from_str(s).map(PropertyKey::SmallString)
    }

    /// The string for a short non-index key.
    pub fn from_small_string(s: SmallString) -> PropertyKey<'static> {
        match parse_array_index(s.as_str()) {
            Some(i) => PropertyKey::Index(i),
            None => PropertyKey::SmallString(s),
        }
    }

    /// For string keys, the String they denote (index keys excluded).
    pub fn as_js_string(self) -> Option<JsString<'a>> {
        match self {
            PropertyKey::SmallString(s) => Some(JsString::Small(s)),
            PropertyKey::String(s) => Some(JsString::Heap(s)),
            _ => None,
        }
    }

    /// For keys that are not indexes, the value they denote.
    pub fn non_index_value(self) -> Option<Value<'a>> {
        match self {
            PropertyKey::SmallString(s) => Some(Value::SmallString(s)),
            PropertyKey::String(s) => Some(Value::String(s)),
            PropertyKey::Symbol(s) => Some(Value::Symbol(s)),
            PropertyKey::Index(_) => None,
        }
    }
}

/// Parses a canonical array index ("0", "17"; not "017", "-0" or "4294967295").
pub fn parse_array_index(s: &str) -> Option<u32> {
    let bytes = s.as_bytes();
    if bytes.is_empty() || bytes.len() > 10 {
        return None;
    }
    if bytes.len() > 1 && bytes[0] == b'0' {
        return None;
    }
    let mut value: u64 = 0;
    for &b in bytes {
        if !b.is_ascii_digit() {
            return None;
        }
        value = value * 10 + u64::from(b - b'0');
    }
    if value < u64::from(u32::MAX) {
        Some(value as u32)
    } else {
        None
    }
}

impl Bindable for PropertyKey<'_> {
    type Of<'b> = PropertyKey<'b>;
    #[inline(always)]
    fn unbind(self) -> PropertyKey<'static> {
        match self {
            PropertyKey::Index(i) => PropertyKey::Index(i),
            PropertyKey::SmallString(s) => PropertyKey::SmallString(s),
            PropertyKey::String(s) => PropertyKey::String(s.unbind()),
            PropertyKey::Symbol(s) => PropertyKey::Symbol(s.unbind()),
        }
    }
    #[inline(always)]
    fn bind<'b>(self, _: NoGcScope<'b, '_>) -> PropertyKey<'b> {
        self.unbind()
    }
}

impl Trace for PropertyKey<'_> {
    #[inline]
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        match self {
            PropertyKey::String(s) => s.visit(visitor),
            PropertyKey::Symbol(s) => s.visit(visitor),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn array_index_strings() {
        assert_eq!(parse_array_index("0"), Some(0));
        assert_eq!(parse_array_index("4294967294"), Some(4294967294));
        assert_eq!(parse_array_index("4294967295"), None);
        assert_eq!(parse_array_index("01"), None);
        assert_eq!(parse_array_index("-0"), None);
        assert_eq!(parse_array_index(""), None);
        assert_eq!(parse_array_index("1e3"), None);
    }
}
