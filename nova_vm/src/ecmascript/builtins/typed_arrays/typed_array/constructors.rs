//! ### [23.2.1 The %TypedArray% Intrinsic Object](https://tc39.es/ecma262/#sec-%typedarray%-intrinsic-object)
//! and [23.2.5 The TypedArray Constructors](https://tc39.es/ecma262/#sec-typedarray-constructors)
//!
//! %TypedArray% (which throws when called), `from`, `of`, `@@species`, the
//! eleven concrete constructors and the creation abstract operations of
//! [23.2.4](https://tc39.es/ecma262/#sec-abstract-operations-for-typedarray-objects)
//! and [23.2.5.1](https://tc39.es/ecma262/#sec-typedarray).

use super::{
    read_element, typed_array_length, typed_array_of, typed_array_set_element,
    validate_typed_array, write_element,
};
use crate::ecmascript::abstract_operations::{
    call_function, construct, get_iterator_from_method, get_method, get_prototype_from_constructor,
    is_callable, iterator_step_value, length_of_array_like, species_constructor, to_index,
    to_object,
};
use crate::ecmascript::builtins::typed_arrays::array_buffer::{
    allocate_array_buffer, get_species, is_detached_buffer, is_fixed_length_array_buffer,
};
use crate::ecmascript::builtins::typed_arrays::{ElementType, TypedArray, TypedArrayRecord};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable, Scoped};
use crate::heap::Arena;

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    let constructor = agent.create_builtin_constructor(
        "TypedArray",
        0,
        typed_array_intrinsic,
        Some(prototype),
        None,
        gc,
    );
    agent.set_intrinsic(Intrinsic::TypedArray, constructor);
    agent.set_intrinsic(Intrinsic::TypedArrayPrototype, prototype);
    agent.define_builtin_method(constructor, BuiltinName::Str("from"), 1, from, gc);
    agent.define_builtin_method(constructor, BuiltinName::Str("of"), 0, of, gc);
    agent.define_builtin_accessor(
        constructor,
        BuiltinName::Symbol(WellKnownSymbol::Species),
        Some(get_species),
        None,
        gc,
    );
    super::prototype::initialize(agent, prototype, gc);
    super::prototype_iteration::initialize(agent, prototype, gc);
    let constructors: [(
        ElementType,
        crate::ecmascript::builtins::function_objects::ConstructorFn,
    ); 12] = [
        (ElementType::Int8, int8_array),
        (ElementType::Uint8, uint8_array),
        (ElementType::Uint8Clamped, uint8_clamped_array),
        (ElementType::Int16, int16_array),
        (ElementType::Uint16, uint16_array),
        (ElementType::Int32, int32_array),
        (ElementType::Uint32, uint32_array),
        (ElementType::Float16, float16_array),
        (ElementType::Float32, float32_array),
        (ElementType::Float64, float64_array),
        (ElementType::BigInt64, big_int64_array),
        (ElementType::BigUint64, big_uint64_array),
    ];
    for (element_type, behaviour) in constructors {
        // 23.2.7 Properties of the TypedArray Prototype Objects: [[Prototype]] is %TypedArray.prototype%.
        let concrete_prototype = agent.create_object(Some(prototype), ObjectKind::Ordinary, gc);
        // 23.2.6 Properties of the TypedArray Constructors: [[Prototype]] is %TypedArray%.
        let concrete = agent.create_builtin_constructor(
            element_type.name(),
            3,
            behaviour,
            Some(concrete_prototype),
            Some(constructor),
            gc,
        );
        // 23.2.6.1 TypedArray.BYTES_PER_ELEMENT and 23.2.7.1 TypedArray.prototype.BYTES_PER_ELEMENT
        let size = Value::from_u32(element_type.size() as u32);
        for target in [concrete, concrete_prototype] {
            agent.define_builtin_property(
                target,
                BuiltinName::Str("BYTES_PER_ELEMENT"),
                size,
                Attributes::FROZEN_HIDDEN,
                gc,
            );
        }
        agent.set_intrinsic(element_type.constructor(), concrete);
        agent.set_intrinsic(element_type.prototype(), concrete_prototype);
    }
}

