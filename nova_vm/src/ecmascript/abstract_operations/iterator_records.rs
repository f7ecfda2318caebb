//! ### [7.4 Operations on Iterator Objects](https://tc39.es/ecma262/#sec-operations-on-iterator-objects): Iterator Records
//!
//! The operations on Iterator Records that the iterator helpers
//! ([27.1](https://tc39.es/ecma262/#sec-iteration)) and the iterator proposals
//! built on them use: GetIteratorDirect, GetIteratorFlattenable, IteratorStep
//! and IteratorCloseAll.

use super::iterators::{iterator_close, iterator_close_on_error};
use super::operations_on_objects::{call_function, get, get_method};
use super::type_conversion::to_boolean;
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsError, JsResult};
use crate::ecmascript::types::{Object, PropertyKey, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};
use crate::heap::{HandleVisitor, Trace};

/// ### [7.4.1 Iterator Records](https://tc39.es/ecma262/#sec-iterator-records)
///
/// `[[Iterator]]` and `[[NextMethod]]` (the `[[Done]]` flag is kept by the
/// callers that need it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IteratorRecord<'a> {
    /// `[[Iterator]]`
    pub iterator: Object<'a>,
    /// `[[NextMethod]]`
    pub next_method: Value<'a>,
}

impl Bindable for IteratorRecord<'_> {
    type Of<'b> = IteratorRecord<'b>;
    fn unbind(self) -> IteratorRecord<'static> {
        IteratorRecord {
            iterator: self.iterator.unbind(),
            next_method: self.next_method.unbind(),
        }
    }
    fn bind<'b>(self, gc: NoGcScope<'b, '_>) -> IteratorRecord<'b> {
        IteratorRecord {
            iterator: self.iterator.bind(gc),
            next_method: self.next_method.bind(gc),
        }
    }
}

impl Trace for IteratorRecord<'_> {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.iterator.visit(visitor);
        self.next_method.trace(visitor);
    }
}

/// How GetIteratorFlattenable treats primitives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrimitiveHandling {
    /// ~iterate-string-primitives~ (~iterate-strings~): Strings are iterated.
    IterateStrings,
    /// ~reject-primitives~ (~reject-strings~): every primitive is rejected.
    RejectPrimitives,
}

fn next_key() -> PropertyKey<'static> {
    PropertyKey::from_static_str("next").expect("short key")
}

/// ### [7.4.2 GetIteratorDirect ( obj )](https://tc39.es/ecma262/#sec-getiteratordirect)
pub fn get_iterator_direct<'gc>(
    agent: &mut Agent,
    obj: Object,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, IteratorRecord<'gc>> {
    let obj = obj.bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let nextMethod be ? Get(obj, "next").
    let next_method = get(agent, obj.get(agent), next_key(), gc.reborrow())?.unbind();
    // 2. Let iteratorRecord be the Iterator Record { [[Iterator]]: obj, [[NextMethod]]: nextMethod,
    //    [[Done]]: false }.
    let gc = gc.into_nogc();
    // 3. Return iteratorRecord.
    Ok(IteratorRecord {
        iterator: obj.get(agent).bind(gc),
        next_method: next_method.bind(gc),
    })
}

