//! ### [10.2.1 [[Call]]](https://tc39.es/ecma262/#sec-ecmascript-function-objects-call-thisargument-argumentslist) and
//! [10.2.2 [[Construct]]](https://tc39.es/ecma262/#sec-ecmascript-function-objects-construct-argumentslist-newtarget)
//! of ECMAScript function objects: pushing frames.

use super::MAX_FRAMES;
use super::frame::{Frame, ReturnTo};
use super::run::run;
use crate::ecmascript::abstract_operations::{
    call_function, construct, enter_native, ordinary_create_from_constructor, to_object,
};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::builtins::function_objects::ECMAScriptFunction;
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Object, UNINITIALIZED, Value};
use crate::engine::bytecode::FunctionKind;
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// What a call instruction led to.
pub(crate) enum CallOutcome {
    /// A frame was pushed; the loop continues in it.
    Pushed,
    /// The call completed with this value.
    Done(Value<'static>),
}

/// Pushes a frame for ECMAScript function `f` whose arguments are already in
/// the register file at `args_start .. args_start + argc` (they become the
/// callee's first registers).
#[allow(clippy::too_many_arguments)]
pub(crate) fn push_function_frame(
    agent: &mut Agent,
    f: Object,
    this: Value,
    args_start: usize,
    argc: usize,
    new_target: Value,
    return_to: ReturnTo,
    gc: NoGcScope,
) -> JsResult<'static, ()> {
    let ObjectKind::ECMAScriptFunction(handle) = f.kind(agent) else {
        return Err(agent.throw_type_error("Value is not a function", gc));
    };
    push_ecmascript_frame(
        agent, handle, f, this, args_start, argc, new_target, return_to, gc,
    )
}

/// [`push_function_frame`] for a callee already known to be an ECMAScript
/// function (`handle` is `f`'s function record).
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn push_ecmascript_frame(
    agent: &mut Agent,
    handle: ECMAScriptFunction<'static>,
    f: Object,
    this: Value,
    args_start: usize,
    argc: usize,
    new_target: Value,
    return_to: ReturnTo,
    gc: NoGcScope,
) -> JsResult<'static, ()> {
    if agent.vm.frames.len() >= MAX_FRAMES {
        return Err(agent.throw_range_error("Maximum call stack size exceeded", gc));
    }
    let record = agent.heap.functions.get(handle.index());
    let code = record.code;
    let environment = record.environment;
    let realm = record.realm;
    let code_record = agent.heap.code.get(code.index());
    let kind = code_record.kind;
    let flags = code_record.flags;
    let register_count = usize::from(code_record.register_count);
    let is_construct = !new_target.is_undefined();
    match kind {
        FunctionKind::ClassConstructor | FunctionKind::DerivedConstructor if !is_construct => {
            let name = agent.string_lossy(code_record.name).into_owned();
            let message = format!("Class constructor {name} cannot be invoked without 'new'");
            // [[Call]] (10.2.1) step 3: the error is created in the callee's
            // context, so it comes from the callee's realm.
            let caller_realm = std::mem::replace(&mut agent.current_realm, realm);
            let error = agent.throw_type_error(&message, gc);
            agent.current_realm = caller_realm;
            return Err(error);
        }
        _ => {}
    }
    // OrdinaryCallBindThis: arrows use their lexical this; sloppy functions box
    // primitives and replace nullish with the global object.
    let (this, new_target, this_function) =
        if matches!(kind, FunctionKind::Arrow | FunctionKind::AsyncArrow) {
            // Read only here: most calls are not arrows.
            let record = agent.heap.functions.get(handle.index());
            (
                record.lexical_this,
                record.lexical_new_target,
                record.this_function,
            )
        } else if flags.strict || is_construct {
            (this.unbind(), new_target.unbind(), f.unbind().into())
        } else if this.is_nullish() {
            let global = agent.realms[realm.0 as usize].global_object;
            (global.into(), new_target.unbind(), f.unbind().into())
        } else if this.is_object() {
            (this.unbind(), new_target.unbind(), f.unbind().into())
        } else {
            let previous = agent.current_realm;
            agent.current_realm = realm;
            let boxed = to_object(agent, this, gc);
            agent.current_realm = previous;
            (
                boxed?.unbind().into(),
                new_target.unbind(),
                f.unbind().into(),
            )
        };
    let arguments = (flags.uses_arguments || flags.has_rest).then(|| {
        agent.vm.stack[args_start..args_start + argc]
            .to_vec()
            .into_boxed_slice()
    });
    let instructions = agent.heap.code.get_mut(code.index()).take_instructions();
    // The callee's window: its arguments (at most as many as it has
    // registers) stay, every other register starts undefined.
    let window_end = args_start + register_count;
    let arguments_end = args_start + argc.min(register_count);
    super::frame::open_window(&mut agent.vm.stack, arguments_end, window_end);
    let caller_realm = agent.current_realm;
    agent.current_realm = realm;
    agent.vm.save_innermost_pc();
    agent.vm.pc = 0;
    agent.vm.code = code;
    // The frame is written field by field into its slot: assembling it on
    // the stack and copying it in costs a store-forwarding stall on every
    // call (the copy's wide loads read the narrow stores just made).
    let frames = &mut agent.vm.frames;
    frames.push(Frame::EMPTY);
    let frame = frames.last_mut().expect("the frame just pushed");
    frame.code = code;
    frame.instructions = Some(instructions);
    frame.base = args_start as u32;
    frame.register_end = window_end as u32;
    frame.returns_this =
        is_construct && matches!(kind, FunctionKind::Normal | FunctionKind::ClassConstructor);
    frame.env = environment;
    frame.callee = f.unbind().into();
    frame.this = this;
    frame.new_target = new_target;
    frame.this_function = this_function;
    frame.arguments = arguments;
    frame.return_to = return_to;
    frame.caller_realm = caller_realm;
    if matches!(kind, FunctionKind::Async | FunctionKind::AsyncArrow) {
        // 27.7.5.1 AsyncFunctionStart: the promise exists before the parameters
        // are bound, so that their errors reject it.
        super::async_functions::async_function_start(agent, gc);
    }
    Ok(())
}

