//! Cases as the workspace keeps them: a reconciliation run stores what the engine decided, with
//! what people decided on top (decisions survive reruns; a contradicted decision reopens its case
//! with an explanation), and the desktop app, the reports and the CLI read them back from here,
//! paged, sorted and filtered in SQLite.
//!
//! The `cases` table holds the current cases only: derived data, rewritten by each run where
//! (and only where) a case changed. The inputs, settings and as-of of every run are recorded in
//! `recon_runs` and the audit trail, so every run can be derived again from the evidence.

mod batches;
mod dashboard;
mod decisions;
mod derived;
mod incremental;
mod load;
mod payouts;
mod query;
mod run;
mod scope;
mod shape;
pub use crate::words::cases as words;
mod write;

pub(crate) use batches::batch_totals;
pub use dashboard::{
    AgingPoint, AlertCount, Alerts, DailyPoint, DashFilter, Dashboard, Facets, FoundLine,
    FoundOrder, SettledTotal, StatusTotal,
};
pub(crate) use derived::{
    ensure_built as ensure_derived, rebuild as rebuild_derived, rebuild_rollups,
};
pub use incremental::FullBecause;
pub use load::{recon_inputs_all, recon_inputs_for};
pub use query::{
    CaseDetail, CaseFilter, CaseSort, CaseSummary, CurrencyTotals, DetailItem, DetailLine,
    DetailOrder, SortKey, StatusTotals, SUGGESTING_STATUSES,
};
pub use run::RunSummary;
pub(crate) use scope::recompute_scope as recompute;
pub use shape::membership;

use serde::Serialize;

/// A stored decimal text as a value; absent (or unreadable) counts as zero in a sum.
fn dec(v: &Option<String>) -> rust_decimal::Decimal {
    v.as_deref()
        .and_then(|t| t.parse::<rust_decimal::Decimal>().ok())
        .unwrap_or_default()
}

/// A sum as stored and shown: exact, at its smallest scale.
fn text(d: rust_decimal::Decimal) -> String {
    d.normalize().to_string()
}

/// Whether a person still has to act on a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum CaseState {
    Open,
    Resolved,
}

impl CaseState {
    pub fn as_str(self) -> &'static str {
        match self {
            CaseState::Open => "open",
            CaseState::Resolved => "resolved",
        }
    }

    pub fn parse(text: &str) -> Option<CaseState> {
        match text {
            "open" => Some(CaseState::Open),
            "resolved" => Some(CaseState::Resolved),
            _ => None,
        }
    }
}

/// Where a case stands for the person closing the books: what still needs someone
/// (`to_review`), what only time will settle (`waiting`: a voucher not yet expired, a payment
/// still inside its settlement window) and what is done (`reconciled`: matched by Cuadra,
/// confirmed or matched by a person, a batch's own charge, a payout found on the bank statement,
/// or resolved by a person with a reason).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "ReviewState"))]
#[serde(rename_all = "snake_case")]
pub enum Review {
    #[default]
    ToReview,
    Waiting,
    Reconciled,
}

impl Review {
    pub const ALL: [Review; 3] = [Review::ToReview, Review::Waiting, Review::Reconciled];

