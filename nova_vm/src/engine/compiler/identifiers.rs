//! Identifier references: how each is accessed (register, environment slot,
//! global, import or run-time lookup), with the TDZ and immutability checks of
//! [9.1.2.1 GetIdentifierReference](https://tc39.es/ecma262/#sec-getidentifierreference)
//! decided at compile time where possible.

use oxc_ast::ast::*;
use oxc_syntax::symbol::SymbolFlags;

use super::analysis::{crosses_with, function_scope, inside_with};
use super::expressions::CResult;
use super::{FunctionCompiler, Location};
use crate::engine::bytecode::{Instruction, Reg};

/// How an identifier reference is accessed.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Access {
    Register {
        reg: Reg,
        checked: bool,
    },
    Env {
        hops: u16,
        slot: u32,
        checked: bool,
    },
    Global,
    Dynamic,
    /// An indirect import binding: the module environment is `hops` up.
    Import {
        hops: u16,
        index: u32,
    },
}

impl FunctionCompiler<'_, '_, '_> {
    /// Decides how a reference is accessed.
    pub(crate) fn access(&self, ident: &IdentifierReference) -> Access {
        let scoping = self.unit.scoping;
        let Some(reference_id) = ident.reference_id.get() else {
            return Access::Dynamic;
        };
        let reference = scoping.get_reference(reference_id);
        let at = reference.scope_id();
        match reference.symbol_id() {
            Some(symbol) => {
                let declared = scoping.symbol_scope_id(symbol);
                if crosses_with(scoping, at, declared) || self.eval_may_shadow(at, Some(declared)) {
                    return Access::Dynamic;
                }
                let flags = scoping.symbol_flags(symbol);
                let lexical = flags.intersects(
                    SymbolFlags::BlockScopedVariable
                        | SymbolFlags::ConstVariable
                        | SymbolFlags::Class,
                ) || self.unit.tdz_parameters.contains(&symbol);
                let checked = lexical && self.needs_tdz_check(ident, symbol);
                match self.unit.locations.get(&symbol) {
                    Some(Location::Register(reg)) => Access::Register { reg: *reg, checked },
                    Some(Location::Env { depth, slot }) => Access::Env {
                        hops: (self.unit.env_depth - depth) as u16,
                        slot: *slot,
                        checked,
                    },
                    Some(Location::Global) => Access::Global,
                    Some(Location::Import(index)) => Access::Import {
                        hops: (self.unit.env_depth - 1) as u16,
                        index: *index,
                    },
                    None => Access::Dynamic,
                }
            }
            None => {
                if self.unit.kind.is_eval()
                    || inside_with(scoping, at)
                    || self.eval_may_shadow(at, None)
                {
                    Access::Dynamic
                } else {
                    Access::Global
                }
            }
        }
    }

    /// True if a sloppy direct eval in a function between the reference and
    /// the declaration could add a shadowing `var`.
    fn eval_may_shadow(
        &self,
        at: oxc_syntax::scope::ScopeId,
        declared: Option<oxc_syntax::scope::ScopeId>,
    ) -> bool {
        let scoping = self.unit.scoping;
        let mut scope = at;
        loop {
            if Some(scope) == declared {
                return false;
            }
            let flags = scoping.scope_flags(scope);
            if flags.contains_direct_eval()
                && !flags.is_strict_mode()
                && (flags.is_function() || (flags.is_top() && declared.is_none()))
                && !flags.is_arrow()
            {
                if flags.is_top() {
                    return false;
                }
                return true;
            }
            match scoping.scope_parent_id(scope) {
                Some(parent) => scope = parent,
                None => return false,
            }
        }
    }

    fn needs_tdz_check(&self, ident: &IdentifierReference, symbol: oxc_semantic::SymbolId) -> bool {
        let scoping = self.unit.scoping;
        let declared = scoping.symbol_scope_id(symbol);
        let Some(reference_id) = ident.reference_id.get() else {
            return true;
        };
        let at = scoping.get_reference(reference_id).scope_id();
        if function_scope(scoping, at) != function_scope(scoping, declared) {
            return true;
        }
        // Same function: a reference after the declaration has run, except in switch
        // cases (which may skip the declaration) and loops that jump back.
        let declaration_end = scoping
            .symbol_span(symbol)
            .end
            .max(self.unit.initialized_at.get(&symbol).copied().unwrap_or(0));
        if ident.span.start < declaration_end {
            return true;
        }
        self.unit.switch_scopes.contains(&declared)
    }

    /// Loads an identifier that a read-modify-write (compound assignment,
    /// `++`/`--`) will assign afterwards. For a name resolved at run time the
    /// resolved binding is kept in a register, returned, for
    /// [`Self::store_identifier_at`]: the write goes where the read came from.
    pub(crate) fn load_identifier_for_update(
        &mut self,
        ident: &IdentifierReference,
        dst: Reg,
    ) -> CResult<Option<Reg>> {
        if matches!(self.access(ident), Access::Dynamic) && !self.is_free_arguments(ident) {
            let reference = self.alloc();
            let constant = self.string_constant(ident.name.as_str());
            self.emit(Instruction::GetNameWithReference {
                dst,
                reference,
                constant,
            });
            return Ok(Some(reference));
        }
        self.load_identifier(ident, dst, false)?;
        Ok(None)
    }

    /// Assigns `src` to an identifier loaded by [`Self::load_identifier_for_update`].
    pub(crate) fn store_identifier_at(
        &mut self,
        ident: &IdentifierReference,
        src: Reg,
        reference: Option<Reg>,
    ) -> CResult {
        match reference {
            Some(reference) => {
                let constant = self.string_constant(ident.name.as_str());
                self.emit(Instruction::SetNameByReference {
                    src,
                    reference,
                    constant,
                });
                Ok(())
            }
            None => self.store_identifier(ident, src),
        }
    }

    /// `arguments` with no declaration of its own, read from the function's
    /// arguments object location.
    fn is_free_arguments(&self, ident: &IdentifierReference) -> bool {
        ident.name == "arguments"
            && ident
                .reference_id
                .get()
                .is_some_and(|r| self.unit.scoping.get_reference(r).symbol_id().is_none())
            && self.arguments_location.is_some()
    }

    /// Loads the value of an identifier reference into `dst`.
    pub(crate) fn load_identifier(
        &mut self,
        ident: &IdentifierReference,
        dst: Reg,
        typeof_context: bool,
    ) -> CResult {
        if self.is_free_arguments(ident)
            && let Some(location) = self.arguments_location
        {
            self.load_location(location, dst, false);
            return Ok(());
        }
        match self.access(ident) {
            Access::Register { reg, checked } => {
                if reg != dst {
                    self.emit(Instruction::Move { dst, src: reg });
                }
                if checked {
                    let constant = self.string_constant(ident.name.as_str());
                    self.emit(Instruction::CheckInitialized { reg: dst, constant });
                }
            }
            Access::Env {
                hops,
                slot,
                checked,
            } => {
                if checked {
                    self.emit(Instruction::LoadEnvChecked { dst, hops, slot });
                } else {
                    self.emit(Instruction::LoadEnv { dst, hops, slot });
                }
            }
            Access::Global => {
                let cache = self.cache(ident.name.as_str());
                if typeof_context {
                    self.emit(Instruction::GetGlobalOrUndefined { dst, cache });
                } else {
                    self.emit(Instruction::GetGlobal { dst, cache });
                }
            }
            Access::Import { hops, index } => {
                self.emit(Instruction::LoadImport { dst, hops, index });
            }
            Access::Dynamic => {
                let constant = self.string_constant(ident.name.as_str());
                if typeof_context {
                    self.emit(Instruction::GetNameOrUndefined { dst, constant });
                } else {
                    self.emit(Instruction::GetName { dst, constant });
                }
            }
        }
        Ok(())
    }

    /// Loads a binding location known to the compiler.
    pub(crate) fn load_location(&mut self, location: Location, dst: Reg, checked: bool) {
        match location {
            Location::Register(reg) => {
                if reg != dst {
                    self.emit(Instruction::Move { dst, src: reg });
                }
            }
            Location::Env { depth, slot } => {
                let hops = (self.unit.env_depth - depth) as u16;
                if checked {
                    self.emit(Instruction::LoadEnvChecked { dst, hops, slot });
                } else {
                    self.emit(Instruction::LoadEnv { dst, hops, slot });
                }
            }
            Location::Global | Location::Import(_) => {
                unreachable!("special bindings are never global or imported")
            }
        }
    }

    /// Stores into a binding location known to the compiler.
    pub(crate) fn store_location(&mut self, location: Location, src: Reg) {
        match location {
            Location::Register(reg) => {
                if reg != src {
                    self.emit(Instruction::Move { dst: reg, src });
                }
            }
            Location::Env { depth, slot } => {
                let hops = (self.unit.env_depth - depth) as u16;
                self.emit(Instruction::StoreEnv { src, hops, slot });
            }
            Location::Global | Location::Import(_) => {
                unreachable!("special bindings are never global or imported")
            }
        }
    }

    /// Assigns `src` to an identifier (PutValue on its reference).
    pub(crate) fn store_identifier(&mut self, ident: &IdentifierReference, src: Reg) -> CResult {
        let scoping = self.unit.scoping;
        let symbol = ident
            .reference_id
            .get()
            .and_then(|r| scoping.get_reference(r).symbol_id());
        match self.access(ident) {
            Access::Register { reg, checked } => {
                if checked {
                    let constant = self.string_constant(ident.name.as_str());
                    self.emit(Instruction::CheckInitialized { reg, constant });
                }
                if let Some(strict) = symbol.and_then(|s| self.immutability_at(s, ident.span.start))
                {
                    self.throw_const_assignment(strict);
                } else if reg != src {
                    self.emit(Instruction::Move { dst: reg, src });
                }
            }
            Access::Env {
                hops,
                slot,
                checked,
            } => {
                if checked {
                    let tmp = self.alloc();
                    self.emit(Instruction::LoadEnvChecked {
                        dst: tmp,
                        hops,
                        slot,
                    });
                }
                if let Some(strict) = symbol.and_then(|s| self.immutability_at(s, ident.span.start))
                {
                    self.throw_const_assignment(strict);
                } else {
                    self.emit(Instruction::StoreEnv { src, hops, slot });
                }
            }
            Access::Global => {
                let cache = self.cache(ident.name.as_str());
                self.emit(Instruction::SetGlobal { src, cache });
            }
            Access::Dynamic => {
                let constant = self.string_constant(ident.name.as_str());
                self.emit(Instruction::SetName { src, constant });
            }
            Access::Import { hops, index } => {
                // Reading first reports an uninitialized binding.
                let tmp = self.alloc();
                self.emit(Instruction::LoadImport {
                    dst: tmp,
                    hops,
                    index,
                });
                self.throw_const_assignment(true);
            }
        }
        Ok(())
    }

    /// For immutable bindings, whether assigning throws: always for `const`
    /// and inner class names, only in strict code for a named function
    /// expression's own name. None for mutable bindings.
    /// [`Self::immutability`] for an assignment at source offset `at`: inside
    /// its own class body a class declaration's name is the class scope's
    /// immutable binding (15.7.14 ClassDefinitionEvaluation step 4).
    pub(crate) fn immutability_at(&self, symbol: oxc_semantic::SymbolId, at: u32) -> Option<bool> {
        if let Some(&(start, end)) = self.unit.class_declaration_bodies.get(&symbol)
            && start <= at
            && at < end
        {
            return Some(true);
        }
        self.immutability(symbol)
    }

    pub(crate) fn immutability(&self, symbol: oxc_semantic::SymbolId) -> Option<bool> {
        let flags = self.unit.scoping.symbol_flags(symbol);
        if flags.intersects(SymbolFlags::ConstVariable | SymbolFlags::Import)
            || (flags.contains(SymbolFlags::Class) && self.unit.class_inner_names.contains(&symbol))
        {
            Some(true)
        } else if self.unit.function_expression_names.contains(&symbol) {
            Some(self.strict)
        } else {
            None
        }
    }

    fn throw_const_assignment(&mut self, strict: bool) {
        let constant = self.string_constant("Assignment to constant variable.");
        self.emit(Instruction::ThrowConstAssignment { constant, strict });
    }
}
