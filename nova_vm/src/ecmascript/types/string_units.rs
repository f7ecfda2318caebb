//! Code-unit views of String values, for the algorithms that index, search
//! and assemble strings ([6.1.4 The String Type](https://tc39.es/ecma262/#sec-ecmascript-language-types-string-type)).
//!
//! An ASCII string is read as its bytes (byte `i` is code unit `i`), so
//! searching and slicing ASCII text never re-encodes it; any other string is
//! read as its UTF-16 code units, which heap strings cache.

use std::borrow::Cow;

use super::string::JsString;
use super::string_builder::StringBuilder;
use crate::ecmascript::execution::Agent;

/// The code units of a String value.
#[derive(Debug)]
pub enum CodeUnits<'a> {
    /// An ASCII string: byte `i` is code unit `i`.
    Ascii(&'a str),
    /// Any other string, as UTF-16 code units.
    Utf16(Cow<'a, [u16]>),
}

/// The result of [11.1.4 CodePointAt](https://tc39.es/ecma262/#sec-codepointat).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodePoint {
    /// `[[CodePoint]]`
    pub code_point: u32,
    /// `[[CodeUnitCount]]`
    pub code_unit_count: usize,
    /// `[[IsUnpairedSurrogate]]`
    pub is_unpaired_surrogate: bool,
}

/// True for a leading (high) surrogate code unit.
#[inline]
pub fn is_leading_surrogate(unit: u16) -> bool {
    (0xD800..=0xDBFF).contains(&unit)
}

/// True for a trailing (low) surrogate code unit.
#[inline]
pub fn is_trailing_surrogate(unit: u16) -> bool {
    (0xDC00..=0xDFFF).contains(&unit)
}

impl Agent {
    /// The code units of `s`, borrowed where possible.
    pub fn code_units<'a>(&'a self, s: &'a JsString) -> CodeUnits<'a> {
        match s {
            JsString::Small(small) => {
                let text = small.as_str();
                if text.is_ascii() {
                    CodeUnits::Ascii(text)
                } else {
                    CodeUnits::Utf16(Cow::Owned(text.encode_utf16().collect()))
                }
            }
            JsString::Heap(h) => {
                let record = self.string_record(*h);
                match record.as_str() {
                    Some(text) if record.is_ascii() => CodeUnits::Ascii(text),
                    _ => CodeUnits::Utf16(record.utf16()),
                }
            }
        }
    }

    /// ### [7.2.9 Static Semantics: IsStringWellFormedUnicode ( string )](https://tc39.es/ecma262/#sec-isstringwellformedunicode)
    ///
    /// A string is stored as UTF-8 exactly when no code unit is a lone surrogate.
    pub fn is_string_well_formed_unicode(&self, s: JsString) -> bool {
        match s {
            JsString::Small(_) => true,
            JsString::Heap(h) => self.string_record(h).as_str().is_some(),
        }
    }
}

