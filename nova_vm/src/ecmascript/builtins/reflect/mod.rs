//! ### [28.1 The Reflect Object](https://tc39.es/ecma262/#sec-reflect-object)

use crate::ecmascript::abstract_operations::{
    call_function, construct as construct_operation, create_array_from_list,
    create_list_from_array_like, from_property_descriptor, is_callable, to_property_descriptor,
    to_property_key,
};
use crate::ecmascript::builtins::function_objects::RegularFn;
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, PropertyKey, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// Creates %Reflect% in the current realm.
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    // The Reflect object is an ordinary object whose [[Prototype]] is %Object.prototype%;
    // it is not a function object.
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let reflect = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    agent.set_intrinsic(Intrinsic::Reflect, reflect);
    let functions: [(&str, u32, RegularFn); 13] = [
        ("apply", 3, apply),
        ("construct", 2, construct),
        ("defineProperty", 3, define_property),
        ("deleteProperty", 2, delete_property),
        ("get", 2, get),
        ("getOwnPropertyDescriptor", 2, get_own_property_descriptor),
        ("getPrototypeOf", 1, get_prototype_of),
        ("has", 2, has),
        ("isExtensible", 1, is_extensible),
        ("ownKeys", 1, own_keys),
        ("preventExtensions", 1, prevent_extensions),
        ("set", 3, set),
        ("setPrototypeOf", 2, set_prototype_of),
    ];
    for (name, length, behaviour) in functions {
        agent.define_builtin_method(reflect, BuiltinName::Str(name), length, behaviour, gc);
    }
    // 28.1.14 Reflect [ %Symbol.toStringTag% ]: "Reflect",
    // { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = agent.create_string("Reflect", gc);
    agent.define_builtin_property(
        reflect,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        tag.into_value(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
}

/// Step 1 shared by most Reflect functions: "If target is not an Object, throw a
/// TypeError exception."
fn require_target<'gc>(
    agent: &mut Agent,
    target: Value,
    function: &str,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    match target {
        Value::Object(o) => Ok(o.bind(gc)),
        _ => {
            let message = format!("Reflect.{function} called on non-object");
            Err(agent.throw_type_error(&message, gc))
        }
    }
}

/// Steps 1-2 shared by the Reflect functions that take a property key: the target
/// (rooted) and ? ToPropertyKey(propertyKey).
fn target_and_key<'gc, 's>(
    agent: &mut Agent,
    args: ArgumentsList,
    function: &str,
    mut gc: GcScope<'gc, 's>,
) -> JsResult<'gc, (crate::engine::Scoped<'s, Object<'static>>, PropertyKey<'gc>)> {
    let args = args.bind(gc.nogc());
    // 1. If target is not an Object, throw a TypeError exception.
    let target = require_target(agent, args.get(0), function, gc.nogc())?.scope(agent, gc.nogc());
    // 2. Let key be ? ToPropertyKey(propertyKey).
    let key = to_property_key(agent, args.get(1).unbind(), gc.reborrow())?.unbind();
    Ok((target, key.bind(gc.into_nogc())))
}

/// ### [28.1.1 Reflect.apply ( target, thisArgument, argumentsList )](https://tc39.es/ecma262/#sec-reflect.apply)
fn apply<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    let target = args.get(0);
    // 1. If IsCallable(target) is false, throw a TypeError exception.
    if !is_callable(agent, target) {
        return Err(
            agent.throw_type_error("Reflect.apply: target is not a function", gc.into_nogc())
        );
    }
    let target = target.scope(agent, gc.nogc());
    let this_argument = args.get(1).scope(agent, gc.nogc());
    // 2. Let args be ? CreateListFromArrayLike(argumentsList).
    let list = create_list_from_array_like(agent, args.get(2).unbind(), gc.reborrow())?.unbind();
    // 3. Perform PrepareForTailCall().
    // 4. Return ? Call(target, thisArgument, args).
    call_function(
        agent,
        target.get(agent),
        this_argument.get(agent),
        ArgumentsList(&list),
        gc,
    )
}

