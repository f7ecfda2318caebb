//! The interpreter's side of modules: running module code in its module
//! environment, reading indirect import bindings, `import.meta` and `import()`.

use super::run::run;
use super::script::push_code_frame;
use crate::ecmascript::execution::{Agent, Environment, EnvironmentKind, JsResult};
use crate::ecmascript::modules::dynamic_import::{evaluate_import_call, import_meta};
use crate::ecmascript::modules::namespace::resolved_binding_value;
use crate::ecmascript::modules::{ImportTarget, Module};
use crate::ecmascript::types::{Object, Value};
use crate::engine::bytecode::Code;
use crate::engine::{GcScope, NoGcScope};

/// Runs module code (the instantiation code or the body) in the module
/// environment `env`: `this` is undefined. With `is_async` the body runs like
/// an async function body and the result is its promise.
pub(crate) fn run_module_code<'gc>(
    agent: &mut Agent,
    code: Code,
    env: Environment,
    is_async: bool,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    push_code_frame(
        agent,
        code,
        Some(env),
        Value::Undefined,
        Value::Undefined,
        Value::Undefined,
        gc.nogc(),
    )?;
    if is_async {
        super::async_functions::async_function_start(agent, gc.nogc());
    }
    let result = run(agent, gc);
    agent.vm.native_depth -= 1;
    result
}

/// The module whose environment is `hops` up from the running frame's.
fn module_at(agent: &Agent, hops: u16) -> Module<'static> {
    let env = super::environments::environment_at(agent, hops);
    match agent.heap.environments.get(env.index()).kind {
        EnvironmentKind::Module(module) => module,
        _ => unreachable!("the compiler counted the hops to the module environment"),
    }
}

/// `LoadImport`: GetBindingValue of an indirect import binding
/// ([9.1.1.5.1 GetBindingValue](https://tc39.es/ecma262/#sec-module-environment-records-getbindingvalue-n-s)
/// steps 2-3: the target module's binding, a ReferenceError while it is uninitialized).
pub(super) fn load_import<'a>(
    agent: &mut Agent,
    hops: u16,
    index: u32,
    gc: NoGcScope<'a, '_>,
) -> JsResult<'a, Value<'a>> {
    let module = module_at(agent, hops);
    let binding = agent.heap.modules.get(module.index()).import_bindings[index as usize]
        .expect("import bindings are created when the module is linked");
    resolved_binding_value(
        agent,
        binding,
        |agent| {
            agent
                .heap
                .modules
                .get(module.index())
                .imports
                .iter()
                .find(|i| i.target == ImportTarget::Binding(index))
                .and_then(|i| i.import_name.clone())
                .unwrap_or_default()
        },
        gc,
    )
}

/// `import.meta` of the module whose environment is `hops` up.
pub(super) fn load_import_meta<'a>(
    agent: &mut Agent,
    hops: u16,
    gc: NoGcScope<'a, '_>,
) -> Object<'a> {
    let module = module_at(agent, hops);
    import_meta(agent, module, gc)
}

/// `import(specifier, options)` and `import.source(specifier)`.
pub(super) fn import_call<'gc>(
    agent: &mut Agent,
    specifier: Value,
    options: Value,
    source_phase: bool,
    gc: GcScope<'gc, '_>,
) -> Value<'gc> {
    evaluate_import_call(agent, specifier, options, source_phase, gc)
}
