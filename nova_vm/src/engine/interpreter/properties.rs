//! Property access for the interpreter: inline-cached named access, indexed
//! access, globals, run-time name resolution (`with`, eval), `super` and
//! private names.

use super::add_transitions;
use crate::ecmascript::abstract_operations::{
    call_function, create_data_property_or_throw, define_property_or_throw, get, get_v,
    has_property, set, to_boolean, to_object, to_property_key,
};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::builtins::typed_arrays::element_types::Numeric;
use crate::ecmascript::builtins::typed_arrays::typed_array::{
    is_valid_integer_index, typed_array_get_element, write_element,
};
use crate::ecmascript::execution::heap_layout::Heap;
use crate::ecmascript::execution::{Agent, Environment, EnvironmentKind, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{
    Object, PropertyDescriptor, PropertyKey, UNINITIALIZED, Value, WellKnownSymbol,
};
use crate::engine::bytecode::{Code, MAX_PASSED_PROTOTYPES, PropertyCache};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable, Scoped};

/// The key and strictness of a cache site of the running code.
fn site(agent: &Agent, cache: u32) -> PropertyKey<'static> {
    let code = agent.vm.running_code();
    agent.heap.code.get(code.index()).caches[cache as usize].key
}

fn strict(agent: &Agent) -> bool {
    let code = agent.vm.running_code();
    agent.heap.code.get(code.index()).flags.strict
}

fn length_key() -> PropertyKey<'static> {
    PropertyKey::from_static_str("length").expect("short key")
}

/// Throws the TypeError for reading or writing a property of undefined/null.
fn nullish_base<'gc>(
    agent: &mut Agent,
    base: Value,
    key: PropertyKey,
    reading: bool,
    gc: NoGcScope<'gc, '_>,
) -> crate::ecmascript::execution::JsError {
    let what = if base.is_undefined() {
        "undefined"
    } else {
        "null"
    };
    let verb = if reading { "read" } else { "set" };
    let message = format!(
        "Cannot {verb} properties of {what} ({verb}ing '{}')",
        agent.key_display(key)
    );
    agent.throw_type_error(&message, gc)
}

/// True if named properties of objects of this kind live in their shape.
#[inline]
fn shape_backed(kind: ObjectKind) -> bool {
    !matches!(kind, ObjectKind::Array | ObjectKind::Proxy { .. })
}

/// The value of `object.name` when the site's inline cache holds for
/// `object`: an own data property of an object of the cached shape, or a data
/// property of its prototype when that prototype still has the cached shape.
/// The dispatch loop tries this before [`get_named`].
#[inline(always)]
pub(crate) fn get_named_cached<'a>(
    heap: &'a Heap,
    code: Code,
    object: Value,
    cache: u32,
) -> Option<&'a Value<'static>> {
    let Value::Object(o) = object else {
        return None;
    };
    let site = &heap.code.get(code.index()).caches[cache as usize];
    if site.getter {
        return None;
    }
    cached_slot_ref(heap, o, site)
}

/// The value in the slot a named-get site cached (a data value, or the
/// getter of an accessor), if the cache holds for `o`: `o` has the cached
/// shape and, for a property found on the prototype, the prototype still has
/// the cached shape.
#[inline(always)]
fn cached_slot_value(agent: &Agent, o: Object, site: &PropertyCache) -> Option<Value<'static>> {
    cached_slot_ref(&agent.heap, o, site).copied()
}

/// [`cached_slot_value`] by reference (for a copy straight into a register).
#[inline(always)]
fn cached_slot_ref<'a>(
    heap: &'a Heap,
    o: Object,
    site: &PropertyCache,
) -> Option<&'a Value<'static>> {
    let record = heap.objects.get(o.index());
    if Some(record.shape) != site.shape {
        return None;
    }
    match site.holder_shape {
        None => Some(heap.slot_ref(record.slots, site.slot)),
        Some(holder_shape) => {
            // Only ordinary named-property semantics are cached on prototypes.
            if !matches!(record.kind, ObjectKind::Ordinary | ObjectKind::Array) {
                return None;
            }
            // Each shape fixes its object's prototype: walk the passed
            // prototypes, checking each still has the shape it had.
            let mut shape = record.shape;
            for passed in &site.passed_shapes {
                let Some(passed) = *passed else {
                    break;
                };
                let prototype = heap.shapes.get(shape.index()).prototype?;
                shape = heap.objects.get(prototype.index()).shape;
                if shape != passed {
                    return None;
                }
            }
            let holder = heap.shapes.get(shape.index()).prototype?;
            let holder_record = heap.objects.get(holder.index());
            if holder_record.shape != holder_shape {
                return None;
            }
            Some(heap.slot_ref(holder_record.slots, site.slot))
        }
    }
}

/// `object.name` after [`get_named_cached`] missed: looks the property up
/// and fills the site's inline cache when it can.
pub(crate) fn get_named<'gc>(
    agent: &mut Agent,
    object: Value,
    cache: u32,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let code = agent.vm.running_code();
    let site = agent.heap.code.get(code.index()).caches[cache as usize];
    let key = site.key;
    if let Value::Object(o) = object {
        if site.getter
            && let Some(getter) = cached_slot_value(agent, o, &site)
        {
            // OrdinaryGet step 7 (10.1.8.1): Return ? Call(getter, Receiver).
            if getter.is_undefined() {
                return Ok(Value::Undefined);
            }
            return call_function(agent, getter, object, ArgumentsList(&[]), gc);
        }
        let kind = o.record(agent).kind;
        if shape_backed(kind) {
            if let Some(entry) = o.find_named(agent, key) {
                let shape = o.record(agent).shape;
                // Dictionary shapes change in place: never cache them.
                if !agent.heap.shapes.get(shape.index()).dictionary {
                    let cache_entry =
                        &mut agent.heap.code.get_mut(code.index()).caches[cache as usize];
                    cache_entry.shape = Some(shape);
                    cache_entry.slot = entry.slot;
                    cache_entry.holder_shape = None;
                    cache_entry.passed_shapes = [None; MAX_PASSED_PROTOTYPES];
                    cache_entry.getter = entry.attributes.is_accessor();
                }
                if !entry.attributes.is_accessor() {
                    return Ok(o.slot(agent, entry.slot).bind(gc.into_nogc()));
                }
                return o.internal_get(agent, key, object, gc);
            }
        } else if kind == ObjectKind::Array && key == length_key() {
            let length = o.elements(agent).map_or(0, |e| e.length);
            return Ok(Value::from_u32(length));
        }
        if matches!(kind, ObjectKind::Ordinary | ObjectKind::Array) {
            fill_prototype_cache(agent, o, code, cache, key);
        }
        return o.internal_get(agent, key, object, gc);
    }
    if object.is_nullish() {
        return Err(nullish_base(agent, object, key, true, gc.into_nogc()));
    }
    if let (Some(s), true) = (object.as_string(), key == length_key()) {
        return Ok(Value::from_u32(agent.string_length(s) as u32));
    }
    get_v(agent, object, key, gc)
}

