//! ### [10.5 Proxy Object Internal Methods and Internal Slots](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots) and [28.2 Proxy Objects](https://tc39.es/ecma262/#sec-proxy-objects)
//!
//! The Proxy exotic object's internal methods (one file per method or pair of
//! methods), the abstract operations they share, and the `Proxy` constructor.
//! The object model's dispatch (`types/object/internal_methods.rs`) sends every
//! internal method of an object of kind `Proxy` here; each runs in a root scope
//! of its own, so the roots a trap call parks are dropped when it returns.

mod call;
mod constructor;
mod define_own_property;
mod delete;
mod extensible;
mod get;
mod get_own_property;
mod has_property;
mod own_property_keys;
mod prototype;
mod record;
mod set;

pub(crate) use call::{proxy_call, proxy_construct};
pub(crate) use define_own_property::proxy_define_own_property;
pub(crate) use delete::proxy_delete;
pub(crate) use extensible::{proxy_is_extensible, proxy_prevent_extensions};
pub(crate) use get::proxy_get;
pub(crate) use get_own_property::proxy_get_own_property;
pub(crate) use has_property::proxy_has_property;
pub(crate) use own_property_keys::proxy_own_property_keys;
pub(crate) use prototype::{proxy_get_prototype_of, proxy_set_prototype_of};
pub use record::{Proxy, ProxyRecord};
pub(crate) use set::proxy_set;

use crate::ecmascript::abstract_operations::{get_method, is_callable};
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Object, PropertyDescriptor, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable, Scoped};
use crate::heap::Arena;

/// Creates `%Proxy%` in the current realm.
pub(crate) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    constructor::initialize(agent, gc);
}

/// ### [10.5.14 ValidateNonRevokedProxy ( proxy )](https://tc39.es/ecma262/#sec-validatenonrevokedproxy)
///
/// Returns the proxy's `[[ProxyTarget]]` and `[[ProxyHandler]]` when it has
/// not been revoked.
pub(crate) fn validate_non_revoked_proxy<'gc>(
    agent: &mut Agent,
    proxy: Object,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, (Object<'gc>, Object<'gc>)> {
    let ObjectKind::Proxy { proxy: slots, .. } = proxy.kind(agent) else {
        return Err(agent.throw_type_error("Object is not a proxy", gc));
    };
    let record = agent.heap.proxies.get(slots.index());
    match (record.target, record.handler) {
        // 2. Assert: proxy.[[ProxyHandler]] is not null.
        // 3. Return unused.
        (Some(target), Some(handler)) => Ok((target.bind(gc), handler.bind(gc))),
        // 1. If proxy.[[ProxyTarget]] is null, throw a TypeError exception.
        _ => Err(agent.throw_type_error("Cannot perform operation on a revoked proxy", gc)),
    }
}

/// ### [10.5.15 ProxyCreate ( target, handler )](https://tc39.es/ecma262/#sec-proxycreate)
pub(crate) fn proxy_create<'gc>(
    agent: &mut Agent,
    target: Value,
    handler: Value,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    // 1. If target is not an Object, throw a TypeError exception.
    let Value::Object(target) = target else {
        return Err(agent.throw_type_error("Cannot create proxy with a non-object as target", gc));
    };
    // 2. If handler is not an Object, throw a TypeError exception.
    let Value::Object(handler) = handler else {
        return Err(agent.throw_type_error("Cannot create proxy with a non-object as handler", gc));
    };
    // 5. If IsCallable(target) is true, then
    //    a. Set P.[[Call]] as specified in 10.5.12.
    //    b. If IsConstructor(target) is true, then
    //       i. Set P.[[Construct]] as specified in 10.5.13.
    let callable = is_callable(agent, target.into());
    let constructor = callable && target.is_constructor(agent);
    // 6. Set P.[[ProxyTarget]] to target.
    // 7. Set P.[[ProxyHandler]] to handler.
    agent.heap.allocated_since_gc += Arena::<ProxyRecord>::RECORD_BYTES;
    let slots = Proxy::from_index(agent.heap.proxies.push(ProxyRecord {
        target: Some(target.unbind()),
        handler: Some(handler.unbind()),
    }));
    // 3. Let P be MakeBasicObject(« [[ProxyHandler]], [[ProxyTarget]] »).
    // 4. Set P's essential internal methods, except for [[Call]] and [[Construct]], to the
    //    definitions specified in 10.5.
    let kind = ObjectKind::Proxy {
        proxy: slots,
        callable,
        constructor,
    };
    // 8. Return P.
    Ok(agent.create_object(None, kind, gc))
}

/// GetMethod(handler, name) for a trap name: the trap, or `None` when the
/// handler has none.
fn get_trap<'gc>(
    agent: &mut Agent,
    handler: Object,
    name: &'static str,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Option<Value<'gc>>> {
    let key = agent.static_key(name);
    get_method(agent, handler.into(), key, gc)
}

/// A property descriptor whose values are parked on the scoped-root stack, so
/// that it survives the calls of an invariant check that may run JavaScript.
#[derive(Clone, Copy)]
struct ScopedDescriptor<'s> {
    value: Option<Scoped<'s, Value<'static>>>,
    get: Option<Scoped<'s, Value<'static>>>,
    set: Option<Scoped<'s, Value<'static>>>,
    writable: Option<bool>,
    enumerable: Option<bool>,
    configurable: Option<bool>,
}

impl<'s> ScopedDescriptor<'s> {
    /// Roots the values of `desc`.
    fn new(agent: &mut Agent, desc: PropertyDescriptor, gc: NoGcScope<'_, 's>) -> Self {
        ScopedDescriptor {
            value: desc.value.map(|v| v.scope(agent, gc)),
            get: desc.get.map(|v| v.scope(agent, gc)),
            set: desc.set.map(|v| v.scope(agent, gc)),
            writable: desc.writable,
            enumerable: desc.enumerable,
            configurable: desc.configurable,
        }
    }

    /// The descriptor with its current values (bind it before use).
    fn get(self, agent: &Agent) -> PropertyDescriptor<'static> {
        PropertyDescriptor {
            value: self.value.map(|v| v.get(agent)),
            get: self.get.map(|v| v.get(agent)),
            set: self.set.map(|v| v.get(agent)),
            writable: self.writable,
            enumerable: self.enumerable,
            configurable: self.configurable,
        }
    }
}
