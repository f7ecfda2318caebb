//! ### [21.4.1 Overview of Date Objects and Definitions of Abstract Operations](https://tc39.es/ecma262/#sec-overview-of-date-objects-and-definitions-of-abstract-operations)
//!
//! The time arithmetic of §21.4.1 on Numbers (f64). Where the specification
//! works on mathematical values (floor, modulo, the calendar search of
//! MakeDay) the code uses exact integer arithmetic; where it works on Numbers
//! (MakeTime, MakeDate) it uses f64 in the specification's order.

/// ### [21.4.1.2 Time-related Constants](https://tc39.es/ecma262/#sec-time-related-constants)
pub(crate) const MS_PER_SECOND: f64 = 1000.0;
/// msPerMinute = 60000𝔽 = msPerSecond × 𝔽(SecondsPerMinute)
pub(crate) const MS_PER_MINUTE: f64 = 60_000.0;
/// msPerHour = 3600000𝔽 = msPerMinute × 𝔽(MinutesPerHour)
pub(crate) const MS_PER_HOUR: f64 = 3_600_000.0;
/// msPerDay = 86400000𝔽 = msPerHour × 𝔽(HoursPerDay)
pub(crate) const MS_PER_DAY: f64 = 86_400_000.0;
const MS_PER_DAY_I64: i64 = 86_400_000;

/// The largest magnitude of a time value (21.4.1.1): 8.64 × 10^15.
pub(crate) const MAX_TIME_VALUE: f64 = 8.64e15;

/// Years further than this from 1970 lie far outside the time value range;
/// MakeDay gives NaN for them instead of searching the calendar.
const MAX_YEAR_MAGNITUDE: f64 = 1.0e9;

/// Cumulative days before the first of each month, in a common year and in a leap year.
pub(crate) const DAYS_BEFORE_MONTH_TABLE: [[i64; 13]; 2] = [
    [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365],
    [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366],
];

/// The integer millisecond count of a finite time value, saturated to i64
/// (callers only pass finite Numbers; far values are out of any calendar we print).
fn ms_of(t: f64) -> i64 {
    // `as` saturates for values beyond the i64 range.
    t.floor() as i64
}

/// ### [21.4.1.3 Day ( t )](https://tc39.es/ecma262/#sec-day) of integer milliseconds.
fn day_i64(ms: i64) -> i64 {
    // 1. Return 𝔽(floor(ℝ(t / msPerDay))).
    ms.div_euclid(MS_PER_DAY_I64)
}

/// ### [21.4.1.4 TimeWithinDay ( t )](https://tc39.es/ecma262/#sec-timewithinday)
pub(crate) fn time_within_day(t: f64) -> f64 {
    // 1. Return 𝔽(ℝ(t) modulo ℝ(msPerDay)).
    ms_of(t).rem_euclid(MS_PER_DAY_I64) as f64
}

/// ### [21.4.1.5 DaysInYear ( y )](https://tc39.es/ecma262/#sec-daysinyear)
pub(crate) fn days_in_year(y: i64) -> i64 {
    // 1. Let ry be ℝ(y).
    // 2. If (ry modulo 400) = 0, return 366𝔽.
    // 3. If (ry modulo 100) = 0, return 365𝔽.
    // 4. If (ry modulo 4) = 0, return 366𝔽.
    // 5. Return 365𝔽.
    if y.rem_euclid(400) == 0 {
        366
    } else if y.rem_euclid(100) == 0 {
        365
    } else if y.rem_euclid(4) == 0 {
        366
    } else {
        365
    }
}

/// ### [21.4.1.6 DayFromYear ( y )](https://tc39.es/ecma262/#sec-dayfromyear)
pub(crate) fn day_from_year(y: i64) -> i64 {
    // 1. Let ry be ℝ(y).
    // 2. NOTE: In the following steps, numYears1, numYears4, numYears100, and numYears400
    //    represent the number of years divisible by 1, 4, 100, and 400, respectively, that
    //    occur between the epoch and the start of year y. The number is negative if y is
    //    before the epoch.
    // 3. Let numYears1 be (ry - 1970).
    let num_years_1 = y - 1970;
    // 4. Let numYears4 be floor((ry - 1969) / 4).
    let num_years_4 = (y - 1969).div_euclid(4);
    // 5. Let numYears100 be floor((ry - 1901) / 100).
    let num_years_100 = (y - 1901).div_euclid(100);
    // 6. Let numYears400 be floor((ry - 1601) / 400).
    let num_years_400 = (y - 1601).div_euclid(400);
    // 7. Return 𝔽(365 × numYears1 + numYears4 - numYears100 + numYears400).
    365 * num_years_1 + num_years_4 - num_years_100 + num_years_400
}

