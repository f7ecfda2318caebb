//! ### [23.1.3 Properties of the Array Prototype Object](https://tc39.es/ecma262/#sec-properties-of-the-array-prototype-object)
//!
//! The methods are grouped by what they do: reading and searching
//! ([`searching`]), visiting elements with a callback ([`iterating`]),
//! rearranging the receiver in place ([`mutating`]), building a new array
//! ([`copying`]), sorting ([`sorting`]) and making iterators ([`iterators`]).

mod copying;
mod iterating;
mod iterators;
mod mutating;
mod searching;
mod sorting;

use crate::ecmascript::builtins::BuiltinName;
use crate::ecmascript::builtins::function_objects::RegularFn;
use crate::ecmascript::execution::{Agent, Intrinsic};
use crate::ecmascript::types::object::{Attributes, ElementsRecord, ObjectKind};
use crate::ecmascript::types::{Value, WellKnownSymbol};
use crate::engine::NoGcScope;

/// Creates %Array.prototype% (an Array exotic object of length 0) and its methods.
pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = agent.create_object(Some(object_prototype), ObjectKind::Array, gc);
    prototype.set_elements(agent, ElementsRecord::default());
    agent.set_intrinsic(Intrinsic::ArrayPrototype, prototype);
    let methods: [(&str, u32, RegularFn); 35] = [
        ("at", 1, searching::at),
        ("concat", 1, copying::concat),
        ("copyWithin", 2, mutating::copy_within),
        ("every", 1, iterating::every),
        ("fill", 1, mutating::fill),
        ("filter", 1, iterating::filter),
        ("find", 1, iterating::find),
        ("findIndex", 1, iterating::find_index),
        ("findLast", 1, iterating::find_last),
        ("findLastIndex", 1, iterating::find_last_index),
        ("flat", 0, copying::flat),
        ("flatMap", 1, copying::flat_map),
        ("forEach", 1, iterating::for_each),
        ("includes", 1, searching::includes),
        ("indexOf", 1, searching::index_of),
        ("join", 1, searching::join),
        ("lastIndexOf", 1, searching::last_index_of),
        ("map", 1, iterating::map),
        ("pop", 0, mutating::pop),
        ("push", 1, mutating::push),
        ("reduce", 1, iterating::reduce),
        ("reduceRight", 1, iterating::reduce_right),
        ("reverse", 0, mutating::reverse),
        ("shift", 0, mutating::shift),
        ("slice", 2, copying::slice),
        ("some", 1, iterating::some),
        ("sort", 1, sorting::sort),
        ("splice", 2, mutating::splice),
        ("toLocaleString", 0, searching::to_locale_string),
        ("toReversed", 0, copying::to_reversed),
        ("toSorted", 1, sorting::to_sorted),
        ("toSpliced", 2, copying::to_spliced),
        ("toString", 0, searching::to_string_method),
        ("unshift", 1, mutating::unshift),
        ("with", 2, copying::with),
    ];
    for (name, length, behaviour) in methods {
        agent.define_builtin_method(prototype, BuiltinName::Str(name), length, behaviour, gc);
    }
    // 23.1.3.41 Array.prototype [ %Symbol.unscopables% ]
    // 1. Let unscopableList be OrdinaryObjectCreate(null).
    let unscopable_list = agent.create_object(None, ObjectKind::Ordinary, gc);
    // 2-17. Perform ! CreateDataPropertyOrThrow(unscopableList, name, true) for each name.
    for name in [
        "at",
        "copyWithin",
        "entries",
        "fill",
        "find",
        "findIndex",
        "findLast",
        "findLastIndex",
        "flat",
        "flatMap",
        "includes",
        "keys",
        "toReversed",
        "toSorted",
        "toSpliced",
        "values",
    ] {
        agent.define_builtin_property(
            unscopable_list,
            BuiltinName::Str(name),
            Value::Boolean(true),
            Attributes::DEFAULT,
            gc,
        );
    }
    // 18. Return unscopableList.
    // { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }
    agent.define_builtin_property(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::Unscopables),
        unscopable_list.into(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
}

/// Defines `entries`, `keys`, `values` and `@@iterator` (they need %ArrayIteratorPrototype%).
pub(super) fn initialize_iterator_methods(agent: &mut Agent, gc: NoGcScope) {
    let prototype = agent.intrinsic(Intrinsic::ArrayPrototype);
    agent.define_builtin_method(
        prototype,
        BuiltinName::Str("entries"),
        0,
        iterators::entries,
        gc,
    );
    agent.define_builtin_method(prototype, BuiltinName::Str("keys"), 0, iterators::keys, gc);
    let values = agent.define_builtin_method(
        prototype,
        BuiltinName::Str("values"),
        0,
        iterators::values,
        gc,
    );
    agent.set_intrinsic(Intrinsic::ArrayPrototypeValues, values);
    // 23.1.3.40 Array.prototype [ %Symbol.iterator% ] ( ): the initial value is
    // %Array.prototype.values%.
    agent.define_builtin_property(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::Iterator),
        values.into(),
        Attributes::BUILTIN,
        gc,
    );
}

/// The start or end position from a relative index (steps shared by
/// `copyWithin`, `fill`, `slice`, `splice` and `toSpliced`): `-∞` → 0,
/// negative → `max(len + relative, 0)`, otherwise `min(relative, len)`.
pub(super) fn resolve_relative(relative: f64, len: u64) -> u64 {
    if relative == f64::NEG_INFINITY {
        0
    } else if relative < 0.0 {
        (len as f64 + relative).max(0.0) as u64
    } else {
        relative.min(len as f64) as u64
    }
}
