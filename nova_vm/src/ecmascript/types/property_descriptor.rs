//! ### [6.2.6 The Property Descriptor Specification Type](https://tc39.es/ecma262/#sec-property-descriptor-specification-type)

use super::value::{Object, Value};
use crate::ecmascript::abstract_operations::{get, has_property, is_callable, to_boolean};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable, Scoped};
use crate::heap::{HandleVisitor, Trace};

/// A Property Descriptor: every field is optional.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PropertyDescriptor<'a> {
    /// `[[Value]]`
    pub value: Option<Value<'a>>,
    /// `[[Writable]]`
    pub writable: Option<bool>,
    /// `[[Get]]` (undefined or a callable object)
    pub get: Option<Value<'a>>,
    /// `[[Set]]` (undefined or a callable object)
    pub set: Option<Value<'a>>,
    /// `[[Enumerable]]`
    pub enumerable: Option<bool>,
    /// `[[Configurable]]`
    pub configurable: Option<bool>,
}

impl<'a> PropertyDescriptor<'a> {
    /// A complete data descriptor.
    pub fn data(value: Value<'a>, writable: bool, enumerable: bool, configurable: bool) -> Self {
        Self {
            value: Some(value),
            writable: Some(writable),
            get: None,
            set: None,
            enumerable: Some(enumerable),
            configurable: Some(configurable),
        }
    }

    /// A complete accessor descriptor.
    pub fn accessor(get: Value<'a>, set: Value<'a>, enumerable: bool, configurable: bool) -> Self {
        Self {
            value: None,
            writable: None,
            get: Some(get),
            set: Some(set),
            enumerable: Some(enumerable),
            configurable: Some(configurable),
        }
    }

    /// ### [6.2.6.1 IsAccessorDescriptor ( Desc )](https://tc39.es/ecma262/#sec-isaccessordescriptor)
    pub fn is_accessor_descriptor(&self) -> bool {
        // 2. If Desc has a [[Get]] field, return true.
        // 3. If Desc has a [[Set]] field, return true.
        // 4. Return false.
        self.get.is_some() || self.set.is_some()
    }

    /// ### [6.2.6.2 IsDataDescriptor ( Desc )](https://tc39.es/ecma262/#sec-isdatadescriptor)
    pub fn is_data_descriptor(&self) -> bool {
        // 2. If Desc has a [[Value]] field, return true.
        // 3. If Desc has a [[Writable]] field, return true.
        // 4. Return false.
        self.value.is_some() || self.writable.is_some()
    }

    /// ### [6.2.6.3 IsGenericDescriptor ( Desc )](https://tc39.es/ecma262/#sec-isgenericdescriptor)
    pub fn is_generic_descriptor(&self) -> bool {
        !self.is_accessor_descriptor() && !self.is_data_descriptor()
    }

    /// ### [6.2.6.6 CompletePropertyDescriptor ( Desc )](https://tc39.es/ecma262/#sec-completepropertydescriptor)
    pub fn complete(mut self) -> Self {
        // 2. Let like be the Record { [[Value]]: undefined, [[Writable]]: false,
        //    [[Get]]: undefined, [[Set]]: undefined, [[Enumerable]]: false, [[Configurable]]: false }.
        // 3. If IsGenericDescriptor(Desc) is true or IsDataDescriptor(Desc) is true, then
        if self.is_generic_descriptor() || self.is_data_descriptor() {
            // a. If Desc does not have a [[Value]] field, set Desc.[[Value]] to like.[[Value]].
            self.value.get_or_insert(Value::Undefined);
            // b. If Desc does not have a [[Writable]] field, set Desc.[[Writable]] to like.[[Writable]].
            self.writable.get_or_insert(false);
        } else {
            // 4. Else,
            // a. If Desc does not have a [[Get]] field, set Desc.[[Get]] to like.[[Get]].
            self.get.get_or_insert(Value::Undefined);
            // b. If Desc does not have a [[Set]] field, set Desc.[[Set]] to like.[[Set]].
            self.set.get_or_insert(Value::Undefined);
        }
        // 5. If Desc does not have an [[Enumerable]] field, set Desc.[[Enumerable]] to like.[[Enumerable]].
        self.enumerable.get_or_insert(false);
        // 6. If Desc does not have a [[Configurable]] field, set Desc.[[Configurable]] to like.[[Configurable]].
        self.configurable.get_or_insert(false);
        // 7. Return unused.
        self
    }
}

