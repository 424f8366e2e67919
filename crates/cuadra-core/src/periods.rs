//! Closing and reopening accounting periods (`YYYY-MM`, the month of a case's settlement date in
//! the workspace zone). Closing locks the period's cases and records a seal; reopening needs a
//! reason. Both are audit events written in the same transaction as the period's record. This
//! module never changes a case: it only reads them to seal and to check the seal.
//!
//! # The seal
//! `seal = SHA-256("cuadra-period-seal-v1" || period || n || each case || head_seq || head_hash)`
//! over the period's cases ordered by `case_key` (byte order), each case as its `case_key`,
//! `status`, `state`, `fingerprint` and `decided_by`; every text is encoded as in the audit
//! chain's canonical bytes (tag, 8-byte big-endian length, UTF-8), `n` and `head_seq` as 8 bytes
//! big-endian. The head is the audit chain's last event before the close event, so the seal also
//! pins everything that happened before it. The sealed cases are kept (`period_seal_cases`), so
//! a later check names the cases that changed, not only that something did.

use crate::audit::{self, field_bytes, NewEvent, Verification, GENESIS};
use crate::msg;
use crate::store::{StoreError, Workspace};
use crate::words::Msg;
use chrono::{DateTime, Datelike, NaiveDate, SecondsFormat, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

#[derive(Debug, thiserror::Error)]
pub enum PeriodError {
    #[error("'{0}' is not a period: write it as YYYY-MM, like 2026-10")]
    NotAPeriod(String),
    #[error("period {period} has not ended yet (its last day is {last_day}, {zone} time): close it once it has ended")]
    NotEnded {
        period: String,
        last_day: NaiveDate,
        zone: String,
    },
    #[error("period {period} is already closed (sealed by {closed_by} on {closed_at}): nothing was changed. To change its cases, reopen it with a reason first")]
    AlreadyClosed {
        period: String,
        closed_by: String,
        closed_at: String,
    },
    #[error("period {0} is not closed, so there is nothing to reopen")]
    NotClosed(String),
    /// An act on a closed period's records (see [`ensure_period_open`]).
    #[error(
        "period {period} is closed (sealed by {closed_by} on {closed_at}); reopen it with a reason first: cuadra-cli period reopen {period} --reason TEXT"
    )]
    Closed {
        period: String,
        closed_by: String,
        closed_at: String,
    },
    #[error("period {0} was never closed, so it has no seal to check; close it first with cuadra-cli period close {0}")]
    NeverClosed(String),
    #[error("reopening period {0} needs a reason: say why in words, e.g. --reason \"late refund from the PSP\"")]
    ReasonRequired(String),
    #[error("the audit trail is broken at event {seq} ({}), so a seal over it would prove nothing; run cuadra-cli audit verify and restore the workspace from a backup", .why.render_inline(crate::words::Lang::En))]
    ChainBroken { seq: i64, why: Msg },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl PeriodError {
    /// What went wrong and what to do, in the reader's language (`Display` is the English of the
    /// CLI, which names its own commands).
    pub fn msg(&self) -> Msg {
        use words::*;
        match self {
            PeriodError::NotAPeriod(text) => msg!(NOT_A_PERIOD, text),
            PeriodError::NotEnded {
                period,
                last_day,
                zone,
            } => msg!(NOT_ENDED, period, last_day.to_string(), zone),
            PeriodError::AlreadyClosed {
                period,
                closed_by,
                closed_at,
            } => msg!(ALREADY_CLOSED, period, closed_by, closed_at),
            PeriodError::NotClosed(period) => msg!(NOT_CLOSED, period),
            PeriodError::Closed {
                period,
                closed_by,
                closed_at,
            } => msg!(
                crate::words::store::PERIOD_CLOSED,
                period,
                closed_by,
                closed_at
            ),
            PeriodError::NeverClosed(period) => msg!(NEVER_CLOSED, period),
            PeriodError::ReasonRequired(period) => msg!(REASON_REQUIRED, period),
            PeriodError::ChainBroken { seq, why } => msg!(CHAIN_BROKEN, *seq, why.clone()),
            PeriodError::Store(e) => e.msg(),
        }
    }
}

