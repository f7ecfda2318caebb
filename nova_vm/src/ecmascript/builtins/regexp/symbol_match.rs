//! [22.2.6.8 RegExp.prototype [ %Symbol.match% ]](https://tc39.es/ecma262/#sec-regexp.prototype-%symbol.match%),
//! [22.2.6.9 RegExp.prototype [ %Symbol.matchAll% ]](https://tc39.es/ecma262/#sec-regexp-prototype-%symbol.matchall%) and
//! [22.2.6.12 RegExp.prototype [ %Symbol.search% ]](https://tc39.es/ecma262/#sec-regexp.prototype-%symbol.search%).

use super::exec::{advance_last_index, regexp_exec, this_object};
use super::string_iterator::create_regexp_string_iterator;
use crate::ecmascript::abstract_operations::{
    construct, create_array_from_list, create_data_property_or_throw, get, same_value, set,
    species_constructor, to_length, to_string,
};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::{JsString, PropertyKey, Value};
use crate::engine::{Bindable, GcScope, Rootable};

/// `flags` contains the code unit `letter`.
pub(super) fn flags_contain(agent: &Agent, flags: JsString, letter: u8) -> bool {
    let units = agent.code_units(&flags);
    (0..units.len()).any(|i| units.at(i) == u16::from(letter))
}

/// ### [22.2.6.8 RegExp.prototype [ %Symbol.match% ] ( string )](https://tc39.es/ecma262/#sec-regexp.prototype-%symbol.match%)
pub(super) fn symbol_match<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let rx be the this value.
    // 2. If rx is not an Object, throw a TypeError exception.
    let rx = this_object(agent, this, "[Symbol.match]", gc.nogc())?.scope(agent, gc.nogc());
    // 3. Let S be ? ToString(string).
    let s = to_string(agent, args.get(0), gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 4. Let flags be ? ToString(? Get(rx, "flags")).
    let key = agent.static_key("flags");
    let flags = get(agent, rx.get(agent), key, gc.reborrow())?.unbind();
    let flags = to_string(agent, flags, gc.reborrow())?.unbind();
    // 5. If flags does not contain "g", then
    if !flags_contain(agent, flags, b'g') {
        // a. Return ? RegExpExec(rx, S).
        let result = regexp_exec(agent, rx.get(agent), s.get(agent), gc)?;
        return Ok(result.map_or(Value::Null, Into::into));
    }
    // 6. Else,
    // a. If flags contains "u" or flags contains "v", let fullUnicode be true.
    let full_unicode = flags_contain(agent, flags, b'u') || flags_contain(agent, flags, b'v');
    // b. Perform ? Set(rx, "lastIndex", +0𝔽, true).
    let last_index = agent.static_key("lastIndex");
    set(
        agent,
        rx.get(agent),
        last_index,
        Value::from_i32(0),
        true,
        gc.reborrow(),
    )?;
    // c. Let A be ! ArrayCreate(0).
    let a = create_array_from_list(agent, &[], gc.nogc()).scope(agent, gc.nogc());
    // d. Let n be 0.
    let mut n: u32 = 0;
    // e. Repeat,
    loop {
        // i. Let result be ? RegExpExec(rx, S).
        let result = regexp_exec(agent, rx.get(agent), s.get(agent), gc.reborrow())?.unbind();
        // ii. If result is null, then
        let Some(result) = result else {
            // 1. If n = 0, return null.
            // 2. Return A.
            return Ok(if n == 0 {
                Value::Null
            } else {
                a.get(agent).bind(gc.into_nogc()).into()
            });
        };
        // iii. Else,
        // 1. Let matchStr be ? ToString(? Get(result, "0")).
        let matched = get(agent, result, PropertyKey::Index(0), gc.reborrow())?.unbind();
        let match_str = to_string(agent, matched, gc.reborrow())?.unbind();
        let empty = agent.string_length(match_str) == 0;
        // 2. Perform ! CreateDataPropertyOrThrow(A, ! ToString(𝔽(n)), matchStr).
        create_data_property_or_throw(
            agent,
            a.get(agent),
            PropertyKey::Index(n),
            match_str.into_value(),
            gc.reborrow(),
        )?;
        // 3. If matchStr is the empty String, then
        if empty {
            // a-c. Set lastIndex to AdvanceStringIndex(S, ToLength(lastIndex), fullUnicode).
            advance_last_index(
                agent,
                rx.get(agent),
                s.get(agent),
                full_unicode,
                gc.reborrow(),
            )?;
        }
        // 4. Set n to n + 1.
        n += 1;
    }
}

