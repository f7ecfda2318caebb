//! ### [23.2 TypedArray Objects](https://tc39.es/ecma262/#sec-typedarray-objects)
//!
//! The TypedArray abstract operations of [10.4.5](https://tc39.es/ecma262/#sec-typedarray-exotic-objects)
//! (length, bounds, element get/set) live here; `exotic` has the internal
//! methods, `constructors` %TypedArray% and the concrete constructors,
//! `prototype` and `prototype_iteration` the prototype methods.

mod constructors;
pub(crate) mod exotic;
mod prototype;
mod prototype_iteration;

pub(crate) use constructors::typed_array_create_same_type;

use super::element_types::{Numeric, numeric_to_raw_bytes, numeric_to_value, raw_bytes_to_numeric};
use super::{DataBlock, ElementType, TypedArray, TypedArrayRecord};
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    constructors::initialize(agent, gc);
}

/// The TypedArray slots of `o`, if it is a TypedArray.
#[inline]
pub(crate) fn typed_array_of(agent: &Agent, o: Object) -> Option<TypedArray<'static>> {
    match o.kind(agent) {
        ObjectKind::TypedArray(ta) => Some(ta),
        _ => None,
    }
}

/// ### [10.4.5.12 TypedArrayLength ( taRecord )](https://tc39.es/ecma262/#sec-typedarraylength)
/// combined with [10.4.5.13 IsTypedArrayOutOfBounds ( taRecord )](https://tc39.es/ecma262/#sec-istypedarrayoutofbounds):
/// the length of the view over the buffer as it is now, or `None` if the view
/// is out of bounds (or its buffer is detached).
#[inline]
pub(crate) fn typed_array_length(agent: &Agent, record: &TypedArrayRecord) -> Option<usize> {
    let buffer = agent.buffer_record(record.buffer);
    // IsTypedArrayOutOfBounds 3. If IsDetachedBuffer(O.[[ViewedArrayBuffer]]) is true, return true.
    if buffer.detached {
        return None;
    }
    // 4. Let bufferByteLength be taRecord.[[CachedBufferByteLength]].
    let buffer_byte_length = buffer.data.len();
    // 5. Let byteOffsetStart be O.[[ByteOffset]].
    let start = record.byte_offset;
    // 6. If O.[[ArrayLength]] is auto, then let byteOffsetEnd be bufferByteLength.
    // 7. Else, let byteOffsetEnd be byteOffsetStart + O.[[ArrayLength]] × elementSize.
    let size = record.element_type.size();
    let end = match record.array_length {
        None => buffer_byte_length,
        Some(length) => start + length * size,
    };
    // 8. If byteOffsetStart > bufferByteLength or byteOffsetEnd > bufferByteLength, return true.
    if start > buffer_byte_length || end > buffer_byte_length {
        return None;
    }
    // TypedArrayLength 3. If O.[[ArrayLength]] is not auto, return O.[[ArrayLength]].
    // 6-7. Return floor((byteLength - byteOffset) / elementSize).
    Some(match record.array_length {
        Some(length) => length,
        None => (buffer_byte_length - start) / size,
    })
}

/// ### [10.4.5.11 TypedArrayByteLength ( taRecord )](https://tc39.es/ecma262/#sec-typedarraybytelength)
pub(crate) fn typed_array_byte_length(agent: &Agent, record: &TypedArrayRecord) -> usize {
    // 1. If IsTypedArrayOutOfBounds(taRecord) is true, return 0.
    // 2. Let length be TypedArrayLength(taRecord).
    // 3. If length = 0, return 0.
    // 5-7. Return length × elementSize.
    typed_array_length(agent, record).map_or(0, |length| length * record.element_type.size())
}

/// ### [10.4.5.14 IsTypedArrayFixedLength ( O )](https://tc39.es/ecma262/#sec-istypedarrayfixedlength)
pub(crate) fn is_typed_array_fixed_length(agent: &Agent, record: &TypedArrayRecord) -> bool {
    // 1. If O.[[ArrayLength]] is auto, return false.
    if record.array_length.is_none() {
        return false;
    }
    // 2. Let buffer be O.[[ViewedArrayBuffer]].
    // 3. If IsFixedLengthArrayBuffer(buffer) is false and IsSharedArrayBuffer(buffer) is false,
    //    return false.
    // 4. Return true.
    let buffer = agent.buffer_record(record.buffer);
    buffer.max_byte_length.is_none() || buffer.shared
}

/// ### [10.4.5.15 IsValidIntegerIndex ( O, index )](https://tc39.es/ecma262/#sec-isvalidintegerindex)
///
/// The element index, if `index` names an element of the view as it is now.
#[inline]
pub(crate) fn is_valid_integer_index(
    agent: &Agent,
    record: &TypedArrayRecord,
    index: f64,
) -> Option<usize> {
    // 1. If IsDetachedBuffer(O.[[ViewedArrayBuffer]]) is true, return false.
    // 2. If IsIntegralNumber(index) is false, return false.
    // 3. If index is -0𝔽, return false.
    if index.fract() != 0.0 || (index == 0.0 && index.is_sign_negative()) || index < 0.0 {
        return None;
    }
    // 4-5. Let taRecord be MakeTypedArrayWithBufferWitnessRecord(O, unordered);
    //      if IsTypedArrayOutOfBounds(taRecord) is true, return false.
    let length = typed_array_length(agent, record)?;
    // 6. Let length be TypedArrayLength(taRecord).
    // 7. If ℝ(index) < 0 or ℝ(index) ≥ length, return false.
    if index >= length as f64 {
        return None;
    }
    // 8. Return true.
    Some(index as usize)
}

