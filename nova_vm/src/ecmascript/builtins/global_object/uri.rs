//! ### [19.2.6 URI Handling Functions](https://tc39.es/ecma262/#sec-uri-handling-functions)

use crate::ecmascript::abstract_operations::to_string;
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, ExceptionType, JsResult};
use crate::ecmascript::types::{JsString, Value};
use crate::engine::{Bindable, GcScope, NoGcScope};

/// The URI reserved characters and "#": what encodeURI leaves alone and
/// decodeURI keeps escaped.
const URI_RESERVED_AND_HASH: &[u16] = &[
    b';' as u16,
    b'/' as u16,
    b'?' as u16,
    b':' as u16,
    b'@' as u16,
    b'&' as u16,
    b'=' as u16,
    b'+' as u16,
    b'$' as u16,
    b',' as u16,
    b'#' as u16,
];

/// ### [19.2.6.1 decodeURI ( encodedURI )](https://tc39.es/ecma262/#sec-decodeuri-encodeduri)
pub(super) fn decode_uri<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let uriString be ? ToString(encodedURI).
    let uri_string = to_string(agent, args.get(0), gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    // 2. Let preserveEscapeSet be ";/?:@&=+$,#".
    // 3. Return ? Decode(uriString, preserveEscapeSet).
    decode(agent, uri_string.bind(gc), URI_RESERVED_AND_HASH, gc)
}

/// ### [19.2.6.2 decodeURIComponent ( encodedURIComponent )](https://tc39.es/ecma262/#sec-decodeuricomponent-encodeduricomponent)
pub(super) fn decode_uri_component<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let componentString be ? ToString(encodedURIComponent).
    let component_string = to_string(agent, args.get(0), gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    // 2. Let preserveEscapeSet be the empty String.
    // 3. Return ? Decode(componentString, preserveEscapeSet).
    decode(agent, component_string.bind(gc), &[], gc)
}

/// ### [19.2.6.3 encodeURI ( uri )](https://tc39.es/ecma262/#sec-encodeuri-uri)
pub(super) fn encode_uri<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let uriString be ? ToString(uri).
    let uri_string = to_string(agent, args.get(0), gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    // 2. Let extraUnescaped be ";/?:@&=+$,#".
    // 3. Return ? Encode(uriString, extraUnescaped).
    encode(agent, uri_string.bind(gc), URI_RESERVED_AND_HASH, gc)
}

/// ### [19.2.6.4 encodeURIComponent ( uriComponent )](https://tc39.es/ecma262/#sec-encodeuricomponent-uricomponent)
pub(super) fn encode_uri_component<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let componentString be ? ToString(uriComponent).
    let component_string = to_string(agent, args.get(0), gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    // 2. Let extraUnescaped be the empty String.
    // 3. Return ? Encode(componentString, extraUnescaped).
    encode(agent, component_string.bind(gc), &[], gc)
}

/// True for the ASCII word characters (letters, digits and "_").
pub(super) fn is_ascii_word_character(c: u16) -> bool {
    (c < 0x80 && (c as u8).is_ascii_alphanumeric()) || c == u16::from(b'_')
}

/// Appends "%" and two uppercase hexadecimal digits for `octet`.
fn push_percent_octet(result: &mut Vec<u16>, octet: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    result.push(u16::from(b'%'));
    result.push(u16::from(HEX[usize::from(octet >> 4)]));
    result.push(u16::from(HEX[usize::from(octet & 0xF)]));
}