/// [[Call]] of an ECMAScript function from Rust: runs the interpreter until it returns.
pub fn call_ecmascript_function<'gc>(
    agent: &mut Agent,
    f: Object,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    enter_native(agent, gc.nogc())?;
    let base = agent.vm.stack.len();
    agent
        .vm
        .stack
        .extend(args.as_slice().iter().map(|v| v.unbind()));
    let pushed = push_function_frame(
        agent,
        f,
        this,
        base,
        args.len(),
        Value::Undefined,
        ReturnTo::Native,
        gc.nogc(),
    );
    if let Err(e) = pushed {
        agent.vm.stack.truncate(base);
        agent.vm.native_depth -= 1;
        return Err(e);
    }
    let result = run(agent, gc);
    agent.vm.native_depth -= 1;
    result
}

/// [[Construct]] of an ECMAScript function from Rust.
pub fn construct_ecmascript_function<'gc>(
    agent: &mut Agent,
    f: Object,
    args: ArgumentsList,
    new_target: Object,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    let roots = agent.scoped_roots.len();
    let args_start = agent.scoped_roots.len();
    agent.scoped_roots.extend(
        args.as_slice()
            .iter()
            .map(|v| crate::ecmascript::execution::HeapRoot::Value(v.unbind())),
    );
    let argc = args.len();
    let f_scoped = f.bind(gc.nogc()).scope(agent, gc.nogc());
    let new_target_scoped = new_target.bind(gc.nogc()).scope(agent, gc.nogc());
    let this = match prepare_construct_this(agent, f, new_target, gc.reborrow()) {
        Ok(this) => this.unbind(),
        Err(e) => {
            agent.scoped_roots.truncate(roots);
            return Err(e);
        }
    };
    enter_native(agent, gc.nogc())?;
    let base = agent.vm.stack.len();
    for i in 0..argc {
        let crate::ecmascript::execution::HeapRoot::Value(v) = agent.scoped_roots[args_start + i]
        else {
            unreachable!("value root")
        };
        agent.vm.stack.push(v);
    }
    let f = f_scoped.get(agent);
    let new_target = new_target_scoped.get(agent);
    agent.scoped_roots.truncate(roots);
    if let Err(e) = push_function_frame(
        agent,
        f,
        this,
        base,
        argc,
        new_target.into(),
        ReturnTo::Native,
        gc.nogc(),
    ) {
        agent.vm.stack.truncate(base);
        agent.vm.native_depth -= 1;
        return Err(e);
    }
    let result = run(agent, gc.reborrow()).unbind();
    agent.vm.native_depth -= 1;
    let gc = gc.into_nogc();
    match result?.bind(gc) {
        Value::Object(o) => Ok(o),
        _ => Err(agent.throw_type_error("Constructor did not return an object", gc)),
    }
}

