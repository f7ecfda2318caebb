//! ### [27.2.1 Promise Abstract Operations](https://tc39.es/ecma262/#sec-promise-abstract-operations)
//! and [27.2.5.4.1 PerformPromiseThen](https://tc39.es/ecma262/#sec-performpromisethen)

use super::{
    PromiseCapability, PromiseClosureRecord, PromiseReaction, PromiseReactionType, PromiseRecord,
    PromiseState, ReactionHandler,
};
use crate::ecmascript::abstract_operations::{
    call_function, construct, get, is_callable, is_constructor,
};
use crate::ecmascript::builtins::{ArgumentsList, key};
use crate::ecmascript::execution::{Agent, Intrinsic, Job, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};
use crate::heap::Arena;

/// Allocates a pending promise with prototype `prototype`
/// (the state part of OrdinaryCreateFromConstructor with the promise slots).
pub(crate) fn create_promise<'a>(
    agent: &mut Agent,
    prototype: Object,
    gc: NoGcScope<'a, '_>,
) -> Object<'a> {
    agent.heap.allocated_since_gc += Arena::<PromiseRecord>::RECORD_BYTES;
    let record = super::Promise::from_index(agent.heap.promises.push(PromiseRecord::pending()));
    agent.create_object(Some(prototype), ObjectKind::Promise(record), gc)
}

/// ### [27.2.1.6 IsPromise ( x )](https://tc39.es/ecma262/#sec-ispromise)
pub(crate) fn is_promise(agent: &Agent, x: Value) -> bool {
    // 1. If x is not an Object, return false.
    // 2. If x does not have a [[PromiseState]] internal slot, return false.
    // 3. Return true.
    matches!(x, Value::Object(o) if agent.promise_of(o).is_some())
}

/// ### [27.2.1.3 CreateResolvingFunctions ( promise )](https://tc39.es/ecma262/#sec-createresolvingfunctions)
pub(crate) fn create_resolving_functions<'a>(
    agent: &mut Agent,
    promise: Object,
    gc: NoGcScope<'a, '_>,
) -> (Object<'a>, Object<'a>) {
    // 1. Let alreadyResolved be the Record { [[Value]]: false }.
    let holder = agent.alloc_promise_closure(
        PromiseClosureRecord::Resolving {
            promise: promise.unbind(),
            already_resolved: false,
        },
        gc,
    );
    // 2-6. Let resolve be CreateBuiltinFunction(stepsResolve, 1, "", « [[Promise]], [[AlreadyResolved]] »)
    //      with resolve.[[Promise]] = promise and resolve.[[AlreadyResolved]] = alreadyResolved.
    let resolve = agent.create_promise_closure_function(promise_resolve_function, 1, holder, gc);
    // 7-11. Likewise reject, sharing alreadyResolved.
    let reject = agent.create_promise_closure_function(promise_reject_function, 1, holder, gc);
    // 12. Return the Record { [[Resolve]]: resolve, [[Reject]]: reject }.
    (resolve, reject)
}

/// Steps 1-5 shared by both resolving functions: the promise, or `None` if
/// the pair was already used.
fn take_resolving_promise(agent: &mut Agent) -> Option<Object<'static>> {
    // 1. Let F be the active function object.
    let holder = agent.active_promise_closure();
    let PromiseClosureRecord::Resolving {
        promise,
        already_resolved,
    } = agent.promise_closure(holder)
    else {
        unreachable!("resolving function state")
    };
    // 4. If alreadyResolved.[[Value]] is true, return undefined.
    if *already_resolved {
        return None;
    }
    // 5. Set alreadyResolved.[[Value]] to true.
    *already_resolved = true;
    Some(*promise)
}

/// ### [27.2.1.3.2 Promise Resolve Functions](https://tc39.es/ecma262/#sec-promise-resolve-functions)
fn promise_resolve_function<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1-5. (see take_resolving_promise)
    let Some(promise) = take_resolving_promise(agent) else {
        return Ok(Value::Undefined);
    };
    // 6-16.
    resolve_promise(agent, promise, args.get(0), gc);
    Ok(Value::Undefined)
}

/// ### [27.2.1.3.1 Promise Reject Functions](https://tc39.es/ecma262/#sec-promise-reject-functions)
fn promise_reject_function<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1-5.
    let Some(promise) = take_resolving_promise(agent) else {
        return Ok(Value::Undefined);
    };
    // 6. Perform RejectPromise(promise, reason).
    reject_promise(agent, promise, args.get(0), gc.nogc());
    // 7. Return undefined.
    Ok(Value::Undefined)
}

