//! The host's local time zone: [21.4.1.20 SystemTimeZoneIdentifier](https://tc39.es/ecma262/#sec-systemtimezoneidentifier),
//! [21.4.1.21 GetNamedTimeZoneOffsetNanoseconds](https://tc39.es/ecma262/#sec-getnamedtimezoneoffsetnanoseconds),
//! [21.4.1.25 LocalTime](https://tc39.es/ecma262/#sec-localtime) and [21.4.1.26 UTC](https://tc39.es/ecma262/#sec-utc-t).
//!
//! The zone comes from `TZ` (a zoneinfo name, a path, or a POSIX TZ rule
//! string) or else `/etc/localtime`, read once per process. Zone files are
//! TZif (RFC 8536), read by the small parser below; their footer rule covers
//! the instants after the last listed transition. Anything unreadable means UTC.
//! This module is the only place that knows where offsets come from.

use std::sync::OnceLock;

use super::time_math::{DAYS_BEFORE_MONTH_TABLE, day_from_year, days_in_year, year_from_day};

const SECONDS_PER_DAY: i64 = 86_400;
const MS_PER_DAY: i64 = 86_400_000;

/// The local time zone of the host.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TimeZone {
    rules: Rules,
}

#[derive(Debug, Clone, PartialEq)]
enum Rules {
    /// Coordinated Universal Time.
    Utc,
    /// A POSIX TZ rule string (`EST5EDT,M3.2.0,M11.1.0`).
    Posix(PosixRule),
    /// A TZif file: explicit transitions, then an optional footer rule.
    Table {
        /// Transition instants (seconds since the epoch), ascending.
        transitions: Vec<i64>,
        /// The local time type index that starts at each transition.
        type_indexes: Vec<u8>,
        /// The local time types.
        types: Vec<LocalTimeType>,
        /// The rule for instants after the last transition.
        footer: Option<PosixRule>,
    },
}

/// One kind of local time: its offset east of UTC and its abbreviation.
#[derive(Debug, Clone, PartialEq)]
struct LocalTimeType {
    offset: i64,
    abbreviation: String,
}

/// A POSIX TZ rule: standard time and optionally a daylight saving time with its dates.
#[derive(Debug, Clone, PartialEq)]
struct PosixRule {
    standard: LocalTimeType,
    daylight: Option<DaylightRule>,
}

#[derive(Debug, Clone, PartialEq)]
struct DaylightRule {
    time_type: LocalTimeType,
    /// When daylight time starts, in local standard time.
    start: (RuleDate, i64),
    /// When daylight time ends, in local daylight time.
    end: (RuleDate, i64),
}

/// The day-of-year forms of a POSIX rule date.
#[derive(Debug, Clone, Copy, PartialEq)]
enum RuleDate {
    /// `Jn`: day 1–365, February 29 never counted.
    JulianNoLeap(i64),
    /// `n`: day 0–365, February 29 counted in leap years.
    ZeroBased(i64),
    /// `Mm.w.d`: day `d` (0 = Sunday) of week `w` (5 = last) of month `m`.
    MonthWeekDay {
        month: i64,
        week: i64,
        week_day: i64,
    },
}

impl TimeZone {
    /// The UTC time zone.
    pub(crate) const UTC: TimeZone = TimeZone { rules: Rules::Utc };

