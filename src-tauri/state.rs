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
            Some(path) => Workspace::open(&path).map(Mutex::new).map_err(ApiError::from),
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
