//! ### [15.2 Function Definitions](https://tc39.es/ecma262/#sec-function-definitions) and
//! [10.2.11 FunctionDeclarationInstantiation](https://tc39.es/ecma262/#sec-functiondeclarationinstantiation)
//!
//! Compiling function bodies: parameters, the prologue that sets up
//! `arguments`, `this` and hoisted declarations, and closure creation.

use oxc_ast::ast::*;
use oxc_ast_visit::Visit;
use oxc_span::GetSpan;
use oxc_syntax::scope::{ScopeFlags, ScopeId};
use oxc_syntax::symbol::SymbolFlags;

use super::expressions::{CResult, NameSource};
use super::{CompileError, FunctionCompiler, Location};
use crate::ecmascript::types::JsString;
use crate::engine::Bindable;
use crate::engine::bytecode::{Code, FunctionKind, Instruction, Reg, ScopeInfo};

/// What a pre-scan of a function body found.
#[derive(Default, Debug)]
pub(crate) struct FunctionFacts {
    /// `this` (or `super`) appears inside an arrow function (or eval may use it).
    pub this_in_arrow: bool,
    /// `arguments` appears (directly or inside arrows).
    pub uses_arguments: bool,
    /// `arguments` appears inside an arrow function.
    pub arguments_in_arrow: bool,
    /// `super(...)` appears inside an arrow function.
    pub super_call_in_arrow: bool,
}

struct FactsVisitor {
    facts: FunctionFacts,
    arrow_depth: u32,
}

impl<'a> Visit<'a> for FactsVisitor {
    fn visit_function(&mut self, _it: &Function<'a>, _flags: ScopeFlags) {
        // A nested ordinary function has its own this/arguments.
    }

    fn visit_class(&mut self, it: &Class<'a>) {
        // Only the heritage and computed keys run in this function's context.
        if let Some(heritage) = &it.heritage {
            self.visit_expression(&heritage.expression);
        }
        for element in &it.body.body {
            match element {
                ClassElement::MethodDefinition(m) if m.computed => self.visit_property_key(&m.key),
                ClassElement::PropertyDefinition(p) if p.computed => {
                    self.visit_property_key(&p.key)
                }
                ClassElement::AccessorProperty(p) if p.computed => self.visit_property_key(&p.key),
                _ => {}
            }
        }
    }

    fn visit_arrow_function_expression(&mut self, it: &ArrowFunctionExpression<'a>) {
        self.arrow_depth += 1;
        oxc_ast_visit::walk::walk_arrow_function_expression(self, it);
        self.arrow_depth -= 1;
    }

    fn visit_this_expression(&mut self, _it: &ThisExpression) {
        if self.arrow_depth > 0 {
            self.facts.this_in_arrow = true;
        }
    }

    fn visit_super(&mut self, _it: &Super) {
        if self.arrow_depth > 0 {
            self.facts.this_in_arrow = true;
        }
    }

    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        if matches!(it.callee, Expression::Super(_)) && self.arrow_depth > 0 {
            self.facts.super_call_in_arrow = true;
        }
        oxc_ast_visit::walk::walk_call_expression(self, it);
    }

    fn visit_identifier_reference(&mut self, it: &IdentifierReference<'a>) {
        if it.name == "arguments" {
            self.facts.uses_arguments = true;
            if self.arrow_depth > 0 {
                self.facts.arguments_in_arrow = true;
            }
        }
    }
}

impl FunctionFacts {
    /// Scans parameters and body of a function.
    pub(crate) fn of(parts: &FunctionParts) -> FunctionFacts {
        let mut visitor = FactsVisitor {
            facts: FunctionFacts::default(),
            arrow_depth: 0,
        };
        if let Some(params) = parts.params {
            visitor.visit_formal_parameters(params);
        }
        for statement in parts.statements {
            visitor.visit_statement(statement);
        }
        if let Some(expression) = parts.expression_body {
            visitor.visit_expression(expression);
        }
        visitor.facts
    }
}

