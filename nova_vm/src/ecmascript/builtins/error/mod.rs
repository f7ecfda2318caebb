//! ### [20.5 Error Objects](https://tc39.es/ecma262/#sec-error-objects)

use crate::ecmascript::abstract_operations::{get, ordinary_create_from_constructor, to_string};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName, key};
use crate::ecmascript::execution::{Agent, ExceptionType, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// Creates Error, the native errors and their prototypes in the current realm.
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    // 20.5.3 Properties of the Error Prototype Object
    let error_prototype = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    let error = agent.create_builtin_constructor(
        "Error",
        1,
        error_constructor,
        Some(error_prototype),
        None,
        gc,
    );
    agent.set_intrinsic(Intrinsic::Error, error);
    agent.set_intrinsic(Intrinsic::ErrorPrototype, error_prototype);
    let message = agent.create_string("", gc);
    agent.define_builtin_property(
        error_prototype,
        BuiltinName::Str("message"),
        message.into_value(),
        Attributes::BUILTIN,
        gc,
    );
    let name = agent.create_string("Error", gc);
    agent.define_builtin_property(
        error_prototype,
        BuiltinName::Str("name"),
        name.into_value(),
        Attributes::BUILTIN,
        gc,
    );
    agent.define_builtin_method(
        error_prototype,
        BuiltinName::Str("toString"),
        0,
        error_prototype_to_string,
        gc,
    );

    // 20.5.6 NativeError Object Structure
    let natives: [(
        ExceptionType,
        Intrinsic,
        crate::ecmascript::builtins::function_objects::ConstructorFn,
    ); 6] = [
        (
            ExceptionType::EvalError,
            Intrinsic::EvalError,
            eval_error_constructor,
        ),
        (
            ExceptionType::RangeError,
            Intrinsic::RangeError,
            range_error_constructor,
        ),
        (
            ExceptionType::ReferenceError,
            Intrinsic::ReferenceError,
            reference_error_constructor,
        ),
        (
            ExceptionType::SyntaxError,
            Intrinsic::SyntaxError,
            syntax_error_constructor,
        ),
        (
            ExceptionType::TypeError,
            Intrinsic::TypeError,
            type_error_constructor,
        ),
        (
            ExceptionType::UriError,
            Intrinsic::UriError,
            uri_error_constructor,
        ),
    ];
    for (kind, intrinsic, behaviour) in natives {
        let prototype = agent.create_object(Some(error_prototype), ObjectKind::Ordinary, gc);
        let constructor = agent.create_builtin_constructor(
            kind.name(),
            1,
            behaviour,
            Some(prototype),
            Some(error),
            gc,
        );
        agent.set_intrinsic(intrinsic, constructor);
        agent.set_intrinsic(kind.prototype(), prototype);
        let name = agent.create_string(kind.name(), gc);
        agent.define_builtin_property(
            prototype,
            BuiltinName::Str("name"),
            name.into_value(),
            Attributes::BUILTIN,
            gc,
        );
        let message = agent.create_string("", gc);
        agent.define_builtin_property(
            prototype,
            BuiltinName::Str("message"),
            message.into_value(),
            Attributes::BUILTIN,
            gc,
        );
    }
}

