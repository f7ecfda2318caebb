//! ### [7.3.35 GroupBy ( items, callback, keyCoercion )](https://tc39.es/ecma262/#sec-groupby)

use super::iterators::{get_iterator, iterator_close_on_error, iterator_step_value};
use super::operations_on_objects::call_function;
use super::testing_and_comparison::{is_callable, require_object_coercible, same_value};
use super::type_conversion::to_property_key;
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, HeapRoot, JsResult};
use crate::ecmascript::types::Value;
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// The `keyCoercion` argument of GroupBy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyCoercion {
    /// ~property~: keys become property keys (returned as Strings or Symbols).
    Property,
    /// ~zero~: keys are kept, with -0 normalised to +0.
    Zero,
}

/// One Record { [[Key]], [[Elements]] } of GroupBy's result.
#[derive(Debug)]
pub struct Group<'a> {
    /// `[[Key]]` (for ~property~, the String or Symbol of the property key).
    pub key: Value<'a>,
    /// `[[Elements]]`
    pub elements: Vec<Value<'a>>,
}

impl Bindable for Group<'_> {
    type Of<'a> = Group<'a>;
    fn unbind(self) -> Group<'static> {
        Group {
            key: self.key.unbind(),
            elements: self.elements.unbind(),
        }
    }
    fn bind<'a>(self, gc: NoGcScope<'a, '_>) -> Group<'a> {
        Group {
            key: self.key.bind(gc),
            elements: self.elements.bind(gc),
        }
    }
}

/// ### [7.3.35 GroupBy ( items, callback, keyCoercion )](https://tc39.es/ecma262/#sec-groupby)
///
/// While the iteration runs, keys and values live on the scoped-root stack;
/// `group_of` and `key_roots` (plain indexes) remember which is which.
pub fn group_by<'gc>(
    agent: &mut Agent,
    items: Value,
    callback: Value,
    key_coercion: KeyCoercion,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Vec<Group<'gc>>> {
    let items = items.bind(gc.nogc());
    let callback = callback.bind(gc.nogc());
    // 1. Perform ? RequireObjectCoercible(items).
    require_object_coercible(agent, items, gc.nogc())?;
    // 2. If IsCallable(callback) is false, throw a TypeError exception.
    if !is_callable(agent, callback) {
        return Err(agent.throw_type_error("callback is not a function", gc.into_nogc()));
    }
    let callback = callback.scope(agent, gc.nogc());
    // 4. Let iteratorRecord be ? GetIterator(items, sync).
    let (iterator, next) = get_iterator(agent, items.unbind(), gc.reborrow())?;
    let (iterator, next) = (iterator.unbind(), next.unbind());
    let iterator = iterator.scope(agent, gc.nogc());
    let next = next.scope(agent, gc.nogc());
    // 3. Let groups be a new empty List.
    let start = agent.scoped_roots.len();
    // Root index of each group's key, and the group of each value root.
    let mut key_roots: Vec<usize> = Vec::new();
    let mut group_of: Vec<(usize, usize)> = Vec::new();
    // 5. Let k be 0.
    let mut k: u64 = 0;
    // 6. Repeat,
    loop {
        // a. If k ≥ 2^53 - 1, then
        if k >= (1 << 53) - 1 {
            // i. Let error be ThrowCompletion(a newly created TypeError object).
            let error = agent.throw_type_error("Too many elements to group", gc.nogc());
            // ii. Return ? IteratorClose(iteratorRecord, error).
            return Err(iterator_close_on_error(
                agent,
                iterator.get(agent),
                error,
                gc,
            ));
        }
        // b. Let next be ? IteratorStepValue(iteratorRecord).
        let value =
            iterator_step_value(agent, iterator.get(agent), next.get(agent), gc.reborrow())?;
        // c. If next is done, then
        //    i. Return groups.
        let Some(value) = value else {
            break;
        };
        // d. Let value be next.
        let value = value.unbind().scope(agent, gc.nogc());
        // e. Let key be Completion(Call(callback, undefined, « value, 𝔽(k) »)).
        let index = agent.number(k as f64, gc.nogc()).unbind();
        let key = call_function(
            agent,
            callback.get(agent),
            Value::Undefined,
            ArgumentsList(&[value.get(agent), index]),
            gc.reborrow(),
        );
        // f. IfAbruptCloseIterator(key, iteratorRecord).
        let key = match key {
            Ok(key) => key.unbind(),
            Err(error) => {
                return Err(iterator_close_on_error(
                    agent,
                    iterator.get(agent),
                    error,
                    gc,
                ));
            }
        };
        let key = match key_coercion {
            // g. If keyCoercion is property, then
            KeyCoercion::Property => {
                // i. Set key to Completion(ToPropertyKey(key)).
                // ii. IfAbruptCloseIterator(key, iteratorRecord).
                match to_property_key(agent, key, gc.reborrow()) {
                    Ok(key) => {
                        let key = key.unbind();
                        agent.key_to_value(key, gc.nogc()).unbind()
                    }
                    Err(error) => {
                        return Err(iterator_close_on_error(
                            agent,
                            iterator.get(agent),
                            error,
                            gc,
                        ));
                    }
                }
            }
            // h. Else,
            //    i. Assert: keyCoercion is zero.
            //    ii. If key is -0𝔽, set key to +0𝔽.
            KeyCoercion::Zero => {
                if key.is_number() && agent.number_value(key) == 0.0 {
                    Value::Integer(0)
                } else {
                    key
                }
            }
        };
        // i. Perform AddValueToKeyedGroup(groups, key, value).
        add_value_to_keyed_group(agent, &mut key_roots, &mut group_of, key, value.get(agent));
        // j. Set k to k + 1.
        k += 1;
    }
    let gc = gc.into_nogc();
    let root = |agent: &Agent, i: usize| match agent.scoped_roots[i] {
        HeapRoot::Value(v) => v.bind(gc),
        _ => unreachable!("value root"),
    };
    let mut groups: Vec<Group> = key_roots
        .iter()
        .map(|&i| Group {
            key: root(agent, i),
            elements: Vec::new(),
        })
        .collect();
    for &(group, i) in &group_of {
        groups[group].elements.push(root(agent, i));
    }
    agent.scoped_roots.truncate(start);
    Ok(groups)
}

