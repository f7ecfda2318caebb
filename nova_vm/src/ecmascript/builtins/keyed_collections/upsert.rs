//! `getOrInsert` and `getOrInsertComputed` of Map and WeakMap, from the
//! [Upsert proposal](https://tc39.es/proposal-upsert/).

use super::can_be_held_weakly;
use super::collection_ops::canonicalize_keyed_collection_key;
use super::map_prototype::this_map_data;
use super::weak_record::WeakTable;
use crate::ecmascript::abstract_operations::{call_function, is_callable};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// Defines getOrInsert and getOrInsertComputed on %Map.prototype%.
pub(super) fn initialize_map(agent: &mut Agent, prototype: Object, gc: NoGcScope) {
    agent.define_builtin_method(
        prototype,
        BuiltinName::Str("getOrInsert"),
        2,
        map_get_or_insert,
        gc,
    );
    agent.define_builtin_method(
        prototype,
        BuiltinName::Str("getOrInsertComputed"),
        2,
        map_get_or_insert_computed,
        gc,
    );
}

/// Defines getOrInsert and getOrInsertComputed on %WeakMap.prototype%.
pub(super) fn initialize_weak_map(agent: &mut Agent, prototype: Object, gc: NoGcScope) {
    agent.define_builtin_method(
        prototype,
        BuiltinName::Str("getOrInsert"),
        2,
        weak_map_get_or_insert,
        gc,
    );
    agent.define_builtin_method(
        prototype,
        BuiltinName::Str("getOrInsertComputed"),
        2,
        weak_map_get_or_insert_computed,
        gc,
    );
}

/// ### [Map.prototype.getOrInsert ( key, value )](https://tc39.es/proposal-upsert/#sec-map.prototype.getorinsert)
fn map_get_or_insert<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let M be the this value.
    // 2. Perform ? RequireInternalSlot(M, [[MapData]]).
    let data = this_map_data(agent, this, "getOrInsert", gc.nogc())?;
    // 3. Set key to CanonicalizeKeyedCollectionKey(key).
    let key = canonicalize_keyed_collection_key(agent, args.get(0));
    // 4. For each Record { [[Key]], [[Value]] } p of M.[[MapData]], do
    //    a. If p.[[Key]] is not empty and SameValue(p.[[Key]], key) is true, return p.[[Value]].
    if let Some(existing) = agent.map_data_get(data, key) {
        return Ok(existing.bind(gc.into_nogc()));
    }
    // 5. Let p be the Record { [[Key]]: key, [[Value]]: value }.
    // 6. Append p to M.[[MapData]].
    let value = args.get(1);
    agent.map_data_set(data, key, value);
    // 7. Return p.[[Value]].
    Ok(value.bind(gc.into_nogc()))
}

/// ### [Map.prototype.getOrInsertComputed ( key, callbackfn )](https://tc39.es/proposal-upsert/#sec-map.prototype.getorinsertcomputed)
fn map_get_or_insert_computed<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let M be the this value.
    // 2. Perform ? RequireInternalSlot(M, [[MapData]]).
    let data = this_map_data(agent, this, "getOrInsertComputed", gc.nogc())?;
    // 3. If IsCallable(callbackfn) is false, throw a TypeError exception.
    let callback = args.get(1);
    if !is_callable(agent, callback) {
        return Err(agent.throw_type_error(
            "Map.prototype.getOrInsertComputed callback is not a function",
            gc.into_nogc(),
        ));
    }
    // 4. Set key to CanonicalizeKeyedCollectionKey(key).
    let key = canonicalize_keyed_collection_key(agent, args.get(0));
    // 5. For each Record { [[Key]], [[Value]] } p of M.[[MapData]], do
    //    a. If p.[[Key]] is not empty and SameValue(p.[[Key]], key) is true, return p.[[Value]].
    if let Some(existing) = agent.map_data_get(data, key) {
        return Ok(existing.bind(gc.into_nogc()));
    }
    let map = this.bind(gc.nogc()).scope(agent, gc.nogc());
    let key = key.bind(gc.nogc()).scope(agent, gc.nogc());
    // 6. Let value be ? Call(callbackfn, undefined, « key »).
    let value = call_function(
        agent,
        callback,
        Value::Undefined,
        ArgumentsList(&[key.get(agent)]),
        gc.reborrow(),
    )?
    .unbind()
    .bind(gc.nogc());
    // 7. For each Record { [[Key]], [[Value]] } p of M.[[MapData]], do
    //    a. If p.[[Key]] is not empty and SameValue(p.[[Key]], key) is true, then
    //       i. Set p.[[Value]] to value. ii. Return value.
    // 8. Let p be the Record { [[Key]]: key, [[Value]]: value }.
    // 9. Append p to M.[[MapData]].
    let data = this_map_data(agent, map.get(agent), "getOrInsertComputed", gc.nogc())?;
    agent.map_data_set(data, key.get(agent), value);
    // 10. Return value.
    Ok(value.unbind().bind(gc.into_nogc()))
}

