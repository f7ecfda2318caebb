//! ### [25.3 DataView Objects](https://tc39.es/ecma262/#sec-dataview-objects)

use super::array_buffer::{is_detached_buffer, is_fixed_length_array_buffer};
use super::element_types::{numeric_to_raw_bytes, numeric_to_value, raw_bytes_to_numeric};
use super::{DataView, DataViewRecord, ElementType};
use crate::ecmascript::abstract_operations::{
    get_prototype_from_constructor, to_boolean, to_index,
};
use crate::ecmascript::builtins::function_objects::RegularFn;
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};
use crate::heap::Arena;

macro_rules! view_methods {
    ($( $get:ident, $set:ident => $ty:ident ),* $(,)?) => {
        $(
            fn $get<'gc>(
                agent: &mut Agent,
                this: Value,
                args: ArgumentsList,
                gc: GcScope<'gc, '_>,
            ) -> JsResult<'gc, Value<'gc>> {
                // 1. Let v be the this value.
                // 2. Return ? GetViewValue(v, byteOffset, littleEndian, type).
                get_view_value(agent, this, args.get(0), args.get(1), ElementType::$ty, gc)
            }

            fn $set<'gc>(
                agent: &mut Agent,
                this: Value,
                args: ArgumentsList,
                gc: GcScope<'gc, '_>,
            ) -> JsResult<'gc, Value<'gc>> {
                // 1. Let v be the this value.
                // 2. Return ? SetViewValue(v, byteOffset, littleEndian, type, value).
                set_view_value(
                    agent,
                    this,
                    args.get(0),
                    args.get(2),
                    ElementType::$ty,
                    args.get(1),
                    gc,
                )
            }
        )*

        const VIEW_METHODS: &[(&str, &str, RegularFn, RegularFn)] = &[
            $( (concat!("get", stringify!($ty)), concat!("set", stringify!($ty)), $get, $set), )*
        ];
    };
}

// 25.3.4.5-25.3.4.24 DataView.prototype.getBigInt64 ... setUint8
view_methods! {
    get_big_int64, set_big_int64 => BigInt64,
    get_big_uint64, set_big_uint64 => BigUint64,
    get_float16, set_float16 => Float16,
    get_float32, set_float32 => Float32,
    get_float64, set_float64 => Float64,
    get_int8, set_int8 => Int8,
    get_int16, set_int16 => Int16,
    get_int32, set_int32 => Int32,
    get_uint8, set_uint8 => Uint8,
    get_uint16, set_uint16 => Uint16,
    get_uint32, set_uint32 => Uint32,
}

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    let constructor = agent.create_builtin_constructor(
        "DataView",
        1,
        data_view_constructor,
        Some(prototype),
        None,
        gc,
    );
    agent.set_intrinsic(Intrinsic::DataView, constructor);
    agent.set_intrinsic(Intrinsic::DataViewPrototype, prototype);
    let accessors: [(&str, RegularFn); 3] = [
        ("buffer", get_buffer),
        ("byteLength", get_byte_length),
        ("byteOffset", get_byte_offset),
    ];
    for (name, getter) in accessors {
        agent.define_builtin_accessor(prototype, BuiltinName::Str(name), Some(getter), None, gc);
    }
    for &(get_name, set_name, get, set) in VIEW_METHODS {
        agent.define_builtin_method(prototype, BuiltinName::Str(get_name), 1, get, gc);
        agent.define_builtin_method(prototype, BuiltinName::Str(set_name), 2, set, gc);
    }
    let tag = agent.create_string("DataView", gc);
    agent.define_builtin_property(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        tag.into_value(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
}

/// ### [25.3.1.3 GetViewByteLength ( viewRecord )](https://tc39.es/ecma262/#sec-getviewbytelength)
/// combined with [25.3.1.4 IsViewOutOfBounds ( viewRecord )](https://tc39.es/ecma262/#sec-isviewoutofbounds):
/// the byte length of the view, or `None` if it is out of bounds.
fn view_byte_length(agent: &Agent, record: &DataViewRecord) -> Option<usize> {
    let buffer = agent.buffer_record(record.buffer);
    // IsViewOutOfBounds 3. If IsDetachedBuffer(buffer) is true, return true.
    if buffer.detached {
        return None;
    }
    // 4. Let bufferByteLength be viewRecord.[[CachedBufferByteLength]].
    let buffer_byte_length = buffer.data.len();
    // 5. Let byteOffsetStart be view.[[ByteOffset]].
    let start = record.byte_offset;
    // 6-7. Let byteOffsetEnd be bufferByteLength (auto) or byteOffsetStart + view.[[ByteLength]].
    let end = match record.byte_length {
        None => buffer_byte_length,
        Some(length) => start + length,
    };
    // 8. If byteOffsetStart > bufferByteLength or byteOffsetEnd > bufferByteLength, return true.
    if start > buffer_byte_length || end > buffer_byte_length {
        return None;
    }
    // GetViewByteLength 2-6.
    Some(end - start)
}

/// RequireInternalSlot(view, [[DataView]]).
fn require_data_view<'gc>(
    agent: &mut Agent,
    value: Value,
    method: impl FnOnce() -> String,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, DataView<'static>> {
    if let Value::Object(o) = value
        && let ObjectKind::DataView(view) = o.kind(agent)
    {
        return Ok(view);
    }
    Err(agent.throw_type_error(
        &format!(
            "DataView.prototype.{} called on incompatible receiver",
            method()
        ),
        gc,
    ))
}

