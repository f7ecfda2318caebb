//! ### [27.4 AsyncGeneratorFunction Objects](https://tc39.es/ecma262/#sec-asyncgeneratorfunction-objects)
//! and [27.6 AsyncGenerator Objects](https://tc39.es/ecma262/#sec-asyncgenerator-objects):
//! the records, %AsyncGeneratorFunction% and the methods of
//! %AsyncGeneratorPrototype%. Running the body lives in the interpreter
//! (`engine/interpreter/async_generators.rs`).

use std::collections::VecDeque;

use super::SuspendedFrame;
use super::promise::{create_promise, reject_promise, resolve_promise};
use crate::ecmascript::abstract_operations::create_iter_result_object;
use crate::ecmascript::builtins::function::{DynamicFunctionKind, create_dynamic_function};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::heap_layout::arena_ids;
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::handle::define_handle;
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value, WellKnownSymbol};
use crate::engine::interpreter::{async_generator_await_return, async_generator_resume};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};
use crate::heap::{HandleVisitor, Trace};

define_handle!(
    /// Handle to an async generator's internal slots.
    AsyncGenerator,
    arena_ids::ASYNC_GENERATORS
);

/// `[[AsyncGeneratorState]]`
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AsyncGeneratorState {
    /// ~suspended-start~
    SuspendedStart,
    /// ~suspended-yield~
    SuspendedYield,
    /// ~executing~
    Executing,
    /// ~draining-queue~
    DrainingQueue,
    /// ~completed~
    Completed,
}

/// The `[[Type]]` of a request's completion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompletionKind {
    /// A normal completion (`next`).
    Normal,
    /// A throw completion (`throw`).
    Throw,
    /// A return completion (`return`).
    Return,
}

/// ### [27.6.3.1 AsyncGeneratorRequest Records](https://tc39.es/ecma262/#sec-asyncgeneratorrequest-records)
///
/// The capability is always a %Promise% one, whose resolving functions are
/// never visible: the promise is settled directly.
#[derive(Clone, Copy, Debug)]
pub struct AsyncGeneratorRequest {
    /// `[[Completion]].[[Type]]`
    pub kind: CompletionKind,
    /// `[[Completion]].[[Value]]`
    pub value: Value<'static>,
    /// `[[Capability]].[[Promise]]`
    pub promise: Object<'static>,
}

/// ### [27.6.2 Properties of AsyncGenerator Instances](https://tc39.es/ecma262/#sec-properties-of-asyncgenerator-intances)
#[derive(Debug)]
pub struct AsyncGeneratorRecord {
    /// `[[AsyncGeneratorState]]`
    pub state: AsyncGeneratorState,
    /// `[[AsyncGeneratorQueue]]`
    pub queue: VecDeque<AsyncGeneratorRequest>,
    /// `[[AsyncGeneratorContext]]`: the frame while suspended.
    pub frame: Option<Box<SuspendedFrame>>,
}

impl Trace for AsyncGeneratorRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        for request in &mut self.queue {
            request.value.trace(visitor);
            request.promise.visit(visitor);
        }
        if let Some(frame) = &mut self.frame {
            frame.trace(visitor);
        }
    }
}

