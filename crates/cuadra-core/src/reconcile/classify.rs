//! The status of each case. For an order: its reversals first (charged_back > refunded >
//! partially_refunded), then duplicate_payment > currency_mismatch > underpaid/overpaid >
//! paid_after_expiry > paid_shop_pending > matched; without a payment: suggested, then
//! awaiting/missing settlement when the shop shows it paid, else awaiting_payment or
//! expired_unpaid. For a line with no order: unmatched_settlement or settlement_charge.
//! Owns the decisions and their sentences; never links lines (see `link`) and never suggests.

use super::case::{CaseStatus, ReconCase};
use super::explain::{money_or_unknown, when, when_zoned};
use super::facts::{
    buyer_amount, line_label, money_moved, order_label, paid_moment, same_currency, voucher_expiry,
    Expiry,
};
use super::input::{Inputs, Line, Order};
use super::keys::normalize_key;
use super::link::Links;
use super::settings::ReconSettings;
use super::suggest::Suggestion;
use super::words::*;
use crate::model::{OrderStatus, PaymentStatus, RowType};
use crate::msg;
use crate::words::{Arg, Join, Msg};
use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use rust_decimal::Decimal;

/// Everything one run decides against.
pub(super) struct Cx<'a> {
    pub inp: &'a Inputs,
    pub orders: &'a [Order],
    pub lines: &'a [Line],
    pub settings: &'a ReconSettings,
    pub as_of: DateTime<Utc>,
    pub tol: Decimal,
    pub zone: Tz,
    pub links: &'a Links,
}

/// Two payment rows are one payment when the same PSP gives them the same transaction id
/// (a resent or overlapping report), or when one report's transaction id is the other's order
/// id (PayU's sales report is keyed by the order the buyer pays, its statement by movement with
/// that order beside it); without a PSP id every row is its own payment, so two legitimately
/// identical payments (same amount, same day) are never merged.
fn same_payment(inp: &Inputs, a: &Line, b: &Line) -> bool {
    if !inp
        .str(a.psp)
        .trim()
        .eq_ignore_ascii_case(inp.str(b.psp).trim())
    {
        return false;
    }
    let key = |t| inp.s(t).and_then(normalize_key);
    let (a_txn, b_txn) = (key(a.psp_txn_id), key(b.psp_txn_id));
    let same = |x: &Option<std::borrow::Cow<'_, str>>, y: &Option<std::borrow::Cow<'_, str>>| {
        x.is_some() && x == y
    };
    same(&a_txn, &b_txn) || same(&a_txn, &key(b.psp_order_id)) || same(&key(a.psp_order_id), &b_txn)
}

/// Sum of the buyer amounts (absolute values) of lines, `None` if any is unknown.
fn sum_abs(inp: &Inputs, lines: &[&Line]) -> Option<Decimal> {
    lines
        .iter()
        .map(|l| buyer_amount(inp, l).0.map(|a| a.abs()))
        .sum()
}

