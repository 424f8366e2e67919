//! Settlement rows to `SettlementLine`s and into the workspace, idempotently: a line's identity is
//! the PSP's transaction id where the format has one, else a fingerprint of its content plus its
//! occurrence number in the file. Same identity and content is "known"; same identity with other
//! content is a conflict, kept beside the first version and never merged into it.

use super::cells::CellReader;
use super::profile::{
    normalize_header, ChargeSign, Direction, Field, IdentityRule, Profile, RecordKind,
    UnknownRowType,
};
use super::report::{ImportReport, Problem, Severity};
use super::vocab;
use super::words as w;
use super::{decimal_text, moment_text};
use crate::model::{PaymentStatus, RowType, SettlementBatch, SettlementLine};
use crate::msg;
use crate::store::sha256_hex;
use crate::words::{Arg, Join, Msg};
use csv::StringRecord;
use rusqlite::{params, Connection, OptionalExtension};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};

/// A settlement row, read: a line, or one of the file's own balances and totals.
pub enum SettlementRow {
    Line(Box<SettlementLine>),
    Total(FileTotal),
}

/// A row that states a figure of the file instead of moving money (Mercado Pago's release
/// report: its opening balance, subtotals, total and informational balances).
#[derive(Clone, Debug)]
pub struct FileTotal {
    pub kind: RecordKind,
    /// For a subtotal, the record type it sums (its row-type cell, normalized).
    pub of: Option<String>,
    /// Credit minus debit (or the net column).
    pub net: Option<Decimal>,
    pub row: u64,
}

/// Reads a settlement row; a problem rejects the row, `warnings` collects what deserves a look.
#[allow(clippy::too_many_arguments)]
pub fn read_line(
    cells: &CellReader,
    profile: &Profile,
    rec: &StringRecord,
    row: u64,
    batch_ref: Option<&str>,
    unknown_values: &mut BTreeMap<(Field, String), u64>,
    warnings: &mut Vec<Problem>,
) -> Result<SettlementRow, Problem> {
    let record = record_kind(cells, profile, rec, row)?;
    let mut raw_row_type = cells.string(rec, Field::RowType);
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
    if !matches!(record, RecordKind::Money | RecordKind::Hold) {
        return Ok(SettlementRow::Total(FileTotal {
            kind: record,
            of: raw_row_type.as_deref().map(normalize_header),
            net: net_amount,
            row,
        }));
    }
    if record == RecordKind::Hold {
        // Keep which hold it is (`block`, `unblock`) beside what it is for (`dispute`).
        let kind = cells.text(rec, Field::RecordType).unwrap_or("hold");
        raw_row_type = Some(match raw_row_type {
            Some(what) => format!("{kind}:{what}"),
            None => kind.to_string(),
        });
    }
    let row_type = match &raw_row_type {
        _ if record == RecordKind::Hold => RowType::Hold,
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
        Some(raw) => {
            let word = normalize_header(raw);
            let own = profile.statuses.iter().find(|(k, _)| *k == word);
            own.map(|(_, s)| *s)
                .or_else(|| vocab::payment_status(&profile.source, raw))
                .unwrap_or_else(|| {
                    *unknown_values
                        .entry((Field::Status, raw.clone()))
                        .or_default() += 1;
                    PaymentStatus::Unknown
                })
        }
    };
    let mut local_amount = cells.amount(rec, row, Field::LocalAmount)?;
    let mut gross_amount = cells.amount(rec, row, Field::GrossAmount)?;
    let mut net_amount = net_amount;
    let mut fee_amount = cells.amount(rec, row, Field::FeeAmount)?;
    let mut tax_amount = cells.amount(rec, row, Field::TaxAmount)?;
    if profile.charge_sign == ChargeSign::Positive {
        fee_amount = fee_amount.map(negate);
        tax_amount = tax_amount.map(negate);
    }
    if profile.tax_in_fee {
        if let (Some(fee), Some(tax)) = (fee_amount, tax_amount) {
            fee_amount = Some(fee - tax);
        }
    }
    for extra in [Field::FinancingFee, Field::ShippingFee] {
        if let Some(v) = cells.amount(rec, row, extra)? {
            fee_amount = Some(fee_amount.unwrap_or_default() + v);
        }
    }
    // A row type whose amounts the file writes without a sign (a debit note) takes it from
    // the type.
    let direction = raw_row_type.as_deref().and_then(|raw| {
        let key = normalize_header(raw);
        profile
            .row_directions
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, d)| *d)
    });
    if let Some(d) = direction {
        for v in [&mut local_amount, &mut gross_amount, &mut net_amount]
            .into_iter()
            .flatten()
        {
            *v = match d {
                Direction::Debit => negate(v.abs()),
                Direction::Credit => v.abs(),
            };
        }
    }
    // A file without a net column settles the gross less what it charges.
    let has_net =
        cells.has(Field::NetAmount) || cells.has(Field::NetCredit) || cells.has(Field::NetDebit);
    if !has_net {
        if let Some(g) = gross_amount {
            net_amount = Some(g + fee_amount.unwrap_or_default() + tax_amount.unwrap_or_default());
        }
    }
    let fx_rate = cells.amount(rec, row, Field::FxRate)?;
    let local_currency = cells
        .currency(rec, Field::LocalCurrency)
        .or_else(|| local_amount.and(profile.default_local_currency.clone()));
    let settlement_currency = cells
        .currency(rec, Field::SettlementCurrency)
        .or_else(|| profile.default_settlement_currency.clone());
    for field in [
        Field::MerchantRef,
        Field::OriginalMerchantRef,
        Field::PspTxnId,
        Field::PspOrderId,
    ] {
        cells.check_identifier(rec, row, field, warnings);
    }
    Ok(SettlementRow::Line(Box::new(SettlementLine {
        psp: profile.source.clone(),
        batch_ref: cells
            .string(rec, Field::BatchRef)
            .or(batch_ref.map(str::to_string)),
        row_type,
        raw_row_type,
        status,
        raw_status,
        // A refund or chargeback names the order it reverses where the payment's own
        // reference would be.
        merchant_ref: cells
            .string(rec, Field::MerchantRef)
            .or_else(|| cells.string(rec, Field::OriginalMerchantRef)),
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
    })))
}

