//! Progress while a run goes: a progress bar on a terminal, plain periodic lines otherwise
//! (CI logs, pipes).

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

use crate::results::{Status, Summary};

/// How often plain progress lines are printed.
const PLAIN_EVERY: Duration = Duration::from_secs(10);

/// Reports the progress of one run on stderr.
pub struct Progress {
    label: String,
    total: usize,
    counts: Summary,
    started: Instant,
    output: Output,
}

enum Output {
    Bar(ProgressBar),
    Plain { last_line: Instant },
}

/// Whether to draw a progress bar: stderr is a terminal and the CI variable is not set.
fn use_bar() -> bool {
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && v != "false");
    std::io::stderr().is_terminal() && !ci
}

impl Progress {
    /// Starts reporting a run of `total` tests.
    pub fn new(label: &str, total: usize) -> Progress {
        let output = if use_bar() {
            let bar = ProgressBar::new(total as u64);
            let style = ProgressStyle::with_template(
                "{prefix} [{elapsed_precise}] {wide_bar} {pos}/{len} (eta {eta}) {msg}",
            )
            .expect("valid progress template");
            bar.set_style(style);
            bar.set_prefix(label.to_string());
            bar.enable_steady_tick(Duration::from_millis(250));
            Output::Bar(bar)
        } else {
            eprintln!("{label}: running {total} tests");
            Output::Plain {
                last_line: Instant::now(),
            }
        };
        Progress {
            label: label.to_string(),
            total,
            counts: Summary::default(),
            started: Instant::now(),
            output,
        }
    }

    fn counts_line(&self) -> String {
        let c = &self.counts;
        format!(
            "pass {} fail {} crash {} timeout {}",
            c.pass, c.fail, c.crash, c.timeout
        )
    }

    /// Counts one finished test.
    pub fn record(&mut self, status: Status) {
        self.counts.add(status);
        let line = self.counts_line();
        match &mut self.output {
            Output::Bar(bar) => {
                bar.inc(1);
                bar.set_message(line);
            }
            Output::Plain { last_line } => {
                if last_line.elapsed() >= PLAIN_EVERY {
                    *last_line = Instant::now();
                    let done = self.counts.total;
                    eprintln!(
                        "{}: {done}/{} ({:.0} %) {line} [{:.0} s]",
                        self.label,
                        self.total,
                        done as f64 * 100.0 / self.total.max(1) as f64,
                        self.started.elapsed().as_secs_f64()
                    );
                }
            }
        }
    }

    /// Ends the report.
    pub fn finish(self) {
        match self.output {
            Output::Bar(bar) => bar.finish_and_clear(),
            Output::Plain { .. } => eprintln!(
                "{}: done, {}/{} tests, {} [{:.0} s]",
                self.label,
                self.counts.total,
                self.total,
                self.counts_line(),
                self.started.elapsed().as_secs_f64()
            ),
        }
    }
}
