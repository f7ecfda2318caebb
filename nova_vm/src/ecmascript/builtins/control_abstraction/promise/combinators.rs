//! ### [27.2.4.1 Promise.all](https://tc39.es/ecma262/#sec-promise.all),
//! [27.2.4.2 Promise.allSettled](https://tc39.es/ecma262/#sec-promise.allsettled),
//! [27.2.4.3 Promise.any](https://tc39.es/ecma262/#sec-promise.any) and
//! [27.2.4.5 Promise.race](https://tc39.es/ecma262/#sec-promise.race)

use super::operations::new_promise_capability;
use super::{CombinatorKind, PromiseCapability, PromiseClosureRecord};
use crate::ecmascript::abstract_operations::{
    call_function, create_array_from_list, get, get_iterator, invoke, is_callable,
    iterator_close_on_error, iterator_step_value,
};
use crate::ecmascript::builtins::function_objects::RegularFn;
use crate::ecmascript::builtins::{ArgumentsList, key};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable, Scoped};

/// Which combinator runs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Combinator {
    Shared(CombinatorKind),
    Race,
}

/// `Promise.all ( iterable )`
pub(super) fn all<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    combinator(
        agent,
        this,
        args.get(0),
        Combinator::Shared(CombinatorKind::All),
        gc,
    )
}

/// `Promise.allSettled ( iterable )`
pub(super) fn all_settled<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    combinator(
        agent,
        this,
        args.get(0),
        Combinator::Shared(CombinatorKind::AllSettled),
        gc,
    )
}

/// `Promise.any ( iterable )`
pub(super) fn any<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    combinator(
        agent,
        this,
        args.get(0),
        Combinator::Shared(CombinatorKind::Any),
        gc,
    )
}

/// `Promise.race ( iterable )`
pub(super) fn race<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    combinator(agent, this, args.get(0), Combinator::Race, gc)
}

/// A capability parked on the scoped-root stack.
#[derive(Clone, Copy)]
struct ScopedCapability<'s> {
    promise: Scoped<'s, Value<'static>>,
    resolve: Scoped<'s, Value<'static>>,
    reject: Scoped<'s, Value<'static>>,
}

impl ScopedCapability<'_> {
    fn get(self, agent: &Agent) -> PromiseCapability {
        PromiseCapability {
            promise: self.promise.get(agent),
            resolve: self.resolve.get(agent),
            reject: self.reject.get(agent),
        }
    }
}

/// ### [27.2.1.1.1 IfAbruptRejectPromise ( value, capability )](https://tc39.es/ecma262/#sec-ifabruptrejectpromise)
///
/// For the pending throw: calls `capability.[[Reject]]` with the thrown value
/// and returns `capability.[[Promise]]`.
fn if_abrupt_reject_promise<'gc>(
    agent: &mut Agent,
    capability: ScopedCapability,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // a. Perform ? Call(capability.[[Reject]], undefined, « value.[[Value]] »).
    let reason = agent.take_exception();
    call_function(
        agent,
        capability.reject.get(agent),
        Value::Undefined,
        ArgumentsList(&[reason]),
        gc.reborrow(),
    )?;
    // b. Return capability.[[Promise]].
    Ok(capability.promise.get(agent).bind(gc.into_nogc()))
}

