//! Owns the Mercado Pago settlement report (Colombia, `SITE` = `MCO`) as a Spanish-locale Excel
//! re-saves it: `;` between fields, Windows-1252 bytes, CRLF after every row, no BOM, and every
//! value the way Excel displays it. Excel reads the numbers and writes them back in the locale:
//! decimal comma, trailing zeros dropped in the General format (`-3137,51`, `83889,5`, `-5235`),
//! and a thousands dot in the two amount columns the user formatted as `#.##0,00` to read them
//! (`TRANSACTION_AMOUNT`, `SETTLEMENT_NET_AMOUNT`: `1.250.000,00`). The ISO dates, with Mercado
//! Pago's default GMT-04 offset, are not dates to Excel: they stay text, unchanged. Text with a
//! `"` or `;` is quoted. A reference made of digits is a number to Excel and loses its leading
//! zeros (`03012` is written back as `3012`). Identifiers have at most 11 digits, the most
//! Excel's General format shows before it turns a number into `8,80012E+11`.
//!
//! Columns are the report's own (shared/domain.md), in its default order. Cash payments are
//! `efecty` / `ticket`; withholdings sit in `TAXES_AMOUNT` and `TAX_DETAIL` of their payment row.

use std::fmt::Write as _;

use crate::csvw::civil_from_days;

/// The report's header, in its default order.
pub const MERCADOPAGO_COLUMNS: [&str; 41] = [
    "EXTERNAL_REFERENCE",
    "SOURCE_ID",
    "USER_ID",
    "PAYMENT_METHOD",
    "PAYMENT_METHOD_TYPE",
    "SITE",
    "TRANSACTION_TYPE",
    "TRANSACTION_AMOUNT",
    "TRANSACTION_CURRENCY",
    "SELLER_AMOUNT",
    "TRANSACTION_DATE",
    "FEE_AMOUNT",
    "SETTLEMENT_NET_AMOUNT",
    "SETTLEMENT_CURRENCY",
    "SETTLEMENT_DATE",
    "REAL_AMOUNT",
    "COUPON_AMOUNT",
    "METADATA",
    "MKP_FEE_AMOUNT",
    "FINANCING_FEE_AMOUNT",
    "SHIPPING_FEE_AMOUNT",
    "TAXES_AMOUNT",
    "INSTALLMENTS",
    "TAX_AMOUNT_TELCO",
    "TAX_DETAIL",
    "POS_ID",
    "POS_NAME",
    "EXTERNAL_POS_ID",
    "STORE_ID",
    "STORE_NAME",
    "EXTERNAL_STORE_ID",
    "ORDER_ID",
    "SHIPPING_ID",
    "SHIPMENT_MODE",
    "PACK_ID",
    "TAXES_DISAGGREGATED",
    "POI_ID",
    "POI_WALLET_NAME",
    "POI_BANK_NAME",
    "CARD_INITIAL_NUMBER",
    "OPERATION_TAGS",
];

/// `TRANSACTION_TYPE`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MpType {
    Settlement,
    Refund,
    Chargeback,
    Dispute,
    Withdrawal,
    WithdrawalCancel,
    Payout,
}

impl MpType {
    fn as_str(self) -> &'static str {
        match self {
            MpType::Settlement => "SETTLEMENT",
            MpType::Refund => "REFUND",
            MpType::Chargeback => "CHARGEBACK",
            MpType::Dispute => "DISPUTE",
            MpType::Withdrawal => "WITHDRAWAL",
            MpType::WithdrawalCancel => "WITHDRAWAL_CANCEL",
            MpType::Payout => "PAYOUT",
        }
    }

    /// Money of a buyer's payment (as opposed to the merchant's own withdrawals).
    pub(crate) fn is_payment_money(self) -> bool {
        matches!(
            self,
            MpType::Settlement | MpType::Refund | MpType::Chargeback | MpType::Dispute
        )
    }
}

