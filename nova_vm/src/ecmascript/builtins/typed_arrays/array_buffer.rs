//! ### [25.1 ArrayBuffer Objects](https://tc39.es/ecma262/#sec-arraybuffer-objects)
//!
//! The buffer abstract operations shared by every view (allocation,
//! detaching, the byte-block limits) and the ArrayBuffer constructor and
//! prototype.

use super::{ArrayBuffer, ArrayBufferRecord, DataBlock, SharedDataBlock};
use crate::ecmascript::abstract_operations::{
    construct, get, get_prototype_from_constructor, same_value, species_constructor, to_index,
    to_integer_or_infinity,
};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};
use crate::heap::Arena;

/// The largest data block this engine creates (bytes). Larger requests are a
/// RangeError, as CreateByteDataBlock allows.
pub const MAX_BYTE_LENGTH: u64 = 1 << 32;

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    let constructor = agent.create_builtin_constructor(
        "ArrayBuffer",
        1,
        array_buffer_constructor,
        Some(prototype),
        None,
        gc,
    );
    agent.set_intrinsic(Intrinsic::ArrayBuffer, constructor);
    agent.set_intrinsic(Intrinsic::ArrayBufferPrototype, prototype);
    agent.define_builtin_method(constructor, BuiltinName::Str("isView"), 1, is_view, gc);
    agent.define_builtin_accessor(
        constructor,
        BuiltinName::Symbol(WellKnownSymbol::Species),
        Some(get_species),
        None,
        gc,
    );
    agent.define_builtin_accessor(
        prototype,
        BuiltinName::Str("byteLength"),
        Some(byte_length),
        None,
        gc,
    );
    agent.define_builtin_accessor(
        prototype,
        BuiltinName::Str("detached"),
        Some(detached),
        None,
        gc,
    );
    agent.define_builtin_accessor(
        prototype,
        BuiltinName::Str("maxByteLength"),
        Some(max_byte_length),
        None,
        gc,
    );
    agent.define_builtin_accessor(
        prototype,
        BuiltinName::Str("resizable"),
        Some(resizable),
        None,
        gc,
    );
    agent.define_builtin_method(prototype, BuiltinName::Str("resize"), 1, resize, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("slice"), 2, slice, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("transfer"), 0, transfer, gc);
    agent.define_builtin_method(
        prototype,
        BuiltinName::Str("transferToFixedLength"),
        0,
        transfer_to_fixed_length,
        gc,
    );
    let tag = agent.create_string("ArrayBuffer", gc);
    agent.define_builtin_property(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        tag.into_value(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
}

/// ### [6.2.9.1 CreateByteDataBlock ( size )](https://tc39.es/ecma262/#sec-createbytedatablock)
///
/// A zeroed block, or a RangeError if it cannot be allocated.
pub(crate) fn create_byte_data_block<'gc>(
    agent: &mut Agent,
    size: u64,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Vec<u8>> {
    // 1. If size > 2^53 - 1, throw a RangeError exception.
    // 2. Let db be a new Data Block value consisting of size bytes. If it is impossible to
    //    create such a Data Block, throw a RangeError exception.
    let mut block = Vec::new();
    if size > MAX_BYTE_LENGTH || block.try_reserve_exact(size as usize).is_err() {
        return Err(agent.throw_range_error("Array buffer allocation failed", gc));
    }
    // 3. Set all of the bytes of db to 0.
    block.resize(size as usize, 0);
    // 4. Return db.
    Ok(block)
}

/// ### [6.2.9.2 CreateSharedByteDataBlock ( size )](https://tc39.es/ecma262/#sec-createsharedbytedatablock)
///
/// A zeroed shared block that can grow to `max_byte_length`, or a RangeError.
pub(crate) fn create_shared_byte_data_block<'gc>(
    agent: &mut Agent,
    size: u64,
    max_byte_length: Option<u64>,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, SharedDataBlock> {
    // 1. Let db be a new Shared Data Block value consisting of size bytes. If it is impossible
    //    to create such a Shared Data Block, throw a RangeError exception.
    // 2-5. Set every byte to 0 (the block reserves its maximum length up front).
    let too_large = size.max(max_byte_length.unwrap_or(0)) > MAX_BYTE_LENGTH;
    let block = (!too_large)
        .then(|| SharedDataBlock::new(size as usize, max_byte_length.map(|m| m as usize)))
        .flatten();
    // 6. Return db.
    block.ok_or_else(|| agent.throw_range_error("SharedArrayBuffer allocation failed", gc))
}

/// Allocates the slots of a buffer object (the block must already exist).
pub(crate) fn alloc_buffer_record(
    agent: &mut Agent,
    data: DataBlock,
    max_byte_length: Option<usize>,
    shared: bool,
) -> ArrayBuffer<'static> {
    agent.heap.allocated_since_gc += Arena::<ArrayBufferRecord>::RECORD_BYTES + data.len();
    ArrayBuffer::from_index(agent.heap.array_buffers.push(ArrayBufferRecord {
        data,
        detached: false,
        max_byte_length,
        shared,
        detach_key: Value::Undefined,
    }))
}