/// ### [23.2.1.1 %TypedArray% ( )](https://tc39.es/ecma262/#sec-%typedarray%)
fn typed_array_intrinsic<'gc>(
    agent: &mut Agent,
    _this: Value,
    _args: ArgumentsList,
    _new_target: Option<Object>,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Throw a TypeError exception.
    Err(agent.throw_type_error(
        "Abstract class TypedArray not directly constructable",
        gc.into_nogc(),
    ))
}

macro_rules! concrete_constructors {
    ($( $name:ident => $ty:ident ),* $(,)?) => {
        $(
            fn $name<'gc>(
                agent: &mut Agent,
                _this: Value,
                args: ArgumentsList,
                new_target: Option<Object>,
                gc: GcScope<'gc, '_>,
            ) -> JsResult<'gc, Value<'gc>> {
                typed_array_constructor(agent, ElementType::$ty, args, new_target, gc)
            }
        )*
    };
}

concrete_constructors! {
    int8_array => Int8,
    uint8_array => Uint8,
    uint8_clamped_array => Uint8Clamped,
    int16_array => Int16,
    uint16_array => Uint16,
    int32_array => Int32,
    uint32_array => Uint32,
    float16_array => Float16,
    float32_array => Float32,
    float64_array => Float64,
    big_int64_array => BigInt64,
    big_uint64_array => BigUint64,
}

/// ### [10.4.5.10 TypedArrayCreate ( prototype )](https://tc39.es/ecma262/#sec-typedarraycreate)
/// with the internal slots already known.
pub(crate) fn typed_array_create<'a>(
    agent: &mut Agent,
    prototype: Object,
    record: TypedArrayRecord,
    gc: NoGcScope<'a, '_>,
) -> Object<'a> {
    agent.heap.allocated_since_gc += Arena::<TypedArrayRecord>::RECORD_BYTES;
    let ta = TypedArray::from_index(agent.heap.typed_arrays.push(record));
    agent.create_object(Some(prototype), ObjectKind::TypedArray(ta), gc)
}

/// ### [23.2.5.1.6 AllocateTypedArrayBuffer ( O, length )](https://tc39.es/ecma262/#sec-allocatetypedarraybuffer)
/// with the object creation of [23.2.5.1.1 AllocateTypedArray](https://tc39.es/ecma262/#sec-allocatetypedarray):
/// a new TypedArray over a new zeroed buffer of `length` elements.
fn allocate_with_buffer<'gc>(
    agent: &mut Agent,
    element_type: ElementType,
    prototype: Object,
    length: u64,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    let prototype = prototype.scope(agent, gc.nogc());
    // 1-3. Let elementSize be TypedArrayElementSize(O); let byteLength be elementSize × length.
    let byte_length = length.saturating_mul(element_type.size() as u64);
    // 4. Let data be ? AllocateArrayBuffer(%ArrayBuffer%, byteLength).
    let constructor = agent.intrinsic(Intrinsic::ArrayBuffer);
    let buffer =
        allocate_array_buffer(agent, constructor, byte_length, None, false, gc.reborrow())?
            .unbind();
    let gc = gc.into_nogc();
    // 5-8. Set O.[[ViewedArrayBuffer]] to data, [[ByteLength]] to byteLength, [[ByteOffset]] to 0
    //      and [[ArrayLength]] to length.
    let record = TypedArrayRecord {
        buffer,
        element_type,
        byte_offset: 0,
        array_length: Some(length as usize),
    };
    Ok(typed_array_create(agent, prototype.get(agent), record, gc))
}