pub use crate::words::periods as words;

impl From<rusqlite::Error> for PeriodError {
    fn from(e: rusqlite::Error) -> Self {
        PeriodError::Store(StoreError::Sql(e))
    }
}

/// A period as `period list` shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PeriodInfo {
    pub period: String,
    /// `closed`, `open` (reopened after a close) or `never_closed`.
    pub state: String,
    /// Cases of the period now.
    pub cases: u64,
    /// The latest close: its seal, its case count, the chain head it sealed, who and when.
    pub seal: Option<String>,
    pub cases_at_close: Option<u64>,
    pub head_seq: Option<i64>,
    pub head_hash: Option<String>,
    pub closed_at: Option<String>,
    pub closed_by: Option<String>,
    pub close_seq: Option<i64>,
    pub reopened_at: Option<String>,
    pub reopened_by: Option<String>,
}

impl PeriodInfo {
    pub fn is_closed(&self) -> bool {
        self.state == "closed"
    }
}

/// What a close did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CloseReport {
    pub period: PeriodInfo,
    /// Cases of the period still open (not resolved) when it was closed.
    pub open_cases: u64,
    /// Cases of the period still to review when it was closed ([`crate::cases::Review`]).
    pub to_review: u64,
    pub audit_seq: i64,
}

/// The check of a closed period's seal against its cases now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SealCheck {
    pub period: String,
    pub state: String,
    pub closed_at: String,
    pub closed_by: String,
    /// The seal recorded at the latest close, and the seal the cases give now (same head).
    pub seal: String,
    pub current_seal: String,
    pub cases_at_close: u64,
    pub cases_now: u64,
    /// Case keys whose status, state, fingerprint or decider differ from the close.
    pub changed: Vec<String>,
    /// Case keys in the period now that were not sealed.
    pub added: Vec<String>,
    /// Sealed case keys no longer in the period.
    pub removed: Vec<String>,
    /// Disagreements between the seal's own records (the sealed cases, the close event, the
    /// recorded chain head): each one means a record was edited behind Cuadra's back.
    pub record_problems: Vec<String>,
    /// The whole audit chain (the close event is part of it).
    pub chain: Verification,
    /// Retention purges since the close (they remove cases of purged files, as recorded).
    pub purges_since_close: u64,
}

impl SealCheck {
    /// The period's cases are what was sealed.
    pub fn unchanged(&self) -> bool {
        self.seal == self.current_seal
    }

    /// Unchanged, with intact records and an intact chain.
    pub fn ok(&self) -> bool {
        self.unchanged() && self.record_problems.is_empty() && self.chain.ok()
    }
}

/// Checks a period's text: `YYYY-MM` with a real month.
pub fn parse_period(text: &str) -> Result<(i32, u32), PeriodError> {
    let bad = || PeriodError::NotAPeriod(text.to_string());
    let t = text.trim();
    let (y, m) = t.split_once('-').ok_or_else(bad)?;
    if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let (year, month) = (
        y.parse::<i32>().map_err(|_| bad())?,
        m.parse::<u32>().map_err(|_| bad())?,
    );
    if !(1..=12).contains(&month) || year < 1900 {
        return Err(bad());
    }
    Ok((year, month))
}

/// The last day of a `YYYY-MM` period.
pub fn period_last_day(period: &str) -> Result<NaiveDate, PeriodError> {
    let (year, month) = parse_period(period)?;
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .ok_or_else(|| PeriodError::NotAPeriod(period.to_string()))
}

/// The `YYYY-MM` period of a date.
pub fn period_of(date: NaiveDate) -> String {
    format!("{:04}-{:02}", date.year(), date.month())
}

/// Whether `period` is closed now (its cases are locked).
pub fn period_is_closed(conn: &Connection, period: &str) -> Result<bool, StoreError> {
    Ok(conn
        .prepare_cached("SELECT state = 'closed' FROM periods WHERE period = ?1")?
        .query_row([period], |r| r.get::<_, bool>(0))
        .optional()?
        .unwrap_or(false))
}

