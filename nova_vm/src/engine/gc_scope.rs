//! The GC tokens: [`GcScope`] (the right to collect) and [`NoGcScope`] (a proof
//! that no collection happens while it lives), and [`Bindable`], which ties a
//! handle to a token's lifetime.
//!
//! The collector moves records. A handle held in a Rust local keeps pointing at
//! the old index after a collection, so the borrow checker must stop any use of a
//! handle across a call that may collect. Handles carry a lifetime; [`Bindable::bind`]
//! sets it to a shared borrow of the `GcScope`; passing the `GcScope` on to a call
//! that may collect (`gc.reborrow()`) needs a unique borrow, which ends every shared
//! one — so a bound handle used after such a call does not compile.

use std::marker::PhantomData;

/// Zero-sized marker that GC tokens borrow.
#[derive(Debug)]
pub struct GcToken;

/// Zero-sized marker that scope lifetimes borrow.
#[derive(Debug)]
pub struct ScopeToken;

/// The exclusive right to run a garbage collection.
///
/// Using a bound handle after lending the scope to a call that may collect
/// does not compile:
///
/// ```compile_fail
/// use nova_vm::ecmascript::types::Value;
/// use nova_vm::engine::{Bindable, GcScope};
///
/// fn may_collect(_gc: GcScope) {}
///
/// fn broken<'gc>(value: Value, mut gc: GcScope<'gc, '_>) -> Value<'gc> {
///     let value = value.bind(gc.nogc());
///     may_collect(gc.reborrow());
///     // error[E0502]: `gc` was borrowed mutably above while `value` still borrows it.
///     value.unbind().bind(gc.into_nogc())
/// }
/// ```
///
/// Re-reading the value after the call (from a root) is fine:
///
/// ```
/// use nova_vm::ecmascript::types::Value;
/// use nova_vm::engine::{Bindable, GcScope};
///
/// fn may_collect(_gc: GcScope) {}
///
/// fn fine<'gc>(value: Value, mut gc: GcScope<'gc, '_>) -> bool {
///     let is_number = value.bind(gc.nogc()).is_number();
///     may_collect(gc.reborrow());
///     is_number
/// }
/// ```
///
/// Functions that may run JavaScript or allocate-and-collect take a `GcScope` by
/// value as their last parameter; callers pass `gc.reborrow()`. `'a` is the GC
/// lifetime that handles bind to, `'s` the lifetime of the current root scope
/// that [`Scoped`](crate::engine::Scoped) roots bind to.
#[derive(Debug)]
pub struct GcScope<'a, 's> {
    gc: PhantomData<&'a mut GcToken>,
    scope: PhantomData<&'s ScopeToken>,
}

/// A shared proof that no garbage collection happens while it lives.
///
/// Functions that cannot collect take a `NoGcScope`; handles bound to it stay
/// valid across such calls.
#[derive(Debug, Clone, Copy)]
pub struct NoGcScope<'a, 's> {
    gc: PhantomData<&'a GcToken>,
    scope: PhantomData<&'s ScopeToken>,
}

impl<'a, 's> GcScope<'a, 's> {
    /// Creates the root token for an entry into the engine. The caller must be
    /// the only holder of a `GcScope` for the agent (the engine's entry points
    /// create one per call from the embedder).
    pub(crate) fn new(_gc: &'a mut GcToken, _scope: &'s mut ScopeToken) -> Self {
        Self {
            gc: PhantomData,
            scope: PhantomData,
        }
    }

    /// A shared no-collection proof borrowed from this scope. Handles bound to it
    /// are valid until this `GcScope` is next used mutably.
    #[inline(always)]
    pub fn nogc(&self) -> NoGcScope<'_, 's> {
        NoGcScope {
            gc: PhantomData,
            scope: PhantomData,
        }
    }

    /// Lends the right to collect to a callee. Every handle bound to this scope's
    /// `nogc()` is unusable after the call (the borrow checker enforces it).
    #[inline(always)]
    pub fn reborrow(&mut self) -> GcScope<'_, 's> {
        GcScope {
            gc: PhantomData,
            scope: PhantomData,
        }
    }

    /// Gives up the right to collect for the rest of `'a`, so that handles bound
    /// to the result may be returned to the caller.
    #[inline(always)]
    pub fn into_nogc(self) -> NoGcScope<'a, 's> {
        NoGcScope {
            gc: PhantomData,
            scope: PhantomData,
        }
    }

    /// Lends the right to collect together with a new, shorter root scope. The
    /// caller truncates the agent's scoped-root stack when the callee returns
    /// (see [`Agent::with_root_scope`](crate::ecmascript::execution::Agent)).
    #[inline(always)]
    pub fn subscope(&mut self) -> GcScope<'_, '_> {
        GcScope {
            gc: PhantomData,
            scope: PhantomData,
        }
    }
}

impl<'a, 's> NoGcScope<'a, 's> {
    /// Creates a no-collection proof for code that holds the agent mutably but no
    /// `GcScope` (host APIs that never collect).
    pub(crate) fn new(_gc: &'a GcToken, _scope: &'s ScopeToken) -> Self {
        Self {
            gc: PhantomData,
            scope: PhantomData,
        }
    }
}

/// A handle (or a value holding handles) whose validity is tied to a GC token.
///
/// * `bind(gc.nogc())` sets the lifetime to the token's: do it on entry to a
///   function for every parameter, and immediately for every result of a call
///   that may collect.
/// * `unbind()` forgets the lifetime: do it only at a call site, to pass the
///   handle to a callee that binds it again.
pub trait Bindable: Sized {
    /// The same type with its GC lifetime replaced by `'a`.
    type Of<'a>;

    /// Detaches the handle from its token (only at call sites or when storing
    /// into a root).
    fn unbind(self) -> Self::Of<'static>;

    /// Ties the handle to `gc`'s lifetime.
    fn bind<'a>(self, gc: NoGcScope<'a, '_>) -> Self::Of<'a>;
}

impl<T: Bindable> Bindable for Option<T> {
    type Of<'a> = Option<T::Of<'a>>;
    #[inline(always)]
    fn unbind(self) -> Self::Of<'static> {
        self.map(Bindable::unbind)
    }
    #[inline(always)]
    fn bind<'a>(self, gc: NoGcScope<'a, '_>) -> Self::Of<'a> {
        self.map(|v| v.bind(gc))
    }
}

impl<T: Bindable> Bindable for Vec<T> {
    type Of<'a> = Vec<T::Of<'a>>;
    fn unbind(self) -> Self::Of<'static> {
        self.into_iter().map(Bindable::unbind).collect()
    }
    fn bind<'a>(self, gc: NoGcScope<'a, '_>) -> Self::Of<'a> {
        self.into_iter().map(|v| v.bind(gc)).collect()
    }
}

impl Bindable for bool {
    type Of<'a> = bool;
    fn unbind(self) -> bool {
        self
    }
    fn bind<'a>(self, _: NoGcScope<'a, '_>) -> bool {
        self
    }
}

impl<A: Bindable, B: Bindable> Bindable for (A, B) {
    type Of<'a> = (A::Of<'a>, B::Of<'a>);
    fn unbind(self) -> Self::Of<'static> {
        (self.0.unbind(), self.1.unbind())
    }
    fn bind<'a>(self, gc: NoGcScope<'a, '_>) -> Self::Of<'a> {
        (self.0.bind(gc), self.1.bind(gc))
    }
}
