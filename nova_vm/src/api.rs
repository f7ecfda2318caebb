//! The embedding API: a [`Runtime`] owns an agent and its realm, runs scripts
//! and reports uncaught exceptions as [`JsException`]s.
//!
//! ```
//! use nova_vm::{Runtime, RuntimeOptions};
//!
//! let mut runtime = Runtime::new(RuntimeOptions::default());
//! runtime.run_script("var answer = 6 * 7;", "example.js").unwrap();
//! assert_eq!(runtime.eval_to_string("answer").unwrap(), "42");
//! ```

use std::path::Path;
use std::sync::{Arc, Mutex};

use crate::ecmascript::abstract_operations::{call_function, get, to_string};
use crate::ecmascript::builtins::test262_agent::peers_may_notify;
use crate::ecmascript::builtins::typed_arrays::async_waits::settle_async_waits;
use crate::ecmascript::builtins::typed_arrays::waiter_list::INTERRUPT_POLL;
use crate::ecmascript::builtins::{ArgumentsList, host};
use crate::ecmascript::execution::{Agent, AgentOptions, HostHooks, Job, JsResult};
use crate::ecmascript::types::{PropertyKey, Value};
use crate::engine::interpreter::run_script;
use crate::engine::{Bindable, GcScope, GcToken, NoGcScope, ScopeToken};

/// Options for a new [`Runtime`].
#[derive(Debug, Clone, Default)]
pub struct RuntimeOptions {
    /// Collect garbage at every safepoint (slow; finds rooting bugs).
    pub gc_stress: bool,
    /// Print a line to stderr for every collection.
    pub trace_gc: bool,
}

/// When an uncaught exception happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExceptionPhase {
    /// While parsing (early errors).
    Parse,
    /// While linking modules.
    Resolution,
    /// While running code.
    Runtime,
}

/// An exception that escaped to the embedder.
#[derive(Debug, Clone)]
pub struct JsException {
    /// When it was thrown.
    pub phase: ExceptionPhase,
    /// The constructor name of the thrown value (`"TypeError"`), or empty if
    /// it was not an object.
    pub name: String,
    /// The error message (`message` of error objects, else the value as a string).
    pub message: String,
    /// The `stack` of error objects (may be empty).
    pub stack: String,
}

impl std::fmt::Display for JsException {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.name.is_empty() {
            write!(f, "{}", self.message)
        } else if self.message.is_empty() {
            write!(f, "{}", self.name)
        } else {
            write!(f, "{}: {}", self.name, self.message)
        }
    }
}

/// Host hooks that either print or collect output.
struct RuntimeHooks {
    collected: Option<Arc<Mutex<Vec<String>>>>,
}

impl HostHooks for RuntimeHooks {
    fn print(&mut self, text: &str) {
        match &self.collected {
            Some(lines) => lines.lock().expect("output lock").push(text.to_owned()),
            None => crate::ecmascript::execution::print_line_to_stdout(text),
        }
    }
}

/// One agent with one realm, ready to run scripts.
pub struct Runtime {
    agent: Agent,
    output: Arc<Mutex<Vec<String>>>,
}

impl std::fmt::Debug for Runtime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Runtime")
            .field("agent", &self.agent)
            .finish()
    }
}

impl Runtime {
    /// Creates an agent and its realm with `print` and `console.log` writing to stdout.
    pub fn new(options: RuntimeOptions) -> Runtime {
        let output = Arc::new(Mutex::new(Vec::new()));
        let hooks = RuntimeHooks { collected: None };
        let mut agent = Agent::new(
            AgentOptions {
                gc_stress: options.gc_stress,
                trace_gc: options.trace_gc,
            },
            Box::new(hooks),
        );
        with_gc(&mut agent, |agent, gc| {
            host::install_console(agent, gc.nogc())
        });
        Runtime { agent, output }
    }

