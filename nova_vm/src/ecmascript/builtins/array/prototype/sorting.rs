//! ### [23.1.3.30 Array.prototype.sort ( comparator )](https://tc39.es/ecma262/#sec-array.prototype.sort),
//! [23.1.3.34 Array.prototype.toSorted ( comparator )](https://tc39.es/ecma262/#sec-array.prototype.tosorted)
//! and the operations they share.
//!
//! The items being sorted live in the dense storage of an internal object
//! (rooted), and the sort rearranges a list of positions into it: the
//! comparator may run JavaScript, and so may collect, at every comparison.
//! The sort is a stable merge sort.

use std::cmp::Ordering;

use crate::ecmascript::abstract_operations::{
    call_function, is_callable, length_of_array_like, to_number, to_object, to_string,
    to_string_primitive,
};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::builtins::array::abstract_operations::array_create;
use crate::ecmascript::builtins::array::array_like::{
    Lookup, create_index, delete_index, get_index, has_then_get, lookup, next_candidate, set_index,
};
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::object::{ElementsRecord, ObjectKind};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable, Scoped};

/// Whether SortIndexedProperties skips missing elements.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Holes {
    SkipHoles,
    ReadThroughHoles,
}

/// The items of a sort: values in the dense storage of a rooted internal object.
#[derive(Clone, Copy)]
struct Items<'s> {
    list: Scoped<'s, Object<'static>>,
}

impl<'s> Items<'s> {
    fn new(agent: &mut Agent, gc: NoGcScope<'_, 's>) -> Self {
        let list = agent.create_object(None, ObjectKind::Ordinary, gc);
        list.set_elements(agent, ElementsRecord::default());
        Items {
            list: list.scope(agent, gc),
        }
    }

    fn push(self, agent: &mut Agent, value: Value) {
        let list = self.list.get(agent);
        list.elements_mut(agent).dense.push(Some(value.unbind()));
    }

    fn len(self, agent: &Agent) -> usize {
        let list = self.list.get(agent);
        list.elements(agent).map_or(0, |e| e.dense.len())
    }

    fn get(self, agent: &Agent, index: usize) -> Value<'static> {
        let list = self.list.get(agent);
        list.elements(agent)
            .and_then(|e| e.dense.get(index).copied().flatten())
            .unwrap_or_default()
    }
}

/// The comparator of `sort`/`toSorted`: undefined or a function.
#[derive(Clone, Copy)]
struct SortCompare<'s> {
    comparator: Scoped<'s, Value<'static>>,
}

/// ### [23.1.3.30.2 CompareArrayElements ( x, y, comparator )](https://tc39.es/ecma262/#sec-comparearrayelements)
fn compare_array_elements<'gc>(
    agent: &mut Agent,
    x: Value,
    y: Value,
    comparator: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, f64> {
    let x = x.bind(gc.nogc());
    let y = y.bind(gc.nogc());
    let comparator = comparator.bind(gc.nogc());
    // 1. If x and y are both undefined, return +0𝔽.
    // 2. If x is undefined, return 1𝔽.
    // 3. If y is undefined, return -1𝔽.
    match (x.is_undefined(), y.is_undefined()) {
        (true, true) => return Ok(0.0),
        (true, false) => return Ok(1.0),
        (false, true) => return Ok(-1.0),
        (false, false) => {}
    }
    // 4. If comparator is not undefined, then
    if !comparator.is_undefined() {
        // a. Let v be ? ToNumber(? Call(comparator, undefined, « x, y »)).
        let result = call_function(
            agent,
            comparator.unbind(),
            Value::Undefined,
            ArgumentsList(&[x.unbind(), y.unbind()]),
            gc.reborrow(),
        )?
        .unbind();
        let v = to_number(agent, result, gc)?;
        // b. If v is NaN, return +0𝔽.
        // c. Return v.
        return Ok(if v.is_nan() { 0.0 } else { v });
    }
    let scoped_y = y.scope(agent, gc.nogc());
    // 5. Let xString be ? ToString(x).
    let x_string = to_string(agent, x.unbind(), gc.reborrow())?.unbind();
    let x_string = x_string.scope(agent, gc.nogc());
    // 6. Let yString be ? ToString(y).
    let y_string = to_string(agent, scoped_y.get(agent), gc.reborrow())?.unbind();
    let x_units = agent.string_utf16(x_string.get(agent)).into_owned();
    let y_units = agent.string_utf16(y_string);
    // 7. Let xSmaller be ! IsLessThan(xString, yString, true).
    // 8. If xSmaller is true, return -1𝔽.
    // 9. Let ySmaller be ! IsLessThan(yString, xString, true).
    // 10. If ySmaller is true, return 1𝔽.
    // 11. Return +0𝔽.
    Ok(match x_units.as_slice().cmp(&y_units) {
        Ordering::Less => -1.0,
        Ordering::Greater => 1.0,
        Ordering::Equal => 0.0,
    })
}

