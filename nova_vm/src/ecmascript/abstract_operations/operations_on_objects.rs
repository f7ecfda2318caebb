//! ### [7.3 Operations on Objects](https://tc39.es/ecma262/#sec-operations-on-objects)

use super::instance_of_shortcut::ordinary_instance_of_without_code;
use super::testing_and_comparison::is_callable;
use super::type_conversion::{to_length, to_object, to_property_key};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::builtins::function_objects::Behaviour;
use crate::ecmascript::builtins::proxy::{proxy_call, proxy_construct, validate_non_revoked_proxy};
use crate::ecmascript::execution::{Agent, HeapRoot, Intrinsic, JsResult, RealmId};
use crate::ecmascript::types::object::{ElementsRecord, ObjectKind};
use crate::ecmascript::types::{Object, PropertyDescriptor, PropertyKey, Value, WellKnownSymbol};
use crate::engine::interpreter::{call_ecmascript_function, construct_ecmascript_function};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

/// Deepest nesting of calls made from Rust (builtins calling functions).
pub const MAX_NATIVE_DEPTH: u32 = 800;

/// ### [7.3.2 Get ( O, P )](https://tc39.es/ecma262/#sec-get-o-p)
#[inline]
pub fn get<'gc>(
    agent: &mut Agent,
    o: Object,
    key: PropertyKey,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Return ? O.[[Get]](P, O).
    o.internal_get(agent, key, o.into(), gc)
}

/// ### [7.3.3 GetV ( V, P )](https://tc39.es/ecma262/#sec-getv)
pub fn get_v<'gc>(
    agent: &mut Agent,
    v: Value,
    key: PropertyKey,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? ToObject(V).
    let o = match v {
        Value::Object(o) => o,
        _ => primitive_prototype_or_wrapper(agent, v, key, gc.nogc())?.unbind(),
    };
    // 2. Return ? O.[[Get]](P, V).
    o.unbind().internal_get(agent, key, v, gc)
}

/// For property lookups on primitives: the prototype to search (no wrapper is
/// allocated unless the key is an own property of String wrappers).
fn primitive_prototype_or_wrapper<'gc>(
    agent: &mut Agent,
    v: Value,
    key: PropertyKey,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    let prototype = match v {
        Value::SmallString(_) | Value::String(_) => {
            let own = matches!(key, PropertyKey::Index(_))
                || key == PropertyKey::from_static_str("length").expect("short key");
            if own {
                return to_object(agent, v, gc);
            }
            Intrinsic::StringPrototype
        }
        Value::Integer(_) | Value::SmallF64(_) | Value::Number(_) => Intrinsic::NumberPrototype,
        Value::Boolean(_) => Intrinsic::BooleanPrototype,
        Value::Symbol(_) => Intrinsic::SymbolPrototype,
        Value::SmallBigInt(_) | Value::BigInt(_) => Intrinsic::BigIntPrototype,
        _ => return to_object(agent, v, gc),
    };
    Ok(agent.intrinsic(prototype).bind(gc))
}

/// ### [7.3.4 Set ( O, P, V, Throw )](https://tc39.es/ecma262/#sec-set-o-p-v-throw)
pub fn set<'gc>(
    agent: &mut Agent,
    o: Object,
    key: PropertyKey,
    value: Value,
    throw: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    // 1. Let success be ? O.[[Set]](P, V, O).
    let success = o.internal_set(agent, key, value, o.into(), gc.reborrow())?;
    // 2. If success is false and Throw is true, throw a TypeError exception.
    if !success && throw {
        let message = format!(
            "Cannot assign to read only property '{}'",
            agent.key_display(key)
        );
        return Err(agent.throw_type_error(&message, gc.into_nogc()));
    }
    // 3. Return unused.
    Ok(())
}

/// ### [7.3.5 CreateDataProperty ( O, P, V )](https://tc39.es/ecma262/#sec-createdataproperty)
pub fn create_data_property<'gc>(
    agent: &mut Agent,
    o: Object,
    key: PropertyKey,
    value: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    // 1. Let newDesc be the PropertyDescriptor { [[Value]]: V, [[Writable]]: true,
    //    [[Enumerable]]: true, [[Configurable]]: true }.
    let desc = PropertyDescriptor::data(value, true, true, true);
    // 2. Return ? O.[[DefineOwnProperty]](P, newDesc).
    o.internal_define_own_property(agent, key, desc, gc)
}

/// ### [7.3.7 CreateDataPropertyOrThrow ( O, P, V )](https://tc39.es/ecma262/#sec-createdatapropertyorthrow)
pub fn create_data_property_or_throw<'gc>(
    agent: &mut Agent,
    o: Object,
    key: PropertyKey,
    value: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    // 1. Let success be ? CreateDataProperty(O, P, V).
    let success = create_data_property(agent, o, key, value, gc.reborrow())?;
    // 2. If success is false, throw a TypeError exception.
    if !success {
        let message = format!("Cannot define property '{}'", agent.key_display(key));
        return Err(agent.throw_type_error(&message, gc.into_nogc()));
    }
    Ok(())
}

