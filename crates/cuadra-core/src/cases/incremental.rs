//! Partial runs: a run after another recomputes only what can have changed since, and gives the
//! same cases a full run would (`tests/core/incremental.rs` checks it on random sequences of
//! imports, acts and as-of dates).
//!
//! What can change a case between two runs with the same settings:
//! - rows read for the first time: lines, order snapshots (a new order or a new version of
//!   one), echo pairs of those lines, batch summaries (they date their batch's lines), relisted
//!   rows (batch cases);
//! - the as-of, for the cases whose status turns at a moment between the two as-ofs (the end
//!   of a voucher or of the settlement grace: `cases.time_edge`, found by index);
//! - people's acts, which recompute their cases at once (`scope`).
//!
//! From those seeds the run closes the set of orders and lines it recomputes, so that the
//! engine, seeing only them, decides their cases as it would seeing everything:
//! - every order and line a stored case puts with one of them (its case's members);
//! - every order or line that shares a key with one of them (exact links, a key two orders
//!   share, two orders with one name), through `recon_keys`, the hashes of the keys of every
//!   row an earlier run read (rows read now are in the set already);
//! - every payment without an order one edit away from one of its orders, and every order
//!   without a payment one edit away from one of its lines (suggestions, and whether they are
//!   unique), from the stored cases that can take part in one.
//!
//! A run reads everything instead (and says why) when there is no earlier run or no key index,
//! when the settings changed, when files were purged since, when it is asked to, or when the
//! set grows past a third of the rows (reading everything is then cheaper).

use super::batches::BatchScope;
use super::load::recon_inputs_for;
use crate::reconcile::{
    one_edit_apart, stable_key_hash, CaseStatus, Inputs, MIN_SUGGEST_KEY_CHARS,
};
use crate::store::StoreError;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// How far a run read into the rows (the highest id of each), and the purged files then.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Upto {
    pub line: i64,
    pub snapshot: i64,
    pub order: i64,
    pub batch: i64,
    pub conflict: i64,
    pub purged: i64,
}

impl Upto {
    /// What the workspace holds now.
    pub(super) fn now(conn: &Connection) -> Result<Upto, StoreError> {
        let max = |table: &str| -> Result<i64, StoreError> {
            Ok(conn.query_row(
                &format!("SELECT COALESCE(MAX(id), 0) FROM {table}"),
                [],
                |r| r.get(0),
            )?)
        };
        Ok(Upto {
            line: max("settlement_lines")?,
            snapshot: max("order_snapshots")?,
            order: max("shop_orders")?,
            batch: max("settlement_batches")?,
            conflict: max("line_conflicts")?,
            purged: conn.query_row("SELECT COUNT(*) FROM purged_files", [], |r| r.get(0))?,
        })
    }

    /// Records, on run `run_id`, how far it read and how it ran.
    pub(super) fn record(
        &self,
        conn: &Connection,
        run_id: i64,
        mode: &str,
    ) -> Result<(), StoreError> {
        conn.execute(
            "UPDATE recon_runs SET mode = ?1, upto_line = ?2, upto_snapshot = ?3, upto_order = ?4,
                upto_batch = ?5, upto_conflict = ?6, purged = ?7 WHERE id = ?8",
            params![
                mode,
                self.line,
                self.snapshot,
                self.order,
                self.batch,
                self.conflict,
                self.purged,
                run_id
            ],
        )?;
        Ok(())
    }
}

/// Why a run read every order and line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FullBecause {
    /// The workspace was never reconciled.
    FirstRun,
    /// Someone asked for it (`reconcile --full`).
    Asked,
    /// The last run was made by a Cuadra that kept no key index (before issue 17).
    NoKeyIndex,
    /// A setting that matching reads changed since the last run.
    SettingsChanged,
    /// Files were purged since the last run (their rows are gone).
    RowsPurged,
    /// What changed reaches more than a third of the rows.
    LargeChange,
}

