//! ### [10.5.5 [[GetOwnProperty]] ( P )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p) of Proxy exotic objects

use super::{ScopedDescriptor, get_trap, validate_non_revoked_proxy};
use crate::ecmascript::abstract_operations::{call_function, to_property_descriptor};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{Object, PropertyDescriptor, PropertyKey, Value};
use crate::engine::{Bindable, GcScope, Rootable};

/// ### [10.5.5 [[GetOwnProperty]] ( P )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p)
pub(crate) fn proxy_get_own_property<'gc>(
    agent: &mut Agent,
    o: Object,
    p: PropertyKey,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<PropertyDescriptor<'gc>>> {
    let o = o.bind(gc.nogc());
    let p = p.bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Perform ? ValidateNonRevokedProxy(O).
    // 2. Let target be O.[[ProxyTarget]].
    // 3. Let handler be O.[[ProxyHandler]].
    // 4. Assert: handler is an Object.
    let (target, handler) = validate_non_revoked_proxy(agent, o, gc.nogc())?;
    let target = target.scope(agent, gc.nogc());
    let handler = handler.scope(agent, gc.nogc());
    // 5. Let trap be ? GetMethod(handler, "getOwnPropertyDescriptor").
    let trap = get_trap(
        agent,
        handler.get(agent),
        "getOwnPropertyDescriptor",
        gc.reborrow(),
    )?
    .unbind();
    // 6. If trap is undefined, then
    let Some(trap) = trap else {
        // a. Return ? target.[[GetOwnProperty]](P).
        return target
            .get(agent)
            .internal_get_own_property(agent, p.get(agent), gc);
    };
    // 7. Let trapResultObj be ? Call(trap, handler, « target, P »).
    let key = agent.key_to_value(p.get(agent), gc.nogc()).unbind();
    let trap_result_obj = call_function(
        agent,
        trap,
        handler.get(agent).into(),
        ArgumentsList(&[target.get(agent).into(), key]),
        gc.reborrow(),
    )?
    .unbind();
    // 8. If trapResultObj is not an Object and trapResultObj is not undefined, throw a
    //    TypeError exception.
    if !matches!(trap_result_obj, Value::Object(_) | Value::Undefined) {
        return Err(agent.throw_type_error(
            "Proxy getOwnPropertyDescriptor trap returned neither an object nor undefined",
            gc.into_nogc(),
        ));
    }
    let trap_result_obj = trap_result_obj.scope(agent, gc.nogc());
    // 9. Let targetDesc be ? target.[[GetOwnProperty]](P).
    let target_desc = target
        .get(agent)
        .internal_get_own_property(agent, p.get(agent), gc.reborrow())?
        .unbind();
    let target_desc = target_desc.map(|d| ScopedDescriptor::new(agent, d, gc.nogc()));
    // 10. If trapResultObj is undefined, then
    if trap_result_obj.get(agent).is_undefined() {
        // a. If targetDesc is undefined, return undefined.
        let Some(target_desc) = target_desc else {
            return Ok(None);
        };
        // b. If targetDesc.[[Configurable]] is false, throw a TypeError exception.
        if target_desc.configurable == Some(false) {
            return Err(agent.throw_type_error(
                "Proxy getOwnPropertyDescriptor trap reported a non-configurable property as non-existent",
                gc.into_nogc(),
            ));
        }
        // c. Let extensibleTarget be ? IsExtensible(target).
        let extensible_target = target
            .get(agent)
            .internal_is_extensible(agent, gc.reborrow())?;
        // d. If extensibleTarget is false, throw a TypeError exception.
        if !extensible_target {
            return Err(agent.throw_type_error(
                "Proxy getOwnPropertyDescriptor trap reported an existing property of a non-extensible target as non-existent",
                gc.into_nogc(),
            ));
        }
        // e. Return undefined.
        return Ok(None);
    }
    // 11. Let extensibleTarget be ? IsExtensible(target).
    let extensible_target = target
        .get(agent)
        .internal_is_extensible(agent, gc.reborrow())?;
    // 12. Let resultDesc be ? ToPropertyDescriptor(trapResultObj).
    let result_desc =
        to_property_descriptor(agent, trap_result_obj.get(agent), gc.reborrow())?.unbind();
    // 13. Perform CompletePropertyDescriptor(resultDesc).
    let result_desc = result_desc.complete();
    // 14. Let valid be IsCompatiblePropertyDescriptor(extensibleTarget, resultDesc, targetDesc).
    let target_desc_now = target_desc.map(|d| d.get(agent));
    let valid = target.get(agent).validate_and_apply_property_descriptor(
        agent,
        p.get(agent),
        extensible_target,
        result_desc,
        target_desc_now,
        false,
    );
    // 15. If valid is false, throw a TypeError exception.
    if !valid {
        return Err(agent.throw_type_error(
            "Proxy getOwnPropertyDescriptor trap returned a descriptor incompatible with the target's property",
            gc.into_nogc(),
        ));
    }
    // 16. If resultDesc.[[Configurable]] is false, then
    if result_desc.configurable == Some(false) {
        // a. If targetDesc is undefined or targetDesc.[[Configurable]] is true, then
        //    i. Throw a TypeError exception.
        let Some(target_desc) = target_desc_now.filter(|d| d.configurable == Some(false)) else {
            return Err(agent.throw_type_error(
                "Proxy getOwnPropertyDescriptor trap reported a configurable or missing property as non-configurable",
                gc.into_nogc(),
            ));
        };
        // b. If resultDesc has a [[Writable]] field and resultDesc.[[Writable]] is false, then
        //    i. Assert: targetDesc has a [[Writable]] field.
        //    ii. If targetDesc.[[Writable]] is true, throw a TypeError exception.
        if result_desc.writable == Some(false) && target_desc.writable == Some(true) {
            return Err(agent.throw_type_error(
                "Proxy getOwnPropertyDescriptor trap reported a writable property as non-configurable and non-writable",
                gc.into_nogc(),
            ));
        }
    }
    // 17. Return resultDesc.
    Ok(Some(result_desc.bind(gc.into_nogc())))
}
