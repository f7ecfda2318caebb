//! Running scripts and eval code: [16.1.6 ScriptEvaluation](https://tc39.es/ecma262/#sec-runtime-semantics-scriptevaluation),
//! [16.1.7 GlobalDeclarationInstantiation](https://tc39.es/ecma262/#sec-globaldeclarationinstantiation),
//! [19.2.1.1 PerformEval](https://tc39.es/ecma262/#sec-performeval) and
//! [19.2.1.3 EvalDeclarationInstantiation](https://tc39.es/ecma262/#sec-evaldeclarationinstantiation).

use super::frame::{Frame, ReturnTo};
use super::run::run;
use crate::ecmascript::abstract_operations::{define_property_or_throw, enter_native};
use crate::ecmascript::execution::{Agent, Environment, ExceptionType, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, PropertyDescriptor, PropertyKey, UNINITIALIZED, Value};
use crate::engine::bytecode::{Code, FunctionKind};
use crate::engine::compiler::{EvalContext, GlobalDeclaration, ScriptKind, compile_script};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable, Scoped};

/// Compiles and runs a classic script in the current realm.
pub(crate) fn run_script<'gc>(
    agent: &mut Agent,
    source: &str,
    name: &str,
    mut gc: GcScope<'gc, '_>,
) -> Result<JsResult<'gc, Value<'gc>>, String> {
    let compiled = compile_script(agent, source, name, ScriptKind::Script, gc.nogc())
        .map_err(|e| e.message)?;
    let result = evaluate_script(agent, compiled.code, gc.reborrow()).unbind();
    Ok(result.bind(gc.into_nogc()))
}

/// ScriptEvaluation of compiled script code.
pub(crate) fn evaluate_script<'gc>(
    agent: &mut Agent,
    code: Code,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // The declarations may run into a collection: root the code across them.
    let roots_mark = agent.scoped_roots.len();
    let scoped_code = code.scope(agent, gc.nogc());
    let declared = global_declaration_instantiation(agent, scoped_code, gc.reborrow());
    let code = scoped_code.get(agent);
    agent.scoped_roots.truncate(roots_mark);
    declared?;
    let global = agent.current_realm().global_object;
    push_code_frame(
        agent,
        code,
        None,
        global.into(),
        Value::Undefined,
        Value::Undefined,
        gc.nogc(),
    )?;
    let result = run(agent, gc);
    agent.vm.native_depth -= 1;
    result
}

pub(super) fn push_code_frame(
    agent: &mut Agent,
    code: Code,
    env: Option<Environment>,
    this: Value,
    new_target: Value,
    this_function: Value,
    gc: NoGcScope,
) -> JsResult<'static, ()> {
    enter_native(agent, gc)?;
    let record = agent.heap.code.get(code.index());
    let instructions = record.instructions.clone();
    let count = usize::from(record.register_count);
    let base = agent.vm.stack.len();
    agent.vm.stack.resize(base + count, Value::Undefined);
    let caller_realm = agent.current_realm;
    agent.vm.push_frame(Frame {
        code: code.unbind(),
        instructions: Some(instructions),
        pc: 0,
        base: base as u32,
        register_end: (base + count) as u32,
        returns_this: false,
        env: env.unbind(),
        env_depth: 0,
        callee: Value::Undefined,
        this: this.unbind(),
        new_target: new_target.unbind(),
        this_function: this_function.unbind(),
        arguments: None,
        return_to: ReturnTo::Native,
        generator: None,
        caller_realm,
    });
    Ok(())
}

fn redeclaration(
    agent: &mut Agent,
    key: PropertyKey,
    gc: NoGcScope,
) -> crate::ecmascript::execution::JsError {
    let message = format!(
        "Identifier '{}' has already been declared",
        agent.key_display(key)
    );
    agent.throw_syntax_error(&message, gc)
}

/// How many top-level names the code declares.
fn declaration_count(agent: &Agent, code: Scoped<'_, Code<'static>>) -> usize {
    let declarations = agent
        .heap
        .code
        .get(code.get(agent).index())
        .declarations
        .as_ref();
    declarations.map_or(0, |d| d.names.len())
}

/// The i-th top-level name the code declares, read afresh from the (rooted)
/// code record: the global object's methods take the GC token, and a
/// collection may move the name's string.
fn declaration_at(agent: &Agent, code: Scoped<'_, Code<'static>>, i: usize) -> GlobalDeclaration {
    let declarations = agent
        .heap
        .code
        .get(code.get(agent).index())
        .declarations
        .as_ref();
    declarations.expect("declarations").names[i]
}

