//! ### [22.1.3 Properties of the String Prototype Object](https://tc39.es/ecma262/#sec-properties-of-the-string-prototype-object)
//! and [B.2.2 Additional Properties of the String.prototype Object](https://tc39.es/ecma262/#sec-additional-properties-of-the-string.prototype-object)

mod case_conversion;
mod code_unit_access;
mod html_methods;
mod padding;
mod regexp_methods;
mod replace;
mod search;
mod split;
mod substrings;
mod trim;
mod unicode;

pub(crate) use replace::{TemplatePart, get_substitution, parse_replacement_template};

use super::iterator::string_prototype_iterator;
use crate::ecmascript::abstract_operations::{
    integer_or_infinity, to_integer_or_infinity, to_string,
};
use crate::ecmascript::builtins::function_objects::RegularFn;
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{JsString, StringBuilder, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    // The String prototype object is a String exotic object whose [[StringData]] is the
    // empty String and whose [[Prototype]] is %Object.prototype%.
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = agent.create_string_object(JsString::EMPTY, Some(object_prototype), gc);
    agent.set_intrinsic(Intrinsic::StringPrototype, prototype);

    let methods: [(&str, u32, RegularFn); 46] = [
        ("at", 1, code_unit_access::at),
        ("charAt", 1, code_unit_access::char_at),
        ("charCodeAt", 1, code_unit_access::char_code_at),
        ("codePointAt", 1, code_unit_access::code_point_at),
        ("concat", 1, substrings::concat),
        ("endsWith", 1, search::ends_with),
        ("includes", 1, search::includes),
        ("indexOf", 1, search::index_of),
        ("isWellFormed", 0, unicode::is_well_formed),
        ("lastIndexOf", 1, search::last_index_of),
        ("localeCompare", 1, unicode::locale_compare),
        ("match", 1, regexp_methods::r#match),
        ("matchAll", 1, regexp_methods::match_all),
        ("normalize", 0, unicode::normalize),
        ("padEnd", 1, padding::pad_end),
        ("padStart", 1, padding::pad_start),
        ("repeat", 1, substrings::repeat),
        ("replace", 2, replace::replace),
        ("replaceAll", 2, replace::replace_all),
        ("search", 1, regexp_methods::search),
        ("slice", 2, substrings::slice),
        ("split", 2, split::split),
        ("startsWith", 1, search::starts_with),
        ("substring", 2, substrings::substring),
        (
            "toLocaleLowerCase",
            0,
            case_conversion::to_locale_lower_case,
        ),
        (
            "toLocaleUpperCase",
            0,
            case_conversion::to_locale_upper_case,
        ),
        ("toLowerCase", 0, case_conversion::to_lower_case),
        ("toString", 0, to_string_method),
        ("toUpperCase", 0, case_conversion::to_upper_case),
        ("toWellFormed", 0, unicode::to_well_formed),
        ("trim", 0, trim::trim),
        ("valueOf", 0, value_of),
        // B.2.2 Additional Properties of the String.prototype Object
        ("substr", 2, substrings::substr),
        ("anchor", 1, html_methods::anchor),
        ("big", 0, html_methods::big),
        ("blink", 0, html_methods::blink),
        ("bold", 0, html_methods::bold),
        ("fixed", 0, html_methods::fixed),
        ("fontcolor", 1, html_methods::fontcolor),
        ("fontsize", 1, html_methods::fontsize),
        ("italics", 0, html_methods::italics),
        ("link", 1, html_methods::link),
        ("small", 0, html_methods::small),
        ("strike", 0, html_methods::strike),
        ("sub", 0, html_methods::sub),
        ("sup", 0, html_methods::sup),
    ];
    for (name, length, behaviour) in methods {
        agent.define_builtin_method(prototype, BuiltinName::Str(name), length, behaviour, gc);
    }
    let trim_start = agent.define_builtin_method(
        prototype,
        BuiltinName::Str("trimStart"),
        0,
        trim::trim_start,
        gc,
    );
    // B.2.2.15 String.prototype.trimLeft ( ): the initial value is %String.prototype.trimStart%.
    agent.define_builtin_property(
        prototype,
        BuiltinName::Str("trimLeft"),
        trim_start.into(),
        Attributes::BUILTIN,
        gc,
    );
    let trim_end = agent.define_builtin_method(
        prototype,
        BuiltinName::Str("trimEnd"),
        0,
        trim::trim_end,
        gc,
    );
    // B.2.2.16 String.prototype.trimRight ( ): the initial value is %String.prototype.trimEnd%.
    agent.define_builtin_property(
        prototype,
        BuiltinName::Str("trimRight"),
        trim_end.into(),
        Attributes::BUILTIN,
        gc,
    );
    agent.define_builtin_method(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::Iterator),
        0,
        string_prototype_iterator,
        gc,
    );
}

