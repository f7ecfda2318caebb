//! Test metadata: the YAML frontmatter of a test file and what it means for how the test is run.
//!
//! The frontmatter is deserialised into `test262_harness::Description`; [`plan`] turns it into a
//! [`Job`]: the modes to run (INTERPRETING.md "Strict Mode", `module`, `raw`), the harness files to
//! evaluate first and the expected error of a negative test.

use serde::{Deserialize, Serialize};
use test262_harness::{Description, Flag};

use crate::protocol::Job;

/// One way of running a test file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Global code, non-strict (the file as written).
    Sloppy,
    /// Global code with `"use strict";\n` prepended.
    Strict,
    /// Module code (`module` flag).
    Module,
}

impl Mode {
    /// The name used in reports and files.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Sloppy => "sloppy",
            Mode::Strict => "strict",
            Mode::Module => "module",
        }
    }
}

/// The directive prepended to a test's source in [`Mode::Strict`].
pub const STRICT_PREFIX: &str = "\"use strict\";\n";

/// Harness files every non-`raw` test gets, in this order.
const DEFAULT_INCLUDES: [&str; 2] = ["assert.js", "sta.js"];

/// The harness file `async` tests get after the default includes.
const ASYNC_INCLUDE: &str = "doneprintHandle.js";

/// Extracts and deserialises the `/*--- ... ---*/` frontmatter of a test file.
pub fn parse_frontmatter(source: &str) -> Result<Description, String> {
    let start = source.find("/*---").ok_or("no `/*---` frontmatter found")? + "/*---".len();
    let end = source[start..]
        .find("---*/")
        .ok_or("frontmatter is not closed by `---*/`")?
        + start;
    let yaml = source[start..end].replace('\r', "\n");
    serde_yaml::from_str(&yaml).map_err(|e| format!("invalid frontmatter: {e}"))
}

/// The modes a test runs in, from its flags.
pub fn modes(flags: &[Flag]) -> Vec<Mode> {
    if flags.contains(&Flag::Module) {
        vec![Mode::Module]
    } else if flags.contains(&Flag::Raw) || flags.contains(&Flag::NoStrict) {
        vec![Mode::Sloppy]
    } else if flags.contains(&Flag::OnlyStrict) {
        vec![Mode::Strict]
    } else {
        vec![Mode::Sloppy, Mode::Strict]
    }
}

/// The harness files to evaluate before the test, in order, without duplicates.
pub fn includes(desc: &Description) -> Vec<String> {
    if desc.flags.contains(&Flag::Raw) {
        return Vec::new();
    }
    let mut list: Vec<String> = DEFAULT_INCLUDES.iter().map(|s| s.to_string()).collect();
    if desc.flags.contains(&Flag::Async) {
        list.push(ASYNC_INCLUDE.to_string());
    }
    for include in &desc.includes {
        if !list.contains(include) {
            list.push(include.clone());
        }
    }
    list
}

/// The job that runs the test at `path` (relative to the suite's `test/` directory).
pub fn plan(id: u64, path: &str, desc: &Description) -> Job {
    Job {
        id,
        path: path.to_string(),
        modes: modes(&desc.flags),
        includes: includes(desc),
        negative: desc.negative.clone(),
        is_async: desc.flags.contains(&Flag::Async),
    }
}

/// Which tests a `--features` list selects: a test is kept when it uses at least one of the
/// included features (if any are given) and none of the excluded ones.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FeatureFilter {
    /// Features a test must use one of; empty means no constraint.
    pub include: Vec<String>,
    /// Features a test must not use.
    pub exclude: Vec<String>,
}