/// ### [16.1.7 GlobalDeclarationInstantiation ( script, env )](https://tc39.es/ecma262/#sec-globaldeclarationinstantiation)
fn global_declaration_instantiation<'gc>(
    agent: &mut Agent,
    code: Scoped<'_, Code<'static>>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let count = declaration_count(agent, code);
    // The realm's global object and lexical record are read again after every
    // call that takes the GC token (the realm record is a root).
    let global_object = |agent: &Agent| agent.current_realm().global_object;
    let global_lexicals = |agent: &Agent| agent.current_realm().global_lexicals;
    // 3-4. For each lexically declared name: no existing var, lexical or restricted global.
    for i in 0..count {
        match declaration_at(agent, code, i) {
            GlobalDeclaration::Lexical(key, _) => {
                // a. If HasVarDeclaration(name) or HasLexicalDeclaration(name), throw a SyntaxError.
                if global_lexicals(agent).find_named(agent, key).is_some()
                    || global_var_names_contain(agent, key)
                {
                    return Err(redeclaration(agent, key, gc.into_nogc()));
                }
                // c. Let hasRestrictedGlobal be ? HasRestrictedGlobalProperty(name).
                let existing = global_object(agent)
                    .internal_get_own_property(agent, key, gc.reborrow())?
                    .unbind();
                if existing.is_some_and(|e| e.configurable == Some(false)) {
                    let GlobalDeclaration::Lexical(key, _) = declaration_at(agent, code, i) else {
                        unreachable!("declaration list is immutable")
                    };
                    return Err(redeclaration(agent, key, gc.into_nogc()));
                }
            }
            GlobalDeclaration::Var(key) | GlobalDeclaration::Function(key) => {
                // 5.a. If HasLexicalDeclaration(name) is true, throw a SyntaxError exception.
                if global_lexicals(agent).find_named(agent, key).is_some() {
                    return Err(redeclaration(agent, key, gc.into_nogc()));
                }
            }
        }
    }
    // 9-10. CanDeclareGlobalFunction / CanDeclareGlobalVar.
    let extensible = global_object(agent).stored_extensible(agent);
    for i in 0..count {
        match declaration_at(agent, code, i) {
            GlobalDeclaration::Function(key) => {
                let existing = global_object(agent)
                    .internal_get_own_property(agent, key, gc.reborrow())?
                    .unbind();
                let ok = match existing {
                    None => extensible,
                    Some(e) if e.configurable == Some(true) => true,
                    Some(e) => {
                        e.is_data_descriptor()
                            && e.writable == Some(true)
                            && e.enumerable == Some(true)
                    }
                };
                if !ok {
                    let GlobalDeclaration::Function(key) = declaration_at(agent, code, i) else {
                        unreachable!("declaration list is immutable")
                    };
                    let message = format!(
                        "Cannot declare global function '{}'",
                        agent.key_display(key)
                    );
                    return Err(agent.throw_type_error(&message, gc.into_nogc()));
                }
            }
            GlobalDeclaration::Var(key) => {
                let has_own = global_object(agent)
                    .internal_get_own_property(agent, key, gc.reborrow())?
                    .is_some();
                if !has_own && !extensible {
                    let GlobalDeclaration::Var(key) = declaration_at(agent, code, i) else {
                        unreachable!("declaration list is immutable")
                    };
                    let message = format!(
                        "Cannot declare global variable '{}'",
                        agent.key_display(key)
                    );
                    return Err(agent.throw_type_error(&message, gc.into_nogc()));
                }
            }
            GlobalDeclaration::Lexical(..) => {}
        }
    }
    // 15-16. Create the lexical bindings (uninitialized) and the var bindings.
    // New lexical bindings shadow global object properties: invalidate global caches.
    agent.bump_global_epoch();
    for i in 0..count {
        match declaration_at(agent, code, i) {
            GlobalDeclaration::Lexical(key, is_const) => {
                global_lexicals(agent).add_named_data(
                    agent,
                    key,
                    Value::Symbol(UNINITIALIZED),
                    Attributes::data(!is_const, false, false),
                );
            }
            GlobalDeclaration::Var(key) => {
                create_global_var_binding(agent, global_object(agent), key, false, gc.reborrow())?
            }
            GlobalDeclaration::Function(_) => {}
        }
    }
    Ok(())
}