/// The steps most methods start with: `Let O be ? RequireObjectCoercible(this value).`
/// and `Let S be ? ToString(O).`
pub(super) fn this_to_string<'gc>(
    agent: &mut Agent,
    this: Value,
    method: &str,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, JsString<'gc>> {
    if let Some(s) = this.as_string() {
        return Ok(s.unbind().bind(gc.into_nogc()));
    }
    // 1. Let O be ? RequireObjectCoercible(this value).
    if this.is_nullish() {
        let message = format!("String.prototype.{method} called on null or undefined");
        return Err(agent.throw_type_error(&message, gc.into_nogc()));
    }
    // 2. Let S be ? ToString(O).
    to_string(agent, this, gc)
}

/// ToIntegerOrInfinity(value) when it cannot run JavaScript: for undefined and
/// Numbers (None for other values, which take the general path).
pub(super) fn integer_of_number(agent: &Agent, value: Value) -> Option<f64> {
    match value {
        Value::Undefined => Some(0.0),
        Value::Integer(i) => Some(f64::from(i)),
        Value::SmallF64(_) | Value::Number(_) => {
            Some(integer_or_infinity(agent.number_value(value)))
        }
        _ => None,
    }
}

/// The steps `Let O be ? RequireObjectCoercible(this value).`, `Let S be ? ToString(O).`
/// and then ToIntegerOrInfinity of `argument`, in that order.
pub(super) fn this_to_string_and_integer<'gc>(
    agent: &mut Agent,
    this: Value,
    argument: Value,
    method: &str,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, (JsString<'gc>, f64)> {
    if let (Some(s), Some(integer)) = (this.as_string(), integer_of_number(agent, argument)) {
        return Ok((s.unbind().bind(gc.into_nogc()), integer));
    }
    let argument = argument.bind(gc.nogc()).scope(agent, gc.nogc());
    let s = this_to_string(agent, this, method, gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    let integer = to_integer_or_infinity(agent, argument.get(agent), gc.reborrow())?;
    let gc = gc.into_nogc();
    Ok((s.get(agent).bind(gc), integer))
}

/// Rebuilds a string given as UTF-16 code units: each maximal run without
/// lone surrogates is decoded and passed to `map`, which appends its image to
/// the builder; lone surrogates are kept as they are.
pub(super) fn map_well_formed_runs(
    units: &[u16],
    mut map: impl FnMut(&str, &mut StringBuilder),
) -> StringBuilder {
    let mut result = StringBuilder::new();
    let mut run = String::new();
    for c in char::decode_utf16(units.iter().copied()) {
        match c {
            Ok(c) => run.push(c),
            Err(lone) => {
                map(&run, &mut result);
                run.clear();
                result.push_code_unit(lone.unpaired_surrogate());
            }
        }
    }
    map(&run, &mut result);
    result
}

/// An integer (or ±∞) clamped to `0..=len`, as an index.
#[inline]
pub(super) fn clamp_index(value: f64, len: usize) -> usize {
    value.clamp(0.0, len as f64) as usize
}

/// ### [22.1.3.29 String.prototype.toString ( )](https://tc39.es/ecma262/#sec-string.prototype.tostring)
fn to_string_method<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return ? ThisStringValue(this value).
    let gc = gc.into_nogc();
    this_string_value(agent, this, "toString", gc).map(JsString::into_value)
}

/// ### [22.1.3.35 String.prototype.valueOf ( )](https://tc39.es/ecma262/#sec-string.prototype.valueof)
fn value_of<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return ? ThisStringValue(this value).
    let gc = gc.into_nogc();
    this_string_value(agent, this, "valueOf", gc).map(JsString::into_value)
}

/// ### [22.1.3.35.1 ThisStringValue ( value )](https://tc39.es/ecma262/#sec-thisstringvalue)
fn this_string_value<'gc>(
    agent: &mut Agent,
    value: Value,
    method: &str,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, JsString<'gc>> {
    // 1. If value is a String, return value.
    if let Some(s) = value.as_string() {
        return Ok(s.bind(gc));
    }
    // 2. If value is an Object and value has a [[StringData]] internal slot, then
    if let Value::Object(o) = value
        && let ObjectKind::StringObject(data) = o.kind(agent)
        // a. Let s be value.[[StringData]].
        // b. Assert: s is a String.
        && let Some(s) = agent.internal_value(data).as_string()
    {
        // c. Return s.
        return Ok(s.bind(gc));
    }
    // 3. Throw a TypeError exception.
    let message = format!("String.prototype.{method} requires that 'this' be a String");
    Err(agent.throw_type_error(&message, gc))
}
