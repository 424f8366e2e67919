//! Recomputing some cases, not all: the cases a review act touched (judged at the last run's
//! as-of with the links and decisions now recorded, so a full run later gives the same cases
//! for them), and a partial run's closed set of orders and lines (`incremental`).

use super::batches::{batch_cases, BatchScope};
use super::decisions::{last_decisions, manual_links, record_reopenings, Reopening, Vanishing};
use super::load::recon_inputs_for;
use super::payouts::{is_payout_key, payout_cases};
use super::shape::Shaper;
use super::write::{CaseWriter, StoredCases};
use crate::msg;
use crate::reconcile::{reconcile_inputs, ReconSettings};
use crate::store::StoreError;
use chrono::{DateTime, Utc};
use rusqlite::OptionalExtension;

/// Recomputes, inside `tx`, only the cases a review act touched: the stored cases `scope`
/// (their orders and lines) plus `extra_orders`/`extra_lines`, judged at the last run's as-of
/// with the links and decisions now recorded. A full run later gives the same cases for them.
pub(crate) fn recompute_scope(
    tx: &rusqlite::Transaction<'_>,
    settings: &ReconSettings,
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
    let batches = if scope.iter().any(|k| k.starts_with("batch:")) {
        Batches::Named(scope)
    } else {
        Batches::None
    };
    let done = recompute(
        tx,
        settings,
        &Members {
            run_id,
            as_of,
            scope,
            orders: order_ids,
            lines: line_ids,
            batches,
            keep_stored_keys: true,
            rebuild_above: 0,
        },
        now,
    )?;
    Ok(done.keys)
}

/// Which batch cases a recompute makes again.
pub(super) enum Batches<'a> {
    None,
    /// Those among these case keys.
    Named(&'a [String]),
    /// The batch cases of these batches (a partial run that read their new lines, totals or
    /// relisted rows): stored ones it no longer makes are removed.
    Of(BatchScope),
}

/// What to recompute: the cases holding these orders and lines (and the cases `scope`), as of
/// `as_of`, written as cases of run `run_id`.
pub(super) struct Members<'a> {
    pub run_id: i64,
    pub as_of: DateTime<Utc>,
    pub scope: &'a [String],
    pub orders: Vec<i64>,
    pub lines: Vec<i64>,
    pub batches: Batches<'a>,
    /// The engine suffixes the keys of two orders that share a platform and name only when
    /// it sees both; a review act's recompute may see one: keep the key the case has. (A
    /// partial run sees both: they share a key.)
    pub keep_stored_keys: bool,
    /// See `CaseWriter::rebuild_above` (0: the writer's default).
    pub rebuild_above: usize,
}

/// What a recompute did.
pub(super) struct Recomputed {
    /// The keys of the cases it made.
    pub keys: Vec<String>,
    pub written: u64,
    pub removed: u64,
    pub reopened: Vec<String>,
    /// Cases per status among those it made.
    pub orders: usize,
    pub lines: usize,
}

/// Recomputes, inside `tx`, the cases of `m`'s orders and lines (with the lines linked by hand
/// to those orders) and replaces the stored cases that held any of them.
pub(super) fn recompute(
    tx: &rusqlite::Transaction<'_>,
    settings: &ReconSettings,
    m: &Members<'_>,
    now: DateTime<Utc>,
) -> Result<Recomputed, StoreError> {
    let mut order_ids = m.orders.clone();
    let mut line_ids = m.lines.clone();
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
    let mut cases = reconcile_inputs(&inputs, settings, m.as_of, &manual);
    if m.keep_stored_keys {
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
    // Payout and PSP credit cases a review act names are made again (all of them are, and
    // those named kept: see `cases::payouts`).
    if m.scope.iter().any(|k| is_payout_key(k)) {
        let (payouts, payouts_reopened) = payout_cases(tx, settings, m.as_of, &decisions, now)?;
        prepared.extend(
            payouts
                .into_iter()
                .filter(|p| m.scope.contains(&p.row.case_key)),
        );
        reopenings.extend(
            payouts_reopened
                .into_iter()
                .filter(|r| m.scope.contains(&r.key)),
        );
    }
    // Cases that held any of these lines or orders are replaced too.
    let mut replaced: Vec<String> = m.scope.to_vec();
    match m.batches {
        Batches::None => {}
        Batches::Named(named) => {
            let (batches, batches_reopened) =
                batch_cases(tx, settings.zone, &decisions, now, None)?;
            prepared.extend(
                batches
                    .into_iter()
                    .filter(|p| named.contains(&p.row.case_key)),
            );
            reopenings.extend(
                batches_reopened
                    .into_iter()
                    .filter(|r| named.contains(&r.key)),
            );
        }
        Batches::Of(ref scope) => {
            let (batches, batches_reopened) =
                batch_cases(tx, settings.zone, &decisions, now, Some(scope))?;
            prepared.extend(batches);
            reopenings.extend(batches_reopened);
            // The stored cases of these batches (keys as `BatchTotal::case_key` writes them).
            let mut stmt = tx.prepare_cached(
                "SELECT case_key FROM cases WHERE case_key >= 'batch:' AND case_key < 'batch;'",
            )?;
            for k in stmt.query_map([], |r| r.get::<_, String>(0))? {
                let k = k?;
                let named = scope
                    .named
                    .iter()
                    .any(|(psp, r)| k == format!("batch:{psp}:{r}:rounding"));
                let filed = scope
                    .files
                    .iter()
                    .any(|f| k.ends_with(&format!(":file{f}:rounding")));
                if named || filed {
                    replaced.push(k);
                }
            }
        }
    }
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
    // A resolved case this recompute changed (or made disappear) reopens here, recorded like
    // any reopening.
    let vanishing = Vanishing::new(tx, &decisions, Some(&replaced))?;
    for p in &prepared {
        vanishing.see(p);
    }
    reopenings.extend(vanishing.finish());
    let reopened = record_reopenings(tx, &reopenings, now)?;
    let keys: Vec<String> = prepared.iter().map(|p| p.row.case_key.clone()).collect();
    let stored = StoredCases::only(tx, &mut replaced.iter().chain(&keys).map(String::as_str))?;
    let mut writer = CaseWriter::new(tx, m.run_id, &stored).rebuild_above(m.rebuild_above);
    for p in prepared {
        writer.push(p)?;
    }
    let (written, removed) = writer.finish()?;
    Ok(Recomputed {
        keys,
        written,
        removed,
        reopened,
        orders: inputs.orders.len(),
        lines: inputs.lines.len(),
    })
}