impl FullBecause {
    pub fn as_str(self) -> &'static str {
        match self {
            FullBecause::FirstRun => "first_run",
            FullBecause::Asked => "asked",
            FullBecause::NoKeyIndex => "no_key_index",
            FullBecause::SettingsChanged => "settings_changed",
            FullBecause::RowsPurged => "rows_purged",
            FullBecause::LargeChange => "large_change",
        }
    }
}

/// What a run recomputes.
pub(super) enum Plan {
    Full(FullBecause),
    Partial(Box<Scope>),
}

/// The closed set of a partial run.
#[derive(Default)]
pub(super) struct Scope {
    pub orders: Vec<i64>,
    pub lines: Vec<i64>,
    /// The batches with new lines, summaries or relisted rows: their cases are made again.
    pub batches: Option<BatchScope>,
    /// The rows read for the first time (their keys join the index).
    pub fresh: Inputs,
}

/// The last run: its as-of, its settings and how far it read.
struct Last {
    as_of: DateTime<Utc>,
    settings: String,
    upto: Option<Upto>,
}

fn last_run(conn: &Connection) -> Result<Option<Last>, StoreError> {
    let row = conn
        .query_row(
            "SELECT as_of, settings, upto_line, upto_snapshot, upto_order, upto_batch,
                upto_conflict, purged
             FROM recon_runs ORDER BY id DESC LIMIT 1",
            [],
            |r| {
                let upto = match (
                    r.get::<_, Option<i64>>(2)?,
                    r.get::<_, Option<i64>>(3)?,
                    r.get::<_, Option<i64>>(4)?,
                    r.get::<_, Option<i64>>(5)?,
                    r.get::<_, Option<i64>>(6)?,
                    r.get::<_, Option<i64>>(7)?,
                ) {
                    (
                        Some(line),
                        Some(snapshot),
                        Some(order),
                        Some(batch),
                        Some(conflict),
                        Some(purged),
                    ) => Some(Upto {
                        line,
                        snapshot,
                        order,
                        batch,
                        conflict,
                        purged,
                    }),
                    _ => None,
                };
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, upto))
            },
        )
        .optional()?;
    Ok(row.and_then(|(as_of, settings, upto)| {
        DateTime::parse_from_rfc3339(&as_of).ok().map(|t| Last {
            as_of: t.with_timezone(&Utc),
            settings,
            upto,
        })
    }))
}

