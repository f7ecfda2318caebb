//! ### [21.4.4 Properties of the Date Prototype Object](https://tc39.es/ecma262/#sec-properties-of-the-date-prototype-object)
//!
//! Creates %Date.prototype% with the getters (`getters.rs`), the setters
//! (`setters.rs`) and, here, the string conversions, `toJSON` and
//! `[Symbol.toPrimitive]`.

use super::format::{
    date_string, iso_string, time_string, time_zone_string, to_date_string, utc_string,
};
use super::getters::GETTERS;
use super::require_date;
use super::setters::SETTERS;
use super::time_zone::local_time;
use crate::ecmascript::abstract_operations::{
    PreferredType, invoke, ordinary_to_primitive, to_object, to_primitive,
};
use crate::ecmascript::builtins::function_objects::{Behaviour, RegularFn};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// Creates %Date.prototype%: an ordinary object (not a Date) with the methods.
pub(super) fn create(agent: &mut Agent, gc: NoGcScope) {
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    agent.set_intrinsic(Intrinsic::DatePrototype, prototype);
    for (name, behaviour) in GETTERS {
        agent.define_builtin_method(prototype, BuiltinName::Str(name), 0, behaviour, gc);
    }
    for (name, length, behaviour) in SETTERS {
        agent.define_builtin_method(prototype, BuiltinName::Str(name), length, behaviour, gc);
    }
    let methods: [(&str, u32, RegularFn); 8] = [
        ("toDateString", 0, to_date_string_method),
        ("toISOString", 0, to_iso_string),
        ("toJSON", 1, to_json),
        ("toLocaleDateString", 0, to_locale_date_string),
        ("toLocaleString", 0, to_locale_string),
        ("toLocaleTimeString", 0, to_locale_time_string),
        ("toString", 0, to_string),
        ("toTimeString", 0, to_time_string),
    ];
    for (name, length, behaviour) in methods {
        agent.define_builtin_method(prototype, BuiltinName::Str(name), length, behaviour, gc);
    }
    // 21.4.4.43 Date.prototype.toUTCString, and B.2.3.3 Date.prototype.toGMTString: the
    // initial value of "toGMTString" is %Date.prototype.toUTCString%.
    let to_utc = agent.define_builtin_method(
        prototype,
        BuiltinName::Str("toUTCString"),
        0,
        to_utc_string,
        gc,
    );
    agent.define_builtin_property(
        prototype,
        BuiltinName::Str("toGMTString"),
        to_utc.into(),
        Attributes::BUILTIN,
        gc,
    );
    // 21.4.4.45 Date.prototype [ %Symbol.toPrimitive% ]: { [[Writable]]: false,
    // [[Enumerable]]: false, [[Configurable]]: true }, named "[Symbol.toPrimitive]".
    let to_primitive_function = agent.create_builtin_function(
        Behaviour::Regular(symbol_to_primitive),
        1,
        "[Symbol.toPrimitive]",
        None,
        None,
        None,
        gc,
    );
    agent.define_builtin_property(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::ToPrimitive),
        to_primitive_function.into(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
}

/// The time value of `this` for a string method (RequireInternalSlot, then [[DateValue]]).
fn this_time_value<'gc>(
    agent: &mut Agent,
    this: Value,
    method: &str,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, f64> {
    let date = require_date(agent, this, method, gc)?;
    Ok(agent.date_value(date))
}

fn string_result<'gc>(agent: &mut Agent, text: &str, gc: NoGcScope<'gc, '_>) -> Value<'gc> {
    agent.create_string(text, gc).into_value()
}

/// ### [21.4.4.35 Date.prototype.toDateString ( )](https://tc39.es/ecma262/#sec-date.prototype.todatestring)
fn to_date_string_method<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    // 3. Let tv be dateObject.[[DateValue]].
    let tv = this_time_value(agent, this, "toDateString", gc)?;
    // 4. If tv is NaN, return "Invalid Date".
    if tv.is_nan() {
        return Ok(string_result(agent, "Invalid Date", gc));
    }
    // 5. Let t be LocalTime(tv).
    let t = local_time(tv);
    // 6. Return DateString(t).
    Ok(string_result(agent, &date_string(t), gc))
}

/// ### [21.4.4.36 Date.prototype.toISOString ( )](https://tc39.es/ecma262/#sec-date.prototype.toisostring)
fn to_iso_string<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    // 3. Let tv be dateObject.[[DateValue]].
    let tv = this_time_value(agent, this, "toISOString", gc)?;
    // 4. If tv is NaN, throw a RangeError exception.
    if tv.is_nan() {
        return Err(agent.throw_range_error("Invalid time value", gc));
    }
    // 5. Assert: tv is an integral Number.
    // 6. If tv corresponds with a year that cannot be represented in the Date Time String
    //    Format, throw a RangeError exception.
    // 7. Return a String representation of tv in the Date Time String Format on the UTC time
    //    scale, including all format elements and the UTC offset representation "Z".
    match iso_string(tv) {
        Some(text) => Ok(string_result(agent, &text, gc)),
        None => Err(agent.throw_range_error("Invalid time value", gc)),
    }
}

