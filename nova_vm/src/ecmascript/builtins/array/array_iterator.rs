//! ### [23.1.5 Array Iterator Objects](https://tc39.es/ecma262/#sec-array-iterator-objects)
//!
//! The spec describes an Array Iterator as a generator running the closure of
//! CreateArrayIterator. Its whole state is the iterated object, the next
//! index and the kind, so it is kept in a small record instead of a
//! suspended frame; `next` performs one turn of the closure's loop.

use super::array_like::{get_index, length_value};
use crate::ecmascript::abstract_operations::{
    create_array_from_list, create_iter_result_object, length_of_array_like,
};
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::heap_layout::arena_ids;
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::handle::define_handle;
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};
use crate::heap::{Arena, HandleVisitor, Trace};

define_handle!(
    /// Handle to an Array Iterator's state.
    ArrayIterator,
    arena_ids::ARRAY_ITERATORS
);

/// What an Array Iterator produces: ~key~, ~value~ or ~key+value~.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArrayIterationKind {
    /// The indexes.
    Key,
    /// The element values.
    Value,
    /// `[index, value]` pairs.
    KeyAndValue,
}

/// The state of an Array Iterator.
#[derive(Debug)]
pub struct ArrayIteratorRecord {
    /// The object iterated over; `None` once the iteration has completed.
    pub iterated: Option<Object<'static>>,
    /// The index the next call reads.
    pub next_index: u64,
    /// What the iterator produces.
    pub kind: ArrayIterationKind,
    /// True while a `next` call runs (the generator state ~executing~).
    pub executing: bool,
}

impl Trace for ArrayIteratorRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        if let Some(iterated) = &mut self.iterated {
            iterated.visit(visitor);
        }
    }
}

/// Creates %ArrayIteratorPrototype%.
pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let iterator_prototype = agent.intrinsic(Intrinsic::IteratorPrototype);
    // 23.1.5.2 The %ArrayIteratorPrototype% Object: an ordinary object whose
    // [[Prototype]] is %Iterator.prototype%.
    let prototype = agent.create_object(Some(iterator_prototype), ObjectKind::Ordinary, gc);
    agent.set_intrinsic(Intrinsic::ArrayIteratorPrototype, prototype);
    agent.define_builtin_method(prototype, BuiltinName::Str("next"), 0, next, gc);
    // 23.1.5.2.2 %ArrayIteratorPrototype% [ %Symbol.toStringTag% ]: "Array Iterator",
    // { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = agent.create_string("Array Iterator", gc);
    agent.define_builtin_property(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        tag.into_value(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
}

/// ### [23.1.5.1 CreateArrayIterator ( array, kind )](https://tc39.es/ecma262/#sec-createarrayiterator)
pub(crate) fn create_array_iterator<'a>(
    agent: &mut Agent,
    array: Object,
    kind: ArrayIterationKind,
    gc: NoGcScope<'a, '_>,
) -> Object<'a> {
    // 1. Let closure be a new Abstract Closure with no parameters that captures kind and
    //    array and performs the steps of `next` below when called.
    agent.heap.allocated_since_gc += Arena::<ArrayIteratorRecord>::RECORD_BYTES;
    let record = ArrayIterator::from_index(agent.heap.array_iterators.push(ArrayIteratorRecord {
        iterated: Some(array.unbind()),
        next_index: 0,
        kind,
        executing: false,
    }));
    // 2. Return CreateIteratorFromClosure(closure, "%ArrayIteratorPrototype%",
    //    %ArrayIteratorPrototype%).
    let prototype = agent.intrinsic(Intrinsic::ArrayIteratorPrototype);
    agent.create_object(Some(prototype), ObjectKind::ArrayIterator(record), gc)
}

