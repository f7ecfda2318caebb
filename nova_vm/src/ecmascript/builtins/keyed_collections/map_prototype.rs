//! ### [24.1.3 Properties of the Map Prototype Object](https://tc39.es/ecma262/#sec-properties-of-the-map-prototype-object)

use super::collection_ops::canonicalize_keyed_collection_key;
use super::map_data::{IterationKind, MapData};
use crate::ecmascript::abstract_operations::{call_function, is_callable};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// Defines the methods of %Map.prototype%.
pub(super) fn initialize(agent: &mut Agent, prototype: Object, gc: NoGcScope) {
    agent.define_builtin_method(prototype, BuiltinName::Str("clear"), 0, clear, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("delete"), 1, delete, gc);
    let entries_function =
        agent.define_builtin_method(prototype, BuiltinName::Str("entries"), 0, entries, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("forEach"), 1, for_each, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("get"), 1, get, gc);
    super::upsert::initialize_map(agent, prototype, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("has"), 1, has, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("keys"), 0, keys, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("set"), 2, set, gc);
    agent.define_builtin_accessor(prototype, BuiltinName::Str("size"), Some(size), None, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("values"), 0, values, gc);
    // 24.1.3.12 Map.prototype [ %Symbol.iterator% ] ( ): the initial value is %Map.prototype.entries%.
    agent.define_builtin_property(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::Iterator),
        entries_function.into(),
        Attributes::BUILTIN,
        gc,
    );
    // 24.1.3.13 Map.prototype [ %Symbol.toStringTag% ]
    let tag = agent.create_string("Map", gc);
    agent.define_builtin_property(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        tag.into_value(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
}

/// RequireInternalSlot(M, [[MapData]]): the entries of a Map `this`.
pub(super) fn this_map_data<'gc>(
    agent: &mut Agent,
    this: Value,
    method: &str,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, MapData<'gc>> {
    if let Value::Object(o) = this
        && let ObjectKind::Map(data) = o.kind(agent)
    {
        return Ok(data.bind(gc));
    }
    Err(agent.throw_type_error(
        &format!("Map.prototype.{method} called on incompatible receiver"),
        gc,
    ))
}

/// ### [24.1.3.1 Map.prototype.clear ( )](https://tc39.es/ecma262/#sec-map.prototype.clear)
fn clear<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let M be the this value.
    // 2. Perform ? RequireInternalSlot(M, [[MapData]]).
    let data = this_map_data(agent, this, "clear", gc.nogc())?;
    // 3. For each Record { [[Key]], [[Value]] } p of M.[[MapData]], do
    //    a. Set p.[[Key]] to empty.
    //    b. Set p.[[Value]] to empty.
    agent.with_map_data(data, |record, _| record.clear());
    // 4. Return undefined.
    Ok(Value::Undefined)
}

/// ### [24.1.3.3 Map.prototype.delete ( key )](https://tc39.es/ecma262/#sec-map.prototype.delete)
fn delete<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let M be the this value.
    // 2. Perform ? RequireInternalSlot(M, [[MapData]]).
    let data = this_map_data(agent, this, "delete", gc.nogc())?;
    // 3. Set key to CanonicalizeKeyedCollectionKey(key).
    let key = canonicalize_keyed_collection_key(agent, args.get(0));
    // 4. For each Record { [[Key]], [[Value]] } p of M.[[MapData]], do
    //    a. If p.[[Key]] is not empty and SameValue(p.[[Key]], key) is true, then
    //       i. Set p.[[Key]] to empty. ii. Set p.[[Value]] to empty. iii. Return true.
    // 5. Return false.
    Ok(Value::Boolean(agent.map_data_delete(data, key)))
}

/// ### [24.1.3.4 Map.prototype.entries ( )](https://tc39.es/ecma262/#sec-map.prototype.entries)
fn entries<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let M be the this value.
    // 2. Return ? CreateMapIterator(M, key+value).
    create_map_iterator(
        agent,
        this,
        IterationKind::KeyValue,
        "entries",
        gc.into_nogc(),
    )
}

/// ### [24.1.3.5 Map.prototype.forEach ( callback [ , thisArg ] )](https://tc39.es/ecma262/#sec-map.prototype.foreach)
fn for_each<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let M be the this value.
    // 2. Perform ? RequireInternalSlot(M, [[MapData]]).
    let data = this_map_data(agent, this, "forEach", gc.nogc())?;
    // 3. If IsCallable(callback) is false, throw a TypeError exception.
    let callback = args.get(0).bind(gc.nogc());
    if !is_callable(agent, callback) {
        return Err(agent.throw_type_error(
            "Map.prototype.forEach callback is not a function",
            gc.into_nogc(),
        ));
    }
    let callback = callback.scope(agent, gc.nogc());
    let this_arg = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    let map = this.bind(gc.nogc()).scope(agent, gc.nogc());
    // 4. Let entries be M.[[MapData]].
    // 5. Let numEntries be the number of elements in entries.
    // 6. Let index be 0.
    let cursor = agent
        .create_map_cursor(data, IterationKind::KeyValue, None, gc.nogc())
        .scope(agent, gc.nogc());
    // 7. Repeat, while index < numEntries,
    //    a. Let e be entries[index].
    //    b. Set index to index + 1.
    //    c. If e.[[Key]] is not empty, then
    while let Some((key, value)) = agent.map_cursor_step(cursor.get(agent)) {
        // i. Perform ? Call(callback, thisArg, « e.[[Value]], e.[[Key]], M »).
        call_function(
            agent,
            callback.get(agent),
            this_arg.get(agent),
            ArgumentsList(&[value, key, map.get(agent)]),
            gc.reborrow(),
        )?;
        // ii. NOTE: The number of elements in entries may have increased during execution of callback.
        // iii. Set numEntries to the number of elements in entries.
    }
    // 8. Return undefined.
    Ok(Value::Undefined)
}

