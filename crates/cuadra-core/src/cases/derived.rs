//! What is kept beside the cases so a workspace of a million cases answers at once: the
//! dashboard's rollups (counts and exact sums per period, day, PSP, status and currency) and the
//! case search index (FTS5 trigram over references, customer and case key).
//!
//! Every write of cases keeps them: a run or a review act's recompute subtracts what the cases
//! it replaces contributed and adds what the new ones contribute (or rebuilds everything when
//! more than [`REBUILD_ABOVE`] cases changed); a purge rebuilds. `derived_built` says they were
//! ever built, so a workspace from before them gets them on its first open.

use super::{dec, text};
use crate::model::MOVED_MONEY_SQL;
use crate::store::zone_of;
use crate::store::StoreError;
use chrono::DateTime;
use chrono_tz::Tz;
use rusqlite::{params, Connection, OptionalExtension};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The search index as migration v8 creates it.
const CREATE_SEARCH: &str =
    "CREATE VIRTUAL TABLE cases_search USING fts5(body, tokenize = 'trigram', detail = 'none');";

/// Above this many changed cases a write rebuilds instead of applying deltas.
pub(super) const REBUILD_ABOVE: usize = 20_000;

/// The text the case search looks in, folded (`store::fold`: lower case, Spanish accents off, so
/// "castano" finds "Castaño"); words never contain a space, so a match never straddles two
/// fields.
pub(super) const SEARCH_BODY: &str = "fold(coalesce(c.order_ref, '') || ' ' || coalesce(c.shop_order_id, '') || ' ' || c.settlement_refs || ' ' || coalesce(c.customer, '') || ' ' || c.case_key)";

/// `(period, day, psp, status, currency)`; absent values are ''.
type StatusKey = (String, String, String, String, String);
/// `(period, day, psp, on_day, currency)`.
type DailyKey = (String, String, String, String, String);
/// `(period, day, psp, settlement currency)`.
type SettledKey = (String, String, String, String);

#[derive(Clone, Copy, Default, Debug, PartialEq)]
pub(super) struct StatusAgg {
    pub cases: i64,
    pub open: i64,
    pub amount: Decimal,
    pub open_amount: Decimal,
}

#[derive(Clone, Copy, Default, Debug, PartialEq)]
pub(super) struct DailyAgg {
    /// Cases paid that day plus cases settled that day (an entry exists while any does).
    pub n: i64,
    pub paid: Decimal,
    pub settled: Decimal,
}

#[derive(Clone, Copy, Default, Debug, PartialEq)]
pub(super) struct SettledAgg {
    pub lines: i64,
    pub sums: [Decimal; 4],
}

/// Contributions of a set of cases, signed.
#[derive(Default)]
struct Rollup {
    status: HashMap<StatusKey, StatusAgg>,
    daily: HashMap<DailyKey, DailyAgg>,
    settled: HashMap<SettledKey, SettledAgg>,
}

/// The local date of a case's event (`event_utc`) in `zone`, '' without one.
fn local_day(event_utc: &Option<String>, zone: Tz) -> String {
    event_utc
        .as_deref()
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .map(|t| t.with_timezone(&zone).date_naive().to_string())
        .unwrap_or_default()
}

const CASE_SQL: &str = "SELECT c.period, c.event_utc, c.psp, c.status, c.state, c.order_total,
        c.paid_amount, c.net_settled, c.currency, c.settlement_currency, c.paid_at, c.settled_at
    FROM cases c";
/// What was settled: every line but money held for a claim (neither charged nor settled),
/// lines that repeat another report's money (counted once, on the line they repeat) and lines
/// whose status says no money moved (`facts::money_moved`).
const LINE_SQL: &str = "SELECT c.period, c.event_utc, c.psp, s.settlement_currency,
        s.gross_amount, s.fee_amount, s.tax_amount, s.net_amount
    FROM cases c JOIN case_lines cl ON cl.case_id = c.id JOIN settlement_lines s ON s.id = cl.line_id
        AND s.row_type <> 'hold' AND s.id NOT IN (SELECT line_id FROM line_echoes)
        AND s.status IN ";

