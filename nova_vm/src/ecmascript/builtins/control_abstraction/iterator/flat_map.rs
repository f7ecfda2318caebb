//! ### [27.1.4.6 Iterator.prototype.flatMap ( mapper )](https://tc39.es/ecma262/#sec-iterator.prototype.flatmap)

use super::helper_prototype::{create_iterator_helper, helper_record, underlying_iterator};
use super::helper_record::HelperKind;
use super::map_filter::this_iterator_with_callback;
use crate::ecmascript::abstract_operations::{
    IteratorRecord, PrimitiveHandling, call_function, get_iterator_flattenable, iterator_close,
    iterator_close_on_error, iterator_step_value,
};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable, Scoped};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let prototype = agent.intrinsic(Intrinsic::IteratorPrototype);
    agent.define_builtin_method(prototype, BuiltinName::Str("flatMap"), 1, flat_map, gc);
}

/// ### [27.1.4.6 Iterator.prototype.flatMap ( mapper )](https://tc39.es/ecma262/#sec-iterator.prototype.flatmap)
fn flat_map<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let mapper = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1-5. (this_iterator_with_callback)
    let iterated =
        this_iterator_with_callback(agent, this, mapper.get(agent), "flatMap", gc.reborrow())?
            .unbind();
    let gc = gc.into_nogc();
    // 6. Let closure be a new Abstract Closure with no parameters that captures iterated and
    //    mapper (see flat_map_step).
    // 7. Let result be CreateIteratorFromClosure(closure, "Iterator Helper",
    //    %IteratorHelperPrototype%, « [[UnderlyingIterator]] »).
    // 8. Set result.[[UnderlyingIterator]] to iterated.
    let kind = HelperKind::FlatMap {
        mapper: mapper.get(agent),
        counter: 0.0,
        inner: None,
    };
    let result = create_iterator_helper(agent, vec![iterated], kind, gc);
    // 9. Return result.
    Ok(result.into())
}

/// The inner iterator being flattened, if the closure is inside its loop.
fn inner_iterator(
    agent: &mut Agent,
    helper: Scoped<Object<'static>>,
) -> Option<IteratorRecord<'static>> {
    match helper_record(agent, helper.get(agent)).kind {
        HelperKind::FlatMap { inner, .. } => inner,
        _ => unreachable!("a flatMap helper"),
    }
}

/// The closure of `Iterator.prototype.flatMap`, from the start or its last
/// `Yield` to its next `Yield`.
pub(super) fn flat_map_step<'gc>(
    agent: &mut Agent,
    helper: Scoped<Object<'static>>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Value<'gc>>> {
    // a. Let counter be 0.
    // b. Repeat,
    loop {
        // viii. Repeat, while innerAlive is true,
        if let Some(inner) = inner_iterator(agent, helper) {
            // 1. Let innerValue be Completion(IteratorStepValue(innerIterator)).
            let inner_value = iterator_step_value(
                agent,
                inner.iterator.into(),
                inner.next_method,
                gc.reborrow(),
            );
            match inner_value {
                // 2. IfAbruptCloseIterator(innerValue, iterated).
                Err(error) => {
                    let iterated = underlying_iterator(agent, helper);
                    return Err(iterator_close_on_error(
                        agent,
                        iterated.iterator.into(),
                        error,
                        gc,
                    ));
                }
                // 3. If innerValue is done, then
                //    a. Set innerAlive to false.
                // ix. Set counter to counter + 1.
                Ok(None) => {
                    if let HelperKind::FlatMap { inner, counter, .. } =
                        &mut helper_record(agent, helper.get(agent)).kind
                    {
                        *inner = None;
                        *counter += 1.0;
                    }
                    continue;
                }
                // 4. Else,
                //    a. Let completion be Completion(Yield(innerValue)).
                //    b. If completion is an abrupt completion, then ... (flat_map_return)
                Ok(Some(value)) => return Ok(Some(value.unbind().bind(gc.into_nogc()))),
            }
        }
        let iterated = underlying_iterator(agent, helper);
        // i. Let value be ? IteratorStepValue(iterated).
        // ii. If value is done, return ReturnCompletion(undefined).
        let Some(value) = iterator_step_value(
            agent,
            iterated.iterator.into(),
            iterated.next_method,
            gc.reborrow(),
        )?
        .unbind() else {
            return Ok(None);
        };
        let HelperKind::FlatMap {
            mapper, counter, ..
        } = helper_record(agent, helper.get(agent)).kind
        else {
            unreachable!("a flatMap helper")
        };
        // iii. Let mapped be Completion(Call(mapper, undefined, « value, 𝔽(counter) »)).
        let counter_value = agent.number(counter, gc.nogc()).unbind();
        let mapped = call_function(
            agent,
            mapper,
            Value::Undefined,
            ArgumentsList(&[value, counter_value]),
            gc.reborrow(),
        );
        // iv. IfAbruptCloseIterator(mapped, iterated).
        let mapped = match mapped {
            Ok(mapped) => mapped.unbind(),
            Err(error) => {
                let iterated = underlying_iterator(agent, helper);
                return Err(iterator_close_on_error(
                    agent,
                    iterated.iterator.into(),
                    error,
                    gc,
                ));
            }
        };
        // v. Let innerIterator be Completion(GetIteratorFlattenable(mapped, reject-primitives)).
        let inner = get_iterator_flattenable(
            agent,
            mapped,
            PrimitiveHandling::RejectPrimitives,
            gc.reborrow(),
        );
        // vi. IfAbruptCloseIterator(innerIterator, iterated).
        let inner = match inner {
            Ok(inner) => inner.unbind(),
            Err(error) => {
                let iterated = underlying_iterator(agent, helper);
                return Err(iterator_close_on_error(
                    agent,
                    iterated.iterator.into(),
                    error,
                    gc,
                ));
            }
        };
        // vii. Let innerAlive be true.
        if let HelperKind::FlatMap { inner: slot, .. } =
            &mut helper_record(agent, helper.get(agent)).kind
        {
            *slot = Some(inner);
        }
    }
}

/// Step 6.b.viii.4.b of `flatMap`: a return completion at the `Yield` closes
/// the inner iterator, then the underlying one.
pub(super) fn flat_map_return<'gc>(
    agent: &mut Agent,
    helper: Scoped<Object<'static>>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let Some(inner) = inner_iterator(agent, helper) else {
        let iterated = underlying_iterator(agent, helper);
        return iterator_close(agent, iterated.iterator.into(), gc);
    };
    // i. Let backupCompletion be Completion(IteratorClose(innerIterator, completion)).
    let backup_completion = iterator_close(agent, inner.iterator.into(), gc.reborrow());
    let iterated = underlying_iterator(agent, helper);
    match backup_completion {
        // ii. IfAbruptCloseIterator(backupCompletion, iterated).
        Err(error) => Err(iterator_close_on_error(
            agent,
            iterated.iterator.into(),
            error,
            gc,
        )),
        // iii. Return ? IteratorClose(iterated, completion).
        Ok(()) => iterator_close(agent, iterated.iterator.into(), gc),
    }
}
