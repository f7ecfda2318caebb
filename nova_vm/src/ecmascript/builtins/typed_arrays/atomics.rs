//! ### [25.4 The Atomics Object](https://tc39.es/ecma262/#sec-atomics-object)
//!
//! On a SharedArrayBuffer every operation is one sequentially consistent
//! atomic operation on the shared block (so it is atomic across agents on
//! other threads); on an ArrayBuffer, which no other agent can see, it is a
//! plain read-modify-write. `Atomics.wait`, `waitAsync` and `notify` are in
//! `atomics_wait`.

use std::sync::atomic::Ordering;

use super::atomics_wait::{notify, wait, wait_async};
use super::element_types::{Numeric, numeric_to_raw_bytes, numeric_to_value, raw_bytes_to_numeric};
use super::typed_array::{typed_array_length, typed_array_of, validate_typed_array};
use super::{DataBlock, ElementType, TypedArrayRecord};
use crate::ecmascript::abstract_operations::{to_big_int64, to_integer_or_infinity};
use crate::ecmascript::builtins::function_objects::RegularFn;
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::WellKnownSymbol;
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable, Scoped};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let atomics = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    agent.set_intrinsic(Intrinsic::Atomics, atomics);
    let methods: [(&str, u32, RegularFn); 14] = [
        ("add", 3, add),
        ("and", 3, and),
        ("compareExchange", 4, compare_exchange),
        ("exchange", 3, exchange),
        ("isLockFree", 1, is_lock_free),
        ("load", 2, load),
        ("or", 3, or),
        ("store", 3, store),
        ("sub", 3, sub),
        ("wait", 4, wait),
        ("pause", 0, pause),
        ("notify", 3, notify),
        ("xor", 3, xor),
        ("waitAsync", 4, wait_async),
    ];
    for (name, length, behaviour) in methods {
        agent.define_builtin_method(atomics, BuiltinName::Str(name), length, behaviour, gc);
    }
    let tag = agent.create_string("Atomics", gc);
    agent.define_builtin_property(
        atomics,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        tag.into_value(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
}

/// ### [25.4.3.1 ValidateIntegerTypedArray ( typedArray, waitable )](https://tc39.es/ecma262/#sec-validateintegertypedarray)
pub(super) fn validate_integer_typed_array<'gc>(
    agent: &mut Agent,
    typed_array: Value,
    waitable: bool,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, (TypedArrayRecord, usize)> {
    // 1. Let taRecord be ? ValidateTypedArray(typedArray, unordered).
    let (record, length) = validate_typed_array(agent, typed_array, gc)?;
    let ty = record.element_type;
    // 3. If waitable is true, then
    //    a. If typedArray.[[TypedArrayName]] is neither "Int32Array" nor "BigInt64Array", throw a
    //       TypeError exception.
    // 4. Else,
    //    a. Let type be TypedArrayElementType(typedArray).
    //    b. If IsUnclampedIntegerElementType(type) is false and IsBigIntElementType(type) is
    //       false, throw a TypeError exception.
    let valid = if waitable {
        matches!(ty, ElementType::Int32 | ElementType::BigInt64)
    } else {
        !matches!(
            ty,
            ElementType::Uint8Clamped
                | ElementType::Float16
                | ElementType::Float32
                | ElementType::Float64
        )
    };
    if !valid {
        return Err(agent.throw_type_error(
            &format!("Atomics operations are not allowed on {}", ty.name()),
            gc,
        ));
    }
    // 5. Return taRecord.
    Ok((record, length))
}

/// ### [25.4.3.2 ValidateAtomicAccess ( taRecord, requestIndex )](https://tc39.es/ecma262/#sec-validateatomicaccess)
///
/// Returns the element index (the byte index is `byte_offset + index × size`).
pub(super) fn validate_atomic_access<'gc>(
    agent: &mut Agent,
    length: usize,
    request_index: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, usize> {
    // 1. Let length be TypedArrayLength(taRecord).
    // 2. Let accessIndex be ? ToIndex(requestIndex).
    let access_index =
        crate::ecmascript::abstract_operations::to_index(agent, request_index, gc.reborrow())?;
    // 4. If accessIndex ≥ length, throw a RangeError exception.
    if access_index >= length as u64 {
        return Err(agent.throw_range_error("Atomics access index out of range", gc.into_nogc()));
    }
    // 5-8. Return (accessIndex × elementSize) + offset.
    Ok(access_index as usize)
}

/// ### [25.4.3.3 ValidateAtomicAccessOnIntegerTypedArray ( typedArray, requestIndex [ , waitable ] )](https://tc39.es/ecma262/#sec-validateatomicaccessonintegertypedarray)
///
/// The TypedArray (rooted) and the element index.
fn validate_access_on_integer_typed_array<'s>(
    agent: &mut Agent,
    typed_array: Value,
    request_index: Value,
    waitable: bool,
    mut gc: GcScope<'_, 's>,
) -> JsResult<'static, (Scoped<'s, Object<'static>>, ElementType, usize)> {
    // 2. Let taRecord be ? ValidateIntegerTypedArray(typedArray, waitable).
    let (record, length) = validate_integer_typed_array(agent, typed_array, waitable, gc.nogc())?;
    let o = typed_array
        .as_object()
        .expect("validated")
        .unbind()
        .scope(agent, gc.nogc());
    // 3. Return ? ValidateAtomicAccess(taRecord, requestIndex).
    let index = validate_atomic_access(agent, length, request_index, gc.reborrow())?;
    Ok((o, record.element_type, index))
}

