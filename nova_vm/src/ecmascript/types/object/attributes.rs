//! Property attributes packed into one byte.

/// The attributes of a stored property: `[[Writable]]` (data properties only),
/// `[[Enumerable]]`, `[[Configurable]]`, and whether it is an accessor.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Attributes(u8);

impl Attributes {
    const WRITABLE: u8 = 1;
    const ENUMERABLE: u8 = 2;
    const CONFIGURABLE: u8 = 4;
    const ACCESSOR: u8 = 8;

    /// Writable, enumerable, configurable data property (what assignment creates).
    pub const DEFAULT: Attributes =
        Attributes(Self::WRITABLE | Self::ENUMERABLE | Self::CONFIGURABLE);
    /// Writable, non-enumerable, configurable data property (built-in methods).
    pub const BUILTIN: Attributes = Attributes(Self::WRITABLE | Self::CONFIGURABLE);
    /// Non-writable, non-enumerable, configurable (function `name`/`length`).
    pub const READONLY_CONFIGURABLE: Attributes = Attributes(Self::CONFIGURABLE);
    /// Non-writable, non-enumerable, non-configurable (constants like `Math.PI`).
    pub const FROZEN_HIDDEN: Attributes = Attributes(0);

    /// A data property with the given flags.
    pub const fn data(writable: bool, enumerable: bool, configurable: bool) -> Attributes {
        Attributes(
            ((writable as u8) * Self::WRITABLE)
                | ((enumerable as u8) * Self::ENUMERABLE)
                | ((configurable as u8) * Self::CONFIGURABLE),
        )
    }

    /// An accessor property with the given flags.
    pub const fn accessor(enumerable: bool, configurable: bool) -> Attributes {
        Attributes(
            Self::ACCESSOR
                | ((enumerable as u8) * Self::ENUMERABLE)
                | ((configurable as u8) * Self::CONFIGURABLE),
        )
    }

    /// `[[Writable]]` (false for accessors).
    #[inline]
    pub fn writable(self) -> bool {
        self.0 & Self::WRITABLE != 0
    }

    /// `[[Enumerable]]`
    #[inline]
    pub fn enumerable(self) -> bool {
        self.0 & Self::ENUMERABLE != 0
    }

    /// `[[Configurable]]`
    #[inline]
    pub fn configurable(self) -> bool {
        self.0 & Self::CONFIGURABLE != 0
    }

    /// True for accessor properties (two slots: getter, setter).
    #[inline]
    pub fn is_accessor(self) -> bool {
        self.0 & Self::ACCESSOR != 0
    }

    /// Number of value slots the property occupies.
    #[inline]
    pub fn slot_count(self) -> u32 {
        if self.is_accessor() { 2 } else { 1 }
    }

    /// The same attributes with `[[Writable]]` and `[[Configurable]]` cleared
    /// (what `Object.freeze` leaves).
    pub fn frozen(self) -> Attributes {
        if self.is_accessor() {
            Attributes(self.0 & !Self::CONFIGURABLE)
        } else {
            Attributes(self.0 & !(Self::CONFIGURABLE | Self::WRITABLE))
        }
    }

    /// The same attributes with `[[Configurable]]` cleared (what `Object.seal` leaves).
    pub fn sealed(self) -> Attributes {
        Attributes(self.0 & !Self::CONFIGURABLE)
    }
}
