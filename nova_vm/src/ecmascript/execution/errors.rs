//! ### [6.2.4 The Completion Record Specification Type](https://tc39.es/ecma262/#sec-completion-record-specification-type)
//!
//! Abrupt "throw" completions are Rust `Err`s carrying the thrown value;
//! `break`/`continue`/`return` never cross a Rust function boundary (the
//! interpreter handles them in bytecode).

use crate::engine::{Bindable, NoGcScope};

/// Marks a throw completion. The thrown value itself is parked in the agent
/// (a root, so it survives collections while the error propagates through
/// Rust frames); [`Agent::take_exception`](super::Agent::take_exception)
/// retrieves it where the exception is caught.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsError {
    _private: (),
}

impl JsError {
    /// Only the agent creates these, when it parks a thrown value.
    pub(crate) fn new_marker() -> Self {
        JsError { _private: () }
    }
}

impl Bindable for JsError {
    type Of<'b> = JsError;
    #[inline(always)]
    fn unbind(self) -> JsError {
        self
    }
    #[inline(always)]
    fn bind<'b>(self, _: NoGcScope<'b, '_>) -> JsError {
        self
    }
}

/// The result of an operation that may throw. `'a` names the GC lifetime the
/// successful value's handles are bound to (the error carries no handles).
pub type JsResult<'a, T> = Result<T, JsError>;

/// The native error constructors an operation may throw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExceptionType {
    /// `Error`
    Error,
    /// `EvalError`
    EvalError,
    /// `RangeError`
    RangeError,
    /// `ReferenceError`
    ReferenceError,
    /// `SyntaxError`
    SyntaxError,
    /// `TypeError`
    TypeError,
    /// `URIError`
    UriError,
}

impl<T: Bindable, E: Bindable> Bindable for Result<T, E> {
    type Of<'a> = Result<T::Of<'a>, E::Of<'a>>;
    #[inline(always)]
    fn unbind(self) -> Self::Of<'static> {
        match self {
            Ok(v) => Ok(v.unbind()),
            Err(e) => Err(e.unbind()),
        }
    }
    #[inline(always)]
    fn bind<'a>(self, gc: NoGcScope<'a, '_>) -> Self::Of<'a> {
        match self {
            Ok(v) => Ok(v.bind(gc)),
            Err(e) => Err(e.bind(gc)),
        }
    }
}
