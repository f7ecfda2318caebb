//! ### [SuppressedError Objects](https://tc39.es/proposal-explicit-resource-management/#sec-suppressederror-objects)
//! (Explicit Resource Management)

use super::constructor::install_message;
use super::create_error_subtype;
use crate::ecmascript::abstract_operations::ordinary_create_from_constructor;
use crate::ecmascript::builtins::{ArgumentsList, key};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    // Properties of the SuppressedError Constructor: "length" is 3𝔽.
    create_error_subtype(
        agent,
        "SuppressedError",
        3,
        suppressed_error_constructor,
        (
            Intrinsic::SuppressedError,
            Intrinsic::SuppressedErrorPrototype,
        ),
        gc,
    );
}

/// ### [SuppressedError ( error, suppressed, message )](https://tc39.es/proposal-explicit-resource-management/#sec-suppressederror)
fn suppressed_error_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let error = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    let suppressed = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    let message = args.get(2).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. If NewTarget is undefined, let newTarget be the active function object; else let
    //    newTarget be NewTarget.
    let new_target = new_target.unwrap_or_else(|| agent.intrinsic(Intrinsic::SuppressedError));
    // 2. Let O be ? OrdinaryCreateFromConstructor(newTarget, "%SuppressedError.prototype%",
    //    « [[ErrorData]] »).
    let o = ordinary_create_from_constructor(
        agent,
        new_target.unbind(),
        Intrinsic::SuppressedErrorPrototype,
        ObjectKind::Error,
        gc.reborrow(),
    )?
    .unbind()
    .scope(agent, gc.nogc());
    // 3. If message is not undefined, then
    //    a. Let messageString be ? ToString(message).
    //    b. Perform CreateNonEnumerableDataPropertyOrThrow(O, "message", messageString).
    install_message(agent, o, message, gc.reborrow())?;
    let gc = gc.into_nogc();
    let o = o.get(agent).bind(gc);
    // 4. Perform CreateNonEnumerableDataPropertyOrThrow(O, "error", error).
    o.add_named_data(agent, key("error"), error.get(agent), Attributes::BUILTIN);
    // 5. Perform CreateNonEnumerableDataPropertyOrThrow(O, "suppressed", suppressed).
    let suppressed_key = agent.static_key("suppressed");
    o.add_named_data(
        agent,
        suppressed_key,
        suppressed.get(agent),
        Attributes::BUILTIN,
    );
    agent.attach_stack(o, gc);
    // 6. Return O.
    Ok(o.into())
}
