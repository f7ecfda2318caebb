//! ### [10.5.6 [[DefineOwnProperty]] ( P, Desc )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc) of Proxy exotic objects

use super::{ScopedDescriptor, get_trap, validate_non_revoked_proxy};
use crate::ecmascript::abstract_operations::{call_function, from_property_descriptor, to_boolean};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{Object, PropertyDescriptor, PropertyKey};
use crate::engine::{Bindable, GcScope, Rootable};

/// ### [10.5.6 [[DefineOwnProperty]] ( P, Desc )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc)
pub(crate) fn proxy_define_own_property<'gc>(
    agent: &mut Agent,
    o: Object,
    p: PropertyKey,
    desc: PropertyDescriptor,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    let o = o.bind(gc.nogc());
    let p = p.bind(gc.nogc()).scope(agent, gc.nogc());
    let desc = ScopedDescriptor::new(agent, desc.bind(gc.nogc()), gc.nogc());
    // 1. Perform ? ValidateNonRevokedProxy(O).
    // 2. Let target be O.[[ProxyTarget]].
    // 3. Let handler be O.[[ProxyHandler]].
    // 4. Assert: handler is an Object.
    let (target, handler) = validate_non_revoked_proxy(agent, o, gc.nogc())?;
    let target = target.scope(agent, gc.nogc());
    let handler = handler.scope(agent, gc.nogc());
    // 5. Let trap be ? GetMethod(handler, "defineProperty").
    let trap = get_trap(agent, handler.get(agent), "defineProperty", gc.reborrow())?.unbind();
    // 6. If trap is undefined, then
    let Some(trap) = trap else {
        // a. Return ? target.[[DefineOwnProperty]](P, Desc).
        let desc = desc.get(agent);
        return target
            .get(agent)
            .internal_define_own_property(agent, p.get(agent), desc, gc);
    };
    // 7. Let descObj be FromPropertyDescriptor(Desc).
    let desc_obj = from_property_descriptor(agent, Some(desc.get(agent)), gc.nogc()).unbind();
    // 8. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target, P, descObj »)).
    let key = agent.key_to_value(p.get(agent), gc.nogc()).unbind();
    let result = call_function(
        agent,
        trap,
        handler.get(agent).into(),
        ArgumentsList(&[target.get(agent).into(), key, desc_obj]),
        gc.reborrow(),
    )?;
    let boolean_trap_result = to_boolean(agent, result);
    // 9. If booleanTrapResult is false, return false.
    if !boolean_trap_result {
        return Ok(false);
    }
    // 10. Let targetDesc be ? target.[[GetOwnProperty]](P).
    let target_desc = target
        .get(agent)
        .internal_get_own_property(agent, p.get(agent), gc.reborrow())?
        .unbind();
    let target_desc = target_desc.map(|d| ScopedDescriptor::new(agent, d, gc.nogc()));
    // 11. Let extensibleTarget be ? IsExtensible(target).
    let extensible_target = target
        .get(agent)
        .internal_is_extensible(agent, gc.reborrow())?;
    // 12. If Desc has a [[Configurable]] field and Desc.[[Configurable]] is false, then
    //     a. Let settingConfigFalse be true.
    // 13. Else,
    //     a. Let settingConfigFalse be false.
    let setting_config_false = desc.configurable == Some(false);
    let gc = gc.into_nogc();
    match target_desc.map(|d| d.get(agent)) {
        // 14. If targetDesc is undefined, then
        None => {
            // a. If extensibleTarget is false, throw a TypeError exception.
            if !extensible_target {
                return Err(agent.throw_type_error(
                    "Proxy defineProperty trap reported adding a property to a non-extensible target",
                    gc,
                ));
            }
            // b. If settingConfigFalse is true, throw a TypeError exception.
            if setting_config_false {
                return Err(agent.throw_type_error(
                    "Proxy defineProperty trap reported defining a non-configurable property that the target does not have",
                    gc,
                ));
            }
        }
        // 15. Else,
        Some(target_desc) => {
            // a. If IsCompatiblePropertyDescriptor(extensibleTarget, Desc, targetDesc) is false,
            //    throw a TypeError exception.
            let desc_now = desc.get(agent);
            if !target.get(agent).validate_and_apply_property_descriptor(
                agent,
                p.get(agent),
                extensible_target,
                desc_now,
                Some(target_desc),
                false,
            ) {
                return Err(agent.throw_type_error(
                    "Proxy defineProperty trap reported a definition incompatible with the target's property",
                    gc,
                ));
            }
            // b. If settingConfigFalse is true and targetDesc.[[Configurable]] is true, throw a
            //    TypeError exception.
            if setting_config_false && target_desc.configurable == Some(true) {
                return Err(agent.throw_type_error(
                    "Proxy defineProperty trap reported making a configurable property of the target non-configurable",
                    gc,
                ));
            }
            // c. If IsDataDescriptor(targetDesc) is true, targetDesc.[[Configurable]] is false,
            //    and targetDesc.[[Writable]] is true, then
            if target_desc.is_data_descriptor()
                && target_desc.configurable == Some(false)
                && target_desc.writable == Some(true)
            {
                // i. If Desc has a [[Writable]] field and Desc.[[Writable]] is false, throw a
                //    TypeError exception.
                if desc.writable == Some(false) {
                    return Err(agent.throw_type_error(
                        "Proxy defineProperty trap reported making a non-configurable writable property of the target non-writable",
                        gc,
                    ));
                }
            }
        }
    }
    // 16. Return true.
    Ok(true)
}
