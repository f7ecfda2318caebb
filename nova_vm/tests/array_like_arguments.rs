//! Argument lists built from array-likes (`Function.prototype.apply`,
//! `Reflect.apply`): arrays and arguments objects with only plain dense
//! elements are read straight from their elements, and everything that could
//! make a difference sends them through the full CreateListFromArrayLike:
//! holes (the prototype answers), getters on elements or on `length`, a
//! changed `length`, deleted and re-assigned mapped arguments. Lists past
//! the implementation limit are a RangeError.

mod common;

const CASES: &[(&str, &str)] = &[
    (
        "function show() { return Array.prototype.slice.call(arguments).join('|'); }
         function sloppy(a, b) { a = 'A'; return show.apply(null, arguments); }
         function strict(a, b) { 'use strict'; a = 'A'; return show.apply(null, arguments); }
         function getter(a) { Object.defineProperty(arguments, '1', { get() { return 'G' } }); return show.apply(null, arguments); }
         function deleted(a, b) { delete arguments[0]; return show.apply(null, arguments); }
         function shortened(a, b) { arguments.length = 1; return show.apply(null, arguments); }
         function lengthGetter(a, b) { Object.defineProperty(arguments, 'length', { get() { return 3 } }); return show.apply(null, arguments); }
         function assigned(a) { arguments[0] = 'P'; return show.apply(null, arguments) + a; }
         function extra(a) { return show.apply(null, arguments); }
         [sloppy(1, 2), strict(1, 2), getter(1, 2), deleted(1, 2), shortened(1, 2),
          lengthGetter(1, 2), assigned(1), extra(1, 2, 3)].join(' ; ')",
        "A|2 ; 1|2 ; 1|G ; |2 ; 1 ; 1|2| ; PP ; 1|2|3",
    ),
    (
        "function show() { return Array.prototype.slice.call(arguments).join('|'); }
         Array.prototype[1] = 'proto';
         var holes = [1, , 3];
         var withGetter = [1, 2]; Object.defineProperty(withGetter, '0', { get() { return 'g0' } });
         var long = []; long.length = 2;
         [show.apply(null, holes), show.apply(null, withGetter), show.apply(null, []),
          show.apply(null, long), Reflect.apply(show, null, [7, 8]),
          show.apply(null, { length: 2, 0: 'x', 1: 'y' })].join(' ; ')",
        "1|proto|3 ; g0|2 ;  ; |proto ; 7|8 ; x|y",
    ),
    // Lists longer than the implementation limit (2^20) are a RangeError,
    // not minutes of work: a huge sparse array, a long array-like.
    (
        "function count() { return arguments.length }
         var huge = []; huge.length = 4294967295;
         var out = [count.apply(null, { length: 1 << 20 })];
         for (var source of [huge, { length: (1 << 20) + 1 }]) {
           try { count.apply(null, source); out.push('no error') } catch (e) { out.push(e.name) }
           try { Reflect.apply(count, null, source); out.push('no error') } catch (e) { out.push(e.name) }
         }
         out.join()",
        "1048576,RangeError,RangeError,RangeError,RangeError",
    ),
];

#[test]
fn argument_lists_from_array_likes() {
    common::assert_cases_evaluate(CASES);
}