/// Global var names are properties of the global object; a lexical
/// declaration conflicts with one only if the script declared it (tracked by
/// the realm's var-name list in the spec; here: a non-configurable property
/// counts as restricted, configurable ones do not conflict).
fn global_var_names_contain(_agent: &Agent, _key: PropertyKey) -> bool {
    false
}

/// ### [9.1.1.4.17 CreateGlobalVarBinding ( N, D )](https://tc39.es/ecma262/#sec-createglobalvarbinding)
fn create_global_var_binding<'gc>(
    agent: &mut Agent,
    global: Object,
    key: PropertyKey,
    deletable: bool,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    // 3. Let hasProperty be ? HasOwnProperty(globalObject, N).
    let has_property = global
        .internal_get_own_property(agent, key, gc.reborrow())?
        .is_some();
    // 4. Let extensible be ? IsExtensible(globalObject).
    // 5. If hasProperty is false and extensible is true, then
    if !has_property && global.stored_extensible(agent) {
        // a. Perform ? ObjRec.CreateMutableBinding(N, D). b. Perform ? ObjRec.InitializeBinding(N, undefined).
        let desc = PropertyDescriptor::data(Value::Undefined, true, true, deletable);
        define_property_or_throw(agent, global, key, desc, gc)?;
    }
    Ok(())
}

/// [19.2.1.1 PerformEval](https://tc39.es/ecma262/#sec-performeval) steps 6-10:
/// what direct eval code may contain, from the function whose this-environment
/// the caller uses (`this_function` of its frame; undefined at the top level).
fn eval_context(agent: &Agent, this_function: Value) -> EvalContext {
    // b. If thisEnvRec is a Function Environment Record, then
    let Value::Object(f) = this_function else {
        return EvalContext::default();
    };
    let ObjectKind::ECMAScriptFunction(handle) = f.kind(agent) else {
        return EvalContext::default();
    };
    let record = agent.heap.functions.get(handle.index());
    let kind = agent.heap.code.get(record.code.index()).kind;
    EvalContext {
        // ii. Set inFunction to true.
        in_function: true,
        // iii. Set inMethod to thisEnvRec.HasSuperBinding().
        in_method: record.home_object.is_some(),
        // iv. If F.[[ConstructorKind]] is derived, set inDerivedConstructor to true.
        in_derived_constructor: kind == FunctionKind::DerivedConstructor,
        // v-vi. If F.[[ClassFieldInitializerName]] is not empty, set inClassFieldInitializer to true.
        in_class_field_initializer: kind == FunctionKind::FieldInitializer,
    }
}

/// Direct eval from the running frame. `parameter_scope` names the bindings of
/// the parameter environment when the call is in a parameter list.
pub(crate) fn direct_eval<'gc>(
    agent: &mut Agent,
    source: Value,
    parameter_scope: Option<u32>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 2. If x is not a String, return x.
    let Some(text) = source.as_string() else {
        return Ok(source.bind(gc.into_nogc()));
    };
    let text = agent.string_lossy(text).into_owned();
    let frame = agent.vm.frames.last().expect("frame");
    let strict = agent.heap.code.get(frame.code.index()).flags.strict;
    let env = frame.env;
    let context = eval_context(agent, frame.this_function);
    let compiled = match compile_script(
        agent,
        &text,
        "eval",
        ScriptKind::Eval {
            strict,
            direct: true,
            context,
        },
        gc.nogc(),
    ) {
        Ok(c) => c,
        Err(e) => {
            return Err(agent.throw_exception(
                ExceptionType::SyntaxError,
                e.message.trim_start_matches("SyntaxError: "),
                gc.into_nogc(),
            ));
        }
    };
    // The declarations may run into a collection: root the new code, and
    // read the caller's handles again from its frame (a root) afterwards.
    let roots_mark = agent.scoped_roots.len();
    let code = compiled.code.scope(agent, gc.nogc());
    let eval_strict = agent.heap.code.get(code.get(agent).index()).flags.strict;
    if !eval_strict {
        let caller = agent.vm.frames.last().expect("frame").code;
        if let Err(e) =
            check_eval_var_conflicts(agent, code.get(agent), env, caller, parameter_scope)
        {
            agent.scoped_roots.truncate(roots_mark);
            return Err(agent.throw_exception(ExceptionType::SyntaxError, &e, gc.into_nogc()));
        }
    }
    let declared = eval_declaration_instantiation(agent, code, env, gc.reborrow());
    let code = code.get(agent);
    agent.scoped_roots.truncate(roots_mark);
    declared?;
    let frame = agent.vm.frames.last().expect("frame");
    let (env, this, new_target, this_function) =
        (frame.env, frame.this, frame.new_target, frame.this_function);
    push_code_frame(agent, code, env, this, new_target, this_function, gc.nogc())?;
    let result = run(agent, gc);
    agent.vm.native_depth -= 1;
    result
}

