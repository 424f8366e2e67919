//! The crate's integration tests: one binary, one module per area of `src/` (see shared/style.md).
//! Every test goes through the public interface a user's file reaches (`import_bytes`,
//! `Workspace`), then reads back what the SQLite workspace holds. This file owns the shared
//! harness: a throw-away workspace, the pinned clock, fixtures, table counts and normalized rows.

#![allow(clippy::unwrap_used)]

mod answer_key;
mod attach;
mod audit;
mod cases;
mod dashboard;
mod incremental;
mod ingest_bad_input;
mod ingest_bank;
mod ingest_cancel;
mod ingest_formats;
mod ingest_idempotency;
mod ingest_profiles;
mod ingest_properties;
mod ingest_words;
mod layers;
mod periods;
mod report;
mod retention;
mod run_blocks;
mod xlsx;

use chrono::{DateTime, TimeZone, Utc};
use cuadra_core::ingest::{import_bytes, BadRowPolicy, ImportOptions, ImportReport};
use cuadra_core::store::Workspace;
use rusqlite::types::ValueRef;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The import time every test records: business logic never reads the clock.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 10, 15, 0, 0).unwrap()
}

pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A hand-written fixture's bytes, exactly as committed.
/// The one integer `sql` selects (a count) in the test workspace.
pub fn count(t: &TestWs, sql: &str) -> i64 {
    t.ws.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// The summary row of the dLocal fixture (`dlocal_crossborder_co.csv`): batch 771204.
pub const DLOCAL_SUMMARY: &str = "HEADER,USD,9,369.31,-39.6,329.71,2026-05-08,771204,";

/// The dLocal fixture with its summary row replaced by `rows`, one line each.
pub fn dlocal_with_summary(rows: &[&str]) -> String {
    let text = String::from_utf8(fixture("dlocal_crossborder_co.csv")).expect("UTF-8 fixture");
    assert!(text.contains(DLOCAL_SUMMARY), "the fixture's summary row");
    text.replacen(DLOCAL_SUMMARY, &rows.join("\n"), 1)
}

/// The header of a PayU orders export as its tool writes it.
pub const PAYU_HEADER: &str =
    "Orden,Referencia,Comprador,Monto,Moneda,Método de pago,Estado,Fecha de creación\n";

/// A PayU export of these rows under [`PAYU_HEADER`].
pub fn payu_file(rows: &[&str]) -> Vec<u8> {
    let mut text = PAYU_HEADER.to_string();
    for r in rows {
        text.push_str(r);
        text.push('\n');
    }
    text.into_bytes()
}

/// A workspace in its own temporary folder, a real SQLite file like the app's.
pub struct TestWs {
    pub ws: Workspace,
    _dir: tempfile::TempDir,
}

impl Default for TestWs {
    fn default() -> TestWs {
        TestWs::new()
    }
}

impl TestWs {
    pub fn new() -> TestWs {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::open(&dir.path().join("cuadra.db")).unwrap();
        TestWs { ws, _dir: dir }
    }

    pub fn import_with(&mut self, name: &str, bytes: &[u8], opts: &ImportOptions) -> ImportReport {
        import_bytes(&mut self.ws, name, name, bytes, opts).unwrap()
    }

    pub fn import(&mut self, name: &str, bytes: &[u8]) -> ImportReport {
        self.import_with(name, bytes, &options())
    }

    pub fn import_fixture(&mut self, name: &str) -> ImportReport {
        self.import(name, &fixture(name))
    }

    /// Rows in every table of the workspace, so a test can prove nothing was written.
    pub fn table_counts(&self) -> BTreeMap<String, i64> {
        let conn = self.ws.conn();
        let mut stmt = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .unwrap();
        let names: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        names
            .into_iter()
            .map(|t| {
                let n: i64 = conn
                    .query_row(&format!("SELECT COUNT(*) FROM \"{t}\""), [], |r| r.get(0))
                    .unwrap();
                (t, n)
            })
            .collect()
    }

    /// Stored settlement lines without ids, identities, hashes or file ids, in file and row order.
    pub fn settlement_lines(&self) -> Vec<Row> {
        query_rows(
            &self.ws,
            "SELECT * FROM settlement_lines ORDER BY file_id, row_no, id",
            &["id", "identity", "content_hash", "file_id"],
        )
    }

    /// Stored order snapshots with their order's key, whether each is the order's current state,
    /// and their line items nested, in file and row order.
    pub fn order_snapshots(&self) -> Vec<Row> {
        let mut out = query_rows(
            &self.ws,
            "SELECT o.platform AS platform, o.order_key AS order_key,
                    (o.current_snapshot_id = s.id) AS is_current, s.id AS snapshot, s.*
             FROM order_snapshots s JOIN shop_orders o ON o.id = s.order_id
             ORDER BY s.file_id, s.row_no, s.id",
            &["id", "order_id", "file_id", "content_hash", "state_rank"],
        );
        for row in &mut out {
            let snapshot = row.remove("snapshot").and_then(|v| v.as_i64()).unwrap();
            let items = query_rows_with(
                &self.ws,
                "SELECT * FROM order_items WHERE snapshot_id = ?1 ORDER BY seq",
                [snapshot],
                &["snapshot_id"],
            );
            row.insert("items".into(), serde_json::to_value(items).unwrap());
        }
        out
    }
}

pub type Row = BTreeMap<String, serde_json::Value>;

pub fn query_rows(ws: &Workspace, sql: &str, drop: &[&str]) -> Vec<Row> {
    query_rows_with(ws, sql, [], drop)
}

/// Rows as column -> value maps; NULL columns and the `drop` ones are left out.
fn query_rows_with<P: rusqlite::Params>(
    ws: &Workspace,
    sql: &str,
    params: P,
    drop: &[&str],
) -> Vec<Row> {
    let mut stmt = ws.conn().prepare(sql).unwrap();
    let names: Vec<String> = stmt
        .column_names()
        .into_iter()
        .map(str::to_string)
        .collect();
    let mut rows = stmt.query(params).unwrap();
    let mut out = Vec::new();
    while let Some(r) = rows.next().unwrap() {
        let mut row = Row::new();
        for (i, name) in names.iter().enumerate() {
            if drop.contains(&name.as_str()) || row.contains_key(name) {
                continue;
            }
            let value = match r.get_ref(i).unwrap() {
                ValueRef::Null => continue,
                ValueRef::Integer(n) => serde_json::Value::from(n),
                ValueRef::Real(f) => serde_json::Value::from(f),
                ValueRef::Text(t) => {
                    serde_json::Value::from(String::from_utf8_lossy(t).into_owned())
                }
                ValueRef::Blob(b) => serde_json::Value::from(format!("<{} bytes>", b.len())),
            };
            row.insert(name.clone(), value);
        }
        out.push(row);
    }
    out
}

/// A workspace holding a generated scenario (every status planted) with its settings, its files
/// imported and reconciled at its as-of.
pub fn scenario_ws(
    psp: cuadra_testkit::scenario::ScenarioPsp,
    seed: u64,
    orders: usize,
) -> (TestWs, DateTime<Utc>) {
    use cuadra_testkit::scenario::{Scenario, ScenarioSpec};
    let s = Scenario::build(ScenarioSpec::new(psp, seed, orders));
    let mut t = TestWs::new();
    for (k, v) in &s.settings {
        t.ws.set_setting(k, v, "ana", now()).unwrap();
    }
    for f in &s.files {
        let rep = t.import(&f.name, &f.bytes);
        assert!(rep.succeeded(), "{rep:?}");
    }
    let as_of = s.as_of.with_timezone(&Utc);
    t.ws.run_reconciliation(as_of, "ana", now()).unwrap();
    (t, as_of)
}

/// Import options as the CLI's defaults: reject a file with bad rows.
pub fn options() -> ImportOptions {
    ImportOptions {
        profile: None,
        dry_run: false,
        bad_rows: BadRowPolicy::RejectFile,
        actor: "test".into(),
        now: now(),
    }
}

pub fn skip_bad_rows() -> ImportOptions {
    ImportOptions {
        bad_rows: BadRowPolicy::SkipRows,
        ..options()
    }
}

/// What a golden test pins about an import: the report's counts and problems.
#[derive(Serialize)]
pub struct ReportSummary {
    pub outcome: String,
    pub format: Option<String>,
    pub kind: Option<String>,
    pub encoding: Option<String>,
    pub delimiter: Option<String>,
    pub sheet: Option<String>,
    pub rows: u64,
    pub new: u64,
    pub known: u64,
    pub updated: u64,
    pub conflicting: u64,
    pub rejected: u64,
    /// Rows stating the file's own balances and totals (not lines).
    #[serde(skip_serializing_if = "is_zero")]
    pub totals: u64,
    /// The zone of date-times without an offset, and where it came from.
    pub zone: Option<String>,
    pub zone_from: Option<String>,
    /// Each problem as the user reads it: `file, row N, column C: severity: message`.
    pub problems: Vec<String>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

pub fn summary(report: &ImportReport) -> ReportSummary {
    let text = |v: serde_json::Value| v.as_str().map(str::to_string);
    ReportSummary {
        outcome: text(serde_json::to_value(report.outcome).unwrap()).unwrap_or_default(),
        format: report.format.clone(),
        kind: report
            .kind
            .and_then(|k| text(serde_json::to_value(k).unwrap())),
        encoding: report.encoding.clone(),
        delimiter: report.delimiter.clone(),
        sheet: report.sheet.clone(),
        rows: report.rows,
        new: report.new,
        known: report.known,
        updated: report.updated,
        conflicting: report.conflicting,
        rejected: report.rejected,
        totals: report.totals,
        zone: report.zone.clone(),
        zone_from: report
            .zone_from
            .and_then(|z| text(serde_json::to_value(z).unwrap())),
        problems: report
            .problems
            .iter()
            .map(|p| format!("{p} [{}]", p.code))
            .collect(),
    }
}

/// The problems' codes, for asserting which checks fired.
pub fn codes(report: &ImportReport) -> Vec<&str> {
    report.problems.iter().map(|p| p.code.as_str()).collect()
}

/// A text column of the row, for explicit assertions.
pub fn col<'r>(row: &'r Row, name: &str) -> Option<&'r str> {
    row.get(name).and_then(|v| v.as_str())
}