/// ### [21.4.4.37 Date.prototype.toJSON ( key )](https://tc39.es/ecma262/#sec-date.prototype.tojson)
fn to_json<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, this, gc.nogc())?.scope(agent, gc.nogc());
    // 2. Let tv be ? ToPrimitive(O, number).
    let tv = to_primitive(
        agent,
        o.get(agent).into(),
        Some(PreferredType::Number),
        gc.reborrow(),
    )?
    .unbind()
    .bind(gc.nogc());
    // 3. If tv is a Number and tv is not finite, return null.
    if tv.is_number() && !agent.number_value(tv).is_finite() {
        return Ok(Value::Null);
    }
    // 4. Return ? Invoke(O, "toISOString").
    let key = agent.static_key("toISOString");
    invoke(agent, o.get(agent).into(), key, ArgumentsList::EMPTY, gc)
}

/// ### [21.4.4.38 Date.prototype.toLocaleDateString ( [ reserved1 [ , reserved2 ] ] )](https://tc39.es/ecma262/#sec-date.prototype.tolocaledatestring)
///
/// Without ECMA-402 the form is implementation-defined: the same as toDateString.
fn to_locale_date_string<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    let tv = this_time_value(agent, this, "toLocaleDateString", gc)?;
    if tv.is_nan() {
        return Ok(string_result(agent, "Invalid Date", gc));
    }
    Ok(string_result(agent, &date_string(local_time(tv)), gc))
}

/// ### [21.4.4.39 Date.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] )](https://tc39.es/ecma262/#sec-date.prototype.tolocalestring)
///
/// Without ECMA-402 the form is implementation-defined: the same as toString.
fn to_locale_string<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    let tv = this_time_value(agent, this, "toLocaleString", gc)?;
    Ok(string_result(agent, &to_date_string(tv), gc))
}

/// ### [21.4.4.40 Date.prototype.toLocaleTimeString ( [ reserved1 [ , reserved2 ] ] )](https://tc39.es/ecma262/#sec-date.prototype.tolocaletimestring)
///
/// Without ECMA-402 the form is implementation-defined: the same as toTimeString.
fn to_locale_time_string<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    let tv = this_time_value(agent, this, "toLocaleTimeString", gc)?;
    Ok(string_result(agent, &time_string_with_zone(tv), gc))
}

/// ### [21.4.4.41 Date.prototype.toString ( )](https://tc39.es/ecma262/#sec-date.prototype.tostring)
fn to_string<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    // 3. Let tv be dateObject.[[DateValue]].
    let tv = this_time_value(agent, this, "toString", gc)?;
    // 4. Return ToDateString(tv).
    Ok(string_result(agent, &to_date_string(tv), gc))
}

/// Steps 4–6 of toTimeString: "Invalid Date", or TimeString(LocalTime(tv)) and TimeZoneString(tv).
fn time_string_with_zone(tv: f64) -> String {
    // 4. If tv is NaN, return "Invalid Date".
    if tv.is_nan() {
        return "Invalid Date".to_owned();
    }
    // 5. Let t be LocalTime(tv).
    // 6. Return the string-concatenation of TimeString(t) and TimeZoneString(tv).
    format!("{}{}", time_string(local_time(tv)), time_zone_string(tv))
}

/// ### [21.4.4.42 Date.prototype.toTimeString ( )](https://tc39.es/ecma262/#sec-date.prototype.totimestring)
fn to_time_string<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    // 3. Let tv be dateObject.[[DateValue]].
    let tv = this_time_value(agent, this, "toTimeString", gc)?;
    Ok(string_result(agent, &time_string_with_zone(tv), gc))
}

/// ### [21.4.4.43 Date.prototype.toUTCString ( )](https://tc39.es/ecma262/#sec-date.prototype.toutcstring)
fn to_utc_string<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    // 3. Let tv be dateObject.[[DateValue]].
    let tv = this_time_value(agent, this, "toUTCString", gc)?;
    // 4. If tv is NaN, return "Invalid Date".
    if tv.is_nan() {
        return Ok(string_result(agent, "Invalid Date", gc));
    }
    // 5-11. weekday, ",", day, month, year and TimeString(tv).
    Ok(string_result(agent, &utc_string(tv), gc))
}

/// ### [21.4.4.45 Date.prototype [ %Symbol.toPrimitive% ] ( hint )](https://tc39.es/ecma262/#sec-date.prototype-%symbol.toprimitive%)
fn symbol_to_primitive<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be the this value.
    // 2. If O is not an Object, throw a TypeError exception.
    let Value::Object(o) = this else {
        return Err(agent.throw_type_error(
            "Date.prototype[Symbol.toPrimitive] requires that 'this' be an Object",
            gc.into_nogc(),
        ));
    };
    let hint = args
        .get(0)
        .as_string()
        .map(|s| agent.string_lossy(s).into_owned());
    let try_first = match hint.as_deref() {
        // 3. If hint is either "string" or "default", then
        //    a. Let tryFirst be string.
        Some("string" | "default") => PreferredType::String,
        // 4. Else if hint is "number", then
        //    a. Let tryFirst be number.
        Some("number") => PreferredType::Number,
        // 5. Else,
        //    a. Throw a TypeError exception.
        _ => {
            return Err(agent.throw_type_error(
                "Date.prototype[Symbol.toPrimitive]: hint must be \"string\", \"number\" or \"default\"",
                gc.into_nogc(),
            ));
        }
    };
    // 6. Return ? OrdinaryToPrimitive(O, tryFirst).
    ordinary_to_primitive(agent, o, try_first, gc)
}
