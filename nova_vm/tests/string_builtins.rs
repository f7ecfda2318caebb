//! String built-ins from the outside: results on ASCII, non-ASCII and
//! ill-formed strings, and conversions that run JavaScript (which may collect)
//! in the middle of a method. Every case also runs under GC stress.

use nova_vm::{Runtime, RuntimeOptions};

/// Defines `churn` (allocates enough to trigger collections under stress) and
/// `obj(v)`, whose conversions call `churn` before returning `v`.
const PRELUDE: &str = "
    function churn() { var o = null; for (var i = 0; i < 50; i++) o = { next: o, text: 'item ' + i + ' with some length' }; return o; }
    function obj(v) { return { toString: function () { churn(); return v; }, valueOf: function () { churn(); return v; } }; }
    var big = 'a string that is long enough to live on the heap';
    var wide = 'h\\u00e9llo w\\u00f6rld \\ud83d\\ude00 and more text';
";

const CASES: &[(&str, &str)] = &[
    // Concatenation with lone surrogates: halves that meet become one code
    // point; others stay lone.
    (
        "var p = '\\ud83d' + big + '\\ude00'; var q = '\\ud83d' + '\\ude00'; [q === '\\ud83d\\ude00', q.length, q.codePointAt(0), p.length, p.charCodeAt(0), p.charCodeAt(p.length - 1)].join()",
        "true,2,128512,50,55357,56832",
    ),
    (
        "var s = ''; for (var i = 0; i < 300; i++) s += i % 2 ? '\\udc00' : 'x'; s.length + ',' + s.charCodeAt(299) + ',' + s.isWellFormed()",
        "300,56320,false",
    ),
    ("big.at(-1) + big.charAt(2) + big.charCodeAt(0)", "ps97"),
    (
        "wide.codePointAt(12) + ',' + wide.codePointAt(13)",
        "128512,56832",
    ),
    ("String.prototype.at.call(obj(big), obj(-2))", "a"),
    (
        "String.prototype.indexOf.call(obj(big), obj('long'), obj(3))",
        "17",
    ),
    (
        "wide.indexOf('\\ud83d\\ude00') + ',' + wide.lastIndexOf('o')",
        "12,20",
    ),
    (
        "'abcabc'.lastIndexOf('c', 4) + ',' + 'abc'.lastIndexOf('abcd')",
        "2,-1",
    ),
    (
        "big.includes('heap', 40) + ',' + big.startsWith('string', 2) + ',' + big.endsWith('long', 21)",
        "true,true,true",
    ),
    (
        "String.prototype.concat.call(obj('x'), obj(1), null, obj(wide)).length",
        "34",
    ),
    (
        "big.slice(-4) + '|' + big.substring(9, 2) + '|' + big.substr(-4, 2)",
        "heap|string |he",
    ),
    (
        "'ab'.repeat(3) + 'x'.padStart(4, 'yz') + 'x'.padEnd(3) + '|'",
        "abababyzyxx  |",
    ),
    (
        "String.prototype.padEnd.call(obj('x'), obj(5), obj('\\u00e9'))",
        "x\u{e9}\u{e9}\u{e9}\u{e9}",
    ),
    ("'aXbXc'.replace('X', '[$&|$`|$\\'|$$]')", "a[X|a|bXc|$]bXc"),
    (
        "'aXbXc'.replaceAll('X', function (m, p, s) { churn(); return p; })",
        "a1b3c",
    ),
    (
        "String.prototype.replaceAll.call(obj(big), obj(' '), obj('_'))",
        "a_string_that_is_long_enough_to_live_on_the_heap",
    ),
    ("'abc'.replaceAll('', '-')", "-a-b-c-"),
    (
        "'  \\t x \\u3000\\n'.trim() + '|' + '\\u0085x'.trim()",
        "x|\u{85}x",
    ),
    (
        "'HeLLo \\u00df \\u0130'.toUpperCase() + '|' + '\\u0391\\u03a3 \\u0391\\u03a3\\u0391'.toLowerCase()",
        "HELLO SS \u{130}|\u{3b1}\u{3c2} \u{3b1}\u{3c3}\u{3b1}",
    ),
    (
        "'\\u1e9b\\u0323'.normalize('NFKD').length + ',' + '\\u1e9b\\u0323'.normalize().length",
        "3,2",
    ),
    (
        "'\\u212b'.localeCompare('A\\u030a') + ',' + 'a'.localeCompare('b')",
        "0,-1",
    ),
    (
        "'a\\ud800b'.isWellFormed() + ',' + 'a\\ud800b'.toWellFormed().charCodeAt(1)",
        "false,65533",
    ),
    (
        "'a\\ud800b'.toUpperCase().charCodeAt(1) + ',' + 'a\\ud800b'.slice(1, 2).charCodeAt(0)",
        "55296,55296",
    ),
    (
        "var r = ''; for (var c of 'a\\ud83d\\ude00b\\ud800') r += c.length; r",
        "1211",
    ),
    (
        "String.fromCharCode(72, obj(105), 0x10021) + String.fromCodePoint(0x1f600).length",
        "Hi!2",
    ),
    (
        "String.raw({ raw: { length: obj(3), 0: 'a', 1: obj('b'), 2: 'c' } }, 1, obj(2))",
        "a1b2c",
    ),
    (
        "new String(obj(big)).length + ',' + String(undefined) + ',' + typeof String(1)",
        "48,undefined,string",
    ),
    (
        "class S extends String { twice() { return this + this; } } new S('ab').twice()",
        "abab",
    ),
    (
        "'x'.link('a\"b') + 'y'.sub()",
        "<a href=\"a&quot;b\">x</a><sub>y</sub>",
    ),
    (
        "String.prototype.trimLeft === String.prototype.trimStart",
        "true",
    ),
    (
        "try { 'ab'.repeat(2 ** 30); 'no error' } catch (e) { e.name }",
        "RangeError",
    ),
    (
        "try { 'ab'.padStart(2 ** 40, '-'); 'no error' } catch (e) { e.name }",
        "RangeError",
    ),
    (
        "''.repeat(2 ** 40).length + ',' + 'ab'.padStart(2 ** 40, '').length",
        "0,2",
    ),
    // Strings built by += share an append buffer; earlier strings keep their
    // own text when later ones branch off the same prefix.
    (
        "var s = big; for (var i = 0; i < 100; i++) s += i; var t = s + 'T'; var u = s + 'U'; var v = t + '!'; [s.length, t.slice(-4), u.slice(-4), v.slice(-5), (s + s).length, t === s + 'T'].join()",
        "238,899T,899U,899T!,476,true",
    ),
    (
        "var w = wide; for (var i = 0; i < 20; i++) w += '\\u00fc' + i; w += '\\ud800'; [w.length, w.charCodeAt(w.length - 1), w.codePointAt(12), w.isWellFormed()].join()",
        "79,55296,128512,false",
    ),
    (
        "var k = big + big; var m = new Map([[k, 1]]); var o = {}; o[k] = 2; [m.get(big + big), o[big + big]].join()",
        "1,2",
    ),
    (
        "try { var h = 'x'.repeat(2 ** 29); h + h + h; 'no error' } catch (e) { e.name }",
        "RangeError",
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

/// A megabyte built one character at a time: linear with the append buffer,
/// hours if every `+=` copied the whole string.
#[test]
fn building_a_string_with_plus_equals_is_linear() {
    let started = std::time::Instant::now();
    let result = Runtime::new(RuntimeOptions::default())
        .eval_to_string("var s = ''; for (var i = 0; i < 1048576; i++) s += 'x'; s.length")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(result, "1048576");
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

#[test]
fn string_methods() {
    run_cases(false);
}

#[test]
fn string_methods_under_gc_stress() {
    run_cases(true);
}
