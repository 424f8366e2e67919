//! Stored cases as report tables: the columns of each case kind, their cell types, and the
//! streaming pass that writes them (a million cases never sit in memory). The `reconciliation`
//! kind keeps the CSV contract's 23 columns, names and order exactly, then adds the review
//! `state`, the resolution `reason` and the `note`; the other case kinds add the status's and
//! state's names, the period, the customer, the reason's name and the note.

use super::labels::{label, Lang, StatusNames};
use super::sink::{Cell, Sink};
use super::{ExportKind, ReportError};
use crate::cases::{CaseFilter, CaseRow, CaseSort, SortKey};
use crate::reconcile::CaseStatus;
use crate::store::{StoreError, Workspace};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

type Getter = for<'a> fn(&'a CaseRow, &'a StatusNames) -> Cell<'a>;

/// One column: its machine key (the contract name), width in characters, and cell.
pub(super) struct Column {
    pub(super) key: &'static str,
    width: f64,
    cell: Getter,
}

fn opt(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("")
}

fn text_or_empty(v: &Option<String>) -> Cell<'_> {
    match v.as_deref() {
        Some(t) if !t.is_empty() => Cell::Text(t),
        _ => Cell::Empty,
    }
}

fn buyer_amount<'a>(text: &'a Option<String>, c: &'a CaseRow) -> Cell<'a> {
    match text.as_deref() {
        Some(t) => Cell::Amount {
            text: t,
            currency: c.currency.as_deref(),
        },
        None => Cell::Empty,
    }
}

fn settled_amount<'a>(text: &'a Option<String>, c: &'a CaseRow) -> Cell<'a> {
    match text.as_deref() {
        Some(t) => Cell::Amount {
            text: t,
            currency: c.settlement_currency.as_deref(),
        },
        None => Cell::Empty,
    }
}

fn moment(v: &Option<String>) -> Cell<'_> {
    match v.as_deref() {
        Some(t) if !t.is_empty() => Cell::Moment(t),
        _ => Cell::Empty,
    }
}

/// The contract columns, in order. Which ones are neutralized in CSV is checked against a writer
/// of the contract written in the tests (`report::the_reconciliation_csv_keeps_…`).
pub(super) const CONTRACT: [Column; 23] = [
    Column {
        key: "case_id",
        width: 34.0,
        cell: |c, _| Cell::Code(&c.case_key),
    },
    Column {
        key: "status",
        width: 20.0,
        cell: |c, _| Cell::Code(&c.status),
    },
    Column {
        key: "order_ref",
        width: 18.0,
        cell: |c, _| Cell::Text(opt(&c.order_ref)),
    },
    Column {
        key: "order_id",
        width: 18.0,
        cell: |c, _| Cell::Text(opt(&c.shop_order_id)),
    },
    Column {
        key: "settlement_refs",
        width: 24.0,
        cell: |c, _| Cell::Text(&c.settlement_refs),
    },
    Column {
        key: "order_total",
        width: 14.0,
        cell: |c, _| buyer_amount(&c.order_total, c),
    },
    Column {
        key: "paid_amount",
        width: 14.0,
        cell: |c, _| buyer_amount(&c.paid_amount, c),
    },
    Column {
        key: "difference",
        width: 14.0,
        cell: |c, _| buyer_amount(&c.difference, c),
    },
    Column {
        key: "currency",
        width: 9.0,
        cell: |c, _| Cell::Code(opt(&c.currency)),
    },
    Column {
        key: "fee_total",
        width: 14.0,
        cell: |c, _| settled_amount(&c.fee_total, c),
    },
    Column {
        key: "tax_total",
        width: 14.0,
        cell: |c, _| settled_amount(&c.tax_total, c),
    },
    Column {
        key: "net_settled",
        width: 14.0,
        cell: |c, _| settled_amount(&c.net_settled, c),
    },
    Column {
        key: "settlement_currency",
        width: 9.0,
        cell: |c, _| Cell::Code(opt(&c.settlement_currency)),
    },
    Column {
        key: "psp",
        width: 12.0,
        cell: |c, _| Cell::Text(opt(&c.psp)),
    },
    Column {
        key: "payment_method",
        width: 14.0,
        cell: |c, _| Cell::Text(opt(&c.payment_method)),
    },
    Column {
        key: "order_created_at",
        width: 19.0,
        cell: |c, _| moment(&c.order_created_at),
    },
    Column {
        key: "paid_at",
        width: 19.0,
        cell: |c, _| moment(&c.paid_at),
    },
    Column {
        key: "voucher_expires_at",
        width: 19.0,
        cell: |c, _| moment(&c.voucher_expires_at),
    },
    Column {
        key: "settled_at",
        width: 19.0,
        cell: |c, _| moment(&c.settled_at),
    },
    Column {
        key: "shop_status",
        width: 14.0,
        cell: |c, _| Cell::Code(opt(&c.shop_status)),
    },
    Column {
        key: "decided_by",
        width: 14.0,
        cell: |c, _| Cell::Text(&c.decided_by),
    },
    Column {
        key: "rule",
        width: 22.0,
        cell: |c, _| Cell::Code(&c.rule),
    },
    Column {
        key: "explanation",
        width: 70.0,
        cell: |c, names| Cell::Sentence(&c.explanation, names.lang()),
    },
];

