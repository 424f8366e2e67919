//! The session, the workspace file, the demo data, settings and reruns.

use super::now;
use crate::dto::{ReconcileResult, Session, Settings};
use crate::error::ApiError;
use crate::state::AppState;
use cuadra_core::ingest::{import_bytes, BadRowPolicy, ImportOptions};
use cuadra_core::msg;
use cuadra_core::words::app;
use tauri::{AppHandle, Manager, State};

/// The demo files shipped in assets/demo (a seeded scenario with every status), embedded so
/// the demo works wherever the app is installed.
const DEMO_FILES: [(&str, &[u8]); 4] = [
    (
        "shopify_orders_export.csv",
        include_bytes!("../../assets/demo/shopify_orders_export.csv"),
    ),
    (
        "dlocal_settlement_657094.csv",
        include_bytes!("../../assets/demo/dlocal_settlement_657094.csv"),
    ),
    (
        "dlocal_settlement_657114.csv",
        include_bytes!("../../assets/demo/dlocal_settlement_657114.csv"),
    ),
    (
        "dlocal_report_2026-05-15.csv",
        include_bytes!("../../assets/demo/dlocal_report_2026-05-15.csv"),
    ),
];
/// The moment the demo scenario is judged at (its vouchers and grace periods are planted
/// around it), and its amount tolerance.
const DEMO_AS_OF: &str = "2026-05-22T20:30:00-05:00";
const DEMO_TOLERANCE: &str = "50";

/// The workspace's name as people see it: its file name without the extension.
fn workspace_name(path: Option<&std::path::Path>) -> Option<String> {
    path.and_then(|p| p.file_stem())
        .map(|n| n.to_string_lossy().into_owned())
}

/// Sets the window title to "Cuadra — <workspace file name>".
pub fn set_title(app: &AppHandle, state: &AppState) {
    let (path, _) = state.describe();
    let name = workspace_name(path.as_deref());
    let title = match name {
        Some(n) => format!("Cuadra — {n}"),
        None => "Cuadra".to_string(),
    };
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.set_title(&title);
    }
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn get_session(state: State<'_, AppState>) -> Result<Session, ApiError> {
    let (path, error) = state.describe();
    let prefs = state.prefs();
    Ok(Session {
        workspace_name: workspace_name(path.as_deref()),
        workspace_path: path.map(|p| p.display().to_string()),
        actor: prefs.actor.filter(|a| !a.trim().is_empty()),
        lang: prefs.lang,
        workspace_error: error,
    })
}

