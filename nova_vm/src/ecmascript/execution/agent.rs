//! ### [9.7 Agents](https://tc39.es/ecma262/#sec-agents)
//!
//! The [`Agent`] owns everything one thread of JavaScript needs: the heap, the
//! realms, the interpreter's register file and frames, the root stacks and the
//! job queue. It holds no thread-bound state, so it is `Send`.

use std::collections::VecDeque;

use ahash::AHashMap;

use super::environments::Environment;
use super::heap_layout::Heap;
use super::realm::{Intrinsic, Realm, RealmId};
use crate::ecmascript::modules::Module;
use crate::ecmascript::types::{Object, PropertyKey, Symbol, Value};
use crate::engine::bytecode::Code;
use crate::engine::interpreter::VmState;
use crate::heap::{HandleVisitor, Trace};

/// Options chosen when an agent is created.
#[derive(Debug, Clone, Default)]
pub struct AgentOptions {
    /// Collect garbage at every safepoint (finds rooting bugs). After the
    /// first 50 000 safepoints, stress collects at every 64th, so that
    /// scripts with million-iteration loops still finish.
    pub gc_stress: bool,
    /// Print every collection's statistics to stderr.
    pub trace_gc: bool,
}

/// Hooks through which the engine talks to its embedder.
pub trait HostHooks: Send {
    /// Output of `print` and `console.log`.
    fn print(&mut self, text: &str) {
        print_line_to_stdout(text);
    }
}

/// Writes a line to standard output. Write errors (a closed pipe, as in
/// `nova script.js | head`) drop the output instead of aborting.
pub(crate) fn print_line_to_stdout(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{text}");
}

/// Host hooks that print to stdout.
#[derive(Debug, Default)]
pub struct DefaultHostHooks;

impl HostHooks for DefaultHostHooks {}

/// Stops a running script from any thread: the script throws an uncatchable
/// "Execution interrupted" error at its next loop iteration or call.
#[derive(Debug, Clone)]
pub struct InterruptHandle(std::sync::Arc<std::sync::atomic::AtomicBool>);

