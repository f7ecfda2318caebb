//! The setters of [21.4.4 Properties of the Date Prototype Object](https://tc39.es/ecma262/#sec-properties-of-the-date-prototype-object)
//! (21.4.4.20–21.4.4.34) and Annex B's [B.2.3.2 Date.prototype.setYear](https://tc39.es/ecma262/#sec-date.prototype.setyear).
//!
//! Every setter follows one pattern: read `t` from the Date, convert the
//! arguments that are present with ToNumber in order (which may run JavaScript,
//! so the Date is rooted), return NaN if `t` was NaN (the FullYear setters
//! start from +0 instead), replace the named calendar or clock fields of `t`
//! (in local time or UTC), and store TimeClip of the result.

use super::constructor::to_numbers;
use super::time_math::{
    date_from_time, hour_from_time, make_date, make_day, make_full_year, make_time, min_from_time,
    month_from_time, ms_from_time, sec_from_time, time_clip, time_within_day, year_from_time,
};
use super::time_zone::{local_time, utc};
use super::{date_slot, require_date};
use crate::ecmascript::abstract_operations::to_number;
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::builtins::function_objects::RegularFn;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::Value;
use crate::engine::{Bindable, GcScope, Rootable};

/// The setters by name, with their function lengths.
pub(super) const SETTERS: [(&str, u32, RegularFn); 16] = [
    ("setDate", 1, set_date),
    ("setFullYear", 3, set_full_year),
    ("setHours", 4, set_hours),
    ("setMilliseconds", 1, set_milliseconds),
    ("setMinutes", 3, set_minutes),
    ("setMonth", 2, set_month),
    ("setSeconds", 2, set_seconds),
    ("setTime", 1, set_time),
    ("setUTCDate", 1, set_utc_date),
    ("setUTCFullYear", 3, set_utc_full_year),
    ("setUTCHours", 4, set_utc_hours),
    ("setUTCMilliseconds", 1, set_utc_milliseconds),
    ("setUTCMinutes", 3, set_utc_minutes),
    ("setUTCMonth", 2, set_utc_month),
    ("setUTCSeconds", 2, set_utc_seconds),
    ("setYear", 1, set_year),
];

/// The fields of a time value in the order MakeDay and MakeTime take them.
#[derive(Clone, Copy)]
enum Field {
    Year = 0,
    Month = 1,
    Date = 2,
    Hour = 3,
    Minute = 4,
    Second = 5,
    Millisecond = 6,
}

/// What one setter does: the first field its arguments replace, how many
/// arguments it reads at most, and whether it works in local time.
struct Setter {
    method: &'static str,
    first: Field,
    max_args: usize,
    local: bool,
}

/// The shared steps of the field setters (see the module documentation).
fn set_fields<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    setter: Setter,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let this = this.bind(gc.nogc());
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    let date = require_date(agent, this, setter.method, gc.nogc())?;
    // 3. Let t be dateObject.[[DateValue]].
    let t = agent.date_value(date);
    let this = this.scope(agent, gc.nogc());
    // 4. Let the first argument be ? ToNumber of it; each later argument that is present
    //    is converted with ? ToNumber, in order.
    let count = args.len().clamp(1, setter.max_args);
    let values: Vec<Value> = (0..count).map(|i| args.get(i)).collect();
    let numbers = to_numbers(agent, &values, gc.reborrow())?;
    let year_setter = matches!(setter.first, Field::Year);
    // 5. If t is NaN, return NaN. (setFullYear and setUTCFullYear: if t is NaN, set t
    //    to +0𝔽; otherwise, for setFullYear, set t to LocalTime(t).)
    // 6. Set t to LocalTime(t) (the local setters).
    let t = if t.is_nan() {
        if !year_setter {
            return Ok(agent.number(f64::NAN, gc.into_nogc()));
        }
        0.0
    } else if setter.local {
        local_time(t)
    } else {
        t
    };
    // 7. The fields not given take their values from t: YearFromTime(t), MonthFromTime(t),
    //    DateFromTime(t), HourFromTime(t), MinFromTime(t), SecFromTime(t), msFromTime(t).
    let mut fields = [
        year_from_time(t),
        month_from_time(t),
        date_from_time(t),
        hour_from_time(t),
        min_from_time(t),
        sec_from_time(t),
        ms_from_time(t),
    ];
    let first = setter.first as usize;
    fields[first..first + numbers.len()].copy_from_slice(&numbers);
    let [year, month, day, hour, minute, second, millisecond] = fields;
    // 8. Let newDate be MakeDate(MakeDay(year, month, date), MakeTime(hour, min, sec, ms)).
    //    (For the day setters the time part is TimeWithinDay(t), for the time setters the
    //    day part is Day(t): the same values.)
    let new_date = make_date(
        make_day(year, month, day),
        make_time(hour, minute, second, millisecond),
    );
    // 9. Let u be TimeClip(UTC(newDate)) (TimeClip(newDate) for the UTC setters).
    let u = time_clip(if setter.local {
        utc(new_date)
    } else {
        new_date
    });
    // 10. Set dateObject.[[DateValue]] to u.
    // 11. Return u.
    store(agent, this.get(agent), u, gc)
}

