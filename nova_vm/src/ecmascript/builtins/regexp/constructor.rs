//! ### [22.2.4 The RegExp Constructor](https://tc39.es/ecma262/#sec-regexp-constructor)
//! and the abstract operations that create RegExp objects
//! ([22.2.3 Abstract Operations for RegExp Creation](https://tc39.es/ecma262/#sec-abstract-operations-for-regexp-creation)).

use super::matcher::CompileError;
use super::{RegExpFlags, RegExpRecord, escape, legacy, this_regexp};
use crate::ecmascript::abstract_operations::{
    get, get_prototype_from_constructor, is_reg_exp, same_value, set, to_string,
};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{JsString, Object, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};
use crate::heap::Arena;

use super::RegExp;

/// Creates %RegExp% with its properties.
pub(super) fn initialize(agent: &mut Agent, prototype: Object, gc: NoGcScope) {
    let constructor = agent.create_builtin_constructor(
        "RegExp",
        2,
        regexp_constructor,
        Some(prototype),
        None,
        gc,
    );
    agent.set_intrinsic(Intrinsic::RegExp, constructor);
    // 22.2.5.1 RegExp.escape ( S )
    agent.define_builtin_method(
        constructor,
        BuiltinName::Str("escape"),
        1,
        escape::regexp_escape,
        gc,
    );
    // 22.2.5.3 get RegExp [ %Symbol.species% ]
    agent.define_builtin_accessor(
        constructor,
        BuiltinName::Symbol(WellKnownSymbol::Species),
        Some(get_species),
        None,
        gc,
    );
    legacy::initialize(agent, constructor, gc);
}

/// ### [22.2.4.1 RegExp ( pattern, flags )](https://tc39.es/ecma262/#sec-regexp-pattern-flags)
fn regexp_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let pattern = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    let flags = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    let new_target = new_target.map(|t| t.bind(gc.nogc()).scope(agent, gc.nogc()));
    // 1. Let patternIsRegExp be ? IsRegExp(pattern).
    let pattern_is_regexp = is_reg_exp(agent, pattern.get(agent), gc.reborrow())?;
    // 2. If NewTarget is undefined, then
    let new_target = match new_target {
        Some(new_target) => new_target.get(agent).bind(gc.nogc()),
        None => {
            // a. Let newTarget be the active function object.
            let active = agent.intrinsic(Intrinsic::RegExp);
            // b. If patternIsRegExp is true and flags is undefined, then
            if pattern_is_regexp
                && flags.get(agent).is_undefined()
                && let Value::Object(p) = pattern.get(agent)
            {
                // i. Let patternConstructor be ? Get(pattern, "constructor").
                let key = agent.static_key("constructor");
                let pattern_constructor = get(agent, p, key, gc.reborrow())?.unbind();
                // ii. If SameValue(newTarget, patternConstructor) is true, return pattern.
                if same_value(agent, active.into(), pattern_constructor) {
                    return Ok(pattern.get(agent).bind(gc.into_nogc()));
                }
            }
            agent.intrinsic(Intrinsic::RegExp).bind(gc.nogc())
        }
    };
    let new_target = new_target.scope(agent, gc.nogc());
    // 4. If pattern is an Object and pattern has a [[RegExpMatcher]] internal slot, then
    let (p, f) = if let Some(r) = this_regexp(agent, pattern.get(agent)) {
        let record = agent.regexp_record(r);
        let (source, original_flags) = (record.original_source, record.original_flags);
        // a. Let P be pattern.[[OriginalSource]].
        // b. If flags is undefined, let F be pattern.[[OriginalFlags]].
        // c. Else, let F be flags.
        let f = if flags.get(agent).is_undefined() {
            agent
                .create_string(&original_flags.to_letters(), gc.nogc())
                .into_value()
        } else {
            flags.get(agent).bind(gc.nogc())
        };
        (source.into_value(), f)
    } else if pattern_is_regexp {
        // 5. Else if patternIsRegExp is true, then
        let Value::Object(p) = pattern.get(agent) else {
            unreachable!("IsRegExp is true only for objects")
        };
        // a. Let P be ? Get(pattern, "source").
        let key = agent.static_key("source");
        let source = get(agent, p, key, gc.reborrow())?
            .unbind()
            .scope(agent, gc.nogc());
        // b. If flags is undefined, then
        let f = if flags.get(agent).is_undefined() {
            // i. Let F be ? Get(pattern, "flags").
            let Value::Object(p) = pattern.get(agent) else {
                unreachable!("IsRegExp is true only for objects")
            };
            let key = agent.static_key("flags");
            get(agent, p, key, gc.reborrow())?.unbind()
        } else {
            // c. Else, let F be flags.
            flags.get(agent)
        };
        (source.get(agent), f.bind(gc.nogc()))
    } else {
        // 6. Else,
        // a. Let P be pattern.
        // b. Let F be flags.
        (pattern.get(agent), flags.get(agent))
    };
    let p = p.unbind().scope(agent, gc.nogc());
    let f = f.unbind().scope(agent, gc.nogc());
    // 7. Let O be ? RegExpAlloc(newTarget).
    let o = regexp_alloc(agent, new_target.get(agent), gc.reborrow())?.unbind();
    // 8. Return ? RegExpInitialize(O, P, F).
    let o = regexp_initialize(agent, o, p.get(agent), f.get(agent), gc)?;
    Ok(o.into())
}

