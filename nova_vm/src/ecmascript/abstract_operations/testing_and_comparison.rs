//! ### [7.2 Testing and Comparison Operations](https://tc39.es/ecma262/#sec-testing-and-comparison-operations)

use super::operations_on_objects::get;
use super::type_conversion::{
    PreferredType, string_to_number, to_boolean, to_number_primitive, to_primitive,
};
use crate::ecmascript::builtins::proxy::validate_non_revoked_proxy;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{JsString, Object, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// ### [7.2.1 RequireObjectCoercible ( argument )](https://tc39.es/ecma262/#sec-requireobjectcoercible)
pub fn require_object_coercible<'gc>(
    agent: &mut Agent,
    argument: Value,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    if argument.is_nullish() {
        return Err(agent.throw_type_error("Cannot convert undefined or null to object", gc));
    }
    Ok(())
}

/// ### [7.2.2 IsArray ( argument )](https://tc39.es/ecma262/#sec-isarray)
pub fn is_array<'gc>(
    agent: &mut Agent,
    argument: Value,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    // 1. If argument is not an Object, return false.
    let Value::Object(mut o) = argument.bind(gc) else {
        return Ok(false);
    };
    loop {
        match o.kind(agent) {
            // 2. If argument is an Array exotic object, return true.
            ObjectKind::Array => return Ok(true),
            // 3. If argument is a Proxy exotic object, then
            //    a. Perform ? ValidateNonRevokedProxy(argument).
            //    b. Let proxyTarget be argument.[[ProxyTarget]].
            //    c. Return ? IsArray(proxyTarget).
            ObjectKind::Proxy { .. } => o = validate_non_revoked_proxy(agent, o, gc)?.0,
            // 4. Return false.
            _ => return Ok(false),
        }
    }
}

/// ### [7.2.3 IsCallable ( argument )](https://tc39.es/ecma262/#sec-iscallable)
#[inline]
pub fn is_callable(agent: &Agent, argument: Value) -> bool {
    // 1. If argument is not an Object, return false.
    // 2. If argument has a [[Call]] internal method, return true.
    // 3. Return false.
    matches!(argument, Value::Object(o) if o.is_callable(agent))
}

/// ### [7.2.4 IsConstructor ( argument )](https://tc39.es/ecma262/#sec-isconstructor)
pub fn is_constructor(agent: &Agent, argument: Value) -> bool {
    // 1. If argument is not an Object, return false.
    let Value::Object(o) = argument else {
        return false;
    };
    // 2. If argument has a [[Construct]] internal method, return true.
    // 3. Return false.
    o.is_constructor(agent)
}

/// ### [7.2.6 IsIntegralNumber ( argument )](https://tc39.es/ecma262/#sec-isintegralnumber)
pub fn is_integral_number(agent: &Agent, argument: Value) -> bool {
    if !argument.is_number() {
        return false;
    }
    let n = agent.number_value(argument);
    n.is_finite() && n.trunc() == n
}

/// ### [7.2.8 IsRegExp ( argument )](https://tc39.es/ecma262/#sec-isregexp)
pub fn is_reg_exp<'gc>(
    agent: &mut Agent,
    argument: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    // 1. If argument is not an Object, return false.
    let Value::Object(argument) = argument else {
        return Ok(false);
    };
    // 2. Let matcher be ? Get(argument, %Symbol.match%).
    // (A RegExp stays a RegExp if the getter collects, so the kind is read first.)
    let has_matcher_slot = matches!(argument.kind(agent), ObjectKind::RegExp(_));
    let matcher = get(agent, argument, WellKnownSymbol::Match.key(), gc)?;
    // 3. If matcher is not undefined, return ToBoolean(matcher).
    if !matcher.is_undefined() {
        return Ok(to_boolean(agent, matcher));
    }
    // 4. If argument has a [[RegExpMatcher]] internal slot, return true.
    // 5. Return false.
    Ok(has_matcher_slot)
}

/// ### [7.2.9 SameValue ( x, y )](https://tc39.es/ecma262/#sec-samevalue)
pub fn same_value(agent: &Agent, x: Value, y: Value) -> bool {
    // 2. If x is a Number, then a. Return Number::sameValue(x, y).
    if x.is_number() && y.is_number() {
        let (a, b) = (agent.number_value(x), agent.number_value(y));
        if a.is_nan() && b.is_nan() {
            return true;
        }
        return a == b && a.is_sign_negative() == b.is_sign_negative();
    }
    // 3. Return SameValueNonNumber(x, y).
    same_value_non_number(agent, x, y)
}

/// ### [7.2.10 SameValueZero ( x, y )](https://tc39.es/ecma262/#sec-samevaluezero)
pub fn same_value_zero(agent: &Agent, x: Value, y: Value) -> bool {
    if x.is_number() && y.is_number() {
        let (a, b) = (agent.number_value(x), agent.number_value(y));
        return (a.is_nan() && b.is_nan()) || a == b;
    }
    same_value_non_number(agent, x, y)
}

