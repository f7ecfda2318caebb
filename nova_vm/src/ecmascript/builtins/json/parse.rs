//! ### [25.5.1 JSON.parse ( text [ , reviver ] )](https://tc39.es/ecma262/#sec-json.parse)
//! and [25.5.1.4 InternalizeJSONProperty ( holder, name, reviver, parseRecord )](https://tc39.es/ecma262/#sec-internalizejsonproperty)

use super::parser::{ParseRecords, Parser, RecordId};
use crate::ecmascript::abstract_operations::{
    call_function, create_data_property, create_data_property_or_throw, enter_native,
    enumerable_own_keys, get, is_array, is_callable, length_of_array_like, same_value, to_string,
};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::builtins::array::index_key;
use crate::ecmascript::execution::{Agent, HeapRoot, Intrinsic, JsResult};
use crate::ecmascript::types::object::ObjectKind;
use crate::ecmascript::types::{Object, PropertyKey, Value};
use crate::engine::{Bindable, GcScope, Rootable, Scoped};

/// What the reviver walk reads besides the values: the code units of the JSON
/// text (for the `source` of primitives) and the parse records.
struct Source<'s> {
    text: &'s [u16],
    records: &'s ParseRecords,
}

/// ### [25.5.1 JSON.parse ( text [ , reviver ] )](https://tc39.es/ecma262/#sec-json.parse)
pub(super) fn parse<'gc>(
    agent: &mut Agent,
    _this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let text = args.get(0).bind(gc.nogc());
    let reviver = args.get(1).scope(agent, gc.nogc());
    // 1. Let jsonString be ? ToString(text).
    let json_string = to_string(agent, text.unbind(), gc.reborrow())?.unbind();
    let units = agent.string_utf16(json_string).into_owned();
    let with_records = is_callable(agent, reviver.get(agent));
    // 2. Let parseResult be ? ParseJSON(jsonString).
    let parsed = Parser::new(&units, with_records).parse(agent, gc.nogc())?;
    // 3. Let unfiltered be parseResult.[[Value]].
    let unfiltered = parsed.value;
    // 4. If IsCallable(reviver) is true, then
    let Some((records, snapshot)) = parsed.record else {
        // 5. Else, return unfiltered.
        return Ok(unfiltered.unbind().bind(gc.into_nogc()));
    };
    // a. Let root be OrdinaryObjectCreate(%Object.prototype%).
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let root = agent.create_object(Some(object_prototype), ObjectKind::Ordinary, gc.nogc());
    // b. Let rootName be the empty String.
    let root_name = PropertyKey::from_static_str("").expect("empty key");
    // c. Perform ! CreateDataPropertyOrThrow(root, rootName, unfiltered).
    let root = root.scope(agent, gc.nogc());
    create_data_property_or_throw(
        agent,
        root.get(agent),
        root_name,
        unfiltered.unbind(),
        gc.reborrow(),
    )?;
    // d. Let snapshot be CreateJSONParseRecord(parseResult.[[ParseNode]], rootName, unfiltered).
    // e. Return ? InternalizeJSONProperty(root, rootName, reviver, snapshot).
    let source = Source {
        text: &units,
        records: &records,
    };
    internalize_json_property(agent, root, root_name, reviver, Some(snapshot), &source, gc)
}

/// The record of the entry named `key`, if the snapshot has one.
fn entry_record(
    agent: &Agent,
    entries: &[(usize, RecordId)],
    key: PropertyKey,
) -> Option<RecordId> {
    entries
        .iter()
        .rev()
        .find_map(|&(position, record)| match agent.scoped_roots[position] {
            HeapRoot::Key(k) if k == key.unbind() => Some(record),
            _ => None,
        })
}

