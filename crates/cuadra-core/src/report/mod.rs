//! Reports for the books and the auditors: the stored cases, the Summary with its tie-outs, the
//! audit trail and the imported files, as CSV, as XLSX workbooks, and as an audit bundle (ZIP)
//! a third party can verify without Cuadra. One entry point, [`export`].
//!
//! Every export is written to `FILE.partial` and renamed when complete (never half a file), and
//! then recorded as an `export` audit event whose `after` names the kind, format, filters, rows
//! and the SHA-256 of the written file. Reports read the workspace; they never change a case.
//!
//! Files: `labels.rs` (the one translation table), `sink.rs` (CSV dialects and XLSX cells,
//! formats and sheet splitting; the only place money becomes a float), `case_table.rs` (case
//! columns and kinds), `summary.rs` (sums and tie-outs), `audit_trail.rs`, `bundle.rs`.

mod audit_trail;
mod bundle;
mod case_table;
mod labels;
mod sink;
mod summary;
pub use crate::words::report as words;

pub use audit_trail::{escape as audit_csv_escape, AUDIT_CSV_COLUMNS};
pub use bundle::VERIFY_CHAIN_PY;
pub use case_table::kind_statuses;
pub use labels::{label, Lang};
pub use sink::{amount_f64, CsvOptions, XlsxOptions, EXCEL_MAX_ROWS};
pub use summary::{GroupCheck, SummaryData, TieOut};

use crate::audit::NewEvent;
use crate::cases::CaseFilter;
use crate::msg;
use crate::store::{sha256_hex, StoreError, Workspace};
use crate::words::Msg;
use chrono::{DateTime, Utc};
use rust_xlsxwriter::Workbook;
use serde::{Deserialize, Serialize};
use sink::{CsvSink, Formats, Layout, XlsxSheet};
use std::io::{BufWriter, Read};
use std::path::{Path, PathBuf};

/// What to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportKind {
    /// Every case, in the reconciliation CSV contract's columns.
    Reconciliation,
    /// Every status except `matched`, `payout_matched` and `settlement_charge`, open or resolved.
    Exceptions,
    Matched,
    /// `settlement_charge` cases (fees, adjustments, booked batch rounding).
    Charges,
    /// Exactly the cases a filter selects, any status (the window's "export this view"), with
    /// the statuses, states and reasons in words.
    Cases,
    Summary,
    /// The whole audit trail.
    Audit,
    /// XLSX: Summary, Exceptions, Matched, Settlement charges, Audit trail, Files.
    Workbook,
    /// ZIP: the period's workbook, the audit trail CSV, the original files, manifest, sums.
    Bundle,
}

impl ExportKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ExportKind::Reconciliation => "reconciliation",
            ExportKind::Exceptions => "exceptions",
            ExportKind::Matched => "matched",
            ExportKind::Charges => "charges",
            ExportKind::Cases => "cases",
            ExportKind::Summary => "summary",
            ExportKind::Audit => "audit",
            ExportKind::Workbook => "workbook",
            ExportKind::Bundle => "bundle",
        }
    }

    pub fn parse(text: &str) -> Option<ExportKind> {
        [
            ExportKind::Reconciliation,
            ExportKind::Exceptions,
            ExportKind::Matched,
            ExportKind::Charges,
            ExportKind::Cases,
            ExportKind::Summary,
            ExportKind::Audit,
            ExportKind::Workbook,
            ExportKind::Bundle,
        ]
        .into_iter()
        .find(|k| k.as_str() == text)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Csv,
    Xlsx,
    Zip,
}

impl ExportFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Zip => "zip",
        }
    }

    /// The format a file name implies (`.xlsx`, `.zip`, `.csv`), if any.
    pub fn from_path(path: &Path) -> Option<ExportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" | "txt" => Some(ExportFormat::Csv),
            "xlsx" => Some(ExportFormat::Xlsx),
            "zip" => Some(ExportFormat::Zip),
            _ => None,
        }
    }
}

/// One export, as the desktop app and the CLI ask for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportRequest {
    pub kind: ExportKind,
    pub format: ExportFormat,
    /// Which cases. `period` is required for a bundle. Ignored by `audit` (always the whole
    /// chain).
    #[serde(default)]
    pub filter: CaseFilter,
    #[serde(default)]
    pub lang: Lang,
    #[serde(default)]
    pub csv: CsvOptions,
    #[serde(default)]
    pub xlsx: XlsxOptions,
    /// Reconcile first, judging vouchers and grace periods at this moment.
    #[serde(default)]
    pub reconcile_as_of: Option<DateTime<Utc>>,
    /// Who exports, and when (recorded in the audit trail; never read from the clock here).
    pub actor: String,
    pub now: DateTime<Utc>,
}

