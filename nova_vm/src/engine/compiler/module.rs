//! ### [16.2.1.6.1 ParseModule ( sourceText, realm, hostDefined )](https://tc39.es/ecma262/#sec-parsemodule)
//!
//! Parses module source text, collects its requests and import/export
//! entries, and compiles it into two code records: the instantiation code
//! that InitializeEnvironment runs (hoisted function declarations) and the
//! module body. Every top-level binding lives in the module environment
//! (depth 1 of the compile-time environment chain, right above the global
//! environment), so that importers can read it; imported names (other than
//! namespace imports) compile to indirect loads through the module's
//! import-binding table.

use std::sync::Arc;

use oxc_allocator::Allocator;
use oxc_ast::ast::*;
use oxc_ast_visit::Visit;
use oxc_semantic::SemanticBuilder;
use oxc_span::SourceType;
use oxc_syntax::scope::ScopeFlags;
use oxc_syntax::symbol::SymbolFlags;

use super::analysis::BindingAnalysis;
use super::expressions::NameSource;
use super::function::{collect_bound_symbols, function_kind, function_parts};
use super::source::{parse_source, render_error};
use super::{CompileError, FunctionCompiler, Location, ScriptKind, Unit};
use crate::ecmascript::execution::Agent;
use crate::ecmascript::modules::{
    ImportEntry, ImportTarget, IndirectExport, LocalExport, ModuleRequest,
};
use crate::ecmascript::types::{JsString, PropertyKey};
use crate::engine::bytecode::{Code, FunctionKind, Instruction, ScopeInfo, SourceText};
use crate::engine::{Bindable, NoGcScope};

/// What ParseModule produces for a Source Text Module Record.
pub(crate) struct CompiledModule {
    /// Hoisted function declarations (run by InitializeEnvironment).
    pub init_code: Code<'static>,
    /// The module body.
    pub body_code: Code<'static>,
    /// `[[HasTLA]]`
    pub has_tla: bool,
    /// `[[RequestedModules]]`
    pub requests: Vec<ModuleRequest>,
    /// `[[ImportEntries]]`
    pub imports: Vec<ImportEntry>,
    /// `[[LocalExportEntries]]`
    pub local_exports: Vec<LocalExport>,
    /// `[[IndirectExportEntries]]`
    pub indirect_exports: Vec<IndirectExport>,
    /// `[[StarExportEntries]]`
    pub star_exports: Vec<u32>,
    /// Number of indirect import bindings.
    pub import_binding_count: u32,
}

/// The name of the binding of `export default` expressions and anonymous
/// default declarations.
const DEFAULT_BINDING: &str = "*default*";

/// The string value of a ModuleExportName.
fn export_name(name: &ModuleExportName) -> String {
    match name {
        ModuleExportName::IdentifierName(n) => n.name.to_string(),
        ModuleExportName::IdentifierReference(n) => n.name.to_string(),
        ModuleExportName::StringLiteral(s) => s.value.to_string(),
    }
}

/// Finds top-level `await` (outside any function).
#[derive(Default)]
struct TopLevelAwait {
    found: bool,
}