/// ### [23.1.5.2.1 %ArrayIteratorPrototype%.next ( )](https://tc39.es/ecma262/#sec-%arrayiteratorprototype%.next)
fn next<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return ? GeneratorResume(this value, empty, "%ArrayIteratorPrototype%").
    // 27.5.3.2 GeneratorValidate: the brand check and the ~executing~ state.
    let iterator = match this.bind(gc.nogc()) {
        Value::Object(o) => match o.kind(agent) {
            ObjectKind::ArrayIterator(record) => Some(record),
            _ => None,
        },
        _ => None,
    };
    let Some(iterator) = iterator else {
        return Err(agent.throw_type_error(
            "%ArrayIteratorPrototype%.next called on an object that is not an Array Iterator",
            gc.into_nogc(),
        ));
    };
    let record = agent.heap.array_iterators.get(iterator.index());
    if record.executing {
        return Err(agent.throw_type_error("The iterator is already running", gc.into_nogc()));
    }
    // A completed generator returns CreateIteratorResultObject(undefined, true).
    let Some(array) = record.iterated else {
        return Ok(create_iter_result_object(agent, Value::Undefined, true, gc.into_nogc()).into());
    };
    let (index, kind) = (record.next_index, record.kind);
    let this_object = this.bind(gc.nogc()).as_object().expect("array iterator");
    let scoped_this = this_object.scope(agent, gc.nogc());
    let array = array.bind(gc.nogc());
    agent
        .heap
        .array_iterators
        .get_mut(iterator.index())
        .executing = true;
    let result = closure_step(agent, array.unbind(), index, kind, gc.reborrow()).unbind();
    // The record may have moved during the step: find it again through the iterator.
    let ObjectKind::ArrayIterator(iterator) = scoped_this.get(agent).kind(agent) else {
        unreachable!("array iterator")
    };
    let record = agent.heap.array_iterators.get_mut(iterator.index());
    record.executing = false;
    match result {
        Ok(Some(value)) => {
            record.next_index = index + 1;
            Ok(create_iter_result_object(agent, value, false, gc.into_nogc()).into())
        }
        Ok(None) => {
            // The closure returned: the generator is completed.
            record.iterated = None;
            Ok(create_iter_result_object(agent, Value::Undefined, true, gc.into_nogc()).into())
        }
        Err(error) => {
            // An abrupt completion also completes the generator.
            record.iterated = None;
            Err(error)
        }
    }
}

/// One turn of the loop of CreateArrayIterator's closure (23.1.5.1 step 1):
/// the value to yield, or `None` when the closure returns.
fn closure_step<'gc>(
    agent: &mut Agent,
    array: Object,
    index: u64,
    kind: ArrayIterationKind,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Value<'gc>>> {
    let array = array.bind(gc.nogc());
    let scoped_array = array.scope(agent, gc.nogc());
    // b. Repeat,
    //    i. If array has a [[TypedArrayName]] internal slot, then
    let len = if let ObjectKind::TypedArray(ta) = array.kind(agent) {
        //    1. Let taRecord be MakeTypedArrayWithBufferWitnessRecord(array, seq-cst).
        //    2. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
        //    3. Let len be TypedArrayLength(taRecord).
        let record = agent.typed_array_record(ta);
        match crate::ecmascript::builtins::typed_arrays::typed_array::typed_array_length(
            agent, &record,
        ) {
            Some(len) => len as u64,
            None => {
                return Err(agent
                    .throw_type_error("TypedArray is detached or out of bounds", gc.into_nogc()));
            }
        }
    } else {
        //    ii. Else,
        //        1. Let len be ? LengthOfArrayLike(array).
        length_of_array_like(agent, array.unbind(), gc.reborrow())?
    };
    //    iii. If index ≥ len, return NormalCompletion(undefined).
    if index >= len {
        return Ok(None);
    }
    //    iv. Let indexNumber be 𝔽(index).
    let index_number = length_value(agent, index, gc.nogc());
    //    v. If kind is key, then
    //       1. Let result be indexNumber.
    if kind == ArrayIterationKind::Key {
        return Ok(Some(index_number.unbind().bind(gc.into_nogc())));
    }
    //    vi. Else,
    //        1. Let elementKey be ! ToString(indexNumber).
    //        2. Let elementValue be ? Get(array, elementKey).
    let element_value = get_index(agent, scoped_array.get(agent), index, gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    //        3. If kind is value, then
    //           a. Let result be elementValue.
    if kind == ArrayIterationKind::Value {
        return Ok(Some(element_value.bind(gc)));
    }
    //        4. Else,
    //           a. Assert: kind is key+value.
    //           b. Let result be CreateArrayFromList(« indexNumber, elementValue »).
    let index_number = length_value(agent, index, gc);
    let result = create_array_from_list(agent, &[index_number, element_value.bind(gc)], gc);
    //    vii. Perform ? GeneratorYield(CreateIteratorResultObject(result, false)).
    //    viii. Set index to index + 1.
    Ok(Some(result.into()))
}
