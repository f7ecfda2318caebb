//! ### [22.2.6.11 RegExp.prototype [ %Symbol.replace% ] ( string, replaceValue )](https://tc39.es/ecma262/#sec-regexp.prototype-%symbol.replace%)

use super::exec::{
    advance_last_index, has_builtin_exec, regexp_builtin_match, regexp_exec, this_object,
};
use super::symbol_match::flags_contain;
use crate::ecmascript::abstract_operations::{
    call_function, get, is_callable, length_of_array_like, set, to_integer_or_infinity, to_object,
    to_string,
};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::builtins::string::{
    TemplatePart, get_substitution, parse_replacement_template,
};
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{
    JsString, MAX_STRING_LENGTH, Object, PropertyKey, StringBuilder, Value,
};
use crate::engine::{Bindable, GcScope, Rootable, Scoped};

/// ### [22.2.6.11 RegExp.prototype [ %Symbol.replace% ] ( string, replaceValue )](https://tc39.es/ecma262/#sec-regexp.prototype-%symbol.replace%)
pub(super) fn symbol_replace<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let replace_value = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let rx be the this value.
    // 2. If rx is not an Object, throw a TypeError exception.
    let rx = this_object(agent, this, "[Symbol.replace]", gc.nogc())?.scope(agent, gc.nogc());
    // 3. Let S be ? ToString(string).
    let s = to_string(agent, args.get(0), gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 4. Let lengthS be the length of S.
    let length_s = agent.string_length(s.get(agent));
    // 5. Let functionalReplace be IsCallable(replaceValue).
    let functional_replace = is_callable(agent, replace_value.get(agent));
    // 6. If functionalReplace is false, then
    if !functional_replace {
        // a. Set replaceValue to ? ToString(replaceValue).
        let template = to_string(agent, replace_value.get(agent), gc.reborrow())?.unbind();
        replace_value.set(agent, template.into_value());
    }
    // 7. Let flags be ? ToString(? Get(rx, "flags")).
    let key = agent.static_key("flags");
    let flags = get(agent, rx.get(agent), key, gc.reborrow())?.unbind();
    let flags = to_string(agent, flags, gc.reborrow())?.unbind();
    // 8. If flags contains "g", let global be true. Otherwise, let global be false.
    let global = flags_contain(agent, flags, b'g');
    // 9. If global is true, then
    let mut full_unicode = false;
    if global {
        // a. If flags contains "u" or flags contains "v", let fullUnicode be true.
        full_unicode = flags_contain(agent, flags, b'u') || flags_contain(agent, flags, b'v');
        // b. Perform ? Set(rx, "lastIndex", +0𝔽, true).
        let key = agent.static_key("lastIndex");
        set(
            agent,
            rx.get(agent),
            key,
            Value::from_i32(0),
            true,
            gc.reborrow(),
        )?;
    }
    // With the built-in exec and a replacement template, nothing in the loops
    // below can observe the order of steps, so each match is replaced as it is
    // found, without result arrays.
    if !functional_replace && has_builtin_exec(agent, rx.get(agent)) {
        let template = replace_value
            .get(agent)
            .as_string()
            .expect("the template was converted to a String");
        return replace_with_builtin_exec(
            agent,
            rx.get(agent),
            s.get(agent),
            template,
            global,
            full_unicode,
            gc,
        );
    }
    // 10. Let results be a new empty List.
    let mut results: Vec<Scoped<Object<'static>>> = Vec::new();
    // 11. Let done be false.
    // 12. Repeat, while done is false,
    loop {
        // a. Let result be ? RegExpExec(rx, S).
        let result = regexp_exec(agent, rx.get(agent), s.get(agent), gc.reborrow())?.unbind();
        // b. If result is null, set done to true.
        let Some(result) = result else {
            break;
        };
        // c. Else,
        // i. Append result to results.
        let result = result.scope(agent, gc.nogc());
        results.push(result);
        // ii. If global is false, set done to true.
        if !global {
            break;
        }
        // iii. Else,
        // 1. Let matchStr be ? ToString(? Get(result, "0")).
        let matched = get(
            agent,
            result.get(agent),
            PropertyKey::Index(0),
            gc.reborrow(),
        )?
        .unbind();
        let match_str = to_string(agent, matched, gc.reborrow())?.unbind();
        // 2. If matchStr is the empty String, then
        if agent.string_length(match_str) == 0 {
            // a-c. Set lastIndex to AdvanceStringIndex(S, ToLength(lastIndex), fullUnicode).
            advance_last_index(
                agent,
                rx.get(agent),
                s.get(agent),
                full_unicode,
                gc.reborrow(),
            )?;
        }
    }
    // 13. Let accumulatedResult be the empty String.
    let mut accumulated = StringBuilder::new();
    // 14. Let nextSourcePosition be 0.
    let mut next_source_position = 0usize;
    // 15. For each element result of results, do
    for result in results {
        // a. Let resultLength be ? LengthOfArrayLike(result).
        let result_length = length_of_array_like(agent, result.get(agent), gc.reborrow())?;
        // b. Let nCaptures be max(resultLength - 1, 0).
        let n_captures = result_length.saturating_sub(1);
        // c. Let matched be ? ToString(? Get(result, "0")).
        let matched = get(
            agent,
            result.get(agent),
            PropertyKey::Index(0),
            gc.reborrow(),
        )?
        .unbind();
        let matched = to_string(agent, matched, gc.reborrow())?
            .unbind()
            .scope(agent, gc.nogc());
        // d. Let matchLength be the length of matched.
        let match_length = agent.string_length(matched.get(agent));
        // e. Let position be ? ToIntegerOrInfinity(? Get(result, "index")).
        let key = agent.static_key("index");
        let position = get(agent, result.get(agent), key, gc.reborrow())?.unbind();
        let position = to_integer_or_infinity(agent, position, gc.reborrow())?;
        // f. Set position to the result of clamping position between 0 and lengthS.
        let position = position.clamp(0.0, length_s as f64) as usize;
        // g. Let captures be a new empty List.
        let mut captures: Vec<Option<Scoped<JsString<'static>>>> = Vec::new();
        // h. Let n be 1.
        // i. Repeat, while n ≤ nCaptures,
        let mut n: u64 = 1;
        while n <= n_captures {
            // i. Let capN be ? Get(result, ! ToString(𝔽(n))).
            let key = if n < u64::from(u32::MAX) {
                PropertyKey::Index(n as u32)
            } else {
                agent.key_from_str(&n.to_string(), gc.nogc()).unbind()
            };
            let cap_n = get(agent, result.get(agent), key, gc.reborrow())?.unbind();
            // ii. If capN is not undefined, then
            let cap_n = if cap_n.is_undefined() {
                None
            } else {
                // 1. Set capN to ? ToString(capN).
                let cap_n = to_string(agent, cap_n, gc.reborrow())?.unbind();
                Some(cap_n.scope(agent, gc.nogc()))
            };
            // iii. Append capN to captures.
            captures.push(cap_n);
            // iv-v. Set n to n + 1.
            n += 1;
        }
        // j. Let namedCaptures be ? Get(result, "groups").
        let key = agent.static_key("groups");
        let named_captures = get(agent, result.get(agent), key, gc.reborrow())?
            .unbind()
            .scope(agent, gc.nogc());
        // k. If functionalReplace is true, then
        let replacement = if functional_replace {
            // i. Let replacerArgs be the list-concatenation of « matched », captures, and
            //    « 𝔽(position), S ».
            let mut replacer_args: Vec<Value> = Vec::with_capacity(captures.len() + 4);
            replacer_args.push(matched.get(agent).into_value());
            for capture in &captures {
                replacer_args.push(capture.map_or(Value::Undefined, |c| c.get(agent).into_value()));
            }
            replacer_args.push(Value::from_u32(position as u32));
            replacer_args.push(s.get(agent).into_value());
            // ii. If namedCaptures is not undefined, then append namedCaptures.
            if !named_captures.get(agent).is_undefined() {
                replacer_args.push(named_captures.get(agent));
            }
            // iii. Let replValue be ? Call(replaceValue, undefined, replacerArgs).
            let repl_value = call_function(
                agent,
                replace_value.get(agent),
                Value::Undefined,
                ArgumentsList(&replacer_args),
                gc.reborrow(),
            )?
            .unbind();
            // iv. Let replacement be ? ToString(replValue).
            to_string(agent, repl_value, gc.reborrow())?.unbind()
        } else {
            // l. Else,
            // i. If namedCaptures is not undefined, then
            //    1. Set namedCaptures to ? ToObject(namedCaptures).
            let named = if named_captures.get(agent).is_undefined() {
                None
            } else {
                Some(to_object(agent, named_captures.get(agent), gc.nogc())?.unbind())
            };
            // ii. Let replacement be ? GetSubstitution(matched, S, position, captures,
            //     namedCaptures, replaceValue).
            let capture_values: Vec<Option<JsString>> =
                captures.iter().map(|c| c.map(|c| c.get(agent))).collect();
            let template = replace_value
                .get(agent)
                .as_string()
                .expect("the template was converted to a String");
            get_substitution(
                agent,
                matched.get(agent),
                s.get(agent),
                position,
                &capture_values,
                named,
                template,
                gc.reborrow(),
            )?
            .unbind()
        };
        // m. If position ≥ nextSourcePosition, then
        if position >= next_source_position {
            // i. NOTE: position should not normally move backwards. If it does, it is an
            //    indication of an ill-behaving RegExp subclass or use of an access
            //    triggered side-effect to change the global flag or other characteristics
            //    of rx. In such cases, the corresponding substitution is ignored.
            // ii. Set accumulatedResult to the string-concatenation of accumulatedResult,
            //     the substring of S from nextSourcePosition to position, and replacement.
            let string = s.get(agent);
            accumulated.push_range(&agent.code_units(&string), next_source_position, position);
            accumulated.push_string(agent, replacement);
            if accumulated.len() > MAX_STRING_LENGTH {
                return Err(agent.throw_range_error("Invalid string length", gc.into_nogc()));
            }
            // iii. Set nextSourcePosition to position + matchLength.
            next_source_position = position + match_length;
        }
    }
    let gc = gc.into_nogc();
    let string = s.get(agent);
    // 16. If nextSourcePosition ≥ lengthS, return accumulatedResult.
    // 17. Return the string-concatenation of accumulatedResult and the substring of S
    //     from nextSourcePosition.
    if next_source_position < length_s {
        accumulated.push_range(&agent.code_units(&string), next_source_position, length_s);
    }
    if accumulated.len() > MAX_STRING_LENGTH {
        return Err(agent.throw_range_error("Invalid string length", gc));
    }
    Ok(accumulated.finish(agent, gc).into_value())
}

