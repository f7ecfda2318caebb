//! The object record: what every object (ordinary or exotic) stores.

use super::super::handle::define_handle;
use super::elements::Elements;
use super::shape::Shape;
use crate::ecmascript::builtins::array::ArrayIterator;
use crate::ecmascript::builtins::control_abstraction::{
    AsyncGenerator, Generator, IteratorHelper, Promise, PromiseClosure,
};
use crate::ecmascript::builtins::date::Date;
use crate::ecmascript::builtins::function_objects::{
    BoundFunction, BuiltinFunction, ECMAScriptFunction,
};
use crate::ecmascript::builtins::keyed_collections::{MapCursor, MapData, WeakTable};
use crate::ecmascript::builtins::managing_memory::{FinalizationRegistry, WeakRef};
use crate::ecmascript::builtins::proxy::Proxy;
use crate::ecmascript::builtins::regexp::{RegExp, RegExpStringIterator};
use crate::ecmascript::builtins::string::StringIterator;
use crate::ecmascript::builtins::typed_arrays::{ArrayBuffer, DataView, TypedArray};
use crate::ecmascript::execution::heap_layout::{SlotsRef, arena_ids};
use crate::ecmascript::types::value::Value;
use crate::heap::{HandleVisitor, Trace};

define_handle!(
    /// Handle to the internal slots of a heap-allocated internal record
    /// (`[[BooleanData]]`, `[[NumberData]]`, ...) stored as a value.
    InternalValue,
    arena_ids::INTERNAL_VALUES
);

