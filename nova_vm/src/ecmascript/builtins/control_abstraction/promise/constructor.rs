//! ### [27.2.3 The Promise Constructor](https://tc39.es/ecma262/#sec-promise-constructor) and
//! [27.2.4 Properties of the Promise Constructor](https://tc39.es/ecma262/#sec-properties-of-the-promise-constructor)
//! (the combinators live in `combinators.rs`).

use super::combinators;
use super::operations::{
    create_promise, create_resolving_functions, new_promise_capability, promise_resolve,
};
use crate::ecmascript::abstract_operations::{
    call_function, get_prototype_from_constructor, is_callable,
};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName, key};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// Creates %Promise% and %Promise.prototype% with their properties.
pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    // 27.2.5 Properties of the Promise Prototype Object: an ordinary object.
    let prototype = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    // 27.2.3 The Promise Constructor (length 1) and 27.2.4.4 Promise.prototype.
    let constructor = agent.create_builtin_constructor(
        "Promise",
        1,
        promise_constructor,
        Some(prototype),
        None,
        gc,
    );
    agent.set_intrinsic(Intrinsic::Promise, constructor);
    agent.set_intrinsic(Intrinsic::PromisePrototype, prototype);
    let methods: [(
        &'static str,
        u32,
        crate::ecmascript::builtins::function_objects::RegularFn,
    ); 8] = [
        ("all", 1, combinators::all),
        ("allSettled", 1, combinators::all_settled),
        ("any", 1, combinators::any),
        ("race", 1, combinators::race),
        ("reject", 1, reject),
        ("resolve", 1, resolve),
        ("try", 1, r#try),
        ("withResolvers", 0, with_resolvers),
    ];
    for (name, length, behaviour) in methods {
        agent.define_builtin_method(constructor, BuiltinName::Str(name), length, behaviour, gc);
    }
    // 27.2.4.9 get Promise [ %Symbol.species% ]
    agent.define_builtin_accessor(
        constructor,
        BuiltinName::Symbol(WellKnownSymbol::Species),
        Some(get_species),
        None,
        gc,
    );
    super::prototype::initialize(agent, prototype, gc);
}

/// ### [27.2.3.1 Promise ( executor )](https://tc39.es/ecma262/#sec-promise-executor)
fn promise_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let executor = args.get(0).bind(gc.nogc());
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = new_target else {
        return Err(agent.throw_type_error("Constructor Promise requires 'new'", gc.into_nogc()));
    };
    // 2. If IsCallable(executor) is false, throw a TypeError exception.
    if !is_callable(agent, executor) {
        return Err(agent.throw_type_error("Promise executor is not a function", gc.into_nogc()));
    }
    let executor = executor.scope(agent, gc.nogc());
    // 3. Let promise be ? OrdinaryCreateFromConstructor(NewTarget, "%Promise.prototype%",
    //    « [[PromiseState]], [[PromiseResult]], [[PromiseFulfillReactions]],
    //    [[PromiseRejectReactions]], [[PromiseIsHandled]] »).
    let prototype = get_prototype_from_constructor(
        agent,
        new_target,
        Intrinsic::PromisePrototype,
        gc.reborrow(),
    )?
    .unbind();
    // 4-7. Set promise.[[PromiseState]] to pending, the reaction lists to empty Lists and
    //      promise.[[PromiseIsHandled]] to false.
    let promise = create_promise(agent, prototype, gc.nogc());
    let promise_root = promise.scope(agent, gc.nogc());
    // 8. Let resolvingFunctions be CreateResolvingFunctions(promise).
    let (resolve, reject) = create_resolving_functions(agent, promise, gc.nogc());
    let reject_root = reject.scope(agent, gc.nogc());
    // 9. Let completion be Completion(Call(executor, undefined,
    //    « resolvingFunctions.[[Resolve]], resolvingFunctions.[[Reject]] »)).
    let completion = call_function(
        agent,
        executor.get(agent),
        Value::Undefined,
        ArgumentsList(&[resolve.unbind().into(), reject.unbind().into()]),
        gc.reborrow(),
    )
    .unbind();
    // 10. If completion is an abrupt completion, then
    if completion.is_err() {
        // a. Perform ? Call(resolvingFunctions.[[Reject]], undefined, « completion.[[Value]] »).
        let reason = agent.take_exception();
        call_function(
            agent,
            reject_root.get(agent).into(),
            Value::Undefined,
            ArgumentsList(&[reason]),
            gc.reborrow(),
        )?;
    }
    // 11. Return promise.
    Ok(promise_root.get(agent).bind(gc.into_nogc()).into())
}