    /// Installs test262's `$262` host object and makes `print` collect its
    /// output for [`Runtime::take_output`] instead of writing to stdout.
    pub fn install_test262_host(&mut self) {
        self.agent.host = Box::new(RuntimeHooks {
            collected: Some(self.output.clone()),
        });
        with_gc(&mut self.agent, |agent, gc| {
            host::install_test262(agent, gc.nogc());
        });
    }

    /// **Host hook.** Defines a global `name` holding an object with an
    /// `[[IsHTMLDDA]]` internal slot (the web's `document.all`, see
    /// [`Agent::create_html_dda_object`]); calling it returns null.
    pub fn define_html_dda_global(&mut self, name: &'static str) {
        with_gc(&mut self.agent, |agent, gc| {
            host::define_html_dda_global(agent, name, gc.nogc());
        });
    }

    /// The agent (for embedders using the lower-level API).
    pub fn agent(&mut self) -> &mut Agent {
        &mut self.agent
    }

    /// Parses and evaluates a classic script in the current realm.
    pub fn run_script(&mut self, source: &str, source_name: &str) -> Result<(), JsException> {
        self.eval_script(source, source_name, |_, _, _| ())
    }

    /// Evaluates a script and returns its completion value as a string.
    pub fn eval_to_string(&mut self, source: &str) -> Result<String, JsException> {
        let mut text = String::new();
        self.eval_script(source, "eval", |agent, value, gc| {
            text = match to_string(agent, value, gc) {
                Ok(s) => agent.string_lossy(s.unbind()).into_owned(),
                Err(_) => {
                    agent.take_exception();
                    String::new()
                }
            };
        })?;
        Ok(text)
    }

    fn eval_script(
        &mut self,
        source: &str,
        source_name: &str,
        on_value: impl FnOnce(&mut Agent, Value, GcScope),
    ) -> Result<(), JsException> {
        with_gc(&mut self.agent, |agent, mut gc| {
            let result = run_script(agent, source, source_name, gc.reborrow());
            // The script was a synchronous sequence of ECMAScript execution.
            agent.clear_kept_objects();
            match result {
                Err(message) => Err(JsException {
                    phase: ExceptionPhase::Parse,
                    name: "SyntaxError".to_owned(),
                    message: message.trim_start_matches("SyntaxError: ").to_owned(),
                    stack: String::new(),
                }),
                Ok(Err(_)) => Err(describe_exception(
                    agent,
                    ExceptionPhase::Runtime,
                    gc.reborrow(),
                )),
                Ok(Ok(value)) => {
                    let value = value.unbind();
                    on_value(agent, value, gc.reborrow());
                    Ok(())
                }
            }
        })
    }

    /// Parses, links and evaluates the module `source`, found at `path` (its
    /// imports resolve relative to the directory of `path`). Queued jobs run
    /// until the module's evaluation promise settles (top-level await); a
    /// rejection is reported as an uncaught runtime exception.
    pub fn run_module(&mut self, source: &str, path: &Path) -> Result<(), JsException> {
        use crate::ecmascript::builtins::control_abstraction::PromiseState;
        use crate::ecmascript::modules::{evaluation, linking, loader};
        let promise = with_gc(&mut self.agent, |agent, mut gc| {
            let path = loader::canonical_path(path);
            // ParseModule: early errors.
            let module = loader::parse_module(agent, source, path, "", gc.nogc())
                .map_err(|e| load_exception(ExceptionPhase::Parse, &e))?;
            // LoadRequestedModules: missing files and errors in imported modules.
            loader::load_requested_modules(agent, module, gc.nogc())
                .map_err(|e| load_exception(ExceptionPhase::Resolution, &e))?;
            // Link: unresolvable and ambiguous imports.
            if linking::link(agent, module, gc.reborrow()).is_err() {
                return Err(describe_exception(
                    agent,
                    ExceptionPhase::Resolution,
                    gc.reborrow(),
                ));
            }
            let promise = evaluation::evaluate(agent, module, gc.reborrow()).unbind();
            agent.clear_kept_objects();
            Ok(crate::engine::Global::new(agent, promise))
        })?;
        // Run jobs until the evaluation promise settles.
        let result = loop {
            let settled = with_gc(&mut self.agent, |agent, _| {
                let promise = promise.get(agent);
                let handle = agent.promise_of(promise)?;
                let record = agent.heap.promises.get(handle.index());
                match record.state {
                    PromiseState::Pending => None,
                    PromiseState::Fulfilled => Some(Ok(())),
                    PromiseState::Rejected => Some(Err(record.result)),
                }
            });
            match settled {
                Some(Ok(())) => break Ok(()),
                Some(Err(reason)) => {
                    break Err(with_gc(&mut self.agent, |agent, gc| {
                        let _ = agent.throw_value(reason);
                        describe_exception(agent, ExceptionPhase::Runtime, gc)
                    }));
                }
                None if self.agent.jobs.is_empty() => break Ok(()),
                None => {
                    if let Err(e) = self.run_one_job() {
                        break Err(e);
                    }
                }
            }
        };
        promise.release(&mut self.agent);
        result
    }

