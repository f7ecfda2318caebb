//! ### [20.2.3.2 Function.prototype.bind ( thisArg, ...args )](https://tc39.es/ecma262/#sec-function.prototype.bind) and
//! [10.4.1.3 BoundFunctionCreate ( targetFunction, boundThis, boundArgs )](https://tc39.es/ecma262/#sec-boundfunctioncreate)

use crate::ecmascript::abstract_operations::{get, has_own_property, integer_or_infinity};
use crate::ecmascript::builtins::function_objects::{BoundFunction, BoundFunctionRecord};
use crate::ecmascript::builtins::{ArgumentsList, key};
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{JsString, Object, Value};
use crate::engine::{Bindable, GcScope, Rootable, Scoped};
use crate::heap::Arena;

/// ### [20.2.3.2 Function.prototype.bind ( thisArg, ...args )](https://tc39.es/ecma262/#sec-function.prototype.bind)
pub(super) fn bind<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    // 1. Let Target be the this value.
    // 2. If IsCallable(Target) is false, throw a TypeError exception.
    let target = match this.bind(gc.nogc()) {
        Value::Object(target) if target.is_callable(agent) => target,
        _ => {
            return Err(agent.throw_type_error(
                "Function.prototype.bind was called on a non-function",
                gc.into_nogc(),
            ));
        }
    };
    let target = target.scope(agent, gc.nogc());
    let this_arg = args.get(0).scope(agent, gc.nogc());
    let bound_args: Vec<_> = args
        .slice_from(1)
        .as_slice()
        .iter()
        .map(|v| v.scope(agent, gc.nogc()))
        .collect();
    let arg_count = bound_args.len() as f64;
    // 3. Let F be ? BoundFunctionCreate(Target, thisArg, args).
    let f = bound_function_create(agent, target, this_arg, &bound_args, gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 4. Let L be 0.
    let mut length = 0.0f64;
    // 5. Let targetHasLength be ? HasOwnProperty(Target, "length").
    let has_length = has_own_property(agent, target.get(agent), key("length"), gc.reborrow())?;
    // 6. If targetHasLength is true, then
    if has_length {
        // a. Let targetLen be ? Get(Target, "length").
        let target_len = get(agent, target.get(agent), key("length"), gc.reborrow())?;
        // b. If targetLen is a Number, then
        if target_len.is_number() {
            let n = agent.number_value(target_len);
            length = if n == f64::INFINITY {
                // i. If targetLen is +∞𝔽, then 1. Set L to +∞.
                f64::INFINITY
            } else if n == f64::NEG_INFINITY {
                // ii. Else if targetLen is -∞𝔽, then 1. Set L to 0.
                0.0
            } else {
                // iii. Else,
                //      1. Let targetLenAsInt be ! ToIntegerOrInfinity(targetLen).
                //      2. Assert: targetLenAsInt is finite.
                //      3. Let argCount be the number of elements in args.
                //      4. Set L to max(targetLenAsInt - argCount, 0).
                (integer_or_infinity(n) - arg_count).max(0.0)
            };
        }
    }
    // 7. Perform SetFunctionLength(F, L).
    let length_value = agent.number(length, gc.nogc());
    f.get(agent).add_named_data(
        agent,
        key("length"),
        length_value,
        Attributes::READONLY_CONFIGURABLE,
    );
    // 8. Let targetName be ? Get(Target, "name").
    let target_name = get(agent, target.get(agent), key("name"), gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    // 9. If targetName is not a String, set targetName to the empty String.
    let target_name = target_name.bind(gc).as_string().unwrap_or(JsString::EMPTY);
    // 10. Perform SetFunctionName(F, targetName, "bound").
    let prefix = agent.create_string("bound ", gc);
    let name = agent.string_concat(prefix, target_name, gc);
    let f = f.get(agent).bind(gc);
    f.add_named_data(
        agent,
        key("name"),
        name.into_value(),
        Attributes::READONLY_CONFIGURABLE,
    );
    // 11. Return F.
    Ok(f.into())
}

/// ### [10.4.1.3 BoundFunctionCreate ( targetFunction, boundThis, boundArgs )](https://tc39.es/ecma262/#sec-boundfunctioncreate)
///
/// The arguments are rooted by the caller.
fn bound_function_create<'gc>(
    agent: &mut Agent,
    target_function: Scoped<Object<'static>>,
    bound_this: Scoped<Value<'static>>,
    bound_args: &[Scoped<Value<'static>>],
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    // 1. Let proto be ? targetFunction.[[GetPrototypeOf]]().
    let proto = target_function
        .get(agent)
        .internal_get_prototype_of(agent, gc.reborrow())?
        .unbind();
    let gc = gc.into_nogc();
    let proto = proto.bind(gc);
    // 2. Let internalSlotsList be the list-concatenation of « [[Prototype]], [[Extensible]] »
    //    and the internal slots listed in Table 29.
    // 3. Let obj be MakeBasicObject(internalSlotsList).
    // 4. Set obj.[[Prototype]] to proto.
    // 5-6. Set obj.[[Call]] (and [[Construct]] if targetFunction has one): the behaviour of
    //      bound function exotic objects is dispatched on their kind.
    // 7. Set obj.[[BoundTargetFunction]] to targetFunction.
    // 8. Set obj.[[BoundThis]] to boundThis.
    // 9. Set obj.[[BoundArguments]] to boundArgs.
    let record = BoundFunctionRecord {
        target: target_function.get(agent),
        bound_this: bound_this.get(agent),
        bound_arguments: bound_args.iter().map(|v| v.get(agent)).collect(),
    };
    agent.heap.allocated_since_gc +=
        Arena::<BoundFunctionRecord>::RECORD_BYTES + record.bound_arguments.len() * 8;
    let handle = BoundFunction::from_index(agent.heap.bound_functions.push(record));
    let obj = agent.create_object(proto, ObjectKind::BoundFunction(handle), gc);
    // 10. Return obj.
    Ok(obj)
}
