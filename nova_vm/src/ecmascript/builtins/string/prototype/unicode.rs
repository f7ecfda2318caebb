//! String.prototype methods about Unicode forms:
//! [22.1.3.10 isWellFormed](https://tc39.es/ecma262/#sec-string.prototype.iswellformed),
//! [22.1.3.12 localeCompare](https://tc39.es/ecma262/#sec-string.prototype.localecompare),
//! [22.1.3.15 normalize](https://tc39.es/ecma262/#sec-string.prototype.normalize) and
//! [22.1.3.31 toWellFormed](https://tc39.es/ecma262/#sec-string.prototype.towellformed).

use std::cmp::Ordering;

use unicode_normalization::{
    IsNormalized, UnicodeNormalization, is_nfc_quick, is_nfd_quick, is_nfkc_quick, is_nfkd_quick,
};

use super::{map_well_formed_runs, this_to_string};
use crate::ecmascript::abstract_operations::to_string;
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{JsString, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// A Unicode normalization form.
#[derive(Clone, Copy, PartialEq, Eq)]
enum NormalizationForm {
    Nfc,
    Nfd,
    Nfkc,
    Nfkd,
}

/// ### [22.1.3.10 String.prototype.isWellFormed ( )](https://tc39.es/ecma262/#sec-string.prototype.iswellformed)
pub(super) fn is_well_formed<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_to_string(agent, this, "isWellFormed", gc)?;
    // 3. Return IsStringWellFormedUnicode(S).
    Ok(Value::Boolean(agent.is_string_well_formed_unicode(s)))
}

/// ### [22.1.3.12 String.prototype.localeCompare ( that [ , reserved1 [ , reserved2 ] ] )](https://tc39.es/ecma262/#sec-string.prototype.localecompare)
///
/// Without ECMA-402 the comparison is implementation-defined but must be a
/// total order that treats canonically equivalent strings as equal: this one
/// compares the NFC forms by code unit.
pub(super) fn locale_compare<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let that = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_to_string(agent, this, "localeCompare", gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 3. Let thatValue be ? ToString(that).
    let that_value = to_string(agent, that.get(agent), gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    let s = s.get(agent).bind(gc);
    let ordering = if agent.string_eq(s, that_value) {
        Ordering::Equal
    } else {
        let left = normalize_string(agent, s, NormalizationForm::Nfc, gc);
        let right = normalize_string(agent, that_value.bind(gc), NormalizationForm::Nfc, gc);
        agent.string_utf16(left).cmp(&agent.string_utf16(right))
    };
    Ok(Value::Integer(match ordering {
        Ordering::Less => -1,
        Ordering::Equal => 0,
        Ordering::Greater => 1,
    }))
}

/// ### [22.1.3.15 String.prototype.normalize ( [ form ] )](https://tc39.es/ecma262/#sec-string.prototype.normalize)
pub(super) fn normalize<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let form = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_to_string(agent, this, "normalize", gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 3. If form is undefined, let f be "NFC".
    // 4. Else, let f be ? ToString(form).
    let f = match form.get(agent) {
        Value::Undefined => Some(NormalizationForm::Nfc),
        form => {
            let f = to_string(agent, form, gc.reborrow())?.unbind();
            agent.with_str(f, |f| match f {
                Some("NFC") => Some(NormalizationForm::Nfc),
                Some("NFD") => Some(NormalizationForm::Nfd),
                Some("NFKC") => Some(NormalizationForm::Nfkc),
                Some("NFKD") => Some(NormalizationForm::Nfkd),
                _ => None,
            })
        }
    };
    let gc = gc.into_nogc();
    // 5. If f is not one of "NFC", "NFD", "NFKC", or "NFKD", throw a RangeError exception.
    let Some(f) = f else {
        return Err(agent.throw_range_error(
            "The normalization form should be one of NFC, NFD, NFKC, NFKD",
            gc,
        ));
    };
    // 6. Let ns be the String value that is the result of normalizing S into the
    //    normalization form named by f as specified in the latest Unicode Standard,
    //    Normalization Forms.
    let s = s.get(agent).bind(gc);
    let ns = normalize_string(agent, s, f, gc);
    // 7. Return ns.
    Ok(ns.into_value())
}

/// Normalizes a string (lone surrogates, which never combine, are kept as they are).
fn normalize_string<'gc>(
    agent: &mut Agent,
    s: JsString,
    form: NormalizationForm,
    gc: NoGcScope<'gc, '_>,
) -> JsString<'gc> {
    let normalized = agent.with_str(s, |text| {
        text.map(|text| {
            if text.is_ascii() || is_normalized_quick(text, form) {
                None
            } else {
                Some(normalize_str(text, form))
            }
        })
    });
    match normalized {
        Some(None) => s.bind(gc),
        Some(Some(text)) => agent.create_string_from_owned(text, gc),
        None => {
            let result = map_well_formed_runs(&agent.string_utf16(s), |run, result| {
                result.push_str(&normalize_str(run, form));
            });
            result.finish(agent, gc)
        }
    }
}

/// True if `text` is known to be in `form` without normalizing it.
fn is_normalized_quick(text: &str, form: NormalizationForm) -> bool {
    let check = match form {
        NormalizationForm::Nfc => is_nfc_quick(text.chars()),
        NormalizationForm::Nfd => is_nfd_quick(text.chars()),
        NormalizationForm::Nfkc => is_nfkc_quick(text.chars()),
        NormalizationForm::Nfkd => is_nfkd_quick(text.chars()),
    };
    check == IsNormalized::Yes
}

/// The normalization of well-formed text.
fn normalize_str(text: &str, form: NormalizationForm) -> String {
    match form {
        NormalizationForm::Nfc => text.nfc().collect(),
        NormalizationForm::Nfd => text.nfd().collect(),
        NormalizationForm::Nfkc => text.nfkc().collect(),
        NormalizationForm::Nfkd => text.nfkd().collect(),
    }
}

/// ### [22.1.3.31 String.prototype.toWellFormed ( )](https://tc39.es/ecma262/#sec-string.prototype.towellformed)
pub(super) fn to_well_formed<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_to_string(agent, this, "toWellFormed", gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    if agent.is_string_well_formed_unicode(s) {
        return Ok(s.bind(gc).into_value());
    }
    // 3. Let strLen be the length of S.
    // 4. Let k be 0.
    // 5. Let result be the empty String.
    // 6. Repeat, while k < strLen,
    //    a. Let cp be CodePointAt(S, k).
    //    b. If cp.[[IsUnpairedSurrogate]] is true, then
    //       i. Set result to the string-concatenation of result and 0xFFFD
    //          (REPLACEMENT CHARACTER).
    //    c. Else,
    //       i. Set result to the string-concatenation of result and
    //          UTF16EncodeCodePoint(cp.[[CodePoint]]).
    //    d. Set k to k + cp.[[CodeUnitCount]].
    let result = agent.string_lossy(s).into_owned();
    // 7. Return result.
    Ok(agent.create_string_from_owned(result, gc).into_value())
}
