//! Reports through a save dialog: every kind of cuadra-core's report module.

use super::now;
use crate::error::ApiError;
use crate::state::AppState;
use cuadra_core::report::{export, ExportFormat, ExportKind, ExportRequest, Lang};
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
) -> Result<Option<String>, ApiError> {
    let invalid = |m: String| ApiError::new(ApiError::INVALID, m);
    let kind =
        ExportKind::parse(&kind).ok_or_else(|| invalid(format!("'{kind}' is not a report")))?;
    let format = match (kind, format.as_str()) {
        (ExportKind::Bundle, _) => ExportFormat::Zip,
        (ExportKind::Workbook, _) | (_, "xlsx") => ExportFormat::Xlsx,
        (_, "csv") => ExportFormat::Csv,
        (_, other) => {
            return Err(invalid(format!(
                "'{other}' is not a format: use xlsx or csv"
            )))
        }
    };
    let lang = Lang::parse(&lang)
        .ok_or_else(|| invalid(format!("'{lang}' is not a language: use es, en or zh")))?;
    let period = period.filter(|p| !p.trim().is_empty());
    if kind == ExportKind::Bundle && period.is_none() {
        return Err(invalid(
            "an audit bundle is for one period: choose the period first".into(),
        ));
    }
    let suggested = format!(
        "cuadra-{}{}.{}",
        kind.as_str(),
        period
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
        filter: cuadra_core::cases::CaseFilter {
            period,
            statuses,
            psps,
            ..Default::default()
        },
        lang,
        csv: Default::default(),
        xlsx: Default::default(),
        reconcile_as_of: None,
        actor: state.actor(),
        now: now(),
    };
    state.with_workspace(|ws| {
        let out =
            export(ws, &req, &path).map_err(|e| ApiError::new(ApiError::STORE, e.to_string()))?;
        Ok(Some(out.path.display().to_string()))
    })
}
