//! ### [10.4.2 Array Exotic Objects](https://tc39.es/ecma262/#sec-array-exotic-objects): creating arrays,
//! and the abstract operations the Array methods share.

use super::array_like::length_value;
use crate::ecmascript::abstract_operations::{
    construct, get, get_function_realm, is_array, is_constructor, to_boolean,
};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{ElementsRecord, ObjectKind};
use crate::ecmascript::types::{Object, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// ### [10.4.2.2 ArrayCreate ( length [ , proto ] )](https://tc39.es/ecma262/#sec-arraycreate)
///
/// The elements are stored lazily, so a large `length` allocates nothing.
pub(crate) fn array_create<'a>(
    agent: &mut Agent,
    length: u64,
    proto: Option<Object>,
    gc: NoGcScope<'a, '_>,
) -> JsResult<'a, Object<'a>> {
    // 1. If length > 2^32 - 1, throw a RangeError exception.
    if length > u64::from(u32::MAX) {
        return Err(agent.throw_range_error("Invalid array length", gc));
    }
    // 2. If proto is not present, set proto to %Array.prototype%.
    let proto = proto
        .map(|p| p.unbind())
        .unwrap_or_else(|| agent.intrinsic(Intrinsic::ArrayPrototype));
    // 3. Let A be MakeBasicObject(« [[Prototype]], [[Extensible]] »).
    // 4. Set A.[[Prototype]] to proto.
    // 5. Set A.[[DefineOwnProperty]] as specified in 10.4.2.1.
    let array = agent.create_object(Some(proto), ObjectKind::Array, gc);
    // 6. Perform ! OrdinaryDefineOwnProperty(A, "length", PropertyDescriptor { [[Value]]:
    //    𝔽(length), [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: false }).
    array.set_elements(
        agent,
        ElementsRecord {
            length: length as u32,
            ..Default::default()
        },
    );
    // 7. Return A.
    Ok(array)
}

/// ### [10.4.2.3 ArraySpeciesCreate ( originalArray, length )](https://tc39.es/ecma262/#sec-arrayspeciescreate)
pub(crate) fn array_species_create<'gc>(
    agent: &mut Agent,
    original_array: Object,
    length: u64,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    let original_array = original_array.bind(gc.nogc());
    // 1. Let isArray be ? IsArray(originalArray).
    let is_array = is_array(agent, original_array.into(), gc.nogc())?;
    // 2. If isArray is false, return ? ArrayCreate(length).
    if !is_array {
        return array_create(agent, length, None, gc.into_nogc());
    }
    // 3. Let C be ? Get(originalArray, "constructor").
    let constructor_key = agent.static_key("constructor");
    let mut c = get(
        agent,
        original_array.unbind(),
        constructor_key,
        gc.reborrow(),
    )?
    .unbind()
    .bind(gc.nogc());
    // 4. If IsConstructor(C) is true, then
    if let Value::Object(constructor) = c
        && constructor.is_constructor(agent)
    {
        // a. Let thisRealm be the current Realm Record.
        let this_realm = agent.current_realm_id();
        // b. Let realmC be ? GetFunctionRealm(C).
        let realm_c = get_function_realm(agent, constructor);
        // c. If thisRealm and realmC are not the same Realm Record, then
        //    i. If SameValue(C, realmC.[[Intrinsics]].[[%Array%]]) is true, set C to undefined.
        if this_realm != realm_c
            && agent.realms[realm_c.0 as usize].intrinsics[Intrinsic::Array as usize]
                == Some(constructor.unbind())
        {
            c = Value::Undefined;
        }
    }
    // 5. If C is an Object, then
    if let Value::Object(constructor) = c {
        // a. Set C to ? Get(C, %Symbol.species%).
        c = get(
            agent,
            constructor.unbind(),
            WellKnownSymbol::Species.key(),
            gc.reborrow(),
        )?
        .unbind()
        .bind(gc.nogc());
        // b. If C is null, set C to undefined.
        if c.is_null() {
            c = Value::Undefined;
        }
    }
    // 6. If C is undefined, return ? ArrayCreate(length).
    if c.is_undefined() {
        return array_create(agent, length, None, gc.into_nogc());
    }
    // 7. If IsConstructor(C) is false, throw a TypeError exception.
    let Value::Object(constructor) = c else {
        return Err(agent.throw_type_error(
            "Array species constructor is not a constructor",
            gc.into_nogc(),
        ));
    };
    if !is_constructor(agent, c) {
        return Err(agent.throw_type_error(
            "Array species constructor is not a constructor",
            gc.into_nogc(),
        ));
    }
    // 8. Return ? Construct(C, « 𝔽(length) »).
    let length = length_value(agent, length, gc.nogc());
    construct(
        agent,
        constructor.unbind(),
        ArgumentsList(&[length.unbind()]),
        None,
        gc,
    )
}

/// ### [23.1.3.2.1 IsConcatSpreadable ( O )](https://tc39.es/ecma262/#sec-isconcatspreadable)
pub(crate) fn is_concat_spreadable<'gc>(
    agent: &mut Agent,
    o: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    // 1. If O is not an Object, return false.
    let Value::Object(object) = o.bind(gc.nogc()) else {
        return Ok(false);
    };
    let scoped = object.scope(agent, gc.nogc());
    // 2. Let spreadable be ? Get(O, %Symbol.isConcatSpreadable%).
    let spreadable = get(
        agent,
        object.unbind(),
        WellKnownSymbol::IsConcatSpreadable.key(),
        gc.reborrow(),
    )?
    .unbind();
    // 3. If spreadable is not undefined, return ToBoolean(spreadable).
    if !spreadable.is_undefined() {
        return Ok(to_boolean(agent, spreadable));
    }
    // 4. Return ? IsArray(O).
    is_array(agent, scoped.get(agent).into(), gc.into_nogc())
}
