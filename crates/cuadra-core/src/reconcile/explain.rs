//! The arguments of explanations: times in the workspace zone, amounts (rendered per language by
//! `crate::words`). Display only: nothing here compares or rounds the values the engine decides
//! on.

use super::words::{AT_BOGOTA, AT_UNKNOWN_TIME, AT_ZONE, UNKNOWN_AMOUNT};
use crate::msg;
use crate::time::Moment;
use crate::words::Arg;
use chrono::{Datelike, Timelike};
use chrono_tz::Tz;
use rust_decimal::Decimal;

/// `Bogotá` for the default zone, else the IANA name.
pub(super) fn zone_label(zone: Tz) -> &'static str {
    if zone == chrono_tz::America::Bogota {
        "Bogotá"
    } else {
        zone.name()
    }
}

/// `n` with at least `width` digits, zero-padded (what `{:0width$}` writes, without the
/// formatting machinery: this runs a few million times per reconciliation).
fn push_padded(out: &mut String, n: u32, width: usize) {
    let mut digits = [b'0'; 10];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    at = at.min(digits.len() - width.min(digits.len()));
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// A year with at least `digits` digits after its sign (chrono's `%Y` pads a negative year to
/// four digits after the `-`, `{:04}` to four characters with it).
fn push_year(out: &mut String, year: i32, digits: usize) {
    if year < 0 {
        out.push('-');
    }
    push_padded(out, year.unsigned_abs(), digits);
}

/// A moment shown in the zone, as [`Moment::display_in`] writes it.
pub(super) fn push_when(out: &mut String, moment: &Moment, zone: Tz) {
    let date = |out: &mut String, year: (i32, usize), month: u32, day: u32| {
        push_year(out, year.0, year.1);
        out.push('-');
        push_padded(out, month, 2);
        out.push('-');
        push_padded(out, day, 2);
    };
    match moment {
        Moment::Date(d) => {
            let digits = if d.year() < 0 { 3 } else { 4 };
            date(out, (d.year(), digits), d.month(), d.day());
        }
        Moment::Instant(dt) => {
            let local = dt.with_timezone(&zone);
            // chrono's `%Y` marks a year past 9999 with a sign.
            if local.year() > 9999 {
                out.push('+');
            }
            date(out, (local.year(), 4), local.month(), local.day());
            out.push(' ');
            push_padded(out, local.hour(), 2);
            out.push(':');
            push_padded(out, local.minute(), 2);
            if local.nanosecond() != 0 || local.second() != 0 {
                out.push(':');
                push_padded(out, local.second(), 2);
                if local.nanosecond() != 0 {
                    // Same digits as chrono's `%.f` (3, 6 or 9 of them).
                    let n = local.nanosecond() % 1_000_000_000;
                    out.push('.');
                    if n % 1_000_000 == 0 {
                        push_padded(out, n / 1_000_000, 3);
                    } else if n % 1_000 == 0 {
                        push_padded(out, n / 1_000, 6);
                    } else {
                        push_padded(out, n, 9);
                    }
                }
            }
        }
    }
}

pub(super) fn when(moment: &Moment, zone: Tz) -> String {
    let mut out = String::with_capacity(20);
    push_when(&mut out, moment, zone);
    out
}

/// When something happened, as a sentence says it: `at 2026-05-03 14:10 (Bogotá)`, or `at an
/// unknown time` (each language with its own preposition, and its own name of the zone: the
/// zone is part of the template, so Chinese reads `（哥伦比亚时间）`).
pub(super) fn when_zoned(moment: Option<&Moment>, zone: Tz) -> Arg {
    match moment {
        None => msg!(AT_UNKNOWN_TIME).into(),
        Some(m) => {
            let mut out = String::with_capacity(30);
            push_when(&mut out, m, zone);
            if zone == chrono_tz::America::Bogota {
                msg!(AT_BOGOTA, out).into()
            } else {
                msg!(AT_ZONE, out, zone_label(zone)).into()
            }
        }
    }
}

/// An amount or `an unknown amount`.
pub(super) fn money_or_unknown(amount: Option<Decimal>, currency: Option<&str>) -> Arg {
    match amount {
        Some(a) => Arg::money(a, currency),
        None => msg!(UNKNOWN_AMOUNT).into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, NaiveDate, TimeZone};

    fn some<T>(v: Option<T>) -> T {
        v.expect("a valid test time")
    }

    #[test]
    fn times_are_written_as_the_moment_displays_them() {
        let zones = [
            chrono_tz::America::Bogota,
            chrono_tz::Asia::Shanghai,
            chrono_tz::UTC,
        ];
        let offset = some(FixedOffset::west_opt(4 * 3600));
        let mut moments = Vec::new();
        for (y, mo, d, h, mi, s, nanos) in [
            (2026, 5, 3, 21, 30, 0, 0),
            (2026, 1, 1, 0, 0, 7, 0),
            (2026, 12, 31, 23, 59, 59, 120_000_000),
            (2026, 6, 9, 4, 5, 0, 123_456_000),
            (2026, 6, 9, 4, 5, 0, 1),
            (999, 2, 3, 4, 5, 6, 0),
            (7, 2, 3, 4, 5, 6, 0),
            (12026, 2, 3, 4, 5, 6, 0),
            (-5, 2, 3, 4, 5, 6, 0),
            (-12345, 2, 3, 4, 5, 6, 0),
        ] {
            let t = some(offset.with_ymd_and_hms(y, mo, d, h, mi, s).single())
                + chrono::TimeDelta::nanoseconds(nanos);
            moments.push(Moment::Instant(t));
            moments.push(Moment::Date(some(NaiveDate::from_ymd_opt(y, mo, d))));
        }
        for m in &moments {
            for zone in zones {
                assert_eq!(when(m, zone), m.display_in(zone), "{m:?} in {zone}");
            }
        }
    }
}