/// ### [25.1.3.1 AllocateArrayBuffer ( constructor, byteLength [ , maxByteLength ] )](https://tc39.es/ecma262/#sec-allocatearraybuffer)
/// (and [25.2.2.1 AllocateSharedArrayBuffer](https://tc39.es/ecma262/#sec-allocatesharedarraybuffer) when `shared`)
pub(crate) fn allocate_array_buffer<'gc>(
    agent: &mut Agent,
    constructor: Object,
    byte_length: u64,
    max_byte_length: Option<u64>,
    shared: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    // 1. Let slots be « [[ArrayBufferData]], [[ArrayBufferByteLength]], [[ArrayBufferDetachKey]] ».
    // 2. If maxByteLength is present and maxByteLength is not empty, let allocatingResizableBuffer
    //    be true; otherwise let allocatingResizableBuffer be false.
    // 3. If allocatingResizableBuffer is true, then
    //    a. If byteLength > maxByteLength, throw a RangeError exception.
    if let Some(max) = max_byte_length
        && byte_length > max
    {
        return Err(agent.throw_range_error(
            "Array buffer length exceeds its maximum length",
            gc.into_nogc(),
        ));
    }
    // 4. Let obj be ? OrdinaryCreateFromConstructor(constructor, "%ArrayBuffer.prototype%", slots).
    let default = if shared {
        Intrinsic::SharedArrayBufferPrototype
    } else {
        Intrinsic::ArrayBufferPrototype
    };
    let prototype =
        get_prototype_from_constructor(agent, constructor, default, gc.reborrow())?.unbind();
    // (If it is not possible to create a Data Block of maxByteLength bytes, throw a RangeError.)
    if max_byte_length.is_some_and(|max| max > MAX_BYTE_LENGTH) {
        return Err(
            agent.throw_range_error("Array buffer maximum length is too large", gc.into_nogc())
        );
    }
    // 5. Let block be ? CreateByteDataBlock(byteLength) (a SharedArrayBuffer's:
    //    ? CreateSharedByteDataBlock(byteLength), able to grow to maxByteLength).
    let block = if shared {
        DataBlock::Shared(create_shared_byte_data_block(
            agent,
            byte_length,
            max_byte_length,
            gc.nogc(),
        )?)
    } else {
        DataBlock::Local(create_byte_data_block(agent, byte_length, gc.nogc())?)
    };
    // 6-9. Set obj.[[ArrayBufferData]] to block, [[ArrayBufferByteLength]] to byteLength and
    //      [[ArrayBufferMaxByteLength]] to maxByteLength if resizable.
    let record = alloc_buffer_record(agent, block, max_byte_length.map(|m| m as usize), shared);
    let gc = gc.into_nogc();
    // 10. Return obj.
    Ok(agent.create_object(
        Some(prototype.bind(gc)),
        ObjectKind::ArrayBuffer(record),
        gc,
    ))
}

