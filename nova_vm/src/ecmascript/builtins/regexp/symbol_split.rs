//! ### [22.2.6.14 RegExp.prototype [ %Symbol.split% ] ( string, limit )](https://tc39.es/ecma262/#sec-regexp.prototype-%symbol.split%)

use super::exec::{advance_string_index, has_builtin_exec, regexp_exec, slots_of, this_object};
use super::legacy;
use super::matcher::{MatcherFailed, find_match};
use super::symbol_match::flags_contain;
use crate::ecmascript::abstract_operations::{
    construct, create_array_from_list, create_data_property_or_throw, get, length_of_array_like,
    set, species_constructor, to_length, to_string, to_uint32,
};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::{JsString, Object, PropertyKey, StringBuilder, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// ### [22.2.6.14 RegExp.prototype [ %Symbol.split% ] ( string, limit )](https://tc39.es/ecma262/#sec-regexp.prototype-%symbol.split%)
pub(super) fn symbol_split<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let limit = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let rx be the this value.
    // 2. If rx is not an Object, throw a TypeError exception.
    let rx = this_object(agent, this, "[Symbol.split]", gc.nogc())?.scope(agent, gc.nogc());
    // 3. Let S be ? ToString(string).
    let s = to_string(agent, args.get(0), gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 4. Let C be ? SpeciesConstructor(rx, %RegExp%).
    let c = species_constructor(agent, rx.get(agent), Intrinsic::RegExp, gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 5. Let flags be ? ToString(? Get(rx, "flags")).
    let key = agent.static_key("flags");
    let flags = get(agent, rx.get(agent), key, gc.reborrow())?.unbind();
    let flags = to_string(agent, flags, gc.reborrow())?.unbind();
    // 6. If flags contains "u" or flags contains "v", let unicodeMatching be true.
    // 7. Else, let unicodeMatching be false.
    let unicode_matching = flags_contain(agent, flags, b'u') || flags_contain(agent, flags, b'v');
    // 8. If flags contains "y", let newFlags be flags.
    // 9. Else, let newFlags be the string-concatenation of flags and "y".
    let new_flags = if flags_contain(agent, flags, b'y') {
        flags
    } else {
        let mut builder = StringBuilder::new();
        builder.push_string(agent, flags);
        builder.push_str("y");
        builder.finish(agent, gc.nogc()).unbind()
    };
    // 10. Let splitter be ? Construct(C, « rx, newFlags »).
    let splitter = construct(
        agent,
        c.get(agent),
        ArgumentsList(&[rx.get(agent).into(), new_flags.into_value()]),
        None,
        gc.reborrow(),
    )?
    .unbind()
    .scope(agent, gc.nogc());
    // 11. Let A be ! ArrayCreate(0).
    let a = create_array_from_list(agent, &[], gc.nogc()).scope(agent, gc.nogc());
    // 12. Let lengthA be 0.
    let mut length_a: u32 = 0;
    // 13. If limit is undefined, let lim be 2^32 - 1; else let lim be ℝ(? ToUint32(limit)).
    let lim = match limit.get(agent) {
        Value::Undefined => u32::MAX,
        limit => to_uint32(agent, limit, gc.reborrow())?,
    };
    // 14. If lim = 0, return A.
    if lim == 0 {
        return Ok(a.get(agent).bind(gc.into_nogc()).into());
    }
    // 15. If S is the empty String, then
    let size = agent.string_length(s.get(agent));
    if size == 0 {
        // a. Let z be ? RegExpExec(splitter, S).
        let z = regexp_exec(agent, splitter.get(agent), s.get(agent), gc.reborrow())?;
        // b. If z is not null, return A.
        if z.is_some() {
            return Ok(a.get(agent).bind(gc.into_nogc()).into());
        }
        // c. Perform ! CreateDataPropertyOrThrow(A, "0", S).
        // d. Return A.
        let gc = gc.into_nogc();
        let result = create_array_from_list(agent, &[s.get(agent).into_value()], gc);
        return Ok(result.into());
    }
    // A splitter made by %RegExp% whose exec is the built-in one cannot be observed
    // by the loop below: its sticky matches at q, q + 1, ... are one search from q.
    if c.get(agent) == agent.intrinsic(Intrinsic::RegExp)
        && has_builtin_exec(agent, splitter.get(agent))
    {
        let gc = gc.into_nogc();
        return split_with_builtin_matcher(
            agent,
            splitter.get(agent),
            s.get(agent),
            lim,
            unicode_matching,
            gc,
        );
    }
    let last_index_key = agent.static_key("lastIndex");
    // 16. Let size be the length of S.
    // 17. Let p be 0.
    let mut p: usize = 0;
    // 18. Let q be p.
    let mut q: usize = p;
    // 19. Repeat, while q < size,
    while q < size {
        // a. Perform ? Set(splitter, "lastIndex", 𝔽(q), true).
        set(
            agent,
            splitter.get(agent),
            last_index_key,
            Value::from_u32(q as u32),
            true,
            gc.reborrow(),
        )?;
        // b. Let z be ? RegExpExec(splitter, S).
        let z = regexp_exec(agent, splitter.get(agent), s.get(agent), gc.reborrow())?.unbind();
        // c. If z is null, then
        let Some(z) = z else {
            // i. Set q to AdvanceStringIndex(S, q, unicodeMatching).
            q = advance_string_index(agent, s.get(agent), q as u64, unicode_matching) as usize;
            continue;
        };
        let z = z.scope(agent, gc.nogc());
        // d. Else,
        // i. Let e be ℝ(? ToLength(? Get(splitter, "lastIndex"))).
        let e = get(agent, splitter.get(agent), last_index_key, gc.reborrow())?.unbind();
        let e = to_length(agent, e, gc.reborrow())?;
        // ii. Set e to min(e, size).
        let e = e.min(size as u64) as usize;
        // iii. If e = p, then
        if e == p {
            // 1. Set q to AdvanceStringIndex(S, q, unicodeMatching).
            q = advance_string_index(agent, s.get(agent), q as u64, unicode_matching) as usize;
            continue;
        }
        // iv. Else,
        // 1. Let T be the substring of S from p to q.
        let t = agent
            .string_substring(s.get(agent), p, q, gc.nogc())
            .unbind();
        // 2. Perform ! CreateDataPropertyOrThrow(A, ! ToString(𝔽(lengthA)), T).
        create_data_property_or_throw(
            agent,
            a.get(agent),
            PropertyKey::Index(length_a),
            t.into_value(),
            gc.reborrow(),
        )?;
        // 3. Set lengthA to lengthA + 1.
        length_a += 1;
        // 4. If lengthA = lim, return A.
        if length_a == lim {
            return Ok(a.get(agent).bind(gc.into_nogc()).into());
        }
        // 5. Set p to e.
        p = e;
        // 6. Let numberOfCaptures be ? LengthOfArrayLike(z).
        let number_of_captures = length_of_array_like(agent, z.get(agent), gc.reborrow())?;
        // 7. Set numberOfCaptures to max(numberOfCaptures - 1, 0).
        let number_of_captures = number_of_captures.saturating_sub(1);
        // 8. Let i be 1.
        // 9. Repeat, while i ≤ numberOfCaptures,
        let mut i: u64 = 1;
        while i <= number_of_captures {
            // a. Let nextCapture be ? Get(z, ! ToString(𝔽(i))).
            let key = if i < u64::from(u32::MAX) {
                PropertyKey::Index(i as u32)
            } else {
                agent.key_from_str(&i.to_string(), gc.nogc()).unbind()
            };
            let next_capture = get(agent, z.get(agent), key, gc.reborrow())?.unbind();
            // b. Perform ! CreateDataPropertyOrThrow(A, ! ToString(𝔽(lengthA)), nextCapture).
            create_data_property_or_throw(
                agent,
                a.get(agent),
                PropertyKey::Index(length_a),
                next_capture,
                gc.reborrow(),
            )?;
            // c. Set i to i + 1.
            i += 1;
            // d. Set lengthA to lengthA + 1.
            length_a += 1;
            // e. If lengthA = lim, return A.
            if length_a == lim {
                return Ok(a.get(agent).bind(gc.into_nogc()).into());
            }
        }
        // 10. Set q to p.
        q = p;
    }
    // 20. Let T be the substring of S from p to size.
    let t = agent
        .string_substring(s.get(agent), p, size, gc.nogc())
        .unbind();
    // 21. Perform ! CreateDataPropertyOrThrow(A, ! ToString(𝔽(lengthA)), T).
    create_data_property_or_throw(
        agent,
        a.get(agent),
        PropertyKey::Index(length_a),
        t.into_value(),
        gc.reborrow(),
    )?;
    // 22. Return A.
    Ok(a.get(agent).bind(gc.into_nogc()).into())
}

/// Steps 16-22 for a splitter whose RegExpExec is RegExpBuiltinExec and which
/// nothing else can observe: each failed sticky attempt only advanced q, so one
/// search from q finds the next q that matches.
fn split_with_builtin_matcher<'gc>(
    agent: &mut Agent,
    splitter: Object,
    s: JsString,
    lim: u32,
    unicode_matching: bool,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let Some(slots) = slots_of(agent, splitter) else {
        unreachable!("the splitter has the built-in exec")
    };
    let matcher = agent
        .regexp_record(slots)
        .matcher
        .clone()
        .expect("initialized RegExp");
    let size = agent.string_length(s);
    let mut parts: Vec<Value> = Vec::new();
    let mut p: usize = 0;
    let mut q: usize = 0;
    while q < size {
        let found = {
            let units = agent.code_units(&s);
            find_match(&matcher, &units, q, unicode_matching, false)
        };
        let found = match found {
            Ok(found) => found,
            Err(MatcherFailed) => {
                return Err(agent.throw_range_error(
                    "The regular expression engine failed on this pattern",
                    gc,
                ));
            }
        };
        // No match at q or after: every remaining sticky attempt fails.
        let Some(found) = found else {
            break;
        };
        q = found.start();
        if q >= size {
            break;
        }
        // Each successful exec of the splitter updates the legacy static properties.
        legacy::update_legacy_static_properties(agent, splitter, s, &found, q);
        let e = found.end().min(size);
        if e == p {
            q = advance_string_index(agent, s, q as u64, unicode_matching) as usize;
            continue;
        }
        parts.push(agent.string_substring(s, p, q, gc).into_value());
        if parts.len() == lim as usize {
            return Ok(create_array_from_list(agent, &parts, gc).into());
        }
        p = e;
        for capture in &found.captures {
            parts.push(match capture {
                Some(range) => agent
                    .string_substring(s, range.start, range.end, gc)
                    .into_value(),
                None => Value::Undefined,
            });
            if parts.len() == lim as usize {
                return Ok(create_array_from_list(agent, &parts, gc).into());
            }
        }
        q = p;
    }
    parts.push(agent.string_substring(s, p, size, gc).into_value());
    Ok(create_array_from_list(agent, &parts, gc).into())
}
