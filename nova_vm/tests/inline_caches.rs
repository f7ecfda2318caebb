//! Named-property sites that the interpreter caches: getters and methods
//! found on the receiver or up to three prototypes up, and assignments that
//! add a property (decided from shapes, and repeated from the site's last
//! add). Each case repeats the access so the cached path runs, then
//! changes the objects so the cache must notice. Every case also runs under
//! GC stress. Global-name sites are checked across scripts: a later script's
//! `let` shadows a cached global property, and reconfiguring or deleting a
//! global property invalidates the sites that read or wrote it.

mod common;

use nova_vm::{Runtime, RuntimeOptions};

const CASES: &[(&str, &str)] = &[
    // A getter on the prototype, then redefined; an own getter turned into data.
    (
        "class P { constructor(x) { this.x = x } get dbl() { return this.x * 2 } set dbl(v) { this.x = v / 2 } }
         var o = { get own() { return 7 }, set only(v) {} };
         var s = 0;
         for (var i = 0; i < 100; i++) { var p = new P(i); s += p.dbl + o.own; if (o.only !== undefined) s = -1; }
         var q = new P(3); var r = [s, q.dbl]; q.dbl = 10; r.push(q.x, q.dbl);
         Object.defineProperty(P.prototype, 'dbl', { get() { return 99 } }); r.push(q.dbl);
         Object.defineProperty(o, 'own', { value: 5 }); r.push(o.own);
         function getDbl(z) { return z.dbl } r.push(getDbl(q), getDbl({ dbl: 1 }), getDbl(q));
         r.join()",
        "10600,6,5,10,99,5,99,1,99",
    ),
    // Adding properties by assignment: a setter or a read-only property on
    // the prototype chain stops the plain add; so does non-extensibility.
    (
        "function C() { this.a = 1; this.b = 2 }
         var log = [];
         for (var i = 0; i < 3; i++) { var c = new C(); log.push(Object.keys(c).join('')); }
         var proto = { set b(v) { log.push('setter ' + v) } };
         var D = function () { this.a = 1; this.b = 2 }; D.prototype = Object.create(proto);
         var d = new D(); log.push(Object.keys(d).join(''));
         var ro = Object.create(Object.defineProperty({}, 'k', { value: 0, writable: false }));
         ro.k = 5; log.push(ro.k, Object.keys(ro).length);
         var sealed = Object.preventExtensions({}); sealed.z = 1; log.push(sealed.z);
         (function () { 'use strict'; try { sealed.z = 1 } catch (e) { log.push(e.name) } })();
         log.join()",
        "ab,ab,ab,setter 2,a,0,0,,TypeError",
    ),
    // A prototype's writable data property (a default value) does not stop
    // the add: the receiver gets its own property, the prototype keeps its
    // value. Only the first holder on the chain counts: a setter further up
    // is never reached, a read-only property in between still blocks.
    (
        "var log = [];
         var Base = { set x(v) { log.push('setter ' + v) } };
         var Mid = Object.create(Base); Object.defineProperty(Mid, 'x', { value: 0, writable: true });
         function P() {} P.prototype = Object.create(Mid); P.prototype.y = 1;
         for (var i = 0; i < 3; i++) { var p = new P(); p.x = i; p.y = i * 10; log.push(Object.keys(p).join('') + p.x + p.y); }
         log.push(P.prototype.y, Mid.x);
         var RO = Object.create(Object.defineProperty({}, 'z', { value: 7, writable: false }));
         var q = Object.create(RO); q.z = 1; log.push(q.z, Object.keys(q).length);
         (function () { 'use strict'; try { q.z = 2 } catch (e) { log.push(e.name) } })();
         log.join()",
        "xy00,xy110,xy220,1,0,7,0,TypeError",
    ),
    // Methods and getters found two and three prototypes up (class
    // hierarchies): the site keeps answering until a passed prototype gains
    // a shadowing property, the holder's property changes, or a passed
    // prototype's own prototype is replaced.
    (
        "class A { m() { return 'A' } get g() { return 'gA' } }
         class B extends A {} class C extends B {} class D extends C {}
         function call(o) { return o.m() + o.g }
         var log = [];
         var c = new C(), d = new D();
         for (var i = 0; i < 3; i++) log.push(call(c), call(d));
         B.prototype.m = function () { return 'B' }; log.push(call(c), call(d));
         delete B.prototype.m; log.push(call(c));
         A.prototype.m = function () { return 'A2' }; log.push(call(c), call(d));
         Object.setPrototypeOf(B.prototype, { m() { return 'X' }, g: 'gX' }); log.push(call(c), call(d));
         Object.defineProperty(C.prototype, 'g', { get() { return 'gC' } }); log.push(call(c), call(d));
         log.join()",
        "AgA,AgA,AgA,AgA,AgA,AgA,BgA,BgA,AgA,A2gA,A2gA,XgX,XgX,XgC,XgC",
    ),
    // An assignment site that adds a property repeats its last add for the
    // next object of the same shape, until the prototype chain changes: a
    // setter, a read-only property (even on Object.prototype), a replaced
    // prototype; a non-extensible receiver never gets it.
    (
        "var log = [];
         function P(v) { this.a = v; this.b = v + 1; }
         for (var i = 0; i < 3; i++) { var p = new P(i); log.push(p.a + p.b); }
         Object.defineProperty(P.prototype, 'b', { set(v) { log.push('setB' + v) }, configurable: true });
         var q = new P(10); log.push(Object.keys(q).join(''));
         delete P.prototype.b;
         Object.defineProperty(Object.prototype, 'a', { value: 'ro', writable: false, configurable: true });
         var r = new P(20); log.push(Object.keys(r).join(''), r.a);
         delete Object.prototype.a;
         var s = new P(30); log.push(Object.keys(s).join(''), s.a);
         function Q(v) { Object.preventExtensions(this); this.a = v; }
         var t = new Q(1); log.push(Object.keys(t).length);
         function R() { this.x = 1; }
         var u = new R(); Object.setPrototypeOf(R.prototype, { set x(v) { log.push('setX' + v) } });
         var w = new R(); log.push(Object.keys(w).length);
         log.join()",
        "1,3,5,setB11,a,b,ro,ab,30,0,setX1,0",
    ),
];

