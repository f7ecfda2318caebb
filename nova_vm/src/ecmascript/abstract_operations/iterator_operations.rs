//! Parts of [7.4 Operations on Iterator Objects](https://tc39.es/ecma262/#sec-operations-on-iterator-objects)
//! that built-ins use (the interpreter has the core ones: GetIterator,
//! IteratorStepValue, IteratorClose).

use crate::ecmascript::execution::{Agent, HeapRoot, JsError, JsResult};
use crate::ecmascript::types::Value;
use crate::engine::interpreter::{get_iterator, iterator_close, iterator_step_value};
use crate::engine::{Bindable, GcScope, Rootable};

/// ### [7.4.11 IteratorClose ( iteratorRecord, completion )](https://tc39.es/ecma262/#sec-iteratorclose) for a throw completion
///
/// Calls the iterator's `return` method, ignoring anything it returns or
/// throws, and gives back `error` (the original throw completion).
pub fn iterator_close_with_error(
    agent: &mut Agent,
    iterator: Value,
    error: JsError,
    gc: GcScope<'_, '_>,
) -> JsError {
    // 3. Let innerResult be Completion(GetMethod(iterator, "return")).
    // 4. If innerResult is a normal completion, then ... Set innerResult to Completion(Call(return, iterator)).
    // 5. If completion is a throw completion, return ? completion.
    let pending = agent.pending_exception.take();
    let _ = iterator_close(agent, iterator, gc);
    agent.pending_exception = pending;
    error
}

/// ### [7.4.13 IteratorToList ( iteratorRecord )](https://tc39.es/ecma262/#sec-iteratortolist) of
/// GetIterator(items, sync): the values of an iterable, rooted while they are collected.
pub fn iterable_to_list<'gc>(
    agent: &mut Agent,
    items: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Vec<Value<'gc>>> {
    // GetIterator(items, sync)
    let (iterator, next) = get_iterator(agent, items, gc.reborrow())?;
    let (iterator, next) = (iterator.unbind(), next.unbind());
    let iterator = iterator.scope(agent, gc.nogc());
    let next = next.scope(agent, gc.nogc());
    // 1. Let values be a new empty List.
    let start = agent.scoped_roots.len();
    // 2. Repeat,
    //    a. Let next be ? IteratorStepValue(iteratorRecord).
    //    b. If next is done, return values.
    //    c. Append next to values.
    while let Some(value) =
        iterator_step_value(agent, iterator.get(agent), next.get(agent), gc.reborrow())?
    {
        let value = value.unbind();
        agent.scoped_roots.push(HeapRoot::Value(value));
    }
    let gc = gc.into_nogc();
    let values = agent.scoped_roots[start..]
        .iter()
        .map(|r| match r {
            HeapRoot::Value(v) => v.bind(gc),
            _ => unreachable!("value root"),
        })
        .collect();
    agent.scoped_roots.truncate(start);
    Ok(values)
}
