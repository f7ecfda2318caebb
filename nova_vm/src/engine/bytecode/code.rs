//! The compiled-code record: one per function body, script or eval.

use std::sync::Arc;

use super::instructions::Instruction;
use crate::ecmascript::execution::EnvSlots;
use crate::ecmascript::execution::heap_layout::{FlatSlot, arena_ids};
use crate::ecmascript::types::handle::define_handle;
use crate::ecmascript::types::object::Shape;
use crate::ecmascript::types::{JsString, PropertyKey, UNINITIALIZED, Value};
use crate::heap::{HandleVisitor, Trace};

define_handle!(
    /// Handle to a compiled-code record.
    Code,
    arena_ids::CODE
);

/// What kind of function the code is the body of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FunctionKind {
    /// Top-level script code.
    Script,
    /// `eval` code.
    Eval,
    /// An ordinary `function`.
    Normal,
    /// An arrow function.
    Arrow,
    /// A method (object literal or class), getter or setter: no `[[Construct]]`.
    Method,
    /// A class constructor for a base class.
    ClassConstructor,
    /// A class constructor of a class with `extends`.
    DerivedConstructor,
    /// A class field initialiser (runs with the instance as `this`).
    FieldInitializer,
    /// `function*`
    Generator,
    /// `async function` (and async arrows and methods).
    Async,
    /// `async function*`
    AsyncGenerator,
    /// An async arrow function (lexical `this`, like [`FunctionKind::Arrow`]).
    AsyncArrow,
}

/// Flags of a code record.
#[derive(Clone, Copy, Debug, Default)]
pub struct CodeFlags {
    /// Strict mode code.
    pub strict: bool,
    /// Uses `arguments` (the call keeps the full argument list).
    pub uses_arguments: bool,
    /// Has a rest parameter (the call keeps the full argument list).
    pub has_rest: bool,
    /// The parameter list is simple (no defaults, patterns or rest).
    pub simple_parameters: bool,
}

/// A try region: throws inside `start..end` jump to `handler` with the
/// exception in `register`, after unwinding environments to `env_depth`.
#[derive(Clone, Copy, Debug)]
pub struct ExceptionHandler {
    /// First covered instruction.
    pub start: u32,
    /// One past the last covered instruction.
    pub end: u32,
    /// Where the handler starts.
    pub handler: u32,
    /// Register that receives the exception.
    pub register: u16,
    /// Number of pushed environments active at the `try`.
    pub env_depth: u16,
}

/// How many prototypes a named-get cache may pass between the receiver and
/// the prototype holding the property (class hierarchies a few levels deep).
pub const MAX_PASSED_PROTOTYPES: usize = 2;

