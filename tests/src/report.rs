//! Human-readable reports: the summary, the per-directory table, non-passing and slow tests,
//! and the changes `--check` or `--gc-stress-subset` found.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::time::Duration;

use crate::expectations::Change;
use crate::results::{Results, Status, Summary, TestResult};

/// `n` followed by `noun`, plural unless `n` is 1.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The summary table of a run.
pub fn summary(title: &str, s: &Summary, elapsed: Duration) -> String {
    let mut out = format!("{title} ({:.1} s)\n", elapsed.as_secs_f64());
    let rows = [
        ("total", s.total),
        ("passed", s.pass),
        ("failed", s.fail),
        ("crashed", s.crash),
        ("timed out", s.timeout),
        ("skipped", s.skip),
    ];
    for (label, count) in rows {
        let _ = writeln!(out, "  {label:<10} {count:>7}");
    }
    let _ = writeln!(
        out,
        "  {:<10} {:>7.2} % of {} run",
        "pass rate",
        s.pass_percent(),
        s.ran()
    );
    out
}

/// How to order the per-directory table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DirOrder {
    /// By directory name.
    Name,
    /// By pass rate, lowest first.
    Pass,
    /// By number of non-passing tests, most first.
    Fail,
}

/// The directory of `path` cut to `depth` components (its own directory if shallower).
fn dir_at_depth(path: &str, depth: usize) -> &str {
    let dir = path.rsplit_once('/').map_or("", |(dir, _)| dir);
    match dir.match_indices('/').nth(depth.saturating_sub(1)) {
        Some((cut, _)) => &dir[..cut],
        None => dir,
    }
}

/// The per-directory table, with directories cut to `depth` path components.
pub fn by_dir(results: &Results, depth: usize, order: DirOrder) -> String {
    let mut dirs: BTreeMap<&str, Summary> = BTreeMap::new();
    for (path, result) in results {
        dirs.entry(dir_at_depth(path, depth))
            .or_default()
            .add(result.status);
    }
    let mut rows: Vec<(&str, Summary)> = dirs.into_iter().collect();
    match order {
        DirOrder::Name => {}
        DirOrder::Pass => rows.sort_by(|a, b| a.1.pass_percent().total_cmp(&b.1.pass_percent())),
        DirOrder::Fail => rows.sort_by_key(|(_, s)| std::cmp::Reverse(s.not_passed())),
    }
    let width = rows.iter().map(|(d, _)| d.len()).max().unwrap_or(0).max(9);
    let mut out = format!(
        "{:<width$} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}\n",
        "directory", "total", "pass", "fail", "crash", "timeout", "skip", "pass%"
    );
    for (dir, s) in rows {
        let _ = writeln!(
            out,
            "{dir:<width$} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7.2}",
            s.total,
            s.pass,
            s.fail,
            s.crash,
            s.timeout,
            s.skip,
            s.pass_percent()
        );
    }
    out
}

fn failure_line(path: &str, result: &TestResult) -> String {
    let reason = result.reason.as_deref().unwrap_or("");
    format!("  {:<7} {path}  {reason}\n", result.status.name())
}

/// Lists non-passing tests with their reasons, at most `limit` of them.
pub fn not_passing(results: &Results, limit: usize) -> String {
    let failing: Vec<(&String, &TestResult)> = results
        .iter()
        .filter(|(_, r)| !matches!(r.status, Status::Pass | Status::Skip))
        .collect();
    if failing.is_empty() {
        return String::new();
    }
    let mut out = format!("not passing ({}):\n", failing.len());
    for (path, result) in failing.iter().take(limit) {
        out.push_str(&failure_line(path, result));
    }
    if failing.len() > limit {
        let _ = writeln!(
            out,
            "  ... and {} more (-v lists all; --json has every result)",
            failing.len() - limit
        );
    }
    out
}

