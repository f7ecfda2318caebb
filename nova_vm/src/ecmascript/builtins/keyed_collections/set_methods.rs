//! The methods of %Set.prototype% that combine a Set with a set-like object:
//! [24.2.1.2 GetSetRecord](https://tc39.es/ecma262/#sec-getsetrecord) and
//! union, intersection, difference, symmetricDifference, isSubsetOf,
//! isSupersetOf and isDisjointFrom.
//!
//! The result of union, intersection, difference and symmetricDifference is a
//! new Set created before any user code runs (creating it is not observable),
//! so that `resultSetData` lives in the heap and is rooted through the Set.

use super::collection_ops::canonicalize_keyed_collection_key;
use super::map_data::{IterationKind, MapData, MapDataRecord};
use super::set_prototype::this_set_data;
use crate::ecmascript::abstract_operations::{
    call_function, get, get_iterator_from_method, is_callable, iterator_close, iterator_step_value,
    to_boolean, to_number,
};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable, Scoped};

/// Defines union, intersection, ... on %Set.prototype%.
pub(super) fn initialize(agent: &mut Agent, prototype: Object, gc: NoGcScope) {
    agent.define_builtin_method(prototype, BuiltinName::Str("difference"), 1, difference, gc);
    agent.define_builtin_method(
        prototype,
        BuiltinName::Str("intersection"),
        1,
        intersection,
        gc,
    );
    agent.define_builtin_method(
        prototype,
        BuiltinName::Str("isDisjointFrom"),
        1,
        is_disjoint_from,
        gc,
    );
    agent.define_builtin_method(
        prototype,
        BuiltinName::Str("isSubsetOf"),
        1,
        is_subset_of,
        gc,
    );
    agent.define_builtin_method(
        prototype,
        BuiltinName::Str("isSupersetOf"),
        1,
        is_superset_of,
        gc,
    );
    agent.define_builtin_method(
        prototype,
        BuiltinName::Str("symmetricDifference"),
        1,
        symmetric_difference,
        gc,
    );
    agent.define_builtin_method(prototype, BuiltinName::Str("union"), 1, union, gc);
}

/// ### [24.2.1.1 Set Records](https://tc39.es/ecma262/#sec-set-records), with its fields rooted.
struct SetRecord<'s> {
    /// `[[SetObject]]`
    set_object: Scoped<'s, Object<'static>>,
    /// `[[Size]]` (a non-negative integer or +∞)
    size: f64,
    /// `[[Has]]`
    has: Scoped<'s, Value<'static>>,
    /// `[[Keys]]`
    keys: Scoped<'s, Value<'static>>,
}

/// ### [24.2.1.2 GetSetRecord ( obj )](https://tc39.es/ecma262/#sec-getsetrecord)
fn get_set_record<'s>(
    agent: &mut Agent,
    obj: Value,
    mut gc: GcScope<'_, 's>,
) -> JsResult<'static, SetRecord<'s>> {
    // 1. If obj is not an Object, throw a TypeError exception.
    let Value::Object(obj) = obj else {
        return Err(agent.throw_type_error("Set method argument is not an object", gc.into_nogc()));
    };
    let obj = obj.bind(gc.nogc()).scope(agent, gc.nogc());
    // 2. Let rawSize be ? Get(obj, "size").
    let size_key = agent.static_key("size");
    let raw_size = get(agent, obj.get(agent), size_key, gc.reborrow())?.unbind();
    // 3. Let numSize be ? ToNumber(rawSize).
    let num_size = to_number(agent, raw_size, gc.reborrow())?;
    // 4. NOTE: If rawSize is undefined, then numSize will be NaN.
    // 5. If numSize is NaN, throw a TypeError exception.
    if num_size.is_nan() {
        return Err(agent.throw_type_error(
            "The size of a set-like object is not a number",
            gc.into_nogc(),
        ));
    }
    // 6. Let intSize be ! ToIntegerOrInfinity(numSize).
    let int_size = crate::ecmascript::abstract_operations::integer_or_infinity(num_size);
    // 7. If intSize < 0, throw a RangeError exception.
    if int_size < 0.0 {
        return Err(
            agent.throw_range_error("The size of a set-like object is negative", gc.into_nogc())
        );
    }
    // 8. Let has be ? Get(obj, "has").
    let has_key = agent.static_key("has");
    let has = get(agent, obj.get(agent), has_key, gc.reborrow())?.unbind();
    // 9. If IsCallable(has) is false, throw a TypeError exception.
    if !is_callable(agent, has) {
        return Err(agent.throw_type_error(
            "The has method of a set-like object is not callable",
            gc.into_nogc(),
        ));
    }
    let has = has.scope(agent, gc.nogc());
    // 10. Let keys be ? Get(obj, "keys").
    let keys_key = agent.static_key("keys");
    let keys = get(agent, obj.get(agent), keys_key, gc.reborrow())?.unbind();
    // 11. If IsCallable(keys) is false, throw a TypeError exception.
    if !is_callable(agent, keys) {
        return Err(agent.throw_type_error(
            "The keys method of a set-like object is not callable",
            gc.into_nogc(),
        ));
    }
    let keys = keys.scope(agent, gc.nogc());
    // 12. Return a new Set Record { [[SetObject]]: obj, [[Size]]: intSize, [[Has]]: has, [[Keys]]: keys }.
    Ok(SetRecord {
        set_object: obj,
        size: int_size,
        has,
        keys,
    })
}

