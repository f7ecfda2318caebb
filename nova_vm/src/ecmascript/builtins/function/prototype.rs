//! ### [20.2.3 Properties of the Function Prototype Object](https://tc39.es/ecma262/#sec-properties-of-the-function-prototype-object)

use crate::ecmascript::abstract_operations::{
    call_function, create_list_from_array_like, is_callable, ordinary_has_instance,
};
use crate::ecmascript::builtins::function_objects::{BoundFunction, BoundFunctionRecord};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{PropertyKey, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};
use crate::heap::Arena;

/// The behaviour of %Function.prototype% itself: accepts any arguments and
/// returns undefined.
pub(crate) fn function_prototype_call_behaviour<'gc>(
    _agent: &mut Agent,
    _this: Value,
    _args: ArgumentsList,
    _gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    Ok(Value::Undefined)
}

/// ### [10.2.4.1 %ThrowTypeError% ( )](https://tc39.es/ecma262/#sec-%throwtypeerror%)
pub(crate) fn throw_type_error_behaviour<'gc>(
    agent: &mut Agent,
    _this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Throw a TypeError exception.
    Err(agent.throw_type_error("'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions or the arguments objects for calls to them", gc.into_nogc()))
}

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let prototype = agent.intrinsic(Intrinsic::FunctionPrototype);
    agent.define_builtin_method(prototype, BuiltinName::Str("apply"), 2, apply, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("bind"), 1, bind, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("call"), 1, call, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("toString"), 0, to_string, gc);
    let has_instance = agent.define_builtin_method(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::HasInstance),
        1,
        has_instance,
        gc,
    );
    // 20.2.3.6: { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }
    prototype.replace_named(
        agent,
        WellKnownSymbol::HasInstance.key(),
        Attributes::FROZEN_HIDDEN,
        has_instance.into(),
        Value::Undefined,
    );
}

/// ### [20.2.3.1 Function.prototype.apply ( thisArg, argArray )](https://tc39.es/ecma262/#sec-function.prototype.apply)
fn apply<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    // 1. Let func be the this value.
    let func = this.bind(gc.nogc());
    // 2. If IsCallable(func) is false, throw a TypeError exception.
    if !is_callable(agent, func) {
        return Err(agent.throw_type_error(
            "Function.prototype.apply was called on a non-function",
            gc.into_nogc(),
        ));
    }
    let this_arg = args.get(0);
    let arg_array = args.get(1);
    // 3. If argArray is either undefined or null, then
    if arg_array.is_nullish() {
        // b. Return ? Call(func, thisArg).
        return call_function(
            agent,
            func.unbind(),
            this_arg.unbind(),
            ArgumentsList::EMPTY,
            gc,
        );
    }
    let func = func.scope(agent, gc.nogc());
    let this_arg = this_arg.scope(agent, gc.nogc());
    // 4. Let argList be ? CreateListFromArrayLike(argArray).
    let arg_list = create_list_from_array_like(agent, arg_array.unbind(), gc.reborrow())?.unbind();
    // 6. Return ? Call(func, thisArg, argList).
    call_function(
        agent,
        func.get(agent),
        this_arg.get(agent),
        ArgumentsList(&arg_list),
        gc,
    )
}

