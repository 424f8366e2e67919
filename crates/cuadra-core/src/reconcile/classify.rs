//! The status of each case. For an order: its reversals first (charged_back > refunded >
//! partially_refunded), then duplicate_payment > currency_mismatch > underpaid/overpaid >
//! paid_after_expiry > paid_shop_pending > matched; without a payment: suggested, then
//! awaiting/missing settlement when the shop shows it paid, else awaiting_payment or
//! expired_unpaid. For a line with no order: unmatched_settlement or settlement_charge.
//! Owns the decisions and their sentences; never links lines (see `link`) and never suggests.

use super::case::{CaseStatus, LineIn, OrderIn, ReconCase};
use super::explain::{money, money_or_unknown, when, when_zoned};
use super::facts::{
    buyer_amount, line_label, money_moved, order_label, paid_moment, same_currency, voucher_expiry,
    Expiry,
};
use super::keys::{line_identifiers, normalize_key};
use super::link::Links;
use super::settings::ReconSettings;
use super::suggest::Suggestion;
use crate::model::{PaymentStatus, RowType, SettlementLine};
use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use rust_decimal::Decimal;

/// Everything one run decides against.
pub(super) struct Cx<'a> {
    pub orders: &'a [OrderIn],
    pub lines: &'a [LineIn],
    pub settings: &'a ReconSettings,
    pub as_of: DateTime<Utc>,
    pub tol: Decimal,
    pub zone: Tz,
    pub links: &'a Links,
}

/// Two payment rows are one payment when the same PSP gives them the same transaction id
/// (a resent or overlapping report); without a PSP id every row is its own payment, so two
/// legitimately identical payments (same amount, same day) are never merged.
fn same_payment(a: &SettlementLine, b: &SettlementLine) -> bool {
    match (a.psp_txn_id.as_deref(), b.psp_txn_id.as_deref()) {
        (Some(x), Some(y)) => {
            a.psp.trim().eq_ignore_ascii_case(b.psp.trim())
                && normalize_key(x).is_some()
                && normalize_key(x) == normalize_key(y)
        }
        _ => false,
    }
}

/// Sum of the buyer amounts (absolute values) of lines, `None` if any is unknown.
fn sum_abs(lines: &[&LineIn]) -> Option<Decimal> {
    lines
        .iter()
        .map(|l| buyer_amount(&l.line).0.map(|a| a.abs()))
        .sum()
}

/// Fee, tax and net sums in the settlement currency, and that currency; all `None` when the
/// lines mix settlement currencies (adding them would be meaningless).
fn settle_sums<'l>(case: &mut ReconCase, lines: impl Iterator<Item = &'l LineIn> + Clone) {
    let mut currency: Option<&str> = None;
    for l in lines.clone() {
        if let Some(c) = l.line.settlement_currency.as_deref() {
            match currency {
                None => currency = Some(c),
                Some(seen) if seen.trim().eq_ignore_ascii_case(c.trim()) => {}
                Some(_) => return,
            }
        }
    }
    let add = |acc: &mut Option<Decimal>, v: Option<Decimal>| {
        if let Some(v) = v {
            *acc = Some(acc.unwrap_or_default() + v);
        }
    };
    let (mut fee, mut tax, mut net) = (None, None, None);
    for l in lines {
        let line = &l.line;
        let whole = line.net_amount.or(line.gross_amount);
        add(&mut fee, line.fee_amount);
        add(&mut tax, line.tax_amount);
        if line.row_type == RowType::Fee && line.fee_amount.is_none() {
            add(&mut fee, whole);
        }
        if line.row_type == RowType::Tax && line.tax_amount.is_none() {
            add(&mut tax, whole);
        }
        add(&mut net, line.net_amount);
    }
    case.fee_total = fee;
    case.tax_total = tax;
    case.net_settled = net;
    case.settlement_currency = currency.map(|c| c.trim().to_string());
}

fn platform_key(platform: &str) -> String {
    platform.trim().to_lowercase()
}

