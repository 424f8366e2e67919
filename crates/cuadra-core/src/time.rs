//! Dates and times from files, as explicit instants or plain dates. Never guesses a zone.
//!
//! This module owns reading date/time text (ISO, Shopify, `d/M/yyyy`, Spanish Excel's
//! `2:30 p. m.`, Excel serial numbers), the storage form (RFC 3339 with the offset the value
//! came with) and showing a moment in the workspace zone. Text without an offset is read in the
//! zone the caller passes (a profile setting); text with an offset keeps it. A date without a
//! time stays a [`Moment::Date`], never a midnight. It never reads the clock and never swaps
//! day and month to make an impossible date fit.

use crate::msg;
use crate::words::ingest as w;
use crate::words::{Lang, Msg};
use chrono::format::{ParseErrorKind, Parsed, StrftimeItems};
use chrono::{
    DateTime, Datelike, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime,
    SecondsFormat, TimeDelta, TimeZone, Timelike, Utc,
};
use chrono_tz::Tz;
use std::borrow::Cow;

/// The workspace zone when none is configured: Colombia has had no daylight saving since 1993.
pub const DEFAULT_ZONE: Tz = chrono_tz::America::Bogota;

/// How a slashed date like `3/4/2026` is read. Colombia writes day first (`Dmy`). A date whose
/// first part has four digits (`2026/04/03`, `2026-04-03`) is always year-month-day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    Dmy,
    Mdy,
    Ymd,
}

impl DateOrder {
    /// `day/month/year` and the like, in words.
    fn describe(self) -> Msg {
        match self {
            DateOrder::Dmy => msg!(w::ORDER_DMY),
            DateOrder::Mdy => msg!(w::ORDER_MDY),
            DateOrder::Ymd => msg!(w::ORDER_YMD),
        }
    }
}

/// A point in time with the offset it was written with, or a calendar date without a time.
/// Instants compare and hash by the absolute instant (chrono's semantics), not by offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Moment {
    Instant(DateTime<FixedOffset>),
    Date(NaiveDate),
}

/// Why a text is not a date or time. The sentences are in the import catalog
/// (`crate::words::ingest`, `DATE_*`, `TIME_*`): [`TimeError::msg`] in any language, `Display`
/// in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeError {
    /// Blank or whitespace only: callers usually treat this as a missing value.
    Empty,
    /// The text is not a date or time; `reason` says what is wrong.
    Invalid { text: String, reason: Msg },
    /// A wall-clock time the zone skipped (a daylight-saving gap).
    NonexistentLocalTime { text: String, zone: String },
    /// Not an IANA time zone name.
    UnknownZone { name: String },
    /// A user-supplied format string chrono cannot use (`reason` is chrono's own text).
    BadFormat { format: String, reason: String },
    /// A year written with two digits (`05/05/26`): neither its century nor, in a year-first
    /// layout, which part is the year can be told, so it is never guessed.
    TwoDigitYear { text: String, year: String },
}

impl TimeError {
    /// The error as a message, to be rendered in the reader's language.
    pub fn msg(&self) -> Msg {
        match self {
            TimeError::Empty => msg!(w::DATE_BLANK),
            TimeError::Invalid { text, reason } => msg!(w::DATE_INVALID, text, reason.clone()),
            TimeError::NonexistentLocalTime { text, zone } => {
                msg!(w::DATE_SKIPPED_BY_DST, text, zone)
            }
            TimeError::UnknownZone { name } => msg!(w::DATE_UNKNOWN_ZONE, name),
            TimeError::BadFormat { format, reason } => msg!(w::DATE_BAD_FORMAT, format, reason),
            TimeError::TwoDigitYear { text, year } => msg!(w::DATE_TWO_DIGIT_YEAR, text, year),
        }
    }
}

impl std::fmt::Display for TimeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.msg().render(Lang::En))
    }
}

impl std::error::Error for TimeError {}

const QUOTE_LIMIT: usize = 60;

fn quote(text: &str) -> String {
    if text.chars().count() <= QUOTE_LIMIT {
        text.to_string()
    } else {
        let mut short: String = text.chars().take(QUOTE_LIMIT).collect();
        short.push('…');
        short
    }
}

fn invalid(text: &str, reason: Msg) -> TimeError {
    TimeError::Invalid {
        text: quote(text),
        reason,
    }
}

/// Parses a date or date-time as files write it (see the module docs and tests for shapes).
///
/// Offset-less date-times are read in `zone`. In zones with daylight saving, a wall time that
/// the clocks skipped is [`TimeError::NonexistentLocalTime`]; a wall time that happened twice
/// (clocks set back) is read as the earlier of the two instants. A bare number is an Excel
/// serial (see [`moment_from_excel_serial`]).
pub fn parse_moment(text: &str, zone: Tz, order: DateOrder) -> Result<Moment, TimeError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(TimeError::Empty);
    }
    if let Some(serial) = bare_number(trimmed) {
        return moment_from_excel_serial(serial, zone)
            .ok_or_else(|| invalid(trimmed, msg!(w::DATE_BAD_SERIAL)));
    }
    let mut sc = Scanner::new(trimmed);
    let date = parse_date_part(&mut sc, order, trimmed)?;
    if sc.at_end() {
        return Ok(Moment::Date(date));
    }
    // Date and time are separated by `T` or whitespace.
    let before = sc.pos;
    if !(sc.eat('T') || sc.eat('t')) {
        sc.skip_whitespace();
    }
    if sc.pos == before || !sc.peek().is_some_and(|c| c.is_ascii_digit()) {
        return Err(invalid(trimmed, msg!(w::DATE_TEXT_AFTER_DATE)));
    }
    let time = parse_time_part(&mut sc, trimmed)?;
    let naive = date.and_time(time);
    sc.skip_whitespace();
    if sc.at_end() {
        return localize(naive, zone, trimmed).map(Moment::Instant);
    }
    let offset = parse_offset(sc.rest(), trimmed)?;
    match offset.from_local_datetime(&naive) {
        LocalResult::Single(dt) => Ok(Moment::Instant(dt)),
        _ => Err(invalid(trimmed, msg!(w::DATE_OUT_OF_RANGE))),
    }
}

