//! `cuadra-cli backup OUT` while another process imports into the same workspace.

use super::audit::stderr;
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
    let mut importer = Command::new(bin())
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg(&big)
        .env("CUADRA_ACTOR", "test-actor")
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let out_path = dir.path().join("copy.db");
    let out = run(&db, &["backup", out_path.to_str().expect("utf8")]);
    let imported = importer.wait().expect("import ends");
    assert!(imported.success());
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("chain intact"), "{}", stdout(&out));

    // The copy holds the big file whole or not at all, and its own chain verifies.
    let files = count(&out_path, "imported_files");
    let events = count(&out_path, "audit_events");
    assert!(files == 1 || files == 2, "{files}");
    assert_eq!(events, files, "one import event per file in the copy");
    if files == 1 {
        assert_eq!(count(&out_path, "settlement_lines"), 30);
    }
    let out = run(&out_path, &["audit", "verify"]);
    assert!(
        out.status.success(),
        "the copy opens as a workspace and verifies"
    );

    let out = run(&db, &["backup", out_path.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
}
