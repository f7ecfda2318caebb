//! The compiler: oxc's AST to nova bytecode.
//!
//! Each function body (and each script or eval body) compiles to one
//! [`CodeRecord`](super::bytecode::CodeRecord). Bindings are resolved at compile
//! time (see [`analysis`]): to a register of the frame, to a slot of a heap
//! environment a known number of hops up the chain, or — for the global object,
//! `with` and sloppy direct `eval` — to a run-time lookup by name.

mod analysis;
mod awaits;
mod classes;
mod control;
mod declarations;
mod eval_rules;
mod expressions;
mod function;
mod identifiers;
mod loops;
mod module;
mod operators;
mod patterns;
mod source;
mod statements;

pub(crate) use declarations::{Declarations, GlobalDeclaration};
pub(crate) use eval_rules::EvalContext;
pub(crate) use module::compile_module;
pub(crate) use source::{CompileError, ScriptKind, compile_dynamic_function, compile_script};

use std::sync::Arc;

use ahash::AHashMap;
use oxc_semantic::{Scoping, SymbolId};

use super::bytecode::{
    Code, CodeFlags, CodeRecord, ExceptionHandler, FunctionKind, Instruction, Instructions,
    PropertyCache, Reg, ScopeInfo, SourceText,
};
use crate::ecmascript::execution::Agent;
use crate::ecmascript::types::{JsString, PropertyKey, Value};
use crate::engine::{Bindable, NoGcScope};
use crate::heap::Arena;
use analysis::BindingAnalysis;
use control::ControlScope;

/// Where a binding lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Location {
    /// A register of the declaring function's frame.
    Register(Reg),
    /// A slot of the heap environment at absolute compile-time depth `depth`.
    Env { depth: u32, slot: u32 },
    /// A global binding (global lexical or global object property), by name.
    Global,
    /// An indirect import binding of a module, by index in its import table.
    Import(u32),
}

/// State shared by every function compiled from one source text.
pub(crate) struct Unit<'s, 'gc> {
    pub agent: &'s mut Agent,
    pub gc: NoGcScope<'gc, 's>,
    pub scoping: &'s Scoping,
    pub analysis: BindingAnalysis,
    pub source: Arc<SourceText>,
    pub locations: AHashMap<SymbolId, Location>,
    /// Depth of the innermost heap environment at the current point.
    pub env_depth: u32,
    /// Depth of the module environment in module code (1), else 0.
    pub module_env_depth: u32,
    /// True while compiling code that must look up free names at run time
    /// (eval code, code under `with`, functions with sloppy direct eval).
    pub kind: ScriptKind,
    /// Nesting depth of the AST walk, to refuse pathological nesting cleanly.
    pub depth: u32,
    /// Scopes of `switch` statements (their bindings always need TDZ checks).
    pub switch_scopes: ahash::AHashSet<oxc_syntax::scope::ScopeId>,
    /// Inner class-name bindings (immutable).
    pub class_inner_names: ahash::AHashSet<SymbolId>,
    /// Named function expressions' own-name bindings (immutable).
    pub function_expression_names: ahash::AHashSet<SymbolId>,
    /// Private names in scope, innermost last: (`#name`, environment location).
    pub private_names: Vec<(String, Location)>,
    /// Parameters of functions with non-simple parameter lists: they start
    /// uninitialized, like `let` bindings, until their initializer has run.
    pub tdz_parameters: ahash::AHashSet<SymbolId>,
    /// Bindings initialized later than where they are declared, with the
    /// source offset where that happens: a non-simple parameter after its
    /// initializer, a for-in/of head binding after the right-hand side, a
    /// class's inner name after the class body. A same-function reference
    /// before that offset gets a TDZ check.
    pub initialized_at: ahash::AHashMap<SymbolId, u32>,
    /// Class declarations' names, with the source range of the class: the
    /// name is immutable inside it.
    pub class_declaration_bodies: ahash::AHashMap<SymbolId, (u32, u32)>,
    /// Bindings that must live in an environment although no closure
    /// captures them (parameters aliased by a mapped arguments object).
    pub forced_env: ahash::AHashSet<SymbolId>,
}