/// ### [22.2.3.1 RegExpCreate ( P, F )](https://tc39.es/ecma262/#sec-regexpcreate)
pub(crate) fn regexp_create<'gc>(
    agent: &mut Agent,
    p: Value,
    f: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    let p = p.bind(gc.nogc());
    let f = f.bind(gc.nogc());
    // 1. Let obj be ! RegExpAlloc(%RegExp%).
    let obj = regexp_alloc_intrinsic(agent, gc.nogc());
    // 2. Return ? RegExpInitialize(obj, P, F).
    regexp_initialize(agent, obj.unbind(), p.unbind(), f.unbind(), gc)
}

/// A regular expression literal's evaluation
/// ([13.2.7.3 Runtime Semantics: Evaluation](https://tc39.es/ecma262/#sec-regular-expression-literals-runtime-semantics-evaluation)):
/// `Return ! RegExpCreate(pattern, flags).` The literal's syntax was checked
/// before the script ran.
pub(crate) fn regexp_create_literal<'gc>(
    agent: &mut Agent,
    pattern: Value,
    flags: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    regexp_create(agent, pattern, flags, gc)
}

/// ### [22.2.3.2 RegExpAlloc ( newTarget )](https://tc39.es/ecma262/#sec-regexpalloc)
pub(crate) fn regexp_alloc<'gc>(
    agent: &mut Agent,
    new_target: Object,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    let new_target = new_target.bind(gc.nogc());
    // (Annex B: thisRealm is the current Realm Record; legacy features are
    // enabled when newTarget is thisRealm.[[Intrinsics]].[[%RegExp%]].)
    let legacy_features_enabled = new_target == agent.intrinsic(Intrinsic::RegExp);
    // 1. Let obj be ? OrdinaryCreateFromConstructor(newTarget, "%RegExp.prototype%",
    //    « [[OriginalSource]], [[OriginalFlags]], [[RegExpMatcher]] »).
    let prototype = get_prototype_from_constructor(
        agent,
        new_target.unbind(),
        Intrinsic::RegExpPrototype,
        gc.reborrow(),
    )?
    .unbind();
    let gc = gc.into_nogc();
    let obj = allocate(agent, prototype, legacy_features_enabled, gc);
    Ok(obj)
}

/// RegExpAlloc(%RegExp%), which cannot fail or run JavaScript.
fn regexp_alloc_intrinsic<'gc>(agent: &mut Agent, gc: NoGcScope<'gc, '_>) -> Object<'gc> {
    let prototype = agent.intrinsic(Intrinsic::RegExpPrototype);
    allocate(agent, prototype, true, gc)
}

/// The steps of RegExpAlloc after the prototype is known.
fn allocate<'gc>(
    agent: &mut Agent,
    prototype: Object,
    legacy_features_enabled: bool,
    gc: NoGcScope<'gc, '_>,
) -> Object<'gc> {
    agent.heap.allocated_since_gc += Arena::<RegExpRecord>::RECORD_BYTES;
    let realm = agent.current_realm_id();
    let record = RegExp::from_index(agent.heap.regexps.push(RegExpRecord {
        original_source: JsString::EMPTY,
        original_flags: RegExpFlags::default(),
        matcher: None,
        realm,
        legacy_features_enabled,
    }));
    let obj = agent.create_object(Some(prototype), ObjectKind::RegExp(record), gc);
    // 2. Perform ! DefinePropertyOrThrow(obj, "lastIndex", PropertyDescriptor {
    //    [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: false }).
    let key = agent.static_key("lastIndex");
    obj.add_named_data(
        agent,
        key,
        Value::Undefined,
        Attributes::data(true, false, false),
    );
    // 3. Return obj.
    obj
}

