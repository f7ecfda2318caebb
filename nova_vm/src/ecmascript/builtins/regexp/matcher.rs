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
        non_unicode_code_points(units)
    };
    let code_points = rewrite_duplicate_backreferences(code_points, flags);
    let options = flags.regress_flags();
    match catch_unwind(AssertUnwindSafe(|| {
        Regex::from_unicode(code_points.iter().copied(), options)
    })) {
        Ok(Ok(regex)) => Ok(regex),
        Ok(Err(error)) => Err(CompileError::Syntax(error.text)),
        Err(_) => Err(CompileError::Unsupported),
    }
}

/// A capturing group found by [`scan_groups`]: its number and name, if any.
struct GroupInfo {
    number: usize,
    name: Option<Vec<u32>>,
}

/// The capturing groups of a pattern, in order (escapes and classes skipped).
fn scan_groups(cps: &[u32], unicode_sets: bool) -> Vec<GroupInfo> {
    let (backslash, open_paren, open_bracket, question, lt, gt) =
        (0x5C, 0x28, 0x5B, 0x3F, 0x3C, 0x3E);
    let mut groups = Vec::new();
    let mut class_depth = 0usize;
    let mut i = 0;
    while i < cps.len() {
        let c = cps[i];
        if c == backslash {
            i += 2;
            continue;
        }
        if c == open_bracket {
            if class_depth == 0 || unicode_sets {
                class_depth += 1;
            }
        } else if c == 0x5D {
            class_depth = class_depth.saturating_sub(1);
        } else if class_depth == 0 && c == open_paren {
            if cps.get(i + 1) != Some(&question) {
                groups.push(GroupInfo {
                    number: groups.len() + 1,
                    name: None,
                });
            } else if cps.get(i + 2) == Some(&lt) && !matches!(cps.get(i + 3), Some(0x3D | 0x21)) {
                let start = i + 3;
                let end = cps[start..]
                    .iter()
                    .position(|&c| c == gt)
                    .map_or(cps.len(), |p| start + p);
                groups.push(GroupInfo {
                    number: groups.len() + 1,
                    name: Some(cps[start..end].to_vec()),
                });
                i = end;
            }
        }
        i += 1;
    }
    groups
}

/// regress resolves `\k<name>` to one group even when several groups share the
/// name (allowed in different alternatives). At most one of them participates and
/// a backreference to a group that did not participate matches the empty string,
/// so `\k<name>` is the concatenation of backreferences to all of them.
fn rewrite_duplicate_backreferences(cps: Vec<u32>, flags: RegExpFlags) -> Vec<u32> {
    let groups = scan_groups(&cps, flags.contains(RegExpFlags::UNICODE_SETS));
    let numbers_of = |name: &[u32]| -> Vec<usize> {
        groups
            .iter()
            .filter(|g| g.name.as_deref() == Some(name))
            .map(|g| g.number)
            .collect()
    };
    let has_duplicates = groups
        .iter()
        .any(|g| g.name.as_deref().is_some_and(|n| numbers_of(n).len() > 1));
    if !has_duplicates {
        return cps;
    }
    let mut out = Vec::with_capacity(cps.len());
    let mut class_depth = 0usize;
    let unicode_sets = flags.contains(RegExpFlags::UNICODE_SETS);
    let mut i = 0;
    while i < cps.len() {
        let c = cps[i];
        if c == 0x5C {
            let is_named_reference = class_depth == 0
                && cps.get(i + 1) == Some(&u32::from(b'k'))
                && cps.get(i + 2) == Some(&u32::from(b'<'));
            if is_named_reference && let Some(length) = cps[i + 3..].iter().position(|&c| c == 0x3E)
            {
                let numbers = numbers_of(&cps[i + 3..i + 3 + length]);
                if numbers.len() > 1 {
                    out.extend("(?:".chars().map(u32::from));
                    for number in numbers {
                        out.push(0x5C);
                        out.extend(number.to_string().chars().map(u32::from));
                    }
                    out.push(u32::from(b')'));
                    i += 3 + length + 1;
                    continue;
                }
            }
            out.push(c);
            if let Some(&next) = cps.get(i + 1) {
                out.push(next);
            }
            i += 2;
            continue;
        }
        if c == 0x5B && (class_depth == 0 || unicode_sets) {
            class_depth += 1;
        } else if c == 0x5D {
            class_depth = class_depth.saturating_sub(1);
        }
        out.push(c);
        i += 1;
    }
    out
}

/// A pattern without u or v as characters: each code unit on its own, except
/// in group names (`(?<name>` and `\k<name>`), where the grammar's
/// RegExpIdentifierName reads a surrogate pair as one code point in any mode.
fn non_unicode_code_points(units: &[u16]) -> Vec<u32> {
    let mut out = Vec::with_capacity(units.len());
    let mut in_name = false;
    let mut i = 0;
    while i < units.len() {
        let unit = units[i];
        if in_name {
            if unit == u16::from(b'>') {
                in_name = false;
            } else if is_leading_surrogate(unit)
                && i + 1 < units.len()
                && is_trailing_surrogate(units[i + 1])
            {
                let joined = 0x10000
                    + ((u32::from(unit) - 0xD800) << 10)
                    + (u32::from(units[i + 1]) - 0xDC00);
                out.push(joined);
                i += 2;
                continue;
            }
        } else if unit == u16::from(b'\\') && i + 1 < units.len() {
            // An escape: `\k<` opens a group name; any other escaped unit is copied.
            out.push(u32::from(unit));
            out.push(u32::from(units[i + 1]));
            if units[i + 1] == u16::from(b'k') && units.get(i + 2) == Some(&u16::from(b'<')) {
                in_name = true;
                out.push(u32::from(b'<'));
                i += 3;
            } else {
                i += 2;
            }
            continue;
        } else if unit == u16::from(b'(')
            && units.get(i + 1) == Some(&u16::from(b'?'))
            && units.get(i + 2) == Some(&u16::from(b'<'))
            && !matches!(units.get(i + 3).copied(), Some(0x3D | 0x21))
        {
            // `(?<` not followed by `=` or `!`: a named group.
            out.extend([u32::from(b'('), u32::from(b'?'), u32::from(b'<')]);
            in_name = true;
            i += 3;
            continue;
        }
        out.push(u32::from(unit));
        i += 1;
    }
    out
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
