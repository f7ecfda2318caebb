//! test262's `$262.agent` ([INTERPRETING.md](https://github.com/tc39/test262/blob/main/INTERPRETING.md#host-defined-functions)):
//! the main agent starts child agents, each on its own OS thread with its
//! own runtime, and talks to them through broadcasts of shared memory and a
//! queue of string reports.
//!
//! `cluster` holds the cross-thread plumbing, `main_agent` the main agent's
//! `$262.agent` and `child_agent` the child's thread and its `$262.agent`.
//! JavaScript values never cross threads: a broadcast hands over the
//! SharedArrayBuffer's block, and the child makes its own buffer object over
//! it.

mod child_agent;
mod cluster;
mod main_agent;

use std::sync::Arc;

use cluster::{Children, ClusterShared, Mailbox};

use super::{ArgumentsList, BuiltinName};
use crate::ecmascript::abstract_operations::to_number;
use crate::ecmascript::builtins::function_objects::RegularFn;
use crate::ecmascript::builtins::typed_arrays::waiter_list::INTERRUPT_POLL;
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{GcScope, Global, NoGcScope};

/// An agent's place in test262's agent cluster.
pub(crate) enum AgentRole {
    /// The main agent (the one running the test) and the children it started.
    Main {
        cluster: Arc<ClusterShared>,
        children: Children,
    },
    /// A child agent.
    Child {
        cluster: Arc<ClusterShared>,
        mailbox: Arc<Mailbox>,
        /// The function given to `receiveBroadcast` (rooted).
        callback: Option<Global<Value<'static>>>,
        /// Whether the child called `leaving()`.
        leaving: bool,
    },
}

impl std::fmt::Debug for AgentRole {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AgentRole::Main { children, .. } => f.debug_tuple("Main").field(children).finish(),
            AgentRole::Child { leaving, .. } => f.debug_tuple("Child").field(leaving).finish(),
        }
    }
}

impl AgentRole {
    fn cluster(&self) -> &Arc<ClusterShared> {
        match self {
            AgentRole::Main { cluster, .. } | AgentRole::Child { cluster, .. } => cluster,
        }
    }
}

/// Whether another agent could still notify one of this agent's waiters (so
/// that waiting for an `Atomics.waitAsync` without a timeout can end).
pub(crate) fn peers_may_notify(agent: &Agent) -> bool {
    match agent.test262_agents.as_deref() {
        None => false,
        Some(AgentRole::Main { children, .. }) => children.any_running(),
        Some(AgentRole::Child { mailbox, .. }) => !mailbox.shutdown_requested(),
    }
}

/// Creates the `$262.agent` object for this agent's role, making this agent
/// the main agent of a new cluster if it has no role yet.
pub(crate) fn create_agent_object<'a>(agent: &mut Agent, gc: NoGcScope<'a, '_>) -> Object<'a> {
    if agent.test262_agents.is_none() {
        let cluster = Arc::new(ClusterShared::new(agent.options().gc_stress));
        agent.test262_agents = Some(Box::new(AgentRole::Main {
            cluster,
            children: Children::default(),
        }));
    }
    let methods: &[(&str, u32, RegularFn)] = match agent.test262_agents.as_deref() {
        Some(AgentRole::Child { .. }) => &[
            ("receiveBroadcast", 1, child_agent::receive_broadcast),
            ("report", 1, child_agent::report),
            ("leaving", 0, child_agent::leaving),
            ("sleep", 1, sleep),
            ("monotonicNow", 0, monotonic_now),
        ],
        _ => &[
            ("start", 1, main_agent::start),
            ("broadcast", 2, main_agent::broadcast),
            ("getReport", 0, main_agent::get_report),
            ("sleep", 1, sleep),
            ("monotonicNow", 0, monotonic_now),
        ],
    };
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let object = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    for &(name, length, behaviour) in methods {
        agent.define_builtin_method(object, BuiltinName::Str(name), length, behaviour, gc);
    }
    object
}

/// Defines `$262.agent` on `host`.
pub(crate) fn install(agent: &mut Agent, host: Object, gc: NoGcScope) {
    let object = create_agent_object(agent, gc);
    agent.define_builtin_property(
        host,
        BuiltinName::Str("agent"),
        object.into(),
        Attributes::BUILTIN,
        gc,
    );
}

/// `$262.agent.sleep(ms)`: sleeps the agent's thread for about `ms`
/// milliseconds (ending early, with an "Execution interrupted" error, if the
/// host interrupts the agent).
fn sleep<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let ms = to_number(agent, args.get(0), gc.reborrow())?;
    let gc = gc.into_nogc();
    let end = std::time::Duration::try_from_secs_f64(ms.max(0.0) / 1000.0)
        .ok()
        .and_then(|d| std::time::Instant::now().checked_add(d));
    loop {
        let now = std::time::Instant::now();
        if end.is_some_and(|end| now >= end) {
            return Ok(Value::Undefined);
        }
        if agent.interrupt_requested() {
            return Err(agent.throw_range_error("Execution interrupted", gc));
        }
        let slice = end.map_or(INTERRUPT_POLL, |end| (end - now).min(INTERRUPT_POLL));
        std::thread::sleep(slice);
    }
}

/// `$262.agent.monotonicNow()`: milliseconds since the cluster began.
fn monotonic_now<'gc>(
    agent: &mut Agent,
    _this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let now = agent
        .test262_agents
        .as_deref()
        .map_or(0.0, |role| role.cluster().monotonic_now());
    Ok(agent.number(now, gc.into_nogc()))
}
