//! Storing cases: only those that are new or changed are written, those a run no longer produces
//! are removed, and the dashboard's rollups and the search index follow.
//!
//! Cases arrive one at a time, as the engine hands them over, and are never all held:
//! [`StoredCases`] keeps the stored cases' keys and fingerprints (a run judges each row against
//! them on the cores that shape the rows, where unchanged rows are dropped), and the writer
//! keeps the changed cases not yet written.
//! While few changed, they wait and are written at the end with the views kept by delta. Once
//! more than [`REBUILD_ABOVE`] changed (a first run, a change of zone), they are written in
//! blocks as they come and the views are rebuilt once at the end; a first run also builds the
//! secondary indexes once at the end instead of row by row.
//!
//! A line is never in two cases (`case_lines.line_id` is UNIQUE): before a case is written, its
//! lines leave the stored case it replaces and, in a block, any other stored case that held
//! them (one rewritten in a later block or removed at the end). A whole run then checks that
//! the stored rows are exactly the lines its cases hold, so a line given to two cases can never
//! be taken quietly from one of them.

use super::derived::{self, REBUILD_ABOVE};
use super::shape::Prepared;
use crate::reconcile::FastMap;
use crate::store::StoreError;
use rusqlite::{params, OptionalExtension, Transaction};
use std::sync::atomic::{AtomicBool, Ordering};

/// A stored case a run may replace or remove.
struct Stored {
    id: i64,
    fingerprint: u128,
    /// The stored `time_edge` (a workspace older than the column has none yet).
    time_edge: Option<i64>,
    /// This run produced a case with its key.
    seen: AtomicBool,
}

/// The stored cases a run may replace or remove, by key. Read-only but for the `seen` marks, so
/// the cores that build and shape the cases can tell which are stored as they are (and drop
/// them there) while the writer takes the others.
pub(crate) struct StoredCases {
    by_key: FastMap<Box<str>, Stored>,
    /// Every stored case (a whole run), not only some (a partial recompute).
    whole: bool,
}

/// A case of the run, judged against the stored one with its key.
pub(crate) enum Judged {
    /// Stored as it is: nothing to write (the row was dropped), its lines counted; its
    /// `time_edge` set where the stored one differs (`(case id, edge)`).
    Unchanged {
        lines: usize,
        edge: Option<(i64, Option<i64>)>,
    },
    /// New or changed, with the id of the stored case it replaces.
    Changed {
        row: Box<Prepared>,
        replaces: Option<i64>,
    },
}

impl StoredCases {
    /// Every stored case: a whole run may replace or remove any of them.
    pub(crate) fn all(tx: &Transaction<'_>) -> Result<StoredCases, StoreError> {
        let mut by_key = FastMap::default();
        let mut stmt = tx.prepare("SELECT case_key, id, fingerprint, time_edge FROM cases")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let key: String = r.get(0)?;
            by_key.insert(
                key.into_boxed_str(),
                Self::stored(r.get(1)?, r.get_ref(2)?, r.get(3)?),
            );
        }
        Ok(StoredCases {
            by_key,
            whole: true,
        })
    }

    /// For a partial recompute: only the stored cases `keys` may be replaced or removed (the
    /// cases written replace those with their keys too).
    pub(crate) fn only(
        tx: &Transaction<'_>,
        keys: &mut dyn Iterator<Item = &str>,
    ) -> Result<StoredCases, StoreError> {
        let mut by_key = FastMap::default();
        let mut stmt =
            tx.prepare_cached("SELECT id, fingerprint, time_edge FROM cases WHERE case_key = ?1")?;
        for key in keys {
            if let Some(s) = stmt
                .query_row([key], |r| {
                    Ok(Self::stored(r.get(0)?, r.get_ref(1)?, r.get(2)?))
                })
                .optional()?
            {
                by_key.insert(key.into(), s);
            }
        }
        Ok(StoredCases {
            by_key,
            whole: false,
        })
    }

    fn stored(
        id: i64,
        fingerprint: rusqlite::types::ValueRef<'_>,
        time_edge: Option<i64>,
    ) -> Stored {
        Stored {
            id,
            time_edge,
            fingerprint: fingerprint
                .as_str()
                .ok()
                .and_then(parse_fingerprint)
                // Unreadable: never counts as unchanged (see `judge`).
                .unwrap_or(u128::MAX),
            seen: AtomicBool::new(false),
        }
    }

    /// Marks the stored case with the row's key as produced by this run, and says whether the
    /// row must be written. Safe to call from several threads (each key comes once per run).
    pub(crate) fn judge(&self, row: Prepared) -> Judged {
        let replaces = match self.by_key.get(row.row.case_key.as_str()) {
            Some(s) => {
                s.seen.store(true, Ordering::Relaxed);
                if s.fingerprint == row.fingerprint && s.fingerprint != u128::MAX {
                    return Judged::Unchanged {
                        lines: row.line_ids.len(),
                        edge: (s.time_edge != row.time_edge).then_some((s.id, row.time_edge)),
                    };
                }
                Some(s.id)
            }
            None => None,
        };
        Judged::Changed {
            row: Box::new(row),
            replaces,
        }
    }
}