/// The two leading numbers of a date written `a/b/yyyy` (or with `-`, `.`), whose reading
/// depends on the date order: None for every other shape (year first, a month name, a serial).
/// The import uses them to see whether a column's dates settle their own order.
pub fn order_dependent_parts(text: &str) -> Option<(u32, u32)> {
    let mut sc = Scanner::new(text.trim());
    let first = sc.digits();
    let sep = match sc.peek() {
        Some(c @ ('-' | '/' | '.')) if (1..=2).contains(&first.len()) => c,
        _ => return None,
    };
    sc.eat(sep);
    let second = sc.digits();
    if !(1..=2).contains(&second.len()) || !sc.eat(sep) || sc.digits().len() != 4 {
        return None;
    }
    Some((first.parse().ok()?, second.parse().ok()?))
}

/// `Some(serial)` if the text is a plain non-negative number (`46143`, `46143.5`, `46143,5`).
fn bare_number(text: &str) -> Option<f64> {
    let (int, frac) = match text.find(['.', ',']) {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int) || frac.is_some_and(|f| !all_digits(f)) {
        return None;
    }
    let normalized = match frac {
        Some(f) => format!("{int}.{f}"),
        None => int.to_string(),
    };
    normalized.parse().ok()
}

/// Reads a wall-clock time in `zone`: skipped times are an error, repeated ones the earlier.
fn localize(
    naive: NaiveDateTime,
    zone: Tz,
    text: &str,
) -> Result<DateTime<FixedOffset>, TimeError> {
    match zone.from_local_datetime(&naive) {
        LocalResult::Single(dt) => Ok(dt.fixed_offset()),
        LocalResult::Ambiguous(a, b) => Ok(a.min(b).fixed_offset()),
        LocalResult::None => Err(TimeError::NonexistentLocalTime {
            text: quote(text),
            zone: zone.name().to_string(),
        }),
    }
}

struct Scanner<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner { text, pos: 0 }
    }
    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }
    fn at_end(&self) -> bool {
        self.pos >= self.text.len()
    }
    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }
    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }
    fn take_while(&mut self, keep: impl Fn(char) -> bool) -> &'a str {
        let rest = self.rest();
        let len = rest.find(|c: char| !keep(c)).unwrap_or(rest.len());
        self.pos += len;
        &rest[..len]
    }
    fn digits(&mut self) -> &'a str {
        self.take_while(|c| c.is_ascii_digit())
    }
    fn skip_whitespace(&mut self) {
        self.take_while(char::is_whitespace);
    }
}

