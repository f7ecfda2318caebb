//! `while`, `do`-`while` and `for` loops, including the ones compiled with
//! their test at the bottom: how often and in which order tests, bodies and
//! updates run, `continue` and `break` (labelled too), per-iteration `let`
//! bindings, completion values, and tests that are compiled only once
//! (closures in the test).

mod common;

const CASES: &[(&str, &str)] = &[
    (
        "var out = [];
         var i = 0; while (i < 3) { out.push(i); i++; }
         var j = 0; do { out.push('d' + j); j++; } while (j < 2);
         for (var k = 0; k < 3; k++) { if (k === 1) continue; out.push('f' + k); }
         out.join()",
        "0,1,2,d0,d1,f0,f2",
    ),
    // The test runs once per iteration plus the failing one, in order with
    // the body and the update.
    (
        "var log = [];
         function t(n) { log.push('t' + n); return n < 2; }
         for (var n = 0; t(n); n++, log.push('u')) log.push('b');
         var m = 0; while (t(m)) { log.push('w'); m++; }
         var z = 5; while (t(z)) log.push('never');
         log.join()",
        "t0,b,u,t1,b,u,t2,t0,w,t1,w,t2,t5",
    ),
    // Per-iteration `let` copies; a closure in the test keeps the loop's
    // single copy of the test's code.
    (
        "var fs = []; for (let m = 0; m < 3; m++) fs.push(() => m);
         var gs = []; for (let q = 0; (() => q)() < 2; q++) gs.push(() => q);
         fs.map(f => f()).join('') + '/' + gs.map(g => g()).join('')",
        "012/01",
    ),
    // break, labelled continue, NaN comparisons (not the same as >=).
    (
        "var n = 0; for (;;) { if (++n > 4) break; }
         var x = 0; outer: for (var a = 0; a < 3; a++) { for (var b = 0; b < 3; b++) { if (b == 1) continue outer; x++; } }
         var nan = NaN, c = 0; while (!(nan < 1) && c < 2) c++;
         var d = 0; for (var e = NaN; e < 5; e++) d++;
         [n, x, c, d].join()",
        "5,3,2,0",
    ),
    // Completion values of loops.
    (
        "[eval('var q = 0; while (q < 2) { q++; \\'w\\' + q }'),
          eval('for (var r = 0; r < 2; r++) { \\'r\\' + r }'),
          eval('var s = 0; do { s++; s } while (s < 3)'),
          eval('1; while (false) {}')].join()",
        "w2,r1,3,",
    ),
];

#[test]
fn loops_run_their_parts_in_order() {
    common::assert_cases_evaluate(CASES);
}
