//! ### [25.5.2 JSON.stringify ( value [ , replacer [ , space ] ] )](https://tc39.es/ecma262/#sec-json.stringify)
//!
//! The output is written into one [`StringBuilder`] as it is produced instead
//! of being assembled from the spec's lists of partial Strings; a member whose
//! value serializes to undefined is cut off again. Nested objects and arrays
//! recurse, each level counting against the native call depth, so a deeply
//! nested value ends in a RangeError rather than a stack overflow.

use std::fmt::Write;

use crate::ecmascript::abstract_operations::{
    call_function, create_data_property_or_throw, enter_native, enumerable_own_keys, get, get_v,
    integer_or_infinity, is_array, is_callable, length_of_array_like, number_to_string, to_number,
    to_string,
};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::builtins::array::index_key;
use crate::ecmascript::execution::{Agent, HeapRoot, Intrinsic, JsResult};
use crate::ecmascript::types::object::{ElementRef, ElementsRecord, ObjectKind};
use crate::ecmascript::types::{
    JsString, MAX_STRING_LENGTH, Object, OwnedText, PropertyKey, StringBuilder, Value,
};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable, Scoped};

/// The state of one `JSON.stringify` call (the JSON Serialization Record).
struct State<'s> {
    /// `[[ReplacerFunction]]`
    replacer_function: Option<Scoped<'s, Value<'static>>>,
    /// `[[PropertyList]]`: positions of the keys on the scoped-root stack.
    property_list: Option<(usize, usize)>,
    /// `[[Stack]]`: the objects being serialized, in the dense storage of a
    /// rooted internal object.
    stack: Scoped<'s, Object<'static>>,
    /// `[[Indent]]`, as a count of gaps.
    indent: usize,
    /// `[[Gap]]`
    gap: OwnedText,
    /// The String being built.
    output: StringBuilder,
    /// The property key `"toJSON"`.
    to_json_key: PropertyKey<'static>,
}

impl State<'_> {
    /// Writes a line break and the current indentation.
    fn new_line(&mut self) {
        self.output.push_char('\n');
        for _ in 0..self.indent {
            self.output.push_text(&self.gap);
        }
    }
}

/// Appends QuoteJSONString of well-formed text.
fn quote_str(output: &mut StringBuilder, text: &str) {
    output.push_char('"');
    let bytes = text.as_bytes();
    let mut plain_start = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        // Only ASCII characters need escaping; the bytes of other characters are ≥ 0x80.
        if byte == b'"' || byte == b'\\' || byte < 0x20 {
            output.push_str(&text[plain_start..i]);
            push_escape(output, u16::from(byte));
            plain_start = i + 1;
        }
    }
    output.push_str(&text[plain_start..]);
    output.push_char('"');
}

/// The escape of one code unit that QuoteJSONString does not copy as is.
fn push_escape(output: &mut StringBuilder, unit: u16) {
    // Table 75: JSON Single Character Escape Sequences
    let short = match unit {
        0x08 => Some("\\b"),
        0x09 => Some("\\t"),
        0x0A => Some("\\n"),
        0x0C => Some("\\f"),
        0x0D => Some("\\r"),
        0x22 => Some("\\\""),
        0x5C => Some("\\\\"),
        _ => None,
    };
    match short {
        Some(escape) => output.push_str(escape),
        // 25.5.2.4 UnicodeEscape ( C ): "\u" and four lowercase hexadecimal digits.
        None => {
            let _ = write!(output, "\\u{unit:04x}");
        }
    }
}

