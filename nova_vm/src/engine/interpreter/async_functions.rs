//! Async functions ([27.7.5 Async Functions Abstract Operations](https://tc39.es/ecma262/#sec-async-functions-abstract-operations)):
//! the call creates a promise and runs the body until its first `await`;
//! `await` suspends the frame into the promise's record and resumes it from a
//! promise reaction job; completing the body settles the promise.
//!
//! The frame's `generator` field holds the async function's promise.

use super::generators::{deliver, suspend_frame};
use super::run::Returned;
use crate::ecmascript::builtins::control_abstraction::ReactionHandler;
use crate::ecmascript::builtins::control_abstraction::promise::{
    create_promise, perform_promise_then, promise_resolve, reject_promise, resolve_promise,
};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Object, Value};
use crate::engine::bytecode::Reg;
use crate::engine::{Bindable, GcScope, NoGcScope};

/// The promise of the running async function, or the running async
/// generator: the object whose record keeps the frame while it awaits.
pub(super) fn running_async_context(agent: &Agent) -> Option<Object<'static>> {
    let generator = agent.vm.frames.last()?.generator?;
    matches!(
        generator.kind(agent),
        ObjectKind::Promise(_) | ObjectKind::AsyncGenerator(_)
    )
    .then_some(generator)
}

/// The promise of the running frame if it runs an async function.
pub(super) fn running_async_promise(agent: &Agent) -> Option<Object<'static>> {
    let generator = agent.vm.frames.last()?.generator?;
    matches!(generator.kind(agent), ObjectKind::Promise(_)).then_some(generator)
}

/// ### [15.8.4 EvaluateAsyncFunctionBody](https://tc39.es/ecma262/#sec-runtime-semantics-evaluateasyncfunctionbody) steps 1-2
///
/// For the frame just pushed for an async function (in the callee's realm),
/// step 1: Let promiseCapability be ! NewPromiseCapability(%Promise%).
///
/// The resolving functions are never visible, so the promise is settled
/// directly when the body completes.
pub(super) fn async_function_start(agent: &mut Agent, gc: NoGcScope) {
    let prototype = agent.intrinsic(Intrinsic::PromisePrototype);
    let promise = create_promise(agent, prototype, gc);
    agent
        .vm
        .frames
        .last_mut()
        .expect("the async frame")
        .generator = Some(promise.unbind());
}

/// ### [27.7.5.2 AsyncBlockStart](https://tc39.es/ecma262/#sec-asyncblockstart) steps 2.c-2.h
///
/// The body returned `value`: resolve the promise (a `then` getter may run).
pub(super) fn async_function_return(agent: &mut Agent, promise: Object, value: Value, gc: GcScope) {
    // g. Else if result is a return completion, then
    //    i. Perform ! Call(promiseCapability.[[Resolve]], undefined, « result.[[Value]] »).
    resolve_promise(agent, promise, value, gc);
}

/// ### [27.7.5.2 AsyncBlockStart](https://tc39.es/ecma262/#sec-asyncblockstart) step 2.h
///
/// A throw left the body: reject the promise with the pending exception.
pub(super) fn async_function_throw(agent: &mut Agent, promise: Object, gc: NoGcScope) {
    // i. Assert: result is a throw completion.
    // ii. Perform ! Call(promiseCapability.[[Reject]], undefined, « result.[[Value]] »).
    let reason = agent.take_exception();
    reject_promise(agent, promise, reason, gc);
}

