//! ### [27.2 Promise Objects](https://tc39.es/ecma262/#sec-promise-objects)
//!
//! The records behind promises (`[[PromiseState]]`, `[[PromiseResult]]`, the
//! reaction lists) and behind the built-in closures the specification creates
//! (resolving functions, capability executors, combinator element functions,
//! `finally` callbacks). One file per part of the clause:
//! `operations.rs` (27.2.1 abstract operations), `jobs.rs` (27.2.2 jobs),
//! `constructor.rs` (27.2.3–27.2.4), `combinators.rs` (`all`, `allSettled`,
//! `any`, `race`) and `prototype.rs` (27.2.5).

mod combinators;
mod constructor;
mod jobs;
mod operations;
mod prototype;

pub(crate) use jobs::{run_promise_reaction_job, run_promise_resolve_thenable_job};
pub(crate) use operations::{
    create_promise, fulfill_promise, new_promise_capability, perform_promise_then, promise_resolve,
    reject_promise, resolve_promise,
};

use super::SuspendedFrame;
use crate::ecmascript::execution::heap_layout::arena_ids;
use crate::ecmascript::execution::{Agent, RealmId};
use crate::ecmascript::types::handle::define_handle;
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Object, Value};
use crate::engine::NoGcScope;
use crate::heap::{HandleVisitor, Trace};

define_handle!(
    /// Handle to a promise's internal slots.
    Promise,
    arena_ids::PROMISES
);

define_handle!(
    /// Handle to the captured state of a promise-related built-in closure.
    PromiseClosure,
    arena_ids::PROMISE_CLOSURES
);

/// `[[PromiseState]]`
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromiseState {
    /// ~pending~
    Pending,
    /// ~fulfilled~
    Fulfilled,
    /// ~rejected~
    Rejected,
}

/// ### [27.2.1.1 PromiseCapability Records](https://tc39.es/ecma262/#sec-promisecapability-records)
///
/// Plain handles: scope them (or store them in a record) before any call that
/// may collect.
#[derive(Clone, Copy, Debug)]
pub struct PromiseCapability {
    /// `[[Promise]]`
    pub promise: Value<'static>,
    /// `[[Resolve]]`
    pub resolve: Value<'static>,
    /// `[[Reject]]`
    pub reject: Value<'static>,
}

impl Trace for PromiseCapability {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.promise.trace(visitor);
        self.resolve.trace(visitor);
        self.reject.trace(visitor);
    }
}

/// `[[Type]]` of a PromiseReaction Record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromiseReactionType {
    /// ~fulfill~
    Fulfill,
    /// ~reject~
    Reject,
}

