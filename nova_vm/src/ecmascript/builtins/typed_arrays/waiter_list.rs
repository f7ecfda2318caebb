//! ### [25.4.1 Waiter Records](https://tc39.es/ecma262/#sec-waiter-record) and [25.4.2 WaiterList Records](https://tc39.es/ecma262/#sec-waiterlist-records)
//!
//! Every Shared Data Block keeps its WaiterLists (one per byte index that
//! some agent waits on) behind one mutex: holding it is being in the critical
//! section of every WaiterList of the block
//! ([25.4.3.6 EnterCriticalSection](https://tc39.es/ecma262/#sec-entercriticalsection)).
//! A Waiter Record is plain Rust data: a blocked agent waits on its record's
//! condition variable; an asynchronous waiter is named by an id that its own
//! agent maps to a promise, and is resolved through that agent's
//! [`AgentSignal`].

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Condvar, MutexGuard};
use std::time::{Duration, Instant};

use crate::ecmascript::execution::{AgentSignal, WaitResult};

/// How long a blocked agent sleeps before it looks at its interrupt flag.
pub(crate) const INTERRUPT_POLL: Duration = Duration::from_millis(50);

/// What a waiter is waiting with (`[[PromiseCapability]]`).
pub(crate) enum WaiterKind {
    /// `blocking`: the agent's thread sleeps on this condition variable.
    Blocking(Condvar),
    /// An `Atomics.waitAsync` promise, known to its agent by this id.
    Async(u64),
}

/// ### [25.4.1 Waiter Record](https://tc39.es/ecma262/#sec-waiter-record)
pub(crate) struct WaiterRecord {
    /// `[[AgentSignifier]]`: the waiting agent's signal.
    pub agent: Arc<AgentSignal>,
    /// `[[PromiseCapability]]`.
    pub kind: WaiterKind,
    /// `[[TimeoutTime]]` (`None` is +∞).
    pub timeout_time: Option<Instant>,
}

/// The WaiterLists of one Shared Data Block, by byte index; each list is in
/// the order the waiters were added.
#[derive(Default)]
pub(crate) struct WaiterLists {
    lists: HashMap<usize, VecDeque<Arc<WaiterRecord>>>,
}

impl WaiterLists {
    /// ### [25.4.3.8 AddWaiter ( WL, waiterRecord )](https://tc39.es/ecma262/#sec-addwaiter)
    pub(crate) fn add_waiter(&mut self, index: usize, waiter: Arc<WaiterRecord>) {
        // 1. Assert: The surrounding agent is in the critical section for WL.
        // 2. Assert: There is no Waiter Record in WL.[[Waiters]] whose [[PromiseCapability]]
        //    field is waiterRecord.[[PromiseCapability]] and whose [[AgentSignifier]] field is
        //    waiterRecord.[[AgentSignifier]].
        // 3. Append waiterRecord to WL.[[Waiters]].
        self.lists.entry(index).or_default().push_back(waiter);
        // 4. Return unused.
    }

    /// ### [25.4.3.9 RemoveWaiter ( WL, waiterRecord )](https://tc39.es/ecma262/#sec-removewaiter)
    ///
    /// Removes the waiter if it is still in the list, and says whether it
    /// was (that is, whether it was neither notified nor timed out before).
    pub(crate) fn remove_waiter(&mut self, index: usize, waiter: &Arc<WaiterRecord>) -> bool {
        // 1. Assert: The surrounding agent is in the critical section for WL.
        let Some(list) = self.lists.get_mut(&index) else {
            return false;
        };
        // 2. Assert: WL.[[Waiters]] contains waiterRecord.
        let Some(position) = list.iter().position(|w| Arc::ptr_eq(w, waiter)) else {
            return false;
        };
        // 3. Remove waiterRecord from WL.[[Waiters]].
        list.remove(position);
        if list.is_empty() {
            self.lists.remove(&index);
        }
        // 4. Return unused.
        true
    }

