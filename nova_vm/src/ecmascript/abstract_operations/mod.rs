//! ### [7 Abstract Operations](https://tc39.es/ecma262/#sec-abstract-operations)

mod bigint_conversion;
mod enumerable_own_properties;
mod group_by;
mod instance_of_shortcut;
mod iterator_operations;
mod iterator_records;
mod iterators;
mod number_formatting;
mod operations_on_objects;
mod property_descriptors;
mod setter_that_ignores_prototype_properties;
mod testing_and_comparison;
mod type_conversion;

pub use bigint_conversion::*;
pub use enumerable_own_properties::*;
pub use group_by::*;
pub use iterator_operations::*;
pub use iterator_records::*;
pub use iterators::*;
pub use number_formatting::*;
pub use operations_on_objects::*;
pub use property_descriptors::*;
pub use setter_that_ignores_prototype_properties::*;
pub use testing_and_comparison::*;
pub use type_conversion::*;
