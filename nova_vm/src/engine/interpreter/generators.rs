//! Generators ([27.5.3](https://tc39.es/ecma262/#sec-generator-abstract-operations)):
//! suspending a frame into its generator object and resuming it.

use super::frame::{Frame, ReturnTo};
use super::run::{Returned, run};
use crate::ecmascript::abstract_operations::{
    call_function, create_iter_result_object, get, get_method, to_boolean,
};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::builtins::control_abstraction::{
    Generator, GeneratorRecord, GeneratorState, SuspendedFrame,
};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Object, PropertyKey, Value};
use crate::engine::bytecode::Reg;
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};
use crate::heap::Arena;

fn key(name: &'static str) -> PropertyKey<'static> {
    PropertyKey::from_static_str(name).expect("short key")
}

/// Moves the running frame into a suspended-frame record.
pub(super) fn suspend_frame(
    agent: &mut Agent,
    resume_register: Option<Reg>,
) -> (Frame, Box<SuspendedFrame>) {
    let frame = agent.vm.pop_frame().expect("generator frame");
    let count = usize::from(agent.heap.code.get(frame.code.index()).register_count);
    let base = frame.base as usize;
    let registers: Box<[Value<'static>]> = agent.vm.stack[base..base + count].into();
    let suspended = Box::new(SuspendedFrame {
        code: frame.code,
        pc: frame.pc,
        env: frame.env,
        env_depth: frame.env_depth,
        callee: frame.callee,
        this: frame.this,
        new_target: frame.new_target,
        this_function: frame.this_function,
        arguments: frame.arguments.clone(),
        registers,
        resume_register,
    });
    (frame, suspended)
}

/// Delivers a value to where a popped frame should return.
pub(super) fn deliver(agent: &mut Agent, frame: &Frame, value: Value) -> Returned {
    agent.current_realm = frame.caller_realm;
    match frame.return_to {
        ReturnTo::Register(register) => {
            let caller = agent.vm.frames.last().expect("caller frame");
            let caller_end = caller.register_end as usize;
            let end = caller_end.max(register as usize + 1);
            agent.vm.stack.truncate(end);
            agent.vm.stack.resize(end, Value::Undefined);
            agent.vm.stack[register as usize] = value.unbind();
            Returned::ToFrame
        }
        ReturnTo::Native => {
            agent.vm.stack.truncate(frame.base as usize);
            Returned::ToNative(value.unbind())
        }
    }
}

/// `GeneratorStart`: creates the generator object (prototype from the
/// function's `prototype` property) holding the suspended frame, and returns
/// it to the caller.
pub(crate) fn generator_start<'gc>(
    agent: &mut Agent,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Returned> {
    let frame = agent.vm.frames.last().expect("frame");
    let callee = frame.callee;
    let is_async = agent.heap.code.get(frame.code.index()).kind
        == crate::engine::bytecode::FunctionKind::AsyncGenerator;
    let Value::Object(function) = callee else {
        unreachable!("generator callee")
    };
    // OrdinaryCreateFromConstructor(functionObject, "%GeneratorFunction.prototype.prototype%")
    // (or "%AsyncGeneratorFunction.prototype.prototype%")
    let key_prototype = agent.static_key("prototype");
    let prototype = get(agent, function, key_prototype, gc.reborrow())?.unbind();
    let prototype = match prototype {
        Value::Object(p) => p,
        _ if is_async => agent.intrinsic(Intrinsic::AsyncGeneratorPrototype),
        _ => agent.intrinsic(Intrinsic::GeneratorPrototype),
    };
    let gc = gc.into_nogc();
    let (frame, suspended) = suspend_frame(agent, None);
    if is_async {
        // 27.6.3.2 AsyncGeneratorStart: state suspended-start, an empty queue.
        use crate::ecmascript::builtins::control_abstraction::{
            AsyncGenerator, AsyncGeneratorRecord, AsyncGeneratorState,
        };
        agent.heap.allocated_since_gc +=
            Arena::<AsyncGeneratorRecord>::RECORD_BYTES + suspended.registers.len() * 8;
        let record =
            AsyncGenerator::from_index(agent.heap.async_generators.push(AsyncGeneratorRecord {
                state: AsyncGeneratorState::SuspendedStart,
                queue: Default::default(),
                frame: Some(suspended),
            }));
        let generator =
            agent.create_object(Some(prototype), ObjectKind::AsyncGenerator(record), gc);
        return Ok(deliver(agent, &frame, generator.into()));
    }
    agent.heap.allocated_since_gc +=
        Arena::<GeneratorRecord>::RECORD_BYTES + suspended.registers.len() * 8;
    let record = Generator::from_index(agent.heap.generators.push(GeneratorRecord {
        state: GeneratorState::SuspendedStart,
        frame: Some(suspended),
    }));
    let generator = agent.create_object(Some(prototype), ObjectKind::Generator(record), gc);
    Ok(deliver(agent, &frame, generator.into()))
}

/// `Yield`: suspends the running generator frame. With `wrap`, the yielded
/// value is wrapped in an iterator result (`yield`); otherwise it is already
/// one (`yield*` passes inner results through).
pub(crate) fn yield_value(
    agent: &mut Agent,
    value: Value,
    resume_register: Reg,
    wrap: bool,
    gc: NoGcScope,
) -> Returned {
    let generator = agent
        .vm
        .frames
        .last()
        .expect("frame")
        .generator
        .expect("yield inside a generator");
    let result = if wrap {
        create_iter_result_object(agent, value, false, gc)
            .unbind()
            .into()
    } else {
        value.unbind()
    };
    let (frame, suspended) = suspend_frame(agent, Some(resume_register));
    let ObjectKind::Generator(handle) = generator.kind(agent) else {
        unreachable!("generator object")
    };
    let record = agent.heap.generators.get_mut(handle.index());
    record.state = GeneratorState::SuspendedYield;
    record.frame = Some(suspended);
    deliver(agent, &frame, result)
}

/// Marks a generator completed when its frame returns; the result becomes an
/// iterator result `{ value, done: true }`.
pub(crate) fn complete_generator<'gc>(
    agent: &mut Agent,
    generator: Object,
    value: Value,
    gc: NoGcScope<'gc, '_>,
) -> Value<'gc> {
    if let ObjectKind::Generator(handle) = generator.kind(agent) {
        let record = agent.heap.generators.get_mut(handle.index());
        record.state = GeneratorState::Completed;
        record.frame = None;
    }
    create_iter_result_object(agent, value, true, gc).into()
}

