//! ### [10.5 Proxy Object Internal Methods and Internal Slots](https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots): the internal slots
//!
//! A Proxy exotic object is an object record of kind
//! [`ObjectKind::Proxy`](crate::ecmascript::types::object::ObjectKind::Proxy)
//! whose `[[ProxyTarget]]` and `[[ProxyHandler]]` live in a [`ProxyRecord`].
//! Whether it has `[[Call]]` and `[[Construct]]` is decided once, in
//! ProxyCreate, and kept in the object kind (it survives revocation).

use crate::ecmascript::execution::heap_layout::arena_ids;
use crate::ecmascript::types::Object;
use crate::ecmascript::types::handle::define_handle;
use crate::heap::{HandleVisitor, Trace};

define_handle!(
    /// Handle to a proxy's internal slots.
    Proxy,
    arena_ids::PROXIES
);

/// `[[ProxyTarget]]` and `[[ProxyHandler]]`; both become null (`None`) when
/// the proxy is revoked.
#[derive(Debug)]
pub struct ProxyRecord {
    /// `[[ProxyTarget]]`
    pub target: Option<Object<'static>>,
    /// `[[ProxyHandler]]`
    pub handler: Option<Object<'static>>,
}

impl Trace for ProxyRecord {
    fn trace(&mut self, visitor: &mut impl HandleVisitor) {
        self.target.trace(visitor);
        self.handler.trace(visitor);
    }
}
