//! test262's `$262.agent` and shared memory across threads: child agents see
//! the main agent's SharedArrayBuffer writes, `Atomics.wait` blocks until
//! `Atomics.notify` (in FIFO order) or a timeout, `Atomics.waitAsync`
//! promises settle by notification or timeout, atomic read-modify-writes
//! from several threads lose no update, and dropping a runtime whose agents
//! still wait does not hang. The agent tests also run under GC stress.

use std::time::{Duration, Instant};

use nova_vm::{Runtime, RuntimeOptions};

fn runtime(gc_stress: bool) -> Runtime {
    let mut runtime = Runtime::new(RuntimeOptions {
        gc_stress,
        ..Default::default()
    });
    runtime.install_test262_host();
    runtime
}

fn eval(runtime: &mut Runtime, code: &str) -> String {
    runtime
        .eval_to_string(code)
        .unwrap_or_else(|e| panic!("{code}: {e}"))
}

/// Polls `getReport` until a report arrives.
const GET_REPORT: &str = "function getReport() { var r; while ((r = $262.agent.getReport()) == null) $262.agent.sleep(1); return r; }";

fn wait_and_notify(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    eval(&mut rt, GET_REPORT);
    eval(
        &mut rt,
        "var i32a = new Int32Array(new SharedArrayBuffer(16));
         for (var k = 0; k < 2; k++) {
           $262.agent.start(`
             $262.agent.receiveBroadcast(function (sab) {
               var i32a = new Int32Array(sab);
               var id = Atomics.add(i32a, 1, 1);
               // The second agent queues behind the first.
               if (id === 1) $262.agent.sleep(200);
               Atomics.add(i32a, 2, 1);
               $262.agent.report(id + ':' + Atomics.wait(i32a, 0, 0));
               $262.agent.leaving();
             });
           `);
         }
         $262.agent.broadcast(i32a.buffer);",
    );
    eval(
        &mut rt,
        "while (Atomics.load(i32a, 2) !== 2) {} $262.agent.sleep(100);",
    );
    // FIFO: the first notification wakes the agent that waited first.
    assert_eq!(eval(&mut rt, "Atomics.notify(i32a, 0, 1)"), "1");
    assert_eq!(eval(&mut rt, "getReport()"), "0:ok");
    assert_eq!(eval(&mut rt, "Atomics.notify(i32a, 0)"), "1");
    assert_eq!(eval(&mut rt, "getReport()"), "1:ok");
    assert_eq!(eval(&mut rt, "Atomics.notify(i32a, 0)"), "0");
}

#[test]
fn a_blocked_agent_wakes_on_notify() {
    wait_and_notify(false);
}

#[test]
fn a_blocked_agent_wakes_on_notify_under_gc_stress() {
    wait_and_notify(true);
}

#[test]
fn waits_time_out_and_compare_the_value() {
    let mut rt = runtime(false);
    eval(&mut rt, GET_REPORT);
    eval(
        &mut rt,
        "var i32a = new Int32Array(new SharedArrayBuffer(8));
         $262.agent.start(`
           $262.agent.receiveBroadcast(function (sab) {
             var i32a = new Int32Array(sab);
             var before = $262.agent.monotonicNow();
             var result = Atomics.wait(i32a, 0, 0, 100);
             $262.agent.report(result + ' ' + ($262.agent.monotonicNow() - before >= 100));
             $262.agent.report(Atomics.wait(i32a, 0, 1, 100));
             $262.agent.leaving();
           });
         `);
         $262.agent.broadcast(i32a.buffer);",
    );
    assert_eq!(eval(&mut rt, "getReport()"), "timed-out true");
    assert_eq!(eval(&mut rt, "getReport()"), "not-equal");
    // The main agent can block too.
    assert_eq!(eval(&mut rt, "Atomics.wait(i32a, 0, 0, 10)"), "timed-out");
}

#[test]
fn atomic_adds_from_many_threads_are_not_lost() {
    let mut rt = runtime(false);
    eval(
        &mut rt,
        "var i32a = new Int32Array(new SharedArrayBuffer(16));
         for (var k = 0; k < 3; k++) {
           $262.agent.start(`
             $262.agent.receiveBroadcast(function (sab) {
               var ta = new Int32Array(sab);
               for (var i = 0; i < 20000; i++) Atomics.add(ta, 0, 1);
               Atomics.add(ta, 1, 1);
               $262.agent.leaving();
             });
           `);
         }
         $262.agent.broadcast(i32a.buffer);
         for (var i = 0; i < 20000; i++) Atomics.sub(i32a, 0, 1);
         while (Atomics.load(i32a, 1) !== 3) {}",
    );
    assert_eq!(eval(&mut rt, "Atomics.load(i32a, 0)"), "40000");
}

#[test]
fn plain_writes_and_growth_are_seen_by_other_agents() {
    let mut rt = runtime(false);
    eval(&mut rt, GET_REPORT);
    eval(
        &mut rt,
        "var sab = new SharedArrayBuffer(4, { maxByteLength: 16 });
         var bytes = new Uint8Array(sab);
         bytes[0] = 42;
         $262.agent.start(`
           $262.agent.receiveBroadcast(function (sab, n) {
             var view = new DataView(sab);
             $262.agent.report(sab.byteLength + ' ' + view.getUint8(0) + ' ' + n);
             sab.grow(12);
             new Uint8Array(sab)[11] = 7;
             $262.agent.report('grown');
             $262.agent.leaving();
           });
         `);
         $262.agent.broadcast(sab, 5);",
    );
    assert_eq!(eval(&mut rt, "getReport()"), "4 42 5");
    assert_eq!(eval(&mut rt, "getReport()"), "grown");
    assert_eq!(
        eval(
            &mut rt,
            "sab.byteLength + ' ' + new Uint8Array(sab)[11] + ' ' + bytes.length"
        ),
        "12 7 12"
    );
}

#[test]
fn wait_async_settles_by_notify_and_by_timeout() {
    let mut rt = runtime(false);
    rt.run_script(
        "var log = [];
         var i32a = new Int32Array(new SharedArrayBuffer(16));
         var a = Atomics.waitAsync(i32a, 0, 0, 10000);
         var b = Atomics.waitAsync(i32a, 1, 0, 50);
         var c = Atomics.waitAsync(i32a, 2, 1);
         log.push(a.async + ' ' + b.async + ' ' + c.async + ':' + c.value);
         a.value.then(function (v) { log.push('a ' + v); });
         b.value.then(function (v) { log.push('b ' + v); });
         log.push('notified ' + Atomics.notify(i32a, 0));",
        "wait_async.js",
    )
    .unwrap();
    let started = Instant::now();
    rt.run_jobs().unwrap();
    assert!(started.elapsed() >= Duration::from_millis(40));
    assert_eq!(
        eval(&mut rt, "log.join()"),
        "true true false:not-equal,notified 1,a ok,b timed-out"
    );
}

#[test]
fn dropping_the_runtime_ends_waiting_agents() {
    let mut rt = runtime(false);
    eval(
        &mut rt,
        "var i32a = new Int32Array(new SharedArrayBuffer(8));
         $262.agent.start(`
           $262.agent.receiveBroadcast(function (sab) {
             var ta = new Int32Array(sab);
             Atomics.add(ta, 1, 1);
             Atomics.wait(ta, 0, 0);
           });
         `);
         $262.agent.broadcast(i32a.buffer);
         while (Atomics.load(i32a, 1) !== 1) {}
         $262.agent.start('for (;;) {}');",
    );
    let started = Instant::now();
    drop(rt);
    assert!(started.elapsed() < Duration::from_secs(2));
}
