//! The workspace: one SQLite file per company or shop. Owns opening, PRAGMAs and migrations, and
//! the plain reads other modules share. It never decides business rules (matching, formats).

mod attachments;
mod files;
mod migrations;
mod settings;
pub mod witness;
pub use crate::words::store as words;

pub use attachments::Attachment;
pub(crate) use attachments::{attachment_of_case, store_attachment, NewAttachment};

pub use files::{compress_original, sha256_hex, ImportedFile, StoredProblem};
pub(crate) use files::{file_by_sha256, store_blob};
pub use migrations::MIGRATIONS;
pub use settings::{
    retention_from, retention_years_of, setting_of, zone_from, zone_of, MIN_RETENTION_YEARS,
};

use crate::msg;
use crate::words::Msg;
use rusqlite::{Connection, ErrorCode, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The application identifier: the desktop app and the CLI share its data directory.
pub const APP_IDENTIFIER: &str = "co.cuadra.app";
/// The workspace file name inside the data directory.
pub const DB_FILE_NAME: &str = "cuadra.db";

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
    #[error(
        "period {period} is closed (sealed by {closed_by} on {closed_at}); reopen it with a reason first: cuadra-cli period reopen {period} --reason TEXT"
    )]
    PeriodClosed {
        period: String,
        closed_by: String,
        closed_at: String,
    },
    #[error("{path} already exists: a backup never overwrites a file; choose a new name or move the old file away")]
    BackupExists { path: PathBuf },
    #[error("cannot write the backup {path}: {message}")]
    Backup { path: PathBuf, message: String },
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
            StoreError::PeriodClosed { .. } => ErrorCode::PeriodClosed,
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
            StoreError::PeriodClosed {
                period,
                closed_by,
                closed_at,
            } => msg!(PERIOD_CLOSED, period, closed_by, closed_at),
            StoreError::BackupExists { path } => msg!(BACKUP_EXISTS, shown(path)),
            StoreError::Backup { path, message } => msg!(BACKUP, shown(path), message),
            StoreError::ForeignDatabase { path } => msg!(FOREIGN_DATABASE, shown(path)),
            StoreError::LinesNotPartitioned { held, stored } => {
                msg!(crate::words::cases::LINES_NOT_PARTITIONED, *held, *stored)
            }
        }
    }
}

/// What SQLite's page check finds wrong with the workspace file, when it changed since Cuadra
/// last closed it (another program wrote it, or a disk or a copy damaged it); `None` when it is
/// sound or unchanged. `quick_check` reads every page but not the indexes' agreement with their
/// tables (`verify` runs the full `integrity_check`).
fn check_pages(conn: &Connection, path: &Path) -> Option<String> {
    if path == Path::new(":memory:") || witness::unchanged_since_last_close(path) {
        return None;
    }
    let found: Result<Vec<String>, rusqlite::Error> = conn
        .prepare("PRAGMA quick_check(5)")
        .and_then(|mut stmt| stmt.query_map([], |r| r.get(0))?.collect());
    match found {
        Ok(rows) if rows.len() == 1 && rows[0] == "ok" => None,
        Ok(rows) => Some(rows.join("; ")),
        // A page so damaged SQLite cannot walk it, or a disk that cannot read it back, is
        // reported as an error: damage too. (Another program holding the file is not damage:
        // the open fails on it anyway.)
        Err(e)
            if matches!(
                sqlite_code(&e),
                Some(
                    ErrorCode::DatabaseCorrupt
                        | ErrorCode::SystemIoFailure
                        | ErrorCode::NotADatabase
                )
            ) =>
        {
            Some(e.to_string())
        }
        Err(_) => None,
    }
}

/// SQLite's primary result code, when the error comes from SQLite itself.
fn sqlite_code(e: &rusqlite::Error) -> Option<ErrorCode> {
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

/// The default workspace path: `<data dir>/co.cuadra.app/cuadra.db`
/// (on Linux `~/.local/share/co.cuadra.app/cuadra.db`).
pub fn default_db_path() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join(APP_IDENTIFIER).join(DB_FILE_NAME))
}

/// The workspace path the app and the CLI use: an explicit path, else `CUADRA_DB`, else the default.
pub fn resolve_db_path(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    match std::env::var_os("CUADRA_DB") {
        Some(v) if !v.is_empty() => Some(PathBuf::from(v)),
        _ => default_db_path(),
    }
}

/// An open workspace. Holds one connection: `Send`, not `Sync`.
pub struct Workspace {
    conn: Connection,
    path: PathBuf,
    /// What SQLite's page check found wrong when the workspace was opened to inspect it
    /// (`None`: sound, or unchanged since Cuadra last closed it sound).
    damage: Option<String>,
    derived: &'static Derived,
}