impl InterruptHandle {
    /// Requests the interrupt.
    pub fn interrupt(&self) {
        self.0.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

/// A value held by a root: anything the collector must keep alive and fix up.
#[derive(Debug, Clone, Copy)]
pub enum HeapRoot {
    /// A language value.
    Value(Value<'static>),
    /// A property key.
    Key(PropertyKey<'static>),
    /// An environment.
    Environment(Environment<'static>),
    /// Compiled code.
    Code(Code<'static>),
}

impl Trace for HeapRoot {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        match self {
            HeapRoot::Value(v) => v.trace(visitor),
            HeapRoot::Key(k) => k.trace(visitor),
            HeapRoot::Environment(e) => e.visit(visitor),
            HeapRoot::Code(c) => c.visit(visitor),
        }
    }
}

/// A job waiting in the agent's queue (HostEnqueueGenericJob and
/// [9.5.5 HostEnqueuePromiseJob](https://tc39.es/ecma262/#sec-hostenqueuepromisejob)):
/// one FIFO queue, so cleanup jobs and promise jobs keep their relative order.
#[derive(Debug, Clone)]
pub enum Job {
    /// Call a function with arguments (FinalizationRegistry cleanups).
    Call {
        /// The function to call.
        callback: Value<'static>,
        /// Its arguments.
        arguments: Vec<Value<'static>>,
        /// The realm to run in.
        realm: RealmId,
    },
    /// [27.2.2.1 NewPromiseReactionJob](https://tc39.es/ecma262/#sec-newpromisereactionjob).
    PromiseReaction {
        /// The reaction.
        reaction: crate::ecmascript::builtins::control_abstraction::PromiseReaction,
        /// The settled value or reason.
        argument: Value<'static>,
        /// The handler's realm (`None`: the current realm).
        realm: Option<RealmId>,
    },
    /// [27.2.2.2 NewPromiseResolveThenableJob](https://tc39.es/ecma262/#sec-newpromiseresolvethenablejob).
    PromiseResolveThenable {
        /// `promiseToResolve`
        promise: Object<'static>,
        /// `thenable`
        thenable: Value<'static>,
        /// `then`
        then: Value<'static>,
        /// The realm of `then` (`None`: the current realm).
        realm: Option<RealmId>,
    },
}

impl Trace for Job {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        match self {
            Job::Call {
                callback,
                arguments,
                ..
            } => {
                callback.trace(visitor);
                arguments.trace(visitor);
            }
            Job::PromiseReaction {
                reaction, argument, ..
            } => {
                reaction.trace(visitor);
                argument.trace(visitor);
            }
            Job::PromiseResolveThenable {
                promise,
                thenable,
                then,
                ..
            } => {
                promise.visit(visitor);
                thenable.trace(visitor);
                then.trace(visitor);
            }
        }
    }
}

/// A snapshot of the heap for embedders and tests.
#[derive(Debug, Clone, Default)]
pub struct HeapStatistics {
    /// Records in each arena, by arena name.
    pub record_counts: Vec<(&'static str, usize)>,
    /// Bytes reserved by all arenas (record vectors and slot storage).
    pub reserved_bytes: usize,
    /// Bytes allocated since the last collection.
    pub allocated_since_last_collection: usize,
    /// Collector statistics.
    pub gc: GcStatistics,
}

impl HeapStatistics {
    /// Number of records in the arena named `name` (e.g. `"objects"`).
    pub fn count(&self, name: &str) -> usize {
        self.record_counts
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(0, |(_, c)| *c)
    }
}

/// Statistics of the collector.
#[derive(Debug, Clone, Default)]
pub struct GcStatistics {
    /// Collections run so far.
    pub collections: u64,
    /// Total time spent collecting.
    pub total_pause: std::time::Duration,
    /// Longest single collection.
    pub max_pause: std::time::Duration,
    /// Bytes the surviving records and slots take after the last collection.
    pub live_bytes_after_last: usize,
    /// Safepoints reached in GC-stress mode (which decides when stress collects).
    pub stress_safepoints: u64,
}

/// Entries in [`Agent`]'s static-key cache.
const STATIC_KEY_CACHE_SIZE: usize = 256;

/// One entry of the static-key cache: a name literal's address and length,
/// and its key (traced like any root, so it survives compaction).
#[derive(Clone, Copy, Debug)]
struct StaticKeyEntry {
    address: usize,
    len: usize,
    key: PropertyKey<'static>,
}

impl StaticKeyEntry {
    const EMPTY: StaticKeyEntry = StaticKeyEntry {
        address: 0,
        len: 0,
        key: PropertyKey::Index(0),
    };
}

/// An agent: one heap, its realms and one execution thread's state.
pub struct Agent {
    pub(crate) heap: Heap,
    pub(crate) realms: Vec<Realm>,
    pub(crate) current_realm: RealmId,
    pub(crate) vm: VmState,
    pub(crate) scoped_roots: Vec<HeapRoot>,
    pub(crate) persistent_roots: Vec<Option<HeapRoot>>,
    pub(crate) free_persistent_roots: Vec<u32>,
    pub(crate) options: AgentOptions,
    /// The GlobalSymbolRegistry: `Symbol.for` keys (as UTF-16 code units) to their symbols.
    pub(crate) symbol_registry: AHashMap<Vec<u16>, Symbol<'static>>,
    /// `[[KeptAlive]]`: WeakRef targets kept until the current job ends.
    pub(crate) kept_alive: Vec<Value<'static>>,
    pub(crate) jobs: VecDeque<Job>,
    pub(crate) host: Box<dyn HostHooks>,
    pub(crate) gc_statistics: GcStatistics,
    pub(crate) pending_exception: Option<Value<'static>>,
    /// Property keys for static names longer than an inline string, kept alive.
    pub(crate) static_keys: AHashMap<&'static str, PropertyKey<'static>>,
    /// A direct-mapped cache in front of `static_keys`, keyed by the address
    /// and length of the name literal (no hashing of the text).
    static_key_cache: Box<[StaticKeyEntry; STATIC_KEY_CACHE_SIZE]>,
    /// Compiled regular expressions, shared by RegExp objects with the same pattern.
    pub(crate) regexp_cache: crate::ecmascript::builtins::regexp::RegExpCache,
    /// Set from any thread to stop the running script at its next safepoint.
    pub(crate) interrupt: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// This agent's signifier for Waiter Records: how other threads resolve
    /// its `Atomics.waitAsync` promises.
    pub(crate) signal: std::sync::Arc<super::AgentSignal>,
    /// The pending `Atomics.waitAsync` promises.
    pub(crate) async_waits: crate::ecmascript::builtins::typed_arrays::async_waits::AsyncWaits,
    /// test262's agent cluster, when `$262.agent` is installed: the child
    /// agents this (main) agent started, or this child's link to its cluster.
    pub(crate) test262_agents: Option<Box<crate::ecmascript::builtins::test262_agent::AgentRole>>,
    /// The module map: every module ever loaded, by realm, canonical path and
    /// module type (`""` for JavaScript). Module records are never removed, so
    /// module handles are stable.
    pub(crate) module_map: AHashMap<(RealmId, std::path::PathBuf, String), Module<'static>>,
    /// Modules the map no longer names (a file parsed again as a new root
    /// module): kept so that no module record is ever collected.
    pub(crate) replaced_modules: Vec<Module<'static>>,
    /// How many modules have had `[[AsyncEvaluation]]` set (its order).
    pub(crate) async_evaluation_count: u64,
    /// The global-bindings epoch: replaced by a fresh one whenever global
    /// lexical bindings are created or a property of any realm's global
    /// object (or global lexicals) is removed, reconfigured or moved to new
    /// slot storage. A global-name inline cache is valid exactly while the
    /// epoch it was filled in is current: adding a global object property
    /// moves no existing slot, so no shape check is needed. One epoch serves
    /// every realm: a code record only runs in the realm it was compiled for.
    pub(crate) global_epoch: u32,
}

impl std::fmt::Debug for Agent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Agent")
            .field("realms", &self.realms.len())
            .field("gc_statistics", &self.gc_statistics)
            .finish_non_exhaustive()
    }
}

const _: () = {
    const fn assert_send<T: Send>() {}
    assert_send::<Agent>();
};

impl Agent {
    /// Starts a new global-bindings epoch: every global-name inline cache
    /// filled before is invalid.
    pub(crate) fn bump_global_epoch(&mut self) {
        // Epoch 0 marks an empty cache; after 2^32 - 1 epochs (one per global
        // declaration or reconfiguration) the counter would repeat, which
        // would take years of continuous redeclaration.
        self.global_epoch = self.global_epoch.wrapping_add(1).max(1);
    }

    /// The realm code is currently running in.
    #[inline]
    pub fn current_realm(&self) -> &Realm {
        &self.realms[self.current_realm.0 as usize]
    }

    /// The id of the current realm.
    #[inline]
    pub fn current_realm_id(&self) -> RealmId {
        self.current_realm
    }

    /// An intrinsic object of the current realm.
    #[inline]
    pub fn intrinsic(&self, which: Intrinsic) -> Object<'static> {
        self.current_realm().intrinsic(which)
    }

    /// The active function object of the running built-in (the innermost
    /// built-in function being called from Rust), if any.
    #[inline]
    pub fn active_builtin_function(&self) -> Option<Object<'static>> {
        self.vm.builtin_callees.last().copied()
    }

    /// The options this agent was created with.
    pub fn options(&self) -> &AgentOptions {
        &self.options
    }

    /// Collector statistics.
    pub fn gc_statistics(&self) -> &GcStatistics {
        &self.gc_statistics
    }

    /// Visits every root: the marking and fix-up phases both use this.
    pub(crate) fn trace_roots(&mut self, visitor: &mut impl HandleVisitor) {
        for realm in &mut self.realms {
            realm.trace(visitor);
        }
        self.vm.trace(visitor);
        for root in &mut self.scoped_roots {
            root.trace(visitor);
        }
        for root in self.persistent_roots.iter_mut().flatten() {
            root.trace(visitor);
        }
        for symbol in self.symbol_registry.values_mut() {
            symbol.visit(visitor);
        }
        for value in &mut self.kept_alive {
            value.trace(visitor);
        }
        for job in &mut self.jobs {
            job.trace(visitor);
        }
        self.pending_exception.trace(visitor);
        for key in self.static_keys.values_mut() {
            key.trace(visitor);
        }
        for entry in self.static_key_cache.iter_mut() {
            entry.key.trace(visitor);
        }
        for module in self.module_map.values_mut() {
            module.visit(visitor);
        }
        for module in &mut self.replaced_modules {
            module.visit(visitor);
        }
    }
}

impl Agent {
    /// A new agent with one realm (the current one).
    pub fn new(options: AgentOptions, host: Box<dyn HostHooks>) -> Agent {
        use crate::ecmascript::types::{SymbolRecord, WellKnownSymbol};
        let mut agent = Agent {
            heap: Heap::new(),
            realms: Vec::new(),
            current_realm: RealmId(0),
            vm: VmState::default(),
            scoped_roots: Vec::new(),
            persistent_roots: Vec::new(),
            free_persistent_roots: Vec::new(),
            options,
            symbol_registry: AHashMap::default(),
            kept_alive: Vec::new(),
            jobs: VecDeque::new(),
            host,
            gc_statistics: GcStatistics::default(),
            pending_exception: None,
            static_keys: AHashMap::default(),
            static_key_cache: Box::new([StaticKeyEntry::EMPTY; STATIC_KEY_CACHE_SIZE]),
            regexp_cache: Default::default(),
            interrupt: Default::default(),
            signal: Default::default(),
            async_waits: Default::default(),
            test262_agents: None,
            module_map: AHashMap::default(),
            replaced_modules: Vec::new(),
            async_evaluation_count: 0,
            global_epoch: 0,
        };
        // The permanent symbols: the well-known symbols, the TDZ marker, the error-stack name.
        let mut token = crate::engine::GcToken;
        let mut scope = crate::engine::ScopeToken;
        let gc = crate::engine::GcScope::new(&mut token, &mut scope);
        for symbol in WellKnownSymbol::ALL {
            let description = agent.create_string(&format!("Symbol.{}", symbol.name()), gc.nogc());
            let description = crate::engine::Bindable::unbind(description);
            agent.heap.symbols.push(SymbolRecord {
                description: Some(description),
                registered: false,
                is_private: false,
            });
        }
        agent.heap.symbols.push(SymbolRecord {
            description: None,
            registered: false,
            is_private: false,
        });
        // The private name under which error objects keep their stack trace.
        agent.heap.symbols.push(SymbolRecord {
            description: None,
            registered: false,
            is_private: true,
        });
        agent.create_realm(gc.nogc());
        agent
    }