    /// The host's time zone, determined on first use.
    pub(crate) fn host() -> &'static TimeZone {
        static HOST: OnceLock<TimeZone> = OnceLock::new();
        HOST.get_or_init(load_host_zone)
    }

    /// A zone from a POSIX TZ rule string such as `CET-1CEST,M3.5.0,M10.5.0/3`.
    pub(crate) fn from_posix(text: &str) -> Option<TimeZone> {
        Some(TimeZone {
            rules: Rules::Posix(PosixRule::parse(text)?),
        })
    }

    /// A zone from the bytes of a TZif file.
    pub(crate) fn from_tzif(bytes: &[u8]) -> Option<TimeZone> {
        parse_tzif(bytes).map(|rules| TimeZone { rules })
    }

    /// The local time type in effect at `seconds` after the epoch.
    fn local_type_at(&self, seconds: i64) -> Option<&LocalTimeType> {
        match &self.rules {
            Rules::Utc => None,
            Rules::Posix(rule) => Some(rule.local_type_at(seconds)),
            Rules::Table {
                transitions,
                type_indexes,
                types,
                footer,
            } => {
                let passed = transitions.partition_point(|&t| t <= seconds);
                if passed == 0 {
                    // Before the first transition: time type 0 (RFC 8536 §3.2).
                    return types.first();
                }
                if passed == transitions.len()
                    && let Some(footer) = footer
                {
                    return Some(footer.local_type_at(seconds));
                }
                types.get(usize::from(type_indexes[passed - 1]))
            }
        }
    }

    /// ### [21.4.1.21 GetNamedTimeZoneOffsetNanoseconds ( timeZoneIdentifier, epochNanoseconds )](https://tc39.es/ecma262/#sec-getnamedtimezoneoffsetnanoseconds)
    ///
    /// The offset in milliseconds at the instant `t` (a time value; the
    /// offsets are whole seconds, so nanoseconds add nothing).
    pub(crate) fn offset_ms_at(&self, t: f64) -> f64 {
        self.offset_ms_at_i64(clamp_ms(t)) as f64
    }

    fn offset_ms_at_i64(&self, t: i64) -> i64 {
        self.local_type_at(t.div_euclid(1000))
            .map_or(0, |ty| ty.offset * 1000)
    }

    /// The abbreviation of the local time at the instant `t` (for TimeZoneString).
    pub(crate) fn name_at(&self, t: f64) -> &str {
        self.local_type_at(clamp_ms(t).div_euclid(1000))
            .map_or("UTC", |ty| ty.abbreviation.as_str())
    }

    /// The offset in milliseconds to subtract from the local time `t` to get
    /// UTC, disambiguated as 21.4.1.26 UTC ( t ) steps 3.b–e require.
    fn offset_ms_for_local(&self, t: f64) -> f64 {
        if self.rules == Rules::Utc {
            return 0.0;
        }
        let t = clamp_ms(t);
        // The offsets in effect around t are the candidates (zones change at most
        // once or twice a day).
        let before = self.offset_ms_at_i64(t - MS_PER_DAY);
        let after = self.offset_ms_at_i64(t + MS_PER_DAY);
        // b. Let possibleInstants be GetNamedTimeZoneEpochNanoseconds(...): the
        //    instants u = t - o whose own offset is o.
        // d. If possibleInstants is not empty, let disambiguatedInstant be
        //    possibleInstants[0] (the earliest, so the largest offset).
        let earliest = [before, after]
            .into_iter()
            .filter(|&o| self.offset_ms_at_i64(t - o) == o)
            .max();
        match earliest {
            Some(offset) => offset as f64,
            // e. Else (t was skipped by a transition), use the offset before the
            //    transition: the larger offset is the later one, and the instant
            //    t - larger lies before the transition.
            None => self.offset_ms_at_i64(t - before.max(after)) as f64,
        }
    }
}

/// A finite time value as integer milliseconds, kept inside a range where
/// the arithmetic around it cannot overflow (far instants are clipped anyway).
fn clamp_ms(t: f64) -> i64 {
    const LIMIT: f64 = 1.0e17;
    t.clamp(-LIMIT, LIMIT).floor() as i64
}

