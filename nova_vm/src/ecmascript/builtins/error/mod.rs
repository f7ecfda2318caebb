//! ### [20.5 Error Objects](https://tc39.es/ecma262/#sec-error-objects)
//!
//! Error and the NativeErrors (`constructor.rs`), Error.prototype
//! (`prototype.rs`), AggregateError and SuppressedError.

mod aggregate_error;
mod constructor;
mod prototype;
mod stack;
mod suppressed_error;

use crate::ecmascript::builtins::BuiltinName;
use crate::ecmascript::execution::{Agent, Intrinsic};
use crate::ecmascript::types::Object;
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::engine::NoGcScope;

/// Creates Error, the native errors, AggregateError, SuppressedError and their
/// prototypes in the current realm.
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    prototype::initialize(agent, gc);
    constructor::initialize(agent, gc);
    aggregate_error::initialize(agent, gc);
    suppressed_error::initialize(agent, gc);
}

/// The structure every NativeError-like constructor shares (20.5.6.2, 20.5.6.3):
/// a constructor whose [[Prototype]] is %Error%, and a prototype object whose
/// [[Prototype]] is %Error.prototype% with `name` and an empty `message`.
fn create_error_subtype<'a>(
    agent: &mut Agent,
    name: &'static str,
    length: u32,
    behaviour: crate::ecmascript::builtins::function_objects::ConstructorFn,
    (constructor_intrinsic, prototype_intrinsic): (Intrinsic, Intrinsic),
    gc: NoGcScope<'a, '_>,
) -> Object<'a> {
    let error = agent.intrinsic(Intrinsic::Error);
    let error_prototype = agent.intrinsic(Intrinsic::ErrorPrototype);
    // The prototype is an ordinary object (not an Error instance).
    let prototype = agent.create_object(Some(error_prototype), ObjectKind::Ordinary, gc);
    let constructor =
        agent.create_builtin_constructor(name, length, behaviour, Some(prototype), Some(error), gc);
    agent.set_intrinsic(constructor_intrinsic, constructor);
    agent.set_intrinsic(prototype_intrinsic, prototype);
    // NativeError.prototype.message: the empty String.
    let message = agent.create_string("", gc);
    agent.define_builtin_property(
        prototype,
        BuiltinName::Str("message"),
        message.into_value(),
        Attributes::BUILTIN,
        gc,
    );
    // NativeError.prototype.name: the name of the constructor.
    let name = agent.create_string(name, gc);
    agent.define_builtin_property(
        prototype,
        BuiltinName::Str("name"),
        name.into_value(),
        Attributes::BUILTIN,
        gc,
    );
    constructor
}