/// Completes %AsyncGeneratorFunction.prototype% and %AsyncGeneratorPrototype%
/// and creates %AsyncGeneratorFunction%.
pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let function = agent.intrinsic(Intrinsic::Function);
    let function_prototype = agent.intrinsic(Intrinsic::AsyncGeneratorFunctionPrototype);
    let prototype = agent.intrinsic(Intrinsic::AsyncGeneratorPrototype);
    // 27.4.2 Properties of the AsyncGeneratorFunction Constructor.
    let constructor = agent.create_builtin_constructor(
        "AsyncGeneratorFunction",
        1,
        async_generator_function_constructor,
        Some(function_prototype),
        Some(function),
        gc,
    );
    agent.set_intrinsic(Intrinsic::AsyncGeneratorFunction, constructor);
    // 27.4.3.1 AsyncGeneratorFunction.prototype.constructor: { [[Writable]]: false, [[Configurable]]: true }
    let constructor_key = agent.static_key("constructor");
    function_prototype.replace_named(
        agent,
        constructor_key,
        Attributes::READONLY_CONFIGURABLE,
        constructor.into(),
        Value::Undefined,
    );
    // 27.4.3.2 AsyncGeneratorFunction.prototype.prototype: { [[Writable]]: false, [[Configurable]]: true }
    agent.define_builtin_property(
        function_prototype,
        BuiltinName::Str("prototype"),
        prototype.into(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
    // 27.4.3.3 AsyncGeneratorFunction.prototype [ %Symbol.toStringTag% ]
    let tag = agent.create_string("AsyncGeneratorFunction", gc);
    agent.define_builtin_property(
        function_prototype,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        tag.into_value(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
    // 27.6.1.1 AsyncGenerator.prototype.constructor: { [[Writable]]: false, [[Configurable]]: true }
    agent.define_builtin_property(
        prototype,
        BuiltinName::Str("constructor"),
        function_prototype.into(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
    agent.define_builtin_method(prototype, BuiltinName::Str("next"), 1, next, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("return"), 1, r#return, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("throw"), 1, throw, gc);
    // 27.6.1.5 AsyncGenerator.prototype [ %Symbol.toStringTag% ]
    let tag = agent.create_string("AsyncGenerator", gc);
    agent.define_builtin_property(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        tag.into_value(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
}

/// ### [27.4.1.1 AsyncGeneratorFunction ( ...parameterArgs, bodyArg )](https://tc39.es/ecma262/#sec-asyncgeneratorfunction)
fn async_generator_function_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let C be the active function object.
    let c = agent.intrinsic(Intrinsic::AsyncGeneratorFunction);
    // 2. If bodyArg is not present, set bodyArg to the empty String.
    // 3. Return ? CreateDynamicFunction(C, NewTarget, async-generator, parameterArgs, bodyArg).
    create_dynamic_function(
        agent,
        c,
        new_target,
        DynamicFunctionKind::AsyncGenerator,
        args,
        gc,
    )
}

impl Agent {
    /// The record handle of an async generator object.
    pub(crate) fn async_generator_of(&self, o: Object) -> Option<AsyncGenerator<'static>> {
        match o.kind(self) {
            ObjectKind::AsyncGenerator(g) => Some(g),
            _ => None,
        }
    }
}

/// Steps 1-5 shared by the three methods: a new %Promise% capability and, if
/// AsyncGeneratorValidate succeeds, the generator and its state. On a failed
/// validation the promise is already rejected.
fn start<'a>(
    agent: &mut Agent,
    this: Value,
    gc: NoGcScope<'a, '_>,
) -> (Object<'a>, Option<(Object<'a>, AsyncGeneratorState)>) {
    // 2. Let promiseCapability be ! NewPromiseCapability(%Promise%).
    let prototype = agent.intrinsic(Intrinsic::PromisePrototype);
    let promise = create_promise(agent, prototype, gc);
    // 3. Let result be Completion(AsyncGeneratorValidate(generator, empty)).
    let generator = match this {
        Value::Object(o) => agent.async_generator_of(o).map(|g| (o.bind(gc), g)),
        _ => None,
    };
    let Some((generator, handle)) = generator else {
        // 4. IfAbruptRejectPromise(result, promiseCapability).
        let error = agent.create_error(
            crate::ecmascript::execution::ExceptionType::TypeError,
            "AsyncGenerator method called on an incompatible receiver",
            gc,
        );
        reject_promise(agent, promise, error.into(), gc);
        return (promise, None);
    };
    // 5. Let state be generator.[[AsyncGeneratorState]].
    let state = agent.heap.async_generators.get(handle.index()).state;
    (promise, Some((generator, state)))
}

/// ### [27.6.3.3 AsyncGeneratorEnqueue ( generator, completion, promiseCapability )](https://tc39.es/ecma262/#sec-asyncgeneratorenqueue)
fn enqueue(
    agent: &mut Agent,
    generator: Object,
    kind: CompletionKind,
    value: Value,
    promise: Object,
) {
    let handle = agent
        .async_generator_of(generator)
        .expect("an async generator");
    // 1. Let request be AsyncGeneratorRequest { [[Completion]]: completion, [[Capability]]: promiseCapability }.
    // 2. Append request to generator.[[AsyncGeneratorQueue]].
    agent
        .heap
        .async_generators
        .get_mut(handle.index())
        .queue
        .push_back(AsyncGeneratorRequest {
            kind,
            value: value.unbind(),
            promise: promise.unbind(),
        });
}

/// Sets `[[AsyncGeneratorState]]`.
fn set_state(agent: &mut Agent, generator: Object, state: AsyncGeneratorState) {
    let handle = agent
        .async_generator_of(generator)
        .expect("an async generator");
    agent.heap.async_generators.get_mut(handle.index()).state = state;
}

/// ### [27.6.1.2 AsyncGenerator.prototype.next ( value )](https://tc39.es/ecma262/#sec-asyncgenerator-prototype-next)
fn next<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let value = args.get(0).bind(gc.nogc());
    // 1. Let generator be the this value.
    // 2-5.
    let (promise, generator) = start(agent, this, gc.nogc());
    let Some((generator, state)) = generator else {
        return Ok(promise.unbind().bind(gc.into_nogc()).into());
    };
    let promise_root = promise.scope(agent, gc.nogc());
    // 6. If state is completed, then
    if state == AsyncGeneratorState::Completed {
        // a. Let iteratorResult be CreateIteratorResultObject(undefined, true).
        let result = create_iter_result_object(agent, Value::Undefined, true, gc.nogc());
        // b. Perform ! Call(promiseCapability.[[Resolve]], undefined, « iteratorResult »).
        resolve_promise(
            agent,
            promise.unbind(),
            result.unbind().into(),
            gc.reborrow(),
        );
        // c. Return promiseCapability.[[Promise]].
        return Ok(promise_root.get(agent).bind(gc.into_nogc()).into());
    }
    // 7. Let completion be NormalCompletion(value).
    // 8. Perform AsyncGeneratorEnqueue(generator, completion, promiseCapability).
    enqueue(agent, generator, CompletionKind::Normal, value, promise);
    // 9. If state is either suspended-start or suspended-yield, then
    if matches!(
        state,
        AsyncGeneratorState::SuspendedStart | AsyncGeneratorState::SuspendedYield
    ) {
        // a. Perform AsyncGeneratorResume(generator, completion).
        async_generator_resume(
            agent,
            generator.unbind(),
            CompletionKind::Normal,
            value.unbind(),
            gc.reborrow(),
        )?;
    }
    // 10. Else, Assert: state is either executing or draining-queue.
    // 11. Return promiseCapability.[[Promise]].
    Ok(promise_root.get(agent).bind(gc.into_nogc()).into())
}

/// ### [27.6.1.3 AsyncGenerator.prototype.return ( value )](https://tc39.es/ecma262/#sec-asyncgenerator-prototype-return)
fn r#return<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let value = args.get(0).bind(gc.nogc());
    // 1. Let generator be the this value.
    // 2-4.
    let (promise, generator) = start(agent, this, gc.nogc());
    let Some((generator, state)) = generator else {
        return Ok(promise.unbind().bind(gc.into_nogc()).into());
    };
    let promise_root = promise.scope(agent, gc.nogc());
    // 5. Let completion be ReturnCompletion(value).
    // 6. Perform AsyncGeneratorEnqueue(generator, completion, promiseCapability).
    enqueue(agent, generator, CompletionKind::Return, value, promise);
    // 7. Let state be generator.[[AsyncGeneratorState]].
    match state {
        // 8. If state is either suspended-start or completed, then
        AsyncGeneratorState::SuspendedStart | AsyncGeneratorState::Completed => {
            // a. Set generator.[[AsyncGeneratorState]] to draining-queue.
            set_state(agent, generator, AsyncGeneratorState::DrainingQueue);
            // b. Perform AsyncGeneratorAwaitReturn(generator).
            async_generator_await_return(agent, generator.unbind(), gc.reborrow());
        }
        // 9. Else if state is suspended-yield, then
        AsyncGeneratorState::SuspendedYield => {
            // a. Perform AsyncGeneratorResume(generator, completion).
            async_generator_resume(
                agent,
                generator.unbind(),
                CompletionKind::Return,
                value.unbind(),
                gc.reborrow(),
            )?;
        }
        // 10. Else, Assert: state is either executing or draining-queue.
        AsyncGeneratorState::Executing | AsyncGeneratorState::DrainingQueue => {}
    }
    // 11. Return promiseCapability.[[Promise]].
    Ok(promise_root.get(agent).bind(gc.into_nogc()).into())
}

/// ### [27.6.1.4 AsyncGenerator.prototype.throw ( exception )](https://tc39.es/ecma262/#sec-asyncgenerator-prototype-throw)
fn throw<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let exception = args.get(0).bind(gc.nogc());
    // 1. Let generator be the this value.
    // 2-4.
    let (promise, generator) = start(agent, this, gc.nogc());
    let Some((generator, mut state)) = generator else {
        return Ok(promise.unbind().bind(gc.into_nogc()).into());
    };
    // 5. Let state be generator.[[AsyncGeneratorState]].
    // 6. If state is suspended-start, then
    if state == AsyncGeneratorState::SuspendedStart {
        // a. Set generator.[[AsyncGeneratorState]] to completed.
        set_state(agent, generator, AsyncGeneratorState::Completed);
        // b. Set state to completed.
        state = AsyncGeneratorState::Completed;
        let handle = agent
            .async_generator_of(generator)
            .expect("an async generator");
        agent.heap.async_generators.get_mut(handle.index()).frame = None;
    }
    // 7. If state is completed, then
    if state == AsyncGeneratorState::Completed {
        // a. Perform ! Call(promiseCapability.[[Reject]], undefined, « exception »).
        reject_promise(agent, promise, exception, gc.nogc());
        // b. Return promiseCapability.[[Promise]].
        return Ok(promise.unbind().bind(gc.into_nogc()).into());
    }
    let promise_root = promise.scope(agent, gc.nogc());
    // 8. Let completion be ThrowCompletion(exception).
    // 9. Perform AsyncGeneratorEnqueue(generator, completion, promiseCapability).
    enqueue(agent, generator, CompletionKind::Throw, exception, promise);
    // 10. If state is suspended-yield, then
    if state == AsyncGeneratorState::SuspendedYield {
        // a. Perform AsyncGeneratorResume(generator, completion).
        async_generator_resume(
            agent,
            generator.unbind(),
            CompletionKind::Throw,
            exception.unbind(),
            gc.reborrow(),
        )?;
    }
    // 11. Else, Assert: state is either executing or draining-queue.
    // 12. Return promiseCapability.[[Promise]].
    Ok(promise_root.get(agent).bind(gc.into_nogc()).into())
}
