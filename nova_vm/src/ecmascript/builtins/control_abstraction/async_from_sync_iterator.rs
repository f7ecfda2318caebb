//! ### [27.1.3 The %AsyncIteratorPrototype% Object](https://tc39.es/ecma262/#sec-asynciteratorprototype),
//! [27.1.6 Async-from-Sync Iterator Objects](https://tc39.es/ecma262/#sec-async-from-sync-iterator-objects)
//! and GetIterator with kind ~async~ ([7.4.3](https://tc39.es/ecma262/#sec-getiterator)).

use super::PromiseClosureRecord;
use super::promise::{new_promise_capability, perform_promise_then, promise_resolve};
use crate::ecmascript::abstract_operations::{
    call_function, create_iter_result_object, get, get_method, iterator_close,
    iterator_close_on_error, to_boolean,
};
use crate::ecmascript::builtins::control_abstraction::{PromiseCapability, ReactionHandler};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName, key};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Object, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable, Scoped};

/// Creates %AsyncIteratorPrototype% and %AsyncFromSyncIteratorPrototype%.
pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let async_iterator_prototype =
        agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    agent.set_intrinsic(Intrinsic::AsyncIteratorPrototype, async_iterator_prototype);
    // 27.1.3.1 %AsyncIteratorPrototype% [ %Symbol.asyncIterator% ] ( )
    agent.define_builtin_method(
        async_iterator_prototype,
        BuiltinName::Symbol(WellKnownSymbol::AsyncIterator),
        0,
        return_this,
        gc,
    );
    // 27.1.6.2 The %AsyncFromSyncIteratorPrototype% Object
    let prototype = agent.create_object(Some(async_iterator_prototype), ObjectKind::Ordinary, gc);
    agent.set_intrinsic(Intrinsic::AsyncFromSyncIteratorPrototype, prototype);
    agent.define_builtin_method(prototype, BuiltinName::Str("next"), 1, next, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("return"), 1, r#return, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("throw"), 1, throw, gc);
}

/// ### [27.1.3.1 %AsyncIteratorPrototype% [ %Symbol.asyncIterator% ] ( )](https://tc39.es/ecma262/#sec-asynciteratorprototype-asynciterator)
fn return_this<'gc>(
    _agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return the this value.
    Ok(this.bind(gc.into_nogc()))
}

