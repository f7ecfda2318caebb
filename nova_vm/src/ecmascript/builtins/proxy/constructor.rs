//! ### [28.2 Proxy Objects](https://tc39.es/ecma262/#sec-proxy-objects): the `Proxy` constructor and `Proxy.revocable`

use super::{ProxyRecord, proxy_create};
use crate::ecmascript::builtins::function_objects::Behaviour;
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName, key};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope};

/// ### [28.2.2 Properties of the Proxy Constructor](https://tc39.es/ecma262/#sec-properties-of-the-proxy-constructor)
///
/// `%Proxy%` has no "prototype" property.
pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let proxy = agent.create_builtin_constructor("Proxy", 2, proxy_constructor, None, None, gc);
    agent.set_intrinsic(Intrinsic::Proxy, proxy);
    agent.define_builtin_method(proxy, BuiltinName::Str("revocable"), 2, revocable, gc);
}

/// ### [28.2.1.1 Proxy ( target, handler )](https://tc39.es/ecma262/#sec-proxy-target-handler)
fn proxy_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1. If NewTarget is undefined, throw a TypeError exception.
    if new_target.is_none() {
        return Err(agent.throw_type_error("Constructor Proxy requires 'new'", gc));
    }
    // 2. Return ? ProxyCreate(target, handler).
    let proxy = proxy_create(agent, args.get(0), args.get(1), gc)?;
    Ok(proxy.into())
}

/// ### [28.2.2.1 Proxy.revocable ( target, handler )](https://tc39.es/ecma262/#sec-proxy.revocable)
fn revocable<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1. Let proxy be ? ProxyCreate(target, handler).
    let proxy = proxy_create(agent, args.get(0), args.get(1), gc)?;
    // 2. Let revokerClosure be a new Abstract Closure with no parameters that captures nothing
    //    and performs the steps of `revoke` when called.
    // 3. Let revoker be CreateBuiltinFunction(revokerClosure, 0, "", « [[RevocableProxy]] »).
    let revoker =
        agent.create_builtin_function(Behaviour::Regular(revoke), 0, "", None, None, None, gc);
    // 4. Set revoker.[[RevocableProxy]] to proxy.
    if let ObjectKind::BuiltinFunction(slots) = revoker.kind(agent) {
        agent
            .heap
            .builtin_functions
            .get_mut(slots.index())
            .host_data = proxy.unbind().into();
    }
    // 5. Let result be OrdinaryObjectCreate(%Object.prototype%).
    let prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let result = agent.create_object(Some(prototype), ObjectKind::Ordinary, gc);
    // 6. Perform ! CreateDataPropertyOrThrow(result, "proxy", proxy).
    result.add_named_data(agent, key("proxy"), proxy.into(), Attributes::DEFAULT);
    // 7. Perform ! CreateDataPropertyOrThrow(result, "revoke", revoker).
    result.add_named_data(agent, key("revoke"), revoker.into(), Attributes::DEFAULT);
    // 8. Return result.
    Ok(result.into())
}

/// The revoker closure of [28.2.2.1 Proxy.revocable](https://tc39.es/ecma262/#sec-proxy.revocable)
/// (its `[[RevocableProxy]]` slot is the built-in function's host data).
fn revoke<'gc>(
    agent: &mut Agent,
    _this: Value,
    _args: ArgumentsList,
    _gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // a. Let F be the active function object.
    let Some(f) = agent.active_builtin_function() else {
        return Ok(Value::Undefined);
    };
    let ObjectKind::BuiltinFunction(slots) = f.kind(agent) else {
        return Ok(Value::Undefined);
    };
    let record = agent.heap.builtin_functions.get_mut(slots.index());
    // b. Let p be F.[[RevocableProxy]].
    // c. If p is null, return undefined.
    let Value::Object(p) = record.host_data else {
        return Ok(Value::Undefined);
    };
    // d. Set F.[[RevocableProxy]] to null.
    record.host_data = Value::Null;
    // e. Assert: p is a Proxy exotic object.
    if let ObjectKind::Proxy { proxy, .. } = p.kind(agent) {
        let record: &mut ProxyRecord = agent.heap.proxies.get_mut(proxy.index());
        // f. Set p.[[ProxyTarget]] to null.
        record.target = None;
        // g. Set p.[[ProxyHandler]] to null.
        record.handler = None;
    }
    // h. Return undefined.
    Ok(Value::Undefined)
}
