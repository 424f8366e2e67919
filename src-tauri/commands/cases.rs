//! The dashboard, the cases table, one case, the line search and the review acts.

use super::now;
use crate::dto::{BulkResolved, CaseDetailDto, CaseRowDto, CaseSort, ListCasesResponse};
use crate::error::ApiError;
use crate::state::AppState;
use cuadra_core::cases::{
    CaseFilter, CurrencyTotals, DashFilter, Dashboard, Facets, FoundLine, FoundOrder, SortKey,
};
use cuadra_core::msg;
use cuadra_core::review::LastAct;
use cuadra_core::review::{ActionKind, ActionRequest};
use cuadra_core::store::Attachment;
use cuadra_core::words::{app, Entry};
use tauri::State;

/// The most rows one page may ask for.
const MAX_PAGE: u64 = 1000;

#[tauri::command(async, rename_all = "snake_case")]
pub fn summary(state: State<'_, AppState>, filter: DashFilter) -> Result<Dashboard, ApiError> {
    state.with_workspace(|ws| Ok(ws.dashboard(&filter)?))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn list_facets(state: State<'_, AppState>) -> Result<Facets, ApiError> {
    state.with_workspace(|ws| Ok(ws.facets()?))
}

fn sort_key(column: &str) -> Result<SortKey, ApiError> {
    serde_json::from_value(serde_json::Value::from(column))
        .map_err(|_| ApiError::new(ApiError::INVALID, msg!(app::BAD_SORT, column)))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn list_cases(
    state: State<'_, AppState>,
    filter: CaseFilter,
    sort: CaseSort,
    offset: u64,
    limit: u64,
) -> Result<ListCasesResponse, ApiError> {
    if limit == 0 || limit > MAX_PAGE {
        return Err(ApiError::new(
            ApiError::INVALID,
            msg!(app::PAGE_OF_CASES, MAX_PAGE as i64, limit as i64),
        ));
    }
    let sort = cuadra_core::cases::CaseSort {
        key: sort_key(&sort.column)?,
        desc: sort.direction == "desc",
    };
    state.with_workspace(|ws| {
        let (total, rows) = ws.list_cases(&filter, sort, offset, limit)?;
        Ok(ListCasesResponse {
            total,
            rows: rows.into_iter().map(CaseRowDto::from).collect(),
        })
    })
}

/// The count and sums per currency of every case the filter selects (the table's totals).
#[tauri::command(async, rename_all = "snake_case")]
pub fn case_totals(
    state: State<'_, AppState>,
    filter: CaseFilter,
) -> Result<Vec<CurrencyTotals>, ApiError> {
    state.with_workspace(|ws| Ok(ws.case_totals(&filter)?))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn get_case(state: State<'_, AppState>, case_key: String) -> Result<CaseDetailDto, ApiError> {
    state.with_workspace(|ws| {
        let d = ws.case_detail(&case_key)?.ok_or_else(|| {
            ApiError::new(
                ApiError::NOT_FOUND,
                msg!(cuadra_core::review::words::NO_SUCH_CASE, &case_key),
            )
        })?;
        Ok(d.into())
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn search_lines(state: State<'_, AppState>, query: String) -> Result<Vec<FoundLine>, ApiError> {
    state.with_workspace(|ws| Ok(ws.search_lines(&query)?))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn search_orders(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<FoundOrder>, ApiError> {
    state.with_workspace(|ws| Ok(ws.search_orders(&query)?))
}

fn id(text: &str, what: &'static Entry) -> Result<i64, ApiError> {
    text.trim()
        .parse()
        .map_err(|_| ApiError::new(ApiError::INVALID, msg!(what, text)))
}

#[tauri::command(async, rename_all = "snake_case")]
#[allow(clippy::too_many_arguments)]
pub fn case_action(
    state: State<'_, AppState>,
    case_key: String,
    action: String,
    reason: Option<String>,
    note: Option<String>,
    line_ids: Vec<String>,
    order_id: Option<String>,
    order_ref: Option<String>,
    expected_membership: Option<String>,
) -> Result<CaseRowDto, ApiError> {
    let kind = ActionKind::parse(&action)
        .ok_or_else(|| ApiError::new(ApiError::INVALID, msg!(app::BAD_ACTION, &action)))?;
    let req = ActionRequest {
        case_key: case_key.clone(),
        action: kind,
        reason,
        note,
        line_ids: line_ids
            .iter()
            .map(|l| id(l, app::BAD_LINE_ID))
            .collect::<Result<_, _>>()?,
        order_id: order_id
            .as_deref()
            .map(|o| id(o, app::BAD_ORDER_ID))
            .transpose()?,
        order_ref,
        expected_membership,
    };
    let actor = state.actor();
    state.with_workspace(|ws| {
        let out = ws.act(&req, &actor, now())?;
        // A match from a line's own case moves the line into the order's case: show that one.
        let row = out
            .cases
            .iter()
            .find(|c| c.case_key == case_key)
            .or_else(|| out.cases.iter().find(|c| c.order_id.is_some()))
            .or(out.cases.first())
            .cloned()
            .ok_or_else(|| ApiError::new(ApiError::NOT_FOUND, msg!(app::CASE_GONE, &case_key)))?;
        Ok(row.into())
    })
}

/// The person's last act on a case, which the window offers to undo (`null`: none yet).
#[tauri::command(async, rename_all = "snake_case")]
pub fn last_act(state: State<'_, AppState>) -> Result<Option<LastAct>, ApiError> {
    let actor = state.actor();
    state.with_workspace(|ws| Ok(ws.last_act(&actor)?))
}

/// Undoes the person's last act (the one the window showed: `expected_seq`) by compensating
/// acts, and answers with the cases as they are now.
#[tauri::command(async, rename_all = "snake_case")]
pub fn undo_last(
    state: State<'_, AppState>,
    expected_seq: Option<i64>,
) -> Result<Vec<CaseRowDto>, ApiError> {
    let actor = state.actor();
    state.with_workspace(|ws| {
        let outcomes = ws.undo_last(&actor, expected_seq, now())?;
        let mut rows: Vec<CaseRowDto> = Vec::new();
        for c in outcomes.into_iter().flat_map(|o| o.cases) {
            if !rows.iter().any(|r| r.row.case_key == c.case_key) {
                rows.push(c.into());
            }
        }
        Ok(rows)
    })
}

/// Attaches a file of evidence (a PSP ticket, a receipt: PDF or image) chosen in the open
/// dialog to a case; the case's attachments afterwards, or `null` when the dialog was cancelled.
#[tauri::command(async, rename_all = "snake_case")]
pub fn attach_to_case(
    state: State<'_, AppState>,
    case_key: String,
    note: Option<String>,
) -> Result<Option<Vec<Attachment>>, ApiError> {
    use cuadra_core::review::attach::{ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_MB};
    use cuadra_core::review::ReviewError;
    let Some(path) = crate::dialogs::pick_evidence_file() else {
        return Ok(None);
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    // A file larger than an attachment may be is refused before it is read into memory.
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    if size > ATTACHMENT_MAX_BYTES as u64 {
        return Err(ReviewError::NotAllowed(msg!(
            cuadra_core::review::words::ATTACH_TOO_LARGE,
            &name,
            ATTACHMENT_MAX_MB as i64
        ))
        .into());
    }
    let bytes = std::fs::read(&path).map_err(|_| {
        ApiError::new(
            ApiError::INVALID,
            msg!(app::NOT_A_FILE, path.display().to_string()),
        )
    })?;
    let actor = state.actor();
    let note = note.filter(|n| !n.trim().is_empty());
    state.with_workspace(|ws| {
        ws.attach_to_case(&case_key, &name, &bytes, note.as_deref(), &actor, now())?;
        Ok(Some(ws.attachments(&case_key)?))
    })
}

/// Resolves the selected cases with one reason, all in one transaction (`Workspace::bulk_resolve`):
/// every case is checked first, so a refusal (locked, unknown) writes nothing; cases resolved
/// already are skipped and named.
#[tauri::command(async, rename_all = "snake_case")]
pub fn bulk_resolve(
    state: State<'_, AppState>,
    case_keys: Vec<String>,
    reason: String,
    note: Option<String>,
) -> Result<BulkResolved, ApiError> {
    let actor = state.actor();
    state.with_workspace(|ws| {
        let out = ws.bulk_resolve(&case_keys, &reason, note.as_deref(), &actor, now())?;
        let mut resolved = Vec::with_capacity(out.resolved.len());
        for key in &out.resolved {
            if let Some(c) = ws.case(key)? {
                resolved.push(c.into());
            }
        }
        Ok(BulkResolved {
            resolved,
            skipped: out.skipped,
        })
    })
}
