//! The arguments of explanations: times in the workspace zone, amounts (rendered per language by
//! `crate::words`). Display only: nothing here compares or rounds the values the engine decides
//! on.

use super::words::{AT_TIME, AT_UNKNOWN_TIME, UNKNOWN_AMOUNT};
use crate::msg;
use crate::time::Moment;
use crate::words::Arg;
use chrono::{Datelike, Timelike};
use chrono_tz::Tz;
use rust_decimal::Decimal;
use std::fmt::Write;

/// `Bogotá` for the default zone, else the IANA name.
pub(super) fn zone_label(zone: Tz) -> &'static str {
    if zone == chrono_tz::America::Bogota {
        "Bogotá"
    } else {
        zone.name()
    }
}

/// A moment shown in the zone, as [`Moment::display_in`] writes it, without chrono's format
/// parser (it runs a few million times per reconciliation).
pub(super) fn push_when(out: &mut String, moment: &Moment, zone: Tz) {
    match moment {
        Moment::Date(d) => {
            let _ = write!(out, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
        }
        Moment::Instant(dt) => {
            let local = dt.with_timezone(&zone);
            let _ = write!(
                out,
                "{:04}-{:02}-{:02} {:02}:{:02}",
                local.year(),
                local.month(),
                local.day(),
                local.hour(),
                local.minute()
            );
            if local.nanosecond() != 0 || local.second() != 0 {
                let _ = write!(out, ":{:02}", local.second());
                if local.nanosecond() != 0 {
                    // Same digits as chrono's `%.f` (3, 6 or 9 of them).
                    let n = local.nanosecond() % 1_000_000_000;
                    if n % 1_000_000 == 0 {
                        let _ = write!(out, ".{:03}", n / 1_000_000);
                    } else if n % 1_000 == 0 {
                        let _ = write!(out, ".{:06}", n / 1_000);
                    } else {
                        let _ = write!(out, ".{n:09}");
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
/// unknown time` (each language with its own preposition).
pub(super) fn when_zoned(moment: Option<&Moment>, zone: Tz) -> Arg {
    match moment {
        None => msg!(AT_UNKNOWN_TIME).into(),
        Some(m) => {
            let mut out = String::with_capacity(30);
            push_when(&mut out, m, zone);
            out.push_str(" (");
            out.push_str(zone_label(zone));
            out.push(')');
            msg!(AT_TIME, out).into()
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
