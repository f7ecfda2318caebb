//! ### [6.1.4 The String Type](https://tc39.es/ecma262/#sec-ecmascript-language-types-string-type)
//!
//! Strings are stored as WTF-8 and indexed as UTF-16 code units, as the
//! language requires. Well-formed strings (the vast majority) keep UTF-8 in a
//! `Box<str>`, or a prefix of a shared [`AppendBuffer`] when they were made by
//! concatenation; strings holding lone surrogates keep a [`wtf8::Wtf8Buf`].
//! ASCII strings index directly; others build a UTF-16 copy on first indexed
//! access.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use wtf8::Wtf8Buf;

use super::append_buffer::AppendBuffer;
use super::value::{HeapString, SmallString, Value};
use crate::engine::{Bindable, NoGcScope};
use crate::heap::{HandleVisitor, Trace};

/// A String value: inline or a heap handle.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum JsString<'a> {
    /// At most seven UTF-8 bytes.
    Small(SmallString),
    /// A heap string.
    Heap(HeapString<'a>),
}

impl<'a> JsString<'a> {
    /// The empty string.
    pub const EMPTY: JsString<'static> = JsString::Small(SmallString::EMPTY);

    /// As a language value.
    #[inline(always)]
    pub fn into_value(self) -> Value<'a> {
        match self {
            JsString::Small(s) => Value::SmallString(s),
            JsString::Heap(s) => Value::String(s),
        }
    }

    /// An inline string for short ASCII/UTF-8 literals known at compile time.
    pub fn small(s: &str) -> Option<JsString<'static>> {
        SmallString::try_from_str(s).map(JsString::Small)
    }
}

impl<'a> From<JsString<'a>> for Value<'a> {
    #[inline(always)]
    fn from(s: JsString<'a>) -> Self {
        s.into_value()
    }
}

impl Bindable for JsString<'_> {
    type Of<'b> = JsString<'b>;
    #[inline(always)]
    fn unbind(self) -> JsString<'static> {
        match self {
            JsString::Small(s) => JsString::Small(s),
            JsString::Heap(s) => JsString::Heap(s.unbind()),
        }
    }
    #[inline(always)]
    fn bind<'b>(self, _: NoGcScope<'b, '_>) -> JsString<'b> {
        self.unbind()
    }
}

impl Trace for JsString<'_> {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        if let JsString::Heap(s) = self {
            s.visit(visitor);
        }
    }
}

/// The text of a heap string.
#[derive(Debug)]
enum StringData {
    /// Well-formed text.
    Utf8(Box<str>),
    /// Well-formed text: the first `len` bytes of a buffer other strings share.
    Shared {
        buffer: Arc<AppendBuffer>,
        len: usize,
    },
    /// Text with at least one lone surrogate.
    Wtf8(Wtf8Buf),
}

/// A heap string record.
#[derive(Debug)]
pub struct StringRecord {
    data: StringData,
    utf16_len: u32,
    ascii: bool,
    /// UTF-16 code units, built on the first indexed access of a non-ASCII string.
    utf16: OnceLock<Box<[u16]>>,
}

impl StringRecord {
    /// A record for well-formed text.
    pub fn from_string(text: String) -> Self {
        let ascii = text.is_ascii();
        let utf16_len = if ascii {
            text.len()
        } else {
            text.chars().map(char::len_utf16).sum()
        };
        Self {
            data: StringData::Utf8(text.into_boxed_str()),
            utf16_len: utf16_len as u32,
            ascii,
            utf16: OnceLock::new(),
        }
    }

    /// A record for UTF-16 code units (may hold lone surrogates).
    pub fn from_utf16(units: &[u16]) -> Self {
        match String::from_utf16(units) {
            Ok(text) => Self::from_string(text),
            Err(_) => Self {
                data: StringData::Wtf8(Wtf8Buf::from_ill_formed_utf16(units)),
                utf16_len: units.len() as u32,
                ascii: false,
                utf16: OnceLock::from(Box::<[u16]>::from(units)),
            },
        }
    }

    /// A record for WTF-8 text of `utf16_len` code units that holds at least
    /// one lone surrogate (well-formed text goes through `from_string`).
    pub fn from_ill_formed_wtf8(text: Wtf8Buf, utf16_len: usize) -> Self {
        Self {
            data: StringData::Wtf8(text),
            utf16_len: utf16_len as u32,
            ascii: false,
            utf16: OnceLock::new(),
        }
    }

