//! The shapes only the desktop app has (its session, the import job's progress, pages and
//! envelopes of requests, the window's views of settings and verification; `generated.rs` writes
//! them with the core's into ui/src/ipc/generated.ts). Everything else crosses IPC as the core's own types (derived with
//! `ts_rs::TS` behind cuadra-core's `ts` feature), in the serializations the CLI's `--json` writes.

use crate::error::ApiError;
use cuadra_core::audit::AuditEvent;
use cuadra_core::cases::{CaseDetail, CaseRow};
use cuadra_core::ingest::{ImportReport, Problem, ZoneFrom};
use cuadra_core::model::FileKind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Clone, Debug, Serialize, TS)]
pub struct Session {
    pub workspace_path: Option<String>,
    pub workspace_name: Option<String>,
    pub actor: Option<String>,
    #[ts(type = "\"es\" | \"en\" | \"zh\" | null")]
    pub lang: Option<String>,
    pub workspace_error: Option<ApiError>,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct ColumnMapping {
    pub source: String,
    pub field: Option<String>,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct ImportPreview {
    pub path: String,
    pub file_name: String,
    #[ts(type = "number")]
    pub size: u64,
    pub format: Option<String>,
    pub kind: Option<FileKind>,
    pub profile: Option<String>,
    pub encoding: Option<String>,
    pub delimiter: Option<String>,
    pub sheet: Option<String>,
    pub columns: Vec<ColumnMapping>,
    pub rows: Vec<Vec<String>>,
    pub already_imported_at: Option<String>,
    /// As in `ImportReport`: the file's own balance and total rows, and the zone of its
    /// date-times without an offset.
    #[ts(type = "number")]
    pub totals: u64,
    pub zone: Option<String>,
    pub zone_from: Option<ZoneFrom>,
    pub problems: Vec<Problem>,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct ImportProgress {
    pub job_id: String,
    pub file: Option<String>,
    pub file_index: u32,
    pub files_total: u32,
    #[ts(type = "number")]
    pub rows_done: u64,
    #[ts(type = "number")]
    pub bytes_done: u64,
    #[ts(type = "number")]
    pub bytes_total: u64,
    pub rows_per_sec: f64,
    pub eta_seconds: Option<f64>,
    #[ts(
        type = "\"reading\" | \"writing\" | \"reconciling\" | \"file_done\" | \"finished\" | \"cancelled\" | \"failed\""
    )]
    pub phase: String,
    pub reports: Vec<ImportReport>,
    pub error: Option<ApiError>,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct ReconcileResult {
    pub as_of: String,
    #[ts(type = "number")]
    pub cases: u64,
    #[ts(type = "number")]
    pub changed: u64,
}

#[derive(Clone, Debug, Deserialize, TS)]
pub struct CaseSort {
    #[ts(type = "SortColumn")]
    pub column: String,
    #[ts(type = "\"asc\" | \"desc\"")]
    pub direction: String,
}

/// A case as the window reads it: the core's [`CaseRow`] exactly as the CLI's `--json` writes it
/// (`explanation` as English text), and one field more, `explanation_msg`: the explanation as a
/// message the UI renders in the reader's language.
#[derive(Clone, Debug, Serialize, TS)]
#[ts(rename = "CaseRow")]
pub struct CaseRowDto {
    #[serde(flatten)]
    pub row: CaseRow,
    #[ts(type = "Msg")]
    pub explanation_msg: cuadra_core::words::Msg,
}

impl From<CaseRow> for CaseRowDto {
    fn from(row: CaseRow) -> Self {
        CaseRowDto {
            explanation_msg: row.explanation.clone(),
            row,
        }
    }
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct ListCasesResponse {
    #[ts(type = "number")]
    pub total: u64,
    pub rows: Vec<CaseRowDto>,
}

/// What a bulk resolve did: every case resolved in one transaction, or none.
#[derive(Clone, Debug, Serialize, TS)]
pub struct BulkResolved {
    /// The cases resolved now, as they are afterwards.
    pub resolved: Vec<CaseRowDto>,
    /// The cases asked for that were resolved already (left as they were).
    pub skipped: Vec<String>,
}

/// One case as the window reads it (`get_case`): the core's [`CaseDetail`] exactly as
/// `cuadra-cli case show --json` writes it (its `case` with `explanation` as English text), and
/// one field more, `explanation_msg`: the case's explanation as a message the UI renders in the
/// reader's language. Which of its lines are only suggested the UI reads from the case's status
/// (`SUGGESTING_STATUSES`).
#[derive(Clone, Debug, Serialize, TS)]
#[ts(rename = "CaseDetail")]
pub struct CaseDetailDto {
    #[serde(flatten)]
    pub detail: CaseDetail,
    #[ts(type = "Msg")]
    pub explanation_msg: cuadra_core::words::Msg,
}

impl From<CaseDetail> for CaseDetailDto {
    fn from(detail: CaseDetail) -> Self {
        CaseDetailDto {
            explanation_msg: detail.case.explanation.clone(),
            detail,
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize, TS)]
#[serde(default)]
pub struct AuditFilter {
    pub case_key: Option<String>,
    pub since: Option<String>,
    pub actor: Option<String>,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct AuditPage {
    #[ts(type = "number")]
    pub total: u64,
    pub events: Vec<AuditEvent>,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct AuditVerification {
    #[ts(type = "number")]
    pub events: u64,
    #[ts(type = "number")]
    pub head_seq: i64,
    pub head_hash: String,
    /// The first event that does not verify and why (rendered in the reader's language).
    #[ts(type = "[number, Msg] | null")]
    pub first_broken: Option<(i64, cuadra_core::words::Msg)>,
}

/// One check of the workspace's full verification (the core's `verify::CheckResult`).
#[derive(Clone, Debug, Serialize, TS)]
pub struct VerifyCheck {
    #[ts(
        type = "\"integrity\" | \"audit_chain\" | \"witness\" | \"evidence\" | \"derived_rows\" | \"periods\" | \"cases\""
    )]
    pub check: String,
    #[ts(type = "\"passed\" | \"failed\" | \"skipped\"")]
    pub outcome: String,
    /// What is wrong, or why the check was skipped (at most 100).
    #[ts(type = "Msg[]")]
    pub findings: Vec<cuadra_core::words::Msg>,
    #[ts(type = "number")]
    pub found: u64,
    #[ts(type = "number")]
    pub compared: u64,
    pub seconds: f64,
}

/// The workspace's full verification: `ok` only when no check failed.
#[derive(Clone, Debug, Serialize, TS)]
pub struct WorkspaceVerification {
    pub ok: bool,
    pub checks: Vec<VerifyCheck>,
}

impl From<cuadra_core::verify::VerifyReport> for WorkspaceVerification {
    fn from(r: cuadra_core::verify::VerifyReport) -> Self {
        WorkspaceVerification {
            ok: r.ok(),
            checks: r
                .checks
                .into_iter()
                .map(|c| VerifyCheck {
                    check: c.check.to_string(),
                    outcome: match c.outcome {
                        cuadra_core::verify::CheckOutcome::Passed => "passed",
                        cuadra_core::verify::CheckOutcome::Failed => "failed",
                        cuadra_core::verify::CheckOutcome::Skipped => "skipped",
                    }
                    .to_string(),
                    findings: c.findings,
                    found: c.found,
                    compared: c.compared,
                    seconds: c.seconds,
                })
                .collect(),
        }
    }
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct PeriodInfo {
    pub period: String,
    #[ts(type = "\"open\" | \"closed\"")]
    pub state: String,
    pub closed_at: Option<String>,
    pub closed_by: Option<String>,
    pub note: Option<String>,
    #[ts(type = "number")]
    pub cases: u64,
    /// Cases of the period still to review (a close asks before sealing them).
    #[ts(type = "number")]
    pub to_review: u64,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct RetentionStatus {
    pub retention_years: u32,
    pub oldest_record_at: Option<String>,
    pub keep_until: Option<String>,
    #[ts(type = "number")]
    pub files_kept: u64,
    #[ts(type = "number")]
    pub evidence_bytes: u64,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct Settings {
    pub zone: String,
    pub tolerance: String,
    #[ts(type = "number")]
    pub validity_hours: i64,
    #[ts(type = "Record<string, number>")]
    pub validity_hours_by_psp: BTreeMap<String, i64>,
    /// The zones set for one PSP's files (`zone.<psp>`); a PSP not listed uses the zone its
    /// format documents, else `zone`.
    #[ts(type = "Record<string, string>")]
    pub zone_by_psp: BTreeMap<String, String>,
    #[ts(type = "number")]
    pub grace_days: i64,
    pub retention_years: u32,
    #[ts(type = "Lang")]
    pub lang: String,
    pub actor: Option<String>,
}
