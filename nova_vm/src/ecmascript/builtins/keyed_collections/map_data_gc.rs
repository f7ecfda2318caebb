//! What the collector does to Map and Set entries: drop tombstones while
//! moving every live cursor along, and rehash keys whose handles moved.

use ahash::AHashMap;

use super::map_data::KeyContext;
use crate::ecmascript::execution::heap_layout::{Heap, arena_ids};
use crate::heap::MarkState;

impl Heap {
    /// Drops the ~empty~ entries of every live Map and Set. A cursor (an
    /// iterator, or the loop of a built-in) keeps pointing at the same entry:
    /// its index becomes the number of live entries before it.
    ///
    /// Runs after marking, before the arenas are compacted.
    pub(crate) fn drop_map_tombstones(&mut self, marks: &MarkState) {
        // The live cursors of each table that has tombstones.
        let mut cursors: AHashMap<u32, Vec<u32>> = AHashMap::default();
        for (index, cursor) in self.map_cursors.iter() {
            if !marks.is_marked(arena_ids::MAP_CURSORS, index) {
                continue;
            }
            if let Some(data) = cursor.data
                && self.map_data.get(data.index()).has_tombstones()
            {
                cursors.entry(data.index()).or_default().push(index);
            }
        }
        for index in 0..self.map_data.len() as u32 {
            if !marks.is_marked(arena_ids::MAP_DATA, index) {
                continue;
            }
            let record = self.map_data.get_mut(index);
            if !record.has_tombstones() {
                continue;
            }
            if let Some(cursors) = cursors.get(&index) {
                let positions = record.compaction_positions();
                for &cursor in cursors {
                    let cursor = self.map_cursors.get_mut(cursor);
                    let old = (cursor.position as usize).min(positions.len() - 1);
                    cursor.position = positions[old];
                }
            }
            record.drop_tombstones();
        }
    }

    /// Recomputes the hashes of object and symbol keys after compaction
    /// changed their handles.
    pub(crate) fn rehash_map_keys(&mut self) {
        let ctx = KeyContext {
            strings: &self.strings,
            numbers: &self.numbers,
            bigints: &self.bigints,
            state: &self.string_hasher,
        };
        for record in self.map_data.iter_mut() {
            record.rehash_identity_keys(&ctx);
        }
    }
}