    /// Runs the first queued job.
    fn run_one_job(&mut self) -> Result<(), JsException> {
        with_gc(&mut self.agent, |agent, gc| match agent.jobs.pop_front() {
            Some(job) => run_queued_job(agent, job, gc),
            None => Ok(()),
        })
    }

    /// Runs queued jobs (promise jobs, FinalizationRegistry cleanups) until the queue
    /// is empty and no `Atomics.waitAsync` can settle any more: the run waits
    /// for pending waits to time out, or to be notified while another agent
    /// that could notify them runs. An exception thrown by a job stops the
    /// run and is returned; the jobs after it stay queued for the next call.
    pub fn run_jobs(&mut self) -> Result<(), JsException> {
        with_gc(&mut self.agent, |agent, mut gc| {
            loop {
                while let Some(job) = agent.jobs.pop_front() {
                    run_queued_job(agent, job, gc.reborrow())?;
                    settle_async_waits(agent, gc.nogc());
                }
                if !wait_for_host_events(agent, gc.nogc()) {
                    return Ok(());
                }
            }
        })
    }

    /// Lines printed by `print` since the last call (after
    /// [`Runtime::install_test262_host`]).
    pub fn take_output(&mut self) -> Vec<String> {
        std::mem::take(&mut *self.output.lock().expect("output lock"))
    }

    /// A handle that stops a running script from another thread (for time
    /// limits): the script throws "Execution interrupted", which it cannot
    /// catch for long — every later loop iteration or call throws again until
    /// control returns to the embedder.
    pub fn interrupt_handle(&self) -> crate::ecmascript::execution::InterruptHandle {
        self.agent.interrupt_handle()
    }

    /// Heap sizes and collector statistics.
    pub fn heap_statistics(&self) -> crate::ecmascript::execution::HeapStatistics {
        self.agent.heap_statistics()
    }

    /// Runs a full garbage collection.
    pub fn collect_garbage(&mut self) {
        with_gc(&mut self.agent, |agent, gc| agent.collect_garbage(gc));
    }
}

/// With the job queue empty: settles the `Atomics.waitAsync` promises whose
/// waiters were notified or timed out, waiting for one if need be. Returns
/// false when no job can come any more (nothing is pending, only waits
/// without a timeout that no other agent could notify are, or the host
/// interrupted the agent).
fn wait_for_host_events(agent: &mut Agent, gc: NoGcScope) -> bool {
    loop {
        if agent.async_waits.is_empty() || agent.interrupt_requested() {
            return false;
        }
        if settle_async_waits(agent, gc) {
            return true;
        }
        let deadline = agent.async_waits.earliest_timeout();
        if deadline.is_none() && !peers_may_notify(agent) {
            return false;
        }
        agent.signal.wait(deadline, INTERRUPT_POLL);
    }
}

/// Runs a job taken off the queue. A job is a synchronous sequence of
/// ECMAScript execution: the objects WeakRefs kept alive during it are
/// released after it. An exception it throws is described for the embedder.
fn run_queued_job(agent: &mut Agent, job: Job, mut gc: GcScope) -> Result<(), JsException> {
    let result = run_job(agent, job, gc.reborrow());
    agent.clear_kept_objects();
    if result.is_err() {
        return Err(describe_exception(
            agent,
            ExceptionPhase::Runtime,
            gc.reborrow(),
        ));
    }
    Ok(())
}

