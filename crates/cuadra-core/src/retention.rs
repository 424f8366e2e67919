//! Retention: how long imported files and what they hold are kept, and the purge of files past
//! it. Nothing here runs by itself: a purge happens only when a person asks for it, for files
//! whose whole content is past retention, and leaves a tombstone and an audit event per file.
//! The audit trail itself is never purged, so the chain still verifies after any purge.
//!
//! # When a file is past retention
//! A file's *last period* is the latest `YYYY-MM` (workspace zone) among every date its rows
//! record (settlement lines, batch transfers, order snapshots) and the periods of the current
//! cases holding its rows; a file with no dated row counts from its import. It is kept until the
//! last day of the month `retention_years` after its last period (period 2026-05 with 5 years:
//! until 2031-05-31), and is past retention from the day after, at `now` in the workspace zone.
//!
//! # What a purge removes
//! The file's original bytes, settlement lines and batches, order snapshots and their items,
//! problems, and the conflicts it recorded; shop orders left without any snapshot, and links
//! people made to its lines or to those orders (their decisions stay in `case_decisions` and the
//! audit trail). Current cases holding its lines or orders are removed too: cases are derived
//! data, and the next reconcile derives them again from what remains. A file is not purged
//! while a kept file holds conflicting copies of its rows (the conflict rows point at them).
//!
//! The evidence tables refuse DELETE unless the file is in `purge_grants`, which a purge fills
//! and empties inside its own transaction: a guard against accidents and casual edits. Tamper
//! evidence is the audit hash chain and the files' SHA-256s.
//!
//! A row a later file repeated (counted "known" there) was stored once, with the file that
//! brought it first, and goes with that file; its own dates are past retention.
//!
//! # Attachments are not purged
//! Files people attached to cases (`review::attach`) are never removed by a purge, whatever
//! the retention of their case's period: they are few and small, each is named by an audit
//! event that stays forever, and their tables refuse DELETE outright (no grant applies). An
//! attachment names its case by key, so it outlives a case the purge removes; a later run that
//! derives the case again finds it there.

use crate::audit::{self, NewEvent};
use crate::msg;
use crate::periods::{period_last_day, period_of};
use crate::store::{StoreError, Workspace};
use crate::time::Moment;
use crate::words::{Arg, Join, Msg};
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection, OptionalExtension};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

#[derive(Debug, thiserror::Error)]
pub enum RetentionError {
    #[error("'{0}' is not a date: write it as YYYY-MM-DD, like 2021-01-01")]
    BadDate(String),
    #[error("{} file(s) whose content ends before {before} are still inside retention ({years} years): {}. Nothing was deleted. Choose an earlier --before date, or wait until they are past retention", .files.len(), .files.iter().map(|f| f.render_inline(crate::words::Lang::En)).collect::<Vec<_>>().join("; "))]
    InsideRetention {
        before: NaiveDate,
        years: u32,
        /// One message per file (`words::FILE_KEPT`): which file, and until when it is kept.
        files: Vec<Msg>,
    },
    #[error("file {id} ({name}) cannot be purged while file {other} ({other_name}) is kept: file {other} holds conflicting copies of its rows. Nothing was deleted. Choose a --before date after {other_ends_on} (the end of file {other}'s last period) once file {other} is past retention")]
    Entangled {
        id: i64,
        name: String,
        other: i64,
        other_name: String,
        other_ends_on: NaiveDate,
    },
    #[error("the audit trail is broken at event {seq} ({}): nothing is purged from a workspace whose trail does not verify; run cuadra-cli audit verify and restore from a backup", .why.render_inline(crate::words::Lang::En))]
    ChainBroken { seq: i64, why: Msg },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl RetentionError {
    /// What went wrong and what to do, in the reader's language (`Display` is the English of the
    /// CLI, which names its own options).
    pub fn msg(&self) -> Msg {
        use words::*;
        match self {
            RetentionError::BadDate(text) => msg!(BAD_DATE, text),
            RetentionError::InsideRetention {
                before,
                years,
                files,
            } => msg!(
                INSIDE_RETENTION,
                files.len(),
                before.to_string(),
                i64::from(*years),
                Arg::list(files.iter().cloned().map(Arg::from).collect(), Join::Semi)
            ),
            RetentionError::Entangled {
                id,
                name,
                other,
                other_name,
                other_ends_on,
            } => msg!(
                ENTANGLED,
                *id,
                name,
                *other,
                other_name,
                other_ends_on.to_string()
            ),
            RetentionError::ChainBroken { seq, why } => msg!(CHAIN_BROKEN, *seq, why.clone()),
            RetentionError::Store(e) => e.msg(),
        }
    }
}

pub use crate::words::retention as words;

impl From<rusqlite::Error> for RetentionError {
    fn from(e: rusqlite::Error) -> Self {
        RetentionError::Store(StoreError::Sql(e))
    }
}

/// One imported file's retention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FileRetention {
    pub file_id: i64,
    pub name: String,
    pub kind: String,
    pub format: String,
    pub sha256: String,
    pub imported_at: String,
    /// The latest date its rows record (workspace zone); `None` when no row has a date.
    pub last_date: Option<NaiveDate>,
    /// The period retention counts from (see the module docs).
    pub last_period: String,
    /// The last day of `last_period`.
    pub ends_on: NaiveDate,
    /// The last day it must be kept.
    pub kept_until: NaiveDate,
    pub past_retention: bool,
}