/// The year in which the day number `d` (days since the epoch) falls.
pub(crate) fn year_from_day(d: i64) -> i64 {
    // An estimate from the mean Gregorian year, corrected by at most a step or two.
    let mut y = 1970 + (d as f64 / 365.2425).floor() as i64;
    while day_from_year(y) > d {
        y -= 1;
    }
    while day_from_year(y + 1) <= d {
        y += 1;
    }
    y
}

/// ### [21.4.1.8 YearFromTime ( t )](https://tc39.es/ecma262/#sec-yearfromtime)
pub(crate) fn year_from_time(t: f64) -> f64 {
    // 1. Return the largest integral Number y (closest to +∞) such that TimeFromYear(y) ≤ t.
    year_from_day(day_i64(ms_of(t))) as f64
}

/// The calendar date of a day number: (year, month 0–11, date 1–31).
pub(crate) fn civil_from_day(d: i64) -> (i64, u32, u32) {
    let year = year_from_day(d);
    let within_year = d - day_from_year(year);
    let table = &DAYS_BEFORE_MONTH_TABLE[usize::from(days_in_year(year) == 366)];
    // 21.4.1.11 MonthFromTime: the month m with table[m] ≤ DayWithinYear(t) < table[m + 1].
    let month = (0..12).find(|&m| within_year < table[m + 1]).unwrap_or(11);
    // 21.4.1.12 DateFromTime: DayWithinYear(t) - table[m] + 1.
    let date = within_year - table[month] + 1;
    (year, month as u32, date as u32)
}

/// ### [21.4.1.11 MonthFromTime ( t )](https://tc39.es/ecma262/#sec-monthfromtime)
pub(crate) fn month_from_time(t: f64) -> f64 {
    f64::from(civil_from_day(day_i64(ms_of(t))).1)
}

/// ### [21.4.1.12 DateFromTime ( t )](https://tc39.es/ecma262/#sec-datefromtime)
pub(crate) fn date_from_time(t: f64) -> f64 {
    f64::from(civil_from_day(day_i64(ms_of(t))).2)
}

/// ### [21.4.1.13 WeekDay ( t )](https://tc39.es/ecma262/#sec-weekday)
pub(crate) fn week_day(t: f64) -> f64 {
    // 1. Return 𝔽(ℝ(Day(t) + 4𝔽) modulo 7).
    (day_i64(ms_of(t)) + 4).rem_euclid(7) as f64
}

/// ### [21.4.1.14 HourFromTime ( t )](https://tc39.es/ecma262/#sec-hourfromtime)
pub(crate) fn hour_from_time(t: f64) -> f64 {
    // 1. Return 𝔽(floor(ℝ(t / msPerHour)) modulo HoursPerDay).
    ms_of(t).div_euclid(3_600_000).rem_euclid(24) as f64
}

/// ### [21.4.1.15 MinFromTime ( t )](https://tc39.es/ecma262/#sec-minfromtime)
pub(crate) fn min_from_time(t: f64) -> f64 {
    // 1. Return 𝔽(floor(ℝ(t / msPerMinute)) modulo MinutesPerHour).
    ms_of(t).div_euclid(60_000).rem_euclid(60) as f64
}

/// ### [21.4.1.16 SecFromTime ( t )](https://tc39.es/ecma262/#sec-secfromtime)
pub(crate) fn sec_from_time(t: f64) -> f64 {
    // 1. Return 𝔽(floor(ℝ(t / msPerSecond)) modulo SecondsPerMinute).
    ms_of(t).div_euclid(1000).rem_euclid(60) as f64
}

/// ### [21.4.1.17 msFromTime ( t )](https://tc39.es/ecma262/#sec-msfromtime)
pub(crate) fn ms_from_time(t: f64) -> f64 {
    // 1. Return 𝔽(ℝ(t) modulo ℝ(msPerSecond)).
    ms_of(t).rem_euclid(1000) as f64
}

/// ToIntegerOrInfinity of a finite Number, as a Number (`-0` becomes `+0`).
fn integer_part(x: f64) -> f64 {
    x.trunc() + 0.0
}

