//! The audit trail through the public API: imports and setting changes are chained events, the
//! chain finds every kind of tampering (with the protecting triggers dropped), the database
//! refuses edits, the log filters and pages, and a backup of a live workspace verifies.

use super::{fixture, now, options, TestWs};
use chrono::{DateTime, TimeDelta, Utc};
use cuadra_core::audit::{AuditFilter, NewEvent};
use cuadra_core::ingest::{import_bytes, ImportOptions};
use cuadra_core::store::Workspace;

fn event(actor: &str, action: &str, subject: &str, minutes: i64) -> NewEvent {
    NewEvent {
        at: now() + TimeDelta::minutes(minutes),
        actor: actor.into(),
        action: action.into(),
        subject: subject.into(),
        before: Some(r#"{"state":"open"}"#.into()),
        after: Some(r#"{"state":"resolved"}"#.into()),
        reason: Some("written_off".into()),
        note: (minutes % 2 == 0).then(|| "checked with the PSP".into()),
    }
}

/// A workspace with `n` recorded events (seq 1..=n), its protecting triggers dropped.
fn tamperable(n: i64) -> TestWs {
    let mut t = TestWs::new();
    for i in 1..=n {
        t.ws.record(&event("ana", "note", &format!("case:K{i}"), i))
            .unwrap();
    }
    assert!(t.ws.verify_audit().unwrap().ok(), "untouched, it verifies");
    t.ws.conn()
        .execute_batch("DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;")
        .unwrap();
    t
}

fn first_broken(t: &TestWs) -> (i64, String) {
    let (seq, why) =
        t.ws.verify_audit()
            .unwrap()
            .first_broken
            .expect("the tampering must be found");
    (seq, why.to_string())
}

#[test]
fn imports_and_setting_changes_are_chained_events() {
    let mut t = TestWs::new();
    let report = t.import_fixture("dlocal_crossborder_co.csv");
    let file_id = report.file_id.unwrap();
    // Known file, dry run, rejected file: nothing is written, so nothing is recorded.
    t.import_fixture("dlocal_crossborder_co.csv");
    let dry = ImportOptions {
        dry_run: true,
        ..options()
    };
    t.import_with("shopify.csv", &fixture("shopify_orders_co.csv"), &dry);
    t.import("empty.csv", b"");
    t.ws.set_setting("retention_years", "10", "ana", now())
        .unwrap();

    let events = t.ws.audit_log(&AuditFilter::default()).unwrap();
    let shown: Vec<(&str, &str, &str)> = events
        .iter()
        .map(|e| (e.actor.as_str(), e.action.as_str(), e.subject.as_str()))
        .collect();
    let subject = format!("file:{file_id}");
    assert_eq!(
        shown,
        vec![
            ("test", "import", subject.as_str()),
            ("ana", "setting", "setting:retention_years"),
        ],
        "one event per act that wrote something"
    );
    let after: serde_json::Value =
        serde_json::from_str(events[0].after.as_deref().unwrap()).unwrap();
    assert_eq!(after["sha256"], report.sha256.clone().unwrap().as_str());
    assert_eq!(after["name"], "dlocal_crossborder_co.csv");
    assert_eq!(after["kind"], "settlement");
    assert_eq!(after["format"], "dlocal-crossborder");
    assert_eq!(
        after["rows"]["new"], report.new,
        "the import's counts are recorded"
    );
    assert_eq!(
        events[0].at, "2026-05-10T15:00:00.000000Z",
        "the passed-in clock is used"
    );
    assert_eq!(
        events[1].before, None,
        "the setting was unset (its default applied)"
    );
    assert_eq!(events[1].after.as_deref(), Some("\"10\""));
    let v = t.ws.verify_audit().unwrap();
    assert!(v.ok(), "{v:?}");
    assert_eq!((v.events, v.head_seq), (2, 2));
    assert_eq!(v.head_hash, events[1].hash);
}

#[test]
fn an_edited_event_is_named() {
    let t = tamperable(6);
    t.ws.conn()
        .execute(
            "UPDATE audit_events SET reason = 'shop_corrected' WHERE seq = 3",
            [],
        )
        .unwrap();
    let (seq, why) = first_broken(&t);
    assert_eq!(seq, 3, "the edited event is the first that fails");
    assert!(why.contains("content does not match its hash"), "{why}");
}

#[test]
fn an_edit_with_a_recomputed_hash_breaks_the_next_link() {
    let t = tamperable(6);
    // A careful forger recomputes the edited event's own hash; the next event still points at
    // the old one.
    let e =
        t.ws.audit_log(&AuditFilter {
            subject: Some("case:K3".into()),
            ..AuditFilter::default()
        })
        .unwrap()
        .remove(0);
    let forged = cuadra_core::audit::chain_hash(
        &e.prev_hash,
        &cuadra_core::audit::canonical_bytes(
            e.seq,
            &e.at,
            "mallory",
            &e.action,
            &e.subject,
            e.before.as_deref(),
            e.after.as_deref(),
            e.reason.as_deref(),
            e.note.as_deref(),
        ),
    )
    .unwrap();
    t.ws.conn()
        .execute(
            "UPDATE audit_events SET actor = 'mallory', hash = ?1 WHERE seq = 3",
            [forged],
        )
        .unwrap();
    let (seq, why) = first_broken(&t);
    assert_eq!(
        seq, 4,
        "event 3 now hashes right, so event 4's link is what breaks"
    );
    assert!(why.contains("prev_hash"), "{why}");
}

#[test]
fn a_deleted_middle_event_is_named() {
    let t = tamperable(6);
    t.ws.conn()
        .execute("DELETE FROM audit_events WHERE seq = 4", [])
        .unwrap();
    let (seq, why) = first_broken(&t);
    assert_eq!(seq, 5, "the event after the gap is the first that fails");
    assert!(why.contains("sequence jumps from 3 to 5"), "{why}");
    let v = t.ws.verify_audit().unwrap();
    assert_eq!((v.events, v.head_seq), (5, 6), "the rest is still counted");
}

#[test]
fn swapped_events_are_named() {
    let t = tamperable(6);
    // Swap the whole content (hashes included) of events 2 and 5, keeping their numbers.
    t.ws.conn()
        .execute_batch(
            "CREATE TEMP TABLE keep AS SELECT * FROM audit_events WHERE seq IN (2, 5);
             UPDATE audit_events SET (at, actor, action, subject, before, after, reason, note,
                    prev_hash, hash) =
                (SELECT at, actor, action, subject, before, after, reason, note, prev_hash, hash
                   FROM keep WHERE keep.seq = CASE audit_events.seq WHEN 2 THEN 5 ELSE 2 END)
              WHERE seq IN (2, 5);",
        )
        .unwrap();
    let (seq, why) = first_broken(&t);
    assert_eq!(seq, 2, "the first swapped event fails");
    assert!(why.contains("prev_hash"), "{why}");
}

#[test]
fn a_non_text_field_is_found_not_an_error() {
    let t = tamperable(3);
    t.ws.conn()
        // The same bytes as the actor's name, stored as a BLOB: not what was hashed.
        .execute(
            "UPDATE audit_events SET actor = CAST(actor AS BLOB) WHERE seq = 2",
            [],
        )
        .unwrap();
    let (seq, why) = first_broken(&t);
    assert_eq!(seq, 2);
    assert!(why.contains("not text"), "{why}");
}

#[test]
fn the_database_refuses_to_change_or_delete_events_and_evidence() {
    let mut t = TestWs::new();
    t.import_fixture("dlocal_crossborder_co.csv");
    t.import_fixture("shopify_orders_co.csv");
    let conn = t.ws.conn();
    for sql in [
        "UPDATE audit_events SET actor = 'x'",
        "DELETE FROM audit_events",
        "DELETE FROM imported_files",
        "UPDATE imported_files SET name = 'x'",
        "DELETE FROM file_blobs",
        "UPDATE file_blobs SET data = x'00'",
        "DELETE FROM settlement_lines",
        "UPDATE settlement_lines SET status = 'x'",
        "DELETE FROM order_snapshots",
        "UPDATE order_snapshots SET total = '1'",
    ] {
        let err = conn.execute(sql, []).expect_err(sql);
        let text = err.to_string();
        assert!(
            text.contains("cannot be changed")
                || text.contains("cannot be deleted")
                || text.contains("append-only"),
            "{sql}: {text}"
        );
    }
    assert!(t.ws.verify_audit().unwrap().ok());
}

#[test]
fn the_log_filters_and_pages_in_sql() {
    let mut t = TestWs::new();
    t.ws.record(&event("ana", "resolve", "case:A", 0)).unwrap();
    t.ws.record(&event("luis", "note", "case:B", 60)).unwrap();
    t.ws.record(&event("ana", "note", "case:A", 120)).unwrap();
    t.ws.record(&event("ana", "import", "file:1", 180)).unwrap();
    let seqs = |f: AuditFilter| -> Vec<i64> {
        t.ws.audit_log(&f).unwrap().iter().map(|e| e.seq).collect()
    };
    assert_eq!(
        seqs(AuditFilter {
            case: Some("A".into()),
            ..AuditFilter::default()
        }),
        vec![1, 3],
        "--case KEY matches subject case:KEY"
    );
    assert_eq!(
        seqs(AuditFilter {
            actor: Some("ana".into()),
            since: Some(now() + TimeDelta::minutes(60)),
            ..AuditFilter::default()
        }),
        vec![3, 4],
        "criteria combine; since is inclusive"
    );
    assert_eq!(
        seqs(AuditFilter {
            action: Some("note".into()),
            ..AuditFilter::default()
        }),
        vec![2, 3]
    );
    let page = AuditFilter {
        newest_first: true,
        offset: 1,
        limit: Some(2),
        ..AuditFilter::default()
    };
    assert_eq!(seqs(page.clone()), vec![3, 2], "a page, newest first");
    assert_eq!(
        t.ws.audit_count(&page).unwrap(),
        4,
        "the count ignores paging"
    );
}

#[test]
fn a_backup_of_a_live_workspace_is_consistent_and_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.db");
    let mut ws = Workspace::open(&path).unwrap();
    import_bytes(
        &mut ws,
        "dlocal.csv",
        "dlocal.csv",
        &fixture("dlocal_crossborder_co.csv"),
        &options(),
    )
    .unwrap();
    // Another connection keeps appending events while the backup runs.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let stop = stop.clone();
        let path = path.clone();
        std::thread::spawn(move || {
            let mut other = Workspace::open(&path).unwrap();
            let mut n = 0u64;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) || n < 200 {
                other
                    .record(&event("luis", "note", &format!("case:W{n}"), n as i64))
                    .unwrap();
                n += 1;
            }
            n
        })
    };
    // Let the writer get going, then copy in the middle of its writes.
    while ws.verify_audit().unwrap().events < 50 {
        std::thread::yield_now();
    }
    let out = dir.path().join("copy.db");
    let report = ws.backup_to(&out).unwrap();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let written = writer.join().unwrap();
    assert!(report.ok(), "{report:?}");
    assert!(
        report.verification.events >= 50 && report.verification.events <= written + 1,
        "the copy is a snapshot taken during the writes: {} events of {}",
        report.verification.events,
        written + 1
    );
    let copy = Workspace::open(&out).unwrap();
    let v = copy.verify_audit().unwrap();
    assert!(v.ok(), "the copy opens as a workspace and verifies: {v:?}");
    assert_eq!(
        v, report.verification,
        "what backup_to checked is what is on disk"
    );
    assert_eq!(
        copy.list_files().unwrap().len(),
        1,
        "the imported file came along"
    );
    let original = copy.original_bytes(1).unwrap();
    assert_eq!(
        original,
        fixture("dlocal_crossborder_co.csv"),
        "byte for byte"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".partial-"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no partial file is left: {leftovers:?}"
    );

    let again = ws.backup_to(&out).unwrap_err();
    assert!(
        matches!(again, cuadra_core::backup::BackupError::Exists { .. }),
        "an existing file is never overwritten: {again}"
    );
}

#[test]
fn the_event_time_is_the_passed_in_clock() {
    let mut t = TestWs::new();
    let at: DateTime<Utc> = "2031-06-01T12:00:00Z".parse().unwrap();
    t.ws.set_setting("language", "en", "ana", at).unwrap();
    let e = t.ws.audit_log(&AuditFilter::default()).unwrap().remove(0);
    assert_eq!(e.at, "2031-06-01T12:00:00.000000Z");
}
