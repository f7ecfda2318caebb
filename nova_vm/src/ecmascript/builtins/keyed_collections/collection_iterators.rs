//! ### [24.1.5.2 The %MapIteratorPrototype% Object](https://tc39.es/ecma262/#sec-%mapiteratorprototype%-object) and
//! [24.2.6.2 The %SetIteratorPrototype% Object](https://tc39.es/ecma262/#sec-%setiteratorprototype%-object)
//!
//! A Map or Set Iterator is a cursor into the List of entries: `next` runs the
//! body of the abstract closure of CreateMapIterator / CreateSetIterator from
//! the saved index up to its next GeneratorYield.

use super::map_data::IterationKind;
use crate::ecmascript::abstract_operations::{create_array_from_list, create_iter_result_object};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Value, WellKnownSymbol};
use crate::engine::{GcScope, NoGcScope};

/// Creates %MapIteratorPrototype% and %SetIteratorPrototype%.
pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let iterator_prototype = agent.intrinsic(Intrinsic::IteratorPrototype);
    for (intrinsic, next, tag) in [
        (
            Intrinsic::MapIteratorPrototype,
            map_iterator_next as crate::ecmascript::builtins::function_objects::RegularFn,
            "Map Iterator",
        ),
        (
            Intrinsic::SetIteratorPrototype,
            set_iterator_next,
            "Set Iterator",
        ),
    ] {
        let prototype = agent.create_object(Some(iterator_prototype), ObjectKind::Ordinary, gc);
        agent.set_intrinsic(intrinsic, prototype);
        agent.define_builtin_method(prototype, BuiltinName::Str("next"), 0, next, gc);
        let tag = agent.create_string(tag, gc);
        agent.define_builtin_property(
            prototype,
            BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
            tag.into_value(),
            Attributes::READONLY_CONFIGURABLE,
            gc,
        );
    }
}

/// ### [24.1.5.2.1 %MapIteratorPrototype%.next ( )](https://tc39.es/ecma262/#sec-%mapiteratorprototype%.next)
fn map_iterator_next<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return ? GeneratorResume(this value, empty, "%MapIteratorPrototype%").
    collection_iterator_next(agent, this, false, gc.into_nogc())
}

/// ### [24.2.6.2.1 %SetIteratorPrototype%.next ( )](https://tc39.es/ecma262/#sec-%setiteratorprototype%.next)
fn set_iterator_next<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return ? GeneratorResume(this value, empty, "%SetIteratorPrototype%").
    collection_iterator_next(agent, this, true, gc.into_nogc())
}

/// GeneratorResume of the closure of
/// [24.1.5.1 CreateMapIterator](https://tc39.es/ecma262/#sec-createmapiterator) or
/// [24.2.6.1 CreateSetIterator](https://tc39.es/ecma262/#sec-createsetiterator).
fn collection_iterator_next<'gc>(
    agent: &mut Agent,
    this: Value,
    set: bool,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // GeneratorValidate: the brand must match.
    let cursor = match this {
        Value::Object(o) => match (o.kind(agent), set) {
            (ObjectKind::MapIterator(c), false) => Some(c),
            (ObjectKind::SetIterator(c), true) => Some(c),
            _ => None,
        },
        _ => None,
    };
    let (Some(cursor), Value::Object(iterator)) = (cursor, this) else {
        let name = if set { "Set Iterator" } else { "Map Iterator" };
        return Err(agent.throw_type_error(&format!("next method called on a non-{name}"), gc));
    };
    // Repeat, while index < numEntries: let e be entries[index]; set index to index + 1;
    // if e is not empty, yield it (according to kind).
    let Some((key, value)) = agent.map_cursor_step(iterator) else {
        // Return undefined: the generator completes, and stays completed.
        return Ok(create_iter_result_object(agent, Value::Undefined, true, gc).into());
    };
    let result = match agent.map_cursor_kind(cursor) {
        IterationKind::Key => key,
        IterationKind::Value if set => key,
        IterationKind::Value => value,
        // Sets: CreateArrayFromList(« e, e »); Maps: CreateArrayFromList(« e.[[Key]], e.[[Value]] »).
        IterationKind::KeyValue if set => create_array_from_list(agent, &[key, key], gc).into(),
        IterationKind::KeyValue => create_array_from_list(agent, &[key, value], gc).into(),
    };
    // Perform ? GeneratorYield(CreateIteratorResultObject(result, false)).
    Ok(create_iter_result_object(agent, result, false, gc).into())
}
