//! The dispatch loop.

use super::calls::{CallOutcome, call_from_registers, construct_from_registers};
use super::environments::{env_slot_name, environment_at, push_declarative_env};
use super::frame_exit::{AfterThrow, after_unwind, unwind};
pub(crate) use super::frame_exit::{
    Returned, derived_constructor_result, return_from_frame, return_to_calling_frame,
};
use super::{
    async_functions, async_generators, environments, generators, iteration, modules, objects,
    operators, properties,
};
use crate::ecmascript::abstract_operations::{
    to_boolean, to_number, to_numeric, to_object, to_property_key, to_string,
};
use crate::ecmascript::execution::{Agent, ExceptionType, JsResult};
use crate::ecmascript::types::{UNINITIALIZED, Value};
use crate::engine::bytecode::Instruction;
use crate::engine::{Bindable, GcScope, Rootable};

/// Runs frames until the frame entered from Rust (`ReturnTo::Native`) returns
/// or a throw leaves it.
pub(crate) fn run<'gc>(agent: &mut Agent, mut gc: GcScope<'gc, '_>) -> JsResult<'gc, Value<'gc>> {
    // Operations called from the loop may scope handles; none of those roots
    // outlives the instruction that made them, so the loop drops them at its
    // safepoints.
    let roots_mark = agent.scoped_roots.len();
    'frames: loop {
        agent.scoped_roots.truncate(roots_mark);
        agent.gc_safepoint(gc.reborrow());
        if agent.interrupt_requested() {
            agent.throw_range_error("Execution interrupted", gc.nogc());
            let unwound = unwind(agent, gc.nogc());
            match after_unwind(agent, unwound, gc.reborrow()) {
                AfterThrow::Continue => continue 'frames,
                AfterThrow::Return(value) => return Ok(value.bind(gc.into_nogc())),
                AfterThrow::Throw(error) => return Err(error),
            }
        }
        let frame = agent.vm.frames.last_mut().expect("a frame to run");
        let mut instructions = frame.instructions.take().expect("the frame's instructions");
        let mut code: &[Instruction] = &instructions.0;
        let mut base = frame.base as usize;
        let mut pc = agent.vm.pc as usize;
        // Each arm either continues with the next instruction, continues
        // 'frames after changing frames, or breaks to unwinding with a pending exception.
        loop {
            let instruction = code[pc];
            pc += 1;
            agent.vm.pc = pc as u32;
            macro_rules! reg {
                ($r:expr) => {
                    agent.vm.stack[base + $r as usize]
                };
            }
            macro_rules! set {
                ($r:expr, $v:expr) => {{
                    let value: Value<'static> = $v;
                    agent.vm.stack[base + $r as usize] = value;
                }};
            }
            // An integer result stored whole (see `Value::store_integer`).
            macro_rules! set_integer {
                ($r:expr, $x:expr) => {{
                    let x: i32 = $x;
                    Value::store_integer(&mut agent.vm.stack[base + $r as usize], x);
                }};
            }
            // Copies a value that lies in memory into a register as one
            // eight-byte copy. A value taken apart (to test its tag) and then
            // stored is written piece by piece, and the next instruction's
            // eight-byte read of the register cannot be forwarded from those
            // pieces: it waits for them to reach the cache.
            macro_rules! copy_to_register {
                ($r:expr, $source:expr) => {{
                    let register = base + $r as usize;
                    agent.vm.stack[register..=register]
                        .copy_from_slice(std::slice::from_ref($source));
                }};
            }
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(_) => break,
                    }
                };
            }
            // The operator arms: the shared helpers inline their small-integer
            // fast paths.
            macro_rules! add {
                ($dst:expr, $a:expr, $b:expr) => {{
                    let (a, b) = ($a, $b);
                    if let (Value::Integer(x), Value::Integer(y)) = (a, b)
                        && let Some(sum) = x.checked_add(y)
                    {
                        set_integer!($dst, sum);
                    } else {
                        let value =
                            tri!(operators::add_values(agent, a, b, gc.reborrow())).unbind();
                        set!($dst, value);
                    }
                }};
            }
            macro_rules! arith {
                ($dst:expr, $a:expr, $b:expr, $op:ident) => {{
                    let (a, b) = ($a, $b);
                    if let (Value::Integer(x), Value::Integer(y)) = (a, b)
                        && let Some(result) =
                            operators::exact_integer_result(operators::Arith::$op, x, y)
                    {
                        set_integer!($dst, result);
                    } else {
                        let value = tri!(operators::arithmetic_values(
                            agent,
                            operators::Arith::$op,
                            a,
                            b,
                            gc.reborrow()
                        ))
                        .unbind();
                        set!($dst, value);
                    }
                }};
            }
            macro_rules! compare {
                ($dst:expr, $a:expr, $b:expr, $comparison:ident) => {{
                    let (a, b) = ($a, $b);
                    let value = tri!(operators::compare_values(
                        agent,
                        a,
                        b,
                        operators::Comparison::$comparison,
                        gc.reborrow()
                    ));
                    Value::store_boolean(&mut agent.vm.stack[base + $dst as usize], value);
                }};
            }
            // A jump back: a safepoint, and the place a runaway loop stops
            // for an interrupt.
            macro_rules! backward_jump_checks {
                () => {{
                    agent.scoped_roots.truncate(roots_mark);
                    agent.gc_safepoint(gc.reborrow());
                    if agent.interrupt_requested() {
                        agent.throw_range_error("Execution interrupted", gc.nogc());
                        break;
                    }
                }};
            }
            macro_rules! jump_to {
                ($target:expr) => {{
                    if ($target as usize) < pc {
                        backward_jump_checks!();
                    }
                    pc = $target as usize;
                }};
            }
            macro_rules! jump_when {
                ($a:expr, $b:expr, $comparison:ident, $target:expr) => {{
                    let (a, b) = ($a, $b);
                    let holds = tri!(operators::compare_values(
                        agent,
                        a,
                        b,
                        operators::Comparison::$comparison,
                        gc.reborrow()
                    ));
                    if holds {
                        jump_to!($target);
                    }
                }};
            }
            macro_rules! jump_unless {
                ($a:expr, $b:expr, $comparison:ident, $target:expr) => {{
                    let (a, b) = ($a, $b);
                    let holds = tri!(operators::compare_values(
                        agent,
                        a,
                        b,
                        operators::Comparison::$comparison,
                        gc.reborrow()
                    ));
                    if !holds {
                        pc = $target as usize;
                    }
                }};
            }
            match instruction {
                Instruction::LoadUndefined { dst } => {
                    Value::store_nullish(&mut agent.vm.stack[base + dst as usize], false)
                }
                Instruction::LoadNull { dst } => {
                    Value::store_nullish(&mut agent.vm.stack[base + dst as usize], true)
                }
                Instruction::LoadBool { dst, value } => {
                    Value::store_boolean(&mut agent.vm.stack[base + dst as usize], value)
                }
                Instruction::LoadInt { dst, value } => set_integer!(dst, value),
                Instruction::LoadConst { dst, constant } => {
                    let code = agent.vm.running_code();
                    let value = agent.heap.code.get(code.index()).constants[constant as usize];
                    set!(dst, value);
                }
                Instruction::LoadUninitialized { dst } => set!(dst, Value::Symbol(UNINITIALIZED)),
                Instruction::Move { dst, src } => {
                    let (from, to) = (base + src as usize, base + dst as usize);
                    agent.vm.stack.copy_within(from..=from, to);
                }
                Instruction::CheckInitialized { reg, constant } => {
                    if reg!(reg) == Value::Symbol(UNINITIALIZED) {
                        let name = constant_text(agent, constant);
                        let message = format!("Cannot access '{name}' before initialization");
                        agent.throw_reference_error(&message, gc.nogc());
                        break;
                    }
                }
                Instruction::CheckThisInitialized { reg, .. } => {
                    if reg!(reg) == Value::Symbol(UNINITIALIZED) {
                        agent.throw_reference_error(
                            "Must call super constructor in derived class before accessing 'this'",
                            gc.nogc(),
                        );
                        break;
                    }
                }
                Instruction::LoadThis { dst } => {
                    let frame = agent.vm.frames.last().expect("frame");
                    if frame.this == Value::Symbol(UNINITIALIZED) {
                        agent.throw_reference_error(
                            "Must call super constructor in derived class before accessing 'this'",
                            gc.nogc(),
                        );
                        break;
                    }
                    copy_to_register!(dst, &frame.this);
                }
                Instruction::LoadNewTarget { dst } => {
                    let value = agent.vm.frames.last().expect("frame").new_target;
                    set!(dst, value);
                }
                Instruction::LoadCallee { dst } => {
                    let value = agent.vm.frames.last().expect("frame").callee;
                    set!(dst, value);
                }
                Instruction::BindThisRegister { this, src } => {
                    if reg!(this) != Value::Symbol(UNINITIALIZED) {
                        agent.throw_reference_error(
                            "Super constructor may only be called once",
                            gc.nogc(),
                        );
                        break;
                    }
                    let value = reg!(src);
                    set!(this, value);
                    agent.vm.frames.last_mut().expect("frame").this = value;
                    tri!(objects::initialize_fields_of_this_function(
                        agent,
                        value,
                        gc.reborrow()
                    ));
                }
                Instruction::BindThisEnv { src, hops, slot } => {
                    let env = environment_at(agent, hops);
                    if agent
                        .heap
                        .environments
                        .get(env.index())
                        .slots
                        .get(slot as usize)
                        != Value::Symbol(UNINITIALIZED)
                    {
                        agent.throw_reference_error(
                            "Super constructor may only be called once",
                            gc.nogc(),
                        );
                        break;
                    }
                    let value = reg!(src);
                    agent
                        .heap
                        .environments
                        .get_mut(env.index())
                        .slots
                        .set(slot as usize, value);
                    agent.vm.frames.last_mut().expect("frame").this = value;
                    tri!(objects::initialize_fields_of_this_function(
                        agent,
                        value,
                        gc.reborrow()
                    ));
                }

                // ----- environments -----
                Instruction::PushEnv { scope } => push_declarative_env(agent, scope),
                Instruction::PopEnv => environments::pop_env(agent),
                Instruction::CopyEnv => environments::copy_env(agent),
                Instruction::PushWithEnv { object } => {
                    let Value::Object(binding_object) = reg!(object) else {
                        unreachable!("with object converted by ToObject")
                    };
                    environments::push_with_env(agent, binding_object);
                }
                Instruction::LoadEnv { dst, hops, slot } => {
                    let env = environment_at(agent, hops);
                    let record = agent.heap.environments.get(env.index());
                    copy_to_register!(dst, record.slots.get_ref(slot as usize));
                }
                Instruction::LoadEnvChecked { dst, hops, slot } => {
                    let env = environment_at(agent, hops);
                    let record = agent.heap.environments.get(env.index());
                    let value = record.slots[slot as usize];
                    if value == Value::Symbol(UNINITIALIZED) {
                        let name = env_slot_name(agent, env, slot);
                        let message = if name == "this" {
                            "Must call super constructor in derived class before accessing 'this'"
                                .to_owned()
                        } else {
                            format!("Cannot access '{name}' before initialization")
                        };
                        agent.throw_reference_error(&message, gc.nogc());
                        break;
                    }
                    set!(dst, value);
                }
                Instruction::LoadImport { dst, hops, index } => {
                    let value = tri!(modules::load_import(agent, hops, index, gc.nogc())).unbind();
                    set!(dst, value);
                }
                Instruction::ImportMeta { dst, hops } => {
                    let meta = modules::load_import_meta(agent, hops, gc.nogc()).unbind();
                    set!(dst, meta.into());
                }
                Instruction::ImportCall {
                    dst,
                    specifier,
                    options,
                    source_phase,
                } => {
                    let (specifier, options) = (reg!(specifier), reg!(options));
                    let promise = modules::import_call(
                        agent,
                        specifier,
                        options,
                        source_phase,
                        gc.reborrow(),
                    )
                    .unbind();
                    set!(dst, promise);
                }
                Instruction::StoreEnv { src, hops, slot } => {
                    let env = environment_at(agent, hops);
                    let value = reg!(src);
                    agent
                        .heap
                        .environments
                        .get_mut(env.index())
                        .slots
                        .set(slot as usize, value);
                }

                // ----- names -----
                Instruction::GetGlobal { dst, cache } => {
                    if !properties::copy_global_cached(agent, cache, base + dst as usize) {
                        let value = tri!(properties::get_global(agent, cache, true, gc.reborrow()))
                            .unbind();
                        set!(dst, value);
                    }
                }
                Instruction::GetGlobalOrUndefined { dst, cache } => {
                    let value =
                        tri!(properties::get_global(agent, cache, false, gc.reborrow())).unbind();
                    set!(dst, value);
                }
                Instruction::SetGlobal { src, cache } => {
                    let value = reg!(src);
                    if !properties::set_global_cached(agent, cache, value) {
                        tri!(properties::set_global(agent, cache, value, gc.reborrow()));
                    }
                }
                Instruction::InitGlobalLexical { src, cache } => {
                    let value = reg!(src);
                    properties::init_global_lexical(agent, cache, value);
                }
                Instruction::DeclareGlobalFunction { src, cache } => {
                    let value = reg!(src);
                    tri!(properties::declare_global_function(
                        agent,
                        cache,
                        value,
                        gc.reborrow()
                    ));
                }
                Instruction::GetName { dst, constant } => {
                    let value = tri!(properties::get_name(
                        agent,
                        constant,
                        true,
                        None,
                        gc.reborrow()
                    ))
                    .unbind();
                    set!(dst, value);
                }
                Instruction::GetNameWithReference {
                    dst,
                    reference,
                    constant,
                } => {
                    let value = tri!(properties::get_name_with_reference(
                        agent,
                        constant,
                        base + reference as usize,
                        gc.reborrow()
                    ))
                    .unbind();
                    set!(dst, value);
                }
                Instruction::SetNameByReference {
                    src,
                    reference,
                    constant,
                } => {
                    let (value, reference) = (reg!(src), reg!(reference));
                    tri!(properties::set_name_by_reference(
                        agent,
                        constant,
                        reference,
                        value,
                        gc.reborrow()
                    ));
                }
                Instruction::GetNameOrUndefined { dst, constant } => {
                    let value = tri!(properties::get_name(
                        agent,
                        constant,
                        false,
                        None,
                        gc.reborrow()
                    ))
                    .unbind();
                    set!(dst, value);
                }
                Instruction::GetNameForCall { dst, constant } => {
                    let this_slot = base + dst as usize + 1;
                    let value = tri!(properties::get_name(
                        agent,
                        constant,
                        true,
                        Some(this_slot),
                        gc.reborrow()
                    ))
                    .unbind();
                    set!(dst, value);
                }
                Instruction::SetName { src, constant } => {
                    let value = reg!(src);
                    tri!(properties::set_name(
                        agent,
                        constant,
                        value,
                        false,
                        gc.reborrow()
                    ));
                }
                Instruction::InitName { src, constant } => {
                    let value = reg!(src);
                    tri!(properties::set_name(
                        agent,
                        constant,
                        value,
                        true,
                        gc.reborrow()
                    ));
                }
                Instruction::DeleteName { dst, constant } => {
                    let value = tri!(properties::delete_name(agent, constant, gc.reborrow()));
                    set!(dst, Value::Boolean(value));
                }

                // ----- operators -----
                Instruction::Add { dst, lhs, rhs } => add!(dst, reg!(lhs), reg!(rhs)),
                Instruction::AddInt { dst, lhs, value } => {
                    add!(dst, reg!(lhs), Value::Integer(value))
                }
                Instruction::Sub { dst, lhs, rhs } => arith!(dst, reg!(lhs), reg!(rhs), Sub),
                Instruction::SubInt { dst, lhs, value } => {
                    arith!(dst, reg!(lhs), Value::Integer(value), Sub)
                }
                Instruction::Mul { dst, lhs, rhs } => arith!(dst, reg!(lhs), reg!(rhs), Mul),
                Instruction::MulInt { dst, lhs, value } => {
                    arith!(dst, reg!(lhs), Value::Integer(value), Mul)
                }
                Instruction::Div { dst, lhs, rhs } => {
                    let (a, b) = (reg!(lhs), reg!(rhs));
                    let value = tri!(operators::arithmetic(
                        agent,
                        operators::Arith::Div,
                        a,
                        b,
                        gc.reborrow()
                    ))
                    .unbind();
                    set!(dst, value);
                }
                Instruction::Rem { dst, lhs, rhs } => arith!(dst, reg!(lhs), reg!(rhs), Rem),
                Instruction::RemInt { dst, lhs, value } => {
                    arith!(dst, reg!(lhs), Value::Integer(value), Rem)
                }
                Instruction::Exp { dst, lhs, rhs } => {
                    let (a, b) = (reg!(lhs), reg!(rhs));
                    let value = tri!(operators::arithmetic(
                        agent,
                        operators::Arith::Exp,
                        a,
                        b,
                        gc.reborrow()
                    ))
                    .unbind();
                    set!(dst, value);
                }
                Instruction::BitAnd { dst, lhs, rhs } => arith!(dst, reg!(lhs), reg!(rhs), BitAnd),
                Instruction::BitAndInt { dst, lhs, value } => {
                    arith!(dst, reg!(lhs), Value::Integer(value), BitAnd)
                }
                Instruction::BitOr { dst, lhs, rhs } => arith!(dst, reg!(lhs), reg!(rhs), BitOr),
                Instruction::BitOrInt { dst, lhs, value } => {
                    arith!(dst, reg!(lhs), Value::Integer(value), BitOr)
                }
                Instruction::BitXor { dst, lhs, rhs } => arith!(dst, reg!(lhs), reg!(rhs), BitXor),
                Instruction::BitXorInt { dst, lhs, value } => {
                    arith!(dst, reg!(lhs), Value::Integer(value), BitXor)
                }
                Instruction::Shl { dst, lhs, rhs } => arith!(dst, reg!(lhs), reg!(rhs), Shl),
                Instruction::ShlInt { dst, lhs, value } => {
                    arith!(dst, reg!(lhs), Value::Integer(value), Shl)
                }
                Instruction::Shr { dst, lhs, rhs } => arith!(dst, reg!(lhs), reg!(rhs), Shr),
                Instruction::ShrInt { dst, lhs, value } => {
                    arith!(dst, reg!(lhs), Value::Integer(value), Shr)
                }
                Instruction::UShr { dst, lhs, rhs } => arith!(dst, reg!(lhs), reg!(rhs), UShr),
                Instruction::UShrInt { dst, lhs, value } => {
                    arith!(dst, reg!(lhs), Value::Integer(value), UShr)
                }
                Instruction::Eq { dst, lhs, rhs } => {
                    let (a, b) = (reg!(lhs), reg!(rhs));
                    let value = tri!(operators::loosely_equal(agent, a, b, gc.reborrow()));
                    set!(dst, Value::Boolean(value));
                }
                Instruction::NotEq { dst, lhs, rhs } => {
                    let (a, b) = (reg!(lhs), reg!(rhs));
                    let value = tri!(operators::loosely_equal(agent, a, b, gc.reborrow()));
                    set!(dst, Value::Boolean(!value));
                }
                Instruction::StrictEq { dst, lhs, rhs } => {
                    let (a, b) = (reg!(lhs), reg!(rhs));
                    let value = match (a, b) {
                        (Value::Integer(x), Value::Integer(y)) => x == y,
                        _ => crate::ecmascript::abstract_operations::is_strictly_equal(agent, a, b),
                    };
                    set!(dst, Value::Boolean(value));
                }
                Instruction::StrictNotEq { dst, lhs, rhs } => {
                    let (a, b) = (reg!(lhs), reg!(rhs));
                    let value = match (a, b) {
                        (Value::Integer(x), Value::Integer(y)) => x == y,
                        _ => crate::ecmascript::abstract_operations::is_strictly_equal(agent, a, b),
                    };
                    set!(dst, Value::Boolean(!value));
                }
                Instruction::Lt { dst, lhs, rhs } => compare!(dst, reg!(lhs), reg!(rhs), Less),
                Instruction::LtInt { dst, lhs, value } => {
                    compare!(dst, reg!(lhs), Value::Integer(value), Less)
                }
                Instruction::Gt { dst, lhs, rhs } => compare!(dst, reg!(lhs), reg!(rhs), Greater),
                Instruction::GtInt { dst, lhs, value } => {
                    compare!(dst, reg!(lhs), Value::Integer(value), Greater)
                }
                Instruction::LtEq { dst, lhs, rhs } => {
                    compare!(dst, reg!(lhs), reg!(rhs), LessOrEqual)
                }
                Instruction::LtEqInt { dst, lhs, value } => {
                    compare!(dst, reg!(lhs), Value::Integer(value), LessOrEqual)
                }
                Instruction::GtEq { dst, lhs, rhs } => {
                    compare!(dst, reg!(lhs), reg!(rhs), GreaterOrEqual)
                }
                Instruction::GtEqInt { dst, lhs, value } => {
                    compare!(dst, reg!(lhs), Value::Integer(value), GreaterOrEqual)
                }
                Instruction::InstanceOf { dst, lhs, rhs } => {
                    let (a, b) = (reg!(lhs), reg!(rhs));
                    let value = tri!(
                        crate::ecmascript::abstract_operations::instance_of_operator(
                            agent,
                            a,
                            b,
                            gc.reborrow()
                        )
                    );
                    set!(dst, Value::Boolean(value));
                }
                Instruction::In { dst, lhs, rhs } => {
                    let (a, b) = (reg!(lhs), reg!(rhs));
                    let value = tri!(operators::in_operator(agent, a, b, gc.reborrow()));
                    set!(dst, Value::Boolean(value));
                }
                Instruction::PrivateIn { dst, lhs, rhs } => {
                    let (name, object) = (reg!(lhs), reg!(rhs));
                    let value = tri!(properties::private_in(agent, name, object, gc.nogc()));
                    set!(dst, Value::Boolean(value));
                }
                Instruction::Neg { dst, src } => {
                    let value = match reg!(src) {
                        Value::Integer(x) if x != 0 && x != i32::MIN => Value::Integer(-x),
                        v => tri!(operators::negate(agent, v, gc.reborrow())).unbind(),
                    };
                    set!(dst, value);
                }
                Instruction::BitNot { dst, src } => {
                    let value = match reg!(src) {
                        Value::Integer(x) => Value::Integer(!x),
                        v => tri!(operators::bitwise_not(agent, v, gc.reborrow())).unbind(),
                    };
                    set!(dst, value);
                }
                Instruction::Not { dst, src } => {
                    let value = !to_boolean(agent, reg!(src));
                    set!(dst, Value::Boolean(value));
                }
                Instruction::TypeOf { dst, src } => {
                    let value = operators::type_of(agent, reg!(src), gc.nogc()).unbind();
                    set!(dst, value);
                }
                Instruction::ToNumber { dst, src } => {
                    let value = match reg!(src) {
                        v @ (Value::Integer(_) | Value::SmallF64(_) | Value::Number(_)) => v,
                        v => {
                            let n = tri!(to_number(agent, v, gc.reborrow()));
                            agent.number(n, gc.nogc()).unbind()
                        }
                    };
                    set!(dst, value);
                }
                Instruction::ToNumeric { dst, src } => {
                    let value = match reg!(src) {
                        v @ (Value::Integer(_) | Value::SmallF64(_) | Value::Number(_)) => v,
                        v => tri!(to_numeric(agent, v, gc.reborrow())).unbind(),
                    };
                    set!(dst, value);
                }
                Instruction::ToString { dst, src } => {
                    let value = tri!(to_string(agent, reg!(src), gc.reborrow()))
                        .unbind()
                        .into_value();
                    set!(dst, value);
                }
                Instruction::ToPropertyKey { dst, src } => {
                    let key = tri!(to_property_key(agent, reg!(src), gc.reborrow())).unbind();
                    let value = agent.key_to_value(key, gc.nogc()).unbind();
                    set!(dst, value);
                }
                Instruction::ToObject { dst, src } => {
                    let value = tri!(to_object(agent, reg!(src), gc.nogc())).unbind();
                    set!(dst, value.into());
                }
                Instruction::Inc { dst, src } => match reg!(src) {
                    Value::Integer(x) if x < i32::MAX => set_integer!(dst, x + 1),
                    v => {
                        let value =
                            tri!(operators::increment(agent, v, 1.0, gc.reborrow())).unbind();
                        set!(dst, value);
                    }
                },
                Instruction::Dec { dst, src } => match reg!(src) {
                    Value::Integer(x) if x > i32::MIN => set_integer!(dst, x - 1),
                    v => {
                        let value =
                            tri!(operators::increment(agent, v, -1.0, gc.reborrow())).unbind();
                        set!(dst, value);
                    }
                },

                // ----- control flow -----
                Instruction::Jump { target } => jump_to!(target),
                Instruction::JumpIfTrue { cond, target } => {
                    let v = reg!(cond);
                    let truthy = match v {
                        Value::Boolean(b) => b,
                        v => to_boolean(agent, v),
                    };
                    if truthy {
                        jump_to!(target);
                    }
                }
                Instruction::JumpIfFalse { cond, target } => {
                    let v = reg!(cond);
                    let truthy = match v {
                        Value::Boolean(b) => b,
                        v => to_boolean(agent, v),
                    };
                    if !truthy {
                        pc = target as usize;
                    }
                }
                Instruction::JumpIfNotLt { lhs, rhs, target } => {
                    jump_unless!(reg!(lhs), reg!(rhs), Less, target)
                }
                Instruction::JumpIfNotLtInt { lhs, value, target } => {
                    jump_unless!(reg!(lhs), Value::Integer(value), Less, target)
                }
                Instruction::JumpIfNotGt { lhs, rhs, target } => {
                    jump_unless!(reg!(lhs), reg!(rhs), Greater, target)
                }
                Instruction::JumpIfNotGtInt { lhs, value, target } => {
                    jump_unless!(reg!(lhs), Value::Integer(value), Greater, target)
                }
                Instruction::JumpIfNotLtEq { lhs, rhs, target } => {
                    jump_unless!(reg!(lhs), reg!(rhs), LessOrEqual, target)
                }
                Instruction::JumpIfNotLtEqInt { lhs, value, target } => {
                    jump_unless!(reg!(lhs), Value::Integer(value), LessOrEqual, target)
                }
                Instruction::JumpIfNotGtEq { lhs, rhs, target } => {
                    jump_unless!(reg!(lhs), reg!(rhs), GreaterOrEqual, target)
                }
                Instruction::JumpIfNotGtEqInt { lhs, value, target } => {
                    jump_unless!(reg!(lhs), Value::Integer(value), GreaterOrEqual, target)
                }
                Instruction::JumpIfLt { lhs, rhs, target } => {
                    jump_when!(reg!(lhs), reg!(rhs), Less, target)
                }
                Instruction::JumpIfLtInt { lhs, value, target } => {
                    jump_when!(reg!(lhs), Value::Integer(value), Less, target)
                }
                Instruction::JumpIfGt { lhs, rhs, target } => {
                    jump_when!(reg!(lhs), reg!(rhs), Greater, target)
                }
                Instruction::JumpIfGtInt { lhs, value, target } => {
                    jump_when!(reg!(lhs), Value::Integer(value), Greater, target)
                }
                Instruction::JumpIfLtEq { lhs, rhs, target } => {
                    jump_when!(reg!(lhs), reg!(rhs), LessOrEqual, target)
                }
                Instruction::JumpIfLtEqInt { lhs, value, target } => {
                    jump_when!(reg!(lhs), Value::Integer(value), LessOrEqual, target)
                }
                Instruction::JumpIfGtEq { lhs, rhs, target } => {
                    jump_when!(reg!(lhs), reg!(rhs), GreaterOrEqual, target)
                }
                Instruction::JumpIfGtEqInt { lhs, value, target } => {
                    jump_when!(reg!(lhs), Value::Integer(value), GreaterOrEqual, target)
                }
                Instruction::JumpIfNotStrictEq { lhs, rhs, target } => {
                    let (a, b) = (reg!(lhs), reg!(rhs));
                    let equal = match (a, b) {
                        (Value::Integer(x), Value::Integer(y)) => x == y,
                        _ => crate::ecmascript::abstract_operations::is_strictly_equal(agent, a, b),
                    };
                    if !equal {
                        jump_to!(target);
                    }
                }
                Instruction::JumpIfStrictEq { lhs, rhs, target } => {
                    let (a, b) = (reg!(lhs), reg!(rhs));
                    let equal = match (a, b) {
                        (Value::Integer(x), Value::Integer(y)) => x == y,
                        _ => crate::ecmascript::abstract_operations::is_strictly_equal(agent, a, b),
                    };
                    if equal {
                        jump_to!(target);
                    }
                }
                Instruction::JumpIfNullish { src, target } => {
                    if reg!(src).is_nullish() {
                        pc = target as usize;
                    }
                }
                Instruction::JumpIfNotNullish { src, target } => {
                    if !reg!(src).is_nullish() {
                        pc = target as usize;
                    }
                }
                Instruction::JumpIfUndefined { src, target } => {
                    if reg!(src).is_undefined() {
                        pc = target as usize;
                    }
                }
                Instruction::JumpIfNotUndefined { src, target } => {
                    if !reg!(src).is_undefined() {
                        pc = target as usize;
                    }
                }
                Instruction::Return { src } => {
                    let value = reg!(src);
                    let instructions = match return_to_calling_frame(agent, value, instructions) {
                        Ok(caller_instructions) => {
                            // Straight on with the caller: no safepoint is
                            // due on a return.
                            instructions = caller_instructions;
                            code = &instructions.0;
                            let caller = agent.vm.frames.last().expect("the caller's frame");
                            base = caller.base as usize;
                            pc = agent.vm.pc as usize;
                            continue;
                        }
                        Err(instructions) => instructions,
                    };
                    let code = agent.vm.running_code();
                    agent
                        .heap
                        .code
                        .get_mut(code.index())
                        .give_back_instructions(instructions);
                    match return_from_frame(agent, value, gc.reborrow()) {
                        Returned::ToFrame => continue 'frames,
                        Returned::ToNative(value) => return Ok(value.bind(gc.into_nogc())),
                    }
                }
                Instruction::ReturnDerived { src, this } => {
                    let (value, this) = (reg!(src), reg!(this));
                    let result = tri!(derived_constructor_result(agent, value, this, gc.nogc()));
                    match return_from_frame(agent, result, gc.reborrow()) {
                        Returned::ToFrame => continue 'frames,
                        Returned::ToNative(value) => return Ok(value.bind(gc.into_nogc())),
                    }
                }
                Instruction::Throw { src } => {
                    let value = reg!(src);
                    agent.throw_value(value);
                    break;
                }
                Instruction::ThrowError { kind, constant } => {
                    let message = constant_text(agent, constant);
                    agent.throw_exception(ExceptionType::from_u8(kind), &message, gc.nogc());
                    break;
                }
                Instruction::ThrowConstAssignment { constant, strict } => {
                    // `strict` is set for const and class bindings and in strict
                    // code; a named function expression's own name is silently
                    // immutable in sloppy code.
                    if strict {
                        let message = constant_text(agent, constant);
                        agent.throw_type_error(&message, gc.nogc());
                        break;
                    }
                }

                // ----- objects and properties -----
                Instruction::NewObject { dst } => {
                    let value = objects::new_object(agent, gc.nogc()).unbind();
                    set!(dst, value.into());
                }
                Instruction::NewArray { dst } => {
                    let value = objects::new_array(agent, gc.nogc()).unbind();
                    set!(dst, value.into());
                }
                Instruction::NewRegExp {
                    dst,
                    pattern,
                    flags,
                } => {
                    let value =
                        tri!(objects::new_regexp(agent, pattern, flags, gc.reborrow())).unbind();
                    set!(dst, value);
                }
                Instruction::ArrayPush { array, src } => {
                    let value = reg!(src);
                    objects::array_push(agent, reg!(array), Some(value));
                }
                Instruction::ArrayPushHole { array } => {
                    objects::array_push(agent, reg!(array), None)
                }
                Instruction::ArraySpread { array, src } => {
                    tri!(iteration::array_spread(
                        agent,
                        base + array as usize,
                        reg!(src),
                        gc.reborrow()
                    ));
                }
                Instruction::GetNamed { dst, object, cache } => {
                    let object = reg!(object);
                    let code = agent.vm.running_code();
                    if let Some(source) =
                        properties::get_named_cached(&agent.heap, code, object, cache)
                    {
                        copy_to_register!(dst, source);
                    } else {
                        let value =
                            tri!(properties::get_named(agent, object, cache, gc.reborrow()))
                                .unbind();
                        set!(dst, value);
                    }
                }
                Instruction::SetNamed { object, src, cache } => {
                    let (o, v) = (reg!(object), reg!(src));
                    if !properties::set_named_cached(agent, o, cache, v) {
                        tri!(properties::set_named(agent, o, cache, v, gc.reborrow()));
                    }
                }
                Instruction::GetIndexed { dst, object, key } => {
                    let value = tri!(properties::get_indexed(
                        agent,
                        reg!(object),
                        reg!(key),
                        gc.reborrow()
                    ))
                    .unbind();
                    set!(dst, value);
                }
                Instruction::SetIndexed { object, key, src } => {
                    let (o, k, v) = (reg!(object), reg!(key), reg!(src));
                    tri!(properties::set_indexed(agent, o, k, v, gc.reborrow()));
                }
                Instruction::DefineNamed { object, src, cache } => {
                    let (o, v) = (reg!(object), reg!(src));
                    tri!(properties::define_named(agent, o, cache, v, gc.reborrow()));
                }
                Instruction::DefineIndexed { object, key, src } => {
                    let (o, k, v) = (reg!(object), reg!(key), reg!(src));
                    tri!(properties::define_indexed(agent, o, k, v, gc.reborrow()));
                }
                Instruction::DefineAccessor {
                    object,
                    key,
                    function,
                    setter,
                    enumerable,
                } => {
                    let (o, k, f) = (reg!(object), reg!(key), reg!(function));
                    tri!(properties::define_accessor(
                        agent,
                        o,
                        k,
                        f,
                        setter,
                        enumerable,
                        gc.reborrow()
                    ));
                }
                Instruction::DefineMethod {
                    object,
                    key,
                    function,
                    enumerable,
                } => {
                    let (o, k, f) = (reg!(object), reg!(key), reg!(function));
                    tri!(properties::define_method(
                        agent,
                        o,
                        k,
                        f,
                        enumerable,
                        gc.reborrow()
                    ));
                }
                Instruction::DeleteNamed { dst, object, cache } => {
                    let value = tri!(properties::delete_named(
                        agent,
                        reg!(object),
                        cache,
                        gc.reborrow()
                    ));
                    set!(dst, Value::Boolean(value));
                }
                Instruction::DeleteIndexed { dst, object, key } => {
                    let value = tri!(properties::delete_indexed(
                        agent,
                        reg!(object),
                        reg!(key),
                        gc.reborrow()
                    ));
                    set!(dst, Value::Boolean(value));
                }
                Instruction::CopyDataProperties {
                    target,
                    src,
                    excluded,
                } => {
                    let (t, s, e) = (reg!(target), reg!(src), reg!(excluded));
                    tri!(objects::copy_data_properties_from_registers(
                        agent,
                        t,
                        s,
                        e,
                        gc.reborrow()
                    ));
                }
                Instruction::SetPrototypeLiteral { object, src } => {
                    let (o, v) = (reg!(object), reg!(src));
                    objects::set_prototype_literal(agent, o, v);
                }
                Instruction::GetSuper { dst, key } => {
                    let k = reg!(key);
                    let value = tri!(properties::get_super(agent, k, gc.reborrow())).unbind();
                    set!(dst, value);
                }
                Instruction::SetSuper { key, src } => {
                    let (k, v) = (reg!(key), reg!(src));
                    tri!(properties::set_super(agent, k, v, gc.reborrow()));
                }
                Instruction::GetPrivate { dst, object, name } => {
                    let value = tri!(properties::get_private(
                        agent,
                        reg!(object),
                        reg!(name),
                        gc.reborrow()
                    ))
                    .unbind();
                    set!(dst, value);
                }
                Instruction::SetPrivate { object, name, src } => {
                    let (o, n, v) = (reg!(object), reg!(name), reg!(src));
                    tri!(properties::set_private(agent, o, n, v, gc.reborrow()));
                }
                Instruction::DefinePrivate { object, name, src } => {
                    let (o, n, v) = (reg!(object), reg!(name), reg!(src));
                    tri!(properties::define_private(agent, o, n, v, gc.nogc()));
                }
                Instruction::NewPrivateName { dst, constant } => {
                    let value = objects::new_private_name(agent, constant, gc.nogc()).unbind();
                    set!(dst, value);
                }
                Instruction::DefinePrivateMethod {
                    object,
                    name,
                    function,
                    kind,
                } => {
                    let (o, n, f) = (reg!(object), reg!(name), reg!(function));
                    tri!(properties::define_private_method(
                        agent,
                        o,
                        n,
                        f,
                        kind,
                        gc.nogc()
                    ));
                }

                // ----- functions and classes -----
                Instruction::CreateClosure { dst, function } => {
                    let value = objects::create_closure(agent, function, gc.nogc()).unbind();
                    set!(dst, value.into());
                }
                Instruction::SetHomeObject { function, home } => {
                    objects::set_home_object(agent, reg!(function), reg!(home));
                }
                Instruction::CreateClass {
                    dst,
                    constructor,
                    heritage,
                } => {
                    let (c, h) = (reg!(constructor), reg!(heritage));
                    let (class, prototype) =
                        tri!(objects::create_class(agent, c, h, gc.reborrow()));
                    set!(dst, class);
                    set!(dst + 1, prototype);
                }
                Instruction::ClassFieldDefine {
                    class,
                    key,
                    initializer,
                } => {
                    let (c, k, i) = (reg!(class), reg!(key), reg!(initializer));
                    objects::class_field_define(agent, c, k, i, 0, gc.nogc());
                }
                Instruction::ClassPrivateMethod {
                    class,
                    name,
                    function,
                    kind,
                } => {
                    let (c, n, f) = (reg!(class), reg!(name), reg!(function));
                    objects::class_field_define(agent, c, n, f, 1 + kind, gc.nogc());
                }
                Instruction::SetFunctionName {
                    function,
                    name,
                    prefix,
                } => {
                    let (f, n) = (reg!(function), reg!(name));
                    objects::set_function_name(agent, f, n, prefix, gc.nogc());
                }
                Instruction::Call { dst, callee, argc }
                | Instruction::CallUndefinedThis { dst, callee, argc } => {
                    let f = reg!(callee);
                    let this = if let Instruction::Call { .. } = instruction {
                        reg!(callee + 1)
                    } else {
                        Value::Undefined
                    };
                    let args_start = base + callee as usize + 2;
                    match tri!(call_from_registers(
                        agent,
                        f,
                        this,
                        args_start,
                        argc as usize,
                        base + dst as usize,
                        gc.reborrow()
                    )) {
                        CallOutcome::Pushed => {
                            park_instructions(agent, 2, instructions);
                            continue 'frames;
                        }
                        CallOutcome::Done(value) => set!(dst, value),
                    }
                }
                Instruction::CallSpread { dst, callee } => {
                    let (f, this) = (reg!(callee), reg!(callee + 1));
                    let args_start = base + callee as usize + 2;
                    let argc = iteration::unpack_spread_array(agent, args_start);
                    match tri!(call_from_registers(
                        agent,
                        f,
                        this,
                        args_start,
                        argc,
                        base + dst as usize,
                        gc.reborrow()
                    )) {
                        CallOutcome::Pushed => {
                            park_instructions(agent, 2, instructions);
                            continue 'frames;
                        }
                        CallOutcome::Done(value) => set!(dst, value),
                    }
                }
                Instruction::CallEval {
                    dst,
                    callee,
                    argc,
                    parameter_scope,
                } => {
                    let (f, this) = (reg!(callee), reg!(callee + 1));
                    let args_start = base + callee as usize + 2;
                    if agent.is_intrinsic_eval(f) {
                        let source = if argc > 0 {
                            reg!(callee + 2)
                        } else {
                            Value::Undefined
                        };
                        let value = tri!(super::script::direct_eval(
                            agent,
                            source,
                            (parameter_scope != u16::MAX).then_some(u32::from(parameter_scope)),
                            gc.reborrow()
                        ))
                        .unbind();
                        set!(dst, value);
                    } else {
                        match tri!(call_from_registers(
                            agent,
                            f,
                            this,
                            args_start,
                            argc as usize,
                            base + dst as usize,
                            gc.reborrow()
                        )) {
                            CallOutcome::Pushed => {
                                park_instructions(agent, 2, instructions);
                                continue 'frames;
                            }
                            CallOutcome::Done(value) => set!(dst, value),
                        }
                    }
                }
                Instruction::Construct { dst, callee, argc } => {
                    let f = reg!(callee);
                    let args_start = base + callee as usize + 2;
                    match tri!(construct_from_registers(
                        agent,
                        f,
                        args_start,
                        argc as usize,
                        base + dst as usize,
                        gc.reborrow()
                    )) {
                        CallOutcome::Pushed => {
                            park_instructions(agent, 2, instructions);
                            continue 'frames;
                        }
                        CallOutcome::Done(value) => set!(dst, value),
                    }
                }
                Instruction::ConstructSpread { dst, callee } => {
                    let f = reg!(callee);
                    let args_start = base + callee as usize + 2;
                    let argc = iteration::unpack_spread_array(agent, args_start);
                    match tri!(construct_from_registers(
                        agent,
                        f,
                        args_start,
                        argc,
                        base + dst as usize,
                        gc.reborrow()
                    )) {
                        CallOutcome::Pushed => {
                            park_instructions(agent, 2, instructions);
                            continue 'frames;
                        }
                        CallOutcome::Done(value) => set!(dst, value),
                    }
                }
                Instruction::SuperCall { dst, args, argc } => {
                    let values: Vec<Value> = agent.vm.stack
                        [base + args as usize..base + args as usize + argc as usize]
                        .to_vec();
                    let value = tri!(objects::super_call(agent, &values, gc.reborrow())).unbind();
                    set!(dst, value);
                }
                Instruction::SuperCallSpread { dst, args } => {
                    let argc = iteration::unpack_spread_array(agent, base + args as usize);
                    let values: Vec<Value> =
                        agent.vm.stack[base + args as usize..base + args as usize + argc].to_vec();
                    let value = tri!(objects::super_call(agent, &values, gc.reborrow())).unbind();
                    set!(dst, value);
                }
                Instruction::SuperCallForward { dst } => {
                    let values: Vec<Value> = agent
                        .vm
                        .frames
                        .last()
                        .expect("frame")
                        .arguments
                        .as_deref()
                        .unwrap_or(&[])
                        .to_vec();
                    let value = tri!(objects::super_call(agent, &values, gc.reborrow())).unbind();
                    set!(dst, value);
                }
                Instruction::CreateArguments { dst, mapped } => {
                    let value = objects::create_arguments_object(agent, mapped, gc.nogc()).unbind();
                    set!(dst, value.into());
                }
                Instruction::CreateRestParameter { dst, start } => {
                    let value =
                        objects::create_rest_parameter(agent, start as usize, gc.nogc()).unbind();
                    set!(dst, value.into());
                }

                // ----- iteration -----
                Instruction::GetIterator { dst, src } => {
                    let (iterator, next) =
                        tri!(crate::ecmascript::abstract_operations::get_iterator(
                            agent,
                            reg!(src),
                            gc.reborrow()
                        ));
                    let (iterator, next) = (iterator.unbind(), next.unbind());
                    set!(dst, iterator);
                    set!(dst + 1, next);
                }
                Instruction::IteratorStep {
                    dst,
                    iterator,
                    done,
                } => {
                    let (it, next) = (reg!(iterator), reg!(iterator + 1));
                    match tri!(crate::ecmascript::abstract_operations::iterator_step_value(
                        agent,
                        it,
                        next,
                        gc.reborrow()
                    )) {
                        Some(value) => {
                            let value = value.unbind();
                            set!(dst, value);
                        }
                        None => pc = done as usize,
                    }
                }
                Instruction::IteratorClose { iterator } => {
                    let it = reg!(iterator);
                    tri!(crate::ecmascript::abstract_operations::iterator_close(
                        agent,
                        it,
                        gc.reborrow()
                    ));
                }
                Instruction::IteratorCloseQuiet { iterator } => {
                    // Keep the pending exception rooted across the call.
                    let it = reg!(iterator);
                    let pending = agent.pending_exception.take().unwrap_or_default();
                    let mark = agent.scoped_roots.len();
                    let root = pending.scope(agent, gc.nogc());
                    let _ = crate::ecmascript::abstract_operations::iterator_close(
                        agent,
                        it,
                        gc.reborrow(),
                    );
                    agent.pending_exception = Some(root.get(agent));
                    agent.scoped_roots.truncate(mark);
                }
                Instruction::ForInStart { dst, src } => {
                    let value =
                        tri!(iteration::for_in_start(agent, reg!(src), gc.reborrow())).unbind();
                    set!(dst, value);
                }
                Instruction::ForInNext {
                    dst,
                    iterator,
                    done,
                } => match tri!(iteration::for_in_next(agent, reg!(iterator), gc.reborrow())) {
                    Some(key) => {
                        let key = key.unbind();
                        set!(dst, key);
                    }
                    None => pc = done as usize,
                },

                // ----- generators -----
                Instruction::GeneratorStart => {
                    match tri!(generators::generator_start(agent, gc.reborrow())) {
                        Returned::ToFrame => continue 'frames,
                        Returned::ToNative(value) => return Ok(value.bind(gc.into_nogc())),
                    }
                }
                Instruction::Yield { dst, src } => {
                    let value = reg!(src);
                    match generators::yield_value(agent, value, dst, true, gc.nogc()) {
                        Returned::ToFrame => continue 'frames,
                        Returned::ToNative(value) => return Ok(value.bind(gc.into_nogc())),
                    }
                }
                Instruction::YieldDelegate { dst, iterator } => {
                    if let Some(inner_result) = tri!(generators::yield_delegate_step(
                        agent,
                        base,
                        dst,
                        iterator,
                        gc.reborrow()
                    )) {
                        // Yield the inner result object as it is; resume at this
                        // instruction's successor with the new value and kind.
                        match generators::yield_value(agent, inner_result, dst, false, gc.nogc()) {
                            Returned::ToFrame => continue 'frames,
                            Returned::ToNative(value) => return Ok(value.bind(gc.into_nogc())),
                        }
                    }
                }
                Instruction::Await { dst, src } => {
                    let value = reg!(src);
                    match tri!(async_functions::await_value(
                        agent,
                        value,
                        dst,
                        gc.reborrow()
                    )) {
                        Returned::ToFrame => continue 'frames,
                        Returned::ToNative(value) => return Ok(value.bind(gc.into_nogc())),
                    }
                }
                Instruction::AsyncGeneratorYield { dst, src } => {
                    let value = reg!(src);
                    match tri!(async_generators::async_generator_yield(
                        agent,
                        value,
                        dst,
                        gc.reborrow()
                    )) {
                        None => {}
                        Some(Returned::ToFrame) => continue 'frames,
                        Some(Returned::ToNative(value)) => {
                            return Ok(value.bind(gc.into_nogc()));
                        }
                    }
                }
                Instruction::AsyncYieldStarStep {
                    dst,
                    received,
                    iterator,
                } => {
                    tri!(async_generators::async_yield_star_step(
                        agent,
                        base,
                        dst,
                        received,
                        iterator,
                        gc.reborrow()
                    ));
                }
                Instruction::IteratorResultUnpack { dst, src } => {
                    let result = reg!(src);
                    let (value, done) = tri!(async_generators::iterator_result_unpack(
                        agent,
                        result,
                        gc.reborrow()
                    ));
                    let value = value.unbind();
                    set!(dst, value);
                    set!(dst + 1, Value::Boolean(done));
                }
                Instruction::GetAsyncIterator { dst, src } => {
                    let (iterator, next) = tri!(
                        crate::ecmascript::builtins::control_abstraction::get_async_iterator(
                            agent,
                            reg!(src),
                            gc.reborrow()
                        )
                    );
                    let (iterator, next) = (iterator.unbind(), next.unbind());
                    set!(dst, iterator);
                    set!(dst + 1, next);
                }
                Instruction::AsyncIteratorNext { dst, iterator } => {
                    let (it, next) = (reg!(iterator), reg!(iterator + 1));
                    let result = tri!(crate::ecmascript::abstract_operations::call_function(
                        agent,
                        next,
                        it,
                        crate::ecmascript::builtins::ArgumentsList::EMPTY,
                        gc.reborrow()
                    ))
                    .unbind();
                    set!(dst, result);
                }
                Instruction::IteratorResultValue { dst, src, done } => {
                    let result = reg!(src);
                    match tri!(async_functions::iterator_result_value(
                        agent,
                        result,
                        gc.reborrow()
                    )) {
                        Some(value) => {
                            let value = value.unbind();
                            set!(dst, value);
                        }
                        None => pc = done as usize,
                    }
                }
                Instruction::AsyncIteratorReturn {
                    dst,
                    iterator,
                    skip,
                } => {
                    let it = reg!(iterator);
                    match tri!(async_functions::call_iterator_return(
                        agent,
                        it,
                        gc.reborrow()
                    )) {
                        Some(result) => {
                            let result = result.unbind();
                            set!(dst, result);
                        }
                        None => pc = skip as usize,
                    }
                }
                Instruction::CheckIteratorResult { src } => {
                    if !reg!(src).is_object() {
                        agent.throw_type_error("Iterator result is not an object", gc.nogc());
                        break;
                    }
                }
                Instruction::Debugger | Instruction::Nop => {}
            }
        }
        // A throw: find a handler in this frame or an outer one.
        park_instructions(agent, 1, instructions);
        let unwound = unwind(agent, gc.nogc());
        match after_unwind(agent, unwound, gc.reborrow()) {
            AfterThrow::Continue => continue 'frames,
            AfterThrow::Return(value) => return Ok(value.bind(gc.into_nogc())),
            AfterThrow::Throw(error) => return Err(error),
        }
    }
}

/// Gives the running frame's instructions back to it: it is the frame
/// `from_top` places from the top of the frame stack (2 after a call pushed
/// a callee, 1 otherwise).
#[inline]
fn park_instructions(
    agent: &mut Agent,
    from_top: usize,
    instructions: std::sync::Arc<crate::engine::bytecode::Instructions>,
) {
    let n = agent.vm.frames.len();
    agent.vm.frames[n - from_top].instructions = Some(instructions);
}

/// The text of a string constant of the current code.
fn constant_text(agent: &Agent, constant: u32) -> String {
    let code = agent.vm.running_code();
    let value = agent.heap.code.get(code.index()).constants[constant as usize];
    value
        .as_string()
        .map(|s| agent.string_lossy(s).into_owned())
        .unwrap_or_default()
}
