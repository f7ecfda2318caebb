//! The one module that calls `nova_vm`: the [`Engine`] and [`Instance`] traits implemented over
//! the engine's embedding API.

use std::path::Path;

use nova_vm::{ExceptionPhase, JsException, Runtime, RuntimeOptions};

use crate::runner::{Engine, ErrorPhase, Exception, Instance};

/// Creates nova runtimes for tests.
pub struct Nova {
    gc_stress: bool,
}

impl Nova {
    /// An engine whose runtimes collect at every safepoint when `gc_stress` is set.
    pub fn new(gc_stress: bool) -> Nova {
        Nova { gc_stress }
    }
}

impl Engine for Nova {
    type Instance = Runtime;

    fn instantiate(&self) -> Runtime {
        let mut runtime = Runtime::new(RuntimeOptions {
            gc_stress: self.gc_stress,
            ..Default::default()
        });
        runtime.install_test262_host();
        runtime
    }
}

/// Converts the engine's uncaught exception into the harness's.
fn exception(e: JsException) -> Exception {
    Exception {
        phase: match e.phase {
            ExceptionPhase::Parse => ErrorPhase::Parse,
            ExceptionPhase::Resolution => ErrorPhase::Resolution,
            ExceptionPhase::Runtime => ErrorPhase::Runtime,
        },
        name: e.name,
        message: e.message,
    }
}

impl Instance for Runtime {
    fn run_script(&mut self, source: &str, name: &str) -> Result<(), Exception> {
        Runtime::run_script(self, source, name).map_err(exception)
    }

    fn run_module(&mut self, source: &str, path: &Path) -> Result<(), Exception> {
        Runtime::run_module(self, source, path).map_err(exception)
    }

    fn run_jobs(&mut self) -> Result<(), Exception> {
        Runtime::run_jobs(self).map_err(exception)
    }

    fn take_output(&mut self) -> Vec<String> {
        Runtime::take_output(self)
    }
}
