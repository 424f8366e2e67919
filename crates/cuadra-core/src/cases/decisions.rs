//! People's decisions laid on the engine's cases. The latest decision on a case key applies while
//! the case's membership (its order and its lines) is what it was when decided. When new data
//! changes the membership of a case a person had resolved, the case reopens, its explanation says
//! why, and the reopening is recorded as a decision by `cuadra` with an audit event — never a
//! silent change.

use super::shape::{membership, LastDecision, Prepared};
use super::CaseState;
use crate::audit::{self, event_time, NewEvent};
use crate::msg;
use crate::reconcile::{Manual, ReconCase};
use crate::store::StoreError;
use crate::words::reconcile::*;
use crate::words::{Arg, Join, Msg};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

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

/// A resolution that new data undid: the case reopened (same key, new membership) or is gone
/// (its order and lines now in other cases).
pub(crate) struct Reopening {
    pub(super) key: String,
    /// The case's status now, or when it was last stored if it is gone.
    pub(super) status: String,
    /// Its membership now; `gone` when the key no longer exists.
    pub(super) membership: String,
    pub(super) reason: String,
}

impl Reopening {
    /// A resolved case that no longer holds (`why`): its key, status and membership now.
    pub(super) fn contradicted(c: &ReconCase, why: &Msg) -> Reopening {
        Reopening {
            key: c.key.clone(),
            status: c.status.as_str().to_string(),
            membership: membership(c.order_id, &c.line_ids),
            reason: why.to_json(),
        }
    }
}

/// What a gone case's order and lines became, as the recorded reason (a message's JSON).
pub(super) fn gone_why(key: &str, now_in: &[String]) -> String {
    let why = if key.starts_with("batch:") {
        // A batch's rounding case goes when its lines add up to the total the file states.
        msg!(GONE_BATCH_ADDS_UP)
    } else if key.starts_with(super::payouts::CREDIT_PREFIX) {
        msg!(GONE_CREDIT_EXPLAINED)
    } else if key.starts_with(super::payouts::PAYOUT_PREFIX) {
        msg!(GONE_PAYOUT_NOT_JUDGED)
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
pub(super) struct Vanishing {
    resolved: HashMap<String, Resolved>,
    /// Their orders and lines -> the key of the case of this run that holds them (each is in
    /// one case, so each slot is written once).
    by_order: HashMap<i64, Mutex<String>>,
    by_line: HashMap<i64, Mutex<String>>,
}

/// A stored case a person resolved.
pub(super) struct Resolved {
    status: String,
    /// Its order and lines when decided.
    order: Option<i64>,
    lines: Vec<i64>,
    /// This run produced a case with its key.
    live: AtomicBool,
}

impl Vanishing {
    pub(super) fn new(
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
        let among: Option<std::collections::HashSet<&str>> =
            among.map(|a| a.iter().map(String::as_str).collect());
        for (key, d) in decisions {
            if d.state_after != CaseState::Resolved.as_str()
                || among.as_ref().is_some_and(|a| !a.contains(key.as_str()))
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
    pub(super) fn see(&self, p: &Prepared) {
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
    pub(super) fn finish(self) -> Vec<Reopening> {
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
pub(super) fn record_reopenings(
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
