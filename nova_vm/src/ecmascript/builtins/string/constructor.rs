//! ### [22.1.1 The String Constructor](https://tc39.es/ecma262/#sec-string-constructor) and
//! [22.1.2 Properties of the String Constructor](https://tc39.es/ecma262/#sec-properties-of-the-string-constructor)

use crate::ecmascript::abstract_operations::{
    f64_to_uint32, get, get_prototype_from_constructor, length_of_array_like, number_to_string,
    to_number, to_object, to_string, to_uint16,
};
use crate::ecmascript::builtins::symbol::symbol_descriptive_string;
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName, key};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::{JsString, Object, PropertyKey, StringBuilder, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable, Scoped};

use super::{check_builder_length, scope_arguments};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let prototype = agent.intrinsic(Intrinsic::StringPrototype);
    let constructor = agent.create_builtin_constructor(
        "String",
        1,
        string_constructor,
        Some(prototype),
        None,
        gc,
    );
    agent.set_intrinsic(Intrinsic::String, constructor);
    agent.define_builtin_method(
        constructor,
        BuiltinName::Str("fromCharCode"),
        1,
        from_char_code,
        gc,
    );
    agent.define_builtin_method(
        constructor,
        BuiltinName::Str("fromCodePoint"),
        1,
        from_code_point,
        gc,
    );
    agent.define_builtin_method(constructor, BuiltinName::Str("raw"), 1, raw, gc);
}

/// ### [22.1.1.1 String ( value )](https://tc39.es/ecma262/#sec-string-constructor-string-value)
fn string_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    let Some(new_target) = new_target else {
        // 1. If value is not present, then
        if args.is_empty() {
            // a. Let s be the empty String.
            // 3. If NewTarget is undefined, return s.
            return Ok(JsString::EMPTY.into_value());
        }
        // 2. Else,
        let value = args.get(0);
        // a. If NewTarget is undefined and value is a Symbol, return
        //    SymbolDescriptiveString(value).
        if let Value::Symbol(symbol) = value {
            let symbol = symbol.unbind();
            let gc = gc.into_nogc();
            return Ok(symbol_descriptive_string(agent, symbol, gc).into_value());
        }
        // b. Let s be ? ToString(value).
        // 3. If NewTarget is undefined, return s.
        return Ok(to_string(agent, value.unbind(), gc)?.into_value());
    };
    let new_target = new_target.bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. If value is not present, then a. Let s be the empty String.
    // 2. Else, b. Let s be ? ToString(value).
    let s = if args.is_empty() {
        JsString::EMPTY
    } else {
        to_string(agent, args.get(0).unbind(), gc.reborrow())?.unbind()
    };
    // 4. Return StringCreate(s, ? GetPrototypeFromConstructor(NewTarget, "%String.prototype%")).
    string_create_from_constructor(agent, s, new_target, gc)
}

/// Step 4 of String ( value ): `Return StringCreate(s, ? GetPrototypeFromConstructor(NewTarget,
/// "%String.prototype%"))`.
fn string_create_from_constructor<'gc>(
    agent: &mut Agent,
    s: JsString,
    new_target: Scoped<'_, Object<'static>>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let s = s.bind(gc.nogc()).scope(agent, gc.nogc());
    // 4. Return StringCreate(s, ? GetPrototypeFromConstructor(NewTarget, "%String.prototype%")).
    let prototype = get_prototype_from_constructor(
        agent,
        new_target.get(agent),
        Intrinsic::StringPrototype,
        gc.reborrow(),
    )?
    .unbind();
    let gc = gc.into_nogc();
    let s = s.get(agent).bind(gc);
    Ok(agent
        .create_string_object(s, Some(prototype.bind(gc)), gc)
        .into())
}

/// ### [22.1.2.1 String.fromCharCode ( ...codeUnits )](https://tc39.es/ecma262/#sec-string.fromcharcode)
fn from_char_code<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    // 1. Let result be the empty String.
    let mut result = Vec::with_capacity(args.len());
    if args.as_slice().iter().all(|v| v.is_number()) {
        // Numbers convert without running JavaScript.
        for &next in args.as_slice() {
            let n = agent.number_value(next);
            result.push(f64_to_uint32(n) as u16);
        }
    } else {
        let args = scope_arguments(agent, args, gc.nogc());
        // 2. For each element next of codeUnits, do
        for next in args {
            // a. Let nextCU be the code unit whose numeric value is ℝ(? ToUint16(next)).
            let next_cu = to_uint16(agent, next.get(agent), gc.reborrow())?;
            // b. Set result to the string-concatenation of result and nextCU.
            result.push(next_cu);
        }
    }
    // 3. Return result.
    Ok(agent
        .create_string_from_utf16(&result, gc.into_nogc())
        .into_value())
}