/// Marks a generator completed when a throw leaves its frame.
pub(crate) fn fail_generator(agent: &mut Agent, generator: Object) {
    if let ObjectKind::Generator(handle) = generator.kind(agent) {
        let record = agent.heap.generators.get_mut(handle.index());
        record.state = GeneratorState::Completed;
        record.frame = None;
    }
}

/// How a generator is resumed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ResumeKind {
    Next = 0,
    Throw = 1,
    Return = 2,
}

/// ### [27.5.3.3 GeneratorResume](https://tc39.es/ecma262/#sec-generatorresume) and
/// [27.5.3.4 GeneratorResumeAbrupt](https://tc39.es/ecma262/#sec-generatorresumeabrupt)
pub(crate) fn resume_generator<'gc>(
    agent: &mut Agent,
    generator: Object,
    value: Value,
    kind: ResumeKind,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let ObjectKind::Generator(handle) = generator.kind(agent) else {
        return Err(agent.throw_type_error("not a generator object", gc.into_nogc()));
    };
    let state = agent.heap.generators.get(handle.index()).state;
    match state {
        GeneratorState::Executing => {
            return Err(agent.throw_type_error("Generator is already running", gc.into_nogc()));
        }
        GeneratorState::Completed => {
            return match kind {
                ResumeKind::Next => {
                    Ok(
                        create_iter_result_object(agent, Value::Undefined, true, gc.into_nogc())
                            .into(),
                    )
                }
                ResumeKind::Return => {
                    Ok(create_iter_result_object(agent, value, true, gc.into_nogc()).into())
                }
                ResumeKind::Throw => Err(agent.throw_value(value)),
            };
        }
        GeneratorState::SuspendedStart if kind != ResumeKind::Next => {
            // An abrupt resumption before the body starts completes the generator.
            let record = agent.heap.generators.get_mut(handle.index());
            record.state = GeneratorState::Completed;
            record.frame = None;
            return match kind {
                ResumeKind::Return => {
                    Ok(create_iter_result_object(agent, value, true, gc.into_nogc()).into())
                }
                _ => Err(agent.throw_value(value)),
            };
        }
        _ => {}
    }
    crate::ecmascript::abstract_operations::enter_native(agent, gc.nogc())?;
    let record = agent.heap.generators.get_mut(handle.index());
    record.state = GeneratorState::Executing;
    let suspended = record.frame.take().expect("suspended frame");
    let base = agent.vm.stack.len();
    agent.vm.stack.extend_from_slice(&suspended.registers);
    if let Some(register) = suspended.resume_register {
        agent.vm.stack[base + register as usize] = value.unbind();
        agent.vm.stack[base + register as usize + 1] = Value::Integer(kind as i32);
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
        generator: Some(generator.unbind()),
        caller_realm,
    });
    let result = run(agent, gc);
    agent.vm.native_depth -= 1;
    result
}

