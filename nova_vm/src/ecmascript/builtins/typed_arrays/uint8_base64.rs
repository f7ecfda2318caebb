//! ### [23.3 Uint8Array base64 and hex](https://tc39.es/ecma262/#sec-uint8array-objects)
//!
//! `Uint8Array.fromBase64`, `Uint8Array.fromHex` and the prototype's
//! `setFromBase64`, `setFromHex`, `toBase64` and `toHex`, with the decoding
//! operations FromBase64 and FromHex. Only ASCII can be valid input, so the
//! decoders walk the string's UTF-8 bytes: any other byte is an error.

use super::typed_array::{typed_array_length, typed_array_of};
use super::{ElementType, TypedArrayRecord};
use crate::ecmascript::abstract_operations::{get, to_boolean};
use crate::ecmascript::builtins::function_objects::RegularFn;
use crate::ecmascript::builtins::{ArgumentsList, BuiltinName};
use crate::ecmascript::execution::{Agent, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ObjectKind};
use crate::ecmascript::types::{Object, Value};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable};

pub(super) fn initialize(agent: &mut Agent, gc: NoGcScope) {
    let constructor = agent.intrinsic(Intrinsic::Uint8Array);
    let prototype = agent.intrinsic(Intrinsic::Uint8ArrayPrototype);
    let statics: [(&str, RegularFn); 2] = [("fromBase64", from_base64), ("fromHex", from_hex)];
    for (name, behaviour) in statics {
        agent.define_builtin_method(constructor, BuiltinName::Str(name), 1, behaviour, gc);
    }
    let methods: [(&str, u32, RegularFn); 4] = [
        ("setFromBase64", 1, set_from_base64),
        ("setFromHex", 1, set_from_hex),
        ("toBase64", 0, to_base64),
        ("toHex", 0, to_hex),
    ];
    for (name, length, behaviour) in methods {
        agent.define_builtin_method(prototype, BuiltinName::Str(name), length, behaviour, gc);
    }
}

/// The `lastChunkHandling` option.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LastChunkHandling {
    Loose,
    Strict,
    StopBeforePartial,
}

/// The result of FromBase64 and FromHex: `[[Read]]`, `[[Bytes]]` and whether
/// `[[Error]]` is a SyntaxError.
struct Decoded {
    read: usize,
    bytes: Vec<u8>,
    error: bool,
}

/// ### [GetOptionsObject ( options )](https://tc39.es/ecma262/#sec-getoptionsobject)
fn get_options_object<'gc>(
    agent: &mut Agent,
    options: Value,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Option<Object<'gc>>> {
    match options {
        // 1. If options is undefined, return OrdinaryObjectCreate(null).
        Value::Undefined => Ok(None),
        // 2. If options is an Object, return options.
        Value::Object(o) => Ok(Some(o.bind(gc))),
        // 3. Throw a TypeError exception.
        _ => Err(agent.throw_type_error("options must be an object", gc)),
    }
}

/// Get(opts, name) on the options object (undefined for the null-prototype default).
fn get_option<'gc>(
    agent: &mut Agent,
    options: Option<Object>,
    name: &str,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let Some(options) = options else {
        return Ok(Value::Undefined);
    };
    let key = agent.key_from_str(name, gc.nogc()).unbind();
    let value = get(agent, options, key, gc.reborrow())?.unbind();
    Ok(value.bind(gc.into_nogc()))
}

/// The string value of `value` if it is a String.
fn string_text(agent: &Agent, value: Value) -> Option<String> {
    value
        .as_string()
        .map(|s| agent.string_lossy(s).into_owned())
}

/// Reads and validates the `alphabet` option (true for "base64url").
fn alphabet_option<'gc>(
    agent: &mut Agent,
    options: Option<Object>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    // Let alphabet be ? Get(opts, "alphabet").
    let alphabet = get_option(agent, options, "alphabet", gc.reborrow())?.unbind();
    // If alphabet is undefined, set alphabet to "base64".
    if alphabet.is_undefined() {
        return Ok(false);
    }
    // If alphabet is neither "base64" nor "base64url", throw a TypeError exception.
    match string_text(agent, alphabet).as_deref() {
        Some("base64") => Ok(false),
        Some("base64url") => Ok(true),
        _ => Err(agent.throw_type_error(
            "alphabet must be \"base64\" or \"base64url\"",
            gc.into_nogc(),
        )),
    }
}