/// The `[[SetData]]` of the Set `set` (which was checked on entry).
fn set_data_of<'a>(
    agent: &Agent,
    set: Scoped<Object<'static>>,
    gc: NoGcScope<'a, '_>,
) -> MapData<'a> {
    match set.get(agent).kind(agent) {
        ObjectKind::Set(data) => data.bind(gc),
        // The object's kind never changes after creation.
        _ => unreachable!("a Set keeps its [[SetData]]"),
    }
}

/// A new Set with %Set.prototype% and the given elements (the `result` of the set methods).
fn create_result_set<'a>(
    agent: &mut Agent,
    record: MapDataRecord,
    gc: NoGcScope<'a, '_>,
) -> Object<'a> {
    // OrdinaryObjectCreate(%Set.prototype%, « [[SetData]] ») and set its [[SetData]].
    let prototype = agent.intrinsic(Intrinsic::SetPrototype);
    let data = agent.alloc_map_data(record);
    agent.create_object(Some(prototype), ObjectKind::Set(data), gc)
}

/// Appends `element` to the `[[SetData]]` of `set` unless SetDataHas says it is there.
fn append_if_absent(
    agent: &mut Agent,
    set: Scoped<Object<'static>>,
    element: Value,
    gc: NoGcScope,
) {
    let data = set_data_of(agent, set, gc);
    if !agent.map_data_has(data, element) {
        agent.map_data_set(data, element, Value::Undefined);
    }
}

/// A copy of a Set's elements (its ~empty~ elements left out: no iterator
/// observes the copy's positions).
fn copy_set_data(agent: &Agent, data: MapData) -> MapDataRecord {
    agent.map_data(data).compacted_copy()
}

/// ToBoolean(? Call(otherRec.[[Has]], otherRec.[[SetObject]], « e »)).
fn other_has(
    agent: &mut Agent,
    other: &SetRecord,
    element: Value,
    gc: GcScope,
) -> JsResult<'static, bool> {
    let result = call_function(
        agent,
        other.has.get(agent),
        other.set_object.get(agent).into(),
        ArgumentsList(&[element]),
        gc,
    )?
    .unbind();
    Ok(to_boolean(agent, result))
}

/// The Iterator Record of ? GetIteratorFromMethod(otherRec.[[SetObject]], otherRec.[[Keys]]), rooted.
fn other_keys_iterator<'s>(
    agent: &mut Agent,
    other: &SetRecord,
    mut gc: GcScope<'_, 's>,
) -> JsResult<'static, (Scoped<'s, Value<'static>>, Scoped<'s, Value<'static>>)> {
    let (iterator, next) = get_iterator_from_method(
        agent,
        other.set_object.get(agent).into(),
        other.keys.get(agent),
        gc.reborrow(),
    )?
    .unbind();
    Ok((
        iterator.scope(agent, gc.nogc()),
        next.scope(agent, gc.nogc()),
    ))
}

/// The next value of the keys iterator, canonicalized as a keyed-collection key.
fn next_key(
    agent: &mut Agent,
    keys: (Scoped<Value<'static>>, Scoped<Value<'static>>),
    canonicalize: bool,
    gc: GcScope,
) -> JsResult<'static, Option<Value<'static>>> {
    // Set next to ? IteratorStepValue(keysIter).
    let next = iterator_step_value(agent, keys.0.get(agent), keys.1.get(agent), gc)?.unbind();
    // If next is not done, then set next to CanonicalizeKeyedCollectionKey(next).
    Ok(next.map(|next| {
        if canonicalize {
            canonicalize_keyed_collection_key(agent, next)
        } else {
            next
        }
    }))
}

