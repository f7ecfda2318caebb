//! The Rust side of test262's agent cluster: what the main agent and its
//! child agents share (the report queue, the clock) and each child's
//! mailbox, through which broadcasts are handed over and the main agent
//! learns that a child started or finished. Nothing here holds a handle:
//! only strings, numbers and shared blocks cross threads.

use std::collections::VecDeque;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::ecmascript::builtins::typed_arrays::SharedDataBlock;
use crate::ecmascript::builtins::typed_arrays::waiter_list::INTERRUPT_POLL;
use crate::ecmascript::execution::InterruptHandle;

/// How long dropping the main agent waits for its children to finish
/// before it leaves the stragglers (interrupted) to end on their own.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);

/// What every agent of a cluster shares.
#[derive(Debug)]
pub(crate) struct ClusterShared {
    /// Reports of the children, oldest first.
    reports: Mutex<VecDeque<String>>,
    /// The origin of `monotonicNow`.
    epoch: Instant,
    /// Whether the agents run in GC-stress mode (as the main agent does).
    pub gc_stress: bool,
}

impl ClusterShared {
    pub(crate) fn new(gc_stress: bool) -> ClusterShared {
        ClusterShared {
            reports: Mutex::new(VecDeque::new()),
            epoch: Instant::now(),
            gc_stress,
        }
    }

    /// Queues a report for the main agent.
    pub(crate) fn report(&self, text: String) {
        lock(&self.reports).push_back(text);
    }

    /// The oldest report not yet taken.
    pub(crate) fn take_report(&self) -> Option<String> {
        lock(&self.reports).pop_front()
    }

    /// Milliseconds since the cluster was created.
    pub(crate) fn monotonic_now(&self) -> f64 {
        self.epoch.elapsed().as_secs_f64() * 1000.0
    }
}

/// A broadcast: the shared block and the number that goes with it.
pub(crate) type Broadcast = (SharedDataBlock, Option<f64>);

#[derive(Default)]
struct MailboxState {
    /// A broadcast the child has not taken yet.
    message: Option<Broadcast>,
    /// The child's runtime exists and is about to run its script.
    started: bool,
    /// The child's thread is done (or about to be).
    finished: bool,
    /// The main agent asks the child to stop.
    shutdown: bool,
    /// Stops the child's running script.
    interrupt: Option<InterruptHandle>,
}

/// The channel between the main agent and one child.
#[derive(Default)]
pub(crate) struct Mailbox {
    state: Mutex<MailboxState>,
    changed: Condvar,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

impl Mailbox {
    /// Waits (in slices, so that `interrupt` is seen) until `done` holds;
    /// false if interrupted or `deadline` passed first.
    fn wait_until(
        &self,
        interrupt: &AtomicBool,
        deadline: Option<Instant>,
        mut done: impl FnMut(&MailboxState) -> bool,
    ) -> bool {
        let mut state = lock(&self.state);
        loop {
            if done(&state) {
                return true;
            }
            if interrupt.load(std::sync::atomic::Ordering::Relaxed)
                || deadline.is_some_and(|d| Instant::now() >= d)
            {
                return false;
            }
            state = match self.changed.wait_timeout(state, INTERRUPT_POLL) {
                Ok((state, _)) => state,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
    }

    fn update(&self, change: impl FnOnce(&mut MailboxState)) {
        change(&mut lock(&self.state));
        self.changed.notify_all();
    }

    /// Called by the child once its runtime exists.
    pub(crate) fn mark_started(&self, interrupt: InterruptHandle) {
        self.update(|s| {
            s.started = true;
            s.interrupt = Some(interrupt);
        });
    }

    /// Called by the child when its thread ends (also on a panic).
    pub(crate) fn mark_finished(&self) {
        self.update(|s| {
            s.finished = true;
            s.message = None;
        });
    }

    /// Whether the main agent asked the child to stop.
    pub(crate) fn shutdown_requested(&self) -> bool {
        lock(&self.state).shutdown
    }

    /// The child's side of a broadcast: the next message, or `None` once the
    /// main agent asks the child to stop (or `interrupt` is set).
    pub(crate) fn take_message(&self, interrupt: &AtomicBool) -> Option<Broadcast> {
        let mut message = None;
        self.wait_until(interrupt, None, |s| s.message.is_some() || s.shutdown);
        self.update(|s| {
            if !s.shutdown {
                message = s.message.take();
            }
        });
        message
    }
}

/// The main agent's view of one child.
pub(crate) struct ChildHandle {
    mailbox: Arc<Mailbox>,
    thread: Option<JoinHandle<()>>,
}

impl ChildHandle {
    /// Waits until the child started (or ended); false if interrupted.
    pub(crate) fn new(
        mailbox: Arc<Mailbox>,
        thread: JoinHandle<()>,
        interrupt: &AtomicBool,
    ) -> (ChildHandle, bool) {
        let running = mailbox.wait_until(interrupt, None, |s| s.started || s.finished);
        let handle = ChildHandle {
            mailbox,
            thread: Some(thread),
        };
        (handle, running)
    }

    fn is_finished(&self) -> bool {
        lock(&self.mailbox.state).finished
    }
}

/// The main agent's children.
#[derive(Default)]
pub(crate) struct Children {
    children: Vec<ChildHandle>,
}

impl std::fmt::Debug for Children {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Children")
            .field("count", &self.children.len())
            .finish()
    }
}

impl Children {
    pub(crate) fn push(&mut self, child: ChildHandle) {
        self.children.retain(|c| !c.is_finished());
        self.children.push(child);
    }

    /// Whether any child is still running (and so could notify a waiter).
    pub(crate) fn any_running(&self) -> bool {
        self.children.iter().any(|c| !c.is_finished())
    }

    /// Hands `message` to every running child and waits until each took it
    /// (or finished); false if `interrupt` stopped the wait.
    pub(crate) fn broadcast(&self, message: &Broadcast, interrupt: &AtomicBool) -> bool {
        for child in &self.children {
            child.mailbox.update(|s| {
                if !s.finished {
                    s.message = Some(message.clone());
                }
            });
        }
        self.children.iter().all(|child| {
            child
                .mailbox
                .wait_until(interrupt, None, |s| s.message.is_none() || s.finished)
        })
    }
}

impl Drop for Children {
    /// Asks every child to stop, interrupts its script and waits a little for
    /// it; a child that does not finish in time is left to end on its own
    /// (it is interrupted, so it will at its next safepoint).
    fn drop(&mut self) {
        for child in &self.children {
            child.mailbox.update(|s| {
                s.shutdown = true;
                if let Some(interrupt) = &s.interrupt {
                    interrupt.interrupt();
                }
            });
        }
        let deadline = Instant::now() + SHUTDOWN_GRACE;
        let never = AtomicBool::new(false);
        for child in &mut self.children {
            if child
                .mailbox
                .wait_until(&never, Some(deadline), |s| s.finished)
                && let Some(thread) = child.thread.take()
            {
                let _ = thread.join();
            }
        }
    }
}
