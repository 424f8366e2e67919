//! A process killed in the middle of an act leaves a sound workspace: all of the act (with its
//! audit event) or none of it, and an audit chain that verifies.

use super::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ExitStatus, Stdio};
use std::time::Instant;

/// A `cuadra-cli --db DB import FILE` held at its crash point (`CUADRA_PAUSE_AT=import`, a
/// `test-hooks` build): every row of the file and its audit event are written in its transaction,
/// which is open and not committed, until the test releases or kills it.
pub struct PausedImport {
    child: Child,
    stdin: Option<ChildStdin>,
    stderr: Option<std::thread::JoinHandle<String>>,
}

impl PausedImport {
    /// Starts the import of `file` into `db` and returns once it is paused before its commit.
    pub fn start(db: &Path, file: &Path) -> PausedImport {
        let mut paused = PausedImport::spawn(db, file);
        let mut stderr = BufReader::new(paused.child.stderr.take().expect("stderr"));
        let mut said = String::new();
        loop {
            let mut line = String::new();
            let n = stderr.read_line(&mut line).expect("read stderr");
            assert!(
                n > 0,
                "the import ended without pausing at its crash point: {said}"
            );
            if line.trim_end() == "paused at import" {
                break;
            }
            said.push_str(&line);
        }
        paused.stderr = Some(std::thread::spawn(move || {
            let mut rest = said;
            let _ = stderr.read_to_string(&mut rest);
            rest
        }));
        paused
    }

    /// Starts the import without waiting: it pauses when it gets to its commit.
    fn spawn(db: &Path, file: &Path) -> PausedImport {
        let mut child = Command::new(bin())
            .arg("--db")
            .arg(db)
            .arg("import")
            .arg(file)
            .env("CUADRA_ACTOR", "test-actor")
            .env("CUADRA_PAUSE_AT", "import")
            .env_remove("CUADRA_CRASH_AT")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        // Held open: the paused process waits for a line on it (its end would release it).
        let stdin = child.stdin.take();
        PausedImport {
            child,
            stdin,
            stderr: None,
        }
    }

    /// Lets the import commit; its exit status once it has.
    pub fn release(mut self) -> ExitStatus {
        let mut stdin = self.stdin.take().expect("stdin");
        stdin.write_all(b"go\n").expect("release");
        drop(stdin);
        let status = self.child.wait().expect("import ends");
        let said = self
            .stderr
            .take()
            .map(|t| t.join().expect("stderr"))
            .unwrap_or_default();
        assert!(status.success(), "the released import failed: {said}");
        status
    }

    /// SIGKILL: no destructor, no rollback code runs.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The importer killed (SIGKILL) in the middle of a 60,000-line import never leaves part of the
/// file. Each run pauses the importer at its crash point, just before its commit, so no kill
/// can land after the commit: the outcome is always the same, nothing of the file. The kills land
/// at spread-out moments of the import (fractions of the time it takes to reach its commit), the
/// last one at the pause itself, with every row and the audit event written and not committed.
/// Released instead of killed, the same import commits whole.
#[test]
fn killing_the_importer_before_its_commit_leaves_nothing_of_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dlocal_file(dir.path(), "big.csv", 11, 60_000);
    // How long the import takes to reach its commit here, to spread the kill points across it;
    // released, it commits every row.
    let probe_db = dir.path().join("probe.db");
    new_workspace(&probe_db);
    let started = Instant::now();
    let probe = PausedImport::start(&probe_db, &file);
    let to_commit = started.elapsed();
    probe.release();
    let expected_lines = count(&probe_db, "settlement_lines");
    assert_eq!(expected_lines, 60_000, "released, the import is whole");
    assert_eq!(count(&probe_db, "imported_files"), 1);
    // The workspace was started by saving a setting: its event, then the import's.
    assert_eq!(count(&probe_db, "audit_events"), 2);

    for (i, per_mille) in [50u64, 200, 350, 500, 650, 800, 950, 1000]
        .iter()
        .enumerate()
    {
        let db = dir.path().join(format!("kill{i}.db"));
        // Create the workspace first so a kill during migration is not what is tested here.
        new_workspace(&db);
        if *per_mille == 1000 {
            PausedImport::start(&db, &file).kill();
        } else {
            let importer = PausedImport::spawn(&db, &file);
            std::thread::sleep(to_commit.mul_f64(*per_mille as f64 / 1000.0));
            importer.kill();
        }

        let conn = rusqlite::Connection::open(&db).expect("the workspace still opens");
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("integrity_check");
        assert_eq!(
            check, "ok",
            "kill point {per_mille}‰: the database must stay sound"
        );
        let n = |table: &str| -> i64 {
            conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .expect(table)
        };
        assert_eq!(
            (
                n("imported_files"),
                n("settlement_lines"),
                n("file_blobs"),
                n("audit_events")
            ),
            (0, 0, 0, 1),
            "kill point {per_mille}‰: no file record, no rows, no evidence, and only the setting's event"
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
        assert_eq!(count(&db, "imported_files"), 1);
    }
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
