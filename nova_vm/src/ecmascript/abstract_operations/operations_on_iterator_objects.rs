//! ### [7.4 Operations on Iterator Objects](https://tc39.es/ecma262/#sec-operations-on-iterator-objects)
//!
//! The operations built-ins need beyond those the interpreter uses for
//! `for-of` and spread (GetIterator, IteratorStepValue, IteratorClose with a
//! normal completion, which live with the interpreter).

use super::operations_on_objects::{call_function, get, get_method};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsError, JsResult};
use crate::ecmascript::types::{PropertyKey, Value};
use crate::engine::{Bindable, GcScope, Rootable};

/// ### [7.4.2 GetIteratorFromMethod ( obj, method )](https://tc39.es/ecma262/#sec-getiteratorfrommethod)
///
/// Returns the Iterator Record as (`[[Iterator]]`, `[[NextMethod]]`).
pub fn get_iterator_from_method<'gc>(
    agent: &mut Agent,
    obj: Value,
    method: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, (Value<'gc>, Value<'gc>)> {
    let obj = obj.bind(gc.nogc());
    let method = method.bind(gc.nogc());
    // 1. Let iterator be ? Call(method, obj).
    let iterator = call_function(
        agent,
        method.unbind(),
        obj.unbind(),
        ArgumentsList::EMPTY,
        gc.reborrow(),
    )?
    .unbind()
    .bind(gc.nogc());
    // 2. If iterator is not an Object, throw a TypeError exception.
    let Value::Object(iterator) = iterator else {
        return Err(agent.throw_type_error(
            "Result of the Symbol.iterator method is not an object",
            gc.into_nogc(),
        ));
    };
    let scoped_iterator = iterator.scope(agent, gc.nogc());
    // 3. Let nextMethod be ? Get(iterator, "next").
    let next_key = PropertyKey::from_static_str("next").expect("short key");
    let next_method = get(agent, iterator.unbind(), next_key, gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    // 4. Let iteratorRecord be the Iterator Record { [[Iterator]]: iterator, [[NextMethod]]:
    //    nextMethod, [[Done]]: false }.
    // 5. Return iteratorRecord.
    Ok((
        scoped_iterator.get(agent).bind(gc).into(),
        next_method.bind(gc),
    ))
}

/// ### [7.4.11 IteratorClose ( iteratorRecord, completion )](https://tc39.es/ecma262/#sec-iteratorclose) with a throw completion
///
/// Also [7.4.13 IfAbruptCloseIterator ( value, iteratorRecord )](https://tc39.es/ecma262/#sec-ifabruptcloseiterator):
/// call it where an operation failed; the thrown value (parked in the agent)
/// is thrown again once the iterator's `return` method has run, whatever that
/// method does.
pub fn iterator_close_with_throw<'gc>(
    agent: &mut Agent,
    iterator: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsError {
    let iterator = iterator.bind(gc.nogc());
    let completion = agent.take_exception().bind(gc.nogc());
    let completion = completion.scope(agent, gc.nogc());
    let scoped_iterator = iterator.scope(agent, gc.nogc());
    // 3. Let innerResult be Completion(GetMethod(iterator, "return")).
    let return_key = agent.static_key("return");
    let inner = get_method(agent, iterator.unbind(), return_key, gc.reborrow()).unbind();
    // 4. If innerResult is a normal completion, then
    if let Ok(Some(return_method)) = inner {
        // a. Let return be innerResult.[[Value]].
        // b. If return is undefined, return ? completion.
        // c. Set innerResult to Completion(Call(return, iterator)).
        let _ = call_function(
            agent,
            return_method,
            scoped_iterator.get(agent),
            ArgumentsList::EMPTY,
            gc.reborrow(),
        );
    }
    // 5. If completion is a throw completion, return ? completion.
    agent.throw_value(completion.get(agent))
}