/// ### [19.2.6.5 Encode ( string, extraUnescaped )](https://tc39.es/ecma262/#sec-encode)
fn encode<'gc>(
    agent: &mut Agent,
    string: JsString,
    extra_unescaped: &[u16],
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let units = agent.string_utf16(string).into_owned();
    // 1. Let len be the length of string.
    let len = units.len();
    // 2. Let R be the empty String.
    let mut r: Vec<u16> = Vec::with_capacity(len);
    // 3. Let alwaysUnescaped be the string-concatenation of the ASCII word characters and "-.!~*'()".
    // 4. Let unescapedSet be the string-concatenation of alwaysUnescaped and extraUnescaped.
    let in_unescaped_set = |c: u16| {
        is_ascii_word_character(c)
            || b"-.!~*'()".iter().any(|&u| u16::from(u) == c)
            || extra_unescaped.contains(&c)
    };
    // 5. Let k be 0.
    let mut k = 0;
    // 6. Repeat, while k < len,
    while k < len {
        // a. Let C be the code unit at index k within string.
        let c = units[k];
        // b. If unescapedSet contains C, then
        if in_unescaped_set(c) {
            // i. Set k to k + 1.
            k += 1;
            // ii. Set R to the string-concatenation of R and C.
            r.push(c);
        } else {
            // c. Else,
            // i. Let cp be CodePointAt(string, k).
            let (code_point, code_unit_count, unpaired_surrogate) = code_point_at(&units, k);
            // ii. If cp.[[IsUnpairedSurrogate]] is true, throw a URIError exception.
            if unpaired_surrogate {
                return Err(agent.throw_exception(
                    ExceptionType::UriError,
                    "URI malformed: lone surrogate",
                    gc,
                ));
            }
            // iii. Set k to k + cp.[[CodeUnitCount]].
            k += code_unit_count;
            // iv. Let Octets be the List of octets resulting by applying the UTF-8 transformation
            //     to cp.[[CodePoint]].
            let mut buffer = [0u8; 4];
            let octets = char::from_u32(code_point)
                .map_or(&[][..], |ch| ch.encode_utf8(&mut buffer).as_bytes());
            // v. For each element octet of Octets, do
            //    1. Let hex be the String representation of octet, formatted as an uppercase
            //       hexadecimal number.
            //    2. Set R to the string-concatenation of R, "%", and StringPad(hex, 2, "0", start).
            for &octet in octets {
                push_percent_octet(&mut r, octet);
            }
        }
    }
    // 7. Return R.
    Ok(agent.create_string_from_utf16(&r, gc).into_value())
}

/// ### [11.1.4 CodePointAt ( string, position )](https://tc39.es/ecma262/#sec-codepointat)
///
/// Returns `[[CodePoint]]`, `[[CodeUnitCount]]` and `[[IsUnpairedSurrogate]]`.
fn code_point_at(units: &[u16], position: usize) -> (u32, usize, bool) {
    // 1. Let size be the length of string.
    // 2. Assert: position ≥ 0 and position < size.
    // 3. Let first be the code unit at index position within string.
    let first = units[position];
    // 4. Let cp be the code point whose numeric value is the numeric value of first.
    let cp = u32::from(first);
    // 5. If first is neither a leading surrogate nor a trailing surrogate, then
    //    a. Return the Record { [[CodePoint]]: cp, [[CodeUnitCount]]: 1, [[IsUnpairedSurrogate]]: false }.
    if !(0xD800..=0xDFFF).contains(&first) {
        return (cp, 1, false);
    }
    // 6. If first is a trailing surrogate or position + 1 = size, then
    //    a. Return the Record { [[CodePoint]]: cp, [[CodeUnitCount]]: 1, [[IsUnpairedSurrogate]]: true }.
    if first >= 0xDC00 || position + 1 == units.len() {
        return (cp, 1, true);
    }
    // 7. Let second be the code unit at index position + 1 within string.
    let second = units[position + 1];
    // 8. If second is not a trailing surrogate, then
    //    a. Return the Record { [[CodePoint]]: cp, [[CodeUnitCount]]: 1, [[IsUnpairedSurrogate]]: true }.
    if !(0xDC00..=0xDFFF).contains(&second) {
        return (cp, 1, true);
    }
    // 9. Set cp to UTF16SurrogatePairToCodePoint(first, second).
    let cp = 0x10000 + ((u32::from(first) - 0xD800) << 10) + (u32::from(second) - 0xDC00);
    // 10. Return the Record { [[CodePoint]]: cp, [[CodeUnitCount]]: 2, [[IsUnpairedSurrogate]]: false }.
    (cp, 2, false)
}

/// ### [19.2.6.7 ParseHexOctet ( string, position )](https://tc39.es/ecma262/#sec-parsehexoctet)
///
/// None stands for the List of SyntaxErrors (the two code units are not hex digits).
fn parse_hex_octet(units: &[u16], position: usize) -> Option<u8> {
    // 1-3. Let hexDigits be the substring of string from position to position + 2.
    // 4. Let parseResult be ParseText(hexDigits, HexDigits[~Sep]).
    // 5. If parseResult is not a Parse Node, return parseResult.
    // 6. Let n be the MV of parseResult.
    // 7. Return n.
    let high = hex_digit_value(*units.get(position)?)?;
    let low = hex_digit_value(*units.get(position + 1)?)?;
    Some(high * 16 + low)
}