/// ### [20.2.3.2 Function.prototype.bind ( thisArg, ...args )](https://tc39.es/ecma262/#sec-function.prototype.bind)
fn bind<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let Target be the this value.
    // 2. If IsCallable(Target) is false, throw a TypeError exception.
    let Value::Object(target) = this.bind(gc.nogc()) else {
        return Err(agent.throw_type_error("Bind must be called on a function", gc.into_nogc()));
    };
    if !target.is_callable(agent) {
        return Err(agent.throw_type_error("Bind must be called on a function", gc.into_nogc()));
    }
    // 3. Let F be ? BoundFunctionCreate(Target, thisArg, args).
    let arg_count = args.len().saturating_sub(1) as f64;
    let roots_start = agent.scoped_roots.len();
    agent.scoped_roots.extend(
        std::iter::once(args.get(0))
            .chain(args.slice_from(1).as_slice().iter().copied())
            .map(|v| crate::ecmascript::execution::HeapRoot::Value(v.unbind())),
    );
    let target = target.scope(agent, gc.nogc());
    let prototype = target
        .get(agent)
        .internal_get_prototype_of(agent, gc.reborrow())?
        .unbind();
    let target = target.get(agent);
    let mut rooted = agent.scoped_roots.drain(roots_start..).map(|r| match r {
        crate::ecmascript::execution::HeapRoot::Value(v) => v,
        _ => unreachable!("value root"),
    });
    let bound_this = rooted.next().unwrap_or_default();
    let bound_args: Box<[Value<'static>]> = rooted.collect();
    agent.heap.allocated_since_gc +=
        Arena::<BoundFunctionRecord>::RECORD_BYTES + bound_args.len() * 8;
    let record = BoundFunction::from_index(agent.heap.bound_functions.push(BoundFunctionRecord {
        target: target.unbind(),
        bound_this,
        bound_arguments: bound_args,
    }));
    let f = agent
        .create_object(prototype, ObjectKind::BoundFunction(record), gc.nogc())
        .scope(agent, gc.nogc());
    let target = target.scope(agent, gc.nogc());
    // 4. Let L be 0.
    let mut length = 0.0f64;
    // 5. Let targetHasLength be ? HasOwnProperty(Target, "length").
    let length_key = PropertyKey::from_static_str("length").expect("short key");
    let has_length = target
        .get(agent)
        .internal_get_own_property(agent, length_key, gc.reborrow())?
        .is_some();
    // 6. If targetHasLength is true, then
    if has_length {
        // a. Let targetLen be ? Get(Target, "length").
        let target_len = crate::ecmascript::abstract_operations::get(
            agent,
            target.get(agent),
            length_key,
            gc.reborrow(),
        )?;
        // b. If targetLen is a Number, then
        if target_len.is_number() {
            let n = agent.number_value(target_len);
            // i. If targetLen is +∞𝔽, set L to +∞.
            // ii. Else if targetLen is -∞𝔽, set L to 0.
            // iii. Else, let targetLenAsInt be ! ToIntegerOrInfinity(targetLen);
            //      set L to max(targetLenAsInt - argCount, 0).
            length = if n == f64::INFINITY {
                f64::INFINITY
            } else if n == f64::NEG_INFINITY {
                0.0
            } else {
                (crate::ecmascript::abstract_operations::integer_or_infinity(n) - arg_count)
                    .max(0.0)
            };
        }
    }
    // 7. Perform SetFunctionLength(F, L).
    let length_value = agent.number(length, gc.nogc());
    f.get(agent).add_named_data(
        agent,
        length_key,
        length_value,
        Attributes::READONLY_CONFIGURABLE,
    );
    // 8. Let targetName be ? Get(Target, "name").
    let name_key = PropertyKey::from_static_str("name").expect("short key");
    let target_name = crate::ecmascript::abstract_operations::get(
        agent,
        target.get(agent),
        name_key,
        gc.reborrow(),
    )?
    .unbind();
    let gc = gc.into_nogc();
    // 9. If targetName is not a String, set targetName to the empty String.
    let target_name = target_name
        .bind(gc)
        .as_string()
        .unwrap_or(crate::ecmascript::types::JsString::EMPTY);
    // 10. Perform SetFunctionName(F, targetName, "bound").
    let prefix = agent.create_string("bound ", gc);
    let name = agent.string_concat(prefix, target_name, gc);
    let f = f.get(agent).bind(gc);
    f.add_named_data(
        agent,
        name_key,
        name.into_value(),
        Attributes::READONLY_CONFIGURABLE,
    );
    // 11. Return F.
    Ok(f.into())
}

/// ### [20.2.3.3 Function.prototype.call ( thisArg, ...args )](https://tc39.es/ecma262/#sec-function.prototype.call)
fn call<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let func be the this value.
    // 2. If IsCallable(func) is false, throw a TypeError exception.
    if !is_callable(agent, this) {
        return Err(agent.throw_type_error(
            "Function.prototype.call was called on a non-function",
            gc.into_nogc(),
        ));
    }
    // 4. Return ? Call(func, thisArg, args).
    call_function(agent, this, args.get(0), args.slice_from(1), gc)
}

/// ### [20.2.3.5 Function.prototype.toString ( )](https://tc39.es/ecma262/#sec-function.prototype.tostring)
fn to_string<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1. Let func be the this value.
    let Value::Object(func) = this.bind(gc) else {
        // 5. Throw a TypeError exception.
        return Err(agent.throw_type_error(
            "Function.prototype.toString requires that 'this' be a Function",
            gc,
        ));
    };
    let text = match func.kind(agent) {
        // 2. If func is an Object, func has a [[SourceText]] internal slot, func.[[SourceText]]
        //    is a sequence of Unicode code points, and HostHasSourceTextAvailable(func) is true,
        //    then a. Return CodePointsToString(func.[[SourceText]]).
        ObjectKind::ECMAScriptFunction(f) => {
            let code = agent.heap.functions.get(f.index()).code;
            let code = agent.heap.code.get(code.index());
            let (start, end) = code.span;
            code.source
                .text
                .get(start as usize..end as usize)
                .unwrap_or("")
                .to_owned()
        }
        // 3. If func is a built-in function object, return an implementation-defined String
        //    source code representation of func. The representation must have the syntax of a
        //    NativeFunction.
        ObjectKind::BuiltinFunction(f) => {
            let name = agent.heap.builtin_functions.get(f.index()).initial_name;
            format!(
                "function {}() {{ [native code] }}",
                agent.string_lossy(name)
            )
        }
        // 4. If func is an Object and IsCallable(func) is true, return an implementation-defined
        //    String source code representation of func (NativeFunction syntax).
        ObjectKind::BoundFunction(_) => "function () { [native code] }".to_owned(),
        _ => {
            return Err(agent.throw_type_error(
                "Function.prototype.toString requires that 'this' be a Function",
                gc,
            ));
        }
    };
    Ok(agent.create_string_from_owned(text, gc).into_value())
}

/// ### [20.2.3.6 Function.prototype [ @@hasInstance ] ( V )](https://tc39.es/ecma262/#sec-function.prototype-@@hasinstance)
fn has_instance<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let F be the this value.
    // 2. Return ? OrdinaryHasInstance(F, V).
    ordinary_has_instance(agent, this, args.get(0), gc).map(Value::Boolean)
}
