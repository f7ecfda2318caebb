//! Bytecode: the instruction set and the compiled-code record.

mod code;
mod instructions;

pub(crate) use code::ClosureShapes;
pub use code::{
    AddTransition, Code, CodeFlags, CodeRecord, ExceptionHandler, FunctionKind, Instructions,
    MAX_ADD_PROTOTYPES, MAX_PASSED_PROTOTYPES, PropertyCache, ScopeInfo, SourceText,
};
pub use instructions::{Instruction, Reg};
