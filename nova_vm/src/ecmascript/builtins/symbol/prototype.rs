//! ### [20.4.3 Properties of the Symbol Prototype Object](https://tc39.es/ecma262/#sec-properties-of-the-symbol-prototype-object)

use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsError, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{JsString, Symbol, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    // The Symbol prototype object is an ordinary object whose [[Prototype]] is
    // %Object.prototype%; it is not a Symbol instance.
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    agent.set_intrinsic(Intrinsic::SymbolPrototype, prototype);
    agent.define_builtin_accessor(
        prototype,
        BuiltinName::Str("description"),
        Some(description),
        None,
        gc,
    );
    agent.define_builtin_method(prototype, BuiltinName::Str("toString"), 0, to_string, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("valueOf"), 0, value_of, gc);
    let to_primitive = agent.define_builtin_method(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::ToPrimitive),
        1,
        symbol_to_primitive,
        gc,
    );
    // 20.4.3.5: { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }.
    prototype.replace_named(
        agent,
        WellKnownSymbol::ToPrimitive.key(),
        Attributes::READONLY_CONFIGURABLE,
        to_primitive.into(),
        Value::Undefined,
    );
    // 20.4.3.6 Symbol.prototype [ %Symbol.toStringTag% ]: "Symbol",
    // { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = agent.create_string("Symbol", gc);
    agent.define_builtin_property(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        tag.into_value(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
}

/// ### [20.4.3.4.1 ThisSymbolValue ( value )](https://tc39.es/ecma262/#sec-thissymbolvalue)
fn this_symbol_value<'gc>(
    agent: &mut Agent,
    value: Value,
    method: &str,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Symbol<'gc>> {
    match value {
        // 1. If value is a Symbol, return value.
        Value::Symbol(s) => Ok(s.bind(gc)),
        // 2. If value is an Object and value has a [[SymbolData]] internal slot, then
        //    a. Let s be value.[[SymbolData]].
        //    b. Assert: s is a Symbol.
        //    c. Return s.
        Value::Object(o) => match o.kind(agent) {
            ObjectKind::SymbolObject(data) => match agent.internal_value(data) {
                Value::Symbol(s) => Ok(s.bind(gc)),
                _ => Err(not_a_symbol(agent, method, gc)),
            },
            _ => Err(not_a_symbol(agent, method, gc)),
        },
        // 3. Throw a TypeError exception.
        _ => Err(not_a_symbol(agent, method, gc)),
    }
}

fn not_a_symbol(agent: &mut Agent, method: &str, gc: NoGcScope) -> JsError {
    let message = format!("Symbol.prototype.{method} requires that 'this' be a Symbol");
    agent.throw_type_error(&message, gc)
}

/// ### [20.4.3.2 get Symbol.prototype.description](https://tc39.es/ecma262/#sec-symbol.prototype.description)
fn description<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1. Let s be the this value.
    // 2. Let sym be ? ThisSymbolValue(s).
    let sym = this_symbol_value(agent, this, "description", gc)?;
    // 3. Return sym.[[Description]].
    let description = agent.heap.symbols.get(sym.index()).description;
    Ok(description.map_or(Value::Undefined, |d| d.bind(gc).into_value()))
}

/// ### [20.4.3.3 Symbol.prototype.toString ( )](https://tc39.es/ecma262/#sec-symbol.prototype.tostring)
fn to_string<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1. Let sym be ? ThisSymbolValue(this value).
    let sym = this_symbol_value(agent, this, "toString", gc)?;
    // 2. Return SymbolDescriptiveString(sym).
    Ok(symbol_descriptive_string(agent, sym, gc).into_value())
}

/// ### [20.4.3.3.1 SymbolDescriptiveString ( sym )](https://tc39.es/ecma262/#sec-symboldescriptivestring)
pub(crate) fn symbol_descriptive_string<'gc>(
    agent: &mut Agent,
    sym: Symbol,
    gc: NoGcScope<'gc, '_>,
) -> JsString<'gc> {
    // 1. Let desc be sym's [[Description]] value.
    // 2. If desc is undefined, set desc to the empty String.
    // 3. Assert: desc is a String.
    let desc = agent
        .heap
        .symbols
        .get(sym.index())
        .description
        .unwrap_or(JsString::EMPTY);
    // 4. Return the string-concatenation of "Symbol(", desc, and ")".
    let open = agent.create_string("Symbol(", gc);
    let close = agent.create_string(")", gc);
    let head = agent.string_concat(open, desc, gc);
    agent.string_concat(head, close, gc)
}

/// ### [20.4.3.4 Symbol.prototype.valueOf ( )](https://tc39.es/ecma262/#sec-symbol.prototype.valueof)
fn value_of<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return ? ThisSymbolValue(this value).
    this_symbol_value(agent, this, "valueOf", gc.into_nogc()).map(Value::Symbol)
}

/// ### [20.4.3.5 Symbol.prototype [ %Symbol.toPrimitive% ] ( hint )](https://tc39.es/ecma262/#sec-symbol.prototype-%symbol.toprimitive%)
fn symbol_to_primitive<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return ? ThisSymbolValue(this value).
    this_symbol_value(agent, this, "[Symbol.toPrimitive]", gc.into_nogc()).map(Value::Symbol)
}
