//! Evaluation: [16.2.1.5.3 Evaluate](https://tc39.es/ecma262/#sec-moduleevaluation)
//! with InnerModuleEvaluation, and the asynchronous module evaluation
//! algorithm for top-level await: [16.2.1.5.3.2 ExecuteAsyncModule](https://tc39.es/ecma262/#sec-execute-async-module),
//! [16.2.1.5.3.3 GatherAvailableAncestors](https://tc39.es/ecma262/#sec-gather-available-ancestors),
//! [16.2.1.5.3.4 AsyncModuleExecutionFulfilled](https://tc39.es/ecma262/#sec-async-module-execution-fulfilled) and
//! [16.2.1.5.3.5 AsyncModuleExecutionRejected](https://tc39.es/ecma262/#sec-async-module-execution-rejected).

use super::linking::get_imported_module;
use super::{Module, ModuleStatus};
use crate::ecmascript::builtins::control_abstraction::ReactionHandler;
use crate::ecmascript::builtins::control_abstraction::promise::{
    create_promise, fulfill_promise, perform_promise_then, reject_promise,
};
use crate::ecmascript::execution::{Agent, Intrinsic, JsError, JsResult};
use crate::ecmascript::types::{Object, Value};
use crate::engine::interpreter::run_module_code;
use crate::engine::{Bindable, GcScope, NoGcScope};

/// ### [16.2.1.5.3 Evaluate ( )](https://tc39.es/ecma262/#sec-moduleevaluation)
///
/// Returns the module's top-level promise.
pub(crate) fn evaluate<'gc>(
    agent: &mut Agent,
    module: Module<'static>,
    mut gc: GcScope<'gc, '_>,
) -> Object<'gc> {
    let mut module = module;
    // 2. If module.[[Status]] is either EVALUATING-ASYNC or EVALUATED, then
    //    a. Set module to module.[[CycleRoot]].
    let record = agent.heap.modules.get(module.index());
    if matches!(
        record.status,
        ModuleStatus::EvaluatingAsync | ModuleStatus::Evaluated
    ) && let Some(root) = record.cycle_root
    {
        module = root;
    }
    // 3. If module.[[TopLevelCapability]] is not EMPTY, then
    //    a. Return module.[[TopLevelCapability]].[[Promise]].
    if let Some(promise) = agent.heap.modules.get(module.index()).top_level_capability {
        return promise.bind(gc.into_nogc());
    }
    // 4. Let stack be a new empty List.
    let mut stack = Vec::new();
    // 5. Let capability be ! NewPromiseCapability(%Promise%).
    let prototype = agent.intrinsic(Intrinsic::PromisePrototype);
    let promise = create_promise(agent, prototype, gc.nogc());
    // 6. Set module.[[TopLevelCapability]] to capability.
    agent
        .heap
        .modules
        .get_mut(module.index())
        .top_level_capability = Some(promise.unbind());
    // 7. Let result be Completion(InnerModuleEvaluation(module, stack, 0)).
    let result = inner_module_evaluation(agent, module, &mut stack, 0, gc.reborrow()).map(|_| ());
    let gc = gc.into_nogc();
    let promise = agent
        .heap
        .modules
        .get(module.index())
        .top_level_capability
        .expect("the top-level capability")
        .bind(gc);
    match result {
        // 8. If result is an abrupt completion, then
        Err(_) => {
            let error = agent.take_exception();
            // a. For each Cyclic Module Record m of stack, do
            for m in stack {
                // ii. Set m.[[Status]] to EVALUATED.
                // iii. Set m.[[EvaluationError]] to result.
                let record = agent.heap.modules.get_mut(m.index());
                record.status = ModuleStatus::Evaluated;
                record.evaluation_error = Some(error);
            }
            // d. Perform ! Call(capability.[[Reject]], undefined, « result.[[Value]] »).
            reject_promise(agent, promise, error, gc);
        }
        // 9. Else,
        Ok(()) => {
            // b. If module.[[AsyncEvaluation]] is false, then
            if agent
                .heap
                .modules
                .get(module.index())
                .async_evaluation
                .is_none()
            {
                // ii. Perform ! Call(capability.[[Resolve]], undefined, « undefined »).
                fulfill(agent, promise, gc);
            }
        }
    }
    // 10. Return capability.[[Promise]].
    promise
}

