//! ### [27.3 GeneratorFunction Objects](https://tc39.es/ecma262/#sec-generatorfunction-objects) and
//! [27.5 Generator Objects](https://tc39.es/ecma262/#sec-generator-objects)

use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value, WellKnownSymbol};
use crate::engine::interpreter::{ResumeKind, resume_generator};
use crate::engine::{Bindable, GcScope, NoGcScope};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let function_prototype = agent.intrinsic(Intrinsic::FunctionPrototype);
    let iterator_prototype = agent.intrinsic(Intrinsic::IteratorPrototype);
    // 27.3.3 Properties of the GeneratorFunction Prototype Object
    let generator_function_prototype =
        agent.create_object(Some(function_prototype), ObjectKind::Ordinary, gc);
    agent.set_intrinsic(
        Intrinsic::GeneratorFunctionPrototype,
        generator_function_prototype,
    );
    // 27.5.1 Properties of the Generator Prototype Object
    let generator_prototype =
        agent.create_object(Some(iterator_prototype), ObjectKind::Ordinary, gc);
    agent.set_intrinsic(Intrinsic::GeneratorPrototype, generator_prototype);
    // 27.3.3.2 GeneratorFunction.prototype.prototype: { [[Writable]]: false, [[Configurable]]: true }
    agent.define_builtin_property(
        generator_function_prototype,
        BuiltinName::Str("prototype"),
        generator_prototype.into(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
    // 27.5.1.1 Generator.prototype.constructor: { [[Writable]]: false, [[Configurable]]: true }
    agent.define_builtin_property(
        generator_prototype,
        BuiltinName::Str("constructor"),
        generator_function_prototype.into(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
    agent.define_builtin_method(generator_prototype, BuiltinName::Str("next"), 1, next, gc);
    agent.define_builtin_method(
        generator_prototype,
        BuiltinName::Str("return"),
        1,
        r#return,
        gc,
    );
    agent.define_builtin_method(generator_prototype, BuiltinName::Str("throw"), 1, throw, gc);
    let tag = agent.create_string("Generator", gc);
    agent.define_builtin_property(
        generator_prototype,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        tag.into_value(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
    let tag = agent.create_string("GeneratorFunction", gc);
    agent.define_builtin_property(
        generator_function_prototype,
        BuiltinName::Symbol(WellKnownSymbol::ToStringTag),
        tag.into_value(),
        Attributes::READONLY_CONFIGURABLE,
        gc,
    );
    // %AsyncFunction.prototype% (completed by async_function.rs) and
    // %AsyncGeneratorFunction.prototype% (completed by async_generator.rs).
    for intrinsic in [
        Intrinsic::AsyncFunctionPrototype,
        Intrinsic::AsyncGeneratorFunctionPrototype,
    ] {
        let p = agent.create_object(Some(function_prototype), ObjectKind::Ordinary, gc);
        agent.set_intrinsic(intrinsic, p);
    }
    super::async_function::initialize(agent, gc);
    let async_iterator_prototype = agent.intrinsic(Intrinsic::AsyncIteratorPrototype);
    let async_generator_prototype =
        agent.create_object(Some(async_iterator_prototype), ObjectKind::Ordinary, gc);
    agent.set_intrinsic(
        Intrinsic::AsyncGeneratorPrototype,
        async_generator_prototype,
    );
    super::async_generator::initialize(agent, gc);
}

/// ### [27.5.3.2 GeneratorValidate ( generator, generatorBrand )](https://tc39.es/ecma262/#sec-generatorvalidate) (brand check)
fn this_generator<'gc>(
    agent: &mut Agent,
    this: Value,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    match this {
        Value::Object(o) if matches!(o.kind(agent), ObjectKind::Generator(_)) => Ok(o.bind(gc)),
        _ => Err(agent.throw_type_error("Generator method called on incompatible receiver", gc)),
    }
}

/// ### [27.5.1.2 Generator.prototype.next ( value )](https://tc39.es/ecma262/#sec-generator.prototype.next)
fn next<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return ? GeneratorResume(this value, value, empty).
    let generator = this_generator(agent, this, gc.nogc())?.unbind();
    resume_generator(agent, generator, args.get(0), ResumeKind::Next, gc)
}

/// ### [27.5.1.3 Generator.prototype.return ( value )](https://tc39.es/ecma262/#sec-generator.prototype.return)
fn r#return<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 2. Let C be Completion Record { [[Type]]: return, [[Value]]: value, [[Target]]: empty }.
    // 3. Return ? GeneratorResumeAbrupt(g, C, empty).
    let generator = this_generator(agent, this, gc.nogc())?.unbind();
    resume_generator(agent, generator, args.get(0), ResumeKind::Return, gc)
}

/// ### [27.5.1.4 Generator.prototype.throw ( exception )](https://tc39.es/ecma262/#sec-generator.prototype.throw)
fn throw<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 2. Let C be ThrowCompletion(exception).
    // 3. Return ? GeneratorResumeAbrupt(g, C, empty).
    let generator = this_generator(agent, this, gc.nogc())?.unbind();
    resume_generator(agent, generator, args.get(0), ResumeKind::Throw, gc)
}