/// `-v`, but a zero stays a plain zero (`0.00`, never `-0.00`).
fn negate(v: Decimal) -> Decimal {
    if v.is_zero() {
        v
    } else {
        -v
    }
}

/// A statement block's amounts on the line read from its summary row: the sale is what the
/// buyer paid (settled in the same currency), the reversal of a bank transfer a payout.
pub fn apply_block(line: &mut SettlementLine, a: super::statement::BlockAmounts) {
    line.gross_amount = a.gross;
    line.fee_amount = a.fee;
    line.tax_amount = a.tax;
    line.tax_detail = a.tax_detail;
    line.net_amount = a.net;
    if matches!(
        line.row_type,
        RowType::Payment | RowType::Refund | RowType::Chargeback
    ) {
        line.local_amount = a.gross;
        line.local_currency = line
            .local_currency
            .clone()
            .or_else(|| line.settlement_currency.clone());
    } else {
        line.local_currency = None;
    }
    let reverses_transfer = line
        .payment_type
        .as_deref()
        .is_some_and(|t| normalize_header(t) == "PAYMENT_ORDER_REVERSION");
    if reverses_transfer {
        line.row_type = RowType::Payout;
    }
}

/// What kind of record a row is: money, unless the profile reads a record-type column.
fn record_kind(
    cells: &CellReader,
    profile: &Profile,
    rec: &StringRecord,
    row: u64,
) -> Result<RecordKind, Problem> {
    if profile.record_kinds.is_empty() {
        return Ok(RecordKind::Money);
    }
    let Some(raw) = cells.text(rec, Field::RecordType) else {
        return Ok(RecordKind::Money);
    };
    let key = normalize_header(raw);
    match profile.record_kinds.iter().find(|(k, _)| *k == key) {
        Some((_, kind)) => Ok(*kind),
        None => {
            let known: Vec<Arg> = profile
                .record_kinds
                .iter()
                .map(|(k, _)| Arg::from(k.to_lowercase()))
                .collect();
            Err(cells.problem(
                row,
                cells.column_of(Field::RecordType),
                Severity::Error,
                "unknown_record_type",
                msg!(w::UNKNOWN_RECORD_TYPE, raw, Arg::list(known, Join::Comma)),
            ))
        }
    }
}

/// What a file says of itself beside its lines: its balance and total rows, and its lines' net
/// by record type (a subtotal sums one).
#[derive(Default)]
pub struct FileTotals {
    pub rows: Vec<FileTotal>,
    sums: BTreeMap<String, Decimal>,
    /// Every line the file lists (money and holds), and their net.
    lines: i64,
    net: Decimal,
}

impl FileTotals {
    /// Counts a line's net under its record type (the normalized `RECORD_TYPE`, or none).
    pub fn add(&mut self, record: Option<&str>, line: &SettlementLine) {
        self.lines += 1;
        self.net += line.net_amount.unwrap_or_default();
        if let Some(net) = line.net_amount {
            *self
                .sums
                .entry(record.map(normalize_header).unwrap_or_default())
                .or_default() += net;
        }
    }

