//! Retention with a pinned clock: status, a purge refused inside retention, a purge past it
//! (tombstones, events, a chain that still verifies, the originals gone), and the purges that
//! must not happen (a kept file holding conflicting copies of the rows).

use super::{fixture, now, TestWs};
use chrono::{DateTime, NaiveDate, Utc};
use cuadra_core::audit::AuditFilter;
use cuadra_core::retention::RetentionError;
use cuadra_core::store::StoreError;

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn count(t: &TestWs, table: &str) -> i64 {
    t.ws.conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// The May 2026 fixtures, imported and reconciled.
fn may() -> TestWs {
    let mut t = TestWs::new();
    t.import_fixture("shopify_orders_co.csv");
    t.import_fixture("dlocal_crossborder_co.csv");
    t.ws.run_reconciliation(at("2026-05-10T17:00:00Z"), "ana", now())
        .unwrap();
    t
}

/// A fixture's text with every `2026-05` date moved to another month (same orders and lines).
fn moved(name: &str, month: &str) -> Vec<u8> {
    String::from_utf8(fixture(name))
        .unwrap()
        .replace("2026-05", month)
        .into_bytes()
}

#[test]
fn status_counts_from_the_end_of_each_files_last_period() {
    let mut t = may();
    let s = t.ws.retention_status(at("2026-06-15T12:00:00Z")).unwrap();
    assert_eq!(s.retention_years, 5);
    assert_eq!(s.today, date("2026-06-15"));
    assert_eq!(s.files.len(), 2);
    for f in &s.files {
        assert_eq!(f.last_period, "2026-05", "{f:?}");
        assert_eq!(f.ends_on, date("2026-05-31"));
        assert_eq!(
            f.kept_until,
            date("2031-05-31"),
            "5 years after the period ends"
        );
        assert!(!f.past_retention);
    }
    let may = s.periods.iter().find(|p| p.period == "2026-05").unwrap();
    assert_eq!((may.files, may.kept_until), (2, date("2031-05-31")));
    assert!(may.cases > 0);

    t.ws.set_setting("retention_years", "10", "ana", now())
        .unwrap();
    let s = t.ws.retention_status(at("2031-06-15T12:00:00Z")).unwrap();
    assert!(
        s.files
            .iter()
            .all(|f| f.kept_until == date("2036-05-31") && !f.past_retention),
        "a raised retention keeps everything longer: {:?}",
        s.files
    );
}

#[test]
fn a_purge_inside_retention_is_refused_and_changes_nothing() {
    let mut t = may();
    let before = t.table_counts();
    let last_day = at("2031-05-31T23:00:00Z"); // 18:00 in Bogotá, still May 31st
    let err = t.ws.purge(date("2026-06-01"), "ana", last_day).unwrap_err();
    assert!(
        matches!(err, RetentionError::InsideRetention { .. }),
        "{err}"
    );
    let text = err.to_string();
    assert!(
        text.contains("is kept until 2031-05-31") && text.contains("Nothing was deleted"),
        "{text}"
    );
    assert_eq!(t.table_counts(), before, "a refused purge writes nothing");
    // The plan says the same without trying.
    assert!(t.ws.purge_plan(date("2026-06-01"), last_day).is_err());
}

#[test]
fn a_purge_past_retention_leaves_tombstones_and_a_verifying_chain() {
    let mut t = may();
    let files = t.ws.list_files().unwrap();
    // A link made by hand to one of the lines: it goes with its line (its decision stays).
    t.ws.conn()
        .execute_batch(
            "INSERT INTO case_decisions(case_key, action, status_before, state_after, membership,
                 actor, at, audit_seq)
             VALUES ('K', 'match', 'unmatched', 'resolved', 'o1:l1', 'ana', '2026-05-11', 1);
             INSERT INTO manual_links(line_id, order_id, kind, decision_id)
             VALUES ((SELECT min(id) FROM settlement_lines), (SELECT min(id) FROM shop_orders),
                     'link', last_insert_rowid());",
        )
        .unwrap();
    let events_before = t.ws.verify_audit().unwrap().events;
    let june_2031 = at("2031-06-01T12:00:00Z");
    let gross: rust_decimal::Decimal = {
        let mut stmt =
            t.ws.conn()
                .prepare("SELECT gross_amount FROM settlement_lines")
                .unwrap();
        let amounts: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|a| a.unwrap())
            .collect();
        amounts
            .iter()
            .map(|a| a.parse::<rust_decimal::Decimal>().unwrap())
            .sum()
    };

    let plan = t.ws.purge_plan(date("2026-06-01"), june_2031).unwrap();
    assert_eq!(plan.files.len(), 2);
    assert_eq!(
        plan.cases as i64,
        count(&t, "cases"),
        "every case holds their rows"
    );
    let nothing = t.ws.purge_plan(date("2026-05-31"), june_2031).unwrap();
    assert!(
        nothing.files.is_empty(),
        "--before selects periods that END before the date"
    );

    let report = t.ws.purge(date("2026-06-01"), "ana", june_2031).unwrap();
    assert_eq!(report.files.len(), 2);
    for table in [
        "imported_files",
        "file_blobs",
        "settlement_lines",
        "settlement_batches",
        "order_snapshots",
        "order_items",
        "shop_orders",
        "import_problems",
        "cases",
        "case_lines",
        "manual_links",
        "purge_grants",
    ] {
        assert_eq!(
            count(&t, table),
            0,
            "{table} must be empty after purging everything"
        );
    }
    // What is kept beside the cases goes with them: the dashboard and the search are empty.
    for table in ["dash_status", "dash_daily", "dash_settled", "cases_search"] {
        assert_eq!(count(&t, table), 0, "{table} must follow the purged cases");
    }
    assert_eq!(
        t.ws.dashboard(&cuadra_core::cases::DashFilter::default())
            .unwrap()
            .cases,
        0
    );
    assert_eq!(
        count(&t, "case_decisions"),
        1,
        "decisions are part of the trail: kept"
    );
    for f in &files {
        assert!(
            matches!(t.ws.original_bytes(f.id), Err(StoreError::NoSuchFile(_))),
            "the original of file {} is gone",
            f.id
        );
    }

    let status = t.ws.retention_status(june_2031).unwrap();
    assert_eq!(status.purged.len(), 2, "a tombstone per file");
    let settlement = status
        .purged
        .iter()
        .find(|p| p.kind == "settlement")
        .unwrap();
    let original = files.iter().find(|f| f.kind == "settlement").unwrap();
    assert_eq!(
        settlement.sha256, original.sha256,
        "the tombstone keeps the file's hash"
    );
    assert_eq!(settlement.file_id, original.id);
    assert_eq!(settlement.rows_total, original.rows_total);
    assert_eq!(settlement.removed["lines"], 9, "it says what was removed");
    assert_eq!(settlement.removed["manual_links"], 1);
    assert_eq!(
        settlement.totals["settled"]["USD"]["gross"],
        gross.normalize().to_string().as_str(),
        "and the amounts it held"
    );

    let v = t.ws.verify_audit().unwrap();
    assert!(
        v.ok(),
        "the audit trail is never purged, so it still verifies: {v:?}"
    );
    assert_eq!(v.events, events_before + 2, "one purge event per file");
    let purges =
        t.ws.audit_log(&AuditFilter {
            action: Some("purge".into()),
            ..AuditFilter::default()
        })
        .unwrap();
    let oldest = files.iter().map(|f| f.id).min().unwrap();
    assert_eq!(purges[0].subject, format!("file:{oldest}"));
    assert!(purges[0]
        .reason
        .as_deref()
        .unwrap()
        .contains("kept until 2031-05-31 (5 years)"));
    let imports =
        t.ws.audit_log(&AuditFilter {
            action: Some("import".into()),
            ..AuditFilter::default()
        })
        .unwrap();
    assert_eq!(imports.len(), 2, "the import events stay");

    // Importing the same bytes again makes a new file with a new id: ids are never reused.
    let again = t.import_fixture("dlocal_crossborder_co.csv");
    assert!(again.succeeded());
    assert!(again.file_id.unwrap() > files[0].id, "{again:?}");
    assert!(t.ws.verify_audit().unwrap().ok());
}

