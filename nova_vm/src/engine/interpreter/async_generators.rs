//! Async generators ([27.6.3 AsyncGenerator Abstract Operations](https://tc39.es/ecma262/#sec-asyncgenerator-abstract-operations)):
//! the request queue is settled as the body yields, returns or throws; the
//! frame suspends at `yield` (when no request waits) and at `await`.
//!
//! The frame's `generator` field holds the async generator object.

use super::frame::{Frame, ReturnTo};
use super::generators::{deliver, suspend_frame};
use super::run::{Returned, run};
use crate::ecmascript::abstract_operations::{create_iter_result_object, enter_native};
use crate::ecmascript::builtins::control_abstraction::promise::{
    perform_promise_then, promise_resolve, reject_promise, resolve_promise,
};
use crate::ecmascript::builtins::control_abstraction::{
    AsyncGeneratorState, CompletionKind, ReactionHandler,
};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult, RealmId};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Object, Value};
use crate::engine::bytecode::Reg;
use crate::engine::{Bindable, GcScope, Rootable};

/// The async generator of the running frame, if it runs one.
pub(super) fn running_async_generator(agent: &Agent) -> Option<Object<'static>> {
    let generator = agent.vm.frames.last()?.generator?;
    matches!(generator.kind(agent), ObjectKind::AsyncGenerator(_)).then_some(generator)
}

fn set_state(agent: &mut Agent, generator: Object, state: AsyncGeneratorState) {
    let handle = agent
        .async_generator_of(generator)
        .expect("an async generator");
    agent.heap.async_generators.get_mut(handle.index()).state = state;
}

fn queue_is_empty(agent: &Agent, generator: Object) -> bool {
    let handle = agent
        .async_generator_of(generator)
        .expect("an async generator");
    agent
        .heap
        .async_generators
        .get(handle.index())
        .queue
        .is_empty()
}

/// ### [27.6.3.4 AsyncGeneratorCompleteStep ( generator, completion, done [ , realm ] )](https://tc39.es/ecma262/#sec-asyncgeneratorcompletestep)
///
/// `kind` is normal or throw.
pub(super) fn async_generator_complete_step(
    agent: &mut Agent,
    generator: Object,
    kind: CompletionKind,
    value: Value,
    done: bool,
    realm: Option<RealmId>,
    gc: GcScope,
) {
    let handle = agent
        .async_generator_of(generator)
        .expect("an async generator");
    // 1. Assert: generator.[[AsyncGeneratorQueue]] is not empty.
    // 2. Let next be the first element of generator.[[AsyncGeneratorQueue]].
    // 3. Remove the first element from generator.[[AsyncGeneratorQueue]].
    let Some(next) = agent
        .heap
        .async_generators
        .get_mut(handle.index())
        .queue
        .pop_front()
    else {
        return;
    };
    // 4. Let promiseCapability be next.[[Capability]].
    // 5. Let value be completion.[[Value]].
    // 6. If completion is a throw completion, then
    if kind == CompletionKind::Throw {
        // a. Perform ! Call(promiseCapability.[[Reject]], undefined, « value »).
        reject_promise(agent, next.promise, value, gc.nogc());
        return;
    }
    // 7. Else,
    // a. Assert: completion is a normal completion.
    // b. If realm is present, then
    //    i. Let oldRealm be the running execution context's Realm.
    //    ii. Set the running execution context's Realm to realm.
    //    iii. Let iteratorResult be CreateIteratorResultObject(value, done).
    //    iv. Set the running execution context's Realm to oldRealm.
    // c. Else, i. Let iteratorResult be CreateIteratorResultObject(value, done).
    let old_realm = agent.current_realm;
    if let Some(realm) = realm {
        agent.current_realm = realm;
    }
    let result = create_iter_result_object(agent, value, done, gc.nogc()).unbind();
    agent.current_realm = old_realm;
    // d. Perform ! Call(promiseCapability.[[Resolve]], undefined, « iteratorResult »).
    resolve_promise(agent, next.promise, result.into(), gc);
}

