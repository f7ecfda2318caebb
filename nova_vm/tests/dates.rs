//! Date objects: the exact calendar arithmetic of MakeDay and MakeTime at the
//! edges of the time value range, Date.parse of the ISO format and of the
//! strings toString and toUTCString produce, the setters' evaluation order and
//! NaN rules, and toISOString of expanded years. The assertions hold in any
//! host time zone. Every test also runs under GC stress, with collections
//! inside the setters' argument conversions.

use nova_vm::{Runtime, RuntimeOptions};

fn runtime(gc_stress: bool) -> Runtime {
    Runtime::new(RuntimeOptions {
        gc_stress,
        ..Default::default()
    })
}

fn eval(runtime: &mut Runtime, code: &str) -> String {
    runtime
        .eval_to_string(code)
        .unwrap_or_else(|e| panic!("{code}: {e}"))
}

fn make_day_edges(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    let cases = [
        // The ends of the time value range, and one millisecond beyond.
        ("Date.UTC(275760, 8, 13)", "8640000000000000"),
        ("Date.UTC(275760, 8, 13, 0, 0, 0, 1)", "NaN"),
        ("Date.UTC(-271821, 3, 20)", "-8640000000000000"),
        ("Date.UTC(-271821, 3, 19, 23, 59, 59, 999)", "NaN"),
        // Months beyond 0..11 carry into the year, both ways.
        ("Date.UTC(1970, 12, 1)", "31536000000"),
        ("Date.UTC(1970, -1, 1)", "-2678400000"),
        ("Date.UTC(2000, 1200, 1) === Date.UTC(2100, 0, 1)", "true"),
        // Day overflow across a leap day, and the years 0–99 map to 1900–1999.
        ("Date.UTC(2016, 1, 30) === Date.UTC(2016, 2, 1)", "true"),
        ("Date.UTC(99, 0) === Date.UTC(1999, 0)", "true"),
        ("Date.UTC(-1, 0)", "-62198755200000"),
        // Huge or non-finite arguments give NaN instead of a wrapped value.
        ("Date.UTC(1e20, 0)", "NaN"),
        ("Date.UTC(1970, Infinity)", "NaN"),
        ("Date.UTC(1970, 0, 1, 0, 0, 0, 8.64e15 + 1)", "NaN"),
        // Fractions are truncated toward zero field by field.
        ("Date.UTC(1970, 0, 1.9, 0.9, 0, 0, -0.9)", "0"),
        // MakeTime is f64 arithmetic in the specification's order.
        (
            "Date.UTC(1970, 0, 1, 80063993375, 29, 1, -288230376151711740)",
            "29312",
        ),
    ];
    for (code, expected) in cases {
        assert_eq!(eval(&mut rt, code), expected, "{code}");
    }
}

#[test]
fn make_day_edges_normal() {
    make_day_edges(false);
}

#[test]
fn make_day_edges_gc_stress() {
    make_day_edges(true);
}

