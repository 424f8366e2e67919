//! The audit trail, its verification, period close and reopen, and retention.

use super::now;
use crate::dto::{
    AuditFilter, AuditPage, AuditVerification, PeriodInfo, RetentionStatus, WorkspaceVerification,
};
use crate::error::ApiError;
use crate::state::AppState;
use cuadra_core::msg;
use cuadra_core::words::app;
use tauri::State;

/// The most events one page may ask for.
const MAX_PAGE: u64 = 1000;

/// `since` as an instant: RFC 3339, or a date (the start of that day in the workspace zone).
fn since(text: &str, zone: chrono_tz::Tz) -> Result<chrono::DateTime<chrono::Utc>, ApiError> {
    let t = text.trim();
    if let Ok(at) = chrono::DateTime::parse_from_rfc3339(t) {
        return Ok(at.with_timezone(&chrono::Utc));
    }
    chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .map(|d| cuadra_core::time::Moment::Date(d).to_utc(zone))
        .map_err(|_| ApiError::new(ApiError::INVALID, msg!(app::BAD_SINCE, text)))
}

/// The case a person names in the audit filter: its key as Cuadra writes it
/// (`order:shopify:1002`), or the order's number as the shop shows it (`#1002`, `1002`), or a
/// PSP reference, when exactly one case holds it; otherwise the text as typed (which then
/// matches no case and shows an empty log).
fn case_named(ws: &cuadra_core::store::Workspace, typed: &str) -> Result<String, ApiError> {
    if typed.contains(':') {
        return Ok(typed.to_string());
    }
    let bare = typed.trim_start_matches('#');
    let filter = cuadra_core::cases::CaseFilter {
        text: Some(bare.to_string()),
        ..Default::default()
    };
    let sort = cuadra_core::cases::CaseSort {
        key: cuadra_core::cases::SortKey::CaseKey,
        desc: false,
    };
    let (_, rows) = ws.list_cases(&filter, sort, 0, 50)?;
    let exact = |c: &&cuadra_core::cases::CaseRow| {
        c.order_ref.as_deref().map(|r| r.trim_start_matches('#')) == Some(bare)
            || c.shop_order_id.as_deref() == Some(bare)
            || c.settlement_refs.split('|').any(|r| r == bare)
    };
    let found: Vec<&cuadra_core::cases::CaseRow> = rows.iter().filter(exact).collect();
    Ok(match found.as_slice() {
        [one] => one.case_key.clone(),
        _ if rows.len() == 1 => rows[0].case_key.clone(),
        _ => typed.to_string(),
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn audit_log(
    state: State<'_, AppState>,
    filter: AuditFilter,
    offset: u64,
    limit: u64,
) -> Result<AuditPage, ApiError> {
    if limit == 0 || limit > MAX_PAGE {
        return Err(ApiError::new(
            ApiError::INVALID,
            msg!(app::PAGE_OF_EVENTS, MAX_PAGE as i64, limit as i64),
        ));
    }
    state.with_workspace(|ws| {
        let zone = ws.zone()?;
        let case = match filter.case_key.as_deref().map(str::trim) {
            Some(typed) if !typed.is_empty() => Some(case_named(ws, typed)?),
            _ => None,
        };
        let core = cuadra_core::audit::AuditFilter {
            case,
            actor: filter.actor.clone().filter(|a| !a.trim().is_empty()),
            since: filter
                .since
                .as_deref()
                .filter(|s| !s.trim().is_empty())
                .map(|s| since(s, zone))
                .transpose()?,
            newest_first: true,
            offset,
            limit: Some(limit),
            ..Default::default()
        };
        Ok(AuditPage {
            total: ws.audit_count(&core)?,
            events: ws.audit_log(&core)?,
        })
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn verify_audit(state: State<'_, AppState>) -> Result<AuditVerification, ApiError> {
    state.with_workspace(|ws| {
        let v = ws.verify_audit()?;
        Ok(AuditVerification {
            events: v.events,
            head_seq: v.head_seq,
            head_hash: v.head_hash,
            first_broken: v.first_broken,
        })
    })
}

/// Every check of `cuadra-cli verify`: rows derived again from the stored originals, SQLite's
/// integrity, the chain and its witness, the period seals, the cases run again on a copy.
#[tauri::command(async, rename_all = "snake_case")]
pub fn verify_workspace(state: State<'_, AppState>) -> Result<WorkspaceVerification, ApiError> {
    state.with_workspace(|ws| Ok(ws.verify(now())?.into()))
}

fn info(p: cuadra_core::periods::PeriodInfo, to_review: u64, note: Option<String>) -> PeriodInfo {
    PeriodInfo {
        state: if p.is_closed() {
            "closed".into()
        } else {
            "open".into()
        },
        period: p.period,
        closed_at: p.closed_at,
        closed_by: p.closed_by,
        note,
        cases: p.cases,
        to_review,
    }
}

/// Cases of a period still to review, from the stored cases.
fn to_review(ws: &cuadra_core::store::Workspace, period: &str) -> Result<u64, ApiError> {
    let filter = cuadra_core::cases::CaseFilter {
        period: Some(period.to_string()),
        state: Some("to_review".into()),
        ..Default::default()
    };
    Ok(ws.list_cases(&filter, Default::default(), 0, 1)?.0)
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn close_period(
    state: State<'_, AppState>,
    period: String,
    note: Option<String>,
) -> Result<PeriodInfo, ApiError> {
    let actor = state.actor();
    state.with_workspace(|ws| {
        let report = ws.close_period(&period, &actor, now(), note.as_deref())?;
        Ok(info(report.period, report.to_review, note.clone()))
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn reopen_period(
    state: State<'_, AppState>,
    period: String,
    reason: String,
) -> Result<PeriodInfo, ApiError> {
    let actor = state.actor();
    state.with_workspace(|ws| {
        let p = ws.reopen_period(&period, &actor, now(), &reason)?;
        let open = to_review(ws, &period)?;
        Ok(info(p, open, None))
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn list_periods(state: State<'_, AppState>) -> Result<Vec<PeriodInfo>, ApiError> {
    state.with_workspace(|ws| {
        let mut out = Vec::new();
        for p in ws.periods()? {
            let open = to_review(ws, &p.period)?;
            out.push(info(p, open, None));
        }
        out.sort_by(|a, b| b.period.cmp(&a.period));
        Ok(out)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn retention_status(state: State<'_, AppState>) -> Result<RetentionStatus, ApiError> {
    state.with_workspace(|ws| {
        let s = ws.retention_status(now())?;
        let oldest = s.files.iter().map(|f| f.imported_at.clone()).min();
        let keep_until = s.files.iter().map(|f| f.kept_until).max();
        let bytes: u64 = ws.list_files()?.iter().map(|f| f.size).sum();
        Ok(RetentionStatus {
            retention_years: s.retention_years,
            oldest_record_at: oldest,
            keep_until: keep_until.map(|d| d.to_string()),
            files_kept: s.files.len() as u64,
            evidence_bytes: bytes,
        })
    })
}