/// The front end reports that a screen is interactive (its data shown). The first report per
/// screen logs the time since launch, and with `CUADRA_LAUNCH_PROBE=FILE` appends
/// `<screen> <milliseconds>` to FILE (the launch benchmark reads it). Returns the milliseconds.
#[tauri::command(rename_all = "snake_case")]
pub fn ui_ready(screen: String) -> Result<u64, ApiError> {
    use std::sync::Mutex;
    static SEEN: Mutex<Vec<String>> = Mutex::new(Vec::new());
    if screen != "dashboard" {
        return Err(ApiError::new(
            ApiError::INVALID,
            msg!(app::BAD_SCREEN, &screen),
        ));
    }
    let ms = crate::launched().elapsed().as_millis() as u64;
    let first = {
        let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
        let first = !seen.contains(&screen);
        if first {
            seen.push(screen.clone());
        }
        first
    };
    if first {
        eprintln!("cuadra: {screen} interactive {ms} ms after launch");
        if let Some(probe) = std::env::var_os("CUADRA_LAUNCH_PROBE").filter(|p| !p.is_empty()) {
            use std::io::Write;
            let written = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&probe)
                .and_then(|mut f| writeln!(f, "{screen} {ms}"));
            if let Err(e) = written {
                eprintln!("cuadra: cannot write {}: {e}", probe.to_string_lossy());
            }
        }
    }
    Ok(ms)
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn pick_workspace(
    app: AppHandle,
    state: State<'_, AppState>,
    create: bool,
) -> Result<Option<String>, ApiError> {
    let Some(path) = crate::dialogs::pick_workspace(create) else {
        return Ok(None);
    };
    if !create && !path.is_file() {
        return Err(ApiError::new(
            ApiError::NOT_FOUND,
            msg!(app::NO_SUCH_WORKSPACE, path.display().to_string()),
        ));
    }
    state.switch_to(&path)?;
    state.update_prefs(|p| p.last_workspace = Some(path.clone()))?;
    set_title(&app, &state);
    Ok(Some(path.display().to_string()))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn load_demo(state: State<'_, AppState>) -> Result<(), ApiError> {
    let actor = state.actor();
    state.with_workspace(|ws| {
        ws.set_setting("tolerance", DEMO_TOLERANCE, &actor, now())?;
        let opts = ImportOptions {
            profile: None,
            dry_run: false,
            bad_rows: BadRowPolicy::RejectFile,
            actor: actor.clone(),
            now: now(),
        };
        for (name, bytes) in DEMO_FILES {
            let report = import_bytes(ws, name, name, bytes, &opts)?;
            if !report.succeeded() {
                let why = report.problems.first().map_or_else(
                    || msg!(app::INTERNAL, format!("{:?}", report.outcome)),
                    |p| p.message.clone(),
                );
                return Err(ApiError::new(
                    ApiError::STORE,
                    msg!(app::DEMO_FAILED, name, why),
                ));
            }
        }
        let as_of = chrono::DateTime::parse_from_rfc3339(DEMO_AS_OF)
            .map(|t| t.with_timezone(&chrono::Utc))
            .map_err(|e| ApiError::new(ApiError::STORE, msg!(app::INTERNAL, e.to_string())))?;
        ws.run_reconciliation(as_of, &actor, now())?;
        Ok(())
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn reconcile(
    state: State<'_, AppState>,
    as_of: Option<String>,
) -> Result<ReconcileResult, ApiError> {
    let actor = state.actor();
    state.with_workspace(|ws| {
        // A day (`2026-05-31`) means its last second in the workspace zone, today means now;
        // a full time is taken as given; none is now. Never a time still to come: judged as of
        // tomorrow, vouchers still valid today would count as expired.
        let now = now();
        let as_of = match as_of.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            None => now,
            Some(t) => {
                let (at, day) = match chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d") {
                    Ok(day) => (ws.as_of_day(day)?, true),
                    Err(_) => (
                        chrono::DateTime::parse_from_rfc3339(t)
                            .map(|t| t.with_timezone(&chrono::Utc))
                            .map_err(|_| {
                                ApiError::new(ApiError::INVALID, msg!(app::BAD_AS_OF, t))
                            })?,
                        false,
                    ),
                };
                let today_ends = chrono::NaiveDate::parse_from_str(
                    &now.with_timezone(&ws.zone()?)
                        .format("%Y-%m-%d")
                        .to_string(),
                    "%Y-%m-%d",
                )
                .map(|d| ws.as_of_day(d))
                .unwrap_or(Ok(now))?;
                if at > today_ends || (!day && at > now) {
                    return Err(ApiError::new(ApiError::INVALID, msg!(app::AS_OF_FUTURE, t)));
                }
                at.min(now)
            }
        };
        let run = ws.run_reconciliation(as_of, &actor, now)?;
        Ok(ReconcileResult {
            as_of: run.as_of,
            cases: run.cases,
            changed: run.written + run.removed,
        })
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn get_settings(state: State<'_, AppState>) -> Result<Settings, ApiError> {
    let prefs = state.prefs();
    state.with_workspace(|ws| {
        let r = ws.recon_settings()?;
        let zone_by_psp = ws
            .stored_settings()?
            .into_iter()
            .filter_map(|(k, v)| Some((k.strip_prefix("zone.")?.to_string(), v)))
            .collect();
        Ok(Settings {
            zone: r.zone.name().to_string(),
            tolerance: r.tolerance.normalize().to_string(),
            validity_hours: r.validity_hours,
            validity_hours_by_psp: r.validity_hours_by_psp.clone(),
            zone_by_psp,
            grace_days: r.grace_days,
            retention_years: ws.retention_years()?,
            lang: prefs.lang.clone().unwrap_or_else(|| "es".into()),
            actor: prefs.actor.clone().filter(|a| !a.trim().is_empty()),
        })
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn set_setting(
    state: State<'_, AppState>,
    key: String,
    value: String,
) -> Result<String, ApiError> {
    match key.as_str() {
        // The person's own settings live with the person, not in the books.
        "lang" => {
            let lang = value.trim().to_lowercase();
            if !["es", "en", "zh"].contains(&lang.as_str()) {
                return Err(ApiError::new(
                    ApiError::INVALID_SETTING,
                    msg!(app::BAD_LANGUAGE, &value),
                ));
            }
            state.update_prefs(|p| p.lang = Some(lang.clone()))?;
            Ok(lang)
        }
        "actor" => {
            let name = value.trim().to_string();
            if name.is_empty() || name.chars().count() > 100 {
                return Err(ApiError::new(
                    ApiError::INVALID_SETTING,
                    msg!(app::ACTOR_LENGTH),
                ));
            }
            state.update_prefs(|p| p.actor = Some(name.clone()))?;
            Ok(name)
        }
        _ => {
            let actor = state.actor();
            state.with_workspace(|ws| Ok(ws.set_setting(&key, &value, &actor, now())?))
        }
    }
}