/// Added after the contract columns of `reconciliation`: the case's review state
/// (`to_review`, `waiting`, `reconciled`), a resolved case's reason code and its notes.
const REVIEW: [Column; 3] = [
    Column {
        key: "state",
        width: 12.0,
        cell: |c, _| Cell::Code(c.review.as_str()),
    },
    Column {
        key: "reason",
        width: 22.0,
        cell: |c, _| Cell::Code(opt(&c.reason)),
    },
    Column {
        key: "note",
        width: 40.0,
        cell: |c, _| text_or_empty(&c.note),
    },
];

/// Added after the contract columns in the exceptions, matched and charges tables: the same
/// facts in words (the status's and state's names as the window shows them, the reason's name).
const NAMED: [Column; 6] = [
    Column {
        key: "status_name",
        width: 24.0,
        cell: |c, names| Cell::Code(names.name(&c.status)),
    },
    Column {
        key: "state",
        width: 14.0,
        cell: |c, names| Cell::Code(names.review(c.review.as_str())),
    },
    Column {
        key: "period",
        width: 9.0,
        cell: |c, _| Cell::Code(opt(&c.period)),
    },
    Column {
        key: "customer",
        width: 24.0,
        cell: |c, _| text_or_empty(&c.customer),
    },
    Column {
        key: "reason",
        width: 24.0,
        cell: |c, names| match c.reason.as_deref() {
            Some(code) => Cell::Code(names.reason(code)),
            None => Cell::Empty,
        },
    },
    Column {
        key: "note",
        width: 40.0,
        cell: |c, _| text_or_empty(&c.note),
    },
];

fn columns(kind: ExportKind) -> impl Iterator<Item = &'static Column> {
    let extra: &'static [Column] = match kind {
        ExportKind::Reconciliation => &REVIEW,
        _ => &NAMED,
    };
    CONTRACT.iter().chain(extra.iter())
}

/// The table's column widths.
pub fn widths(kind: ExportKind) -> Vec<f64> {
    columns(kind).map(|c| c.width).collect()
}

/// The header: the contract's machine names for the reconciliation CSV (scripts rely on them),
/// translated labels everywhere else.
pub fn header(kind: ExportKind, lang: Lang, machine_names: bool) -> Vec<&'static str> {
    columns(kind)
        .map(|c| {
            if machine_names {
                c.key
            } else {
                label(lang, c.key)
            }
        })
        .collect()
}

/// The statuses of a case kind: matched holds `matched` and `payout_matched` (a payout found on
/// the bank statement, to the cent); exceptions are every other status except
/// `settlement_charge`, whatever the case's state (open or resolved: the State column says
/// which), so matched + exceptions + charges = all cases.
pub fn kind_statuses(kind: ExportKind) -> Option<Vec<String>> {
    let all = CaseStatus::ALL.iter().map(|s| s.as_str());
    match kind {
        ExportKind::Matched => Some(vec!["matched".into(), "payout_matched".into()]),
        ExportKind::Charges => Some(vec!["settlement_charge".into()]),
        ExportKind::Exceptions => Some(
            all.filter(|s| !matches!(*s, "matched" | "payout_matched" | "settlement_charge"))
                .map(str::to_string)
                .collect(),
        ),
        _ => None,
    }
}

