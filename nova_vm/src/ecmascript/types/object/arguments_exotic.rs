//! ### [10.4.4 Arguments Exotic Objects](https://tc39.es/ecma262/#sec-arguments-exotic-objects)
//!
//! A mapped arguments object (sloppy functions with simple parameter lists)
//! aliases its first elements to the function's parameters: the parameters
//! live in slots of the function's environment, and `[[ParameterMap]]` says
//! which slot each mapped index reads and writes.

use super::ObjectKind;
use crate::ecmascript::execution::heap_layout::arena_ids;
use crate::ecmascript::execution::{Agent, Environment};
use crate::ecmascript::types::handle::define_handle;
use crate::ecmascript::types::{Object, PropertyDescriptor, PropertyKey};
use crate::engine::{Bindable, NoGcScope};
use crate::heap::{HandleVisitor, Trace};

define_handle!(
    /// Handle to a mapped arguments object's `[[ParameterMap]]`.
    ParameterMap,
    arena_ids::PARAMETER_MAPS
);

/// `[[ParameterMap]]`: index → environment slot of the parameter it aliases.
#[derive(Debug)]
pub struct ParameterMapRecord {
    /// The function environment holding the parameters.
    pub env: Environment<'static>,
    /// For each index: the slot it is mapped to, if still mapped.
    pub slots: Vec<Option<u32>>,
}

impl Trace for ParameterMapRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.env.visit(visitor);
    }
}

impl Object<'_> {
    /// The parameter slot `key` is mapped to, if this is a mapped arguments object.
    fn mapped_slot(self, agent: &Agent, key: PropertyKey) -> Option<(Environment<'static>, u32)> {
        let (ObjectKind::MappedArguments(map), PropertyKey::Index(index)) = (self.kind(agent), key)
        else {
            return None;
        };
        let record = agent.heap.parameter_maps.get(map.index());
        let slot = record.slots.get(index as usize).copied().flatten()?;
        Some((record.env, slot))
    }

    /// Removes `key` from the parameter map.
    fn unmap(self, agent: &mut Agent, key: PropertyKey) {
        if let (ObjectKind::MappedArguments(map), PropertyKey::Index(index)) =
            (self.kind(agent), key)
            && let Some(slot) = agent
                .heap
                .parameter_maps
                .get_mut(map.index())
                .slots
                .get_mut(index as usize)
        {
            *slot = None;
        }
    }

    /// ### [10.4.4.1 [[GetOwnProperty]] ( P )](https://tc39.es/ecma262/#sec-arguments-exotic-objects-getownproperty-p)
    pub(crate) fn arguments_get_own_property<'gc>(
        self,
        agent: &mut Agent,
        key: PropertyKey,
        gc: NoGcScope<'gc, '_>,
    ) -> Option<PropertyDescriptor<'gc>> {
        // 1. Let desc be OrdinaryGetOwnProperty(args, P).
        // 2. If desc is undefined, return undefined.
        let mut desc = self.ordinary_get_own_property(agent, key, gc)?;
        // 3. Let map be args.[[ParameterMap]].
        // 4. Let isMapped be ! HasOwnProperty(map, P).
        // 5. If isMapped is true, then
        if let Some((env, slot)) = self.mapped_slot(agent, key) {
            // a. Set desc.[[Value]] to ! Get(map, P).
            desc.value =
                Some(agent.heap.environments.get(env.index()).slots[slot as usize].bind(gc));
        }
        // 6. Return desc.
        Some(desc)
    }

    /// ### [10.4.4.2 [[DefineOwnProperty]] ( P, Desc )](https://tc39.es/ecma262/#sec-arguments-exotic-objects-defineownproperty-p-desc)
    pub(crate) fn arguments_define_own_property(
        self,
        agent: &mut Agent,
        key: PropertyKey,
        desc: PropertyDescriptor,
        gc: NoGcScope,
    ) -> bool {
        // 1. Let map be args.[[ParameterMap]].
        // 2. Let isMapped be ! HasOwnProperty(map, P).
        let mapped = self.mapped_slot(agent, key);
        // 3. Let newArgDesc be Desc.
        let mut new_arg_desc = desc;
        // 4. If isMapped is true and IsDataDescriptor(Desc) is true, then
        if let Some((env, slot)) = mapped
            && desc.is_data_descriptor()
            && desc.value.is_none()
            && desc.writable == Some(false)
        {
            // a. If Desc does not have a [[Value]] field, Desc has a [[Writable]] field,
            //    and Desc.[[Writable]] is false, then
            //    i. Set newArgDesc to a copy of Desc.
            //    ii. Set newArgDesc.[[Value]] to ! Get(map, P).
            new_arg_desc.value =
                Some(agent.heap.environments.get(env.index()).slots[slot as usize]);
        }
        // 5. Let allowed be ! OrdinaryDefineOwnProperty(args, P, newArgDesc).
        // 6. If allowed is false, return false.
        if !self.ordinary_define_own_property(agent, key, new_arg_desc, gc) {
            return false;
        }
        // 7. If isMapped is true, then
        if let Some((env, slot)) = mapped {
            if desc.is_accessor_descriptor() {
                // a. If IsAccessorDescriptor(Desc) is true, then i. Perform ! map.[[Delete]](P).
                self.unmap(agent, key);
            } else {
                // b. Else,
                // i. If Desc has a [[Value]] field, then: Perform ! Set(map, P, Desc.[[Value]], false).
                if let Some(value) = desc.value {
                    agent.heap.environments.get_mut(env.index()).slots[slot as usize] =
                        value.unbind();
                }
                // ii. If Desc has a [[Writable]] field and Desc.[[Writable]] is false, then
                //     Perform ! map.[[Delete]](P).
                if desc.writable == Some(false) {
                    self.unmap(agent, key);
                }
            }
        }
        // 8. Return true.
        true
    }

    /// ### [10.4.4.5 [[Delete]] ( P )](https://tc39.es/ecma262/#sec-arguments-exotic-objects-delete-p)
    pub(crate) fn arguments_delete(
        self,
        agent: &mut Agent,
        key: PropertyKey,
        gc: NoGcScope,
    ) -> bool {
        // 2. Let isMapped be ! HasOwnProperty(map, P).
        let mapped = self.mapped_slot(agent, key).is_some();
        // 3. Let result be ? OrdinaryDelete(args, P).
        let result = self.ordinary_delete(agent, key, gc);
        // 4. If result is true and isMapped is true, then a. Perform ! map.[[Delete]](P).
        if result && mapped {
            self.unmap(agent, key);
        }
        // 5. Return result.
        result
    }
}

/// Creates the `[[ParameterMap]]` of a new mapped arguments object.
pub(crate) fn create_parameter_map(
    agent: &mut Agent,
    env: Environment,
    slots: Vec<Option<u32>>,
) -> ParameterMap<'static> {
    agent.heap.allocated_since_gc += std::mem::size_of::<ParameterMapRecord>() + slots.len() * 8;
    ParameterMap::from_index(agent.heap.parameter_maps.push(ParameterMapRecord {
        env: env.unbind(),
        slots,
    }))
}
