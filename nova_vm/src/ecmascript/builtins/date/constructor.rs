//! ### [21.4.2 The Date Constructor](https://tc39.es/ecma262/#sec-date-constructor) and
//! [21.4.3 Properties of the Date Constructor](https://tc39.es/ecma262/#sec-properties-of-the-date-constructor)

use super::format::to_date_string;
use super::parse::parse_date;
use super::time_math::{make_date, make_day, make_full_year, make_time, time_clip};
use super::time_zone::utc;
use super::{date_slot, now};
use crate::ecmascript::abstract_operations::{
    get_prototype_from_constructor, to_number, to_number_primitive, to_primitive, to_string,
};
use crate::ecmascript::builtins::function_objects::RegularFn;
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// Creates %Date% and its properties (%Date.prototype% must exist).
pub(super) fn create(agent: &mut Agent, gc: NoGcScope) {
    let prototype = agent.intrinsic(Intrinsic::DatePrototype);
    // 21.4.3: the Date constructor has a "length" property whose value is 7𝔽;
    // 21.4.3.3 Date.prototype and 21.4.4.1 Date.prototype.constructor.
    let constructor =
        agent.create_builtin_constructor("Date", 7, date_constructor, Some(prototype), None, gc);
    agent.set_intrinsic(Intrinsic::Date, constructor);
    let methods: [(&str, u32, RegularFn); 3] = [
        ("now", 0, date_now),
        ("parse", 1, date_parse),
        ("UTC", 7, date_utc),
    ];
    for (name, length, behaviour) in methods {
        agent.define_builtin_method(constructor, BuiltinName::Str(name), length, behaviour, gc);
    }
}

/// ToNumber of each argument in order, each rooted while the others convert
/// (a conversion may run JavaScript and collect).
pub(super) fn to_numbers<'gc>(
    agent: &mut Agent,
    values: &[Value],
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Vec<f64>> {
    if values.iter().all(|v| v.is_number()) {
        return Ok(values.iter().map(|&v| agent.number_value(v)).collect());
    }
    let rooted: Vec<_> = values
        .iter()
        .map(|v| v.bind(gc.nogc()).scope(agent, gc.nogc()))
        .collect();
    let mut numbers = Vec::with_capacity(rooted.len());
    for value in rooted {
        numbers.push(to_number(agent, value.get(agent), gc.reborrow())?);
    }
    Ok(numbers)
}

/// The time value of the components of `Date ( ...values )` with two or more
/// arguments and of `Date.UTC`: y, m, then dt (default 1), h, min, s, milli
/// (default 0), the year through MakeFullYear.
fn time_from_components(numbers: &[f64]) -> f64 {
    let component = |i: usize, default: f64| numbers.get(i).copied().unwrap_or(default);
    // Let yr be MakeFullYear(y).
    let yr = make_full_year(component(0, f64::NAN));
    // MakeDate(MakeDay(yr, m, dt), MakeTime(h, min, s, milli)).
    make_date(
        make_day(yr, component(1, 0.0), component(2, 1.0)),
        make_time(
            component(3, 0.0),
            component(4, 0.0),
            component(5, 0.0),
            component(6, 0.0),
        ),
    )
}

