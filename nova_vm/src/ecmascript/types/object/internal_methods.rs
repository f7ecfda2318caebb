//! ### [6.1.7.2 Object Internal Methods and Internal Slots](https://tc39.es/ecma262/#sec-object-internal-methods-and-internal-slots)
//!
//! The essential internal methods, dispatched on the object's kind: ordinary
//! objects ([10.1](https://tc39.es/ecma262/#sec-ordinary-object-internal-methods-and-internal-slots)),
//! Array exotic objects ([10.4.2](https://tc39.es/ecma262/#sec-array-exotic-objects)) and
//! String exotic objects ([10.4.3](https://tc39.es/ecma262/#sec-string-exotic-objects)).
//! Every method takes the GC token because exotic objects (proxies, getters
//! and setters) may run JavaScript. Proxy exotic objects
//! ([10.5](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots))
//! are dispatched to `builtins/proxy`; the ordinary methods that walk the
//! prototype chain hand over to a proxy's own internal method when they reach
//! one.

use super::ObjectKind;
use crate::ecmascript::abstract_operations::{call_function, enter_native, to_number, to_uint32};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::builtins::proxy;
use crate::ecmascript::builtins::typed_arrays::typed_array::exotic as typed_array;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::modules::namespace;
use crate::ecmascript::types::{JsString, Object, PropertyDescriptor, PropertyKey, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// Runs a Proxy internal method in a root scope of its own (the roots it
/// parks are dropped when it returns) and one level deeper in the native call
/// depth (chains of proxies end in a RangeError, not a stack overflow).
macro_rules! proxy_method {
    ($agent:ident, $gc:ident, |$sub:ident| $call:expr) => {{
        enter_native($agent, $gc.nogc())?;
        let mark = $agent.scoped_roots.len();
        let result = {
            let $sub = $gc.subscope();
            $call
        }
        .unbind();
        $agent.scoped_roots.truncate(mark);
        $agent.vm.native_depth -= 1;
        result.bind($gc.into_nogc())
    }};
}

impl<'a> Object<'a> {
    /// True for Proxy exotic objects.
    #[inline]
    pub fn is_proxy(self, agent: &Agent) -> bool {
        self.kind(agent).is_proxy()
    }

    /// True for objects whose [[HasProperty]], [[Get]] and [[Set]] the
    /// ordinary prototype walk must call rather than inline (proxies, and
    /// TypedArrays, whose numeric keys never reach their prototype).
    #[inline]
    fn has_exotic_lookup(self, agent: &Agent) -> bool {
        matches!(
            self.kind(agent),
            ObjectKind::Proxy { .. } | ObjectKind::TypedArray(_) | ObjectKind::ModuleNamespace(_)
        )
    }

    /// ### [[GetPrototypeOf]] ( )
    pub fn internal_get_prototype_of<'gc>(
        self,
        agent: &mut Agent,
        mut gc: GcScope<'gc, '_>,
    ) -> JsResult<'gc, Option<Object<'gc>>> {
        if self.is_proxy(agent) {
            return proxy_method!(agent, gc, |gc| proxy::proxy_get_prototype_of(
                agent,
                self.unbind(),
                gc
            ));
        }
        // 10.1.1.1 OrdinaryGetPrototypeOf ( O ): 1. Return O.[[Prototype]].
        Ok(self.stored_prototype(agent).bind(gc.into_nogc()))
    }

    /// ### [[SetPrototypeOf]] ( V )
    pub fn internal_set_prototype_of<'gc>(
        self,
        agent: &mut Agent,
        prototype: Option<Object>,
        mut gc: GcScope<'gc, '_>,
    ) -> JsResult<'gc, bool> {
        if self.is_proxy(agent) {
            return proxy_method!(agent, gc, |gc| proxy::proxy_set_prototype_of(
                agent,
                self.unbind(),
                prototype.unbind(),
                gc
            ));
        }
        if self.is_immutable_prototype_exotic(agent) {
            // 10.4.7.1 [[SetPrototypeOf]] ( V ): 1. Return ? SetImmutablePrototype(O, V).
            // 10.4.7.2 SetImmutablePrototype ( O, V )
            // 1. Let current be ? O.[[GetPrototypeOf]]().
            let current = self.stored_prototype(agent);
            // 2. If SameValue(V, current) is true, return true.
            // 3. Return false.
            return Ok(current.map(|o| o.index()) == prototype.map(|o| o.index()));
        }
        Ok(self.ordinary_set_prototype_of(agent, prototype))
    }

    /// True for [10.4.7 Immutable Prototype Exotic Objects](https://tc39.es/ecma262/#sec-immutable-prototype-exotic-objects):
    /// the %Object.prototype% of every realm.
    fn is_immutable_prototype_exotic(self, agent: &Agent) -> bool {
        use crate::ecmascript::execution::Intrinsic;
        let me = self.index();
        agent.realms.iter().any(|realm| {
            realm.intrinsics[Intrinsic::ObjectPrototype as usize].is_some_and(|o| o.index() == me)
        })
    }

    /// ### [10.1.2.1 OrdinarySetPrototypeOf ( O, V )](https://tc39.es/ecma262/#sec-ordinarysetprototypeof)
    pub fn ordinary_set_prototype_of(self, agent: &mut Agent, prototype: Option<Object>) -> bool {
        // 1. Let current be O.[[Prototype]].
        let current = self.stored_prototype(agent);
        // 2. If SameValue(V, current) is true, return true.
        if current.map(|o| o.index()) == prototype.map(|o| o.index()) {
            return true;
        }
        // 3. Let extensible be O.[[Extensible]].
        // 4. If extensible is false, return false.
        if !self.stored_extensible(agent) {
            return false;
        }
        // 5. Let p be V.
        let mut p = prototype;
        // 6. Let done be false.
        // 7. Repeat, while done is false,
        while let Some(candidate) = p {
            // b. Else if SameValue(p, O) is true, return false.
            if candidate.index() == self.index() {
                return false;
            }
            // c. Else,
            //    i. If p.[[GetPrototypeOf]] is not the ordinary object internal method defined in
            //       10.1.1, set done to true.
            if candidate.is_proxy(agent) {
                break;
            }
            //    ii. Else, set p to p.[[Prototype]].
            p = candidate.stored_prototype(agent);
        }
        // 8. Set O.[[Prototype]] to V.
        self.set_stored_prototype(agent, prototype);
        // 9. Return true.
        true
    }

    /// ### [[IsExtensible]] ( )
    pub fn internal_is_extensible<'gc>(
        self,
        agent: &mut Agent,
        mut gc: GcScope<'gc, '_>,
    ) -> JsResult<'gc, bool> {
        if self.is_proxy(agent) {
            return proxy_method!(agent, gc, |gc| proxy::proxy_is_extensible(
                agent,
                self.unbind(),
                gc
            ));
        }
        // 10.1.3.1 OrdinaryIsExtensible ( O ): 1. Return O.[[Extensible]].
        Ok(self.stored_extensible(agent))
    }

    /// ### [[PreventExtensions]] ( )
    pub fn internal_prevent_extensions<'gc>(
        self,
        agent: &mut Agent,
        mut gc: GcScope<'gc, '_>,
    ) -> JsResult<'gc, bool> {
        if self.is_proxy(agent) {
            return proxy_method!(agent, gc, |gc| proxy::proxy_prevent_extensions(
                agent,
                self.unbind(),
                gc
            ));
        }
        if let ObjectKind::TypedArray(ta) = self.kind(agent) {
            // [[PreventExtensions]] ( ) of TypedArray exotic objects (10.4.5):
            // 1. NOTE: The extensibility-related invariants specified in 6.1.7.3 do not allow
            //    this method to return true when O can gain (or lose and then regain)
            //    properties, which might occur for properties with integer index names when its
            //    underlying buffer is resized.
            // 2. If IsTypedArrayFixedLength(O) is false, return false.
            let record = agent.typed_array_record(ta);
            if !crate::ecmascript::builtins::typed_arrays::typed_array::is_typed_array_fixed_length(
                agent, &record,
            ) {
                return Ok(false);
            }
            // 3. Return OrdinaryPreventExtensions(O).
        }
        // 10.1.4.1 OrdinaryPreventExtensions ( O ):
        // 1. Set O.[[Extensible]] to false.
        self.set_stored_non_extensible(agent);
        // 2. Return true.
        Ok(true)
    }

    /// ### [[GetOwnProperty]] ( P )
    pub fn internal_get_own_property<'gc>(
        self,
        agent: &mut Agent,
        key: PropertyKey,
        mut gc: GcScope<'gc, '_>,
    ) -> JsResult<'gc, Option<PropertyDescriptor<'gc>>> {
        if self.is_proxy(agent) {
            return proxy_method!(agent, gc, |gc| proxy::proxy_get_own_property(
                agent,
                self.unbind(),
                key.unbind(),
                gc
            ));
        }
        let gc = gc.into_nogc();
        if let ObjectKind::ModuleNamespace(module) = self.kind(agent)
            && let Some(result) = namespace::namespace_get_own_property(agent, module, key, gc)
        {
            return result;
        }
        Ok(self.get_own_property_no_gc(agent, key, gc))
    }

    /// [[GetOwnProperty]] for objects whose implementation runs no JavaScript
    /// (every kind except proxies: for a proxy this sees only its own storage,
    /// which holds nothing but private elements).
    pub fn get_own_property_no_gc<'gc>(
        self,
        agent: &mut Agent,
        key: PropertyKey,
        gc: NoGcScope<'gc, '_>,
    ) -> Option<PropertyDescriptor<'gc>> {
        match self.kind(agent) {
            ObjectKind::Array if is_length(key) => {
                let (length, writable) = array_length(agent, self);
                Some(PropertyDescriptor::data(
                    Value::from_u32(length),
                    writable,
                    false,
                    false,
                ))
            }
            ObjectKind::StringObject(_) => self
                .ordinary_get_own_property(agent, key, gc)
                .or_else(|| string_get_own_property(agent, self, key, gc)),
            ObjectKind::MappedArguments(_) => self.arguments_get_own_property(agent, key, gc),
            ObjectKind::TypedArray(ta) => match typed_array::numeric_index(agent, key) {
                Some(index) => typed_array::get_own_element(agent, ta, index, gc),
                None => self.ordinary_get_own_property(agent, key, gc),
            },
            // A namespace's exports without the ReferenceError of an uninitialized
            // binding (callers that may throw use [[GetOwnProperty]]).
            ObjectKind::ModuleNamespace(module) if !key.is_symbol() => {
                namespace::namespace_get_own_property(agent, module, key, gc)
                    .and_then(|result| {
                        let result = result.ok();
                        if result.is_none() {
                            agent.take_exception();
                        }
                        result
                    })
                    .flatten()
            }
            _ => self.ordinary_get_own_property(agent, key, gc),
        }
    }

    /// ### [[DefineOwnProperty]] ( P, Desc )
    pub fn internal_define_own_property<'gc>(
        self,
        agent: &mut Agent,
        key: PropertyKey,
        desc: PropertyDescriptor,
        mut gc: GcScope<'gc, '_>,
    ) -> JsResult<'gc, bool> {
        match self.kind(agent) {
            ObjectKind::Proxy { .. } => proxy_method!(agent, gc, |gc| {
                proxy::proxy_define_own_property(
                    agent,
                    self.unbind(),
                    key.unbind(),
                    desc.unbind(),
                    gc,
                )
            }),
            ObjectKind::Array => {
                array_define_own_property(agent, self.unbind(), key.unbind(), desc.unbind(), gc)
            }
            ObjectKind::StringObject(_) => {
                let nogc = gc.nogc();
                // 10.4.3.2 [[DefineOwnProperty]] ( P, Desc )
                // 1. Let stringDesc be StringGetOwnProperty(S, P).
                // 2. If stringDesc is not undefined, then
                if let Some(string_desc) = string_get_own_property(agent, self, key, nogc) {
                    // a. Let extensible be S.[[Extensible]].
                    let extensible = self.stored_extensible(agent);
                    // b. Return IsCompatiblePropertyDescriptor(extensible, Desc, stringDesc).
                    return Ok(self.validate_and_apply_property_descriptor(
                        agent,
                        key,
                        extensible,
                        desc,
                        Some(string_desc),
                        false,
                    ));
                }
                // 3. Return ! OrdinaryDefineOwnProperty(S, P, Desc).
                Ok(self.ordinary_define_own_property(agent, key, desc, gc.nogc()))
            }
            ObjectKind::MappedArguments(_) => {
                Ok(self.arguments_define_own_property(agent, key, desc, gc.nogc()))
            }
            ObjectKind::ModuleNamespace(module) => {
                let gc = gc.into_nogc();
                match namespace::namespace_define_own_property(agent, module, key, desc, gc) {
                    Some(result) => result,
                    None => Ok(self.ordinary_define_own_property(agent, key, desc, gc)),
                }
            }
            ObjectKind::TypedArray(ta) => match typed_array::numeric_index(agent, key) {
                Some(index) => typed_array::define_own_element(
                    agent,
                    self.unbind(),
                    ta,
                    index,
                    desc.unbind(),
                    gc,
                ),
                None => Ok(self.ordinary_define_own_property(agent, key, desc, gc.nogc())),
            },
            _ => Ok(self.ordinary_define_own_property(agent, key, desc, gc.nogc())),
        }
    }

    /// ### [10.1.6.1 OrdinaryDefineOwnProperty ( O, P, Desc )](https://tc39.es/ecma262/#sec-ordinarydefineownproperty)
    pub fn ordinary_define_own_property(
        self,
        agent: &mut Agent,
        key: PropertyKey,
        desc: PropertyDescriptor,
        gc: NoGcScope,
    ) -> bool {
        // 1. Let current be ? O.[[GetOwnProperty]](P).
        let current = self.ordinary_get_own_property(agent, key, gc);
        // 2. Let extensible be ? IsExtensible(O).
        let extensible = self.stored_extensible(agent);
        // 3. Return ValidateAndApplyPropertyDescriptor(O, P, extensible, Desc, current).
        self.validate_and_apply_property_descriptor(
            agent,
            key,
            extensible,
            desc,
            current.unbind(),
            true,
        )
    }

    /// ### [[HasProperty]] ( P )
    pub fn internal_has_property<'gc>(
        self,
        agent: &mut Agent,
        key: PropertyKey,
        mut gc: GcScope<'gc, '_>,
    ) -> JsResult<'gc, bool> {
        if self.is_proxy(agent) {
            return proxy_method!(agent, gc, |gc| proxy::proxy_has_property(
                agent,
                self.unbind(),
                key.unbind(),
                gc
            ));
        }
        if let ObjectKind::TypedArray(ta) = self.kind(agent)
            && let Some(index) = typed_array::numeric_index(agent, key)
        {
            return Ok(typed_array::has_element(agent, ta, index));
        }
        if let ObjectKind::ModuleNamespace(module) = self.kind(agent)
            && let Some(has) = namespace::namespace_has_property(agent, module, key)
        {
            return Ok(has);
        }
        // 10.1.7.1 OrdinaryHasProperty ( O, P )
        let mut object = self.bind(gc.nogc());
        loop {
            // 1. Let hasOwn be ? O.[[GetOwnProperty]](P).
            // 2. If hasOwn is not undefined, return true.
            if object
                .get_own_property_no_gc(agent, key, gc.nogc())
                .is_some()
            {
                return Ok(true);
            }
            // 3. Let parent be ? O.[[GetPrototypeOf]]().
            // 4. If parent is not null, then return ? parent.[[HasProperty]](P).
            // 5. Return false.
            match object.stored_prototype(agent) {
                Some(parent) if parent.has_exotic_lookup(agent) => {
                    return parent.unbind().internal_has_property(agent, key, gc);
                }
                Some(parent) => object = parent,
                None => return Ok(false),
            }
        }
    }

    /// ### [[Get]] ( P, Receiver )
    pub fn internal_get<'gc>(
        self,
        agent: &mut Agent,
        key: PropertyKey,
        receiver: Value,
        mut gc: GcScope<'gc, '_>,
    ) -> JsResult<'gc, Value<'gc>> {
        if self.is_proxy(agent) {
            return proxy_method!(agent, gc, |gc| proxy::proxy_get(
                agent,
                self.unbind(),
                key.unbind(),
                receiver.unbind(),
                gc
            ));
        }
        if let ObjectKind::TypedArray(ta) = self.kind(agent)
            && let Some(index) = typed_array::numeric_index(agent, key)
        {
            // 10.4.5.4 [[Get]]: 1.b.i. Return TypedArrayGetElement(O, numericIndex).
            return Ok(
                crate::ecmascript::builtins::typed_arrays::typed_array::typed_array_get_element(
                    agent,
                    ta,
                    index,
                    gc.into_nogc(),
                )
                .unwrap_or(Value::Undefined),
            );
        }
        if let ObjectKind::ModuleNamespace(module) = self.kind(agent)
            && !key.is_symbol()
        {
            let gc = gc.into_nogc();
            return namespace::namespace_get(agent, module, key, gc).expect("a string key");
        }
        // 10.1.8.1 OrdinaryGet ( O, P, Receiver )
        let receiver = receiver.bind(gc.nogc());
        let mut object = self.bind(gc.nogc());
        let getter = loop {
            // 1. Let desc be ? O.[[GetOwnProperty]](P).
            match object.get_own_property_no_gc(agent, key, gc.nogc()) {
                // 2. If desc is undefined, then
                None => match object.stored_prototype(agent) {
                    // a. Let parent be ? O.[[GetPrototypeOf]]().
                    // c. Return ? parent.[[Get]](P, Receiver).
                    Some(parent) if parent.has_exotic_lookup(agent) => {
                        return parent
                            .unbind()
                            .internal_get(agent, key, receiver.unbind(), gc);
                    }
                    Some(parent) => object = parent,
                    // b. If parent is null, return undefined.
                    None => return Ok(Value::Undefined),
                },
                Some(desc) => {
                    // 3. If IsDataDescriptor(desc) is true, return desc.[[Value]].
                    if let Some(value) = desc.value {
                        return Ok(value.unbind().bind(gc.into_nogc()));
                    }
                    // 4. Assert: IsAccessorDescriptor(desc) is true.
                    // 5. Let getter be desc.[[Get]].
                    break desc.get.unwrap_or_default();
                }
            }
        };
        // 6. If getter is undefined, return undefined.
        if getter.is_undefined() {
            return Ok(Value::Undefined);
        }
        // 7. Return ? Call(getter, Receiver).
        let result = call_function(
            agent,
            getter.unbind(),
            receiver.unbind(),
            ArgumentsList::EMPTY,
            gc.reborrow(),
        )?
        .unbind();
        Ok(result.bind(gc.into_nogc()))
    }

    /// ### [[Set]] ( P, V, Receiver )
    pub fn internal_set<'gc>(
        self,
        agent: &mut Agent,
        key: PropertyKey,
        value: Value,
        receiver: Value,
        mut gc: GcScope<'gc, '_>,
    ) -> JsResult<'gc, bool> {
        if self.is_proxy(agent) {
            return proxy_method!(agent, gc, |gc| proxy::proxy_set(
                agent,
                self.unbind(),
                key.unbind(),
                value.unbind(),
                receiver.unbind(),
                gc
            ));
        }
        if let ObjectKind::TypedArray(ta) = self.kind(agent)
            && let Some(index) = typed_array::numeric_index(agent, key)
        {
            let scoped = (
                self.scope(agent, gc.nogc()),
                value.scope(agent, gc.nogc()),
                receiver.scope(agent, gc.nogc()),
            );
            if let Some(result) = typed_array::set_element(
                agent,
                self.unbind(),
                ta,
                index,
                value.unbind(),
                receiver.unbind(),
                gc.reborrow(),
            )? {
                return Ok(result);
            }
            return ordinary_set(
                agent,
                scoped.0.get(agent),
                key.unbind(),
                scoped.1.get(agent),
                scoped.2.get(agent),
                gc,
            );
        }
        // 10.4.6.9 [[Set]] ( P, V, Receiver ) of module namespaces: 1. Return false.
        if let ObjectKind::ModuleNamespace(_) = self.kind(agent) {
            return Ok(false);
        }
        // 10.1.9.1 OrdinarySet ( O, P, V, Receiver )
        // 1. Let ownDesc be ? O.[[GetOwnProperty]](P).
        // 2. Return ? OrdinarySetWithOwnDescriptor(O, P, V, Receiver, ownDesc).
        ordinary_set(
            agent,
            self.unbind(),
            key.unbind(),
            value.unbind(),
            receiver.unbind(),
            gc,
        )
    }

    /// ### [[Delete]] ( P )
    pub fn internal_delete<'gc>(
        self,
        agent: &mut Agent,
        key: PropertyKey,
        mut gc: GcScope<'gc, '_>,
    ) -> JsResult<'gc, bool> {
        if self.is_proxy(agent) {
            return proxy_method!(agent, gc, |gc| proxy::proxy_delete(
                agent,
                self.unbind(),
                key.unbind(),
                gc
            ));
        }
        if let ObjectKind::MappedArguments(_) = self.kind(agent) {
            return Ok(self.arguments_delete(agent, key, gc.nogc()));
        }
        if let ObjectKind::ModuleNamespace(module) = self.kind(agent)
            && let Some(deleted) = namespace::namespace_delete(agent, module, key)
        {
            return Ok(deleted);
        }
        if let ObjectKind::TypedArray(ta) = self.kind(agent)
            && let Some(index) = typed_array::numeric_index(agent, key)
        {
            // 10.4.5.6 [[Delete]] ( P ): 1.b.i. If IsValidIntegerIndex(O, numericIndex) is
            // false, return true; else return false.
            return Ok(!typed_array::has_element(agent, ta, index));
        }
        Ok(self.ordinary_delete(agent, key, gc.nogc()))
    }

    /// ### [10.1.10.1 OrdinaryDelete ( O, P )](https://tc39.es/ecma262/#sec-ordinarydelete)
    pub fn ordinary_delete(self, agent: &mut Agent, key: PropertyKey, gc: NoGcScope) -> bool {
        // 1. Let desc be ? O.[[GetOwnProperty]](P).
        let Some(desc) = self.get_own_property_no_gc(agent, key, gc) else {
            // 2. If desc is undefined, return true.
            return true;
        };
        // 3. If desc.[[Configurable]] is true, then
        if desc.configurable == Some(true) {
            // a. Remove the own property with name P from O.
            self.remove_property(agent, key);
            // b. Return true.
            return true;
        }
        // 4. Return false.
        false
    }

    /// ### [[OwnPropertyKeys]] ( )
    pub fn internal_own_property_keys<'gc>(
        self,
        agent: &mut Agent,
        mut gc: GcScope<'gc, '_>,
    ) -> JsResult<'gc, Vec<PropertyKey<'gc>>> {
        if self.is_proxy(agent) {
            return proxy_method!(agent, gc, |gc| proxy::proxy_own_property_keys(
                agent,
                self.unbind(),
                gc
            ));
        }
        Ok(self.own_property_keys_no_gc(agent, gc.into_nogc()))
    }

    /// [[OwnPropertyKeys]] for every kind except proxies (for a proxy this
    /// sees only its own storage).
    pub fn own_property_keys_no_gc<'gc>(
        self,
        agent: &mut Agent,
        gc: NoGcScope<'gc, '_>,
    ) -> Vec<PropertyKey<'gc>> {
        match self.kind(agent) {
            ObjectKind::Array => {
                let mut keys: Vec<PropertyKey<'gc>> = self
                    .elements(agent)
                    .map(|e| e.indexes().into_iter().map(PropertyKey::Index).collect())
                    .unwrap_or_default();
                keys.push(length_key());
                self.append_named_keys(agent, &mut keys, gc);
                keys
            }
            ObjectKind::StringObject(data) => {
                // 10.4.3.3 [[OwnPropertyKeys]] ( )
                let s = agent.heap.internal_values.get(data.index()).0;
                let len = s.as_string().map_or(0, |s| agent.string_length(s)) as u32;
                // 5. For each integer i such that 0 ≤ i < len, in ascending order, append
                //    ! ToString(𝔽(i)).
                let mut keys: Vec<PropertyKey<'gc>> = (0..len).map(PropertyKey::Index).collect();
                // 6. For each own property key P of O such that P is an array index and
                //    ! ToIntegerOrInfinity(P) ≥ len, in ascending numeric index order, append P.
                if let Some(e) = self.elements(agent) {
                    keys.extend(
                        e.indexes()
                            .into_iter()
                            .filter(|&i| i >= len)
                            .map(PropertyKey::Index),
                    );
                }
                // 7-8. Strings, then symbols, in chronological order.
                self.append_named_keys(agent, &mut keys, gc);
                keys
            }
            ObjectKind::TypedArray(ta) => typed_array::own_property_keys(agent, self, ta, gc),
            ObjectKind::ModuleNamespace(module) => {
                // 10.4.6.11 [[OwnPropertyKeys]] ( ): the exports, then the symbol keys.
                let mut keys = namespace::namespace_keys(agent, module, gc);
                keys.extend(self.ordinary_own_property_keys(agent, gc));
                keys
            }
            _ => self.ordinary_own_property_keys(agent, gc),
        }
    }
}