/// One report row. Amounts are signed COP cents; times are Bogotá wall-clock seconds since
/// 1970-01-01 (the writer shows them at GMT-04, as the report does).
#[derive(Clone, Debug)]
pub(crate) struct MpRow {
    pub kind: MpType,
    /// The merchant's reference; empty when the payment carried none.
    pub external_reference: String,
    pub source_id: u64,
    /// Mercado Pago's merchant order id, when the payment has one.
    pub order_id: Option<u64>,
    pub amount_cents: i64,
    pub fee_cents: i64,
    /// Withholdings (negative): ReteFuente and ReteICA.
    pub fuente_cents: i64,
    pub ica_cents: i64,
    pub transaction_at: i64,
    pub settlement_at: i64,
    /// The buyer's city, in the metadata the shop sent with the payment.
    pub city: Option<&'static str>,
}

impl MpRow {
    pub(crate) fn net_cents(&self) -> i64 {
        self.amount_cents + self.fee_cents + self.fuente_cents + self.ica_cents
    }
}

/// The whole report as the bytes Excel writes.
pub(crate) fn write_mercadopago_excel_es(rows: &[MpRow], user_id: u64) -> Vec<u8> {
    let mut text = String::with_capacity(512 + rows.len() * 400);
    push_row(&mut text, MERCADOPAGO_COLUMNS.iter().map(|c| c.to_string()));
    for r in rows {
        let payment = r.kind.is_payment_money();
        let net = r.net_cents();
        let taxes = r.fuente_cents + r.ica_cents;
        let when = |t: i64| gmt_minus_4(t);
        let tax_detail = tax_detail(r.fuente_cents, r.ica_cents);
        let metadata = match r.city {
            Some(city) => format!("{{\"tienda\":\"Tienda Cuadra\",\"ciudad\":\"{city}\"}}"),
            None => "{}".to_string(),
        };
        let text_if = |cond: bool, v: &str| if cond { v.to_string() } else { String::new() };
        let fields: Vec<String> = vec![
            excel_number_or_text(&r.external_reference),
            r.source_id.to_string(),
            user_id.to_string(),
            text_if(payment, "efecty"),
            text_if(payment, "ticket"),
            "MCO".into(),
            r.kind.as_str().into(),
            excel_grouped(r.amount_cents),
            "COP".into(),
            excel_general(net),
            when(r.transaction_at),
            excel_general(r.fee_cents),
            excel_grouped(net),
            "COP".into(),
            when(r.settlement_at),
            excel_general(net),
            "0".into(),
            metadata,
            "0".into(),
            "0".into(),
            "0".into(),
            excel_general(taxes),
            text_if(payment, "1"),
            "0".into(),
            tax_detail,
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            r.order_id.map(|o| o.to_string()).unwrap_or_default(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ];
        debug_assert_eq!(fields.len(), MERCADOPAGO_COLUMNS.len());
        push_row(&mut text, fields.into_iter());
    }
    windows_1252(&text)
}

/// `TAX_DETAIL` naming each withholding with its amount (`fuente=-2250.00,ica=-621.00`), empty
/// when nothing was withheld. Mercado Pago documents the names (`fuente`, `iva`, `ica`), not
/// how a row naming several writes them: this `name=amount` list is Cuadra's own form.
pub(crate) fn tax_detail(fuente_cents: i64, ica_cents: i64) -> String {
    if fuente_cents + ica_cents != 0 {
        format!(
            "fuente={},ica={}",
            dot_cents(fuente_cents),
            dot_cents(ica_cents)
        )
    } else {
        String::new()
    }
}

/// Appends one `;`-separated row ending in CRLF, quoting what Excel quotes.
fn push_row(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, f) in fields.enumerate() {
        if i > 0 {
            out.push(';');
        }
        if f.contains([';', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&f);
        }
    }
    out.push_str("\r\n");
}

/// A text cell after Excel read it: digits only (at most 15, Excel's precision) are a number,
/// so leading zeros are gone (`03012` becomes `3012`); anything else stays text.
fn excel_number_or_text(text: &str) -> String {
    let digits = !text.is_empty() && text.len() <= 15 && text.bytes().all(|b| b.is_ascii_digit());
    if digits {
        let trimmed = text.trim_start_matches('0');
        if trimmed.is_empty() {
            "0".to_string()
        } else {
            trimmed.to_string()
        }
    } else {
        text.to_string()
    }
}

