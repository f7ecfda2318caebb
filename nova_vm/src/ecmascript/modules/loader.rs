//! The host's module loader: [16.2.1.8 HostLoadImportedModule](https://tc39.es/ecma262/#sec-HostLoadImportedModule)
//! for files. A specifier resolves relative to the directory of the importing
//! file; the agent's module map, keyed by realm and canonical path, makes each
//! file one module per realm. Loading is synchronous: LoadRequestedModules
//! completes (or fails) before it returns.

use std::path::{Path, PathBuf};

use super::{Module, ModuleRecord, ModuleStatus};
use crate::ecmascript::builtins::json::parse_json;
use crate::ecmascript::execution::{Agent, ExceptionType, JsError};
use crate::ecmascript::types::Value;
use crate::engine::compiler::compile_module;
use crate::engine::{Bindable, NoGcScope};
use crate::heap::Arena;

/// Why a module could not be loaded.
#[derive(Debug, Clone)]
pub struct LoadError {
    /// The kind of error to throw.
    pub kind: ExceptionType,
    /// Its message.
    pub message: String,
}

impl LoadError {
    /// Throws the error in the agent.
    pub(crate) fn throw(&self, agent: &mut Agent, gc: NoGcScope) -> JsError {
        let message = self
            .message
            .strip_prefix("SyntaxError: ")
            .unwrap_or(&self.message);
        agent.throw_exception(self.kind, message, gc)
    }
}

/// The canonical form of a path (the path itself if it does not exist).
pub(crate) fn canonical_path(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}

/// ### [16.2.1.6.1 ParseModule ( sourceText, realm, hostDefined )](https://tc39.es/ecma262/#sec-parsemodule)
///
/// Compiles `source` as the module at `path` in the current realm and enters
/// it in the module map (as a module of type `module_type`).
pub(crate) fn parse_module(
    agent: &mut Agent,
    source: &str,
    path: PathBuf,
    module_type: &str,
    gc: NoGcScope,
) -> Result<Module<'static>, LoadError> {
    let name = path.display().to_string();
    let compiled = compile_module(agent, source, &name, gc).map_err(|e| LoadError {
        kind: ExceptionType::SyntaxError,
        message: e.message,
    })?;
    let realm = agent.current_realm;
    let request_count = compiled.requests.len();
    let record = ModuleRecord {
        realm,
        path: path.clone(),
        environment: None,
        namespace: None,
        namespace_exports: Vec::new(),
        meta: None,
        init_code: compiled.init_code,
        body_code: compiled.body_code,
        has_tla: compiled.has_tla,
        requests: compiled.requests,
        loaded: vec![None; request_count],
        imports: compiled.imports,
        local_exports: compiled.local_exports,
        indirect_exports: compiled.indirect_exports,
        star_exports: compiled.star_exports,
        import_bindings: vec![None; compiled.import_binding_count as usize],
        status: ModuleStatus::New,
        evaluation_error: None,
        dfs_index: 0,
        dfs_ancestor_index: 0,
        cycle_root: None,
        async_evaluation: None,
        top_level_capability: None,
        async_parent_modules: Vec::new(),
        pending_async_dependencies: 0,
        synthetic_default: None,
    };
    agent.heap.allocated_since_gc += Arena::<ModuleRecord>::RECORD_BYTES;
    let module = Module::from_index(agent.heap.modules.push(record));
    if let Some(replaced) = agent
        .module_map
        .insert((realm, path, module_type.to_owned()), module)
    {
        agent.replaced_modules.push(replaced);
    }
    Ok(module)
}

/// The source text of a synthetic module: one binding, exported as `default`.
const SYNTHETIC_MODULE_SOURCE: &str = "var value; export { value as default };";

/// ### [16.2.1.8.1 CreateDefaultExportSyntheticModule ( defaultExport )](https://tc39.es/ecma262/#sec-create-default-export-synthetic-module)
///
/// A module whose only export, `default`, is `value`. It is built as a
/// source text module with one binding that InitializeEnvironment fills.
fn create_default_export_synthetic_module(
    agent: &mut Agent,
    path: PathBuf,
    module_type: &str,
    value: Value,
    gc: NoGcScope,
) -> Result<Module<'static>, LoadError> {
    let value = value.unbind();
    let module = parse_module(agent, SYNTHETIC_MODULE_SOURCE, path, module_type, gc)?;
    agent.heap.modules.get_mut(module.index()).synthetic_default = Some(value);
    Ok(module)
}