fn parse_formats(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    let cases = [
        // Date-only forms are UTC.
        ("Date.parse('1970')", "0"),
        ("Date.parse('1970-02')", "2678400000"),
        ("Date.parse('2000-01-01')", "946684800000"),
        // Date-time forms with an offset.
        ("Date.parse('2000-01-01T00:00:00.000Z')", "946684800000"),
        ("Date.parse('2000-01-01T01:30+01:30')", "946684800000"),
        ("Date.parse('1999-12-31T23:00:00-01:00')", "946684800000"),
        ("Date.parse('1970-01-01T00:00:00.5Z')", "500"),
        // Date-time forms without an offset are local time.
        (
            "Date.parse('2000-01-01T00:00') === new Date(2000, 0, 1).getTime()",
            "true",
        ),
        // Expanded years, with the range limits.
        (
            "Date.parse('+275760-09-13T00:00:00.000Z')",
            "8640000000000000",
        ),
        ("Date.parse('+275760-09-13T00:00:00.001Z')", "NaN"),
        (
            "Date.parse('-271821-04-20T00:00:00.000Z')",
            "-8640000000000000",
        ),
        ("Date.parse('-000001-01-01T00:00:00Z')", "-62198755200000"),
        ("Date.parse('-000000-01-01T00:00:00Z')", "NaN"),
        // 24:00 is the end of the day; anything else out of bounds is NaN.
        (
            "Date.parse('1995-02-04T24:00Z') === Date.parse('1995-02-05T00:00Z')",
            "true",
        ),
        ("Date.parse('1995-02-04T24:01Z')", "NaN"),
        ("Date.parse('1995-13-01')", "NaN"),
        ("Date.parse('1995-02-29')", "NaN"),
        ("Date.parse('1995-2-1')", "NaN"),
        ("Date.parse('not a date')", "NaN"),
        ("Date.parse('')", "NaN"),
        // The toUTCString form.
        (
            "Date.parse('Sat, 01 Jan 2000 00:00:00 GMT')",
            "946684800000",
        ),
        (
            "Date.parse('Fri, 01 Jan -0001 00:00:00 GMT')",
            "-62198755200000",
        ),
        // The toString form with an explicit offset and zone name.
        (
            "Date.parse('Sat Jan 01 2000 01:00:00 GMT+0100 (Central European Standard Time)')",
            "946684800000",
        ),
    ];
    for (code, expected) in cases {
        assert_eq!(eval(&mut rt, code), expected, "{code}");
    }
    // Every string toUTCString and toISOString produce parses back (whole
    // seconds for the first), and so does toString's where the zone's offset
    // is whole minutes (historical local mean times have seconds, which
    // toString does not print).
    let round_trips = eval(
        &mut rt,
        "var bad = [];
         var times = [0, 946684800000, -62198755200000, 8.64e15, -8.64e15, 1234567890000, -1e12];
         for (var t of times) {
             var d = new Date(t);
             if (Date.parse(d.toUTCString()) !== t) bad.push('toUTCString ' + t);
             if (Date.parse(d.toISOString()) !== t) bad.push('toISOString ' + t);
             if (t >= 0 && Date.parse(d.toString()) !== t) bad.push('toString ' + t);
         }
         bad.join()",
    );
    assert_eq!(round_trips, "");
}

#[test]
fn parse_formats_normal() {
    parse_formats(false);
}

#[test]
fn parse_formats_gc_stress() {
    parse_formats(true);
}

fn setters_order_and_nan(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    // Arguments are converted in order, each once, even when the date is NaN;
    // the valueOf callbacks allocate, so collections happen between conversions.
    let log = eval(
        &mut rt,
        "var log = [];
         function arg(name, value) {
             return { valueOf() { log.push(name); var junk = []; for (var i = 0; i < 50; i++) junk.push({ i }); return value; } };
         }
         var d = new Date(NaN);
         var r = d.setUTCHours(arg('h', 1), arg('m', 2), arg('s', 3), arg('ms', 4));
         log.join() + ' ' + r + ' ' + d.getTime()",
    );
    assert_eq!(log, "h,m,s,ms NaN NaN");
    let cases = [
        // setUTCFullYear and setFullYear start from +0 when the date is NaN.
        (
            "var d = new Date(NaN); d.setUTCFullYear(2000)",
            "946684800000",
        ),
        (
            "var d = new Date(NaN); d.setUTCFullYear(2000, 1, 29); d.toISOString()",
            "2000-02-29T00:00:00.000Z",
        ),
        (
            "var d = new Date(NaN); d.setFullYear(2000); d.getFullYear() + ' ' + d.getHours() + ' ' + d.getMonth()",
            "2000 0 0",
        ),
        // The other setters leave a NaN date alone.
        (
            "var d = new Date(NaN); d.setUTCMonth(1) + ' ' + d.getTime()",
            "NaN NaN",
        ),
        // A NaN argument makes the date NaN.
        (
            "var d = new Date(0); d.setUTCSeconds(NaN) + ' ' + d.getTime()",
            "NaN NaN",
        ),
        // Optional arguments that are absent keep their fields.
        (
            "var d = new Date(Date.UTC(2000, 5, 15, 10, 20, 30, 400)); d.setUTCMinutes(5); d.toISOString()",
            "2000-06-15T10:05:30.400Z",
        ),
        // Fields overflow into the next unit.
        (
            "var d = new Date(0); d.setUTCMilliseconds(1000 * 60 * 60 * 24); d.toISOString()",
            "1970-01-02T00:00:00.000Z",
        ),
        // setTime clips; the time value read before the conversions is the one used.
        ("var d = new Date(0); d.setTime(8.64e15 + 1)", "NaN"),
        (
            "var d = new Date(0); d.setUTCDate({ valueOf() { d.setTime(NaN); return 2; } })",
            "86400000",
        ),
        (
            "var d = new Date(NaN); d.setUTCDate({ valueOf() { d.setTime(0); return 2; } }) + ' ' + d.getTime()",
            "NaN 0",
        ),
        // Annex B: setYear maps 0–99 to 1900–1999, getYear subtracts 1900.
        (
            "var d = new Date(2000, 0, 1); d.setYear(99); d.getFullYear() + ' ' + d.getYear()",
            "1999 99",
        ),
        (
            "var d = new Date(0); d.setYear(NaN) + ' ' + d.getTime()",
            "NaN NaN",
        ),
    ];
    for (code, expected) in cases {
        assert_eq!(eval(&mut rt, code), expected, "{code}");
    }
    // A receiver without [[DateValue]] is a TypeError before any conversion.
    let error = rt
        .eval_to_string(
            "var called = false; Date.prototype.setUTCDate.call({}, { valueOf() { called = true; return 1; } })",
        )
        .unwrap_err();
    assert_eq!(error.name, "TypeError");
    assert_eq!(eval(&mut rt, "called"), "false");
}