/// ### [7.4.3 GetIterator ( obj, kind )](https://tc39.es/ecma262/#sec-getiterator) with kind ~async~
///
/// Returns the iterator and its `next` method.
pub(crate) fn get_async_iterator<'gc>(
    agent: &mut Agent,
    obj: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, (Value<'gc>, Value<'gc>)> {
    let obj_root = obj.bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. a. Let method be ? GetMethod(obj, %Symbol.asyncIterator%).
    let method = get_method(
        agent,
        obj,
        WellKnownSymbol::AsyncIterator.key(),
        gc.reborrow(),
    )?
    .unbind();
    let Some(method) = method else {
        // b. If method is undefined, then
        //    i. Let syncMethod be ? GetMethod(obj, %Symbol.iterator%).
        //    ii. If syncMethod is undefined, throw a TypeError exception.
        //    iii. Let syncIteratorRecord be ? GetIteratorFromMethod(obj, syncMethod).
        let (iterator, next) = crate::ecmascript::abstract_operations::get_iterator(
            agent,
            obj_root.get(agent),
            gc.reborrow(),
        )?
        .unbind();
        // iv. Return CreateAsyncFromSyncIterator(syncIteratorRecord).
        return create_async_from_sync_iterator(agent, iterator, next, gc);
    };
    // 3. Let iteratorRecord be ? GetIteratorFromMethod(obj, method).
    let iterator = call_function(
        agent,
        method,
        obj_root.get(agent),
        ArgumentsList::EMPTY,
        gc.reborrow(),
    )?
    .unbind();
    let Value::Object(iterator) = iterator else {
        return Err(agent.throw_type_error(
            "Result of the Symbol.asyncIterator method is not an object",
            gc.into_nogc(),
        ));
    };
    let iterator_root = iterator.scope(agent, gc.nogc());
    let next = get(agent, iterator, key("next"), gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    Ok((iterator_root.get(agent).bind(gc).into(), next.bind(gc)))
}

/// ### [27.1.6.1 CreateAsyncFromSyncIterator ( syncIteratorRecord )](https://tc39.es/ecma262/#sec-createasyncfromsynciterator)
fn create_async_from_sync_iterator<'gc>(
    agent: &mut Agent,
    iterator: Value,
    next: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, (Value<'gc>, Value<'gc>)> {
    let gc = gc.into_nogc();
    // 1. Let asyncIterator be OrdinaryObjectCreate(%AsyncFromSyncIteratorPrototype%, « [[SyncIteratorRecord]] »).
    // 2. Set asyncIterator.[[SyncIteratorRecord]] to syncIteratorRecord.
    let holder = agent.alloc_promise_closure(
        PromiseClosureRecord::SyncIterator {
            iterator: iterator.unbind(),
            next: next.unbind(),
        },
        gc,
    );
    let ObjectKind::PromiseClosure(handle) = holder.kind(agent) else {
        unreachable!("a closure record")
    };
    let prototype = agent.intrinsic(Intrinsic::AsyncFromSyncIteratorPrototype);
    let async_iterator = agent.create_object(
        Some(prototype),
        ObjectKind::AsyncFromSyncIterator(handle),
        gc,
    );
    // 3. Let nextMethod be ! Get(asyncIterator, "next").
    //    (%AsyncFromSyncIteratorPrototype% is not reachable by scripts: its own "next".)
    let next_method = prototype
        .get_own_property_no_gc(agent, key("next"), gc)
        .and_then(|descriptor| descriptor.value)
        .unwrap_or(Value::Undefined);
    // 4-5. Return the Iterator Record { [[Iterator]]: asyncIterator, [[NextMethod]]: nextMethod, [[Done]]: false }.
    Ok((async_iterator.into(), next_method.bind(gc)))
}

/// A capability parked on the scoped-root stack.
#[derive(Clone, Copy)]
struct ScopedCapability<'s> {
    promise: Scoped<'s, Value<'static>>,
    resolve: Scoped<'s, Value<'static>>,
    reject: Scoped<'s, Value<'static>>,
}

impl<'s> ScopedCapability<'s> {
    fn new(agent: &mut Agent, capability: PromiseCapability, gc: NoGcScope<'_, 's>) -> Self {
        ScopedCapability {
            promise: capability.promise.scope(agent, gc),
            resolve: capability.resolve.scope(agent, gc),
            reject: capability.reject.scope(agent, gc),
        }
    }

    fn get(self, agent: &Agent) -> PromiseCapability {
        PromiseCapability {
            promise: self.promise.get(agent),
            resolve: self.resolve.get(agent),
            reject: self.reject.get(agent),
        }
    }

    /// [27.2.1.1.1 IfAbruptRejectPromise](https://tc39.es/ecma262/#sec-ifabruptrejectpromise)
    /// for `reason`: calls `[[Reject]]` and returns `[[Promise]]`.
    fn reject_with<'gc>(
        self,
        agent: &mut Agent,
        reason: Value,
        mut gc: GcScope<'gc, '_>,
    ) -> JsResult<'gc, Value<'gc>> {
        call_function(
            agent,
            self.reject.get(agent),
            Value::Undefined,
            ArgumentsList(&[reason.unbind()]),
            gc.reborrow(),
        )?;
        Ok(self.promise.get(agent).bind(gc.into_nogc()))
    }

    /// IfAbruptRejectPromise for the pending exception.
    fn reject_pending<'gc>(
        self,
        agent: &mut Agent,
        gc: GcScope<'gc, '_>,
    ) -> JsResult<'gc, Value<'gc>> {
        let reason = agent.take_exception();
        self.reject_with(agent, reason, gc)
    }
}

/// The `[[SyncIteratorRecord]]` of an Async-from-Sync Iterator (or of the
/// closure capturing it).
fn sync_iterator_record(agent: &mut Agent, holder: Object) -> (Value<'static>, Value<'static>) {
    let PromiseClosureRecord::SyncIterator { iterator, next } = *agent.promise_closure(holder)
    else {
        unreachable!("a sync iterator record")
    };
    (iterator, next)
}