/// ### [28.1.2 Reflect.construct ( target, argumentsList [ , newTarget ] )](https://tc39.es/ecma262/#sec-reflect.construct)
fn construct<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    // 1. If IsConstructor(target) is false, throw a TypeError exception.
    let target = match args.get(0) {
        Value::Object(o) if o.is_constructor(agent) => o,
        _ => {
            return Err(agent.throw_type_error(
                "Reflect.construct: target is not a constructor",
                gc.into_nogc(),
            ));
        }
    };
    // 2. If newTarget is not present, set newTarget to target.
    let new_target = if args.len() < 3 {
        target
    } else {
        // 3. Else if IsConstructor(newTarget) is false, throw a TypeError exception.
        match args.get(2) {
            Value::Object(o) if o.is_constructor(agent) => o,
            _ => {
                return Err(agent.throw_type_error(
                    "Reflect.construct: newTarget is not a constructor",
                    gc.into_nogc(),
                ));
            }
        }
    };
    let target = target.scope(agent, gc.nogc());
    let new_target = new_target.scope(agent, gc.nogc());
    // 4. Let args be ? CreateListFromArrayLike(argumentsList).
    let list = create_list_from_array_like(agent, args.get(1).unbind(), gc.reborrow())?.unbind();
    // 5. Return ? Construct(target, args, newTarget).
    construct_operation(
        agent,
        target.get(agent),
        ArgumentsList(&list),
        Some(new_target.get(agent)),
        gc,
    )
    .map(Value::from)
}

/// ### [28.1.3 Reflect.defineProperty ( target, propertyKey, attributes )](https://tc39.es/ecma262/#sec-reflect.defineproperty)
fn define_property<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let attributes = args.get(2).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1-2. The target and ? ToPropertyKey(propertyKey).
    let (target, key) = target_and_key(agent, args, "defineProperty", gc.reborrow())?;
    let key = key.unbind().scope(agent, gc.nogc());
    // 3. Let desc be ? ToPropertyDescriptor(attributes).
    let desc = to_property_descriptor(agent, attributes.get(agent), gc.reborrow())?.unbind();
    // 4. Return ? target.[[DefineOwnProperty]](key, desc).
    target
        .get(agent)
        .internal_define_own_property(agent, key.get(agent), desc, gc)
        .map(Value::Boolean)
}

/// ### [28.1.4 Reflect.deleteProperty ( target, propertyKey )](https://tc39.es/ecma262/#sec-reflect.deleteproperty)
fn delete_property<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1-2. The target and ? ToPropertyKey(propertyKey).
    let (target, key) = target_and_key(agent, args, "deleteProperty", gc.reborrow())?;
    let key = key.unbind();
    // 3. Return ? target.[[Delete]](key).
    target
        .get(agent)
        .internal_delete(agent, key, gc)
        .map(Value::Boolean)
}

/// ### [28.1.5 Reflect.get ( target, propertyKey [ , receiver ] )](https://tc39.es/ecma262/#sec-reflect.get)
fn get<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let receiver = (args.len() > 2).then(|| args.get(2).bind(gc.nogc()).scope(agent, gc.nogc()));
    // 1-2. The target and ? ToPropertyKey(propertyKey).
    let (target, key) = target_and_key(agent, args, "get", gc.reborrow())?;
    let key = key.unbind();
    let target = target.get(agent);
    // 3. If receiver is not present, then
    //    a. Set receiver to target.
    let receiver = receiver.map_or(target.into(), |r| r.get(agent));
    // 4. Return ? target.[[Get]](key, receiver).
    target.internal_get(agent, key, receiver, gc)
}

/// ### [28.1.6 Reflect.getOwnPropertyDescriptor ( target, propertyKey )](https://tc39.es/ecma262/#sec-reflect.getownpropertydescriptor)
fn get_own_property_descriptor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1-2. The target and ? ToPropertyKey(propertyKey).
    let (target, key) = target_and_key(agent, args, "getOwnPropertyDescriptor", gc.reborrow())?;
    let key = key.unbind();
    // 3. Let desc be ? target.[[GetOwnProperty]](key).
    let desc = target
        .get(agent)
        .internal_get_own_property(agent, key, gc.reborrow())?
        .unbind();
    // 4. Return FromPropertyDescriptor(desc).
    Ok(from_property_descriptor(agent, desc, gc.into_nogc()))
}

