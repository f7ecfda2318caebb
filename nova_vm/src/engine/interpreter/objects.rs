//! Object creation for the interpreter: literals, closures, classes,
//! `arguments`, rest parameters, `super()` and instance field initialisation.

use crate::ecmascript::abstract_operations::{
    call_function, construct, copy_data_properties, create_array_from_list,
    create_data_property_or_throw, get, is_constructor,
};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::builtins::function_objects::{ECMAScriptFunction, ECMAScriptFunctionRecord};
use crate::ecmascript::builtins::regexp::regexp_create_literal;
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ElementsRecord, ObjectKind};
use crate::ecmascript::types::{
    JsString, Object, PropertyKey, Symbol, SymbolRecord, UNINITIALIZED, Value, WellKnownSymbol,
};
use crate::engine::bytecode::{ClosureShapes, Code, FunctionKind};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};
use crate::heap::Arena;

fn key(name: &'static str) -> PropertyKey<'static> {
    PropertyKey::from_static_str(name).expect("short key")
}

/// `{}`
pub(crate) fn new_object<'gc>(agent: &mut Agent, gc: NoGcScope<'gc, '_>) -> Object<'gc> {
    let prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    agent.create_object(Some(prototype), ObjectKind::Ordinary, gc)
}

/// `[]`
pub(crate) fn new_array<'gc>(agent: &mut Agent, gc: NoGcScope<'gc, '_>) -> Object<'gc> {
    let prototype = agent.intrinsic(Intrinsic::ArrayPrototype);
    let array = agent.create_object(Some(prototype), ObjectKind::Array, gc);
    array.set_elements(agent, ElementsRecord::default());
    array
}

/// Appends an element (or a hole) to an array literal.
pub(crate) fn array_push(agent: &mut Agent, array: Value, value: Option<Value>) {
    let Value::Object(array) = array else {
        unreachable!("array literal")
    };
    let elements = array.elements_mut(agent);
    let index = elements.length;
    if let Some(v) = value {
        elements.set(index, v.unbind(), Attributes::DEFAULT)
    }
    elements.length = index + 1;
}

/// A RegExp literal: `RegExpCreate(pattern, flags)` with the realm's %RegExp%.
pub(crate) fn new_regexp<'gc>(
    agent: &mut Agent,
    pattern: u32,
    flags: u32,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let code = agent.vm.running_code();
    let record = agent.heap.code.get(code.index());
    let (pattern, flags) = (
        record.constants[pattern as usize],
        record.constants[flags as usize],
    );
    regexp_create_literal(agent, pattern, flags, gc).map(Value::from)
}

/// Object spread/rest copy with an array of excluded keys.
pub(crate) fn copy_data_properties_from_registers<'gc>(
    agent: &mut Agent,
    target: Value,
    source: Value,
    excluded: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let Value::Object(target) = target else {
        unreachable!("spread target")
    };
    let mut keys = Vec::new();
    if let Value::Object(excluded) = excluded
        && let Some(elements) = excluded.elements(agent)
    {
        let values: Vec<Value<'static>> = elements.dense.iter().flatten().copied().collect();
        for v in values {
            let k = match v {
                Value::Symbol(s) => PropertyKey::Symbol(s),
                other => match other.as_string() {
                    Some(s) => agent.string_to_key(s, gc.nogc()).unbind(),
                    None => continue,
                },
            };
            keys.push(k);
        }
    }
    copy_data_properties(agent, target, source, &keys, gc)
}

/// `__proto__: value` in an object literal.
pub(crate) fn set_prototype_literal(agent: &mut Agent, object: Value, value: Value) {
    let Value::Object(o) = object else {
        unreachable!("object literal")
    };
    match value {
        Value::Object(p) => {
            o.ordinary_set_prototype_of(agent, Some(p));
        }
        Value::Null => {
            o.ordinary_set_prototype_of(agent, None);
        }
        _ => {}
    }
}

