//! `cuadra-cli period close|reopen|list|verify` on a reconciled workspace, with a pinned clock.

use super::audit::{run_with, stderr};
use super::*;

const LATER: &[(&str, &str)] = &[("CUADRA_NOW", "2027-03-01T12:00:00Z")];

/// A workspace with generated settlement lines, reconciled; returns it and its first period.
pub fn reconciled(dir: &Path) -> (PathBuf, String) {
    let db = dir.join("w.db");
    let file = dlocal_file(dir, "s.csv", 5, 60);
    assert!(run(&db, &["import", file.to_str().expect("utf8")])
        .status
        .success());
    let out = run(&db, &["reconcile", "--as-of", "2026-08-31T23:59:59-05:00"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let conn = rusqlite::Connection::open(&db).expect("open");
    let period: String = conn
        .query_row("SELECT min(period) FROM cases", [], |r| r.get(0))
        .expect("the cases have periods");
    (db, period)
}

#[test]
fn close_list_verify_and_reopen_a_period() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, period) = reconciled(dir.path());
    let p = period.as_str();

    let out = run_with(&db, LATER, &["period", "close", p, "--note", "books done"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(&format!("period {p} closed by test-actor")),
        "{text}"
    );
    assert!(text.contains("seal:"), "{text}");

    let out = run_with(&db, LATER, &["period", "close", p]);
    assert_eq!(out.status.code(), Some(2), "a second close is refused");
    assert!(
        stderr(&out).contains(&format!(
            "period {p} is already closed (sealed by test-actor on 2027-03-01T12:00:00Z)"
        )),
        "{}",
        stderr(&out)
    );

    let list = stdout(&run(&db, &["period", "list"]));
    assert!(
        list.lines()
            .any(|l| l.starts_with(p) && l.contains("closed by test-actor")),
        "{list}"
    );
    let out = run(&db, &["period", "verify", p]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(stdout(&out).contains("seal verified"));

    // A case of the period is edited behind Cuadra's back.
    let conn = rusqlite::Connection::open(&db).expect("open");
    let key: String = conn
        .query_row(
            "SELECT case_key FROM cases WHERE period = ?1 ORDER BY case_key LIMIT 1",
            [p],
            |r| r.get(0),
        )
        .expect("a case");
    conn.execute(
        "UPDATE cases SET state = 'resolved' WHERE case_key = ?1",
        [&key],
    )
    .expect("edit");
    drop(conn);
    let out = run(&db, &["period", "verify", p]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("THE PERIOD'S CASES CHANGED SINCE THE CLOSE"),
        "{text}"
    );
    assert!(text.contains(&format!("changed (1): {key}")), "{text}");

    let out = run_with(&db, LATER, &["period", "reopen", p]);
    assert_eq!(out.status.code(), Some(2), "--reason is required");
    let out = run_with(
        &db,
        LATER,
        &["period", "reopen", p, "--reason", "late refund"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(
        &db,
        &[
            "audit",
            "log",
            "--json",
            "--subject",
            &format!("period:{p}"),
        ],
    );
    let events: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("json");
    let actions: Vec<&str> = events.iter().filter_map(|e| e["action"].as_str()).collect();
    assert_eq!(actions, vec!["period_close", "period_reopen"]);
    assert_eq!(events[1]["reason"], "late refund");
    assert_eq!(events[0]["note"], "books done");
}

#[test]
fn a_period_that_has_not_ended_is_not_closed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    new_workspace(&db);
    let out = run_with(
        &db,
        &[("CUADRA_NOW", "2026-10-15T12:00:00Z")],
        &["period", "close", "2026-10"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("period 2026-10 has not ended yet (its last day is 2026-10-31"),
        "{}",
        stderr(&out)
    );
    let out = run_with(&db, &[("CUADRA_NOW", "yesterday")], &["period", "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("is not an RFC 3339 time"),
        "{}",
        stderr(&out)
    );
}