/// ### [22.2.6.9 RegExp.prototype [ %Symbol.matchAll% ] ( string )](https://tc39.es/ecma262/#sec-regexp-prototype-%symbol.matchall%)
pub(super) fn symbol_match_all<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let R be the this value.
    // 2. If R is not an Object, throw a TypeError exception.
    let r = this_object(agent, this, "[Symbol.matchAll]", gc.nogc())?.scope(agent, gc.nogc());
    // 3. Let S be ? ToString(string).
    let s = to_string(agent, args.get(0), gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 4. Let C be ? SpeciesConstructor(R, %RegExp%).
    let c = species_constructor(agent, r.get(agent), Intrinsic::RegExp, gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 5. Let flags be ? ToString(? Get(R, "flags")).
    let key = agent.static_key("flags");
    let flags = get(agent, r.get(agent), key, gc.reborrow())?.unbind();
    let flags = to_string(agent, flags, gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 6. Let matcher be ? Construct(C, « R, flags »).
    let matcher = construct(
        agent,
        c.get(agent),
        ArgumentsList(&[r.get(agent).into(), flags.get(agent).into_value()]),
        None,
        gc.reborrow(),
    )?
    .unbind()
    .scope(agent, gc.nogc());
    // 7. Let lastIndex be ? ToLength(? Get(R, "lastIndex")).
    let key = agent.static_key("lastIndex");
    let last_index = get(agent, r.get(agent), key, gc.reborrow())?.unbind();
    let last_index = to_length(agent, last_index, gc.reborrow())?;
    // 8. Perform ? Set(matcher, "lastIndex", lastIndex, true).
    let value = agent.number(last_index as f64, gc.nogc()).unbind();
    set(agent, matcher.get(agent), key, value, true, gc.reborrow())?;
    let gc = gc.into_nogc();
    // 9. If flags contains "g", let global be true.
    // 10. Else, let global be false.
    let flags = flags.get(agent);
    let global = flags_contain(agent, flags, b'g');
    // 11. If flags contains "u" or flags contains "v", let fullUnicode be true.
    // 12. Else, let fullUnicode be false.
    let full_unicode = flags_contain(agent, flags, b'u') || flags_contain(agent, flags, b'v');
    // 13. Return CreateRegExpStringIterator(matcher, S, global, fullUnicode).
    Ok(create_regexp_string_iterator(
        agent,
        matcher.get(agent),
        s.get(agent),
        global,
        full_unicode,
        gc,
    )
    .into())
}

/// ### [22.2.6.12 RegExp.prototype [ %Symbol.search% ] ( string )](https://tc39.es/ecma262/#sec-regexp.prototype-%symbol.search%)
pub(super) fn symbol_search<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let rx be the this value.
    // 2. If rx is not an Object, throw a TypeError exception.
    let rx = this_object(agent, this, "[Symbol.search]", gc.nogc())?.scope(agent, gc.nogc());
    // 3. Let S be ? ToString(string).
    let s = to_string(agent, args.get(0), gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    let key = agent.static_key("lastIndex");
    // 4. Let previousLastIndex be ? Get(rx, "lastIndex").
    let previous_last_index = get(agent, rx.get(agent), key, gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 5. If SameValue(previousLastIndex, +0𝔽) is false, then
    if !same_value(agent, previous_last_index.get(agent), Value::from_i32(0)) {
        // a. Perform ? Set(rx, "lastIndex", +0𝔽, true).
        set(
            agent,
            rx.get(agent),
            key,
            Value::from_i32(0),
            true,
            gc.reborrow(),
        )?;
    }
    // 6. Let result be ? RegExpExec(rx, S).
    let result = regexp_exec(agent, rx.get(agent), s.get(agent), gc.reborrow())?.unbind();
    let result = result.map(|r| r.scope(agent, gc.nogc()));
    // 7. Let currentLastIndex be ? Get(rx, "lastIndex").
    let current_last_index = get(agent, rx.get(agent), key, gc.reborrow())?.unbind();
    // 8. If SameValue(currentLastIndex, previousLastIndex) is false, then
    if !same_value(agent, current_last_index, previous_last_index.get(agent)) {
        // a. Perform ? Set(rx, "lastIndex", previousLastIndex, true).
        set(
            agent,
            rx.get(agent),
            key,
            previous_last_index.get(agent),
            true,
            gc.reborrow(),
        )?;
    }
    // 9. If result is null, return -1𝔽.
    let Some(result) = result else {
        return Ok(Value::from_i32(-1));
    };
    // 10. Return ? Get(result, "index").
    let key = agent.static_key("index");
    get(agent, result.get(agent), key, gc)
}