/// Remembers at a named-get site that `key` is a property of a prototype of
/// `receiver` (an ordinary object or array without an own `key`), at most
/// [`MAX_PASSED_PROTOTYPES`] prototypes past the first, when every shape on
/// the way can be cached.
fn fill_prototype_cache(
    agent: &mut Agent,
    receiver: Object,
    code: crate::engine::bytecode::Code,
    cache: u32,
    key: PropertyKey,
) {
    // An own property shadows the prototype's (arrays reach here without
    // having looked at their own named properties).
    if receiver.find_named(agent, key).is_some() {
        return;
    }
    let receiver_shape = receiver.record(agent).shape;
    let mut shape_record = agent.heap.shapes.get(receiver_shape.index());
    if shape_record.dictionary {
        return;
    }
    let mut passed_shapes = [None; MAX_PASSED_PROTOTYPES];
    let mut passed = 0;
    loop {
        let Some(prototype) = shape_record.prototype else {
            return;
        };
        // Objects whose named properties are all in their shape; an array's
        // `length` is not.
        let kind = prototype.record(agent).kind;
        if !matches!(
            kind,
            ObjectKind::Ordinary | ObjectKind::ECMAScriptFunction(_) | ObjectKind::Array
        ) || (kind == ObjectKind::Array && key == length_key())
        {
            return;
        }
        let shape = prototype.record(agent).shape;
        shape_record = agent.heap.shapes.get(shape.index());
        // Dictionary shapes change in place: never cache them.
        if shape_record.dictionary {
            return;
        }
        if let Some(entry) = prototype.find_named(agent, key) {
            let cache_entry = &mut agent.heap.code.get_mut(code.index()).caches[cache as usize];
            cache_entry.shape = Some(receiver_shape.unbind());
            cache_entry.slot = entry.slot;
            cache_entry.holder_shape = Some(shape.unbind());
            cache_entry.passed_shapes = passed_shapes;
            cache_entry.getter = entry.attributes.is_accessor();
            return;
        }
        if passed == MAX_PASSED_PROTOTYPES {
            return;
        }
        passed_shapes[passed] = Some(shape.unbind());
        passed += 1;
    }
}

/// `object.name = value` with an inline cache.
/// Assigns `object.name = value` when the site's inline cache holds for
/// `object`: an own writable data property of an object of the cached shape
/// (the shape fixes the property's attributes). False if the dispatch loop
/// must call [`set_named`].
#[inline(always)]
pub(crate) fn set_named_cached(agent: &mut Agent, object: Value, cache: u32, value: Value) -> bool {
    let Value::Object(o) = object else {
        return false;
    };
    let code = agent.vm.running_code();
    let site = &agent.heap.code.get(code.index()).caches[cache as usize];
    let record = o.record(agent);
    // A prototype entry (filled by a get at a shared site) is not a slot of
    // the receiver.
    if Some(record.shape) != site.shape || site.holder_shape.is_some() || site.getter {
        return false;
    }
    let (slots, slot) = (record.slots, site.slot);
    agent.heap.set_slot_value(slots, slot, value.unbind());
    true
}

pub(crate) fn set_named<'gc>(
    agent: &mut Agent,
    object: Value,
    cache: u32,
    value: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let code = agent.vm.running_code();
    let site = agent.heap.code.get(code.index()).caches[cache as usize];
    let key = site.key;
    if let Value::Object(o) = object {
        let record = o.record(agent);
        // A prototype entry (filled by a get at a shared site) is not a slot
        // of the receiver.
        if Some(record.shape) == site.shape && site.holder_shape.is_none() && !site.getter {
            o.set_slot(agent, site.slot, value);
            return Ok(());
        }
        if shape_backed(record.kind)
            && let Some(entry) = o.find_named(agent, key)
            && entry.attributes.writable()
            && !entry.attributes.is_accessor()
        {
            let shape = o.record(agent).shape;
            // Dictionary shapes change in place: never cache them.
            if !agent.heap.shapes.get(shape.index()).dictionary {
                let cache_entry = &mut agent.heap.code.get_mut(code.index()).caches[cache as usize];
                cache_entry.shape = Some(shape);
                cache_entry.slot = entry.slot;
                cache_entry.holder_shape = None;
                cache_entry.passed_shapes = [None; MAX_PASSED_PROTOTYPES];
                cache_entry.getter = false;
            }
            o.set_slot(agent, entry.slot, value);
            return Ok(());
        }
        if add_transitions::add_cached(agent, code, cache, o, value) {
            return Ok(());
        }
        if adds_plain_data_property(agent, o, key) {
            let from = o.record(agent).shape;
            o.add_named_data(agent, key, value, Attributes::DEFAULT);
            add_transitions::remember_add(agent, code, cache, o, from, key);
            return Ok(());
        }
        return set(agent, o, key, value, strict(agent), gc);
    }
    put_on_primitive(agent, object, key, value, gc)
}

/// True if [[Set]] of `key` on `o` (with `o` as receiver) can only end in
/// CreateDataProperty on `o`: `o` is an extensible object with ordinary named
/// properties and no own `key`, and the first object on its prototype chain
/// with a property `key`, if any, has it as a writable data property (so no
/// setter runs and no read-only property blocks it).
/// This is OrdinarySet's path (10.1.9.2 steps 2.a–2.d and 3–4 with
/// CreateDataProperty on an extensible receiver), decided from shapes alone.
fn adds_plain_data_property(agent: &Agent, o: Object, key: PropertyKey) -> bool {
    // Only string and symbol keys live in shapes.
    if matches!(key, PropertyKey::Index(_)) {
        return false;
    }
    let plain = add_transitions::has_plain_named_properties;
    let record = o.record(agent);
    let shape = agent.heap.shapes.get(record.shape.index());
    if !plain(record.kind) || !shape.extensible || shape.find(key).is_some() {
        return false;
    }
    // OrdinarySetWithOwnDescriptor (10.1.9.2) looks no further than the
    // first object on the chain that has the property: a writable data
    // property there (a default value on a prototype) still ends in
    // CreateDataProperty on the receiver (steps 2.c-2.e); a read-only one or
    // an accessor does not.
    let mut next = shape.prototype;
    while let Some(prototype) = next {
        let record = prototype.record(agent);
        let shape = agent.heap.shapes.get(record.shape.index());
        if !plain(record.kind) {
            return false;
        }
        if let Some(index) = shape.find(key) {
            let attributes = shape.entries[index].attributes;
            return !attributes.is_accessor() && attributes.writable();
        }
        next = shape.prototype;
    }
    true
}

