//! `instanceof`: the shortcut taken for functions that inherit the built-in
//! `Function.prototype[Symbol.hasInstance]` agrees with the full operation,
//! and everything it cannot decide from shapes (an own or inherited
//! `Symbol.hasInstance`, a proxy on the chain, bound functions, a missing or
//! non-object `prototype`) still goes the full way.

mod common;

const SOURCE: &str = "class A {} class B extends A {} function F() {}
         var b = new B(), f = new F();
         var r = [b instanceof A, b instanceof B, f instanceof A, f instanceof F, 1 instanceof A, b instanceof Object, [] instanceof Array, null instanceof Object];
         var G = function () {}; G.prototype = 3; try { ({}) instanceof G } catch (e) { r.push(e.constructor.name) }
         var H = function () {}; Object.defineProperty(H, Symbol.hasInstance, { value: () => true }); r.push(1 instanceof H);
         var P = new Proxy({}, { getPrototypeOf() { r.push('trap'); return A.prototype } }); r.push(P instanceof A);
         var Bd = F.bind(null); r.push(f instanceof Bd);
         try { ({}) instanceof Math.max } catch (e) { r.push(e.constructor.name) }
         Function.prototype.prototype = Object.prototype; r.push(({}) instanceof Math.max); delete Function.prototype.prototype;
         var L = function () {}; Object.setPrototypeOf(L, { [Symbol.hasInstance]() { return 'yes' } }); r.push(0 instanceof L);
         try { b instanceof {} } catch (e) { r.push(e.constructor.name) }
         r.join()";

const EXPECTED: &str = "true,true,false,true,false,true,true,false,TypeError,true,trap,true,true,TypeError,true,true,TypeError";

#[test]
fn instanceof_agrees_with_the_full_operation() {
    common::assert_cases_evaluate(&[(SOURCE, EXPECTED)]);
}
