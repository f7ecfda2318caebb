//! Host-defined globals: `print`, `console`, and test262's `$262`.

use super::function_objects::{Behaviour, RegularFn};
use super::{ArgumentsList, BuiltinName};
use crate::ecmascript::abstract_operations::to_string;
use crate::ecmascript::execution::{Agent, ExceptionType, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value};
use crate::engine::interpreter::run_script;
use crate::engine::{Bindable, GcScope, NoGcScope};

/// `print(...values)`: the values as strings, space-separated, to the host.
fn print<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let values: Vec<Value<'static>> = args.as_slice().iter().map(|v| v.unbind()).collect();
    let start = agent.scoped_roots.len();
    agent.scoped_roots.extend(
        values
            .iter()
            .map(|v| crate::ecmascript::execution::HeapRoot::Value(*v)),
    );
    let mut line = String::new();
    for i in 0..values.len() {
        let crate::ecmascript::execution::HeapRoot::Value(v) = agent.scoped_roots[start + i] else {
            unreachable!("value root")
        };
        let s = to_string(agent, v, gc.reborrow())?.unbind();
        if i > 0 {
            line.push(' ');
        }
        line.push_str(&agent.string_lossy(s));
    }
    agent.scoped_roots.truncate(start);
    agent.host().print(&line);
    Ok(Value::Undefined)
}

/// Installs `print` and a `console` with `log`, `info`, `warn`, `error` and `debug`.
pub(crate) fn install_console(agent: &mut Agent, gc: NoGcScope) {
    let global = agent.current_realm().global_object;
    agent.define_builtin_method(global, BuiltinName::Str("print"), 0, print, gc);
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let console = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    for name in ["log", "info", "warn", "error", "debug"] {
        agent.define_builtin_method(console, BuiltinName::Str(name), 0, print, gc);
    }
    agent.define_builtin_property(
        global,
        BuiltinName::Str("console"),
        console.into(),
        Attributes::BUILTIN,
        gc,
    );
}

/// Installs `$262` (and `print`) in the current realm and returns `$262`.
pub(crate) fn install_test262<'a>(agent: &mut Agent, gc: NoGcScope<'a, '_>) -> Object<'a> {
    let global = agent.current_realm().global_object;
    if global.find_named(agent, super::key("print")).is_none() {
        agent.define_builtin_method(global, BuiltinName::Str("print"), 0, print, gc);
    }
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let host = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    agent.define_builtin_method(host, BuiltinName::Str("createRealm"), 0, create_realm, gc);
    agent.define_builtin_method(host, BuiltinName::Str("evalScript"), 1, eval_script, gc);
    agent.define_builtin_method(host, BuiltinName::Str("gc"), 0, collect, gc);
    agent.define_builtin_method(
        host,
        BuiltinName::Str("detachArrayBuffer"),
        1,
        detach_array_buffer,
        gc,
    );
    let html_dda = agent.create_html_dda_object(html_dda_call, gc);
    agent.define_builtin_property(
        host,
        BuiltinName::Str("IsHTMLDDA"),
        html_dda.into(),
        Attributes::BUILTIN,
        gc,
    );
    agent.define_builtin_property(
        host,
        BuiltinName::Str("global"),
        global.into(),
        Attributes::BUILTIN,
        gc,
    );
    super::test262_agent::install(agent, host, gc);
    agent.define_builtin_property(
        global,
        BuiltinName::Str("$262"),
        host.into(),
        Attributes::BUILTIN,
        gc,
    );
    host
}

impl Agent {
    /// **Host hook.** Creates a function object with an `[[IsHTMLDDA]]`
    /// internal slot ([B.3.6](https://tc39.es/ecma262/#sec-IsHTMLDDA-internal-slot)),
    /// the web's `document.all`: `typeof` gives `"undefined"`, ToBoolean gives
    /// false and `==` treats it as equal to undefined and null. Calling it
    /// runs `call`. The specification allows only hosts to create such
    /// objects; no ECMAScript code can make one.
    pub fn create_html_dda_object<'a>(
        &mut self,
        call: RegularFn,
        gc: NoGcScope<'a, '_>,
    ) -> Object<'a> {
        let object =
            self.create_builtin_function(Behaviour::Regular(call), 0, "", None, None, None, gc);
        let ObjectKind::BuiltinFunction(f) = object.kind(self) else {
            unreachable!("create_builtin_function makes a built-in function object")
        };
        self.heap.builtin_functions.get_mut(f.index()).is_html_dda = true;
        self.heap.has_html_dda_objects = true;
        object
    }
}

/// Defines the global `name` as an `[[IsHTMLDDA]]` object that returns null
/// when called.
pub(crate) fn define_html_dda_global(agent: &mut Agent, name: &'static str, gc: NoGcScope) {
    let global = agent.current_realm().global_object;
    let html_dda = agent.create_html_dda_object(html_dda_call, gc);
    agent.define_builtin_property(
        global,
        BuiltinName::Str(name),
        html_dda.into(),
        Attributes::BUILTIN,
        gc,
    );
}

/// `$262.IsHTMLDDA(...)`: null, as test262 asks for a call with no
/// arguments or with `""` as the first argument.
fn html_dda_call<'gc>(
    _agent: &mut Agent,
    _this: Value,
    _args: ArgumentsList,
    _gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    Ok(Value::Null)
}

/// `$262.createRealm()`: a new realm with its own `$262`.
fn create_realm<'gc>(
    agent: &mut Agent,
    _this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    let realm = agent.create_realm(gc);
    let previous = agent.current_realm;
    agent.current_realm = realm;
    install_console(agent, gc);
    let host = install_test262(agent, gc);
    agent.current_realm = previous;
    Ok(host.into())
}

/// `$262.evalScript(source)`: runs a script in this `$262`'s realm.
fn eval_script<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let source = to_string(agent, args.get(0), gc.reborrow())?.unbind();
    let text = agent.string_lossy(source).into_owned();
    match run_script(agent, &text, "evalScript", gc.reborrow()) {
        Err(message) => {
            let message = message.trim_start_matches("SyntaxError: ").to_owned();
            Err(agent.throw_exception(ExceptionType::SyntaxError, &message, gc.into_nogc()))
        }
        Ok(result) => {
            let result = result.unbind();
            Ok(result?.bind(gc.into_nogc()))
        }
    }
}

/// `$262.gc()`: a full collection.
fn collect<'gc>(
    agent: &mut Agent,
    _this: Value,
    _args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    agent.collect_garbage(gc.reborrow());
    Ok(Value::Undefined)
}

/// `$262.detachArrayBuffer(buffer)`: [25.1.3.4 DetachArrayBuffer](https://tc39.es/ecma262/#sec-detacharraybuffer)
/// of an ArrayBuffer (a TypeError for anything else).
fn detach_array_buffer<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    let buffer = match args.get(0) {
        Value::Object(o) if matches!(o.kind(agent), ObjectKind::ArrayBuffer(_)) => o,
        _ => return Err(agent.throw_type_error("detachArrayBuffer: not an ArrayBuffer", gc)),
    };
    super::typed_arrays::array_buffer::detach_array_buffer(agent, buffer, args.get(1), gc)?;
    Ok(Value::Undefined)
}
