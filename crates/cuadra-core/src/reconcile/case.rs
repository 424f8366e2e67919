//! What the engine produces: the inputs it takes (`OrderIn`, `LineIn`), the case statuses with
//! their exact export spellings, and [`ReconCase`]. Vocabulary only: no matching logic here.

use crate::model::{OrderStatus, SettlementLine, ShopOrder};
use crate::time::Moment;
use rust_decimal::Decimal;
use serde::Serialize;

/// A settlement line with its store id (`settlement_lines.id`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIn {
    pub id: i64,
    pub line: SettlementLine,
}

/// An order snapshot with its store id (`shop_orders.id`): pass one snapshot per order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderIn {
    pub id: i64,
    pub order: ShopOrder,
}

/// The status of a case. [`CaseStatus::as_str`] gives the spellings of the export contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Matched,
    PaidShopPending,
    Underpaid,
    Overpaid,
    DuplicatePayment,
    PaidAfterExpiry,
    CurrencyMismatch,
    Refunded,
    PartiallyRefunded,
    ChargedBack,
    Disputed,
    PspStatusUnknown,
    AwaitingPayment,
    ExpiredUnpaid,
    AwaitingSettlement,
    MissingSettlement,
    Suggested,
    UnmatchedSettlement,
    BatchMismatch,
    SettlementCharge,
    PayoutMatched,
    PayoutShort,
    PayoutOver,
    PayoutMissing,
    PayoutAmbiguous,
    BankCreditUnexplained,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 26] = [
        CaseStatus::Matched,
        CaseStatus::PaidShopPending,
        CaseStatus::Underpaid,
        CaseStatus::Overpaid,
        CaseStatus::DuplicatePayment,
        CaseStatus::PaidAfterExpiry,
        CaseStatus::CurrencyMismatch,
        CaseStatus::Refunded,
        CaseStatus::PartiallyRefunded,
        CaseStatus::ChargedBack,
        CaseStatus::Disputed,
        CaseStatus::PspStatusUnknown,
        CaseStatus::AwaitingPayment,
        CaseStatus::ExpiredUnpaid,
        CaseStatus::AwaitingSettlement,
        CaseStatus::MissingSettlement,
        CaseStatus::Suggested,
        CaseStatus::UnmatchedSettlement,
        CaseStatus::BatchMismatch,
        CaseStatus::SettlementCharge,
        CaseStatus::PayoutMatched,
        CaseStatus::PayoutShort,
        CaseStatus::PayoutOver,
        CaseStatus::PayoutMissing,
        CaseStatus::PayoutAmbiguous,
        CaseStatus::BankCreditUnexplained,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Matched => "matched",
            CaseStatus::PaidShopPending => "paid_shop_pending",
            CaseStatus::Underpaid => "underpaid",
            CaseStatus::Overpaid => "overpaid",
            CaseStatus::DuplicatePayment => "duplicate_payment",
            CaseStatus::PaidAfterExpiry => "paid_after_expiry",
            CaseStatus::CurrencyMismatch => "currency_mismatch",
            CaseStatus::Refunded => "refunded",
            CaseStatus::PartiallyRefunded => "partially_refunded",
            CaseStatus::ChargedBack => "charged_back",
            CaseStatus::Disputed => "disputed",
            CaseStatus::PspStatusUnknown => "psp_status_unknown",
            CaseStatus::AwaitingPayment => "awaiting_payment",
            CaseStatus::ExpiredUnpaid => "expired_unpaid",
            CaseStatus::AwaitingSettlement => "awaiting_settlement",
            CaseStatus::MissingSettlement => "missing_settlement",
            CaseStatus::Suggested => "suggested",
            CaseStatus::UnmatchedSettlement => "unmatched_settlement",
            CaseStatus::BatchMismatch => "batch_mismatch",
            CaseStatus::SettlementCharge => "settlement_charge",
            CaseStatus::PayoutMatched => "payout_matched",
            CaseStatus::PayoutShort => "payout_short",
            CaseStatus::PayoutOver => "payout_over",
            CaseStatus::PayoutMissing => "payout_missing",
            CaseStatus::PayoutAmbiguous => "payout_ambiguous",
            CaseStatus::BankCreditUnexplained => "bank_credit_unexplained",
        }
    }

    pub fn parse(text: &str) -> Option<CaseStatus> {
        CaseStatus::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Where a status spelling comes in [`CaseStatus::ALL`] (the order reports list them in);
    /// unknown spellings come last.
    pub fn rank(text: &str) -> usize {
        CaseStatus::ALL
            .iter()
            .position(|s| s.as_str() == text)
            .unwrap_or(CaseStatus::ALL.len())
    }

    /// Whether the case is about an order (the others hold settlement lines only).
    pub fn is_order_case(self) -> bool {
        !matches!(
            self,
            CaseStatus::UnmatchedSettlement
                | CaseStatus::BatchMismatch
                | CaseStatus::SettlementCharge
        ) && !self.is_payout_case()
    }

    /// Whether the case is about a PSP payout and the bank (`cases::payouts`): it holds no
    /// order and no settlement line.
    pub fn is_payout_case(self) -> bool {
        matches!(
            self,
            CaseStatus::PayoutMatched
                | CaseStatus::PayoutShort
                | CaseStatus::PayoutOver
                | CaseStatus::PayoutMissing
                | CaseStatus::PayoutAmbiguous
                | CaseStatus::BankCreditUnexplained
        )
    }
}