/// ### [25.5.2.3 QuoteJSONString ( value )](https://tc39.es/ecma262/#sec-quotejsonstring)
fn quote_json_string(agent: &Agent, output: &mut StringBuilder, value: JsString) {
    let done = agent.with_str(value, |text| match text {
        Some(text) => {
            quote_str(output, text);
            true
        }
        None => false,
    });
    if done {
        return;
    }
    // The String holds lone surrogates.
    let units = agent.string_utf16(value);
    // 1. Let product be the String value consisting solely of the code unit 0x0022 (QUOTATION MARK).
    output.push_char('"');
    // 2. For each code point C of StringToCodePoints(value), do
    for c in char::decode_utf16(units.iter().copied()) {
        match c {
            // a. If C is listed in the “Code Point” column of Table 75, then append the escape
            //    sequence of that row.
            // b. Else if C has a numeric value less than 0x0020 (SPACE) or C has the same numeric
            //    value as a leading surrogate or trailing surrogate, then append UnicodeEscape(C).
            Ok(c) if c == '"' || c == '\\' || (c as u32) < 0x20 => push_escape(output, c as u16),
            Err(lone) => push_escape(output, lone.unpaired_surrogate()),
            // c. Else, append UTF16EncodeCodePoint(C).
            Ok(c) => output.push_char(c),
        }
    }
    // 3. Set product to the string-concatenation of product and the code unit 0x0022 (QUOTATION MARK).
    output.push_char('"');
}

/// QuoteJSONString of a property key.
fn quote_key(agent: &Agent, output: &mut StringBuilder, key: PropertyKey) {
    match key {
        PropertyKey::Index(index) => {
            let _ = write!(output, "\"{index}\"");
        }
        PropertyKey::SmallString(s) => quote_str(output, s.as_str()),
        PropertyKey::String(s) => quote_json_string(agent, output, JsString::Heap(s)),
        PropertyKey::Symbol(_) => {}
    }
}

/// ### [25.5.2 JSON.stringify ( value [ , replacer [ , space ] ] )](https://tc39.es/ecma262/#sec-json.stringify)
pub(super) fn stringify<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let value = args.get(0).scope(agent, gc.nogc());
    let replacer = args.get(1).bind(gc.nogc());
    let space = args.get(2).scope(agent, gc.nogc());
    // 1. Let stack be a new empty List.
    let stack = agent.create_object(None, ObjectKind::Ordinary, gc.nogc());
    stack.set_elements(agent, ElementsRecord::default());
    let stack = stack.scope(agent, gc.nogc());
    // 2. Let indent be the empty String.
    // 3. Let PropertyList be undefined.
    let mut property_list = None;
    // 4. Let ReplacerFunction be undefined.
    let mut replacer_function = None;
    // 5. If replacer is an Object, then
    if let Value::Object(replacer_object) = replacer {
        // a. If IsCallable(replacer) is true, then
        if replacer_object.is_callable(agent) {
            // i. Set ReplacerFunction to replacer.
            replacer_function = Some(replacer.scope(agent, gc.nogc()));
        } else if is_array(agent, replacer, gc.nogc())? {
            // b. Else,
            //    i. Let isArray be ? IsArray(replacer).
            //    ii. If isArray is true, then
            property_list = Some(property_list_from(
                agent,
                replacer_object.unbind(),
                gc.reborrow(),
            )?);
        }
    }
    // 6. If space is an Object, then
    if let Value::Object(space_object) = space.get(agent) {
        match space_object.kind(agent) {
            // a. If space has a [[NumberData]] internal slot, then
            //    i. Set space to ? ToNumber(space).
            ObjectKind::NumberObject(_) => {
                let n = to_number(agent, space.get(agent), gc.reborrow())?;
                let n = agent.number(n, gc.nogc()).unbind();
                space.set(agent, n);
            }
            // b. Else if space has a [[StringData]] internal slot, then
            //    i. Set space to ? ToString(space).
            ObjectKind::StringObject(_) => {
                let s = to_string(agent, space.get(agent), gc.reborrow())?.unbind();
                space.set(agent, s.into_value());
            }
            _ => {}
        }
    }
    let space = space.get(agent);
    let gap = if space.is_number() {
        // 7. If space is a Number, then
        //    a. Let spaceMV be ! ToIntegerOrInfinity(space).
        //    b. Set spaceMV to min(10, spaceMV).
        //    c. If spaceMV < 1, let gap be the empty String; otherwise let gap be the String
        //       value containing spaceMV occurrences of the code unit 0x0020 (SPACE).
        let space_mv = integer_or_infinity(agent.number_value(space)).min(10.0);
        let count = if space_mv < 1.0 { 0 } else { space_mv as usize };
        OwnedText::Utf8(" ".repeat(count))
    } else if let Some(s) = space.as_string() {
        // 8. Else if space is a String, then
        //    a. If the length of space ≤ 10, let gap be space; otherwise let gap be the
        //       substring of space from 0 to 10.
        let units = agent.string_utf16(s);
        let units = &units[..units.len().min(10)];
        match String::from_utf16(units) {
            Ok(text) => OwnedText::Utf8(text),
            Err(_) => OwnedText::Utf16(units.to_vec()),
        }
    } else {
        // 9. Else,
        //    a. Let gap be the empty String.
        OwnedText::Utf8(String::new())
    };
    // 10. Let wrapper be OrdinaryObjectCreate(%Object.prototype%).
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let wrapper = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc.nogc());
    let wrapper = wrapper.scope(agent, gc.nogc());
    // 11. Perform ! CreateDataPropertyOrThrow(wrapper, the empty String, value).
    let empty = PropertyKey::from_static_str("").expect("empty key");
    create_data_property_or_throw(
        agent,
        wrapper.get(agent),
        empty,
        value.get(agent),
        gc.reborrow(),
    )?;
    // 12. Let state be the JSON Serialization Record { [[ReplacerFunction]]: ReplacerFunction,
    //     [[Stack]]: stack, [[Indent]]: indent, [[Gap]]: gap, [[PropertyList]]: PropertyList }.
    let mut state = State {
        replacer_function,
        property_list,
        stack,
        indent: 0,
        gap,
        output: StringBuilder::new(),
        to_json_key: agent.static_key("toJSON"),
    };
    // 13. Return ? SerializeJSONProperty(state, the empty String, wrapper).
    if !serialize_json_property(agent, &mut state, empty, wrapper, gc.reborrow())? {
        return Ok(Value::Undefined);
    }
    Ok(state.output.finish(agent, gc.into_nogc()).into_value())
}

