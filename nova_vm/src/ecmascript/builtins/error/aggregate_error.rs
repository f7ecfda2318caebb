//! ### [20.5.7 AggregateError Objects](https://tc39.es/ecma262/#sec-aggregate-error-objects)

use super::constructor::{install_error_cause, install_message};
use super::create_error_subtype;
use crate::ecmascript::abstract_operations::{
    create_array_from_list, iterable_to_list, ordinary_create_from_constructor,
};
use crate::ecmascript::builtins::{ArgumentsList, key};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    // 20.5.7.2 Properties of the AggregateError Constructor: "length" is 2𝔽.
    create_error_subtype(
        agent,
        "AggregateError",
        2,
        aggregate_error_constructor,
        (
            Intrinsic::AggregateError,
            Intrinsic::AggregateErrorPrototype,
        ),
        gc,
    );
}

/// ### [20.5.7.1.1 AggregateError ( errors, message [ , options ] )](https://tc39.es/ecma262/#sec-aggregate-error)
fn aggregate_error_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    new_target: Option<Object>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let errors = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    let message = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    let options = args.get(2).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. If NewTarget is undefined, let newTarget be the active function object; else let
    //    newTarget be NewTarget.
    let new_target = new_target.unwrap_or_else(|| agent.intrinsic(Intrinsic::AggregateError));
    // 2. Let O be ? OrdinaryCreateFromConstructor(newTarget, "%AggregateError.prototype%",
    //    « [[ErrorData]] »).
    let o = ordinary_create_from_constructor(
        agent,
        new_target.unbind(),
        Intrinsic::AggregateErrorPrototype,
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
    // 5. Let errorsList be ? IteratorToList(? GetIterator(errors, sync)).
    let errors_list = iterable_to_list(agent, errors.get(agent), gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    // 6. Perform ! DefinePropertyOrThrow(O, "errors", PropertyDescriptor { [[Configurable]]:
    //    true, [[Enumerable]]: false, [[Writable]]: true, [[Value]]:
    //    CreateArrayFromList(errorsList) }).
    let errors_array = create_array_from_list(agent, &errors_list, gc);
    let o = o.get(agent).bind(gc);
    o.add_named_data(
        agent,
        key("errors"),
        errors_array.into(),
        Attributes::BUILTIN,
    );
    agent.attach_stack(o, gc);
    // 7. Return O.
    Ok(o.into())
}
