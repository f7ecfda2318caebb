//! Linking: [16.2.1.6.2 GetExportedNames](https://tc39.es/ecma262/#sec-getexportednames),
//! [16.2.1.6.3 ResolveExport](https://tc39.es/ecma262/#sec-resolveexport),
//! [16.2.1.5.1 Link](https://tc39.es/ecma262/#sec-moduledeclarationlinking) with
//! InnerModuleLinking, and [16.2.1.6.4 InitializeEnvironment](https://tc39.es/ecma262/#sec-source-text-module-record-initialize-environment).
//!
//! Module records are never collected (the module map holds every one), so
//! `Module` handles stay valid across collections; environments and objects
//! are read from the records again after each call that may collect.

use super::namespace::get_module_namespace;
use super::{ImportTarget, Module, ModuleStatus, ResolvedBinding};
use crate::ecmascript::execution::{Agent, EnvironmentKind, EnvironmentRecord, JsResult};
use crate::engine::interpreter::run_module_code;
use crate::engine::{Bindable, GcScope, NoGcScope};

/// The result of ResolveExport: a ResolvedBinding Record, null or AMBIGUOUS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Resolution {
    /// null: not found (or a circular request).
    Null,
    /// AMBIGUOUS: two star exports provide different bindings.
    Ambiguous,
    /// A ResolvedBinding Record.
    Resolved(ResolvedBinding),
}

/// ### [16.2.1.9 GetImportedModule ( referrer, request )](https://tc39.es/ecma262/#sec-GetImportedModule)
pub(crate) fn get_imported_module(
    agent: &Agent,
    referrer: Module,
    request: u32,
) -> Module<'static> {
    // 1. Let records be a List of each LoadedModuleRequest Record r of referrer.[[LoadedModules]]
    //    such that ModuleRequestsEqual(r, request) is true.
    // 2. Assert: records has exactly one element, since LoadRequestedModules has completed successfully.
    // 3. Return records[0].[[Module]].
    agent.heap.modules.get(referrer.index()).loaded[request as usize]
        .expect("LoadRequestedModules completed")
}

/// ### [16.2.1.6.2 GetExportedNames ( [ exportStarSet ] )](https://tc39.es/ecma262/#sec-getexportednames)
pub(crate) fn get_exported_names(
    agent: &Agent,
    module: Module<'static>,
    export_star_set: &mut Vec<Module<'static>>,
) -> Vec<String> {
    // 2. If exportStarSet contains module, then
    //    a. Assert: We've reached the starting point of an export * circularity.
    //    b. Return a new empty List.
    if export_star_set.contains(&module) {
        return Vec::new();
    }
    // 3. Append module to exportStarSet.
    export_star_set.push(module);
    let record = agent.heap.modules.get(module.index());
    // 4. Let exportedNames be a new empty List.
    // 5. For each ExportEntry Record e of module.[[LocalExportEntries]], do
    //    b. Append e.[[ExportName]] to exportedNames.
    let mut names: Vec<String> = record
        .local_exports
        .iter()
        .map(|e| e.export_name.clone())
        .collect();
    // 6. For each ExportEntry Record e of module.[[IndirectExportEntries]], do
    //    b. Append e.[[ExportName]] to exportedNames.
    names.extend(
        record
            .indirect_exports
            .iter()
            .map(|e| e.export_name.clone()),
    );
    // 7. For each ExportEntry Record e of module.[[StarExportEntries]], do
    let stars = record.star_exports.clone();
    for request in stars {
        // a. Let requestedModule be GetImportedModule(module, e.[[ModuleRequest]]).
        let requested = get_imported_module(agent, module, request);
        // b. Let starNames be requestedModule.GetExportedNames(exportStarSet).
        let star_names = get_exported_names(agent, requested, export_star_set);
        // c. For each element n of starNames, do
        for n in star_names {
            // i. If n is not "default", then
            //    1. If exportedNames does not contain n, then append n to exportedNames.
            if n != "default" && !names.contains(&n) {
                names.push(n);
            }
        }
    }
    // 8. Return exportedNames.
    names
}