/// The buffer object `value` if it is an ArrayBuffer (`shared` false) or a
/// SharedArrayBuffer (`shared` true); a TypeError naming `method` otherwise.
pub(crate) fn require_buffer<'gc>(
    agent: &mut Agent,
    value: Value,
    shared: bool,
    method: &str,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    if let Value::Object(o) = value
        && let ObjectKind::ArrayBuffer(b) = o.kind(agent)
        && agent.heap.array_buffers.get(b.index()).shared == shared
    {
        return Ok(o.bind(gc));
    }
    let class = if shared {
        "SharedArrayBuffer"
    } else {
        "ArrayBuffer"
    };
    Err(agent.throw_type_error(
        &format!("{class}.prototype.{method} called on incompatible receiver"),
        gc,
    ))
}

/// ### [25.1.3.3 IsDetachedBuffer ( arrayBuffer )](https://tc39.es/ecma262/#sec-isdetachedbuffer)
#[inline]
pub(crate) fn is_detached_buffer(agent: &Agent, buffer: Object) -> bool {
    // 1. If arrayBuffer.[[ArrayBufferData]] is null, return true.
    // 2. Return false.
    agent.buffer_record(buffer).detached
}

/// ### [25.1.3.8 IsFixedLengthArrayBuffer ( arrayBuffer )](https://tc39.es/ecma262/#sec-isfixedlengtharraybuffer)
#[inline]
pub(crate) fn is_fixed_length_array_buffer(agent: &Agent, buffer: Object) -> bool {
    // 1. If arrayBuffer has an [[ArrayBufferMaxByteLength]] internal slot, return false.
    // 2. Return true.
    agent.buffer_record(buffer).max_byte_length.is_none()
}

/// ### [25.1.3.4 DetachArrayBuffer ( arrayBuffer [ , key ] )](https://tc39.es/ecma262/#sec-detacharraybuffer)
pub(crate) fn detach_array_buffer<'gc>(
    agent: &mut Agent,
    buffer: Object,
    key: Value,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let record = agent.buffer_record(buffer);
    // 1. Assert: IsSharedArrayBuffer(arrayBuffer) is false.
    if record.shared {
        return Err(agent.throw_type_error("Cannot detach a SharedArrayBuffer", gc));
    }
    // 2. If key is not present, set key to undefined.
    // 3. If SameValue(arrayBuffer.[[ArrayBufferDetachKey]], key) is false, throw a TypeError exception.
    let detach_key = record.detach_key;
    if !same_value(agent, detach_key, key) {
        return Err(agent.throw_type_error("Array buffer detach key mismatch", gc));
    }
    // 4. Set arrayBuffer.[[ArrayBufferData]] to null.
    // 5. Set arrayBuffer.[[ArrayBufferByteLength]] to 0.
    let record = agent.buffer_record_mut(buffer);
    record.data = DataBlock::Local(Vec::new());
    record.detached = true;
    // 6. Return unused.
    Ok(())
}

/// ### [25.1.3.6 GetArrayBufferMaxByteLengthOption ( options )](https://tc39.es/ecma262/#sec-getarraybuffermaxbytelengthoption)
pub(crate) fn get_array_buffer_max_byte_length_option<'gc>(
    agent: &mut Agent,
    options: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<u64>> {
    // 1. If options is not an Object, return empty.
    let Value::Object(options) = options else {
        return Ok(None);
    };
    // 2. Let maxByteLength be ? Get(options, "maxByteLength").
    let key = agent.key_from_str("maxByteLength", gc.nogc()).unbind();
    let max = get(agent, options, key, gc.reborrow())?.unbind();
    // 3. If maxByteLength is undefined, return empty.
    if max.is_undefined() {
        return Ok(None);
    }
    // 4. Return ? ToIndex(maxByteLength).
    Ok(Some(to_index(agent, max, gc)?))
}