/// The common outline of the four combinators (steps 1-9 of `Promise.all`).
fn combinator<'gc>(
    agent: &mut Agent,
    this: Value,
    iterable: Value,
    which: Combinator,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let iterable = iterable.bind(gc.nogc()).scope(agent, gc.nogc());
    let constructor = this.bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let C be the this value.
    // 2. Let promiseCapability be ? NewPromiseCapability(C).
    let capability = new_promise_capability(agent, this, gc.reborrow())?;
    let capability = ScopedCapability {
        promise: capability.promise.scope(agent, gc.nogc()),
        resolve: capability.resolve.scope(agent, gc.nogc()),
        reject: capability.reject.scope(agent, gc.nogc()),
    };
    // 3. Let promiseResolve be Completion(GetPromiseResolve(C)).
    let promise_resolve = match get_promise_resolve(agent, constructor.get(agent), gc.reborrow()) {
        Ok(f) => f.unbind(),
        // 4. IfAbruptRejectPromise(promiseResolve, promiseCapability).
        Err(_) => return if_abrupt_reject_promise(agent, capability, gc),
    };
    let promise_resolve = promise_resolve.scope(agent, gc.nogc());
    // 5. Let iteratorRecord be Completion(GetIterator(iterable, sync)).
    let (iterator, next) = match get_iterator(agent, iterable.get(agent), gc.reborrow()) {
        Ok(record) => record.unbind(),
        // 6. IfAbruptRejectPromise(iteratorRecord, promiseCapability).
        Err(_) => return if_abrupt_reject_promise(agent, capability, gc),
    };
    let iterator = iterator.scope(agent, gc.nogc());
    let next = next.scope(agent, gc.nogc());
    // 7. Let result be Completion(PerformPromiseAll(iteratorRecord, C, promiseCapability, promiseResolve)).
    let mut done = false;
    let result = perform(
        agent,
        (iterator, next, &mut done),
        constructor,
        capability,
        promise_resolve,
        which,
        gc.reborrow(),
    )
    .unbind();
    match result {
        Ok(value) => Ok(value.bind(gc.into_nogc())),
        // 8. If result is an abrupt completion, then
        Err(error) => {
            // a. If iteratorRecord.[[Done]] is false, set result to
            //    Completion(IteratorClose(iteratorRecord, result)).
            if !done {
                iterator_close_on_error(agent, iterator.get(agent), error, gc.reborrow());
            }
            // b. IfAbruptRejectPromise(result, promiseCapability).
            if_abrupt_reject_promise(agent, capability, gc)
        }
    }
}

/// ### [27.2.4.1.1 GetPromiseResolve ( promiseConstructor )](https://tc39.es/ecma262/#sec-getpromiseresolve)
fn get_promise_resolve<'gc>(
    agent: &mut Agent,
    constructor: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let Value::Object(constructor) = constructor else {
        unreachable!("NewPromiseCapability accepted a constructor")
    };
    // 1. Let promiseResolve be ? Get(promiseConstructor, "resolve").
    let resolve = get(agent, constructor, key("resolve"), gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    let resolve = resolve.bind(gc);
    // 2. If IsCallable(promiseResolve) is false, throw a TypeError exception.
    if !is_callable(agent, resolve) {
        return Err(agent.throw_type_error("The promise constructor's resolve is not callable", gc));
    }
    // 3. Return promiseResolve.
    Ok(resolve)
}

type IteratorRecord<'s, 'd> = (
    Scoped<'s, Value<'static>>,
    Scoped<'s, Value<'static>>,
    &'d mut bool,
);