/// ### [28.1.7 Reflect.getPrototypeOf ( target )](https://tc39.es/ecma262/#sec-reflect.getprototypeof)
fn get_prototype_of<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. If target is not an Object, throw a TypeError exception.
    let target = require_target(agent, args.get(0), "getPrototypeOf", gc.nogc())?.unbind();
    // 2. Return ? target.[[GetPrototypeOf]]().
    let prototype = target.internal_get_prototype_of(agent, gc)?;
    Ok(prototype.map_or(Value::Null, Value::from))
}

/// ### [28.1.8 Reflect.has ( target, propertyKey )](https://tc39.es/ecma262/#sec-reflect.has)
fn has<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1-2. The target and ? ToPropertyKey(propertyKey).
    let (target, key) = target_and_key(agent, args, "has", gc.reborrow())?;
    let key = key.unbind();
    // 3. Return ? target.[[HasProperty]](key).
    target
        .get(agent)
        .internal_has_property(agent, key, gc)
        .map(Value::Boolean)
}

/// ### [28.1.9 Reflect.isExtensible ( target )](https://tc39.es/ecma262/#sec-reflect.isextensible)
fn is_extensible<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. If target is not an Object, throw a TypeError exception.
    let target = require_target(agent, args.get(0), "isExtensible", gc.nogc())?.unbind();
    // 2. Return ? target.[[IsExtensible]]().
    target.internal_is_extensible(agent, gc).map(Value::Boolean)
}

/// ### [28.1.10 Reflect.ownKeys ( target )](https://tc39.es/ecma262/#sec-reflect.ownkeys)
fn own_keys<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. If target is not an Object, throw a TypeError exception.
    let target = require_target(agent, args.get(0), "ownKeys", gc.nogc())?.unbind();
    // 2. Let keys be ? target.[[OwnPropertyKeys]]().
    let keys = target
        .internal_own_property_keys(agent, gc.reborrow())?
        .unbind();
    let gc = gc.into_nogc();
    // 3. Return CreateArrayFromList(keys).
    let values: Vec<Value> = keys
        .into_iter()
        .map(|k| agent.key_to_value(k, gc))
        .collect();
    Ok(create_array_from_list(agent, &values, gc).into())
}

/// ### [28.1.11 Reflect.preventExtensions ( target )](https://tc39.es/ecma262/#sec-reflect.preventextensions)
fn prevent_extensions<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. If target is not an Object, throw a TypeError exception.
    let target = require_target(agent, args.get(0), "preventExtensions", gc.nogc())?.unbind();
    // 2. Return ? target.[[PreventExtensions]]().
    target
        .internal_prevent_extensions(agent, gc)
        .map(Value::Boolean)
}

/// ### [28.1.12 Reflect.set ( target, propertyKey, V [ , receiver ] )](https://tc39.es/ecma262/#sec-reflect.set)
fn set<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let v = args.get(2).bind(gc.nogc()).scope(agent, gc.nogc());
    let receiver = (args.len() > 3).then(|| args.get(3).bind(gc.nogc()).scope(agent, gc.nogc()));
    // 1-2. The target and ? ToPropertyKey(propertyKey).
    let (target, key) = target_and_key(agent, args, "set", gc.reborrow())?;
    let key = key.unbind();
    let target = target.get(agent);
    // 3. If receiver is not present, then
    //    a. Set receiver to target.
    let receiver = receiver.map_or(target.into(), |r| r.get(agent));
    // 4. Return ? target.[[Set]](key, V, receiver).
    target
        .internal_set(agent, key, v.get(agent), receiver, gc)
        .map(Value::Boolean)
}

/// ### [28.1.13 Reflect.setPrototypeOf ( target, proto )](https://tc39.es/ecma262/#sec-reflect.setprototypeof)
fn set_prototype_of<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. If target is not an Object, throw a TypeError exception.
    let target = require_target(agent, args.get(0), "setPrototypeOf", gc.nogc())?.unbind();
    // 2. If proto is not an Object and proto is not null, throw a TypeError exception.
    let proto = match args.get(1) {
        Value::Object(p) => Some(p),
        Value::Null => None,
        _ => {
            return Err(agent.throw_type_error(
                "Object prototype may only be an Object or null",
                gc.into_nogc(),
            ));
        }
    };
    // 3. Return ? target.[[SetPrototypeOf]](proto).
    target
        .internal_set_prototype_of(agent, proto, gc)
        .map(Value::Boolean)
}