/// ### [25.4.3.4 RevalidateAtomicAccess ( typedArray, byteIndexInBuffer )](https://tc39.es/ecma262/#sec-revalidateatomicaccess)
pub(super) fn revalidate_atomic_access<'gc>(
    agent: &mut Agent,
    o: Object,
    index: usize,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, TypedArrayRecord> {
    let record = agent.typed_array_record(typed_array_of(agent, o).expect("TypedArray"));
    // 1. Let taRecord be MakeTypedArrayWithBufferWitnessRecord(typedArray, unordered).
    // 2. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
    if typed_array_length(agent, &record).is_none() {
        return Err(agent.throw_type_error("TypedArray is detached or out of bounds", gc));
    }
    // 4. If byteIndexInBuffer ≥ taRecord.[[CachedBufferByteLength]], throw a RangeError exception.
    let byte_index = record.byte_offset + index * record.element_type.size();
    if byte_index >= agent.buffer_record(record.buffer).data.len() {
        return Err(agent.throw_range_error("Atomics access index out of range", gc));
    }
    // 5. Return unused.
    Ok(record)
}

/// The value operand of the integer operations: ToBigInt for bigint
/// content, 𝔽(? ToIntegerOrInfinity(v)) otherwise.
fn to_integer_operand<'gc>(
    agent: &mut Agent,
    ty: ElementType,
    value: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Numeric> {
    if ty.is_bigint() {
        Ok(Numeric::BigInt(to_big_int64(agent, value, gc)? as u64))
    } else {
        // (+0 for -0: 𝔽 of a mathematical value.)
        Ok(Numeric::Number(
            to_integer_or_infinity(agent, value, gc)? + 0.0,
        ))
    }
}

/// The element's bytes as an unsigned integer (little-endian, zero-extended).
pub(super) fn element_bits(ty: ElementType, value: Numeric) -> u64 {
    let mut raw = [0u8; 8];
    numeric_to_raw_bytes(ty, value, &mut raw, true);
    u64::from_le_bytes(raw)
}

/// ### [25.1.3.16 GetValueFromBuffer](https://tc39.es/ecma262/#sec-getvaluefrombuffer) with order seq-cst
///
/// Element `index` of the view (which must be valid).
pub(super) fn get_value_seq_cst(agent: &Agent, record: &TypedArrayRecord, index: usize) -> Numeric {
    let ty = record.element_type;
    let size = ty.size();
    let offset = record.byte_offset + index * size;
    match &agent.buffer_record(record.buffer).data {
        DataBlock::Shared(block) => {
            let raw = block.load(offset, size, Ordering::SeqCst);
            raw_bytes_to_numeric(ty, &raw[..size], cfg!(target_endian = "little"))
        }
        DataBlock::Local(_) => super::typed_array::read_element(agent, record, index),
    }
}