/// ### [7.3.9 DefinePropertyOrThrow ( O, P, desc )](https://tc39.es/ecma262/#sec-definepropertyorthrow)
pub fn define_property_or_throw<'gc>(
    agent: &mut Agent,
    o: Object,
    key: PropertyKey,
    desc: PropertyDescriptor,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    // 1. Let success be ? O.[[DefineOwnProperty]](P, desc).
    let success = o.internal_define_own_property(agent, key, desc, gc.reborrow())?;
    // 2. If success is false, throw a TypeError exception.
    if !success {
        let message = format!("Cannot redefine property: {}", agent.key_display(key));
        return Err(agent.throw_type_error(&message, gc.into_nogc()));
    }
    Ok(())
}

/// ### [7.3.10 DeletePropertyOrThrow ( O, P )](https://tc39.es/ecma262/#sec-deletepropertyorthrow)
pub fn delete_property_or_throw<'gc>(
    agent: &mut Agent,
    o: Object,
    key: PropertyKey,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    // 1. Let success be ? O.[[Delete]](P).
    let success = o.internal_delete(agent, key, gc.reborrow())?;
    // 2. If success is false, throw a TypeError exception.
    if !success {
        let message = format!("Cannot delete property '{}'", agent.key_display(key));
        return Err(agent.throw_type_error(&message, gc.into_nogc()));
    }
    Ok(())
}

/// ### [7.3.11 GetMethod ( V, P )](https://tc39.es/ecma262/#sec-getmethod)
///
/// `None` stands for undefined.
pub fn get_method<'gc>(
    agent: &mut Agent,
    v: Value,
    key: PropertyKey,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Value<'gc>>> {
    // 1. Let func be ? GetV(V, P).
    let func = get_v(agent, v, key, gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    let func = func.bind(gc);
    // 2. If func is either undefined or null, return undefined.
    if func.is_nullish() {
        return Ok(None);
    }
    // 3. If IsCallable(func) is false, throw a TypeError exception.
    if !is_callable(agent, func) {
        let message = format!("{} is not a function", agent.key_display(key));
        return Err(agent.throw_type_error(&message, gc));
    }
    // 4. Return func.
    Ok(Some(func))
}

/// ### [7.3.12 HasProperty ( O, P )](https://tc39.es/ecma262/#sec-hasproperty)
pub fn has_property<'gc>(
    agent: &mut Agent,
    o: Object,
    key: PropertyKey,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    // 1. Return ? O.[[HasProperty]](P).
    o.internal_has_property(agent, key, gc)
}

/// ### [7.3.13 HasOwnProperty ( O, P )](https://tc39.es/ecma262/#sec-hasownproperty)
pub fn has_own_property<'gc>(
    agent: &mut Agent,
    o: Object,
    key: PropertyKey,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    // 1. Let desc be ? O.[[GetOwnProperty]](P).
    let desc = o.internal_get_own_property(agent, key, gc)?;
    // 2. If desc is undefined, return false.
    // 3. Return true.
    Ok(desc.is_some())
}

/// ### [7.3.14 Call ( F, V [ , argumentsList ] )](https://tc39.es/ecma262/#sec-call)
pub fn call_function<'gc>(
    agent: &mut Agent,
    f: Value,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. If argumentsList is not present, set argumentsList to a new empty List.
    // 2. If IsCallable(F) is false, throw a TypeError exception.
    let Value::Object(function) = f else {
        return Err(agent.throw_type_error("Value is not a function", gc.into_nogc()));
    };
    match function.kind(agent) {
        // 3. Return ? F.[[Call]](V, argumentsList).
        ObjectKind::ECMAScriptFunction(_) => {
            call_ecmascript_function(agent, function, this, args, gc)
        }
        ObjectKind::BuiltinFunction(b) => {
            let record = agent.heap.builtin_functions.get(b.index());
            let behaviour = record.behaviour;
            let realm = record.realm;
            enter_native(agent, gc.nogc())?;
            let caller_realm = agent.current_realm;
            agent.current_realm = realm;
            let roots_mark = agent.scoped_roots.len();
            agent.vm.builtin_callees.push(function.unbind());
            let result = match behaviour {
                Behaviour::Regular(behaviour) => behaviour(agent, this, args, gc.subscope()),
                Behaviour::Constructor(behaviour) => {
                    behaviour(agent, this, args, None, gc.subscope())
                }
            }
            .unbind();
            agent.vm.builtin_callees.pop();
            agent.scoped_roots.truncate(roots_mark);
            agent.current_realm = caller_realm;
            agent.vm.native_depth -= 1;
            result.bind(gc.into_nogc())
        }
        ObjectKind::BoundFunction(b) => {
            // 10.4.1.1 [[Call]] ( thisArgument, argumentsList )
            let record = agent.heap.bound_functions.get(b.index());
            // 1. Let target be F.[[BoundTargetFunction]].
            let target = record.target;
            // 2. Let boundThis be F.[[BoundThis]].
            let bound_this = record.bound_this;
            // 3. Let boundArgs be F.[[BoundArguments]].
            // 4. Let args be the list-concatenation of boundArgs and argumentsList.
            let mut all: Vec<Value<'static>> = record.bound_arguments.to_vec();
            all.extend(args.as_slice().iter().map(|v| v.unbind()));
            enter_native(agent, gc.nogc())?;
            // 5. Return ? Call(target, boundThis, args).
            let result = call_function(
                agent,
                target.into(),
                bound_this,
                ArgumentsList(&all),
                gc.reborrow(),
            )
            .unbind();
            agent.vm.native_depth -= 1;
            result.bind(gc.into_nogc())
        }
        ObjectKind::Proxy { callable: true, .. } => {
            // 10.5.12 [[Call]] ( thisArgument, argumentsList )
            enter_native(agent, gc.nogc())?;
            let roots_mark = agent.scoped_roots.len();
            let result = proxy_call(agent, function, this, args, gc.subscope()).unbind();
            agent.scoped_roots.truncate(roots_mark);
            agent.vm.native_depth -= 1;
            result.bind(gc.into_nogc())
        }
        _ => Err(agent.throw_type_error("Value is not a function", gc.into_nogc())),
    }
}

