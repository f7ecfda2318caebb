//! ### [20.1.1 The Object Constructor](https://tc39.es/ecma262/#sec-object-constructor) and
//! [20.1.2 Properties of the Object Constructor](https://tc39.es/ecma262/#sec-properties-of-the-object-constructor)

use crate::ecmascript::abstract_operations::{ordinary_create_from_constructor, to_object};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let constructor = agent.create_builtin_constructor(
        "Object",
        1,
        object_constructor,
        Some(prototype),
        None,
        gc,
    );
    agent.set_intrinsic(Intrinsic::Object, constructor);
}

/// ### [20.1.1.1 Object ( [ value ] )](https://tc39.es/ecma262/#sec-object-value)
fn object_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let value = args.get(0);
    // 1. If NewTarget is neither undefined nor the active function object, then
    if let Some(new_target) = new_target {
        if new_target != agent.intrinsic(Intrinsic::Object) {
            // a. Return ? OrdinaryCreateFromConstructor(NewTarget, "%Object.prototype%").
            return ordinary_create_from_constructor(
                agent,
                new_target,
                Intrinsic::ObjectPrototype,
                ObjectKind::Ordinary,
                gc,
            )
            .map(Value::from);
        }
    }
    let gc = gc.into_nogc();
    // 2. If value is either undefined or null, return OrdinaryObjectCreate(%Object.prototype%).
    if value.is_nullish() {
        let prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
        return Ok(agent
            .create_object(Some(prototype), ObjectKind::Ordinary, gc)
            .into());
    }
    // 3. Return ! ToObject(value).
    to_object(agent, value.bind(gc), gc).map(Value::from)
}