/// Deepest AST nesting the compiler accepts.
pub(crate) const MAX_NESTING: u32 = 2_000;

/// A jump target that may not be placed yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label(u32);

/// Compiles one function body (or script/eval body).
pub(crate) struct FunctionCompiler<'u, 's, 'gc> {
    pub unit: &'u mut Unit<'s, 'gc>,
    pub instructions: Vec<Instruction>,
    pub positions: Vec<u32>,
    pub constants: Vec<Value<'static>>,
    pub string_constants: AHashMap<String, u32>,
    pub caches: Vec<PropertyCache>,
    pub functions: Vec<Code<'static>>,
    pub scopes: Vec<ScopeInfo>,
    pub handlers: Vec<ExceptionHandler>,
    pub labels: Vec<Option<u32>>,
    pub label_uses: Vec<(usize, Label)>,
    /// Where the last label was placed (no instruction fusion across it).
    pub last_label_pc: u32,
    pub next_register: u32,
    pub max_register: u32,
    /// Number of environments this function has pushed at the current point.
    pub local_env_depth: u16,
    pub control: Vec<ControlScope>,
    pub kind: FunctionKind,
    pub strict: bool,
    pub position: u32,
    pub flags: CodeFlags,
    /// Location of the `arguments` binding, when the function needs one.
    pub arguments_location: Option<Location>,
    /// Location of `this` when arrows or eval capture it.
    pub this_location: Option<Location>,
    /// Location of `new.target` and the home object when arrows capture them.
    pub new_target_location: Option<Location>,
    /// True if free names must be looked up at run time in this function.
    pub dynamic_names: bool,
    /// Register that holds the completion value of a script or eval.
    pub completion_register: Option<Reg>,
    /// True in derived constructors and arrows inside them (`this` may be unbound).
    pub this_derived: bool,
    /// Number of `with` statements around the current point (in this function).
    pub with_depth: u32,
    /// An error from a closure-driven part of the compiler, reported after it.
    pub deferred_error: Option<CompileError>,
    /// The scope of the class whose body is being compiled.
    pub current_class_scope: Option<oxc_syntax::scope::ScopeId>,
    /// Name for the next nested field initializer's NamedEvaluation.
    pub field_name: Option<String>,
    /// This function's own field name (when it is a field initializer).
    pub unit_field_name: Option<String>,
    /// The next environment pushed is a function's variable environment.
    pub next_env_is_var_scope: bool,
    /// While the parameter list of a sloppy function with a direct eval is
    /// being evaluated: the scope (not pushed as an environment) naming the
    /// bindings of the parameter environment, which such an eval may not
    /// declare with `var`.
    pub parameter_scope: Option<u32>,
    /// See `CodeRecord::mapped_parameters`.
    pub mapped_parameters: Option<(u16, Box<[u32]>)>,
}

impl<'u, 's, 'gc> FunctionCompiler<'u, 's, 'gc> {
    pub(crate) fn new(unit: &'u mut Unit<'s, 'gc>, kind: FunctionKind, strict: bool) -> Self {
        Self {
            unit,
            instructions: Vec::new(),
            positions: Vec::new(),
            constants: Vec::new(),
            string_constants: AHashMap::default(),
            caches: Vec::new(),
            functions: Vec::new(),
            scopes: Vec::new(),
            handlers: Vec::new(),
            labels: Vec::new(),
            label_uses: Vec::new(),
            last_label_pc: 0,
            next_register: 0,
            max_register: 0,
            local_env_depth: 0,
            control: Vec::new(),
            kind,
            strict,
            position: 0,
            flags: CodeFlags {
                strict,
                ..Default::default()
            },
            arguments_location: None,
            this_location: None,
            new_target_location: None,
            dynamic_names: false,
            completion_register: None,
            this_derived: false,
            with_depth: 0,
            deferred_error: None,
            current_class_scope: None,
            field_name: None,
            unit_field_name: None,
            next_env_is_var_scope: false,
            parameter_scope: None,
            mapped_parameters: None,
        }
    }