/// Step 5.b.ii of JSON.stringify: the PropertyList of a replacer array.
/// Returns the positions of the keys, rooted on the scoped-root stack.
fn property_list_from<'gc>(
    agent: &mut Agent,
    replacer: Object,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, (usize, usize)> {
    let replacer = replacer.bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Set PropertyList to a new empty List. (The items are kept as Strings in a
    //    rooted internal list while code may run.)
    let list = agent.create_object(None, ObjectKind::Ordinary, gc.nogc());
    list.set_elements(agent, ElementsRecord::default());
    let list = list.scope(agent, gc.nogc());
    // 2. Let len be ? LengthOfArrayLike(replacer).
    let len = length_of_array_like(agent, replacer.get(agent), gc.reborrow())?;
    // 3. Let k be 0.
    // 4. Repeat, while k < len,
    for k in 0..len {
        // a. Let prop be ! ToString(𝔽(k)).
        let prop = index_key(agent, k, gc.nogc());
        // b. Let v be ? Get(replacer, prop).
        let v = get(agent, replacer.get(agent), prop.unbind(), gc.reborrow())?.unbind();
        // c. Let item be undefined.
        // d. If v is a String, then
        //    i. Set item to v.
        // e. Else if v is a Number, then
        //    i. Set item to ! ToString(v).
        // f. Else if v is an Object, then
        //    i. If v has a [[StringData]] or [[NumberData]] internal slot, set item to
        //       ? ToString(v).
        let item = if v.is_string() || v.is_number() {
            Some(to_string(agent, v, gc.reborrow())?.unbind())
        } else if let Value::Object(o) = v
            && matches!(
                o.kind(agent),
                ObjectKind::StringObject(_) | ObjectKind::NumberObject(_)
            )
        {
            Some(to_string(agent, v, gc.reborrow())?.unbind())
        } else {
            None
        };
        // g. If item is not undefined and PropertyList does not contain item, then
        //    i. Append item to PropertyList.
        if let Some(item) = item {
            let list_object = list.get(agent);
            let contained = list_object.elements(agent).is_some_and(|e| {
                e.dense
                    .iter()
                    .flatten()
                    .any(|v| v.as_string().is_some_and(|s| agent.string_eq(s, item)))
            });
            if !contained {
                list_object
                    .elements_mut(agent)
                    .dense
                    .push(Some(item.into_value()));
            }
        }
        // h. Set k to k + 1.
    }
    // The list is complete (no more code runs): root its keys side by side.
    let strings: Vec<Value<'static>> = list
        .get(agent)
        .elements(agent)
        .map(|e| e.dense.iter().flatten().copied().collect())
        .unwrap_or_default();
    let start = agent.scoped_roots.len();
    for s in &strings {
        let key = agent.string_to_key(s.as_string().expect("string item"), gc.nogc());
        agent.scoped_roots.push(HeapRoot::Key(key.unbind()));
    }
    Ok((start, strings.len()))
}

/// Throws the RangeError for a result longer than the engine allows.
fn check_length<'gc>(
    agent: &mut Agent,
    state: &State,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    if state.output.len() > MAX_STRING_LENGTH {
        return Err(agent.throw_range_error("Invalid string length", gc));
    }
    Ok(())
}

