//! The Object statics that list, copy or build properties: `assign`, `keys`,
//! `values`, `entries`, `fromEntries`, `getOwnPropertyNames`,
//! `getOwnPropertySymbols`, `groupBy` and `hasOwn`.

use crate::ecmascript::abstract_operations::{
    EnumerableKind, KeyCoercion, create_array_from_list, enumerable_own_properties, get,
    get_iterator, group_by as group_by_operation, has_own_property, iterator_close_on_error,
    iterator_step_value, set, to_object, to_property_key,
};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{PropertyDescriptor, PropertyKey, Value};
use crate::engine::{Bindable, GcScope, Rootable};

/// ### [20.1.2.1 Object.assign ( target, ...sources )](https://tc39.es/ecma262/#sec-object.assign)
pub(super) fn assign<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    // 1. Let to be ? ToObject(target).
    let to = to_object(agent, args.get(0), gc.nogc())?.scope(agent, gc.nogc());
    // 2. If only one argument was passed, return to.
    let sources: Vec<_> = args
        .slice_from(1)
        .as_slice()
        .iter()
        .map(|s| s.scope(agent, gc.nogc()))
        .collect();
    // 3. For each element nextSource of sources, do
    for next_source in sources {
        // a. If nextSource is neither undefined nor null, then
        let source = next_source.get(agent);
        if source.is_nullish() {
            continue;
        }
        // i. Let from be ! ToObject(nextSource).
        let from = to_object(agent, source, gc.nogc())?.scope(agent, gc.nogc());
        // ii. Let keys be ? from.[[OwnPropertyKeys]]().
        let keys = from
            .get(agent)
            .internal_own_property_keys(agent, gc.reborrow())?
            .unbind();
        let keys: Vec<_> = keys
            .into_iter()
            .map(|k| k.scope(agent, gc.nogc()))
            .collect();
        // iii. For each element nextKey of keys, do
        for next_key in keys {
            // 1. Let desc be ? from.[[GetOwnProperty]](nextKey).
            let desc = from.get(agent).internal_get_own_property(
                agent,
                next_key.get(agent),
                gc.reborrow(),
            )?;
            // 2. If desc is not undefined and desc.[[Enumerable]] is true, then
            if desc.is_none_or(|d| d.enumerable != Some(true)) {
                continue;
            }
            // a. Let propValue be ? Get(from, nextKey).
            let prop_value =
                get(agent, from.get(agent), next_key.get(agent), gc.reborrow())?.unbind();
            // b. Perform ? Set(to, nextKey, propValue, true).
            set(
                agent,
                to.get(agent),
                next_key.get(agent),
                prop_value,
                true,
                gc.reborrow(),
            )?;
        }
    }
    // 4. Return to.
    Ok(to.get(agent).bind(gc.into_nogc()).into())
}

/// Shared steps of `keys`, `values` and `entries`: ToObject, then
/// EnumerableOwnProperties, then CreateArrayFromList.
fn enumerable_own_list<'gc>(
    agent: &mut Agent,
    o: Value,
    kind: EnumerableKind,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let obj be ? ToObject(O).
    let obj = to_object(agent, o, gc.nogc())?.unbind();
    // 2. Let list be ? EnumerableOwnProperties(obj, kind).
    let list = enumerable_own_properties(agent, obj, kind, gc.reborrow())?.unbind();
    // 3. Return CreateArrayFromList(list).
    let gc = gc.into_nogc();
    Ok(create_array_from_list(agent, &list, gc).into())
}

/// ### [20.1.2.19 Object.keys ( O )](https://tc39.es/ecma262/#sec-object.keys)
pub(super) fn keys<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    enumerable_own_list(agent, args.get(0), EnumerableKind::Key, gc)
}

/// ### [20.1.2.24 Object.values ( O )](https://tc39.es/ecma262/#sec-object.values)
pub(super) fn values<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    enumerable_own_list(agent, args.get(0), EnumerableKind::Value, gc)
}