/// An inline cache for one property-access site, which also names the key.
#[derive(Clone, Copy, Debug)]
pub struct PropertyCache {
    /// The property key of the site.
    pub key: PropertyKey<'static>,
    /// The receiver shape last seen (cleared by each collection).
    pub shape: Option<Shape<'static>>,
    /// Slot of the property in objects of that shape, or in their prototype
    /// when `holder_shape` is set.
    pub slot: u32,
    /// For a property found on the receiver's prototype chain (methods): the
    /// shape of the object holding it when the cache was filled (cleared by
    /// each collection).
    pub holder_shape: Option<Shape<'static>>,
    /// For a property found further up than the receiver's prototype: the
    /// shapes of the prototypes passed on the way to the holder, nearest
    /// first, the rest `None` (cleared by each collection). Same shapes mean
    /// the same prototypes and no own property that would shadow the holder's.
    pub passed_shapes: [Option<Shape<'static>>; MAX_PASSED_PROTOTYPES],
    /// For global-name sites: the agent's global-bindings epoch when the
    /// cache was filled (see `Agent::global_epoch`); 0 when empty.
    pub epoch: u32,
    /// For global-name sites: `slot` is in the realm's global lexicals (a
    /// `let`/`const`/`class` binding), not in the global object.
    pub global_lexical: bool,
    /// For global-name sites: where the binding's value was when the cache
    /// was filled. A holder that moves to new storage starts a new epoch, and
    /// each collection (which may move storage) empties the global caches.
    pub global_slot: FlatSlot,
    /// The cached property is an accessor: `slot` holds its getter, which a
    /// get calls (a set never uses such an entry).
    pub getter: bool,
}

/// A declarative scope whose bindings live in a heap environment.
#[derive(Clone, Debug)]
pub struct ScopeInfo {
    /// Names of the slots (for lookups by name from `eval`/`with` code).
    pub names: Box<[PropertyKey<'static>]>,
    /// For each slot, whether it starts uninitialized (let/const/class).
    pub lexical: Box<[bool]>,
    /// For each slot, whether it is immutable (const).
    pub immutable: Box<[bool]>,
    /// True for a function's top-level scope (the variable environment that
    /// sloppy direct eval adds `var` bindings to).
    pub is_var_scope: bool,
    /// True for a block-like scope (block, loop head, switch, class) whose
    /// names a sloppy direct eval below it may not declare with `var`
    /// (EvalDeclarationInstantiation step 3.d). False for function and catch
    /// scopes and the internal `this`/`arguments` scopes.
    pub blocks_eval_vars: bool,
    /// For each slot, whether it is a catch parameter: Annex B.3.4 lets a
    /// sloppy direct eval in the catch block `var`-declare its name.
    pub catch_parameter: Box<[bool]>,
    /// For a sloppy function's variable scope: for each slot, whether it is
    /// a top-level lexical declaration of the body. The spec keeps those in
    /// their own environment inside the variable environment
    /// (FunctionDeclarationInstantiation step 30), so eval may not `var` them.
    pub body_lexical: Box<[bool]>,
}

impl ScopeInfo {
    /// The slots of a new environment for this scope: uninitialized for
    /// lexical bindings (their temporal dead zone), undefined for the rest.
    pub fn initial_slots(&self) -> EnvSlots {
        self.lexical
            .iter()
            .map(|&lexical| {
                if lexical {
                    Value::Symbol(UNINITIALIZED)
                } else {
                    Value::Undefined
                }
            })
            .collect()
    }
}

/// The instructions of a code record. Frames share them through a thin
/// `Arc<Instructions>` (one word: moving it in and out of a frame is a single
/// store and load, where a fat `Arc<[Instruction]>` defeats store forwarding).
#[derive(Debug)]
pub struct Instructions(pub Box<[Instruction]>);

impl std::ops::Deref for Instructions {
    type Target = [Instruction];

