//! Owns dLocal's older report, the `;`-separated one that came before the cross-border
//! settlement file, laid out as the one public production parser of it reads it
//! (wikimedia-fundraising-SmashPig, `PaymentProviders/dlocal/Audit/ReportFileParser.php`, the
//! column list in `DlocalAudit.php`, and its test data `Tests/Data/chargebacks.csv`): the
//! header below, the multi-word names and the dates in double quotes, LF line ends.
//!
//! What each row holds, from those sources: `Type` is `Refund`, `Chargebacks` (the plural
//! the real file writes), `Credit Note`, `Debit Note`, `Refund processing fee` or `Chargeback
//! processing fee`; a refund or chargeback names the order it reverses in `Transaction
//! Invoice` and the original payment in `Transaction Reference`, with the buyer's amount in
//! `Net Amount (local)` (unsigned) and no `Amount (USD)`; `Status` is `Completed` (refund),
//! `Settled` (chargeback), `Cleared` (notes and fees), or a word meaning no money moved
//! (`Reimbursed`, `Waiting Details`). Dates are UTC (`Core/UtcDate.php`). No public sample
//! shows a note or processing-fee row: their USD amount is written unsigned in `Amount (USD)`
//! with `Net Amount (local)` 0.00 (the type says which way the money goes), an assumption
//! shared with Cuadra's own fixture `dlocal_legacy_co.csv`.

use crate::csvw::civil_from_days;

/// The report's header, exactly as dLocal writes it.
pub const DLOCAL_LEGACY_HEADER: &str = "Type;\"Creation date\";\"Settlement date\";Reference;Invoice;Country;\"Payment Method\";\"Payment Method Type\";\"Net Amount (local)\";\"Amount (USD)\";currency;Status;\"User Mail\";\"Transaction Reference\";\"Transaction Invoice\";Fee;IOF";

/// Bogotá is UTC-05:00 all year: wall-clock seconds + 5 h.
const BOGOTA_TO_UTC: i64 = 5 * 3600;

/// `Type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LegacyType {
    Refund,
    Chargeback,
    CreditNote,
    DebitNote,
    RefundFee,
    ChargebackFee,
}

impl LegacyType {
    fn as_str(self) -> &'static str {
        match self {
            LegacyType::Refund => "Refund",
            LegacyType::Chargeback => "Chargebacks",
            LegacyType::CreditNote => "Credit Note",
            LegacyType::DebitNote => "Debit Note",
            LegacyType::RefundFee => "Refund processing fee",
            LegacyType::ChargebackFee => "Chargeback processing fee",
        }
    }

    /// The status of a row that is done.
    fn done(self) -> &'static str {
        match self {
            LegacyType::Refund => "Completed",
            LegacyType::Chargeback => "Settled",
            _ => "Cleared",
        }
    }

    fn reverses_a_payment(self) -> bool {
        matches!(self, LegacyType::Refund | LegacyType::Chargeback)
    }
}

/// One row. Times are Bogotá wall-clock seconds since 1970-01-01 (written in UTC).
#[derive(Clone, Debug)]
pub(crate) struct LegacyRow {
    pub kind: LegacyType,
    pub created: i64,
    /// dLocal's `Reference` (digits).
    pub reference: u64,
    /// Refunds and chargebacks: the buyer's amount in whole pesos (unsigned).
    pub local: i64,
    /// Notes and fees: the amount in USD cents (unsigned).
    pub usd_cents: i64,
    /// A status word instead of the type's own (`Reimbursed`, `Waiting Details`).
    pub status: Option<&'static str>,
    pub email: String,
    /// The reversed payment's dLocal id.
    pub transaction_reference: String,
    /// The reversed order's number.
    pub transaction_invoice: String,
}

/// The whole report, in the order given.
pub(crate) fn write_dlocal_legacy(rows: &[LegacyRow]) -> Vec<u8> {
    let mut out = String::with_capacity(256 + rows.len() * 160);
    out.push_str(DLOCAL_LEGACY_HEADER);
    out.push('\n');
    for r in rows {
        let reversal = r.kind.reverses_a_payment();
        let status = r.status.unwrap_or(r.kind.done());
        // A refund or chargeback that is done or pending has no settlement date in the
        // real file; a note or fee is settled when it is created.
        let settled = if reversal {
            String::new()
        } else {
            quoted_utc(r.created)
        };
        let (local, usd, currency) = if reversal {
            (format!("{}.00", r.local.abs()), String::new(), "COP")
        } else {
            ("0.00".to_string(), cents(r.usd_cents.abs()), "")
        };
        let fields = [
            r.kind.as_str().to_string(),
            quoted_utc(r.created),
            settled,
            r.reference.to_string(),
            String::new(),
            "CO".to_string(),
            String::new(),
            String::new(),
            local,
            usd,
            currency.to_string(),
            status.to_string(),
            r.email.clone(),
            r.transaction_reference.clone(),
            r.transaction_invoice.clone(),
            String::new(),
            String::new(),
        ];
        out.push_str(&fields.join(";"));
        out.push('\n');
    }
    out.into_bytes()
}

/// `"2026-05-04 01:42:10"`: a Bogotá wall time in UTC, in double quotes as the file writes
/// its dates.
fn quoted_utc(bogota_wall: i64) -> String {
    let t = bogota_wall + BOGOTA_TO_UTC;
    let (y, m, d) = civil_from_days(t.div_euclid(86_400));
    let s = t.rem_euclid(86_400);
    format!(
        "\"{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}\"",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

fn cents(c: i64) -> String {
    format!("{}.{:02}", c / 100, c % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_look_like_smashpigs_test_data() {
        let days = 20_577; // 2026-05-04
        let rows = [
            LegacyRow {
                kind: LegacyType::Chargeback,
                created: days * 86_400 + 20 * 3600 + 5 * 60 + 9,
                reference: 12_345,
                local: -150_000,
                usd_cents: 0,
                status: None,
                email: "buyer1@example.com".into(),
                transaction_reference: "T-648-abc".into(),
                transaction_invoice: "3012".into(),
            },
            LegacyRow {
                kind: LegacyType::DebitNote,
                created: days * 86_400 + 12 * 3600,
                reference: 800_000_001,
                local: 0,
                usd_cents: -238,
                status: None,
                email: String::new(),
                transaction_reference: String::new(),
                transaction_invoice: String::new(),
            },
        ];
        let text = String::from_utf8(write_dlocal_legacy(&rows)).expect("UTF-8");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], DLOCAL_LEGACY_HEADER);
        // 20:05:09 in Bogotá is 01:05:09 of the next day in UTC.
        assert_eq!(
            lines[1],
            "Chargebacks;\"2026-05-05 01:05:09\";;12345;;CO;;;150000.00;;COP;Settled;buyer1@example.com;T-648-abc;3012;;"
        );
        assert_eq!(
            lines[2],
            "Debit Note;\"2026-05-04 17:00:00\";\"2026-05-04 17:00:00\";800000001;;CO;;;0.00;2.38;;Cleared;;;;;"
        );
        assert!(!text.contains('\r'));
    }
}
