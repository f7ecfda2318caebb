//! ### [24 Keyed Collections](https://tc39.es/ecma262/#sec-keyed-collections): Map, Set, WeakMap and WeakSet.

mod collection_iterators;
mod collection_ops;
mod map;
mod map_data;
mod map_data_gc;
mod map_prototype;
mod set;
mod set_methods;
mod set_prototype;
mod upsert;
mod weak_map;
mod weak_record;
mod weak_set;

pub use map_data::{IterationKind, KeyContext, MapCursor, MapCursorRecord, MapData, MapDataRecord};
pub use weak_record::{WeakTable, WeakTableRecord, is_live};

use crate::ecmascript::execution::Agent;
use crate::ecmascript::types::Value;
use crate::engine::NoGcScope;

/// Creates Map, Set, WeakMap, WeakSet and the Map and Set iterator prototypes
/// in the current realm.
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    collection_iterators::initialize(agent, gc);
    map::initialize(agent, gc);
    set::initialize(agent, gc);
    weak_map::initialize(agent, gc);
    weak_set::initialize(agent, gc);
}

/// ### [9.13 CanBeHeldWeakly ( v )](https://tc39.es/ecma262/#sec-canbeheldweakly)
pub(crate) fn can_be_held_weakly(agent: &Agent, v: Value) -> bool {
    match v {
        // 1. If v is an Object, return true.
        Value::Object(_) => true,
        // 2. If v is a Symbol and KeyForSymbol(v) is undefined, return true.
        Value::Symbol(s) => !agent.heap.symbols.get(s.index()).registered,
        // 3. Return false.
        _ => false,
    }
}