/// ### [22.2.3.3 RegExpInitialize ( obj, pattern, flags )](https://tc39.es/ecma262/#sec-regexpinitialize)
pub(crate) fn regexp_initialize<'gc>(
    agent: &mut Agent,
    obj: Object,
    pattern: Value,
    flags: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    let obj = obj.bind(gc.nogc()).scope(agent, gc.nogc());
    let flags = flags.bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. If pattern is undefined, let P be the empty String.
    // 2. Else, let P be ? ToString(pattern).
    let p = if pattern.is_undefined() {
        JsString::EMPTY
    } else {
        to_string(agent, pattern, gc.reborrow())?.unbind()
    };
    let p = p.scope(agent, gc.nogc());
    // 3. If flags is undefined, let F be the empty String.
    // 4. Else, let F be ? ToString(flags).
    let f = if flags.get(agent).is_undefined() {
        JsString::EMPTY
    } else {
        to_string(agent, flags.get(agent), gc.reborrow())?.unbind()
    };
    let gc_nogc = gc.nogc();
    let f = f.bind(gc_nogc);
    // 5. If F contains any code unit other than "d", "g", "i", "m", "s", "u", "v", or
    //    "y", or if F contains any code unit more than once, throw a SyntaxError exception.
    // 6. If F contains "i", let i be true; else let i be false.
    // 7-12. (m, s, u, v; if both u and v, throw a SyntaxError exception.)
    let Some(parsed_flags) = RegExpFlags::parse(&agent.code_units(&f)) else {
        let message = format!(
            "Invalid regular expression flags '{}'",
            agent.string_lossy(f)
        );
        return Err(agent.throw_syntax_error(&message, gc.into_nogc()));
    };
    // 13-15. Let patternText be P (as code points if u or v); let parseResult be
    //        ParsePattern(patternText, u, v); if it is a List of SyntaxError objects,
    //        throw a SyntaxError exception.
    // 16. Assert: parseResult is a Pattern Parse Node.
    let matcher = match agent.compile_regexp(p.get(agent), parsed_flags) {
        Ok(matcher) => matcher,
        Err(CompileError::Syntax(message)) => {
            let message = format!(
                "Invalid regular expression: /{}/{}: {message}",
                agent.string_lossy(p.get(agent)),
                parsed_flags.to_letters()
            );
            return Err(agent.throw_syntax_error(&message, gc.into_nogc()));
        }
        Err(CompileError::Unsupported) => {
            let message = format!(
                "Regular expression /{}/ is not supported",
                agent.string_lossy(p.get(agent))
            );
            return Err(agent.throw_syntax_error(&message, gc.into_nogc()));
        }
    };
    let obj_handle = obj.get(agent);
    let Some(r) = super::regexp_slots(agent, obj_handle) else {
        unreachable!("RegExpInitialize on an object without RegExp slots")
    };
    // 17. Set obj.[[OriginalSource]] to P.
    // 18. Set obj.[[OriginalFlags]] to F.
    // 19-20. Set obj.[[RegExpRecord]] and obj.[[RegExpMatcher]].
    let source = p.get(agent).unbind();
    let record = agent.heap.regexps.get_mut(r.index());
    record.original_source = source;
    record.original_flags = parsed_flags;
    record.matcher = Some(matcher);
    // 21. Perform ? Set(obj, "lastIndex", +0𝔽, true).
    let key = agent.static_key("lastIndex");
    set(
        agent,
        obj.get(agent),
        key,
        Value::from_i32(0),
        true,
        gc.reborrow(),
    )?;
    // 22. Return obj.
    Ok(obj.get(agent).bind(gc.into_nogc()))
}

/// ### [22.2.5.3 get RegExp [ %Symbol.species% ]](https://tc39.es/ecma262/#sec-get-regexp-%symbol.species%)
fn get_species<'gc>(
    _agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return the this value.
    Ok(this.unbind().bind(gc.into_nogc()))
}
