//! Low-level property storage: allocation of objects, shape transitions,
//! slot storage and elements. These operations never run JavaScript and never
//! collect; the internal methods build the spec's semantics on top of them.

use super::attributes::Attributes;
use super::elements::{Elements, ElementsRecord};
use super::record::{ObjectKind, ObjectRecord};
use super::shape::{MAX_SHARED_SHAPE_KEYS, Shape, ShapeEntry, ShapeRecord};
use crate::ecmascript::execution::Agent;
use crate::ecmascript::execution::heap_layout::{Heap, SlotsRef};
use crate::ecmascript::types::{Object, PropertyKey, Value};
use crate::engine::{Bindable, NoGcScope};
use crate::heap::Arena;

impl Heap {
    /// The shared empty shape for objects with prototype `prototype`.
    pub fn root_shape(&mut self, prototype: Option<Object>) -> Shape<'static> {
        let prototype = prototype.unbind();
        if let Some(shape) = self.root_shapes.get(&prototype) {
            return *shape;
        }
        let shape = self.alloc_shape(ShapeRecord::root(prototype));
        self.root_shapes.insert(prototype, shape);
        shape
    }

    /// Stores a new shape record.
    pub fn alloc_shape(&mut self, record: ShapeRecord) -> Shape<'static> {
        self.allocated_since_gc += Arena::<ShapeRecord>::RECORD_BYTES + record.entries.len() * 16;
        Shape::from_index(self.shapes.push(record))
    }

    /// Stores a new elements record.
    pub fn alloc_elements(&mut self, record: ElementsRecord) -> Elements<'static> {
        self.allocated_since_gc += Arena::<ElementsRecord>::RECORD_BYTES + record.payload_bytes();
        Elements::from_index(self.elements.push(record))
    }

    /// Stores a new object record with an empty layout.
    pub fn alloc_object(&mut self, prototype: Option<Object>, kind: ObjectKind) -> Object<'static> {
        let shape = self.root_shape(prototype);
        self.allocated_since_gc += Arena::<ObjectRecord>::RECORD_BYTES;
        Object::from_index(self.objects.push(ObjectRecord {
            shape,
            slots: SlotsRef::EMPTY,
            elements: None,
            kind,
        }))
    }
}

impl Heap {
    /// Allocates an object that starts with `shape` (a shared shape whose
    /// prototype is the object's), with room for its slots, all undefined:
    /// the caller fills them.
    pub(crate) fn alloc_object_with_shape(
        &mut self,
        shape: Shape<'static>,
        kind: ObjectKind,
    ) -> Object<'static> {
        let slot_count = self.shapes.get(shape.index()).slot_count as usize;
        let slots = self.alloc_slots(slot_count);
        self.allocated_since_gc += Arena::<ObjectRecord>::RECORD_BYTES;
        Object::from_index(self.objects.push(ObjectRecord {
            shape,
            slots,
            elements: None,
            kind,
        }))
    }
}

impl Agent {
    /// Allocates an object (ordinary layout) with the given prototype and kind.
    pub fn create_object<'a>(
        &mut self,
        prototype: Option<Object>,
        kind: ObjectKind,
        gc: NoGcScope<'a, '_>,
    ) -> Object<'a> {
        self.heap.alloc_object(prototype, kind).bind(gc)
    }
}

impl<'a> Object<'a> {
    /// The object's record.
    #[inline]
    pub(crate) fn record(self, agent: &Agent) -> &ObjectRecord {
        agent.heap.objects.get(self.index())
    }

    /// The object's record, mutably.
    #[inline]
    pub(crate) fn record_mut(self, agent: &mut Agent) -> &mut ObjectRecord {
        agent.heap.objects.get_mut(self.index())
    }

    /// Exotic behaviour and internal slots.
    #[inline]
    pub fn kind(self, agent: &Agent) -> ObjectKind {
        self.record(agent).kind
    }

    /// The shape record.
    #[inline]
    pub(crate) fn shape_record(self, agent: &Agent) -> &ShapeRecord {
        agent.heap.shapes.get(self.record(agent).shape.index())
    }

