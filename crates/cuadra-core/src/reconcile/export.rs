//! The reconciliation as CSV, one row per case, in the column contract scripts rely on. UTF-8 with
//! a BOM so Excel reads accents; times in the workspace zone with their offset; amounts as exact
//! decimals; text that a spreadsheet would run as a formula is neutralized.

use super::{LineIn, OrderIn, ReconCase};
use crate::time::Moment;
use chrono_tz::Tz;
use std::collections::HashMap;
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

fn time(m: &Option<Moment>, zone: Tz) -> String {
    match m {
        Some(Moment::Instant(t)) => t.with_timezone(&zone).to_rfc3339(),
        Some(Moment::Date(d)) => d.to_string(),
        None => String::new(),
    }
}

fn amount(d: &Option<rust_decimal::Decimal>) -> String {
    d.map(|v| v.normalize().to_string()).unwrap_or_default()
}

/// Writes the cases as CSV.
pub fn write_reconciliation_csv<W: Write>(
    out: W,
    cases: &[ReconCase],
    orders: &[OrderIn],
    lines: &[LineIn],
    zone: Tz,
) -> std::io::Result<()> {
    let orders: HashMap<i64, &OrderIn> = orders.iter().map(|o| (o.id, o)).collect();
    let lines: HashMap<i64, &LineIn> = lines.iter().map(|l| (l.id, l)).collect();
    let mut out = out;
    out.write_all("\u{feff}".as_bytes())?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(RECONCILIATION_COLUMNS)?;
    for c in cases {
        let order = c.order_id.and_then(|id| orders.get(&id)).map(|o| &o.order);
        let refs: Vec<&str> = c
            .line_ids
            .iter()
            .filter_map(|id| lines.get(id))
            .filter_map(|l| {
                l.line
                    .psp_txn_id
                    .as_deref()
                    .or(l.line.merchant_ref.as_deref())
            })
            .collect();
        let text = [
            c.key.clone(),
            c.status.as_str().to_string(),
            order.and_then(|o| o.order_name.clone()).unwrap_or_default(),
            order
                .and_then(|o| o.shop_order_id.clone())
                .unwrap_or_default(),
            refs.join("|"),
            amount(&c.order_total),
            amount(&c.paid_amount),
            amount(&c.difference),
            c.currency.clone().unwrap_or_default(),
            amount(&c.fee_total),
            amount(&c.tax_total),
            amount(&c.net_settled),
            c.settlement_currency.clone().unwrap_or_default(),
            c.psp.clone().unwrap_or_default(),
            c.payment_method.clone().unwrap_or_default(),
            time(&c.order_created_at, zone),
            time(&c.paid_at, zone),
            time(&c.voucher_expires_at, zone),
            time(&c.settled_at, zone),
            c.shop_status
                .map(|s| s.as_str().to_string())
                .unwrap_or_default(),
            // Decisions by people come with the review actions; until then the engine decides.
            "cuadra".to_string(),
            c.rule.to_string(),
            c.explanation.clone(),
        ];
        // Amounts and times are ours and may be negative; only text from files is neutralized.
        let record: Vec<std::borrow::Cow<'_, str>> = text
            .iter()
            .enumerate()
            .map(|(i, t)| match i {
                2..=4 | 13 | 14 | 22 => neutralize(t),
                _ => t.as_str().into(),
            })
            .collect();
        w.write_record(record.iter().map(|c| c.as_bytes()))?;
    }
    w.flush()?;
    Ok(())
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