/// A new private name with description `#name`.
pub(crate) fn new_private_name<'gc>(
    agent: &mut Agent,
    constant: u32,
    gc: NoGcScope<'gc, '_>,
) -> Value<'gc> {
    let code = agent.vm.running_code();
    let description = agent.heap.code.get(code.index()).constants[constant as usize].as_string();
    agent.heap.allocated_since_gc += Arena::<SymbolRecord>::RECORD_BYTES;
    let symbol = Symbol::from_index(agent.heap.symbols.push(SymbolRecord {
        description,
        registered: false,
        is_private: true,
    }));
    Value::Symbol(symbol.bind(gc))
}

impl Agent {
    /// True for class private names.
    pub(crate) fn is_private_name(&self, symbol: Symbol) -> bool {
        self.heap.symbols.get(symbol.index()).is_private
    }
}

/// ### [10.2.3 OrdinaryFunctionCreate](https://tc39.es/ecma262/#sec-ordinaryfunctioncreate) and friends: a closure over the running frame's environment.
pub(crate) fn create_closure<'gc>(
    agent: &mut Agent,
    function: u32,
    gc: NoGcScope<'gc, '_>,
) -> Object<'gc> {
    let frame = agent.vm.frames.last().expect("frame");
    let code = agent.heap.code.get(frame.code.index()).functions[function as usize];
    let (env, this, new_target, this_function) =
        (frame.env, frame.this, frame.new_target, frame.this_function);
    let child = agent.heap.code.get(code.index());
    let kind = child.kind;
    let length = child.length;
    let name = child.name;
    let is_arrow = matches!(kind, FunctionKind::Arrow | FunctionKind::AsyncArrow);
    let home_object = if is_arrow {
        match this_function {
            Value::Object(f) => match f.kind(agent) {
                ObjectKind::ECMAScriptFunction(h) => {
                    agent.heap.functions.get(h.index()).home_object
                }
                _ => None,
            },
            _ => None,
        }
    } else {
        None
    };
    let realm = agent.current_realm;
    agent.heap.allocated_since_gc += Arena::<ECMAScriptFunctionRecord>::RECORD_BYTES;
    let record =
        ECMAScriptFunction::from_index(agent.heap.functions.push(ECMAScriptFunctionRecord {
            code,
            environment: env,
            home_object,
            realm,
            fields: None,
            lexical_this: if is_arrow { this } else { Value::Undefined },
            lexical_new_target: if is_arrow {
                new_target
            } else {
                Value::Undefined
            },
            this_function: if is_arrow {
                this_function
            } else {
                Value::Undefined
            },
        }));
    let prototype = match kind {
        FunctionKind::Generator => agent.intrinsic(Intrinsic::GeneratorFunctionPrototype),
        FunctionKind::Async | FunctionKind::AsyncArrow => {
            agent.intrinsic(Intrinsic::AsyncFunctionPrototype)
        }
        FunctionKind::AsyncGenerator => agent.intrinsic(Intrinsic::AsyncGeneratorFunctionPrototype),
        _ => agent.intrinsic(Intrinsic::FunctionPrototype),
    };
    if let Some(f) = create_closure_from_cached_shapes(agent, code, prototype, record, gc) {
        return f;
    }
    let f = agent.create_object(Some(prototype), ObjectKind::ECMAScriptFunction(record), gc);
    f.add_named_data(
        agent,
        key("length"),
        Value::from_u32(length),
        Attributes::READONLY_CONFIGURABLE,
    );
    f.add_named_data(
        agent,
        key("name"),
        name.into_value(),
        Attributes::READONLY_CONFIGURABLE,
    );
    match kind {
        FunctionKind::Normal => {
            // Non-strict functions carry the legacy "caller" and "arguments" own properties
            // (undefined: the values are not tracked, which 17.1 Forbidden Extensions
            // allows); strict ones inherit the throwing accessors of %Function.prototype%.
            if !agent.heap.code.get(code.index()).flags.strict {
                for name in ["caller", "arguments"] {
                    let legacy_key = agent.static_key(name);
                    f.add_named_data(
                        agent,
                        legacy_key,
                        Value::Undefined,
                        Attributes::FROZEN_HIDDEN,
                    );
                }
            }
            // MakeConstructor: a fresh prototype object with a constructor back-link.
            let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
            let proto = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
            let key_constructor = agent.static_key("constructor");
            proto.add_named_data(agent, key_constructor, f.into(), Attributes::BUILTIN);
            let key_prototype = agent.static_key("prototype");
            f.add_named_data(
                agent,
                key_prototype,
                proto.into(),
                Attributes::data(true, false, false),
            );
            remember_closure_shapes(agent, code, f, Some(proto));
        }
        FunctionKind::Generator | FunctionKind::AsyncGenerator => {
            let generator_prototype = agent.intrinsic(if kind == FunctionKind::Generator {
                Intrinsic::GeneratorPrototype
            } else {
                Intrinsic::AsyncGeneratorPrototype
            });
            let proto = agent.create_object(Some(generator_prototype), ObjectKind::Ordinary, gc);
            let key_prototype = agent.static_key("prototype");
            f.add_named_data(
                agent,
                key_prototype,
                proto.into(),
                Attributes::data(true, false, false),
            );
            remember_closure_shapes(agent, code, f, Some(proto));
        }
        _ => remember_closure_shapes(agent, code, f, None),
    }
    f
}

