//! The normalized records every format is read into: settlement lines from PSPs and order
//! snapshots from shops. Money is `Decimal` with its currency beside it; times are `Moment`s;
//! identifiers are text. This module holds vocabulary only: no parsing, no storage.

use crate::time::Moment;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What an imported file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum FileKind {
    Settlement,
    Orders,
}

impl FileKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Settlement => "settlement",
            FileKind::Orders => "orders",
        }
    }
}

/// The normalized type of a settlement line, across PSP vocabularies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowType {
    Payment,
    Refund,
    Chargeback,
    ChargebackReversal,
    Fee,
    Adjustment,
    Tax,
    Payout,
    /// Money the PSP holds back while a buyer's claim or a restriction is open, and releases
    /// when it ends (Mercado Pago: the release report's `block`/`unblock`/`fullblock` records and
    /// the settlement report's `DISPUTE`, "the buyer initiated a complaint"): neither a loss nor
    /// a charge until the claim turns into a refund or a chargeback.
    Hold,
}

impl RowType {
    pub const ALL: [RowType; 9] = [
        RowType::Payment,
        RowType::Refund,
        RowType::Chargeback,
        RowType::ChargebackReversal,
        RowType::Fee,
        RowType::Adjustment,
        RowType::Tax,
        RowType::Payout,
        RowType::Hold,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RowType::Payment => "payment",
            RowType::Refund => "refund",
            RowType::Chargeback => "chargeback",
            RowType::ChargebackReversal => "chargeback_reversal",
            RowType::Fee => "fee",
            RowType::Adjustment => "adjustment",
            RowType::Tax => "tax",
            RowType::Payout => "payout",
            RowType::Hold => "hold",
        }
    }

    pub fn parse(text: &str) -> Option<RowType> {
        RowType::ALL.into_iter().find(|t| t.as_str() == text)
    }
}

/// The normalized status of a payment at the PSP.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentStatus {
    Pending,
    Authorized,
    Paid,
    Rejected,
    Cancelled,
    Expired,
    Refunded,
    ChargedBack,
    InMediation,
    Unknown,
}

impl PaymentStatus {
    pub const ALL: [PaymentStatus; 10] = [
        PaymentStatus::Pending,
        PaymentStatus::Authorized,
        PaymentStatus::Paid,
        PaymentStatus::Rejected,
        PaymentStatus::Cancelled,
        PaymentStatus::Expired,
        PaymentStatus::Refunded,
        PaymentStatus::ChargedBack,
        PaymentStatus::InMediation,
        PaymentStatus::Unknown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PaymentStatus::Pending => "pending",
            PaymentStatus::Authorized => "authorized",
            PaymentStatus::Paid => "paid",
            PaymentStatus::Rejected => "rejected",
            PaymentStatus::Cancelled => "cancelled",
            PaymentStatus::Expired => "expired",
            PaymentStatus::Refunded => "refunded",
            PaymentStatus::ChargedBack => "charged_back",
            PaymentStatus::InMediation => "in_mediation",
            PaymentStatus::Unknown => "unknown",
        }
    }

    pub fn parse(text: &str) -> Option<PaymentStatus> {
        PaymentStatus::ALL.into_iter().find(|t| t.as_str() == text)
    }

    /// Whether a line in this status records money that really moved. A file without a status
    /// column is read as paid at import (a settlement report lists settled money); a word
    /// Cuadra does not know (`Unknown`) moved nothing until a person says what it means.
    /// Refunded, charged back and disputed payments did arrive: their reversal is judged from
    /// the reversal lines.
    pub fn moved_money(self) -> bool {
        matches!(
            self,
            PaymentStatus::Paid
                | PaymentStatus::Refunded
                | PaymentStatus::ChargedBack
                | PaymentStatus::InMediation
        )
    }
}

/// The statuses of [`PaymentStatus::moved_money`] as an SQL list, for the queries that sum
/// settled money (`status IN` this).
pub const MOVED_MONEY_SQL: &str = "('paid', 'refunded', 'charged_back', 'in_mediation')";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sql_list_of_statuses_that_moved_money_is_the_rule() {
        let listed: Vec<String> = PaymentStatus::ALL
            .into_iter()
            .filter(|s| s.moved_money())
            .map(|s| format!("'{}'", s.as_str()))
            .collect();
        assert_eq!(MOVED_MONEY_SQL, format!("({})", listed.join(", ")));
    }
}

