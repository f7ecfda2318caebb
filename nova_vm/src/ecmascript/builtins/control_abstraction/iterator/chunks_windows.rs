//! ### Iterator.prototype.chunks ( chunkSize ) and Iterator.prototype.windows ( windowSize [ , undersized ] )
//!
//! From the [Iterator Chunking](https://tc39.es/proposal-iterator-chunking/)
//! proposal, as test262 covers it.

use super::helper_prototype::{create_iterator_helper, helper_record, underlying_iterator};
use super::helper_record::HelperKind;
use crate::ecmascript::abstract_operations::{
    IteratorRecord, create_array_from_list, get_iterator_direct, iterator_close_on_error,
    iterator_step_value,
};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, HeapRoot, Intrinsic, JsResult};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable, Scoped};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let prototype = agent.intrinsic(Intrinsic::IteratorPrototype);
    agent.define_builtin_method(prototype, BuiltinName::Str("chunks"), 1, chunks, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("windows"), 1, windows, gc);
}

/// Steps 1-6 of `chunks` and `windows`: the this value must be an Object
/// and the size an integral Number in 1 .. 2³² - 1; a bad size closes the
/// iterator with a TypeError (not an integral Number) or a RangeError (out of
/// range). Returns the iterator and the size.
fn this_object_with_size<'gc>(
    agent: &mut Agent,
    this: Value,
    size: Value,
    method: &str,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, (Object<'gc>, u32)> {
    // 1. Let O be the this value.
    // 2. If O is not an Object, throw a TypeError exception.
    let Value::Object(o) = this.bind(gc.nogc()) else {
        let message = format!("Iterator.prototype.{method} called on a non-object");
        return Err(agent.throw_type_error(&message, gc.into_nogc()));
    };
    // 3. Let iterated be the Iterator Record { [[Iterator]]: O, [[NextMethod]]: undefined,
    //    [[Done]]: false }.
    // 4. If size is not a Number, throw a TypeError exception (closing iterated).
    // 5. If size is not an integral Number, throw a TypeError exception (closing iterated).
    let n = if size.is_number() {
        agent.number_value(size)
    } else {
        f64::NAN
    };
    if !n.is_finite() || n.trunc() != n {
        let message = format!("Iterator.prototype.{method}: the size must be an integer");
        return Err(close_with_error(agent, o.unbind(), false, &message, gc));
    }
    // 6. If size is not in the inclusive interval from 1𝔽 to 𝔽(2³² - 1), then
    //    a. Let error be ThrowCompletion(a newly created RangeError object).
    //    b. Return ? IteratorClose(iterated, error).
    if !(1.0..=f64::from(u32::MAX)).contains(&n) {
        let message =
            format!("Iterator.prototype.{method}: the size must be between 1 and 2^32 - 1");
        return Err(close_with_error(agent, o.unbind(), true, &message, gc));
    }
    Ok((o.unbind().bind(gc.into_nogc()), n as u32))
}

/// IteratorClose(iterated, ThrowCompletion(a newly created TypeError or RangeError)).
fn close_with_error<'gc>(
    agent: &mut Agent,
    o: Object,
    range_error: bool,
    message: &str,
    gc: GcScope<'gc, '_>,
) -> crate::ecmascript::execution::JsError {
    let o = o.bind(gc.nogc()).scope(agent, gc.nogc());
    let error = if range_error {
        agent.throw_range_error(message, gc.nogc())
    } else {
        agent.throw_type_error(message, gc.nogc())
    };
    iterator_close_on_error(agent, o.get(agent).into(), error, gc)
}

