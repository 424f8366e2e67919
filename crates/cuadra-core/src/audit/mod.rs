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

mod log;
pub use crate::words::audit as words;

pub use log::AuditFilter;

use crate::msg;
use crate::store::{StoreError, Workspace};
use crate::words::Msg;
use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::types::ValueRef;
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
    field_bytes(buf, value.map(str::as_bytes));
}

/// One field of the canonical bytes: a tag, and for text its length and UTF-8 bytes. Also the
/// encoding of a period seal's fields.
pub(crate) fn field_bytes(buf: &mut Vec<u8>, value: Option<&[u8]>) {
    match value {
        None => buf.push(0),
        Some(text) => {
            buf.push(1);
            buf.extend_from_slice(&(text.len() as u64).to_be_bytes());
            buf.extend_from_slice(text);
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
        .prepare_cached("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or_else(|| (0, GENESIS.to_string())))
}

/// Appends an event after the current head, on `conn` (call it inside the transaction of the
/// act it records). Returns the event's sequence number.
pub fn append(conn: &Connection, event: &NewEvent) -> Result<i64, StoreError> {
    check_actor(&event.actor).map_err(StoreError::BadActor)?;
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
        why: msg!(words::BAD_HASH),
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
    /// The first event that does not verify, and why; `None` when the chain is intact. Why is
    /// a message (see [`words`]); serialized as its English text.
    #[serde(serialize_with = "english_why")]
    pub first_broken: Option<(i64, Msg)>,
}

fn english_why<S: serde::Serializer>(v: &Option<(i64, Msg)>, s: S) -> Result<S::Ok, S::Error> {
    use serde::Serialize;
    v.as_ref()
        .map(|(seq, why)| (*seq, why.render_inline(crate::words::Lang::En)))
        .serialize(s)
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
///
/// This is the audit bundle's and `cuadra-cli audit verify`'s hot loop (a million events must
/// take about a second), so it reads each row's text in place, builds the canonical bytes in one
/// reused buffer and compares hashes as bytes: no allocation per event.
pub fn verify(conn: &Connection) -> Result<Verification, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {EVENT_COLUMNS} FROM audit_events ORDER BY seq"
    ))?;
    let mut rows = stmt.query([])?;
    // The previous event's hash as raw bytes (for hashing) and as stored text (for comparing).
    let mut prev_raw = [0u8; 32];
    let mut prev_text = [b'0'; 64];
    let mut last_hash = GENESIS.as_bytes().to_vec();
    let mut expected_seq = 1;
    let mut events = 0u64;
    let mut head_seq = 0;
    let mut first_broken = None;
    let mut buf = Vec::with_capacity(512);
    while let Some(row) = rows.next()? {
        let seq: i64 = row.get(0)?;
        let hash = row.get_ref(10)?;
        events += 1;
        if first_broken.is_none() {
            match check_event(row, seq, expected_seq, &prev_raw, &prev_text, &mut buf) {
                Ok((raw, text)) => (prev_raw, prev_text) = (raw, text),
                Err(why) => first_broken = Some((seq, why)),
            }
        }
        last_hash.clear();
        match hash {
            ValueRef::Text(h) | ValueRef::Blob(h) => last_hash.extend_from_slice(h),
            _ => {}
        }
        expected_seq = seq + 1;
        head_seq = seq;
    }
    Ok(Verification {
        events,
        head_seq,
        head_hash: String::from_utf8_lossy(&last_hash).into_owned(),
        first_broken,
    })
}

/// Checks one event against the one before it; `Err` says why it does not verify.
fn check_event(
    row: &rusqlite::Row<'_>,
    seq: i64,
    expected_seq: i64,
    prev_raw: &[u8; 32],
    prev_text: &[u8; 64],
    buf: &mut Vec<u8>,
) -> Result<([u8; 32], [u8; 64]), Msg> {
    if seq != expected_seq {
        return Err(msg!(words::SEQ_JUMP, expected_seq - 1, seq));
    }
    let text = |i: usize, nullable: bool| -> Result<Option<&[u8]>, Msg> {
        match row.get_ref(i) {
            Ok(ValueRef::Text(t)) => Ok(Some(t)),
            Ok(ValueRef::Null) if nullable => Ok(None),
            _ => Err(msg!(words::NOT_TEXT)),
        }
    };
    if text(9, false)? != Some(&prev_text[..]) {
        return Err(msg!(words::PREV_HASH));
    }
    buf.clear();
    buf.extend_from_slice(&seq.to_be_bytes());
    for i in 1..=4 {
        field_bytes(buf, text(i, false)?);
    }
    for i in 5..=8 {
        field_bytes(buf, text(i, true)?);
    }
    let mut h = Sha256::new();
    h.update(prev_raw);
    h.update(&buf[..]);
    let raw: [u8; 32] = h.finalize().into();
    let mut expected = [0u8; 64];
    // Cannot fail: 32 bytes always fit 64 hex digits.
    let _ = hex::encode_to_slice(raw, &mut expected);
    if text(10, false)? != Some(&expected[..]) {
        return Err(msg!(words::CONTENT));
    }
    Ok((raw, expected))
}

/// Fault injection for the crash tests, compiled in only with the `test-hooks` feature (which no
/// build of the app or the CLI turns on; the CLI's tests do). Each mutating act calls it once,
/// inside its transaction, after its audit event is written and before the commit. When the
/// environment variable `CUADRA_CRASH_AT` names this point, the process aborts right here (what
/// a power cut or a kill would do). When `CUADRA_PAUSE_AT` names it, the process writes
/// `paused at NAME` on stderr and waits, its transaction open, for a line (or the end) on stdin:
/// a test can then act beside it, or kill it, at this known step.
#[cfg(feature = "test-hooks")]
#[doc(hidden)]
pub fn crash_point(name: &str) {
    if std::env::var_os("CUADRA_CRASH_AT").is_some_and(|v| v == name) {
        std::process::abort();
    }
    if std::env::var_os("CUADRA_PAUSE_AT").is_some_and(|v| v == name) {
        use std::io::{BufRead, Write};
        let _ = writeln!(std::io::stderr(), "paused at {name}");
        let _ = std::io::stdin().lock().read_line(&mut String::new());
    }
}

/// Without the `test-hooks` feature a crash point is nothing: no lookup, no abort.
#[cfg(not(feature = "test-hooks"))]
#[doc(hidden)]
#[inline(always)]
pub fn crash_point(_name: &str) {}

/// The longest name of a person acting, in characters.
pub const ACTOR_MAX_CHARS: usize = 64;

/// Whether `actor` may sign an act: not blank, one line of visible characters (no line break,
/// tab or other control or format character that could forge a line of the log or hide a
/// name), at most [`ACTOR_MAX_CHARS`] characters. Checked wherever an event is written.
pub fn check_actor(actor: &str) -> Result<(), Msg> {
    if actor.trim().is_empty() {
        return Err(msg!(words::ACTOR_EMPTY));
    }
    if actor.chars().count() > ACTOR_MAX_CHARS {
        return Err(msg!(words::ACTOR_TOO_LONG, ACTOR_MAX_CHARS as i64));
    }
    let invisible = |c: char| {
        c.is_control()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}')
    };
    if actor.chars().any(invisible) {
        return Err(msg!(words::ACTOR_NOT_PRINTABLE));
    }
    Ok(())
}

/// The OS user name, the default actor of every recorded act; never blank (`unknown` when the
/// system names no one, or a name that could not sign an act).
pub fn os_user() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|u| check_actor(u).is_ok()))
        .or_else(|| passwd_name().filter(|u| check_actor(u).is_ok()))
        .unwrap_or_else(|| "unknown".into())
}

/// The name of this process's user from /etc/passwd (services and CI set no USER).
#[cfg(unix)]
fn passwd_name() -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata("/proc/self").ok()?.uid().to_string();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let mut parts = line.split(':');
        let name = parts.next()?;
        (parts.nth(1)? == uid).then(|| name.to_string())
    })
}

#[cfg(not(unix))]
fn passwd_name() -> Option<String> {
    None
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
