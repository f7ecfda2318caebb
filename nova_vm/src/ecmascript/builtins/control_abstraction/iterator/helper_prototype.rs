//! ### [27.1.2.1 The %IteratorHelperPrototype% Object](https://tc39.es/ecma262/#sec-%iteratorhelperprototype%-object)
//!
//! `next` and `return` of Iterator Helpers: GeneratorResume and
//! GeneratorResumeAbrupt specialised to the "Iterator Helper" brand. Resuming
//! runs the helper's step function (its closure from the current `Yield` to
//! the next one); resuming abruptly with a return completion runs the
//! closure's handling of an abrupt `Yield` (closing what it iterates).

use super::helper_record::{HelperKind, HelperState, IteratorHelper, IteratorHelperRecord};
use super::{chunks_windows, concat, flat_map, map_filter, take_drop, zip};
use crate::ecmascript::abstract_operations::{
    IteratorRecord, call_function, create_iter_result_object, get_method, iterator_close,
    iterator_close_all,
};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, PropertyKey, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable, Scoped};
use crate::heap::Arena;

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let iterator_prototype = agent.intrinsic(Intrinsic::IteratorPrototype);
    let prototype = agent.create_object(Some(iterator_prototype), ObjectKind::Ordinary, gc);
    agent.set_intrinsic(Intrinsic::IteratorHelperPrototype, prototype);
    agent.define_builtin_method(prototype, BuiltinName::Str("next"), 0, next, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("return"), 0, r#return, gc);
    // 27.1.2.1.3 %IteratorHelperPrototype% [ %Symbol.toStringTag% ]
    let tag = agent.create_string("Iterator Helper", gc);
    agent.define_builtin_property(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        tag.into_value(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
}

/// ### [27.1.2.1 CreateIteratorFromClosure ( closure, "Iterator Helper", %IteratorHelperPrototype%, « [[UnderlyingIterators]] » )](https://tc39.es/ecma262/#sec-createiteratorfromclosure)
///
/// A new Iterator Helper in state ~suspended-start~ whose closure state is
/// `kind`, with `[[UnderlyingIterators]]` set to `underlying`.
pub(super) fn create_iterator_helper<'gc>(
    agent: &mut Agent,
    underlying: Vec<IteratorRecord>,
    kind: HelperKind,
    gc: NoGcScope<'gc, '_>,
) -> Object<'gc> {
    let slots = alloc_helper_record(agent, underlying, kind);
    let prototype = agent.intrinsic(Intrinsic::IteratorHelperPrototype);
    agent.create_object(Some(prototype), ObjectKind::IteratorHelper(slots), gc)
}

/// Stores a new helper record in ~suspended-start~.
pub(super) fn alloc_helper_record(
    agent: &mut Agent,
    underlying: Vec<IteratorRecord>,
    kind: HelperKind,
) -> IteratorHelper<'static> {
    agent.heap.allocated_since_gc += Arena::<IteratorHelperRecord>::RECORD_BYTES;
    IteratorHelper::from_index(agent.heap.iterator_helpers.push(IteratorHelperRecord {
        state: HelperState::SuspendedStart,
        underlying: underlying.into_iter().map(Bindable::unbind).collect(),
        kind,
    }))
}

/// The helper record of an Iterator Helper (or of a wrapper made by
/// `Iterator.from`); `o` must be one.
pub(super) fn helper_record<'a>(agent: &'a mut Agent, o: Object) -> &'a mut IteratorHelperRecord {
    match o.kind(agent) {
        ObjectKind::IteratorHelper(slots) | ObjectKind::WrapForValidIterator(slots) => {
            agent.heap.iterator_helpers.get_mut(slots.index())
        }
        _ => unreachable!("an object with iterator helper slots"),
    }
}

/// The helper's first underlying iterator (`[[UnderlyingIterator]]`).
pub(super) fn underlying_iterator(
    agent: &mut Agent,
    helper: Scoped<Object<'static>>,
) -> IteratorRecord<'static> {
    helper_record(agent, helper.get(agent)).underlying[0]
}

