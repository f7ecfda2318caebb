//! ### [23.1.1 The Array Constructor](https://tc39.es/ecma262/#sec-array-constructor) and
//! [23.1.2 Properties of the Array Constructor](https://tc39.es/ecma262/#sec-properties-of-the-array-constructor)

use super::abstract_operations::array_create;
use super::array_like::{MAX_SAFE_LENGTH, create_index, get_index, length_value, set_length};
use crate::ecmascript::abstract_operations::{
    call_function, construct, create_data_property_or_throw, get_iterator_from_method, get_method,
    get_prototype_from_constructor, is_array, is_callable, is_constructor, iterator_close_on_error,
    iterator_step_value, length_of_array_like, set, to_object,
};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::{Object, PropertyKey, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let prototype = agent.intrinsic(Intrinsic::ArrayPrototype);
    let constructor =
        agent.create_builtin_constructor("Array", 1, array_constructor, Some(prototype), None, gc);
    agent.set_intrinsic(Intrinsic::Array, constructor);
    agent.define_builtin_method(constructor, BuiltinName::Str("from"), 1, from, gc);
    agent.define_builtin_method(
        constructor,
        BuiltinName::Str("fromAsync"),
        1,
        from_async,
        gc,
    );
    agent.define_builtin_method(constructor, BuiltinName::Str("isArray"), 1, is_array_fn, gc);
    agent.define_builtin_method(constructor, BuiltinName::Str("of"), 0, of, gc);
    agent.define_builtin_accessor(
        constructor,
        BuiltinName::Symbol(WellKnownSymbol::Species),
        Some(get_species),
        None,
        gc,
    );
}

/// ### [23.1.1.1 Array ( ...values )](https://tc39.es/ecma262/#sec-array)
fn array_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    let new_target = new_target.bind(gc.nogc());
    // The arguments are parked while GetPrototypeFromConstructor may run code.
    let roots_start = agent.scoped_roots.len();
    for value in args.as_slice() {
        value.scope(agent, gc.nogc());
    }
    let count = args.len();
    // 1. If NewTarget is undefined, let newTarget be the active function object; else let
    //    newTarget be NewTarget.
    let new_target = new_target.unwrap_or_else(|| agent.intrinsic(Intrinsic::Array));
    // 2. Let proto be ? GetPrototypeFromConstructor(newTarget, "%Array.prototype%").
    let proto = get_prototype_from_constructor(
        agent,
        new_target.unbind(),
        Intrinsic::ArrayPrototype,
        gc.reborrow(),
    )?
    .unbind();
    let gc = gc.into_nogc();
    let proto = proto.bind(gc);
    let argument = |agent: &Agent, k: usize| match agent.scoped_roots[roots_start + k] {
        crate::ecmascript::execution::HeapRoot::Value(v) => v,
        _ => unreachable!("value root"),
    };
    // 3. Let numberOfArgs be the number of elements in values.
    // 4. If numberOfArgs = 0, then
    if count == 0 {
        // a. Return ! ArrayCreate(0, proto).
        return array_create(agent, 0, Some(proto), gc).map(Value::from);
    }
    // 5. Else if numberOfArgs = 1, then
    if count == 1 {
        // a. Let len be values[0].
        let len = argument(agent, 0).bind(gc);
        // b. Let array be ! ArrayCreate(0, proto).
        let array = array_create(agent, 0, Some(proto), gc)?;
        let int_len = if !len.is_number() {
            // c. If len is not a Number, then
            //    i. Perform ! CreateDataPropertyOrThrow(array, "0", len).
            //    ii. Let intLen be 1𝔽.
            let elements = array.elements_mut(agent);
            elements.dense.push(Some(len.unbind()));
            1
        } else {
            // d. Else,
            //    i. Let intLen be ! ToUint32(len).
            //    ii. If SameValueZero(intLen, len) is false, throw a RangeError exception.
            let number = agent.number_value(len);
            let int_len = crate::ecmascript::abstract_operations::f64_to_uint32(number);
            if f64::from(int_len) != number {
                return Err(agent.throw_range_error("Invalid array length", gc));
            }
            int_len
        };
        // e. Perform ! Set(array, "length", intLen, true).
        array.elements_mut(agent).length = int_len;
        // f. Return array.
        return Ok(array.into());
    }
    // 6. Else,
    // a. Assert: numberOfArgs ≥ 2.
    // b. Let array be ? ArrayCreate(numberOfArgs, proto).
    let array = array_create(agent, count as u64, Some(proto), gc)?;
    // c. Let k be 0.
    // d. Repeat, while k < numberOfArgs,
    //    i. Let Pk be ! ToString(𝔽(k)).
    //    ii. Let itemK be values[k].
    //    iii. Perform ! CreateDataPropertyOrThrow(array, Pk, itemK).
    //    iv. Set k to k + 1.
    let values: Vec<Option<Value<'static>>> =
        (0..count).map(|k| Some(argument(agent, k))).collect();
    array.elements_mut(agent).dense = values;
    // e. Assert: The mathematical value of array's "length" property is numberOfArgs.
    // f. Return array.
    Ok(array.into())
}

