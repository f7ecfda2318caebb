//! ### [6 ECMAScript Data Types and Values](https://tc39.es/ecma262/#sec-ecmascript-data-types-and-values)

pub(crate) mod handle;
mod numeric_records;
pub mod object;
mod property_descriptor;
mod property_key;
mod string;
mod string_ops;
mod symbol;
mod value;

pub use numeric_records::{BigIntRecord, NumberRecord};
pub use property_descriptor::PropertyDescriptor;
pub use property_key::{PropertyKey, parse_array_index};
pub use string::{JsString, StringData, StringRecord};
pub use symbol::{
    ERROR_STACK, PERMANENT_SYMBOL_COUNT, SymbolRecord, UNINITIALIZED, WellKnownSymbol,
};
pub use value::{HeapBigInt, HeapNumber, HeapString, Object, SmallF64, SmallString, Symbol, Value};