/// Runs one job in its realm: a callback call, a promise reaction or a
/// thenable resolution.
fn run_job<'gc>(agent: &mut Agent, job: Job, gc: GcScope<'gc, '_>) -> JsResult<'gc, ()> {
    use crate::ecmascript::builtins::control_abstraction::promise::{
        run_promise_reaction_job, run_promise_resolve_thenable_job,
    };
    let previous_realm = agent.current_realm;
    let realm = match &job {
        Job::Call { realm, .. } => Some(*realm),
        Job::PromiseReaction { realm, .. } | Job::PromiseResolveThenable { realm, .. } => *realm,
    };
    if let Some(realm) = realm {
        agent.current_realm = realm;
    }
    let mark = agent.scoped_roots.len();
    let result = match job {
        Job::Call {
            callback,
            arguments,
            ..
        } => call_function(
            agent,
            callback,
            Value::Undefined,
            ArgumentsList(&arguments),
            gc,
        )
        .map(|_| ()),
        Job::PromiseReaction {
            reaction, argument, ..
        } => run_promise_reaction_job(agent, reaction, argument, gc),
        Job::PromiseResolveThenable {
            promise,
            thenable,
            then,
            ..
        } => run_promise_resolve_thenable_job(agent, promise, thenable, then, gc),
    };
    agent.scoped_roots.truncate(mark);
    agent.current_realm = previous_realm;
    result
}

/// Runs `f` with a fresh root GC scope for an entry into the engine.
pub(crate) fn with_gc<R>(agent: &mut Agent, f: impl FnOnce(&mut Agent, GcScope) -> R) -> R {
    let mut token = GcToken;
    let mut scope = ScopeToken;
    let gc = GcScope::new(&mut token, &mut scope);
    let mark = agent.scoped_roots.len();
    let result = f(agent, gc);
    agent.scoped_roots.truncate(mark);
    agent.clear_interrupt();
    result
}

/// Turns the pending exception into a [`JsException`].
fn describe_exception(agent: &mut Agent, phase: ExceptionPhase, mut gc: GcScope) -> JsException {
    let value = agent.take_exception();
    let mut exception = JsException {
        phase,
        name: String::new(),
        message: String::new(),
        stack: String::new(),
    };
    let read =
        |agent: &mut Agent, object: Value, name: &'static str, gc: GcScope| -> Option<String> {
            let Value::Object(o) = object else {
                return None;
            };
            let key = PropertyKey::from_static_str(name)?;
            let v = get(agent, o, key, gc).ok()?.unbind();
            v.as_string().map(|s| agent.string_lossy(s).into_owned())
        };
    if let Value::Object(o) = value {
        let constructor_key = agent.static_key("constructor");
        if let Ok(constructor) = get(agent, o, constructor_key, gc.reborrow()) {
            let constructor = constructor.unbind();
            exception.name = read(agent, constructor, "name", gc.reborrow()).unwrap_or_default();
        }
        exception.message = read(agent, value, "message", gc.reborrow()).unwrap_or_default();
        exception.stack = read(agent, value, "stack", gc.reborrow()).unwrap_or_default();
    } else {
        exception.message = match to_string(agent, value, gc.reborrow()) {
            Ok(s) => agent.string_lossy(s.unbind()).into_owned(),
            Err(_) => String::new(),
        };
    }
    agent.take_exception();
    exception
}

/// A module that could not be parsed or loaded, as an exception.
fn load_exception(
    phase: ExceptionPhase,
    error: &crate::ecmascript::modules::LoadError,
) -> JsException {
    let message = error
        .message
        .strip_prefix("SyntaxError: ")
        .unwrap_or(&error.message);
    JsException {
        phase,
        name: format!("{:?}", error.kind),
        message: message.to_owned(),
        stack: String::new(),
    }
}
