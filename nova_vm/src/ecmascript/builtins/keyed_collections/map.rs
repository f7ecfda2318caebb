//! ### [24.1 Map Objects](https://tc39.es/ecma262/#sec-map-objects): the constructor and its properties.

use super::map_data::MapDataRecord;
use crate::ecmascript::abstract_operations::{
    KeyCoercion, call_function, create_array_from_list, get, get_iterator,
    get_prototype_from_constructor, group_by, is_callable, iterator_close_on_error,
    iterator_step_value,
};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Object, PropertyKey, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// Creates %Map% and %Map.prototype% (with its methods).
pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    let constructor =
        agent.create_builtin_constructor("Map", 0, map_constructor, Some(prototype), None, gc);
    agent.set_intrinsic(Intrinsic::Map, constructor);
    agent.set_intrinsic(Intrinsic::MapPrototype, prototype);
    agent.define_builtin_method(
        constructor,
        BuiltinName::Str("groupBy"),
        2,
        group_by_method,
        gc,
    );
    agent.define_builtin_accessor(
        constructor,
        BuiltinName::Symbol(WellKnownSymbol::Species),
        Some(get_species),
        None,
        gc,
    );
    super::map_prototype::initialize(agent, prototype, gc);
}

/// ### [24.1.1.1 Map ( [ iterable ] )](https://tc39.es/ecma262/#sec-map-iterable)
fn map_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let iterable = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = new_target else {
        return Err(agent.throw_type_error("Constructor Map requires 'new'", gc.into_nogc()));
    };
    // 2. Let map be ? OrdinaryCreateFromConstructor(NewTarget, "%Map.prototype%", « [[MapData]] »).
    let prototype =
        get_prototype_from_constructor(agent, new_target, Intrinsic::MapPrototype, gc.reborrow())?
            .unbind()
            .bind(gc.nogc());
    // 3. Set map.[[MapData]] to a new empty List.
    let data = agent.alloc_map_data(MapDataRecord::default());
    let map = agent.create_object(Some(prototype), ObjectKind::Map(data), gc.nogc());
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
        return Err(agent.throw_type_error("Map.prototype.set is not callable", gc.into_nogc()));
    }
    // 7. Return ? AddEntriesFromIterable(map, iterable, adder).
    let result = add_entries_from_iterable(agent, map.get(agent), iterable.get(agent), adder, gc)?;
    Ok(result.into())
}

/// ### [24.1.1.2 AddEntriesFromIterable ( target, iterable, adder )](https://tc39.es/ecma262/#sec-add-entries-from-iterable)
pub(super) fn add_entries_from_iterable<'gc>(
    agent: &mut Agent,
    target: Object,
    iterable: Value,
    adder: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    let target = target.bind(gc.nogc()).scope(agent, gc.nogc());
    let adder = adder.bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let iteratorRecord be ? GetIterator(iterable, sync).
    let (iterator, next) = get_iterator(agent, iterable, gc.reborrow())?.unbind();
    let iterator = iterator.scope(agent, gc.nogc());
    let next = next.scope(agent, gc.nogc());
    // The current entry object (initially a placeholder).
    let entry = target.get(agent).scope(agent, gc.nogc());
    let key = Value::Undefined.scope(agent, gc.nogc());
    // 2. Repeat,
    loop {
        // a. Let next be ? IteratorStepValue(iteratorRecord).
        let step = iterator_step_value(agent, iterator.get(agent), next.get(agent), gc.reborrow())?
            .unbind();
        // b. If next is done, return target.
        let Some(step) = step else {
            return Ok(target.get(agent).bind(gc.into_nogc()));
        };
        // c. If next is not an Object, then
        let Value::Object(step) = step else {
            // i. Let error be ThrowCompletion(a newly created TypeError object).
            let error = agent.throw_type_error("Iterator value is not an entry object", gc.nogc());
            // ii. Return ? IteratorClose(iteratorRecord, error).
            return Err(iterator_close_on_error(
                agent,
                iterator.get(agent),
                error,
                gc.reborrow(),
            ));
        };
        entry.set(agent, step);
        let status = (|| -> JsResult<'_, ()> {
            // d. Let k be Completion(Get(next, "0")).
            // e. IfAbruptCloseIterator(k, iteratorRecord).
            let k = get(
                agent,
                entry.get(agent),
                PropertyKey::Index(0),
                gc.reborrow(),
            )?
            .unbind();
            key.set(agent, k);
            // f. Let v be Completion(Get(next, "1")).
            // g. IfAbruptCloseIterator(v, iteratorRecord).
            let v = get(
                agent,
                entry.get(agent),
                PropertyKey::Index(1),
                gc.reborrow(),
            )?
            .unbind();
            // h. Let status be Completion(Call(adder, target, « k, v »)).
            call_function(
                agent,
                adder.get(agent),
                target.get(agent).into(),
                ArgumentsList(&[key.get(agent), v]),
                gc.reborrow(),
            )?;
            Ok(())
        })();
        // i. IfAbruptCloseIterator(status, iteratorRecord).
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

/// ### [24.1.2.1 Map.groupBy ( items, callback )](https://tc39.es/ecma262/#sec-map.groupby)
fn group_by_method<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let groups be ? GroupBy(items, callback, collection).
    let groups = group_by(
        agent,
        args.get(0),
        args.get(1),
        KeyCoercion::Zero,
        gc.reborrow(),
    )?
    .unbind();
    let gc = gc.into_nogc();
    let groups = groups.bind(gc);
    // 2. Let map be ! Construct(%Map%).
    let prototype = agent.intrinsic(Intrinsic::MapPrototype);
    let data = agent.alloc_map_data(MapDataRecord::default());
    // 3. For each Record { [[Key]], [[Elements]] } g of groups, do
    for group in &groups {
        // a. Let elements be CreateArrayFromList(g.[[Elements]]).
        let elements = create_array_from_list(agent, &group.elements, gc);
        // b. Let entry be the Record { [[Key]]: g.[[Key]], [[Value]]: elements }.
        // c. Append entry to map.[[MapData]].
        agent.map_data_set(data, group.key, elements.into());
    }
    let map = agent.create_object(Some(prototype), ObjectKind::Map(data), gc);
    // 4. Return map.
    Ok(map.into())
}

/// ### [24.1.2.3 get Map [ %Symbol.species% ]](https://tc39.es/ecma262/#sec-get-map-%symbol.species%)
fn get_species<'gc>(
    _agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return the this value.
    Ok(this.bind(gc.into_nogc()))
}
