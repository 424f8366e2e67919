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
//! - [`SpreadSpec`] (here): a year (or any span) of orders at an even pace, written as Shopify
//!   exports of chosen days ([`write_shopify_orders_spread`]) and dLocal batches of so many days
//!   each ([`write_dlocal_batches`]), for the weekly-close benchmark.
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
    write_dlocal_batches, write_dlocal_settlement, DlocalSpec, DLOCAL_COLUMNS,
    DLOCAL_SUMMARY_HEADER, DLOCAL_TRANSACTION_HEADER,
};
pub use dlocal_legacy::DLOCAL_LEGACY_HEADER;
pub use mercadopago::MERCADOPAGO_COLUMNS;
pub use mercadopago_release::MERCADOPAGO_RELEASE_HEADER;
pub use order::{DEFAULT_FIRST_ORDER_NUMBER, EFECTY_MAX_COP, EFECTY_MIN_COP};
pub use rng::Rng;
pub use scenario::{Answer, Scenario, ScenarioFile, ScenarioPsp, ScenarioSpec, STATUSES};
pub use shopify::{
    write_shopify_orders, write_shopify_orders_spread, ShopifySpec, SHOPIFY_COLUMNS,
    SHOPIFY_HEADER, SHOPIFY_LINE_ITEM_COLUMNS,
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

/// A span of orders at an even pace, for both generators: `orders` orders created over `days`
/// whole days from `start`, order `k` (from 0) at a random moment of its own equal slot, the
/// first slot starting at 07:00 on `start`, the last ending at midnight closing day `days`
/// (Bogotá time). Numbers start at [`DEFAULT_FIRST_ORDER_NUMBER`]; every fact of an order but
/// its creation time is the one [`write_shopify_orders`] gives it with the same seed.
/// [`write_shopify_orders_spread`] writes the orders of chosen days, [`write_dlocal_batches`]
/// their settlement as consecutive batches: files of one spec pair by seed as the plain
/// generators do (`TRANSACTION_ID` `1001` is `#1001`).
#[derive(Clone, Debug)]
pub struct SpreadSpec {
    pub seed: u64,
    pub orders: usize,
    pub start: chrono::NaiveDate,
    pub days: u32,
}

impl SpreadSpec {
    /// The clock that gives this span's orders in number order.
    pub(crate) fn clock(&self) -> order::OrderClock {
        let span_ms = (i64::from(self.days) * 86_400 - 7 * 3_600) * 1_000;
        let slot_ms = span_ms / (self.orders.max(1) as i64);
        order::OrderClock::paced(
            self.seed,
            DEFAULT_FIRST_ORDER_NUMBER,
            days_since_epoch(self.start),
            slot_ms,
        )
    }
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
