//! Shared by the integration tests that check a table of scripts.

use nova_vm::{Runtime, RuntimeOptions};

/// Runs each `(script, expected)` case in a fresh runtime, once normally and
/// once under GC stress, and checks the completion value's string.
#[allow(dead_code)]
pub fn assert_cases_evaluate(cases: &[(&str, &str)]) {
    for gc_stress in [false, true] {
        assert_cases_evaluate_in(cases, gc_stress);
    }
}

/// [`assert_cases_evaluate`] in one mode only.
pub fn assert_cases_evaluate_in(cases: &[(&str, &str)], gc_stress: bool) {
    for (source, expected) in cases {
        let mut runtime = Runtime::new(RuntimeOptions {
            gc_stress,
            ..Default::default()
        });
        let actual = runtime
            .eval_to_string(source)
            .unwrap_or_else(|e| panic!("{source}: {e}"));
        assert_eq!(&actual, expected, "{source} (gc_stress: {gc_stress})");
    }
}
