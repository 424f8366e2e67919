//! Facts read off one order or one line, shared by the classifier and the suggestion search:
//! the buyer's amount, the paid time, whether money moved, the voucher expiry, the labels.
//! Every rule here is a documented decision (see the module docs of `reconcile`).

use super::input::{Inputs, Line, Order};
use super::settings::ReconSettings;
use super::words::{LINE_BY_ID, ORDER_BY_ID, ORDER_NAMED};
use crate::model::PaymentStatus;
use crate::msg;
use crate::time::Moment;
use crate::words::Arg;
use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use rust_decimal::Decimal;

/// Whether a line records money that really moved (see `PaymentStatus::moved_money`).
pub(super) fn money_moved(status: PaymentStatus) -> bool {
    status.moved_money()
}

/// What the buyer paid, in the buyer's currency: the local amount, or for files with a single
/// amount column, the gross amount in the settlement currency.
pub(super) fn buyer_amount<'i>(inp: &'i Inputs, line: &Line) -> (Option<Decimal>, Option<&'i str>) {
    if line.local_amount.is_some() {
        (line.local_amount, inp.s(line.local_currency))
    } else {
        (line.gross_amount, inp.s(line.settlement_currency))
    }
}

/// When the buyer paid: the PSP's approval time, else the line's creation time.
pub(super) fn paid_moment(line: &Line) -> Option<Moment> {
    line.approved_at.or(line.created_at)
}

/// Currencies compare case-insensitively; an unknown currency does not contradict a known one.
pub(super) fn same_currency(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.trim().eq_ignore_ascii_case(b.trim()),
        _ => true,
    }
}

/// A voucher's expiry as shown (the file's own value, or the computed instant in the zone) and
/// as the instant compared.
#[derive(Clone, Copy, Debug)]
pub(super) struct Expiry {
    pub shown: Moment,
    pub at: DateTime<Utc>,
}

/// The voucher expiry: the line's explicit expiry, else the order's, else order creation plus
/// the validity for the line's PSP (or the PSP the order's payment method names). A date
/// without a time means the voucher is good through that whole day. `None` when the order has
/// no creation time and no file gives an expiry.
pub(super) fn voucher_expiry(
    inp: &Inputs,
    order: &Order,
    line: Option<&Line>,
    settings: &ReconSettings,
) -> Option<Expiry> {
    let zone = settings.zone;
    if let Some(explicit) = line.and_then(|l| l.expires_at).or(order.expires_at) {
        return Some(Expiry {
            shown: explicit,
            at: end_of(&explicit, zone),
        });
    }
    let created = order.created_at?.to_utc(zone);
    let hours = match line {
        Some(l) => settings.validity_hours_for(Some(inp.str(l.psp))),
        None => validity_for_method(inp.s(order.payment_method), settings),
    };
    let hours = TimeDelta::try_hours(hours)?;
    let at = created.checked_add_signed(hours)?;
    Some(Expiry {
        shown: Moment::Instant(at.with_timezone(&zone).fixed_offset()),
        at,
    })
}

/// The validity of a voucher known only from its order: the per-PSP override of the PSP the
/// order's payment method names, else the default. Shops write the method for people
/// (`Mercado Pago`, `dLocal - Efecty`) while the override is keyed by the PSP as its lines
/// carry it (`mercadopago`, `dlocal`), so both are compared without case, spaces or
/// punctuation, and the method names a PSP when it contains it; when it names several, the
/// longest name wins. Without this, one order's voucher would last 120 hours once its payment
/// line arrived and 72 while it waited for it.
fn validity_for_method(method: Option<&str>, settings: &ReconSettings) -> i64 {
    let squash = |text: &str| -> String {
        text.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let Some(method) = method.map(squash).filter(|m| !m.is_empty()) else {
        return settings.validity_hours;
    };
    settings
        .validity_hours_by_psp
        .iter()
        .map(|(psp, hours)| (squash(psp), *hours))
        .filter(|(psp, _)| !psp.is_empty() && method.contains(psp.as_str()))
        .max_by_key(|(psp, _)| psp.chars().count())
        .map_or(settings.validity_hours, |(_, hours)| hours)
}

/// The last instant a moment covers: an instant itself, or the end of a date (the start of the
/// next day) in `zone`.
pub(super) fn end_of(moment: &Moment, zone: Tz) -> DateTime<Utc> {
    match moment {
        Moment::Instant(_) => moment.to_utc(zone),
        Moment::Date(d) => d.succ_opt().map_or_else(
            || moment.to_utc(zone),
            |next| Moment::Date(next).to_utc(zone),
        ),
    }
}

/// `order #1001`, `order 5551234`, or `order (id 7)`.
pub(super) fn order_label(inp: &Inputs, o: &Order) -> Arg {
    match inp
        .s(o.order_name)
        .or(inp.s(o.shop_order_id))
        .map(str::trim)
        .filter(|k| !k.is_empty())
    {
        Some(name) => msg!(ORDER_NAMED, name).into(),
        None => msg!(ORDER_BY_ID, o.id).into(),
    }
}

/// The PSP's id of the line, else the merchant's reference, else `line <id>`.
pub(super) fn line_label(inp: &Inputs, l: &Line) -> Arg {
    [
        inp.s(l.psp_txn_id),
        inp.s(l.merchant_ref),
        inp.s(l.psp_order_id),
    ]
    .into_iter()
    .flatten()
    .map(str::trim)
    .find(|k| !k.is_empty())
    .map_or_else(|| msg!(LINE_BY_ID, l.id).into(), Arg::from)
}