/// Counts one level of Rust-level call nesting, failing cleanly when too deep.
pub(crate) fn enter_native<'gc>(agent: &mut Agent, gc: NoGcScope<'gc, '_>) -> JsResult<'gc, ()> {
    if agent.vm.native_depth >= MAX_NATIVE_DEPTH {
        return Err(agent.throw_range_error("Maximum call stack size exceeded", gc));
    }
    agent.vm.native_depth += 1;
    Ok(())
}

/// ### [7.3.15 Construct ( F [ , argumentsList [ , newTarget ] ] )](https://tc39.es/ecma262/#sec-construct)
pub fn construct<'gc>(
    agent: &mut Agent,
    f: Object,
    args: ArgumentsList,
    new_target: Option<Object>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    // 1. If newTarget is not present, set newTarget to F.
    let new_target = new_target.unwrap_or(f);
    // 2. If argumentsList is not present, set argumentsList to a new empty List.
    // 3. Return ? F.[[Construct]](argumentsList, newTarget).
    match f.kind(agent) {
        ObjectKind::ECMAScriptFunction(_) => {
            construct_ecmascript_function(agent, f, args, new_target, gc)
        }
        ObjectKind::BuiltinFunction(b) => {
            let record = agent.heap.builtin_functions.get(b.index());
            let Behaviour::Constructor(behaviour) = record.behaviour else {
                return Err(agent.throw_type_error("Value is not a constructor", gc.into_nogc()));
            };
            let realm = record.realm;
            enter_native(agent, gc.nogc())?;
            let caller_realm = agent.current_realm;
            agent.current_realm = realm;
            let roots_mark = agent.scoped_roots.len();
            agent.vm.builtin_callees.push(f.unbind());
            let result = behaviour(
                agent,
                Value::Undefined,
                args,
                Some(new_target),
                gc.subscope(),
            )
            .unbind();
            agent.vm.builtin_callees.pop();
            agent.scoped_roots.truncate(roots_mark);
            agent.current_realm = caller_realm;
            agent.vm.native_depth -= 1;
            let gc = gc.into_nogc();
            match result.bind(gc)? {
                Value::Object(o) => Ok(o),
                _ => Err(agent.throw_type_error("Constructor did not return an object", gc)),
            }
        }
        ObjectKind::BoundFunction(b) => {
            // 10.4.1.2 [[Construct]] ( argumentsList, newTarget )
            let record = agent.heap.bound_functions.get(b.index());
            // 1. Let target be F.[[BoundTargetFunction]].
            let target = Object::from_index(record.target.index());
            // 2. Assert: IsConstructor(target) is true.
            // 3. Let boundArgs be F.[[BoundArguments]].
            // 4. Let args be the list-concatenation of boundArgs and argumentsList.
            let mut all: Vec<Value<'static>> = record.bound_arguments.to_vec();
            all.extend(args.as_slice().iter().map(|v| v.unbind()));
            // 5. If SameValue(F, newTarget) is true, set newTarget to target.
            let new_target = if new_target == f {
                target
            } else {
                new_target.unbind()
            };
            enter_native(agent, gc.nogc())?;
            // 6. Return ? Construct(target, args, newTarget).
            let result = construct(
                agent,
                target,
                ArgumentsList(&all),
                Some(new_target),
                gc.reborrow(),
            )
            .unbind();
            agent.vm.native_depth -= 1;
            result.bind(gc.into_nogc())
        }
        ObjectKind::Proxy {
            constructor: true, ..
        } => {
            // 10.5.13 [[Construct]] ( argumentsList, newTarget )
            enter_native(agent, gc.nogc())?;
            let roots_mark = agent.scoped_roots.len();
            let result = proxy_construct(agent, f, args, new_target, gc.subscope()).unbind();
            agent.scoped_roots.truncate(roots_mark);
            agent.vm.native_depth -= 1;
            result.bind(gc.into_nogc())
        }
        _ => Err(agent.throw_type_error("Value is not a constructor", gc.into_nogc())),
    }
}

