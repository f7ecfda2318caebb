//! ### [10.5.9 [[Set]] ( P, V, Receiver )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver) of Proxy exotic objects

use super::{get_trap, validate_non_revoked_proxy};
use crate::ecmascript::abstract_operations::{call_function, same_value, to_boolean};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{Object, PropertyKey, Value};
use crate::engine::{Bindable, GcScope, Rootable};

/// ### [10.5.9 [[Set]] ( P, V, Receiver )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver)
pub(crate) fn proxy_set<'gc>(
    agent: &mut Agent,
    o: Object,
    p: PropertyKey,
    v: Value,
    receiver: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    let o = o.bind(gc.nogc());
    let p = p.bind(gc.nogc()).scope(agent, gc.nogc());
    let v = v.bind(gc.nogc()).scope(agent, gc.nogc());
    let receiver = receiver.bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Perform ? ValidateNonRevokedProxy(O).
    // 2. Let target be O.[[ProxyTarget]].
    // 3. Let handler be O.[[ProxyHandler]].
    // 4. Assert: handler is an Object.
    let (target, handler) = validate_non_revoked_proxy(agent, o, gc.nogc())?;
    let target = target.scope(agent, gc.nogc());
    let handler = handler.scope(agent, gc.nogc());
    // 5. Let trap be ? GetMethod(handler, "set").
    let trap = get_trap(agent, handler.get(agent), "set", gc.reborrow())?.unbind();
    // 6. If trap is undefined, then
    let Some(trap) = trap else {
        // a. Return ? target.[[Set]](P, V, Receiver).
        return target.get(agent).internal_set(
            agent,
            p.get(agent),
            v.get(agent),
            receiver.get(agent),
            gc,
        );
    };
    // 7. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target, P, V, Receiver »)).
    let key = agent.key_to_value(p.get(agent), gc.nogc()).unbind();
    let result = call_function(
        agent,
        trap,
        handler.get(agent).into(),
        ArgumentsList(&[
            target.get(agent).into(),
            key,
            v.get(agent),
            receiver.get(agent),
        ]),
        gc.reborrow(),
    )?;
    let boolean_trap_result = to_boolean(agent, result);
    // 8. If booleanTrapResult is false, return false.
    if !boolean_trap_result {
        return Ok(false);
    }
    // 9. Let targetDesc be ? target.[[GetOwnProperty]](P).
    let target_desc = target
        .get(agent)
        .internal_get_own_property(agent, p.get(agent), gc.reborrow())?
        .unbind();
    let gc = gc.into_nogc();
    // 10. If targetDesc is not undefined and targetDesc.[[Configurable]] is false, then
    if let Some(target_desc) = target_desc.filter(|d| d.configurable == Some(false)) {
        // a. If IsDataDescriptor(targetDesc) is true and targetDesc.[[Writable]] is false, then
        if target_desc.is_data_descriptor() && target_desc.writable == Some(false) {
            // i. If SameValue(V, targetDesc.[[Value]]) is false, throw a TypeError exception.
            let target_value = target_desc.value.unwrap_or_default();
            if !same_value(agent, v.get(agent), target_value) {
                return Err(agent.throw_type_error(
                    "Proxy set trap reported success for a different value of a non-writable, non-configurable property",
                    gc,
                ));
            }
        }
        // b. If IsAccessorDescriptor(targetDesc) is true, then
        if target_desc.is_accessor_descriptor() {
            // i. If targetDesc.[[Set]] is undefined, throw a TypeError exception.
            if target_desc.set.unwrap_or_default().is_undefined() {
                return Err(agent.throw_type_error(
                    "Proxy set trap reported success for a non-configurable accessor property without a setter",
                    gc,
                ));
            }
        }
    }
    // 11. Return true.
    Ok(true)
}