/// Records the shapes a closure of `code` was built with (see
/// [`CodeRecord::closure_shapes`](crate::engine::bytecode::CodeRecord)),
/// unless one of them is a dictionary (those change in place).
fn remember_closure_shapes(agent: &mut Agent, code: Code, f: Object, proto: Option<Object>) {
    let function = f.record(agent).shape;
    let prototype = proto.map(|p| p.record(agent).shape);
    let shapes = &agent.heap.shapes;
    if shapes.get(function.index()).dictionary
        || prototype.is_some_and(|p| shapes.get(p.index()).dictionary)
    {
        return;
    }
    agent.heap.code.get_mut(code.index()).closure_shapes = Some(ClosureShapes {
        function: function.unbind(),
        prototype: prototype.map(|p| p.unbind()),
    });
}

/// The closure for `record` built directly in the shapes the previous closure
/// of `code` ended with, when those still apply (same prototypes): the same
/// own properties in the same slots as the step-by-step path makes.
fn create_closure_from_cached_shapes<'gc>(
    agent: &mut Agent,
    code: Code,
    prototype: Object,
    record: ECMAScriptFunction,
    gc: NoGcScope<'gc, '_>,
) -> Option<Object<'gc>> {
    let child = agent.heap.code.get(code.index());
    let shapes = child.closure_shapes?;
    let (length, name) = (child.length, child.name);
    let heap = &mut agent.heap;
    if heap.shapes.get(shapes.function.index()).prototype != Some(prototype.unbind()) {
        return None;
    }
    let f = heap.alloc_object_with_shape(
        shapes.function,
        ObjectKind::ECMAScriptFunction(record.unbind()),
    );
    // Slots in the order the properties were added: length, name, then
    // (sloppy normal functions) caller and arguments, left undefined, then
    // prototype last.
    f.set_slot(agent, 0, Value::from_u32(length));
    f.set_slot(agent, 1, name.into_value());
    if let Some(proto_shape) = shapes.prototype {
        let proto = agent
            .heap
            .alloc_object_with_shape(proto_shape, ObjectKind::Ordinary);
        // A normal function's prototype object holds `constructor` (a
        // generator's holds nothing).
        if agent.heap.shapes.get(proto_shape.index()).slot_count > 0 {
            proto.set_slot(agent, 0, f.into());
        }
        let last = agent.heap.shapes.get(shapes.function.index()).slot_count - 1;
        f.set_slot(agent, last, proto.into());
    }
    Some(f.bind(gc))
}

