//! Owns Mercado Pago's release report ("Liberaciones", `release_report`) as the API writes
//! it: comma-separated UTF-8 with the column codes as the header (the `api.en.md` sample of
//! mercadopago/devsite-docs, `guides/additional-content/reports/released-money/`), amounts with
//! a decimal point and two decimals, `NET_CREDIT_AMOUNT` and `NET_DEBIT_AMOUNT` as positive
//! magnitudes, `MP_FEE_AMOUNT` negative, dates with milliseconds and the default `-04:00`
//! offset.
//!
//! Rows (`RECORD_TYPE`, from the glossaries and `how-to-use.en.md`): the opening balance
//! (`initial_available_balance`), the money released (`release`: `payment`, `refund`,
//! `chargeback`, `withdrawal`, ...) and held for a claim (`block` / `unblock`, `dispute`), the
//! balance before and after each withdrawal (`available_balance`, `pre_payout_<id>` /
//! `pos_payout_<id>`, as the MCO glossary shows it), a `subtotal` per record type
//! (`DESCRIPTION` naming the type summed) and the `total`: "subtotal `Release` + subtotal
//! `Block` + subtotal `Unblock`" on top of the opening balance, i.e. the closing available
//! balance. `BALANCE_AMOUNT` is the running balance after each row. Not documented, and
//! Cuadra's assumptions: the amount of a `block`/`unblock` row is the net held or given back
//! (`GROSS_AMOUNT` 0.00), a cancelled withdrawal is a `release` row `withdrawal_cancel`, and
//! `TAX_DETAIL` uses the same `name=amount` text as the settlement report of this dataset.

use crate::mercadopago::{dot_cents, gmt_minus_4};

/// The report's header (no `ORDER_ID`, no store columns: the columns the API sample has).
pub const MERCADOPAGO_RELEASE_HEADER: &str = "DATE,SOURCE_ID,EXTERNAL_REFERENCE,RECORD_TYPE,DESCRIPTION,NET_CREDIT_AMOUNT,NET_DEBIT_AMOUNT,GROSS_AMOUNT,MP_FEE_AMOUNT,FINANCING_FEE_AMOUNT,SHIPPING_FEE_AMOUNT,TAXES_AMOUNT,COUPON_AMOUNT,INSTALLMENTS,PAYMENT_METHOD,TAX_DETAIL,TRANSACTION_APPROVAL_DATE,BALANCE_AMOUNT";

/// `RECORD_TYPE` of a row that moves money.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Record {
    Release,
    Block,
    Unblock,
}

impl Record {
    const ALL: [Record; 3] = [Record::Release, Record::Block, Record::Unblock];

    fn as_str(self) -> &'static str {
        match self {
            Record::Release => "release",
            Record::Block => "block",
            Record::Unblock => "unblock",
        }
    }
}

/// One row that moves money. Amounts are signed COP cents; times are Bogotá wall-clock seconds
/// since 1970-01-01 (written at GMT-04).
#[derive(Clone, Debug)]
pub(crate) struct ReleaseRow {
    pub record: Record,
    /// `payment`, `refund`, `chargeback`, `withdrawal`, `withdrawal_cancel`, `payout`,
    /// `dispute`.
    pub description: &'static str,
    pub source_id: u64,
    pub external_reference: String,
    /// Credit minus debit.
    pub net_cents: i64,
    pub gross_cents: i64,
    pub fee_cents: i64,
    pub taxes_cents: i64,
    pub tax_detail: String,
    /// A buyer's payment (installments 1, `efecty`), not the merchant's own withdrawal.
    pub buyer_money: bool,
    /// When the money was released (`DATE`).
    pub date: i64,
    /// `TRANSACTION_APPROVAL_DATE`, for payments.
    pub approved: Option<i64>,
    /// A withdrawal to the bank or in cash: the balance is shown before and after it.
    pub payout: bool,
}

/// The period the report covers, as GMT-04 dates (`YYYY-MM-DD`): the opening balance is
/// dated at its first second, the subtotals and the total at its last.
pub(crate) struct Period {
    pub first_day: String,
    pub last_day: String,
}

