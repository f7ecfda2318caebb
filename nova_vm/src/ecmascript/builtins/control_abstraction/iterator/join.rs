//! ### Iterator.prototype.join ( separator )
//!
//! From the [Iterator Join](https://tc39.es/proposal-iterator-join/) proposal,
//! as test262 covers it.

use crate::ecmascript::abstract_operations::{
    get_iterator_direct, iterator_close_on_error, iterator_step_value, to_string,
};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::Value;
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let prototype = agent.intrinsic(Intrinsic::IteratorPrototype);
    agent.define_builtin_method(prototype, BuiltinName::Str("join"), 1, join, gc);
}

/// ### Iterator.prototype.join ( separator )
fn join<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be the this value.
    // 2. If O is not an Object, throw a TypeError exception.
    let Value::Object(o) = this.bind(gc.nogc()) else {
        return Err(agent.throw_type_error(
            "Iterator.prototype.join called on a non-object",
            gc.into_nogc(),
        ));
    };
    let o = o.scope(agent, gc.nogc());
    let separator = args.get(0);
    // 3. Let iterated be the Iterator Record { [[Iterator]]: O, [[NextMethod]]: undefined,
    //    [[Done]]: false }.
    // 4. If separator is undefined, then
    //    a. Let sep be ",".
    let sep: Vec<u16> = if separator.is_undefined() {
        vec![u16::from(b',')]
    } else {
        // 5. Else,
        //    a. Let sep be Completion(ToString(separator)).
        //    b. IfAbruptCloseIterator(sep, iterated).
        match to_string(agent, separator, gc.reborrow()) {
            Ok(sep) => {
                let sep = sep.unbind();
                agent.string_utf16(sep).into_owned()
            }
            Err(error) => {
                return Err(iterator_close_on_error(
                    agent,
                    o.get(agent).into(),
                    error,
                    gc,
                ));
            }
        }
    };
    // 6. Set iterated to ? GetIteratorDirect(O).
    let iterated = get_iterator_direct(agent, o.get(agent), gc.reborrow())?.unbind();
    let iterator = iterated.iterator.scope(agent, gc.nogc());
    let next_method = iterated.next_method.scope(agent, gc.nogc());
    // 7. Let R be the empty String.
    let mut r: Vec<u16> = Vec::new();
    // 8. Let first be true.
    let mut first = true;
    // 9. Repeat,
    loop {
        // a. Let value be ? IteratorStepValue(iterated).
        let value = iterator_step_value(
            agent,
            iterator.get(agent).into(),
            next_method.get(agent),
            gc.reborrow(),
        )?
        .unbind();
        // b. If value is done, return R.
        let Some(value) = value else {
            return Ok(agent
                .create_string_from_utf16(&r, gc.into_nogc())
                .into_value());
        };
        // c. If first is true, then
        //    i. Set first to false.
        // d. Else,
        //    i. Set R to the string-concatenation of R and sep.
        if first {
            first = false;
        } else {
            r.extend_from_slice(&sep);
        }
        // e. If value is neither undefined nor null, then
        if !value.is_nullish() {
            // i. Let S be Completion(ToString(value)).
            // ii. IfAbruptCloseIterator(S, iterated).
            let s = match to_string(agent, value, gc.reborrow()) {
                Ok(s) => s.unbind(),
                Err(error) => {
                    return Err(iterator_close_on_error(
                        agent,
                        iterator.get(agent).into(),
                        error,
                        gc,
                    ));
                }
            };
            // iii. Set R to the string-concatenation of R and S.
            r.extend_from_slice(&agent.string_utf16(s));
        }
    }
}
