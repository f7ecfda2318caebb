//! Heap records for numbers and BigInts that do not fit in a [`Value`](super::Value).

use num_bigint::BigInt;

use crate::heap::{HandleVisitor, Trace};

/// A heap-allocated Number.
#[derive(Debug, Clone, Copy)]
pub struct NumberRecord(pub f64);

impl Trace for NumberRecord {
    fn trace(&mut self, _: &mut impl HandleVisitor) {}
}

/// A heap-allocated BigInt.
#[derive(Debug, Clone)]
pub struct BigIntRecord(pub BigInt);

impl Trace for BigIntRecord {
    fn trace(&mut self, _: &mut impl HandleVisitor) {}
}
