//! ### [21.2.3 Properties of the BigInt Prototype Object](https://tc39.es/ecma262/#sec-properties-of-the-bigint-prototype-object)

use crate::ecmascript::abstract_operations::{bigint_to_string_radix, to_integer_or_infinity};
use crate::ecmascript::builtins::function_objects::RegularFn;
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// Creates %BigInt.prototype%, an ordinary object (not a BigInt object).
pub(super) fn create(agent: &mut Agent, gc: NoGcScope) {
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    agent.set_intrinsic(Intrinsic::BigIntPrototype, prototype);
}

/// Defines the methods and @@toStringTag of %BigInt.prototype%.
pub(super) fn define_methods(agent: &mut Agent, gc: NoGcScope) {
    let prototype = agent.intrinsic(Intrinsic::BigIntPrototype);
    let methods: [(&str, u32, RegularFn); 3] = [
        ("toLocaleString", 0, to_locale_string),
        ("toString", 0, to_string),
        ("valueOf", 0, value_of),
    ];
    for (name, length, behaviour) in methods {
        agent.define_builtin_method(prototype, BuiltinName::Str(name), length, behaviour, gc);
    }
    // 21.2.3.5 BigInt.prototype [ %Symbol.toStringTag% ]
    // { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = agent.create_string("BigInt", gc);
    agent.define_builtin_property(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        tag.into_value(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
}

/// ### [21.2.3.4.1 ThisBigIntValue ( value )](https://tc39.es/ecma262/#sec-thisbigintvalue)
fn this_bigint_value<'gc>(
    agent: &mut Agent,
    value: Value,
    method: &str,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let value = value.bind(gc);
    // 1. If value is a BigInt, return value.
    if value.is_bigint() {
        return Ok(value);
    }
    // 2. If value is an Object and value has a [[BigIntData]] internal slot, then
    if let Value::Object(object) = value
        && let ObjectKind::BigIntObject(data) = object.kind(agent)
    {
        // a. Assert: value.[[BigIntData]] is a BigInt.
        // b. Return value.[[BigIntData]].
        return Ok(agent.internal_value(data).bind(gc));
    }
    // 3. Throw a TypeError exception.
    Err(agent.throw_type_error(
        &format!("BigInt.prototype.{method} requires that 'this' be a BigInt"),
        gc,
    ))
}

/// ### [21.2.3.2 BigInt.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] )](https://tc39.es/ecma262/#sec-bigint.prototype.tolocalestring)
///
/// Without ECMA-402 the host's conventions are those of `toString`.
fn to_locale_string<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    let x = this_bigint_value(agent, this, "toLocaleString", gc)?;
    let text = bigint_to_string_radix(&agent.bigint_value(x), 10);
    Ok(agent.create_string_from_owned(text, gc).into_value())
}

/// ### [21.2.3.3 BigInt.prototype.toString ( [ radix ] )](https://tc39.es/ecma262/#sec-bigint.prototype.tostring)
fn to_string<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let radix = args.get(0).bind(gc.nogc());
    // 1. Let x be ? ThisBigIntValue(this value).
    let x = this_bigint_value(agent, this, "toString", gc.nogc())?.scope(agent, gc.nogc());
    // 2. If radix is undefined, let radixMV be 10.
    // 3. Else, let radixMV be ? ToIntegerOrInfinity(radix).
    let radix_mv = if radix.is_undefined() {
        10.0
    } else {
        to_integer_or_infinity(agent, radix.unbind(), gc.reborrow())?
    };
    let gc = gc.into_nogc();
    // 4. If radixMV is not in the inclusive interval from 2 to 36, throw a RangeError exception.
    if !(2.0..=36.0).contains(&radix_mv) {
        return Err(agent.throw_range_error("toString() radix must be between 2 and 36", gc));
    }
    // 5. Return BigInt::toString(x, radixMV).
    let text = bigint_to_string_radix(&agent.bigint_value(x.get(agent)), radix_mv as u32);
    Ok(agent.create_string_from_owned(text, gc).into_value())
}

/// ### [21.2.3.4 BigInt.prototype.valueOf ( )](https://tc39.es/ecma262/#sec-bigint.prototype.valueof)
fn value_of<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return ? ThisBigIntValue(this value).
    this_bigint_value(agent, this, "valueOf", gc.into_nogc())
}
