//! Benchmark-style check of the collector (not a timed test): memory per live
//! small object, and the pause of a full collection of a large heap.
//!
//! `cargo run --release -p nova_vm --example gc_report`

use std::time::Instant;

use nova_vm::{Runtime, RuntimeOptions};

/// Resident set size of this process in bytes (Linux), if known.
fn rss_bytes() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

fn main() {
    let mut runtime = Runtime::new(RuntimeOptions::default());
    let rss_before = rss_bytes().unwrap_or(0);

    // One million small live objects ({ a, b }), linked so that they stay alive.
    runtime
        .run_script(
            "var keep = null; for (var i = 0; i < 1000000; i++) keep = { a: i, b: keep };",
            "alloc.js",
        )
        .expect("allocation script runs");
    runtime.collect_garbage();
    let stats = runtime.heap_statistics();
    let objects = stats.count("objects");
    let peak = rss_bytes().unwrap_or(0).saturating_sub(rss_before);
    println!("live objects: {objects}");
    println!(
        "arena bytes after collection: {} ({:.1} bytes per live object)",
        stats.reserved_bytes,
        stats.reserved_bytes as f64 / objects as f64
    );
    println!(
        "peak RSS growth: {peak} bytes ({:.1} bytes per live object)",
        peak as f64 / objects as f64
    );

    // Grow the live heap to roughly 100 MB and time one full collection.
    runtime
        .run_script(
            "var big = []; for (var j = 0; j < 8; j++) { var chunk = null; for (var k = 0; k < 60000; k++) chunk = { x: k, y: 'item' + k, next: chunk }; big[j] = chunk; }",
            "grow.js",
        )
        .expect("growth script runs");
    let reserved = runtime.heap_statistics().reserved_bytes;
    let start = Instant::now();
    runtime.collect_garbage();
    let pause = start.elapsed();
    let stats = runtime.heap_statistics();
    println!(
        "full collection of a {:.1} MB heap: pause {:?} (collector-reported max pause {:?}, {} collections so far)",
        reserved as f64 / 1e6,
        pause,
        stats.gc.max_pause,
        stats.gc.collections
    );
}
