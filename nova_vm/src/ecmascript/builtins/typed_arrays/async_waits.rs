//! An agent's pending `Atomics.waitAsync` promises and the host's side of
//! them: [25.4.3.15 EnqueueAtomicsWaitAsyncTimeoutJob](https://tc39.es/ecma262/#sec-enqueueatomicswaitasynctimeoutjob)
//! (a timeout is checked by the agent's job loop) and
//! [25.4.3.13 EnqueueResolveInAgentJob](https://tc39.es/ecma262/#sec-enqueueresolveinagentjob)
//! (a notification from any thread arrives through the agent's
//! [`AgentSignal`](crate::ecmascript::execution::AgentSignal) and settles the
//! promise here, on the agent's own thread).

use std::sync::Arc;
use std::time::Instant;

use super::SharedDataBlock;
use super::waiter_list::{WaiterRecord, notify_waiter};
use crate::ecmascript::builtins::control_abstraction::promise::fulfill_promise;
use crate::ecmascript::execution::{Agent, WaitResult};
use crate::ecmascript::types::Object;
use crate::engine::{Global, NoGcScope};

/// One `Atomics.waitAsync` whose promise is not settled yet.
struct PendingAsyncWait {
    /// The id of its Waiter Record (`WaiterKind::Async`).
    id: u64,
    /// `[[PromiseCapability]].[[Promise]]`, rooted until settled.
    promise: Global<Object<'static>>,
    /// The block and byte index of its WaiterList.
    block: SharedDataBlock,
    byte_index: usize,
    /// Its Waiter Record (to remove it when the timeout passes).
    waiter: Arc<WaiterRecord>,
}

/// The pending async waits of one agent.
#[derive(Default)]
pub(crate) struct AsyncWaits {
    next_id: u64,
    pending: Vec<PendingAsyncWait>,
}

impl std::fmt::Debug for AsyncWaits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AsyncWaits")
            .field("pending", &self.pending.len())
            .finish()
    }
}

impl AsyncWaits {
    /// A fresh id for a new async Waiter Record.
    pub(crate) fn next_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    /// Whether no async wait is pending.
    pub(crate) fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// The earliest timeout of the pending waits (`None`: all are infinite).
    pub(crate) fn earliest_timeout(&self) -> Option<Instant> {
        self.pending
            .iter()
            .filter_map(|w| w.waiter.timeout_time)
            .min()
    }

    /// Remembers a wait added to the WaiterList of `byte_index` in `block`.
    pub(crate) fn add(
        &mut self,
        promise: Global<Object<'static>>,
        block: SharedDataBlock,
        byte_index: usize,
        waiter: Arc<WaiterRecord>,
        id: u64,
    ) {
        self.pending.push(PendingAsyncWait {
            id,
            promise,
            block,
            byte_index,
            waiter,
        });
    }
}

/// Runs the timeout jobs whose time has come and settles every promise whose
/// waiter was notified or timed out. Returns whether any promise settled
/// (its reactions are then queued as jobs).
pub(crate) fn settle_async_waits(agent: &mut Agent, gc: NoGcScope) -> bool {
    if agent.async_waits.is_empty() {
        return false;
    }
    // EnqueueAtomicsWaitAsyncTimeoutJob: the timeout job of each waiter whose time passed.
    let now = Instant::now();
    for wait in &agent.async_waits.pending {
        if wait.waiter.timeout_time.is_none_or(|t| t > now) {
            continue;
        }
        // 1.a. Perform EnterCriticalSection(WL).
        let mut lists = wait
            .block
            .waiters()
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        // 1.b. If WL.[[Waiters]] contains waiterRecord, then
        //      i-ii. (The time of the job's execution is past [[TimeoutTime]].)
        //      iii. Set waiterRecord.[[Result]] to "timed-out".
        //      iv. Perform RemoveWaiter(WL, waiterRecord).
        //      v. Perform NotifyWaiter(WL, waiterRecord).
        if lists.remove_waiter(wait.byte_index, &wait.waiter) {
            notify_waiter(&wait.waiter, WaitResult::TimedOut);
        }
        // 1.c. Perform LeaveCriticalSection(WL).
    }
    if !agent.signal.has_pending() {
        return false;
    }
    // EnqueueResolveInAgentJob's job: resolve each notified waiter's promise.
    let mut settled = false;
    for (id, result) in agent.signal.take() {
        let Some(position) = agent.async_waits.pending.iter().position(|w| w.id == id) else {
            continue;
        };
        let wait = agent.async_waits.pending.swap_remove(position);
        let promise = wait.promise.release(agent);
        // b. Perform ! Call(promiseCapability.[[Resolve]], undefined, « resolution »).
        //    (The resolution is a string: the promise is fulfilled with it.)
        let text = agent.create_string(result.as_str(), gc).into_value();
        fulfill_promise(agent, promise, text, gc);
        settled = true;
    }
    settled
}
