//! Integer-indexed property access on array-like objects.
//!
//! Every Array method reads and writes `O[k]` through Get, Set, HasProperty
//! and DeletePropertyOrThrow. When `O` and every object on its prototype chain
//! keep their indexed properties in plain element storage (no String
//! wrappers, no proxies or other exotic kinds), and the element involved is a
//! data property, those operations run no JavaScript and have no effect other
//! than the one on storage — so they are answered directly from the elements
//! record. Anything else goes through the spec's generic operations.

use crate::ecmascript::abstract_operations::{
    create_data_property_or_throw, delete_property_or_throw, get, has_property, set,
};
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::object::{Attributes, ElementRef, ObjectKind};
use crate::ecmascript::types::{Object, PropertyKey, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// 2^53 - 1, the largest length of an array-like object.
pub(crate) const MAX_SAFE_LENGTH: u64 = (1 << 53) - 1;

/// The largest array index + 1: indexes at or above it are string keys.
const INDEX_LIMIT: u64 = u32::MAX as u64;

/// `! ToString(𝔽(index))` as a property key.
pub(crate) fn index_key<'a>(
    agent: &mut Agent,
    index: u64,
    gc: NoGcScope<'a, '_>,
) -> PropertyKey<'a> {
    if index < INDEX_LIMIT {
        PropertyKey::Index(index as u32)
    } else {
        agent.key_from_str(&index.to_string(), gc)
    }
}

/// `𝔽(length)` for a length or index (at most 2^53 - 1).
pub(crate) fn length_value<'a>(agent: &mut Agent, length: u64, gc: NoGcScope<'a, '_>) -> Value<'a> {
    match i32::try_from(length) {
        Ok(i) => Value::Integer(i),
        Err(_) => agent.number(length as f64, gc),
    }
}

/// True for kinds whose integer-indexed properties are exactly their stored
/// elements (ordinary [[GetOwnProperty]], [[DefineOwnProperty]] on indexes,
/// [[HasProperty]], [[Get]], [[Set]] and [[Delete]]). Kinds added later are
/// excluded until someone checks them (mapped arguments objects, for one,
/// alias their elements to the parameters).
fn has_plain_elements(kind: ObjectKind) -> bool {
    matches!(
        kind,
        ObjectKind::Ordinary
            | ObjectKind::Array
            | ObjectKind::Arguments
            | ObjectKind::Error
            | ObjectKind::ECMAScriptFunction(_)
            | ObjectKind::BuiltinFunction(_)
            | ObjectKind::BoundFunction(_)
            | ObjectKind::BooleanObject(_)
            | ObjectKind::NumberObject(_)
            | ObjectKind::Date(_)
            | ObjectKind::SymbolObject(_)
            | ObjectKind::BigIntObject(_)
            | ObjectKind::Generator(_)
            | ObjectKind::ArrayIterator(_)
            | ObjectKind::RegExp(_)
            | ObjectKind::RawJson
    )
}

/// What a lookup of `O[index]` found without running JavaScript.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Lookup<'a> {
    /// HasProperty is true and Get returns this value.
    Present(Value<'a>),
    /// HasProperty is false (and Get returns undefined).
    Absent,
    /// The generic operations must be used (an accessor, an exotic object,
    /// or an index that is not an array index).
    Unknown,
}

/// HasProperty(O, index) and Get(O, index), answered from storage when that
/// is unobservable.
pub(crate) fn lookup<'a>(agent: &Agent, o: Object<'a>, index: u64) -> Lookup<'a> {
    if index >= INDEX_LIMIT {
        return Lookup::Unknown;
    }
    let index = index as u32;
    let mut object = o;
    loop {
        if !has_plain_elements(object.kind(agent)) {
            return Lookup::Unknown;
        }
        if let Some(elements) = object.elements(agent) {
            match elements.get(index) {
                Some(ElementRef::Dense(value, _)) => return Lookup::Present(value),
                Some(ElementRef::Sparse(element)) if !element.attributes.is_accessor() => {
                    return Lookup::Present(element.value);
                }
                Some(ElementRef::Sparse(_)) => return Lookup::Unknown,
                None => {}
            }
        }
        match object.stored_prototype(agent) {
            Some(parent) => object = parent,
            None => return Lookup::Absent,
        }
    }
}

