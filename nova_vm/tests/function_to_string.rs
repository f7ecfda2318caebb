//! `Function.prototype.toString` for functions without source text: built-in,
//! bound and callable proxy functions give the NativeFunction syntax
//! (`function <name>() { [native code] }`, the name may be absent).

use nova_vm::{Runtime, RuntimeOptions};

fn eval(code: &str) -> String {
    let mut rt = Runtime::new(RuntimeOptions::default());
    rt.eval_to_string(code)
        .unwrap_or_else(|e| panic!("{code}: {e}"))
}

fn to_string_of(expression: &str) -> String {
    eval(&format!("Function.prototype.toString.call({expression})"))
}

#[test]
fn built_in_functions_show_their_initial_name() {
    assert_eq!(to_string_of("Math.max"), "function max() { [native code] }");
    assert_eq!(
        to_string_of("Object"),
        "function Object() { [native code] }"
    );
    assert_eq!(
        to_string_of("Object.getOwnPropertyDescriptor(Map.prototype, 'size').get"),
        "function get size() { [native code] }"
    );
    assert_eq!(
        to_string_of("Array.prototype[Symbol.iterator]"),
        "function values() { [native code] }"
    );
    assert_eq!(
        to_string_of("Object.getOwnPropertyDescriptor(Map, Symbol.species).get"),
        "function get [Symbol.species]() { [native code] }"
    );
}

#[test]
fn bound_and_proxy_functions_have_no_name() {
    let native = "function () { [native code] }";
    assert_eq!(to_string_of("function f() {}.bind(null)"), native);
    assert_eq!(to_string_of("new Proxy(function f() {}, {})"), native);
    assert_eq!(to_string_of("new Proxy(class C {}, {})"), native);
    assert_eq!(to_string_of("new Proxy(() => 1, {})"), native);
}

#[test]
fn source_text_is_kept_for_ecmascript_functions() {
    assert_eq!(
        to_string_of("function f(a, b) { return a; }"),
        "function f(a, b) { return a; }"
    );
}

#[test]
fn non_callable_this_throws() {
    assert_eq!(
        eval(
            "try { Function.prototype.toString.call({}); 'no error' } catch (e) { e.constructor.name }"
        ),
        "TypeError"
    );
    assert_eq!(
        eval(
            "try { Function.prototype.toString.call(new Proxy({}, {})); 'no error' } catch (e) { e.constructor.name }"
        ),
        "TypeError"
    );
}