/// ### [20.1.2.5 Object.entries ( O )](https://tc39.es/ecma262/#sec-object.entries)
pub(super) fn entries<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    enumerable_own_list(agent, args.get(0), EnumerableKind::KeyValue, gc)
}

/// ### [20.1.2.11.1 GetOwnPropertyKeys ( O, type )](https://tc39.es/ecma262/#sec-getownpropertykeys)
///
/// `symbols` selects the ~symbol~ type, otherwise ~string~.
fn get_own_property_keys<'gc>(
    agent: &mut Agent,
    o: Value,
    symbols: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let obj be ? ToObject(O).
    let obj = to_object(agent, o, gc.nogc())?.unbind();
    // 2. Let keys be ? obj.[[OwnPropertyKeys]]().
    let keys = obj
        .internal_own_property_keys(agent, gc.reborrow())?
        .unbind();
    let gc = gc.into_nogc();
    // 3. Let nameList be a new empty List.
    // 4. For each element nextKey of keys, do
    //    a. If nextKey is a Symbol and type is symbol, or if nextKey is a String and type is
    //       string, then
    //       i. Append nextKey to nameList.
    let name_list: Vec<Value> = keys
        .into_iter()
        .filter(|k| k.is_symbol() == symbols)
        .map(|k| agent.key_to_value(k, gc))
        .collect();
    // 5. Return CreateArrayFromList(nameList).
    Ok(create_array_from_list(agent, &name_list, gc).into())
}

/// ### [20.1.2.10 Object.getOwnPropertyNames ( O )](https://tc39.es/ecma262/#sec-object.getownpropertynames)
pub(super) fn get_own_property_names<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return CreateArrayFromList(? GetOwnPropertyKeys(O, string)).
    get_own_property_keys(agent, args.get(0), false, gc)
}

/// ### [20.1.2.11 Object.getOwnPropertySymbols ( O )](https://tc39.es/ecma262/#sec-object.getownpropertysymbols)
pub(super) fn get_own_property_symbols<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return CreateArrayFromList(? GetOwnPropertyKeys(O, symbol)).
    get_own_property_keys(agent, args.get(0), true, gc)
}

/// ### [20.1.2.7 Object.fromEntries ( iterable )](https://tc39.es/ecma262/#sec-object.fromentries)
///
/// The adder closure of step 4 is not observable, so its steps run inline in
/// [24.1.1.2 AddEntriesFromIterable](https://tc39.es/ecma262/#sec-add-entries-from-iterable).
pub(super) fn from_entries<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let iterable = args.get(0).bind(gc.nogc());
    // 1. Perform ? RequireObjectCoercible(iterable).
    if iterable.is_nullish() {
        return Err(
            agent.throw_type_error("Object.fromEntries requires an iterable", gc.into_nogc())
        );
    }
    // 2. Let obj be OrdinaryObjectCreate(%Object.prototype%).
    // 3. Assert: obj is an extensible ordinary object with no own properties.
    let prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let obj = agent
        .create_object(Some(prototype), ObjectKind::Ordinary, gc.nogc())
        .scope(agent, gc.nogc());
    // 6. Return ? AddEntriesFromIterable(obj, iterable, adder).
    // AddEntriesFromIterable 1. Let iteratorRecord be ? GetIterator(iterable, sync).
    let (iterator, next) = get_iterator(agent, iterable.unbind(), gc.reborrow())?;
    let (iterator, next) = (iterator.unbind(), next.unbind());
    let iterator = iterator.scope(agent, gc.nogc());
    let next = next.scope(agent, gc.nogc());
    // 2. Repeat,
    loop {
        // a. Let next be ? IteratorStepValue(iteratorRecord).
        let entry =
            iterator_step_value(agent, iterator.get(agent), next.get(agent), gc.reborrow())?;
        // b. If next is done, return target.
        let Some(entry) = entry else {
            break;
        };
        // c. If next is not an Object, then
        let Value::Object(entry) = entry.unbind() else {
            // i. Let error be ThrowCompletion(a newly created TypeError object).
            let error = agent.throw_type_error("Iterator value is not an entry object", gc.nogc());
            // ii. Return ? IteratorClose(iteratorRecord, error).
            return Err(iterator_close_on_error(
                agent,
                iterator.get(agent),
                error,
                gc,
            ));
        };
        let entry = entry.scope(agent, gc.nogc());
        // d. Let k be Completion(Get(next, "0")).
        // e. IfAbruptCloseIterator(k, iteratorRecord).
        let k = match get(
            agent,
            entry.get(agent),
            PropertyKey::Index(0),
            gc.reborrow(),
        ) {
            Ok(k) => k.unbind().scope(agent, gc.nogc()),
            Err(error) => {
                return Err(iterator_close_on_error(
                    agent,
                    iterator.get(agent),
                    error,
                    gc,
                ));
            }
        };
        // f. Let v be Completion(Get(next, "1")).
        // g. IfAbruptCloseIterator(v, iteratorRecord).
        let v = match get(
            agent,
            entry.get(agent),
            PropertyKey::Index(1),
            gc.reborrow(),
        ) {
            Ok(v) => v.unbind().scope(agent, gc.nogc()),
            Err(error) => {
                return Err(iterator_close_on_error(
                    agent,
                    iterator.get(agent),
                    error,
                    gc,
                ));
            }
        };
        // h. Let status be Completion(Call(adder, target, « k, v »)).
        // adder a. Let propertyKey be ? ToPropertyKey(key).
        let property_key = match to_property_key(agent, k.get(agent), gc.reborrow()) {
            Ok(key) => key.unbind(),
            Err(error) => {
                // i. IfAbruptCloseIterator(status, iteratorRecord).
                return Err(iterator_close_on_error(
                    agent,
                    iterator.get(agent),
                    error,
                    gc,
                ));
            }
        };
        // adder b. Perform ! CreateDataPropertyOrThrow(obj, propertyKey, value).
        let desc = PropertyDescriptor::data(v.get(agent), true, true, true);
        obj.get(agent)
            .ordinary_define_own_property(agent, property_key, desc, gc.nogc());
    }
    Ok(obj.get(agent).bind(gc.into_nogc()).into())
}