/// The smallest index in `from..end` that may hold a property of `o` (itself
/// or inherited); `end` if none can. Every index skipped is one HasProperty
/// would report absent without running code.
pub(crate) fn next_candidate(agent: &Agent, o: Object, from: u64, end: u64) -> u64 {
    if from >= end || from >= INDEX_LIMIT {
        return from;
    }
    let mut best = end.min(INDEX_LIMIT);
    let mut object = o;
    loop {
        if !has_plain_elements(object.kind(agent)) {
            return from;
        }
        if let Some(elements) = object.elements(agent) {
            let start = from as usize;
            if let Some(offset) = elements
                .dense
                .get(start..)
                .and_then(|rest| rest.iter().position(Option::is_some))
            {
                best = best.min((start + offset) as u64);
            }
            if let Some((&index, _)) = elements.sparse.range(from as u32..).next() {
                best = best.min(u64::from(index));
            }
        }
        match object.stored_prototype(agent) {
            Some(parent) => object = parent,
            None => break,
        }
    }
    // Indexes at or above 2^32 - 1 are string keys: they are looked up one by one.
    if best == INDEX_LIMIT && end > INDEX_LIMIT {
        return INDEX_LIMIT;
    }
    best
}

/// The largest index at or below `from` that may hold a property of `o`, or
/// `None` if none can. Every index skipped is one HasProperty would report
/// absent without running code.
pub(crate) fn previous_candidate(agent: &Agent, o: Object, from: u64) -> Option<u64> {
    if from >= INDEX_LIMIT {
        return Some(from);
    }
    let mut best: Option<u64> = None;
    let mut object = o;
    loop {
        if !has_plain_elements(object.kind(agent)) {
            return Some(from);
        }
        if let Some(elements) = object.elements(agent) {
            let end = (from as usize + 1).min(elements.dense.len());
            if let Some(index) = elements.dense[..end].iter().rposition(Option::is_some) {
                best = best.max(Some(index as u64));
            }
            if let Some((&index, _)) = elements.sparse.range(..=from as u32).next_back() {
                best = best.max(Some(u64::from(index)));
            }
        }
        match object.stored_prototype(agent) {
            Some(parent) => object = parent,
            None => return best,
        }
    }
}

/// ### [7.3.12 HasProperty ( O, P )](https://tc39.es/ecma262/#sec-hasproperty) then [7.3.2 Get ( O, P )](https://tc39.es/ecma262/#sec-get-o-p)
///
/// `kPresent = ? HasProperty(O, Pk)` and, if present, `kValue = ? Get(O, Pk)`:
/// `None` when the property is absent.
pub(crate) fn has_then_get<'gc>(
    agent: &mut Agent,
    o: Object,
    index: u64,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Value<'gc>>> {
    let o = o.bind(gc.nogc());
    match lookup(agent, o, index) {
        Lookup::Present(value) => return Ok(Some(value.unbind().bind(gc.into_nogc()))),
        Lookup::Absent => return Ok(None),
        Lookup::Unknown => {}
    }
    // The roots made for the generic path are dropped when it returns, so
    // that loops calling this do not grow the root stack.
    let mark = agent.scoped_roots.len();
    let result = has_then_get_generic(agent, o.unbind(), index, gc.subscope()).unbind();
    agent.scoped_roots.truncate(mark);
    Ok(result?.bind(gc.into_nogc()))
}

fn has_then_get_generic<'gc>(
    agent: &mut Agent,
    o: Object,
    index: u64,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Value<'gc>>> {
    let o = o.bind(gc.nogc());
    let key = index_key(agent, index, gc.nogc());
    let scoped_o = o.scope(agent, gc.nogc());
    let scoped_key = key.scope(agent, gc.nogc());
    // a. Let kPresent be ? HasProperty(O, Pk).
    if !has_property(agent, o.unbind(), key.unbind(), gc.reborrow())? {
        return Ok(None);
    }
    // b. If kPresent is true, let kValue be ? Get(O, Pk).
    let value = get(agent, scoped_o.get(agent), scoped_key.get(agent), gc)?;
    Ok(Some(value))
}

