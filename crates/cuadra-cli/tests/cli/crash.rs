//! A process killed in the middle of an import leaves a sound workspace holding all of the file or
//! none of it.

use super::*;
use std::time::{Duration, Instant};

#[test]
fn killing_the_importer_at_any_point_leaves_all_or_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dlocal_file(dir.path(), "big.csv", 11, 60_000);
    // How long a full import takes here, to spread the kill points across it.
    let probe_db = dir.path().join("probe.db");
    let started = Instant::now();
    assert!(run(&probe_db, &["import", file.to_str().expect("utf8")])
        .status
        .success());
    let full = started.elapsed();
    let expected_lines = count(&probe_db, "settlement_lines");

    // Fixed, spread-out kill points (fractions of the full import time): no randomness, no flakes
    // in what is checked, only in where the kill lands.
    let mut outcomes = (0, 0);
    for (i, per_mille) in [50u64, 200, 350, 500, 650, 800, 950, 1200]
        .iter()
        .enumerate()
    {
        let db = dir.path().join(format!("kill{i}.db"));
        // Create the workspace first so a kill during migration is not what is tested here.
        assert!(run(&db, &["files"]).status.success());
        let mut child = std::process::Command::new(bin())
            .arg("--db")
            .arg(&db)
            .arg("import")
            .arg(&file)
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(full.mul_f64(*per_mille as f64 / 1000.0) + Duration::from_millis(5));
        let _ = child.kill(); // SIGKILL: no destructor, no rollback code runs.
        let _ = child.wait();

        let conn = rusqlite::Connection::open(&db).expect("the workspace still opens");
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("integrity_check");
        assert_eq!(
            check, "ok",
            "kill point {per_mille}‰: the database must stay sound"
        );
        let files: i64 = conn
            .query_row("SELECT count(*) FROM imported_files", [], |r| r.get(0))
            .expect("files");
        let lines: i64 = conn
            .query_row("SELECT count(*) FROM settlement_lines", [], |r| r.get(0))
            .expect("lines");
        let blobs: i64 = conn
            .query_row("SELECT count(*) FROM file_blobs", [], |r| r.get(0))
            .expect("blobs");
        if files == 0 {
            assert_eq!(
                (lines, blobs),
                (0, 0),
                "kill point {per_mille}‰: no file record means no rows and no evidence"
            );
            outcomes.0 += 1;
        } else {
            assert_eq!(files, 1);
            assert_eq!(
                lines, expected_lines,
                "kill point {per_mille}‰: a recorded file has all its rows"
            );
            assert!(blobs > 0, "and its original bytes");
            outcomes.1 += 1;
        }
        drop(conn);
        // And the interrupted import can simply be run again.
        let out = run(&db, &["import", "--json", file.to_str().expect("utf8")]);
        assert!(out.status.success(), "re-running after a kill works");
        assert_eq!(count(&db, "settlement_lines"), expected_lines);
    }
    assert!(outcomes.0 > 0, "at least one kill must land mid-import (got {outcomes:?}): the test must exercise the rollback");
}