/// ### [23.2.5.1 TypedArray ( ...args )](https://tc39.es/ecma262/#sec-typedarray)
fn typed_array_constructor<'gc>(
    agent: &mut Agent,
    element_type: ElementType,
    args: ArgumentsList,
    new_target: Option<Object>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let arguments: Vec<Scoped<Value>> = (0..3)
        .map(|i| args.get(i).bind(gc.nogc()).scope(agent, gc.nogc()))
        .collect();
    let number_of_args = args.len();
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = new_target else {
        return Err(agent.throw_type_error(
            &format!("Constructor {} requires 'new'", element_type.name()),
            gc.into_nogc(),
        ));
    };
    let new_target = new_target.bind(gc.nogc()).scope(agent, gc.nogc());
    // 2. Let constructorName be the String value of the Constructor Name value specified in
    //    Table 71 for this TypedArray constructor.
    // 3. Let proto be "%TypedArray.prototype%".
    let default_proto = element_type.prototype();
    // 4. Let numberOfArgs be the number of elements in args.
    // 5. If numberOfArgs = 0, then
    //    a. Return ? AllocateTypedArray(constructorName, NewTarget, proto, 0).
    // 6. Else,
    //    a. Let firstArgument be args[0].
    let first = arguments[0].get(agent);
    //    b. If firstArgument is an Object, then
    if number_of_args > 0
        && let Value::Object(first) = first
    {
        // i. Let O be ? AllocateTypedArray(constructorName, NewTarget, proto).
        // (AllocateTypedArray step 1: ? GetPrototypeFromConstructor(newTarget, defaultProto);
        // the object itself is made once its slots are known.)
        let first = first.scope(agent, gc.nogc());
        let prototype = get_prototype_from_constructor(
            agent,
            new_target.get(agent),
            default_proto,
            gc.reborrow(),
        )?
        .unbind()
        .scope(agent, gc.nogc());
        let first_object = first.get(agent);
        let result = match first_object.kind(agent) {
            // ii. If firstArgument has a [[TypedArrayName]] internal slot, then
            //     1. Perform ? InitializeTypedArrayFromTypedArray(O, firstArgument).
            ObjectKind::TypedArray(source) => initialize_from_typed_array(
                agent,
                element_type,
                prototype.get(agent),
                source,
                gc.reborrow(),
            )?
            .unbind(),
            // iii. Else if firstArgument has an [[ArrayBufferData]] internal slot, then
            //      1. If numberOfArgs > 1, let byteOffset be args[1]; else let byteOffset be undefined.
            //      2. If numberOfArgs > 2, let length be args[2]; else let length be undefined.
            //      3. Perform ? InitializeTypedArrayFromArrayBuffer(O, firstArgument, byteOffset, length).
            ObjectKind::ArrayBuffer(_) => initialize_from_array_buffer(
                agent,
                element_type,
                prototype,
                first,
                arguments[1],
                arguments[2],
                gc.reborrow(),
            )?
            .unbind(),
            // iv. Else,
            _ => initialize_from_object(agent, element_type, prototype, first, gc.reborrow())?
                .unbind(),
        };
        // v. Return O.
        return Ok(result.bind(gc.into_nogc()).into());
    }
    //    c. Else,
    //       i. Assert: firstArgument is not an Object.
    //       ii. Let elementLength be ? ToIndex(firstArgument).
    let element_length = if number_of_args == 0 {
        0
    } else {
        to_index(agent, first.unbind(), gc.reborrow())?
    };
    //       iii. Return ? AllocateTypedArray(constructorName, NewTarget, proto, elementLength).
    let prototype =
        get_prototype_from_constructor(agent, new_target.get(agent), default_proto, gc.reborrow())?
            .unbind();
    let o = allocate_with_buffer(agent, element_type, prototype, element_length, gc)?;
    Ok(o.into())
}