/// ### [19.2.1.1 PerformEval ( x, strictCaller, direct )](https://tc39.es/ecma262/#sec-performeval) for indirect eval.
pub(crate) fn perform_eval<'gc>(
    agent: &mut Agent,
    source: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let Some(text) = source.as_string() else {
        return Ok(source.bind(gc.into_nogc()));
    };
    let text = agent.string_lossy(text).into_owned();
    let compiled = match compile_script(
        agent,
        &text,
        "eval",
        ScriptKind::Eval {
            strict: false,
            direct: false,
            context: EvalContext::default(),
        },
        gc.nogc(),
    ) {
        Ok(c) => c,
        Err(e) => {
            return Err(agent.throw_exception(
                ExceptionType::SyntaxError,
                e.message.trim_start_matches("SyntaxError: "),
                gc.into_nogc(),
            ));
        }
    };
    let roots_mark = agent.scoped_roots.len();
    let code = compiled.code.scope(agent, gc.nogc());
    let declared = eval_declaration_instantiation(agent, code, None, gc.reborrow());
    let code = code.get(agent);
    agent.scoped_roots.truncate(roots_mark);
    declared?;
    let global = agent.current_realm().global_object;
    push_code_frame(
        agent,
        code,
        None,
        global.into(),
        Value::Undefined,
        Value::Undefined,
        gc.nogc(),
    )?;
    let result = run(agent, gc);
    agent.vm.native_depth -= 1;
    result
}

/// ### [19.2.1.3 EvalDeclarationInstantiation](https://tc39.es/ecma262/#sec-evaldeclarationinstantiation) step 3.d
///
/// A sloppy direct eval may not hoist a `var` (or function) name over a
/// like-named binding of an environment between its lexical environment and
/// its variable environment. Those are the block-like scopes of the caller
/// (catch parameters excepted, Annex B.3.4) and, for an eval in a parameter
/// list, the parameter environment (`parameter_scope` of the caller's code).
/// Returns the error message on a conflict.
fn check_eval_var_conflicts(
    agent: &Agent,
    eval_code: Code,
    env: Option<Environment>,
    caller: Code,
    parameter_scope: Option<u32>,
) -> Result<(), String> {
    let Some(declarations) = agent.heap.code.get(eval_code.index()).declarations.as_ref() else {
        return Ok(());
    };
    let var_names: Vec<PropertyKey<'static>> = declarations
        .names
        .iter()
        .filter_map(|d| match *d {
            GlobalDeclaration::Var(key) | GlobalDeclaration::Function(key) => Some(key),
            GlobalDeclaration::Lexical(..) => None,
        })
        .collect();
    if var_names.is_empty() {
        return Ok(());
    }
    let conflict = |agent: &Agent, code: Code, scope: u32| {
        let info = &agent.heap.code.get(code.index()).scopes[scope as usize];
        let declared_here = |name: &PropertyKey| {
            info.names.iter().enumerate().any(|(slot, n)| {
                n == name && !info.catch_parameter.get(slot).copied().unwrap_or(false)
            })
        };
        var_names
            .iter()
            .find(|name| declared_here(name))
            .map(|name| {
                format!(
                    "Identifier '{}' has already been declared",
                    agent.key_display(*name)
                )
            })
    };
    // 3.d. Repeat, while thisEnv and varEnv are not the same Environment Record.
    let mut e = env.map(|e| e.unbind());
    while let Some(current) = e {
        let record = agent.heap.environments.get(current.index());
        if let Some((code, scope)) = record.scope {
            let info = &agent.heap.code.get(code.index()).scopes[scope as usize];
            if info.is_var_scope {
                // The function body's top-level lexical declarations sit
                // between the eval and the variable environment too (once
                // the body runs: not for an eval in the parameter list).
                if parameter_scope.is_none()
                    && let Some(name) = var_names.iter().find(|name| {
                        info.names.iter().enumerate().any(|(slot, n)| {
                            n == *name && info.body_lexical.get(slot).copied().unwrap_or(false)
                        })
                    })
                {
                    return Err(format!(
                        "Identifier '{}' has already been declared",
                        agent.key_display(*name)
                    ));
                }
                break;
            }
            // i. If thisEnv is not an Object Environment Record, then
            //    1. For each name of varNames: if thisEnv.HasBinding(name), throw a SyntaxError.
            if info.blocks_eval_vars
                && let Some(message) = conflict(agent, code, scope)
            {
                return Err(message);
            }
        }
        e = record.outer;
    }
    // The parameter environment of a function whose parameter list is being evaluated.
    if let Some(scope) = parameter_scope
        && let Some(message) = conflict(agent, caller, scope)
    {
        return Err(message);
    }
    Ok(())
}

