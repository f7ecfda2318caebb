//! The driver: hands jobs to a pool of worker processes and collects their results.
//!
//! Each worker slot is a thread that owns one worker process and feeds it one job at a time.
//! A worker that dies (abort, stack overflow, out of memory) costs only the mode it was running,
//! recorded as `crash`; a mode that runs past the time limit gets its worker killed and is
//! recorded as `timeout`. Either way the slot starts a fresh worker for its next job.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::protocol::{Job, Reply, decode_reply, encode_job};
use crate::results::{ModeResult, Results, Status, TestResult, short_reason};

/// How to start a worker process.
#[derive(Clone, Debug)]
pub struct WorkerCommand {
    /// The executable.
    pub program: PathBuf,
    /// Its arguments.
    pub args: Vec<String>,
    /// Extra environment variables.
    pub env: Vec<(String, String)>,
}

/// How the driver runs jobs.
#[derive(Clone, Debug)]
pub struct Config {
    /// Worker processes run in parallel.
    pub workers: usize,
    /// Time limit of one mode of one test.
    pub timeout: Duration,
    /// How to start a worker.
    pub command: WorkerCommand,
}

/// Runs every job on the worker pool, calling `on_result` on this thread as each test finishes.
/// Fails only if a worker process cannot be started at all.
pub fn run(
    jobs: &[Job],
    config: &Config,
    mut on_result: impl FnMut(&str, &TestResult),
) -> std::io::Result<Results> {
    let slots = config.workers.clamp(1, jobs.len().max(1));
    let queue = Mutex::new(jobs.iter());
    let stop = AtomicBool::new(false);
    let (sender, receiver) = mpsc::channel();
    let mut results = Results::new();
    let mut failure = None;
    std::thread::scope(|scope| {
        for _ in 0..slots {
            let sender = sender.clone();
            let (queue, stop) = (&queue, &stop);
            scope.spawn(move || {
                let mut slot = Slot {
                    config,
                    worker: None,
                };
                while !stop.load(Ordering::Relaxed) {
                    let Some(job) = queue.lock().expect("job queue").next() else {
                        break;
                    };
                    if sender.send(slot.run(job)).is_err() {
                        break;
                    }
                }
                slot.shut_down();
            });
        }
        drop(sender);
        for message in receiver {
            match message {
                Ok((path, result)) => {
                    on_result(&path, &result);
                    results.insert(path, result);
                }
                Err(e) => {
                    stop.store(true, Ordering::Relaxed);
                    failure.get_or_insert(e);
                }
            }
        }
    });
    match failure {
        Some(e) => Err(e),
        None => Ok(results),
    }
}

/// What a worker's stdout reader reports.
enum Event {
    /// A reply line.
    Reply(Reply),
    /// A tagged line that is not a valid reply.
    Garbled(String),
}

/// A running worker process.
struct Worker {
    child: Child,
    stdin: ChildStdin,
    /// Replies from the stdout reader thread; disconnected once stdout closes.
    events: Receiver<Event>,
    /// The last lines the worker wrote to stderr since its current job started.
    stderr_tail: Arc<Mutex<VecDeque<String>>>,
    stderr_reader: JoinHandle<()>,
}

/// How long a worker may take to exit once its output has ended or its input is closed.
const BURY_GRACE: Duration = Duration::from_secs(2);

/// Calls `f` on each line of `reader` (invalid UTF-8 replaced) until it returns `false` or the
/// input ends.
fn for_each_line(reader: impl std::io::Read, mut f: impl FnMut(&str) -> bool) {
    let mut reader = BufReader::new(reader);
    let mut buffer = Vec::new();
    loop {
        buffer.clear();
        match reader.read_until(b'\n', &mut buffer) {
            Ok(0) | Err(_) => return,
            Ok(_) => {
                let line = String::from_utf8_lossy(&buffer);
                if !f(line.trim_end_matches(['\n', '\r'])) {
                    return;
                }
            }
        }
    }
}

