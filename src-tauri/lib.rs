//! The desktop shell: opens the workspace, registers the commands and runs the Tauri event loop.
//! Business logic lives in cuadra-core; nothing here may decide a rule, touch SQL or format money.

mod commands;
mod error;
mod state;

pub use error::ApiError;
pub use state::AppState;

/// Starts the app on the workspace named by `CUADRA_DB`, else the per-user default.
pub fn run() -> Result<(), tauri::Error> {
    let state = AppState::open(cuadra_core::store::resolve_db_path(None));
    tauri::Builder::default()
        .manage(state)
        .invoke_handler(tauri::generate_handler![commands::list_files])
        .run(tauri::generate_context!())
}
