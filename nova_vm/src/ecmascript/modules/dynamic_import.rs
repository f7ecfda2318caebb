//! `import()` ([13.3.10.2 EvaluateImportCall](https://tc39.es/ecma262/#sec-evaluate-import-call),
//! [16.2.1.11 ContinueDynamicImport](https://tc39.es/ecma262/#sec-ContinueDynamicImport))
//! and `import.meta` ([13.3.12.1 Runtime Semantics: Evaluation](https://tc39.es/ecma262/#sec-meta-properties-runtime-semantics-evaluation)).

use std::path::{Path, PathBuf};

use super::Module;
use super::evaluation::evaluate;
use super::linking::link;
use super::loader::{LoadError, load_imported_module, load_requested_modules};
use super::namespace::get_module_namespace;
use crate::ecmascript::abstract_operations::{
    EnumerableKind, enumerable_own_properties, get, to_string,
};
use crate::ecmascript::builtins::control_abstraction::ReactionHandler;
use crate::ecmascript::builtins::control_abstraction::promise::{
    create_promise, fulfill_promise, perform_promise_then, reject_promise, resolve_promise,
};
use crate::ecmascript::builtins::key;
use crate::ecmascript::execution::{Agent, ExceptionType, Intrinsic, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// The directory of the active script or module (GetActiveScriptOrModule):
/// the source file of the innermost frame whose code came from a file
/// (eval code and dynamic functions belong to their caller's file).
fn referrer_directory(agent: &Agent) -> PathBuf {
    for frame in agent.vm.frames.iter().rev() {
        let name = &agent.heap.code.get(frame.code.index()).source.name;
        if name != "eval" && name != "anonymous" {
            return Path::new(name)
                .parent()
                .map(Path::to_owned)
                .unwrap_or_default();
        }
    }
    PathBuf::new()
}

/// The import attributes of `import(specifier, options)`, steps 9-10 of
/// EvaluateImportCall (an exception is pending on error).
fn import_attributes<'gc>(
    agent: &mut Agent,
    options: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Vec<(String, String)>> {
    let mut attributes = Vec::new();
    // 10. If options is not undefined, then
    if options.is_undefined() {
        return Ok(attributes);
    }
    // a. If options is not an Object, then reject with a TypeError.
    let Value::Object(options) = options else {
        return Err(
            agent.throw_type_error("The options of import() must be an object", gc.into_nogc())
        );
    };
    // b. Let attributesObj be Completion(Get(options, "with")).
    let attributes_object = get(agent, options, key("with"), gc.reborrow())?.unbind();
    // d. If attributesObj is not undefined, then
    if attributes_object.is_undefined() {
        return Ok(attributes);
    }
    // i. If attributesObj is not an Object, then reject with a TypeError.
    let Value::Object(attributes_object) = attributes_object else {
        return Err(agent.throw_type_error(
            "The 'with' option of import() must be an object",
            gc.into_nogc(),
        ));
    };
    let object = attributes_object.scope(agent, gc.nogc());
    // ii. Let entries be Completion(EnumerableOwnProperties(attributesObj, KEY+VALUE)).
    let keys =
        enumerable_own_properties(agent, object.get(agent), EnumerableKind::Key, gc.reborrow())?;
    let keys: Vec<String> = keys
        .iter()
        .map(|k| {
            k.as_string()
                .map(|s| agent.string_lossy(s).into_owned())
                .unwrap_or_default()
        })
        .collect();
    // iv. For each element entry of entries, do
    for name in keys {
        let property = agent.key_from_str(&name, gc.nogc()).unbind();
        let value = get(agent, object.get(agent), property, gc.reborrow())?.unbind();
        // 3. If value is not undefined, then
        //    a. If value is not a String, then reject with a TypeError.
        //    b. Append the ImportAttribute Record { [[Key]]: key, [[Value]]: value } to attributes.
        match value.as_string() {
            Some(s) => attributes.push((name, agent.string_lossy(s).into_owned())),
            None => {
                return Err(agent
                    .throw_type_error("Import attribute values must be strings", gc.into_nogc()));
            }
        }
    }
    // e-f. (Unsupported attributes are refused by the loader.)
    // 11. Sort attributes according to the lexicographic order of their [[Key]] field.
    attributes.sort();
    Ok(attributes)
}

/// ### [13.3.10.2 EvaluateImportCall ( specifierExpression [ , optionsExpression ] )](https://tc39.es/ecma262/#sec-evaluate-import-call)
/// steps 6-14 (the expressions were evaluated by the caller): returns the
/// promise. With `source_phase` (`import.source()`), the module's source
/// object is requested: Source Text Module Records have none
/// (GetModuleSource throws a SyntaxError), so the promise is rejected once
/// the module is loaded.
pub(crate) fn evaluate_import_call<'gc>(
    agent: &mut Agent,
    specifier: Value,
    options: Value,
    source_phase: bool,
    mut gc: GcScope<'gc, '_>,
) -> Value<'gc> {
    let referrer = referrer_directory(agent);
    let options = options.bind(gc.nogc()).scope(agent, gc.nogc());
    // 6. Let promiseCapability be ! NewPromiseCapability(%Promise%).
    let prototype = agent.intrinsic(Intrinsic::PromisePrototype);
    let promise = create_promise(agent, prototype, gc.nogc()).scope(agent, gc.nogc());
    // 7. Let specifierString be Completion(ToString(specifier)).
    // 8. IfAbruptRejectPromise(specifierString, promiseCapability).
    let specifier = match to_string(agent, specifier, gc.reborrow()) {
        Ok(s) => agent.string_lossy(s.unbind()).into_owned(),
        Err(_) => return reject_with_exception(agent, promise.get(agent), gc.into_nogc()),
    };
    // 9-11. The import attributes.
    let attributes = match import_attributes(agent, options.get(agent), gc.reborrow()) {
        Ok(attributes) => attributes,
        Err(_) => return reject_with_exception(agent, promise.get(agent), gc.into_nogc()),
    };
    // 12. Let moduleRequest be a new ModuleRequest Record.
    // 13. Perform HostLoadImportedModule(referrer, moduleRequest, EMPTY, promiseCapability).
    let loaded = load_imported_module(agent, &referrer, &specifier, &attributes, gc.nogc())
        .and_then(|module| {
            if source_phase {
                return Err(LoadError {
                    kind: ExceptionType::SyntaxError,
                    message: "Source text modules have no module source object".to_owned(),
                });
            }
            load_requested_modules(agent, module, gc.nogc()).map(|()| module)
        });
    let module = match loaded {
        Ok(module) => module,
        Err(error) => {
            return reject_with_load_error(agent, promise.get(agent), &error, gc.into_nogc());
        }
    };
    // The host finishes loading in a later job (FinishLoadingImportedModule):
    // linking and evaluating never interleave with the code that called
    // import(). A fulfilled promise's reaction is that job.
    let gc = gc.into_nogc();
    let prototype = agent.intrinsic(Intrinsic::PromisePrototype);
    let loaded = create_promise(agent, prototype, gc);
    fulfill_promise(agent, loaded, Value::Undefined, gc);
    let handler = ReactionHandler::DynamicImportLoaded(module, promise.get(agent));
    let _ = perform_promise_then(agent, loaded, handler, handler, None, gc);
    // 14. Return promiseCapability.[[Promise]].
    promise.get(agent).bind(gc).into()
}

