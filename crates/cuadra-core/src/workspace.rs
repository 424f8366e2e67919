//! Opening a workspace: the store (file, schema, page check) composed with what the layers above
//! keep derived from its rows. Every open goes through here, so the dashboard's rollups, the case
//! search index and the data a migration derives are always kept by the same functions.

use crate::store::{Check, DataStep, Derived, StoreError, Workspace};
use rusqlite::Connection;
use std::path::Path;

/// The derived data of every workspace Cuadra opens.
static DERIVED: Derived = Derived {
    data_steps: &[DataStep {
        version: 9,
        run: pair_lines_already_held,
    }],
    after_open: crate::cases::ensure_derived,
    recount: crate::cases::rebuild_rollups,
};

/// v9 derives which lines repeat another report's money (`line_echoes`) from the lines a
/// workspace already holds, once, in the migration's transaction.
fn pair_lines_already_held(tx: &Connection) -> Result<(), StoreError> {
    if crate::ingest::pair_same_money(tx, None)? > 0 {
        // The dashboard's rollups counted those lines: rebuilt on this open.
        tx.execute("DELETE FROM derived_built", [])?;
    }
    Ok(())
}

impl Workspace {
    /// Opens an existing workspace at `path` and brings its schema up to date; never creates
    /// one (a mistyped path is an error that names it, not a new empty workspace).
    pub fn open_existing(path: &Path) -> Result<Workspace, StoreError> {
        Self::open_existing_with(path, Check::Refuse, &DERIVED)
    }

    /// Opens an existing workspace to verify or copy it, even when its pages are damaged (see
    /// [`Workspace::damage`]): a damaged one is neither migrated nor written to.
    pub fn open_to_inspect(path: &Path) -> Result<Workspace, StoreError> {
        Self::open_existing_with(path, Check::Inspect, &DERIVED)
    }

    /// Opens (creating if needed) the workspace at `path` and brings its schema up to date.
    ///
    /// A workspace whose file changed since Cuadra last closed it (see [`Workspace::close`]) has
    /// its pages checked first (`PRAGMA quick_check`): damaged pages refuse the open with
    /// [`StoreError::Damaged`], so nothing is written over them.
    pub fn open(path: &Path) -> Result<Workspace, StoreError> {
        Self::open_with(path, Check::Refuse, &DERIVED)
    }

    /// Opens another connection to a workspace this process made or already opened (and so
    /// checked): an import job's own connection, a scratch copy.
    pub fn open_known(path: &Path) -> Result<Workspace, StoreError> {
        Self::open_with(path, Check::Known, &DERIVED)
    }

    /// Opens an in-memory workspace (tests and dry runs of tools).
    pub fn open_in_memory() -> Result<Workspace, StoreError> {
        Self::in_memory_with(&DERIVED)
    }
}
