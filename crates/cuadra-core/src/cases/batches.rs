//! Settlement batches and the lines that make them up: what a reconciliation run books a
//! batch's difference against and what the monthly summary ties out, computed one way for both;
//! and the cases a run makes of batches that do not add up (`batch_cases`).
//!
//! A batch is its PSP's reference (a re-imported or re-downloaded file repeats it: the first
//! summary row with a total counts, and its lines are those of every file, stored once, with
//! the lines of a file whose summary rows all repeat that one reference); without a reference,
//! its file (again the first summary row with a total: a block may repeat it as HEADER and
//! TOTAL).

use super::decisions::Reopening;
use super::shape::{
    day, fingerprint, membership, resolved_by, same_judgement, LastDecision, Prepared,
};
use super::{CaseRow, CaseState};
use crate::audit::event_time;
use crate::msg;
use crate::store::StoreError;
use crate::time::Moment;
use crate::words::reconcile::*;
use crate::words::{Arg, Join};
use chrono::{DateTime, SecondsFormat, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// One batch with a file total, and the lines that belong to it.
#[derive(Clone, Debug)]
pub(crate) struct BatchTotal {
    pub file_id: i64,
    pub psp: String,
    pub batch_ref: Option<String>,
    pub currency: Option<String>,
    /// The file's own net total, as written (not yet parsed).
    pub net_total: String,
    /// The file's own item count, gross and fee totals, where its summary states them.
    pub items: Option<i64>,
    pub gross_total: Option<String>,
    pub fee_total: Option<String>,
    pub transfer_date: Option<String>,
    /// The name of the file whose summary counts.
    pub file: String,
    /// The sums of the lines' net, gross and fee amounts (a line without one adds nothing).
    pub lines_net: Decimal,
    pub lines_gross: Decimal,
    pub lines_fee: Decimal,
    pub lines: i64,
    /// Rows the batch's file lists that are already lines of another batch (same PSP id, other
    /// reference: kept as conflicting versions, never as lines): their ids and sums.
    pub relisted: Vec<String>,
    pub relisted_net: Decimal,
    pub relisted_gross: Decimal,
    pub relisted_fee: Decimal,
    /// A batch that is its file: the rows the file listed at import and their net (they, not
    /// the lines it happened to add, are what its total is about).
    pub file_rows: Option<(i64, Decimal)>,
}

/// One figure of a batch's summary the lines do not add up to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Off {
    /// The summary's item count, and the lines found.
    Items { stated: i64, lines: i64 },
    /// Rows of the batch already settled in another batch (their PSP ids): the summary adds up
    /// only with them, so the money may have been settled twice.
    Relisted(Vec<String>),
    /// An amount (`gross`, `fee` or `net`): stated, the lines' sum.
    Amount {
        what: &'static str,
        stated: Decimal,
        lines: Decimal,
    },
}

/// How a batch's lines compare with its summary.
#[derive(Clone, Debug)]
pub(crate) struct BatchCheck {
    /// What does not add up beyond rounding: lines missing, cut or forged.
    pub off: Vec<Off>,
    /// The file's net total minus the lines' net sum.
    pub net_diff: Decimal,
    /// The file's net total, parsed.
    pub net_total: Decimal,
}

impl BatchCheck {
    /// Within rounding everywhere, with a net difference to book as rounding.
    pub fn is_rounding(&self) -> bool {
        self.off.is_empty() && !self.net_diff.is_zero()
    }
}

