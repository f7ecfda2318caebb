//! Creating and reading strings, numbers and property keys through the agent.

use std::borrow::Cow;

use super::string::{JsString, StringRecord};
use super::value::{HeapBigInt, HeapNumber, HeapString, SmallF64, SmallString, Value};
use super::{BigIntRecord, NumberRecord, PropertyKey, parse_array_index};
use crate::ecmascript::execution::Agent;
use crate::engine::{Bindable, NoGcScope};
use crate::heap::Arena;

/// Concatenations shorter than this are copied into a string of their own;
/// longer ones (and every extension of one) use a shared append buffer.
const SHARED_CONCAT_MIN_BYTES: usize = 64;

impl Agent {
    /// A String value for `text`.
    pub fn create_string<'a>(&mut self, text: &str, gc: NoGcScope<'a, '_>) -> JsString<'a> {
        if let Some(small) = SmallString::try_from_str(text) {
            return JsString::Small(small);
        }
        self.alloc_string_record(StringRecord::from_string(text.to_owned()))
            .bind(gc)
    }

    /// A String value for owned text.
    pub fn create_string_from_owned<'a>(
        &mut self,
        text: String,
        gc: NoGcScope<'a, '_>,
    ) -> JsString<'a> {
        if let Some(small) = SmallString::try_from_str(&text) {
            return JsString::Small(small);
        }
        self.alloc_string_record(StringRecord::from_string(text))
            .bind(gc)
    }

    /// A String value for UTF-16 code units (lone surrogates allowed).
    pub fn create_string_from_utf16<'a>(
        &mut self,
        units: &[u16],
        gc: NoGcScope<'a, '_>,
    ) -> JsString<'a> {
        if units.len() <= 7 && units.iter().all(|&u| u < 0x80) {
            let text: String = units.iter().map(|&u| u as u8 as char).collect();
            return JsString::Small(SmallString::try_from_str(&text).expect("short ASCII"));
        }
        let record = StringRecord::from_utf16(units);
        if let Some(text) = record.as_str()
            && let Some(small) = SmallString::try_from_str(text)
        {
            return JsString::Small(small);
        }
        self.alloc_string_record(record).bind(gc)
    }

    fn alloc_string_record(&mut self, record: StringRecord) -> JsString<'static> {
        self.heap.allocated_since_gc +=
            Arena::<StringRecord>::RECORD_BYTES + record.payload_bytes();
        JsString::Heap(HeapString::from_index(self.heap.strings.push(record)))
    }

    /// The record of a heap string.
    #[inline]
    pub(crate) fn string_record(&self, s: HeapString) -> &StringRecord {
        self.heap.strings.get(s.index())
    }

    /// The text of a string (lone surrogates become U+FFFD).
    pub fn string_lossy<'s>(&'s self, s: JsString) -> Cow<'s, str> {
        match s {
            JsString::Small(small) => Cow::Owned(small.as_str().to_owned()),
            JsString::Heap(h) => self.string_record(h).to_string_lossy(),
        }
    }

    /// The text of a well-formed string, or None if it holds lone surrogates.
    pub fn string_utf8(&self, s: JsString) -> Option<Cow<'_, str>> {
        match s {
            JsString::Small(small) => Some(Cow::Owned(small.as_str().to_owned())),
            JsString::Heap(h) => self.string_record(h).as_str().map(Cow::Borrowed),
        }
    }

    /// Runs `f` on the text of a well-formed string without copying, or on None.
    pub fn with_str<R>(&self, s: JsString, f: impl FnOnce(Option<&str>) -> R) -> R {
        match s {
            JsString::Small(small) => f(Some(small.as_str())),
            JsString::Heap(h) => f(self.string_record(h).as_str()),
        }
    }

    /// The UTF-16 code units of a string.
    pub fn string_utf16<'s>(&'s self, s: JsString) -> Cow<'s, [u16]> {
        match s {
            JsString::Small(small) => Cow::Owned(small.as_str().encode_utf16().collect()),
            JsString::Heap(h) => self.string_record(h).utf16(),
        }
    }

    /// Length in UTF-16 code units.
    #[inline]
    pub fn string_length(&self, s: JsString) -> usize {
        match s {
            JsString::Small(small) => {
                let text = small.as_str();
                if text.is_ascii() {
                    text.len()
                } else {
                    text.encode_utf16().count()
                }
            }
            JsString::Heap(h) => self.string_record(h).utf16_len(),
        }
    }

    /// The code unit at `index` (must be in range).
    #[inline]
    pub fn string_code_unit(&self, s: JsString, index: usize) -> u16 {
        match s {
            JsString::Small(small) => {
                let text = small.as_str();
                if text.is_ascii() {
                    u16::from(text.as_bytes()[index])
                } else {
                    text.encode_utf16().nth(index).expect("index in range")
                }
            }
            JsString::Heap(h) => self.string_record(h).code_unit_at(index),
        }
    }

    /// True if two strings have the same code units.
    pub fn string_eq(&self, a: JsString, b: JsString) -> bool {
        match (a, b) {
            (JsString::Small(x), JsString::Small(y)) => x == y,
            (JsString::Heap(x), JsString::Heap(y)) => {
                x == y || self.string_record(x).content_eq(self.string_record(y))
            }
            // Representations are canonical: a short well-formed string is never on the heap.
            _ => false,
        }
    }

    /// True if every code unit of `s` is ASCII.
    fn string_is_ascii(&self, s: JsString) -> bool {
        match s {
            JsString::Small(small) => small.as_str().is_ascii(),
            JsString::Heap(h) => self.string_record(h).is_ascii(),
        }
    }

    /// Concatenation of two strings. Long well-formed results share an
    /// append buffer, so building a string with repeated `+=` is linear.
    pub fn string_concat<'a>(
        &mut self,
        a: JsString,
        b: JsString,
        gc: NoGcScope<'a, '_>,
    ) -> JsString<'a> {
        if self.string_length(a) == 0 {
            return b.bind(gc);
        }
        if self.string_length(b) == 0 {
            return a.bind(gc);
        }
        if let (Some(x), Some(y)) = (self.string_utf8(a), self.string_utf8(b)) {
            let a_record = match a {
                JsString::Heap(h) => Some(self.string_record(h)),
                JsString::Small(_) => None,
            };
            let extends_shared = a_record.is_some_and(StringRecord::is_shared);
            if !extends_shared && x.len() + y.len() < SHARED_CONCAT_MIN_BYTES {
                let mut s = String::with_capacity(x.len() + y.len());
                s.push_str(&x);
                s.push_str(&y);
                return self.create_string_from_owned(s, gc);
            }
            let utf16_len = self.string_length(a) + self.string_length(b);
            let ascii = self.string_is_ascii(a) && self.string_is_ascii(b);
            let (record, new_bytes) =
                StringRecord::concatenation(a_record, &x, &y, utf16_len, ascii);
            self.heap.allocated_since_gc += Arena::<StringRecord>::RECORD_BYTES + new_bytes;
            return JsString::Heap(HeapString::from_index(self.heap.strings.push(record))).bind(gc);
        }
        // A side holds lone surrogates: join the WTF-8 bytes (pushing
        // WTF-8 pairs a trailing lead surrogate with a leading trail
        // one), without a round trip through UTF-16.
        let utf16_len = self.string_length(a) + self.string_length(b);
        let byte_len = |agent: &Self, s: JsString| match s {
            JsString::Small(small) => small.as_str().len(),
            JsString::Heap(h) => agent.string_record(h).as_wtf8().len(),
        };
        let mut joined = wtf8::Wtf8Buf::with_capacity(byte_len(self, a) + byte_len(self, b));
        for part in [a, b] {
            match part {
                JsString::Small(small) => joined.push_str(small.as_str()),
                JsString::Heap(h) => joined.push_wtf8(self.string_record(h).as_wtf8()),
            }
        }
        match joined.into_string() {
            // Surrogate halves met: the result is well-formed.
            Ok(text) => self.create_string_from_owned(text, gc),
            Err(joined) => self
                .alloc_string_record(StringRecord::from_ill_formed_wtf8(joined, utf16_len))
                .bind(gc),
        }
    }

    /// The substring of code units `start..end`.
    pub fn string_substring<'a>(
        &mut self,
        s: JsString,
        start: usize,
        end: usize,
        gc: NoGcScope<'a, '_>,
    ) -> JsString<'a> {
        if start == 0 && end == self.string_length(s) {
            return s.bind(gc);
        }
        if start >= end {
            return JsString::EMPTY;
        }
        let ascii_slice = match s {
            JsString::Heap(h) if self.string_record(h).is_ascii() => self
                .string_record(h)
                .as_str()
                .map(|t| t[start..end].to_owned()),
            JsString::Small(small) if small.as_str().is_ascii() => {
                Some(small.as_str()[start..end].to_owned())
            }
            _ => None,
        };
        match ascii_slice {
            Some(text) => self.create_string_from_owned(text, gc),
            None => {
                let units = self.string_utf16(s)[start..end].to_vec();
                self.create_string_from_utf16(&units, gc)
            }
        }
    }

    /// A Number value for `n` (canonical representation).
    #[inline]
    pub fn number<'a>(&mut self, n: f64, gc: NoGcScope<'a, '_>) -> Value<'a> {
        let as_int = n as i32;
        if as_int as f64 == n && !(n == 0.0 && n.is_sign_negative()) {
            return Value::Integer(as_int);
        }
        if let Some(small) = SmallF64::try_from_f64(n) {
            return Value::SmallF64(small);
        }
        self.heap.allocated_since_gc += Arena::<NumberRecord>::RECORD_BYTES;
        Value::Number(HeapNumber::from_index(
            self.heap.numbers.push(NumberRecord(n)),
        ))
        .bind(gc)
    }

    /// The f64 of a Number value (must be a Number).
    #[inline]
    pub fn number_value(&self, v: Value) -> f64 {
        match v {
            Value::Integer(i) => f64::from(i),
            Value::SmallF64(n) => n.to_f64(),
            Value::Number(h) => self.heap.numbers.get(h.index()).0,
            _ => f64::NAN,
        }
    }

    /// A BigInt value.
    pub fn bigint<'a>(&mut self, n: num_bigint::BigInt, gc: NoGcScope<'a, '_>) -> Value<'a> {
        if let Ok(small) = i32::try_from(&n) {
            return Value::SmallBigInt(small);
        }
        self.heap.allocated_since_gc += Arena::<BigIntRecord>::RECORD_BYTES + n.bits() as usize / 8;
        Value::BigInt(HeapBigInt::from_index(
            self.heap.bigints.push(BigIntRecord(n)),
        ))
        .bind(gc)
    }

    /// The BigInt of a BigInt value (must be a BigInt).
    pub fn bigint_value(&self, v: Value) -> num_bigint::BigInt {
        match v {
            Value::SmallBigInt(i) => num_bigint::BigInt::from(i),
            Value::BigInt(h) => self.heap.bigints.get(h.index()).0.clone(),
            _ => num_bigint::BigInt::default(),
        }
    }

    /// The property key for a string (interning heap strings).
    pub fn string_to_key<'a>(&mut self, s: JsString, gc: NoGcScope<'a, '_>) -> PropertyKey<'a> {
        match s {
            JsString::Small(small) => PropertyKey::from_small_string(small),
            JsString::Heap(h) => {
                let record = self.string_record(h);
                if let Some(text) = record.as_str()
                    && let Some(index) = parse_array_index(text)
                {
                    return PropertyKey::Index(index);
                }
                PropertyKey::String(self.intern(h)).bind(gc)
            }
        }
    }

    /// The property key for a Rust string.
    pub fn key_from_str<'a>(&mut self, text: &str, gc: NoGcScope<'a, '_>) -> PropertyKey<'a> {
        let s = self.create_string(text, gc);
        self.string_to_key(s, gc)
    }

    /// The interned heap string with the same content as `s`.
    fn intern(&mut self, s: HeapString) -> HeapString<'static> {
        let hasher = &self.heap.string_hasher;
        let record = self.heap.strings.get(s.index());
        let hash = record.content_hash(hasher);
        let strings = &self.heap.strings;
        if let Some(&index) = self
            .heap
            .interned_strings
            .find(hash, |&i| strings.get(i).content_eq(record))
        {
            return HeapString::from_index(index);
        }
        let index = s.index();
        let strings = &self.heap.strings;
        let hasher = &self.heap.string_hasher;
        self.heap
            .interned_strings
            .insert_unique(hash, index, |&i| strings.get(i).content_hash(hasher));
        HeapString::from_index(index)
    }

    /// The String a key denotes (index keys become their decimal string).
    pub fn key_to_string<'a>(
        &mut self,
        key: PropertyKey,
        gc: NoGcScope<'a, '_>,
    ) -> Option<JsString<'a>> {
        match key {
            PropertyKey::Index(i) => Some(self.create_string(&i.to_string(), gc)),
            PropertyKey::SmallString(s) => Some(JsString::Small(s)),
            PropertyKey::String(s) => Some(JsString::Heap(s.bind(gc))),
            PropertyKey::Symbol(_) => None,
        }
    }

    /// The key as a language value (String or Symbol).
    pub fn key_to_value<'a>(&mut self, key: PropertyKey, gc: NoGcScope<'a, '_>) -> Value<'a> {
        match key {
            PropertyKey::Symbol(s) => Value::Symbol(s.bind(gc)),
            other => self
                .key_to_string(other, gc)
                .expect("non-symbol key")
                .into_value(),
        }
    }

    /// A readable rendering of a key for error messages.
    pub fn key_display(&self, key: PropertyKey) -> String {
        match key {
            PropertyKey::Index(i) => i.to_string(),
            PropertyKey::SmallString(s) => s.as_str().to_owned(),
            PropertyKey::String(s) => self.string_record(s).to_string_lossy().into_owned(),
            PropertyKey::Symbol(s) => {
                let description = self.heap.symbols.get(s.index()).description;
                match description {
                    Some(d) => format!("Symbol({})", self.string_lossy(d)),
                    None => "Symbol()".to_owned(),
                }
            }
        }
    }
}