pub(crate) struct CaseWriter<'t, 'c, 's> {
    tx: &'t Transaction<'c>,
    run_id: i64,
    stored: &'s StoredCases,
    /// Changed cases not written yet, with the id of the stored case each replaces.
    pending: Vec<(Prepared, Option<i64>)>,
    /// Writing in blocks: the secondary indexes set aside (to create again at the end).
    bulk: Option<Vec<String>>,
    /// A whole run into an empty table: its indexes are built once, after the writes.
    first_run: bool,
    /// For a whole run: the lines its cases hold, counted as they pass.
    lines_held: Option<u64>,
    written: u64,
    /// Above this many changed cases, write in blocks and rebuild the views once.
    rebuild_above: usize,
}

/// A stored fingerprint (hex) as a number; an unreadable one never equals a new case's.
fn parse_fingerprint(hex: &str) -> Option<u128> {
    u128::from_str_radix(hex, 16).ok()
}

impl<'t, 'c, 's> CaseWriter<'t, 'c, 's> {
    pub(crate) fn new(tx: &'t Transaction<'c>, run_id: i64, stored: &'s StoredCases) -> Self {
        CaseWriter {
            tx,
            run_id,
            stored,
            pending: Vec::new(),
            bulk: None,
            first_run: stored.whole && stored.by_key.is_empty(),
            lines_held: stored.whole.then_some(0),
            written: 0,
            rebuild_above: REBUILD_ABOVE,
        }
    }

    /// Keeps the views by delta up to `n` changed cases (a partial run in a large workspace,
    /// where rebuilding them would cost more than the run).
    pub(crate) fn rebuild_above(mut self, n: usize) -> Self {
        self.rebuild_above = n.max(REBUILD_ABOVE);
        self
    }

    /// Takes one case of the run: nothing happens if it is stored as it is.
    pub(crate) fn push(&mut self, p: Prepared) -> Result<(), StoreError> {
        let judged = self.stored.judge(p);
        self.take(judged)
    }

    /// Takes a case already judged (on another thread).
    pub(crate) fn take(&mut self, judged: Judged) -> Result<(), StoreError> {
        let lines = match &judged {
            Judged::Unchanged { lines, edge } => {
                if let Some((id, edge)) = edge {
                    self.tx
                        .prepare_cached("UPDATE cases SET time_edge = ?1 WHERE id = ?2")?
                        .execute(params![edge, id])?;
                }
                *lines
            }
            Judged::Changed { row, .. } => row.line_ids.len(),
        };
        if let Some(n) = &mut self.lines_held {
            *n += lines as u64;
        }
        let Judged::Changed { row, replaces } = judged else {
            return Ok(());
        };
        self.pending.push((*row, replaces));
        if self.pending.len() > self.rebuild_above {
            self.write_block()?;
        }
        Ok(())
    }

    /// Writes what waits, in bulk mode (entered on the first call).
    fn write_block(&mut self) -> Result<(), StoreError> {
        let tx = self.tx;
        if self.bulk.is_none() {
            // A first run writes every case: its secondary indexes are built once at the end
            // (the UNIQUE ones stay: the writes rely on them).
            self.bulk = Some(if self.first_run {
                set_aside_indexes(tx, &["cases", "case_lines"])?
            } else {
                Vec::new()
            });
        }
        let block = std::mem::take(&mut self.pending);
        {
            let mut leave_case = tx.prepare_cached("DELETE FROM case_lines WHERE case_id = ?1")?;
            let mut leave_line = tx.prepare_cached("DELETE FROM case_lines WHERE line_id = ?1")?;
            // Lines may sit in stored cases written later or removed at the end.
            let moving = !self.stored.by_key.is_empty();
            for (p, replaces) in &block {
                if let Some(id) = replaces {
                    leave_case.execute([id])?;
                }
                if moving {
                    for line in &p.line_ids {
                        leave_line.execute([line])?;
                    }
                }
            }
        }
        self.insert(&block)?;
        Ok(())
    }