/// One period's retention: the files whose last period it is, and its cases.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PeriodRetention {
    pub period: String,
    pub ends_on: NaiveDate,
    pub kept_until: NaiveDate,
    pub past_retention: bool,
    pub files: u64,
    pub cases: u64,
}

/// What is kept, until when, and what is past retention, at one moment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RetentionStatus {
    pub retention_years: u32,
    /// `now` as a date in the workspace zone.
    pub today: NaiveDate,
    pub zone: String,
    pub periods: Vec<PeriodRetention>,
    pub files: Vec<FileRetention>,
    /// Files already purged (their tombstones).
    pub purged: Vec<PurgedFile>,
}

/// The tombstone of a purged file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PurgedFile {
    pub file_id: i64,
    pub sha256: String,
    pub name: String,
    pub kind: String,
    pub format: String,
    pub imported_at: String,
    pub rows_total: i64,
    pub last_period: String,
    pub kept_until: String,
    pub purged_at: String,
    pub purged_by: String,
    /// Rows removed, per kind (`lines`, `snapshots`, `cases`, ...).
    pub removed: serde_json::Value,
    /// Amounts the file held, per currency, as exact decimal text.
    pub totals: serde_json::Value,
    pub audit_seq: i64,
}

/// What a purge would remove: files past retention whose content ends before `before`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PurgePlan {
    pub before: NaiveDate,
    pub today: NaiveDate,
    pub retention_years: u32,
    pub files: Vec<FileRetention>,
    /// Current cases holding their rows (removed with them; the next reconcile derives again).
    pub cases: u64,
}

/// What a purge did.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PurgeReport {
    pub before: NaiveDate,
    pub files: Vec<PurgedFile>,
    pub cases_removed: u64,
    pub orders_removed: u64,
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<NaiveDate, RetentionError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| RetentionError::BadDate(text.to_string()))
}

/// The last day of the month `years` after `period`.
fn kept_until(period: &str, years: u32) -> Result<NaiveDate, StoreError> {
    let bad = || StoreError::BadQuery(msg!(crate::words::periods::NOT_A_PERIOD, period));
    let (y, m) = period.split_once('-').ok_or_else(bad)?;
    let year: i32 = y.parse().map_err(|_| bad())?;
    let shifted = format!("{:04}-{m}", year + years as i32);
    period_last_day(&shifted).map_err(|_| bad())
}

fn last_day(period: &str) -> Result<NaiveDate, StoreError> {
    period_last_day(period)
        .map_err(|_| StoreError::BadQuery(msg!(crate::words::periods::NOT_A_PERIOD, period)))
}

/// A stored date or time as a date in `zone`.
fn local_date(text: &str, zone: Tz) -> Option<NaiveDate> {
    match Moment::from_storage(text).ok()? {
        Moment::Date(d) => Some(d),
        Moment::Instant(t) => Some(t.with_timezone(&zone).date_naive()),
    }
}