/// Whether an open checks the workspace file's pages first, and what it does when they are
/// damaged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Check {
    /// Checked when the file changed since Cuadra last closed it; damaged pages refuse the open.
    Refuse,
    /// Checked likewise; a damaged workspace opens as it is (nothing migrated or derived), to be
    /// verified or copied, with `damage()` saying what is wrong.
    Inspect,
    /// Not checked: a workspace this process made or already opened and checked.
    Known,
}

/// Data a schema version derives from what a workspace already holds: run once, in the
/// migration's transaction, when a workspace moves from below `version` to it or past it.
pub struct DataStep {
    pub version: i64,
    pub run: fn(&Connection) -> Result<(), StoreError>,
}

/// What the layers above the store keep derived from the stored rows (the dashboard's rollups,
/// the case search index, data a migration derives), given to the store when a workspace is
/// opened (`crate::workspace` composes it), so that opening, migrating and a write low down (an
/// import) keep them true without the store depending on those layers.
pub struct Derived {
    /// Run once, in the migration's transaction, as the schema passes each step's version.
    pub data_steps: &'static [DataStep],
    /// Run after every open of a sound workspace: builds what a workspace from before the
    /// derived tables lacks.
    pub after_open: fn(&mut Connection) -> Result<(), StoreError>,
    /// Recounts the rollups from the stored cases, in the caller's transaction (a write that
    /// changed what stored cases count).
    pub recount: fn(&Connection) -> Result<(), StoreError>,
}

impl Derived {
    /// Only the schema: nothing derived (the store's own tests).
    pub const NONE: Derived = Derived {
        data_steps: &[],
        after_open: |_| Ok(()),
        recount: |_| Ok(()),
    };
}

impl Workspace {
    /// Opens an existing workspace at `path`; never creates one (a mistyped path is an error
    /// that names it, not a new empty workspace). `crate::workspace` composes the public opens.
    pub(crate) fn open_existing_with(
        path: &Path,
        check: Check,
        derived: &'static Derived,
    ) -> Result<Workspace, StoreError> {
        if path.is_dir() {
            return Err(StoreError::IsFolder {
                path: path.to_path_buf(),
            });
        }
        if !path.exists() {
            return Err(StoreError::NoWorkspace {
                path: path.to_path_buf(),
            });
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        Self::opened(conn, path, check, derived)
    }

    /// Opens (creating if needed) the workspace at `path`.
    pub(crate) fn open_with(
        path: &Path,
        check: Check,
        derived: &'static Derived,
    ) -> Result<Workspace, StoreError> {
        if path.is_dir() {
            return Err(StoreError::IsFolder {
                path: path.to_path_buf(),
            });
        }
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::CreateDir {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        Self::opened(conn, path, check, derived)
    }

    fn opened(
        conn: Connection,
        path: &Path,
        check: Check,
        derived: &'static Derived,
    ) -> Result<Workspace, StoreError> {
        // SQLite reads the file at the first statement: a file that is not a workspace, or one
        // another program holds, fails there. Say which file could not be opened.
        Self::from_connection(conn, path, check, derived).map_err(|e| match e {
            StoreError::Sql(source) => StoreError::Open {
                path: path.to_path_buf(),
                source,
            },
            e => e,
        })
    }

    /// Opens an in-memory workspace (tests and dry runs of tools).
    pub(crate) fn in_memory_with(derived: &'static Derived) -> Result<Workspace, StoreError> {
        let conn = Connection::open_in_memory()?;
        Self::from_connection(conn, Path::new(":memory:"), Check::Known, derived)
    }

    fn from_connection(
        mut conn: Connection,
        path: &Path,
        check: Check,
        derived: &'static Derived,
    ) -> Result<Workspace, StoreError> {
        refuse_foreign(&conn, path)?;
        configure(&conn)?;
        let damage = match check {
            Check::Known => None,
            Check::Refuse | Check::Inspect => check_pages(&conn, path),
        };
        if damage.is_some() {
            // Closing must not copy a leftover write-ahead log into damaged pages.
            let _ = conn.set_db_config(
                rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
                true,
            );
        }
        match (&damage, check) {
            (Some(problem), Check::Refuse) => {
                return Err(StoreError::Damaged {
                    path: path.to_path_buf(),
                    problem: problem.clone(),
                })
            }
            (Some(_), _) => {}
            (None, _) => {
                migrate(&mut conn, path, MIGRATIONS, derived.data_steps)?;
                (derived.after_open)(&mut conn)?;
            }
        }
        Ok(Workspace {
            conn,
            path: path.to_path_buf(),
            damage,
            derived,
        })
    }

    /// What the layers above keep derived from this workspace's rows (see [`Derived`]).
    pub fn derived(&self) -> &'static Derived {
        self.derived
    }

    /// What SQLite's page check found wrong when this workspace was opened to inspect it;
    /// `None` when it is sound.
    pub fn damage(&self) -> Option<&str> {
        self.damage.as_deref()
    }

    /// Closes the workspace and, when it was sound, records the file as Cuadra leaves it in the
    /// witness beside it: the next open skips the page check unless the file changed since.
    pub fn close(self) -> Result<(), StoreError> {
        let settled = self.checkpointed();
        let Workspace {
            conn, path, damage, ..
        } = self;
        conn.close().map_err(|(_, e)| StoreError::Sql(e))?;
        if settled && damage.is_none() && path != Path::new(":memory:") {
            witness::stamp(&path);
        }
        Ok(())
    }

    /// Copies what the write-ahead log holds into the workspace file and, when all of it went in
    /// (no other connection was reading an older state), records the file in the witness beside
    /// it: a workspace kept open (the app) stays "as Cuadra left it" after each act, so the next
    /// open does not check its pages again.
    pub fn checkpoint_and_stamp(&self) {
        if self.damage.is_none() && self.path != Path::new(":memory:") && self.checkpointed() {
            witness::stamp(&self.path);
        }
    }

    /// Whether a passive checkpoint moved the whole write-ahead log into the file.
    fn checkpointed(&self) -> bool {
        if self.damage.is_some() {
            return false;
        }
        self.conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })
            .map(|(busy, log, done)| busy == 0 && log == done)
            .unwrap_or(false)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// The schema version this workspace is at.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// A workspace setting, if set.
    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        setting_of(&self.conn, key)
    }
}

