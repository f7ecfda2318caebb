//! ### [27.1.4.9 Iterator.prototype.reduce](https://tc39.es/ecma262/#sec-iterator.prototype.reduce), [27.1.4.12 Iterator.prototype.toArray](https://tc39.es/ecma262/#sec-iterator.prototype.toarray) and [27.1.4.7 Iterator.prototype.forEach](https://tc39.es/ecma262/#sec-iterator.prototype.foreach)
//!
//! The eager helpers that consume the whole iterator.

use super::map_filter::this_iterator_with_callback;
use crate::ecmascript::abstract_operations::{
    call_function, create_array_from_list, get_iterator_direct, iterator_close_on_error,
    iterator_step_value,
};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, HeapRoot, Intrinsic, JsResult};
use crate::ecmascript::types::Value;
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let prototype = agent.intrinsic(Intrinsic::IteratorPrototype);
    agent.define_builtin_method(prototype, BuiltinName::Str("reduce"), 1, reduce, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("toArray"), 0, to_array, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("forEach"), 1, for_each, gc);
}

/// ### [27.1.4.9 Iterator.prototype.reduce ( reducer [ , initialValue ] )](https://tc39.es/ecma262/#sec-iterator.prototype.reduce)
fn reduce<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let reducer = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    let initial_value = (args.len() >= 2).then(|| args.get(1).bind(gc.nogc()).unbind());
    let initial_value = initial_value.map(|v| v.scope(agent, gc.nogc()));
    // 1-5. (this_iterator_with_callback)
    let iterated =
        this_iterator_with_callback(agent, this, reducer.get(agent), "reduce", gc.reborrow())?
            .unbind();
    let iterator = iterated.iterator.scope(agent, gc.nogc());
    let next_method = iterated.next_method.scope(agent, gc.nogc());
    // 6. If initialValue is not present, then
    let (accumulator, mut counter) = match initial_value {
        None => {
            // a. Let accumulator be ? IteratorStepValue(iterated).
            let accumulator = iterator_step_value(
                agent,
                iterator.get(agent).into(),
                next_method.get(agent),
                gc.reborrow(),
            )?
            .unbind();
            // b. If accumulator is done, throw a TypeError exception.
            let Some(accumulator) = accumulator else {
                return Err(agent.throw_type_error(
                    "Iterator.prototype.reduce of an empty iterator with no initial value",
                    gc.into_nogc(),
                ));
            };
            // c. Let counter be 1.
            (accumulator, 1.0)
        }
        // 7. Else,
        //    a. Let accumulator be initialValue.
        //    b. Let counter be 0.
        Some(initial_value) => (initial_value.get(agent), 0.0),
    };
    let accumulator = accumulator.scope(agent, gc.nogc());
    // 8. Repeat,
    loop {
        // a. Let value be ? IteratorStepValue(iterated).
        let value = iterator_step_value(
            agent,
            iterator.get(agent).into(),
            next_method.get(agent),
            gc.reborrow(),
        )?
        .unbind();
        // b. If value is done, return accumulator.
        let Some(value) = value else {
            return Ok(accumulator.get(agent).bind(gc.into_nogc()));
        };
        // c. Let result be Completion(Call(reducer, undefined, « accumulator, value,
        //    𝔽(counter) »)).
        let counter_value = agent.number(counter, gc.nogc()).unbind();
        let result = call_function(
            agent,
            reducer.get(agent),
            Value::Undefined,
            ArgumentsList(&[accumulator.get(agent), value, counter_value]),
            gc.reborrow(),
        );
        // d. IfAbruptCloseIterator(result, iterated).
        let result = match result {
            Ok(result) => result.unbind(),
            Err(error) => {
                return Err(iterator_close_on_error(
                    agent,
                    iterator.get(agent).into(),
                    error,
                    gc,
                ));
            }
        };
        // e. Set accumulator to result.
        accumulator.set(agent, result);
        // f. Set counter to counter + 1.
        counter += 1.0;
    }
}

/// ### [27.1.4.12 Iterator.prototype.toArray ( )](https://tc39.es/ecma262/#sec-iterator.prototype.toarray)
fn to_array<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be the this value.
    // 2. If O is not an Object, throw a TypeError exception.
    let Value::Object(o) = this.bind(gc.nogc()) else {
        return Err(agent.throw_type_error(
            "Iterator.prototype.toArray called on a non-object",
            gc.into_nogc(),
        ));
    };
    // 3. Let iterated be ? GetIteratorDirect(O).
    let iterated = get_iterator_direct(agent, o.unbind(), gc.reborrow())?.unbind();
    let iterator = iterated.iterator.scope(agent, gc.nogc());
    let next_method = iterated.next_method.scope(agent, gc.nogc());
    // 4. Let items be a new empty List.
    //    (Its elements are the roots from `items_start` on.)
    let items_start = agent.scoped_roots.len();
    let mut items_len = 0;
    // 5. Repeat,
    loop {
        // a. Let value be ? IteratorStepValue(iterated).
        let value = iterator_step_value(
            agent,
            iterator.get(agent).into(),
            next_method.get(agent),
            gc.reborrow(),
        )?
        .unbind();
        // c. Append value to items.
        let Some(value) = value else {
            break;
        };
        agent.scoped_roots.truncate(items_start + items_len);
        agent.scoped_roots.push(HeapRoot::Value(value));
        items_len += 1;
    }
    agent.scoped_roots.truncate(items_start + items_len);
    // b. If value is done, return CreateArrayFromList(items).
    let items: Vec<Value> = agent.scoped_roots[items_start..]
        .iter()
        .map(|root| match root {
            HeapRoot::Value(v) => *v,
            _ => unreachable!("a value root"),
        })
        .collect();
    Ok(create_array_from_list(agent, &items, gc.into_nogc()).into())
}

/// ### [27.1.4.7 Iterator.prototype.forEach ( procedure )](https://tc39.es/ecma262/#sec-iterator.prototype.foreach)
fn for_each<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let procedure = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1-5. (this_iterator_with_callback)
    let iterated =
        this_iterator_with_callback(agent, this, procedure.get(agent), "forEach", gc.reborrow())?
            .unbind();
    let iterator = iterated.iterator.scope(agent, gc.nogc());
    let next_method = iterated.next_method.scope(agent, gc.nogc());
    // 6. Let counter be 0.
    let mut counter = 0.0;
    // 7. Repeat,
    loop {
        // a. Let value be ? IteratorStepValue(iterated).
        let value = iterator_step_value(
            agent,
            iterator.get(agent).into(),
            next_method.get(agent),
            gc.reborrow(),
        )?
        .unbind();
        // b. If value is done, return undefined.
        let Some(value) = value else {
            return Ok(Value::Undefined);
        };
        // c. Let result be Completion(Call(procedure, undefined, « value, 𝔽(counter) »)).
        let counter_value = agent.number(counter, gc.nogc()).unbind();
        let result = call_function(
            agent,
            procedure.get(agent),
            Value::Undefined,
            ArgumentsList(&[value, counter_value]),
            gc.reborrow(),
        );
        // d. IfAbruptCloseIterator(result, iterated).
        if let Err(error) = result {
            return Err(iterator_close_on_error(
                agent,
                iterator.get(agent).into(),
                error,
                gc,
            ));
        }
        // e. Set counter to counter + 1.
        counter += 1.0;
    }
}