impl BatchTotal {
    /// Compares the lines with every figure the summary states: the item count exactly, and
    /// each amount up to half a minor unit per line (the summary rounds each line's 6-decimal
    /// amount, so rounding can add up to that much; beyond it, lines are missing or wrong).
    /// `None` when the stated net total cannot be read.
    pub fn check(&self) -> Option<BatchCheck> {
        let net_total = self.net_total.trim().parse::<Decimal>().ok()?;
        let cur = self.currency.clone().unwrap_or_default();
        let minor = Decimal::new(1, crate::money::currency_scale(&cur));
        // A row the file lists again from another batch is one of its rows: the summary
        // counts it, so the comparison does too, and says so.
        let rows = self.lines + self.relisted.len() as i64;
        let slack = minor / Decimal::from(2) * Decimal::from(rows.max(1));
        let mut off = Vec::new();
        if !self.relisted.is_empty() {
            off.push(Off::Relisted(self.relisted.clone()));
        }
        if let Some(stated) = self.items.filter(|n| *n != rows) {
            off.push(Off::Items {
                stated,
                lines: rows,
            });
        }
        let amounts = [
            (
                "gross",
                self.gross_total.as_deref(),
                self.lines_gross + self.relisted_gross,
            ),
            (
                "fee",
                self.fee_total.as_deref(),
                self.lines_fee + self.relisted_fee,
            ),
            (
                "net",
                Some(self.net_total.as_str()),
                self.lines_net + self.relisted_net,
            ),
        ];
        for (what, stated, lines) in amounts {
            let Some(stated) = stated.and_then(|t| t.trim().parse::<Decimal>().ok()) else {
                continue;
            };
            if (stated - lines).abs() > slack {
                off.push(Off::Amount {
                    what,
                    stated,
                    lines,
                });
            }
        }
        Some(BatchCheck {
            off,
            net_diff: net_total - self.lines_net,
            net_total,
        })
    }

    /// The key of the `settlement_charge` case a run books the batch's difference in.
    pub fn case_key(&self) -> String {
        match &self.batch_ref {
            Some(r) => format!("batch:{}:{r}:rounding", self.psp),
            None => format!("batch:{}:file{}:rounding", self.psp, self.file_id),
        }
    }
}

/// Some batches, not all: those a partial run must judge again (see `cases::incremental`).
#[derive(Clone, Debug, Default)]
pub(crate) struct BatchScope {
    /// Named batches, by PSP and reference.
    pub named: std::collections::HashSet<(String, String)>,
    /// Files: their batches without a reference, and their lines.
    pub files: std::collections::HashSet<i64>,
}

impl BatchScope {
    fn holds(&self, b: &BatchTotal) -> bool {
        match &b.batch_ref {
            Some(r) => self.named.contains(&(b.psp.clone(), r.clone())),
            None => self.files.contains(&b.file_id),
        }
    }
}

/// Every batch with a file total, in import order, with its lines summed in one pass over the
/// lines (a query per batch would read them all once per batch).
pub(crate) fn batch_totals(conn: &Connection) -> rusqlite::Result<Vec<BatchTotal>> {
    batch_totals_in(conn, None)
}

