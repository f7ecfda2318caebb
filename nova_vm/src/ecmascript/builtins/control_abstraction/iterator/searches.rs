//! ### [27.1.4.10 Iterator.prototype.some](https://tc39.es/ecma262/#sec-iterator.prototype.some), [27.1.4.3 Iterator.prototype.every](https://tc39.es/ecma262/#sec-iterator.prototype.every), [27.1.4.5 Iterator.prototype.find](https://tc39.es/ecma262/#sec-iterator.prototype.find) and Iterator.prototype.includes
//!
//! The eager helpers that stop (and close the iterator) at the first match.
//! `includes` is from the [Iterator Includes](https://tc39.es/proposal-iterator-includes/)
//! proposal, as test262 covers it.

use super::map_filter::this_iterator_with_callback;
use crate::ecmascript::abstract_operations::{
    call_function, get_iterator_direct, iterator_close, iterator_close_on_error,
    iterator_step_value, same_value_zero, to_boolean,
};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::Value;
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let prototype = agent.intrinsic(Intrinsic::IteratorPrototype);
    agent.define_builtin_method(prototype, BuiltinName::Str("some"), 1, some, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("every"), 1, every, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("find"), 1, find, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("includes"), 1, includes, gc);
}

/// What a predicate search is looking for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Search {
    /// `some`: a value for which the predicate is true.
    Some,
    /// `every`: a value for which the predicate is false.
    Every,
    /// `find`: a value for which the predicate is true, returned.
    Find,
}

/// The shared body of `some`, `every` and `find`.
fn predicate_search<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    search: Search,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let method = match search {
        Search::Some => "some",
        Search::Every => "every",
        Search::Find => "find",
    };
    let predicate = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    // 1-5. (this_iterator_with_callback)
    let iterated =
        this_iterator_with_callback(agent, this, predicate.get(agent), method, gc.reborrow())?
            .unbind();
    let iterator = iterated.iterator.scope(agent, gc.nogc());
    let next_method = iterated.next_method.scope(agent, gc.nogc());
    let value_root = Value::Undefined.scope(agent, gc.nogc());
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
        // b. If value is done, return false (some), true (every) or undefined (find).
        let Some(value) = value else {
            return Ok(match search {
                Search::Some => Value::Boolean(false),
                Search::Every => Value::Boolean(true),
                Search::Find => Value::Undefined,
            });
        };
        value_root.set(agent, value);
        // c. Let result be Completion(Call(predicate, undefined, « value, 𝔽(counter) »)).
        let counter_value = agent.number(counter, gc.nogc()).unbind();
        let result = call_function(
            agent,
            predicate.get(agent),
            Value::Undefined,
            ArgumentsList(&[value, counter_value]),
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
        let matched = to_boolean(agent, result);
        // e. If ToBoolean(result) is true (some, find) or false (every), return
        //    ? IteratorClose(iterated, NormalCompletion(true / false / value)).
        if matched != (search == Search::Every) {
            iterator_close(agent, iterator.get(agent).into(), gc.reborrow())?;
            return Ok(match search {
                Search::Some => Value::Boolean(true),
                Search::Every => Value::Boolean(false),
                Search::Find => value_root.get(agent).bind(gc.into_nogc()),
            });
        }
        // f. Set counter to counter + 1.
        counter += 1.0;
    }
}

/// ### [27.1.4.10 Iterator.prototype.some ( predicate )](https://tc39.es/ecma262/#sec-iterator.prototype.some)
fn some<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    predicate_search(agent, this, args, Search::Some, gc)
}

/// ### [27.1.4.3 Iterator.prototype.every ( predicate )](https://tc39.es/ecma262/#sec-iterator.prototype.every)
fn every<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    predicate_search(agent, this, args, Search::Every, gc)
}

/// ### [27.1.4.5 Iterator.prototype.find ( predicate )](https://tc39.es/ecma262/#sec-iterator.prototype.find)
fn find<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    predicate_search(agent, this, args, Search::Find, gc)
}

/// ### Iterator.prototype.includes ( searchElement [ , skippedElements ] )
fn includes<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be the this value.
    // 2. If O is not an Object, throw a TypeError exception.
    let Value::Object(o) = this.bind(gc.nogc()) else {
        return Err(agent.throw_type_error(
            "Iterator.prototype.includes called on a non-object",
            gc.into_nogc(),
        ));
    };
    let o = o.scope(agent, gc.nogc());
    let search_element = args.get(0).bind(gc.nogc()).scope(agent, gc.nogc());
    let skipped_elements = args.get(1);
    // 3. Let iterated be the Iterator Record { [[Iterator]]: O, [[NextMethod]]: undefined,
    //    [[Done]]: false }.
    let to_skip = if skipped_elements.is_undefined() {
        // 4. If skippedElements is undefined, let toSkip be 0.
        0.0
    } else {
        // 5. Else if skippedElements is not one of +∞, -∞, or an integral Number, then
        let n = if skipped_elements.is_number() {
            agent.number_value(skipped_elements)
        } else {
            f64::NAN
        };
        if n.is_nan() || (n.is_finite() && n.trunc() != n) {
            // a. Let error be ThrowCompletion(a newly created TypeError object).
            let error = agent.throw_type_error(
                "Iterator.prototype.includes: skippedElements must be an integer or an infinity",
                gc.nogc(),
            );
            // b. Return ? IteratorClose(iterated, error).
            return Err(iterator_close_on_error(
                agent,
                o.get(agent).into(),
                error,
                gc,
            ));
        }
        // 6. Else, let toSkip be skippedElements.
        n
    };
    // 7. If toSkip < -0𝔽, then
    // 8. If toSkip is finite and toSkip > 𝔽(2⁵³ - 1), then
    if to_skip < 0.0 || (to_skip.is_finite() && to_skip > 9007199254740991.0) {
        // a. Let error be ThrowCompletion(a newly created RangeError object).
        let error = agent.throw_range_error(
            "Iterator.prototype.includes: skippedElements is out of range",
            gc.nogc(),
        );
        // b. Return ? IteratorClose(iterated, error).
        return Err(iterator_close_on_error(
            agent,
            o.get(agent).into(),
            error,
            gc,
        ));
    }
    // 9. Let skipped be +0𝔽.
    let mut skipped = 0.0;
    // 10. Set iterated to ? GetIteratorDirect(O).
    let iterated = get_iterator_direct(agent, o.get(agent), gc.reborrow())?.unbind();
    let iterator = iterated.iterator.scope(agent, gc.nogc());
    let next_method = iterated.next_method.scope(agent, gc.nogc());
    // 11. Repeat,
    loop {
        // a. Let value be ? IteratorStepValue(iterated).
        let value = iterator_step_value(
            agent,
            iterator.get(agent).into(),
            next_method.get(agent),
            gc.reborrow(),
        )?
        .unbind();
        // b. If value is done, return false.
        let Some(value) = value else {
            return Ok(Value::Boolean(false));
        };
        // c. If skipped < toSkip, then
        if skipped < to_skip {
            // i. Set skipped to skipped + 1.
            skipped += 1.0;
        } else if same_value_zero(agent, value, search_element.get(agent)) {
            // d. Else if SameValueZero(value, searchElement) is true, then
            //    i. Return ? IteratorClose(iterated, NormalCompletion(true)).
            iterator_close(agent, iterator.get(agent).into(), gc.reborrow())?;
            return Ok(Value::Boolean(true));
        }
    }
}