/// Fulfills a promise the engine made with undefined (no thenable can be involved).
fn fulfill(agent: &mut Agent, promise: Object, gc: NoGcScope) {
    let handle = agent.promise_of(promise).expect("a promise");
    let record = agent.heap.promises.get_mut(handle.index());
    if record.state != crate::ecmascript::builtins::control_abstraction::PromiseState::Pending {
        return;
    }
    fulfill_promise(agent, promise, Value::Undefined, gc);
}

/// The stored evaluation error of a module, thrown again.
fn throw_evaluation_error(agent: &mut Agent, module: Module) -> Option<JsError> {
    let error = agent.heap.modules.get(module.index()).evaluation_error?;
    Some(agent.throw_value(error))
}

/// ### [16.2.1.5.3.1 InnerModuleEvaluation ( module, stack, index )](https://tc39.es/ecma262/#sec-innermoduleevaluation)
fn inner_module_evaluation<'gc>(
    agent: &mut Agent,
    module: Module<'static>,
    stack: &mut Vec<Module<'static>>,
    mut index: u32,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, u32> {
    let status = agent.heap.modules.get(module.index()).status;
    // 2. If module.[[Status]] is either EVALUATING-ASYNC or EVALUATED, then
    if matches!(
        status,
        ModuleStatus::EvaluatingAsync | ModuleStatus::Evaluated
    ) {
        // a. If module.[[EvaluationError]] is EMPTY, return index.
        // b. Otherwise, return ? module.[[EvaluationError]].
        return match throw_evaluation_error(agent, module) {
            Some(error) => Err(error),
            None => Ok(index),
        };
    }
    // 3. If module.[[Status]] is EVALUATING, return index.
    if status == ModuleStatus::Evaluating {
        return Ok(index);
    }
    // 4. Assert: module.[[Status]] is LINKED.
    // 5-10. Set [[Status]] to EVALUATING, the DFS indices to index,
    //       [[PendingAsyncDependencies]] to 0, increment index, push module.
    {
        let record = agent.heap.modules.get_mut(module.index());
        record.status = ModuleStatus::Evaluating;
        record.dfs_index = index;
        record.dfs_ancestor_index = index;
        record.pending_async_dependencies = 0;
    }
    index += 1;
    stack.push(module);
    // 11. For each ModuleRequest Record request of module.[[RequestedModules]], do
    let request_count = agent.heap.modules.get(module.index()).requests.len() as u32;
    for request in 0..request_count {
        // a. Let requiredModule be GetImportedModule(module, request).
        let mut required = get_imported_module(agent, module, request);
        // b. Set index to ? InnerModuleEvaluation(requiredModule, stack, index).
        index = inner_module_evaluation(agent, required, stack, index, gc.reborrow())?;
        // c. If requiredModule is a Cyclic Module Record, then
        let required_record = agent.heap.modules.get(required.index());
        // ii. If requiredModule.[[Status]] is EVALUATING, then set
        //     module.[[DFSAncestorIndex]] to the smaller of the two.
        if required_record.status == ModuleStatus::Evaluating {
            let ancestor = required_record.dfs_ancestor_index;
            let record = agent.heap.modules.get_mut(module.index());
            record.dfs_ancestor_index = record.dfs_ancestor_index.min(ancestor);
        } else {
            // iii. Else,
            //      1. Set requiredModule to requiredModule.[[CycleRoot]].
            if let Some(root) = required_record.cycle_root {
                required = root;
            }
            //      3. If requiredModule.[[EvaluationError]] is not EMPTY, return
            //         ? requiredModule.[[EvaluationError]].
            if let Some(error) = throw_evaluation_error(agent, required) {
                return Err(error);
            }
        }
        // iv. If requiredModule.[[AsyncEvaluation]] is true, then
        if agent
            .heap
            .modules
            .get(required.index())
            .async_evaluation
            .is_some()
        {
            // 1. Set module.[[PendingAsyncDependencies]] to module.[[PendingAsyncDependencies]] + 1.
            agent
                .heap
                .modules
                .get_mut(module.index())
                .pending_async_dependencies += 1;
            // 2. Append module to requiredModule.[[AsyncParentModules]].
            agent
                .heap
                .modules
                .get_mut(required.index())
                .async_parent_modules
                .push(module);
        }
    }
    // 12. If module.[[PendingAsyncDependencies]] > 0 or module.[[HasTLA]] is true, then
    let record = agent.heap.modules.get(module.index());
    if record.pending_async_dependencies > 0 || record.has_tla {
        // b. Set module.[[AsyncEvaluation]] to true.
        // c. NOTE: The order in which module records have their [[AsyncEvaluation]]
        //    fields transition to true is significant.
        let pending = record.pending_async_dependencies;
        agent.async_evaluation_count += 1;
        let order = agent.async_evaluation_count;
        agent.heap.modules.get_mut(module.index()).async_evaluation = Some(order);
        // d. If module.[[PendingAsyncDependencies]] = 0, perform ExecuteAsyncModule(module).
        if pending == 0 {
            execute_async_module(agent, module, gc.reborrow());
        }
    } else {
        // 13. Else, perform ? module.ExecuteModule().
        execute_module(agent, module, gc.reborrow())?;
    }
    // 16. If module.[[DFSAncestorIndex]] = module.[[DFSIndex]], then
    let record = agent.heap.modules.get(module.index());
    if record.dfs_ancestor_index == record.dfs_index {
        // b. Repeat, while done is false,
        while let Some(required) = stack.pop() {
            let record = agent.heap.modules.get_mut(required.index());
            // iv. If requiredModule.[[AsyncEvaluation]] is false, set its [[Status]] to
            //     EVALUATED; otherwise to EVALUATING-ASYNC.
            record.status = if record.async_evaluation.is_none() {
                ModuleStatus::Evaluated
            } else {
                ModuleStatus::EvaluatingAsync
            };
            // vi. Set requiredModule.[[CycleRoot]] to module.
            record.cycle_root = Some(module);
            // v. If requiredModule and module are the same Module Record, set done to true.
            if required == module {
                break;
            }
        }
    }
    // 17. Return index.
    Ok(index)
}

