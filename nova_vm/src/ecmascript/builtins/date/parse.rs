//! ### [21.4.3.2 Date.parse ( string )](https://tc39.es/ecma262/#sec-date.parse)
//!
//! The [21.4.1.32 Date Time String Format](https://tc39.es/ecma262/#sec-date-time-string-format)
//! exactly (including expanded years), and as the fallback the formats that
//! `toString`, `toDateString` and `toUTCString` produce. Anything else is NaN.

use super::format::{DAY_NAMES, MONTH_NAMES};
use super::time_math::{
    DAYS_BEFORE_MONTH_TABLE, MS_PER_MINUTE, days_in_year, make_date, make_day, make_time, time_clip,
};
use super::time_zone::utc;

/// Parses `text` as a date and returns its time value (NaN when unrecognised).
pub(crate) fn parse_date(text: &str) -> f64 {
    let tv = parse_date_time_string_format(text.as_bytes())
        .or_else(|| parse_to_string_forms(text))
        .unwrap_or(f64::NAN);
    time_clip(tv)
}

/// A cursor over ASCII input.
struct Cursor<'a> {
    bytes: &'a [u8],
    position: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.position).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.position += 1;
            true
        } else {
            false
        }
    }

    fn at_end(&self) -> bool {
        self.position == self.bytes.len()
    }

    /// Exactly `n` decimal digits.
    fn digits(&mut self, n: usize) -> Option<i64> {
        let slice = self.bytes.get(self.position..self.position + n)?;
        if !slice.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.position += n;
        Some(
            slice
                .iter()
                .fold(0, |acc, &b| acc * 10 + i64::from(b - b'0')),
        )
    }

    /// Exactly two digits in `range`.
    fn two_digits_in(&mut self, range: std::ops::RangeInclusive<i64>) -> Option<i64> {
        self.digits(2).filter(|v| range.contains(v))
    }
}

fn days_in_month(year: i64, month: i64) -> i64 {
    let table = &DAYS_BEFORE_MONTH_TABLE[usize::from(days_in_year(year) == 366)];
    table[month as usize] - table[month as usize - 1]
}

/// The Date Time String Format: `YYYY[-MM[-DD]][THH:mm[:ss[.sss]][Z|±HH:mm]]`,
/// where YYYY may be an expanded year `±YYYYYY`. None if `bytes` is not an
/// instance of the format.
fn parse_date_time_string_format(bytes: &[u8]) -> Option<f64> {
    let mut c = Cursor { bytes, position: 0 };
    // YYYY, or an expanded year: "+" or "-" followed by six digits (21.4.1.32.1).
    let year = match c.peek()? {
        sign @ (b'+' | b'-') => {
            c.position += 1;
            let digits = c.digits(6)?;
            // The representation of the year 0 as -000000 is invalid.
            if sign == b'-' && digits == 0 {
                return None;
            }
            if sign == b'-' { -digits } else { digits }
        }
        _ => c.digits(4)?,
    };
    // When the MM or DD elements are absent, "01" is used.
    let mut month = 1;
    let mut day = 1;
    if c.eat(b'-') {
        month = c.two_digits_in(1..=12)?;
        if c.eat(b'-') {
            day = c.digits(2)?;
            if !(1..=days_in_month(year, month)).contains(&day) {
                return None;
            }
        }
    }
    let date = make_day(year as f64, (month - 1) as f64, day as f64);
    if c.at_end() {
        // Date-only forms are interpreted as a UTC time.
        return Some(make_date(date, 0.0));
    }
    // THH:mm[:ss[.sss]]; when HH, mm or ss are absent "00" is used, when sss is absent "000".
    if !c.eat(b'T') {
        return None;
    }
    let hour = c.two_digits_in(0..=24)?;
    if !c.eat(b':') {
        return None;
    }
    let minute = c.two_digits_in(0..=59)?;
    let mut second = 0;
    let mut millisecond = 0;
    if c.eat(b':') {
        second = c.two_digits_in(0..=59)?;
        if c.eat(b'.') {
            // Three digits in the format; more are accepted and ignored, fewer are scaled.
            let start = c.position;
            while c.peek().is_some_and(|b| b.is_ascii_digit()) {
                c.position += 1;
            }
            let fraction = &bytes[start..c.position];
            if fraction.is_empty() {
                return None;
            }
            millisecond = fraction
                .iter()
                .chain(b"00")
                .take(3)
                .fold(0, |acc, &b| acc * 10 + i64::from(b - b'0'));
        }
    }
    // 24:00 is the end of the day; 24 with any other minutes or seconds is out of bounds.
    if hour == 24 && (minute != 0 || second != 0 || millisecond != 0) {
        return None;
    }
    let time = make_time(
        hour as f64,
        minute as f64,
        second as f64,
        millisecond as f64,
    );
    let local = make_date(date, time);
    // The UTC offset: "Z" or ±HH:mm; when absent, date-time forms are local time.
    let tv = match c.peek() {
        None => utc(local),
        Some(b'Z') => {
            c.position += 1;
            local
        }
        Some(sign @ (b'+' | b'-')) => {
            c.position += 1;
            let offset_hour = c.two_digits_in(0..=23)?;
            if !c.eat(b':') {
                return None;
            }
            let offset_minute = c.two_digits_in(0..=59)?;
            let offset = (offset_hour * 60 + offset_minute) as f64 * MS_PER_MINUTE;
            if sign == b'+' {
                local - offset
            } else {
                local + offset
            }
        }
        Some(_) => return None,
    };
    c.at_end().then_some(tv)
}

fn month_index(word: &str) -> Option<i64> {
    MONTH_NAMES
        .iter()
        .position(|name| name.eq_ignore_ascii_case(word))
        .map(|i| i as i64)
}

