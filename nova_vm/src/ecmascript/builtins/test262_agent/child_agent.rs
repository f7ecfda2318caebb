//! A child agent: its thread (a runtime of its own that runs the agent's
//! script, then waits for broadcasts and calls the `receiveBroadcast`
//! callback with its own SharedArrayBuffer over the broadcast block, running
//! the jobs after each call) and its `$262.agent`: `receiveBroadcast`,
//! `report` and `leaving`.

use std::sync::Arc;
use std::thread::JoinHandle;

use super::AgentRole;
use super::cluster::{ClusterShared, Mailbox};
use crate::api::with_gc;
use crate::ecmascript::abstract_operations::{call_function, is_callable, to_string};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::builtins::typed_arrays::SharedDataBlock;
use crate::ecmascript::builtins::typed_arrays::shared_array_buffer::shared_array_buffer_over_block;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::Value;
use crate::engine::{Bindable, GcScope, Global};
use crate::{Runtime, RuntimeOptions};

/// Stack size of an agent's thread (its scripts are small; the interpreter
/// does not recurse on the native stack per JavaScript call).
const STACK_BYTES: usize = 32 << 20;

/// Starts the thread of a child agent that runs `source`.
pub(super) fn spawn(
    source: String,
    cluster: Arc<ClusterShared>,
    mailbox: Arc<Mailbox>,
) -> std::io::Result<JoinHandle<()>> {
    std::thread::Builder::new()
        .name("test262-agent".into())
        .stack_size(STACK_BYTES)
        .spawn(move || run(source, cluster, mailbox))
}

/// Tells the main agent that the child is done, however its thread ends.
struct FinishOnDrop(Arc<Mailbox>);

impl Drop for FinishOnDrop {
    fn drop(&mut self) {
        self.0.mark_finished();
    }
}

/// The body of a child agent's thread.
fn run(source: String, cluster: Arc<ClusterShared>, mailbox: Arc<Mailbox>) {
    let _finish = FinishOnDrop(mailbox.clone());
    let mut runtime = Runtime::new(RuntimeOptions {
        gc_stress: cluster.gc_stress,
        ..RuntimeOptions::default()
    });
    runtime.agent().test262_agents = Some(Box::new(AgentRole::Child {
        cluster,
        mailbox: mailbox.clone(),
        callback: None,
        leaving: false,
    }));
    runtime.install_test262_host();
    mailbox.mark_started(runtime.interrupt_handle());
    // An exception in the agent's script or jobs ends nothing but that run:
    // the agent has nobody to report it to except through `report`.
    let _ = runtime.run_script(&source, "agent.js");
    if mailbox.shutdown_requested() {
        return;
    }
    let _ = runtime.run_jobs();
    loop {
        let waiting_for_broadcasts = matches!(
            runtime.agent().test262_agents.as_deref(),
            Some(AgentRole::Child {
                callback: Some(_),
                leaving: false,
                ..
            })
        );
        if !waiting_for_broadcasts || mailbox.shutdown_requested() {
            return;
        }
        let Some((block, num)) = mailbox.take_message(&runtime.agent().interrupt) else {
            return;
        };
        receive(&mut runtime, block, num);
        if mailbox.shutdown_requested() {
            return;
        }
        let _ = runtime.run_jobs();
    }
}

/// Calls the `receiveBroadcast` callback with a new SharedArrayBuffer over
/// `block` and the broadcast's number.
fn receive(runtime: &mut Runtime, block: SharedDataBlock, num: Option<f64>) {
    with_gc(runtime.agent(), |agent, mut gc| {
        let Some(AgentRole::Child {
            callback: Some(callback),
            ..
        }) = agent.test262_agents.as_deref()
        else {
            return;
        };
        let callback = callback.get(agent);
        let sab = shared_array_buffer_over_block(agent, block, gc.nogc());
        let num = num.map_or(Value::Undefined, |n| agent.number(n, gc.nogc()));
        let arguments = [sab.unbind().into(), num.unbind()];
        let result = call_function(
            agent,
            callback,
            Value::Undefined,
            ArgumentsList(&arguments),
            gc.reborrow(),
        );
        if result.is_err() {
            agent.take_exception();
        }
        // The callback was a synchronous sequence of ECMAScript execution.
        agent.clear_kept_objects();
    });
}

/// `$262.agent.receiveBroadcast(callback)`: the function to call with each
/// broadcast (kept rooted until replaced).
pub(super) fn receive_broadcast<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    let callback = args.get(0);
    if !is_callable(agent, callback) {
        return Err(agent.throw_type_error("$262.agent.receiveBroadcast needs a function", gc));
    }
    let rooted = Global::new(agent, callback.unbind());
    if let Some(AgentRole::Child { callback, .. }) = agent.test262_agents.as_deref_mut()
        && let Some(previous) = callback.replace(rooted)
    {
        previous.release(agent);
    }
    Ok(Value::Undefined)
}

/// `$262.agent.report(value)`: queues `value` (as a string) for the main
/// agent's `getReport`.
pub(super) fn report<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let text = to_string(agent, args.get(0), gc.reborrow())?.unbind();
    let text = agent.string_lossy(text).into_owned();
    if let Some(role) = agent.test262_agents.as_deref() {
        role.cluster().report(text);
    }
    Ok(Value::Undefined)
}

/// `$262.agent.leaving()`: the agent is done; its thread ends once the
/// current callback and its jobs are.
pub(super) fn leaving<'gc>(
    agent: &mut Agent,
    _this: Value,
    _args: ArgumentsList,
    _gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    if let Some(AgentRole::Child { leaving, .. }) = agent.test262_agents.as_deref_mut() {
        *leaving = true;
    }
    Ok(Value::Undefined)
}