/// ### [24.2.4.5 Set.prototype.difference ( other )](https://tc39.es/ecma262/#sec-set.prototype.difference)
fn difference<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[SetData]]).
    this_set_data(agent, this, "difference", gc.nogc())?;
    let Value::Object(o) = this else {
        unreachable!("checked by RequireInternalSlot")
    };
    let o = o.bind(gc.nogc()).scope(agent, gc.nogc());
    // 3. Let otherRec be ? GetSetRecord(other).
    let other = get_set_record(agent, args.get(0), gc.reborrow())?;
    // 4. Let resultSetData be a copy of O.[[SetData]].
    let data = set_data_of(agent, o, gc.nogc());
    let copy = copy_set_data(agent, data);
    let result = create_result_set(agent, copy, gc.nogc()).scope(agent, gc.nogc());
    // 5. If SetDataSize(O.[[SetData]]) ≤ otherRec.[[Size]], then
    if f64::from(agent.map_data(data).size()) <= other.size {
        // a. Let thisSize be the number of elements in O.[[SetData]].
        // b. Let index be 0.
        // c. Repeat, while index < thisSize,
        //    (resultSetData is only changed here, at the current index, so a cursor over it visits
        //    exactly the elements of the copy.)
        let data = set_data_of(agent, result, gc.nogc());
        let cursor = agent
            .create_map_cursor(data, IterationKind::Value, None, gc.nogc())
            .scope(agent, gc.nogc());
        // i. Let e be resultSetData[index].
        // ii. If e is not empty, then
        while let Some((element, _)) = agent.map_cursor_step(cursor.get(agent)) {
            let element = element.scope(agent, gc.nogc());
            // 1. Let inOther be ToBoolean(? Call(otherRec.[[Has]], otherRec.[[SetObject]], « e »)).
            // 2. If inOther is true, then
            if other_has(agent, &other, element.get(agent), gc.reborrow())? {
                // a. Set resultSetData[index] to empty.
                let data = set_data_of(agent, result, gc.nogc());
                agent.map_data_delete(data, element.get(agent));
            }
            // iii. Set index to index + 1.
        }
    } else {
        // 6. Else,
        // a. Let keysIter be ? GetIteratorFromMethod(otherRec.[[SetObject]], otherRec.[[Keys]]).
        let keys = other_keys_iterator(agent, &other, gc.reborrow())?;
        // b. Let next be not-started.
        // c. Repeat, while next is not done,
        //    i. Set next to ? IteratorStepValue(keysIter).
        //    ii. If next is not done, then
        //        1. Set next to CanonicalizeKeyedCollectionKey(next).
        while let Some(next) = next_key(agent, keys, true, gc.reborrow())? {
            // 2. Let valueIndex be SetDataIndex(resultSetData, next).
            // 3. If valueIndex is not not-found, then
            //    a. Set resultSetData[valueIndex] to empty.
            let data = set_data_of(agent, result, gc.nogc());
            agent.map_data_delete(data, next);
        }
    }
    // 7. Let result be OrdinaryObjectCreate(%Set.prototype%, « [[SetData]] »).
    // 8. Set result.[[SetData]] to resultSetData.
    // 9. Return result.
    Ok(result.get(agent).bind(gc.into_nogc()).into())
}

