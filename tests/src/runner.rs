//! Running one mode of one test against an engine, engine-independently: harness includes, the
//! strict-mode prefix, module evaluation, the job queue, negative-test matching and the `async`
//! print protocol. The engine is reached only through the [`Engine`] and [`Instance`] traits
//! (`engine.rs` implements them for nova).

use std::cell::Cell;
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::Instant;

use test262_harness::{Negative, Phase};

use crate::metadata::{Mode, STRICT_PREFIX};
use crate::protocol::Job;
use crate::results::{ModeResult, Status, short_reason};

/// When an uncaught exception happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorPhase {
    /// Parsing or early errors.
    Parse,
    /// Module linking.
    Resolution,
    /// Evaluation (including promise jobs).
    Runtime,
}

/// An uncaught exception, as the engine reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct Exception {
    /// When it happened.
    pub phase: ErrorPhase,
    /// The constructor name of the thrown value (`"SyntaxError"`); empty for non-objects.
    pub name: String,
    /// Its message.
    pub message: String,
}

impl Exception {
    fn describe(&self) -> String {
        let name = if self.name.is_empty() {
            "uncaught non-object"
        } else {
            &self.name
        };
        let phase = match self.phase {
            ErrorPhase::Parse => " (parse)",
            ErrorPhase::Resolution => " (resolution)",
            ErrorPhase::Runtime => "",
        };
        if self.message.is_empty() {
            format!("{name}{phase}")
        } else {
            format!("{name}{phase}: {}", self.message)
        }
    }
}

/// A JavaScript engine able to create fresh test realms.
pub trait Engine {
    /// One agent with one realm.
    type Instance: Instance;
    /// A fresh instance with test262's host-defined `$262` and `print` installed.
    fn instantiate(&self) -> Self::Instance;
}

/// One engine instance: runs the sources of one test.
pub trait Instance {
    /// Parses and evaluates a classic script.
    fn run_script(&mut self, source: &str, name: &str) -> Result<(), Exception>;
    /// Parses, links and evaluates a module file; its imports resolve relative to `path`.
    fn run_module(&mut self, source: &str, path: &Path) -> Result<(), Exception>;
    /// Runs queued promise jobs until the queue is empty.
    fn run_jobs(&mut self) -> Result<(), Exception>;
    /// Lines printed by `print` since the last call.
    fn take_output(&mut self) -> Vec<String>;
}

/// What `print` says when an async test completes.
const ASYNC_COMPLETE: &str = "Test262:AsyncTestComplete";
/// The prefix of what `print` says when an async test fails.
const ASYNC_FAILURE: &str = "Test262:AsyncTestFailure:";

/// The harness files of a suite, each read from disk once and kept.
pub struct Includes {
    dir: PathBuf,
    files: HashMap<String, Result<String, String>>,
}

impl Includes {
    /// A cache over the suite's `harness/` directory.
    pub fn new(harness_dir: PathBuf) -> Includes {
        Includes {
            dir: harness_dir,
            files: HashMap::new(),
        }
    }

    fn get(&mut self, name: &str) -> Result<&str, String> {
        let dir = &self.dir;
        let file = self.files.entry(name.to_string()).or_insert_with(|| {
            std::fs::read_to_string(dir.join(name))
                .map_err(|e| format!("cannot read harness/{name}: {e}"))
        });
        file.as_deref().map_err(Clone::clone)
    }
}

/// Runs every mode of `job` (whose file is `file`, holding `source`), calling `report` after each.
pub fn run_job<E: Engine>(
    engine: &E,
    includes: &mut Includes,
    job: &Job,
    file: &Path,
    source: &str,
    mut report: impl FnMut(ModeResult),
) {
    for &mode in &job.modes {
        let started = Instant::now();
        let caught = catch_unwind(AssertUnwindSafe(|| {
            run_mode(engine, includes, job, mode, file, source)
        }));
        let (status, reason) = match caught {
            Ok(Ok(())) => (Status::Pass, None),
            Ok(Err(reason)) => (Status::Fail, Some(reason)),
            Err(payload) => (Status::Crash, Some(panic_message(payload.as_ref()))),
        };
        report(ModeResult {
            mode,
            status,
            reason: reason.map(|r| short_reason(&r)),
            ms: started.elapsed().as_millis() as u64,
        });
    }
}