/// ### [25.5.2.2 SerializeJSONProperty ( state, key, holder )](https://tc39.es/ecma262/#sec-serializejsonproperty)
///
/// Appends the serialization to the output; returns false (having appended
/// nothing) when the result is undefined.
fn serialize_json_property<'gc>(
    agent: &mut Agent,
    state: &mut State,
    key: PropertyKey,
    holder: Scoped<Object<'static>>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, bool> {
    let key = key.bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let value be ? Get(holder, key).
    let value = get(agent, holder.get(agent), key.get(agent), gc.reborrow())?.unbind();
    let value = value.scope(agent, gc.nogc());
    // 2. If value is an Object or value is a BigInt, then
    if value.get(agent).is_object() || value.get(agent).is_bigint() {
        // a. Let toJSON be ? GetV(value, "toJSON").
        let to_json = get_v(agent, value.get(agent), state.to_json_key, gc.reborrow())?.unbind();
        // b. If IsCallable(toJSON) is true, then
        if is_callable(agent, to_json) {
            // i. Set value to ? Call(toJSON, value, « key »).
            let key_value = agent.key_to_value(key.get(agent), gc.nogc()).unbind();
            let result = call_function(
                agent,
                to_json,
                value.get(agent),
                ArgumentsList(&[key_value]),
                gc.reborrow(),
            )?
            .unbind();
            value.set(agent, result);
        }
    }
    // 3. If state.[[ReplacerFunction]] is not undefined, then
    if let Some(replacer_function) = state.replacer_function {
        // a. Set value to ? Call(state.[[ReplacerFunction]], holder, « key, value »).
        let key_value = agent.key_to_value(key.get(agent), gc.nogc()).unbind();
        let result = call_function(
            agent,
            replacer_function.get(agent),
            holder.get(agent).into(),
            ArgumentsList(&[key_value, value.get(agent)]),
            gc.reborrow(),
        )?
        .unbind();
        value.set(agent, result);
    }
    // 4. If value is an Object, then
    if let Value::Object(object) = value.get(agent) {
        match object.kind(agent) {
            // a. If value has an [[IsRawJSON]] internal slot, then
            //    i. Return ! Get(value, "rawJSON").
            ObjectKind::RawJson => {
                let raw_key = agent.static_key("rawJSON");
                let raw = get(agent, object, raw_key, gc.reborrow())?.unbind();
                if let Some(raw) = raw.as_string() {
                    state.output.push_string(agent, raw);
                }
                return Ok(true);
            }
            // b. If value has a [[NumberData]] internal slot, then
            //    i. Set value to ? ToNumber(value).
            ObjectKind::NumberObject(_) => {
                let n = to_number(agent, value.get(agent), gc.reborrow())?;
                let n = agent.number(n, gc.nogc()).unbind();
                value.set(agent, n);
            }
            // c. Else if value has a [[StringData]] internal slot, then
            //    i. Set value to ? ToString(value).
            ObjectKind::StringObject(_) => {
                let s = to_string(agent, value.get(agent), gc.reborrow())?.unbind();
                value.set(agent, s.into_value());
            }
            // d. Else if value has a [[BooleanData]] internal slot, then
            //    i. Set value to value.[[BooleanData]].
            ObjectKind::BooleanObject(b) => value.set(agent, Value::Boolean(b)),
            // e. Else if value has a [[BigIntData]] internal slot, then
            //    i. Set value to value.[[BigIntData]].
            ObjectKind::BigIntObject(data) => {
                let bigint = agent.heap.internal_values.get(data.index()).0;
                value.set(agent, bigint);
            }
            _ => {}
        }
    }
    let value = value.get(agent);
    match value {
        // 5. If value is null, return "null".
        Value::Null => state.output.push_str("null"),
        // 6. If value is true, return "true".
        // 7. If value is false, return "false".
        Value::Boolean(true) => state.output.push_str("true"),
        Value::Boolean(false) => state.output.push_str("false"),
        // 8. If value is a String, return QuoteJSONString(value).
        Value::SmallString(_) | Value::String(_) => {
            quote_json_string(agent, &mut state.output, value.as_string().expect("string"));
        }
        // 9. If value is a Number, then
        //    a. If value is finite, return ! ToString(value).
        //    b. Return "null".
        Value::Integer(i) => {
            let _ = write!(state.output, "{i}");
        }
        Value::SmallF64(_) | Value::Number(_) => {
            let n = agent.number_value(value);
            if n.is_finite() {
                state.output.push_str(&number_to_string(n));
            } else {
                state.output.push_str("null");
            }
        }
        // 10. If value is a BigInt, throw a TypeError exception.
        Value::SmallBigInt(_) | Value::BigInt(_) => {
            return Err(
                agent.throw_type_error("Do not know how to serialize a BigInt", gc.into_nogc())
            );
        }
        // 11. If value is an Object and IsCallable(value) is false, then
        Value::Object(object) if !object.is_callable(agent) => {
            // a. Let isArray be ? IsArray(value).
            let is_array = is_array(agent, value, gc.nogc())?;
            let object = object.scope(agent, gc.nogc());
            // The nested call's roots are dropped when it returns.
            let mark = agent.scoped_roots.len();
            enter_native(agent, gc.nogc())?;
            // b. If isArray is true, return ? SerializeJSONArray(state, value).
            // c. Return ? SerializeJSONObject(state, value).
            let result = if is_array {
                serialize_json_array(agent, state, object, gc.subscope())
            } else {
                serialize_json_object(agent, state, object, gc.subscope())
            };
            agent.vm.native_depth -= 1;
            agent.scoped_roots.truncate(mark);
            result?;
        }
        // 12. Return undefined.
        _ => return Ok(false),
    }
    check_length(agent, state, gc.nogc())?;
    Ok(true)
}