/// ### [25.1.4.1 ArrayBuffer ( length [ , options ] )](https://tc39.es/ecma262/#sec-arraybuffer-length)
fn array_buffer_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let length = args.get(0).bind(gc.nogc());
    let options = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = new_target else {
        return Err(
            agent.throw_type_error("Constructor ArrayBuffer requires 'new'", gc.into_nogc())
        );
    };
    let new_target = new_target.bind(gc.nogc()).scope(agent, gc.nogc());
    // 2. Let byteLength be ? ToIndex(length).
    let byte_length = to_index(agent, length.unbind(), gc.reborrow())?;
    // 3. Let requestedMaxByteLength be ? GetArrayBufferMaxByteLengthOption(options).
    let max = get_array_buffer_max_byte_length_option(agent, options.get(agent), gc.reborrow())?;
    // 4. Return ? AllocateArrayBuffer(NewTarget, byteLength, requestedMaxByteLength).
    let buffer = allocate_array_buffer(agent, new_target.get(agent), byte_length, max, false, gc)?;
    Ok(buffer.into())
}

/// ### [25.1.5.1 ArrayBuffer.isView ( arg )](https://tc39.es/ecma262/#sec-arraybuffer.isview)
fn is_view<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    _gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. If arg is not an Object, return false.
    // 2. If arg has a [[ViewedArrayBuffer]] internal slot, return true.
    // 3. Return false.
    Ok(Value::Boolean(matches!(
        args.get(0),
        Value::Object(o) if matches!(o.kind(agent), ObjectKind::TypedArray(_) | ObjectKind::DataView(_))
    )))
}

/// ### [25.1.5.3 get ArrayBuffer \[ @@species \]](https://tc39.es/ecma262/#sec-get-arraybuffer-@@species)
/// (also `get SharedArrayBuffer [ @@species ]` and `get %TypedArray% [ @@species ]`)
pub(crate) fn get_species<'gc>(
    _agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return the this value.
    Ok(this.bind(gc.into_nogc()))
}

/// ### [25.1.6.1 get ArrayBuffer.prototype.byteLength](https://tc39.es/ecma262/#sec-get-arraybuffer.prototype.bytelength)
fn byte_length<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1-3. Perform ? RequireInternalSlot(O, [[ArrayBufferData]]); if IsSharedArrayBuffer(O) is
    //      true, throw a TypeError exception.
    let o = require_buffer(agent, this, false, "byteLength", gc)?;
    // 4. If IsDetachedBuffer(O) is true, return +0𝔽.
    // 5. Let length be O.[[ArrayBufferByteLength]].
    // 6. Return 𝔽(length).
    let length = agent.buffer_record(o).data.len();
    Ok(agent.number(length as f64, gc))
}

/// ### [25.1.6.3 get ArrayBuffer.prototype.detached](https://tc39.es/ecma262/#sec-get-arraybuffer.prototype.detached)
fn detached<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    let o = require_buffer(agent, this, false, "detached", gc)?;
    // 4. Return IsDetachedBuffer(O).
    Ok(Value::Boolean(is_detached_buffer(agent, o)))
}

/// ### [25.1.6.4 get ArrayBuffer.prototype.maxByteLength](https://tc39.es/ecma262/#sec-get-arraybuffer.prototype.maxbytelength)
fn max_byte_length<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    let o = require_buffer(agent, this, false, "maxByteLength", gc)?;
    let record = agent.buffer_record(o);
    // 4. If IsDetachedBuffer(O) is true, return +0𝔽.
    // 5. If IsFixedLengthArrayBuffer(O) is false, let length be O.[[ArrayBufferMaxByteLength]].
    // 6. Else, let length be O.[[ArrayBufferByteLength]].
    let length = if record.detached {
        0
    } else {
        record.max_byte_length.unwrap_or(record.data.len())
    };
    // 7. Return 𝔽(length).
    Ok(agent.number(length as f64, gc))
}

/// ### [25.1.6.5 get ArrayBuffer.prototype.resizable](https://tc39.es/ecma262/#sec-get-arraybuffer.prototype.resizable)
fn resizable<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    let o = require_buffer(agent, this, false, "resizable", gc)?;
    // 4. If IsFixedLengthArrayBuffer(O) is false, return true; otherwise return false.
    Ok(Value::Boolean(!is_fixed_length_array_buffer(agent, o)))
}

