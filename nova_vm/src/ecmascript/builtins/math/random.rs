//! ### [21.3.2.28 Math.random ( )](https://tc39.es/ecma262/#sec-math.random)
//!
//! Each realm keeps its own generator state (SplitMix64, seeded from the
//! process's random hashing keys and the clock), so the `Math.random` of
//! distinct realms produce distinct sequences.

use std::hash::{BuildHasher, Hasher};

use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::Value;
use crate::engine::GcScope;

/// A fresh, unpredictable generator state for a new realm.
pub(crate) fn random_seed() -> u64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    hasher.write_u128(nanos);
    hasher.finish()
}

/// Advances a SplitMix64 state and returns the next 64 random bits.
fn next_bits(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// ### [21.3.2.28 Math.random ( )](https://tc39.es/ecma262/#sec-math.random)
///
/// A Number with positive sign, at least +0𝔽 and below 1𝔽, chosen pseudo
/// randomly with approximately uniform distribution over that range.
pub(super) fn random<'gc>(
    agent: &mut Agent,
    _this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // The function's realm is the current realm while it runs.
    let realm = agent.current_realm_id();
    let bits = next_bits(&mut agent.realms[realm.0 as usize].math_random_state);
    // The top 53 bits, scaled into [0, 1): every value is exactly representable.
    let value = (bits >> 11) as f64 / (1u64 << 53) as f64;
    Ok(agent.number(value, gc.into_nogc()))
}

#[cfg(test)]
mod tests {
    use super::next_bits;

    #[test]
    fn generator_moves_on() {
        let mut state = 1;
        let a = next_bits(&mut state);
        let b = next_bits(&mut state);
        assert_ne!(a, b);
    }
}