/// The this value of an %AsyncFromSyncIteratorPrototype% method.
fn this_async_from_sync_iterator(agent: &Agent, this: Value) -> Object<'static> {
    // 2. Assert: O is an Object that has a [[SyncIteratorRecord]] internal slot.
    match this {
        Value::Object(o) if matches!(o.kind(agent), ObjectKind::AsyncFromSyncIterator(_)) => {
            o.unbind()
        }
        _ => unreachable!("Async-from-Sync Iterator methods are not reachable by scripts"),
    }
}

/// Steps 1-4 shared by the three methods: the iterator object (scoped) and a
/// new %Promise% capability (scoped).
fn start<'s>(
    agent: &mut Agent,
    this: Value,
    gc: &mut GcScope<'_, 's>,
) -> JsResult<'static, (Scoped<'s, Object<'static>>, ScopedCapability<'s>)> {
    // 1. Let O be the this value.
    let o = this_async_from_sync_iterator(agent, this).scope(agent, gc.nogc());
    // 3. Let promiseCapability be ! NewPromiseCapability(%Promise%).
    let promise = agent.intrinsic(Intrinsic::Promise);
    let capability =
        new_promise_capability(agent, promise.into(), gc.reborrow()).map_err(|e| e.unbind())?;
    Ok((o, ScopedCapability::new(agent, capability, gc.nogc())))
}

/// ### [27.1.6.2.1 %AsyncFromSyncIteratorPrototype%.next ( [ value ] )](https://tc39.es/ecma262/#sec-%asyncfromsynciteratorprototype%.next)
fn next<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let value = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    let present = !args.is_empty();
    let (o, capability) = start(agent, this, &mut gc)?;
    // 4. Let syncIteratorRecord be O.[[SyncIteratorRecord]].
    let (iterator, next_method) = sync_iterator_record(agent, o.get(agent));
    // 5. If value is present, then
    //    a. Let result be Completion(IteratorNext(syncIteratorRecord, value)).
    // 6. Else, a. Let result be Completion(IteratorNext(syncIteratorRecord)).
    let argument = [value.get(agent)];
    let arguments: &[Value] = if present { &argument } else { &[] };
    let result = call_function(
        agent,
        next_method,
        iterator,
        ArgumentsList(arguments),
        gc.reborrow(),
    )
    .unbind();
    // 7. IfAbruptRejectPromise(result, promiseCapability).
    let result = match result {
        Ok(Value::Object(result)) => result,
        Ok(_) => {
            let error = agent.create_error(
                crate::ecmascript::execution::ExceptionType::TypeError,
                "Iterator result is not an object",
                gc.nogc(),
            );
            return capability.reject_with(agent, error.unbind().into(), gc);
        }
        Err(_) => return capability.reject_pending(agent, gc),
    };
    // 8. Return AsyncFromSyncIteratorContinuation(result, promiseCapability, syncIteratorRecord, true).
    continuation(agent, result, capability, o, true, gc)
}

