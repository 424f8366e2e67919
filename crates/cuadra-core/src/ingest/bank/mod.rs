//! Bank statements into a workspace: ISO 20022 camt.053 and SWIFT MT940, recognised by content,
//! read whole, checked (each statement's opening balance plus its credits minus its debits must
//! be its closing balance), and stored in ONE transaction with the file's original bytes, like
//! every other import. A statement with any unreadable entry, or that does not add up, is
//! refused whole: its balances are the proof that no entry is missing, so there is no
//! `--skip-bad-rows` for statements. Entries are known by the bank's own reference (camt.053
//! `AcctSvcrRef`, MT940 `//` reference) and its occurrence in the file, else by a fingerprint
//! (account, booking date, amount, text) and its occurrence: the same statement downloaded
//! twice, or two overlapping statements, add nothing. This module never matches payouts.

mod camt053;
mod mt940;

use super::{file_problem, limit_problems, words, ImportOptions, ImportReport, IngestError};
use super::{Outcome, Problem, Severity};
use crate::msg;
use crate::store::{store_blob, Workspace};
use crate::words::Arg;
use chrono::{NaiveDate, SecondsFormat};
use rusqlite::{params, OptionalExtension};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The bank statement formats Cuadra reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BankFormat {
    Camt053,
    Mt940,
}

impl BankFormat {
    /// The format's name in reports and in `imported_files.format` (also a `--profile` value).
    pub fn name(self) -> &'static str {
        match self {
            BankFormat::Camt053 => "camt.053",
            BankFormat::Mt940 => "mt940",
        }
    }

    pub fn from_name(name: &str) -> Option<BankFormat> {
        match name {
            "camt.053" | "camt053" => Some(BankFormat::Camt053),
            "mt940" => Some(BankFormat::Mt940),
            _ => None,
        }
    }
}

/// The `imported_files.kind` of a bank statement file.
pub const BANK_STATEMENT_KIND: &str = "bank_statement";

/// One statement as read from a file, before storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedStatement {
    pub format: BankFormat,
    /// The line where the statement starts.
    pub row: u64,
    pub statement_ref: String,
    pub sequence: Option<String>,
    pub account: String,
    pub currency: String,
    pub from_date: NaiveDate,
    pub to_date: NaiveDate,
    /// Signed: a debit (overdrawn) balance is negative.
    pub opening_balance: Decimal,
    pub closing_balance: Decimal,
    pub entries: Vec<ParsedEntry>,
}

impl ParsedStatement {
    pub fn credits(&self) -> Decimal {
        self.entries
            .iter()
            .filter(|e| e.amount > Decimal::ZERO)
            .map(|e| e.amount)
            .sum()
    }

    /// The debits as a positive total.
    pub fn debits(&self) -> Decimal {
        -self
            .entries
            .iter()
            .filter(|e| e.amount < Decimal::ZERO)
            .map(|e| e.amount)
            .sum::<Decimal>()
    }
}

/// One booked entry as read from a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedEntry {
    /// The MT940 line of its `:61:`, or the XML line of its `<Ntry>`.
    pub row: u64,
    pub booking_date: NaiveDate,
    pub value_date: Option<NaiveDate>,
    /// Signed: money in is positive, money out negative (a reversal of a credit is negative).
    pub amount: Decimal,
    pub currency: String,
    /// Money in (a credit, or a reversed debit).
    pub credit: bool,
    pub reversal: bool,
    pub bank_ref: Option<String>,
    pub customer_ref: Option<String>,
    pub tx_code: Option<String>,
    pub remittance: Option<String>,
    pub counterparty: Option<String>,
}

/// A problem found while reading a statement, positioned in the file.
#[derive(Clone, Debug)]
pub(crate) struct StatementProblem {
    pub(crate) row: Option<u64>,
    pub(crate) column: Option<String>,
    pub(crate) code: &'static str,
    pub(crate) message: crate::words::Msg,
}

fn shorten(s: &str) -> String {
    super::shorten_cell(s)
}