/// The `this` a [[Construct]] of `f` starts with: a new object for base
/// constructors (with instance fields initialised), uninitialized for derived.
pub(crate) fn prepare_construct_this<'gc>(
    agent: &mut Agent,
    f: Object,
    new_target: Object,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let ObjectKind::ECMAScriptFunction(handle) = f.kind(agent) else {
        return Err(agent.throw_type_error("Value is not a constructor", gc.into_nogc()));
    };
    let code = agent.heap.functions.get(handle.index()).code;
    match agent.heap.code.get(code.index()).kind {
        FunctionKind::DerivedConstructor => Ok(Value::Symbol(UNINITIALIZED)),
        FunctionKind::Normal | FunctionKind::ClassConstructor => {
            let f = f.bind(gc.nogc()).scope(agent, gc.nogc());
            // a. Let thisArgument be ? OrdinaryCreateFromConstructor(newTarget, "%Object.prototype%").
            let this = ordinary_create_from_constructor(
                agent,
                new_target,
                Intrinsic::ObjectPrototype,
                ObjectKind::Ordinary,
                gc.reborrow(),
            )?
            .unbind()
            .scope(agent, gc.nogc());
            // Base class constructors initialise fields before running their body.
            super::objects::initialize_instance_elements(
                agent,
                this.get(agent).into(),
                f.get(agent),
                gc.reborrow(),
            )?;
            Ok(this.get(agent).bind(gc.into_nogc()).into())
        }
        _ => Err(agent.throw_type_error("Value is not a constructor", gc.into_nogc())),
    }
}

/// Calls `f` with arguments in registers `args_start..args_start+argc`: pushes
/// a frame for ECMAScript functions, runs built-ins directly.
pub(crate) fn call_from_registers<'gc>(
    agent: &mut Agent,
    f: Value,
    this: Value,
    args_start: usize,
    argc: usize,
    return_register: usize,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, CallOutcome> {
    if let Value::Object(o) = f
        && let ObjectKind::ECMAScriptFunction(handle) = o.kind(agent)
    {
        push_ecmascript_frame(
            agent,
            handle,
            o,
            this,
            args_start,
            argc,
            Value::Undefined,
            ReturnTo::Register(return_register as u32),
            gc.nogc(),
        )?;
        return Ok(CallOutcome::Pushed);
    }
    let args = RegisterArguments::copy(agent, args_start, argc);
    let result = call_function(agent, f, this, ArgumentsList(args.as_slice()), gc)?;
    Ok(CallOutcome::Done(result.unbind()))
}

/// `new f(...)` with arguments in registers.
pub(crate) fn construct_from_registers<'gc>(
    agent: &mut Agent,
    f: Value,
    args_start: usize,
    argc: usize,
    return_register: usize,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, CallOutcome> {
    let Value::Object(constructor) = f else {
        return Err(agent.throw_type_error("Value is not a constructor", gc.into_nogc()));
    };
    if !constructor.is_constructor(agent) {
        return Err(agent.throw_type_error("Value is not a constructor", gc.into_nogc()));
    }
    if let ObjectKind::ECMAScriptFunction(_) = constructor.kind(agent) {
        let this = prepare_construct_this(agent, constructor, constructor, gc.reborrow())?.unbind();
        // Re-read the callee: preparing `this` may have collected.
        let Value::Object(constructor) = agent.vm.stack[args_start - 2] else {
            unreachable!("callee register still holds the constructor")
        };
        push_function_frame(
            agent,
            constructor,
            this,
            args_start,
            argc,
            constructor.into(),
            ReturnTo::Register(return_register as u32),
            gc.nogc(),
        )?;
        return Ok(CallOutcome::Pushed);
    }
    let args = RegisterArguments::copy(agent, args_start, argc);
    let result = construct(agent, constructor, ArgumentsList(args.as_slice()), None, gc)?;
    Ok(CallOutcome::Done(result.unbind().into()))
}

/// Arguments copied out of the register file for a call to a built-in
/// (which gets the agent mutably, so cannot borrow the registers): up to
/// [`INLINE_ARGUMENTS`] on the Rust stack, more on the heap. Like any
/// [`ArgumentsList`], the values are not roots; the registers they came
/// from are.
enum RegisterArguments {
    Inline([Value<'static>; INLINE_ARGUMENTS], usize),
    Heap(Vec<Value<'static>>),
}

/// Arguments a call to a built-in passes without a heap allocation.
const INLINE_ARGUMENTS: usize = 8;

impl RegisterArguments {
    fn copy(agent: &Agent, start: usize, count: usize) -> Self {
        let registers = &agent.vm.stack[start..start + count];
        if count <= INLINE_ARGUMENTS {
            let mut values = [Value::Undefined; INLINE_ARGUMENTS];
            values[..count].copy_from_slice(registers);
            RegisterArguments::Inline(values, count)
        } else {
            RegisterArguments::Heap(registers.to_vec())
        }
    }

    fn as_slice(&self) -> &[Value<'static>] {
        match self {
            RegisterArguments::Inline(values, count) => &values[..*count],
            RegisterArguments::Heap(values) => values,
        }
    }
}