/// What an export wrote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExportOutcome {
    pub path: PathBuf,
    pub kind: ExportKind,
    pub format: ExportFormat,
    /// Data rows: cases for case kinds and workbooks, events for `audit`, Summary rows for
    /// `summary`, files for a bundle.
    pub rows: u64,
    pub sha256: String,
    pub bytes: u64,
    /// The `export` audit event.
    pub audit_seq: i64,
    /// Amount cells Excel cannot hold exactly (more than 15 significant digits).
    pub inexact_amounts: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The request cannot be written as asked (a message of `report::words`).
    #[error("{}", .0.render_inline(crate::words::Lang::En))]
    BadRequest(Msg),
    #[error("cannot write the report: {0}")]
    Write(String),
    #[error(
        "cannot write the workbook: {0}; check the disk space and that the folder is writable"
    )]
    Xlsx(String),
    #[error("cannot write {path}: {message}; check the folder exists, is writable and has space")]
    Io { path: PathBuf, message: String },
    #[error("the export could not be recorded in the audit trail ({}), so {} was removed; try again", .why.render_inline(crate::words::Lang::En), .path.display())]
    Unrecorded { path: PathBuf, why: Msg },
}

impl ReportError {
    /// What went wrong and what to do, in the reader's language (see `StoreError::msg`).
    pub fn msg(&self) -> Msg {
        match self {
            ReportError::Store(e) => e.msg(),
            ReportError::BadRequest(m) => m.clone(),
            ReportError::Write(text) => msg!(words::WRITE, text),
            ReportError::Xlsx(text) => msg!(words::XLSX, text),
            ReportError::Io { path, message } => {
                msg!(words::IO, path.display().to_string(), message)
            }
            ReportError::Unrecorded { path, why } => {
                msg!(words::UNRECORDED, why.clone(), path.display().to_string())
            }
        }
    }
}

impl From<rusqlite::Error> for ReportError {
    fn from(e: rusqlite::Error) -> ReportError {
        ReportError::Store(StoreError::Sql(e))
    }
}

fn io_at(path: &Path) -> impl Fn(std::io::Error) -> ReportError + '_ {
    move |e| ReportError::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// `FILE.partial` beside `FILE`.
fn partial_path(out: &Path) -> PathBuf {
    let mut name = out
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".partial");
    out.with_file_name(name)
}

/// SHA-256 and size of a file on disk, streaming.
pub(crate) fn file_sha256(path: &Path) -> Result<(String, u64), ReportError> {
    use sha2::{Digest, Sha256};
    let mut f = std::fs::File::open(path).map_err(io_at(path))?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut n = 0u64;
    loop {
        let k = f.read(&mut buf).map_err(io_at(path))?;
        if k == 0 {
            break;
        }
        h.update(&buf[..k]);
        n += k as u64;
    }
    Ok((hex::encode(h.finalize()), n))
}

fn check_request(req: &ExportRequest) -> Result<(), ReportError> {
    let bad = |m: Msg| Err(ReportError::BadRequest(m));
    match (req.kind, req.format) {
        (ExportKind::Bundle, ExportFormat::Zip) if req.filter.period.is_none() => {
            return bad(msg!(words::BUNDLE_NEEDS_PERIOD));
        }
        (ExportKind::Bundle, ExportFormat::Zip) => {}
        (ExportKind::Bundle, f) => return bad(msg!(words::BUNDLE_IS_ZIP, f.as_str())),
        (ExportKind::Workbook, ExportFormat::Xlsx) => {}
        (ExportKind::Workbook, f) => return bad(msg!(words::WORKBOOK_IS_XLSX, f.as_str())),
        (k, ExportFormat::Zip) => return bad(msg!(words::ONLY_BUNDLE_ZIP, k.as_str())),
        _ => {}
    }
    if let Some(p) = &req.filter.period {
        let ok = p.len() == 7
            && p.as_bytes()[4] == b'-'
            && chrono::NaiveDate::parse_from_str(&format!("{p}-01"), "%Y-%m-%d").is_ok();
        if !ok {
            return bad(msg!(crate::words::periods::NOT_A_PERIOD, p));
        }
    }
    Ok(())
}

