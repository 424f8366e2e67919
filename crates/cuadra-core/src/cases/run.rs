//! A reconciliation run: load the evidence, the settings and the links people made, run the
//! engine, lay people's decisions on top (`decisions`), shape each case (`shape`), and store the
//! cases that changed (`write`), with a `recon_runs` row and an audit event, in one transaction.
//! A review act recomputes only the cases it touched (`scope`).

use super::batches::batch_cases;
use super::decisions::{last_decisions, manual_links, record_reopenings, Reopening, Vanishing};
use super::incremental::{self, FullBecause, Plan, Upto};
use super::payouts::{payout_cases, rewrite_payout_cases};
use super::scope::{recompute, Batches, Members};
use super::shape::Shaper;
use super::write::{CaseWriter, StoredCases};
use crate::audit::{self, event_time, NewEvent};
use crate::reconcile::{reconcile_map_each, ReconCase};
use crate::store::{StoreError, Workspace};
use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use std::collections::BTreeMap;

/// What a run did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RunSummary {
    pub run_id: i64,
    pub as_of: String,
    pub orders: u64,
    pub lines: u64,
    pub cases: u64,
    /// Cases written because they are new or changed, and cases removed (their order or lines
    /// now sit in another case).
    pub written: u64,
    pub removed: u64,
    /// Resolved cases whose membership changed since, reopened by this run, and resolved cases
    /// that are gone (their order and lines now in other cases; the key no longer exists).
    pub reopened: Vec<String>,
    /// Cases per status.
    pub counts: BTreeMap<String, u64>,
    pub audit_seq: i64,
    /// `full` (every order and line read) or `partial` (only what can have changed since the
    /// last run: see `cases::incremental`).
    pub mode: &'static str,
    /// Why a run read everything.
    pub full_because: Option<FullBecause>,
    /// Orders and lines the engine judged in this run.
    pub judged: u64,
}