/// A file with tables but not a workspace's is another program's database (picked by mistake in
/// the open dialog, or given to `--db`): it is refused before any PRAGMA or migration could
/// change it (WAL mode and Cuadra's tables would be written into it).
fn refuse_foreign(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let (tables, ours): (i64, i64) = conn.query_row(
        "SELECT COUNT(*), COALESCE(SUM(name = 'imported_files'), 0) FROM sqlite_master
         WHERE type = 'table'",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if tables > 0 && ours == 0 {
        return Err(StoreError::ForeignDatabase {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Connection settings that are not part of the schema: set on every open, outside migrations.
fn configure(conn: &Connection) -> Result<(), StoreError> {
    conn.busy_timeout(Duration::from_secs(10))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // In-memory databases report "memory"; anything else should be WAL for a reader + a writer.
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // Imports insert into random places of the identity indexes: a cache large enough to hold them
    // keeps a million-row import from re-reading spilled pages (the cache only grows as used).
    conn.pragma_update(None, "cache_size", -262_144)?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    // `fold(text)` for searches a person types: "castano" finds "Castaño".
    conn.create_scalar_function(
        "fold",
        1,
        rusqlite::functions::FunctionFlags::SQLITE_UTF8
            | rusqlite::functions::FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| Ok(ctx.get::<Option<String>>(0)?.map(|t| fold(&t))),
    )?;
    Ok(())
}

/// Text as a search compares it: lower case, without the accents of Spanish and Portuguese
/// names (á → a, ñ → n, ç → c). Other scripts (Chinese) are kept as they are.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            c => c,
        })
        .collect()
}

/// Applies the migrations not yet applied, all in one transaction, and records the new count in
/// `user_version`. Applying twice is a no-op.
pub fn migrate(
    conn: &mut Connection,
    path: &Path,
    migrations: &[&str],
    steps: &[DataStep],
) -> Result<(), StoreError> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let known = migrations.len() as i64;
    if current > known {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: current,
            known,
        });
    }
    for sql in &migrations[current as usize..] {
        tx.execute_batch(sql)?;
    }
    for step in steps {
        if current < step.version && known >= step.version {
            (step.run)(&tx)?;
        }
    }
    if current < known {
        tx.pragma_update(None, "user_version", known)?;
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrating_twice_is_a_no_op() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("w.db");
        let ws = Workspace::open(&path).expect("first open");
        assert_eq!(
            ws.schema_version().expect("version"),
            MIGRATIONS.len() as i64
        );
        drop(ws);
        let mut ws = Workspace::open(&path).expect("second open migrates nothing");
        assert_eq!(
            ws.schema_version().expect("version"),
            MIGRATIONS.len() as i64,
            "a second open must leave the version as it was"
        );
        migrate(ws.conn_mut(), &path, MIGRATIONS, &[]).expect("explicit re-migration is a no-op");
    }

    #[test]
    fn a_workspace_from_the_first_schema_opens_and_keeps_its_data() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("v1.db");
        {
            let mut conn = Connection::open(&path).expect("open raw");
            migrate(&mut conn, &path, &MIGRATIONS[..1], &[]).expect("v1 only");
            conn.execute(
                "INSERT INTO settings(key, value) VALUES ('zone', 'America/Bogota')",
                [],
            )
            .expect("write v1 data");
        }
        let ws = Workspace::open(&path).expect("newer Cuadra opens a v1 workspace");
        assert_eq!(
            ws.schema_version().expect("version"),
            MIGRATIONS.len() as i64
        );
        assert_eq!(
            ws.setting("zone").expect("read").as_deref(),
            Some("America/Bogota"),
            "data written by schema v1 must survive the upgrade"
        );
    }

    #[test]
    fn another_programs_database_is_refused_and_left_unchanged() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("contabilidad.sqlite");
        {
            let conn = Connection::open(&path).expect("open raw");
            conn.execute_batch(
                "CREATE TABLE clientes (nit TEXT PRIMARY KEY, nombre TEXT);
                 INSERT INTO clientes VALUES ('900123456', 'Tienda');
                 PRAGMA user_version = 3;",
            )
            .expect("another program's data");
        }
        let before = std::fs::read(&path).expect("read");
        let err = Workspace::open(&path).err().expect("must refuse");
        assert!(
            matches!(err, StoreError::ForeignDatabase { .. }),
            "unexpected error: {err}"
        );
        assert!(err.to_string().contains("contabilidad.sqlite"), "{err}");
        assert_eq!(
            std::fs::read(&path).expect("read"),
            before,
            "not a byte of the other program's file may change"
        );
        assert!(!dir.path().join("contabilidad.sqlite-wal").exists());
    }

    #[test]
    fn a_workspace_from_a_newer_cuadra_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("new.db");
        {
            let conn = Connection::open(&path).expect("open raw");
            conn.pragma_update(None, "user_version", 999).expect("set");
        }
        let err = Workspace::open(&path).err().expect("must refuse");
        assert!(
            matches!(err, StoreError::TooNew { found: 999, .. }),
            "{err}"
        );
    }

    #[test]
    fn errors_a_person_can_meet_say_what_to_do_in_their_language() {
        use crate::words::Lang;
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("notes.txt");
        std::fs::write(&path, "some notes, not a workspace\n".repeat(300)).expect("write");
        let err = Workspace::open(&path)
            .err()
            .expect("a text file is not a workspace");
        let shown = path.display().to_string();
        assert_eq!(
            err.msg().key().as_deref(),
            Some(words::NOT_A_WORKSPACE.key),
            "{err}"
        );
        assert!(err.to_string().contains(&shown), "{err}");
        let es = err.msg().render(Lang::Es);
        assert!(
            es.contains(&shown) && es.contains("no es un espacio de trabajo de Cuadra"),
            "{es}"
        );

        let busy = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            None,
        );
        assert_eq!(sql_msg(&busy).key().as_deref(), Some(words::IN_USE.key));
        let opening = StoreError::Open {
            path: path.clone(),
            source: busy,
        };
        assert!(opening.msg().render(Lang::Zh).contains("正被另一个程序"));
        let other = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_IOERR),
            Some("disk I/O error".into()),
        );
        let m = StoreError::Sql(other).msg();
        assert_eq!(m.key().as_deref(), Some(words::DISK_WRITE.key));
        let es = m.render(Lang::Es);
        assert!(es.contains("disk I/O error"), "SQLite's text stays: {es}");
        assert!(es.contains("no se guardó nada de esta acción"), "{es}");
        let other = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_MISMATCH),
            Some("datatype mismatch".into()),
        );
        let m = StoreError::Sql(other).msg();
        assert_eq!(m.key().as_deref(), Some(words::SQL.key));
        assert!(
            m.render(Lang::Es).contains("datatype mismatch"),
            "SQLite's text stays"
        );
    }

    #[test]
    fn pragmas_are_set_on_open() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = Workspace::open(&dir.path().join("p.db")).expect("open");
        let fk: i64 = ws
            .conn()
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .expect("fk");
        let mode: String = ws
            .conn()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .expect("mode");
        assert_eq!(fk, 1, "foreign keys must be enforced");
        assert_eq!(mode, "wal", "a file workspace must use WAL");
    }
}