/// The module type an import's attributes ask for (`""`: JavaScript). Only
/// the `type` attribute is known; the types are `json` and `text`.
fn module_type(attributes: &[(String, String)]) -> Result<&str, LoadError> {
    let mut module_type = "";
    for (key, value) in attributes {
        if key != "type" {
            return Err(LoadError {
                kind: ExceptionType::SyntaxError,
                message: format!("Import attribute '{key}' is not supported"),
            });
        }
        if value != "json" && value != "text" {
            return Err(LoadError {
                kind: ExceptionType::TypeError,
                message: format!("Modules of type '{value}' are not supported"),
            });
        }
        module_type = value;
    }
    Ok(module_type)
}

/// HostLoadImportedModule: the module `specifier` names from `referrer_dir`,
/// loaded and parsed if the module map does not have it yet.
pub(crate) fn load_imported_module(
    agent: &mut Agent,
    referrer_dir: &Path,
    specifier: &str,
    attributes: &[(String, String)],
    gc: NoGcScope,
) -> Result<Module<'static>, LoadError> {
    let module_type = module_type(attributes)?;
    let path = canonical_path(&referrer_dir.join(specifier));
    let realm = agent.current_realm;
    let key = (realm, path, module_type.to_owned());
    if let Some(&module) = agent.module_map.get(&key) {
        return Ok(module);
    }
    let path = key.1;
    let source = std::fs::read_to_string(&path).map_err(|e| LoadError {
        kind: ExceptionType::TypeError,
        message: format!("Cannot load module '{specifier}': {e}"),
    })?;
    match module_type {
        // ParseJSONModule ( source ): a SyntaxError for text that is not JSON.
        "json" => {
            let value = parse_json(agent, &source, gc).map_err(|_| {
                let error = agent.take_exception();
                let message = match error {
                    Value::Object(o) => o
                        .find_named(agent, crate::ecmascript::builtins::key("message"))
                        .map(|entry| o.slot(agent, entry.slot))
                        .and_then(|m| m.as_string())
                        .map(|m| agent.string_lossy(m).into_owned())
                        .unwrap_or_default(),
                    _ => String::new(),
                };
                LoadError {
                    kind: ExceptionType::SyntaxError,
                    message: format!("Invalid JSON module '{specifier}': {message}"),
                }
            })?;
            create_default_export_synthetic_module(agent, path, module_type, value, gc)
        }
        // A text module's default export is its source text.
        "text" => {
            let value = agent.create_string(&source, gc).into_value();
            create_default_export_synthetic_module(agent, path, module_type, value, gc)
        }
        _ => parse_module(agent, &source, path, "", gc),
    }
}

/// The directory a module's specifiers resolve against.
pub(crate) fn module_directory(agent: &Agent, module: Module) -> PathBuf {
    let path = &agent.heap.modules.get(module.index()).path;
    path.parent().map(Path::to_owned).unwrap_or_default()
}

/// ### [16.2.1.5.1 LoadRequestedModules ( [ hostDefined ] )](https://tc39.es/ecma262/#sec-LoadRequestedModules)
///
/// Loads the whole graph below `root` (InnerModuleLoading with the
/// synchronous host loader). On failure the modules stay in the map; a later
/// load sees the same failure again for the missing request.
pub(crate) fn load_requested_modules(
    agent: &mut Agent,
    root: Module<'static>,
    gc: NoGcScope,
) -> Result<(), LoadError> {
    let mut visited = vec![root];
    let mut pending = vec![root];
    while let Some(module) = pending.pop() {
        let directory = module_directory(agent, module);
        let requests = agent.heap.modules.get(module.index()).requests.clone();
        for (i, request) in requests.iter().enumerate() {
            let loaded = match agent.heap.modules.get(module.index()).loaded[i] {
                Some(loaded) => loaded,
                None => {
                    let loaded = load_imported_module(
                        agent,
                        &directory,
                        &request.specifier,
                        &request.attributes,
                        gc,
                    )?;
                    agent.heap.modules.get_mut(module.index()).loaded[i] = Some(loaded);
                    loaded
                }
            };
            if !visited.contains(&loaded) {
                visited.push(loaded);
                pending.push(loaded);
            }
        }
    }
    // Every module of the graph is loaded: NEW modules become UNLINKED.
    for module in visited {
        let record = agent.heap.modules.get_mut(module.index());
        if record.status == ModuleStatus::New {
            record.status = ModuleStatus::Unlinked;
        }
    }
    Ok(())
}
