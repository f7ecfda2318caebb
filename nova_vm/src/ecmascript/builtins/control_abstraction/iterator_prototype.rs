//! ### [27.1.2 The %IteratorPrototype% Object](https://tc39.es/ecma262/#sec-%iteratorprototype%-object)

use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Value, WellKnownSymbol};
use crate::engine::{Bindable, GcScope, NoGcScope};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    agent.set_intrinsic(Intrinsic::IteratorPrototype, prototype);
    agent.define_builtin_method(
        prototype,
        BuiltinName::Symbol(WellKnownSymbol::Iterator),
        0,
        iterator,
        gc,
    );
}

/// ### [27.1.2.1 %IteratorPrototype% [ @@iterator ] ( )](https://tc39.es/ecma262/#sec-%iteratorprototype%-@@iterator)
fn iterator<'gc>(
    _agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return the this value.
    Ok(this.bind(gc.into_nogc()))
}