/// Sorts positions `0..n` stably with a fallible comparison that returns
/// SortCompare(a, b): a position from the right half moves before one from
/// the left half only when SortCompare(left, right) > 0.
fn merge_sort<'gc>(
    n: usize,
    mut compare: impl FnMut(u32, u32) -> JsResult<'gc, f64>,
) -> JsResult<'gc, Vec<u32>> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    // Short runs: insertion sort.
    const RUN: usize = 8;
    for run_start in (0..n).step_by(RUN) {
        let run_end = (run_start + RUN).min(n);
        for i in run_start + 1..run_end {
            let mut j = i;
            while j > run_start && compare(order[j - 1], order[j])? > 0.0 {
                order.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    // Then merge runs of doubling width.
    let mut buffer = vec![0u32; n];
    let mut width = RUN;
    while width < n {
        for left in (0..n).step_by(2 * width) {
            let middle = (left + width).min(n);
            let right = (left + 2 * width).min(n);
            let (mut i, mut j, mut out) = (left, middle, left);
            while i < middle && j < right {
                if compare(order[i], order[j])? > 0.0 {
                    buffer[out] = order[j];
                    j += 1;
                } else {
                    buffer[out] = order[i];
                    i += 1;
                }
                out += 1;
            }
            buffer[out..out + (middle - i)].copy_from_slice(&order[i..middle]);
            out += middle - i;
            buffer[out..out + (right - j)].copy_from_slice(&order[j..right]);
        }
        std::mem::swap(&mut order, &mut buffer);
        width *= 2;
    }
    Ok(order)
}

/// Sort keys for the default comparison when ToString of every item is a
/// pure function: all items are undefined or primitives other than Symbols.
/// `None` for undefined.
fn pure_string_keys(
    agent: &mut Agent,
    items: Items,
    gc: NoGcScope,
) -> Option<Vec<Option<Vec<u16>>>> {
    let len = items.len(agent);
    let mut keys = Vec::with_capacity(len);
    for i in 0..len {
        let value = items.get(agent, i);
        let key = match value {
            Value::Undefined => None,
            Value::Object(_) | Value::Symbol(_) => return None,
            other => {
                let s = to_string_primitive(agent, other, gc).ok()?;
                Some(agent.string_utf16(s).into_owned())
            }
        };
        keys.push(key);
    }
    Some(keys)
}

/// ### [23.1.3.30.1 SortIndexedProperties ( obj, len, SortCompare, holes )](https://tc39.es/ecma262/#sec-sortindexedproperties)
///
/// Returns the sorted items (in a rooted internal list).
fn sort_indexed_properties<'gc, 's>(
    agent: &mut Agent,
    obj: Scoped<'s, Object<'static>>,
    len: u64,
    sort_compare: SortCompare<'s>,
    holes: Holes,
    mut gc: GcScope<'gc, 's>,
) -> JsResult<'gc, Items<'s>> {
    // 1. Let items be a new empty List.
    let items = Items::new(agent, gc.nogc());
    // 2. Let k be 0.
    let mut k = 0;
    // 3. Repeat, while k < len,
    while k < len {
        let object = obj.get(agent);
        // a. Let Pk be ! ToString(𝔽(k)).
        // b. If holes is skip-holes, then
        //    i. Let kRead be ? HasProperty(obj, Pk).
        // c. Else,
        //    i. Assert: holes is read-through-holes.
        //    ii. Let kRead be true.
        // d. If kRead is true, then
        //    i. Let kValue be ? Get(obj, Pk).
        //    ii. Append kValue to items.
        match holes {
            Holes::SkipHoles => match lookup(agent, object, k) {
                Lookup::Present(value) => items.push(agent, value),
                Lookup::Absent => {
                    k = next_candidate(agent, object, k + 1, len);
                    continue;
                }
                Lookup::Unknown => {
                    if let Some(value) = has_then_get(agent, object, k, gc.reborrow())? {
                        let value = value.unbind();
                        items.push(agent, value);
                    }
                }
            },
            Holes::ReadThroughHoles => {
                let value = get_index(agent, object, k, gc.reborrow())?.unbind();
                items.push(agent, value);
            }
        }
        // e. Set k to k + 1.
        k += 1;
    }
    // 4. Sort items using an implementation-defined sequence of calls to SortCompare. If any
    //    such call returns an abrupt completion, stop before performing any further calls to
    //    SortCompare and return that Completion Record.
    let count = items.len(agent);
    let comparator = sort_compare.comparator.get(agent);
    let order = if comparator.is_undefined()
        && let Some(keys) = pure_string_keys(agent, items, gc.nogc())
    {
        // No comparison can run code: sort on the strings directly.
        let mut order: Vec<u32> = (0..count as u32).collect();
        order.sort_by(|&a, &b| match (&keys[a as usize], &keys[b as usize]) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Greater,
            (Some(_), None) => Ordering::Less,
            (Some(x), Some(y)) => x.cmp(y),
        });
        order
    } else {
        merge_sort(count, |a, b| {
            let x = items.get(agent, a as usize);
            let y = items.get(agent, b as usize);
            let comparator = sort_compare.comparator.get(agent);
            compare_array_elements(agent, x, y, comparator, gc.reborrow())
        })?
    };
    let list = items.list.get(agent);
    let elements = list.elements_mut(agent);
    let sorted: Vec<Option<Value<'static>>> =
        order.iter().map(|&i| elements.dense[i as usize]).collect();
    elements.dense = sorted;
    // 5. Return items.
    Ok(items)
}

/// Step 1 of `sort` and `toSorted`: the comparator must be undefined or callable.
fn check_comparator<'gc>(
    agent: &mut Agent,
    comparator: Value,
    method: &str,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    // 1. If comparator is not undefined and IsCallable(comparator) is false, throw a
    //    TypeError exception.
    if !comparator.is_undefined() && !is_callable(agent, comparator) {
        let message = format!("Array.prototype.{method}: the comparator must be a function");
        return Err(agent.throw_type_error(&message, gc));
    }
    Ok(())
}