/// Folds every date of every row into each file's latest date.
fn latest_dates(conn: &Connection, zone: Tz) -> Result<HashMap<i64, NaiveDate>, StoreError> {
    let mut latest: HashMap<i64, NaiveDate> = HashMap::new();
    for sql in [
        "SELECT file_id, created_at, approved_at, settled_at, expires_at FROM settlement_lines",
        "SELECT file_id, created_at, paid_at, cancelled_at, expires_at FROM order_snapshots",
        "SELECT file_id, transfer_date, NULL, NULL, NULL FROM settlement_batches",
    ] {
        let mut stmt = conn.prepare(sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let file: i64 = r.get(0)?;
            for i in 1..=4 {
                if let Ok(Some(text)) = r.get_ref(i).map(|v| v.as_str_or_null().ok().flatten()) {
                    if let Some(d) = local_date(text, zone) {
                        let e = latest.entry(file).or_insert(d);
                        if d > *e {
                            *e = d;
                        }
                    }
                }
            }
        }
    }
    Ok(latest)
}

/// Each file's latest case period: cases holding its lines or its orders.
fn case_periods(conn: &Connection) -> Result<HashMap<i64, String>, StoreError> {
    let mut out: HashMap<i64, String> = HashMap::new();
    for sql in [
        "SELECT l.file_id, max(c.period) FROM case_lines cl
           JOIN cases c ON c.id = cl.case_id JOIN settlement_lines l ON l.id = cl.line_id
          WHERE c.period IS NOT NULL GROUP BY l.file_id",
        "SELECT s.file_id, max(c.period) FROM cases c
           JOIN order_snapshots s ON s.order_id = c.order_id
          WHERE c.period IS NOT NULL GROUP BY s.file_id",
    ] {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (file, period) = row?;
            let e = out.entry(file).or_insert_with(|| period.clone());
            if period > *e {
                *e = period;
            }
        }
    }
    Ok(out)
}

