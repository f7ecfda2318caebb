//! Entry points: parse source text with oxc, run its early-error checks, and
//! compile scripts, eval code and dynamic functions.

use std::sync::Arc;

use oxc_allocator::Allocator;
use oxc_ast::ast::*;
use oxc_parser::{ParseOptions, Parser};
use oxc_semantic::SemanticBuilder;
use oxc_span::SourceType;
use oxc_syntax::symbol::SymbolFlags;

use super::analysis::BindingAnalysis;
use super::declarations::{Declarations, GlobalDeclaration};
use super::eval_rules::{EvalContext, check_eval_body};
use super::{FunctionCompiler, Location, Unit};
use crate::ecmascript::execution::Agent;
use crate::ecmascript::types::object::{Attributes, ElementsRecord, ObjectKind};
use crate::ecmascript::types::{JsString, PropertyKey, Value};
use crate::engine::bytecode::{Code, FunctionKind, Instruction, SourceText};
use crate::engine::{Bindable, NoGcScope};

/// A compile-time error: an early SyntaxError, or an unsupported construct.
#[derive(Debug, Clone)]
pub struct CompileError {
    /// The message (with a code frame when a position is known).
    pub message: String,
}

impl CompileError {
    /// A SyntaxError without a position.
    pub(crate) fn syntax(message: &str) -> CompileError {
        CompileError {
            message: message.to_owned(),
        }
    }
}

/// What kind of source is being compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScriptKind {
    /// A classic script.
    Script,
    /// Direct or indirect eval code; `strict` if the code starts strict (strict caller).
    Eval {
        /// Inherited strictness.
        strict: bool,
        /// True for direct eval (free names resolve through the caller's scopes).
        direct: bool,
        /// What the caller's this-environment allows (all false for indirect eval).
        context: EvalContext,
    },
    /// The source of `new Function(...)` and friends.
    DynamicFunction,
}

impl ScriptKind {
    pub(crate) fn is_eval(self) -> bool {
        matches!(self, ScriptKind::Eval { direct: true, .. })
    }
}

/// The result of compiling a script or eval.
pub(crate) struct CompiledScript {
    /// The top-level code.
    pub code: Code<'static>,
}

/// Decodes oxc's escaping of lone surrogates in string values: `\u{FFFD}XXXX`
/// stands for the code unit XXXX (hex), and `\u{FFFD}fffd` for U+FFFD itself.
pub(crate) fn decode_string_literal(value: &str) -> Vec<u16> {
    let mut units = Vec::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\u{FFFD}' {
            let hex: String = chars.by_ref().take(4).collect();
            if let Ok(unit) = u16::from_str_radix(&hex, 16) {
                units.push(unit);
                continue;
            }
        }
        let mut buffer = [0u16; 2];
        units.extend_from_slice(c.encode_utf16(&mut buffer));
    }
    units
}

/// Renders a diagnostic with a one-line code frame.
pub(super) fn render_error(
    source: &SourceText,
    message: &str,
    offset: Option<u32>,
) -> CompileError {
    let Some(offset) = offset else {
        return CompileError {
            message: format!("{message}\n    at {}", source.name),
        };
    };
    let (line, column) = source.line_column(offset);
    let line_text = source.text.lines().nth(line as usize - 1).unwrap_or("");
    // Show at most 160 characters of the line, around the error column.
    let skip = (column as usize).saturating_sub(80);
    let shown: String = line_text.chars().skip(skip).take(160).collect();
    let caret = " ".repeat((column as usize).saturating_sub(1) - skip);
    CompileError {
        message: format!(
            "{message}\n  --> {}:{line}:{column}\n   | {shown}\n   | {caret}^",
            source.name
        ),
    }
}

/// Rough guard against nesting that would exhaust the parser's stack: the
/// deepest bracket nesting, ignoring brackets in strings and comments.
pub(super) fn nesting_depth(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'(' | b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            quote @ (b'"' | b'\'' | b'`') => {
                i += 1;
                while i < bytes.len() && bytes[i] != quote {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                    i += 1;
                }
                i += 1;
            }
            _ => {}
        }
        i += 1;
    }
    max
}

/// Deepest bracket nesting accepted before parsing.
pub(super) const MAX_SOURCE_NESTING: usize = 1_000;

/// Parses `source` as `source_type`, after the nesting guard. An error if the
/// parser gave up (with its first diagnostic); the other diagnostics are
/// left to the caller.
pub(super) fn parse_source<'a>(
    allocator: &'a Allocator,
    source: &'a Arc<SourceText>,
    source_type: SourceType,
) -> Result<oxc_parser::ParserReturn<'a>, CompileError> {
    if nesting_depth(&source.text) > MAX_SOURCE_NESTING {
        return Err(render_error(
            source,
            "SyntaxError: Nesting is too deep (not supported)",
            None,
        ));
    }
    let parsed = Parser::new(allocator, &source.text, source_type)
        .with_options(ParseOptions {
            parse_regular_expression: true,
            allow_return_outside_function: false,
            preserve_parens: true,
            ..ParseOptions::default()
        })
        .parse();
    if parsed.panicked {
        // The parser gave up: its first diagnostic says where.
        let (message, offset) = match parsed.diagnostics.first() {
            Some(error) => (
                format!("SyntaxError: {}", error.message),
                error.labels.first().map(|l| l.offset()),
            ),
            None => ("SyntaxError: Invalid or unexpected token".to_owned(), None),
        };
        return Err(render_error(source, &message, offset));
    }
    Ok(parsed)
}