fn is_length(key: PropertyKey) -> bool {
    key == length_key()
}

fn length_key() -> PropertyKey<'static> {
    PropertyKey::from_static_str("length").expect("short key")
}

fn array_length(agent: &Agent, array: Object) -> (u32, bool) {
    array
        .elements(agent)
        .map_or((0, true), |e| (e.length, e.length_writable))
}

/// ### [10.1.9.2 OrdinarySetWithOwnDescriptor ( O, P, V, Receiver, ownDesc )](https://tc39.es/ecma262/#sec-ordinarysetwithowndescriptor)
fn ordinary_set<'gc>(
    agent: &mut Agent,
    object: Object,
    key: PropertyKey,
    value: Value,
    receiver: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    let nogc = gc.nogc();
    let mut object = object.bind(nogc);
    let key = key.bind(nogc);
    let value = value.bind(nogc);
    let receiver = receiver.bind(nogc);
    // Walk the prototype chain for ownDesc.
    let own_desc = loop {
        match object.get_own_property_no_gc(agent, key, nogc) {
            Some(desc) => break desc,
            // 1. If ownDesc is undefined, then
            None => match object.stored_prototype(agent) {
                // a. Let parent be ? O.[[GetPrototypeOf]]().
                // b. If parent is not null, then return ? parent.[[Set]](P, V, Receiver).
                Some(parent) if parent.has_exotic_lookup(agent) => {
                    return parent.unbind().internal_set(
                        agent,
                        key.unbind(),
                        value.unbind(),
                        receiver.unbind(),
                        gc,
                    );
                }
                Some(parent) => object = parent,
                // c. Else, set ownDesc to the PropertyDescriptor { [[Value]]: undefined,
                //    [[Writable]]: true, [[Enumerable]]: true, [[Configurable]]: true }.
                None => break PropertyDescriptor::data(Value::Undefined, true, true, true),
            },
        }
    };
    // 2. If IsDataDescriptor(ownDesc) is true, then
    if own_desc.is_data_descriptor() {
        // a. If ownDesc.[[Writable]] is false, return false.
        if own_desc.writable == Some(false) {
            return Ok(false);
        }
        // b. If Receiver is not an Object, return false.
        let Value::Object(receiver) = receiver else {
            return Ok(false);
        };
        // c. Let existingDescriptor be ? Receiver.[[GetOwnProperty]](P).
        let scoped_receiver = receiver.scope(agent, nogc);
        let scoped_key = key.scope(agent, nogc);
        let scoped_value = value.scope(agent, nogc);
        let existing = receiver
            .unbind()
            .internal_get_own_property(agent, key.unbind(), gc.reborrow())?
            .map(|d| d.is_accessor_descriptor() || d.writable == Some(false));
        let receiver = scoped_receiver.get(agent).bind(gc.nogc());
        let key = scoped_key.get(agent).bind(gc.nogc());
        let value = scoped_value.get(agent).bind(gc.nogc());
        // d. If existingDescriptor is not undefined, then
        if let Some(blocked) = existing {
            // i. If IsAccessorDescriptor(existingDescriptor) is true, return false.
            // ii. If existingDescriptor.[[Writable]] is false, return false.
            if blocked {
                return Ok(false);
            }
            // iii. Let valueDesc be the PropertyDescriptor { [[Value]]: V }.
            let value_desc = PropertyDescriptor {
                value: Some(value.unbind()),
                ..Default::default()
            };
            // iv. Return ? Receiver.[[DefineOwnProperty]](P, valueDesc).
            return receiver.unbind().internal_define_own_property(
                agent,
                key.unbind(),
                value_desc,
                gc,
            );
        }
        // e. Else,
        // i. Assert: Receiver does not currently have a property P.
        // ii. Return ? CreateDataProperty(Receiver, P, V).
        let desc = PropertyDescriptor::data(value.unbind(), true, true, true);
        return receiver
            .unbind()
            .internal_define_own_property(agent, key.unbind(), desc, gc);
    }
    // 3. Assert: IsAccessorDescriptor(ownDesc) is true.
    // 4. Let setter be ownDesc.[[Set]].
    let setter = own_desc.set.unwrap_or_default();
    // 5. If setter is undefined, return false.
    if setter.is_undefined() {
        return Ok(false);
    }
    // 6. Perform ? Call(setter, Receiver, « V »).
    call_function(
        agent,
        setter.unbind(),
        receiver.unbind(),
        ArgumentsList(&[value.unbind()]),
        gc,
    )?;
    // 7. Return true.
    Ok(true)
}

