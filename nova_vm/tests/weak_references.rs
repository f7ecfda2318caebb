//! WeakRef and FinalizationRegistry against the real collector: a target is
//! cleared after a collection once unreachable, kept while reachable (and
//! until the end of the job that created or dereferenced it), and cleanup
//! callbacks really run as jobs. Every test also runs under GC stress.

use nova_vm::{Runtime, RuntimeOptions};

fn runtime(gc_stress: bool) -> Runtime {
    let mut rt = Runtime::new(RuntimeOptions {
        gc_stress,
        ..Default::default()
    });
    // For `$262.gc()`: a collection in the middle of a script.
    rt.install_test262_host();
    rt
}

fn eval(runtime: &mut Runtime, code: &str) -> String {
    runtime
        .eval_to_string(code)
        .unwrap_or_else(|e| panic!("{code}: {e}"))
}

fn run(runtime: &mut Runtime, code: &str) {
    runtime
        .run_script(code, "test.js")
        .unwrap_or_else(|e| panic!("{code}: {e}"));
}

fn weak_ref_target_is_cleared_when_unreachable(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    run(
        &mut rt,
        "var ref = (function () { return new WeakRef({ payload: 'gone soon' }); })();
         var seenInCreatingJob = ref.deref().payload;",
    );
    assert_eq!(eval(&mut rt, "seenInCreatingJob"), "gone soon");
    // The script (the job that created the WeakRef) has ended: the target is
    // no longer kept, and nothing else references it.
    rt.collect_garbage();
    assert_eq!(eval(&mut rt, "typeof ref.deref()"), "undefined");
}

#[test]
fn weak_ref_target_is_cleared_when_unreachable_normal() {
    weak_ref_target_is_cleared_when_unreachable(false);
}

#[test]
fn weak_ref_target_is_cleared_when_unreachable_gc_stress() {
    weak_ref_target_is_cleared_when_unreachable(true);
}

fn weak_ref_target_is_kept_while_reachable(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    run(
        &mut rt,
        "var target = { value: 42, name: 'a string long enough for the heap' };
         var ref = new WeakRef(target);",
    );
    // Garbage before and after, so that the target moves during compaction.
    run(&mut rt, "for (var i = 0; i < 5000; i++) ({ i: i });");
    rt.collect_garbage();
    assert_eq!(eval(&mut rt, "ref.deref() === target"), "true");
    assert_eq!(eval(&mut rt, "ref.deref().value"), "42");
    assert_eq!(
        eval(&mut rt, "ref.deref().name"),
        "a string long enough for the heap"
    );
    // Once the last strong reference goes, the next collection clears it.
    run(&mut rt, "target = null;");
    rt.collect_garbage();
    assert_eq!(eval(&mut rt, "typeof ref.deref()"), "undefined");
}

#[test]
fn weak_ref_target_is_kept_while_reachable_normal() {
    weak_ref_target_is_kept_while_reachable(false);
}

#[test]
fn weak_ref_target_is_kept_while_reachable_gc_stress() {
    weak_ref_target_is_kept_while_reachable(true);
}

fn weak_ref_target_is_kept_until_the_job_ends(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    // KeepDuringJob: a collection in the middle of the creating script does not clear it.
    run(
        &mut rt,
        "var ref = new WeakRef({ v: 7 });
         $262.gc();
         var duringCreation = ref.deref().v;",
    );
    assert_eq!(eval(&mut rt, "duringCreation"), "7");
    rt.collect_garbage();
    assert_eq!(eval(&mut rt, "typeof ref.deref()"), "undefined");

    // A deref keeps the target alive for the rest of the job that made it.
    run(
        &mut rt,
        "var holder = { t: { v: 8 } }; var ref2 = new WeakRef(holder.t);",
    );
    rt.collect_garbage();
    run(
        &mut rt,
        "var first = ref2.deref();
         first = null;
         holder.t = null;
         $262.gc();
         var duringDeref = ref2.deref() === undefined ? 'cleared' : ref2.deref().v;",
    );
    assert_eq!(eval(&mut rt, "duringDeref"), "8");
    rt.collect_garbage();
    assert_eq!(eval(&mut rt, "typeof ref2.deref()"), "undefined");
}

#[test]
fn weak_ref_target_is_kept_until_the_job_ends_normal() {
    weak_ref_target_is_kept_until_the_job_ends(false);
}

#[test]
fn weak_ref_target_is_kept_until_the_job_ends_gc_stress() {
    weak_ref_target_is_kept_until_the_job_ends(true);
}