/// Writes the report `req` asks for to `out`, then records it in the audit trail.
///
/// Reconciles first when `req.reconcile_as_of` is set. The file is written to `out.partial`
/// and renamed; the `export` event is appended after the file is complete. If that record
/// cannot be written, the file is removed again (no export goes unrecorded) and the error says
/// so.
pub fn export(
    ws: &mut Workspace,
    req: &ExportRequest,
    out: &Path,
) -> Result<ExportOutcome, ReportError> {
    check_request(req)?;
    if let Some(as_of) = req.reconcile_as_of {
        ws.run_reconciliation(as_of, &req.actor, req.now)?;
    }
    let partial = partial_path(out);
    let written = write_report(ws, req, &partial);
    let (rows, inexact_amounts) = match written {
        Ok(v) => v,
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            return Err(e);
        }
    };
    let (sha256, bytes) = file_sha256(&partial)?;
    std::fs::rename(&partial, out).map_err(io_at(out))?;
    let filters = match req.kind {
        ExportKind::Audit => serde_json::Value::Null,
        _ => serde_json::to_value(&req.filter).unwrap_or_default(),
    };
    let after = serde_json::json!({
        "kind": req.kind.as_str(),
        "format": req.format.as_str(),
        "file": out.file_name().map(|n| n.to_string_lossy().into_owned()),
        "filters": filters,
        "lang": req.lang.as_str(),
        "rows": rows,
        "bytes": bytes,
        "sha256": sha256,
    });
    let event = NewEvent {
        at: req.now,
        actor: req.actor.clone(),
        action: "export".into(),
        subject: "workspace".into(),
        after: Some(after.to_string()),
        ..NewEvent::default()
    };
    let audit_seq = match ws.record(&event) {
        Ok(seq) => seq,
        Err(e) => {
            let _ = std::fs::remove_file(out);
            return Err(ReportError::Unrecorded {
                path: out.to_path_buf(),
                why: e.msg(),
            });
        }
    };
    Ok(ExportOutcome {
        path: out.to_path_buf(),
        kind: req.kind,
        format: req.format,
        rows,
        sha256,
        bytes,
        audit_seq,
        inexact_amounts,
    })
}

/// Writes the report to `path`. Returns (rows, inexact amount cells).
fn write_report(
    ws: &Workspace,
    req: &ExportRequest,
    path: &Path,
) -> Result<(u64, u64), ReportError> {
    match (req.kind, req.format) {
        (ExportKind::Bundle, _) => bundle::write_bundle(ws, req, path).map(|n| (n, 0)),
        (ExportKind::Workbook, _) => write_workbook(ws, req, &req.filter, path),
        (_, ExportFormat::Csv) => write_csv(ws, req, path).map(|n| (n, 0)),
        (_, _) => write_single_xlsx(ws, req, path),
    }
}

fn create(path: &Path) -> Result<BufWriter<std::fs::File>, ReportError> {
    let f = std::fs::File::create(path).map_err(io_at(path))?;
    Ok(BufWriter::with_capacity(1 << 16, f))
}

fn write_csv(ws: &Workspace, req: &ExportRequest, path: &Path) -> Result<u64, ReportError> {
    use std::io::Write;
    let file = create(path)?;
    if req.kind == ExportKind::Audit {
        let mut w = file;
        let head = audit_trail::write_audit_csv(ws, &mut w, req.csv.excel_es)?;
        w.flush().map_err(io_at(path))?;
        return Ok(head.events);
    }
    let mut sink = CsvSink::new(file, req.csv)?;
    let n = match req.kind {
        ExportKind::Summary => {
            let data = summary_pass(ws, &req.filter, req.now)?;
            summary::render(&data, req.lang, &mut sink)?;
            data.status.by_status.len() as u64
        }
        kind => {
            let filter = case_table::kind_filter(kind, &req.filter)?;
            // The reconciliation CSV keeps the contract's machine column names.
            let machine = kind == ExportKind::Reconciliation;
            case_table::write_cases(ws, kind, &filter, req.lang, machine, &mut sink, &mut |_| {
                Ok(())
            })?
        }
    };
    let mut w = sink.finish()?;
    w.flush().map_err(io_at(path))?;
    Ok(n)
}