/// The case of order `oi`: its linked lines, its suggested line if any, and the ambiguous
/// lines (`strays`) that quote one of its keys, which stay in their own cases but are named.
pub(super) fn order_case(
    cx: &Cx,
    oi: usize,
    suggestion: Option<&Suggestion>,
    strays: &[u32],
) -> ReconCase {
    let o = &cx.orders[oi];
    let order = &o.order;
    let zone = cx.zone;
    let linked: Vec<&LineIn> = cx
        .links
        .lines_of(oi)
        .iter()
        .map(|&li| &cx.lines[li as usize])
        .collect();

    let mut payments: Vec<&LineIn> = Vec::new();
    let mut refunds: Vec<&LineIn> = Vec::new();
    let mut chargebacks: Vec<&LineIn> = Vec::new();
    let mut restored: Vec<&LineIn> = Vec::new();
    for &l in &linked {
        if !money_moved(l.line.status) {
            continue;
        }
        match l.line.row_type {
            RowType::Payment => payments.push(l),
            RowType::Refund => refunds.push(l),
            RowType::Chargeback => chargebacks.push(l),
            RowType::ChargebackReversal => restored.push(l),
            RowType::Fee | RowType::Adjustment | RowType::Tax | RowType::Payout => {}
        }
    }
    payments.sort_by_key(|l| (paid_moment(&l.line).map(|m| m.to_utc(zone)), l.id));
    let mut distinct: Vec<&LineIn> = Vec::with_capacity(payments.len());
    for p in payments {
        if !distinct.iter().any(|d| same_payment(&d.line, &p.line)) {
            distinct.push(p);
        }
    }
    let suggested_line = suggestion.map(|s| &cx.lines[s.line as usize]);
    let first = distinct.first().copied().or(suggested_line);

    let explicit = first
        .filter(|l| l.line.expires_at.is_some())
        .or_else(|| linked.iter().copied().find(|l| l.line.expires_at.is_some()));
    let basis = explicit.or(first).or(linked.first().copied());
    let expiry = voucher_expiry(order, basis.map(|l| &l.line), cx.settings);

    let total = order.total;
    let currency = order.currency.as_deref().map(str::trim);
    let (first_amount, paid_currency) = first.map_or((None, None), |l| buyer_amount(&l.line));
    let paid_sum: Option<Decimal> = if distinct.len() > 1 {
        distinct
            .iter()
            .map(|l| {
                let (a, c) = buyer_amount(&l.line);
                a.filter(|_| same_currency(c, paid_currency))
            })
            .sum()
    } else {
        first_amount
    };
    let paid_at = first.and_then(|l| paid_moment(&l.line));
    let paid_utc = paid_at.map(|m| m.to_utc(zone));
    let currencies_differ = first.is_some()
        && paid_currency.is_some()
        && currency.is_some()
        && !same_currency(paid_currency, currency);
    let difference = match (paid_sum, total) {
        (Some(p), Some(t)) if !currencies_differ => Some(p - t),
        _ => None,
    };

    // Reversals: net chargebacks (minus their reversals), then refunds against what was paid.
    let base = paid_sum.or(total);
    let chargeback_open = if chargebacks.is_empty() {
        false
    } else {
        match (sum_abs(&chargebacks), sum_abs(&restored)) {
            (Some(c), Some(r)) => c > r,
            _ => chargebacks.len() > restored.len(),
        }
    };
    let refunded = sum_abs(&refunds);
    let shop = order.financial_status;

    let (status, rule) = if chargeback_open {
        (CaseStatus::ChargedBack, "chargeback_lines")
    } else if !refunds.is_empty() {
        match (refunded, base) {
            (Some(r), Some(b)) if r + cx.tol >= b => (CaseStatus::Refunded, "refund_lines"),
            _ => (CaseStatus::PartiallyRefunded, "refund_lines"),
        }
    } else if distinct.len() == 1
        && chargebacks.is_empty()
        && distinct[0].line.status == PaymentStatus::ChargedBack
    {
        (CaseStatus::ChargedBack, "payment_status_charged_back")
    } else if distinct.len() == 1 && distinct[0].line.status == PaymentStatus::Refunded {
        (CaseStatus::Refunded, "payment_status_refunded")
    } else if distinct.len() >= 2 {
        (CaseStatus::DuplicatePayment, "distinct_payments")
    } else if distinct.len() == 1 {
        if currencies_differ {
            (CaseStatus::CurrencyMismatch, "currency_differs")
        } else if difference.is_some_and(|d| d < -cx.tol) {
            (CaseStatus::Underpaid, "amount_outside_tolerance")
        } else if difference.is_some_and(|d| d > cx.tol) {
            (CaseStatus::Overpaid, "amount_outside_tolerance")
        } else if let (Some(p), Some(e)) = (paid_utc, expiry) {
            if p > e.at {
                (CaseStatus::PaidAfterExpiry, "paid_after_voucher_expiry")
            } else {
                on_time(shop.shows_paid(), difference.is_some())
            }
        } else {
            on_time(shop.shows_paid(), difference.is_some())
        }
    } else if suggestion.is_some() {
        (CaseStatus::Suggested, "one_edit_reference")
    } else if shop.shows_paid() {
        let since = order.paid_at.or(order.created_at).map(|m| m.to_utc(zone));
        let grace_end = since.and_then(|s| {
            TimeDelta::try_days(cx.settings.grace_days).and_then(|g| s.checked_add_signed(g))
        });
        match grace_end {
            Some(end) if cx.as_of <= end => {
                (CaseStatus::AwaitingSettlement, "within_settlement_grace")
            }
            Some(_) => (CaseStatus::MissingSettlement, "settlement_grace_over"),
            None => (CaseStatus::MissingSettlement, "shop_paid_time_unknown"),
        }
    } else {
        match expiry {
            Some(e) if cx.as_of <= e.at => (CaseStatus::AwaitingPayment, "voucher_valid"),
            Some(_) => (CaseStatus::ExpiredUnpaid, "voucher_expired"),
            None => (CaseStatus::AwaitingPayment, "voucher_expiry_unknown"),
        }
    };

    let key_part = order
        .order_key()
        .and_then(normalize_key)
        .map_or_else(|| format!("id-{}", o.id), |k| k.into_owned());
    let mut case = ReconCase::new(
        format!("order:{}:{}", platform_key(&order.platform), key_part),
        status,
        rule,
    );
    case.order_id = Some(o.id);
    case.line_ids = linked.iter().map(|l| l.id).collect();
    if let Some(s) = suggestion {
        case.line_ids.push(cx.lines[s.line as usize].id);
        case.line_ids.sort_unstable();
        case.matched_keys = vec![s.order_key.clone(), s.line_key.clone()];
    } else {
        let mut keys: Vec<String> = Vec::new();
        for &li in cx.links.lines_of(oi) {
            let mask = cx.links.line_key_mask[li as usize];
            let ids = line_identifiers(&cx.lines[li as usize].line);
            for (slot, raw) in ids.into_iter().enumerate() {
                if mask & (1 << slot) != 0 {
                    if let Some(k) = raw.and_then(normalize_key) {
                        keys.push(k.into_owned());
                    }
                }
            }
        }
        keys.sort_unstable();
        keys.dedup();
        case.matched_keys = keys;
    }
    case.order_total = total;
    case.paid_amount = paid_sum;
    case.difference = difference;
    case.currency = currency
        .or(paid_currency.map(str::trim))
        .map(str::to_string);
    let case_lines = linked.iter().copied().chain(suggested_line);
    settle_sums(&mut case, case_lines);
    case.psp = first
        .or(linked.first().copied())
        .map(|l| l.line.psp.clone());
    case.payment_method = first
        .and_then(|l| l.line.payment_method.clone())
        .or_else(|| order.payment_method.clone());
    case.order_created_at = order.created_at;
    case.paid_at = paid_at.or(order.paid_at.filter(|_| first.is_none()));
    case.voucher_expires_at = expiry.map(|e| e.shown);
    case.settled_at = first
        .and_then(|l| l.line.settled_at)
        .or_else(|| linked.iter().find_map(|l| l.line.settled_at));
    case.shop_status = Some(shop);

    let label = order_label(o);
    let story = Story {
        cx,
        label: &label,
        total,
        currency,
        paid_currency,
        first,
        paid_sum,
        difference,
        expiry,
        distinct: &distinct,
        refunded,
        chargebacks: &chargebacks,
        suggestion,
    };
    let mut text = story.sentence(&case);
    if !strays.is_empty() {
        let mut names: Vec<(i64, String)> = strays
            .iter()
            .map(|&li| {
                let l = &cx.lines[li as usize];
                (l.id, line_label(l))
            })
            .collect();
        names.sort();
        let names: Vec<String> = names.into_iter().map(|(_, n)| n).collect();
        text.push_str(&format!(
            " Settlement line {} quotes keys that name this order and other orders too, so it \
             was left in its own case.",
            names.join(", ")
        ));
    }
    case.explanation = text;
    case
}