impl CodeUnits<'_> {
    /// The length in code units.
    #[inline]
    pub fn len(&self) -> usize {
        match self {
            CodeUnits::Ascii(s) => s.len(),
            CodeUnits::Utf16(u) => u.len(),
        }
    }

    /// True for the empty string.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The code unit at `index` (which must be below the length).
    #[inline]
    pub fn at(&self, index: usize) -> u16 {
        match self {
            CodeUnits::Ascii(s) => u16::from(s.as_bytes()[index]),
            CodeUnits::Utf16(u) => u[index],
        }
    }

    /// The code units `start..end` as UTF-16.
    pub fn utf16_range(&self, start: usize, end: usize) -> Cow<'_, [u16]> {
        match self {
            CodeUnits::Ascii(s) => Cow::Owned(
                s.as_bytes()[start..end]
                    .iter()
                    .map(|&b| u16::from(b))
                    .collect(),
            ),
            CodeUnits::Utf16(u) => Cow::Borrowed(&u[start..end]),
        }
    }

    /// True if the code units from `start` on begin with those of `prefix`.
    pub fn has_at(&self, start: usize, prefix: &CodeUnits) -> bool {
        let end = start + prefix.len();
        if end > self.len() {
            return false;
        }
        match (self, prefix) {
            (CodeUnits::Ascii(s), CodeUnits::Ascii(p)) => &s.as_bytes()[start..end] == p.as_bytes(),
            (CodeUnits::Utf16(s), CodeUnits::Utf16(p)) => s[start..end] == p[..],
            _ => (0..prefix.len()).all(|i| self.at(start + i) == prefix.at(i)),
        }
    }

    /// ### [6.1.4.1 StringIndexOf ( string, searchValue, fromIndex )](https://tc39.es/ecma262/#sec-stringindexof)
    ///
    /// `self` is _string_; `None` is ~not-found~.
    pub fn index_of(&self, search_value: &CodeUnits, from_index: usize) -> Option<usize> {
        // 1. Let len be the length of string.
        let len = self.len();
        // 2. If searchValue is the empty String and fromIndex ≤ len, return fromIndex.
        if search_value.is_empty() {
            return (from_index <= len).then_some(from_index);
        }
        // 3. Let searchLen be the length of searchValue.
        let search_len = search_value.len();
        if from_index + search_len > len {
            return None;
        }
        // 4. For each integer i such that fromIndex ≤ i ≤ len - searchLen, in ascending
        //    order, do
        //    a. Let candidate be the substring of string from i to i + searchLen.
        //    b. If candidate is searchValue, return i.
        // 5. Return not-found.
        match (self, search_value) {
            (CodeUnits::Ascii(s), CodeUnits::Ascii(p)) => {
                s[from_index..].find(p).map(|i| i + from_index)
            }
            // A string that is not ASCII holds a code unit above 0x7F, which ASCII text lacks.
            (CodeUnits::Ascii(_), CodeUnits::Utf16(p)) if p.iter().any(|&u| u > 0x7F) => None,
            (CodeUnits::Utf16(s), CodeUnits::Utf16(p)) => {
                find_units(&s[from_index..], p).map(|i| i + from_index)
            }
            _ => {
                let needle = search_value.utf16_range(0, search_len);
                (from_index..=len - search_len)
                    .find(|&i| (0..search_len).all(|k| self.at(i + k) == needle[k]))
            }
        }
    }

    /// ### [6.1.4.2 StringLastIndexOf ( string, searchValue, fromIndex )](https://tc39.es/ecma262/#sec-stringlastindexof)
    ///
    /// `self` is _string_; `None` is ~not-found~.
    pub fn last_index_of(&self, search_value: &CodeUnits, from_index: usize) -> Option<usize> {
        // 1. Let len be the length of string.
        let len = self.len();
        // 2. Let searchLen be the length of searchValue.
        let search_len = search_value.len();
        // 3. Assert: fromIndex + searchLen ≤ len.
        if from_index + search_len > len {
            return None;
        }
        // 4. For each integer i such that 0 ≤ i ≤ fromIndex, in descending order, do
        //    a. Let candidate be the substring of string from i to i + searchLen.
        //    b. If candidate is searchValue, return i.
        // 5. Return not-found.
        match (self, search_value) {
            (CodeUnits::Ascii(s), CodeUnits::Ascii(p)) => s[..from_index + search_len].rfind(p),
            _ => (0..=from_index)
                .rev()
                .find(|&i| self.has_at(i, search_value)),
        }
    }

    /// ### [11.1.4 Static Semantics: CodePointAt ( string, position )](https://tc39.es/ecma262/#sec-codepointat)
    pub fn code_point_at(&self, position: usize) -> CodePoint {
        // 1. Let size be the length of string.
        let size = self.len();
        // 2. Assert: position ≥ 0 and position < size.
        // 3. Let first be the code unit at index position within string.
        let first = self.at(position);
        // 4. Let cp be the code point whose numeric value is the numeric value of first.
        let cp = u32::from(first);
        // 5. If first is neither a leading surrogate nor a trailing surrogate, then
        //    a. Return the Record { [[CodePoint]]: cp, [[CodeUnitCount]]: 1,
        //       [[IsUnpairedSurrogate]]: false }.
        // 6. If first is a trailing surrogate or position + 1 = size, then
        //    a. Return the Record { [[CodePoint]]: cp, [[CodeUnitCount]]: 1,
        //       [[IsUnpairedSurrogate]]: true }.
        if !is_leading_surrogate(first) || position + 1 == size {
            return CodePoint {
                code_point: cp,
                code_unit_count: 1,
                is_unpaired_surrogate: is_leading_surrogate(first) || is_trailing_surrogate(first),
            };
        }
        // 7. Let second be the code unit at index position + 1 within string.
        let second = self.at(position + 1);
        // 8. If second is not a trailing surrogate, then
        if !is_trailing_surrogate(second) {
            // a. Return the Record { [[CodePoint]]: cp, [[CodeUnitCount]]: 1,
            //    [[IsUnpairedSurrogate]]: true }.
            return CodePoint {
                code_point: cp,
                code_unit_count: 1,
                is_unpaired_surrogate: true,
            };
        }
        // 9. Set cp to UTF16SurrogatePairToCodePoint(first, second).
        // 10. Return the Record { [[CodePoint]]: cp, [[CodeUnitCount]]: 2,
        //     [[IsUnpairedSurrogate]]: false }.
        CodePoint {
            code_point: utf16_surrogate_pair_to_code_point(first, second),
            code_unit_count: 2,
            is_unpaired_surrogate: false,
        }
    }
}

