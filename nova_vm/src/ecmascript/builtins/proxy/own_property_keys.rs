//! ### [10.5.11 [[OwnPropertyKeys]] ( )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-ownpropertykeys) of Proxy exotic objects

use ahash::AHashSet;

use super::{get_trap, validate_non_revoked_proxy};
use crate::ecmascript::abstract_operations::{call_function, get, length_of_array_like};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, HeapRoot, JsResult};
use crate::ecmascript::types::{Object, PropertyKey, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// ### [10.5.11 [[OwnPropertyKeys]] ( )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-ownpropertykeys)
pub(crate) fn proxy_own_property_keys<'gc>(
    agent: &mut Agent,
    o: Object,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Vec<PropertyKey<'gc>>> {
    let o = o.bind(gc.nogc());
    // 1. Perform ? ValidateNonRevokedProxy(O).
    // 2. Let target be O.[[ProxyTarget]].
    // 3. Let handler be O.[[ProxyHandler]].
    // 4. Assert: handler is an Object.
    let (target, handler) = validate_non_revoked_proxy(agent, o, gc.nogc())?;
    let target = target.scope(agent, gc.nogc());
    let handler = handler.scope(agent, gc.nogc());
    // 5. Let trap be ? GetMethod(handler, "ownKeys").
    let trap = get_trap(agent, handler.get(agent), "ownKeys", gc.reborrow())?.unbind();
    // 6. If trap is undefined, then
    let Some(trap) = trap else {
        // a. Return ? target.[[OwnPropertyKeys]]().
        return target.get(agent).internal_own_property_keys(agent, gc);
    };
    // 7. Let trapResultArray be ? Call(trap, handler, « target »).
    let trap_result_array = call_function(
        agent,
        trap,
        handler.get(agent).into(),
        ArgumentsList(&[target.get(agent).into()]),
        gc.reborrow(),
    )?
    .unbind();
    // 8. Let trapResult be ? CreateListFromArrayLike(trapResultArray, property-key).
    //    (The keys stay on the scoped-root stack from `trap_start` on.)
    let (trap_start, trap_end) =
        create_key_list_from_array_like(agent, trap_result_array, gc.reborrow())?;
    // 9. If trapResult contains any duplicate entries, throw a TypeError exception.
    let mut seen = AHashSet::with_capacity(trap_end - trap_start);
    for i in trap_start..trap_end {
        if !seen.insert(key_root(agent, i)) {
            return Err(agent.throw_type_error(
                "Proxy ownKeys trap result contains a duplicate entry",
                gc.into_nogc(),
            ));
        }
    }
    // 10. Let extensibleTarget be ? IsExtensible(target).
    let extensible_target = target
        .get(agent)
        .internal_is_extensible(agent, gc.reborrow())?;
    // 11. Let targetKeys be ? target.[[OwnPropertyKeys]]().
    let target_keys = target
        .get(agent)
        .internal_own_property_keys(agent, gc.reborrow())?
        .unbind();
    // 12. Assert: targetKeys is a List of property keys.
    // 13. Assert: targetKeys contains no duplicate entries.
    let target_start = agent.scoped_roots.len();
    agent
        .scoped_roots
        .extend(target_keys.iter().map(|k| HeapRoot::Key(*k)));
    let target_count = target_keys.len();
    // 14. Let targetConfigurableKeys be a new empty List.
    // 15. Let targetNonconfigurableKeys be a new empty List.
    //     (`nonconfigurable[i]` tells which list the i-th target key belongs to.)
    let mut nonconfigurable = Vec::with_capacity(target_count);
    // 16. For each element key of targetKeys, do
    for i in 0..target_count {
        let key = key_root(agent, target_start + i);
        // a. Let desc be ? target.[[GetOwnProperty]](key).
        let desc = target
            .get(agent)
            .internal_get_own_property(agent, key, gc.reborrow())?;
        // b. If desc is not undefined and desc.[[Configurable]] is false, then
        //    i. Append key to targetNonconfigurableKeys.
        // c. Else,
        //    i. Append key to targetConfigurableKeys.
        nonconfigurable.push(desc.is_some_and(|d| d.configurable == Some(false)));
    }
    let gc = gc.into_nogc();
    let trap_result = |agent: &Agent| -> Vec<PropertyKey<'gc>> {
        (trap_start..trap_end)
            .map(|i| key_root(agent, i).bind(gc))
            .collect()
    };
    // 17. If extensibleTarget is true and targetNonconfigurableKeys is empty, then
    if extensible_target && !nonconfigurable.contains(&true) {
        // a. Return trapResult.
        return Ok(trap_result(agent));
    }
    // 18. Let uncheckedResultKeys be a List whose elements are the elements of trapResult.
    let mut unchecked_result_keys = seen;
    // 19. For each element key of targetNonconfigurableKeys, do
    for i in (0..target_count).filter(|&i| nonconfigurable[i]) {
        // a. If uncheckedResultKeys does not contain key, throw a TypeError exception.
        // b. Remove key from uncheckedResultKeys.
        if !unchecked_result_keys.remove(&key_root(agent, target_start + i)) {
            return Err(agent.throw_type_error(
                "Proxy ownKeys trap result does not include a non-configurable key of the target",
                gc,
            ));
        }
    }
    // 20. If extensibleTarget is true, return trapResult.
    if extensible_target {
        return Ok(trap_result(agent));
    }
    // 21. For each element key of targetConfigurableKeys, do
    for i in (0..target_count).filter(|&i| !nonconfigurable[i]) {
        // a. If uncheckedResultKeys does not contain key, throw a TypeError exception.
        // b. Remove key from uncheckedResultKeys.
        if !unchecked_result_keys.remove(&key_root(agent, target_start + i)) {
            return Err(agent.throw_type_error(
                "Proxy ownKeys trap result does not include a key of the non-extensible target",
                gc,
            ));
        }
    }
    // 22. If uncheckedResultKeys is not empty, throw a TypeError exception.
    if !unchecked_result_keys.is_empty() {
        return Err(agent.throw_type_error(
            "Proxy ownKeys trap result includes a key the non-extensible target does not have",
            gc,
        ));
    }
    // 23. Return trapResult.
    Ok(trap_result(agent))
}