/// ### [25.1.3.18 SetValueInBuffer](https://tc39.es/ecma262/#sec-setvalueinbuffer) with order seq-cst
fn set_value_seq_cst(agent: &mut Agent, record: &TypedArrayRecord, index: usize, value: Numeric) {
    let ty = record.element_type;
    let size = ty.size();
    let offset = record.byte_offset + index * size;
    if let DataBlock::Shared(block) = &agent.buffer_record(record.buffer).data {
        let mut raw = [0u8; 8];
        numeric_to_raw_bytes(ty, value, &mut raw[..size], cfg!(target_endian = "little"));
        block.store(offset, &raw[..size], Ordering::SeqCst);
    } else {
        super::typed_array::write_element(agent, record, index, value);
    }
}

/// ### [25.1.3.19 GetModifySetValueInBuffer ( arrayBuffer, byteIndex, type, value, op )](https://tc39.es/ecma262/#sec-getmodifysetvalueinbuffer)
///
/// Replaces element `index` (which must be valid) by `modify(old)` and
/// returns `old`: one atomic read-modify-write of a shared block.
fn get_modify_set_value_in_buffer(
    agent: &mut Agent,
    record: &TypedArrayRecord,
    index: usize,
    modify: impl Fn(Numeric) -> Numeric,
) -> Numeric {
    let ty = record.element_type;
    let size = ty.size();
    let offset = record.byte_offset + index * size;
    let little_endian = cfg!(target_endian = "little");
    // 1-5. (The buffer is not detached; the element type and the value agree.)
    // 6. Let elementSize be TypedArrayElementSize(type).
    // 7. Let isLittleEndian be the value of the [[LittleEndian]] field of the surrounding
    //    agent's Agent Record.
    // 8. Let rawBytes be NumericToRawBytes(type, value, isLittleEndian).
    // 9-10. If IsSharedArrayBuffer(arrayBuffer) is true, then let rawBytesRead be the bytes of
    //       an atomic ReadModifyWriteSharedMemory event applying op; else read, apply op and
    //       store the result.
    match &mut agent.buffer_record_mut(record.buffer).data {
        DataBlock::Shared(block) => {
            let raw = block.update(offset, size, |old| {
                let new = modify(raw_bytes_to_numeric(ty, &old[..size], little_endian));
                let mut raw = [0u8; 8];
                numeric_to_raw_bytes(ty, new, &mut raw[..size], little_endian);
                raw
            });
            // 11. Return RawBytesToNumeric(type, rawBytesRead, isLittleEndian).
            raw_bytes_to_numeric(ty, &raw[..size], little_endian)
        }
        DataBlock::Local(data) => {
            let bytes = &mut data[offset..offset + size];
            let old = raw_bytes_to_numeric(ty, bytes, little_endian);
            numeric_to_raw_bytes(ty, modify(old), bytes, little_endian);
            old
        }
    }
}

/// A read-modify-write operation on the bits of an element.
#[derive(Clone, Copy)]
enum Op {
    Add,
    And,
    Exchange,
    Or,
    Sub,
    Xor,
}