/// ### [7.3.2 Get ( O, P )](https://tc39.es/ecma262/#sec-get-o-p) for an integer index.
pub(crate) fn get_index<'gc>(
    agent: &mut Agent,
    o: Object,
    index: u64,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let o = o.bind(gc.nogc());
    match lookup(agent, o, index) {
        Lookup::Present(value) => Ok(value.unbind().bind(gc.into_nogc())),
        Lookup::Absent => Ok(Value::Undefined),
        Lookup::Unknown => {
            let key = index_key(agent, index, gc.nogc());
            get(agent, o.unbind(), key.unbind(), gc)
        }
    }
}

/// Stores `O[index] = value` if [[Set]] would do exactly that without running
/// code; returns false (having done nothing) otherwise.
fn try_set_in_storage(agent: &mut Agent, o: Object, index: u64, value: Value) -> bool {
    if index >= INDEX_LIMIT {
        return false;
    }
    let index = index as u32;
    let kind = o.kind(agent);
    if !has_plain_elements(kind) {
        return false;
    }
    // OrdinarySetWithOwnDescriptor with an own data property: writable → replace the value.
    if let Some(elements) = o.elements(agent) {
        match elements.get(index) {
            Some(ElementRef::Dense(_, attributes)) => {
                if !attributes.writable() {
                    return false;
                }
                o.elements_mut(agent).dense[index as usize] = Some(value.unbind());
                return true;
            }
            Some(ElementRef::Sparse(element)) => {
                if !element.attributes.writable() || element.attributes.is_accessor() {
                    return false;
                }
                if let Some(stored) = o.elements_mut(agent).sparse.get_mut(&index) {
                    stored.value = value.unbind();
                }
                return true;
            }
            None => {}
        }
    }
    // No own property: no prototype may hold the index (a setter or a read-only
    // element would change the outcome), and the receiver must accept a new one.
    let mut object = o.stored_prototype(agent);
    while let Some(parent) = object {
        if !has_plain_elements(parent.kind(agent))
            || parent.elements(agent).is_some_and(|e| e.has(index))
        {
            return false;
        }
        object = parent.stored_prototype(agent);
    }
    if !o.stored_extensible(agent) {
        return false;
    }
    let is_array = kind == ObjectKind::Array;
    let elements = o.elements_mut(agent);
    if is_array && index >= elements.length && !elements.length_writable {
        return false;
    }
    elements.set(index, value.unbind(), Attributes::DEFAULT);
    if is_array && index >= elements.length {
        elements.length = index + 1;
    }
    true
}

/// ### [7.3.4 Set ( O, P, V, Throw )](https://tc39.es/ecma262/#sec-set-o-p-v-throw) with Throw true, for an integer index.
pub(crate) fn set_index<'gc>(
    agent: &mut Agent,
    o: Object,
    index: u64,
    value: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let o = o.bind(gc.nogc());
    let value = value.bind(gc.nogc());
    if try_set_in_storage(agent, o, index, value) {
        return Ok(());
    }
    let key = index_key(agent, index, gc.nogc());
    set(agent, o.unbind(), key.unbind(), value.unbind(), true, gc)
}

/// ### [7.3.10 DeletePropertyOrThrow ( O, P )](https://tc39.es/ecma262/#sec-deletepropertyorthrow) for an integer index.
pub(crate) fn delete_index<'gc>(
    agent: &mut Agent,
    o: Object,
    index: u64,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let o = o.bind(gc.nogc());
    let key = index_key(agent, index, gc.nogc());
    delete_property_or_throw(agent, o.unbind(), key.unbind(), gc)
}

