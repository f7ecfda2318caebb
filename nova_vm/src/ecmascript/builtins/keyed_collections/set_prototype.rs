//! ### [24.2.4 Properties of the Set Prototype Object](https://tc39.es/ecma262/#sec-properties-of-the-set-prototype-object)
//!
//! The methods that combine a Set with another set-like object (union,
//! intersection, ...) are in `set_methods.rs`.

use super::collection_ops::canonicalize_keyed_collection_key;
use super::map_data::{IterationKind, MapData};
use crate::ecmascript::abstract_operations::{call_function, is_callable};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// Defines the basic methods of %Set.prototype%.
pub(super) fn initialize(agent: &mut Agent, prototype: Object, gc: NoGcScope) {
    agent.define_builtin_method(prototype, BuiltinName::Str("add"), 1, add, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("clear"), 0, clear, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("delete"), 1, delete, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("entries"), 0, entries, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("forEach"), 1, for_each, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("has"), 1, has, gc);
    agent.define_builtin_accessor(prototype, BuiltinName::Str("size"), Some(size), None, gc);
    let values_function =
        agent.define_builtin_method(prototype, BuiltinName::Str("values"), 0, values, gc);
    // 24.2.4.13 Set.prototype.keys ( ): the initial value is %Set.prototype.values%.
    // 24.2.4.18 Set.prototype [ %Symbol.iterator% ] ( ): the initial value is %Set.prototype.values%.
    for name in [
        BuiltinName::Str("keys"),
        BuiltinName::Symbol(WellKnownSymbol::Iterator),
    ] {
        agent.define_builtin_property(
            prototype,
            name,
            values_function.into(),
            Attributes::BUILTIN,
            gc,
        );
    }
    // 24.2.4.19 Set.prototype [ %Symbol.toStringTag% ]
    let tag = agent.create_string("Set", gc);
    agent.define_builtin_property(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        tag.into_value(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
}

/// RequireInternalSlot(S, [[SetData]]): the elements of a Set `this`.
pub(super) fn this_set_data<'gc>(
    agent: &mut Agent,
    this: Value,
    method: &str,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, MapData<'gc>> {
    if let Value::Object(o) = this
        && let ObjectKind::Set(data) = o.kind(agent)
    {
        return Ok(data.bind(gc));
    }
    Err(agent.throw_type_error(
        &format!("Set.prototype.{method} called on incompatible receiver"),
        gc,
    ))
}

/// ### [24.2.4.1 Set.prototype.add ( value )](https://tc39.es/ecma262/#sec-set.prototype.add)
fn add<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let S be the this value.
    // 2. Perform ? RequireInternalSlot(S, [[SetData]]).
    let data = this_set_data(agent, this, "add", gc.nogc())?;
    // 3. Set value to CanonicalizeKeyedCollectionKey(value).
    let value = canonicalize_keyed_collection_key(agent, args.get(0));
    // 4. For each element e of S.[[SetData]], do
    //    a. If e is not empty and SameValue(e, value) is true, then return S.
    // 5. Append value to S.[[SetData]].
    if !agent.map_data_has(data, value) {
        agent.map_data_set(data, value, Value::Undefined);
    }
    // 6. Return S.
    Ok(this.bind(gc.into_nogc()))
}

/// ### [24.2.4.2 Set.prototype.clear ( )](https://tc39.es/ecma262/#sec-set.prototype.clear)
fn clear<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let S be the this value.
    // 2. Perform ? RequireInternalSlot(S, [[SetData]]).
    let data = this_set_data(agent, this, "clear", gc.nogc())?;
    // 3. For each element e of S.[[SetData]], do
    //    a. Replace the element of S.[[SetData]] whose value is e with an element whose value is empty.
    agent.with_map_data(data, |record, _| record.clear());
    // 4. Return undefined.
    Ok(Value::Undefined)
}

/// ### [24.2.4.4 Set.prototype.delete ( value )](https://tc39.es/ecma262/#sec-set.prototype.delete)
fn delete<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let S be the this value.
    // 2. Perform ? RequireInternalSlot(S, [[SetData]]).
    let data = this_set_data(agent, this, "delete", gc.nogc())?;
    // 3. Set value to CanonicalizeKeyedCollectionKey(value).
    let value = canonicalize_keyed_collection_key(agent, args.get(0));
    // 4. For each element e of S.[[SetData]], do
    //    a. If e is not empty and SameValue(e, value) is true, then
    //       i. Replace the element of S.[[SetData]] whose value is e with an element whose value is empty.
    //       ii. Return true.
    // 5. Return false.
    Ok(Value::Boolean(agent.map_data_delete(data, value)))
}