/// ### [25.4.3.17 AtomicReadModifyWrite ( typedArray, index, value, op )](https://tc39.es/ecma262/#sec-atomicreadmodifywrite)
fn atomic_read_modify_write<'gc>(
    agent: &mut Agent,
    args: ArgumentsList,
    op: Op,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let typed_array = args.get(0).bind(gc.nogc());
    let index = args.get(1).bind(gc.nogc());
    let value = args.get(2).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray, index).
    let (o, ty, index) = validate_access_on_integer_typed_array(
        agent,
        typed_array.unbind(),
        index.unbind(),
        false,
        gc.reborrow(),
    )?;
    // 2. If typedArray.[[ContentType]] is bigint, let v be ? ToBigInt(value).
    // 3. Otherwise, let v be 𝔽(? ToIntegerOrInfinity(value)).
    let v = to_integer_operand(agent, ty, value.get(agent), gc.reborrow())?;
    let gc = gc.into_nogc();
    // 4. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
    let record = revalidate_atomic_access(agent, o.get(agent), index, gc)?;
    // 5-7. Return GetModifySetValueInBuffer(buffer, byteIndexInBuffer, elementType, v, op).
    let b = element_bits(ty, v);
    let old = get_modify_set_value_in_buffer(agent, &record, index, |old| {
        let a = element_bits(ty, old);
        let bits = match op {
            Op::Add => a.wrapping_add(b),
            Op::And => a & b,
            Op::Exchange => b,
            Op::Or => a | b,
            Op::Sub => a.wrapping_sub(b),
            Op::Xor => a ^ b,
        };
        raw_bytes_to_numeric(ty, &bits.to_le_bytes(), true)
    });
    Ok(numeric_to_value(agent, ty, old, gc))
}

macro_rules! rmw_functions {
    ($( $(#[$doc:meta])* $name:ident => $op:ident ),* $(,)?) => {
        $(
            $(#[$doc])*
            fn $name<'gc>(
                agent: &mut Agent,
                _this: Value,
                args: ArgumentsList,
                gc: GcScope<'gc, '_>,
            ) -> JsResult<'gc, Value<'gc>> {
                // 1. Return ? AtomicReadModifyWrite(typedArray, index, value, op).
                atomic_read_modify_write(agent, args, Op::$op, gc)
            }
        )*
    };
}

rmw_functions! {
    /// ### [25.4.4 Atomics.add ( typedArray, index, value )](https://tc39.es/ecma262/#sec-atomics.add)
    add => Add,
    /// ### [25.4.5 Atomics.and ( typedArray, index, value )](https://tc39.es/ecma262/#sec-atomics.and)
    and => And,
    /// ### [25.4.7 Atomics.exchange ( typedArray, index, value )](https://tc39.es/ecma262/#sec-atomics.exchange)
    exchange => Exchange,
    /// ### [25.4.11 Atomics.or ( typedArray, index, value )](https://tc39.es/ecma262/#sec-atomics.or)
    or => Or,
    /// ### [25.4.13 Atomics.sub ( typedArray, index, value )](https://tc39.es/ecma262/#sec-atomics.sub)
    sub => Sub,
    /// ### [25.4.16 Atomics.xor ( typedArray, index, value )](https://tc39.es/ecma262/#sec-atomics.xor)
    xor => Xor,
}

/// ### [25.4.6 Atomics.compareExchange ( typedArray, index, expectedValue, replacementValue )](https://tc39.es/ecma262/#sec-atomics.compareexchange)
fn compare_exchange<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let typed_array = args.get(0).bind(gc.nogc());
    let index = args.get(1).bind(gc.nogc());
    let expected = args.get(2).bind(gc.nogc()).scope(agent, gc.nogc());
    let replacement = args.get(3).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray, index).
    let (o, ty, index) = validate_access_on_integer_typed_array(
        agent,
        typed_array.unbind(),
        index.unbind(),
        false,
        gc.reborrow(),
    )?;
    // 4. If typedArray.[[ContentType]] is bigint, then let expected be ? ToBigInt(expectedValue)
    //    and replacement be ? ToBigInt(replacementValue).
    // 5. Else, let expected be 𝔽(? ToIntegerOrInfinity(expectedValue)) and replacement be
    //    𝔽(? ToIntegerOrInfinity(replacementValue)).
    let expected = to_integer_operand(agent, ty, expected.get(agent), gc.reborrow())?;
    let replacement = to_integer_operand(agent, ty, replacement.get(agent), gc.reborrow())?;
    let gc = gc.into_nogc();
    // 6. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
    let record = revalidate_atomic_access(agent, o.get(agent), index, gc)?;
    // 7-13. Compare the raw bytes; if they are equal, store the replacement's bytes
    //       (AtomicCompareExchangeInSharedBlock on a shared block).
    let expected = element_bits(ty, expected);
    let old = get_modify_set_value_in_buffer(agent, &record, index, |old| {
        if element_bits(ty, old) == expected {
            replacement
        } else {
            old
        }
    });
    // 14. Return RawBytesToNumeric(elementType, rawBytesRead, isLittleEndian).
    Ok(numeric_to_value(agent, ty, old, gc))
}

