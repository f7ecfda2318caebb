//! ### [24.2 Set Objects](https://tc39.es/ecma262/#sec-set-objects): the constructor and its properties.

use super::map_data::MapDataRecord;
use crate::ecmascript::abstract_operations::{
    call_function, get, get_iterator, get_prototype_from_constructor, is_callable,
    iterator_close_on_error, iterator_step_value,
};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Object, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// Creates %Set% and %Set.prototype% (with its methods).
pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    let constructor =
        agent.create_builtin_constructor("Set", 0, set_constructor, Some(prototype), None, gc);
    agent.set_intrinsic(Intrinsic::Set, constructor);
    agent.set_intrinsic(Intrinsic::SetPrototype, prototype);
    agent.define_builtin_accessor(
        constructor,
        BuiltinName::Symbol(WellKnownSymbol::Species),
        Some(get_species),
        None,
        gc,
    );
    super::set_prototype::initialize(agent, prototype, gc);
    super::set_methods::initialize(agent, prototype, gc);
}

/// ### [24.2.2.1 Set ( [ iterable ] )](https://tc39.es/ecma262/#sec-set-iterable)
fn set_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let iterable = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = new_target else {
        return Err(agent.throw_type_error("Constructor Set requires 'new'", gc.into_nogc()));
    };
    // 2. Let set be ? OrdinaryCreateFromConstructor(NewTarget, "%Set.prototype%", « [[SetData]] »).
    let prototype =
        get_prototype_from_constructor(agent, new_target, Intrinsic::SetPrototype, gc.reborrow())?
            .unbind()
            .bind(gc.nogc());
    // 3. Set set.[[SetData]] to a new empty List.
    let data = agent.alloc_map_data(MapDataRecord::default());
    let set = agent.create_object(Some(prototype), ObjectKind::Set(data), gc.nogc());
    // 4. If iterable is either undefined or null, return set.
    if iterable.get(agent).is_nullish() {
        return Ok(set.unbind().bind(gc.into_nogc()).into());
    }
    let set = set.scope(agent, gc.nogc());
    // 5. Let adder be ? Get(set, "add").
    let adder_key = agent.static_key("add");
    let adder = get(agent, set.get(agent), adder_key, gc.reborrow())?.unbind();
    // 6. If IsCallable(adder) is false, throw a TypeError exception.
    if !is_callable(agent, adder) {
        return Err(agent.throw_type_error("Set.prototype.add is not callable", gc.into_nogc()));
    }
    let adder = adder.scope(agent, gc.nogc());
    // 7. Let iteratorRecord be ? GetIterator(iterable, sync).
    let (iterator, next) = get_iterator(agent, iterable.get(agent), gc.reborrow())?.unbind();
    let iterator = iterator.scope(agent, gc.nogc());
    let next = next.scope(agent, gc.nogc());
    // 8. Repeat,
    loop {
        // a. Let next be ? IteratorStepValue(iteratorRecord).
        let value =
            iterator_step_value(agent, iterator.get(agent), next.get(agent), gc.reborrow())?
                .unbind();
        // b. If next is done, return set.
        let Some(value) = value else {
            return Ok(set.get(agent).bind(gc.into_nogc()).into());
        };
        // c. Let status be Completion(Call(adder, set, « next »)).
        let status = call_function(
            agent,
            adder.get(agent),
            set.get(agent).into(),
            ArgumentsList(&[value]),
            gc.reborrow(),
        );
        // d. IfAbruptCloseIterator(status, iteratorRecord).
        if let Err(error) = status {
            return Err(iterator_close_on_error(
                agent,
                iterator.get(agent),
                error,
                gc.reborrow(),
            ));
        }
    }
}

/// ### [24.2.3.2 get Set [ %Symbol.species% ]](https://tc39.es/ecma262/#sec-get-set-%symbol.species%)
fn get_species<'gc>(
    _agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return the this value.
    Ok(this.bind(gc.into_nogc()))
}