/// PutValue with a primitive base: [[Set]] on the wrapper with the primitive as receiver.
fn put_on_primitive<'gc>(
    agent: &mut Agent,
    base: Value,
    key: PropertyKey,
    value: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    if base.is_nullish() {
        return Err(nullish_base(agent, base, key, false, gc.into_nogc()));
    }
    let wrapper = to_object(agent, base, gc.nogc())?.unbind();
    let strict = strict(agent);
    let succeeded = wrapper.internal_set(agent, key, value, base, gc.reborrow())?;
    if !succeeded && strict {
        let message = format!(
            "Cannot create property '{}' on primitive",
            agent.key_display(key)
        );
        return Err(agent.throw_type_error(&message, gc.into_nogc()));
    }
    Ok(())
}

/// `object[key]`.
pub(crate) fn get_indexed<'gc>(
    agent: &mut Agent,
    object: Value,
    key: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    if let (Value::Object(o), Value::Integer(i)) = (object, key)
        && i >= 0
        && !matches!(o.kind(agent), ObjectKind::MappedArguments(_))
    {
        // A TypedArray element: 10.4.5.4 [[Get]] is TypedArrayGetElement.
        if let ObjectKind::TypedArray(ta) = o.kind(agent) {
            return Ok(
                typed_array_get_element(agent, ta, f64::from(i), gc.into_nogc())
                    .unwrap_or(Value::Undefined),
            );
        }
        if let Some(elements) = o.elements(agent)
            && let Some(Some(v)) = elements.dense.get(i as usize)
            && !elements.dense_attributes.is_accessor()
        {
            return Ok(v.bind(gc.into_nogc()));
        }
        return o.internal_get(agent, PropertyKey::Index(i as u32), object, gc);
    }
    if let (Some(s), Value::Integer(i)) = (object.as_string(), key)
        && i >= 0
        && (i as usize) < agent.string_length(s)
    {
        let gc = gc.into_nogc();
        return Ok(agent
            .string_substring(s, i as usize, i as usize + 1, gc)
            .into_value());
    }
    if object.is_nullish() {
        let gc = gc.into_nogc();
        let key = match key.as_string() {
            Some(s) => agent.string_to_key(s, gc),
            None => PropertyKey::Index(0),
        };
        return Err(nullish_base(agent, object, key, true, gc));
    }
    let object = object.bind(gc.nogc()).scope(agent, gc.nogc());
    let key = to_property_key(agent, key, gc.reborrow())?.unbind();
    get_v(agent, object.get(agent), key, gc)
}

/// `object[key] = value`.
pub(crate) fn set_indexed<'gc>(
    agent: &mut Agent,
    object: Value,
    key: Value,
    value: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    if let (Value::Object(o), Value::Integer(i)) = (object, key)
        && i >= 0
        && !matches!(o.kind(agent), ObjectKind::MappedArguments(_))
    {
        // A TypedArray element with a Number for a Number element type:
        // TypedArraySetElement without a conversion that could run JavaScript.
        if let ObjectKind::TypedArray(ta) = o.kind(agent)
            && value.is_number()
        {
            let record = agent.typed_array_record(ta);
            if !record.element_type.is_bigint() {
                if let Some(index) = is_valid_integer_index(agent, &record, f64::from(i)) {
                    let n = Numeric::Number(agent.number_value(value));
                    write_element(agent, &record, index, n);
                }
                return Ok(());
            }
        }
        // Fast path: overwrite an existing writable dense element.
        if let Some(elements) = o.record(agent).elements {
            let record = agent.heap.elements.get_mut(elements.index());
            if record.dense_attributes == Attributes::DEFAULT
                && let Some(slot @ Some(_)) = record.dense.get_mut(i as usize)
            {
                *slot = Some(value.unbind());
                return Ok(());
            }
        }
        return set(
            agent,
            o,
            PropertyKey::Index(i as u32),
            value,
            strict(agent),
            gc,
        );
    }
    if object.is_nullish() {
        return Err(nullish_base(
            agent,
            object,
            PropertyKey::Index(0),
            false,
            gc.into_nogc(),
        ));
    }
    let object = object.bind(gc.nogc()).scope(agent, gc.nogc());
    let value = value.bind(gc.nogc()).scope(agent, gc.nogc());
    let key = to_property_key(agent, key, gc.reborrow())?.unbind();
    match object.get(agent) {
        Value::Object(o) => set(agent, o, key, value.get(agent), strict(agent), gc),
        base => put_on_primitive(agent, base, key, value.get(agent), gc),
    }
}

/// Object literal `name: value` (CreateDataPropertyOrThrow).
pub(crate) fn define_named<'gc>(
    agent: &mut Agent,
    object: Value,
    cache: u32,
    value: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let key = site(agent, cache);
    let Value::Object(o) = object else {
        unreachable!("object literal target")
    };
    if !key.is_array_index() && o.find_named(agent, key).is_none() && o.stored_extensible(agent) {
        o.add_named_data(agent, key, value, Attributes::DEFAULT);
        return Ok(());
    }
    create_data_property_or_throw(agent, o, key, value, gc)
}

/// Computed-key data property definition (private names: PrivateFieldAdd).
pub(crate) fn define_indexed<'gc>(
    agent: &mut Agent,
    object: Value,
    key: Value,
    value: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let Value::Object(o) = object else {
        return Err(
            agent.throw_type_error("Cannot define a property on a primitive", gc.into_nogc())
        );
    };
    if let Value::Symbol(s) = key
        && agent.is_private_name(s)
    {
        return define_private(agent, object, key, value, gc.into_nogc());
    }
    let o = o.bind(gc.nogc()).scope(agent, gc.nogc());
    let value = value.bind(gc.nogc()).scope(agent, gc.nogc());
    let key = to_property_key(agent, key, gc.reborrow())?.unbind();
    create_data_property_or_throw(agent, o.get(agent), key, value.get(agent), gc)
}

/// Getter/setter definitions in literals and classes.
pub(crate) fn define_accessor<'gc>(
    agent: &mut Agent,
    object: Value,
    key: Value,
    function: Value,
    setter: bool,
    enumerable: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let Value::Object(o) = object else {
        unreachable!("accessor target")
    };
    let o = o.bind(gc.nogc()).scope(agent, gc.nogc());
    let function = function.bind(gc.nogc()).scope(agent, gc.nogc());
    let key = to_property_key(agent, key, gc.reborrow())?.unbind();
    let desc = PropertyDescriptor {
        get: (!setter).then(|| function.get(agent)),
        set: setter.then(|| function.get(agent)),
        enumerable: Some(enumerable),
        configurable: Some(true),
        ..Default::default()
    };
    define_property_or_throw(agent, o.get(agent), key, desc, gc)
}

