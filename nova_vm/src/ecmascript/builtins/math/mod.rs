//! ### [21.3 The Math Object](https://tc39.es/ecma262/#sec-math-object)
//!
//! The functions are split by kind: [`elementary`] (trigonometric, hyperbolic,
//! exponential and logarithmic functions), [`rounding`] (rounding, sign and
//! integer helpers), [`variadic`] (functions of several arguments),
//! [`sum_precise`] and [`random`].

mod elementary;
mod random;
mod rounding;
mod sum_precise;
mod variadic;

pub(crate) use random::random_seed;

use crate::ecmascript::abstract_operations::to_number;
use crate::ecmascript::builtins::function_objects::RegularFn;
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Value, WellKnownSymbol};
use crate::engine::{GcScope, NoGcScope};

/// Creates %Math% in the current realm.
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let math = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    agent.set_intrinsic(Intrinsic::Math, math);

    // 21.3.1 Value Properties of the Math Object:
    // { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }.
    let constants = [
        // 21.3.1.1 Math.E
        ("E", std::f64::consts::E),
        // 21.3.1.2 Math.LN10
        ("LN10", std::f64::consts::LN_10),
        // 21.3.1.3 Math.LN2
        ("LN2", std::f64::consts::LN_2),
        // 21.3.1.4 Math.LOG10E
        ("LOG10E", std::f64::consts::LOG10_E),
        // 21.3.1.5 Math.LOG2E
        ("LOG2E", std::f64::consts::LOG2_E),
        // 21.3.1.6 Math.PI
        ("PI", std::f64::consts::PI),
        // 21.3.1.7 Math.SQRT1_2
        ("SQRT1_2", std::f64::consts::FRAC_1_SQRT_2),
        // 21.3.1.8 Math.SQRT2
        ("SQRT2", std::f64::consts::SQRT_2),
    ];
    for (name, value) in constants {
        let value = agent.number(value, gc);
        agent.define_builtin_property(
            math,
            BuiltinName::Str(name),
            value,
            Attributes::FROZEN_HIDDEN,
            gc,
        );
    }
    // 21.3.1.9 Math [ %Symbol.toStringTag% ]
    // { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = agent.create_string("Math", gc);
    agent.define_builtin_property(
        math,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        tag.into_value(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );

    // 21.3.2 Function Properties of the Math Object
    let functions: [(&str, u32, RegularFn); 37] = [
        ("abs", 1, rounding::abs),
        ("acos", 1, elementary::acos),
        ("acosh", 1, elementary::acosh),
        ("asin", 1, elementary::asin),
        ("asinh", 1, elementary::asinh),
        ("atan", 1, elementary::atan),
        ("atanh", 1, elementary::atanh),
        ("atan2", 2, variadic::atan2),
        ("cbrt", 1, elementary::cbrt),
        ("ceil", 1, rounding::ceil),
        ("clz32", 1, rounding::clz32),
        ("cos", 1, elementary::cos),
        ("cosh", 1, elementary::cosh),
        ("exp", 1, elementary::exp),
        ("expm1", 1, elementary::expm1),
        ("floor", 1, rounding::floor),
        ("f16round", 1, rounding::f16round),
        ("fround", 1, rounding::fround),
        ("hypot", 2, variadic::hypot),
        ("imul", 2, rounding::imul),
        ("log", 1, elementary::log),
        ("log1p", 1, elementary::log1p),
        ("log10", 1, elementary::log10),
        ("log2", 1, elementary::log2),
        ("max", 2, variadic::max),
        ("min", 2, variadic::min),
        ("pow", 2, variadic::pow),
        ("random", 0, random::random),
        ("round", 1, rounding::round),
        ("sign", 1, rounding::sign),
        ("sin", 1, elementary::sin),
        ("sinh", 1, elementary::sinh),
        ("sqrt", 1, elementary::sqrt),
        ("sumPrecise", 1, sum_precise::sum_precise),
        ("tan", 1, elementary::tan),
        ("tanh", 1, elementary::tanh),
        ("trunc", 1, rounding::trunc),
    ];
    for (name, length, behaviour) in functions {
        agent.define_builtin_method(math, BuiltinName::Str(name), length, behaviour, gc);
    }
}

/// The common first step of the one-argument Math functions — "1. Let n be
/// ? ToNumber(x)." — followed by `rest`, the remaining steps on n.
fn with_number<'gc>(
    agent: &mut Agent,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
    rest: impl FnOnce(f64) -> f64,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let n be ? ToNumber(x).
    let n = to_number(agent, args.get(0), gc.reborrow())?;
    Ok(agent.number(rest(n), gc.into_nogc()))
}
