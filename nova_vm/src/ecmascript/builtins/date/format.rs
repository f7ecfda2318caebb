//! The string forms of time values: [21.4.4.41 Date.prototype.toString](https://tc39.es/ecma262/#sec-date.prototype.tostring)'s
//! TimeString, DateString, TimeZoneString and ToDateString, the HTTP-date of
//! `toUTCString`, and the Date Time String Format of `toISOString`.

use super::time_math::DateFields;
use super::time_zone::{local_time, offset_ms_at, zone_name_at};

/// Names of days of the week (Table 63), by WeekDay.
pub(crate) const DAY_NAMES: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/// Names of months of the year (Table 64), by MonthFromTime.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The sign and four-digit (or longer) year of DateString and toUTCString.
fn padded_year(year: i64) -> String {
    // If yv is +0𝔽 or yv > +0𝔽, let yearSign be the empty String; otherwise, let yearSign be "-".
    // Let paddedYear be ToZeroPaddedDecimalString(abs(ℝ(yv)), 4).
    let sign = if year >= 0 { "" } else { "-" };
    format!("{sign}{:04}", year.unsigned_abs())
}

/// ### [21.4.4.41.1 TimeString ( tv )](https://tc39.es/ecma262/#sec-timestring)
pub(crate) fn time_string(tv: f64) -> String {
    let f = DateFields::of(tv);
    // 1. Let hour be ToZeroPaddedDecimalString(ℝ(HourFromTime(tv)), 2).
    // 2. Let minute be ToZeroPaddedDecimalString(ℝ(MinFromTime(tv)), 2).
    // 3. Let second be ToZeroPaddedDecimalString(ℝ(SecFromTime(tv)), 2).
    // 4. Return the string-concatenation of hour, ":", minute, ":", second, the code unit
    //    0x0020 (SPACE), and "GMT".
    format!("{:02}:{:02}:{:02} GMT", f.hour, f.minute, f.second)
}

/// ### [21.4.4.41.2 DateString ( tv )](https://tc39.es/ecma262/#sec-datestring)
pub(crate) fn date_string(tv: f64) -> String {
    let f = DateFields::of(tv);
    // 1. Let weekday be the Name of the entry in Table 63 with the Number WeekDay(tv).
    let weekday = DAY_NAMES[f.week_day as usize];
    // 2. Let month be the Name of the entry in Table 64 with the Number MonthFromTime(tv).
    let month = MONTH_NAMES[f.month as usize];
    // 3. Let day be ToZeroPaddedDecimalString(ℝ(DateFromTime(tv)), 2).
    // 4-6. Let yv be YearFromTime(tv), its sign and its padded digits.
    // 7. Return the string-concatenation of weekday, SPACE, month, SPACE, day, SPACE,
    //    yearSign, and paddedYear.
    format!("{weekday} {month} {:02} {}", f.date, padded_year(f.year))
}

/// ### [21.4.4.41.3 TimeZoneString ( tv )](https://tc39.es/ecma262/#sec-timezoneestring)
pub(crate) fn time_zone_string(tv: f64) -> String {
    // 1-4. Let offset be 𝔽(truncate(offsetNs / 10^6)) for the system time zone at tv.
    let offset = offset_ms_at(tv);
    // 5. If offset is +0𝔽 or offset > +0𝔽, then
    //    a. Let offsetSign be "+". b. Let absOffset be offset.
    // 6. Else,
    //    a. Let offsetSign be "-". b. Let absOffset be -offset.
    let (offset_sign, abs_offset) = if offset >= 0.0 {
        ('+', offset)
    } else {
        ('-', -offset)
    };
    let abs_offset = abs_offset as i64;
    // 7. Let offsetMin be ToZeroPaddedDecimalString(ℝ(MinFromTime(absOffset)), 2).
    let offset_min = abs_offset / 60_000 % 60;
    // 8. Let offsetHour be ToZeroPaddedDecimalString(ℝ(HourFromTime(absOffset)), 2).
    let offset_hour = abs_offset / 3_600_000 % 24;
    // 9. Let tzName be an implementation-defined string that is either the empty String or
    //    the string-concatenation of SPACE, "(", an implementation-defined timezone name, and ")".
    let tz_name = zone_name_at(tv);
    // 10. Return the string-concatenation of offsetSign, offsetHour, offsetMin, and tzName.
    format!("{offset_sign}{offset_hour:02}{offset_min:02} ({tz_name})")
}

