//! Which tests a run has: the suite's files under the walked roots, narrowed by path and feature
//! filters, each read once for its metadata and turned into a job (or settled without running,
//! when skipped or when its metadata is broken).

use std::collections::BTreeSet;

use test262_harness::Description;

use crate::metadata::{FeatureFilter, parse_frontmatter, plan};
use crate::protocol::Job;
use crate::results::{Results, Status, TestResult};
use crate::skips::skip_reason;
use crate::suite::{PathFilter, Suite, stride_subset};

/// The tests of a run.
#[derive(Debug, Default)]
pub struct Selection {
    /// Tests to run, in path order; ids are unique.
    pub jobs: Vec<Job>,
    /// Tests decided without running: skipped, or with unreadable metadata.
    pub settled: Results,
}

impl Selection {
    /// Number of tests.
    pub fn len(&self) -> usize {
        self.jobs.len() + self.settled.len()
    }

    /// Whether there are no tests.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of skipped tests.
    pub fn skipped(&self) -> usize {
        self.settled
            .values()
            .filter(|r| r.status == Status::Skip)
            .count()
    }

    /// The fixed subset of every `stride`-th test in sorted path order.
    pub fn stride_subset(&self, stride: usize) -> Selection {
        let mut paths: Vec<String> = self
            .jobs
            .iter()
            .map(|j| j.path.clone())
            .chain(self.settled.keys().cloned())
            .collect();
        paths.sort();
        let keep: BTreeSet<String> = stride_subset(&paths, stride).into_iter().collect();
        Selection {
            jobs: self
                .jobs
                .iter()
                .filter(|j| keep.contains(&j.path))
                .cloned()
                .collect(),
            settled: self
                .settled
                .iter()
                .filter(|(p, _)| keep.contains(*p))
                .map(|(p, r)| (p.clone(), r.clone()))
                .collect(),
        }
    }
}

/// Selects the tests under `roots` matching any of `filters` (all if none) and `features`,
/// reading metadata on `threads` threads.
pub fn select(
    suite: &Suite,
    roots: &[&str],
    filters: &[PathFilter],
    features: &FeatureFilter,
    threads: usize,
) -> std::io::Result<Selection> {
    let paths: Vec<String> = suite
        .enumerate(roots)?
        .into_iter()
        .filter(|p| filters.is_empty() || filters.iter().any(|f| f.matches(p)))
        .collect();
    let mut selection = Selection::default();
    for (path, metadata) in read_metadata(suite, paths, threads) {
        match metadata {
            Ok(desc) => {
                if !features.matches(&desc.features) {
                    continue;
                }
                if let Some(reason) = skip_reason(&path, &desc) {
                    selection
                        .settled
                        .insert(path, TestResult::not_run(Status::Skip, reason));
                } else {
                    let id = selection.jobs.len() as u64;
                    selection.jobs.push(plan(id, &path, &desc));
                }
            }
            Err(reason) => {
                if features.include.is_empty() {
                    selection
                        .settled
                        .insert(path, TestResult::not_run(Status::Fail, &reason));
                }
            }
        }
    }
    Ok(selection)
}

/// Reads and parses the metadata of `paths` (in order) on `threads` threads.
fn read_metadata(
    suite: &Suite,
    paths: Vec<String>,
    threads: usize,
) -> Vec<(String, Result<Description, String>)> {
    let test_dir = suite.test_dir();
    let chunk = paths.len().div_ceil(threads.max(1)).max(1);
    let read = |path: &String| {
        let file = test_dir.join(path);
        std::fs::read_to_string(&file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))
            .and_then(|source| parse_frontmatter(&source))
    };
    let parsed: Vec<Vec<Result<Description, String>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(read).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("metadata reader thread"))
            .collect()
    });
    paths
        .into_iter()
        .zip(parsed.into_iter().flatten())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::Mode;
    use crate::testutil::TempDir;

    fn suite() -> (TempDir, Suite) {
        let dir = TempDir::new("t262-selection");
        dir.write("harness/assert.js", "");
        let tests = [
            ("built-ins/A/plain.js", "description: x"),
            (
                "built-ins/A/strict.js",
                "flags: [onlyStrict]\nfeatures: [Symbol]",
            ),
            ("built-ins/A/temporal.js", "features: [Temporal, Symbol]"),
            ("built-ins/B/broken.js", "flags: [nonsense]"),
            ("built-ins/B/noblock.js", "flags: [CanBlockIsFalse]"),
            ("language/m.js", "flags: [module]"),
        ];
        for (path, yaml) in tests {
            dir.write(&format!("test/{path}"), &format!("/*---\n{yaml}\n---*/\n"));
        }
        let suite = Suite::at(dir.path()).unwrap();
        (dir, suite)
    }

    #[test]
    fn jobs_skips_and_broken_metadata() {
        let (_dir, suite) = suite();
        let all = select(
            &suite,
            &["built-ins", "language"],
            &[],
            &FeatureFilter::default(),
            3,
        )
        .unwrap();
        let paths: Vec<&str> = all.jobs.iter().map(|j| j.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "built-ins/A/plain.js",
                "built-ins/A/strict.js",
                "built-ins/A/temporal.js",
                "language/m.js"
            ]
        );
        let ids: Vec<u64> = all.jobs.iter().map(|j| j.id).collect();
        assert_eq!(ids, [0, 1, 2, 3]);
        assert_eq!(all.jobs[1].modes, [Mode::Strict]);
        assert_eq!(all.jobs[3].modes, [Mode::Module]);
        assert_eq!(all.settled["built-ins/B/broken.js"].status, Status::Fail);
        assert_eq!(all.settled["built-ins/B/noblock.js"].status, Status::Skip);
        assert_eq!((all.len(), all.skipped()), (6, 1));
    }

    #[test]
    fn path_and_feature_filters_narrow_the_run() {
        let (_dir, suite) = suite();
        let filters = [suite.filter("built-ins/A")];
        let symbol = FeatureFilter::from_args(&["Symbol".into(), "-Temporal".into()]);
        let s = select(&suite, &["built-ins"], &filters, &symbol, 1).unwrap();
        let paths: Vec<&str> = s.jobs.iter().map(|j| j.path.as_str()).collect();
        assert_eq!(paths, ["built-ins/A/strict.js"]);
        assert!(s.settled.is_empty());
    }

    #[test]
    fn the_stride_subset_covers_jobs_and_settled_tests() {
        let (_dir, suite) = suite();
        let all = select(
            &suite,
            &["built-ins", "language"],
            &[],
            &FeatureFilter::default(),
            2,
        )
        .unwrap();
        let subset = all.stride_subset(2);
        let jobs: Vec<&str> = subset.jobs.iter().map(|j| j.path.as_str()).collect();
        assert_eq!(jobs, ["built-ins/A/plain.js", "built-ins/A/temporal.js"]);
        let settled: Vec<&String> = subset.settled.keys().collect();
        assert_eq!(settled, ["built-ins/B/noblock.js"]);
        let again = all.stride_subset(2);
        assert_eq!(again.jobs, subset.jobs);
    }
}