/// `2026-05-04T19:42:10.000-04:00` for a Bogotá wall time (GMT-04 is one hour ahead).
pub(crate) fn gmt_minus_4(bogota_wall: i64) -> String {
    let t = bogota_wall + 3600;
    let (y, m, d) = civil_from_days(t.div_euclid(86_400));
    let s = t.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.000-04:00",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// Cents as text with a decimal point and two decimals, as the report's text columns hold them.
pub(crate) fn dot_cents(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// Excel's General format in a Spanish locale: decimal comma, no grouping, no trailing zeros.
pub(crate) fn excel_general(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let (whole, frac) = (abs / 100, abs % 100);
    match frac {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole},{}", f / 10),
        f => format!("{sign}{whole},{f:02}"),
    }
}

/// Excel's `#.##0,00` format in a Spanish locale: thousands dot, decimal comma, two decimals.
pub(crate) fn excel_grouped(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let digits = (abs / 100).to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let mut out = String::new();
    let _ = write!(out, "{sign}{grouped},{:02}", abs % 100);
    out
}

/// Text as Windows-1252 bytes, the way Excel saves "CSV (delimitado por comas)": Latin-1
/// letters keep their code, the few cp1252 extras map to 0x80-0x9F, anything else becomes `?`.
pub(crate) fn windows_1252(text: &str) -> Vec<u8> {
    const EXTRAS: [(char, u8); 9] = [
        ('€', 0x80),
        ('‚', 0x82),
        ('„', 0x84),
        ('…', 0x85),
        ('‘', 0x91),
        ('’', 0x92),
        ('“', 0x93),
        ('”', 0x94),
        ('–', 0x96),
    ];
    text.chars()
        .map(|c| match u32::from(c) {
            0..=0x7F | 0xA0..=0xFF => u32::from(c) as u8,
            _ => EXTRAS
                .iter()
                .find(|(e, _)| *e == c)
                .map_or(b'?', |(_, b)| *b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_look_like_spanish_excel() {
        assert_eq!(excel_general(15_000_000), "150000");
        assert_eq!(excel_general(-313_751), "-3137,51");
        assert_eq!(excel_general(8_388_950), "83889,5");
        assert_eq!(excel_general(0), "0");
        assert_eq!(excel_grouped(125_000_000), "1.250.000,00");
        assert_eq!(excel_grouped(8_990_000), "89.900,00");
        assert_eq!(excel_grouped(-6_200_000), "-62.000,00");
        assert_eq!(excel_grouped(59_650), "596,50");
    }

    #[test]
    fn excel_drops_leading_zeros_of_numeric_text() {
        assert_eq!(excel_number_or_text("03012"), "3012");
        assert_eq!(excel_number_or_text("3012"), "3012");
        assert_eq!(excel_number_or_text("#03012"), "#03012");
        assert_eq!(excel_number_or_text("WA-260507-0031"), "WA-260507-0031");
        assert_eq!(excel_number_or_text(""), "");
    }

    #[test]
    fn dates_keep_the_gmt_minus_4_offset() {
        // 2026-05-04 20:42:10 in Bogotá is 21:42:10 at GMT-04.
        let days = 20_577; // 2026-05-04
        assert_eq!(
            gmt_minus_4(days * 86_400 + 20 * 3600 + 42 * 60 + 10),
            "2026-05-04T21:42:10.000-04:00"
        );
        // 23:30 in Bogotá is already the next day at GMT-04.
        assert_eq!(
            gmt_minus_4(days * 86_400 + 23 * 3600 + 30 * 60),
            "2026-05-05T00:30:00.000-04:00"
        );
    }

    #[test]
    fn accents_become_single_windows_1252_bytes() {
        assert_eq!(
            windows_1252("Bogotá Nariño"),
            b"Bogot\xe1 Nari\xf1o".to_vec()
        );
        assert_eq!(windows_1252("€ ✓"), b"\x80 ?".to_vec());
    }
}