/// ### [24.1.3.6 Map.prototype.get ( key )](https://tc39.es/ecma262/#sec-map.prototype.get)
fn get<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let M be the this value.
    // 2. Perform ? RequireInternalSlot(M, [[MapData]]).
    let data = this_map_data(agent, this, "get", gc.nogc())?;
    // 3. Set key to CanonicalizeKeyedCollectionKey(key).
    let key = canonicalize_keyed_collection_key(agent, args.get(0));
    // 4. For each Record { [[Key]], [[Value]] } p of M.[[MapData]], do
    //    a. If p.[[Key]] is not empty and SameValue(p.[[Key]], key) is true, return p.[[Value]].
    // 5. Return undefined.
    let value = agent.map_data_get(data, key).unwrap_or_default();
    Ok(value.bind(gc.into_nogc()))
}

/// ### [24.1.3.7 Map.prototype.has ( key )](https://tc39.es/ecma262/#sec-map.prototype.has)
fn has<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let M be the this value.
    // 2. Perform ? RequireInternalSlot(M, [[MapData]]).
    let data = this_map_data(agent, this, "has", gc.nogc())?;
    // 3. Set key to CanonicalizeKeyedCollectionKey(key).
    let key = canonicalize_keyed_collection_key(agent, args.get(0));
    // 4. For each Record { [[Key]], [[Value]] } p of M.[[MapData]], do
    //    a. If p.[[Key]] is not empty and SameValue(p.[[Key]], key) is true, return true.
    // 5. Return false.
    Ok(Value::Boolean(agent.map_data_has(data, key)))
}

/// ### [24.1.3.8 Map.prototype.keys ( )](https://tc39.es/ecma262/#sec-map.prototype.keys)
fn keys<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let M be the this value.
    // 2. Return ? CreateMapIterator(M, key).
    create_map_iterator(agent, this, IterationKind::Key, "keys", gc.into_nogc())
}

/// ### [24.1.3.9 Map.prototype.set ( key, value )](https://tc39.es/ecma262/#sec-map.prototype.set)
fn set<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let M be the this value.
    // 2. Perform ? RequireInternalSlot(M, [[MapData]]).
    let data = this_map_data(agent, this, "set", gc.nogc())?;
    // 3. Set key to CanonicalizeKeyedCollectionKey(key).
    let key = canonicalize_keyed_collection_key(agent, args.get(0));
    // 4. For each Record { [[Key]], [[Value]] } p of M.[[MapData]], do
    //    a. If p.[[Key]] is not empty and SameValue(p.[[Key]], key) is true, then
    //       i. Set p.[[Value]] to value. ii. Return M.
    // 5. Let p be the Record { [[Key]]: key, [[Value]]: value }.
    // 6. Append p to M.[[MapData]].
    agent.map_data_set(data, key, args.get(1));
    // 7. Return M.
    Ok(this.bind(gc.into_nogc()))
}

/// ### [24.1.3.10 get Map.prototype.size](https://tc39.es/ecma262/#sec-get-map.prototype.size)
fn size<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let M be the this value.
    // 2. Perform ? RequireInternalSlot(M, [[MapData]]).
    let data = this_map_data(agent, this, "size", gc.nogc())?;
    // 3. Let count be 0.
    // 4. For each Record { [[Key]], [[Value]] } p of M.[[MapData]], do
    //    a. If p.[[Key]] is not empty, set count to count + 1.
    // 5. Return 𝔽(count).
    Ok(Value::from_u32(agent.map_data(data).size()))
}

/// ### [24.1.3.11 Map.prototype.values ( )](https://tc39.es/ecma262/#sec-map.prototype.values)
fn values<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let M be the this value.
    // 2. Return ? CreateMapIterator(M, value).
    create_map_iterator(agent, this, IterationKind::Value, "values", gc.into_nogc())
}

/// ### [24.1.5.1 CreateMapIterator ( map, kind )](https://tc39.es/ecma262/#sec-createmapiterator)
///
/// The abstract closure's state (the List and the index into it) is a cursor
/// that %MapIteratorPrototype%.next advances.
fn create_map_iterator<'gc>(
    agent: &mut Agent,
    map: Value,
    kind: IterationKind,
    method: &str,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Perform ? RequireInternalSlot(map, [[MapData]]).
    let data = this_map_data(agent, map, method, gc)?;
    // 2. Let closure be a new Abstract Closure with no parameters that captures map and kind ...
    // 3. Return CreateIteratorFromClosure(closure, "%MapIteratorPrototype%", %MapIteratorPrototype%).
    let iterator = agent.create_map_cursor(data, kind, Some(Intrinsic::MapIteratorPrototype), gc);
    Ok(iterator.into())
}
