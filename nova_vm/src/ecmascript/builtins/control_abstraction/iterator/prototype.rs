//! ### [27.1.4 Properties of the Iterator Prototype Object](https://tc39.es/ecma262/#sec-%iterator.prototype%-object)
//!
//! `%Iterator.prototype%` itself, its `[ %Symbol.iterator% ]` method and the
//! two accessors (`constructor` and `[ %Symbol.toStringTag% ]`) that must not
//! be data properties for web compatibility. The helper methods live in the
//! files named after them.

use crate::ecmascript::abstract_operations::{
    call_function, create_data_property_or_throw, get_method, set,
};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Object, PropertyKey, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    agent.set_intrinsic(Intrinsic::IteratorPrototype, prototype);
    agent.define_builtin_accessor(
        prototype,
        BuiltinName::Str("constructor"),
        Some(get_constructor),
        Some(set_constructor),
        gc,
    );
    agent.define_builtin_method(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::Iterator),
        0,
        iterator,
        gc,
    );
    agent.define_builtin_method(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::Dispose),
        0,
        dispose,
        gc,
    );
    agent.define_builtin_accessor(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        Some(get_to_string_tag),
        Some(set_to_string_tag),
        gc,
    );
}

/// ### [27.1.4.1.1 get Iterator.prototype.constructor](https://tc39.es/ecma262/#sec-get-iterator.prototype.constructor)
fn get_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return %Iterator%.
    Ok(agent
        .intrinsic(Intrinsic::Iterator)
        .bind(gc.into_nogc())
        .into())
}

/// ### [27.1.4.1.2 set Iterator.prototype.constructor](https://tc39.es/ecma262/#sec-set-iterator.prototype.constructor)
fn set_constructor<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Perform ? SetterThatIgnoresPrototypeProperties(this value, %Iterator.prototype%,
    //    "constructor", v).
    let key = agent.static_key("constructor");
    setter_that_ignores_prototype_properties(agent, this, key, args.get(0), gc.reborrow())?;
    // 2. Return undefined.
    Ok(Value::Undefined)
}

/// ### [27.1.4.13 Iterator.prototype [ %Symbol.iterator% ] ( )](https://tc39.es/ecma262/#sec-iterator.prototype-%symbol.iterator%)
fn iterator<'gc>(
    _agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return the this value.
    Ok(this.bind(gc.into_nogc()))
}

/// ### %IteratorPrototype% [ @@dispose ] ( )
///
/// From the [Explicit Resource Management](https://tc39.es/proposal-explicit-resource-management/#sec-%iteratorprototype%-@@dispose)
/// proposal.
fn dispose<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be the this value.
    let o = this.bind(gc.nogc()).scope(agent, gc.nogc());
    // 2. Let return be ? GetMethod(O, "return").
    let key = PropertyKey::from_static_str("return").expect("short key");
    let return_method = get_method(agent, o.get(agent), key, gc.reborrow())?.unbind();
    // 3. If return is not undefined, then
    if let Some(return_method) = return_method {
        // a. Perform ? Call(return, O, « »).
        call_function(
            agent,
            return_method,
            o.get(agent),
            ArgumentsList::EMPTY,
            gc.reborrow(),
        )?;
    }
    // 4. Return undefined.
    Ok(Value::Undefined)
}

/// ### [27.1.4.14.1 get Iterator.prototype [ %Symbol.toStringTag% ]](https://tc39.es/ecma262/#sec-get-iterator.prototype-%symbol.tostringtag%)
fn get_to_string_tag<'gc>(
    agent: &mut Agent,
    _this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return "Iterator".
    Ok(agent.create_string("Iterator", gc.into_nogc()).into_value())
}

/// ### [27.1.4.14.2 set Iterator.prototype [ %Symbol.toStringTag% ]](https://tc39.es/ecma262/#sec-set-iterator.prototype-%symbol.tostringtag%)
fn set_to_string_tag<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Perform ? SetterThatIgnoresPrototypeProperties(this value, %Iterator.prototype%,
    //    %Symbol.toStringTag%, v).
    let key = WellKnownSymbol::ToStringTag.key();
    setter_that_ignores_prototype_properties(agent, this, key, args.get(0), gc.reborrow())?;
    // 2. Return undefined.
    Ok(Value::Undefined)
}

/// ### [7.3.36 SetterThatIgnoresPrototypeProperties ( thisValue, home, p, v )](https://tc39.es/ecma262/#sec-SetterThatIgnoresPrototypeProperties)
///
/// `home` is %Iterator.prototype%.
fn setter_that_ignores_prototype_properties<'gc>(
    agent: &mut Agent,
    this_value: Value,
    p: PropertyKey,
    v: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let p = p.bind(gc.nogc());
    // 1. If thisValue is not an Object, throw a TypeError exception.
    let Value::Object(this_value) = this_value.bind(gc.nogc()) else {
        return Err(agent.throw_type_error(
            "Iterator.prototype setter called on a non-object",
            gc.into_nogc(),
        ));
    };
    // 2. If SameValue(thisValue, home) is true, then
    //    a. NOTE: Throwing here emulates assignment to a non-writable data property on the
    //       home object in strict mode code.
    //    b. Throw a TypeError exception.
    let home: Object = agent.intrinsic(Intrinsic::IteratorPrototype);
    if this_value == home {
        let message = format!(
            "Cannot assign to read only property '{}' of Iterator.prototype",
            agent.key_display(p)
        );
        return Err(agent.throw_type_error(&message, gc.into_nogc()));
    }
    let this_value = this_value.scope(agent, gc.nogc());
    let p = p.scope(agent, gc.nogc());
    let v = v.bind(gc.nogc()).scope(agent, gc.nogc());
    // 3. Let desc be ? thisValue.[[GetOwnProperty]](p).
    let desc =
        this_value
            .get(agent)
            .internal_get_own_property(agent, p.get(agent), gc.reborrow())?;
    if desc.is_none() {
        // 4. If desc is undefined, then
        //    a. Perform ? CreateDataPropertyOrThrow(thisValue, p, v).
        create_data_property_or_throw(agent, this_value.get(agent), p.get(agent), v.get(agent), gc)
    } else {
        // 5. Else,
        //    a. Perform ? Set(thisValue, p, v, true).
        set(
            agent,
            this_value.get(agent),
            p.get(agent),
            v.get(agent),
            true,
            gc,
        )
    }
    // 6. Return unused.
}