/// ### [16.2.1.6.3 ResolveExport ( exportName [ , resolveSet ] )](https://tc39.es/ecma262/#sec-resolveexport)
pub(crate) fn resolve_export(
    agent: &Agent,
    module: Module<'static>,
    export_name: &str,
    resolve_set: &mut Vec<(Module<'static>, String)>,
) -> Resolution {
    // 2. For each Record { [[Module]], [[ExportName]] } r of resolveSet, do
    //    a. If module and r.[[Module]] are the same Module Record and exportName is
    //       r.[[ExportName]], then: Assert: this is a circular import request. Return null.
    if resolve_set
        .iter()
        .any(|(m, name)| *m == module && name == export_name)
    {
        return Resolution::Null;
    }
    // 3. Append the Record { [[Module]]: module, [[ExportName]]: exportName } to resolveSet.
    resolve_set.push((module, export_name.to_owned()));
    let record = agent.heap.modules.get(module.index());
    // 4. For each ExportEntry Record e of module.[[LocalExportEntries]], do
    //    a. If exportName is e.[[ExportName]], then
    //       ii. Return ResolvedBinding Record { [[Module]]: module, [[BindingName]]: e.[[LocalName]] }.
    if let Some(e) = record
        .local_exports
        .iter()
        .find(|e| e.export_name == export_name)
    {
        return Resolution::Resolved(ResolvedBinding::Slot(module, e.slot));
    }
    // 5. For each ExportEntry Record e of module.[[IndirectExportEntries]], do
    if let Some(e) = record
        .indirect_exports
        .iter()
        .find(|e| e.export_name == export_name)
    {
        // a. If exportName is e.[[ExportName]], then
        //    i. Let importedModule be GetImportedModule(module, e.[[ModuleRequest]]).
        let imported = get_imported_module(agent, module, e.request);
        return match e.import_name.clone() {
            // ii. If e.[[ImportName]] is ALL, then
            //     2. Return ResolvedBinding Record { [[Module]]: importedModule, [[BindingName]]: NAMESPACE }.
            None => Resolution::Resolved(ResolvedBinding::Namespace(imported)),
            // iii. Else, Return importedModule.ResolveExport(e.[[ImportName]], resolveSet).
            Some(name) => resolve_export(agent, imported, &name, resolve_set),
        };
    }
    // 6. If exportName is "default", then
    //    b. Return null (a default export cannot be provided by export *).
    if export_name == "default" {
        return Resolution::Null;
    }
    // 7. Let starResolution be null.
    let mut star_resolution: Option<ResolvedBinding> = None;
    // 8. For each ExportEntry Record e of module.[[StarExportEntries]], do
    let stars = record.star_exports.clone();
    for request in stars {
        // a. Let importedModule be GetImportedModule(module, e.[[ModuleRequest]]).
        let imported = get_imported_module(agent, module, request);
        // b. Let resolution be importedModule.ResolveExport(exportName, resolveSet).
        match resolve_export(agent, imported, export_name, resolve_set) {
            // c. If resolution is AMBIGUOUS, return AMBIGUOUS.
            Resolution::Ambiguous => return Resolution::Ambiguous,
            Resolution::Null => {}
            // d. If resolution is not null, then
            Resolution::Resolved(resolution) => match star_resolution {
                // ii. If starResolution is null, set starResolution to resolution.
                None => star_resolution = Some(resolution),
                // iii. Else: if resolution.[[Module]] and starResolution.[[Module]] are
                //      not the same Module Record, or their [[BindingName]]s differ,
                //      return AMBIGUOUS.
                Some(previous) if previous != resolution => return Resolution::Ambiguous,
                Some(_) => {}
            },
        }
    }
    // 9. Return starResolution.
    match star_resolution {
        Some(binding) => Resolution::Resolved(binding),
        None => Resolution::Null,
    }
}

/// ### [16.2.1.5.1 Link ( )](https://tc39.es/ecma262/#sec-moduledeclarationlinking)
pub(crate) fn link<'gc>(
    agent: &mut Agent,
    module: Module<'static>,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    // 2. Let stack be a new empty List.
    let mut stack = Vec::new();
    // 3. Let result be Completion(InnerModuleLinking(module, stack, 0)).
    let result = inner_module_linking(agent, module, &mut stack, 0, gc);
    // 4. If result is an abrupt completion, then
    if let Err(error) = result {
        // a. For each Cyclic Module Record m of stack, do
        for m in stack {
            // i. Assert: m.[[Status]] is LINKING.
            // ii. Set m.[[Status]] to UNLINKED.
            let record = agent.heap.modules.get_mut(m.index());
            record.status = ModuleStatus::Unlinked;
            record.environment = None;
        }
        // c. Return ? result.
        return Err(error);
    }
    // 6. Return UNUSED.
    Ok(())
}