/// ### [25.5.1.4 InternalizeJSONProperty ( holder, name, reviver, parseRecord )](https://tc39.es/ecma262/#sec-internalizejsonproperty)
///
/// Nested objects recurse; each level counts against the native call depth,
/// so a deeply nested input ends in a RangeError rather than a stack overflow.
fn internalize_json_property<'gc>(
    agent: &mut Agent,
    holder: Scoped<Object<'static>>,
    name: PropertyKey,
    reviver: Scoped<Value<'static>>,
    parse_record: Option<RecordId>,
    source: &Source,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    let name = name.bind(gc.nogc()).scope(agent, gc.nogc());
    // 1. Let val be ? Get(holder, name).
    let val = get(agent, holder.get(agent), name.get(agent), gc.reborrow())?.unbind();
    let val = val.scope(agent, gc.nogc());
    // 2. Let context be OrdinaryObjectCreate(%Object.prototype%).
    let object_prototype = agent.intrinsic(Intrinsic::ObjectPrototype);
    let context = agent
        .create_object(Some(object_prototype), ObjectKind::Ordinary, gc.nogc())
        .scope(agent, gc.nogc());
    // 3. If parseRecord is a JSON Parse Record and SameValue(parseRecord.[[Value]], val) is
    //    true, then
    let (element_records, entry_records): (&[RecordId], &[(usize, RecordId)]) = match parse_record
        .map(|id| source.records.get(id))
    {
        Some(record) if matches!(agent.scoped_roots[record.value], HeapRoot::Value(v) if same_value(agent, v, val.get(agent))) =>
        {
            // a. If val is not an Object, then
            if let Some((start, end)) = record.source {
                // i. Let parseNode be parseRecord.[[ParseNode]].
                // ii. Assert: parseNode is not an ArrayLiteral Parse Node and not an
                //     ObjectLiteral Parse Node.
                // iii. Let sourceText be the source text matched by parseNode.
                // iv. Perform ! CreateDataPropertyOrThrow(context, "source",
                //     CodePointsToString(sourceText)).
                let text = agent.create_string_from_utf16(&source.text[start..end], gc.nogc());
                let source_key = agent.static_key("source");
                create_data_property_or_throw(
                    agent,
                    context.get(agent),
                    source_key,
                    text.into_value().unbind(),
                    gc.reborrow(),
                )?;
            }
            // b. Let elementRecords be parseRecord.[[Elements]].
            // c. Let entryRecords be parseRecord.[[Entries]].
            (&record.elements, &record.entries)
        }
        // 4. Else,
        //    a. Let elementRecords be a new empty List.
        //    b. Let entryRecords be a new empty List.
        _ => (&[], &[]),
    };
    // 5. If val is an Object, then
    if let Value::Object(object) = val.get(agent) {
        let object = object.scope(agent, gc.nogc());
        // a. Let isArray be ? IsArray(val).
        let is_array = is_array(agent, val.get(agent), gc.nogc())?;
        // b. If isArray is true, then
        if is_array {
            // i. Let elementRecordsLen be the number of elements in elementRecords.
            // ii. Let I be 0.
            // iii. Let len be ? LengthOfArrayLike(val).
            let len = length_of_array_like(agent, object.get(agent), gc.reborrow())?;
            // iv. Repeat, while I < len,
            for i in 0..len {
                // 1. Let prop be ! ToString(𝔽(I)).
                let prop = index_key(agent, i, gc.nogc());
                // 2. If I < elementRecordsLen, let elementRecord be elementRecords[I].
                //    Otherwise, let elementRecord be empty.
                let element_record = usize::try_from(i)
                    .ok()
                    .and_then(|i| element_records.get(i).copied());
                // 3. Let newElement be ? InternalizeJSONProperty(val, prop, reviver, elementRecord).
                // 4. If newElement is undefined, then
                //    a. Perform ? val.[[Delete]](prop).
                // 5. Else,
                //    a. Perform ? CreateDataProperty(val, prop, newElement).
                internalize_member(
                    agent,
                    object,
                    prop.unbind(),
                    reviver,
                    element_record,
                    source,
                    gc.reborrow(),
                )?;
                // 6. Set I to I + 1.
            }
        } else {
            // c. Else,
            //    i. Let keys be ? EnumerableOwnProperties(val, key).
            let keys = enumerable_own_keys(agent, object.get(agent), gc.reborrow())?.unbind();
            let keys_start = agent.scoped_roots.len();
            for key in &keys {
                key.scope(agent, gc.nogc());
            }
            //    ii. For each String P of keys, do
            for i in 0..keys.len() {
                let HeapRoot::Key(p) = agent.scoped_roots[keys_start + i] else {
                    unreachable!("key root")
                };
                // 1. Let entryRecord be the element of entryRecords whose [[Key]] field is P.
                //    If there is no such element, set entryRecord to empty.
                let entry = entry_record(agent, entry_records, p);
                // 2. Let newElement be ? InternalizeJSONProperty(val, P, reviver, entryRecord).
                // 3. If newElement is undefined, then
                //    a. Perform ? val.[[Delete]](P).
                // 4. Else,
                //    a. Perform ? CreateDataProperty(val, P, newElement).
                internalize_member(agent, object, p, reviver, entry, source, gc.reborrow())?;
            }
        }
    }
    // 6. Return ? Call(reviver, holder, « name, val, context »).
    let name_value = agent.key_to_value(name.get(agent), gc.nogc()).unbind();
    call_function(
        agent,
        reviver.get(agent),
        holder.get(agent).into(),
        ArgumentsList(&[name_value, val.get(agent), context.get(agent).into()]),
        gc,
    )
}

/// One member of an array or object: revive it, then delete or redefine it.
fn internalize_member<'gc>(
    agent: &mut Agent,
    holder: Scoped<Object<'static>>,
    key: PropertyKey,
    reviver: Scoped<Value<'static>>,
    record: Option<RecordId>,
    source: &Source,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, ()> {
    let key = key.bind(gc.nogc()).scope(agent, gc.nogc());
    // The nested call's roots are dropped when it returns.
    let mark = agent.scoped_roots.len();
    enter_native(agent, gc.nogc())?;
    let new_element = internalize_json_property(
        agent,
        holder,
        key.get(agent),
        reviver,
        record,
        source,
        gc.subscope(),
    )
    .unbind();
    agent.vm.native_depth -= 1;
    agent.scoped_roots.truncate(mark);
    let new_element = new_element?;
    if new_element.is_undefined() {
        // Perform ? val.[[Delete]](P).
        holder
            .get(agent)
            .internal_delete(agent, key.get(agent), gc.reborrow())?;
    } else {
        // Perform ? CreateDataProperty(val, P, newElement).
        create_data_property(
            agent,
            holder.get(agent),
            key.get(agent),
            new_element,
            gc.reborrow(),
        )?;
    }
    Ok(())
}