thread_local! {
    /// Where the last panic on this thread happened, as recorded by [`install_panic_hook`].
    static PANIC_LOCATION: Cell<Option<String>> = const { Cell::new(None) };
}

/// Replaces the panic hook: a panic prints one line to stderr and its location is kept for the
/// crash reason. (The default hook's multi-line report would be noise for caught panics.)
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()));
        eprintln!(
            "panic at {}: {}",
            location.as_deref().unwrap_or("unknown location"),
            payload_text(info.payload())
        );
        PANIC_LOCATION.set(location);
    }));
}

fn payload_text(payload: &(dyn std::any::Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(non-string payload)")
}

/// The message of a caught panic, with its location when the hook recorded one.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let text = payload_text(payload);
    match PANIC_LOCATION.take() {
        Some(location) => format!("engine panicked at {location}: {text}"),
        None => format!("engine panicked: {text}"),
    }
}

/// Runs one mode in a fresh instance: `Ok` when the test passes, else why it failed.
fn run_mode<E: Engine>(
    engine: &E,
    includes: &mut Includes,
    job: &Job,
    mode: Mode,
    file: &Path,
    source: &str,
) -> Result<(), String> {
    let mut instance = engine.instantiate();
    for name in &job.includes {
        let include = includes.get(name)?;
        instance
            .run_script(include, &format!("harness/{name}"))
            .map_err(|e| format!("harness/{name} threw {}", e.describe()))?;
    }
    let name = file.to_string_lossy();
    let completion = match mode {
        Mode::Sloppy => instance.run_script(source, &name),
        Mode::Strict => instance.run_script(&format!("{STRICT_PREFIX}{source}"), &name),
        Mode::Module => instance.run_module(source, file),
    }
    .and_then(|()| instance.run_jobs());
    let output = instance.take_output();
    drop(instance);
    judge(job.negative.as_ref(), job.is_async, completion, &output)
}

/// Decides the outcome of a finished run from its completion and what it printed.
fn judge(
    negative: Option<&Negative>,
    is_async: bool,
    completion: Result<(), Exception>,
    output: &[String],
) -> Result<(), String> {
    if let Some(expected) = negative {
        let wanted = format!(
            "{} {}",
            phase_name(expected.phase),
            expected.kind.as_deref().unwrap_or("error")
        );
        return match completion {
            Ok(()) => Err(format!("expected {wanted}, but nothing was thrown")),
            Err(e) if negative_matches(expected, &e) => Ok(()),
            Err(e) => Err(format!("expected {wanted}, got {}", e.describe())),
        };
    }
    completion.map_err(|e| e.describe())?;
    if is_async {
        return async_outcome(output);
    }
    Ok(())
}

/// Whether an exception is the one a negative test expects: same phase, same constructor name.
fn negative_matches(expected: &Negative, exception: &Exception) -> bool {
    let phase_matches = match expected.phase {
        Phase::Parse | Phase::Early => exception.phase == ErrorPhase::Parse,
        Phase::Resolution => exception.phase == ErrorPhase::Resolution,
        Phase::Runtime => exception.phase == ErrorPhase::Runtime,
    };
    phase_matches
        && expected
            .kind
            .as_deref()
            .is_none_or(|kind| kind == exception.name)
}

fn phase_name(phase: Phase) -> &'static str {
    match phase {
        Phase::Parse | Phase::Early => "parse",
        Phase::Resolution => "resolution",
        Phase::Runtime => "runtime",
    }
}

/// The outcome of an `async` test from its printed lines: the first completion line decides.
fn async_outcome(output: &[String]) -> Result<(), String> {
    for line in output {
        if line == ASYNC_COMPLETE {
            return Ok(());
        }
        if let Some(reason) = line.strip_prefix(ASYNC_FAILURE) {
            return Err(format!("async failure: {}", reason.trim()));
        }
    }
    Err(format!(
        "async test finished without printing {ASYNC_COMPLETE}"
    ))
}