/// Rejects `promise` with the pending exception and returns it.
fn reject_with_exception<'a>(
    agent: &mut Agent,
    promise: Object,
    gc: NoGcScope<'a, '_>,
) -> Value<'a> {
    let reason = agent.take_exception();
    reject_promise(agent, promise, reason, gc);
    promise.unbind().bind(gc).into()
}

/// Rejects `promise` with a new error for a failed load and returns it.
fn reject_with_load_error<'a>(
    agent: &mut Agent,
    promise: Object,
    error: &LoadError,
    gc: NoGcScope<'a, '_>,
) -> Value<'a> {
    let _ = error.throw(agent, gc);
    reject_with_exception(agent, promise, gc)
}

/// ### [16.2.1.11 ContinueDynamicImport ( promiseCapability, moduleCompletion )](https://tc39.es/ecma262/#sec-ContinueDynamicImport)
/// for a loaded graph.
pub(crate) fn continue_dynamic_import(
    agent: &mut Agent,
    promise: Object,
    module: Module<'static>,
    mut gc: GcScope,
) {
    let promise = promise.bind(gc.nogc()).scope(agent, gc.nogc());
    // 6. (linkAndEvaluateClosure) a. Let link be Completion(module.Link()).
    // b. If link is an abrupt completion, then
    //    i. Perform ! Call(promiseCapability.[[Reject]], undefined, « link.[[Value]] »).
    if link(agent, module, gc.reborrow()).is_err() {
        let _ = reject_with_exception(agent, promise.get(agent), gc.nogc());
        return;
    }
    // c. Let evaluatePromise be module.Evaluate().
    let evaluate_promise = evaluate(agent, module, gc.reborrow()).unbind();
    let gc = gc.into_nogc();
    // d-f. onFulfilled resolves the promise with GetModuleNamespace(module);
    //      onRejected rejects it.
    // g. Perform PerformPromiseThen(evaluatePromise, onFulfilled, onRejected).
    let _ = perform_promise_then(
        agent,
        evaluate_promise.bind(gc),
        ReactionHandler::DynamicImport(module, promise.get(agent)),
        ReactionHandler::DynamicImport(module, promise.get(agent)),
        None,
        gc,
    );
}

/// The closures of ContinueDynamicImport steps 6.d-6.f: settle the promise of
/// `import()` when the module's evaluation promise settles.
pub(crate) fn dynamic_import_settled(
    agent: &mut Agent,
    module: Module<'static>,
    promise: Object,
    value: Value,
    rejected: bool,
    gc: GcScope,
) {
    if rejected {
        // f. onRejected: i. Perform ! Call(promiseCapability.[[Reject]], undefined, « reason »).
        reject_promise(agent, promise, value, gc.nogc());
        return;
    }
    // d. onFulfilled: i. Let namespace be GetModuleNamespace(module).
    let namespace = get_module_namespace(agent, module, gc.nogc()).unbind();
    // ii. Perform ! Call(promiseCapability.[[Resolve]], undefined, « namespace »).
    resolve_promise(agent, promise, namespace.into(), gc);
}

/// ### [13.3.12.1 Runtime Semantics: Evaluation](https://tc39.es/ecma262/#sec-meta-properties-runtime-semantics-evaluation) of `import.meta`
pub(crate) fn import_meta<'a>(
    agent: &mut Agent,
    module: Module,
    gc: NoGcScope<'a, '_>,
) -> Object<'a> {
    // 3. Let importMeta be module.[[ImportMeta]].
    // 4. If importMeta is EMPTY, then
    if let Some(meta) = agent.heap.modules.get(module.index()).meta {
        return meta.bind(gc);
    }
    // a. Set importMeta to OrdinaryObjectCreate(null).
    // b-d. HostGetImportMetaProperties returns no properties.
    let meta = agent.create_object(None, ObjectKind::Ordinary, gc);
    // f. Set module.[[ImportMeta]] to importMeta.
    agent.heap.modules.get_mut(module.index()).meta = Some(meta.unbind());
    meta
}
