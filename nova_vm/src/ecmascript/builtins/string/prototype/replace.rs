//! [22.1.3.19 String.prototype.replace](https://tc39.es/ecma262/#sec-string.prototype.replace)
//! with [22.1.3.19.1 GetSubstitution](https://tc39.es/ecma262/#sec-getsubstitution), and
//! [22.1.3.20 String.prototype.replaceAll](https://tc39.es/ecma262/#sec-string.prototype.replaceall).

use super::super::check_builder_length;
use super::regexp_methods::{require_global_flag, require_this_coercible};
use crate::ecmascript::abstract_operations::{
    call_function, get, get_method, is_callable, is_reg_exp, to_string,
};
use crate::ecmascript::builtins::ArgumentsList;
use crate::ecmascript::execution::{Agent, JsResult};
use crate::ecmascript::types::{
    CodeUnits, JsString, Object, StringBuilder, Value, WellKnownSymbol,
};
use crate::engine::{Bindable, GcScope, NoGcScope, Rootable, Scoped};

/// The converted arguments of replace and replaceAll once no replacer method took over.
struct ReplaceArguments<'s> {
    /// `string`
    string: Scoped<'s, JsString<'static>>,
    /// `searchString`
    search_string: Scoped<'s, JsString<'static>>,
    /// `replaceValue`: the function to call, or the replacement template.
    replace_value: Replacement<'s>,
}

/// `replaceValue` after `If functionalReplace is false, then Set replaceValue to ?
/// ToString(replaceValue).`
enum Replacement<'s> {
    /// functionalReplace is true.
    Function(Scoped<'s, Value<'static>>),
    /// functionalReplace is false: the replacement template.
    Template(Scoped<'s, JsString<'static>>),
}

/// How replace and replaceAll proceed after their opening steps.
enum ReplaceStart<'s, 'gc> {
    /// A replacer method of the search value handled the call and returned this.
    Replaced(Value<'gc>),
    /// The arguments, converted, for the string search.
    Search(ReplaceArguments<'s>),
}

/// What replace and replaceAll do before searching: the method of an object
/// argument takes over (`Return ? Call(replacer, searchValue, « O, replaceValue »).`),
/// or the arguments are converted.
fn replace_arguments<'gc, 's>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    method: &str,
    mut gc: GcScope<'gc, 's>,
) -> JsResult<'gc, ReplaceStart<'s, 'gc>> {
    let o = this.bind(gc.nogc());
    let search_value = args.get(0).bind(gc.nogc());
    let replace_value = args.get(1).bind(gc.nogc());
    let replace_all = method == "replaceAll";
    // 1. Let O be ? RequireObjectCoercible(this value).
    require_this_coercible(agent, o, method, gc.nogc())?;
    let o = o.scope(agent, gc.nogc());
    let search_value = search_value.scope(agent, gc.nogc());
    let replace_value = replace_value.scope(agent, gc.nogc());
    // 2. If searchValue is an Object, then
    if search_value.get(agent).is_object() {
        // replaceAll: a. Let isRegExp be ? IsRegExp(searchValue).
        //             b. If isRegExp is true, then check its flags contain "g".
        if replace_all && is_reg_exp(agent, search_value.get(agent), gc.reborrow())? {
            require_global_flag(agent, search_value.get(agent), method, gc.reborrow())?;
        }
        // a. Let replacer be ? GetMethod(searchValue, %Symbol.replace%).
        let replacer = get_method(
            agent,
            search_value.get(agent),
            WellKnownSymbol::Replace.key(),
            gc.reborrow(),
        )?
        .unbind();
        // b. If replacer is not undefined, then
        if let Some(replacer) = replacer {
            // i. Return ? Call(replacer, searchValue, « O, replaceValue »).
            let result = call_function(
                agent,
                replacer,
                search_value.get(agent),
                ArgumentsList(&[o.get(agent), replace_value.get(agent)]),
                gc,
            )?;
            return Ok(ReplaceStart::Replaced(result));
        }
    }
    // 3. Let string be ? ToString(O).
    let string = to_string(agent, o.get(agent), gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 4. Let searchString be ? ToString(searchValue).
    let search_string = to_string(agent, search_value.get(agent), gc.reborrow())?
        .unbind()
        .scope(agent, gc.nogc());
    // 5. Let functionalReplace be IsCallable(replaceValue).
    // 6. If functionalReplace is false, then
    let replace_value = if is_callable(agent, replace_value.get(agent)) {
        Replacement::Function(replace_value)
    } else {
        // a. Set replaceValue to ? ToString(replaceValue).
        let template = to_string(agent, replace_value.get(agent), gc.reborrow())?.unbind();
        Replacement::Template(template.scope(agent, gc.nogc()))
    };
    Ok(ReplaceStart::Search(ReplaceArguments {
        string,
        search_string,
        replace_value,
    }))
}

/// The replacement for a match at `position`: `Let replacement be ? ToString(?
/// Call(replaceValue, undefined, « searchString, 𝔽(position), string »)).` or
/// `Let replacement be ! GetSubstitution(searchString, string, position, « »,
/// undefined, replaceValue).`
fn replacement_for<'gc>(
    agent: &mut Agent,
    arguments: &ReplaceArguments,
    position: usize,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, JsString<'gc>> {
    match arguments.replace_value {
        Replacement::Function(function) => {
            let call_args = [
                arguments.search_string.get(agent).into_value(),
                Value::from_u32(position as u32),
                arguments.string.get(agent).into_value(),
            ];
            let result = call_function(
                agent,
                function.get(agent),
                Value::Undefined,
                ArgumentsList(&call_args),
                gc.reborrow(),
            )?
            .unbind();
            to_string(agent, result, gc)
        }
        Replacement::Template(template) => get_substitution(
            agent,
            arguments.search_string.get(agent),
            arguments.string.get(agent),
            position,
            &[],
            None,
            template.get(agent),
            gc,
        ),
    }
}

