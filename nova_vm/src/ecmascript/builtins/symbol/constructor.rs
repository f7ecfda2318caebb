//! ### [20.4.1 The Symbol Constructor](https://tc39.es/ecma262/#sec-symbol-constructor) and
//! [20.4.2 Properties of the Symbol Constructor](https://tc39.es/ecma262/#sec-properties-of-the-symbol-constructor)

use crate::ecmascript::abstract_operations::to_string;
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::Attributes;
use crate::ecmascript::types::{JsString, Object, Symbol, SymbolRecord, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope};
use crate::heap::Arena;

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let prototype = agent.intrinsic(Intrinsic::SymbolPrototype);
    // 20.4.2: "length" is +0𝔽.
    let constructor = agent.create_builtin_constructor(
        "Symbol",
        0,
        symbol_constructor,
        Some(prototype),
        None,
        gc,
    );
    agent.set_intrinsic(Intrinsic::Symbol, constructor);
    agent.define_builtin_method(constructor, BuiltinName::Str("for"), 1, symbol_for, gc);
    agent.define_builtin_method(constructor, BuiltinName::Str("keyFor"), 1, key_for, gc);
    // 20.4.2.1 Symbol.asyncDispose ... 20.4.2.16 Symbol.unscopables: the well-known symbols,
    // each { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }.
    for symbol in WellKnownSymbol::ALL {
        agent.define_builtin_property(
            constructor,
            BuiltinName::Str(symbol.name()),
            symbol.symbol().into(),
            Attributes::FROZEN_HIDDEN,
            gc,
        );
    }
}

/// A new Symbol whose `[[Description]]` is `description`.
fn create_symbol<'a>(
    agent: &mut Agent,
    description: Option<JsString>,
    registered: bool,
    gc: NoGcScope<'a, '_>,
) -> Symbol<'a> {
    agent.heap.allocated_since_gc += Arena::<SymbolRecord>::RECORD_BYTES;
    Symbol::from_index(agent.heap.symbols.push(SymbolRecord {
        description: description.unbind(),
        registered,
        is_private: false,
    }))
    .bind(gc)
}

/// ### [20.4.1.1 Symbol ( [ description ] )](https://tc39.es/ecma262/#sec-symbol-description)
fn symbol_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. If NewTarget is not undefined, throw a TypeError exception.
    if new_target.is_some() {
        return Err(agent.throw_type_error("Symbol is not a constructor", gc.into_nogc()));
    }
    let description = args.get(0);
    // 2. If description is undefined, let descString be undefined.
    // 3. Else, let descString be ? ToString(description).
    let desc_string = if description.is_undefined() {
        None
    } else {
        Some(to_string(agent, description, gc.reborrow())?.unbind())
    };
    // 4. Return a new Symbol whose [[Description]] is descString.
    let gc = gc.into_nogc();
    Ok(create_symbol(agent, desc_string, false, gc).into())
}

/// ### [20.4.2.2 Symbol.for ( key )](https://tc39.es/ecma262/#sec-symbol.for)
fn symbol_for<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let stringKey be ? ToString(key).
    let string_key = to_string(agent, args.get(0), gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    let string_key = string_key.bind(gc);
    // 2. For each element e of the GlobalSymbolRegistry List, do
    //    a. If e.[[Key]] is stringKey, return e.[[Symbol]].
    let units = agent.string_utf16(string_key).into_owned();
    if let Some(symbol) = agent.symbol_registry.get(&units) {
        return Ok(Value::Symbol(symbol.bind(gc)));
    }
    // 3. Assert: The GlobalSymbolRegistry List does not currently contain an entry for stringKey.
    // 4. Let newSymbol be a new Symbol whose [[Description]] is stringKey.
    let new_symbol = create_symbol(agent, Some(string_key), true, gc);
    // 5. Append the GlobalSymbolRegistry Record { [[Key]]: stringKey, [[Symbol]]: newSymbol }
    //    to the GlobalSymbolRegistry List.
    agent.symbol_registry.insert(units, new_symbol.unbind());
    // 6. Return newSymbol.
    Ok(Value::Symbol(new_symbol))
}

/// ### [20.4.2.6 Symbol.keyFor ( sym )](https://tc39.es/ecma262/#sec-symbol.keyfor)
fn key_for<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1. If sym is not a Symbol, throw a TypeError exception.
    let Value::Symbol(sym) = args.get(0).bind(gc) else {
        return Err(agent.throw_type_error("Symbol.keyFor: argument is not a symbol", gc));
    };
    // 2. Return KeyForSymbol(sym).
    Ok(key_for_symbol(agent, sym, gc).map_or(Value::Undefined, JsString::into_value))
}

/// ### [20.4.5.1 KeyForSymbol ( sym )](https://tc39.es/ecma262/#sec-keyforsymbol)
///
/// Registered symbols are marked in their record, and their description is the key.
fn key_for_symbol<'a>(agent: &Agent, sym: Symbol, gc: NoGcScope<'a, '_>) -> Option<JsString<'a>> {
    // 1. For each element e of the GlobalSymbolRegistry List, do
    //    a. If SameValue(e.[[Symbol]], sym) is true, return e.[[Key]].
    // 2. Assert: The GlobalSymbolRegistry List does not currently contain an entry for sym.
    // 3. Return undefined.
    let record = agent.heap.symbols.get(sym.index());
    if record.registered {
        record.description.bind(gc)
    } else {
        None
    }
}