    // ----- instructions and labels -----

    /// Appends an instruction at the current source position.
    #[inline]
    pub(crate) fn emit(&mut self, instruction: Instruction) {
        // Reading back the environment slot just written from the same
        // register: the register already holds the value (unless something
        // jumps here).
        if let Instruction::LoadEnv { dst, hops, slot } = instruction
            && self.last_label_pc != self.pc()
            && let Some(&Instruction::StoreEnv {
                src,
                hops: stored_hops,
                slot: stored_slot,
            }) = self.instructions.last()
            && (src, stored_hops, stored_slot) == (dst, hops, slot)
        {
            return;
        }
        self.instructions.push(instruction);
        self.positions.push(self.position);
    }

    /// Index of the next instruction.
    pub(crate) fn pc(&self) -> u32 {
        self.instructions.len() as u32
    }

    /// Index of the next instruction, which something other than a label
    /// (an exception handler table) will jump to: no peephole may merge it
    /// with the instruction before.
    pub(crate) fn target_pc(&mut self) -> u32 {
        self.last_label_pc = self.pc();
        self.pc()
    }

    /// A new unplaced label.
    pub(crate) fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    /// Places `label` at the next instruction.
    pub(crate) fn place(&mut self, label: Label) {
        self.labels[label.0 as usize] = Some(self.pc());
        self.last_label_pc = self.pc();
    }

    /// Jumps to `label` if `cond` is falsy. When `cond` is a temporary made
    /// for this test (allocated at or after `test_mark`) by the comparison
    /// just emitted, the comparison and the jump become one instruction.
    pub(crate) fn jump_if_false(&mut self, test_mark: u32, cond: Reg, label: Label) {
        self.emit_test_jump(test_mark, cond, label, fused_compare_jump, |target| {
            Instruction::JumpIfFalse { cond, target }
        });
    }

    /// Jumps to `label` if `cond` is truthy, fusing a comparison just
    /// emitted into a temporary as [`Self::jump_if_false`] does.
    pub(crate) fn jump_if_true(&mut self, test_mark: u32, cond: Reg, label: Label) {
        self.emit_test_jump(
            test_mark,
            cond,
            label,
            fused_compare_jump_if_true,
            |target| Instruction::JumpIfTrue { cond, target },
        );
    }

    /// Emits a conditional jump on `cond` to `label`: the fused form `fuse`
    /// makes of the comparison just emitted (which it replaces) when `cond`
    /// is that comparison's temporary and no label sits between them, or
    /// else `unfused`.
    fn emit_test_jump(
        &mut self,
        test_mark: u32,
        cond: Reg,
        label: Label,
        fuse: fn(Instruction, Reg) -> Option<Instruction>,
        unfused: impl FnOnce(u32) -> Instruction,
    ) {
        let fusible = u32::from(cond) >= test_mark && self.last_label_pc != self.pc();
        let fused = match self.instructions.last() {
            Some(&last) if fusible => fuse(last, cond),
            _ => None,
        };
        match fused {
            Some(jump) => {
                // The fused jump takes the comparison's place (and its source position).
                self.instructions.pop();
                let position = self.positions.pop().unwrap_or(self.position);
                self.label_uses.push((self.instructions.len(), label));
                self.instructions.push(jump);
                self.positions.push(position);
            }
            None => self.emit_jump(unfused, label),
        }
    }

