//! The `nova` command: runs JavaScript files with the nova engine.

use std::process::ExitCode;

use clap::Parser;
use nova_vm::{ExceptionPhase, Runtime, RuntimeOptions};

/// Run JavaScript with nova.
#[derive(Parser, Debug)]
#[command(
    name = "nova",
    version,
    about = "Run JavaScript files with the nova engine"
)]
struct Cli {
    /// Script file to run.
    file: Option<std::path::PathBuf>,
    /// Evaluate this code instead of a file.
    #[arg(short = 'e', long = "eval", value_name = "CODE")]
    eval: Option<String>,
    /// Collect garbage at every safepoint (slow; for finding GC bugs).
    #[arg(long)]
    gc_stress: bool,
    /// Print a line for every garbage collection.
    #[arg(long)]
    trace_gc: bool,
    /// Stop the script after this many seconds (it throws "Execution interrupted").
    #[arg(long, value_name = "SECONDS")]
    timeout: Option<f64>,
    /// Run the file as an ECMAScript module (the default for `.mjs` files):
    /// its imports load relative to its directory.
    #[arg(short = 'm', long)]
    module: bool,
}

/// Stack size of the thread that runs JavaScript: deep (but bounded) recursion
/// in the parser and in built-ins must not overflow.
const ENGINE_STACK_BYTES: usize = 1 << 30;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let module_path = cli.file.clone().filter(|path| {
        cli.eval.is_none()
            && (cli.module || path.extension().is_some_and(|extension| extension == "mjs"))
    });
    let (source, name) = match (&cli.eval, &cli.file) {
        (Some(code), _) => (code.clone(), "<eval>".to_owned()),
        (None, Some(path)) => match std::fs::read(path) {
            Ok(bytes) => (
                String::from_utf8_lossy(&bytes).into_owned(),
                path.display().to_string(),
            ),
            Err(error) => {
                eprintln!("nova: cannot read {}: {error}", path.display());
                return ExitCode::from(2);
            }
        },
        (None, None) => {
            eprintln!("nova: give a script file or -e CODE (see nova --help)");
            return ExitCode::from(2);
        }
    };
    let options = RuntimeOptions {
        gc_stress: cli.gc_stress,
        trace_gc: cli.trace_gc,
    };
    let worker = std::thread::Builder::new()
        .name("nova".to_owned())
        .stack_size(ENGINE_STACK_BYTES)
        .spawn(move || run(options, &source, &name, module_path, cli.timeout));
    match worker.map(|handle| handle.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("nova: internal error");
            ExitCode::from(70)
        }
    }
}

fn run(
    options: RuntimeOptions,
    source: &str,
    name: &str,
    module_path: Option<std::path::PathBuf>,
    timeout: Option<f64>,
) -> ExitCode {
    let mut runtime = Runtime::new(options);
    if let Some(seconds) = timeout.filter(|s| s.is_finite() && *s >= 0.0) {
        let handle = runtime.interrupt_handle();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs_f64(seconds));
            handle.interrupt();
        });
    }
    let result = match &module_path {
        Some(path) => runtime.run_module(source, path),
        None => runtime.run_script(source, name),
    }
    .and_then(|()| runtime.run_jobs());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(exception) if exception.phase != ExceptionPhase::Runtime => {
            eprintln!("{}: {}", exception.name, exception.message);
            ExitCode::from(1)
        }
        Err(exception) => {
            eprintln!("Uncaught {exception}");
            if !exception.stack.is_empty() {
                eprintln!("{}", exception.stack);
            }
            ExitCode::from(1)
        }
    }
}
