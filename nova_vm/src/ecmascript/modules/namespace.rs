//! ### [10.4.6 Module Namespace Exotic Objects](https://tc39.es/ecma262/#sec-module-namespace-exotic-objects)
//!
//! A namespace's string-keyed properties are the module's exports, read live
//! from the exporting module environments; its only other property is
//! `@@toStringTag`, an ordinary property of its storage. Its prototype is null
//! and it is not extensible, so the ordinary [[GetPrototypeOf]],
//! [[SetPrototypeOf]], [[IsExtensible]] and [[PreventExtensions]] already
//! behave as 10.4.6.1–10.4.6.4 require.

use super::linking::{Resolution, get_exported_names, resolve_export};
use super::{Module, NamespaceExport, ResolvedBinding};
use crate::ecmascript::abstract_operations::same_value;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{
    Object, PropertyDescriptor, PropertyKey, UNINITIALIZED, Value, WellKnownSymbol,
};
use crate::engine::{Bindable, NoGcScope};

/// ### [16.2.1.10 GetModuleNamespace ( module )](https://tc39.es/ecma262/#sec-getmodulenamespace)
pub(crate) fn get_module_namespace<'a>(
    agent: &mut Agent,
    module: Module,
    gc: NoGcScope<'a, '_>,
) -> Object<'a> {
    // 2. Let namespace be module.[[Namespace]].
    // 3. If namespace is EMPTY, then
    if let Some(namespace) = agent.heap.modules.get(module.index()).namespace {
        return namespace.bind(gc);
    }
    // a. Let exportedNames be module.GetExportedNames().
    let exported_names = get_exported_names(agent, module.unbind(), &mut Vec::new());
    // b. Let unambiguousNames be a new empty List.
    let mut unambiguous = Vec::new();
    // c. For each element name of exportedNames, do
    for name in exported_names {
        // i. Let resolution be module.ResolveExport(name).
        // ii. If resolution is a ResolvedBinding Record, append name to unambiguousNames.
        if let Resolution::Resolved(binding) =
            resolve_export(agent, module.unbind(), &name, &mut Vec::new())
        {
            unambiguous.push((name, binding));
        }
    }
    // d. Set namespace to ModuleNamespaceCreate(module, unambiguousNames).
    module_namespace_create(agent, module, unambiguous, gc)
}

/// ### [10.4.6.12 ModuleNamespaceCreate ( module, exports )](https://tc39.es/ecma262/#sec-modulenamespacecreate)
fn module_namespace_create<'a>(
    agent: &mut Agent,
    module: Module,
    mut exports: Vec<(String, ResolvedBinding)>,
    gc: NoGcScope<'a, '_>,
) -> Object<'a> {
    // 1-6. Let M be MakeBasicObject(internalSlotsList), with the internal
    //      methods of 10.4.6 and [[Module]] module.
    let namespace = agent.create_object(None, ObjectKind::ModuleNamespace(module.unbind()), gc);
    // 7. Let sortedExports be a List whose elements are the elements of exports,
    //    sorted by code unit order.
    exports.sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
    // 8. Set M.[[Exports]] to sortedExports.
    let exports: Vec<NamespaceExport> = exports
        .into_iter()
        .map(|(name, binding)| NamespaceExport {
            key: agent.key_from_str(&name, gc).unbind(),
            binding,
        })
        .collect();
    // 9. Create an own property of M corresponding to the definition in 28.3.1:
    //    @@toStringTag is "Module" { [[Writable]]: false, [[Enumerable]]: false,
    //    [[Configurable]]: false }.
    let tag = agent.create_string("Module", gc);
    namespace.add_named_data(
        agent,
        PropertyKey::Symbol(WellKnownSymbol::ToStringTag.symbol()),
        tag.into_value(),
        Attributes::data(false, false, false),
    );
    namespace.set_stored_non_extensible(agent);
    // 10. Set module.[[Namespace]] to M.
    let record = agent.heap.modules.get_mut(module.index());
    record.namespace = Some(namespace.unbind());
    record.namespace_exports = exports;
    // 11. Return M.
    namespace
}

