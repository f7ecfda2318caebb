//! Assignment sites that add a property (`this.x = x` in a constructor):
//! each remembers the last add it made as an [`AddTransition`], so the next
//! object of the same shape gets the property without the [[Set]] walk
//! (OrdinarySet, [10.1.9.2](https://tc39.es/ecma262/#sec-ordinarysetwithowndescriptor)),
//! the shape lookup of the transition, or the search of the prototype chain.

use crate::ecmascript::execution::Agent;
use crate::ecmascript::types::object::{ObjectKind, Shape};
use crate::ecmascript::types::{Object, PropertyKey, Value};
use crate::engine::Bindable;
use crate::engine::bytecode::{AddTransition, Code, MAX_ADD_PROTOTYPES};

/// Objects whose named properties all live in their shape, so that a shape
/// decides an assignment to them.
pub(super) fn has_plain_named_properties(kind: ObjectKind) -> bool {
    matches!(
        kind,
        ObjectKind::Ordinary
            | ObjectKind::Error
            | ObjectKind::ECMAScriptFunction(_)
            | ObjectKind::BuiltinFunction(_)
            | ObjectKind::BoundFunction(_)
    )
}

/// Adds `value` to `o` as the site's last add did, when that add still
/// applies: `o` has the shape the last receiver had before it, every
/// prototype above it has the shape it had then (so the chain still holds no
/// setter or read-only property of the key, and `o` is still extensible).
/// False if the full assignment must run.
pub(super) fn add_cached(
    agent: &mut Agent,
    code: Code,
    cache: u32,
    o: Object,
    value: Value,
) -> bool {
    let Some(Some(add)) = agent
        .heap
        .code
        .get(code.index())
        .add_transitions
        .get(cache as usize)
        .copied()
    else {
        return false;
    };
    let record = o.record(agent);
    if record.shape != add.from || !has_plain_named_properties(record.kind) {
        return false;
    }
    // Each shape fixes its object's prototype: compare the chain shape by
    // shape (the chain ended where the remembered shapes end).
    let mut shape = add.from;
    for expected in add.prototype_shapes {
        match (agent.heap.shapes.get(shape.index()).prototype, expected) {
            (None, None) => break,
            (Some(prototype), Some(expected)) => {
                shape = prototype.record(agent).shape;
                if shape != expected {
                    return false;
                }
            }
            _ => return false,
        }
    }
    o.reserve_slots_for(agent, add.to);
    o.record_mut(agent).shape = add.to;
    o.set_slot(agent, add.slot, value);
    true
}

/// Remembers at the site that `o`, of shape `from` before, just got `key`
/// added by a plain [[Set]]: unless a shape involved is a dictionary (those
/// change in place) or the chain is longer than [`MAX_ADD_PROTOTYPES`].
pub(super) fn remember_add(
    agent: &mut Agent,
    code: Code,
    cache: u32,
    o: Object,
    from: Shape,
    key: PropertyKey,
) {
    let to = o.record(agent).shape;
    let (from_record, to_record) = (
        agent.heap.shapes.get(from.index()),
        agent.heap.shapes.get(to.index()),
    );
    if from_record.dictionary || to_record.dictionary {
        return;
    }
    let Some(index) = to_record.find(key) else {
        return;
    };
    let slot = to_record.entries[index].slot;
    let mut prototype_shapes = [None; MAX_ADD_PROTOTYPES];
    let mut next = from_record.prototype;
    for entry in prototype_shapes.iter_mut() {
        let Some(prototype) = next else {
            break;
        };
        let shape = prototype.record(agent).shape;
        let shape_record = agent.heap.shapes.get(shape.index());
        if shape_record.dictionary {
            return;
        }
        *entry = Some(shape.unbind());
        next = shape_record.prototype;
    }
    if next.is_some() {
        return;
    }
    let record = agent.heap.code.get_mut(code.index());
    if record.add_transitions.is_empty() {
        record.add_transitions = vec![None; record.caches.len()];
    }
    record.add_transitions[cache as usize] = Some(AddTransition {
        from: from.unbind(),
        to: to.unbind(),
        slot,
        prototype_shapes,
    });
}
