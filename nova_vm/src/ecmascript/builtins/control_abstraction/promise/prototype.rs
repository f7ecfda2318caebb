//! ### [27.2.5 Properties of the Promise Prototype Object](https://tc39.es/ecma262/#sec-properties-of-the-promise-prototype-object)

use super::PromiseClosureRecord;
use super::operations::{
    handler_of, is_promise, new_promise_capability, perform_promise_then, promise_resolve,
};
use crate::ecmascript::abstract_operations::{
    call_function, invoke, is_callable, is_constructor, species_constructor,
};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName, key};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::Attributes;
use crate::ecmascript::types::{Object, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// Defines the methods of %Promise.prototype%.
pub(super) fn initialize(agent: &mut Agent, prototype: Object, gc: NoGcScope) {
    agent.define_builtin_method(prototype, BuiltinName::Str("catch"), 1, catch, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("finally"), 1, finally, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("then"), 2, then, gc);
    // 27.2.5.5 Promise.prototype [ %Symbol.toStringTag% ]
    let tag = agent.create_string("Promise", gc);
    agent.define_builtin_property(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        tag.into_value(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
}

/// ### [27.2.5.1 Promise.prototype.catch ( onRejected )](https://tc39.es/ecma262/#sec-promise.prototype.catch)
fn catch<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let promise be the this value.
    // 2. Return ? Invoke(promise, "then", « undefined, onRejected »).
    invoke(
        agent,
        this,
        key("then"),
        ArgumentsList(&[Value::Undefined, args.get(0)]),
        gc,
    )
}

/// ### [27.2.5.3 Promise.prototype.finally ( onFinally )](https://tc39.es/ecma262/#sec-promise.prototype.finally)
fn finally<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let on_finally = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let promise be the this value.
    // 2. If promise is not an Object, throw a TypeError exception.
    let Value::Object(promise) = this else {
        return Err(agent.throw_type_error(
            "Promise.prototype.finally called on a non-object",
            gc.into_nogc(),
        ));
    };
    let promise_root = promise.bind(gc.nogc()).scope(agent, gc.nogc());
    // 3. Let C be ? SpeciesConstructor(promise, %Promise%).
    let c = species_constructor(agent, promise, Intrinsic::Promise, gc.reborrow())?.unbind();
    let gc_nogc = gc.nogc();
    // 4. Assert: IsConstructor(C) is true.
    debug_assert!(is_constructor(agent, c.into()));
    let on_finally_value = on_finally.get(agent).bind(gc_nogc);
    // 5. If IsCallable(onFinally) is false, then
    let (then_finally, catch_finally) = if !is_callable(agent, on_finally_value) {
        // a. Let thenFinally be onFinally.
        // b. Let catchFinally be onFinally.
        (on_finally_value, on_finally_value)
    } else {
        // 6. Else,
        let holder = agent.alloc_promise_closure(
            PromiseClosureRecord::Finally {
                constructor: c.unbind(),
                on_finally: on_finally_value.unbind(),
            },
            gc_nogc,
        );
        // a-b. Let thenFinally be CreateBuiltinFunction(thenFinallyClosure, 1, "", « »).
        let then_finally =
            agent.create_promise_closure_function(then_finally_closure, 1, holder, gc_nogc);
        // c-d. Let catchFinally be CreateBuiltinFunction(catchFinallyClosure, 1, "", « »).
        let catch_finally =
            agent.create_promise_closure_function(catch_finally_closure, 1, holder, gc_nogc);
        (then_finally.into(), catch_finally.into())
    };
    // 7. Return ? Invoke(promise, "then", « thenFinally, catchFinally »).
    invoke(
        agent,
        promise_root.get(agent).into(),
        key("then"),
        ArgumentsList(&[then_finally.unbind(), catch_finally.unbind()]),
        gc,
    )
}

/// Steps shared by `thenFinally` and `catchFinally`: calls onFinally, resolves
/// its result with C, and chains `callback` (a closure capturing `value`).
fn finally_step<'gc>(
    agent: &mut Agent,
    value: Value,
    callback: crate::ecmascript::builtins::function_objects::RegularFn,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let value = value.bind(gc.nogc()).scope(agent, gc.nogc());
    let holder = agent.active_promise_closure();
    let PromiseClosureRecord::Finally {
        constructor,
        on_finally,
    } = *agent.promise_closure(holder)
    else {
        unreachable!("finally closure state")
    };
    let constructor = constructor.scope(agent, gc.nogc());
    // i. Let result be ? Call(onFinally, undefined).
    let result = call_function(
        agent,
        on_finally,
        Value::Undefined,
        ArgumentsList::EMPTY,
        gc.reborrow(),
    )?
    .unbind();
    // ii. Let p be ? PromiseResolve(C, result).
    let p = promise_resolve(agent, constructor.get(agent), result, gc.reborrow())?.unbind();
    let p = p.scope(agent, gc.nogc());
    // iii-iv. Let returnValue / throwReason be a new Abstract Closure capturing value / reason.
    // v. Let valueThunk / thrower be CreateBuiltinFunction(..., 0, "", « »).
    let captured =
        agent.alloc_promise_closure(PromiseClosureRecord::Captured(value.get(agent)), gc.nogc());
    let thunk = agent.create_promise_closure_function(callback, 0, captured, gc.nogc());
    // vi. Return ? Invoke(p, "then", « valueThunk / thrower »).
    invoke(
        agent,
        p.get(agent),
        key("then"),
        ArgumentsList(&[thunk.unbind().into()]),
        gc,
    )
}

