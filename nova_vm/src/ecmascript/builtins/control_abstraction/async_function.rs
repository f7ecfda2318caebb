//! ### [27.7 AsyncFunction Objects](https://tc39.es/ecma262/#sec-async-function-objects):
//! the %AsyncFunction% constructor and %AsyncFunction.prototype%.

use crate::ecmascript::builtins::function::{DynamicFunctionKind, create_dynamic_function};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::Attributes;
use crate::ecmascript::types::{Object, Value, WellKnownSymbol};
use crate::engine::{GcScope, NoGcScope};

/// Creates %AsyncFunction% and completes %AsyncFunction.prototype%.
pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let function = agent.intrinsic(Intrinsic::Function);
    let prototype = agent.intrinsic(Intrinsic::AsyncFunctionPrototype);
    // 27.7.2 Properties of the AsyncFunction Constructor: [[Prototype]] is %Function%,
    // "length" is 1𝔽, "prototype" is %AsyncFunction.prototype% (not writable,
    // enumerable or configurable).
    let constructor = agent.create_builtin_constructor(
        "AsyncFunction",
        1,
        async_function_constructor,
        Some(prototype),
        Some(function),
        gc,
    );
    // 27.7.3.1 AsyncFunction.prototype.constructor: { [[Writable]]: false,
    // [[Enumerable]]: false, [[Configurable]]: true }.
    let constructor_key = agent.static_key("constructor");
    prototype.replace_named(
        agent,
        constructor_key,
        Attributes::READONLY_CONFIGURABLE,
        constructor.into(),
        Value::Undefined,
    );
    // 27.7.3.2 AsyncFunction.prototype [ %Symbol.toStringTag% ]
    let tag = agent.create_string("AsyncFunction", gc);
    agent.define_builtin_property(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        tag.into_value(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
    agent.set_intrinsic(Intrinsic::AsyncFunction, constructor);
}

/// ### [27.7.1.1 AsyncFunction ( ...parameterArgs, bodyArg )](https://tc39.es/ecma262/#sec-async-function-constructor-arguments)
fn async_function_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let C be the active function object.
    let c = agent.intrinsic(Intrinsic::AsyncFunction);
    // 2. If bodyArg is not present, set bodyArg to the empty String.
    // 3. Return ? CreateDynamicFunction(C, NewTarget, async, parameterArgs, bodyArg).
    create_dynamic_function(agent, c, new_target, DynamicFunctionKind::Async, args, gc)
}