/// Steps 7-16 of [27.2.1.3.2 Promise Resolve Functions](https://tc39.es/ecma262/#sec-promise-resolve-functions):
/// resolves `promise` with `resolution` (already-resolved checks done by the caller).
/// May run a `then` getter; an abrupt completion rejects the promise.
pub(crate) fn resolve_promise(
    agent: &mut Agent,
    promise: Object,
    resolution: Value,
    mut gc: GcScope,
) {
    let promise = promise.bind(gc.nogc());
    let resolution = resolution.bind(gc.nogc());
    // 7. If SameValue(resolution, promise) is true, then
    if resolution == Value::Object(promise) {
        // a. Let selfResolutionError be a newly created TypeError object.
        let error = agent.create_error(
            crate::ecmascript::execution::ExceptionType::TypeError,
            "Chaining cycle detected for promise",
            gc.nogc(),
        );
        // b. Perform RejectPromise(promise, selfResolutionError).
        reject_promise(agent, promise, error.into(), gc.nogc());
        // c. Return undefined.
        return;
    }
    // 8. If resolution is not an Object, then
    let Value::Object(resolution_object) = resolution else {
        // a. Perform FulfillPromise(promise, resolution).
        fulfill_promise(agent, promise, resolution, gc.nogc());
        // b. Return undefined.
        return;
    };
    let promise_root = promise.scope(agent, gc.nogc());
    let resolution_root = resolution_object.scope(agent, gc.nogc());
    // 9. Let then be Completion(Get(resolution, "then")).
    let then = get(
        agent,
        resolution_object.unbind(),
        key("then"),
        gc.reborrow(),
    )
    .unbind();
    let gc = gc.into_nogc();
    let promise = promise_root.get(agent).bind(gc);
    let then = match then {
        Ok(then) => then.bind(gc),
        // 10. If then is an abrupt completion, then
        Err(_) => {
            // a. Perform RejectPromise(promise, then.[[Value]]).
            let reason = agent.take_exception().bind(gc);
            reject_promise(agent, promise, reason, gc);
            // b. Return undefined.
            return;
        }
    };
    let resolution = resolution_root.get(agent).bind(gc);
    // 11. Let thenAction be then.[[Value]].
    // 12. If IsCallable(thenAction) is false, then
    if !is_callable(agent, then) {
        // a. Perform FulfillPromise(promise, resolution).
        fulfill_promise(agent, promise, resolution.into(), gc);
        // b. Return undefined.
        return;
    }
    // 13. Let thenJobCallback be HostMakeJobCallback(thenAction).
    // 14. Let job be NewPromiseResolveThenableJob(promise, resolution, thenJobCallback).
    // 27.2.2.2 step 2-4: the job's realm is GetFunctionRealm(then.[[Callback]]) when it completes normally.
    let realm = agent.job_realm_of(then, gc);
    // 15. Perform HostEnqueuePromiseJob(job.[[Job]], job.[[Realm]]).
    agent.jobs.push_back(Job::PromiseResolveThenable {
        promise: promise.unbind(),
        thenable: resolution.unbind().into(),
        then: then.unbind(),
        realm,
    });
    // 16. Return undefined.
}

/// Moves a pending promise to a settled state and returns its reactions of `kind`.
fn settle(
    agent: &mut Agent,
    promise: Object,
    value: Value,
    state: PromiseState,
) -> Vec<PromiseReaction> {
    let handle = agent.promise_of(promise).expect("a promise");
    let record = agent.heap.promises.get_mut(handle.index());
    // 1. Assert: The value of promise.[[PromiseState]] is pending.
    debug_assert_eq!(record.state, PromiseState::Pending);
    // 2. Let reactions be promise.[[PromiseFulfillReactions]] (or [[PromiseRejectReactions]]).
    let fulfill = std::mem::take(&mut record.fulfill_reactions);
    let reject = std::mem::take(&mut record.reject_reactions);
    // 3. Set promise.[[PromiseResult]] to value (reason).
    record.result = value.unbind();
    // 4-5. Set both reaction lists to undefined.
    // 6. Set promise.[[PromiseState]] to fulfilled (rejected).
    record.state = state;
    if state == PromiseState::Fulfilled {
        fulfill
    } else {
        reject
    }
}