/// Fee, tax and net sums in the settlement currency, and that currency; all `None` when the
/// lines mix settlement currencies (adding them would be meaningless).
fn settle_sums<'l>(
    inp: &Inputs,
    case: &mut ReconCase,
    lines: impl Iterator<Item = &'l Line> + Clone,
) {
    let mut currency: Option<&str> = None;
    for l in lines.clone() {
        if let Some(c) = inp.s(l.settlement_currency) {
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
    for line in lines {
        // Held money is neither charged nor settled: it comes back or becomes a reversal; a
        // line whose status says no money moved (or a word Cuadra does not know) counts nothing.
        if line.row_type == RowType::Hold || !money_moved(line.status) {
            continue;
        }
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

/// The key of an order's case: `order:<platform>:<normalized order key>`, or
/// `order:<platform>:id-<store id>` for an order without a name or id.
pub(super) fn order_case_key(inp: &Inputs, o: &Order) -> String {
    let platform = platform_key(inp.str(o.platform));
    match inp.order_key(o).and_then(normalize_key) {
        Some(k) => format!("order:{platform}:{k}"),
        None => format!("order:{platform}:id-{}", o.id),
    }
}

/// The key of a line's own case: `line:<psp>:<store id>`.
pub(super) fn line_case_key(inp: &Inputs, l: &Line) -> String {
    format!("line:{}:{}", platform_key(inp.str(l.psp)), l.id)
}

/// The case of order `oi`: its linked lines, its suggested line if any, and the ambiguous
/// lines (`strays`) that quote one of its keys, which stay in their own cases but are named.
pub(super) fn order_case(
    cx: &Cx,
    oi: usize,
    suggestion: Option<&Suggestion>,
    strays: &[u32],
) -> ReconCase {
    let inp = cx.inp;
    let o = &cx.orders[oi];
    let order = o;
    let zone = cx.zone;
    let linked: Vec<&Line> = cx
        .links
        .lines_of(oi)
        .iter()
        .map(|&li| &cx.lines[li as usize])
        .collect();

    let mut payments: Vec<&Line> = Vec::new();
    let mut refunds: Vec<&Line> = Vec::new();
    let mut chargebacks: Vec<&Line> = Vec::new();
    let mut restored: Vec<&Line> = Vec::new();
    let mut holds: Vec<&Line> = Vec::new();
    // Lines whose status word Cuadra does not know: they count for nothing, and a person must
    // say what they mean.
    let mut unknown: Vec<&Line> = Vec::new();
    for &l in &linked {
        if l.status == PaymentStatus::Unknown {
            unknown.push(l);
            continue;
        }
        if !money_moved(l.status) {
            continue;
        }
        match l.row_type {
            RowType::Payment => payments.push(l),
            RowType::Refund => refunds.push(l),
            RowType::Chargeback => chargebacks.push(l),
            RowType::ChargebackReversal => restored.push(l),
            RowType::Hold => holds.push(l),
            RowType::Fee | RowType::Adjustment | RowType::Tax | RowType::Payout => {}
        }
    }
    payments.sort_by_key(|l| (paid_moment(l).map(|m| m.to_utc(zone)), l.id));
    let mut distinct: Vec<&Line> = Vec::with_capacity(payments.len());
    for p in payments {
        if !distinct.iter().any(|d| same_payment(inp, d, p)) {
            distinct.push(p);
        }
    }
    let suggested_line = suggestion.map(|s| &cx.lines[s.line as usize]);
    let first = distinct.first().copied().or(suggested_line);

    let explicit = first
        .filter(|l| l.expires_at.is_some())
        .or_else(|| linked.iter().copied().find(|l| l.expires_at.is_some()));
    let basis = explicit.or(first).or(linked.first().copied());
    let expiry = voucher_expiry(inp, order, basis, cx.settings);

    let total = order.total;
    let currency = inp.s(order.currency).map(str::trim);
    let (first_amount, paid_currency) = first.map_or((None, None), |l| buyer_amount(inp, l));
    let paid_sum: Option<Decimal> = if distinct.len() > 1 {
        distinct
            .iter()
            .map(|l| {
                let (a, c) = buyer_amount(inp, l);
                a.filter(|_| same_currency(c, paid_currency))
            })
            .sum()
    } else {
        first_amount
    };
    let paid_at = first.and_then(paid_moment);
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
        match (sum_abs(inp, &chargebacks), sum_abs(inp, &restored)) {
            (Some(c), Some(r)) => c > r,
            _ => chargebacks.len() > restored.len(),
        }
    };
    let refunded = sum_abs(inp, &refunds);
    let held = held_amount(&holds);
    let shop = order.financial_status;

    // Set where the status depends on the as-of (see `ReconCase::time_edge`).
    let mut time_edge = None;
    let (status, rule) = if chargeback_open {
        (CaseStatus::ChargedBack, "chargeback_lines")
    } else if !refunds.is_empty() {
        match (refunded, base) {
            (Some(r), Some(b)) if r + cx.tol >= b => (CaseStatus::Refunded, "refund_lines"),
            _ => (CaseStatus::PartiallyRefunded, "refund_lines"),
        }
    } else if held.is_open() {
        (CaseStatus::Disputed, "hold_open")
    } else if !unknown.is_empty() {
        (CaseStatus::PspStatusUnknown, "unknown_psp_status")
    } else if distinct.len() == 1
        && chargebacks.is_empty()
        && distinct[0].status == PaymentStatus::ChargedBack
    {
        (CaseStatus::ChargedBack, "payment_status_charged_back")
    } else if distinct.len() == 1 && distinct[0].status == PaymentStatus::Refunded {
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
        time_edge = grace_end;
        match grace_end {
            Some(end) if cx.as_of <= end => {
                (CaseStatus::AwaitingSettlement, "within_settlement_grace")
            }
            Some(_) => (CaseStatus::MissingSettlement, "settlement_grace_over"),
            None => (CaseStatus::MissingSettlement, "shop_paid_time_unknown"),
        }
    } else {
        time_edge = expiry.as_ref().map(|e| e.at);
        match expiry {
            Some(e) if cx.as_of <= e.at => (CaseStatus::AwaitingPayment, "voucher_valid"),
            Some(_) => (CaseStatus::ExpiredUnpaid, "voucher_expired"),
            None => (CaseStatus::AwaitingPayment, "voucher_expiry_unknown"),
        }
    };

    let mut case = ReconCase::new(String::new(), status, rule);
    case.time_edge = time_edge;
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
            let ids = inp.line_identifiers(&cx.lines[li as usize]);
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
    settle_sums(inp, &mut case, case_lines);
    case.psp = first
        .or(linked.first().copied())
        .map(|l| inp.str(l.psp).to_string());
    case.payment_method = first
        .and_then(|l| inp.s(l.payment_method))
        .or_else(|| inp.s(order.payment_method))
        .map(str::to_string);
    case.order_created_at = order.created_at;
    case.paid_at = paid_at.or(order.paid_at.filter(|_| first.is_none()));
    case.voucher_expires_at = expiry.map(|e| e.shown);
    case.settled_at = first
        .and_then(|l| l.settled_at)
        .or_else(|| linked.iter().find_map(|l| l.settled_at));
    case.shop_status = Some(shop);

    let label = order_label(inp, o);
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
        holds: &holds,
        held,
        unknown: &unknown,
        suggestion,
    };
    let mut text = story.sentence(&case);
    if !strays.is_empty() {
        let mut named: Vec<&Line> = strays.iter().map(|&li| &cx.lines[li as usize]).collect();
        named.sort_by_key(|l| l.id);
        let names = named.into_iter().map(|l| line_label(inp, l)).collect();
        text = msg!(
            STRAY_LINES,
            Arg::sentence(text),
            Arg::list(names, Join::Comma)
        );
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
    label: &'a Arg,
    total: Option<Decimal>,
    currency: Option<&'a str>,
    paid_currency: Option<&'a str>,
    first: Option<&'a Line>,
    paid_sum: Option<Decimal>,
    difference: Option<Decimal>,
    expiry: Option<Expiry>,
    distinct: &'a [&'a Line],
    refunded: Option<Decimal>,
    chargebacks: &'a [&'a Line],
    holds: &'a [&'a Line],
    held: Held,
    unknown: &'a [&'a Line],
    suggestion: Option<&'a Suggestion>,
}