/// Sets the `[[DateValue]]` of `this` (a Date object) and returns the value.
fn store<'gc>(
    agent: &mut Agent,
    this: Value,
    time_value: f64,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let date = date_slot(agent, this).expect("checked by RequireInternalSlot");
    agent.set_date_value(date, time_value);
    Ok(agent.number(time_value, gc.into_nogc()))
}

/// ### [21.4.4.20 Date.prototype.setDate ( date )](https://tc39.es/ecma262/#sec-date.prototype.setdate)
fn set_date<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let setter = Setter {
        method: "setDate",
        first: Field::Date,
        max_args: 1,
        local: true,
    };
    set_fields(agent, this, args, setter, gc)
}

/// ### [21.4.4.21 Date.prototype.setFullYear ( year [ , month [ , date ] ] )](https://tc39.es/ecma262/#sec-date.prototype.setfullyear)
fn set_full_year<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let setter = Setter {
        method: "setFullYear",
        first: Field::Year,
        max_args: 3,
        local: true,
    };
    set_fields(agent, this, args, setter, gc)
}

/// ### [21.4.4.22 Date.prototype.setHours ( hour [ , min [ , sec [ , ms ] ] ] )](https://tc39.es/ecma262/#sec-date.prototype.sethours)
fn set_hours<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let setter = Setter {
        method: "setHours",
        first: Field::Hour,
        max_args: 4,
        local: true,
    };
    set_fields(agent, this, args, setter, gc)
}

/// ### [21.4.4.23 Date.prototype.setMilliseconds ( ms )](https://tc39.es/ecma262/#sec-date.prototype.setmilliseconds)
fn set_milliseconds<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let setter = Setter {
        method: "setMilliseconds",
        first: Field::Millisecond,
        max_args: 1,
        local: true,
    };
    set_fields(agent, this, args, setter, gc)
}

/// ### [21.4.4.24 Date.prototype.setMinutes ( min [ , sec [ , ms ] ] )](https://tc39.es/ecma262/#sec-date.prototype.setminutes)
fn set_minutes<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let setter = Setter {
        method: "setMinutes",
        first: Field::Minute,
        max_args: 3,
        local: true,
    };
    set_fields(agent, this, args, setter, gc)
}

/// ### [21.4.4.25 Date.prototype.setMonth ( month [ , date ] )](https://tc39.es/ecma262/#sec-date.prototype.setmonth)
fn set_month<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let setter = Setter {
        method: "setMonth",
        first: Field::Month,
        max_args: 2,
        local: true,
    };
    set_fields(agent, this, args, setter, gc)
}

/// ### [21.4.4.26 Date.prototype.setSeconds ( sec [ , ms ] )](https://tc39.es/ecma262/#sec-date.prototype.setseconds)
fn set_seconds<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let setter = Setter {
        method: "setSeconds",
        first: Field::Second,
        max_args: 2,
        local: true,
    };
    set_fields(agent, this, args, setter, gc)
}

/// ### [21.4.4.27 Date.prototype.setTime ( time )](https://tc39.es/ecma262/#sec-date.prototype.settime)
fn set_time<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let this = this.bind(gc.nogc());
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    require_date(agent, this, "setTime", gc.nogc())?;
    let this = this.scope(agent, gc.nogc());
    // 3. Let t be ? ToNumber(time).
    let t = to_number(agent, args.get(0), gc.reborrow())?;
    // 4. Let v be TimeClip(t).
    let v = time_clip(t);
    // 5. Set dateObject.[[DateValue]] to v.
    // 6. Return v.
    store(agent, this.get(agent), v, gc)
}