/// `[[Handler]]` of a PromiseReaction Record.
#[derive(Clone, Copy, Debug)]
pub enum ReactionHandler {
    /// ~empty~: the argument passes through.
    Empty,
    /// A JobCallback Record around a callable.
    Callable(Value<'static>),
    /// The closures of [27.7.5.3 Await](https://tc39.es/ecma262/#await): resume
    /// the async function whose promise this is. They are never visible to
    /// scripts, so no function objects are made for them.
    Await(Object<'static>),
    /// The closures of [27.6.3.9 AsyncGeneratorAwaitReturn](https://tc39.es/ecma262/#sec-asyncgeneratorawaitreturn)
    /// for this async generator (also invisible to scripts).
    AsyncGeneratorAwaitReturn(Object<'static>),
    /// The closures of [16.2.1.5.3.2 ExecuteAsyncModule](https://tc39.es/ecma262/#sec-execute-async-module):
    /// AsyncModuleExecutionFulfilled / AsyncModuleExecutionRejected of this module.
    AsyncModule(crate::ecmascript::modules::Module<'static>),
    /// The closures of [16.2.1.11 ContinueDynamicImport](https://tc39.es/ecma262/#sec-ContinueDynamicImport)
    /// steps 6.d-f: settle this `import()` promise with the module's namespace.
    DynamicImport(crate::ecmascript::modules::Module<'static>, Object<'static>),
    /// The host's FinishLoadingImportedModule for `import()`: link and
    /// evaluate this loaded module, then settle this promise.
    DynamicImportLoaded(crate::ecmascript::modules::Module<'static>, Object<'static>),
}

/// ### [27.2.1.2 PromiseReaction Records](https://tc39.es/ecma262/#sec-promisereaction-records)
#[derive(Clone, Copy, Debug)]
pub struct PromiseReaction {
    /// `[[Capability]]` (undefined for await reactions).
    pub capability: Option<PromiseCapability>,
    /// `[[Type]]`
    pub kind: PromiseReactionType,
    /// `[[Handler]]`
    pub handler: ReactionHandler,
}

impl Trace for PromiseReaction {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        if let Some(capability) = &mut self.capability {
            capability.trace(visitor);
        }
        match &mut self.handler {
            ReactionHandler::Empty => {}
            ReactionHandler::Callable(f) => f.trace(visitor),
            ReactionHandler::Await(o) | ReactionHandler::AsyncGeneratorAwaitReturn(o) => {
                o.visit(visitor)
            }
            ReactionHandler::AsyncModule(m) => m.visit(visitor),
            ReactionHandler::DynamicImport(m, o) | ReactionHandler::DynamicImportLoaded(m, o) => {
                m.visit(visitor);
                o.visit(visitor);
            }
        }
    }
}

/// ### [27.2.6 Properties of Promise Instances](https://tc39.es/ecma262/#sec-properties-of-promise-instances)
#[derive(Debug)]
pub struct PromiseRecord {
    /// `[[PromiseState]]`
    pub state: PromiseState,
    /// `[[PromiseResult]]`
    pub result: Value<'static>,
    /// `[[PromiseFulfillReactions]]`
    pub fulfill_reactions: Vec<PromiseReaction>,
    /// `[[PromiseRejectReactions]]`
    pub reject_reactions: Vec<PromiseReaction>,
    /// `[[PromiseIsHandled]]`
    pub is_handled: bool,
    /// For the promise of an async function call: the function's frame while
    /// it is suspended at an `await`.
    pub async_frame: Option<Box<SuspendedFrame>>,
}

impl PromiseRecord {
    /// A pending promise with no reactions.
    pub fn pending() -> PromiseRecord {
        PromiseRecord {
            state: PromiseState::Pending,
            result: Value::Undefined,
            fulfill_reactions: Vec::new(),
            reject_reactions: Vec::new(),
            is_handled: false,
            async_frame: None,
        }
    }
}

impl Trace for PromiseRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.result.trace(visitor);
        for reaction in &mut self.fulfill_reactions {
            reaction.trace(visitor);
        }
        for reaction in &mut self.reject_reactions {
            reaction.trace(visitor);
        }
        if let Some(frame) = &mut self.async_frame {
            frame.trace(visitor);
        }
    }
}

/// Which combinator an element function belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CombinatorKind {
    /// `Promise.all`
    All,
    /// `Promise.allSettled`
    AllSettled,
    /// `Promise.any`
    Any,
}

/// The captured state of a built-in closure made by a promise operation. A
/// closure's function object keeps it through an internal object (kind
/// [`ObjectKind::PromiseClosure`]) in its host data.
#[derive(Debug)]
pub enum PromiseClosureRecord {
    /// The resolving functions of [27.2.1.3 CreateResolvingFunctions](https://tc39.es/ecma262/#sec-createresolvingfunctions):
    /// `[[Promise]]` and the shared `[[AlreadyResolved]]` record.
    Resolving {
        /// `[[Promise]]`
        promise: Object<'static>,
        /// `[[AlreadyResolved]].[[Value]]`
        already_resolved: bool,
    },
    /// The executor of [27.2.1.5 NewPromiseCapability](https://tc39.es/ecma262/#sec-newpromisecapability):
    /// the `[[Resolve]]` and `[[Reject]]` fields it fills in.
    CapabilityExecutor {
        /// `resolvingFunctions.[[Resolve]]`
        resolve: Value<'static>,
        /// `resolvingFunctions.[[Reject]]`
        reject: Value<'static>,
    },
    /// The state shared by the element functions of one `Promise.all`,
    /// `allSettled` or `any` call: `values` (or `errors`), the capability and
    /// `remainingElementsCount`.
    Combinator {
        /// `values` / `errors`
        values: Vec<Value<'static>>,
        /// `resultCapability`
        capability: PromiseCapability,
        /// `remainingElementsCount.[[Value]]`
        remaining: u32,
    },
    /// One element function (or the pair of `allSettled`): `[[AlreadyCalled]]`,
    /// `[[Index]]` and the shared combinator state.
    Element {
        /// `[[AlreadyCalled]].[[Value]]`
        already_called: bool,
        /// `[[Index]]`
        index: u32,
        /// The internal object holding the [`PromiseClosureRecord::Combinator`].
        shared: Object<'static>,
    },
    /// `thenFinally` / `catchFinally` of `Promise.prototype.finally`.
    Finally {
        /// `C`
        constructor: Object<'static>,
        /// `onFinally`
        on_finally: Value<'static>,
    },
    /// `valueThunk` / `thrower` of `Promise.prototype.finally`: the captured
    /// value or reason (also `done` for the `unwrap` closure of
    /// AsyncFromSyncIteratorContinuation).
    Captured(Value<'static>),
    /// `[[SyncIteratorRecord]]` of an Async-from-Sync Iterator object, also
    /// captured by its `closeIterator` closure.
    SyncIterator {
        /// `[[Iterator]]`
        iterator: Value<'static>,
        /// `[[NextMethod]]`
        next: Value<'static>,
    },
}

impl Trace for PromiseClosureRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        match self {
            PromiseClosureRecord::Resolving { promise, .. } => promise.visit(visitor),
            PromiseClosureRecord::CapabilityExecutor { resolve, reject } => {
                resolve.trace(visitor);
                reject.trace(visitor);
            }
            PromiseClosureRecord::Combinator {
                values, capability, ..
            } => {
                values.trace(visitor);
                capability.trace(visitor);
            }
            PromiseClosureRecord::Element { shared, .. } => shared.visit(visitor),
            PromiseClosureRecord::Finally {
                constructor,
                on_finally,
            } => {
                constructor.visit(visitor);
                on_finally.trace(visitor);
            }
            PromiseClosureRecord::Captured(value) => value.trace(visitor),
            PromiseClosureRecord::SyncIterator { iterator, next } => {
                iterator.trace(visitor);
                next.trace(visitor);
            }
        }
    }
}