/// ### [27.6.3.5 AsyncGeneratorResume ( generator, completion )](https://tc39.es/ecma262/#sec-asyncgeneratorresume)
pub(crate) fn async_generator_resume<'gc>(
    agent: &mut Agent,
    generator: Object,
    kind: CompletionKind,
    value: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    // 1. Assert: generator.[[AsyncGeneratorState]] is either suspended-start or suspended-yield.
    // 3. Set generator.[[AsyncGeneratorState]] to executing.
    set_state(agent, generator, AsyncGeneratorState::Executing);
    let resume_kind = match kind {
        CompletionKind::Normal => 0,
        CompletionKind::Throw => 1,
        CompletionKind::Return => 2,
    };
    // 2. Let genContext be generator.[[AsyncGeneratorContext]].
    // 4-9. Push genContext and resume it with completion.
    resume_frame(agent, generator, value, resume_kind, gc)
}

/// Pushes the suspended frame of an async function or async generator
/// (`context`) and runs it until it suspends or completes; the resumption
/// register receives `value` and `kind` (0 normal, 1 throw, 2 return).
pub(super) fn resume_frame<'gc>(
    agent: &mut Agent,
    context: Object,
    value: Value,
    kind: i32,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    enter_native(agent, gc.nogc())?;
    let suspended = match context.kind(agent) {
        ObjectKind::Promise(handle) => agent
            .heap
            .promises
            .get_mut(handle.index())
            .async_frame
            .take(),
        ObjectKind::AsyncGenerator(handle) => agent
            .heap
            .async_generators
            .get_mut(handle.index())
            .frame
            .take(),
        _ => None,
    };
    let Some(suspended) = suspended else {
        agent.vm.native_depth -= 1;
        return Ok(());
    };
    let base = agent.vm.stack.len();
    agent.vm.stack.extend_from_slice(&suspended.registers);
    if let Some(register) = suspended.resume_register {
        agent.vm.stack[base + register as usize] = value.unbind();
        agent.vm.stack[base + register as usize + 1] = Value::Integer(kind);
    }
    let instructions = agent
        .heap
        .code
        .get(suspended.code.index())
        .instructions
        .clone();
    let caller_realm = agent.current_realm;
    if let Value::Object(f) = suspended.callee
        && let ObjectKind::ECMAScriptFunction(h) = f.kind(agent)
    {
        agent.current_realm = agent.heap.functions.get(h.index()).realm;
    }
    agent.vm.push_frame(Frame {
        code: suspended.code,
        instructions: Some(instructions),
        pc: suspended.pc,
        base: base as u32,
        register_end: (base + suspended.registers.len()) as u32,
        returns_this: false,
        env: suspended.env,
        env_depth: suspended.env_depth,
        callee: suspended.callee,
        this: suspended.this,
        new_target: suspended.new_target,
        this_function: suspended.this_function,
        arguments: suspended.arguments,
        return_to: ReturnTo::Native,
        generator: Some(context.unbind()),
        caller_realm,
    });
    let result = run(agent, gc);
    agent.vm.native_depth -= 1;
    result.map(|_| ())
}

