//! The Object statics about prototypes and identity: `create`,
//! `getPrototypeOf`, `setPrototypeOf` and `is`.

use super::statics_descriptors::object_define_properties;
use crate::ecmascript::abstract_operations::{require_object_coercible, same_value, to_object};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::Value;
use crate::ecmascript::types::object::ObjectKind;
use crate::engine::{Bindable, GcScope, Rootable};

/// ### [20.1.2.2 Object.create ( O, Properties )](https://tc39.es/ecma262/#sec-object.create)
pub(super) fn create<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    // 1. If O is not an Object and O is not null, throw a TypeError exception.
    let prototype = match args.get(0) {
        Value::Object(o) => Some(o),
        Value::Null => None,
        _ => {
            return Err(agent.throw_type_error(
                "Object prototype may only be an Object or null",
                gc.into_nogc(),
            ));
        }
    };
    // 2. Let obj be OrdinaryObjectCreate(O).
    let obj = agent.create_object(prototype, ObjectKind::Ordinary, gc.nogc());
    // 3. If Properties is not undefined, then
    let properties = args.get(1);
    if !properties.is_undefined() {
        // a. Return ? ObjectDefineProperties(obj, Properties).
        return object_define_properties(agent, obj.unbind(), properties.unbind(), gc)
            .map(Value::from);
    }
    // 4. Return obj.
    Ok(obj.unbind().bind(gc.into_nogc()).into())
}

/// ### [20.1.2.12 Object.getPrototypeOf ( O )](https://tc39.es/ecma262/#sec-object.getprototypeof)
pub(super) fn get_prototype_of<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let obj be ? ToObject(O).
    let obj = to_object(agent, args.get(0), gc.nogc())?.unbind();
    // 2. Return ? obj.[[GetPrototypeOf]]().
    let prototype = obj.internal_get_prototype_of(agent, gc)?;
    Ok(prototype.map_or(Value::Null, Value::from))
}

/// ### [20.1.2.23 Object.setPrototypeOf ( O, proto )](https://tc39.es/ecma262/#sec-object.setprototypeof)
pub(super) fn set_prototype_of<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    let o = args.get(0);
    // 1. Set O to ? RequireObjectCoercible(O).
    require_object_coercible(agent, o, gc.nogc())?;
    // 2. If proto is not an Object and proto is not null, throw a TypeError exception.
    let proto = match args.get(1) {
        Value::Object(p) => Some(p),
        Value::Null => None,
        _ => {
            return Err(agent.throw_type_error(
                "Object prototype may only be an Object or null",
                gc.into_nogc(),
            ));
        }
    };
    // 3. If O is not an Object, return O.
    let Value::Object(object) = o else {
        return Ok(o.unbind().bind(gc.into_nogc()));
    };
    let scoped = object.scope(agent, gc.nogc());
    // 4. Let status be ? O.[[SetPrototypeOf]](proto).
    let status = object
        .unbind()
        .internal_set_prototype_of(agent, proto.unbind(), gc.reborrow())?;
    // 5. If status is false, throw a TypeError exception.
    if !status {
        return Err(agent.throw_type_error(
            "Object.setPrototypeOf: cannot set the prototype",
            gc.into_nogc(),
        ));
    }
    // 6. Return O.
    Ok(scoped.get(agent).bind(gc.into_nogc()).into())
}

/// ### [20.1.2.15 Object.is ( value1, value2 )](https://tc39.es/ecma262/#sec-object.is)
pub(super) fn is<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    _gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return SameValue(value1, value2).
    Ok(Value::Boolean(same_value(agent, args.get(0), args.get(1))))
}
