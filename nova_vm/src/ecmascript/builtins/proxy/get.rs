//! ### [10.5.8 [[Get]] ( P, Receiver )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver) of Proxy exotic objects

use super::{get_trap, validate_non_revoked_proxy};
use crate::ecmascript::abstract_operations::{call_function, same_value};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{Object, PropertyKey, Value};
use crate::engine::{Bindable, GcScope, Rootable};

/// ### [10.5.8 [[Get]] ( P, Receiver )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver)
pub(crate) fn proxy_get<'gc>(
    agent: &mut Agent,
    o: Object,
    p: PropertyKey,
    receiver: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let o = o.bind(gc.nogc());
    let p = p.bind(gc.nogc()).scope(agent, gc.nogc());
    let receiver = receiver.bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Perform ? ValidateNonRevokedProxy(O).
    // 2. Let target be O.[[ProxyTarget]].
    // 3. Let handler be O.[[ProxyHandler]].
    // 4. Assert: handler is an Object.
    let (target, handler) = validate_non_revoked_proxy(agent, o, gc.nogc())?;
    let target = target.scope(agent, gc.nogc());
    let handler = handler.scope(agent, gc.nogc());
    // 5. Let trap be ? GetMethod(handler, "get").
    let trap = get_trap(agent, handler.get(agent), "get", gc.reborrow())?.unbind();
    // 6. If trap is undefined, then
    let Some(trap) = trap else {
        // a. Return ? target.[[Get]](P, Receiver).
        return target
            .get(agent)
            .internal_get(agent, p.get(agent), receiver.get(agent), gc);
    };
    // 7. Let trapResult be ? Call(trap, handler, « target, P, Receiver »).
    let key = agent.key_to_value(p.get(agent), gc.nogc()).unbind();
    let trap_result = call_function(
        agent,
        trap,
        handler.get(agent).into(),
        ArgumentsList(&[target.get(agent).into(), key, receiver.get(agent)]),
        gc.reborrow(),
    )?
    .unbind();
    let trap_result = trap_result.scope(agent, gc.nogc());
    // 8. Let targetDesc be ? target.[[GetOwnProperty]](P).
    let target_desc = target
        .get(agent)
        .internal_get_own_property(agent, p.get(agent), gc.reborrow())?
        .unbind();
    let gc = gc.into_nogc();
    let trap_result = trap_result.get(agent).bind(gc);
    // 9. If targetDesc is not undefined and targetDesc.[[Configurable]] is false, then
    if let Some(target_desc) = target_desc.filter(|d| d.configurable == Some(false)) {
        // a. If IsDataDescriptor(targetDesc) is true and targetDesc.[[Writable]] is false, then
        if target_desc.is_data_descriptor() && target_desc.writable == Some(false) {
            // i. If SameValue(trapResult, targetDesc.[[Value]]) is false, throw a TypeError
            //    exception.
            let target_value = target_desc.value.unwrap_or_default();
            if !same_value(agent, trap_result, target_value) {
                return Err(agent.throw_type_error(
                    "Proxy get trap reported a different value for a non-writable, non-configurable property",
                    gc,
                ));
            }
        }
        // b. If IsAccessorDescriptor(targetDesc) is true and targetDesc.[[Get]] is undefined,
        //    then
        if target_desc.is_accessor_descriptor()
            && target_desc.get.unwrap_or_default().is_undefined()
        {
            // i. If trapResult is not undefined, throw a TypeError exception.
            if !trap_result.is_undefined() {
                return Err(agent.throw_type_error(
                    "Proxy get trap reported a value for a non-configurable accessor property without a getter",
                    gc,
                ));
            }
        }
    }
    // 10. Return trapResult.
    Ok(trap_result)
}
