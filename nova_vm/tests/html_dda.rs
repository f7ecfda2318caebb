//! Objects with an `[[IsHTMLDDA]]` internal slot (Annex B.3.6), made through
//! the embedding API's host hook and test262's `$262.IsHTMLDDA`.

use nova_vm::{Runtime, RuntimeOptions};

fn eval(runtime: &mut Runtime, code: &str) -> String {
    runtime
        .eval_to_string(code)
        .unwrap_or_else(|e| panic!("{code}: {e}"))
}

fn runtime(gc_stress: bool) -> Runtime {
    let mut rt = Runtime::new(RuntimeOptions {
        gc_stress,
        ..Default::default()
    });
    rt.define_html_dda_global("all");
    rt
}

fn html_dda_semantics(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    // typeof (B.3.6.3).
    assert_eq!(eval(&mut rt, "typeof all"), "undefined");
    // ToBoolean (B.3.6.1), in every place the interpreter tests truthiness.
    assert_eq!(eval(&mut rt, "String(!all)"), "true");
    assert_eq!(eval(&mut rt, "all ? 'truthy' : 'falsy'"), "falsy");
    assert_eq!(
        eval(&mut rt, "if (all) { 'truthy' } else { 'falsy' }"),
        "falsy"
    );
    assert_eq!(eval(&mut rt, "String(Boolean(all))"), "false");
    assert_eq!(eval(&mut rt, "all || 'or'"), "or");
    assert_eq!(eval(&mut rt, "String((all && 'and') === all)"), "true");
    // IsLooselyEqual (B.3.6.2), in both directions, and only with nullish values.
    assert_eq!(
        eval(
            &mut rt,
            "[all == null, null == all, all == undefined, undefined == all].join()"
        ),
        "true,true,true,true"
    );
    assert_eq!(
        eval(
            &mut rt,
            "[all != null, all == 0, all == '', all == false].join()"
        ),
        "false,false,false,false"
    );
    // Strict equality and `??` see an ordinary object.
    assert_eq!(
        eval(
            &mut rt,
            "[all === undefined, all === null, all === all].join()"
        ),
        "false,false,true"
    );
    assert_eq!(eval(&mut rt, "typeof (all ?? 'coalesced')"), "undefined");
    // It is still an object that can be called.
    assert_eq!(eval(&mut rt, "String(all())"), "null");
    assert_eq!(eval(&mut rt, "String(all(''))"), "null");
    assert_eq!(eval(&mut rt, "String(Object(all) === all)"), "true");
    // Ordinary functions and objects are unaffected.
    assert_eq!(
        eval(&mut rt, "[typeof print, !print, !{}, print == null].join()"),
        "function,false,false,false"
    );
}

#[test]
fn html_dda_semantics_normal() {
    html_dda_semantics(false);
}

#[test]
fn html_dda_semantics_gc_stress() {
    html_dda_semantics(true);
}

#[test]
fn test262_host_exposes_is_html_dda() {
    let mut rt = Runtime::new(RuntimeOptions::default());
    rt.install_test262_host();
    assert_eq!(
        eval(
            &mut rt,
            "var d = $262.IsHTMLDDA; [typeof d, !d, d == null, String(d())].join()"
        ),
        "undefined,true,true,null"
    );
}
