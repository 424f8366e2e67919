//! The witness file beside a workspace (`cuadra.db.head`): what Cuadra last saw of the workspace
//! from outside the database. It keeps the audit chain's head (sequence and hash: a shorter or
//! different chain later is evidence that events were deleted or rewritten, see `verify`) and
//! the file's size and modification time when Cuadra last closed it sound. A workspace whose
//! file changed since (another program wrote it, a disk or a copy damaged it) has its pages
//! checked before anything is written to it.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// The file beside a workspace that keeps the last audit head seen: `cuadra.db.head`.
pub fn witness_path(db: &Path) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(".head");
    PathBuf::from(s)
}

/// The audit chain's head as a witness saw it, and the workspace file as Cuadra left it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Witness {
    pub seq: i64,
    pub hash: String,
    /// The workspace file when Cuadra last closed it after finding it sound (absent in
    /// witnesses written before it was kept, or before the first close).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<FileStamp>,
}

/// A file's size and modification time (nanoseconds since 1970).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    pub size: u64,
    pub modified_ns: u128,
}

impl FileStamp {
    /// The stamp of the file at `path` now, when it can be read.
    pub fn of(path: &Path) -> Option<FileStamp> {
        let meta = std::fs::metadata(path).ok()?;
        let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(FileStamp {
            size: meta.len(),
            modified_ns: modified.as_nanos(),
        })
    }
}

/// The witness beside the workspace `db`, when there is one that can be read.
pub fn read(db: &Path) -> Option<Witness> {
    let text = std::fs::read_to_string(witness_path(db)).ok()?;
    serde_json::from_str(&text).ok()
}

/// Writes the witness beside the workspace `db`, aside and renamed: a crash leaves the old
/// witness or the new one, never half of one. A witness that cannot be written (a read-only
/// folder) is skipped: it is a check, not a condition of working.
pub fn write(db: &Path, w: &Witness) {
    let path = witness_path(db);
    let tmp = witness_path(&path);
    let text = serde_json::to_string(w).unwrap_or_default();
    if std::fs::write(&tmp, text).is_ok() && std::fs::rename(&tmp, &path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// Whether the workspace file is as Cuadra last left it after finding it sound.
pub fn unchanged_since_last_close(db: &Path) -> bool {
    match (read(db).and_then(|w| w.file), FileStamp::of(db)) {
        (Some(seen), Some(now)) => seen == now,
        _ => false,
    }
}

/// Records the workspace file as it is now (just closed, found sound), keeping the chain head
/// the witness saw.
pub fn stamp(db: &Path) {
    let Some(now) = FileStamp::of(db) else {
        return;
    };
    let mut w = read(db).unwrap_or_default();
    w.file = Some(now);
    write(db, &w);
}
