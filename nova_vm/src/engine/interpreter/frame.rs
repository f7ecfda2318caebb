//! Frames and the register file.

use std::sync::Arc;

use crate::ecmascript::execution::heap_layout::Heap;
use crate::ecmascript::execution::{Environment, RealmId};
use crate::ecmascript::types::{Object, Value};
use crate::engine::bytecode::{Code, Instructions};
use crate::heap::{HandleVisitor, Trace};

/// Where a returning frame's result goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReturnTo {
    /// Into this absolute register of the caller's window.
    Register(u32),
    /// Back to the Rust code that started this run of the loop.
    Native,
}

/// One activation of a code record.
#[derive(Debug)]
pub struct Frame {
    /// The running code.
    pub code: Code<'static>,
    /// Its instructions (shared with the code record). While the frame is the
    /// one running, the dispatch loop holds them (moving an `Arc` is free;
    /// cloning it is an atomic operation), and this is `None`.
    pub instructions: Option<Arc<Instructions>>,
    /// Next instruction.
    pub pc: u32,
    /// First register of the frame in the register file.
    pub base: u32,
    /// One past the frame's last register (`base` + the code's register count).
    pub register_end: u32,
    /// A [[Construct]] of a base constructor: a non-object return value is
    /// replaced by `this`.
    pub returns_this: bool,
    /// Current lexical environment.
    pub env: Option<Environment<'static>>,
    /// Number of environments pushed by this frame (for unwinding).
    pub env_depth: u16,
    /// The function being run (undefined for scripts and eval).
    pub callee: Value<'static>,
    /// The `this` value.
    pub this: Value<'static>,
    /// `new.target` (undefined for calls).
    pub new_target: Value<'static>,
    /// The function whose home object, `new.target` and `super()` apply
    /// (the callee, or for arrows and eval the enclosing function).
    pub this_function: Value<'static>,
    /// The full argument list, kept when the code needs `arguments` or a rest
    /// parameter.
    pub arguments: Option<Box<[Value<'static>]>>,
    /// Where the result goes.
    pub return_to: ReturnTo,
    /// The generator object this frame runs for.
    pub generator: Option<Object<'static>>,
    /// The realm the caller was running in (restored on return).
    pub caller_realm: RealmId,
}

impl Frame {
    /// A frame with every field empty, overwritten field by field by the code
    /// that pushes it.
    pub(crate) const EMPTY: Frame = Frame {
        code: Code::from_index(0),
        instructions: None,
        pc: 0,
        base: 0,
        register_end: 0,
        returns_this: false,
        env: None,
        env_depth: 0,
        callee: Value::Undefined,
        this: Value::Undefined,
        new_target: Value::Undefined,
        this_function: Value::Undefined,
        arguments: None,
        return_to: ReturnTo::Native,
        generator: None,
        caller_realm: RealmId(0),
    };
}

impl Trace for Frame {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.code.visit(visitor);
        if let Some(env) = &mut self.env {
            env.visit(visitor);
        }
        self.callee.trace(visitor);
        self.this.trace(visitor);
        self.new_target.trace(visitor);
        self.this_function.trace(visitor);
        if let Some(args) = &mut self.arguments {
            args.trace(visitor);
        }
        self.generator.trace(visitor);
    }
}

/// Opens a callee's register window `keep_end - argc .. window_end`: the
/// values below `keep_end` (its arguments) stay, every register from there
/// to `window_end` becomes undefined.
///
/// When the window lies inside the register file (a callee with fewer
/// registers than its caller has above the call's arguments), the file
/// keeps its length: the registers past the window are the caller's, dead
/// across the call, and shortening the file would only make the return
/// grow it again. Otherwise the file ends at `window_end`. Windows are a few
/// registers long: appending undefined four at a time (each a fixed-size
/// copy) and trimming the excess beats the general resize, which calls
/// `memset`.
#[inline]
pub(crate) fn open_window(stack: &mut Vec<Value<'static>>, keep_end: usize, window_end: usize) {
    if stack.len() >= window_end {
        for register in &mut stack[keep_end..window_end] {
            *register = Value::Undefined;
        }
        return;
    }
    stack.truncate(keep_end);
    while stack.len() < window_end {
        stack.extend_from_slice(&[Value::Undefined; 4]);
    }
    stack.truncate(window_end);
}