/// ### [24.2.4.9 Set.prototype.intersection ( other )](https://tc39.es/ecma262/#sec-set.prototype.intersection)
fn intersection<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[SetData]]).
    this_set_data(agent, this, "intersection", gc.nogc())?;
    let Value::Object(o) = this else {
        unreachable!("checked by RequireInternalSlot")
    };
    let o = o.bind(gc.nogc()).scope(agent, gc.nogc());
    // 3. Let otherRec be ? GetSetRecord(other).
    let other = get_set_record(agent, args.get(0), gc.reborrow())?;
    // 4. Let resultSetData be a new empty List.
    let result =
        create_result_set(agent, MapDataRecord::default(), gc.nogc()).scope(agent, gc.nogc());
    // 5. If SetDataSize(O.[[SetData]]) ≤ otherRec.[[Size]], then
    let data = set_data_of(agent, o, gc.nogc());
    if f64::from(agent.map_data(data).size()) <= other.size {
        // a. Let thisSize be the number of elements in O.[[SetData]].
        // b. Let index be 0.
        let cursor = agent
            .create_map_cursor(data, IterationKind::Value, None, gc.nogc())
            .scope(agent, gc.nogc());
        // c. Repeat, while index < thisSize,
        //    i. Let e be O.[[SetData]][index].
        //    ii. Set index to index + 1.
        //    iii. If e is not empty, then
        while let Some((element, _)) = agent.map_cursor_step(cursor.get(agent)) {
            let element = element.scope(agent, gc.nogc());
            // 1. Let inOther be ToBoolean(? Call(otherRec.[[Has]], otherRec.[[SetObject]], « e »)).
            // 2. If inOther is true, then
            if other_has(agent, &other, element.get(agent), gc.reborrow())? {
                // a. NOTE: It is possible for earlier calls to otherRec.[[Has]] to remove and re-add an
                //    element of O.[[SetData]], which can cause the same element to be visited twice.
                // b. If SetDataHas(resultSetData, e) is false, then append e to resultSetData.
                append_if_absent(agent, result, element.get(agent), gc.nogc());
            }
            // 3. NOTE: The number of elements in O.[[SetData]] may have increased during execution of otherRec.[[Has]].
            // 4. Set thisSize to the number of elements in O.[[SetData]].
        }
    } else {
        // 6. Else,
        // a. Let keysIter be ? GetIteratorFromMethod(otherRec.[[SetObject]], otherRec.[[Keys]]).
        let keys = other_keys_iterator(agent, &other, gc.reborrow())?;
        // b. Let next be not-started.
        // c. Repeat, while next is not done,
        //    i. Set next to ? IteratorStepValue(keysIter).
        //    ii. If next is not done, then
        //        1. Set next to CanonicalizeKeyedCollectionKey(next).
        while let Some(next) = next_key(agent, keys, true, gc.reborrow())? {
            // 2. Let inThis be SetDataHas(O.[[SetData]], next).
            let data = set_data_of(agent, o, gc.nogc());
            // 3. If inThis is true, then
            if agent.map_data_has(data, next) {
                // a. NOTE: Because other is an arbitrary object, it is possible for its "keys"
                //    iterator to produce the same value more than once.
                // b. If SetDataHas(resultSetData, next) is false, then append next to resultSetData.
                append_if_absent(agent, result, next, gc.nogc());
            }
        }
    }
    // 7. Let result be OrdinaryObjectCreate(%Set.prototype%, « [[SetData]] »).
    // 8. Set result.[[SetData]] to resultSetData.
    // 9. Return result.
    Ok(result.get(agent).bind(gc.into_nogc()).into())
}

/// ### [24.2.4.10 Set.prototype.isDisjointFrom ( other )](https://tc39.es/ecma262/#sec-set.prototype.isdisjointfrom)
fn is_disjoint_from<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[SetData]]).
    this_set_data(agent, this, "isDisjointFrom", gc.nogc())?;
    let Value::Object(o) = this else {
        unreachable!("checked by RequireInternalSlot")
    };
    let o = o.bind(gc.nogc()).scope(agent, gc.nogc());
    // 3. Let otherRec be ? GetSetRecord(other).
    let other = get_set_record(agent, args.get(0), gc.reborrow())?;
    // 4. If SetDataSize(O.[[SetData]]) ≤ otherRec.[[Size]], then
    let data = set_data_of(agent, o, gc.nogc());
    if f64::from(agent.map_data(data).size()) <= other.size {
        // a. Let thisSize be the number of elements in O.[[SetData]].
        // b. Let index be 0.
        let cursor = agent
            .create_map_cursor(data, IterationKind::Value, None, gc.nogc())
            .scope(agent, gc.nogc());
        // c. Repeat, while index < thisSize,
        //    i. Let e be O.[[SetData]][index].
        //    ii. Set index to index + 1.
        //    iii. If e is not empty, then
        while let Some((element, _)) = agent.map_cursor_step(cursor.get(agent)) {
            // 1. Let inOther be ToBoolean(? Call(otherRec.[[Has]], otherRec.[[SetObject]], « e »)).
            // 2. If inOther is true, return false.
            if other_has(agent, &other, element, gc.reborrow())? {
                return Ok(Value::Boolean(false));
            }
            // 3. NOTE: The number of elements in O.[[SetData]] may have increased during execution of otherRec.[[Has]].
            // 4. Set thisSize to the number of elements in O.[[SetData]].
        }
    } else {
        // 5. Else,
        // a. Let keysIter be ? GetIteratorFromMethod(otherRec.[[SetObject]], otherRec.[[Keys]]).
        let keys = other_keys_iterator(agent, &other, gc.reborrow())?;
        // b. Let next be not-started.
        // c. Repeat, while next is not done,
        //    i. Set next to ? IteratorStepValue(keysIter).
        //    ii. If next is not done, then
        while let Some(next) = next_key(agent, keys, false, gc.reborrow())? {
            // 1. If SetDataHas(O.[[SetData]], next) is true, then
            let data = set_data_of(agent, o, gc.nogc());
            if agent.map_data_has(data, next) {
                // a. Perform ? IteratorClose(keysIter, NormalCompletion(unused)).
                iterator_close(agent, keys.0.get(agent), gc.reborrow())?;
                // b. Return false.
                return Ok(Value::Boolean(false));
            }
        }
    }
    // 6. Return true.
    Ok(Value::Boolean(true))
}

