//! A process killed in the middle of an act leaves a sound workspace: all of the act (with its
//! audit event) or none of it, and an audit chain that verifies.

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
        new_workspace(&db);
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
        let events: i64 = conn
            .query_row("SELECT count(*) FROM audit_events", [], |r| r.get(0))
            .expect("events");
        // The workspace was started by saving a setting: its event, then the import's.
        assert_eq!(
            events,
            files + 1,
            "kill point {per_mille}‰: the import's audit event commits with the file, or neither"
        );
        drop(conn);
        let (ok, v) = super::audit::verify_json(&db);
        assert!(
            ok,
            "kill point {per_mille}‰: the audit chain still verifies: {v}"
        );
        // And the interrupted import can simply be run again.
        let out = run(&db, &["import", "--json", file.to_str().expect("utf8")]);
        assert!(out.status.success(), "re-running after a kill works");
        assert_eq!(count(&db, "settlement_lines"), expected_lines);
    }
    assert!(outcomes.0 > 0, "at least one kill must land mid-import (got {outcomes:?}): the test must exercise the rollback");
}

/// Each mutating act aborts (`CUADRA_CRASH_AT`) after writing its rows and its audit event,
/// before its commit: as a power cut at the worst moment. Nothing of the act may remain.
#[test]
fn a_crash_inside_any_act_leaves_a_verifying_chain_and_no_trace_of_the_act() {
    use super::audit::{run_with, verify_json};
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, period) = super::period::reconciled(dir.path());
    let later = "2027-03-01T12:00:00Z";
    let far = "2040-01-01T12:00:00Z";
    let more = dlocal_file(dir.path(), "more.csv", 77, 30);
    let key: String = rusqlite::Connection::open(&db)
        .expect("open")
        .query_row(
            "SELECT case_key FROM cases WHERE state = 'open' ORDER BY case_key LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("an open case");
    let acts: [(&str, &str, Vec<&str>); 7] = [
        (
            "import",
            later,
            vec!["import", more.to_str().expect("utf8")],
        ),
        ("setting", later, vec!["settings", "grace_days", "11"]),
        (
            "reconcile",
            later,
            vec!["reconcile", "--as-of", "2026-06-30T23:59:59-05:00"],
        ),
        (
            "case_act",
            later,
            vec!["case", "resolve", &key, "--reason", "written_off"],
        ),
        ("period_close", later, vec!["period", "close", &period]),
        (
            "purge",
            far,
            vec!["retention", "purge", "--before", "2039-01-01", "--yes"],
        ),
        // The period closed by the third act.
        (
            "period_reopen",
            later,
            vec!["period", "reopen", &period, "--reason", "x"],
        ),
    ];
    for (point, now, args) in &acts {
        let before = snapshot(&db);
        let out = run_with(
            &db,
            &[("CUADRA_NOW", now), ("CUADRA_CRASH_AT", point)],
            args,
        );
        assert!(
            !out.status.success() && out.status.code().is_none(),
            "{point}: the process must die at the crash point (killed by a signal): {:?}",
            out.status
        );
        assert_eq!(
            snapshot(&db),
            before,
            "{point}: nothing of the act may remain"
        );
        let (ok, v) = verify_json(&db);
        assert!(ok, "{point}: the chain verifies after the crash: {v}");
        // The same act, not crashed, goes through.
        let out = run_with(&db, &[("CUADRA_NOW", now)], args);
        assert!(
            out.status.success(),
            "{point}: {}",
            super::audit::stderr(&out)
        );
        assert_ne!(
            snapshot(&db),
            before,
            "{point}: and this time it is recorded"
        );
    }
    assert!(verify_json(&db).0);
}

/// What the acts above change: counts, the setting, the periods, the chain's length.
#[derive(Debug, PartialEq)]
struct ActState {
    files: i64,
    lines: i64,
    tombstones: i64,
    grace_days: Option<String>,
    periods: Vec<(String, String)>,
    events: i64,
}

fn snapshot(db: &Path) -> ActState {
    let conn = rusqlite::Connection::open(db).expect("open");
    let n = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).expect(sql) };
    let grace_days: Option<String> = conn
        .query_row(
            "SELECT value FROM settings WHERE key = 'grace_days'",
            [],
            |r| r.get(0),
        )
        .ok();
    let mut stmt = conn
        .prepare("SELECT period, state FROM periods ORDER BY period")
        .expect("periods");
    let periods = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .collect::<Result<Vec<_>, _>>()
        .expect("rows");
    ActState {
        files: n("SELECT count(*) FROM imported_files"),
        lines: n("SELECT count(*) FROM settlement_lines"),
        tombstones: n("SELECT count(*) FROM purged_files"),
        grace_days,
        periods,
        events: n("SELECT count(*) FROM audit_events"),
    }
}
