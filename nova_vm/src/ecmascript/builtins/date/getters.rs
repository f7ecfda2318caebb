//! The getters of [21.4.4 Properties of the Date Prototype Object](https://tc39.es/ecma262/#sec-properties-of-the-date-prototype-object)
//! (21.4.4.2–21.4.4.19) and Annex B's [B.2.3.1 Date.prototype.getYear](https://tc39.es/ecma262/#sec-date.prototype.getyear).

use super::require_date;
use super::time_math::{
    date_from_time, hour_from_time, min_from_time, month_from_time, ms_from_time, sec_from_time,
    week_day, year_from_time,
};
use super::time_zone::local_time;
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::builtins::function_objects::RegularFn;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::Value;
use crate::engine::GcScope;

/// The getters (with getTime and valueOf) by name; every one has length 0.
pub(super) const GETTERS: [(&str, RegularFn); 20] = [
    ("getDate", get_date),
    ("getDay", get_day),
    ("getFullYear", get_full_year),
    ("getHours", get_hours),
    ("getMilliseconds", get_milliseconds),
    ("getMinutes", get_minutes),
    ("getMonth", get_month),
    ("getSeconds", get_seconds),
    ("getTime", get_time),
    ("getTimezoneOffset", get_timezone_offset),
    ("getUTCDate", get_utc_date),
    ("getUTCDay", get_utc_day),
    ("getUTCFullYear", get_utc_full_year),
    ("getUTCHours", get_utc_hours),
    ("getUTCMilliseconds", get_utc_milliseconds),
    ("getUTCMinutes", get_utc_minutes),
    ("getUTCMonth", get_utc_month),
    ("getUTCSeconds", get_utc_seconds),
    ("getYear", get_year),
    ("valueOf", value_of),
];

/// Which time scale a getter reads.
#[derive(Clone, Copy)]
enum Scale {
    Local,
    Utc,
}

/// The common steps of the field getters:
/// 1. Let dateObject be the this value.
/// 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
/// 3. Let t be dateObject.[[DateValue]].
/// 4. If t is NaN, return NaN.
/// 5. Return field(LocalTime(t)) (or field(t) for the UTC getters).
fn get_field<'gc>(
    agent: &mut Agent,
    this: Value,
    method: &str,
    scale: Scale,
    field: fn(f64) -> f64,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    let date = require_date(agent, this, method, gc)?;
    let t = agent.date_value(date);
    let result = if t.is_nan() {
        f64::NAN
    } else {
        match scale {
            Scale::Local => field(local_time(t)),
            Scale::Utc => field(t),
        }
    };
    Ok(agent.number(result, gc))
}

/// ### [21.4.4.2 Date.prototype.getDate ( )](https://tc39.es/ecma262/#sec-date.prototype.getdate)
fn get_date<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 5. Return DateFromTime(LocalTime(t)).
    get_field(agent, this, "getDate", Scale::Local, date_from_time, gc)
}

/// ### [21.4.4.3 Date.prototype.getDay ( )](https://tc39.es/ecma262/#sec-date.prototype.getday)
fn get_day<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 5. Return WeekDay(LocalTime(t)).
    get_field(agent, this, "getDay", Scale::Local, week_day, gc)
}

/// ### [21.4.4.4 Date.prototype.getFullYear ( )](https://tc39.es/ecma262/#sec-date.prototype.getfullyear)
fn get_full_year<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 5. Return YearFromTime(LocalTime(t)).
    get_field(agent, this, "getFullYear", Scale::Local, year_from_time, gc)
}

/// ### [21.4.4.5 Date.prototype.getHours ( )](https://tc39.es/ecma262/#sec-date.prototype.gethours)
fn get_hours<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 5. Return HourFromTime(LocalTime(t)).
    get_field(agent, this, "getHours", Scale::Local, hour_from_time, gc)
}

/// ### [21.4.4.6 Date.prototype.getMilliseconds ( )](https://tc39.es/ecma262/#sec-date.prototype.getmilliseconds)
fn get_milliseconds<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 5. Return msFromTime(LocalTime(t)).
    get_field(
        agent,
        this,
        "getMilliseconds",
        Scale::Local,
        ms_from_time,
        gc,
    )
}

/// ### [21.4.4.7 Date.prototype.getMinutes ( )](https://tc39.es/ecma262/#sec-date.prototype.getminutes)
fn get_minutes<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 5. Return MinFromTime(LocalTime(t)).
    get_field(agent, this, "getMinutes", Scale::Local, min_from_time, gc)
}

/// ### [21.4.4.8 Date.prototype.getMonth ( )](https://tc39.es/ecma262/#sec-date.prototype.getmonth)
fn get_month<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 5. Return MonthFromTime(LocalTime(t)).
    get_field(agent, this, "getMonth", Scale::Local, month_from_time, gc)
}

