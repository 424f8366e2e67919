//! The stored reconciliation as CSV, one row per case, in the column contract scripts rely on. UTF-8 with
//! a BOM so Excel reads accents; times in the workspace zone with their offset; amounts as exact
//! decimals; text that a spreadsheet would run as a formula is neutralized.

use crate::cases::{CaseFilter, CaseSort, SortKey};
use crate::store::{StoreError, Workspace};
use crate::words::Lang;
use std::io::Write;

/// The columns, in order (the export contract).
pub const RECONCILIATION_COLUMNS: [&str; 23] = [
    "case_id",
    "status",
    "order_ref",
    "order_id",
    "settlement_refs",
    "order_total",
    "paid_amount",
    "difference",
    "currency",
    "fee_total",
    "tax_total",
    "net_settled",
    "settlement_currency",
    "psp",
    "payment_method",
    "order_created_at",
    "paid_at",
    "voucher_expires_at",
    "settled_at",
    "shop_status",
    "decided_by",
    "rule",
    "explanation",
];

/// A cell Excel or LibreOffice would evaluate (`=`, `+`, `-`, `@`, tab, carriage return first)
/// gets a leading apostrophe, so an imported reference can never run as a formula.
pub fn neutralize(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}").into(),
        _ => text.into(),
    }
}

/// Writes the stored cases the filter matches as CSV, in case key order, streaming (a million
/// cases never sit in memory at once). Returns the number of cases written.
pub fn write_reconciliation_csv<W: Write>(
    out: W,
    ws: &Workspace,
    filter: &CaseFilter,
    lang: Lang,
) -> Result<u64, StoreError> {
    let io = |e: std::io::Error| {
        StoreError::BadQuery(crate::msg!(crate::report::words::WRITE, e.to_string()))
    };
    let mut out = out;
    out.write_all("\u{feff}".as_bytes()).map_err(io)?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(RECONCILIATION_COLUMNS)
        .map_err(|e| io(e.into()))?;
    let sort = CaseSort {
        key: SortKey::CaseKey,
        desc: false,
    };
    let n = ws.for_each_case(filter, sort, |c| {
        let o = |v: &Option<String>| v.clone().unwrap_or_default();
        let text = [
            c.case_key.clone(),
            c.status.clone(),
            o(&c.order_ref),
            o(&c.shop_order_id),
            c.settlement_refs.clone(),
            o(&c.order_total),
            o(&c.paid_amount),
            o(&c.difference),
            o(&c.currency),
            o(&c.fee_total),
            o(&c.tax_total),
            o(&c.net_settled),
            o(&c.settlement_currency),
            o(&c.psp),
            o(&c.payment_method),
            o(&c.order_created_at),
            o(&c.paid_at),
            o(&c.voucher_expires_at),
            o(&c.settled_at),
            o(&c.shop_status),
            c.decided_by.clone(),
            c.rule.clone(),
            c.explanation.render(lang),
        ];
        // Amounts and times are ours and may be negative; only text from files and people is
        // neutralized.
        let record: Vec<std::borrow::Cow<'_, str>> = text
            .iter()
            .enumerate()
            .map(|(i, t)| match i {
                2..=4 | 13 | 14 | 20 | 22 => neutralize(t),
                _ => t.as_str().into(),
            })
            .collect();
        w.write_record(record.iter().map(|c| c.as_bytes()))
            .map_err(|e| io(e.into()))
    })?;
    w.flush().map_err(io)?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_from_files_are_neutralized() {
        assert_eq!(neutralize("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralize("+57 300"), "'+57 300");
        assert_eq!(neutralize("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralize("#1001"), "#1001");
        assert_eq!(neutralize("T-648-x1"), "T-648-x1");
    }
}
