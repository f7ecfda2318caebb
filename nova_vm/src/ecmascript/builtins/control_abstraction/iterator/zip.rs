//! ### Iterator.zip ( iterables [ , options ] ) and Iterator.zipKeyed ( iterables [ , options ] )
//!
//! From the [Joint Iteration](https://tc39.es/proposal-joint-iteration/)
//! proposal, as test262 covers it. The generator object is allocated first
//! and the iterators are gathered into its record (which keeps them rooted);
//! it only becomes reachable from JavaScript when it is returned.

use super::helper_prototype::{create_iterator_helper, helper_record};
use super::helper_record::{HelperKind, ZipMode};
use crate::ecmascript::abstract_operations::{
    IteratorRecord, PrimitiveHandling, create_array_from_list, get, get_iterator,
    get_iterator_flattenable, iterator_close, iterator_close_all, iterator_step,
    iterator_step_value,
};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName, key};
use crate::ecmascript::execution::{Agent, HeapRoot, Intrinsic, JsError, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Object, PropertyDescriptor, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable, Scoped};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let iterator = agent.intrinsic(Intrinsic::Iterator);
    agent.define_builtin_method(iterator, BuiltinName::Str("zip"), 1, zip, gc);
    agent.define_builtin_method(iterator, BuiltinName::Str("zipKeyed"), 1, zip_keyed, gc);
}

/// The zip record of the generator being built or run.
type ZipParts<'a> = (
    &'a mut Vec<IteratorRecord<'static>>,
    &'a mut Vec<Option<IteratorRecord<'static>>>,
    &'a mut Vec<Value<'static>>,
);

fn zip_parts<'a>(agent: &'a mut Agent, generator: Scoped<Object<'static>>) -> ZipParts<'a> {
    let object = generator.get(agent);
    let record = helper_record(agent, object);
    match &mut record.kind {
        HelperKind::Zip { iters, padding, .. } => (&mut record.underlying, iters, padding),
        _ => unreachable!("a zip helper"),
    }
}

/// The iterator objects of `openIters`.
fn open_iterators(agent: &mut Agent, generator: Scoped<Object<'static>>) -> Vec<Object<'static>> {
    zip_parts(agent, generator)
        .0
        .iter()
        .map(|r| r.iterator)
        .collect()
}

/// IfAbruptCloseIterators(value, iters) for an abrupt `value`: closes the
/// iterators gathered so far (and `first`, when the list starts with one).
fn close_iterators_on_error<'gc>(
    agent: &mut Agent,
    generator: Scoped<Object<'static>>,
    first: Option<Object>,
    error: JsError,
    gc: GcScope<'gc, '_>,
) -> JsError {
    let mut iters: Vec<Object<'static>> = first.map(Bindable::unbind).into_iter().collect();
    iters.extend(open_iterators(agent, generator));
    match iterator_close_all(agent, &iters, Err(error), gc) {
        Err(error) => error,
        Ok(()) => unreachable!("IteratorCloseAll keeps a throw completion"),
    }
}