/// Creates %Promise% and %Promise.prototype%.
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    constructor::initialize(agent, gc);
}

impl Agent {
    /// Allocates a closure record and the internal object that carries it.
    pub(crate) fn alloc_promise_closure<'a>(
        &mut self,
        record: PromiseClosureRecord,
        gc: NoGcScope<'a, '_>,
    ) -> Object<'a> {
        self.heap.allocated_since_gc += crate::heap::Arena::<PromiseClosureRecord>::RECORD_BYTES;
        let handle = PromiseClosure::from_index(self.heap.promise_closures.push(record));
        self.create_object(None, ObjectKind::PromiseClosure(handle), gc)
    }

    /// The closure record behind an internal closure object.
    pub(crate) fn promise_closure(&mut self, holder: Object) -> &mut PromiseClosureRecord {
        let (ObjectKind::PromiseClosure(handle) | ObjectKind::AsyncFromSyncIterator(handle)) =
            holder.kind(self)
        else {
            unreachable!("a promise closure holder")
        };
        self.heap.promise_closures.get_mut(handle.index())
    }

    /// The internal object holding the captured state of the running built-in
    /// closure (its function's host data).
    pub(crate) fn active_promise_closure(&self) -> Object<'static> {
        let f = self
            .active_builtin_function()
            .expect("a running built-in closure");
        let ObjectKind::BuiltinFunction(slots) = f.kind(self) else {
            unreachable!("a built-in closure")
        };
        let Value::Object(holder) = self.heap.builtin_functions.get(slots.index()).host_data else {
            unreachable!("a promise closure's captured state")
        };
        holder
    }

    /// Creates a built-in closure function whose captured state is `holder`.
    pub(crate) fn create_promise_closure_function<'a>(
        &mut self,
        behaviour: crate::ecmascript::builtins::function_objects::RegularFn,
        length: u32,
        holder: Object,
        gc: NoGcScope<'a, '_>,
    ) -> Object<'a> {
        use crate::engine::Bindable;
        let f = self.create_builtin_function(
            crate::ecmascript::builtins::function_objects::Behaviour::Regular(behaviour),
            length,
            "",
            None,
            None,
            None,
            gc,
        );
        if let ObjectKind::BuiltinFunction(slots) = f.kind(self) {
            self.heap.builtin_functions.get_mut(slots.index()).host_data = holder.unbind().into();
        }
        f
    }

    /// The promise record of `o`, if it is a promise.
    pub(crate) fn promise_of(&self, o: Object) -> Option<Promise<'static>> {
        match o.kind(self) {
            ObjectKind::Promise(p) => Some(p),
            _ => None,
        }
    }

    /// The realm a promise job runs in (`None`: the current one).
    pub(crate) fn job_realm_of(&mut self, f: Value, gc: NoGcScope) -> Option<RealmId> {
        let Value::Object(f) = f else {
            return None;
        };
        match crate::ecmascript::abstract_operations::get_function_realm(self, f, gc) {
            Ok(realm) => Some(realm),
            Err(_) => {
                // The current Realm Record (a revoked proxy's error is dropped).
                self.take_exception();
                None
            }
        }
    }
}
