//! Binding analysis: which bindings can live in registers and which must live
//! in heap environments, decided once per compilation from oxc's scope tree.
//!
//! A binding goes to a heap environment when
//! * a closure references it (a reference in another function than the one
//!   that declares it),
//! * a `with` statement between the reference and the declaration could
//!   shadow it (the reference then looks the name up at run time), or
//! * the declaring scope contains a direct `eval`, whose code may reach it by
//!   name.
//!
//! Everything else lives in a register of its function's frame.

use oxc_semantic::{Scoping, SymbolId};
use oxc_syntax::scope::{ScopeFlags, ScopeId};

/// Facts about the bindings of one compilation.
pub(crate) struct BindingAnalysis {
    captured: Vec<bool>,
}

impl BindingAnalysis {
    /// Analyses every symbol of the scope tree.
    pub(crate) fn new(scoping: &Scoping) -> Self {
        let mut captured = vec![false; scoping.symbols_len()];
        for symbol in scoping.symbol_ids() {
            let declared_in = scoping.symbol_scope_id(symbol);
            let mut needs_env = scoping.scope_flags(declared_in).contains_direct_eval();
            if !needs_env {
                let home = function_scope(scoping, declared_in);
                for reference in scoping.get_resolved_references(symbol) {
                    let at = reference.scope_id();
                    if function_scope(scoping, at) != home || crosses_with(scoping, at, declared_in)
                    {
                        needs_env = true;
                        break;
                    }
                }
            }
            captured[symbol.index()] = needs_env;
        }
        Self { captured }
    }

    /// True if the binding must live in a heap environment.
    pub(crate) fn is_captured(&self, symbol: SymbolId) -> bool {
        self.captured[symbol.index()]
    }
}

/// The nearest enclosing scope that owns a frame: a function (arrow
/// functions included), a class static block, or the top level.
pub(crate) fn function_scope(scoping: &Scoping, mut scope: ScopeId) -> ScopeId {
    loop {
        let flags = scoping.scope_flags(scope);
        if flags.intersects(
            ScopeFlags::Function
                | ScopeFlags::Arrow
                | ScopeFlags::ClassStaticBlock
                | ScopeFlags::Top,
        ) {
            return scope;
        }
        match scoping.scope_parent_id(scope) {
            Some(parent) => scope = parent,
            None => return scope,
        }
    }
}

/// True if a `with` scope lies on the path from `inner` up to (not including) `outer`.
pub(crate) fn crosses_with(scoping: &Scoping, inner: ScopeId, outer: ScopeId) -> bool {
    let mut scope = inner;
    while scope != outer {
        if scoping.scope_flags(scope).is_with() {
            return true;
        }
        match scoping.scope_parent_id(scope) {
            Some(parent) => scope = parent,
            None => return false,
        }
    }
    false
}

/// True if any `with` scope encloses `scope` (up to the root).
pub(crate) fn inside_with(scoping: &Scoping, scope: ScopeId) -> bool {
    scoping
        .scope_ancestors(scope)
        .any(|s| scoping.scope_flags(s).is_with())
}