/// ### [22.1.3.19 String.prototype.replace ( searchValue, replaceValue )](https://tc39.es/ecma262/#sec-string.prototype.replace)
pub(super) fn replace<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. If searchValue is an Object, then a replacer method may take over.
    // 3. Let string be ? ToString(O).
    // 4. Let searchString be ? ToString(searchValue).
    // 5. Let functionalReplace be IsCallable(replaceValue).
    // 6. If functionalReplace is false, set replaceValue to ? ToString(replaceValue).
    let arguments = match replace_arguments(agent, this, args, "replace", gc.reborrow())? {
        ReplaceStart::Search(arguments) => arguments,
        ReplaceStart::Replaced(result) => return Ok(result.unbind().bind(gc.into_nogc())),
    };
    let string = arguments.string.get(agent);
    let search_string = arguments.search_string.get(agent);
    // 7. Let searchLength be the length of searchString.
    let search_length = agent.string_length(search_string);
    // 8. Let position be StringIndexOf(string, searchString, 0).
    let position = agent
        .code_units(&string)
        .index_of(&agent.code_units(&search_string), 0);
    // 9. If position is not-found, return string.
    let Some(position) = position else {
        return Ok(string.bind(gc.into_nogc()).into_value());
    };
    // 12. If functionalReplace is true, then
    //     a. Let replacement be ? ToString(? Call(replaceValue, undefined,
    //        « searchString, 𝔽(position), string »)).
    // 13. Else,
    //     a. Assert: replaceValue is a String.
    //     b. Let captures be a new empty List.
    //     c. Let replacement be ! GetSubstitution(searchString, string, position, captures,
    //        undefined, replaceValue).
    let replacement = replacement_for(agent, &arguments, position, gc.reborrow())?.unbind();
    let gc = gc.into_nogc();
    let string = arguments.string.get(agent).bind(gc);
    let units = agent.code_units(&string);
    // 10. Let preceding be the substring of string from 0 to position.
    // 11. Let following be the substring of string from position + searchLength.
    // 14. Return the string-concatenation of preceding, replacement, and following.
    let mut result = StringBuilder::new();
    result.push_range(&units, 0, position);
    result.push_string(agent, replacement);
    result.push_range(&units, position + search_length, units.len());
    check_builder_length(agent, &result, gc)?;
    Ok(result.finish(agent, gc).into_value())
}