/// `Ok` when `period` is open; else the error to show (who sealed it and when, and what to do).
/// Acts on cases call it inside their transaction, before they change anything.
pub fn ensure_period_open(conn: &Connection, period: &str) -> Result<(), PeriodError> {
    let closed: Option<(String, String)> = conn
        .prepare_cached(
            "SELECT closed_by, closed_at FROM periods WHERE period = ?1 AND state = 'closed'",
        )?
        .query_row([period], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match closed {
        None => Ok(()),
        Some((closed_by, closed_at)) => Err(PeriodError::Closed {
            period: period.to_string(),
            closed_by,
            closed_at,
        }),
    }
}

/// One sealed case: key, status, state, fingerprint, decided_by.
type SealedCase = [String; 5];

fn cases_of(conn: &Connection, period: &str) -> Result<Vec<SealedCase>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT case_key, status, state, fingerprint, decided_by FROM cases
         WHERE period = ?1 ORDER BY case_key",
    )?;
    let rows = stmt.query_map([period], |r| {
        Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?])
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn seal_of(period: &str, cases: &[SealedCase], head_seq: i64, head_hash: &str) -> String {
    let mut h = Sha256::new();
    let mut buf = Vec::with_capacity(256);
    buf.extend_from_slice(b"cuadra-period-seal-v1");
    field_bytes(&mut buf, Some(period.as_bytes()));
    buf.extend_from_slice(&(cases.len() as u64).to_be_bytes());
    for case in cases {
        for f in case {
            field_bytes(&mut buf, Some(f.as_bytes()));
        }
        h.update(&buf);
        buf.clear();
    }
    buf.extend_from_slice(&head_seq.to_be_bytes());
    field_bytes(&mut buf, Some(head_hash.as_bytes()));
    h.update(&buf);
    hex::encode(h.finalize())
}

const PERIOD_COLUMNS: &str = "period, state, seal, cases, head_seq, head_hash, closed_at, \
    closed_by, close_seq, reopened_at, reopened_by";

fn period_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<PeriodInfo> {
    Ok(PeriodInfo {
        period: r.get(0)?,
        state: r.get(1)?,
        cases: 0,
        seal: r.get(2)?,
        cases_at_close: r.get::<_, Option<i64>>(3)?.map(|n| n as u64),
        head_seq: r.get(4)?,
        head_hash: r.get(5)?,
        closed_at: r.get(6)?,
        closed_by: r.get(7)?,
        close_seq: r.get(8)?,
        reopened_at: r.get(9)?,
        reopened_by: r.get(10)?,
    })
}

fn period_record(conn: &Connection, period: &str) -> Result<Option<PeriodInfo>, StoreError> {
    let info = conn
        .query_row(
            &format!("SELECT {PERIOD_COLUMNS} FROM periods WHERE period = ?1"),
            [period],
            period_from_row,
        )
        .optional()?;
    match info {
        None => Ok(None),
        Some(mut info) => {
            info.cases = case_count(conn, period)?;
            Ok(Some(info))
        }
    }
}

fn case_count(conn: &Connection, period: &str) -> Result<u64, StoreError> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM cases WHERE period = ?1",
        [period],
        |r| r.get(0),
    )?;
    Ok(n as u64)
}

/// Stored times of period records: UTC, whole seconds.
fn record_time(now: DateTime<Utc>) -> String {
    now.to_rfc3339_opts(SecondsFormat::Secs, true)
}

