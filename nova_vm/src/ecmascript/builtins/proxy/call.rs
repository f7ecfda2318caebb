//! ### [10.5.12 [[Call]] ( thisArgument, argumentsList )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-call-thisargument-argumentslist) and [10.5.13 [[Construct]] ( argumentsList, newTarget )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-construct-argumentslist-newtarget) of Proxy exotic objects

use super::{get_trap, validate_non_revoked_proxy};
use crate::ecmascript::abstract_operations::{call_function, construct, create_array_from_list};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, HeapRoot, JsResult};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, Rootable};

/// ### [10.5.12 [[Call]] ( thisArgument, argumentsList )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-call-thisargument-argumentslist)
pub(crate) fn proxy_call<'gc>(
    agent: &mut Agent,
    o: Object,
    this_argument: Value,
    arguments_list: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let o = o.bind(gc.nogc());
    let this_argument = this_argument.bind(gc.nogc()).scope(agent, gc.nogc());
    let args_start = agent.scoped_roots.len();
    agent.scoped_roots.extend(
        arguments_list
            .as_slice()
            .iter()
            .map(|v| HeapRoot::Value(v.unbind())),
    );
    let args_end = agent.scoped_roots.len();
    // 1. Perform ? ValidateNonRevokedProxy(O).
    // 2. Let target be O.[[ProxyTarget]].
    // 3. Let handler be O.[[ProxyHandler]].
    // 4. Assert: handler is an Object.
    let (target, handler) = validate_non_revoked_proxy(agent, o, gc.nogc())?;
    let target = target.scope(agent, gc.nogc());
    let handler = handler.scope(agent, gc.nogc());
    // 5. Let trap be ? GetMethod(handler, "apply").
    let trap = get_trap(agent, handler.get(agent), "apply", gc.reborrow())?.unbind();
    let arguments = rooted_values(agent, args_start, args_end);
    // 6. If trap is undefined, then
    let Some(trap) = trap else {
        // a. Return ? Call(target, thisArgument, argumentsList).
        return call_function(
            agent,
            target.get(agent).into(),
            this_argument.get(agent),
            ArgumentsList(&arguments),
            gc,
        );
    };
    // 7. Let argArray be CreateArrayFromList(argumentsList).
    let arg_array = create_array_from_list(agent, &arguments, gc.nogc()).unbind();
    // 8. Return ? Call(trap, handler, « target, thisArgument, argArray »).
    call_function(
        agent,
        trap,
        handler.get(agent).into(),
        ArgumentsList(&[
            target.get(agent).into(),
            this_argument.get(agent),
            arg_array.into(),
        ]),
        gc,
    )
}

/// ### [10.5.13 [[Construct]] ( argumentsList, newTarget )](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-construct-argumentslist-newtarget)
pub(crate) fn proxy_construct<'gc>(
    agent: &mut Agent,
    o: Object,
    arguments_list: ArgumentsList,
    new_target: Object,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    let o = o.bind(gc.nogc());
    let new_target = new_target.bind(gc.nogc()).scope(agent, gc.nogc());
    let args_start = agent.scoped_roots.len();
    agent.scoped_roots.extend(
        arguments_list
            .as_slice()
            .iter()
            .map(|v| HeapRoot::Value(v.unbind())),
    );
    let args_end = agent.scoped_roots.len();
    // 1. Perform ? ValidateNonRevokedProxy(O).
    // 2. Let target be O.[[ProxyTarget]].
    // 3. Assert: IsConstructor(target) is true.
    // 4. Let handler be O.[[ProxyHandler]].
    // 5. Assert: handler is an Object.
    let (target, handler) = validate_non_revoked_proxy(agent, o, gc.nogc())?;
    let target = target.scope(agent, gc.nogc());
    let handler = handler.scope(agent, gc.nogc());
    // 6. Let trap be ? GetMethod(handler, "construct").
    let trap = get_trap(agent, handler.get(agent), "construct", gc.reborrow())?.unbind();
    let arguments = rooted_values(agent, args_start, args_end);
    // 7. If trap is undefined, then
    let Some(trap) = trap else {
        // a. Return ? Construct(target, argumentsList, newTarget).
        return construct(
            agent,
            target.get(agent),
            ArgumentsList(&arguments),
            Some(new_target.get(agent)),
            gc,
        );
    };
    // 8. Let argArray be CreateArrayFromList(argumentsList).
    let arg_array = create_array_from_list(agent, &arguments, gc.nogc()).unbind();
    // 9. Let newObj be ? Call(trap, handler, « target, argArray, newTarget »).
    let new_obj = call_function(
        agent,
        trap,
        handler.get(agent).into(),
        ArgumentsList(&[
            target.get(agent).into(),
            arg_array.into(),
            new_target.get(agent).into(),
        ]),
        gc.reborrow(),
    )?
    .unbind();
    // 10. If newObj is not an Object, throw a TypeError exception.
    let Value::Object(new_obj) = new_obj else {
        return Err(
            agent.throw_type_error("Proxy construct trap returned a non-object", gc.into_nogc())
        );
    };
    // 11. Return newObj.
    Ok(new_obj.bind(gc.into_nogc()))
}

/// The values parked on the scoped-root stack at `start..end` (valid until the
/// next call that may collect).
fn rooted_values(agent: &Agent, start: usize, end: usize) -> Vec<Value<'static>> {
    agent.scoped_roots[start..end]
        .iter()
        .map(|root| match root {
            HeapRoot::Value(v) => *v,
            _ => unreachable!("a value root"),
        })
        .collect()
}