/// ### Iterator.prototype.chunks ( chunkSize )
fn chunks<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1-6. (this_object_with_size)
    let (o, size) = this_object_with_size(agent, this, args.get(0), "chunks", gc.reborrow())?;
    let o = o.unbind();
    // 7. Set iterated to ? GetIteratorDirect(O).
    let iterated = get_iterator_direct(agent, o, gc.reborrow())?.unbind();
    // 8. Let closure be a new Abstract Closure with no parameters that captures iterated and
    //    chunkSize (see chunks_step).
    // 9. Let result be CreateIteratorFromClosure(closure, "Iterator Helper",
    //    %IteratorHelperPrototype%, « [[UnderlyingIterators]] »).
    // 10. Set result.[[UnderlyingIterators]] to « iterated ».
    let kind = HelperKind::Chunks {
        size,
        finished: false,
    };
    let result = create_iterator_helper(agent, vec![iterated], kind, gc.into_nogc());
    // 11. Return result.
    Ok(result.into())
}

/// The closure of `chunks`, from the start or its last `Yield` to its next
/// `Yield`.
pub(super) fn chunks_step<'gc>(
    agent: &mut Agent,
    helper: Scoped<Object<'static>>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Value<'gc>>> {
    let HelperKind::Chunks { size, finished } = helper_record(agent, helper.get(agent)).kind else {
        unreachable!("a chunks helper")
    };
    // (Resumed after yielding the last chunk: return ReturnCompletion(undefined).)
    if finished {
        return Ok(None);
    }
    // a. Let buffer be a new empty List.
    //    (Its elements are the roots from `buffer_start` on.)
    let buffer_start = agent.scoped_roots.len();
    let mut buffer_len = 0;
    // b. Repeat,
    loop {
        let iterated: IteratorRecord = underlying_iterator(agent, helper);
        // i. Let value be ? IteratorStepValue(iterated).
        let value = iterator_step_value(
            agent,
            iterated.iterator.into(),
            iterated.next_method,
            gc.reborrow(),
        )?
        .unbind();
        // ii. If value is done, then
        let Some(value) = value else {
            // 1. If buffer is not empty, then
            //    a. Perform Completion(Yield(CreateArrayFromList(buffer))).
            // 2. Return ReturnCompletion(undefined).
            if buffer_len == 0 {
                return Ok(None);
            }
            agent.scoped_roots.truncate(buffer_start + buffer_len);
            if let HelperKind::Chunks { finished, .. } =
                &mut helper_record(agent, helper.get(agent)).kind
            {
                *finished = true;
            }
            return Ok(Some(take_buffer(agent, buffer_start, gc.into_nogc())));
        };
        // iii. Append value to buffer.
        agent.scoped_roots.truncate(buffer_start + buffer_len);
        agent.scoped_roots.push(HeapRoot::Value(value));
        buffer_len += 1;
        // iv. If the number of elements in buffer is ℝ(chunkSize), then
        if buffer_len == size as usize {
            // 1. Let completion be Completion(Yield(CreateArrayFromList(buffer))).
            // 2. IfAbruptCloseIterator(completion, iterated).
            // 3. Set buffer to a new empty List.
            return Ok(Some(take_buffer(agent, buffer_start, gc.into_nogc())));
        }
    }
}

/// CreateArrayFromList of the values rooted from `start` on (which are unrooted).
fn take_buffer<'gc>(agent: &mut Agent, start: usize, gc: NoGcScope<'gc, '_>) -> Value<'gc> {
    let values: Vec<Value> = agent.scoped_roots[start..]
        .iter()
        .map(|root| match root {
            HeapRoot::Value(v) => *v,
            _ => unreachable!("a value root"),
        })
        .collect();
    agent.scoped_roots.truncate(start);
    create_array_from_list(agent, &values, gc).into()
}