/// ### [27.2.1.4 FulfillPromise ( promise, value )](https://tc39.es/ecma262/#sec-fulfillpromise)
pub(crate) fn fulfill_promise(agent: &mut Agent, promise: Object, value: Value, gc: NoGcScope) {
    // 1-6.
    let reactions = settle(agent, promise, value, PromiseState::Fulfilled);
    // 7. Perform TriggerPromiseReactions(reactions, value).
    trigger_promise_reactions(agent, reactions, value, gc);
    // 8. Return unused.
}

/// ### [27.2.1.7 RejectPromise ( promise, reason )](https://tc39.es/ecma262/#sec-rejectpromise)
pub(crate) fn reject_promise(agent: &mut Agent, promise: Object, reason: Value, gc: NoGcScope) {
    // 1-6.
    let reactions = settle(agent, promise, reason, PromiseState::Rejected);
    // 7. If promise.[[PromiseIsHandled]] is false, perform HostPromiseRejectionTracker(promise, "reject").
    //    (The host hook does nothing.)
    // 8. Perform TriggerPromiseReactions(reactions, reason).
    trigger_promise_reactions(agent, reactions, reason, gc);
    // 9. Return unused.
}

/// ### [27.2.1.8 TriggerPromiseReactions ( reactions, argument )](https://tc39.es/ecma262/#sec-triggerpromisereactions)
fn trigger_promise_reactions(
    agent: &mut Agent,
    reactions: Vec<PromiseReaction>,
    argument: Value,
    gc: NoGcScope,
) {
    // 1. For each element reaction of reactions, do
    for reaction in reactions {
        // a. Let job be NewPromiseReactionJob(reaction, argument).
        // b. Perform HostEnqueuePromiseJob(job.[[Job]], job.[[Realm]]).
        enqueue_reaction_job(agent, reaction, argument, gc);
    }
    // 2. Return unused.
}

/// ### [27.2.2.1 NewPromiseReactionJob ( reaction, argument )](https://tc39.es/ecma262/#sec-newpromisereactionjob)
/// and [9.5.5 HostEnqueuePromiseJob](https://tc39.es/ecma262/#sec-hostenqueuepromisejob)
fn enqueue_reaction_job(
    agent: &mut Agent,
    reaction: PromiseReaction,
    argument: Value,
    gc: NoGcScope,
) {
    // 2. Let handlerRealm be null.
    // 3. If reaction.[[Handler]] is not empty, then
    //    a. Let getHandlerRealmResult be Completion(GetFunctionRealm(reaction.[[Handler]].[[Callback]])).
    //    b. If it is a normal completion, set handlerRealm to its value.
    //    c. Else, set handlerRealm to the current Realm Record.
    let realm = match reaction.handler {
        ReactionHandler::Callable(f) => {
            agent.job_realm_of(f, gc).or(Some(agent.current_realm_id()))
        }
        ReactionHandler::Empty
        | ReactionHandler::Await(_)
        | ReactionHandler::AsyncGeneratorAwaitReturn(_)
        | ReactionHandler::AsyncModule(_)
        | ReactionHandler::DynamicImport(..)
        | ReactionHandler::DynamicImportLoaded(..) => None,
    };
    agent.jobs.push_back(Job::PromiseReaction {
        reaction,
        argument: argument.unbind(),
        realm,
    });
}

