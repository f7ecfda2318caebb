//! ### [Error.prototype.stack](https://tc39.es/proposal-error-stacks/) (the error-stack-accessor proposal)
//!
//! An accessor on %Error.prototype%: the getter returns the stack trace recorded
//! when the error was created, the setter stores an own data property.

use crate::ecmascript::abstract_operations::setter_that_ignores_prototype_properties;
use crate::ecmascript::builtins::{ArgumentsList, key};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{ERROR_STACK, JsString, PropertyKey, Value};
use crate::engine::{Bindable, GcScope};

/// ### get Error.prototype.stack
pub(super) fn get_stack<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1. Let E be the this value.
    // 2. If E is not an Object, throw a TypeError exception.
    let Value::Object(e) = this.bind(gc) else {
        return Err(agent.throw_type_error("get Error.prototype.stack called on a non-object", gc));
    };
    // 3. If E does not have an [[ErrorData]] internal slot, return undefined.
    if e.kind(agent) != ObjectKind::Error {
        return Ok(Value::Undefined);
    }
    // 4. Return an implementation-defined string that represents the stack trace of E.
    let trace = e
        .ordinary_get_own_property(agent, PropertyKey::Symbol(ERROR_STACK), gc)
        .and_then(|d| d.value)
        .unwrap_or(JsString::EMPTY.into_value());
    Ok(trace)
}

/// ### set Error.prototype.stack
pub(super) fn set_stack<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let v = args.get(0).bind(gc.nogc());
    // 1. Let E be the this value.
    // 2. If E is not an Object, throw a TypeError exception.
    if !this.is_object() {
        return Err(agent.throw_type_error(
            "set Error.prototype.stack called on a non-object",
            gc.into_nogc(),
        ));
    }
    // 3. If v is not a String, throw a TypeError exception.
    if !v.is_string() {
        return Err(agent.throw_type_error(
            "Error.prototype.stack must be set to a string",
            gc.into_nogc(),
        ));
    }
    // 4. Perform ? SetterThatIgnoresPrototypeProperties(this value, %Error.prototype%,
    //    "stack", v).
    let home = agent.intrinsic(Intrinsic::ErrorPrototype);
    setter_that_ignores_prototype_properties(agent, this, home, key("stack"), v.unbind(), gc)?;
    // 5. Return undefined.
    Ok(Value::Undefined)
}
