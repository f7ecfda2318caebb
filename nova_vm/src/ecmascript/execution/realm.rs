//! ### [9.3 Realms](https://tc39.es/ecma262/#sec-code-realms)

use super::environments::Environment;
use crate::ecmascript::types::{Object, Value};
use crate::heap::{HandleVisitor, Trace};

/// Index of a realm in the agent's realm list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RealmId(pub u32);

macro_rules! intrinsics {
    ($( $name:ident ),* $(,)?) => {
        /// ### [6.1.7.4 Well-Known Intrinsic Objects](https://tc39.es/ecma262/#sec-well-known-intrinsic-objects)
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum Intrinsic {
            $( $name, )*
        }

        impl Intrinsic {
            /// Number of intrinsics.
            pub const COUNT: usize = [$( Intrinsic::$name, )*].len();
        }
    };
}

intrinsics! {
    // Fundamental objects
    ObjectPrototype, Object, FunctionPrototype, Function, ThrowTypeError,
    BooleanPrototype, Boolean, SymbolPrototype, Symbol,
    ErrorPrototype, Error, EvalErrorPrototype, EvalError, RangeErrorPrototype, RangeError,
    ReferenceErrorPrototype, ReferenceError, SyntaxErrorPrototype, SyntaxError,
    TypeErrorPrototype, TypeError, UriErrorPrototype, UriError,
    AggregateErrorPrototype, AggregateError, SuppressedErrorPrototype, SuppressedError,
    // Numbers
    NumberPrototype, Number, BigIntPrototype, BigInt, Math,
    // Text
    StringPrototype, String, StringIteratorPrototype, RegExpPrototype, RegExp,
    RegExpStringIteratorPrototype,
    // Indexed collections
    ArrayPrototype, Array, ArrayIteratorPrototype, ArrayPrototypeValues,
    // Keyed collections
    MapPrototype, Map, MapIteratorPrototype, SetPrototype, Set, SetIteratorPrototype,
    WeakMapPrototype, WeakMap, WeakSetPrototype, WeakSet,
    WeakRefPrototype, WeakRef, FinalizationRegistryPrototype, FinalizationRegistry,
    // Structured data
    Json, ArrayBufferPrototype, ArrayBuffer, DataViewPrototype, DataView,
    // Control abstraction
    IteratorPrototype, Iterator, IteratorHelperPrototype, WrapForValidIteratorPrototype,
    AsyncIteratorPrototype, GeneratorFunctionPrototype, GeneratorFunction, GeneratorPrototype,
    AsyncFunctionPrototype, AsyncFunction, AsyncGeneratorFunctionPrototype,
    AsyncGeneratorFunction, AsyncGeneratorPrototype, AsyncFromSyncIteratorPrototype,
    PromisePrototype, Promise,
    // Reflection
    Reflect, Proxy,
    // Global functions
    Eval, IsFinite, IsNaN, ParseFloat, ParseInt, DecodeUri, DecodeUriComponent, EncodeUri,
    EncodeUriComponent, Escape, Unescape,
    // Dates
    DatePrototype, Date,
    // Intrinsic functions other built-ins call
    ObjectPrototypeToString, RegExpPrototypeExec,
    // ArrayBuffers, TypedArrays and Atomics
    SharedArrayBufferPrototype, SharedArrayBuffer, TypedArrayPrototype, TypedArray,
    Int8ArrayPrototype, Int8Array, Uint8ArrayPrototype, Uint8Array,
    Uint8ClampedArrayPrototype, Uint8ClampedArray, Int16ArrayPrototype, Int16Array,
    Uint16ArrayPrototype, Uint16Array, Int32ArrayPrototype, Int32Array,
    Uint32ArrayPrototype, Uint32Array, Float16ArrayPrototype, Float16Array,
    Float32ArrayPrototype, Float32Array, Float64ArrayPrototype, Float64Array,
    BigInt64ArrayPrototype, BigInt64Array, BigUint64ArrayPrototype, BigUint64Array, Atomics,
}

/// A realm record: its intrinsics, global object and global environment.
#[derive(Debug)]
pub struct Realm {
    /// `[[Intrinsics]]`, indexed by [`Intrinsic`]; filled while the realm is set up.
    pub intrinsics: Vec<Option<Object<'static>>>,
    /// `[[GlobalObject]]`
    pub global_object: Object<'static>,
    /// The declarative part of `[[GlobalEnv]]`: one property per top-level
    /// `let`/`const`/`class` binding (non-writable for `const`), on an object
    /// with no prototype.
    pub global_lexicals: Object<'static>,
    /// `[[GlobalEnv]]`
    pub global_env: Environment<'static>,
    /// `[[TemplateMap]]`: template objects by template site.
    pub template_map: Vec<(u64, Object<'static>)>,
    /// `[[HostDefined]]`
    pub host_defined: Value<'static>,
    /// The state of this realm's `Math.random` generator.
    pub(crate) math_random_state: u64,
    /// The Annex B legacy RegExp static properties of this realm's %RegExp%.
    pub(crate) regexp_legacy: crate::ecmascript::builtins::regexp::LegacyStatics,
}

impl Realm {
    /// The intrinsic object `which`.
    #[inline]
    pub fn intrinsic(&self, which: Intrinsic) -> Object<'static> {
        self.intrinsics[which as usize].expect("intrinsic used before it was created")
    }
}

impl Trace for Realm {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        for o in self.intrinsics.iter_mut().flatten() {
            o.visit(visitor);
        }
        self.global_object.visit(visitor);
        self.global_lexicals.visit(visitor);
        self.global_env.visit(visitor);
        for (_, o) in &mut self.template_map {
            o.visit(visitor);
        }
        self.host_defined.trace(visitor);
        self.regexp_legacy.trace(visitor);
    }
}
