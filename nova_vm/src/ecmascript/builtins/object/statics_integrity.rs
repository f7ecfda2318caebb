//! The Object statics about extensibility and integrity levels: `freeze`,
//! `seal`, `preventExtensions`, `isExtensible`, `isFrozen` and `isSealed`.

use crate::ecmascript::abstract_operations::{set_integrity_level, test_integrity_level};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::Value;
use crate::engine::{Bindable, GcScope, Rootable};

/// Steps shared by `freeze` and `seal`: SetIntegrityLevel, throwing if it fails.
fn set_level<'gc>(
    agent: &mut Agent,
    o: Value,
    frozen: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. If O is not an Object, return O.
    let Value::Object(object) = o.bind(gc.nogc()) else {
        return Ok(o.unbind().bind(gc.into_nogc()));
    };
    let object = object.scope(agent, gc.nogc());
    // 2. Let status be ? SetIntegrityLevel(O, level).
    let status = set_integrity_level(agent, object.get(agent), frozen, gc.reborrow())?;
    // 3. If status is false, throw a TypeError exception.
    if !status {
        let message = if frozen {
            "Cannot freeze object"
        } else {
            "Cannot seal object"
        };
        return Err(agent.throw_type_error(message, gc.into_nogc()));
    }
    // 4. Return O.
    Ok(object.get(agent).bind(gc.into_nogc()).into())
}

/// ### [20.1.2.6 Object.freeze ( O )](https://tc39.es/ecma262/#sec-object.freeze)
pub(super) fn freeze<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    set_level(agent, args.get(0), true, gc)
}

/// ### [20.1.2.22 Object.seal ( O )](https://tc39.es/ecma262/#sec-object.seal)
pub(super) fn seal<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    set_level(agent, args.get(0), false, gc)
}

/// ### [20.1.2.20 Object.preventExtensions ( O )](https://tc39.es/ecma262/#sec-object.preventextensions)
pub(super) fn prevent_extensions<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let o = args.get(0).bind(gc.nogc());
    // 1. If O is not an Object, return O.
    let Value::Object(object) = o else {
        return Ok(o.unbind().bind(gc.into_nogc()));
    };
    let object = object.scope(agent, gc.nogc());
    // 2. Let status be ? O.[[PreventExtensions]]().
    let status = object
        .get(agent)
        .internal_prevent_extensions(agent, gc.reborrow())?;
    // 3. If status is false, throw a TypeError exception.
    if !status {
        return Err(agent.throw_type_error("Cannot prevent extensions", gc.into_nogc()));
    }
    // 4. Return O.
    Ok(object.get(agent).bind(gc.into_nogc()).into())
}

/// ### [20.1.2.16 Object.isExtensible ( O )](https://tc39.es/ecma262/#sec-object.isextensible)
pub(super) fn is_extensible<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. If O is not an Object, return false.
    let Value::Object(o) = args.get(0) else {
        return Ok(Value::Boolean(false));
    };
    // 2. Return ? IsExtensible(O).
    o.internal_is_extensible(agent, gc).map(Value::Boolean)
}

/// ### [20.1.2.17 Object.isFrozen ( O )](https://tc39.es/ecma262/#sec-object.isfrozen)
pub(super) fn is_frozen<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. If O is not an Object, return true.
    let Value::Object(o) = args.get(0) else {
        return Ok(Value::Boolean(true));
    };
    // 2. Return ? TestIntegrityLevel(O, frozen).
    test_integrity_level(agent, o, true, gc).map(Value::Boolean)
}

/// ### [20.1.2.18 Object.isSealed ( O )](https://tc39.es/ecma262/#sec-object.issealed)
pub(super) fn is_sealed<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. If O is not an Object, return true.
    let Value::Object(o) = args.get(0) else {
        return Ok(Value::Boolean(true));
    };
    // 2. Return ? TestIntegrityLevel(O, sealed).
    test_integrity_level(agent, o, false, gc).map(Value::Boolean)
}