/// ### [20.1.2.13 Object.groupBy ( items, callback )](https://tc39.es/ecma262/#sec-object.groupby)
pub(super) fn group_by<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let groups be ? GroupBy(items, callback, property).
    let groups = group_by_operation(
        agent,
        args.get(0),
        args.get(1),
        KeyCoercion::Property,
        gc.reborrow(),
    )?
    .unbind();
    let gc = gc.into_nogc();
    let groups = groups.bind(gc);
    // 2. Let obj be OrdinaryObjectCreate(null).
    let obj = agent.create_object(None, ObjectKind::Ordinary, gc);
    // 3. For each Record { [[Key]], [[Elements]] } g of groups, do
    for group in groups {
        // a. Let elements be CreateArrayFromList(g.[[Elements]]).
        let elements = create_array_from_list(agent, &group.elements, gc);
        // b. Perform ! CreateDataPropertyOrThrow(obj, g.[[Key]], elements).
        let key = match group.key {
            Value::Symbol(s) => PropertyKey::Symbol(s),
            other => {
                let s = other.as_string().expect("GroupBy property keys");
                agent.string_to_key(s, gc)
            }
        };
        let desc = PropertyDescriptor::data(elements.into(), true, true, true);
        obj.ordinary_define_own_property(agent, key, desc, gc);
    }
    // 4. Return obj.
    Ok(obj.into())
}

/// ### [20.1.2.14 Object.hasOwn ( O, P )](https://tc39.es/ecma262/#sec-object.hasown)
pub(super) fn has_own<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    let p = args.get(1).scope(agent, gc.nogc());
    // 1. Let obj be ? ToObject(O).
    let obj = to_object(agent, args.get(0), gc.nogc())?.scope(agent, gc.nogc());
    // 2. Let key be ? ToPropertyKey(P).
    let key = to_property_key(agent, p.get(agent), gc.reborrow())?.unbind();
    // 3. Return ? HasOwnProperty(obj, key).
    has_own_property(agent, obj.get(agent), key, gc).map(Value::Boolean)
}
