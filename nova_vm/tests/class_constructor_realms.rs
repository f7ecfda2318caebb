//! Errors from calling class constructors come from the right realm: calling
//! one without `new` throws the callee realm's TypeError; a derived
//! constructor's bad return throws the caller realm's error.

use nova_vm::{Runtime, RuntimeOptions};

fn eval(code: &str) -> String {
    let mut rt = Runtime::new(RuntimeOptions::default());
    rt.install_test262_host();
    rt.eval_to_string(code)
        .unwrap_or_else(|e| panic!("{code}: {e}"))
}

#[test]
fn calling_a_class_constructor_throws_the_callee_realm_type_error() {
    assert_eq!(
        eval(
            "var other = $262.createRealm().global;
             var C = other.eval('(class {})');
             try { C(); 'no error' } catch (e) {
               [e.constructor === other.TypeError, e.constructor === TypeError].join()
             }"
        ),
        "true,false"
    );
}

#[test]
fn derived_constructor_result_errors_come_from_the_caller_realm() {
    assert_eq!(
        eval(
            "var other = $262.createRealm().global;
             var Bad = other.eval('(class extends Object { constructor() { return null; } })');
             var NoSuper = other.eval('(class extends Object { constructor() {} })');
             var a, b;
             try { new Bad(); } catch (e) { a = e.constructor === TypeError; }
             try { new NoSuper(); } catch (e) { b = e.constructor === ReferenceError; }
             [a, b].join()"
        ),
        "true,true"
    );
}
