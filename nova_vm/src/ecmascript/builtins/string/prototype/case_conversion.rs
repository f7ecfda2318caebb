//! [22.1.3.26 toLocaleLowerCase](https://tc39.es/ecma262/#sec-string.prototype.tolocalelowercase),
//! [22.1.3.27 toLocaleUpperCase](https://tc39.es/ecma262/#sec-string.prototype.tolocaleuppercase),
//! [22.1.3.28 toLowerCase](https://tc39.es/ecma262/#sec-string.prototype.tolowercase) and
//! [22.1.3.30 toUpperCase](https://tc39.es/ecma262/#sec-string.prototype.touppercase).
//!
//! The mappings are Unicode's default case conversion (UnicodeData.txt plus the
//! locale-insensitive rules of SpecialCasing.txt, including the final-sigma
//! context), as Rust's standard library implements it. Without ECMA-402 the
//! host locale is the root locale, so the locale variants behave identically.

use super::{map_well_formed_runs, this_to_string};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{JsString, Value};
use crate::engine::{Bindable, GcScope, NoGcScope};

/// The direction of a case conversion.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    Lower,
    Upper,
}

/// ### [22.1.3.26 String.prototype.toLocaleLowerCase ( [ reserved1 [ , reserved2 ] ] )](https://tc39.es/ecma262/#sec-string.prototype.tolocalelowercase)
pub(super) fn to_locale_lower_case<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // It works exactly the same as toLowerCase except that it is intended to yield a
    // locale-sensitive result; the host locale here is the root locale.
    convert_case(agent, this, Case::Lower, "toLocaleLowerCase", gc)
}

/// ### [22.1.3.27 String.prototype.toLocaleUpperCase ( [ reserved1 [ , reserved2 ] ] )](https://tc39.es/ecma262/#sec-string.prototype.tolocaleuppercase)
pub(super) fn to_locale_upper_case<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // It works exactly the same as toUpperCase except that it is intended to yield a
    // locale-sensitive result; the host locale here is the root locale.
    convert_case(agent, this, Case::Upper, "toLocaleUpperCase", gc)
}

/// ### [22.1.3.28 String.prototype.toLowerCase ( )](https://tc39.es/ecma262/#sec-string.prototype.tolowercase)
pub(super) fn to_lower_case<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    convert_case(agent, this, Case::Lower, "toLowerCase", gc)
}

/// ### [22.1.3.30 String.prototype.toUpperCase ( )](https://tc39.es/ecma262/#sec-string.prototype.touppercase)
pub(super) fn to_upper_case<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // It behaves in exactly the same way as String.prototype.toLowerCase, except that the
    // String is mapped using the toUppercase algorithm of the Unicode Default Case
    // Conversion.
    convert_case(agent, this, Case::Upper, "toUpperCase", gc)
}

/// The steps of toLowerCase, with the mapping direction as a parameter.
fn convert_case<'gc>(
    agent: &mut Agent,
    this: Value,
    case: Case,
    method: &str,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_to_string(agent, this, method, gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    // 3. Let sText be StringToCodePoints(S).
    // 4. Let lowerText be toLowercase(sText), according to the Unicode Default Case
    //    Conversion algorithm.
    // 5. Let L be CodePointsToString(lowerText).
    // 6. Return L.
    Ok(string_case_mapping(agent, s, case, gc).into_value())
}

/// Maps a whole string. Lone surrogates map to themselves; they are neither
/// cased nor case-ignorable, so each well-formed run between them is mapped
/// with its own context.
fn string_case_mapping<'gc>(
    agent: &mut Agent,
    s: JsString,
    case: Case,
    gc: NoGcScope<'gc, '_>,
) -> JsString<'gc> {
    let mapped = agent.with_str(s, |text| {
        text.map(|text| {
            if text.is_ascii() {
                let unchanged = match case {
                    Case::Lower => !text.bytes().any(|b| b.is_ascii_uppercase()),
                    Case::Upper => !text.bytes().any(|b| b.is_ascii_lowercase()),
                };
                if unchanged {
                    return None;
                }
                return Some(match case {
                    Case::Lower => text.to_ascii_lowercase(),
                    Case::Upper => text.to_ascii_uppercase(),
                });
            }
            let mapped = map_str(text, case);
            (mapped != text).then_some(mapped)
        })
    });
    match mapped {
        Some(None) => s.bind(gc),
        Some(Some(text)) => agent.create_string_from_owned(text, gc),
        None => {
            let result = map_well_formed_runs(&agent.string_utf16(s), |run, result| {
                result.push_str(&map_str(run, case));
            });
            result.finish(agent, gc)
        }
    }
}

/// Unicode default case conversion of well-formed text.
fn map_str(text: &str, case: Case) -> String {
    match case {
        Case::Lower => text.to_lowercase(),
        Case::Upper => text.to_uppercase(),
    }
}
