//! Importing files into a workspace: detect the layout, read every row into the normalized model,
//! and write the file, its rows, its problems and its original bytes in ONE transaction, so a file
//! is in the workspace whole or not at all. A file already imported (same SHA-256) changes nothing.
//! This module never guesses silently: every skipped or doubtful row is a problem in the report.

// A row's error is a `Problem` value (file, sheet, row, column, message) returned up to the
// report; rows in error are few, so its size on the error path costs nothing worth a Box.
#![allow(clippy::result_large_err)]

pub mod bank;
mod cells;
pub mod custom;
mod echoes;
mod job;
mod order_rows;
mod orders;
pub mod preview;
pub mod profile;
mod report;
mod settle_rows;
mod settlement;
mod source;
mod statement;
mod stream;
pub mod vocab;
pub use crate::words::ingest as words;

pub(crate) use echoes::pair_same_money;
pub use profile::{builtin_profiles, header_signature, normalize_header, Field, Profile};
pub use report::{column_letter, ImportReport, Outcome, Problem, Severity, ZoneFrom};

use crate::model::FileKind;
use crate::msg;
use crate::store::{compress_original, file_by_sha256, sha256_hex, StoreError, Workspace};
use crate::words::Msg;
use chrono::{DateTime, Utc};
use job::Job;
use source::Source;
use std::path::Path;

/// How many header candidates are looked at before a layout is declared unknown.
const HEADER_SCAN_ROWS: usize = 30;
/// Rows handed from the parsing thread to the writing thread at a time.
const PARSE_BATCH: usize = 1024;

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
    if size >= stream::STREAM_THRESHOLD && !starts_as_bank_statement(path) {
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
            if let Some(format) = bank_format(&bytes, opts) {
                return import_bank(ws, &display, &name, &bytes, &sha256, format, opts);
            }
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
    if let Some(format) = bank_format(bytes, opts) {
        return import_bank(ws, display, name, bytes, &sha256, format, opts);
    }
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

/// Whether a large file begins as a bank statement (read whole then, never streamed as CSV).
fn starts_as_bank_statement(path: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(8192).read_to_end(&mut head))
        .is_ok()
        && bank::sniff(&head).is_some()
}

/// The bank statement format a file is read as: the one its content shows, unless a CSV
/// profile was asked for; or the one asked for with `--profile camt.053|mt940` (a file that
/// does not read as it is refused by that format's reader, never by CSV detection).
fn bank_format(bytes: &[u8], opts: &ImportOptions) -> Option<bank::BankFormat> {
    match opts.profile.as_deref().map(bank::BankFormat::from_name) {
        Some(Some(forced)) => Some(forced),
        Some(None) => None,
        None => bank::sniff(bytes),
    }
}

/// A bank statement's import, after the same "already imported" check as any file.
fn import_bank(
    ws: &mut Workspace,
    display: &str,
    name: &str,
    bytes: &[u8],
    sha256: &str,
    format: bank::BankFormat,
    opts: &ImportOptions,
) -> Result<ImportReport, IngestError> {
    if let Some(known) = file_by_sha256(ws.conn(), sha256)? {
        let mut report = ImportReport::new(display, bytes.len() as u64);
        report.sha256 = Some(sha256.to_string());
        report.outcome = Outcome::AlreadyImported;
        report.file_id = Some(known.id);
        report.format = Some(known.format);
        report.first_imported_at = Some(known.imported_at);
        report.first_imported_as = Some(known.name);
        return Ok(report);
    }
    bank::import_statement_file(ws, display, name, bytes, sha256, format, opts)
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
            bank::BANK_STATEMENT_KIND => None,
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
