//! The ECMAScript language, shaped like ECMA-262.

pub mod abstract_operations;
pub mod builtins;
pub mod execution;
pub mod modules;
pub mod types;