/// Lines of a worker's stderr kept for the crash reason.
const STDERR_TAIL_LINES: usize = 8;

impl Worker {
    fn spawn(command: &WorkerCommand) -> std::io::Result<Worker> {
        let mut child = Command::new(&command.program)
            .args(&command.args)
            // A backtrace on abort would take long to print and bury the cause in the tail.
            .env("RUST_BACKTRACE", "0")
            .envs(command.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| {
                std::io::Error::new(
                    e.kind(),
                    format!("cannot start worker {}: {e}", command.program.display()),
                )
            })?;
        let stdin = child.stdin.take().expect("piped stdin");
        let stdout = child.stdout.take().expect("piped stdout");
        let stderr = child.stderr.take().expect("piped stderr");
        let (sender, events) = mpsc::channel();
        std::thread::spawn(move || {
            for_each_line(stdout, |line| {
                let event = match decode_reply(line) {
                    None => return true,
                    Some(Ok(reply)) => Event::Reply(reply),
                    Some(Err(e)) => Event::Garbled(e),
                };
                sender.send(event).is_ok()
            })
        });
        let stderr_tail = Arc::new(Mutex::new(VecDeque::new()));
        let tail = stderr_tail.clone();
        let stderr_reader = std::thread::spawn(move || {
            for_each_line(stderr, |line| {
                let mut tail = tail.lock().expect("stderr tail");
                if tail.len() == STDERR_TAIL_LINES {
                    tail.pop_front();
                }
                tail.push_back(line.to_string());
                true
            })
        });
        Ok(Worker {
            child,
            stdin,
            events,
            stderr_tail,
            stderr_reader,
        })
    }

    fn send(&mut self, job: &Job) -> std::io::Result<()> {
        self.stderr_tail.lock().expect("stderr tail").clear();
        self.stdin.write_all(encode_job(job).as_bytes())?;
        self.stdin.flush()
    }

    /// Waits for the (dying) worker to exit and says how it ended.
    fn bury(mut self) -> String {
        drop(self.stdin);
        let deadline = Instant::now() + BURY_GRACE;
        let status = loop {
            match self.child.try_wait() {
                Ok(Some(status)) => break Ok(status),
                Ok(None) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Ok(None) => {
                    let _ = self.child.kill();
                    let _ = self.child.wait();
                    return "worker closed its output but kept running".to_string();
                }
                Err(e) => break Err(e),
            }
        };
        let _ = self.stderr_reader.join();
        let tail = self.stderr_tail.lock().expect("stderr tail");
        let last: Vec<String> = tail
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty() && !l.starts_with("note: "))
            .map(without_numbers_in_parentheses)
            .collect();
        let how = match status {
            Ok(status) => describe_exit(status),
            Err(e) => format!("could not be waited for ({e})"),
        };
        let reason = match last.len() {
            0 => format!("worker died: {how}"),
            n => format!(
                "worker died: {how}: {}",
                last[n.saturating_sub(2)..].join(" / ")
            ),
        };
        short_reason(&reason)
    }

    fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Drops `(1234)` groups (thread ids, which change from run to run) so reasons stay stable.
