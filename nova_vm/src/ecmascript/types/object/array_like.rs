//! The values of an array-like object read straight from its elements, for
//! [7.3.20 CreateListFromArrayLike](https://tc39.es/ecma262/#sec-createlistfromarraylike)
//! (`Function.prototype.apply`, `Reflect.apply`, ...) when no step of the
//! full operation could run code or tell the difference.

use super::ObjectKind;
use crate::ecmascript::execution::Agent;
use crate::ecmascript::types::{Object, PropertyKey, Value};

impl Object<'_> {
    /// The list CreateListFromArrayLike would build from this object, when
    /// it can be read without any [[Get]]: an array, or an arguments object
    /// whose `length` is an own data property holding a non-negative
    /// integer, with every index below the length a dense element (so no
    /// getter runs and no prototype is consulted). A mapped arguments
    /// object's mapped indexes read the parameters they alias. `None` when
    /// the full steps must run.
    pub(crate) fn dense_array_like_values(self, agent: &Agent) -> Option<Vec<Value<'static>>> {
        let record = self.record(agent);
        // 3. Let len be ? LengthOfArrayLike(obj).
        let length = match record.kind {
            ObjectKind::Array => self.elements(agent).map_or(0, |e| e.length),
            ObjectKind::Arguments | ObjectKind::MappedArguments(_) => {
                let key = PropertyKey::from_static_str("length").expect("short key");
                let entry = self.find_named(agent, key)?;
                if entry.attributes.is_accessor() {
                    return None;
                }
                let Value::Integer(length) = self.slot(agent, entry.slot) else {
                    return None;
                };
                u32::try_from(length).ok()?
            }
            _ => return None,
        };
        if length == 0 {
            return Some(Vec::new());
        }
        // 6. For each index: b. Let next be ? Get(obj, indexName): a dense
        // element is an own data property, found before any prototype.
        let elements = self.elements(agent)?;
        if elements.dense.len() < length as usize || elements.dense_attributes.is_accessor() {
            return None;
        }
        let mut values: Vec<Value<'static>> = elements.dense[..length as usize]
            .iter()
            .copied()
            .collect::<Option<_>>()?;
        // A mapped index reads the parameter it aliases (10.4.4.1 step 5.a).
        if let ObjectKind::MappedArguments(map) = record.kind {
            let map = agent.heap.parameter_maps.get(map.index());
            let environment = agent.heap.environments.get(map.env.index());
            for (value, slot) in values.iter_mut().zip(&map.slots) {
                if let Some(slot) = slot {
                    *value = environment.slots[*slot as usize];
                }
            }
        }
        Some(values)
    }
}