/// Decides how a run as of `as_of` with `settings` (as recorded in `recon_runs`) recomputes,
/// given what the workspace holds now (`now`).
pub(super) fn plan(
    conn: &Connection,
    as_of: DateTime<Utc>,
    settings: &str,
    tolerance: Decimal,
    now: &Upto,
) -> Result<Plan, StoreError> {
    let Some(last) = last_run(conn)? else {
        return Ok(Plan::Full(FullBecause::FirstRun));
    };
    let Some(upto) = last.upto else {
        return Ok(Plan::Full(FullBecause::NoKeyIndex));
    };
    if same_settings(&last.settings, settings).is_none_or(|same| !same) {
        return Ok(Plan::Full(FullBecause::SettingsChanged));
    }
    if now.purged != upto.purged || now.line < upto.line || now.snapshot < upto.snapshot {
        return Ok(Plan::Full(FullBecause::RowsPurged));
    }
    let mut seed_orders: Vec<i64> = Vec::new();
    let mut seed_lines: Vec<i64> = Vec::new();
    // Orders with a snapshot read for the first time (new orders and new versions).
    {
        let mut stmt =
            conn.prepare("SELECT DISTINCT order_id FROM order_snapshots WHERE id > ?1")?;
        for o in stmt.query_map([upto.snapshot], |r| r.get::<_, i64>(0))? {
            seed_orders.push(o?);
        }
    }
    // Lines read for the first time, and both lines of an echo pair one of them is in.
    {
        let mut stmt = conn.prepare("SELECT id FROM settlement_lines WHERE id > ?1")?;
        for l in stmt.query_map([upto.line], |r| r.get::<_, i64>(0))? {
            seed_lines.push(l?);
        }
        let mut stmt = conn.prepare(
            "SELECT line_id, of_line_id FROM line_echoes WHERE line_id > ?1 OR of_line_id > ?1",
        )?;
        let pairs = stmt.query_map([upto.line], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
        })?;
        for pair in pairs {
            let (a, b) = pair?;
            seed_lines.extend([a, b]);
        }
    }
    // Batch summaries read for the first time date their batch's earlier lines that have no
    // date of their own.
    if now.batch > upto.batch {
        let mut refs: Vec<(String, String)> = Vec::new();
        let mut stmt = conn.prepare(
            "SELECT DISTINCT psp, batch_ref FROM settlement_batches
             WHERE id > ?1 AND batch_ref IS NOT NULL",
        )?;
        for r in stmt.query_map([upto.batch], |r| Ok((r.get(0)?, r.get(1)?)))? {
            refs.push(r?);
        }
        let mut stmt = conn.prepare_cached(
            "SELECT id FROM settlement_lines
             WHERE psp = ?1 AND batch_ref = ?2 AND id <= ?3 AND settled_at IS NULL",
        )?;
        for (psp, batch) in &refs {
            for l in stmt.query_map(params![psp, batch, upto.line], |r| r.get::<_, i64>(0))? {
                seed_lines.push(l?);
            }
        }
    }
    // Cases whose status turns between the two as-ofs.
    if as_of != last.as_of {
        let (lo, hi) = if as_of < last.as_of {
            (as_of, last.as_of)
        } else {
            (last.as_of, as_of)
        };
        let mut stmt = conn.prepare(
            "SELECT order_id FROM cases
             WHERE time_edge BETWEEN ?1 AND ?2 AND order_id IS NOT NULL",
        )?;
        for o in stmt.query_map([lo.timestamp(), hi.timestamp()], |r| r.get::<_, i64>(0))? {
            seed_orders.push(o?);
        }
    }
    let batches = if now.line > upto.line || now.batch > upto.batch || now.conflict > upto.conflict
    {
        Some(batch_scope(conn, &upto)?)
    } else {
        None
    };
    let mut closure = Closure::new(conn, tolerance);
    let fresh = closure.close(seed_orders, seed_lines)?;
    let (orders, lines) = closure.into_sets();
    let total: i64 = conn.query_row(
        "SELECT (SELECT COUNT(*) FROM shop_orders) + (SELECT COUNT(*) FROM settlement_lines)",
        [],
        |r| r.get(0),
    )?;
    if (orders.len() + lines.len()) as i64 * 3 > total.max(30) {
        return Ok(Plan::Full(FullBecause::LargeChange));
    }
    Ok(Plan::Partial(Box::new(Scope {
        orders,
        lines,
        batches,
        fresh,
    })))
}

/// The batches whose lines, summaries or relisted rows were read for the first time.
fn batch_scope(conn: &Connection, upto: &Upto) -> Result<BatchScope, StoreError> {
    let mut scope = BatchScope::default();
    let mut add = |psp: Option<String>, batch: Option<String>, file: Option<i64>| {
        if let (Some(psp), Some(batch)) = (psp, batch) {
            scope.named.insert((psp, batch));
        }
        scope.files.extend(file);
    };
    let mut stmt = conn
        .prepare("SELECT DISTINCT psp, batch_ref, file_id FROM settlement_lines WHERE id > ?1")?;
    let mut rows = stmt.query([upto.line])?;
    while let Some(r) = rows.next()? {
        add(r.get(0)?, r.get(1)?, r.get(2)?);
    }
    let mut stmt =
        conn.prepare("SELECT psp, batch_ref, file_id FROM settlement_batches WHERE id > ?1")?;
    let mut rows = stmt.query([upto.batch])?;
    while let Some(r) = rows.next()? {
        add(r.get(0)?, r.get(1)?, r.get(2)?);
    }
    // A relisted row counts against the batch its version names, and its line's.
    let mut stmt = conn.prepare(
        "SELECT c.line_json, l.psp, l.batch_ref, l.file_id FROM line_conflicts c
         JOIN settlement_lines l ON l.id = c.line_id WHERE c.id > ?1",
    )?;
    let mut rows = stmt.query([upto.conflict])?;
    while let Some(r) = rows.next()? {
        let json: String = r.get(0)?;
        if let Ok(version) = serde_json::from_str::<crate::model::SettlementLine>(&json) {
            add(Some(version.psp), version.batch_ref, None);
        }
        add(r.get(1)?, r.get(2)?, r.get(3)?);
    }
    Ok(scope)
}