/// Steps 1-7 of `Iterator.zip` and `Iterator.zipKeyed`: validates
/// `iterables`, reads the options and allocates the generator with its mode.
fn read_options<'gc>(
    agent: &mut Agent,
    iterables: Value,
    options: Value,
    keyed: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, (Object<'gc>, ZipMode, Value<'gc>)> {
    let name = if keyed { "zipKeyed" } else { "zip" };
    // 1. If iterables is not an Object, throw a TypeError exception.
    if !iterables.is_object() {
        let message = format!("Iterator.{name}: iterables must be an object");
        return Err(agent.throw_type_error(&message, gc.into_nogc()));
    }
    // 2. Set options to ? GetOptionsObject(options).
    let options = get_options_object(agent, options, gc.nogc())?.scope(agent, gc.nogc());
    // 3. Let mode be ? Get(options, "mode").
    let mode = get(agent, options.get(agent), key("mode"), gc.reborrow())?.unbind();
    // 4. If mode is undefined, set mode to "shortest".
    // 5. If mode is not one of "shortest", "longest", or "strict", throw a TypeError exception.
    let mode = match mode.as_string().map(|s| agent.string_lossy(s).into_owned()) {
        _ if mode.is_undefined() => ZipMode::Shortest,
        Some(s) if s == "shortest" => ZipMode::Shortest,
        Some(s) if s == "longest" => ZipMode::Longest,
        Some(s) if s == "strict" => ZipMode::Strict,
        _ => {
            let message =
                format!("Iterator.{name}: mode must be \"shortest\", \"longest\" or \"strict\"");
            return Err(agent.throw_type_error(&message, gc.into_nogc()));
        }
    };
    // 6. Let paddingOption be undefined.
    // 7. If mode is "longest", then
    let mut padding_option = Value::Undefined;
    if mode == ZipMode::Longest {
        // a. Set paddingOption to ? Get(options, "padding").
        padding_option = get(agent, options.get(agent), key("padding"), gc.reborrow())?.unbind();
        // b. If paddingOption is not undefined and paddingOption is not an Object, throw a
        //    TypeError exception.
        if !padding_option.is_undefined() && !padding_option.is_object() {
            let message = format!("Iterator.{name}: padding must be an object");
            return Err(agent.throw_type_error(&message, gc.into_nogc()));
        }
    }
    let gc = gc.into_nogc();
    let kind = HelperKind::Zip {
        iters: Vec::new(),
        mode,
        padding: Vec::new(),
        keys: keyed.then(Vec::new),
    };
    let generator = create_iterator_helper(agent, Vec::new(), kind, gc);
    Ok((generator, mode, padding_option.bind(gc)))
}

/// ### GetOptionsObject ( options )
///
/// From ECMA-402 (the Joint Iteration proposal uses it).
fn get_options_object<'gc>(
    agent: &mut Agent,
    options: Value,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    match options.bind(gc) {
        // 1. If options is undefined, then
        //    a. Return OrdinaryObjectCreate(null).
        Value::Undefined => Ok(agent.create_object(None, ObjectKind::Ordinary, gc)),
        // 2. If options is an Object, then
        //    a. Return options.
        Value::Object(o) => Ok(o),
        // 3. Throw a TypeError exception.
        _ => Err(agent.throw_type_error("options must be an object or undefined", gc)),
    }
}

/// Appends an iterator to `iters` and to `openIters`.
fn append_iterator(agent: &mut Agent, generator: Scoped<Object<'static>>, iter: IteratorRecord) {
    let iter = iter.unbind();
    let (open, iters, _) = zip_parts(agent, generator);
    open.push(iter);
    iters.push(Some(iter));
}

