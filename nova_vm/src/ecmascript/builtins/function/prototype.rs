//! ### [20.2.3 Properties of the Function Prototype Object](https://tc39.es/ecma262/#sec-properties-of-the-function-prototype-object)

use super::bind;
use super::throw_type_error::add_restricted_function_properties;
use crate::ecmascript::abstract_operations::{
    call_function, create_list_from_array_like, is_callable, ordinary_has_instance,
};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

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

pub(super) fn initialize(agent: &mut Agent, thrower: Object, gc: NoGcScope) {
    let prototype = agent.intrinsic(Intrinsic::FunctionPrototype);
    agent.define_builtin_method(prototype, BuiltinName::Str("apply"), 2, apply, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("bind"), 1, bind::bind, gc);
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
    // 20.2.3: Function.prototype has the restricted "caller" and "arguments" accessors
    // (10.2.4 AddRestrictedFunctionProperties).
    add_restricted_function_properties(agent, prototype, thrower);
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
                native_function_name(&agent.string_lossy(name))
            )
        }
        // 4. If func is an Object and IsCallable(func) is true, return an implementation-defined
        //    String source code representation of func (NativeFunction syntax).
        ObjectKind::BoundFunction(_) | ObjectKind::Proxy { callable: true, .. } => {
            "function () { [native code] }".to_owned()
        }
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

/// The `NativeFunctionAccessor? PropertyName?` part of a built-in's source
/// text for its [[InitialName]]: names that are not identifier names (such as
/// the legacy `RegExp.$&`) are written as computed names holding a string
/// literal (`get ["$&"]`); `[Symbol.x]` forms are already computed names.
fn native_function_name(initial_name: &str) -> String {
    let (accessor, name) = match initial_name.split_once(' ') {
        Some((accessor @ ("get" | "set"), name)) => (Some(accessor), name),
        _ => (None, initial_name),
    };
    let is_identifier_name = name.chars().enumerate().all(|(i, c)| {
        c == '$'
            || c == '_'
            || if i == 0 {
                c.is_alphabetic()
            } else {
                c.is_alphanumeric()
            }
    });
    let name = if name.is_empty() || is_identifier_name || name.starts_with('[') {
        name.to_owned()
    } else {
        let escaped = name.replace('\\', "\\\\").replace('"', "\\\"");
        format!("[\"{escaped}\"]")
    };
    match accessor {
        Some(accessor) => format!("{accessor} {name}"),
        None => name,
    }
}