/// ### [21.4.1.25 LocalTime ( t )](https://tc39.es/ecma262/#sec-localtime)
pub(crate) fn local_time(t: f64) -> f64 {
    // 1. Let systemTimeZoneIdentifier be SystemTimeZoneIdentifier().
    // 2-3. Let offsetNs be GetNamedTimeZoneOffsetNanoseconds(systemTimeZoneIdentifier, ℤ(ℝ(t) × 10^6)).
    // 4. Let offsetMs be truncate(offsetNs / 10^6).
    let offset_ms = TimeZone::host().offset_ms_at(t);
    // 5. Return t + 𝔽(offsetMs).
    t + offset_ms
}

/// ### [21.4.1.26 UTC ( t )](https://tc39.es/ecma262/#sec-utc-t)
pub(crate) fn utc(t: f64) -> f64 {
    // 1. If t is not finite, return NaN.
    if !t.is_finite() {
        return f64::NAN;
    }
    // 2-3. Let offsetNs be the offset of the disambiguated instant.
    // 4. Let offsetMs be truncate(offsetNs / 10^6).
    let offset_ms = TimeZone::host().offset_ms_for_local(t);
    // 5. Return t - 𝔽(offsetMs).
    t - offset_ms
}

/// The offset in milliseconds at the instant `t` in the host zone.
pub(crate) fn offset_ms_at(t: f64) -> f64 {
    TimeZone::host().offset_ms_at(t)
}

/// The host zone's abbreviation at the instant `t`.
pub(crate) fn zone_name_at(t: f64) -> &'static str {
    TimeZone::host().name_at(t)
}

/// ### [21.4.1.20 SystemTimeZoneIdentifier ( )](https://tc39.es/ecma262/#sec-systemtimezoneidentifier)
///
/// Reads the zone named by `TZ` (or `/etc/localtime`); UTC when nothing is found.
fn load_host_zone() -> TimeZone {
    match std::env::var("TZ") {
        Ok(tz) if !tz.is_empty() => {
            let name = tz.strip_prefix(':').unwrap_or(&tz);
            load_named_zone(name)
                .or_else(|| TimeZone::from_posix(name))
                .unwrap_or(TimeZone::UTC)
        }
        _ => std::fs::read("/etc/localtime")
            .ok()
            .and_then(|bytes| TimeZone::from_tzif(&bytes))
            .unwrap_or(TimeZone::UTC),
    }
}

/// Reads the TZif file of a zone name (`Europe/Paris`) or an absolute path.
fn load_named_zone(name: &str) -> Option<TimeZone> {
    if name.starts_with('/') {
        return TimeZone::from_tzif(&std::fs::read(name).ok()?);
    }
    if name.split('/').any(|part| part.is_empty() || part == "..") {
        return None;
    }
    let mut directories = Vec::new();
    if let Ok(dir) = std::env::var("TZDIR") {
        directories.push(dir);
    }
    directories.extend(
        [
            "/usr/share/zoneinfo",
            "/usr/lib/zoneinfo",
            "/usr/share/lib/zoneinfo",
        ]
        .map(String::from),
    );
    directories.iter().find_map(|dir| {
        let bytes = std::fs::read(format!("{dir}/{name}")).ok()?;
        TimeZone::from_tzif(&bytes)
    })
}

/// A cursor over the bytes of a TZif file.
struct Reader<'a> {
    bytes: &'a [u8],
    position: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.position.checked_add(n)?;
        let slice = self.bytes.get(self.position..end)?;
        self.position = end;
        Some(slice)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_be_bytes(self.take(4)?.try_into().ok()?))
    }

    fn i32(&mut self) -> Option<i32> {
        Some(i32::from_be_bytes(self.take(4)?.try_into().ok()?))
    }

    fn i64(&mut self) -> Option<i64> {
        Some(i64::from_be_bytes(self.take(8)?.try_into().ok()?))
    }

    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
}

/// The six counts of a TZif header.
struct Counts {
    isut: usize,
    isstd: usize,
    leap: usize,
    time: usize,
    types: usize,
    chars: usize,
}

