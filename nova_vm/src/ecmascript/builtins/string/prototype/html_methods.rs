//! [B.2.2.2 String.prototype.anchor](https://tc39.es/ecma262/#sec-string.prototype.anchor)
//! and the other HTML methods of
//! [B.2.2 Additional Properties of the String.prototype Object](https://tc39.es/ecma262/#sec-additional-properties-of-the-string.prototype-object).

use super::this_to_string;
use crate::ecmascript::abstract_operations::to_string;
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{StringBuilder, Value};
use crate::engine::{Bindable, GcScope, Rootable};

/// ### [B.2.2.2.1 CreateHTML ( string, tag, attribute, value )](https://tc39.es/ecma262/#sec-createhtml)
fn create_html<'gc>(
    agent: &mut Agent,
    string: Value,
    tag: &str,
    attribute: &str,
    value: Value,
    method: &str,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let value = value.bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let str be ? RequireObjectCoercible(string).
    // 2. Let S be ? ToString(str).
    let s = this_to_string(agent, string, method, gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 3. Let p1 be the string-concatenation of "<" and tag.
    let mut p = StringBuilder::new();
    p.push_str("<");
    p.push_str(tag);
    // 4. If attribute is not the empty String, then
    if !attribute.is_empty() {
        // a. Let V be ? ToString(value).
        let v = to_string(agent, value.get(agent), gc.reborrow())?.unbind();
        // b. Let escapedV be the String value that is the same as V except that each
        //    occurrence of the code unit 0x0022 (QUOTATION MARK) in V has been replaced with
        //    the six code unit sequence "&quot;".
        // c. Set p1 to the string-concatenation of p1, the code unit 0x0020 (SPACE),
        //    attribute, the code unit 0x003D (EQUALS SIGN), the code unit 0x0022
        //    (QUOTATION MARK), escapedV and the code unit 0x0022 (QUOTATION MARK).
        p.push_str(" ");
        p.push_str(attribute);
        p.push_str("=\"");
        let units = agent.code_units(&v);
        let mut run_start = 0;
        for i in 0..units.len() {
            if units.at(i) == u16::from(b'"') {
                p.push_range(&units, run_start, i);
                p.push_str("&quot;");
                run_start = i + 1;
            }
        }
        p.push_range(&units, run_start, units.len());
        p.push_str("\"");
    }
    // 5. Let p2 be the string-concatenation of p1 and ">".
    p.push_str(">");
    // 6. Let p3 be the string-concatenation of p2 and S.
    p.push_string(agent, s.get(agent));
    // 7. Let p4 be the string-concatenation of p3, "</", tag, and ">".
    p.push_str("</");
    p.push_str(tag);
    p.push_str(">");
    let gc = gc.into_nogc();
    super::super::check_builder_length(agent, &p, gc)?;
    // 8. Return p4.
    Ok(p.finish(agent, gc).into_value())
}

/// ### [B.2.2.2 String.prototype.anchor ( name )](https://tc39.es/ecma262/#sec-string.prototype.anchor)
pub(super) fn anchor<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let S be the this value.
    // 2. Return ? CreateHTML(S, "a", "name", name).
    create_html(agent, this, "a", "name", args.get(0), "anchor", gc)
}

/// ### [B.2.2.3 String.prototype.big ( )](https://tc39.es/ecma262/#sec-string.prototype.big)
pub(super) fn big<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let S be the this value.
    // 2. Return ? CreateHTML(S, "big", "", "").
    create_html(agent, this, "big", "", Value::Undefined, "big", gc)
}

/// ### [B.2.2.4 String.prototype.blink ( )](https://tc39.es/ecma262/#sec-string.prototype.blink)
pub(super) fn blink<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let S be the this value.
    // 2. Return ? CreateHTML(S, "blink", "", "").
    create_html(agent, this, "blink", "", Value::Undefined, "blink", gc)
}

/// ### [B.2.2.5 String.prototype.bold ( )](https://tc39.es/ecma262/#sec-string.prototype.bold)
pub(super) fn bold<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let S be the this value.
    // 2. Return ? CreateHTML(S, "b", "", "").
    create_html(agent, this, "b", "", Value::Undefined, "bold", gc)
}

/// ### [B.2.2.6 String.prototype.fixed ( )](https://tc39.es/ecma262/#sec-string.prototype.fixed)
pub(super) fn fixed<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let S be the this value.
    // 2. Return ? CreateHTML(S, "tt", "", "").
    create_html(agent, this, "tt", "", Value::Undefined, "fixed", gc)
}

/// ### [B.2.2.7 String.prototype.fontcolor ( colour )](https://tc39.es/ecma262/#sec-string.prototype.fontcolor)
pub(super) fn fontcolor<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let S be the this value.
    // 2. Return ? CreateHTML(S, "font", "color", colour).
    create_html(agent, this, "font", "color", args.get(0), "fontcolor", gc)
}

/// ### [B.2.2.8 String.prototype.fontsize ( size )](https://tc39.es/ecma262/#sec-string.prototype.fontsize)
pub(super) fn fontsize<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let S be the this value.
    // 2. Return ? CreateHTML(S, "font", "size", size).
    create_html(agent, this, "font", "size", args.get(0), "fontsize", gc)
}

/// ### [B.2.2.9 String.prototype.italics ( )](https://tc39.es/ecma262/#sec-string.prototype.italics)
pub(super) fn italics<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let S be the this value.
    // 2. Return ? CreateHTML(S, "i", "", "").
    create_html(agent, this, "i", "", Value::Undefined, "italics", gc)
}

/// ### [B.2.2.10 String.prototype.link ( url )](https://tc39.es/ecma262/#sec-string.prototype.link)
pub(super) fn link<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let S be the this value.
    // 2. Return ? CreateHTML(S, "a", "href", url).
    create_html(agent, this, "a", "href", args.get(0), "link", gc)
}

/// ### [B.2.2.11 String.prototype.small ( )](https://tc39.es/ecma262/#sec-string.prototype.small)
pub(super) fn small<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let S be the this value.
    // 2. Return ? CreateHTML(S, "small", "", "").
    create_html(agent, this, "small", "", Value::Undefined, "small", gc)
}

/// ### [B.2.2.12 String.prototype.strike ( )](https://tc39.es/ecma262/#sec-string.prototype.strike)
pub(super) fn strike<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let S be the this value.
    // 2. Return ? CreateHTML(S, "strike", "", "").
    create_html(agent, this, "strike", "", Value::Undefined, "strike", gc)
}

/// ### [B.2.2.13 String.prototype.sub ( )](https://tc39.es/ecma262/#sec-string.prototype.sub)
pub(super) fn sub<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let S be the this value.
    // 2. Return ? CreateHTML(S, "sub", "", "").
    create_html(agent, this, "sub", "", Value::Undefined, "sub", gc)
}

/// ### [B.2.2.14 String.prototype.sup ( )](https://tc39.es/ecma262/#sec-string.prototype.sup)
pub(super) fn sup<'gc>(
    agent: &mut Agent,
    this: Value,
    _args: ArgumentsList,
    gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let S be the this value.
    // 2. Return ? CreateHTML(S, "sup", "", "").
    create_html(agent, this, "sup", "", Value::Undefined, "sup", gc)
}
