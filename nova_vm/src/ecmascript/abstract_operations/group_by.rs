//! ### [7.3.35 GroupBy ( items, callback, keyCoercion )](https://tc39.es/ecma262/#sec-groupby)
//! and [7.3.34 AddValueToKeyedGroup ( groups, key, value )](https://tc39.es/ecma262/#sec-add-value-to-keyed-group)

use super::iterators::{get_iterator, iterator_close_on_error, iterator_step_value};
use super::operations_on_objects::call_function;
use super::testing_and_comparison::{is_callable, require_object_coercible};
use super::type_conversion::to_property_key;
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::builtins::keyed_collections::{
    MapDataRecord, canonicalize_keyed_collection_key,
};
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// How GroupBy turns the callback's result into a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupKeyCoercion {
    /// `property`: ToPropertyKey (for Object.groupBy).
    Property,
    /// `collection`: CanonicalizeKeyedCollectionKey (for Map.groupBy).
    Collection,
}

/// ### [7.3.35 GroupBy ( items, callback, keyCoercion )](https://tc39.es/ecma262/#sec-groupby)
///
/// The List of groups is returned as an object without a prototype whose
/// `[[MapData]]` holds, in order, each group's `[[Key]]` and an Array of its
/// `[[Elements]]` (the heap keeps the groups rooted while the callback runs).
/// With `Property` coercion the keys are Strings and Symbols.
pub fn group_by<'gc>(
    agent: &mut Agent,
    items: Value,
    callback: Value,
    key_coercion: GroupKeyCoercion,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    let items = items.bind(gc.nogc());
    let callback = callback.bind(gc.nogc());
    // 1. Perform ? RequireObjectCoercible(items).
    require_object_coercible(agent, items, gc.nogc())?;
    // 2. If IsCallable(callback) is false, throw a TypeError exception.
    if !is_callable(agent, callback) {
        return Err(agent.throw_type_error("GroupBy callback is not a function", gc.into_nogc()));
    }
    let callback = callback.scope(agent, gc.nogc());
    // 3. Let groups be a new empty List.
    let data = agent.alloc_map_data(MapDataRecord::default());
    let groups = agent
        .create_object(None, ObjectKind::Map(data), gc.nogc())
        .scope(agent, gc.nogc());
    // 4. Let iteratorRecord be ? GetIterator(items, sync).
    let (iterator, next) = get_iterator(agent, items.unbind(), gc.reborrow())?.unbind();
    let iterator = iterator.scope(agent, gc.nogc());
    let next = next.scope(agent, gc.nogc());
    let value = Value::Undefined.scope(agent, gc.nogc());
    // 5. Let k be 0.
    let mut k: u64 = 0;
    // 6. Repeat,
    loop {
        // a. If k ≥ 2^53 - 1, then
        if k >= (1 << 53) - 1 {
            // i. Let error be ThrowCompletion(a newly created TypeError object).
            let error = agent.throw_type_error("Too many elements to group", gc.nogc());
            // ii. Return ? IteratorClose(iteratorRecord, error).
            return Err(iterator_close_on_error(
                agent,
                iterator.get(agent),
                error,
                gc.reborrow(),
            ));
        }
        // b. Let next be ? IteratorStepValue(iteratorRecord).
        let step = iterator_step_value(agent, iterator.get(agent), next.get(agent), gc.reborrow())?
            .unbind();
        // c. If next is done, then i. Return groups.
        let Some(step) = step else {
            return Ok(groups.get(agent).bind(gc.into_nogc()));
        };
        // d. Let value be next.
        value.set(agent, step);
        // e. Let key be Completion(Call(callback, undefined, « value, 𝔽(k) »)).
        let index = agent.number(k as f64, gc.nogc()).unbind();
        let key = call_function(
            agent,
            callback.get(agent),
            Value::Undefined,
            ArgumentsList(&[step, index]),
            gc.reborrow(),
        )
        .unbind();
        // f. IfAbruptCloseIterator(key, iteratorRecord).
        let key = match key {
            Ok(key) => key,
            Err(error) => {
                return Err(iterator_close_on_error(
                    agent,
                    iterator.get(agent),
                    error,
                    gc.reborrow(),
                ));
            }
        };
        let key = match key_coercion {
            // g. If keyCoercion is property, then
            GroupKeyCoercion::Property => {
                // i. Set key to Completion(ToPropertyKey(key)).
                // ii. IfAbruptCloseIterator(key, iteratorRecord).
                match to_property_key(agent, key, gc.reborrow()).unbind() {
                    Ok(key) => agent.key_to_value(key, gc.nogc()).unbind(),
                    Err(error) => {
                        return Err(iterator_close_on_error(
                            agent,
                            iterator.get(agent),
                            error,
                            gc.reborrow(),
                        ));
                    }
                }
            }
            // h. Else,
            //    i. Assert: keyCoercion is collection.
            //    ii. Set key to CanonicalizeKeyedCollectionKey(key).
            GroupKeyCoercion::Collection => canonicalize_keyed_collection_key(agent, key),
        };
        // i. Perform AddValueToKeyedGroup(groups, key, value).
        add_value_to_keyed_group(agent, groups.get(agent), key, value.get(agent), gc.nogc());
        // j. Set k to k + 1.
        k += 1;
    }
}

/// ### [7.3.34 AddValueToKeyedGroup ( groups, key, value )](https://tc39.es/ecma262/#sec-add-value-to-keyed-group)
fn add_value_to_keyed_group(
    agent: &mut Agent,
    groups: Object,
    key: Value,
    value: Value,
    gc: NoGcScope,
) {
    let ObjectKind::Map(data) = groups.kind(agent) else {
        return;
    };
    // 1. For each Record { [[Key]], [[Elements]] } g of groups, do
    //    a. If SameValue(g.[[Key]], key) is true, then
    if let Some(Value::Object(elements)) = agent.map_data_get(data, key) {
        // i. Assert: Exactly one element of groups meets this criterion.
        // ii. Append value to g.[[Elements]].
        let record = elements.elements_mut(agent);
        let length = record.length;
        record.set(length, value.unbind(), Attributes::DEFAULT);
        record.length = length + 1;
        // iii. Return unused.
        return;
    }
    // 2. Let group be the Record { [[Key]]: key, [[Elements]]: « value » }.
    let elements = super::operations_on_objects::create_array_from_list(agent, &[value], gc);
    // 3. Append group to groups.
    agent.map_data_set(data, key, elements.into());
    // 4. Return unused.
}