/// The interpreter's state inside the agent: the register file and the frame
/// stack. Both are roots.
#[derive(Debug)]
pub struct VmState {
    /// Registers of every active frame, windows stacked.
    pub stack: Vec<Value<'static>>,
    /// Active frames, innermost last.
    pub frames: Vec<Frame>,
    /// Next-instruction index of the innermost frame. That frame's own `pc`
    /// field is stale while it is innermost (the dispatch loop updates only
    /// this one, at a fixed place); [`VmState::save_innermost_pc`] writes it
    /// back before another frame is pushed and [`VmState::pop_frame`] restores
    /// it from the frame that becomes innermost.
    pub pc: u32,
    /// The code of the innermost frame, kept beside `pc` so that the
    /// dispatch loop's cache sites find it with one load. Like `pc`, every
    /// push and pop of a frame updates it; it means nothing while there is
    /// no frame.
    pub code: Code<'static>,
    /// Nesting depth of Rust-level entries into the interpreter loop.
    pub native_depth: u32,
    /// The built-in functions being run, innermost last: the active function
    /// object of a built-in is the last entry while its behaviour runs.
    pub builtin_callees: Vec<Object<'static>>,
}

impl Default for VmState {
    fn default() -> Self {
        Self {
            stack: Vec::new(),
            frames: Vec::new(),
            pc: 0,
            code: Code::from_index(0),
            native_depth: 0,
            builtin_callees: Vec::new(),
        }
    }
}

impl VmState {
    /// The code of the innermost frame.
    #[inline(always)]
    pub(crate) fn running_code(&self) -> Code<'static> {
        debug_assert_eq!(
            Some(self.code),
            self.frames.last().map(|frame| frame.code),
            "VmState::code follows the innermost frame"
        );
        self.code
    }

    /// Writes the running pc back into the innermost frame, before a new
    /// frame is pushed on top of it.
    #[inline]
    pub(crate) fn save_innermost_pc(&mut self) {
        if let Some(frame) = self.frames.last_mut() {
            frame.pc = self.pc;
        }
    }

    /// Pushes `frame` as the innermost frame, starting at its `pc`.
    #[inline]
    pub(crate) fn push_frame(&mut self, frame: Frame) {
        self.save_innermost_pc();
        self.pc = frame.pc;
        self.code = frame.code;
        self.frames.push(frame);
    }

    /// Pops the innermost frame (its `pc` brought up to date) and makes the
    /// pc of the frame below current.
    #[inline]
    pub(crate) fn pop_frame(&mut self) -> Option<Frame> {
        let mut frame = self.frames.pop()?;
        frame.pc = self.pc;
        if let Some(below) = self.frames.last() {
            self.pc = below.pc;
            self.code = below.code;
        }
        Some(frame)
    }

    /// Drops the innermost frame where it lies and makes the pc of the frame
    /// below current.
    #[inline]
    pub(crate) fn drop_innermost_frame(&mut self) {
        self.frames.truncate(self.frames.len().saturating_sub(1));
        if let Some(below) = self.frames.last() {
            self.pc = below.pc;
            self.code = below.code;
        }
    }

    /// The next-instruction index of the frame at `index` (from the bottom).
    pub(crate) fn frame_pc(&self, index: usize) -> u32 {
        if index + 1 == self.frames.len() {
            self.pc
        } else {
            self.frames[index].pc
        }
    }

    /// Forgets every inline cache (shapes may have moved or died).
    pub fn clear_inline_caches(&mut self, heap: &mut Heap) {
        for code in heap.code.iter_mut() {
            code.clear_caches();
        }
    }
}

impl Trace for VmState {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.stack.trace(visitor);
        for frame in &mut self.frames {
            frame.trace(visitor);
        }
        if !self.frames.is_empty() {
            self.code.visit(visitor);
        }
        self.builtin_callees.trace(visitor);
    }
}
