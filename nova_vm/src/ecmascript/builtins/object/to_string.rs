//! ### [20.1.3.6 Object.prototype.toString ( )](https://tc39.es/ecma262/#sec-object.prototype.tostring)

use crate::ecmascript::abstract_operations::{get, is_array, to_object};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Object, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope};

/// ### [20.1.3.6 Object.prototype.toString ( )](https://tc39.es/ecma262/#sec-object.prototype.tostring)
pub(super) fn to_string<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. If the this value is undefined, return "[object Undefined]".
    if this.is_undefined() {
        return Ok(agent
            .create_string("[object Undefined]", gc.into_nogc())
            .into_value());
    }
    // 2. If the this value is null, return "[object Null]".
    if this.is_null() {
        return Ok(agent
            .create_string("[object Null]", gc.into_nogc())
            .into_value());
    }
    // 3. Let O be ! ToObject(this value).
    let o = to_object(agent, this, gc.nogc())?;
    // 4-14. Let builtinTag be the tag for O's kind.
    let builtin_tag = builtin_tag(agent, o, gc.nogc())?;
    // 15. Let tag be ? Get(O, %Symbol.toStringTag%).
    let tag = get(
        agent,
        o.unbind(),
        WellKnownSymbol::ToStringTag.key(),
        gc.reborrow(),
    )?
    .unbind();
    let gc = gc.into_nogc();
    // 16. If tag is not a String, set tag to builtinTag.
    let tag = match tag.bind(gc).as_string() {
        Some(tag) => tag,
        None => agent.create_string(builtin_tag, gc),
    };
    // 17. Return the string-concatenation of "[object ", tag, and "]".
    let prefix = agent.create_string("[object ", gc);
    let suffix = agent.create_string("]", gc);
    let head = agent.string_concat(prefix, tag, gc);
    Ok(agent.string_concat(head, suffix, gc).into_value())
}

/// Steps 4-14 of Object.prototype.toString: the tag for the object's internal slots.
fn builtin_tag<'gc>(
    agent: &mut Agent,
    o: Object,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, &'static str> {
    // 4. Let isArray be ? IsArray(O).
    // 5. If isArray is true, let builtinTag be "Array".
    if is_array(agent, o.into(), gc)? {
        return Ok("Array");
    }
    Ok(match o.kind(agent) {
        // 6. Else if O has a [[ParameterMap]] internal slot, let builtinTag be "Arguments".
        ObjectKind::Arguments | ObjectKind::MappedArguments(_) => "Arguments",
        // 7. Else if O has a [[Call]] internal method, let builtinTag be "Function".
        kind if kind.is_callable() => "Function",
        // 8. Else if O has an [[ErrorData]] internal slot, let builtinTag be "Error".
        ObjectKind::Error => "Error",
        // 9. Else if O has a [[BooleanData]] internal slot, let builtinTag be "Boolean".
        ObjectKind::BooleanObject(_) => "Boolean",
        // 10. Else if O has a [[NumberData]] internal slot, let builtinTag be "Number".
        ObjectKind::NumberObject(_) => "Number",
        // 11. Else if O has a [[StringData]] internal slot, let builtinTag be "String".
        ObjectKind::StringObject(_) => "String",
        // 12. Else if O has a [[DateValue]] internal slot, let builtinTag be "Date".
        ObjectKind::Date(_) => "Date",
        // 13. Else if O has a [[RegExpMatcher]] internal slot, let builtinTag be "RegExp".
        ObjectKind::RegExp(_) => "RegExp",
        // 14. Else, let builtinTag be "Object".
        _ => "Object",
    })
}
