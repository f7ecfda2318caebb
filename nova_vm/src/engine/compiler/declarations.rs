//! The names a script's or eval's declaration instantiation binds
//! ([16.1.7 GlobalDeclarationInstantiation](https://tc39.es/ecma262/#sec-globaldeclarationinstantiation),
//! [19.2.1.3 EvalDeclarationInstantiation](https://tc39.es/ecma262/#sec-evaldeclarationinstantiation)).

use crate::ecmascript::types::PropertyKey;
use crate::heap::{HandleVisitor, Trace};

/// One name bound by a script's top level.
#[derive(Clone, Copy, Debug)]
pub(crate) enum GlobalDeclaration {
    /// `var` (VarDeclaredNames that are not functions).
    Var(PropertyKey<'static>),
    /// A top-level function declaration.
    Function(PropertyKey<'static>),
    /// `let`/`class` (`is_const` false) or `const` (true).
    Lexical(PropertyKey<'static>, bool),
}

/// Every name a script or sloppy eval binds at its top level, in source order.
#[derive(Clone, Debug, Default)]
pub(crate) struct Declarations {
    pub names: Vec<GlobalDeclaration>,
}

impl Trace for Declarations {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        for declaration in &mut self.names {
            match declaration {
                GlobalDeclaration::Var(k)
                | GlobalDeclaration::Function(k)
                | GlobalDeclaration::Lexical(k, _) => {
                    k.trace(visitor);
                }
            }
        }
    }
}
