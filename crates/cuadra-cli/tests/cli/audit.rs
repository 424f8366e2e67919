//! `cuadra-cli audit verify|log` and the `actor` and `retention_years` settings, on a real
//! workspace file: the verdict and its exit code, a tampered event named, the log's filters.

use super::*;

/// Runs `cuadra-cli --db DB ARGS...` with extra environment variables (a pinned clock, a crash
/// point), as the test actor.
pub fn run_with(db: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut cmd = Command::new(bin());
    cmd.arg("--db")
        .arg(db)
        .args(args)
        .env("CUADRA_ACTOR", "test-actor")
        .env_remove("CUADRA_NOW")
        .env_remove("CUADRA_CRASH_AT")
        .env_remove("CUADRA_PAUSE_AT")
        .stdin(std::process::Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("cuadra-cli runs")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The verdict of `audit verify --json`, and whether it exited 0.
pub fn verify_json(db: &Path) -> (bool, serde_json::Value) {
    let out = run(db, &["audit", "verify", "--json"]);
    let v = serde_json::from_slice(&out.stdout).expect("verify prints JSON");
    (out.status.success(), v)
}

#[test]
fn audit_verify_passes_then_names_a_tampered_event_with_exit_code_1() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let file = dlocal_file(dir.path(), "s.csv", 3, 40);
    assert!(run(&db, &["import", file.to_str().expect("utf8")])
        .status
        .success());
    assert!(run(&db, &["settings", "grace_days", "10"]).status.success());
    assert!(run(&db, &["settings", "language", "en"]).status.success());

    let out = run(&db, &["audit", "verify"]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("events: 3"), "{text}");
    assert!(text.contains("chain intact"), "{text}");

    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.execute_batch(
        "DROP TRIGGER audit_events_no_update;
         UPDATE audit_events SET after = '\"12\"' WHERE seq = 2;",
    )
    .expect("tamper with the triggers dropped");
    drop(conn);
    let out = run(&db, &["audit", "verify"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "a broken chain exits 1: {text}");
    assert!(
        text.contains("CHAIN BROKEN at event 2: its content does not match its hash"),
        "{text}"
    );
    let (ok, v) = verify_json(&db);
    assert!(!ok);
    assert_eq!(v["first_broken"]["seq"], 2);
    assert_eq!(v["head_seq"], 3);
}

#[test]
fn audit_log_filters_by_case_actor_and_date() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let file = dlocal_file(dir.path(), "s.csv", 3, 40);
    assert!(run(&db, &["import", file.to_str().expect("utf8")])
        .status
        .success());
    assert!(run_with(
        &db,
        &[("CUADRA_NOW", "2099-07-01T15:00:00Z")],
        &["--actor", "luis", "settings", "grace_days", "9"]
    )
    .status
    .success());

    let log = |args: &[&str]| -> Vec<serde_json::Value> {
        let mut all = vec!["audit", "log", "--json"];
        all.extend_from_slice(args);
        let out = run(&db, &all);
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_slice::<Vec<serde_json::Value>>(&out.stdout).expect("a JSON array")
    };
    let all = log(&[]);
    assert_eq!(all.len(), 2);
    assert_eq!(all[0]["action"], "import");
    assert_eq!(all[0]["actor"], "test-actor");
    assert_eq!(all[0]["subject"], "file:1");
    assert_eq!(
        all[1]["actor"], "luis",
        "--actor names the actor of the act"
    );
    assert_eq!(log(&["--actor", "luis"]).len(), 1);
    assert_eq!(
        log(&["--since", "2099-07-01"]).len(),
        1,
        "only the event at the pinned time, not the import made now"
    );
    assert_eq!(log(&["--case", "K1"]).len(), 0, "no case events yet");
    let out = run(&db, &["audit", "log", "--since", "July"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("is not a date like 2026-10-01"),
        "{}",
        stderr(&out)
    );

    let text = stdout(&run(
        &db,
        &["audit", "log", "--subject", "setting:grace_days"],
    ));
    assert!(
        text.contains("setting:grace_days") && text.contains("after: \"9\""),
        "{text}"
    );
}

#[test]
fn the_actor_setting_names_the_actor_unless_overridden() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    assert!(run(&db, &["settings", "actor", "Ana Gómez"])
        .status
        .success());
    // No --actor and no CUADRA_ACTOR: the setting applies.
    let out = Command::new(bin())
        .arg("--db")
        .arg(&db)
        .args(["settings", "grace_days", "8"])
        .env_remove("CUADRA_ACTOR")
        .output()
        .expect("runs");
    assert!(out.status.success());
    let out = run(&db, &["audit", "log", "--json"]);
    let events: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        events[0]["actor"], "test-actor",
        "CUADRA_ACTOR set the setting itself"
    );
    assert_eq!(
        events[1]["actor"], "Ana Gómez",
        "the setting names the actor"
    );
}

#[test]
fn retention_can_only_be_raised_and_says_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    new_workspace(&db);
    let out = run(&db, &["settings", "retention_years"]);
    assert_eq!(stdout(&out).trim(), "5", "the default is 5 years");
    let listing = stdout(&run(&db, &["settings"]));
    assert!(listing.contains("Ley 962 de 2005, art. 28"), "{listing}");
    let out = run(&db, &["settings", "retention_years", "4"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("from 5"), "{}", stderr(&out));
    assert!(run(&db, &["settings", "retention_years", "10"])
        .status
        .success());
    let out = run(&db, &["settings", "retention_years", "7"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("retention_years cannot be lowered from 10 to 7"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        stdout(&run(&db, &["settings", "retention_years"])).trim(),
        "10"
    );
}