/// Whether two runs' settings (as recorded) read the same; `None` when one does not read.
fn same_settings(a: &str, b: &str) -> Option<bool> {
    let a: serde_json::Value = serde_json::from_str(a).ok()?;
    let b: serde_json::Value = serde_json::from_str(b).ok()?;
    Some(a == b)
}

/// Stores the key hashes of `inputs`' orders and lines in `recon_keys` (kept: a partial run's
/// new rows). `replace` empties the index first (a full run).
pub(super) fn index_keys(
    conn: &Connection,
    inputs: &Inputs,
    replace: bool,
) -> Result<(), StoreError> {
    let mut pairs: Vec<(i64, i64)> =
        Vec::with_capacity(inputs.orders.len() * 3 + inputs.lines.len() * 2);
    for o in &inputs.orders {
        for k in inputs.order_keys(o) {
            pairs.push((stable_key_hash(&k), o.id));
        }
    }
    for l in &inputs.lines {
        for k in inputs.line_keys(l) {
            pairs.push((stable_key_hash(&k), -l.id));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    if replace {
        conn.execute("DELETE FROM recon_keys", [])?;
    }
    let mut stmt =
        conn.prepare_cached("INSERT OR IGNORE INTO recon_keys(hash, ref) VALUES (?1, ?2)")?;
    for (hash, r) in pairs {
        stmt.execute([hash, r])?;
    }
    Ok(())
}

/// Order-case statuses with a payment of their own: such an order takes no suggestion (every
/// other order case may, once its lines change). They are the statuses `reconcile::classify`
/// gives an order with one or more distinct payments.
const PAID_STATUSES: [CaseStatus; 7] = [
    CaseStatus::Matched,
    CaseStatus::PaidShopPending,
    CaseStatus::Underpaid,
    CaseStatus::Overpaid,
    CaseStatus::DuplicatePayment,
    CaseStatus::PaidAfterExpiry,
    CaseStatus::CurrencyMismatch,
];

/// The keys long enough to be suggested on.
fn long(keys: Vec<String>) -> Vec<String> {
    keys.into_iter()
        .filter(|k| k.chars().count() >= MIN_SUGGEST_KEY_CHARS)
        .collect()
}

/// A key and every string one character shorter (see `reconcile::suggest`): two keys one edit
/// apart share one of these.
fn variants(key: &str, mut each: impl FnMut(i64)) {
    each(stable_key_hash(key));
    let mut buf = String::with_capacity(key.len());
    for (at, c) in key.char_indices() {
        buf.clear();
        buf.push_str(&key[..at]);
        buf.push_str(&key[at + c.len_utf8()..]);
        each(stable_key_hash(&buf));
    }
}

/// Near keys of a set of rows: variant hash -> (row id, key).
#[derive(Default)]
struct NearIndex {
    by_variant: HashMap<i64, Vec<usize>>,
    rows: Vec<(i64, String)>,
}

impl NearIndex {
    fn add(&mut self, id: i64, key: String) {
        let at = self.rows.len();
        variants(&key, |v| self.by_variant.entry(v).or_default().push(at));
        self.rows.push((id, key));
    }

    /// The rows with a key one edit away from `key`.
    fn near(&self, key: &str, mut found: impl FnMut(i64)) {
        let mut seen: Vec<usize> = Vec::new();
        variants(key, |v| {
            if let Some(at) = self.by_variant.get(&v) {
                seen.extend(at);
            }
        });
        seen.sort_unstable();
        seen.dedup();
        for at in seen {
            let (id, other) = &self.rows[at];
            if one_edit_apart(key, other) {
                found(*id);
            }
        }
    }
}

/// The set a partial run recomputes, grown from its seeds until nothing outside it can change
/// a case inside it.
struct Closure<'c> {
    conn: &'c Connection,
    tolerance: Decimal,
    orders: HashSet<i64>,
    lines: HashSet<i64>,
    /// Lines that may be suggested (in a case without an order, or in a suggested case).
    loose: Option<NearIndex>,
    /// Orders that may take a suggestion: (id, total), from their stored cases.
    open: Option<Vec<(i64, Option<Decimal>)>>,
    /// The long keys of those read so far.
    open_keys: HashMap<i64, Vec<String>>,
}

impl<'c> Closure<'c> {
    fn new(conn: &'c Connection, tolerance: Decimal) -> Self {
        Closure {
            conn,
            tolerance,
            orders: HashSet::new(),
            lines: HashSet::new(),
            loose: None,
            open: None,
            open_keys: HashMap::new(),
        }
    }

    fn into_sets(self) -> (Vec<i64>, Vec<i64>) {
        let mut orders: Vec<i64> = self.orders.into_iter().collect();
        let mut lines: Vec<i64> = self.lines.into_iter().collect();
        orders.sort_unstable();
        lines.sort_unstable();
        (orders, lines)
    }

    /// Grows the set from the seeds; returns the seeds' rows (read for the first time or
    /// turning with the as-of), whose keys the index may not hold yet. Exact links first, until
    /// nothing new comes in (then every order that names a line of the set by one of its keys
    /// is in it, with its keys as they are now); then near keys, for the lines no order names
    /// (only they can be suggested) and the set's orders; and again, until nothing comes in.
    fn close(&mut self, seed_orders: Vec<i64>, seed_lines: Vec<i64>) -> Result<Inputs, StoreError> {
        let mut todo_orders = self.admit_orders(seed_orders);
        let mut todo_lines = self.admit_lines(seed_lines);
        let mut first: Option<Inputs> = None;
        // The keys of every order of the set; the set's rows not yet looked at for near keys.
        let mut order_keys: HashSet<String> = HashSet::new();
        let mut near_orders: Vec<Vec<String>> = Vec::new();
        let mut near_lines: Vec<(i64, Vec<String>, [Option<Decimal>; 2])> = Vec::new();
        loop {
            while !todo_orders.is_empty() || !todo_lines.is_empty() {
                let inputs = recon_inputs_for(self.conn, &todo_orders, &todo_lines)?;
                let mut found_orders: Vec<i64> = Vec::new();
                let mut found_lines: Vec<i64> = Vec::new();
                // Lines loaded in place of their echoes, and the echoes loaded with them.
                for l in &inputs.lines {
                    found_lines.push(l.id);
                    found_lines.extend(inputs.echoes_of(l.id));
                }
                self.members(
                    &todo_orders,
                    &todo_lines,
                    &mut found_orders,
                    &mut found_lines,
                )?;
                self.shared_keys(&inputs, &mut found_orders, &mut found_lines)?;
                for o in &inputs.orders {
                    let keys = inputs.order_keys(o);
                    order_keys.extend(keys.iter().cloned());
                    near_orders.push(long(keys));
                }
                for l in &inputs.lines {
                    near_lines.push((l.id, inputs.line_keys(l), [l.local_amount, l.gross_amount]));
                }
                if first.is_none() {
                    first = Some(inputs);
                }
                todo_orders = self.admit_orders(found_orders);
                todo_lines = self.admit_lines(found_lines);
            }
            let mut found_orders: Vec<i64> = Vec::new();
            let mut found_lines: Vec<i64> = Vec::new();
            if !near_orders.is_empty() {
                let loose = self.loose()?;
                for keys in near_orders.drain(..) {
                    for k in &keys {
                        loose.near(k, |id| found_lines.push(id));
                    }
                }
            }
            // A line one of whose keys an order of the set has is linked (or ambiguous): it
            // is suggested to no order.
            let unlinked: Vec<(i64, Vec<String>, [Option<Decimal>; 2])> = near_lines
                .drain(..)
                .filter(|(_, keys, _)| !keys.iter().any(|k| order_keys.contains(k)))
                .collect();
            self.near_orders(unlinked, &mut found_orders)?;
            todo_orders = self.admit_orders(found_orders);
            todo_lines = self.admit_lines(found_lines);
            if todo_orders.is_empty() && todo_lines.is_empty() {
                break;
            }
        }
        Ok(first.unwrap_or_default())
    }

    fn admit_orders(&mut self, ids: Vec<i64>) -> Vec<i64> {
        let mut new: Vec<i64> = ids
            .into_iter()
            .filter(|id| self.orders.insert(*id))
            .collect();
        new.sort_unstable();
        new
    }

    fn admit_lines(&mut self, ids: Vec<i64>) -> Vec<i64> {
        let mut new: Vec<i64> = ids
            .into_iter()
            .filter(|id| self.lines.insert(*id))
            .collect();
        new.sort_unstable();
        new
    }

    /// The orders and lines the stored cases of these put with them.
    fn members(
        &self,
        orders: &[i64],
        lines: &[i64],
        found_orders: &mut Vec<i64>,
        found_lines: &mut Vec<i64>,
    ) -> Result<(), StoreError> {
        let mut case_ids: Vec<i64> = Vec::new();
        {
            let mut stmt = self.conn.prepare_cached(
                "SELECT c.id FROM json_each(?1) j JOIN cases c ON c.order_id = j.value",
            )?;
            let json = serde_json::to_string(orders).unwrap_or_default();
            for id in stmt.query_map([json], |r| r.get::<_, i64>(0))? {
                case_ids.push(id?);
            }
            let mut stmt = self.conn.prepare_cached(
                "SELECT l.case_id FROM json_each(?1) j JOIN case_lines l ON l.line_id = j.value",
            )?;
            let json = serde_json::to_string(lines).unwrap_or_default();
            for id in stmt.query_map([json], |r| r.get::<_, i64>(0))? {
                case_ids.push(id?);
            }
        }
        case_ids.sort_unstable();
        case_ids.dedup();
        let json = serde_json::to_string(&case_ids).unwrap_or_default();
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.order_id FROM json_each(?1) j JOIN cases c ON c.id = j.value
             WHERE c.order_id IS NOT NULL",
        )?;
        for o in stmt.query_map([&json], |r| r.get::<_, i64>(0))? {
            found_orders.push(o?);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT l.line_id FROM json_each(?1) j JOIN case_lines l ON l.case_id = j.value",
        )?;
        for l in stmt.query_map([&json], |r| r.get::<_, i64>(0))? {
            found_lines.push(l?);
        }
        Ok(())
    }

    /// The rows an earlier run read that share a key with these: orders and lines for an
    /// order, orders for a line (two lines with one key are linked by nothing but an order).
    fn shared_keys(
        &self,
        inputs: &Inputs,
        found_orders: &mut Vec<i64>,
        found_lines: &mut Vec<i64>,
    ) -> Result<(), StoreError> {
        let mut of_orders: Vec<i64> = Vec::new();
        let mut of_lines: Vec<i64> = Vec::new();
        for o in &inputs.orders {
            of_orders.extend(inputs.order_keys(o).iter().map(|k| stable_key_hash(k)));
        }
        for l in &inputs.lines {
            of_lines.extend(inputs.line_keys(l).iter().map(|k| stable_key_hash(k)));
        }
        for (hashes, lines_too) in [(&mut of_orders, true), (&mut of_lines, false)] {
            hashes.sort_unstable();
            hashes.dedup();
            let mut stmt = self.conn.prepare_cached(
                "SELECT k.ref FROM json_each(?1) j JOIN recon_keys k ON k.hash = j.value",
            )?;
            let json = serde_json::to_string(&*hashes).unwrap_or_default();
            for r in stmt.query_map([json], |r| r.get::<_, i64>(0))? {
                let r = r?;
                if r > 0 {
                    found_orders.push(r);
                } else if lines_too {
                    found_lines.push(-r);
                }
            }
        }
        Ok(())
    }

    /// The orders without a payment one edit away from these lines (same amount within
    /// tolerance): they could be suggested one of them.
    fn near_orders(
        &mut self,
        lines: Vec<(i64, Vec<String>, [Option<Decimal>; 2])>,
        found_orders: &mut Vec<i64>,
    ) -> Result<(), StoreError> {
        let mut near = NearIndex::default();
        let mut amounts: Vec<Decimal> = Vec::new();
        for (id, keys, paid) in lines {
            let keys = long(keys);
            if keys.is_empty() {
                continue;
            }
            for k in keys {
                near.add(id, k);
            }
            amounts.extend(paid.into_iter().flatten());
        }
        if near.rows.is_empty() {
            return Ok(());
        }
        amounts.sort_unstable();
        amounts.dedup();
        let tol = self.tolerance;
        let wanted: Vec<i64> = self
            .open()?
            .iter()
            .filter(|(_, total)| match total {
                Some(t) => {
                    let start = amounts.partition_point(|a| *a < *t - tol);
                    amounts.get(start).is_some_and(|a| *a <= *t + tol)
                }
                None => false,
            })
            .map(|(id, _)| *id)
            .collect();
        // Their keys, read once per run.
        let missing: Vec<i64> = wanted
            .iter()
            .copied()
            .filter(|id| !self.open_keys.contains_key(id))
            .collect();
        if !missing.is_empty() {
            let orders = recon_inputs_for(self.conn, &missing, &[])?;
            for o in &orders.orders {
                self.open_keys.insert(o.id, long(orders.order_keys(o)));
            }
        }
        for id in wanted {
            let Some(keys) = self.open_keys.get(&id) else {
                continue;
            };
            let mut hit = false;
            for k in keys {
                near.near(k, |_| hit = true);
            }
            if hit {
                found_orders.push(id);
            }
        }
        Ok(())
    }

    /// The lines that may be suggested to an order: those of the stored cases without an
    /// order, and of suggested cases.
    fn loose(&mut self) -> Result<&NearIndex, StoreError> {
        if self.loose.is_none() {
            let mut ids: Vec<i64> = Vec::new();
            let mut stmt = self.conn.prepare(
                "SELECT l.line_id FROM cases c JOIN case_lines l ON l.case_id = c.id
                 WHERE c.order_id IS NULL OR c.status = 'suggested'",
            )?;
            for id in stmt.query_map([], |r| r.get::<_, i64>(0))? {
                ids.push(id?);
            }
            ids.sort_unstable();
            let inputs = recon_inputs_for(self.conn, &[], &ids)?;
            let mut index = NearIndex::default();
            for l in &inputs.lines {
                for k in long(inputs.line_keys(l)) {
                    index.add(l.id, k);
                }
            }
            self.loose = Some(index);
        }
        Ok(self.loose.get_or_insert_with(NearIndex::default))
    }

    /// The orders that may take a suggestion: those whose stored case has no payment, with
    /// their totals (an order total none of the lines could pay within tolerance is no
    /// candidate).
    fn open(&mut self) -> Result<&[(i64, Option<Decimal>)], StoreError> {
        if self.open.is_none() {
            let statuses: Vec<&str> = CaseStatus::ALL
                .iter()
                .filter(|s| s.is_order_case() && !PAID_STATUSES.contains(s))
                .map(|s| s.as_str())
                .collect();
            let mut stmt = self.conn.prepare(
                "SELECT c.order_id, c.order_total FROM json_each(?1) j
                 JOIN cases c ON c.status = j.value WHERE c.order_id IS NOT NULL",
            )?;
            let json = serde_json::to_string(&statuses).unwrap_or_default();
            let rows = stmt.query_map([json], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, Option<String>>(1)?
                        .and_then(|t| t.trim().parse::<Decimal>().ok()),
                ))
            })?;
            let mut open = Vec::new();
            for row in rows {
                open.push(row?);
            }
            self.open = Some(open);
        }
        Ok(self.open.as_deref().unwrap_or_default())
    }
}
