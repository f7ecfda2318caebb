//! The ratchet: `tests/expectations.json` lists every test that does not pass, with its status.
//! `--check` fails on any change of status in either direction; `--update` records the run.
//! `tests/metrics.json` holds the totals that follow from the expectations.
//!
//! Both files are deterministic: sorted keys, no timestamps. The expectations file has one test
//! per line so that diffs are readable:
//!
//! ```json
//! {
//!   "built-ins/Array/from/iter-get-iter-err.js": {"status":"fail","reason":"[strict] TypeError: ..."},
//!   "language/statements/for/deep.js": {"status":"crash"}
//! }
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::results::{Results, Status, Summary};

/// Which test paths a run covers: a listed test in scope but missing from the run's results is
/// stale (no longer in the suite).
pub type Scope<'a> = &'a dyn Fn(&str) -> bool;

/// What a non-passing test is expected to do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Expectation {
    /// `fail`, `crash` or `timeout`.
    pub status: Status,
    /// Why, for the reader; not compared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Every non-passing test, by path relative to `test/`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Expectations {
    entries: BTreeMap<String, Expectation>,
}

/// A test whose status differs from its expectation.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The test.
    pub path: String,
    /// The expected status (`pass` when the test is not listed).
    pub expected: Status,
    /// The status of this run; `None` when the listed test is no longer in the suite.
    pub actual: Option<Status>,
    /// Why it did not pass this time.
    pub reason: Option<String>,
}

impl Change {
    /// Whether the test got worse (it passed before).
    pub fn is_regression(&self) -> bool {
        self.expected == Status::Pass
    }

    /// Whether the test passes now (it did not before).
    pub fn is_improvement(&self) -> bool {
        self.actual == Some(Status::Pass)
    }
}

impl Expectations {
    /// Reads the file; a missing file means no expectations (every test expected to pass).
    pub fn load(path: &Path) -> Result<Expectations, String> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
        };
        let entries: BTreeMap<String, Expectation> = serde_json::from_str(&text)
            .map_err(|e| format!("{} is not valid: {e}", path.display()))?;
        if let Some((test, e)) = entries
            .iter()
            .find(|(_, e)| matches!(e.status, Status::Pass | Status::Skip))
        {
            return Err(format!(
                "{}: {test} is listed as {}; only fail, crash and timeout belong there",
                path.display(),
                e.status.name()
            ));
        }
        Ok(Expectations { entries })
    }

    /// Writes the file, one test per line, sorted.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let mut text = String::from("{");
        for (i, (test, expectation)) in self.entries.iter().enumerate() {
            text.push_str(if i == 0 { "\n  " } else { ",\n  " });
            text.push_str(&serde_json::to_string(test).map_err(std::io::Error::other)?);
            text.push_str(": ");
            text.push_str(&serde_json::to_string(expectation).map_err(std::io::Error::other)?);
        }
        text.push_str(if self.entries.is_empty() {
            "}\n"
        } else {
            "\n}\n"
        });
        std::fs::write(path, text)
    }

    /// The status `path` is expected to have.
    pub fn expected(&self, path: &str) -> Status {
        self.entries.get(path).map_or(Status::Pass, |e| e.status)
    }

    /// Number of listed tests.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The top-level directories of the listed tests (with repeats).
    pub fn roots(&self) -> impl Iterator<Item = String> + '_ {
        self.entries
            .keys()
            .filter_map(|path| path.split_once('/').map(|(root, _)| root.to_string()))
    }

    /// Listed tests that are not in `results` although `scope` says the run covered them: tests
    /// removed from the suite.
    fn stale<'a>(
        &'a self,
        results: &'a Results,
        scope: Scope<'a>,
    ) -> impl Iterator<Item = (&'a String, &'a Expectation)> {
        self.entries
            .iter()
            .filter(move |(path, _)| !results.contains_key(*path) && scope(path))
    }

    /// Every test whose status differs from its expectation, sorted by path.
    pub fn diff(&self, results: &Results, scope: Scope) -> Vec<Change> {
        let mut changes: Vec<Change> = results
            .iter()
            .filter_map(|(path, result)| {
                let expected = self.expected(path);
                let unchanged = expected == result.status
                    || (expected == Status::Pass && result.status == Status::Skip);
                (!unchanged).then(|| Change {
                    path: path.clone(),
                    expected,
                    actual: Some(result.status),
                    reason: result.reason.clone(),
                })
            })
            .collect();
        changes.extend(self.stale(results, scope).map(|(path, e)| Change {
            path: path.clone(),
            expected: e.status,
            actual: None,
            reason: None,
        }));
        changes.sort_by(|a, b| a.path.cmp(&b.path));
        changes
    }

    /// Records the run: the tests of `results` get their new status (dropped when they pass or
    /// are skipped), stale entries in `scope` are dropped, all others are kept.
    pub fn update(&mut self, results: &Results, scope: Scope) {
        let stale: Vec<String> = self
            .stale(results, scope)
            .map(|(path, _)| path.clone())
            .collect();
        for path in stale {
            self.entries.remove(&path);
        }
        for (path, result) in results {
            match result.status {
                Status::Pass | Status::Skip => {
                    self.entries.remove(path);
                }
                status => {
                    let reason = result.reason.clone();
                    self.entries
                        .insert(path.clone(), Expectation { status, reason });
                }
            }
        }
    }

    /// Totals per top-level directory and overall, from the number of tests and skips of each
    /// directory and the listed failures.
    pub fn metrics(&self, tests_per_root: &BTreeMap<String, (usize, usize)>) -> Metrics {
        let mut by_dir = BTreeMap::new();
        for (root, &(tests, skipped)) in tests_per_root {
            let listed = self.entries.iter().filter(|(path, _)| in_root(path, root));
            let mut summary = Summary::of(listed.map(|(_, e)| &e.status));
            summary.skip = skipped;
            summary.total = tests;
            summary.pass = tests.saturating_sub(skipped + summary.not_passed());
            by_dir.insert(root.clone(), summary);
        }
        let mut total = Summary::default();
        for s in by_dir.values() {
            total.total += s.total;
            total.pass += s.pass;
            total.fail += s.fail;
            total.crash += s.crash;
            total.timeout += s.timeout;
            total.skip += s.skip;
        }
        Metrics { by_dir, total }
    }
}