    /// Checks each subtotal against the lines it sums (a warning when they differ), and gives
    /// the file's total as a batch of its own: what its movements must add up to (the total
    /// less the opening balance), tied out at every reconciliation like dLocal's summary.
    pub fn finish(
        &self,
        profile: &Profile,
        cells: &CellReader,
        problems: &mut Vec<Problem>,
    ) -> Option<SettlementBatch> {
        let currency = profile.default_settlement_currency.clone();
        let money = |v: Decimal| Arg::money(v, currency.as_deref());
        for t in &self.rows {
            if let (RecordKind::Subtotal, Some(of), Some(net)) = (t.kind, &t.of, t.net) {
                let lines = self.sums.get(of).copied().unwrap_or_default();
                if lines != net {
                    problems.push(cells.problem(
                        t.row,
                        cells.column_of(Field::RecordType),
                        Severity::Warning,
                        "subtotal_differs",
                        msg!(
                            w::SUBTOTAL_DIFFERS,
                            of.to_lowercase(),
                            money(net),
                            money(lines)
                        ),
                    ));
                }
            }
        }
        let opening: Decimal = self
            .rows
            .iter()
            .filter(|t| t.kind == RecordKind::OpeningBalance)
            .filter_map(|t| t.net)
            .sum();
        let total = self
            .rows
            .iter()
            .rev()
            .find(|t| t.kind == RecordKind::Total && t.net.is_some())?;
        Some(SettlementBatch {
            psp: profile.source.clone(),
            batch_ref: None,
            currency,
            items: None,
            gross_total: None,
            fee_total: None,
            net_total: total.net.map(|n| n - opening),
            transfer_date: None,
            row: total.row,
            rows: Some(self.lines),
            rows_net: Some(self.net),
        })
    }
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
            rows: None,
            rows_net: None,
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

/// The time in an amount-and-time identity: when the row was created, else when it settled
/// (the release report's own DATE), else approved. (The release report's approval date, mapped
/// later, comes last so that its rows keep the identities they were first given.)
fn identity_time(line: &SettlementLine) -> String {
    line.created_at
        .or(line.settled_at)
        .or(line.approved_at)
        .map(|m| m.to_storage())
        .unwrap_or_default()
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
    /// Under `PspTxnIdReversalsByAmount`, the content of the first row each id-and-kind identity
    /// was given to in this file: a later row with that identity and other content is another
    /// movement, not a changed copy (see [`LineKeyer::key`]).
    first_content: HashMap<String, String>,
}

impl LineKeyer {
    pub fn new(profile: &Profile) -> LineKeyer {
        LineKeyer {
            scope: profile.identity_scope.clone(),
            identity_rule: profile.identity,
            occurrences: HashMap::new(),
            first_content: HashMap::new(),
        }
    }

    pub fn key(&mut self, line: &SettlementLine) -> KeyedLine {
        let content = serde_json::to_string(line).unwrap_or_default();
        let content_hash = sha256_hex(content.as_bytes());
        let identity = match (&self.identity_rule, &line.psp_txn_id) {
            (IdentityRule::PspTxnIdReversalsByAmount, Some(id))
                if matches!(
                    line.row_type,
                    RowType::Refund
                        | RowType::Chargeback
                        | RowType::ChargebackReversal
                        | RowType::Hold
                ) =>
            {
                // A hold and its release share the payment's id and move the net amount.
                let amount = if line.row_type == RowType::Hold {
                    line.net_amount.or(line.local_amount).or(line.gross_amount)
                } else {
                    line.local_amount.or(line.gross_amount).or(line.net_amount)
                }
                .map(|a| a.normalize().to_string())
                .unwrap_or_default();
                let at = identity_time(line);
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
            (IdentityRule::PspTxnIdReversalsByAmount, Some(id))
                if matches!(
                    line.row_type,
                    RowType::Fee | RowType::Tax | RowType::Adjustment
                ) =>
            {
                // One id can carry several rows of one kind (Mercado Pago's release report
                // writes a `tax_withdholding` row per tax withheld from a payment, a shipping
                // charge and its refund are both fees): the first keeps the plain identity (as
                // files imported before were given it), a later one with other content gets its
                // amount and time, so it is a line of its own, never a conflict.
                let plain = format!("{}|{}|{}", self.scope, identity_kind(line), id);
                match self.first_content.get(&plain) {
                    None => {
                        self.first_content
                            .insert(plain.clone(), content_hash.clone());
                        plain
                    }
                    Some(first) if *first == content_hash => plain,
                    Some(_) => {
                        let amount = line
                            .net_amount
                            .or(line.tax_amount)
                            .or(line.local_amount)
                            .map(|a| a.normalize().to_string())
                            .unwrap_or_default();
                        let base = format!("{plain}|{amount}|{}", identity_time(line));
                        let n = self.occurrences.entry(base.clone()).or_insert(0);
                        *n += 1;
                        format!("{base}#{n}")
                    }
                }
            }
            // A payment or payout repeated with other content is a changed copy: a conflict.
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
                 fee_total, net_total, transfer_date, row_no, file_rows, file_rows_net)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
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
            b.rows,
            decimal_text(&b.rows_net),
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