/// The table of a WeakMap `this` (TypeError otherwise).
fn this_weak_map_table<'gc>(
    agent: &mut Agent,
    this: Value,
    method: &str,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, WeakTable<'gc>> {
    if let Value::Object(o) = this
        && let ObjectKind::WeakMap(table) = o.kind(agent)
    {
        return Ok(table.bind(gc));
    }
    Err(agent.throw_type_error(
        &format!("WeakMap.prototype.{method} called on incompatible receiver"),
        gc,
    ))
}

/// ### [WeakMap.prototype.getOrInsert ( key, value )](https://tc39.es/proposal-upsert/#sec-weakmap.prototype.getorinsert)
fn weak_map_get_or_insert<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let M be the this value.
    // 2. Perform ? RequireInternalSlot(M, [[WeakMapData]]).
    let table = this_weak_map_table(agent, this, "getOrInsert", gc.nogc())?;
    // 3. If CanBeHeldWeakly(key) is false, throw a TypeError exception.
    let key = args.get(0);
    if !can_be_held_weakly(agent, key) {
        return Err(agent.throw_type_error("Invalid value used as weak map key", gc.into_nogc()));
    }
    // 4. For each Record { [[Key]], [[Value]] } p of M.[[WeakMapData]], do
    //    a. If p.[[Key]] is not empty and SameValue(p.[[Key]], key) is true, return p.[[Value]].
    if let Some(existing) = agent.heap.weak_tables.get(table.index()).get(key) {
        return Ok(existing.bind(gc.into_nogc()));
    }
    // 5. Let p be the Record { [[Key]]: key, [[Value]]: value }.
    // 6. Append p to M.[[WeakMapData]].
    let value = args.get(1);
    agent
        .heap
        .weak_tables
        .get_mut(table.index())
        .set(key, value);
    // 7. Return value.
    Ok(value.bind(gc.into_nogc()))
}

/// ### [WeakMap.prototype.getOrInsertComputed ( key, callbackfn )](https://tc39.es/proposal-upsert/#sec-weakmap.prototype.getorinsertcomputed)
fn weak_map_get_or_insert_computed<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let M be the this value.
    // 2. Perform ? RequireInternalSlot(M, [[WeakMapData]]).
    let table = this_weak_map_table(agent, this, "getOrInsertComputed", gc.nogc())?;
    // 3. If IsCallable(callbackfn) is false, throw a TypeError exception.
    let callback = args.get(1);
    if !is_callable(agent, callback) {
        return Err(agent.throw_type_error(
            "WeakMap.prototype.getOrInsertComputed callback is not a function",
            gc.into_nogc(),
        ));
    }
    // 4. If CanBeHeldWeakly(key) is false, throw a TypeError exception.
    let key = args.get(0);
    if !can_be_held_weakly(agent, key) {
        return Err(agent.throw_type_error("Invalid value used as weak map key", gc.into_nogc()));
    }
    // 5. For each Record { [[Key]], [[Value]] } p of M.[[WeakMapData]], do
    //    a. If p.[[Key]] is not empty and SameValue(p.[[Key]], key) is true, return p.[[Value]].
    if let Some(existing) = agent.heap.weak_tables.get(table.index()).get(key) {
        return Ok(existing.bind(gc.into_nogc()));
    }
    let map = this.bind(gc.nogc()).scope(agent, gc.nogc());
    let key = key.bind(gc.nogc()).scope(agent, gc.nogc());
    // 6. Let value be ? Call(callbackfn, undefined, « key »).
    let value = call_function(
        agent,
        callback,
        Value::Undefined,
        ArgumentsList(&[key.get(agent)]),
        gc.reborrow(),
    )?
    .unbind()
    .bind(gc.nogc());
    // 7. For each Record { [[Key]], [[Value]] } p of M.[[WeakMapData]], do
    //    a. If p.[[Key]] is not empty and SameValue(p.[[Key]], key) is true, then
    //       i. Set p.[[Value]] to value. ii. Return value.
    // 8. Let p be the Record { [[Key]]: key, [[Value]]: value }.
    // 9. Append p to M.[[WeakMapData]].
    let table = this_weak_map_table(agent, map.get(agent), "getOrInsertComputed", gc.nogc())?;
    let key = key.get(agent);
    agent
        .heap
        .weak_tables
        .get_mut(table.index())
        .set(key, value);
    // 10. Return value.
    Ok(value.unbind().bind(gc.into_nogc()))
}
