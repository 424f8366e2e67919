//! Words for people: money as a Colombian accountant reads it (`COP 150.000`, `USD 12,50`),
//! times in the workspace zone, and the labels of orders and lines. Display only: nothing here
//! compares or rounds the values the engine decides on.

use crate::money::currency_scale;
use crate::time::Moment;
use chrono::{Datelike, Timelike};
use chrono_tz::Tz;
use rust_decimal::Decimal;
use std::fmt::Write;

/// `COP 150.000`, `USD 1.234,56`, `COP -2.500`: `.` groups thousands and `,` marks decimals;
/// decimals are shown to the currency's scale (none for COP), or more when the value has them
/// (so a difference of half a peso is never displayed as zero).
pub(super) fn money(amount: Decimal, currency: Option<&str>) -> String {
    let mut out = String::with_capacity(16);
    push_money(&mut out, amount, currency);
    out
}

pub(super) fn push_money(out: &mut String, amount: Decimal, currency: Option<&str>) {
    if let Some(code) = currency.map(str::trim).filter(|c| !c.is_empty()) {
        out.push_str(code);
        out.push(' ');
    }
    let usual = currency.map_or(2, currency_scale);
    let needed = amount.normalize().scale();
    if needed == 0 && usual == 0 {
        // Whole pesos, the common case: digits straight from the integer, no formatter.
        let whole = amount.normalize().mantissa();
        if whole < 0 {
            out.push('-');
        }
        let mut digits = [0u8; 40];
        let mut n = whole.unsigned_abs();
        let mut len = 0;
        loop {
            digits[len] = b'0' + (n % 10) as u8;
            n /= 10;
            len += 1;
            if n == 0 {
                break;
            }
        }
        for i in (0..len).rev() {
            out.push(char::from(digits[i]));
            if i > 0 && i % 3 == 0 {
                out.push('.');
            }
        }
        return;
    }
    let scale = if needed > usual { needed.max(2) } else { usual };
    let mut rounded = amount.abs();
    rounded.rescale(scale);
    let text = rounded.to_string();
    let (int, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
    if amount.is_sign_negative() && !amount.is_zero() {
        out.push('-');
    }
    let first = int.len() % 3;
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (i + 3 - first) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
}

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

/// `2026-05-03 14:10 (Bogotá)`, or `an unknown time`.
pub(super) fn when_zoned(moment: Option<&Moment>, zone: Tz) -> String {
    match moment {
        None => "an unknown time".to_string(),
        Some(m) => {
            let mut out = String::with_capacity(30);
            push_when(&mut out, m, zone);
            out.push_str(" (");
            out.push_str(zone_label(zone));
            out.push(')');
            out
        }
    }
}

/// An amount or `an unknown amount`.
pub(super) fn money_or_unknown(amount: Option<Decimal>, currency: Option<&str>) -> String {
    match amount {
        Some(a) => money(a, currency),
        None => "an unknown amount".to_string(),
    }
}