/// ### [7.4.5 GetIteratorFlattenable ( obj, primitiveHandling )](https://tc39.es/ecma262/#sec-getiteratorflattenable)
pub fn get_iterator_flattenable<'gc>(
    agent: &mut Agent,
    obj: Value,
    primitive_handling: PrimitiveHandling,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, IteratorRecord<'gc>> {
    let obj = obj.bind(gc.nogc());
    // 1. If obj is not an Object, then
    if !obj.is_object() {
        // a. If primitiveHandling is reject-primitives, throw a TypeError exception.
        // b. Assert: primitiveHandling is iterate-string-primitives.
        // c. If obj is not a String, throw a TypeError exception.
        if primitive_handling == PrimitiveHandling::RejectPrimitives || !obj.is_string() {
            return Err(agent.throw_type_error("Value is not an iterable object", gc.into_nogc()));
        }
    }
    let obj = obj.scope(agent, gc.nogc());
    // 2. Let method be ? GetMethod(obj, %Symbol.iterator%).
    let method = get_method(
        agent,
        obj.get(agent),
        WellKnownSymbol::Iterator.key(),
        gc.reborrow(),
    )?
    .unbind();
    let iterator = match method {
        // 3. If method is undefined, then
        //    a. Let iterator be obj.
        None => obj.get(agent),
        // 4. Else,
        //    a. Let iterator be ? Call(method, obj).
        Some(method) => call_function(
            agent,
            method,
            obj.get(agent),
            ArgumentsList::EMPTY,
            gc.reborrow(),
        )?
        .unbind(),
    };
    // 5. If iterator is not an Object, throw a TypeError exception.
    let Value::Object(iterator) = iterator else {
        return Err(agent.throw_type_error("Iterator is not an object", gc.into_nogc()));
    };
    // 6. Return ? GetIteratorDirect(iterator).
    get_iterator_direct(agent, iterator, gc)
}

/// ### [7.4.9 IteratorStep ( iteratorRecord )](https://tc39.es/ecma262/#sec-iteratorstep)
///
/// The result object, or `None` for ~done~.
pub fn iterator_step<'gc>(
    agent: &mut Agent,
    iterator_record: IteratorRecord,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Object<'gc>>> {
    // 1. Let result be ? IteratorNext(iteratorRecord).
    //    (7.4.6 IteratorNext: 1. Let result be Completion(Call(iteratorRecord.[[NextMethod]],
    //    iteratorRecord.[[Iterator]])). 5. If result is not an Object, throw a TypeError exception.)
    let result = call_function(
        agent,
        iterator_record.next_method,
        iterator_record.iterator.into(),
        ArgumentsList::EMPTY,
        gc.reborrow(),
    )?
    .unbind();
    let Value::Object(result) = result else {
        return Err(agent.throw_type_error("Iterator result is not an object", gc.into_nogc()));
    };
    let result = result.scope(agent, gc.nogc());
    // 2. Let done be Completion(IteratorComplete(result)).
    //    (7.4.7 IteratorComplete: 1. Return ToBoolean(? Get(iteratorResult, "done")).)
    let done_key = PropertyKey::from_static_str("done").expect("short key");
    let done = get(agent, result.get(agent), done_key, gc.reborrow())?;
    let done = to_boolean(agent, done);
    // 5. If done is true, then
    //    a. Set iteratorRecord.[[Done]] to true.
    //    b. Return done.
    if done {
        return Ok(None);
    }
    // 6. Return result.
    Ok(Some(result.get(agent).bind(gc.into_nogc())))
}

/// ### IteratorCloseAll ( iters, completion )
///
/// From the [Joint Iteration](https://tc39.es/proposal-joint-iteration/#sec-closeall)
/// proposal: closes `iters` in reverse List order, threading `completion`
/// (`Ok` for a normal or return completion) through each IteratorClose.
pub fn iterator_close_all<'gc>(
    agent: &mut Agent,
    iters: &[Object<'static>],
    completion: Result<(), JsError>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let start = agent.scoped_roots.len();
    for iter in iters {
        iter.scope(agent, gc.nogc());
    }
    let mut completion = completion;
    // 1. For each element iter of iters, in reverse List order, do
    for i in (0..iters.len()).rev() {
        let crate::ecmascript::execution::HeapRoot::Value(iter) = agent.scoped_roots[start + i]
        else {
            unreachable!("an iterator root")
        };
        // a. Set completion to Completion(IteratorClose(iter, completion)).
        completion = match completion {
            Ok(()) => iterator_close(agent, iter, gc.reborrow()),
            Err(error) => Err(iterator_close_on_error(agent, iter, error, gc.reborrow())),
        };
    }
    agent.scoped_roots.truncate(start);
    // 2. Return ? completion.
    completion
}