/// Method definitions in literals and classes.
pub(crate) fn define_method<'gc>(
    agent: &mut Agent,
    object: Value,
    key: Value,
    function: Value,
    enumerable: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let Value::Object(o) = object else {
        unreachable!("method target")
    };
    let o = o.bind(gc.nogc()).scope(agent, gc.nogc());
    let function = function.bind(gc.nogc()).scope(agent, gc.nogc());
    let key = to_property_key(agent, key, gc.reborrow())?.unbind();
    let desc = PropertyDescriptor::data(function.get(agent), true, enumerable, true);
    define_property_or_throw(agent, o.get(agent), key, desc, gc)
}

/// `delete object.name`.
pub(crate) fn delete_named<'gc>(
    agent: &mut Agent,
    object: Value,
    cache: u32,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    let key = site(agent, cache);
    delete_key(agent, object, key, gc)
}

/// `delete object[key]`.
pub(crate) fn delete_indexed<'gc>(
    agent: &mut Agent,
    object: Value,
    key: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    if object.is_nullish() {
        return Err(nullish_base(
            agent,
            object,
            PropertyKey::Index(0),
            false,
            gc.into_nogc(),
        ));
    }
    let object = object.bind(gc.nogc()).scope(agent, gc.nogc());
    let key = to_property_key(agent, key, gc.reborrow())?.unbind();
    delete_key(agent, object.get(agent), key, gc)
}

fn delete_key<'gc>(
    agent: &mut Agent,
    object: Value,
    key: PropertyKey,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    if object.is_nullish() {
        return Err(nullish_base(agent, object, key, false, gc.into_nogc()));
    }
    let o = to_object(agent, object, gc.nogc())?.unbind();
    let deleted = o.internal_delete(agent, key, gc.reborrow())?;
    if !deleted && strict(agent) {
        let message = format!("Cannot delete property '{}'", agent.key_display(key));
        return Err(agent.throw_type_error(&message, gc.into_nogc()));
    }
    Ok(deleted)
}

// ----- globals -----

/// Reads a global binding into absolute register `register` when the site's
/// inline cache holds: the cache was filled in the current global epoch (see
/// `Agent::global_epoch`), so the binding is still in the slot storage it was
/// found in. An uninitialized lexical binding is left to [`get_global`],
/// which throws. The dispatch loop tries this first. The value is copied as
/// it lies in memory (one eight-byte copy; a value taken
/// apart to test its tag is stored back piece by piece, which a following
/// read of the register cannot forward from). False if the cache misses.
#[inline(always)]
pub(crate) fn copy_global_cached(agent: &mut Agent, cache: u32, register: usize) -> bool {
    let code = agent.vm.running_code();
    let site = &agent.heap.code.get(code.index()).caches[cache as usize];
    if agent.global_epoch != site.epoch {
        return false;
    }
    let source = agent.heap.flat_slot_ref(site.global_slot);
    if site.global_lexical && *source == Value::Symbol(UNINITIALIZED) {
        return false;
    }
    agent.vm.stack[register..=register].copy_from_slice(std::slice::from_ref(source));
    true
}

/// Fills a global-name site's cache with a binding found at `slot` of the
/// realm's global lexicals (`lexical`) or global object.
fn fill_global_cache(agent: &mut Agent, code: Code, cache: u32, slot: u32, lexical: bool) {
    let epoch = agent.global_epoch;
    let realm = agent.current_realm();
    let holder = if lexical {
        realm.global_lexicals
    } else {
        realm.global_object
    };
    let Some(global_slot) = holder.record(agent).slots.flat(slot) else {
        return;
    };
    let cache_entry = &mut agent.heap.code.get_mut(code.index()).caches[cache as usize];
    cache_entry.epoch = epoch;
    cache_entry.global_lexical = lexical;
    cache_entry.global_slot = global_slot;
}

/// Reads a global binding: global lexicals first, then the global object.
pub(crate) fn get_global<'gc>(
    agent: &mut Agent,
    cache: u32,
    throw_if_missing: bool,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let code = agent.vm.running_code();
    let key = agent.heap.code.get(code.index()).caches[cache as usize].key;
    let realm = agent.current_realm();
    let (lexicals, global) = (realm.global_lexicals, realm.global_object);
    if let Some(entry) = lexicals.find_named(agent, key) {
        let value = lexicals.slot(agent, entry.slot);
        if value == Value::Symbol(UNINITIALIZED) {
            let message = format!(
                "Cannot access '{}' before initialization",
                agent.key_display(key)
            );
            return Err(agent.throw_reference_error(&message, gc.into_nogc()));
        }
        fill_global_cache(agent, code, cache, entry.slot, true);
        return Ok(value.bind(gc.into_nogc()));
    }
    if let Some(entry) = global.find_named(agent, key)
        && !entry.attributes.is_accessor()
    {
        fill_global_cache(agent, code, cache, entry.slot, false);
        return Ok(global.slot(agent, entry.slot).bind(gc.into_nogc()));
    }
    get_global_object_binding(agent, global, key, throw_if_missing, gc)
}

fn get_global_object_binding<'gc>(
    agent: &mut Agent,
    global: Object,
    key: PropertyKey,
    throw_if_missing: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let global = global.bind(gc.nogc()).scope(agent, gc.nogc());
    let key_root = key.bind(gc.nogc()).scope(agent, gc.nogc());
    // 9.1.1.2.1 HasBinding then GetBindingValue of the object record.
    if !has_property(agent, global.get(agent), key, gc.reborrow())? {
        if throw_if_missing {
            let message = format!("{} is not defined", agent.key_display(key_root.get(agent)));
            return Err(agent.throw_reference_error(&message, gc.into_nogc()));
        }
        return Ok(Value::Undefined);
    }
    get(agent, global.get(agent), key_root.get(agent), gc)
}

/// Assigns a global binding when the site's inline cache holds (a writable
/// data binding cached in the current global epoch, initialized if lexical);
/// false if the dispatch loop must call [`set_global`].
#[inline(always)]
pub(crate) fn set_global_cached(agent: &mut Agent, cache: u32, value: Value) -> bool {
    let code = agent.vm.running_code();
    let site = &agent.heap.code.get(code.index()).caches[cache as usize];
    if agent.global_epoch != site.epoch {
        return false;
    }
    let slot = site.global_slot;
    if site.global_lexical && *agent.heap.flat_slot_ref(slot) == Value::Symbol(UNINITIALIZED) {
        return false;
    }
    agent.heap.set_flat_slot(slot, value.unbind());
    true
}

