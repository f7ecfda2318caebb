//! Maps and Sets across collections: entries keep their order and their
//! lookups when compaction moves keys (objects are hashed by handle), deleted
//! entries are dropped by the collector while live iterators keep their place,
//! and keys and values are held strongly. Every test also runs under GC stress.

use nova_vm::{Runtime, RuntimeOptions};

fn runtime(gc_stress: bool) -> Runtime {
    Runtime::new(RuntimeOptions {
        gc_stress,
        ..Default::default()
    })
}

fn eval(runtime: &mut Runtime, code: &str) -> String {
    runtime
        .eval_to_string(code)
        .unwrap_or_else(|e| panic!("{code}: {e}"))
}

fn lookups_survive_compaction(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    eval(
        &mut rt,
        "for (var i = 0; i < 3000; i++) ({ garbage: i });
         var keys = [];
         var map = new Map();
         for (var i = 0; i < 200; i++) {
             var key = { id: i };
             keys[i] = key;
             map.set(key, 'object ' + i);
             map.set('a string key long enough ' + i, i);
             map.set(i + 0.5, -i);
         }",
    );
    rt.collect_garbage();
    assert_eq!(eval(&mut rt, "map.size"), "600");
    assert_eq!(eval(&mut rt, "map.get(keys[137])"), "object 137");
    assert_eq!(
        eval(&mut rt, "map.get('a string key long enough ' + 42)"),
        "42"
    );
    assert_eq!(eval(&mut rt, "map.get(99.5)"), "-99");
    assert_eq!(eval(&mut rt, "map.has({ id: 1 })"), "false");
    // Keys and values are held strongly: the key objects are only in the Map now.
    eval(&mut rt, "keys = null;");
    rt.collect_garbage();
    assert_eq!(
        eval(
            &mut rt,
            "var n = 0; for (var e of map) if (typeof e[0] === 'object' && e[1] === 'object ' + e[0].id) n++; n"
        ),
        "200"
    );
}

#[test]
fn lookups_survive_compaction_normal() {
    lookups_survive_compaction(false);
}

#[test]
fn lookups_survive_compaction_gc_stress() {
    lookups_survive_compaction(true);
}

fn iterators_keep_their_place_when_tombstones_are_dropped(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    eval(
        &mut rt,
        "var map = new Map();
         for (var i = 0; i < 100; i++) map.set(i, 'v' + i);
         var it = map.keys();
         it.next(); it.next();
         for (var i = 0; i < 50; i++) map.delete(2 * i);
         var set = new Set();
         for (var i = 0; i < 10; i++) set.add('element ' + i);
         var setIt = set.values();
         setIt.next();
         set.clear();
         set.add('after clear');",
    );
    rt.collect_garbage();
    assert_eq!(eval(&mut rt, "it.next().value"), "3");
    assert_eq!(eval(&mut rt, "it.next().value"), "5");
    eval(&mut rt, "map.set('appended', 1);");
    assert_eq!(
        eval(&mut rt, "var last; for (var k of it) last = k; last"),
        "appended"
    );
    assert_eq!(eval(&mut rt, "it.next().done"), "true");
    assert_eq!(eval(&mut rt, "setIt.next().value"), "after clear");
    assert_eq!(eval(&mut rt, "setIt.next().done"), "true");
}

#[test]
fn iterators_keep_their_place_when_tombstones_are_dropped_normal() {
    iterators_keep_their_place_when_tombstones_are_dropped(false);
}

#[test]
fn iterators_keep_their_place_when_tombstones_are_dropped_gc_stress() {
    iterators_keep_their_place_when_tombstones_are_dropped(true);
}

fn for_each_sees_entries_added_while_collecting(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    assert_eq!(
        eval(
            &mut rt,
            "var m = new Map();
             for (var i = 0; i < 20; i++) m.set(i, i);
             var visited = '';
             m.forEach(function (value, key) {
                 visited += key + ',';
                 if (key < 10) m.delete(key + 10);
                 if (key === 5) m.set('late', 0);
                 for (var j = 0; j < 200; j++) ({ garbage: j });
             });
             visited",
        ),
        "0,1,2,3,4,5,6,7,8,9,late,"
    );
}

#[test]
fn for_each_sees_entries_added_while_collecting_normal() {
    for_each_sees_entries_added_while_collecting(false);
}

#[test]
fn for_each_sees_entries_added_while_collecting_gc_stress() {
    for_each_sees_entries_added_while_collecting(true);
}
