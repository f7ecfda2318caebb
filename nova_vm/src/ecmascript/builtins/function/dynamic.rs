//! ### [20.2.1.1.1 CreateDynamicFunction ( constructor, newTarget, kind, parameterArgs, bodyArg )](https://tc39.es/ecma262/#sec-createdynamicfunction)

use crate::ecmascript::abstract_operations::{get_prototype_from_constructor, to_string};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, ExceptionType, HeapRoot, Intrinsic, JsResult};
use crate::ecmascript::types::{Object, Value};
use crate::engine::compiler::compile_dynamic_function;
use crate::engine::interpreter::evaluate_script;
use crate::engine::{Bindable, GcScope, Rootable};

/// The `kind` argument of CreateDynamicFunction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DynamicFunctionKind {
    /// ~normal~ (`Function`)
    Normal,
    /// ~generator~ (`GeneratorFunction`)
    Generator,
    /// ~async~ (`AsyncFunction`)
    Async,
    /// ~async-generator~ (`AsyncGeneratorFunction`)
    AsyncGenerator,
}

/// ### [20.2.1.1.1 CreateDynamicFunction ( constructor, newTarget, kind, parameterArgs, bodyArg )](https://tc39.es/ecma262/#sec-createdynamicfunction)
///
/// `args` are the arguments the constructor received: every one but the last
/// is a parameter, the last is the body.
pub(crate) fn create_dynamic_function<'gc>(
    agent: &mut Agent,
    constructor: Object,
    new_target: Option<Object>,
    kind: DynamicFunctionKind,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let args = args.bind(gc.nogc());
    // 1. If newTarget is undefined, set newTarget to constructor.
    let new_target = new_target
        .unwrap_or(constructor)
        .bind(gc.nogc())
        .scope(agent, gc.nogc());
    // 2-5. The source text prefix and the fallback prototype for kind.
    let (prefix, fallback_proto) = match kind {
        DynamicFunctionKind::Normal => ("function", Intrinsic::FunctionPrototype),
        DynamicFunctionKind::Generator => ("function*", Intrinsic::GeneratorFunctionPrototype),
        DynamicFunctionKind::Async => ("async function", Intrinsic::AsyncFunctionPrototype),
        DynamicFunctionKind::AsyncGenerator => (
            "async function*",
            Intrinsic::AsyncGeneratorFunctionPrototype,
        ),
    };
    // (The constructor's arguments: parameterArgs, then bodyArg if present.)
    let (parameter_args, body_arg) = match args.len() {
        0 => (ArgumentsList::EMPTY, Value::Undefined),
        n => (ArgumentsList(&args.as_slice()[..n - 1]), args.get(n - 1)),
    };
    let parameter_args: Vec<_> = parameter_args
        .as_slice()
        .iter()
        .map(|v| v.scope(agent, gc.nogc()))
        .collect();
    let body_arg = body_arg.scope(agent, gc.nogc());
    let has_body = !args.is_empty();
    // 6. Let argCount be the number of elements in parameterArgs.
    // 7. Let parameterStrings be a new empty List.
    let mut parameter_strings = Vec::with_capacity(parameter_args.len());
    // 8. For each element arg of parameterArgs, do
    for arg in parameter_args {
        // a. Append ? ToString(arg) to parameterStrings.
        let s = to_string(agent, arg.get(agent), gc.reborrow())?.unbind();
        parameter_strings.push(agent.string_lossy(s).into_owned());
    }
    // 9. Let bodyString be ? ToString(bodyArg).
    // (Constructors pass the empty String when bodyArg is not present.)
    let body_string = if has_body {
        let s = to_string(agent, body_arg.get(agent), gc.reborrow())?.unbind();
        agent.string_lossy(s).into_owned()
    } else {
        String::new()
    };
    // 10. Let currentRealm be the current Realm Record.
    // 11. Perform ? HostEnsureCanCompileStrings(currentRealm, parameterStrings, bodyString, false).
    //     (This host allows every compilation.)
    // 12-13. Let P be the parameter strings joined with ",".
    let p = parameter_strings.join(",");
    // 14-25. Build sourceString, parse the parameters and the body separately, then the whole
    //        expression, throwing a SyntaxError if any of them fails.
    let compiled = match compile_dynamic_function(agent, prefix, &p, &body_string, gc.nogc()) {
        Ok(compiled) => compiled,
        Err(error) => {
            return Err(agent.throw_exception(
                ExceptionType::SyntaxError,
                error.message.trim_start_matches("SyntaxError: "),
                gc.into_nogc(),
            ));
        }
    };
    let code_root = agent.scoped_roots.len();
    agent.scoped_roots.push(HeapRoot::Code(compiled.code));
    // 26. Let proto be ? GetPrototypeFromConstructor(newTarget, fallbackProto).
    let proto = get_prototype_from_constructor(
        agent,
        new_target.get(agent),
        fallback_proto,
        gc.reborrow(),
    )?
    .unbind()
    .scope(agent, gc.nogc());
    // 27. Let env be currentRealm.[[GlobalEnv]].
    // 28. Let privateEnv be null.
    // 29. Let F be OrdinaryFunctionCreate(proto, sourceText, parameters, body,
    //     non-lexical-this, env, privateEnv).
    // 30. Perform SetFunctionName(F, "anonymous").
    // 31-34. Add the "prototype" property the kind needs (MakeConstructor for normal).
    // (The compiled source text is the function expression; evaluating it creates F in the
    // global environment with its name and "prototype" property.)
    let HeapRoot::Code(code) = agent.scoped_roots[code_root] else {
        unreachable!("code root")
    };
    let f = evaluate_script(agent, code, gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    let Value::Object(f) = f.bind(gc) else {
        unreachable!("a function expression evaluates to a function")
    };
    f.set_stored_prototype(agent, Some(proto.get(agent)));
    // 35. Return F.
    Ok(f.into())
}