impl Workspace {
    /// Closes `period`: seals its cases and the audit chain head, records the seal, the sealed
    /// cases and a `period_close` event in one transaction. Refused when the period has not
    /// ended (in the workspace zone, at `now`), is already closed, or the chain is broken.
    pub fn close_period(
        &mut self,
        period: &str,
        actor: &str,
        now: DateTime<Utc>,
        note: Option<&str>,
    ) -> Result<CloseReport, PeriodError> {
        let period = period.trim();
        let last_day = period_last_day(period)?;
        let zone = self.zone()?;
        if now.with_timezone(&zone).date_naive() <= last_day {
            return Err(PeriodError::NotEnded {
                period: period.to_string(),
                last_day,
                zone: zone.name().to_string(),
            });
        }
        let chain = audit::verify(self.conn())?;
        if let Some((seq, why)) = chain.first_broken {
            return Err(PeriodError::ChainBroken { seq, why });
        }
        let tx = self
            .conn_mut()
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let previous = period_record(&tx, period)?;
        if let Some(p) = previous.as_ref().filter(|p| p.is_closed()) {
            return Err(PeriodError::AlreadyClosed {
                period: period.to_string(),
                closed_by: p.closed_by.clone().unwrap_or_default(),
                closed_at: p.closed_at.clone().unwrap_or_default(),
            });
        }
        let cases = cases_of(&tx, period)?;
        let open_cases = cases.iter().filter(|c| c[2] == "open").count() as u64;
        let to_review = cases
            .iter()
            .filter(|c| crate::cases::Review::of(&c[1], &c[2]) == crate::cases::Review::ToReview)
            .count() as u64;
        let (head_seq, head_hash) = audit::chain_head(&tx)?;
        let seal = seal_of(period, &cases, head_seq, &head_hash);
        let seq = audit::append(
            &tx,
            &NewEvent {
                at: now,
                actor: actor.to_string(),
                action: "period_close".into(),
                subject: format!("period:{period}"),
                before: previous.as_ref().map(|p| {
                    serde_json::json!({"state": p.state, "last_seal": p.seal}).to_string()
                }),
                after: Some(
                    serde_json::json!({
                        "state": "closed",
                        "seal": seal,
                        "cases": cases.len(),
                        "open_cases": open_cases,
                        "to_review": to_review,
                        "head_seq": head_seq,
                        "head_hash": head_hash,
                    })
                    .to_string(),
                ),
                reason: None,
                note: note.map(str::to_string).filter(|n| !n.trim().is_empty()),
            },
        )?;
        {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO period_seal_cases(close_seq, case_key, status, state, fingerprint,
                    decided_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for [key, status, state, fingerprint, decided_by] in &cases {
                stmt.execute(params![seq, key, status, state, fingerprint, decided_by])?;
            }
        }
        tx.execute(
            "INSERT INTO periods(period, state, seal, cases, head_seq, head_hash, closed_at,
                closed_by, close_seq)
             VALUES (?1, 'closed', ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT(period) DO UPDATE SET state = 'closed', seal = excluded.seal,
                cases = excluded.cases, head_seq = excluded.head_seq,
                head_hash = excluded.head_hash, closed_at = excluded.closed_at,
                closed_by = excluded.closed_by, close_seq = excluded.close_seq,
                reopened_at = NULL, reopened_by = NULL, reopen_seq = NULL",
            params![
                period,
                seal,
                cases.len() as i64,
                head_seq,
                head_hash,
                record_time(now),
                actor,
                seq
            ],
        )?;
        audit::crash_point("period_close");
        let info = period_record(&tx, period)?
            .ok_or_else(|| StoreError::BadQuery(msg!(words::RECORD_MISSING)))?;
        tx.commit()?;
        Ok(CloseReport {
            period: info,
            open_cases,
            to_review,
            audit_seq: seq,
        })
    }

    /// Reopens a closed period so its cases can be acted on again; `reason` is required. The
    /// seal of the close stays recorded (and checkable) until the next close.
    pub fn reopen_period(
        &mut self,
        period: &str,
        actor: &str,
        now: DateTime<Utc>,
        reason: &str,
    ) -> Result<PeriodInfo, PeriodError> {
        let period = period.trim();
        parse_period(period)?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(PeriodError::ReasonRequired(period.to_string()));
        }
        let tx = self
            .conn_mut()
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let Some(current) = period_record(&tx, period)?.filter(|p| p.is_closed()) else {
            return Err(PeriodError::NotClosed(period.to_string()));
        };
        let seq = audit::append(
            &tx,
            &NewEvent {
                at: now,
                actor: actor.to_string(),
                action: "period_reopen".into(),
                subject: format!("period:{period}"),
                before: Some(
                    serde_json::json!({
                        "state": "closed",
                        "seal": current.seal,
                        "closed_by": current.closed_by,
                        "closed_at": current.closed_at,
                    })
                    .to_string(),
                ),
                after: Some(r#"{"state":"open"}"#.into()),
                reason: Some(reason.to_string()),
                note: None,
            },
        )?;
        tx.execute(
            "UPDATE periods SET state = 'open', reopened_at = ?2, reopened_by = ?3, reopen_seq = ?4
             WHERE period = ?1",
            params![period, record_time(now), actor, seq],
        )?;
        audit::crash_point("period_reopen");
        let info = period_record(&tx, period)?
            .ok_or_else(|| StoreError::BadQuery(msg!(words::RECORD_MISSING)))?;
        tx.commit()?;
        Ok(info)
    }

    /// Every period that has cases or was ever closed, oldest first.
    pub fn periods(&self) -> Result<Vec<PeriodInfo>, StoreError> {
        let mut out: BTreeMap<String, PeriodInfo> = BTreeMap::new();
        let mut stmt = self
            .conn()
            .prepare(&format!("SELECT {PERIOD_COLUMNS} FROM periods"))?;
        for info in stmt.query_map([], period_from_row)? {
            let info = info?;
            out.insert(info.period.clone(), info);
        }
        let mut stmt = self.conn().prepare(
            "SELECT period, count(*) FROM cases WHERE period IS NOT NULL GROUP BY period",
        )?;
        let counts = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        for row in counts {
            let (period, n) = row?;
            out.entry(period.clone())
                .or_insert_with(|| PeriodInfo {
                    period,
                    state: "never_closed".into(),
                    cases: 0,
                    seal: None,
                    cases_at_close: None,
                    head_seq: None,
                    head_hash: None,
                    closed_at: None,
                    closed_by: None,
                    close_seq: None,
                    reopened_at: None,
                    reopened_by: None,
                })
                .cases = n as u64;
        }
        Ok(out.into_values().collect())
    }

    /// Recomputes the latest close's seal from the period's cases now (with the chain head it
    /// sealed) and compares them case by case with the sealed ones; also checks the seal's own
    /// records and the whole audit chain.
    pub fn verify_period_seal(&self, period: &str) -> Result<SealCheck, PeriodError> {
        let period = period.trim();
        parse_period(period)?;
        let conn = self.conn();
        let Some(info) = period_record(conn, period)? else {
            return Err(PeriodError::NeverClosed(period.to_string()));
        };
        let seal = info.seal.clone().unwrap_or_default();
        let head_seq = info.head_seq.unwrap_or_default();
        let head_hash = info.head_hash.clone().unwrap_or_default();
        let close_seq = info.close_seq.unwrap_or_default();
        let mut record_problems = Vec::new();

        let sealed: Vec<SealedCase> = {
            let mut stmt = conn.prepare(
                "SELECT case_key, status, state, fingerprint, decided_by FROM period_seal_cases
                 WHERE close_seq = ?1 ORDER BY case_key",
            )?;
            let rows = stmt.query_map([close_seq], |r| {
                Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?])
            })?;
            rows.collect::<Result<_, _>>()?
        };
        if seal_of(period, &sealed, head_seq, &head_hash) != seal {
            record_problems.push(format!(
                "the {} sealed cases recorded with the close no longer hash to the seal: the seal's records were edited",
                sealed.len()
            ));
        }
        if info.cases_at_close != Some(sealed.len() as u64) {
            record_problems.push(format!(
                "the period record says {} cases were sealed, the sealed cases are {}",
                info.cases_at_close.unwrap_or_default(),
                sealed.len()
            ));
        }
        let event = conn
            .query_row(
                &format!(
                    "SELECT {} FROM audit_events WHERE seq = ?1",
                    audit::EVENT_COLUMNS
                ),
                [close_seq],
                audit::read_event,
            )
            .optional()?;
        match event {
            None => record_problems.push(format!(
                "the close event {close_seq} is missing from the audit trail"
            )),
            Some(e) => {
                let after: serde_json::Value = e
                    .after
                    .as_deref()
                    .and_then(|a| serde_json::from_str(a).ok())
                    .unwrap_or_default();
                if e.action != "period_close"
                    || e.subject != format!("period:{period}")
                    || after["seal"].as_str() != Some(seal.as_str())
                    || after["head_seq"].as_i64() != Some(head_seq)
                    || after["head_hash"].as_str() != Some(head_hash.as_str())
                {
                    record_problems.push(format!(
                        "audit event {close_seq} does not record this close with this seal: the period record was edited"
                    ));
                }
            }
        }
        let head_ok = if head_seq == 0 {
            head_hash == GENESIS
        } else {
            conn.query_row(
                "SELECT hash FROM audit_events WHERE seq = ?1",
                [head_seq],
                |r| r.get::<_, String>(0),
            )
            .optional()?
                == Some(head_hash.clone())
        };
        if !head_ok {
            record_problems.push(format!(
                "the chain head sealed at close (event {head_seq}) is no longer in the audit trail as it was"
            ));
        }