#[test]
fn setters_order_and_nan_normal() {
    setters_order_and_nan(false);
}

#[test]
fn setters_order_and_nan_gc_stress() {
    setters_order_and_nan(true);
}

fn strings_and_conversions(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    let cases = [
        ("new Date(0).toISOString()", "1970-01-01T00:00:00.000Z"),
        (
            "new Date(8.64e15).toISOString()",
            "+275760-09-13T00:00:00.000Z",
        ),
        (
            "new Date(-8.64e15).toISOString()",
            "-271821-04-20T00:00:00.000Z",
        ),
        (
            "new Date(Date.UTC(-1, 0)).toISOString()",
            "-000001-01-01T00:00:00.000Z",
        ),
        (
            "new Date(Date.UTC(10000, 0)).toISOString()",
            "+010000-01-01T00:00:00.000Z",
        ),
        ("new Date(0).toUTCString()", "Thu, 01 Jan 1970 00:00:00 GMT"),
        (
            "new Date(Date.UTC(-1, 0)).toUTCString()",
            "Fri, 01 Jan -0001 00:00:00 GMT",
        ),
        ("String(new Date(NaN))", "Invalid Date"),
        ("new Date(NaN).toUTCString()", "Invalid Date"),
        (
            "JSON.stringify([new Date(0), new Date(NaN)])",
            "[\"1970-01-01T00:00:00.000Z\",null]",
        ),
        // Dates convert to strings by default, to numbers when asked.
        ("typeof (new Date(0) + 1)", "string"),
        ("new Date(5) - 0", "5"),
        (
            "new Date(0)[Symbol.toPrimitive]('number') + ' ' + typeof new Date(0)[Symbol.toPrimitive]('default')",
            "0 string",
        ),
        (
            "Object.prototype.toString.call(new Date(0))",
            "[object Date]",
        ),
        (
            "Date.prototype.toGMTString === Date.prototype.toUTCString",
            "true",
        ),
        // A Date argument copies the time value without calling valueOf or toString.
        (
            "var d = new Date(7); d.valueOf = d.toString = function () { throw 1; }; new Date(d).getTime()",
            "7",
        ),
        // Subclasses get Date instances with the subclass prototype.
        (
            "class Sub extends Date {} var s = new Sub(1); (s instanceof Sub) + ' ' + s.getTime()",
            "true 1",
        ),
        ("typeof Date()", "string"),
    ];
    for (code, expected) in cases {
        assert_eq!(eval(&mut rt, code), expected, "{code}");
    }
    let error = rt
        .eval_to_string("new Date(NaN).toISOString()")
        .unwrap_err();
    assert_eq!(error.name, "RangeError");
    let error = rt
        .eval_to_string("new Date(0)[Symbol.toPrimitive]('bogus')")
        .unwrap_err();
    assert_eq!(error.name, "TypeError");
}

#[test]
fn strings_and_conversions_normal() {
    strings_and_conversions(false);
}

#[test]
fn strings_and_conversions_gc_stress() {
    strings_and_conversions(true);
}

fn dates_survive_compaction(gc_stress: bool) {
    let mut rt = runtime(gc_stress);
    eval(
        &mut rt,
        "var dates = [];
         for (var i = 0; i < 2000; i++) { var garbage = new Date(i); if (i % 10 === 0) dates.push(new Date(i * 1000)); }",
    );
    rt.collect_garbage();
    assert_eq!(
        eval(
            &mut rt,
            "var ok = true; for (var i = 0; i < dates.length; i++) ok = ok && dates[i].getTime() === i * 10000; ok + ' ' + dates.length"
        ),
        "true 200"
    );
}

#[test]
fn dates_survive_compaction_normal() {
    dates_survive_compaction(false);
}

#[test]
fn dates_survive_compaction_gc_stress() {
    dates_survive_compaction(true);
}
