//! Test results: per mode, per test, the totals of a run, and the machine-readable results file.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::metadata::Mode;

/// The status of a mode or a test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Ran as INTERPRETING.md says it must.
    Pass,
    /// Ran to the end with the wrong result.
    Fail,
    /// The engine panicked, or its worker process died (abort, stack overflow, out of memory).
    Crash,
    /// Did not finish within the time limit.
    Timeout,
    /// Not run: the test cannot run on this host (see `skips.rs`).
    Skip,
}

impl Status {
    /// The name used in reports and files.
    pub fn name(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Crash => "crash",
            Status::Timeout => "timeout",
            Status::Skip => "skip",
        }
    }

    /// How bad the status is when a test's modes are combined: the worst mode wins.
    fn severity(self) -> u8 {
        match self {
            Status::Skip => 0,
            Status::Pass => 1,
            Status::Fail => 2,
            Status::Timeout => 3,
            Status::Crash => 4,
        }
    }
}

/// Longest reason kept, in characters.
const MAX_REASON_CHARS: usize = 200;

/// Shortens a failure message to one line of at most [`MAX_REASON_CHARS`] characters.
pub fn short_reason(message: &str) -> String {
    let line = message.lines().map(str::trim).find(|l| !l.is_empty());
    let line = line.unwrap_or("");
    match line.char_indices().nth(MAX_REASON_CHARS) {
        Some((cut, _)) => format!("{}...", &line[..cut]),
        None => line.to_string(),
    }
}

/// The result of running a test in one mode.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModeResult {
    /// The mode.
    pub mode: Mode,
    /// What happened.
    pub status: Status,
    /// Why it did not pass.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Wall-clock milliseconds.
    pub ms: u64,
}

/// The result of a test file: the combination of its modes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TestResult {
    /// The worst status of the modes (a test passes only if every mode passes).
    pub status: Status,
    /// The reason of the first mode with that status, prefixed by the mode: `[strict] ...`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Every mode that ran, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modes: Vec<ModeResult>,
}

impl TestResult {
    /// Combines the results of a test's modes.
    pub fn from_modes(modes: Vec<ModeResult>) -> TestResult {
        let worst_severity = modes.iter().map(|m| m.status.severity()).max();
        let worst = modes
            .iter()
            .find(|m| Some(m.status.severity()) == worst_severity)
            .map(|m| (m.status, m.mode, m.reason.clone()));
        match worst {
            Some((status, mode, reason)) => TestResult {
                status,
                reason: reason.map(|r| format!("[{}] {r}", mode.name())),
                modes,
            },
            None => TestResult::not_run(Status::Crash, "no mode ran"),
        }
    }

    /// A test that did not run any mode.
    pub fn not_run(status: Status, reason: &str) -> TestResult {
        TestResult {
            status,
            reason: Some(reason.to_string()),
            modes: Vec::new(),
        }
    }

    /// Total wall-clock milliseconds over the modes.
    pub fn ms(&self) -> u64 {
        self.modes.iter().map(|m| m.ms).sum()
    }
}

/// Every result of a run, by test path (relative to `test/`).
pub type Results = BTreeMap<String, TestResult>;

/// Counts of a set of results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Tests in the set, skipped ones included.
    pub total: usize,
    /// Passed.
    pub pass: usize,
    /// Failed.
    pub fail: usize,
    /// Crashed.
    pub crash: usize,
    /// Timed out.
    pub timeout: usize,
    /// Skipped.
    pub skip: usize,
}

impl Summary {
    /// Counts `statuses`.
    pub fn of<'a>(statuses: impl IntoIterator<Item = &'a Status>) -> Summary {
        let mut summary = Summary::default();
        for status in statuses {
            summary.add(*status);
        }
        summary
    }

    /// Counts one more test.
    pub fn add(&mut self, status: Status) {
        self.total += 1;
        *match status {
            Status::Pass => &mut self.pass,
            Status::Fail => &mut self.fail,
            Status::Crash => &mut self.crash,
            Status::Timeout => &mut self.timeout,
            Status::Skip => &mut self.skip,
        } += 1;
    }

    /// Tests that ran (not skipped).
    pub fn ran(&self) -> usize {
        self.total - self.skip
    }

    /// Tests that ran and did not pass.
    pub fn not_passed(&self) -> usize {
        self.fail + self.crash + self.timeout
    }

    /// Percentage of the tests that ran which passed (100 when none ran).
    pub fn pass_percent(&self) -> f64 {
        if self.ran() == 0 {
            100.0
        } else {
            self.pass as f64 * 100.0 / self.ran() as f64
        }
    }
}