/// The `n` slowest tests (all modes together).
pub fn slowest(results: &Results, n: usize) -> String {
    let mut timed: Vec<(&String, u64)> = results.iter().map(|(p, r)| (p, r.ms())).collect();
    timed.sort_by_key(|(p, ms)| (std::cmp::Reverse(*ms), *p));
    let mut out = format!("slowest {} tests:\n", n.min(timed.len()));
    for (path, ms) in timed.into_iter().take(n) {
        let _ = writeln!(out, "  {ms:>7} ms  {path}");
    }
    out
}

fn status_name(status: Option<Status>) -> &'static str {
    status.map_or("gone", Status::name)
}

/// The changes against the expectations, grouped into regressions, improvements and others.
pub fn changes(changes: &[Change]) -> String {
    let groups = [
        (
            "regressions",
            changes
                .iter()
                .filter(|c| c.is_regression())
                .collect::<Vec<_>>(),
        ),
        (
            "now passing",
            changes.iter().filter(|c| c.is_improvement()).collect(),
        ),
        (
            "other status changes",
            changes
                .iter()
                .filter(|c| !c.is_regression() && !c.is_improvement())
                .collect(),
        ),
    ];
    let mut out = String::new();
    for (title, group) in groups {
        if group.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{title} ({}):", group.len());
        for c in group {
            let _ = write!(
                out,
                "  {} -> {}  {}",
                c.expected.name(),
                status_name(c.actual),
                c.path
            );
            match &c.reason {
                Some(reason) if c.actual != Some(Status::Pass) => {
                    let _ = writeln!(out, "  {reason}");
                }
                _ => out.push('\n'),
            }
        }
    }
    out
}

/// Tests whose status differs between a normal and a GC-stress run.
pub fn stress_differences(normal: &Results, stressed: &Results) -> Vec<String> {
    let mut lines = Vec::new();
    for (path, a) in normal {
        let b = stressed.get(path);
        // A test that only runs out of time under GC stress says nothing about
        // rooting (collecting at every safepoint is slow); see `stress_timeouts`.
        if b.is_some_and(|b| b.status == Status::Timeout) && a.status != Status::Timeout {
            continue;
        }
        let same_modes = b.is_some_and(|b| {
            a.status == b.status
                && a.modes.len() == b.modes.len()
                && a.modes
                    .iter()
                    .zip(&b.modes)
                    .all(|(x, y)| x.status == y.status)
        });
        if !same_modes {
            let describe = |r: Option<&TestResult>| match r {
                Some(r) => format!("{} {}", r.status.name(), r.reason.as_deref().unwrap_or("")),
                None => "missing".to_string(),
            };
            lines.push(format!(
                "  {path}\n    normal:    {}\n    gc-stress: {}",
                describe(Some(a)).trim_end(),
                describe(b).trim_end()
            ));
        }
    }
    lines
}

