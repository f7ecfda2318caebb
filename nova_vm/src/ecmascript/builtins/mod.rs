//! ### [18–28 The standard built-in objects](https://tc39.es/ecma262/#sec-global-object)
//!
//! One folder per built-in family. Each family has an `initialize` function
//! that creates its intrinsics in the current realm; adding a family is one
//! line in [`initialize_intrinsics`] (and one in [`define_global_bindings`] for
//! its global names).

pub mod array;
mod bigint;
mod boolean;
mod builders;
pub mod control_abstraction;
pub mod date;
pub mod error;
pub mod function;
pub mod function_objects;
mod global_object;
pub(crate) mod host;
pub(crate) mod json;
pub mod keyed_collections;
pub mod managing_memory;
pub(crate) mod math;
mod number;
pub mod object;
mod primitive_wrappers;
pub mod proxy;
mod reflect;
pub mod regexp;
pub mod string;
mod symbol;
pub(crate) mod test262_agent;
pub mod typed_arrays;

pub use builders::{BuiltinName, key};
pub use function_objects::ArgumentsList;

use crate::ecmascript::execution::{Agent, Intrinsic};
use crate::ecmascript::types::object::Attributes;
use crate::ecmascript::types::{Object, Value};
use crate::engine::NoGcScope;

/// Creates every intrinsic of the current realm, family by family.
pub(crate) fn initialize_intrinsics(agent: &mut Agent, gc: NoGcScope) {
    object::initialize(agent, gc);
    function::initialize(agent, gc);
    boolean::initialize(agent, gc);
    symbol::initialize(agent, gc);
    array::initialize(agent, gc);
    error::initialize(agent, gc);
    reflect::initialize(agent, gc);
    control_abstraction::initialize(agent, gc);
    string::initialize(agent, gc);
    regexp::initialize(agent, gc);
    array::initialize_iterators(agent, gc);
    json::initialize(agent, gc);
    global_object::initialize(agent, gc);
    number::initialize(agent, gc);
    bigint::initialize(agent, gc);
    math::initialize(agent, gc);
    keyed_collections::initialize(agent, gc);
    proxy::initialize(agent, gc);
    managing_memory::initialize(agent, gc);
    date::initialize(agent, gc);
    typed_arrays::initialize(agent, gc);
}

/// ### [19 The Global Object](https://tc39.es/ecma262/#sec-global-object): its value and constructor properties.
pub(crate) fn define_global_bindings(agent: &mut Agent, global: Object, gc: NoGcScope) {
    // 19.1 Value Properties of the Global Object
    agent.define_builtin_property(
        global,
        BuiltinName::Str("globalThis"),
        global.into(),
        Attributes::BUILTIN,
        gc,
    );
    agent.define_builtin_property(
        global,
        BuiltinName::Str("Infinity"),
        Value::SmallF64(
            crate::ecmascript::types::SmallF64::try_from_f64(f64::INFINITY).expect("inline"),
        ),
        Attributes::FROZEN_HIDDEN,
        gc,
    );
    let nan = agent.number(f64::NAN, gc);
    agent.define_builtin_property(
        global,
        BuiltinName::Str("NaN"),
        nan,
        Attributes::FROZEN_HIDDEN,
        gc,
    );
    agent.define_builtin_property(
        global,
        BuiltinName::Str("undefined"),
        Value::Undefined,
        Attributes::FROZEN_HIDDEN,
        gc,
    );
    // 19.3 Constructor Properties of the Global Object (and 19.4 other properties)
    let constructors = [
        ("Object", Intrinsic::Object),
        ("Function", Intrinsic::Function),
        ("String", Intrinsic::String),
        ("Boolean", Intrinsic::Boolean),
        ("Symbol", Intrinsic::Symbol),
        ("Array", Intrinsic::Array),
        ("Error", Intrinsic::Error),
        ("AggregateError", Intrinsic::AggregateError),
        ("EvalError", Intrinsic::EvalError),
        ("RangeError", Intrinsic::RangeError),
        ("ReferenceError", Intrinsic::ReferenceError),
        ("SyntaxError", Intrinsic::SyntaxError),
        ("TypeError", Intrinsic::TypeError),
        ("URIError", Intrinsic::UriError),
        ("SuppressedError", Intrinsic::SuppressedError),
        ("Reflect", Intrinsic::Reflect),
        ("Number", Intrinsic::Number),
        ("BigInt", Intrinsic::BigInt),
        ("Math", Intrinsic::Math),
        ("Map", Intrinsic::Map),
        ("Set", Intrinsic::Set),
        ("WeakMap", Intrinsic::WeakMap),
        ("WeakSet", Intrinsic::WeakSet),
        ("WeakRef", Intrinsic::WeakRef),
        ("FinalizationRegistry", Intrinsic::FinalizationRegistry),
        ("JSON", Intrinsic::Json),
        ("Proxy", Intrinsic::Proxy),
        ("Iterator", Intrinsic::Iterator),
        ("Date", Intrinsic::Date),
        ("RegExp", Intrinsic::RegExp),
        ("ArrayBuffer", Intrinsic::ArrayBuffer),
        ("SharedArrayBuffer", Intrinsic::SharedArrayBuffer),
        ("DataView", Intrinsic::DataView),
        ("Atomics", Intrinsic::Atomics),
        ("Int8Array", Intrinsic::Int8Array),
        ("Uint8Array", Intrinsic::Uint8Array),
        ("Uint8ClampedArray", Intrinsic::Uint8ClampedArray),
        ("Int16Array", Intrinsic::Int16Array),
        ("Uint16Array", Intrinsic::Uint16Array),
        ("Int32Array", Intrinsic::Int32Array),
        ("Uint32Array", Intrinsic::Uint32Array),
        ("Float16Array", Intrinsic::Float16Array),
        ("Float32Array", Intrinsic::Float32Array),
        ("Float64Array", Intrinsic::Float64Array),
        ("BigInt64Array", Intrinsic::BigInt64Array),
        ("BigUint64Array", Intrinsic::BigUint64Array),
        ("Promise", Intrinsic::Promise),
    ];
    for (name, intrinsic) in constructors {
        if let Some(object) = agent.current_realm().intrinsics[intrinsic as usize] {
            agent.define_builtin_property(
                global,
                BuiltinName::Str(name),
                object.into(),
                Attributes::BUILTIN,
                gc,
            );
        }
    }
}