/// Assigns a global binding (PutValue on an unresolvable-or-global reference).
pub(crate) fn set_global<'gc>(
    agent: &mut Agent,
    cache: u32,
    value: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let code = agent.vm.running_code();
    let key = agent.heap.code.get(code.index()).caches[cache as usize].key;
    let realm = agent.current_realm();
    let (lexicals, global) = (realm.global_lexicals, realm.global_object);
    if let Some(entry) = lexicals.find_named(agent, key) {
        if lexicals.slot(agent, entry.slot) == Value::Symbol(UNINITIALIZED) {
            let message = format!(
                "Cannot access '{}' before initialization",
                agent.key_display(key)
            );
            return Err(agent.throw_reference_error(&message, gc.into_nogc()));
        }
        if !entry.attributes.writable() {
            return Err(agent.throw_type_error("Assignment to constant variable.", gc.into_nogc()));
        }
        fill_global_cache(agent, code, cache, entry.slot, true);
        lexicals.set_slot(agent, entry.slot, value);
        return Ok(());
    }
    if let Some(entry) = global.find_named(agent, key)
        && entry.attributes.writable()
        && !entry.attributes.is_accessor()
    {
        fill_global_cache(agent, code, cache, entry.slot, false);
        global.set_slot(agent, entry.slot, value);
        return Ok(());
    }
    set_global_object_binding(agent, global, key, value, strict(agent), gc)
}

fn set_global_object_binding<'gc>(
    agent: &mut Agent,
    global: Object,
    key: PropertyKey,
    value: Value,
    strict: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let global = global.bind(gc.nogc()).scope(agent, gc.nogc());
    let key = key.bind(gc.nogc()).scope(agent, gc.nogc());
    let value = value.bind(gc.nogc()).scope(agent, gc.nogc());
    if strict && !has_property(agent, global.get(agent), key.get(agent), gc.reborrow())? {
        let message = format!("{} is not defined", agent.key_display(key.get(agent)));
        return Err(agent.throw_reference_error(&message, gc.into_nogc()));
    }
    set(
        agent,
        global.get(agent),
        key.get(agent),
        value.get(agent),
        strict,
        gc,
    )
}

/// Initialises a global lexical binding declared by the running script.
pub(crate) fn init_global_lexical(agent: &mut Agent, cache: u32, value: Value) {
    let key = site(agent, cache);
    let lexicals = agent.current_realm().global_lexicals;
    if let Some(entry) = lexicals.find_named(agent, key) {
        lexicals.set_slot(agent, entry.slot, value);
    }
}

/// ### [9.1.1.4.18 CreateGlobalFunctionBinding ( N, V, D )](https://tc39.es/ecma262/#sec-createglobalfunctionbinding)
pub(crate) fn declare_global_function<'gc>(
    agent: &mut Agent,
    cache: u32,
    value: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let key = site(agent, cache);
    let global = agent.current_realm().global_object;
    let value = value.bind(gc.nogc()).scope(agent, gc.nogc());
    // 2. Let existingProp be ? globalObject.[[GetOwnProperty]](N).
    let existing = global.internal_get_own_property(agent, key, gc.reborrow())?;
    // 3. If existingProp is undefined or existingProp.[[Configurable]] is true, then
    //    a. Let desc be the PropertyDescriptor { [[Value]]: V, [[Writable]]: true,
    //       [[Enumerable]]: true, [[Configurable]]: D }.
    // 4. Else, a. Let desc be the PropertyDescriptor { [[Value]]: V }.
    let desc = if existing.is_none_or(|e| e.configurable == Some(true)) {
        PropertyDescriptor::data(value.get(agent), true, true, false)
    } else {
        PropertyDescriptor {
            value: Some(value.get(agent)),
            ..Default::default()
        }
    };
    // 5. Perform ? DefinePropertyOrThrow(globalObject, N, desc).
    define_property_or_throw(agent, global, key, desc, gc.reborrow())?;
    // 6. Perform ? Set(globalObject, N, V, false).
    set(agent, global, key, value.get(agent), false, gc)
}

// ----- run-time name resolution -----

/// Where a name resolved.
enum NameBinding {
    /// A declarative environment slot: the environment, the slot, whether it
    /// is immutable, and how many environments out from the frame's it is.
    Slot(
        crate::ecmascript::execution::Environment<'static>,
        usize,
        bool,
        u32,
    ),
    /// A property of an object (with environment or eval bindings object).
    Object(Object<'static>, bool),
    /// An indirect import binding of a module environment.
    Import(crate::ecmascript::modules::ResolvedBinding),
    /// Not found in any environment up to the global one.
    Global,
}

fn name_key(agent: &mut Agent, constant: u32, gc: NoGcScope) -> PropertyKey<'static> {
    let code = agent.vm.running_code();
    let value = agent.heap.code.get(code.index()).constants[constant as usize];
    let s = value.as_string().expect("name constant");
    agent.string_to_key(s, gc).unbind()
}

/// ### [9.1.2.1 GetIdentifierReference ( env, name, strict )](https://tc39.es/ecma262/#sec-getidentifierreference)
fn resolve_name<'gc>(
    agent: &mut Agent,
    key: PropertyKey,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, NameBinding> {
    let key = key.bind(gc.nogc()).scope(agent, gc.nogc());
    let mut env = agent.vm.frames.last().expect("frame").env;
    // The environment being examined, rooted: HasBinding and Get on an object
    // environment may run JavaScript (proxy traps, getters) and collect.
    let mut env_root: Option<Scoped<Environment<'static>>> = None;
    let mut hops = 0;
    while let Some(e) = env {
        match env_root {
            Some(root) => root.set(agent, e),
            None => env_root = Some(e.scope(agent, gc.nogc())),
        }
        let record = agent.heap.environments.get(e.index());
        match record.kind {
            EnvironmentKind::Declarative | EnvironmentKind::Module(_) => {
                if let Some((code, scope)) = record.scope {
                    let info = &agent.heap.code.get(code.index()).scopes[scope as usize];
                    if let Some(slot) = info.names.iter().position(|n| *n == key.get(agent)) {
                        return Ok(NameBinding::Slot(e, slot, info.immutable[slot], hops));
                    }
                }
                if let EnvironmentKind::Module(module) = record.kind
                    && let Some(binding) = import_binding_named(agent, module, key.get(agent))
                {
                    return Ok(NameBinding::Import(binding));
                }
                if let Some(bindings) = record.eval_bindings
                    && bindings.find_named(agent, key.get(agent)).is_some()
                {
                    return Ok(NameBinding::Object(bindings, false));
                }
            }
            EnvironmentKind::Object {
                binding_object,
                is_with_environment,
            } => {
                let root = env_root.expect("rooted environment");
                // 9.1.1.2.1 HasBinding ( N )
                if has_property(agent, binding_object, key.get(agent), gc.reborrow())? {
                    let binding_object = binding_object_of(agent, root.get(agent));
                    if !is_with_environment {
                        return Ok(NameBinding::Object(binding_object, false));
                    }
                    // 6. Let unscopables be ? Get(bindingObject, @@unscopables).
                    let unscopables = get(
                        agent,
                        binding_object,
                        WellKnownSymbol::Unscopables.key(),
                        gc.reborrow(),
                    )?
                    .unbind();
                    // 7. If unscopables is an Object, then
                    let blocked = match unscopables {
                        Value::Object(u) => {
                            let v = get(agent, u, key.get(agent), gc.reborrow())?;
                            to_boolean(agent, v)
                        }
                        _ => false,
                    };
                    if !blocked {
                        let binding_object = binding_object_of(agent, root.get(agent));
                        return Ok(NameBinding::Object(binding_object, true));
                    }
                }
            }
            EnvironmentKind::Global => return Ok(NameBinding::Global),
        }
        let e = env_root.expect("rooted environment").get(agent);
        env = agent.heap.environments.get(e.index()).outer;
        hops += 1;
    }
    Ok(NameBinding::Global)
}