/// ### [27.6.3.8 AsyncGeneratorYield ( value )](https://tc39.es/ecma262/#sec-asyncgeneratoryield)
///
/// `Some` when the frame suspended (no request is waiting); `None` when a
/// waiting request's completion was written into `resume_register` (and the
/// kind after it) and the frame goes on at once.
pub(super) fn async_generator_yield<'gc>(
    agent: &mut Agent,
    value: Value,
    resume_register: Reg,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Returned>> {
    // 1-4. Let generator be the value of the Generator component of genContext.
    let generator = running_async_generator(agent).expect("yield inside an async generator");
    // 5. Let completion be NormalCompletion(value).
    // 6. Assert: The execution context stack has at least two elements.
    // 7. Let previousContext be the second to top element of the execution context stack.
    // 8. Let previousRealm be previousContext's Realm.
    let previous_realm = agent.vm.frames.last().expect("frame").caller_realm;
    // 9. Perform AsyncGeneratorCompleteStep(generator, completion, false, previousRealm).
    async_generator_complete_step(
        agent,
        generator,
        CompletionKind::Normal,
        value,
        false,
        Some(previous_realm),
        gc.reborrow(),
    );
    // (The frame keeps the generator alive; read it again.)
    let generator = running_async_generator(agent).expect("the async generator");
    let handle = agent
        .async_generator_of(generator)
        .expect("an async generator");
    // 10. Let queue be generator.[[AsyncGeneratorQueue]].
    // 11. If queue is not empty, then
    if let Some(to_yield) = agent
        .heap
        .async_generators
        .get(handle.index())
        .queue
        .front()
    {
        // a. NOTE: Execution continues without suspending the generator.
        // b. Let toYield be the first element of queue.
        // c. Let resumptionValue be Completion(toYield.[[Completion]]).
        // d. Return ? AsyncGeneratorUnwrapYieldResumption(resumptionValue) (compiled after the yield).
        let kind = match to_yield.kind {
            CompletionKind::Normal => 0,
            CompletionKind::Throw => 1,
            CompletionKind::Return => 2,
        };
        let value = to_yield.value;
        let base = agent.vm.frames.last().expect("frame").base as usize;
        agent.vm.stack[base + resume_register as usize] = value;
        agent.vm.stack[base + resume_register as usize + 1] = Value::Integer(kind);
        return Ok(None);
    }
    // 12. Else,
    // a. Set generator.[[AsyncGeneratorState]] to suspended-yield.
    set_state(agent, generator, AsyncGeneratorState::SuspendedYield);
    // b. Remove genContext from the execution context stack and restore the execution context
    //    that is at the top of the execution context stack as the running execution context.
    // c. Let callerContext be the running execution context.
    // d. Resume callerContext passing undefined. If genContext is ever resumed again, let
    //    resumptionValue be the Completion Record with which it is resumed.
    let (frame, suspended) = suspend_frame(agent, Some(resume_register));
    agent.heap.async_generators.get_mut(handle.index()).frame = Some(suspended);
    Ok(Some(deliver(agent, &frame, Value::Undefined)))
}

/// ### [27.6.3.9 AsyncGeneratorAwaitReturn ( generator )](https://tc39.es/ecma262/#sec-asyncgeneratorawaitreturn)
pub(crate) fn async_generator_await_return(agent: &mut Agent, generator: Object, mut gc: GcScope) {
    let generator = generator.bind(gc.nogc());
    let handle = agent
        .async_generator_of(generator)
        .expect("an async generator");
    // 1. Assert: generator.[[AsyncGeneratorState]] is draining-queue.
    // 2-4. Let next be the first element of generator.[[AsyncGeneratorQueue]].
    // 5. Let completion be Completion(next.[[Completion]]).
    // 6. Assert: completion is a return completion.
    let Some(next) = agent
        .heap
        .async_generators
        .get(handle.index())
        .queue
        .front()
    else {
        return;
    };
    let value = next.value;
    let generator_root = generator.scope(agent, gc.nogc());
    // 7. Let promiseCompletion be Completion(PromiseResolve(%Promise%, completion.[[Value]])).
    let constructor = agent.intrinsic(Intrinsic::Promise);
    let promise = promise_resolve(agent, constructor, value, gc.reborrow()).unbind();
    let generator = generator_root.get(agent);
    match promise {
        // 8. If promiseCompletion is an abrupt completion, then
        Err(_) => {
            // a. Perform AsyncGeneratorCompleteStep(generator, promiseCompletion, true).
            let reason = agent.take_exception();
            async_generator_complete_step(
                agent,
                generator,
                CompletionKind::Throw,
                reason,
                true,
                None,
                gc.reborrow(),
            );
            // b. Perform AsyncGeneratorDrainQueue(generator).
            async_generator_drain_queue(agent, generator_root.get(agent), gc);
            // c. Return unused.
        }
        // 9. Assert: promiseCompletion is a normal completion.
        // 10. Let promise be promiseCompletion.[[Value]].
        Ok(promise) => {
            let Value::Object(promise) = promise else {
                unreachable!("PromiseResolve returns a promise")
            };
            // 11-14. onFulfilled / onRejected complete the request and drain the queue.
            // 15. Perform PerformPromiseThen(promise, onFulfilled, onRejected).
            perform_promise_then(
                agent,
                promise,
                ReactionHandler::AsyncGeneratorAwaitReturn(generator),
                ReactionHandler::AsyncGeneratorAwaitReturn(generator),
                None,
                gc.nogc(),
            );
            // 16. Return unused.
        }
    }
}