/// [`batch_totals`] of the batches in `scope` only (all when `None`): their lines are read by
/// batch and by file instead of all of them.
pub(crate) fn batch_totals_in(
    conn: &Connection,
    scope: Option<&BatchScope>,
) -> rusqlite::Result<Vec<BatchTotal>> {
    let mut batches: Vec<BatchTotal> = {
        let mut stmt = conn.prepare(
            "SELECT b.file_id, b.psp, b.batch_ref, b.currency, b.net_total, b.transfer_date,
                f.name, b.items, b.gross_total, b.fee_total, b.file_rows, b.file_rows_net
             FROM settlement_batches b JOIN imported_files f ON f.id = b.file_id
             WHERE b.net_total IS NOT NULL
               AND ((b.batch_ref IS NULL AND b.id = (SELECT MIN(b2.id) FROM settlement_batches b2
                       WHERE b2.file_id = b.file_id AND b2.batch_ref IS NULL
                         AND b2.net_total IS NOT NULL))
                    OR b.id = (SELECT MIN(b2.id) FROM settlement_batches b2
                       WHERE b2.psp = b.psp AND b2.batch_ref = b.batch_ref
                         AND b2.net_total IS NOT NULL))
             ORDER BY b.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(BatchTotal {
                file_id: r.get(0)?,
                psp: r.get(1)?,
                batch_ref: r.get(2)?,
                currency: r.get(3)?,
                net_total: r.get(4)?,
                transfer_date: r.get(5)?,
                file: r.get(6)?,
                items: r.get(7)?,
                gross_total: r.get(8)?,
                fee_total: r.get(9)?,
                lines_net: Decimal::ZERO,
                lines_gross: Decimal::ZERO,
                lines_fee: Decimal::ZERO,
                lines: 0,
                relisted: Vec::new(),
                relisted_net: Decimal::ZERO,
                relisted_gross: Decimal::ZERO,
                relisted_fee: Decimal::ZERO,
                file_rows: match (
                    r.get::<_, Option<i64>>(10)?,
                    r.get::<_, Option<String>>(11)?,
                ) {
                    (Some(n), Some(net)) => net.trim().parse().ok().map(|net| (n, net)),
                    _ => None,
                },
            })
        })?;
        rows.collect::<Result<_, _>>()?
    };
    if let Some(scope) = scope {
        batches.retain(|b| scope.holds(b));
    }
    if batches.is_empty() {
        return Ok(batches);
    }
    // A named batch holds every line of its PSP and reference (`named`: PSP -> reference ->
    // batch), a batch without a reference every line of its file (`by_file`).
    let mut named: HashMap<String, HashMap<String, usize>> = HashMap::new();
    let mut by_file: HashMap<i64, usize> = HashMap::new();
    for (i, b) in batches.iter().enumerate() {
        match &b.batch_ref {
            Some(r) => {
                named.entry(b.psp.clone()).or_default().insert(r.clone(), i);
            }
            None => {
                by_file.insert(b.file_id, i);
            }
        }
    }
    // A file whose summary rows all name one reference (HEADER and TOTAL repeating it) leaves
    // its lines without one at import (several summary rows): they are that batch's lines.
    let mut file_named: HashMap<i64, usize> = HashMap::new();
    {
        let mut stmt = conn.prepare(
            "SELECT file_id, psp, MIN(batch_ref) FROM settlement_batches GROUP BY file_id, psp
             HAVING COUNT(*) > 1 AND COUNT(batch_ref) = COUNT(*)
                AND COUNT(DISTINCT batch_ref) = 1",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (file_id, psp, batch): (i64, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            if let Some(&i) = named.get(&psp).and_then(|refs| refs.get(&batch)) {
                file_named.insert(file_id, i);
            }
        }
    }
    // The lines: all of them, or those of the batches' references and files (each once).
    let sql = "SELECT psp, batch_ref, file_id, net_amount, gross_amount, fee_amount, id
               FROM settlement_lines";
    let mut queries: Vec<(String, Vec<rusqlite::types::Value>)> = Vec::new();
    match scope {
        None => queries.push((sql.to_string(), Vec::new())),
        Some(_) => {
            let mut files: Vec<i64> = by_file.keys().chain(file_named.keys()).copied().collect();
            files.sort_unstable();
            files.dedup();
            for f in files {
                queries.push((format!("{sql} WHERE file_id = ?1"), vec![f.into()]));
            }
            for (psp, refs) in &named {
                for r in refs.keys() {
                    queries.push((
                        format!("{sql} WHERE psp = ?1 AND batch_ref = ?2"),
                        vec![psp.clone().into(), r.clone().into()],
                    ));
                }
            }
        }
    }
    let mut seen: std::collections::HashSet<i64> = std::collections::HashSet::new();
    for (sql, params) in &queries {
        let mut stmt = conn.prepare_cached(sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
        while let Some(r) = rows.next()? {
            if scope.is_some() && !seen.insert(r.get(6)?) {
                continue;
            }
            let amount = |i: usize| -> rusqlite::Result<Decimal> {
                Ok(r.get_ref(i)?
                    .as_str_or_null()
                    .ok()
                    .flatten()
                    .and_then(|t| t.trim().parse::<Decimal>().ok())
                    .unwrap_or_default())
            };
            let (net, gross, fee) = (amount(3)?, amount(4)?, amount(5)?);
            let mut into = |i: usize| {
                let b = &mut batches[i];
                b.lines += 1;
                b.lines_net += net;
                b.lines_gross += gross;
                b.lines_fee += fee;
            };
            let file_id: i64 = r.get(2)?;
            match (
                r.get_ref(0)?.as_str_or_null().ok().flatten(),
                r.get_ref(1)?.as_str_or_null().ok().flatten(),
            ) {
                (Some(psp), Some(batch)) => {
                    if let Some(&i) = named.get(psp).and_then(|refs| refs.get(batch)) {
                        into(i);
                    }
                }
                (_, None) => {
                    if let Some(&i) = file_named.get(&file_id) {
                        into(i);
                    }
                }
                (None, Some(_)) => {}
            }
            if let Some(&i) = by_file.get(&file_id) {
                into(i);
            }
        }
    }
    // Rows a file lists under its batch that were already lines of another batch: stored as
    // conflicting versions of those lines (their content names this batch).
    let mut stmt = conn.prepare(
        "SELECT c.line_json, l.batch_ref FROM line_conflicts c
         JOIN settlement_lines l ON l.id = c.line_id ORDER BY c.id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let json: String = r.get(0)?;
        let stored_batch: Option<String> = r.get(1)?;
        let Ok(version) = serde_json::from_str::<crate::model::SettlementLine>(&json) else {
            continue;
        };
        let (Some(batch), Some(id)) = (&version.batch_ref, &version.psp_txn_id) else {
            continue;
        };
        if stored_batch.as_ref() == Some(batch) {
            continue; // a changed row of the same batch, not a row of another one
        }
        if let Some(&i) = named.get(&version.psp).and_then(|refs| refs.get(batch)) {
            let b = &mut batches[i];
            if !b.relisted.contains(id) {
                b.relisted.push(id.clone());
                b.relisted_net += version.net_amount.unwrap_or_default();
                b.relisted_gross += version.gross_amount.unwrap_or_default();
                b.relisted_fee += version.fee_amount.unwrap_or_default();
            }
        }
    }
    for b in &mut batches {
        if let Some((n, net)) = b.file_rows {
            b.lines = n;
            b.lines_net = net;
        }
    }
    Ok(batches)
}

