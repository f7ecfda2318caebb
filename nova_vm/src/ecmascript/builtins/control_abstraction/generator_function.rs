//! ### [27.3.1 The GeneratorFunction Constructor](https://tc39.es/ecma262/#sec-generatorfunction-constructor)

use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::builtins::function::{DynamicFunctionKind, create_dynamic_function};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::Attributes;
use crate::ecmascript::types::{Object, Value};
use crate::engine::{GcScope, NoGcScope};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let function = agent.intrinsic(Intrinsic::Function);
    let prototype = agent.intrinsic(Intrinsic::GeneratorFunctionPrototype);
    // 27.3.2 Properties of the GeneratorFunction Constructor: [[Prototype]] is %Function%,
    // "length" is 1𝔽, "prototype" is %GeneratorFunction.prototype% (not writable,
    // enumerable or configurable).
    let constructor = agent.create_builtin_constructor(
        "GeneratorFunction",
        1,
        generator_function_constructor,
        Some(prototype),
        Some(function),
        gc,
    );
    // 27.3.3.1 GeneratorFunction.prototype.constructor: { [[Writable]]: false,
    // [[Enumerable]]: false, [[Configurable]]: true }.
    let constructor_key = agent.static_key("constructor");
    prototype.replace_named(
        agent,
        constructor_key,
        Attributes::READONLY_CONFIGURABLE,
        constructor.into(),
        Value::Undefined,
    );
    agent.set_intrinsic(Intrinsic::GeneratorFunction, constructor);
}

/// ### [27.3.1.1 GeneratorFunction ( ...parameterArgs, bodyArg )](https://tc39.es/ecma262/#sec-generatorfunction)
fn generator_function_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let C be the active function object.
    let c = agent.intrinsic(Intrinsic::GeneratorFunction);
    // 2. If bodyArg is not present, set bodyArg to the empty String.
    // 3. Return ? CreateDynamicFunction(C, NewTarget, generator, parameterArgs, bodyArg).
    create_dynamic_function(
        agent,
        c,
        new_target,
        DynamicFunctionKind::Generator,
        args,
        gc,
    )
}