/// ### [7.3.16 SetIntegrityLevel ( O, level )](https://tc39.es/ecma262/#sec-setintegritylevel)
pub fn set_integrity_level<'gc>(
    agent: &mut Agent,
    o: Object,
    frozen: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    let o = o.bind(gc.nogc()).scope(agent, gc.nogc());
    // 3. Let status be ? O.[[PreventExtensions]]().
    // 4. If status is false, return false.
    if !o
        .get(agent)
        .internal_prevent_extensions(agent, gc.reborrow())?
    {
        return Ok(false);
    }
    // 5. Let keys be ? O.[[OwnPropertyKeys]]().
    let keys = o
        .get(agent)
        .internal_own_property_keys(agent, gc.reborrow())?
        .unbind();
    let keys_start = agent.scoped_roots.len();
    agent
        .scoped_roots
        .extend(keys.iter().map(|k| HeapRoot::Key(*k)));
    let key_at = |agent: &Agent, i: usize| match agent.scoped_roots[keys_start + i] {
        HeapRoot::Key(k) => k,
        _ => unreachable!("key root"),
    };
    for i in 0..keys.len() {
        let key = key_at(agent, i);
        if frozen {
            // 7.b.i. Let currentDesc be ? O.[[GetOwnProperty]](k).
            let current = o
                .get(agent)
                .internal_get_own_property(agent, key, gc.reborrow())?
                .unbind();
            // ii. If currentDesc is not undefined, then
            if let Some(current) = current {
                // 1. If IsAccessorDescriptor(currentDesc) is true, let desc be
                //    { [[Configurable]]: false }.
                // 2. Else, let desc be { [[Configurable]]: false, [[Writable]]: false }.
                let desc = if current.is_accessor_descriptor() {
                    PropertyDescriptor {
                        configurable: Some(false),
                        ..Default::default()
                    }
                } else {
                    PropertyDescriptor {
                        configurable: Some(false),
                        writable: Some(false),
                        ..Default::default()
                    }
                };
                // 3. Perform ? DefinePropertyOrThrow(O, k, desc).
                define_property_or_throw(
                    agent,
                    o.get(agent),
                    key_at(agent, i),
                    desc,
                    gc.reborrow(),
                )?;
            }
        } else {
            // 6.a. For each element k of keys, perform ? DefinePropertyOrThrow(O, k,
            //      PropertyDescriptor { [[Configurable]]: false }).
            let desc = PropertyDescriptor {
                configurable: Some(false),
                ..Default::default()
            };
            define_property_or_throw(agent, o.get(agent), key, desc, gc.reborrow())?;
        }
    }
    agent.scoped_roots.truncate(keys_start);
    // 8. Return true.
    Ok(true)
}

/// ### [7.3.17 TestIntegrityLevel ( O, level )](https://tc39.es/ecma262/#sec-testintegritylevel)
pub fn test_integrity_level<'gc>(
    agent: &mut Agent,
    o: Object,
    frozen: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    let o = o.bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let extensible be ? IsExtensible(O).
    // 2. If extensible is true, return false.
    if o.get(agent).internal_is_extensible(agent, gc.reborrow())? {
        return Ok(false);
    }
    // 4. Let keys be ? O.[[OwnPropertyKeys]]().
    let keys = o
        .get(agent)
        .internal_own_property_keys(agent, gc.reborrow())?
        .unbind();
    let keys_start = agent.scoped_roots.len();
    agent
        .scoped_roots
        .extend(keys.iter().map(|k| HeapRoot::Key(*k)));
    for i in 0..keys.len() {
        let HeapRoot::Key(key) = agent.scoped_roots[keys_start + i] else {
            unreachable!("key root")
        };
        // a. Let currentDesc be ? O.[[GetOwnProperty]](k).
        let current = o
            .get(agent)
            .internal_get_own_property(agent, key, gc.reborrow())?;
        // b. If currentDesc is not undefined, then
        if let Some(current) = current {
            // i. If currentDesc.[[Configurable]] is true, return false.
            if current.configurable == Some(true) {
                return Ok(false);
            }
            // ii. If level is frozen and IsDataDescriptor(currentDesc) is true, then
            //     1. If currentDesc.[[Writable]] is true, return false.
            if frozen && current.is_data_descriptor() && current.writable == Some(true) {
                return Ok(false);
            }
        }
    }
    agent.scoped_roots.truncate(keys_start);
    // 6. Return true.
    Ok(true)
}

