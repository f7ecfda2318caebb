//! Annex B legacy RegExp static properties (`RegExp.$1`-`$9`, `input`/`$_`,
//! `lastMatch`/`$&`, `lastParen`/`$+`, `leftContext`/`` $` ``,
//! `rightContext`/`$'`), as specified by the
//! [RegExp Legacy Features](https://github.com/tc39/proposal-regexp-legacy-features)
//! proposal that test262 follows.
//!
//! The values live in the realm ([`LegacyStatics`]): the last subject with the
//! match and capture ranges, turned into strings only when a getter asks.

use regress::Match;

use crate::ecmascript::abstract_operations::{same_value, to_string};
use crate::ecmascript::builtins::function_objects::RegularFn;
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::{JsString, Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope};
use crate::heap::{HandleVisitor, Trace};

/// The legacy static properties of one realm's %RegExp%.
#[derive(Debug)]
pub struct LegacyStatics {
    /// `[[RegExpInput]]`; `None` when empty.
    input: Option<JsString<'static>>,
    /// The other slots, derived from the last match; `None` when empty.
    last: Option<LastMatch>,
}

/// The last successful match, from which the slots other than
/// `[[RegExpInput]]` are derived.
#[derive(Debug)]
struct LastMatch {
    subject: JsString<'static>,
    start: usize,
    end: usize,
    captures: Vec<Option<(usize, usize)>>,
}

impl Default for LegacyStatics {
    fn default() -> Self {
        LegacyStatics {
            input: Some(JsString::EMPTY),
            last: Some(LastMatch {
                subject: JsString::EMPTY,
                start: 0,
                end: 0,
                captures: Vec::new(),
            }),
        }
    }
}

impl Trace for LegacyStatics {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.input.trace(visitor);
        if let Some(last) = &mut self.last {
            last.subject.trace(visitor);
        }
    }
}

/// Which internal slot an accessor reads.
#[derive(Clone, Copy)]
enum Slot {
    Input,
    LastMatch,
    LastParen,
    LeftContext,
    RightContext,
    Paren(usize),
}

