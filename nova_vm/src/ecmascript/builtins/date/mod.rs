//! ### [21.4 Date Objects](https://tc39.es/ecma262/#sec-date-objects)
//!
//! `time_math` holds the abstract operations of §21.4.1, `time_zone` the host
//! zone (LocalTime and UTC), `parse` and `format` the string forms, and the
//! constructor and the prototype's getters, setters and string methods live in
//! their own files. A Date object is an ordinary object whose kind points at a
//! [`DateRecord`] holding its `[[DateValue]]`.

mod constructor;
mod format;
mod getters;
mod parse;
mod prototype;
mod setters;
pub(crate) mod time_math;
pub(crate) mod time_zone;

use crate::ecmascript::execution::heap_layout::arena_ids;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::Value;
use crate::ecmascript::types::handle::define_handle;
use crate::ecmascript::types::object::ObjectKind;
use crate::engine::NoGcScope;
use crate::heap::{Arena, HandleVisitor, Trace};

define_handle!(
    /// Handle to the `[[DateValue]]` of a Date object.
    Date,
    arena_ids::DATES
);

/// The internal slot of a Date object.
#[derive(Debug)]
pub struct DateRecord {
    /// `[[DateValue]]`: a time value (an integral Number within ±8.64 × 10^15, or NaN).
    pub time_value: f64,
}

impl Trace for DateRecord {
    fn trace(&mut self, _visitor: &mut impl HandleVisitor) {
        // A time value holds no handles.
    }
}

/// Creates %Date% and %Date.prototype% in the current realm.
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    prototype::create(agent, gc);
    constructor::create(agent, gc);
}

impl Agent {
    /// Allocates the `[[DateValue]]` slot of a new Date object.
    pub(crate) fn alloc_date(&mut self, time_value: f64) -> Date<'static> {
        self.heap.allocated_since_gc += Arena::<DateRecord>::RECORD_BYTES;
        Date::from_index(self.heap.dates.push(DateRecord { time_value }))
    }

    /// The `[[DateValue]]` of a Date object.
    pub(crate) fn date_value(&self, date: Date) -> f64 {
        self.heap.dates.get(date.index()).time_value
    }

    /// Sets the `[[DateValue]]` of a Date object.
    pub(crate) fn set_date_value(&mut self, date: Date, time_value: f64) {
        self.heap.dates.get_mut(date.index()).time_value = time_value;
    }
}

/// The `[[DateValue]]` slot of `value` if it is a Date object.
pub(crate) fn date_slot(agent: &Agent, value: Value) -> Option<Date<'static>> {
    match value {
        Value::Object(object) => match object.kind(agent) {
            ObjectKind::Date(date) => Some(date),
            _ => None,
        },
        _ => None,
    }
}

/// RequireInternalSlot(dateObject, [[DateValue]]) for the method `method`:
/// the Date object's slot, or a TypeError.
pub(crate) fn require_date<'gc>(
    agent: &mut Agent,
    this: Value,
    method: &str,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Date<'static>> {
    date_slot(agent, this).ok_or_else(|| {
        agent.throw_type_error(
            &format!("Date.prototype.{method} requires that 'this' be a Date"),
            gc,
        )
    })
}

/// The time value (UTC) identifying the current time.
pub(crate) fn now() -> f64 {
    let now = std::time::SystemTime::now();
    match now.duration_since(std::time::UNIX_EPOCH) {
        Ok(after) => after.as_millis() as f64,
        Err(before) => -(before.duration().as_millis() as f64),
    }
}