/// One step of `yield*` ([14.4.14 step 7](https://tc39.es/ecma262/#sec-generator-function-definitions-runtime-semantics-evaluation)).
/// Reads the received value and kind from `received`/`received + 1`. Returns
/// the inner result to yield, or `None` after writing the final value and kind
/// 3 (done: continue) or 4 (return from the generator) back into them.
pub(crate) fn yield_delegate_step<'gc>(
    agent: &mut Agent,
    base: usize,
    received: Reg,
    iterator: Reg,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Value<'static>>> {
    let slot = base + received as usize;
    let value = agent.vm.stack[slot];
    let Value::Integer(kind) = agent.vm.stack[slot + 1] else {
        unreachable!("resumption kind")
    };
    let iterator_value = agent.vm.stack[base + iterator as usize];
    let next = agent.vm.stack[base + iterator as usize + 1];
    let iterator_root = iterator_value.bind(gc.nogc()).scope(agent, gc.nogc());
    let value_root = value.bind(gc.nogc()).scope(agent, gc.nogc());
    let inner_result = match kind {
        // a. If received is a normal completion: innerResult = ? Call(next, iterator, « received »).
        0 => call_function(
            agent,
            next,
            iterator_value,
            ArgumentsList(&[value]),
            gc.reborrow(),
        )?
        .unbind(),
        1 => {
            // b. Else if received is a throw completion: throw = ? GetMethod(iterator, "throw").
            let throw = get_method(agent, iterator_value, key("throw"), gc.reborrow())?.unbind();
            match throw {
                Some(throw) => call_function(
                    agent,
                    throw,
                    iterator_root.get(agent),
                    ArgumentsList(&[value_root.get(agent)]),
                    gc.reborrow(),
                )?
                .unbind(),
                None => {
                    // iii. NOTE: the delegate has no throw method: close it, then throw a TypeError.
                    crate::ecmascript::abstract_operations::iterator_close(
                        agent,
                        iterator_root.get(agent),
                        gc.reborrow(),
                    )?;
                    return Err(agent.throw_type_error(
                        "The iterator does not provide a 'throw' method",
                        gc.into_nogc(),
                    ));
                }
            }
        }
        _ => {
            // c. Else (return completion): return = ? GetMethod(iterator, "return").
            let method = get_method(agent, iterator_value, key("return"), gc.reborrow())?.unbind();
            match method {
                None => {
                    // iii. If return is undefined, return ? received (return from the generator).
                    let slot = base + received as usize;
                    agent.vm.stack[slot] = value_root.get(agent);
                    agent.vm.stack[slot + 1] = Value::Integer(4);
                    return Ok(None);
                }
                Some(method) => {
                    let result = call_function(
                        agent,
                        method,
                        iterator_root.get(agent),
                        ArgumentsList(&[value_root.get(agent)]),
                        gc.reborrow(),
                    )?
                    .unbind();
                    let Value::Object(result_object) = result else {
                        return Err(agent
                            .throw_type_error("Iterator result is not an object", gc.into_nogc()));
                    };
                    let result_root = result_object.scope(agent, gc.nogc());
                    let done = get(agent, result_object, key("done"), gc.reborrow())?;
                    if to_boolean(agent, done) {
                        let v = get(agent, result_root.get(agent), key("value"), gc.reborrow())?
                            .unbind();
                        let slot = base + received as usize;
                        agent.vm.stack[slot] = v;
                        agent.vm.stack[slot + 1] = Value::Integer(4);
                        return Ok(None);
                    }
                    return Ok(Some(result_root.get(agent).into()));
                }
            }
        }
    };
    // If innerResult is not an Object, throw a TypeError exception.
    let Value::Object(inner) = inner_result else {
        return Err(agent.throw_type_error("Iterator result is not an object", gc.into_nogc()));
    };
    let inner_root = inner.scope(agent, gc.nogc());
    // Let done be ? IteratorComplete(innerResult).
    let done = get(agent, inner, key("done"), gc.reborrow())?;
    if to_boolean(agent, done) {
        // If done is true, return ? IteratorValue(innerResult) as the value of yield*.
        let v = get(agent, inner_root.get(agent), key("value"), gc.reborrow())?.unbind();
        let slot = base + received as usize;
        agent.vm.stack[slot] = v;
        agent.vm.stack[slot + 1] = Value::Integer(3);
        return Ok(None);
    }
    // Else, received = GeneratorYield(innerResult).
    Ok(Some(inner_root.get(agent).into()))
}