impl Rollup {
    /// Adds (`sign` 1) or subtracts (-1) the cases and lines the statements yield.
    fn add(
        &mut self,
        cases: &mut rusqlite::Rows<'_>,
        lines: &mut rusqlite::Rows<'_>,
        sign: i64,
        zone: Tz,
    ) -> Result<(), StoreError> {
        let s = Decimal::from(sign);
        while let Some(r) = cases.next()? {
            let period: Option<String> = r.get(0)?;
            let period = period.unwrap_or_default();
            let day = local_day(&r.get(1)?, zone);
            let psp: Option<String> = r.get(2)?;
            let psp = psp.unwrap_or_default();
            let status: String = r.get(3)?;
            let open = r.get::<_, String>(4)? == "open";
            let (order_total, paid, net): (Option<String>, Option<String>, Option<String>) =
                (r.get(5)?, r.get(6)?, r.get(7)?);
            let (currency, settlement_currency): (Option<String>, Option<String>) =
                (r.get(8)?, r.get(9)?);
            // The main amount with its own currency: the buyer's (order total, else paid),
            // else what was settled, in the settlement currency.
            let (amount, cur) = match order_total.clone().or(paid.clone()) {
                Some(a) => (Some(a), currency.clone()),
                None => (net, settlement_currency),
            };
            let amount = dec(&amount) * s;
            let cur = cur.unwrap_or_default();
            let e = self
                .status
                .entry((
                    period.clone(),
                    day.clone(),
                    psp.clone(),
                    status,
                    cur.clone(),
                ))
                .or_default();
            e.cases += sign;
            e.amount += amount;
            if open {
                e.open += sign;
                e.open_amount += amount;
            }
            let has_paid = paid.is_some();
            let paid = dec(&paid) * s;
            let (paid_at, settled_at): (Option<String>, Option<String>) = (r.get(10)?, r.get(11)?);
            if let Some(on) = paid_at.as_deref().and_then(|t| t.get(..10)) {
                let e = self
                    .daily
                    .entry((
                        period.clone(),
                        day.clone(),
                        psp.clone(),
                        on.to_string(),
                        cur.clone(),
                    ))
                    .or_default();
                e.n += sign;
                e.paid += paid;
            }
            if let Some(on) = settled_at.as_deref().and_then(|t| t.get(..10)) {
                if has_paid {
                    let e = self
                        .daily
                        .entry((period, day, psp, on.to_string(), cur))
                        .or_default();
                    e.n += sign;
                    e.settled += paid;
                }
            }
        }
        while let Some(r) = lines.next()? {
            let period: Option<String> = r.get(0)?;
            let psp: Option<String> = r.get(2)?;
            let currency: Option<String> = r.get(3)?;
            let key = (
                period.unwrap_or_default(),
                local_day(&r.get(1)?, zone),
                psp.unwrap_or_default(),
                currency.unwrap_or_default(),
            );
            let e = self.settled.entry(key).or_default();
            e.lines += sign;
            for (i, slot) in e.sums.iter_mut().enumerate() {
                *slot += dec(&r.get(4 + i)?) * s;
            }
        }
        Ok(())
    }

    /// Adds or subtracts the stored cases `ids`.
    fn add_ids(
        &mut self,
        conn: &Connection,
        ids: &[i64],
        sign: i64,
        zone: Tz,
    ) -> Result<(), StoreError> {
        // All at once: each row adds on its own, whichever case it is of.
        let only = "WHERE c.id IN (SELECT value FROM json_each(?1))";
        let mut cases = conn.prepare_cached(&format!("{CASE_SQL} {only}"))?;
        let mut lines = conn.prepare_cached(&format!("{LINE_SQL}{MOVED_MONEY_SQL} {only}"))?;
        let json = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
        let mut case_rows = cases.query([&json])?;
        let mut line_rows = lines.query([&json])?;
        self.add(&mut case_rows, &mut line_rows, sign, zone)?;
        Ok(())
    }