/// A pass over the filtered cases for the Summary (counts per group, differences, scope).
fn summary_pass(
    ws: &Workspace,
    filter: &CaseFilter,
    now: DateTime<Utc>,
) -> Result<SummaryData, ReportError> {
    let scoped = *filter != CaseFilter::default();
    let mut tally = case_table::CaseTally::default();
    if scoped {
        summary::create_scope(ws)?;
    }
    let result = (|| {
        let sort = crate::cases::CaseSort::default();
        let conn = ws.conn();
        ws.for_each_case(filter, sort, |c| {
            tally.add(c);
            if scoped {
                conn.prepare_cached("INSERT INTO temp.report_scope(case_key) VALUES (?1)")?
                    .execute([&c.case_key])?;
            }
            Ok(())
        })?;
        summary::compute(ws, filter, std::mem::take(&mut tally), scoped, now)
    })();
    if scoped {
        summary::drop_scope(ws);
    }
    result
}

fn new_workbook(path: &Path) -> Result<Workbook, ReportError> {
    let mut wb = Workbook::new();
    // Constant-memory sheets stream rows to temporary files: keep them beside the output (a
    // RAM-backed /tmp would hold a million-row sheet in memory).
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        wb.set_tempdir(dir)
            .map_err(|e| ReportError::Xlsx(e.to_string()))?;
    }
    // Level 1: a third of level 6's time for a somewhat larger file (measured in cuadra-bench).
    wb.set_zip_compression_level(1);
    Ok(wb)
}

fn save(mut wb: Workbook, path: &Path) -> Result<(), ReportError> {
    wb.save(path).map_err(|e| ReportError::Xlsx(e.to_string()))
}

fn write_single_xlsx(
    ws: &Workspace,
    req: &ExportRequest,
    path: &Path,
) -> Result<(u64, u64), ReportError> {
    let zone = ws.zone()?;
    let formats = Formats::new();
    let mut wb = new_workbook(path)?;
    let lang = req.lang;
    let result = match req.kind {
        ExportKind::Summary => {
            let data = summary_pass(ws, &req.filter, req.now)?;
            let mut sheet = XlsxSheet::new(
                &mut wb,
                &formats,
                zone,
                Layout::Free,
                label(lang, "sheet.summary"),
                &[
                    30.0, 24.0, 16.0, 14.0, 16.0, 16.0, 16.0, 16.0, 16.0, 16.0, 12.0, 18.0,
                ],
                req.xlsx,
            )?;
            summary::render(&data, lang, &mut sheet)?;
            (data.status.by_status.len() as u64, sheet.finish()?.1)
        }
        ExportKind::Audit => {
            let mut sheet = XlsxSheet::new(
                &mut wb,
                &formats,
                zone,
                Layout::Table,
                label(lang, "sheet.audit"),
                &audit_trail::AUDIT_SHEET_WIDTHS,
                req.xlsx,
            )?;
            audit_trail::write_audit_table(ws, lang, &mut sheet)?;
            sheet.finish()?
        }
        kind => {
            let filter = case_table::kind_filter(kind, &req.filter)?;
            let sheet_key = match kind {
                ExportKind::Exceptions => "sheet.exceptions",
                ExportKind::Matched => "sheet.matched",
                ExportKind::Charges => "sheet.charges",
                ExportKind::Cases => "sheet.cases",
                _ => "sheet.reconciliation",
            };
            let mut sheet = XlsxSheet::new(
                &mut wb,
                &formats,
                zone,
                Layout::Table,
                label(lang, sheet_key),
                &case_table::widths(kind),
                req.xlsx,
            )?;
            case_table::write_cases(ws, kind, &filter, lang, false, &mut sheet, &mut |_| Ok(()))?;
            sheet.finish()?
        }
    };
    save(wb, path)?;
    Ok(result)
}

