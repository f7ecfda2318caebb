//! ### [21.1.1 The Number Constructor](https://tc39.es/ecma262/#sec-number-constructor) and
//! [21.1.2 Properties of the Number Constructor](https://tc39.es/ecma262/#sec-properties-of-the-number-constructor)

use crate::ecmascript::abstract_operations::{
    bigint_to_number, get_prototype_from_constructor, is_integral_number, to_numeric,
};
use crate::ecmascript::builtins::function_objects::RegularFn;
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// Creates %Number% and its properties (%Number.prototype% must exist).
pub(super) fn create(agent: &mut Agent, gc: NoGcScope) {
    let prototype = agent.intrinsic(Intrinsic::NumberPrototype);
    let constructor = agent.create_builtin_constructor(
        "Number",
        1,
        number_constructor,
        Some(prototype),
        None,
        gc,
    );
    agent.set_intrinsic(Intrinsic::Number, constructor);

    // 21.1.2.1 Number.EPSILON, 21.1.2.6 Number.MAX_SAFE_INTEGER, 21.1.2.7 Number.MAX_VALUE,
    // 21.1.2.8 Number.MIN_SAFE_INTEGER, 21.1.2.9 Number.MIN_VALUE, 21.1.2.10 Number.NaN,
    // 21.1.2.11 Number.NEGATIVE_INFINITY, 21.1.2.14 Number.POSITIVE_INFINITY:
    // { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }.
    let constants = [
        ("EPSILON", f64::EPSILON),
        ("MAX_SAFE_INTEGER", 9007199254740991.0),
        ("MAX_VALUE", f64::MAX),
        ("MIN_SAFE_INTEGER", -9007199254740991.0),
        ("MIN_VALUE", 5e-324),
        ("NaN", f64::NAN),
        ("NEGATIVE_INFINITY", f64::NEG_INFINITY),
        ("POSITIVE_INFINITY", f64::INFINITY),
    ];
    for (name, value) in constants {
        let value = agent.number(value, gc);
        agent.define_builtin_property(
            constructor,
            BuiltinName::Str(name),
            value,
            Attributes::FROZEN_HIDDEN,
            gc,
        );
    }

    let methods: [(&str, RegularFn); 4] = [
        ("isFinite", is_finite),
        ("isInteger", is_integer),
        ("isNaN", is_nan),
        ("isSafeInteger", is_safe_integer),
    ];
    for (name, behaviour) in methods {
        agent.define_builtin_method(constructor, BuiltinName::Str(name), 1, behaviour, gc);
    }

    // 21.1.2.12 Number.parseFloat ( string ): the initial value is %parseFloat%.
    // 21.1.2.13 Number.parseInt ( string, radix ): the initial value is %parseInt%.
    for (name, intrinsic) in [
        ("parseFloat", Intrinsic::ParseFloat),
        ("parseInt", Intrinsic::ParseInt),
    ] {
        let function = agent.intrinsic(intrinsic);
        agent.define_builtin_property(
            constructor,
            BuiltinName::Str(name),
            function.into(),
            Attributes::BUILTIN,
            gc,
        );
    }
}

/// ### [21.1.1.1 Number ( value )](https://tc39.es/ecma262/#sec-number-constructor-number-value)
fn number_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let new_target = new_target.bind(gc.nogc());
    let new_target = new_target.map(|t| t.scope(agent, gc.nogc()));
    // 1. If value is present, then
    let n = if let Some(&value) = args.as_slice().first() {
        // a. Let prim be ? ToNumeric(value).
        let prim = to_numeric(agent, value, gc.reborrow())?.unbind();
        if prim.is_bigint() {
            // b. If prim is a BigInt, let n be 𝔽(ℝ(prim)).
            bigint_to_number(&agent.bigint_value(prim))
        } else {
            // c. Otherwise, let n be prim.
            agent.number_value(prim)
        }
    } else {
        // 2. Else,
        //    a. Let n be +0𝔽.
        0.0
    };
    // 3. If NewTarget is undefined, return n.
    let Some(new_target) = new_target else {
        return Ok(agent.number(n, gc.into_nogc()));
    };
    // 4. Let O be ? OrdinaryCreateFromConstructor(NewTarget, "%Number.prototype%", « [[NumberData]] »).
    let prototype = get_prototype_from_constructor(
        agent,
        new_target.get(agent),
        Intrinsic::NumberPrototype,
        gc.reborrow(),
    )?
    .unbind();
    let gc = gc.into_nogc();
    // 5. Set O.[[NumberData]] to n.
    let n = agent.number(n, gc);
    let data = agent.alloc_internal_value(n);
    let o = agent.create_object(Some(prototype.bind(gc)), ObjectKind::NumberObject(data), gc);
    // 6. Return O.
    Ok(o.into())
}

/// ### [21.1.2.2 Number.isFinite ( number )](https://tc39.es/ecma262/#sec-number.isfinite)
fn is_finite<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    _gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let number = args.get(0);
    // 1. If number is not a Number, return false.
    // 2. If number is not finite, return false.
    // 3. Otherwise, return true.
    Ok(Value::Boolean(
        number.is_number() && agent.number_value(number).is_finite(),
    ))
}

/// ### [21.1.2.3 Number.isInteger ( number )](https://tc39.es/ecma262/#sec-number.isinteger)
fn is_integer<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    _gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. If number is an integral Number, return true.
    // 2. Return false.
    Ok(Value::Boolean(is_integral_number(agent, args.get(0))))
}

/// ### [21.1.2.4 Number.isNaN ( number )](https://tc39.es/ecma262/#sec-number.isnan)
fn is_nan<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    _gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let number = args.get(0);
    // 1. If number is not a Number, return false.
    // 2. If number is NaN, return true.
    // 3. Otherwise, return false.
    Ok(Value::Boolean(
        number.is_number() && agent.number_value(number).is_nan(),
    ))
}

/// ### [21.1.2.5 Number.isSafeInteger ( number )](https://tc39.es/ecma262/#sec-number.issafeinteger)
fn is_safe_integer<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    _gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let number = args.get(0);
    // 1. If number is an integral Number, then
    //    a. If abs(ℝ(number)) ≤ 2^53 - 1, return true.
    // 2. Return false.
    Ok(Value::Boolean(
        is_integral_number(agent, number) && agent.number_value(number).abs() <= 9007199254740991.0,
    ))
}
