//! The audit trail: every act on a workspace (imports, reconcile runs, decisions, setting
//! changes, exports, period closes, purges) as one append-only, hash-chained event.
//!
//! # The chain
//! Each event stores `prev_hash` (the previous event's `hash`; 64 zeros for the first) and
//! `hash = SHA-256(prev_hash as 32 raw bytes || canonical bytes)`. The canonical bytes are, in
//! this order, `seq` as 8 bytes big-endian, then each of `at`, `actor`, `action`, `subject`,
//! `before`, `after`, `reason`, `note` as a 1-byte tag (0 = NULL, 1 = text) followed, for text,
//! by its UTF-8 length as 8 bytes big-endian and the bytes. A third party can recompute it with
//! any SHA-256 tool (the audit bundle's README spells it out). Editing, inserting, deleting or
//! reordering any event breaks the chain at that event.
//!
//! Events are appended inside the caller's transaction, so an act and its record commit or
//! roll back together.

use crate::store::{StoreError, Workspace};
use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

/// The `prev_hash` of the first event.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// An act to record. `before`/`after` are JSON text (a state, a setting value, counts).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewEvent {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
    /// `case:<key>`, `order:<id>`, `line:<id>`, `file:<id>`, `setting:<key>`, `period:<YYYY-MM>`,
    /// `run:<id>`, `workspace`.
    pub subject: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub reason: Option<String>,
    pub note: Option<String>,
}

/// A recorded event.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct AuditEvent {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub reason: Option<String>,
    pub note: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

/// The time text stored for an event: UTC, microseconds, `Z`.
pub fn event_time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

fn field(buf: &mut Vec<u8>, value: Option<&str>) {
    match value {
        None => buf.push(0),
        Some(text) => {
            buf.push(1);
            buf.extend_from_slice(&(text.len() as u64).to_be_bytes());
            buf.extend_from_slice(text.as_bytes());
        }
    }
}

/// The canonical bytes of an event (see the module docs).
#[allow(clippy::too_many_arguments)]
pub fn canonical_bytes(
    seq: i64,
    at: &str,
    actor: &str,
    action: &str,
    subject: &str,
    before: Option<&str>,
    after: Option<&str>,
    reason: Option<&str>,
    note: Option<&str>,
) -> Vec<u8> {
    let mut buf = Vec::with_capacity(128);
    buf.extend_from_slice(&seq.to_be_bytes());
    for f in [Some(at), Some(actor), Some(action), Some(subject)] {
        field(&mut buf, f);
    }
    for f in [before, after, reason, note] {
        field(&mut buf, f);
    }
    buf
}

/// `SHA-256(prev_hash raw || canonical)`, as lowercase hex. `None` when `prev_hash` is not 64
/// hex digits (a damaged row).
pub fn chain_hash(prev_hash: &str, canonical: &[u8]) -> Option<String> {
    let mut prev = [0u8; 32];
    hex::decode_to_slice(prev_hash, &mut prev).ok()?;
    let mut h = Sha256::new();
    h.update(prev);
    h.update(canonical);
    Some(hex::encode(h.finalize()))
}

impl AuditEvent {
    /// This event's hash as it should be, from its own fields and `prev_hash`.
    pub fn expected_hash(&self) -> Option<String> {
        let bytes = canonical_bytes(
            self.seq,
            &self.at,
            &self.actor,
            &self.action,
            &self.subject,
            self.before.as_deref(),
            self.after.as_deref(),
            self.reason.as_deref(),
            self.note.as_deref(),
        );
        chain_hash(&self.prev_hash, &bytes)
    }
}

/// The last event's sequence number and hash (`(0, GENESIS)` for an empty trail).
pub fn chain_head(conn: &Connection) -> Result<(i64, String), StoreError> {
    Ok(conn
        .query_row(
            "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .unwrap_or_else(|| (0, GENESIS.to_string())))
}

/// Appends an event after the current head, on `conn` (call it inside the transaction of the
/// act it records). Returns the event's sequence number.
pub fn append(conn: &Connection, event: &NewEvent) -> Result<i64, StoreError> {
    let (head, prev_hash) = chain_head(conn)?;
    let seq = head + 1;
    let at = event_time(event.at);
    let bytes = canonical_bytes(
        seq,
        &at,
        &event.actor,
        &event.action,
        &event.subject,
        event.before.as_deref(),
        event.after.as_deref(),
        event.reason.as_deref(),
        event.note.as_deref(),
    );
    let hash = chain_hash(&prev_hash, &bytes).ok_or_else(|| StoreError::ChainBroken {
        seq: head,
        why: "its stored hash is not 64 hex digits".into(),
    })?;
    conn.prepare_cached(
        "INSERT INTO audit_events(seq, at, actor, action, subject, before, after, reason, note,
            prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        seq,
        at,
        event.actor,
        event.action,
        event.subject,
        event.before,
        event.after,
        event.reason,
        event.note,
        prev_hash,
        hash
    ])?;
    Ok(seq)
}

/// The result of checking the whole chain.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Verification {
    pub events: u64,
    pub head_seq: i64,
    pub head_hash: String,
    /// The first event that does not verify, and why; `None` when the chain is intact.
    pub first_broken: Option<(i64, String)>,
}

