//! The trait through which heap records describe the handles they hold.

/// Number identifying one arena of the concrete heap. The heap module treats it
/// as opaque; the agent's heap layout assigns the numbers.
pub type ArenaId = u8;

/// Something that is shown every handle of a record, one at a time.
///
/// Handles are presented as an arena number and a mutable index so that the same
/// walk serves marking (read the index) and compaction fix-up (rewrite it).
pub trait HandleVisitor {
    /// Visits one handle: `index` addresses a record in arena `arena`.
    fn visit(&mut self, arena: ArenaId, index: &mut u32);
}

/// A heap record (or root) that holds handles.
pub trait Trace {
    /// Presents every strong handle held by `self` to `visitor`.
    fn trace(&mut self, visitor: &mut impl HandleVisitor);

    /// Presents every weak handle held by `self` to `visitor`. Weak handles do
    /// not keep their target alive; the owner clears them (after marking) when
    /// their target died, and they are fixed up like strong handles afterwards.
    fn trace_weak(&mut self, visitor: &mut impl HandleVisitor) {
        let _ = visitor;
    }
}

impl<T: Trace> Trace for Option<T> {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        if let Some(inner) = self {
            inner.trace(visitor);
        }
    }
}

impl<T: Trace> Trace for Vec<T> {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        for item in self.iter_mut() {
            item.trace(visitor);
        }
    }
}

impl<T: Trace> Trace for Box<[T]> {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        for item in self.iter_mut() {
            item.trace(visitor);
        }
    }
}