/// ### [22.1.3.20 String.prototype.replaceAll ( searchValue, replaceValue )](https://tc39.es/ecma262/#sec-string.prototype.replaceall)
pub(super) fn replace_all<'gc>(
    agent: &mut Agent,
    this: Value,
    args: ArgumentsList,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, Value<'gc>> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. If searchValue is an Object, then: a RegExp must be global, and a
    //    replacer method may take over.
    // 3. Let string be ? ToString(O).
    // 4. Let searchString be ? ToString(searchValue).
    // 5. Let functionalReplace be IsCallable(replaceValue).
    // 6. If functionalReplace is false, set replaceValue to ? ToString(replaceValue).
    let arguments = match replace_arguments(agent, this, args, "replaceAll", gc.reborrow())? {
        ReplaceStart::Search(arguments) => arguments,
        ReplaceStart::Replaced(result) => return Ok(result.unbind().bind(gc.into_nogc())),
    };
    let string = arguments.string.get(agent);
    let search_string = arguments.search_string.get(agent);
    // 7. Let searchLength be the length of searchString.
    let search_length = agent.string_length(search_string);
    // 8. Let advanceBy be max(1, searchLength).
    let advance_by = search_length.max(1);
    // 9. Let matchPositions be a new empty List.
    let mut match_positions = Vec::new();
    {
        let units = agent.code_units(&string);
        let search = agent.code_units(&search_string);
        // 10. Let position be StringIndexOf(string, searchString, 0).
        let mut position = units.index_of(&search, 0);
        // 11. Repeat, while position is not not-found,
        while let Some(p) = position {
            // a. Append position to matchPositions.
            match_positions.push(p);
            // b. Set position to StringIndexOf(string, searchString, position + advanceBy).
            position = units.index_of(&search, p + advance_by);
        }
    }
    // 12. Let endOfLastMatch be 0.
    let mut end_of_last_match = 0;
    // 13. Let result be the empty String.
    let mut result = StringBuilder::new();
    // 14. For each element p of matchPositions, do
    for p in match_positions {
        // b. If functionalReplace is true, then
        //    i. Let replacement be ? ToString(? Call(replaceValue, undefined,
        //       « searchString, 𝔽(p), string »)).
        // c. Else,
        //    i. Assert: replaceValue is a String.
        //    ii. Let captures be a new empty List.
        //    iii. Let replacement be ! GetSubstitution(searchString, string, p, captures,
        //         undefined, replaceValue).
        let replacement = replacement_for(agent, &arguments, p, gc.reborrow())?.unbind();
        let string = arguments.string.get(agent);
        // a. Let preserved be the substring of string from endOfLastMatch to p.
        // d. Set result to the string-concatenation of result, preserved, and replacement.
        result.push_range(&agent.code_units(&string), end_of_last_match, p);
        result.push_string(agent, replacement);
        check_builder_length(agent, &result, gc.nogc())?;
        // e. Set endOfLastMatch to p + searchLength.
        end_of_last_match = p + search_length;
    }
    let gc = gc.into_nogc();
    let string = arguments.string.get(agent).bind(gc);
    // 15. If endOfLastMatch < the length of string, then
    let units = agent.code_units(&string);
    if end_of_last_match < units.len() {
        // a. Set result to the string-concatenation of result and the substring of string
        //    from endOfLastMatch.
        result.push_range(&units, end_of_last_match, units.len());
    }
    check_builder_length(agent, &result, gc)?;
    // 16. Return result.
    Ok(result.finish(agent, gc).into_value())
}

/// A piece of a replacement template, as GetSubstitution isolates them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TemplatePart {
    /// Code units `start..end` of the template, copied as they are.
    Literal(usize, usize),
    /// `` $` ``: the substring of str before the match.
    Preceding,
    /// `$&`: the matched substring.
    Matched,
    /// `$'`: the substring of str after the match.
    Following,
    /// `$n` or `$nn`: capture `n` (1-based).
    Capture(usize),
    /// `$<name>`: the named capture whose name is template code units `start..end`.
    NamedCapture(usize, usize),
}