/// ### [16.2.1.6.5 ExecuteModule ( [ capability ] )](https://tc39.es/ecma262/#sec-source-text-module-record-execute-module)
/// without a capability: runs a module body that has no top-level await.
fn execute_module<'gc>(
    agent: &mut Agent,
    module: Module<'static>,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    // 1-8. A new module context: Function null, Realm module.[[Realm]], ScriptOrModule
    //      module, both environments module.[[Environment]].
    let record = agent.heap.modules.get(module.index());
    let (code, env, realm) = (
        record.body_code,
        record.environment.expect("a linked module"),
        record.realm,
    );
    let previous_realm = agent.current_realm;
    agent.current_realm = realm;
    // 10. Else: Let result be Completion(Evaluation of module.[[ECMAScriptCode]]).
    let result = run_module_code(agent, code, env, false, gc).map(|_| ());
    agent.current_realm = previous_realm;
    result
}

/// ### [16.2.1.5.3.2 ExecuteAsyncModule ( module )](https://tc39.es/ecma262/#sec-execute-async-module)
fn execute_async_module(agent: &mut Agent, module: Module<'static>, mut gc: GcScope) {
    // 3. Let capability be ! NewPromiseCapability(%Promise%).
    // 9. Perform ! module.ExecuteModule(capability): ExecuteModule step 9 runs
    //    the body with AsyncBlockStart, whose promise is the capability's.
    let record = agent.heap.modules.get(module.index());
    let (code, env, realm) = (
        record.body_code,
        record.environment.expect("a linked module"),
        record.realm,
    );
    let previous_realm = agent.current_realm;
    agent.current_realm = realm;
    let result = run_module_code(agent, code, env, true, gc.reborrow()).unbind();
    agent.current_realm = previous_realm;
    let gc = gc.into_nogc();
    let promise = match result {
        Ok(Value::Object(promise)) => promise.bind(gc),
        // An async body settles its promise instead of throwing; only an
        // engine limit (stack depth) can get here.
        _ => {
            let error = agent.take_exception();
            async_module_execution_rejected(agent, module, error, gc);
            return;
        }
    };
    // 4-7. onFulfilled runs AsyncModuleExecutionFulfilled(module), onRejected runs
    //      AsyncModuleExecutionRejected(module, error).
    // 8. Perform PerformPromiseThen(capability.[[Promise]], onFulfilled, onRejected).
    let _ = perform_promise_then(
        agent,
        promise,
        ReactionHandler::AsyncModule(module),
        ReactionHandler::AsyncModule(module),
        None,
        gc,
    );
}