/// The indirect import binding of `module` whose local name is `key`.
fn import_binding_named(
    agent: &Agent,
    module: crate::ecmascript::modules::Module,
    key: PropertyKey,
) -> Option<crate::ecmascript::modules::ResolvedBinding> {
    use crate::ecmascript::modules::ImportTarget;
    let name = agent.key_display(key);
    let record = agent.heap.modules.get(module.index());
    let import = record.imports.iter().find(|i| i.local_name == name)?;
    match import.target {
        ImportTarget::Binding(index) => record.import_bindings[index as usize],
        ImportTarget::Slot(_) => None,
    }
}

/// A resolved name as a register value, so that a compound assignment puts
/// its result where it read the operand (the Reference of 13.15.2 step 1),
/// even if evaluating the right-hand side added a closer binding:
/// `hops << 16 | slot` for a declarative slot, the binding object for an
/// object binding, undefined for the global one. `None` if it does not fit.
fn encode_reference(binding: &NameBinding) -> Option<Value<'static>> {
    match *binding {
        NameBinding::Slot(_, slot, _, hops) => (hops < 0x7FFF && slot <= 0xFFFF)
            .then_some(Value::Integer(((hops as i32) << 16) | slot as i32)),
        NameBinding::Object(object, _) => Some(object.into()),
        NameBinding::Global => Some(Value::Undefined),
        // An import binding is immutable: the write resolves the name again
        // and throws.
        NameBinding::Import(_) => None,
    }
}

/// The binding [`encode_reference`] wrote into a register.
fn decode_reference(agent: &Agent, reference: Value) -> Option<NameBinding> {
    match reference {
        Value::Integer(bits) => {
            let (hops, slot) = ((bits >> 16) as u32, (bits & 0xFFFF) as usize);
            let mut env = agent.vm.frames.last()?.env?;
            for _ in 0..hops {
                env = agent.heap.environments.get(env.index()).outer?;
            }
            let record = agent.heap.environments.get(env.index());
            let (code, scope) = record.scope?;
            let immutable =
                agent.heap.code.get(code.index()).scopes[scope as usize].immutable[slot];
            Some(NameBinding::Slot(env, slot, immutable, hops))
        }
        Value::Object(object) => Some(NameBinding::Object(object.unbind(), false)),
        Value::Undefined => Some(NameBinding::Global),
        _ => None,
    }
}

/// The binding object of an object environment.
fn binding_object_of(agent: &Agent, env: Environment) -> Object<'static> {
    match agent.heap.environments.get(env.index()).kind {
        EnvironmentKind::Object { binding_object, .. } => binding_object,
        _ => unreachable!("an object environment"),
    }
}

/// Reads a name through the environment chain. With `this_slot`, also writes
/// the call's `this` (the with object, or undefined).
pub(crate) fn get_name<'gc>(
    agent: &mut Agent,
    constant: u32,
    throw_if_missing: bool,
    this_slot: Option<usize>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let key = name_key(agent, constant, gc.nogc());
    let binding = resolve_name(agent, key, gc.reborrow())?;
    read_binding(agent, binding, constant, throw_if_missing, this_slot, gc)
}

/// `GetValue` of a name resolved at run time, also writing the resolved
/// binding to the register `reference` for [`set_name_by_reference`].
pub(crate) fn get_name_with_reference<'gc>(
    agent: &mut Agent,
    constant: u32,
    reference: usize,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let key = name_key(agent, constant, gc.nogc());
    let binding = resolve_name(agent, key, gc.reborrow())?;
    agent.vm.stack[reference] = encode_reference(&binding).unwrap_or(Value::Boolean(false));
    read_binding(agent, binding, constant, true, None, gc)
}

/// Reads the value of a resolved name.
fn read_binding<'gc>(
    agent: &mut Agent,
    binding: NameBinding,
    constant: u32,
    throw_if_missing: bool,
    this_slot: Option<usize>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // (Resolving may have collected: the key's string may have moved.)
    let key = name_key(agent, constant, gc.nogc());
    if let Some(slot) = this_slot {
        agent.vm.stack[slot] = Value::Undefined;
    }
    match binding {
        NameBinding::Slot(env, slot, _, _) => {
            let value = agent.heap.environments.get(env.index()).slots[slot];
            if value == Value::Symbol(UNINITIALIZED) {
                let message = format!(
                    "Cannot access '{}' before initialization",
                    agent.key_display(key)
                );
                return Err(agent.throw_reference_error(&message, gc.into_nogc()));
            }
            Ok(value.bind(gc.into_nogc()))
        }
        NameBinding::Import(binding) => {
            let name = agent.key_display(key);
            crate::ecmascript::modules::namespace::resolved_binding_value(
                agent,
                binding,
                |_| name,
                gc.into_nogc(),
            )
        }
        NameBinding::Object(object, is_with) => {
            if is_with {
                if let Some(slot) = this_slot {
                    agent.vm.stack[slot] = object.into();
                }
                // GetBindingValue of an object record: missing after HasBinding → strict ReferenceError.
                let object_root = object.scope(agent, gc.nogc());
                let still_there = has_property(agent, object, key, gc.reborrow())?;
                let key = name_key(agent, constant, gc.nogc());
                if !still_there {
                    if strict(agent) {
                        let message = format!("{} is not defined", agent.key_display(key));
                        return Err(agent.throw_reference_error(&message, gc.into_nogc()));
                    }
                    return Ok(Value::Undefined);
                }
                return get(agent, object_root.get(agent), key, gc);
            }
            get(agent, object, key, gc)
        }
        NameBinding::Global => {
            let realm = agent.current_realm();
            let (lexicals, global) = (realm.global_lexicals, realm.global_object);
            if let Some(entry) = lexicals.find_named(agent, key) {
                let value = lexicals.slot(agent, entry.slot);
                if value == Value::Symbol(UNINITIALIZED) {
                    let message = format!(
                        "Cannot access '{}' before initialization",
                        agent.key_display(key)
                    );
                    return Err(agent.throw_reference_error(&message, gc.into_nogc()));
                }
                return Ok(value.bind(gc.into_nogc()));
            }
            get_global_object_binding(agent, global, key, throw_if_missing, gc)
        }
    }
}