impl Story<'_> {
    fn label(&self) -> Arg {
        self.label.clone()
    }

    fn total(&self) -> Arg {
        match self.total {
            Some(t) => Arg::money(t, self.currency),
            None => msg!(UNKNOWN_TOTAL).into(),
        }
    }

    fn paid(&self) -> Arg {
        money_or_unknown(
            self.first.and_then(|l| buyer_amount(self.cx.inp, l).0),
            self.paid_currency,
        )
    }

    fn paid_when(&self) -> Arg {
        when_zoned(self.first.and_then(paid_moment).as_ref(), self.cx.zone)
    }

    fn expiry(&self) -> Arg {
        self.expiry.map_or_else(
            || msg!(UNKNOWN_TIME).into(),
            |e| Arg::Text(when(&e.shown, self.cx.zone)),
        )
    }

    /// `Paid COP 150.000 at 2026-05-03 14:10 (Bogotá) for order #1001 of COP 150.000`.
    fn paid_for(&self) -> Msg {
        msg!(
            PAID_FOR,
            self.paid(),
            self.paid_when(),
            self.label(),
            self.total()
        )
    }

    /// How the order was paid, as a reversal's sentence tells it: with several payments, their
    /// sum (what is left after a refund is computed from it).
    fn paid_story(&self) -> Msg {
        match self.distinct.len() {
            0 if self.first.is_none() => msg!(PAID_NO_LINE),
            0 | 1 => msg!(PAID_ONCE, self.paid(), self.paid_when()),
            n => msg!(
                PAID_TIMES,
                n,
                money_or_unknown(self.paid_sum, self.paid_currency)
            ),
        }
    }

    fn before_expiry(&self) -> Msg {
        match self.expiry {
            Some(_) => msg!(BEFORE_EXPIRY, self.expiry()),
            None => msg!(NO_KNOWN_EXPIRY),
        }
    }

    fn sentence(&self, case: &ReconCase) -> Msg {
        let zone = self.cx.zone;
        let tol = || Arg::money(self.cx.tol, self.currency);
        let shop = || shop_word(case.shop_status);
        match case.status {
            CaseStatus::Matched => match self.difference {
                Some(d) if !d.is_zero() => msg!(
                    MATCHED_WITHIN,
                    self.paid_for(),
                    Arg::money(d.abs(), self.currency),
                    tol(),
                    self.before_expiry()
                ),
                _ if case.rule == "exact_key_amount_unknown" => msg!(
                    MATCHED_AMOUNT_UNKNOWN,
                    self.paid_for(),
                    self.before_expiry()
                ),
                _ => msg!(MATCHED, self.paid_for(), self.before_expiry()),
            },
            CaseStatus::PaidShopPending => msg!(
                PAID_SHOP_PENDING,
                self.paid_for(),
                self.before_expiry(),
                shop()
            ),
            CaseStatus::Underpaid | CaseStatus::Overpaid => {
                let d = self.difference.unwrap_or_default();
                let entry = if d < Decimal::ZERO {
                    UNDERPAID
                } else {
                    OVERPAID
                };
                msg!(
                    entry,
                    self.paid_for(),
                    Arg::money(d.abs(), self.currency),
                    tol()
                )
            }
            CaseStatus::PaidAfterExpiry => {
                msg!(PAID_AFTER_EXPIRY, self.paid_for(), self.expiry())
            }
            CaseStatus::CurrencyMismatch => msg!(
                CURRENCY_MISMATCH,
                self.paid_for(),
                self.paid_currency.unwrap_or("?").trim(),
                self.currency.unwrap_or("?")
            ),
            CaseStatus::DuplicatePayment => {
                let each: Vec<Arg> = self
                    .distinct
                    .iter()
                    .map(|l| {
                        let (a, c) = buyer_amount(self.cx.inp, l);
                        msg!(
                            DUPLICATE_EACH,
                            line_label(self.cx.inp, l),
                            money_or_unknown(a, c),
                            when_zoned(paid_moment(l).as_ref(), zone)
                        )
                        .into()
                    })
                    .collect();
                msg!(
                    DUPLICATE_PAYMENT,
                    self.label(),
                    self.total(),
                    self.distinct.len(),
                    Arg::list(each, Join::Semi),
                    money_or_unknown(self.paid_sum, self.paid_currency)
                )
            }
            CaseStatus::Refunded | CaseStatus::PartiallyRefunded | CaseStatus::ChargedBack => {
                let paid = self.paid_story();
                let refunded = || money_or_unknown(self.refunded, self.currency);
                match (case.status, case.rule) {
                    (CaseStatus::ChargedBack, "payment_status_charged_back") => {
                        msg!(CHARGED_BACK_BY_STATUS, self.label(), self.total(), paid)
                    }
                    (CaseStatus::ChargedBack, _) => msg!(
                        CHARGED_BACK,
                        self.label(),
                        self.total(),
                        paid,
                        Arg::list(
                            self.chargebacks
                                .iter()
                                .map(|l| line_label(self.cx.inp, l))
                                .collect(),
                            Join::Comma
                        ),
                        money_or_unknown(sum_abs(self.cx.inp, self.chargebacks), self.currency)
                    ),
                    (CaseStatus::Refunded, "payment_status_refunded") => {
                        msg!(REFUNDED_BY_STATUS, self.label(), self.total(), paid)
                    }
                    (CaseStatus::Refunded, _) => {
                        msg!(REFUNDED, self.label(), self.total(), paid, refunded())
                    }
                    _ => match (self.paid_sum.or(self.total), self.refunded) {
                        (Some(b), Some(r)) => msg!(
                            PARTIALLY_REFUNDED_LEAVING,
                            self.label(),
                            self.total(),
                            paid,
                            refunded(),
                            Arg::money(b - r, self.currency)
                        ),
                        _ => msg!(
                            PARTIALLY_REFUNDED,
                            self.label(),
                            self.total(),
                            paid,
                            refunded()
                        ),
                    },
                }
            }
            CaseStatus::Disputed => msg!(
                DISPUTED,
                self.label(),
                self.total(),
                self.paid_story(),
                money_or_unknown(self.held.amount, self.paid_currency.or(self.currency)),
                Arg::list(
                    self.holds
                        .iter()
                        .map(|l| line_label(self.cx.inp, l))
                        .collect(),
                    Join::Comma
                )
            ),
            CaseStatus::PspStatusUnknown => msg!(
                PSP_STATUS_UNKNOWN,
                self.label(),
                self.total(),
                Arg::list(
                    self.unknown
                        .iter()
                        .map(|l| unknown_status_of(self.cx.inp, l))
                        .collect(),
                    Join::Semi
                )
            ),
            CaseStatus::Suggested => {
                let (line, order_key, line_key) = match (self.suggestion, self.first) {
                    (Some(s), Some(l)) => (l, s.order_key.as_str(), s.line_key.as_str()),
                    _ => return msg!(SUGGESTED_BARE, self.label()),
                };
                msg!(
                    SUGGESTED,
                    self.label(),
                    self.total(),
                    line_label(self.cx.inp, line),
                    self.paid(),
                    self.paid_when(),
                    line_key,
                    order_key
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
                    (CaseStatus::AwaitingSettlement, Some(end)) => msg!(
                        AWAITING_SETTLEMENT,
                        self.label(),
                        self.total(),
                        paid,
                        end,
                        days
                    ),
                    (_, Some(end)) => msg!(
                        MISSING_SETTLEMENT,
                        self.label(),
                        self.total(),
                        paid,
                        days,
                        end
                    ),
                    (_, None) => msg!(SETTLEMENT_UNKNOWN_TIME, self.label(), self.total()),
                }
            }
            CaseStatus::AwaitingPayment => match self.expiry {
                Some(_) => msg!(AWAITING_PAYMENT, self.label(), self.total(), self.expiry()),
                None => msg!(AWAITING_PAYMENT_NO_EXPIRY, self.label(), self.total()),
            },
            CaseStatus::ExpiredUnpaid => msg!(
                EXPIRED_UNPAID,
                self.label(),
                self.total(),
                self.expiry(),
                shop()
            ),
            CaseStatus::UnmatchedSettlement
            | CaseStatus::BatchMismatch
            | CaseStatus::SettlementCharge
            | CaseStatus::PayoutMatched
            | CaseStatus::PayoutShort
            | CaseStatus::PayoutOver
            | CaseStatus::PayoutMissing
            | CaseStatus::PayoutAmbiguous
            | CaseStatus::BankCreditUnexplained => msg!(SETTLEMENT_LINES_ONLY, self.label()),
        }
    }
}

