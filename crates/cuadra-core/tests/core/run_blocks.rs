//! A run that changes more cases than it keeps waiting (a first run, an order export that
//! claims a whole batch's lines, a change of zone) writes them in blocks as the engine hands them
//! over and rebuilds the dashboard's rollups and the search index at the end. What it stores
//! must be exactly what the engine decided, with every line in exactly one case after each
//! run, the indexes back in place, and the rollups and search index those a full rebuild of
//! the stored cases gives.

use super::{count, now, TestWs};
use chrono::{DateTime, TimeDelta, Utc};
use cuadra_core::cases::DashFilter;
use cuadra_core::reconcile::{reconcile_inputs, Manual};
use cuadra_core::review::{ActionKind, ActionRequest};
use std::path::{Path, PathBuf};

/// Above the 20,000 changed cases from which a run writes in blocks.
const ROWS: usize = 24_000;

fn as_of() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-06-30T23:59:59-05:00")
        .unwrap()
        .with_timezone(&Utc)
}

fn files(dir: &Path) -> (PathBuf, PathBuf) {
    let dlocal = dir.join("dlocal.csv");
    let shopify = dir.join("shopify.csv");
    let spec = cuadra_testkit::DlocalSpec {
        lines: ROWS,
        ..Default::default()
    };
    let f = std::fs::File::create(&dlocal).unwrap();
    cuadra_testkit::write_dlocal_settlement(&spec, std::io::BufWriter::new(f)).unwrap();
    let spec = cuadra_testkit::ShopifySpec {
        orders: ROWS,
        ..Default::default()
    };
    let f = std::fs::File::create(&shopify).unwrap();
    cuadra_testkit::write_shopify_orders(&spec, std::io::BufWriter::new(f)).unwrap();
    (dlocal, shopify)
}

fn import(t: &mut TestWs, path: &Path) {
    let report = cuadra_core::ingest::import_path(&mut t.ws, path, &super::options()).unwrap();
    assert!(report.succeeded(), "{report:?}");
}

/// Each case's key, status, order and lines, sorted by key (batch cases aside).
type Shape = Vec<(String, String, Option<i64>, Vec<i64>)>;

fn stored(t: &TestWs) -> Shape {
    let conn = t.ws.conn();
    let mut stmt = conn
        .prepare(
            "SELECT c.case_key, c.status, c.order_id,
                (SELECT group_concat(line_id) FROM
                    (SELECT line_id FROM case_lines WHERE case_id = c.id ORDER BY line_id))
             FROM cases c WHERE c.case_key NOT LIKE 'batch:%' ORDER BY c.case_key",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |r| {
            let lines: Option<String> = r.get(3)?;
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                lines
                    .unwrap_or_default()
                    .split(',')
                    .filter(|v| !v.is_empty())
                    .map(|v| v.parse().unwrap())
                    .collect(),
            ))
        })
        .unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

fn engine(t: &TestWs) -> Shape {
    let settings = t.ws.recon_settings().unwrap();
    let inputs = t.ws.recon_inputs().unwrap();
    let mut cases: Shape = reconcile_inputs(&inputs, &settings, as_of(), &Manual::default())
        .into_iter()
        .map(|c| (c.key, c.status.as_str().to_string(), c.order_id, c.line_ids))
        .collect();
    cases.sort();
    cases
}