/// Sets `[[HomeObject]]` of a method closure.
pub(crate) fn set_home_object(agent: &mut Agent, function: Value, home: Value) {
    if let (Value::Object(f), Value::Object(home)) = (function, home)
        && let ObjectKind::ECMAScriptFunction(handle) = f.kind(agent)
    {
        agent.heap.functions.get_mut(handle.index()).home_object = Some(home.unbind());
    }
}

/// ### [10.2.9 SetFunctionName ( F, name [ , prefix ] )](https://tc39.es/ecma262/#sec-setfunctionname)
pub(crate) fn set_function_name(
    agent: &mut Agent,
    function: Value,
    name: Value,
    prefix: u8,
    gc: NoGcScope,
) {
    let Value::Object(f) = function else { return };
    // 2. If name is a Symbol, then
    let base: JsString = match name {
        Value::Symbol(s) => {
            // a. Let description be name.[[Description]].
            let record = agent.heap.symbols.get(s.index());
            let (description, is_private) = (record.description, record.is_private);
            if is_private {
                // b (private name): set name to description.
                description.unwrap_or(JsString::EMPTY)
            } else {
                // b. If description is undefined, set name to the empty String.
                // c. Else, set name to the string-concatenation of "[", description, and "]".
                match description {
                    Some(d) => {
                        let text = format!("[{}]", agent.string_lossy(d));
                        agent.create_string_from_owned(text, gc).unbind()
                    }
                    None => JsString::EMPTY,
                }
            }
        }
        other => other
            .as_string()
            .map(|s| s.unbind())
            .unwrap_or(JsString::EMPTY),
    };
    // 5. If prefix is present, then set name to the string-concatenation of prefix, the
    //    code unit 0x0020 (SPACE), and name.
    let full = match prefix {
        1 => {
            let p = agent.create_string("get ", gc);
            agent.string_concat(p, base, gc)
        }
        2 => {
            let p = agent.create_string("set ", gc);
            agent.string_concat(p, base, gc)
        }
        _ => base.bind(gc),
    };
    // 6. Perform ! DefinePropertyOrThrow(F, "name", PropertyDescriptor { [[Value]]: name,
    //    [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }).
    let name_key = key("name");
    if f.find_named(agent, name_key).is_some() {
        f.replace_named(
            agent,
            name_key,
            Attributes::READONLY_CONFIGURABLE,
            full.into_value(),
            Value::Undefined,
        );
    } else {
        f.add_named_data(
            agent,
            name_key,
            full.into_value(),
            Attributes::READONLY_CONFIGURABLE,
        );
    }
}