    /// A record for the well-formed concatenation `first + second`, sharing
    /// `first`'s buffer when `first` ends where that buffer's text ends.
    /// `first_record` is `first`'s record when it is a heap string.
    pub(crate) fn concatenation(
        first_record: Option<&StringRecord>,
        first: &str,
        second: &str,
        utf16_len: usize,
        ascii: bool,
    ) -> (Self, usize) {
        let len = first.len() + second.len();
        let (buffer, new_bytes) = match first_record.map(|r| &r.data) {
            Some(StringData::Shared { buffer, len: end }) if buffer.try_append(*end, second) => {
                (buffer.clone(), 0)
            }
            // The result of an earlier concatenation is being extended: give
            // the new buffer room to double, so a chain of appends is linear.
            Some(StringData::Shared { .. }) => {
                let buffer = AppendBuffer::new(first, second, len.saturating_mul(2));
                let bytes = buffer.capacity();
                (buffer, bytes)
            }
            // A first concatenation: most are never extended, so no spare room.
            _ => {
                let buffer = AppendBuffer::new(first, second, len);
                let bytes = buffer.capacity();
                (buffer, bytes)
            }
        };
        let record = Self {
            data: StringData::Shared { buffer, len },
            utf16_len: utf16_len as u32,
            ascii,
            utf16: OnceLock::new(),
        };
        (record, new_bytes)
    }

    /// True if the text is a prefix of a shared append buffer.
    pub(crate) fn is_shared(&self) -> bool {
        matches!(self.data, StringData::Shared { .. })
    }

    /// The stored text as WTF-8.
    pub fn as_wtf8(&self) -> &wtf8::Wtf8 {
        match &self.data {
            StringData::Utf8(text) => wtf8::Wtf8::from_str(text),
            StringData::Shared { buffer, len } => wtf8::Wtf8::from_str(buffer.prefix(*len)),
            StringData::Wtf8(text) => text,
        }
    }

    /// Length in UTF-16 code units.
    #[inline]
    pub fn utf16_len(&self) -> usize {
        self.utf16_len as usize
    }

    /// True if every character is ASCII (byte index = code unit index).
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.ascii
    }

    /// The text if it is well-formed.
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        match &self.data {
            StringData::Utf8(s) => Some(s),
            StringData::Shared { buffer, len } => Some(buffer.prefix(*len)),
            StringData::Wtf8(_) => None,
        }
    }

    /// The text, with lone surrogates replaced by U+FFFD.
    pub fn to_string_lossy(&self) -> Cow<'_, str> {
        match self.as_str() {
            Some(s) => Cow::Borrowed(s),
            None => self.as_wtf8().to_string_lossy(),
        }
    }

    /// The UTF-16 code units (cached for non-ASCII strings).
    pub fn utf16(&self) -> Cow<'_, [u16]> {
        if self.ascii {
            let s = self.as_str().unwrap_or_default();
            return Cow::Owned(s.bytes().map(u16::from).collect());
        }
        Cow::Borrowed(self.utf16_cached())
    }

    fn utf16_cached(&self) -> &[u16] {
        self.utf16
            .get_or_init(|| self.as_wtf8().to_ill_formed_utf16().collect())
    }

    /// The code unit at `index` (which must be below the length).
    #[inline]
    pub fn code_unit_at(&self, index: usize) -> u16 {
        if self.ascii
            && let Some(s) = self.as_str()
        {
            return u16::from(s.as_bytes()[index]);
        }
        self.utf16_cached()[index]
    }

    /// Bytes owned outside the record, for accounting. A shared buffer is
    /// counted by whoever allocates it (see [`StringRecord::concatenation`]).
    pub fn payload_bytes(&self) -> usize {
        let text = match &self.data {
            StringData::Utf8(s) => s.len(),
            StringData::Shared { .. } => 0,
            StringData::Wtf8(w) => w.len(),
        };
        text + self.utf16.get().map_or(0, |u| u.len() * 2)
    }

    /// Hash of the content, used by the property-key intern table.
    pub fn content_hash(&self, state: &ahash::RandomState) -> u64 {
        // WTF-8 bytes are canonical: equal code units, equal bytes.
        state.hash_one(self.as_wtf8())
    }

    /// True if the content equals `other`'s.
    pub fn content_eq(&self, other: &StringRecord) -> bool {
        self.as_wtf8() == other.as_wtf8()
    }
}

impl Trace for StringRecord {
    fn trace(&mut self, _: &mut impl HandleVisitor) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_semantics_over_utf8_storage() {
        let r = StringRecord::from_string("a😀b".to_owned());
        assert_eq!(r.utf16_len(), 4);
        assert_eq!(r.code_unit_at(1), 0xD83D);
        assert_eq!(r.code_unit_at(2), 0xDE00);
        assert_eq!(r.code_unit_at(3), u16::from(b'b'));
    }

    #[test]
    fn lone_surrogates_are_preserved() {
        let units = [0x61, 0xD800, 0x62];
        let r = StringRecord::from_utf16(&units);
        assert!(r.as_str().is_none());
        assert_eq!(&*r.utf16(), &units);
        let joined = StringRecord::from_utf16(&[0xD83D, 0xDE00]);
        assert_eq!(joined.as_str(), Some("😀"));
    }
}