/// ### [7.3.18 CreateArrayFromList ( elements )](https://tc39.es/ecma262/#sec-createarrayfromlist)
pub fn create_array_from_list<'gc>(
    agent: &mut Agent,
    elements: &[Value],
    gc: NoGcScope<'gc, '_>,
) -> Object<'gc> {
    // 1. Let array be ! ArrayCreate(0).
    // 2. Let n be 0.
    // 3. For each element e of elements, do
    //    a. Perform ! CreateDataPropertyOrThrow(array, ! ToString(𝔽(n)), e).
    //    b. Set n to n + 1.
    // 4. Return array.
    let prototype = agent.intrinsic(Intrinsic::ArrayPrototype);
    let array = agent.create_object(Some(prototype), ObjectKind::Array, gc);
    array.set_elements(
        agent,
        ElementsRecord::from_values(elements.iter().map(|v| Some(v.unbind())).collect()),
    );
    array
}

/// ### [7.3.19 LengthOfArrayLike ( obj )](https://tc39.es/ecma262/#sec-lengthofarraylike)
pub fn length_of_array_like<'gc>(
    agent: &mut Agent,
    o: Object,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, u64> {
    if o.kind(agent) == ObjectKind::Array {
        return Ok(u64::from(o.elements(agent).map_or(0, |e| e.length)));
    }
    // 1. Return ℝ(? ToLength(? Get(obj, "length"))).
    let key = PropertyKey::from_static_str("length").expect("short key");
    let length = get(agent, o, key, gc.reborrow())?.unbind();
    to_length(agent, length, gc)
}

/// The longest list CreateListFromArrayLike makes (an implementation limit:
/// argument lists of `apply` and `Reflect.apply`, `ownKeys` trap results).
/// Longer array-likes get a RangeError instead of minutes of work and
/// gigabytes of memory.
pub const MAX_LIST_FROM_ARRAY_LIKE: usize = 1 << 20;

/// ### [7.3.20 CreateListFromArrayLike ( obj [ , validElementTypes ] )](https://tc39.es/ecma262/#sec-createlistfromarraylike)
///
/// The values are rooted while they are collected, then handed back bound to
/// the caller's token.
pub fn create_list_from_array_like<'gc>(
    agent: &mut Agent,
    obj: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Vec<Value<'gc>>> {
    // 2. If obj is not an Object, throw a TypeError exception.
    let Value::Object(o) = obj else {
        return Err(agent.throw_type_error(
            "CreateListFromArrayLike called on non-object",
            gc.into_nogc(),
        ));
    };
    // Arrays and arguments objects with only dense elements: nothing below
    // can run code, so the list is read straight from the elements.
    if let Some(values) = o.dense_array_like_values(agent) {
        return Ok(values);
    }
    let o = o.bind(gc.nogc()).scope(agent, gc.nogc());
    // 3. Let len be ? LengthOfArrayLike(obj).
    let len = length_of_array_like(agent, o.get(agent), gc.reborrow())?;
    if len > MAX_LIST_FROM_ARRAY_LIKE as u64 {
        let message = format!(
            "Too many elements in an array-like to make a list of (at most {MAX_LIST_FROM_ARRAY_LIKE})"
        );
        return Err(agent.throw_range_error(&message, gc.into_nogc()));
    }
    // 4. Let list be a new empty List.
    // (Each element is rooted on its own: nested operations may leave roots of their own
    // on the stack between them.)
    let start = agent.scoped_roots.len();
    let mut list = Vec::new();
    // 5. Let index be 0.
    // 6. Repeat, while index < len,
    for index in 0..len as u32 {
        // (A list this long takes a while: the host may stop it.)
        if agent.interrupt_requested() {
            return Err(agent.throw_range_error("Execution interrupted", gc.into_nogc()));
        }
        // b. Let next be ? Get(obj, indexName).
        let next = get(
            agent,
            o.get(agent),
            PropertyKey::Index(index),
            gc.reborrow(),
        )?
        .unbind();
        // d. Append next to list.
        list.push(next.scope(agent, gc.nogc()));
    }
    let gc = gc.into_nogc();
    let list = list.into_iter().map(|v| v.get(agent).bind(gc)).collect();
    agent.scoped_roots.truncate(start);
    // 7. Return list.
    Ok(list)
}