/// What kind of object this is, with a handle to its kind-specific internal
/// slots where it has any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ObjectKind {
    /// An ordinary object with no extra internal slots.
    Ordinary,
    /// An Array exotic object (its `length` lives in the elements record).
    Array,
    /// An unmapped arguments object (`[[ParameterMap]]` undefined).
    Arguments,
    /// A mapped arguments object (sloppy functions with simple parameters).
    MappedArguments(super::ParameterMap<'static>),
    /// An object with an `[[ErrorData]]` slot.
    Error,
    /// An ECMAScript function object.
    ECMAScriptFunction(ECMAScriptFunction<'static>),
    /// A built-in function object.
    BuiltinFunction(BuiltinFunction<'static>),
    /// A bound function exotic object.
    BoundFunction(BoundFunction<'static>),
    /// A Boolean object (`[[BooleanData]]`).
    BooleanObject(bool),
    /// A Number object (`[[NumberData]]`).
    NumberObject(InternalValue<'static>),
    /// A Date object (`[[DateValue]]`).
    Date(Date<'static>),
    /// A String exotic object (`[[StringData]]`).
    StringObject(InternalValue<'static>),
    /// A Symbol object (`[[SymbolData]]`).
    SymbolObject(InternalValue<'static>),
    /// A BigInt object (`[[BigIntData]]`).
    BigIntObject(InternalValue<'static>),
    /// A generator object.
    Generator(Generator<'static>),
    /// A for-in iterator (internal; never exposed to scripts).
    ForInIterator(InternalValue<'static>),
    /// A String Iterator object.
    StringIterator(StringIterator<'static>),
    /// A WeakMap (`[[WeakMapData]]`).
    WeakMap(WeakTable<'static>),
    /// A WeakSet (`[[WeakSetData]]`).
    WeakSet(WeakTable<'static>),
    /// A Map (`[[MapData]]`).
    Map(MapData<'static>),
    /// A Set (`[[SetData]]`).
    Set(MapData<'static>),
    /// A Map Iterator (or an internal cursor over a Map's or Set's entries).
    MapIterator(MapCursor<'static>),
    /// A Set Iterator.
    SetIterator(MapCursor<'static>),
    /// A WeakRef (`[[WeakRefTarget]]`).
    WeakRef(WeakRef<'static>),
    /// A FinalizationRegistry (`[[Realm]]`, `[[CleanupCallback]]`, `[[Cells]]`).
    FinalizationRegistry(FinalizationRegistry<'static>),
    /// An Array Iterator object (its iteration state).
    ArrayIterator(ArrayIterator<'static>),
    /// A RegExp object (`[[OriginalSource]]`, `[[OriginalFlags]]`, `[[RegExpMatcher]]`).
    RegExp(RegExp<'static>),
    /// A RegExp String Iterator object.
    RegExpStringIterator(RegExpStringIterator<'static>),
    /// A raw JSON object (`[[IsRawJSON]]`, made by `JSON.rawJSON`).
    RawJson,
    /// An Iterator Helper object (`[[UnderlyingIterators]]`, `[[GeneratorState]]`).
    IteratorHelper(IteratorHelper<'static>),
    /// An object made by `Iterator.from` (`[[Iterated]]`).
    WrapForValidIterator(IteratorHelper<'static>),
    /// A Proxy exotic object. It has `[[Call]]` (`callable`) and
    /// `[[Construct]]` (`constructor`) exactly when its target had them when
    /// it was created.
    Proxy {
        /// `[[ProxyTarget]]` and `[[ProxyHandler]]`.
        proxy: Proxy<'static>,
        /// Whether the proxy has a `[[Call]]` internal method.
        callable: bool,
        /// Whether the proxy has a `[[Construct]]` internal method.
        constructor: bool,
    },
    /// An ArrayBuffer or SharedArrayBuffer (`[[ArrayBufferData]]`, ...).
    ArrayBuffer(ArrayBuffer<'static>),
    /// A TypedArray exotic object (`[[ViewedArrayBuffer]]`, `[[TypedArrayName]]`, ...).
    TypedArray(TypedArray<'static>),
    /// A DataView (`[[ViewedArrayBuffer]]`, `[[ByteLength]]`, `[[ByteOffset]]`).
    DataView(DataView<'static>),
    /// A Promise (`[[PromiseState]]`, `[[PromiseResult]]`, its reactions).
    Promise(Promise<'static>),
    /// The captured state of a promise-related built-in closure (internal;
    /// never exposed to scripts).
    PromiseClosure(PromiseClosure<'static>),
    /// An Async-from-Sync Iterator object (`[[SyncIteratorRecord]]`, kept in
    /// the promise-closure arena).
    AsyncFromSyncIterator(PromiseClosure<'static>),
    /// An AsyncGenerator (`[[AsyncGeneratorState]]`, `[[AsyncGeneratorQueue]]`).
    AsyncGenerator(AsyncGenerator<'static>),
    /// A module namespace exotic object (`[[Module]]`; its `[[Exports]]` are
    /// kept in the module record).
    ModuleNamespace(crate::ecmascript::modules::Module<'static>),
}

const _: () = assert!(std::mem::size_of::<ObjectKind>() == 8);

impl ObjectKind {
    /// True for function objects (those with a `[[Call]]` internal method).
    #[inline]
    pub fn is_callable(self) -> bool {
        matches!(
            self,
            ObjectKind::ECMAScriptFunction(_)
                | ObjectKind::BuiltinFunction(_)
                | ObjectKind::BoundFunction(_)
                | ObjectKind::Proxy { callable: true, .. }
        )
    }

    /// True for Proxy exotic objects.
    #[inline]
    pub fn is_proxy(self) -> bool {
        matches!(self, ObjectKind::Proxy { .. })
    }
}

impl Trace for ObjectKind {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        match self {
            ObjectKind::ECMAScriptFunction(f) => f.visit(visitor),
            ObjectKind::BuiltinFunction(f) => f.visit(visitor),
            ObjectKind::BoundFunction(f) => f.visit(visitor),
            ObjectKind::Generator(g) => g.visit(visitor),
            ObjectKind::StringIterator(i) => i.visit(visitor),
            ObjectKind::MappedArguments(m) => m.visit(visitor),
            ObjectKind::WeakMap(t) | ObjectKind::WeakSet(t) => t.visit(visitor),
            ObjectKind::Map(d) | ObjectKind::Set(d) => d.visit(visitor),
            ObjectKind::MapIterator(c) | ObjectKind::SetIterator(c) => c.visit(visitor),
            ObjectKind::WeakRef(w) => w.visit(visitor),
            ObjectKind::FinalizationRegistry(f) => f.visit(visitor),
            ObjectKind::ArrayIterator(i) => i.visit(visitor),
            ObjectKind::Date(d) => d.visit(visitor),
            ObjectKind::RegExp(r) => r.visit(visitor),
            ObjectKind::RegExpStringIterator(i) => i.visit(visitor),
            ObjectKind::Proxy { proxy, .. } => proxy.visit(visitor),
            ObjectKind::ArrayBuffer(b) => b.visit(visitor),
            ObjectKind::TypedArray(t) => t.visit(visitor),
            ObjectKind::DataView(d) => d.visit(visitor),
            ObjectKind::IteratorHelper(h) | ObjectKind::WrapForValidIterator(h) => h.visit(visitor),
            ObjectKind::Promise(p) => p.visit(visitor),
            ObjectKind::AsyncGenerator(g) => g.visit(visitor),
            ObjectKind::ModuleNamespace(m) => m.visit(visitor),
            ObjectKind::PromiseClosure(c) | ObjectKind::AsyncFromSyncIterator(c) => {
                c.visit(visitor)
            }
            ObjectKind::NumberObject(v)
            | ObjectKind::ForInIterator(v)
            | ObjectKind::StringObject(v)
            | ObjectKind::SymbolObject(v)
            | ObjectKind::BigIntObject(v) => v.visit(visitor),
            ObjectKind::Ordinary
            | ObjectKind::Array
            | ObjectKind::Arguments
            | ObjectKind::Error
            | ObjectKind::RawJson
            | ObjectKind::BooleanObject(_) => {}
        }
    }
}

/// The record of one object.
#[derive(Debug)]
pub struct ObjectRecord {
    /// Prototype, extensibility and named-property layout.
    pub shape: Shape<'static>,
    /// Values of named properties, laid out by the shape.
    pub slots: SlotsRef,
    /// Array-index properties (and an array's length).
    pub elements: Option<Elements<'static>>,
    /// Exotic behaviour and internal slots.
    pub kind: ObjectKind,
}

impl Trace for ObjectRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.shape.visit(visitor);
        self.slots.visit(visitor);
        if let Some(e) = &mut self.elements {
            e.visit(visitor);
        }
        self.kind.trace(visitor);
    }
}

/// A heap cell holding one value (the primitive of a wrapper object).
#[derive(Debug)]
pub struct InternalValueRecord(pub Value<'static>);

impl Trace for InternalValueRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.0.trace(visitor);
    }
}