/// ### [21.4.2.1 Date ( ...values )](https://tc39.es/ecma262/#sec-date)
fn date_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. If NewTarget is undefined, then
    let Some(new_target) = new_target else {
        // a. Let now be the time value (UTC) identifying the current time.
        // b. Return ToDateString(now).
        let text = to_date_string(now());
        return Ok(agent.create_string(&text, gc.into_nogc()).into_value());
    };
    let new_target = new_target.bind(gc.nogc()).scope(agent, gc.nogc());
    // 2. Let numberOfArgs be the number of elements in values.
    let dv = match args.len() {
        // 3. If numberOfArgs = 0, then
        //    a. Let dv be the time value (UTC) identifying the current time.
        0 => now(),
        // 4. Else if numberOfArgs = 1, then
        1 => {
            // a. Let value be values[0].
            let value = args.get(0).bind(gc.nogc());
            // b. If value is an Object and value has a [[DateValue]] internal slot, then
            let tv = if let Some(date) = date_slot(agent, value) {
                // i. Let tv be value.[[DateValue]].
                agent.date_value(date)
            } else {
                // c. Else,
                //    i. Let v be ? ToPrimitive(value).
                let v = to_primitive(agent, value.unbind(), None, gc.reborrow())?
                    .unbind()
                    .bind(gc.nogc());
                if let Some(s) = v.as_string() {
                    // ii. If v is a String, then
                    //     1. Assert: The next step never returns an abrupt completion because v is a String.
                    //     2. Let tv be the result of parsing v as a date, in exactly the same
                    //        manner as for the parse method (21.4.3.2).
                    parse_date(&agent.string_lossy(s))
                } else {
                    // iii. Else,
                    //      1. Let tv be ? ToNumber(v).
                    to_number_primitive(agent, v, gc.nogc())?
                }
            };
            // d. Let dv be TimeClip(tv).
            time_clip(tv)
        }
        // 5. Else,
        _ => {
            // a. Assert: numberOfArgs ≥ 2.
            // b-h. Let y, m, dt, h, min, s and milli be ? ToNumber of values[0..7]
            //      (dt defaults to 1𝔽, the others to +0𝔽).
            let count = args.len().min(7);
            let numbers = to_numbers(agent, &args.as_slice()[..count], gc.reborrow())?;
            // i. Let yr be MakeFullYear(y).
            // j. Let finalDate be MakeDate(MakeDay(yr, m, dt), MakeTime(h, min, s, milli)).
            let final_date = time_from_components(&numbers);
            // k. Let dv be TimeClip(UTC(finalDate)).
            time_clip(utc(final_date))
        }
    };
    // 6. Let O be ? OrdinaryCreateFromConstructor(NewTarget, "%Date.prototype%", « [[DateValue]] »).
    let prototype = get_prototype_from_constructor(
        agent,
        new_target.get(agent),
        Intrinsic::DatePrototype,
        gc.reborrow(),
    )?
    .unbind();
    let gc = gc.into_nogc();
    // 7. Set O.[[DateValue]] to dv.
    let date = agent.alloc_date(dv);
    let o = agent.create_object(Some(prototype.bind(gc)), ObjectKind::Date(date), gc);
    // 8. Return O.
    Ok(o.into())
}

/// ### [21.4.3.1 Date.now ( )](https://tc39.es/ecma262/#sec-date.now)
fn date_now<'gc>(
    agent: &mut Agent,
    _this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // Returns the time value designating the UTC date and time of the occurrence of the call.
    Ok(agent.number(now(), gc.into_nogc()))
}

/// ### [21.4.3.2 Date.parse ( string )](https://tc39.es/ecma262/#sec-date.parse)
fn date_parse<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // Applies ToString to the argument (an abrupt completion is returned), then
    // interprets the String as a date and time.
    let string = to_string(agent, args.get(0), gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    let tv = parse_date(&agent.string_lossy(string.bind(gc)));
    Ok(agent.number(tv, gc))
}

/// ### [21.4.3.4 Date.UTC ( year [ , month [ , date [ , hours [ , minutes [ , seconds [ , ms ] ] ] ] ] ] )](https://tc39.es/ecma262/#sec-date.utc)
fn date_utc<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let y be ? ToNumber(year).
    // 2-7. If month (date, hours, minutes, seconds, ms) is present, let m (dt, h, min, s, milli)
    //      be ? ToNumber of it; else +0𝔽 (dt: 1𝔽).
    let count = args.len().clamp(1, 7);
    let values: Vec<Value> = (0..count).map(|i| args.get(i)).collect();
    let numbers = to_numbers(agent, &values, gc.reborrow())?;
    // 8. Let yr be MakeFullYear(y).
    // 9. Return TimeClip(MakeDate(MakeDay(yr, m, dt), MakeTime(h, min, s, milli))).
    let tv = time_clip(time_from_components(&numbers));
    Ok(agent.number(tv, gc.into_nogc()))
}
