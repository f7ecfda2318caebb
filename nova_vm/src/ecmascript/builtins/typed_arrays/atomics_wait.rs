//! ### [25.4.15 Atomics.wait](https://tc39.es/ecma262/#sec-atomics.wait), [25.4.16 Atomics.waitAsync](https://tc39.es/ecma262/#sec-atomics.waitasync) and [25.4.10 Atomics.notify](https://tc39.es/ecma262/#sec-atomics.notify)
//!
//! Waiting on shared memory: a waiter joins the WaiterList of its byte index
//! in the shared block (see `waiter_list`); `Atomics.wait` blocks the
//! agent's thread until a notification or the timeout, `Atomics.waitAsync`
//! returns a promise that `Atomics.notify` (from any agent) or the timeout
//! (checked by the agent's job loop, see `async_waits`) settles.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use super::async_waits::settle_async_waits;
use super::atomics::{element_bits, validate_atomic_access, validate_integer_typed_array};
use super::element_types::{Numeric, raw_bytes_to_numeric};
use super::typed_array::{typed_array_length, typed_array_of};
use super::waiter_list::{
    SuspendOutcome, WaiterKind, WaiterRecord, notify_waiter, suspend_this_agent,
};
use crate::ecmascript::abstract_operations::{
    f64_to_int32, to_big_int64, to_integer_or_infinity, to_number,
};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::builtins::control_abstraction::promise::create_promise;
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult, WaitResult};
use crate::ecmascript::types::Value;
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::engine::{Bindable, GcScope, Global, NoGcScope, Rootable};

/// ### [25.4.15 Atomics.wait ( typedArray, index, value, timeout )](https://tc39.es/ecma262/#sec-atomics.wait)
pub(super) fn wait<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return ? DoWait(sync, typedArray, index, value, timeout).
    do_wait(agent, args, false, gc)
}

/// ### [25.4.16 Atomics.waitAsync ( typedArray, index, value, timeout )](https://tc39.es/ecma262/#sec-atomics.waitasync)
pub(super) fn wait_async<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return ? DoWait(async, typedArray, index, value, timeout).
    do_wait(agent, args, true, gc)
}

