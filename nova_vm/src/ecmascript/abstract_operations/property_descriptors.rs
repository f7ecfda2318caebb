//! Conversions between Property Descriptor records and objects:
//! [6.2.6.4 FromPropertyDescriptor](https://tc39.es/ecma262/#sec-frompropertydescriptor) and
//! [6.2.6.5 ToPropertyDescriptor](https://tc39.es/ecma262/#sec-topropertydescriptor).

use super::operations_on_objects::{get, has_property};
use super::testing_and_comparison::is_callable;
use super::type_conversion::to_boolean;
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, PropertyDescriptor, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// ### [6.2.6.4 FromPropertyDescriptor ( Desc )](https://tc39.es/ecma262/#sec-frompropertydescriptor)
///
/// `None` stands for a Desc of undefined (the result is then undefined).
pub fn from_property_descriptor<'gc>(
    agent: &mut Agent,
    desc: Option<PropertyDescriptor>,
    gc: NoGcScope<'gc, '_>,
) -> Value<'gc> {
    // 1. If Desc is undefined, return undefined.
    let Some(desc) = desc else {
        return Value::Undefined;
    };
    // 2. Let obj be OrdinaryObjectCreate(%Object.prototype%).
    let prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let obj = agent.create_object(Some(prototype), ObjectKind::Ordinary, gc);
    // 3. Assert: obj is an extensible ordinary object with no own properties.
    // (So every CreateDataPropertyOrThrow below adds a new property and cannot fail.)
    let add = |agent: &mut Agent, name: &'static str, value: Value| {
        let key = agent.static_key(name);
        obj.add_named_data(agent, key, value, Attributes::DEFAULT);
    };
    // 4. If Desc has a [[Value]] field, then
    //    a. Perform ! CreateDataPropertyOrThrow(obj, "value", Desc.[[Value]]).
    if let Some(value) = desc.value {
        add(agent, "value", value);
    }
    // 5. If Desc has a [[Writable]] field, then
    //    a. Perform ! CreateDataPropertyOrThrow(obj, "writable", Desc.[[Writable]]).
    if let Some(writable) = desc.writable {
        add(agent, "writable", Value::Boolean(writable));
    }
    // 6. If Desc has a [[Get]] field, then
    //    a. Perform ! CreateDataPropertyOrThrow(obj, "get", Desc.[[Get]]).
    if let Some(getter) = desc.get {
        add(agent, "get", getter);
    }
    // 7. If Desc has a [[Set]] field, then
    //    a. Perform ! CreateDataPropertyOrThrow(obj, "set", Desc.[[Set]]).
    if let Some(setter) = desc.set {
        add(agent, "set", setter);
    }
    // 8. If Desc has an [[Enumerable]] field, then
    //    a. Perform ! CreateDataPropertyOrThrow(obj, "enumerable", Desc.[[Enumerable]]).
    if let Some(enumerable) = desc.enumerable {
        add(agent, "enumerable", Value::Boolean(enumerable));
    }
    // 9. If Desc has a [[Configurable]] field, then
    //    a. Perform ! CreateDataPropertyOrThrow(obj, "configurable", Desc.[[Configurable]]).
    if let Some(configurable) = desc.configurable {
        add(agent, "configurable", Value::Boolean(configurable));
    }
    // 10. Return obj.
    obj.into()
}

/// `HasProperty(obj, name)` followed, if true, by `Get(obj, name)`: the value
/// of an optional field of a descriptor object.
fn get_optional_field<'gc>(
    agent: &mut Agent,
    obj: Object,
    name: &'static str,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Value<'gc>>> {
    let obj = obj.bind(gc.nogc()).scope(agent, gc.nogc());
    let key = agent.static_key(name);
    if !has_property(agent, obj.get(agent), key, gc.reborrow())? {
        return Ok(None);
    }
    // (The key is fetched again: a collection may have moved its string.)
    let key = agent.static_key(name);
    let value = get(agent, obj.get(agent), key, gc)?;
    Ok(Some(value))
}

