//! ### [22.2.5.1 RegExp.escape ( S )](https://tc39.es/ecma262/#sec-regexp.escape)

use std::fmt::Write;

use crate::ecmascript::abstract_operations::is_js_whitespace;
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{StringBuilder, Value};
use crate::engine::{Bindable, GcScope};

/// ### [22.2.5.1 RegExp.escape ( S )](https://tc39.es/ecma262/#sec-regexp.escape)
pub(super) fn regexp_escape<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let gc = gc.into_nogc();
    // 1. If S is not a String, throw a TypeError exception.
    let Some(s) = args.get(0).bind(gc).as_string() else {
        return Err(agent.throw_type_error("RegExp.escape requires a string", gc));
    };
    // 2. Let escaped be the empty String.
    let mut escaped = StringBuilder::new();
    // 3. Let cpList be StringToCodePoints(S).
    let units = agent.string_utf16(s).into_owned();
    // 4. For each code point c of cpList, do
    for (i, c) in char::decode_utf16(units.iter().copied()).enumerate() {
        let c = c.map_or_else(|e| u32::from(e.unpaired_surrogate()), u32::from);
        // a. If escaped is the empty String and c is matched by either DecimalDigit or
        //    AsciiLetter, then
        if i == 0 && char::from_u32(c).is_some_and(|ch| ch.is_ascii_alphanumeric()) {
            // i-v. Set escaped to "\x" followed by the two hex digits of c.
            let _ = write!(escaped, "\\x{c:02x}");
        } else {
            // b. Else, set escaped to the string-concatenation of escaped and
            //    EncodeForRegExpEscape(c).
            encode_for_regexp_escape(c, &mut escaped);
        }
    }
    // 5. Return escaped.
    Ok(escaped.finish(agent, gc).into_value())
}

/// ### [22.2.5.1.1 EncodeForRegExpEscape ( c )](https://tc39.es/ecma262/#sec-encodeforregexpescape)
fn encode_for_regexp_escape(c: u32, out: &mut StringBuilder) {
    let ch = char::from_u32(c);
    // 1. If c is matched by SyntaxCharacter or c is U+002F (SOLIDUS), then
    //    a. Return the string-concatenation of 0x005C (REVERSE SOLIDUS) and
    //       UTF16EncodeCodePoint(c).
    if let Some(ch) = ch
        && "^$\\.*+?()[]{}|/".contains(ch)
    {
        out.push_char('\\');
        out.push_char(ch);
        return;
    }
    // 2. Else if c is the code point listed in some cell of the "Code Point" column of
    //    Table 65, then return "\" and the ControlEscape of that row.
    let control = match c {
        0x09 => Some("\\t"),
        0x0A => Some("\\n"),
        0x0B => Some("\\v"),
        0x0C => Some("\\f"),
        0x0D => Some("\\r"),
        _ => None,
    };
    if let Some(control) = control {
        out.push_str(control);
        return;
    }
    // 3. Let otherPunctuators be the string-concatenation of ",-=<>#&!%:;@~'`" and the
    //    code unit 0x0022 (QUOTATION MARK).
    // 4. Let toEscape be StringToCodePoints(otherPunctuators).
    // 5. If toEscape contains c, c is matched by either WhiteSpace or LineTerminator,
    //    or c has the same numeric value as a leading surrogate or trailing surrogate, then
    let needs_escape = match ch {
        Some(ch) => ",-=<>#&!%:;@~'`\"".contains(ch) || is_whitespace_or_line_terminator(ch),
        None => true,
    };
    if needs_escape {
        // a. Let cNum be the numeric value of c.
        // b. If cNum ≤ 0xFF, then return "\x" and the two hex digits of cNum.
        if c <= 0xFF {
            let _ = write!(out, "\\x{c:02x}");
            return;
        }
        // c-f. Return the UnicodeEscape of each code unit of UTF16EncodeCodePoint(c).
        let mut buffer = [0u16; 2];
        let units: &[u16] = match ch {
            Some(ch) => ch.encode_utf16(&mut buffer),
            None => {
                buffer[0] = c as u16;
                &buffer[..1]
            }
        };
        for unit in units {
            let _ = write!(out, "\\u{unit:04x}");
        }
        return;
    }
    // 6. Return UTF16EncodeCodePoint(c).
    if let Some(ch) = ch {
        out.push_char(ch);
    }
}

/// WhiteSpace or LineTerminator: the language's white space (including every
/// Space_Separator) and line terminators.
fn is_whitespace_or_line_terminator(ch: char) -> bool {
    is_js_whitespace(ch)
}