/// ### [16.2.1.5.3.3 GatherAvailableAncestors ( module, execList )](https://tc39.es/ecma262/#sec-gather-available-ancestors)
fn gather_available_ancestors(
    agent: &mut Agent,
    module: Module<'static>,
    exec_list: &mut Vec<Module<'static>>,
) {
    // 1. For each Cyclic Module Record m of module.[[AsyncParentModules]], do
    let parents = agent
        .heap
        .modules
        .get(module.index())
        .async_parent_modules
        .clone();
    for m in parents {
        // a. If execList does not contain m and m.[[CycleRoot]].[[EvaluationError]] is EMPTY, then
        let root = agent.heap.modules.get(m.index()).cycle_root.unwrap_or(m);
        if exec_list.contains(&m)
            || agent
                .heap
                .modules
                .get(root.index())
                .evaluation_error
                .is_some()
        {
            continue;
        }
        // v. Set m.[[PendingAsyncDependencies]] to m.[[PendingAsyncDependencies]] - 1.
        let record = agent.heap.modules.get_mut(m.index());
        record.pending_async_dependencies = record.pending_async_dependencies.saturating_sub(1);
        // vi. If m.[[PendingAsyncDependencies]] = 0, then
        if record.pending_async_dependencies == 0 {
            let has_tla = record.has_tla;
            // 1. Append m to execList.
            exec_list.push(m);
            // 2. If m.[[HasTLA]] is false, perform GatherAvailableAncestors(m, execList).
            if !has_tla {
                gather_available_ancestors(agent, m, exec_list);
            }
        }
    }
}