fn read_header(reader: &mut Reader) -> Option<(u8, Counts)> {
    if reader.take(4)? != b"TZif" {
        return None;
    }
    let version = reader.u8()?;
    reader.take(15)?;
    let mut next = || reader.u32().map(|n| n as usize);
    Some((
        version,
        Counts {
            isut: next()?,
            isstd: next()?,
            leap: next()?,
            time: next()?,
            types: next()?,
            chars: next()?,
        },
    ))
}

/// Parses a TZif file (RFC 8536): the 64-bit data block when the file has one.
fn parse_tzif(bytes: &[u8]) -> Option<Rules> {
    let mut reader = Reader { bytes, position: 0 };
    let (version, mut counts) = read_header(&mut reader)?;
    let mut time_size = 4;
    if version >= b'2' {
        // Skip the version 1 data block and read the second header.
        let v1_len = counts.time * 5
            + counts.types * 6
            + counts.chars
            + counts.leap * 8
            + counts.isstd
            + counts.isut;
        reader.take(v1_len)?;
        counts = read_header(&mut reader)?.1;
        time_size = 8;
    }
    if counts.types == 0 {
        return None;
    }
    let mut transitions = Vec::with_capacity(counts.time);
    for _ in 0..counts.time {
        transitions.push(if time_size == 8 {
            reader.i64()?
        } else {
            i64::from(reader.i32()?)
        });
    }
    let type_indexes = reader.take(counts.time)?.to_vec();
    let mut raw_types = Vec::with_capacity(counts.types);
    for _ in 0..counts.types {
        let offset = i64::from(reader.i32()?);
        let _is_dst = reader.u8()?;
        let abbreviation_index = usize::from(reader.u8()?);
        raw_types.push((offset, abbreviation_index));
    }
    let chars = reader.take(counts.chars)?;
    reader.take(counts.leap * (time_size + 4) + counts.isstd + counts.isut)?;
    if type_indexes.iter().any(|&i| usize::from(i) >= counts.types) {
        return None;
    }
    let types = raw_types
        .into_iter()
        .map(|(offset, index)| {
            let rest = chars.get(index..).unwrap_or(&[]);
            let end = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
            LocalTimeType {
                offset,
                abbreviation: String::from_utf8_lossy(&rest[..end]).into_owned(),
            }
        })
        .collect();
    // The footer: a newline, a POSIX TZ string (possibly empty), a newline.
    let footer = if version >= b'2' {
        let rest = &bytes[reader.position..];
        rest.strip_prefix(b"\n")
            .and_then(|rest| rest.split(|&b| b == b'\n').next())
            .and_then(|text| std::str::from_utf8(text).ok())
            .and_then(PosixRule::parse)
    } else {
        None
    };
    Some(Rules::Table {
        transitions,
        type_indexes,
        types,
        footer,
    })
}

/// A cursor over a POSIX TZ string.
struct RuleParser<'a> {
    text: &'a [u8],
    position: usize,
}

