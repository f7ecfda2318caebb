//! ### [10.3 Built-in Function Objects](https://tc39.es/ecma262/#sec-built-in-function-objects)

use crate::ecmascript::execution::heap_layout::arena_ids;
use crate::ecmascript::execution::{Agent, JsResult, RealmId};
use crate::ecmascript::types::handle::define_handle;
use crate::ecmascript::types::{JsString, Object, Value};
use crate::engine::{GcScope, NoGcScope};
use crate::heap::{HandleVisitor, Trace};

define_handle!(
    /// Handle to a built-in function's internal slots.
    BuiltinFunction,
    arena_ids::BUILTIN_FUNCTIONS
);

/// The arguments of a call, as the callee sees them. Missing arguments read as
/// undefined. Like any handle, the values are only valid until the next call
/// that may collect: bind on entry, scope what must survive such a call.
#[derive(Clone, Copy, Debug)]
pub struct ArgumentsList<'slice, 'a>(pub &'slice [Value<'a>]);

impl<'slice, 'a> ArgumentsList<'slice, 'a> {
    /// No arguments.
    pub const EMPTY: ArgumentsList<'static, 'static> = ArgumentsList(&[]);

    /// Argument `index`, or undefined if it was not passed.
    #[inline]
    pub fn get(&self, index: usize) -> Value<'a> {
        self.0.get(index).copied().unwrap_or(Value::Undefined)
    }

    /// Number of arguments passed.
    #[inline]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True if no argument was passed.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The arguments as a slice.
    #[inline]
    pub fn as_slice(&self) -> &'slice [Value<'a>] {
        self.0
    }

    /// The arguments from `start` on.
    pub fn slice_from(&self, start: usize) -> ArgumentsList<'slice, 'a> {
        ArgumentsList(self.0.get(start..).unwrap_or(&[]))
    }

    /// Ties the values to `gc`.
    #[inline]
    pub fn bind<'b>(self, _gc: NoGcScope<'b, '_>) -> ArgumentsList<'slice, 'b>
    where
        'a: 'b,
    {
        ArgumentsList(self.0)
    }
}

/// A built-in function that is only callable: `(agent, this, arguments, gc)`.
pub type RegularFn =
    for<'gc> fn(&mut Agent, Value, ArgumentsList, GcScope<'gc, '_>) -> JsResult<'gc, Value<'gc>>;

/// A built-in constructor: `(agent, this, arguments, new_target, gc)`;
/// `new_target` is `None` for a plain call.
pub type ConstructorFn = for<'gc> fn(
    &mut Agent,
    Value,
    ArgumentsList,
    Option<Object>,
    GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>>;

/// The Rust code behind a built-in function.
#[derive(Clone, Copy)]
pub enum Behaviour {
    /// A function without `[[Construct]]`.
    Regular(RegularFn),
    /// A function with `[[Construct]]`.
    Constructor(ConstructorFn),
}

impl std::fmt::Debug for Behaviour {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Behaviour::Regular(_) => write!(f, "Regular"),
            Behaviour::Constructor(_) => write!(f, "Constructor"),
        }
    }
}

/// Internal slots of a built-in function object.
#[derive(Debug)]
pub struct BuiltinFunctionRecord {
    /// The behaviour.
    pub behaviour: Behaviour,
    /// `[[Realm]]`
    pub realm: RealmId,
    /// `[[InitialName]]`
    pub initial_name: JsString<'static>,
    /// Host data for closures made by embedders and host objects (e.g. the
    /// realm a `$262.evalScript` belongs to).
    pub host_data: Value<'static>,
    /// `[[IsHTMLDDA]]` ([B.3.6](https://tc39.es/ecma262/#sec-IsHTMLDDA-internal-slot)):
    /// only host code sets it, through [`Agent::create_html_dda_object`].
    pub is_html_dda: bool,
}

impl Trace for BuiltinFunctionRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.initial_name.trace(visitor);
        self.host_data.trace(visitor);
    }
}