impl Workspace {
    /// Reconciles the whole workspace as of `as_of` and stores the result (see the module docs).
    pub fn run_reconciliation(
        &mut self,
        as_of: DateTime<Utc>,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<RunSummary, StoreError> {
        self.run_reconciliation_with(as_of, actor, now, false)
    }

    /// [`Workspace::run_reconciliation`], reading every order and line when `full` (else only
    /// when the last run cannot be built on: see `cases::incremental`). Both give the same cases.
    pub fn run_reconciliation_with(
        &mut self,
        as_of: DateTime<Utc>,
        actor: &str,
        now: DateTime<Utc>,
        full: bool,
    ) -> Result<RunSummary, StoreError> {
        let settings = self.recon_settings()?;
        // Everything is read under the write lock: a review act committed while this run
        // computes would otherwise be overwritten with what the run read before it. (Acts
        // arriving meanwhile wait for the run, up to the busy timeout, then say so.)
        let tx = self
            .conn_mut()
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let as_of_text = as_of.to_rfc3339_opts(SecondsFormat::Secs, true);
        let settings_json = serde_json::json!({
            "zone": settings.zone.name(),
            "tolerance": settings.tolerance.to_string(),
            "validity_hours": settings.validity_hours,
            "validity_hours_by_psp": settings.validity_hours_by_psp,
            "grace_days": settings.grace_days,
            "payout_window_days": settings.payout_window_days,
            "payout_window_days_by_psp": settings.payout_window_days_by_psp,
            "payout_allowance": settings.payout_allowance.to_string(),
        })
        .to_string();
        let upto = Upto::now(&tx)?;
        let plan = if full {
            Plan::Full(FullBecause::Asked)
        } else {
            incremental::plan(&tx, as_of, &settings_json, settings.tolerance_abs(), &upto)?
        };
        // The run's row comes first (its cases refer to it); its counts are filled in below.
        tx.execute(
            "INSERT INTO recon_runs(as_of, ran_at, actor, settings, orders, lines, cases, counts)
             VALUES (?1, ?2, ?3, ?4, 0, 0, 0, '{}')",
            params![as_of_text, event_time(now), actor, settings_json],
        )?;
        let run_id = tx.last_insert_rowid();
        let full_because = match plan {
            Plan::Full(why) => Some(why),
            Plan::Partial(_) => None,
        };
        let ran = match plan {
            Plan::Partial(scope) => {
                upto.record(&tx, run_id, "partial")?;
                partial(&tx, &settings, as_of, run_id, *scope, now)?
            }
            Plan::Full(_) => {
                upto.record(&tx, run_id, "full")?;
                whole(&tx, &settings, as_of, run_id, now)?
            }
        };
        let Ran {
            orders,
            lines,
            cases,
            written,
            removed,
            reopened: reopened_keys,
            counts,
            judged,
        } = ran;
        tx.execute(
            "UPDATE recon_runs SET orders = ?1, lines = ?2, cases = ?3, counts = ?4 WHERE id = ?5",
            params![
                orders as i64,
                lines as i64,
                cases as i64,
                serde_json::to_string(&counts).unwrap_or_default(),
                run_id
            ],
        )?;
        let mode = if full_because.is_some() {
            "full"
        } else {
            "partial"
        };
        let audit_seq = audit::append(
            &tx,
            &NewEvent {
                at: now,
                actor: actor.to_string(),
                action: "reconcile".into(),
                subject: format!("run:{run_id}"),
                before: None,
                after: Some(
                    serde_json::json!({
                        "as_of": as_of_text,
                        "orders": orders,
                        "lines": lines,
                        "cases": cases,
                        "written": written,
                        "removed": removed,
                        "reopened": reopened_keys.len(),
                        "counts": counts,
                        "settings": serde_json::from_str::<serde_json::Value>(&settings_json).unwrap_or_default(),
                        "mode": mode,
                        "full_because": full_because.map(FullBecause::as_str),
                        "judged": judged,
                    })
                    .to_string(),
                ),
                reason: None,
                note: None,
            },
        )?;
        tx.execute(
            "UPDATE recon_runs SET audit_seq = ?1 WHERE id = ?2",
            params![audit_seq, run_id],
        )?;
        audit::crash_point("reconcile");
        tx.commit()?;
        Ok(RunSummary {
            run_id,
            as_of: as_of_text,
            orders: orders as u64,
            lines: lines as u64,
            cases,
            written,
            removed,
            reopened: reopened_keys,
            counts,
            audit_seq,
            mode,
            full_because,
            judged,
        })
    }

    /// Rebuilds, in one transaction, what is kept beside the cases (the dashboard's rollups and
    /// the case search index) from the stored cases. Every write keeps them already; this is for
    /// maintenance and for measuring what a full build costs.
    pub fn rebuild_case_views(&mut self) -> Result<(), StoreError> {
        let tx = self
            .conn_mut()
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        super::derived::rebuild(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// The latest run's id and as-of, if the workspace was ever reconciled.
    /// The as-of of the last run, when there was one: a rerun after an import or a setting
    /// change keeps it instead of moving it to now.
    pub fn last_as_of(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        Ok(self.last_run()?.and_then(|(_, a)| {
            DateTime::parse_from_rfc3339(&a)
                .ok()
                .map(|t| t.with_timezone(&Utc))
        }))
    }

    /// The as-of a person means by a day ("as of 2026-05-31"): its last second in the
    /// workspace zone.
    pub fn as_of_day(&self, day: chrono::NaiveDate) -> Result<DateTime<Utc>, StoreError> {
        Ok(crate::time::end_of_day(day, self.zone()?))
    }

    pub fn last_run(&self) -> Result<Option<(i64, String)>, StoreError> {
        Ok(self
            .conn()
            .query_row(
                "SELECT id, as_of FROM recon_runs ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }
}

/// What a run did, before it is recorded.
struct Ran {
    orders: usize,
    lines: usize,
    cases: u64,
    written: u64,
    removed: u64,
    reopened: Vec<String>,
    counts: BTreeMap<String, u64>,
    judged: u64,
}

/// A run that reads every order and line (and builds the key index again).
fn whole(
    tx: &rusqlite::Transaction<'_>,
    settings: &crate::reconcile::ReconSettings,
    as_of: DateTime<Utc>,
    run_id: i64,
    now: DateTime<Utc>,
) -> Result<Ran, StoreError> {
    let inputs = super::load::recon_inputs_all(tx)?;
    let (orders, lines) = (inputs.orders.len(), inputs.lines.len());
    let (manual, linked_by) = manual_links(tx)?;
    let decisions = last_decisions(tx)?;
    // Each case is shaped into its row as the engine hands it over, on the cores that build
    // the cases; there too a row stored as it is is recognized and dropped. The writer
    // takes the others in order and keeps them only until written: the cases are never all
    // held at once.
    let shaper = Shaper::new(settings.zone, &inputs, &decisions, &linked_by, &manual, now);
    let vanishing = Vanishing::new(tx, &decisions, None)?;
    let stored = StoredCases::all(tx)?;
    let mut writer = CaseWriter::new(tx, run_id, &stored);
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    let mut cases = 0u64;
    let mut reopened = Vec::new();
    let mut count = |status: &str| {
        cases += 1;
        match counts.get_mut(status) {
            Some(n) => *n += 1,
            None => {
                counts.insert(status.to_string(), 1);
            }
        }
    };
    let shape = |c: ReconCase| {
        let (p, contradicted) = shaper.shape(&c);
        vanishing.see(&p);
        (
            c.status,
            stored.judge(p),
            contradicted.map(|why| Reopening::contradicted(&c, &why)),
        )
    };
    reconcile_map_each(
        &inputs,
        settings,
        as_of,
        &manual,
        shape,
        |(status, judged, reopening)| {
            count(status.as_str());
            reopened.extend(reopening);
            writer.take(judged)
        },
    )?;
    let (batches, batches_reopened) = batch_cases(tx, settings.zone, &decisions, now, None)?;
    for p in batches {
        count(&p.row.status);
        vanishing.see(&p);
        writer.push(p)?;
    }
    reopened.extend(batches_reopened);
    let (payouts, payouts_reopened) = payout_cases(tx, settings, as_of, &decisions, now)?;
    for p in payouts {
        count(&p.row.status);
        vanishing.see(&p);
        writer.push(p)?;
    }
    reopened.extend(payouts_reopened);
    // The keys of every row read, for the partial runs after this one.
    incremental::index_keys(tx, &inputs, true)?;
    drop(inputs);
    // Resolved cases whose order and lines now sit in other cases: their key is gone, and
    // so is the resolution; that is recorded, never silent.
    let mut reopenings = reopened;
    reopenings.extend(vanishing.finish());
    let (written, removed) = writer.finish()?;
    let reopened = record_reopenings(tx, &reopenings, now)?;
    Ok(Ran {
        orders,
        lines,
        cases,
        written,
        removed,
        reopened,
        counts,
        judged: (orders + lines) as u64,
    })
}

/// A run that recomputes only `scope` (see `cases::incremental`).
fn partial(
    tx: &rusqlite::Transaction<'_>,
    settings: &crate::reconcile::ReconSettings,
    as_of: DateTime<Utc>,
    run_id: i64,
    scope: incremental::Scope,
    now: DateTime<Utc>,
) -> Result<Ran, StoreError> {
    incremental::index_keys(tx, &scope.fresh, false)?;
    let stored: i64 = tx.query_row("SELECT COUNT(*) FROM cases", [], |r| r.get(0))?;
    let done = recompute(
        tx,
        settings,
        &Members {
            run_id,
            as_of,
            scope: &[],
            orders: scope.orders,
            lines: scope.lines,
            batches: match scope.batches {
                Some(b) => Batches::Of(b),
                None => Batches::None,
            },
            keep_stored_keys: false,
            rebuild_above: stored as usize / 8,
        },
        now,
    )?;
    // Every payout and PSP credit case again (new statements, batches or the as-of can change
    // any of them): see `cases::payouts`.
    let payouts = rewrite_payout_cases(tx, settings, as_of, run_id, now)?;
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    let mut cases = 0u64;
    {
        let mut stmt = tx.prepare("SELECT status, COUNT(*) FROM cases GROUP BY status")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            let (status, n) = row?;
            cases += n as u64;
            counts.insert(status, n as u64);
        }
    }
    let (orders, lines): (i64, i64) = tx.query_row(
        "SELECT (SELECT COUNT(*) FROM shop_orders),
                (SELECT COUNT(*) FROM settlement_lines) - (SELECT COUNT(*) FROM line_echoes)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(Ran {
        orders: orders as usize,
        lines: lines as usize,
        cases,
        written: done.written + payouts.written,
        removed: done.removed + payouts.removed,
        reopened: done.reopened.into_iter().chain(payouts.reopened).collect(),
        counts,
        judged: (done.orders + done.lines) as u64,
    })
}