    /// The property key for a static name (interned once and kept alive).
    pub fn static_key(&mut self, name: &'static str) -> PropertyKey<'static> {
        let address = name.as_ptr() as usize;
        let entry = &mut self.static_key_cache[(address >> 3) % STATIC_KEY_CACHE_SIZE];
        if entry.address == address && entry.len == name.len() {
            return entry.key;
        }
        let key = self.static_key_uncached(name);
        self.static_key_cache[(address >> 3) % STATIC_KEY_CACHE_SIZE] = StaticKeyEntry {
            address,
            len: name.len(),
            key,
        };
        key
    }

    fn static_key_uncached(&mut self, name: &'static str) -> PropertyKey<'static> {
        if let Some(key) = PropertyKey::from_static_str(name) {
            return key;
        }
        if let Some(key) = self.static_keys.get(name) {
            return *key;
        }
        let gc_token = crate::engine::GcToken;
        let scope = crate::engine::ScopeToken;
        let key = crate::engine::Bindable::unbind(
            self.key_from_str(name, crate::engine::NoGcScope::new(&gc_token, &scope)),
        );
        self.static_keys.insert(name, key);
        key
    }

    /// A snapshot of heap sizes and collector statistics.
    pub fn heap_statistics(&self) -> HeapStatistics {
        HeapStatistics {
            record_counts: self.heap.record_counts(),
            reserved_bytes: self.heap.reserved_bytes(),
            allocated_since_last_collection: self.heap.allocated_since_gc,
            gc: self.gc_statistics.clone(),
        }
    }

    /// A handle that stops the running script from another thread.
    pub fn interrupt_handle(&self) -> InterruptHandle {
        InterruptHandle(self.interrupt.clone())
    }

    /// True if an interrupt was requested.
    #[inline]
    pub(crate) fn interrupt_requested(&self) -> bool {
        self.interrupt.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Clears a served interrupt request (when control returns to the embedder).
    pub(crate) fn clear_interrupt(&self) {
        self.interrupt
            .store(false, std::sync::atomic::Ordering::Relaxed);
    }

    /// The host hooks.
    pub fn host(&mut self) -> &mut dyn HostHooks {
        self.host.as_mut()
    }
}