/// Splits a replacement template into the refs of GetSubstitution's loop.
pub(crate) fn parse_replacement_template(
    template: &CodeUnits,
    capture_count: usize,
    has_named_captures: bool,
) -> Vec<TemplatePart> {
    let is_digit = |unit: u16| (u16::from(b'0')..=u16::from(b'9')).contains(&unit);
    let digit_value = |unit: u16| usize::from(unit - u16::from(b'0'));
    let len = template.len();
    let mut parts = Vec::new();
    let mut literal_start = 0;
    let mut i = 0;
    let emit = |parts: &mut Vec<TemplatePart>, literal_start: usize, i: usize, part| {
        if literal_start < i {
            parts.push(TemplatePart::Literal(literal_start, i));
        }
        parts.push(part);
    };
    while i < len {
        if template.at(i) != u16::from(b'$') || i + 1 == len {
            i += 1;
            continue;
        }
        let next = template.at(i + 1);
        let (part, ref_length) = match u8::try_from(next) {
            // If templateRemainder starts with "$$", then the ref is "$$" and its
            // replacement "$".
            Ok(b'$') => (Some(TemplatePart::Literal(i + 1, i + 2)), 2),
            // Else if templateRemainder starts with "$`", the substring of str from 0 to
            // position.
            Ok(b'`') => (Some(TemplatePart::Preceding), 2),
            // Else if templateRemainder starts with "$&", matched.
            Ok(b'&') => (Some(TemplatePart::Matched), 2),
            // Else if templateRemainder starts with "$'", the substring of str from
            // min(tailPos, stringLength).
            Ok(b'\'') => (Some(TemplatePart::Following), 2),
            // Else if templateRemainder starts with "$" followed by 1 or more decimal digits,
            _ if is_digit(next) => {
                // If templateRemainder starts with "$" followed by 2 or more decimal digits,
                // let digitCount be 2. Otherwise, let digitCount be 1.
                let two_digits = i + 2 < len && is_digit(template.at(i + 2));
                // Let index be ℝ(StringToNumber(digits)).
                let mut digit_count = 1;
                let mut index = digit_value(next);
                if two_digits {
                    digit_count = 2;
                    index = index * 10 + digit_value(template.at(i + 2));
                    // If index > captureLen and digitCount = 2, then set digitCount to 1 and
                    // index to the value of the first digit.
                    if index > capture_count {
                        digit_count = 1;
                        index = digit_value(next);
                    }
                }
                // If 1 ≤ index ≤ captureLen, the capture; else the ref itself.
                let part = (1..=capture_count)
                    .contains(&index)
                    .then_some(TemplatePart::Capture(index));
                (part, 1 + digit_count)
            }
            // Else if templateRemainder starts with "$<", then
            Ok(b'<') => {
                // Let gtPos be StringIndexOf(templateRemainder, ">", 0).
                let gt_pos = (i + 2..len).find(|&k| template.at(k) == u16::from(b'>'));
                match gt_pos {
                    // If gtPos is not-found or namedCaptures is undefined, the ref is "$<".
                    Some(gt_pos) if has_named_captures => (
                        Some(TemplatePart::NamedCapture(i + 2, gt_pos)),
                        gt_pos + 1 - i,
                    ),
                    _ => (None, 2),
                }
            }
            // Else, the ref is the substring of templateRemainder from 0 to 1.
            _ => (None, 1),
        };
        if let Some(part) = part {
            emit(&mut parts, literal_start, i, part);
            literal_start = i + ref_length;
        }
        i += ref_length;
    }
    if literal_start < len {
        parts.push(TemplatePart::Literal(literal_start, len));
    }
    parts
}

/// Appends the replacement of every part that is not a named capture.
#[allow(clippy::too_many_arguments)]
fn append_part(
    agent: &Agent,
    result: &mut StringBuilder,
    part: TemplatePart,
    matched: JsString,
    string: JsString,
    position: usize,
    captures: &[Option<JsString>],
    template: JsString,
) {
    match part {
        TemplatePart::Literal(start, end) => {
            result.push_range(&agent.code_units(&template), start, end)
        }
        TemplatePart::Preceding => result.push_range(&agent.code_units(&string), 0, position),
        TemplatePart::Matched => result.push_string(agent, matched),
        TemplatePart::Following => {
            // Let matchLength be the length of matched.
            // Let tailPos be position + matchLength.
            // Let refReplacement be the substring of str from min(tailPos, stringLength).
            let units = agent.code_units(&string);
            let tail_pos = (position + agent.string_length(matched)).min(units.len());
            result.push_range(&units, tail_pos, units.len());
        }
        TemplatePart::Capture(index) => {
            // Let capture be captures[index - 1].
            // If capture is undefined, the replacement is the empty String.
            if let Some(capture) = captures[index - 1] {
                result.push_string(agent, capture);
            }
        }
        TemplatePart::NamedCapture(..) => {}
    }
}

