//! Where the test262 suite is, which test files it has, and which of them a run selects.

use std::path::{Path, PathBuf};

/// Top-level directories of `test/` run by default.
pub const DEFAULT_ROOTS: [&str; 4] = ["built-ins", "language", "annexB", "harness"];

/// Top-level directories of `test/` run only when asked for (a flag or a path filter into them).
pub const OPTIONAL_ROOTS: [&str; 2] = ["intl402", "staging"];

/// A checkout of test262: a directory with `test/` and `harness/`.
#[derive(Clone, Debug)]
pub struct Suite {
    root: PathBuf,
}

impl Suite {
    /// Finds the suite: `explicit` (from `--suite` or `TEST262_DIR`) if given, else `tests/test262`
    /// or `../shared/test262` relative to the workspace root, then relative to the current directory.
    pub fn locate(explicit: Option<&Path>) -> Result<Suite, String> {
        if let Some(path) = explicit {
            return Suite::at(path).ok_or_else(|| {
                format!(
                    "{} is not a test262 checkout (no test/ and harness/)",
                    path.display()
                )
            });
        }
        let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .map(Path::to_path_buf);
        let cwd = std::env::current_dir().ok();
        let candidates: Vec<PathBuf> = [workspace, cwd]
            .into_iter()
            .flatten()
            .flat_map(|base| [base.join("tests/test262"), base.join("../shared/test262")])
            .collect();
        candidates.iter().find_map(|c| Suite::at(c)).ok_or_else(|| {
            let tried: Vec<String> = candidates.iter().map(|c| c.display().to_string()).collect();
            format!(
                "test262 not found (tried {}); pass --suite PATH or set TEST262_DIR",
                tried.join(", ")
            )
        })
    }

    /// The suite at `path`, if it looks like one.
    pub fn at(path: &Path) -> Option<Suite> {
        let looks_right = path.join("test").is_dir() && path.join("harness").is_dir();
        looks_right.then(|| Suite {
            root: path.canonicalize().unwrap_or_else(|_| path.to_path_buf()),
        })
    }

    /// The checkout's root directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The `test/` directory; test paths are relative to it.
    pub fn test_dir(&self) -> PathBuf {
        self.root.join("test")
    }

    /// The `harness/` directory of includes.
    pub fn harness_dir(&self) -> PathBuf {
        self.root.join("harness")
    }

    /// The feature names listed in `features.txt` (empty if the file is missing).
    pub fn known_features(&self) -> Vec<String> {
        let text = std::fs::read_to_string(self.root.join("features.txt")).unwrap_or_default();
        text.lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect()
    }

    /// Every test file (not `_FIXTURE`) under the given top-level directories, as sorted paths
    /// relative to `test/` with `/` separators.
    pub fn enumerate(&self, roots: &[&str]) -> std::io::Result<Vec<String>> {
        let test_dir = self.test_dir();
        let mut paths = Vec::new();
        for root in roots {
            let dir = test_dir.join(root);
            if dir.is_dir() {
                walk(&dir, root, &mut paths)?;
            }
        }
        paths.sort();
        Ok(paths)
    }

    /// Turns a command-line path (`built-ins/Array`, `test/built-ins/Array/`, or a file path on
    /// disk) into a filter over test paths.
    pub fn filter(&self, arg: &str) -> PathFilter {
        let test_dir = self.test_dir();
        let on_disk = Path::new(arg)
            .canonicalize()
            .ok()
            .and_then(|p| p.strip_prefix(&test_dir).ok().map(Path::to_path_buf));
        let relative = match on_disk {
            Some(p) => p.to_string_lossy().replace('\\', "/"),
            None => {
                let arg = arg.replace('\\', "/");
                let arg = arg.trim_start_matches("./");
                arg.strip_prefix("test/").unwrap_or(arg).to_string()
            }
        };
        let prefix = relative.trim_end_matches('/').to_string();
        let is_dir = test_dir.join(&prefix).is_dir();
        PathFilter { prefix, is_dir }
    }
}

/// Collects the test files under `dir`, whose path relative to `test/` is `relative`.
fn walk(dir: &Path, relative: &str, out: &mut Vec<String>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let path = format!("{relative}/{name}");
        if entry.file_type()?.is_dir() {
            walk(&entry.path(), &path, out)?;
        } else if name.ends_with(".js") && !name.contains("_FIXTURE") {
            out.push(path);
        }
    }
    Ok(())
}

/// A path-prefix filter over test paths.
#[derive(Clone, Debug, PartialEq)]
pub struct PathFilter {
    prefix: String,
    /// Whether the prefix names a directory: then it matches only inside it (`built-ins/Array`
    /// does not match `built-ins/ArrayBuffer`).
    is_dir: bool,
}

impl PathFilter {
    /// Whether `path` is selected.
    pub fn matches(&self, path: &str) -> bool {
        match path.strip_prefix(self.prefix.as_str()) {
            Some(rest) => !self.is_dir || rest.is_empty() || rest.starts_with('/'),
            None => false,
        }
    }

