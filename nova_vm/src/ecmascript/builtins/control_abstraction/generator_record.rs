//! ### [27.5 Generator Objects](https://tc39.es/ecma262/#sec-generator-objects): internal slots
//!
//! A suspended generator keeps its frame: the registers are copied out of the
//! register file on each yield and back in on each resumption.

use crate::ecmascript::execution::Environment;
use crate::ecmascript::execution::heap_layout::arena_ids;
use crate::ecmascript::types::Value;
use crate::ecmascript::types::handle::define_handle;
use crate::engine::bytecode::{Code, Reg};
use crate::heap::{HandleVisitor, Trace};

define_handle!(
    /// Handle to a generator's internal slots.
    Generator,
    arena_ids::GENERATORS
);

/// `[[GeneratorState]]`
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GeneratorState {
    /// Created; the body has not started.
    SuspendedStart,
    /// Suspended at a `yield`.
    SuspendedYield,
    /// Running.
    Executing,
    /// Finished.
    Completed,
}

/// A generator's suspended frame.
#[derive(Debug)]
pub struct SuspendedFrame {
    /// Code being run.
    pub code: Code<'static>,
    /// Where to resume.
    pub pc: u32,
    /// Current environment.
    pub env: Option<Environment<'static>>,
    /// Environments pushed by the frame.
    pub env_depth: u16,
    /// The generator function.
    pub callee: Value<'static>,
    /// `this`.
    pub this: Value<'static>,
    /// `new.target` (undefined).
    pub new_target: Value<'static>,
    /// Function for home object lookups.
    pub this_function: Value<'static>,
    /// Full argument list if kept.
    pub arguments: Option<Box<[Value<'static>]>>,
    /// The registers.
    pub registers: Box<[Value<'static>]>,
    /// Register receiving the resumption value (`+ 1`: the kind), if suspended at a yield.
    pub resume_register: Option<Reg>,
}

impl Trace for SuspendedFrame {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.code.visit(visitor);
        if let Some(env) = &mut self.env {
            env.visit(visitor);
        }
        self.callee.trace(visitor);
        self.this.trace(visitor);
        self.new_target.trace(visitor);
        self.this_function.trace(visitor);
        if let Some(arguments) = &mut self.arguments {
            arguments.trace(visitor);
        }
        self.registers.trace(visitor);
    }
}

/// Internal slots of a generator object.
#[derive(Debug)]
pub struct GeneratorRecord {
    /// `[[GeneratorState]]`
    pub state: GeneratorState,
    /// The saved frame while suspended.
    pub frame: Option<Box<SuspendedFrame>>,
}

impl Trace for GeneratorRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        if let Some(frame) = &mut self.frame {
            frame.trace(visitor);
        }
    }
}