/// Tests that time out under GC stress but not in the normal run (reported,
/// not counted as differences).
pub fn stress_timeouts(normal: &Results, stressed: &Results) -> Vec<String> {
    normal
        .iter()
        .filter(|(path, a)| {
            a.status != Status::Timeout
                && stressed
                    .get(*path)
                    .is_some_and(|b| b.status == Status::Timeout)
        })
        .map(|(path, _)| format!("  {path}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::Mode;
    use crate::results::ModeResult;

    fn result(status: Status, ms: u64) -> TestResult {
        TestResult {
            status,
            reason: (status != Status::Pass).then(|| "[sloppy] why".to_string()),
            modes: vec![ModeResult {
                mode: Mode::Sloppy,
                status,
                reason: None,
                ms,
            }],
        }
    }

    fn sample() -> Results {
        [
            ("built-ins/Array/a.js", Status::Pass, 5),
            ("built-ins/Array/from/b.js", Status::Fail, 50),
            ("built-ins/Map/c.js", Status::Pass, 1),
            ("language/d.js", Status::Crash, 9),
            ("language/e.js", Status::Timeout, 10_000),
        ]
        .into_iter()
        .map(|(p, s, ms)| (p.to_string(), result(s, ms)))
        .collect()
    }

    #[test]
    fn directories_are_cut_at_the_depth() {
        assert_eq!(dir_at_depth("built-ins/Array/from/b.js", 1), "built-ins");
        assert_eq!(
            dir_at_depth("built-ins/Array/from/b.js", 2),
            "built-ins/Array"
        );
        assert_eq!(
            dir_at_depth("built-ins/Array/from/b.js", 9),
            "built-ins/Array/from"
        );
        assert_eq!(dir_at_depth("language/d.js", 2), "language");
    }

    #[test]
    fn the_dir_table_sorts_as_asked() {
        let results = sample();
        let order = |o| {
            by_dir(&results, 2, o)
                .lines()
                .skip(1)
                .map(|l| l.split_whitespace().next().unwrap().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            order(DirOrder::Name),
            ["built-ins/Array", "built-ins/Map", "language"]
        );
        assert_eq!(
            order(DirOrder::Pass),
            ["language", "built-ins/Array", "built-ins/Map"]
        );
        assert_eq!(
            order(DirOrder::Fail),
            ["language", "built-ins/Array", "built-ins/Map"]
        );
        let table = by_dir(&results, 1, DirOrder::Name);
        let built_ins = table.lines().nth(1).unwrap();
        let cells: Vec<&str> = built_ins.split_whitespace().collect();
        assert_eq!(cells, ["built-ins", "3", "2", "1", "0", "0", "0", "66.67"]);
    }

    #[test]
    fn summary_and_lists_show_the_numbers() {
        let results = sample();
        let s = Summary::of(results.values().map(|r| &r.status));
        let text = summary("run", &s, Duration::from_millis(1500));
        assert!(text.starts_with("run (1.5 s)"));
        assert!(text.contains("passed           2"));
        assert!(text.contains("40.00 % of 5 run"));
        let list = not_passing(&results, 2);
        assert!(list.starts_with("not passing (3):"));
        assert!(list.contains("fail    built-ins/Array/from/b.js  [sloppy] why"));
        assert!(list.contains("... and 1 more"));
        assert_eq!(
            (count(1, "test"), count(2, "test")),
            ("1 test".into(), "2 tests".into())
        );
        let slow = slowest(&results, 2);
        let lines: Vec<&str> = slow.lines().collect();
        assert!(lines[1].ends_with("language/e.js") && lines[2].ends_with("from/b.js"));
    }

    #[test]
    fn changes_are_grouped() {
        let change = |path: &str, expected, actual| Change {
            path: path.into(),
            expected,
            actual,
            reason: Some("[strict] r".into()),
        };
        let text = changes(&[
            change("a.js", Status::Pass, Some(Status::Fail)),
            change("b.js", Status::Fail, Some(Status::Pass)),
            change("c.js", Status::Fail, None),
        ]);
        assert_eq!(
            text,
            "regressions (1):\n  pass -> fail  a.js  [strict] r\n\
             now passing (1):\n  fail -> pass  b.js\n\
             other status changes (1):\n  fail -> gone  c.js  [strict] r\n"
        );
    }

    #[test]
    fn stress_differences_compare_every_mode() {
        let normal = sample();
        assert!(stress_differences(&normal, &normal).is_empty());
        let mut stressed = normal.clone();
        stressed.insert("built-ins/Map/c.js".into(), result(Status::Crash, 1));
        stressed.remove("language/d.js");
        let mut mode_only = stressed["built-ins/Array/a.js"].clone();
        mode_only.modes.push(mode_only.modes[0].clone());
        stressed.insert("built-ins/Array/a.js".into(), mode_only);
        let diffs = stress_differences(&normal, &stressed);
        assert_eq!(diffs.len(), 3);
        assert!(diffs[1].contains("gc-stress: crash [sloppy] why"));
        assert!(diffs[2].contains("gc-stress: missing"));
    }

    #[test]
    fn timeouts_under_stress_are_reported_apart() {
        let normal = sample();
        let mut stressed = normal.clone();
        stressed.insert("built-ins/Map/c.js".into(), result(Status::Timeout, 50_000));
        assert!(stress_differences(&normal, &stressed).is_empty());
        assert_eq!(
            stress_timeouts(&normal, &stressed),
            vec!["  built-ins/Map/c.js".to_string()]
        );
    }
}