/// One case per settlement batch whose lines do not add up to the file's own summary (every
/// figure it states: item count, gross, fees, net; see `BatchTotal::check`). Within rounding,
/// the net difference is booked as a `settlement_charge` (`batch_rounding`), so lines +
/// booked difference = the file's total; beyond it (lines missing, cut or forged) the batch is
/// a `batch_mismatch` (`batch_total_differs`) for a person to chase, never booked away. A
/// resolution of either holds while the case is judged the same; otherwise it reopens.
pub(super) fn batch_cases(
    conn: &Connection,
    zone: Tz,
    decisions: &HashMap<String, LastDecision>,
    now: DateTime<Utc>,
    scope: Option<&BatchScope>,
) -> Result<(Vec<Prepared>, Vec<Reopening>), StoreError> {
    let mut out = Vec::new();
    let mut reopenings = Vec::new();
    for b in batch_totals_in(conn, scope)? {
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
        let (status, rule, explanation) = if check.off.is_empty() {
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
        let (state, decided_by, explanation) =
            decision_on(&key, status, explanation, decisions, now, &mut reopenings);
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
            time_edge: None,
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

/// A case without order or lines (a batch's, a payout's) under the last decision on its key: a
/// resolution holds while Cuadra judges it the same (state, who decided, the explanation saying
/// so); otherwise the case reopens, recorded in `reopenings`. Returns the state, who decided and
/// the explanation.
pub(super) fn decision_on(
    key: &str,
    status: &str,
    explanation: crate::words::Msg,
    decisions: &HashMap<String, LastDecision>,
    now: DateTime<Utc>,
    reopenings: &mut Vec<Reopening>,
) -> (CaseState, String, crate::words::Msg) {
    let Some(d) = decisions.get(key).filter(|d| d.state_after == "resolved") else {
        return (CaseState::Open, "cuadra".to_string(), explanation);
    };
    if same_judgement(&d.status_before, status) {
        let explanation = resolved_by(d.reason.as_deref(), &d.actor, &d.at, explanation);
        return (CaseState::Resolved, d.actor.clone(), explanation);
    }
    let why = msg!(REOPEN_JUDGED_AGAIN);
    let explanation = msg!(
        REOPENED_BY_BECAUSE,
        "cuadra",
        day(&event_time(now)),
        why.clone(),
        Arg::sentence(explanation)
    );
    reopenings.push(Reopening {
        key: key.to_string(),
        status: status.to_string(),
        membership: membership(None, &[]),
        reason: why.to_json(),
    });
    (CaseState::Open, "cuadra".to_string(), explanation)
}
