//! ### [26.2 FinalizationRegistry Objects](https://tc39.es/ecma262/#sec-finalization-registry-objects)

use super::finalization_registry_record::{
    FinalizationCell, FinalizationRegistry, FinalizationRegistryRecord,
};
use crate::ecmascript::abstract_operations::{
    call_function, get_prototype_from_constructor, is_callable, same_value,
};
use crate::ecmascript::builtins::function_objects::Behaviour;
use crate::ecmascript::builtins::keyed_collections::can_be_held_weakly;
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};
use crate::heap::Arena;

/// Creates %FinalizationRegistry% and %FinalizationRegistry.prototype%.
pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    // 26.2.1 The FinalizationRegistry Constructor, 26.2.2.1 FinalizationRegistry.prototype and
    // 26.2.3.1 FinalizationRegistry.prototype.constructor
    let constructor = agent.create_builtin_constructor(
        "FinalizationRegistry",
        1,
        finalization_registry_constructor,
        Some(prototype),
        None,
        gc,
    );
    agent.set_intrinsic(Intrinsic::FinalizationRegistry, constructor);
    agent.set_intrinsic(Intrinsic::FinalizationRegistryPrototype, prototype);
    agent.define_builtin_method(prototype, BuiltinName::Str("register"), 2, register, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("unregister"), 1, unregister, gc);
    // 26.2.3.4 FinalizationRegistry.prototype [ %Symbol.toStringTag% ]
    let tag = agent.create_string("FinalizationRegistry", gc);
    agent.define_builtin_property(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        tag.into_value(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
}

/// ### [26.2.1.1 FinalizationRegistry ( cleanupCallback )](https://tc39.es/ecma262/#sec-finalization-registry-cleanup-callback)
fn finalization_registry_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let cleanup_callback = args.get(0).bind(gc.nogc());
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = new_target else {
        return Err(agent.throw_type_error(
            "Constructor FinalizationRegistry requires 'new'",
            gc.into_nogc(),
        ));
    };
    // 2. If IsCallable(cleanupCallback) is false, throw a TypeError exception.
    if !is_callable(agent, cleanup_callback) {
        return Err(agent.throw_type_error(
            "FinalizationRegistry cleanup callback is not a function",
            gc.into_nogc(),
        ));
    }
    let cleanup_callback = cleanup_callback.scope(agent, gc.nogc());
    // 3. Let finalizationRegistry be ? OrdinaryCreateFromConstructor(NewTarget,
    //    "%FinalizationRegistry.prototype%", « [[Realm]], [[CleanupCallback]], [[Cells]] »).
    let prototype = get_prototype_from_constructor(
        agent,
        new_target,
        Intrinsic::FinalizationRegistryPrototype,
        gc.reborrow(),
    )?
    .unbind()
    .bind(gc.nogc());
    // 4. Let fn be the active function object.
    // 5. Set finalizationRegistry.[[Realm]] to fn.[[Realm]].
    let realm = agent.current_realm_id();
    // 6. Set finalizationRegistry.[[CleanupCallback]] to HostMakeJobCallback(cleanupCallback).
    // 7. Set finalizationRegistry.[[Cells]] to a new empty List.
    let cleanup_job = agent.create_builtin_function(
        Behaviour::Regular(finalization_registry_cleanup_job),
        1,
        "",
        None,
        Some(realm),
        None,
        gc.nogc(),
    );
    agent.heap.allocated_since_gc += Arena::<FinalizationRegistryRecord>::RECORD_BYTES;
    let record = FinalizationRegistry::from_index(agent.heap.finalization_registries.push(
        FinalizationRegistryRecord {
            realm,
            cleanup_callback: cleanup_callback.get(agent),
            cells: Vec::new(),
            registry: None,
            cleanup_job: Some(cleanup_job.unbind()),
            cleanup_queued: false,
        },
    ));
    let registry = agent.create_object(
        Some(prototype),
        ObjectKind::FinalizationRegistry(record),
        gc.nogc(),
    );
    agent
        .heap
        .finalization_registries
        .get_mut(record.index())
        .registry = Some(registry.unbind());
    // 8. Return finalizationRegistry.
    Ok(registry.unbind().bind(gc.into_nogc()).into())
}

/// RequireInternalSlot(finalizationRegistry, [[Cells]]).
fn this_registry<'gc>(
    agent: &mut Agent,
    this: Value,
    method: &str,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, FinalizationRegistry<'gc>> {
    if let Value::Object(o) = this
        && let ObjectKind::FinalizationRegistry(record) = o.kind(agent)
    {
        return Ok(record.bind(gc));
    }
    Err(agent.throw_type_error(
        &format!("FinalizationRegistry.prototype.{method} called on incompatible receiver"),
        gc,
    ))
}

