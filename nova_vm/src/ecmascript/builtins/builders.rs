//! Helpers for creating built-in function objects and defining the properties
//! of intrinsic objects.

use super::function_objects::{
    Behaviour, BuiltinFunction, BuiltinFunctionRecord, ConstructorFn, RegularFn,
};
use crate::ecmascript::execution::{Agent, Intrinsic, RealmId};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{JsString, Object, PropertyKey, Value, WellKnownSymbol};
use crate::engine::{Bindable, NoGcScope};
use crate::heap::Arena;

/// The name of a built-in function: a string, or a symbol shown as `[description]`.
#[derive(Clone, Copy, Debug)]
pub enum BuiltinName {
    /// A plain name.
    Str(&'static str),
    /// A well-known symbol key; the function's name is `[Symbol.x]`.
    Symbol(WellKnownSymbol),
}

impl Agent {
    /// ### [10.3.4 CreateBuiltinFunction ( behaviour, length, name, additionalInternalSlotsList [ , realm [ , prototype [ , prefix ] ] ] )](https://tc39.es/ecma262/#sec-createbuiltinfunction)
    #[allow(clippy::too_many_arguments, reason = "the spec operation's parameters")]
    pub fn create_builtin_function<'a>(
        &mut self,
        behaviour: Behaviour,
        length: u32,
        name: &str,
        prefix: Option<&str>,
        realm: Option<RealmId>,
        prototype: Option<Object>,
        gc: NoGcScope<'a, '_>,
    ) -> Object<'a> {
        // 1. If realm is not present, set realm to the current Realm Record.
        let realm = realm.unwrap_or(self.current_realm);
        // 2. If prototype is not present, set prototype to realm.[[Intrinsics]].[[%Function.prototype%]].
        let prototype = prototype.map(|p| p.unbind()).unwrap_or_else(|| {
            self.realms[realm.0 as usize].intrinsic(Intrinsic::FunctionPrototype)
        });
        // 10. If prefix is present, perform SetFunctionName(func, name, prefix).
        let full_name = match prefix {
            Some(prefix) => format!("{prefix} {name}"),
            None => name.to_owned(),
        };
        let initial_name = self.create_string(&full_name, gc).unbind();
        // 3-7. Let func be a new built-in function object that, when called, performs the
        //      action described by behaviour ...
        self.heap.allocated_since_gc += Arena::<BuiltinFunctionRecord>::RECORD_BYTES;
        let record =
            BuiltinFunction::from_index(self.heap.builtin_functions.push(BuiltinFunctionRecord {
                behaviour,
                realm,
                initial_name,
                host_data: Value::Undefined,
                is_html_dda: false,
            }));
        let func = self.create_object(Some(prototype), ObjectKind::BuiltinFunction(record), gc);
        // 9. Perform SetFunctionLength(func, length).
        func.add_named_data(
            self,
            key("length"),
            Value::from_u32(length),
            Attributes::READONLY_CONFIGURABLE,
        );
        // 10-11. Perform SetFunctionName(func, name).
        func.add_named_data(
            self,
            key("name"),
            initial_name.into_value(),
            Attributes::READONLY_CONFIGURABLE,
        );
        // 12. Return func.
        func
    }

    /// Defines a built-in method `name` on `target` (writable, non-enumerable,
    /// configurable) and returns the function.
    pub fn define_builtin_method<'a>(
        &mut self,
        target: Object,
        name: BuiltinName,
        length: u32,
        behaviour: RegularFn,
        gc: NoGcScope<'a, '_>,
    ) -> Object<'a> {
        let (property_key, function_name) = self.builtin_name(name, gc);
        let func = self.create_builtin_function(
            Behaviour::Regular(behaviour),
            length,
            &function_name,
            None,
            None,
            None,
            gc,
        );
        target.add_named_or_indexed(self, property_key, func.into(), Attributes::BUILTIN);
        func
    }

    /// Defines a getter (and optional setter) `name` on `target` (non-enumerable, configurable).
    pub fn define_builtin_accessor(
        &mut self,
        target: Object,
        name: BuiltinName,
        getter: Option<RegularFn>,
        setter: Option<RegularFn>,
        gc: NoGcScope,
    ) {
        let (property_key, function_name) = self.builtin_name(name, gc);
        let get = getter.map_or(Value::Undefined, |g| {
            self.create_builtin_function(
                Behaviour::Regular(g),
                0,
                &function_name,
                Some("get"),
                None,
                None,
                gc,
            )
            .into()
        });
        let set = setter.map_or(Value::Undefined, |s| {
            self.create_builtin_function(
                Behaviour::Regular(s),
                1,
                &function_name,
                Some("set"),
                None,
                None,
                gc,
            )
            .into()
        });
        target.add_named_accessor(
            self,
            property_key,
            get,
            set,
            Attributes::accessor(false, true),
        );
    }

    /// Creates a built-in constructor with its `prototype` link (non-writable,
    /// non-enumerable, non-configurable) and the prototype's `constructor`
    /// back-link (writable, non-enumerable, configurable).
    pub fn create_builtin_constructor<'a>(
        &mut self,
        name: &str,
        length: u32,
        behaviour: ConstructorFn,
        prototype_object: Option<Object>,
        function_prototype: Option<Object>,
        gc: NoGcScope<'a, '_>,
    ) -> Object<'a> {
        let constructor = self.create_builtin_function(
            Behaviour::Constructor(behaviour),
            length,
            name,
            None,
            None,
            function_prototype,
            gc,
        );
        if let Some(prototype_object) = prototype_object {
            let prototype_key = self.static_key("prototype");
            constructor.add_named_data(
                self,
                prototype_key,
                prototype_object.into(),
                Attributes::FROZEN_HIDDEN,
            );
            let constructor_key = self.static_key("constructor");
            prototype_object.add_named_data(
                self,
                constructor_key,
                constructor.into(),
                Attributes::BUILTIN,
            );
        }
        constructor
    }

    /// Defines a data property on an intrinsic object.
    pub fn define_builtin_property(
        &mut self,
        target: Object,
        name: BuiltinName,
        value: Value,
        attributes: Attributes,
        gc: NoGcScope,
    ) {
        let (property_key, _) = self.builtin_name(name, gc);
        target.add_named_or_indexed(self, property_key, value, attributes);
    }

    fn builtin_name<'a>(
        &mut self,
        name: BuiltinName,
        gc: NoGcScope<'a, '_>,
    ) -> (PropertyKey<'a>, String) {
        match name {
            BuiltinName::Str(s) => (self.key_from_str(s, gc), s.to_owned()),
            BuiltinName::Symbol(symbol) => (symbol.key(), format!("[Symbol.{}]", symbol.name())),
        }
    }

    /// Records an intrinsic of the current realm.
    pub(crate) fn set_intrinsic(&mut self, which: Intrinsic, object: Object) {
        let realm = self.current_realm.0 as usize;
        self.realms[realm].intrinsics[which as usize] = Some(object.unbind());
    }

    /// A string for a static name (short ones never allocate).
    pub fn static_string<'a>(&mut self, s: &str, gc: NoGcScope<'a, '_>) -> JsString<'a> {
        self.create_string(s, gc)
    }
}

impl Object<'_> {
    /// Adds a property during intrinsic setup (the key must be new).
    pub(crate) fn add_named_or_indexed(
        self,
        agent: &mut Agent,
        key: PropertyKey,
        value: Value,
        attributes: Attributes,
    ) {
        match key {
            PropertyKey::Index(index) => {
                self.elements_mut(agent)
                    .set(index, value.unbind(), attributes)
            }
            _ => self.add_named_data(agent, key, value, attributes),
        }
    }
}

/// A property key for a short static name.
pub fn key(name: &'static str) -> PropertyKey<'static> {
    PropertyKey::from_static_str(name)
        .unwrap_or_else(|| panic!("{name} is longer than seven bytes: use Agent::key_from_str"))
}
