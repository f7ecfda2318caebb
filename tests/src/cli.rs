//! The command line.

use std::path::PathBuf;

use clap::Parser;

use crate::report::DirOrder;

/// Shown after `--help`.
const EXAMPLES: &str = "\
Examples (from the workspace root):
  cargo run --release -p tests --bin test262 -- built-ins/Array/prototype/map -v
  cargo run --release -p tests --bin test262 -- --check
  cargo run --release -p tests --bin test262 -- --update language/expressions/class
  cargo run --release -p tests --bin test262 -- --gc-stress-subset --check

Exit status: 0 when the run completed (and --check or --gc-stress-subset found no change),
1 when they found one, 2 on a usage or setup error.";

/// Runs the test262 conformance suite against nova.
///
/// By default every test of test/built-ins, test/language, test/annexB and test/harness runs,
/// each in its modes (sloppy and strict unless flagged otherwise, module for module tests), in
/// parallel worker processes. A test passes only if all of its modes pass.
#[derive(Debug, Parser)]
#[command(name = "test262", version, after_long_help = EXAMPLES)]
pub struct Cli {
    /// Only run tests whose path (relative to test/) starts with one of these, e.g.
    /// `built-ins/Array` or `language/expressions/`. A directory matches only its own contents;
    /// paths on disk work too. Filters into intl402/ or staging/ run those directories.
    #[arg(value_name = "PATH")]
    pub filters: Vec<String>,

    /// The test262 checkout (default: $TEST262_DIR, else tests/test262 or ../shared/test262
    /// next to the workspace or the current directory).
    #[arg(long, value_name = "DIR")]
    pub suite: Option<PathBuf>,

    /// Worker processes to run in parallel (default: number of cores).
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Time limit of each mode of each test, in seconds (5x under GC stress).
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0)]
    pub timeout: f64,

    /// Only tests using one of these features; `-name` excludes tests using that feature
    /// (comma-separated, e.g. `--features=Symbol,-Temporal`).
    #[arg(
        long,
        value_name = "LIST",
        value_delimiter = ',',
        allow_hyphen_values = true
    )]
    pub features: Vec<String>,

    /// Also run test/intl402.
    #[arg(long)]
    pub intl402: bool,

    /// Also run test/staging.
    #[arg(long)]
    pub staging: bool,

    /// Where to write every test's result as JSON (default: target/test262/results.json).
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,

    /// Print a table per directory, cut to this many path components (1 = built-ins, ...).
    #[arg(long, value_name = "DEPTH")]
    pub by_dir: Option<usize>,

    /// Order of the --by-dir table.
    #[arg(long, value_enum, default_value_t = DirOrder::Name)]
    pub sort: DirOrder,

    /// Compare with the expectations file and fail on any change of status, either way.
    #[arg(long, conflicts_with = "update")]
    pub check: bool,

    /// Record this run in the expectations file (merged when filtered) and rewrite metrics.json.
    #[arg(long)]
    pub update: bool,

    /// The expectations file (default: tests/expectations.json; metrics.json goes beside it).
    #[arg(long, value_name = "FILE")]
    pub expectations: Option<PathBuf>,

    /// Run the engine in GC-stress mode (a collection at every safepoint).
    #[arg(long, conflicts_with_all = ["update", "gc_stress_subset"])]
    pub gc_stress: bool,

    /// Run every --stride-th test both normally and under GC stress; fail if any result differs.
    #[arg(long, conflicts_with = "update")]
    pub gc_stress_subset: bool,

    /// The step of --gc-stress-subset, in sorted path order.
    #[arg(long, value_name = "N", default_value_t = 20, requires = "gc_stress_subset",
          value_parser = clap::value_parser!(u32).range(1..))]
    pub stride: u32,

    /// Address-space limit of each worker in MiB (0: none); a test exceeding it crashes alone.
    #[arg(long, value_name = "MIB", default_value_t = 4096)]
    pub memory_limit: u64,

    /// List every non-passing test (by default up to 50, and only for filtered runs without
    /// --check or --update).
    #[arg(short, long)]
    pub verbose: bool,

    /// Print the N slowest tests.
    #[arg(long, value_name = "N")]
    pub slowest: Option<usize>,

    /// Internal: serve jobs on stdin/stdout as a worker process.
    #[arg(long, hide = true)]
    pub worker: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn flags_parse_and_conflict() {
        let cli = Cli::try_parse_from([
            "test262",
            "built-ins/Array",
            "-j3",
            "--features=Symbol,-Temporal",
            "--by-dir",
            "2",
            "--sort",
            "fail",
        ])
        .unwrap();
        assert_eq!(cli.filters, ["built-ins/Array"]);
        assert_eq!(cli.jobs, Some(3));
        assert_eq!(cli.features, ["Symbol", "-Temporal"]);
        assert_eq!(cli.sort, DirOrder::Fail);
        assert_eq!(cli.timeout, 10.0);
        assert_eq!(cli.stride, 20);

        let cli = Cli::try_parse_from(["test262", "--features", "-Temporal"]).unwrap();
        assert_eq!(cli.features, ["-Temporal"]);

        for bad in [
            &["test262", "--check", "--update"][..],
            &["test262", "--gc-stress", "--update"],
            &["test262", "--stride", "5"],
            &["test262", "--gc-stress-subset", "--stride", "0"],
            &["test262", "-j", "0"],
        ] {
            assert!(Cli::try_parse_from(bad).is_err(), "{bad:?}");
        }
        let cli =
            Cli::try_parse_from(["test262", "--gc-stress-subset", "--stride", "7", "--check"])
                .unwrap();
        assert_eq!(cli.stride, 7);
    }
}