/// ### Iterator.zip ( iterables [ , options ] )
fn zip<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let iterables = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1-7. (read_options)
    let (generator, mode, padding_option) = read_options(
        agent,
        iterables.get(agent),
        args.get(1),
        false,
        gc.reborrow(),
    )?;
    let (generator, padding_option) = (generator.unbind(), padding_option.unbind());
    let generator = generator.scope(agent, gc.nogc());
    let padding_option = padding_option.scope(agent, gc.nogc());
    // 8. Let iters be a new empty List.
    // 9. Let padding be a new empty List.
    // 10. Let inputIter be ? GetIterator(iterables, sync).
    let (input_iter, input_next) =
        get_iterator(agent, iterables.get(agent), gc.reborrow())?.unbind();
    let Value::Object(input_iter) = input_iter else {
        unreachable!("GetIterator gives an object")
    };
    let input_iter = input_iter.scope(agent, gc.nogc());
    let input_next = input_next.scope(agent, gc.nogc());
    // 11. Let next be not-started.
    // 12. Repeat, while next is not done,
    loop {
        // a. Set next to Completion(IteratorStepValue(inputIter)).
        let next = iterator_step_value(
            agent,
            input_iter.get(agent).into(),
            input_next.get(agent),
            gc.reborrow(),
        );
        // b. IfAbruptCloseIterators(next, iters).
        let next = match next {
            Ok(next) => next.unbind(),
            Err(error) => {
                return Err(close_iterators_on_error(agent, generator, None, error, gc));
            }
        };
        // c. If next is not done, then
        let Some(next) = next else {
            break;
        };
        // i. Let iter be Completion(GetIteratorFlattenable(next, reject-strings)).
        let iter = get_iterator_flattenable(
            agent,
            next,
            PrimitiveHandling::RejectPrimitives,
            gc.reborrow(),
        );
        // ii. IfAbruptCloseIterators(iter, the list-concatenation of « inputIter » and iters).
        let iter = match iter {
            Ok(iter) => iter.unbind(),
            Err(error) => {
                let input = input_iter.get(agent);
                return Err(close_iterators_on_error(
                    agent,
                    generator,
                    Some(input),
                    error,
                    gc,
                ));
            }
        };
        // iii. Append iter to iters.
        append_iterator(agent, generator, iter);
    }
    // 13. Let iterCount be the number of elements in iters.
    let iter_count = zip_parts(agent, generator).1.len();
    // 14. If mode is "longest", then
    if mode == ZipMode::Longest {
        // a. If paddingOption is undefined, then
        if padding_option.get(agent).is_undefined() {
            // i. Perform the following steps iterCount times:
            //    1. Append undefined to padding.
            zip_parts(agent, generator)
                .2
                .resize(iter_count, Value::Undefined);
        } else {
            // b. Else,
            // i. Let paddingIter be Completion(GetIterator(paddingOption, sync)).
            let padding_iter = get_iterator(agent, padding_option.get(agent), gc.reborrow());
            // ii. IfAbruptCloseIterators(paddingIter, iters).
            let (padding_iter, padding_next) = match padding_iter {
                Ok(pair) => pair.unbind(),
                Err(error) => {
                    return Err(close_iterators_on_error(agent, generator, None, error, gc));
                }
            };
            let padding_iter = padding_iter.scope(agent, gc.nogc());
            let padding_next = padding_next.scope(agent, gc.nogc());
            // iii. Let usingIterator be true.
            let mut using_iterator = true;
            // iv. Perform the following steps iterCount times:
            for _ in 0..iter_count {
                // 1. If usingIterator is true, then
                if using_iterator {
                    // a. Set next to Completion(IteratorStepValue(paddingIter)).
                    let next = iterator_step_value(
                        agent,
                        padding_iter.get(agent),
                        padding_next.get(agent),
                        gc.reborrow(),
                    );
                    // b. IfAbruptCloseIterators(next, iters).
                    match next {
                        Err(error) => {
                            return Err(close_iterators_on_error(
                                agent, generator, None, error, gc,
                            ));
                        }
                        // c. If next is done, then
                        //    i. Set usingIterator to false.
                        Ok(None) => using_iterator = false,
                        // d. Else,
                        //    i. Append next to padding.
                        Ok(Some(value)) => {
                            let value = value.unbind();
                            zip_parts(agent, generator).2.push(value);
                        }
                    }
                }
                // 2. If usingIterator is false, append undefined to padding.
                if !using_iterator {
                    zip_parts(agent, generator).2.push(Value::Undefined);
                }
            }
            // v. If usingIterator is true, then
            if using_iterator {
                // 1. Let completion be Completion(IteratorClose(paddingIter,
                //    NormalCompletion(unused))).
                let completion = iterator_close(agent, padding_iter.get(agent), gc.reborrow());
                // 2. IfAbruptCloseIterators(completion, iters).
                if let Err(error) = completion {
                    return Err(close_iterators_on_error(agent, generator, None, error, gc));
                }
            }
        }
    }
    // 15. Let finishResults be a new Abstract Closure with parameters (results) that captures
    //     nothing and performs the following steps when called:
    //     a. Return CreateArrayFromList(results).
    // 16. Return IteratorZip(iters, mode, padding, finishResults).
    Ok(generator.get(agent).bind(gc.into_nogc()).into())
}