/// Defines the accessors on %RegExp%.
pub(super) fn initialize(agent: &mut Agent, constructor: Object, gc: NoGcScope) {
    let input: [(&'static str, RegularFn); 2] = [("input", get_input), ("$_", get_input)];
    for (name, getter) in input {
        agent.define_builtin_accessor(
            constructor,
            BuiltinName::Str(name),
            Some(getter),
            Some(set_input),
            gc,
        );
    }
    let getters: [(&'static str, RegularFn); 17] = [
        ("lastMatch", get_last_match),
        ("$&", get_last_match),
        ("lastParen", get_last_paren),
        ("$+", get_last_paren),
        ("leftContext", get_left_context),
        ("$`", get_left_context),
        ("rightContext", get_right_context),
        ("$'", get_right_context),
        ("$1", get_paren::<1>),
        ("$2", get_paren::<2>),
        ("$3", get_paren::<3>),
        ("$4", get_paren::<4>),
        ("$5", get_paren::<5>),
        ("$6", get_paren::<6>),
        ("$7", get_paren::<7>),
        ("$8", get_paren::<8>),
        ("$9", get_paren::<9>),
    ];
    for (name, getter) in getters {
        agent.define_builtin_accessor(constructor, BuiltinName::Str(name), Some(getter), None, gc);
    }
}

/// UpdateLegacyRegExpStaticProperties ( C, S, startIndex, endIndex, capturedValues )
/// or InvalidateLegacyRegExpStaticProperties ( C ), as the end of RegExpBuiltinExec
/// chooses: only for a RegExp of the current realm, and an update only if its
/// legacy features are enabled.
pub(super) fn update_legacy_static_properties(
    agent: &mut Agent,
    r: Object,
    s: JsString,
    found: &Match,
    start: usize,
) {
    let Some(slots) = super::this_regexp(agent, r.into()) else {
        return;
    };
    let record = agent.regexp_record(slots);
    // Let thisRealm be the current Realm Record. Let rRealm be R.[[Realm]].
    // If SameValue(thisRealm, rRealm) is true, then
    if record.realm != agent.current_realm_id() {
        return;
    }
    let enabled = record.legacy_features_enabled;
    let realm = agent.current_realm_id().0 as usize;
    let statics = &mut agent.realms[realm].regexp_legacy;
    if enabled {
        // i. Perform UpdateLegacyRegExpStaticProperties(%RegExp%, S, lastIndex, e,
        //    capturedValues).
        statics.input = Some(s.unbind());
        statics.last = Some(LastMatch {
            subject: s.unbind(),
            start,
            end: found.end(),
            captures: found
                .captures
                .iter()
                .map(|c| c.as_ref().map(|r| (r.start, r.end)))
                .collect(),
        });
    } else {
        // ii. Perform InvalidateLegacyRegExpStaticProperties(%RegExp%).
        statics.input = None;
        statics.last = None;
    }
}

/// GetLegacyRegExpStaticProperty ( C, thisValue, internalSlotName )
fn get_legacy<'gc>(
    agent: &mut Agent,
    this: Value,
    slot: Slot,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Assert: C is an object that has an internal slot named internalSlotName.
    let c = agent.intrinsic(Intrinsic::RegExp);
    // 2. If SameValue(C, thisValue) is false, throw a TypeError exception.
    if !same_value(agent, c.into(), this) {
        return Err(agent.throw_type_error(
            "RegExp legacy static properties are only readable on RegExp itself",
            gc,
        ));
    }
    // 3. Let value be the value of the internal slot of C named internalSlotName.
    // 4. If value is empty, throw a TypeError exception.
    let realm = agent.current_realm_id().0 as usize;
    let statics = &agent.realms[realm].regexp_legacy;
    let value = match slot {
        Slot::Input => statics.input.map(|s| (s, 0, usize::MAX)),
        _ => statics.last.as_ref().map(|last| {
            let capture = |i: usize| {
                last.captures
                    .get(i)
                    .copied()
                    .flatten()
                    .map_or((JsString::EMPTY, 0, 0), |(a, b)| (last.subject, a, b))
            };
            match slot {
                Slot::LastMatch => (last.subject, last.start, last.end),
                Slot::LastParen => match last.captures.len() {
                    0 => (JsString::EMPTY, 0, 0),
                    n => capture(n - 1),
                },
                Slot::LeftContext => (last.subject, 0, last.start),
                Slot::RightContext => (last.subject, last.end, usize::MAX),
                Slot::Paren(n) => capture(n - 1),
                Slot::Input => unreachable!("handled above"),
            }
        }),
    };
    let Some((s, start, end)) = value else {
        return Err(agent.throw_type_error(
            "RegExp legacy static properties are unavailable after a match of a subclass",
            gc,
        ));
    };
    // 5. Return value.
    let end = end.min(agent.string_length(s));
    Ok(agent.string_substring(s, start, end, gc).into_value())
}

/// get RegExp.input / RegExp.$_
fn get_input<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    get_legacy(agent, this, Slot::Input, gc.into_nogc())
}

/// get RegExp.lastMatch / RegExp["$&"]
fn get_last_match<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    get_legacy(agent, this, Slot::LastMatch, gc.into_nogc())
}

/// get RegExp.lastParen / RegExp["$+"]
fn get_last_paren<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    get_legacy(agent, this, Slot::LastParen, gc.into_nogc())
}

/// get RegExp.leftContext / RegExp["$`"]
fn get_left_context<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    get_legacy(agent, this, Slot::LeftContext, gc.into_nogc())
}

/// get RegExp.rightContext / RegExp["$'"]
fn get_right_context<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    get_legacy(agent, this, Slot::RightContext, gc.into_nogc())
}

/// get RegExp.$1 … RegExp.$9
fn get_paren<'gc, const N: usize>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    get_legacy(agent, this, Slot::Paren(N), gc.into_nogc())
}

/// set RegExp.input / RegExp.$_: SetLegacyRegExpStaticProperty ( C, thisValue,
/// internalSlotName, val )
fn set_input<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Assert: C is an object that has an internal slot named internalSlotName.
    let c = agent.intrinsic(Intrinsic::RegExp);
    // 2. If SameValue(C, thisValue) is false, throw a TypeError exception.
    if !same_value(agent, c.into(), this) {
        return Err(agent.throw_type_error(
            "RegExp legacy static properties are only writable on RegExp itself",
            gc.into_nogc(),
        ));
    }
    // 3. Let strVal be ? ToString(val).
    let value = to_string(agent, args.get(0), gc.reborrow())?.unbind();
    // 4. Set the value of the internal slot of C named internalSlotName to strVal.
    let realm = agent.current_realm_id().0 as usize;
    agent.realms[realm].regexp_legacy.input = Some(value);
    Ok(Value::Undefined)
}
