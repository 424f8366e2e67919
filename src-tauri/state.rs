//! What the commands share: the open workspace. A workspace that failed to open is kept as its
//! error, so the window still opens and every command reports why instead of the app vanishing.

use crate::error::ApiError;
use cuadra_core::store::{StoreError, Workspace};
use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

pub struct AppState {
    // `Workspace` holds a rusqlite connection: `Send` but not `Sync`, hence the mutex.
    workspace: Result<Mutex<Workspace>, ApiError>,
}

impl AppState {
    /// Opens (creating and migrating if needed) the workspace at `path`.
    pub fn open(path: Option<PathBuf>) -> AppState {
        let workspace = match path {
            Some(path) => Workspace::open(&path)
                .map(Mutex::new)
                .map_err(ApiError::from),
            None => Err(ApiError::no_workspace_path()),
        };
        AppState { workspace }
    }

    /// Runs `f` on the workspace, one command at a time.
    pub fn with_workspace<T>(
        &self,
        f: impl FnOnce(&Workspace) -> Result<T, StoreError>,
    ) -> Result<T, ApiError> {
        let mutex = self.workspace.as_ref().map_err(Clone::clone)?;
        // A command that panicked while holding the lock dropped its rusqlite transaction, which
        // rolled back: the connection is consistent, so a poisoned lock is safe to reuse.
        let workspace = mutex.lock().unwrap_or_else(PoisonError::into_inner);
        Ok(f(&workspace)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_workspace_path_is_reported_by_every_command() {
        let state = AppState::open(None);
        let error = state
            .with_workspace(Workspace::list_files)
            .expect_err("without a path there is no workspace to list");
        assert_eq!(
            error.code,
            ApiError::NO_WORKSPACE_PATH,
            "the UI must be able to tell this case apart"
        );
    }

    #[test]
    fn a_workspace_that_cannot_open_keeps_its_reason() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let not_a_folder = dir.path().join("file");
        std::fs::write(&not_a_folder, b"x").expect("a plain file");
        let state = AppState::open(Some(not_a_folder.join("cuadra.db")));
        let error = state
            .with_workspace(Workspace::list_files)
            .expect_err("a workspace under a plain file cannot open");
        assert_eq!(error.code, ApiError::STORE);
        assert!(
            error.message.contains("cannot create the folder"),
            "the message must say what went wrong, got {:?}",
            error.message
        );
    }

    #[test]
    fn a_new_workspace_is_created_and_lists_no_files() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let db = dir.path().join("nested").join("cuadra.db");
        let state = AppState::open(Some(db.clone()));
        let files = state
            .with_workspace(Workspace::list_files)
            .expect("a new workspace lists its files");
        assert!(files.is_empty(), "a new workspace has no imported files");
        assert!(db.is_file(), "opening must create the workspace file");
    }
}
