//! The workspace: one SQLite file per company or shop. Owns opening, PRAGMAs and migrations, and
//! the plain reads other modules share. It never decides business rules (matching, formats).

mod attachments;
mod bank;
mod error;
mod files;
mod migrations;
mod settings;
pub mod witness;
pub use crate::words::store as words;

pub use attachments::Attachment;
pub(crate) use attachments::{attachment_of_case, store_attachment, NewAttachment};
pub use bank::{BankEntry, BankStatement, BankStatementGap};
use error::sqlite_code;
pub use error::{sql_msg, StoreError};

pub use files::{compress_original, sha256_hex, ImportedFile, StoredProblem};
pub(crate) use files::{file_by_sha256, store_blob};
pub use migrations::MIGRATIONS;
pub use settings::{
    retention_from, retention_years_of, setting_of, zone_from, zone_of, MIN_RETENTION_YEARS,
};

use rusqlite::{Connection, ErrorCode, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The application identifier: the desktop app and the CLI share its data directory.
pub const APP_IDENTIFIER: &str = "co.cuadra.app";
/// The workspace file name inside the data directory.
pub const DB_FILE_NAME: &str = "cuadra.db";

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
        if sql.contains("PRAGMA writable_schema") {
            // A schema edited in place is re-read only when its version moves (see the
            // migration that widens `imported_files.kind`).
            let version: i64 = tx.query_row("PRAGMA schema_version", [], |r| r.get(0))?;
            tx.pragma_update(None, "schema_version", version + 1)?;
        }
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