fn indexes(t: &TestWs) -> Vec<String> {
    let mut stmt =
        t.ws.conn()
            .prepare(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
               AND tbl_name IN ('cases', 'case_lines') ORDER BY name",
            )
            .unwrap();
    let rows = stmt.query_map([], |r| r.get(0)).unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

fn search_bodies(t: &TestWs) -> Vec<(i64, String)> {
    let mut stmt =
        t.ws.conn()
            .prepare("SELECT rowid, body FROM cases_search ORDER BY rowid")
            .unwrap();
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

/// The stored cases are the engine's, every line and order sits in one, the indexes are all
/// there, and the rollups and search index are those a full rebuild gives.
fn assert_consistent(t: &mut TestWs, indexes_before: &[String], what: &str) {
    assert_eq!(stored(t), engine(t), "{what}: the stored cases");
    assert_eq!(indexes(t), indexes_before, "{what}: the indexes");
    assert_eq!(
        count(t, "SELECT COUNT(*) FROM case_lines"),
        count(t, "SELECT COUNT(*) FROM settlement_lines"),
        "{what}: every line in a case"
    );
    assert_eq!(
        count(t, "SELECT COUNT(DISTINCT order_id) FROM cases"),
        count(t, "SELECT COUNT(*) FROM shop_orders"),
        "{what}: every order in a case"
    );
    assert_eq!(
        count(t, "SELECT COUNT(*) FROM cases_search"),
        count(t, "SELECT COUNT(*) FROM cases"),
        "{what}: every case searchable"
    );
    let integrity: String =
        t.ws.conn()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
    assert_eq!(integrity, "ok", "{what}");
    let dashboard = t.ws.dashboard(&DashFilter::default()).unwrap();
    let search = search_bodies(t);
    t.ws.rebuild_case_views().unwrap();
    assert_eq!(
        dashboard,
        t.ws.dashboard(&DashFilter::default()).unwrap(),
        "{what}: the rollups"
    );
    assert!(search == search_bodies(t), "{what}: the search index");
}

#[test]
fn runs_that_change_most_cases_write_them_in_blocks_and_store_what_the_engine_decides() {
    let dir = tempfile::tempdir().unwrap();
    let (dlocal, shopify) = files(dir.path());
    let mut t = TestWs::new();
    let before = indexes(&t);
    assert!(!before.is_empty());

    // A first run: every line its own case, written in blocks into empty tables.
    import(&mut t, &dlocal);
    let run = t.ws.run_reconciliation(as_of(), "ana", now()).unwrap();
    assert!(run.written as usize > ROWS - 10, "{run:?}");
    assert_consistent(&mut t, &before, "first run");

    // A person resolves one line's case; the orders arrive and claim the lines: the line cases
    // vanish while order cases take their lines, block by block.
    let line_case: String =
        t.ws.conn()
            .query_row(
                "SELECT case_key FROM cases WHERE case_key LIKE 'line:%' ORDER BY id LIMIT 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
    let resolve = ActionRequest {
        case_key: line_case.clone(),
        action: ActionKind::Resolve,
        reason: Some("written_off".into()),
        note: None,
        line_ids: Vec::new(),
        order_id: None,
        order_ref: None,
        expected_membership: None,
    };
    t.ws.act(&resolve, "ana", now() + TimeDelta::minutes(1))
        .unwrap();
    import(&mut t, &shopify);
    let run =
        t.ws.run_reconciliation(as_of(), "ana", now() + TimeDelta::minutes(2))
            .unwrap();
    assert!(run.written as usize > ROWS - 10, "{run:?}");
    assert!(run.removed as usize > ROWS / 2, "{run:?}");
    assert!(
        run.reopened.contains(&line_case),
        "the resolution of a case that is gone is undone on the record: {run:?}"
    );
    assert!(t.ws.case(&line_case).unwrap().is_none());
    let (action, reason): (String, String) =
        t.ws.conn()
            .query_row(
                "SELECT action, reason FROM case_decisions WHERE case_key = ?1
                 ORDER BY id DESC LIMIT 1",
                [&line_case],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
    assert_eq!(action, "auto_reopen");
    assert!(
        reason.contains("order:shopify:"),
        "the record says which order's case took the line: {reason}"
    );
    assert_consistent(&mut t, &before, "orders claim the lines");

    // Every time shown changes with the zone: every case is rewritten in place.
    t.ws.set_setting("zone", "UTC", "ana", now()).unwrap();
    let cases = count(&t, "SELECT COUNT(*) FROM cases");
    let run =
        t.ws.run_reconciliation(as_of(), "ana", now() + TimeDelta::minutes(3))
            .unwrap();
    assert!(run.written as usize > ROWS, "{run:?}");
    assert_eq!(run.removed, 0, "{run:?}");
    assert_eq!(count(&t, "SELECT COUNT(*) FROM cases"), cases);
    assert_consistent(&mut t, &before, "a new zone");

    // And a rerun on the same data finds nothing to write.
    let run =
        t.ws.run_reconciliation(as_of(), "ana", now() + TimeDelta::minutes(4))
            .unwrap();
    assert_eq!((run.written, run.removed), (0, 0), "{run:?}");
    assert!(t.ws.verify_audit().unwrap().ok());
}
