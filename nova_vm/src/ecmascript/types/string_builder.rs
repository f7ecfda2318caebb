//! Building a String from many pieces (the "string-concatenation" of the
//! spec done in linear time).
//!
//! The text stays UTF-8 while every piece is well-formed and switches to
//! UTF-16 code units the first time a lone surrogate arrives. Nothing here
//! holds a handle, so a builder may live across calls that collect.

use super::string::JsString;
use crate::ecmascript::execution::Agent;
use crate::engine::NoGcScope;

/// Longest String (in code units) the engine creates by concatenation; longer
/// results throw a RangeError ("Invalid string length").
pub const MAX_STRING_LENGTH: usize = (1 << 30) - 25;

/// A copy of a String's text that holds no handle.
#[derive(Clone, Debug)]
pub enum OwnedText {
    /// Well-formed text.
    Utf8(String),
    /// Code units holding at least one lone surrogate.
    Utf16(Vec<u16>),
}

impl OwnedText {
    /// Copies the text of `s`.
    pub fn of(agent: &Agent, s: JsString) -> OwnedText {
        match agent.string_utf8(s) {
            Some(text) => OwnedText::Utf8(text.into_owned()),
            None => OwnedText::Utf16(agent.string_utf16(s).into_owned()),
        }
    }

    /// Length in UTF-16 code units.
    pub fn len(&self) -> usize {
        match self {
            OwnedText::Utf8(text) => {
                if text.is_ascii() {
                    text.len()
                } else {
                    text.encode_utf16().count()
                }
            }
            OwnedText::Utf16(units) => units.len(),
        }
    }

    /// True for the empty String.
    pub fn is_empty(&self) -> bool {
        match self {
            OwnedText::Utf8(text) => text.is_empty(),
            OwnedText::Utf16(units) => units.is_empty(),
        }
    }
}

/// A position in a builder to truncate back to.
#[derive(Clone, Copy, Debug)]
pub struct BuilderMark {
    bytes: usize,
    units: usize,
}

/// Accumulates the code units of a String.
#[derive(Debug, Default)]
pub struct StringBuilder {
    text: String,
    units: Option<Vec<u16>>,
    length: usize,
}

impl StringBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Length so far, in UTF-16 code units.
    pub fn len(&self) -> usize {
        self.length
    }

    /// True if nothing has been appended.
    pub fn is_empty(&self) -> bool {
        self.length == 0
    }

    fn units_mut(&mut self) -> &mut Vec<u16> {
        let text = &self.text;
        self.units
            .get_or_insert_with(|| text.encode_utf16().collect())
    }

    /// Appends well-formed text.
    #[inline]
    pub fn push_str(&mut self, s: &str) {
        self.length += if s.is_ascii() {
            s.len()
        } else {
            s.encode_utf16().count()
        };
        match &mut self.units {
            None => self.text.push_str(s),
            Some(units) => units.extend(s.encode_utf16()),
        }
    }

    /// Appends one character.
    #[inline]
    pub fn push_char(&mut self, c: char) {
        self.length += c.len_utf16();
        match &mut self.units {
            None => self.text.push(c),
            Some(units) => {
                let mut buffer = [0u16; 2];
                units.extend_from_slice(c.encode_utf16(&mut buffer));
            }
        }
    }

    /// Appends code units (lone surrogates allowed).
    pub fn push_units(&mut self, units: &[u16]) {
        if self.units.is_none()
            && let Ok(text) = String::from_utf16(units)
        {
            self.push_str(&text);
            return;
        }
        self.length += units.len();
        self.units_mut().extend_from_slice(units);
    }

    /// Appends a copied text.
    pub fn push_text(&mut self, text: &OwnedText) {
        match text {
            OwnedText::Utf8(s) => self.push_str(s),
            OwnedText::Utf16(units) => self.push_units(units),
        }
    }

    /// Appends the text of a String.
    pub fn push_string(&mut self, agent: &Agent, s: JsString) {
        let done = agent.with_str(s, |text| match text {
            Some(text) => {
                self.push_str(text);
                true
            }
            None => false,
        });
        if !done {
            self.push_units(&agent.string_utf16(s));
        }
    }

    /// The current position.
    pub fn mark(&self) -> BuilderMark {
        BuilderMark {
            bytes: self.text.len(),
            units: self.length,
        }
    }

    /// Drops everything appended since `mark` was taken.
    pub fn truncate(&mut self, mark: BuilderMark) {
        match &mut self.units {
            None => self.text.truncate(mark.bytes),
            Some(units) => units.truncate(mark.units),
        }
        self.length = mark.units;
    }

    /// The String built.
    pub fn finish<'a>(self, agent: &mut Agent, gc: NoGcScope<'a, '_>) -> JsString<'a> {
        match self.units {
            None => agent.create_string_from_owned(self.text, gc),
            Some(units) => agent.create_string_from_utf16(&units, gc),
        }
    }
}

impl std::fmt::Write for StringBuilder {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.push_str(s);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switches_to_code_units_on_lone_surrogates() {
        let mut b = StringBuilder::new();
        b.push_str("a😀");
        let mark = b.mark();
        b.push_units(&[0xD800]);
        assert_eq!(b.len(), 4);
        b.truncate(mark);
        assert_eq!(b.len(), 3);
        b.push_char('z');
        assert_eq!(b.units.as_deref(), Some(&[0x61, 0xD83D, 0xDE00, 0x7A][..]));
    }

    #[test]
    fn marks_survive_in_utf8_mode() {
        let mut b = StringBuilder::new();
        b.push_str("héllo");
        let mark = b.mark();
        b.push_str(", world");
        b.truncate(mark);
        assert_eq!(b.text, "héllo");
        assert_eq!(b.len(), 5);
    }
}