/// Reads and validates the `lastChunkHandling` option.
fn last_chunk_handling_option<'gc>(
    agent: &mut Agent,
    options: Option<Object>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, LastChunkHandling> {
    // Let lastChunkHandling be ? Get(opts, "lastChunkHandling").
    let handling = get_option(agent, options, "lastChunkHandling", gc.reborrow())?.unbind();
    // If lastChunkHandling is undefined, set lastChunkHandling to "loose".
    if handling.is_undefined() {
        return Ok(LastChunkHandling::Loose);
    }
    // If lastChunkHandling is not one of "loose", "strict", or "stop-before-partial", throw a
    // TypeError exception.
    match string_text(agent, handling).as_deref() {
        Some("loose") => Ok(LastChunkHandling::Loose),
        Some("strict") => Ok(LastChunkHandling::Strict),
        Some("stop-before-partial") => Ok(LastChunkHandling::StopBeforePartial),
        _ => Err(agent.throw_type_error(
            "lastChunkHandling must be \"loose\", \"strict\" or \"stop-before-partial\"",
            gc.into_nogc(),
        )),
    }
}

/// ### [ValidateUint8Array ( ta )](https://tc39.es/ecma262/#sec-validateuint8array)
fn validate_uint8_array<'gc>(
    agent: &mut Agent,
    value: Value,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Object<'gc>> {
    // 1. Perform ? RequireInternalSlot(ta, [[TypedArrayName]]).
    // 2. If ta.[[TypedArrayName]] is not "Uint8Array", throw a TypeError exception.
    if let Value::Object(o) = value
        && let Some(ta) = typed_array_of(agent, o)
        && agent.typed_array_record(ta).element_type == ElementType::Uint8
    {
        return Ok(o.bind(gc));
    }
    Err(agent.throw_type_error("Value is not a Uint8Array", gc))
}

/// The slots and current length of a Uint8Array, a TypeError if it is out of bounds.
fn uint8_window<'gc>(
    agent: &mut Agent,
    o: Object,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, (TypedArrayRecord, usize)> {
    let record = agent.typed_array_record(typed_array_of(agent, o).expect("Uint8Array"));
    // Let taRecord be MakeTypedArrayWithBufferWitnessRecord(ta, seq-cst).
    // If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
    match typed_array_length(agent, &record) {
        Some(length) => Ok((record, length)),
        None => Err(agent.throw_type_error("Uint8Array is detached or out of bounds", gc)),
    }
}

/// ### [GetUint8ArrayBytes ( ta )](https://tc39.es/ecma262/#sec-getuint8arraybytes)
fn get_uint8_array_bytes<'gc>(
    agent: &mut Agent,
    o: Object,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, Vec<u8>> {
    let (record, length) = uint8_window(agent, o, gc)?;
    let start = record.byte_offset;
    Ok(agent
        .buffer_record(record.buffer)
        .data
        .to_vec(start, length))
}

/// ### [SetUint8ArrayBytes ( into, bytes )](https://tc39.es/ecma262/#sec-setuint8arraybytes)
fn set_uint8_array_bytes(agent: &mut Agent, record: &TypedArrayRecord, bytes: &[u8]) {
    let start = record.byte_offset;
    agent
        .buffer_record_mut(record.buffer)
        .data
        .write(start, bytes);
}

/// A new Uint8Array holding `bytes`.
fn new_uint8_array<'gc>(
    agent: &mut Agent,
    bytes: Vec<u8>,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // Let ta be ? AllocateTypedArray("Uint8Array", %Uint8Array%, "%Uint8Array.prototype%",
    // resultLength); set its bytes.
    let ta = super::typed_array::typed_array_create_same_type(
        agent,
        ElementType::Uint8,
        bytes.len(),
        gc,
    )?;
    let record = agent.typed_array_record(typed_array_of(agent, ta).expect("Uint8Array"));
    set_uint8_array_bytes(agent, &record, &bytes);
    Ok(ta.into())
}

/// The `{ read, written }` result object of setFromBase64 and setFromHex.
fn read_written<'gc>(
    agent: &mut Agent,
    read: usize,
    written: usize,
    gc: NoGcScope<'gc, '_>,
) -> Value<'gc> {
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let result = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
    let read_key = agent.key_from_str("read", gc);
    let read = agent.number(read as f64, gc);
    result.add_named_data(agent, read_key, read, Attributes::DEFAULT);
    let written_key = agent.key_from_str("written", gc);
    let written = agent.number(written as f64, gc);
    result.add_named_data(agent, written_key, written, Attributes::DEFAULT);
    result.into()
}