/// Assigns (or with `init`, initialises) a name through the environment chain.
pub(crate) fn set_name<'gc>(
    agent: &mut Agent,
    constant: u32,
    value: Value,
    init: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let key = name_key(agent, constant, gc.nogc());
    let value = value.bind(gc.nogc()).scope(agent, gc.nogc());
    let binding = resolve_name(agent, key, gc.reborrow())?;
    write_binding(agent, binding, constant, value, init, gc)
}

/// PutValue on the binding a [`get_name_with_reference`] resolved (its
/// register value `reference`).
pub(crate) fn set_name_by_reference<'gc>(
    agent: &mut Agent,
    constant: u32,
    reference: Value,
    value: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    match decode_reference(agent, reference) {
        Some(binding) => {
            let value = value.bind(gc.nogc()).scope(agent, gc.nogc());
            write_binding(agent, binding, constant, value, false, gc)
        }
        None => set_name(agent, constant, value, false, gc),
    }
}

/// Writes (or with `init`, initialises) a resolved name.
fn write_binding<'gc>(
    agent: &mut Agent,
    binding: NameBinding,
    constant: u32,
    value: Scoped<'_, Value<'static>>,
    init: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    // (Resolving may have collected: the key's string may have moved.)
    let key = name_key(agent, constant, gc.nogc());
    let strict = strict(agent);
    match binding {
        NameBinding::Slot(env, slot, immutable, _) => {
            let current = agent.heap.environments.get(env.index()).slots[slot];
            if !init && current == Value::Symbol(UNINITIALIZED) {
                let message = format!(
                    "Cannot access '{}' before initialization",
                    agent.key_display(key)
                );
                return Err(agent.throw_reference_error(&message, gc.into_nogc()));
            }
            if immutable && !init {
                return Err(
                    agent.throw_type_error("Assignment to constant variable.", gc.into_nogc())
                );
            }
            agent.heap.environments.get_mut(env.index()).slots[slot] = value.get(agent);
            Ok(())
        }
        // Import bindings are immutable (9.1.1.5 Module Environment Records).
        NameBinding::Import(_) => {
            Err(agent.throw_type_error("Assignment to constant variable.", gc.into_nogc()))
        }
        NameBinding::Object(object, _) => {
            // 9.1.1.2.5 SetMutableBinding of an object record.
            let object_root = object.scope(agent, gc.nogc());
            let still_there = has_property(agent, object, key, gc.reborrow())?;
            let key = name_key(agent, constant, gc.nogc());
            if !still_there && strict {
                let message = format!("{} is not defined", agent.key_display(key));
                return Err(agent.throw_reference_error(&message, gc.into_nogc()));
            }
            set(
                agent,
                object_root.get(agent),
                key,
                value.get(agent),
                strict,
                gc,
            )
        }
        NameBinding::Global => {
            let realm = agent.current_realm();
            let (lexicals, global) = (realm.global_lexicals, realm.global_object);
            if let Some(entry) = lexicals.find_named(agent, key) {
                if !init && lexicals.slot(agent, entry.slot) == Value::Symbol(UNINITIALIZED) {
                    let message = format!(
                        "Cannot access '{}' before initialization",
                        agent.key_display(key)
                    );
                    return Err(agent.throw_reference_error(&message, gc.into_nogc()));
                }
                if !entry.attributes.writable() && !init {
                    return Err(
                        agent.throw_type_error("Assignment to constant variable.", gc.into_nogc())
                    );
                }
                lexicals.set_slot(agent, entry.slot, value.get(agent));
                return Ok(());
            }
            set_global_object_binding(agent, global, key, value.get(agent), strict && !init, gc)
        }
    }
}

/// `delete name` for names resolved at run time.
pub(crate) fn delete_name<'gc>(
    agent: &mut Agent,
    constant: u32,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    let key = name_key(agent, constant, gc.nogc());
    let binding = resolve_name(agent, key, gc.reborrow())?;
    // (Resolving may have collected: the key's string may have moved.)
    let key = name_key(agent, constant, gc.nogc());
    match binding {
        NameBinding::Slot(..) | NameBinding::Import(_) => Ok(false),
        NameBinding::Object(object, _) => object.internal_delete(agent, key, gc),
        NameBinding::Global => {
            let realm = agent.current_realm();
            let (lexicals, global) = (realm.global_lexicals, realm.global_object);
            if lexicals.find_named(agent, key).is_some() {
                return Ok(false);
            }
            global.internal_delete(agent, key, gc)
        }
    }
}

// ----- super -----

/// The home object's prototype, for `super.x` (TypeError if it is null).
fn super_base<'gc>(
    agent: &mut Agent,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, (Object<'gc>, Value<'gc>)> {
    let frame = agent.vm.frames.last().expect("frame");
    let this = frame.this;
    let function = frame.this_function;
    let home = match function {
        Value::Object(f) => match f.kind(agent) {
            ObjectKind::ECMAScriptFunction(handle) => {
                agent.heap.functions.get(handle.index()).home_object
            }
            _ => None,
        },
        _ => None,
    };
    let Some(home) = home else {
        return Err(agent.throw_syntax_error("'super' keyword unexpected here", gc.into_nogc()));
    };
    if this == Value::Symbol(UNINITIALIZED) {
        return Err(agent.throw_reference_error(
            "Must call super constructor in derived class before accessing 'this'",
            gc.into_nogc(),
        ));
    }
    let gc = gc.into_nogc();
    match home.stored_prototype(agent) {
        Some(base) => Ok((base.bind(gc), this.bind(gc))),
        None => Err(agent.throw_type_error("Cannot read properties of null (super)", gc)),
    }
}

/// `super[key]`.
pub(crate) fn get_super<'gc>(
    agent: &mut Agent,
    key: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let (base, this) = super_base(agent, gc.reborrow())?;
    let (base, this) = (base.unbind(), this.unbind());
    let gc_key = key.bind(gc.nogc());
    let key = match gc_key {
        Value::Symbol(s) => PropertyKey::Symbol(s),
        other => {
            let s = other
                .as_string()
                .expect("super key converted by ToPropertyKey");
            agent.string_to_key(s, gc.nogc())
        }
    };
    base.internal_get(agent, key.unbind(), this, gc)
}

/// `super[key] = value`.
pub(crate) fn set_super<'gc>(
    agent: &mut Agent,
    key: Value,
    value: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let value = value.bind(gc.nogc()).scope(agent, gc.nogc());
    let (base, this) = super_base(agent, gc.reborrow())?;
    let (base, this) = (base.unbind(), this.unbind());
    let key = match key {
        Value::Symbol(s) => PropertyKey::Symbol(s.unbind()),
        other => {
            let s = other
                .as_string()
                .expect("super key converted by ToPropertyKey");
            agent.string_to_key(s, gc.nogc()).unbind()
        }
    };
    let succeeded = base.internal_set(agent, key, value.get(agent), this, gc.reborrow())?;
    if !succeeded && strict(agent) {
        let message = format!(
            "Cannot assign to read only property '{}'",
            agent.key_display(key)
        );
        return Err(agent.throw_type_error(&message, gc.into_nogc()));
    }
    Ok(())
}

