//! ### [22.2.7 Abstract Operations for RegExp Matching](https://tc39.es/ecma262/#sec-regexp-abstract-operations)
//! and [22.2.6.2 RegExp.prototype.exec](https://tc39.es/ecma262/#sec-regexp.prototype.exec) /
//! [22.2.6.16 RegExp.prototype.test](https://tc39.es/ecma262/#sec-regexp.prototype.test).

use regress::Match;

use super::matcher::{MatcherFailed, code_point_start, find_match};
use super::{RegExp, RegExpFlags, legacy, require_regexp, this_regexp};
use crate::ecmascript::abstract_operations::{
    call_function, create_array_from_list, get, is_callable, set, to_length, to_string,
};
use crate::ecmascript::builtins::{ArgumentsList, key};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{
    JsString, Object, Value, is_leading_surrogate, is_trailing_surrogate,
};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// ### [22.2.6.2 RegExp.prototype.exec ( string )](https://tc39.es/ecma262/#sec-regexp.prototype.exec)
pub(super) fn exec<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let this = this.bind(gc.nogc());
    // 1. Let R be the this value.
    // 2. Perform ? RequireInternalSlot(R, [[RegExpMatcher]]).
    require_regexp(agent, this, "exec", gc.nogc())?;
    let r = this.scope(agent, gc.nogc());
    // 3. Let S be ? ToString(string).
    let s = to_string(agent, args.get(0), gc.reborrow())?.unbind();
    let Value::Object(r) = r.get(agent) else {
        unreachable!("a RegExp is an object")
    };
    // 4. Return ? RegExpBuiltinExec(R, S).
    let result = regexp_builtin_exec(agent, r, s, gc)?;
    Ok(result.map_or(Value::Null, Object::into))
}

/// ### [22.2.6.16 RegExp.prototype.test ( S )](https://tc39.es/ecma262/#sec-regexp.prototype.test)
pub(super) fn test<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let this = this.bind(gc.nogc());
    // 1. Let R be the this value.
    // 2. If R is not an Object, throw a TypeError exception.
    let Value::Object(r) = this else {
        return Err(agent.throw_type_error(
            "RegExp.prototype.test called on a non-object",
            gc.into_nogc(),
        ));
    };
    let r = r.scope(agent, gc.nogc());
    // 3. Let string be ? ToString(S).
    let s = to_string(agent, args.get(0), gc.reborrow())?.unbind();
    // 4. Let match be ? RegExpExec(R, string).
    // 5. If match is not null, return true; else return false.
    let matched = regexp_exec_test(agent, r.get(agent), s, gc)?;
    Ok(Value::Boolean(matched))
}

/// Whether `Get(R, "exec")` would return %RegExp.prototype.exec% without
/// running JavaScript, for an object with RegExp slots: then RegExpExec is
/// RegExpBuiltinExec and the result array may be skipped when unobservable.
pub(super) fn has_builtin_exec(agent: &mut Agent, r: Object) -> bool {
    if this_regexp(agent, r.into()).is_none() {
        return false;
    }
    let key = key("exec");
    let mut object = Some(r);
    while let Some(o) = object {
        if o.is_proxy(agent) {
            return false;
        }
        if let Some(entry) = o.find_named(agent, key) {
            if entry.attributes.is_accessor() {
                return false;
            }
            let value = o.slot(agent, entry.slot);
            return value == agent.intrinsic(Intrinsic::RegExpPrototypeExec).into();
        }
        if !matches!(o.kind(agent), ObjectKind::Ordinary | ObjectKind::RegExp(_)) {
            return false;
        }
        object = o.stored_prototype(agent);
    }
    false
}

/// RegExpExec(R, S) when only whether it matched is needed (RegExp.prototype.test).
pub(super) fn regexp_exec_test<'gc>(
    agent: &mut Agent,
    r: Object,
    s: JsString,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    if has_builtin_exec(agent, r) {
        let found = regexp_builtin_match(agent, r, s, gc)?;
        return Ok(found.is_some());
    }
    Ok(regexp_exec(agent, r, s, gc)?.is_some())
}

