//! ### [7.4.13 IteratorToList ( iteratorRecord )](https://tc39.es/ecma262/#sec-iteratortolist)

use super::iterators::{get_iterator, iterator_step_value};
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::Value;
use crate::engine::{Bindable, GcScope, Rootable};

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
    let mut values = Vec::new();
    // 2. Repeat,
    //    a. Let next be ? IteratorStepValue(iteratorRecord).
    //    b. If next is done, return values.
    //    c. Append next to values.
    while let Some(value) =
        iterator_step_value(agent, iterator.get(agent), next.get(agent), gc.reborrow())?
    {
        let value = value.unbind();
        values.push(value.scope(agent, gc.nogc()));
    }
    let gc = gc.into_nogc();
    Ok(values.into_iter().map(|v| v.get(agent).bind(gc)).collect())
}
