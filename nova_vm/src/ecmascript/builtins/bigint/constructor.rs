//! ### [21.2.1 The BigInt Constructor](https://tc39.es/ecma262/#sec-bigint-constructor) and
//! [21.2.2 Properties of the BigInt Constructor](https://tc39.es/ecma262/#sec-properties-of-the-bigint-constructor)

use num_bigint::BigInt;

use crate::ecmascript::abstract_operations::{
    PreferredType, number_to_bigint, to_bigint, to_bigint_primitive, to_index, to_primitive,
};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// The widest BigInt `asUintN` may build (the limit the operators use too).
const MAX_BIGINT_BITS: u64 = 1 << 30;

/// Creates %BigInt% and its functions (%BigInt.prototype% must exist).
pub(super) fn create(agent: &mut Agent, gc: NoGcScope) {
    let prototype = agent.intrinsic(Intrinsic::BigIntPrototype);
    let constructor = agent.create_builtin_constructor(
        "BigInt",
        1,
        bigint_constructor,
        Some(prototype),
        None,
        gc,
    );
    agent.set_intrinsic(Intrinsic::BigInt, constructor);
    agent.define_builtin_method(constructor, BuiltinName::Str("asIntN"), 2, as_int_n, gc);
    agent.define_builtin_method(constructor, BuiltinName::Str("asUintN"), 2, as_uint_n, gc);
}

/// ### [21.2.1.1 BigInt ( value )](https://tc39.es/ecma262/#sec-bigint-constructor-number-value)
fn bigint_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. If NewTarget is not undefined, throw a TypeError exception.
    if new_target.is_some() {
        return Err(agent.throw_type_error("BigInt is not a constructor", gc.into_nogc()));
    }
    // 2. Let prim be ? ToPrimitive(value, number).
    let prim = to_primitive(
        agent,
        args.get(0),
        Some(PreferredType::Number),
        gc.reborrow(),
    )?
    .unbind();
    let gc = gc.into_nogc();
    let prim = prim.bind(gc);
    // 3. If prim is a Number, return ? NumberToBigInt(prim).
    if prim.is_number() {
        let number = agent.number_value(prim);
        return number_to_bigint(agent, number, gc);
    }
    // 4. Otherwise, return ? ToBigInt(prim).
    to_bigint_primitive(agent, prim, gc)
}

/// Steps 1-2 shared by asIntN and asUintN: ToIndex(bits), then ToBigInt(bigint).
fn bits_and_bigint<'gc>(
    agent: &mut Agent,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, (u64, BigInt)> {
    let bigint = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Set bits to ? ToIndex(bits).
    let bits = to_index(agent, args.get(0), gc.reborrow())?;
    // 2. Set bigint to ? ToBigInt(bigint).
    let bigint = to_bigint(agent, bigint.get(agent), gc.reborrow())?.unbind();
    Ok((bits, agent.bigint_value(bigint)))
}

/// ℝ(x) modulo 2^bits, for `bits` no wider than x or the BigInt size limit.
fn modulo_power_of_two(x: &BigInt, bits: u64) -> BigInt {
    let mask = (BigInt::from(1) << bits as usize) - 1;
    // Bitwise AND on BigInts uses two's complement, so this is the mathematical modulo.
    x & mask
}

/// ### [21.2.2.1 BigInt.asIntN ( bits, bigint )](https://tc39.es/ecma262/#sec-bigint.asintn)
fn as_int_n<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let (bits, bigint) = bits_and_bigint(agent, args, gc.reborrow())?;
    let gc = gc.into_nogc();
    if bits == 0 {
        return Ok(Value::SmallBigInt(0));
    }
    // Values of fewer than bits - 1 magnitude bits are already in range.
    if bigint.bits() < bits {
        return Ok(agent.bigint(bigint, gc));
    }
    // 3. Let mod be ℝ(bigint) modulo 2^bits.
    let modulo = modulo_power_of_two(&bigint, bits);
    // 4. If mod ≥ 2^(bits - 1), return ℤ(mod - 2^bits); otherwise, return ℤ(mod).
    let result = if modulo.bit(bits - 1) {
        modulo - (BigInt::from(1) << bits as usize)
    } else {
        modulo
    };
    Ok(agent.bigint(result, gc))
}

/// ### [21.2.2.2 BigInt.asUintN ( bits, bigint )](https://tc39.es/ecma262/#sec-bigint.asuintn)
fn as_uint_n<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let (bits, bigint) = bits_and_bigint(agent, args, gc.reborrow())?;
    let gc = gc.into_nogc();
    let negative = bigint.sign() == num_bigint::Sign::Minus;
    // Non-negative values narrower than bits are already in range.
    if !negative && bigint.bits() <= bits {
        return Ok(agent.bigint(bigint, gc));
    }
    if negative && bits > MAX_BIGINT_BITS {
        return Err(agent.throw_range_error("Maximum BigInt size exceeded", gc));
    }
    // 3. Return ℤ(ℝ(bigint) modulo 2^bits).
    let result = modulo_power_of_two(&bigint, bits);
    Ok(agent.bigint(result, gc))
}
