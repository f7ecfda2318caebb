//! ### [9 Executable Code and Execution Contexts](https://tc39.es/ecma262/#sec-executable-code-and-execution-contexts)

mod agent;
mod agent_signal;
mod collector;
mod environments;
mod errors;
pub mod heap_layout;
mod realm;
mod realm_setup;
mod throw;
mod weak_ref_processing;

pub(crate) use agent::print_line_to_stdout;
pub use agent::{
    Agent, AgentOptions, DefaultHostHooks, GcStatistics, HeapRoot, HeapStatistics, HostHooks,
    InterruptHandle, Job,
};
pub use agent_signal::{AgentSignal, WaitResult};
pub use environments::{EnvSlots, Environment, EnvironmentKind, EnvironmentRecord};
pub use errors::{ExceptionType, JsError, JsResult};
pub use realm::{Intrinsic, Realm, RealmId};