/// ### [27.7.5.3 Await ( value )](https://tc39.es/ecma262/#await)
///
/// Suspends the running async function at an `await`; the resumption writes
/// the value into `resume_register` and the kind (0 normal, 1 throw) after it.
/// The caller of the frame receives the function's promise.
pub(super) fn await_value<'gc>(
    agent: &mut Agent,
    value: Value,
    resume_register: Reg,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Returned> {
    // 1. Let asyncContext be the running execution context.
    // 2. Let promise be ? PromiseResolve(%Promise%, value).
    let constructor = agent.intrinsic(Intrinsic::Promise);
    let promise = promise_resolve(agent, constructor, value, gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    let Value::Object(promise) = promise.bind(gc) else {
        unreachable!("PromiseResolve with %Promise% returns a promise")
    };
    let context = running_async_context(agent).expect("await inside an async function");
    // 3-6. onFulfilled / onRejected: closures that resume asyncContext with a
    //      normal / throw completion (see ReactionHandler::Await).
    // 7. Perform PerformPromiseThen(promise, onFulfilled, onRejected).
    perform_promise_then(
        agent,
        promise,
        ReactionHandler::Await(context),
        ReactionHandler::Await(context),
        None,
        gc,
    );
    // 8. Remove asyncContext from the execution context stack and restore the
    //    execution context that is at the top of the execution context stack as
    //    the running execution context.
    let (frame, suspended) = suspend_frame(agent, Some(resume_register));
    match context.kind(agent) {
        ObjectKind::Promise(handle) => {
            agent.heap.promises.get_mut(handle.index()).async_frame = Some(suspended);
        }
        ObjectKind::AsyncGenerator(handle) => {
            agent.heap.async_generators.get_mut(handle.index()).frame = Some(suspended);
        }
        _ => unreachable!("an async context"),
    }
    // 9. Let callerContext be the running execution context.
    // 10. Resume callerContext passing empty. (The first suspension of an async
    //     function hands the caller its promise, as EvaluateAsyncFunctionBody
    //     returns it; a resumed frame returns to the job, which ignores it.)
    Ok(deliver(agent, &frame, context.into()))
}

/// The closures of [27.7.5.3 Await](https://tc39.es/ecma262/#await) steps 3 and 5:
/// resume the async function (or async generator) `context` with `value` as a
/// normal completion, or as a throw completion when `is_throw`.
pub(crate) fn resume_async_function<'gc>(
    agent: &mut Agent,
    context: Object,
    value: Value,
    is_throw: bool,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    // a. Let prevContext be the running execution context.
    // b. Suspend prevContext.
    // c. Push asyncContext onto the execution context stack.
    // d. Resume the suspended evaluation of asyncContext using the completion.
    // e-f. (The next suspension or completion returns here.)
    super::async_generators::resume_frame(agent, context, value, i32::from(is_throw), gc)
}

/// Steps of `for await` ([14.7.5.7 ForIn/OfBodyEvaluation](https://tc39.es/ecma262/#sec-runtime-semantics-forin-div-ofbodyevaluation-lhs-stmt-iterator-lhskind-labelset)
/// step 6.c-f) on the awaited result of `next`: a TypeError if it is not an
/// object, `None` if it is done, else its value.
pub(super) fn iterator_result_value<'gc>(
    agent: &mut Agent,
    result: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Value<'gc>>> {
    use crate::ecmascript::abstract_operations::{get, to_boolean};
    use crate::ecmascript::builtins::key;
    use crate::engine::Rootable;
    // c. If nextResult is not an Object, throw a TypeError exception.
    let Value::Object(result) = result else {
        return Err(agent.throw_type_error("Iterator result is not an object", gc.into_nogc()));
    };
    let result = result.bind(gc.nogc()).scope(agent, gc.nogc());
    // d. Let done be ? IteratorComplete(nextResult).
    let done = get(agent, result.get(agent), key("done"), gc.reborrow())?;
    // e. If done is true, return V.
    if to_boolean(agent, done) {
        return Ok(None);
    }
    // f. Let nextValue be ? IteratorValue(nextResult).
    let value = get(agent, result.get(agent), key("value"), gc)?;
    Ok(Some(value))
}

/// Steps 3-4.c of [7.4.12 AsyncIteratorClose](https://tc39.es/ecma262/#sec-asynciteratorclose):
/// `None` if the iterator has no `return` method, else the result of calling it.
pub(super) fn call_iterator_return<'gc>(
    agent: &mut Agent,
    iterator: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Value<'gc>>> {
    use crate::ecmascript::abstract_operations::{call_function, get_method};
    use crate::ecmascript::builtins::{ArgumentsList, key};
    use crate::engine::Rootable;
    let iterator_root = iterator.bind(gc.nogc()).scope(agent, gc.nogc());
    // 3. Let innerResult be Completion(GetMethod(iterator, "return")).
    let method = get_method(agent, iterator, key("return"), gc.reborrow())?.unbind();
    // 4.b. If return is undefined, return ? completion.
    let Some(method) = method else {
        return Ok(None);
    };
    // 4.c. Set innerResult to Completion(Call(return, iterator)).
    let result = call_function(
        agent,
        method,
        iterator_root.get(agent),
        ArgumentsList::EMPTY,
        gc,
    )?;
    Ok(Some(result))
}