/// The parts of a function the compiler needs, whatever syntax it came from.
pub(crate) struct FunctionParts<'x, 'a> {
    /// None for synthetic functions (default constructors, field initializers, static blocks).
    pub params: Option<&'x FormalParameters<'a>>,
    pub statements: &'x [Statement<'a>],
    /// For concise arrow bodies: the expression.
    pub expression_body: Option<&'x Expression<'a>>,
    pub scope_id: ScopeId,
    pub span: oxc_span::Span,
    pub kind: FunctionKind,
    pub is_arrow: bool,
    /// The name of a named function expression (bound inside the function).
    pub own_name: Option<&'x BindingIdentifier<'a>>,
    /// A default derived-class constructor: `super(...arguments)` without iteration.
    pub default_derived: bool,
}

impl FunctionCompiler<'_, '_, '_> {
    /// Compiles a nested function and returns its index in the function table.
    pub(crate) fn compile_nested(&mut self, parts: FunctionParts, name: &str) -> CResult<u32> {
        let code = compile_function_body(self, parts, name)?;
        self.functions.push(code);
        Ok(self.functions.len() as u32 - 1)
    }

    /// Emits `CreateClosure` for a function expression or declaration.
    pub(crate) fn function_expression(
        &mut self,
        f: &Function,
        dst: Reg,
        name: Option<&str>,
    ) -> CResult {
        let parts = function_parts(f, FunctionKind::Normal)?;
        let name =
            f.id.as_ref()
                .map(|id| id.name.as_str())
                .or(name)
                .unwrap_or("");
        let index = self.compile_nested(parts, name)?;
        self.at(f);
        self.emit(Instruction::CreateClosure {
            dst,
            function: index,
        });
        Ok(())
    }

    /// Emits `CreateClosure` for an arrow function.
    pub(crate) fn arrow_function(&mut self, f: &ArrowFunctionExpression, dst: Reg) -> CResult {
        self.arrow_function_named(f, dst, "")
    }

    pub(crate) fn arrow_function_named(
        &mut self,
        f: &ArrowFunctionExpression,
        dst: Reg,
        name: &str,
    ) -> CResult {
        let (statements, expression_body): (&[Statement], Option<&Expression>) = match &f.body {
            ArrowFunctionBody::FunctionBody(body) => (&body.statements, None),
            other => (&[], Some(other.to_expression())),
        };
        let parts = FunctionParts {
            params: Some(&f.params),
            statements,
            expression_body,
            scope_id: f.scope_id.get().expect("scope"),
            span: f.span,
            kind: if f.r#async {
                FunctionKind::AsyncArrow
            } else {
                FunctionKind::Arrow
            },
            is_arrow: true,
            own_name: None,
            default_derived: false,
        };
        let index = self.compile_nested(parts, name)?;
        self.at(f);
        self.emit(Instruction::CreateClosure {
            dst,
            function: index,
        });
        Ok(())
    }

    /// Creates a method closure (object literal or class) with home object
    /// `home` and name from `key` (with a get/set prefix when `prefix` is 1/2).
    /// `source_start` is where the MethodDefinition's source text begins (its
    /// `get`/`set`/`async`/`*` or its name), the start of its [[SourceText]].
    pub(crate) fn method_closure(
        &mut self,
        f: &Function,
        dst: Reg,
        home: Reg,
        key: Reg,
        prefix: u8,
        source_start: u32,
    ) -> CResult {
        let kind = if f.generator && f.r#async {
            FunctionKind::AsyncGenerator
        } else if f.generator {
            FunctionKind::Generator
        } else if f.r#async {
            FunctionKind::Async
        } else {
            FunctionKind::Method
        };
        let mut parts = function_parts(f, kind)?;
        parts.span = oxc_span::Span::new(source_start, f.span.end);
        let index = self.compile_nested(parts, "")?;
        self.at(f);
        self.emit(Instruction::CreateClosure {
            dst,
            function: index,
        });
        self.emit(Instruction::SetHomeObject {
            function: dst,
            home,
        });
        self.emit(Instruction::SetFunctionName {
            function: dst,
            name: key,
            prefix,
        });
        Ok(())
    }

    /// The offset of the first token at or after `offset`, skipping white space,
    /// line terminators and comments.
    pub(crate) fn skip_trivia(&self, offset: u32) -> u32 {
        let text = self.unit.source.text.as_bytes();
        let mut i = offset as usize;
        loop {
            let rest = &self.unit.source.text[i.min(text.len())..];
            let trimmed = rest.trim_start();
            i += rest.len() - trimmed.len();
            if trimmed.starts_with("//") {
                i += trimmed.find('\n').unwrap_or(trimmed.len());
            } else if let Some(comment) = trimmed.strip_prefix("/*") {
                i += comment.find("*/").map_or(trimmed.len(), |end| end + 4);
            } else {
                return i as u32;
            }
        }
    }

    /// NamedEvaluation: anonymous function and class definitions take the
    /// name of what they are assigned to.
    pub(crate) fn named_evaluation(
        &mut self,
        e: &Expression,
        dst: Reg,
        name: NameSource,
    ) -> CResult {
        let anonymous_function = match e.without_parentheses() {
            Expression::FunctionExpression(f) if f.id.is_none() => Some(e.without_parentheses()),
            Expression::ArrowFunctionExpression(_) => Some(e.without_parentheses()),
            Expression::ClassExpression(c) if c.id.is_none() => Some(e.without_parentheses()),
            _ => None,
        };
        // Parenthesized anonymous functions are still anonymous function definitions,
        // but only when not wrapped: `(function(){})` counts, comma expressions do not.
        let Some(target) = anonymous_function else {
            return self.expr(e, dst);
        };
        match name {
            NameSource::Static(name) => match target {
                Expression::FunctionExpression(f) => self.function_expression(f, dst, Some(&name)),
                Expression::ArrowFunctionExpression(f) => self.arrow_function_named(f, dst, &name),
                Expression::ClassExpression(c) => {
                    self.class(c, dst, Some(NameSource::Static(name)))
                }
                _ => unreachable!(),
            },
            NameSource::Register(key) => match target {
                Expression::ClassExpression(c) => {
                    self.class(c, dst, Some(NameSource::Register(key)))
                }
                _ => {
                    self.expr(target, dst)?;
                    self.emit(Instruction::SetFunctionName {
                        function: dst,
                        name: key,
                        prefix: 0,
                    });
                    Ok(())
                }
            },
        }
    }

    /// Binds every declaration of `scope_id` to a register or environment slot
    /// and pushes an environment if any of them needs one. Returns whether an
    /// environment was pushed.
    pub(crate) fn enter_scope(
        &mut self,
        scope_id: ScopeId,
        skip: &[oxc_semantic::SymbolId],
    ) -> CResult<bool> {
        let scoping = self.unit.scoping;
        let mut names = Vec::new();
        let mut lexical = Vec::new();
        let mut immutable = Vec::new();
        let mut captured_symbols = Vec::new();
        let mut catch_parameter = Vec::new();
        let mut body_lexical = Vec::new();
        let mut register_lexicals = Vec::new();
        let mut symbols: Vec<_> = scoping.get_bindings(scope_id).values().copied().collect();
        symbols.sort_by_key(|s| s.index());
        for symbol in symbols {
            if skip.contains(&symbol) || self.unit.locations.contains_key(&symbol) {
                continue;
            }
            let flags = scoping.symbol_flags(symbol);
            let is_lexical = (flags.intersects(
                SymbolFlags::BlockScopedVariable | SymbolFlags::ConstVariable | SymbolFlags::Class,
            ) && !flags.contains(SymbolFlags::CatchVariable))
                || self.unit.tdz_parameters.contains(&symbol);
            if self.unit.analysis.is_captured(symbol) || self.unit.forced_env.contains(&symbol) {
                let key = self.key(scoping.symbol_name(symbol));
                captured_symbols.push((symbol, names.len() as u32));
                names.push(key);
                catch_parameter.push(flags.contains(SymbolFlags::CatchVariable));
                body_lexical.push(is_lexical && !self.unit.tdz_parameters.contains(&symbol));
                lexical.push(is_lexical);
                immutable.push(flags.contains(SymbolFlags::ConstVariable));
            } else {
                let reg = self.alloc();
                self.unit.locations.insert(symbol, Location::Register(reg));
                if is_lexical {
                    register_lexicals.push(reg);
                } else {
                    self.emit(Instruction::LoadUndefined { dst: reg });
                }
            }
        }
        for reg in register_lexicals {
            self.emit(Instruction::LoadUninitialized { dst: reg });
        }
        if captured_symbols.is_empty() && !self.next_env_is_var_scope {
            return Ok(false);
        }
        let var_scope = self.next_env_is_var_scope;
        self.push_env_scope(names, lexical, immutable);
        let scope_flags = scoping.scope_flags(scope_id);
        let info = self.scopes.last_mut().expect("scope just pushed");
        info.blocks_eval_vars = !var_scope && !scope_flags.is_function();
        info.catch_parameter = catch_parameter.into_boxed_slice();
        if var_scope {
            info.body_lexical = body_lexical.into_boxed_slice();
        }
        let depth = self.unit.env_depth;
        for (symbol, slot) in captured_symbols {
            self.unit
                .locations
                .insert(symbol, Location::Env { depth, slot });
        }
        Ok(true)
    }

    /// Pushes an environment with the given slot names.
    pub(crate) fn push_env_scope(
        &mut self,
        names: Vec<crate::ecmascript::types::PropertyKey<'static>>,
        lexical: Vec<bool>,
        immutable: Vec<bool>,
    ) {
        self.scopes.push(ScopeInfo {
            names: names.into_boxed_slice(),
            lexical: lexical.into_boxed_slice(),
            immutable: immutable.into_boxed_slice(),
            is_var_scope: self.next_env_is_var_scope,
            blocks_eval_vars: false,
            catch_parameter: Box::default(),
            body_lexical: Box::default(),
        });
        self.next_env_is_var_scope = false;
        let scope = self.scopes.len() as u32 - 1;
        self.emit(Instruction::PushEnv { scope });
        self.unit.env_depth += 1;
        self.local_env_depth += 1;
    }

    /// Forgets where the bindings of `scope_id` live, so that the scope can be
    /// entered again with fresh bindings (for-in/of heads are entered once for
    /// the TDZ of the right-hand side, then once per iteration).
    pub(crate) fn forget_scope(&mut self, scope_id: ScopeId) {
        let scoping = self.unit.scoping;
        for symbol in scoping.get_bindings(scope_id).values() {
            self.unit.locations.remove(symbol);
        }
    }

    /// Leaves a scope entered with [`enter_scope`].
    pub(crate) fn leave_scope(&mut self, pushed: bool) {
        if pushed {
            self.emit(Instruction::PopEnv);
            self.unit.env_depth -= 1;
            self.local_env_depth -= 1;
        }
    }

    /// Creates closures for the function declarations directly in `statements`
    /// and stores them in their bindings (hoisting).
    pub(crate) fn hoist_functions(&mut self, statements: &[Statement]) -> CResult {
        for statement in statements {
            let function = match statement {
                Statement::FunctionDeclaration(f) => f,
                Statement::ExportNamedDeclaration(_) | Statement::ExportDefaultDeclaration(_) => {
                    continue;
                }
                _ => continue,
            };
            let Some(id) = &function.id else { continue };
            let m = self.mark();
            let r = self.alloc();
            let kind = function_kind(function);
            let parts = function_parts(function, kind)?;
            let index = self.compile_nested(parts, id.name.as_str())?;
            self.at(function.as_ref());
            self.emit(Instruction::CreateClosure {
                dst: r,
                function: index,
            });
            self.bind_declared(id, r)?;
            self.release(m);
        }
        Ok(())
    }

    /// Initialises a declared binding (`let`/`const`/`var`/function) with `src`.
    /// The register a declared name lives in, if it is a register local.
    pub(crate) fn declared_register(&self, id: &BindingIdentifier) -> Option<Reg> {
        match self.unit.locations.get(&id.symbol_id.get()?) {
            Some(Location::Register(reg)) => Some(*reg),
            _ => None,
        }
    }

    pub(crate) fn bind_declared(&mut self, id: &BindingIdentifier, src: Reg) -> CResult {
        let symbol = id
            .symbol_id
            .get()
            .ok_or_else(|| CompileError::syntax("unbound declaration"))?;
        match self.unit.locations.get(&symbol).copied() {
            Some(Location::Register(reg)) => {
                if reg != src {
                    self.emit(Instruction::Move { dst: reg, src });
                }
            }
            Some(Location::Env { depth, slot }) => {
                let hops = (self.unit.env_depth - depth) as u16;
                self.emit(Instruction::StoreEnv { src, hops, slot });
            }
            Some(Location::Global) => {
                let flags = self.unit.scoping.symbol_flags(symbol);
                let cache = self.cache(id.name.as_str());
                if flags.contains(SymbolFlags::Function)
                    && !flags.intersects(SymbolFlags::BlockScopedVariable)
                {
                    self.emit(Instruction::DeclareGlobalFunction { src, cache });
                } else if flags.intersects(
                    SymbolFlags::BlockScopedVariable
                        | SymbolFlags::ConstVariable
                        | SymbolFlags::Class,
                ) {
                    self.emit(Instruction::InitGlobalLexical { src, cache });
                } else {
                    self.emit(Instruction::SetGlobal { src, cache });
                }
            }
            Some(Location::Import(_)) => {
                return Err(CompileError::syntax(
                    "An import binding cannot be redeclared",
                ));
            }
            None => {
                let constant = self.string_constant(id.name.as_str());
                self.emit(Instruction::InitName { src, constant });
            }
        }
        Ok(())
    }
}

