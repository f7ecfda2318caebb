//! The bridge to `regress`: compiling patterns (with a cache shared by the
//! agent's RegExp objects) and running a matcher over a String value.
//!
//! A pattern is handed to regress as code points: with the u or v flag the
//! pattern's surrogate pairs are joined (StringToCodePoints), otherwise each
//! code unit is its own character, as
//! [22.2.3.4 ParsePattern](https://tc39.es/ecma262/#sec-parsepattern) requires.
//! The subject is matched in place: an ASCII string as its bytes, any other
//! string as its UTF-16 code units (which the string record caches), read as
//! code points (u, v) or as code units, so no exec re-encodes the subject.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use ahash::AHashMap;
use regress::{Match, Regex};

use super::RegExpFlags;
use crate::ecmascript::execution::Agent;
use crate::ecmascript::types::{CodeUnits, JsString, is_leading_surrogate, is_trailing_surrogate};

/// Compiled patterns by pattern text and compile-relevant flags. Literals in
/// loops and `new RegExp(s)` with a repeated `s` compile once.
#[derive(Debug, Default)]
pub struct RegExpCache {
    entries: AHashMap<(Box<[u16]>, u8), Arc<Regex>>,
}

/// Entries kept before the cache is emptied (it is only an accelerator).
const CACHE_LIMIT: usize = 512;

/// Why a pattern could not be compiled.
pub(crate) enum CompileError {
    /// The pattern is not valid for these flags (a SyntaxError).
    Syntax(String),
    /// regress failed on a pattern it should handle.
    Unsupported,
}

impl Agent {
    /// The matcher for `pattern` with `flags` (the parse of
    /// [22.2.3.3 RegExpInitialize](https://tc39.es/ecma262/#sec-regexpinitialize)
    /// steps 6-11).
    pub(crate) fn compile_regexp(
        &mut self,
        pattern: JsString,
        flags: RegExpFlags,
    ) -> Result<Arc<Regex>, CompileError> {
        let units: Box<[u16]> = self.string_utf16(pattern).into();
        let key = (units, flags.compile_bits());
        if let Some(regex) = self.regexp_cache.entries.get(&key) {
            return Ok(regex.clone());
        }
        let regex = Arc::new(compile_units(&key.0, flags)?);
        if self.regexp_cache.entries.len() >= CACHE_LIMIT {
            self.regexp_cache.entries.clear();
        }
        self.regexp_cache.entries.insert(key, regex.clone());
        Ok(regex)
    }
}

/// Compiles a pattern given as UTF-16 code units.
pub(crate) fn compile_units(units: &[u16], flags: RegExpFlags) -> Result<Regex, CompileError> {
    let code_points: Vec<u32> = if flags.full_unicode() {
        char::decode_utf16(units.iter().copied())
            .map(|r| r.map_or_else(|e| u32::from(e.unpaired_surrogate()), u32::from))
            .collect()
    } else {
        units.iter().map(|&u| u32::from(u)).collect()
    };
    let options = flags.regress_flags();
    match catch_unwind(AssertUnwindSafe(|| {
        Regex::from_unicode(code_points.iter().copied(), options)
    })) {
        Ok(Ok(regex)) => Ok(regex),
        Ok(Err(error)) => Err(CompileError::Syntax(error.text)),
        Err(_) => Err(CompileError::Unsupported),
    }
}

/// The matcher panicked (a bug in the regex engine, reported as a JS error).
pub(crate) struct MatcherFailed;

/// Runs `regex` over `units` from code unit `start` (at most the length):
/// the first match starting at or after `start`, or, if `sticky`, only a match
/// starting exactly at `start`. Ranges are code-unit indexes.
pub(crate) fn find_match(
    regex: &Regex,
    units: &CodeUnits,
    start: usize,
    full_unicode: bool,
    sticky: bool,
) -> Result<Option<Match>, MatcherFailed> {
    let found = catch_unwind(AssertUnwindSafe(|| match units {
        CodeUnits::Ascii(text) => regex.find_from(text, start).next(),
        CodeUnits::Utf16(text) if full_unicode => regex.find_from_utf16(text, start).next(),
        CodeUnits::Utf16(text) => regex.find_from_ucs2(text, start).next(),
    }))
    .map_err(|_| MatcherFailed)?;
    Ok(found.filter(|m| !sticky || m.start() == start))
}

/// In a code-point (u or v) match, the index of the code point that holds
/// code unit `index`: one less when `index` is the trailing half of a pair.
pub(crate) fn code_point_start(units: &CodeUnits, index: usize) -> usize {
    if index > 0
        && index < units.len()
        && is_trailing_surrogate(units.at(index))
        && is_leading_surrogate(units.at(index - 1))
    {
        index - 1
    } else {
        index
    }
}