/// ### [23.2.5.1.2 InitializeTypedArrayFromTypedArray ( O, srcArray )](https://tc39.es/ecma262/#sec-initializetypedarrayfromtypedarray)
fn initialize_from_typed_array<'gc>(
    agent: &mut Agent,
    element_type: ElementType,
    prototype: Object,
    source: TypedArray,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    let prototype = prototype.scope(agent, gc.nogc());
    // 1. Let srcData be srcArray.[[ViewedArrayBuffer]].
    // 2-7. The element types and sizes, and srcByteOffset.
    let src = agent.typed_array_record(source);
    let src_holder = src.buffer.scope(agent, gc.nogc());
    // 8. Let srcRecord be MakeTypedArrayWithBufferWitnessRecord(srcArray, seq-cst).
    // 9. If IsTypedArrayOutOfBounds(srcRecord) is true, throw a TypeError exception.
    let Some(element_length) = typed_array_length(agent, &src) else {
        return Err(agent.throw_type_error(
            "Source TypedArray is detached or out of bounds",
            gc.into_nogc(),
        ));
    };
    // 10. Let elementLength be TypedArrayLength(srcRecord).
    // 11. Let byteLength be elementSize × elementLength.
    // 12. If elementType is srcType, then
    //     a. Let data be ? CloneArrayBuffer(srcData, srcByteOffset, byteLength).
    // 13. Else,
    //     a. Let data be ? AllocateArrayBuffer(%ArrayBuffer%, byteLength).
    //     b. If srcArray.[[ContentType]] is not O.[[ContentType]], throw a TypeError exception.
    if src.element_type.is_bigint() != element_type.is_bigint() {
        return Err(agent.throw_type_error(
            "Cannot mix BigInt and other types, use explicit conversions",
            gc.into_nogc(),
        ));
    }
    let o = allocate_with_buffer(
        agent,
        element_type,
        prototype.get(agent),
        element_length as u64,
        gc.reborrow(),
    )?
    .unbind();
    let gc = gc.into_nogc();
    let o = o.bind(gc);
    let target = agent.typed_array_record(typed_array_of(agent, o).expect("new TypedArray"));
    let src = TypedArrayRecord {
        buffer: src_holder.get(agent),
        ..src
    };
    if src.element_type == element_type {
        let start = src.byte_offset;
        let len = element_length * element_type.size();
        let bytes = agent.buffer_record(src.buffer).data.to_vec(start, len);
        agent.buffer_record_mut(target.buffer).data.write(0, &bytes);
    } else {
        //     c. Let srcByteIndex be srcByteOffset. d. Let targetByteIndex be 0.
        //     e. Let count be elementLength.
        //     f. Repeat, while count > 0: GetValueFromBuffer / SetValueInBuffer.
        for k in 0..element_length {
            let value = read_element(agent, &src, k);
            write_element(agent, &target, k, value);
        }
    }
    // 14-17. Set O's slots. 18. Return unused.
    Ok(o)
}

/// ### [23.2.5.1.3 InitializeTypedArrayFromArrayBuffer ( O, buffer, byteOffset, length )](https://tc39.es/ecma262/#sec-initializetypedarrayfromarraybuffer)
fn initialize_from_array_buffer<'gc, 's>(
    agent: &mut Agent,
    element_type: ElementType,
    prototype: Scoped<'s, Object<'static>>,
    buffer: Scoped<'s, Object<'static>>,
    byte_offset: Scoped<'s, Value<'static>>,
    length: Scoped<'s, Value<'static>>,
    mut gc: GcScope<'gc, 's>,
) -> JsResult<'gc, Object<'gc>> {
    // 1. Let elementSize be TypedArrayElementSize(O).
    let element_size = element_type.size() as u64;
    // 2. Let offset be ? ToIndex(byteOffset).
    let offset = to_index(agent, byte_offset.get(agent), gc.reborrow())?;
    // 3. If offset modulo elementSize ≠ 0, throw a RangeError exception.
    if !offset.is_multiple_of(element_size) {
        return Err(agent.throw_range_error(
            &format!(
                "Start offset of {} should be a multiple of {element_size}",
                element_type.name()
            ),
            gc.into_nogc(),
        ));
    }
    // 4. Let bufferIsFixedLength be IsFixedLengthArrayBuffer(buffer).
    let buffer_is_fixed_length = is_fixed_length_array_buffer(agent, buffer.get(agent));
    // 5. If length is not undefined, then
    //    a. Let newLength be ? ToIndex(length).
    let length = length.get(agent);
    let new_length = if length.is_undefined() {
        None
    } else {
        Some(to_index(agent, length, gc.reborrow())?)
    };
    let gc = gc.into_nogc();
    let buffer = buffer.get(agent).bind(gc);
    // 6. If IsDetachedBuffer(buffer) is true, throw a TypeError exception.
    if is_detached_buffer(agent, buffer) {
        return Err(
            agent.throw_type_error("Cannot construct a TypedArray on a detached buffer", gc)
        );
    }
    // 7. Let bufferByteLength be ArrayBufferByteLength(buffer, seq-cst).
    let buffer_byte_length = agent.buffer_record(buffer).data.len() as u64;
    let array_length = match new_length {
        // 8. If length is undefined and bufferIsFixedLength is false, then
        None if !buffer_is_fixed_length => {
            // a. If offset > bufferByteLength, throw a RangeError exception.
            if offset > buffer_byte_length {
                return Err(
                    agent.throw_range_error("Start offset is outside the bounds of the buffer", gc)
                );
            }
            // b. Set O.[[ByteLength]] to auto. c. Set O.[[ArrayLength]] to auto.
            None
        }
        // 9. Else,
        //    a. If length is undefined, then
        None => {
            // i. If bufferByteLength modulo elementSize ≠ 0, throw a RangeError exception.
            if !buffer_byte_length.is_multiple_of(element_size) {
                return Err(agent.throw_range_error(
                    &format!(
                        "Byte length of {} should be a multiple of {element_size}",
                        element_type.name()
                    ),
                    gc,
                ));
            }
            // ii. Let newByteLength be bufferByteLength - offset.
            // iii. If newByteLength < 0, throw a RangeError exception.
            if offset > buffer_byte_length {
                return Err(
                    agent.throw_range_error("Start offset is outside the bounds of the buffer", gc)
                );
            }
            // c. Set O.[[ByteLength]] to newByteLength. d. Set O.[[ArrayLength]] to newByteLength / elementSize.
            Some(((buffer_byte_length - offset) / element_size) as usize)
        }
        //    b. Else,
        Some(new_length) => {
            // i. Let newByteLength be newLength × elementSize.
            // ii. If offset + newByteLength > bufferByteLength, throw a RangeError exception.
            let new_byte_length = new_length.saturating_mul(element_size);
            if offset.saturating_add(new_byte_length) > buffer_byte_length {
                return Err(agent
                    .throw_range_error(&format!("Invalid typed array length: {new_length}"), gc));
            }
            Some(new_length as usize)
        }
    };
    // 10. Set O.[[ViewedArrayBuffer]] to buffer. 11. Set O.[[ByteOffset]] to offset.
    let record = TypedArrayRecord {
        buffer: buffer.unbind(),
        element_type,
        byte_offset: offset as usize,
        array_length,
    };
    Ok(typed_array_create(agent, prototype.get(agent), record, gc))
}

