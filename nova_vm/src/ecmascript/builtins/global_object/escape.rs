//! ### [B.2.1 Additional Properties of the Global Object](https://tc39.es/ecma262/#sec-additional-properties-of-the-global-object): escape and unescape

use super::uri::{hex_digit_value, is_ascii_word_character};
use crate::ecmascript::abstract_operations::to_string;
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::Value;
use crate::engine::{Bindable, GcScope};

/// Uppercase hexadecimal digits.
const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// ### [B.2.1.1 escape ( string )](https://tc39.es/ecma262/#sec-escape-string)
pub(super) fn escape<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Set string to ? ToString(string).
    let string = to_string(agent, args.get(0), gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    let units = agent.string_utf16(string.bind(gc)).into_owned();
    // 2. Let len be the length of string.
    // 3. Let R be the empty String.
    let mut r: Vec<u16> = Vec::with_capacity(units.len());
    // 4. Let unescapedSet be the string-concatenation of the ASCII word characters and "@*+-./".
    let in_unescaped_set =
        |c: u16| is_ascii_word_character(c) || b"@*+-./".iter().any(|&u| u16::from(u) == c);
    // 5. Let k be 0.
    // 6. Repeat, while k < len,
    for &c in &units {
        // a. Let C be the code unit at index k within string.
        // b. If unescapedSet contains C, then
        if in_unescaped_set(c) {
            // i. Let S be C.
            r.push(c);
        } else {
            // c. Else,
            // i. Let n be the numeric value of C.
            let n = usize::from(c);
            // ii. If n < 256, then
            if n < 256 {
                // 1. Let hex be the String representation of n, formatted as an uppercase hexadecimal number.
                // 2. Let S be the string-concatenation of "%" and StringPad(hex, 2, "0", start).
                r.push(u16::from(b'%'));
                r.extend([n >> 4, n & 0xF].map(|d| u16::from(HEX[d])));
            } else {
                // iii. Else,
                // 1. Let hex be the String representation of n, formatted as an uppercase hexadecimal number.
                // 2. Let S be the string-concatenation of "%u" and StringPad(hex, 4, "0", start).
                r.push(u16::from(b'%'));
                r.push(u16::from(b'u'));
                r.extend(
                    [n >> 12, (n >> 8) & 0xF, (n >> 4) & 0xF, n & 0xF].map(|d| u16::from(HEX[d])),
                );
            }
        }
        // d. Set R to the string-concatenation of R and S.
        // e. Set k to k + 1.
    }
    // 7. Return R.
    Ok(agent.create_string_from_utf16(&r, gc).into_value())
}

/// ### [B.2.1.2 unescape ( string )](https://tc39.es/ecma262/#sec-unescape-string)
pub(super) fn unescape<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Set string to ? ToString(string).
    let string = to_string(agent, args.get(0), gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    let units = agent.string_utf16(string.bind(gc)).into_owned();
    // 2. Let len be the length of string.
    let len = units.len();
    // 3. Let R be the empty String.
    let mut r: Vec<u16> = Vec::with_capacity(len);
    // 4. Let k be 0.
    let mut k = 0;
    // 5. Repeat, while k < len,
    while k < len {
        // a. Let C be the code unit at index k within string.
        let mut c = units[k];
        // b. If C is the code unit 0x0025 (PERCENT SIGN), then
        if c == u16::from(b'%') {
            // i. Let hexDigits be the empty String.
            // ii. Let optionalAdvance be 0.
            // iii. If k + 5 < len and the code unit at index k + 1 within string is the code unit
            //      0x0075 (LATIN SMALL LETTER U), then
            //      1. Set hexDigits to the substring of string from k + 2 to k + 6.
            //      2. Set optionalAdvance to 5.
            // iv. Else if k + 3 ≤ len, then
            //      1. Set hexDigits to the substring of string from k + 1 to k + 3.
            //      2. Set optionalAdvance to 2.
            let (hex_digits, optional_advance) = if k + 5 < len && units[k + 1] == u16::from(b'u') {
                (&units[k + 2..k + 6], 5)
            } else if k + 3 <= len {
                (&units[k + 1..k + 3], 2)
            } else {
                (&units[0..0], 0)
            };
            // v. Let parseResult be ParseText(hexDigits, HexDigits[~Sep]).
            let parse_result = if hex_digits.is_empty() {
                None
            } else {
                hex_digits.iter().try_fold(0u16, |n, &d| {
                    hex_digit_value(d).map(|d| n * 16 + u16::from(d))
                })
            };
            // vi. If parseResult is a Parse Node, then
            if let Some(n) = parse_result {
                // 1. Let n be the MV of parseResult.
                // 2. Set C to the code unit whose numeric value is n.
                c = n;
                // 3. Set k to k + optionalAdvance.
                k += optional_advance;
            }
        }
        // c. Set R to the string-concatenation of R and C.
        r.push(c);
        // d. Set k to k + 1.
        k += 1;
    }
    // 6. Return R.
    Ok(agent.create_string_from_utf16(&r, gc).into_value())
}