/// ### [7.2.11 SameValueNonNumber ( x, y )](https://tc39.es/ecma262/#sec-samevaluenonnumber)
pub fn same_value_non_number(agent: &Agent, x: Value, y: Value) -> bool {
    // 1. Assert: Type(x) is Type(y).
    match (x, y) {
        // 2. If x is either null or undefined, return true.
        (Value::Undefined, Value::Undefined) | (Value::Null, Value::Null) => true,
        // 3. If x is a BigInt, then return BigInt::equal(x, y).
        (a, b) if a.is_bigint() && b.is_bigint() => match (a, b) {
            (Value::SmallBigInt(p), Value::SmallBigInt(q)) => p == q,
            _ => agent.bigint_value(a) == agent.bigint_value(b),
        },
        // 4. If x is a String, then return true if x and y have the same code units.
        (a, b) if a.is_string() && b.is_string() => agent.string_eq(
            a.as_string().expect("string"),
            b.as_string().expect("string"),
        ),
        // 5. If x is a Boolean, then ...
        (Value::Boolean(a), Value::Boolean(b)) => a == b,
        // 6. NOTE: All other ECMAScript language values are compared by identity.
        (Value::Symbol(a), Value::Symbol(b)) => a == b,
        (Value::Object(a), Value::Object(b)) => a == b,
        _ => false,
    }
}

/// ### [7.2.13 IsLessThan ( x, y, LeftFirst )](https://tc39.es/ecma262/#sec-islessthan)
///
/// Returns `None` for undefined (a NaN was involved).
pub fn is_less_than<'gc>(
    agent: &mut Agent,
    x: Value,
    y: Value,
    left_first: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<bool>> {
    let (px, py) = if x.is_object() || y.is_object() {
        let (first, second) = if left_first { (x, y) } else { (y, x) };
        let second = second.bind(gc.nogc()).scope(agent, gc.nogc());
        // 1-2. Evaluate ToPrimitive on the operands in the order LeftFirst says.
        let p1 = to_primitive(agent, first, Some(PreferredType::Number), gc.reborrow())?.unbind();
        let p1 = p1.scope(agent, gc.nogc());
        let p2 = to_primitive(
            agent,
            second.get(agent),
            Some(PreferredType::Number),
            gc.reborrow(),
        )?
        .unbind();
        let p1 = p1.get(agent);
        if left_first { (p1, p2) } else { (p2, p1) }
    } else {
        (x.unbind(), y.unbind())
    };
    let gc = gc.into_nogc();
    compare_primitives(agent, px.bind(gc), py.bind(gc), gc)
}

/// Steps 3-4 of IsLessThan on primitives.
pub fn compare_primitives<'gc>(
    agent: &mut Agent,
    px: Value,
    py: Value,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Option<bool>> {
    // 3. If px is a String and py is a String, then
    if let (Some(a), Some(b)) = (px.as_string(), py.as_string()) {
        return Ok(Some(string_less_than(agent, a, b)));
    }
    // 3. (BigInt and String mixes)
    if px.is_bigint() && py.is_string() {
        let n = string_to_bigint(agent, py.as_string().expect("string"));
        return Ok(n.map(|n| agent.bigint_value(px) < n));
    }
    if px.is_string() && py.is_bigint() {
        let n = string_to_bigint(agent, px.as_string().expect("string"));
        return Ok(n.map(|n| n < agent.bigint_value(py)));
    }
    // 4. Else,
    // a. Let nx be ? ToNumeric(px). b. Let ny be ? ToNumeric(py).
    if px.is_bigint() && py.is_bigint() {
        return Ok(Some(agent.bigint_value(px) < agent.bigint_value(py)));
    }
    if px.is_bigint() || py.is_bigint() {
        let (big, other, big_left) = if px.is_bigint() {
            (px, py, true)
        } else {
            (py, px, false)
        };
        let n = to_number_primitive(agent, other, gc)?;
        if n.is_nan() {
            return Ok(None);
        }
        let b = agent.bigint_value(big);
        let ordering = compare_bigint_f64(&b, n);
        return Ok(Some(if big_left {
            ordering == std::cmp::Ordering::Less
        } else {
            ordering == std::cmp::Ordering::Greater
        }));
    }
    if let (Value::Integer(a), Value::Integer(b)) = (px, py) {
        return Ok(Some(a < b));
    }
    let nx = to_number_primitive(agent, px, gc)?;
    let ny = to_number_primitive(agent, py, gc)?;
    // Number::lessThan: undefined if either is NaN.
    if nx.is_nan() || ny.is_nan() {
        return Ok(None);
    }
    Ok(Some(nx < ny))
}

