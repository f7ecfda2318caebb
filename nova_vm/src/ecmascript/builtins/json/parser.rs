//! The JSON text grammar of ECMA-404, as [25.5.1.1 ParseJSON ( text )](https://tc39.es/ecma262/#sec-ParseJSON)
//! uses it: parses the code units of a String and builds the value directly
//! (what evaluating the text as a |Script| would produce, with every object
//! property created by CreateDataProperty, `"__proto__"` included).
//!
//! Nesting is handled with an explicit stack, so arbitrarily deep input
//! cannot overflow the Rust stack. Nothing here runs JavaScript, so the
//! handles being built may live in Rust vectors until the value is complete.
//!
//! When asked, the parser also records a JSON Parse Record for every value
//! (its value, the source text of primitives, and the records of array
//! elements and object entries), for the reviver's `context` argument.

use crate::ecmascript::execution::{Agent, HeapRoot, Intrinsic, JsResult};
use crate::ecmascript::types::object::{Attributes, ElementsRecord, ObjectKind};
use crate::ecmascript::types::{Object, PropertyKey, Value};
use crate::engine::{Bindable, NoGcScope};

/// The position of a record in [`ParseRecords`].
pub(super) type RecordId = u32;

/// ### [25.5.1.3 JSON Parse Record](https://tc39.es/ecma262/#sec-json-parse-record)
///
/// Values and keys are kept on the scoped-root stack (at `value` and in
/// `entries`) so that they survive collections while the reviver runs.
/// Records refer to the records of their elements and entries by position in
/// one flat table, so that no Rust code recurses over deeply nested input.
#[derive(Debug, Default)]
pub(super) struct ParseRecord {
    /// Position of `[[Value]]` on the scoped-root stack.
    pub value: usize,
    /// For primitives, the code units of the source text matched (`[[ParseNode]]`).
    pub source: Option<(usize, usize)>,
    /// `[[Elements]]`: the records of an array's elements.
    pub elements: Vec<RecordId>,
    /// `[[Entries]]`: (position of the key on the scoped-root stack, record) per
    /// property of an object, the last definition of a repeated name winning.
    pub entries: Vec<(usize, RecordId)>,
}

/// Every JSON Parse Record of one parse.
#[derive(Debug, Default)]
pub(super) struct ParseRecords {
    records: Vec<ParseRecord>,
}

impl ParseRecords {
    /// The record at `id`.
    pub(super) fn get(&self, id: RecordId) -> &ParseRecord {
        &self.records[id as usize]
    }

    fn push(&mut self, record: ParseRecord) -> RecordId {
        self.records.push(record);
        (self.records.len() - 1) as RecordId
    }
}

/// A container being filled.
enum Open<'a> {
    Array {
        values: Vec<Option<Value<'static>>>,
        records: Vec<RecordId>,
    },
    Object {
        object: Object<'a>,
        key: Option<PropertyKey<'a>>,
        entries: Vec<(PropertyKey<'static>, RecordId)>,
    },
}

/// The result of parsing: the value, and its record if records were asked for.
pub(super) struct Parsed<'a> {
    pub value: Value<'a>,
    /// The records and the root value's record.
    pub record: Option<(ParseRecords, RecordId)>,
}

/// A JSON text being parsed.
pub(super) struct Parser<'t> {
    text: &'t [u16],
    position: usize,
    /// Whether JSON Parse Records are built.
    with_records: bool,
    /// Values and keys the records refer to, pushed to the root stack at the end.
    record_roots: Vec<HeapRoot>,
    /// The records made so far.
    records: ParseRecords,
}

fn is_json_whitespace(unit: u16) -> bool {
    matches!(unit, 0x09 | 0x0A | 0x0D | 0x20)
}

impl<'t> Parser<'t> {
    pub(super) fn new(text: &'t [u16], with_records: bool) -> Self {
        Self {
            text,
            position: 0,
            with_records,
            record_roots: Vec::new(),
            records: ParseRecords::default(),
        }
    }

    fn peek(&self) -> Option<u16> {
        self.text.get(self.position).copied()
    }

    fn skip_whitespace(&mut self) {
        while self.peek().is_some_and(is_json_whitespace) {
            self.position += 1;
        }
    }