/// ### [27.1.6.2.2 %AsyncFromSyncIteratorPrototype%.return ( [ value ] )](https://tc39.es/ecma262/#sec-%asyncfromsynciteratorprototype%.return)
/// and [27.1.6.2.3 %AsyncFromSyncIteratorPrototype%.throw ( [ value ] )](https://tc39.es/ecma262/#sec-%asyncfromsynciteratorprototype%.throw)
fn return_or_throw<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    is_throw: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let value = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    let present = !args.is_empty();
    let (o, capability) = start(agent, this, &mut gc)?;
    // 4. Let syncIterator be O.[[SyncIteratorRecord]].[[Iterator]].
    let (iterator, _) = sync_iterator_record(agent, o.get(agent));
    let iterator = iterator.scope(agent, gc.nogc());
    // 5. Let return (throw) be Completion(GetMethod(syncIterator, "return" / "throw")).
    let name = if is_throw { "throw" } else { "return" };
    let method = get_method(agent, iterator.get(agent), key(name), gc.reborrow()).unbind();
    // 6. IfAbruptRejectPromise(return, promiseCapability).
    let method = match method {
        Ok(method) => method,
        Err(_) => return capability.reject_pending(agent, gc),
    };
    // 7. If return (throw) is undefined, then
    let Some(method) = method else {
        if is_throw {
            // a. NOTE: If syncIterator does not have a throw method, close it to give it a
            //    chance to clean up before we reject the capability.
            // b-c. Let result be Completion(IteratorClose(syncIteratorRecord, NormalCompletion(empty))).
            // d. IfAbruptRejectPromise(result, promiseCapability).
            if iterator_close(agent, iterator.get(agent), gc.reborrow()).is_err() {
                return capability.reject_pending(agent, gc);
            }
            // e. NOTE: The next step throws a TypeError to indicate that there was a protocol
            //    violation: syncIterator does not have a throw method.
            // f. Perform ! Call(promiseCapability.[[Reject]], undefined, « a newly created TypeError object »).
            let error = agent.create_error(
                crate::ecmascript::execution::ExceptionType::TypeError,
                "The iterator does not provide a 'throw' method",
                gc.nogc(),
            );
            // g. Return promiseCapability.[[Promise]].
            return capability.reject_with(agent, error.unbind().into(), gc);
        }
        // a. Let iteratorResult be CreateIteratorResultObject(value, true).
        let result = create_iter_result_object(agent, value.get(agent), true, gc.nogc()).unbind();
        // b. Perform ! Call(promiseCapability.[[Resolve]], undefined, « iteratorResult »).
        call_function(
            agent,
            capability.resolve.get(agent),
            Value::Undefined,
            ArgumentsList(&[result.into()]),
            gc.reborrow(),
        )?;
        // c. Return promiseCapability.[[Promise]].
        return Ok(capability.promise.get(agent).bind(gc.into_nogc()));
    };
    // 8. If value is present, let result be Completion(Call(return, syncIterator, « value »)).
    // 9. Else, let result be Completion(Call(return, syncIterator)).
    let argument = [value.get(agent)];
    let arguments: &[Value] = if present { &argument } else { &[] };
    let result = call_function(
        agent,
        method,
        iterator.get(agent),
        ArgumentsList(arguments),
        gc.reborrow(),
    )
    .unbind();
    // 10. IfAbruptRejectPromise(result, promiseCapability).
    let result = match result {
        Ok(Value::Object(result)) => result,
        // 11. If result is not an Object, then
        Ok(_) => {
            // a. Perform ! Call(promiseCapability.[[Reject]], undefined, « a newly created TypeError object »).
            let error = agent.create_error(
                crate::ecmascript::execution::ExceptionType::TypeError,
                "Iterator result is not an object",
                gc.nogc(),
            );
            // b. Return promiseCapability.[[Promise]].
            return capability.reject_with(agent, error.unbind().into(), gc);
        }
        Err(_) => return capability.reject_pending(agent, gc),
    };
    // 12. Return AsyncFromSyncIteratorContinuation(result, promiseCapability, syncIteratorRecord,
    //     false for return / true for throw).
    continuation(agent, result, capability, o, is_throw, gc)
}

/// `%AsyncFromSyncIteratorPrototype%.return ( [ value ] )`
fn r#return<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    return_or_throw(agent, this, args, false, gc)
}

/// `%AsyncFromSyncIteratorPrototype%.throw ( [ value ] )`
fn throw<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    return_or_throw(agent, this, args, true, gc)
}