/// Orders a BigInt against a (non-NaN) Number exactly.
pub fn compare_bigint_f64(b: &num_bigint::BigInt, n: f64) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    if n == f64::INFINITY {
        return Ordering::Less;
    }
    if n == f64::NEG_INFINITY {
        return Ordering::Greater;
    }
    let floor = n.floor();
    let floor_big = f64_to_bigint_exact(floor);
    match b.cmp(&floor_big) {
        Ordering::Equal => {
            if n > floor {
                Ordering::Less
            } else {
                Ordering::Equal
            }
        }
        other => other,
    }
}

/// The BigInt equal to an integral f64.
pub fn f64_to_bigint_exact(n: f64) -> num_bigint::BigInt {
    if n.abs() < 9007199254740992.0 {
        return num_bigint::BigInt::from(n as i64);
    }
    let bits = n.to_bits();
    let exponent = ((bits >> 52) & 0x7FF) as i64 - 1075;
    let mantissa = (bits & 0xF_FFFF_FFFF_FFFF) | 0x10_0000_0000_0000;
    let mut value = num_bigint::BigInt::from(mantissa);
    if exponent > 0 {
        value <<= exponent as usize;
    } else {
        value >>= (-exponent) as usize;
    }
    if n < 0.0 { -value } else { value }
}

/// ### [7.1.14 StringToBigInt ( str )](https://tc39.es/ecma262/#sec-stringtobigint)
pub fn string_to_bigint(agent: &Agent, s: JsString) -> Option<num_bigint::BigInt> {
    let text = agent.string_lossy(s);
    let trimmed = text.trim_matches(super::type_conversion::is_js_whitespace);
    if trimmed.is_empty() {
        return Some(num_bigint::BigInt::default());
    }
    let b = trimmed.as_bytes();
    if b.len() > 2 && b[0] == b'0' {
        let radix = match b[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            b'b' | b'B' => 2,
            _ => 0,
        };
        if radix != 0 {
            return num_bigint::BigInt::parse_bytes(&b[2..], radix)
                .filter(|_| b[2..].iter().all(|c| (*c as char).is_digit(radix)));
        }
    }
    let (negative, digits) = match b[0] {
        b'+' => (false, &trimmed[1..]),
        b'-' => (true, &trimmed[1..]),
        _ => (false, trimmed),
    };
    if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n = num_bigint::BigInt::parse_bytes(digits.as_bytes(), 10)?;
    Some(if negative { -n } else { n })
}

/// Compares two strings by UTF-16 code units.
pub fn string_less_than(agent: &Agent, a: JsString, b: JsString) -> bool {
    match (agent.string_utf8(a), agent.string_utf8(b)) {
        // UTF-8 byte order differs from UTF-16 order only for supplementary vs
        // U+E000..U+FFFF characters; compare code units when either is non-ASCII.
        (Some(x), Some(y)) if x.is_ascii() && y.is_ascii() => x < y,
        _ => agent.string_utf16(a) < agent.string_utf16(b),
    }
}

