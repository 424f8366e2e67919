//! The desktop shell: opens the workspace, registers the commands and runs the Tauri event loop.
//! Business logic lives in cuadra-core; nothing here may decide a rule, touch SQL or format money.

mod commands;
mod dialogs;
pub mod dto;
mod error;
pub mod generated;
mod prefs;
mod state;

pub use error::ApiError;
pub use prefs::Prefs;
pub use state::AppState;

use commands::{audit, cases, export, import, workspace};

/// When the app started (the launch benchmark measures from here and from outside).
static LAUNCHED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

pub(crate) fn launched() -> std::time::Instant {
    *LAUNCHED.get_or_init(std::time::Instant::now)
}

/// Starts the app on the workspace named by `CUADRA_DB`, else the last one opened, else the
/// per-user default.
pub fn run() -> Result<(), tauri::Error> {
    launched();
    let prefs = Prefs::load();
    let path = match std::env::var_os("CUADRA_DB") {
        Some(v) if !v.is_empty() => Some(std::path::PathBuf::from(v)),
        _ => prefs
            .last_workspace
            .clone()
            .or_else(cuadra_core::store::default_db_path),
    };
    let state = AppState::open(path, prefs);
    tauri::Builder::default()
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .manage(state)
        .setup(|app| {
            use tauri::Manager;
            let handle = app.handle().clone();
            workspace::set_title(&handle, &app.state::<AppState>());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            workspace::get_session,
            workspace::pick_workspace,
            workspace::load_demo,
            workspace::reconcile,
            workspace::ui_ready,
            workspace::get_settings,
            workspace::set_setting,
            import::list_files,
            import::pick_import_files,
            import::preview_import,
            import::start_import,
            import::cancel_import,
            cases::summary,
            cases::list_facets,
            cases::list_cases,
            cases::case_totals,
            cases::get_case,
            cases::search_lines,
            cases::search_orders,
            cases::case_action,
            cases::last_act,
            cases::undo_last,
            cases::bulk_resolve,
            cases::attach_to_case,
            audit::audit_log,
            audit::verify_audit,
            audit::verify_workspace,
            audit::close_period,
            audit::reopen_period,
            audit::list_periods,
            audit::retention_status,
            export::export_report,
        ])
        .build(tauri::generate_context!())?
        .run(|app, event| {
            // The workspace closed cleanly is stamped beside it, so the next start skips the
            // page check that a file changed outside Cuadra gets.
            if let tauri::RunEvent::Exit = event {
                use tauri::Manager;
                app.state::<AppState>().close();
            }
        });
    Ok(())
}
