//! ### [10.5.7 [[HasProperty]] ( P )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p) of Proxy exotic objects

use super::{get_trap, validate_non_revoked_proxy};
use crate::ecmascript::abstract_operations::{call_function, to_boolean};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{Object, PropertyKey};
use crate::engine::{Bindable, GcScope, Rootable};

/// ### [10.5.7 [[HasProperty]] ( P )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p)
pub(crate) fn proxy_has_property<'gc>(
    agent: &mut Agent,
    o: Object,
    p: PropertyKey,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    let o = o.bind(gc.nogc());
    let p = p.bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Perform ? ValidateNonRevokedProxy(O).
    // 2. Let target be O.[[ProxyTarget]].
    // 3. Let handler be O.[[ProxyHandler]].
    // 4. Assert: handler is an Object.
    let (target, handler) = validate_non_revoked_proxy(agent, o, gc.nogc())?;
    let target = target.scope(agent, gc.nogc());
    let handler = handler.scope(agent, gc.nogc());
    // 5. Let trap be ? GetMethod(handler, "has").
    let trap = get_trap(agent, handler.get(agent), "has", gc.reborrow())?.unbind();
    // 6. If trap is undefined, then
    let Some(trap) = trap else {
        // a. Return ? target.[[HasProperty]](P).
        return target
            .get(agent)
            .internal_has_property(agent, p.get(agent), gc);
    };
    // 7. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target, P »)).
    let key = agent.key_to_value(p.get(agent), gc.nogc()).unbind();
    let result = call_function(
        agent,
        trap,
        handler.get(agent).into(),
        ArgumentsList(&[target.get(agent).into(), key]),
        gc.reborrow(),
    )?;
    let boolean_trap_result = to_boolean(agent, result);
    // 8. If booleanTrapResult is false, then
    if !boolean_trap_result {
        // a. Let targetDesc be ? target.[[GetOwnProperty]](P).
        let target_desc =
            target
                .get(agent)
                .internal_get_own_property(agent, p.get(agent), gc.reborrow())?;
        // b. If targetDesc is not undefined, then
        if let Some(target_desc) = target_desc {
            // i. If targetDesc.[[Configurable]] is false, throw a TypeError exception.
            if target_desc.configurable == Some(false) {
                return Err(agent.throw_type_error(
                    "Proxy has trap reported a non-configurable property as non-existent",
                    gc.into_nogc(),
                ));
            }
            // ii. Let extensibleTarget be ? IsExtensible(target).
            let extensible_target = target
                .get(agent)
                .internal_is_extensible(agent, gc.reborrow())?;
            // iii. If extensibleTarget is false, throw a TypeError exception.
            if !extensible_target {
                return Err(agent.throw_type_error(
                    "Proxy has trap reported an existing property of a non-extensible target as non-existent",
                    gc.into_nogc(),
                ));
            }
        }
    }
    // 9. Return booleanTrapResult.
    Ok(boolean_trap_result)
}