/// Resizes an ArrayBuffer's own block to `new_length` bytes (zero-filling
/// growth); a RangeError if the memory cannot be had.
fn resize_block<'gc>(
    agent: &mut Agent,
    buffer: Object,
    new_length: usize,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let DataBlock::Local(data) = &mut agent.buffer_record_mut(buffer).data else {
        unreachable!("only an ArrayBuffer resizes")
    };
    let old = data.len();
    if new_length > old && data.try_reserve_exact(new_length - old).is_err() {
        return Err(agent.throw_range_error("Array buffer allocation failed", gc));
    }
    data.resize(new_length, 0);
    agent.heap.allocated_since_gc += new_length.saturating_sub(old);
    Ok(())
}

/// ### [25.1.6.6 ArrayBuffer.prototype.resize ( newLength )](https://tc39.es/ecma262/#sec-arraybuffer.prototype.resize)
fn resize<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let new_length = args.get(0).bind(gc.nogc());
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[ArrayBufferMaxByteLength]]).
    // 3. If IsSharedArrayBuffer(O) is true, throw a TypeError exception.
    let o = require_buffer(agent, this, false, "resize", gc.nogc())?;
    if is_fixed_length_array_buffer(agent, o) {
        return Err(agent.throw_type_error(
            "ArrayBuffer.prototype.resize called on a fixed-length buffer",
            gc.into_nogc(),
        ));
    }
    let o = o.scope(agent, gc.nogc());
    // 4. Let newByteLength be ? ToIndex(newLength).
    let new_byte_length = to_index(agent, new_length.unbind(), gc.reborrow())?;
    let gc = gc.into_nogc();
    let o = o.get(agent).bind(gc);
    // 5. If IsDetachedBuffer(O) is true, throw a TypeError exception.
    if is_detached_buffer(agent, o) {
        return Err(agent.throw_type_error("Cannot resize a detached ArrayBuffer", gc));
    }
    // 6. If newByteLength > O.[[ArrayBufferMaxByteLength]], throw a RangeError exception.
    let max = agent.buffer_record(o).max_byte_length.unwrap_or(0);
    if new_byte_length > max as u64 {
        return Err(agent.throw_range_error(
            "ArrayBuffer.prototype.resize: new length exceeds the maximum length",
            gc,
        ));
    }
    // 7. Let hostHandled be ? HostResizeArrayBuffer(O, newByteLength).
    // 8-12. Resize the block in place (new bytes are zero) and set [[ArrayBufferByteLength]].
    resize_block(agent, o, new_byte_length as usize, gc)?;
    // 13. Return undefined.
    Ok(Value::Undefined)
}

/// Relative index resolution shared by the slice-like methods:
/// `relative < 0 ? max(len + relative, 0) : min(relative, len)`.
pub(crate) fn resolve_relative(relative: f64, len: u64) -> u64 {
    if relative == f64::NEG_INFINITY {
        0
    } else if relative < 0.0 {
        (len as f64 + relative).max(0.0) as u64
    } else {
        relative.min(len as f64) as u64
    }
}