/// ### [23.1.3.30 Array.prototype.sort ( comparator )](https://tc39.es/ecma262/#sec-array.prototype.sort)
pub(super) fn sort<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let comparator = args.get(0).bind(gc.nogc());
    // 1. If comparator is not undefined and IsCallable(comparator) is false, throw a
    //    TypeError exception.
    check_comparator(agent, comparator, "sort", gc.nogc())?;
    let comparator = comparator.scope(agent, gc.nogc());
    // 2. Let obj be ? ToObject(this value).
    let obj = to_object(agent, this.bind(gc.nogc()), gc.nogc())?;
    let scoped_obj = obj.scope(agent, gc.nogc());
    // 3. Let len be ? LengthOfArrayLike(obj).
    let len = length_of_array_like(agent, obj.unbind(), gc.reborrow())?;
    // 4. Let SortCompare be a new Abstract Closure with parameters (x, y) that captures
    //    comparator and performs the following steps when called:
    //    a. Return ? CompareArrayElements(x, y, comparator).
    let sort_compare = SortCompare { comparator };
    // 5. Let sortedList be ? SortIndexedProperties(obj, len, SortCompare, skip-holes).
    let sorted_list = sort_indexed_properties(
        agent,
        scoped_obj,
        len,
        sort_compare,
        Holes::SkipHoles,
        gc.reborrow(),
    )?;
    // 6. Let itemCount be the number of elements in sortedList.
    let item_count = sorted_list.len(agent) as u64;
    // 7. Let j be 0.
    // 8. Repeat, while j < itemCount,
    for j in 0..item_count {
        // a. Perform ? Set(obj, ! ToString(𝔽(j)), sortedList[j], true).
        let value = sorted_list.get(agent, j as usize);
        set_index(agent, scoped_obj.get(agent), j, value, gc.reborrow())?;
        // b. Set j to j + 1.
    }
    // 9. NOTE: The call to SortIndexedProperties in step 5 uses skip-holes. The remaining
    //    indices are deleted to preserve the number of holes that were detected and excluded
    //    from the sort.
    // 10. Repeat, while j < len,
    let mut j = item_count;
    while j < len {
        // Deleting an index that holds no property does nothing: skip those.
        let next = next_candidate(agent, scoped_obj.get(agent), j, len);
        if next >= len {
            break;
        }
        // a. Perform ? DeletePropertyOrThrow(obj, ! ToString(𝔽(j))).
        delete_index(agent, scoped_obj.get(agent), next, gc.reborrow())?;
        // b. Set j to j + 1.
        j = next + 1;
    }
    // 11. Return obj.
    Ok(scoped_obj.get(agent).bind(gc.into_nogc()).into())
}

