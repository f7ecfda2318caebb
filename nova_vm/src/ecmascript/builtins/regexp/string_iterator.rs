//! ### [22.2.9 RegExp String Iterator Objects](https://tc39.es/ecma262/#sec-regexp-string-iterator-objects)
//!
//! The specification describes the iterator as a generator over an abstract
//! closure; here it is an object whose internal slots hold what the closure
//! captures (the matcher, the string, the flags) and whether it has finished.

use super::exec::{advance_last_index, regexp_exec};
use crate::ecmascript::abstract_operations::{create_iter_result_object, get, to_string};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::heap_layout::arena_ids;
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::handle::define_handle;
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{JsString, Object, PropertyKey, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};
use crate::heap::{Arena, HandleVisitor, Trace};

define_handle!(
    /// Handle to a RegExp String Iterator's internal slots.
    RegExpStringIterator,
    arena_ids::REGEXP_STRING_ITERATORS
);

/// The state of a RegExp String Iterator.
#[derive(Debug)]
pub struct RegExpStringIteratorRecord {
    /// The matcher R and the string S; `None` once the iteration is done.
    pub target: Option<(Object<'static>, JsString<'static>)>,
    /// global
    pub global: bool,
    /// fullUnicode
    pub full_unicode: bool,
}

impl Trace for RegExpStringIteratorRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        if let Some((r, s)) = &mut self.target {
            r.visit(visitor);
            s.trace(visitor);
        }
    }
}

/// Creates %RegExpStringIteratorPrototype%.
pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    // 22.2.9.2 The %RegExpStringIteratorPrototype% Object
    let iterator_prototype = agent.intrinsic(Intrinsic::IteratorPrototype);
    let prototype = agent.create_object(Some(iterator_prototype), ObjectKind::Ordinary, gc);
    agent.set_intrinsic(Intrinsic::RegExpStringIteratorPrototype, prototype);
    agent.define_builtin_method(prototype, BuiltinName::Str("next"), 0, next, gc);
    // 22.2.9.2.2 %RegExpStringIteratorPrototype% [ %Symbol.toStringTag% ]
    let tag = agent.create_string("RegExp String Iterator", gc);
    agent.define_builtin_property(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        tag.into_value(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
}

/// ### [22.2.9.1 CreateRegExpStringIterator ( R, S, global, fullUnicode )](https://tc39.es/ecma262/#sec-createregexpstringiterator)
pub(super) fn create_regexp_string_iterator<'gc>(
    agent: &mut Agent,
    r: Object,
    s: JsString,
    global: bool,
    full_unicode: bool,
    gc: NoGcScope<'gc, '_>,
) -> Object<'gc> {
    // 1. Let closure be a new Abstract Closure with no parameters that captures R, S,
    //    global, and fullUnicode and performs the steps of next (below) when called.
    // 2. Return CreateIteratorFromClosure(closure, "%RegExpStringIteratorPrototype%",
    //    %RegExpStringIteratorPrototype%).
    agent.heap.allocated_since_gc += Arena::<RegExpStringIteratorRecord>::RECORD_BYTES;
    let record = RegExpStringIterator::from_index(agent.heap.regexp_string_iterators.push(
        RegExpStringIteratorRecord {
            target: Some((r.unbind(), s.unbind())),
            global,
            full_unicode,
        },
    ));
    let prototype = agent.intrinsic(Intrinsic::RegExpStringIteratorPrototype);
    agent.create_object(
        Some(prototype),
        ObjectKind::RegExpStringIterator(record),
        gc,
    )
}

/// ### [22.2.9.2.1 %RegExpStringIteratorPrototype%.next ( )](https://tc39.es/ecma262/#sec-%regexpstringiteratorprototype%.next)
fn next<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return ? GeneratorResume(this value, empty, "%RegExpStringIteratorPrototype%").
    //    (GeneratorValidate: the this value must be a RegExp String Iterator.)
    let iterator = match this {
        Value::Object(o) => match o.kind(agent) {
            ObjectKind::RegExpStringIterator(iterator) => Some(iterator),
            _ => None,
        },
        _ => None,
    };
    let Some(iterator) = iterator else {
        return Err(agent.throw_type_error(
            "%RegExpStringIteratorPrototype%.next called on an object that is not a RegExp String Iterator",
            gc.into_nogc(),
        ));
    };
    let record = agent.heap.regexp_string_iterators.get(iterator.index());
    let (global, full_unicode) = (record.global, record.full_unicode);
    let Some((r, s)) = record.target else {
        return Ok(create_iter_result_object(agent, Value::Undefined, true, gc.into_nogc()).into());
    };
    let this = this.bind(gc.nogc()).scope(agent, gc.nogc());
    let r = r.scope(agent, gc.nogc());
    let s = s.scope(agent, gc.nogc());
    // The closure's steps:
    // a. Repeat,
    //    i. Let match be ? RegExpExec(R, S).
    let found = regexp_exec(agent, r.get(agent), s.get(agent), gc.reborrow())?.unbind();
    let found = found.map(|m| m.scope(agent, gc.nogc()));
    //    ii. If match is null, then
    let Some(found) = found else {
        // 1. Return undefined.
        finish(agent, this.get(agent));
        return Ok(create_iter_result_object(agent, Value::Undefined, true, gc.into_nogc()).into());
    };
    //    iii. If global is false, then
    if !global {
        // 1. Perform ? GeneratorYield(CreateIteratorResultObject(match, false)).
        // 2. Return undefined.
        finish(agent, this.get(agent));
        let gc = gc.into_nogc();
        return Ok(create_iter_result_object(agent, found.get(agent).into(), false, gc).into());
    }
    //    iv. Let matchStr be ? ToString(? Get(match, "0")).
    let matched = get(
        agent,
        found.get(agent),
        PropertyKey::Index(0),
        gc.reborrow(),
    )?
    .unbind();
    let match_str = to_string(agent, matched, gc.reborrow())?.unbind();
    //    v. If matchStr is the empty String, then
    if agent.string_length(match_str) == 0 {
        // 1-3. Set R.lastIndex to AdvanceStringIndex(S, ToLength(R.lastIndex), fullUnicode).
        advance_last_index(
            agent,
            r.get(agent),
            s.get(agent),
            full_unicode,
            gc.reborrow(),
        )?;
    }
    //    vi. Perform ? GeneratorYield(CreateIteratorResultObject(match, false)).
    let gc = gc.into_nogc();
    Ok(create_iter_result_object(agent, found.get(agent).into(), false, gc).into())
}

/// Marks the iteration of a RegExp String Iterator object as completed.
fn finish(agent: &mut Agent, this: Value) {
    if let Value::Object(o) = this
        && let ObjectKind::RegExpStringIterator(iterator) = o.kind(agent)
    {
        agent
            .heap
            .regexp_string_iterators
            .get_mut(iterator.index())
            .target = None;
    }
}
