//! Array and JSON built-ins from the outside: results that depend on the
//! generic (spec) paths and on the storage fast paths agree, values held by
//! built-ins across callbacks survive collections, and huge or deeply nested
//! inputs end in results or clean errors. Every test also runs under GC stress.

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

/// A function that allocates, so that a collection under GC stress moves things.
const GARBAGE: &str = "function garbage() { var g = []; for (var i = 0; i < 8; i++) g.push({ i: i, s: 'garbage ' + i }); return g.length; }";

fn sort_is_stable_and_keeps_values(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    eval(&mut rt, GARBAGE);
    eval(
        &mut rt,
        "var items = []; for (var i = 0; i < 300; i++) items.push({ key: (i * 37) % 10, n: i, id: 'item number ' + i });
         items.sort(function (a, b) { garbage(); return a.key - b.key; });",
    );
    // Equal keys keep their original (ascending id) order.
    assert_eq!(
        eval(
            &mut rt,
            "var ok = true; for (var i = 1; i < items.length; i++) {
               var a = items[i - 1], b = items[i];
               if (a.key > b.key) ok = false;
               if (a.key === b.key && a.n > b.n) ok = false;
             } ok + ' ' + items.length + ' ' + items[0].id + ' ' + items[299].id",
        ),
        "true 300 item number 0 item number 297"
    );
    // Holes go last, after undefined; the default order compares strings.
    assert_eq!(
        eval(
            &mut rt,
            "var a = [10, 9, , undefined, 1, 100]; a.sort(); a.length + ':' + a.join('|') + ':' + (3 in a) + (5 in a)",
        ),
        "6:1|10|100|9||:truefalse"
    );
}

#[test]
fn sort_is_stable_and_keeps_values_normal() {
    sort_is_stable_and_keeps_values(false);
}

#[test]
fn sort_is_stable_and_keeps_values_gc_stress() {
    sort_is_stable_and_keeps_values(true);
}

fn callbacks_see_the_spec_view(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    eval(&mut rt, GARBAGE);
    // A getter on the prototype fills holes; deleting ahead of the walk hides elements.
    assert_eq!(
        eval(
            &mut rt,
            "var seen = [];
             var a = [1, , 3, 4];
             Array.prototype[1] = 'from proto';
             a.forEach(function (v, i, o) { garbage(); seen.push(i + '=' + v); if (i === 2) delete o[3]; });
             delete Array.prototype[1];
             seen.join(',')",
        ),
        "0=1,1=from proto,2=3"
    );
    assert_eq!(
        eval(
            &mut rt,
            "[1, 2, 3, 4].map(function (x) { garbage(); return { v: x * 2, s: 'mapped value ' + x }; })
               .filter(function (o) { garbage(); return o.v > 2; })
               .reduce(function (acc, o) { garbage(); return acc + o.s.length; }, 0)",
        ),
        "42"
    );
    assert_eq!(
        eval(
            &mut rt,
            "var out = []; for (var e of ['a long string value', 'b'].entries()) { garbage(); out.push(e.join(':')); } out.join(',')",
        ),
        "0:a long string value,1:b"
    );
    assert_eq!(
        eval(
            &mut rt,
            "[[1, [2, [3, [4]]]], 5].flat(Infinity).join() + ' ' + [1, 2].flatMap(function (x) { garbage(); return [x, [x * 10]]; }).length",
        ),
        "1,2,3,4,5 4"
    );
}

#[test]
fn callbacks_see_the_spec_view_normal() {
    callbacks_see_the_spec_view(false);
}

#[test]
fn callbacks_see_the_spec_view_gc_stress() {
    callbacks_see_the_spec_view(true);
}

fn huge_lengths_allocate_nothing(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    assert_eq!(
        eval(
            &mut rt,
            "var a = new Array(4294967295); a[4294967294] = 'last'; a[7] = 'seventh';
             [a.length, a.indexOf('last'), a.lastIndexOf('seventh'), a.includes('x')].join()",
        ),
        "4294967295,4294967294,7,false"
    );
    assert_eq!(
        eval(
            &mut rt,
            "var b = []; b[1000000000] = 1; var c = b.concat([2]); [c.length, c[1000000001], b.slice(999999999).length].join()",
        ),
        "1000000002,2,2"
    );
    assert_eq!(
        eval(
            &mut rt,
            "var s = []; s[2000000000] = 'x'; s.sort(); s[0] + s.length"
        ),
        "x2000000001"
    );
}

#[test]
fn huge_lengths_allocate_nothing_normal() {
    huge_lengths_allocate_nothing(false);
}

#[test]
fn huge_lengths_allocate_nothing_gc_stress() {
    huge_lengths_allocate_nothing(true);
}

fn json_round_trips(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    eval(&mut rt, GARBAGE);
    assert_eq!(
        eval(
            &mut rt,
            r#"var text = '{"name":"a name long enough","list":[1,-0,2.5e3,true,null,"\\u00e9\\ud800"],"nested":{"x":{"y":[]}}}';
               var value = JSON.parse(text, function (k, v, context) {
                 garbage();
                 return typeof v === 'number' ? context.source + '!' : v;
               });
               JSON.stringify(value, function (k, v) { garbage(); return v; })"#,
        ),
        r#"{"name":"a name long enough","list":["1!","-0!","2.5e3!",true,null,"é\ud800"],"nested":{"x":{"y":[]}}}"#
    );
    assert_eq!(
        eval(
            &mut rt,
            "JSON.stringify({ a: [1, { b: 2 }], c: 'x' }, null, 2)",
        ),
        "{\n  \"a\": [\n    1,\n    {\n      \"b\": 2\n    }\n  ],\n  \"c\": \"x\"\n}"
    );
}

#[test]
fn json_round_trips_normal() {
    json_round_trips(false);
}

#[test]
fn json_round_trips_gc_stress() {
    json_round_trips(true);
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let mut rt = runtime(false);
    // Parsing uses an explicit stack: any depth works.
    assert_eq!(
        eval(
            &mut rt,
            "var open = [], close = []; for (var i = 0; i < 200000; i++) { open.push('['); close.push(']'); }
             var deep = JSON.parse(open.join('') + close.join('')); var d = 0; while (deep.length) { deep = deep[0]; d++; } d",
        ),
        "199999"
    );
    // Stringifying, flattening and reviving recurse under the call-depth limit.
    assert_eq!(
        eval(
            &mut rt,
            "var v = []; for (var i = 0; i < 100000; i++) v = [v];
             var r = []; try { JSON.stringify(v) } catch (e) { r.push(e.name) }
             try { v.flat(Infinity) } catch (e) { r.push(e.name) }
             try { JSON.parse(open.join('') + close.join(''), function (k, x) { return x; }) } catch (e) { r.push(e.name) }
             r.join()",
        ),
        "RangeError,RangeError,RangeError"
    );
}