    /// Adds the deltas to the stored rollups; rows that drop to nothing go.
    fn apply(self, conn: &Connection) -> Result<(), StoreError> {
        {
            let mut get = conn.prepare_cached(
                "SELECT cases, open, amount, open_amount FROM dash_status
                 WHERE period = ?1 AND day = ?2 AND psp = ?3 AND status = ?4 AND currency = ?5",
            )?;
            let mut put = conn.prepare_cached(
                "INSERT OR REPLACE INTO dash_status(period, day, psp, status, currency, cases,
                    open, amount, open_amount) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?;
            let mut del = conn.prepare_cached(
                "DELETE FROM dash_status
                 WHERE period = ?1 AND day = ?2 AND psp = ?3 AND status = ?4 AND currency = ?5",
            )?;
            for ((p, d, psp, st, cur), delta) in self.status {
                let old = get
                    .query_row(params![p, d, psp, st, cur], |r| {
                        Ok(StatusAgg {
                            cases: r.get(0)?,
                            open: r.get(1)?,
                            amount: dec(&r.get(2)?),
                            open_amount: dec(&r.get(3)?),
                        })
                    })
                    .optional()?
                    .unwrap_or_default();
                let cases = old.cases + delta.cases;
                if cases <= 0 {
                    del.execute(params![p, d, psp, st, cur])?;
                } else {
                    put.execute(params![
                        p,
                        d,
                        psp,
                        st,
                        cur,
                        cases,
                        old.open + delta.open,
                        text(old.amount + delta.amount),
                        text(old.open_amount + delta.open_amount),
                    ])?;
                }
            }
        }
        {
            let mut get = conn.prepare_cached(
                "SELECT n, paid, settled FROM dash_daily
                 WHERE period = ?1 AND day = ?2 AND psp = ?3 AND on_day = ?4 AND currency = ?5",
            )?;
            let mut put = conn.prepare_cached(
                "INSERT OR REPLACE INTO dash_daily(period, day, psp, on_day, currency, n, paid,
                    settled) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            let mut del = conn.prepare_cached(
                "DELETE FROM dash_daily
                 WHERE period = ?1 AND day = ?2 AND psp = ?3 AND on_day = ?4 AND currency = ?5",
            )?;
            for ((p, d, psp, on, cur), delta) in self.daily {
                let old = get
                    .query_row(params![p, d, psp, on, cur], |r| {
                        Ok(DailyAgg {
                            n: r.get(0)?,
                            paid: dec(&r.get(1)?),
                            settled: dec(&r.get(2)?),
                        })
                    })
                    .optional()?
                    .unwrap_or_default();
                let n = old.n + delta.n;
                if n <= 0 {
                    del.execute(params![p, d, psp, on, cur])?;
                } else {
                    put.execute(params![
                        p,
                        d,
                        psp,
                        on,
                        cur,
                        n,
                        text(old.paid + delta.paid),
                        text(old.settled + delta.settled),
                    ])?;
                }
            }
        }
        {
            let mut get = conn.prepare_cached(
                "SELECT lines, gross, fees, taxes, net FROM dash_settled
                 WHERE period = ?1 AND day = ?2 AND psp = ?3 AND currency = ?4",
            )?;
            let mut put = conn.prepare_cached(
                "INSERT OR REPLACE INTO dash_settled(period, day, psp, currency, lines, gross, fees,
                    taxes, net) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?;
            let mut del = conn.prepare_cached(
                "DELETE FROM dash_settled
                 WHERE period = ?1 AND day = ?2 AND psp = ?3 AND currency = ?4",
            )?;
            for ((p, d, psp, cur), delta) in self.settled {
                let old = get
                    .query_row(params![p, d, psp, cur], |r| {
                        Ok(SettledAgg {
                            lines: r.get(0)?,
                            sums: [
                                dec(&r.get(1)?),
                                dec(&r.get(2)?),
                                dec(&r.get(3)?),
                                dec(&r.get(4)?),
                            ],
                        })
                    })
                    .optional()?
                    .unwrap_or_default();
                let lines = old.lines + delta.lines;
                if lines <= 0 {
                    del.execute(params![p, d, psp, cur])?;
                } else {
                    let s: Vec<String> =
                        (0..4).map(|i| text(old.sums[i] + delta.sums[i])).collect();
                    put.execute(params![p, d, psp, cur, lines, s[0], s[1], s[2], s[3]])?;
                }
            }
        }
        Ok(())
    }
}

