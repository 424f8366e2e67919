//! Owns the reconciliation scenarios of issue 3: a seeded, realistic dataset (a Shopify orders
//! export plus either two dLocal cross-border settlement batches and dLocal's older `;` report,
//! or two overlapping Mercado Pago settlement reports re-saved by a Spanish-locale Excel and
//! the release report of the same money) together with its answer key, the status the matching
//! engine must give every order and every settlement line, and the status the stored run must
//! give each dLocal batch it judges.
//!
//! Every status of the export contract is planted several times on purpose (a batch that does
//! not add up once), with the traps finance teams meet: multi-line Shopify orders, lost
//! notifications, vouchers paid twice, paid after expiry, refunds (full, partial, of a payment
//! settled before the files), chargebacks (one reversed), orders priced in USD, a tolerance met
//! exactly, swapped-digit and zero-padded references, a key shared by two orders, a reference
//! one edit from two orders, a status word dLocal does not document, time-zone traps at the
//! voucher expiry (21:30 at GMT-04 is 20:30 in Bogotá), vouchers and grace periods ending
//! minutes before or after the as-of time, fee, adjustment and withdrawal lines; at dLocal,
//! refunds and chargebacks in the older report (some that moved no money: `Reimbursed`,
//! `Waiting Details`), its notes and processing fees, and a batch whose summary counts a row
//! the batch does not list; at Mercado Pago, claims open and resolved, and every payment,
//! refund, chargeback, claim and withdrawal in both reports, counted once. The rest are plain
//! matched orders. The situations are in `plants.rs`, the facts they are made of in `plan.rs`,
//! the files they are written to in `render.rs`.
//!
//! The expected statuses come from the rules and the rules `reconcile`'s module docs
//! decide where the issue is silent (paid exactly at expiry is on time; at the grace end the
//! order is still awaiting settlement). The scenario never reads the engine: an answer key
//! that copied the engine could not catch it.

mod plan;
mod plants;
mod render;

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

/// The status spellings of the export contract (issue 3), the only values `expected` takes.
pub const STATUSES: [&str; 20] = [
    "matched",
    "paid_shop_pending",
    "underpaid",
    "overpaid",
    "duplicate_payment",
    "paid_after_expiry",
    "currency_mismatch",
    "refunded",
    "partially_refunded",
    "charged_back",
    "disputed",
    "psp_status_unknown",
    "awaiting_payment",
    "expired_unpaid",
    "awaiting_settlement",
    "missing_settlement",
    "suggested",
    "unmatched_settlement",
    "batch_mismatch",
    "settlement_charge",
];

/// Which settlement files pay the Shopify orders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScenarioPsp {
    /// dLocal "Settlement - Cross-border Payins": two weekly USD batches (the first one's
    /// summary counting a row it does not list), and dLocal's older `;` report.
    Dlocal,
    /// Mercado Pago settlement reports (Colombia) re-saved by a Spanish-locale Excel: `;`,
    /// Windows-1252, decimal comma, GMT-04 times; two reports with overlapping date ranges.
    /// Then the release report of the same days as the API writes it (`,`, UTF-8).
    MercadoPagoExcel,
}

impl ScenarioPsp {
    /// The statuses a scenario of this PSP plants: dLocal's files hold no claims
    /// (`disputed`); Mercado Pago's reports have no status column (`psp_status_unknown`) and
    /// no batch summary (`batch_mismatch`: the release report's own total ties out). A batch
    /// that does not add up is a case of the stored run (`Workspace::run_reconciliation`),
    /// not of the engine's orders and lines: its answer's kind is `batch`.
    pub fn plantable(self) -> Vec<&'static str> {
        let absent: &[&str] = match self {
            ScenarioPsp::Dlocal => &["disputed"],
            ScenarioPsp::MercadoPagoExcel => &["psp_status_unknown", "batch_mismatch"],
        };
        STATUSES
            .into_iter()
            .filter(|s| !absent.contains(s))
            .collect()
    }
}

impl ScenarioPsp {
    pub fn as_str(self) -> &'static str {
        match self {
            ScenarioPsp::Dlocal => "dlocal",
            ScenarioPsp::MercadoPagoExcel => "mercadopago",
        }
    }

    pub fn parse(text: &str) -> Option<ScenarioPsp> {
        match text.trim().to_ascii_lowercase().as_str() {
            "dlocal" => Some(ScenarioPsp::Dlocal),
            "mercadopago" | "mercado-pago" | "mp" => Some(ScenarioPsp::MercadoPagoExcel),
            _ => None,
        }
    }
}

/// What to build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScenarioSpec {
    pub seed: u64,
    /// Orders in the export, at least. The planted situations take about 80 orders (3 of each
    /// kind, one more of each per 400 orders); a smaller size still plants all of them.
    pub orders: usize,
    pub psp: ScenarioPsp,
    /// Also plant situations Cuadra is known to get wrong today, to show the gap (see
    /// [`KNOWN_GAPS`]); off for the agreement test.
    pub known_gaps: bool,
}

impl ScenarioSpec {
    /// A scenario without the known gaps.
    pub fn new(psp: ScenarioPsp, seed: u64, orders: usize) -> ScenarioSpec {
        ScenarioSpec {
            seed,
            orders,
            psp,
            known_gaps: false,
        }
    }
}

