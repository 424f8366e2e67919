//! The Tauri commands: each is one line of delegation into cuadra-core. Each is a sync fn marked
//! `async` so Tauri runs it on a worker thread, never blocking the window's main thread.

use crate::error::ApiError;
use crate::state::AppState;
use cuadra_core::store::{ImportedFile, Workspace};

#[tauri::command(async)]
pub fn list_files(state: tauri::State<'_, AppState>) -> Result<Vec<ImportedFile>, ApiError> {
    state.with_workspace(Workspace::list_files)
}
