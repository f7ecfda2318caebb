//! ### [26.1 WeakRef Objects](https://tc39.es/ecma262/#sec-weak-ref-objects)

use crate::ecmascript::abstract_operations::get_prototype_from_constructor;
use crate::ecmascript::builtins::keyed_collections::can_be_held_weakly;
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::heap_layout::arena_ids;
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::handle::define_handle;
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};
use crate::heap::{Arena, HandleVisitor, Trace};

define_handle!(
    /// Handle to the internal slots of a WeakRef.
    WeakRef,
    arena_ids::WEAK_REFS
);

/// The internal slots of a WeakRef.
#[derive(Debug)]
pub struct WeakRefRecord {
    /// `[[WeakRefTarget]]`: an object or a symbol, held weakly; None once
    /// the collector found it dead (~empty~).
    pub target: Option<Value<'static>>,
}

impl Trace for WeakRefRecord {
    fn trace(&mut self, _visitor: &mut impl HandleVisitor) {
        // The target is weak.
    }

    fn trace_weak(&mut self, visitor: &mut impl HandleVisitor) {
        if let Some(target) = &mut self.target {
            target.trace(visitor);
        }
    }
}

/// Creates %WeakRef% and %WeakRef.prototype%.
pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    // 26.1.1 The WeakRef Constructor, 26.1.2.1 WeakRef.prototype and
    // 26.1.3.1 WeakRef.prototype.constructor
    let constructor = agent.create_builtin_constructor(
        "WeakRef",
        1,
        weak_ref_constructor,
        Some(prototype),
        None,
        gc,
    );
    agent.set_intrinsic(Intrinsic::WeakRef, constructor);
    agent.set_intrinsic(Intrinsic::WeakRefPrototype, prototype);
    agent.define_builtin_method(prototype, BuiltinName::Str("deref"), 0, deref, gc);
    // 26.1.3.3 WeakRef.prototype [ %Symbol.toStringTag% ]
    let tag = agent.create_string("WeakRef", gc);
    agent.define_builtin_property(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        tag.into_value(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
}

/// ### [26.1.1.1 WeakRef ( target )](https://tc39.es/ecma262/#sec-weak-ref-target)
fn weak_ref_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let target = args.get(0).bind(gc.nogc());
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = new_target else {
        return Err(agent.throw_type_error("Constructor WeakRef requires 'new'", gc.into_nogc()));
    };
    // 2. If CanBeHeldWeakly(target) is false, throw a TypeError exception.
    if !can_be_held_weakly(agent, target) {
        return Err(agent.throw_type_error(
            "WeakRef target must be an object or a non-registered symbol",
            gc.into_nogc(),
        ));
    }
    let target = target.scope(agent, gc.nogc());
    // 3. Let weakRef be ? OrdinaryCreateFromConstructor(NewTarget, "%WeakRef.prototype%", « [[WeakRefTarget]] »).
    let prototype = get_prototype_from_constructor(
        agent,
        new_target,
        Intrinsic::WeakRefPrototype,
        gc.reborrow(),
    )?
    .unbind()
    .bind(gc.nogc());
    let target = target.get(agent).bind(gc.nogc());
    // 4. Perform AddToKeptObjects(target).
    agent.add_to_kept_objects(target);
    // 5. Set weakRef.[[WeakRefTarget]] to target.
    agent.heap.allocated_since_gc += Arena::<WeakRefRecord>::RECORD_BYTES;
    let record = WeakRef::from_index(agent.heap.weak_refs.push(WeakRefRecord {
        target: Some(target.unbind()),
    }));
    let weak_ref = agent.create_object(Some(prototype), ObjectKind::WeakRef(record), gc.nogc());
    // 6. Return weakRef.
    Ok(weak_ref.unbind().bind(gc.into_nogc()).into())
}

/// ### [26.1.3.2 WeakRef.prototype.deref ( )](https://tc39.es/ecma262/#sec-weak-ref.prototype.deref)
fn deref<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let weakRef be the this value.
    // 2. Perform ? RequireInternalSlot(weakRef, [[WeakRefTarget]]).
    let record = match this {
        Value::Object(o) => match o.kind(agent) {
            ObjectKind::WeakRef(record) => Some(record),
            _ => None,
        },
        _ => None,
    };
    let Some(record) = record else {
        return Err(agent.throw_type_error(
            "WeakRef.prototype.deref called on incompatible receiver",
            gc.into_nogc(),
        ));
    };
    // 3. Return WeakRefDeref(weakRef).
    Ok(weak_ref_deref(agent, record).bind(gc.into_nogc()))
}

/// ### [26.1.4.1 WeakRefDeref ( weakRef )](https://tc39.es/ecma262/#sec-weakrefderef)
fn weak_ref_deref(agent: &mut Agent, weak_ref: WeakRef) -> Value<'static> {
    // 1. Let target be weakRef.[[WeakRefTarget]].
    let target = agent.heap.weak_refs.get(weak_ref.index()).target;
    // 2. If target is not empty, then
    if let Some(target) = target {
        // a. Perform AddToKeptObjects(target).
        agent.add_to_kept_objects(target);
        // b. Return target.
        return target;
    }
    // 3. Return undefined.
    Value::Undefined
}