/// ### [25.4.9 Atomics.isLockFree ( size )](https://tc39.es/ecma262/#sec-atomics.islockfree)
fn is_lock_free<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let n be ? ToIntegerOrInfinity(size).
    let n = to_integer_or_infinity(agent, args.get(0), gc)?;
    // 2-6. 1, 2 and 8 byte accesses are lock-free on this host (AR.[[IsLockFree1]],
    //      [[IsLockFree2]], [[IsLockFree8]]); 4 always is; other sizes are not.
    Ok(Value::Boolean(
        matches!(n as i64, 1 | 2 | 4 | 8) && n.fract() == 0.0,
    ))
}

/// ### [25.4.10 Atomics.load ( typedArray, index )](https://tc39.es/ecma262/#sec-atomics.load)
fn load<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray, index).
    let (o, ty, index) = validate_access_on_integer_typed_array(
        agent,
        args.get(0),
        args.get(1),
        false,
        gc.reborrow(),
    )?;
    let gc = gc.into_nogc();
    // 2. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
    let record = revalidate_atomic_access(agent, o.get(agent), index, gc)?;
    // 3-5. Return GetValueFromBuffer(buffer, byteIndexInBuffer, elementType, true, seq-cst).
    let value = get_value_seq_cst(agent, &record, index);
    Ok(numeric_to_value(agent, ty, value, gc))
}

/// ### [25.4.14 Atomics.store ( typedArray, index, value )](https://tc39.es/ecma262/#sec-atomics.store)
fn store<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let value = args.get(2).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray, index).
    let (o, ty, index) = validate_access_on_integer_typed_array(
        agent,
        args.get(0),
        args.get(1),
        false,
        gc.reborrow(),
    )?;
    // 2. If typedArray.[[ContentType]] is bigint, let v be ? ToBigInt(value).
    // 3. Otherwise, let v be 𝔽(? ToIntegerOrInfinity(value)).
    let v = if ty.is_bigint() {
        let n = crate::ecmascript::abstract_operations::to_bigint(
            agent,
            value.get(agent),
            gc.reborrow(),
        )?
        .unbind();
        value.set(agent, n);
        Numeric::BigInt(super::element_types::bigint_to_u64(&agent.bigint_value(n)))
    } else {
        let n = to_integer_or_infinity(agent, value.get(agent), gc.reborrow())? + 0.0;
        let n_value = agent.number(n, gc.nogc()).unbind();
        value.set(agent, n_value);
        Numeric::Number(n)
    };
    let gc = gc.into_nogc();
    // 4. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
    let record = revalidate_atomic_access(agent, o.get(agent), index, gc)?;
    // 5-7. Perform SetValueInBuffer(buffer, byteIndexInBuffer, elementType, v, true, seq-cst).
    set_value_seq_cst(agent, &record, index, v);
    // 8. Return v.
    Ok(value.get(agent).bind(gc))
}

/// ### [25.4.12 Atomics.pause ( [ N ] )](https://tc39.es/ecma262/#sec-atomics.pause)
fn pause<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let n = args.get(0);
    // 1. If N is neither undefined nor an integral Number, throw a TypeError exception.
    if !n.is_undefined() && !crate::ecmascript::abstract_operations::is_integral_number(agent, n) {
        return Err(agent.throw_type_error(
            "Atomics.pause: the iteration count must be an integral Number",
            gc.into_nogc(),
        ));
    }
    // 2. If the execution environment of the ECMAScript implementation supports signaling to
    //    the operating system or CPU that the current executing code is in a spin-wait loop,
    //    send that signal.
    std::hint::spin_loop();
    // 3. Return undefined.
    Ok(Value::Undefined)
}