/// The value of a hexadecimal digit code unit.
pub(super) fn hex_digit_value(c: u16) -> Option<u8> {
    char::from_u32(u32::from(c))
        .and_then(|ch| ch.to_digit(16))
        .map(|d| d as u8)
}

/// ### [19.2.6.6 Decode ( string, preserveEscapeSet )](https://tc39.es/ecma262/#sec-decode)
fn decode<'gc>(
    agent: &mut Agent,
    string: JsString,
    preserve_escape_set: &[u16],
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let units = agent.string_utf16(string).into_owned();
    let malformed =
        |agent: &mut Agent| agent.throw_exception(ExceptionType::UriError, "URI malformed", gc);
    // 1. Let len be the length of string.
    let len = units.len();
    // 2. Let R be the empty String.
    let mut r: Vec<u16> = Vec::with_capacity(len);
    // 3. Let k be 0.
    let mut k = 0;
    // 4. Repeat, while k < len,
    while k < len {
        // a. Let C be the code unit at index k within string.
        let c = units[k];
        // b. Let S be C.
        // c. If C is the code unit 0x0025 (PERCENT SIGN), then
        if c == u16::from(b'%') {
            // i. If k + 3 > len, throw a URIError exception.
            if k + 3 > len {
                return Err(malformed(agent));
            }
            // ii. Let escape be the substring of string from k to k + 3.
            let escape = k..k + 3;
            // iii. Let B be ParseHexOctet(string, k + 1).
            // iv. If B is not an integer, throw a URIError exception.
            let Some(b) = parse_hex_octet(&units, k + 1) else {
                return Err(malformed(agent));
            };
            // v. Set k to k + 2.
            k += 2;
            // vi. Let n be the number of leading 1 bits in B.
            let n = b.leading_ones() as usize;
            // vii. If n = 0, then
            if n == 0 {
                // 1. Let asciiChar be the code unit whose numeric value is B.
                let ascii_char = u16::from(b);
                // 2. If preserveEscapeSet contains asciiChar, set S to escape. Otherwise, set S to asciiChar.
                if preserve_escape_set.contains(&ascii_char) {
                    r.extend_from_slice(&units[escape]);
                } else {
                    r.push(ascii_char);
                }
            } else {
                // viii. Else,
                // 1. If n = 1 or n > 4, throw a URIError exception.
                if n == 1 || n > 4 {
                    return Err(malformed(agent));
                }
                // 2. Let Octets be « B ».
                let mut octets = vec![b];
                // 3. Let j be 1.
                // 4. Repeat, while j < n,
                for _ in 1..n {
                    // a. Set k to k + 1.
                    k += 1;
                    // b. If k + 3 > len, throw a URIError exception.
                    if k + 3 > len {
                        return Err(malformed(agent));
                    }
                    // c. If the code unit at index k within string is not the code unit 0x0025
                    //    (PERCENT SIGN), throw a URIError exception.
                    if units[k] != u16::from(b'%') {
                        return Err(malformed(agent));
                    }
                    // d. Let continuationByte be ParseHexOctet(string, k + 1).
                    // e. If continuationByte is not an integer, throw a URIError exception.
                    let Some(continuation_byte) = parse_hex_octet(&units, k + 1) else {
                        return Err(malformed(agent));
                    };
                    // f. Append continuationByte to Octets.
                    octets.push(continuation_byte);
                    // g. Set k to k + 2.
                    k += 2;
                    // h. Set j to j + 1.
                }
                // 5. Assert: The length of Octets is n.
                // 6. If Octets does not contain a valid UTF-8 encoding of a Unicode code point,
                //    throw a URIError exception.
                // 7. Let V be the code point obtained by applying the UTF-8 transformation to
                //    Octets, that is, from a List of octets into a 21-bit value.
                let Some(v) = std::str::from_utf8(&octets)
                    .ok()
                    .and_then(|text| text.chars().next())
                else {
                    return Err(malformed(agent));
                };
                // 8. Set S to UTF16EncodeCodePoint(V).
                let mut buffer = [0u16; 2];
                r.extend_from_slice(v.encode_utf16(&mut buffer));
            }
        } else {
            r.push(c);
        }
        // d. Set R to the string-concatenation of R and S.
        // e. Set k to k + 1.
        k += 1;
    }
    // 5. Return R.
    Ok(agent.create_string_from_utf16(&r, gc).into_value())
}