/// ### [25.4.3.14 DoWait ( mode, typedArray, index, value, timeout )](https://tc39.es/ecma262/#sec-dowait)
fn do_wait<'gc>(
    agent: &mut Agent,
    args: ArgumentsList,
    is_async: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let value = args.get(2).bind(gc.nogc()).scope(agent, gc.nogc());
    let timeout = args.get(3).bind(gc.nogc()).scope(agent, gc.nogc());
    let index = args.get(1).bind(gc.nogc());
    // 1. Let taRecord be ? ValidateIntegerTypedArray(typedArray, true).
    let (record, length) = validate_integer_typed_array(agent, args.get(0), true, gc.nogc())?;
    // 2. Let buffer be taRecord.[[Object]].[[ViewedArrayBuffer]].
    // 3. If IsSharedArrayBuffer(buffer) is false, throw a TypeError exception.
    if !agent.buffer_record(record.buffer).shared {
        return Err(agent.throw_type_error(
            "Atomics.wait needs a TypedArray on a SharedArrayBuffer",
            gc.into_nogc(),
        ));
    }
    let o = args
        .get(0)
        .as_object()
        .expect("validated")
        .bind(gc.nogc())
        .scope(agent, gc.nogc());
    // 4. Let i be ? ValidateAtomicAccess(taRecord, index).
    let i = validate_atomic_access(agent, length, index.unbind(), gc.reborrow())?;
    // 5. Let arrayTypeName be typedArray.[[TypedArrayName]].
    // 6. If arrayTypeName is "BigInt64Array", let v be ? ToBigInt64(value).
    // 7. Else, let v be ? ToInt32(value).
    let v = if record.element_type.is_bigint() {
        Numeric::BigInt(to_big_int64(agent, value.get(agent), gc.reborrow())? as u64)
    } else {
        Numeric::Number(f64::from(f64_to_int32(to_number(
            agent,
            value.get(agent),
            gc.reborrow(),
        )?)))
    };
    // 8. Let q be ? ToNumber(timeout).
    let q = to_number(agent, timeout.get(agent), gc.reborrow())?;
    let gc = gc.into_nogc();
    // 9. If q is either NaN or +∞𝔽, let t be +∞; else if q is -∞𝔽, let t be 0; else let t be
    //    max(ℝ(q), 0).
    let t = if q.is_nan() {
        f64::INFINITY
    } else {
        q.max(0.0)
    };
    // 10. If mode is sync and AgentCanSuspend() is false, throw a TypeError exception.
    //     (Every agent of this host can suspend: [[CanBlock]] is true.)
    // 11. Let block be buffer.[[ArrayBufferData]].
    let record = agent.typed_array_record(typed_array_of(agent, o.get(agent)).expect("TypedArray"));
    let block = agent
        .buffer_record(record.buffer)
        .data
        .as_shared()
        .expect("a SharedArrayBuffer has a shared block")
        .clone();
    // 12. Let offset be typedArray.[[ByteOffset]].
    // 13. Let byteIndexInBuffer be (i × 4) + offset (× 8 for BigInt64Array).
    let size = record.element_type.size();
    let byte_index = record.byte_offset + i * size;
    let in_bounds = typed_array_length(agent, &record).is_some_and(|len| i < len);
    // 14. Let WL be GetWaiterList(block, byteIndexInBuffer).
    // 15. If mode is sync, then let promiseCapability be blocking and resultObject undefined.
    // 16. Else, let promiseCapability be ! NewPromiseCapability(%Promise%) and resultObject be
    //     OrdinaryObjectCreate(%Object.prototype%).
    let promise = is_async.then(|| {
        let prototype = agent.intrinsic(Intrinsic::PromisePrototype);
        create_promise(agent, prototype, gc)
    });
    // 17. Perform EnterCriticalSection(WL).
    let mut lists = block.waiters().lock().unwrap_or_else(|e| e.into_inner());
    // 18. Let elementType be TypedArrayElementType(typedArray).
    // 19. Let w be GetValueFromBuffer(buffer, byteIndexInBuffer, elementType, true, seq-cst).
    let w = if in_bounds {
        let raw = block.load(byte_index, size, Ordering::SeqCst);
        raw_bytes_to_numeric(
            record.element_type,
            &raw[..size],
            cfg!(target_endian = "little"),
        )
    } else {
        Numeric::Number(f64::NAN)
    };
    // 20. If v ≠ w, then
    if element_bits(record.element_type, v) != element_bits(record.element_type, w) || !in_bounds {
        // a. Perform LeaveCriticalSection(WL).
        drop(lists);
        // b. If mode is sync, return "not-equal".
        // c-e. Return { async: false, value: "not-equal" }.
        let text = agent.create_string("not-equal", gc).into_value();
        return Ok(wait_result(agent, is_async, text, gc));
    }
    // 21. If t = 0 and mode is async, then
    if is_async && t == 0.0 {
        // a. NOTE: There is no special handling of synchronous immediate timeouts.
        // b. Perform LeaveCriticalSection(WL).
        drop(lists);
        // c-e. Return { async: false, value: "timed-out" }.
        let text = agent.create_string("timed-out", gc).into_value();
        return Ok(wait_result(agent, true, text, gc));
    }
    // 22. Let thisAgent be AgentSignifier().
    // 23. Let now be the time value (UTC) identifying the current time.
    // 24. Let additionalTimeout be an implementation-defined non-negative mathematical value.
    // 25. Let timeoutTime be ℝ(now) + t + additionalTimeout.
    // 26. NOTE: When t is +∞, timeoutTime is also +∞. (So is a time too far to represent.)
    let timeout_time = Duration::try_from_secs_f64(t / 1000.0)
        .ok()
        .and_then(|d| Instant::now().checked_add(d));
    // 27. Let waiterRecord be a new Waiter Record { [[AgentSignifier]]: thisAgent,
    //     [[PromiseCapability]]: promiseCapability, [[TimeoutTime]]: timeoutTime,
    //     [[Result]]: "ok" }.
    let kind = if is_async {
        WaiterKind::Async(agent.async_waits.next_id())
    } else {
        WaiterKind::Blocking(std::sync::Condvar::new())
    };
    let id = match kind {
        WaiterKind::Async(id) => id,
        WaiterKind::Blocking(_) => 0,
    };
    let waiter = Arc::new(WaiterRecord {
        agent: agent.signal.clone(),
        kind,
        timeout_time,
    });
    // 28. Perform AddWaiter(WL, waiterRecord).
    lists.add_waiter(byte_index, waiter.clone());
    let Some(promise) = promise else {
        // 29. If mode is sync, then
        //     a. Perform SuspendThisAgent(WL, waiterRecord).
        let (lists, outcome) = suspend_this_agent(lists, byte_index, &waiter, &agent.interrupt);
        // 31. Perform LeaveCriticalSection(WL).
        drop(lists);
        // 32. If mode is sync, return waiterRecord.[[Result]].
        let result = match outcome {
            SuspendOutcome::Notified => WaitResult::Ok,
            SuspendOutcome::TimedOut => WaitResult::TimedOut,
            SuspendOutcome::Interrupted => {
                return Err(agent.throw_range_error("Execution interrupted", gc));
            }
        };
        return Ok(agent.create_string(result.as_str(), gc).into_value());
    };
    // 30. Else if timeoutTime is finite, then
    //     a. Perform EnqueueAtomicsWaitAsyncTimeoutJob(WL, waiterRecord).
    //     (The agent's job loop runs the timeout job once timeoutTime has passed.)
    let rooted = Global::new(agent, promise.unbind());
    agent
        .async_waits
        .add(rooted, block.clone(), byte_index, waiter, id);
    // 31. Perform LeaveCriticalSection(WL).
    drop(lists);
    // 33. Perform ! CreateDataPropertyOrThrow(resultObject, "async", true).
    // 34. Perform ! CreateDataPropertyOrThrow(resultObject, "value", promiseCapability.[[Promise]]).
    // 35. Return resultObject.
    Ok(result_object(agent, true, promise.into(), gc))
}