/// ### [22.1.2.2 String.fromCodePoint ( ...codePoints )](https://tc39.es/ecma262/#sec-string.fromcodepoint)
fn from_code_point<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    let args = scope_arguments(agent, args, gc.nogc());
    // 1. Let result be the empty String.
    let mut result = StringBuilder::new();
    // 2. For each element next of codePoints, do
    for next in args {
        // a. Let nextCP be ? ToNumber(next).
        let next_cp = to_number(agent, next.get(agent), gc.reborrow())?;
        // b. If nextCP is not an integral Number, throw a RangeError exception.
        // c. If ℝ(nextCP) < 0 or ℝ(nextCP) > 0x10FFFF, throw a RangeError exception.
        if !next_cp.is_finite()
            || next_cp.trunc() != next_cp
            || !(0.0..=1114111.0).contains(&next_cp)
        {
            let message = format!("Invalid code point {}", number_to_string(next_cp));
            return Err(agent.throw_range_error(&message, gc.into_nogc()));
        }
        // d. Set result to the string-concatenation of result and
        //    UTF16EncodeCodePoint(ℝ(nextCP)).
        let cp = next_cp as u32;
        match char::from_u32(cp) {
            Some(c) => result.push_char(c),
            None => result.push_code_unit(cp as u16),
        }
    }
    // 3. Assert: If codePoints is empty, then result is the empty String.
    // 4. Return result.
    Ok(result.finish(agent, gc.into_nogc()).into_value())
}

/// ### [22.1.2.4 String.raw ( template, ...substitutions )](https://tc39.es/ecma262/#sec-string.raw)
fn raw<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    let template = args.get(0);
    let substitutions = scope_arguments(agent, args.slice_from(1), gc.nogc());
    // 1. Let substitutionCount be the number of elements in substitutions.
    let substitution_count = substitutions.len();
    // 2. Let cooked be ? ToObject(template).
    let cooked = to_object(agent, template, gc.nogc())?;
    // 3. Let literals be ? ToObject(? Get(cooked, "raw")).
    let literals = get(agent, cooked.unbind(), key("raw"), gc.reborrow())?.unbind();
    let literals = to_object(agent, literals, gc.nogc())?.scope(agent, gc.nogc());
    // 4. Let literalCount be ? LengthOfArrayLike(literals).
    let literal_count = length_of_array_like(agent, literals.get(agent), gc.reborrow())?;
    // 5. If literalCount ≤ 0, return the empty String.
    if literal_count == 0 {
        return Ok(JsString::EMPTY.into_value());
    }
    // 6. Let R be the empty String.
    let mut r = StringBuilder::new();
    // 7. Let nextIndex be 0.
    let mut next_index: u64 = 0;
    // 8. Repeat,
    loop {
        // a. Let nextLiteralVal be ? Get(literals, ! ToString(𝔽(nextIndex))).
        let next_key = match u32::try_from(next_index) {
            Ok(index) if index != u32::MAX => PropertyKey::Index(index),
            _ => agent.key_from_str(&next_index.to_string(), gc.nogc()),
        };
        let next_literal_val =
            get(agent, literals.get(agent), next_key.unbind(), gc.reborrow())?.unbind();
        // b. Let nextLiteral be ? ToString(nextLiteralVal).
        let next_literal = to_string(agent, next_literal_val, gc.reborrow())?.unbind();
        // c. Set R to the string-concatenation of R and nextLiteral.
        r.push_string(agent, next_literal);
        check_builder_length(agent, &r, gc.nogc())?;
        // d. If nextIndex + 1 = literalCount, return R.
        if next_index + 1 == literal_count {
            return Ok(r.finish(agent, gc.into_nogc()).into_value());
        }
        // e. If nextIndex < substitutionCount, then
        if (next_index as usize) < substitution_count {
            // i. Let nextSubVal be substitutions[nextIndex].
            let next_sub_val = substitutions[next_index as usize].get(agent);
            // ii. Let nextSub be ? ToString(nextSubVal).
            let next_sub = to_string(agent, next_sub_val, gc.reborrow())?.unbind();
            // iii. Set R to the string-concatenation of R and nextSub.
            r.push_string(agent, next_sub);
            check_builder_length(agent, &r, gc.nogc())?;
        }
        // f. Set nextIndex to nextIndex + 1.
        next_index += 1;
    }
}
