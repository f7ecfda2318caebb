//! ### [20.2.1 The Function Constructor](https://tc39.es/ecma262/#sec-function-constructor)

use super::dynamic::{DynamicFunctionKind, create_dynamic_function};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{GcScope, NoGcScope};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let prototype = agent.intrinsic(Intrinsic::FunctionPrototype);
    // 20.2.2 Properties of the Function Constructor: "length" is 1𝔽; "prototype" is
    // %Function.prototype% { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }.
    let constructor = agent.create_builtin_constructor(
        "Function",
        1,
        function_constructor,
        Some(prototype),
        None,
        gc,
    );
    agent.set_intrinsic(Intrinsic::Function, constructor);
}

/// ### [20.2.1.1 Function ( ...parameterArgs, bodyArg )](https://tc39.es/ecma262/#sec-function-p1-p2-pn-body)
fn function_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let C be the active function object.
    let c = agent.intrinsic(Intrinsic::Function);
    // 2. If bodyArg is not present, set bodyArg to the empty String.
    // 3. Return ? CreateDynamicFunction(C, NewTarget, normal, parameterArgs, bodyArg).
    create_dynamic_function(agent, c, new_target, DynamicFunctionKind::Normal, args, gc)
}
