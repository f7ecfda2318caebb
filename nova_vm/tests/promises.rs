//! Promises, the job queue and async functions from the outside: the order in
//! which reactions and `await` continuations run (tick counts are observable),
//! rejections, thenables, subclassing and async methods. Each case runs its
//! script, drains the job queue, then reads the global `log`. Every case also
//! runs under GC stress.

use nova_vm::{Runtime, RuntimeOptions};

/// Allocates enough to trigger collections under stress.
const PRELUDE: &str = "
    function churn() { var o = null; for (var i = 0; i < 50; i++) o = { next: o, text: 'item ' + i + ' with some length' }; return o; }
";

const CASES: &[(&str, &str)] = &[
    // Reactions run in FIFO order after the script, each `then` one tick later.
    (
        "var log = []; var p = Promise.resolve(1);
         p.then(function (v) { log.push('a' + v); }).then(function () { log.push('c'); });
         p.then(function (v) { churn(); log.push('b' + v); });
         log.push('sync');",
        "sync,a1,b1,c",
    ),
    // An async function runs synchronously until its first await; an await of
    // a native promise takes one tick, an await of a non-promise one tick.
    (
        "var log = [];
         async function f() { log.push('f1'); await undefined; log.push('f2'); await Promise.resolve(); log.push('f3'); }
         f();
         Promise.resolve().then(function () { log.push('t1'); }).then(function () { log.push('t2'); }).then(function () { log.push('t3'); });
         log.push('sync');",
        "f1,sync,f2,t1,f3,t2,t3",
    ),
    // Returning a promise from an async function costs two extra ticks
    // (NewPromiseResolveThenableJob, then the inner reaction).
    (
        "var log = [];
         async function f() { return Promise.resolve('r'); }
         f().then(function (v) { log.push(v); });
         var p = Promise.resolve();
         p.then(function () { log.push(1); }).then(function () { log.push(2); }).then(function () { log.push(3); }).then(function () { log.push(4); });",
        "1,2,r,3,4",
    ),
    // Throws inside async functions (body and parameters) reject the promise.
    (
        "var log = [];
         async function f() { churn(); throw new TypeError('bad'); }
         async function g(a = missing) { return 1; }
         f().catch(function (e) { log.push(e.name + ':' + e.message); });
         g().catch(function (e) { log.push(e.name); });
         log.push('sync');",
        "sync,TypeError:bad,ReferenceError",
    ),
    // A rejected await throws at the await; try/catch/finally around it.
    (
        "var log = [];
         async function f() {
           try { await Promise.reject(new Error('no')); } catch (e) { log.push('caught ' + e.message); }
           finally { log.push('finally'); }
           var x = await { then: function (resolve) { churn(); resolve(42); } };
           return x + 1;
         }
         f().then(function (v) { log.push(v); });",
        "caught no,finally,43",
    ),
    // Thenables are adopted through a job; a throwing then rejects.
    (
        "var log = [];
         var thenable = { then: function (res) { log.push('then called'); res('value'); } };
         Promise.resolve(thenable).then(function (v) { log.push(v); });
         new Promise(function (res) { res({ then: function () { throw 'thrown'; } }); })
           .catch(function (e) { log.push('rejected ' + e); });
         log.push('sync');",
        "sync,then called,value,rejected thrown",
    ),
    // Resolving a promise with itself rejects with a TypeError; resolving twice is ignored.
    (
        "var log = []; var resolve;
         var p = new Promise(function (r) { resolve = r; });
         resolve(p); resolve(1);
         p.catch(function (e) { log.push(e instanceof TypeError); });
         new Promise(function (res, rej) { res('first'); rej('second'); res('third'); })
           .then(function (v) { log.push(v); });",
        "true,first",
    ),
    // Combinators keep element order whatever the settlement order.
    (
        "var log = []; var later;
         var slow = new Promise(function (r) { later = r; });
         Promise.all([slow, 2, Promise.resolve(3)]).then(function (v) { log.push('all ' + v.join()); });
         Promise.allSettled([Promise.reject('x'), 1]).then(function (v) { log.push(v.map(function (r) { return r.status + ':' + (r.value || r.reason); }).join()); });
         Promise.any([Promise.reject(1), Promise.reject(2)]).catch(function (e) { log.push(e.constructor.name + ' ' + e.errors.join()); });
         Promise.race([slow, new Promise(function () {})]).then(function (v) { log.push('race ' + v); });
         later('one'); churn();",
        "rejected:x,fulfilled:1,AggregateError 1,2,all one,2,3,race one",
    ),
    // finally passes the value or reason through and waits for its own promise.
    (
        "var log = [];
         Promise.resolve('v').finally(function () { log.push('f1'); return 'ignored'; }).then(function (v) { log.push(v); });
         Promise.reject('r').finally(function () { log.push('f2'); }).catch(function (e) { log.push(e); });",
        "f1,f2,v,r",
    ),
    // Subclasses get instances of the subclass from then and the statics.
    (
        "var log = [];
         class MyPromise extends Promise { constructor(executor) { log.push('ctor'); super(executor); } }
         var p = MyPromise.resolve(1);
         var q = p.then(function (v) { return v + 1; });
         log.push(q instanceof MyPromise, MyPromise.reject(0).catch(function () {}) instanceof MyPromise);
         q.then(function (v) { log.push(v); });",
        "ctor,ctor,ctor,ctor,true,true,ctor,2",
    ),
    // Async methods, arrows and getters in classes keep `this` and `super`.
    (
        "var log = [];
         class Base { async value() { await null; return 'base'; } }
         class Derived extends Base {
           async value() { var v = await super.value(); return v + '+derived'; }
           run() { return (async () => { await 0; return this.value(); })(); }
         }
         new Derived().run().then(function (v) { log.push(v); });
         var o = { async m() { return this === o; } };
         o.m().then(function (v) { log.push(v); });",
        "true,base+derived",
    ),
    // withResolvers, try and the Symbol.toStringTag and name/length data.
    (
        "var log = [];
         var r = Promise.withResolvers(); r.resolve('wr'); r.promise.then(function (v) { log.push(v); });
         Promise.try(function (a, b) { return a + b; }, 1, 2).then(function (v) { log.push(v); });
         Promise.try(function () { throw 'e'; }).catch(function (e) { log.push('try ' + e); });
         log.push(Object.prototype.toString.call(r.promise), Promise.prototype.then.length, Promise.all.name);",
        "[object Promise],2,all,wr,3,try e",
    ),
    // Many suspended async functions survive collections with their frames.
    (
        "var log = []; var total = 0;
         async function worker(i) { var local = { i: i }; for (var k = 0; k < 3; k++) { await k; churn(); total += local.i; } return local.i; }
         var all = []; for (var i = 0; i < 20; i++) all.push(worker(i));
         Promise.all(all).then(function (v) { log.push(v.length, total); });",
        "20,570",
    ),
    // The AsyncFunction constructor makes async functions.
    (
        "var log = [];
         var AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
         var f = new AsyncFunction('a', 'return await a * 2;');
         f(21).then(function (v) { log.push(v, AsyncFunction.name, Object.prototype.toString.call(f)); });",
        "42,AsyncFunction,[object AsyncFunction]",
    ),
];

