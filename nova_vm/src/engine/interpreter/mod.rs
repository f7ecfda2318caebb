//! The interpreter: one loop that runs frames from an explicit frame stack, so
//! JavaScript calls never recurse on the Rust stack. Built-ins that call back
//! into JavaScript enter the loop again (bounded by a depth limit).

mod add_transitions;
mod async_functions;
mod async_generators;
mod calls;
mod environments;
mod frame;
mod frame_exit;
mod generators;
mod iteration;
mod modules;
mod objects;
mod operators;
mod properties;
mod run;
mod script;

pub(crate) use async_functions::resume_async_function;
pub(crate) use async_generators::{
    async_generator_await_return, async_generator_await_return_settled, async_generator_resume,
};
pub use calls::{call_ecmascript_function, construct_ecmascript_function};
pub use frame::{Frame, ReturnTo, VmState};
pub(crate) use generators::{ResumeKind, resume_generator};
pub(crate) use modules::run_module_code;
pub(crate) use operators::number_exponentiate;
pub(crate) use script::{evaluate_script, perform_eval, run_script};

/// Most frames the frame stack may hold before a RangeError.
pub const MAX_FRAMES: usize = 10_000;