/// ### [24.2.4.11 Set.prototype.isSubsetOf ( other )](https://tc39.es/ecma262/#sec-set.prototype.issubsetof)
fn is_subset_of<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[SetData]]).
    this_set_data(agent, this, "isSubsetOf", gc.nogc())?;
    let Value::Object(o) = this else {
        unreachable!("checked by RequireInternalSlot")
    };
    let o = o.bind(gc.nogc()).scope(agent, gc.nogc());
    // 3. Let otherRec be ? GetSetRecord(other).
    let other = get_set_record(agent, args.get(0), gc.reborrow())?;
    // 4. If SetDataSize(O.[[SetData]]) > otherRec.[[Size]], return false.
    let data = set_data_of(agent, o, gc.nogc());
    if f64::from(agent.map_data(data).size()) > other.size {
        return Ok(Value::Boolean(false));
    }
    // 5. Let thisSize be the number of elements in O.[[SetData]].
    // 6. Let index be 0.
    let cursor = agent
        .create_map_cursor(data, IterationKind::Value, None, gc.nogc())
        .scope(agent, gc.nogc());
    // 7. Repeat, while index < thisSize,
    //    a. Let e be O.[[SetData]][index].
    //    b. Set index to index + 1.
    //    c. If e is not empty, then
    while let Some((element, _)) = agent.map_cursor_step(cursor.get(agent)) {
        // i. Let inOther be ToBoolean(? Call(otherRec.[[Has]], otherRec.[[SetObject]], « e »)).
        // ii. If inOther is false, return false.
        if !other_has(agent, &other, element, gc.reborrow())? {
            return Ok(Value::Boolean(false));
        }
        // iii. NOTE: The number of elements in O.[[SetData]] may have increased during execution of otherRec.[[Has]].
        // iv. Set thisSize to the number of elements in O.[[SetData]].
    }
    // 8. Return true.
    Ok(Value::Boolean(true))
}

/// ### [24.2.4.12 Set.prototype.isSupersetOf ( other )](https://tc39.es/ecma262/#sec-set.prototype.issupersetof)
fn is_superset_of<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[SetData]]).
    this_set_data(agent, this, "isSupersetOf", gc.nogc())?;
    let Value::Object(o) = this else {
        unreachable!("checked by RequireInternalSlot")
    };
    let o = o.bind(gc.nogc()).scope(agent, gc.nogc());
    // 3. Let otherRec be ? GetSetRecord(other).
    let other = get_set_record(agent, args.get(0), gc.reborrow())?;
    // 4. If SetDataSize(O.[[SetData]]) < otherRec.[[Size]], return false.
    let data = set_data_of(agent, o, gc.nogc());
    if f64::from(agent.map_data(data).size()) < other.size {
        return Ok(Value::Boolean(false));
    }
    // 5. Let keysIter be ? GetIteratorFromMethod(otherRec.[[SetObject]], otherRec.[[Keys]]).
    let keys = other_keys_iterator(agent, &other, gc.reborrow())?;
    // 6. Let next be not-started.
    // 7. Repeat, while next is not done,
    //    a. Set next to ? IteratorStepValue(keysIter).
    //    b. If next is not done, then
    while let Some(next) = next_key(agent, keys, false, gc.reborrow())? {
        // i. If SetDataHas(O.[[SetData]], next) is false, then
        let data = set_data_of(agent, o, gc.nogc());
        if !agent.map_data_has(data, next) {
            // 1. Perform ? IteratorClose(keysIter, NormalCompletion(unused)).
            iterator_close(agent, keys.0.get(agent), gc.reborrow())?;
            // 2. Return false.
            return Ok(Value::Boolean(false));
        }
    }
    // 8. Return true.
    Ok(Value::Boolean(true))
}

