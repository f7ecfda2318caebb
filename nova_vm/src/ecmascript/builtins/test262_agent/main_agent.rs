//! The main agent's `$262.agent`: `start`, `broadcast` and `getReport`
//! (`sleep` and `monotonicNow` are shared with the children).

use std::sync::Arc;

use super::cluster::{ChildHandle, Mailbox};
use super::{AgentRole, child_agent};
use crate::ecmascript::abstract_operations::{to_number, to_string};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::Value;
use crate::ecmascript::types::object::ObjectKind;
use crate::engine::{Bindable, GcScope};

/// `$262.agent.start(source)`: runs `source` in a new agent on its own
/// thread; returns once that agent is running.
pub(super) fn start<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let source = to_string(agent, args.get(0), gc.reborrow())?.unbind();
    let source = agent.string_lossy(source).into_owned();
    let gc = gc.into_nogc();
    let Some(AgentRole::Main { cluster, .. }) = agent.test262_agents.as_deref() else {
        return Err(agent.throw_type_error("$262.agent.start: not the main agent", gc));
    };
    let mailbox = Arc::new(Mailbox::default());
    let Ok(thread) = child_agent::spawn(source, cluster.clone(), mailbox.clone()) else {
        return Err(agent.throw_range_error("$262.agent.start: cannot start a thread", gc));
    };
    let (child, running) = ChildHandle::new(mailbox, thread, &agent.interrupt);
    if let Some(AgentRole::Main { children, .. }) = agent.test262_agents.as_deref_mut() {
        children.push(child);
    }
    if !running {
        return Err(agent.throw_range_error("Execution interrupted", gc));
    }
    Ok(Value::Undefined)
}

/// `$262.agent.broadcast(sab[, num])`: hands the SharedArrayBuffer's block
/// (and `num`) to every running child and returns once each has taken it.
pub(super) fn broadcast<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let block = match args.get(0) {
        Value::Object(o) if matches!(o.kind(agent), ObjectKind::ArrayBuffer(_)) => {
            agent.buffer_record(o).data.as_shared().cloned()
        }
        _ => None,
    };
    let Some(block) = block else {
        return Err(agent.throw_type_error(
            "$262.agent.broadcast needs a SharedArrayBuffer",
            gc.into_nogc(),
        ));
    };
    let num = match args.get(1) {
        Value::Undefined => None,
        n => Some(to_number(agent, n, gc.reborrow())?),
    };
    let gc = gc.into_nogc();
    let delivered = match agent.test262_agents.as_deref() {
        Some(AgentRole::Main { children, .. }) => {
            children.broadcast(&(block, num), &agent.interrupt)
        }
        _ => return Err(agent.throw_type_error("$262.agent.broadcast: not the main agent", gc)),
    };
    if !delivered {
        return Err(agent.throw_range_error("Execution interrupted", gc));
    }
    Ok(Value::Undefined)
}

/// `$262.agent.getReport()`: the oldest report of any child, or null.
pub(super) fn get_report<'gc>(
    agent: &mut Agent,
    _this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    let report = agent
        .test262_agents
        .as_deref()
        .and_then(|role| role.cluster().take_report());
    Ok(match report {
        Some(text) => agent.create_string(&text, gc).into_value(),
        None => Value::Null,
    })
}
