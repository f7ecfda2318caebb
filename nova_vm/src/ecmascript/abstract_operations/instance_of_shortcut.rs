//! `V instanceof F` for the common case, answered from shapes:
//! [13.10.2 InstanceofOperator](https://tc39.es/ecma262/#sec-instanceofoperator)
//! where `F` inherits the built-in `Function.prototype[@@hasInstance]`,
//! which is [7.3.22 OrdinaryHasInstance](https://tc39.es/ecma262/#sec-ordinaryhasinstance).

use crate::ecmascript::execution::{Agent, Intrinsic};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Value, WellKnownSymbol};

/// InstanceofOperator(`v`, `target`) when no step can run code: `target`
/// is an ECMAScript or built-in function with no own @@hasInstance whose
/// prototype is the current realm's %Function.prototype% (whose
/// @@hasInstance is non-writable and non-configurable, so it is still
/// %Function.prototype[@@hasInstance]%), its `prototype` is an own data
/// property holding an object, and no proxy is on `v`'s prototype chain.
/// `None` when the full operation must run (it then repeats these reads,
/// which had no effects).
pub(crate) fn ordinary_instance_of_without_code(
    agent: &mut Agent,
    v: Value,
    target: Value,
) -> Option<bool> {
    let Value::Object(c) = target else {
        return None;
    };
    if !matches!(
        c.kind(agent),
        ObjectKind::ECMAScriptFunction(_) | ObjectKind::BuiltinFunction(_)
    ) {
        return None;
    }
    // 2. Let instOfHandler be ? GetMethod(target, @@hasInstance): not an own
    // property, so the one on %Function.prototype%.
    if c.stored_prototype(agent) != Some(agent.intrinsic(Intrinsic::FunctionPrototype))
        || c.find_named(agent, WellKnownSymbol::HasInstance.key())
            .is_some()
    {
        return None;
    }
    // 3.a Call(instOfHandler, target, « V ») is OrdinaryHasInstance(C, O).
    // 1. C is callable; 2. it is not a bound function.
    // 3. If O is not an Object, return false.
    let Value::Object(mut o) = v else {
        return Some(false);
    };
    // 4. Let P be ? Get(C, "prototype"): an own data property.
    let key = agent.static_key("prototype");
    let entry = c.find_named(agent, key)?;
    if entry.attributes.is_accessor() {
        return None;
    }
    // 5. If P is not an Object, the full operation throws.
    let Value::Object(p) = c.slot(agent, entry.slot) else {
        return None;
    };
    // 6. Repeat: O = O.[[GetPrototypeOf]]() (stored, for anything but a proxy).
    loop {
        if matches!(o.kind(agent), ObjectKind::Proxy { .. }) {
            return None;
        }
        // b. If O is null, return false.
        let Some(next) = o.stored_prototype(agent) else {
            return Some(false);
        };
        // c. If SameValue(P, O) is true, return true.
        if next == p {
            return Some(true);
        }
        o = next;
    }
}