/// ### [27.5.3.2 GeneratorValidate ( generator, generatorBrand )](https://tc39.es/ecma262/#sec-generatorvalidate) with brand "Iterator Helper"
fn generator_validate<'gc>(
    agent: &mut Agent,
    generator: Value,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, (Object<'gc>, HelperState)> {
    // 1. Perform ? RequireInternalSlot(generator, [[GeneratorState]]).
    // 2. Perform ? RequireInternalSlot(generator, [[GeneratorBrand]]).
    // 3. If generator.[[GeneratorBrand]] is not generatorBrand, throw a TypeError exception.
    let Value::Object(o) = generator.bind(gc) else {
        return Err(agent.throw_type_error("Iterator Helper method called on a non-object", gc));
    };
    if !matches!(o.kind(agent), ObjectKind::IteratorHelper(_)) {
        return Err(agent.throw_type_error(
            "Iterator Helper method called on an incompatible receiver",
            gc,
        ));
    }
    // 4. Assert: generator also has a [[GeneratorContext]] internal slot.
    // 5. Let state be generator.[[GeneratorState]].
    let state = helper_record(agent, o).state;
    // 6. If state is executing, throw a TypeError exception.
    if state == HelperState::Executing {
        return Err(agent.throw_type_error("Iterator Helper is already running", gc));
    }
    // 7. Return state.
    Ok((o, state))
}

/// ### [27.1.2.1.1 %IteratorHelperPrototype%.next ( )](https://tc39.es/ecma262/#sec-%iteratorhelperprototype%.next)
fn next<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return ? GeneratorResume(this value, undefined, "Iterator Helper").
    //    27.5.3.3 GeneratorResume ( generator, value, generatorBrand )
    //    1. Let state be ? GeneratorValidate(generator, generatorBrand).
    let (generator, state) = generator_validate(agent, this, gc.nogc())?;
    //    2. If state is completed, return CreateIteratorResultObject(undefined, true).
    if state == HelperState::Completed {
        return Ok(create_iter_result_object(agent, Value::Undefined, true, gc.into_nogc()).into());
    }
    //    3. Assert: state is either suspended-start or suspended-yield.
    //    4-8. Set generator.[[GeneratorState]] to executing and resume the closure.
    helper_record(agent, generator).state = HelperState::Executing;
    let generator = generator.scope(agent, gc.nogc());
    let result = resume(agent, generator, gc.reborrow()).unbind();
    //    9. Return ? result (the closure's Yield gives { value, done: false }; its return
    //       completes the generator).
    let record = helper_record(agent, generator.get(agent));
    let gc = gc.into_nogc();
    match result.bind(gc) {
        Ok(Some(value)) => {
            record.state = HelperState::SuspendedYield;
            Ok(create_iter_result_object(agent, value, false, gc).into())
        }
        Ok(None) => {
            record.state = HelperState::Completed;
            Ok(create_iter_result_object(agent, Value::Undefined, true, gc).into())
        }
        Err(error) => {
            record.state = HelperState::Completed;
            Err(error)
        }
    }
}

/// Runs the helper's closure from where it is suspended to its next `Yield`
/// (`Some(value)`) or to its end (`None`).
fn resume<'gc>(
    agent: &mut Agent,
    helper: Scoped<Object<'static>>,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Value<'gc>>> {
    match helper_record(agent, helper.get(agent)).kind {
        HelperKind::Map { .. } => map_filter::map_step(agent, helper, gc),
        HelperKind::Filter { .. } => map_filter::filter_step(agent, helper, gc),
        HelperKind::Take { .. } => take_drop::take_step(agent, helper, gc),
        HelperKind::Drop { .. } => take_drop::drop_step(agent, helper, gc),
        HelperKind::FlatMap { .. } => flat_map::flat_map_step(agent, helper, gc),
        HelperKind::Chunks { .. } => chunks_windows::chunks_step(agent, helper, gc),
        HelperKind::Windows { .. } => chunks_windows::windows_step(agent, helper, gc),
        HelperKind::Concat { .. } => concat::concat_step(agent, helper, gc),
        HelperKind::Zip { .. } => zip::zip_step(agent, helper, gc),
        HelperKind::Wrap => Ok(None),
    }
}

