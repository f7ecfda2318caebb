//! ### [27.1.4.11 Iterator.prototype.take ( limit )](https://tc39.es/ecma262/#sec-iterator.prototype.take) and [27.1.4.2 Iterator.prototype.drop ( limit )](https://tc39.es/ecma262/#sec-iterator.prototype.drop)

use super::helper_prototype::{create_iterator_helper, helper_record, underlying_iterator};
use super::helper_record::HelperKind;
use crate::ecmascript::abstract_operations::{
    IteratorRecord, get_iterator_direct, iterator_close, iterator_close_on_error, iterator_step,
    iterator_step_value, to_number,
};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable, Scoped};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let prototype = agent.intrinsic(Intrinsic::IteratorPrototype);
    agent.define_builtin_method(prototype, BuiltinName::Str("take"), 1, take, gc);
    agent.define_builtin_method(prototype, BuiltinName::Str("drop"), 1, drop, gc);
}

/// Steps 1-10 of `take` and `drop`: the this value must be an Object and the
/// limit a non-negative number (else the iterator is closed); returns the
/// iterator record and integerLimit.
fn this_iterator_with_limit<'gc>(
    agent: &mut Agent,
    this: Value,
    limit: Value,
    method: &str,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, (IteratorRecord<'gc>, f64)> {
    // 1. Let O be the this value.
    // 2. If O is not an Object, throw a TypeError exception.
    let Value::Object(o) = this.bind(gc.nogc()) else {
        let message = format!("Iterator.prototype.{method} called on a non-object");
        return Err(agent.throw_type_error(&message, gc.into_nogc()));
    };
    let o = o.scope(agent, gc.nogc());
    // 3. Let iterated be the Iterator Record { [[Iterator]]: O, [[NextMethod]]: undefined,
    //    [[Done]]: false }.
    // 4. Let numLimit be Completion(ToNumber(limit)).
    // 5. IfAbruptCloseIterator(numLimit, iterated).
    let num_limit = match to_number(agent, limit, gc.reborrow()) {
        Ok(n) => n,
        Err(error) => {
            return Err(iterator_close_on_error(
                agent,
                o.get(agent).into(),
                error,
                gc,
            ));
        }
    };
    // 6. If numLimit is NaN, then
    // 7. If numLimit is finite and numLimit > 𝔽(2⁵³ - 1), then
    // 8. Let integerLimit be ! ToIntegerOrInfinity(numLimit).
    // 9. If integerLimit < 0, then
    let integer_limit = num_limit.trunc() + 0.0;
    if num_limit.is_nan()
        || (num_limit.is_finite() && num_limit > 9007199254740991.0)
        || integer_limit < 0.0
    {
        // a. Let error be ThrowCompletion(a newly created RangeError object).
        let message = format!(
            "Iterator.prototype.{method}: the limit must be a non-negative number no larger than 2^53 - 1"
        );
        let error = agent.throw_range_error(&message, gc.nogc());
        // b. Return ? IteratorClose(iterated, error).
        return Err(iterator_close_on_error(
            agent,
            o.get(agent).into(),
            error,
            gc,
        ));
    }
    // 10. Set iterated to ? GetIteratorDirect(O).
    let iterated = get_iterator_direct(agent, o.get(agent), gc)?;
    Ok((iterated, integer_limit))
}

/// ### [27.1.4.11 Iterator.prototype.take ( limit )](https://tc39.es/ecma262/#sec-iterator.prototype.take)
fn take<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1-10. (this_iterator_with_limit)
    let (iterated, integer_limit) =
        this_iterator_with_limit(agent, this, args.get(0), "take", gc.reborrow())?;
    let iterated = iterated.unbind();
    // 11. Let closure be a new Abstract Closure with no parameters that captures iterated and
    //     integerLimit (see take_step).
    // 12. Let result be CreateIteratorFromClosure(closure, "Iterator Helper",
    //     %IteratorHelperPrototype%, « [[UnderlyingIterator]] »).
    // 13. Set result.[[UnderlyingIterator]] to iterated.
    let kind = HelperKind::Take {
        remaining: integer_limit,
    };
    let result = create_iterator_helper(agent, vec![iterated], kind, gc.into_nogc());
    // 14. Return result.
    Ok(result.into())
}