/// One situation [`ScenarioSpec::known_gaps`] adds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KnownGap {
    /// The scenario it is planted in.
    pub psp: ScenarioPsp,
    /// The plant's name in the answer key.
    pub plant: &'static str,
    /// What Cuadra gets (or once got) wrong about it.
    pub why: &'static str,
    /// Whether Cuadra gets it right today (the answer key then agrees).
    pub fixed: bool,
}

/// The situations [`ScenarioSpec::known_gaps`] adds, by PSP and plant name, with what Cuadra
/// gets or once got wrong about them.
pub const KNOWN_GAPS: [KnownGap; 1] = [KnownGap {
    psp: ScenarioPsp::MercadoPagoExcel,
    plant: "refunded_in_two_parts",
    why: "Mercado Pago: two partial refunds of one payment both carry the payment's \
              SOURCE_ID; the importer identified refund lines by SOURCE_ID, so it kept the \
              second one only as a conflicting version (line_conflicts) and the engine saw half \
              the refund (fixed: Mercado Pago profiles identify reversal rows by id, amount and \
              time)",
    fixed: true,
}];

/// One row of the answer key.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Answer {
    /// `order`; the settlement line's row type as Cuadra normalizes it: `payment`,
    /// `refund`, `chargeback`, `chargeback_reversal`, `hold`, `adjustment`, `fee`, `payout`;
    /// or `batch`, a settlement batch the stored run judges (dLocal).
    pub kind: &'static str,
    /// An order's name as the shop shows it (`#3012`); a line's PSP id (dLocal
    /// `DLOCAL_TRANSACTION_ID`, or `Reference` in its older report; Mercado Pago
    /// `SOURCE_ID`); a batch's `TRANSFER_ID`.
    pub reference: String,
    /// One of [`STATUSES`]: the status of the case the order or line must sit in; for a
    /// batch, the status of the stored run's case `batch:<psp>:<TRANSFER_ID>:rounding` (a
    /// batch without an answer must have no such case).
    pub expected: &'static str,
    /// Which planted situation it belongs to (`plain` for the ordinary matched orders).
    pub plant: &'static str,
}

/// A file of the dataset, named as a person would save it.
#[derive(Clone, Debug)]
pub struct ScenarioFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A built scenario: its files, the time and settings to reconcile with, and the answer key.
#[derive(Clone, Debug)]
pub struct Scenario {
    pub spec: ScenarioSpec,
    /// The moment to reconcile at (shown at Bogotá's offset).
    pub as_of: DateTime<FixedOffset>,
    /// Workspace settings to set before reconciling (`cuadra-cli settings KEY VALUE`); the
    /// others keep their defaults.
    pub settings: Vec<(String, String)>,
    /// The Shopify export first, then the settlement files.
    pub files: Vec<ScenarioFile>,
    /// Sorted by kind, then reference. A line that repeats another file's money (Mercado
    /// Pago's release report) shares the answer of the line it repeats.
    pub answers: Vec<Answer>,
    /// Orders whose export spans two or more rows (one per line item).
    pub multi_line_orders: usize,
}

/// Where [`Scenario::write_to`] put things.
#[derive(Clone, Debug)]
pub struct WrittenScenario {
    /// The files to import, in [`Scenario::files`] order.
    pub data_files: Vec<PathBuf>,
    pub answer_key: PathBuf,
}

/// The answer key's file name.
pub const ANSWER_KEY_FILE: &str = "answer_key.csv";

impl Scenario {
    /// Builds the scenario; the same spec always gives the same bytes.
    pub fn build(spec: ScenarioSpec) -> Scenario {
        let plan = plan::Plan::build(spec);
        render::render(spec, &plan)
    }

    /// The answer key as CSV (UTF-8, `kind,ref,expected_status,plant`).
    pub fn answer_key_csv(&self) -> Vec<u8> {
        let mut out = String::from("kind,ref,expected_status,plant\n");
        for a in &self.answers {
            // References are ids and order names: no field needs quoting, but be safe.
            let reference = if a.reference.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", a.reference.replace('"', "\"\""))
            } else {
                a.reference.clone()
            };
            out.push_str(&format!(
                "{},{reference},{},{}\n",
                a.kind, a.expected, a.plant
            ));
        }
        out.into_bytes()
    }

    /// How many orders and how many lines (and batches) expect each status (every status of
    /// [`STATUSES`] is listed).
    pub fn counts(&self) -> BTreeMap<&'static str, (usize, usize)> {
        let mut counts: BTreeMap<&'static str, (usize, usize)> =
            STATUSES.iter().map(|s| (*s, (0, 0))).collect();
        for a in &self.answers {
            let entry = counts.entry(a.expected).or_default();
            if a.kind == "order" {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
        }
        counts
    }

    /// Writes the data files and the answer key into `dir` (created if needed).
    pub fn write_to(&self, dir: &Path) -> io::Result<WrittenScenario> {
        std::fs::create_dir_all(dir)?;
        let mut data_files = Vec::with_capacity(self.files.len());
        for f in &self.files {
            let path = dir.join(&f.name);
            std::fs::write(&path, &f.bytes)?;
            data_files.push(path);
        }
        let answer_key = dir.join(ANSWER_KEY_FILE);
        std::fs::write(&answer_key, self.answer_key_csv())?;
        Ok(WrittenScenario {
            data_files,
            answer_key,
        })
    }
}