    /// ### [25.4.3.10 RemoveWaiters ( WL, c )](https://tc39.es/ecma262/#sec-removewaiters)
    pub(crate) fn remove_waiters(&mut self, index: usize, count: f64) -> Vec<Arc<WaiterRecord>> {
        // 1. Assert: The surrounding agent is in the critical section for WL.
        let Some(list) = self.lists.get_mut(&index) else {
            return Vec::new();
        };
        // 2. Let len be the number of elements in WL.[[Waiters]].
        // 3. Let n be min(c, len).
        let n = if count >= list.len() as f64 {
            list.len()
        } else {
            count as usize
        };
        // 4. Let L be a List whose elements are the first n elements of WL.[[Waiters]].
        // 5. Remove the first n elements of WL.[[Waiters]].
        let removed: Vec<_> = list.drain(..n).collect();
        if list.is_empty() {
            self.lists.remove(&index);
        }
        // 6. Return L.
        removed
    }

    /// Whether `waiter` is still in the list of `index`.
    fn contains(&self, index: usize, waiter: &Arc<WaiterRecord>) -> bool {
        self.lists
            .get(&index)
            .is_some_and(|list| list.iter().any(|w| Arc::ptr_eq(w, waiter)))
    }
}

/// Why a blocked agent stopped waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SuspendOutcome {
    /// A notification removed the waiter (`[[Result]]` is "ok").
    Notified,
    /// The timeout passed (`[[Result]]` is "timed-out").
    TimedOut,
    /// The host interrupted the agent; the waiter was removed.
    Interrupted,
}

/// ### [25.4.3.11 SuspendThisAgent ( WL, waiterRecord )](https://tc39.es/ecma262/#sec-suspendthisagent)
///
/// `guard` is the critical section; it is held again when this returns.
/// The host may interrupt the wait through `interrupt` (polled).
pub(crate) fn suspend_this_agent<'a>(
    mut guard: MutexGuard<'a, WaiterLists>,
    index: usize,
    waiter: &Arc<WaiterRecord>,
    interrupt: &AtomicBool,
) -> (MutexGuard<'a, WaiterLists>, SuspendOutcome) {
    let WaiterKind::Blocking(condvar) = &waiter.kind else {
        unreachable!("only blocking waiters suspend")
    };
    // 1. Assert: The surrounding agent is in the critical section for WL.
    // 2. Assert: waiterRecord.[[AgentSignifier]] is AgentSignifier().
    // 3. Assert: WL.[[Waiters]] contains waiterRecord.
    // 4. Assert: AgentCanSuspend() is true.
    // 5. Perform LeaveCriticalSection(WL) and suspend the surrounding agent until the time is
    //    waiterRecord.[[TimeoutTime]], performing the combined operation in such a way that a
    //    notification that arrives after the critical section is exited but before the
    //    suspension takes effect is not lost. (The condition variable releases the mutex
    //    and sleeps atomically.) The surrounding agent can only wake from suspension due to a
    //    timeout or due to another agent calling NotifyWaiter with arguments WL and thisAgent.
    // 6. Perform EnterCriticalSection(WL). (Waking re-acquires the mutex.)
    loop {
        // 7. If WL.[[Waiters]] contains waiterRecord, then ... (else it was notified).
        if !guard.contains(index, waiter) {
            return (guard, SuspendOutcome::Notified);
        }
        let now = Instant::now();
        if waiter.timeout_time.is_some_and(|t| now >= t) {
            // a. Let now be the time value (UTC) identifying the current time.
            // b. Assert: ℝ(now) ≥ waiterRecord.[[TimeoutTime]].
            // c. Set waiterRecord.[[Result]] to "timed-out".
            // d. Perform RemoveWaiter(WL, waiterRecord).
            guard.remove_waiter(index, waiter);
            return (guard, SuspendOutcome::TimedOut);
        }
        if interrupt.load(std::sync::atomic::Ordering::Relaxed) {
            guard.remove_waiter(index, waiter);
            return (guard, SuspendOutcome::Interrupted);
        }
        let slice = waiter
            .timeout_time
            .map_or(INTERRUPT_POLL, |t| (t - now).min(INTERRUPT_POLL));
        guard = match condvar.wait_timeout(guard, slice) {
            Ok((guard, _)) => guard,
            Err(poisoned) => poisoned.into_inner().0,
        };
    }
}