/// The first stored row whose `key` column equals `value`.
pub fn find<'r>(rows: &'r [Row], key: &str, value: &str) -> &'r Row {
    rows.iter()
        .find(|r| col(r, key) == Some(value))
        .unwrap_or_else(|| panic!("no stored row with {key} = {value}"))
}

/// Rows reduced to what does not depend on where they sat (sheet, row numbers) and with every
/// decimal written at its smallest scale, to compare the same data read from two containers.
pub fn content_only(rows: &[Row]) -> Vec<Row> {
    rows.iter()
        .map(|r| {
            r.iter()
                .filter(|(k, _)| !matches!(k.as_str(), "sheet" | "row_no"))
                .map(|(k, v)| {
                    let v = match v {
                        serde_json::Value::String(s) => match s.parse::<rust_decimal::Decimal>() {
                            Ok(d) => serde_json::Value::from(d.normalize().to_string()),
                            Err(_) => v.clone(),
                        },
                        serde_json::Value::Array(items) => {
                            let items: Vec<Row> = items
                                .iter()
                                .map(|i| serde_json::from_value(i.clone()).unwrap())
                                .collect();
                            serde_json::to_value(content_only(&items)).unwrap()
                        }
                        _ => v.clone(),
                    };
                    (k.clone(), v)
                })
                .collect()
        })
        .collect()
}

/// A refused act's kind, named as these tests name it, with the code the desktop app sends for
/// it (`cuadra_core::code::ErrorCode`, the one spelling the UI reads).
pub fn refusal(
    e: &cuadra_core::review::ReviewError,
) -> (&'static str, cuadra_core::code::ErrorCode) {
    use cuadra_core::review::ReviewError as E;
    let kind = match e {
        E::NoSuchCase(_) => "no_such_case",
        E::Locked { .. } => "period_closed",
        E::NotAllowed(_) => "not_allowed",
        E::ReasonRequired(_) => "reason_required",
        E::BadReason(_) => "bad_reason",
        E::BadLine(_) => "bad_line",
        E::NotReconciled => "not_reconciled",
        E::Stale { .. } => "stale_case",
        E::Store(_) => "store",
    };
    (kind, e.code())
}