/// ### [23.1.2.1 Array.from ( items [ , mapper [ , thisArg ] ] )](https://tc39.es/ecma262/#sec-array.from)
fn from<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let items = args.get(0).bind(gc.nogc());
    let mapper = args.get(1).bind(gc.nogc());
    let this_arg = args.get(2).bind(gc.nogc());
    // 1. Let C be the this value.
    let c = this.bind(gc.nogc());
    // 2. If mapper is undefined, then
    //    a. Let mapping be false.
    // 3. Else,
    //    a. If IsCallable(mapper) is false, throw a TypeError exception.
    //    b. Let mapping be true.
    let mapping = !mapper.is_undefined();
    if mapping && !is_callable(agent, mapper) {
        return Err(
            agent.throw_type_error("Array.from: the mapper is not a function", gc.into_nogc())
        );
    }
    let c = c.scope(agent, gc.nogc());
    let scoped_items = items.scope(agent, gc.nogc());
    let mapper = mapper.scope(agent, gc.nogc());
    let this_arg = this_arg.scope(agent, gc.nogc());
    // 4. Let usingIterator be ? GetMethod(items, %Symbol.iterator%).
    let using_iterator = get_method(
        agent,
        items.unbind(),
        WellKnownSymbol::Iterator.key(),
        gc.reborrow(),
    )?
    .unbind();
    // 5. If usingIterator is not undefined, then
    if let Some(using_iterator) = using_iterator {
        let using_iterator = using_iterator.scope(agent, gc.nogc());
        // a. If IsConstructor(C) is true, then
        let a = if let Value::Object(constructor) = c.get(agent)
            && is_constructor(agent, constructor.into())
        {
            // i. Let A be ? Construct(C).
            construct(
                agent,
                constructor,
                ArgumentsList::EMPTY,
                None,
                gc.reborrow(),
            )?
            .unbind()
        } else {
            // b. Else,
            //    i. Let A be ! ArrayCreate(0).
            array_create(agent, 0, None, gc.nogc())?.unbind()
        };
        let a = a.scope(agent, gc.nogc());
        // c. Let iteratorRecord be ? GetIteratorFromMethod(items, usingIterator).
        let (iterator, next_method) = get_iterator_from_method(
            agent,
            scoped_items.get(agent),
            using_iterator.get(agent),
            gc.reborrow(),
        )?;
        let (iterator, next_method) = (iterator.unbind(), next_method.unbind());
        let iterator = iterator.scope(agent, gc.nogc());
        let next_method = next_method.scope(agent, gc.nogc());
        // d. Let k be 0.
        let mut k: u64 = 0;
        // e. Repeat,
        loop {
            // i. If k ≥ 2^53 - 1, then
            if k >= MAX_SAFE_LENGTH {
                // 1. Let error be ThrowCompletion(a newly created TypeError object).
                let error = agent.throw_type_error("Array.from: too many elements", gc.nogc());
                // 2. Return ? IteratorClose(iteratorRecord, error).
                return Err(iterator_close_on_error(
                    agent,
                    iterator.get(agent),
                    error,
                    gc.reborrow(),
                ));
            }
            // ii. Let Pk be ! ToString(𝔽(k)).
            // iii. Let next be ? IteratorStepValue(iteratorRecord).
            let next = iterator_step_value(
                agent,
                iterator.get(agent),
                next_method.get(agent),
                gc.reborrow(),
            )?
            .unbind();
            // iv. If next is done, then
            let Some(next) = next else {
                // 1. Perform ? Set(A, "length", 𝔽(k), true).
                set_length(agent, a.get(agent), k, gc.reborrow())?;
                // 2. Return A.
                return Ok(a.get(agent).bind(gc.into_nogc()).into());
            };
            // v. If mapping is true, then
            let mapped_value = if mapping {
                // 1. Let mappedValue be Completion(Call(mapper, thisArg, « next, 𝔽(k) »)).
                let k_value = length_value(agent, k, gc.nogc()).unbind();
                match call_function(
                    agent,
                    mapper.get(agent),
                    this_arg.get(agent),
                    ArgumentsList(&[next, k_value]),
                    gc.reborrow(),
                ) {
                    Ok(value) => value.unbind(),
                    // 2. IfAbruptCloseIterator(mappedValue, iteratorRecord).
                    Err(error) => {
                        return Err(iterator_close_on_error(
                            agent,
                            iterator.get(agent),
                            error,
                            gc.reborrow(),
                        ));
                    }
                }
            } else {
                // vi. Else,
                //     1. Let mappedValue be next.
                next
            };
            // vii. Let defineStatus be Completion(CreateDataPropertyOrThrow(A, Pk, mappedValue)).
            // viii. IfAbruptCloseIterator(defineStatus, iteratorRecord).
            if let Err(error) = create_index(agent, a.get(agent), k, mapped_value, gc.reborrow()) {
                return Err(iterator_close_on_error(
                    agent,
                    iterator.get(agent),
                    error,
                    gc.reborrow(),
                ));
            }
            // ix. Set k to k + 1.
            k += 1;
        }
    }
    // 6. NOTE: items is not iterable so assume it is an array-like object.
    // 7. Let arrayLike be ! ToObject(items).
    let array_like = to_object(agent, scoped_items.get(agent), gc.nogc())?;
    let array_like = array_like.scope(agent, gc.nogc());
    // 8. Let len be ? LengthOfArrayLike(arrayLike).
    let len = length_of_array_like(agent, array_like.get(agent), gc.reborrow())?;
    // 9. If IsConstructor(C) is true, then
    let a = if let Value::Object(constructor) = c.get(agent)
        && is_constructor(agent, constructor.into())
    {
        // a. Let A be ? Construct(C, « 𝔽(len) »).
        let len_value = length_value(agent, len, gc.nogc()).unbind();
        construct(
            agent,
            constructor,
            ArgumentsList(&[len_value]),
            None,
            gc.reborrow(),
        )?
        .unbind()
    } else {
        // 10. Else,
        //     a. Let A be ? ArrayCreate(len).
        array_create(agent, len, None, gc.nogc())?.unbind()
    };
    let a = a.scope(agent, gc.nogc());
    // 11. Let k be 0.
    // 12. Repeat, while k < len,
    for k in 0..len {
        // a. Let Pk be ! ToString(𝔽(k)).
        // b. Let kValue be ? Get(arrayLike, Pk).
        let k_value = get_index(agent, array_like.get(agent), k, gc.reborrow())?.unbind();
        // c. If mapping is true, then
        let mapped_value = if mapping {
            // i. Let mappedValue be ? Call(mapper, thisArg, « kValue, 𝔽(k) »).
            let k_number = length_value(agent, k, gc.nogc()).unbind();
            call_function(
                agent,
                mapper.get(agent),
                this_arg.get(agent),
                ArgumentsList(&[k_value, k_number]),
                gc.reborrow(),
            )?
            .unbind()
        } else {
            // d. Else,
            //    i. Let mappedValue be kValue.
            k_value
        };
        // e. Perform ? CreateDataPropertyOrThrow(A, Pk, mappedValue).
        create_index(agent, a.get(agent), k, mapped_value, gc.reborrow())?;
        // f. Set k to k + 1.
    }
    // 13. Perform ? Set(A, "length", 𝔽(len), true).
    set_length(agent, a.get(agent), len, gc.reborrow())?;
    // 14. Return A.
    Ok(a.get(agent).bind(gc.into_nogc()).into())
}