/// ### [6.2.6.5 ToPropertyDescriptor ( Obj )](https://tc39.es/ecma262/#sec-topropertydescriptor)
pub fn to_property_descriptor<'gc>(
    agent: &mut Agent,
    obj: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, PropertyDescriptor<'gc>> {
    // 1. If Obj is not an Object, throw a TypeError exception.
    let Value::Object(obj) = obj.bind(gc.nogc()) else {
        return Err(
            agent.throw_type_error("Property description must be an object", gc.into_nogc())
        );
    };
    let obj = obj.scope(agent, gc.nogc());
    // 2. Let desc be a new Property Descriptor that initially has no fields.
    let mut desc = PropertyDescriptor::default();
    // 3. Let hasEnumerable be ? HasProperty(Obj, "enumerable").
    // 4. If hasEnumerable is true, then
    //    a. Let enumerable be ToBoolean(? Get(Obj, "enumerable")).
    //    b. Set desc.[[Enumerable]] to enumerable.
    if let Some(v) = get_optional_field(agent, obj.get(agent), "enumerable", gc.reborrow())? {
        desc.enumerable = Some(to_boolean(agent, v));
    }
    // 5. Let hasConfigurable be ? HasProperty(Obj, "configurable").
    // 6. If hasConfigurable is true, then
    //    a. Let configurable be ToBoolean(? Get(Obj, "configurable")).
    //    b. Set desc.[[Configurable]] to configurable.
    if let Some(v) = get_optional_field(agent, obj.get(agent), "configurable", gc.reborrow())? {
        desc.configurable = Some(to_boolean(agent, v));
    }
    // 7. Let hasValue be ? HasProperty(Obj, "value").
    // 8. If hasValue is true, then
    //    a. Let value be ? Get(Obj, "value").
    //    b. Set desc.[[Value]] to value.
    let value = get_optional_field(agent, obj.get(agent), "value", gc.reborrow())?.unbind();
    let value = value.map(|v| v.scope(agent, gc.nogc()));
    // 9. Let hasWritable be ? HasProperty(Obj, "writable").
    // 10. If hasWritable is true, then
    //     a. Let writable be ToBoolean(? Get(Obj, "writable")).
    //     b. Set desc.[[Writable]] to writable.
    if let Some(v) = get_optional_field(agent, obj.get(agent), "writable", gc.reborrow())? {
        desc.writable = Some(to_boolean(agent, v));
    }
    // 11. Let hasGet be ? HasProperty(Obj, "get").
    // 12. If hasGet is true, then
    //     a. Let getter be ? Get(Obj, "get").
    //     b. If IsCallable(getter) is false and getter is not undefined, throw a TypeError exception.
    //     c. Set desc.[[Get]] to getter.
    let getter = get_optional_field(agent, obj.get(agent), "get", gc.reborrow())?.unbind();
    if let Some(getter) = getter
        && !getter.is_undefined()
        && !is_callable(agent, getter)
    {
        return Err(
            agent.throw_type_error("Getter must be a function or undefined", gc.into_nogc())
        );
    }
    let getter = getter.map(|g| g.scope(agent, gc.nogc()));
    // 13. Let hasSet be ? HasProperty(Obj, "set").
    // 14. If hasSet is true, then
    //     a. Let setter be ? Get(Obj, "set").
    //     b. If IsCallable(setter) is false and setter is not undefined, throw a TypeError exception.
    //     c. Set desc.[[Set]] to setter.
    let setter = get_optional_field(agent, obj.get(agent), "set", gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    let setter = setter.bind(gc);
    if let Some(setter) = setter
        && !setter.is_undefined()
        && !is_callable(agent, setter)
    {
        return Err(agent.throw_type_error("Setter must be a function or undefined", gc));
    }
    desc.value = value.map(|v| v.get(agent).bind(gc));
    desc.get = getter.map(|g| g.get(agent).bind(gc));
    desc.set = setter;
    // 15. If desc has a [[Get]] field or desc has a [[Set]] field, then
    //     a. If desc has a [[Value]] field or desc has a [[Writable]] field, throw a TypeError exception.
    if desc.is_accessor_descriptor() && desc.is_data_descriptor() {
        return Err(agent.throw_type_error(
            "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute",
            gc,
        ));
    }
    // 16. Return desc.
    Ok(desc.bind(gc))
}
