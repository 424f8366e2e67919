//! PayU's financial statement ("Balance financiero"), the settlement side of a PayU account:
//! one block per movement, a summary row followed by rows that break its credit and debit
//! totals into concepts (`Sale`, `PayU Fee`, `Fee VAT`, `ICA withholding`, ...). Read from
//! PayU's own sample (developers-payu-latam/developers-payu-latam.github.io @42c09c28,
//! `latam/assets/SampleReports/1632847567058_statement_report_546703.csv`) and the concepts of
//! its documentation (`latam/es/payu-module-documentation/reports/financial-statement.html`).
//! A block becomes one settlement line: the sale is its gross, fees and VAT its fee, the
//! withholdings its taxes (each named in `tax_detail`), credit total minus debit total its net.
//! The concepts are those of PayU's English sample: a label Cuadra does not know counts in the
//! net only, and the import says so.

use super::cells::CellReader;
use super::profile::Field;
use super::report::{Problem, Severity};
use super::words as w;
use crate::msg;
use csv::StringRecord;
use rust_decimal::Decimal;

/// A concept row's two sides: (credit label, credit value, debit label, debit value).
pub type Concepts = Vec<[String; 4]>;

/// Whether `rec` continues the block above: it names no operation and no movement.
pub fn continues(cells: &CellReader, rec: &StringRecord) -> bool {
    cells.text(rec, Field::RowType).is_none() && cells.text(rec, Field::PspTxnId).is_none()
}

/// The concepts a row carries (the summary row's are its totals).
pub fn concepts(cells: &CellReader, rec: &StringRecord) -> [String; 4] {
    let get = |f: Field| cells.text(rec, f).unwrap_or("").to_string();
    [
        get(Field::CreditConcept),
        get(Field::CreditValue),
        get(Field::DebitConcept),
        get(Field::DebitValue),
    ]
}

/// What a concept is, by its label in PayU's sample.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    /// The money of the sale, a transfer, or a frozen amount.
    Gross,
    /// PayU's fee, its VAT and transfer costs.
    Fee,
    /// A withholding, named as `crate::withholding` reads it.
    Tax,
    /// The block's credit or debit total.
    Total,
}

fn part_of(label: &str) -> Option<Part> {
    match label.trim().to_lowercase().as_str() {
        "total" => Some(Part::Total),
        "sale"
        | "wire transfer"
        | "wire transfer reversion"
        | "frozen funds"
        | "release frozen funds" => Some(Part::Gross),
        "payu fee" | "fee vat" | "wire transfer fee" | "fee for transfer to bank account" => {
            Some(Part::Fee)
        }
        "ica withholding" | "sales withholding" | "withholding vat" => Some(Part::Tax),
        _ => None,
    }
}

/// A block's amounts: gross, fee, tax (with its breakdown), net.
#[derive(Debug, Default)]
pub struct BlockAmounts {
    pub gross: Option<Decimal>,
    pub fee: Option<Decimal>,
    pub tax: Option<Decimal>,
    pub tax_detail: Option<String>,
    pub net: Option<Decimal>,
}

/// Adds up a block's concepts (credits positive, debits negative); `warnings` gets a label
/// Cuadra does not know and totals that its concepts do not add up to.
pub fn amounts(
    cells: &CellReader,
    row: u64,
    all: &Concepts,
    warnings: &mut Vec<Problem>,
) -> Result<BlockAmounts, Problem> {
    let mut out = BlockAmounts::default();
    let mut totals: [Option<Decimal>; 2] = [None, None];
    let mut parts = [Decimal::ZERO; 2];
    let mut taxes: Vec<(String, Decimal)> = Vec::new();
    let add = |slot: &mut Option<Decimal>, v: Decimal| *slot = Some(slot.unwrap_or_default() + v);
    for c in all {
        for (side, (label, value)) in [(&c[0], &c[1]), (&c[2], &c[3])].into_iter().enumerate() {
            if label.trim().is_empty() && value.trim().is_empty() {
                continue;
            }
            let column = if side == 0 {
                Field::CreditValue
            } else {
                Field::DebitValue
            };
            let v =
                crate::money::parse_amount(value, crate::money::DecimalMark::Dot).map_err(|e| {
                    cells.problem(
                        row,
                        cells.column_of(column),
                        Severity::Error,
                        "bad_amount",
                        msg!(w::BAD_AMOUNT, e.msg()),
                    )
                })?;
            let signed = if side == 0 || v.is_zero() { v } else { -v };
            match part_of(label) {
                Some(Part::Total) => totals[side] = Some(v),
                Some(Part::Gross) => add(&mut out.gross, signed),
                Some(Part::Fee) => add(&mut out.fee, signed),
                Some(Part::Tax) => {
                    add(&mut out.tax, signed);
                    let kind = match crate::withholding::Withholding::named(label) {
                        Some(crate::withholding::Withholding::Iva) => "iva",
                        Some(crate::withholding::Withholding::Ica) => "ica",
                        _ => "fuente",
                    };
                    taxes.push((kind.to_string(), signed));
                }
                None => warnings.push(cells.problem(
                    row,
                    cells.column_of(if side == 0 {
                        Field::CreditConcept
                    } else {
                        Field::DebitConcept
                    }),
                    Severity::Warning,
                    "unknown_concept",
                    msg!(w::UNKNOWN_CONCEPT, label.trim()),
                )),
            }
            if part_of(label) != Some(Part::Total) {
                parts[side] += v;
            }
        }
    }
    for (side, total) in totals.iter().enumerate() {
        if let Some(t) = total {
            if *t != parts[side] {
                warnings.push(cells.problem(
                    row,
                    cells.column_of(if side == 0 {
                        Field::CreditValue
                    } else {
                        Field::DebitValue
                    }),
                    Severity::Warning,
                    "block_total_differs",
                    msg!(
                        w::BLOCK_TOTAL_DIFFERS,
                        t.to_string(),
                        parts[side].to_string()
                    ),
                ));
            }
        }
    }
    out.net = match totals {
        [None, None] => None,
        [c, d] => Some(c.unwrap_or_default() - d.unwrap_or_default()),
    };
    if !taxes.is_empty() {
        let detail: Vec<String> = taxes.iter().map(|(k, v)| format!("{k}={v}")).collect();
        out.tax_detail = Some(detail.join(";"));
    }
    Ok(out)
}