/// Stores `O[index] = value` as a writable, enumerable, configurable data
/// property if [[DefineOwnProperty]] would do exactly that (the index is
/// absent and may be added, or holds such a property already); returns false
/// (having done nothing) otherwise.
fn try_create_in_storage(agent: &mut Agent, o: Object, index: u64, value: Value) -> bool {
    if index >= INDEX_LIMIT {
        return false;
    }
    let index = index as u32;
    let kind = o.kind(agent);
    if !has_plain_elements(kind) {
        return false;
    }
    let extensible = o.stored_extensible(agent);
    let is_array = kind == ObjectKind::Array;
    let elements = o.elements_mut(agent);
    match elements.get(index) {
        // ValidateAndApplyPropertyDescriptor on a configurable data property with
        // the default attributes only replaces the value.
        Some(ElementRef::Dense(_, attributes)) if attributes == Attributes::DEFAULT => {
            elements.dense[index as usize] = Some(value.unbind());
            true
        }
        Some(_) => false,
        None => {
            // A new property: the object must be extensible, and an Array's length
            // must be able to grow.
            if !extensible || (is_array && index >= elements.length && !elements.length_writable) {
                return false;
            }
            elements.set(index, value.unbind(), Attributes::DEFAULT);
            if is_array && index >= elements.length {
                elements.length = index + 1;
            }
            true
        }
    }
}

/// ### [7.3.7 CreateDataPropertyOrThrow ( O, P, V )](https://tc39.es/ecma262/#sec-createdatapropertyorthrow) for an integer index.
pub(crate) fn create_index<'gc>(
    agent: &mut Agent,
    o: Object,
    index: u64,
    value: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let o = o.bind(gc.nogc());
    let value = value.bind(gc.nogc());
    if try_create_in_storage(agent, o, index, value) {
        return Ok(());
    }
    let key = index_key(agent, index, gc.nogc());
    create_data_property_or_throw(agent, o.unbind(), key.unbind(), value.unbind(), gc)
}

/// ### [7.3.4 Set ( O, P, V, Throw )](https://tc39.es/ecma262/#sec-set-o-p-v-throw): `? Set(O, "length", 𝔽(length), true)`.
pub(crate) fn set_length<'gc>(
    agent: &mut Agent,
    o: Object,
    length: u64,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let o = o.bind(gc.nogc());
    let value = length_value(agent, length, gc.nogc());
    let key = PropertyKey::from_static_str("length").expect("short key");
    set(agent, o.unbind(), key, value.unbind(), true, gc)
}

/// True if `o` is an Array whose elements a method may rearrange directly in
/// storage: dense, with default attributes, extensible, with a writable
/// length, and with no indexed property anywhere on its prototype chain. For
/// such an array every Get/Set/HasProperty/DeletePropertyOrThrow on an index
/// below its length acts on storage only and cannot fail.
pub(crate) fn is_simple_array(agent: &Agent, o: Object) -> bool {
    if o.kind(agent) != ObjectKind::Array || !o.stored_extensible(agent) {
        return false;
    }
    let Some(elements) = o.elements(agent) else {
        return false;
    };
    if !elements.sparse.is_empty()
        || elements.dense_attributes != Attributes::DEFAULT
        || !elements.length_writable
        || elements.dense.len() > elements.length as usize
    {
        return false;
    }
    let mut object = o.stored_prototype(agent);
    while let Some(parent) = object {
        if !has_plain_elements(parent.kind(agent))
            || parent
                .elements(agent)
                .is_some_and(|e| !e.dense.is_empty() || !e.sparse.is_empty())
        {
            return false;
        }
        object = parent.stored_prototype(agent);
    }
    true
}

/// A list of values parked on the scoped-root stack for the rest of a
/// built-in call (the `items` of `push`, `splice`, `unshift`, ...).
#[derive(Clone, Copy, Debug)]
pub(crate) struct RootedValues {
    start: usize,
    len: usize,
}

impl RootedValues {
    /// Roots `values`.
    pub(crate) fn new(agent: &mut Agent, values: &[Value], gc: NoGcScope) -> Self {
        let start = agent.scoped_roots.len();
        for value in values {
            value.bind(gc).scope(agent, gc);
        }
        RootedValues {
            start,
            len: values.len(),
        }
    }

    /// Number of values.
    pub(crate) fn len(self) -> usize {
        self.len
    }

    /// Value `index` (unbound: bind it to the current token).
    pub(crate) fn get(self, agent: &Agent, index: usize) -> Value<'static> {
        match agent.scoped_roots[self.start + index] {
            crate::ecmascript::execution::HeapRoot::Value(value) => value,
            _ => unreachable!("value root"),
        }
    }
}
