//! ### [22.1 String Objects](https://tc39.es/ecma262/#sec-string-objects)
//!
//! The String constructor, `String.prototype` (with the Annex B additions) and
//! the String Iterator objects.

mod constructor;
mod iterator;
mod prototype;

pub use iterator::{StringIterator, StringIteratorRecord};
pub(crate) use prototype::{TemplatePart, get_substitution, parse_replacement_template};

use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{MAX_STRING_LENGTH, StringBuilder, Value};
use crate::engine::{Bindable, NoGcScope, Rootable, Scoped};

/// Creates %String%, %String.prototype% and %StringIteratorPrototype% in the current realm.
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    prototype::initialize(agent, gc);
    constructor::initialize(agent, gc);
    iterator::initialize(agent, gc);
}

/// Throws a RangeError once a string being built passes the engine's maximum string length.
fn check_builder_length<'gc>(
    agent: &mut Agent,
    builder: &StringBuilder,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    if builder.len() > MAX_STRING_LENGTH {
        return Err(agent.throw_range_error("Invalid string length", gc));
    }
    Ok(())
}

/// Roots every argument, for built-ins that convert their arguments one by one
/// (each conversion may run JavaScript and collect).
fn scope_arguments<'s>(
    agent: &mut Agent,
    args: ArgumentsList,
    gc: NoGcScope<'_, 's>,
) -> Vec<Scoped<'s, Value<'static>>> {
    args.as_slice()
        .iter()
        .map(|v| v.unbind().scope(agent, gc))
        .collect()
}
