//! ### [22.2 RegExp (Regular Expression) Objects](https://tc39.es/ecma262/#sec-regexp-regular-expression-objects)
//!
//! Patterns are parsed and matched by the `regress` crate. A RegExp object's
//! internal slots live in a [`RegExpRecord`]; the compiled matcher is shared
//! (an `Arc`) and holds no JavaScript values, so the collector only traces the
//! `[[OriginalSource]]` string. `lastIndex` is an ordinary own data property.

mod constructor;
mod escape;
mod exec;
mod flags;
mod legacy;
mod matcher;
mod prototype;
mod string_iterator;
mod symbol_match;
mod symbol_replace;
mod symbol_split;

pub use flags::RegExpFlags;
pub use matcher::RegExpCache;
pub use string_iterator::{RegExpStringIterator, RegExpStringIteratorRecord};

pub use legacy::LegacyStatics;

pub(crate) use constructor::{regexp_create, regexp_create_literal};

use std::sync::Arc;

use crate::ecmascript::execution::heap_layout::arena_ids;
use crate::ecmascript::execution::{Agent, JsResult, RealmId};
use crate::ecmascript::types::handle::define_handle;
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{JsString, Object, Value};
use crate::engine::NoGcScope;
use crate::heap::{HandleVisitor, Trace};

define_handle!(
    /// Handle to a RegExp object's internal slots.
    RegExp,
    arena_ids::REGEXPS
);

/// The internal slots of a RegExp instance
/// ([22.2.8 Properties of RegExp Instances](https://tc39.es/ecma262/#sec-properties-of-regexp-instances)).
#[derive(Debug)]
pub struct RegExpRecord {
    /// `[[OriginalSource]]`
    pub original_source: JsString<'static>,
    /// `[[OriginalFlags]]`, as the set of flags it names.
    pub original_flags: RegExpFlags,
    /// `[[RegExpMatcher]]`; `None` between RegExpAlloc and RegExpInitialize.
    pub matcher: Option<Arc<regress::Regex>>,
    /// `[[Realm]]` (Annex B legacy features).
    pub realm: RealmId,
    /// `[[LegacyFeaturesEnabled]]` (Annex B legacy features).
    pub legacy_features_enabled: bool,
}

impl Trace for RegExpRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.original_source.trace(visitor);
    }
}

/// Creates %RegExp%, %RegExp.prototype% and %RegExpStringIteratorPrototype%.
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let prototype = prototype::initialize(agent, gc);
    constructor::initialize(agent, prototype, gc);
    string_iterator::initialize(agent, gc);
}

/// The RegExp slots of `value`, if it is an initialized RegExp object.
pub(crate) fn this_regexp(agent: &Agent, value: Value) -> Option<RegExp<'static>> {
    match value {
        Value::Object(o) => match o.kind(agent) {
            ObjectKind::RegExp(r) if agent.heap.regexps.get(r.index()).matcher.is_some() => Some(r),
            _ => None,
        },
        _ => None,
    }
}

/// The RegExp slots of an object, initialized or not (`[[RegExpMatcher]]` exists).
pub(crate) fn regexp_slots(agent: &Agent, o: Object) -> Option<RegExp<'static>> {
    match o.kind(agent) {
        ObjectKind::RegExp(r) => Some(r),
        _ => None,
    }
}

/// `RequireInternalSlot(R, [[RegExpMatcher]])`, with the method named in the error.
pub(crate) fn require_regexp<'gc>(
    agent: &mut Agent,
    value: Value,
    method: &str,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, RegExp<'static>> {
    match this_regexp(agent, value) {
        Some(r) => Ok(r),
        None => {
            let message = format!("RegExp.prototype.{method} requires that 'this' be a RegExp");
            Err(agent.throw_type_error(&message, gc))
        }
    }
}

impl Agent {
    /// The record of a RegExp.
    pub(crate) fn regexp_record(&self, r: RegExp) -> &RegExpRecord {
        self.heap.regexps.get(r.index())
    }
}