    /// The statuses that are done once Cuadra (or a person's match) decided them.
    pub const DONE: [&'static str; 3] = ["matched", "settlement_charge", "payout_matched"];
    /// The statuses that only time settles.
    pub const WAITING: [&'static str; 2] = ["awaiting_payment", "awaiting_settlement"];

    /// The review state of a case with this status and state.
    pub fn of(status: &str, state: &str) -> Review {
        if state == "resolved" || Self::DONE.contains(&status) {
            Review::Reconciled
        } else if Self::WAITING.contains(&status) {
            Review::Waiting
        } else {
            Review::ToReview
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Review::ToReview => "to_review",
            Review::Waiting => "waiting",
            Review::Reconciled => "reconciled",
        }
    }

    pub fn parse(text: &str) -> Option<Review> {
        Self::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

/// [`Review::of`] in SQL over the `cases` table aliased `c`.
pub(crate) const REVIEW_SQL: &str = "CASE WHEN c.state = 'resolved' \
    OR c.status IN ('matched', 'settlement_charge', 'payout_matched') THEN 'reconciled' \
    WHEN c.status IN ('awaiting_payment', 'awaiting_settlement') THEN 'waiting' \
    ELSE 'to_review' END";

/// One stored case, as the UI, the reports and the CLI show it. Amounts are exact decimal text;
/// times are RFC 3339 in the workspace zone (a date alone as `YYYY-MM-DD`); identifiers are
/// text. `period` is the `YYYY-MM` (workspace zone) of the settlement date (a line's own, else
/// its batch's transfer date), else the paid time, else the order's creation, else the first
/// line's approval or creation time.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
// In TypeScript `CaseRecord`: the window's `CaseRow` is this and the explanation as a message.
#[cfg_attr(feature = "ts", ts(rename = "CaseRecord"))]
pub struct CaseRow {
    pub case_key: String,
    #[cfg_attr(feature = "ts", ts(type = "CaseStatus"))]
    pub status: String,
    #[cfg_attr(feature = "ts", ts(type = "CaseStatus"))]
    pub engine_status: String,
    pub rule: String,
    #[cfg_attr(feature = "ts", ts(type = "CaseState"))]
    pub state: String,
    pub order_id: Option<i64>,
    pub order_ref: Option<String>,
    pub shop_order_id: Option<String>,
    /// The PSP ids of the case's lines, joined with `|`.
    pub settlement_refs: String,
    pub matched_keys: String,
    pub order_total: Option<String>,
    pub paid_amount: Option<String>,
    pub difference: Option<String>,
    pub currency: Option<String>,
    pub fee_total: Option<String>,
    pub tax_total: Option<String>,
    pub net_settled: Option<String>,
    pub settlement_currency: Option<String>,
    pub psp: Option<String>,
    pub payment_method: Option<String>,
    pub order_created_at: Option<String>,
    pub paid_at: Option<String>,
    pub voucher_expires_at: Option<String>,
    pub settled_at: Option<String>,
    pub shop_status: Option<String>,
    pub customer: Option<String>,
    pub decided_by: String,
    /// The sentence that explains the case, rendered per language (`Msg::render`); English
    /// text in JSON (the CLI's output).
    #[serde(serialize_with = "crate::words::english")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub explanation: crate::words::Msg,
    pub period: Option<String>,
    /// In a closed period: actions are refused until the period is reopened.
    pub locked: bool,
    /// Derived from `status` and `state` ([`Review::of`]); not stored.
    pub review: Review,
    /// A resolved case's reason code (`review::REASON_CODES`), from the act that resolved it.
    pub reason: Option<String>,
    /// Every note written on the case, oldest first, one per line.
    pub note: Option<String>,
}

impl CaseRow {
    /// The row with its `review` derived from its `status` and `state` ([`Review::of`]).
    pub(crate) fn with_review(self) -> CaseRow {
        CaseRow {
            review: Review::of(&self.status, &self.state),
            ..self
        }
    }
}

/// The columns of `cases` that fill a [`CaseRow`], in its field order (without `locked` and
/// `review`), then the resolution reason and the notes from `case_decisions`.
pub(crate) const CASE_COLUMNS: &str = "c.case_key, c.status, c.engine_status, c.rule, c.state, \
    c.order_id, c.order_ref, c.shop_order_id, c.settlement_refs, c.matched_keys, c.order_total, \
    c.paid_amount, c.difference, c.currency, c.fee_total, c.tax_total, c.net_settled, \
    c.settlement_currency, c.psp, c.payment_method, c.order_created_at, c.paid_at, \
    c.voucher_expires_at, c.settled_at, c.shop_status, c.customer, c.decided_by, c.explanation, \
    c.period, \
    (SELECT d.reason FROM case_decisions d WHERE d.case_key = c.case_key AND c.state = 'resolved' \
        AND d.action = 'resolve' ORDER BY d.id DESC LIMIT 1), \
    (SELECT group_concat(n.note, char(10)) FROM (SELECT d.note FROM case_decisions d \
        WHERE d.case_key = c.case_key AND d.note IS NOT NULL AND d.note <> '' ORDER BY d.id) n)";

/// A case row; `closed` holds the closed periods, whose cases are locked.
pub(crate) fn read_case_row(
    r: &rusqlite::Row<'_>,
    closed: &std::collections::HashSet<String>,
) -> rusqlite::Result<CaseRow> {
    let period: Option<String> = r.get(28)?;
    Ok(CaseRow {
        case_key: r.get(0)?,
        status: r.get(1)?,
        engine_status: r.get(2)?,
        rule: r.get(3)?,
        state: r.get(4)?,
        order_id: r.get(5)?,
        order_ref: r.get(6)?,
        shop_order_id: r.get(7)?,
        settlement_refs: r.get(8)?,
        matched_keys: r.get(9)?,
        order_total: r.get(10)?,
        paid_amount: r.get(11)?,
        difference: r.get(12)?,
        currency: r.get(13)?,
        fee_total: r.get(14)?,
        tax_total: r.get(15)?,
        net_settled: r.get(16)?,
        settlement_currency: r.get(17)?,
        psp: r.get(18)?,
        payment_method: r.get(19)?,
        order_created_at: r.get(20)?,
        paid_at: r.get(21)?,
        voucher_expires_at: r.get(22)?,
        settled_at: r.get(23)?,
        shop_status: r.get(24)?,
        customer: r.get(25)?,
        decided_by: r.get(26)?,
        explanation: crate::words::Msg::from_stored(&r.get::<_, String>(27)?),
        locked: period.as_ref().is_some_and(|p| closed.contains(p)),
        period,
        review: Review::default(),
        reason: r.get(29)?,
        note: r.get(30)?,
    }
    .with_review())
}
