//! ### [16.2.1.6 Source Text Module Records](https://tc39.es/ecma262/#sec-source-text-module-records)
//!
//! The heap record of one module: what ParseModule found (requests, import
//! and export entries, compiled code), and the state the linking and
//! evaluation algorithms keep in it (`[[Status]]`, DFS indices, the async
//! evaluation fields).

use std::path::PathBuf;

use crate::ecmascript::execution::heap_layout::arena_ids;
use crate::ecmascript::execution::{Environment, RealmId};
use crate::ecmascript::types::handle::define_handle;
use crate::ecmascript::types::{Object, PropertyKey, Value};
use crate::engine::bytecode::Code;
use crate::heap::{HandleVisitor, Trace};

define_handle!(
    /// Handle to a Source Text Module Record.
    Module,
    arena_ids::MODULES
);

/// A ModuleRequest Record: the specifier and its import attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleRequest {
    /// `[[Specifier]]`
    pub specifier: String,
    /// `[[Attributes]]` (key, value), sorted by key.
    pub attributes: Vec<(String, String)>,
}

/// Where an imported name lives in the importing module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportTarget {
    /// A slot of the module environment (namespace imports).
    Slot(u32),
    /// An indirect binding, by index in the module's import-binding table.
    Binding(u32),
}

/// An ImportEntry Record (Table 55).
#[derive(Debug, Clone)]
pub struct ImportEntry {
    /// `[[ModuleRequest]]`, as an index into the module's requests.
    pub request: u32,
    /// `[[ImportName]]`: `None` for `namespace-object`.
    pub import_name: Option<String>,
    /// `[[LocalName]]`
    pub local_name: String,
    /// Where `[[LocalName]]` lives, decided by the compiler.
    pub target: ImportTarget,
}

/// A local ExportEntry Record: `[[ExportName]]` and the environment slot of
/// `[[LocalName]]`.
#[derive(Debug, Clone)]
pub struct LocalExport {
    /// `[[ExportName]]`
    pub export_name: String,
    /// The module-environment slot of `[[LocalName]]`.
    pub slot: u32,
}

/// An indirect ExportEntry Record (`export { a as b } from "m"`,
/// `export * as ns from "m"`).
#[derive(Debug, Clone)]
pub struct IndirectExport {
    /// `[[ExportName]]`
    pub export_name: String,
    /// `[[ModuleRequest]]`
    pub request: u32,
    /// `[[ImportName]]`: `None` for `all`.
    pub import_name: Option<String>,
}

/// `[[Status]]` of a Cyclic Module Record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ModuleStatus {
    /// ~new~
    New,
    /// ~unlinked~
    Unlinked,
    /// ~linking~
    Linking,
    /// ~linked~
    Linked,
    /// ~evaluating~
    Evaluating,
    /// ~evaluating-async~
    EvaluatingAsync,
    /// ~evaluated~
    Evaluated,
}

/// A resolved binding: the module-environment slot of a module, or that
/// module's namespace (ResolvedBinding Record with `[[BindingName]]` NAMESPACE).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResolvedBinding {
    /// `[[Module]]` and the slot of `[[BindingName]]`.
    Slot(Module<'static>, u32),
    /// `[[Module]]` and `[[BindingName]]` NAMESPACE.
    Namespace(Module<'static>),
}

impl Trace for ResolvedBinding {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        match self {
            ResolvedBinding::Slot(m, _) | ResolvedBinding::Namespace(m) => m.visit(visitor),
        }
    }
}

/// One export of a module namespace object, in code-unit order of its name.
#[derive(Debug, Clone, Copy)]
pub struct NamespaceExport {
    /// The export name as a property key.
    pub key: PropertyKey<'static>,
    /// Where its value lives.
    pub binding: ResolvedBinding,
}

impl Trace for NamespaceExport {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.key.trace(visitor);
        self.binding.trace(visitor);
    }
}

/// A Source Text Module Record.
#[derive(Debug)]
pub struct ModuleRecord {
    /// `[[Realm]]`
    pub realm: RealmId,
    /// The canonical path of the file (the module map key).
    pub path: PathBuf,
    /// `[[Environment]]`
    pub environment: Option<Environment<'static>>,
    /// `[[Namespace]]`
    pub namespace: Option<Object<'static>>,
    /// The exports of `[[Namespace]]` (sorted), once it exists.
    pub namespace_exports: Vec<NamespaceExport>,
    /// The `import.meta` object, created lazily.
    pub meta: Option<Object<'static>>,
    /// Code run by InitializeEnvironment (hoisted function declarations).
    pub init_code: Code<'static>,
    /// The module body (`[[ECMAScriptCode]]`).
    pub body_code: Code<'static>,
    /// `[[HasTLA]]`
    pub has_tla: bool,
    /// `[[RequestedModules]]`
    pub requests: Vec<ModuleRequest>,
    /// `[[LoadedModules]]`, by index in `requests`.
    pub loaded: Vec<Option<Module<'static>>>,
    /// `[[ImportEntries]]`
    pub imports: Vec<ImportEntry>,
    /// `[[LocalExportEntries]]`
    pub local_exports: Vec<LocalExport>,
    /// `[[IndirectExportEntries]]`
    pub indirect_exports: Vec<IndirectExport>,
    /// `[[StarExportEntries]]` (their requests).
    pub star_exports: Vec<u32>,
    /// The indirect import bindings of the module environment, filled by
    /// InitializeEnvironment.
    pub import_bindings: Vec<Option<ResolvedBinding>>,
    /// `[[Status]]`
    pub status: ModuleStatus,
    /// `[[EvaluationError]]`
    pub evaluation_error: Option<Value<'static>>,
    /// `[[DFSIndex]]`
    pub dfs_index: u32,
    /// `[[DFSAncestorIndex]]`
    pub dfs_ancestor_index: u32,
    /// `[[CycleRoot]]`
    pub cycle_root: Option<Module<'static>>,
    /// `[[AsyncEvaluation]]`: the order in which it was set (`None`: false).
    pub async_evaluation: Option<u64>,
    /// `[[TopLevelCapability]]` (the promise; settled directly).
    pub top_level_capability: Option<Object<'static>>,
    /// `[[AsyncParentModules]]`
    pub async_parent_modules: Vec<Module<'static>>,
    /// `[[PendingAsyncDependencies]]`
    pub pending_async_dependencies: u32,
    /// The default export of a synthetic module (JSON and text modules: see
    /// `loader::create_default_export_synthetic_module`), stored in its only
    /// binding when its environment is created.
    pub synthetic_default: Option<Value<'static>>,
}

impl Trace for ModuleRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.environment.trace(visitor);
        self.namespace.trace(visitor);
        self.namespace_exports.trace(visitor);
        self.meta.trace(visitor);
        self.init_code.visit(visitor);
        self.body_code.visit(visitor);
        self.loaded.trace(visitor);
        self.import_bindings.trace(visitor);
        self.evaluation_error.trace(visitor);
        self.cycle_root.trace(visitor);
        self.top_level_capability.trace(visitor);
        self.async_parent_modules.trace(visitor);
        self.synthetic_default.trace(visitor);
    }
}
