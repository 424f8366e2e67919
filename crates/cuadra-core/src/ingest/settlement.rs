//! Settlement rows to `SettlementLine`s and into the workspace, idempotently: a line's identity is
//! the PSP's transaction id where the format has one, else a fingerprint of its content plus its
//! occurrence number in the file. Same identity and content is "known"; same identity with other
//! content is a conflict, kept beside the first version and never merged into it.

use super::cells::CellReader;
use super::profile::{normalize_header, Field, IdentityRule, Profile, UnknownRowType};
use super::report::{ImportReport, Problem, Severity};
use super::vocab;
use super::words as w;
use super::{decimal_text, moment_text};
use crate::model::{PaymentStatus, RowType, SettlementBatch, SettlementLine};
use crate::msg;
use crate::store::sha256_hex;
use crate::words::{Arg, Msg};
use csv::StringRecord;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::{BTreeMap, HashMap};

/// Reads a settlement row into a line; a problem rejects the row.
pub fn read_line(
    cells: &CellReader,
    profile: &Profile,
    rec: &StringRecord,
    row: u64,
    batch_ref: Option<&str>,
    unknown_values: &mut BTreeMap<(Field, String), u64>,
) -> Result<SettlementLine, Problem> {
    let raw_row_type = cells.string(rec, Field::RowType);
    let row_type = match &raw_row_type {
        None => profile.default_row_type,
        Some(raw) => {
            let key = normalize_header(raw);
            match profile.row_types.iter().find(|(k, _)| *k == key) {
                Some((_, t)) => *t,
                None => match profile.unknown_row_type {
                    UnknownRowType::Classify(t) => {
                        *unknown_values
                            .entry((Field::RowType, raw.clone()))
                            .or_default() += 1;
                        t
                    }
                    UnknownRowType::Reject => {
                        return Err(cells.problem(
                            row,
                            cells.column_of(Field::RowType),
                            Severity::Error,
                            "unknown_row_type",
                            msg!(w::UNKNOWN_ROW_TYPE, raw),
                        ))
                    }
                },
            }
        }
    };
    let raw_status = cells.string(rec, Field::Status);
    let status = match &raw_status {
        None => PaymentStatus::Paid,
        Some(raw) => vocab::payment_status(&profile.source, raw).unwrap_or_else(|| {
            *unknown_values
                .entry((Field::Status, raw.clone()))
                .or_default() += 1;
            PaymentStatus::Unknown
        }),
    };
    let net_amount = match cells.amount(rec, row, Field::NetAmount)? {
        Some(v) => Some(v),
        None => {
            let credit = cells.amount(rec, row, Field::NetCredit)?;
            let debit = cells.amount(rec, row, Field::NetDebit)?;
            match (credit, debit) {
                (None, None) => None,
                (c, d) => Some(c.unwrap_or_default() - d.unwrap_or_default()),
            }
        }
    };
    let local_amount = cells.amount(rec, row, Field::LocalAmount)?;
    let gross_amount = cells.amount(rec, row, Field::GrossAmount)?;
    let fee_amount = cells.amount(rec, row, Field::FeeAmount)?;
    let tax_amount = cells.amount(rec, row, Field::TaxAmount)?;
    let fx_rate = cells.amount(rec, row, Field::FxRate)?;
    let local_currency = cells
        .currency(rec, Field::LocalCurrency)
        .or_else(|| local_amount.and(profile.default_local_currency.clone()));
    let settlement_currency = cells
        .currency(rec, Field::SettlementCurrency)
        .or_else(|| profile.default_settlement_currency.clone());
    Ok(SettlementLine {
        psp: profile.source.clone(),
        batch_ref: cells
            .string(rec, Field::BatchRef)
            .or(batch_ref.map(str::to_string)),
        row_type,
        raw_row_type,
        status,
        raw_status,
        merchant_ref: cells.string(rec, Field::MerchantRef),
        psp_txn_id: cells.string(rec, Field::PspTxnId),
        psp_order_id: cells.string(rec, Field::PspOrderId),
        payment_method: cells.string(rec, Field::PaymentMethod),
        payment_type: cells.string(rec, Field::PaymentType),
        local_amount,
        local_currency,
        gross_amount,
        fee_amount,
        tax_amount,
        net_amount,
        settlement_currency,
        fx_rate,
        created_at: cells.moment(rec, row, Field::CreatedAt)?,
        approved_at: cells.moment(rec, row, Field::ApprovedAt)?,
        settled_at: cells.moment(rec, row, Field::SettledAt)?,
        expires_at: cells.moment(rec, row, Field::ExpiresAt)?,
        payer_email: cells.string(rec, Field::PayerEmail),
        payer_document: cells.string(rec, Field::PayerDocument),
        description: cells.string(rec, Field::Description),
        tax_detail: cells.string(rec, Field::TaxDetail),
    })
}