/// ### [7.3.21 Invoke ( V, P [ , argumentsList ] )](https://tc39.es/ecma262/#sec-invoke)
pub fn invoke<'gc>(
    agent: &mut Agent,
    v: Value,
    key: PropertyKey,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let v_root = v.bind(gc.nogc()).scope(agent, gc.nogc());
    let args_start = agent.scoped_roots.len();
    agent
        .scoped_roots
        .extend(args.as_slice().iter().map(|a| HeapRoot::Value(a.unbind())));
    let arg_count = args.len();
    // 2. Let func be ? GetV(V, P).
    let func = get_v(agent, v, key, gc.reborrow())?.unbind();
    // (The arguments were rooted contiguously before GetV ran; its own roots come after.)
    let args: Vec<Value> = agent.scoped_roots[args_start..args_start + arg_count]
        .iter()
        .map(|r| match r {
            HeapRoot::Value(v) => *v,
            _ => unreachable!("value root"),
        })
        .collect();
    // 3. Return ? Call(func, V, argumentsList).
    call_function(agent, func, v_root.get(agent), ArgumentsList(&args), gc)
}

/// ### [7.3.22 OrdinaryHasInstance ( C, O )](https://tc39.es/ecma262/#sec-ordinaryhasinstance)
pub fn ordinary_has_instance<'gc>(
    agent: &mut Agent,
    c: Value,
    o: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    // 1. If IsCallable(C) is false, return false.
    let Value::Object(c_obj) = c else {
        return Ok(false);
    };
    if !c_obj.is_callable(agent) {
        return Ok(false);
    }
    // 2. If C has a [[BoundTargetFunction]] internal slot, then
    if let ObjectKind::BoundFunction(b) = c_obj.kind(agent) {
        // a. Let BC be C.[[BoundTargetFunction]].
        let bc = agent.heap.bound_functions.get(b.index()).target;
        // b. Return ? InstanceofOperator(O, BC).
        return instance_of_operator(agent, o, bc.into(), gc);
    }
    // 3. If O is not an Object, return false.
    let Value::Object(o_obj) = o else {
        return Ok(false);
    };
    let o_obj = o_obj.bind(gc.nogc()).scope(agent, gc.nogc());
    // 4. Let P be ? Get(C, "prototype").
    let key = agent.static_key("prototype");
    let p = get(agent, c_obj, key, gc.reborrow())?.unbind();
    // 5. If P is not an Object, throw a TypeError exception.
    let Value::Object(p) = p else {
        return Err(agent.throw_type_error(
            "Function has non-object prototype in instanceof check",
            gc.into_nogc(),
        ));
    };
    let p = p.scope(agent, gc.nogc());
    let mut current = o_obj.get(agent);
    // 6. Repeat,
    loop {
        // a. Set O to ? O.[[GetPrototypeOf]]().
        let next = current
            .internal_get_prototype_of(agent, gc.reborrow())?
            .unbind();
        // b. If O is null, return false.
        let Some(next) = next else {
            return Ok(false);
        };
        // c. If SameValue(P, O) is true, return true.
        if next == p.get(agent) {
            return Ok(true);
        }
        current = next;
    }
}

/// ### [13.10.2 InstanceofOperator ( V, target )](https://tc39.es/ecma262/#sec-instanceofoperator)
pub fn instance_of_operator<'gc>(
    agent: &mut Agent,
    v: Value,
    target: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    // 1. If target is not an Object, throw a TypeError exception.
    if !target.is_object() {
        return Err(agent.throw_type_error(
            "Right-hand side of 'instanceof' is not an object",
            gc.into_nogc(),
        ));
    }
    if let Some(result) = ordinary_instance_of_without_code(agent, v, target) {
        return Ok(result);
    }
    let v_root = v.bind(gc.nogc()).scope(agent, gc.nogc());
    let target_root = target.bind(gc.nogc()).scope(agent, gc.nogc());
    // 2. Let instOfHandler be ? GetMethod(target, @@hasInstance).
    let handler = get_method(
        agent,
        target,
        WellKnownSymbol::HasInstance.key(),
        gc.reborrow(),
    )?
    .unbind();
    // 3. If instOfHandler is not undefined, then
    if let Some(handler) = handler {
        // a. Return ToBoolean(? Call(instOfHandler, target, « V »)).
        let result = call_function(
            agent,
            handler,
            target_root.get(agent),
            ArgumentsList(&[v_root.get(agent)]),
            gc,
        )?;
        return Ok(super::type_conversion::to_boolean(agent, result));
    }
    // 4. If IsCallable(target) is false, throw a TypeError exception.
    if !is_callable(agent, target_root.get(agent)) {
        return Err(agent.throw_type_error(
            "Right-hand side of 'instanceof' is not callable",
            gc.into_nogc(),
        ));
    }
    // 5. Return ? OrdinaryHasInstance(target, V).
    ordinary_has_instance(agent, target_root.get(agent), v_root.get(agent), gc)
}