    /// Emits a jump-like instruction whose target is `label` (patched at the end).
    pub(crate) fn emit_jump(&mut self, make: impl FnOnce(u32) -> Instruction, label: Label) {
        self.label_uses.push((self.instructions.len(), label));
        self.emit(make(u32::MAX));
    }

    pub(crate) fn jump(&mut self, label: Label) {
        self.emit_jump(|target| Instruction::Jump { target }, label);
    }

    // ----- registers -----

    /// Allocates a temporary register.
    pub(crate) fn alloc(&mut self) -> Reg {
        self.alloc_n(1)
    }

    /// Allocates `n` consecutive registers and returns the first.
    pub(crate) fn alloc_n(&mut self, n: u32) -> Reg {
        let first = self.next_register;
        self.next_register += n;
        self.max_register = self.max_register.max(self.next_register);
        first.min(u32::from(Reg::MAX)) as Reg
    }

    /// The register allocation point (to release everything allocated after it).
    pub(crate) fn mark(&self) -> u32 {
        self.next_register
    }

    /// Releases registers allocated after `mark`.
    pub(crate) fn release(&mut self, mark: u32) {
        self.next_register = mark;
    }

    // ----- constants and caches -----

    /// A constant-table index for a value.
    pub(crate) fn constant(&mut self, value: Value) -> u32 {
        if let Some(i) = self.constants.iter().position(|c| *c == value.unbind())
            && !matches!(value, Value::Object(_))
        {
            return i as u32;
        }
        self.constants.push(value.unbind());
        self.constants.len() as u32 - 1
    }

    /// A constant-table index for a string.
    pub(crate) fn string_constant(&mut self, text: &str) -> u32 {
        if let Some(&i) = self.string_constants.get(text) {
            return i;
        }
        let s = self.unit.agent.create_string(text, self.unit.gc).unbind();
        self.constants.push(s.into_value());
        let index = self.constants.len() as u32 - 1;
        self.string_constants.insert(text.to_owned(), index);
        index
    }

    /// A constant-table index for a string given as UTF-16 (lone surrogates).
    pub(crate) fn utf16_constant(&mut self, units: &[u16]) -> u32 {
        let s = self
            .unit
            .agent
            .create_string_from_utf16(units, self.unit.gc)
            .unbind();
        self.constants.push(s.into_value());
        self.constants.len() as u32 - 1
    }

    /// A property-key constant.
    pub(crate) fn key(&mut self, name: &str) -> PropertyKey<'static> {
        self.unit.agent.key_from_str(name, self.unit.gc).unbind()
    }

    /// A new inline-cache site for `name`.
    pub(crate) fn cache(&mut self, name: &str) -> u32 {
        let key = self.key(name);
        self.cache_for_key(key)
    }

    /// A new inline-cache site for a key.
    pub(crate) fn cache_for_key(&mut self, key: PropertyKey<'static>) -> u32 {
        self.caches.push(PropertyCache {
            key,
            shape: None,
            slot: 0,
            holder_shape: None,
            passed_shapes: Default::default(),
            epoch: 0,
            global_lexical: false,
            global_slot: Default::default(),
            getter: false,
        });
        self.caches.len() as u32 - 1
    }

    // ----- finishing -----

    /// Allocates the code record.
    pub(crate) fn finish(
        mut self,
        name: JsString,
        span: (u32, u32),
        parameter_count: u16,
        length: u32,
    ) -> Result<Code<'static>, CompileError> {
        if self.max_register > u32::from(Reg::MAX) {
            return Err(CompileError::syntax(
                "Function needs too many registers (not supported)",
            ));
        }
        for (index, label) in std::mem::take(&mut self.label_uses) {
            let target = self.labels[label.0 as usize].expect("label placed");
            patch_target(&mut self.instructions[index], target);
        }
        thread_jumps_to_returns(&mut self.instructions);
        if std::env::var_os("NOVA_DUMP_BYTECODE").is_some() {
            dump(
                &name_text(self.unit.agent, name),
                &self.instructions,
                &self.handlers,
            );
        }
        let record = CodeRecord {
            instructions: Arc::new(Instructions(
                std::mem::take(&mut self.instructions).into_boxed_slice(),
            )),
            constants: std::mem::take(&mut self.constants).into_boxed_slice(),
            caches: std::mem::take(&mut self.caches).into_boxed_slice(),
            functions: std::mem::take(&mut self.functions).into_boxed_slice(),
            scopes: std::mem::take(&mut self.scopes).into_boxed_slice(),
            handlers: std::mem::take(&mut self.handlers).into_boxed_slice(),
            register_count: self.max_register as u16,
            parameter_count,
            length,
            kind: self.kind,
            flags: self.flags,
            name: name.unbind(),
            source: self.unit.source.clone(),
            span,
            positions: std::mem::take(&mut self.positions).into_boxed_slice(),
            mapped_parameters: self.mapped_parameters.take(),
            declarations: None,
            spare_instructions: Vec::new(),
            closure_shapes: None,
            add_transitions: Vec::new(),
        };
        let agent = &mut *self.unit.agent;
        agent.heap.allocated_since_gc +=
            Arena::<CodeRecord>::RECORD_BYTES + record.instructions.len() * 12;
        Ok(Code::from_index(agent.heap.code.push(record)))
    }
}