/// The property key parked at `index` of the scoped-root stack.
fn key_root(agent: &Agent, index: usize) -> PropertyKey<'static> {
    match agent.scoped_roots[index] {
        HeapRoot::Key(key) => key,
        _ => unreachable!("a property key root"),
    }
}

/// ### [7.3.20 CreateListFromArrayLike ( obj [ , validElementTypes ] )](https://tc39.es/ecma262/#sec-createlistfromarraylike) with validElementTypes ~property-key~
///
/// Pushes the keys onto the scoped-root stack (the caller's root scope owns
/// them) instead of returning a List, and returns where they are.
fn create_key_list_from_array_like<'gc>(
    agent: &mut Agent,
    obj: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, (usize, usize)> {
    // 1. If validElementTypes is not present, set validElementTypes to all.
    // 2. If obj is not an Object, throw a TypeError exception.
    let Value::Object(obj) = obj else {
        return Err(
            agent.throw_type_error("Proxy ownKeys trap result is not an object", gc.into_nogc())
        );
    };
    let obj = obj.bind(gc.nogc()).scope(agent, gc.nogc());
    // 3. Let len be ? LengthOfArrayLike(obj).
    let len = length_of_array_like(agent, obj.get(agent), gc.reborrow())?;
    // 4. Let list be a new empty List.
    //    (Its elements are the roots from `list_start` on; the calls below may leave roots
    //    of their own above them, which are dropped before each append.)
    let list_start = agent.scoped_roots.len();
    // 5. Let index be 0.
    // 6. Repeat, while index < len,
    for index in 0..len {
        // a. Let indexName be ! ToString(𝔽(index)).
        let index_name = index_key(agent, index, gc.nogc()).unbind();
        // b. Let next be ? Get(obj, indexName).
        let next = get(agent, obj.get(agent), index_name, gc.reborrow())?.unbind();
        // c. If validElementTypes is property-key and next is not a property key, throw a
        //    TypeError exception.
        let key = match next {
            Value::Symbol(s) => PropertyKey::Symbol(s),
            other => match other.as_string() {
                Some(s) => agent.string_to_key(s, gc.nogc()).unbind(),
                None => {
                    return Err(agent.throw_type_error(
                        "Proxy ownKeys trap result contains a value that is neither a string nor a symbol",
                        gc.into_nogc(),
                    ));
                }
            },
        };
        // d. Append next to list.
        agent.scoped_roots.truncate(list_start + index as usize);
        agent.scoped_roots.push(HeapRoot::Key(key));
        // e. Set index to index + 1.
    }
    // 7. Return list.
    let list_end = list_start + len as usize;
    agent.scoped_roots.truncate(list_end);
    Ok((list_start, list_end))
}

/// The property key `! ToString(𝔽(index))`.
fn index_key<'gc>(agent: &mut Agent, index: u64, gc: NoGcScope<'gc, '_>) -> PropertyKey<'gc> {
    match u32::try_from(index) {
        Ok(i) if i != u32::MAX => PropertyKey::Index(i),
        _ => agent.key_from_str(&index.to_string(), gc),
    }
}
