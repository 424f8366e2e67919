//! Seeded generators of realistic PSP settlement files and shop order exports, for tests and
//! benchmarks. Output streams to any [`std::io::Write`] with constant memory (scenarios, a few
//! hundred orders, are built in memory), and a seed fixes every byte (the PRNG is written out
//! here, not taken from a crate).
//!
//! Files:
//! - `rng.rs`: the seeded PRNG ([`Rng`], xoshiro256** seeded by SplitMix64) and id bijections.
//! - `csvw.rs`: the streaming CSV writer (quoting, number/money/date formatting).
//! - `catalog.rs`: products, Colombian cities, names, notes.
//! - `order.rs`: the per-order facts both generators share, so files generated with the same
//!   seed and start reconcile against each other.
//! - `dlocal.rs`: the dLocal cross-border settlement report ([`write_dlocal_settlement`]).
//! - `shopify.rs`: the Shopify orders export ([`write_shopify_orders`]).
//! - `dlocal_legacy.rs`: dLocal's older `;` report (refunds, chargebacks, notes, fees).
//! - `mercadopago.rs`: the Mercado Pago settlement report as a Spanish-locale Excel re-saves it.
//! - `mercadopago_release.rs`: the Mercado Pago release report as the API writes it.
//! - `scenario/`: reconciliation scenarios with an answer key ([`Scenario`]): Shopify orders
//!   with dLocal batches (and dLocal's older report) or Mercado Pago reports (settlement and
//!   release), every case status planted on purpose.
//!
//! Pairing: `write_dlocal_settlement` with `order_prefix: ""` and `write_shopify_orders` with
//! `first_order_number: 1001`, the same `seed` and the same `start` describe the same orders:
//! dLocal `TRANSACTION_ID` `1001` is Shopify `#1001`, `LOCAL_AMOUNT` is its `Total`, and
//! `DLOCAL_TRANSACTION_ID` is its `Payment ID`. Deliberate discrepancies, as in real life:
//! some `pending` orders were paid (lost notification), a few `expired` ones were paid after
//! expiry, chargebacks hit `paid` orders, and a settlement covers only the payments approved
//! before its row budget ran out.

mod catalog;
mod csvw;
mod dlocal;
mod dlocal_legacy;
mod mercadopago;
mod mercadopago_release;
mod order;
mod rng;
pub mod scenario;
mod shopify;

pub use dlocal::{
    write_dlocal_settlement, DlocalSpec, DLOCAL_COLUMNS, DLOCAL_SUMMARY_HEADER,
    DLOCAL_TRANSACTION_HEADER,
};
pub use dlocal_legacy::DLOCAL_LEGACY_HEADER;
pub use mercadopago::MERCADOPAGO_COLUMNS;
pub use mercadopago_release::MERCADOPAGO_RELEASE_HEADER;
pub use order::{DEFAULT_FIRST_ORDER_NUMBER, EFECTY_MAX_COP, EFECTY_MIN_COP};
pub use rng::Rng;
pub use scenario::{Answer, Scenario, ScenarioFile, ScenarioPsp, ScenarioSpec, STATUSES};
pub use shopify::{
    write_shopify_orders, ShopifySpec, SHOPIFY_COLUMNS, SHOPIFY_HEADER, SHOPIFY_LINE_ITEM_COLUMNS,
};

use rust_decimal::Decimal;

/// What a generator wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GenSummary {
    /// Data rows (dLocal: transaction rows; Shopify: line-item rows), headers excluded.
    pub rows: usize,
    /// Bytes handed to the writer.
    pub bytes: u64,
    /// dLocal: the summary's GROSS_TOTAL_AMOUNT (USD, 2 decimals).
    /// Shopify: the sum of every order's Total (COP).
    pub gross_total: Decimal,
    /// dLocal: the summary's FEE_TOTAL_AMOUNT (negative). Shopify: 0.
    pub fee_total: Decimal,
    /// dLocal: the summary's NET_TOTAL_AMOUNT. Shopify: Total minus Refunded Amount over the
    /// orders the shop records as paid (`paid`, `refunded`, `partially_refunded`).
    pub net_total: Decimal,
}

/// 2026-05-01, the default first day of generated data.
pub(crate) fn default_start() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 5, 1).expect("valid constant date")
}

/// Days from 1970-01-01 to `d`.
pub(crate) fn days_since_epoch(d: chrono::NaiveDate) -> i64 {
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid constant date");
    d.signed_duration_since(epoch).num_days()
}