/// ### [21.4.1.26 MakeTime ( hour, min, sec, ms )](https://tc39.es/ecma262/#sec-maketime)
pub(crate) fn make_time(hour: f64, min: f64, sec: f64, ms: f64) -> f64 {
    // 1. If hour is not finite, min is not finite, sec is not finite, or ms is not finite, return NaN.
    if !(hour.is_finite() && min.is_finite() && sec.is_finite() && ms.is_finite()) {
        return f64::NAN;
    }
    // 2. Let h be 𝔽(! ToIntegerOrInfinity(hour)).
    let h = integer_part(hour);
    // 3. Let m be 𝔽(! ToIntegerOrInfinity(min)).
    let m = integer_part(min);
    // 4. Let s be 𝔽(! ToIntegerOrInfinity(sec)).
    let s = integer_part(sec);
    // 5. Let milli be 𝔽(! ToIntegerOrInfinity(ms)).
    let milli = integer_part(ms);
    // 6. Return ((h × msPerHour + m × msPerMinute) + s × msPerSecond) + milli.
    ((h * MS_PER_HOUR + m * MS_PER_MINUTE) + s * MS_PER_SECOND) + milli
}

/// floor(ℝ(m) / 12) and ℝ(m) modulo 12 of an integral Number, exactly.
fn split_months(m: f64) -> (f64, f64) {
    // Every integral f64 below 2^120 in magnitude is exact in i128.
    if m.abs() < 1.329_227_995_784_916e36 {
        let m = m as i128;
        (m.div_euclid(12) as f64, m.rem_euclid(12) as f64)
    } else {
        // Such a month count is far beyond any representable year; f64 is as good as anything.
        ((m / 12.0).floor(), m.rem_euclid(12.0))
    }
}

/// ### [21.4.1.28 MakeDay ( year, month, date )](https://tc39.es/ecma262/#sec-makeday)
pub(crate) fn make_day(year: f64, month: f64, date: f64) -> f64 {
    // 1. If year is not finite, month is not finite, or date is not finite, return NaN.
    if !(year.is_finite() && month.is_finite() && date.is_finite()) {
        return f64::NAN;
    }
    // 2. Let y be 𝔽(! ToIntegerOrInfinity(year)).
    let y = integer_part(year);
    // 3. Let m be 𝔽(! ToIntegerOrInfinity(month)).
    let m = integer_part(month);
    // 4. Let dt be 𝔽(! ToIntegerOrInfinity(date)).
    let dt = integer_part(date);
    // 5. Let ym be y + 𝔽(floor(ℝ(m) / 12)).
    let (years_from_months, mn) = split_months(m);
    let ym = y + years_from_months;
    // 6. If ym is not finite, return NaN.
    if !ym.is_finite() {
        return f64::NAN;
    }
    // 7. Let mn be 𝔽(ℝ(m) modulo 12).
    // 8. Find a finite time value t such that YearFromTime(t) is ym, MonthFromTime(t) is mn,
    //    and DateFromTime(t) is 1𝔽; but if this is not possible (because some argument is out
    //    of range), return NaN.
    if ym.abs() > MAX_YEAR_MAGNITUDE {
        return f64::NAN;
    }
    let ym = ym as i64;
    let leap = usize::from(days_in_year(ym) == 366);
    let first_of_month = day_from_year(ym) + DAYS_BEFORE_MONTH_TABLE[leap][mn as usize];
    // 9. Return Day(t) + dt - 1𝔽.
    (first_of_month as f64 + dt) - 1.0
}

/// ### [21.4.1.29 MakeDate ( day, time )](https://tc39.es/ecma262/#sec-makedate)
pub(crate) fn make_date(day: f64, time: f64) -> f64 {
    // 1. If day is not finite or time is not finite, return NaN.
    if !(day.is_finite() && time.is_finite()) {
        return f64::NAN;
    }
    // 2. Let tv be day × msPerDay + time.
    let tv = day * MS_PER_DAY + time;
    // 3. If tv is not finite, return NaN.
    if !tv.is_finite() {
        return f64::NAN;
    }
    // 4. Return tv.
    tv
}