/// ### [25.1.6.7 ArrayBuffer.prototype.slice ( start, end )](https://tc39.es/ecma262/#sec-arraybuffer.prototype.slice)
/// (and [25.2.5.6 SharedArrayBuffer.prototype.slice](https://tc39.es/ecma262/#sec-sharedarraybuffer.prototype.slice) when `shared`)
pub(crate) fn buffer_slice<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    shared: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let start = args.get(0).bind(gc.nogc());
    let end = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[ArrayBufferData]]).
    // 3. If IsSharedArrayBuffer(O) is true, throw a TypeError exception.
    let o = require_buffer(agent, this, shared, "slice", gc.nogc())?;
    // 4. If IsDetachedBuffer(O) is true, throw a TypeError exception.
    if is_detached_buffer(agent, o) {
        return Err(agent.throw_type_error(
            "ArrayBuffer.prototype.slice called on a detached buffer",
            gc.into_nogc(),
        ));
    }
    let o = o.scope(agent, gc.nogc());
    // 5. Let len be O.[[ArrayBufferByteLength]].
    let len = agent.buffer_record(o.get(agent)).data.len() as u64;
    // 6. Let relativeStart be ? ToIntegerOrInfinity(start).
    let relative_start = to_integer_or_infinity(agent, start.unbind(), gc.reborrow())?;
    // 7. If relativeStart = -∞, let first be 0; else if relativeStart < 0, let first be
    //    max(len + relativeStart, 0); else let first be min(relativeStart, len).
    let first = resolve_relative(relative_start, len);
    // 8. If end is undefined, let relativeEnd be len; else let relativeEnd be ? ToIntegerOrInfinity(end).
    let end = end.get(agent);
    let relative_end = if end.is_undefined() {
        len as f64
    } else {
        to_integer_or_infinity(agent, end, gc.reborrow())?
    };
    // 9. If relativeEnd = -∞, let final be 0; ...
    let final_ = resolve_relative(relative_end, len);
    // 10. Let newLen be max(final - first, 0).
    let new_len = final_.saturating_sub(first);
    // 11. Let ctor be ? SpeciesConstructor(O, %ArrayBuffer%).
    let default = if shared {
        Intrinsic::SharedArrayBuffer
    } else {
        Intrinsic::ArrayBuffer
    };
    let ctor = species_constructor(agent, o.get(agent), default, gc.reborrow())?.unbind();
    // 12. Let new be ? Construct(ctor, « 𝔽(newLen) »).
    let new_len_value = agent.number(new_len as f64, gc.nogc()).unbind();
    let new = construct(
        agent,
        ctor,
        ArgumentsList(&[new_len_value]),
        None,
        gc.reborrow(),
    )?
    .unbind();
    let gc = gc.into_nogc();
    let new = new.bind(gc);
    // 13. Perform ? RequireInternalSlot(new, [[ArrayBufferData]]).
    // 14. If IsSharedArrayBuffer(new) is true, throw a TypeError exception.
    let new = require_buffer(agent, new.into(), shared, "slice", gc)?;
    // 15. If IsDetachedBuffer(new) is true, throw a TypeError exception.
    if !shared && is_detached_buffer(agent, new) {
        return Err(agent.throw_type_error("Species constructor returned a detached buffer", gc));
    }
    let o = o.get(agent).bind(gc);
    // 16. If SameValue(new, O) is true, throw a TypeError exception.
    if new == o {
        return Err(agent.throw_type_error("Species constructor returned the same buffer", gc));
    }
    // 17. If new.[[ArrayBufferByteLength]] < newLen, throw a TypeError exception.
    if (agent.buffer_record(new).data.len() as u64) < new_len {
        return Err(agent.throw_type_error("Species constructor returned a too small buffer", gc));
    }
    // 18. NOTE: Side-effects of the above steps may have detached or resized O.
    // 19. If IsDetachedBuffer(O) is true, throw a TypeError exception.
    if is_detached_buffer(agent, o) {
        return Err(agent.throw_type_error("ArrayBuffer was detached during slice", gc));
    }
    // 20. Let fromBuf be O.[[ArrayBufferData]].
    // 21. Let toBuf be new.[[ArrayBufferData]].
    // 22. Let currentLen be O.[[ArrayBufferByteLength]].
    let current_len = agent.buffer_record(o).data.len() as u64;
    // 23. If first < currentLen, then
    if first < current_len {
        // a. Let count be min(newLen, currentLen - first).
        let count = new_len.min(current_len - first) as usize;
        // b. Perform CopyDataBlockBytes(toBuf, 0, fromBuf, first, count).
        let first = first as usize;
        let bytes = agent.buffer_record(o).data.to_vec(first, count);
        agent.buffer_record_mut(new).data.write(0, &bytes);
    }
    // 24. Return new.
    Ok(new.into())
}

fn slice<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    buffer_slice(agent, this, args, false, gc)
}