impl FeatureFilter {
    /// Builds the filter from `--features` items: `name` includes, `-name` excludes.
    pub fn from_args(items: &[String]) -> FeatureFilter {
        let mut filter = FeatureFilter::default();
        for item in items.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
            match item.strip_prefix('-') {
                Some(name) => filter.exclude.push(name.to_string()),
                None => filter.include.push(item.to_string()),
            }
        }
        filter
    }

    /// Whether the filter constrains anything.
    pub fn is_empty(&self) -> bool {
        self.include.is_empty() && self.exclude.is_empty()
    }

    /// Every feature name the filter mentions.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.include.iter().chain(&self.exclude).map(String::as_str)
    }

    /// Whether a test using `features` is selected.
    pub fn matches(&self, features: &[String]) -> bool {
        let included = self.include.is_empty() || self.include.iter().any(|f| features.contains(f));
        included && !self.exclude.iter().any(|f| features.contains(f))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test262_harness::Phase;

    fn desc(yaml: &str) -> Description {
        parse_frontmatter(&format!("// header\n/*---\n{yaml}\n---*/\nbody();\n")).unwrap()
    }

    #[test]
    fn default_tests_run_sloppy_and_strict() {
        assert_eq!(modes(&[]), [Mode::Sloppy, Mode::Strict]);
        assert_eq!(modes(&[Flag::Generated]), [Mode::Sloppy, Mode::Strict]);
        assert_eq!(modes(&[Flag::Async]), [Mode::Sloppy, Mode::Strict]);
    }

    #[test]
    fn flags_restrict_the_modes() {
        assert_eq!(modes(&[Flag::OnlyStrict]), [Mode::Strict]);
        assert_eq!(modes(&[Flag::NoStrict]), [Mode::Sloppy]);
        assert_eq!(modes(&[Flag::Raw]), [Mode::Sloppy]);
        assert_eq!(modes(&[Flag::Module]), [Mode::Module]);
        assert_eq!(modes(&[Flag::Raw, Flag::Module]), [Mode::Module]);
        assert_eq!(modes(&[Flag::Module, Flag::Async]), [Mode::Module]);
    }

    #[test]
    fn flags_are_read_from_both_yaml_styles() {
        let d = desc("flags: [onlyStrict, CanBlockIsFalse, non-deterministic]");
        assert_eq!(
            d.flags,
            [
                Flag::OnlyStrict,
                Flag::CanBlockIsFalse,
                Flag::NonDeterministic
            ]
        );
        let d = desc("flags:\n  - noStrict\ndescription: x");
        assert_eq!(d.flags, [Flag::NoStrict]);
    }

    #[test]
    fn includes_follow_the_interpreting_order() {
        let d = desc("includes: [compareArray.js, sta.js]\nflags: [async]");
        assert_eq!(
            includes(&d),
            [
                "assert.js",
                "sta.js",
                "doneprintHandle.js",
                "compareArray.js"
            ]
        );
        let d = desc("includes: [compareArray.js]\nflags: [raw]");
        assert!(includes(&d).is_empty());
        let d = desc("description: plain");
        assert_eq!(includes(&d), ["assert.js", "sta.js"]);
    }

    #[test]
    fn negative_metadata_is_kept_in_the_job() {
        let d = desc("negative:\n  phase: parse\n  type: SyntaxError\nflags: [module]");
        let job = plan(3, "language/x.js", &d);
        let negative = job.negative.unwrap();
        assert_eq!(negative.phase, Phase::Parse);
        assert_eq!(negative.kind.as_deref(), Some("SyntaxError"));
        assert_eq!(job.modes, [Mode::Module]);
        assert_eq!(job.id, 3);
        assert!(!job.is_async);
    }

    #[test]
    fn broken_frontmatter_is_an_error() {
        assert!(parse_frontmatter("no metadata").is_err());
        assert!(parse_frontmatter("/*--- flags: [").is_err());
        assert!(parse_frontmatter("/*---\nflags: [notAFlag]\n---*/").is_err());
    }

    #[test]
    fn feature_filter_includes_and_excludes() {
        let filter = FeatureFilter::from_args(&["Symbol".into(), "-Temporal".into()]);
        assert!(filter.matches(&["Symbol".into()]));
        assert!(!filter.matches(&["Symbol".into(), "Temporal".into()]));
        assert!(!filter.matches(&[]));
        let exclude_only = FeatureFilter::from_args(&["-Temporal".into()]);
        assert!(exclude_only.matches(&[]));
        assert!(!exclude_only.matches(&["Temporal".into()]));
        assert!(FeatureFilter::from_args(&[]).is_empty());
    }
}