/// The filter of a case kind: the request's filter narrowed to the kind's statuses. Statuses
/// the user asked for that the kind never holds are an error, not an empty file.
pub fn kind_filter(kind: ExportKind, filter: &CaseFilter) -> Result<CaseFilter, ReportError> {
    for s in &filter.statuses {
        if CaseStatus::parse(s).is_none() {
            let known: Vec<&str> = CaseStatus::ALL.iter().map(|s| s.as_str()).collect();
            return Err(ReportError::BadRequest(crate::msg!(
                super::words::BAD_STATUS,
                s,
                known.join(", ")
            )));
        }
    }
    let Some(own) = kind_statuses(kind) else {
        return Ok(filter.clone());
    };
    let mut f = filter.clone();
    if filter.statuses.is_empty() {
        f.statuses = own;
    } else {
        let outside: Vec<&String> = filter
            .statuses
            .iter()
            .filter(|s| !own.contains(s))
            .collect();
        if !outside.is_empty() {
            return Err(ReportError::BadRequest(crate::msg!(
                super::words::KIND_NEVER_HOLDS,
                kind.as_str(),
                outside
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
    }
    Ok(f)
}

/// What the Summary needs from the case rows, gathered while they stream past.
#[derive(Default)]
pub struct CaseTally {
    pub matched: u64,
    pub exceptions: u64,
    pub charges: u64,
    /// (status, currency) -> (cases with a non-zero difference, sum, largest absolute).
    pub differences: BTreeMap<(String, String), (u64, Decimal, Decimal)>,
}

impl CaseTally {
    pub fn add(&mut self, c: &CaseRow) {
        match c.status.as_str() {
            "matched" | "payout_matched" => self.matched += 1,
            "settlement_charge" => self.charges += 1,
            _ => self.exceptions += 1,
        }
        if let Some(d) = c
            .difference
            .as_deref()
            .and_then(|t| t.parse::<Decimal>().ok())
        {
            if !d.is_zero() {
                let e = self
                    .differences
                    .entry((c.status.clone(), opt(&c.currency).to_string()))
                    .or_default();
                e.0 += 1;
                e.1 += d;
                e.2 = e.2.max(d.abs());
            }
        }
    }
}

/// The cells of one case in a kind's columns.
pub fn cells<'a>(kind: ExportKind, c: &'a CaseRow, names: &'a StatusNames) -> Vec<Cell<'a>> {
    columns(kind).map(|col| (col.cell)(c, names)).collect()
}

/// Which of the workbook's case sheets holds a status: 0 exceptions, 1 matched, 2 charges.
pub fn group_of(status: &str) -> usize {
    match status {
        "matched" | "payout_matched" => 1,
        "settlement_charge" => 2,
        _ => 0,
    }
}

/// Streams the cases of `filter` into `sink` (header first), in case key order, calling
/// `also` with each row (the Summary's tally, the line scope). Returns the rows written.
pub fn write_cases(
    ws: &Workspace,
    kind: ExportKind,
    filter: &CaseFilter,
    lang: Lang,
    machine_names: bool,
    sink: &mut dyn Sink,
    also: &mut dyn FnMut(&CaseRow) -> Result<(), StoreError>,
) -> Result<u64, ReportError> {
    sink.header(&header(kind, lang, machine_names))?;
    let names = StatusNames::new(lang);
    let cols: Vec<&Column> = columns(kind).collect();
    let sort = CaseSort {
        key: SortKey::CaseKey,
        desc: false,
    };
    // A sink error is carried out of the store's callback in this slot.
    let mut failed: Option<ReportError> = None;
    let n = ws.for_each_case(filter, sort, |c| {
        also(c)?;
        let row: Vec<Cell<'_>> = cols.iter().map(|col| (col.cell)(c, &names)).collect();
        if let Err(e) = sink.row(&row) {
            let message = crate::words::Msg::verbatim(e.to_string());
            failed = Some(e);
            return Err(StoreError::BadQuery(message));
        }
        Ok(())
    });
    if let Some(e) = failed {
        return Err(e);
    }
    Ok(n?)
}