/// Reads element `index` (which must be valid) as a numeric.
#[inline]
pub(crate) fn read_element(agent: &Agent, record: &TypedArrayRecord, index: usize) -> Numeric {
    let size = record.element_type.size();
    let offset = record.byte_offset + index * size;
    let little_endian = cfg!(target_endian = "little");
    match &agent.buffer_record(record.buffer).data {
        DataBlock::Local(data) => raw_bytes_to_numeric(
            record.element_type,
            &data[offset..offset + size],
            little_endian,
        ),
        DataBlock::Shared(block) => {
            let raw = block.load(offset, size, std::sync::atomic::Ordering::Relaxed);
            raw_bytes_to_numeric(record.element_type, &raw[..size], little_endian)
        }
    }
}

/// Writes element `index` (which must be valid).
#[inline]
pub(crate) fn write_element(
    agent: &mut Agent,
    record: &TypedArrayRecord,
    index: usize,
    value: Numeric,
) {
    let size = record.element_type.size();
    let offset = record.byte_offset + index * size;
    let little_endian = cfg!(target_endian = "little");
    match &mut agent.buffer_record_mut(record.buffer).data {
        DataBlock::Local(data) => numeric_to_raw_bytes(
            record.element_type,
            value,
            &mut data[offset..offset + size],
            little_endian,
        ),
        DataBlock::Shared(block) => {
            let mut raw = [0u8; 8];
            numeric_to_raw_bytes(record.element_type, value, &mut raw[..size], little_endian);
            block.store(offset, &raw[..size], std::sync::atomic::Ordering::Relaxed);
        }
    }
}

/// ### [10.4.5.16 TypedArrayGetElement ( O, index )](https://tc39.es/ecma262/#sec-typedarraygetelement)
#[inline]
pub(crate) fn typed_array_get_element<'a>(
    agent: &mut Agent,
    ta: TypedArray,
    index: f64,
    gc: NoGcScope<'a, '_>,
) -> Option<Value<'a>> {
    let record = agent.typed_array_record(ta);
    // 1. If IsValidIntegerIndex(O, index) is false, return undefined.
    let index = is_valid_integer_index(agent, &record, index)?;
    // 2-6. Let byteIndexInBuffer be (ℝ(index) × elementSize) + O.[[ByteOffset]]; return
    //      GetValueFromBuffer(O.[[ViewedArrayBuffer]], byteIndexInBuffer, elementType, true,
    //      unordered).
    let value = read_element(agent, &record, index);
    Some(numeric_to_value(agent, record.element_type, value, gc))
}

/// ### [10.4.5.17 TypedArraySetElement ( O, index, value )](https://tc39.es/ecma262/#sec-typedarraysetelement)
pub(crate) fn typed_array_set_element<'gc>(
    agent: &mut Agent,
    o: Object,
    index: f64,
    value: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let o = o.bind(gc.nogc());
    let Some(ta) = typed_array_of(agent, o) else {
        return Ok(());
    };
    let element_type = agent.typed_array_record(ta).element_type;
    // 1. If O.[[ContentType]] is bigint, let numValue be ? ToBigInt(value).
    // 2. Otherwise, let numValue be ? ToNumber(value).
    if value.is_number() && !element_type.is_bigint() {
        let numeric = Numeric::Number(agent.number_value(value));
        store_if_valid(agent, ta, index, numeric);
        return Ok(());
    }
    let scoped = o.scope(agent, gc.nogc());
    let numeric = element_type.to_numeric(agent, value, gc)?;
    // (The conversion may have collected: the object's kind holds the moved handle.)
    if let Some(ta) = typed_array_of(agent, scoped.get(agent)) {
        store_if_valid(agent, ta, index, numeric);
    }
    Ok(())
}

/// Steps 3-4 of TypedArraySetElement: the store, if the index is still valid.
fn store_if_valid(agent: &mut Agent, ta: TypedArray, index: f64, value: Numeric) {
    let record = agent.typed_array_record(ta);
    // 3. If IsValidIntegerIndex(O, index) is true, then
    if let Some(index) = is_valid_integer_index(agent, &record, index) {
        // a-e. SetValueInBuffer(O.[[ViewedArrayBuffer]], byteIndexInBuffer, elementType, numValue,
        //      true, unordered).
        write_element(agent, &record, index, value);
    }
    // 4. Return unused.
}

/// ### [23.2.4.4 ValidateTypedArray ( O, order )](https://tc39.es/ecma262/#sec-validatetypedarray)
///
/// The TypedArray slots and the current length of `value`; a TypeError if it
/// is not a TypedArray or is out of bounds.
pub(crate) fn validate_typed_array<'gc>(
    agent: &mut Agent,
    value: Value,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, (TypedArrayRecord, usize)> {
    // 1. Perform ? RequireInternalSlot(O, [[TypedArrayName]]).
    let Some(ta) = value.as_object().and_then(|o| typed_array_of(agent, o)) else {
        return Err(agent.throw_type_error("Value is not a TypedArray", gc));
    };
    // 2. Assert: O has a [[ViewedArrayBuffer]] internal slot.
    // 3. Let taRecord be MakeTypedArrayWithBufferWitnessRecord(O, order).
    let record = agent.typed_array_record(ta);
    // 4. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
    let Some(length) = typed_array_length(agent, &record) else {
        return Err(agent.throw_type_error("TypedArray is detached or out of bounds", gc));
    };
    // 5. Return taRecord.
    Ok((record, length))
}

/// The element type of a TypedArray object.
pub(crate) fn element_type_of(agent: &Agent, o: Object) -> Option<ElementType> {
    typed_array_of(agent, o).map(|ta| agent.typed_array_record(ta).element_type)
}