fn without_numbers_in_parentheses(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find(" (") {
        let after = &rest[open + 2..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        out.push_str(&rest[..open]);
        if digits > 0 && after[digits..].starts_with(')') {
            rest = &after[digits + 1..];
        } else {
            out.push_str(" (");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Says how a process ended: its exit code or the signal that killed it.
fn describe_exit(status: ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            let name = match signal {
                libc::SIGABRT => "SIGABRT",
                libc::SIGSEGV => "SIGSEGV",
                libc::SIGBUS => "SIGBUS",
                libc::SIGILL => "SIGILL",
                libc::SIGFPE => "SIGFPE",
                libc::SIGKILL => "SIGKILL",
                _ => return format!("killed by signal {signal}"),
            };
            return format!("killed by {name}");
        }
    }
    match status.code() {
        Some(code) => format!("exited with code {code}"),
        None => "ended without an exit code".to_string(),
    }
}

/// One worker slot: runs jobs one at a time, restarting its worker when it dies.
struct Slot<'c> {
    config: &'c Config,
    worker: Option<Worker>,
}

impl Slot<'_> {
    fn run(&mut self, job: &Job) -> std::io::Result<(String, TestResult)> {
        let worker = self.start(job)?;
        let mut modes = Vec::with_capacity(job.modes.len());
        for &mode in &job.modes {
            let started = Instant::now();
            let (status, reason) = match worker.events.recv_timeout(self.config.timeout) {
                Ok(Event::Reply(reply)) if reply.id == job.id && reply.result.mode == mode => {
                    modes.push(reply.result);
                    continue;
                }
                Ok(Event::Reply(reply)) => {
                    worker.kill();
                    let got = format!("job {} mode {}", reply.id, reply.result.mode.name());
                    (Status::Crash, format!("protocol error: got {got}"))
                }
                Ok(Event::Garbled(error)) => {
                    worker.kill();
                    (Status::Crash, format!("protocol error: {error}"))
                }
                Err(RecvTimeoutError::Disconnected) => (Status::Crash, worker.bury()),
                Err(RecvTimeoutError::Timeout) => {
                    worker.kill();
                    let limit = self.config.timeout.as_secs_f64();
                    (Status::Timeout, format!("timed out after {limit} s"))
                }
            };
            // The worker is gone: the test ends with this mode.
            modes.push(ModeResult {
                mode,
                status,
                reason: Some(reason),
                ms: started.elapsed().as_millis() as u64,
            });
            return Ok((job.path.clone(), TestResult::from_modes(modes)));
        }
        self.worker = Some(worker);
        Ok((job.path.clone(), TestResult::from_modes(modes)))
    }

    /// A worker that has accepted `job`, starting a new one if there is none or the current
    /// one died between jobs.
    fn start(&mut self, job: &Job) -> std::io::Result<Worker> {
        if let Some(mut worker) = self.worker.take() {
            if worker.send(job).is_ok() {
                return Ok(worker);
            }
            worker.bury();
        }
        let mut worker = Worker::spawn(&self.config.command)?;
        worker.send(job)?;
        Ok(worker)
    }

    fn shut_down(&mut self) {
        if let Some(worker) = self.worker.take() {
            worker.bury();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::Mode;
    use crate::runner::fake::FakeEngine;
    use crate::suite::Suite;
    use crate::testutil::TempDir;

    /// Environment variable that turns [`fake_worker_entry`] into a worker serving that suite.
    const FAKE_WORKER_SUITE: &str = "NOVA_TEST262_FAKE_WORKER_SUITE";

    /// Not a test: the entry point of fake workers. The driver tests start this test binary again,
    /// running only this function with the environment variable set, to get a worker process
    /// that runs the fake engine.
    #[test]
    fn fake_worker_entry() {
        let Ok(suite) = std::env::var(FAKE_WORKER_SUITE) else {
            return;
        };
        let suite = Suite::at(std::path::Path::new(&suite)).expect("fake suite");
        let result = crate::worker::run(FakeEngine::default(), suite, 0);
        std::process::exit(if result.is_ok() { 0 } else { 3 });
    }

    fn fake_config(suite: &TempDir, workers: usize, timeout: Duration) -> Config {
        Config {
            workers,
            timeout,
            command: WorkerCommand {
                program: std::env::current_exe().unwrap(),
                args: ["driver::tests::fake_worker_entry", "--exact", "--nocapture"]
                    .map(String::from)
                    .to_vec(),
                env: vec![(
                    FAKE_WORKER_SUITE.to_string(),
                    suite.path().to_string_lossy().into_owned(),
                )],
            },
        }
    }

    fn job(id: u64, path: &str, modes: &[Mode]) -> Job {
        Job {
            id,
            path: path.to_string(),
            modes: modes.to_vec(),
            includes: Vec::new(),
            negative: None,
            is_async: false,
        }
    }

    #[test]
    fn crashes_and_timeouts_cost_one_test_each() {
        let suite = TempDir::new("t262-driver");
        suite.write("harness/assert.js", "");
        let tests = [
            ("pass.js", "fine"),
            ("panic.js", "fake:panic boom"),
            ("after-panic.js", "fine"),
            ("abort.js", "fake:abort"),
            ("after-abort.js", "fine"),
            ("hang.js", "fake:hang"),
            ("after-hang.js", "fine"),
            ("strict.js", "fake:strict-throw runtime Test262Error s"),
        ];
        let mut jobs = Vec::new();
        for (i, (name, source)) in tests.iter().enumerate() {
            suite.write(&format!("test/{name}"), source);
            jobs.push(job(i as u64, name, &[Mode::Sloppy, Mode::Strict]));
        }
        let config = fake_config(&suite, 2, Duration::from_millis(1500));
        let mut seen = Vec::new();
        let results = run(&jobs, &config, |path, _| seen.push(path.to_string())).unwrap();
        seen.sort();
        assert_eq!(seen, results.keys().cloned().collect::<Vec<_>>());
        let status = |path: &str| results[path].status;
        for fine in [
            "pass.js",
            "after-panic.js",
            "after-abort.js",
            "after-hang.js",
        ] {
            assert_eq!(status(fine), Status::Pass, "{fine}");
        }
        assert_eq!(status("panic.js"), Status::Crash);
        assert_eq!(status("abort.js"), Status::Crash);
        assert_eq!(status("hang.js"), Status::Timeout);
        assert_eq!(status("strict.js"), Status::Fail);
        let panic = results["panic.js"].reason.as_deref().unwrap();
        assert!(
            panic.contains("engine panicked at") && panic.contains("boom"),
            "{panic}"
        );
        #[cfg(unix)]
        {
            let abort = results["abort.js"].reason.as_deref().unwrap();
            assert!(abort.contains("SIGABRT"), "{abort}");
        }
        let hang = results["hang.js"].reason.as_deref().unwrap();
        assert_eq!(hang, "[sloppy] timed out after 1.5 s");
    }

    #[test]
    fn modes_are_combined_and_the_failing_one_named() {
        let suite = TempDir::new("t262-driver-modes");
        suite.write("harness/assert.js", "");
        suite.write("test/a.js", "fake:strict-throw runtime Test262Error s");
        suite.write("test/b.js", "fake:abort");
        let jobs = vec![
            job(0, "a.js", &[Mode::Sloppy, Mode::Strict]),
            job(1, "b.js", &[Mode::Sloppy, Mode::Strict]),
        ];
        let config = fake_config(&suite, 1, Duration::from_secs(20));
        let results = run(&jobs, &config, |_, _| {}).unwrap();
        let a = &results["a.js"];
        assert_eq!(a.modes.len(), 2);
        assert_eq!(a.modes[0].status, Status::Pass);
        assert_eq!(a.reason.as_deref(), Some("[strict] Test262Error: s"));
        let b = &results["b.js"];
        assert_eq!(b.status, Status::Crash);
        assert_eq!(b.modes.len(), 1, "a dead worker ends the test");
        assert!(
            b.reason
                .as_deref()
                .unwrap()
                .starts_with("[sloppy] worker died")
        );
    }

    #[test]
    fn thread_ids_are_dropped_from_crash_reasons() {
        assert_eq!(
            without_numbers_in_parentheses("thread 'w' (11641) has overflowed its stack (x) (7"),
            "thread 'w' has overflowed its stack (x) (7"
        );
    }

    #[test]
    fn a_worker_that_cannot_start_fails_the_run() {
        let suite = TempDir::new("t262-driver-missing");
        let mut config = fake_config(&suite, 2, Duration::from_secs(1));
        config.command.program = suite.path().join("no-such-binary");
        let jobs = vec![job(0, "a.js", &[Mode::Sloppy])];
        let error = run(&jobs, &config, |_, _| {}).unwrap_err();
        assert!(error.to_string().contains("cannot start worker"));
    }
}