/// Reads a dLocal-style summary block (a header row, then HEADER rows) into batches.
pub fn read_summary(
    cells_file: &str,
    sheet: Option<&str>,
    rows: &[(u64, StringRecord)],
    profile: &Profile,
    zone: chrono_tz::Tz,
) -> Result<Vec<SettlementBatch>, Problem> {
    let Some((_, header)) = rows.first() else {
        return Ok(Vec::new());
    };
    let names: Vec<String> = header.iter().map(normalize_header).collect();
    let col = |rec: &StringRecord, name: &str| -> Option<String> {
        let idx = names.iter().position(|n| n == name)?;
        rec.get(idx)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let mut batches = Vec::new();
    for (row, rec) in rows.iter().skip(1) {
        if super::source::is_blank(rec) {
            continue;
        }
        let problem = |column: &str, message: Msg| Problem {
            file: cells_file.to_string(),
            sheet: sheet.map(str::to_string),
            row: Some(*row),
            column: Some(column.to_string()),
            severity: Severity::Error,
            code: "bad_summary".into(),
            message,
        };
        let amount = |name: &str| -> Result<Option<rust_decimal::Decimal>, Problem> {
            col(rec, name)
                .map(|t| {
                    crate::money::parse_amount(&t, crate::money::DecimalMark::Dot)
                        .map_err(|e| problem(name, e.msg()))
                })
                .transpose()
        };
        let items = col(rec, "NUMBER_OF_ITEMS")
            .map(|t| {
                t.parse::<i64>()
                    .map_err(|_| problem("NUMBER_OF_ITEMS", msg!(w::NOT_A_COUNT, &t)))
            })
            .transpose()?;
        let transfer_date = col(rec, "TRANSFER_DATE")
            .map(|t| {
                crate::time::parse_moment(&t, zone, profile.date_order)
                    .map_err(|e| problem("TRANSFER_DATE", e.msg()))
            })
            .transpose()?;
        batches.push(SettlementBatch {
            psp: profile.source.clone(),
            batch_ref: col(rec, "TRANSFER_ID"),
            currency: col(rec, "SETTLEMENT_CURRENCY").map(|c| c.to_uppercase()),
            items,
            gross_total: amount("GROSS_TOTAL_AMOUNT")?,
            fee_total: amount("FEE_TOTAL_AMOUNT")?,
            net_total: amount("NET_TOTAL_AMOUNT")?,
            transfer_date,
            row: *row,
        });
    }
    Ok(batches)
}

/// The kind part of a line's identity: its row type, and `_cancel` for a row that undoes another.
/// Mercado Pago writes `tax_withdholding_cancel` and `withdrawal_cancel` with the SOURCE_ID of the
/// row they cancel and map them to the same row type: without the suffix the cancellation would
/// be taken for a changed copy of the original (a conflict) instead of the movement it is.
fn identity_kind(line: &SettlementLine) -> String {
    let cancels = line
        .raw_row_type
        .as_deref()
        .is_some_and(|raw| normalize_header(raw).ends_with("_CANCEL"));
    if cancels {
        format!("{}_cancel", line.row_type.as_str())
    } else {
        line.row_type.as_str().to_string()
    }
}

/// A line's identity and content fingerprint, computed where the row is parsed.
pub struct KeyedLine {
    pub identity: String,
    pub content_hash: String,
    /// The normalized line as canonical JSON (what the content hash covers).
    pub content: String,
}

/// Gives each line of one file its identity: the PSP's id where the profile uses one, else a
/// content fingerprint numbered by occurrence (so identical rows stay distinct, and an overlapping
/// later file maps its copies onto the same identities).
pub struct LineKeyer {
    scope: String,
    identity_rule: IdentityRule,
    occurrences: HashMap<String, u32>,
}

impl LineKeyer {
    pub fn new(profile: &Profile) -> LineKeyer {
        LineKeyer {
            scope: profile.identity_scope.clone(),
            identity_rule: profile.identity,
            occurrences: HashMap::new(),
        }
    }

    pub fn key(&mut self, line: &SettlementLine) -> KeyedLine {
        let content = serde_json::to_string(line).unwrap_or_default();
        let content_hash = sha256_hex(content.as_bytes());
        let identity = match (&self.identity_rule, &line.psp_txn_id) {
            (IdentityRule::PspTxnIdReversalsByAmount, Some(id))
                if matches!(
                    line.row_type,
                    RowType::Refund | RowType::Chargeback | RowType::ChargebackReversal
                ) =>
            {
                let amount = line
                    .local_amount
                    .or(line.gross_amount)
                    .or(line.net_amount)
                    .map(|a| a.normalize().to_string())
                    .unwrap_or_default();
                let at = line
                    .created_at
                    .or(line.approved_at)
                    .or(line.settled_at)
                    .map(|m| m.to_storage())
                    .unwrap_or_default();
                let base = format!(
                    "{}|{}|{}|{}|{}",
                    self.scope,
                    identity_kind(line),
                    id,
                    amount,
                    at
                );
                let n = self.occurrences.entry(base.clone()).or_insert(0);
                *n += 1;
                format!("{base}#{n}")
            }
            (IdentityRule::PspTxnId | IdentityRule::PspTxnIdReversalsByAmount, Some(id)) => {
                format!("{}|{}|{}", self.scope, identity_kind(line), id)
            }
            _ => {
                let n = self.occurrences.entry(content_hash.clone()).or_insert(0);
                *n += 1;
                format!("{}|fp:{}#{}", self.scope, content_hash, n)
            }
        };
        KeyedLine {
            identity,
            content_hash,
            content,
        }
    }
}

/// Writes lines of one file into the workspace, counting new, known and conflicting ones.
pub struct LineWriter {
    pub file_id: i64,
}

impl LineWriter {
    pub fn new(file_id: i64) -> LineWriter {
        LineWriter { file_id }
    }

    pub fn write_batch(&self, conn: &Connection, b: &SettlementBatch) -> rusqlite::Result<()> {
        conn.prepare_cached(
            "INSERT INTO settlement_batches(file_id, psp, batch_ref, currency, items, gross_total,
                 fee_total, net_total, transfer_date, row_no)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?
        .execute(params![
            self.file_id,
            b.psp,
            b.batch_ref,
            b.currency,
            b.items,
            decimal_text(&b.gross_total),
            decimal_text(&b.fee_total),
            decimal_text(&b.net_total),
            moment_text(&b.transfer_date),
            b.row as i64,
        ])?;
        Ok(())
    }

    /// Stores one line; updates the report's counts and adds a warning for in-file repeats.
    #[allow(clippy::too_many_arguments)]
    pub fn write(
        &self,
        conn: &Connection,
        keyed: &KeyedLine,
        line: &SettlementLine,
        sheet: Option<&str>,
        row: u64,
        raw: &StringRecord,
        report: &mut ImportReport,
        warn: impl Fn(&str, Msg) -> Problem,
    ) -> Result<(), rusqlite::Error> {
        let KeyedLine {
            identity,
            content_hash,
            content,
        } = keyed;
        let inserted = conn
            .prepare_cached(
                "INSERT INTO settlement_lines(identity, content_hash, file_id, sheet, row_no, psp,
                    batch_ref, row_type, raw_row_type, status, raw_status, merchant_ref, psp_txn_id,
                    psp_order_id, payment_method, payment_type, local_amount, local_currency,
                    gross_amount, fee_amount, tax_amount, net_amount, settlement_currency, fx_rate,
                    created_at, approved_at, settled_at, expires_at, payer_email, payer_document,
                    description, tax_detail)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                    ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32)
                 ON CONFLICT(identity) DO NOTHING",
            )?
            .execute(params![
                identity,
                content_hash,
                self.file_id,
                sheet,
                row as i64,
                line.psp,
                line.batch_ref,
                line.row_type.as_str(),
                line.raw_row_type,
                line.status.as_str(),
                line.raw_status,
                line.merchant_ref,
                line.psp_txn_id,
                line.psp_order_id,
                line.payment_method,
                line.payment_type,
                decimal_text(&line.local_amount),
                line.local_currency,
                decimal_text(&line.gross_amount),
                decimal_text(&line.fee_amount),
                decimal_text(&line.tax_amount),
                decimal_text(&line.net_amount),
                line.settlement_currency,
                decimal_text(&line.fx_rate),
                moment_text(&line.created_at),
                moment_text(&line.approved_at),
                moment_text(&line.settled_at),
                moment_text(&line.expires_at),
                line.payer_email,
                line.payer_document,
                line.description,
                line.tax_detail,
            ])?;
        if inserted == 1 {
            report.new += 1;
            return Ok(());
        }
        let (line_id, known_hash, known_file, known_row): (i64, String, i64, i64) = conn
            .prepare_cached(
                "SELECT id, content_hash, file_id, row_no FROM settlement_lines WHERE identity = ?1",
            )?
            .query_row([&identity], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        let same_file = known_file == self.file_id;
        if known_hash == *content_hash {
            report.known += 1;
            if same_file {
                report
                    .problems
                    .push(warn("repeated_row", msg!(w::REPEATED_ROW, known_row)));
            }
            return Ok(());
        }
        // The same other version seen before (a re-import of a file with a conflict): already
        // kept and flagged, so it is known, not a second conflict.
        let flagged_before: Option<i64> = conn
            .prepare_cached(
                "SELECT file_id FROM line_conflicts WHERE line_id = ?1 AND content_hash = ?2 LIMIT 1",
            )?
            .query_row(params![line_id, content_hash], |r| r.get(0))
            .optional()?;
        if flagged_before.is_some() {
            report.known += 1;
            report.problems.push(warn(
                "known_conflict",
                match line.psp_txn_id.as_deref() {
                    Some(id) => msg!(w::KNOWN_CONFLICT, id, known_row),
                    None => msg!(w::KNOWN_CONFLICT_LINE, known_row),
                },
            ));
            return Ok(());
        }
        report.conflicting += 1;
        let raw_json = serde_json::to_string(&raw.iter().collect::<Vec<_>>()).unwrap_or_default();
        conn.prepare_cached(
            "INSERT INTO line_conflicts(line_id, file_id, sheet, row_no, content_hash, line_json, raw)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![line_id, self.file_id, sheet, row as i64, content_hash, content, raw_json])?;
        let earlier: Option<String> = conn
            .query_row(
                "SELECT name FROM imported_files WHERE id = ?1",
                [known_file],
                |r| r.get(0),
            )
            .optional()?;
        let identity: Arg = match line.psp_txn_id.as_deref() {
            Some(id) => id.into(),
            None => msg!(w::FINGERPRINT).into(),
        };
        let from: Arg = match (same_file, earlier) {
            (true, _) => msg!(w::THIS_FILE).into(),
            (false, Some(name)) => name.into(),
            (false, None) => msg!(w::FILE_NUMBER, known_file).into(),
        };
        report.problems.push(warn(
            "conflicting_row",
            msg!(w::CONFLICTING_ROW, identity, from, known_row),
        ));
        Ok(())
    }
}
