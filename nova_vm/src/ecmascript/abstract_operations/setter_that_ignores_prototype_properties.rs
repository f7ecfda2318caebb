//! ### [27.1.4.1.1 SetterThatIgnoresPrototypeProperties ( thisValue, home, p, v )](https://tc39.es/ecma262/#sec-SetterThatIgnoresPrototypeProperties)

use super::operations_on_objects::{create_data_property_or_throw, set};
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{Object, PropertyKey, Value};
use crate::engine::{Bindable, GcScope, Rootable};

/// ### [27.1.4.1.1 SetterThatIgnoresPrototypeProperties ( thisValue, home, p, v )](https://tc39.es/ecma262/#sec-SetterThatIgnoresPrototypeProperties)
pub fn setter_that_ignores_prototype_properties<'gc>(
    agent: &mut Agent,
    this_value: Value,
    home: Object,
    p: PropertyKey,
    v: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    // 1. If thisValue is not an Object, then
    //    a. Throw a TypeError exception.
    let Value::Object(this) = this_value.bind(gc.nogc()) else {
        return Err(agent.throw_type_error("setter called on a non-object", gc.into_nogc()));
    };
    // 2. If SameValue(thisValue, home) is true, then
    if this == home {
        // a. NOTE: Throwing here emulates assignment to a non-writable data property on the
        //    home object in strict mode code.
        // b. Throw a TypeError exception.
        let message = format!(
            "Cannot assign to read only property '{}'",
            agent.key_display(p)
        );
        return Err(agent.throw_type_error(&message, gc.into_nogc()));
    }
    let this = this.scope(agent, gc.nogc());
    let p = p.bind(gc.nogc()).scope(agent, gc.nogc());
    let v = v.bind(gc.nogc()).scope(agent, gc.nogc());
    // 3. Let desc be ? thisValue.[[GetOwnProperty]](p).
    let desc = this
        .get(agent)
        .internal_get_own_property(agent, p.get(agent), gc.reborrow())?;
    if desc.is_none() {
        // 4. If desc is undefined, then
        //    a. Perform ? CreateDataPropertyOrThrow(thisValue, p, v).
        create_data_property_or_throw(agent, this.get(agent), p.get(agent), v.get(agent), gc)
    } else {
        // 5. Else,
        //    a. Perform ? Set(thisValue, p, v, true).
        set(agent, this.get(agent), p.get(agent), v.get(agent), true, gc)
    }
    // 6. Return unused.
}
