//! A reconciliation run: load the evidence, the settings and the links people made, run the
//! engine, lay people's decisions on top, and store the cases that changed, with a `recon_runs`
//! row and an audit event, in one transaction.
//!
//! Decisions: the latest decision on a case key applies while the case's membership (its order
//! and its lines) is what it was when decided. When new data changes the membership of a case a
//! person had resolved, the case reopens, its explanation says why, and the reopening is recorded
//! as a decision by `cuadra` with an audit event — never a silent change.

use super::load::recon_inputs_for;
use super::write::{CaseWriter, StoredCases};
use super::{CaseRow, CaseState};
use crate::audit::{self, event_time, NewEvent};
use crate::msg;
use crate::reconcile::{
    reconcile_inputs, reconcile_map_each, Inputs, Line, Manual, Order, ReconCase,
};
use crate::store::{StoreError, Workspace};
use crate::time::Moment;
use crate::words::reconcile::*;
use crate::words::{Arg, Join, Msg};
use chrono::{DateTime, Datelike, SecondsFormat, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection, OptionalExtension};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

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
}

/// A case's membership: its order id and sorted line ids (`o12:l3,9`; `o-` without an order).
pub fn membership(order_id: Option<i64>, line_ids: &[i64]) -> String {
    let mut s = match order_id {
        Some(id) => format!("o{id}:l"),
        None => "o-:l".to_string(),
    };
    for (i, id) in line_ids.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&id.to_string());
    }
    s
}

/// The latest decision on a case key.
#[derive(Clone, Debug)]
pub(crate) struct LastDecision {
    pub action: String,
    /// The case's status when the decision was taken.
    pub status_before: String,
    pub state_after: String,
    pub membership: String,
    pub reason: Option<String>,
    pub actor: String,
    pub at: String,
}

pub(crate) fn last_decisions(
    conn: &Connection,
) -> Result<HashMap<String, LastDecision>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT d.case_key, d.action, d.state_after, d.membership, d.reason, d.actor, d.at,
                d.status_before
         FROM case_decisions d
         JOIN (SELECT case_key, MAX(id) AS id FROM case_decisions WHERE action <> 'note'
               GROUP BY case_key) last
           ON last.id = d.id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            LastDecision {
                action: r.get(1)?,
                state_after: r.get(2)?,
                membership: r.get(3)?,
                reason: r.get(4)?,
                actor: r.get(5)?,
                at: r.get(6)?,
                status_before: r.get(7)?,
            },
        ))
    })?;
    Ok(rows.collect::<Result<HashMap<_, _>, _>>()?)
}

/// The links people made or undid, the latest per line, and who made each.
pub(crate) fn manual_links(
    conn: &Connection,
) -> Result<(Manual, HashMap<i64, String>), StoreError> {
    let mut stmt = conn.prepare(
        "SELECT m.line_id, m.order_id, m.kind, d.actor
         FROM manual_links m
         JOIN (SELECT line_id, MAX(id) AS id FROM manual_links GROUP BY line_id) last
           ON last.id = m.id
         JOIN case_decisions d ON d.id = m.decision_id",
    )?;
    let mut manual = Manual::default();
    let mut by = HashMap::new();
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    for row in rows {
        let (line, order, kind, actor) = row?;
        if kind == "link" {
            manual.link.insert(line, order);
        } else {
            manual.hold.insert(line);
        }
        by.insert(line, actor);
    }
    Ok((manual, by))
}

/// A time as every case shows it: RFC 3339 with the zone's offset, or a date alone.
pub(super) fn show_moment(m: &Moment, zone: Tz) -> String {
    match m {
        Moment::Instant(t) => t
            .with_timezone(&zone)
            .to_rfc3339_opts(SecondsFormat::AutoSi, false),
        Moment::Date(d) => d.to_string(),
    }
}

fn shown(m: &Option<Moment>, zone: Tz) -> Option<String> {
    m.as_ref().map(|m| show_moment(m, zone))
}

fn amount(d: &Option<Decimal>) -> Option<String> {
    d.map(|v| v.normalize().to_string())
}

/// The main amount in units of 1/10000, for sorting and range filters (never for money).
fn sort_amount(c: &ReconCase) -> Option<i64> {
    let main = c.order_total.or(c.paid_amount).or(c.net_settled)?;
    main.checked_mul(Decimal::from(10_000))?.trunc().to_i64()
}

