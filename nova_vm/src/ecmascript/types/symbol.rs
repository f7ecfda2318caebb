//! ### [6.1.5 The Symbol Type](https://tc39.es/ecma262/#sec-ecmascript-language-types-symbol-type)

use super::string::JsString;
use super::value::Symbol;
use crate::heap::{HandleVisitor, Trace};

/// A Symbol record.
#[derive(Debug)]
pub struct SymbolRecord {
    /// `[[Description]]`
    pub description: Option<JsString<'static>>,
    /// True for symbols created by `Symbol.for` (registered symbols).
    pub registered: bool,
    /// True for the private names of class bodies (`#x`); keys made from them
    /// are never listed by [[OwnPropertyKeys]].
    pub is_private: bool,
}

impl Trace for SymbolRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.description.trace(visitor);
    }
}

/// ### [6.1.5.1 Well-Known Symbols](https://tc39.es/ecma262/#sec-well-known-symbols)
///
/// Well-known symbols occupy the first records of the symbol arena, in this
/// order, and are roots, so their handles never change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum WellKnownSymbol {
    /// `Symbol.asyncDispose`
    AsyncDispose,
    /// `Symbol.asyncIterator`
    AsyncIterator,
    /// `Symbol.dispose`
    Dispose,
    /// `Symbol.hasInstance`
    HasInstance,
    /// `Symbol.isConcatSpreadable`
    IsConcatSpreadable,
    /// `Symbol.iterator`
    Iterator,
    /// `Symbol.match`
    Match,
    /// `Symbol.matchAll`
    MatchAll,
    /// `Symbol.replace`
    Replace,
    /// `Symbol.search`
    Search,
    /// `Symbol.species`
    Species,
    /// `Symbol.split`
    Split,
    /// `Symbol.toPrimitive`
    ToPrimitive,
    /// `Symbol.toStringTag`
    ToStringTag,
    /// `Symbol.unscopables`
    Unscopables,
}

impl WellKnownSymbol {
    /// Every well-known symbol, in arena order.
    pub const ALL: [WellKnownSymbol; 15] = [
        WellKnownSymbol::AsyncDispose,
        WellKnownSymbol::AsyncIterator,
        WellKnownSymbol::Dispose,
        WellKnownSymbol::HasInstance,
        WellKnownSymbol::IsConcatSpreadable,
        WellKnownSymbol::Iterator,
        WellKnownSymbol::Match,
        WellKnownSymbol::MatchAll,
        WellKnownSymbol::Replace,
        WellKnownSymbol::Search,
        WellKnownSymbol::Species,
        WellKnownSymbol::Split,
        WellKnownSymbol::ToPrimitive,
        WellKnownSymbol::ToStringTag,
        WellKnownSymbol::Unscopables,
    ];

    /// The property name on the Symbol constructor (`"iterator"`).
    pub fn name(self) -> &'static str {
        match self {
            WellKnownSymbol::AsyncDispose => "asyncDispose",
            WellKnownSymbol::AsyncIterator => "asyncIterator",
            WellKnownSymbol::Dispose => "dispose",
            WellKnownSymbol::HasInstance => "hasInstance",
            WellKnownSymbol::IsConcatSpreadable => "isConcatSpreadable",
            WellKnownSymbol::Iterator => "iterator",
            WellKnownSymbol::Match => "match",
            WellKnownSymbol::MatchAll => "matchAll",
            WellKnownSymbol::Replace => "replace",
            WellKnownSymbol::Search => "search",
            WellKnownSymbol::Species => "species",
            WellKnownSymbol::Split => "split",
            WellKnownSymbol::ToPrimitive => "toPrimitive",
            WellKnownSymbol::ToStringTag => "toStringTag",
            WellKnownSymbol::Unscopables => "unscopables",
        }
    }

    /// The symbol's handle (fixed for the agent's lifetime).
    #[inline]
    pub const fn symbol(self) -> Symbol<'static> {
        Symbol::from_index(self as u32)
    }

    /// The symbol as a property key.
    #[inline]
    pub const fn key(self) -> super::PropertyKey<'static> {
        super::PropertyKey::Symbol(self.symbol())
    }
}

/// Symbol record reserved as the "uninitialized binding" marker (the temporal
/// dead zone of `let`, `const` and `class`). It is never exposed to scripts.
pub const UNINITIALIZED: Symbol<'static> = Symbol::from_index(WellKnownSymbol::ALL.len() as u32);

/// A private name holding the stack trace string of an error object (the
/// implementation-defined value `get Error.prototype.stack` returns). Like every
/// private name it is never listed by [[OwnPropertyKeys]] nor reachable from scripts.
pub const ERROR_STACK: Symbol<'static> = Symbol::from_index(WellKnownSymbol::ALL.len() as u32 + 1);

/// Number of symbol records created with the agent and kept forever: the
/// well-known symbols, the uninitialized-binding marker and the error-stack name.
pub const PERMANENT_SYMBOL_COUNT: u32 = WellKnownSymbol::ALL.len() as u32 + 2;