/// ### [16.2.1.5.1.1 InnerModuleLinking ( module, stack, index )](https://tc39.es/ecma262/#sec-InnerModuleLinking)
fn inner_module_linking<'gc>(
    agent: &mut Agent,
    module: Module<'static>,
    stack: &mut Vec<Module<'static>>,
    mut index: u32,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, u32> {
    // 2. If module.[[Status]] is one of LINKING, LINKED, EVALUATING-ASYNC, or EVALUATED, then
    //    a. Return index.
    let status = agent.heap.modules.get(module.index()).status;
    if status != ModuleStatus::Unlinked {
        return Ok(index);
    }
    // 3-8. Set [[Status]] to LINKING, [[DFSIndex]] and [[DFSAncestorIndex]] to
    //      index, increment index, and push module onto stack.
    {
        let record = agent.heap.modules.get_mut(module.index());
        record.status = ModuleStatus::Linking;
        record.dfs_index = index;
        record.dfs_ancestor_index = index;
    }
    index += 1;
    stack.push(module);
    // 9. For each ModuleRequest Record request of module.[[RequestedModules]], do
    let request_count = agent.heap.modules.get(module.index()).requests.len() as u32;
    for request in 0..request_count {
        // a. Let requiredModule be GetImportedModule(module, request).
        let required = get_imported_module(agent, module, request);
        // b. Set index to ? InnerModuleLinking(requiredModule, stack, index).
        index = inner_module_linking(agent, required, stack, index, gc.reborrow())?;
        // c. If requiredModule is a Cyclic Module Record, then
        //    ii. If requiredModule.[[Status]] is LINKING, then set
        //        module.[[DFSAncestorIndex]] to min(module.[[DFSAncestorIndex]],
        //        requiredModule.[[DFSAncestorIndex]]).
        let required_record = agent.heap.modules.get(required.index());
        if required_record.status == ModuleStatus::Linking {
            let ancestor = required_record.dfs_ancestor_index;
            let record = agent.heap.modules.get_mut(module.index());
            record.dfs_ancestor_index = record.dfs_ancestor_index.min(ancestor);
        }
    }
    // 10. Perform ? module.InitializeEnvironment().
    initialize_environment(agent, module, gc)?;
    // 13. If module.[[DFSAncestorIndex]] = module.[[DFSIndex]], then
    let record = agent.heap.modules.get(module.index());
    if record.dfs_ancestor_index == record.dfs_index {
        // b. Repeat, while done is false,
        while let Some(required) = stack.pop() {
            // iii. Set requiredModule.[[Status]] to LINKED.
            agent.heap.modules.get_mut(required.index()).status = ModuleStatus::Linked;
            // iv. If requiredModule and module are the same Module Record, set done to true.
            if required == module {
                break;
            }
        }
    }
    // 14. Return index.
    Ok(index)
}

/// A SyntaxError for an import or re-export that does not resolve.
fn unresolvable<'a>(
    agent: &mut Agent,
    module: Module,
    request: u32,
    name: &str,
    resolution: Resolution,
    gc: NoGcScope<'a, '_>,
) -> crate::ecmascript::execution::JsError {
    let record = agent.heap.modules.get(module.index());
    let specifier = &record.requests[request as usize].specifier;
    let message = if resolution == Resolution::Ambiguous {
        format!("The requested module '{specifier}' provides an ambiguous export named '{name}'")
    } else {
        format!("The requested module '{specifier}' does not provide an export named '{name}'")
    };
    let message = format!("{message} (imported by {})", record.path.display());
    agent.throw_syntax_error(&message, gc)
}

