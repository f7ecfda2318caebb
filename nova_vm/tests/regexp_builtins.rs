//! RegExp from the outside: literals and the constructor, exec results (index,
//! groups, indices), lastIndex with the g and y flags, the String methods that
//! delegate to the well-known symbols, and callbacks or conversions that run
//! JavaScript (and may collect) in the middle of a method. Every case also runs
//! under GC stress.

use nova_vm::{Runtime, RuntimeOptions};

/// Defines `churn` (allocates enough to trigger collections under stress) and
/// `obj(v)`, whose conversions call `churn` before returning `v`.
const PRELUDE: &str = "
    function churn() { var o = null; for (var i = 0; i < 50; i++) o = { next: o, text: 'item ' + i + ' with some length' }; return o; }
    function obj(v) { return { toString: function () { churn(); return v; }, valueOf: function () { churn(); return v; } }; }
    var wide = 'h\\u00e9llo w\\u00f6rld \\ud83d\\ude00 and more text';
";

const CASES: &[(&str, &str)] = &[
    // exec: the result array and lastIndex.
    (
        "var r = /(\\d+)-(?<y>\\d+)/g; var m = r.exec('ab 12-34 56-78'); [m.join('|'), m.index, m.groups.y, r.lastIndex].join()",
        "12-34|12|34,3,34,8",
    ),
    (
        "var r = /(\\d+)-(?<y>\\d+)/g; r.exec('ab 12-34 56-78'); var m = r.exec('ab 12-34 56-78'); [m[0], m.index, r.lastIndex, r.exec('ab 12-34 56-78'), r.lastIndex].join()",
        "56-78,9,14,,0",
    ),
    (
        "var m = /b(c)?/.exec('abd'); [m.length, m[1] === undefined, m.input, Object.keys(m).join(' ')].join()",
        "2,true,abd,0 1 index input groups",
    ),
    (
        "var d = /a(?<z>b)?(c)/d.exec('xabc'); JSON.stringify([d.indices, d.indices.groups])",
        "[[[1,4],[2,3],[3,4]],{\"z\":[2,3]}]",
    ),
    (
        "JSON.stringify(/(?<a>x)|(?<a>y)/.exec('-y').groups) + /(?:(?<x>a)|(?<x>b))\\k<x>/.exec('bb')[0]",
        "{\"a\":\"y\"}bb",
    ),
    // Sticky matching only at lastIndex.
    (
        "var y = /a/y; y.lastIndex = 1; [y.test('ba'), y.lastIndex, y.test('ba'), y.lastIndex].join()",
        "true,2,false,0",
    ),
    ("var y = /o/y; [y.exec('foo'), y.lastIndex].join()", ",0"),
    // Code units and code points.
    (
        "[/^.$/.test('\\ud83d\\ude00'), /^.$/u.test('\\ud83d\\ude00'), /\\u{1F600}/u.test(wide), /\\ud83d/.test(wide), /\\ud83d/u.test(wide)].join()",
        "false,true,true,true,false",
    ),
    (
        "var r = /\\S+/g; var out = []; var m; while ((m = r.exec(wide))) out.push(m.index + ':' + m[0].length); out.join(' ')",
        "0:5 6:5 12:2 15:3 19:4 24:4",
    ),
    (
        "'\\ud83d\\ude00\\ud83d\\ude00'.replace(/(?:)/gu, '-') + '|' + '\\ud83d\\ude00'.replace(/(?:)/g, '-').length",
        "-\u{1F600}-\u{1F600}-|5",
    ),
    ("/[a-z]+/i.exec('12 \\u00e9\\u00c9 ABC')[0]", "ABC"),
    // Flags, source and toString.
    (
        "[/a/gimsuyd.flags, /a/v.unicodeSets, /a/.source, new RegExp('').source, new RegExp('/').source, String(/x\\/y/m), RegExp('\\n').source].join(' ')",
        "dgimsuy true a (?:) \\/ /x\\/y/m \\n",
    ),
    (
        "[RegExp.prototype.global, RegExp.prototype.source, RegExp.prototype.toString(), Object.prototype.toString.call(/a/)].join()",
        ",(?:),/(?:)/,[object RegExp]",
    ),
    // The constructor.
    (
        "var r = /a/g; [RegExp(r) === r, new RegExp(r) === r, new RegExp(r, 'i').flags, new RegExp(obj('b+'), obj('y')).source].join()",
        "true,false,i,b+",
    ),
    (
        "class R extends RegExp { exec(s) { churn(); return super.exec(s); } } var r = new R('(o)', 'g'); [r instanceof R, 'foo'.replace(r, '0'), r.test('o')].join()",
        "true,f00,true",
    ),
    (
        "var log = []; try { new RegExp('(', ''); } catch (e) { log.push(e.name); } try { new RegExp('a', 'gg'); } catch (e) { log.push(e.name); } try { new RegExp('a', 'uv'); } catch (e) { log.push(e.name); } log.join()",
        "SyntaxError,SyntaxError,SyntaxError",
    ),
    (
        "function f() { return /x/g; } var a = f(), b = f(); a.lastIndex = 3; [a === b, b.lastIndex].join()",
        "false,0",
    ),
    // replace, with templates, named groups and functions.
    ("'a1b2c3'.replace(/\\d/g, '[$&]')", "a[1]b[2]c[3]"),
    (
        "'2020-01'.replace(/(?<y>\\d+)-(?<m>\\d+)/, '$<m>/$<y> $2$1 $$ $` $\\'')",
        "01/2020 012020 $  ",
    ),
    (
        "'x-y'.replace(/(\\w)-(?<b>\\w)/, function (m, a, b, pos, s, groups) { churn(); return [m, a, b, pos, s, groups.b].join(); })",
        "x-y,x,y,0,x-y,y",
    ),
    (
        "'aaa'.replaceAll(/a/g, obj('b')) + 'abc'.replace(/(?:)/g, '.')",
        "bbb.a.b.c.",
    ),
    // split.
    ("'a,b;c'.split(/[,;]/).join('|')", "a|b|c"),
    ("'aXbXc'.split(/(X)/, 4).join('|')", "a|X|b|X"),
    (
        "'abc'.split(/(?:)/).join('|') + ',' + ''.split(/x/).length + ',' + ''.split(/(?:)/).length",
        "a|b|c,1,0",
    ),
    (
        "'\\ud83d\\ude00x\\ud83d\\ude00'.split(/(?:)/u).length + ',' + '\\ud83d\\ude00'.split(/(?:)/).length",
        "3,2",
    ),
    (
        "class S extends RegExp { exec(s) { churn(); return super.exec(s); } } 'a1b22c'.split(new S('\\\\d+')).join('|')",
        "a|b|c",
    ),
    // match, matchAll, search.
    (
        "['abc'.match(/./g).join(''), 'abc'.match(/(b)/).slice(1).join(), 'abc'.match(/x/g), 'abc'.search(/c/), 'abc'.search('x')].join()",
        "abc,b,,2,-1",
    ),
    (
        "[...'a1b22'.matchAll(/\\d+/g)].map(function (m) { return m[0] + '@' + m.index; }).join()",
        "1@1,22@3",
    ),
    (
        "var it = 'ab'.matchAll(/(?:)/g); [Object.prototype.toString.call(it), [...it].length].join()",
        "[object RegExp String Iterator],3",
    ),
    (
        "try { 'a'.matchAll(/a/); 'no error' } catch (e) { e.name }",
        "TypeError",
    ),
    // RegExp.escape and the Annex B statics.
    (
        "RegExp.escape('a.b*c(1)') + ' ' + RegExp.escape('1 -')",
        "\\x61\\.b\\*c\\(1\\) \\x31\\x20\\x2d",
    ),
    (
        "/(\\w)(\\d)/.exec('--a1--'); [RegExp.$1, RegExp.$2, RegExp.lastMatch, RegExp['$`'], RegExp.rightContext, RegExp.input].join()",
        "a,1,a1,--,--,--a1--",
    ),
    (
        "var r = /a/; r.compile('b+', 'g'); [r.source, r.global, r.test('abb')].join()",
        "b+,true,true",
    ),
    // Generic methods on plain objects.
    (
        "RegExp.prototype[Symbol.replace].call({ flags: '', exec: function () { churn(); return null; } }, 'abc', 'x')",
        "abc",
    ),
    (
        "var calls = 0; var fake = { lastIndex: 0, flags: 'g', exec: function (s) { churn(); return calls++ < 2 ? { 0: 'b', index: calls, length: 1 } : null; } }; RegExp.prototype[Symbol.match].call(fake, 'abc').join()",
        "b,b",
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
fn regexp_methods() {
    run_cases(false);
}

#[test]
fn regexp_methods_under_gc_stress() {
    run_cases(true);
}

#[test]
fn global_replace_on_a_large_string_is_linear() {
    let mut rt = Runtime::new(RuntimeOptions::default());
    let code = "var s = 'ab'.repeat(200000); var t = s.replace(/b/g, 'c'); \
                [t.length, t.slice(0, 4), s.split(/a/).length, (s.match(/a/g) || []).length].join()";
    let start = std::time::Instant::now();
    let actual = rt.eval_to_string(code).expect("no exception");
    assert_eq!(actual, "400000,acac,200001,200000");
    let too_long = "try { 'x'.repeat(1 << 18).replace(/x/g, 'y'.repeat(4096)); 'no error' } \
                    catch (e) { e.name }";
    assert_eq!(rt.eval_to_string(too_long).expect("caught"), "RangeError");
    assert!(
        start.elapsed() < std::time::Duration::from_secs(20),
        "global replace took {:?}",
        start.elapsed()
    );
}