/// ### [22.2.7.1 RegExpExec ( R, S )](https://tc39.es/ecma262/#sec-regexpexec)
pub(crate) fn regexp_exec<'gc>(
    agent: &mut Agent,
    r: Object,
    s: JsString,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Object<'gc>>> {
    let r = r.bind(gc.nogc());
    let s = s.bind(gc.nogc());
    if has_builtin_exec(agent, r) {
        return regexp_builtin_exec(agent, r.unbind(), s.unbind(), gc);
    }
    let r = r.scope(agent, gc.nogc());
    let s = s.scope(agent, gc.nogc());
    // 1. Let exec be ? Get(R, "exec").
    let exec = get(agent, r.get(agent), key("exec"), gc.reborrow())?.unbind();
    // 2. If IsCallable(exec) is true, then
    if is_callable(agent, exec) {
        // a. Let result be ? Call(exec, R, « S »).
        let result = call_function(
            agent,
            exec,
            r.get(agent).into(),
            ArgumentsList(&[s.get(agent).into_value()]),
            gc.reborrow(),
        )?
        .unbind();
        let gc = gc.into_nogc();
        // b. If result is not an Object and result is not null, throw a TypeError exception.
        // c. Return result.
        return match result {
            Value::Object(o) => Ok(Some(o.bind(gc))),
            Value::Null => Ok(None),
            _ => Err(agent.throw_type_error(
                "The result of a RegExp exec method must be an object or null",
                gc,
            )),
        };
    }
    // 3. Perform ? RequireInternalSlot(R, [[RegExpMatcher]]).
    let r = r.get(agent);
    if this_regexp(agent, r.into()).is_none() {
        return Err(agent.throw_type_error(
            "RegExpExec called on an object that is not a RegExp",
            gc.into_nogc(),
        ));
    }
    // 4. Return ? RegExpBuiltinExec(R, S).
    regexp_builtin_exec(agent, r, s.get(agent), gc)
}

/// A successful match of RegExpBuiltinExec, before its result array is built.
pub(crate) struct BuiltinMatch {
    /// The match (capture ranges are code-unit indexes of S).
    pub found: Match,
    /// `lastIndex` where the match succeeded: the result's `index`.
    pub index: usize,
    /// The flags of the RegExp.
    pub flags: RegExpFlags,
}

/// ### [22.2.7.2 RegExpBuiltinExec ( R, S )](https://tc39.es/ecma262/#sec-regexpbuiltinexec)
pub(crate) fn regexp_builtin_exec<'gc>(
    agent: &mut Agent,
    r: Object,
    s: JsString,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Object<'gc>>> {
    let s = s.bind(gc.nogc()).scope(agent, gc.nogc());
    // 1-16. (The match itself, and lastIndex.)
    let found = regexp_builtin_match(agent, r, s.get(agent), gc.reborrow())?;
    let gc = gc.into_nogc();
    let Some(found) = found else {
        return Ok(None);
    };
    // 17-35. (The result array.)
    Ok(Some(build_match_result(agent, s.get(agent), &found, gc)))
}