    /// `[[Prototype]]` as stored (no proxy traps).
    #[inline]
    pub fn stored_prototype(self, agent: &Agent) -> Option<Object<'a>> {
        self.shape_record(agent)
            .prototype
            .map(|p| Object::from_index(p.index()))
    }

    /// `[[Extensible]]` as stored (no proxy traps).
    #[inline]
    pub fn stored_extensible(self, agent: &Agent) -> bool {
        self.shape_record(agent).extensible
    }

    /// True if the object has a `[[Call]]` internal method.
    #[inline]
    pub fn is_callable(self, agent: &Agent) -> bool {
        self.kind(agent).is_callable()
    }

    /// True if the object has an `[[IsHTMLDDA]]` internal slot
    /// ([B.3.6](https://tc39.es/ecma262/#sec-IsHTMLDDA-internal-slot)).
    #[inline]
    pub fn is_html_dda(self, agent: &Agent) -> bool {
        if !agent.heap.has_html_dda_objects {
            return false;
        }
        match self.kind(agent) {
            ObjectKind::BuiltinFunction(f) => {
                agent.heap.builtin_functions.get(f.index()).is_html_dda
            }
            _ => false,
        }
    }

    /// The named property `key` (not an index), if the object has it.
    #[inline]
    pub fn find_named(self, agent: &Agent, key: PropertyKey) -> Option<ShapeEntry> {
        let shape = self.shape_record(agent);
        shape.find(key).map(|i| shape.entries[i])
    }

    /// Value of slot `slot`.
    #[inline]
    pub fn slot(self, agent: &Agent, slot: u32) -> Value<'a> {
        agent.heap.slot_value(self.record(agent).slots, slot)
    }

    /// Stores into slot `slot`.
    #[inline]
    pub fn set_slot(self, agent: &mut Agent, slot: u32, value: Value) {
        let slots = self.record(agent).slots;
        agent.heap.set_slot_value(slots, slot, value.unbind());
    }

    /// Makes room for `count` slots, moving values to a larger chunk if needed.
    fn reserve_slots(self, agent: &mut Agent, count: usize) {
        let old = self.record(agent).slots;
        if old.capacity() >= count {
            return;
        }
        let new = agent.heap.alloc_slots(count.max(2));
        agent.heap.copy_slots(old, new);
        self.record_mut(agent).slots = new;
        // Global-name caches remember the slot storage of the global object
        // and the global lexicals.
        self.note_global_reconfigured(agent);
    }

    /// Adds a named data property (the key must not be present).
    pub fn add_named_data(
        self,
        agent: &mut Agent,
        key: PropertyKey,
        value: Value,
        attributes: Attributes,
    ) {
        let slot = self.add_named_entry(agent, key.unbind(), attributes);
        self.set_slot(agent, slot, value);
    }

    /// Adds a named accessor property (the key must not be present).
    pub fn add_named_accessor(
        self,
        agent: &mut Agent,
        key: PropertyKey,
        getter: Value,
        setter: Value,
        attributes: Attributes,
    ) {
        let slot = self.add_named_entry(agent, key.unbind(), attributes);
        self.set_slot(agent, slot, getter);
        self.set_slot(agent, slot + 1, setter);
    }

    /// Appends a key to the layout (following or creating a transition) and
    /// returns its first slot.
    fn add_named_entry(
        self,
        agent: &mut Agent,
        key: PropertyKey<'static>,
        attributes: Attributes,
    ) -> u32 {
        let shape_handle = self.record(agent).shape;
        let shape = agent.heap.shapes.get(shape_handle.index());
        if shape.dictionary {
            let needed = (shape.slot_count + attributes.slot_count()) as usize;
            self.reserve_slots(agent, needed);
            return agent
                .heap
                .shapes
                .get_mut(shape_handle.index())
                .dictionary_add(key, attributes);
        }
        let slot = shape.slot_count;
        let new_shape = if let Some(child) = shape.transition(key, attributes) {
            child
        } else if shape.entries.len() >= MAX_SHARED_SHAPE_KEYS {
            let mut dictionary = shape.to_dictionary();
            dictionary.dictionary_add(key, attributes);
            agent.heap.alloc_shape(dictionary)
        } else {
            let child = shape.with_added(key, attributes);
            let child = agent.heap.alloc_shape(child);
            agent
                .heap
                .shapes
                .get_mut(shape_handle.index())
                .transitions
                .push((key, attributes, child));
            child
        };
        self.reserve_slots_for(agent, new_shape);
        self.record_mut(agent).shape = new_shape;
        slot
    }

    /// Makes sure the object's slot storage can hold the values of `shape`
    /// (a shape it is about to take).
    pub(crate) fn reserve_slots_for(self, agent: &mut Agent, shape: Shape) {
        let needed = agent.heap.shapes.get(shape.index()).slot_count as usize;
        if self.record(agent).slots.capacity() < needed {
            // Objects built the same way tend to end up alike: room for what
            // the earlier ones went on to hold saves regrowing (and copying)
            // the storage at every other property.
            let expected = expected_slot_count(&agent.heap, shape).max(needed);
            self.reserve_slots(agent, expected);
        }
    }

    /// Gives the object a dictionary shape of its own (if it has not one yet).
    pub(crate) fn make_dictionary(self, agent: &mut Agent) {
        let shape_handle = self.record(agent).shape;
        let shape = agent.heap.shapes.get(shape_handle.index());
        if shape.dictionary {
            return;
        }
        let dictionary = shape.to_dictionary();
        let new_shape = agent.heap.alloc_shape(dictionary);
        self.record_mut(agent).shape = new_shape;
    }

    /// Invalidates global-name caches when a realm's global object changes shape in place.
    fn note_global_reconfigured(self, agent: &mut Agent) {
        let is_global_holder = agent.realms.iter().any(|realm| {
            realm.global_object.index() == self.index()
                || realm.global_lexicals.index() == self.index()
        });
        if is_global_holder {
            agent.bump_global_epoch();
        }
    }

    /// Removes a named property (the object becomes a dictionary).
    pub fn remove_named(self, agent: &mut Agent, key: PropertyKey) {
        self.note_global_reconfigured(agent);
        self.make_dictionary(agent);
        let shape_handle = self.record(agent).shape;
        let slots = self.record(agent).slots;
        let shape = agent.heap.shapes.get_mut(shape_handle.index());
        let Some(position) = shape.find(key) else {
            return;
        };
        let removed = shape.entries.remove(position);
        let width = removed.attributes.slot_count();
        // Close the gap in the slots so the layout stays dense.
        for entry in shape.entries.iter_mut().skip(position) {
            entry.slot -= width;
        }
        shape.slot_count -= width;
        shape.rebuild_index();
        let values = agent.heap.slots_mut(slots);
        let start = removed.slot as usize;
        values.copy_within(start + width as usize.., start);
        let len = values.len();
        for v in &mut values[len - width as usize..] {
            *v = Value::Undefined;
        }
    }

    /// Changes a named property's attributes and value(s) in place (the object
    /// becomes a dictionary). `values` are the value, or getter and setter.
    pub fn replace_named(
        self,
        agent: &mut Agent,
        key: PropertyKey,
        attributes: Attributes,
        first: Value,
        second: Value,
    ) {
        let Some(entry) = self.find_named(agent, key) else {
            return;
        };
        if entry.attributes == attributes {
            self.set_slot(agent, entry.slot, first);
            if attributes.is_accessor() {
                self.set_slot(agent, entry.slot + 1, second);
            }
            return;
        }
        self.note_global_reconfigured(agent);
        self.make_dictionary(agent);
        let shape_handle = self.record(agent).shape;
        if entry.attributes.slot_count() == attributes.slot_count() {
            let shape = agent.heap.shapes.get_mut(shape_handle.index());
            let position = shape.find(key).expect("property present");
            shape.entries[position].attributes = attributes;
            self.set_slot(agent, entry.slot, first);
            if attributes.is_accessor() {
                self.set_slot(agent, entry.slot + 1, second);
            }
        } else {
            // Data <-> accessor: re-add at the same position with new slots.
            let shape = agent.heap.shapes.get_mut(shape_handle.index());
            let position = shape.find(key).expect("property present");
            let slot = shape.slot_count;
            shape.entries[position] = ShapeEntry {
                key: key.unbind(),
                attributes,
                slot,
            };
            shape.slot_count += attributes.slot_count();
            let needed = shape.slot_count as usize;
            self.reserve_slots(agent, needed);
            self.set_slot(agent, slot, first);
            if attributes.is_accessor() {
                self.set_slot(agent, slot + 1, second);
            }
        }
    }

    /// Sets `[[Prototype]]` in storage (no checks).
    pub fn set_stored_prototype(self, agent: &mut Agent, prototype: Option<Object>) {
        let prototype = prototype.unbind();
        let shape_handle = self.record(agent).shape;
        let shape = agent.heap.shapes.get(shape_handle.index());
        if shape.prototype == prototype {
            return;
        }
        if shape.entries.is_empty() && shape.extensible && !shape.dictionary {
            let root = agent.heap.root_shape(prototype);
            self.record_mut(agent).shape = root;
            return;
        }
        self.make_dictionary(agent);
        let shape_handle = self.record(agent).shape;
        agent.heap.shapes.get_mut(shape_handle.index()).prototype = prototype;
    }

    /// Clears `[[Extensible]]` in storage.
    pub fn set_stored_non_extensible(self, agent: &mut Agent) {
        let shape_handle = self.record(agent).shape;
        let shape = agent.heap.shapes.get(shape_handle.index());
        if !shape.extensible {
            return;
        }
        if shape.dictionary {
            agent.heap.shapes.get_mut(shape_handle.index()).extensible = false;
            return;
        }
        let child = match shape.non_extensible {
            Some(child) => child,
            None => {
                let mut record = shape.to_dictionary();
                record.dictionary = false;
                record.extensible = false;
                let child = agent.heap.alloc_shape(record);
                agent
                    .heap
                    .shapes
                    .get_mut(shape_handle.index())
                    .non_extensible = Some(child);
                child
            }
        };
        self.record_mut(agent).shape = child;
    }

    /// Named property entries in insertion order.
    pub fn named_entries(self, agent: &Agent) -> Vec<ShapeEntry> {
        self.shape_record(agent).entries.clone()
    }

    /// The elements record, if any.
    #[inline]
    pub fn elements(self, agent: &Agent) -> Option<&ElementsRecord> {
        self.record(agent)
            .elements
            .map(|e| agent.heap.elements.get(e.index()))
    }

    /// The elements record, created if missing.
    #[inline]
    pub fn elements_mut(self, agent: &mut Agent) -> &mut ElementsRecord {
        let elements = match self.record(agent).elements {
            Some(e) => e,
            None => {
                let e = agent.heap.alloc_elements(ElementsRecord::default());
                self.record_mut(agent).elements = Some(e);
                e
            }
        };
        agent.heap.elements.get_mut(elements.index())
    }

    /// Replaces the elements record.
    pub fn set_elements(self, agent: &mut Agent, record: ElementsRecord) {
        let e = agent.heap.alloc_elements(record);
        self.record_mut(agent).elements = Some(e);
    }
}

