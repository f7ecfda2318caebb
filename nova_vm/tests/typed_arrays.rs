//! ArrayBuffer, SharedArrayBuffer, the TypedArrays, DataView and Atomics from
//! the outside: element conversions (Float16 included), resizable buffers and
//! length-tracking views, and conversions that run JavaScript (which may
//! collect, detach or shrink a buffer) in the middle of an operation. Every
//! case also runs under GC stress.

use nova_vm::{Runtime, RuntimeOptions};

/// Defines `churn` (allocates enough to trigger collections under stress) and
/// `obj(v, f)`, whose conversions call `churn` and then `f` before returning `v`.
const PRELUDE: &str = "
    function churn() { var o = null; for (var i = 0; i < 50; i++) o = { next: o, text: 'item ' + i + ' with some length' }; return o; }
    function obj(v, f) { return { valueOf: function () { churn(); if (f) f(); return v; } }; }
";

const CASES: &[(&str, &str)] = &[
    // Conversions on store: wrapping, clamping (ties to even), rounding to Float32 and Float16.
    (
        "var u = new Uint8Array(3); u[0] = 257; u[1] = -1; u[2] = 1.9; [u[0], u[1], u[2]].join()",
        "1,255,1",
    ),
    (
        "var c = new Uint8ClampedArray([2.5, 3.5, -7, 300, NaN]); c.join()",
        "2,4,0,255,0",
    ),
    (
        "var h = new Float16Array([0.1, 65504, 65520, 2 ** -24, 2 ** -26, -0]); [h[0], h[1], h[2], h[3], h[4], Object.is(h[5], -0)].join()",
        "0.0999755859375,65504,Infinity,5.960464477539063e-8,0,true",
    ),
    ("new Float32Array([0.1])[0]", "0.10000000149011612"),
    (
        "var b = new BigInt64Array([-1n, 2n ** 63n]); var ub = new BigUint64Array(b.buffer); [b[0], b[1], ub[0]].join()",
        "-1,-9223372036854775808,18446744073709551615",
    ),
    // Views share bytes; DataView is big-endian unless asked.
    (
        "var buf = new ArrayBuffer(8); var dv = new DataView(buf); dv.setUint16(0, 0x1234); dv.setFloat16(2, 1.5, true); var u8 = new Uint8Array(buf); [u8[0], u8[1], u8[2], u8[3], dv.getUint16(0, true), dv.getFloat16(2, true)].join()",
        "18,52,0,62,13330,1.5",
    ),
    (
        "var dv2 = new DataView(new ArrayBuffer(16), 4); dv2.setBigInt64(0, -2n); [dv2.getBigUint64(0), dv2.byteLength, dv2.byteOffset].join()",
        "18446744073709551614,12,4",
    ),
    // Canonical numeric keys never reach the prototype or ordinary properties.
    (
        "var t = new Int8Array(2); Object.prototype[5] = 'proto'; t['-0'] = 1; t[1.5] = 1; t[7] = 1; var r = [t[5], '-0' in t, 1.5 in t, Object.keys(t).join('|'), Reflect.defineProperty(t, 0, {value: 9}), t[0], Reflect.defineProperty(t, 0, {value: 1, writable: false})]; delete Object.prototype[5]; r.join()",
        ",false,false,0|1,true,9,false",
    ),
    // Resizable buffers: length-tracking views follow, fixed views go out of bounds.
    (
        "var rab = new ArrayBuffer(8, {maxByteLength: 16}); var track = new Uint16Array(rab); var fixed = new Uint16Array(rab, 4, 2); rab.resize(6); var a = [track.length, fixed.length, fixed.byteOffset]; rab.resize(16); a.concat([track.length, fixed.length, rab.resizable, rab.maxByteLength]).join()",
        "3,0,0,8,2,true,16",
    ),
    (
        "var gsab = new SharedArrayBuffer(2, {maxByteLength: 8}); var g = new Int8Array(gsab); gsab.grow(5); [g.length, gsab.growable, gsab.byteLength].join()",
        "5,true,5",
    ),
    // Detaching in the middle of a conversion.
    (
        "var buf2 = new ArrayBuffer(4); var v = new Uint8Array(buf2); v.fill(7, obj(1, function () { buf2.transfer(); }))",
        "TypeError",
    ),
    (
        "var buf3 = new ArrayBuffer(4); var w = new Uint8Array(buf3); w[0] = obj(5, function () { buf3.transfer(); }); [w.length, w[0], buf3.detached].join()",
        "0,,true",
    ),
    // Shrinking in the middle of a conversion.
    (
        "var rab2 = new ArrayBuffer(4, {maxByteLength: 8}); var lt = new Uint8Array(rab2); lt.set([1, 2, 3, 4]); lt.includes(undefined, obj(0, function () { rab2.resize(2); })) + ',' + lt.length",
        "true,2",
    ),
    // transfer moves the bytes; slice copies through the species constructor.
    (
        "var src = new Uint8Array([1, 2, 3, 4]).buffer; var moved = src.transfer(6); [src.detached, src.byteLength, moved.byteLength, new Uint8Array(moved).join('')].join()",
        "true,0,6,123400",
    ),
    (
        "new Uint8Array(new Uint8Array([5, 6, 7, 8]).buffer.slice(obj(1), -1)).join()",
        "6,7",
    ),
    // %TypedArray% methods, with callbacks that collect.
    (
        "var f = Float64Array.from([3, NaN, -0, 0, -1], function (x) { churn(); return x; }); f.sort(); [f.join(), Object.is(f[1], -0)].join()",
        "-1,0,0,3,NaN,true",
    ),
    (
        "var s = new Int32Array([5, 1, 4, 2]).sort(function (a, b) { churn(); return b - a; }); s.join() + '|' + s.map(function (x) { churn(); return x * 2; }).filter(function (x) { return x > 4; }).join()",
        "5,4,2,1|10,8",
    ),
    (
        "var q = new Int16Array([1, 2, 3, 4, 5]); q.copyWithin(0, 3); [q.join(), q.subarray(1, 3).join(), q.toReversed().join(), q.with(-1, 9).join(), q.at(-2), q.lastIndexOf(5)].join('|')",
        "4,5,3,4,5|5,3|5,4,3,5,4|4,5,3,4,9|4|4",
    ),
    (
        "[...new Uint8Array([9, 8]).entries()].join('|') + '|' + Object.prototype.toString.call(new BigInt64Array(1)) + '|' + new Int8Array([1, 2]).toString()",
        "0,9|1,8|[object BigInt64Array]|1,2",
    ),
    // A view that can gain or lose elements cannot be made non-extensible.
    (
        "var grows = new Int8Array(new ArrayBuffer(2, { maxByteLength: 4 })); [Reflect.preventExtensions(grows), Reflect.preventExtensions(new Int8Array(2)), Object.isFrozen(Object.freeze(new Int8Array(0)))].join()",
        "false,true,true",
    ),
    // An array's own named property is never mistaken for the prototype's by
    // the inline cache (it once answered Object.prototype.toLocaleString here).
    (
        "function method() { return Array.prototype.toLocaleString; } method(); method() === Array.prototype.toLocaleString",
        "true",
    ),
    // Base64 and hex.
    (
        "var bytes = Uint8Array.fromBase64('SGVsbG8-', { alphabet: 'base64url' }); [bytes.toHex(), bytes.toBase64(), bytes.toBase64({ omitPadding: true }), JSON.stringify(new Uint8Array(4).setFromHex('0a0b'))].join()",
        "48656c6c6f3e,SGVsbG8+,SGVsbG8+,{\"read\":4,\"written\":2}",
    ),
    // Atomics on integer views.
    (
        "var ia = new Int32Array(new SharedArrayBuffer(8)); [Atomics.add(ia, 0, 5), Atomics.sub(ia, 0, 2), Atomics.compareExchange(ia, 0, 3, 10), Atomics.load(ia, 0), Atomics.store(ia, 1, 4.7), Atomics.wait(ia, 1, 0, 0), Atomics.wait(ia, 1, 4, 0), Atomics.notify(ia, 0)].join()",
        "0,5,3,10,4,not-equal,timed-out,0",
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
        let actual = match rt.eval_to_string(code) {
            Ok(s) => s,
            Err(e) if e.name == "TypeError" => "TypeError".to_owned(),
            Err(e) => panic!("{code}: {e}"),
        };
        assert_eq!(&actual, expected, "{code}");
    }
}

#[test]
fn typed_arrays_and_buffers() {
    run_cases(false);
}

#[test]
fn typed_arrays_and_buffers_under_gc_stress() {
    run_cases(true);
}

/// Absurd sizes are a RangeError, never an abort.
#[test]
fn huge_buffers_are_range_errors() {
    let mut rt = Runtime::new(RuntimeOptions::default());
    for code in [
        "new ArrayBuffer(2 ** 52)",
        "new Float64Array(2 ** 40)",
        "new ArrayBuffer(0, { maxByteLength: 2 ** 52 })",
    ] {
        let error = rt.eval_to_string(code).expect_err(code);
        assert_eq!(error.name, "RangeError", "{code}: {error}");
    }
}
