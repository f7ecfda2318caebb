//! ### [10.2 ECMAScript Function Objects](https://tc39.es/ecma262/#sec-ecmascript-function-objects), [10.3 Built-in Function Objects](https://tc39.es/ecma262/#sec-built-in-function-objects), [10.4.1 Bound Function Exotic Objects](https://tc39.es/ecma262/#sec-bound-function-exotic-objects)
//!
//! The internal slots of the three kinds of function object.

mod bound_function;
mod builtin_function;
mod ecmascript_function;

pub use bound_function::{BoundFunction, BoundFunctionRecord};
pub use builtin_function::{
    ArgumentsList, Behaviour, BuiltinFunction, BuiltinFunctionRecord, ConstructorFn, RegularFn,
};
pub use ecmascript_function::{ECMAScriptFunction, ECMAScriptFunctionRecord};