#[test]
fn a_case_in_a_later_period_keeps_an_older_file() {
    let mut t = TestWs::new();
    t.import(
        "shopify-january.csv",
        &moved("shopify_orders_co.csv", "2026-01"),
    );
    t.import_fixture("shopify_orders_co.csv");
    let june = at("2026-06-15T12:00:00Z");
    let last = |t: &TestWs| -> Vec<String> {
        let s = t.ws.retention_status(june).unwrap();
        s.files.iter().map(|f| f.last_period.clone()).collect()
    };
    assert_eq!(
        last(&t),
        vec!["2026-04", "2026-05"],
        "by their own dates (#1004 was created in April)"
    );
    t.ws.run_reconciliation(at("2026-05-10T17:00:00Z"), "ana", now())
        .unwrap();
    assert_eq!(
        last(&t),
        vec!["2026-05", "2026-05"],
        "the January export holds older states of orders whose cases are in May: kept as long"
    );
}

#[test]
fn purging_an_older_export_keeps_the_orders_of_a_newer_one() {
    let mut t = TestWs::new();
    // The purged export P (January) holds the latest state of most orders; the kept export K
    // holds older states of them (December 2025), and one order created in September.
    let p = t.import("shopify-p.csv", &moved("shopify_orders_co.csv", "2026-01"));
    let k = String::from_utf8(fixture("shopify_orders_co.csv"))
        .unwrap()
        .replace("2026-05", "2025-12")
        .replace("2026-04", "2026-09");
    let k = t.import("shopify-k.csv", k.as_bytes());
    assert!(p.succeeded() && k.succeeded());
    let current_in_p: i64 = t
        .ws
        .conn()
        .query_row(
            "SELECT count(*) FROM shop_orders o JOIN order_snapshots s ON s.id = o.current_snapshot_id
              WHERE s.file_id = ?1",
            [p.file_id.unwrap()],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        current_in_p > 0,
        "the test needs orders whose current state is in P"
    );
    let orders = count(&t, "shop_orders");

    let report =
        t.ws.purge(date("2026-05-01"), "ana", at("2031-06-01T12:00:00Z"))
            .unwrap();
    let purged: Vec<i64> = report.files.iter().map(|f| f.file_id).collect();
    assert_eq!(
        purged,
        vec![p.file_id.unwrap()],
        "only P goes (K's last period is 2026-09)"
    );
    assert_eq!(count(&t, "shop_orders"), orders, "the orders live on in K");
    let dangling: i64 =
        t.ws.conn()
            .query_row(
                "SELECT count(*) FROM shop_orders o
              WHERE NOT EXISTS (SELECT 1 FROM order_snapshots s
                                 WHERE s.id = o.current_snapshot_id AND s.order_id = o.id)",
                [],
                |r| r.get(0),
            )
            .unwrap();
    assert_eq!(
        dangling, 0,
        "every order's current state is one of its remaining snapshots"
    );
    assert!(t.ws.verify_audit().unwrap().ok());
    // What remains reconciles again.
    t.ws.run_reconciliation(at("2026-10-10T17:00:00Z"), "ana", now())
        .unwrap();
    assert!(count(&t, "cases") > 0);
}