/// ### [7.3.23 SpeciesConstructor ( O, defaultConstructor )](https://tc39.es/ecma262/#sec-speciesconstructor)
pub fn species_constructor<'gc>(
    agent: &mut Agent,
    o: Object,
    default: Intrinsic,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    // 1. Let C be ? Get(O, "constructor").
    let key = agent.static_key("constructor");
    let c = get(agent, o, key, gc.reborrow())?.unbind();
    // 2. If C is undefined, return defaultConstructor.
    if c.is_undefined() {
        return Ok(agent.intrinsic(default).bind(gc.into_nogc()));
    }
    // 3. If C is not an Object, throw a TypeError exception.
    let Value::Object(c) = c else {
        return Err(agent.throw_type_error("object.constructor is not an object", gc.into_nogc()));
    };
    // 4. Let S be ? Get(C, @@species).
    let s = get(agent, c, WellKnownSymbol::Species.key(), gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    // 5. If S is either undefined or null, return defaultConstructor.
    if s.is_nullish() {
        return Ok(agent.intrinsic(default).bind(gc));
    }
    // 6. If IsConstructor(S) is true, return S.
    if let Value::Object(s) = s
        && s.is_constructor(agent)
    {
        return Ok(s.bind(gc));
    }
    // 7. Throw a TypeError exception.
    Err(agent.throw_type_error(
        "object.constructor[Symbol.species] is not a constructor",
        gc,
    ))
}

/// ### [7.3.24 EnumerableOwnProperties ( O, kind )](https://tc39.es/ecma262/#sec-enumerableownproperties) — keys only
pub fn enumerable_own_keys<'gc>(
    agent: &mut Agent,
    o: Object,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Vec<PropertyKey<'gc>>> {
    let o = o.bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let ownKeys be ? O.[[OwnPropertyKeys]]().
    let keys = o
        .get(agent)
        .internal_own_property_keys(agent, gc.reborrow())?
        .unbind();
    let start = agent.scoped_roots.len();
    agent
        .scoped_roots
        .extend(keys.iter().map(|k| HeapRoot::Key(*k)));
    let mut kept = Vec::new();
    // 3. For each element key of ownKeys, do
    for i in 0..keys.len() {
        let HeapRoot::Key(key) = agent.scoped_roots[start + i] else {
            unreachable!("key root")
        };
        // a. If key is a String, then
        if key.is_symbol() {
            continue;
        }
        // i. Let desc be ? O.[[GetOwnProperty]](key).
        let desc = o
            .get(agent)
            .internal_get_own_property(agent, key, gc.reborrow())?;
        // ii. If desc is not undefined and desc.[[Enumerable]] is true, then append key.
        if desc.is_some_and(|d| d.enumerable == Some(true)) {
            kept.push(i);
        }
    }
    let gc = gc.into_nogc();
    let result = kept
        .into_iter()
        .map(|i| match agent.scoped_roots[start + i] {
            HeapRoot::Key(k) => k.bind(gc),
            _ => unreachable!("key root"),
        })
        .collect();
    agent.scoped_roots.truncate(start);
    Ok(result)
}

/// ### [7.3.25 GetFunctionRealm ( obj )](https://tc39.es/ecma262/#sec-getfunctionrealm)
pub fn get_function_realm<'gc>(
    agent: &mut Agent,
    obj: Object,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, RealmId> {
    let mut obj = obj.bind(gc);
    loop {
        match obj.kind(agent) {
            // 1. If obj has a [[Realm]] internal slot, then a. Return obj.[[Realm]].
            ObjectKind::ECMAScriptFunction(f) => {
                return Ok(agent.heap.functions.get(f.index()).realm);
            }
            ObjectKind::BuiltinFunction(f) => {
                return Ok(agent.heap.builtin_functions.get(f.index()).realm);
            }
            // 2. If obj is a bound function exotic object, then
            //    a. Let boundTargetFunction be obj.[[BoundTargetFunction]].
            //    b. Return ? GetFunctionRealm(boundTargetFunction).
            ObjectKind::BoundFunction(b) => {
                obj = agent.heap.bound_functions.get(b.index()).target.bind(gc);
            }
            // 3. If obj is a Proxy exotic object, then
            //    a. Perform ? ValidateNonRevokedProxy(obj).
            //    b. Let proxyTarget be obj.[[ProxyTarget]].
            //    c. Return ? GetFunctionRealm(proxyTarget).
            ObjectKind::Proxy { .. } => obj = validate_non_revoked_proxy(agent, obj, gc)?.0,
            // 4. Return the current Realm Record.
            _ => return Ok(agent.current_realm),
        }
    }
}

