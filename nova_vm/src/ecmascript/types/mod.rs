//! ### [6 ECMAScript Data Types and Values](https://tc39.es/ecma262/#sec-ecmascript-data-types-and-values)

mod append_buffer;
pub(crate) mod handle;
mod numeric_records;
pub mod object;
mod property_descriptor;
mod property_key;
mod string;
mod string_builder;
mod string_ops;
mod string_units;
mod symbol;
mod value;

pub use numeric_records::{BigIntRecord, NumberRecord};
pub use property_descriptor::PropertyDescriptor;
pub use property_key::{PropertyKey, parse_array_index};
pub use string::{JsString, StringRecord};
pub use string_builder::{BuilderMark, MAX_STRING_LENGTH, OwnedText, StringBuilder};
pub use string_units::{
    CodePoint, CodeUnits, is_leading_surrogate, is_trailing_surrogate,
    utf16_surrogate_pair_to_code_point,
};
pub use symbol::{
    ERROR_STACK, PERMANENT_SYMBOL_COUNT, SymbolRecord, UNINITIALIZED, WellKnownSymbol,
};
pub use value::{HeapBigInt, HeapNumber, HeapString, Object, SmallF64, SmallString, Symbol, Value};
