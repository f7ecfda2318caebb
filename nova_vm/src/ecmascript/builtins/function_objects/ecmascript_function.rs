//! ### [10.2 ECMAScript Function Objects](https://tc39.es/ecma262/#sec-ecmascript-function-objects)

use crate::ecmascript::execution::heap_layout::arena_ids;
use crate::ecmascript::execution::{Environment, RealmId};
use crate::ecmascript::types::handle::define_handle;
use crate::ecmascript::types::{Object, Value};
use crate::engine::bytecode::Code;
use crate::heap::{HandleVisitor, Trace};

define_handle!(
    /// Handle to an ECMAScript function's internal slots.
    ECMAScriptFunction,
    arena_ids::FUNCTIONS
);

/// Internal slots of an ECMAScript function object.
#[derive(Debug)]
pub struct ECMAScriptFunctionRecord {
    /// `[[ECMAScriptCode]]` with `[[FormalParameters]]`, `[[ThisMode]]`,
    /// `[[Strict]]`, `[[ConstructorKind]]` and `[[IsClassConstructor]]`.
    pub code: Code<'static>,
    /// `[[Environment]]` (None at the top level of a script).
    pub environment: Option<Environment<'static>>,
    /// `[[HomeObject]]`
    pub home_object: Option<Object<'static>>,
    /// `[[Realm]]`
    pub realm: RealmId,
    /// `[[Fields]]` and private methods of a class constructor: an internal
    /// object whose elements list the field initialisers (see the class compiler).
    pub fields: Option<Object<'static>>,
    /// For arrow functions: the `this` value at creation (lexical this).
    pub lexical_this: Value<'static>,
    /// For arrow functions: `new.target` at creation.
    pub lexical_new_target: Value<'static>,
    /// For arrow functions: the function whose home object and `super()`
    /// target apply (the enclosing non-arrow function).
    pub this_function: Value<'static>,
}

impl Trace for ECMAScriptFunctionRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.code.visit(visitor);
        if let Some(e) = &mut self.environment {
            e.visit(visitor);
        }
        self.home_object.trace(visitor);
        self.fields.trace(visitor);
        self.lexical_this.trace(visitor);
        self.lexical_new_target.trace(visitor);
        self.this_function.trace(visitor);
    }
}