/// `thenFinallyClosure` of [27.2.5.3](https://tc39.es/ecma262/#sec-promise.prototype.finally) step 6.a.
fn then_finally_closure<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    finally_step(agent, args.get(0), return_value_closure, gc)
}

/// `catchFinallyClosure` of [27.2.5.3](https://tc39.es/ecma262/#sec-promise.prototype.finally) step 6.c.
fn catch_finally_closure<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    finally_step(agent, args.get(0), throw_reason_closure, gc)
}

/// The captured value of the running `valueThunk` or `thrower`.
fn captured_value(agent: &mut Agent) -> Value<'static> {
    let holder = agent.active_promise_closure();
    let PromiseClosureRecord::Captured(value) = *agent.promise_closure(holder) else {
        unreachable!("captured value")
    };
    value
}

/// `returnValue` of [27.2.5.3](https://tc39.es/ecma262/#sec-promise.prototype.finally): 1. Return value.
fn return_value_closure<'gc>(
    agent: &mut Agent,
    _this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    Ok(captured_value(agent).bind(gc.into_nogc()))
}

/// `throwReason` of [27.2.5.3](https://tc39.es/ecma262/#sec-promise.prototype.finally): 1. Return ThrowCompletion(reason).
fn throw_reason_closure<'gc>(
    agent: &mut Agent,
    _this: Value,
    _args: ArgumentsList,
    _gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let reason = captured_value(agent);
    Err(agent.throw_value(reason))
}

/// ### [27.2.5.4 Promise.prototype.then ( onFulfilled, onRejected )](https://tc39.es/ecma262/#sec-promise.prototype.then)
fn then<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let on_fulfilled = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    let on_rejected = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let promise be the this value.
    // 2. If IsPromise(promise) is false, throw a TypeError exception.
    let promise = match this {
        Value::Object(o) if is_promise(agent, this) => o.bind(gc.nogc()),
        _ => {
            return Err(agent.throw_type_error(
                "Promise.prototype.then called on an incompatible receiver",
                gc.into_nogc(),
            ));
        }
    };
    let promise_root = promise.scope(agent, gc.nogc());
    // 3. Let C be ? SpeciesConstructor(promise, %Promise%).
    let c =
        species_constructor(agent, promise.unbind(), Intrinsic::Promise, gc.reborrow())?.unbind();
    // 4. Let resultCapability be ? NewPromiseCapability(C).
    let capability = new_promise_capability(agent, c.into(), gc.reborrow())?;
    let gc = gc.into_nogc();
    // 5. Return PerformPromiseThen(promise, onFulfilled, onRejected, resultCapability).
    let on_fulfilled = handler_of(agent, on_fulfilled.get(agent));
    let on_rejected = handler_of(agent, on_rejected.get(agent));
    Ok(perform_promise_then(
        agent,
        promise_root.get(agent),
        on_fulfilled,
        on_rejected,
        Some(capability),
        gc,
    ))
}