    /// Whether the filter can select tests under the top-level directory `root`.
    pub fn reaches(&self, root: &str) -> bool {
        let first = self.prefix.split('/').next().unwrap_or("");
        if self.prefix.contains('/') || self.is_dir {
            first == root
        } else {
            root.starts_with(first)
        }
    }
}

/// The top-level directories a run walks: the default ones plus the optional ones asked for,
/// narrowed to those the filters reach.
pub fn roots_to_walk(optional: &[&str], filters: &[PathFilter]) -> Vec<&'static str> {
    let asked = |root: &str| optional.contains(&root) || filters.iter().any(|f| f.reaches(root));
    DEFAULT_ROOTS
        .into_iter()
        .chain(OPTIONAL_ROOTS.into_iter().filter(|r| asked(r)))
        .filter(|root| filters.is_empty() || filters.iter().any(|f| f.reaches(root)))
        .collect()
}

/// The fixed subset of a sorted list of tests: every `stride`-th, starting with the first.
pub fn stride_subset(sorted_paths: &[String], stride: usize) -> Vec<String> {
    sorted_paths
        .iter()
        .step_by(stride.max(1))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::TempDir;

    fn fake_suite() -> (TempDir, Suite) {
        let dir = TempDir::new("t262-suite");
        for file in [
            "test/built-ins/Array/a.js",
            "test/built-ins/Array/from/b.js",
            "test/built-ins/Array/c_FIXTURE.js",
            "test/built-ins/ArrayBuffer/d.js",
            "test/built-ins/Array/notes.txt",
            "test/language/e.js",
            "test/staging/f.js",
            "harness/assert.js",
        ] {
            dir.write(file, "");
        }
        dir.write("features.txt", "# comment\nSymbol\n\nTemporal # proposal\n");
        let suite = Suite::at(dir.path()).unwrap();
        (dir, suite)
    }

    #[test]
    fn enumeration_is_sorted_and_skips_fixtures_and_other_files() {
        let (_dir, suite) = fake_suite();
        assert_eq!(
            suite
                .enumerate(&["language", "built-ins", "annexB"])
                .unwrap(),
            [
                "built-ins/Array/a.js",
                "built-ins/Array/from/b.js",
                "built-ins/ArrayBuffer/d.js",
                "language/e.js"
            ]
        );
        assert_eq!(suite.known_features(), ["Symbol", "Temporal"]);
    }

    #[test]
    fn directory_filters_match_only_inside_the_directory() {
        let (dir, suite) = fake_suite();
        let array = suite.filter("built-ins/Array/");
        assert!(array.matches("built-ins/Array/a.js"));
        assert!(!array.matches("built-ins/ArrayBuffer/d.js"));
        let prefix = suite.filter("built-ins/Arr");
        assert!(prefix.matches("built-ins/ArrayBuffer/d.js"));
        assert_eq!(suite.filter("test/built-ins/Array"), array);
        let on_disk = dir.path().join("test/built-ins/Array");
        assert_eq!(suite.filter(on_disk.to_str().unwrap()), array);
        let file = suite.filter("built-ins/Array/a.js");
        assert!(file.matches("built-ins/Array/a.js"));
        assert!(!file.matches("built-ins/Array/from/b.js"));
    }

    #[test]
    fn optional_roots_run_only_when_asked_for() {
        let (_dir, suite) = fake_suite();
        assert_eq!(roots_to_walk(&[], &[]), DEFAULT_ROOTS);
        assert_eq!(
            roots_to_walk(&["staging"], &[]),
            ["built-ins", "language", "annexB", "harness", "staging"]
        );
        assert_eq!(
            roots_to_walk(&[], &[suite.filter("staging/f.js")]),
            ["staging"]
        );
        assert_eq!(
            roots_to_walk(&[], &[suite.filter("built-ins/Array")]),
            ["built-ins"]
        );
        assert_eq!(roots_to_walk(&[], &[suite.filter("lang")]), ["language"]);
    }

    #[test]
    fn the_stride_subset_is_deterministic() {
        let paths: Vec<String> = (0..95).map(|i| format!("t/{i:03}.js")).collect();
        let subset = stride_subset(&paths, 20);
        assert_eq!(
            subset,
            ["t/000.js", "t/020.js", "t/040.js", "t/060.js", "t/080.js"]
        );
        let mut shuffled = paths.clone();
        shuffled.sort_by_key(|p| p.bytes().fold(7u32, |h, b| h.wrapping_mul(31) ^ b as u32));
        assert_ne!(shuffled, paths);
        shuffled.sort();
        assert_eq!(stride_subset(&shuffled, 20), subset);
        assert_eq!(stride_subset(&paths, 1).len(), 95);
    }

    #[test]
    fn a_directory_without_test_and_harness_is_not_a_suite() {
        let dir = TempDir::new("t262-not-suite");
        dir.write("test/x.js", "");
        assert!(Suite::at(dir.path()).is_none());
        assert!(Suite::locate(Some(dir.path())).is_err());
    }
}