/// ### [27.2.4.1.2 PerformPromiseAll](https://tc39.es/ecma262/#sec-performpromiseall),
/// [27.2.4.2.1 PerformPromiseAllSettled](https://tc39.es/ecma262/#sec-performpromiseallsettled),
/// [27.2.4.3.1 PerformPromiseAny](https://tc39.es/ecma262/#sec-performpromiseany) and
/// [27.2.4.5.1 PerformPromiseRace](https://tc39.es/ecma262/#sec-performpromiserace)
fn perform<'gc>(
    agent: &mut Agent,
    iterator_record: IteratorRecord,
    constructor: Scoped<Value<'static>>,
    capability: ScopedCapability,
    promise_resolve: Scoped<Value<'static>>,
    which: Combinator,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let (iterator, next, done) = iterator_record;
    // 1. Let values (errors) be a new empty List.
    // 2. Let remainingElementsCount be the Record { [[Value]]: 1 }.
    let shared = match which {
        Combinator::Race => None,
        Combinator::Shared(_) => Some(
            agent
                .alloc_promise_closure(
                    PromiseClosureRecord::Combinator {
                        values: Vec::new(),
                        capability: capability.get(agent),
                        remaining: 1,
                    },
                    gc.nogc(),
                )
                .scope(agent, gc.nogc()),
        ),
    };
    // 3. Let index be 0.
    let mut index: u32 = 0;
    // 4. Repeat,
    loop {
        // a. Let next be ? IteratorStepValue(iteratorRecord).
        let step = iterator_step_value(agent, iterator.get(agent), next.get(agent), gc.reborrow());
        let step = match step {
            Ok(step) => step.unbind(),
            Err(error) => {
                // (IteratorStepValue sets iteratorRecord.[[Done]] when it throws.)
                *done = true;
                return Err(error);
            }
        };
        // b. If next is done, then
        let Some(value) = step else {
            *done = true;
            let Some(shared) = shared else {
                // Race: i. Return resultCapability.[[Promise]].
                return Ok(capability.promise.get(agent).bind(gc.into_nogc()));
            };
            // i. Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] - 1.
            // ii. If remainingElementsCount.[[Value]] = 0, then
            if decrement_remaining(agent, shared.get(agent)) {
                let Combinator::Shared(kind) = which else {
                    unreachable!()
                };
                finish(agent, shared.get(agent), kind, gc.reborrow())?;
            }
            // iii. Return resultCapability.[[Promise]].
            return Ok(capability.promise.get(agent).bind(gc.into_nogc()));
        };
        if let Some(shared) = shared {
            // c. Append undefined to values.
            let holder = shared.get(agent);
            if let PromiseClosureRecord::Combinator { values, .. } = agent.promise_closure(holder) {
                values.push(Value::Undefined);
            }
        }
        // d. Let nextPromise be ? Call(promiseResolve, constructor, « next »).
        let next_promise = call_function(
            agent,
            promise_resolve.get(agent),
            constructor.get(agent),
            ArgumentsList(&[value]),
            gc.reborrow(),
        )?
        .unbind();
        let next_promise = next_promise.scope(agent, gc.nogc());
        let nogc = gc.nogc();
        let (on_fulfilled, on_rejected): (Value, Value) = match (which, shared) {
            // Race: Perform ? Invoke(nextPromise, "then", « resultCapability.[[Resolve]],
            //       resultCapability.[[Reject]] »).
            (Combinator::Race, _) => (capability.resolve.get(agent), capability.reject.get(agent)),
            (Combinator::Shared(kind), Some(shared)) => {
                // e-h. The element closure(s) with [[AlreadyCalled]] false, [[Index]] index,
                //      the shared values, capability and remainingElementsCount.
                let element = agent.alloc_promise_closure(
                    PromiseClosureRecord::Element {
                        already_called: false,
                        index,
                        shared: shared.get(agent),
                    },
                    nogc,
                );
                let (resolve_fn, reject_fn): (Option<RegularFn>, Option<RegularFn>) = match kind {
                    CombinatorKind::All => (Some(all_resolve_element), None),
                    CombinatorKind::AllSettled => (
                        Some(all_settled_resolve_element),
                        Some(all_settled_reject_element),
                    ),
                    CombinatorKind::Any => (None, Some(any_reject_element)),
                };
                let on_fulfilled = match resolve_fn {
                    Some(f) => agent
                        .create_promise_closure_function(f, 1, element, nogc)
                        .into(),
                    None => capability.resolve.get(agent),
                };
                let on_rejected = match reject_fn {
                    Some(f) => agent
                        .create_promise_closure_function(f, 1, element, nogc)
                        .into(),
                    None => capability.reject.get(agent),
                };
                // Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] + 1.
                let holder = shared.get(agent);
                if let PromiseClosureRecord::Combinator { remaining, .. } =
                    agent.promise_closure(holder)
                {
                    *remaining += 1;
                }
                (on_fulfilled, on_rejected)
            }
            (Combinator::Shared(_), None) => unreachable!(),
        };
        // Perform ? Invoke(nextPromise, "then", « onFulfilled, onRejected »).
        invoke(
            agent,
            next_promise.get(agent),
            key("then"),
            ArgumentsList(&[on_fulfilled.unbind(), on_rejected.unbind()]),
            gc.reborrow(),
        )?;
        // Set index to index + 1.
        index += 1;
    }
}

/// Decrements `remainingElementsCount`; true when it reaches zero.
fn decrement_remaining(agent: &mut Agent, shared: Object) -> bool {
    let PromiseClosureRecord::Combinator { remaining, .. } = agent.promise_closure(shared) else {
        unreachable!("combinator state")
    };
    *remaining -= 1;
    *remaining == 0
}