/// EnumerableOwnProperties(O, key) read straight from storage, for kinds
/// whose [[OwnPropertyKeys]] and [[GetOwnProperty]] are the ordinary ones
/// (or an Array's, whose `length` is not enumerable): array indexes in
/// ascending order, then string keys in creation order. The keys are pushed
/// onto the scoped-root stack; returns false (having pushed nothing) for
/// other kinds.
fn push_enumerable_keys_from_storage(agent: &mut Agent, o: Object) -> bool {
    let plain = matches!(
        o.kind(agent),
        ObjectKind::Ordinary
            | ObjectKind::Array
            | ObjectKind::Arguments
            | ObjectKind::Error
            | ObjectKind::BooleanObject(_)
            | ObjectKind::NumberObject(_)
            | ObjectKind::Date(_)
            | ObjectKind::BigIntObject(_)
            | ObjectKind::SymbolObject(_)
            | ObjectKind::ECMAScriptFunction(_)
            | ObjectKind::BuiltinFunction(_)
            | ObjectKind::BoundFunction(_)
    );
    if !plain {
        return false;
    }
    let mut keys: Vec<HeapRoot> = Vec::new();
    if let Some(elements) = o.elements(agent) {
        if elements.sparse.is_empty() {
            if elements.dense_attributes.enumerable() {
                keys.extend(
                    elements
                        .dense
                        .iter()
                        .enumerate()
                        .filter(|(_, v)| v.is_some())
                        .map(|(i, _)| HeapRoot::Key(PropertyKey::Index(i as u32))),
                );
            }
        } else {
            for index in elements.indexes() {
                let enumerable = match elements.get(index) {
                    Some(ElementRef::Dense(_, attributes)) => attributes.enumerable(),
                    Some(ElementRef::Sparse(element)) => element.attributes.enumerable(),
                    None => false,
                };
                if enumerable {
                    keys.push(HeapRoot::Key(PropertyKey::Index(index)));
                }
            }
        }
    }
    let shape = o.shape_record(agent);
    keys.extend(
        shape
            .entries
            .iter()
            .filter(|e| !e.key.is_symbol() && e.attributes.enumerable())
            .map(|e| HeapRoot::Key(e.key)),
    );
    agent.scoped_roots.append(&mut keys);
    true
}

