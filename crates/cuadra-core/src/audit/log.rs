//! Reading the audit trail back: events filtered by case, subject, actor, action and time, paged
//! and sorted in SQL for the UI and `cuadra-cli audit log`. It only reads; it never changes an
//! event.

use super::{read_event, AuditEvent, EVENT_COLUMNS};
use crate::store::{StoreError, Workspace};
use chrono::{DateTime, Utc};
use rusqlite::types::Value;

/// Which events to read. Every given criterion must hold; `offset`/`limit` page the result.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct AuditFilter {
    /// Events about one case (subject `case:<key>`).
    pub case: Option<String>,
    /// Events about one subject, exactly: `file:7`, `setting:zone`, `period:2026-10`.
    pub subject: Option<String>,
    pub actor: Option<String>,
    /// One action: `import`, `setting`, `reconcile`, `period_close`, `purge`, ...
    pub action: Option<String>,
    /// Events at or after this instant.
    pub since: Option<DateTime<Utc>>,
    /// Events before this instant.
    pub until: Option<DateTime<Utc>>,
    /// Newest first (the UI's order); default oldest first (the chain's order).
    pub newest_first: bool,
    pub offset: u64,
    /// At most this many events; `None` for all of them.
    pub limit: Option<u64>,
}

impl AuditFilter {
    /// The WHERE clause and its parameters.
    fn clause(&self) -> (String, Vec<Value>) {
        let mut parts = Vec::new();
        let mut params = Vec::new();
        if let Some(key) = &self.case {
            parts.push("subject = ?");
            params.push(Value::Text(format!("case:{key}")));
        }
        if let Some(subject) = &self.subject {
            parts.push("subject = ?");
            params.push(Value::Text(subject.clone()));
        }
        if let Some(actor) = &self.actor {
            parts.push("actor = ?");
            params.push(Value::Text(actor.clone()));
        }
        if let Some(action) = &self.action {
            parts.push("action = ?");
            params.push(Value::Text(action.clone()));
        }
        // `at` is always written by `event_time` (UTC, microseconds, `Z`): text order is time
        // order, so the index on `at` answers these.
        if let Some(since) = self.since {
            parts.push("at >= ?");
            params.push(Value::Text(super::event_time(since)));
        }
        if let Some(until) = self.until {
            parts.push("at < ?");
            params.push(Value::Text(super::event_time(until)));
        }
        let clause = if parts.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", parts.join(" AND "))
        };
        (clause, params)
    }
}

impl Workspace {
    /// One page of audit events matching `filter`, in sequence order (or newest first).
    pub fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditEvent>, StoreError> {
        let (clause, mut params) = filter.clause();
        let order = if filter.newest_first { "DESC" } else { "ASC" };
        params.push(Value::Integer(
            filter
                .limit
                .map(|l| i64::try_from(l).unwrap_or(i64::MAX))
                .unwrap_or(-1),
        ));
        params.push(Value::Integer(
            i64::try_from(filter.offset).unwrap_or(i64::MAX),
        ));
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {EVENT_COLUMNS} FROM audit_events {clause} ORDER BY seq {order} LIMIT ? OFFSET ?"
        ))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params), read_event)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many events match `filter` (ignoring its `offset` and `limit`), for paging.
    pub fn audit_count(&self, filter: &AuditFilter) -> Result<u64, StoreError> {
        let (clause, params) = filter.clause();
        let n: i64 = self.conn().query_row(
            &format!("SELECT count(*) FROM audit_events {clause}"),
            rusqlite::params_from_iter(params),
            |r| r.get(0),
        )?;
        Ok(n as u64)
    }
}
