//! Importing files into a workspace: detect the layout, read every row into the normalized model,
//! and write the file, its rows, its problems and its original bytes in ONE transaction, so a file
//! is in the workspace whole or not at all. A file already imported (same SHA-256) changes nothing.
//! This module never guesses silently: every skipped or doubtful row is a problem in the report.

// A row's error is a `Problem` value (file, sheet, row, column, message) returned up to the
// report; rows in error are few, so its size on the error path costs nothing worth a Box.
#![allow(clippy::result_large_err)]

mod cells;
pub mod custom;
mod orders;
pub mod preview;
pub mod profile;
mod report;
mod settlement;
mod source;
mod statement;
mod stream;
pub mod vocab;
pub use crate::words::ingest as words;

pub use profile::{builtin_profiles, header_signature, normalize_header, Field, Profile};
pub use report::{column_letter, ImportReport, Outcome, Problem, Severity, ZoneFrom};
pub use settlement::pair_same_money;

use crate::model::FileKind;
use crate::money::DecimalMark;
use crate::msg;
use crate::store::{
    compress_original, file_by_sha256, sha256_hex, store_blob, StoreError, Workspace,
};
use crate::time::parse_zone;
use crate::words::{Arg, Join, Msg};
use cells::CellReader;
use chrono::{DateTime, SecondsFormat, Utc};
use chrono_tz::Tz;
use csv::StringRecord;
use rusqlite::{params, Connection};
use source::{delimiter_name, is_blank, RowReader, Source};
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::path::Path;

/// How many header candidates are looked at before a layout is declared unknown.
const HEADER_SCAN_ROWS: usize = 30;
/// Rows handed from the parsing thread to the writing thread at a time.
const PARSE_BATCH: usize = 1024;

/// One data row as the parsing thread hands it over.
enum ParsedRow {
    Line {
        row: u64,
        keyed: settlement::KeyedLine,
        line: Box<crate::model::SettlementLine>,
        raw: StringRecord,
        warnings: Vec<Problem>,
    },
    /// One of the file's own balances or totals (kept by the parser in its `FileTotals`).
    Total(Vec<Problem>),
    Rejected(Problem, Vec<Problem>),
    Unreadable(Problem),
}

/// What the order-parsing thread hands over, in file order.
enum OrderEvent {
    Problem {
        problem: Problem,
        rejected: u64,
    },
    Order {
        row: u64,
        order: Box<crate::model::ShopOrder>,
        warnings: Vec<Problem>,
    },
    /// An order's rows are not contiguous: the file must be read again, grouping in memory.
    Regroup,
}

/// Batches order events to the writing thread.
struct OrderEvents {
    sender: std::sync::mpsc::SyncSender<Vec<OrderEvent>>,
    batch: Vec<OrderEvent>,
}

impl OrderEvents {
    fn new(sender: std::sync::mpsc::SyncSender<Vec<OrderEvent>>) -> OrderEvents {
        OrderEvents {
            sender,
            batch: Vec::with_capacity(PARSE_BATCH),
        }
    }

    /// Queues an event; false once the writer has stopped listening.
    fn push(&mut self, event: OrderEvent) -> bool {
        self.batch.push(event);
        if self.batch.len() < PARSE_BATCH {
            return true;
        }
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(PARSE_BATCH));
        self.sender.send(batch).is_ok()
    }

    fn finish(self) {
        let _ = self.sender.send(self.batch);
    }
}

/// Problems that make the whole file unreadable as it is: it is refused even with
/// [`BadRowPolicy::SkipRows`], since the rows that read without an error may be misread too.
const REFUSES_FILE: &[&str] = &[
    "bad_csv",
    "open_quote",
    "quote_closed_early",
    "file_cut_off",
    "row_too_short",
    "row_too_wide",
    "ragged_row",
    "missing_money_column",
    "two_digit_year",
    "date_order_ambiguous",
    "date_order_mixed",
    "date_order_contradicted",
];

/// Problems listed in one report; the rest are counted in a last line.
const MAX_LISTED_PROBLEMS: usize = 1000;

/// What to do with a file some of whose rows cannot be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BadRowPolicy {
    /// Import nothing from the file and list the problems (the default: books stay complete).
    RejectFile,
    /// Import the readable rows; the others are listed as rejected and kept with the file.
    SkipRows,
}

/// How to import.
#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// A profile name to use instead of detection (built-in like `shopify`, or a saved one).
    pub profile: Option<String>,
    pub dry_run: bool,
    pub bad_rows: BadRowPolicy,
    /// Who imports (recorded with the file).
    pub actor: String,
    /// The time recorded as the import time (passed in: business logic never reads the clock).
    pub now: DateTime<Utc>,
}

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{}", crate::store::sql_msg(.0).render_inline(crate::words::Lang::En))]
    Sql(#[from] rusqlite::Error),
    #[error("there is no profile named '{0}': built-in ones are {1}")]
    UnknownProfile(String, String),
    #[error("the import was cancelled; nothing of the file was written")]
    Cancelled,
}

impl IngestError {
    /// What went wrong and what to do, in the reader's language (see `StoreError::msg`).
    pub fn msg(&self) -> crate::words::Msg {
        match self {
            IngestError::Store(e) => e.msg(),
            IngestError::Sql(e) => crate::store::sql_msg(e),
            IngestError::UnknownProfile(name, known) => {
                msg!(words::UNKNOWN_PROFILE, name, known)
            }
            IngestError::Cancelled => msg!(words::CANCELLED),
        }
    }
}

