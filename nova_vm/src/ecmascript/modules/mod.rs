//! ### [16.2 Modules](https://tc39.es/ecma262/#sec-modules)
//!
//! Source Text Module Records and what works on them: loading (`loader`),
//! linking (`linking`), evaluation with top-level await (`evaluation`),
//! module namespace objects (`namespace`), `import()` and `import.meta`
//! (`dynamic_import`).

pub(crate) mod dynamic_import;
pub(crate) mod evaluation;
pub(crate) mod linking;
pub(crate) mod loader;
pub(crate) mod namespace;
mod record;

pub use loader::LoadError;
pub use record::{
    ImportEntry, ImportTarget, IndirectExport, LocalExport, Module, ModuleRecord, ModuleRequest,
    ModuleStatus, NamespaceExport, ResolvedBinding,
};
