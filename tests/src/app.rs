//! What a run does: select the tests, run them on the worker pool, report, and check or update
//! the expectations; or, with `--gc-stress-subset`, compare a normal and a GC-stress run.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use crate::cli::Cli;
use crate::driver::{self, WorkerCommand};
use crate::engine::Nova;
use crate::expectations::{Expectations, Scope};
use crate::metadata::FeatureFilter;
use crate::progress::Progress;
use crate::report;
use crate::results::{Results, RunReport, Summary};
use crate::selection::{Selection, select};
use crate::suite::{DEFAULT_ROOTS, PathFilter, Suite, roots_to_walk};

/// Under GC stress every mode gets this many times the time limit.
const GC_STRESS_TIMEOUT_FACTOR: f64 = 5.0;

/// Non-passing tests listed for a filtered run without `-v`.
const DEFAULT_LISTED_FAILURES: usize = 50;

/// The hidden worker mode.
pub fn serve_as_worker(cli: &Cli) -> Result<(), String> {
    let suite = locate_suite(cli)?;
    crate::worker::run(Nova::new(cli.gc_stress), suite, cli.memory_limit)
        .map_err(|e| format!("worker: {e}"))
}

fn locate_suite(cli: &Cli) -> Result<Suite, String> {
    let from_env = std::env::var_os("TEST262_DIR").map(PathBuf::from);
    Suite::locate(cli.suite.as_deref().or(from_env.as_deref()))
}

/// The workspace root (the parent of this crate).
fn workspace_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the crate lives in a workspace")
}

/// A run of the harness, as the command line asks.
struct Run<'a> {
    cli: &'a Cli,
    suite: Suite,
    workers: usize,
    /// The top-level directories walked.
    roots: Vec<&'static str>,
    filters: Vec<PathFilter>,
    /// Whether `--features` narrowed the run.
    by_feature: bool,
}

