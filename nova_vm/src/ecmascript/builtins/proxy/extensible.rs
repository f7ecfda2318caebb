//! ### [10.5.3 [[IsExtensible]] ( )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-isextensible) and [10.5.4 [[PreventExtensions]] ( )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-preventextensions) of Proxy exotic objects

use super::{get_trap, validate_non_revoked_proxy};
use crate::ecmascript::abstract_operations::{call_function, to_boolean};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::Object;
use crate::engine::{Bindable, GcScope, Rootable};

/// ### [10.5.3 [[IsExtensible]] ( )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-isextensible)
pub(crate) fn proxy_is_extensible<'gc>(
    agent: &mut Agent,
    o: Object,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    let o = o.bind(gc.nogc());
    // 1. Perform ? ValidateNonRevokedProxy(O).
    // 2. Let target be O.[[ProxyTarget]].
    // 3. Let handler be O.[[ProxyHandler]].
    // 4. Assert: handler is an Object.
    let (target, handler) = validate_non_revoked_proxy(agent, o, gc.nogc())?;
    let target = target.scope(agent, gc.nogc());
    let handler = handler.scope(agent, gc.nogc());
    // 5. Let trap be ? GetMethod(handler, "isExtensible").
    let trap = get_trap(agent, handler.get(agent), "isExtensible", gc.reborrow())?.unbind();
    // 6. If trap is undefined, then
    let Some(trap) = trap else {
        // a. Return ? IsExtensible(target).
        return target.get(agent).internal_is_extensible(agent, gc);
    };
    // 7. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target »)).
    let result = call_function(
        agent,
        trap,
        handler.get(agent).into(),
        ArgumentsList(&[target.get(agent).into()]),
        gc.reborrow(),
    )?;
    let boolean_trap_result = to_boolean(agent, result);
    // 8. Let targetResult be ? IsExtensible(target).
    let target_result = target
        .get(agent)
        .internal_is_extensible(agent, gc.reborrow())?;
    // 9. If booleanTrapResult is not targetResult, throw a TypeError exception.
    if boolean_trap_result != target_result {
        return Err(agent.throw_type_error(
            "Proxy isExtensible trap result does not reflect the extensibility of the target",
            gc.into_nogc(),
        ));
    }
    // 10. Return booleanTrapResult.
    Ok(boolean_trap_result)
}

/// ### [10.5.4 [[PreventExtensions]] ( )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-preventextensions)
pub(crate) fn proxy_prevent_extensions<'gc>(
    agent: &mut Agent,
    o: Object,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    let o = o.bind(gc.nogc());
    // 1. Perform ? ValidateNonRevokedProxy(O).
    // 2. Let target be O.[[ProxyTarget]].
    // 3. Let handler be O.[[ProxyHandler]].
    // 4. Assert: handler is an Object.
    let (target, handler) = validate_non_revoked_proxy(agent, o, gc.nogc())?;
    let target = target.scope(agent, gc.nogc());
    let handler = handler.scope(agent, gc.nogc());
    // 5. Let trap be ? GetMethod(handler, "preventExtensions").
    let trap = get_trap(
        agent,
        handler.get(agent),
        "preventExtensions",
        gc.reborrow(),
    )?
    .unbind();
    // 6. If trap is undefined, then
    let Some(trap) = trap else {
        // a. Return ? target.[[PreventExtensions]]().
        return target.get(agent).internal_prevent_extensions(agent, gc);
    };
    // 7. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target »)).
    let result = call_function(
        agent,
        trap,
        handler.get(agent).into(),
        ArgumentsList(&[target.get(agent).into()]),
        gc.reborrow(),
    )?;
    let boolean_trap_result = to_boolean(agent, result);
    // 8. If booleanTrapResult is true, then
    if boolean_trap_result {
        // a. Let extensibleTarget be ? IsExtensible(target).
        let extensible_target = target
            .get(agent)
            .internal_is_extensible(agent, gc.reborrow())?;
        // b. If extensibleTarget is true, throw a TypeError exception.
        if extensible_target {
            return Err(agent.throw_type_error(
                "Proxy preventExtensions trap reported success for an extensible target",
                gc.into_nogc(),
            ));
        }
    }
    // 9. Return booleanTrapResult.
    Ok(boolean_trap_result)
}
