//! The concrete heap: one arena per kind of record, numbered for the collector.
//!
//! Adding a kind of record means adding one line to `heap_arenas!` below (and
//! a `Trace` implementation for the record type).

use ahash::AHashMap;
use hashbrown::HashTable;

use super::environments::EnvironmentRecord;
use crate::ecmascript::builtins::array::ArrayIteratorRecord;
use crate::ecmascript::builtins::control_abstraction::{
    AsyncGeneratorRecord, GeneratorRecord, IteratorHelperRecord, PromiseClosureRecord,
    PromiseRecord,
};
use crate::ecmascript::builtins::date::DateRecord;
use crate::ecmascript::builtins::function_objects::{
    BoundFunctionRecord, BuiltinFunctionRecord, ECMAScriptFunctionRecord,
};
use crate::ecmascript::builtins::keyed_collections::{
    MapCursorRecord, MapDataRecord, WeakTableRecord,
};
use crate::ecmascript::builtins::managing_memory::{FinalizationRegistryRecord, WeakRefRecord};
use crate::ecmascript::builtins::proxy::ProxyRecord;
use crate::ecmascript::builtins::regexp::{RegExpRecord, RegExpStringIteratorRecord};
use crate::ecmascript::builtins::string::StringIteratorRecord;
use crate::ecmascript::builtins::typed_arrays::{
    ArrayBufferRecord, DataViewRecord, TypedArrayRecord,
};
use crate::ecmascript::modules::ModuleRecord;
use crate::ecmascript::types::object::{
    ElementsRecord, InternalValueRecord, ObjectRecord, ParameterMapRecord, Shape, ShapeRecord,
};
use crate::ecmascript::types::{
    BigIntRecord, NumberRecord, Object, StringRecord, SymbolRecord, Value,
};
use crate::engine::bytecode::CodeRecord;
use crate::heap::{
    Arena, ArenaId, ChunkedArena, CompactionMap, Fixup, HandleVisitor, MarkState, Trace,
};

/// Number of slot size classes: class `k` holds chunks of `2^k` values.
pub const SLOT_CLASSES: usize = 21;

macro_rules! heap_arenas {
    ($( $id:ident = $n:literal => $field:ident : $ty:ty ),* $(,)?) => {
        /// Arena numbers, as seen by the collector.
        pub mod arena_ids {
            use crate::heap::ArenaId;
            $(
                #[doc = concat!("Arena of `", stringify!($ty), "` records.")]
                pub const $id: ArenaId = $n;
            )*
            /// First of the slot size-class arenas (`SLOTS_BASE + k` holds chunks of `2^k`).
            pub const SLOTS_BASE: ArenaId = 0 $( + { let _ = $n; 1 } )*;
        }

        /// Every arena of the agent's heap.
        #[derive(Debug)]
        pub struct Heap {
            $(
                #[doc = concat!("`", stringify!($ty), "` records.")]
                pub $field: Arena<$ty>,
            )*
            /// Property-value storage by size class.
            pub slots: Vec<ChunkedArena<Value<'static>>>,
            /// Bytes allocated since the last collection.
            pub allocated_since_gc: usize,
            /// Allocation budget that triggers the next collection.
            pub gc_budget: usize,
            /// Interned property-key strings: indexes of heap strings, hashed by content.
            pub interned_strings: HashTable<u32>,
            /// Hasher for `interned_strings`.
            pub string_hasher: ahash::RandomState,
            /// The shared empty root shape for each prototype (weak in both directions).
            pub root_shapes: AHashMap<Option<Object<'static>>, Shape<'static>>,
            /// True once the host has made an `[[IsHTMLDDA]]` object: until
            /// then ToBoolean, `typeof` and `==` need not inspect objects.
            pub has_html_dda_objects: bool,
        }

        impl Heap {
            /// An empty heap.
            pub fn new() -> Self {
                Self {
                    $( $field: Arena::default(), )*
                    slots: (0..SLOT_CLASSES).map(|k| ChunkedArena::new(1 << k)).collect(),
                    allocated_since_gc: 0,
                    gc_budget: INITIAL_GC_BUDGET,
                    interned_strings: HashTable::new(),
                    string_hasher: ahash::RandomState::with_seeds(0x6e6f7661, 0x6a73, 0x676300, 0x68656170),
                    root_shapes: AHashMap::default(),
                    has_html_dda_objects: false,
                }
            }

            /// Number of records in each arena, indexed by [`ArenaId`].
            pub fn arena_lengths(&self) -> Vec<usize> {
                let mut lengths = vec![$( self.$field.len(), )*];
                lengths.extend(self.slots.iter().map(|s| s.len()));
                lengths
            }

            /// Traces the strong handles of one record.
            pub fn trace_record(&mut self, arena: ArenaId, index: u32, marks: &mut MarkState) {
                match arena {
                    $( arena_ids::$id => self.$field.get_mut(index).trace(marks), )*
                    _ => {
                        let class = (arena - arena_ids::SLOTS_BASE) as usize;
                        for value in self.slots[class].chunk_mut(index) {
                            value.trace(marks);
                        }
                    }
                }
            }

            /// Compacts every arena by the marks; returns the maps by [`ArenaId`].
            pub fn compact(&mut self, marks: &MarkState) -> Vec<CompactionMap> {
                let mut maps = vec![$( self.$field.compact(marks.bits(arena_ids::$id)), )*];
                for (k, class) in self.slots.iter_mut().enumerate() {
                    maps.push(class.compact(marks.bits(arena_ids::SLOTS_BASE + k as ArenaId)));
                }
                maps
            }

            /// Rewrites every handle (strong and weak) in every record.
            pub fn fix_up(&mut self, fixup: &mut Fixup) {
                $(
                    for record in self.$field.iter_mut() {
                        record.trace(fixup);
                        record.trace_weak(fixup);
                    }
                )*
                for class in &mut self.slots {
                    for value in class.all_mut() {
                        value.trace(fixup);
                    }
                }
            }

            /// Bytes reserved by all arenas (not counting owned payloads).
            pub fn reserved_bytes(&self) -> usize {
                0 $( + self.$field.reserved_bytes() )*
                    + self.slots.iter().map(|s| s.reserved_bytes()).sum::<usize>()
            }

            /// Bytes the records and slots in every arena take (arenas keep
            /// spare capacity between collections; see `keep_capacity`).
            pub fn used_bytes(&self) -> usize {
                0 $( + self.$field.used_bytes() )*
                    + self.slots.iter().map(|s| s.used_bytes()).sum::<usize>()
            }

            /// Record counts per arena, by name.
            pub fn record_counts(&self) -> Vec<(&'static str, usize)> {
                vec![$( (stringify!($field), self.$field.len()), )*]
            }
        }
    };
}