/// A decimal number with an optional leading "-" (years).
fn signed_integer(word: &str) -> Option<i64> {
    let (negative, digits) = match word.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, word),
    };
    if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: i64 = digits.parse().ok()?;
    Some(if negative { -value } else { value })
}

/// A one- or two-digit day of the month.
fn day_of_month(word: &str) -> Option<i64> {
    if word.is_empty() || word.len() > 2 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok().filter(|d| (1..=31).contains(d))
}

/// `HH:MM` or `HH:MM:SS` in milliseconds.
fn clock_time(word: &str) -> Option<f64> {
    let mut parts = word.split(':');
    let mut fields = [0_i64; 3];
    let mut count = 0;
    for (slot, part) in fields.iter_mut().zip(&mut parts) {
        if part.is_empty() || part.len() > 2 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        *slot = part.parse().ok()?;
        count += 1;
    }
    if parts.next().is_some() || count < 2 {
        return None;
    }
    let [hour, minute, second] = fields;
    if hour > 24 || minute > 59 || second > 59 || (hour == 24 && (minute, second) != (0, 0)) {
        return None;
    }
    Some(make_time(hour as f64, minute as f64, second as f64, 0.0))
}

/// A zone designator: `GMT`, `UTC`, `Z`, optionally followed by `±HHMM`
/// (or `±HH:MM`), or the offset alone. Returns the offset in milliseconds.
fn zone_offset(word: &str) -> Option<f64> {
    let rest = ["GMT", "UTC", "Z"]
        .iter()
        .find_map(|prefix| word.strip_prefix(prefix))
        .unwrap_or(word);
    if rest.is_empty() {
        return (word != rest).then_some(0.0);
    }
    let (sign, digits) = match rest.as_bytes()[0] {
        b'+' => (1.0, &rest[1..]),
        b'-' => (-1.0, &rest[1..]),
        _ => return None,
    };
    let digits: String = match digits.split_once(':') {
        Some((h, m)) if h.len() == 2 && m.len() == 2 => format!("{h}{m}"),
        Some(_) => return None,
        None => digits.to_owned(),
    };
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i64 = digits[..2].parse().ok()?;
    let minutes: i64 = digits[2..].parse().ok()?;
    if hours > 23 || minutes > 59 {
        return None;
    }
    Some(sign * (hours * 60 + minutes) as f64 * MS_PER_MINUTE)
}

/// The forms produced by `toString` (`Tue Feb 01 2022 00:00:00 GMT+0100 (CET)`),
/// `toDateString` (`Tue Feb 01 2022`, local midnight) and `toUTCString`
/// (`Tue, 01 Feb 2022 00:00:00 GMT`).
fn parse_to_string_forms(text: &str) -> Option<f64> {
    // The parenthesised zone name at the end is a comment.
    let text = match text.find('(') {
        Some(open) if text.trim_end().ends_with(')') => &text[..open],
        _ => text,
    };
    let mut words = text.split_ascii_whitespace();
    // The day of the week (with a comma in the toUTCString form); not checked against the date.
    let weekday = words.next()?;
    let weekday = weekday.strip_suffix(',').unwrap_or(weekday);
    if !DAY_NAMES
        .iter()
        .any(|name| name.eq_ignore_ascii_case(weekday))
    {
        return None;
    }
    let first = words.next()?;
    let second = words.next()?;
    // "Mmm DD" (toString) or "DD Mmm" (toUTCString).
    let (month, day) = match month_index(first) {
        Some(month) => (month, day_of_month(second)?),
        None => (month_index(second)?, day_of_month(first)?),
    };
    let year = signed_integer(words.next()?)?;
    if day > days_in_month(year, month + 1) {
        return None;
    }
    let date = make_day(year as f64, month as f64, day as f64);
    let (time, offset) = match words.next() {
        None => (0.0, None),
        Some(word) => {
            let time = clock_time(word)?;
            let offset = match words.next() {
                None => None,
                Some(zone) => Some(zone_offset(zone)?),
            };
            (time, offset)
        }
    };
    if words.next().is_some() {
        return None;
    }
    let local = make_date(date, time);
    Some(match offset {
        Some(offset) => local - offset,
        None => utc(local),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_forms() {
        assert_eq!(parse_date("1970"), 0.0);
        assert_eq!(parse_date("1970-01-01T00:00:00.000Z"), 0.0);
        assert_eq!(parse_date("1970-01-01T00:00+01:00"), -3_600_000.0);
        assert_eq!(parse_date("+275760-09-13T00:00:00.000Z"), 8.64e15);
        assert!(parse_date("+275760-09-13T00:00:00.001Z").is_nan());
        assert_eq!(parse_date("-271821-04-20T00:00:00.000Z"), -8.64e15);
        assert!(parse_date("-000000-01-01T00:00:00Z").is_nan());
        assert_eq!(
            parse_date("1995-02-04T24:00Z"),
            parse_date("1995-02-05T00:00Z")
        );
        assert!(parse_date("1995-02-04T24:01Z").is_nan());
        assert!(parse_date("2019-02-29").is_nan());
        assert!(parse_date("1970-01-01Z").is_nan());
        assert!(parse_date("1970-1-1").is_nan());
    }

    #[test]
    fn to_string_forms() {
        assert_eq!(parse_date("Thu, 01 Jan 1970 00:00:00 GMT"), 0.0);
        assert_eq!(
            parse_date("Thu Jan 01 1970 01:00:00 GMT+0100 (Central European Time)"),
            0.0
        );
        assert_eq!(
            parse_date("Fri, 01 Jan -0001 00:00:00 GMT"),
            -62198755200000.0
        );
        assert!(parse_date("Thu Jan 32 1970").is_nan());
        assert!(parse_date("tomorrow").is_nan());
    }
}