/// Calls `f` with the symbol of every identifier a binding pattern binds.
pub(crate) fn collect_bound_symbols(
    pattern: &BindingPattern,
    f: &mut impl FnMut(oxc_semantic::SymbolId),
) {
    match pattern {
        BindingPattern::BindingIdentifier(id) => {
            if let Some(symbol) = id.symbol_id.get() {
                f(symbol);
            }
        }
        BindingPattern::AssignmentPattern(p) => collect_bound_symbols(&p.left, f),
        BindingPattern::ObjectPattern(p) => {
            for property in &p.properties {
                collect_bound_symbols(&property.value, f);
            }
            if let Some(rest) = &p.rest {
                collect_bound_symbols(&rest.argument, f);
            }
        }
        BindingPattern::ArrayPattern(p) => {
            for element in p.elements.iter().flatten() {
                collect_bound_symbols(element, f);
            }
            if let Some(rest) = &p.rest {
                collect_bound_symbols(&rest.argument, f);
            }
        }
    }
}

/// Borrowed view of an empty parameter list.
#[derive(Default)]
struct FormalParametersView<'x, 'a> {
    items: &'x [FormalParameter<'a>],
}

/// The kind of code a function definition compiles to.
pub(crate) fn function_kind(f: &Function) -> FunctionKind {
    match (f.generator, f.r#async) {
        (true, true) => FunctionKind::AsyncGenerator,
        (true, false) => FunctionKind::Generator,
        (false, true) => FunctionKind::Async,
        (false, false) => FunctionKind::Normal,
    }
}