/// The workbook: Summary, Exceptions, Matched, Settlement charges, Audit trail, Files, and
/// Payouts when there are payout cases. The
/// Summary is the first sheet but written last, so its group check counts the rows the other
/// sheets really hold.
pub(crate) fn write_workbook(
    ws: &Workspace,
    req: &ExportRequest,
    filter: &CaseFilter,
    path: &Path,
) -> Result<(u64, u64), ReportError> {
    let zone = ws.zone()?;
    let lang = req.lang;
    let formats = Formats::new();
    let mut wb = new_workbook(path)?;
    let summary_widths = [
        30.0, 24.0, 16.0, 14.0, 16.0, 16.0, 16.0, 16.0, 16.0, 16.0, 12.0, 18.0,
    ];
    // Reserve the first tab for the Summary.
    let summary_sheet = {
        let sheet = XlsxSheet::new(
            &mut wb,
            &formats,
            zone,
            Layout::Free,
            label(lang, "sheet.summary"),
            &summary_widths,
            req.xlsx,
        )?;
        sheet.finish()?;
        0usize
    };
    case_table::kind_filter(ExportKind::Workbook, filter)?;
    let scoped = *filter != CaseFilter::default();
    if scoped {
        summary::create_scope(ws)?;
    }
    let result = (|| -> Result<(u64, u64, SummaryData), ReportError> {
        // One pass over the cases in case key order (an index scan, no sort), each row routed
        // to its group's sheet; the continuation sheets each group will need are added up
        // front so the tabs stay in order.
        let mut tally = case_table::CaseTally::default();
        let mut expected = [0u64; 3];
        for s in &ws.case_summary(filter)?.by_status {
            expected[case_table::group_of(&s.status)] += s.cases;
        }
        let mut states = Vec::new();
        for (i, (kind, key)) in [
            (ExportKind::Exceptions, "sheet.exceptions"),
            (ExportKind::Matched, "sheet.matched"),
            (ExportKind::Charges, "sheet.charges"),
        ]
        .into_iter()
        .enumerate()
        {
            use sink::Sink;
            let mut sheet = XlsxSheet::new(
                &mut wb,
                &formats,
                zone,
                Layout::Table,
                label(lang, key),
                &case_table::widths(kind),
                req.xlsx,
            )?;
            sheet.header(&case_table::header(kind, lang, false))?;
            sheet.plan_rows(expected[i])?;
            states.push(Some(sheet.detach()));
        }
        let names = labels::StatusNames::new(lang);
        let conn = ws.conn();
        let sort = crate::cases::CaseSort {
            key: crate::cases::SortKey::CaseKey,
            desc: false,
        };
        let mut failed: Option<ReportError> = None;
        let passed = ws.for_each_case(filter, sort, |c| {
            use sink::Sink;
            tally.add(c);
            if scoped {
                conn.prepare_cached("INSERT INTO temp.report_scope(case_key) VALUES (?1)")?
                    .execute([&c.case_key])?;
            }
            let group = case_table::group_of(&c.status);
            let Some(st) = states[group].take() else {
                return Ok(());
            };
            let mut sheet = XlsxSheet::attach(&mut wb, &formats, st);
            let result = sheet.row(&case_table::cells(ExportKind::Exceptions, c, &names));
            states[group] = Some(sheet.detach());
            if let Err(e) = result {
                let message = Msg::verbatim(e.to_string());
                failed = Some(e);
                return Err(StoreError::BadQuery(message));
            }
            Ok(())
        });
        if let Some(e) = failed {
            return Err(e);
        }
        passed?;
        let mut rows_by_kind = [0u64; 3];
        let mut inexact = 0u64;
        for (i, st) in states.into_iter().enumerate() {
            if let Some(st) = st {
                let (rows, bad) = XlsxSheet::attach(&mut wb, &formats, st).finish()?;
                rows_by_kind[i] = rows;
                inexact += bad;
            }
        }
        let mut sheet = XlsxSheet::new(
            &mut wb,
            &formats,
            zone,
            Layout::Table,
            label(lang, "sheet.audit"),
            &audit_trail::AUDIT_SHEET_WIDTHS,
            req.xlsx,
        )?;
        audit_trail::write_audit_table(ws, lang, &mut sheet)?;
        sheet.finish()?;
        write_files_sheet(ws, &mut wb, &formats, zone, lang, req.xlsx)?;
        write_payouts_sheet(ws, filter, &mut wb, &formats, zone, lang, req.xlsx)?;
        let mut data = summary::compute(ws, filter, tally, scoped, req.now)?;
        // The check counts what the sheets hold, not what the tally saw.
        data.check.exceptions = rows_by_kind[0];
        data.check.matched = rows_by_kind[1];
        data.check.charges = rows_by_kind[2];
        data.inexact_amounts = inexact;
        Ok((rows_by_kind.iter().sum(), inexact, data))
    })();
    if scoped {
        summary::drop_scope(ws);
    }
    let (rows, inexact, data) = result?;
    {
        let mut sheet = XlsxSheet::reopen(&mut wb, &formats, zone, summary_sheet, &summary_widths)?;
        summary::render(&data, lang, &mut sheet)?;
    }
    save(wb, path)?;
    Ok((rows, inexact))
}