/// Steps 1-16 of [RegExpBuiltinExec](https://tc39.es/ecma262/#sec-regexpbuiltinexec):
/// reads and updates `lastIndex` and runs the matcher.
pub(crate) fn regexp_builtin_match<'gc>(
    agent: &mut Agent,
    r: Object,
    s: JsString,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<BuiltinMatch>> {
    let r = r.bind(gc.nogc()).scope(agent, gc.nogc());
    let s = s.bind(gc.nogc()).scope(agent, gc.nogc());
    let last_index_key = agent.static_key("lastIndex");
    // 1. Let length be the length of S.
    let length = agent.string_length(s.get(agent));
    // 2. Let lastIndex be ℝ(? ToLength(! Get(R, "lastIndex"))).
    let last_index = get(agent, r.get(agent), last_index_key, gc.reborrow())?.unbind();
    let mut last_index = match last_index {
        Value::Integer(i) if i >= 0 => i as u64,
        other => to_length(agent, other, gc.reborrow())?,
    };
    let Some(slots) = this_regexp(agent, r.get(agent).into()) else {
        unreachable!("RegExpBuiltinExec on a RegExp")
    };
    let record = agent.regexp_record(slots);
    // 3. Let flags be R.[[OriginalFlags]].
    let flags = record.original_flags;
    // 8. Let matcher be R.[[RegExpMatcher]].
    let matcher = record.matcher.clone().expect("initialized RegExp");
    // 4. If flags contains "g", let global be true; else let global be false.
    let global = flags.contains(RegExpFlags::GLOBAL);
    // 5. If flags contains "y", let sticky be true; else let sticky be false.
    let sticky = flags.contains(RegExpFlags::STICKY);
    // 7. If global is false and sticky is false, set lastIndex to 0.
    if !global && !sticky {
        last_index = 0;
    }
    // 9. If flags contains "u" or "v", let fullUnicode be true; else false.
    let full_unicode = flags.full_unicode();
    // 13. Repeat, while matchSucceeded is false,
    //     a. If lastIndex > length, then
    if last_index > length as u64 {
        //  i. If global is true or sticky is true, then
        //     1. Perform ? Set(R, "lastIndex", +0𝔽, true).
        if global || sticky {
            set(
                agent,
                r.get(agent),
                last_index_key,
                Value::from_i32(0),
                true,
                gc.reborrow(),
            )?;
        }
        //  ii. Return null.
        return Ok(None);
    }
    let last_index = last_index as usize;
    //     b. Let inputIndex be the index into input of the character that was obtained
    //        from element lastIndex of S.
    //     c. Let r be matcher(input, inputIndex).
    //     d. If r is failure, then
    //        i. If sticky is true, then set lastIndex to 0 and return null.
    //        ii. Set lastIndex to AdvanceStringIndex(S, lastIndex, fullUnicode).
    //     e. Else, set matchSucceeded to true.
    // (The search from inputIndex tries the same positions as this loop.)
    let outcome = {
        let string = s.get(agent);
        let units = agent.code_units(&string);
        let start = if full_unicode {
            code_point_start(&units, last_index)
        } else {
            last_index
        };
        find_match(&matcher, &units, start, full_unicode, sticky)
            .map(|found| found.map(|m| (m, start)))
    };
    let found = match outcome {
        Ok(found) => found,
        Err(MatcherFailed) => {
            return Err(agent.throw_range_error(
                "The regular expression engine failed on this pattern",
                gc.into_nogc(),
            ));
        }
    };
    let Some((found, start)) = found else {
        if global || sticky {
            set(
                agent,
                r.get(agent),
                last_index_key,
                Value::from_i32(0),
                true,
                gc.reborrow(),
            )?;
        }
        return Ok(None);
    };
    // The match succeeded at lastIndex (or at a later position the loop reached).
    let index = if found.start() == start {
        last_index
    } else {
        found.start()
    };
    // 14. Let e be r.[[EndIndex]].
    // 15. If fullUnicode is true, set e to GetStringIndex(S, e).
    let e = found.end();
    // 16. If global is true or sticky is true, then
    if global || sticky {
        // a. Perform ? Set(R, "lastIndex", 𝔽(e), true).
        set(
            agent,
            r.get(agent),
            last_index_key,
            Value::from_u32(e as u32),
            true,
            gc.reborrow(),
        )?;
    }
    legacy::update_legacy_static_properties(agent, r.get(agent), s.get(agent), &found, index);
    Ok(Some(BuiltinMatch {
        found,
        index,
        flags,
    }))
}