/// What a caller running an import in the background watches and controls: the rows read so
/// far, and a flag that cancels the import (its transaction rolls back; nothing is written).
#[derive(Clone, Debug, Default)]
pub struct ImportHooks {
    pub rows: std::sync::Arc<std::sync::atomic::AtomicU64>,
    pub cancel: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

/// How often (in rows) the hooks are updated and the cancel flag is looked at.
const HOOK_EVERY: u64 = 2048;

/// Imports a file from disk. File-level problems (unreadable, unknown layout, bad rows) are in the
/// report; only workspace failures are errors.
pub fn import_path(
    ws: &mut Workspace,
    path: &Path,
    opts: &ImportOptions,
) -> Result<ImportReport, IngestError> {
    import_path_with(ws, path, opts, None)
}

/// [`import_path`] with progress and cancellation ([`ImportHooks`]). A cancelled import returns
/// [`IngestError::Cancelled`] and writes nothing.
pub fn import_path_with(
    ws: &mut Workspace,
    path: &Path,
    opts: &ImportOptions,
    hooks: Option<&ImportHooks>,
) -> Result<ImportReport, IngestError> {
    let display = path.display().to_string();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| display.clone());
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size >= stream::STREAM_THRESHOLD {
        // A large file is hashed and checked in one streaming pass, then read again in chunks:
        // it is never held in memory whole (unless it is a workbook or not UTF-8).
        let scan = match stream::scan_file(path) {
            Ok(scan) => scan,
            Err(e) => return Ok(unreadable(&display, e)),
        };
        if let Some(source) = Source::open_large_text(path, &scan) {
            let origin = Origin::File(path);
            return import_source(
                ws,
                &display,
                &name,
                origin,
                scan.size,
                &scan.sha256,
                Ok(source),
                opts,
                hooks,
            );
        }
    }
    match std::fs::read(path) {
        Ok(bytes) => {
            let sha256 = sha256_hex(&bytes);
            let source = Source::open(&display, &bytes).map_err(|e| (e.code, e.message, e.row));
            import_source(
                ws,
                &display,
                &name,
                Origin::Bytes(&bytes),
                bytes.len() as u64,
                &sha256,
                source,
                opts,
                hooks,
            )
        }
        Err(e) => Ok(unreadable(&display, e)),
    }
}

fn unreadable(display: &str, e: std::io::Error) -> ImportReport {
    let mut report = ImportReport::new(display, 0);
    report.problems.push(file_problem(
        display,
        "unreadable_file",
        msg!(words::UNREADABLE_FILE, e.to_string()),
    ));
    report
}

/// Imports a file's bytes under `name` (`display` is how messages refer to it).
pub fn import_bytes(
    ws: &mut Workspace,
    display: &str,
    name: &str,
    bytes: &[u8],
    opts: &ImportOptions,
) -> Result<ImportReport, IngestError> {
    let sha256 = sha256_hex(bytes);
    let source = Source::open(display, bytes).map_err(|e| (e.code, e.message, e.row));
    import_source(
        ws,
        display,
        name,
        Origin::Bytes(bytes),
        bytes.len() as u64,
        &sha256,
        source,
        opts,
        None,
    )
}

/// Where an import's original bytes are: in memory, or in a large file read from disk.
#[derive(Clone, Copy)]
enum Origin<'a> {
    Bytes(&'a [u8]),
    File(&'a Path),
}

impl Origin<'_> {
    fn compress(self) -> std::io::Result<Vec<u8>> {
        match self {
            Origin::Bytes(bytes) => compress_original(bytes),
            Origin::File(path) => stream::compress_file(path),
        }
    }
}