/// The whole report: the opening balance, `rows` in the order given (each withdrawal between
/// its balances), the subtotals and the total. `opening_cents` is the balance carried in.
pub(crate) fn write_mercadopago_release(
    rows: &[ReleaseRow],
    opening_cents: i64,
    period: &Period,
) -> Vec<u8> {
    let mut out = String::with_capacity(512 + rows.len() * 220);
    out.push_str(MERCADOPAGO_RELEASE_HEADER);
    out.push('\n');
    let start = format!("{}T00:00:00.000-04:00", period.first_day);
    let end = format!("{}T23:59:59.000-04:00", period.last_day);
    let money = |cents: i64| dot_cents(cents);
    let credit_debit = |net: i64| {
        if net >= 0 {
            (money(net), money(0))
        } else {
            (money(0), money(-net))
        }
    };
    let mut balance = opening_cents;
    push(
        &mut out,
        &[
            &start,
            "",
            "",
            "initial_available_balance",
            "",
            &money(opening_cents),
            &money(0),
            &money(opening_cents),
            "0.00",
            "0.00",
            "0.00",
            "0.00",
            "0.00",
            "",
            "",
            "",
            "",
            &money(opening_cents),
        ],
    );
    let balance_row = |out: &mut String, when: &str, prefix: &str, id: u64, balance: i64| {
        push(
            out,
            &[
                when,
                "",
                "",
                "available_balance",
                &format!("{prefix}_payout_{id}"),
                &money(balance),
                &money(0),
                "0.00",
                "0.00",
                "0.00",
                "0.00",
                "0.00",
                "0.00",
                "",
                "",
                "",
                "",
                &money(balance),
            ],
        );
    };
    let mut subtotals = [0i64; 3];
    for r in rows {
        let when = gmt_minus_4(r.date);
        if r.payout {
            balance_row(&mut out, &when, "pre", r.source_id, balance);
        }
        balance += r.net_cents;
        let at = Record::ALL
            .iter()
            .position(|k| *k == r.record)
            .unwrap_or_default();
        subtotals[at] += r.net_cents;
        let (credit, debit) = credit_debit(r.net_cents);
        let approved = r.approved.map(gmt_minus_4).unwrap_or_default();
        push(
            &mut out,
            &[
                &when,
                &r.source_id.to_string(),
                &r.external_reference,
                r.record.as_str(),
                r.description,
                &credit,
                &debit,
                &money(r.gross_cents),
                &money(r.fee_cents),
                "0.00",
                "0.00",
                &money(r.taxes_cents),
                "0.00",
                if r.buyer_money { "1" } else { "" },
                if r.buyer_money { "efecty" } else { "" },
                &r.tax_detail,
                &approved,
                &money(balance),
            ],
        );
        if r.payout {
            balance_row(&mut out, &when, "pos", r.source_id, balance);
        }
    }
    for (record, sum) in Record::ALL.iter().zip(subtotals) {
        if !rows.iter().any(|r| r.record == *record) {
            continue;
        }
        let (credit, debit) = credit_debit(sum);
        push(
            &mut out,
            &[
                &end,
                "",
                "",
                "subtotal",
                record.as_str(),
                &credit,
                &debit,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ],
        );
    }
    let (credit, debit) = credit_debit(balance);
    push(
        &mut out,
        &[
            &end, "", "", "total", "", &credit, &debit, "", "", "", "", "", "", "", "", "", "", "",
        ],
    );
    out.into_bytes()
}

/// One comma-separated row, quoting a field that holds a comma or a quote.
fn push(out: &mut String, fields: &[&str]) {
    debug_assert_eq!(fields.len(), MERCADOPAGO_RELEASE_HEADER.split(',').count());
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if f.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(f);
        }
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balances_subtotals_and_total_tie_out() {
        let day = 20_577 * 86_400; // 2026-05-04, Bogotá
        let payment = ReleaseRow {
            record: Record::Release,
            description: "payment",
            source_id: 88_001_000_001,
            external_reference: "3012".into(),
            net_cents: 14_101_500,
            gross_cents: 15_000_000,
            fee_cents: -523_500,
            taxes_cents: -375_000,
            tax_detail: "fuente=-3750.00".into(),
            buyer_money: true,
            date: day + 10 * 3600,
            approved: Some(day + 9 * 3600),
            payout: false,
        };
        let block = ReleaseRow {
            record: Record::Block,
            description: "dispute",
            net_cents: -14_101_500,
            gross_cents: 0,
            fee_cents: 0,
            taxes_cents: 0,
            tax_detail: String::new(),
            approved: None,
            date: day + 12 * 3600,
            ..payment.clone()
        };
        let withdrawal = ReleaseRow {
            record: Record::Release,
            description: "withdrawal",
            source_id: 9_900_000_011,
            external_reference: String::new(),
            net_cents: -30_000_000,
            gross_cents: -30_000_000,
            buyer_money: false,
            payout: true,
            date: day + 15 * 3600,
            ..block.clone()
        };
        let text = String::from_utf8(write_mercadopago_release(
            &[payment, block, withdrawal],
            50_000_000,
            &Period {
                first_day: "2026-05-01".into(),
                last_day: "2026-05-18".into(),
            },
        ))
        .expect("UTF-8");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], MERCADOPAGO_RELEASE_HEADER);
        assert_eq!(lines[1], "2026-05-01T00:00:00.000-04:00,,,initial_available_balance,,500000.00,0.00,500000.00,0.00,0.00,0.00,0.00,0.00,,,,,500000.00");
        assert_eq!(lines[2], "2026-05-04T11:00:00.000-04:00,88001000001,3012,release,payment,141015.00,0.00,150000.00,-5235.00,0.00,0.00,-3750.00,0.00,1,efecty,fuente=-3750.00,2026-05-04T10:00:00.000-04:00,641015.00");
        assert_eq!(lines[3], "2026-05-04T13:00:00.000-04:00,88001000001,3012,block,dispute,0.00,141015.00,0.00,0.00,0.00,0.00,0.00,0.00,1,efecty,,,500000.00");
        assert_eq!(lines[4], "2026-05-04T16:00:00.000-04:00,,,available_balance,pre_payout_9900000011,500000.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,,,,,500000.00");
        assert_eq!(lines[5], "2026-05-04T16:00:00.000-04:00,9900000011,,release,withdrawal,0.00,300000.00,-300000.00,0.00,0.00,0.00,0.00,0.00,,,,,200000.00");
        assert_eq!(lines[6], "2026-05-04T16:00:00.000-04:00,,,available_balance,pos_payout_9900000011,200000.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,,,,,200000.00");
        assert_eq!(
            lines[7],
            "2026-05-18T23:59:59.000-04:00,,,subtotal,release,0.00,158985.00,,,,,,,,,,,"
        );
        assert_eq!(
            lines[8],
            "2026-05-18T23:59:59.000-04:00,,,subtotal,block,0.00,141015.00,,,,,,,,,,,"
        );
        assert_eq!(
            lines[9],
            "2026-05-18T23:59:59.000-04:00,,,total,,200000.00,0.00,,,,,,,,,,,"
        );
        assert_eq!(lines.len(), 10, "no unblock row, no unblock subtotal");
    }
}