/// The normalized state of an order in the shop.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    Pending,
    Authorized,
    PartiallyPaid,
    Paid,
    PartiallyRefunded,
    Refunded,
    Voided,
    Expired,
    Cancelled,
    Failed,
    Unknown,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 11] = [
        OrderStatus::Pending,
        OrderStatus::Authorized,
        OrderStatus::PartiallyPaid,
        OrderStatus::Paid,
        OrderStatus::PartiallyRefunded,
        OrderStatus::Refunded,
        OrderStatus::Voided,
        OrderStatus::Expired,
        OrderStatus::Cancelled,
        OrderStatus::Failed,
        OrderStatus::Unknown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrderStatus::Pending => "pending",
            OrderStatus::Authorized => "authorized",
            OrderStatus::PartiallyPaid => "partially_paid",
            OrderStatus::Paid => "paid",
            OrderStatus::PartiallyRefunded => "partially_refunded",
            OrderStatus::Refunded => "refunded",
            OrderStatus::Voided => "voided",
            OrderStatus::Expired => "expired",
            OrderStatus::Cancelled => "cancelled",
            OrderStatus::Failed => "failed",
            OrderStatus::Unknown => "unknown",
        }
    }

    pub fn parse(text: &str) -> Option<OrderStatus> {
        OrderStatus::ALL.into_iter().find(|t| t.as_str() == text)
    }

    /// Whether the shop considers the buyer's money received.
    pub fn shows_paid(self) -> bool {
        matches!(
            self,
            OrderStatus::Paid | OrderStatus::PartiallyRefunded | OrderStatus::Refunded
        )
    }
}

/// Where a normalized record came from: the file, the sheet, the 1-based row, the original cells.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    pub sheet: Option<String>,
    pub row: u64,
    /// The original cell texts of the row (every row of an order, for multi-row orders).
    pub raw: Vec<Vec<String>>,
}

/// One line of a PSP settlement file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettlementLine {
    pub psp: String,
    pub batch_ref: Option<String>,
    pub row_type: RowType,
    pub raw_row_type: Option<String>,
    pub status: PaymentStatus,
    pub raw_status: Option<String>,
    /// The merchant's own reference (dLocal TRANSACTION_ID, Mercado Pago EXTERNAL_REFERENCE, PayU Referencia).
    pub merchant_ref: Option<String>,
    /// The PSP's id of the transaction (dLocal DLOCAL_TRANSACTION_ID, Mercado Pago SOURCE_ID).
    pub psp_txn_id: Option<String>,
    /// Another PSP id the buyer or shop may quote (PayU Orden / número de pago, Mercado Pago ORDER_ID).
    pub psp_order_id: Option<String>,
    pub payment_method: Option<String>,
    pub payment_type: Option<String>,
    /// What the buyer paid, in the buyer's currency (COP).
    pub local_amount: Option<Decimal>,
    pub local_currency: Option<String>,
    /// Gross, fee, tax and net in the settlement currency (fees and taxes negative when charged).
    pub gross_amount: Option<Decimal>,
    pub fee_amount: Option<Decimal>,
    pub tax_amount: Option<Decimal>,
    pub net_amount: Option<Decimal>,
    pub settlement_currency: Option<String>,
    pub fx_rate: Option<Decimal>,
    pub created_at: Option<Moment>,
    pub approved_at: Option<Moment>,
    pub settled_at: Option<Moment>,
    pub expires_at: Option<Moment>,
    pub payer_email: Option<String>,
    pub payer_document: Option<String>,
    pub description: Option<String>,
    pub tax_detail: Option<String>,
}

/// A settlement file's own summary block, when the format has one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettlementBatch {
    pub psp: String,
    pub batch_ref: Option<String>,
    pub currency: Option<String>,
    pub items: Option<i64>,
    pub gross_total: Option<Decimal>,
    pub fee_total: Option<Decimal>,
    pub net_total: Option<Decimal>,
    pub transfer_date: Option<Moment>,
    pub row: u64,
    /// For a batch that is its file (a total in the data, Mercado Pago's release report): the
    /// rows the file lists and their net, counted at import, known rows included, so an
    /// overlapping download ties out against its own rows, not only those it added.
    pub rows: Option<i64>,
    pub rows_net: Option<Decimal>,
}

/// One line item of an order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineItem {
    pub row: u64,
    pub name: Option<String>,
    pub sku: Option<String>,
    pub quantity: Option<Decimal>,
    pub price: Option<Decimal>,
}

/// An order as one export showed it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopOrder {
    pub platform: String,
    /// The shop's name for the order as people see it (`#1001`).
    pub order_name: Option<String>,
    /// The shop's internal id (Shopify `Id`, WooCommerce order id, VTEX orderId).
    pub shop_order_id: Option<String>,
    pub financial_status: OrderStatus,
    pub raw_status: Option<String>,
    pub currency: Option<String>,
    pub total: Option<Decimal>,
    pub subtotal: Option<Decimal>,
    pub shipping: Option<Decimal>,
    pub taxes: Option<Decimal>,
    pub discount: Option<Decimal>,
    pub refunded: Option<Decimal>,
    pub outstanding: Option<Decimal>,
    pub created_at: Option<Moment>,
    pub paid_at: Option<Moment>,
    pub cancelled_at: Option<Moment>,
    pub expires_at: Option<Moment>,
    pub payment_method: Option<String>,
    pub payment_reference: Option<String>,
    pub payment_id: Option<String>,
    pub email: Option<String>,
    pub customer_name: Option<String>,
    pub items: Vec<LineItem>,
}

impl ShopOrder {
    /// The key an order is known by within its platform: the shop's name for it, else its id.
    pub fn order_key(&self) -> Option<&str> {
        self.order_name
            .as_deref()
            .or(self.shop_order_id.as_deref())
            .filter(|k| !k.is_empty())
    }
}