/// The export of namespace `module` named `key`, if it has one.
pub(crate) fn namespace_export(
    agent: &Agent,
    module: Module,
    key: PropertyKey,
) -> Option<ResolvedBinding> {
    if key.is_symbol() {
        return None;
    }
    agent
        .heap
        .modules
        .get(module.index())
        .namespace_exports
        .iter()
        .find(|e| e.key == key.unbind())
        .map(|e| e.binding)
}

/// The export keys of namespace `module`, in order.
pub(crate) fn namespace_keys<'a>(
    agent: &Agent,
    module: Module,
    gc: NoGcScope<'a, '_>,
) -> Vec<PropertyKey<'a>> {
    agent
        .heap
        .modules
        .get(module.index())
        .namespace_exports
        .iter()
        .map(|e| e.key.bind(gc))
        .collect()
}

/// The value of a resolved binding: steps 7-12 of
/// [10.4.6.8 [[Get]] ( P, Receiver )](https://tc39.es/ecma262/#sec-module-namespace-exotic-objects-get-p-receiver),
/// also used by indirect import bindings.
pub(crate) fn resolved_binding_value<'a>(
    agent: &mut Agent,
    binding: ResolvedBinding,
    name: impl FnOnce(&Agent) -> String,
    gc: NoGcScope<'a, '_>,
) -> JsResult<'a, Value<'a>> {
    match binding {
        // 9. If binding.[[BindingName]] is NAMESPACE, then
        //    a. Return GetModuleNamespace(targetModule).
        ResolvedBinding::Namespace(target) => Ok(get_module_namespace(agent, target, gc).into()),
        ResolvedBinding::Slot(target, slot) => {
            // 10. Let targetEnv be targetModule.[[Environment]].
            // 11. If targetEnv is EMPTY, throw a ReferenceError exception.
            let env = agent.heap.modules.get(target.index()).environment;
            let value =
                env.map(|env| agent.heap.environments.get(env.index()).slots[slot as usize]);
            match value {
                // 12. Return ? targetEnv.GetBindingValue(binding.[[BindingName]], true).
                Some(value) if value != Value::Symbol(UNINITIALIZED) => Ok(value.bind(gc)),
                _ => {
                    let message = format!("Cannot access '{}' before initialization", name(agent));
                    Err(agent.throw_reference_error(&message, gc))
                }
            }
        }
    }
}

/// ### [10.4.6.5 [[GetOwnProperty]] ( P )](https://tc39.es/ecma262/#sec-module-namespace-exotic-objects-getownproperty-p)
///
/// `None` when P is a Symbol (the caller uses OrdinaryGetOwnProperty).
pub(crate) fn namespace_get_own_property<'a>(
    agent: &mut Agent,
    module: Module,
    key: PropertyKey,
    gc: NoGcScope<'a, '_>,
) -> Option<JsResult<'a, Option<PropertyDescriptor<'a>>>> {
    // 1. If P is a Symbol, return OrdinaryGetOwnProperty(O, P).
    if key.is_symbol() {
        return None;
    }
    // 2. Let exports be O.[[Exports]].
    // 3. If exports does not contain P, return undefined.
    let Some(binding) = namespace_export(agent, module, key) else {
        return Some(Ok(None));
    };
    // 4. Let value be ? O.[[Get]](P, O).
    let value = match resolved_binding_value(agent, binding, |a| a.key_display(key), gc) {
        Ok(value) => value,
        Err(error) => return Some(Err(error)),
    };
    // 5. Return PropertyDescriptor { [[Value]]: value, [[Writable]]: true,
    //    [[Enumerable]]: true, [[Configurable]]: false }.
    Some(Ok(Some(PropertyDescriptor::data(value, true, true, false))))
}

