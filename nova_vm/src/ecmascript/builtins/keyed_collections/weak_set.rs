//! ### [24.4 WeakSet Objects](https://tc39.es/ecma262/#sec-weakset-objects)

use super::can_be_held_weakly;
use super::weak_map::new_table;
use super::weak_record::WeakTable;
use crate::ecmascript::abstract_operations::{
    call_function, get, get_iterator, get_prototype_from_constructor, iterator_close_on_error,
    iterator_step_value,
};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    let constructor = agent.create_builtin_constructor(
        "WeakSet",
        0,
        weak_set_constructor,
        Some(prototype),
        None,
        gc,
    );
    agent.set_intrinsic(Intrinsic::WeakSet, constructor);
    agent.set_intrinsic(Intrinsic::WeakSetPrototype, prototype);
    agent.define_builtin_method(prototype, BuiltinName::Str("add"), 1, add, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("delete"), 1, delete, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("has"), 1, has, gc);
    let tag = agent.create_string("WeakSet", gc);
    agent.define_builtin_property(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        tag.into_value(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
}

/// ### [24.4.1.1 WeakSet ( [ iterable ] )](https://tc39.es/ecma262/#sec-weakset-iterable)
fn weak_set_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let iterable = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = new_target else {
        return Err(agent.throw_type_error("Constructor WeakSet requires 'new'", gc.into_nogc()));
    };
    // 2. Let set be ? OrdinaryCreateFromConstructor(NewTarget, "%WeakSet.prototype%", « [[WeakSetData]] »).
    let prototype = get_prototype_from_constructor(
        agent,
        new_target,
        Intrinsic::WeakSetPrototype,
        gc.reborrow(),
    )?
    .unbind()
    .bind(gc.nogc());
    // 3. Set set.[[WeakSetData]] to a new empty List.
    let table = new_table(agent);
    let set = agent.create_object(Some(prototype), ObjectKind::WeakSet(table), gc.nogc());
    // 4. If iterable is either undefined or null, return set.
    if iterable.get(agent).is_nullish() {
        return Ok(set.unbind().bind(gc.into_nogc()).into());
    }
    let set = set.scope(agent, gc.nogc());
    // 5. Let adder be ? Get(set, "add").
    let adder_key = agent.static_key("add");
    let adder = get(agent, set.get(agent), adder_key, gc.reborrow())?.unbind();
    // 6. If IsCallable(adder) is false, throw a TypeError exception.
    if !crate::ecmascript::abstract_operations::is_callable(agent, adder) {
        return Err(agent.throw_type_error("WeakSet.prototype.add is not callable", gc.into_nogc()));
    }
    let adder = adder.scope(agent, gc.nogc());
    // 7-8. For each value of the iterable: ? Call(adder, set, « nextValue »), closing on abrupt completion.
    let (iterator, next) = get_iterator(agent, iterable.get(agent), gc.reborrow())?;
    let (iterator, next) = (iterator.unbind(), next.unbind());
    let iterator = iterator.scope(agent, gc.nogc());
    let next = next.scope(agent, gc.nogc());
    while let Some(value) =
        iterator_step_value(agent, iterator.get(agent), next.get(agent), gc.reborrow())?
    {
        let value = value.unbind();
        if let Err(error) = call_function(
            agent,
            adder.get(agent),
            set.get(agent).into(),
            ArgumentsList(&[value]),
            gc.reborrow(),
        ) {
            return Err(iterator_close_on_error(
                agent,
                iterator.get(agent),
                error,
                gc.reborrow(),
            ));
        }
    }
    Ok(set.get(agent).bind(gc.into_nogc()).into())
}

fn this_table(
    agent: &mut Agent,
    this: Value,
    method: &str,
    gc: NoGcScope,
) -> JsResult<'static, WeakTable<'static>> {
    match this {
        Value::Object(o) => match o.kind(agent) {
            ObjectKind::WeakSet(table) => Ok(table),
            _ => Err(agent.throw_type_error(
                &format!("WeakSet.prototype.{method} called on incompatible receiver"),
                gc,
            )),
        },
        _ => Err(agent.throw_type_error(
            &format!("WeakSet.prototype.{method} called on incompatible receiver"),
            gc,
        )),
    }
}

/// ### [24.4.3.1 WeakSet.prototype.add ( value )](https://tc39.es/ecma262/#sec-weakset.prototype.add)
fn add<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let table = this_table(agent, this, "add", gc.nogc())?;
    // 3. If CanBeHeldWeakly(value) is false, throw a TypeError exception.
    let value = args.get(0);
    if !can_be_held_weakly(agent, value) {
        return Err(agent.throw_type_error("Invalid value used in weak set", gc.into_nogc()));
    }
    // 4-5. Append value if not already present.
    agent
        .heap
        .weak_tables
        .get_mut(table.index())
        .set(value, Value::Undefined);
    // 6. Return S.
    Ok(this.bind(gc.into_nogc()))
}

/// ### [24.4.3.3 WeakSet.prototype.delete ( value )](https://tc39.es/ecma262/#sec-weakset.prototype.delete)
fn delete<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let table = this_table(agent, this, "delete", gc.nogc())?;
    let value = args.get(0);
    if !can_be_held_weakly(agent, value) {
        return Ok(Value::Boolean(false));
    }
    Ok(Value::Boolean(
        agent.heap.weak_tables.get_mut(table.index()).delete(value),
    ))
}

/// ### [24.4.3.4 WeakSet.prototype.has ( value )](https://tc39.es/ecma262/#sec-weakset.prototype.has)
fn has<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let table = this_table(agent, this, "has", gc.nogc())?;
    let value = args.get(0);
    if !can_be_held_weakly(agent, value) {
        return Ok(Value::Boolean(false));
    }
    Ok(Value::Boolean(
        agent
            .heap
            .weak_tables
            .get(table.index())
            .get(value)
            .is_some(),
    ))
}