/// ### [26.2.3.2 FinalizationRegistry.prototype.register ( target, heldValue [ , unregisterToken ] )](https://tc39.es/ecma262/#sec-finalization-registry.prototype.register)
fn register<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    let (target, held_value, unregister_token) = (args.get(0), args.get(1), args.get(2));
    // 1. Let finalizationRegistry be the this value.
    // 2. Perform ? RequireInternalSlot(finalizationRegistry, [[Cells]]).
    let record = this_registry(agent, this, "register", gc)?;
    // 3. If CanBeHeldWeakly(target) is false, throw a TypeError exception.
    if !can_be_held_weakly(agent, target) {
        return Err(agent.throw_type_error(
            "FinalizationRegistry target must be an object or a non-registered symbol",
            gc,
        ));
    }
    // 4. If SameValue(target, heldValue) is true, throw a TypeError exception.
    if same_value(agent, target, held_value) {
        return Err(agent.throw_type_error(
            "FinalizationRegistry target and held value must not be the same",
            gc,
        ));
    }
    // 5. If CanBeHeldWeakly(unregisterToken) is false, then
    let unregister_token = if can_be_held_weakly(agent, unregister_token) {
        Some(unregister_token.unbind())
    } else {
        // a. If unregisterToken is not undefined, throw a TypeError exception.
        if !unregister_token.is_undefined() {
            return Err(agent.throw_type_error(
                "FinalizationRegistry unregister token must be an object or a non-registered symbol",
                gc,
            ));
        }
        // b. Set unregisterToken to empty.
        None
    };
    // 6. Let cell be the Record { [[WeakRefTarget]]: target, [[HeldValue]]: heldValue,
    //    [[UnregisterToken]]: unregisterToken }.
    let cell = FinalizationCell {
        target: Some(target.unbind()),
        held_value: held_value.unbind(),
        unregister_token,
    };
    // 7. Append cell to finalizationRegistry.[[Cells]].
    agent.heap.allocated_since_gc += std::mem::size_of::<FinalizationCell>();
    agent
        .heap
        .finalization_registries
        .get_mut(record.index())
        .cells
        .push(cell);
    // 8. Return undefined.
    Ok(Value::Undefined)
}

/// ### [26.2.3.3 FinalizationRegistry.prototype.unregister ( unregisterToken )](https://tc39.es/ecma262/#sec-finalization-registry.prototype.unregister)
fn unregister<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    let unregister_token = args.get(0);
    // 1. Let finalizationRegistry be the this value.
    // 2. Perform ? RequireInternalSlot(finalizationRegistry, [[Cells]]).
    let record = this_registry(agent, this, "unregister", gc)?;
    // 3. If CanBeHeldWeakly(unregisterToken) is false, throw a TypeError exception.
    if !can_be_held_weakly(agent, unregister_token) {
        return Err(agent.throw_type_error(
            "FinalizationRegistry unregister token must be an object or a non-registered symbol",
            gc,
        ));
    }
    // 4. Let removed be false.
    // 5. For each Record { [[WeakRefTarget]], [[HeldValue]], [[UnregisterToken]] } cell of
    //    finalizationRegistry.[[Cells]], do
    //    a. If cell.[[UnregisterToken]] is not empty and SameValue(cell.[[UnregisterToken]],
    //       unregisterToken) is true, then
    //       i. Remove cell from finalizationRegistry.[[Cells]].
    //       ii. Set removed to true.
    // (Tokens are objects or symbols: SameValue is identity.)
    let token = unregister_token.unbind();
    let cells = &mut agent
        .heap
        .finalization_registries
        .get_mut(record.index())
        .cells;
    let before = cells.len();
    cells.retain(|cell| cell.unregister_token != Some(token));
    let removed = cells.len() != before;
    // 6. Return removed.
    Ok(Value::Boolean(removed))
}

/// The job HostEnqueueFinalizationRegistryCleanupJob queues: its argument is
/// the FinalizationRegistry.
fn finalization_registry_cleanup_job<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let Value::Object(registry) = args.get(0) else {
        return Ok(Value::Undefined);
    };
    // a. Let cleanupResult be Completion(CleanupFinalizationRegistry(finalizationRegistry)).
    // b. If cleanupResult is an abrupt completion, perform any host-defined steps for reporting
    //    the error (the embedder's job runner reports it).
    cleanup_finalization_registry(agent, registry, gc)?;
    // c. Return unused.
    Ok(Value::Undefined)
}

/// ### [9.12 CleanupFinalizationRegistry ( finalizationRegistry )](https://tc39.es/ecma262/#sec-cleanup-finalization-registry)
fn cleanup_finalization_registry<'gc>(
    agent: &mut Agent,
    finalization_registry: Object,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let registry = finalization_registry
        .bind(gc.nogc())
        .scope(agent, gc.nogc());
    let record_of = |agent: &Agent, registry: Object| match registry.kind(agent) {
        ObjectKind::FinalizationRegistry(record) => Some(record),
        _ => None,
    };
    // 1. Assert: finalizationRegistry has [[Cells]] and [[CleanupCallback]] internal slots.
    let Some(record) = record_of(agent, registry.get(agent)) else {
        return Ok(());
    };
    agent
        .heap
        .finalization_registries
        .get_mut(record.index())
        .cleanup_queued = false;
    // 2. Let callback be finalizationRegistry.[[CleanupCallback]].
    //    (Read from the record before each call: the record keeps it rooted.)
    // 3. While finalizationRegistry.[[Cells]] contains a Record cell such that
    //    cell.[[WeakRefTarget]] is empty, an implementation may perform the following steps:
    loop {
        let Some(record) = record_of(agent, registry.get(agent)) else {
            return Ok(());
        };
        let slots = agent.heap.finalization_registries.get_mut(record.index());
        // a. Choose any such cell.
        let Some(position) = slots.cells.iter().position(|cell| cell.target.is_none()) else {
            break;
        };
        // b. Remove cell from finalizationRegistry.[[Cells]].
        let cell = slots.cells.remove(position);
        let callback = slots.cleanup_callback;
        // c. Perform ? HostCallJobCallback(callback, undefined, « cell.[[HeldValue]] »).
        call_function(
            agent,
            callback,
            Value::Undefined,
            ArgumentsList(&[cell.held_value]),
            gc.reborrow(),
        )?;
    }
    // 4. Return unused.
    Ok(())
}
