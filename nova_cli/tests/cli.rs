//! The `nova` command: output, exit status and error reports.

use std::process::{Command, Output};

fn nova(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nova"))
        .args(args)
        .output()
        .expect("nova runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn prints_and_exits_zero() {
    let output = nova(&[
        "-e",
        "print('hello', 1 + 2); console.log('and', typeof print)",
    ]);
    assert!(output.status.success());
    assert_eq!(stdout(&output), "hello 3\nand function\n");
}

#[test]
fn runs_a_file() {
    let dir = std::env::temp_dir().join(format!("nova-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("script.js");
    std::fs::write(
        &file,
        "function square(x) { return x * x }\nprint(square(12));\n",
    )
    .unwrap();
    let output = nova(&[file.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "144\n");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn uncaught_errors_print_the_error_and_its_stack() {
    let output = nova(&[
        "-e",
        "function inner() { null.x }\nfunction outer() { inner() }\nouter()",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.starts_with("Uncaught TypeError: Cannot read properties of null (reading 'x')"),
        "{err}"
    );
    assert!(err.contains("at inner (<eval>:1:"), "{err}");
    assert!(err.contains("at outer (<eval>:2:"), "{err}");
}

#[test]
fn thrown_values_that_are_not_errors_are_reported() {
    let output = nova(&["-e", "throw 42"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("Uncaught 42"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn syntax_errors_print_a_code_frame() {
    let output = nova(&["-e", "var x = ;"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.starts_with("SyntaxError:"), "{err}");
    assert!(err.contains("--> <eval>:1:"), "{err}");
    assert!(err.contains("var x = ;"), "{err}");
    assert!(err.contains('^'), "{err}");
}

#[test]
fn deep_recursion_is_a_catchable_range_error() {
    let output = nova(&[
        "-e",
        "function f(n) { return f(n + 1) + 1 }\ntry { f(0) } catch (e) { print(e instanceof RangeError, e.message) }",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "true Maximum call stack size exceeded\n");
}

#[test]
fn deeply_nested_source_is_a_clean_syntax_error() {
    let source = format!("var x = {}1{};", "(".repeat(100_000), ")".repeat(100_000));
    let file = std::env::temp_dir().join(format!("nova-deep-{}.js", std::process::id()));
    std::fs::write(&file, source).unwrap();
    let output = nova(&[file.to_str().unwrap()]);
    std::fs::remove_file(&file).unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("too deep"), "{}", stderr(&output));
}

#[test]
fn timeout_stops_runaway_scripts() {
    // Every loop form: its backward jump is where the interrupt lands.
    for script in [
        "for (;;) {}",
        "var x = true; while (x) {}",
        "var y = true; do {} while (y)",
        "for (var i = 0; i < 1; i = 0) {}",
        "var n = 0; do {} while (n < 1)",
        // Spreading an endless iterator.
        "function* g() { for (;;) yield 1; } [...g()]",
    ] {
        let output = nova(&["--timeout", "0.2", "-e", script]);
        assert_eq!(output.status.code(), Some(1), "{script}");
        assert!(
            stderr(&output).contains("Execution interrupted"),
            "{script}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn missing_file_is_reported() {
    let output = nova(&["/nonexistent/script.js"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("cannot read"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn runs_modules_with_the_flag_or_the_mjs_extension() {
    let dir = std::env::temp_dir().join(format!("nova-cli-modules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("dep.js"), "export const answer = 42;\n").unwrap();
    std::fs::write(
        dir.join("main.js"),
        "import { answer } from './dep.js';\nawait null;\nprint(answer, typeof import.meta);\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("main.mjs"),
        "import { answer } from './dep.js';\nprint(answer);\n",
    )
    .unwrap();
    std::fs::write(dir.join("bad.mjs"), "import { missing } from './dep.js';\n").unwrap();
    let main = dir.join("main.js");
    let output = nova(&["--module", main.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "42 object\n");
    // Without the flag, main.js is a script: `import` is a syntax error.
    let output = nova(&[main.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("SyntaxError"),
        "{}",
        stderr(&output)
    );
    let output = nova(&[dir.join("main.mjs").to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "42\n");
    // A link error is reported before any module code runs.
    let output = nova(&[dir.join("bad.mjs").to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("does not provide an export named 'missing'"),
        "{}",
        stderr(&output)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