heap_arenas! {
    OBJECTS = 0 => objects: ObjectRecord,
    SHAPES = 1 => shapes: ShapeRecord,
    STRINGS = 2 => strings: StringRecord,
    SYMBOLS = 3 => symbols: SymbolRecord,
    NUMBERS = 4 => numbers: NumberRecord,
    BIGINTS = 5 => bigints: BigIntRecord,
    ELEMENTS = 6 => elements: ElementsRecord,
    FUNCTIONS = 7 => functions: ECMAScriptFunctionRecord,
    BUILTIN_FUNCTIONS = 8 => builtin_functions: BuiltinFunctionRecord,
    BOUND_FUNCTIONS = 9 => bound_functions: BoundFunctionRecord,
    ENVIRONMENTS = 10 => environments: EnvironmentRecord,
    CODE = 11 => code: CodeRecord,
    INTERNAL_VALUES = 12 => internal_values: InternalValueRecord,
    GENERATORS = 13 => generators: GeneratorRecord,
    WEAK_TABLES = 14 => weak_tables: WeakTableRecord,
    PARAMETER_MAPS = 15 => parameter_maps: ParameterMapRecord,
    ARRAY_ITERATORS = 16 => array_iterators: ArrayIteratorRecord,
    STRING_ITERATORS = 17 => string_iterators: StringIteratorRecord,
    PROXIES = 18 => proxies: ProxyRecord,
    ITERATOR_HELPERS = 19 => iterator_helpers: IteratorHelperRecord,
    MAP_DATA = 20 => map_data: MapDataRecord,
    MAP_CURSORS = 21 => map_cursors: MapCursorRecord,
    WEAK_REFS = 22 => weak_refs: WeakRefRecord,
    FINALIZATION_REGISTRIES = 23 => finalization_registries: FinalizationRegistryRecord,
    DATES = 24 => dates: DateRecord,
    REGEXPS = 25 => regexps: RegExpRecord,
    REGEXP_STRING_ITERATORS = 26 => regexp_string_iterators: RegExpStringIteratorRecord,
    ARRAY_BUFFERS = 27 => array_buffers: ArrayBufferRecord,
    TYPED_ARRAYS = 28 => typed_arrays: TypedArrayRecord,
    DATA_VIEWS = 29 => data_views: DataViewRecord,
    PROMISES = 30 => promises: PromiseRecord,
    PROMISE_CLOSURES = 31 => promise_closures: PromiseClosureRecord,
    ASYNC_GENERATORS = 32 => async_generators: AsyncGeneratorRecord,
    MODULES = 33 => modules: ModuleRecord,
}

impl Default for Heap {
    fn default() -> Self {
        Self::new()
    }
}

/// Bytes allocated before the first collection.
pub const INITIAL_GC_BUDGET: usize = 8 << 20;

/// Where an object's named property values live: a chunk of one size class.
///
/// Packed into 32 bits: the class in the top five bits and the chunk index in
/// the low 27; `EMPTY` means no storage.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct SlotsRef(u32);

impl SlotsRef {
    /// No slot storage.
    pub const EMPTY: SlotsRef = SlotsRef(u32::MAX);
    const INDEX_BITS: u32 = 27;
    const INDEX_MASK: u32 = (1 << Self::INDEX_BITS) - 1;

