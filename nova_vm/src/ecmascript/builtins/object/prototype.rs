//! ### [20.1.3 Properties of the Object Prototype Object](https://tc39.es/ecma262/#sec-properties-of-the-object-prototype-object)
//!
//! `toString` lives in `to_string.rs`, the legacy accessor methods in `legacy_accessors.rs`.

use super::{legacy_accessors, to_string};
use crate::ecmascript::abstract_operations::{
    has_own_property, invoke, to_object, to_property_key,
};
use crate::ecmascript::builtins::function_objects::RegularFn;
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::Value;
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let methods: [(&str, u32, RegularFn); 10] = [
        ("hasOwnProperty", 1, has_own_property_method),
        ("isPrototypeOf", 1, is_prototype_of),
        ("propertyIsEnumerable", 1, property_is_enumerable),
        ("toLocaleString", 0, to_locale_string),
        ("toString", 0, to_string::to_string),
        ("valueOf", 0, value_of),
        ("__defineGetter__", 2, legacy_accessors::define_getter),
        ("__defineSetter__", 2, legacy_accessors::define_setter),
        ("__lookupGetter__", 1, legacy_accessors::lookup_getter),
        ("__lookupSetter__", 1, legacy_accessors::lookup_setter),
    ];
    for (name, length, behaviour) in methods {
        let method =
            agent.define_builtin_method(prototype, BuiltinName::Str(name), length, behaviour, gc);
        if name == "toString" {
            agent.set_intrinsic(Intrinsic::ObjectPrototypeToString, method);
        }
    }
    // 20.1.3.8 Object.prototype.__proto__ is an accessor property.
    agent.define_builtin_accessor(
        prototype,
        BuiltinName::Str("__proto__"),
        Some(legacy_accessors::get_proto),
        Some(legacy_accessors::set_proto),
        gc,
    );
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
    let key = to_property_key(agent, args.get(0), gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 2. Let O be ? ToObject(this value).
    let o = to_object(agent, this.get(agent), gc.nogc())?.unbind();
    // 3. Return ? HasOwnProperty(O, P).
    has_own_property(agent, o, key.get(agent), gc).map(Value::Boolean)
}

/// ### [20.1.3.3 Object.prototype.isPrototypeOf ( V )](https://tc39.es/ecma262/#sec-object.prototype.isprototypeof)
fn is_prototype_of<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. If V is not an Object, return false.
    let Value::Object(v) = args.get(0).bind(gc.nogc()) else {
        return Ok(Value::Boolean(false));
    };
    let v = v.scope(agent, gc.nogc());
    // 2. Let O be ? ToObject(this value).
    let o = to_object(agent, this, gc.nogc())?.scope(agent, gc.nogc());
    // 3. Repeat,
    loop {
        // a. Set V to ? V.[[GetPrototypeOf]]().
        let next = v
            .get(agent)
            .internal_get_prototype_of(agent, gc.reborrow())?
            .unbind();
        // b. If V is null, return false.
        let Some(next) = next else {
            return Ok(Value::Boolean(false));
        };
        // c. If SameValue(O, V) is true, return true.
        if next == o.get(agent) {
            return Ok(Value::Boolean(true));
        }
        v.set(agent, next);
    }
}

/// ### [20.1.3.4 Object.prototype.propertyIsEnumerable ( V )](https://tc39.es/ecma262/#sec-object.prototype.propertyisenumerable)
fn property_is_enumerable<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let this = this.bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let P be ? ToPropertyKey(V).
    let key = to_property_key(agent, args.get(0), gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 2. Let O be ? ToObject(this value).
    let o = to_object(agent, this.get(agent), gc.nogc())?.unbind();
    // 3. Let desc be ? O.[[GetOwnProperty]](P).
    let desc = o.internal_get_own_property(agent, key.get(agent), gc)?;
    // 4. If desc is undefined, return false.
    // 5. Return desc.[[Enumerable]].
    Ok(Value::Boolean(
        desc.is_some_and(|d| d.enumerable == Some(true)),
    ))
}

/// ### [20.1.3.5 Object.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] )](https://tc39.es/ecma262/#sec-object.prototype.tolocalestring)
fn to_locale_string<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be the this value.
    // 2. Return ? Invoke(O, "toString").
    let key = agent.static_key("toString");
    invoke(agent, this, key, ArgumentsList::EMPTY, gc)
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