/// ### [22.1.3.19.1 GetSubstitution ( matched, str, position, captures, namedCaptures, replacementTemplate )](https://tc39.es/ecma262/#sec-getsubstitution)
///
/// `captures` holds Strings or undefined (`None`); `named_captures` is
/// undefined (`None`) or an Object. Only named captures may run JavaScript.
#[allow(clippy::too_many_arguments)]
pub(crate) fn get_substitution<'gc>(
    agent: &mut Agent,
    matched: JsString,
    string: JsString,
    position: usize,
    captures: &[Option<JsString>],
    named_captures: Option<Object>,
    replacement_template: JsString,
    mut gc: GcScope<'gc, '_>,
) -> JsResult<'gc, JsString<'gc>> {
    // 1. Let stringLength be the length of str.
    // 2. Assert: position ≤ stringLength.
    // 3. Let result be the empty String.
    // 4. Let templateRemainder be replacementTemplate.
    // 5. Repeat, while templateRemainder is not the empty String,
    //    a. NOTE: The following steps isolate ref (a prefix of templateRemainder), determine
    //       refReplacement (its replacement), and then append that replacement to result.
    //    b-h. (Each kind of ref: see parse_replacement_template and append_part.)
    //    i. Let refLength be the length of ref.
    //    j. Set templateRemainder to the substring of templateRemainder from refLength.
    //    k. Set result to the string-concatenation of result and refReplacement.
    let parts = parse_replacement_template(
        &agent.code_units(&replacement_template),
        captures.len(),
        named_captures.is_some(),
    );
    let mut result = StringBuilder::new();
    let has_named = parts
        .iter()
        .any(|part| matches!(part, TemplatePart::NamedCapture(..)));
    if !has_named {
        if let [TemplatePart::Literal(0, end)] = parts[..]
            && end == agent.string_length(replacement_template)
        {
            return Ok(replacement_template.unbind().bind(gc.into_nogc()));
        }
        let gc = gc.into_nogc();
        for part in parts {
            append_part(
                agent,
                &mut result,
                part,
                matched,
                string,
                position,
                captures,
                replacement_template,
            );
        }
        // 6. Return result.
        return finish_substitution(agent, result, gc);
    }
    let matched = matched.bind(gc.nogc()).scope(agent, gc.nogc());
    let string = string.bind(gc.nogc()).scope(agent, gc.nogc());
    let template = replacement_template.bind(gc.nogc()).scope(agent, gc.nogc());
    let named_captures = named_captures.map(|n| n.bind(gc.nogc()).scope(agent, gc.nogc()));
    let captures: Vec<Option<Scoped<JsString<'static>>>> = captures
        .iter()
        .map(|c| c.map(|c| c.unbind().scope(agent, gc.nogc())))
        .collect();
    for part in parts {
        let TemplatePart::NamedCapture(start, end) = part else {
            let capture_values: Vec<Option<JsString>> =
                captures.iter().map(|c| c.map(|c| c.get(agent))).collect();
            append_part(
                agent,
                &mut result,
                part,
                matched.get(agent),
                string.get(agent),
                position,
                &capture_values,
                template.get(agent),
            );
            continue;
        };
        // Let groupName be the substring of templateRemainder from 2 to gtPos.
        let group_name = agent.string_substring(template.get(agent), start, end, gc.nogc());
        let group_key = agent.string_to_key(group_name, gc.nogc());
        // Assert: namedCaptures is an Object.
        let Some(named_captures) = named_captures else {
            continue;
        };
        // Let capture be ? Get(namedCaptures, groupName).
        let capture = get(
            agent,
            named_captures.get(agent),
            group_key.unbind(),
            gc.reborrow(),
        )?
        .unbind();
        // If capture is undefined, then let refReplacement be the empty String.
        // Else, let refReplacement be ? ToString(capture).
        if !capture.is_undefined() {
            let capture = to_string(agent, capture, gc.reborrow())?.unbind();
            result.push_string(agent, capture);
        }
        check_builder_length(agent, &result, gc.nogc())?;
    }
    // 6. Return result.
    finish_substitution(agent, result, gc.into_nogc())
}

/// The String value a substitution built, unless it is too long.
fn finish_substitution<'gc>(
    agent: &mut Agent,
    result: StringBuilder,
    gc: NoGcScope<'gc, '_>,
) -> JsResult<'gc, JsString<'gc>> {
    check_builder_length(agent, &result, gc)?;
    Ok(result.finish(agent, gc))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(template: &'static str, captures: usize, named: bool) -> Vec<TemplatePart> {
        parse_replacement_template(&CodeUnits::Ascii(template), captures, named)
    }

    #[test]
    fn templates_split_into_refs() {
        use TemplatePart::*;
        assert_eq!(parts("abc", 0, false), vec![Literal(0, 3)]);
        assert_eq!(
            parts("a$$b", 0, false),
            vec![Literal(0, 1), Literal(2, 3), Literal(3, 4)]
        );
        assert_eq!(
            parts("$&-$`-$'", 0, false),
            vec![Matched, Literal(2, 3), Preceding, Literal(5, 6), Following]
        );
        assert_eq!(parts("$1$0$", 0, false), vec![Literal(0, 5)]);
        assert_eq!(parts("$10", 1, false), vec![Capture(1), Literal(2, 3)]);
        assert_eq!(parts("$10", 10, false), vec![Capture(10)]);
        assert_eq!(parts("$01", 1, false), vec![Capture(1)]);
        assert_eq!(parts("$<x>", 0, false), vec![Literal(0, 4)]);
        assert_eq!(
            parts("$<x>!", 0, true),
            vec![NamedCapture(2, 3), Literal(4, 5)]
        );
        assert_eq!(parts("$<x", 0, true), vec![Literal(0, 3)]);
    }
}