/// ### Iterator.zipKeyed ( iterables [ , options ] )
fn zip_keyed<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let iterables = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1-7. (read_options)
    let (generator, mode, padding_option) = read_options(
        agent,
        iterables.get(agent),
        args.get(1),
        true,
        gc.reborrow(),
    )?;
    let (generator, padding_option) = (generator.unbind(), padding_option.unbind());
    let generator = generator.scope(agent, gc.nogc());
    let padding_option = padding_option.scope(agent, gc.nogc());
    let Value::Object(iterables_object) = iterables.get(agent) else {
        unreachable!("checked by read_options")
    };
    let iterables = iterables_object.scope(agent, gc.nogc());
    // 8. Let iters be a new empty List.
    // 9. Let padding be a new empty List.
    // 10. Let allKeys be ? iterables.[[OwnPropertyKeys]]().
    let all_keys = iterables
        .get(agent)
        .internal_own_property_keys(agent, gc.reborrow())?
        .unbind();
    let keys_start = agent.scoped_roots.len();
    agent
        .scoped_roots
        .extend(all_keys.iter().map(|k| HeapRoot::Key(*k)));
    // 11. Let keys be a new empty List.
    // 12. For each element key of allKeys, do
    for i in 0..all_keys.len() {
        let HeapRoot::Key(key) = agent.scoped_roots[keys_start + i] else {
            unreachable!("a key root")
        };
        // a. Let desc be Completion(iterables.[[GetOwnProperty]](key)).
        let desc = iterables
            .get(agent)
            .internal_get_own_property(agent, key, gc.reborrow());
        // b. IfAbruptCloseIterators(desc, iters).
        let enumerable = match desc {
            Ok(desc) => desc.is_some_and(|d| d.enumerable == Some(true)),
            Err(error) => {
                return Err(close_iterators_on_error(agent, generator, None, error, gc));
            }
        };
        // c. If desc is not undefined and desc.[[Enumerable]] is true, then
        if !enumerable {
            continue;
        }
        // i. Let value be Completion(Get(iterables, key)).
        let value = get(agent, iterables.get(agent), key, gc.reborrow());
        // ii. IfAbruptCloseIterators(value, iters).
        let value = match value {
            Ok(value) => value.unbind(),
            Err(error) => {
                return Err(close_iterators_on_error(agent, generator, None, error, gc));
            }
        };
        // iii. If value is not undefined, then
        if value.is_undefined() {
            continue;
        }
        // 1. Append key to keys.
        let HeapRoot::Key(key) = agent.scoped_roots[keys_start + i] else {
            unreachable!("a key root")
        };
        if let HelperKind::Zip {
            keys: Some(keys), ..
        } = &mut helper_record(agent, generator.get(agent)).kind
        {
            keys.push(key);
        }
        // 2. Let iter be Completion(GetIteratorFlattenable(value, reject-strings)).
        let iter = get_iterator_flattenable(
            agent,
            value,
            PrimitiveHandling::RejectPrimitives,
            gc.reborrow(),
        );
        // 3. IfAbruptCloseIterators(iter, iters).
        let iter = match iter {
            Ok(iter) => iter.unbind(),
            Err(error) => {
                return Err(close_iterators_on_error(agent, generator, None, error, gc));
            }
        };
        // 4. Append iter to iters.
        append_iterator(agent, generator, iter);
    }
    // 13. Let iterCount be the number of elements in iters.
    let iter_count = zip_parts(agent, generator).1.len();
    // 14. If mode is "longest", then
    if mode == ZipMode::Longest {
        if padding_option.get(agent).is_undefined() {
            // a. If paddingOption is undefined, then
            //    i. Perform the following steps iterCount times:
            //       1. Append undefined to padding.
            zip_parts(agent, generator)
                .2
                .resize(iter_count, Value::Undefined);
        } else {
            // b. Else,
            //    i. For each element key of keys, do
            for i in 0..iter_count {
                let HelperKind::Zip {
                    keys: Some(keys), ..
                } = &helper_record(agent, generator.get(agent)).kind
                else {
                    unreachable!("a zipKeyed helper")
                };
                let key = keys[i];
                let Value::Object(padding_object) = padding_option.get(agent) else {
                    unreachable!("checked by read_options")
                };
                // 1. Let value be Completion(Get(paddingOption, key)).
                let value = get(agent, padding_object, key, gc.reborrow());
                // 2. IfAbruptCloseIterators(value, iters).
                // 3. Append value to padding.
                match value {
                    Ok(value) => {
                        let value = value.unbind();
                        zip_parts(agent, generator).2.push(value);
                    }
                    Err(error) => {
                        return Err(close_iterators_on_error(agent, generator, None, error, gc));
                    }
                }
            }
        }
    }
    // 15. Let finishResults be a new Abstract Closure with parameters (results) that captures
    //     keys and iterCount (see finish_results).
    // 16. Return IteratorZip(iters, mode, padding, finishResults).
    Ok(generator.get(agent).bind(gc.into_nogc()).into())
}

