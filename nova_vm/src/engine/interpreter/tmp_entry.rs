use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{Object, Value};
use crate::engine::GcScope;
pub fn call_ecmascript_function<'gc>(
    agent: &mut Agent,
    f: Object,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let _ = (agent, f, this, args, gc);
    Ok(Value::Undefined)
}
pub fn construct_ecmascript_function<'gc>(
    agent: &mut Agent,
    f: Object,
    args: ArgumentsList,
    nt: Object,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    let _ = (agent, f, args, nt);
    Ok(f.bind(gc.into_nogc()))
}
use crate::engine::Bindable;