/// ClassDefinitionEvaluation steps 5–16: the prototype chain of a new class.
/// Returns (constructor, prototype).
pub(crate) fn create_class<'gc>(
    agent: &mut Agent,
    constructor: Value,
    heritage: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, (Value<'static>, Value<'static>)> {
    let constructor = constructor.bind(gc.nogc()).scope(agent, gc.nogc());
    let (proto_parent, constructor_parent) = if heritage == Value::Symbol(UNINITIALIZED) {
        // 5. If ClassHeritage is not present, then
        (
            Some(agent.intrinsic(Intrinsic::ObjectPrototype)),
            agent.intrinsic(Intrinsic::FunctionPrototype),
        )
    } else if heritage.is_null() {
        // 8.e. If superclass is null, then protoParent = null, constructorParent = %Function.prototype%.
        (None, agent.intrinsic(Intrinsic::FunctionPrototype))
    } else {
        // 8.f. Else if IsConstructor(superclass) is false, throw a TypeError exception.
        if !is_constructor(agent, heritage) {
            return Err(agent.throw_type_error(
                "Class extends value is not a constructor or null",
                gc.into_nogc(),
            ));
        }
        let Value::Object(superclass) = heritage else {
            unreachable!()
        };
        let superclass_root = superclass.bind(gc.nogc()).scope(agent, gc.nogc());
        // g.i. Let protoParent be ? Get(superclass, "prototype").
        let key_prototype = agent.static_key("prototype");
        let parent = get(agent, superclass, key_prototype, gc.reborrow())?.unbind();
        // ii. If protoParent is not an Object and protoParent is not null, throw a TypeError exception.
        let proto_parent = match parent {
            Value::Object(p) => Some(p),
            Value::Null => None,
            _ => {
                return Err(agent.throw_type_error(
                    "Class extends value does not have valid prototype property",
                    gc.into_nogc(),
                ));
            }
        };
        // iii. Let constructorParent be superclass.
        (proto_parent, superclass_root.get(agent))
    };
    let gc = gc.into_nogc();
    // 9. Let proto be OrdinaryObjectCreate(protoParent).
    let proto = agent.create_object(proto_parent, ObjectKind::Ordinary, gc);
    let Value::Object(f) = constructor.get(agent) else {
        unreachable!("class constructor closure")
    };
    // 14-16. F.[[Prototype]] = constructorParent, HomeObject = proto, MakeConstructor(F, false, proto).
    f.set_stored_prototype(agent, Some(constructor_parent));
    set_home_object(agent, f.into(), proto.into());
    let key_prototype = agent.static_key("prototype");
    f.add_named_data(
        agent,
        key_prototype,
        proto.into(),
        Attributes::FROZEN_HIDDEN,
    );
    // 19. Perform CreateMethodProperty(proto, "constructor", F).
    let key_constructor = agent.static_key("constructor");
    proto.add_named_data(agent, key_constructor, f.into(), Attributes::BUILTIN);
    Ok((f.unbind().into(), proto.unbind().into()))
}

/// Records an instance element on a class: `kind` 0 field, 1 private method,
/// 2 private getter, 3 private setter.
pub(crate) fn class_field_define(
    agent: &mut Agent,
    class: Value,
    name: Value,
    value: Value,
    kind: u8,
    gc: NoGcScope,
) {
    let Value::Object(class) = class else {
        unreachable!("class")
    };
    let ObjectKind::ECMAScriptFunction(handle) = class.kind(agent) else {
        unreachable!("class constructor")
    };
    let fields = match agent.heap.functions.get(handle.index()).fields {
        Some(fields) => fields,
        None => {
            let fields = create_array_from_list(agent, &[], gc).unbind();
            agent.heap.functions.get_mut(handle.index()).fields = Some(fields);
            fields
        }
    };
    let elements = fields.elements_mut(agent);
    let index = elements.length;
    elements.set(index, Value::Integer(i32::from(kind)), Attributes::DEFAULT);
    elements.set(index + 1, name.unbind(), Attributes::DEFAULT);
    elements.set(index + 2, value.unbind(), Attributes::DEFAULT);
    elements.length = index + 3;
}

