//! Reports through a save dialog: every kind of cuadra-core's report module.

use super::now;
use crate::error::ApiError;
use crate::state::AppState;
use cuadra_core::cases::CaseFilter;
use cuadra_core::msg;
use cuadra_core::report::{export, ExportFormat, ExportKind, ExportRequest, Lang};
use cuadra_core::words::{app, Msg};
use tauri::State;

#[tauri::command(async, rename_all = "snake_case")]
#[allow(clippy::too_many_arguments)]
pub fn export_report(
    state: State<'_, AppState>,
    kind: String,
    format: String,
    period: Option<String>,
    statuses: Vec<String>,
    psps: Vec<String>,
    lang: String,
    filter: Option<CaseFilter>,
) -> Result<Option<String>, ApiError> {
    let invalid = |m: Msg| ApiError::new(ApiError::INVALID, m);
    let kind = ExportKind::parse(&kind).ok_or_else(|| invalid(msg!(app::BAD_REPORT, &kind)))?;
    let format = match (kind, format.as_str()) {
        (ExportKind::Bundle, _) => ExportFormat::Zip,
        (ExportKind::Workbook, _) | (_, "xlsx") => ExportFormat::Xlsx,
        (_, "csv") => ExportFormat::Csv,
        (_, other) => return Err(invalid(msg!(app::BAD_FORMAT, other))),
    };
    let lang = Lang::parse(&lang).ok_or_else(|| invalid(msg!(app::BAD_LANGUAGE, &lang)))?;
    let period = period.filter(|p| !p.trim().is_empty());
    // The cases table's "export this view" sends its whole filter; the Export screen, a period,
    // statuses and PSPs.
    let filter: CaseFilter = match filter {
        Some(f) => f,
        None => cuadra_core::cases::CaseFilter {
            period,
            statuses,
            psps,
            ..Default::default()
        },
    };
    if kind == ExportKind::Bundle && filter.period.is_none() {
        return Err(invalid(msg!(
            cuadra_core::report::words::BUNDLE_NEEDS_PERIOD
        )));
    }
    let suggested = format!(
        "cuadra-{}{}.{}",
        kind.as_str(),
        filter
            .period
            .as_deref()
            .map(|p| format!("-{p}"))
            .unwrap_or_default(),
        format.as_str()
    );
    let Some(path) = crate::dialogs::save_report(&suggested, format.as_str()) else {
        return Ok(None);
    };
    let req = ExportRequest {
        kind,
        format,
        filter,
        lang,
        csv: Default::default(),
        xlsx: Default::default(),
        reconcile_as_of: None,
        actor: state.actor(),
        now: now(),
    };
    state.with_workspace(|ws| {
        let out = export(ws, &req, &path)?;
        Ok(Some(out.path.display().to_string()))
    })
}
