//! Iteration: [7.4 Operations on Iterator Objects](https://tc39.es/ecma262/#sec-operations-on-iterator-objects),
//! spread, and [14.7.5.9 for-in enumeration](https://tc39.es/ecma262/#sec-enumerate-object-properties).

use crate::ecmascript::abstract_operations::{
    get_iterator, has_property, iterator_step_value, to_object,
};
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::object::{Attributes, ElementsRecord, ObjectKind};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, Rootable};

/// Appends every value of `iterable` to the array in absolute register `array_register`.
pub(crate) fn array_spread<'gc>(
    agent: &mut Agent,
    array_register: usize,
    iterable: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let (iterator, next) = get_iterator(agent, iterable, gc.reborrow())?;
    let (iterator, next) = (iterator.unbind(), next.unbind());
    let iterator = iterator.scope(agent, gc.nogc());
    let next = next.scope(agent, gc.nogc());
    while let Some(value) =
        iterator_step_value(agent, iterator.get(agent), next.get(agent), gc.reborrow())?
    {
        // (An iterator may never end: the host may stop it.)
        if agent.interrupt_requested() {
            return Err(agent.throw_range_error("Execution interrupted", gc.into_nogc()));
        }
        let value = value.unbind();
        let Value::Object(array) = agent.vm.stack[array_register] else {
            unreachable!("spread target array")
        };
        let elements = array.elements_mut(agent);
        let index = elements.length;
        elements.set(index, value, Attributes::DEFAULT);
        elements.length = index + 1;
    }
    Ok(())
}

/// Moves the elements of the argument array in register `start` into
/// registers `start..`, returning how many there are.
pub(crate) fn unpack_spread_array(agent: &mut Agent, start: usize) -> usize {
    let Value::Object(array) = agent.vm.stack[start] else {
        unreachable!("spread arguments array")
    };
    let values: Vec<Value<'static>> = match array.elements(agent) {
        Some(e) => (0..e.length as usize)
            .map(|i| e.dense.get(i).copied().flatten().unwrap_or_default())
            .collect(),
        None => Vec::new(),
    };
    let needed = start + values.len();
    if agent.vm.stack.len() < needed {
        agent.vm.stack.resize(needed, Value::Undefined);
    }
    agent.vm.stack[start..needed].copy_from_slice(&values);
    values.len()
}

/// ### [14.7.5.6 ForIn/OfHeadEvaluation](https://tc39.es/ecma262/#sec-runtime-semantics-forinofheadevaluation) for `for-in`:
/// an internal iterator over the enumerable string keys of the object and its prototypes.
pub(crate) fn for_in_start<'gc>(
    agent: &mut Agent,
    value: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let object = to_object(agent, value, gc.nogc())?
        .unbind()
        .scope(agent, gc.nogc());
    // The iterator keeps: [0] the object, [1] the next position, then the keys.
    let iterator = agent
        .create_object(None, ObjectKind::Ordinary, gc.nogc())
        .unbind();
    iterator.set_elements(
        agent,
        ElementsRecord::from_values(vec![
            Some(object.get(agent).into()),
            Some(Value::Integer(2)),
        ]),
    );
    let iterator = iterator.scope(agent, gc.nogc());
    let mut current: Option<Object<'static>> = Some(object.get(agent));
    let mut visited: Vec<String> = Vec::new();
    while let Some(o) = current {
        let o_root = o.scope(agent, gc.nogc());
        let keys = o.internal_own_property_keys(agent, gc.reborrow())?.unbind();
        let keys_start = agent.scoped_roots.len();
        agent.scoped_roots.extend(
            keys.iter()
                .map(|k| crate::ecmascript::execution::HeapRoot::Key(*k)),
        );
        for i in 0..keys.len() {
            let crate::ecmascript::execution::HeapRoot::Key(k) = agent.scoped_roots[keys_start + i]
            else {
                unreachable!("key root")
            };
            if k.is_symbol() || visited.contains(&agent.key_display(k)) {
                continue;
            }
            let desc = o_root
                .get(agent)
                .internal_get_own_property(agent, k, gc.reborrow())?;
            let enumerable = desc.is_some_and(|d| d.enumerable == Some(true));
            let crate::ecmascript::execution::HeapRoot::Key(k) = agent.scoped_roots[keys_start + i]
            else {
                unreachable!("key root")
            };
            if desc.is_some() {
                visited.push(agent.key_display(k));
            }
            if enumerable {
                let key_value = agent.key_to_value(k, gc.nogc()).unbind();
                let elements = iterator.get(agent).elements_mut(agent);
                let index = elements.dense.len() as u32;
                elements.set(index, key_value, Attributes::DEFAULT);
            }
        }
        agent.scoped_roots.truncate(keys_start);
        current = o_root
            .get(agent)
            .internal_get_prototype_of(agent, gc.reborrow())?
            .unbind();
    }
    Ok(iterator.get(agent).bind(gc.into_nogc()).into())
}

/// The next key of a for-in iterator that is still present, or `None`.
pub(crate) fn for_in_next<'gc>(
    agent: &mut Agent,
    iterator: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Value<'gc>>> {
    let Value::Object(iterator) = iterator else {
        unreachable!("for-in iterator")
    };
    let iterator = iterator.bind(gc.nogc()).scope(agent, gc.nogc());
    loop {
        let elements = iterator.get(agent).elements(agent).expect("for-in state");
        let Some(Some(Value::Integer(position))) = elements.dense.get(1).copied() else {
            unreachable!("for-in position")
        };
        let Some(Some(key)) = elements.dense.get(position as usize).copied() else {
            return Ok(None);
        };
        let Some(Some(Value::Object(object))) = elements.dense.first().copied() else {
            unreachable!("for-in object")
        };
        iterator.get(agent).elements_mut(agent).dense[1] = Some(Value::Integer(position + 1));
        // Skip properties deleted before being visited.
        let s = key.as_string().expect("for-in key");
        let property = agent.string_to_key(s, gc.nogc()).unbind();
        if has_property(agent, object, property, gc.reborrow())? {
            let elements = iterator.get(agent).elements(agent).expect("for-in state");
            let key = elements.dense[position as usize].expect("key");
            return Ok(Some(key.bind(gc.into_nogc())));
        }
    }
}
