//! `cuadra-cli retention status|purge` with the clock pinned by `CUADRA_NOW`.

use super::audit::{run_with, stderr, verify_json};
use super::*;

#[test]
fn purge_is_refused_inside_retention_needs_confirmation_and_leaves_a_tombstone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, _) = super::period::reconciled(dir.path());
    let status = run_with(
        &db,
        &[("CUADRA_NOW", "2027-01-01T12:00:00Z")],
        &["retention", "status", "--json"],
    );
    assert!(status.status.success(), "{}", stderr(&status));
    let s: serde_json::Value = serde_json::from_slice(&status.stdout).expect("json");
    assert_eq!(s["retention_years"], 5);
    let file = &s["files"][0];
    let kept_until = file["kept_until"].as_str().expect("a date").to_string();
    let ends_on = file["ends_on"].as_str().expect("a date").to_string();
    assert_eq!(file["past_retention"], false);
    // Purge everything ending on or before the file's period.
    let before = chrono::NaiveDate::parse_from_str(&ends_on, "%Y-%m-%d")
        .expect("date")
        .succ_opt()
        .expect("next day")
        .to_string();
    let on = |date: &str| format!("{date}T23:00:00Z"); // 18:00 in Bogotá, the same day
    let kept = chrono::NaiveDate::parse_from_str(&kept_until, "%Y-%m-%d").expect("date");
    let last_kept_day = on(&kept_until);
    let first_free_day = on(&kept.succ_opt().expect("next").to_string());

    let out = run_with(
        &db,
        &[("CUADRA_NOW", &last_kept_day)],
        &["retention", "purge", "--before", &before, "--yes"],
    );
    assert_eq!(out.status.code(), Some(2), "inside retention: refused");
    assert!(
        stderr(&out).contains(&format!("is kept until {kept_until}")),
        "{}",
        stderr(&out)
    );
    assert_eq!(count(&db, "imported_files"), 1, "nothing was deleted");

    let out = run_with(
        &db,
        &[("CUADRA_NOW", &first_free_day)],
        &["retention", "purge", "--before", &before],
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "no confirmation without a terminal"
    );
    assert!(
        stderr(&out).contains("run again with --yes"),
        "{}",
        stderr(&out)
    );
    assert!(
        stdout(&out).contains("1 file(s) past retention"),
        "{}",
        stdout(&out)
    );
    assert_eq!(count(&db, "imported_files"), 1, "nothing was deleted");

    let out = run_with(
        &db,
        &[("CUADRA_NOW", &first_free_day)],
        &["retention", "purge", "--before", &before, "--yes"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("purged file 1"), "{}", stdout(&out));
    for table in ["imported_files", "file_blobs", "settlement_lines", "cases"] {
        assert_eq!(count(&db, table), 0, "{table} is purged");
    }
    assert_eq!(count(&db, "purged_files"), 1, "a tombstone stays");
    let (ok, v) = verify_json(&db);
    assert!(ok, "the chain still verifies after a purge: {v}");
    let out = run(&db, &["audit", "log", "--json", "--action", "purge"]);
    let events: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["subject"], "file:1");
    let text = stdout(&run_with(
        &db,
        &[("CUADRA_NOW", &first_free_day)],
        &["retention", "status"],
    ));
    assert!(text.contains("purged files (tombstones)"), "{text}");
    let out = run(&db, &["files", "export", "1", "x.csv"]);
    assert_eq!(out.status.code(), Some(2), "the original is gone");
}

#[test]
fn a_bad_before_date_is_explained() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    new_workspace(&db);
    let out = run(
        &db,
        &["retention", "purge", "--before", "2021/01/01", "--yes"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("'2021/01/01' is not a date: write it as YYYY-MM-DD"),
        "{}",
        stderr(&out)
    );
}