/// ### Iterator.prototype.windows ( windowSize [ , undersized ] )
fn windows<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1-6. (this_object_with_size)
    let undersized = args.get(1).bind(gc.nogc()).scope(agent, gc.nogc());
    let (o, size) = this_object_with_size(agent, this, args.get(0), "windows", gc.reborrow())?;
    let o = o.unbind();
    // 7. If undersized is undefined, set undersized to "only-full".
    // 8. If undersized is neither "only-full" nor "allow-partial", then
    //    a. Let error be ThrowCompletion(a newly created TypeError object).
    //    b. Return ? IteratorClose(iterated, error).
    let undersized = undersized.get(agent);
    let allow_partial = if undersized.is_undefined() {
        false
    } else {
        match undersized
            .as_string()
            .map(|s| agent.string_lossy(s).into_owned())
        {
            Some(s) if s == "only-full" => false,
            Some(s) if s == "allow-partial" => true,
            _ => {
                let message = "Iterator.prototype.windows: undersized must be \"only-full\" or \"allow-partial\"";
                return Err(close_with_error(agent, o, false, message, gc));
            }
        }
    };
    // 9. Set iterated to ? GetIteratorDirect(O).
    let iterated = get_iterator_direct(agent, o, gc.reborrow())?.unbind();
    // 10. Let closure be a new Abstract Closure with no parameters that captures iterated,
    //     windowSize, and undersized (see windows_step).
    // 11. Let result be CreateIteratorFromClosure(closure, "Iterator Helper",
    //     %IteratorHelperPrototype%, « [[UnderlyingIterators]] »).
    // 12. Set result.[[UnderlyingIterators]] to « iterated ».
    let kind = HelperKind::Windows {
        size,
        allow_partial,
        buffer: Vec::new(),
        finished: false,
    };
    let result = create_iterator_helper(agent, vec![iterated], kind, gc.into_nogc());
    // 13. Return result.
    Ok(result.into())
}

/// The closure of `windows`, from the start or its last `Yield` to its next
/// `Yield`. The window (buffer) lives in the helper record between `Yield`s.
pub(super) fn windows_step<'gc>(
    agent: &mut Agent,
    helper: Scoped<Object<'static>>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Value<'gc>>> {
    // a. Let buffer be a new empty List.
    // b. Repeat,
    loop {
        let HelperKind::Windows { finished, .. } = helper_record(agent, helper.get(agent)).kind
        else {
            unreachable!("a windows helper")
        };
        // (Resumed after yielding the undersized window: return ReturnCompletion(undefined).)
        if finished {
            return Ok(None);
        }
        let iterated = underlying_iterator(agent, helper);
        // i. Let value be ? IteratorStepValue(iterated).
        let value = iterator_step_value(
            agent,
            iterated.iterator.into(),
            iterated.next_method,
            gc.reborrow(),
        )?
        .unbind();
        let HelperKind::Windows {
            size,
            allow_partial,
            buffer,
            finished,
        } = &mut helper_record(agent, helper.get(agent)).kind
        else {
            unreachable!("a windows helper")
        };
        let size = *size as usize;
        // ii. If value is done, then
        let Some(value) = value else {
            // 1. If undersized is "allow-partial", buffer is not empty, and the number of
            //    elements in buffer < ℝ(windowSize), then
            //    a. Perform Completion(Yield(CreateArrayFromList(buffer))).
            // 2. Return ReturnCompletion(undefined).
            if *allow_partial && !buffer.is_empty() && buffer.len() < size {
                *finished = true;
                let window = buffer.clone();
                return Ok(Some(
                    create_array_from_list(agent, &window, gc.into_nogc()).into(),
                ));
            }
            return Ok(None);
        };
        // iii. If the number of elements in buffer is ℝ(windowSize), then
        //      1. Remove the first element from buffer.
        if buffer.len() == size {
            buffer.remove(0);
        }
        // iv. Append value to buffer.
        buffer.push(value);
        // v. If the number of elements in buffer is ℝ(windowSize), then
        if buffer.len() == size {
            // 1. Let completion be Completion(Yield(CreateArrayFromList(buffer))).
            // 2. IfAbruptCloseIterator(completion, iterated).
            let window = buffer.clone();
            return Ok(Some(
                create_array_from_list(agent, &window, gc.into_nogc()).into(),
            ));
        }
    }
}