/// Step 6.b.iv of [23.2.5.1 TypedArray](https://tc39.es/ecma262/#sec-typedarray): an
/// iterable object (InitializeTypedArrayFromList) or an array-like one
/// ([23.2.5.1.5 InitializeTypedArrayFromArrayLike](https://tc39.es/ecma262/#sec-initializetypedarrayfromarraylike)).
fn initialize_from_object<'gc, 's>(
    agent: &mut Agent,
    element_type: ElementType,
    prototype: Scoped<'s, Object<'static>>,
    first: Scoped<'s, Object<'static>>,
    mut gc: GcScope<'gc, 's>,
) -> JsResult<'gc, Object<'gc>> {
    // 1. Assert: firstArgument is an Object and does not have either a [[TypedArrayName]] or an
    //    [[ArrayBufferData]] internal slot.
    // 2. Let usingIterator be ? GetMethod(firstArgument, @@iterator).
    let using_iterator = get_method(
        agent,
        first.get(agent).into(),
        WellKnownSymbol::Iterator.key(),
        gc.reborrow(),
    )?
    .map(|m| m.unbind());
    // 3. If usingIterator is not undefined, then
    if let Some(method) = using_iterator {
        // a. Let values be ? IteratorToList(? GetIteratorFromMethod(firstArgument, usingIterator)).
        let values = iterate_to_scoped_list(agent, first.get(agent).into(), method, gc.reborrow())?;
        // b. Perform ? InitializeTypedArrayFromList(O, values).
        // 23.2.5.1.4 InitializeTypedArrayFromList ( O, values )
        // 1. Let len be the number of elements in values.
        // 2. Perform ? AllocateTypedArrayBuffer(O, len).
        let o = allocate_with_buffer(
            agent,
            element_type,
            prototype.get(agent),
            values.len() as u64,
            gc.reborrow(),
        )?
        .unbind()
        .scope(agent, gc.nogc());
        // 3-4. For each k < len: let kValue be the first element of values; perform
        //      ? Set(O, Pk, kValue, true).
        for (k, value) in values.iter().enumerate() {
            typed_array_set_element(
                agent,
                o.get(agent),
                k as f64,
                value.get(agent),
                gc.reborrow(),
            )?;
        }
        // 6. Return unused.
        return Ok(o.get(agent).bind(gc.into_nogc()));
    }
    // 4. Else,
    //    a. NOTE: firstArgument is not an Iterable so assume it is already an array-like object.
    //    b. Perform ? InitializeTypedArrayFromArrayLike(O, firstArgument).
    // 23.2.5.1.5 InitializeTypedArrayFromArrayLike ( O, arrayLike )
    // 1. Let len be ? LengthOfArrayLike(arrayLike).
    let len = length_of_array_like(agent, first.get(agent), gc.reborrow())?;
    // 2. Perform ? AllocateTypedArrayBuffer(O, len).
    let o = allocate_with_buffer(
        agent,
        element_type,
        prototype.get(agent),
        len,
        gc.reborrow(),
    )?
    .unbind()
    .scope(agent, gc.nogc());
    // 3-4. For each k < len: let kValue be ? Get(arrayLike, Pk); perform ? Set(O, Pk, kValue, true).
    for k in 0..len {
        let value = crate::ecmascript::builtins::array::get_index(
            agent,
            first.get(agent),
            k,
            gc.reborrow(),
        )?
        .unbind();
        typed_array_set_element(agent, o.get(agent), k as f64, value, gc.reborrow())?;
    }
    // 5. Return unused.
    Ok(o.get(agent).bind(gc.into_nogc()))
}