    /// A chunk of class `class`.
    pub fn new(class: usize, chunk: u32) -> SlotsRef {
        assert!(class < SLOT_CLASSES && chunk <= Self::INDEX_MASK);
        SlotsRef(((class as u32) << Self::INDEX_BITS) | chunk)
    }

    /// True if there is no storage.
    #[inline]
    pub fn is_empty(self) -> bool {
        self == Self::EMPTY
    }

    /// Size class.
    #[inline]
    pub fn class(self) -> usize {
        (self.0 >> Self::INDEX_BITS) as usize
    }

    /// Chunk index within the class.
    #[inline]
    pub fn chunk(self) -> u32 {
        self.0 & Self::INDEX_MASK
    }

    /// Number of values the chunk holds.
    #[inline]
    pub fn capacity(self) -> usize {
        if self.is_empty() {
            0
        } else {
            1 << self.class()
        }
    }

    /// Lets the collector mark or rewrite the chunk handle.
    pub fn visit(&mut self, visitor: &mut impl HandleVisitor) {
        if !self.is_empty() {
            let class = self.class();
            let mut chunk = self.chunk();
            visitor.visit(arena_ids::SLOTS_BASE + class as ArenaId, &mut chunk);
            *self = SlotsRef::new(class, chunk);
        }
    }
}

/// One value of slot storage, addressed directly: its size class and its
/// index in that class's flat vector. It stays valid only while the chunk
/// holding it neither moves nor is replaced (the global-name caches that keep
/// one re-check an epoch that such moves end).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FlatSlot {
    class: u32,
    index: u32,
}

impl SlotsRef {
    /// Value `slot` of this chunk as a [`FlatSlot`]; `None` for a slot past
    /// the chunk or an index that does not fit 32 bits.
    pub fn flat(self, slot: u32) -> Option<FlatSlot> {
        if self.is_empty() || slot as usize >= self.capacity() {
            return None;
        }
        let index = (self.chunk() as usize) * self.capacity() + slot as usize;
        Some(FlatSlot {
            class: self.class() as u32,
            index: u32::try_from(index).ok()?,
        })
    }
}

/// Smallest size class holding `n` values.
pub fn slot_class_for(n: usize) -> usize {
    n.next_power_of_two().trailing_zeros() as usize
}

impl Heap {
    /// Allocates slot storage for at least `n` values, filled with undefined.
    pub fn alloc_slots(&mut self, n: usize) -> SlotsRef {
        if n == 0 {
            return SlotsRef::EMPTY;
        }
        let class = slot_class_for(n);
        let class_store = &mut self.slots[class];
        let chunk = class_store.push_filled(Value::Undefined);
        self.allocated_since_gc += (1usize << class) * 8;
        SlotsRef::new(class, chunk)
    }

    /// The values of a slot chunk.
    #[inline]
    pub fn slots(&self, slots: SlotsRef) -> &[Value<'static>] {
        if slots.is_empty() {
            return &[];
        }
        self.slots[slots.class()].chunk(slots.chunk())
    }

    /// Value `slot` of a slot chunk (the chunk must have that many values).
    #[inline]
    pub fn slot_value(&self, slots: SlotsRef, slot: u32) -> Value<'static> {
        self.slots[slots.class()].element(slots.chunk(), slot as usize)
    }

    /// Value `slot` of a slot chunk, by reference.
    #[inline]
    pub fn slot_ref(&self, slots: SlotsRef, slot: u32) -> &Value<'static> {
        self.slots[slots.class()].element_ref(slots.chunk(), slot as usize)
    }

    /// The value at a flat slot address, by reference.
    #[inline]
    pub fn flat_slot_ref(&self, slot: FlatSlot) -> &Value<'static> {
        self.slots[slot.class as usize].flat_ref(slot.index as usize)
    }

    /// Overwrites the value at a flat slot address.
    #[inline]
    pub fn set_flat_slot(&mut self, slot: FlatSlot, value: Value<'static>) {
        self.slots[slot.class as usize].set_flat(slot.index as usize, value);
    }

    /// Overwrites value `slot` of a slot chunk.
    #[inline]
    pub fn set_slot_value(&mut self, slots: SlotsRef, slot: u32, value: Value<'static>) {
        self.slots[slots.class()].set_element(slots.chunk(), slot as usize, value);
    }

    /// The values of a slot chunk, mutably.
    #[inline]
    pub fn slots_mut(&mut self, slots: SlotsRef) -> &mut [Value<'static>] {
        if slots.is_empty() {
            return &mut [];
        }
        self.slots[slots.class()].chunk_mut(slots.chunk())
    }

    /// Copies every value of chunk `from` to the start of the larger chunk `to`.
    pub fn copy_slots(&mut self, from: SlotsRef, to: SlotsRef) {
        if from.is_empty() {
            return;
        }
        let (from_class, to_class) = (from.class(), to.class());
        debug_assert!(from_class < to_class, "slots only move to a larger class");
        // The classes differ, so the two chunks live in different stores.
        let (lower, upper) = self.slots.split_at_mut(to_class);
        let source = lower[from_class].chunk(from.chunk());
        upper[0].chunk_mut(to.chunk())[..source.len()].copy_from_slice(source);
    }
}
