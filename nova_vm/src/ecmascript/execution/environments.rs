//! ### [9.1 Environment Records](https://tc39.es/ecma262/#sec-environment-records)
//!
//! The compiler resolves most bindings to interpreter registers. Bindings that
//! closures capture (and every binding in code that uses `with` or sloppy direct
//! `eval`) live in heap environments: a record of slots plus the outer
//! environment. The compiler knows each captured binding's (hops, slot), so
//! access is a short walk and an index. Object environments (`with`) and the
//! global environment resolve names at run time.

use crate::ecmascript::types::handle::define_handle;
use crate::ecmascript::types::{Object, Value};
use crate::engine::bytecode::Code;
use crate::heap::{HandleVisitor, Trace};

use super::heap_layout::arena_ids;

define_handle!(
    /// Handle to an environment record.
    Environment,
    arena_ids::ENVIRONMENTS
);

/// The kind of an environment record.
#[derive(Debug, Clone, Copy)]
pub enum EnvironmentKind {
    /// Declarative: bindings in `slots`, named by the code's scope table.
    Declarative,
    /// Object environment (`with` when `is_with_environment`): bindings are the
    /// properties of `binding_object`.
    Object {
        /// `[[BindingObject]]`
        binding_object: Object<'static>,
        /// `[[IsWithEnvironment]]`
        is_with_environment: bool,
    },
    /// The global environment of a realm (lookups go to the realm's global
    /// lexical bindings and then its global object).
    Global,
}

/// An environment record.
#[derive(Debug)]
pub struct EnvironmentRecord {
    /// `[[OuterEnv]]`
    pub outer: Option<Environment<'static>>,
    /// Kind-specific data.
    pub kind: EnvironmentKind,
    /// Values of declarative bindings.
    pub slots: Box<[Value<'static>]>,
    /// For declarative records: the code and scope number whose table names the
    /// slots, so that `eval` and `with` code can find bindings by name.
    pub scope: Option<(Code<'static>, u32)>,
    /// Bindings added at run time by sloppy direct `eval` (`var` declarations),
    /// as properties of an internal object with no prototype.
    pub eval_bindings: Option<Object<'static>>,
}

impl Trace for EnvironmentRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        if let Some(outer) = &mut self.outer {
            outer.visit(visitor);
        }
        if let EnvironmentKind::Object { binding_object, .. } = &mut self.kind {
            binding_object.visit(visitor);
        }
        self.slots.trace(visitor);
        if let Some((code, _)) = &mut self.scope {
            code.visit(visitor);
        }
        if let Some(bindings) = &mut self.eval_bindings {
            bindings.visit(visitor);
        }
    }
}
