//! ### [9.3.1 InitializeHostDefinedRealm ( )](https://tc39.es/ecma262/#sec-initializehostdefinedrealm)
//!
//! Creates a realm: its intrinsics (each built-in family adds its own), the
//! global object and the global environment.

use super::agent::Agent;
use super::environments::{EnvSlots, Environment, EnvironmentKind, EnvironmentRecord};
use super::realm::{Intrinsic, Realm, RealmId};
use crate::ecmascript::builtins;
use crate::ecmascript::builtins::function_objects::Behaviour;
use crate::ecmascript::types::Value;
use crate::ecmascript::types::object::ObjectKind;
use crate::engine::{Bindable, NoGcScope};
use crate::heap::Arena;

impl Agent {
    /// ### [9.3.1 CreateRealm ( )](https://tc39.es/ecma262/#sec-createrealm) with
    /// [9.3.3 SetRealmGlobalObject](https://tc39.es/ecma262/#sec-setrealmglobalobject) and
    /// [9.3.4 SetDefaultGlobalBindings](https://tc39.es/ecma262/#sec-setdefaultglobalbindings)
    pub fn create_realm(&mut self, gc: NoGcScope) -> RealmId {
        // %Object.prototype% has a null prototype; everything else hangs off it.
        let object_prototype = self.create_object(None, ObjectKind::Ordinary, gc).unbind();
        let global_object = self
            .create_object(Some(object_prototype), ObjectKind::Ordinary, gc)
            .unbind();
        let global_lexicals = self.create_object(None, ObjectKind::Ordinary, gc).unbind();
        self.heap.allocated_since_gc += Arena::<EnvironmentRecord>::RECORD_BYTES;
        let global_env = Environment::from_index(self.heap.environments.push(EnvironmentRecord {
            outer: None,
            kind: EnvironmentKind::Global,
            slots: EnvSlots::EMPTY,
            scope: None,
            eval_bindings: None,
        }));
        let realm = RealmId(self.realms.len() as u32);
        self.bump_global_epoch();
        self.realms.push(Realm {
            intrinsics: vec![None; Intrinsic::COUNT],
            global_object,
            global_lexicals,
            global_env,
            template_map: Vec::new(),
            host_defined: Value::Undefined,
            math_random_state: builtins::math::random_seed(),
            regexp_legacy: Default::default(),
        });
        let previous = self.current_realm;
        self.current_realm = realm;
        self.set_intrinsic(Intrinsic::ObjectPrototype, object_prototype);
        // %Function.prototype% is itself a built-in function that returns undefined.
        let function_prototype = self.create_builtin_function(
            Behaviour::Regular(builtins::function::function_prototype_call_behaviour),
            0,
            "",
            None,
            Some(realm),
            Some(object_prototype),
            gc,
        );
        self.set_intrinsic(Intrinsic::FunctionPrototype, function_prototype);
        builtins::initialize_intrinsics(self, gc);
        self.create_missing_core_intrinsics(gc);
        builtins::define_global_bindings(self, global_object, gc);
        self.current_realm = previous;
        realm
    }

    /// The interpreter and the abstract operations rely on these intrinsics
    /// existing (array literals, ToObject, arguments objects). Each built-in
    /// family creates its own; any a family has not created yet gets a plain
    /// placeholder object of the right kind here, so that no script can reach
    /// a missing intrinsic.
    fn create_missing_core_intrinsics(&mut self, gc: NoGcScope) {
        let object_prototype = self.intrinsic(Intrinsic::ObjectPrototype);
        let prototypes = [
            (Intrinsic::ArrayPrototype, ObjectKind::Array),
            (Intrinsic::StringPrototype, ObjectKind::Ordinary),
            (Intrinsic::NumberPrototype, ObjectKind::Ordinary),
            (
                Intrinsic::BooleanPrototype,
                ObjectKind::BooleanObject(false),
            ),
            (Intrinsic::SymbolPrototype, ObjectKind::Ordinary),
            (Intrinsic::BigIntPrototype, ObjectKind::Ordinary),
        ];
        for (intrinsic, kind) in prototypes {
            if self.current_realm().intrinsics[intrinsic as usize].is_none() {
                let object = self.create_object(Some(object_prototype), kind, gc);
                if kind == ObjectKind::Array {
                    object.set_elements(
                        self,
                        crate::ecmascript::types::object::ElementsRecord::default(),
                    );
                }
                self.set_intrinsic(intrinsic, object);
            }
        }
        if self.current_realm().intrinsics[Intrinsic::ThrowTypeError as usize].is_none() {
            let thrower = self.create_builtin_function(
                Behaviour::Regular(builtins::function::throw_type_error_behaviour),
                0,
                "",
                None,
                None,
                None,
                gc,
            );
            thrower.set_stored_non_extensible(self);
            self.set_intrinsic(Intrinsic::ThrowTypeError, thrower);
        }
    }
}