/// ### [24.2.4.6 Set.prototype.entries ( )](https://tc39.es/ecma262/#sec-set.prototype.entries)
fn entries<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let S be the this value.
    // 2. Return ? CreateSetIterator(S, key+value).
    create_set_iterator(
        agent,
        this,
        IterationKind::KeyValue,
        "entries",
        gc.into_nogc(),
    )
}

/// ### [24.2.4.7 Set.prototype.forEach ( callback [ , thisArg ] )](https://tc39.es/ecma262/#sec-set.prototype.foreach)
fn for_each<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let S be the this value.
    // 2. Perform ? RequireInternalSlot(S, [[SetData]]).
    let data = this_set_data(agent, this, "forEach", gc.nogc())?;
    // 3. If IsCallable(callback) is false, throw a TypeError exception.
    let callback = args.get(0).bind(gc.nogc());
    if !is_callable(agent, callback) {
        return Err(agent.throw_type_error(
            "Set.prototype.forEach callback is not a function",
            gc.into_nogc(),
        ));
    }
    let callback = callback.scope(agent, gc.nogc());
    let this_arg = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    let set = this.bind(gc.nogc()).scope(agent, gc.nogc());
    // 4. Let entries be S.[[SetData]].
    // 5. Let numEntries be the number of elements in entries.
    // 6. Let index be 0.
    let cursor = agent
        .create_map_cursor(data, IterationKind::Value, None, gc.nogc())
        .scope(agent, gc.nogc());
    // 7. Repeat, while index < numEntries,
    //    a. Let e be entries[index].
    //    b. Set index to index + 1.
    //    c. If e is not empty, then
    while let Some((element, _)) = agent.map_cursor_step(cursor.get(agent)) {
        // i. Perform ? Call(callback, thisArg, « e, e, S »).
        call_function(
            agent,
            callback.get(agent),
            this_arg.get(agent),
            ArgumentsList(&[element, element, set.get(agent)]),
            gc.reborrow(),
        )?;
        // ii. NOTE: The number of elements in entries may have increased during execution of callback.
        // iii. Set numEntries to the number of elements in entries.
    }
    // 8. Return undefined.
    Ok(Value::Undefined)
}

/// ### [24.2.4.8 Set.prototype.has ( value )](https://tc39.es/ecma262/#sec-set.prototype.has)
fn has<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let S be the this value.
    // 2. Perform ? RequireInternalSlot(S, [[SetData]]).
    let data = this_set_data(agent, this, "has", gc.nogc())?;
    // 3. Set value to CanonicalizeKeyedCollectionKey(value).
    let value = canonicalize_keyed_collection_key(agent, args.get(0));
    // 4. For each element e of S.[[SetData]], do
    //    a. If e is not empty and SameValue(e, value) is true, return true.
    // 5. Return false.
    Ok(Value::Boolean(agent.map_data_has(data, value)))
}

/// ### [24.2.4.14 get Set.prototype.size](https://tc39.es/ecma262/#sec-get-set.prototype.size)
fn size<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let S be the this value.
    // 2. Perform ? RequireInternalSlot(S, [[SetData]]).
    let data = this_set_data(agent, this, "size", gc.nogc())?;
    // 3. Let size be SetDataSize(S.[[SetData]]).
    // 4. Return 𝔽(size).
    Ok(Value::from_u32(agent.map_data(data).size()))
}

/// ### [24.2.4.17 Set.prototype.values ( )](https://tc39.es/ecma262/#sec-set.prototype.values)
fn values<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let S be the this value.
    // 2. Return ? CreateSetIterator(S, value).
    create_set_iterator(agent, this, IterationKind::Value, "values", gc.into_nogc())
}

/// ### [24.2.6.1 CreateSetIterator ( set, kind )](https://tc39.es/ecma262/#sec-createsetiterator)
///
/// The abstract closure's state (the List and the index into it) is a cursor
/// that %SetIteratorPrototype%.next advances.
fn create_set_iterator<'gc>(
    agent: &mut Agent,
    set: Value,
    kind: IterationKind,
    method: &str,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Perform ? RequireInternalSlot(set, [[SetData]]).
    let data = this_set_data(agent, set, method, gc)?;
    // 2. Let closure be a new Abstract Closure with no parameters that captures set and kind ...
    // 3. Return CreateIteratorFromClosure(closure, "%SetIteratorPrototype%", %SetIteratorPrototype%).
    let iterator = agent.create_map_cursor(data, kind, Some(Intrinsic::SetIteratorPrototype), gc);
    Ok(iterator.into())
}
