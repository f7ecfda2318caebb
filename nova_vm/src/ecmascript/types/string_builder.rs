//! Building a String value from many pieces in linear time (the spec's
//! "string-concatenation" of several strings). A builder holds no handle, so
//! it may live across calls that collect.

use super::string::JsString;
use crate::ecmascript::execution::Agent;
use crate::engine::NoGcScope;

/// The longest String value the engine creates, in code units. Operations
/// that would build a longer one throw a RangeError instead of allocating.
pub const MAX_STRING_LENGTH: usize = (1 << 30) - 25;

/// Assembles a String value from pieces. Stays UTF-8 while every piece is
/// well-formed and switches to UTF-16 once one holds a lone surrogate (a later
/// piece may pair it up again; creating the string normalizes that).
#[derive(Debug, Default)]
pub struct StringBuilder {
    utf8: String,
    utf16: Option<Vec<u16>>,
    length: usize,
}

impl StringBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// The length so far, in code units.
    #[inline]
    pub fn len(&self) -> usize {
        self.length
    }

    /// True if nothing has been appended.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.length == 0
    }

    /// Appends well-formed text.
    pub fn push_str(&mut self, text: &str) {
        match &mut self.utf16 {
            Some(units) => {
                let before = units.len();
                units.extend(text.encode_utf16());
                self.length += units.len() - before;
            }
            None => {
                self.utf8.push_str(text);
                self.length += if text.is_ascii() {
                    text.len()
                } else {
                    text.encode_utf16().count()
                };
            }
        }
    }

    /// Appends one code point.
    pub fn push_char(&mut self, c: char) {
        self.length += c.len_utf16();
        match &mut self.utf16 {
            Some(units) => {
                let mut buffer = [0u16; 2];
                units.extend_from_slice(c.encode_utf16(&mut buffer));
            }
            None => self.utf8.push(c),
        }
    }

    /// Appends UTF-16 code units (lone surrogates allowed).
    pub fn push_units(&mut self, units: &[u16]) {
        self.length += units.len();
        if let Some(buffer) = &mut self.utf16 {
            buffer.extend_from_slice(units);
            return;
        }
        let mut decoded = String::with_capacity(units.len());
        for c in char::decode_utf16(units.iter().copied()) {
            match c {
                Ok(c) => decoded.push(c),
                Err(_) => {
                    let mut buffer: Vec<u16> = self.utf8.encode_utf16().collect();
                    buffer.extend_from_slice(units);
                    self.utf8 = String::new();
                    self.utf16 = Some(buffer);
                    return;
                }
            }
        }
        self.utf8.push_str(&decoded);
    }

    /// Appends a String value.
    pub fn push_string(&mut self, agent: &Agent, s: JsString) {
        let well_formed = agent.with_str(s, |text| text.map(|t| self.push_str(t)).is_some());
        if !well_formed {
            self.push_units(&agent.string_utf16(s));
        }
    }

    /// Creates the String value.
    pub fn finish<'a>(self, agent: &mut Agent, gc: NoGcScope<'a, '_>) -> JsString<'a> {
        match self.utf16 {
            Some(units) => agent.create_string_from_utf16(&units, gc),
            None => agent.create_string_from_owned(self.utf8, gc),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogates_switch_to_code_units() {
        let mut b = StringBuilder::new();
        b.push_str("aé");
        b.push_units(&[0xD83D]);
        assert_eq!(b.len(), 3);
        b.push_char('z');
        assert_eq!(b.utf16.as_deref(), Some(&[0x61, 0xE9, 0xD83D, 0x7A][..]));
    }
}