/// ### [10.4.2.1 [[DefineOwnProperty]] ( P, Desc )](https://tc39.es/ecma262/#sec-array-exotic-objects-defineownproperty-p-desc) of Array exotic objects
fn array_define_own_property<'gc>(
    agent: &mut Agent,
    array: Object,
    key: PropertyKey,
    desc: PropertyDescriptor,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    // 1. If P is "length", then
    if is_length(key) {
        // a. Return ? ArraySetLength(A, Desc).
        return array_set_length(agent, array, desc, gc);
    }
    // 2. Else if P is an array index, then
    if let PropertyKey::Index(index) = key {
        // a. Let lengthDesc be OrdinaryGetOwnProperty(A, "length").
        // d. Let length be lengthDesc.[[Value]].
        let (length, length_writable) = array_length(agent, array);
        // f. Let index be ! ToUint32(P).
        // g. If index ≥ length and lengthDesc.[[Writable]] is false, return false.
        if index >= length && !length_writable {
            return Ok(false);
        }
        // h. Let succeeded be ! OrdinaryDefineOwnProperty(A, P, Desc).
        // i. If succeeded is false, return false.
        // j. If index ≥ length, then
        //    i. Set lengthDesc.[[Value]] to index + 1𝔽.
        //    ii. Set succeeded to ! OrdinaryDefineOwnProperty(A, "length", lengthDesc).
        //    (write_property grows an array's length as it stores the element)
        // k. Return true.
        return Ok(array.ordinary_define_own_property(agent, key, desc, gc.nogc()));
    }
    // 3. Return ? OrdinaryDefineOwnProperty(A, P, Desc).
    Ok(array.ordinary_define_own_property(agent, key, desc, gc.nogc()))
}