/// The status of a single, timely payment of the right amount.
fn on_time(shop_shows_paid: bool, amount_compared: bool) -> (CaseStatus, &'static str) {
    match (shop_shows_paid, amount_compared) {
        (false, _) => (CaseStatus::PaidShopPending, "shop_shows_unpaid"),
        (true, true) => (CaseStatus::Matched, "exact_key"),
        (true, false) => (CaseStatus::Matched, "exact_key_amount_unknown"),
    }
}

/// What an order case's sentence is made of.
struct Story<'a> {
    cx: &'a Cx<'a>,
    label: &'a str,
    total: Option<Decimal>,
    currency: Option<&'a str>,
    paid_currency: Option<&'a str>,
    first: Option<&'a LineIn>,
    paid_sum: Option<Decimal>,
    difference: Option<Decimal>,
    expiry: Option<Expiry>,
    distinct: &'a [&'a LineIn],
    refunded: Option<Decimal>,
    chargebacks: &'a [&'a LineIn],
    suggestion: Option<&'a Suggestion>,
}

impl Story<'_> {
    fn total(&self) -> String {
        match self.total {
            Some(t) => money(t, self.currency),
            None => "an unknown total".to_string(),
        }
    }

    fn paid(&self) -> String {
        money_or_unknown(
            self.first.and_then(|l| buyer_amount(&l.line).0),
            self.paid_currency,
        )
    }

    fn paid_when(&self) -> String {
        when_zoned(
            self.first.and_then(|l| paid_moment(&l.line)).as_ref(),
            self.cx.zone,
        )
    }

    fn expiry(&self) -> String {
        self.expiry.map_or_else(
            || "an unknown time".to_string(),
            |e| when(&e.shown, self.cx.zone),
        )
    }

    /// `Paid COP 150.000 at 2026-05-03 14:10 (Bogotá) for order #1001 of COP 150.000`.
    fn paid_for(&self) -> String {
        format!(
            "Paid {} at {} for {} of {}",
            self.paid(),
            self.paid_when(),
            self.label,
            self.total()
        )
    }

    fn before_expiry(&self) -> String {
        match self.expiry {
            Some(_) => format!("before its voucher expired at {}", self.expiry()),
            None => "with no known voucher expiry".to_string(),
        }
    }

    fn sentence(&self, case: &ReconCase) -> String {
        let zone = self.cx.zone;
        let tol = money(self.cx.tol, self.currency);
        let shop = case.shop_status.map_or("unknown", |s| s.as_str());
        match case.status {
            CaseStatus::Matched => {
                let within = match self.difference {
                    Some(d) if !d.is_zero() => format!(
                        " ({} off, within the tolerance of {tol})",
                        money(d.abs(), self.currency)
                    ),
                    _ => String::new(),
                };
                let unknown = if case.rule == "exact_key_amount_unknown" {
                    "; the amounts could not be compared because one is missing"
                } else {
                    ""
                };
                format!(
                    "{}{within}, {}{unknown}.",
                    self.paid_for(),
                    self.before_expiry()
                )
            }
            CaseStatus::PaidShopPending => format!(
                "{}, {}, but the shop still shows it {shop}: mark it paid and ship it.",
                self.paid_for(),
                self.before_expiry()
            ),
            CaseStatus::Underpaid | CaseStatus::Overpaid => {
                let d = self.difference.unwrap_or_default();
                let what = if d < Decimal::ZERO {
                    "short"
                } else {
                    "more than the total"
                };
                format!(
                    "{}: {} {what}, beyond the tolerance of {tol}.",
                    self.paid_for(),
                    money(d.abs(), self.currency)
                )
            }
            CaseStatus::PaidAfterExpiry => format!(
                "{}, after its voucher expired at {}: accept the late payment or refund it.",
                self.paid_for(),
                self.expiry()
            ),
            CaseStatus::CurrencyMismatch => format!(
                "{}: the payment is in {} and the order in {}, so the amounts cannot be compared.",
                self.paid_for(),
                self.paid_currency.unwrap_or("?").trim(),
                self.currency.unwrap_or("?")
            ),
            CaseStatus::DuplicatePayment => {
                let each: Vec<String> = self
                    .distinct
                    .iter()
                    .map(|l| {
                        let (a, c) = buyer_amount(&l.line);
                        format!(
                            "{} of {} at {}",
                            line_label(l),
                            money_or_unknown(a, c),
                            when_zoned(paid_moment(&l.line).as_ref(), zone)
                        )
                    })
                    .collect();
                format!(
                    "{} of {} was paid {} times ({}), {} in total: refund or apply the extra \
                     payment.",
                    capitalize(self.label),
                    self.total(),
                    self.distinct.len(),
                    each.join("; "),
                    money_or_unknown(self.paid_sum, self.paid_currency)
                )
            }
            CaseStatus::Refunded | CaseStatus::PartiallyRefunded | CaseStatus::ChargedBack => {
                // With several payments, name their sum: "what is left" is computed from it.
                let paid = match self.distinct.len() {
                    0 if self.first.is_none() => {
                        "has no payment line in the imported files".to_string()
                    }
                    0 | 1 => format!("was paid {} at {}", self.paid(), self.paid_when()),
                    n => format!(
                        "was paid {n} times, {} in total",
                        money_or_unknown(self.paid_sum, self.paid_currency)
                    ),
                };
                let refunded = money_or_unknown(self.refunded, self.currency);
                match (case.status, case.rule) {
                    (CaseStatus::ChargedBack, "payment_status_charged_back") => format!(
                        "{} of {} {paid}, and the PSP reports that payment as charged back \
                         (no chargeback line yet).",
                        capitalize(self.label),
                        self.total()
                    ),
                    (CaseStatus::ChargedBack, _) => format!(
                        "{} of {} {paid}, and chargeback {} took back {} after a payer's dispute.",
                        capitalize(self.label),
                        self.total(),
                        self.chargebacks
                            .iter()
                            .map(|l| line_label(l))
                            .collect::<Vec<_>>()
                            .join(", "),
                        money_or_unknown(sum_abs(self.chargebacks), self.currency)
                    ),
                    (CaseStatus::Refunded, "payment_status_refunded") => format!(
                        "{} of {} {paid}, and the PSP reports that payment as refunded (no \
                         refund line yet).",
                        capitalize(self.label),
                        self.total()
                    ),
                    (CaseStatus::Refunded, _) => format!(
                        "{} of {} {paid}, and {refunded} was refunded, the whole amount.",
                        capitalize(self.label),
                        self.total()
                    ),
                    _ => {
                        let left = match (self.paid_sum.or(self.total), self.refunded) {
                            (Some(b), Some(r)) => {
                                format!(", leaving {}", money(b - r, self.currency))
                            }
                            _ => String::new(),
                        };
                        format!(
                            "{} of {} {paid}, and {refunded} of it was refunded{left}.",
                            capitalize(self.label),
                            self.total()
                        )
                    }
                }
            }
            CaseStatus::Suggested => {
                let (line, order_key, line_key) = match (self.suggestion, self.first) {
                    (Some(s), Some(l)) => (l, s.order_key.as_str(), s.line_key.as_str()),
                    _ => return format!("{} has a likely payment.", capitalize(self.label)),
                };
                format!(
                    "No settlement line quotes {} of {}, but payment {} of {} at {} quotes \
                     '{line_key}', one edit away from '{order_key}', with the same amount \
                     inside the voucher window: confirm or reject the link.",
                    self.label,
                    self.total(),
                    line_label(line),
                    self.paid(),
                    self.paid_when()
                )
            }
            CaseStatus::AwaitingSettlement | CaseStatus::MissingSettlement => {
                let paid = when_zoned(case.paid_at.as_ref(), zone);
                let days = self.cx.settings.grace_days;
                let end = case
                    .paid_at
                    .or(case.order_created_at)
                    .map(|m| m.to_utc(zone))
                    .and_then(|s| TimeDelta::try_days(days).and_then(|g| s.checked_add_signed(g)))
                    .map(|e| {
                        when(
                            &crate::time::Moment::Instant(e.with_timezone(&zone).fixed_offset()),
                            zone,
                        )
                    });
                match (case.status, end) {
                    (CaseStatus::AwaitingSettlement, Some(end)) => format!(
                        "The shop shows {} of {} paid at {paid}, but no settlement line has \
                         arrived yet; that is expected until {end} ({days} days' grace).",
                        self.label,
                        self.total()
                    ),
                    (_, Some(end)) => format!(
                        "The shop shows {} of {} paid at {paid}, but no settlement line arrived \
                         within the {days}-day grace that ended at {end}: ask the PSP for the \
                         payment.",
                        self.label,
                        self.total()
                    ),
                    (_, None) => format!(
                        "The shop shows {} of {} paid, at an unknown time, and no settlement \
                         line has arrived: ask the PSP for the payment.",
                        self.label,
                        self.total()
                    ),
                }
            }
            CaseStatus::AwaitingPayment => match self.expiry {
                Some(_) => format!(
                    "{} of {} has no payment yet; its voucher is valid until {}.",
                    capitalize(self.label),
                    self.total(),
                    self.expiry()
                ),
                None => format!(
                    "{} of {} has no payment yet, and its voucher expiry is unknown (no \
                     creation time and no expiry in the files).",
                    capitalize(self.label),
                    self.total()
                ),
            },
            CaseStatus::ExpiredUnpaid => format!(
                "{} of {} was never paid and its voucher expired at {}; the shop shows it \
                 {shop}: close the order.",
                capitalize(self.label),
                self.total(),
                self.expiry()
            ),
            CaseStatus::UnmatchedSettlement | CaseStatus::SettlementCharge => {
                format!("{} has settlement lines only.", capitalize(self.label))
            }
        }
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Why a line sits in a case of its own.
pub(super) enum Alone {
    /// Its keys name several orders (their labels, sorted by order id).
    Ambiguous(Vec<String>),
    /// One edit away from these orders, but not uniquely, so nothing was suggested.
    Tied(Vec<String>),
    /// It names no order.
    NoOrder,
}

fn row_word(row_type: RowType) -> &'static str {
    match row_type {
        RowType::Payment => "Payment",
        RowType::Refund => "Refund",
        RowType::Chargeback => "Chargeback",
        RowType::ChargebackReversal => "Chargeback reversal",
        RowType::Fee => "Fee line",
        RowType::Adjustment => "Adjustment line",
        RowType::Tax => "Tax line",
        RowType::Payout => "Payout line",
    }
}