/// The case's date as UTC text and its `YYYY-MM` period (workspace zone): the settlement date
/// (a line's own, else its batch's transfer date), else the paid time, else the order's
/// creation, else `line_date` (the approval, else creation, of the case's first line that has
/// one). A case with none of these has no period.
fn event_and_period(
    c: &ReconCase,
    line_date: Option<Moment>,
    zone: Tz,
) -> (Option<String>, Option<String>) {
    let Some(m) = c
        .settled_at
        .or(c.paid_at)
        .or(c.order_created_at)
        .or(line_date)
    else {
        return (None, None);
    };
    let utc = m.to_utc(zone);
    let local = utc.with_timezone(&zone);
    let period = match m {
        Moment::Date(d) => format!("{:04}-{:02}", d.year(), d.month()),
        Moment::Instant(_) => format!("{:04}-{:02}", local.year(), local.month()),
    };
    (
        Some(utc.to_rfc3339_opts(SecondsFormat::Secs, true)),
        Some(period),
    )
}

/// A row ready to store, with what the diff needs.
pub(crate) struct Prepared {
    pub(super) row: CaseRow,
    pub(super) line_ids: Vec<i64>,
    pub(super) sort_amount: Option<i64>,
    pub(super) event_utc: Option<String>,
    /// What the row says, hashed (stored as 32 hex digits): equal means unchanged.
    pub(super) fingerprint: u128,
}

fn fingerprint(row: &CaseRow, line_ids: &[i64]) -> u128 {
    let mut h = Sha256::new();
    let mut put = |v: Option<&str>| {
        match v {
            Some(t) => {
                h.update([1u8]);
                h.update((t.len() as u64).to_be_bytes());
                h.update(t.as_bytes());
            }
            None => h.update([0u8]),
        };
    };
    let opt = |v: &Option<String>| v.clone();
    for v in [
        Some(row.case_key.clone()),
        Some(row.status.clone()),
        Some(row.engine_status.clone()),
        Some(row.rule.clone()),
        Some(row.state.clone()),
        row.order_id.map(|i| i.to_string()),
        opt(&row.order_ref),
        opt(&row.shop_order_id),
        Some(row.settlement_refs.clone()),
        Some(row.matched_keys.clone()),
        opt(&row.order_total),
        opt(&row.paid_amount),
        opt(&row.difference),
        opt(&row.currency),
        opt(&row.fee_total),
        opt(&row.tax_total),
        opt(&row.net_settled),
        opt(&row.settlement_currency),
        opt(&row.psp),
        opt(&row.payment_method),
        opt(&row.order_created_at),
        opt(&row.paid_at),
        opt(&row.voucher_expires_at),
        opt(&row.settled_at),
        opt(&row.shop_status),
        opt(&row.customer),
        Some(row.decided_by.clone()),
        Some(row.explanation.to_json()),
        opt(&row.period),
        Some(membership(row.order_id, line_ids)),
    ] {
        put(v.as_deref());
    }
    let digest = h.finalize();
    let mut first = [0u8; 16];
    first.copy_from_slice(&digest[..16]);
    u128::from_be_bytes(first)
}

/// Engine output + order/line facts + decisions -> a row to store.
pub(crate) struct Shaper<'a> {
    zone: Tz,
    inputs: &'a Inputs,
    /// Store id -> index, sorted by id: orders, then lines.
    orders: Vec<(i64, u32)>,
    lines: Vec<(i64, u32)>,
    decisions: &'a HashMap<String, LastDecision>,
    linked_by: &'a HashMap<i64, String>,
    manual: &'a Manual,
    /// The time recorded for this run or act (a reopening's date in explanations).
    now: String,
}

/// The day of a decision's time, shown in an explanation: `2026-11-25`.
fn day(at: &str) -> String {
    at.get(..10).unwrap_or(at).to_string()
}

/// "Resolved (reason) by ana on 2026-11-25." before the engine's sentence.
fn resolved_by(reason: Option<&str>, actor: &str, at: &str, then: Msg) -> Msg {
    match reason {
        None => msg!(RESOLVED_BY_NO_REASON, actor, day(at), Arg::sentence(then)),
        Some(r) => msg!(
            RESOLVED_BY,
            recorded_reason(r),
            actor,
            day(at),
            Arg::sentence(then)
        ),
    }
}