/// The machine-readable results file (`--json`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunReport {
    /// The suite's root directory.
    pub suite: String,
    /// Whether the engine ran in GC-stress mode.
    pub gc_stress: bool,
    /// The counts.
    pub summary: Summary,
    /// Every test's result.
    pub tests: Results,
}

impl RunReport {
    /// Writes the report as pretty JSON, creating parent directories.
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut json = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        json.push('\n');
        std::fs::write(path, json)
    }

    /// Reads a report written by [`RunReport::write`].
    #[cfg(test)]
    pub fn read(path: &Path) -> std::io::Result<RunReport> {
        let text = std::fs::read_to_string(path)?;
        serde_json::from_str(&text).map_err(std::io::Error::other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::TempDir;

    fn mode(mode: Mode, status: Status, reason: Option<&str>) -> ModeResult {
        ModeResult {
            mode,
            status,
            reason: reason.map(String::from),
            ms: 5,
        }
    }

    #[test]
    fn a_test_passes_only_if_every_mode_passes() {
        let all_pass = TestResult::from_modes(vec![
            mode(Mode::Sloppy, Status::Pass, None),
            mode(Mode::Strict, Status::Pass, None),
        ]);
        assert_eq!(all_pass.status, Status::Pass);
        assert_eq!(all_pass.reason, None);
        assert_eq!(all_pass.ms(), 10);

        let strict_fails = TestResult::from_modes(vec![
            mode(Mode::Sloppy, Status::Pass, None),
            mode(Mode::Strict, Status::Fail, Some("Test262Error: nope")),
        ]);
        assert_eq!(strict_fails.status, Status::Fail);
        assert_eq!(
            strict_fails.reason.as_deref(),
            Some("[strict] Test262Error: nope")
        );
    }

    #[test]
    fn the_worst_mode_and_the_first_such_mode_name_the_result() {
        let r = TestResult::from_modes(vec![
            mode(Mode::Sloppy, Status::Fail, Some("a")),
            mode(Mode::Strict, Status::Crash, Some("b")),
        ]);
        assert_eq!(r.status, Status::Crash);
        assert_eq!(r.reason.as_deref(), Some("[strict] b"));
        let r = TestResult::from_modes(vec![
            mode(Mode::Sloppy, Status::Fail, Some("a")),
            mode(Mode::Strict, Status::Fail, Some("b")),
        ]);
        assert_eq!(r.reason.as_deref(), Some("[sloppy] a"));
        assert_eq!(TestResult::from_modes(vec![]).status, Status::Crash);
    }

    #[test]
    fn reasons_are_one_short_line() {
        assert_eq!(short_reason("\n  first \nsecond"), "first");
        let long = "é".repeat(500);
        let short = short_reason(&long);
        assert_eq!(short.chars().count(), MAX_REASON_CHARS + 3);
        assert!(short.ends_with("..."));
    }

    #[test]
    fn summary_counts_and_percent_exclude_skips() {
        let s = Summary::of(&[
            Status::Pass,
            Status::Pass,
            Status::Pass,
            Status::Fail,
            Status::Skip,
            Status::Crash,
            Status::Timeout,
        ]);
        assert_eq!(
            (s.total, s.pass, s.fail, s.crash, s.timeout, s.skip),
            (7, 3, 1, 1, 1, 1)
        );
        assert_eq!(s.ran(), 6);
        assert_eq!(s.not_passed(), 3);
        assert!((s.pass_percent() - 50.0).abs() < 1e-9);
        assert_eq!(Summary::default().pass_percent(), 100.0);
    }

    #[test]
    fn the_results_file_round_trips() {
        let mut tests = Results::new();
        tests.insert(
            "built-ins/Array/a.js".into(),
            TestResult::from_modes(vec![
                mode(Mode::Sloppy, Status::Pass, None),
                mode(Mode::Strict, Status::Fail, Some("TypeError: x")),
            ]),
        );
        tests.insert(
            "built-ins/Atomics/b.js".into(),
            TestResult::not_run(Status::Skip, "host cannot block"),
        );
        let report = RunReport {
            suite: "/suite".into(),
            gc_stress: true,
            summary: Summary::of(tests.values().map(|t| &t.status)),
            tests,
        };
        let dir = TempDir::new("t262-results");
        let path = dir.path().join("nested/results.json");
        report.write(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\"status\": \"fail\""));
        assert_eq!(RunReport::read(&path).unwrap(), report);
    }
}