/// ### [21.4.4.9 Date.prototype.getSeconds ( )](https://tc39.es/ecma262/#sec-date.prototype.getseconds)
fn get_seconds<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 5. Return SecFromTime(LocalTime(t)).
    get_field(agent, this, "getSeconds", Scale::Local, sec_from_time, gc)
}

/// ### [21.4.4.10 Date.prototype.getTime ( )](https://tc39.es/ecma262/#sec-date.prototype.gettime)
fn get_time<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    let date = require_date(agent, this, "getTime", gc)?;
    // 3. Return dateObject.[[DateValue]].
    let t = agent.date_value(date);
    Ok(agent.number(t, gc))
}

/// ### [21.4.4.11 Date.prototype.getTimezoneOffset ( )](https://tc39.es/ecma262/#sec-date.prototype.gettimezoneoffset)
fn get_timezone_offset<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 5. Return (t - LocalTime(t)) / msPerMinute.
    fn offset_minutes(t: f64) -> f64 {
        (t - local_time(t)) / super::time_math::MS_PER_MINUTE
    }
    get_field(
        agent,
        this,
        "getTimezoneOffset",
        Scale::Utc,
        offset_minutes,
        gc,
    )
}

/// ### [21.4.4.12 Date.prototype.getUTCDate ( )](https://tc39.es/ecma262/#sec-date.prototype.getutcdate)
fn get_utc_date<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 5. Return DateFromTime(t).
    get_field(agent, this, "getUTCDate", Scale::Utc, date_from_time, gc)
}

/// ### [21.4.4.13 Date.prototype.getUTCDay ( )](https://tc39.es/ecma262/#sec-date.prototype.getutcday)
fn get_utc_day<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 5. Return WeekDay(t).
    get_field(agent, this, "getUTCDay", Scale::Utc, week_day, gc)
}

/// ### [21.4.4.14 Date.prototype.getUTCFullYear ( )](https://tc39.es/ecma262/#sec-date.prototype.getutcfullyear)
fn get_utc_full_year<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 5. Return YearFromTime(t).
    get_field(
        agent,
        this,
        "getUTCFullYear",
        Scale::Utc,
        year_from_time,
        gc,
    )
}

/// ### [21.4.4.15 Date.prototype.getUTCHours ( )](https://tc39.es/ecma262/#sec-date.prototype.getutchours)
fn get_utc_hours<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 5. Return HourFromTime(t).
    get_field(agent, this, "getUTCHours", Scale::Utc, hour_from_time, gc)
}

/// ### [21.4.4.16 Date.prototype.getUTCMilliseconds ( )](https://tc39.es/ecma262/#sec-date.prototype.getutcmilliseconds)
fn get_utc_milliseconds<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 5. Return msFromTime(t).
    get_field(
        agent,
        this,
        "getUTCMilliseconds",
        Scale::Utc,
        ms_from_time,
        gc,
    )
}

/// ### [21.4.4.17 Date.prototype.getUTCMinutes ( )](https://tc39.es/ecma262/#sec-date.prototype.getutcminutes)
fn get_utc_minutes<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 5. Return MinFromTime(t).
    get_field(agent, this, "getUTCMinutes", Scale::Utc, min_from_time, gc)
}

/// ### [21.4.4.18 Date.prototype.getUTCMonth ( )](https://tc39.es/ecma262/#sec-date.prototype.getutcmonth)
fn get_utc_month<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 5. Return MonthFromTime(t).
    get_field(agent, this, "getUTCMonth", Scale::Utc, month_from_time, gc)
}

/// ### [21.4.4.19 Date.prototype.getUTCSeconds ( )](https://tc39.es/ecma262/#sec-date.prototype.getutcseconds)
fn get_utc_seconds<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 5. Return SecFromTime(t).
    get_field(agent, this, "getUTCSeconds", Scale::Utc, sec_from_time, gc)
}

/// ### [B.2.3.1 Date.prototype.getYear ( )](https://tc39.es/ecma262/#sec-date.prototype.getyear)
fn get_year<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 5. Return YearFromTime(LocalTime(t)) - 1900𝔽.
    fn year_minus_1900(t: f64) -> f64 {
        year_from_time(t) - 1900.0
    }
    get_field(agent, this, "getYear", Scale::Local, year_minus_1900, gc)
}

/// ### [21.4.4.44 Date.prototype.valueOf ( )](https://tc39.es/ecma262/#sec-date.prototype.valueof)
fn value_of<'gc>(
    agent: &mut Agent,
    this: Value,
    _: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    let date = require_date(agent, this, "valueOf", gc)?;
    // 3. Return dateObject.[[DateValue]].
    let t = agent.date_value(date);
    Ok(agent.number(t, gc))
}