/// The case of a line that belongs to no order.
pub(super) fn line_case(cx: &Cx, li: usize, why: Alone) -> ReconCase {
    let l = &cx.lines[li];
    let line = &l.line;
    let zone = cx.zone;
    let (amount, currency) = buyer_amount(line);
    let is_charge = matches!(
        line.row_type,
        RowType::Fee | RowType::Adjustment | RowType::Tax | RowType::Payout
    );
    let (status, rule) = match (&why, line.row_type) {
        (Alone::Ambiguous(_), _) => (CaseStatus::UnmatchedSettlement, "ambiguous_key"),
        (_, _) if is_charge => (CaseStatus::SettlementCharge, "batch_charge"),
        (_, RowType::Payment) if !money_moved(line.status) => {
            (CaseStatus::UnmatchedSettlement, "unpaid_line_no_order")
        }
        (Alone::Tied(_), RowType::Payment) => {
            (CaseStatus::UnmatchedSettlement, "suggestion_not_unique")
        }
        (_, RowType::Payment) => (CaseStatus::UnmatchedSettlement, "no_order"),
        (_, _) => (CaseStatus::UnmatchedSettlement, "reversal_no_order"),
    };
    let mut case = ReconCase::new(
        format!("line:{}:{}", platform_key(&line.psp), l.id),
        status,
        rule,
    );
    case.line_ids = vec![l.id];
    if line.row_type == RowType::Payment && money_moved(line.status) {
        case.paid_amount = amount;
        case.paid_at = paid_moment(line);
    }
    case.currency = currency.map(|c| c.trim().to_string());
    settle_sums(&mut case, std::iter::once(l));
    case.psp = Some(line.psp.clone());
    case.payment_method = line.payment_method.clone();
    case.settled_at = line.settled_at;
    case.voucher_expires_at = line.expires_at;

    let label = line_label(l);
    let word = row_word(line.row_type);
    let what = money_or_unknown(amount, currency);
    let at = when_zoned(paid_moment(line).as_ref(), zone);
    let quoted: Vec<String> = line_identifiers(line)
        .into_iter()
        .flatten()
        .filter_map(normalize_key)
        .map(|k| format!("'{k}'"))
        .collect();
    let quoted = if quoted.is_empty() {
        "no reference at all".to_string()
    } else {
        quoted.join(", ")
    };
    case.explanation = match (status, why) {
        (_, Alone::Ambiguous(orders)) => format!(
            "{word} {label} of {what} at {at} quotes keys that name several orders ({}), so it \
             was not assigned to any: choose the order by hand.",
            orders.join(", ")
        ),
        (CaseStatus::SettlementCharge, _) => {
            let (charge, ccy) = match line.net_amount.or(line.gross_amount) {
                Some(v) => (Some(v), line.settlement_currency.as_deref()),
                None => (
                    line.fee_amount.or(line.tax_amount).or(amount),
                    line.settlement_currency.as_deref().or(currency),
                ),
            };
            let batch = line
                .batch_ref
                .as_deref()
                .map_or_else(|| "its settlement".to_string(), |b| format!("batch {b}"));
            format!(
                "{word} {label} of {} belongs to {batch}, not to an order.",
                money_or_unknown(charge, ccy)
            )
        }
        (_, Alone::Tied(orders)) => format!(
            "{word} {label} of {what} at {at} quotes no known order; it is one edit away from \
             {}, but not as a unique best match, so nothing was suggested: link it by hand.",
            orders.join(" and ")
        ),
        (_, _) if rule == "unpaid_line_no_order" => format!(
            "{word} line {label} of {what} with status {} quotes no known order ({quoted}); no \
             money moved.",
            line.status.as_str()
        ),
        (_, _) if rule == "reversal_no_order" => format!(
            "{word} {label} of {what} at {at} quotes no known order ({quoted}): find the \
             payment it reverses."
        ),
        _ => format!(
            "{word} {label} of {what} at {at} quotes no known order ({quoted}) and no order is \
             a likely match: import the missing orders or link it by hand."
        ),
    };
    case
}
