//! ### [27.1.3 Iterator Objects](https://tc39.es/ecma262/#sec-iterator-objects): the `Iterator` constructor, `Iterator.from` and `%WrapForValidIteratorPrototype%`

use super::helper_prototype::{alloc_helper_record, call_return_method, helper_record};
use super::helper_record::HelperKind;
use crate::ecmascript::abstract_operations::{
    PrimitiveHandling, call_function, create_iter_result_object, get_iterator_flattenable,
    ordinary_create_from_constructor, ordinary_has_instance,
};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let prototype = agent.intrinsic(Intrinsic::IteratorPrototype);
    // 27.1.3.1 The Iterator Constructor (its "constructor" back-link is the accessor of
    // 27.1.4.1, so the prototype is linked by hand).
    let iterator =
        agent.create_builtin_constructor("Iterator", 0, iterator_constructor, None, None, gc);
    agent.set_intrinsic(Intrinsic::Iterator, iterator);
    // 27.1.3.2.2 Iterator.prototype: { [[Writable]]: false, [[Enumerable]]: false,
    // [[Configurable]]: false }
    agent.define_builtin_property(
        iterator,
        BuiltinName::Str("prototype"),
        prototype.into(),
        Attributes::FROZEN_HIDDEN,
        gc,
    );
    agent.define_builtin_method(iterator, BuiltinName::Str("from"), 1, from, gc);
    // 27.1.3.2.1.1 The %WrapForValidIteratorPrototype% Object
    let wrap_prototype = agent.create_object(Some(prototype), ObjectKind::Ordinary, gc);
    agent.set_intrinsic(Intrinsic::WrapForValidIteratorPrototype, wrap_prototype);
    agent.define_builtin_method(wrap_prototype, BuiltinName::Str("next"), 0, wrap_next, gc);
    agent.define_builtin_method(
        wrap_prototype,
        BuiltinName::Str("return"),
        0,
        wrap_return,
        gc,
    );
}

/// ### [27.1.3.1.1 Iterator ( )](https://tc39.es/ecma262/#sec-iterator)
fn iterator_constructor<'gc>(
    agent: &mut Agent,
    _this: Value,
    _args: ArgumentsList,
    new_target: Option<Object>,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. If NewTarget is either undefined or the active function object, throw a TypeError
    //    exception.
    let new_target = match new_target {
        Some(new_target) if Some(new_target.unbind()) != agent.active_builtin_function() => {
            new_target
        }
        _ => {
            return Err(agent.throw_type_error(
                "Iterator is an abstract class and cannot be constructed directly",
                gc.into_nogc(),
            ));
        }
    };
    // 2. Return ? OrdinaryCreateFromConstructor(NewTarget, "%Iterator.prototype%").
    let o = ordinary_create_from_constructor(
        agent,
        new_target,
        Intrinsic::IteratorPrototype,
        ObjectKind::Ordinary,
        gc,
    )?;
    Ok(o.into())
}

/// ### [27.1.3.2.1 Iterator.from ( O )](https://tc39.es/ecma262/#sec-iterator.from)
fn from<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let iteratorRecord be ? GetIteratorFlattenable(O, iterate-string-primitives).
    let iterator_record = get_iterator_flattenable(
        agent,
        args.get(0),
        PrimitiveHandling::IterateStrings,
        gc.reborrow(),
    )?
    .unbind();
    let iterator = iterator_record.iterator.scope(agent, gc.nogc());
    let next_method = iterator_record.next_method.scope(agent, gc.nogc());
    // 2. Let hasInstance be ? OrdinaryHasInstance(%Iterator%, iteratorRecord.[[Iterator]]).
    let iterator_constructor = agent.intrinsic(Intrinsic::Iterator);
    let has_instance = ordinary_has_instance(
        agent,
        iterator_constructor.into(),
        iterator.get(agent).into(),
        gc.reborrow(),
    )?;
    let gc = gc.into_nogc();
    // 3. If hasInstance is true, then
    if has_instance {
        // a. Return iteratorRecord.[[Iterator]].
        return Ok(iterator.get(agent).bind(gc).into());
    }
    // 4. Let wrapper be OrdinaryObjectCreate(%WrapForValidIteratorPrototype%, « [[Iterated]] »).
    // 5. Set wrapper.[[Iterated]] to iteratorRecord.
    let record = crate::ecmascript::abstract_operations::IteratorRecord {
        iterator: iterator.get(agent),
        next_method: next_method.get(agent),
    };
    let slots = alloc_helper_record(agent, vec![record], HelperKind::Wrap);
    let prototype = agent.intrinsic(Intrinsic::WrapForValidIteratorPrototype);
    let wrapper = agent.create_object(Some(prototype), ObjectKind::WrapForValidIterator(slots), gc);
    // 6. Return wrapper.
    Ok(wrapper.into())
}

/// RequireInternalSlot(O, [[Iterated]]): the wrapper.
fn this_wrapper<'gc>(
    agent: &mut Agent,
    this: Value,
    method: &str,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    match this.bind(gc) {
        Value::Object(o) if matches!(o.kind(agent), ObjectKind::WrapForValidIterator(_)) => Ok(o),
        _ => {
            let message = format!(
                "%WrapForValidIteratorPrototype%.{method} called on an incompatible receiver"
            );
            Err(agent.throw_type_error(&message, gc))
        }
    }
}

/// ### [27.1.3.2.1.1.1 %WrapForValidIteratorPrototype%.next ( )](https://tc39.es/ecma262/#sec-%wrapforvaliditeratorprototype%.next)
fn wrap_next<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be this value.
    // 2. Perform ? RequireInternalSlot(O, [[Iterated]]).
    let o = this_wrapper(agent, this, "next", gc.nogc())?;
    // 3. Let iteratorRecord be O.[[Iterated]].
    let iterator_record = helper_record(agent, o).underlying[0];
    // 4. Return ? Call(iteratorRecord.[[NextMethod]], iteratorRecord.[[Iterator]]).
    call_function(
        agent,
        iterator_record.next_method,
        iterator_record.iterator.into(),
        ArgumentsList::EMPTY,
        gc,
    )
}

/// ### [27.1.3.2.1.1.2 %WrapForValidIteratorPrototype%.return ( )](https://tc39.es/ecma262/#sec-%wrapforvaliditeratorprototype%.return)
fn wrap_return<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be this value.
    // 2. Perform ? RequireInternalSlot(O, [[Iterated]]).
    let o = this_wrapper(agent, this, "return", gc.nogc())?;
    // 3. Let iterator be O.[[Iterated]].[[Iterator]].
    // 4. Assert: iterator is an Object.
    let iterator = helper_record(agent, o).underlying[0].iterator;
    // 5. Let returnMethod be ? GetMethod(iterator, "return").
    // 6. If returnMethod is undefined, then
    //    a. Return CreateIteratorResultObject(undefined, true).
    // 7. Return ? Call(returnMethod, iterator).
    match call_return_method(agent, iterator, gc.reborrow())?.unbind() {
        Some(result) => Ok(result.bind(gc.into_nogc())),
        None => Ok(create_iter_result_object(agent, Value::Undefined, true, gc.into_nogc()).into()),
    }
}
