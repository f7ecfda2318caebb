//! ### [20.1.3 Properties of the Object Prototype Object](https://tc39.es/ecma262/#sec-properties-of-the-object-prototype-object)

use crate::ecmascript::abstract_operations::{has_own_property, to_object, to_property_key};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    agent.define_builtin_method(
        prototype,
        BuiltinName::Str("hasOwnProperty"),
        1,
        has_own_property_method,
        gc,
    );
    let to_string =
        agent.define_builtin_method(prototype, BuiltinName::Str("toString"), 0, to_string, gc);
    agent.set_intrinsic(Intrinsic::ObjectPrototypeToString, to_string);
    agent.define_builtin_method(prototype, BuiltinName::Str("valueOf"), 0, value_of, gc);
}

/// ### [20.1.3.2 Object.prototype.hasOwnProperty ( V )](https://tc39.es/ecma262/#sec-object.prototype.hasownproperty)
fn has_own_property_method<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let this = this.bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let P be ? ToPropertyKey(V).
    let key = to_property_key(agent, args.get(0), gc.reborrow())?.unbind();
    // 2. Let O be ? ToObject(this value).
    let o = to_object(agent, this.get(agent), gc.nogc())?.unbind();
    // 3. Return ? HasOwnProperty(O, P).
    has_own_property(agent, o, key, gc).map(Value::Boolean)
}

/// ### [20.1.3.6 Object.prototype.toString ( )](https://tc39.es/ecma262/#sec-object.prototype.tostring)
fn to_string<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. If the this value is undefined, return "[object Undefined]".
    if this.is_undefined() {
        return Ok(agent
            .create_string("[object Undefined]", gc.into_nogc())
            .into_value());
    }
    // 2. If the this value is null, return "[object Null]".
    if this.is_null() {
        return Ok(agent
            .create_string("[object Null]", gc.into_nogc())
            .into_value());
    }
    // 3. Let O be ! ToObject(this value).
    let o = to_object(agent, this, gc.nogc())?;
    // 4. Let isArray be ? IsArray(O).
    // 5-14. Let builtinTag be the tag for O's internal slots.
    let builtin_tag = match o.kind(agent) {
        ObjectKind::Array => "Array",
        ObjectKind::Arguments => "Arguments",
        ObjectKind::ECMAScriptFunction(_)
        | ObjectKind::BuiltinFunction(_)
        | ObjectKind::BoundFunction(_) => "Function",
        ObjectKind::Error => "Error",
        ObjectKind::BooleanObject(_) => "Boolean",
        ObjectKind::NumberObject(_) => "Number",
        ObjectKind::StringObject(_) => "String",
        _ => "Object",
    };
    // 15. Let tag be ? Get(O, @@toStringTag).
    let tag = o
        .unbind()
        .internal_get(
            agent,
            WellKnownSymbol::ToStringTag.key(),
            o.unbind().into(),
            gc.reborrow(),
        )?
        .unbind();
    let gc = gc.into_nogc();
    // 16. If tag is not a String, set tag to builtinTag.
    let tag = match tag.bind(gc).as_string() {
        Some(tag) => agent.string_lossy(tag).into_owned(),
        None => builtin_tag.to_owned(),
    };
    // 17. Return the string-concatenation of "[object ", tag, and "]".
    Ok(agent
        .create_string_from_owned(format!("[object {tag}]"), gc)
        .into_value())
}

/// ### [20.1.3.7 Object.prototype.valueOf ( )](https://tc39.es/ecma262/#sec-object.prototype.valueof)
fn value_of<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return ? ToObject(this value).
    let gc = gc.into_nogc();
    to_object(agent, this.bind(gc), gc).map(Value::from)
}
