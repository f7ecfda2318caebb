//! ### [20.5.3 Properties of the Error Prototype Object](https://tc39.es/ecma262/#sec-properties-of-the-error-prototype-object)

use crate::ecmascript::abstract_operations::{get, to_string};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName, key};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{JsString, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// Creates %Error.prototype% (the constructor links itself to it later).
pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    // The Error prototype object is an ordinary object (not an Error instance) whose
    // [[Prototype]] is %Object.prototype%.
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    agent.set_intrinsic(Intrinsic::ErrorPrototype, prototype);
    // 20.5.3.2 Error.prototype.message: the empty String.
    let message = agent.create_string("", gc);
    agent.define_builtin_property(
        prototype,
        BuiltinName::Str("message"),
        message.into_value(),
        Attributes::BUILTIN,
        gc,
    );
    // 20.5.3.3 Error.prototype.name: "Error".
    let name = agent.create_string("Error", gc);
    agent.define_builtin_property(
        prototype,
        BuiltinName::Str("name"),
        name.into_value(),
        Attributes::BUILTIN,
        gc,
    );
    agent.define_builtin_method(
        prototype,
        BuiltinName::Str("toString"),
        0,
        to_string_method,
        gc,
    );
    // Error.prototype.stack: { [[Get]], [[Set]], [[Enumerable]]: false, [[Configurable]]: true }.
    agent.define_builtin_accessor(
        prototype,
        BuiltinName::Str("stack"),
        Some(super::stack::get_stack),
        Some(super::stack::set_stack),
        gc,
    );
}

/// ### [20.5.3.4 Error.prototype.toString ( )](https://tc39.es/ecma262/#sec-error.prototype.tostring)
fn to_string_method<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be the this value.
    // 2. If O is not an Object, throw a TypeError exception.
    let Value::Object(o) = this.bind(gc.nogc()) else {
        return Err(agent.throw_type_error(
            "Error.prototype.toString called on non-object",
            gc.into_nogc(),
        ));
    };
    let o = o.scope(agent, gc.nogc());
    // 3. Let name be ? Get(O, "name").
    let name = get(agent, o.get(agent), key("name"), gc.reborrow())?.unbind();
    // 4. If name is undefined, set name to "Error"; otherwise set name to ? ToString(name).
    let name = if name.is_undefined() {
        agent.create_string("Error", gc.nogc()).unbind()
    } else {
        to_string(agent, name, gc.reborrow())?.unbind()
    };
    let name = name.scope(agent, gc.nogc());
    // 5. Let msg be ? Get(O, "message").
    let msg = get(agent, o.get(agent), key("message"), gc.reborrow())?.unbind();
    // 6. If msg is undefined, set msg to the empty String; otherwise set msg to ? ToString(msg).
    let msg = if msg.is_undefined() {
        JsString::EMPTY
    } else {
        to_string(agent, msg, gc.reborrow())?.unbind()
    };
    let gc = gc.into_nogc();
    let msg = msg.bind(gc);
    let name = name.get(agent).bind(gc);
    // 7. If name is the empty String, return msg.
    if agent.string_length(name) == 0 {
        return Ok(msg.into_value());
    }
    // 8. If msg is the empty String, return name.
    if agent.string_length(msg) == 0 {
        return Ok(name.into_value());
    }
    // 9. Return the string-concatenation of name, the code unit 0x003A (COLON), the code
    //    unit 0x0020 (SPACE), and msg.
    let separator = agent.create_string(": ", gc);
    let head = agent.string_concat(name, separator, gc);
    Ok(agent.string_concat(head, msg, gc).into_value())
}