/// ### [27.1.6.4 AsyncFromSyncIteratorContinuation ( result, promiseCapability, syncIteratorRecord, closeOnRejection )](https://tc39.es/ecma262/#sec-asyncfromsynciteratorcontinuation)
///
/// `holder` is the Async-from-Sync Iterator whose record is syncIteratorRecord.
fn continuation<'gc>(
    agent: &mut Agent,
    result: Object,
    capability: ScopedCapability,
    holder: Scoped<Object<'static>>,
    close_on_rejection: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let result = result.bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. NOTE: Because promiseCapability is derived from the intrinsic %Promise%, the calls
    //    to promiseCapability.[[Reject]] entailed by the use IfAbruptRejectPromise below are
    //    guaranteed not to throw.
    // 2. Let done be Completion(IteratorComplete(result)).
    let done = match get(agent, result.get(agent), key("done"), gc.reborrow()) {
        Ok(done) => to_boolean(agent, done),
        // 3. IfAbruptRejectPromise(done, promiseCapability).
        Err(_) => return capability.reject_pending(agent, gc),
    };
    // 4. Let value be Completion(IteratorValue(result)).
    let value = match get(agent, result.get(agent), key("value"), gc.reborrow()) {
        Ok(value) => value.unbind(),
        // 5. IfAbruptRejectPromise(value, promiseCapability).
        Err(_) => return capability.reject_pending(agent, gc),
    };
    // 6. Let valueWrapper be Completion(PromiseResolve(%Promise%, value)).
    let promise = agent.intrinsic(Intrinsic::Promise);
    let value_wrapper = promise_resolve(agent, promise, value, gc.reborrow()).unbind();
    let value_wrapper = match value_wrapper {
        Ok(Value::Object(wrapper)) => wrapper,
        Ok(_) => unreachable!("PromiseResolve returns a promise"),
        Err(error) => {
            // 7. If valueWrapper is an abrupt completion, done is false, and closeOnRejection
            //    is true, then set valueWrapper to Completion(IteratorClose(syncIteratorRecord, valueWrapper)).
            if !done && close_on_rejection {
                let (iterator, _) = sync_iterator_record(agent, holder.get(agent));
                iterator_close_on_error(agent, iterator, error, gc.reborrow());
            }
            // 8. IfAbruptRejectPromise(valueWrapper, promiseCapability).
            return capability.reject_pending(agent, gc);
        }
    };
    let nogc = gc.nogc();
    // 9. Let unwrap be a new Abstract Closure with parameters (v) that captures done and
    //    performs the following steps when called: Return CreateIteratorResultObject(v, done).
    // 10. Let onFulfilled be CreateBuiltinFunction(unwrap, 1, "", « »).
    let captured =
        agent.alloc_promise_closure(PromiseClosureRecord::Captured(Value::Boolean(done)), nogc);
    let on_fulfilled = agent.create_promise_closure_function(unwrap, 1, captured, nogc);
    // 11. NOTE: onFulfilled is used when processing the "value" property of an IteratorResult
    //     object in order to wait for its value if it is a promise and re-package the result
    //     in a new "unwrapped" IteratorResult object.
    // 12. If done is true, or if closeOnRejection is false, then
    let on_rejected = if done || !close_on_rejection {
        // a. Let onRejected be undefined.
        ReactionHandler::Empty
    } else {
        // 13. Else,
        // a. Let closeIterator be a new Abstract Closure with parameters (error) that captures
        //    syncIteratorRecord and performs the following steps when called:
        //    i. Return ? IteratorClose(syncIteratorRecord, ThrowCompletion(error)).
        // b. Let onRejected be CreateBuiltinFunction(closeIterator, 1, "", « »).
        // c. NOTE: onRejected is used to close the Iterator when the "value" property of an
        //    IteratorResult object it yields is a rejected promise.
        let f = agent.create_promise_closure_function(close_iterator, 1, holder.get(agent), nogc);
        ReactionHandler::Callable(f.unbind().into())
    };
    // 14. Perform PerformPromiseThen(valueWrapper, onFulfilled, onRejected, promiseCapability).
    let capability = capability.get(agent);
    perform_promise_then(
        agent,
        value_wrapper,
        ReactionHandler::Callable(on_fulfilled.unbind().into()),
        on_rejected,
        Some(capability),
        nogc,
    );
    // 15. Return promiseCapability.[[Promise]].
    Ok(capability.promise.bind(gc.into_nogc()))
}

/// `unwrap` of [27.1.6.4](https://tc39.es/ecma262/#sec-asyncfromsynciteratorcontinuation) step 9.
fn unwrap<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let holder = agent.active_promise_closure();
    let PromiseClosureRecord::Captured(Value::Boolean(done)) = *agent.promise_closure(holder)
    else {
        unreachable!("captured done")
    };
    // a. Return CreateIteratorResultObject(v, done).
    Ok(create_iter_result_object(agent, args.get(0), done, gc.into_nogc()).into())
}

/// `closeIterator` of [27.1.6.4](https://tc39.es/ecma262/#sec-asyncfromsynciteratorcontinuation) step 13.a.
fn close_iterator<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let holder = agent.active_promise_closure();
    let (iterator, _) = sync_iterator_record(agent, holder);
    // i. Return ? IteratorClose(syncIteratorRecord, ThrowCompletion(error)).
    let error = agent.throw_value(args.get(0));
    Err(iterator_close_on_error(agent, iterator, error, gc))
}