/// What the shop shows, as the sentence says it ("the shop still shows it pending").
fn shop_word(status: Option<OrderStatus>) -> Msg {
    match status.unwrap_or(OrderStatus::Unknown) {
        OrderStatus::Pending => msg!(SHOP_PENDING),
        OrderStatus::Authorized => msg!(SHOP_AUTHORIZED),
        OrderStatus::PartiallyPaid => msg!(SHOP_PARTIALLY_PAID),
        OrderStatus::Paid => msg!(SHOP_PAID),
        OrderStatus::PartiallyRefunded => msg!(SHOP_PARTIALLY_REFUNDED),
        OrderStatus::Refunded => msg!(SHOP_REFUNDED),
        OrderStatus::Voided => msg!(SHOP_VOIDED),
        OrderStatus::Expired => msg!(SHOP_EXPIRED),
        OrderStatus::Cancelled => msg!(SHOP_CANCELLED),
        OrderStatus::Failed => msg!(SHOP_FAILED),
        OrderStatus::Unknown => msg!(SHOP_UNKNOWN),
    }
}

/// Why a line sits in a case of its own.
pub(super) enum Alone {
    /// Its keys name several orders (their labels, sorted by order id).
    Ambiguous(Vec<Arg>),
    /// One edit away from these orders, but not uniquely, so nothing was suggested.
    Tied(Vec<Arg>),
    /// It names no order.
    NoOrder,
}