/// ### [SkipAsciiWhitespace ( string, index )](https://tc39.es/ecma262/#sec-skipasciiwhitespace)
fn skip_ascii_whitespace(text: &[u8], mut index: usize) -> usize {
    while index < text.len() && matches!(text[index], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ') {
        index += 1;
    }
    index
}

/// The value of a standard base64 character.
fn base64_value(c: u8) -> Option<u32> {
    match c {
        b'A'..=b'Z' => Some(u32::from(c - b'A')),
        b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
        b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// ### [DecodeBase64Chunk ( chunk [ , throwOnExtraBits ] )](https://tc39.es/ecma262/#sec-decodebase64chunk)
///
/// `None` when throwOnExtraBits is true and the unused bits are not zero.
fn decode_base64_chunk(chunk: &[u8], throw_on_extra_bits: bool) -> Option<Vec<u8>> {
    // 1. Let chunkLength be the length of chunk.
    // 2-3. If chunkLength = 2, set chunk to chunk + "AA"; if 3, chunk + "A".
    let mut full = [b'A'; 4];
    full[..chunk.len()].copy_from_slice(chunk);
    // 4-6. Let byteSequence be the three bytes of the 24-bit number the characters encode.
    let n = full
        .iter()
        .fold(0u32, |n, &c| (n << 6) | base64_value(c).unwrap_or(0));
    let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
    match chunk.len() {
        // 7. If chunkLength = 2, then
        //    b. If throwOnExtraBits is true and byteSequence[1] ≠ 0, throw a SyntaxError exception.
        //    c. Return « byteSequence[0] ».
        2 if throw_on_extra_bits && bytes[1] != 0 => None,
        2 => Some(vec![bytes[0]]),
        // 8. Else if chunkLength = 3, then
        //    b. If throwOnExtraBits is true and byteSequence[2] ≠ 0, throw a SyntaxError exception.
        //    c. Return « byteSequence[0], byteSequence[1] ».
        3 if throw_on_extra_bits && bytes[2] != 0 => None,
        3 => Some(vec![bytes[0], bytes[1]]),
        // 9. Else, return byteSequence.
        _ => Some(bytes.to_vec()),
    }
}

/// ### [FromBase64 ( string, alphabet, lastChunkHandling [ , maxLength ] )](https://tc39.es/ecma262/#sec-frombase64)
fn decode_from_base64(
    text: &[u8],
    url: bool,
    handling: LastChunkHandling,
    max_length: usize,
) -> Decoded {
    let fail = |read, bytes| Decoded {
        read,
        bytes,
        error: true,
    };
    let done = |read, bytes| Decoded {
        read,
        bytes,
        error: false,
    };
    // 3. If maxLength = 0, return the Record { [[Read]]: 0, [[Bytes]]: « », [[Error]]: none }.
    if max_length == 0 {
        return done(0, Vec::new());
    }
    // 4-9. read, bytes, chunk, chunkLength, index, length.
    let mut read = 0;
    let mut bytes: Vec<u8> = Vec::new();
    let mut chunk: Vec<u8> = Vec::with_capacity(4);
    let mut index = 0;
    let length = text.len();
    // 10. Repeat,
    loop {
        // a. Set index to SkipAsciiWhitespace(string, index).
        index = skip_ascii_whitespace(text, index);
        // b. If index = length, then
        if index == length {
            // i. If chunkLength > 0, then
            if !chunk.is_empty() {
                match handling {
                    // 1. If lastChunkHandling is "stop-before-partial", then return
                    //    { [[Read]]: read, [[Bytes]]: bytes, [[Error]]: none }.
                    LastChunkHandling::StopBeforePartial => return done(read, bytes),
                    // 2. Else if lastChunkHandling is "loose", then
                    LastChunkHandling::Loose => {
                        // a. If chunkLength = 1, then return a SyntaxError.
                        if chunk.len() == 1 {
                            return fail(read, bytes);
                        }
                        // b. Set bytes to the list-concatenation of bytes and
                        //    ! DecodeBase64Chunk(chunk, false).
                        bytes.extend(decode_base64_chunk(&chunk, false).unwrap_or_default());
                    }
                    // 3. Else, return a SyntaxError.
                    LastChunkHandling::Strict => return fail(read, bytes),
                }
            }
            // ii. Return { [[Read]]: length, [[Bytes]]: bytes, [[Error]]: none }.
            return done(length, bytes);
        }
        // c. Let char be the substring of string from index to index + 1.
        let mut c = text[index];
        // d. Set index to index + 1.
        index += 1;
        // e. If char is "=", then
        if c == b'=' {
            // i. If chunkLength < 2, then return a SyntaxError.
            if chunk.len() < 2 {
                return fail(read, bytes);
            }
            // ii. Set index to SkipAsciiWhitespace(string, index).
            index = skip_ascii_whitespace(text, index);
            // iii. If chunkLength = 2, then
            if chunk.len() == 2 {
                // 1. If index = length, then
                if index == length {
                    // a. If lastChunkHandling is "stop-before-partial", return without error.
                    if handling == LastChunkHandling::StopBeforePartial {
                        return done(read, bytes);
                    }
                    // b. Return a SyntaxError.
                    return fail(read, bytes);
                }
                // 2. Set char to the substring of string from index to index + 1.
                // 3. If char is "=", then set index to SkipAsciiWhitespace(string, index + 1).
                if text[index] == b'=' {
                    index = skip_ascii_whitespace(text, index + 1);
                }
            }
            // iv. If index < length, then return a SyntaxError.
            if index < length {
                return fail(read, bytes);
            }
            // v. If lastChunkHandling is "strict", let throwOnExtraBits be true; else false.
            // vi. Let decoded be ? DecodeBase64Chunk(chunk, throwOnExtraBits).
            let Some(decoded) = decode_base64_chunk(&chunk, handling == LastChunkHandling::Strict)
            else {
                return fail(read, bytes);
            };
            // vii. Set bytes to the list-concatenation of bytes and decoded.
            bytes.extend(decoded);
            // viii. Return { [[Read]]: length, [[Bytes]]: bytes, [[Error]]: none }.
            return done(length, bytes);
        }
        // f. If alphabet is "base64url", then
        if url {
            // i. If char is either "+" or "/", then return a SyntaxError.
            // ii. Else if char is "-", then set char to "+".
            // iii. Else if char is "_", then set char to "/".
            match c {
                b'+' | b'/' => return fail(read, bytes),
                b'-' => c = b'+',
                b'_' => c = b'/',
                _ => {}
            }
        }
        // g. If the sole code unit of char is not an element of the standard base64 alphabet,
        //    then return a SyntaxError.
        if base64_value(c).is_none() {
            return fail(read, bytes);
        }
        // h. Let remaining be maxLength - the length of bytes.
        let remaining = max_length - bytes.len();
        // i. If remaining = 1 and chunkLength = 2, or if remaining = 2 and chunkLength = 3, then
        //    return { [[Read]]: read, [[Bytes]]: bytes, [[Error]]: none }.
        if (remaining == 1 && chunk.len() == 2) || (remaining == 2 && chunk.len() == 3) {
            return done(read, bytes);
        }
        // j. Set chunk to the string-concatenation of chunk and char.
        // k. Set chunkLength to the length of chunk.
        chunk.push(c);
        // l. If chunkLength = 4, then
        if chunk.len() == 4 {
            // i. Set bytes to the list-concatenation of bytes and ! DecodeBase64Chunk(chunk).
            bytes.extend(decode_base64_chunk(&chunk, false).unwrap_or_default());
            // ii-iii. Set chunk to the empty String and chunkLength to 0.
            chunk.clear();
            // iv. Set read to index.
            read = index;
            // v. If the length of bytes = maxLength, then return without error.
            if bytes.len() == max_length {
                return done(read, bytes);
            }
        }
    }
}

/// ### [FromHex ( string [ , maxLength ] )](https://tc39.es/ecma262/#sec-fromhex)
fn decode_from_hex(text: &[u8], max_length: usize) -> Decoded {
    // 2. Let length be the length of string.
    let length = text.len();
    // 3. Let bytes be « ». 4. Let read be 0.
    let mut bytes = Vec::new();
    let mut read = 0;
    // 5. If length modulo 2 is not 0, then return a SyntaxError.
    if !length.is_multiple_of(2) {
        return Decoded {
            read,
            bytes,
            error: true,
        };
    }
    // 6. Repeat, while read < length and the length of bytes < maxLength,
    while read < length && bytes.len() < max_length {
        // a. Let hexits be the substring of string from read to read + 2.
        // b. If hexits contains any code units which are not in "0123456789abcdefABCDEF", then
        //    return a SyntaxError.
        let (Some(high), Some(low)) = (
            (text[read] as char).to_digit(16),
            (text[read + 1] as char).to_digit(16),
        ) else {
            return Decoded {
                read,
                bytes,
                error: true,
            };
        };
        // c. Set read to read + 2.
        read += 2;
        // d-e. Append the byte the hexits denote to bytes.
        bytes.push((high * 16 + low) as u8);
    }
    // 7. Return { [[Read]]: read, [[Bytes]]: bytes, [[Error]]: none }.
    Decoded {
        read,
        bytes,
        error: false,
    }
}

/// The string argument as text (a TypeError if it is not a String).
fn require_string<'gc>(
    agent: &mut Agent,
    value: Value,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, String> {
    match string_text(agent, value) {
        Some(text) => Ok(text),
        None => Err(agent.throw_type_error("Argument must be a string", gc)),
    }
}

/// ### [Uint8Array.fromBase64 ( string [ , options ] )](https://tc39.es/ecma262/#sec-uint8array.frombase64)
fn from_base64<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. If string is not a String, throw a TypeError exception.
    let text = require_string(agent, args.get(0), gc.nogc())?;
    // 2. Let opts be ? GetOptionsObject(options).
    let options = get_options_object(agent, args.get(1), gc.nogc())?
        .map(|o| o.unbind().scope(agent, gc.nogc()));
    // 3-5. alphabet.
    let url = alphabet_option(agent, options.map(|o| o.get(agent)), gc.reborrow())?;
    // 6-8. lastChunkHandling.
    let handling = last_chunk_handling_option(agent, options.map(|o| o.get(agent)), gc.reborrow())?;
    // 9. Let result be FromBase64(string, alphabet, lastChunkHandling).
    let result = decode_from_base64(text.as_bytes(), url, handling, usize::MAX);
    // 10. If result.[[Error]] is not none, then throw result.[[Error]].
    if result.error {
        return Err(agent.throw_syntax_error("Invalid base64 string", gc.into_nogc()));
    }
    // 11-14. A new Uint8Array of result.[[Bytes]].
    new_uint8_array(agent, result.bytes, gc)
}

/// ### [Uint8Array.fromHex ( string )](https://tc39.es/ecma262/#sec-uint8array.fromhex)
fn from_hex<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. If string is not a String, throw a TypeError exception.
    let text = require_string(agent, args.get(0), gc.nogc())?;
    // 2. Let result be FromHex(string).
    let result = decode_from_hex(text.as_bytes(), usize::MAX);
    // 3. If result.[[Error]] is not none, then throw result.[[Error]].
    if result.error {
        return Err(agent.throw_syntax_error("Invalid hex string", gc.into_nogc()));
    }
    // 4-7. A new Uint8Array of result.[[Bytes]].
    new_uint8_array(agent, result.bytes, gc)
}