/// IteratorToList(? GetIteratorFromMethod(obj, method)), each value parked
/// on the scoped-root stack.
fn iterate_to_scoped_list<'s>(
    agent: &mut Agent,
    obj: Value,
    method: Value,
    mut gc: GcScope<'_, 's>,
) -> JsResult<'static, Vec<Scoped<'s, Value<'static>>>> {
    let (iterator, next) = get_iterator_from_method(agent, obj, method, gc.reborrow())?;
    let (iterator, next) = (iterator.unbind(), next.unbind());
    let iterator = iterator.unbind().scope(agent, gc.nogc());
    let next = next.unbind().scope(agent, gc.nogc());
    let mut values = Vec::new();
    while let Some(value) =
        iterator_step_value(agent, iterator.get(agent), next.get(agent), gc.reborrow())?
    {
        let value = value.unbind();
        values.push(value.scope(agent, gc.nogc()));
    }
    Ok(values)
}

/// ### [23.2.4.2 TypedArrayCreateFromConstructor ( constructor, argumentList )](https://tc39.es/ecma262/#sec-typedarraycreatefromconstructor)
pub(crate) fn typed_array_create_from_constructor<'gc>(
    agent: &mut Agent,
    constructor: Object,
    args: &[Value],
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    let requested = match args {
        [n] if n.is_number() => Some(agent.number_value(*n)),
        _ => None,
    };
    // 1. Let newTypedArray be ? Construct(constructor, argumentList).
    let new = construct(agent, constructor, ArgumentsList(args), None, gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    let new = new.bind(gc);
    // 2. Let taRecord be ? ValidateTypedArray(newTypedArray, seq-cst).
    let (_, length) = validate_typed_array(agent, new.into(), gc)?;
    // 3. If the number of elements in argumentList is 1 and argumentList[0] is a Number, then
    //    a. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
    //    b. Let length be TypedArrayLength(taRecord).
    //    c. If length < ℝ(argumentList[0]), throw a TypeError exception.
    if let Some(requested) = requested
        && (length as f64) < requested
    {
        return Err(agent.throw_type_error(
            "Derived TypedArray constructor created an array which was too small",
            gc,
        ));
    }
    // 4. Return newTypedArray.
    Ok(new)
}