/// Month names and abbreviations in Spanish and English (`ene`, `abr`, `ago`, `dic`, `Jan`).
const MONTH_NAMES: &[(&str, u32)] = &[
    ("enero", 1),
    ("january", 1),
    ("febrero", 2),
    ("february", 2),
    ("marzo", 3),
    ("march", 3),
    ("abril", 4),
    ("april", 4),
    ("mayo", 5),
    ("may", 5),
    ("junio", 6),
    ("june", 6),
    ("julio", 7),
    ("july", 7),
    ("agosto", 8),
    ("august", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("september", 9),
    ("octubre", 10),
    ("october", 10),
    ("noviembre", 11),
    ("november", 11),
    ("diciembre", 12),
    ("december", 12),
];

fn month_from_name(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    if lower.chars().count() < 3 {
        return None;
    }
    let mut found = None;
    for &(full, month) in MONTH_NAMES {
        if full.starts_with(&lower) {
            if found.is_some_and(|m| m != month) {
                return None;
            }
            found = Some(month);
        }
    }
    found
}

fn parse_date_part(
    sc: &mut Scanner<'_>,
    order: DateOrder,
    text: &str,
) -> Result<NaiveDate, TimeError> {
    let shape = || msg!(w::DATE_SHAPE);
    let first = sc.digits();
    let sep = match sc.peek() {
        Some(c @ ('-' | '/' | '.')) if !first.is_empty() => c,
        _ => return Err(invalid(text, shape())),
    };
    sc.eat(sep);
    let second_digits = sc.digits();
    let second_name = if second_digits.is_empty() {
        sc.take_while(char::is_alphabetic)
    } else {
        ""
    };
    if (second_digits.is_empty() && second_name.is_empty()) || !sc.eat(sep) {
        return Err(invalid(text, shape()));
    }
    let third = sc.digits();
    if third.is_empty() {
        return Err(invalid(text, shape()));
    }

    let named_month = if second_name.is_empty() {
        None
    } else {
        Some(
            month_from_name(second_name)
                .ok_or_else(|| invalid(text, msg!(w::DATE_NOT_A_MONTH, quote(second_name))))?,
        )
    };
    let number = |s: &str| s.parse::<u32>().unwrap_or(u32::MAX);

    // (year text, month, day)
    let (year_text, month, day) = if first.len() == 4 {
        (
            first,
            named_month.unwrap_or(number(second_digits)),
            number(third),
        )
    } else if let Some(month) = named_month {
        (third, month, number(first))
    } else {
        match order {
            DateOrder::Dmy => (third, number(second_digits), number(first)),
            DateOrder::Mdy => (third, number(first), number(second_digits)),
            DateOrder::Ymd => {
                if third.len() == 4 {
                    return Err(invalid(text, msg!(w::DATE_YEAR_LAST)));
                }
                (first, number(second_digits), number(third))
            }
        }
    };
    let year: i32 = match year_text.len() {
        4 => year_text.parse().unwrap_or(i32::MAX),
        // `05/05/26` read year first is 2005-05-26, read day first 2026-05-05: which part is the
        // year, and its century, are guesses, and a wrong guess moves a payment by years. A
        // profile with an explicit format (`%d/%m/%y`) is the way to read such a file.
        2 => {
            return Err(TimeError::TwoDigitYear {
                text: quote(text),
                year: year_text.to_string(),
            })
        }
        _ => return Err(invalid(text, msg!(w::DATE_BAD_YEAR, year_text))),
    };
    let day_month_ok = |s: &str| (1..=2).contains(&s.len());
    let written_ok = if first.len() == 4 {
        named_month.is_some() || day_month_ok(second_digits)
    } else {
        day_month_ok(first) && (named_month.is_some() || day_month_ok(second_digits))
    };
    if !written_ok {
        return Err(invalid(text, shape()));
    }
    if !(1..=12).contains(&month) {
        return Err(invalid(
            text,
            msg!(w::DATE_NO_SUCH_MONTH, i64::from(month), order.describe()),
        ));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        invalid(
            text,
            msg!(
                w::DATE_NO_SUCH_DAY,
                i64::from(day),
                format!("{year}-{month:02}")
            ),
        )
    })
}

fn parse_time_part(sc: &mut Scanner<'_>, text: &str) -> Result<NaiveTime, TimeError> {
    let shape = || msg!(w::TIME_SHAPE);
    let hour_text = sc.digits();
    if !(1..=2).contains(&hour_text.len()) || !sc.eat(':') {
        return Err(invalid(text, shape()));
    }
    let minute_text = sc.digits();
    if minute_text.len() != 2 {
        return Err(invalid(text, shape()));
    }
    let mut second = 0u32;
    let mut nanos = 0u32;
    if sc.eat(':') {
        let second_text = sc.digits();
        if second_text.len() != 2 {
            return Err(invalid(text, shape()));
        }
        second = second_text.parse().unwrap_or(u32::MAX);
        let rest = sc.rest();
        if (rest.starts_with('.') || rest.starts_with(','))
            && rest[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            sc.pos += 1;
            let frac = sc.digits();
            if frac.len() > 9 {
                return Err(invalid(text, msg!(w::TIME_LONG_FRACTION)));
            }
            let padded = format!("{frac:0<9}");
            nanos = padded.parse().unwrap_or(u32::MAX);
        }
    }
    let mut hour: u32 = hour_text.parse().unwrap_or(u32::MAX);
    let minute: u32 = minute_text.parse().unwrap_or(u32::MAX);

    // Optional AM/PM marker, as English (`PM`) or Spanish Excel (`p. m.`, with NBSP) write it.
    let save = sc.pos;
    sc.skip_whitespace();
    let marker = sc
        .take_while(|c| matches!(c, 'a' | 'A' | 'p' | 'P' | 'm' | 'M' | '.') || c.is_whitespace());
    let squeezed: String = marker
        .chars()
        .filter(|c| *c != '.' && !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    match squeezed.as_str() {
        "" => sc.pos = save,
        "am" | "pm" => {
            // Some exporters write midnight as `0:05 a. m.`; accept that, nothing else past 12.
            let on_twelve_hour_clock = (1..=12).contains(&hour) || (hour == 0 && squeezed == "am");
            if !on_twelve_hour_clock {
                return Err(invalid(text, msg!(w::TIME_MERIDIEM_HOUR, i64::from(hour))));
            }
            hour %= 12;
            if squeezed == "pm" {
                hour += 12;
            }
        }
        _ => return Err(invalid(text, shape())),
    }
    if hour > 23 || minute > 59 || second > 59 {
        return Err(invalid(
            text,
            msg!(w::TIME_NOT_A_TIME_AT, format!("{hour_text}:{minute_text}")),
        ));
    }
    NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)
        .ok_or_else(|| invalid(text, msg!(w::TIME_NOT_A_TIME)))
}