impl Bindable for PropertyDescriptor<'_> {
    type Of<'b> = PropertyDescriptor<'b>;
    fn unbind(self) -> PropertyDescriptor<'static> {
        PropertyDescriptor {
            value: self.value.unbind(),
            writable: self.writable,
            get: self.get.unbind(),
            set: self.set.unbind(),
            enumerable: self.enumerable,
            configurable: self.configurable,
        }
    }
    fn bind<'b>(self, _: NoGcScope<'b, '_>) -> PropertyDescriptor<'b> {
        self.unbind()
    }
}

impl Trace for PropertyDescriptor<'_> {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.value.trace(visitor);
        self.get.trace(visitor);
        self.set.trace(visitor);
    }
}

/// ### [6.2.6.4 FromPropertyDescriptor ( Desc )](https://tc39.es/ecma262/#sec-frompropertydescriptor)
///
/// `None` stands for an undefined descriptor (and gives undefined).
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
    let add = |agent: &mut Agent, name: &'static str, value: Value| {
        let key = agent.static_key(name);
        obj.add_named_data(agent, key, value, Attributes::DEFAULT);
    };
    // 4. If Desc has a [[Value]] field, then
    if let Some(value) = desc.value {
        // a. Perform ! CreateDataPropertyOrThrow(obj, "value", Desc.[[Value]]).
        add(agent, "value", value);
    }
    // 5. If Desc has a [[Writable]] field, then
    if let Some(writable) = desc.writable {
        // a. Perform ! CreateDataPropertyOrThrow(obj, "writable", Desc.[[Writable]]).
        add(agent, "writable", Value::Boolean(writable));
    }
    // 6. If Desc has a [[Get]] field, then
    if let Some(getter) = desc.get {
        // a. Perform ! CreateDataPropertyOrThrow(obj, "get", Desc.[[Get]]).
        add(agent, "get", getter);
    }
    // 7. If Desc has a [[Set]] field, then
    if let Some(setter) = desc.set {
        // a. Perform ! CreateDataPropertyOrThrow(obj, "set", Desc.[[Set]]).
        add(agent, "set", setter);
    }
    // 8. If Desc has an [[Enumerable]] field, then
    if let Some(enumerable) = desc.enumerable {
        // a. Perform ! CreateDataPropertyOrThrow(obj, "enumerable", Desc.[[Enumerable]]).
        add(agent, "enumerable", Value::Boolean(enumerable));
    }
    // 9. If Desc has a [[Configurable]] field, then
    if let Some(configurable) = desc.configurable {
        // a. Perform ! CreateDataPropertyOrThrow(obj, "configurable", Desc.[[Configurable]]).
        add(agent, "configurable", Value::Boolean(configurable));
    }
    // 10. Return obj.
    obj.into()
}