/// A line's status as the PSP reports it, in words.
fn psp_word(status: PaymentStatus) -> Msg {
    match status {
        PaymentStatus::Pending => msg!(PSP_PENDING),
        PaymentStatus::Authorized => msg!(PSP_AUTHORIZED),
        PaymentStatus::Paid => msg!(PSP_PAID),
        PaymentStatus::Rejected => msg!(PSP_REJECTED),
        PaymentStatus::Cancelled => msg!(PSP_CANCELLED),
        PaymentStatus::Expired => msg!(PSP_EXPIRED),
        PaymentStatus::Refunded => msg!(PSP_REFUNDED),
        PaymentStatus::ChargedBack => msg!(PSP_CHARGED_BACK),
        PaymentStatus::InMediation => msg!(PSP_IN_MEDIATION),
        PaymentStatus::Unknown => msg!(PSP_UNKNOWN),
    }
}

fn row_word(row_type: RowType) -> Msg {
    match row_type {
        RowType::Payment => msg!(ROW_PAYMENT),
        RowType::Refund => msg!(ROW_REFUND),
        RowType::Chargeback => msg!(ROW_CHARGEBACK),
        RowType::ChargebackReversal => msg!(ROW_CHARGEBACK_REVERSAL),
        RowType::Fee => msg!(ROW_FEE),
        RowType::Adjustment => msg!(ROW_ADJUSTMENT),
        RowType::Tax => msg!(ROW_TAX),
        RowType::Payout => msg!(ROW_PAYOUT),
        RowType::Hold => msg!(ROW_HOLD),
    }
}