/// ### [20.5.1.1 Error ( message [ , options ] )](https://tc39.es/ecma262/#sec-error-message)
/// and [20.5.6.1.1 NativeError ( message [ , options ] )](https://tc39.es/ecma262/#sec-nativeerror)
fn construct_error<'gc>(
    agent: &mut Agent,
    kind: ExceptionType,
    args: ArgumentsList,
    new_target: Option<Object>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let message = args.get(0).scope(agent, gc.nogc());
    let options = args.get(1).scope(agent, gc.nogc());
    // 1. If NewTarget is undefined, let newTarget be the active function object; else let
    //    newTarget be NewTarget.
    let intrinsic = match kind {
        ExceptionType::Error => Intrinsic::Error,
        ExceptionType::EvalError => Intrinsic::EvalError,
        ExceptionType::RangeError => Intrinsic::RangeError,
        ExceptionType::ReferenceError => Intrinsic::ReferenceError,
        ExceptionType::SyntaxError => Intrinsic::SyntaxError,
        ExceptionType::TypeError => Intrinsic::TypeError,
        ExceptionType::UriError => Intrinsic::UriError,
    };
    let new_target = new_target.unwrap_or_else(|| agent.intrinsic(intrinsic));
    // 2. Let O be ? OrdinaryCreateFromConstructor(newTarget, "%Error.prototype%", « [[ErrorData]] »).
    let o = ordinary_create_from_constructor(
        agent,
        new_target.unbind(),
        kind.prototype(),
        ObjectKind::Error,
        gc.reborrow(),
    )?
    .unbind()
    .scope(agent, gc.nogc());
    // 3. If message is not undefined, then
    if !message.get(agent).is_undefined() {
        // a. Let msg be ? ToString(message).
        let msg = to_string(agent, message.get(agent), gc.reborrow())?.unbind();
        // b. Perform CreateNonEnumerableDataPropertyOrThrow(O, "message", msg).
        o.get(agent)
            .add_named_data(agent, key("message"), msg.into_value(), Attributes::BUILTIN);
    }
    // 4. Perform ? InstallErrorCause(O, options).
    if let Value::Object(options_object) = options.get(agent) {
        // 20.5.8.1 InstallErrorCause ( O, options )
        // 1. If options is an Object and ? HasProperty(options, "cause") is true, then
        if options_object.internal_has_property(agent, key("cause"), gc.reborrow())? {
            // a. Let cause be ? Get(options, "cause").
            let cause = get(agent, options_object, key("cause"), gc.reborrow())?.unbind();
            // b. Perform CreateNonEnumerableDataPropertyOrThrow(O, "cause", cause).
            o.get(agent)
                .add_named_data(agent, key("cause"), cause, Attributes::BUILTIN);
        }
    }
    let gc = gc.into_nogc();
    let o = o.get(agent).bind(gc);
    agent.attach_stack(o, gc);
    // 5. Return O.
    Ok(o.into())
}

macro_rules! error_constructor {
    ($name:ident, $kind:expr) => {
        fn $name<'gc>(
            agent: &mut Agent,
            _this: Value,
            args: ArgumentsList,
            new_target: Option<Object>,
            gc: GcScope<'gc, '_>,
        ) -> JsResult<'gc, Value<'gc>> {
            construct_error(agent, $kind, args, new_target, gc)
        }
    };
}

error_constructor!(error_constructor, ExceptionType::Error);
error_constructor!(eval_error_constructor, ExceptionType::EvalError);
error_constructor!(range_error_constructor, ExceptionType::RangeError);
error_constructor!(reference_error_constructor, ExceptionType::ReferenceError);
error_constructor!(syntax_error_constructor, ExceptionType::SyntaxError);
error_constructor!(type_error_constructor, ExceptionType::TypeError);
error_constructor!(uri_error_constructor, ExceptionType::UriError);

/// ### [20.5.3.4 Error.prototype.toString ( )](https://tc39.es/ecma262/#sec-error.prototype.tostring)
fn error_prototype_to_string<'gc>(
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
        "Error".to_owned()
    } else {
        let s = to_string(agent, name, gc.reborrow())?.unbind();
        agent.string_lossy(s).into_owned()
    };
    // 5. Let msg be ? Get(O, "message").
    let msg = get(agent, o.get(agent), key("message"), gc.reborrow())?.unbind();
    // 6. If msg is undefined, set msg to the empty String; otherwise set msg to ? ToString(msg).
    let msg = if msg.is_undefined() {
        String::new()
    } else {
        let s = to_string(agent, msg, gc.reborrow())?.unbind();
        agent.string_lossy(s).into_owned()
    };
    // 7. If name is the empty String, return msg.
    // 8. If msg is the empty String, return name.
    // 9. Return the string-concatenation of name, the code unit 0x003A (COLON), the code
    //    unit 0x0020 (SPACE), and msg.
    let result = if name.is_empty() {
        msg
    } else if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    };
    Ok(agent
        .create_string_from_owned(result, gc.into_nogc())
        .into_value())
}