fn cleanup_callback_runs_for_dead_targets(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    run(
        &mut rt,
        "var log = '';
         var registry = new FinalizationRegistry(function (held) { log += held + ';'; });
         var kept = { name: 'kept' };
         (function () {
             registry.register({}, 'first');
             registry.register({}, 'second', {});
         })();
         registry.register(kept, 'never');",
    );
    if !gc_stress {
        // Nothing runs before a collection finds the targets dead (under GC
        // stress, collections during the script already found them).
        rt.run_jobs().expect("no jobs");
        assert_eq!(eval(&mut rt, "log"), "");
        rt.collect_garbage();
        // The cleanup is a job: it has not run yet.
        assert_eq!(eval(&mut rt, "log"), "");
    }
    rt.collect_garbage();
    rt.run_jobs().expect("cleanup job runs");
    assert_eq!(eval(&mut rt, "log"), "first;second;");
    // A second collection does not repeat the callbacks; the kept target stays registered.
    rt.collect_garbage();
    rt.run_jobs().expect("no new cleanup");
    assert_eq!(eval(&mut rt, "log"), "first;second;");
    run(&mut rt, "kept = null;");
    rt.collect_garbage();
    rt.run_jobs().expect("cleanup job runs");
    assert_eq!(eval(&mut rt, "log"), "first;second;never;");
}

#[test]
fn cleanup_callback_runs_for_dead_targets_normal() {
    cleanup_callback_runs_for_dead_targets(false);
}

#[test]
fn cleanup_callback_runs_for_dead_targets_gc_stress() {
    cleanup_callback_runs_for_dead_targets(true);
}

fn unregistered_cells_are_not_cleaned_up(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    run(
        &mut rt,
        "var log = '';
         var registry = new FinalizationRegistry(function (held) { log += held + ';'; });
         var token = {};
         var lateToken = {};
         (function () {
             registry.register({}, 'unregistered before', token);
             registry.register({}, 'unregistered after', lateToken);
             registry.register({}, 'cleaned');
         })();
         var removedBefore = registry.unregister(token);",
    );
    assert_eq!(eval(&mut rt, "removedBefore"), "true");
    rt.collect_garbage();
    // The target died, but the cell is still in [[Cells]] until the cleanup job runs.
    assert_eq!(eval(&mut rt, "registry.unregister(lateToken)"), "true");
    rt.run_jobs().expect("cleanup job runs");
    assert_eq!(eval(&mut rt, "log"), "cleaned;");
}

#[test]
fn unregistered_cells_are_not_cleaned_up_normal() {
    unregistered_cells_are_not_cleaned_up(false);
}

#[test]
fn unregistered_cells_are_not_cleaned_up_gc_stress() {
    unregistered_cells_are_not_cleaned_up(true);
}

fn held_values_and_registry_survive_compaction(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    run(
        &mut rt,
        "var log = '';
         var registry = new FinalizationRegistry(function (held) { log += held.label + ';'; });
         for (var i = 0; i < 2000; i++) ({ garbage: i });
         (function () {
             for (var i = 0; i < 20; i++) registry.register({ i: i }, { label: 'held' + i });
         })();",
    );
    rt.collect_garbage();
    rt.run_jobs().expect("cleanup job runs");
    let expected: String = (0..20).map(|i| format!("held{i};")).collect();
    assert_eq!(eval(&mut rt, "log"), expected);
}

#[test]
fn held_values_and_registry_survive_compaction_normal() {
    held_values_and_registry_survive_compaction(false);
}

#[test]
fn held_values_and_registry_survive_compaction_gc_stress() {
    held_values_and_registry_survive_compaction(true);
}

fn unreachable_registry_runs_no_cleanup(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    run(
        &mut rt,
        "var log = '';
         (function () {
             var registry = new FinalizationRegistry(function (held) { log += held; });
             registry.register({}, 'from a dead registry');
         })();",
    );
    rt.collect_garbage();
    rt.run_jobs().expect("nothing to run");
    assert_eq!(eval(&mut rt, "log"), "");
}

#[test]
fn unreachable_registry_runs_no_cleanup_normal() {
    unreachable_registry_runs_no_cleanup(false);
}

#[test]
fn unreachable_registry_runs_no_cleanup_gc_stress() {
    unreachable_registry_runs_no_cleanup(true);
}

fn cleanup_exception_is_reported(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    run(
        &mut rt,
        "var calls = 0;
         var registry = new FinalizationRegistry(function (held) {
             calls++;
             throw new TypeError('cleanup failed for ' + held);
         });
         (function () { registry.register({}, 'x'); })();",
    );
    rt.collect_garbage();
    let error = rt.run_jobs().expect_err("the callback throws");
    assert_eq!(error.name, "TypeError");
    assert_eq!(error.message, "cleanup failed for x");
    assert_eq!(eval(&mut rt, "calls"), "1");
    // The queue is empty afterwards.
    rt.run_jobs().expect("nothing left");
}

#[test]
fn cleanup_exception_is_reported_normal() {
    cleanup_exception_is_reported(false);
}

#[test]
fn cleanup_exception_is_reported_gc_stress() {
    cleanup_exception_is_reported(true);
}