/// ### [21.4.4.28 Date.prototype.setUTCDate ( date )](https://tc39.es/ecma262/#sec-date.prototype.setutcdate)
fn set_utc_date<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let setter = Setter {
        method: "setUTCDate",
        first: Field::Date,
        max_args: 1,
        local: false,
    };
    set_fields(agent, this, args, setter, gc)
}

/// ### [21.4.4.29 Date.prototype.setUTCFullYear ( year [ , month [ , date ] ] )](https://tc39.es/ecma262/#sec-date.prototype.setutcfullyear)
fn set_utc_full_year<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let setter = Setter {
        method: "setUTCFullYear",
        first: Field::Year,
        max_args: 3,
        local: false,
    };
    set_fields(agent, this, args, setter, gc)
}

/// ### [21.4.4.30 Date.prototype.setUTCHours ( hour [ , min [ , sec [ , ms ] ] ] )](https://tc39.es/ecma262/#sec-date.prototype.setutchours)
fn set_utc_hours<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let setter = Setter {
        method: "setUTCHours",
        first: Field::Hour,
        max_args: 4,
        local: false,
    };
    set_fields(agent, this, args, setter, gc)
}

/// ### [21.4.4.31 Date.prototype.setUTCMilliseconds ( ms )](https://tc39.es/ecma262/#sec-date.prototype.setutcmilliseconds)
fn set_utc_milliseconds<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let setter = Setter {
        method: "setUTCMilliseconds",
        first: Field::Millisecond,
        max_args: 1,
        local: false,
    };
    set_fields(agent, this, args, setter, gc)
}

/// ### [21.4.4.32 Date.prototype.setUTCMinutes ( min [ , sec [ , ms ] ] )](https://tc39.es/ecma262/#sec-date.prototype.setutcminutes)
fn set_utc_minutes<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let setter = Setter {
        method: "setUTCMinutes",
        first: Field::Minute,
        max_args: 3,
        local: false,
    };
    set_fields(agent, this, args, setter, gc)
}

/// ### [21.4.4.33 Date.prototype.setUTCMonth ( month [ , date ] )](https://tc39.es/ecma262/#sec-date.prototype.setutcmonth)
fn set_utc_month<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let setter = Setter {
        method: "setUTCMonth",
        first: Field::Month,
        max_args: 2,
        local: false,
    };
    set_fields(agent, this, args, setter, gc)
}

/// ### [21.4.4.34 Date.prototype.setUTCSeconds ( sec [ , ms ] )](https://tc39.es/ecma262/#sec-date.prototype.setutcseconds)
fn set_utc_seconds<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let setter = Setter {
        method: "setUTCSeconds",
        first: Field::Second,
        max_args: 2,
        local: false,
    };
    set_fields(agent, this, args, setter, gc)
}

/// ### [B.2.3.2 Date.prototype.setYear ( year )](https://tc39.es/ecma262/#sec-date.prototype.setyear)
fn set_year<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let this = this.bind(gc.nogc());
    // 1. Let dateObject be the this value.
    // 2. Perform ? RequireInternalSlot(dateObject, [[DateValue]]).
    let date = require_date(agent, this, "setYear", gc.nogc())?;
    // 3. Let t be dateObject.[[DateValue]].
    let t = agent.date_value(date);
    let this = this.scope(agent, gc.nogc());
    // 4. Let y be ? ToNumber(year).
    let y = to_number(agent, args.get(0), gc.reborrow())?;
    // 5. If t is NaN, set t to +0𝔽; otherwise, set t to LocalTime(t).
    let t = if t.is_nan() { 0.0 } else { local_time(t) };
    // 6. Let yyyy be MakeFullYear(y).
    let yyyy = make_full_year(y);
    // 7. Let d be MakeDay(yyyy, MonthFromTime(t), DateFromTime(t)).
    let d = make_day(yyyy, month_from_time(t), date_from_time(t));
    // 8. Let date be MakeDate(d, TimeWithinDay(t)).
    let date = make_date(d, time_within_day(t));
    // 9. Let u be TimeClip(UTC(date)).
    let u = time_clip(utc(date));
    // 10. Set dateObject.[[DateValue]] to u.
    // 11. Return u.
    store(agent, this.get(agent), u, gc)
}