/// ### [27.2.5.4.1 PerformPromiseThen ( promise, onFulfilled, onRejected [ , resultCapability ] )](https://tc39.es/ecma262/#sec-performpromisethen)
///
/// The handlers are already JobCallback records (or ~empty~); returns
/// `resultCapability.[[Promise]]`, or undefined without one.
pub(crate) fn perform_promise_then<'a>(
    agent: &mut Agent,
    promise: Object,
    on_fulfilled: ReactionHandler,
    on_rejected: ReactionHandler,
    result_capability: Option<PromiseCapability>,
    gc: NoGcScope<'a, '_>,
) -> Value<'a> {
    // 1. Assert: IsPromise(promise) is true.
    let handle = agent.promise_of(promise).expect("a promise");
    // 2-4. (The callers turn non-callable handlers into ~empty~.)
    // 5. Let fulfillReaction be the PromiseReaction Record { [[Capability]]: resultCapability,
    //    [[Type]]: fulfill, [[Handler]]: onFulfilledJobCallback }.
    let fulfill_reaction = PromiseReaction {
        capability: result_capability,
        kind: PromiseReactionType::Fulfill,
        handler: on_fulfilled,
    };
    // 6. Let rejectReaction be ... { [[Type]]: reject, [[Handler]]: onRejectedJobCallback }.
    let reject_reaction = PromiseReaction {
        capability: result_capability,
        kind: PromiseReactionType::Reject,
        handler: on_rejected,
    };
    let record = agent.heap.promises.get_mut(handle.index());
    match record.state {
        // 7. If promise.[[PromiseState]] is pending, then append the reactions.
        PromiseState::Pending => {
            record.fulfill_reactions.push(fulfill_reaction);
            record.reject_reactions.push(reject_reaction);
        }
        // 8. Else if promise.[[PromiseState]] is fulfilled, then
        PromiseState::Fulfilled => {
            // a. Let value be promise.[[PromiseResult]].
            let value = record.result;
            // b-c. Let fulfillJob be NewPromiseReactionJob(fulfillReaction, value); enqueue it.
            enqueue_reaction_job(agent, fulfill_reaction, value, gc);
        }
        // 9. Else,
        PromiseState::Rejected => {
            // a. Assert: The value of promise.[[PromiseState]] is rejected.
            // b. Let reason be promise.[[PromiseResult]].
            let reason = record.result;
            // c. If promise.[[PromiseIsHandled]] is false, perform
            //    HostPromiseRejectionTracker(promise, "handle") (nothing to do).
            // d-e. Let rejectJob be NewPromiseReactionJob(rejectReaction, reason); enqueue it.
            enqueue_reaction_job(agent, reject_reaction, reason, gc);
        }
    }
    // 10. Set promise.[[PromiseIsHandled]] to true.
    agent.heap.promises.get_mut(handle.index()).is_handled = true;
    // 11. If resultCapability is undefined, return undefined.
    // 12. Else, return resultCapability.[[Promise]].
    match result_capability {
        None => Value::Undefined,
        Some(capability) => capability.promise.bind(gc),
    }
}

/// HostMakeJobCallback for a handler argument: ~empty~ when not callable.
pub(crate) fn handler_of(agent: &Agent, f: Value) -> ReactionHandler {
    if is_callable(agent, f) {
        ReactionHandler::Callable(f.unbind())
    } else {
        ReactionHandler::Empty
    }
}

/// True if `c` is the %Promise% of the current realm: NewPromiseCapability
/// with it has no observable steps beyond creating the promise.
fn is_intrinsic_promise(agent: &Agent, c: Value) -> bool {
    c == Value::Object(agent.intrinsic(Intrinsic::Promise))
}

/// ### [27.2.1.5 NewPromiseCapability ( C )](https://tc39.es/ecma262/#sec-newpromisecapability)
pub(crate) fn new_promise_capability<'gc>(
    agent: &mut Agent,
    c: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, PromiseCapability> {
    let c = c.bind(gc.nogc());
    if is_intrinsic_promise(agent, c) {
        // Construct(%Promise%, « executor ») reads only the non-configurable
        // "prototype" of %Promise% and calls an executor nobody else sees.
        let gc = gc.into_nogc();
        let prototype = agent.intrinsic(Intrinsic::PromisePrototype);
        let promise = create_promise(agent, prototype, gc);
        let (resolve, reject) = create_resolving_functions(agent, promise, gc);
        return Ok(PromiseCapability {
            promise: promise.unbind().into(),
            resolve: resolve.unbind().into(),
            reject: reject.unbind().into(),
        });
    }
    // 1. If IsConstructor(C) is false, throw a TypeError exception.
    let Value::Object(constructor) = c else {
        return Err(agent.throw_type_error("Promise capability: not a constructor", gc.into_nogc()));
    };
    if !is_constructor(agent, c) {
        return Err(agent.throw_type_error("Promise capability: not a constructor", gc.into_nogc()));
    }
    // 2. NOTE: C is assumed to be a constructor function that supports the parameter
    //    conventions of the Promise constructor.
    // 3. Let resolvingFunctions be the Record { [[Resolve]]: undefined, [[Reject]]: undefined }.
    let holder = agent.alloc_promise_closure(
        PromiseClosureRecord::CapabilityExecutor {
            resolve: Value::Undefined,
            reject: Value::Undefined,
        },
        gc.nogc(),
    );
    // 4-5. Let executor be CreateBuiltinFunction(executorClosure, 2, "", « »).
    let executor =
        agent.create_promise_closure_function(get_capabilities_executor, 2, holder, gc.nogc());
    let holder = holder.scope(agent, gc.nogc());
    // 6. Let promise be ? Construct(C, « executor »).
    let promise = construct(
        agent,
        constructor.unbind(),
        ArgumentsList(&[executor.unbind().into()]),
        None,
        gc.reborrow(),
    )?
    .unbind();
    let gc = gc.into_nogc();
    let holder = holder.get(agent);
    let PromiseClosureRecord::CapabilityExecutor { resolve, reject } =
        *agent.promise_closure(holder)
    else {
        unreachable!("capability executor state")
    };
    // 7. If IsCallable(resolvingFunctions.[[Resolve]]) is false, throw a TypeError exception.
    if !is_callable(agent, resolve) {
        return Err(agent.throw_type_error("Promise resolve function is not callable", gc));
    }
    // 8. If IsCallable(resolvingFunctions.[[Reject]]) is false, throw a TypeError exception.
    if !is_callable(agent, reject) {
        return Err(agent.throw_type_error("Promise reject function is not callable", gc));
    }
    // 9. Return the PromiseCapability Record { [[Promise]]: promise, [[Resolve]]: ..., [[Reject]]: ... }.
    Ok(PromiseCapability {
        promise: promise.into(),
        resolve,
        reject,
    })
}

