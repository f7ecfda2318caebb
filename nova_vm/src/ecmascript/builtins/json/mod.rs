//! ### [25.5 The JSON Object](https://tc39.es/ecma262/#sec-json-object)
//!
//! `JSON.parse` (with the reviver's source-text `context`), `JSON.stringify`,
//! `JSON.rawJSON` and `JSON.isRawJSON`.

mod parse;
mod parser;
mod stringify;

use parser::Parser;

use crate::ecmascript::abstract_operations::{set_integrity_level, to_string};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// Creates %JSON%.
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let json = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    agent.set_intrinsic(Intrinsic::Json, json);
    agent.define_builtin_method(json, BuiltinName::Str("isRawJSON"), 1, is_raw_json, gc);
    agent.define_builtin_method(json, BuiltinName::Str("parse"), 2, parse::parse, gc);
    agent.define_builtin_method(json, BuiltinName::Str("rawJSON"), 1, raw_json, gc);
    agent.define_builtin_method(
        json,
        BuiltinName::Str("stringify"),
        3,
        stringify::stringify,
        gc,
    );
    // 25.5.4 JSON [ %Symbol.toStringTag% ]: "JSON",
    // { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = agent.create_string("JSON", gc);
    agent.define_builtin_property(
        json,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        tag.into_value(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
}

/// ### [25.5.2 JSON.isRawJSON ( O )](https://tc39.es/ecma262/#sec-json.israwjson)
fn is_raw_json<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    _gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. If O is an Object and O has an [[IsRawJSON]] internal slot, return true.
    // 2. Return false.
    Ok(Value::Boolean(matches!(
        args.get(0),
        Value::Object(o) if o.kind(agent) == ObjectKind::RawJson
    )))
}

/// ### [25.5.3 JSON.rawJSON ( text )](https://tc39.es/ecma262/#sec-json.rawjson)
fn raw_json<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let text = args.get(0).bind(gc.nogc());
    // 1. Let jsonString be ? ToString(text).
    let json_string = to_string(agent, text.unbind(), gc.reborrow())?.unbind();
    let json_string = json_string.bind(gc.nogc());
    let units = agent.string_utf16(json_string).into_owned();
    // 2. Throw a SyntaxError exception if jsonString is the empty String, or if either the
    //    first or last code unit of jsonString is any of 0x0009 (CHARACTER TABULATION), 0x000A
    //    (LINE FEED), 0x000D (CARRIAGE RETURN), or 0x0020 (SPACE).
    let is_whitespace = |unit: &u16| matches!(unit, 0x09 | 0x0A | 0x0D | 0x20);
    if units.is_empty()
        || units.first().is_some_and(is_whitespace)
        || units.last().is_some_and(is_whitespace)
    {
        return Err(agent.throw_syntax_error(
            "JSON.rawJSON: the text is empty or starts or ends with whitespace",
            gc.into_nogc(),
        ));
    }
    // 3. Parse StringToCodePoints(jsonString) as a JSON text as specified in ECMA-404. Throw a
    //    SyntaxError exception if it is not a valid JSON text as defined in that specification,
    //    or if its outermost value is an object or array as defined in that specification.
    if matches!(units.first(), Some(0x7B | 0x5B)) {
        return Err(agent.throw_syntax_error(
            "JSON.rawJSON: the text must be a primitive value",
            gc.into_nogc(),
        ));
    }
    Parser::new(&units, false).parse(agent, gc.nogc())?;
    let json_string = json_string.scope(agent, gc.nogc());
    // 4. Let internalSlotsList be « [[IsRawJSON]] ».
    // 5. Let obj be OrdinaryObjectCreate(null, internalSlotsList).
    let obj = agent.create_object(None, ObjectKind::RawJson, gc.nogc());
    // 6. Perform ! CreateDataPropertyOrThrow(obj, "rawJSON", jsonString).
    let raw_key = agent.static_key("rawJSON");
    obj.add_named_data(
        agent,
        raw_key,
        json_string.get(agent).into_value(),
        Attributes::DEFAULT,
    );
    let obj = obj.scope(agent, gc.nogc());
    // 7. Perform ! SetIntegrityLevel(obj, frozen).
    set_integrity_level(agent, obj.get(agent), true, gc.reborrow())?;
    // 8. Return obj.
    Ok(obj.get(agent).bind(gc.into_nogc()).into())
}

/// ### [25.5.1.1 ParseJSON ( text )](https://tc39.es/ecma262/#sec-ParseJSON)
///
/// The value of a JSON text (for JSON modules); a SyntaxError is pending on
/// error.
pub(crate) fn parse_json<'a>(
    agent: &mut Agent,
    text: &str,
    gc: NoGcScope<'a, '_>,
) -> JsResult<'a, Value<'a>> {
    let units: Vec<u16> = text.encode_utf16().collect();
    // 1-5. Parse the text as JSON and evaluate it.
    Ok(Parser::new(&units, false).parse(agent, gc)?.value)
}