/// ### [10.4.6.6 [[DefineOwnProperty]] ( P, Desc )](https://tc39.es/ecma262/#sec-module-namespace-exotic-objects-defineownproperty-p-desc)
///
/// `None` when P is a Symbol (the caller uses OrdinaryDefineOwnProperty).
pub(crate) fn namespace_define_own_property<'a>(
    agent: &mut Agent,
    module: Module,
    key: PropertyKey,
    desc: PropertyDescriptor,
    gc: NoGcScope<'a, '_>,
) -> Option<JsResult<'a, bool>> {
    // 1. If P is a Symbol, return ! OrdinaryDefineOwnProperty(O, P, Desc).
    // 2. Let current be ? O.[[GetOwnProperty]](P).
    let current = match namespace_get_own_property(agent, module, key, gc)? {
        Ok(current) => current,
        Err(error) => return Some(Err(error)),
    };
    // 3. If current is undefined, return false.
    let Some(current) = current else {
        return Some(Ok(false));
    };
    // 4. If Desc has a [[Configurable]] field and Desc.[[Configurable]] is true, return false.
    // 5. If Desc has an [[Enumerable]] field and Desc.[[Enumerable]] is false, return false.
    // 6. If IsAccessorDescriptor(Desc) is true, return false.
    // 7. If Desc has a [[Writable]] field and Desc.[[Writable]] is false, return false.
    if desc.configurable == Some(true)
        || desc.enumerable == Some(false)
        || desc.get.is_some()
        || desc.set.is_some()
        || desc.writable == Some(false)
    {
        return Some(Ok(false));
    }
    // 8. If Desc has a [[Value]] field, return SameValue(Desc.[[Value]], current.[[Value]]).
    if let Some(value) = desc.value {
        let current = current.value.unwrap_or_default();
        return Some(Ok(same_value(agent, value, current)));
    }
    // 9. Return true.
    Some(Ok(true))
}

/// ### [10.4.6.7 [[HasProperty]] ( P )](https://tc39.es/ecma262/#sec-module-namespace-exotic-objects-hasproperty-p)
///
/// `None` when P is a Symbol (the caller uses OrdinaryHasProperty).
pub(crate) fn namespace_has_property(
    agent: &Agent,
    module: Module,
    key: PropertyKey,
) -> Option<bool> {
    // 1. If P is a Symbol, return ! OrdinaryHasProperty(O, P).
    if key.is_symbol() {
        return None;
    }
    // 2. Let exports be O.[[Exports]].
    // 3. If exports contains P, return true.
    // 4. Return false.
    Some(namespace_export(agent, module, key).is_some())
}

/// ### [10.4.6.8 [[Get]] ( P, Receiver )](https://tc39.es/ecma262/#sec-module-namespace-exotic-objects-get-p-receiver)
///
/// `None` when P is a Symbol (the caller uses OrdinaryGet).
pub(crate) fn namespace_get<'a>(
    agent: &mut Agent,
    module: Module,
    key: PropertyKey,
    gc: NoGcScope<'a, '_>,
) -> Option<JsResult<'a, Value<'a>>> {
    // 1. If P is a Symbol, then return ! OrdinaryGet(O, P, Receiver).
    if key.is_symbol() {
        return None;
    }
    // 2-3. If exports does not contain P, return undefined.
    let Some(binding) = namespace_export(agent, module, key) else {
        return Some(Ok(Value::Undefined));
    };
    // 4-12. Resolve the binding and read it.
    Some(resolved_binding_value(
        agent,
        binding,
        |a| a.key_display(key),
        gc,
    ))
}

/// ### [10.4.6.10 [[Delete]] ( P )](https://tc39.es/ecma262/#sec-module-namespace-exotic-objects-delete-p)
///
/// `None` when P is a Symbol (the caller uses OrdinaryDelete).
pub(crate) fn namespace_delete(agent: &Agent, module: Module, key: PropertyKey) -> Option<bool> {
    // 1. If P is a Symbol, return ! OrdinaryDelete(O, P).
    if key.is_symbol() {
        return None;
    }
    // 2-4. If exports contains P, return false; else return true.
    Some(namespace_export(agent, module, key).is_none())
}