/// The text of a function name (for the bytecode dump).
fn name_text(agent: &Agent, name: JsString) -> String {
    agent.string_lossy(name).into_owned()
}

/// Prints a code record's instructions to stderr (`NOVA_DUMP_BYTECODE=1`).
fn dump(name: &str, instructions: &[Instruction], handlers: &[ExceptionHandler]) {
    eprintln!("== {name}");
    for (pc, instruction) in instructions.iter().enumerate() {
        eprintln!("{pc:5}  {instruction:?}");
    }
    for handler in handlers {
        eprintln!("  handler {handler:?}");
    }
}

/// The fused form of `instruction` (a comparison into `cond`) followed by
/// `JumpIfFalse cond`, with its target still to be patched.
fn fused_compare_jump(instruction: Instruction, cond: Reg) -> Option<Instruction> {
    use Instruction as I;
    let target = u32::MAX;
    Some(match instruction {
        I::Lt { dst, lhs, rhs } if dst == cond => I::JumpIfNotLt { lhs, rhs, target },
        I::LtInt { dst, lhs, value } if dst == cond => I::JumpIfNotLtInt { lhs, value, target },
        I::Gt { dst, lhs, rhs } if dst == cond => I::JumpIfNotGt { lhs, rhs, target },
        I::GtInt { dst, lhs, value } if dst == cond => I::JumpIfNotGtInt { lhs, value, target },
        I::LtEq { dst, lhs, rhs } if dst == cond => I::JumpIfNotLtEq { lhs, rhs, target },
        I::LtEqInt { dst, lhs, value } if dst == cond => I::JumpIfNotLtEqInt { lhs, value, target },
        I::GtEq { dst, lhs, rhs } if dst == cond => I::JumpIfNotGtEq { lhs, rhs, target },
        I::GtEqInt { dst, lhs, value } if dst == cond => I::JumpIfNotGtEqInt { lhs, value, target },
        I::StrictEq { dst, lhs, rhs } if dst == cond => I::JumpIfNotStrictEq { lhs, rhs, target },
        I::StrictNotEq { dst, lhs, rhs } if dst == cond => I::JumpIfStrictEq { lhs, rhs, target },
        _ => return None,
    })
}

/// A `Jump` whose target is a `Return` (after following other `Jump`s)
/// becomes that `Return`: a `Return` cannot throw, so it may run at any pc.
fn thread_jumps_to_returns(instructions: &mut [Instruction]) {
    for index in 0..instructions.len() {
        let Instruction::Jump { mut target } = instructions[index] else {
            continue;
        };
        // A bounded walk: a cycle of jumps (an empty infinite loop) stays.
        for _ in 0..4 {
            match instructions.get(target as usize) {
                Some(&Instruction::Jump { target: next }) => target = next,
                Some(&Instruction::Return { src }) => {
                    instructions[index] = Instruction::Return { src };
                    break;
                }
                _ => break,
            }
        }
    }
}

