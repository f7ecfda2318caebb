//! Allocation of the primitive wrapper objects (Boolean, Number, String,
//! Symbol and BigInt objects) that ToObject creates.

use crate::ecmascript::execution::{Agent, Intrinsic};
use crate::ecmascript::types::object::{
    Attributes, InternalValue, InternalValueRecord, ObjectKind,
};
use crate::ecmascript::types::{JsString, Object, PropertyKey, Value};
use crate::engine::{Bindable, NoGcScope};
use crate::heap::Arena;

impl Agent {
    /// Stores a primitive as the internal slot of a wrapper object.
    pub(crate) fn alloc_internal_value(&mut self, value: Value) -> InternalValue<'static> {
        self.heap.allocated_since_gc += Arena::<InternalValueRecord>::RECORD_BYTES;
        InternalValue::from_index(
            self.heap
                .internal_values
                .push(InternalValueRecord(value.unbind())),
        )
    }

    /// The primitive stored in a wrapper's internal slot.
    pub(crate) fn internal_value(&self, handle: InternalValue) -> Value<'static> {
        self.heap.internal_values.get(handle.index()).0
    }

    /// ### [10.4.3.4 StringCreate ( value, prototype )](https://tc39.es/ecma262/#sec-stringcreate)
    pub fn create_string_object<'a>(
        &mut self,
        value: JsString,
        prototype: Option<Object>,
        gc: NoGcScope<'a, '_>,
    ) -> Object<'a> {
        // 1. Let S be MakeBasicObject(« [[Prototype]], [[Extensible]], [[StringData]] »).
        // 2. Set S.[[Prototype]] to prototype.
        // 3. Set S.[[StringData]] to value.
        // 4-6. Set the exotic internal methods (dispatched on the kind).
        let prototype = prototype.unwrap_or_else(|| self.intrinsic(Intrinsic::StringPrototype));
        let data = self.alloc_internal_value(value.into_value());
        let object = self.create_object(Some(prototype), ObjectKind::StringObject(data), gc);
        // 7. Let length be the length of value.
        let length = self.string_length(value) as u32;
        // 8. Perform ! DefinePropertyOrThrow(S, "length", PropertyDescriptor { [[Value]]: 𝔽(length),
        //    [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }).
        let key = PropertyKey::from_static_str("length").expect("short key");
        object.add_named_data(
            self,
            key,
            Value::from_u32(length),
            Attributes::FROZEN_HIDDEN,
        );
        // 9. Return S.
        object
    }
}