/// ### [25.3.2.1 DataView ( buffer [ , byteOffset [ , byteLength ] ] )](https://tc39.es/ecma262/#sec-dataview-buffer-byteoffset-bytelength)
fn data_view_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let buffer = args.get(0).bind(gc.nogc());
    let byte_offset = args.get(1).bind(gc.nogc());
    let byte_length = args.get(2).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = new_target else {
        return Err(agent.throw_type_error("Constructor DataView requires 'new'", gc.into_nogc()));
    };
    let new_target = new_target.bind(gc.nogc()).scope(agent, gc.nogc());
    // 2. Perform ? RequireInternalSlot(buffer, [[ArrayBufferData]]).
    let buffer = match buffer {
        Value::Object(o) if matches!(o.kind(agent), ObjectKind::ArrayBuffer(_)) => o,
        _ => {
            return Err(agent.throw_type_error(
                "First argument to DataView constructor must be an ArrayBuffer",
                gc.into_nogc(),
            ));
        }
    };
    let buffer = buffer.scope(agent, gc.nogc());
    // 3. Let offset be ? ToIndex(byteOffset).
    let offset = to_index(agent, byte_offset.unbind(), gc.reborrow())? as usize;
    // 4. If IsDetachedBuffer(buffer) is true, throw a TypeError exception.
    if is_detached_buffer(agent, buffer.get(agent)) {
        return Err(agent.throw_type_error(
            "Cannot construct a DataView on a detached buffer",
            gc.into_nogc(),
        ));
    }
    // 5. Let bufferByteLength be ArrayBufferByteLength(buffer, seq-cst).
    let buffer_byte_length = agent.buffer_record(buffer.get(agent)).data.len();
    // 6. If offset > bufferByteLength, throw a RangeError exception.
    if offset > buffer_byte_length {
        return Err(agent.throw_range_error(
            "Start offset is outside the bounds of the buffer",
            gc.into_nogc(),
        ));
    }
    // 7. Let bufferIsFixedLength be IsFixedLengthArrayBuffer(buffer).
    let fixed = is_fixed_length_array_buffer(agent, buffer.get(agent));
    // 8. If byteLength is undefined, then
    let byte_length = byte_length.get(agent);
    let view_byte_length = if byte_length.is_undefined() {
        // a. If bufferIsFixedLength is true, then let viewByteLength be bufferByteLength - offset.
        // b. Else, let viewByteLength be auto.
        fixed.then_some(buffer_byte_length - offset)
    } else {
        // 9. Else,
        //    a. Let viewByteLength be ? ToIndex(byteLength).
        let length = to_index(agent, byte_length, gc.reborrow())?;
        //    b. If offset + viewByteLength > bufferByteLength, throw a RangeError exception.
        if offset as u64 + length > buffer_byte_length as u64 {
            return Err(agent.throw_range_error("Invalid DataView length", gc.into_nogc()));
        }
        Some(length as usize)
    };
    // 10. Let O be ? OrdinaryCreateFromConstructor(NewTarget, "%DataView.prototype%", « ... »).
    let prototype = get_prototype_from_constructor(
        agent,
        new_target.get(agent),
        Intrinsic::DataViewPrototype,
        gc.reborrow(),
    )?
    .unbind();
    let gc = gc.into_nogc();
    let buffer = buffer.get(agent).bind(gc);
    // 11. If IsDetachedBuffer(buffer) is true, throw a TypeError exception.
    if is_detached_buffer(agent, buffer) {
        return Err(agent.throw_type_error("Cannot construct a DataView on a detached buffer", gc));
    }
    // 12. Set bufferByteLength to ArrayBufferByteLength(buffer, seq-cst).
    let buffer_byte_length = agent.buffer_record(buffer).data.len();
    // 13. If offset > bufferByteLength, throw a RangeError exception.
    if offset > buffer_byte_length {
        return Err(agent.throw_range_error("Start offset is outside the bounds of the buffer", gc));
    }
    // 14. If byteLength is not undefined, then
    //     a. If offset + viewByteLength > bufferByteLength, throw a RangeError exception.
    if !byte_length.is_undefined()
        && let Some(length) = view_byte_length
        && offset + length > buffer_byte_length
    {
        return Err(agent.throw_range_error("Invalid DataView length", gc));
    }
    // 15-18. Set O.[[ViewedArrayBuffer]] to buffer, [[ByteLength]] to viewByteLength and
    //        [[ByteOffset]] to offset.
    agent.heap.allocated_since_gc += Arena::<DataViewRecord>::RECORD_BYTES;
    let view = DataView::from_index(agent.heap.data_views.push(DataViewRecord {
        buffer: buffer.unbind(),
        byte_offset: offset,
        byte_length: view_byte_length,
    }));
    // 19. Return O.
    Ok(agent
        .create_object(Some(prototype), ObjectKind::DataView(view), gc)
        .into())
}