    #[inline(always)]
    fn deref(&self) -> &[Instruction] {
        &self.0
    }
}

/// A compiled function body, script or eval.
#[derive(Debug)]
pub struct CodeRecord {
    /// The instructions, shared with the frames running them.
    pub instructions: Arc<Instructions>,
    /// Constants (numbers, strings, BigInts) named by `LoadConst`.
    pub constants: Box<[Value<'static>]>,
    /// Property caches named by property instructions.
    pub caches: Box<[PropertyCache]>,
    /// Nested functions named by `CreateClosure`.
    pub functions: Box<[Code<'static>]>,
    /// Scopes named by `PushEnv`.
    pub scopes: Box<[ScopeInfo]>,
    /// Try regions, innermost first.
    pub handlers: Box<[ExceptionHandler]>,
    /// Registers the frame needs.
    pub register_count: u16,
    /// Number of formal parameters that are bound positionally.
    pub parameter_count: u16,
    /// The function's `length`.
    pub length: u32,
    /// Kind of function.
    pub kind: FunctionKind,
    /// Flags.
    pub flags: CodeFlags,
    /// The function's name (for `name` and stack traces).
    pub name: JsString<'static>,
    /// Source text of the whole script and the span of this function in it.
    pub source: Arc<SourceText>,
    /// Byte range of the function's source text (`Function.prototype.toString`).
    pub span: (u32, u32),
    /// Source offset of each instruction (for error positions).
    pub positions: Box<[u32]>,
    /// For functions with a mapped arguments object: how many environments up
    /// from `CreateArguments` the parameters live, and each parameter's slot
    /// (`u32::MAX` for parameters shadowed by a later one of the same name).
    pub mapped_parameters: Option<(u16, Box<[u32]>)>,
    /// For script and eval code: the names its declaration instantiation binds.
    pub(crate) declarations: Option<Box<crate::engine::compiler::Declarations>>,
    /// Clones of `instructions` given back by frames that returned, handed to
    /// the next frames that run this code: a call then moves an `Arc` instead
    /// of cloning it (an atomic increment, and an atomic decrement on return).
    pub(crate) spare_instructions: Vec<Arc<Instructions>>,
    /// The shapes the last closure made from this code ended with (its own,
    /// and its fresh `prototype` object's), so the next one is built without
    /// walking transitions. Cleared by each collection, like inline caches.
    pub(crate) closure_shapes: Option<ClosureShapes>,
    /// The property add each assignment site made last, by cache index
    /// (empty until a site first adds; cleared by each collection). See
    /// `interpreter::add_transitions`.
    pub(crate) add_transitions: Vec<Option<AddTransition>>,
}

/// How many prototypes an assignment site's add cache checks (the whole
/// chain above the receiver).
pub const MAX_ADD_PROTOTYPES: usize = 3;

/// A property add an assignment site made: an object of shape `from` got the
/// property and shape `to`, its value in slot `slot`. `prototype_shapes` are
/// the shapes of every prototype above the receiver then, nearest first (the
/// rest `None`): while they are the same, no setter or read-only property
/// can have appeared on the chain, so the same add is again the whole of
/// [[Set]].
#[derive(Clone, Copy, Debug)]
pub struct AddTransition {
    /// The receiver's shape before the add.
    pub from: Shape<'static>,
    /// Its shape after.
    pub to: Shape<'static>,
    /// The slot the value goes to.
    pub slot: u32,
    /// The shapes of the prototype chain above the receiver.
    pub prototype_shapes: [Option<Shape<'static>>; MAX_ADD_PROTOTYPES],
}

/// See [`CodeRecord::closure_shapes`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct ClosureShapes {
    /// Shape of the function object: `length`, `name`, then (for sloppy
    /// normal functions) `caller` and `arguments`, then `prototype` if any.
    pub function: Shape<'static>,
    /// Shape of its `prototype` object (`constructor`), for normal functions.
    pub prototype: Option<Shape<'static>>,
}

/// How many spare instruction handles a code record keeps (deeper recursion
/// clones and drops the rest).
const MAX_SPARE_INSTRUCTIONS: usize = 256;

/// Source text of a script, shared by every code record compiled from it.
#[derive(Debug)]
pub struct SourceText {
    /// File name or a description (`eval`, `Function`).
    pub name: String,
    /// The text.
    pub text: String,
}

impl SourceText {
    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, offset: u32) -> (u32, u32) {
        let offset = (offset as usize).min(self.text.len());
        let before = &self.text[..self.text.floor_char_boundary(offset)];
        let line = before.matches('\n').count() as u32 + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() as u32 + 1;
        (line, column)
    }
}

impl Trace for CodeRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.constants.trace(visitor);
        for cache in self.caches.iter_mut() {
            cache.key.trace(visitor);
        }
        self.functions.trace(visitor);
        for scope in self.scopes.iter_mut() {
            scope.names.trace(visitor);
        }
        self.name.trace(visitor);
        if let Some(declarations) = &mut self.declarations {
            declarations.trace(visitor);
        }
    }
}

impl CodeRecord {
    /// Forgets the shapes remembered by inline caches.
    pub fn clear_caches(&mut self) {
        for cache in self.caches.iter_mut() {
            cache.shape = None;
            cache.holder_shape = None;
            cache.passed_shapes = [None; MAX_PASSED_PROTOTYPES];
            cache.epoch = 0;
        }
        self.closure_shapes = None;
        self.add_transitions = Vec::new();
    }

    /// A handle on the instructions for a new frame: a spare one if a returned
    /// frame left one, else a clone.
    #[inline]
    pub(crate) fn take_instructions(&mut self) -> Arc<Instructions> {
        match self.spare_instructions.pop() {
            Some(instructions) => instructions,
            None => self.instructions.clone(),
        }
    }

    /// Takes back the instruction handle of a frame that finished running this code.
    #[inline]
    pub(crate) fn give_back_instructions(&mut self, instructions: Arc<Instructions>) {
        if self.spare_instructions.len() < MAX_SPARE_INSTRUCTIONS {
            self.spare_instructions.push(instructions);
        }
    }
}