/// ### [24.2.4.15 Set.prototype.symmetricDifference ( other )](https://tc39.es/ecma262/#sec-set.prototype.symmetricdifference)
fn symmetric_difference<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[SetData]]).
    this_set_data(agent, this, "symmetricDifference", gc.nogc())?;
    let Value::Object(o) = this else {
        unreachable!("checked by RequireInternalSlot")
    };
    let o = o.bind(gc.nogc()).scope(agent, gc.nogc());
    // 3. Let otherRec be ? GetSetRecord(other).
    let other = get_set_record(agent, args.get(0), gc.reborrow())?;
    // 4. Let keysIter be ? GetIteratorFromMethod(otherRec.[[SetObject]], otherRec.[[Keys]]).
    let keys = other_keys_iterator(agent, &other, gc.reborrow())?;
    // 5. Let resultSetData be a copy of O.[[SetData]].
    let data = set_data_of(agent, o, gc.nogc());
    let copy = copy_set_data(agent, data);
    let result = create_result_set(agent, copy, gc.nogc()).scope(agent, gc.nogc());
    // 6. Let next be not-started.
    // 7. Repeat, while next is not done,
    //    a. Set next to ? IteratorStepValue(keysIter).
    //    b. If next is not done, then
    //       i. Set next to CanonicalizeKeyedCollectionKey(next).
    while let Some(next) = next_key(agent, keys, true, gc.reborrow())? {
        let result_data = set_data_of(agent, result, gc.nogc());
        // ii. Let resultIndex be SetDataIndex(resultSetData, next).
        // iii. If resultIndex is not-found, let alreadyInResult be false. Otherwise let alreadyInResult be true.
        let already_in_result = agent.map_data_has(result_data, next);
        // iv. If SetDataHas(O.[[SetData]], next) is true, then
        let data = set_data_of(agent, o, gc.nogc());
        if agent.map_data_has(data, next) {
            // 1. If alreadyInResult is true, set resultSetData[resultIndex] to empty.
            if already_in_result {
                agent.map_data_delete(result_data, next);
            }
        } else if !already_in_result {
            // v. Else,
            //    1. If alreadyInResult is false, append next to resultSetData.
            agent.map_data_set(result_data, next, Value::Undefined);
        }
    }
    // 8. Let result be OrdinaryObjectCreate(%Set.prototype%, « [[SetData]] »).
    // 9. Set result.[[SetData]] to resultSetData.
    // 10. Return result.
    Ok(result.get(agent).bind(gc.into_nogc()).into())
}

/// ### [24.2.4.16 Set.prototype.union ( other )](https://tc39.es/ecma262/#sec-set.prototype.union)
fn union<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[SetData]]).
    this_set_data(agent, this, "union", gc.nogc())?;
    let Value::Object(o) = this else {
        unreachable!("checked by RequireInternalSlot")
    };
    let o = o.bind(gc.nogc()).scope(agent, gc.nogc());
    // 3. Let otherRec be ? GetSetRecord(other).
    let other = get_set_record(agent, args.get(0), gc.reborrow())?;
    // 4. Let keysIter be ? GetIteratorFromMethod(otherRec.[[SetObject]], otherRec.[[Keys]]).
    let keys = other_keys_iterator(agent, &other, gc.reborrow())?;
    // 5. Let resultSetData be a copy of O.[[SetData]].
    let data = set_data_of(agent, o, gc.nogc());
    let copy = copy_set_data(agent, data);
    let result = create_result_set(agent, copy, gc.nogc()).scope(agent, gc.nogc());
    // 6. Let next be not-started.
    // 7. Repeat, while next is not done,
    //    a. Set next to ? IteratorStepValue(keysIter).
    //    b. If next is not done, then
    //       i. Set next to CanonicalizeKeyedCollectionKey(next).
    while let Some(next) = next_key(agent, keys, true, gc.reborrow())? {
        // ii. If SetDataHas(resultSetData, next) is false, then
        //     1. Append next to resultSetData.
        let result_data = set_data_of(agent, result, gc.nogc());
        if !agent.map_data_has(result_data, next) {
            agent.map_data_set(result_data, next, Value::Undefined);
        }
    }
    // 8. Let result be OrdinaryObjectCreate(%Set.prototype%, « [[SetData]] »).
    // 9. Set result.[[SetData]] to resultSetData.
    // 10. Return result.
    Ok(result.get(agent).bind(gc.into_nogc()).into())
}