/// ### [23.2.4.1 TypedArraySpeciesCreate ( exemplar, argumentList )](https://tc39.es/ecma262/#sec-typedarray-species-create)
pub(crate) fn typed_array_species_create<'gc>(
    agent: &mut Agent,
    exemplar: Object,
    args: &[Value],
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    let args: Vec<Scoped<Value>> = args
        .iter()
        .map(|v| v.bind(gc.nogc()).scope(agent, gc.nogc()))
        .collect();
    let exemplar_type = super::element_type_of(agent, exemplar).expect("TypedArray exemplar");
    // 1. Let defaultConstructor be the intrinsic object associated with the constructor name
    //    exemplar.[[TypedArrayName]] in Table 71.
    // 2. Let constructor be ? SpeciesConstructor(exemplar, defaultConstructor).
    let constructor =
        species_constructor(agent, exemplar, exemplar_type.constructor(), gc.reborrow())?.unbind();
    // 3. Let result be ? TypedArrayCreateFromConstructor(constructor, argumentList).
    let args: Vec<Value> = args.iter().map(|v| v.get(agent)).collect();
    let result =
        typed_array_create_from_constructor(agent, constructor, &args, gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    let result = result.bind(gc);
    // 4. Assert: result has [[TypedArrayName]] and [[ContentType]] internal slots.
    // 5. If result.[[ContentType]] is not exemplar.[[ContentType]], throw a TypeError exception.
    let result_type = super::element_type_of(agent, result).expect("validated");
    if result_type.is_bigint() != exemplar_type.is_bigint() {
        return Err(agent.throw_type_error(
            "TypedArray species constructor returned an array of a different content type",
            gc,
        ));
    }
    // 6. Return result.
    Ok(result)
}

/// ### [23.2.4.3 TypedArrayCreateSameType ( exemplar, argumentList )](https://tc39.es/ecma262/#sec-typedarray-create-same-type)
pub(crate) fn typed_array_create_same_type<'gc>(
    agent: &mut Agent,
    exemplar_type: ElementType,
    length: usize,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    // 1. Let constructor be the intrinsic object associated with the constructor name
    //    exemplar.[[TypedArrayName]] in Table 71.
    // 2. Let result be ? TypedArrayCreateFromConstructor(constructor, argumentList).
    // (The intrinsic constructor makes a TypedArray of exactly the requested length.)
    let prototype = agent.intrinsic(exemplar_type.prototype());
    allocate_with_buffer(agent, exemplar_type, prototype, length as u64, gc)
}

