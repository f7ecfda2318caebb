//! ### [9.1 Environment Records](https://tc39.es/ecma262/#sec-environment-records)
//!
//! The compiler resolves most bindings to interpreter registers. Bindings that
//! closures capture (and every binding in code that uses `with` or sloppy direct
//! `eval`) live in heap environments: a record of slots plus the outer
//! environment. The compiler knows each captured binding's (hops, slot), so
//! access is a short walk and an index. Object environments (`with`) and the
//! global environment resolve names at run time.

use crate::ecmascript::modules::Module;
use crate::ecmascript::types::handle::define_handle;
use crate::ecmascript::types::{Object, Value};
use crate::engine::bytecode::Code;
use crate::heap::{HandleVisitor, Trace};

use super::heap_layout::arena_ids;

define_handle!(
    /// Handle to an environment record.
    Environment,
    arena_ids::ENVIRONMENTS
);

/// The kind of an environment record.
#[derive(Debug, Clone, Copy)]
pub enum EnvironmentKind {
    /// Declarative: bindings in `slots`, named by the code's scope table.
    Declarative,
    /// Object environment (`with` when `is_with_environment`): bindings are the
    /// properties of `binding_object`.
    Object {
        /// `[[BindingObject]]`
        binding_object: Object<'static>,
        /// `[[IsWithEnvironment]]`
        is_with_environment: bool,
    },
    /// The global environment of a realm (lookups go to the realm's global
    /// lexical bindings and then its global object).
    Global,
    /// A module environment: declarative, plus the indirect import bindings
    /// of its module.
    Module(Module<'static>),
}

/// Declarative scopes with at most this many bindings keep them inline in
/// the environment record (no separate allocation).
const INLINE_ENV_SLOTS: usize = 4;

/// The binding values of an environment record: inline when few (most
/// closures capture one to four), else boxed. Dereferences to the slice.
#[derive(Debug, Clone)]
pub enum EnvSlots {
    /// The first `len` values are the bindings.
    Inline {
        /// Number of bindings.
        len: u8,
        /// Their values (the rest are unused).
        values: [Value<'static>; INLINE_ENV_SLOTS],
    },
    /// More bindings than fit inline.
    Boxed(Box<[Value<'static>]>),
}

impl EnvSlots {
    /// No bindings (object and global environments).
    pub const EMPTY: EnvSlots = EnvSlots::Inline {
        len: 0,
        values: [Value::Undefined; INLINE_ENV_SLOTS],
    };
}

impl EnvSlots {
    /// The value of binding `slot` (which the compiler placed in range).
    #[inline(always)]
    pub fn get(&self, slot: usize) -> Value<'static> {
        match self {
            // Indexing the whole inline array checks against a constant.
            EnvSlots::Inline { values, .. } => values[slot],
            EnvSlots::Boxed(values) => values[slot],
        }
    }

    /// The value of binding `slot`, by reference.
    #[inline(always)]
    pub fn get_ref(&self, slot: usize) -> &Value<'static> {
        match self {
            EnvSlots::Inline { values, .. } => &values[slot],
            EnvSlots::Boxed(values) => &values[slot],
        }
    }

    /// Sets binding `slot` (which the compiler placed in range).
    #[inline(always)]
    pub fn set(&mut self, slot: usize, value: Value<'static>) {
        match self {
            EnvSlots::Inline { values, .. } => values[slot] = value,
            EnvSlots::Boxed(values) => values[slot] = value,
        }
    }
}

impl FromIterator<Value<'static>> for EnvSlots {
    fn from_iter<I: IntoIterator<Item = Value<'static>>>(iter: I) -> Self {
        let mut iter = iter.into_iter();
        let mut values = [Value::Undefined; INLINE_ENV_SLOTS];
        let mut len = 0;
        for value in iter.by_ref() {
            if len == INLINE_ENV_SLOTS {
                let boxed: Box<[Value<'static>]> =
                    values.into_iter().chain([value]).chain(iter).collect();
                return EnvSlots::Boxed(boxed);
            }
            values[len] = value;
            len += 1;
        }
        EnvSlots::Inline {
            len: len as u8,
            values,
        }
    }
}

impl std::ops::Deref for EnvSlots {
    type Target = [Value<'static>];
    #[inline]
    fn deref(&self) -> &[Value<'static>] {
        match self {
            EnvSlots::Inline { len, values } => &values[..*len as usize],
            EnvSlots::Boxed(values) => values,
        }
    }
}

impl std::ops::DerefMut for EnvSlots {
    #[inline]
    fn deref_mut(&mut self) -> &mut [Value<'static>] {
        match self {
            EnvSlots::Inline { len, values } => &mut values[..*len as usize],
            EnvSlots::Boxed(values) => values,
        }
    }
}

/// An environment record.
#[derive(Debug)]
pub struct EnvironmentRecord {
    /// `[[OuterEnv]]`
    pub outer: Option<Environment<'static>>,
    /// Kind-specific data.
    pub kind: EnvironmentKind,
    /// Values of declarative bindings.
    pub slots: EnvSlots,
    /// For declarative records: the code and scope number whose table names the
    /// slots, so that `eval` and `with` code can find bindings by name.
    pub scope: Option<(Code<'static>, u32)>,
    /// Bindings added at run time by sloppy direct `eval` (`var` declarations),
    /// as properties of an internal object with no prototype.
    pub eval_bindings: Option<Object<'static>>,
}

impl Trace for EnvironmentRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        if let Some(outer) = &mut self.outer {
            outer.visit(visitor);
        }
        match &mut self.kind {
            EnvironmentKind::Object { binding_object, .. } => binding_object.visit(visitor),
            EnvironmentKind::Module(module) => module.visit(visitor),
            EnvironmentKind::Declarative | EnvironmentKind::Global => {}
        }
        for value in self.slots.iter_mut() {
            value.trace(visitor);
        }
        if let Some((code, _)) = &mut self.scope {
            code.visit(visitor);
        }
        if let Some(bindings) = &mut self.eval_bindings {
            bindings.visit(visitor);
        }
    }
}

impl super::Agent {
    /// Allocates an environment record.
    pub(crate) fn alloc_environment(&mut self, record: EnvironmentRecord) -> Environment<'static> {
        self.heap.allocated_since_gc +=
            crate::heap::Arena::<EnvironmentRecord>::RECORD_BYTES + record.slots.len() * 8;
        Environment::from_index(self.heap.environments.push(record))
    }
}