/// ### [21.4.4.41.4 ToDateString ( tv )](https://tc39.es/ecma262/#sec-todatestring)
pub(crate) fn to_date_string(tv: f64) -> String {
    // 1. If tv is NaN, return "Invalid Date".
    if tv.is_nan() {
        return "Invalid Date".to_owned();
    }
    // 2. Let t be LocalTime(tv).
    let t = local_time(tv);
    // 3. Return the string-concatenation of DateString(t), SPACE, TimeString(t), and
    //    TimeZoneString(tv).
    format!(
        "{} {}{}",
        date_string(t),
        time_string(t),
        time_zone_string(tv)
    )
}

/// Steps 5–10 of [21.4.4.43 Date.prototype.toUTCString](https://tc39.es/ecma262/#sec-date.prototype.toutcstring)
/// for a time value that is not NaN.
pub(crate) fn utc_string(tv: f64) -> String {
    let f = DateFields::of(tv);
    // 5. Let weekday be the Name of the entry in Table 63 with the Number WeekDay(tv).
    let weekday = DAY_NAMES[f.week_day as usize];
    // 6. Let month be the Name of the entry in Table 64 with the Number MonthFromTime(tv).
    let month = MONTH_NAMES[f.month as usize];
    // 7. Let day be ToZeroPaddedDecimalString(ℝ(DateFromTime(tv)), 2).
    // 8-10. Let yv be YearFromTime(tv), its sign and its padded digits.
    // 11. Return the string-concatenation of weekday, ",", SPACE, day, SPACE, month, SPACE,
    //     yearSign, paddedYear, SPACE, and TimeString(tv).
    format!(
        "{weekday}, {:02} {month} {} {}",
        f.date,
        padded_year(f.year),
        time_string(tv)
    )
}

/// Step 7 of [21.4.4.36 Date.prototype.toISOString](https://tc39.es/ecma262/#sec-date.prototype.toisostring):
/// the Date Time String Format on the UTC time scale with every element and "Z".
/// None when the year cannot be written in the format (step 6).
pub(crate) fn iso_string(tv: f64) -> Option<String> {
    let f = DateFields::of(tv);
    let year = if (0..=9999).contains(&f.year) {
        format!("{:04}", f.year)
    } else if f.year.unsigned_abs() <= 999_999 {
        // 21.4.1.32.1 Expanded Years: a sign and six digits.
        let sign = if f.year < 0 { '-' } else { '+' };
        format!("{sign}{:06}", f.year.unsigned_abs())
    } else {
        return None;
    };
    Some(format!(
        "{year}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        f.month + 1,
        f.date,
        f.hour,
        f.minute,
        f.second,
        f.millisecond
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_strings_of_extreme_years() {
        assert_eq!(iso_string(0.0).as_deref(), Some("1970-01-01T00:00:00.000Z"));
        assert_eq!(
            iso_string(8.64e15).as_deref(),
            Some("+275760-09-13T00:00:00.000Z")
        );
        assert_eq!(
            iso_string(-8.64e15).as_deref(),
            Some("-271821-04-20T00:00:00.000Z")
        );
        assert_eq!(
            iso_string(-62198755200000.0).as_deref(),
            Some("-000001-01-01T00:00:00.000Z")
        );
    }

    #[test]
    fn utc_string_pads_years() {
        assert_eq!(utc_string(0.0), "Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(
            utc_string(-62198755200000.0),
            "Fri, 01 Jan -0001 00:00:00 GMT"
        );
    }
}