/// ### [25.4.3.12 NotifyWaiter ( WL, waiterRecord )](https://tc39.es/ecma262/#sec-notifywaiter)
///
/// Called in the critical section, after the waiter was removed from its list.
pub(crate) fn notify_waiter(waiter: &WaiterRecord, result: WaitResult) {
    match &waiter.kind {
        // 2. If waiterRecord.[[PromiseCapability]] is blocking, then
        //    a. Wake the agent whose signifier is waiterRecord.[[AgentSignifier]] from suspension.
        WaiterKind::Blocking(condvar) => condvar.notify_one(),
        // 3. Else if AgentSignifier() is waiterRecord.[[AgentSignifier]], then
        //    a-b. Perform ! Call(promiseCapability.[[Resolve]], undefined, « waiterRecord.[[Result]] »).
        // 4. Else,
        //    a. Perform EnqueueResolveInAgentJob(waiterRecord.[[AgentSignifier]],
        //       waiterRecord.[[PromiseCapability]], waiterRecord.[[Result]]).
        // (Both go through the waiting agent's signal; Atomics.notify settles its own agent's
        // promises before it returns.)
        WaiterKind::Async(id) => waiter.agent.post(*id, result),
    }
    // 5. Return unused.
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    fn waiter(signal: &Arc<AgentSignal>, id: u64) -> Arc<WaiterRecord> {
        Arc::new(WaiterRecord {
            agent: signal.clone(),
            kind: WaiterKind::Async(id),
            timeout_time: None,
        })
    }

    #[test]
    fn waiters_leave_in_fifo_order_per_index() {
        let signal = Arc::new(AgentSignal::default());
        let mut lists = WaiterLists::default();
        let (a, b, c) = (waiter(&signal, 1), waiter(&signal, 2), waiter(&signal, 3));
        lists.add_waiter(0, a.clone());
        lists.add_waiter(4, b.clone());
        lists.add_waiter(0, c.clone());
        let first = lists.remove_waiters(0, 1.0);
        assert!(first.len() == 1 && Arc::ptr_eq(&first[0], &a));
        assert!(!lists.remove_waiter(0, &a));
        assert_eq!(lists.remove_waiters(0, f64::INFINITY).len(), 1);
        assert!(lists.remove_waiters(0, f64::INFINITY).is_empty());
        assert!(lists.remove_waiter(4, &b));
        for w in first {
            notify_waiter(&w, WaitResult::Ok);
        }
        assert_eq!(signal.take(), vec![(1, WaitResult::Ok)]);
    }

    #[test]
    fn a_blocked_waiter_times_out_or_is_interrupted() {
        let signal = Arc::new(AgentSignal::default());
        let lists = Mutex::new(WaiterLists::default());
        let blocked = |timeout: Option<Duration>| {
            Arc::new(WaiterRecord {
                agent: signal.clone(),
                kind: WaiterKind::Blocking(Condvar::new()),
                timeout_time: timeout.map(|t| Instant::now() + t),
            })
        };
        let never = AtomicBool::new(false);
        let w = blocked(Some(Duration::from_millis(20)));
        let mut guard = lists.lock().unwrap();
        guard.add_waiter(8, w.clone());
        let (mut guard, outcome) = suspend_this_agent(guard, 8, &w, &never);
        assert_eq!(outcome, SuspendOutcome::TimedOut);
        assert!(!guard.remove_waiter(8, &w));
        let w = blocked(None);
        guard.add_waiter(8, w.clone());
        let (guard, outcome) = suspend_this_agent(guard, 8, &w, &AtomicBool::new(true));
        drop(guard);
        assert_eq!(outcome, SuspendOutcome::Interrupted);
    }
}
