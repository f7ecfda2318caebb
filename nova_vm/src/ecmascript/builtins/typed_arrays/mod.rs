//! ### [25.1 ArrayBuffer Objects](https://tc39.es/ecma262/#sec-arraybuffer-objects), [25.2 SharedArrayBuffer Objects](https://tc39.es/ecma262/#sec-sharedarraybuffer-objects), [23.2 TypedArray Objects](https://tc39.es/ecma262/#sec-typedarray-objects) and [25.3 DataView Objects](https://tc39.es/ecma262/#sec-dataview-objects)
//!
//! A buffer object's kind points at an [`ArrayBufferRecord`] that holds its
//! bytes (a [`DataBlock`]: an ArrayBuffer owns a `Vec<u8>`, a
//! SharedArrayBuffer refers to a [`SharedDataBlock`] that other agents on
//! other threads may hold too); typed arrays and data views point at small records
//! naming the buffer object and the window they view. `element_types` holds
//! the element conversions (including Float16), `array_buffer` and
//! `shared_array_buffer` the buffer built-ins, `typed_array/` the
//! %TypedArray% intrinsic, its constructors, prototype and exotic internal
//! methods, `uint8_base64` the base64 and hex methods of Uint8Array,
//! `data_view` the DataView built-ins, `atomics` the Atomics object and
//! `atomics_wait` its waiting and notification; `waiter_list` holds the
//! WaiterLists of shared blocks and `async_waits` an agent's pending
//! `Atomics.waitAsync` promises.

pub(crate) mod array_buffer;
pub(crate) mod async_waits;
mod atomics;
mod atomics_wait;
mod data_block;
mod data_view;
pub(crate) mod element_types;
pub(crate) mod shared_array_buffer;
mod shared_data_block;
pub(crate) mod typed_array;
mod uint8_base64;
pub(crate) mod waiter_list;

pub use data_block::DataBlock;
pub use element_types::ElementType;
pub use shared_data_block::{GrowError, SharedDataBlock};

use crate::ecmascript::execution::Agent;
use crate::ecmascript::execution::heap_layout::arena_ids;
use crate::ecmascript::types::handle::define_handle;
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Object, Value};
use crate::engine::NoGcScope;
use crate::heap::{HandleVisitor, Trace};

define_handle!(
    /// Handle to the internal slots of an ArrayBuffer or SharedArrayBuffer.
    ArrayBuffer,
    arena_ids::ARRAY_BUFFERS
);

define_handle!(
    /// Handle to the internal slots of a TypedArray.
    TypedArray,
    arena_ids::TYPED_ARRAYS
);

define_handle!(
    /// Handle to the internal slots of a DataView.
    DataView,
    arena_ids::DATA_VIEWS
);

/// The internal slots of an ArrayBuffer or a SharedArrayBuffer.
#[derive(Debug)]
pub struct ArrayBufferRecord {
    /// `[[ArrayBufferData]]` (and `[[ArrayBufferByteLengthData]]` of a shared
    /// block): its length is `[[ArrayBufferByteLength]]`.
    pub data: DataBlock,
    /// True once the buffer is detached (`[[ArrayBufferData]]` is null).
    pub detached: bool,
    /// `[[ArrayBufferMaxByteLength]]`: present for resizable (or growable) buffers.
    pub max_byte_length: Option<usize>,
    /// True for a SharedArrayBuffer.
    pub shared: bool,
    /// `[[ArrayBufferDetachKey]]` (undefined for every buffer this engine makes).
    pub detach_key: Value<'static>,
}

impl Trace for ArrayBufferRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.detach_key.trace(visitor);
    }
}

/// The internal slots of a TypedArray (`[[ViewedArrayBuffer]]`,
/// `[[TypedArrayName]]`/`[[ContentType]]`, `[[ByteOffset]]`, `[[ArrayLength]]`).
/// `[[ByteLength]]` follows from the length and the element size.
#[derive(Clone, Copy, Debug)]
pub struct TypedArrayRecord {
    /// `[[ViewedArrayBuffer]]`: the buffer object.
    pub buffer: Object<'static>,
    /// The element type (names `[[TypedArrayName]]` and `[[ContentType]]`).
    pub element_type: ElementType,
    /// `[[ByteOffset]]`.
    pub byte_offset: usize,
    /// `[[ArrayLength]]`; `None` is auto (a length-tracking view).
    pub array_length: Option<usize>,
}

impl Trace for TypedArrayRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.buffer.visit(visitor);
    }
}

/// The internal slots of a DataView.
#[derive(Clone, Copy, Debug)]
pub struct DataViewRecord {
    /// `[[ViewedArrayBuffer]]`: the buffer object.
    pub buffer: Object<'static>,
    /// `[[ByteOffset]]`.
    pub byte_offset: usize,
    /// `[[ByteLength]]`; `None` is auto (a length-tracking view).
    pub byte_length: Option<usize>,
}

impl Trace for DataViewRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.buffer.visit(visitor);
    }
}

/// Creates ArrayBuffer, SharedArrayBuffer, %TypedArray% and the eleven
/// concrete TypedArray constructors, DataView and Atomics in the current realm.
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    array_buffer::initialize(agent, gc);
    shared_array_buffer::initialize(agent, gc);
    typed_array::initialize(agent, gc);
    uint8_base64::initialize(agent, gc);
    data_view::initialize(agent, gc);
    atomics::initialize(agent, gc);
}

impl Agent {
    /// The buffer record of an ArrayBuffer or SharedArrayBuffer object.
    #[inline]
    pub(crate) fn buffer_record(&self, buffer: Object) -> &ArrayBufferRecord {
        match buffer.kind(self) {
            ObjectKind::ArrayBuffer(b) => self.heap.array_buffers.get(b.index()),
            _ => unreachable!("not an ArrayBuffer"),
        }
    }

    /// The buffer record of an ArrayBuffer or SharedArrayBuffer object, mutably.
    #[inline]
    pub(crate) fn buffer_record_mut(&mut self, buffer: Object) -> &mut ArrayBufferRecord {
        match buffer.kind(self) {
            ObjectKind::ArrayBuffer(b) => self.heap.array_buffers.get_mut(b.index()),
            _ => unreachable!("not an ArrayBuffer"),
        }
    }

    /// The internal slots of a TypedArray object.
    #[inline]
    pub(crate) fn typed_array_record(&self, ta: TypedArray) -> TypedArrayRecord {
        *self.heap.typed_arrays.get(ta.index())
    }

    /// The internal slots of a DataView object.
    #[inline]
    pub(crate) fn data_view_record(&self, dv: DataView) -> DataViewRecord {
        *self.heap.data_views.get(dv.index())
    }
}