/// ### [16.2.1.6.4 InitializeEnvironment ( )](https://tc39.es/ecma262/#sec-source-text-module-record-initialize-environment)
fn initialize_environment<'gc>(
    agent: &mut Agent,
    module: Module<'static>,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    // 1. For each ExportEntry Record e of module.[[IndirectExportEntries]], do
    let exports: Vec<(String, u32)> = agent
        .heap
        .modules
        .get(module.index())
        .indirect_exports
        .iter()
        .map(|e| (e.export_name.clone(), e.request))
        .collect();
    for (name, request) in exports {
        // b. Let resolution be module.ResolveExport(e.[[ExportName]]).
        let resolution = resolve_export(agent, module, &name, &mut Vec::new());
        // c. If resolution is either null or AMBIGUOUS, throw a SyntaxError exception.
        if !matches!(resolution, Resolution::Resolved(_)) {
            return Err(unresolvable(
                agent,
                module,
                request,
                &name,
                resolution,
                gc.into_nogc(),
            ));
        }
    }
    // 3-5. Let env be NewModuleEnvironment(realm.[[GlobalEnv]]); set module.[[Environment]] to env.
    //      Its bindings (19-21: var names undefined, lexical names uninitialized)
    //      are the slots of the module scope.
    let (code, realm) = {
        let record = agent.heap.modules.get(module.index());
        (record.body_code, record.realm)
    };
    let slots = agent.heap.code.get(code.index()).scopes[0].initial_slots();
    let env = agent.alloc_environment(EnvironmentRecord {
        outer: None,
        kind: EnvironmentKind::Module(module),
        slots,
        scope: Some((code, 0)),
        eval_bindings: None,
    });
    let record = agent.heap.modules.get_mut(module.index());
    record.environment = Some(env);
    // A synthetic module's only binding holds its default export.
    if let Some(value) = record.synthetic_default {
        agent
            .heap
            .environments
            .get_mut(env.index())
            .slots
            .set(0, value);
    }
    // 7. For each ImportEntry Record in of module.[[ImportEntries]], do
    let imports = agent.heap.modules.get(module.index()).imports.clone();
    for import in imports {
        // a. Let importedModule be GetImportedModule(module, in.[[ModuleRequest]]).
        let imported = get_imported_module(agent, module, import.request);
        let binding = match &import.import_name {
            // b. If in.[[ImportName]] is NAMESPACE-OBJECT, then
            //    i. Let namespace be GetModuleNamespace(importedModule).
            None => ResolvedBinding::Namespace(imported),
            // c. Else,
            Some(name) => {
                // i. Let resolution be importedModule.ResolveExport(in.[[ImportName]]).
                // ii. If resolution is either null or AMBIGUOUS, throw a SyntaxError exception.
                match resolve_export(agent, imported, name, &mut Vec::new()) {
                    Resolution::Resolved(binding) => binding,
                    other => {
                        return Err(unresolvable(
                            agent,
                            module,
                            import.request,
                            name,
                            other,
                            gc.into_nogc(),
                        ));
                    }
                }
            }
        };
        match import.target {
            // The binding is an immutable binding of env initialized to the namespace
            // (b.ii-iii and c.iii).
            ImportTarget::Slot(slot) => {
                let ResolvedBinding::Namespace(target) = binding else {
                    unreachable!("namespace imports resolve to namespaces")
                };
                let namespace = get_module_namespace(agent, target, gc.nogc());
                let env = agent
                    .heap
                    .modules
                    .get(module.index())
                    .environment
                    .expect("env");
                agent
                    .heap
                    .environments
                    .get_mut(env.index())
                    .slots
                    .set(slot as usize, namespace.unbind().into());
            }
            // c.iv. Perform env.CreateImportBinding(in.[[LocalName]], resolution.[[Module]],
            //       resolution.[[BindingName]]) (a NAMESPACE binding is read as the namespace).
            ImportTarget::Binding(index) => {
                agent.heap.modules.get_mut(module.index()).import_bindings[index as usize] =
                    Some(binding);
            }
        }
    }
    // 8-25. Run the instantiation code in a module context whose realm is
    //       module.[[Realm]]: function declarations are instantiated.
    let previous_realm = agent.current_realm;
    agent.current_realm = realm;
    let init = agent.heap.modules.get(module.index()).init_code;
    let result = run_module_code(agent, init, env.unbind(), false, gc).map(|_| ());
    agent.current_realm = previous_realm;
    result
}