impl RuleParser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.position).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.position += 1;
            true
        } else {
            false
        }
    }

    /// A zone abbreviation: three or more letters, or `<...>` quoted.
    fn abbreviation(&mut self) -> Option<String> {
        let start = self.position;
        if self.eat(b'<') {
            while self.peek().is_some_and(|b| b != b'>') {
                self.position += 1;
            }
            let name = std::str::from_utf8(&self.text[start + 1..self.position]).ok()?;
            self.eat(b'>').then(|| name.to_owned())
        } else {
            while self.peek().is_some_and(|b| b.is_ascii_alphabetic()) {
                self.position += 1;
            }
            let name = std::str::from_utf8(&self.text[start..self.position]).ok()?;
            (name.len() >= 3).then(|| name.to_owned())
        }
    }

    fn number(&mut self) -> Option<i64> {
        let start = self.position;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.position += 1;
        }
        std::str::from_utf8(&self.text[start..self.position])
            .ok()?
            .parse()
            .ok()
    }

    /// `[+-]hh[:mm[:ss]]` in seconds.
    fn duration(&mut self) -> Option<i64> {
        let sign = if self.eat(b'-') {
            -1
        } else {
            self.eat(b'+');
            1
        };
        let mut seconds = self.number()? * 3600;
        if self.eat(b':') {
            seconds += self.number()? * 60;
            if self.eat(b':') {
                seconds += self.number()?;
            }
        }
        Some(sign * seconds)
    }

    /// `date[/time]`; the time defaults to 02:00:00.
    fn rule_date(&mut self) -> Option<(RuleDate, i64)> {
        let date = if self.eat(b'M') {
            let month = self.number()?;
            if !self.eat(b'.') {
                return None;
            }
            let week = self.number()?;
            if !self.eat(b'.') {
                return None;
            }
            let week_day = self.number()?;
            if !((1..=12).contains(&month)
                && (1..=5).contains(&week)
                && (0..=6).contains(&week_day))
            {
                return None;
            }
            RuleDate::MonthWeekDay {
                month,
                week,
                week_day,
            }
        } else if self.eat(b'J') {
            let day = self.number()?;
            if !(1..=365).contains(&day) {
                return None;
            }
            RuleDate::JulianNoLeap(day)
        } else {
            let day = self.number()?;
            if !(0..=365).contains(&day) {
                return None;
            }
            RuleDate::ZeroBased(day)
        };
        let time = if self.eat(b'/') {
            self.duration()?
        } else {
            7200
        };
        Some((date, time))
    }
}

impl PosixRule {
    fn parse(text: &str) -> Option<PosixRule> {
        let mut p = RuleParser {
            text: text.as_bytes(),
            position: 0,
        };
        let standard_name = p.abbreviation()?;
        // POSIX offsets count west of Greenwich: `EST5` is five hours behind UTC.
        let standard_offset = -p.duration()?;
        let standard = LocalTimeType {
            offset: standard_offset,
            abbreviation: standard_name,
        };
        if p.peek().is_none() {
            return Some(PosixRule {
                standard,
                daylight: None,
            });
        }
        let daylight_name = p.abbreviation()?;
        let daylight_offset = match p.peek() {
            Some(b',') | None => standard_offset + 3600,
            _ => -p.duration()?,
        };
        let (start, end) = if p.eat(b',') {
            let start = p.rule_date()?;
            if !p.eat(b',') {
                return None;
            }
            (start, p.rule_date()?)
        } else {
            // The customary default when a string names daylight time but no dates.
            (
                (
                    RuleDate::MonthWeekDay {
                        month: 3,
                        week: 2,
                        week_day: 0,
                    },
                    7200,
                ),
                (
                    RuleDate::MonthWeekDay {
                        month: 11,
                        week: 1,
                        week_day: 0,
                    },
                    7200,
                ),
            )
        };
        if p.peek().is_some() {
            return None;
        }
        Some(PosixRule {
            standard,
            daylight: Some(DaylightRule {
                time_type: LocalTimeType {
                    offset: daylight_offset,
                    abbreviation: daylight_name,
                },
                start,
                end,
            }),
        })
    }

    fn local_type_at(&self, seconds: i64) -> &LocalTimeType {
        let Some(daylight) = &self.daylight else {
            return &self.standard;
        };
        let standard_offset = self.standard.offset;
        let year = year_from_day((seconds + standard_offset).div_euclid(SECONDS_PER_DAY));
        // The transitions of that year, as UTC instants.
        let start =
            rule_day(daylight.start.0, year) * SECONDS_PER_DAY + daylight.start.1 - standard_offset;
        let end = rule_day(daylight.end.0, year) * SECONDS_PER_DAY + daylight.end.1
            - daylight.time_type.offset;
        let in_daylight = if start < end {
            start <= seconds && seconds < end
        } else {
            // Southern hemisphere: daylight time spans the new year.
            !(end <= seconds && seconds < start)
        };
        if in_daylight {
            &daylight.time_type
        } else {
            &self.standard
        }
    }
}