/// ### [7.3.34 InitializeInstanceElements ( O, constructor )](https://tc39.es/ecma262/#sec-initializeinstanceelements)
pub(crate) fn initialize_instance_elements<'gc>(
    agent: &mut Agent,
    object: Value,
    constructor: Object,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let ObjectKind::ECMAScriptFunction(handle) = constructor.kind(agent) else {
        return Ok(());
    };
    let Some(fields) = agent.heap.functions.get(handle.index()).fields else {
        return Ok(());
    };
    let fields = fields.scope(agent, gc.nogc());
    let object = object.bind(gc.nogc()).scope(agent, gc.nogc());
    let count = fields.get(agent).elements(agent).map_or(0, |e| e.length) / 3;
    let entry = |agent: &Agent, fields: Object, i: u32| -> (i32, Value<'static>, Value<'static>) {
        let e = fields.elements(agent).expect("fields");
        let at = |j: u32| {
            e.dense
                .get(j as usize)
                .copied()
                .flatten()
                .unwrap_or_default()
        };
        let Value::Integer(kind) = at(3 * i) else {
            unreachable!("field kind")
        };
        (kind, at(3 * i + 1), at(3 * i + 2))
    };
    // 3. For each element method of methods, do
    //    a. Perform ? PrivateMethodOrAccessorAdd(O, method).
    for i in 0..count {
        let (kind, name, function) = entry(agent, fields.get(agent), i);
        if kind > 0 {
            super::properties::define_private_method(
                agent,
                object.get(agent),
                name,
                function,
                (kind - 1) as u8,
                gc.nogc(),
            )?;
        }
    }
    // 4. For each element fieldRecord of fields, do
    //    a. Perform ? DefineField(O, fieldRecord).
    for i in 0..count {
        let (kind, _, initializer) = entry(agent, fields.get(agent), i);
        if kind != 0 {
            continue;
        }
        // 7.3.33 DefineField ( receiver, fieldRecord )
        // 3-4. If initializer is not empty, let initValue be ? Call(initializer, receiver).
        let value = if initializer.is_undefined() {
            Value::Undefined
        } else {
            call_function(
                agent,
                initializer,
                object.get(agent),
                ArgumentsList::EMPTY,
                gc.reborrow(),
            )?
            .unbind()
        };
        let (_, name, _) = entry(agent, fields.get(agent), i);
        // 5. If fieldName is a Private Name, perform ? PrivateFieldAdd(receiver, fieldName, initValue).
        if matches!(name, Value::Symbol(s) if agent.is_private_name(s)) {
            super::properties::define_private(agent, object.get(agent), name, value, gc.nogc())?;
        } else {
            // 6. Else, perform ? CreateDataPropertyOrThrow(receiver, fieldName, initValue).
            let Value::Object(o) = object.get(agent) else {
                unreachable!("instance")
            };
            let key = match name {
                Value::Symbol(s) => PropertyKey::Symbol(s),
                other => {
                    let s = other.as_string().expect("field key");
                    agent.string_to_key(s, gc.nogc()).unbind()
                }
            };
            create_data_property_or_throw(agent, o, key, value, gc.reborrow())?;
        }
    }
    Ok(())
}

/// Field initialisation after `super()` for the running derived constructor.
pub(crate) fn initialize_fields_of_this_function<'gc>(
    agent: &mut Agent,
    this: Value,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let function = agent.vm.frames.last().expect("frame").this_function;
    match function {
        Value::Object(f) => initialize_instance_elements(agent, this, f, gc),
        _ => Ok(()),
    }
}

/// ### [13.3.7.1 `super(...)`](https://tc39.es/ecma262/#sec-super-keyword-runtime-semantics-evaluation)
pub(crate) fn super_call<'gc>(
    agent: &mut Agent,
    args: &[Value],
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let frame = agent.vm.frames.last().expect("frame");
    let (function, new_target) = (frame.this_function, frame.new_target);
    // 1. Let newTarget be GetNewTarget().
    let Value::Object(new_target) = new_target else {
        return Err(agent.throw_syntax_error("'super' keyword unexpected here", gc.into_nogc()));
    };
    // 3. Let func be GetSuperConstructor().
    let Value::Object(active) = function else {
        return Err(agent.throw_syntax_error("'super' keyword unexpected here", gc.into_nogc()));
    };
    let func = active.stored_prototype(agent);
    // 5. If IsConstructor(func) is false, throw a TypeError exception.
    let Some(func) = func.filter(|f| f.is_constructor(agent)) else {
        return Err(
            agent.throw_type_error("Super constructor is not a constructor", gc.into_nogc())
        );
    };
    // 6. Let result be ? Construct(func, argList, newTarget).
    let result = construct(
        agent,
        func,
        ArgumentsList(args),
        Some(new_target),
        gc.reborrow(),
    )?
    .unbind();
    Ok(Value::Object(result).bind(gc.into_nogc()))
}

