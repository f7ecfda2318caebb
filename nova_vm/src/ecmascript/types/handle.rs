//! Typed 32-bit handles into the agent's arenas.

/// Defines a `Copy` handle type: an index into one arena plus the GC lifetime
/// `'a` it is valid for (see [`Bindable`](crate::engine::Bindable)).
macro_rules! define_handle {
    ($(#[$meta:meta])* $name:ident, $arena:expr) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(transparent)]
        pub struct $name<'a>(u32, ::std::marker::PhantomData<&'a ()>);

        impl<'a> $name<'a> {
            /// A handle to record `index` (crate-internal: only allocation and
            /// the collector make handles).
            #[inline(always)]
            #[allow(dead_code)]
            pub(crate) const fn from_index(index: u32) -> Self {
                Self(index, ::std::marker::PhantomData)
            }

            /// The record index.
            #[inline(always)]
            #[allow(dead_code)]
            pub(crate) const fn index(self) -> u32 {
                self.0
            }

            /// Lets the collector mark or rewrite this handle.
            #[inline(always)]
            pub(crate) fn visit(&mut self, visitor: &mut impl $crate::heap::HandleVisitor) {
                visitor.visit($arena, &mut self.0);
            }
        }

        impl ::std::fmt::Debug for $name<'_> {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0)
            }
        }

        impl $crate::engine::Bindable for $name<'_> {
            type Of<'b> = $name<'b>;
            #[inline(always)]
            fn unbind(self) -> $name<'static> {
                $name(self.0, ::std::marker::PhantomData)
            }
            #[inline(always)]
            fn bind<'b>(self, _gc: $crate::engine::NoGcScope<'b, '_>) -> $name<'b> {
                $name(self.0, ::std::marker::PhantomData)
            }
        }

        impl $crate::heap::Trace for $name<'_> {
            #[inline(always)]
            fn trace(&mut self, visitor: &mut impl $crate::heap::HandleVisitor) {
                self.visit(visitor);
            }
        }
    };
}

pub(crate) use define_handle;
