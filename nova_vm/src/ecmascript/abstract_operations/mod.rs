//! ### [7 Abstract Operations](https://tc39.es/ecma262/#sec-abstract-operations)

mod group_by;
mod iterators;
mod operations_on_objects;
mod testing_and_comparison;
mod type_conversion;

pub use group_by::*;
pub use iterators::*;
pub use operations_on_objects::*;
pub use testing_and_comparison::*;
pub use type_conversion::*;
