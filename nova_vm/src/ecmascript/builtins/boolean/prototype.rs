//! ### [20.3.3 Properties of the Boolean Prototype Object](https://tc39.es/ecma262/#sec-properties-of-the-boolean-prototype-object)

use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::Value;
use crate::ecmascript::types::object::ObjectKind;
use crate::engine::{GcScope, NoGcScope};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    // The Boolean prototype object is itself a Boolean object; it has a [[BooleanData]]
    // internal slot with the value false, and its [[Prototype]] is %Object.prototype%.
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let prototype =
        agent.create_object(Some(object_prototype), ObjectKind::BooleanObject(false), gc);
    agent.set_intrinsic(Intrinsic::BooleanPrototype, prototype);
    agent.define_builtin_method(prototype, BuiltinName::Str("toString"), 0, to_string, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("valueOf"), 0, value_of, gc);
}

/// ### [20.3.3.3.1 ThisBooleanValue ( value )](https://tc39.es/ecma262/#sec-thisbooleanvalue)
fn this_boolean_value<'gc>(
    agent: &mut Agent,
    value: Value,
    method: &str,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    match value {
        // 1. If value is a Boolean, return value.
        Value::Boolean(b) => Ok(b),
        // 2. If value is an Object and value has a [[BooleanData]] internal slot, then
        //    a. Let b be value.[[BooleanData]].
        //    b. Assert: b is a Boolean.
        //    c. Return b.
        Value::Object(o) => match o.kind(agent) {
            ObjectKind::BooleanObject(b) => Ok(b),
            _ => Err(not_a_boolean(agent, method, gc)),
        },
        // 3. Throw a TypeError exception.
        _ => Err(not_a_boolean(agent, method, gc)),
    }
}

fn not_a_boolean(
    agent: &mut Agent,
    method: &str,
    gc: NoGcScope,
) -> crate::ecmascript::execution::JsError {
    let message = format!("Boolean.prototype.{method} requires that 'this' be a Boolean");
    agent.throw_type_error(&message, gc)
}

/// ### [20.3.3.2 Boolean.prototype.toString ( )](https://tc39.es/ecma262/#sec-boolean.prototype.tostring)
fn to_string<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1. Let b be ? ThisBooleanValue(this value).
    let b = this_boolean_value(agent, this, "toString", gc)?;
    // 2. If b is true, return "true"; else return "false".
    let text = if b { "true" } else { "false" };
    Ok(agent.create_string(text, gc).into_value())
}

/// ### [20.3.3.3 Boolean.prototype.valueOf ( )](https://tc39.es/ecma262/#sec-boolean.prototype.valueof)
fn value_of<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return ? ThisBooleanValue(this value).
    this_boolean_value(agent, this, "valueOf", gc.into_nogc()).map(Value::Boolean)
}
