//! ### [6.2.6 The Property Descriptor Specification Type](https://tc39.es/ecma262/#sec-property-descriptor-specification-type)

use super::value::Value;
use crate::engine::{Bindable, NoGcScope};
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