/// ### [19.2.1.3 EvalDeclarationInstantiation](https://tc39.es/ecma262/#sec-evaldeclarationinstantiation) (sloppy `var` and function names)
fn eval_declaration_instantiation<'gc>(
    agent: &mut Agent,
    code: Scoped<'_, Code<'static>>,
    env: Option<Environment>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let env = env.unbind();
    let declaration_count = declaration_count(agent, code);
    if declaration_count == 0 {
        return Ok(());
    }
    // The i-th var or function name (`None` for a lexical one).
    let var_name_at = |agent: &Agent, i: usize| match declaration_at(agent, code, i) {
        GlobalDeclaration::Var(key) => Some((key, false)),
        GlobalDeclaration::Function(key) => Some((key, true)),
        GlobalDeclaration::Lexical(..) => None,
    };
    // Find the variable environment: the nearest function variable scope, else the global one.
    let mut var_env = None;
    let mut e = env;
    while let Some(current) = e {
        let record = agent.heap.environments.get(current.index());
        if let Some((code, scope)) = record.scope
            && agent.heap.code.get(code.index()).scopes[scope as usize].is_var_scope
        {
            var_env = Some(current);
            break;
        }
        e = record.outer;
    }
    match var_env {
        None => {
            for i in 0..declaration_count {
                let Some((key, is_function)) = var_name_at(agent, i) else {
                    continue;
                };
                let realm = agent.current_realm();
                let (lexicals, global) = (realm.global_lexicals, realm.global_object);
                // 3.a. If varEnv is a Global Environment Record, then
                //      i. If varEnv.HasLexicalDeclaration(name) is true, throw a SyntaxError exception.
                if lexicals.find_named(agent, key).is_some() {
                    return Err(redeclaration(agent, key, gc.into_nogc()));
                }
                // 8-10. CanDeclareGlobalFunction / CanDeclareGlobalVar.
                let existing = global
                    .internal_get_own_property(agent, key, gc.reborrow())?
                    .unbind();
                // That call took the GC token: read the name and the global object again.
                let (key, _) = var_name_at(agent, i).expect("var name");
                let global = agent.current_realm().global_object;
                let extensible = global.stored_extensible(agent);
                let allowed = match existing {
                    None => extensible,
                    Some(e) if is_function => {
                        e.configurable == Some(true)
                            || (e.is_data_descriptor()
                                && e.writable == Some(true)
                                && e.enumerable == Some(true))
                    }
                    Some(_) => true,
                };
                if !allowed {
                    let message =
                        format!("Cannot declare global binding '{}'", agent.key_display(key));
                    return Err(agent.throw_type_error(&message, gc.into_nogc()));
                }
                create_global_var_binding(agent, global, key, true, gc.reborrow())?;
            }
        }
        Some(var_env) => {
            let record = agent.heap.environments.get(var_env.index());
            let (code, scope) = record.scope.expect("declarative var scope");
            let names = agent.heap.code.get(code.index()).scopes[scope as usize]
                .names
                .clone();
            let bindings = match record.eval_bindings {
                Some(b) => b,
                None => {
                    let b = agent
                        .create_object(None, ObjectKind::Ordinary, gc.nogc())
                        .unbind();
                    agent
                        .heap
                        .environments
                        .get_mut(var_env.index())
                        .eval_bindings = Some(b);
                    b
                }
            };
            for i in 0..declaration_count {
                let Some((key, _)) = var_name_at(agent, i) else {
                    continue;
                };
                if names.contains(&key) || bindings.find_named(agent, key).is_some() {
                    continue;
                }
                bindings.add_named_data(agent, key, Value::Undefined, Attributes::DEFAULT);
            }
        }
    }
    Ok(())
}

impl Agent {
    /// True if `f` is the %eval% intrinsic of the current realm.
    pub(crate) fn is_intrinsic_eval(&self, f: Value) -> bool {
        let eval =
            self.current_realm().intrinsics[crate::ecmascript::execution::Intrinsic::Eval as usize];
        matches!((f, eval), (Value::Object(a), Some(b)) if a == b)
    }
}