/// One reconciliation case: an order with the lines that belong to it, or one settlement line
/// that belongs to no order. Amounts: `order_total`, `paid_amount` and `difference`
/// (`paid - total`) are in the buyer's `currency`; `fee_total`, `tax_total` and `net_settled`
/// are sums over the case's lines in `settlement_currency` (`None` when the lines mix
/// settlement currencies). Times keep the offset they came with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReconCase {
    /// Deterministic: `order:<platform>:<normalized order key>` or `line:<psp>:<line id>`,
    /// suffixed with `:<id>` only when two cases would otherwise share a key.
    pub key: String,
    pub status: CaseStatus,
    /// The rule that decided the status (stable snake_case names, see the module docs).
    pub rule: &'static str,
    pub order_id: Option<i64>,
    /// Sorted ascending.
    pub line_ids: Vec<i64>,
    /// The normalized keys that linked the lines to the order, sorted; for a suggestion, the
    /// order's key and the line's near-miss key.
    pub matched_keys: Vec<String>,
    pub order_total: Option<Decimal>,
    pub paid_amount: Option<Decimal>,
    pub difference: Option<Decimal>,
    pub currency: Option<String>,
    pub fee_total: Option<Decimal>,
    pub tax_total: Option<Decimal>,
    pub net_settled: Option<Decimal>,
    pub settlement_currency: Option<String>,
    pub psp: Option<String>,
    pub payment_method: Option<String>,
    pub order_created_at: Option<Moment>,
    pub paid_at: Option<Moment>,
    pub voucher_expires_at: Option<Moment>,
    pub settled_at: Option<Moment>,
    pub shop_status: Option<OrderStatus>,
    pub explanation: crate::words::Msg,
    /// The moment the status depends on, when it depends on the as-of: the end of the voucher
    /// (awaiting payment while the as-of is at or before it, expired after) or of the
    /// settlement grace (awaiting settlement, then missing). A later run whose as-of lies on
    /// the other side of it must judge the case again; no other case changes with the as-of.
    #[serde(skip)]
    pub time_edge: Option<chrono::DateTime<chrono::Utc>>,
}

impl ReconCase {
    /// An empty case to fill in.
    pub(super) fn new(key: String, status: CaseStatus, rule: &'static str) -> ReconCase {
        ReconCase {
            key,
            status,
            rule,
            order_id: None,
            line_ids: Vec::new(),
            matched_keys: Vec::new(),
            order_total: None,
            paid_amount: None,
            difference: None,
            currency: None,
            fee_total: None,
            tax_total: None,
            net_settled: None,
            settlement_currency: None,
            psp: None,
            payment_method: None,
            order_created_at: None,
            paid_at: None,
            voucher_expires_at: None,
            settled_at: None,
            shop_status: None,
            explanation: crate::words::Msg::verbatim(String::new()),
            time_edge: None,
        }
    }
}