/// The cycle check and push onto `state.[[Stack]]` (steps 1–2 of
/// SerializeJSONObject and SerializeJSONArray).
fn push_stack<'gc>(
    agent: &mut Agent,
    state: &State,
    value: Object,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let stack = state.stack.get(agent);
    // 1. If state.[[Stack]] contains value, throw a TypeError exception because the
    //    structure is cyclical.
    let cyclic = stack.elements(agent).is_some_and(|e| {
        e.dense
            .iter()
            .any(|v| *v == Some(Value::Object(value.unbind())))
    });
    if cyclic {
        return Err(agent.throw_type_error("Converting circular structure to JSON", gc));
    }
    // 2. Append value to state.[[Stack]].
    stack
        .elements_mut(agent)
        .dense
        .push(Some(value.unbind().into()));
    Ok(())
}

/// Removes the last element of `state.[[Stack]]`.
fn pop_stack(agent: &mut Agent, state: &State) {
    let stack = state.stack.get(agent);
    stack.elements_mut(agent).dense.pop();
}

/// ### [25.5.2.5 SerializeJSONObject ( state, value )](https://tc39.es/ecma262/#sec-serializejsonobject)
fn serialize_json_object<'gc>(
    agent: &mut Agent,
    state: &mut State,
    value: Scoped<Object<'static>>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    // 1-2. The cycle check; append value to state.[[Stack]].
    push_stack(agent, state, value.get(agent), gc.nogc())?;
    // 3. Let stepBack be state.[[Indent]].
    // 4. Set state.[[Indent]] to the string-concatenation of state.[[Indent]] and state.[[Gap]].
    state.indent += 1;
    // 5. If state.[[PropertyList]] is not undefined, then
    //    a. Let K be state.[[PropertyList]].
    // 6. Else,
    //    a. Let K be ? EnumerableOwnProperties(value, key).
    let (keys_start, keys_len) = match state.property_list {
        Some(list) => list,
        None => {
            let start = agent.scoped_roots.len();
            if push_enumerable_keys_from_storage(agent, value.get(agent)) {
                (start, agent.scoped_roots.len() - start)
            } else {
                let keys = enumerable_own_keys(agent, value.get(agent), gc.reborrow())?.unbind();
                let start = agent.scoped_roots.len();
                agent
                    .scoped_roots
                    .extend(keys.iter().map(|k| HeapRoot::Key(*k)));
                (start, keys.len())
            }
        }
    };
    // 7. Let partial be a new empty List.
    let has_gap = !state.gap.is_empty();
    state.output.push_char('{');
    let mut any = false;
    // 8. For each element P of K, do
    for i in 0..keys_len {
        let HeapRoot::Key(p) = agent.scoped_roots[keys_start + i] else {
            unreachable!("key root")
        };
        let mark = state.output.mark();
        if any {
            state.output.push_char(',');
        }
        if has_gap {
            state.new_line();
        }
        // b. If strP is not undefined, then
        //    i. Let member be QuoteJSONString(P).
        //    ii. Set member to the string-concatenation of member and ":".
        //    iii. If state.[[Gap]] is not the empty String, then
        //         1. Set member to the string-concatenation of member and the code unit 0x0020 (SPACE).
        //    iv. Set member to the string-concatenation of member and strP.
        //    v. Append member to partial.
        quote_key(agent, &mut state.output, p);
        state.output.push_char(':');
        if has_gap {
            state.output.push_char(' ');
        }
        // a. Let strP be ? SerializeJSONProperty(state, P, value).
        if serialize_json_property(agent, state, p, value, gc.reborrow())? {
            any = true;
        } else {
            state.output.truncate(mark);
        }
    }
    // 9. If partial is empty, then
    //    a. Let final be "{}".
    // 10. Else,
    //    a. If state.[[Gap]] is the empty String, then
    //       i. Let properties be the String value formed by concatenating all the element
    //          Strings of partial with each adjacent pair of Strings separated with the code
    //          unit 0x002C (COMMA). A comma is not inserted either before the first String or
    //          after the last String.
    //       ii. Let final be the string-concatenation of "{", properties, and "}".
    //    b. Else,
    //       i. Let separator be the string-concatenation of the code unit 0x002C (COMMA), the
    //          code unit 0x000A (LINE FEED), and state.[[Indent]].
    //       ii. Let properties be the String value formed by concatenating all the element
    //           Strings of partial with each adjacent pair of Strings separated with separator.
    //           The separator String is not inserted either before the first String or after
    //           the last String.
    //       iii. Let stepBack be state.[[Indent]].
    //       iv. Let final be the string-concatenation of "{", the code unit 0x000A (LINE FEED),
    //           state.[[Indent]], properties, the code unit 0x000A (LINE FEED), stepBack, and "}".
    // 12. Set state.[[Indent]] to stepBack.
    state.indent -= 1;
    if any && has_gap {
        state.new_line();
    }
    state.output.push_char('}');
    // 11. Remove the last element of state.[[Stack]].
    pop_stack(agent, state);
    // 13. Return final.
    Ok(())
}

