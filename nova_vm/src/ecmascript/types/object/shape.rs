//! Shapes (hidden classes): an object's prototype, extensibility and the
//! ordered list of its named (non-index) property keys with their attributes and
//! slot positions.
//!
//! Objects created the same way share one shape. Adding a property follows (or
//! creates) a *transition* from the current shape to a child shape; transitions
//! are weak, so unused shapes are collected. An object that gains many
//! properties, or loses one, moves to a *dictionary* shape of its own that is
//! edited in place and has a hash index.

use ahash::AHashMap;

use super::super::handle::define_handle;
use super::super::property_key::PropertyKey;
use super::super::value::Object;
use super::attributes::Attributes;
use crate::ecmascript::execution::heap_layout::arena_ids;
use crate::heap::{HandleVisitor, Trace};

define_handle!(
    /// Handle to a shape record.
    Shape,
    arena_ids::SHAPES
);

/// Shapes with more keys than this become dictionaries.
pub const MAX_SHARED_SHAPE_KEYS: usize = 64;

/// Shapes with more keys than this keep a hash index next to the key list.
const LINEAR_SEARCH_LIMIT: usize = 8;

/// One named property of a shape.
#[derive(Clone, Copy, Debug)]
pub struct ShapeEntry {
    /// The key (never an array index).
    pub key: PropertyKey<'static>,
    /// Its attributes.
    pub attributes: Attributes,
    /// First slot of its value(s) in the object's slot storage.
    pub slot: u32,
}

/// A shape record.
#[derive(Debug, Default)]
pub struct ShapeRecord {
    /// `[[Prototype]]`
    pub prototype: Option<Object<'static>>,
    /// `[[Extensible]]`
    pub extensible: bool,
    /// True if the shape belongs to one object and is edited in place.
    pub dictionary: bool,
    /// Named properties in insertion order.
    pub entries: Vec<ShapeEntry>,
    /// Number of slots the entries use.
    pub slot_count: u32,
    /// Key → entry position, for shapes with many keys.
    pub index: Option<AHashMap<PropertyKey<'static>, u32>>,
    /// Child shapes by added (key, attributes); weak.
    pub transitions: Vec<(PropertyKey<'static>, Attributes, Shape<'static>)>,
    /// Child shape with `[[Extensible]]` false; weak.
    pub non_extensible: Option<Shape<'static>>,
}

impl ShapeRecord {
    /// An empty, extensible shape with the given prototype.
    pub fn root(prototype: Option<Object<'static>>) -> Self {
        Self {
            prototype,
            extensible: true,
            ..Default::default()
        }
    }

    /// Position of `key` in `entries`.
    #[inline]
    pub fn find(&self, key: PropertyKey) -> Option<usize> {
        let key = crate::engine::Bindable::unbind(key);
        if let Some(index) = &self.index {
            return index.get(&key).map(|&i| i as usize);
        }
        self.entries.iter().position(|e| e.key == key)
    }

    /// A copy of this shape's layout with one more property (not yet linked).
    pub fn with_added(&self, key: PropertyKey<'static>, attributes: Attributes) -> ShapeRecord {
        let mut entries = Vec::with_capacity(self.entries.len() + 1);
        entries.extend_from_slice(&self.entries);
        entries.push(ShapeEntry {
            key,
            attributes,
            slot: self.slot_count,
        });
        let mut record = ShapeRecord {
            prototype: self.prototype,
            extensible: self.extensible,
            dictionary: false,
            slot_count: self.slot_count + attributes.slot_count(),
            entries,
            index: None,
            transitions: Vec::new(),
            non_extensible: None,
        };
        record.rebuild_index();
        record
    }

    /// A copy of this shape to be owned by one object as a dictionary.
    pub fn to_dictionary(&self) -> ShapeRecord {
        let mut record = ShapeRecord {
            prototype: self.prototype,
            extensible: self.extensible,
            dictionary: true,
            entries: self.entries.clone(),
            slot_count: self.slot_count,
            index: None,
            transitions: Vec::new(),
            non_extensible: None,
        };
        record.rebuild_index();
        record
    }

    /// Rebuilds the hash index after entries changed.
    pub fn rebuild_index(&mut self) {
        if self.entries.len() > LINEAR_SEARCH_LIMIT {
            self.index = Some(
                self.entries
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (e.key, i as u32))
                    .collect(),
            );
        } else {
            self.index = None;
        }
    }

    /// Adds a property to a dictionary shape in place.
    pub fn dictionary_add(&mut self, key: PropertyKey<'static>, attributes: Attributes) -> u32 {
        debug_assert!(self.dictionary);
        let slot = self.slot_count;
        self.entries.push(ShapeEntry {
            key,
            attributes,
            slot,
        });
        self.slot_count += attributes.slot_count();
        match &mut self.index {
            Some(index) => {
                index.insert(key, (self.entries.len() - 1) as u32);
            }
            None => self.rebuild_index(),
        }
        slot
    }

    /// The transition for adding `key` with `attributes`, if one exists.
    #[inline]
    pub fn transition(&self, key: PropertyKey, attributes: Attributes) -> Option<Shape<'static>> {
        let key = crate::engine::Bindable::unbind(key);
        self.transitions
            .iter()
            .find(|(k, a, _)| *k == key && *a == attributes)
            .map(|(_, _, s)| *s)
    }

    /// Rehashes the key index after the collector rewrote key handles.
    pub fn after_fixup(&mut self) {
        if self.index.is_some() {
            self.rebuild_index();
        }
    }

    /// Drops weak links to shapes that did not survive marking.
    pub fn sweep_weak(&mut self, is_live: impl Fn(u32) -> bool) {
        self.transitions.retain(|(_, _, s)| is_live(s.index()));
        if self.non_extensible.is_some_and(|s| !is_live(s.index())) {
            self.non_extensible = None;
        }
    }
}

impl Trace for ShapeRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.prototype.trace(visitor);
        for entry in &mut self.entries {
            entry.key.trace(visitor);
        }
        // The hash index holds the same keys as `entries`; the collector calls
        // `after_fixup` to rehash it once handles have moved.
        for (key, _, _) in &mut self.transitions {
            key.trace(visitor);
        }
    }

    fn trace_weak(&mut self, visitor: &mut impl HandleVisitor) {
        for (_, _, shape) in &mut self.transitions {
            shape.visit(visitor);
        }
        if let Some(s) = &mut self.non_extensible {
            s.visit(visitor);
        }
    }
}
