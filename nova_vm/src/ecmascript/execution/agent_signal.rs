//! The part of an agent that other threads may reach: the agent signifier of
//! its Waiter Records ([9.7 Agents](https://tc39.es/ecma262/#sec-agents)) and
//! the queue through which another agent's `Atomics.notify`, or a timeout,
//! resolves this agent's `Atomics.waitAsync` promises
//! ([25.4.3.13 EnqueueResolveInAgentJob](https://tc39.es/ecma262/#sec-enqueueresolveinagentjob)).
//! It holds no handles: the promises stay in the agent's heap, named by id.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// The `[[Result]]` of a Waiter Record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitResult {
    /// Woken by a notification.
    Ok,
    /// The timeout passed.
    TimedOut,
}

impl WaitResult {
    /// The string the waiter sees.
    pub fn as_str(self) -> &'static str {
        match self {
            WaitResult::Ok => "ok",
            WaitResult::TimedOut => "timed-out",
        }
    }
}

/// The cross-thread inbox of one agent.
#[derive(Debug, Default)]
pub struct AgentSignal {
    /// Async waiters (by id) whose promises are to be resolved, in order.
    resolutions: Mutex<Vec<(u64, WaitResult)>>,
    /// Set while `resolutions` is not empty (read without the lock).
    pending: AtomicBool,
    /// Woken when a resolution arrives.
    arrived: Condvar,
}

impl AgentSignal {
    /// Queues the resolution of async waiter `id` (from any thread).
    pub(crate) fn post(&self, id: u64, result: WaitResult) {
        let mut resolutions = self.resolutions.lock().unwrap_or_else(|e| e.into_inner());
        resolutions.push((id, result));
        self.pending.store(true, Ordering::Release);
        self.arrived.notify_all();
    }

    /// Whether resolutions are waiting (a cheap check for the job loop).
    #[inline]
    pub(crate) fn has_pending(&self) -> bool {
        self.pending.load(Ordering::Acquire)
    }

    /// Takes every queued resolution.
    pub(crate) fn take(&self) -> Vec<(u64, WaitResult)> {
        let mut resolutions = self.resolutions.lock().unwrap_or_else(|e| e.into_inner());
        self.pending.store(false, Ordering::Release);
        std::mem::take(&mut *resolutions)
    }

    /// Sleeps until a resolution arrives, `deadline` passes or at most
    /// `slice` elapses (so that the caller can look at its interrupt flag).
    pub(crate) fn wait(&self, deadline: Option<Instant>, slice: Duration) {
        let resolutions = self.resolutions.lock().unwrap_or_else(|e| e.into_inner());
        if !resolutions.is_empty() {
            return;
        }
        let now = Instant::now();
        let timeout = deadline.map_or(slice, |d| d.saturating_duration_since(now).min(slice));
        let _ = self.arrived.wait_timeout(resolutions, timeout);
    }
}