/// ### [23.2.2.1 %TypedArray%.from ( source [ , mapper [ , thisArg ] ] )](https://tc39.es/ecma262/#sec-%typedarray%.from)
fn from<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let source = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    let mapper = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    let this_arg = args.get(2).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let C be the this value.
    // 2. If IsConstructor(C) is false, throw a TypeError exception.
    let c = match this {
        Value::Object(c) if c.is_constructor(agent) => c.bind(gc.nogc()).scope(agent, gc.nogc()),
        _ => {
            return Err(agent
                .throw_type_error("TypedArray.from: this is not a constructor", gc.into_nogc()));
        }
    };
    // 3. If mapper is undefined, let mapping be false.
    // 4. Else, if IsCallable(mapper) is false, throw a TypeError exception; let mapping be true.
    let mapping = !mapper.get(agent).is_undefined();
    if mapping && !is_callable(agent, mapper.get(agent)) {
        return Err(agent.throw_type_error(
            "TypedArray.from: the mapper is not callable",
            gc.into_nogc(),
        ));
    }
    // 5. Let usingIterator be ? GetMethod(source, @@iterator).
    let using_iterator = get_method(
        agent,
        source.get(agent),
        WellKnownSymbol::Iterator.key(),
        gc.reborrow(),
    )?
    .map(|m| m.unbind());
    // 6. If usingIterator is not undefined, then
    let (values, len, array_like) = if let Some(method) = using_iterator {
        // a. Let values be ? IteratorToList(? GetIteratorFromMethod(source, usingIterator)).
        let values = iterate_to_scoped_list(agent, source.get(agent), method, gc.reborrow())?;
        // b. Let len be the number of elements in values.
        let len = values.len() as u64;
        (Some(values), len, None)
    } else {
        // 7. NOTE: source is not an Iterable so assume it is already an array-like object.
        // 8. Let arrayLike be ! ToObject(source).
        let array_like = to_object(agent, source.get(agent), gc.nogc())?
            .unbind()
            .scope(agent, gc.nogc());
        // 9. Let len be ? LengthOfArrayLike(arrayLike).
        let len = length_of_array_like(agent, array_like.get(agent), gc.reborrow())?;
        (None, len, Some(array_like))
    };
    // 6.c / 10. Let targetObj be ? TypedArrayCreateFromConstructor(C, « 𝔽(len) »).
    let len_value = agent.number(len as f64, gc.nogc()).unbind();
    let target =
        typed_array_create_from_constructor(agent, c.get(agent), &[len_value], gc.reborrow())?
            .unbind()
            .scope(agent, gc.nogc());
    // 6.d-e / 11-12. Let k be 0; repeat, while k < len,
    for k in 0..len {
        // a. Let Pk be ! ToString(𝔽(k)).
        // b. Let kValue be the first element of values / ? Get(arrayLike, Pk).
        let k_value = match (&values, array_like) {
            (Some(values), _) => values[k as usize].get(agent),
            (None, Some(array_like)) => crate::ecmascript::builtins::array::get_index(
                agent,
                array_like.get(agent),
                k,
                gc.reborrow(),
            )?
            .unbind(),
            (None, None) => unreachable!("either a list or an array-like"),
        };
        // c. If mapping is true, let mappedValue be ? Call(mapper, thisArg, « kValue, 𝔽(k) »).
        // d. Else, let mappedValue be kValue.
        let mapped = if mapping {
            let k_number = agent.number(k as f64, gc.nogc()).unbind();
            call_function(
                agent,
                mapper.get(agent),
                this_arg.get(agent),
                ArgumentsList(&[k_value, k_number]),
                gc.reborrow(),
            )?
            .unbind()
        } else {
            k_value
        };
        // e. Perform ? Set(targetObj, Pk, mappedValue, true).
        let key = crate::ecmascript::types::PropertyKey::Index(k as u32);
        crate::ecmascript::abstract_operations::set(
            agent,
            target.get(agent),
            key,
            mapped,
            true,
            gc.reborrow(),
        )?;
    }
    // f. / 13. Return targetObj.
    Ok(target.get(agent).bind(gc.into_nogc()).into())
}

/// ### [23.2.2.2 %TypedArray%.of ( ...items )](https://tc39.es/ecma262/#sec-%typedarray%.of)
fn of<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let items: Vec<Scoped<Value>> = args
        .as_slice()
        .iter()
        .map(|v| v.bind(gc.nogc()).scope(agent, gc.nogc()))
        .collect();
    // 1. Let len be the number of elements in items.
    let len = items.len();
    // 2. Let C be the this value.
    // 3. If IsConstructor(C) is false, throw a TypeError exception.
    let c = match this {
        Value::Object(c) if c.is_constructor(agent) => c.bind(gc.nogc()),
        _ => {
            return Err(
                agent.throw_type_error("TypedArray.of: this is not a constructor", gc.into_nogc())
            );
        }
    };
    // 4. Let newObj be ? TypedArrayCreateFromConstructor(C, « 𝔽(len) »).
    let new = typed_array_create_from_constructor(
        agent,
        c.unbind(),
        &[Value::from_u32(len as u32)],
        gc.reborrow(),
    )?
    .unbind()
    .scope(agent, gc.nogc());
    // 5-6. For each k < len: let kValue be items[k]; perform ? Set(newObj, Pk, kValue, true).
    for (k, item) in items.iter().enumerate() {
        crate::ecmascript::abstract_operations::set(
            agent,
            new.get(agent),
            crate::ecmascript::types::PropertyKey::Index(k as u32),
            item.get(agent),
            true,
            gc.reborrow(),
        )?;
    }
    // 7. Return newObj.
    Ok(new.get(agent).bind(gc.into_nogc()).into())
}

/// Reads `this` as a TypedArray object (for the prototype methods).
pub(crate) fn this_typed_array<'gc>(
    agent: &mut Agent,
    this: Value,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, (Object<'gc>, TypedArrayRecord, usize)> {
    let (record, length) = validate_typed_array(agent, this, gc)?;
    Ok((
        this.as_object().expect("validated").bind(gc),
        record,
        length,
    ))
}
