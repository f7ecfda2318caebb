//! `test262`: the conformance harness of nova. See `cli.rs` for the command line, `app.rs` for
//! what a run does, and `protocol.rs` for how the driver talks to its worker processes.

mod app;
mod cli;
mod driver;
mod engine;
mod expectations;
mod metadata;
mod progress;
mod protocol;
mod report;
mod results;
mod runner;
mod selection;
mod skips;
mod suite;
#[cfg(test)]
mod testutil;
mod worker;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let outcome = if cli.worker {
        app::serve_as_worker(&cli).map(|()| ExitCode::SUCCESS)
    } else {
        app::run(&cli)
    };
    outcome.unwrap_or_else(|message| {
        eprintln!("test262: {message}");
        ExitCode::from(2)
    })
}