// ----- private names -----

fn private_key(name: Value) -> PropertyKey<'static> {
    match name {
        Value::Symbol(s) => PropertyKey::Symbol(s.unbind()),
        _ => unreachable!("private names are symbols"),
    }
}

fn missing_private<'gc>(
    agent: &mut Agent,
    key: PropertyKey,
    gc: NoGcScope<'gc, '_>,
) -> crate::ecmascript::execution::JsError {
    let message = format!(
        "Cannot access private member {} from an object whose class did not declare it",
        agent
            .key_display(key)
            .trim_start_matches("Symbol(")
            .trim_end_matches(')')
    );
    agent.throw_type_error(&message, gc)
}

/// ### [7.3.31 PrivateGet ( O, P )](https://tc39.es/ecma262/#sec-privateget)
pub(crate) fn get_private<'gc>(
    agent: &mut Agent,
    object: Value,
    name: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let key = private_key(name);
    let Value::Object(o) = object else {
        return Err(missing_private(agent, key, gc.into_nogc()));
    };
    // 1. Let entry be PrivateElementFind(O, P).
    // 2. If entry is empty, throw a TypeError exception.
    let Some(entry) = o.find_named(agent, key) else {
        return Err(missing_private(agent, key, gc.into_nogc()));
    };
    // 3. If entry.[[Kind]] is either field or method, return entry.[[Value]].
    if !entry.attributes.is_accessor() {
        return Ok(o.slot(agent, entry.slot).bind(gc.into_nogc()));
    }
    // 5. Let getter be entry.[[Get]]. 6. If getter is undefined, throw a TypeError exception.
    let getter = o.slot(agent, entry.slot);
    if getter.is_undefined() {
        return Err(
            agent.throw_type_error("'#' accessor was defined without a getter", gc.into_nogc())
        );
    }
    // 7. Return ? Call(getter, O).
    call_function(agent, getter, object, ArgumentsList::EMPTY, gc)
}

/// ### [7.3.32 PrivateSet ( O, P, value )](https://tc39.es/ecma262/#sec-privateset)
pub(crate) fn set_private<'gc>(
    agent: &mut Agent,
    object: Value,
    name: Value,
    value: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let key = private_key(name);
    let Value::Object(o) = object else {
        return Err(missing_private(agent, key, gc.into_nogc()));
    };
    let Some(entry) = o.find_named(agent, key) else {
        return Err(missing_private(agent, key, gc.into_nogc()));
    };
    if !entry.attributes.is_accessor() {
        // 3. If entry.[[Kind]] is field, set entry.[[Value]] to value.
        // 4. Else if entry.[[Kind]] is method, throw a TypeError exception.
        if !entry.attributes.writable() {
            return Err(agent.throw_type_error("Private method is not writable", gc.into_nogc()));
        }
        o.set_slot(agent, entry.slot, value);
        return Ok(());
    }
    // 5. Else: let setter be entry.[[Set]]; if undefined, throw a TypeError exception.
    let setter = o.slot(agent, entry.slot + 1);
    if setter.is_undefined() {
        return Err(
            agent.throw_type_error("'#' accessor was defined without a setter", gc.into_nogc())
        );
    }
    // c. Perform ? Call(setter, O, « value »).
    call_function(agent, setter, object, ArgumentsList(&[value]), gc)?;
    Ok(())
}

/// ### [7.3.28 PrivateFieldAdd ( O, P, value )](https://tc39.es/ecma262/#sec-privatefieldadd)
pub(crate) fn define_private<'gc>(
    agent: &mut Agent,
    object: Value,
    name: Value,
    value: Value,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let key = private_key(name);
    let Value::Object(o) = object else {
        return Err(agent.throw_type_error("Private fields can only be added to objects", gc));
    };
    // 2. Let entry be PrivateElementFind(O, P). 3. If entry is not empty, throw a TypeError exception.
    if o.find_named(agent, key).is_some() {
        return Err(agent.throw_type_error(
            "Cannot initialize private field twice on the same object",
            gc,
        ));
    }
    // (Non-extensible objects cannot gain private elements.)
    if !o.stored_extensible(agent) {
        return Err(
            agent.throw_type_error("Cannot add a private field to a non-extensible object", gc)
        );
    }
    // 4. Append PrivateElement { [[Key]]: P, [[Kind]]: field, [[Value]]: value } to O.[[PrivateElements]].
    o.add_named_data(agent, key, value, Attributes::data(true, false, false));
    Ok(())
}

/// ### [7.3.29 PrivateMethodOrAccessorAdd ( O, method )](https://tc39.es/ecma262/#sec-privatemethodoraccessoradd)
pub(crate) fn define_private_method<'gc>(
    agent: &mut Agent,
    object: Value,
    name: Value,
    function: Value,
    kind: u8,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let key = private_key(name);
    let Value::Object(o) = object else {
        return Err(agent.throw_type_error("Private methods can only be added to objects", gc));
    };
    // (Non-extensible objects cannot gain private elements.)
    if o.find_named(agent, key).is_none() && !o.stored_extensible(agent) {
        return Err(
            agent.throw_type_error("Cannot add a private method to a non-extensible object", gc)
        );
    }
    match (o.find_named(agent, key), kind) {
        (None, 0) => o.add_named_data(agent, key, function, Attributes::data(false, false, false)),
        (None, 1) => o.add_named_accessor(
            agent,
            key,
            function,
            Value::Undefined,
            Attributes::accessor(false, false),
        ),
        (None, _) => o.add_named_accessor(
            agent,
            key,
            Value::Undefined,
            function,
            Attributes::accessor(false, false),
        ),
        // The other half of an accessor pair defined by the same class.
        (Some(entry), 1 | 2)
            if entry.attributes.is_accessor()
                && agent.private_accessor_half_missing(o, entry.slot, kind) =>
        {
            let slot = if kind == 1 {
                entry.slot
            } else {
                entry.slot + 1
            };
            o.set_slot(agent, slot, function);
        }
        (Some(_), _) => {
            return Err(agent.throw_type_error(
                "Cannot initialize private methods twice on the same object",
                gc,
            ));
        }
    }
    Ok(())
}

/// `#name in object`.
pub(crate) fn private_in<'gc>(
    agent: &mut Agent,
    name: Value,
    object: Value,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    let Value::Object(o) = object else {
        return Err(agent.throw_type_error(
            "Cannot use 'in' operator to search for a private field in a non-object",
            gc,
        ));
    };
    Ok(o.find_named(agent, private_key(name)).is_some())
}

impl Agent {
    fn private_accessor_half_missing(&self, o: Object, slot: u32, kind: u8) -> bool {
        let index = if kind == 1 { slot } else { slot + 1 };
        o.slot(self, index).is_undefined()
    }
}