/// The closure of `Iterator.prototype.take`, from the start or its last
/// `Yield` to its next `Yield`.
pub(super) fn take_step<'gc>(
    agent: &mut Agent,
    helper: Scoped<Object<'static>>,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Value<'gc>>> {
    let iterated = underlying_iterator(agent, helper);
    let HelperKind::Take { remaining } = &mut helper_record(agent, helper.get(agent)).kind else {
        unreachable!("a take helper")
    };
    // a. Let remaining be integerLimit.
    // b. Repeat,
    //    i. If remaining = 0, then
    if *remaining == 0.0 {
        // 1. Return ? IteratorClose(iterated, ReturnCompletion(undefined)).
        iterator_close(agent, iterated.iterator.into(), gc)?;
        return Ok(None);
    }
    //    ii. If remaining ≠ +∞, then
    //        1. Set remaining to remaining - 1.
    if *remaining != f64::INFINITY {
        *remaining -= 1.0;
    }
    //    iii. Let value be ? IteratorStepValue(iterated).
    //    iv. If value is done, return ReturnCompletion(undefined).
    //    v. Let completion be Completion(Yield(value)).
    //    vi. IfAbruptCloseIterator(completion, iterated).
    iterator_step_value(agent, iterated.iterator.into(), iterated.next_method, gc)
}

/// ### [27.1.4.2 Iterator.prototype.drop ( limit )](https://tc39.es/ecma262/#sec-iterator.prototype.drop)
fn drop<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1-10. (this_iterator_with_limit)
    let (iterated, integer_limit) =
        this_iterator_with_limit(agent, this, args.get(0), "drop", gc.reborrow())?;
    let iterated = iterated.unbind();
    // 11. Let closure be a new Abstract Closure with no parameters that captures iterated and
    //     integerLimit (see drop_step).
    // 12. Let result be CreateIteratorFromClosure(closure, "Iterator Helper",
    //     %IteratorHelperPrototype%, « [[UnderlyingIterator]] »).
    // 13. Set result.[[UnderlyingIterator]] to iterated.
    let kind = HelperKind::Drop {
        remaining: integer_limit,
    };
    let result = create_iterator_helper(agent, vec![iterated], kind, gc.into_nogc());
    // 14. Return result.
    Ok(result.into())
}

/// The closure of `Iterator.prototype.drop`, from the start or its last
/// `Yield` to its next `Yield`.
pub(super) fn drop_step<'gc>(
    agent: &mut Agent,
    helper: Scoped<Object<'static>>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Value<'gc>>> {
    // a. Let remaining be integerLimit.
    // b. Repeat, while remaining > 0,
    loop {
        let HelperKind::Drop { remaining } = &mut helper_record(agent, helper.get(agent)).kind
        else {
            unreachable!("a drop helper")
        };
        if *remaining <= 0.0 {
            break;
        }
        // i. If remaining ≠ +∞, then
        //    1. Set remaining to remaining - 1.
        if *remaining != f64::INFINITY {
            *remaining -= 1.0;
        }
        // ii. Let next be ? IteratorStep(iterated).
        // iii. If next is done, return ReturnCompletion(undefined).
        let iterated = underlying_iterator(agent, helper);
        if iterator_step(agent, iterated, gc.reborrow())?.is_none() {
            return Ok(None);
        }
    }
    // c. Repeat,
    //    i. Let value be ? IteratorStepValue(iterated).
    //    ii. If value is done, return ReturnCompletion(undefined).
    //    iii. Let completion be Completion(Yield(value)).
    //    iv. IfAbruptCloseIterator(completion, iterated).
    let iterated = underlying_iterator(agent, helper);
    iterator_step_value(agent, iterated.iterator.into(), iterated.next_method, gc)
}