/// Parses a trailing offset: `Z`, `-05:00`, `-0500`, `-05`, `UTC`, `GMT-04`, `UTC -5`.
fn parse_offset(rest: &str, text: &str) -> Result<FixedOffset, TimeError> {
    let bad = || invalid(text, msg!(w::TIME_TEXT_AFTER_TIME));
    let mut s = rest.trim();
    if s.eq_ignore_ascii_case("z") {
        return FixedOffset::east_opt(0).ok_or_else(bad);
    }
    for name in ["UTC", "GMT"] {
        if s.len() >= 3 && s.is_char_boundary(3) && s[..3].eq_ignore_ascii_case(name) {
            s = s[3..].trim_start();
            if s.is_empty() {
                return FixedOffset::east_opt(0).ok_or_else(bad);
            }
        }
    }
    let (sign, body) = match s.chars().next() {
        Some('+') => (1, &s[1..]),
        Some('-') => (-1, &s[1..]),
        Some('\u{2212}') => (-1, &s['\u{2212}'.len_utf8()..]),
        _ => return Err(bad()),
    };
    let (hours, minutes) = match body.split_once(':') {
        Some((h, m)) => (h, m),
        None if body.len() == 4 => (&body[..2], &body[2..]),
        None => (body, "0"),
    };
    let digits = |t: &str| (1..=2).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    if !digits(hours) || !digits(minutes) {
        return Err(bad());
    }
    let hours: i32 = hours.parse().map_err(|_| bad())?;
    let minutes: i32 = minutes.parse().map_err(|_| bad())?;
    if hours > 23 || minutes > 59 {
        return Err(invalid(text, msg!(w::TIME_OFFSET_OUT_OF_RANGE)));
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60)).ok_or_else(bad)
}

