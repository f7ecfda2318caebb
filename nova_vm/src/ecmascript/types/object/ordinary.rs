//! ### [10.1 Ordinary Object Internal Methods and Internal Slots](https://tc39.es/ecma262/#sec-ordinary-object-internal-methods-and-internal-slots)
//!
//! The storage-level halves of the ordinary internal methods: reading a
//! property descriptor out of shapes/slots/elements and writing one back
//! (ValidateAndApplyPropertyDescriptor). None of these run JavaScript.

use super::attributes::Attributes;
use super::elements::ElementRef;
use crate::ecmascript::execution::Agent;
use crate::ecmascript::types::{Object, PropertyDescriptor, PropertyKey, Value};
use crate::engine::{Bindable, NoGcScope};

impl<'a> Object<'a> {
    /// ### [10.1.5.1 OrdinaryGetOwnProperty ( O, P )](https://tc39.es/ecma262/#sec-ordinarygetownproperty)
    pub fn ordinary_get_own_property<'gc>(
        self,
        agent: &Agent,
        key: PropertyKey,
        gc: NoGcScope<'gc, '_>,
    ) -> Option<PropertyDescriptor<'gc>> {
        // 1. If O does not have an own property with key P, return undefined.
        // 2-9. Build the descriptor from the stored attributes and value(s).
        let desc = match key {
            PropertyKey::Index(index) => match self.elements(agent)?.get(index)? {
                ElementRef::Dense(value, attributes) => {
                    descriptor_of(attributes, value, Value::Undefined)
                }
                ElementRef::Sparse(element) => {
                    descriptor_of(element.attributes, element.value, element.setter)
                }
            },
            _ => {
                let entry = self.find_named(agent, key)?;
                let first = self.slot(agent, entry.slot);
                let second = if entry.attributes.is_accessor() {
                    self.slot(agent, entry.slot + 1)
                } else {
                    Value::Undefined
                };
                descriptor_of(entry.attributes, first, second)
            }
        };
        Some(desc.bind(gc))
    }

    /// True if the object has an own property `key` in storage.
    pub fn has_stored_property(self, agent: &Agent, key: PropertyKey) -> bool {
        match key {
            PropertyKey::Index(index) => self.elements(agent).is_some_and(|e| e.has(index)),
            _ => self.find_named(agent, key).is_some(),
        }
    }

    /// ### [10.1.6.3 ValidateAndApplyPropertyDescriptor ( O, P, extensible, Desc, current )](https://tc39.es/ecma262/#sec-validateandapplypropertydescriptor)
    ///
    /// With `apply` false this is IsCompatiblePropertyDescriptor (O undefined).
    pub fn validate_and_apply_property_descriptor(
        self,
        agent: &mut Agent,
        key: PropertyKey,
        extensible: bool,
        desc: PropertyDescriptor,
        current: Option<PropertyDescriptor>,
        apply: bool,
    ) -> bool {
        // 1. Assert: IsPropertyKey(P) is true.
        // 2. If current is undefined, then
        let Some(current) = current else {
            // a. If extensible is false, return false.
            if !extensible {
                return false;
            }
            // b. If O is undefined, return true.
            if !apply {
                return true;
            }
            // c. If IsAccessorDescriptor(Desc) is true, then
            //    i. Create an own accessor property named P of object O whose [[Get]], [[Set]],
            //       [[Enumerable]], and [[Configurable]] attributes are set to the value of the
            //       corresponding field in Desc if Desc has that field, or to the attribute's
            //       default value otherwise.
            // d. Else,
            //    i. Create an own data property named P of object O whose [[Value]], [[Writable]],
            //       [[Enumerable]], and [[Configurable]] attributes are set to the value of the
            //       corresponding field in Desc if Desc has that field, or to the attribute's
            //       default value otherwise.
            self.write_property(agent, key, desc.complete(), false);
            // e. Return true.
            return true;
        };
        // 3. Assert: current is a fully populated Property Descriptor.
        // 4. If Desc does not have any fields, return true.
        if desc == PropertyDescriptor::default() {
            return true;
        }
        let current_configurable = current.configurable == Some(true);
        // 5. If current.[[Configurable]] is false, then
        if !current_configurable {
            // a. If Desc has a [[Configurable]] field and Desc.[[Configurable]] is true, return false.
            if desc.configurable == Some(true) {
                return false;
            }
            // b. If Desc has an [[Enumerable]] field and Desc.[[Enumerable]] is not current.[[Enumerable]], return false.
            if desc.enumerable.is_some() && desc.enumerable != current.enumerable {
                return false;
            }
            // c. If IsGenericDescriptor(Desc) is false and IsAccessorDescriptor(Desc) is not
            //    IsAccessorDescriptor(current), return false.
            if !desc.is_generic_descriptor()
                && desc.is_accessor_descriptor() != current.is_accessor_descriptor()
            {
                return false;
            }
            // d. If IsAccessorDescriptor(current) is true, then
            if current.is_accessor_descriptor() {
                // i. If Desc has a [[Get]] field and SameValue(Desc.[[Get]], current.[[Get]]) is false, return false.
                if desc.get.is_some_and(|g| Some(g) != current.get) {
                    return false;
                }
                // ii. If Desc has a [[Set]] field and SameValue(Desc.[[Set]], current.[[Set]]) is false, return false.
                if desc.set.is_some_and(|s| Some(s) != current.set) {
                    return false;
                }
            } else if current.writable == Some(false) {
                // e. Else if current.[[Writable]] is false, then
                // i. If Desc has a [[Writable]] field and Desc.[[Writable]] is true, return false.
                if desc.writable == Some(true) {
                    return false;
                }
                // ii. If Desc has a [[Value]] field and SameValue(Desc.[[Value]], current.[[Value]]) is false, return false.
                if let Some(v) = desc.value
                    && !crate::ecmascript::abstract_operations::same_value(
                        agent,
                        v,
                        current.value.unwrap_or_default(),
                    )
                {
                    return false;
                }
            }
        }
        // 6. If O is not undefined, then
        if !apply {
            return true;
        }
        // a. If IsDataDescriptor(current) is true and IsAccessorDescriptor(Desc) is true, then
        let merged = if current.is_data_descriptor() && desc.is_accessor_descriptor() {
            // i. If Desc has a [[Configurable]] field, let configurable be Desc.[[Configurable]];
            //    else let configurable be current.[[Configurable]].
            // ii. If Desc has a [[Enumerable]] field, let enumerable be Desc.[[Enumerable]];
            //     else let enumerable be current.[[Enumerable]].
            // iii. Replace the property named P of object O with an accessor property whose
            //      [[Configurable]] and [[Enumerable]] attributes are set to configurable and
            //      enumerable, respectively, and whose [[Get]] and [[Set]] attributes are set to
            //      the value of the corresponding field in Desc if Desc has that field, or to the
            //      attribute's default value otherwise.
            PropertyDescriptor::accessor(
                desc.get.unwrap_or_default(),
                desc.set.unwrap_or_default(),
                desc.enumerable.or(current.enumerable).unwrap_or(false),
                desc.configurable.or(current.configurable).unwrap_or(false),
            )
        } else if current.is_accessor_descriptor() && desc.is_data_descriptor() {
            // b. Else if IsAccessorDescriptor(current) is true and IsDataDescriptor(Desc) is true, then
            //    (as above, replacing with a data property with [[Value]] and [[Writable]]
            //    from Desc or their defaults)
            PropertyDescriptor::data(
                desc.value.unwrap_or_default(),
                desc.writable.unwrap_or(false),
                desc.enumerable.or(current.enumerable).unwrap_or(false),
                desc.configurable.or(current.configurable).unwrap_or(false),
            )
        } else {
            // c. Else,
            // i. For each field of Desc, set the corresponding attribute of the property named P
            //    of object O to the value of the field.
            PropertyDescriptor {
                value: desc.value.or(current.value),
                writable: desc.writable.or(current.writable),
                get: desc.get.or(current.get),
                set: desc.set.or(current.set),
                enumerable: desc.enumerable.or(current.enumerable),
                configurable: desc.configurable.or(current.configurable),
            }
        };
        self.write_property(agent, key, merged, true);
        // 7. Return true.
        true
    }

    /// Stores a complete descriptor as an own property (adding or replacing).
    pub(crate) fn write_property(
        self,
        agent: &mut Agent,
        key: PropertyKey,
        desc: PropertyDescriptor,
        exists: bool,
    ) {
        let enumerable = desc.enumerable.unwrap_or(false);
        let configurable = desc.configurable.unwrap_or(false);
        let (attributes, first, second) = if desc.is_accessor_descriptor() {
            (
                Attributes::accessor(enumerable, configurable),
                desc.get.unwrap_or_default(),
                desc.set.unwrap_or_default(),
            )
        } else {
            (
                Attributes::data(desc.writable.unwrap_or(false), enumerable, configurable),
                desc.value.unwrap_or_default(),
                Value::Undefined,
            )
        };
        match key {
            PropertyKey::Index(index) => {
                let elements = self.elements_mut(agent);
                if attributes.is_accessor() {
                    elements.set_accessor(index, first.unbind(), second.unbind(), attributes);
                } else {
                    elements.set(index, first.unbind(), attributes);
                }
                if self.kind(agent) == super::ObjectKind::Array {
                    let elements = self.elements_mut(agent);
                    if index >= elements.length {
                        elements.length = index + 1;
                    }
                }
            }
            _ if exists => self.replace_named(agent, key, attributes, first, second),
            _ => {
                if attributes.is_accessor() {
                    self.add_named_accessor(agent, key, first, second, attributes);
                } else {
                    self.add_named_data(agent, key, first, attributes);
                }
            }
        }
    }

    /// Removes an own property from storage.
    pub(crate) fn remove_property(self, agent: &mut Agent, key: PropertyKey) {
        match key {
            PropertyKey::Index(index) => {
                if self.record(agent).elements.is_some() {
                    self.elements_mut(agent).remove(index);
                }
            }
            _ => self.remove_named(agent, key),
        }
    }

    /// ### [10.1.11.1 OrdinaryOwnPropertyKeys ( O )](https://tc39.es/ecma262/#sec-ordinaryownpropertykeys)
    pub fn ordinary_own_property_keys<'gc>(
        self,
        agent: &Agent,
        gc: NoGcScope<'gc, '_>,
    ) -> Vec<PropertyKey<'gc>> {
        // 1. Let keys be a new empty List.
        let mut keys: Vec<PropertyKey<'gc>> = Vec::new();
        // 2. For each own property key P of O such that P is an array index, in ascending
        //    numeric index order, do
        //    a. Append P to keys.
        if let Some(elements) = self.elements(agent) {
            keys.extend(elements.indexes().into_iter().map(PropertyKey::Index));
        }
        self.append_named_keys(agent, &mut keys, gc);
        // 5. Return keys.
        keys
    }

    /// Appends string keys then symbol keys in insertion order.
    pub(crate) fn append_named_keys<'gc>(
        self,
        agent: &Agent,
        keys: &mut Vec<PropertyKey<'gc>>,
        gc: NoGcScope<'gc, '_>,
    ) {
        let shape = self.shape_record(agent);
        // 3. For each own property key P of O such that P is a String and P is not an array
        //    index, in ascending chronological order of property creation, do
        //    a. Append P to keys.
        keys.extend(
            shape
                .entries
                .iter()
                .filter(|e| !e.key.is_symbol())
                .map(|e| e.key.bind(gc)),
        );
        // 4. For each own property key P of O such that P is a Symbol, in ascending
        //    chronological order of property creation, do
        //    a. Append P to keys.
        keys.extend(
            shape
                .entries
                .iter()
                .filter(|e| matches!(e.key, PropertyKey::Symbol(s) if !agent.heap.symbols.get(s.index()).is_private))
                .map(|e| e.key.bind(gc)),
        );
    }
}

/// A complete descriptor from stored attributes and value(s).
fn descriptor_of<'a>(
    attributes: Attributes,
    first: Value<'a>,
    second: Value<'a>,
) -> PropertyDescriptor<'a> {
    if attributes.is_accessor() {
        PropertyDescriptor::accessor(
            first,
            second,
            attributes.enumerable(),
            attributes.configurable(),
        )
    } else {
        PropertyDescriptor::data(
            first,
            attributes.writable(),
            attributes.enumerable(),
            attributes.configurable(),
        )
    }
}