fn run_cases(gc_stress: bool) {
    for (code, expected) in CASES {
        let mut rt = Runtime::new(RuntimeOptions {
            gc_stress,
            ..Default::default()
        });
        rt.run_script(PRELUDE, "prelude.js")
            .unwrap_or_else(|e| panic!("prelude: {e}"));
        rt.run_script(code, "case.js")
            .unwrap_or_else(|e| panic!("{code}: {e}"));
        rt.run_jobs()
            .unwrap_or_else(|e| panic!("{code}: jobs: {e}"));
        let actual = rt
            .eval_to_string("log.join()")
            .unwrap_or_else(|e| panic!("{code}: {e}"));
        assert_eq!(actual, *expected, "{code}");
    }
}

#[test]
fn promises_and_async_functions() {
    run_cases(false);
}

#[test]
fn promises_and_async_functions_under_gc_stress() {
    run_cases(true);
}

#[test]
fn jobs_wait_for_run_jobs_and_an_uncaught_rejection_is_no_error() {
    let mut rt = Runtime::new(RuntimeOptions::default());
    rt.run_script(
        "var log = []; Promise.resolve().then(function () { log.push('job'); }); Promise.reject(new Error('ignored'));",
        "test.js",
    )
    .expect("script runs");
    assert_eq!(rt.eval_to_string("log.join()").unwrap(), "");
    rt.run_jobs().expect("jobs run");
    assert_eq!(rt.eval_to_string("log.join()").unwrap(), "job");
}

#[test]
fn async_generators_under_gc_stress_and_normally() {
    for gc_stress in [false, true] {
        let mut rt = Runtime::new(RuntimeOptions {
            gc_stress,
            ..Default::default()
        });
        rt.run_script(
            "var log = [];
             function churn() { var o = null; for (var i = 0; i < 50; i++) o = { next: o }; return o; }
             async function* g() {
               log.push('start'); var x = yield 1; log.push('got ' + x); churn();
               yield Promise.resolve(2);
               try { yield 3; } finally { log.push('finally'); }
               return 'end';
             }
             var it = g();
             it.next().then(function (r) { log.push(r.value + ':' + r.done); });
             it.next('a').then(function (r) { log.push(r.value + ':' + r.done); });
             it.next().then(function (r) { log.push(r.value + ':' + r.done); });
             it.return('ret').then(function (r) { log.push('return ' + r.value + ':' + r.done); });
             it.next().then(function (r) { log.push(r.value + ':' + r.done); });
             async function* h() { throw new Error('h'); }
             h().next().catch(function (e) { log.push('h ' + e.message); });
             async function f() {
               var out = [];
               for await (const v of (async function* () { yield 1; await null; yield 2; })()) out.push(v);
               log.push('for await ' + out);
             }
             f();
             log.push('sync');",
            "test.js",
        )
        .expect("script runs");
        rt.run_jobs().expect("jobs run");
        assert_eq!(
            rt.eval_to_string("log.join()").unwrap(),
            "start,sync,got a,h h,1:false,2:false,3:false,finally,return ret:true,undefined:true,for await 1,2"
        );
    }
}

#[test]
fn yield_star_in_async_generators() {
    for gc_stress in [false, true] {
        let mut rt = Runtime::new(RuntimeOptions {
            gc_stress,
            ..Default::default()
        });
        rt.run_script(
            "var log = [];
             async function* inner() { try { yield 1; yield 2; } finally { log.push('inner closed'); } return 'r'; }
             async function* outer() { var r = yield* inner(); log.push('returned ' + r); yield* [3, Promise.resolve(4)]; }
             (async function () { for await (const v of outer()) log.push(v); })();
             var early = outer();
             early.next().then(function () { return early.return('stop'); })
               .then(function (r) { log.push('early ' + r.value + ':' + r.done); });",
            "test.js",
        )
        .expect("script runs");
        rt.run_jobs().expect("jobs run");
        assert_eq!(
            rt.eval_to_string("log.join()").unwrap(),
            "1,inner closed,2,inner closed,returned r,early stop:true,3,4"
        );
    }
}
