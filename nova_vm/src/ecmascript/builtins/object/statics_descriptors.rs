//! The Object statics that read and write property descriptors:
//! `defineProperty`, `defineProperties`, `getOwnPropertyDescriptor` and
//! `getOwnPropertyDescriptors`.

use crate::ecmascript::abstract_operations::{
    define_property_or_throw, from_property_descriptor, get, to_object, to_property_descriptor,
    to_property_key,
};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Object, PropertyDescriptor, PropertyKey, Value};
use crate::engine::{Bindable, GcScope, Rootable, Scoped};

/// ### [20.1.2.3 Object.defineProperties ( O, Properties )](https://tc39.es/ecma262/#sec-object.defineproperties)
pub(super) fn define_properties<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    // 1. If O is not an Object, throw a TypeError exception.
    let Value::Object(o) = args.get(0) else {
        return Err(agent.throw_type_error(
            "Object.defineProperties called on non-object",
            gc.into_nogc(),
        ));
    };
    // 2. Return ? ObjectDefineProperties(O, Properties).
    object_define_properties(agent, o.unbind(), args.get(1).unbind(), gc).map(Value::from)
}

/// A property descriptor parked on the scoped-root stack while JavaScript runs.
struct ScopedDescriptor<'s> {
    key: Scoped<'s, PropertyKey<'static>>,
    value: Option<Scoped<'s, Value<'static>>>,
    get: Option<Scoped<'s, Value<'static>>>,
    set: Option<Scoped<'s, Value<'static>>>,
    writable: Option<bool>,
    enumerable: Option<bool>,
    configurable: Option<bool>,
}

/// ### [20.1.2.3.1 ObjectDefineProperties ( O, Properties )](https://tc39.es/ecma262/#sec-objectdefineproperties)
pub(crate) fn object_define_properties<'gc>(
    agent: &mut Agent,
    o: Object,
    properties: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    let o = o.bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let props be ? ToObject(Properties).
    let props = to_object(agent, properties, gc.nogc())?.scope(agent, gc.nogc());
    // 2. Let keys be ? props.[[OwnPropertyKeys]]().
    let keys = props
        .get(agent)
        .internal_own_property_keys(agent, gc.reborrow())?
        .unbind();
    let keys: Vec<_> = keys
        .into_iter()
        .map(|k| k.scope(agent, gc.nogc()))
        .collect();
    // 3. Let descriptors be a new empty List.
    let mut descriptors = Vec::new();
    // 4. For each element nextKey of keys, do
    for next_key in keys {
        // a. Let propDesc be ? props.[[GetOwnProperty]](nextKey).
        let prop_desc = props.get(agent).internal_get_own_property(
            agent,
            next_key.get(agent),
            gc.reborrow(),
        )?;
        // b. If propDesc is not undefined and propDesc.[[Enumerable]] is true, then
        if prop_desc.is_none_or(|d| d.enumerable != Some(true)) {
            continue;
        }
        // i. Let descObj be ? Get(props, nextKey).
        let desc_obj = get(agent, props.get(agent), next_key.get(agent), gc.reborrow())?.unbind();
        // ii. Let desc be ? ToPropertyDescriptor(descObj).
        let desc = to_property_descriptor(agent, desc_obj, gc.reborrow())?.unbind();
        // iii. Append the Record { [[Key]]: nextKey, [[Descriptor]]: desc } to descriptors.
        let nogc = gc.nogc();
        descriptors.push(ScopedDescriptor {
            key: next_key,
            value: desc.value.map(|v| v.scope(agent, nogc)),
            get: desc.get.map(|v| v.scope(agent, nogc)),
            set: desc.set.map(|v| v.scope(agent, nogc)),
            writable: desc.writable,
            enumerable: desc.enumerable,
            configurable: desc.configurable,
        });
    }
    // 5. For each element property of descriptors, do
    for property in descriptors {
        let desc = PropertyDescriptor {
            value: property.value.map(|v| v.get(agent)),
            writable: property.writable,
            get: property.get.map(|v| v.get(agent)),
            set: property.set.map(|v| v.get(agent)),
            enumerable: property.enumerable,
            configurable: property.configurable,
        };
        // a. Perform ? DefinePropertyOrThrow(O, property.[[Key]], property.[[Descriptor]]).
        define_property_or_throw(
            agent,
            o.get(agent),
            property.key.get(agent),
            desc,
            gc.reborrow(),
        )?;
    }
    // 6. Return O.
    Ok(o.get(agent).bind(gc.into_nogc()))
}