/// The parts of a `function` definition.
pub(crate) fn function_parts<'x, 'a>(
    f: &'x Function<'a>,
    kind: FunctionKind,
) -> CResult<FunctionParts<'x, 'a>> {
    let body = f
        .body
        .as_ref()
        .ok_or_else(|| CompileError::syntax("Function has no body"))?;
    let kind = match kind {
        FunctionKind::Normal => function_kind(f),
        other => other,
    };
    Ok(FunctionParts {
        params: Some(&f.params),
        statements: &body.statements,
        expression_body: None,
        scope_id: f.scope_id.get().expect("function scope"),
        span: f.span,
        kind,
        is_arrow: false,
        own_name: if f.r#type == FunctionType::FunctionExpression {
            f.id.as_ref()
        } else {
            None
        },
        default_derived: false,
    })
}

/// Compiles one function body to a code record.
pub(crate) fn compile_function_body(
    parent: &mut FunctionCompiler,
    parts: FunctionParts,
    name: &str,
) -> CResult<Code<'static>> {
    let scoping = parent.unit.scoping;
    let flags = scoping.scope_flags(parts.scope_id);
    let strict = flags.is_strict_mode() || parent.strict;
    let outer_this_location = parent.this_location;
    let outer_arguments = parent.arguments_location;
    let outer_derived = parent.this_derived;
    let saved_env_depth = parent.unit.env_depth;
    let saved_depth = parent.unit.depth;
    let field_name = parent.field_name.take();
    let mut fc = FunctionCompiler::new(parent.unit, parts.kind, strict);
    fc.unit_field_name = field_name;
    fc.position = parts.span.start;
    let facts = FunctionFacts::of(&parts);
    let no_params = FormalParametersView::default();
    let items = parts.params.map_or(no_params.items, |p| p.items.as_slice());
    let rest_param = parts.params.and_then(|p| p.rest.as_deref());
    let has_eval = flags.contains_direct_eval();
    if parts.is_arrow {
        // Arrows see the enclosing function's this and arguments.
        fc.this_location = outer_this_location;
        fc.arguments_location = outer_arguments;
        fc.this_derived = outer_derived;
    } else {
        fc.this_derived = parts.kind == FunctionKind::DerivedConstructor;
    }

    let parameter_count = items.len() as u16;
    let simple = items.iter().all(|p| {
        p.initializer.is_none() && matches!(p.pattern, BindingPattern::BindingIdentifier(_))
    }) && rest_param.is_none();
    fc.flags.simple_parameters = simple;
    fc.flags.has_rest = rest_param.is_some() || parts.default_derived;
    // Registers 0..n receive the arguments.
    fc.alloc_n(u32::from(parameter_count));

    // Parameters of a non-simple list are in their TDZ until initialised.
    if !simple {
        for param in items {
            collect_bound_symbols(&param.pattern, &mut |s| {
                fc.unit.tdz_parameters.insert(s);
                fc.unit.initialized_at.insert(s, param.span.end);
            });
        }
        if let Some(rest) = rest_param {
            collect_bound_symbols(&rest.rest.argument, &mut |s| {
                fc.unit.tdz_parameters.insert(s);
                fc.unit.initialized_at.insert(s, rest.span.end);
            });
        }
    }
    // A mapped arguments object aliases the parameters, which then live in the
    // function's environment.
    let arguments_shadowed = scoping
        .get_bindings(parts.scope_id)
        .keys()
        .any(|name| *name == "arguments");
    let needs_arguments =
        !parts.is_arrow && (facts.uses_arguments || has_eval) && !arguments_shadowed;
    let mapped_arguments = needs_arguments && !strict && simple;
    if mapped_arguments {
        for param in items {
            collect_bound_symbols(&param.pattern, &mut |s| {
                fc.unit.forced_env.insert(s);
            });
        }
    }
    // Bindings of the function scope: parameters first (their argument registers).
    let mut param_symbols = Vec::new();
    if simple && !mapped_arguments {
        for (i, param) in items.iter().enumerate() {
            if let BindingPattern::BindingIdentifier(id) = &param.pattern
                && let Some(symbol) = id.symbol_id.get()
                && !fc.unit.analysis.is_captured(symbol)
            {
                fc.unit
                    .locations
                    .insert(symbol, Location::Register(i as Reg));
                param_symbols.push(symbol);
            }
        }
    }
    // The named function expression's own name lives in its own scope in the
    // spec; here it is one more binding of the function scope.
    if let Some(own) = parts.own_name
        && let Some(symbol) = own.symbol_id.get()
    {
        fc.unit.function_expression_names.insert(symbol);
    }
    // Functions with a sloppy direct eval always get a variable environment
    // for the bindings eval may add.
    fc.next_env_is_var_scope = has_eval && !strict;
    fc.enter_scope(parts.scope_id, &param_symbols)?;
    fc.next_env_is_var_scope = false;

    // Copy simple captured parameters from their argument registers into their slots.
    if simple {
        for (i, param) in items.iter().enumerate() {
            if let BindingPattern::BindingIdentifier(id) = &param.pattern
                && let Some(symbol) = id.symbol_id.get()
                && let Some(Location::Env { .. }) = fc.unit.locations.get(&symbol)
            {
                // Later duplicates win, as with sloppy duplicate parameters.
                fc.bind_declared(id, i as Reg)?;
            }
        }
    }

    // The function's own name for named function expressions: the callee.
    if let Some(own) = parts.own_name {
        let r = fc.alloc();
        fc.emit(Instruction::LoadCallee { dst: r });
        fc.bind_declared(own, r)?;
    }

    // `this`: captured by arrows (or eval) → an environment slot; derived
    // constructors keep it in a register that starts uninitialized.
    if !parts.is_arrow {
        let needs_slot = facts.this_in_arrow || has_eval;
        if needs_slot {
            let key = fc.key("this");
            fc.push_env_scope(
                vec![key],
                vec![parts.kind == FunctionKind::DerivedConstructor],
                vec![false],
            );
            let location = Location::Env {
                depth: fc.unit.env_depth,
                slot: 0,
            };
            if parts.kind != FunctionKind::DerivedConstructor {
                let r = fc.alloc();
                fc.emit(Instruction::LoadThis { dst: r });
                fc.store_location(location, r);
            }
            fc.this_location = Some(location);
        } else if parts.kind == FunctionKind::DerivedConstructor {
            let r = fc.alloc();
            fc.emit(Instruction::LoadUninitialized { dst: r });
            fc.this_location = Some(Location::Register(r));
        }
    }

    // `arguments`.
    if needs_arguments {
        fc.flags.uses_arguments = true;
        let mapped = mapped_arguments;
        let mut mapped_slots = None;
        if mapped {
            // Each parameter's slot; with duplicate names only the last one is mapped.
            let mut slots = vec![u32::MAX; items.len()];
            let mut seen = Vec::new();
            let mut param_depth = fc.unit.env_depth;
            for (i, param) in items.iter().enumerate().rev() {
                if let BindingPattern::BindingIdentifier(id) = &param.pattern {
                    if seen.contains(&id.name.as_str()) {
                        continue;
                    }
                    seen.push(id.name.as_str());
                    if let Some(Location::Env { depth, slot }) = id
                        .symbol_id
                        .get()
                        .and_then(|s| fc.unit.locations.get(&s).copied())
                    {
                        slots[i] = slot;
                        param_depth = depth;
                    }
                }
            }
            mapped_slots = Some((param_depth, slots.into_boxed_slice()));
        }
        let location = if facts.arguments_in_arrow || has_eval {
            let key = fc.key("arguments");
            fc.push_env_scope(vec![key], vec![false], vec![false]);
            Location::Env {
                depth: fc.unit.env_depth,
                slot: 0,
            }
        } else {
            Location::Register(fc.alloc())
        };
        let r = fc.alloc();
        if let Some((depth, slots)) = mapped_slots {
            fc.mapped_parameters = Some(((fc.unit.env_depth - depth) as u16, slots));
        }
        fc.emit(Instruction::CreateArguments { dst: r, mapped });
        fc.store_location(location, r);
        fc.arguments_location = Some(location);
    } else if !parts.is_arrow {
        fc.arguments_location = None;
    }

    // Parameters with defaults, patterns or rest.
    if !simple {
        if has_eval && !strict {
            // 10.2.11 FunctionDeclarationInstantiation step 20: parameter
            // expressions run in an environment holding the parameters (and,
            // for non-arrow functions, `arguments`); EvalDeclarationInstantiation
            // step 3.d forbids an eval there to `var`-declare those names.
            let mut symbols = Vec::new();
            for param in items {
                collect_bound_symbols(&param.pattern, &mut |s| symbols.push(s));
            }
            if let Some(rest) = rest_param {
                collect_bound_symbols(&rest.rest.argument, &mut |s| symbols.push(s));
            }
            let mut keys: Vec<_> = symbols
                .iter()
                .map(|&s| fc.key(scoping.symbol_name(s)))
                .collect();
            if !parts.is_arrow {
                keys.push(fc.key("arguments"));
            }
            let count = keys.len();
            fc.scopes.push(ScopeInfo {
                names: keys.into_boxed_slice(),
                lexical: vec![false; count].into_boxed_slice(),
                immutable: vec![false; count].into_boxed_slice(),
                is_var_scope: false,
                blocks_eval_vars: true,
                catch_parameter: Box::default(),
                body_lexical: Box::default(),
            });
            fc.parameter_scope = Some(fc.scopes.len() as u32 - 1);
        }
        for (i, param) in items.iter().enumerate() {
            let m = fc.mark();
            let value = fc.alloc();
            fc.emit(Instruction::Move {
                dst: value,
                src: i as Reg,
            });
            if let Some(initializer) = &param.initializer {
                let skip = fc.new_label();
                fc.emit_jump(
                    |target| Instruction::JumpIfNotUndefined { src: value, target },
                    skip,
                );
                let name = match &param.pattern {
                    BindingPattern::BindingIdentifier(id) => {
                        NameSource::Static(id.name.to_string())
                    }
                    _ => NameSource::Static(String::new()),
                };
                fc.named_evaluation(initializer, value, name)?;
                fc.place(skip);
            }
            fc.bind_pattern(&param.pattern, value, true)?;
            fc.release(m);
        }
        if let Some(rest) = rest_param {
            fc.flags.has_rest = true;
            let m = fc.mark();
            let value = fc.alloc();
            fc.emit(Instruction::CreateRestParameter {
                dst: value,
                start: parameter_count,
            });
            fc.bind_pattern(&rest.rest.argument, value, true)?;
            fc.release(m);
        }
        fc.parameter_scope = None;
    }

    // Generators create their generator object (and suspend) after parameters.
    if matches!(
        parts.kind,
        FunctionKind::Generator | FunctionKind::AsyncGenerator
    ) {
        fc.emit(Instruction::GeneratorStart);
    }

    // Hoisted function declarations.
    fc.hoist_functions(parts.statements)?;

    // Body.
    if parts.default_derived {
        let r = fc.alloc();
        fc.emit(Instruction::SuperCallForward { dst: r });
        fc.bind_this_to(r);
    }
    let field_name = fc.unit_field_name.take();
    match parts.expression_body {
        Some(expression) => {
            let r = fc.alloc();
            match field_name {
                Some(name) => fc.named_evaluation(expression, r, NameSource::Static(name))?,
                None => fc.expr(expression, r)?,
            }
            fc.emit_return(r);
        }
        None => {
            for statement in parts.statements {
                fc.statement(statement)?;
            }
            let r = fc.alloc();
            fc.emit(Instruction::LoadUndefined { dst: r });
            fc.emit_return(r);
        }
    }

    let length = items.iter().take_while(|p| p.initializer.is_none()).count() as u32;
    let name_string: JsString = fc.unit.agent.create_string(name, fc.unit.gc).unbind();
    let span = (parts.span.start, parts.span.end);
    let unit_depth_after = fc.unit.env_depth;
    let _ = unit_depth_after;
    let code = fc.finish(name_string, span, parameter_count, length)?;
    parent.unit.env_depth = saved_env_depth;
    parent.unit.depth = saved_depth;
    let _ = parts.span.span();
    Ok(code)
}
