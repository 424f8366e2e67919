//! A consistent copy of a live workspace through SQLite's online backup API, checked after it is
//! written: the copy is read back from disk, its pages checked and its audit chain verified. A
//! backup never overwrites an existing file and never leaves a half-written one under its name.

use crate::audit::{self, Verification};
use crate::msg;
use crate::store::{StoreError, Workspace};
use crate::words::store as words;
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Why a backup was not written.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{path} already exists: a backup never overwrites a file; choose a new name or move the old file away")]
    Exists { path: PathBuf },
    #[error("cannot write the backup {path}: {message}")]
    Write { path: PathBuf, message: String },
}

impl BackupError {
    /// What went wrong and what to do, in the reader's language.
    pub fn msg(&self) -> crate::words::Msg {
        let shown = |p: &Path| p.display().to_string();
        match self {
            BackupError::Exists { path } => msg!(words::BACKUP_EXISTS, shown(path)),
            BackupError::Write { path, message } => msg!(words::BACKUP, shown(path), message),
        }
    }
}

/// What `backup_to` wrote and what the check of the copy found.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct BackupReport {
    pub path: PathBuf,
    pub bytes: u64,
    /// `PRAGMA quick_check` of the copy: `ok` when its pages are sound.
    pub integrity: String,
    /// The copy's audit chain.
    pub verification: Verification,
}

impl BackupReport {
    /// The copy is sound and its audit chain verifies.
    pub fn ok(&self) -> bool {
        self.integrity == "ok" && self.verification.ok()
    }
}

/// How long a backup waits for a writer in rollback-journal mode before it gives up.
const BUSY_RETRIES: u32 = 200;

impl Workspace {
    /// Copies the workspace to `out` (which must not exist) while other connections may go on
    /// writing, then opens the copy and checks it. The copy is a single self-contained file
    /// (rollback-journal mode; Cuadra switches it back to WAL when it opens it as a workspace).
    pub fn backup_to(&self, out: &Path) -> Result<BackupReport, BackupError> {
        if out.symlink_metadata().is_ok() {
            return Err(BackupError::Exists {
                path: out.to_path_buf(),
            });
        }
        let failed = |message: String| BackupError::Write {
            path: out.to_path_buf(),
            message,
        };
        let name = out
            .file_name()
            .ok_or_else(|| failed("the path names no file".into()))?;
        let partial = out.with_file_name(format!(
            "{}.partial-{}",
            name.to_string_lossy(),
            std::process::id()
        ));
        let _ = std::fs::remove_file(&partial);
        let written = copy_into(self.conn(), &partial).and_then(|()| check_copy(&partial));
        let (integrity, verification) = match written {
            Ok(found) => found,
            Err(e) => {
                let _ = std::fs::remove_file(&partial);
                return Err(failed(e.to_string()));
            }
        };
        // Publish under the final name without ever replacing a file that appeared meanwhile:
        // a hard link fails when the name exists (rename would overwrite it).
        let published = match std::fs::hard_link(&partial, out) {
            Ok(()) => std::fs::remove_file(&partial).map_err(|e| failed(e.to_string())),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let _ = std::fs::remove_file(&partial);
                return Err(BackupError::Exists {
                    path: out.to_path_buf(),
                });
            }
            // A file system without hard links: rename, after checking the name once more.
            Err(_) if out.symlink_metadata().is_err() => {
                std::fs::rename(&partial, out).map_err(|e| failed(e.to_string()))
            }
            Err(e) => Err(failed(e.to_string())),
        };
        if let Err(e) = published {
            let _ = std::fs::remove_file(&partial);
            return Err(e);
        }
        let bytes = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
        Ok(BackupReport {
            path: out.to_path_buf(),
            bytes,
            integrity,
            verification,
        })
    }
}

/// Copies every page of `source` into a new database at `path`.
fn copy_into(source: &Connection, path: &Path) -> Result<(), StoreError> {
    let mut dst = Connection::open(path)?;
    {
        let backup = Backup::new(source, &mut dst)?;
        // All pages in ONE step, under one read transaction: a consistent snapshot even while
        // another connection commits (in WAL mode that writer is not blocked). Copying in small
        // steps would restart from the first page every time another connection commits.
        let mut retries = 0;
        loop {
            match backup.step(-1)? {
                StepResult::Done => break,
                StepResult::More => {}
                StepResult::Busy | StepResult::Locked if retries < BUSY_RETRIES => {
                    retries += 1;
                    std::thread::sleep(Duration::from_millis(50));
                }
                _ => return Err(StoreError::BadQuery(msg!(words::IN_USE))),
            }
        }
    }
    let _mode: String = dst.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    dst.close().map_err(|(_, e)| StoreError::Sql(e))?;
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| StoreError::BadQuery(msg!(words::BACKUP_FLUSH, e.to_string())))?;
    Ok(())
}

/// Reads the copy back from disk: its pages, then its audit chain.
fn check_copy(path: &Path) -> Result<(String, Verification), StoreError> {
    let copy = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let integrity: String = copy.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    let verification = audit::verify(&copy)?;
    Ok((integrity, verification))
}