/// ### [Array.fromAsync ( asyncItems [ , mapper [ , thisArg ] ] )](https://tc39.es/proposal-array-from-async/#sec-array.fromAsync)
///
/// Needs Promises, which are not available yet.
fn from_async<'gc>(
    agent: &mut Agent,
    _this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    Err(agent.throw_type_error("Array.fromAsync is not supported yet", gc.into_nogc()))
}

/// ### [23.1.2.2 Array.isArray ( arg )](https://tc39.es/ecma262/#sec-array.isarray)
fn is_array_fn<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1. Return ? IsArray(arg).
    is_array(agent, args.get(0).bind(gc), gc).map(Value::Boolean)
}

/// ### [23.1.2.3 Array.of ( ...items )](https://tc39.es/ecma262/#sec-array.of)
fn of<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    // 1. Let len be the number of elements in items.
    let len = args.len();
    // 2. Let lenNumber be 𝔽(len).
    let len_number = length_value(agent, len as u64, gc.nogc());
    // 3. Let C be the this value.
    let c = this.bind(gc.nogc());
    // The items are parked while the constructor may run code.
    let items_start = agent.scoped_roots.len();
    for value in args.as_slice() {
        value.scope(agent, gc.nogc());
    }
    // 4. If IsConstructor(C) is true, then
    let a = if let Value::Object(constructor) = c
        && is_constructor(agent, c)
    {
        // a. Let A be ? Construct(C, « lenNumber »).
        construct(
            agent,
            constructor.unbind(),
            ArgumentsList(&[len_number.unbind()]),
            None,
            gc.reborrow(),
        )?
        .unbind()
    } else {
        // 5. Else,
        //    a. Let A be ? ArrayCreate(len).
        array_create(agent, len as u64, None, gc.nogc())?.unbind()
    };
    let a = a.scope(agent, gc.nogc());
    // 6. Let k be 0.
    // 7. Repeat, while k < len,
    for k in 0..len {
        // a. Let kValue be items[k].
        let crate::ecmascript::execution::HeapRoot::Value(k_value) =
            agent.scoped_roots[items_start + k]
        else {
            unreachable!("value root")
        };
        // b. Let Pk be ! ToString(𝔽(k)).
        // c. Perform ? CreateDataPropertyOrThrow(A, Pk, kValue).
        create_data_property_or_throw(
            agent,
            a.get(agent),
            PropertyKey::Index(k as u32),
            k_value,
            gc.reborrow(),
        )?;
        // d. Set k to k + 1.
    }
    // 8. Perform ? Set(A, "length", lenNumber, true).
    let len_number = length_value(agent, len as u64, gc.nogc()).unbind();
    let length_key = PropertyKey::from_static_str("length").expect("short key");
    set(
        agent,
        a.get(agent),
        length_key,
        len_number,
        true,
        gc.reborrow(),
    )?;
    // 9. Return A.
    Ok(a.get(agent).bind(gc.into_nogc()).into())
}

/// ### [23.1.2.5 get Array [ %Symbol.species% ]](https://tc39.es/ecma262/#sec-get-array-%symbol.species%)
fn get_species<'gc>(
    _agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return the this value.
    Ok(this.bind(gc.into_nogc()))
}