type OpenResult<'a> = Result<Source<'a>, (&'static str, Msg, Option<u64>)>;

#[allow(clippy::too_many_arguments)]
fn import_source(
    ws: &mut Workspace,
    display: &str,
    name: &str,
    origin: Origin<'_>,
    size: u64,
    sha256: &str,
    source: OpenResult<'_>,
    opts: &ImportOptions,
    hooks: Option<&ImportHooks>,
) -> Result<ImportReport, IngestError> {
    let mut report = ImportReport::new(display, size);
    report.sha256 = Some(sha256.to_string());
    if let Some(known) = file_by_sha256(ws.conn(), sha256)? {
        report.outcome = Outcome::AlreadyImported;
        report.file_id = Some(known.id);
        report.format = Some(known.format);
        report.first_imported_at = Some(known.imported_at);
        report.first_imported_as = Some(known.name);
        report.kind = match known.kind.as_str() {
            "orders" => Some(FileKind::Orders),
            _ => Some(FileKind::Settlement),
        };
        return Ok(report);
    }
    let source = match source {
        Ok(s) => s,
        Err((code, message, row)) => {
            let mut p = file_problem(display, code, message);
            p.row = row;
            report.problems.push(p);
            return Ok(report);
        }
    };
    let profiles = candidate_profiles(ws, opts.profile.as_deref())?;
    let zone = ws.zone()?;
    let psp_zones = ws.psp_zones()?;
    let job = Job {
        display,
        name,
        origin,
        size,
        sha256,
        source: &source,
        profiles: &profiles,
        forced: opts.profile.is_some(),
        zone,
        psp_zones: &psp_zones,
        recount: ws.derived().recount,
        opts,
        hooks,
    };
    let mut result = job.run(ws.conn_mut(), false)?;
    if result.regroup {
        // An order's rows were not contiguous: redo the file grouping every order in memory.
        result = job.run(ws.conn_mut(), true)?;
    }
    Ok(result.report)
}

fn file_problem(file: &str, code: &str, message: Msg) -> Problem {
    Problem {
        file: file.to_string(),
        sheet: None,
        row: None,
        column: None,
        severity: Severity::Error,
        code: code.into(),
        message,
    }
}

/// Saved profiles (user mappings) first, then the built-in ones; or only the one asked for.
fn candidate_profiles(
    ws: &Workspace,
    forced: Option<&str>,
) -> Result<Vec<(Option<String>, Profile)>, IngestError> {
    let mut out = Vec::new();
    let mut stmt = ws
        .conn()
        .prepare("SELECT name, header_signature, definition FROM profiles ORDER BY name")?;
    let saved = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    for row in saved {
        let (name, signature, definition) = row?;
        if let Ok(p) = serde_json::from_str::<Profile>(&definition) {
            if forced.is_none_or(|f| f == name) {
                out.push((Some(signature), p));
            }
        }
    }
    for p in builtin_profiles() {
        if forced.is_none_or(|f| f == p.name) {
            out.push((None, p));
        }
    }
    if let (Some(f), true) = (forced, out.is_empty()) {
        let names: Vec<String> = builtin_profiles().into_iter().map(|p| p.name).collect();
        return Err(IngestError::UnknownProfile(f.to_string(), names.join(", ")));
    }
    Ok(out)
}

/// One file's import, re-runnable (the regroup pass runs it twice).
struct Job<'a> {
    display: &'a str,
    name: &'a str,
    origin: Origin<'a>,
    size: u64,
    sha256: &'a str,
    source: &'a Source<'a>,
    profiles: &'a [(Option<String>, Profile)],
    forced: bool,
    /// The workspace zone (setting `zone`).
    zone: Tz,
    /// Zones set per PSP (settings `zone.<psp>`).
    psp_zones: &'a HashMap<String, Tz>,
    /// Recounts the dashboard's rollups in the import's transaction (see `store::Derived`).
    recount: fn(&Connection) -> Result<(), StoreError>,
    opts: &'a ImportOptions,
    hooks: Option<&'a ImportHooks>,
}

impl Job<'_> {
    /// Publishes the rows read so far; stops the import when the caller cancelled it.
    fn tick(&self, rows: u64) -> Result<(), IngestError> {
        use std::sync::atomic::Ordering;
        if let Some(hooks) = self.hooks {
            hooks.rows.store(rows, Ordering::Relaxed);
            if hooks.cancel.load(Ordering::Relaxed) {
                return Err(IngestError::Cancelled);
            }
        }
        Ok(())
    }
}

struct RunResult {
    report: ImportReport,
    regroup: bool,
}

/// A part of the file whose header was recognised.
struct Detected<'s> {
    profile: Profile,
    sheet: Option<String>,
    header: StringRecord,
    header_row: u64,
    above: Vec<(u64, StringRecord)>,
    pending: VecDeque<(u64, StringRecord)>,
    reader: RowReader<'s>,
}

impl<'s> Detected<'s> {
    fn next(&mut self, rec: &mut StringRecord) -> Result<Option<u64>, source::RowError> {
        if let Some((row, r)) = self.pending.pop_front() {
            *rec = r;
            return Ok(Some(row));
        }
        self.reader.read(rec)
    }
}