/// The `fulfilledClosure` / `rejectedClosure` of [27.6.3.9 AsyncGeneratorAwaitReturn](https://tc39.es/ecma262/#sec-asyncgeneratorawaitreturn).
pub(crate) fn async_generator_await_return_settled(
    agent: &mut Agent,
    generator: Object,
    value: Value,
    is_reject: bool,
    mut gc: GcScope,
) {
    let generator = generator.bind(gc.nogc()).scope(agent, gc.nogc());
    // a. Assert: generator.[[AsyncGeneratorState]] is draining-queue.
    // b. Let result be NormalCompletion(value) / ThrowCompletion(reason).
    let kind = if is_reject {
        CompletionKind::Throw
    } else {
        CompletionKind::Normal
    };
    // c. Perform AsyncGeneratorCompleteStep(generator, result, true).
    async_generator_complete_step(
        agent,
        generator.get(agent),
        kind,
        value,
        true,
        None,
        gc.reborrow(),
    );
    // d. Perform AsyncGeneratorDrainQueue(generator).
    async_generator_drain_queue(agent, generator.get(agent), gc);
    // e. Return undefined.
}

/// ### [27.6.3.10 AsyncGeneratorDrainQueue ( generator )](https://tc39.es/ecma262/#sec-asyncgeneratordrainqueue)
pub(super) fn async_generator_drain_queue(agent: &mut Agent, generator: Object, mut gc: GcScope) {
    let generator = generator.bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Assert: generator.[[AsyncGeneratorState]] is draining-queue.
    // 2. Let queue be generator.[[AsyncGeneratorQueue]].
    // 3. If queue is empty, then
    if queue_is_empty(agent, generator.get(agent)) {
        // a. Set generator.[[AsyncGeneratorState]] to completed.
        set_state(agent, generator.get(agent), AsyncGeneratorState::Completed);
        // b. Return unused.
        return;
    }
    // 4. Let done be false.
    // 5. Repeat, while done is false,
    loop {
        let g = generator.get(agent);
        let handle = agent.async_generator_of(g).expect("an async generator");
        // a. Let next be the first element of queue.
        // b. Let completion be Completion(next.[[Completion]]).
        let Some(next) = agent
            .heap
            .async_generators
            .get(handle.index())
            .queue
            .front()
        else {
            set_state(agent, g, AsyncGeneratorState::Completed);
            return;
        };
        let (kind, value) = (next.kind, next.value);
        // c. If completion is a return completion, then
        if kind == CompletionKind::Return {
            // i. Perform AsyncGeneratorAwaitReturn(generator).
            async_generator_await_return(agent, g, gc.reborrow());
            // ii. Set done to true.
            return;
        }
        // d. Else,
        // i. If completion is a normal completion, then
        //    1. Set completion to NormalCompletion(undefined).
        let value = if kind == CompletionKind::Normal {
            Value::Undefined
        } else {
            value
        };
        // ii. Perform AsyncGeneratorCompleteStep(generator, completion, true).
        async_generator_complete_step(agent, g, kind, value, true, None, gc.reborrow());
        // iii. If queue is empty, then
        let g = generator.get(agent);
        if queue_is_empty(agent, g) {
            // 1. Set generator.[[AsyncGeneratorState]] to completed.
            set_state(agent, g, AsyncGeneratorState::Completed);
            // 2. Set done to true.
            return;
        }
    }
}