/// Steps 17-35 of [RegExpBuiltinExec](https://tc39.es/ecma262/#sec-regexpbuiltinexec):
/// the result array (with `index`, `input`, `groups` and, for the d flag, `indices`).
pub(crate) fn build_match_result<'gc>(
    agent: &mut Agent,
    s: JsString,
    matched: &BuiltinMatch,
    gc: NoGcScope<'gc, '_>,
) -> Object<'gc> {
    let s = s.bind(gc);
    let found = &matched.found;
    // 17. Let n be the number of elements in r.[[Captures]].
    // 27. Let matchedSubstr be GetMatchString(S, match).
    // 28. Perform ! CreateDataPropertyOrThrow(A, "0", matchedSubstr).
    // 31. For each integer i such that 1 ≤ i ≤ n, in ascending order, do
    //     a-d. Let capturedValue be undefined if the ith capture is undefined, else
    //          GetMatchString(S, capture).
    //     e. Perform ! CreateDataPropertyOrThrow(A, ! ToString(𝔽(i)), capturedValue).
    let mut values: Vec<Value> = Vec::with_capacity(found.captures.len() + 1);
    values.push(
        agent
            .string_substring(s, matched.index, found.end(), gc)
            .into_value(),
    );
    for capture in &found.captures {
        values.push(match capture {
            Some(range) => agent
                .string_substring(s, range.start, range.end, gc)
                .into_value(),
            None => Value::Undefined,
        });
    }
    // 20. Let A be ! ArrayCreate(n + 1).
    let a = create_array_from_list(agent, &values, gc);
    // 22. Perform ! CreateDataPropertyOrThrow(A, "index", 𝔽(lastIndex)).
    let index_key = agent.static_key("index");
    a.add_named_data(
        agent,
        index_key,
        Value::from_u32(matched.index as u32),
        Attributes::DEFAULT,
    );
    // 23. Perform ! CreateDataPropertyOrThrow(A, "input", S).
    let input_key = agent.static_key("input");
    a.add_named_data(agent, input_key, s.into_value(), Attributes::DEFAULT);
    // 29. If R contains any GroupName, then
    //     a. Let groups be OrdinaryObjectCreate(null).
    //     b. Let hasGroups be true.
    // 30. Else, let groups be undefined and hasGroups be false.
    // 31.f. If the ith capture of R was defined with a GroupName, then
    //     (the value of a duplicated name is that of the group that participated.)
    let named: Vec<(String, Option<std::ops::Range<usize>>)> = found
        .named_groups()
        .map(|(name, range)| (name.to_owned(), range))
        .collect();
    let groups = if named.is_empty() {
        Value::Undefined
    } else {
        let groups = agent.create_object(None, ObjectKind::Ordinary, gc);
        for (name, range) in &named {
            let key = agent.key_from_str(name, gc);
            let value = match range {
                Some(range) => agent
                    .string_substring(s, range.start, range.end, gc)
                    .into_value(),
                None => Value::Undefined,
            };
            groups.add_named_data(agent, key, value, Attributes::DEFAULT);
        }
        groups.into()
    };
    // 30. Perform ! CreateDataPropertyOrThrow(A, "groups", groups).
    let groups_key = agent.static_key("groups");
    a.add_named_data(agent, groups_key, groups, Attributes::DEFAULT);
    // 32. If hasIndices is true, then
    if matched.flags.contains(RegExpFlags::HAS_INDICES) {
        // a. Let indicesArray be MakeMatchIndicesIndexPairArray(S, indices, groupNames,
        //    hasGroups).
        let indices = make_match_indices_index_pair_array(agent, matched, &named, gc);
        // b. Perform ! CreateDataPropertyOrThrow(A, "indices", indicesArray).
        let indices_key = agent.static_key("indices");
        a.add_named_data(agent, indices_key, indices.into(), Attributes::DEFAULT);
    }
    // 35. Return A.
    a
}

/// ### [22.2.7.8 MakeMatchIndicesIndexPairArray ( S, indices, groupNames, hasGroups )](https://tc39.es/ecma262/#sec-makematchindicesindexpairarray)
fn make_match_indices_index_pair_array<'gc>(
    agent: &mut Agent,
    matched: &BuiltinMatch,
    named: &[(String, Option<std::ops::Range<usize>>)],
    gc: NoGcScope<'gc, '_>,
) -> Object<'gc> {
    let found = &matched.found;
    // 7. For each integer i such that 0 ≤ i < n, in ascending order, do
    //    a. Let matchIndices be indices[i].
    //    b. If matchIndices is not undefined, let matchIndexPair be
    //       GetMatchIndexPair(S, matchIndices); else undefined.
    //    c. Perform ! CreateDataPropertyOrThrow(A, ! ToString(𝔽(i)), matchIndexPair).
    let mut pairs: Vec<Value> = Vec::with_capacity(found.captures.len() + 1);
    pairs.push(index_pair(agent, matched.index, found.end(), gc));
    for capture in &found.captures {
        pairs.push(match capture {
            Some(range) => index_pair(agent, range.start, range.end, gc),
            None => Value::Undefined,
        });
    }
    // 4. Let A be ! ArrayCreate(n).
    let a = create_array_from_list(agent, &pairs, gc);
    // 5. If hasGroups is true, let groups be OrdinaryObjectCreate(null); else undefined.
    let groups = if named.is_empty() {
        Value::Undefined
    } else {
        let groups = agent.create_object(None, ObjectKind::Ordinary, gc);
        // 7.d. If i > 0 and groupNames[i - 1] is not undefined, then
        //      i. Perform ! CreateDataPropertyOrThrow(groups, groupNames[i - 1], matchIndexPair).
        for (name, range) in named {
            let key = agent.key_from_str(name, gc);
            let value = match range {
                Some(range) => index_pair(agent, range.start, range.end, gc),
                None => Value::Undefined,
            };
            groups.add_named_data(agent, key, value, Attributes::DEFAULT);
        }
        groups.into()
    };
    // 6. Perform ! CreateDataPropertyOrThrow(A, "groups", groups).
    let groups_key = agent.static_key("groups");
    a.add_named_data(agent, groups_key, groups, Attributes::DEFAULT);
    // 8. Return A.
    a
}