impl<'a> Visit<'a> for TopLevelAwait {
    fn visit_function(&mut self, _it: &Function<'a>, _flags: ScopeFlags) {}
    fn visit_arrow_function_expression(&mut self, _it: &ArrowFunctionExpression<'a>) {}
    fn visit_await_expression(&mut self, _it: &AwaitExpression<'a>) {
        self.found = true;
    }
    fn visit_for_of_statement(&mut self, it: &ForOfStatement<'a>) {
        if it.r#await {
            self.found = true;
        }
        oxc_ast_visit::walk::walk_for_of_statement(self, it);
    }
    fn visit_variable_declaration(&mut self, it: &VariableDeclaration<'a>) {
        if it.kind == VariableDeclarationKind::AwaitUsing {
            self.found = true;
        }
        oxc_ast_visit::walk::walk_variable_declaration(self, it);
    }
}

/// Adds a request (deduplicated) and returns its index.
fn request_index(
    requests: &mut Vec<ModuleRequest>,
    source: &StringLiteral,
    with_clause: Option<&WithClause>,
) -> u32 {
    let mut attributes: Vec<(String, String)> = with_clause
        .map(|w| {
            w.with_entries
                .iter()
                .map(|entry| {
                    let key = match &entry.key {
                        ImportAttributeKey::Identifier(i) => i.name.to_string(),
                        ImportAttributeKey::StringLiteral(s) => s.value.to_string(),
                    };
                    (key, entry.value.value.to_string())
                })
                .collect()
        })
        .unwrap_or_default();
    attributes.sort();
    let request = ModuleRequest {
        specifier: source.value.to_string(),
        attributes,
    };
    if let Some(i) = requests.iter().position(|r| *r == request) {
        return i as u32;
    }
    requests.push(request);
    requests.len() as u32 - 1
}

/// Parses and compiles module source text.
pub(crate) fn compile_module(
    agent: &mut Agent,
    text: &str,
    name: &str,
    gc: NoGcScope,
) -> Result<CompiledModule, CompileError> {
    let source = Arc::new(SourceText {
        name: name.to_owned(),
        text: text.to_owned(),
    });
    let allocator = Allocator::default();
    let parsed = parse_source(&allocator, &source, SourceType::mjs())?;
    if let Some(error) = parsed.diagnostics.first() {
        let offset = error.labels.first().map(|l| l.offset());
        return Err(render_error(
            &source,
            &format!("SyntaxError: {}", error.message),
            offset,
        ));
    }
    let program = parsed.program;
    let semantic = SemanticBuilder::new()
        .with_check_syntax_error(true)
        .build(&program);
    if let Some(error) = semantic.diagnostics.first() {
        let offset = error.labels.first().map(|l| l.offset());
        return Err(render_error(
            &source,
            &format!("SyntaxError: {}", error.message),
            offset,
        ));
    }
    let semantic = semantic.semantic;
    let scoping = semantic.scoping();
    let mut unit = Unit {
        agent,
        gc,
        scoping,
        analysis: BindingAnalysis::new(scoping),
        source: source.clone(),
        locations: Default::default(),
        env_depth: 1,
        module_env_depth: 1,
        kind: ScriptKind::Script,
        depth: 0,
        switch_scopes: Default::default(),
        class_inner_names: Default::default(),
        function_expression_names: Default::default(),
        private_names: Vec::new(),
        tdz_parameters: Default::default(),
        forced_env: Default::default(),
        initialized_at: Default::default(),
        class_declaration_bodies: Default::default(),
    };
    compile_module_program(&mut unit, &program)
        .map_err(|e| render_error(&source, &format!("SyntaxError: {}", e.message), None))
}

/// The module environment's layout and the entries of ParseModule.
struct ModuleLayout {
    scope: ScopeInfo,
    default_slot: Option<u32>,
    requests: Vec<ModuleRequest>,
    imports: Vec<ImportEntry>,
    local_exports: Vec<LocalExport>,
    indirect_exports: Vec<IndirectExport>,
    star_exports: Vec<u32>,
    import_binding_count: u32,
}

fn compile_module_program(
    unit: &mut Unit,
    program: &Program,
) -> Result<CompiledModule, CompileError> {
    let layout = module_layout(unit, program)?;
    let mut finder = TopLevelAwait::default();
    finder.visit_program(program);
    let has_tla = finder.found;

    // InitializeEnvironment steps 21-22: the hoisted function declarations.
    let mut init = FunctionCompiler::new(unit, FunctionKind::Normal, true);
    init.scopes.push(layout.scope.clone());
    hoist_module_functions(&mut init, program, layout.default_slot)?;
    let r = init.alloc();
    init.emit(Instruction::LoadUndefined { dst: r });
    init.emit(Instruction::Return { src: r });
    let span = (program.span.start, program.span.end);
    let init_code = init.finish(JsString::EMPTY, span, 0, 0)?;

    // The body.
    let kind = if has_tla {
        FunctionKind::Async
    } else {
        FunctionKind::Normal
    };
    let mut body = FunctionCompiler::new(unit, kind, true);
    body.scopes.push(layout.scope.clone());
    for statement in &program.body {
        module_item(&mut body, statement, layout.default_slot)?;
    }
    let r = body.alloc();
    body.emit(Instruction::LoadUndefined { dst: r });
    body.emit(Instruction::Return { src: r });
    let body_code = body.finish(JsString::EMPTY, span, 0, 0)?;

    Ok(CompiledModule {
        init_code,
        body_code,
        has_tla,
        requests: layout.requests,
        imports: layout.imports,
        local_exports: layout.local_exports,
        indirect_exports: layout.indirect_exports,
        star_exports: layout.star_exports,
        import_binding_count: layout.import_binding_count,
    })
}

/// Places every top-level binding and collects the import and export entries
/// (ParseModule steps 4-12).
fn module_layout(unit: &mut Unit, program: &Program) -> Result<ModuleLayout, CompileError> {
    let scoping = unit.scoping;
    let root = scoping.root_scope_id();
    let mut requests = Vec::new();
    // Import entries by local name: (request, import name or None for namespace).
    let mut import_specs: Vec<(String, u32, Option<String>)> = Vec::new();
    let mut needs_default = None;
    for statement in &program.body {
        match statement {
            Statement::ImportDeclaration(import) => {
                let request =
                    request_index(&mut requests, &import.source, import.with_clause.as_deref());
                for specifier in import.specifiers.iter().flatten() {
                    let (local, name) = match specifier {
                        ImportDeclarationSpecifier::ImportSpecifier(s) => {
                            (s.local.name.to_string(), Some(export_name(&s.imported)))
                        }
                        ImportDeclarationSpecifier::ImportDefaultSpecifier(s) => {
                            (s.local.name.to_string(), Some("default".to_owned()))
                        }
                        ImportDeclarationSpecifier::ImportNamespaceSpecifier(s) => {
                            (s.local.name.to_string(), None)
                        }
                    };
                    import_specs.push((local, request, name));
                }
            }
            Statement::ExportFromDeclaration(e) => {
                request_index(&mut requests, &e.source, e.with_clause.as_deref());
            }
            Statement::ExportAllDeclaration(e) => {
                request_index(&mut requests, &e.source, e.with_clause.as_deref());
            }
            Statement::ExportDefaultDeclaration(d) => match &d.declaration {
                ExportDefaultDeclarationKind::FunctionDeclaration(f) if f.id.is_none() => {
                    needs_default = Some(false);
                }
                ExportDefaultDeclarationKind::FunctionDeclaration(_)
                | ExportDefaultDeclarationKind::ClassDeclaration(_)
                    if declaration_name(&d.declaration).is_some() => {}
                _ => needs_default = Some(true),
            },
            _ => {}
        }
    }

    // Slots of the module environment: every top-level binding except the
    // indirect imports, then `*default*`.
    let mut names: Vec<PropertyKey<'static>> = Vec::new();
    let mut lexical = Vec::new();
    let mut immutable = Vec::new();
    let mut symbols: Vec<_> = scoping.get_bindings(root).values().copied().collect();
    symbols.sort_by_key(|s| s.index());
    let mut imports = Vec::new();
    let mut import_binding_count = 0;
    let mut slot_of_name: Vec<(String, u32)> = Vec::new();
    for symbol in symbols {
        let flags = scoping.symbol_flags(symbol);
        let name = scoping.symbol_name(symbol);
        if flags.contains(SymbolFlags::Import) {
            let Some((_, request, import_name)) =
                import_specs.iter().find(|(local, _, _)| local == name)
            else {
                return Err(CompileError::syntax("Unknown import binding"));
            };
            let target = match import_name {
                None => {
                    let slot = names.len() as u32;
                    names.push(unit.agent.key_from_str(name, unit.gc).unbind());
                    lexical.push(true);
                    immutable.push(true);
                    unit.locations
                        .insert(symbol, Location::Env { depth: 1, slot });
                    slot_of_name.push((name.to_owned(), slot));
                    ImportTarget::Slot(slot)
                }
                Some(_) => {
                    let index = import_binding_count;
                    import_binding_count += 1;
                    unit.locations.insert(symbol, Location::Import(index));
                    ImportTarget::Binding(index)
                }
            };
            imports.push(ImportEntry {
                request: *request,
                import_name: import_name.clone(),
                local_name: name.to_owned(),
                target,
            });
            continue;
        }
        let slot = names.len() as u32;
        names.push(unit.agent.key_from_str(name, unit.gc).unbind());
        lexical.push(flags.intersects(
            SymbolFlags::BlockScopedVariable | SymbolFlags::ConstVariable | SymbolFlags::Class,
        ));
        immutable.push(flags.contains(SymbolFlags::ConstVariable));
        unit.locations
            .insert(symbol, Location::Env { depth: 1, slot });
        slot_of_name.push((name.to_owned(), slot));
    }
    let default_slot = needs_default.map(|is_lexical| {
        let slot = names.len() as u32;
        names.push(unit.agent.key_from_str(DEFAULT_BINDING, unit.gc).unbind());
        lexical.push(is_lexical);
        immutable.push(false);
        slot_of_name.push((DEFAULT_BINDING.to_owned(), slot));
        slot
    });

    // Export entries (ParseModule step 10 turns re-exported imports into
    // indirect entries).
    let mut local_exports = Vec::new();
    let mut indirect_exports = Vec::new();
    let mut star_exports = Vec::new();
    let mut export_local = |export_name: String, local: &str| -> Result<(), CompileError> {
        if let Some((_, request, import_name)) = import_specs.iter().find(|(l, _, _)| l == local) {
            // A re-export of an imported binding (or, with `all`, of an imported
            // module namespace object).
            indirect_exports.push(IndirectExport {
                export_name,
                request: *request,
                import_name: import_name.clone(),
            });
            return Ok(());
        }
        let Some(&(_, slot)) = slot_of_name.iter().find(|(n, _)| n == local) else {
            return Err(CompileError::syntax(&format!(
                "Export '{local}' is not defined"
            )));
        };
        local_exports.push(LocalExport { export_name, slot });
        Ok(())
    };
    let mut star_or_indirect = Vec::new();
    for statement in &program.body {
        match statement {
            Statement::ExportDeclaration(e) => {
                for name in declaration_bound_names(scoping, &e.declaration) {
                    export_local(name.clone(), &name)?;
                }
            }
            Statement::ExportNamedDeclaration(e) => {
                for specifier in &e.specifiers {
                    export_local(
                        export_name(&specifier.exported),
                        &export_name(&specifier.local),
                    )?;
                }
            }
            Statement::ExportDefaultDeclaration(d) => match declaration_name(&d.declaration) {
                Some(local) => export_local("default".to_owned(), &local)?,
                None => export_local("default".to_owned(), DEFAULT_BINDING)?,
            },
            Statement::ExportFromDeclaration(e) => {
                let request = request_index(&mut requests, &e.source, e.with_clause.as_deref());
                for specifier in &e.specifiers {
                    star_or_indirect.push(IndirectExport {
                        export_name: export_name(&specifier.exported),
                        request,
                        import_name: Some(export_name(&specifier.local)),
                    });
                }
            }
            Statement::ExportAllDeclaration(e) => {
                let request = request_index(&mut requests, &e.source, e.with_clause.as_deref());
                match &e.exported {
                    Some(name) => star_or_indirect.push(IndirectExport {
                        export_name: export_name(name),
                        request,
                        import_name: None,
                    }),
                    None => star_exports.push(request),
                }
            }
            _ => {}
        }
    }
    indirect_exports.extend(star_or_indirect);
    Ok(ModuleLayout {
        scope: ScopeInfo {
            names: names.into_boxed_slice(),
            lexical: lexical.into_boxed_slice(),
            catch_parameter: vec![false; immutable.len()].into_boxed_slice(),
            immutable: immutable.into_boxed_slice(),
            is_var_scope: true,
            blocks_eval_vars: false,
            body_lexical: Box::default(),
        },
        default_slot,
        requests,
        imports,
        local_exports,
        indirect_exports,
        star_exports,
        import_binding_count,
    })
}

/// The name a default-exported function or class declaration binds, if any.
fn declaration_name(d: &ExportDefaultDeclarationKind) -> Option<String> {
    match d {
        ExportDefaultDeclarationKind::FunctionDeclaration(f) => {
            f.id.as_ref().map(|id| id.name.to_string())
        }
        ExportDefaultDeclarationKind::ClassDeclaration(c) => {
            c.id.as_ref().map(|id| id.name.to_string())
        }
        _ => None,
    }
}

/// BoundNames of a declaration.
fn declaration_bound_names(scoping: &oxc_semantic::Scoping, d: &Declaration) -> Vec<String> {
    let mut names = Vec::new();
    match d {
        Declaration::VariableDeclaration(v) => {
            for declarator in &v.declarations {
                collect_bound_symbols(&declarator.id, &mut |symbol| {
                    names.push(scoping.symbol_name(symbol).to_owned())
                });
            }
        }
        Declaration::FunctionDeclaration(f) => {
            if let Some(id) = &f.id {
                names.push(id.name.to_string());
            }
        }
        Declaration::ClassDeclaration(c) => {
            if let Some(id) = &c.id {
                names.push(id.name.to_string());
            }
        }
        _ => {}
    }
    names
}

/// InitializeEnvironment step 24 for function declarations: creates the
/// closures of the top-level (and exported) function declarations.
fn hoist_module_functions(
    fc: &mut FunctionCompiler,
    program: &Program,
    default_slot: Option<u32>,
) -> Result<(), CompileError> {
    for statement in &program.body {
        let (function, is_default) = match statement {
            Statement::FunctionDeclaration(f) => (f, false),
            Statement::ExportDeclaration(e) => match &e.declaration {
                Declaration::FunctionDeclaration(f) => (f, false),
                _ => continue,
            },
            Statement::ExportDefaultDeclaration(d) => match &d.declaration {
                ExportDefaultDeclarationKind::FunctionDeclaration(f) => (f, true),
                _ => continue,
            },
            _ => continue,
        };
        let m = fc.mark();
        let r = fc.alloc();
        let kind = function_kind(function);
        let parts = function_parts(function, kind)?;
        let name = function
            .id
            .as_ref()
            .map_or("default", |id| id.name.as_str());
        let index = fc.compile_nested(parts, name)?;
        fc.at(function.as_ref());
        fc.emit(Instruction::CreateClosure {
            dst: r,
            function: index,
        });
        match &function.id {
            Some(id) => fc.bind_declared(id, r)?,
            None if is_default => {
                let slot = default_slot.expect("a *default* slot");
                fc.emit(Instruction::StoreEnv {
                    src: r,
                    hops: 0,
                    slot,
                });
            }
            None => {}
        }
        fc.release(m);
    }
    Ok(())
}

/// Compiles one ModuleItem of the body.
fn module_item(
    fc: &mut FunctionCompiler,
    statement: &Statement,
    default_slot: Option<u32>,
) -> Result<(), CompileError> {
    match statement {
        Statement::ImportDeclaration(_)
        | Statement::ExportNamedDeclaration(_)
        | Statement::ExportFromDeclaration(_)
        | Statement::ExportAllDeclaration(_) => Ok(()),
        // Hoisted by the instantiation code.
        Statement::FunctionDeclaration(_) => Ok(()),
        Statement::ExportDeclaration(e) => match &e.declaration {
            Declaration::FunctionDeclaration(_) => Ok(()),
            Declaration::VariableDeclaration(v) => {
                fc.at(e.as_ref());
                fc.variable_declaration(v)
            }
            Declaration::ClassDeclaration(c) => {
                let m = fc.mark();
                let r = fc.alloc();
                fc.at(e.as_ref());
                let name =
                    c.id.as_ref()
                        .map(|id| NameSource::Static(id.name.to_string()));
                fc.class(c, r, name)?;
                if let Some(id) = &c.id {
                    fc.bind_declared(id, r)?;
                }
                fc.release(m);
                Ok(())
            }
            _ => Err(CompileError::syntax("This declaration is not supported")),
        },
        Statement::ExportDefaultDeclaration(d) => {
            let m = fc.mark();
            let r = fc.alloc();
            fc.at(d.as_ref());
            match &d.declaration {
                ExportDefaultDeclarationKind::FunctionDeclaration(_) => {}
                ExportDefaultDeclarationKind::ClassDeclaration(c) => {
                    let name = NameSource::Static(
                        c.id.as_ref()
                            .map_or("default".to_owned(), |id| id.name.to_string()),
                    );
                    fc.class(c, r, Some(name))?;
                    match &c.id {
                        Some(id) => fc.bind_declared(id, r)?,
                        None => store_default(fc, r, default_slot),
                    }
                }
                ExportDefaultDeclarationKind::TSInterfaceDeclaration(_) => {
                    return Err(CompileError::syntax("TypeScript syntax is not supported"));
                }
                other => {
                    let expression = other.to_expression();
                    fc.named_evaluation(expression, r, NameSource::Static("default".to_owned()))?;
                    store_default(fc, r, default_slot);
                }
            }
            fc.release(m);
            Ok(())
        }
        other => fc.statement(other),
    }
}

/// Initializes the `*default*` binding with `src`.
fn store_default(fc: &mut FunctionCompiler, src: crate::engine::bytecode::Reg, slot: Option<u32>) {
    let slot = slot.expect("a *default* slot");
    let hops = (fc.unit.env_depth - 1) as u16;
    fc.emit(Instruction::StoreEnv { src, hops, slot });
}

impl FunctionCompiler<'_, '_, '_> {
    /// ### [13.3.10.1 Runtime Semantics: Evaluation of ImportCall](https://tc39.es/ecma262/#sec-import-call-runtime-semantics-evaluation)
    ///
    /// Evaluates the specifier and options, then EvaluateImportCall runs in
    /// the `ImportCall` instruction.
    pub(crate) fn import_call(
        &mut self,
        import: &ImportExpression,
        dst: crate::engine::bytecode::Reg,
    ) -> Result<(), CompileError> {
        if import.phase == Some(ImportPhase::Defer) {
            return Err(CompileError::syntax("import.defer() is not supported"));
        }
        let specifier = self.alloc();
        let options = self.alloc();
        // 1. Let referrer be GetActiveScriptOrModule() (at run time).
        // 2-3. Let specifierRef be ? Evaluation of AssignmentExpression; specifier be ? GetValue(specifierRef).
        self.expr(&import.source, specifier)?;
        // 4-5. If optionsExpression is present, let options be ? GetValue(? Evaluation of it).
        match &import.options {
            Some(expression) => self.expr(expression, options)?,
            None => self.emit(Instruction::LoadUndefined { dst: options }),
        }
        self.at(import);
        self.emit(Instruction::ImportCall {
            dst,
            specifier,
            options,
            source_phase: import.phase == Some(ImportPhase::Source),
        });
        Ok(())
    }
}