/// ### [25.5.2.6 SerializeJSONArray ( state, value )](https://tc39.es/ecma262/#sec-serializejsonarray)
fn serialize_json_array<'gc>(
    agent: &mut Agent,
    state: &mut State,
    value: Scoped<Object<'static>>,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    // 1-2. The cycle check; append value to state.[[Stack]].
    push_stack(agent, state, value.get(agent), gc.nogc())?;
    // 3. Let stepBack be state.[[Indent]].
    // 4. Set state.[[Indent]] to the string-concatenation of state.[[Indent]] and state.[[Gap]].
    state.indent += 1;
    // 5. Let partial be a new empty List.
    // 6. Let len be ? LengthOfArrayLike(value).
    let len = length_of_array_like(agent, value.get(agent), gc.reborrow())?;
    let has_gap = !state.gap.is_empty();
    state.output.push_char('[');
    // 7. Let index be 0.
    // 8. Repeat, while index < len,
    for index in 0..len {
        if index > 0 {
            state.output.push_char(',');
        }
        if has_gap {
            state.new_line();
        }
        // a. Let strP be ? SerializeJSONProperty(state, ! ToString(𝔽(index)), value).
        // b. If strP is undefined, then
        //    i. Append "null" to partial.
        // c. Else,
        //    i. Append strP to partial.
        let key = index_key(agent, index, gc.nogc());
        if !serialize_json_property(agent, state, key.unbind(), value, gc.reborrow())? {
            state.output.push_str("null");
        }
        check_length(agent, state, gc.nogc())?;
        // d. Set index to index + 1.
    }
    // 9. If partial is empty, then
    //    a. Let final be "[]".
    // 10. Else,
    //    a. If state.[[Gap]] is the empty String, then
    //       i. Let properties be the String value formed by concatenating all the element
    //          Strings of partial with each adjacent pair of Strings separated with the code
    //          unit 0x002C (COMMA). A comma is not inserted either before the first String or
    //          after the last String.
    //       ii. Let final be the string-concatenation of "[", properties, and "]".
    //    b. Else,
    //       i. Let separator be the string-concatenation of the code unit 0x002C (COMMA), the
    //          code unit 0x000A (LINE FEED), and state.[[Indent]].
    //       ii. Let properties be the String value formed by concatenating all the element
    //           Strings of partial with each adjacent pair of Strings separated with separator.
    //           The separator String is not inserted either before the first String or after
    //           the last String.
    //       iii. Let stepBack be state.[[Indent]].
    //       iv. Let final be the string-concatenation of "[", the code unit 0x000A (LINE FEED),
    //           state.[[Indent]], properties, the code unit 0x000A (LINE FEED), stepBack, and "]".
    // 12. Set state.[[Indent]] to stepBack.
    state.indent -= 1;
    if len > 0 && has_gap {
        state.new_line();
    }
    state.output.push_char(']');
    // 11. Remove the last element of state.[[Stack]].
    pop_stack(agent, state);
    // 13. Return final.
    Ok(())
}