impl<'a> Job<'a> {
    fn detect(&self, report: &mut ImportReport) -> Option<Detected<'a>> {
        let mut first_rows: Option<(Option<String>, Vec<String>)> = None;
        for mut reader in self.source.parts() {
            let sheet = reader.sheet().map(str::to_string);
            let mut seen: Vec<(u64, StringRecord)> = Vec::new();
            let mut rec = StringRecord::new();
            while seen.len() < HEADER_SCAN_ROWS {
                match reader.read(&mut rec) {
                    Ok(Some(row)) => {
                        if !is_blank(&rec) {
                            seen.push((row, rec.clone()));
                        }
                    }
                    Ok(None) => break,
                    Err(e) => {
                        report.problems.push(self.bad_csv(&sheet, e));
                        return None;
                    }
                }
            }
            if first_rows.is_none() {
                if let Some((_, r)) = seen.first() {
                    first_rows =
                        Some((sheet.clone(), r.iter().take(12).map(shorten_cell).collect()));
                }
            }
            for (i, (header_row, candidate)) in seen.iter().enumerate() {
                let names = profile::header_names(candidate.iter());
                let names_raw: Vec<String> = candidate.iter().map(str::to_string).collect();
                let signature = header_signature(&names_raw);
                let mut best: Option<(usize, &Profile)> = None;
                for (saved_sig, p) in self.profiles {
                    let fit = match saved_sig {
                        // A saved mapping applies to exactly the header it was made for.
                        Some(sig) if *sig == signature || self.forced => {
                            profile::header_fit(p, &names).map(|n| n + 1000)
                        }
                        Some(_) => None,
                        None => profile::header_fit(p, &names),
                    };
                    if let Some(n) = fit {
                        if best.is_none_or(|(b, _)| n > b) {
                            best = Some((n, p));
                        }
                    }
                }
                if let Some((_, p)) = best {
                    let header = candidate.clone();
                    let above = seen[..i].to_vec();
                    let pending: VecDeque<_> = seen[i + 1..].iter().cloned().collect();
                    return Some(Detected {
                        profile: p.clone(),
                        sheet,
                        header,
                        header_row: *header_row,
                        above,
                        pending,
                        reader,
                    });
                }
            }
        }
        let shown = match first_rows {
            Some((Some(sheet), cells)) => {
                msg!(words::FIRST_ROW_IN_SHEET, sheet, cells.join(" | "))
            }
            Some((None, cells)) => msg!(words::FIRST_ROW, cells.join(" | ")),
            None => msg!(words::NO_ROWS_SEEN),
        };
        let message = if self.forced {
            msg!(words::UNKNOWN_LAYOUT_FORCED, shown)
        } else {
            msg!(words::UNKNOWN_LAYOUT, shown)
        };
        report
            .problems
            .push(file_problem(self.display, "unknown_layout", message));
        None
    }

    fn decimal_mark(&self, profile: &Profile) -> DecimalMark {
        profile.decimal_mark.unwrap_or(match self.source {
            Source::Text {
                delimiter: b';', ..
            }
            | Source::TextFile {
                delimiter: b';', ..
            } => DecimalMark::Comma,
            _ => DecimalMark::Dot,
        })
    }

    fn run(&self, conn: &mut Connection, group_in_memory: bool) -> Result<RunResult, IngestError> {
        let mut report = ImportReport::new(self.display, self.size);
        report.sha256 = Some(self.sha256.to_string());
        report.rows_chain.start(self.sha256);
        if let Source::Workbook { warnings, .. } = self.source {
            report.problems.extend(warnings.iter().cloned());
        }
        let Some(mut detected) = self.detect(&mut report) else {
            if let Some(p) = self.quote_problem(None) {
                report.problems.push(p);
            }
            return Ok(RunResult {
                report,
                regroup: false,
            });
        };
        let profile = detected.profile.clone();
        // Date-times without an offset: the PSP's zone if one is set, else the zone the format
        // documents, else the workspace's. The report says which.
        let (zone, zone_from) = match (
            self.psp_zones.get(&profile.source),
            profile.zone.as_deref().and_then(|z| parse_zone(z).ok()),
        ) {
            (Some(z), _) => (*z, ZoneFrom::PspSetting),
            (None, Some(z)) => (z, ZoneFrom::Format),
            (None, None) => (self.zone, ZoneFrom::Workspace),
        };
        report.zone = Some(zone.name().to_string());
        report.zone_from = Some(zone_from);
        report.format = Some(profile.name.clone());
        report.kind = Some(profile.kind);
        report.sheet = detected.sheet.clone();
        if let Source::Text {
            encoding,
            delimiter,
            ..
        }
        | Source::TextFile {
            encoding,
            delimiter,
            ..
        } = self.source
        {
            report.encoding = serde_json::to_value(encoding)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string));
            report.delimiter = Some(delimiter_name(*delimiter));
        }
        let names = profile::header_names(detected.header.iter());
        let columns = profile::column_map(&profile, &names);
        let cells = CellReader::new(
            self.display,
            detected.sheet.as_deref(),
            &detected.header,
            &columns,
            &profile,
            self.decimal_mark(&profile),
            zone,
        )
        .with_cut_row(self.source.unterminated_last_row());
        // A quote left open, or a required amount column missing: the file is refused before
        // any row is read, since no row of it can be read as the file means it.
        let mut refusals: Vec<Problem> = self.quote_problem(Some(&cells)).into_iter().collect();
        for field in &profile.money_columns {
            if !columns.iter().any(|(f, _)| f == field) {
                let name = profile.aliases(*field).first().cloned().unwrap_or_default();
                refusals.push(Problem {
                    file: self.display.to_string(),
                    sheet: detected.sheet.clone(),
                    row: Some(detected.header_row),
                    column: Some(name.clone()),
                    severity: Severity::Error,
                    code: "missing_money_column".into(),
                    message: msg!(words::MISSING_MONEY_COLUMN, name, profile.name.as_str()),
                });
            }
        }
        if !refusals.is_empty() {
            report.problems.extend(refusals);
            report.problems.push(file_problem(
                self.display,
                "structure_broken",
                msg!(words::STRUCTURE_BROKEN),
            ));
            return Ok(RunResult {
                report,
                regroup: false,
            });
        }

        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // The id is chosen past every purged file's too: `file:<id>` in the audit trail names
        // one file forever, even after a retention purge removed the newest one.
        tx.execute(
            "INSERT INTO imported_files(id, sha256, name, size, kind, format, encoding, delimiter,
                sheet, imported_at, imported_by, rows_total, rows_new, rows_known, rows_conflicting,
                rows_updated, rows_rejected, compression)
             VALUES ((SELECT max(n) + 1 FROM (SELECT coalesce(max(id), 0) AS n FROM imported_files
                      UNION ALL SELECT coalesce(max(file_id), 0) FROM purged_files)),
                ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0, 0, 0, 0, 0, 0, 'zstd')",
            params![
                self.sha256,
                self.name,
                self.size as i64,
                profile.kind.as_str(),
                profile.name,
                report.encoding,
                report.delimiter,
                detected.sheet,
                self.opts.now.to_rfc3339_opts(SecondsFormat::Secs, true),
                self.opts.actor,
            ],
        )?;
        let file_id = tx.last_insert_rowid();

        let (compressed, regroup) = std::thread::scope(|s| {
            let compressing = s.spawn(|| self.origin.compress());
            let outcome = match profile.kind {
                FileKind::Settlement => self
                    .read_settlement(&tx, file_id, &mut detected, &cells, zone, &mut report)
                    .map(|_| false),
                FileKind::Orders => self.read_orders(
                    &tx,
                    file_id,
                    &mut detected,
                    &cells,
                    zone,
                    group_in_memory,
                    &mut report,
                ),
            };
            (compressing.join(), outcome)
        });
        if regroup? {
            return Ok(RunResult {
                report,
                regroup: true,
            });
        }
        let compressed = match compressed {
            Ok(Ok(c)) => c,
            _ => {
                report.problems.push(file_problem(
                    self.display,
                    "compression_failed",
                    msg!(words::COMPRESSION_FAILED),
                ));
                report.outcome = Outcome::Rejected;
                return Ok(RunResult {
                    report,
                    regroup: false,
                });
            }
        };

        report.problems.extend(cells.date_order_problems());
        // A row of another width than its header, a file cut off, a two-digit year, dates whose
        // order is a guess: the file as a whole cannot be trusted, so nothing of it is imported
        // whatever the bad-row policy (skipping such rows would keep the misread ones).
        let broken = report
            .problems
            .iter()
            .any(|p| p.severity == Severity::Error && REFUSES_FILE.contains(&p.code.as_str()));
        let accepted = report.new + report.known + report.updated + report.conflicting;
        if broken {
            report.problems.push(file_problem(
                self.display,
                "structure_broken",
                msg!(words::STRUCTURE_BROKEN),
            ));
        } else if report.rows == 0 {
            report
                .problems
                .push(file_problem(self.display, "no_rows", msg!(words::NO_ROWS)));
        } else if accepted == 0 {
            report.problems.push(file_problem(
                self.display,
                "no_readable_rows",
                msg!(words::NO_READABLE_ROWS),
            ));
        } else if report.rejected > 0 && self.opts.bad_rows == BadRowPolicy::RejectFile {
            report.problems.push(file_problem(
                self.display,
                "rows_rejected",
                msg!(
                    words::ROWS_REJECTED,
                    words::int(report.rejected),
                    words::int(report.rows)
                ),
            ));
        }
        let failed = broken
            || report.rows == 0
            || accepted == 0
            || (report.rejected > 0 && self.opts.bad_rows == BadRowPolicy::RejectFile);
        limit_problems(&mut report);
        if failed {
            report.outcome = Outcome::Rejected;
            report.new = 0;
            report.known = 0;
            report.updated = 0;
            report.conflicting = 0;
            return Ok(RunResult {
                report,
                regroup: false,
            });
        }
        store_blob(&tx, file_id, &compressed)?;
        {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO import_problems(file_id, sheet, row_no, col, severity, code, message)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for p in &report.problems {
                stmt.execute(params![
                    file_id,
                    p.sheet,
                    p.row.map(|r| r as i64),
                    p.column,
                    p.severity.as_str(),
                    p.code,
                    p.message.to_json()
                ])?;
            }
        }
        tx.execute(
            "UPDATE imported_files SET rows_total = ?1, rows_new = ?2, rows_known = ?3,
                rows_conflicting = ?4, rows_updated = ?5, rows_rejected = ?6 WHERE id = ?7",
            params![
                report.rows as i64,
                report.new as i64,
                report.known as i64,
                report.conflicting as i64,
                report.updated as i64,
                report.rejected as i64,
                file_id
            ],
        )?;
        if self.opts.dry_run {
            report.outcome = Outcome::DryRun;
            drop(tx);
        } else {
            crate::audit::append(
                &tx,
                &crate::audit::NewEvent {
                    at: self.opts.now,
                    actor: self.opts.actor.clone(),
                    action: "import".into(),
                    subject: format!("file:{file_id}"),
                    before: None,
                    after: Some(
                        serde_json::json!({
                            "name": self.name,
                            "sha256": self.sha256,
                            "size": self.size,
                            "kind": profile.kind.as_str(),
                            "format": profile.name,
                            "sheet": detected.sheet,
                            "psp": profile.source,
                            "zone": report.zone,
                            "zone_from": report.zone_from,
                            "rows_root": report.rows_chain.root(),
                            "rows": {
                                "total": report.rows,
                                "new": report.new,
                                "known": report.known,
                                "conflicting": report.conflicting,
                                "updated": report.updated,
                                "rejected": report.rejected,
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
        }
        Ok(RunResult {
            report,
            regroup: false,
        })
    }

    /// A quote that opens a cell and is never closed, or closes in the middle of a later one.
    fn quote_problem(&self, cells: Option<&CellReader>) -> Option<Problem> {
        let q = self.source.open_quote()?;
        let (code, message) = match q.closes_at {
            Some(line) => (
                "quote_closed_early",
                msg!(words::QUOTE_CLOSED_EARLY, &q.start, words::int(line)),
            ),
            None => ("open_quote", msg!(words::OPEN_QUOTE, &q.start)),
        };
        Some(Problem {
            file: self.display.to_string(),
            sheet: None,
            row: Some(q.line),
            column: Some(match cells {
                Some(c) => c.column_name(q.field),
                None => column_letter(q.field),
            }),
            severity: Severity::Error,
            code: code.into(),
            message,
        })
    }

    /// A row the CSV reader could not read at all.
    fn bad_csv(&self, sheet: &Option<String>, e: source::RowError) -> Problem {
        Problem {
            file: self.display.to_string(),
            sheet: sheet.clone(),
            row: e.row,
            column: None,
            severity: Severity::Error,
            code: "bad_csv".into(),
            message: e.message,
        }
    }

    fn note_rows_above(&self, detected: &Detected<'_>, report: &mut ImportReport) {
        if !detected.above.is_empty() && !detected.profile.summary_block {
            let rows: Vec<Arg> = detected.above.iter().map(|(r, _)| words::int(*r)).collect();
            report.problems.push(Problem {
                file: self.display.to_string(),
                sheet: detected.sheet.clone(),
                row: detected.above.first().map(|(r, _)| *r),
                column: None,
                severity: Severity::Warning,
                code: "lines_above_header".into(),
                message: msg!(words::LINES_ABOVE_HEADER, Arg::list(rows, Join::Comma)),
            });
        }
    }

    fn read_settlement(
        &self,
        tx: &Connection,
        file_id: i64,
        detected: &mut Detected<'_>,
        cells: &CellReader,
        zone: Tz,
        report: &mut ImportReport,
    ) -> Result<(), IngestError> {
        let profile = detected.profile.clone();
        let sheet = detected.sheet.clone();
        self.note_rows_above(detected, report);
        let writer = settlement::LineWriter::new(file_id);
        let batches = if profile.summary_block {
            match settlement::read_summary(
                self.display,
                sheet.as_deref(),
                &detected.above,
                &profile,
                zone,
            ) {
                Ok(b) => b,
                Err(p) => {
                    report.rejected += 1;
                    report.problems.push(p);
                    Vec::new()
                }
            }
        } else {
            Vec::new()
        };
        for b in &batches {
            writer.write_batch(tx, b)?;
        }
        let batch_ref = match batches.as_slice() {
            [one] => one.batch_ref.clone(),
            _ => None,
        };

        // Parsing and SQLite each take a core: rows are read, checked and keyed on a thread of
        // their own and handed over in batches, in file order, to this thread, which writes them.
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<ParsedRow>>(8);
        let (unknown, totals) = std::thread::scope(|s| -> Result<_, IngestError> {
            // Owned here so an early error return drops it and unblocks the parser.
            let receiver = receiver;
            let parser = s.spawn(|| {
                let mut unknown = BTreeMap::new();
                let mut totals = settlement::FileTotals::default();
                let mut keyer = settlement::LineKeyer::new(&profile);
                let mut batch = Vec::with_capacity(PARSE_BATCH);
                // Reads one row (or one statement block: its summary row and its concepts)
                // into what the writer takes.
                let mut parse =
                    |row: u64, rec: &StringRecord, block: Option<statement::Concepts>| {
                        let mut warnings = Vec::new();
                        let line = cells.check_shape(rec, row).and_then(|w| {
                            warnings = w;
                            let read = settlement::read_line(
                                cells,
                                &profile,
                                rec,
                                row,
                                batch_ref.as_deref(),
                                &mut unknown,
                                &mut warnings,
                            )?;
                            match (read, block) {
                                (settlement::SettlementRow::Line(mut line), Some(concepts)) => {
                                    let a =
                                        statement::amounts(cells, row, &concepts, &mut warnings)?;
                                    settlement::apply_block(&mut line, a);
                                    Ok(settlement::SettlementRow::Line(line))
                                }
                                (read, _) => Ok(read),
                            }
                        });
                        match line {
                            Ok(settlement::SettlementRow::Line(line)) => {
                                totals.add(cells.text(rec, Field::RecordType), &line);
                                ParsedRow::Line {
                                    row,
                                    keyed: keyer.key(&line),
                                    line,
                                    raw: rec.clone(),
                                    warnings,
                                }
                            }
                            Ok(settlement::SettlementRow::Total(t)) => {
                                totals.rows.push(t);
                                ParsedRow::Total(warnings)
                            }
                            Err(p) => ParsedRow::Rejected(p, warnings),
                        }
                    };
                // A statement block waits for its concept rows until the next block starts.
                let mut held: Option<(u64, StringRecord, statement::Concepts)> = None;
                let mut rec = StringRecord::new();
                loop {
                    let row = match detected.next(&mut rec) {
                        Ok(Some(row)) => row,
                        Ok(None) => break,
                        Err(e) => {
                            batch.push(ParsedRow::Unreadable(self.bad_csv(&sheet, e)));
                            break;
                        }
                    };
                    if is_blank(&rec) {
                        continue;
                    }
                    if profile.statement_blocks {
                        if statement::continues(cells, &rec) {
                            if let Err(p) = cells.check_shape(&rec, row) {
                                batch.push(ParsedRow::Rejected(p, Vec::new()));
                                continue;
                            }
                            match &mut held {
                                Some((_, _, concepts)) => {
                                    concepts.push(statement::concepts(cells, &rec))
                                }
                                None => batch.push(ParsedRow::Rejected(
                                    cells.problem(
                                        row,
                                        None,
                                        Severity::Error,
                                        "orphan_concept",
                                        msg!(words::ORPHAN_CONCEPT),
                                    ),
                                    Vec::new(),
                                )),
                            }
                            continue;
                        }
                        let first = statement::concepts(cells, &rec);
                        if let Some((r, summary, concepts)) =
                            held.replace((row, rec.clone(), vec![first]))
                        {
                            batch.push(parse(r, &summary, Some(concepts)));
                        }
                    } else {
                        batch.push(parse(row, &rec, None));
                    }
                    if batch.len() >= PARSE_BATCH
                        && sender
                            .send(std::mem::replace(
                                &mut batch,
                                Vec::with_capacity(PARSE_BATCH),
                            ))
                            .is_err()
                    {
                        return (unknown, totals); // the writer stopped on an error of its own
                    }
                }
                if let Some((r, summary, concepts)) = held.take() {
                    batch.push(parse(r, &summary, Some(concepts)));
                }
                let _ = sender.send(batch);
                drop(sender);
                (unknown, totals)
            });
            for parsed in receiver.iter().flatten() {
                report.rows += 1;
                if report.rows % HOOK_EVERY == 0 {
                    self.tick(report.rows)?;
                }
                match parsed {
                    ParsedRow::Line {
                        row,
                        keyed,
                        line,
                        raw,
                        warnings,
                    } => {
                        report.problems.extend(warnings);
                        report.rows_chain.add(&keyed.identity, &keyed.content_hash);
                        writer.write(
                            tx,
                            &keyed,
                            &line,
                            sheet.as_deref(),
                            row,
                            &raw,
                            report,
                            |code, msg| cells.problem(row, None, Severity::Warning, code, msg),
                        )?;
                    }
                    ParsedRow::Total(warnings) => {
                        report.problems.extend(warnings);
                        report.totals += 1;
                    }
                    ParsedRow::Rejected(p, warnings) => {
                        report.problems.extend(warnings);
                        report.rejected += 1;
                        report.problems.push(p);
                    }
                    ParsedRow::Unreadable(p) => {
                        report.rejected += 1;
                        report.problems.push(p);
                    }
                }
            }
            Ok(parser.join().unwrap_or_default())
        })?;
        if let Some(batch) = totals.finish(&profile, cells, &mut report.problems) {
            writer.write_batch(tx, &batch)?;
        }
        // A line that now repeats another's money was counted by the dashboard's rollups when
        // its own case was stored: they are recounted without it.
        if settlement::shares_money(&profile.identity_scope)
            && settlement::pair_same_money(tx, Some(file_id))? > 0
        {
            (self.recount)(tx)?;
        }
        for b in &batches {
            if let Some(items) = b.items {
                if items as u64 != report.rows {
                    report.problems.push(Problem {
                        file: self.display.to_string(),
                        sheet: sheet.clone(),
                        row: Some(b.row),
                        column: Some("NUMBER_OF_ITEMS".into()),
                        severity: Severity::Warning,
                        code: "summary_count_differs".into(),
                        message: msg!(words::SUMMARY_COUNT_DIFFERS, items, words::int(report.rows)),
                    });
                }
            }
        }
        if profile.not_a_settlement {
            report.problems.push(Problem {
                severity: Severity::Warning,
                ..file_problem(
                    self.display,
                    "not_a_settlement",
                    msg!(words::NOT_A_SETTLEMENT, profile.name.as_str()),
                )
            });
        }
        self.report_unknown(unknown, cells, report);
        Ok(())
    }

    fn report_unknown(
        &self,
        unknown: BTreeMap<(Field, String), u64>,
        cells: &CellReader,
        report: &mut ImportReport,
    ) {
        for ((field, value), n) in unknown {
            let entry = match field {
                Field::RowType => words::UNKNOWN_ROW_TYPE_VALUE,
                _ => words::UNKNOWN_STATUS_VALUE,
            };
            report.problems.push(Problem {
                file: self.display.to_string(),
                sheet: cells.sheet.clone(),
                row: None,
                column: cells.column_of(field).map(|c| cells.column_name(c)),
                severity: Severity::Warning,
                code: "unknown_value".into(),
                message: msg!(entry, words::int(n), value),
            });
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn read_orders(
        &self,
        tx: &Connection,
        file_id: i64,
        detected: &mut Detected<'_>,
        cells: &CellReader,
        zone: Tz,
        group_in_memory: bool,
        report: &mut ImportReport,
    ) -> Result<bool, IngestError> {
        let profile = detected.profile.clone();
        let sheet = detected.sheet.clone();
        self.note_rows_above(detected, report);
        // As for settlement files: rows are read, grouped into orders and parsed on a thread of
        // their own; this thread only writes, in file order.
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<OrderEvent>>(8);
        let (rows, unknown, regroup) = std::thread::scope(|s| -> Result<_, IngestError> {
            let receiver = receiver;
            let parser = s.spawn(|| {
                let mut out = OrderEvents::new(sender);
                let mut unknown = BTreeMap::new();
                let mut rows = 0u64;
                let mut current: Option<orders::OrderRows> = None;
                let mut finished: HashSet<String> = HashSet::new();
                let mut held: Vec<orders::OrderRows> = Vec::new();
                let mut held_index: HashMap<String, usize> = HashMap::new();
                let mut rec = StringRecord::new();
                let mut flush = |group: orders::OrderRows, out: &mut OrderEvents| -> bool {
                    let mut warnings = Vec::new();
                    let event = match orders::read_order(
                        cells,
                        &profile,
                        &group,
                        &mut unknown,
                        &mut warnings,
                    ) {
                        Ok(order) => OrderEvent::Order {
                            row: group.rows.first().map(|(r, _)| *r).unwrap_or(0),
                            order: Box::new(order),
                            warnings,
                        },
                        Err(problem) => OrderEvent::Problem {
                            problem,
                            rejected: group.rows.len() as u64,
                        },
                    };
                    out.push(event)
                };
                loop {
                    let row = match detected.next(&mut rec) {
                        Ok(Some(row)) => row,
                        Ok(None) => break,
                        Err(e) => {
                            rows += 1;
                            out.push(OrderEvent::Problem {
                                problem: self.bad_csv(&sheet, e),
                                rejected: 1,
                            });
                            break;
                        }
                    };
                    if is_blank(&rec) {
                        continue;
                    }
                    rows += 1;
                    match cells.check_shape(&rec, row) {
                        Ok(warnings) => {
                            for w in warnings {
                                out.push(OrderEvent::Problem {
                                    problem: w,
                                    rejected: 0,
                                });
                            }
                        }
                        Err(problem) => {
                            out.push(OrderEvent::Problem {
                                problem,
                                rejected: 1,
                            });
                            continue;
                        }
                    }
                    let Some(key) = orders::row_key(cells, &rec) else {
                        let col = cells
                            .column_of(Field::OrderName)
                            .or(cells.column_of(Field::OrderId));
                        out.push(OrderEvent::Problem {
                            problem: cells.problem(
                                row,
                                col,
                                Severity::Error,
                                "no_order_key",
                                msg!(words::NO_ORDER_KEY),
                            ),
                            rejected: 1,
                        });
                        continue;
                    };
                    if !profile.rows_per_item {
                        // One row per order: a repeated key is a second snapshot in the same file.
                        let group = orders::OrderRows {
                            key,
                            rows: vec![(row, rec.clone())],
                        };
                        if !flush(group, &mut out) {
                            return (rows, unknown);
                        }
                        continue;
                    }
                    if group_in_memory {
                        match held_index.get(&key) {
                            Some(i) => held[*i].rows.push((row, rec.clone())),
                            None => {
                                held_index.insert(key.clone(), held.len());
                                held.push(orders::OrderRows {
                                    key,
                                    rows: vec![(row, rec.clone())],
                                });
                            }
                        }
                        continue;
                    }
                    match &mut current {
                        Some(group) if group.key == key => group.rows.push((row, rec.clone())),
                        _ => {
                            if finished.contains(&key) {
                                out.push(OrderEvent::Regroup);
                                out.finish();
                                return (rows, unknown);
                            }
                            if let Some(done) = current.take() {
                                finished.insert(done.key.clone());
                                if !flush(done, &mut out) {
                                    return (rows, unknown);
                                }
                            }
                            current = Some(orders::OrderRows {
                                key,
                                rows: vec![(row, rec.clone())],
                            });
                        }
                    }
                }
                if let Some(done) = current.take() {
                    flush(done, &mut out);
                }
                for group in held {
                    if !flush(group, &mut out) {
                        break;
                    }
                }
                out.finish();
                (rows, unknown)
            });
            let mut regroup = false;
            let mut events = 0u64;
            for event in receiver.iter().flatten() {
                events += 1;
                if events % HOOK_EVERY == 0 {
                    self.tick(events)?;
                }
                match event {
                    OrderEvent::Problem { problem, rejected } => {
                        report.rejected += rejected;
                        report.problems.push(problem);
                    }
                    OrderEvent::Order {
                        row,
                        order,
                        warnings,
                    } => {
                        report.problems.extend(warnings);
                        orders::write_order(
                            tx,
                            file_id,
                            sheet.as_deref(),
                            row,
                            &order,
                            zone,
                            report,
                        )?;
                    }
                    OrderEvent::Regroup => {
                        regroup = true;
                        break;
                    }
                }
            }
            drop(receiver);
            let (rows, unknown) = parser.join().unwrap_or_default();
            Ok((rows, unknown, regroup))
        })?;
        if regroup {
            return Ok(true);
        }
        report.rows += rows;
        self.report_unknown(unknown, cells, report);
        Ok(false)
    }
}

/// A cell as quoted in a message: a damaged file can hold a 50 MB "cell", which must not become a
/// 50 MB message in the report, the workspace and the UI.
fn shorten_cell(cell: &str) -> String {
    const SHOWN_CHARS: usize = 40;
    match cell.char_indices().nth(SHOWN_CHARS) {
        None => cell.to_string(),
        Some((cut, _)) => format!("{}… ({} bytes)", &cell[..cut], cell.len()),
    }
}

/// A stored amount: the exact decimal as text (SQLite numbers would be floats).
fn decimal_text(d: &Option<rust_decimal::Decimal>) -> Option<String> {
    d.map(|v| v.to_string())
}

/// A stored time: RFC 3339 with its own offset, or a plain date.
fn moment_text(m: &Option<crate::time::Moment>) -> Option<String> {
    m.map(|v| v.to_storage())
}

/// Keeps reports readable on a badly broken file: the first problems, then a count of the rest.
fn limit_problems(report: &mut ImportReport) {
    if report.problems.len() > MAX_LISTED_PROBLEMS {
        let omitted = report.problems.len() - MAX_LISTED_PROBLEMS;
        report.problems.truncate(MAX_LISTED_PROBLEMS);
        report.problems.push(file_problem(
            &report.file,
            "more_problems",
            msg!(words::MORE_PROBLEMS, omitted),
        ));
    }
}
