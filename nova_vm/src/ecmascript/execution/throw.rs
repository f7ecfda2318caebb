//! Creating and throwing the native errors from Rust.

use super::agent::Agent;
use super::errors::{ExceptionType, JsError};
use super::realm::Intrinsic;
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{ERROR_STACK, Object, PropertyKey, Value};
use crate::engine::{Bindable, NoGcScope};

impl ExceptionType {
    /// The prototype intrinsic of this error type.
    pub fn prototype(self) -> Intrinsic {
        match self {
            ExceptionType::Error => Intrinsic::ErrorPrototype,
            ExceptionType::EvalError => Intrinsic::EvalErrorPrototype,
            ExceptionType::RangeError => Intrinsic::RangeErrorPrototype,
            ExceptionType::ReferenceError => Intrinsic::ReferenceErrorPrototype,
            ExceptionType::SyntaxError => Intrinsic::SyntaxErrorPrototype,
            ExceptionType::TypeError => Intrinsic::TypeErrorPrototype,
            ExceptionType::UriError => Intrinsic::UriErrorPrototype,
        }
    }

    /// The constructor name (`"TypeError"`).
    pub fn name(self) -> &'static str {
        match self {
            ExceptionType::Error => "Error",
            ExceptionType::EvalError => "EvalError",
            ExceptionType::RangeError => "RangeError",
            ExceptionType::ReferenceError => "ReferenceError",
            ExceptionType::SyntaxError => "SyntaxError",
            ExceptionType::TypeError => "TypeError",
            ExceptionType::UriError => "URIError",
        }
    }

    /// The type for its number in bytecode (`ThrowError`).
    pub fn from_u8(n: u8) -> ExceptionType {
        match n {
            1 => ExceptionType::EvalError,
            2 => ExceptionType::RangeError,
            3 => ExceptionType::ReferenceError,
            4 => ExceptionType::SyntaxError,
            5 => ExceptionType::TypeError,
            6 => ExceptionType::UriError,
            _ => ExceptionType::Error,
        }
    }

    /// Its number in bytecode.
    pub fn to_u8(self) -> u8 {
        match self {
            ExceptionType::Error => 0,
            ExceptionType::EvalError => 1,
            ExceptionType::RangeError => 2,
            ExceptionType::ReferenceError => 3,
            ExceptionType::SyntaxError => 4,
            ExceptionType::TypeError => 5,
            ExceptionType::UriError => 6,
        }
    }
}

impl Agent {
    /// Creates an error object of the current realm with `message` and a stack.
    pub fn create_error<'a>(
        &mut self,
        kind: ExceptionType,
        message: &str,
        gc: NoGcScope<'a, '_>,
    ) -> Object<'a> {
        let prototype = self.intrinsic(kind.prototype());
        let error = self.create_object(Some(prototype), ObjectKind::Error, gc);
        let message = self.create_string(message, gc);
        let key = PropertyKey::from_static_str("message").expect("short key");
        error.add_named_data(self, key, message.into_value(), Attributes::BUILTIN);
        self.attach_stack(error, gc);
        error
    }

    /// A thrown error of type `kind`.
    pub fn throw_exception<'a>(
        &mut self,
        kind: ExceptionType,
        message: &str,
        gc: NoGcScope<'a, '_>,
    ) -> JsError {
        let error = self.create_error(kind, message, gc);
        self.throw_value(error.into())
    }

    /// Throws `value`: parks it in the agent and returns the marker.
    pub fn throw_value(&mut self, value: Value) -> JsError {
        self.pending_exception = Some(value.unbind());
        JsError::new_marker()
    }

    /// Takes the thrown value of the pending throw completion (undefined if
    /// there is none). Bind it to the current token.
    pub fn take_exception(&mut self) -> Value<'static> {
        self.pending_exception.take().unwrap_or_default()
    }

    /// A thrown TypeError.
    pub fn throw_type_error<'a>(&mut self, message: &str, gc: NoGcScope<'a, '_>) -> JsError {
        self.throw_exception(ExceptionType::TypeError, message, gc)
    }

    /// A thrown RangeError.
    pub fn throw_range_error<'a>(&mut self, message: &str, gc: NoGcScope<'a, '_>) -> JsError {
        self.throw_exception(ExceptionType::RangeError, message, gc)
    }

    /// A thrown ReferenceError.
    pub fn throw_reference_error<'a>(&mut self, message: &str, gc: NoGcScope<'a, '_>) -> JsError {
        self.throw_exception(ExceptionType::ReferenceError, message, gc)
    }

    /// A thrown SyntaxError.
    pub fn throw_syntax_error<'a>(&mut self, message: &str, gc: NoGcScope<'a, '_>) -> JsError {
        self.throw_exception(ExceptionType::SyntaxError, message, gc)
    }

    /// Records the stack trace of a new error object (one `    at name
    /// (file:line:col)` line per active frame) under the private
    /// [`ERROR_STACK`] name; `get Error.prototype.stack` returns it.
    pub(crate) fn attach_stack(&mut self, error: Object, gc: NoGcScope) {
        let trace = self.stack_trace_lines();
        let text = self.create_string_from_owned(trace, gc);
        let key = PropertyKey::Symbol(ERROR_STACK);
        if error.find_named(self, key).is_none() {
            error.add_named_data(self, key, text.into_value(), Attributes::FROZEN_HIDDEN);
        }
    }

    /// The active frames as `    at ...` lines, innermost first.
    pub fn stack_trace_lines(&self) -> String {
        let mut out = String::new();
        for (index, frame) in self.vm.frames.iter().enumerate().rev().take(64) {
            let code = self.heap.code.get(frame.code.index());
            let pc = self.vm.frame_pc(index).saturating_sub(1) as usize;
            let offset = code.positions.get(pc).copied().unwrap_or(code.span.0);
            let (line, column) = code.source.line_column(offset);
            let name = self.string_lossy(code.name);
            if !out.is_empty() {
                out.push('\n');
            }
            if name.is_empty() {
                out.push_str(&format!("    at {}:{line}:{column}", code.source.name));
            } else {
                out.push_str(&format!(
                    "    at {name} ({}:{line}:{column})",
                    code.source.name
                ));
            }
        }
        out
    }
}