/// The result of a wait that did not suspend: the string `text` for `sync`,
/// or `{ async: false, value: text }`.
fn wait_result<'gc>(
    agent: &mut Agent,
    is_async: bool,
    text: Value<'gc>,
    gc: NoGcScope<'gc, '_>,
) -> Value<'gc> {
    if is_async {
        result_object(agent, false, text, gc)
    } else {
        text
    }
}

/// `{ async, value }`, created with CreateDataPropertyOrThrow on a new ordinary object.
fn result_object<'gc>(
    agent: &mut Agent,
    is_async: bool,
    value: Value<'gc>,
    gc: NoGcScope<'gc, '_>,
) -> Value<'gc> {
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let result = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    let async_key = agent.key_from_str("async", gc);
    result.add_named_data(
        agent,
        async_key,
        Value::Boolean(is_async),
        Attributes::DEFAULT,
    );
    let value_key = agent.key_from_str("value", gc);
    result.add_named_data(agent, value_key, value, Attributes::DEFAULT);
    result.into()
}

/// ### [25.4.10 Atomics.notify ( typedArray, index, count )](https://tc39.es/ecma262/#sec-atomics.notify)
pub(super) fn notify<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let count = args.get(2).bind(gc.nogc()).scope(agent, gc.nogc());
    let o = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let taRecord be ? ValidateIntegerTypedArray(typedArray, true).
    let (_, length) = validate_integer_typed_array(agent, args.get(0), true, gc.nogc())?;
    // 2. Let byteIndexInBuffer be ? ValidateAtomicAccess(taRecord, index).
    let i = validate_atomic_access(agent, length, args.get(1), gc.reborrow())?;
    // 3. If count is undefined, let c be +∞.
    // 4. Else,
    //    a. Let intCount be ? ToIntegerOrInfinity(count).
    //    b. Let c be max(intCount, 0).
    let count = count.get(agent);
    let c = if count.is_undefined() {
        f64::INFINITY
    } else {
        to_integer_or_infinity(agent, count, gc.reborrow())?.max(0.0)
    };
    let gc = gc.into_nogc();
    let Some(record) = o
        .get(agent)
        .as_object()
        .and_then(|o| typed_array_of(agent, o))
        .map(|ta| agent.typed_array_record(ta))
    else {
        unreachable!("validated TypedArray")
    };
    // 5. Let buffer be typedArray.[[ViewedArrayBuffer]].
    // 6. Let block be buffer.[[ArrayBufferData]].
    // 7. If IsSharedArrayBuffer(buffer) is false, return +0𝔽.
    let Some(block) = agent.buffer_record(record.buffer).data.as_shared().cloned() else {
        return Ok(Value::Integer(0));
    };
    let byte_index = record.byte_offset + i * record.element_type.size();
    // 8. Let WL be GetWaiterList(block, byteIndexInBuffer).
    // 9. Perform EnterCriticalSection(WL).
    let mut lists = block.waiters().lock().unwrap_or_else(|e| e.into_inner());
    // 10. Let S be RemoveWaiters(WL, c).
    let removed = lists.remove_waiters(byte_index, c);
    // 11. For each element W of S, do
    //     a. Perform NotifyWaiter(WL, W).
    for waiter in &removed {
        notify_waiter(waiter, WaitResult::Ok);
    }
    // 12. Perform LeaveCriticalSection(WL).
    drop(lists);
    // (NotifyWaiter 3: this agent's own async waiters are resolved now.)
    if removed.iter().any(|w| Arc::ptr_eq(&w.agent, &agent.signal)) {
        settle_async_waits(agent, gc);
    }
    // 13. Let n be the number of elements in S.
    // 14. Return 𝔽(n).
    Ok(agent.number(removed.len() as f64, gc))
}