/// ### [25.3.4.1 get DataView.prototype.buffer](https://tc39.es/ecma262/#sec-get-dataview.prototype.buffer)
fn get_buffer<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1-3. Perform ? RequireInternalSlot(O, [[DataView]]).
    let view = require_data_view(agent, this, || "buffer".into(), gc)?;
    // 4-5. Return O.[[ViewedArrayBuffer]].
    Ok(agent.data_view_record(view).buffer.bind(gc).into())
}

/// ### [25.3.4.2 get DataView.prototype.byteLength](https://tc39.es/ecma262/#sec-get-dataview.prototype.bytelength)
fn get_byte_length<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    let view = require_data_view(agent, this, || "byteLength".into(), gc)?;
    // 4. Let viewRecord be MakeDataViewWithBufferWitnessRecord(O, seq-cst).
    // 5. If IsViewOutOfBounds(viewRecord) is true, throw a TypeError exception.
    let Some(size) = view_byte_length(agent, &agent.data_view_record(view)) else {
        return Err(agent.throw_type_error("DataView is detached or out of bounds", gc));
    };
    // 6. Let size be GetViewByteLength(viewRecord).
    // 7. Return 𝔽(size).
    Ok(agent.number(size as f64, gc))
}

/// ### [25.3.4.3 get DataView.prototype.byteOffset](https://tc39.es/ecma262/#sec-get-dataview.prototype.byteoffset)
fn get_byte_offset<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    let view = require_data_view(agent, this, || "byteOffset".into(), gc)?;
    let record = agent.data_view_record(view);
    // 5. If IsViewOutOfBounds(viewRecord) is true, throw a TypeError exception.
    if view_byte_length(agent, &record).is_none() {
        return Err(agent.throw_type_error("DataView is detached or out of bounds", gc));
    }
    // 6. Let offset be O.[[ByteOffset]].
    // 7. Return 𝔽(offset).
    Ok(agent.number(record.byte_offset as f64, gc))
}

