//! Leaving a frame: returning a value to the caller (a register of the
//! calling frame, or the Rust code that entered the loop), and unwinding a
//! throw to the innermost handler, including the completions of async
//! function and async generator bodies.

use std::sync::Arc;

use super::frame::ReturnTo;
use super::{async_functions, async_generators, generators};
use crate::ecmascript::execution::{Agent, JsError, JsResult};
use crate::ecmascript::types::{Object, UNINITIALIZED, Value};
use crate::engine::bytecode::Instructions;
use crate::engine::{Bindable, GcScope, NoGcScope};

/// What the dispatch loop does after unwinding a throw.
pub(super) enum AfterThrow {
    /// Run the innermost frame (a handler, or the caller of an async body).
    Continue,
    /// Leave the loop with this value (the throw became a rejection or an
    /// async generator's completion, and the native entry frame is done).
    Return(Value<'static>),
    /// Leave the loop with the uncaught exception.
    Throw(JsError),
}

/// Finishes what [`unwind`] started: an async generator whose body threw
/// settles its pending requests.
pub(super) fn after_unwind(agent: &mut Agent, unwound: Unwound, gc: GcScope) -> AfterThrow {
    match unwound {
        Unwound::Handled => AfterThrow::Continue,
        Unwound::Returned(value) => AfterThrow::Return(value.unbind()),
        Unwound::AsyncGeneratorThrew { generator, native } => {
            async_generators::async_generator_body_completed(
                agent,
                generator,
                Value::Undefined,
                true,
                gc,
            );
            if native {
                AfterThrow::Return(Value::Undefined)
            } else {
                AfterThrow::Continue
            }
        }
        Unwound::Uncaught(error) => AfterThrow::Throw(error),
    }
}

/// Where a return went.
pub(crate) enum Returned {
    /// Back into an interpreter frame.
    ToFrame,
    /// Out to the Rust caller with this value.
    ToNative(Value<'static>),
}

/// The common return: a plain call frame (no generator or async body to
/// settle, no `this` to substitute) returning `value` into a register of the
/// interpreter frame below. Pops the frame, gives its `instructions` back to
/// its code record, and hands over the caller's instructions, its pc made current.
/// Any other frame gets `instructions` back unchanged, for
/// [`return_from_frame`].
#[inline]
pub(crate) fn return_to_calling_frame(
    agent: &mut Agent,
    value: Value,
    instructions: Arc<Instructions>,
) -> Result<Arc<Instructions>, Arc<Instructions>> {
    let frame = agent.vm.frames.last().expect("frame to return from");
    let (None, false, ReturnTo::Register(register)) =
        (frame.generator, frame.returns_this, frame.return_to)
    else {
        return Err(instructions);
    };
    let (caller_realm, code) = (frame.caller_realm, frame.code);
    agent
        .heap
        .code
        .get_mut(code.index())
        .give_back_instructions(instructions);
    // `VmState::drop_innermost_frame`, spelled out: one frame-stack lookup
    // serves the drop, the caller's pc and code, and its instructions (the
    // shared version looks the caller up again, about 2 % more instructions
    // on call-heavy code).
    let frames = &mut agent.vm.frames;
    frames.truncate(frames.len() - 1);
    let caller = frames.last_mut().expect("caller frame");
    let caller_instructions = caller
        .instructions
        .take()
        .expect("the caller's instructions");
    agent.vm.pc = caller.pc;
    agent.vm.code = caller.code;
    let caller_end = caller.register_end as usize;
    agent.current_realm = caller_realm;
    restore_window(agent, caller_end);
    agent.vm.stack[register as usize] = value.unbind();
    Ok(caller_instructions)
}

/// The value a derived constructor's frame returns: `value` if it is an
/// object, else its `this` ([[Construct]], [10.2.2](https://tc39.es/ecma262/#sec-ecmascript-function-objects-construct-argumentslist-newtarget)
/// steps 10-12). [[Construct]] checks the result after restoring the
/// caller's execution context, so the errors come from the caller's realm,
/// and no handler of the constructor body catches them: the pc moves past
/// every handler range.
pub(crate) fn derived_constructor_result(
    agent: &mut Agent,
    value: Value,
    this: Value,
    gc: NoGcScope,
) -> JsResult<'static, Value<'static>> {
    if value.is_object() {
        return Ok(value.unbind());
    }
    let message = if !value.is_undefined() {
        "Derived constructors may only return object or undefined"
    } else if this == Value::Symbol(UNINITIALIZED) {
        "Must call super constructor in derived class before accessing 'this' or returning from derived constructor"
    } else {
        return Ok(this.unbind());
    };
    let caller_realm = agent.vm.frames.last().expect("frame").caller_realm;
    let callee_realm = std::mem::replace(&mut agent.current_realm, caller_realm);
    let error = if value.is_undefined() {
        agent.throw_reference_error(message, gc)
    } else {
        agent.throw_type_error(message, gc)
    };
    agent.current_realm = callee_realm;
    agent.vm.pc = u32::MAX;
    Err(error)
}

/// Pops the current frame, delivering `value` to its caller.
pub(crate) fn return_from_frame(agent: &mut Agent, value: Value, mut gc: GcScope) -> Returned {
    let mut value = value.unbind();
    // Only generator, async generator and async function frames carry an object.
    let carries_object = agent
        .vm
        .frames
        .last()
        .is_some_and(|frame| frame.generator.is_some());
    if carries_object {
        value = complete_async_body(agent, value, gc.reborrow());
    }
    // Read what the return needs, then drop the frame in place: moving the
    // whole frame out costs a store-forwarding stall on every return.
    let frame = agent.vm.frames.last().expect("frame to return from");
    let (returns_this, this, generator, caller_realm, return_to, base) = (
        frame.returns_this,
        frame.this,
        frame.generator,
        frame.caller_realm,
        frame.return_to,
        frame.base,
    );
    agent.vm.drop_innermost_frame();
    if returns_this && !value.is_object() {
        value = this;
    }
    if let Some(generator) = generator {
        value = generators::complete_generator(agent, generator, value, gc.nogc()).unbind();
    }
    agent.current_realm = caller_realm;
    match return_to {
        ReturnTo::Register(register) => {
            let caller_end = agent.vm.frames.last().expect("caller frame").register_end as usize;
            restore_window(agent, caller_end);
            agent.vm.stack[register as usize] = value;
            Returned::ToFrame
        }
        ReturnTo::Native => {
            agent.vm.stack.truncate(base as usize);
            Returned::ToNative(value)
        }
    }
}

/// The result of a frame whose body completed with `value`, when the frame
/// runs an async generator body (its requests are settled; the result is
/// undefined) or an async function body (its promise is settled and is the
/// result). Other frames' results are `value` unchanged.
fn complete_async_body(agent: &mut Agent, value: Value<'static>, gc: GcScope) -> Value<'static> {
    if let Some(generator) = async_generators::running_async_generator(agent) {
        // An async generator's body completed: settle its requests.
        async_generators::async_generator_body_completed(agent, generator, value, false, gc);
        agent.vm.frames.last_mut().expect("frame").generator = None;
        return Value::Undefined;
    } else if let Some(promise) = async_functions::running_async_promise(agent) {
        // An async function's body completed: settle its promise (the frame
        // keeps the promise alive while a `then` getter runs), and return it.
        async_functions::async_function_return(agent, promise, value, gc);
        let frame = agent.vm.frames.last_mut().expect("frame to return from");
        let promise = frame
            .generator
            .take()
            .expect("the async function's promise");
        return promise.into();
    }
    value
}

/// Makes the register file end exactly at `end` (the caller's window): drops
/// the callee's registers, or restores caller registers a callee overlapped.
#[inline]
fn restore_window(agent: &mut Agent, end: usize) {
    let stack = &mut agent.vm.stack;
    if stack.len() >= end {
        stack.truncate(end);
    } else {
        stack.resize(end, Value::Undefined);
    }
}

pub(super) enum Unwound {
    Handled,
    /// An async function's frame turned the throw into a rejection and
    /// returned its promise to the Rust caller.
    Returned(Value<'static>),
    /// A throw left an async generator's frame (popped; the exception is
    /// pending): its requests must be settled, then the frame's caller resumes
    /// (the Rust caller when `native`).
    AsyncGeneratorThrew {
        generator: Object<'static>,
        native: bool,
    },
    Uncaught(JsError),
}

/// Unwinds to the innermost handler for the pending exception. An async
/// function's frame catches it: its promise is rejected and the promise is
/// the frame's result.
pub(super) fn unwind(agent: &mut Agent, gc: crate::engine::NoGcScope) -> Unwound {
    loop {
        let frame = agent.vm.frames.last().expect("frame while unwinding");
        let pc = agent.vm.pc.saturating_sub(1);
        let code = agent.heap.code.get(frame.code.index());
        let handler = code
            .handlers
            .iter()
            .find(|h| h.start <= pc && pc < h.end)
            .copied();
        if let Some(handler) = handler {
            let frame = agent.vm.frames.last_mut().expect("frame");
            while frame.env_depth > handler.env_depth {
                let env = frame.env.expect("environment to unwind");
                frame.env = agent.heap.environments.get(env.index()).outer;
                frame.env_depth -= 1;
            }
            agent.vm.pc = handler.handler;
            let register = frame.base as usize + usize::from(handler.register);
            let exception = agent.take_exception();
            agent.vm.stack[register] = exception;
            return Unwound::Handled;
        }
        let async_promise = async_functions::running_async_promise(agent);
        let async_generator = async_generators::running_async_generator(agent);
        let frame = agent.vm.pop_frame().expect("frame");
        if let Some(generator) = async_generator {
            agent.current_realm = frame.caller_realm;
            let native = match frame.return_to {
                ReturnTo::Native => {
                    agent.vm.stack.truncate(frame.base as usize);
                    true
                }
                ReturnTo::Register(register) => {
                    let caller_end =
                        agent.vm.frames.last().expect("caller frame").register_end as usize;
                    restore_window(agent, caller_end);
                    agent.vm.stack[register as usize] = Value::Undefined;
                    false
                }
            };
            return Unwound::AsyncGeneratorThrew { generator, native };
        }
        if let Some(promise) = async_promise {
            async_functions::async_function_throw(agent, promise, gc);
            agent.current_realm = frame.caller_realm;
            if frame.return_to == ReturnTo::Native {
                agent.vm.stack.truncate(frame.base as usize);
                return Unwound::Returned(promise.into());
            }
            let ReturnTo::Register(register) = frame.return_to else {
                unreachable!()
            };
            let caller_end = agent.vm.frames.last().expect("caller frame").register_end as usize;
            restore_window(agent, caller_end);
            agent.vm.stack[register as usize] = promise.into();
            return Unwound::Handled;
        }
        if let Some(generator) = frame.generator {
            generators::fail_generator(agent, generator);
        }
        agent.current_realm = frame.caller_realm;
        if frame.return_to == ReturnTo::Native {
            agent.vm.stack.truncate(frame.base as usize);
            return Unwound::Uncaught(JsError::new_marker());
        }
        // Continue in the caller: its pc points after the call.
        let caller = agent.vm.frames.last().expect("caller frame");
        let caller_end = caller.register_end as usize;
        restore_window(agent, caller_end);
    }
}
