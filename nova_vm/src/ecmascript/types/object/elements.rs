//! Storage for an object's array-index properties.
//!
//! Elements are dense (a vector with holes) while indexes stay close together,
//! and spill into a sorted sparse map for far-away indexes or elements whose
//! attributes differ from the rest — so `new Array(1e9)` allocates nothing and
//! `a[4e9] = 1` does not fill four billion holes.

use std::collections::BTreeMap;

use super::super::handle::define_handle;
use super::super::value::Value;
use super::attributes::Attributes;
use crate::ecmascript::execution::heap_layout::arena_ids;
use crate::heap::{HandleVisitor, Trace};

define_handle!(
    /// Handle to an elements record.
    Elements,
    arena_ids::ELEMENTS
);

/// Indexes beyond `dense.len() + DENSE_SLACK` (and beyond twice the dense
/// length) go to the sparse map.
const DENSE_SLACK: usize = 1024;

/// A sparse element: value (or getter) and, for accessors, the setter.
#[derive(Clone, Copy, Debug)]
pub struct SparseElement {
    /// Attributes of the element.
    pub attributes: Attributes,
    /// `[[Value]]`, or `[[Get]]` for accessors.
    pub value: Value<'static>,
    /// `[[Set]]` for accessors, undefined otherwise.
    pub setter: Value<'static>,
}

/// Where an element is stored.
#[derive(Clone, Copy, Debug)]
pub enum ElementRef {
    /// A dense data element with the record's dense attributes.
    Dense(Value<'static>, Attributes),
    /// A sparse element.
    Sparse(SparseElement),
}

/// An elements record.
#[derive(Debug)]
pub struct ElementsRecord {
    /// Dense elements; `None` is a hole.
    pub dense: Vec<Option<Value<'static>>>,
    /// Attributes shared by every dense element.
    pub dense_attributes: Attributes,
    /// Elements that are far away or have their own attributes.
    pub sparse: BTreeMap<u32, SparseElement>,
    /// The `length` of an array (unused for other objects).
    pub length: u32,
    /// Whether an array's `length` is writable.
    pub length_writable: bool,
}

impl Default for ElementsRecord {
    fn default() -> Self {
        Self {
            dense: Vec::new(),
            dense_attributes: Attributes::DEFAULT,
            sparse: BTreeMap::new(),
            length: 0,
            length_writable: true,
        }
    }
}

impl ElementsRecord {
    /// Dense elements with default attributes.
    pub fn from_values(values: Vec<Option<Value<'static>>>) -> Self {
        let length = values.len() as u32;
        Self {
            dense: values,
            length,
            ..Default::default()
        }
    }

    /// The element at `index`.
    #[inline]
    pub fn get(&self, index: u32) -> Option<ElementRef> {
        if let Some(Some(v)) = self.dense.get(index as usize) {
            return Some(ElementRef::Dense(*v, self.dense_attributes));
        }
        if self.sparse.is_empty() {
            return None;
        }
        self.sparse.get(&index).map(|e| ElementRef::Sparse(*e))
    }

    /// True if an element exists at `index`.
    #[inline]
    pub fn has(&self, index: u32) -> bool {
        matches!(self.dense.get(index as usize), Some(Some(_))) || self.sparse.contains_key(&index)
    }

    /// Stores a data element with `attributes`, choosing dense or sparse storage.
    pub fn set(&mut self, index: u32, value: Value<'static>, attributes: Attributes) {
        let i = index as usize;
        if attributes == self.dense_attributes && self.fits_dense(i) {
            if !self.sparse.is_empty() {
                self.sparse.remove(&index);
            }
            if i >= self.dense.len() {
                self.dense.resize(i + 1, None);
            }
            self.dense[i] = Some(value);
        } else {
            self.remove_dense(i);
            self.sparse.insert(
                index,
                SparseElement {
                    attributes,
                    value,
                    setter: Value::Undefined,
                },
            );
        }
    }

    /// Stores an accessor element.
    pub fn set_accessor(
        &mut self,
        index: u32,
        getter: Value<'static>,
        setter: Value<'static>,
        attributes: Attributes,
    ) {
        self.remove_dense(index as usize);
        self.sparse.insert(
            index,
            SparseElement {
                attributes,
                value: getter,
                setter,
            },
        );
    }

    /// Removes the element at `index` (if any).
    pub fn remove(&mut self, index: u32) {
        self.remove_dense(index as usize);
        if !self.sparse.is_empty() {
            self.sparse.remove(&index);
        }
    }

    fn remove_dense(&mut self, i: usize) {
        if i < self.dense.len() {
            self.dense[i] = None;
            if i + 1 == self.dense.len() {
                while matches!(self.dense.last(), Some(None)) {
                    self.dense.pop();
                }
            }
        }
    }

    fn fits_dense(&self, i: usize) -> bool {
        i < self.dense.len() + DENSE_SLACK || i < self.dense.len() * 2
    }

    /// Every present index in ascending order.
    pub fn indexes(&self) -> Vec<u32> {
        let mut out: Vec<u32> = self
            .dense
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_some())
            .map(|(i, _)| i as u32)
            .collect();
        if !self.sparse.is_empty() {
            out.extend(self.sparse.keys().copied());
            out.sort_unstable();
        }
        out
    }

    /// Number of present elements.
    pub fn count(&self) -> usize {
        self.dense.iter().filter(|v| v.is_some()).count() + self.sparse.len()
    }

    /// Removes every element at or above `new_length` (array length truncation).
    pub fn truncate(&mut self, new_length: u32) {
        if (new_length as usize) < self.dense.len() {
            self.dense.truncate(new_length as usize);
        }
        if !self.sparse.is_empty() {
            self.sparse.split_off(&new_length);
        }
    }

    /// Applies `f` to the attributes of every element (freeze and seal). Dense
    /// elements share one attribute set, so this is cheap for them.
    pub fn map_attributes(&mut self, f: impl Fn(Attributes) -> Attributes) {
        self.dense_attributes = f(self.dense_attributes);
        for element in self.sparse.values_mut() {
            element.attributes = f(element.attributes);
        }
    }

    /// Bytes owned outside the record.
    pub fn payload_bytes(&self) -> usize {
        self.dense.capacity() * 8 + self.sparse.len() * 48
    }
}

impl Trace for ElementsRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        for v in self.dense.iter_mut().flatten() {
            v.trace(visitor);
        }
        for e in self.sparse.values_mut() {
            e.value.trace(visitor);
            e.setter.trace(visitor);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn far_indexes_go_sparse() {
        let mut e = ElementsRecord::default();
        e.set(0, Value::Integer(1), Attributes::DEFAULT);
        e.set(4_000_000_000, Value::Integer(2), Attributes::DEFAULT);
        assert_eq!(e.dense.len(), 1);
        assert_eq!(e.sparse.len(), 1);
        assert_eq!(e.indexes(), vec![0, 4_000_000_000]);
        e.truncate(1);
        assert_eq!(e.indexes(), vec![0]);
    }
}