/// [27.6.3.2 AsyncGeneratorStart](https://tc39.es/ecma262/#sec-asyncgeneratorstart) steps 4.f-4.k:
/// the body completed with `value` (a return) or with the pending exception
/// (`threw`). The frame is already gone or about to go.
pub(super) fn async_generator_body_completed(
    agent: &mut Agent,
    generator: Object,
    value: Value,
    threw: bool,
    mut gc: GcScope,
) {
    let generator = generator.bind(gc.nogc());
    let value = if threw {
        agent.take_exception().bind(gc.nogc())
    } else {
        value.bind(gc.nogc())
    };
    // f. Remove acGenContext from the execution context stack.
    // g. Set acGenerator.[[AsyncGeneratorState]] to draining-queue.
    set_state(agent, generator, AsyncGeneratorState::DrainingQueue);
    let generator_root = generator.scope(agent, gc.nogc());
    // h. If result is a normal completion, set result to NormalCompletion(undefined).
    // i. If result is a return completion, set result to NormalCompletion(result.[[Value]]).
    // j. Perform AsyncGeneratorCompleteStep(acGenerator, result, true).
    let kind = if threw {
        CompletionKind::Throw
    } else {
        CompletionKind::Normal
    };
    async_generator_complete_step(
        agent,
        generator.unbind(),
        kind,
        value.unbind(),
        true,
        None,
        gc.reborrow(),
    );
    // k. Perform AsyncGeneratorDrainQueue(acGenerator).
    async_generator_drain_queue(agent, generator_root.get(agent), gc);
    // l. Return undefined.
}

/// Step 7 of `yield*` in an async generator ([15.5.5](https://tc39.es/ecma262/#sec-generator-function-definitions-runtime-semantics-evaluation)):
/// a.i, b.i-ii.1 and c.i-iii. Reads the received value and kind from
/// `received`/`received + 1`; writes the call's result to `dst` and code 0 to
/// `dst + 1`, or code 3 (the iterator has no `throw`) or 4 (no `return`).
pub(super) fn async_yield_star_step<'gc>(
    agent: &mut Agent,
    base: usize,
    dst: Reg,
    received: Reg,
    iterator: Reg,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    use crate::ecmascript::abstract_operations::{call_function, get_method};
    use crate::ecmascript::builtins::{ArgumentsList, key};
    let value = agent.vm.stack[base + received as usize];
    let Value::Integer(kind) = agent.vm.stack[base + received as usize + 1] else {
        unreachable!("resumption kind")
    };
    let iterator_value = agent.vm.stack[base + iterator as usize];
    let method = match kind {
        // a.i. Let innerResult be ? Call(iteratorRecord.[[NextMethod]], iteratorRecord.[[Iterator]], « received.[[Value]] »).
        0 => agent.vm.stack[base + iterator as usize + 1],
        // b.i. Let throw be ? GetMethod(iterator, "throw").
        // c.i. Let return be ? GetMethod(iterator, "return").
        _ => {
            let name = if kind == 1 { "throw" } else { "return" };
            let method = get_method(agent, iterator_value, key(name), gc.reborrow())?.unbind();
            match method {
                Some(method) => method,
                None => {
                    // b.iii (no throw: close, then TypeError) / c.ii (no return: await and return).
                    let slot = base + dst as usize;
                    agent.vm.stack[slot + 1] = Value::Integer(if kind == 1 { 3 } else { 4 });
                    return Ok(());
                }
            }
        }
    };
    // (The registers still hold the iterator and the received value: no call ran yet
    //  or GetMethod's getter may have run; read them again.)
    let iterator_value = agent.vm.stack[base + iterator as usize];
    let value = if kind == 0 {
        value
    } else {
        agent.vm.stack[base + received as usize]
    };
    let result =
        call_function(agent, method, iterator_value, ArgumentsList(&[value]), gc)?.unbind();
    let slot = base + dst as usize;
    agent.vm.stack[slot] = result;
    agent.vm.stack[slot + 1] = Value::Integer(0);
    Ok(())
}

/// IteratorComplete then IteratorValue of an awaited inner result of
/// `yield*` (a TypeError if it is not an object).
pub(super) fn iterator_result_unpack<'gc>(
    agent: &mut Agent,
    result: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, (Value<'gc>, bool)> {
    use crate::ecmascript::abstract_operations::{get, to_boolean};
    use crate::ecmascript::builtins::key;
    // If innerResult is not an Object, throw a TypeError exception.
    let Value::Object(result) = result else {
        return Err(agent.throw_type_error("Iterator result is not an object", gc.into_nogc()));
    };
    let result = result.bind(gc.nogc()).scope(agent, gc.nogc());
    // Let done be ? IteratorComplete(innerResult).
    let done = get(agent, result.get(agent), key("done"), gc.reborrow())?;
    let done = to_boolean(agent, done);
    // ? IteratorValue(innerResult)
    let value = get(agent, result.get(agent), key("value"), gc)?;
    Ok((value, done))
}
