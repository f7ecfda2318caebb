//! The collector from the outside: graphs survive compaction intact, garbage
//! (including cycles) is reclaimed, and weak tables behave as ephemerons.
//! Every test also runs under GC stress (a collection at every safepoint).

use nova_vm::{Runtime, RuntimeOptions};

fn runtime(gc_stress: bool) -> Runtime {
    Runtime::new(RuntimeOptions {
        gc_stress,
        ..Default::default()
    })
}

fn objects(runtime: &Runtime) -> usize {
    runtime.heap_statistics().count("objects")
}

fn eval(runtime: &mut Runtime, code: &str) -> String {
    runtime
        .eval_to_string(code)
        .unwrap_or_else(|e| panic!("{code}: {e}"))
}

fn graph_survives_compaction(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    // Garbage first, so that the objects that stay alive sit high in the arena.
    eval(
        &mut rt,
        "var chain = null; for (var i = 0; i < 20000; i++) chain = { next: chain, i: i }; chain = null;",
    );
    eval(
        &mut rt,
        "var keep = { name: 'root', child: { value: 42, text: 'a string long enough for the heap' } };
         keep.self = keep; keep.list = null;
         for (var j = 0; j < 100; j++) keep.list = { j: j, rest: keep.list };",
    );
    let before = objects(&rt);
    rt.collect_garbage();
    let after = objects(&rt);
    // (Under GC stress the chain was already reclaimed while it was built.)
    assert!(
        after < 20000 && after <= before,
        "garbage reclaimed: {before} -> {after}"
    );
    if !gc_stress {
        assert!(
            after + 20000 <= before,
            "the collection itself reclaimed the chain: {before} -> {after}"
        );
    }
    // The survivors moved down the arena; every handle must still reach the right data.
    assert_eq!(eval(&mut rt, "keep.child.value"), "42");
    assert_eq!(
        eval(&mut rt, "keep.child.text"),
        "a string long enough for the heap"
    );
    assert_eq!(
        eval(&mut rt, "keep.self === keep && keep.self.name"),
        "root"
    );
    assert_eq!(
        eval(
            &mut rt,
            "var s = 0, n = 0; for (var p = keep.list; p; p = p.rest) { s += p.j; n++; } n + ':' + s"
        ),
        "100:4950"
    );
    // And the heap keeps working after compaction.
    eval(&mut rt, "keep.more = { x: 1 }; keep.more.y = 2;");
    assert_eq!(eval(&mut rt, "keep.more.x + keep.more.y"), "3");
}

#[test]
fn graph_survives_compaction_normal() {
    graph_survives_compaction(false);
}

#[test]
fn graph_survives_compaction_gc_stress() {
    graph_survives_compaction(true);
}

fn cycles_are_collected(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    rt.collect_garbage();
    let baseline = objects(&rt);
    eval(
        &mut rt,
        "(function () {
            var first = { id: 0 }, last = first;
            for (var i = 1; i < 1000; i++) { var n = { id: i, prev: last }; last.next = n; last = n; }
            last.next = first; first.prev = last;
        })();",
    );
    rt.collect_garbage();
    let after = objects(&rt);
    assert!(
        after <= baseline + 2,
        "cycle reclaimed: baseline {baseline}, after {after}"
    );
}

#[test]
fn cycles_are_collected_normal() {
    cycles_are_collected(false);
}

#[test]
fn cycles_are_collected_gc_stress() {
    cycles_are_collected(true);
}

fn weak_map_entry_lives_as_long_as_its_key(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    eval(
        &mut rt,
        "var wm = new WeakMap(); var key = {}; wm.set(key, { payload: { deep: 'kept' } });",
    );
    rt.collect_garbage();
    let with_key = objects(&rt);
    // While the key is reachable, so is the value (and everything under it).
    assert_eq!(eval(&mut rt, "wm.get(key).payload.deep"), "kept");
    assert_eq!(eval(&mut rt, "wm.has(key)"), "true");
    // Drop the key: the entry and its value go with it.
    eval(&mut rt, "key = null;");
    rt.collect_garbage();
    let without_key = objects(&rt);
    assert_eq!(
        without_key + 3,
        with_key,
        "key, value and payload reclaimed"
    );
    // A value that refers back to its own key does not keep the entry alive.
    eval(
        &mut rt,
        "(function () { var k = {}; wm.set(k, { back: k }); })();",
    );
    rt.collect_garbage();
    assert_eq!(objects(&rt), without_key);
}

#[test]
fn weak_map_entry_lives_as_long_as_its_key_normal() {
    weak_map_entry_lives_as_long_as_its_key(false);
}

#[test]
fn weak_map_entry_lives_as_long_as_its_key_gc_stress() {
    weak_map_entry_lives_as_long_as_its_key(true);
}

/// A structure reachable only through a weak table lives or dies as a whole:
/// never half of it (the failure mode of memo tables under a naive weak GC).
fn weakly_held_structure_lives_or_dies_whole(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    eval(&mut rt, "var memo = new WeakMap(); var ws = new WeakSet();");
    rt.collect_garbage();
    let baseline = objects(&rt);
    eval(
        &mut rt,
        "var key = { name: 'k' };
         var head = null;
         for (var i = 0; i < 100; i++) head = { i: i, next: head, key: key };
         memo.set(key, head); ws.add(key);",
    );
    rt.collect_garbage();
    // Key alive: all 100 nodes reachable and intact.
    assert_eq!(
        eval(
            &mut rt,
            "var n = 0; for (var p = memo.get(key); p; p = p.next) { if (p.key !== key) throw 0; n++; } n"
        ),
        "100"
    );
    assert_eq!(eval(&mut rt, "ws.has(key)"), "true");
    // Hold one node in the middle strongly, then drop the key.
    eval(
        &mut rt,
        "var middle = memo.get(key); for (var s = 0; s < 50; s++) middle = middle.next; key = null; head = null;",
    );
    rt.collect_garbage();
    // The strongly held part is whole (and still reaches the key it refers to)...
    assert_eq!(
        eval(
            &mut rt,
            "var n = 0; for (var p = middle; p; p = p.next) n++; n + ':' + middle.key.name"
        ),
        "50:k"
    );
    // ...and once nothing holds it, everything goes, including the key.
    eval(&mut rt, "middle = null;");
    rt.collect_garbage();
    assert_eq!(objects(&rt), baseline, "the whole structure was reclaimed");
}

#[test]
fn weakly_held_structure_lives_or_dies_whole_normal() {
    weakly_held_structure_lives_or_dies_whole(false);
}

#[test]
fn weakly_held_structure_lives_or_dies_whole_gc_stress() {
    weakly_held_structure_lives_or_dies_whole(true);
}

#[test]
fn collections_run_automatically_when_allocating() {
    let mut rt = runtime(false);
    eval(
        &mut rt,
        "for (var i = 0; i < 300000; i++) { var o = { a: i, b: 'x' + i }; }",
    );
    let stats = rt.heap_statistics();
    assert!(
        stats.gc.collections > 0,
        "the allocation budget triggered collections"
    );
    assert!(objects(&rt) < 300000, "garbage did not accumulate");
}