/// ### [23.1.3.34 Array.prototype.toSorted ( comparator )](https://tc39.es/ecma262/#sec-array.prototype.tosorted)
pub(super) fn to_sorted<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let comparator = args.get(0).bind(gc.nogc());
    // 1. If comparator is not undefined and IsCallable(comparator) is false, throw a
    //    TypeError exception.
    check_comparator(agent, comparator, "toSorted", gc.nogc())?;
    let comparator = comparator.scope(agent, gc.nogc());
    // 2. Let O be ? ToObject(this value).
    let o = to_object(agent, this.bind(gc.nogc()), gc.nogc())?;
    let scoped_o = o.scope(agent, gc.nogc());
    // 3. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, o.unbind(), gc.reborrow())?;
    // 4. Let A be ? ArrayCreate(len).
    let a = array_create(agent, len, None, gc.nogc())?;
    let a = a.scope(agent, gc.nogc());
    // 5. Let SortCompare be a new Abstract Closure with parameters (x, y) that captures
    //    comparator and performs the following steps when called:
    //    a. Return ? CompareArrayElements(x, y, comparator).
    let sort_compare = SortCompare { comparator };
    // 6. Let sortedList be ? SortIndexedProperties(O, len, SortCompare, read-through-holes).
    let sorted_list = sort_indexed_properties(
        agent,
        scoped_o,
        len,
        sort_compare,
        Holes::ReadThroughHoles,
        gc.reborrow(),
    )?;
    // 7. Let j be 0.
    // 8. Repeat, while j < len,
    for j in 0..len {
        // a. Perform ! CreateDataPropertyOrThrow(A, ! ToString(𝔽(j)), sortedList[j]).
        let value = sorted_list.get(agent, j as usize);
        create_index(agent, a.get(agent), j, value, gc.reborrow())?;
        // b. Set j to j + 1.
    }
    // 9. Return A.
    Ok(a.get(agent).bind(gc.into_nogc()).into())
}