/// ### [27.2.4.6 Promise.reject ( r )](https://tc39.es/ecma262/#sec-promise.reject)
fn reject<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let r = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let C be the this value.
    // 2. Let promiseCapability be ? NewPromiseCapability(C).
    let capability = new_promise_capability(agent, this, gc.reborrow())?;
    let promise = capability.promise.scope(agent, gc.nogc());
    // 3. Perform ? Call(promiseCapability.[[Reject]], undefined, « r »).
    call_function(
        agent,
        capability.reject,
        Value::Undefined,
        ArgumentsList(&[r.get(agent)]),
        gc.reborrow(),
    )?;
    // 4. Return promiseCapability.[[Promise]].
    Ok(promise.get(agent).bind(gc.into_nogc()))
}

/// ### [27.2.4.7 Promise.resolve ( x )](https://tc39.es/ecma262/#sec-promise.resolve)
fn resolve<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let C be the this value.
    // 2. If C is not an Object, throw a TypeError exception.
    let Value::Object(c) = this else {
        return Err(
            agent.throw_type_error("Promise.resolve called on a non-object", gc.into_nogc())
        );
    };
    // 3. Return ? PromiseResolve(C, x).
    promise_resolve(agent, c, args.get(0), gc)
}

/// ### [27.2.4.8 Promise.try ( callback, ...args )](https://tc39.es/ecma262/#sec-promise.try)
fn r#try<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let C be the this value.
    // 2. If C is not an Object, throw a TypeError exception.
    if !this.is_object() {
        return Err(agent.throw_type_error("Promise.try called on a non-object", gc.into_nogc()));
    }
    let args_start = agent.scoped_roots.len();
    for value in args.as_slice() {
        let _ = value.bind(gc.nogc()).scope(agent, gc.nogc());
    }
    let argc = args.len();
    // 3. Let promiseCapability be ? NewPromiseCapability(C).
    let capability = new_promise_capability(agent, this, gc.reborrow())?;
    let capability_roots = (
        capability.promise.scope(agent, gc.nogc()),
        capability.resolve.scope(agent, gc.nogc()),
        capability.reject.scope(agent, gc.nogc()),
    );
    let rooted: Vec<Value> = (0..argc)
        .map(|i| match agent.scoped_roots[args_start + i] {
            crate::ecmascript::execution::HeapRoot::Value(v) => v,
            _ => unreachable!("value root"),
        })
        .collect();
    let callback = rooted.first().copied().unwrap_or(Value::Undefined);
    let rest = rooted.get(1..).unwrap_or(&[]);
    // 4. Let status be Completion(Call(callback, undefined, args)).
    let status = call_function(
        agent,
        callback,
        Value::Undefined,
        ArgumentsList(rest),
        gc.reborrow(),
    )
    .unbind();
    let (function, value) = match status {
        // 5. If status is an abrupt completion, then
        //    a. Perform ? Call(promiseCapability.[[Reject]], undefined, « status.[[Value]] »).
        Err(_) => (capability_roots.2.get(agent), agent.take_exception()),
        // 6. Else, a. Perform ? Call(promiseCapability.[[Resolve]], undefined, « status.[[Value]] »).
        Ok(value) => (capability_roots.1.get(agent), value),
    };
    call_function(
        agent,
        function,
        Value::Undefined,
        ArgumentsList(&[value]),
        gc.reborrow(),
    )?;
    // 7. Return promiseCapability.[[Promise]].
    Ok(capability_roots.0.get(agent).bind(gc.into_nogc()))
}

/// ### [27.2.4.9 Promise.withResolvers ( )](https://tc39.es/ecma262/#sec-promise.withResolvers)
fn with_resolvers<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let C be the this value.
    // 2. Let promiseCapability be ? NewPromiseCapability(C).
    let capability = new_promise_capability(agent, this, gc.reborrow())?;
    let gc = gc.into_nogc();
    // 3. Let obj be OrdinaryObjectCreate(%Object.prototype%).
    let prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let obj = agent.create_object(Some(prototype), ObjectKind::Ordinary, gc);
    // 4. Perform ! CreateDataPropertyOrThrow(obj, "promise", promiseCapability.[[Promise]]).
    obj.add_named_data(
        agent,
        key("promise"),
        capability.promise,
        Attributes::DEFAULT,
    );
    // 5. Perform ! CreateDataPropertyOrThrow(obj, "resolve", promiseCapability.[[Resolve]]).
    obj.add_named_data(
        agent,
        key("resolve"),
        capability.resolve,
        Attributes::DEFAULT,
    );
    // 6. Perform ! CreateDataPropertyOrThrow(obj, "reject", promiseCapability.[[Reject]]).
    obj.add_named_data(agent, key("reject"), capability.reject, Attributes::DEFAULT);
    // 7. Return obj.
    Ok(obj.into())
}

/// ### [27.2.4.10 get Promise [ %Symbol.species% ]](https://tc39.es/ecma262/#sec-get-promise-%symbol.species%)
fn get_species<'gc>(
    _agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return the this value.
    Ok(this.bind(gc.into_nogc()))
}