impl Verification {
    pub fn ok(&self) -> bool {
        self.first_broken.is_none()
    }
}

pub(crate) fn read_event(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEvent> {
    Ok(AuditEvent {
        seq: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        action: r.get(3)?,
        subject: r.get(4)?,
        before: r.get(5)?,
        after: r.get(6)?,
        reason: r.get(7)?,
        note: r.get(8)?,
        prev_hash: r.get(9)?,
        hash: r.get(10)?,
    })
}

/// The columns `read_event` expects, in order.
pub(crate) const EVENT_COLUMNS: &str =
    "seq, at, actor, action, subject, before, after, reason, note, prev_hash, hash";

/// Checks every event from the first: sequence numbers without gaps, each `prev_hash` equal to
/// the previous `hash`, each `hash` recomputed from the event's own fields.
pub fn verify(conn: &Connection) -> Result<Verification, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {EVENT_COLUMNS} FROM audit_events ORDER BY seq"
    ))?;
    let mut rows = stmt.query([])?;
    let mut expected_prev = GENESIS.to_string();
    let mut expected_seq = 1;
    let mut events = 0u64;
    let mut head_seq = 0;
    let mut first_broken = None;
    while let Some(row) = rows.next()? {
        let e = read_event(row)?;
        events += 1;
        if first_broken.is_none() {
            let why = if e.seq != expected_seq {
                Some(format!(
                    "sequence jumps from {} to {}: events are missing",
                    expected_seq - 1,
                    e.seq
                ))
            } else if e.prev_hash != expected_prev {
                Some("its prev_hash is not the hash of the event before it".to_string())
            } else if e.expected_hash().as_deref() != Some(e.hash.as_str()) {
                Some(
                    "its content does not match its hash: it was changed after it was written"
                        .to_string(),
                )
            } else {
                None
            };
            if let Some(why) = why {
                first_broken = Some((e.seq, why));
            }
        }
        expected_seq = e.seq + 1;
        head_seq = e.seq;
        expected_prev = e.hash;
    }
    Ok(Verification {
        events,
        head_seq,
        head_hash: if events == 0 {
            GENESIS.to_string()
        } else {
            expected_prev
        },
        first_broken,
    })
}

impl Workspace {
    /// Appends one event in its own transaction (for acts that write nothing else).
    pub fn record(&mut self, event: &NewEvent) -> Result<i64, StoreError> {
        let tx = self
            .conn_mut()
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let seq = append(&tx, event)?;
        tx.commit()?;
        Ok(seq)
    }

    /// Checks the whole audit chain.
    pub fn verify_audit(&self) -> Result<Verification, StoreError> {
        verify(self.conn())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(action: &str) -> NewEvent {
        NewEvent {
            at: DateTime::parse_from_rfc3339("2026-11-25T10:00:00Z")
                .expect("time")
                .with_timezone(&Utc),
            actor: "ana".into(),
            action: action.into(),
            subject: "workspace".into(),
            ..NewEvent::default()
        }
    }

    #[test]
    fn an_appended_chain_verifies_and_an_edit_is_found() {
        let mut ws = Workspace::open_in_memory().expect("ws");
        for a in ["one", "two", "three"] {
            ws.record(&event(a)).expect("append");
        }
        let v = ws.verify_audit().expect("verify");
        assert!(v.ok(), "{v:?}");
        assert_eq!((v.events, v.head_seq), (3, 3));
        ws.conn()
            .execute_batch(
                "DROP TRIGGER audit_events_no_update;
                 UPDATE audit_events SET actor = 'mallory' WHERE seq = 2;",
            )
            .expect("tamper");
        let v = ws.verify_audit().expect("verify");
        assert_eq!(v.first_broken.as_ref().map(|b| b.0), Some(2), "{v:?}");
    }

    #[test]
    fn null_and_empty_text_hash_differently() {
        let a = canonical_bytes(1, "t", "a", "x", "s", None, None, None, None);
        let b = canonical_bytes(1, "t", "a", "x", "s", Some(""), None, None, None);
        assert_ne!(a, b);
    }

    #[test]
    fn the_database_refuses_edits_and_deletes() {
        let mut ws = Workspace::open_in_memory().expect("ws");
        ws.record(&event("one")).expect("append");
        assert!(ws
            .conn()
            .execute("UPDATE audit_events SET actor = 'x'", [])
            .is_err());
        assert!(ws.conn().execute("DELETE FROM audit_events", []).is_err());
    }
}