/// The Payouts sheet, when the filter holds any payout or bank credit case: those cases again
/// (they are also in Exceptions and Matched), in the exceptions' columns, so the bank leg reads
/// on one sheet: transfer id and bank reference in `settlement_refs`, the PSP's net, the credit,
/// the difference and the explanation (charges, GMF, effective rate).
#[allow(clippy::too_many_arguments)]
fn write_payouts_sheet(
    ws: &Workspace,
    filter: &CaseFilter,
    wb: &mut Workbook,
    formats: &Formats,
    zone: chrono_tz::Tz,
    lang: Lang,
    xlsx: XlsxOptions,
) -> Result<(), ReportError> {
    let payout: Vec<String> = crate::reconcile::CaseStatus::ALL
        .iter()
        .filter(|s| s.is_payout_case())
        .map(|s| s.as_str().to_string())
        .collect();
    let mut f = filter.clone();
    f.statuses = if filter.statuses.is_empty() {
        payout
    } else {
        filter
            .statuses
            .iter()
            .filter(|s| payout.contains(s))
            .cloned()
            .collect()
    };
    if f.statuses.is_empty() {
        return Ok(());
    }
    let count: u64 = ws.case_summary(&f)?.by_status.iter().map(|s| s.cases).sum();
    if count == 0 {
        return Ok(());
    }
    use sink::Sink;
    let kind = ExportKind::Exceptions;
    let mut sheet = XlsxSheet::new(
        wb,
        formats,
        zone,
        Layout::Table,
        label(lang, "sheet.payouts"),
        &case_table::widths(kind),
        xlsx,
    )?;
    sheet.header(&case_table::header(kind, lang, false))?;
    sheet.plan_rows(count)?;
    let names = labels::StatusNames::new(lang);
    let sort = crate::cases::CaseSort {
        key: crate::cases::SortKey::CaseKey,
        desc: false,
    };
    let mut failed: Option<ReportError> = None;
    let passed = ws.for_each_case(&f, sort, |c| {
        if let Err(e) = sheet.row(&case_table::cells(kind, c, &names)) {
            let message = Msg::verbatim(e.to_string());
            failed = Some(e);
            return Err(StoreError::BadQuery(message));
        }
        Ok(())
    });
    if let Some(e) = failed {
        return Err(e);
    }
    passed?;
    sheet.finish()?;
    Ok(())
}

const FILE_KEYS: [&str; 14] = [
    "file.id",
    "file.name",
    "file.sha256",
    "file.kind",
    "file.format",
    "file.size",
    "file.imported_at",
    "file.imported_by",
    "file.rows_total",
    "file.rows_new",
    "file.rows_known",
    "file.rows_conflicting",
    "file.rows_updated",
    "file.rows_rejected",
];

fn write_files_sheet(
    ws: &Workspace,
    wb: &mut Workbook,
    formats: &Formats,
    zone: chrono_tz::Tz,
    lang: Lang,
    opts: XlsxOptions,
) -> Result<(), ReportError> {
    let widths = [
        6.0, 36.0, 66.0, 11.0, 9.0, 12.0, 19.0, 14.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0,
    ];
    let mut sheet = XlsxSheet::new(
        wb,
        formats,
        zone,
        Layout::Table,
        label(lang, "sheet.files"),
        &widths,
        opts,
    )?;
    let header: Vec<&str> = FILE_KEYS.iter().map(|k| label(lang, k)).collect();
    use sink::{Cell, Sink};
    sheet.header(&header)?;
    let mut files = ws.list_files()?;
    files.reverse();
    for f in &files {
        sheet.row(&[
            Cell::Int(f.id),
            Cell::Text(&f.name),
            Cell::Code(&f.sha256),
            Cell::Code(&f.kind),
            Cell::Code(&f.format),
            Cell::Int(f.size as i64),
            Cell::Moment(&f.imported_at),
            Cell::Text(&f.imported_by),
            Cell::Int(f.rows_total),
            Cell::Int(f.rows_new),
            Cell::Int(f.rows_known),
            Cell::Int(f.rows_conflicting),
            Cell::Int(f.rows_updated),
            Cell::Int(f.rows_rejected),
        ])?;
    }
    sheet.finish()?;
    Ok(())
}

/// SHA-256 of bytes in memory (re-exported for the bundle).
pub(crate) fn sha256_of(bytes: &[u8]) -> String {
    sha256_hex(bytes)
}