/// Runs the harness; the exit code is 1 when a check or a GC-stress comparison fails.
pub fn run(cli: &Cli) -> Result<ExitCode, String> {
    let suite = locate_suite(cli)?;
    let workers = match cli.jobs {
        Some(n) => usize::from(n),
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let filters: Vec<PathFilter> = cli.filters.iter().map(|f| suite.filter(f)).collect();
    let features = FeatureFilter::from_args(&cli.features);
    warn_unknown_features(&suite, &features);
    let optional: Vec<&str> = [(cli.intl402, "intl402"), (cli.staging, "staging")]
        .into_iter()
        .filter_map(|(asked, root)| asked.then_some(root))
        .collect();
    let roots = roots_to_walk(&optional, &filters);
    let selection = select(&suite, &roots, &filters, &features, workers)
        .map_err(|e| format!("cannot read the suite: {e}"))?;
    if selection.is_empty() {
        return Err("no test matches the filters".to_string());
    }
    let run = Run {
        cli,
        suite,
        workers,
        roots,
        filters,
        by_feature: !features.is_empty(),
    };
    if cli.gc_stress_subset {
        run.gc_stress_subset(&selection.stride_subset(cli.stride as usize))
    } else {
        run.normal(&selection)
    }
}

fn warn_unknown_features(suite: &Suite, features: &FeatureFilter) {
    let known = suite.known_features();
    for name in features.names() {
        if !known.is_empty() && !known.iter().any(|k| k == name) {
            eprintln!("test262: warning: feature {name:?} is not in features.txt");
        }
    }
}

impl Run<'_> {
    /// Whether the run would have run the test at `path` if it existed: a listed test in scope
    /// but not in the results is no longer in the suite. (With `--features` nothing is in scope,
    /// since a removed test's features are unknown.)
    fn in_scope(&self, path: &str) -> bool {
        let root = path.split('/').next().unwrap_or("");
        !self.by_feature
            && self.roots.contains(&root)
            && (self.filters.is_empty() || self.filters.iter().any(|f| f.matches(path)))
    }

    fn expectations_path(&self) -> PathBuf {
        self.cli
            .expectations
            .clone()
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("expectations.json"))
    }

    fn json_path(&self) -> PathBuf {
        self.cli.json.clone().unwrap_or_else(|| {
            let target = std::env::var_os("CARGO_TARGET_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| workspace_root().join("target"));
            target.join("test262").join("results.json")
        })
    }

    fn worker_command(&self, gc_stress: bool) -> Result<WorkerCommand, String> {
        let program =
            std::env::current_exe().map_err(|e| format!("cannot find this executable: {e}"))?;
        let mut args = vec![
            "--worker".to_string(),
            "--suite".to_string(),
            self.suite.root().to_string_lossy().into_owned(),
            "--memory-limit".to_string(),
            self.cli.memory_limit.to_string(),
        ];
        if gc_stress {
            args.push("--gc-stress".to_string());
        }
        Ok(WorkerCommand {
            program,
            args,
            env: Vec::new(),
        })
    }

    /// Runs `selection` on the worker pool with a progress report.
    fn execute(
        &self,
        selection: &Selection,
        gc_stress: bool,
        label: &str,
    ) -> Result<(Results, Duration), String> {
        let started = Instant::now();
        let factor = if gc_stress {
            GC_STRESS_TIMEOUT_FACTOR
        } else {
            1.0
        };
        let config = driver::Config {
            workers: self.workers,
            timeout: Duration::from_secs_f64(self.cli.timeout * factor),
            command: self.worker_command(gc_stress)?,
        };
        let mut progress = Progress::new(label, selection.len());
        for result in selection.settled.values() {
            progress.record(result.status);
        }
        let mut results = driver::run(&selection.jobs, &config, |_, result| {
            progress.record(result.status)
        })
        .map_err(|e| e.to_string())?;
        progress.finish();
        results.extend(selection.settled.clone());
        Ok((results, started.elapsed()))
    }

    /// Prints the reports of a run and writes its results file.
    fn report(
        &self,
        title: &str,
        results: &Results,
        elapsed: Duration,
        gc_stress: bool,
        json: &Path,
    ) -> Result<Summary, String> {
        let cli = self.cli;
        let summary = Summary::of(results.values().map(|r| &r.status));
        print!("{}", report::summary(title, &summary, elapsed));
        if let Some(depth) = cli.by_dir {
            print!("\n{}", report::by_dir(results, depth.max(1), cli.sort));
        }
        let list_failures = cli.verbose || (!cli.filters.is_empty() && !cli.check && !cli.update);
        if list_failures {
            let limit = if cli.verbose {
                usize::MAX
            } else {
                DEFAULT_LISTED_FAILURES
            };
            let listed = report::not_passing(results, limit);
            if !listed.is_empty() {
                print!("\n{listed}");
            }
        }
        if let Some(n) = cli.slowest {
            print!("\n{}", report::slowest(results, n));
        }
        let file = RunReport {
            suite: self.suite.root().to_string_lossy().into_owned(),
            gc_stress,
            summary,
            tests: results.clone(),
        };
        file.write(json)
            .map_err(|e| format!("cannot write {}: {e}", json.display()))?;
        println!("results: {}", json.display());
        Ok(summary)
    }

    fn normal(&self, selection: &Selection) -> Result<ExitCode, String> {
        let cli = self.cli;
        let title = if cli.gc_stress {
            "test262 under GC stress"
        } else {
            "test262"
        };
        let (results, elapsed) = self.execute(selection, cli.gc_stress, title)?;
        self.report(title, &results, elapsed, cli.gc_stress, &self.json_path())?;
        let scope = |path: &str| self.in_scope(path);
        if cli.check && !self.check(&results, &scope)? {
            return Ok(ExitCode::from(1));
        }
        if cli.update {
            self.update(&results, &scope)?;
        }
        Ok(ExitCode::SUCCESS)
    }

    /// Compares with the expectations; `false` when anything changed.
    fn check(&self, results: &Results, scope: Scope) -> Result<bool, String> {
        let path = self.expectations_path();
        let expectations = Expectations::load(&path)?;
        let changes = expectations.diff(results, scope);
        if changes.is_empty() {
            println!(
                "\ncheck: all {} tests match {}",
                results.len(),
                path.display()
            );
            return Ok(true);
        }
        println!(
            "\ncheck: {} differ from {}\n{}",
            report::count(changes.len(), "test"),
            path.display(),
            report::changes(&changes)
        );
        let mut command = String::from("cargo run --release -p tests --bin test262 -- --update");
        for filter in &self.cli.filters {
            command.push(' ');
            command.push_str(filter);
        }
        if !self.cli.features.is_empty() {
            command.push_str(&format!(" --features={}", self.cli.features.join(",")));
        }
        println!(
            "If these changes are intended (newly passing tests are too), record them with\n  {command}"
        );
        Ok(false)
    }

    /// Records the run in the expectations and rewrites the metrics.
    fn update(&self, results: &Results, scope: Scope) -> Result<(), String> {
        let path = self.expectations_path();
        let mut expectations = Expectations::load(&path)?;
        let changed = expectations.diff(results, scope).len();
        expectations.update(results, scope);
        expectations
            .save(&path)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        let mut metric_roots: Vec<String> = DEFAULT_ROOTS
            .iter()
            .chain(&self.roots)
            .map(|r| r.to_string())
            .chain(expectations.roots())
            .collect();
        metric_roots.sort();
        metric_roots.dedup();
        let mut counts = BTreeMap::new();
        for root in metric_roots {
            let all = select(
                &self.suite,
                &[&root],
                &[],
                &FeatureFilter::default(),
                self.workers,
            )
            .map_err(|e| format!("cannot read the suite: {e}"))?;
            counts.insert(root, (all.len(), all.skipped()));
        }
        let metrics = expectations.metrics(&counts);
        let metrics_path = path.with_file_name("metrics.json");
        metrics
            .save(&metrics_path)
            .map_err(|e| format!("cannot write {}: {e}", metrics_path.display()))?;
        println!(
            "\nupdate: {} now lists {} non-passing tests ({changed} changed); totals in {}",
            path.display(),
            expectations.len(),
            metrics_path.display()
        );
        Ok(())
    }

    fn gc_stress_subset(&self, subset: &Selection) -> Result<ExitCode, String> {
        let stride = self.cli.stride;
        let title = format!("test262 subset (1 in {stride} tests)");
        let (normal, elapsed) = self.execute(subset, false, &title)?;
        let json = self.json_path();
        self.report(&title, &normal, elapsed, false, &json)?;
        let stress_title = format!("{title} under GC stress");
        let (stressed, elapsed) = self.execute(subset, true, &stress_title)?;
        let stem = json
            .file_stem()
            .map_or("results".into(), |s| s.to_string_lossy());
        let stress_json = json.with_file_name(format!("{stem}-gc-stress.json"));
        println!();
        self.report(&stress_title, &stressed, elapsed, true, &stress_json)?;
        let mut passed = true;
        let slow = report::stress_timeouts(&normal, &stressed);
        if !slow.is_empty() {
            println!(
                "\ngc-stress: {} too slow under GC stress (timed out; not compared):\n{}",
                report::count(slow.len(), "test"),
                slow.join("\n")
            );
        }
        let differences = report::stress_differences(&normal, &stressed);
        if differences.is_empty() {
            println!(
                "\ngc-stress: all {} results match the normal run",
                normal.len()
            );
        } else {
            passed = false;
            println!(
                "\ngc-stress: {} differ under GC stress (each is a rooting bug until shown otherwise):\n{}",
                report::count(differences.len(), "test"),
                differences.join("\n")
            );
        }
        if self.cli.check && !self.check(&normal, &|_| false)? {
            passed = false;
        }
        Ok(if passed {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::TempDir;
    use clap::Parser;

    #[test]
    fn the_scope_is_what_the_run_would_have_run() {
        let dir = TempDir::new("t262-app");
        dir.write("harness/assert.js", "");
        dir.write("test/built-ins/Array/a.js", "");
        let suite = Suite::at(dir.path()).unwrap();
        let cli = Cli::try_parse_from(["test262"]).unwrap();
        let run = |filters: &[&str], by_feature| {
            let filters: Vec<PathFilter> = filters.iter().map(|f| suite.filter(f)).collect();
            Run {
                cli: &cli,
                suite: suite.clone(),
                workers: 1,
                roots: roots_to_walk(&[], &filters),
                filters,
                by_feature,
            }
        };
        let everything = run(&[], false);
        assert!(everything.in_scope("language/gone.js"));
        assert!(!everything.in_scope("staging/gone.js"));
        let array = run(&["built-ins/Array"], false);
        assert!(array.in_scope("built-ins/Array/gone.js"));
        assert!(!array.in_scope("built-ins/ArrayBuffer/gone.js"));
        assert!(!array.in_scope("language/gone.js"));
        assert!(!run(&[], true).in_scope("language/gone.js"));
    }
}