/// Steps 10-17 when RegExpExec is RegExpBuiltinExec and replaceValue is a
/// template: GetSubstitution reads the captures as ranges of S (its Get on the
/// fresh groups object cannot run JavaScript), so no match leaves garbage behind
/// and a huge number of matches needs no memory.
fn replace_with_builtin_exec<'gc>(
    agent: &mut Agent,
    rx: Object,
    s: JsString,
    template: JsString,
    global: bool,
    full_unicode: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let rx = rx.bind(gc.nogc()).scope(agent, gc.nogc());
    let s = s.bind(gc.nogc()).scope(agent, gc.nogc());
    let template = template.bind(gc.nogc()).scope(agent, gc.nogc());
    let length_s = agent.string_length(s.get(agent));
    let mut accumulated = StringBuilder::new();
    let mut next_source_position = 0usize;
    let mut parts: Option<Vec<TemplatePart>> = None;
    while let Some(matched) =
        regexp_builtin_match(agent, rx.get(agent), s.get(agent), gc.reborrow())?
    {
        let found = &matched.found;
        let position = matched.index.min(length_s);
        let end = found.end();
        let parts = parts.get_or_insert_with(|| {
            let template = template.get(agent);
            parse_replacement_template(
                &agent.code_units(&template),
                found.captures.len(),
                found.named_groups().next().is_some(),
            )
        });
        if position >= next_source_position {
            let string = s.get(agent);
            let template = template.get(agent);
            let units = agent.code_units(&string);
            let template_units = agent.code_units(&template);
            accumulated.push_range(&units, next_source_position, position);
            for part in parts.iter() {
                match *part {
                    TemplatePart::Literal(start, end) => {
                        accumulated.push_range(&template_units, start, end)
                    }
                    TemplatePart::Preceding => accumulated.push_range(&units, 0, position),
                    TemplatePart::Matched => accumulated.push_range(&units, position, end),
                    TemplatePart::Following => {
                        accumulated.push_range(&units, end.min(length_s), length_s)
                    }
                    TemplatePart::Capture(index) => {
                        if let Some(range) = &found.captures[index - 1] {
                            accumulated.push_range(&units, range.start, range.end);
                        }
                    }
                    TemplatePart::NamedCapture(start, end) => {
                        let name =
                            String::from_utf16_lossy(&template_units.utf16_range(start, end));
                        let range = found
                            .named_groups()
                            .find(|(group, _)| *group == name)
                            .and_then(|(_, range)| range);
                        if let Some(range) = range {
                            accumulated.push_range(&units, range.start, range.end);
                        }
                    }
                }
            }
            if accumulated.len() > MAX_STRING_LENGTH {
                return Err(agent.throw_range_error("Invalid string length", gc.into_nogc()));
            }
            next_source_position = end;
        }
        if !global {
            break;
        }
        if end == matched.index {
            advance_last_index(
                agent,
                rx.get(agent),
                s.get(agent),
                full_unicode,
                gc.reborrow(),
            )?;
        }
    }
    let gc = gc.into_nogc();
    let string = s.get(agent);
    if next_source_position < length_s {
        accumulated.push_range(&agent.code_units(&string), next_source_position, length_s);
    }
    if accumulated.len() > MAX_STRING_LENGTH {
        return Err(agent.throw_range_error("Invalid string length", gc));
    }
    Ok(accumulated.finish(agent, gc).into_value())
}
