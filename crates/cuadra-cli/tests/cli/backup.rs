//! `cuadra-cli backup OUT` while another process imports into the same workspace. The importer
//! is held at its crash point (`super::crash::PausedImport`): its transaction holds every row
//! and its audit event, not committed, for as long as the test needs.

use super::audit::stderr;
use super::crash::PausedImport;
use super::*;

#[test]
fn a_backup_during_an_import_is_consistent_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let small = dlocal_file(dir.path(), "small.csv", 2, 30);
    assert!(run(&db, &["import", small.to_str().expect("utf8")])
        .status
        .success());
    let big = dlocal_file(dir.path(), "big.csv", 9, 40_000);

    // A workspace kept open (as the app keeps it) copies what is committed while another process
    // is in the middle of its import: the small file, not one row of the big one.
    let ws = cuadra_core::store::Workspace::open(&db).expect("open");
    let importer = PausedImport::start(&db, &big);
    let during = dir.path().join("during.db");
    let report = ws
        .backup_to(&during)
        .expect("a backup beside an open import");
    assert!(report.ok(), "{report:?}");
    assert_eq!(count(&during, "imported_files"), 1);
    assert_eq!(count(&during, "settlement_lines"), 30);
    assert_eq!(count(&during, "audit_events"), 1, "the small file's import");
    // The import was not disturbed: released, it commits whole.
    importer.release();
    drop(ws);
    assert_eq!(count(&db, "imported_files"), 2);
    // 30 + 39,999: every generated file is batch 642926, so the big file's batch fee line has
    // the small file's identity with another amount (a conflicting row, not stored again).
    assert_eq!(count(&db, "settlement_lines"), 30 + 39_999);
    let out = run(&during, &["audit", "verify"]);
    assert!(
        out.status.success(),
        "the copy opens as a workspace and verifies: {}",
        stderr(&out)
    );

    // `cuadra-cli backup` started while an import is paused in its transaction: opening the
    // workspace waits for the importer's write lock, so the copy holds that import whole
    // (whether the backup was already waiting when the import was released or not).
    let more = dlocal_file(dir.path(), "more.csv", 12, 20_000);
    let importer = PausedImport::start(&db, &more);
    let out_path = dir.path().join("copy.db");
    let backup = Command::new(bin())
        .arg("--db")
        .arg(&db)
        .arg("backup")
        .arg(&out_path)
        .env("CUADRA_ACTOR", "test-actor")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn backup");
    importer.release();
    let out = backup.wait_with_output().expect("backup ends");
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("chain intact"), "{}", stdout(&out));
    assert_eq!(count(&out_path, "imported_files"), 3);
    // 40,029 + 19,999 (its batch fee line conflicts the same way).
    assert_eq!(count(&out_path, "settlement_lines"), 40_029 + 19_999);
    assert_eq!(
        count(&out_path, "audit_events"),
        3,
        "one import event per file in the copy"
    );
    let out = run(&out_path, &["audit", "verify"]);
    assert!(
        out.status.success(),
        "the copy opens as a workspace and verifies"
    );

    let out = run(&db, &["backup", out_path.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
}