/// What a case's hold lines keep back: their signed sum (a hold is negative, its release
/// positive). Open while it is not zero, or while a hold without an amount has no partner.
#[derive(Clone, Copy, Debug, Default)]
struct Held {
    amount: Option<Decimal>,
    lines: usize,
    without_amount: usize,
}

impl Held {
    fn is_open(self) -> bool {
        self.lines > 0
            && (self.amount.is_some_and(|a| !a.is_zero()) || self.without_amount % 2 == 1)
    }
}

fn held_amount(holds: &[&Line]) -> Held {
    let mut held = Held {
        lines: holds.len(),
        ..Held::default()
    };
    for l in holds {
        match l.net_amount.or(l.gross_amount).or(l.local_amount) {
            Some(a) => held.amount = Some(held.amount.unwrap_or_default() + a),
            None => held.without_amount += 1,
        }
    }
    // What is held is reported as a positive amount.
    held.amount = held.amount.map(|a| a.abs());
    held
}

/// The status word a line's file wrote, quoted (`'WAITING_DETAILS'`).
fn raw_status(inp: &Inputs, l: &Line) -> Arg {
    msg!(QUOTED, inp.str(l.raw_status).trim()).into()
}

/// `payment T-912-1 with the status 'WAITING_DETAILS'`.
fn unknown_status_of(inp: &Inputs, l: &Line) -> Arg {
    msg!(
        STATUS_UNKNOWN_EACH,
        row_word(l.row_type),
        line_label(inp, l),
        raw_status(inp, l)
    )
    .into()
}