    /// Writes the cases and their lines; returns their ids.
    fn insert(&mut self, cases: &[(Prepared, Option<i64>)]) -> Result<Vec<i64>, StoreError> {
        let tx = self.tx;
        let mut upsert = tx.prepare_cached(
            "INSERT INTO cases(case_key, run_id, status, engine_status, rule, state, order_id,
                order_ref, shop_order_id, settlement_refs, matched_keys, order_total, paid_amount,
                difference, currency, fee_total, tax_total, net_settled, settlement_currency, psp,
                payment_method, order_created_at, paid_at, voucher_expires_at, settled_at,
                shop_status, customer, decided_by, explanation, sort_amount, event_utc, period,
                fingerprint, time_edge)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33,
                ?34)
             ON CONFLICT(case_key) DO UPDATE SET run_id = excluded.run_id,
                status = excluded.status, engine_status = excluded.engine_status,
                rule = excluded.rule, state = excluded.state, order_id = excluded.order_id,
                order_ref = excluded.order_ref, shop_order_id = excluded.shop_order_id,
                settlement_refs = excluded.settlement_refs, matched_keys = excluded.matched_keys,
                order_total = excluded.order_total, paid_amount = excluded.paid_amount,
                difference = excluded.difference, currency = excluded.currency,
                fee_total = excluded.fee_total, tax_total = excluded.tax_total,
                net_settled = excluded.net_settled,
                settlement_currency = excluded.settlement_currency, psp = excluded.psp,
                payment_method = excluded.payment_method,
                order_created_at = excluded.order_created_at, paid_at = excluded.paid_at,
                voucher_expires_at = excluded.voucher_expires_at,
                settled_at = excluded.settled_at, shop_status = excluded.shop_status,
                customer = excluded.customer, decided_by = excluded.decided_by,
                explanation = excluded.explanation, sort_amount = excluded.sort_amount,
                event_utc = excluded.event_utc, period = excluded.period,
                fingerprint = excluded.fingerprint, time_edge = excluded.time_edge
             RETURNING id",
        )?;
        let mut add_line =
            tx.prepare_cached("INSERT INTO case_lines(case_id, line_id) VALUES (?1, ?2)")?;
        let mut ids = Vec::with_capacity(cases.len());
        for (p, _) in cases {
            let r = &p.row;
            let id: i64 = upsert.query_row(
                params![
                    r.case_key,
                    self.run_id,
                    r.status,
                    r.engine_status,
                    r.rule,
                    r.state,
                    r.order_id,
                    r.order_ref,
                    r.shop_order_id,
                    r.settlement_refs,
                    r.matched_keys,
                    r.order_total,
                    r.paid_amount,
                    r.difference,
                    r.currency,
                    r.fee_total,
                    r.tax_total,
                    r.net_settled,
                    r.settlement_currency,
                    r.psp,
                    r.payment_method,
                    r.order_created_at,
                    r.paid_at,
                    r.voucher_expires_at,
                    r.settled_at,
                    r.shop_status,
                    r.customer,
                    r.decided_by,
                    r.explanation.to_json(),
                    p.sort_amount,
                    p.event_utc,
                    r.period,
                    format!("{:032x}", p.fingerprint),
                    p.time_edge,
                ],
                |row| row.get(0),
            )?;
            for line in &p.line_ids {
                add_line.execute(params![id, line])?;
            }
            ids.push(id);
        }
        self.written += cases.len() as u64;
        Ok(ids)
    }

    /// Writes what is left, removes the stored cases this run did not produce, and brings the
    /// views up to date; returns how many cases were written and removed.
    pub(crate) fn finish(mut self) -> Result<(u64, u64), StoreError> {
        let tx = self.tx;
        let vanished: Vec<i64> = self
            .stored
            .by_key
            .values()
            .filter(|s| !s.seen.load(Ordering::Relaxed))
            .map(|s| s.id)
            .collect();
        let remove = |ids: &[i64]| -> Result<(), StoreError> {
            let mut leave = tx.prepare_cached("DELETE FROM case_lines WHERE case_id = ?1")?;
            let mut drop_case = tx.prepare_cached("DELETE FROM cases WHERE id = ?1")?;
            for id in ids {
                leave.execute([id])?;
                drop_case.execute([id])?;
            }
            Ok(())
        };
        if self.bulk.is_some() {
            self.write_block()?;
            remove(&vanished)?;
            for sql in self.bulk.take().unwrap_or_default() {
                tx.execute_batch(&sql)?;
            }
            derived::rebuild(tx)?;
        } else {
            let pending = std::mem::take(&mut self.pending);
            let replaced: Vec<i64> = pending.iter().filter_map(|(_, id)| *id).collect();
            let old_ids: Vec<i64> = replaced.iter().chain(&vanished).copied().collect();
            let views = derived::Pending::before(tx, &old_ids, pending.len(), self.rebuild_above)?;
            {
                let mut leave = tx.prepare_cached("DELETE FROM case_lines WHERE case_id = ?1")?;
                for id in &replaced {
                    leave.execute([id])?;
                }
            }
            remove(&vanished)?;
            let new_ids = self.insert(&pending)?;
            views.after(tx, &new_ids)?;
        }
        if let Some(held) = self.lines_held {
            let stored: i64 = tx.query_row("SELECT COUNT(*) FROM case_lines", [], |r| r.get(0))?;
            if stored != held as i64 {
                return Err(StoreError::LinesNotPartitioned {
                    held: held as i64,
                    stored,
                });
            }
        }
        Ok((self.written, vanished.len() as u64))
    }
}