/// The bank statement format of a file, from its first bytes: a camt.053 namespace in an XML
/// document, or MT940 tags (`:20:` then `:25:` and an opening balance) at the start of lines.
pub fn sniff(bytes: &[u8]) -> Option<BankFormat> {
    let head = &bytes[..bytes.len().min(8192)];
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with('<') {
        return text
            .contains("urn:iso:std:iso:20022:tech:xsd:camt.053.")
            .then_some(BankFormat::Camt053);
    }
    let mut tags = text.lines().filter_map(|l| {
        let l = l.trim_start();
        let l = match l.find("{4:") {
            Some(at) if l.starts_with('{') => &l[at + 3..],
            _ => l,
        };
        l.strip_prefix(':')
            .and_then(|r| r.split(':').next())
            .map(str::to_string)
    });
    let first = tags.next()?;
    let rest: Vec<String> = tags.collect();
    (first == "20"
        && rest.iter().any(|t| t == "25")
        && rest.iter().any(|t| t == "60F" || t == "60M"))
    .then_some(BankFormat::Mt940)
}

/// Reads a statement file's text into its statements (no storage): the parsers' entry point,
/// also for tests. Warnings are problems that do not stop the file.
pub fn parse_statements(
    display: &str,
    format: BankFormat,
    bytes: &[u8],
) -> (Vec<ParsedStatement>, Vec<Problem>) {
    let mut warnings = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => std::borrow::Cow::Borrowed(t.trim_start_matches('\u{feff}')),
        Err(_) if format == BankFormat::Mt940 => {
            // SWIFT's character set is ASCII; banks that export MT940 outside SWIFT write
            // accents in Windows-1252.
            let (t, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            t
        }
        Err(e) => {
            let p = file_problem(
                display,
                "statement_not_utf8",
                msg!(words::STATEMENT_NOT_UTF8, e.to_string()),
            );
            return (Vec::new(), vec![p]);
        }
    };
    let parsed = match format {
        BankFormat::Camt053 => camt053::parse(&text, &mut warnings),
        BankFormat::Mt940 => mt940::parse(&text),
    };
    let to_problem = |p: StatementProblem, severity: Severity| Problem {
        file: display.to_string(),
        sheet: None,
        row: p.row,
        column: p.column,
        severity,
        code: p.code.into(),
        message: p.message,
    };
    let mut problems: Vec<Problem> = warnings
        .into_iter()
        .map(|p| to_problem(p, Severity::Warning))
        .collect();
    match parsed {
        Ok(statements) => (statements, problems),
        Err(errors) => {
            problems.extend(errors.into_iter().map(|p| to_problem(p, Severity::Error)));
            (Vec::new(), problems)
        }
    }
}

/// The balance check of one statement: a problem naming the statement and both figures when
/// opening + credits - debits is not the closing balance.
pub fn balance_problem(display: &str, s: &ParsedStatement) -> Option<Problem> {
    let expected = s.opening_balance + s.credits() - s.debits();
    if expected == s.closing_balance {
        return None;
    }
    let money = |d: Decimal| Arg::money(d, Some(&s.currency));
    Some(Problem {
        file: display.to_string(),
        sheet: None,
        row: Some(s.row),
        column: Some(match s.format {
            BankFormat::Mt940 => ":62F:".into(),
            BankFormat::Camt053 => "Bal CLBD".into(),
        }),
        severity: Severity::Error,
        code: "statement_unbalanced".into(),
        message: msg!(
            words::STATEMENT_UNBALANCED,
            s.statement_ref.as_str(),
            s.account.as_str(),
            money(s.opening_balance),
            money(s.credits()),
            money(s.debits()),
            money(expected),
            money(s.closing_balance)
        ),
    })
}

/// An entry's identity: the bank's reference with its occurrence in the file, else the
/// fingerprint with its occurrence.
fn identity(s: &ParsedStatement, e: &ParsedEntry, seen: &mut HashMap<String, u32>) -> String {
    let base = match &e.bank_ref {
        Some(r) => format!("ref:{}:{}:{}", s.account, e.currency, r),
        None => format!(
            "fp:{}:{}:{}:{}:{}",
            s.account,
            e.currency,
            e.booking_date,
            e.amount.normalize(),
            e.remittance.as_deref().unwrap_or("")
        ),
    };
    let n = seen.entry(base.clone()).or_insert(0);
    *n += 1;
    format!("{base}#{n}")
}

