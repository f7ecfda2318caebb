//! ### [6.1.7 The Object Type](https://tc39.es/ecma262/#sec-object-type)
//!
//! Object storage (records, shapes, elements) and the internal methods.

mod arguments_exotic;
mod array_like;
mod attributes;
mod elements;
mod internal_methods;
mod ordinary;
mod record;
mod shape;
mod storage;

pub(crate) use arguments_exotic::create_parameter_map;
pub use arguments_exotic::{ParameterMap, ParameterMapRecord};
pub use attributes::Attributes;
pub use elements::{ElementRef, Elements, ElementsRecord, SparseElement};
pub use record::{InternalValue, InternalValueRecord, ObjectKind, ObjectRecord};
pub use shape::{MAX_SHARED_SHAPE_KEYS, Shape, ShapeEntry, ShapeRecord};
