//! ### [10.4.1 Bound Function Exotic Objects](https://tc39.es/ecma262/#sec-bound-function-exotic-objects)

use crate::ecmascript::execution::heap_layout::arena_ids;
use crate::ecmascript::types::handle::define_handle;
use crate::ecmascript::types::{Object, Value};
use crate::heap::{HandleVisitor, Trace};

define_handle!(
    /// Handle to a bound function's internal slots.
    BoundFunction,
    arena_ids::BOUND_FUNCTIONS
);

/// Internal slots of a bound function exotic object.
#[derive(Debug)]
pub struct BoundFunctionRecord {
    /// `[[BoundTargetFunction]]`
    pub target: Object<'static>,
    /// `[[BoundThis]]`
    pub bound_this: Value<'static>,
    /// `[[BoundArguments]]`
    pub bound_arguments: Box<[Value<'static>]>,
}

impl Trace for BoundFunctionRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.target.visit(visitor);
        self.bound_this.trace(visitor);
        self.bound_arguments.trace(visitor);
    }
}