/// ### [Uint8Array.prototype.setFromBase64 ( string [ , options ] )](https://tc39.es/ecma262/#sec-uint8array.prototype.setfrombase64)
fn set_from_base64<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1-2. Let into be the this value; perform ? ValidateUint8Array(into).
    let into = validate_uint8_array(agent, this, gc.nogc())?
        .unbind()
        .scope(agent, gc.nogc());
    // 3. If string is not a String, throw a TypeError exception.
    let text = require_string(agent, args.get(0), gc.nogc())?;
    // 4. Let opts be ? GetOptionsObject(options).
    let options = get_options_object(agent, args.get(1), gc.nogc())?
        .map(|o| o.unbind().scope(agent, gc.nogc()));
    // 5-10. alphabet and lastChunkHandling.
    let url = alphabet_option(agent, options.map(|o| o.get(agent)), gc.reborrow())?;
    let handling = last_chunk_handling_option(agent, options.map(|o| o.get(agent)), gc.reborrow())?;
    let gc = gc.into_nogc();
    // 11-13. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception; let
    //        byteLength be TypedArrayLength(taRecord).
    let (record, byte_length) = uint8_window(agent, into.get(agent), gc)?;
    // 14. Let result be FromBase64(string, alphabet, lastChunkHandling, byteLength).
    let result = decode_from_base64(text.as_bytes(), url, handling, byte_length);
    // 15-19. Perform SetUint8ArrayBytes(into, bytes).
    set_uint8_array_bytes(agent, &record, &result.bytes);
    // 20. If result.[[Error]] is not none, then throw result.[[Error]].
    if result.error {
        return Err(agent.throw_syntax_error("Invalid base64 string", gc));
    }
    // 21-24. Return { read, written }.
    Ok(read_written(agent, result.read, result.bytes.len(), gc))
}

