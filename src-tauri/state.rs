//! What the commands share: the open workspace (or why none is open), the person's preferences
//! and the running import jobs. A workspace that failed to open is kept as its error, so the
//! window still opens and every command reports why instead of the app vanishing.

use crate::error::ApiError;
use crate::prefs::Prefs;
use cuadra_core::ingest::ImportHooks;
use cuadra_core::store::Workspace;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

/// The workspace slot: open, failed (with why), or none chosen yet.
pub struct Slot {
    pub path: Option<PathBuf>,
    pub workspace: Option<Workspace>,
    pub error: Option<ApiError>,
}

pub struct AppState {
    // `Workspace` holds a rusqlite connection: `Send` but not `Sync`, hence the mutex.
    slot: Mutex<Slot>,
    prefs: Mutex<Prefs>,
    /// Import jobs by id: what the cancel button flips and the progress loop reads.
    pub jobs: Mutex<HashMap<String, ImportHooks>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A command that panicked while holding the lock dropped its rusqlite transaction, which
    // rolled back: the connection is consistent, so a poisoned lock is safe to reuse.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl AppState {
    /// Opens (creating and migrating if needed) the workspace at `path`.
    pub fn open(path: Option<PathBuf>, prefs: Prefs) -> AppState {
        let state = AppState {
            slot: Mutex::new(Slot {
                path: None,
                workspace: None,
                error: None,
            }),
            prefs: Mutex::new(prefs),
            jobs: Mutex::new(HashMap::new()),
        };
        match path {
            Some(path) => {
                let _ = state.switch_to(&path);
            }
            None => lock(&state.slot).error = Some(ApiError::no_workspace_path()),
        }
        state
    }

    /// Makes the workspace at `path` the open one (created if missing).
    pub fn switch_to(&self, path: &Path) -> Result<(), ApiError> {
        let mut slot = lock(&self.slot);
        slot.path = Some(path.to_path_buf());
        if let Some(old) = slot.workspace.take() {
            let _ = old.close();
        }
        match Workspace::open(path) {
            Ok(ws) => {
                // The head this workspace has now, witnessed (never over a witness that saw
                // more: that one is the evidence "Verify everything" reports).
                let _ = ws.record_witness();
                slot.workspace = Some(ws);
                slot.error = None;
                Ok(())
            }
            Err(e) => {
                let e = ApiError::from(e);
                slot.workspace = None;
                slot.error = Some(e.clone());
                Err(e)
            }
        }
    }

    /// Closes the open workspace (the app is quitting).
    pub fn close(&self) {
        if let Some(ws) = lock(&self.slot).workspace.take() {
            let _ = ws.close();
        }
    }

    /// The open workspace's path and, when it failed to open, why.
    pub fn describe(&self) -> (Option<PathBuf>, Option<ApiError>) {
        let slot = lock(&self.slot);
        (slot.path.clone(), slot.error.clone())
    }

    /// Runs `f` on the open workspace, one command at a time.
    pub fn with_workspace<T>(
        &self,
        f: impl FnOnce(&mut Workspace) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let mut slot = lock(&self.slot);
        if let Some(e) = &slot.error {
            return Err(e.clone());
        }
        let ws = slot.workspace.as_mut().ok_or_else(ApiError::no_workspace)?;
        // A command that wrote to the audit trail moves its head: the head is witnessed beside
        // the workspace (`cuadra.db.head`), so deleting the newest events later is found.
        let head = |ws: &Workspace| cuadra_core::audit::chain_head(ws.conn()).ok();
        let before = head(ws);
        let out = f(ws);
        if out.is_ok() && head(ws) != before {
            let _ = ws.record_witness();
            // The file as this act left it, stamped: the next start checks its pages only if
            // something outside Cuadra changed it.
            ws.checkpoint_and_stamp();
        }
        out
    }

    pub fn prefs(&self) -> Prefs {
        lock(&self.prefs).clone()
    }

    pub fn update_prefs(&self, f: impl FnOnce(&mut Prefs)) -> Result<Prefs, ApiError> {
        let mut prefs = lock(&self.prefs);
        f(&mut prefs);
        prefs.save().map_err(|e| {
            ApiError::new(
                ApiError::STORE,
                cuadra_core::msg!(cuadra_core::words::app::PREFS_NOT_SAVED, e.to_string()),
            )
        })?;
        Ok(prefs.clone())
    }

    /// Who acts: the person's name from the preferences, else the OS user.
    pub fn actor(&self) -> String {
        self.prefs()
            .actor
            .filter(|a| !a.trim().is_empty())
            .unwrap_or_else(cuadra_core::audit::os_user)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefs(dir: &Path) -> Prefs {
        Prefs::load_from(dir.join("prefs.json"))
    }

    #[test]
    fn a_missing_workspace_path_is_reported_by_every_command() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let state = AppState::open(None, prefs(dir.path()));
        let error = state
            .with_workspace(|ws| Ok(ws.list_files()?))
            .expect_err("without a path there is no workspace to list");
        assert_eq!(error.code, ApiError::NO_WORKSPACE_PATH);
    }

    #[test]
    fn a_workspace_that_cannot_open_keeps_its_reason() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let not_a_folder = dir.path().join("file");
        std::fs::write(&not_a_folder, b"x").expect("a plain file");
        let state = AppState::open(Some(not_a_folder.join("cuadra.db")), prefs(dir.path()));
        let error = state
            .with_workspace(|ws| Ok(ws.list_files()?))
            .expect_err("a workspace under a plain file cannot open");
        assert_eq!(error.code, ApiError::STORE);
        assert!(
            error.message.contains("Cannot create the folder"),
            "the message must say what went wrong, got {:?}",
            error.message
        );
        let es = error.detail.render(cuadra_core::words::Lang::Es);
        assert!(
            es.starts_with("No se puede crear la carpeta"),
            "the detail must say it in Spanish too, got {es:?}"
        );
    }

    #[test]
    fn switching_to_a_new_workspace_creates_it() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let state = AppState::open(None, prefs(dir.path()));
        let db = dir.path().join("nested").join("cuadra.db");
        state.switch_to(&db).expect("a new workspace opens");
        let files = state
            .with_workspace(|ws| Ok(ws.list_files()?))
            .expect("a new workspace lists its files");
        assert!(files.is_empty());
        assert!(db.is_file(), "opening must create the workspace file");
    }
}
