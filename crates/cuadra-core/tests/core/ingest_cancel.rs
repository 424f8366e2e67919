//! Imports run in the background by the desktop app: progress is published, and a cancelled
//! import writes nothing at all.

use super::{options, TestWs};
use cuadra_core::ingest::{import_path_with, ImportHooks, IngestError};
use std::sync::atomic::Ordering;

fn generated(dir: &std::path::Path, lines: usize) -> std::path::PathBuf {
    let path = dir.join("settlement.csv");
    let spec = cuadra_testkit::DlocalSpec {
        lines,
        ..Default::default()
    };
    let f = std::fs::File::create(&path).unwrap();
    cuadra_testkit::write_dlocal_settlement(&spec, std::io::BufWriter::new(f)).unwrap();
    path
}

#[test]
fn progress_is_published_while_rows_are_read() {
    let mut t = TestWs::new();
    let dir = tempfile::tempdir().unwrap();
    let path = generated(dir.path(), 5000);
    let hooks = ImportHooks::default();
    let report = import_path_with(&mut t.ws, &path, &options(), Some(&hooks)).unwrap();
    assert!(report.succeeded(), "{report:?}");
    let seen = hooks.rows.load(Ordering::Relaxed);
    assert!(
        seen >= 4096 && seen <= report.rows,
        "published {seen} of {}",
        report.rows
    );
}

#[test]
fn a_cancelled_import_writes_nothing() {
    let mut t = TestWs::new();
    let before = t.table_counts();
    let dir = tempfile::tempdir().unwrap();
    let path = generated(dir.path(), 5000);
    let hooks = ImportHooks::default();
    hooks.cancel.store(true, Ordering::Relaxed);
    let err = import_path_with(&mut t.ws, &path, &options(), Some(&hooks)).unwrap_err();
    assert!(matches!(err, IngestError::Cancelled), "{err}");
    assert_eq!(
        t.table_counts(),
        before,
        "nothing of a cancelled file is kept"
    );
    // The same file imports normally afterwards.
    let report = import_path_with(&mut t.ws, &path, &options(), None).unwrap();
    assert!(report.succeeded() && report.new > 4000, "{report:?}");
}
