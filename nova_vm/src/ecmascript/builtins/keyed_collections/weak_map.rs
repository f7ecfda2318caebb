//! ### [24.3 WeakMap Objects](https://tc39.es/ecma262/#sec-weakmap-objects)

use super::can_be_held_weakly;
use super::map::add_entries_from_iterable;
use super::weak_record::{WeakTable, WeakTableRecord};
use crate::ecmascript::abstract_operations::{get, get_prototype_from_constructor, is_callable};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};
use crate::heap::Arena;

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    let constructor = agent.create_builtin_constructor(
        "WeakMap",
        0,
        weak_map_constructor,
        Some(prototype),
        None,
        gc,
    );
    agent.set_intrinsic(Intrinsic::WeakMap, constructor);
    agent.set_intrinsic(Intrinsic::WeakMapPrototype, prototype);
    agent.define_builtin_method(prototype, BuiltinName::Str("delete"), 1, delete, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("get"), 1, get_method, gc);
    super::upsert::initialize_weak_map(agent, prototype, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("has"), 1, has, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("set"), 2, set, gc);
    let tag = agent.create_string("WeakMap", gc);
    agent.define_builtin_property(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        tag.into_value(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
}

/// Allocates an empty weak table.
pub(super) fn new_table(agent: &mut Agent) -> WeakTable<'static> {
    agent.heap.allocated_since_gc += Arena::<WeakTableRecord>::RECORD_BYTES;
    WeakTable::from_index(agent.heap.weak_tables.push(WeakTableRecord::default()))
}

/// ### [24.3.1.1 WeakMap ( [ iterable ] )](https://tc39.es/ecma262/#sec-weakmap-iterable)
fn weak_map_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let iterable = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = new_target else {
        return Err(agent.throw_type_error("Constructor WeakMap requires 'new'", gc.into_nogc()));
    };
    // 2. Let map be ? OrdinaryCreateFromConstructor(NewTarget, "%WeakMap.prototype%", « [[WeakMapData]] »).
    let prototype = get_prototype_from_constructor(
        agent,
        new_target,
        Intrinsic::WeakMapPrototype,
        gc.reborrow(),
    )?
    .unbind()
    .bind(gc.nogc());
    // 3. Set map.[[WeakMapData]] to a new empty List.
    let table = new_table(agent);
    let map = agent.create_object(Some(prototype), ObjectKind::WeakMap(table), gc.nogc());
    // 4. If iterable is either undefined or null, return map.
    if iterable.get(agent).is_nullish() {
        return Ok(map.unbind().bind(gc.into_nogc()).into());
    }
    let map = map.scope(agent, gc.nogc());
    // 5. Let adder be ? Get(map, "set").
    let adder_key = agent.static_key("set");
    let adder = get(agent, map.get(agent), adder_key, gc.reborrow())?.unbind();
    // 6. If IsCallable(adder) is false, throw a TypeError exception.
    if !is_callable(agent, adder) {
        return Err(agent.throw_type_error("WeakMap.prototype.set is not callable", gc.into_nogc()));
    }
    // 7. Return ? AddEntriesFromIterable(map, iterable, adder).
    let result = add_entries_from_iterable(agent, map.get(agent), iterable.get(agent), adder, gc)?;
    Ok(result.into())
}

/// The table of a WeakMap `this` (TypeError otherwise).
fn this_table(
    agent: &mut Agent,
    this: Value,
    method: &str,
    gc: NoGcScope,
) -> JsResult<'static, WeakTable<'static>> {
    match this {
        Value::Object(o) => match o.kind(agent) {
            ObjectKind::WeakMap(table) => Ok(table),
            _ => Err(agent.throw_type_error(
                &format!("WeakMap.prototype.{method} called on incompatible receiver"),
                gc,
            )),
        },
        _ => Err(agent.throw_type_error(
            &format!("WeakMap.prototype.{method} called on incompatible receiver"),
            gc,
        )),
    }
}

/// ### [24.3.3.2 WeakMap.prototype.delete ( key )](https://tc39.es/ecma262/#sec-weakmap.prototype.delete)
fn delete<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1-2. Let M be the this value; RequireInternalSlot(M, [[WeakMapData]]).
    let table = this_table(agent, this, "delete", gc.nogc())?;
    // 3. If CanBeHeldWeakly(key) is false, return false.
    let key = args.get(0);
    if !can_be_held_weakly(agent, key) {
        return Ok(Value::Boolean(false));
    }
    // 4-5. Remove the entry whose key is key, if any.
    Ok(Value::Boolean(
        agent.heap.weak_tables.get_mut(table.index()).delete(key),
    ))
}

/// ### [24.3.3.3 WeakMap.prototype.get ( key )](https://tc39.es/ecma262/#sec-weakmap.prototype.get)
fn get_method<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let table = this_table(agent, this, "get", gc.nogc())?;
    // 3. If CanBeHeldWeakly(key) is false, return undefined.
    let key = args.get(0);
    if !can_be_held_weakly(agent, key) {
        return Ok(Value::Undefined);
    }
    // 4. For each Record { [[Key]], [[Value]] } p of M.[[WeakMapData]]: if SameValue(p.[[Key]], key), return p.[[Value]].
    // 5. Return undefined.
    Ok(agent
        .heap
        .weak_tables
        .get(table.index())
        .get(key)
        .unwrap_or_default()
        .bind(gc.into_nogc()))
}

/// ### [24.3.3.4 WeakMap.prototype.has ( key )](https://tc39.es/ecma262/#sec-weakmap.prototype.has)
fn has<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let table = this_table(agent, this, "has", gc.nogc())?;
    let key = args.get(0);
    if !can_be_held_weakly(agent, key) {
        return Ok(Value::Boolean(false));
    }
    Ok(Value::Boolean(
        agent.heap.weak_tables.get(table.index()).get(key).is_some(),
    ))
}

/// ### [24.3.3.5 WeakMap.prototype.set ( key, value )](https://tc39.es/ecma262/#sec-weakmap.prototype.set)
fn set<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let table = this_table(agent, this, "set", gc.nogc())?;
    // 3. If CanBeHeldWeakly(key) is false, throw a TypeError exception.
    let key = args.get(0);
    if !can_be_held_weakly(agent, key) {
        return Err(agent.throw_type_error("Invalid value used as weak map key", gc.into_nogc()));
    }
    // 4-6. Update the existing entry or append a new one.
    agent
        .heap
        .weak_tables
        .get_mut(table.index())
        .set(key, args.get(1));
    // 7. Return M.
    Ok(this.bind(gc.into_nogc()))
}
