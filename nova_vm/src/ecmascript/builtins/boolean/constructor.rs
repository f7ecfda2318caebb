//! ### [20.3.1 The Boolean Constructor](https://tc39.es/ecma262/#sec-boolean-constructor)

use crate::ecmascript::abstract_operations::{ordinary_create_from_constructor, to_boolean};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let prototype = agent.intrinsic(Intrinsic::BooleanPrototype);
    // 20.3.2 Properties of the Boolean Constructor: "length" is 1𝔽.
    let constructor = agent.create_builtin_constructor(
        "Boolean",
        1,
        boolean_constructor,
        Some(prototype),
        None,
        gc,
    );
    agent.set_intrinsic(Intrinsic::Boolean, constructor);
}

/// ### [20.3.1.1 Boolean ( value )](https://tc39.es/ecma262/#sec-boolean-constructor-boolean-value)
fn boolean_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let b be ToBoolean(value).
    let b = to_boolean(agent, args.get(0));
    // 2. If NewTarget is undefined, return b.
    let Some(new_target) = new_target else {
        return Ok(Value::Boolean(b));
    };
    // 3. Let O be ? OrdinaryCreateFromConstructor(NewTarget, "%Boolean.prototype%",
    //    « [[BooleanData]] »).
    // 4. Set O.[[BooleanData]] to b.
    let o = ordinary_create_from_constructor(
        agent,
        new_target.unbind(),
        Intrinsic::BooleanPrototype,
        ObjectKind::BooleanObject(b),
        gc,
    )?;
    // 5. Return O.
    Ok(o.into())
}
