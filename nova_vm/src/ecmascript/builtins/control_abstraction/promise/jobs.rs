//! ### [27.2.2 Promise Jobs](https://tc39.es/ecma262/#sec-promise-jobs)

use super::operations::create_resolving_functions;
use super::{PromiseReaction, PromiseReactionType, ReactionHandler};
use crate::ecmascript::abstract_operations::call_function;
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{Object, Value};
use crate::engine::interpreter::{async_generator_await_return_settled, resume_async_function};
use crate::engine::{Bindable, GcScope, Rootable};

/// The Job Abstract Closure of [27.2.2.1 NewPromiseReactionJob ( reaction, argument )](https://tc39.es/ecma262/#sec-newpromisereactionjob).
pub(crate) fn run_promise_reaction_job<'gc>(
    agent: &mut Agent,
    reaction: PromiseReaction,
    argument: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let argument = argument.bind(gc.nogc());
    // a. Let promiseCapability be reaction.[[Capability]].
    let capability = reaction.capability;
    // b. Let type be reaction.[[Type]].
    let kind = reaction.kind;
    // c. Let handler be reaction.[[Handler]].
    let handler_result: Result<Value, ()> = match reaction.handler {
        // d. If handler is empty, then
        ReactionHandler::Empty => match kind {
            // i. If type is fulfill, let handlerResult be NormalCompletion(argument).
            PromiseReactionType::Fulfill => Ok(argument.unbind()),
            // ii. Else, let handlerResult be ThrowCompletion(argument).
            PromiseReactionType::Reject => Err(()),
        },
        // The Await closures resume the async function; they have no capability.
        ReactionHandler::Await(promise) => {
            return resume_async_function(
                agent,
                promise,
                argument.unbind(),
                kind == PromiseReactionType::Reject,
                gc,
            );
        }
        // The AsyncGeneratorAwaitReturn closures complete the generator's request.
        ReactionHandler::AsyncGeneratorAwaitReturn(generator) => {
            async_generator_await_return_settled(
                agent,
                generator,
                argument.unbind(),
                kind == PromiseReactionType::Reject,
                gc,
            );
            return Ok(());
        }
        // The ExecuteAsyncModule closures.
        ReactionHandler::AsyncModule(module) => {
            use crate::ecmascript::modules::evaluation::{
                async_module_execution_fulfilled, async_module_execution_rejected,
            };
            match kind {
                PromiseReactionType::Fulfill => async_module_execution_fulfilled(agent, module, gc),
                PromiseReactionType::Reject => {
                    async_module_execution_rejected(agent, module, argument, gc.nogc())
                }
            }
            return Ok(());
        }
        // The ContinueDynamicImport closures.
        ReactionHandler::DynamicImport(module, promise) => {
            crate::ecmascript::modules::dynamic_import::dynamic_import_settled(
                agent,
                module,
                promise,
                argument.unbind(),
                kind == PromiseReactionType::Reject,
                gc,
            );
            return Ok(());
        }
        // The host finished loading the module of an import().
        ReactionHandler::DynamicImportLoaded(module, promise) => {
            crate::ecmascript::modules::dynamic_import::continue_dynamic_import(
                agent, promise, module, gc,
            );
            return Ok(());
        }
        // e. Else, let handlerResult be Completion(HostCallJobCallback(handler, undefined, « argument »)).
        ReactionHandler::Callable(handler) => {
            let capability_roots = capability.map(|c| {
                (
                    c.resolve.scope(agent, gc.nogc()),
                    c.reject.scope(agent, gc.nogc()),
                )
            });
            let result = call_function(
                agent,
                handler,
                Value::Undefined,
                ArgumentsList(&[argument.unbind()]),
                gc.reborrow(),
            )
            .unbind();
            // f. If promiseCapability is undefined, then
            let Some((resolve, reject)) = capability_roots else {
                // i. Assert: handlerResult is not an abrupt completion.
                // ii. Return empty.
                if result.is_err() {
                    agent.take_exception();
                }
                return Ok(());
            };
            let (function, value) = match result {
                Ok(value) => (resolve.get(agent), value),
                Err(_) => (reject.get(agent), agent.take_exception()),
            };
            // h. If handlerResult is an abrupt completion, then
            //    i. Return ? Call(promiseCapability.[[Reject]], undefined, « handlerResult.[[Value]] »).
            // i. Else,
            //    i. Return ? Call(promiseCapability.[[Resolve]], undefined, « handlerResult.[[Value]] »).
            call_function(
                agent,
                function,
                Value::Undefined,
                ArgumentsList(&[value]),
                gc,
            )?;
            return Ok(());
        }
    };
    // f. If promiseCapability is undefined, return empty.
    let Some(capability) = capability else {
        return Ok(());
    };
    // g. Assert: promiseCapability is a PromiseCapability Record.
    let (function, value) = match handler_result {
        Ok(value) => (capability.resolve, value),
        Err(()) => (capability.reject, argument.unbind()),
    };
    // h-i. Call the capability's reject or resolve function with the value.
    call_function(
        agent,
        function,
        Value::Undefined,
        ArgumentsList(&[value]),
        gc,
    )?;
    Ok(())
}

/// The Job Abstract Closure of [27.2.2.2 NewPromiseResolveThenableJob ( promiseToResolve, thenable, then )](https://tc39.es/ecma262/#sec-newpromiseresolvethenablejob).
pub(crate) fn run_promise_resolve_thenable_job<'gc>(
    agent: &mut Agent,
    promise: Object,
    thenable: Value,
    then: Value,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    // a. Let resolvingFunctions be CreateResolvingFunctions(promiseToResolve).
    let (resolve, reject) = create_resolving_functions(agent, promise, gc.nogc());
    let reject_root = reject.scope(agent, gc.nogc());
    // b. Let thenCallResult be Completion(HostCallJobCallback(then, thenable,
    //    « resolvingFunctions.[[Resolve]], resolvingFunctions.[[Reject]] »)).
    let result = call_function(
        agent,
        then,
        thenable,
        ArgumentsList(&[resolve.unbind().into(), reject.unbind().into()]),
        gc.reborrow(),
    )
    .unbind();
    // c. If thenCallResult is an abrupt completion, then
    if result.is_err() {
        // i. Return ? Call(resolvingFunctions.[[Reject]], undefined, « thenCallResult.[[Value]] »).
        let reason = agent.take_exception();
        call_function(
            agent,
            reject_root.get(agent).into(),
            Value::Undefined,
            ArgumentsList(&[reason]),
            gc,
        )?;
    }
    // d. Return ? thenCallResult.
    Ok(())
}
