//! ### [22.2.6 Properties of the RegExp Prototype Object](https://tc39.es/ecma262/#sec-properties-of-the-regexp-prototype-object)
//!
//! The flag getters, `flags`, `source`, `toString` and the Annex B `compile`;
//! `exec`/`test` live in `exec.rs` and the symbol methods in their own files.

use super::constructor::regexp_initialize;
use super::{
    RegExpFlags, exec, regexp_slots, symbol_match, symbol_replace, symbol_split, this_regexp,
};
use crate::ecmascript::abstract_operations::{get, to_boolean, to_string};
use crate::ecmascript::builtins::function_objects::RegularFn;
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{CodeUnits, Object, StringBuilder, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// Creates %RegExp.prototype% with its methods and accessors.
pub(super) fn initialize<'a>(agent: &mut Agent, gc: NoGcScope<'a, '_>) -> Object<'a> {
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    agent.set_intrinsic(Intrinsic::RegExpPrototype, prototype);
    let exec = agent.define_builtin_method(prototype, BuiltinName::Str("exec"), 1, exec::exec, gc);
    agent.set_intrinsic(Intrinsic::RegExpPrototypeExec, exec);
    let methods: [(BuiltinName, u32, RegularFn); 8] = [
        (BuiltinName::Str("compile"), 2, compile),
        (BuiltinName::Str("test"), 1, exec::test),
        (BuiltinName::Str("toString"), 0, to_string_method),
        (
            BuiltinName::Symbol(WellKnownSymbol::Match),
            1,
            symbol_match::symbol_match,
        ),
        (
            BuiltinName::Symbol(WellKnownSymbol::MatchAll),
            1,
            symbol_match::symbol_match_all,
        ),
        (
            BuiltinName::Symbol(WellKnownSymbol::Replace),
            2,
            symbol_replace::symbol_replace,
        ),
        (
            BuiltinName::Symbol(WellKnownSymbol::Search),
            1,
            symbol_match::symbol_search,
        ),
        (
            BuiltinName::Symbol(WellKnownSymbol::Split),
            2,
            symbol_split::symbol_split,
        ),
    ];
    for (name, length, behaviour) in methods {
        agent.define_builtin_method(prototype, name, length, behaviour, gc);
    }
    let getters: [(&'static str, RegularFn); 10] = [
        ("dotAll", flag_getter::<{ RegExpFlags::DOT_ALL_BIT }>),
        ("flags", get_flags),
        ("global", flag_getter::<{ RegExpFlags::GLOBAL_BIT }>),
        (
            "hasIndices",
            flag_getter::<{ RegExpFlags::HAS_INDICES_BIT }>,
        ),
        (
            "ignoreCase",
            flag_getter::<{ RegExpFlags::IGNORE_CASE_BIT }>,
        ),
        ("multiline", flag_getter::<{ RegExpFlags::MULTILINE_BIT }>),
        ("source", get_source),
        ("sticky", flag_getter::<{ RegExpFlags::STICKY_BIT }>),
        ("unicode", flag_getter::<{ RegExpFlags::UNICODE_BIT }>),
        (
            "unicodeSets",
            flag_getter::<{ RegExpFlags::UNICODE_SETS_BIT }>,
        ),
    ];
    for (name, getter) in getters {
        agent.define_builtin_accessor(prototype, BuiltinName::Str(name), Some(getter), None, gc);
    }
    prototype
}

/// The flag getters (`global`, `ignoreCase`, ...): 22.2.6.x get RegExp.prototype.<flag>,
/// each `Return ? RegExpHasFlag(R, cu).`
fn flag_getter<'gc, const BIT: u8>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    regexp_has_flag(agent, this, RegExpFlags::from_bit(BIT), gc.into_nogc())
}

/// ### [22.2.6.4.1 RegExpHasFlag ( R, codeUnit )](https://tc39.es/ecma262/#sec-regexphasflag)
fn regexp_has_flag<'gc>(
    agent: &mut Agent,
    r: Value,
    flag: RegExpFlags,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. If R is not an Object, throw a TypeError exception.
    let Value::Object(o) = r else {
        return Err(agent.throw_type_error("RegExp flag getter called on a non-object", gc));
    };
    // 2. If R does not have an [[OriginalFlags]] internal slot, then
    let Some(slots) = regexp_slots(agent, o) else {
        // a. If SameValue(R, %RegExp.prototype%) is true, return undefined.
        if o == agent.intrinsic(Intrinsic::RegExpPrototype) {
            return Ok(Value::Undefined);
        }
        // b. Otherwise, throw a TypeError exception.
        return Err(agent.throw_type_error("RegExp flag getter called on a non-RegExp", gc));
    };
    // 3. Let flags be R.[[OriginalFlags]].
    // 4. If flags contains codeUnit, return true.
    // 5. Return false.
    Ok(Value::Boolean(
        agent.regexp_record(slots).original_flags.contains(flag),
    ))
}