/// Rewrites Spanish/English meridiem markers (`p. m.`, `a.m.`, `pm`) as `AM`/`PM` so chrono's
/// `%p` reads them.
fn normalize_meridiem(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let boundary_before = i == 0 || !chars[i - 1].is_alphanumeric();
        if boundary_before && matches!(c, 'a' | 'A' | 'p' | 'P') {
            let mut j = i + 1;
            if chars.get(j) == Some(&'.') {
                j += 1;
            }
            while chars.get(j).is_some_and(|c| c.is_whitespace()) {
                j += 1;
            }
            if matches!(chars.get(j), Some('m' | 'M')) {
                j += 1;
                if chars.get(j) == Some(&'.') {
                    j += 1;
                }
                if chars.get(j).is_none_or(|c| !c.is_alphanumeric()) {
                    out.push_str(if matches!(c, 'a' | 'A') { "AM" } else { "PM" });
                    i = j;
                    continue;
                }
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Parses with an explicit strftime-style format from a user profile (e.g. `%d/%m/%Y %H:%M`).
/// A format with an offset (`%z`) gives an instant with that offset; one with a time but no
/// offset is read in `zone` (same daylight-saving rules as [`parse_moment`]); a date-only
/// format gives a [`Moment::Date`]. `%p` also accepts Spanish `a. m.`/`p. m.`.
pub fn parse_moment_with_format(text: &str, format: &str, zone: Tz) -> Result<Moment, TimeError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(TimeError::Empty);
    }
    let input = if format.contains("%p") || format.contains("%P") {
        normalize_meridiem(trimmed)
    } else {
        trimmed.to_string()
    };
    let mut parsed = Parsed::new();
    if let Err(e) = chrono::format::parse(&mut parsed, &input, StrftimeItems::new(format)) {
        if e.kind() == ParseErrorKind::BadFormat {
            return Err(TimeError::BadFormat {
                format: format.to_string(),
                reason: e.to_string(),
            });
        }
        return Err(invalid(
            trimmed,
            msg!(w::DATE_FORMAT_MISMATCH, format, e.to_string()),
        ));
    }
    let mismatch = |e: chrono::ParseError| {
        invalid(
            trimmed,
            msg!(w::DATE_FORMAT_MISMATCH, format, e.to_string()),
        )
    };
    if parsed.offset().is_some() || parsed.timestamp().is_some() {
        let dt = match parsed.offset() {
            Some(_) => parsed.to_datetime().map_err(mismatch)?,
            None => parsed
                .to_naive_datetime_with_offset(0)
                .map_err(mismatch)?
                .and_utc()
                .fixed_offset(),
        };
        return Ok(Moment::Instant(dt));
    }
    if parsed.hour_div_12().is_some() || parsed.hour_mod_12().is_some() {
        let naive = parsed.to_naive_datetime_with_offset(0).map_err(mismatch)?;
        return localize(naive, zone, trimmed).map(Moment::Instant);
    }
    parsed.to_naive_date().map(Moment::Date).map_err(mismatch)
}

/// Excel's last serial: 9999-12-31.
const EXCEL_MAX_SERIAL: f64 = 2_958_466.0;
const MILLIS_PER_DAY: f64 = 86_400_000.0;

/// An Excel 1900-system serial as a moment: an integral serial is a date, a fractional one a
/// wall-clock time in `zone` (rounded to the millisecond, Excel's precision). Excel believes
/// 1900 was a leap year: serial 60 is its 29 Feb 1900, which never existed, so 60 is `None`;
/// serials 1..=59 count from 1899-12-31 and serials from 61 on from 1899-12-30, which keeps
/// every real date right. Also `None` for NaN, infinities, serials below 1 (a time without a
/// date), beyond 9999-12-31, or a wall time `zone` skipped.
pub fn moment_from_excel_serial(serial: f64, zone: Tz) -> Option<Moment> {
    if !serial.is_finite() || !(1.0..EXCEL_MAX_SERIAL).contains(&serial) {
        return None;
    }
    let days = serial.floor();
    let whole = days as i64; // in 1..2958466, exact
    let epoch = match whole {
        60 => return None,
        w if w < 60 => NaiveDate::from_ymd_opt(1899, 12, 31)?,
        _ => NaiveDate::from_ymd_opt(1899, 12, 30)?,
    };
    let date = epoch.checked_add_signed(TimeDelta::try_days(whole)?)?;
    if serial == days {
        return Some(Moment::Date(date));
    }
    // Time is not money: float arithmetic on the fraction is fine, rounded to Excel's ms.
    let millis = ((serial - days) * MILLIS_PER_DAY).round() as i64;
    let naive = date
        .and_time(NaiveTime::MIN)
        .checked_add_signed(TimeDelta::try_milliseconds(millis)?)?;
    match zone.from_local_datetime(&naive) {
        LocalResult::Single(dt) => Some(Moment::Instant(dt.fixed_offset())),
        LocalResult::Ambiguous(a, b) => Some(Moment::Instant(a.min(b).fixed_offset())),
        LocalResult::None => None,
    }
}

/// The first instant of `date` in `zone` (midnight, or the first wall time after a gap).
/// The last second of `date` in `zone`: a month-end as-of ("as of 31 May") is 23:59:59 that day.
pub fn end_of_day(date: NaiveDate, zone: Tz) -> DateTime<Utc> {
    match date.succ_opt() {
        Some(next) => start_of_day(next, zone) - TimeDelta::seconds(1),
        None => start_of_day(date, zone),
    }
}

fn start_of_day(date: NaiveDate, zone: Tz) -> DateTime<Utc> {
    let midnight = date.and_time(NaiveTime::MIN);
    // Some zones (e.g. America/Santiago) skip midnight itself; gaps never exceed a few hours.
    for minutes in 0..=(6 * 60) {
        let Some(candidate) = midnight.checked_add_signed(TimeDelta::minutes(minutes)) else {
            break;
        };
        if let Some(dt) = zone.from_local_datetime(&candidate).earliest() {
            return dt.with_timezone(&Utc);
        }
    }
    midnight.and_utc()
}

impl Moment {
    /// Storage text: instants as RFC 3339 with their own offset, whole seconds unless there is
    /// a sub-second part (`2026-05-01T10:00:00-05:00`, `...T10:00:00.123-04:00`); dates as
    /// `2026-05-01`. An offset with seconds (historic local mean time) cannot be written in
    /// RFC 3339, so such instants are stored in UTC (same instant).
    pub fn to_storage(&self) -> String {
        match self {
            Moment::Instant(dt) => {
                if dt.offset().local_minus_utc() % 60 != 0 {
                    dt.with_timezone(&Utc)
                        .fixed_offset()
                        .to_rfc3339_opts(SecondsFormat::AutoSi, false)
                } else {
                    dt.to_rfc3339_opts(SecondsFormat::AutoSi, false)
                }
            }
            Moment::Date(d) => d.format("%Y-%m-%d").to_string(),
        }
    }

    /// Reads the text written by [`Moment::to_storage`].
    pub fn from_storage(text: &str) -> Result<Moment, TimeError> {
        if text.is_empty() {
            return Err(TimeError::Empty);
        }
        if text.len() == 10 {
            if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                return Ok(Moment::Date(date));
            }
        }
        DateTime::parse_from_rfc3339(text)
            .map(Moment::Instant)
            .map_err(|e| invalid(text, msg!(w::DATE_NOT_STORED, e.to_string())))
    }

    /// The absolute instant; a plain date is the start of that day in `zone`.
    pub fn to_utc(&self, zone: Tz) -> DateTime<Utc> {
        match self {
            Moment::Instant(dt) => dt.with_timezone(&Utc),
            Moment::Date(d) => start_of_day(*d, zone),
        }
    }

    /// Shown in `zone`: `2026-05-01 10:00` (seconds and fractions only when present), or the
    /// date as `2026-05-01`.
    pub fn display_in(&self, zone: Tz) -> String {
        match self {
            Moment::Instant(dt) => {
                let local = dt.with_timezone(&zone);
                let format = if local.nanosecond() != 0 {
                    "%Y-%m-%d %H:%M:%S%.f"
                } else if local.second() != 0 {
                    "%Y-%m-%d %H:%M:%S"
                } else {
                    "%Y-%m-%d %H:%M"
                };
                local.format(format).to_string()
            }
            Moment::Date(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        }
    }
}

/// Serialized as its storage text (`"2026-05-01T10:00:00-05:00"` or `"2026-05-01"`), so JSON,
/// IPC and the database all carry the same form and the offset survives.
impl serde::Serialize for Moment {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_storage())
    }
}

impl<'de> serde::Deserialize<'de> for Moment {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <Cow<'de, str>>::deserialize(deserializer)?;
        Moment::from_storage(&text).map_err(serde::de::Error::custom)
    }
}

