//! ### [10.5.1 [[GetPrototypeOf]] ( )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-getprototypeof) and [10.5.2 [[SetPrototypeOf]] ( V )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v) of Proxy exotic objects

use super::{get_trap, validate_non_revoked_proxy};
use crate::ecmascript::abstract_operations::{call_function, to_boolean};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, Rootable};

/// ### [10.5.1 [[GetPrototypeOf]] ( )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-getprototypeof)
pub(crate) fn proxy_get_prototype_of<'gc>(
    agent: &mut Agent,
    o: Object,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Object<'gc>>> {
    let o = o.bind(gc.nogc());
    // 1. Perform ? ValidateNonRevokedProxy(O).
    // 2. Let target be O.[[ProxyTarget]].
    // 3. Let handler be O.[[ProxyHandler]].
    // 4. Assert: handler is an Object.
    let (target, handler) = validate_non_revoked_proxy(agent, o, gc.nogc())?;
    let target = target.scope(agent, gc.nogc());
    let handler = handler.scope(agent, gc.nogc());
    // 5. Let trap be ? GetMethod(handler, "getPrototypeOf").
    let trap = get_trap(agent, handler.get(agent), "getPrototypeOf", gc.reborrow())?.unbind();
    // 6. If trap is undefined, then
    let Some(trap) = trap else {
        // a. Return ? target.[[GetPrototypeOf]]().
        return target.get(agent).internal_get_prototype_of(agent, gc);
    };
    // 7. Let handlerProto be ? Call(trap, handler, « target »).
    let handler_proto = call_function(
        agent,
        trap,
        handler.get(agent).into(),
        ArgumentsList(&[target.get(agent).into()]),
        gc.reborrow(),
    )?
    .unbind();
    // 8. If handlerProto is not an Object and handlerProto is not null, throw a TypeError
    //    exception.
    if !matches!(handler_proto, Value::Object(_) | Value::Null) {
        return Err(agent.throw_type_error(
            "Proxy getPrototypeOf trap returned neither an object nor null",
            gc.into_nogc(),
        ));
    }
    let handler_proto = handler_proto.scope(agent, gc.nogc());
    // 9. Let extensibleTarget be ? IsExtensible(target).
    let extensible_target = target
        .get(agent)
        .internal_is_extensible(agent, gc.reborrow())?;
    // 10. If extensibleTarget is true, return handlerProto.
    if !extensible_target {
        // 11. Let targetProto be ? target.[[GetPrototypeOf]]().
        let target_proto = target
            .get(agent)
            .internal_get_prototype_of(agent, gc.reborrow())?
            .unbind();
        // 12. If SameValue(handlerProto, targetProto) is false, throw a TypeError exception.
        if handler_proto.get(agent).as_object() != target_proto {
            return Err(agent.throw_type_error(
                "Proxy getPrototypeOf trap result differs from the non-extensible target's prototype",
                gc.into_nogc(),
            ));
        }
    }
    // 13. Return handlerProto.
    Ok(handler_proto.get(agent).as_object().bind(gc.into_nogc()))
}

/// ### [10.5.2 [[SetPrototypeOf]] ( V )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v)
pub(crate) fn proxy_set_prototype_of<'gc>(
    agent: &mut Agent,
    o: Object,
    v: Option<Object>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    let o = o.bind(gc.nogc());
    let v: Value = v.bind(gc.nogc()).map_or(Value::Null, Value::Object);
    let v = v.scope(agent, gc.nogc());
    // 1. Perform ? ValidateNonRevokedProxy(O).
    // 2. Let target be O.[[ProxyTarget]].
    // 3. Let handler be O.[[ProxyHandler]].
    // 4. Assert: handler is an Object.
    let (target, handler) = validate_non_revoked_proxy(agent, o, gc.nogc())?;
    let target = target.scope(agent, gc.nogc());
    let handler = handler.scope(agent, gc.nogc());
    // 5. Let trap be ? GetMethod(handler, "setPrototypeOf").
    let trap = get_trap(agent, handler.get(agent), "setPrototypeOf", gc.reborrow())?.unbind();
    // 6. If trap is undefined, then
    let Some(trap) = trap else {
        // a. Return ? target.[[SetPrototypeOf]](V).
        let v = v.get(agent).as_object();
        return target.get(agent).internal_set_prototype_of(agent, v, gc);
    };
    // 7. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target, V »)).
    let result = call_function(
        agent,
        trap,
        handler.get(agent).into(),
        ArgumentsList(&[target.get(agent).into(), v.get(agent)]),
        gc.reborrow(),
    )?;
    let boolean_trap_result = to_boolean(agent, result);
    // 8. If booleanTrapResult is false, return false.
    if !boolean_trap_result {
        return Ok(false);
    }
    // 9. Let extensibleTarget be ? IsExtensible(target).
    let extensible_target = target
        .get(agent)
        .internal_is_extensible(agent, gc.reborrow())?;
    // 10. If extensibleTarget is true, return true.
    if extensible_target {
        return Ok(true);
    }
    // 11. Let targetProto be ? target.[[GetPrototypeOf]]().
    let target_proto = target
        .get(agent)
        .internal_get_prototype_of(agent, gc.reborrow())?
        .unbind();
    // 12. If SameValue(V, targetProto) is false, throw a TypeError exception.
    if v.get(agent).as_object() != target_proto {
        return Err(agent.throw_type_error(
            "Proxy setPrototypeOf trap reported success for a different prototype of a non-extensible target",
            gc.into_nogc(),
        ));
    }
    // 13. Return true.
    Ok(true)
}