/// ### [27.1.2.1.2 %IteratorHelperPrototype%.return ( )](https://tc39.es/ecma262/#sec-%iteratorhelperprototype%.return)
fn r#return<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be this value.
    // 2. Perform ? RequireInternalSlot(O, [[UnderlyingIterators]]).
    let o = match this.bind(gc.nogc()) {
        Value::Object(o) if matches!(o.kind(agent), ObjectKind::IteratorHelper(_)) => o,
        _ => {
            return Err(agent.throw_type_error(
                "Iterator Helper return called on an incompatible receiver",
                gc.into_nogc(),
            ));
        }
    };
    // 3. Assert: O has a [[GeneratorState]] internal slot.
    // 4. If O.[[GeneratorState]] is suspended-start, then
    let record = helper_record(agent, o);
    if record.state == HelperState::SuspendedStart {
        // a. Set O.[[GeneratorState]] to completed.
        // b. NOTE: Once a generator enters the completed state it never leaves it and its
        //    associated execution context is never resumed. Any execution state associated
        //    with O can be discarded at this point.
        record.state = HelperState::Completed;
        let underlying: Vec<Object<'static>> =
            record.underlying.iter().map(|r| r.iterator).collect();
        // c. Perform ? IteratorCloseAll(O.[[UnderlyingIterators]], NormalCompletion(unused)).
        iterator_close_all(agent, &underlying, Ok(()), gc.reborrow())?;
        // d. Return CreateIteratorResultObject(undefined, true).
        return Ok(create_iter_result_object(agent, Value::Undefined, true, gc.into_nogc()).into());
    }
    // 5. Let C be ReturnCompletion(undefined).
    // 6. Return ? GeneratorResumeAbrupt(O, C, "Iterator Helper").
    //    27.5.3.4 GeneratorResumeAbrupt ( generator, abruptCompletion, generatorBrand )
    //    1. Let state be ? GeneratorValidate(generator, generatorBrand).
    let (generator, state) = generator_validate(agent, o.into(), gc.nogc())?;
    //    2. If state is suspended-start, then ... (handled above)
    //    3. If state is completed, then
    //       a. If abruptCompletion is a return completion, then
    //          i. Return CreateIteratorResultObject(abruptCompletion.[[Value]], true).
    if state == HelperState::Completed {
        return Ok(create_iter_result_object(agent, Value::Undefined, true, gc.into_nogc()).into());
    }
    //    4. Assert: state is suspended-yield.
    //    5-10. Set the state to executing and resume the closure with the return completion
    //          at its Yield; the closure closes what it iterates and completes.
    helper_record(agent, generator).state = HelperState::Executing;
    let generator = generator.scope(agent, gc.nogc());
    let result = resume_with_return(agent, generator, gc.reborrow());
    helper_record(agent, generator.get(agent)).state = HelperState::Completed;
    result?;
    Ok(create_iter_result_object(agent, Value::Undefined, true, gc.into_nogc()).into())
}

/// The closure's handling of a return completion at its `Yield`.
fn resume_with_return<'gc>(
    agent: &mut Agent,
    helper: Scoped<Object<'static>>,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    match helper_record(agent, helper.get(agent)).kind {
        // IfAbruptCloseIterator(completion, iterated): IteratorClose(iterated, completion).
        HelperKind::Map { .. }
        | HelperKind::Filter { .. }
        | HelperKind::Take { .. }
        | HelperKind::Drop { .. }
        | HelperKind::Chunks {
            finished: false, ..
        }
        | HelperKind::Windows {
            finished: false, ..
        } => {
            let iterated = underlying_iterator(agent, helper);
            iterator_close(agent, iterated.iterator.into(), gc)
        }
        // Perform Completion(Yield(...)) of the last chunk or window: the completion is
        // ignored and the closure returns.
        HelperKind::Chunks { finished: true, .. } | HelperKind::Windows { finished: true, .. } => {
            Ok(())
        }
        HelperKind::FlatMap { .. } => flat_map::flat_map_return(agent, helper, gc),
        HelperKind::Concat { .. } => concat::concat_return(agent, helper, gc),
        HelperKind::Zip { .. } => zip::zip_return(agent, helper, gc),
        HelperKind::Wrap => Ok(()),
    }
}

/// The property key "return".
pub(super) fn return_key() -> PropertyKey<'static> {
    PropertyKey::from_static_str("return").expect("short key")
}

/// `? Call(returnMethod, iterator)` after `? GetMethod(iterator, "return")`,
/// giving `None` when there is no `return` method.
pub(super) fn call_return_method<'gc>(
    agent: &mut Agent,
    iterator: Object,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Value<'gc>>> {
    let iterator = iterator.bind(gc.nogc()).scope(agent, gc.nogc());
    let method = get_method(
        agent,
        iterator.get(agent).into(),
        return_key(),
        gc.reborrow(),
    )?
    .unbind();
    let Some(method) = method else {
        return Ok(None);
    };
    call_function(
        agent,
        method,
        iterator.get(agent).into(),
        ArgumentsList::EMPTY,
        gc,
    )
    .map(Some)
}
