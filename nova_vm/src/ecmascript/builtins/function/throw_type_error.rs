//! ### [10.2.4.1 %ThrowTypeError% ( )](https://tc39.es/ecma262/#sec-%throwtypeerror%) and
//! [10.2.4 AddRestrictedFunctionProperties ( F, realm )](https://tc39.es/ecma262/#sec-addrestrictedfunctionproperties)

use crate::ecmascript::builtins::function_objects::Behaviour;
use crate::ecmascript::builtins::{ArgumentsList, key};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::Attributes;
use crate::ecmascript::types::{Object, Value};
use crate::engine::{GcScope, NoGcScope};

/// Creates the realm's %ThrowTypeError%: an anonymous, non-extensible built-in
/// function whose `length` and `name` are frozen.
pub(super) fn create_throw_type_error<'a>(agent: &mut Agent, gc: NoGcScope<'a, '_>) -> Object<'a> {
    let thrower = agent.create_builtin_function(
        Behaviour::Regular(throw_type_error_behaviour),
        0,
        "",
        None,
        None,
        None,
        gc,
    );
    // The value of the [[Extensible]] internal slot of this function is false.
    // The "length" property of this function has the attributes { [[Writable]]: false,
    // [[Enumerable]]: false, [[Configurable]]: false }.
    thrower.replace_named(
        agent,
        key("length"),
        Attributes::FROZEN_HIDDEN,
        Value::from_u32(0),
        Value::Undefined,
    );
    // The "name" property of this function has the attributes { [[Writable]]: false,
    // [[Enumerable]]: false, [[Configurable]]: false }.
    let name = agent.create_string("", gc);
    thrower.replace_named(
        agent,
        key("name"),
        Attributes::FROZEN_HIDDEN,
        name.into_value(),
        Value::Undefined,
    );
    thrower.set_stored_non_extensible(agent);
    agent.set_intrinsic(Intrinsic::ThrowTypeError, thrower);
    thrower
}

/// ### [10.2.4.1 %ThrowTypeError% ( )](https://tc39.es/ecma262/#sec-%throwtypeerror%)
pub(crate) fn throw_type_error_behaviour<'gc>(
    agent: &mut Agent,
    _this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Throw a TypeError exception.
    Err(agent.throw_type_error(
        "'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions or the arguments objects for calls to them",
        gc.into_nogc(),
    ))
}

/// ### [10.2.4 AddRestrictedFunctionProperties ( F, realm )](https://tc39.es/ecma262/#sec-addrestrictedfunctionproperties)
pub(super) fn add_restricted_function_properties(agent: &mut Agent, f: Object, thrower: Object) {
    // 1. Assert: realm.[[Intrinsics]].[[%ThrowTypeError%]] exists and has been initialized.
    // 2. Let thrower be realm.[[Intrinsics]].[[%ThrowTypeError%]].
    let thrower: Value = thrower.into();
    // 3. Perform ! DefinePropertyOrThrow(F, "caller", PropertyDescriptor { [[Get]]: thrower,
    //    [[Set]]: thrower, [[Enumerable]]: false, [[Configurable]]: true }).
    // 4. Perform ! DefinePropertyOrThrow(F, "arguments", PropertyDescriptor { [[Get]]: thrower,
    //    [[Set]]: thrower, [[Enumerable]]: false, [[Configurable]]: true }).
    for name in ["caller", "arguments"] {
        let property_key = agent.static_key(name);
        f.add_named_accessor(
            agent,
            property_key,
            thrower,
            thrower,
            Attributes::accessor(false, true),
        );
    }
    // 5. Return unused.
}