/// The day number (days since the epoch) of a rule date in `year`.
fn rule_day(date: RuleDate, year: i64) -> i64 {
    let first_of_year = day_from_year(year);
    let leap = usize::from(days_in_year(year) == 366);
    match date {
        RuleDate::JulianNoLeap(n) => first_of_year + n - 1 + i64::from(leap == 1 && n >= 60),
        RuleDate::ZeroBased(n) => first_of_year + n,
        RuleDate::MonthWeekDay {
            month,
            week,
            week_day,
        } => {
            let month = month as usize;
            let first = first_of_year + DAYS_BEFORE_MONTH_TABLE[leap][month - 1];
            let month_length =
                DAYS_BEFORE_MONTH_TABLE[leap][month] - DAYS_BEFORE_MONTH_TABLE[leap][month - 1];
            let first_match = first + (week_day - (first + 4).rem_euclid(7)).rem_euclid(7);
            let mut day = first_match + (week - 1) * 7;
            while day >= first + month_length {
                day -= 7;
            }
            day
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ecmascript::builtins::date::time_math::{make_date, make_day, make_time};

    fn local(y: f64, m: f64, d: f64, h: f64, min: f64) -> f64 {
        make_date(make_day(y, m, d), make_time(h, min, 0.0, 0.0))
    }

    fn check_new_york(zone: &TimeZone) {
        const HOUR: f64 = 3_600_000.0;
        // Winter and summer.
        let january = local(2017.0, 0.0, 15.0, 12.0, 0.0);
        assert_eq!(zone.offset_ms_at(january), -5.0 * HOUR);
        let july = local(2017.0, 6.0, 15.0, 12.0, 0.0);
        assert_eq!(zone.offset_ms_at(july), -4.0 * HOUR);
        // 1:30 on 5 November 2017 happens twice: the earlier instant (UTC-4) wins.
        let repeated = local(2017.0, 10.0, 5.0, 1.0, 30.0);
        assert_eq!(zone.offset_ms_for_local(repeated), -4.0 * HOUR);
        // 2:30 on 12 March 2017 never happens: the offset before the change (UTC-5) applies.
        let skipped = local(2017.0, 2.0, 12.0, 2.0, 30.0);
        assert_eq!(zone.offset_ms_for_local(skipped), -5.0 * HOUR);
        // Far future instants use the rule.
        let future = local(2100.0, 6.0, 1.0, 0.0, 0.0);
        assert_eq!(zone.offset_ms_at(future), -4.0 * HOUR);
    }

    #[test]
    fn posix_rule_new_york() {
        let zone = TimeZone::from_posix("EST5EDT,M3.2.0,M11.1.0").expect("valid rule");
        check_new_york(&zone);
        assert_eq!(zone.name_at(0.0), "EST");
    }

    #[test]
    fn tzif_new_york_when_installed() {
        if let Ok(bytes) = std::fs::read("/usr/share/zoneinfo/America/New_York") {
            let zone = TimeZone::from_tzif(&bytes).expect("valid TZif");
            check_new_york(&zone);
        }
    }

    #[test]
    fn southern_hemisphere_and_quoted_names() {
        let zone = TimeZone::from_posix("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0").expect("valid");
        let july = local(2020.0, 6.0, 1.0, 0.0, 0.0);
        assert_eq!(zone.offset_ms_at(july), 37_800_000.0);
        let january = local(2020.0, 0.0, 1.0, 0.0, 0.0);
        assert_eq!(zone.offset_ms_at(january), 39_600_000.0);
        assert_eq!(zone.name_at(january), "+11");
    }

    #[test]
    fn garbage_is_rejected() {
        assert!(TimeZone::from_posix("").is_none());
        assert!(TimeZone::from_posix("X").is_none());
        assert!(TimeZone::from_tzif(b"TZif2").is_none());
    }
}