/// Whether a test path lies under the top-level directory `root`.
fn in_root(path: &str, root: &str) -> bool {
    path.strip_prefix(root)
        .is_some_and(|rest| rest.starts_with('/'))
}

/// The totals written to `tests/metrics.json`.
#[derive(Clone, Debug, PartialEq)]
pub struct Metrics {
    /// Per top-level directory of `test/`.
    pub by_dir: BTreeMap<String, Summary>,
    /// Over all of them.
    pub total: Summary,
}

impl Metrics {
    /// Writes the metrics as pretty JSON with sorted keys.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        type Object = BTreeMap<&'static str, serde_json::Value>;
        let entry = |s: &Summary| -> Object {
            BTreeMap::from([
                ("total", s.total.into()),
                ("pass", s.pass.into()),
                ("fail", s.fail.into()),
                ("crash", s.crash.into()),
                ("timeout", s.timeout.into()),
                ("skip", s.skip.into()),
                (
                    "pass_percent",
                    ((s.pass_percent() * 100.0).round() / 100.0).into(),
                ),
            ])
        };
        let by_dir: BTreeMap<&str, Object> = self
            .by_dir
            .iter()
            .map(|(root, s)| (root.as_str(), entry(s)))
            .collect();
        let value = serde_json::json!({ "by_dir": by_dir, "total": entry(&self.total) });
        let mut text = serde_json::to_string_pretty(&value).map_err(std::io::Error::other)?;
        text.push('\n');
        std::fs::write(path, text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::TestResult;
    use crate::testutil::TempDir;

    fn result(status: Status) -> TestResult {
        let reason = (status != Status::Pass).then_some("[strict] why");
        TestResult {
            status,
            reason: reason.map(String::from),
            modes: Vec::new(),
        }
    }

    fn results(entries: &[(&str, Status)]) -> Results {
        entries
            .iter()
            .map(|(p, s)| (p.to_string(), result(*s)))
            .collect()
    }

    fn expectations(entries: &[(&str, Status)]) -> Expectations {
        let mut e = Expectations::default();
        e.update(&results(entries), &|_| false);
        e
    }

    #[test]
    fn the_diff_catches_regressions_and_improvements() {
        let expected = expectations(&[
            ("built-ins/a.js", Status::Fail),
            ("built-ins/b.js", Status::Crash),
            ("built-ins/c.js", Status::Fail),
        ]);
        let run = results(&[
            ("built-ins/a.js", Status::Pass),
            ("built-ins/b.js", Status::Fail),
            ("built-ins/c.js", Status::Fail),
            ("built-ins/d.js", Status::Timeout),
            ("built-ins/e.js", Status::Pass),
            ("built-ins/f.js", Status::Skip),
        ]);
        let changes = expected.diff(&run, &|_| false);
        let summary: Vec<(&str, Status, Option<Status>)> = changes
            .iter()
            .map(|c| (c.path.as_str(), c.expected, c.actual))
            .collect();
        assert_eq!(
            summary,
            [
                ("built-ins/a.js", Status::Fail, Some(Status::Pass)),
                ("built-ins/b.js", Status::Crash, Some(Status::Fail)),
                ("built-ins/d.js", Status::Pass, Some(Status::Timeout)),
            ]
        );
        assert!(changes[0].is_improvement() && !changes[0].is_regression());
        assert!(!changes[1].is_improvement() && !changes[1].is_regression());
        assert!(changes[2].is_regression());
        assert_eq!(changes[2].reason.as_deref(), Some("[strict] why"));
    }

    #[test]
    fn a_matching_run_has_no_changes() {
        let expected = expectations(&[("language/a.js", Status::Fail)]);
        let run = results(&[
            ("language/a.js", Status::Fail),
            ("language/b.js", Status::Pass),
        ]);
        assert!(
            expected
                .diff(&run, &|p| p.starts_with("language/"))
                .is_empty()
        );
    }

    #[test]
    fn stale_entries_count_only_in_the_scope_of_the_run() {
        let expected = expectations(&[
            ("language/gone.js", Status::Fail),
            ("built-ins/elsewhere.js", Status::Fail),
        ]);
        let run = results(&[("language/a.js", Status::Pass)]);
        assert!(expected.diff(&run, &|_| false).is_empty());
        let language: Scope = &|p| p.starts_with("language/");
        let changes = expected.diff(&run, language);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].path, "language/gone.js");
        assert_eq!(changes[0].actual, None);
        let mut updated = expected.clone();
        updated.update(&run, language);
        assert_eq!(updated.expected("language/gone.js"), Status::Pass);
        assert_eq!(updated.expected("built-ins/elsewhere.js"), Status::Fail);
    }

    #[test]
    fn update_merges_the_run_into_the_file() {
        let mut e = expectations(&[
            ("built-ins/a.js", Status::Fail),
            ("built-ins/b.js", Status::Fail),
            ("language/untouched.js", Status::Crash),
        ]);
        let run = results(&[
            ("built-ins/a.js", Status::Pass),
            ("built-ins/b.js", Status::Timeout),
            ("built-ins/c.js", Status::Fail),
            ("built-ins/d.js", Status::Skip),
        ]);
        e.update(&run, &|_| false);
        assert_eq!(e.expected("built-ins/a.js"), Status::Pass);
        assert_eq!(e.expected("built-ins/b.js"), Status::Timeout);
        assert_eq!(e.expected("built-ins/c.js"), Status::Fail);
        assert_eq!(e.expected("built-ins/d.js"), Status::Pass);
        assert_eq!(e.expected("language/untouched.js"), Status::Crash);
        assert_eq!(e.len(), 3);
        assert!(e.diff(&run, &|_| false).is_empty());
    }

    #[test]
    fn the_file_is_one_sorted_line_per_test_and_round_trips() {
        let dir = TempDir::new("t262-expectations");
        let path = dir.path().join("expectations.json");
        let e = expectations(&[
            ("language/z.js", Status::Crash),
            ("built-ins/\"quoted\".js", Status::Fail),
            ("annexB/a.js", Status::Timeout),
        ]);
        e.save(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 5);
        assert!(lines[1].starts_with("  \"annexB/a.js\": {\"status\":\"timeout\""));
        assert!(lines[2].starts_with("  \"built-ins/\\\"quoted\\\".js\""));
        assert_eq!(Expectations::load(&path).unwrap(), e);
        e.save(&path).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);

        Expectations::default().save(&path).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "{}\n");
        assert_eq!(Expectations::load(&path).unwrap().len(), 0);
        assert_eq!(
            Expectations::load(&dir.path().join("missing.json")).unwrap(),
            Expectations::default()
        );
    }

    #[test]
    fn passing_entries_are_rejected() {
        let dir = TempDir::new("t262-expectations-bad");
        let path = dir.write("e.json", r#"{"built-ins/a.js": {"status": "pass"}}"#);
        assert!(Expectations::load(&path).unwrap_err().contains("only fail"));
        let path = dir.write("f.json", "[1, 2]");
        assert!(Expectations::load(&path).is_err());
    }

    #[test]
    fn metrics_follow_from_the_counts_and_the_expectations() {
        let e = expectations(&[
            ("built-ins/a.js", Status::Fail),
            ("built-ins/b.js", Status::Crash),
            ("language/c.js", Status::Timeout),
        ]);
        let counts = BTreeMap::from([
            ("built-ins".to_string(), (10, 1)),
            ("language".to_string(), (5, 0)),
        ]);
        let m = e.metrics(&counts);
        let b = m.by_dir["built-ins"];
        assert_eq!((b.total, b.pass, b.fail, b.crash, b.skip), (10, 7, 1, 1, 1));
        assert_eq!((m.total.total, m.total.pass, m.total.timeout), (15, 11, 1));

        let dir = TempDir::new("t262-metrics");
        let path = dir.path().join("metrics.json");
        m.save(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["total"]["pass"], 11);
        assert_eq!(value["by_dir"]["built-ins"]["pass_percent"], 77.78);
        let order: Vec<usize> = [
            "\"crash\"",
            "\"fail\"",
            "\"pass\"",
            "\"pass_percent\"",
            "\"skip\"",
        ]
        .iter()
        .map(|key| text.rfind(key).unwrap())
        .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "keys are sorted");
        assert!(text.find("\"by_dir\"").unwrap() < text.rfind("\"total\": {").unwrap());
        m.save(&path).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }
}