/// ### [10.4.2.4 ArraySetLength ( A, Desc )](https://tc39.es/ecma262/#sec-arraysetlength)
pub(crate) fn array_set_length<'gc>(
    agent: &mut Agent,
    array: Object,
    desc: PropertyDescriptor,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    let array = array.bind(gc.nogc());
    let desc = desc.bind(gc.nogc());
    // 1. If Desc does not have a [[Value]] field, then
    let Some(value) = desc.value else {
        // a. Return ! OrdinaryDefineOwnProperty(A, "length", Desc).
        return Ok(define_length(agent, array, desc, None));
    };
    // 2. Let newLenDesc be a copy of Desc.
    let (writable, enumerable, configurable) = (desc.writable, desc.enumerable, desc.configurable);
    let has_get = desc.get.is_some();
    let has_set = desc.set.is_some();
    let scoped_array = array.scope(agent, gc.nogc());
    let scoped_value = value.scope(agent, gc.nogc());
    // 3. Let newLen be ? ToUint32(Desc.[[Value]]).
    let new_len = to_uint32(agent, value.unbind(), gc.reborrow())?;
    // 4. Let numberLen be ? ToNumber(Desc.[[Value]]).
    let number_len = to_number(agent, scoped_value.get(agent), gc.reborrow())?;
    let array = scoped_array.get(agent).bind(gc.nogc());
    // 5. If SameValueZero(newLen, numberLen) is false, throw a RangeError exception.
    if f64::from(new_len) != number_len {
        return Err(agent.throw_range_error("Invalid array length", gc.into_nogc()));
    }
    // (An accessor field in Desc makes the validation below fail, as "length" is a
    // non-configurable data property.)
    let mut new_len_desc = PropertyDescriptor {
        value: None,
        writable,
        get: has_get.then_some(Value::Undefined),
        set: has_set.then_some(Value::Undefined),
        enumerable,
        configurable,
    };
    // 6. Set newLenDesc.[[Value]] to newLen.
    new_len_desc.value = Some(Value::from_u32(new_len));
    // 7. Let oldLenDesc be OrdinaryGetOwnProperty(A, "length").
    // 9. Let oldLen be oldLenDesc.[[Value]].
    let (old_len, old_writable) = array_length(agent, array);
    // 10. If newLen ≥ oldLen, then
    if new_len >= old_len {
        // a. Return ! OrdinaryDefineOwnProperty(A, "length", newLenDesc).
        return Ok(define_length(agent, array, new_len_desc, Some(new_len)));
    }
    // 11. If oldLenDesc.[[Writable]] is false, return false.
    if !old_writable {
        return Ok(false);
    }
    // 12. If newLenDesc does not have a [[Writable]] field or newLenDesc.[[Writable]] is true,
    //     let newWritable be true.
    // 13. Else, let newWritable be false and set newLenDesc.[[Writable]] to true.
    let new_writable = new_len_desc.writable != Some(false);
    if !new_writable {
        new_len_desc.writable = Some(true);
    }
    // 15. Let succeeded be ! OrdinaryDefineOwnProperty(A, "length", newLenDesc).
    // 16. If succeeded is false, return false.
    if !define_length(agent, array, new_len_desc, None) {
        return Ok(false);
    }
    // 17. For each own property key P of A such that P is an array index and ! ToUint32(P) ≥
    //     newLen, in descending numeric index order, do
    let doomed: Vec<u32> = array
        .elements(agent)
        .map(|e| e.indexes().into_iter().filter(|&i| i >= new_len).collect())
        .unwrap_or_default();
    for &index in doomed.iter().rev() {
        // a. Let deleteSucceeded be ! A.[[Delete]](P).
        if !array.ordinary_delete(agent, PropertyKey::Index(index), gc.nogc()) {
            // b. If deleteSucceeded is false, then
            //    i. Set newLenDesc.[[Value]] to ! ToUint32(P) + 1𝔽.
            //    ii. If newWritable is false, set newLenDesc.[[Writable]] to false.
            //    iii. Perform ! OrdinaryDefineOwnProperty(A, "length", newLenDesc).
            let elements = array.elements_mut(agent);
            elements.length = index + 1;
            if !new_writable {
                elements.length_writable = false;
            }
            //    iv. Return false.
            return Ok(false);
        }
    }
    let elements = array.elements_mut(agent);
    elements.truncate(new_len);
    elements.length = new_len;
    // 18. If newWritable is false, then
    if !new_writable {
        // a. Set succeeded to ! OrdinaryDefineOwnProperty(A, "length",
        //    PropertyDescriptor { [[Writable]]: false }).
        elements.length_writable = false;
    }
    // 19. Return true.
    Ok(true)
}

