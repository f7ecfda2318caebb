//! ### [20.5.1 The Error Constructor](https://tc39.es/ecma262/#sec-error-constructor),
//! [20.5.2 Properties of the Error Constructor](https://tc39.es/ecma262/#sec-properties-of-the-error-constructor) and
//! [20.5.6 NativeError Object Structure](https://tc39.es/ecma262/#sec-nativeerror-object-structure)

use super::create_error_subtype;
use crate::ecmascript::abstract_operations::{
    get, has_property, ordinary_create_from_constructor, to_string,
};
use crate::ecmascript::builtins::function_objects::ConstructorFn;
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName, key};
use crate::ecmascript::execution::{Agent, ExceptionType, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable, Scoped};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let error_prototype = agent.intrinsic(Intrinsic::ErrorPrototype);
    // 20.5.2: "length" is 1𝔽; [[Prototype]] is %Function.prototype%.
    let error = agent.create_builtin_constructor(
        "Error",
        1,
        error_constructor,
        Some(error_prototype),
        None,
        gc,
    );
    agent.set_intrinsic(Intrinsic::Error, error);
    agent.define_builtin_method(error, BuiltinName::Str("isError"), 1, is_error, gc);
    // 20.5.5 Native Error Types Used in This Standard
    let natives: [(ExceptionType, Intrinsic, ConstructorFn); 6] = [
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
        // 20.5.6.2: each NativeError constructor has "length" 1𝔽.
        create_error_subtype(
            agent,
            kind.name(),
            1,
            behaviour,
            (intrinsic, kind.prototype()),
            gc,
        );
    }
}

/// The message step shared by the error constructors:
/// "If message is not undefined, then a. Let msg be ? ToString(message).
/// b. Perform CreateNonEnumerableDataPropertyOrThrow(O, "message", msg)."
pub(super) fn install_message<'gc>(
    agent: &mut Agent,
    o: Scoped<Object<'static>>,
    message: Scoped<Value<'static>>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    if message.get(agent).is_undefined() {
        return Ok(());
    }
    let msg = to_string(agent, message.get(agent), gc.reborrow())?.unbind();
    o.get(agent)
        .add_named_data(agent, key("message"), msg.into_value(), Attributes::BUILTIN);
    Ok(())
}

/// ### [20.5.8.1 InstallErrorCause ( O, options )](https://tc39.es/ecma262/#sec-installerrorcause)
pub(super) fn install_error_cause<'gc>(
    agent: &mut Agent,
    o: Scoped<Object<'static>>,
    options: Scoped<Value<'static>>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    // 1. If options is an Object and ? HasProperty(options, "cause") is true, then
    let Value::Object(options_object) = options.get(agent) else {
        return Ok(());
    };
    if !has_property(agent, options_object, key("cause"), gc.reborrow())? {
        return Ok(());
    }
    let Value::Object(options_object) = options.get(agent) else {
        unreachable!("options is still an object")
    };
    // a. Let cause be ? Get(options, "cause").
    let cause = get(agent, options_object, key("cause"), gc.reborrow())?.unbind();
    // b. Perform CreateNonEnumerableDataPropertyOrThrow(O, "cause", cause).
    o.get(agent)
        .add_named_data(agent, key("cause"), cause, Attributes::BUILTIN);
    // 2. Return unused.
    Ok(())
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
    let message = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    let options = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. If NewTarget is undefined, let newTarget be the active function object; else let
    //    newTarget be NewTarget.
    let active_function = match kind {
        ExceptionType::Error => Intrinsic::Error,
        ExceptionType::EvalError => Intrinsic::EvalError,
        ExceptionType::RangeError => Intrinsic::RangeError,
        ExceptionType::ReferenceError => Intrinsic::ReferenceError,
        ExceptionType::SyntaxError => Intrinsic::SyntaxError,
        ExceptionType::TypeError => Intrinsic::TypeError,
        ExceptionType::UriError => Intrinsic::UriError,
    };
    let new_target = new_target.unwrap_or_else(|| agent.intrinsic(active_function));
    // 2. Let O be ? OrdinaryCreateFromConstructor(newTarget, "%NativeError.prototype%",
    //    « [[ErrorData]] »).
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
    //    a. Let msg be ? ToString(message).
    //    b. Perform CreateNonEnumerableDataPropertyOrThrow(O, "message", msg).
    install_message(agent, o, message, gc.reborrow())?;
    // 4. Perform ? InstallErrorCause(O, options).
    install_error_cause(agent, o, options, gc.reborrow())?;
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

/// ### [20.5.2.1 Error.isError ( arg )](https://tc39.es/proposal-is-error/#sec-error.iserror)
fn is_error<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    _gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. If arg is not an Object, return false.
    // 2. If arg has an [[ErrorData]] internal slot, return true.
    // 3. Return false.
    Ok(Value::Boolean(matches!(
        args.get(0),
        Value::Object(o) if o.kind(agent) == ObjectKind::Error
    )))
}