#[cfg(test)]
pub mod fake {
    //! A test double engine. Its "JavaScript" is one directive per line, anywhere in a source:
    //!
    //! - `fake:throw <parse|resolution|runtime> <Name> <message>`: the source throws;
    //! - `fake:strict-throw ...`: the same, only when the source starts with the strict prefix;
    //! - `fake:job-throw <Name> <message>`: `run_jobs` throws that runtime error;
    //! - `fake:print <line>`: printed during `run_jobs`;
    //! - `fake:panic <message>` panics, `fake:abort` aborts the process, `fake:hang` never returns.
    //!
    //! Every script and module name run is appended to the engine's log.

    use std::path::Path;
    use std::sync::{Arc, Mutex};

    use super::*;

    /// The fake engine.
    #[derive(Default)]
    pub struct FakeEngine {
        /// Names of every source run, in order, over all instances.
        pub log: Arc<Mutex<Vec<String>>>,
    }

    /// One fake instance.
    pub struct FakeInstance {
        log: Arc<Mutex<Vec<String>>>,
        pending_prints: Vec<String>,
        pending_throw: Option<Exception>,
        output: Vec<String>,
    }

    impl Engine for FakeEngine {
        type Instance = FakeInstance;
        fn instantiate(&self) -> FakeInstance {
            FakeInstance {
                log: self.log.clone(),
                pending_prints: Vec::new(),
                pending_throw: None,
                output: Vec::new(),
            }
        }
    }

    fn parse_phase(word: &str) -> ErrorPhase {
        match word {
            "parse" => ErrorPhase::Parse,
            "resolution" => ErrorPhase::Resolution,
            _ => ErrorPhase::Runtime,
        }
    }

    fn exception(phase: ErrorPhase, rest: &str) -> Exception {
        let (name, message) = rest.split_once(' ').unwrap_or((rest, ""));
        Exception {
            phase,
            name: name.to_string(),
            message: message.to_string(),
        }
    }

    impl FakeInstance {
        fn eval(&mut self, source: &str, name: &str) -> Result<(), Exception> {
            self.log.lock().unwrap().push(name.to_string());
            let strict = source.starts_with(STRICT_PREFIX);
            for line in source.lines().map(str::trim) {
                let Some(directive) = line.strip_prefix("fake:") else {
                    continue;
                };
                let (verb, rest) = directive.split_once(' ').unwrap_or((directive, ""));
                match verb {
                    "throw" | "strict-throw" if verb == "throw" || strict => {
                        let (phase, rest) = rest.split_once(' ').unwrap_or((rest, ""));
                        return Err(exception(parse_phase(phase), rest));
                    }
                    "job-throw" => {
                        self.pending_throw = Some(exception(ErrorPhase::Runtime, rest));
                    }
                    "print" => self.pending_prints.push(rest.to_string()),
                    "panic" => panic!("{rest}"),
                    "abort" => std::process::abort(),
                    "hang" => loop {
                        std::thread::sleep(std::time::Duration::from_secs(1));
                    },
                    _ => {}
                }
            }
            Ok(())
        }
    }

