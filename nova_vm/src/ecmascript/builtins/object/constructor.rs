//! ### [20.1.1 The Object Constructor](https://tc39.es/ecma262/#sec-object-constructor) and
//! [20.1.2 Properties of the Object Constructor](https://tc39.es/ecma262/#sec-properties-of-the-object-constructor)
//!
//! The static methods live in `statics_*.rs`, grouped by what they do.

use super::{statics_descriptors, statics_integrity, statics_keys, statics_prototype};
use crate::ecmascript::abstract_operations::{ordinary_create_from_constructor, to_object};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::builtins::BuiltinName;
use crate::ecmascript::builtins::function_objects::RegularFn;
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
    let statics: [(&str, u32, RegularFn); 23] = [
        ("assign", 2, statics_keys::assign),
        ("create", 2, statics_prototype::create),
        (
            "defineProperties",
            2,
            statics_descriptors::define_properties,
        ),
        ("defineProperty", 3, statics_descriptors::define_property),
        ("entries", 1, statics_keys::entries),
        ("freeze", 1, statics_integrity::freeze),
        ("fromEntries", 1, statics_keys::from_entries),
        (
            "getOwnPropertyDescriptor",
            2,
            statics_descriptors::get_own_property_descriptor,
        ),
        (
            "getOwnPropertyDescriptors",
            1,
            statics_descriptors::get_own_property_descriptors,
        ),
        (
            "getOwnPropertyNames",
            1,
            statics_keys::get_own_property_names,
        ),
        (
            "getOwnPropertySymbols",
            1,
            statics_keys::get_own_property_symbols,
        ),
        ("getPrototypeOf", 1, statics_prototype::get_prototype_of),
        ("groupBy", 2, statics_keys::group_by),
        ("hasOwn", 2, statics_keys::has_own),
        ("is", 2, statics_prototype::is),
        ("isExtensible", 1, statics_integrity::is_extensible),
        ("isFrozen", 1, statics_integrity::is_frozen),
        ("isSealed", 1, statics_integrity::is_sealed),
        ("keys", 1, statics_keys::keys),
        (
            "preventExtensions",
            1,
            statics_integrity::prevent_extensions,
        ),
        ("seal", 1, statics_integrity::seal),
        ("setPrototypeOf", 2, statics_prototype::set_prototype_of),
        ("values", 1, statics_keys::values),
    ];
    for (name, length, behaviour) in statics {
        agent.define_builtin_method(constructor, BuiltinName::Str(name), length, behaviour, gc);
    }
}

/// ### [20.1.1.1 Object ( [ value ] )](https://tc39.es/ecma262/#sec-object-value)
fn object_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let value = args.get(0).unbind();
    // 1. If NewTarget is neither undefined nor the active function object, then
    if let Some(new_target) = new_target
        && new_target != agent.intrinsic(Intrinsic::Object)
    {
        // a. Return ? OrdinaryCreateFromConstructor(NewTarget, "%Object.prototype%").
        return ordinary_create_from_constructor(
            agent,
            new_target.unbind(),
            Intrinsic::ObjectPrototype,
            ObjectKind::Ordinary,
            gc,
        )
        .map(Value::from);
    }
    let gc = gc.into_nogc();
    let value = value.bind(gc);
    // 2. If value is either undefined or null, return OrdinaryObjectCreate(%Object.prototype%).
    if value.is_nullish() {
        let prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
        return Ok(agent
            .create_object(Some(prototype), ObjectKind::Ordinary, gc)
            .into());
    }
    // 3. Return ! ToObject(value).
    to_object(agent, value, gc).map(Value::from)
}