impl<'a> Shaper<'a> {
    fn new(
        zone: Tz,
        inputs: &'a Inputs,
        decisions: &'a HashMap<String, LastDecision>,
        linked_by: &'a HashMap<i64, String>,
        manual: &'a Manual,
        now: DateTime<Utc>,
    ) -> Shaper<'a> {
        let index = |ids: &mut dyn Iterator<Item = i64>| -> Vec<(i64, u32)> {
            let mut v: Vec<(i64, u32)> = ids.enumerate().map(|(i, id)| (id, i as u32)).collect();
            if !v.is_sorted() {
                v.sort_unstable();
            }
            v
        };
        Shaper {
            zone,
            inputs,
            orders: index(&mut inputs.orders.iter().map(|o| o.id)),
            lines: index(&mut inputs.lines.iter().map(|l| l.id)),
            decisions,
            linked_by,
            manual,
            now: event_time(now),
        }
    }

    fn order(&self, id: i64) -> Option<&'a Order> {
        let at = self.orders.binary_search_by_key(&id, |p| p.0).ok()?;
        self.inputs.orders.get(self.orders[at].1 as usize)
    }

    fn line(&self, id: i64) -> Option<&'a Line> {
        let at = self.lines.binary_search_by_key(&id, |p| p.0).ok()?;
        self.inputs.lines.get(self.lines[at].1 as usize)
    }

    /// The row, and why a resolved decision no longer holds (new data changed the case's order
    /// or lines, or Cuadra now judges it differently), if it does not.
    pub(crate) fn shape(&self, c: &ReconCase) -> (Prepared, Option<Msg>) {
        let inp = self.inputs;
        let order = c.order_id.and_then(|id| self.order(id));
        let lines: Vec<&Line> = c.line_ids.iter().filter_map(|&id| self.line(id)).collect();
        let refs: Vec<&str> = lines
            .iter()
            .filter_map(|l| inp.s(l.psp_txn_id).or(inp.s(l.merchant_ref)))
            .collect();
        let customer = order
            .and_then(|o| inp.s(o.customer))
            .or_else(|| lines.iter().find_map(|l| inp.s(l.payer_email)))
            .map(str::to_string);
        let members = membership(c.order_id, &c.line_ids);

        let mut rule = c.rule.to_string();
        let mut decided_by = "cuadra".to_string();
        let mut explanation = c.explanation.clone();
        // Links made by hand.
        let hand_linked = c
            .line_ids
            .iter()
            .find(|id| c.order_id.is_some() && self.manual.link.get(id) == c.order_id.as_ref());
        let hand_held = c.line_ids.iter().find(|id| self.manual.hold.contains(id));
        if let Some(line) = hand_linked {
            rule = "manual_match".into();
            decided_by = self.linked_by.get(line).cloned().unwrap_or_default();
            explanation = msg!(MATCHED_BY_HAND, &decided_by, Arg::sentence(explanation));
        } else if let Some(line) = hand_held {
            rule = "manual_unmatch".into();
            decided_by = self.linked_by.get(line).cloned().unwrap_or_default();
            explanation = msg!(UNMATCHED_BY_HAND, &decided_by, Arg::sentence(explanation));
        }

        let mut state = CaseState::Open;
        let mut contradicted = None;
        if let Some(d) = self.decisions.get(&c.key) {
            let resolved = d.state_after == CaseState::Resolved.as_str();
            let same_case = d.membership == members;
            // A resolution holds while the case keeps its order, its lines and its judgement.
            let undone = match (resolved, same_case) {
                (false, _) => None,
                (true, false) => Some(msg!(REOPEN_WHY)),
                (true, true) if !same_judgement(&d.status_before, c.status.as_str()) => {
                    Some(msg!(REOPEN_JUDGED_AGAIN))
                }
                (true, true) => None,
            };
            if let Some(why) = undone {
                // Worded as the reopening decision recorded now will read on every later run.
                explanation = msg!(
                    REOPENED_BY_BECAUSE,
                    "cuadra",
                    day(&self.now),
                    why.clone(),
                    Arg::sentence(explanation)
                );
                contradicted = Some(why);
            } else if resolved {
                state = CaseState::Resolved;
                decided_by = d.actor.clone();
                explanation = resolved_by(d.reason.as_deref(), &d.actor, &d.at, explanation);
            } else if same_case && (d.action == "auto_reopen" || d.action == "reopen") {
                explanation = match d.reason.as_deref() {
                    Some(r) => msg!(
                        REOPENED_BY_BECAUSE,
                        &d.actor,
                        day(&d.at),
                        Arg::from(recorded_reason(r)),
                        Arg::sentence(explanation)
                    ),
                    None => msg!(
                        REOPENED_BY,
                        &d.actor,
                        day(&d.at),
                        Arg::sentence(explanation)
                    ),
                };
            }
        }

        let line_date = c
            .line_ids
            .iter()
            .filter_map(|id| self.line(*id))
            .find_map(|l| l.approved_at.or(l.created_at));
        let (event_utc, period) = event_and_period(c, line_date, self.zone);
        let row = CaseRow {
            case_key: c.key.clone(),
            status: c.status.as_str().to_string(),
            engine_status: c.status.as_str().to_string(),
            rule,
            state: state.as_str().to_string(),
            order_id: c.order_id,
            order_ref: order.and_then(|o| inp.s(o.order_name)).map(str::to_string),
            shop_order_id: order
                .and_then(|o| inp.s(o.shop_order_id))
                .map(str::to_string),
            settlement_refs: refs.join("|"),
            matched_keys: c.matched_keys.join("|"),
            order_total: amount(&c.order_total),
            paid_amount: amount(&c.paid_amount),
            difference: amount(&c.difference),
            currency: c.currency.clone(),
            fee_total: amount(&c.fee_total),
            tax_total: amount(&c.tax_total),
            net_settled: amount(&c.net_settled),
            settlement_currency: c.settlement_currency.clone(),
            psp: c.psp.clone(),
            payment_method: c.payment_method.clone(),
            order_created_at: shown(&c.order_created_at, self.zone),
            paid_at: shown(&c.paid_at, self.zone),
            voucher_expires_at: shown(&c.voucher_expires_at, self.zone),
            settled_at: shown(&c.settled_at, self.zone),
            shop_status: c.shop_status.map(|s| s.as_str().to_string()),
            customer,
            decided_by,
            explanation,
            period,
            locked: false,
            review: Default::default(),
            // Read from the decisions where the case is read (`CASE_COLUMNS`).
            reason: None,
            note: None,
        }
        .with_review();
        let fingerprint = fingerprint(&row, &c.line_ids);
        (
            Prepared {
                sort_amount: sort_amount(c),
                event_utc,
                line_ids: c.line_ids.clone(),
                fingerprint,
                row,
            },
            contradicted,
        )
    }
}

