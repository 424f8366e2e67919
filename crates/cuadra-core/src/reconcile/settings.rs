//! The workspace settings the matching engine reads: zone, amount tolerance, voucher validity
//! (with per-PSP overrides), the settlement grace period, and the payout window and allowance
//! of the bank leg (`cases::payouts`). Plain values with defaults; this
//! module never reads or writes the workspace store (the caller loads them).

use chrono_tz::Tz;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Settings of one reconciliation run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReconSettings {
    /// Where times are shown (they are always compared as absolute instants).
    pub zone: Tz,
    /// Largest amount difference, in the buyer's currency, still counted as equal (inclusive).
    /// A negative value is read as its absolute value.
    pub tolerance: Decimal,
    /// Voucher validity from order creation when no file gives an explicit expiry.
    pub validity_hours: i64,
    /// Per-PSP validity, keyed by the PSP name as lines carry it (compared case-insensitively).
    pub validity_hours_by_psp: BTreeMap<String, i64>,
    /// Days after the shop's paid time before a missing settlement line is reported.
    pub grace_days: i64,
    /// Days after a PSP payout's transfer date within which its bank credit is expected (a
    /// credit found by amount must be booked within them; past them, with no credit, the
    /// payout is missing).
    pub payout_window_days: i64,
    /// Per-PSP payout window, keyed by the PSP name (compared case-insensitively).
    pub payout_window_days_by_psp: BTreeMap<String, i64>,
    /// Largest difference, in the payout's currency, between a payout's net and a bank credit
    /// for the credit to be taken by amount (a bank charge withheld before crediting); a credit
    /// that names the transfer is taken whatever its amount.
    pub payout_allowance: Decimal,
}

impl Default for ReconSettings {
    fn default() -> Self {
        ReconSettings {
            zone: crate::time::DEFAULT_ZONE,
            tolerance: Decimal::ZERO,
            validity_hours: 72,
            validity_hours_by_psp: BTreeMap::new(),
            grace_days: 7,
            payout_window_days: 5,
            payout_window_days_by_psp: BTreeMap::new(),
            payout_allowance: Decimal::ZERO,
        }
    }
}

impl ReconSettings {
    /// The voucher validity for a PSP (or an order's payment method naming one), else the default.
    pub fn validity_hours_for(&self, psp: Option<&str>) -> i64 {
        let Some(psp) = psp.map(str::trim).filter(|p| !p.is_empty()) else {
            return self.validity_hours;
        };
        self.validity_hours_by_psp
            .iter()
            .find(|(name, _)| name.trim().eq_ignore_ascii_case(psp))
            .map_or(self.validity_hours, |(_, hours)| *hours)
    }

    /// The payout window for a PSP, else the default.
    pub fn payout_window_days_for(&self, psp: &str) -> i64 {
        let psp = psp.trim();
        self.payout_window_days_by_psp
            .iter()
            .find(|(name, _)| name.trim().eq_ignore_ascii_case(psp))
            .map_or(self.payout_window_days, |(_, days)| *days)
    }

    pub(crate) fn tolerance_abs(&self) -> Decimal {
        self.tolerance.abs()
    }
}
