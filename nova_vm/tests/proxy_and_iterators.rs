//! Proxy exotic objects and the iterator helpers from the outside: traps and
//! callbacks that allocate (and so may collect) in the middle of an internal
//! method or a helper step, invariant checks, revocation, deep proxy chains,
//! and iterator closing. Every case also runs under GC stress.

use nova_vm::{Runtime, RuntimeOptions};

/// Defines `churn` (allocates enough to trigger collections under stress),
/// `logged(target)`, a proxy whose traps churn and log their names into
/// `log`, and `counter(n)`, an iterator of 0..n that churns, counts `return`
/// calls and is not an instance of Iterator.
const PRELUDE: &str = "
    function churn() { var o = null; for (var i = 0; i < 50; i++) o = { next: o, text: 'item ' + i + ' with some length' }; return o; }
    var log = [];
    function logged(target) {
        return new Proxy(target, {
            get(t, k, r) { churn(); log.push('get ' + String(k)); return Reflect.get(t, k, r); },
            set(t, k, v, r) { churn(); log.push('set ' + String(k)); return Reflect.set(t, k, v, r); },
            has(t, k) { churn(); log.push('has ' + String(k)); return Reflect.has(t, k); },
            deleteProperty(t, k) { churn(); log.push('delete ' + String(k)); return Reflect.deleteProperty(t, k); },
            ownKeys(t) { churn(); log.push('ownKeys'); return Reflect.ownKeys(t); },
            getOwnPropertyDescriptor(t, k) { churn(); log.push('gopd ' + String(k)); return Reflect.getOwnPropertyDescriptor(t, k); },
            defineProperty(t, k, d) { churn(); log.push('define ' + String(k)); return Reflect.defineProperty(t, k, d); },
            getPrototypeOf(t) { churn(); log.push('getPrototypeOf'); return Reflect.getPrototypeOf(t); },
            apply(t, self, args) { churn(); log.push('apply'); return Reflect.apply(t, self, args); },
            construct(t, args, nt) { churn(); log.push('construct'); return Reflect.construct(t, args, nt); },
        });
    }
    var returns = 0;
    function counter(n) {
        var i = 0;
        return {
            next() { churn(); return i < n ? { value: i++, done: false } : { value: undefined, done: true }; },
            return() { returns++; return {}; },
        };
    }
    function thrown(f) { try { f(); return 'no error'; } catch (e) { return e.name; } }
";

const CASES: &[(&str, &str)] = &[
    (
        "log = []; var p = logged({ a: 1, b: 2 }); [p.a, 'b' in p, delete p.a, p.c = 3].join() + '|' + log.join()",
        "1,true,true,3|get a,has b,delete a,set c,gopd c,define c",
    ),
    (
        "log = []; Object.keys(logged({ x: 1, y: 2, [Symbol.iterator]: 0 })).join() + '|' + log.join()",
        "x,y|ownKeys,gopd x,gopd y",
    ),
    (
        "log = []; var f = logged(function (a, b) { return a + b; }); [f(1, 2), new f().constructor === Object, typeof f].join() + '|' + log.join()",
        "3,false,function|apply,construct,get prototype",
    ),
    (
        "var child = Object.create(logged({ inherited: 'yes' })); log = []; child.inherited + ',' + ('inherited' in child) + '|' + log.join()",
        "yes,true|get inherited,has inherited",
    ),
    (
        "var r = Proxy.revocable({}, {}); r.revoke(); r.revoke(); [thrown(function () { r.proxy.x; }), thrown(function () { Array.isArray(r.proxy); }), typeof r.proxy].join()",
        "TypeError,TypeError,object",
    ),
    (
        "var frozen = Object.freeze({ k: 1 }); [thrown(function () { new Proxy(frozen, { get() { return 2; } }).k; }), thrown(function () { Object.keys(new Proxy(frozen, { ownKeys() { return []; } })); }), thrown(function () { Object.getOwnPropertyDescriptor(new Proxy({}, { getOwnPropertyDescriptor() { return { value: 1, configurable: false }; } }), 'z'); })].join()",
        "TypeError,TypeError,TypeError",
    ),
    (
        "thrown(function () { Reflect.ownKeys(new Proxy({}, { ownKeys() { churn(); return ['a', 'a']; } })); })",
        "TypeError",
    ),
    (
        "var deep = {}; for (var i = 0; i < 20000; i++) deep = new Proxy(deep, {}); thrown(function () { deep.x; })",
        "RangeError",
    ),
    (
        "Reflect.ownKeys(new Proxy({}, { ownKeys() { var keys = []; for (var i = 0; i < 200; i++) { churn(); keys.push('key' + i); } return keys; } })).slice(-2).join()",
        "key198,key199",
    ),
    (
        "Iterator.from(counter(10)).map(function (x) { churn(); return x * 2; }).filter(function (x) { return x % 3 === 0; }).take(3).toArray().join()",
        "0,6,12",
    ),
    (
        "returns = 0; var h = Iterator.from(counter(100)).drop(5).flatMap(function (x) { return counter(x % 3); }); h.next(); h.next(); h.return(); returns",
        "2",
    ),
    (
        "returns = 0; [Iterator.from(counter(10)).some(function (x) { return x > 3; }), Iterator.from(counter(10)).find(function (x) { return x === 7; }), returns].join()",
        "true,7,2",
    ),
    (
        "Iterator.from(counter(6)).reduce(function (a, b) { churn(); return a + b; }, 100) + ',' + Iterator.from(counter(4)).includes(3) + ',' + Iterator.from(counter(3)).join('-')",
        "115,true,0-1-2",
    ),
    (
        "Iterator.from(counter(7)).chunks(3).map(function (c) { return c.join(''); }).toArray().join() + '|' + Iterator.from(counter(4)).windows(2).map(function (w) { return w.join(''); }).toArray().join()",
        "012,345,6|01,12,23",
    ),
    (
        "Iterator.concat([1, 2], new String('xy'), { [Symbol.iterator]() { return counter(2); } }).toArray().join()",
        "1,2,x,y,0,1",
    ),
    (
        "Iterator.zip([counter(3), counter(2)]).toArray().join('|') + ' ' + JSON.stringify(Iterator.zipKeyed({ a: counter(1), b: counter(2) }, { mode: 'longest', padding: { a: 'pad' } }).toArray())",
        "0,0|1,1 [{\"a\":0,\"b\":0},{\"a\":\"pad\",\"b\":1}]",
    ),
    (
        "returns = 0; var z = Iterator.zip([counter(5), counter(5), counter(5)]); z.next(); z.return(); returns",
        "3",
    ),
    (
        "var running = Iterator.from(counter(3)).map(function () { return running.next(); }); thrown(function () { running.next(); })",
        "TypeError",
    ),
];

fn run_cases(gc_stress: bool) {
    let mut rt = Runtime::new(RuntimeOptions {
        gc_stress,
        ..Default::default()
    });
    rt.eval_to_string(PRELUDE)
        .unwrap_or_else(|e| panic!("prelude: {e}"));
    for (code, expected) in CASES {
        let actual = rt
            .eval_to_string(code)
            .unwrap_or_else(|e| panic!("{code}: {e}"));
        assert_eq!(&actual, expected, "{code}");
    }
}

#[test]
fn proxies_and_iterator_helpers() {
    run_cases(false);
}

#[test]
fn proxies_and_iterator_helpers_under_gc_stress() {
    run_cases(true);
}