/// ### [25.1.3.2 ArrayBufferCopyAndDetach ( arrayBuffer, newLength, preserveResizability )](https://tc39.es/ecma262/#sec-arraybuffercopyanddetach)
fn array_buffer_copy_and_detach<'gc>(
    agent: &mut Agent,
    this: Value,
    new_length: Value,
    preserve_resizability: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let method = if preserve_resizability {
        "transfer"
    } else {
        "transferToFixedLength"
    };
    // 1. Perform ? RequireInternalSlot(arrayBuffer, [[ArrayBufferData]]).
    // 2. If IsSharedArrayBuffer(arrayBuffer) is true, throw a TypeError exception.
    let o = require_buffer(agent, this, false, method, gc.nogc())?;
    let o = o.scope(agent, gc.nogc());
    // 3. If newLength is undefined, then
    //    a. Let newByteLength be arrayBuffer.[[ArrayBufferByteLength]].
    // 4. Else,
    //    a. Let newByteLength be ? ToIndex(newLength).
    let new_byte_length = if new_length.is_undefined() {
        agent.buffer_record(o.get(agent)).data.len() as u64
    } else {
        to_index(agent, new_length, gc.reborrow())?
    };
    let o_now = o.get(agent).bind(gc.nogc());
    // 5. If IsDetachedBuffer(arrayBuffer) is true, throw a TypeError exception.
    if is_detached_buffer(agent, o_now) {
        return Err(agent.throw_type_error(
            &format!("ArrayBuffer.prototype.{method} called on a detached buffer"),
            gc.into_nogc(),
        ));
    }
    // 6. If preserveResizability is preserve-resizability and
    //    IsFixedLengthArrayBuffer(arrayBuffer) is false, then
    //    a. Let newMaxByteLength be arrayBuffer.[[ArrayBufferMaxByteLength]].
    // 7. Else, let newMaxByteLength be empty.
    let new_max = if preserve_resizability {
        agent.buffer_record(o_now).max_byte_length.map(|m| m as u64)
    } else {
        None
    };
    // 8. If arrayBuffer.[[ArrayBufferDetachKey]] is not undefined, throw a TypeError exception.
    if !agent.buffer_record(o_now).detach_key.is_undefined() {
        return Err(agent.throw_type_error("ArrayBuffer has a detach key", gc.into_nogc()));
    }
    // 9. Let newBuffer be ? AllocateArrayBuffer(%ArrayBuffer%, newByteLength, newMaxByteLength).
    let constructor = agent.intrinsic(Intrinsic::ArrayBuffer);
    let new_buffer = allocate_array_buffer(
        agent,
        constructor,
        new_byte_length,
        new_max,
        false,
        gc.reborrow(),
    )?
    .unbind();
    let gc = gc.into_nogc();
    let new_buffer = new_buffer.bind(gc);
    let o = o.get(agent).bind(gc);
    // 10. Let copyLength be min(newByteLength, arrayBuffer.[[ArrayBufferByteLength]]).
    // 11. Let fromBlock be arrayBuffer.[[ArrayBufferData]].
    // 12. Let toBlock be newBuffer.[[ArrayBufferData]].
    // 13. Perform CopyDataBlockBytes(toBlock, 0, fromBlock, 0, copyLength).
    // 14. NOTE: Neither creation of the new Data Block nor copying from the old Data Block are
    //     observable.
    let old = std::mem::replace(
        &mut agent.buffer_record_mut(o).data,
        DataBlock::Local(Vec::new()),
    );
    let copy_length = (new_byte_length as usize).min(old.len());
    let old = old.to_vec(0, copy_length);
    agent.buffer_record_mut(new_buffer).data.write(0, &old);
    // 15. Perform ! DetachArrayBuffer(arrayBuffer).
    detach_array_buffer(agent, o, Value::Undefined, gc)?;
    // 16. Return newBuffer.
    Ok(new_buffer.into())
}

/// ### [25.1.6.8 ArrayBuffer.prototype.transfer ( [ newLength ] )](https://tc39.es/ecma262/#sec-arraybuffer.prototype.transfer)
fn transfer<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be the this value.
    // 2. Return ? ArrayBufferCopyAndDetach(O, newLength, preserve-resizability).
    array_buffer_copy_and_detach(agent, this, args.get(0), true, gc)
}

/// ### [25.1.6.9 ArrayBuffer.prototype.transferToFixedLength ( [ newLength ] )](https://tc39.es/ecma262/#sec-arraybuffer.prototype.transfertofixedlength)
fn transfer_to_fixed_length<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 2. Return ? ArrayBufferCopyAndDetach(O, newLength, fixed-length).
    array_buffer_copy_and_detach(agent, this, args.get(0), false, gc)
}
