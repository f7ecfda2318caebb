//! ECMAScript modules from the outside: files on disk imported statically
//! and with `import()`, live bindings, cycles, top-level await ordering,
//! namespace objects, JSON modules, and the phase of each kind of error.
//! Every test also runs under GC stress.

use std::path::{Path, PathBuf};

use nova_vm::{ExceptionPhase, Runtime, RuntimeOptions};

/// A directory removed when dropped.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl std::ops::Deref for TempDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

/// A fresh directory holding the given files.
fn files(test: &str, gc_stress: bool, contents: &[(&str, &str)]) -> TempDir {
    let dir = std::env::temp_dir().join(format!(
        "nova-modules-{}-{test}-{gc_stress}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (name, text) in contents {
        std::fs::write(dir.join(name), text).expect("write module");
    }
    TempDir(dir)
}

fn runtime(gc_stress: bool) -> Runtime {
    let mut rt = Runtime::new(RuntimeOptions {
        gc_stress,
        ..Default::default()
    });
    rt.install_test262_host();
    rt
}

/// Runs `main.mjs` of `dir` (and the jobs after it); returns what it printed.
fn run(rt: &mut Runtime, dir: &Path) -> Vec<String> {
    let path = dir.join("main.mjs");
    let source = std::fs::read_to_string(&path).expect("main");
    rt.run_module(&source, &path)
        .and_then(|()| rt.run_jobs())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    rt.take_output()
}

fn live_bindings_namespaces_and_reexports(gc_stress: bool) {
    let dir = files(
        "live",
        gc_stress,
        &[
            (
                "main.mjs",
                r#"import counter, { count, increment as inc, "a b" as ab } from './counter.mjs';
                   import * as ns from './reexport.mjs';
                   print(count + ' ' + counter + ' ' + ab);
                   inc(); inc();
                   print(count + ' ' + ns.count + ' ' + ns.renamed);
                   print(Object.keys(ns).join() + ' ' + ns[Symbol.toStringTag]);
                   print(Object.getPrototypeOf(ns) + ' ' + Object.isExtensible(ns) + ' ' + Reflect.set(ns, 'count', 1));
                   print(typeof ns.inner + ' ' + (ns.inner.count === count) + ' ' + ('missing' in ns));
                   print(String(this) + ' ' + (function () { return this; })());"#,
            ),
            (
                "counter.mjs",
                r#"export let count = 0;
                   export function increment() { count++; }
                   export default 'the default';
                   const spaced = 'spaced'; export { spaced as "a b" };"#,
            ),
            (
                "reexport.mjs",
                r#"export { count, count as renamed } from './counter.mjs';
                   export * from './counter.mjs';
                   export * as inner from './counter.mjs';"#,
            ),
        ],
    );
    let mut rt = runtime(gc_stress);
    assert_eq!(
        run(&mut rt, &dir),
        [
            "0 the default spaced",
            "2 2 2",
            "a b,count,increment,inner,renamed Module",
            "null false false",
            "object true false",
            "undefined undefined",
        ]
    );
}

#[test]
fn live_bindings_namespaces_and_reexports_normal() {
    live_bindings_namespaces_and_reexports(false);
}

#[test]
fn live_bindings_namespaces_and_reexports_gc_stress() {
    live_bindings_namespaces_and_reexports(true);
}

fn cycles_hoist_functions_and_keep_the_tdz(gc_stress: bool) {
    let dir = files(
        "cycle",
        gc_stress,
        &[
            (
                "main.mjs",
                r#"import { fromB } from './b.mjs';
                   export function hoisted() { return 'hoisted'; }
                   export let late = 'late';
                   print('main ' + fromB);"#,
            ),
            (
                "b.mjs",
                r#"import { hoisted, late } from './main.mjs';
                   export const fromB = hoisted();
                   try { late; } catch (e) { print(e.name); }
                   print('b');"#,
            ),
        ],
    );
    let mut rt = runtime(gc_stress);
    assert_eq!(run(&mut rt, &dir), ["ReferenceError", "b", "main hoisted"]);
}

#[test]
fn cycles_hoist_functions_and_keep_the_tdz_normal() {
    cycles_hoist_functions_and_keep_the_tdz(false);
}

#[test]
fn cycles_hoist_functions_and_keep_the_tdz_gc_stress() {
    cycles_hoist_functions_and_keep_the_tdz(true);
}

fn top_level_await_orders_evaluation(gc_stress: bool) {
    let dir = files(
        "tla",
        gc_stress,
        &[
            (
                "main.mjs",
                r#"import './slow.mjs';
                   import './sync.mjs';
                   print('main');"#,
            ),
            (
                "slow.mjs",
                r#"print('slow start');
                   await Promise.resolve();
                   await null;
                   print('slow end');"#,
            ),
            ("sync.mjs", "print('sync');"),
        ],
    );
    let mut rt = runtime(gc_stress);
    assert_eq!(
        run(&mut rt, &dir),
        ["slow start", "sync", "slow end", "main"]
    );
}

#[test]
fn top_level_await_orders_evaluation_normal() {
    top_level_await_orders_evaluation(false);
}

#[test]
fn top_level_await_orders_evaluation_gc_stress() {
    top_level_await_orders_evaluation(true);
}

fn dynamic_import_from_scripts_and_modules(gc_stress: bool) {
    let dir = files(
        "dynamic",
        gc_stress,
        &[
            (
                "main.mjs",
                r#"const ns = await import('./dep.mjs');
                   print(ns.value + ' ' + (ns === await import('./dep.mjs')));
                   await import('./missing.mjs').catch(e => print('missing ' + e.name));
                   await import({ toString() { return './dep.mjs'; } }).then(n => print('toString ' + n.value));
                   const data = await import('./data.json', { with: { type: 'json' } });
                   print(JSON.stringify(data.default));
                   print(typeof import.meta + ' ' + (import.meta === import.meta) + ' ' + Object.getPrototypeOf(import.meta));"#,
            ),
            ("dep.mjs", "export const value = 42;"),
            ("data.json", r#"{ "list": [1, 2, 3], "ok": true }"#),
        ],
    );
    let mut rt = runtime(gc_stress);
    assert_eq!(
        run(&mut rt, &dir),
        [
            "42 true",
            "missing TypeError",
            "toString 42",
            r#"{"list":[1,2,3],"ok":true}"#,
            "object true null",
        ]
    );
    // From a classic script: the specifier resolves against the script's directory.
    let script = dir.join("script.js");
    rt.run_script(
        "import('./dep.mjs').then(ns => print('script ' + ns.value));",
        &script.display().to_string(),
    )
    .expect("script");
    rt.run_jobs().expect("jobs");
    rt.collect_garbage();
    assert_eq!(rt.take_output(), ["script 42"]);
}

#[test]
fn dynamic_import_from_scripts_and_modules_normal() {
    dynamic_import_from_scripts_and_modules(false);
}

#[test]
fn dynamic_import_from_scripts_and_modules_gc_stress() {
    dynamic_import_from_scripts_and_modules(true);
}

fn errors_have_their_phase(gc_stress: bool) {
    let dir = files(
        "errors",
        gc_stress,
        &[
            ("unresolved.mjs", "import { nope } from './dep.mjs';"),
            (
                "ambiguous.mjs",
                "export * from './dep.mjs'; export * from './dep2.mjs';",
            ),
            (
                "uses-ambiguous.mjs",
                "import { value } from './ambiguous.mjs';",
            ),
            ("dep.mjs", "export const value = 1;"),
            ("dep2.mjs", "export const value = 2;"),
            ("missing.mjs", "import './not-there.mjs';"),
            ("early.mjs", "export { undeclared };"),
            ("rejects.mjs", "await null; throw new RangeError('late');"),
            ("throws.mjs", "throw new TypeError('early');"),
        ],
    );
    let cases = [
        ("unresolved.mjs", ExceptionPhase::Resolution, "SyntaxError"),
        (
            "uses-ambiguous.mjs",
            ExceptionPhase::Resolution,
            "SyntaxError",
        ),
        ("missing.mjs", ExceptionPhase::Resolution, "TypeError"),
        ("early.mjs", ExceptionPhase::Parse, "SyntaxError"),
        ("rejects.mjs", ExceptionPhase::Runtime, "RangeError"),
        ("throws.mjs", ExceptionPhase::Runtime, "TypeError"),
    ];
    for (file, phase, name) in cases {
        let mut rt = runtime(gc_stress);
        let path = dir.join(file);
        let source = std::fs::read_to_string(&path).expect("module");
        let error = rt
            .run_module(&source, &path)
            .expect_err(&format!("{file} should fail"));
        assert_eq!(
            (error.phase, error.name.as_str()),
            (phase, name),
            "{file}: {error}"
        );
    }
}

#[test]
fn errors_have_their_phase_normal() {
    errors_have_their_phase(false);
}

#[test]
fn errors_have_their_phase_gc_stress() {
    errors_have_their_phase(true);
}