/// ### [25.3.1.5 GetViewValue ( view, requestIndex, isLittleEndian, type )](https://tc39.es/ecma262/#sec-getviewvalue)
fn get_view_value<'gc>(
    agent: &mut Agent,
    view: Value,
    request_index: Value,
    little_endian: Value,
    ty: ElementType,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let little_endian = little_endian.bind(gc.nogc());
    // 1. Perform ? RequireInternalSlot(view, [[DataView]]).
    // 2. Assert: view has a [[ViewedArrayBuffer]] internal slot.
    require_data_view(
        agent,
        view,
        || format!("get{}", method_suffix(ty)),
        gc.nogc(),
    )?;
    let view = view.bind(gc.nogc()).scope(agent, gc.nogc());
    let little_endian = little_endian.scope(agent, gc.nogc());
    // 3. Let getIndex be ? ToIndex(requestIndex).
    let get_index = to_index(agent, request_index, gc.reborrow())?;
    let gc = gc.into_nogc();
    // 4. Set isLittleEndian to ToBoolean(isLittleEndian).
    let little_endian = to_boolean(agent, little_endian.get(agent));
    let Some(Value::Object(o)) = Some(view.get(agent)) else {
        unreachable!("checked DataView");
    };
    let ObjectKind::DataView(dv) = o.kind(agent) else {
        unreachable!("checked DataView");
    };
    let record = agent.data_view_record(dv);
    // 5. Let viewOffset be view.[[ByteOffset]].
    // 6. Let viewRecord be MakeDataViewWithBufferWitnessRecord(view, unordered).
    // 7. If IsViewOutOfBounds(viewRecord) is true, throw a TypeError exception.
    let Some(view_size) = view_byte_length(agent, &record) else {
        return Err(agent.throw_type_error("DataView is detached or out of bounds", gc));
    };
    // 8. Let viewSize be GetViewByteLength(viewRecord).
    // 9. Let elementSize be the Element Size value specified in Table 71 for Element Type type.
    // 10. If getIndex + elementSize > viewSize, throw a RangeError exception.
    if get_index + ty.size() as u64 > view_size as u64 {
        return Err(agent.throw_range_error("Offset is outside the bounds of the DataView", gc));
    }
    // 11. Let bufferIndex be getIndex + viewOffset.
    let index = get_index as usize + record.byte_offset;
    // 12. Return GetValueFromBuffer(view.[[ViewedArrayBuffer]], bufferIndex, type, false,
    //     unordered, isLittleEndian).
    let mut raw = [0u8; 8];
    agent
        .buffer_record(record.buffer)
        .data
        .read(index, &mut raw[..ty.size()]);
    let value = raw_bytes_to_numeric(ty, &raw[..ty.size()], little_endian);
    Ok(numeric_to_value(agent, ty, value, gc))
}

/// ### [25.3.1.6 SetViewValue ( view, requestIndex, isLittleEndian, type, value )](https://tc39.es/ecma262/#sec-setviewvalue)
fn set_view_value<'gc>(
    agent: &mut Agent,
    view: Value,
    request_index: Value,
    little_endian: Value,
    ty: ElementType,
    value: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Perform ? RequireInternalSlot(view, [[DataView]]).
    require_data_view(
        agent,
        view,
        || format!("set{}", method_suffix(ty)),
        gc.nogc(),
    )?;
    let view = view.bind(gc.nogc()).scope(agent, gc.nogc());
    let little_endian = little_endian.bind(gc.nogc()).scope(agent, gc.nogc());
    let value = value.bind(gc.nogc()).scope(agent, gc.nogc());
    // 3. Let getIndex be ? ToIndex(requestIndex).
    let get_index = to_index(agent, request_index, gc.reborrow())?;
    // 4. If IsBigIntElementType(type) is true, let numberValue be ? ToBigInt(value).
    // 5. Otherwise, let numberValue be ? ToNumber(value).
    let number_value = ty.to_numeric(agent, value.get(agent), gc.reborrow())?;
    let gc = gc.into_nogc();
    // 6. Set isLittleEndian to ToBoolean(isLittleEndian).
    let little_endian = to_boolean(agent, little_endian.get(agent));
    let Some(Value::Object(o)) = Some(view.get(agent)) else {
        unreachable!("checked DataView");
    };
    let ObjectKind::DataView(dv) = o.kind(agent) else {
        unreachable!("checked DataView");
    };
    let record = agent.data_view_record(dv);
    // 7. Let viewOffset be view.[[ByteOffset]].
    // 8-9. If IsViewOutOfBounds(viewRecord) is true, throw a TypeError exception.
    let Some(view_size) = view_byte_length(agent, &record) else {
        return Err(agent.throw_type_error("DataView is detached or out of bounds", gc));
    };
    // 10. Let viewSize be GetViewByteLength(viewRecord).
    // 11-12. If getIndex + elementSize > viewSize, throw a RangeError exception.
    if get_index + ty.size() as u64 > view_size as u64 {
        return Err(agent.throw_range_error("Offset is outside the bounds of the DataView", gc));
    }
    // 13. Let bufferIndex be getIndex + viewOffset.
    let index = get_index as usize + record.byte_offset;
    // 14. Perform SetValueInBuffer(view.[[ViewedArrayBuffer]], bufferIndex, type, numberValue,
    //     false, unordered, isLittleEndian).
    let mut raw = [0u8; 8];
    numeric_to_raw_bytes(ty, number_value, &mut raw[..ty.size()], little_endian);
    agent
        .buffer_record_mut(record.buffer)
        .data
        .write(index, &raw[..ty.size()]);
    // 15. Return undefined.
    Ok(Value::Undefined)
}

/// The method-name suffix of an element type (`Int8`, `BigUint64`, ...).
fn method_suffix(ty: ElementType) -> &'static str {
    ty.name().trim_end_matches("Array")
}