/// Parses and compiles a script or eval code.
pub(crate) fn compile_script(
    agent: &mut Agent,
    text: &str,
    name: &str,
    kind: ScriptKind,
    gc: NoGcScope,
) -> Result<CompiledScript, CompileError> {
    let forced_strict = matches!(kind, ScriptKind::Eval { strict: true, .. });
    let full_text = if forced_strict {
        format!("\"use strict\";{text}")
    } else {
        text.to_owned()
    };
    let source = Arc::new(SourceText {
        name: name.to_owned(),
        text: full_text,
    });
    let allocator = Allocator::default();
    let parsed = parse_source(&allocator, &source, SourceType::script())?;
    let program = parsed.program;
    // 19.2.1.1 PerformEval step 11: eval code may use what its caller could
    // (`super` in methods, `super()` in derived constructors); the parser
    // treats it as a script, so its diagnostics at those `super`s are dropped.
    let eval_check = match kind {
        ScriptKind::Eval { context, .. } => Some(check_eval_body(&program, context)),
        _ => None,
    };
    let applies = |error: &&oxc_diagnostics::OxcDiagnostic| {
        let offset = error.labels.first().map(|l| l.offset());
        !eval_check
            .as_ref()
            .is_some_and(|check| offset.is_some_and(|o| check.allowed_super.contains(&o)))
    };
    let semantic = SemanticBuilder::new()
        .with_check_syntax_error(true)
        .build(&program);
    let first_error = parsed
        .diagnostics
        .iter()
        .find(applies)
        .or_else(|| semantic.diagnostics.iter().find(applies));
    if let Some(error) = first_error {
        let offset = error.labels.first().map(|l| l.offset());
        return Err(render_error(
            &source,
            &format!("SyntaxError: {}", error.message),
            offset,
        ));
    }
    if let Some(message) = eval_check.and_then(|check| check.error) {
        return Err(render_error(
            &source,
            &format!("SyntaxError: {message}"),
            None,
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
        env_depth: 0,
        module_env_depth: 0,
        kind,
        depth: 0,
        switch_scopes: Default::default(),
        class_inner_names: Default::default(),
        function_expression_names: Default::default(),
        private_names: Vec::new(),
        tdz_parameters: Default::default(),
        initialized_at: Default::default(),
        class_declaration_bodies: Default::default(),
        forced_env: Default::default(),
    };
    let strict = forced_strict
        || program
            .directives
            .iter()
            .any(|d| d.directive == "use strict");
    let result = compile_program(&mut unit, &program, kind, strict);
    result.map_err(|e| render_error(&source, &format!("SyntaxError: {}", e.message), None))
}

fn compile_program(
    unit: &mut Unit,
    program: &Program,
    kind: ScriptKind,
    strict: bool,
) -> Result<CompiledScript, CompileError> {
    let scoping = unit.scoping;
    let root = scoping.root_scope_id();
    let function_kind = match kind {
        ScriptKind::Script | ScriptKind::DynamicFunction => FunctionKind::Script,
        ScriptKind::Eval { .. } => FunctionKind::Eval,
    };
    let mut declarations = Declarations::default();
    let mut root_symbols: Vec<_> = scoping.get_bindings(root).values().copied().collect();
    root_symbols.sort_by_key(|s| scoping.symbol_span(*s).start);
    let sloppy_eval = matches!(kind, ScriptKind::Eval { .. }) && !strict;
    let mut eval_lexicals = Vec::new();
    for &symbol in &root_symbols {
        let flags = scoping.symbol_flags(symbol);
        let name = scoping.symbol_name(symbol);
        let key = unit.agent.key_from_str(name, unit.gc).unbind();
        let lexical = flags.intersects(
            SymbolFlags::BlockScopedVariable | SymbolFlags::ConstVariable | SymbolFlags::Class,
        );
        match kind {
            ScriptKind::Script | ScriptKind::DynamicFunction => {
                unit.locations.insert(symbol, Location::Global);
                declarations.names.push(if lexical {
                    GlobalDeclaration::Lexical(key, flags.contains(SymbolFlags::ConstVariable))
                } else if flags.contains(SymbolFlags::Function) {
                    GlobalDeclaration::Function(key)
                } else {
                    GlobalDeclaration::Var(key)
                });
            }
            ScriptKind::Eval { .. } => {
                if lexical || !sloppy_eval {
                    eval_lexicals.push(symbol);
                } else {
                    // Declared in the caller's variable environment at instantiation;
                    // accessed by name.
                    declarations
                        .names
                        .push(if flags.contains(SymbolFlags::Function) {
                            GlobalDeclaration::Function(key)
                        } else {
                            GlobalDeclaration::Var(key)
                        });
                }
            }
        }
    }
    let mut fc = FunctionCompiler::new(unit, function_kind, strict);
    let completion = fc.alloc();
    fc.completion_register = Some(completion);
    fc.emit(Instruction::LoadUndefined { dst: completion });
    let pushed = if matches!(kind, ScriptKind::Eval { .. }) {
        let skip: Vec<_> = root_symbols
            .iter()
            .copied()
            .filter(|s| !eval_lexicals.contains(s))
            .collect();
        fc.enter_scope(root, &skip)?
    } else {
        false
    };
    if matches!(kind, ScriptKind::Eval { .. }) {
        fc.dynamic_names = true;
    }
    // A directive is an expression statement: its string is a completion value.
    // (Strict eval code was given a `"use strict"` prefix that is not part of the source.)
    let injected = usize::from(matches!(kind, ScriptKind::Eval { strict: true, .. }));
    for directive in program.directives.iter().skip(injected) {
        let constant = fc.string_literal_constant(&directive.expression);
        fc.emit(Instruction::LoadConst {
            dst: completion,
            constant,
        });
    }
    fc.hoist_functions(&program.body)?;
    for statement in &program.body {
        fc.statement(statement)?;
    }
    fc.leave_scope(pushed);
    fc.emit(Instruction::Return { src: completion });
    let name = JsString::EMPTY;
    let span = (program.span.start, program.span.end);
    let code = fc.finish(name, span, 0, 0)?;
    unit.agent.heap.code.get_mut(code.index()).declarations = Some(Box::new(declarations));
    Ok(CompiledScript { code })
}

/// ### [20.2.1.1.1 CreateDynamicFunction](https://tc39.es/ecma262/#sec-createdynamicfunction) (parsing part)
///
/// Compiles `(function anonymous(params\n) {\nbody\n})` as a script whose
/// completion value is the new function. The parameter and body texts must
/// parse on their own: the function's parameter list and body must end exactly
/// where they were placed.
pub(crate) fn compile_dynamic_function(
    agent: &mut Agent,
    prefix: &str,
    parameters: &str,
    body: &str,
    gc: NoGcScope,
) -> Result<CompiledScript, CompileError> {
    let head = format!("({prefix} anonymous(");
    let text = format!("{head}{parameters}\n) {{\n{body}\n}})");
    // (The body's span starts at its opening brace.)
    let body_start = head.len() + parameters.len() + "\n) ".len();
    let expected_end = text.len() - 1;
    // Check that the pieces did not escape their positions.
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, &text, SourceType::script()).parse();
    if parsed.diagnostics.is_empty() && !parsed.panicked {
        let ok = match parsed.program.body.as_slice() {
            [Statement::ExpressionStatement(e)] => match e.expression.without_parentheses() {
                Expression::FunctionExpression(f) => {
                    f.span.end as usize == expected_end
                        && f.body
                            .as_ref()
                            .is_some_and(|b| b.span.start as usize == body_start)
                }
                _ => false,
            },
            _ => false,
        };
        if !ok {
            return Err(CompileError::syntax(
                "SyntaxError: Invalid function parameters or body",
            ));
        }
    }
    let compiled = compile_script(agent, &text, "anonymous", ScriptKind::DynamicFunction, gc)?;
    Ok(compiled)
}

impl FunctionCompiler<'_, '_, '_> {
    /// A frozen template object (with its frozen `raw` array) as a constant.
    pub(crate) fn template_object_constant(
        &mut self,
        cooked: &[Option<String>],
        raw: &[String],
    ) -> u32 {
        let gc = self.unit.gc;
        let agent = &mut *self.unit.agent;
        let array_prototype =
            agent.intrinsic(crate::ecmascript::execution::Intrinsic::ArrayPrototype);
        let frozen = Attributes::data(false, true, false);
        let make = |agent: &mut Agent, values: Vec<Value<'static>>| {
            let array = agent.create_object(Some(array_prototype), ObjectKind::Array, gc);
            let mut elements = ElementsRecord::from_values(values.into_iter().map(Some).collect());
            elements.dense_attributes = frozen;
            elements.length_writable = false;
            array.set_elements(agent, elements);
            array
        };
        let raw_values: Vec<Value<'static>> = raw
            .iter()
            .map(|r| agent.create_string(r, gc).unbind().into_value())
            .collect();
        let raw_array = make(agent, raw_values);
        raw_array.set_stored_non_extensible(agent);
        let cooked_values: Vec<Value<'static>> = cooked
            .iter()
            .map(|c| match c {
                Some(c) => agent.create_string(c, gc).unbind().into_value(),
                None => Value::Undefined,
            })
            .collect();
        let template = make(agent, cooked_values);
        let raw_key = PropertyKey::from_static_str("raw").expect("short key");
        template.add_named_data(agent, raw_key, raw_array.into(), Attributes::FROZEN_HIDDEN);
        template.set_stored_non_extensible(agent);
        self.constants.push(Value::Object(template.unbind()));
        self.constants.len() as u32 - 1
    }
}