/// ### [10.1.14 GetPrototypeFromConstructor ( constructor, intrinsicDefaultProto )](https://tc39.es/ecma262/#sec-getprototypefromconstructor)
pub fn get_prototype_from_constructor<'gc>(
    agent: &mut Agent,
    constructor: Object,
    default: Intrinsic,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    // 2. Let proto be ? Get(constructor, "prototype").
    let key = agent.static_key("prototype");
    // An own data property holding an object (every constructor written in
    // JavaScript, unless reconfigured) is read straight from its slot.
    if !matches!(constructor.kind(agent), ObjectKind::Proxy { .. })
        && let Some(entry) = constructor.find_named(agent, key)
        && !entry.attributes.is_accessor()
        && let Value::Object(proto) = constructor.slot(agent, entry.slot)
    {
        return Ok(proto.bind(gc.into_nogc()));
    }
    let constructor = constructor.bind(gc.nogc()).scope(agent, gc.nogc());
    let proto = get(agent, constructor.get(agent), key, gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    // 3. If proto is not an Object, then
    match proto.bind(gc) {
        Value::Object(p) => Ok(p),
        _ => {
            // a. Let realm be ? GetFunctionRealm(constructor).
            let realm = get_function_realm(agent, constructor.get(agent), gc)?;
            // b. Set proto to realm's intrinsic object named intrinsicDefaultProto.
            Ok(agent.realms[realm.0 as usize].intrinsic(default).bind(gc))
        }
    }
}

/// ### [10.1.13 OrdinaryCreateFromConstructor ( constructor, intrinsicDefaultProto [ , internalSlotsList ] )](https://tc39.es/ecma262/#sec-ordinarycreatefromconstructor)
pub fn ordinary_create_from_constructor<'gc>(
    agent: &mut Agent,
    constructor: Object,
    default: Intrinsic,
    kind: ObjectKind,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    // 2. Let proto be ? GetPrototypeFromConstructor(constructor, intrinsicDefaultProto).
    let proto =
        get_prototype_from_constructor(agent, constructor, default, gc.reborrow())?.unbind();
    // 3-4. Return OrdinaryObjectCreate(proto, internalSlotsList).
    Ok(agent.create_object(Some(proto), kind, gc.into_nogc()))
}

/// ### [7.3.25 CopyDataProperties ( target, source, excludedItems )](https://tc39.es/ecma262/#sec-copydataproperties)
pub fn copy_data_properties<'gc>(
    agent: &mut Agent,
    target: Object,
    source: Value,
    excluded: &[PropertyKey],
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    // 1. If source is either undefined or null, return unused.
    if source.is_nullish() {
        return Ok(());
    }
    let target = target.bind(gc.nogc()).scope(agent, gc.nogc());
    let excluded_start = agent.scoped_roots.len();
    agent
        .scoped_roots
        .extend(excluded.iter().map(|k| HeapRoot::Key(k.unbind())));
    let excluded_len = excluded.len();
    // 2. Let from be ! ToObject(source).
    let from = to_object(agent, source, gc.nogc())?.scope(agent, gc.nogc());
    // 3. Let keys be ? from.[[OwnPropertyKeys]]().
    let keys = from
        .get(agent)
        .internal_own_property_keys(agent, gc.reborrow())?
        .unbind();
    let keys_start = agent.scoped_roots.len();
    agent
        .scoped_roots
        .extend(keys.iter().map(|k| HeapRoot::Key(*k)));
    // 4. For each element nextKey of keys, do
    for i in 0..keys.len() {
        let HeapRoot::Key(key) = agent.scoped_roots[keys_start + i] else {
            unreachable!("key root")
        };
        // a. Let excluded be false.
        // b. For each element e of excludedItems, do
        //    i. If SameValue(e, nextKey) is true, then set excluded to true.
        let is_excluded = agent.scoped_roots[excluded_start..excluded_start + excluded_len]
            .iter()
            .any(|r| matches!(r, HeapRoot::Key(k) if *k == key));
        // c. If excluded is false, then
        if is_excluded {
            continue;
        }
        // i. Let desc be ? from.[[GetOwnProperty]](nextKey).
        let desc = from
            .get(agent)
            .internal_get_own_property(agent, key, gc.reborrow())?;
        // ii. If desc is not undefined and desc.[[Enumerable]] is true, then
        if desc.is_some_and(|d| d.enumerable == Some(true)) {
            // 1. Let propValue be ? Get(from, nextKey).
            let value = get(agent, from.get(agent), key, gc.reborrow())?.unbind();
            // 2. Perform ! CreateDataPropertyOrThrow(target, nextKey, propValue).
            let HeapRoot::Key(key) = agent.scoped_roots[keys_start + i] else {
                unreachable!("key root")
            };
            create_data_property_or_throw(agent, target.get(agent), key, value, gc.reborrow())?;
        }
    }
    agent.scoped_roots.truncate(excluded_start);
    // 5. Return unused.
    Ok(())
}

/// ToPropertyKey followed by a lookup on any value (`v[key]`).
pub fn get_value_by_key<'gc>(
    agent: &mut Agent,
    v: Value,
    key: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let v = v.bind(gc.nogc()).scope(agent, gc.nogc());
    let key = to_property_key(agent, key, gc.reborrow())?.unbind();
    get_v(agent, v.get(agent), key, gc)
}
