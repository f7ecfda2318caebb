//! The flags of a regular expression (`[[OriginalFlags]]`), as a set.

use crate::ecmascript::types::CodeUnits;

/// A set of RegExp flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct RegExpFlags(u8);

impl RegExpFlags {
    /// `d`: hasIndices.
    pub const HAS_INDICES: RegExpFlags = RegExpFlags(Self::HAS_INDICES_BIT);
    /// `g`: global.
    pub const GLOBAL: RegExpFlags = RegExpFlags(Self::GLOBAL_BIT);
    /// `i`: ignoreCase.
    pub const IGNORE_CASE: RegExpFlags = RegExpFlags(Self::IGNORE_CASE_BIT);
    /// `m`: multiline.
    pub const MULTILINE: RegExpFlags = RegExpFlags(Self::MULTILINE_BIT);
    /// `s`: dotAll.
    pub const DOT_ALL: RegExpFlags = RegExpFlags(Self::DOT_ALL_BIT);
    /// `u`: unicode.
    pub const UNICODE: RegExpFlags = RegExpFlags(Self::UNICODE_BIT);
    /// `v`: unicodeSets.
    pub const UNICODE_SETS: RegExpFlags = RegExpFlags(Self::UNICODE_SETS_BIT);
    /// `y`: sticky.
    pub const STICKY: RegExpFlags = RegExpFlags(Self::STICKY_BIT);

    /// The bit of `d`, for const generics.
    pub const HAS_INDICES_BIT: u8 = 1;
    /// The bit of `g`.
    pub const GLOBAL_BIT: u8 = 2;
    /// The bit of `i`.
    pub const IGNORE_CASE_BIT: u8 = 4;
    /// The bit of `m`.
    pub const MULTILINE_BIT: u8 = 8;
    /// The bit of `s`.
    pub const DOT_ALL_BIT: u8 = 16;
    /// The bit of `u`.
    pub const UNICODE_BIT: u8 = 32;
    /// The bit of `v`.
    pub const UNICODE_SETS_BIT: u8 = 64;
    /// The bit of `y`.
    pub const STICKY_BIT: u8 = 128;

    /// The set holding the flags of `bits`.
    pub const fn from_bit(bits: u8) -> RegExpFlags {
        RegExpFlags(bits)
    }

    /// Every flag with its letter, in the order of the `flags` getter.
    pub const ALL: [(RegExpFlags, u8); 8] = [
        (Self::HAS_INDICES, b'd'),
        (Self::GLOBAL, b'g'),
        (Self::IGNORE_CASE, b'i'),
        (Self::MULTILINE, b'm'),
        (Self::DOT_ALL, b's'),
        (Self::UNICODE, b'u'),
        (Self::UNICODE_SETS, b'v'),
        (Self::STICKY, b'y'),
    ];

    /// The flag a code unit names, if any.
    pub fn from_letter(unit: u16) -> Option<RegExpFlags> {
        Self::ALL
            .iter()
            .find(|(_, letter)| u16::from(*letter) == unit)
            .map(|(flag, _)| *flag)
    }

    /// True if every flag of `other` is set.
    #[inline]
    pub fn contains(self, other: RegExpFlags) -> bool {
        self.0 & other.0 == other.0
    }

    /// The union of two sets.
    #[inline]
    pub fn with(self, other: RegExpFlags) -> RegExpFlags {
        RegExpFlags(self.0 | other.0)
    }

    /// The flags that change how the pattern is compiled (not g, y or d).
    pub fn compile_bits(self) -> u8 {
        self.0 & !(Self::GLOBAL.0 | Self::STICKY.0 | Self::HAS_INDICES.0)
    }

    /// `u` or `v`: the pattern and input are read as code points.
    #[inline]
    pub fn full_unicode(self) -> bool {
        self.contains(Self::UNICODE) || self.contains(Self::UNICODE_SETS)
    }

    /// Parses a flags string: `None` if it holds a code unit other than
    /// d, g, i, m, s, u, v or y, repeats one, or holds both u and v
    /// (RegExpInitialize step 5).
    pub fn parse(units: &CodeUnits) -> Option<RegExpFlags> {
        let mut flags = RegExpFlags::default();
        for i in 0..units.len() {
            let flag = Self::from_letter(units.at(i))?;
            if flags.contains(flag) {
                return None;
            }
            flags = flags.with(flag);
        }
        if flags.contains(Self::UNICODE) && flags.contains(Self::UNICODE_SETS) {
            return None;
        }
        Some(flags)
    }

    /// The flags as a string in the canonical order "dgimsuvy".
    pub fn to_letters(self) -> String {
        Self::ALL
            .iter()
            .filter(|(flag, _)| self.contains(*flag))
            .map(|(_, letter)| char::from(*letter))
            .collect()
    }

    /// The options regress compiles with.
    pub fn regress_flags(self) -> regress::Flags {
        regress::Flags {
            icase: self.contains(Self::IGNORE_CASE),
            multiline: self.contains(Self::MULTILINE),
            dot_all: self.contains(Self::DOT_ALL),
            no_opt: false,
            unicode: self.contains(Self::UNICODE),
            unicode_sets: self.contains(Self::UNICODE_SETS),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_parse_and_print() {
        let flags = RegExpFlags::parse(&CodeUnits::Ascii("ygid")).expect("valid");
        assert_eq!(flags.to_letters(), "dgiy");
        assert!(RegExpFlags::parse(&CodeUnits::Ascii("gg")).is_none());
        assert!(RegExpFlags::parse(&CodeUnits::Ascii("uv")).is_none());
        assert!(RegExpFlags::parse(&CodeUnits::Ascii("x")).is_none());
        assert!(flags.contains(RegExpFlags::STICKY));
        assert!(!flags.full_unicode());
    }
}