impl Workspace {
    /// Reconciles the whole workspace as of `as_of` and stores the result (see the module docs).
    pub fn run_reconciliation(
        &mut self,
        as_of: DateTime<Utc>,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<RunSummary, StoreError> {
        let settings = self.recon_settings()?;
        // Everything is read under the write lock: a review act committed while this run
        // computes would otherwise be overwritten with what the run read before it. (Acts
        // arriving meanwhile wait for the run, up to the busy timeout, then say so.)
        let tx = self
            .conn_mut()
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let inputs = super::load::recon_inputs_all(&tx)?;
        let (orders, lines) = (inputs.orders.len(), inputs.lines.len());
        let (manual, linked_by) = manual_links(&tx)?;
        let decisions = last_decisions(&tx)?;
        let as_of_text = as_of.to_rfc3339_opts(SecondsFormat::Secs, true);
        let settings_json = serde_json::json!({
            "zone": settings.zone.name(),
            "tolerance": settings.tolerance.to_string(),
            "validity_hours": settings.validity_hours,
            "validity_hours_by_psp": settings.validity_hours_by_psp,
            "grace_days": settings.grace_days,
        })
        .to_string();
        // The run's row comes first (its cases refer to it); its counts are filled in below.
        tx.execute(
            "INSERT INTO recon_runs(as_of, ran_at, actor, settings, orders, lines, cases, counts)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, '{}')",
            params![
                as_of_text,
                event_time(now),
                actor,
                settings_json,
                orders as i64,
                lines as i64
            ],
        )?;
        let run_id = tx.last_insert_rowid();

        // Each case is shaped into its row as the engine hands it over, on the cores that build
        // the cases; there too a row stored as it is is recognized and dropped. The writer
        // takes the others in order and keeps them only until written: the cases are never all
        // held at once.
        let shaper = Shaper::new(settings.zone, &inputs, &decisions, &linked_by, &manual, now);
        let vanishing = Vanishing::new(&tx, &decisions, None)?;
        let stored = StoredCases::all(&tx)?;
        let mut writer = CaseWriter::new(&tx, run_id, &stored);
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
            &settings,
            as_of,
            &manual,
            shape,
            |(status, judged, reopening)| {
                count(status.as_str());
                reopened.extend(reopening);
                writer.take(judged)
            },
        )?;
        let (batches, batches_reopened) = batch_cases(&tx, settings.zone, &decisions, now)?;
        for p in batches {
            count(&p.row.status);
            vanishing.see(&p);
            writer.push(p)?;
        }
        reopened.extend(batches_reopened);
        drop(inputs);
        // Resolved cases whose order and lines now sit in other cases: their key is gone, and
        // so is the resolution; that is recorded, never silent.
        let mut reopenings = reopened;
        reopenings.extend(vanishing.finish());
        let (written, removed) = writer.finish()?;
        tx.execute(
            "UPDATE recon_runs SET cases = ?1, counts = ?2 WHERE id = ?3",
            params![
                cases as i64,
                serde_json::to_string(&counts).unwrap_or_default(),
                run_id
            ],
        )?;

        // Reopenings are decisions too, each with its own event.
        let reopened_keys = record_reopenings(&tx, &reopenings, now)?;

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

/// Recomputes, inside `tx`, only the cases a review act touched: the stored cases `scope`
/// (their orders and lines) plus `extra_orders`/`extra_lines`, judged at the last run's as-of
/// with the links and decisions now recorded. A full run later gives the same cases for them.
pub(crate) fn recompute_scope(
    tx: &rusqlite::Transaction<'_>,
    settings: &crate::reconcile::ReconSettings,
    scope: &[String],
    extra_orders: &[i64],
    extra_lines: &[i64],
    now: DateTime<Utc>,
) -> Result<Vec<String>, StoreError> {
    let (run_id, as_of): (i64, String) = tx
        .query_row(
            "SELECT id, as_of FROM recon_runs ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| StoreError::BadQuery(msg!(crate::words::review::NOT_RECONCILED)))?;
    let as_of = DateTime::parse_from_rfc3339(&as_of)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| StoreError::BadQuery(msg!(super::words::BAD_AS_OF, &as_of)))?;
    let mut order_ids: Vec<i64> = extra_orders.to_vec();
    let mut line_ids: Vec<i64> = extra_lines.to_vec();
    {
        let mut case = tx.prepare_cached("SELECT id, order_id FROM cases WHERE case_key = ?1")?;
        let mut lines = tx.prepare_cached("SELECT line_id FROM case_lines WHERE case_id = ?1")?;
        for key in scope {
            let Some((id, order)): Option<(i64, Option<i64>)> = case
                .query_row([key], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?
            else {
                continue;
            };
            order_ids.extend(order);
            for l in lines.query_map([id], |r| r.get::<_, i64>(0))? {
                line_ids.push(l?);
            }
        }
    }
    order_ids.sort_unstable();
    order_ids.dedup();
    line_ids.sort_unstable();
    line_ids.dedup();
    // Lines now linked by hand to one of these orders join them.
    let (manual, linked_by) = manual_links(tx)?;
    for (line, order) in &manual.link {
        if order_ids.binary_search(order).is_ok() && line_ids.binary_search(line).is_err() {
            line_ids.push(*line);
        }
    }
    line_ids.sort_unstable();
    let inputs = recon_inputs_for(tx, &order_ids, &line_ids)?;
    let decisions = last_decisions(tx)?;
    let mut cases = reconcile_inputs(&inputs, settings, as_of, &manual);
    // The engine suffixes the keys of two orders that share a platform and name (two stores)
    // only when it sees both; a partial recompute may see one: keep the key the case has.
    {
        let mut stored = tx.prepare_cached("SELECT case_key FROM cases WHERE order_id = ?1")?;
        for c in &mut cases {
            let Some(order) = c.order_id else { continue };
            let Some(key) = stored
                .query_row([order], |r| r.get::<_, String>(0))
                .optional()?
            else {
                continue;
            };
            if key != c.key && key.starts_with(&format!("{}:", c.key)) {
                c.key = key;
            }
        }
    }
    let shaper = Shaper::new(settings.zone, &inputs, &decisions, &linked_by, &manual, now);
    let mut prepared = Vec::with_capacity(cases.len());
    let mut reopenings = Vec::new();
    for c in &cases {
        let (p, contradicted) = shaper.shape(c);
        if let Some(why) = contradicted {
            reopenings.push(Reopening::contradicted(c, &why));
        }
        prepared.push(p);
    }
    if scope.iter().any(|k| k.starts_with("batch:")) {
        let (batches, batches_reopened) = batch_cases(tx, settings.zone, &decisions, now)?;
        prepared.extend(
            batches
                .into_iter()
                .filter(|p| scope.contains(&p.row.case_key)),
        );
        reopenings.extend(
            batches_reopened
                .into_iter()
                .filter(|r| scope.contains(&r.key)),
        );
    }
    // Cases that held any of these lines or orders are replaced too.
    let mut replaced: Vec<String> = scope.to_vec();
    {
        let mut by_line = tx.prepare_cached(
            "SELECT c.case_key FROM case_lines l JOIN cases c ON c.id = l.case_id WHERE l.line_id = ?1",
        )?;
        for l in &line_ids {
            if let Some(k) = by_line
                .query_row([l], |r| r.get::<_, String>(0))
                .optional()?
            {
                replaced.push(k);
            }
        }
        let mut by_order = tx.prepare_cached("SELECT case_key FROM cases WHERE order_id = ?1")?;
        for o in &order_ids {
            if let Some(k) = by_order
                .query_row([o], |r| r.get::<_, String>(0))
                .optional()?
            {
                replaced.push(k);
            }
        }
    }
    replaced.sort();
    replaced.dedup();
    // A resolved case this act changed (or made disappear) reopens here, recorded like any
    // reopening.
    let vanishing = Vanishing::new(tx, &decisions, Some(&replaced))?;
    for p in &prepared {
        vanishing.see(p);
    }
    reopenings.extend(vanishing.finish());
    record_reopenings(tx, &reopenings, now)?;
    let keys: Vec<String> = prepared.iter().map(|p| p.row.case_key.clone()).collect();
    let stored = StoredCases::only(tx, &mut replaced.iter().chain(&keys).map(String::as_str))?;
    let mut writer = CaseWriter::new(tx, run_id, &stored);
    for p in prepared {
        writer.push(p)?;
    }
    writer.finish()?;
    Ok(keys)
}

/// One case per settlement batch whose lines do not add up to the file's own summary (every
/// figure it states: item count, gross, fees, net; see `BatchTotal::check`). Within rounding,
/// the net difference is booked as a `settlement_charge` (`batch_rounding`), so lines +
/// booked difference = the file's total; beyond it (lines missing, cut or forged) the batch is
/// a `batch_mismatch` (`batch_total_differs`) for a person to chase, never booked away. A
/// resolution of either holds while the case is judged the same; otherwise it reopens.
fn batch_cases(
    conn: &Connection,
    zone: Tz,
    decisions: &HashMap<String, LastDecision>,
    now: DateTime<Utc>,
) -> Result<(Vec<Prepared>, Vec<Reopening>), StoreError> {
    let mut out = Vec::new();
    let mut reopenings = Vec::new();
    for b in super::batches::batch_totals(conn)? {
        let Some(check) = b.check() else {
            continue;
        };
        if check.off.is_empty() && !check.is_rounding() {
            continue;
        }
        let key = b.case_key();
        let cur = b.currency.clone().unwrap_or_default();
        let c = Some(cur.as_str());
        let batch = b
            .batch_ref
            .as_deref()
            .map_or_else(|| msg!(BATCH_OF_FILE, b.file_id), |r| msg!(BATCH_NAMED, r));
        let (status, rule, mut explanation) = if check.off.is_empty() {
            (
                "settlement_charge",
                "batch_rounding",
                msg!(
                    BATCH_ROUNDING,
                    batch,
                    b.file.as_str(),
                    Arg::money(check.net_total, c),
                    b.lines,
                    Arg::money(b.lines_net, c),
                    Arg::money(check.net_diff, c)
                ),
            )
        } else {
            let parts: Vec<Arg> = check
                .off
                .iter()
                .map(|o| match o {
                    super::batches::Off::Items { stated, lines } => {
                        msg!(BATCH_OFF_ITEMS, *stated, *lines).into()
                    }
                    super::batches::Off::Relisted(ids) => msg!(
                        BATCH_OFF_RELISTED,
                        ids.len(),
                        Arg::list(ids.iter().map(Arg::from).collect(), Join::Comma)
                    )
                    .into(),
                    super::batches::Off::Amount {
                        what,
                        stated,
                        lines,
                    } => msg!(
                        BATCH_OFF_AMOUNT,
                        msg!(match *what {
                            "gross" => BATCH_GROSS,
                            "fee" => BATCH_FEES,
                            _ => BATCH_NET,
                        }),
                        Arg::money(*stated, c),
                        Arg::money(*lines, c),
                        Arg::money(*stated - *lines, c)
                    )
                    .into(),
                })
                .collect();
            (
                "batch_mismatch",
                "batch_total_differs",
                msg!(
                    BATCH_DIFFERS,
                    batch,
                    b.file.as_str(),
                    Arg::list(parts, Join::Semi)
                ),
            )
        };
        let settled = b.transfer_date.clone();
        let period = settled
            .as_deref()
            .and_then(|d| d.get(..7))
            .map(str::to_string);
        let event_utc = settled.as_deref().and_then(|d| {
            chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .ok()
                .map(|d| {
                    Moment::Date(d)
                        .to_utc(zone)
                        .to_rfc3339_opts(SecondsFormat::Secs, true)
                })
        });
        let mut state = CaseState::Open;
        let mut decided_by = "cuadra".to_string();
        if let Some(d) = decisions.get(&key).filter(|d| d.state_after == "resolved") {
            if same_judgement(&d.status_before, status) {
                state = CaseState::Resolved;
                decided_by = d.actor.clone();
                explanation = resolved_by(d.reason.as_deref(), &d.actor, &d.at, explanation);
            } else {
                let why = msg!(REOPEN_JUDGED_AGAIN);
                explanation = msg!(
                    REOPENED_BY_BECAUSE,
                    "cuadra",
                    day(&event_time(now)),
                    why.clone(),
                    Arg::sentence(explanation)
                );
                reopenings.push(Reopening {
                    key: key.clone(),
                    status: status.to_string(),
                    membership: membership(None, &[]),
                    reason: why.to_json(),
                });
            }
        }
        let diff = check.net_diff;
        let row = CaseRow {
            case_key: key,
            status: status.into(),
            engine_status: status.into(),
            rule: rule.into(),
            state: state.as_str().into(),
            settlement_refs: b
                .batch_ref
                .clone()
                .unwrap_or_else(|| format!("file:{}", b.file_id)),
            net_settled: Some(diff.normalize().to_string()),
            settlement_currency: b.currency.clone(),
            psp: Some(b.psp.clone()),
            settled_at: settled,
            decided_by,
            explanation,
            period,
            ..CaseRow::default()
        }
        .with_review();
        let fingerprint = fingerprint(&row, &[]);
        out.push(Prepared {
            sort_amount: diff
                .checked_mul(Decimal::from(10_000))
                .and_then(|d| d.trunc().to_i64()),
            event_utc,
            line_ids: Vec::new(),
            fingerprint,
            row,
        });
    }
    Ok((out, reopenings))
}

/// A resolution that new data undid: the case reopened (same key, new membership) or is gone
/// (its order and lines now in other cases).
pub(crate) struct Reopening {
    key: String,
    /// The case's status now, or when it was last stored if it is gone.
    status: String,
    /// Its membership now; `gone` when the key no longer exists.
    membership: String,
    reason: String,
}

impl Reopening {
    /// A resolved case that no longer holds (`why`): its key, status and membership now.
    fn contradicted(c: &ReconCase, why: &Msg) -> Reopening {
        Reopening {
            key: c.key.clone(),
            status: c.status.as_str().to_string(),
            membership: membership(c.order_id, &c.line_ids),
            reason: why.to_json(),
        }
    }
}

/// Whether a case resolved while it was `before` is still judged the same now that it is `now`:
/// the same status, or a status the passing of time alone leads to (a voucher that expired, a
/// settlement grace that ran out). Anything else means the facts or the rules changed, and the
/// resolution reopens instead of silently covering another judgement.
fn same_judgement(before: &str, now: &str) -> bool {
    const BY_TIME: [[&str; 2]; 2] = [
        ["awaiting_payment", "expired_unpaid"],
        ["awaiting_settlement", "missing_settlement"],
    ];
    before == now
        || BY_TIME
            .iter()
            .any(|pair| pair.contains(&before) && pair.contains(&now))
}

/// What a gone case's order and lines became, as the recorded reason (a message's JSON).
fn gone_why(key: &str, now_in: &[String]) -> String {
    let why = if key.starts_with("batch:") {
        // A batch's rounding case goes when its lines add up to the total the file states.
        msg!(GONE_BATCH_ADDS_UP)
    } else {
        match now_in {
            [] => msg!(GONE_NOWHERE),
            [one] => msg!(GONE_TO_CASE, one),
            many => msg!(
                GONE_TO_CASES,
                Arg::list(many.iter().map(Arg::from).collect(), Join::Comma)
            ),
        }
    };
    why.to_json()
}

/// Stored cases resolved by a person whose key a run may no longer produce, and where their
/// order and lines went; a partial recompute looks only at the stored cases it recomputed
/// (`among`). Built before the run writes (it reads the statuses stored), then shown every case
/// of the run.
struct Vanishing {
    resolved: HashMap<String, Resolved>,
    /// Their orders and lines -> the key of the case of this run that holds them (each is in
    /// one case, so each slot is written once).
    by_order: HashMap<i64, Mutex<String>>,
    by_line: HashMap<i64, Mutex<String>>,
}

/// A stored case a person resolved.
struct Resolved {
    status: String,
    /// Its order and lines when decided.
    order: Option<i64>,
    lines: Vec<i64>,
    /// This run produced a case with its key.
    live: AtomicBool,
}

impl Vanishing {
    fn new(
        tx: &rusqlite::Transaction<'_>,
        decisions: &HashMap<String, LastDecision>,
        among: Option<&[String]>,
    ) -> Result<Vanishing, StoreError> {
        let mut v = Vanishing {
            resolved: HashMap::new(),
            by_order: HashMap::new(),
            by_line: HashMap::new(),
        };
        let mut stmt = tx.prepare_cached("SELECT status FROM cases WHERE case_key = ?1")?;
        for (key, d) in decisions {
            if d.state_after != CaseState::Resolved.as_str()
                || among.is_some_and(|a| !a.contains(key))
            {
                continue;
            }
            let Some(status) = stmt
                .query_row([key], |r| r.get::<_, String>(0))
                .optional()?
            else {
                continue;
            };
            let (o, l) = d.membership.split_once(":l").unwrap_or((&d.membership, ""));
            let order: Option<i64> = o.strip_prefix('o').and_then(|v| v.parse().ok());
            let lines: Vec<i64> = l.split(',').filter_map(|v| v.parse().ok()).collect();
            if let Some(o) = order {
                v.by_order.insert(o, Mutex::default());
            }
            for l in &lines {
                v.by_line.insert(*l, Mutex::default());
            }
            v.resolved.insert(
                key.clone(),
                Resolved {
                    status,
                    order,
                    lines,
                    live: AtomicBool::new(false),
                },
            );
        }
        Ok(v)
    }

    /// One case of the run (from any thread).
    fn see(&self, p: &Prepared) {
        if self.resolved.is_empty() {
            return;
        }
        if let Some(r) = self.resolved.get(&p.row.case_key) {
            r.live.store(true, Ordering::Relaxed);
        }
        let hold = |slot: &Mutex<String>| {
            let mut key = slot
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            key.clone_from(&p.row.case_key);
        };
        if let Some(slot) = p.row.order_id.and_then(|o| self.by_order.get(&o)) {
            hold(slot);
        }
        for l in &p.line_ids {
            if let Some(slot) = self.by_line.get(l) {
                hold(slot);
            }
        }
    }

    /// The resolutions whose case is gone, with where its order and lines went.
    fn finish(self) -> Vec<Reopening> {
        let held = |slot: &Mutex<String>| -> String {
            slot.lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .clone()
        };
        let mut gone: Vec<Reopening> = self
            .resolved
            .into_iter()
            .filter(|(_, r)| !r.live.load(Ordering::Relaxed))
            .map(|(key, r)| {
                let mut now_in: Vec<String> = r
                    .order
                    .and_then(|o| self.by_order.get(&o))
                    .map(held)
                    .into_iter()
                    .chain(r.lines.iter().filter_map(|l| self.by_line.get(l).map(held)))
                    .filter(|k| !k.is_empty())
                    .collect();
                now_in.sort();
                now_in.dedup();
                Reopening {
                    reason: gone_why(&key, &now_in),
                    key,
                    status: r.status,
                    membership: "gone".into(),
                }
            })
            .collect();
        gone.sort_by(|a, b| a.key.cmp(&b.key));
        gone
    }
}

/// Records each undone resolution as an `auto_reopen` decision by `cuadra` with its
/// `case_reopened_by_data` event; returns the keys.
fn record_reopenings(
    tx: &rusqlite::Transaction<'_>,
    reopened: &[Reopening],
    now: DateTime<Utc>,
) -> Result<Vec<String>, StoreError> {
    let mut keys = Vec::with_capacity(reopened.len());
    for Reopening {
        key,
        status,
        membership: members,
        reason,
    } in reopened
    {
        let seq = audit::append(
            tx,
            &NewEvent {
                at: now,
                actor: "cuadra".into(),
                action: "case_reopened_by_data".into(),
                subject: format!("case:{key}"),
                before: Some(r#"{"state":"resolved"}"#.into()),
                after: Some(
                    serde_json::json!({"state": "open", "status": status, "membership": members})
                        .to_string(),
                ),
                reason: Some(reason.clone()),
                note: None,
            },
        )?;
        tx.execute(
            "INSERT INTO case_decisions(case_key, action, status_before, state_after, membership,
                reason, note, actor, at, audit_seq)
             VALUES (?1, 'auto_reopen', ?2, 'open', ?3, ?4, NULL, 'cuadra', ?5, ?6)",
            params![key, status, members, reason, event_time(now), seq],
        )?;
        keys.push(key.clone());
    }
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::same_judgement;

    #[test]
    fn time_alone_does_not_undo_a_resolution_but_a_new_judgement_does() {
        assert!(same_judgement("matched", "matched"));
        assert!(
            same_judgement("awaiting_payment", "expired_unpaid"),
            "a voucher that expired since: the resolution still holds"
        );
        assert!(same_judgement("awaiting_settlement", "missing_settlement"));
        assert!(!same_judgement("matched", "psp_status_unknown"));
        assert!(!same_judgement("charged_back", "disputed"));
        assert!(!same_judgement("settlement_charge", "batch_mismatch"));
        assert!(!same_judgement("awaiting_payment", "matched"));
    }
}