/// ### [21.4.1.30 MakeFullYear ( year )](https://tc39.es/ecma262/#sec-makefullyear)
pub(crate) fn make_full_year(year: f64) -> f64 {
    // 1. If year is NaN, return NaN.
    if year.is_nan() {
        return f64::NAN;
    }
    // 2. Let truncated be ! ToIntegerOrInfinity(year).
    let truncated = year.trunc() + 0.0;
    // 3. If truncated is in the inclusive interval from 0 to 99, return 1900𝔽 + 𝔽(truncated).
    if (0.0..=99.0).contains(&truncated) {
        return 1900.0 + truncated;
    }
    // 4. Return 𝔽(truncated).
    truncated
}

/// ### [21.4.1.31 TimeClip ( time )](https://tc39.es/ecma262/#sec-timeclip)
pub(crate) fn time_clip(time: f64) -> f64 {
    // 1. If time is not finite, return NaN.
    if !time.is_finite() {
        return f64::NAN;
    }
    // 2. If abs(ℝ(time)) > 8.64 × 10^15, return NaN.
    if time.abs() > MAX_TIME_VALUE {
        return f64::NAN;
    }
    // 3. Return 𝔽(! ToIntegerOrInfinity(time)).
    integer_part(time)
}

/// The fields of a finite time value, as the getters and formatters read them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DateFields {
    /// YearFromTime
    pub year: i64,
    /// MonthFromTime (0–11)
    pub month: u32,
    /// DateFromTime (1–31)
    pub date: u32,
    /// WeekDay (0 = Sunday)
    pub week_day: u32,
    /// HourFromTime
    pub hour: u32,
    /// MinFromTime
    pub minute: u32,
    /// SecFromTime
    pub second: u32,
    /// msFromTime
    pub millisecond: u32,
}

impl DateFields {
    /// Splits a finite time value into its calendar and clock fields.
    pub(crate) fn of(t: f64) -> DateFields {
        let ms = ms_of(t);
        let d = day_i64(ms);
        let (year, month, date) = civil_from_day(d);
        let within_day = ms.rem_euclid(MS_PER_DAY_I64);
        DateFields {
            year,
            month,
            date,
            week_day: (d + 4).rem_euclid(7) as u32,
            hour: (within_day / 3_600_000) as u32,
            minute: (within_day / 60_000 % 60) as u32,
            second: (within_day / 1000 % 60) as u32,
            millisecond: (within_day % 1000) as u32,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_from_year_matches_known_dates() {
        assert_eq!(day_from_year(1970), 0);
        assert_eq!(day_from_year(1971), 365);
        assert_eq!(day_from_year(2000), 10957);
        assert_eq!(day_from_year(1969), -365);
        assert_eq!(day_from_year(0), -719528);
    }

    #[test]
    fn year_and_month_round_trip() {
        for d in [
            -719528_i64,
            -1,
            0,
            59,
            10957,
            11016,
            2_932_896,
            -100_000_000,
            100_000_000,
        ] {
            let (y, m, dt) = civil_from_day(d);
            let back = make_day(y as f64, f64::from(m), f64::from(dt));
            assert_eq!(back, d as f64, "day {d}");
        }
    }

    #[test]
    fn make_day_handles_month_overflow_and_limits() {
        assert_eq!(make_day(1970.0, 12.0, 1.0), 365.0);
        assert_eq!(make_day(1970.0, -1.0, 1.0), -31.0);
        assert_eq!(make_day(2016.0, 1.0, 29.0), make_day(2016.0, 2.0, 0.0));
        assert!(make_day(f64::MAX, 0.0, 1.0).is_nan());
        assert!(make_day(0.0, f64::INFINITY, 1.0).is_nan());
        // floor(m / 12) is exact even where m / 12 in f64 would round.
        assert_eq!(split_months(9_007_199_254_740_991.0).1, 7.0);
    }

    #[test]
    fn time_clip_and_make_time() {
        assert!(time_clip(8.64e15 + 1.0).is_nan());
        assert_eq!(time_clip(-0.5).to_bits(), 0.0_f64.to_bits());
        assert_eq!(make_time(1.0, 1.0, 1.0, 1.5), 3_661_001.0);
    }

    #[test]
    fn fields_of_negative_times() {
        let f = DateFields::of(-1.0);
        assert_eq!(
            (
                f.year,
                f.month,
                f.date,
                f.hour,
                f.minute,
                f.second,
                f.millisecond
            ),
            (1969, 11, 31, 23, 59, 59, 999)
        );
        assert_eq!(f.week_day, 3);
    }
}