/// ### [6.2.6.5 ToPropertyDescriptor ( Obj )](https://tc39.es/ecma262/#sec-topropertydescriptor)
pub fn to_property_descriptor<'gc>(
    agent: &mut Agent,
    obj: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, PropertyDescriptor<'gc>> {
    // 1. If Obj is not an Object, throw a TypeError exception.
    let Value::Object(obj) = obj else {
        return Err(
            agent.throw_type_error("Property description must be an object", gc.into_nogc())
        );
    };
    let obj = obj.bind(gc.nogc()).scope(agent, gc.nogc());
    // 2. Let desc be a new Property Descriptor that initially has no fields.
    let mut desc = PropertyDescriptor::default();
    // 3. Let hasEnumerable be ? HasProperty(Obj, "enumerable").
    // 4. If hasEnumerable is true, then
    if let Some(enumerable) = field(agent, obj, "enumerable", gc.reborrow())? {
        // a. Let enumerable be ToBoolean(? Get(Obj, "enumerable")).
        // b. Set desc.[[Enumerable]] to enumerable.
        desc.enumerable = Some(to_boolean(agent, enumerable.unbind()));
    }
    // 5. Let hasConfigurable be ? HasProperty(Obj, "configurable").
    // 6. If hasConfigurable is true, then
    if let Some(configurable) = field(agent, obj, "configurable", gc.reborrow())? {
        // a. Let configurable be ToBoolean(? Get(Obj, "configurable")).
        // b. Set desc.[[Configurable]] to configurable.
        desc.configurable = Some(to_boolean(agent, configurable.unbind()));
    }
    // 7. Let hasValue be ? HasProperty(Obj, "value").
    // 8. If hasValue is true, then
    //    a. Let value be ? Get(Obj, "value").
    //    b. Set desc.[[Value]] to value.
    let value = field(agent, obj, "value", gc.reborrow())?.unbind();
    let value: Option<Scoped<Value>> = value.map(|v| v.scope(agent, gc.nogc()));
    // 9. Let hasWritable be ? HasProperty(Obj, "writable").
    // 10. If hasWritable is true, then
    if let Some(writable) = field(agent, obj, "writable", gc.reborrow())? {
        // a. Let writable be ToBoolean(? Get(Obj, "writable")).
        // b. Set desc.[[Writable]] to writable.
        desc.writable = Some(to_boolean(agent, writable.unbind()));
    }
    // 11. Let hasGet be ? HasProperty(Obj, "get").
    // 12. If hasGet is true, then
    //     a. Let getter be ? Get(Obj, "get").
    let getter = field(agent, obj, "get", gc.reborrow())?.unbind();
    //     b. If IsCallable(getter) is false and getter is not undefined, throw a TypeError
    //        exception.
    if let Some(getter) = getter
        && !getter.is_undefined()
        && !is_callable(agent, getter)
    {
        return Err(agent.throw_type_error("Getter must be a function", gc.into_nogc()));
    }
    //     c. Set desc.[[Get]] to getter.
    let getter: Option<Scoped<Value>> = getter.map(|g| g.scope(agent, gc.nogc()));
    // 13. Let hasSet be ? HasProperty(Obj, "set").
    // 14. If hasSet is true, then
    //     a. Let setter be ? Get(Obj, "set").
    let setter = field(agent, obj, "set", gc.reborrow())?.unbind();
    //     b. If IsCallable(setter) is false and setter is not undefined, throw a TypeError
    //        exception.
    if let Some(setter) = setter
        && !setter.is_undefined()
        && !is_callable(agent, setter)
    {
        return Err(agent.throw_type_error("Setter must be a function", gc.into_nogc()));
    }
    //     c. Set desc.[[Set]] to setter.
    let gc = gc.into_nogc();
    desc.value = value.map(|v| v.get(agent).bind(gc));
    desc.get = getter.map(|g| g.get(agent).bind(gc));
    desc.set = setter.map(|s| s.bind(gc));
    // 15. If desc has a [[Get]] field or desc has a [[Set]] field, then
    //     a. If desc has a [[Value]] field or desc has a [[Writable]] field, throw a TypeError
    //        exception.
    if desc.is_accessor_descriptor() && desc.is_data_descriptor() {
        return Err(agent.throw_type_error(
            "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute",
            gc,
        ));
    }
    // 16. Return desc.
    Ok(desc)
}

/// `? HasProperty(Obj, name)` and, when it is true, `? Get(Obj, name)`.
fn field<'gc>(
    agent: &mut Agent,
    obj: Scoped<Object<'static>>,
    name: &'static str,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Value<'gc>>> {
    let key = agent.static_key(name);
    if !has_property(agent, obj.get(agent), key, gc.reborrow())? {
        return Ok(None);
    }
    get(agent, obj.get(agent), key, gc).map(Some)
}
