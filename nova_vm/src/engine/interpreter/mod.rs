//! The interpreter: one loop that runs frames from an explicit frame stack, so
//! JavaScript calls never recurse on the Rust stack.

mod frame;

pub use frame::{Frame, ReturnTo, VmState};
mod tmp_entry;
pub use tmp_entry::*;
