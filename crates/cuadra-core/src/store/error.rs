//! What can go wrong with a workspace, and how a person reads it: what to do about the failures
//! people can act on (another program holds the file, a full disk, a damaged file), else SQLite's
//! own text inside a translated sentence.

use super::words;
use crate::msg;
use crate::words::Msg;
use rusqlite::ErrorCode;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}", StoreError::open_msg(path, source).render_inline(crate::words::Lang::En))]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "the workspace {path} was written by a newer Cuadra (schema {found}, this version knows {known}): update Cuadra"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("there is no workspace at {path}: check the path; to start a new workspace there, import a file into it: cuadra-cli --db {path} import FILE")]
    NoWorkspace { path: PathBuf },
    /// SQLite found damaged pages in a workspace whose file changed outside Cuadra: nothing was
    /// written to it.
    #[error("{}", crate::msg!(words::DAMAGED, path.display().to_string(), problem).render_inline(crate::words::Lang::En))]
    Damaged { path: PathBuf, problem: String },
    #[error("{path} is a folder, not a workspace file: give the workspace file itself (for example {path}/cuadra.db)")]
    IsFolder { path: PathBuf },
    #[error("cannot create the folder {path}: {source}")]
    CreateDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", sql_msg(.0).render_inline(crate::words::Lang::En))]
    Sql(#[from] rusqlite::Error),
    #[error("no imported file has id {0}")]
    NoSuchFile(i64),
    #[error("the stored copy of file {id} is damaged: its SHA-256 is {actual}, not {expected}")]
    EvidenceMismatch {
        id: i64,
        expected: String,
        actual: String,
    },
    #[error("cannot decompress the stored copy of file {id}: {message}")]
    Decompress { id: i64, message: String },
    #[error("there is no attachment {0}; open the case again to see its attachments")]
    NoSuchAttachment(i64),
    #[error("the stored copy of attachment {id} ({name}) of case {case_key} is damaged: its SHA-256 is {actual}, not the {expected} recorded when it was attached. Restore the workspace from a backup")]
    AttachmentDamaged {
        id: i64,
        name: String,
        case_key: String,
        expected: String,
        actual: String,
    },
    /// A request the store cannot answer as asked (a filter value that is not a date, a
    /// workspace not reconciled yet): the message says what to change.
    #[error("{}", .0.render_inline(crate::words::Lang::En))]
    BadQuery(Msg),
    /// The name of the person acting cannot sign an act (a message of `audit::words`).
    #[error("{}", .0.render_inline(crate::words::Lang::En))]
    BadActor(Msg),
    #[error("the audit trail is broken at event {seq}: {}", .why.render_inline(crate::words::Lang::En))]
    ChainBroken { seq: i64, why: Msg },
    #[error("{path} is another program's database, not a Cuadra workspace; Cuadra left it unchanged: choose the workspace file (cuadra.db) or create a new workspace")]
    ForeignDatabase { path: PathBuf },
    /// A run whose cases would put a settlement line in two cases (an engine fault): nothing
    /// of the run was saved.
    #[error("{}", crate::msg!(crate::words::cases::LINES_NOT_PARTITIONED, *held, *stored).render_inline(crate::words::Lang::En))]
    LinesNotPartitioned { held: i64, stored: i64 },
}

impl StoreError {
    /// The code the desktop app sends with the error: most are the workspace's own trouble, a
    /// few the request's.
    pub fn code(&self) -> crate::code::ErrorCode {
        use crate::code::ErrorCode;
        match self {
            StoreError::BadQuery(_) => ErrorCode::InvalidAction,
            _ => ErrorCode::Store,
        }
    }

    /// Why the workspace at `path` could not be opened, and what to do.
    fn open_msg(path: &Path, source: &rusqlite::Error) -> Msg {
        use words::*;
        let shown = path.display().to_string();
        match sqlite_code(source) {
            Some(ErrorCode::NotADatabase) => msg!(NOT_A_WORKSPACE, shown),
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => msg!(IN_USE_AT, shown),
            Some(ErrorCode::DiskFull) => msg!(DISK_FULL),
            Some(ErrorCode::ReadOnly) => msg!(READ_ONLY),
            Some(ErrorCode::DatabaseCorrupt) => msg!(CORRUPT, source.to_string()),
            _ => msg!(OPEN, shown, source.to_string()),
        }
    }

    /// What went wrong and what to do, for a person in their language (`Display` is the English
    /// of logs and the CLI). Paths, ids and SQLite's own texts are shown as they are.
    pub fn msg(&self) -> Msg {
        use words::*;
        let shown = |p: &Path| p.display().to_string();
        match self {
            StoreError::Open { path, source } => StoreError::open_msg(path, source),
            StoreError::NoWorkspace { path } => msg!(NO_WORKSPACE, shown(path)),
            StoreError::IsFolder { path } => msg!(IS_FOLDER, shown(path)),
            StoreError::Damaged { path, problem } => msg!(DAMAGED, shown(path), problem),
            StoreError::TooNew { path, found, known } => msg!(TOO_NEW, shown(path), *found, *known),
            StoreError::CreateDir { path, source } => {
                msg!(CREATE_DIR, shown(path), source.to_string())
            }
            StoreError::Sql(e) => sql_msg(e),
            StoreError::NoSuchFile(id) => msg!(NO_SUCH_FILE, *id),
            StoreError::EvidenceMismatch {
                id,
                expected,
                actual,
            } => msg!(EVIDENCE_MISMATCH, *id, actual, expected),
            StoreError::Decompress { id, message } => msg!(DECOMPRESS, *id, message),
            StoreError::NoSuchAttachment(id) => msg!(NO_SUCH_ATTACHMENT, *id),
            StoreError::AttachmentDamaged {
                id,
                name,
                case_key,
                expected,
                actual,
            } => msg!(ATTACHMENT_DAMAGED, *id, name, case_key, actual, expected),
            StoreError::BadQuery(m) => m.clone(),
            StoreError::BadActor(m) => m.clone(),
            StoreError::ChainBroken { seq, why } => msg!(CHAIN_BROKEN, *seq, why.clone()),
            StoreError::ForeignDatabase { path } => msg!(FOREIGN_DATABASE, shown(path)),
            StoreError::LinesNotPartitioned { held, stored } => {
                msg!(crate::words::cases::LINES_NOT_PARTITIONED, *held, *stored)
            }
        }
    }
}

/// SQLite's primary result code, when the error comes from SQLite itself.
pub(super) fn sqlite_code(e: &rusqlite::Error) -> Option<ErrorCode> {
    match e {
        rusqlite::Error::SqliteFailure(f, _) => Some(f.code),
        _ => None,
    }
}

/// A database error as a person reads it: what to do about the ones people can act on (another
/// program holds the workspace, a full disk, a read-only or damaged file), else SQLite's text
/// inside a translated sentence.
pub fn sql_msg(e: &rusqlite::Error) -> Msg {
    use words::*;
    match sqlite_code(e) {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => msg!(IN_USE),
        Some(ErrorCode::DiskFull) => msg!(DISK_FULL),
        Some(ErrorCode::SystemIoFailure) => msg!(DISK_WRITE, e.to_string()),
        Some(ErrorCode::ReadOnly) => msg!(READ_ONLY),
        Some(ErrorCode::NotADatabase) => msg!(NOT_A_DATABASE),
        Some(ErrorCode::DatabaseCorrupt) => msg!(CORRUPT, e.to_string()),
        _ => msg!(SQL, e.to_string()),
    }
}