/// The case of a line that belongs to no order.
pub(super) fn line_case(cx: &Cx, li: usize, why: Alone) -> ReconCase {
    let inp = cx.inp;
    let l = &cx.lines[li];
    let line = l;
    let zone = cx.zone;
    let (amount, currency) = buyer_amount(inp, line);
    let is_charge = matches!(
        line.row_type,
        RowType::Fee | RowType::Adjustment | RowType::Tax | RowType::Payout
    );
    // References a spreadsheet wrote as `2.66E+08`: they name no order, and never will.
    let spoiled: Vec<Arg> = inp
        .line_identifiers(line)
        .into_iter()
        .flatten()
        .filter(|raw| super::keys::spoiled_by_spreadsheet(raw))
        .map(|raw| msg!(QUOTED, raw.trim()).into())
        .collect();
    let (status, rule) = match (&why, line.row_type) {
        (Alone::Ambiguous(_), _) => (CaseStatus::UnmatchedSettlement, "ambiguous_key"),
        (_, _) if line.status == PaymentStatus::Unknown => {
            (CaseStatus::UnmatchedSettlement, "unknown_psp_status")
        }
        (_, _) if is_charge => (CaseStatus::SettlementCharge, "batch_charge"),
        (_, RowType::Hold) => (CaseStatus::UnmatchedSettlement, "hold_no_order"),
        (Alone::NoOrder, _) if !spoiled.is_empty() => {
            (CaseStatus::UnmatchedSettlement, "reference_unreadable")
        }
        (_, RowType::Payment) if !money_moved(line.status) => {
            (CaseStatus::UnmatchedSettlement, "unpaid_line_no_order")
        }
        (Alone::Tied(_), RowType::Payment) => {
            (CaseStatus::UnmatchedSettlement, "suggestion_not_unique")
        }
        (_, RowType::Payment) => (CaseStatus::UnmatchedSettlement, "no_order"),
        (_, _) => (CaseStatus::UnmatchedSettlement, "reversal_no_order"),
    };
    let mut case = ReconCase::new(String::new(), status, rule);
    case.line_ids = vec![l.id];
    if line.row_type == RowType::Payment && money_moved(line.status) {
        case.paid_amount = amount;
        case.paid_at = paid_moment(line);
    }
    case.currency = currency.map(|c| c.trim().to_string());
    settle_sums(inp, &mut case, std::iter::once(l));
    case.psp = Some(inp.str(line.psp).to_string());
    case.payment_method = inp.s(line.payment_method).map(str::to_string);
    case.settled_at = line.settled_at;
    case.voucher_expires_at = line.expires_at;

    let label = line_label(inp, l);
    let word = row_word(line.row_type);
    let what = money_or_unknown(amount, currency);
    let at = when_zoned(paid_moment(line).as_ref(), zone);
    let quoted: Vec<Arg> = inp
        .line_identifiers(line)
        .into_iter()
        .flatten()
        .filter_map(normalize_key)
        .map(|k| msg!(QUOTED, k.into_owned()).into())
        .collect();
    let quoted: Arg = if quoted.is_empty() {
        msg!(NO_REFERENCE).into()
    } else {
        Arg::list(quoted, Join::Comma)
    };
    case.explanation = match (status, why) {
        (_, Alone::Ambiguous(orders)) => msg!(
            LINE_AMBIGUOUS,
            word,
            label,
            what,
            at,
            Arg::list(orders, Join::Comma)
        ),
        (CaseStatus::SettlementCharge, _) => {
            let (charge, ccy) = match line.net_amount.or(line.gross_amount) {
                Some(v) => (Some(v), inp.s(line.settlement_currency)),
                None => (
                    line.fee_amount.or(line.tax_amount).or(amount),
                    inp.s(line.settlement_currency).or(currency),
                ),
            };
            match inp.s(line.batch_ref) {
                Some(b) => msg!(
                    LINE_CHARGE_BATCH,
                    word,
                    label,
                    money_or_unknown(charge, ccy),
                    b
                ),
                None => msg!(
                    LINE_CHARGE_SETTLEMENT,
                    word,
                    label,
                    money_or_unknown(charge, ccy)
                ),
            }
        }
        (_, Alone::Tied(orders)) => msg!(
            LINE_TIED,
            word,
            label,
            what,
            at,
            Arg::list(orders, Join::And)
        ),
        (_, _) if rule == "unknown_psp_status" => {
            msg!(
                LINE_STATUS_UNKNOWN,
                word,
                label,
                what,
                raw_status(inp, line),
                quoted
            )
        }
        (_, _) if rule == "hold_no_order" => msg!(LINE_HOLD, label, what, at, quoted),
        (_, _) if rule == "reference_unreadable" => msg!(
            LINE_REFERENCE_UNREADABLE,
            word,
            label,
            what,
            at,
            Arg::list(spoiled, Join::Comma)
        ),
        (_, _) if rule == "unpaid_line_no_order" => {
            msg!(LINE_UNPAID, label, what, psp_word(line.status), quoted)
        }
        (_, _) if rule == "reversal_no_order" => {
            msg!(LINE_REVERSAL, word, label, what, at, quoted)
        }
        _ => msg!(LINE_NO_ORDER, word, label, what, at, quoted),
    };
    case
}