/// The executor closure of [27.2.1.5 NewPromiseCapability](https://tc39.es/ecma262/#sec-newpromisecapability) (step 4).
fn get_capabilities_executor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let holder = agent.active_promise_closure();
    let PromiseClosureRecord::CapabilityExecutor { resolve, reject } =
        agent.promise_closure(holder)
    else {
        unreachable!("capability executor state")
    };
    // a. If resolvingFunctions.[[Resolve]] is not undefined, throw a TypeError exception.
    // b. If resolvingFunctions.[[Reject]] is not undefined, throw a TypeError exception.
    if !resolve.is_undefined() || !reject.is_undefined() {
        return Err(agent.throw_type_error(
            "Promise executor has already been invoked with non-undefined arguments",
            gc.into_nogc(),
        ));
    }
    // c. Set resolvingFunctions.[[Resolve]] to resolve.
    *resolve = args.get(0).unbind();
    // d. Set resolvingFunctions.[[Reject]] to reject.
    *reject = args.get(1).unbind();
    // e. Return undefined.
    Ok(Value::Undefined)
}

/// ### [27.2.4.7.1 PromiseResolve ( C, x )](https://tc39.es/ecma262/#sec-promise-resolve)
pub(crate) fn promise_resolve<'gc>(
    agent: &mut Agent,
    c: Object,
    x: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let c = c.bind(gc.nogc());
    let x = x.bind(gc.nogc());
    let c_root = c.scope(agent, gc.nogc());
    let x_root = x.scope(agent, gc.nogc());
    // 1. If IsPromise(x) is true, then
    if let Value::Object(x_object) = x
        && agent.promise_of(x_object).is_some()
    {
        // a. Let xConstructor be ? Get(x, "constructor").
        let constructor_key = agent.static_key("constructor");
        let x_constructor = get(agent, x_object.unbind(), constructor_key, gc.reborrow())?.unbind();
        // b. If SameValue(xConstructor, C) is true, return x.
        if x_constructor == Value::Object(c_root.get(agent)) {
            return Ok(x_root.get(agent).bind(gc.into_nogc()));
        }
    }
    let c = c_root.get(agent).bind(gc.nogc());
    if is_intrinsic_promise(agent, c.into()) {
        // 2-3 with %Promise%: the resolving functions are never seen, so resolve directly.
        let prototype = agent.intrinsic(Intrinsic::PromisePrototype);
        let promise = create_promise(agent, prototype, gc.nogc());
        let promise_root = promise.scope(agent, gc.nogc());
        resolve_promise(agent, promise.unbind(), x_root.get(agent), gc.reborrow());
        return Ok(promise_root.get(agent).bind(gc.into_nogc()).into());
    }
    // 2. Let promiseCapability be ? NewPromiseCapability(C).
    let capability = new_promise_capability(agent, c.unbind().into(), gc.reborrow())?;
    let promise = capability.promise.scope(agent, gc.nogc());
    // 3. Perform ? Call(promiseCapability.[[Resolve]], undefined, « x »).
    call_function(
        agent,
        capability.resolve,
        Value::Undefined,
        ArgumentsList(&[x_root.get(agent)]),
        gc.reborrow(),
    )?;
    // 4. Return promiseCapability.[[Promise]].
    Ok(promise.get(agent).bind(gc.into_nogc()))
}