/// The finishResults closures: CreateArrayFromList(results) for `zip`; for
/// `zipKeyed` an object with a null prototype and one property per key.
fn finish_results<'gc>(
    agent: &mut Agent,
    generator: Scoped<Object<'static>>,
    results: &[Value],
    gc: NoGcScope<'gc, '_>,
) -> Value<'gc> {
    let keys = match &helper_record(agent, generator.get(agent)).kind {
        HelperKind::Zip { keys, .. } => keys.clone(),
        _ => unreachable!("a zip helper"),
    };
    let Some(keys) = keys else {
        // a. Return CreateArrayFromList(results).
        return create_array_from_list(agent, results, gc).into();
    };
    // a. Let obj be OrdinaryObjectCreate(null).
    let obj = agent.create_object(None, ObjectKind::Ordinary, gc);
    // b. For each integer i such that 0 ≤ i < iterCount, in ascending order, do
    for (key, value) in keys.iter().zip(results) {
        // i. Perform ! CreateDataPropertyOrThrow(obj, keys[i], results[i]).
        let desc = PropertyDescriptor::data(*value, true, true, true);
        obj.ordinary_define_own_property(agent, *key, desc, gc);
    }
    // c. Return obj.
    obj.into()
}

/// Removes `iters[i]` from `openIters`.
fn remove_open_iterator(agent: &mut Agent, generator: Scoped<Object<'static>>, i: usize) {
    let (open, iters, _) = zip_parts(agent, generator);
    let Some(iter) = iters[i] else {
        return;
    };
    if let Some(position) = open.iter().position(|r| *r == iter) {
        open.remove(position);
    }
}

/// `Return ? IteratorCloseAll(openIters, completion)` for the generator.
fn close_open_iterators<'gc>(
    agent: &mut Agent,
    generator: Scoped<Object<'static>>,
    completion: Result<(), JsError>,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Value<'gc>>> {
    let open = open_iterators(agent, generator);
    iterator_close_all(agent, &open, completion, gc)?;
    Ok(None)
}

/// The closure of IteratorZip ( iters, mode, padding, finishResults ), from
/// the start or its last `Yield` to its next `Yield`.
pub(super) fn zip_step<'gc>(
    agent: &mut Agent,
    generator: Scoped<Object<'static>>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Value<'gc>>> {
    let (iter_count, mode) = match &helper_record(agent, generator.get(agent)).kind {
        HelperKind::Zip { iters, mode, .. } => (iters.len(), *mode),
        _ => unreachable!("a zip helper"),
    };
    // a. If iterCount = 0, return ReturnCompletion(undefined).
    if iter_count == 0 {
        return Ok(None);
    }
    // b. Repeat,
    //    i. Let results be a new empty List.
    let results_start = agent.scoped_roots.len();
    //    ii. Assert: openIters is not empty.
    //    iii. For each integer i such that 0 ≤ i < iterCount, in ascending order, do
    for i in 0..iter_count {
        // 1. Let iter be iters[i].
        let iter = zip_parts(agent, generator).1[i];
        let result = match iter {
            // 2. If iter is null, then
            //    a. Assert: mode is "longest".
            //    b. Let result be padding[i].
            None => zip_parts(agent, generator).2[i],
            // 3. Else,
            Some(iter) => {
                // a. Let result be Completion(IteratorStepValue(iter)).
                let result = iterator_step_value(
                    agent,
                    iter.iterator.into(),
                    iter.next_method,
                    gc.reborrow(),
                );
                match result {
                    // b. If result is an abrupt completion, then
                    Err(error) => {
                        // i. Remove iter from openIters.
                        remove_open_iterator(agent, generator, i);
                        // ii. Return ? IteratorCloseAll(openIters, result).
                        return close_open_iterators(agent, generator, Err(error), gc);
                    }
                    // c. Set result to ! result.
                    Ok(Some(value)) => value.unbind(),
                    // d. If result is done, then
                    Ok(None) => {
                        // i. Remove iter from openIters.
                        remove_open_iterator(agent, generator, i);
                        match mode {
                            // ii. If mode is "shortest", then
                            //     1. Return ? IteratorCloseAll(openIters,
                            //        ReturnCompletion(undefined)).
                            ZipMode::Shortest => {
                                return close_open_iterators(agent, generator, Ok(()), gc);
                            }
                            // iii. Else if mode is "strict", then
                            ZipMode::Strict => {
                                return strict_ending(agent, generator, i, iter_count, gc);
                            }
                            // iv. Else,
                            ZipMode::Longest => {
                                // 1. Assert: mode is "longest".
                                // 2. If openIters is empty, return ReturnCompletion(undefined).
                                let (open, iters, padding) = zip_parts(agent, generator);
                                if open.is_empty() {
                                    return Ok(None);
                                }
                                // 3. Set iters[i] to null.
                                iters[i] = None;
                                // 4. Set result to padding[i].
                                padding[i]
                            }
                        }
                    }
                }
            }
        };
        // 4. Append result to results.
        agent.scoped_roots.truncate(results_start + i);
        agent.scoped_roots.push(HeapRoot::Value(result));
    }
    //    iv. Set results to finishResults(results).
    agent.scoped_roots.truncate(results_start + iter_count);
    let results: Vec<Value> = agent.scoped_roots[results_start..]
        .iter()
        .map(|root| match root {
            HeapRoot::Value(v) => *v,
            _ => unreachable!("a value root"),
        })
        .collect();
    agent.scoped_roots.truncate(results_start);
    let gc = gc.into_nogc();
    let results = finish_results(agent, generator, &results, gc);
    //    v. Let completion be Completion(Yield(results)).
    //    vi. If completion is an abrupt completion, then ... (zip_return)
    Ok(Some(results))
}