#[test]
fn a_file_whose_rows_a_kept_file_contradicts_is_not_purged() {
    let mut t = TestWs::new();
    let january = t.import(
        "dlocal-january.csv",
        &moved("dlocal_crossborder_co.csv", "2026-01"),
    );
    // The same transactions with other dates: conflicts pointing at January's lines.
    let may = t.import_fixture("dlocal_crossborder_co.csv");
    assert!(may.conflicting > 0, "{may:?}");
    let before = t.table_counts();
    let err =
        t.ws.purge(date("2026-02-01"), "ana", at("2031-06-01T12:00:00Z"))
            .unwrap_err();
    assert!(matches!(err, RetentionError::Entangled { .. }), "{err}");
    let text = err.to_string();
    assert!(
        text.contains(&format!("file {}", january.file_id.unwrap()))
            && text.contains("conflicting copies")
            && text.contains("after 2026-05-31"),
        "{text}"
    );
    assert_eq!(t.table_counts(), before, "nothing was deleted");
    // Once both are past retention they go together.
    let report =
        t.ws.purge(date("2026-06-01"), "ana", at("2031-06-01T12:00:00Z"))
            .unwrap();
    assert_eq!(report.files.len(), 2);
    assert_eq!(count(&t, "line_conflicts"), 0);
    assert!(t.ws.verify_audit().unwrap().ok());
}

#[test]
fn evidence_can_only_be_deleted_under_a_grant() {
    let mut t = TestWs::new();
    let id = t
        .import_fixture("dlocal_crossborder_co.csv")
        .file_id
        .unwrap();
    let conn = t.ws.conn();
    let err = conn
        .execute("DELETE FROM settlement_lines WHERE file_id = ?1", [id])
        .unwrap_err();
    assert!(err.to_string().contains("cannot be deleted"), "{err}");
    // A grant for another file does not open this one.
    conn.execute("INSERT INTO purge_grants(file_id) VALUES (?1)", [id + 100])
        .unwrap();
    assert!(conn
        .execute("DELETE FROM file_blobs WHERE file_id = ?1", [id])
        .is_err());
}