fn content_hash(e: &ParsedEntry) -> String {
    let text = format!(
        "{}\n{:?}\n{}\n{}\n{}\n{}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        e.booking_date,
        e.value_date,
        e.amount.normalize(),
        e.currency,
        e.credit,
        e.reversal,
        e.bank_ref,
        e.customer_ref,
        e.tx_code,
        e.remittance,
        e.counterparty
    );
    crate::store::sha256_hex(text.as_bytes())
}

/// Imports a bank statement file (its format already sniffed). Same contract as every import:
/// nothing is written unless the whole file is.
#[allow(clippy::too_many_arguments)]
pub(super) fn import_statement_file(
    ws: &mut Workspace,
    display: &str,
    name: &str,
    bytes: &[u8],
    sha256: &str,
    format: BankFormat,
    opts: &ImportOptions,
) -> Result<ImportReport, IngestError> {
    let mut report = ImportReport::new(display, bytes.len() as u64);
    report.sha256 = Some(sha256.to_string());
    report.format = Some(format.name().to_string());
    report.rows_chain.start(sha256);
    let (statements, mut problems) = parse_statements(display, format, bytes);
    for s in &statements {
        problems.extend(balance_problem(display, s));
    }
    report.rows = statements.iter().map(|s| s.entries.len() as u64).sum();
    let refused = problems.iter().any(|p| p.severity == Severity::Error);
    report.problems = problems;
    if refused {
        report.rejected = report.rows;
        report.problems.push(file_problem(
            display,
            "statement_refused",
            msg!(words::STATEMENT_REFUSED),
        ));
        limit_problems(&mut report);
        return Ok(report);
    }
    let Ok(compressed) = crate::store::compress_original(bytes) else {
        report.problems.push(file_problem(
            display,
            "compression_failed",
            msg!(words::COMPRESSION_FAILED),
        ));
        return Ok(report);
    };
    let tx = ws
        .conn_mut()
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    tx.execute(
        "INSERT INTO imported_files(id, sha256, name, size, kind, format, encoding, delimiter,
            sheet, imported_at, imported_by, rows_total, rows_new, rows_known, rows_conflicting,
            rows_updated, rows_rejected, compression)
         VALUES ((SELECT max(n) + 1 FROM (SELECT coalesce(max(id), 0) AS n FROM imported_files
                  UNION ALL SELECT coalesce(max(file_id), 0) FROM purged_files)),
            ?1, ?2, ?3, ?4, ?5, NULL, NULL, NULL, ?6, ?7, 0, 0, 0, 0, 0, 0, 'zstd')",
        params![
            sha256,
            name,
            bytes.len() as i64,
            BANK_STATEMENT_KIND,
            format.name(),
            opts.now.to_rfc3339_opts(SecondsFormat::Secs, true),
            opts.actor,
        ],
    )?;
    let file_id = tx.last_insert_rowid();
    store_blob(&tx, file_id, &compressed)?;
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut statements_new = 0u64;
    {
        let mut find_statement =
            tx.prepare_cached("SELECT id FROM bank_statements WHERE identity = ?1")?;
        let mut insert_statement = tx.prepare_cached(
            "INSERT INTO bank_statements(identity, file_id, row_no, format, statement_ref,
                sequence, account, currency, from_date, to_date, opening_balance,
                closing_balance, credits_total, debits_total, entries)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        )?;
        let mut find_entry = tx.prepare_cached(
            "SELECT e.content_hash, f.name, e.row_no FROM bank_entries e
               JOIN imported_files f ON f.id = e.file_id WHERE e.identity = ?1",
        )?;
        let mut insert_entry = tx.prepare_cached(
            "INSERT INTO bank_entries(identity, content_hash, statement_id, file_id, row_no,
                account, booking_date, value_date, amount, currency, direction, reversal,
                bank_ref, customer_ref, tx_code, remittance, counterparty)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        )?;
        for s in &statements {
            // The sequence too: the pages of one MT940 statement (`:60M:`/`:62M:`) share its
            // `:20:` and dates, and differ by `:28C:`.
            let s_identity = format!(
                "{}:{}:{}:{}:{}:{}",
                s.account,
                s.currency,
                s.statement_ref,
                s.sequence.as_deref().unwrap_or(""),
                s.from_date,
                s.to_date
            );
            let statement_id = match find_statement
                .query_row([&s_identity], |r| r.get::<_, i64>(0))
                .optional()?
            {
                Some(id) => id,
                None => {
                    insert_statement.execute(params![
                        s_identity,
                        file_id,
                        s.row as i64,
                        s.format.name(),
                        s.statement_ref,
                        s.sequence,
                        s.account,
                        s.currency,
                        s.from_date.to_string(),
                        s.to_date.to_string(),
                        s.opening_balance.to_string(),
                        s.closing_balance.to_string(),
                        s.credits().to_string(),
                        s.debits().to_string(),
                        s.entries.len() as i64,
                    ])?;
                    statements_new += 1;
                    tx.last_insert_rowid()
                }
            };
            for e in &s.entries {
                let id = identity(s, e, &mut seen);
                let hash = content_hash(e);
                report.rows_chain.add(&id, &hash);
                let known: Option<(String, String, i64)> = find_entry
                    .query_row([&id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                    .optional()?;
                match known {
                    Some((h, _, _)) if h == hash => report.known += 1,
                    Some((_, first_file, first_row)) => {
                        // The bank's reference is the entry's identity: a different amount,
                        // date or text under it is the bank's correction or an error, for a
                        // person to judge. The first version stays; this one is reported.
                        report.conflicting += 1;
                        report.problems.push(Problem {
                            file: display.to_string(),
                            sheet: None,
                            row: Some(e.row),
                            column: Some(match format {
                                BankFormat::Mt940 => ":61:".into(),
                                BankFormat::Camt053 => "Ntry".into(),
                            }),
                            severity: Severity::Warning,
                            code: "entry_conflict".into(),
                            message: msg!(
                                words::ENTRY_CONFLICT,
                                e.bank_ref.clone().unwrap_or_default(),
                                first_file,
                                first_row
                            ),
                        });
                    }
                    None => {
                        insert_entry.execute(params![
                            id,
                            hash,
                            statement_id,
                            file_id,
                            e.row as i64,
                            s.account,
                            e.booking_date.to_string(),
                            e.value_date.map(|d| d.to_string()),
                            e.amount.to_string(),
                            e.currency,
                            if e.credit { "credit" } else { "debit" },
                            e.reversal as i64,
                            e.bank_ref,
                            e.customer_ref,
                            e.tx_code,
                            e.remittance,
                            e.counterparty,
                        ])?;
                        report.new += 1;
                    }
                }
            }
        }
    }
    limit_problems(&mut report);
    super::job::store_problems(&tx, file_id, &report.problems)?;
    tx.execute(
        "UPDATE imported_files SET rows_total = ?1, rows_new = ?2, rows_known = ?3,
            rows_conflicting = ?4 WHERE id = ?5",
        params![
            report.rows as i64,
            report.new as i64,
            report.known as i64,
            report.conflicting as i64,
            file_id
        ],
    )?;
    if opts.dry_run {
        report.outcome = Outcome::DryRun;
        drop(tx);
        return Ok(report);
    }
    crate::audit::append(
        &tx,
        &crate::audit::NewEvent {
            at: opts.now,
            actor: opts.actor.clone(),
            action: "import".into(),
            subject: format!("file:{file_id}"),
            before: None,
            after: Some(
                serde_json::json!({
                    "name": name,
                    "sha256": sha256,
                    "size": bytes.len(),
                    "kind": BANK_STATEMENT_KIND,
                    "format": format.name(),
                    "statements": statements.len(),
                    "statements_new": statements_new,
                    "rows_root": report.rows_chain.root(),
                    "rows": {
                        "total": report.rows,
                        "new": report.new,
                        "known": report.known,
                        "conflicting": report.conflicting,
                        "updated": 0,
                        "rejected": 0,
                    },
                })
                .to_string(),
            ),
            reason: None,
            note: None,
        },
    )?;
    crate::audit::crash_point("import");
    tx.commit()?;
    report.outcome = Outcome::Imported;
    report.file_id = Some(file_id);
    Ok(report)
}