/// ### [22.2.6.4 get RegExp.prototype.flags](https://tc39.es/ecma262/#sec-get-regexp.prototype.flags)
fn get_flags<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let R be the this value.
    // 2. If R is not an Object, throw a TypeError exception.
    let Value::Object(r) = this.bind(gc.nogc()) else {
        return Err(agent.throw_type_error(
            "RegExp.prototype.flags getter called on a non-object",
            gc.into_nogc(),
        ));
    };
    let r = r.scope(agent, gc.nogc());
    // 3. Let codeUnits be a new empty List.
    let mut code_units = String::new();
    // 4-19. For each flag property, in the order hasIndices, global, ignoreCase,
    //       multiline, dotAll, unicode, unicodeSets, sticky: if ToBoolean(? Get(R, name)),
    //       append its code unit.
    let names: [(&'static str, char); 8] = [
        ("hasIndices", 'd'),
        ("global", 'g'),
        ("ignoreCase", 'i'),
        ("multiline", 'm'),
        ("dotAll", 's'),
        ("unicode", 'u'),
        ("unicodeSets", 'v'),
        ("sticky", 'y'),
    ];
    for (name, letter) in names {
        let key = agent.static_key(name);
        let value = get(agent, r.get(agent), key, gc.reborrow())?.unbind();
        if to_boolean(agent, value) {
            code_units.push(letter);
        }
    }
    // 20. Return the String value whose code units are the elements of codeUnits.
    Ok(agent
        .create_string(&code_units, gc.into_nogc())
        .into_value())
}

/// ### [22.2.6.13 get RegExp.prototype.source](https://tc39.es/ecma262/#sec-get-regexp.prototype.source)
fn get_source<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1. Let R be the this value.
    // 2. If R is not an Object, throw a TypeError exception.
    let Value::Object(r) = this else {
        return Err(
            agent.throw_type_error("RegExp.prototype.source getter called on a non-object", gc)
        );
    };
    // 3. If R does not have an [[OriginalSource]] internal slot, then
    let Some(slots) = regexp_slots(agent, r) else {
        // a. If SameValue(R, %RegExp.prototype%) is true, return "(?:)".
        if r == agent.intrinsic(Intrinsic::RegExpPrototype) {
            return Ok(agent.create_string("(?:)", gc).into_value());
        }
        // b. Otherwise, throw a TypeError exception.
        return Err(
            agent.throw_type_error("RegExp.prototype.source getter called on a non-RegExp", gc)
        );
    };
    // 4. Assert: R has an [[OriginalFlags]] internal slot.
    // 5. Let src be R.[[OriginalSource]].
    // 6. Let flags be R.[[OriginalFlags]].
    let src = agent.regexp_record(slots).original_source;
    // 7. Return EscapeRegExpPattern(src, flags).
    let mut result = StringBuilder::new();
    escape_regexp_pattern(&agent.code_units(&src), &mut result);
    Ok(result.finish(agent, gc).into_value())
}

/// ### [22.2.6.13.1 EscapeRegExpPattern ( P, F )](https://tc39.es/ecma262/#sec-escaperegexppattern)
///
/// `/` outside a class and line terminators are escaped so that
/// `/${source}/${flags}` reads back as an equivalent literal; the empty pattern
/// is `(?:)`.
fn escape_regexp_pattern(pattern: &CodeUnits, out: &mut StringBuilder) {
    if pattern.is_empty() {
        out.push_str("(?:)");
        return;
    }
    let mut in_class = false;
    let mut i = 0;
    while i < pattern.len() {
        let unit = pattern.at(i);
        match unit {
            0x5C => {
                // A backslash escapes the next code unit, which is copied as is
                // (except a line terminator, which gets its escape letter).
                out.push_code_unit(unit);
                if i + 1 < pattern.len() {
                    let next = pattern.at(i + 1);
                    match line_terminator_escape(next) {
                        Some(escape) => out.push_str(&escape[1..]),
                        None => out.push_code_unit(next),
                    }
                    i += 1;
                }
            }
            0x2F if !in_class => out.push_str("\\/"),
            0x5B => {
                in_class = true;
                out.push_code_unit(unit);
            }
            0x5D => {
                in_class = false;
                out.push_code_unit(unit);
            }
            _ => match line_terminator_escape(unit) {
                Some(escape) => out.push_str(escape),
                None => out.push_code_unit(unit),
            },
        }
        i += 1;
    }
}

