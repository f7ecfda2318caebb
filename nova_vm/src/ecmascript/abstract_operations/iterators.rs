//! ### [7.4 Operations on Iterator Objects](https://tc39.es/ecma262/#sec-operations-on-iterator-objects)

use super::operations_on_objects::{call_function, get, get_method};
use super::type_conversion::to_boolean;
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, Intrinsic, JsError, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, PropertyKey, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

fn key(name: &'static str) -> PropertyKey<'static> {
    PropertyKey::from_static_str(name).expect("short key")
}

/// ### [7.4.3 GetIterator ( obj, sync )](https://tc39.es/ecma262/#sec-getiterator)
/// Returns the iterator and its `next` method.
pub fn get_iterator<'gc>(
    agent: &mut Agent,
    obj: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, (Value<'gc>, Value<'gc>)> {
    let obj_root = obj.bind(gc.nogc()).scope(agent, gc.nogc());
    // 2. Let method be ? GetMethod(obj, @@iterator).
    let method = get_method(agent, obj, WellKnownSymbol::Iterator.key(), gc.reborrow())?.unbind();
    // 3. If method is undefined, throw a TypeError exception.
    let Some(method) = method else {
        return Err(agent.throw_type_error("object is not iterable", gc.into_nogc()));
    };
    // 7.4.2 GetIteratorFromMethod: 1. Let iterator be ? Call(method, obj).
    let iterator = call_function(
        agent,
        method,
        obj_root.get(agent),
        ArgumentsList::EMPTY,
        gc.reborrow(),
    )?
    .unbind();
    // 2. If iterator is not an Object, throw a TypeError exception.
    let Value::Object(iterator) = iterator else {
        return Err(agent.throw_type_error(
            "Result of the Symbol.iterator method is not an object",
            gc.into_nogc(),
        ));
    };
    let iterator_root = iterator.scope(agent, gc.nogc());
    // 3. Let nextMethod be ? Get(iterator, "next").
    let next = get(agent, iterator, key("next"), gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    // 4-5. Return the Iterator Record { [[Iterator]]: iterator, [[NextMethod]]: nextMethod }.
    Ok((iterator_root.get(agent).bind(gc).into(), next.bind(gc)))
}

/// ### [7.4.10 IteratorStepValue ( iteratorRecord )](https://tc39.es/ecma262/#sec-iteratorstepvalue)
/// `None` when the iterator is done.
pub fn iterator_step_value<'gc>(
    agent: &mut Agent,
    iterator: Value,
    next: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Value<'gc>>> {
    // 7.4.4 IteratorNext: 2. Let result be ? Call(iteratorRecord.[[NextMethod]], iteratorRecord.[[Iterator]]).
    let result =
        call_function(agent, next, iterator, ArgumentsList::EMPTY, gc.reborrow())?.unbind();
    // 3. If result is not an Object, throw a TypeError exception.
    let Value::Object(result) = result else {
        return Err(agent.throw_type_error("Iterator result is not an object", gc.into_nogc()));
    };
    let result = result.scope(agent, gc.nogc());
    // 7.4.5 IteratorComplete: Return ToBoolean(? Get(iterResult, "done")).
    let done = get(agent, result.get(agent), key("done"), gc.reborrow())?;
    if to_boolean(agent, done) {
        return Ok(None);
    }
    // 7.4.6 IteratorValue: Return ? Get(iterResult, "value").
    let value = get(agent, result.get(agent), key("value"), gc)?;
    Ok(Some(value))
}

/// ### [7.4.11 IteratorClose ( iteratorRecord, completion )](https://tc39.es/ecma262/#sec-iteratorclose) for a normal completion.
pub fn iterator_close<'gc>(
    agent: &mut Agent,
    iterator: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let iterator_root = iterator.bind(gc.nogc()).scope(agent, gc.nogc());
    // 3. Let innerResult be Completion(GetMethod(iterator, "return")).
    let method = get_method(agent, iterator, key("return"), gc.reborrow())?.unbind();
    // 4.b. If return is undefined, return ? completion.
    let Some(method) = method else {
        return Ok(());
    };
    // 4.c. Set innerResult to Completion(Call(return, iterator)).
    let inner = call_function(
        agent,
        method,
        iterator_root.get(agent),
        ArgumentsList::EMPTY,
        gc.reborrow(),
    )?;
    // 7. If innerResult.[[Value]] is not an Object, throw a TypeError exception.
    if !inner.is_object() {
        return Err(
            agent.throw_type_error("Iterator return() result is not an object", gc.into_nogc())
        );
    }
    Ok(())
}

/// ### [7.4.11 IteratorClose ( iteratorRecord, completion )](https://tc39.es/ecma262/#sec-iteratorclose) for a throw completion
///
/// Also the abrupt case of [7.4.13 IfAbruptCloseIterator ( value, iteratorRecord )](https://tc39.es/ecma262/#sec-ifabruptcloseiterator):
/// calls `return` (if any), ignores anything it throws or returns, and gives
/// back the original error. The thrown value stays rooted across the call.
pub fn iterator_close_on_error(
    agent: &mut Agent,
    iterator: Value,
    error: JsError,
    mut gc: GcScope,
) -> JsError {
    let iterator = iterator.bind(gc.nogc());
    // The pending exception is the original completion; keep it across the call.
    let pending = agent
        .take_exception()
        .bind(gc.nogc())
        .scope(agent, gc.nogc());
    let _ = iterator_close(agent, iterator.unbind(), gc.reborrow());
    // 5. If completion is a throw completion, return ? completion.
    agent.throw_value(pending.get(agent));
    error
}

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
    let next_method = get(agent, iterator.unbind(), key("next"), gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    // 4. Let iteratorRecord be the Iterator Record { [[Iterator]]: iterator, [[NextMethod]]:
    //    nextMethod, [[Done]]: false }.
    // 5. Return iteratorRecord.
    Ok((
        scoped_iterator.get(agent).bind(gc).into(),
        next_method.bind(gc),
    ))
}

/// ### [7.4.14 CreateIteratorResultObject ( value, done )](https://tc39.es/ecma262/#sec-createiterresultobject)
pub fn create_iter_result_object<'gc>(
    agent: &mut Agent,
    value: Value,
    done: bool,
    gc: NoGcScope<'gc, '_>,
) -> Object<'gc> {
    // 1. Let obj be OrdinaryObjectCreate(%Object.prototype%).
    let prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let object = agent.create_object(Some(prototype), ObjectKind::Ordinary, gc);
    // 2. Perform ! CreateDataPropertyOrThrow(obj, "value", value).
    object.add_named_data(agent, key("value"), value, Attributes::DEFAULT);
    // 3. Perform ! CreateDataPropertyOrThrow(obj, "done", done).
    object.add_named_data(
        agent,
        key("done"),
        Value::Boolean(done),
        Attributes::DEFAULT,
    );
    // 4. Return obj.
    object
}