/// OrdinaryDefineOwnProperty(A, "length", desc) against the stored length.
fn define_length(
    agent: &mut Agent,
    array: Object,
    desc: PropertyDescriptor,
    new_len: Option<u32>,
) -> bool {
    let (length, writable) = array_length(agent, array);
    let current = PropertyDescriptor::data(Value::from_u32(length), writable, false, false);
    if !array.validate_and_apply_property_descriptor(
        agent,
        length_key(),
        false,
        desc,
        Some(current),
        false,
    ) {
        return false;
    }
    let elements = array.elements_mut(agent);
    if let Some(new_len) = new_len {
        if new_len < elements.length {
            elements.truncate(new_len);
        }
        elements.length = new_len;
    }
    if desc.writable == Some(false) {
        elements.length_writable = false;
    }
    true
}

/// ### [10.4.3.5 StringGetOwnProperty ( S, P )](https://tc39.es/ecma262/#sec-stringgetownproperty)
fn string_get_own_property<'gc>(
    agent: &mut Agent,
    object: Object,
    key: PropertyKey,
    gc: NoGcScope<'gc, '_>,
) -> Option<PropertyDescriptor<'gc>> {
    // 1. If P is not a String, return undefined.
    // 2. Let index be CanonicalNumericIndexString(P).
    // 3. If index is undefined, return undefined.
    // 4. If IsIntegralNumber(index) is false, return undefined.
    // 5. If index is -0𝔽 or index < -0, return undefined.
    let PropertyKey::Index(index) = key else {
        return None;
    };
    let ObjectKind::StringObject(data) = object.kind(agent) else {
        return None;
    };
    // 6. Let str be S.[[StringData]].
    let string: JsString = agent.heap.internal_values.get(data.index()).0.as_string()?;
    // 7. Assert: str is a String.
    // 8. Let len be the length of str.
    // 9. If ℝ(index) ≥ len, return undefined.
    if index as usize >= agent.string_length(string) {
        return None;
    }
    // 10. Let resultStr be the substring of str from ℝ(index) to ℝ(index) + 1.
    let result = agent.string_substring(string, index as usize, index as usize + 1, gc);
    // 11. Return the PropertyDescriptor { [[Value]]: resultStr, [[Writable]]: false,
    //     [[Enumerable]]: true, [[Configurable]]: false }.
    Some(PropertyDescriptor::data(
        result.into_value(),
        false,
        true,
        false,
    ))
}
