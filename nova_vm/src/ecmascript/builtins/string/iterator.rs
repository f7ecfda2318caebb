//! ### [22.1.3.36 String.prototype [ %Symbol.iterator% ] ( )](https://tc39.es/ecma262/#sec-string.prototype-%symbol.iterator%)
//! and [22.1.5 String Iterator Objects](https://tc39.es/ecma262/#sec-string-iterator-objects)
//!
//! The specification describes a String Iterator as a generator over an
//! abstract closure; here it is an object whose internal slots hold the string
//! and the position of the next code point, which is what that closure captures.

use crate::ecmascript::abstract_operations::create_iter_result_object;
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::heap_layout::arena_ids;
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::handle::define_handle;
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{JsString, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope};
use crate::heap::{Arena, HandleVisitor, Trace};

use super::prototype::this_to_string;

define_handle!(
    /// Handle to a String Iterator's internal slots.
    StringIterator,
    arena_ids::STRING_ITERATORS
);

/// Internal slots of a String Iterator object: the state of the iteration
/// closure of String.prototype [ %Symbol.iterator% ].
#[derive(Debug)]
pub struct StringIteratorRecord {
    /// The iterated string; `None` once the iteration has completed.
    pub string: Option<JsString<'static>>,
    /// The code-unit index of the next code point.
    pub position: u32,
}

impl Trace for StringIteratorRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.string.trace(visitor);
    }
}

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    // 22.1.5.1 The %StringIteratorPrototype% Object
    let iterator_prototype = agent.intrinsic(Intrinsic::IteratorPrototype);
    let prototype = agent.create_object(Some(iterator_prototype), ObjectKind::Ordinary, gc);
    agent.set_intrinsic(Intrinsic::StringIteratorPrototype, prototype);
    agent.define_builtin_method(prototype, BuiltinName::Str("next"), 0, next, gc);
    // 22.1.5.1.2 %StringIteratorPrototype% [ %Symbol.toStringTag% ]
    let tag = agent.create_string("String Iterator", gc);
    agent.define_builtin_property(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        tag.into_value(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
}

/// ### [22.1.3.36 String.prototype [ %Symbol.iterator% ] ( )](https://tc39.es/ecma262/#sec-string.prototype-%symbol.iterator%)
pub(super) fn string_prototype_iterator<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let s be ? ToString(O).
    let s = this_to_string(agent, this, "[Symbol.iterator]", gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    // 3. Let closure be a new Abstract Closure with no parameters that captures s and
    //    performs the steps of %StringIteratorPrototype%.next (below) when called.
    // 4. Return CreateIteratorFromClosure(closure, "%StringIteratorPrototype%",
    //    %StringIteratorPrototype%).
    agent.heap.allocated_since_gc += Arena::<StringIteratorRecord>::RECORD_BYTES;
    let record =
        StringIterator::from_index(agent.heap.string_iterators.push(StringIteratorRecord {
            string: Some(s),
            position: 0,
        }));
    let prototype = agent.intrinsic(Intrinsic::StringIteratorPrototype);
    Ok(agent
        .create_object(Some(prototype), ObjectKind::StringIterator(record), gc)
        .into())
}

/// ### [22.1.5.1.1 %StringIteratorPrototype%.next ( )](https://tc39.es/ecma262/#sec-%stringiteratorprototype%.next)
fn next<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1. Return ? GeneratorResume(this value, empty, "%StringIteratorPrototype%").
    //    (GeneratorValidate: the this value must be a String Iterator.)
    let iterator = match this {
        Value::Object(o) => match o.kind(agent) {
            ObjectKind::StringIterator(iterator) => Some(iterator),
            _ => None,
        },
        _ => None,
    };
    let Some(iterator) = iterator else {
        return Err(agent.throw_type_error(
            "%StringIteratorPrototype%.next called on an object that is not a String Iterator",
            gc,
        ));
    };
    let record = agent.heap.string_iterators.get(iterator.index());
    let Some(s) = record.string else {
        return Ok(create_iter_result_object(agent, Value::Undefined, true, gc).into());
    };
    let position = record.position as usize;
    // The closure's steps:
    // a. Let len be the length of s.
    let len = agent.string_length(s);
    // c. Repeat, while position < len,
    if position < len {
        // i. Let cp be CodePointAt(s, position).
        let cp = agent.code_units(&s).code_point_at(position);
        // ii. Let nextIndex be position + cp.[[CodeUnitCount]].
        let next_index = position + cp.code_unit_count;
        // iii. Let resultString be the substring of s from position to nextIndex.
        let result_string = agent.string_substring(s, position, next_index, gc);
        // iv. Set position to nextIndex.
        agent
            .heap
            .string_iterators
            .get_mut(iterator.index())
            .position = next_index as u32;
        // v. Perform ? GeneratorYield(CreateIteratorResultObject(resultString, false)).
        return Ok(create_iter_result_object(agent, result_string.into_value(), false, gc).into());
    }
    // d. Return undefined.
    agent.heap.string_iterators.get_mut(iterator.index()).string = None;
    Ok(create_iter_result_object(agent, Value::Undefined, true, gc).into())
}
