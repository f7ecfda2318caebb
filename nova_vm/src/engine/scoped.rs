//! Roots: [`Scoped`] handles on the agent's scoped-root stack, and persistent
//! [`Global`] roots for embedders.

use std::marker::PhantomData;

use super::gc_scope::{Bindable, NoGcScope};
use crate::ecmascript::execution::{Agent, Environment, HeapRoot};
use crate::ecmascript::types::{JsString, Object, PropertyKey, Symbol, Value};
use crate::engine::bytecode::Code;

/// Something that can be stored in a root.
pub trait Rootable: Bindable + Copy {
    /// Converts to the root representation.
    fn into_root(self) -> HeapRoot;
    /// Converts back from a root (the caller binds the result).
    fn from_root(root: HeapRoot) -> Self::Of<'static>;

    /// Parks the handle on the agent's scoped-root stack. The returned
    /// [`Scoped`] is valid for the rest of the root scope `'s` and follows the
    /// record through compactions.
    fn scope<'s>(self, agent: &mut Agent, _gc: NoGcScope<'_, 's>) -> Scoped<'s, Self::Of<'static>> {
        let index = agent.scoped_roots.len() as u32;
        agent.scoped_roots.push(self.into_root());
        Scoped {
            index,
            _marker: PhantomData,
        }
    }
}

/// A handle kept alive (and kept up to date) by the agent for the root scope `'s`.
///
/// Use it for any handle that must survive a call that takes the `GcScope`:
/// `let x = x.scope(agent, gc.nogc());` before the call, and
/// `x.get(agent).bind(gc.nogc())` after it.
#[derive(Debug)]
pub struct Scoped<'s, T> {
    index: u32,
    _marker: PhantomData<(&'s (), T)>,
}

impl<T> Clone for Scoped<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Scoped<'_, T> {}

impl<T: Rootable<Of<'static> = T>> Scoped<'_, T> {
    /// The current handle (unbound: bind it to the current token).
    #[inline]
    pub fn get(self, agent: &Agent) -> T {
        T::from_root(agent.scoped_roots[self.index as usize])
    }

    /// Replaces the rooted handle.
    #[inline]
    pub fn set(self, agent: &mut Agent, value: T) {
        agent.scoped_roots[self.index as usize] = value.into_root();
    }
}

/// A persistent root for embedders: keeps its value alive and up to date until
/// [`Global::release`] is called. Not tied to any GC lifetime.
#[derive(Debug)]
pub struct Global<T> {
    index: u32,
    _marker: PhantomData<T>,
}

impl<T: Rootable<Of<'static> = T>> Global<T> {
    /// Roots `value` until released.
    pub fn new(agent: &mut Agent, value: T) -> Self {
        let root = Some(value.into_root());
        let index = match agent.free_persistent_roots.pop() {
            Some(index) => {
                agent.persistent_roots[index as usize] = root;
                index
            }
            None => {
                agent.persistent_roots.push(root);
                (agent.persistent_roots.len() - 1) as u32
            }
        };
        Global {
            index,
            _marker: PhantomData,
        }
    }

    /// The current handle (bind it before use).
    pub fn get(&self, agent: &Agent) -> T {
        T::from_root(agent.persistent_roots[self.index as usize].expect("released global root"))
    }

    /// Stops rooting the value and returns its current handle.
    pub fn release(self, agent: &mut Agent) -> T {
        let root = agent.persistent_roots[self.index as usize]
            .take()
            .expect("released global root");
        agent.free_persistent_roots.push(self.index);
        T::from_root(root)
    }
}

macro_rules! rootable_value {
    ($ty:ident, $pattern:ident) => {
        impl Rootable for $ty<'_> {
            fn into_root(self) -> HeapRoot {
                HeapRoot::Value(Value::from(self.unbind()))
            }
            fn from_root(root: HeapRoot) -> $ty<'static> {
                match root {
                    HeapRoot::Value(Value::$pattern(x)) => x,
                    _ => unreachable!("root holds another kind of handle"),
                }
            }
        }
    };
}

rootable_value!(Object, Object);
rootable_value!(Symbol, Symbol);

impl Rootable for Value<'_> {
    fn into_root(self) -> HeapRoot {
        HeapRoot::Value(self.unbind())
    }
    fn from_root(root: HeapRoot) -> Value<'static> {
        match root {
            HeapRoot::Value(v) => v,
            _ => unreachable!("root holds another kind of handle"),
        }
    }
}

impl Rootable for JsString<'_> {
    fn into_root(self) -> HeapRoot {
        HeapRoot::Value(self.unbind().into_value())
    }
    fn from_root(root: HeapRoot) -> JsString<'static> {
        match root {
            HeapRoot::Value(v) => v.as_string().expect("root holds a string"),
            _ => unreachable!("root holds another kind of handle"),
        }
    }
}

impl Rootable for PropertyKey<'_> {
    fn into_root(self) -> HeapRoot {
        HeapRoot::Key(self.unbind())
    }
    fn from_root(root: HeapRoot) -> PropertyKey<'static> {
        match root {
            HeapRoot::Key(k) => k,
            _ => unreachable!("root holds another kind of handle"),
        }
    }
}

impl Rootable for Environment<'_> {
    fn into_root(self) -> HeapRoot {
        HeapRoot::Environment(self.unbind())
    }
    fn from_root(root: HeapRoot) -> Environment<'static> {
        match root {
            HeapRoot::Environment(e) => e,
            _ => unreachable!("root holds another kind of handle"),
        }
    }
}

impl Rootable for Code<'_> {
    fn into_root(self) -> HeapRoot {
        HeapRoot::Code(self.unbind())
    }
    fn from_root(root: HeapRoot) -> Code<'static> {
        match root {
            HeapRoot::Code(c) => c,
            _ => unreachable!("root holds another kind of handle"),
        }
    }
}