/// The escape sequence for a line terminator code unit.
fn line_terminator_escape(unit: u16) -> Option<&'static str> {
    match unit {
        0x0A => Some("\\n"),
        0x0D => Some("\\r"),
        0x2028 => Some("\\u2028"),
        0x2029 => Some("\\u2029"),
        _ => None,
    }
}

/// ### [22.2.6.17 RegExp.prototype.toString ( )](https://tc39.es/ecma262/#sec-regexp.prototype.tostring)
fn to_string_method<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let R be the this value.
    // 2. If R is not an Object, throw a TypeError exception.
    let Value::Object(r) = this.bind(gc.nogc()) else {
        return Err(agent.throw_type_error(
            "RegExp.prototype.toString called on a non-object",
            gc.into_nogc(),
        ));
    };
    let r = r.scope(agent, gc.nogc());
    // 3. Let pattern be ? ToString(? Get(R, "source")).
    let key = agent.static_key("source");
    let source = get(agent, r.get(agent), key, gc.reborrow())?.unbind();
    let pattern = to_string(agent, source, gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 4. Let flags be ? ToString(? Get(R, "flags")).
    let key = agent.static_key("flags");
    let flags = get(agent, r.get(agent), key, gc.reborrow())?.unbind();
    let flags = to_string(agent, flags, gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    // 5. Let result be the string-concatenation of "/", pattern, "/", and flags.
    let mut result = StringBuilder::new();
    result.push_str("/");
    result.push_string(agent, pattern.get(agent));
    result.push_str("/");
    result.push_string(agent, flags);
    // 6. Return result.
    Ok(result.finish(agent, gc).into_value())
}

/// ### [B.2.4.1 RegExp.prototype.compile ( pattern, flags )](https://tc39.es/ecma262/#sec-regexp.prototype.compile)
fn compile<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let this = this.bind(gc.nogc());
    let pattern = args.get(0).bind(gc.nogc());
    let flags = args.get(1).bind(gc.nogc());
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[RegExpMatcher]]).
    let Some(slots) = this_regexp(agent, this) else {
        return Err(agent.throw_type_error(
            "RegExp.prototype.compile requires that 'this' be a RegExp",
            gc.into_nogc(),
        ));
    };
    let record = agent.regexp_record(slots);
    // (Legacy features: the RegExp must come from this realm and from %RegExp% itself.)
    if record.realm != agent.current_realm_id() || !record.legacy_features_enabled {
        return Err(agent.throw_type_error(
            "RegExp.prototype.compile is not available for this RegExp",
            gc.into_nogc(),
        ));
    }
    // 3. If pattern is an Object and pattern has a [[RegExpMatcher]] internal slot, then
    let (p, f) = if let Some(pattern_slots) = this_regexp(agent, pattern) {
        // a. If flags is not undefined, throw a TypeError exception.
        if !flags.is_undefined() {
            return Err(agent.throw_type_error(
                "RegExp.prototype.compile: flags must be undefined when the pattern is a RegExp",
                gc.into_nogc(),
            ));
        }
        // b. Let P be pattern.[[OriginalSource]].
        // c. Let F be pattern.[[OriginalFlags]].
        let record = agent.regexp_record(pattern_slots);
        let (source, original_flags) = (record.original_source, record.original_flags);
        let f = agent.create_string(&original_flags.to_letters(), gc.nogc());
        (source.into_value(), f.into_value())
    } else {
        // 4. Else, let P be pattern and F be flags.
        (pattern, flags)
    };
    let Value::Object(o) = this else {
        unreachable!("a RegExp is an object")
    };
    // 5. Return ? RegExpInitialize(O, P, F).
    let o = regexp_initialize(agent, o.unbind(), p.unbind(), f.unbind(), gc)?;
    Ok(o.into())
}