        let now = cases_of(conn, period)?;
        let current_seal = seal_of(period, &now, head_seq, &head_hash);
        let sealed_by_key: BTreeMap<&str, &SealedCase> =
            sealed.iter().map(|c| (c[0].as_str(), c)).collect();
        let now_by_key: BTreeMap<&str, &SealedCase> =
            now.iter().map(|c| (c[0].as_str(), c)).collect();
        let mut changed = Vec::new();
        let mut added = Vec::new();
        for (key, case) in &now_by_key {
            match sealed_by_key.get(key) {
                None => added.push(key.to_string()),
                Some(was) if was != case => changed.push(key.to_string()),
                Some(_) => {}
            }
        }
        let removed = sealed_by_key
            .keys()
            .filter(|k| !now_by_key.contains_key(*k))
            .map(|k| k.to_string())
            .collect();
        let purges: i64 = conn.query_row(
            "SELECT count(*) FROM audit_events WHERE action = 'purge' AND seq > ?1",
            [close_seq],
            |r| r.get(0),
        )?;
        Ok(SealCheck {
            period: period.to_string(),
            state: info.state.clone(),
            closed_at: info.closed_at.clone().unwrap_or_default(),
            closed_by: info.closed_by.clone().unwrap_or_default(),
            seal,
            current_seal,
            cases_at_close: sealed.len() as u64,
            cases_now: now.len() as u64,
            changed,
            added,
            removed,
            record_problems,
            chain: audit::verify(conn)?,
            purges_since_close: purges as u64,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_checked_and_their_last_day_is_known() {
        assert_eq!(parse_period("2026-10").expect("ok"), (2026, 10));
        for bad in [
            "2026-13", "2026-00", "26-10", "2026/10", "2026-1", "abcd-10", "",
        ] {
            assert!(parse_period(bad).is_err(), "{bad} is not a period");
        }
        assert_eq!(
            period_last_day("2028-02").expect("leap"),
            NaiveDate::from_ymd_opt(2028, 2, 29).expect("date")
        );
        assert_eq!(
            period_last_day("2026-12").expect("december"),
            NaiveDate::from_ymd_opt(2026, 12, 31).expect("date")
        );
    }

    #[test]
    fn the_seal_depends_on_every_sealed_field_and_the_head() {
        let case = |s: &str| -> SealedCase {
            [
                "k1".into(),
                s.into(),
                "open".into(),
                "f".into(),
                "engine".into(),
            ]
        };
        let a = seal_of("2026-10", &[case("matched")], 3, GENESIS);
        assert_ne!(a, seal_of("2026-10", &[case("short_paid")], 3, GENESIS));
        assert_ne!(a, seal_of("2026-10", &[case("matched")], 4, GENESIS));
        assert_ne!(a, seal_of("2026-11", &[case("matched")], 3, GENESIS));
        assert_ne!(a, seal_of("2026-10", &[], 3, GENESIS));
    }
}
