//! The running frame's lexical environments: reaching the environment a
//! binding lives in, and the environment pushes and pops of the dispatch
//! loop (block scopes, per-iteration copies, `with`), as in
//! [9.1 Environment Records](https://tc39.es/ecma262/#sec-environment-records).

use crate::ecmascript::execution::{
    Agent, EnvSlots, Environment, EnvironmentKind, EnvironmentRecord,
};
use crate::ecmascript::types::Object;
use crate::engine::Bindable;

/// The environment `hops` levels up from the current one.
#[inline]
pub(super) fn environment_at(agent: &Agent, hops: u16) -> Environment<'static> {
    let env = agent
        .vm
        .frames
        .last()
        .expect("frame")
        .env
        .expect("environment");
    outer_environment(agent, env, hops)
}

/// The environment `hops` levels out from `env`.
#[inline]
pub(super) fn outer_environment(
    agent: &Agent,
    mut env: Environment<'static>,
    hops: u16,
) -> Environment<'static> {
    for _ in 0..hops {
        env = agent
            .heap
            .environments
            .get(env.index())
            .outer
            .expect("outer environment");
    }
    env
}

pub(super) fn push_declarative_env(agent: &mut Agent, scope: u32) {
    let frame = agent.vm.frames.last().expect("frame");
    let code = frame.code;
    let outer = frame.env;
    let slots = agent.heap.code.get(code.index()).scopes[scope as usize].initial_slots();
    let env = agent.alloc_environment(EnvironmentRecord {
        outer,
        kind: EnvironmentKind::Declarative,
        slots,
        scope: Some((code, scope)),
        eval_bindings: None,
    });
    let frame = agent.vm.frames.last_mut().expect("frame");
    frame.env = Some(env);
    frame.env_depth += 1;
}

/// Leaves the running frame's innermost environment (the end of a block).
pub(super) fn pop_env(agent: &mut Agent) {
    let frame = agent.vm.frames.last_mut().expect("frame");
    let env = frame.env.expect("environment to pop");
    frame.env = agent.heap.environments.get(env.index()).outer;
    frame.env_depth -= 1;
}

/// Replaces the running frame's innermost environment with a copy of it:
/// [CreatePerIterationEnvironment](https://tc39.es/ecma262/#sec-createperiterationenvironment)
/// for a `for (let ...)` loop.
pub(super) fn copy_env(agent: &mut Agent) {
    let frame = agent.vm.frames.last().expect("frame");
    let env = frame.env.expect("environment to copy");
    let record = agent.heap.environments.get(env.index());
    let copy = EnvironmentRecord {
        outer: record.outer,
        kind: record.kind,
        slots: record.slots.clone(),
        scope: record.scope,
        eval_bindings: record.eval_bindings,
    };
    let new = agent.alloc_environment(copy);
    agent.vm.frames.last_mut().expect("frame").env = Some(new);
}

/// Enters the object environment of a `with` statement on `binding_object`
/// ([14.11.2](https://tc39.es/ecma262/#sec-with-statement-runtime-semantics-evaluation) step 4).
pub(super) fn push_with_env(agent: &mut Agent, binding_object: Object) {
    let outer = agent.vm.frames.last().expect("frame").env;
    let env = agent.alloc_environment(EnvironmentRecord {
        outer,
        kind: EnvironmentKind::Object {
            binding_object: binding_object.unbind(),
            is_with_environment: true,
        },
        slots: EnvSlots::EMPTY,
        scope: None,
        eval_bindings: None,
    });
    let frame = agent.vm.frames.last_mut().expect("frame");
    frame.env = Some(env);
    frame.env_depth += 1;
}

/// The name of an environment slot (for error messages).
pub(super) fn env_slot_name(agent: &Agent, env: Environment, slot: u32) -> String {
    let record = agent.heap.environments.get(env.index());
    match record.scope {
        Some((code, scope)) => {
            let key = agent.heap.code.get(code.index()).scopes[scope as usize].names[slot as usize];
            agent.key_display(key)
        }
        None => String::new(),
    }
}