/// ### [10.4.4.6 CreateUnmappedArgumentsObject ( argumentsList )](https://tc39.es/ecma262/#sec-createunmappedargumentsobject)
/// (mapped arguments objects are created unmapped: parameter aliasing is not supported yet).
pub(crate) fn create_arguments_object<'gc>(
    agent: &mut Agent,
    mapped: bool,
    gc: NoGcScope<'gc, '_>,
) -> Object<'gc> {
    let frame = agent.vm.frames.last().expect("frame");
    let values: Vec<Option<Value<'static>>> = frame
        .arguments
        .as_deref()
        .unwrap_or(&[])
        .iter()
        .map(|v| Some(*v))
        .collect();
    let callee = frame.callee;
    let len = values.len() as u32;
    // 2. Let obj be OrdinaryObjectCreate(%Object.prototype%, « [[ParameterMap]] »).
    let prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    // 10.4.4.7 CreateMappedArgumentsObject: the first arguments alias the
    // parameters (in the function's environment) through [[ParameterMap]].
    let kind = match (
        mapped,
        &agent.heap.code.get(frame.code.index()).mapped_parameters,
    ) {
        (true, Some((hops, slots))) if !slots.is_empty() && frame.env.is_some() => {
            // The parameters' environment encloses the frame's.
            let env = super::environments::outer_environment(
                agent,
                frame.env.expect("checked above"),
                *hops,
            );
            let map: Vec<Option<u32>> = slots
                .iter()
                .take(len as usize)
                .map(|&slot| (slot != u32::MAX).then_some(slot))
                .collect();
            ObjectKind::MappedArguments(crate::ecmascript::types::object::create_parameter_map(
                agent, env, map,
            ))
        }
        _ => ObjectKind::Arguments,
    };
    let object = agent.create_object(Some(prototype), kind, gc);
    // 4. Perform ! DefinePropertyOrThrow(obj, "length", PropertyDescriptor { [[Value]]: 𝔽(len),
    //    [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: true }).
    object.add_named_data(
        agent,
        key("length"),
        Value::from_u32(len),
        Attributes::BUILTIN,
    );
    // 5-6. For each argument: CreateDataPropertyOrThrow(obj, ! ToString(𝔽(index)), val).
    let elements = ElementsRecord::from_values(values);
    object.set_elements(agent, elements);
    // 7. Perform ! DefinePropertyOrThrow(obj, @@iterator, PropertyDescriptor { [[Value]]:
    //    %Array.prototype.values%, [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: true }).
    if let Some(values_function) =
        agent.current_realm().intrinsics[Intrinsic::ArrayPrototypeValues as usize]
    {
        object.add_named_data(
            agent,
            WellKnownSymbol::Iterator.key(),
            values_function.into(),
            Attributes::BUILTIN,
        );
    }
    if mapped {
        object.add_named_data(agent, key("callee"), callee, Attributes::BUILTIN);
    } else {
        // 8. Perform ! DefinePropertyOrThrow(obj, "callee", PropertyDescriptor { [[Get]]:
        //    %ThrowTypeError%, [[Set]]: %ThrowTypeError%, [[Enumerable]]: false, [[Configurable]]: false }).
        let thrower: Value = agent.intrinsic(Intrinsic::ThrowTypeError).into();
        object.add_named_accessor(
            agent,
            key("callee"),
            thrower,
            thrower,
            Attributes::accessor(false, false),
        );
    }
    object
}

/// A rest parameter: an array of the arguments from `start` on.
pub(crate) fn create_rest_parameter<'gc>(
    agent: &mut Agent,
    start: usize,
    gc: NoGcScope<'gc, '_>,
) -> Object<'gc> {
    let frame = agent.vm.frames.last().expect("frame");
    let values: Vec<Value<'static>> = frame
        .arguments
        .as_deref()
        .unwrap_or(&[])
        .iter()
        .skip(start)
        .copied()
        .collect();
    create_array_from_list(agent, &values, gc)
}