/// ### [22.2.7.7 GetMatchIndexPair ( S, match )](https://tc39.es/ecma262/#sec-getmatchindexpair)
fn index_pair<'gc>(
    agent: &mut Agent,
    start: usize,
    end: usize,
    gc: NoGcScope<'gc, '_>,
) -> Value<'gc> {
    // 3. Return CreateArrayFromList(« 𝔽(match.[[StartIndex]]), 𝔽(match.[[EndIndex]]) »).
    create_array_from_list(
        agent,
        &[Value::from_u32(start as u32), Value::from_u32(end as u32)],
        gc,
    )
    .into()
}

/// ### [22.2.7.3 AdvanceStringIndex ( S, index, unicode )](https://tc39.es/ecma262/#sec-advancestringindex)
pub(crate) fn advance_string_index(agent: &Agent, s: JsString, index: u64, unicode: bool) -> u64 {
    // 1. Assert: index ≤ 2^53 - 1.
    // 2. If unicode is false, return index + 1.
    if !unicode {
        return index + 1;
    }
    // 3. Let length be the length of S.
    let length = agent.string_length(s) as u64;
    // 4. If index + 1 ≥ length, return index + 1.
    if index + 1 >= length {
        return index + 1;
    }
    // 5. Let cp be CodePointAt(S, index).
    // 6. Return index + cp.[[CodeUnitCount]].
    let lead = agent.string_code_unit(s, index as usize);
    let trail = agent.string_code_unit(s, index as usize + 1);
    if is_leading_surrogate(lead) && is_trailing_surrogate(trail) {
        index + 2
    } else {
        index + 1
    }
}

/// The steps shared by the global loops of @@match, @@replace and the RegExp
/// String Iterator after an empty match: `Let thisIndex be ℝ(? ToLength(? Get(rx,
/// "lastIndex"))).`, `Let nextIndex be AdvanceStringIndex(S, thisIndex, fullUnicode).`
/// and `Perform ? Set(rx, "lastIndex", 𝔽(nextIndex), true).`
pub(crate) fn advance_last_index<'gc>(
    agent: &mut Agent,
    rx: Object,
    s: JsString,
    full_unicode: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let rx = rx.bind(gc.nogc()).scope(agent, gc.nogc());
    let s = s.bind(gc.nogc()).scope(agent, gc.nogc());
    let key = agent.static_key("lastIndex");
    let this_index = get(agent, rx.get(agent), key, gc.reborrow())?.unbind();
    let this_index = to_length(agent, this_index, gc.reborrow())?;
    let next_index = advance_string_index(agent, s.get(agent), this_index, full_unicode);
    let next = agent.number(next_index as f64, gc.nogc()).unbind();
    set(agent, rx.get(agent), key, next, true, gc)
}

/// `RegExp` of a `this` that must be an object, for methods that begin `Let rx be
/// the this value. If rx is not an Object, throw a TypeError exception.`
pub(crate) fn this_object<'gc>(
    agent: &mut Agent,
    this: Value,
    method: &str,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    match this {
        Value::Object(o) => Ok(o.bind(gc)),
        _ => {
            let message = format!("RegExp.prototype.{method} called on a non-object");
            Err(agent.throw_type_error(&message, gc))
        }
    }
}

/// The RegExp record of an object known to be a RegExp.
pub(crate) fn slots_of(agent: &Agent, r: Object) -> Option<RegExp<'static>> {
    this_regexp(agent, r.into())
}
