//! ### [20.1.3.8 Object.prototype.__proto__](https://tc39.es/ecma262/#sec-object.prototype.__proto__) and
//! [20.1.3.9 Legacy Object.prototype Accessor Methods](https://tc39.es/ecma262/#sec-object.prototype-legacy-accessor-methods)
//! (legacy, normative-optional)

use crate::ecmascript::abstract_operations::{
    define_property_or_throw, is_callable, require_object_coercible, to_object, to_property_key,
};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{PropertyDescriptor, Value};
use crate::engine::{Bindable, GcScope, Rootable};

/// ### [20.1.3.8.1 get Object.prototype.__proto__](https://tc39.es/ecma262/#sec-get-object.prototype.__proto__)
pub(super) fn get_proto<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, this, gc.nogc())?.unbind();
    // 2. Return ? O.[[GetPrototypeOf]]().
    let prototype = o.internal_get_prototype_of(agent, gc)?;
    Ok(prototype.map_or(Value::Null, Value::from))
}

/// ### [20.1.3.8.2 set Object.prototype.__proto__](https://tc39.es/ecma262/#sec-set-object.prototype.__proto__)
pub(super) fn set_proto<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    require_object_coercible(agent, this, gc.nogc())?;
    // 2. If proto is not an Object and proto is not null, return undefined.
    let proto = match args.get(0) {
        Value::Object(p) => Some(p),
        Value::Null => None,
        _ => return Ok(Value::Undefined),
    };
    // 3. If O is not an Object, return undefined.
    let Value::Object(o) = this else {
        return Ok(Value::Undefined);
    };
    // 4. Let status be ? O.[[SetPrototypeOf]](proto).
    let status = o.internal_set_prototype_of(agent, proto, gc.reborrow())?;
    // 5. If status is false, throw a TypeError exception.
    if !status {
        return Err(agent.throw_type_error(
            "Object.prototype.__proto__: cannot set the prototype",
            gc.into_nogc(),
        ));
    }
    // 6. Return undefined.
    Ok(Value::Undefined)
}

/// Shared steps of `__defineGetter__` and `__defineSetter__`.
fn define_accessor<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    is_getter: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, this, gc.nogc())?.scope(agent, gc.nogc());
    // 2. If IsCallable(getter) is false, throw a TypeError exception.
    let function = args.get(1);
    if !is_callable(agent, function) {
        let message = if is_getter {
            "Object.prototype.__defineGetter__: getter is not a function"
        } else {
            "Object.prototype.__defineSetter__: setter is not a function"
        };
        return Err(agent.throw_type_error(message, gc.into_nogc()));
    }
    let function = function.scope(agent, gc.nogc());
    // 4. Let key be ? ToPropertyKey(P).
    let key = to_property_key(agent, args.get(0).unbind(), gc.reborrow())?.unbind();
    // 3. Let desc be PropertyDescriptor { [[Get]]: getter, [[Enumerable]]: true,
    //    [[Configurable]]: true }.
    let function = Some(function.get(agent));
    let desc = PropertyDescriptor {
        get: if is_getter { function } else { None },
        set: if is_getter { None } else { function },
        enumerable: Some(true),
        configurable: Some(true),
        ..Default::default()
    };
    // 5. Perform ? DefinePropertyOrThrow(O, key, desc).
    define_property_or_throw(agent, o.get(agent), key, desc, gc)?;
    // 6. Return undefined.
    Ok(Value::Undefined)
}

/// ### [20.1.3.9.1 Object.prototype.__defineGetter__ ( P, getter )](https://tc39.es/ecma262/#sec-object.prototype.__defineGetter__)
pub(super) fn define_getter<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    define_accessor(agent, this, args, true, gc)
}

/// ### [20.1.3.9.2 Object.prototype.__defineSetter__ ( P, setter )](https://tc39.es/ecma262/#sec-object.prototype.__defineSetter__)
pub(super) fn define_setter<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    define_accessor(agent, this, args, false, gc)
}

/// Shared steps of `__lookupGetter__` and `__lookupSetter__`.
fn lookup_accessor<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    is_getter: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, this, gc.nogc())?.scope(agent, gc.nogc());
    // 2. Let key be ? ToPropertyKey(P).
    let key = to_property_key(agent, args.get(0).unbind(), gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 3. Repeat,
    loop {
        // a. Let desc be ? O.[[GetOwnProperty]](key).
        let desc = o
            .get(agent)
            .internal_get_own_property(agent, key.get(agent), gc.reborrow())?
            .unbind();
        // b. If desc is not undefined, then
        if let Some(desc) = desc {
            // i. If IsAccessorDescriptor(desc) is true, return desc.[[Get]] (or [[Set]]).
            // ii. Return undefined.
            let function = if is_getter { desc.get } else { desc.set };
            return Ok(function.unwrap_or_default().bind(gc.into_nogc()));
        }
        // c. Set O to ? O.[[GetPrototypeOf]]().
        let parent = o
            .get(agent)
            .internal_get_prototype_of(agent, gc.reborrow())?
            .unbind();
        // d. If O is null, return undefined.
        let Some(parent) = parent else {
            return Ok(Value::Undefined);
        };
        o.set(agent, parent);
    }
}

/// ### [20.1.3.9.3 Object.prototype.__lookupGetter__ ( P )](https://tc39.es/ecma262/#sec-object.prototype.__lookupGetter__)
pub(super) fn lookup_getter<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    lookup_accessor(agent, this, args, true, gc)
}

/// ### [20.1.3.9.4 Object.prototype.__lookupSetter__ ( P )](https://tc39.es/ecma262/#sec-object.prototype.__lookupSetter__)
pub(super) fn lookup_setter<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    lookup_accessor(agent, this, args, false, gc)
}
