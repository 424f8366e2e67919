//! `cuadra-cli verify` against the tamper script (`tests/tamper/tamper.py`): a workspace edited
//! behind Cuadra's back, each edit as issue 14 reproduced it, is named by `verify` (exit 1); the
//! untouched workspace verifies (exit 0).

use super::audit::stderr;
use super::*;

/// Orders, their later export, a dLocal batch and another copy of it whose payment for order
/// #1002 says gross 22.504984 and net 21.832834 instead of 22.404984 and 21.732834 (a
/// conflicting version), reconciled.
fn workspace(dir: &Path) -> PathBuf {
    let db = dir.join("w.db");
    let text = std::fs::read_to_string(fixture("dlocal_crossborder_co.csv")).expect("fixture");
    let row = text
        .lines()
        .find(|l| l.contains("T-912-ey10002"))
        .expect("the payment row");
    let changed = row.replacen(
        ",22.404984,-0.672150,21.732834,",
        ",22.504984,-0.672150,21.832834,",
        1,
    );
    assert_ne!(changed, row, "{row}");
    let copy = dir.join("dlocal_again.csv");
    std::fs::write(&copy, text.replace(row, &changed)).expect("write");
    let out = run(
        &db,
        &[
            "import",
            &fixture("shopify_orders_co.csv"),
            &fixture("dlocal_crossborder_co.csv"),
            &fixture("shopify_orders_co_later.csv"),
            copy.to_str().expect("utf8"),
        ],
    );
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(stdout(&out).contains("1 conflicting"), "{}", stdout(&out));
    let out = run(&db, &["reconcile", "--as-of", "2026-05-31T23:59:59-05:00"]);
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

fn tamper(db: &Path, case: &str) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/tamper/tamper.py");
    let out = std::process::Command::new("python3")
        .arg(script)
        .arg(db)
        .arg(case)
        .output()
        .expect("python3 runs the tamper script");
    assert!(
        out.status.success(),
        "{case}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_untouched_workspace_verifies_and_every_tamper_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = workspace(dir.path());
    let out = run(&db, &["verify"]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(stdout(&out).contains("everything verifies"));

    // (tamper, what verify must say). Values worked out from the fixtures: order #1001's first
    // item is "Café de Nariño 500 g" at 60000.00; the first dLocal line with a net is #1001's
    // payment, NET 36.261683.
    let cases: &[(&str, &[&str])] = &[
        ("line_amount", &["net_amount '138' (the file: '36.261683')"]),
        ("case_status", &["its status is stored as 'matched'"]),
        (
            "item_price",
            &[
                "order item shopify|#1001 #0 (file shopify_orders_co.csv, row 2)",
                "price '1.00' (the file: '60000.00')",
            ],
        ),
        ("file_counts", &["file record", "rows_total"]),
        ("conflict_version", &["other version of settlement line"]),
        ("line_moved", &["its lines is stored as"]),
        (
            "line_deleted",
            &["comes from its original file but is not stored"],
        ),
        (
            "line_added",
            &[
                "settlement line dlocal|payment|FORGED",
                "its original file does not give it",
            ],
        ),
        (
            "last_event",
            &["events were deleted after they were written"],
        ),
        ("corrupt", &["The workspace file is damaged"]),
        (
            "attachment_bytes",
            &["attachment 1 (ticket.pdf) of case order:shopify:1002 is not the file that was attached"],
        ),
    ];
    for (case, says) in cases {
        let copy = dir.path().join(format!("{case}.db"));
        std::fs::copy(&db, &copy).expect("copy");
        let head = cuadra_core::verify::witness_path(&db);
        std::fs::copy(&head, cuadra_core::verify::witness_path(&copy)).expect("the witness");
        if *case == "last_event" {
            let out = run(&copy, &["settings", "grace_days", "9"]);
            assert!(out.status.success());
        }
        if *case == "attachment_bytes" {
            let ticket = dir.path().join("ticket.pdf");
            std::fs::write(&ticket, b"%PDF-1.4\n%%EOF\n").expect("write");
            let out = run(
                &copy,
                &[
                    "case",
                    "attach",
                    "order:shopify:1002",
                    ticket.to_str().expect("utf8"),
                ],
            );
            assert!(out.status.success(), "{}", stderr(&out));
        }
        tamper(&copy, case);
        let out = run(&copy, &["verify"]);
        let text = stdout(&out);
        assert_eq!(out.status.code(), Some(1), "{case}: {text}{}", stderr(&out));
        for s in *says {
            assert!(text.contains(s), "{case}: '{s}' not in:\n{text}");
        }
        if *case == "last_event" {
            // `audit verify` no longer says "chain intact" alone: it fails.
            let out = run(&copy, &["audit", "verify"]);
            assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
            assert!(stdout(&out).contains("WITNESS DISAGREES"));
        }
    }
}

#[test]
fn a_workspace_that_changed_since_its_last_run_says_the_cases_were_not_compared() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = workspace(dir.path());
    let out = run(&db, &["settings", "grace_days", "9"]);
    assert!(out.status.success());
    let out = run(&db, &["verify", "--json"]);
    assert!(out.status.success(), "{}", stdout(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let cases = v["checks"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["check"] == "cases"))
        .expect("the cases check");
    assert_eq!(cases["outcome"], "skipped");
    assert!(cases["findings"][0]
        .as_str()
        .unwrap_or_default()
        .contains("changed after the last reconciliation"));
}

#[test]
fn a_backup_witnesses_the_chain_it_copied() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = workspace(dir.path());
    let backup = dir.path().join("backup.db");
    let out = run(&db, &["backup", backup.to_str().expect("utf8")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(
        &db,
        &[
            "verify",
            "--quick",
            "--against",
            backup.to_str().expect("utf8"),
        ],
    );
    assert!(out.status.success(), "{}", stdout(&out));
    // The newest events deleted, and the witness beside the workspace with them: the backup
    // still remembers the head it copied.
    let out = run(&db, &["settings", "grace_days", "9"]);
    assert!(out.status.success());
    std::fs::remove_file(cuadra_core::verify::witness_path(&db)).expect("witness removed");
    tamper(&db, "last_event");
    tamper(&db, "last_event");
    let out = run(
        &db,
        &[
            "verify",
            "--quick",
            "--against",
            backup.to_str().expect("utf8"),
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("events were deleted after they were written"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn the_summary_records_the_audit_head_it_was_made_at() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = workspace(dir.path());
    let (seq, hash): (i64, String) = rusqlite::Connection::open(&db)
        .expect("open")
        .query_row(
            "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("a head");
    // Four imports and a reconciliation: events 1 to 5.
    assert_eq!(seq, 5);
    let out_path = dir.path().join("summary.csv");
    let out = run(
        &db,
        &[
            "export",
            "summary",
            "--format",
            "csv",
            "--lang",
            "en",
            "--out",
            out_path.to_str().expect("utf8"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&out_path).expect("written");
    assert!(
        text.contains(&format!("Audit trail head (event and hash),#5 {hash}")),
        "{text}"
    );
}

/// Issue 14, failure 8: a workspace whose file was damaged behind Cuadra's back (2,000 bytes
/// overwritten near its end) took new writes and passed every check but `backup`. Now every
/// command that would write to it refuses, says so and what to do, and writes nothing; `verify`
/// and `backup` still open it to say what is wrong and copy what is left.
#[test]
fn a_damaged_workspace_takes_no_writes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = workspace(dir.path());
    // A clean run stamps the file beside it: size and modification time as Cuadra left it.
    let witness: serde_json::Value = serde_json::from_slice(
        &std::fs::read(cuadra_core::verify::witness_path(&db)).expect("the witness"),
    )
    .expect("json");
    assert_eq!(
        witness["file"]["size"].as_u64(),
        Some(std::fs::metadata(&db).expect("stat").len()),
        "{witness}"
    );

    tamper(&db, "corrupt");
    let damaged = std::fs::read(&db).expect("read");
    let refused: &[&[&str]] = &[
        &["import", &fixture("shopify_orders_co_later.csv")],
        &["settings", "grace_days", "9"],
        &["reconcile", "--as-of", "2026-06-30T23:59:59-05:00"],
        &["audit", "verify"],
        &["case", "list"],
    ];
    for args in refused {
        let out = run(&db, args);
        let err = stderr(&out);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}{err}",
            stdout(&out)
        );
        assert!(err.contains("is damaged"), "{args:?}: {err}");
        assert!(err.contains("nothing was written to it"), "{args:?}: {err}");
        assert!(
            err.contains("Restore it from your last backup"),
            "{args:?}: {err}"
        );
    }
    assert!(
        std::fs::read(&db).expect("read") == damaged,
        "a refused command changed the damaged file"
    );

    // `verify` names the damage (exit 1); `backup` copies what is left and says the copy is
    // damaged too.
    let out = run(&db, &["verify", "--quick"]);
    assert!(stderr(&out).contains("is damaged"), "{}", stderr(&out));
    let out = run(&db, &["verify"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("The workspace file is damaged"));
    let copy = dir.path().join("salvage.db");
    let out = run(&db, &["backup", copy.to_str().expect("utf8")]);
    assert!(stderr(&out).contains("is damaged"), "{}", stderr(&out));
}

/// A workspace another program changed without damaging it (a copy, an edit with an SQLite
/// tool) is checked and then used as before.
#[test]
fn a_sound_workspace_changed_outside_cuadra_is_checked_and_used() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = workspace(dir.path());
    let copy = dir.path().join("copy.db");
    std::fs::copy(&db, &copy).expect("copy");
    let out = run(&copy, &["import", &fixture("shopify_orders_co_later.csv")]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert!(!stderr(&out).contains("damaged"), "{}", stderr(&out));
}