    fn error<'a, T>(&self, agent: &mut Agent, gc: NoGcScope<'a, '_>) -> JsResult<'a, T> {
        let message = match self.peek() {
            None => "Unexpected end of JSON input".to_owned(),
            Some(unit) => {
                let shown = char::from_u32(u32::from(unit)).unwrap_or('\u{FFFD}');
                format!(
                    "Unexpected token '{shown}' in JSON at position {}",
                    self.position
                )
            }
        };
        Err(agent.throw_syntax_error(&message, gc))
    }

    fn expect_word<'a>(
        &mut self,
        agent: &mut Agent,
        word: &str,
        gc: NoGcScope<'a, '_>,
    ) -> JsResult<'a, ()> {
        for byte in word.bytes() {
            if self.peek() != Some(u16::from(byte)) {
                return self.error(agent, gc);
            }
            self.position += 1;
        }
        Ok(())
    }

    /// A record for a primitive parsed from `start` to the current position.
    fn primitive_record(&mut self, value: Value, start: usize) -> RecordId {
        if !self.with_records {
            return 0;
        }
        self.record_roots.push(HeapRoot::Value(value.unbind()));
        self.records.push(ParseRecord {
            value: self.record_roots.len() - 1,
            source: Some((start, self.position)),
            ..Default::default()
        })
    }

    /// Parses the whole text as one JSON value.
    pub(super) fn parse<'a>(
        mut self,
        agent: &mut Agent,
        gc: NoGcScope<'a, '_>,
    ) -> JsResult<'a, Parsed<'a>> {
        let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
        let mut stack: Vec<Open<'a>> = Vec::new();
        loop {
            // A value is expected here.
            self.skip_whitespace();
            let start = self.position;
            let (mut value, mut record): (Value<'a>, RecordId) = match self.peek() {
                Some(0x7B) => {
                    // `{`
                    self.position += 1;
                    let object =
                        agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc);
                    self.skip_whitespace();
                    if self.peek() == Some(0x7D) {
                        self.position += 1;
                        self.finish_object(object, Vec::new())
                    } else {
                        let key = self.parse_key(agent, gc)?;
                        stack.push(Open::Object {
                            object,
                            key: Some(key),
                            entries: Vec::new(),
                        });
                        continue;
                    }
                }
                Some(0x5B) => {
                    // `[`
                    self.position += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(0x5D) {
                        self.position += 1;
                        self.finish_array(agent, Vec::new(), Vec::new(), gc)
                    } else {
                        stack.push(Open::Array {
                            values: Vec::new(),
                            records: Vec::new(),
                        });
                        continue;
                    }
                }
                Some(0x22) => {
                    let s = self.parse_string(agent, gc)?;
                    let value = s.into_value();
                    let record = self.primitive_record(value, start);
                    (value, record)
                }
                Some(0x74) => {
                    self.expect_word(agent, "true", gc)?;
                    (
                        Value::Boolean(true),
                        self.primitive_record(Value::Boolean(true), start),
                    )
                }
                Some(0x66) => {
                    self.expect_word(agent, "false", gc)?;
                    (
                        Value::Boolean(false),
                        self.primitive_record(Value::Boolean(false), start),
                    )
                }
                Some(0x6E) => {
                    self.expect_word(agent, "null", gc)?;
                    (Value::Null, self.primitive_record(Value::Null, start))
                }
                Some(unit) if unit == 0x2D || (0x30..=0x39).contains(&unit) => {
                    let number = self.parse_number(agent, gc)?;
                    let value = agent.number(number, gc);
                    let record = self.primitive_record(value, start);
                    (value, record)
                }
                _ => return self.error(agent, gc),
            };
            // A value is complete: hand it to the enclosing containers, closing
            // those that end here.
            loop {
                self.skip_whitespace();
                match stack.last_mut() {
                    None => {
                        if self.position != self.text.len() {
                            return self.error(agent, gc);
                        }
                        let record = self.with_records.then(|| {
                            // The record roots move to the scoped-root stack: rebase the
                            // positions the records hold.
                            let base = agent.scoped_roots.len();
                            agent.scoped_roots.append(&mut self.record_roots);
                            let mut records = std::mem::take(&mut self.records);
                            for r in &mut records.records {
                                r.value += base;
                                for (key, _) in &mut r.entries {
                                    *key += base;
                                }
                            }
                            (records, record)
                        });
                        return Ok(Parsed { value, record });
                    }
                    Some(Open::Array { values, records }) => {
                        values.push(Some(value.unbind()));
                        if self.with_records {
                            records.push(record);
                        }
                        match self.peek() {
                            Some(0x2C) => {
                                self.position += 1;
                                break;
                            }
                            Some(0x5D) => {
                                self.position += 1;
                                let Some(Open::Array { values, records }) = stack.pop() else {
                                    unreachable!("open array")
                                };
                                (value, record) = self.finish_array(agent, values, records, gc);
                            }
                            _ => return self.error(agent, gc),
                        }
                    }
                    Some(Open::Object {
                        object,
                        key,
                        entries,
                    }) => {
                        let object = *object;
                        let property = key.take().expect("pending key");
                        let repeated = define_json_property(agent, object, property, value);
                        if self.with_records {
                            let property = property.unbind();
                            let previous = if repeated {
                                entries.iter_mut().find(|(k, _)| *k == property)
                            } else {
                                None
                            };
                            match previous {
                                Some(entry) => entry.1 = record,
                                None => entries.push((property, record)),
                            }
                        }
                        match self.peek() {
                            Some(0x2C) => {
                                self.position += 1;
                                self.skip_whitespace();
                                let next_key = self.parse_key(agent, gc)?;
                                if let Some(Open::Object { key, .. }) = stack.last_mut() {
                                    *key = Some(next_key);
                                }
                                break;
                            }
                            Some(0x7D) => {
                                self.position += 1;
                                let Some(Open::Object { entries, .. }) = stack.pop() else {
                                    unreachable!("open object")
                                };
                                (value, record) = self.finish_object(object, entries);
                            }
                            _ => return self.error(agent, gc),
                        }
                    }
                }
            }
        }
    }

    fn finish_array<'a>(
        &mut self,
        agent: &mut Agent,
        values: Vec<Option<Value<'static>>>,
        records: Vec<RecordId>,
        gc: NoGcScope<'a, '_>,
    ) -> (Value<'a>, RecordId) {
        let prototype = agent.intrinsic(Intrinsic::ArrayPrototype);
        let array = agent.create_object(Some(prototype), ObjectKind::Array, gc);
        array.set_elements(agent, ElementsRecord::from_values(values));
        let value = Value::from(array);
        if !self.with_records {
            return (value, 0);
        }
        self.record_roots.push(HeapRoot::Value(value.unbind()));
        let record = self.records.push(ParseRecord {
            value: self.record_roots.len() - 1,
            elements: records,
            ..Default::default()
        });
        (value, record)
    }

    fn finish_object<'a>(
        &mut self,
        object: Object<'a>,
        entries: Vec<(PropertyKey<'static>, RecordId)>,
    ) -> (Value<'a>, RecordId) {
        let value = Value::from(object);
        if !self.with_records {
            return (value, 0);
        }
        self.record_roots.push(HeapRoot::Value(value.unbind()));
        let index = self.record_roots.len() - 1;
        let entries = entries
            .into_iter()
            .map(|(key, record)| {
                self.record_roots.push(HeapRoot::Key(key));
                (self.record_roots.len() - 1, record)
            })
            .collect();
        let record = self.records.push(ParseRecord {
            value: index,
            entries,
            ..Default::default()
        });
        (value, record)
    }

    /// A member name and the `:` after it.
    fn parse_key<'a>(
        &mut self,
        agent: &mut Agent,
        gc: NoGcScope<'a, '_>,
    ) -> JsResult<'a, PropertyKey<'a>> {
        if self.peek() != Some(0x22) {
            return self.error(agent, gc);
        }
        let name = self.parse_string(agent, gc)?;
        self.skip_whitespace();
        if self.peek() != Some(0x3A) {
            return self.error(agent, gc);
        }
        self.position += 1;
        Ok(agent.string_to_key(name, gc))
    }

    /// A string literal (the position is at its opening quote).
    fn parse_string<'a>(
        &mut self,
        agent: &mut Agent,
        gc: NoGcScope<'a, '_>,
    ) -> JsResult<'a, crate::ecmascript::types::JsString<'a>> {
        self.position += 1;
        let start = self.position;
        // Plain ASCII without escapes: the common case.
        while let Some(unit) = self.peek() {
            if unit == 0x22 {
                let units = &self.text[start..self.position];
                self.position += 1;
                // Short strings are stored inline: no allocation for them.
                if units.len() <= 7 {
                    let mut buffer = [0u8; 7];
                    for (byte, &unit) in buffer.iter_mut().zip(units) {
                        *byte = unit as u8;
                    }
                    let text = std::str::from_utf8(&buffer[..units.len()]).unwrap_or_default();
                    return Ok(agent.create_string(text, gc));
                }
                let bytes: Vec<u8> = units.iter().map(|&u| u as u8).collect();
                let text = String::from_utf8(bytes).unwrap_or_default();
                return Ok(agent.create_string_from_owned(text, gc));
            }
            if unit == 0x5C || !(0x20..0x80).contains(&unit) {
                break;
            }
            self.position += 1;
        }
        let mut units: Vec<u16> = self.text[start..self.position].to_vec();
        loop {
            let Some(unit) = self.peek() else {
                return self.error(agent, gc);
            };
            match unit {
                0x22 => {
                    self.position += 1;
                    return Ok(agent.create_string_from_utf16(&units, gc));
                }
                0x5C => {
                    self.position += 1;
                    let Some(escape) = self.peek() else {
                        return self.error(agent, gc);
                    };
                    let decoded = match escape {
                        0x22 => 0x22,
                        0x5C => 0x5C,
                        0x2F => 0x2F,
                        0x62 => 0x08,
                        0x66 => 0x0C,
                        0x6E => 0x0A,
                        0x72 => 0x0D,
                        0x74 => 0x09,
                        0x75 => {
                            let mut code = 0u16;
                            for _ in 0..4 {
                                self.position += 1;
                                let digit = self
                                    .peek()
                                    .and_then(|d| char::from_u32(u32::from(d)))
                                    .and_then(|c| c.to_digit(16));
                                let Some(digit) = digit else {
                                    return self.error(agent, gc);
                                };
                                code = code * 16 + digit as u16;
                            }
                            code
                        }
                        _ => return self.error(agent, gc),
                    };
                    self.position += 1;
                    units.push(decoded);
                }
                unit if unit < 0x20 => return self.error(agent, gc),
                unit => {
                    self.position += 1;
                    units.push(unit);
                }
            }
        }
    }

    /// A number (the position is at its first character).
    fn parse_number<'a>(&mut self, agent: &mut Agent, gc: NoGcScope<'a, '_>) -> JsResult<'a, f64> {
        let start = self.position;
        let digits = |parser: &mut Self| {
            let from = parser.position;
            while parser.peek().is_some_and(|u| (0x30..=0x39).contains(&u)) {
                parser.position += 1;
            }
            parser.position - from
        };
        if self.peek() == Some(0x2D) {
            self.position += 1;
        }
        match self.peek() {
            Some(0x30) => self.position += 1,
            Some(unit) if (0x31..=0x39).contains(&unit) => {
                digits(self);
            }
            _ => return self.error(agent, gc),
        }
        if self.peek() == Some(0x2E) {
            self.position += 1;
            if digits(self) == 0 {
                return self.error(agent, gc);
            }
        }
        if matches!(self.peek(), Some(0x65 | 0x45)) {
            self.position += 1;
            if matches!(self.peek(), Some(0x2B | 0x2D)) {
                self.position += 1;
            }
            if digits(self) == 0 {
                return self.error(agent, gc);
            }
        }
        let units = &self.text[start..self.position];
        // Integers of up to nine digits are exact: no text conversion for them.
        let (negative, digits) = match units.split_first() {
            Some((0x2D, rest)) => (true, rest),
            _ => (false, units),
        };
        if digits.len() <= 9 && digits.iter().all(|u| (0x30..=0x39).contains(u)) {
            let magnitude = digits
                .iter()
                .fold(0i64, |n, &u| n * 10 + i64::from(u - 0x30))
                as f64;
            return Ok(if negative { -magnitude } else { magnitude });
        }
        let text: String = units.iter().map(|&u| u as u8 as char).collect();
        Ok(text.parse::<f64>().unwrap_or(f64::NAN))
    }
}

/// CreateDataProperty on an object being built by the parser: a repeated
/// name replaces the value in place. Returns true for a repeated name.
fn define_json_property(agent: &mut Agent, object: Object, key: PropertyKey, value: Value) -> bool {
    match key {
        PropertyKey::Index(index) => {
            let elements = object.elements_mut(agent);
            let repeated = elements.has(index);
            elements.set(index, value.unbind(), Attributes::DEFAULT);
            repeated
        }
        _ => {
            if object.find_named(agent, key).is_some() {
                object.replace_named(agent, key, Attributes::DEFAULT, value, Value::Undefined);
                true
            } else {
                object.add_named_data(agent, key, value, Attributes::DEFAULT);
                false
            }
        }
    }
}