/// ### [7.2.14 IsLooselyEqual ( x, y )](https://tc39.es/ecma262/#sec-islooselyequal)
pub fn is_loosely_equal<'gc>(
    agent: &mut Agent,
    x: Value,
    y: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    // 1. If Type(x) is Type(y), then a. Return IsStrictlyEqual(x, y).
    if same_type(x, y) {
        return Ok(is_strictly_equal(agent, x, y));
    }
    // 2. If x is null and y is undefined, return true.
    // 3. If x is undefined and y is null, return true.
    if x.is_nullish() && y.is_nullish() {
        return Ok(true);
    }
    // 4. (B.3.6.2) Perform the following steps:
    //    a. If x is an Object, x has an [[IsHTMLDDA]] internal slot, and y is
    //       either undefined or null, return true.
    if let Value::Object(o) = x
        && y.is_nullish()
        && o.is_html_dda(agent)
    {
        return Ok(true);
    }
    //    b. If x is either undefined or null, y is an Object, and y has an
    //       [[IsHTMLDDA]] internal slot, return true.
    if let Value::Object(o) = y
        && x.is_nullish()
        && o.is_html_dda(agent)
    {
        return Ok(true);
    }
    // 5. If x is a Number and y is a String, return ! IsLooselyEqual(x, ! ToNumber(y)).
    if x.is_number() && y.is_string() {
        let n = string_to_number(&agent.string_lossy(y.as_string().expect("string")));
        return Ok(agent.number_value(x) == n);
    }
    // 6. If x is a String and y is a Number, return ! IsLooselyEqual(! ToNumber(x), y).
    if x.is_string() && y.is_number() {
        let n = string_to_number(&agent.string_lossy(x.as_string().expect("string")));
        return Ok(n == agent.number_value(y));
    }
    // 7. If x is a BigInt and y is a String, then
    if x.is_bigint() && y.is_string() {
        // a. Let n be StringToBigInt(y). b. If n is undefined, return false.
        // c. Return ! IsLooselyEqual(x, n).
        return Ok(string_to_bigint(agent, y.as_string().expect("string"))
            .is_some_and(|n| n == agent.bigint_value(x)));
    }
    // 8. If x is a String and y is a BigInt, return ! IsLooselyEqual(y, x).
    if x.is_string() && y.is_bigint() {
        return Ok(string_to_bigint(agent, x.as_string().expect("string"))
            .is_some_and(|n| n == agent.bigint_value(y)));
    }
    // 9. If x is a Boolean, return ! IsLooselyEqual(! ToNumber(x), y).
    if let Value::Boolean(b) = x {
        return is_loosely_equal(agent, Value::Integer(b as i32), y, gc);
    }
    // 10. If y is a Boolean, return ! IsLooselyEqual(x, ! ToNumber(y)).
    if let Value::Boolean(b) = y {
        return is_loosely_equal(agent, x, Value::Integer(b as i32), gc);
    }
    // 11. If x is either a String, a Number, a BigInt, or a Symbol and y is an Object, then
    //     a. Return ! IsLooselyEqual(x, ? ToPrimitive(y)).
    if !x.is_object() && !x.is_nullish() && y.is_object() {
        let x = x.bind(gc.nogc()).scope(agent, gc.nogc());
        let py = to_primitive(agent, y, None, gc.reborrow())?.unbind();
        return is_loosely_equal(agent, x.get(agent), py, gc);
    }
    // 12. If x is an Object and y is either a String, a Number, a BigInt, or a Symbol, then
    //     a. Return ! IsLooselyEqual(? ToPrimitive(x), y).
    if x.is_object() && !y.is_object() && !y.is_nullish() {
        let y = y.bind(gc.nogc()).scope(agent, gc.nogc());
        let px = to_primitive(agent, x, None, gc.reborrow())?.unbind();
        return is_loosely_equal(agent, px, y.get(agent), gc);
    }
    // 13. If x is a BigInt and y is a Number, or if x is a Number and y is a BigInt, then
    if (x.is_bigint() && y.is_number()) || (x.is_number() && y.is_bigint()) {
        let (big, num) = if x.is_bigint() { (x, y) } else { (y, x) };
        let n = agent.number_value(num);
        // a. If x is not finite or y is not finite, return false.
        if !n.is_finite() {
            return Ok(false);
        }
        // b. If ℝ(x) = ℝ(y), return true; otherwise return false.
        return Ok(compare_bigint_f64(&agent.bigint_value(big), n) == std::cmp::Ordering::Equal);
    }
    // 14. Return false.
    Ok(false)
}

fn same_type(x: Value, y: Value) -> bool {
    (x.is_number() && y.is_number())
        || (x.is_string() && y.is_string())
        || (x.is_bigint() && y.is_bigint())
        || std::mem::discriminant(&x) == std::mem::discriminant(&y)
}

/// ### [7.2.15 IsStrictlyEqual ( x, y )](https://tc39.es/ecma262/#sec-isstrictlyequal)
#[inline]
pub fn is_strictly_equal(agent: &Agent, x: Value, y: Value) -> bool {
    // 1. If Type(x) is not Type(y), return false.
    // 2. If x is a Number, then a. Return Number::equal(x, y).
    if let (Value::Integer(a), Value::Integer(b)) = (x, y) {
        return a == b;
    }
    if x.is_number() && y.is_number() {
        return agent.number_value(x) == agent.number_value(y);
    }
    // 3. Return SameValueNonNumber(x, y).
    same_value_non_number(agent, x, y)
}

impl Object<'_> {
    /// True if the object has a `[[Construct]]` internal method.
    pub fn is_constructor(self, agent: &Agent) -> bool {
        use crate::ecmascript::builtins::function_objects::Behaviour;
        use crate::engine::bytecode::FunctionKind;
        match self.kind(agent) {
            ObjectKind::ECMAScriptFunction(f) => {
                let code = agent.heap.functions.get(f.index()).code;
                matches!(
                    agent.heap.code.get(code.index()).kind,
                    FunctionKind::Normal
                        | FunctionKind::ClassConstructor
                        | FunctionKind::DerivedConstructor
                )
            }
            ObjectKind::BuiltinFunction(f) => matches!(
                agent.heap.builtin_functions.get(f.index()).behaviour,
                Behaviour::Constructor(_)
            ),
            ObjectKind::BoundFunction(f) => {
                let target = agent.heap.bound_functions.get(f.index()).target;
                Object::from_index(target.index()).is_constructor(agent)
            }
            ObjectKind::Proxy { constructor, .. } => constructor,
            _ => false,
        }
    }
}
