//! ### [25.2 SharedArrayBuffer Objects](https://tc39.es/ecma262/#sec-sharedarraybuffer-objects)
//!
//! A SharedArrayBuffer is an ArrayBuffer record marked shared whose bytes
//! are a [`SharedDataBlock`] that SharedArrayBuffer objects of other agents
//! (on other threads) may view too: it cannot be detached, and a growable one
//! only grows.

use super::array_buffer::{
    alloc_buffer_record, allocate_array_buffer, buffer_slice,
    get_array_buffer_max_byte_length_option, get_species, require_buffer,
};
use super::{DataBlock, GrowError, SharedDataBlock};
use crate::ecmascript::abstract_operations::to_index;
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    let constructor = agent.create_builtin_constructor(
        "SharedArrayBuffer",
        1,
        shared_array_buffer_constructor,
        Some(prototype),
        None,
        gc,
    );
    agent.set_intrinsic(Intrinsic::SharedArrayBuffer, constructor);
    agent.set_intrinsic(Intrinsic::SharedArrayBufferPrototype, prototype);
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
    agent.define_builtin_method(prototype, BuiltinName::Str("grow"), 1, grow, gc);
    agent.define_builtin_accessor(
        prototype,
        BuiltinName::Str("growable"),
        Some(growable),
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
    agent.define_builtin_method(prototype, BuiltinName::Str("slice"), 2, slice, gc);
    let tag = agent.create_string("SharedArrayBuffer", gc);
    agent.define_builtin_property(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        tag.into_value(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
}

/// ### [25.2.3.1 SharedArrayBuffer ( length [ , options ] )](https://tc39.es/ecma262/#sec-sharedarraybuffer-length)
fn shared_array_buffer_constructor<'gc>(
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
        return Err(agent.throw_type_error(
            "Constructor SharedArrayBuffer requires 'new'",
            gc.into_nogc(),
        ));
    };
    let new_target = new_target.bind(gc.nogc()).scope(agent, gc.nogc());
    // 2. Let byteLength be ? ToIndex(length).
    let byte_length = to_index(agent, length.unbind(), gc.reborrow())?;
    // 3. Let requestedMaxByteLength be ? GetArrayBufferMaxByteLengthOption(options).
    let max = get_array_buffer_max_byte_length_option(agent, options.get(agent), gc.reborrow())?;
    // 4. Return ? AllocateSharedArrayBuffer(NewTarget, byteLength, requestedMaxByteLength).
    let buffer = allocate_array_buffer(agent, new_target.get(agent), byte_length, max, true, gc)?;
    Ok(buffer.into())
}

/// ### [25.2.5.1 get SharedArrayBuffer.prototype.byteLength](https://tc39.es/ecma262/#sec-get-sharedarraybuffer.prototype.bytelength)
fn byte_length<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1-3. Perform ? RequireInternalSlot(O, [[ArrayBufferData]]); if IsSharedArrayBuffer(O) is
    //      false, throw a TypeError exception.
    let o = require_buffer(agent, this, true, "byteLength", gc)?;
    // 4. Let length be ArrayBufferByteLength(O, seq-cst).
    // 5. Return 𝔽(length).
    let length = agent.buffer_record(o).data.len();
    Ok(agent.number(length as f64, gc))
}

/// ### [25.2.5.3 SharedArrayBuffer.prototype.grow ( newLength )](https://tc39.es/ecma262/#sec-sharedarraybuffer.prototype.grow)
fn grow<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let new_length = args.get(0).bind(gc.nogc());
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[ArrayBufferMaxByteLength]]).
    // 3. If IsSharedArrayBuffer(O) is false, throw a TypeError exception.
    let o = require_buffer(agent, this, true, "grow", gc.nogc())?;
    if agent.buffer_record(o).max_byte_length.is_none() {
        return Err(agent.throw_type_error(
            "SharedArrayBuffer.prototype.grow called on a fixed-length buffer",
            gc.into_nogc(),
        ));
    }
    let o = o.scope(agent, gc.nogc());
    // 4. Let newByteLength be ? ToIndex(newLength).
    let new_byte_length = to_index(agent, new_length.unbind(), gc.reborrow())?;
    let gc = gc.into_nogc();
    let o = o.get(agent).bind(gc);
    let block = agent
        .buffer_record(o)
        .data
        .as_shared()
        .expect("a SharedArrayBuffer has a shared block");
    // 5. Let hostHandled be ? HostGrowSharedArrayBuffer(O, newByteLength).
    // 6. If hostHandled is handled, return undefined.
    // 7-13. (Read the byte length data and the maximum.)
    // 14-16. Repeat: compare-and-exchange the length, throwing a RangeError if newByteLength is
    //        less than the current length or more than O.[[ArrayBufferMaxByteLength]].
    let grown = usize::try_from(new_byte_length)
        .map_err(|_| GrowError::TooLarge)
        .and_then(|n| block.grow(n));
    match grown {
        Ok(()) => Ok(Value::Undefined),
        Err(GrowError::TooLarge) => Err(agent.throw_range_error(
            "SharedArrayBuffer.prototype.grow: new length exceeds the maximum length",
            gc,
        )),
        Err(GrowError::Shrink) => Err(agent.throw_range_error(
            "SharedArrayBuffer.prototype.grow cannot shrink a buffer",
            gc,
        )),
    }
}

/// ### [25.2.5.4 get SharedArrayBuffer.prototype.growable](https://tc39.es/ecma262/#sec-get-sharedarraybuffer.prototype.growable)
fn growable<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    let o = require_buffer(agent, this, true, "growable", gc)?;
    // 4. If IsFixedLengthArrayBuffer(O) is false, return true; otherwise return false.
    Ok(Value::Boolean(
        agent.buffer_record(o).max_byte_length.is_some(),
    ))
}

/// ### [25.2.5.5 get SharedArrayBuffer.prototype.maxByteLength](https://tc39.es/ecma262/#sec-get-sharedarraybuffer.prototype.maxbytelength)
fn max_byte_length<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    let o = require_buffer(agent, this, true, "maxByteLength", gc)?;
    let record = agent.buffer_record(o);
    // 4. If IsFixedLengthArrayBuffer(O) is false, let length be O.[[ArrayBufferMaxByteLength]].
    // 5. Else, let length be O.[[ArrayBufferByteLength]].
    let length = record.max_byte_length.unwrap_or(record.data.len());
    // 6. Return 𝔽(length).
    Ok(agent.number(length as f64, gc))
}

/// ### [25.2.5.6 SharedArrayBuffer.prototype.slice ( start, end )](https://tc39.es/ecma262/#sec-sharedarraybuffer.prototype.slice)
fn slice<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    buffer_slice(agent, this, args, true, gc)
}

/// A new SharedArrayBuffer object of the current realm over `block` (the
/// host's way to hand another agent's shared memory to this one).
pub(crate) fn shared_array_buffer_over_block<'a>(
    agent: &mut Agent,
    block: SharedDataBlock,
    gc: NoGcScope<'a, '_>,
) -> Object<'a> {
    let max_byte_length = block.max_byte_length();
    let record = alloc_buffer_record(agent, DataBlock::Shared(block), max_byte_length, true);
    let prototype = agent.intrinsic(Intrinsic::SharedArrayBufferPrototype);
    agent.create_object(Some(prototype), ObjectKind::ArrayBuffer(record), gc)
}