/// ### [20.1.2.4 Object.defineProperty ( O, P, Attributes )](https://tc39.es/ecma262/#sec-object.defineproperty)
pub(super) fn define_property<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    // 1. If O is not an Object, throw a TypeError exception.
    let Value::Object(o) = args.get(0) else {
        return Err(
            agent.throw_type_error("Object.defineProperty called on non-object", gc.into_nogc())
        );
    };
    let o = o.scope(agent, gc.nogc());
    let attributes = args.get(2).scope(agent, gc.nogc());
    // 2. Let key be ? ToPropertyKey(P).
    let key = to_property_key(agent, args.get(1).unbind(), gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 3. Let desc be ? ToPropertyDescriptor(Attributes).
    let desc = to_property_descriptor(agent, attributes.get(agent), gc.reborrow())?.unbind();
    // 4. Perform ? DefinePropertyOrThrow(O, key, desc).
    define_property_or_throw(agent, o.get(agent), key.get(agent), desc, gc.reborrow())?;
    // 5. Return O.
    Ok(o.get(agent).bind(gc.into_nogc()).into())
}

/// ### [20.1.2.8 Object.getOwnPropertyDescriptor ( O, P )](https://tc39.es/ecma262/#sec-object.getownpropertydescriptor)
pub(super) fn get_own_property_descriptor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    let p = args.get(1).scope(agent, gc.nogc());
    // 1. Let obj be ? ToObject(O).
    let obj = to_object(agent, args.get(0), gc.nogc())?.scope(agent, gc.nogc());
    // 2. Let key be ? ToPropertyKey(P).
    let key = to_property_key(agent, p.get(agent), gc.reborrow())?.unbind();
    // 3. Let desc be ? obj.[[GetOwnProperty]](key).
    let desc = obj
        .get(agent)
        .internal_get_own_property(agent, key, gc.reborrow())?
        .unbind();
    // 4. Return FromPropertyDescriptor(desc).
    Ok(from_property_descriptor(agent, desc, gc.into_nogc()))
}

/// ### [20.1.2.9 Object.getOwnPropertyDescriptors ( O )](https://tc39.es/ecma262/#sec-object.getownpropertydescriptors)
pub(super) fn get_own_property_descriptors<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    // 1. Let obj be ? ToObject(O).
    let obj = to_object(agent, args.get(0), gc.nogc())?.scope(agent, gc.nogc());
    // 2. Let ownKeys be ? obj.[[OwnPropertyKeys]]().
    let own_keys = obj
        .get(agent)
        .internal_own_property_keys(agent, gc.reborrow())?
        .unbind();
    let own_keys: Vec<_> = own_keys
        .into_iter()
        .map(|k| k.scope(agent, gc.nogc()))
        .collect();
    // 3. Let descriptors be OrdinaryObjectCreate(%Object.prototype%).
    let prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let descriptors = agent
        .create_object(Some(prototype), ObjectKind::Ordinary, gc.nogc())
        .scope(agent, gc.nogc());
    // 4. For each element key of ownKeys, do
    for key in own_keys {
        // a. Let desc be ? obj.[[GetOwnProperty]](key).
        let desc = obj
            .get(agent)
            .internal_get_own_property(agent, key.get(agent), gc.reborrow())?
            .unbind();
        // b. Let descriptor be FromPropertyDescriptor(desc).
        let descriptor = from_property_descriptor(agent, desc, gc.nogc());
        // c. If descriptor is not undefined, perform
        //    ! CreateDataPropertyOrThrow(descriptors, key, descriptor).
        if !descriptor.is_undefined() {
            let desc = PropertyDescriptor::data(descriptor, true, true, true);
            descriptors.get(agent).ordinary_define_own_property(
                agent,
                key.get(agent),
                desc,
                gc.nogc(),
            );
        }
    }
    // 5. Return descriptors.
    Ok(descriptors.get(agent).bind(gc.into_nogc()).into())
}
