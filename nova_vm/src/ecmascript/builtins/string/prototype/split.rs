//! ### [22.1.3.23 String.prototype.split ( separator, limit )](https://tc39.es/ecma262/#sec-string.prototype.split)

use super::regexp_methods::require_this_coercible;
use crate::ecmascript::abstract_operations::{
    call_function, create_array_from_list, get_method, to_string, to_uint32,
};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, Rootable};

/// ### [22.1.3.23 String.prototype.split ( separator, limit )](https://tc39.es/ecma262/#sec-string.prototype.split)
pub(super) fn split<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let o = this.bind(gc.nogc());
    let separator = args.get(0).bind(gc.nogc());
    let limit = args.get(1).bind(gc.nogc());
    // 1. Let O be ? RequireObjectCoercible(this value).
    require_this_coercible(agent, o, "split", gc.nogc())?;
    let o = o.scope(agent, gc.nogc());
    let separator = separator.scope(agent, gc.nogc());
    let limit = limit.scope(agent, gc.nogc());
    // 2. If separator is an Object, then
    if separator.get(agent).is_object() {
        // a. Let splitter be ? GetMethod(separator, %Symbol.split%).
        let splitter = get_method(
            agent,
            separator.get(agent),
            WellKnownSymbol::Split.key(),
            gc.reborrow(),
        )?
        .unbind();
        // b. If splitter is not undefined, then
        if let Some(splitter) = splitter {
            // i. Return ? Call(splitter, separator, « O, limit »).
            return call_function(
                agent,
                splitter,
                separator.get(agent),
                ArgumentsList(&[o.get(agent), limit.get(agent)]),
                gc,
            );
        }
    }
    // 3. Let S be ? ToString(O).
    let s = to_string(agent, o.get(agent), gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 4. If limit is undefined, let lim be 2^32 - 1; else let lim be ℝ(? ToUint32(limit)).
    let lim = match limit.get(agent) {
        Value::Undefined => u32::MAX,
        limit => to_uint32(agent, limit, gc.reborrow())?,
    } as usize;
    // 5. Let R be ? ToString(separator).
    let r = to_string(agent, separator.get(agent), gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    let r = r.bind(gc);
    let s = s.get(agent).bind(gc);
    // 6. If lim = 0, then
    if lim == 0 {
        // a. Return CreateArrayFromList(« »).
        return Ok(create_array_from_list(agent, &[], gc).into());
    }
    // 7. If separator is undefined, then
    if separator.get(agent).is_undefined() {
        // a. Return CreateArrayFromList(« S »).
        return Ok(create_array_from_list(agent, &[s.into_value()], gc).into());
    }
    // 8. Let separatorLength be the length of R.
    let separator_length = agent.string_length(r);
    // 9. If separatorLength = 0, then
    if separator_length == 0 {
        // a. Let strLen be the length of S.
        let str_len = agent.string_length(s);
        // b. Let outLen be the result of clamping lim between 0 and strLen.
        let out_len = lim.min(str_len);
        // c. Let head be the substring of S from 0 to outLen.
        // d. Let codeUnits be a List consisting of the sequence of code units that are the
        //    elements of head.
        let code_units: Vec<Value> = (0..out_len)
            .map(|i| agent.string_substring(s, i, i + 1, gc).into_value())
            .collect();
        // e. Return CreateArrayFromList(codeUnits).
        return Ok(create_array_from_list(agent, &code_units, gc).into());
    }
    // 10. If S is the empty String, return CreateArrayFromList(« S »).
    if agent.string_length(s) == 0 {
        return Ok(create_array_from_list(agent, &[s.into_value()], gc).into());
    }
    // 11. Let substrings be a new empty List.
    let mut boundaries = Vec::new();
    let mut full = false;
    let tail_start = {
        let units = agent.code_units(&s);
        let search = agent.code_units(&r);
        // 12. Let i be 0.
        let mut i = 0;
        // 13. Let j be StringIndexOf(S, R, 0).
        let mut j = units.index_of(&search, 0);
        // 14. Repeat, while j is not not-found,
        while let Some(found) = j {
            // a. Let T be the substring of S from i to j.
            // b. Append T to substrings.
            boundaries.push((i, found));
            // c. If the number of elements in substrings is lim, return
            //    CreateArrayFromList(substrings).
            if boundaries.len() == lim {
                full = true;
                break;
            }
            // d. Set i to j + separatorLength.
            i = found + separator_length;
            // e. Set j to StringIndexOf(S, R, i).
            j = units.index_of(&search, i);
        }
        i
    };
    // 15. Let T be the substring of S from i.
    // 16. Append T to substrings.
    if !full {
        let len = agent.string_length(s);
        boundaries.push((tail_start, len));
    }
    let substrings: Vec<Value> = boundaries
        .into_iter()
        .map(|(start, end)| agent.string_substring(s, start, end, gc).into_value())
        .collect();
    // 17. Return CreateArrayFromList(substrings).
    Ok(create_array_from_list(agent, &substrings, gc).into())
}