fn status_on(
    conn: &Connection,
    years: u32,
    zone: Tz,
    now: DateTime<Utc>,
) -> Result<RetentionStatus, StoreError> {
    let today = now.with_timezone(&zone).date_naive();
    let dates = latest_dates(conn, zone)?;
    let case_period = case_periods(conn)?;
    let mut files = Vec::new();
    {
        let mut stmt = conn.prepare(
            "SELECT id, name, kind, format, sha256, imported_at FROM imported_files ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        for row in rows {
            let (file_id, name, kind, format, sha256, imported_at) = row?;
            let last_date = dates.get(&file_id).copied();
            let mut last_period = match last_date {
                Some(d) => period_of(d),
                None => local_date(&imported_at, zone)
                    .map(period_of)
                    .unwrap_or_else(|| period_of(today)),
            };
            if let Some(p) = case_period.get(&file_id).filter(|p| **p > last_period) {
                last_period = p.clone();
            }
            let ends_on = last_day(&last_period)?;
            let kept_until = kept_until(&last_period, years)?;
            files.push(FileRetention {
                file_id,
                name,
                kind,
                format,
                sha256,
                imported_at,
                last_date,
                last_period,
                ends_on,
                kept_until,
                past_retention: today > kept_until,
            });
        }
    }
    let mut periods: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    for f in &files {
        periods.entry(f.last_period.clone()).or_default().0 += 1;
    }
    {
        let mut stmt = conn.prepare(
            "SELECT period, count(*) FROM cases WHERE period IS NOT NULL GROUP BY period",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            let (period, n) = row?;
            periods.entry(period).or_default().1 = n as u64;
        }
    }
    let periods = periods
        .into_iter()
        .filter(|(p, _)| crate::periods::parse_period(p).is_ok())
        .map(|(period, (files, cases))| {
            let kept = kept_until(&period, years)?;
            Ok(PeriodRetention {
                ends_on: last_day(&period)?,
                kept_until: kept,
                past_retention: today > kept,
                period,
                files,
                cases,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    Ok(RetentionStatus {
        retention_years: years,
        today,
        zone: zone.name().to_string(),
        periods,
        files,
        purged: purged_files(conn)?,
    })
}

fn purged_files(conn: &Connection) -> Result<Vec<PurgedFile>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT file_id, sha256, name, kind, format, imported_at, rows_total, last_period,
            kept_until, purged_at, purged_by, removed, totals, audit_seq
         FROM purged_files ORDER BY file_id",
    )?;
    let json = |t: String| serde_json::from_str(&t).unwrap_or(serde_json::Value::String(t));
    let rows = stmt.query_map([], |r| {
        Ok(PurgedFile {
            file_id: r.get(0)?,
            sha256: r.get(1)?,
            name: r.get(2)?,
            kind: r.get(3)?,
            format: r.get(4)?,
            imported_at: r.get(5)?,
            rows_total: r.get(6)?,
            last_period: r.get(7)?,
            kept_until: r.get(8)?,
            purged_at: r.get(9)?,
            purged_by: r.get(10)?,
            removed: json(r.get(11)?),
            totals: json(r.get(12)?),
            audit_seq: r.get(13)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Settings the retention rules read, from the connection (inside or outside a transaction).
fn rules(conn: &Connection) -> Result<(u32, Tz), StoreError> {
    Ok((
        crate::store::retention_years_of(conn)?,
        crate::store::zone_of(conn)?,
    ))
}

fn plan_on(
    conn: &Connection,
    before: NaiveDate,
    now: DateTime<Utc>,
) -> Result<PurgePlan, RetentionError> {
    let (years, zone) = rules(conn)?;
    let status = status_on(conn, years, zone, now)?;
    let files: Vec<FileRetention> = status
        .files
        .iter()
        .filter(|f| f.ends_on < before)
        .cloned()
        .collect();
    let inside: Vec<Msg> = files
        .iter()
        .filter(|f| !f.past_retention)
        .map(|f| {
            msg!(
                words::FILE_KEPT,
                f.file_id,
                &f.name,
                &f.last_period,
                f.kept_until.to_string()
            )
        })
        .collect();
    if !inside.is_empty() {
        return Err(RetentionError::InsideRetention {
            before,
            years,
            files: inside,
        });
    }
    let chosen: BTreeSet<i64> = files.iter().map(|f| f.file_id).collect();
    // A kept file's conflict rows point at the chosen files' lines: those cannot go alone.
    let mut stmt = conn.prepare(
        "SELECT DISTINCT l.file_id, c.file_id FROM line_conflicts c
           JOIN settlement_lines l ON l.id = c.line_id
          WHERE l.file_id <> c.file_id",
    )?;
    let pairs = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
    for pair in pairs {
        let (owner, other) = pair?;
        if chosen.contains(&owner) && !chosen.contains(&other) {
            let file = |id: i64| status.files.iter().find(|f| f.file_id == id);
            return Err(RetentionError::Entangled {
                id: owner,
                name: file(owner).map(|f| f.name.clone()).unwrap_or_default(),
                other,
                other_name: file(other).map(|f| f.name.clone()).unwrap_or_default(),
                other_ends_on: file(other).map(|f| f.ends_on).unwrap_or(before),
            });
        }
    }
    let cases = if chosen.is_empty() {
        0
    } else {
        let ids = id_list(&chosen);
        conn.query_row(
            &format!("SELECT count(*) FROM cases WHERE {}", cases_of_files(&ids)),
            [],
            |r| r.get::<_, i64>(0),
        )? as u64
    };
    Ok(PurgePlan {
        before,
        today: status.today,
        retention_years: years,
        files,
        cases,
    })
}

/// The condition on `cases` that selects the cases holding rows of the files `ids` (a list of
/// ids or a parameter): their settlement lines, their orders, or their batches (a batch's
/// rounding case is keyed as `cases::scope::batch_cases` keys it; keep the two in step).
fn cases_of_files(ids: &str) -> String {
    format!(
        "id IN (SELECT cl.case_id FROM case_lines cl JOIN settlement_lines l ON l.id = cl.line_id
                 WHERE l.file_id IN ({ids}))
         OR order_id IN (SELECT order_id FROM order_snapshots WHERE file_id IN ({ids}))
         OR case_key IN (SELECT 'batch:' || b.psp || ':' || coalesce(b.batch_ref, 'file' || b.file_id)
                                || ':rounding'
                           FROM settlement_batches b WHERE b.file_id IN ({ids}))"
    )
}

/// `1,2,3`: ids from the database itself, safe to inline.
fn id_list(ids: &BTreeSet<i64>) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

/// Adds a decimal text into a per-currency total.
fn add(
    totals: &mut BTreeMap<String, BTreeMap<&'static str, Decimal>>,
    currency: Option<String>,
    what: &'static str,
    amount: Option<String>,
) {
    if let Some(d) = amount.and_then(|a| a.parse::<Decimal>().ok()) {
        *totals
            .entry(currency.unwrap_or_else(|| "?".into()))
            .or_default()
            .entry(what)
            .or_default() += d;
    }
}

fn totals_json(totals: BTreeMap<String, BTreeMap<&'static str, Decimal>>) -> serde_json::Value {
    serde_json::Value::Object(
        totals
            .into_iter()
            .map(|(cur, sums)| {
                let sums = sums
                    .into_iter()
                    .map(|(k, v)| {
                        (
                            k.to_string(),
                            serde_json::Value::from(v.normalize().to_string()),
                        )
                    })
                    .collect();
                (cur, serde_json::Value::Object(sums))
            })
            .collect(),
    )
}

/// The amounts a file holds, per currency: settlement lines (gross, fee, tax, net in the
/// settlement currency; the buyer's amount in the local one) or order snapshots (total,
/// refunded).
fn file_totals(conn: &Connection, file_id: i64) -> Result<serde_json::Value, StoreError> {
    let mut settled = BTreeMap::new();
    let mut local = BTreeMap::new();
    let mut stmt = conn.prepare(
        "SELECT settlement_currency, gross_amount, fee_amount, tax_amount, net_amount,
            local_currency, local_amount FROM settlement_lines WHERE file_id = ?1",
    )?;
    let mut rows = stmt.query([file_id])?;
    while let Some(r) = rows.next()? {
        let cur: Option<String> = r.get(0)?;
        add(&mut settled, cur.clone(), "gross", r.get(1)?);
        add(&mut settled, cur.clone(), "fee", r.get(2)?);
        add(&mut settled, cur.clone(), "tax", r.get(3)?);
        add(&mut settled, cur, "net", r.get(4)?);
        add(&mut local, r.get(5)?, "amount", r.get(6)?);
    }
    let mut orders = BTreeMap::new();
    let mut stmt =
        conn.prepare("SELECT currency, total, refunded FROM order_snapshots WHERE file_id = ?1")?;
    let mut rows = stmt.query([file_id])?;
    while let Some(r) = rows.next()? {
        let cur: Option<String> = r.get(0)?;
        add(&mut orders, cur.clone(), "total", r.get(1)?);
        add(&mut orders, cur, "refunded", r.get(2)?);
    }
    let mut out = serde_json::Map::new();
    if !settled.is_empty() {
        out.insert("settled".into(), totals_json(settled));
        out.insert("local".into(), totals_json(local));
    }
    if !orders.is_empty() {
        out.insert("orders".into(), totals_json(orders));
    }
    Ok(serde_json::Value::Object(out))
}

fn count(conn: &Connection, sql: &str, file_id: i64) -> Result<i64, StoreError> {
    Ok(conn.query_row(sql, [file_id], |r| r.get(0))?)
}

/// Rows the purge of one file removes, per kind, counted before anything is deleted.
fn removed_counts(conn: &Connection, file_id: i64) -> Result<serde_json::Value, StoreError> {
    let mut out = serde_json::Map::new();
    for (what, sql) in [
        (
            "lines",
            "SELECT count(*) FROM settlement_lines WHERE file_id = ?1",
        ),
        (
            "batches",
            "SELECT count(*) FROM settlement_batches WHERE file_id = ?1",
        ),
        (
            "conflicts",
            "SELECT count(*) FROM line_conflicts WHERE file_id = ?1",
        ),
        (
            "snapshots",
            "SELECT count(*) FROM order_snapshots WHERE file_id = ?1",
        ),
        (
            "items",
            "SELECT count(*) FROM order_items WHERE snapshot_id IN
                (SELECT id FROM order_snapshots WHERE file_id = ?1)",
        ),
        (
            "problems",
            "SELECT count(*) FROM import_problems WHERE file_id = ?1",
        ),
        (
            "blob_chunks",
            "SELECT count(*) FROM file_blobs WHERE file_id = ?1",
        ),
        (
            "manual_links",
            "SELECT count(*) FROM manual_links WHERE line_id IN
                (SELECT id FROM settlement_lines WHERE file_id = ?1)",
        ),
    ] {
        out.insert(
            what.into(),
            serde_json::Value::from(count(conn, sql, file_id)?),
        );
    }
    let cases = count(
        conn,
        &format!("SELECT count(*) FROM cases WHERE {}", cases_of_files("?1")),
        file_id,
    )?;
    out.insert("cases".into(), serde_json::Value::from(cases));
    Ok(serde_json::Value::Object(out))
}

impl Workspace {
    /// Every file's and period's retention at `now`.
    pub fn retention_status(&self, now: DateTime<Utc>) -> Result<RetentionStatus, StoreError> {
        let (years, zone) = rules(self.conn())?;
        status_on(self.conn(), years, zone, now)
    }

    /// What `purge(before, ..)` would remove at `now`, or why it is refused (a file whose
    /// content ends before `before` is still inside retention, or is entangled with a kept one).
    pub fn purge_plan(
        &self,
        before: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<PurgePlan, RetentionError> {
        plan_on(self.conn(), before, now)
    }

    /// Removes the files of `purge_plan(before, now)` (decided again inside the transaction),
    /// leaving a tombstone and a `purge` audit event per file, all in one transaction. The audit
    /// trail is never purged.
    pub fn purge(
        &mut self,
        before: NaiveDate,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<PurgeReport, RetentionError> {
        let chain = audit::verify(self.conn())?;
        if let Some((seq, why)) = chain.first_broken {
            return Err(RetentionError::ChainBroken { seq, why });
        }
        let tx = self
            .conn_mut()
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let plan = plan_on(&tx, before, now)?;
        let mut report = PurgeReport {
            before,
            files: Vec::new(),
            cases_removed: 0,
            orders_removed: 0,
        };
        if plan.files.is_empty() {
            return Ok(report);
        }
        let chosen: BTreeSet<i64> = plan.files.iter().map(|f| f.file_id).collect();
        let ids = id_list(&chosen);
        let purged_at = now.to_rfc3339_opts(SecondsFormat::Secs, true);

        // What each file held, before anything goes.
        let mut records = Vec::new();
        for f in &plan.files {
            records.push((
                f,
                removed_counts(&tx, f.file_id)?,
                file_totals(&tx, f.file_id)?,
            ));
        }
        for id in &chosen {
            tx.execute("INSERT INTO purge_grants(file_id) VALUES (?1)", [id])?;
        }
        let orders: Vec<i64> = {
            let mut stmt = tx.prepare(&format!(
                "SELECT DISTINCT order_id FROM order_snapshots WHERE file_id IN ({ids})"
            ))?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        report.cases_removed = tx.execute(
            &format!("DELETE FROM cases WHERE {}", cases_of_files(&ids)),
            [],
        )? as u64;
        tx.execute_batch(&format!(
            "DELETE FROM manual_links WHERE line_id IN
                (SELECT id FROM settlement_lines WHERE file_id IN ({ids}));
             DELETE FROM line_conflicts WHERE file_id IN ({ids}) OR line_id IN
                (SELECT id FROM settlement_lines WHERE file_id IN ({ids}));
             DELETE FROM line_echoes WHERE line_id IN
                (SELECT id FROM settlement_lines WHERE file_id IN ({ids})) OR of_line_id IN
                (SELECT id FROM settlement_lines WHERE file_id IN ({ids}));
             DELETE FROM settlement_lines WHERE file_id IN ({ids});
             DELETE FROM bank_entries WHERE file_id IN ({ids});
             DELETE FROM bank_statements WHERE file_id IN ({ids})
                AND id NOT IN (SELECT statement_id FROM bank_entries);
             DELETE FROM settlement_batches WHERE file_id IN ({ids});
             DELETE FROM order_items WHERE snapshot_id IN
                (SELECT id FROM order_snapshots WHERE file_id IN ({ids}));
             DELETE FROM order_snapshots WHERE file_id IN ({ids});"
        ))?;
        // Orders that lost snapshots: the best remaining one becomes current (as an import
        // would choose it), or the order goes when none remains.
        for order in orders {
            let best: Option<i64> = tx
                .query_row(
                    "SELECT id FROM order_snapshots WHERE order_id = ?1
                     ORDER BY state_rank DESC, id DESC LIMIT 1",
                    [order],
                    |r| r.get(0),
                )
                .optional()?;
            match best {
                Some(snapshot) => {
                    tx.execute(
                        "UPDATE shop_orders SET current_snapshot_id = ?1 WHERE id = ?2",
                        params![snapshot, order],
                    )?;
                }
                None => {
                    tx.execute("DELETE FROM manual_links WHERE order_id = ?1", [order])?;
                    report.orders_removed +=
                        tx.execute("DELETE FROM shop_orders WHERE id = ?1", [order])? as u64;
                }
            }
        }
        tx.execute_batch(&format!(
            "DELETE FROM import_problems WHERE file_id IN ({ids});
             DELETE FROM file_blobs WHERE file_id IN ({ids});"
        ))?;
        // The dashboard's rollups and the search index no longer hold the purged cases.
        crate::cases::rebuild_derived(&tx)?;
        for (f, removed, totals) in records {
            let (size, imported_by, rows): (i64, String, [i64; 6]) = tx.query_row(
                "SELECT size, imported_by, rows_total, rows_new, rows_known, rows_conflicting,
                    rows_updated, rows_rejected FROM imported_files WHERE id = ?1",
                [f.file_id],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        [
                            r.get(2)?,
                            r.get(3)?,
                            r.get(4)?,
                            r.get(5)?,
                            r.get(6)?,
                            r.get(7)?,
                        ],
                    ))
                },
            )?;
            let seq = audit::append(
                &tx,
                &NewEvent {
                    at: now,
                    actor: actor.to_string(),
                    action: "purge".into(),
                    subject: format!("file:{}", f.file_id),
                    before: Some(
                        serde_json::json!({
                            "name": f.name,
                            "sha256": f.sha256,
                            "kind": f.kind,
                            "format": f.format,
                            "imported_at": f.imported_at,
                            "rows_total": rows[0],
                        })
                        .to_string(),
                    ),
                    after: Some(
                        serde_json::json!({"tombstone": true, "removed": removed, "totals": totals})
                            .to_string(),
                    ),
                    reason: Some(format!(
                        "past retention: its last period {} ended {}; kept until {} ({} years)",
                        f.last_period, f.ends_on, f.kept_until, plan.retention_years
                    )),
                    note: Some(format!("retention purge --before {before}")),
                },
            )?;
            tx.execute(
                "INSERT INTO purged_files(file_id, sha256, name, size, kind, format, imported_at,
                    imported_by, rows_total, rows_new, rows_known, rows_conflicting, rows_updated,
                    rows_rejected, removed, totals, last_period, kept_until, purged_at, purged_by,
                    audit_seq)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                    ?17, ?18, ?19, ?20, ?21)",
                params![
                    f.file_id,
                    f.sha256,
                    f.name,
                    size,
                    f.kind,
                    f.format,
                    f.imported_at,
                    imported_by,
                    rows[0],
                    rows[1],
                    rows[2],
                    rows[3],
                    rows[4],
                    rows[5],
                    removed.to_string(),
                    totals.to_string(),
                    f.last_period,
                    f.kept_until.to_string(),
                    purged_at,
                    actor,
                    seq
                ],
            )?;
            report.files.push(PurgedFile {
                file_id: f.file_id,
                sha256: f.sha256.clone(),
                name: f.name.clone(),
                kind: f.kind.clone(),
                format: f.format.clone(),
                imported_at: f.imported_at.clone(),
                rows_total: rows[0],
                last_period: f.last_period.clone(),
                kept_until: f.kept_until.to_string(),
                purged_at: purged_at.clone(),
                purged_by: actor.to_string(),
                removed,
                totals,
                audit_seq: seq,
            });
        }
        tx.execute_batch(&format!(
            "DELETE FROM imported_files WHERE id IN ({ids});
             DELETE FROM purge_grants;"
        ))?;
        audit::crash_point("purge");
        tx.commit()?;
        Ok(report)
    }
}
