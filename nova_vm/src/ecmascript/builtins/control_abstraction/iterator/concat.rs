//! ### Iterator.concat ( ...items )
//!
//! From the [Iterator Sequencing](https://tc39.es/proposal-iterator-sequencing/)
//! proposal, as test262 covers it.

use super::helper_prototype::{create_iterator_helper, helper_record};
use super::helper_record::HelperKind;
use crate::ecmascript::abstract_operations::{
    IteratorRecord, call_function, get_iterator_direct, get_method, iterator_close,
    iterator_step_value,
};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, HeapRoot, Intrinsic, JsResult};
use crate::ecmascript::types::{Object, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Scoped};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let iterator = agent.intrinsic(Intrinsic::Iterator);
    agent.define_builtin_method(iterator, BuiltinName::Str("concat"), 0, concat, gc);
}

/// ### Iterator.concat ( ...items )
fn concat<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let items_start = agent.scoped_roots.len();
    agent
        .scoped_roots
        .extend(args.as_slice().iter().map(|v| HeapRoot::Value(v.unbind())));
    let count = args.len();
    // 1. Let iterables be a new empty List.
    //    (Each Record { [[OpenMethod]], [[Iterable]] } is rooted as a pair of values.)
    let iterables_start = agent.scoped_roots.len();
    // 2. For each element item of items, do
    for i in 0..count {
        let HeapRoot::Value(item) = agent.scoped_roots[items_start + i] else {
            unreachable!("a value root")
        };
        // a. If item is not an Object, throw a TypeError exception.
        if !item.is_object() {
            return Err(agent.throw_type_error(
                "Iterator.concat: every argument must be an iterable object",
                gc.into_nogc(),
            ));
        }
        // b. Let method be ? GetMethod(item, %Symbol.iterator%).
        let method =
            get_method(agent, item, WellKnownSymbol::Iterator.key(), gc.reborrow())?.unbind();
        // c. If method is undefined, throw a TypeError exception.
        let Some(method) = method else {
            return Err(agent.throw_type_error(
                "Iterator.concat: an argument is not iterable",
                gc.into_nogc(),
            ));
        };
        // d. Append the Record { [[OpenMethod]]: method, [[Iterable]]: item } to iterables.
        let HeapRoot::Value(item) = agent.scoped_roots[items_start + i] else {
            unreachable!("a value root")
        };
        agent.scoped_roots.truncate(iterables_start + 2 * i);
        agent.scoped_roots.push(HeapRoot::Value(method));
        agent.scoped_roots.push(HeapRoot::Value(item));
    }
    agent.scoped_roots.truncate(iterables_start + 2 * count);
    let iterables: Vec<(Value<'static>, Value<'static>)> = agent.scoped_roots[iterables_start..]
        .chunks(2)
        .map(|pair| match pair {
            [HeapRoot::Value(method), HeapRoot::Value(iterable)] => (*method, *iterable),
            _ => unreachable!("value roots"),
        })
        .collect();
    // 3. Let closure be a new Abstract Closure with no parameters that captures iterables
    //    (see concat_step).
    // 4. Let gen be CreateIteratorFromClosure(closure, "Iterator Helper",
    //    %IteratorHelperPrototype%, « [[UnderlyingIterators]] »).
    // 5. Set gen.[[UnderlyingIterators]] to a new empty List.
    let kind = HelperKind::Concat {
        iterables,
        next_index: 0,
        inner: None,
    };
    let gen_object = create_iterator_helper(agent, Vec::new(), kind, gc.into_nogc());
    // 6. Return gen.
    Ok(gen_object.into())
}

/// The inner iterator being yielded from, if any.
fn inner_iterator(
    agent: &mut Agent,
    helper: Scoped<Object<'static>>,
) -> Option<IteratorRecord<'static>> {
    match helper_record(agent, helper.get(agent)).kind {
        HelperKind::Concat { inner, .. } => inner,
        _ => unreachable!("a concat helper"),
    }
}

/// The closure of `Iterator.concat`, from the start or its last `Yield` to its
/// next `Yield`.
pub(super) fn concat_step<'gc>(
    agent: &mut Agent,
    helper: Scoped<Object<'static>>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Value<'gc>>> {
    // a. For each Record iterable of iterables, do
    loop {
        // v. Repeat, while innerAlive is true,
        if let Some(inner) = inner_iterator(agent, helper) {
            // 1. Let innerValue be ? IteratorStepValue(iteratorRecord).
            let inner_value = iterator_step_value(
                agent,
                inner.iterator.into(),
                inner.next_method,
                gc.reborrow(),
            )?
            .unbind();
            match inner_value {
                // 2. If innerValue is done, then
                //    a. Set innerAlive to false.
                None => {
                    if let HelperKind::Concat { inner, .. } =
                        &mut helper_record(agent, helper.get(agent)).kind
                    {
                        *inner = None;
                    }
                    continue;
                }
                // 3. Else,
                //    a. Let completion be Completion(Yield(innerValue)).
                //    b. If completion is an abrupt completion, then ... (concat_return)
                Some(value) => return Ok(Some(value.bind(gc.into_nogc()))),
            }
        }
        let HelperKind::Concat {
            iterables,
            next_index,
            ..
        } = &mut helper_record(agent, helper.get(agent)).kind
        else {
            unreachable!("a concat helper")
        };
        // b. Return ReturnCompletion(undefined).
        let Some(&(open_method, iterable)) = iterables.get(*next_index) else {
            return Ok(None);
        };
        *next_index += 1;
        // i. Let iter be ? Call(iterable.[[OpenMethod]], iterable.[[Iterable]]).
        let iter = call_function(
            agent,
            open_method,
            iterable,
            ArgumentsList::EMPTY,
            gc.reborrow(),
        )?
        .unbind();
        // ii. If iter is not an Object, throw a TypeError exception.
        let Value::Object(iter) = iter else {
            return Err(agent.throw_type_error(
                "Iterator.concat: an iterator method returned a non-object",
                gc.into_nogc(),
            ));
        };
        // iii. Let iteratorRecord be ? GetIteratorDirect(iter).
        let iterator_record = get_iterator_direct(agent, iter, gc.reborrow())?.unbind();
        // iv. Let innerAlive be true.
        if let HelperKind::Concat { inner, .. } = &mut helper_record(agent, helper.get(agent)).kind
        {
            *inner = Some(iterator_record);
        }
    }
}

/// Step 3.a.v.3.b of `Iterator.concat`: a return completion at the `Yield`
/// closes the inner iterator.
pub(super) fn concat_return<'gc>(
    agent: &mut Agent,
    helper: Scoped<Object<'static>>,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    // i. Return ? IteratorClose(iteratorRecord, completion).
    match inner_iterator(agent, helper) {
        Some(inner) => iterator_close(agent, inner.iterator.into(), gc),
        None => Ok(()),
    }
}