/// Scripts run one after another in one runtime, with the expected result of each.
const GLOBAL_SCRIPTS: &[(&str, &str)] = &[
    (
        "globalThis.g = 1; function readG() { return g } function writeG(v) { g = v; return g }
         function readL() { return typeof lex === 'undefined' ? 'none' : lex }
         var s = 0; for (var i = 0; i < 50; i++) s += readG(); s",
        "50",
    ),
    // A global `let` of the same name shadows the global property for every site.
    ("let g = 'lexical'; [readG(), writeG('w'), g, globalThis.g].join()", "lexical,w,w,1"),
    // A lexical binding read in its TDZ from a cached site, then initialized.
    (
        "var r = []; try { r.push(readLate()) } catch (e) { r.push(e.name) } r.join()",
        "ReferenceError",
    ),
    ("function readLate() { return late } 'ok'", "ok"),
    (
        "var out = []; try { readLate() } catch (e) { out.push(e.name) } let late = 5;          for (var k = 0; k < 3; k++) out.push(readLate()); out.join()",
        "ReferenceError,5,5,5",
    ),
    // const: cached reads, assignment throws.
    (
        "const c = 3; function setC() { c = 4 } function readC() { return c }
         var t = [readC(), readC()]; try { setC() } catch (e) { t.push(e.name) } t.push(readC()); t.join()",
        "3,3,TypeError,3",
    ),
    // Reconfiguring a global property: read-only, then deleted (eval-declared vars are configurable).
    (
        "eval('var conf = 1'); function readConf() { return typeof conf === 'undefined' ? 'gone' : conf }
         function writeConf(v) { conf = v } var u = []; for (var j = 0; j < 3; j++) { writeConf(j); u.push(readConf()) }
         Object.defineProperty(globalThis, 'conf', { writable: false }); writeConf(9); u.push(readConf());
         delete globalThis.conf; u.push(readConf()); u.join()",
        "0,1,2,2,gone",
    ),
];

fn run_global_scripts(gc_stress: bool) {
    let mut rt = Runtime::new(RuntimeOptions {
        gc_stress,
        ..Default::default()
    });
    for (code, expected) in GLOBAL_SCRIPTS {
        let actual = rt
            .eval_to_string(code)
            .unwrap_or_else(|e| panic!("{code}: {e}"));
        assert_eq!(&actual, expected, "{code}");
    }
}

#[test]
fn global_name_caches_follow_declarations_and_reconfiguration() {
    run_global_scripts(false);
}

#[test]
fn global_name_caches_under_gc_stress() {
    run_global_scripts(true);
}

fn run_cases(gc_stress: bool) {
    common::assert_cases_evaluate_in(CASES, gc_stress);
}

#[test]
fn cached_getters_and_property_adds() {
    run_cases(false);
}

#[test]
fn cached_getters_and_property_adds_under_gc_stress() {
    run_cases(true);
}