/// Rebuilds the dashboard's rollups from the stored cases, with the workspace zone as stored
/// now (a change of `zone` calls this: the rollups' days are local dates).
pub fn rebuild_rollups(conn: &Connection) -> Result<(), StoreError> {
    let zone = zone_of(conn)?;
    conn.execute_batch(
        "DELETE FROM dash_status; DELETE FROM dash_daily; DELETE FROM dash_settled;",
    )?;
    let mut all = Rollup::default();
    {
        let mut cases = conn.prepare(CASE_SQL)?;
        let mut lines = conn.prepare(&format!("{LINE_SQL}{MOVED_MONEY_SQL}"))?;
        all.add(&mut cases.query([])?, &mut lines.query([])?, 1, zone)?;
    }
    all.apply(conn)
}

/// Rebuilds the rollups and the search index from the stored cases.
pub(crate) fn rebuild(conn: &Connection) -> Result<(), StoreError> {
    rebuild_rollups(conn)?;
    // Emptied by recreating it: deleting rows one by one re-tokenizes each of them.
    conn.execute_batch(&format!("DROP TABLE cases_search; {CREATE_SEARCH}"))?;
    // A bulk load merges its index segments once at the end instead of as it goes.
    conn.execute_batch("INSERT INTO cases_search(cases_search, rank) VALUES ('automerge', 0);")?;
    conn.execute(
        &format!("INSERT INTO cases_search(rowid, body) SELECT c.id, {SEARCH_BODY} FROM cases c"),
        [],
    )?;
    conn.execute_batch(
        "INSERT INTO cases_search(cases_search) VALUES ('optimize');
         INSERT INTO cases_search(cases_search, rank) VALUES ('automerge', 4);",
    )?;
    conn.execute(
        "INSERT OR REPLACE INTO derived_built(id, built_at) VALUES (1, datetime('now'))",
        [],
    )?;
    Ok(())
}

/// Builds what a workspace from before the rollups lacks (once, on open).
pub fn ensure_built(conn: &mut Connection) -> Result<(), StoreError> {
    let built: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM derived_built)", [], |r| {
        r.get(0)
    })?;
    if !built {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Another connection may have built them while this one waited for the lock.
        let built: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM derived_built)", [], |r| {
            r.get(0)
        })?;
        if !built {
            rebuild(&tx)?;
        }
        tx.commit()?;
    }
    Ok(())
}

/// A write of cases in progress: call [`Pending::before`] with the stored cases about to be
/// replaced or removed, write, then [`Pending::after`] with the ids written.
pub(super) struct Pending {
    zone: Tz,
    delta: Rollup,
    rebuild: bool,
}

impl Pending {
    pub(super) fn before(
        conn: &Connection,
        old_ids: &[i64],
        changed: usize,
        rebuild_above: usize,
    ) -> Result<Pending, StoreError> {
        let zone = zone_of(conn)?;
        let mut delta = Rollup::default();
        let rebuild = changed + old_ids.len() > rebuild_above;
        if !rebuild {
            delta.add_ids(conn, old_ids, -1, zone)?;
            // One statement for all: FTS5 flushes its pending terms at each statement's
            // savepoint, and one flush per row leaves segments to merge without end.
            conn.prepare_cached(
                "DELETE FROM cases_search WHERE rowid IN (SELECT value FROM json_each(?1))",
            )?
            .execute([serde_json::to_string(old_ids).unwrap_or_else(|_| "[]".into())])?;
        }
        Ok(Pending {
            zone,
            delta,
            rebuild,
        })
    }

    pub(super) fn after(mut self, conn: &Connection, new_ids: &[i64]) -> Result<(), StoreError> {
        if self.rebuild {
            return rebuild(conn);
        }
        self.delta.add_ids(conn, new_ids, 1, self.zone)?;
        // One statement for all (see `before`).
        conn.prepare_cached(&format!(
            "INSERT INTO cases_search(rowid, body) SELECT c.id, {SEARCH_BODY} FROM cases c
             WHERE c.id IN (SELECT value FROM json_each(?1))"
        ))?
        .execute([serde_json::to_string(new_ids).unwrap_or_else(|_| "[]".into())])?;
        self.delta.apply(conn)
    }
}