/// All elements are in: `all`/`allSettled` resolve with the values array,
/// `any` rejects with an AggregateError holding the errors.
fn finish<'gc>(
    agent: &mut Agent,
    shared: Object,
    kind: CombinatorKind,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let PromiseClosureRecord::Combinator {
        values, capability, ..
    } = agent.promise_closure(shared)
    else {
        unreachable!("combinator state")
    };
    let values = values.clone();
    let capability = *capability;
    let nogc = gc.nogc();
    // Let valuesArray (errorsArray) be CreateArrayFromList(values (errors)).
    let array = create_array_from_list(agent, &values, nogc);
    if kind == CombinatorKind::Any {
        // Let error be a newly created AggregateError object.
        let prototype = agent.intrinsic(Intrinsic::AggregateErrorPrototype);
        let error = agent.create_object(Some(prototype), ObjectKind::Error, nogc);
        agent.attach_stack(error, nogc);
        // Perform ! DefinePropertyOrThrow(error, "errors", PropertyDescriptor { [[Configurable]]: true,
        // [[Enumerable]]: false, [[Writable]]: true, [[Value]]: errorsArray }).
        error.add_named_data(agent, key("errors"), array.into(), Attributes::BUILTIN);
        // Return ThrowCompletion(error) / Call(capability.[[Reject]], undefined, « error »).
        return call_function(
            agent,
            capability.reject,
            Value::Undefined,
            ArgumentsList(&[error.unbind().into()]),
            gc,
        );
    }
    // Return ? Call(resultCapability.[[Resolve]], undefined, « valuesArray »).
    call_function(
        agent,
        capability.resolve,
        Value::Undefined,
        ArgumentsList(&[array.unbind().into()]),
        gc,
    )
}

/// The common steps of the element functions: checks and sets
/// `[[AlreadyCalled]]`, stores `x` at `[[Index]]`, and finishes when the last
/// element arrives.
fn element_step<'gc>(
    agent: &mut Agent,
    x: Value,
    kind: CombinatorKind,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let F be the active function object.
    let holder = agent.active_promise_closure();
    let PromiseClosureRecord::Element {
        already_called,
        index,
        shared,
    } = agent.promise_closure(holder)
    else {
        unreachable!("element function state")
    };
    // 2. If F.[[AlreadyCalled]] is true, return undefined.
    if *already_called {
        return Ok(Value::Undefined);
    }
    // 3. Set F.[[AlreadyCalled]] to true.
    *already_called = true;
    let (index, shared) = (*index as usize, *shared);
    // Set values[index] (errors[index]) to x.
    if let PromiseClosureRecord::Combinator { values, .. } = agent.promise_closure(shared) {
        values[index] = x.unbind();
    }
    // Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] - 1.
    // If remainingElementsCount.[[Value]] = 0, then finish.
    if decrement_remaining(agent, shared) {
        finish(agent, shared, kind, gc)?;
    }
    // Return undefined.
    Ok(Value::Undefined)
}

/// ### [27.2.4.1.3 Promise.all Resolve Element Functions](https://tc39.es/ecma262/#sec-promise.all-resolve-element-functions)
fn all_resolve_element<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    element_step(agent, args.get(0), CombinatorKind::All, gc)
}

/// Creates `{ status, value }` or `{ status, reason }` for `allSettled`.
fn settled_record<'a>(
    agent: &mut Agent,
    fulfilled: bool,
    x: Value,
    gc: NoGcScope<'a, '_>,
) -> Object<'a> {
    // Let obj be OrdinaryObjectCreate(%Object.prototype%).
    let prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let obj = agent.create_object(Some(prototype), ObjectKind::Ordinary, gc);
    // Perform ! CreateDataPropertyOrThrow(obj, "status", "fulfilled" / "rejected").
    let status = agent.create_string(if fulfilled { "fulfilled" } else { "rejected" }, gc);
    obj.add_named_data(
        agent,
        key("status"),
        status.into_value(),
        Attributes::DEFAULT,
    );
    // Perform ! CreateDataPropertyOrThrow(obj, "value" / "reason", x).
    let name = if fulfilled { "value" } else { "reason" };
    obj.add_named_data(agent, key(name), x, Attributes::DEFAULT);
    obj
}

/// ### [27.2.4.2.2 Promise.allSettled Resolve Element Functions](https://tc39.es/ecma262/#sec-promise.allsettled-resolve-element-functions)
fn all_settled_resolve_element<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let obj = settled_record(agent, true, args.get(0), gc.nogc()).unbind();
    element_step(agent, obj.into(), CombinatorKind::AllSettled, gc)
}

/// ### [27.2.4.2.3 Promise.allSettled Reject Element Functions](https://tc39.es/ecma262/#sec-promise.allsettled-reject-element-functions)
fn all_settled_reject_element<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let obj = settled_record(agent, false, args.get(0), gc.nogc()).unbind();
    element_step(agent, obj.into(), CombinatorKind::AllSettled, gc)
}

/// ### [27.2.4.3.2 Promise.any Reject Element Functions](https://tc39.es/ecma262/#sec-promise.any-reject-element-functions)
fn any_reject_element<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    element_step(agent, args.get(0), CombinatorKind::Any, gc)
}