/// ### [Uint8Array.prototype.setFromHex ( string )](https://tc39.es/ecma262/#sec-uint8array.prototype.setfromhex)
fn set_from_hex<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1-2. Let into be the this value; perform ? ValidateUint8Array(into).
    let into = validate_uint8_array(agent, this, gc)?;
    // 3. If string is not a String, throw a TypeError exception.
    let text = require_string(agent, args.get(0), gc)?;
    // 4-6. byteLength (a TypeError if out of bounds).
    let (record, byte_length) = uint8_window(agent, into, gc)?;
    // 7. Let result be FromHex(string, byteLength).
    let result = decode_from_hex(text.as_bytes(), byte_length);
    // 8-11. Perform SetUint8ArrayBytes(into, bytes).
    set_uint8_array_bytes(agent, &record, &result.bytes);
    // 12. If result.[[Error]] is not none, then throw result.[[Error]].
    if result.error {
        return Err(agent.throw_syntax_error("Invalid hex string", gc));
    }
    // 13-16. Return { read, written }.
    Ok(read_written(agent, result.read, result.bytes.len(), gc))
}

/// ### [Uint8Array.prototype.toBase64 ( [ options ] )](https://tc39.es/ecma262/#sec-uint8array.prototype.tobase64)
fn to_base64<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1-2. Let O be the this value; perform ? ValidateUint8Array(O).
    let o = validate_uint8_array(agent, this, gc.nogc())?
        .unbind()
        .scope(agent, gc.nogc());
    // 3. Let opts be ? GetOptionsObject(options).
    let options = get_options_object(agent, args.get(0), gc.nogc())?
        .map(|o| o.unbind().scope(agent, gc.nogc()));
    // 4-6. alphabet.
    let url = alphabet_option(agent, options.map(|o| o.get(agent)), gc.reborrow())?;
    // 7. Let omitPadding be ToBoolean(? Get(opts, "omitPadding")).
    let omit = get_option(
        agent,
        options.map(|o| o.get(agent)),
        "omitPadding",
        gc.reborrow(),
    )?
    .unbind();
    let omit_padding = to_boolean(agent, omit);
    let gc = gc.into_nogc();
    // 8. Let toEncode be ? GetUint8ArrayBytes(O).
    let bytes = get_uint8_array_bytes(agent, o.get(agent), gc)?;
    // 9-10. Let outAscii be the base64 encoding of toEncode in the alphabet, padded unless
    //       omitPadding is true.
    let table: &[u8; 64] = if url {
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    } else {
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    };
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let n = group
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        let chars = group.len() + 1;
        for i in 0..4 {
            if i < chars {
                out.push(table[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else if !omit_padding {
                out.push('=');
            }
        }
    }
    // 11. Return CodePointsToString(outAscii).
    Ok(agent.create_string(&out, gc).into_value())
}

/// ### [Uint8Array.prototype.toHex ( )](https://tc39.es/ecma262/#sec-uint8array.prototype.tohex)
fn to_hex<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1-2. Let O be the this value; perform ? ValidateUint8Array(O).
    let o = validate_uint8_array(agent, this, gc)?;
    // 3. Let toEncode be ? GetUint8ArrayBytes(O).
    let bytes = get_uint8_array_bytes(agent, o, gc)?;
    // 4-5. For each byte, append its two lowercase hexadecimal digits.
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push_str(&format!("{byte:02x}"));
    }
    // 6. Return out.
    Ok(agent.create_string(&out, gc).into_value())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_decoding_follows_the_chunk_rules() {
        let decode =
            |s: &str, handling| decode_from_base64(s.as_bytes(), false, handling, usize::MAX);
        let ok = decode("Zm9v YmE=", LastChunkHandling::Loose);
        assert_eq!(
            (ok.bytes.as_slice(), ok.read, ok.error),
            (&b"fooba"[..], 9, false)
        );
        assert!(decode("Zm9vYmF", LastChunkHandling::Strict).error);
        let partial = decode("Zm9vYmF", LastChunkHandling::StopBeforePartial);
        assert_eq!((partial.bytes.as_slice(), partial.read), (&b"foo"[..], 4));
        assert!(decode("Zm9vYmF=", LastChunkHandling::Strict).error);
        let limited = decode_from_base64(b"Zm9vYmFy", false, LastChunkHandling::Loose, 4);
        assert_eq!((limited.bytes.as_slice(), limited.read), (&b"foo"[..], 4));
        assert!(decode_from_hex(b"abc", 10).error);
        assert_eq!(decode_from_hex(b"0aFf", 10).bytes, vec![10, 255]);
    }
}