/// ### [11.1.3 Static Semantics: UTF16SurrogatePairToCodePoint ( lead, trail )](https://tc39.es/ecma262/#sec-utf16decodesurrogatepair)
pub fn utf16_surrogate_pair_to_code_point(lead: u16, trail: u16) -> u32 {
    // 1. Assert: lead is a leading surrogate and trail is a trailing surrogate.
    // 2. Let cp be (lead - 0xD800) × 0x400 + (trail - 0xDC00) + 0x10000.
    // 3. Return the code point cp.
    (u32::from(lead) - 0xD800) * 0x400 + (u32::from(trail) - 0xDC00) + 0x10000
}

/// The first index of `needle` (non-empty) in `haystack`.
fn find_units(haystack: &[u16], needle: &[u16]) -> Option<usize> {
    let first = needle[0];
    let last_start = haystack.len().checked_sub(needle.len())?;
    let mut i = 0;
    while i <= last_start {
        match haystack[i..=last_start].iter().position(|&u| u == first) {
            Some(offset) => {
                let candidate = i + offset;
                if haystack[candidate..candidate + needle.len()] == *needle {
                    return Some(candidate);
                }
                i = candidate + 1;
            }
            None => return None,
        }
    }
    None
}

impl StringBuilder {
    /// Appends one code unit (a lone surrogate is allowed).
    pub fn push_code_unit(&mut self, unit: u16) {
        match char::from_u32(u32::from(unit)) {
            Some(c) => self.push_char(c),
            None => self.push_units(&[unit]),
        }
    }

    /// Appends the code units `start..end` of `units`.
    pub fn push_range(&mut self, units: &CodeUnits, start: usize, end: usize) {
        match units {
            CodeUnits::Ascii(s) => self.push_str(&s[start..end]),
            CodeUnits::Utf16(u) => self.push_units(&u[start..end]),
        }
    }

    /// Appends all of `units`.
    pub fn push_code_units(&mut self, units: &CodeUnits) {
        self.push_range(units, 0, units.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str) -> CodeUnits<'static> {
        CodeUnits::Utf16(Cow::Owned(s.encode_utf16().collect()))
    }

    #[test]
    fn index_of_mixes_representations() {
        let hay = CodeUnits::Ascii("abcabc");
        assert_eq!(hay.index_of(&CodeUnits::Ascii("ca"), 0), Some(2));
        assert_eq!(hay.index_of(&CodeUnits::Ascii(""), 6), Some(6));
        assert_eq!(hay.index_of(&CodeUnits::Ascii(""), 7), None);
        assert_eq!(hay.index_of(&utf16("é"), 0), None);
        let wide = utf16("aé😀aé");
        assert_eq!(wide.index_of(&CodeUnits::Ascii("a"), 1), Some(4));
        assert_eq!(wide.index_of(&utf16("é"), 2), Some(5));
        assert_eq!(wide.last_index_of(&utf16("é"), 5), Some(5));
        assert_eq!(wide.last_index_of(&CodeUnits::Ascii("a"), 3), Some(0));
        assert_eq!(hay.last_index_of(&CodeUnits::Ascii("abc"), 3), Some(3));
        assert_eq!(hay.last_index_of(&CodeUnits::Ascii("abc"), 2), Some(0));
    }

    #[test]
    fn code_point_at_reports_lone_surrogates() {
        let units = CodeUnits::Utf16(Cow::Owned(vec![0xD83D, 0xDE00, 0xD800, 0x61, 0xDC00]));
        assert_eq!(units.code_point_at(0).code_point, 0x1F600);
        assert_eq!(units.code_point_at(0).code_unit_count, 2);
        assert!(units.code_point_at(1).is_unpaired_surrogate);
        assert!(units.code_point_at(2).is_unpaired_surrogate);
        assert!(!units.code_point_at(3).is_unpaired_surrogate);
        assert!(units.code_point_at(4).is_unpaired_surrogate);
    }

    #[test]
    fn builder_appends_ranges_and_code_units() {
        let mut b = StringBuilder::new();
        b.push_range(&CodeUnits::Ascii("xaby"), 1, 3);
        b.push_units(&[0xD83D]);
        assert_eq!(b.len(), 3);
        b.push_code_unit(0xDE00);
        b.push_code_units(&utf16("é"));
        assert_eq!(b.len(), 5);
    }
}