/// ### [7.3.36 AddValueToKeyedGroup ( groups, key, value )](https://tc39.es/ecma262/#sec-add-value-to-keyed-group)
///
/// `key` and `value` are pushed on the scoped-root stack; the group lists hold
/// their positions there.
fn add_value_to_keyed_group(
    agent: &mut Agent,
    key_roots: &mut Vec<usize>,
    group_of: &mut Vec<(usize, usize)>,
    key: Value,
    value: Value,
) {
    let value_root = agent.scoped_roots.len();
    agent.scoped_roots.push(HeapRoot::Value(value.unbind()));
    // 1. For each Record { [[Key]], [[Elements]] } g of groups, do
    for (group, &key_root) in key_roots.iter().enumerate() {
        let HeapRoot::Value(existing) = agent.scoped_roots[key_root] else {
            unreachable!("value root")
        };
        // a. If SameValue(g.[[Key]], key) is true, then
        if same_value(agent, existing, key) {
            // i. Assert: Exactly one element of groups meets this criterion.
            // ii. Append value to g.[[Elements]].
            group_of.push((group, value_root));
            // iii. Return unused.
            return;
        }
    }
    // 2. Let group be the Record { [[Key]]: key, [[Elements]]: « value » }.
    // 3. Append group to groups.
    let key_root = agent.scoped_roots.len();
    agent.scoped_roots.push(HeapRoot::Value(key.unbind()));
    group_of.push((key_roots.len(), value_root));
    key_roots.push(key_root);
    // 4. Return unused.
}
