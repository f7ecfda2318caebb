//! ### [10.5.10 [[Delete]] ( P )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-delete-p) of Proxy exotic objects

use super::{get_trap, validate_non_revoked_proxy};
use crate::ecmascript::abstract_operations::{call_function, to_boolean};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{Object, PropertyKey};
use crate::engine::{Bindable, GcScope, Rootable};

/// ### [10.5.10 [[Delete]] ( P )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-delete-p)
pub(crate) fn proxy_delete<'gc>(
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
    // 5. Let trap be ? GetMethod(handler, "deleteProperty").
    let trap = get_trap(agent, handler.get(agent), "deleteProperty", gc.reborrow())?.unbind();
    // 6. If trap is undefined, then
    let Some(trap) = trap else {
        // a. Return ? target.[[Delete]](P).
        return target.get(agent).internal_delete(agent, p.get(agent), gc);
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
    // 8. If booleanTrapResult is false, return false.
    if !boolean_trap_result {
        return Ok(false);
    }
    // 9. Let targetDesc be ? target.[[GetOwnProperty]](P).
    let target_desc =
        target
            .get(agent)
            .internal_get_own_property(agent, p.get(agent), gc.reborrow())?;
    // 10. If targetDesc is undefined, return true.
    let Some(target_desc) = target_desc else {
        return Ok(true);
    };
    // 11. If targetDesc.[[Configurable]] is false, throw a TypeError exception.
    if target_desc.configurable == Some(false) {
        return Err(agent.throw_type_error(
            "Proxy deleteProperty trap reported a non-configurable property as deleted",
            gc.into_nogc(),
        ));
    }
    // 12. Let extensibleTarget be ? IsExtensible(target).
    let extensible_target = target
        .get(agent)
        .internal_is_extensible(agent, gc.reborrow())?;
    // 13. If extensibleTarget is false, throw a TypeError exception.
    if !extensible_target {
        return Err(agent.throw_type_error(
            "Proxy deleteProperty trap reported a property of a non-extensible target as deleted",
            gc.into_nogc(),
        ));
    }
    // 14. Return true.
    Ok(true)
}