    impl Instance for FakeInstance {
        fn run_script(&mut self, source: &str, name: &str) -> Result<(), Exception> {
            self.eval(source, name)
        }
        fn run_module(&mut self, source: &str, path: &Path) -> Result<(), Exception> {
            self.eval(source, &format!("module:{}", path.display()))
        }
        fn run_jobs(&mut self) -> Result<(), Exception> {
            self.output.append(&mut self.pending_prints);
            self.pending_throw.take().map_or(Ok(()), Err)
        }
        fn take_output(&mut self) -> Vec<String> {
            std::mem::take(&mut self.output)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fake::FakeEngine;
    use super::*;
    use crate::testutil::TempDir;

    fn harness() -> TempDir {
        let dir = TempDir::new("t262-runner");
        for name in ["assert.js", "sta.js", "doneprintHandle.js"] {
            dir.write(name, &format!("// {name}\n"));
        }
        dir.write("broken.js", "fake:throw runtime TypeError bad\n");
        dir
    }

    fn job(modes: &[Mode], includes: &[&str], negative: Option<(Phase, &str)>) -> Job {
        Job {
            id: 1,
            path: "x.js".into(),
            modes: modes.to_vec(),
            includes: includes.iter().map(|s| s.to_string()).collect(),
            negative: negative.map(|(phase, kind)| Negative {
                phase,
                kind: Some(kind.to_string()),
            }),
            is_async: false,
        }
    }

    fn run(engine: &FakeEngine, job: &Job, source: &str) -> Vec<ModeResult> {
        let harness = harness();
        let mut includes = Includes::new(harness.path().to_path_buf());
        let mut results = Vec::new();
        run_job(
            engine,
            &mut includes,
            job,
            Path::new("/suite/test/x.js"),
            source,
            |r| results.push(r),
        );
        results
    }

    fn statuses(results: &[ModeResult]) -> Vec<(Mode, Status)> {
        results.iter().map(|r| (r.mode, r.status)).collect()
    }

    #[test]
    fn includes_run_in_order_before_the_test_in_every_mode() {
        let engine = FakeEngine::default();
        let job = job(
            &[Mode::Sloppy, Mode::Strict],
            &["assert.js", "sta.js"],
            None,
        );
        let results = run(&engine, &job, "ok();");
        assert_eq!(
            statuses(&results),
            [(Mode::Sloppy, Status::Pass), (Mode::Strict, Status::Pass)]
        );
        let log = engine.log.lock().unwrap().clone();
        assert_eq!(
            log,
            [
                "harness/assert.js",
                "harness/sta.js",
                "/suite/test/x.js",
                "harness/assert.js",
                "harness/sta.js",
                "/suite/test/x.js"
            ]
        );
    }

    #[test]
    fn only_strict_mode_gets_the_prefix() {
        let engine = FakeEngine::default();
        let job = job(&[Mode::Sloppy, Mode::Strict], &[], None);
        let results = run(&engine, &job, "fake:strict-throw runtime Test262Error boom");
        assert_eq!(
            statuses(&results),
            [(Mode::Sloppy, Status::Pass), (Mode::Strict, Status::Fail)]
        );
        assert_eq!(results[1].reason.as_deref(), Some("Test262Error: boom"));
    }

    #[test]
    fn modules_are_run_as_modules() {
        let engine = FakeEngine::default();
        let results = run(&engine, &job(&[Mode::Module], &[], None), "export {};");
        assert_eq!(statuses(&results), [(Mode::Module, Status::Pass)]);
        assert_eq!(
            engine.log.lock().unwrap().as_slice(),
            ["module:/suite/test/x.js"]
        );
    }

    #[test]
    fn a_throwing_include_or_a_missing_one_fails_the_test() {
        let engine = FakeEngine::default();
        let results = run(&engine, &job(&[Mode::Sloppy], &["broken.js"], None), "");
        assert_eq!(
            results[0].reason.as_deref(),
            Some("harness/broken.js threw TypeError: bad")
        );
        let results = run(&engine, &job(&[Mode::Sloppy], &["missing.js"], None), "");
        assert_eq!(results[0].status, Status::Fail);
        assert!(
            results[0]
                .reason
                .as_ref()
                .unwrap()
                .contains("harness/missing.js")
        );
    }

    #[test]
    fn negative_tests_need_the_right_phase_and_constructor() {
        let engine = FakeEngine::default();
        let parse = job(&[Mode::Sloppy], &[], Some((Phase::Parse, "SyntaxError")));
        let cases = [
            ("fake:throw parse SyntaxError x", Status::Pass),
            ("fake:throw runtime SyntaxError x", Status::Fail),
            ("fake:throw parse ReferenceError x", Status::Fail),
            ("nothing thrown", Status::Fail),
        ];
        for (source, expected) in cases {
            assert_eq!(run(&engine, &parse, source)[0].status, expected, "{source}");
        }
        let results = run(&engine, &parse, "fake:throw runtime Test262Error x");
        assert_eq!(
            results[0].reason.as_deref(),
            Some("expected parse SyntaxError, got Test262Error: x")
        );

        let early = job(&[Mode::Sloppy], &[], Some((Phase::Early, "SyntaxError")));
        assert_eq!(
            run(&engine, &early, "fake:throw parse SyntaxError")[0].status,
            Status::Pass
        );

        let resolution = job(
            &[Mode::Module],
            &[],
            Some((Phase::Resolution, "SyntaxError")),
        );
        let cases = [
            ("fake:throw resolution SyntaxError", Status::Pass),
            ("fake:throw parse SyntaxError", Status::Fail),
        ];
        for (source, expected) in cases {
            assert_eq!(
                run(&engine, &resolution, source)[0].status,
                expected,
                "{source}"
            );
        }

        let runtime = job(&[Mode::Sloppy], &[], Some((Phase::Runtime, "TypeError")));
        let cases = [
            ("fake:throw runtime TypeError", Status::Pass),
            ("fake:job-throw TypeError from a job", Status::Pass),
            ("fake:throw parse TypeError", Status::Fail),
            ("fake:throw runtime RangeError", Status::Fail),
        ];
        for (source, expected) in cases {
            assert_eq!(
                run(&engine, &runtime, source)[0].status,
                expected,
                "{source}"
            );
        }

        let mut any_kind = job(&[Mode::Sloppy], &[], Some((Phase::Runtime, "")));
        any_kind.negative.as_mut().unwrap().kind = None;
        assert_eq!(
            run(&engine, &any_kind, "fake:throw runtime Whatever")[0].status,
            Status::Pass
        );
    }

    #[test]
    fn uncaught_errors_fail_positive_tests() {
        let engine = FakeEngine::default();
        let plain = job(&[Mode::Sloppy], &[], None);
        let results = run(&engine, &plain, "fake:job-throw Test262Error in a job");
        assert_eq!(results[0].status, Status::Fail);
        assert_eq!(results[0].reason.as_deref(), Some("Test262Error: in a job"));
        let results = run(&engine, &plain, "fake:throw parse SyntaxError bad token");
        assert_eq!(
            results[0].reason.as_deref(),
            Some("SyntaxError (parse): bad token")
        );
    }

    #[test]
    fn async_tests_complete_through_print() {
        let engine = FakeEngine::default();
        let mut async_job = job(&[Mode::Sloppy], &[], None);
        async_job.is_async = true;
        let cases = [
            ("fake:print Test262:AsyncTestComplete", Status::Pass, None),
            (
                "fake:print Test262:AsyncTestFailure:Test262Error: no",
                Status::Fail,
                Some("async failure: Test262Error: no"),
            ),
            (
                "fake:print other",
                Status::Fail,
                Some("async test finished without printing Test262:AsyncTestComplete"),
            ),
        ];
        for (source, status, reason) in cases {
            let results = run(&engine, &async_job, source);
            assert_eq!(results[0].status, status, "{source}");
            assert_eq!(results[0].reason.as_deref(), reason, "{source}");
        }
        let sync_job = job(&[Mode::Sloppy], &[], None);
        assert_eq!(
            run(&engine, &sync_job, "fake:print other")[0].status,
            Status::Pass
        );
    }

    #[test]
    fn engine_panics_are_crashes_and_later_modes_still_run() {
        let engine = FakeEngine::default();
        let job = job(&[Mode::Sloppy, Mode::Strict], &[], None);
        let results = run(&engine, &job, "fake:panic index out of bounds");
        assert_eq!(
            statuses(&results),
            [(Mode::Sloppy, Status::Crash), (Mode::Strict, Status::Crash)]
        );
        assert_eq!(
            results[0].reason.as_deref(),
            Some("engine panicked: index out of bounds")
        );
    }
}