/// ### [16.2.1.5.3.4 AsyncModuleExecutionFulfilled ( module )](https://tc39.es/ecma262/#sec-async-module-execution-fulfilled)
pub(crate) fn async_module_execution_fulfilled(
    agent: &mut Agent,
    module: Module<'static>,
    mut gc: GcScope,
) {
    // 1. If module.[[Status]] is EVALUATED, then
    //    a. Assert: module.[[EvaluationError]] is not EMPTY.
    //    b. Return UNUSED.
    if agent.heap.modules.get(module.index()).status == ModuleStatus::Evaluated {
        return;
    }
    // 5. Set module.[[AsyncEvaluation]] to DONE.
    // 6. Set module.[[Status]] to EVALUATED.
    {
        let record = agent.heap.modules.get_mut(module.index());
        record.async_evaluation = None;
        record.status = ModuleStatus::Evaluated;
    }
    // 7. If module.[[TopLevelCapability]] is not EMPTY, then
    //    a. Perform ! Call(module.[[TopLevelCapability]].[[Resolve]], undefined, « undefined »).
    if let Some(promise) = agent.heap.modules.get(module.index()).top_level_capability {
        fulfill(agent, promise, gc.nogc());
    }
    // 8. Let execList be a new empty List.
    let mut exec_list = Vec::new();
    // 9. Perform GatherAvailableAncestors(module, execList).
    gather_available_ancestors(agent, module, &mut exec_list);
    // 10. Assert: All elements of execList have their [[AsyncEvaluation]] field set to
    //     true, [[PendingAsyncDependencies]] field set to 0, and [[EvaluationError]]
    //     field set to EMPTY.
    // 11. Let sortedExecList be a List whose elements are the elements of execList,
    //     sorted by the order in which they had their [[AsyncEvaluation]] fields set to true.
    exec_list.sort_by_key(|m| agent.heap.modules.get(m.index()).async_evaluation);
    // 12. For each Cyclic Module Record m of sortedExecList, do
    for m in exec_list {
        let record = agent.heap.modules.get(m.index());
        // a. If m.[[Status]] is EVALUATED, then
        //    i. Assert: m.[[EvaluationError]] is not EMPTY.
        if record.status == ModuleStatus::Evaluated {
            continue;
        }
        // b. Else if m.[[HasTLA]] is true, then
        //    i. Perform ExecuteAsyncModule(m).
        if record.has_tla {
            execute_async_module(agent, m, gc.reborrow());
            continue;
        }
        // c. Else,
        //    i. Let result be m.ExecuteModule().
        match execute_module(agent, m, gc.reborrow()) {
            // ii. If result is an abrupt completion, then
            //     1. Perform AsyncModuleExecutionRejected(m, result.[[Value]]).
            Err(_) => {
                let error = agent.take_exception();
                async_module_execution_rejected(agent, m, error, gc.nogc());
            }
            // iii. Else,
            Ok(()) => {
                // 1. Set m.[[AsyncEvaluation]] to DONE.
                // 2. Set m.[[Status]] to EVALUATED.
                let record = agent.heap.modules.get_mut(m.index());
                record.async_evaluation = None;
                record.status = ModuleStatus::Evaluated;
                // 3. If m.[[TopLevelCapability]] is not EMPTY, then
                //    a. Perform ! Call(m.[[TopLevelCapability]].[[Resolve]], undefined, « undefined »).
                if let Some(promise) = agent.heap.modules.get(m.index()).top_level_capability {
                    fulfill(agent, promise, gc.nogc());
                }
            }
        }
    }
}

/// ### [16.2.1.5.3.5 AsyncModuleExecutionRejected ( module, error )](https://tc39.es/ecma262/#sec-async-module-execution-rejected)
pub(crate) fn async_module_execution_rejected(
    agent: &mut Agent,
    module: Module<'static>,
    error: Value,
    gc: NoGcScope,
) {
    // 1. If module.[[Status]] is EVALUATED, then
    //    a. Assert: module.[[EvaluationError]] is not EMPTY.
    //    b. Return UNUSED.
    if agent.heap.modules.get(module.index()).status == ModuleStatus::Evaluated {
        return;
    }
    // 5. Set module.[[EvaluationError]] to ThrowCompletion(error).
    // 6. Set module.[[Status]] to EVALUATED.
    let record = agent.heap.modules.get_mut(module.index());
    record.evaluation_error = Some(error.unbind());
    record.status = ModuleStatus::Evaluated;
    let parents = record.async_parent_modules.clone();
    // 9. If module.[[TopLevelCapability]] is not EMPTY, then
    //    b. Perform ! Call(module.[[TopLevelCapability]].[[Reject]], undefined, « error »).
    if let Some(promise) = agent.heap.modules.get(module.index()).top_level_capability {
        let handle = agent.promise_of(promise).expect("a promise");
        if agent.heap.promises.get(handle.index()).state
            == crate::ecmascript::builtins::control_abstraction::PromiseState::Pending
        {
            reject_promise(agent, promise, error, gc);
        }
    }
    // 10. For each Cyclic Module Record m of module.[[AsyncParentModules]], do
    //     a. Perform AsyncModuleExecutionRejected(m, error).
    for m in parents {
        async_module_execution_rejected(agent, m, error, gc);
    }
}
