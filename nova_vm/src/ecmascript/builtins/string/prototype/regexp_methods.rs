//! String.prototype methods that delegate to a regular expression:
//! [22.1.3.13 match](https://tc39.es/ecma262/#sec-string.prototype.match),
//! [22.1.3.14 matchAll](https://tc39.es/ecma262/#sec-string.prototype.matchall) and
//! [22.1.3.21 search](https://tc39.es/ecma262/#sec-string.prototype.search).

use crate::ecmascript::abstract_operations::{
    call_function, get, get_method, invoke, is_reg_exp, require_object_coercible, to_string,
};
use crate::ecmascript::builtins::regexp::regexp_create;
use crate::ecmascript::builtins::{ArgumentsList, key};
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{JsString, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// ### [22.1.3.13 String.prototype.match ( regexp )](https://tc39.es/ecma262/#sec-string.prototype.match)
pub(super) fn r#match<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    regexp_method(
        agent,
        this,
        args.get(0),
        WellKnownSymbol::Match,
        "match",
        gc,
    )
}

/// ### [22.1.3.21 String.prototype.search ( regexp )](https://tc39.es/ecma262/#sec-string.prototype.search)
pub(super) fn search<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    regexp_method(
        agent,
        this,
        args.get(0),
        WellKnownSymbol::Search,
        "search",
        gc,
    )
}

/// The steps of match and search, which differ only in the well-known symbol.
fn regexp_method<'gc>(
    agent: &mut Agent,
    this: Value,
    regexp: Value,
    symbol: WellKnownSymbol,
    method: &str,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let o = this.bind(gc.nogc());
    let regexp = regexp.bind(gc.nogc());
    // 1. Let O be ? RequireObjectCoercible(this value).
    require_this_coercible(agent, o, method, gc.nogc())?;
    let o = o.scope(agent, gc.nogc());
    let regexp = regexp.scope(agent, gc.nogc());
    // 2. If regexp is an Object, then
    if regexp.get(agent).is_object() {
        // a. Let matcher be ? GetMethod(regexp, %Symbol.match%) (or %Symbol.search%).
        let matcher = get_method(agent, regexp.get(agent), symbol.key(), gc.reborrow())?.unbind();
        // b. If matcher is not undefined, then
        if let Some(matcher) = matcher {
            // i. Return ? Call(matcher, regexp, « O »).
            return call_function(
                agent,
                matcher,
                regexp.get(agent),
                ArgumentsList(&[o.get(agent)]),
                gc,
            );
        }
    }
    // 3. Let S be ? ToString(O).
    let s = to_string(agent, o.get(agent), gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 4. Let rx be ? RegExpCreate(regexp, undefined).
    let rx = regexp_create(agent, regexp.get(agent), Value::Undefined, gc.reborrow())?.unbind();
    // 5. Return ? Invoke(rx, %Symbol.match%, « S ») (or %Symbol.search%).
    invoke(
        agent,
        rx.into(),
        symbol.key(),
        ArgumentsList(&[s.get(agent).into_value()]),
        gc,
    )
}

/// ### [22.1.3.14 String.prototype.matchAll ( regexp )](https://tc39.es/ecma262/#sec-string.prototype.matchall)
pub(super) fn match_all<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let o = this.bind(gc.nogc());
    let regexp = args.get(0).bind(gc.nogc());
    // 1. Let O be ? RequireObjectCoercible(this value).
    require_this_coercible(agent, o, "matchAll", gc.nogc())?;
    let o = o.scope(agent, gc.nogc());
    let regexp = regexp.scope(agent, gc.nogc());
    // 2. If regexp is an Object, then
    if regexp.get(agent).is_object() {
        // a. Let isRegExp be ? IsRegExp(regexp).
        // b. If isRegExp is true, then
        if is_reg_exp(agent, regexp.get(agent), gc.reborrow())? {
            require_global_flag(agent, regexp.get(agent), "matchAll", gc.reborrow())?;
        }
        // c. Let matcher be ? GetMethod(regexp, %Symbol.matchAll%).
        let matcher = get_method(
            agent,
            regexp.get(agent),
            WellKnownSymbol::MatchAll.key(),
            gc.reborrow(),
        )?
        .unbind();
        // d. If matcher is not undefined, then
        if let Some(matcher) = matcher {
            // i. Return ? Call(matcher, regexp, « O »).
            return call_function(
                agent,
                matcher,
                regexp.get(agent),
                ArgumentsList(&[o.get(agent)]),
                gc,
            );
        }
    }
    // 3. Let S be ? ToString(O).
    let s = to_string(agent, o.get(agent), gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 4. Let rx be ? RegExpCreate(regexp, "g").
    let g = JsString::small("g").unwrap_or(JsString::EMPTY);
    let rx = regexp_create(agent, regexp.get(agent), g.into_value(), gc.reborrow())?.unbind();
    // 5. Return ? Invoke(rx, %Symbol.matchAll%, « S »).
    invoke(
        agent,
        rx.into(),
        WellKnownSymbol::MatchAll.key(),
        ArgumentsList(&[s.get(agent).into_value()]),
        gc,
    )
}

/// The steps shared by matchAll and replaceAll when the argument is a regular
/// expression: `Let flags be ? Get(regexp, "flags").`, `Perform ?
/// RequireObjectCoercible(flags).` and `If ? ToString(flags) does not contain "g",
/// throw a TypeError exception.`
pub(super) fn require_global_flag<'gc>(
    agent: &mut Agent,
    regexp: Value,
    method: &str,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let Value::Object(regexp) = regexp else {
        return Ok(());
    };
    // i. Let flags be ? Get(regexp, "flags").
    let flags = get(agent, regexp, key("flags"), gc.reborrow())?.unbind();
    // ii. Perform ? RequireObjectCoercible(flags).
    require_object_coercible(agent, flags, gc.nogc())?;
    // iii. If ? ToString(flags) does not contain "g", throw a TypeError exception.
    let flags = to_string(agent, flags, gc.reborrow())?.unbind();
    let units = agent.code_units(&flags);
    if !(0..units.len()).any(|i| units.at(i) == u16::from(b'g')) {
        let message = format!("String.prototype.{method} called with a non-global RegExp argument");
        return Err(agent.throw_type_error(&message, gc.into_nogc()));
    }
    Ok(())
}

/// `Let O be ? RequireObjectCoercible(this value).`, with the method named in the error.
pub(super) fn require_this_coercible<'gc>(
    agent: &mut Agent,
    this: Value,
    method: &str,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    if this.is_nullish() {
        let message = format!("String.prototype.{method} called on null or undefined");
        return Err(agent.throw_type_error(&message, gc));
    }
    Ok(())
}
