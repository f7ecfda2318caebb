//! ### [27.1.4.8 Iterator.prototype.map ( mapper )](https://tc39.es/ecma262/#sec-iterator.prototype.map) and [27.1.4.4 Iterator.prototype.filter ( predicate )](https://tc39.es/ecma262/#sec-iterator.prototype.filter)

use super::helper_prototype::{create_iterator_helper, helper_record, underlying_iterator};
use super::helper_record::HelperKind;
use crate::ecmascript::abstract_operations::{
    call_function, get_iterator_direct, is_callable, iterator_close_on_error, iterator_step_value,
    to_boolean,
};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable, Scoped};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let prototype = agent.intrinsic(Intrinsic::IteratorPrototype);
    agent.define_builtin_method(prototype, BuiltinName::Str("map"), 1, map, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("filter"), 1, filter, gc);
}

/// The steps shared by the helper methods that take a callback: 1-5 of
/// `Iterator.prototype.map` (and of filter, flatMap, forEach, some, every,
/// find, reduce): the this value must be an Object and the callback callable
/// (else the iterator is closed), then GetIteratorDirect.
pub(super) fn this_iterator_with_callback<'gc>(
    agent: &mut Agent,
    this: Value,
    callback: Value,
    method: &str,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, crate::ecmascript::abstract_operations::IteratorRecord<'gc>> {
    // 1. Let O be the this value.
    // 2. If O is not an Object, throw a TypeError exception.
    let Value::Object(o) = this.bind(gc.nogc()) else {
        let message = format!("Iterator.prototype.{method} called on a non-object");
        return Err(agent.throw_type_error(&message, gc.into_nogc()));
    };
    // 3. Let iterated be the Iterator Record { [[Iterator]]: O, [[NextMethod]]: undefined,
    //    [[Done]]: false }.
    // 4. If IsCallable(callback) is false, then
    if !is_callable(agent, callback) {
        // a. Let error be ThrowCompletion(a newly created TypeError object).
        let message = format!("Iterator.prototype.{method}: the callback is not a function");
        let o = o.scope(agent, gc.nogc());
        let error = agent.throw_type_error(&message, gc.nogc());
        // b. Return ? IteratorClose(iterated, error).
        return Err(iterator_close_on_error(
            agent,
            o.get(agent).into(),
            error,
            gc,
        ));
    }
    // 5. Set iterated to ? GetIteratorDirect(O).
    get_iterator_direct(agent, o.unbind(), gc)
}

/// ### [27.1.4.8 Iterator.prototype.map ( mapper )](https://tc39.es/ecma262/#sec-iterator.prototype.map)
fn map<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let mapper = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1-5. (this_iterator_with_callback)
    let iterated =
        this_iterator_with_callback(agent, this, mapper.get(agent), "map", gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    // 6. Let closure be a new Abstract Closure with no parameters that captures iterated and
    //    mapper (see map_step).
    // 7. Let result be CreateIteratorFromClosure(closure, "Iterator Helper",
    //    %IteratorHelperPrototype%, « [[UnderlyingIterator]] »).
    // 8. Set result.[[UnderlyingIterator]] to iterated.
    let kind = HelperKind::Map {
        mapper: mapper.get(agent),
        counter: 0.0,
    };
    let result = create_iterator_helper(agent, vec![iterated], kind, gc);
    // 9. Return result.
    Ok(result.into())
}

/// The closure of `Iterator.prototype.map`, from the start or its last `Yield`
/// to its next `Yield`.
pub(super) fn map_step<'gc>(
    agent: &mut Agent,
    helper: Scoped<Object<'static>>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Value<'gc>>> {
    let iterated = underlying_iterator(agent, helper);
    // a. Let counter be 0.
    // b. Repeat,
    //    i. Let value be ? IteratorStepValue(iterated).
    //    ii. If value is done, return ReturnCompletion(undefined).
    let Some(value) = iterator_step_value(
        agent,
        iterated.iterator.into(),
        iterated.next_method,
        gc.reborrow(),
    )?
    .unbind() else {
        return Ok(None);
    };
    let HelperKind::Map { mapper, counter } = helper_record(agent, helper.get(agent)).kind else {
        unreachable!("a map helper")
    };
    //    iii. Let mapped be Completion(Call(mapper, undefined, « value, 𝔽(counter) »)).
    let counter_value = agent.number(counter, gc.nogc()).unbind();
    let mapped = call_function(
        agent,
        mapper,
        Value::Undefined,
        ArgumentsList(&[value, counter_value]),
        gc.reborrow(),
    );
    //    iv. IfAbruptCloseIterator(mapped, iterated).
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
    //    vi. Set counter to counter + 1 (on resumption after the Yield).
    if let HelperKind::Map { counter, .. } = &mut helper_record(agent, helper.get(agent)).kind {
        *counter += 1.0;
    }
    //    v. Let completion be Completion(Yield(mapped)).
    //       (IfAbruptCloseIterator(completion, iterated) is the helper's return handling.)
    Ok(Some(mapped.bind(gc.into_nogc())))
}

/// ### [27.1.4.4 Iterator.prototype.filter ( predicate )](https://tc39.es/ecma262/#sec-iterator.prototype.filter)
fn filter<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let predicate = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1-5. (this_iterator_with_callback)
    let iterated =
        this_iterator_with_callback(agent, this, predicate.get(agent), "filter", gc.reborrow())?
            .unbind();
    let gc = gc.into_nogc();
    // 6. Let closure be a new Abstract Closure with no parameters that captures iterated and
    //    predicate (see filter_step).
    // 7. Let result be CreateIteratorFromClosure(closure, "Iterator Helper",
    //    %IteratorHelperPrototype%, « [[UnderlyingIterator]] »).
    // 8. Set result.[[UnderlyingIterator]] to iterated.
    let kind = HelperKind::Filter {
        predicate: predicate.get(agent),
        counter: 0.0,
    };
    let result = create_iterator_helper(agent, vec![iterated], kind, gc);
    // 9. Return result.
    Ok(result.into())
}

/// The closure of `Iterator.prototype.filter`, from the start or its last
/// `Yield` to its next `Yield`.
pub(super) fn filter_step<'gc>(
    agent: &mut Agent,
    helper: Scoped<Object<'static>>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Value<'gc>>> {
    let value_root = Value::Undefined.scope(agent, gc.nogc());
    // a. Let counter be 0.
    // b. Repeat,
    loop {
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
        value_root.set(agent, value);
        let value = value_root;
        let HelperKind::Filter { predicate, counter } =
            helper_record(agent, helper.get(agent)).kind
        else {
            unreachable!("a filter helper")
        };
        // iii. Let selected be Completion(Call(predicate, undefined, « value, 𝔽(counter) »)).
        let counter_value = agent.number(counter, gc.nogc()).unbind();
        let selected = call_function(
            agent,
            predicate,
            Value::Undefined,
            ArgumentsList(&[value.get(agent), counter_value]),
            gc.reborrow(),
        );
        // iv. IfAbruptCloseIterator(selected, iterated).
        let selected = match selected {
            Ok(selected) => selected.unbind(),
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
        // vi. Set counter to counter + 1.
        if let HelperKind::Filter { counter, .. } =
            &mut helper_record(agent, helper.get(agent)).kind
        {
            *counter += 1.0;
        }
        // v. If ToBoolean(selected) is true, then
        if to_boolean(agent, selected) {
            // 1. Let completion be Completion(Yield(value)).
            // 2. IfAbruptCloseIterator(completion, iterated).
            return Ok(Some(value.get(agent).bind(gc.into_nogc())));
        }
    }
}
