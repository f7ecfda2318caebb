//! The worker process: reads jobs from stdin, runs each mode in a fresh engine instance and
//! writes one reply line per mode to stdout (see `protocol.rs`). The driver restarts a worker
//! that dies, so a test that aborts the process costs one test, not the run.

use std::io::{BufRead, Write};

use crate::protocol::{Reply, decode_job, encode_reply};
use crate::results::{ModeResult, Status};
use crate::runner::{Engine, Includes, install_panic_hook, run_job};
use crate::suite::Suite;

/// Stack size of the thread that runs tests: deep (but finite) native recursion in the engine,
/// e.g. in the parser, should reach the engine's own limits before the guard page.
const STACK_BYTES: usize = 256 << 20;

/// Runs the worker mode until stdin closes: sets up the process (panic hook, memory limit) and
/// serves jobs on a thread with a large stack.
pub fn run<E: Engine + Send + 'static>(
    engine: E,
    suite: Suite,
    memory_limit_mib: u64,
) -> std::io::Result<()> {
    install_panic_hook();
    limit_memory(memory_limit_mib)?;
    let thread = std::thread::Builder::new()
        .name("test262-worker".into())
        .stack_size(STACK_BYTES)
        .spawn(move || {
            let stdin = std::io::stdin();
            let stdout = std::io::stdout();
            serve(&engine, &suite, stdin.lock(), stdout.lock())
        })?;
    thread
        .join()
        .unwrap_or_else(|_| Err(std::io::Error::other("the worker thread panicked")))
}

/// Serves the jobs of `input` until it ends, writing replies to `output`.
pub fn serve<E: Engine>(
    engine: &E,
    suite: &Suite,
    input: impl BufRead,
    mut output: impl Write,
) -> std::io::Result<()> {
    let mut includes = Includes::new(suite.harness_dir());
    let test_dir = suite.test_dir();
    for line in input.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let job = decode_job(&line).map_err(std::io::Error::other)?;
        let file = test_dir.join(&job.path);
        let mut write_result = Ok(());
        let mut reply = |result: ModeResult| {
            if write_result.is_ok() {
                let line = encode_reply(&Reply { id: job.id, result });
                write_result = output
                    .write_all(line.as_bytes())
                    .and_then(|()| output.flush());
            }
        };
        match std::fs::read_to_string(&file) {
            Ok(source) => run_job(engine, &mut includes, &job, &file, &source, &mut reply),
            Err(e) => {
                for &mode in &job.modes {
                    reply(ModeResult {
                        mode,
                        status: Status::Fail,
                        reason: Some(format!("cannot read {}: {e}", file.display())),
                        ms: 0,
                    });
                }
            }
        }
        write_result?;
    }
    Ok(())
}

/// Caps the worker's address space so that a runaway allocation fails (and the worker dies
/// alone) instead of exhausting the machine. Zero means no limit.
#[cfg(unix)]
fn limit_memory(mib: u64) -> std::io::Result<()> {
    if mib == 0 {
        return Ok(());
    }
    let bytes = mib.saturating_mul(1 << 20) as libc::rlim_t;
    let limit = libc::rlimit {
        rlim_cur: bytes,
        rlim_max: bytes,
    };
    // SAFETY: `setrlimit` only reads the `rlimit` we pass by reference, which lives across the call.
    let status = unsafe { libc::setrlimit(libc::RLIMIT_AS, &limit) };
    if status == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Memory limits are only implemented on unix hosts.
#[cfg(not(unix))]
fn limit_memory(_mib: u64) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::Mode;
    use crate::protocol::{Job, decode_reply, encode_job};
    use crate::runner::fake::FakeEngine;
    use crate::testutil::TempDir;

    #[test]
    fn serves_every_job_and_mode_in_order() {
        let dir = TempDir::new("t262-worker");
        dir.write("harness/assert.js", "");
        dir.write("test/a.js", "fake:strict-throw runtime Test262Error no");
        dir.write("test/b.js", "fine");
        let suite = Suite::at(dir.path()).unwrap();
        let job = |id, path: &str, modes: &[Mode]| Job {
            id,
            path: path.into(),
            modes: modes.to_vec(),
            includes: vec!["assert.js".into()],
            negative: None,
            is_async: false,
        };
        let input = [
            job(1, "a.js", &[Mode::Sloppy, Mode::Strict]),
            job(2, "b.js", &[Mode::Module]),
            job(3, "missing.js", &[Mode::Strict]),
        ]
        .iter()
        .map(encode_job)
        .collect::<String>();
        let mut output = Vec::new();
        serve(
            &FakeEngine::default(),
            &suite,
            input.as_bytes(),
            &mut output,
        )
        .unwrap();
        let replies: Vec<Reply> = String::from_utf8(output)
            .unwrap()
            .lines()
            .map(|l| decode_reply(l).unwrap().unwrap())
            .collect();
        let summary: Vec<(u64, Mode, Status)> = replies
            .iter()
            .map(|r| (r.id, r.result.mode, r.result.status))
            .collect();
        assert_eq!(
            summary,
            [
                (1, Mode::Sloppy, Status::Pass),
                (1, Mode::Strict, Status::Fail),
                (2, Mode::Module, Status::Pass),
                (3, Mode::Strict, Status::Fail),
            ]
        );
        assert!(
            replies[3]
                .result
                .reason
                .as_ref()
                .unwrap()
                .contains("cannot read")
        );
    }

    #[test]
    fn a_malformed_job_stops_the_worker() {
        let dir = TempDir::new("t262-worker-bad");
        dir.write("harness/assert.js", "");
        dir.write("test/a.js", "");
        let suite = Suite::at(dir.path()).unwrap();
        let result = serve(
            &FakeEngine::default(),
            &suite,
            &b"not json\n"[..],
            Vec::new(),
        );
        assert!(result.is_err());
    }
}