/// An IANA zone name such as `America/Bogota`.
pub fn parse_zone(name: &str) -> Result<Tz, TimeError> {
    name.trim()
        .parse::<Tz>()
        .map_err(|_| TimeError::UnknownZone { name: quote(name) })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use proptest::prelude::*;

    const BOGOTA: Tz = DEFAULT_ZONE;

    fn instant(s: &str) -> Moment {
        Moment::Instant(DateTime::parse_from_rfc3339(s).unwrap())
    }

    fn date(y: i32, m: u32, d: u32) -> Moment {
        Moment::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    fn parse(text: &str) -> Moment {
        match parse_moment(text, BOGOTA, DateOrder::Dmy) {
            Ok(m) => m,
            Err(e) => panic!("{text:?} should parse: {e}"),
        }
    }

    /// Parses and also checks the offset kept, since `Moment` equality ignores it.
    fn parse_exact(text: &str, want: &str) {
        let got = parse(text);
        assert_eq!(got, instant(want), "{text:?} is the instant {want}");
        assert_eq!(
            got.to_storage(),
            want,
            "{text:?} keeps the offset it was read with"
        );
    }

    #[test]
    fn reads_machine_formats_with_their_offset() {
        parse_exact("2026-05-01T10:00:00-05:00", "2026-05-01T10:00:00-05:00");
        parse_exact(
            "2026-05-01T10:00:00.123-04:00",
            "2026-05-01T10:00:00.123-04:00",
        );
        parse_exact("2026-05-01T15:00:00Z", "2026-05-01T15:00:00+00:00");
        parse_exact("2026-05-01 10:00:00 -0500", "2026-05-01T10:00:00-05:00");
        parse_exact("2026-05-01 10:00:00 -05:00", "2026-05-01T10:00:00-05:00");
        parse_exact("2026-05-01 10:00:00 UTC", "2026-05-01T10:00:00+00:00");
        parse_exact("2026-05-01 10:00:00 GMT-04", "2026-05-01T10:00:00-04:00");
        parse_exact(
            "2026-05-01T15:00:00.0000000+00:00",
            "2026-05-01T15:00:00+00:00",
        );
    }

    #[test]
    fn offsetless_times_are_read_in_the_zone() {
        for text in [
            "2026-05-01 10:00:00",
            "2026-05-01T10:00:00",
            "2026-05-01 10:00",
            "1/5/2026 10:00",
            "01/05/2026 10:00:00",
            "1/05/2026 10:00 a. m.",
            "1-5-2026 10:00",
            "01.05.2026 10:00",
        ] {
            parse_exact(text, "2026-05-01T10:00:00-05:00");
        }
        let santiago: Tz = chrono_tz::America::Santiago;
        assert_eq!(
            parse_moment("2026-01-15 10:00", santiago, DateOrder::Dmy)
                .unwrap()
                .to_storage(),
            "2026-01-15T10:00:00-03:00",
            "Santiago is on summer time (-03) in January"
        );
    }

    #[test]
    fn reads_dates_and_slashed_dates_by_order() {
        assert_eq!(parse("2026-05-01"), date(2026, 5, 1));
        assert_eq!(
            parse("1/5/2026"),
            date(2026, 5, 1),
            "Colombia writes day first"
        );
        assert_eq!(parse("01/05/2026"), date(2026, 5, 1));
        assert_eq!(parse("1-5-2026"), date(2026, 5, 1));
        assert_eq!(
            parse("2026/05/01"),
            date(2026, 5, 1),
            "a 4-digit first part is the year"
        );
        assert_eq!(parse("1-may-2026"), date(2026, 5, 1));
        assert_eq!(parse("15-ene-2026"), date(2026, 1, 15));
        assert_eq!(parse("15-Jan-2026"), date(2026, 1, 15));
        for (text, order) in [
            ("1/5/26", DateOrder::Dmy),
            ("05/05/26", DateOrder::Ymd),
            ("31/12/26", DateOrder::Ymd),
            ("12/31/26", DateOrder::Mdy),
        ] {
            assert_eq!(
                parse_moment(text, BOGOTA, order),
                Err(TimeError::TwoDigitYear {
                    text: text.into(),
                    year: if order == DateOrder::Ymd {
                        &text[..2]
                    } else {
                        "26"
                    }
                    .into()
                }),
                "a two-digit year is never guessed ({text})"
            );
        }
        assert_eq!(order_dependent_parts("03/04/2026"), Some((3, 4)));
        assert_eq!(order_dependent_parts("13-4-2026 10:00"), Some((13, 4)));
        assert_eq!(order_dependent_parts("2026-04-03"), None, "year first");
        assert_eq!(order_dependent_parts("3-abr-2026"), None, "a named month");
        assert_eq!(order_dependent_parts("3/4/26"), None, "a two-digit year");
        assert_eq!(
            parse_moment("1/5/2026", BOGOTA, DateOrder::Mdy).unwrap(),
            date(2026, 1, 5),
            "US order reads month first"
        );
        assert!(
            parse_moment("1/5/2026", BOGOTA, DateOrder::Ymd).is_err(),
            "a year-last date does not fit a year-first setting; never guess"
        );
        let e = parse_moment("5/13/2026", BOGOTA, DateOrder::Dmy).unwrap_err();
        assert!(
            e.to_string().contains("no month 13"),
            "day and month are never swapped to make a date fit: {e}"
        );
        let e = parse_moment("31/4/2026", BOGOTA, DateOrder::Dmy).unwrap_err();
        assert!(e.to_string().contains("does not exist"), "{e}");
    }

    #[test]
    fn reads_twelve_hour_clocks() {
        let want = "2026-05-01T14:30:00-05:00";
        for text in [
            "1/5/2026 2:30 p. m.",
            "1/5/2026 2:30 p.\u{a0}m.",
            "1/5/2026 2:30 p.m.",
            "1/5/2026 2:30 PM",
            "1/5/2026 2:30pm",
            "1/5/2026 14:30",
        ] {
            parse_exact(text, want);
        }
        parse_exact("1/5/2026 12:05 a. m.", "2026-05-01T00:05:00-05:00");
        parse_exact("1/5/2026 12:05 p. m.", "2026-05-01T12:05:00-05:00");
        parse_exact("1/5/2026 14:30:05", "2026-05-01T14:30:05-05:00");
        assert!(parse_moment("1/5/2026 14:30 PM", BOGOTA, DateOrder::Dmy).is_err());
        assert!(parse_moment("1/5/2026 2:30 xm", BOGOTA, DateOrder::Dmy).is_err());
    }

    #[test]
    fn bare_numbers_are_excel_serials() {
        assert_eq!(
            parse("46143"),
            date(2026, 5, 1),
            "46143 is 2026-05-01 in Excel"
        );
        parse_exact("46143.5", "2026-05-01T12:00:00-05:00");
        parse_exact("46143,5", "2026-05-01T12:00:00-05:00");
        assert!(parse_moment("60", BOGOTA, DateOrder::Dmy).is_err());
        assert!(parse_moment("20260501", BOGOTA, DateOrder::Dmy).is_err());
    }

    #[test]
    fn excel_serial_1900_leap_bug() {
        let z = BOGOTA;
        assert_eq!(moment_from_excel_serial(1.0, z), Some(date(1900, 1, 1)));
        assert_eq!(moment_from_excel_serial(59.0, z), Some(date(1900, 2, 28)));
        assert_eq!(
            moment_from_excel_serial(60.0, z),
            None,
            "serial 60 is Excel's 29 Feb 1900, a day that never existed"
        );
        assert_eq!(
            moment_from_excel_serial(61.0, z),
            Some(date(1900, 3, 1)),
            "from 61 on, Excel's count is one day ahead"
        );
        assert_eq!(moment_from_excel_serial(45658.0, z), Some(date(2025, 1, 1)));
        assert_eq!(
            moment_from_excel_serial(2958465.0, z),
            Some(date(9999, 12, 31))
        );
        assert_eq!(moment_from_excel_serial(2958466.0, z), None);
        assert_eq!(
            moment_from_excel_serial(0.5, z),
            None,
            "a time without a date"
        );
        assert_eq!(moment_from_excel_serial(f64::NAN, z), None);
        assert_eq!(
            moment_from_excel_serial(46143.0 + 14.5 / 24.0, z).map(|m| m.to_storage()),
            Some("2026-05-01T14:30:00-05:00".to_string()),
            "14:30 typed in Excel comes back as 14:30, not 14:29:59.999"
        );
        assert_eq!(
            moment_from_excel_serial(46143.9999999999, z).map(|m| m.to_storage()),
            Some("2026-05-02T00:00:00-05:00".to_string()),
            "rounding to the millisecond can carry into the next day"
        );
    }

    #[test]
    fn mercado_pago_minus_four_is_an_hour_earlier_in_bogota() {
        let m = parse("2026-03-10T21:30:00-04:00");
        assert_eq!(
            m.display_in(BOGOTA),
            "2026-03-10 20:30",
            "shown in Bogotá time"
        );
        assert_eq!(
            m.to_utc(BOGOTA).to_rfc3339(),
            "2026-03-11T01:30:00+00:00",
            "the UTC instant is on the next day"
        );
        assert_eq!(
            m.to_storage(),
            "2026-03-10T21:30:00-04:00",
            "stored with its own offset"
        );
    }

    #[test]
    fn shopify_times_round_trip_through_storage() {
        let m = parse("2026-05-01 10:00:00 -0500");
        let stored = m.to_storage();
        assert_eq!(stored, "2026-05-01T10:00:00-05:00");
        let back = Moment::from_storage(&stored).unwrap();
        assert_eq!(back, m);
        assert_eq!(back.to_storage(), stored, "the offset survives storage");
        assert_eq!(
            Moment::from_storage("2026-05-01").unwrap(),
            date(2026, 5, 1)
        );
        assert!(Moment::from_storage("1/5/2026").is_err());
        assert!(Moment::from_storage("").is_err());
    }

    #[test]
    fn dates_start_at_midnight_in_the_zone() {
        assert_eq!(
            date(2026, 5, 1).to_utc(BOGOTA).to_rfc3339(),
            "2026-05-01T05:00:00+00:00"
        );
        assert_eq!(date(2026, 5, 1).display_in(BOGOTA), "2026-05-01");
        // Chile skips 00:00-01:00 on the first Sunday of September 2024.
        let santiago: Tz = chrono_tz::America::Santiago;
        assert_eq!(
            date(2024, 9, 8).to_utc(santiago).to_rfc3339(),
            "2024-09-08T04:00:00+00:00",
            "a day whose midnight was skipped starts at 01:00 local"
        );
    }

    #[test]
    fn daylight_saving_gaps_and_overlaps() {
        let ny: Tz = chrono_tz::America::New_York;
        let e = parse_moment("2026-03-08 02:30", ny, DateOrder::Mdy).unwrap_err();
        assert!(
            matches!(e, TimeError::NonexistentLocalTime { .. }),
            "02:30 was skipped in New York: {e:?}"
        );
        let m = parse_moment("2026-11-01 01:30", ny, DateOrder::Mdy).unwrap();
        assert_eq!(
            m.to_storage(),
            "2026-11-01T01:30:00-04:00",
            "a repeated wall time is read as the earlier instant"
        );
    }

    #[test]
    fn display_shows_seconds_only_when_present() {
        assert_eq!(
            parse("2026-05-01 10:00:05").display_in(BOGOTA),
            "2026-05-01 10:00:05"
        );
        assert_eq!(
            parse("2026-05-01T10:00:00.250-05:00").display_in(BOGOTA),
            "2026-05-01 10:00:00.250"
        );
    }

    #[test]
    fn explicit_formats() {
        let z = BOGOTA;
        assert_eq!(
            parse_moment_with_format("01/05/2026 14:30", "%d/%m/%Y %H:%M", z)
                .unwrap()
                .to_storage(),
            "2026-05-01T14:30:00-05:00"
        );
        assert_eq!(
            parse_moment_with_format("01/05/2026", "%d/%m/%Y", z).unwrap(),
            date(2026, 5, 1)
        );
        assert_eq!(
            parse_moment_with_format("2026-05-01 10:00:00 -0400", "%Y-%m-%d %H:%M:%S %z", z)
                .unwrap()
                .to_storage(),
            "2026-05-01T10:00:00-04:00"
        );
        assert_eq!(
            parse_moment_with_format("1/5/2026 2:30 p. m.", "%d/%m/%Y %I:%M %p", z)
                .unwrap()
                .to_storage(),
            "2026-05-01T14:30:00-05:00"
        );
        assert!(matches!(
            parse_moment_with_format("01/05/2026", "%Q", z),
            Err(TimeError::BadFormat { .. })
        ));
        assert!(matches!(
            parse_moment_with_format("2026-05-01", "%d/%m/%Y", z),
            Err(TimeError::Invalid { .. })
        ));
        assert_eq!(
            parse_moment_with_format(" ", "%d/%m/%Y", z),
            Err(TimeError::Empty)
        );
    }

    #[test]
    fn rejects_what_is_not_a_moment() {
        assert_eq!(
            parse_moment("  ", BOGOTA, DateOrder::Dmy),
            Err(TimeError::Empty)
        );
        for text in [
            "mañana",
            "2026-05-01 25:00",
            "2026-05-01 10:60",
            "2026-05-01 10:00 +25:00",
            "2026-05-01 10:00 foo",
            "2026-05-01X",
            "1/2/3/4",
            "1/5",
            "2026-02-30",
            "1/13/2026",
            "1/5/20266",
        ] {
            assert!(
                matches!(
                    parse_moment(text, BOGOTA, DateOrder::Dmy),
                    Err(TimeError::Invalid { .. })
                ),
                "{text:?} must be rejected"
            );
        }
    }

    #[test]
    fn serde_uses_the_storage_text() {
        let m = parse("2026-05-01 10:00:00 -0500");
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(json, "\"2026-05-01T10:00:00-05:00\"");
        let back: Moment = serde_json::from_str(&json).unwrap();
        assert_eq!(
            back.to_storage(),
            m.to_storage(),
            "the offset survives JSON"
        );
        let d: Moment = serde_json::from_str("\"2026-05-01\"").unwrap();
        assert_eq!(d, date(2026, 5, 1));
        assert!(serde_json::from_str::<Moment>("\"1/5/2026\"").is_err());
    }

    #[test]
    fn zones() {
        assert_eq!(parse_zone("America/Bogota"), Ok(BOGOTA));
        assert_eq!(parse_zone(" UTC "), Ok(chrono_tz::UTC));
        assert!(matches!(
            parse_zone("Bogota"),
            Err(TimeError::UnknownZone { .. })
        ));
    }

    proptest! {
        #[test]
        fn storage_round_trips(
            secs in 0i64..4_102_444_800, // 1970..2100
            millis in prop::sample::select(vec![0u32, 1, 123, 999]),
            offset_minutes in -(23 * 60 + 59)..=(23 * 60 + 59),
        ) {
            let offset = FixedOffset::east_opt(offset_minutes * 60).unwrap();
            let utc = DateTime::from_timestamp(secs, millis * 1_000_000).unwrap();
            let m = Moment::Instant(utc.with_timezone(&offset));
            let stored = m.to_storage();
            let back = Moment::from_storage(&stored).unwrap();
            prop_assert_eq!(back, m);
            prop_assert_eq!(back.to_storage(), stored);
        }

        #[test]
        fn dates_round_trip(days in 0i64..3_000_000) {
            let d = NaiveDate::from_ymd_opt(1, 1, 1).unwrap() + TimeDelta::days(days);
            let m = Moment::Date(d);
            prop_assert_eq!(Moment::from_storage(&m.to_storage()), Ok(m));
        }

        #[test]
        fn parse_never_panics(text in any::<String>()) {
            let _ = parse_moment(&text, BOGOTA, DateOrder::Dmy);
            let _ = parse_moment(&text, chrono_tz::America::New_York, DateOrder::Ymd);
            let _ = parse_moment_with_format(&text, "%d/%m/%Y %I:%M %p", BOGOTA);
            let _ = Moment::from_storage(&text);
        }

        #[test]
        fn parse_never_panics_on_date_like_text(text in "[0-9/:. TZ+-apm\u{a0}]{0,30}") {
            let _ = parse_moment(&text, BOGOTA, DateOrder::Dmy);
            let _ = parse_moment(&text, BOGOTA, DateOrder::Mdy);
        }

        #[test]
        fn excel_serials_never_panic(serial in any::<f64>()) {
            let _ = moment_from_excel_serial(serial, BOGOTA);
        }
    }
}
