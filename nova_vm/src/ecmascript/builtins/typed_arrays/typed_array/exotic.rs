//! ### [10.4.5 TypedArray Exotic Objects](https://tc39.es/ecma262/#sec-typedarray-exotic-objects)
//!
//! The internal methods that differ from the ordinary ones: every key that is
//! a canonical numeric string names an element (or nothing), never an
//! ordinary property. `types/object/internal_methods.rs` dispatches here for
//! those keys and runs the ordinary methods for the others.

use super::{
    is_valid_integer_index, typed_array_get_element, typed_array_length, typed_array_set_element,
};
use crate::ecmascript::abstract_operations::canonical_numeric_index_string;
use crate::ecmascript::builtins::typed_arrays::TypedArray;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{Object, PropertyDescriptor, PropertyKey, Value};
use crate::engine::{Bindable, GcScope, NoGcScope};

/// CanonicalNumericIndexString(P) for a property key (undefined for symbols).
#[inline]
pub(crate) fn numeric_index(agent: &Agent, key: PropertyKey) -> Option<f64> {
    let text = match key {
        PropertyKey::Index(i) => return Some(f64::from(i)),
        PropertyKey::Symbol(_) => return None,
        PropertyKey::SmallString(s) => {
            return might_be_numeric(s.as_str())
                .then(|| canonical_numeric_index_string(s.as_str()))
                .flatten();
        }
        PropertyKey::String(h) => agent.string_record(h).as_str()?,
    };
    might_be_numeric(text)
        .then(|| canonical_numeric_index_string(text))
        .flatten()
}

/// A quick filter: canonical numeric strings start with a digit, `-`, `I`
/// (Infinity) or `N` (NaN).
#[inline]
fn might_be_numeric(text: &str) -> bool {
    matches!(
        text.as_bytes().first(),
        Some(b'0'..=b'9' | b'-' | b'I' | b'N')
    )
}

/// ### [10.4.5.1 [[GetOwnProperty]] ( P )](https://tc39.es/ecma262/#sec-typedarray-getownproperty)
/// for a numeric key.
pub(crate) fn get_own_element<'gc>(
    agent: &mut Agent,
    ta: TypedArray,
    index: f64,
    gc: NoGcScope<'gc, '_>,
) -> Option<PropertyDescriptor<'gc>> {
    // 1.b.i. Let value be TypedArrayGetElement(O, numericIndex).
    // ii. If value is undefined, return undefined.
    let value = typed_array_get_element(agent, ta, index, gc)?;
    // iii. Return the PropertyDescriptor { [[Value]]: value, [[Writable]]: true,
    //      [[Enumerable]]: true, [[Configurable]]: true }.
    Some(PropertyDescriptor::data(value, true, true, true))
}

/// ### [10.4.5.2 [[HasProperty]] ( P )](https://tc39.es/ecma262/#sec-typedarray-hasproperty)
/// for a numeric key: IsValidIntegerIndex(O, numericIndex).
pub(crate) fn has_element(agent: &Agent, ta: TypedArray, index: f64) -> bool {
    let record = agent.typed_array_record(ta);
    is_valid_integer_index(agent, &record, index).is_some()
}

/// ### [10.4.5.3 [[DefineOwnProperty]] ( P, Desc )](https://tc39.es/ecma262/#sec-typedarray-defineownproperty)
/// for a numeric key.
pub(crate) fn define_own_element<'gc>(
    agent: &mut Agent,
    o: Object,
    ta: TypedArray,
    index: f64,
    desc: PropertyDescriptor,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    // i. If IsValidIntegerIndex(O, numericIndex) is false, return false.
    if !has_element(agent, ta, index) {
        return Ok(false);
    }
    // ii. If Desc has a [[Configurable]] field and Desc.[[Configurable]] is false, return false.
    // iii. If Desc has an [[Enumerable]] field and Desc.[[Enumerable]] is false, return false.
    // iv. If IsAccessorDescriptor(Desc) is true, return false.
    // v. If Desc has a [[Writable]] field and Desc.[[Writable]] is false, return false.
    if desc.configurable == Some(false)
        || desc.enumerable == Some(false)
        || desc.is_accessor_descriptor()
        || desc.writable == Some(false)
    {
        return Ok(false);
    }
    // vi. If Desc has a [[Value]] field, perform ? TypedArraySetElement(O, numericIndex, Desc.[[Value]]).
    if let Some(value) = desc.value {
        typed_array_set_element(agent, o, index, value.unbind(), gc)?;
    }
    // vii. Return true.
    Ok(true)
}

/// ### [10.4.5.5 [[Set]] ( P, V, Receiver )](https://tc39.es/ecma262/#sec-typedarray-set)
/// for a numeric key: `Some(result)` when the element semantics decide, `None`
/// when OrdinarySet must run (a receiver other than O and a valid index).
pub(crate) fn set_element<'gc>(
    agent: &mut Agent,
    o: Object,
    ta: TypedArray,
    index: f64,
    value: Value,
    receiver: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<bool>> {
    // i. If SameValue(O, Receiver) is true, then
    if receiver == Value::Object(o) {
        // 1. Perform ? TypedArraySetElement(O, numericIndex, V).
        typed_array_set_element(agent, o, index, value, gc)?;
        // 2. Return true.
        return Ok(Some(true));
    }
    // ii. If IsValidIntegerIndex(O, numericIndex) is false, return true.
    if !has_element(agent, ta, index) {
        return Ok(Some(true));
    }
    // 2. Return ? OrdinarySet(O, P, V, Receiver).
    Ok(None)
}

/// ### [10.4.5.7 [[OwnPropertyKeys]] ( )](https://tc39.es/ecma262/#sec-typedarray-ownpropertykeys)
pub(crate) fn own_property_keys<'gc>(
    agent: &mut Agent,
    o: Object,
    ta: TypedArray,
    gc: NoGcScope<'gc, '_>,
) -> Vec<PropertyKey<'gc>> {
    // 1. Let taRecord be MakeTypedArrayWithBufferWitnessRecord(O, seq-cst).
    let record = agent.typed_array_record(ta);
    // 2. Let keys be a new empty List.
    let mut keys: Vec<PropertyKey<'gc>> = Vec::new();
    // 3. If IsTypedArrayOutOfBounds(taRecord) is false, then
    if let Some(length) = typed_array_length(agent, &record) {
        // a. Let length be TypedArrayLength(taRecord).
        // b. For each integer i such that 0 ≤ i < length, in ascending order, do
        //    i. Append ! ToString(𝔽(i)) to keys.
        keys.extend((0..length.min(u32::MAX as usize) as u32).map(PropertyKey::Index));
    }
    // 4. For each own property key P of O such that P is a String and P is not an integer
    //    index, in ascending chronological order of property creation, append P to keys.
    // 5. For each own property key P of O such that P is a Symbol, in ascending chronological
    //    order of property creation, append P to keys.
    o.append_named_keys(agent, &mut keys, gc);
    // 6. Return keys.
    keys
}
