//! ### [7.3.24 EnumerableOwnProperties ( O, kind )](https://tc39.es/ecma262/#sec-enumerableownproperties)

use super::operations_on_objects::{create_array_from_list, get};
use crate::ecmascript::execution::{Agent, HeapRoot, JsResult};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, Rootable};

/// The `kind` argument of EnumerableOwnProperties.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EnumerableKind {
    /// ~key~
    Key,
    /// ~value~
    Value,
    /// ~key+value~
    KeyValue,
}

/// ### [7.3.24 EnumerableOwnProperties ( O, kind )](https://tc39.es/ecma262/#sec-enumerableownproperties)
///
/// The results are rooted while they are collected, then handed back bound to
/// the caller's token.
pub fn enumerable_own_properties<'gc>(
    agent: &mut Agent,
    o: Object,
    kind: EnumerableKind,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Vec<Value<'gc>>> {
    let o = o.bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let ownKeys be ? O.[[OwnPropertyKeys]]().
    let own_keys = o
        .get(agent)
        .internal_own_property_keys(agent, gc.reborrow())?
        .unbind();
    let keys_start = agent.scoped_roots.len();
    let key_count = own_keys.len();
    agent
        .scoped_roots
        .extend(own_keys.into_iter().map(HeapRoot::Key));
    // 2. Let results be a new empty List.
    let mut results = Vec::new();
    // (Nested operations may leave roots of their own above these; positions are absolute.)
    let key_at = |agent: &Agent, i: usize| match agent.scoped_roots[keys_start + i] {
        HeapRoot::Key(key) => key,
        _ => unreachable!("key root"),
    };
    // 3. For each element key of ownKeys, do
    for i in 0..key_count {
        // a. If key is a String, then
        if key_at(agent, i).is_symbol() {
            continue;
        }
        // i. Let desc be ? O.[[GetOwnProperty]](key).
        let desc =
            o.get(agent)
                .internal_get_own_property(agent, key_at(agent, i), gc.reborrow())?;
        // ii. If desc is not undefined and desc.[[Enumerable]] is true, then
        if desc.is_none_or(|d| d.enumerable != Some(true)) {
            continue;
        }
        // 1. If kind is key, then
        if kind == EnumerableKind::Key {
            // a. Append key to results.
            let key = agent.key_to_value(key_at(agent, i), gc.nogc());
            results.push(key.scope(agent, gc.nogc()));
            continue;
        }
        // 2. Else,
        // a. Let value be ? Get(O, key).
        let value = get(agent, o.get(agent), key_at(agent, i), gc.reborrow())?.unbind();
        let entry = if kind == EnumerableKind::Value {
            // b. If kind is value, then
            //    i. Append value to results.
            value
        } else {
            // c. Else,
            //    i. Assert: kind is key+value.
            //    ii. Let entry be CreateArrayFromList(« key, value »).
            //    iii. Append entry to results.
            let key = agent.key_to_value(key_at(agent, i), gc.nogc());
            create_array_from_list(agent, &[key, value], gc.nogc())
                .unbind()
                .into()
        };
        results.push(entry.scope(agent, gc.nogc()));
    }
    // 4. Return results.
    let gc = gc.into_nogc();
    let results = results.into_iter().map(|r| r.get(agent).bind(gc)).collect();
    agent.scoped_roots.truncate(keys_start);
    Ok(results)
}