/// Step 3.b.iii.3.d.iii of IteratorZip: the iterator at `i` ended in
/// ~strict~ mode; every other one must end now too.
fn strict_ending<'gc>(
    agent: &mut Agent,
    generator: Scoped<Object<'static>>,
    i: usize,
    iter_count: usize,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Value<'gc>>> {
    // 1. If i ≠ 0, then
    if i != 0 {
        // a. Return ? IteratorCloseAll(openIters, ThrowCompletion(a newly created TypeError
        //    object)).
        let error = agent.throw_type_error(
            "Iterator.zip: iterators of different lengths in \"strict\" mode",
            gc.nogc(),
        );
        return close_open_iterators(agent, generator, Err(error), gc);
    }
    // 2. For each integer k such that 1 ≤ k < iterCount, in ascending order, do
    for k in 1..iter_count {
        // a. Assert: iters[k] is not null.
        let Some(iter) = zip_parts(agent, generator).1[k] else {
            continue;
        };
        // b. Let open be Completion(IteratorStep(iters[k])).
        let open = iterator_step(agent, iter, gc.reborrow());
        match open {
            // c. If open is an abrupt completion, then
            Err(error) => {
                // i. Remove iters[k] from openIters.
                remove_open_iterator(agent, generator, k);
                // ii. Return ? IteratorCloseAll(openIters, open).
                return close_open_iterators(agent, generator, Err(error), gc);
            }
            // d. Set open to ! open.
            // e. If open is done, then
            //    i. Remove iters[k] from openIters.
            Ok(None) => remove_open_iterator(agent, generator, k),
            // f. Else,
            Ok(Some(_)) => {
                // i. Return ? IteratorCloseAll(openIters, ThrowCompletion(a newly created
                //    TypeError object)).
                let error = agent.throw_type_error(
                    "Iterator.zip: iterators of different lengths in \"strict\" mode",
                    gc.nogc(),
                );
                return close_open_iterators(agent, generator, Err(error), gc);
            }
        }
    }
    // 3. Return ReturnCompletion(undefined).
    Ok(None)
}

/// Step 3.b.vi of IteratorZip: a return completion at the `Yield` closes
/// every open iterator.
pub(super) fn zip_return<'gc>(
    agent: &mut Agent,
    generator: Scoped<Object<'static>>,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    // 1. Return ? IteratorCloseAll(openIters, completion).
    close_open_iterators(agent, generator, Ok(()), gc).map(|_| ())
}