/// Most transitions a storage-size prediction follows.
const MAX_PREDICTION_HOPS: usize = 16;

/// The slot count objects reaching `shape` went on to have: the shape at the
/// end of its chain of single transitions (where earlier objects all added
/// the same next property), followed at most [`MAX_PREDICTION_HOPS`] steps.
fn expected_slot_count(heap: &Heap, shape: Shape) -> usize {
    let mut record = heap.shapes.get(shape.index());
    for _ in 0..MAX_PREDICTION_HOPS {
        let [(_, _, next)] = record.transitions.as_slice() else {
            break;
        };
        record = heap.shapes.get(next.index());
    }
    record.slot_count as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ecmascript::execution::{AgentOptions, DefaultHostHooks};
    use crate::ecmascript::types::WellKnownSymbol;
    use crate::engine::{GcToken, ScopeToken};

    fn agent() -> Agent {
        Agent::new(AgentOptions::default(), Box::new(DefaultHostHooks))
    }

    #[test]
    fn objects_built_alike_share_shapes() {
        let mut agent = agent();
        let (token, scope) = (GcToken, ScopeToken);
        let gc = NoGcScope::new(&token, &scope);
        let prototype = agent.heap.alloc_object(None, ObjectKind::Ordinary);
        let a = agent.create_object(Some(prototype), ObjectKind::Ordinary, gc);
        let b = agent.create_object(Some(prototype), ObjectKind::Ordinary, gc);
        let c = agent.create_object(Some(prototype), ObjectKind::Ordinary, gc);
        // Same prototype: same empty root shape.
        assert_eq!(a.record(&agent).shape, b.record(&agent).shape);
        let (x, y) = (agent.key_from_str("x", gc), agent.key_from_str("y", gc));
        a.add_named_data(&mut agent, x, Value::Integer(1), Attributes::DEFAULT);
        a.add_named_data(&mut agent, y, Value::Integer(2), Attributes::DEFAULT);
        b.add_named_data(&mut agent, x, Value::Integer(3), Attributes::DEFAULT);
        b.add_named_data(&mut agent, y, Value::Integer(4), Attributes::DEFAULT);
        // Same keys in the same order: the transition is shared.
        assert_eq!(a.record(&agent).shape, b.record(&agent).shape);
        // Another order: another shape.
        c.add_named_data(&mut agent, y, Value::Integer(5), Attributes::DEFAULT);
        c.add_named_data(&mut agent, x, Value::Integer(6), Attributes::DEFAULT);
        assert_ne!(a.record(&agent).shape, c.record(&agent).shape);
        // Values stay per object.
        let entry = b.find_named(&agent, x).unwrap();
        assert_eq!(b.slot(&agent, entry.slot), Value::Integer(3));
        // The root shape has one transition for `x`, one for `y`.
        let root = agent.heap.root_shape(Some(prototype));
        assert_eq!(agent.heap.shapes.get(root.index()).transitions.len(), 2);
        // Deleting turns the object into a dictionary of its own.
        a.remove_named(&mut agent, x);
        assert!(
            agent
                .heap
                .shapes
                .get(a.record(&agent).shape.index())
                .dictionary
        );
        assert_ne!(a.record(&agent).shape, b.record(&agent).shape);
        let entry = a.find_named(&agent, y).unwrap();
        assert_eq!(a.slot(&agent, entry.slot), Value::Integer(2));
    }

    #[test]
    fn storage_is_sized_for_what_objects_built_alike_went_on_to_hold() {
        let mut agent = agent();
        let (token, scope) = (GcToken, ScopeToken);
        let gc = NoGcScope::new(&token, &scope);
        let keys: Vec<PropertyKey> = ["a", "b", "c", "d", "e"]
            .iter()
            .map(|name| agent.key_from_str(name, gc))
            .collect();
        let first = agent.create_object(None, ObjectKind::Ordinary, gc);
        for (i, key) in keys.iter().enumerate() {
            first.add_named_data(
                &mut agent,
                *key,
                Value::Integer(i as i32),
                Attributes::DEFAULT,
            );
        }
        // The next object built the same way gets room for all five on its
        // first property, and keeps that storage to the end.
        let second = agent.create_object(None, ObjectKind::Ordinary, gc);
        second.add_named_data(&mut agent, keys[0], Value::Integer(0), Attributes::DEFAULT);
        let storage = second.record(&agent).slots;
        assert!(storage.capacity() >= 5);
        for (i, key) in keys.iter().enumerate().skip(1) {
            second.add_named_data(
                &mut agent,
                *key,
                Value::Integer(i as i32),
                Attributes::DEFAULT,
            );
        }
        assert_eq!(second.record(&agent).slots, storage);
        let entry = second.find_named(&agent, keys[4]).unwrap();
        assert_eq!(second.slot(&agent, entry.slot), Value::Integer(4));
        // Where earlier objects went different ways, only what is needed.
        let other = agent.create_object(None, ObjectKind::Ordinary, gc);
        other.add_named_data(&mut agent, keys[1], Value::Integer(1), Attributes::DEFAULT);
        let lone = agent.create_object(None, ObjectKind::Ordinary, gc);
        lone.add_named_data(&mut agent, keys[2], Value::Integer(2), Attributes::DEFAULT);
        assert!(lone.record(&agent).slots.capacity() < 5);
    }

    #[test]
    fn own_keys_follow_the_spec_order() {
        let mut agent = agent();
        let (token, scope) = (GcToken, ScopeToken);
        let gc = NoGcScope::new(&token, &scope);
        let o = agent.create_object(None, ObjectKind::Ordinary, gc);
        let keys = [
            agent.key_from_str("b", gc),
            PropertyKey::Index(10),
            WellKnownSymbol::Iterator.key(),
            agent.key_from_str("a", gc),
            PropertyKey::Index(2),
            agent.key_from_str("4294967295", gc),
            WellKnownSymbol::HasInstance.key(),
        ];
        for key in keys {
            let desc = crate::ecmascript::types::PropertyDescriptor::data(
                Value::Undefined,
                true,
                true,
                true,
            );
            assert!(o.ordinary_define_own_property(&mut agent, key, desc, gc));
        }
        let order: Vec<String> = o
            .ordinary_own_property_keys(&agent, gc)
            .into_iter()
            .map(|k| agent.key_display(k))
            .collect();
        assert_eq!(
            order,
            [
                "2",
                "10",
                "b",
                "a",
                "4294967295",
                "Symbol(Symbol.iterator)",
                "Symbol(Symbol.hasInstance)"
            ]
        );
    }

    #[test]
    fn many_properties_switch_to_a_dictionary() {
        let mut agent = agent();
        let (token, scope) = (GcToken, ScopeToken);
        let gc = NoGcScope::new(&token, &scope);
        let o = agent.create_object(None, ObjectKind::Ordinary, gc);
        for i in 0..200 {
            let key = agent.key_from_str(&format!("p{i}"), gc);
            o.add_named_data(&mut agent, key, Value::Integer(i), Attributes::DEFAULT);
        }
        assert!(
            agent
                .heap
                .shapes
                .get(o.record(&agent).shape.index())
                .dictionary
        );
        let key = agent.key_from_str("p150", gc);
        let entry = o.find_named(&agent, key).unwrap();
        assert_eq!(o.slot(&agent, entry.slot), Value::Integer(150));
    }
}