/// The fused form of `instruction` (a comparison into `cond`) followed by
/// `JumpIfTrue cond`, with its target still to be patched.
fn fused_compare_jump_if_true(instruction: Instruction, cond: Reg) -> Option<Instruction> {
    use Instruction as I;
    let target = u32::MAX;
    Some(match instruction {
        I::Lt { dst, lhs, rhs } if dst == cond => I::JumpIfLt { lhs, rhs, target },
        I::LtInt { dst, lhs, value } if dst == cond => I::JumpIfLtInt { lhs, value, target },
        I::Gt { dst, lhs, rhs } if dst == cond => I::JumpIfGt { lhs, rhs, target },
        I::GtInt { dst, lhs, value } if dst == cond => I::JumpIfGtInt { lhs, value, target },
        I::LtEq { dst, lhs, rhs } if dst == cond => I::JumpIfLtEq { lhs, rhs, target },
        I::LtEqInt { dst, lhs, value } if dst == cond => I::JumpIfLtEqInt { lhs, value, target },
        I::GtEq { dst, lhs, rhs } if dst == cond => I::JumpIfGtEq { lhs, rhs, target },
        I::GtEqInt { dst, lhs, value } if dst == cond => I::JumpIfGtEqInt { lhs, value, target },
        I::StrictEq { dst, lhs, rhs } if dst == cond => I::JumpIfStrictEq { lhs, rhs, target },
        I::StrictNotEq { dst, lhs, rhs } if dst == cond => {
            I::JumpIfNotStrictEq { lhs, rhs, target }
        }
        _ => return None,
    })
}

/// Sets the jump target of a jump instruction.
fn patch_target(instruction: &mut Instruction, new_target: u32) {
    match instruction {
        Instruction::Jump { target }
        | Instruction::JumpIfTrue { target, .. }
        | Instruction::JumpIfFalse { target, .. }
        | Instruction::JumpIfNullish { target, .. }
        | Instruction::JumpIfNotNullish { target, .. }
        | Instruction::JumpIfUndefined { target, .. }
        | Instruction::JumpIfNotUndefined { target, .. }
        | Instruction::JumpIfNotLt { target, .. }
        | Instruction::JumpIfNotLtInt { target, .. }
        | Instruction::JumpIfNotGt { target, .. }
        | Instruction::JumpIfNotGtInt { target, .. }
        | Instruction::JumpIfNotLtEq { target, .. }
        | Instruction::JumpIfNotLtEqInt { target, .. }
        | Instruction::JumpIfNotGtEq { target, .. }
        | Instruction::JumpIfNotGtEqInt { target, .. }
        | Instruction::JumpIfLt { target, .. }
        | Instruction::JumpIfLtInt { target, .. }
        | Instruction::JumpIfGt { target, .. }
        | Instruction::JumpIfGtInt { target, .. }
        | Instruction::JumpIfLtEq { target, .. }
        | Instruction::JumpIfLtEqInt { target, .. }
        | Instruction::JumpIfGtEq { target, .. }
        | Instruction::JumpIfGtEqInt { target, .. }
        | Instruction::JumpIfNotStrictEq { target, .. }
        | Instruction::JumpIfStrictEq { target, .. } => *target = new_target,
        Instruction::IteratorStep { done, .. }
        | Instruction::ForInNext { done, .. }
        | Instruction::IteratorResultValue { done, .. } => *done = new_target,
        Instruction::AsyncIteratorReturn { skip, .. } => *skip = new_target,
        other => unreachable!("not a jump: {other:?}"),
    }
}