/// Drops the secondary indexes of `tables` that can be dropped (not those behind UNIQUE
/// constraints) and returns the statements that create them again.
fn set_aside_indexes(tx: &Transaction<'_>, tables: &[&str]) -> Result<Vec<String>, StoreError> {
    let mut saved: Vec<(String, String)> = Vec::new();
    {
        let mut stmt = tx.prepare(
            "SELECT name, sql FROM sqlite_master
             WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = ?1 ORDER BY name",
        )?;
        for table in tables {
            let rows = stmt.query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?;
            for row in rows {
                saved.push(row?);
            }
        }
    }
    for (name, _) in &saved {
        tx.execute_batch(&format!("DROP INDEX \"{name}\";"))?;
    }
    Ok(saved
        .into_iter()
        .map(|(_, sql)| format!("{sql};"))
        .collect())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::cases::CaseRow;
    use crate::ingest::{import_bytes, BadRowPolicy, ImportOptions};
    use crate::store::Workspace;

    fn workspace() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::open(&dir.path().join("cuadra.db")).unwrap();
        let opts = ImportOptions {
            profile: None,
            dry_run: false,
            bad_rows: BadRowPolicy::RejectFile,
            actor: "test".into(),
            now: chrono::Utc::now(),
        };
        let bytes = include_bytes!("../../tests/fixtures/dlocal_crossborder_co.csv");
        import_bytes(&mut ws, "dlocal.csv", "dlocal.csv", bytes, &opts).unwrap();
        ws.run_reconciliation(chrono::Utc::now(), "test", chrono::Utc::now())
            .unwrap();
        (dir, ws)
    }

    fn case(key: String, line_ids: Vec<i64>) -> Prepared {
        Prepared {
            row: CaseRow {
                case_key: key,
                status: "unmatched_settlement".into(),
                engine_status: "unmatched_settlement".into(),
                rule: "no_order".into(),
                state: "open".into(),
                decided_by: "cuadra".into(),
                ..CaseRow::default()
            },
            line_ids,
            sort_amount: None,
            event_utc: None,
            time_edge: None,
            fingerprint: 1,
        }
    }

    /// A whole run whose cases would give one line to two cases (an engine fault) stores
    /// nothing: a few such cases fail on `case_lines`' UNIQUE line, and in blocks, where the
    /// line is moved rather than refused, the final count of lines catches it.
    #[test]
    fn a_line_given_to_two_cases_is_refused_in_blocks_too() {
        for extra in [0, REBUILD_ABOVE + 10] {
            let (_dir, mut ws) = workspace();
            let count = |ws: &Workspace, table: &str| -> i64 {
                ws.conn()
                    .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
                    .unwrap()
            };
            let before = (count(&ws, "cases"), count(&ws, "case_lines"));
            let line: i64 = ws
                .conn()
                .query_row("SELECT MIN(id) FROM settlement_lines", [], |r| r.get(0))
                .unwrap();
            let tx = ws.conn_mut().transaction().unwrap();
            let stored = StoredCases::all(&tx).unwrap();
            let mut writer = CaseWriter::new(&tx, 1, &stored);
            writer.push(case("a:first".into(), vec![line])).unwrap();
            for i in 0..extra {
                writer.push(case(format!("b:{i:06}"), Vec::new())).unwrap();
            }
            let pushed = writer.push(case("c:second".into(), vec![line]));
            let err = match pushed {
                Err(e) => e,
                Ok(()) => writer.finish().unwrap_err(),
            };
            let text = err.to_string();
            if extra == 0 {
                assert!(text.contains("UNIQUE"), "{text}");
            } else {
                assert!(
                    matches!(err, StoreError::LinesNotPartitioned { held: 2, stored: 1 }),
                    "{err:?}"
                );
                assert!(text.contains("would sit in two cases"), "{text}");
            }
            drop(tx);
            assert_eq!((count(&ws, "cases"), count(&ws, "case_lines")), before);
        }
    }
}
