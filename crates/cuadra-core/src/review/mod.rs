//! Review acts on cases: confirm a suggestion, match an order with settlement lines by hand,
//! unmatch, resolve with a reason code, reopen, add a note, bulk-resolve. Each act is checked,
//! recorded as a decision and an audit event, and applied to the stored cases, all in one
//! transaction. Undo is a compensating act (unmatch undoes a match, reopen undoes a resolve),
//! recorded like any other. Evidence attached to a case (a PSP ticket, a receipt) is an act of
//! its own, in [`attach`].

pub mod attach;
mod undo;
pub use crate::words::review as words;

pub use undo::LastAct;

use crate::audit::{self, event_time, NewEvent};
use crate::cases::{membership, CaseRow};
use crate::msg;
use crate::store::{StoreError, Workspace};
use crate::words::{Arg, Join, Msg};
use chrono::{DateTime, Utc};
use rusqlite::params;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use words::*;

/// The reason codes a case can be resolved with.
pub const REASON_CODES: [&str; 7] = [
    "refunded_to_buyer",
    "written_off",
    "shop_corrected",
    "refund_pending_at_psp",
    "not_our_order",
    "accepted_late_payment",
    "other",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "CaseActionKind"))]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    Confirm,
    Match,
    Unmatch,
    Resolve,
    Reopen,
    Note,
}

impl ActionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActionKind::Confirm => "confirm",
            ActionKind::Match => "match",
            ActionKind::Unmatch => "unmatch",
            ActionKind::Resolve => "resolve",
            ActionKind::Reopen => "reopen",
            ActionKind::Note => "note",
        }
    }

    /// Every act, in the order the app offers them.
    pub const ALL: [ActionKind; 6] = [
        ActionKind::Confirm,
        ActionKind::Match,
        ActionKind::Unmatch,
        ActionKind::Resolve,
        ActionKind::Reopen,
        ActionKind::Note,
    ];

    pub fn parse(text: &str) -> Option<ActionKind> {
        ActionKind::ALL.into_iter().find(|a| a.as_str() == text)
    }
}

/// One act on one case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionRequest {
    pub case_key: String,
    pub action: ActionKind,
    /// Resolve: one of [`REASON_CODES`]. Match, unmatch, reopen: why, in words.
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// Match: the lines to put in the order's case. Unmatch: the lines to take out (default:
    /// all of the case's lines).
    #[serde(default)]
    pub line_ids: Vec<i64>,
    /// Match from a settlement-line case: the order to match it with (its store id, as the
    /// order picker gives it)...
    #[serde(default)]
    pub order_id: Option<i64>,
    /// ...or its number as the shop shows it (`#4622`, `4622`, or the shop's own order id).
    #[serde(default)]
    pub order_ref: Option<String>,
    /// The case's membership as the person saw it ([`crate::cases::membership`], e.g.
    /// `o12:l3,9`). When given and the case has changed since (a run after an import, another
    /// person's act), the act is refused with `stale_case` and writes nothing.
    #[serde(default)]
    pub expected_membership: Option<String>,
}

/// What an act did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ActionOutcome {
    pub audit_seq: i64,
    /// The cases as they are now (the acted-on case and any case a line moved to or from).
    pub cases: Vec<CaseRow>,
    /// Things the person should know, e.g. amounts that differ after a manual match.
    pub warnings: Vec<String>,
}

/// Why an act was refused. `code()` is stable (the UI translates it); `msg()` says what to do
/// in the reader's language, `Display` in English (logs, the CLI).
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("there is no case {0}; reconcile again and pick it from the list")]
    NoSuchCase(String),
    #[error(
        "case {key} is in period {period}, which is closed; reopen the period with a reason first"
    )]
    Locked { key: String, period: String },
    /// The act does not apply to the case as it is (a message of `review::words`).
    #[error("{}", .0.render_inline(crate::words::Lang::En))]
    NotAllowed(Msg),
    /// The act lacks its reason or its note (a message of `review::words`).
    #[error("{}", .0.render_inline(crate::words::Lang::En))]
    ReasonRequired(Msg),
    #[error("'{0}' is not a reason code; use one of: refunded_to_buyer, written_off, shop_corrected, refund_pending_at_psp, not_our_order, accepted_late_payment, other")]
    BadReason(String),
    /// A settlement line of the act is missing or not where it should be.
    #[error("{}", .0.render_inline(crate::words::Lang::En))]
    BadLine(Msg),
    #[error("the workspace has not been reconciled yet; run a reconciliation first")]
    NotReconciled,
    #[error("case {key} changed since you opened it (its order or lines are not those you saw); open it again and redo the act")]
    Stale { key: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ReviewError {
    /// The code the desktop app sends with the refusal (the UI branches on it).
    pub fn code(&self) -> crate::code::ErrorCode {
        use crate::code::ErrorCode;
        match self {
            ReviewError::NoSuchCase(_) => ErrorCode::NotFound,
            ReviewError::Locked { .. } => ErrorCode::PeriodClosed,
            ReviewError::ReasonRequired(_) if self.wants_note() => ErrorCode::NoteRequired,
            ReviewError::ReasonRequired(_) => ErrorCode::ReasonRequired,
            ReviewError::NotAllowed(_)
            | ReviewError::BadReason(_)
            | ReviewError::BadLine(_)
            | ReviewError::NotReconciled => ErrorCode::InvalidAction,
            ReviewError::Stale { .. } => ErrorCode::StaleCase,
            ReviewError::Store(e) => e.code(),
        }
    }

    /// Whether what is missing is a note (rather than a reason).
    pub fn wants_note(&self) -> bool {
        matches!(self, ReviewError::ReasonRequired(m)
            if matches!(m.key().as_deref(), Some(k) if k == OTHER_NEEDS_NOTE.key || k == NOTE_EMPTY.key))
    }

    /// Why the act was refused and what to do, in the reader's language.
    pub fn msg(&self) -> Msg {
        match self {
            ReviewError::NoSuchCase(key) => msg!(NO_SUCH_CASE, key),
            ReviewError::Locked { key, period } => msg!(LOCKED, key, period),
            ReviewError::NotAllowed(m)
            | ReviewError::ReasonRequired(m)
            | ReviewError::BadLine(m) => m.clone(),
            ReviewError::BadReason(code) => msg!(
                BAD_REASON,
                code,
                Arg::list(
                    REASON_CODES.iter().map(|&c| Arg::from(c)).collect(),
                    Join::Comma
                )
            ),
            ReviewError::NotReconciled => msg!(NOT_RECONCILED),
            ReviewError::Stale { key } => msg!(STALE, key),
            ReviewError::Store(e) => e.msg(),
        }
    }
}

impl From<rusqlite::Error> for ReviewError {
    fn from(e: rusqlite::Error) -> Self {
        ReviewError::Store(StoreError::Sql(e))
    }
}

fn text(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

/// Refuses a case of a closed period.
fn ensure_unlocked(case: &CaseRow) -> Result<(), ReviewError> {
    if case.locked {
        return Err(ReviewError::Locked {
            key: case.case_key.clone(),
            period: case.period.clone().unwrap_or_default(),
        });
    }
    Ok(())
}

impl Workspace {
    /// Applies one act (see the module docs). `now` is the time recorded.
    pub fn act(
        &mut self,
        req: &ActionRequest,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<ActionOutcome, ReviewError> {
        let settings = self.recon_settings()?;
        let case = self
            .case(&req.case_key)?
            .ok_or_else(|| ReviewError::NoSuchCase(req.case_key.clone()))?;
        ensure_unlocked(&case)?;
        let case_lines = self.case_line_ids(&req.case_key)?;
        if let Some(seen) = text(&req.expected_membership) {
            if seen != crate::cases::membership(case.order_id, &case_lines) {
                return Err(ReviewError::Stale {
                    key: case.case_key.clone(),
                });
            }
        }
        let reason = text(&req.reason).map(str::to_string);
        let note = text(&req.note).map(str::to_string);
        let mut warnings = Vec::new();

        // What the act links, holds and decides.
        let mut links: Vec<(i64, i64, &str)> = Vec::new(); // (line, order, kind)
        let mut extra_lines: Vec<i64> = Vec::new();
        let mut extra_orders: Vec<i64> = Vec::new();
        let mut extra_scope: Vec<String> = Vec::new();
        let state_after = match req.action {
            ActionKind::Confirm => {
                if case.status != "suggested" {
                    return Err(ReviewError::NotAllowed(msg!(NOT_SUGGESTED, &case.case_key)));
                }
                let order = case
                    .order_id
                    .ok_or_else(|| ReviewError::NotAllowed(msg!(SUGGESTION_WITHOUT_ORDER)))?;
                for l in &case_lines {
                    links.push((*l, order, "link"));
                }
                case.state.clone()
            }
            ActionKind::Match => {
                reason
                    .clone()
                    .ok_or_else(|| ReviewError::ReasonRequired(msg!(MATCH_REASON)))?;
                // The order named by the person, for a case that has none yet.
                let asked = match (case.order_id, req.order_id, text(&req.order_ref)) {
                    (Some(_), _, _) => None,
                    (None, Some(o), _) => Some(o),
                    (None, None, Some(r)) => Some(self.order_by_ref(r)?),
                    (None, None, None) => None,
                };
                let (order, lines): (i64, Vec<i64>) = match (case.order_id, asked) {
                    (None, Some(o)) => (o, case_lines.clone()),
                    (Some(o), _) => (o, req.line_ids.clone()),
                    (None, None) => return Err(ReviewError::NotAllowed(msg!(MATCH_NEEDS_ORDER))),
                };
                if lines.is_empty() {
                    return Err(ReviewError::BadLine(msg!(NAME_LINES)));
                }
                let exists: bool = self.conn().query_row(
                    "SELECT EXISTS(SELECT 1 FROM shop_orders WHERE id = ?1)",
                    [order],
                    |r| r.get(0),
                )?;
                if !exists {
                    return Err(ReviewError::NotAllowed(msg!(NO_SUCH_ORDER, order)));
                }
                for l in &lines {
                    let exists: bool = self.conn().query_row(
                        "SELECT EXISTS(SELECT 1 FROM settlement_lines WHERE id = ?1)",
                        [l],
                        |r| r.get(0),
                    )?;
                    if !exists {
                        return Err(ReviewError::BadLine(msg!(NO_SUCH_LINE, *l)));
                    }
                    if let Some(k) = self.case_of_line(*l)? {
                        if k != case.case_key {
                            if let Some(other) = self.case(&k)? {
                                ensure_unlocked(&other)?;
                            }
                            extra_scope.push(k);
                        }
                    }
                    links.push((*l, order, "link"));
                    extra_lines.push(*l);
                }
                extra_orders.push(order);
                if let Some(k) = self.case_of_order(order)? {
                    if let Some(other) = self.case(&k)? {
                        ensure_unlocked(&other)?;
                    }
                    extra_scope.push(k);
                }
                "open".to_string()
            }
            ActionKind::Unmatch => {
                reason
                    .clone()
                    .ok_or_else(|| ReviewError::ReasonRequired(msg!(UNMATCH_REASON)))?;
                let order = case
                    .order_id
                    .ok_or_else(|| ReviewError::NotAllowed(msg!(UNMATCH_NO_ORDER)))?;
                let lines = if req.line_ids.is_empty() {
                    case_lines.clone()
                } else {
                    req.line_ids.clone()
                };
                if lines.is_empty() {
                    return Err(ReviewError::BadLine(msg!(NOTHING_TO_UNMATCH)));
                }
                for l in &lines {
                    if !case_lines.contains(l) {
                        return Err(ReviewError::BadLine(msg!(
                            LINE_NOT_IN_CASE,
                            *l,
                            &case.case_key
                        )));
                    }
                    links.push((*l, order, "unlink"));
                }
                "open".to_string()
            }
            ActionKind::Resolve => {
                let code = reason
                    .clone()
                    .ok_or_else(|| ReviewError::ReasonRequired(msg!(RESOLVE_REASON)))?;
                if !REASON_CODES.contains(&code.as_str()) {
                    return Err(ReviewError::BadReason(code));
                }
                if code == "other" && note.is_none() {
                    return Err(ReviewError::ReasonRequired(msg!(OTHER_NEEDS_NOTE)));
                }
                if case.state == "resolved" {
                    return Err(ReviewError::NotAllowed(msg!(
                        ALREADY_RESOLVED,
                        &case.case_key
                    )));
                }
                "resolved".to_string()
            }
            ActionKind::Reopen => {
                reason
                    .clone()
                    .ok_or_else(|| ReviewError::ReasonRequired(msg!(REOPEN_REASON)))?;
                if case.state != "resolved" {
                    return Err(ReviewError::NotAllowed(msg!(ALREADY_OPEN, &case.case_key)));
                }
                "open".to_string()
            }
            ActionKind::Note => {
                if note.is_none() {
                    return Err(ReviewError::ReasonRequired(msg!(NOTE_EMPTY)));
                }
                case.state.clone()
            }
        };

        let tx = self
            .conn_mut()
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let seq = record_decision(
            &tx,
            &Decision {
                case: &case,
                members: membership(case.order_id, &case_lines),
                action: req.action,
                state_after: &state_after,
                reason: reason.as_deref(),
                note: note.as_deref(),
                links: &links,
            },
            actor,
            now,
        )?;
        // Membership changes move lines between cases; a resolve or reopen changes one case.
        let mut scope = vec![case.case_key.clone()];
        scope.extend(extra_scope);
        let touched =
            crate::cases::recompute(&tx, &settings, &scope, &extra_orders, &extra_lines, now)
                .map_err(|e| match e {
                    StoreError::BadQuery(_) => ReviewError::NotReconciled,
                    e => ReviewError::Store(e),
                })?;
        audit::crash_point("case_act");
        tx.commit()?;

        let mut cases = Vec::new();
        for k in touched.iter().chain(std::iter::once(&case.case_key)) {
            if let Some(c) = self.case(k)? {
                if !cases.iter().any(|x: &CaseRow| x.case_key == c.case_key) {
                    cases.push(c);
                }
            }
        }
        if req.action == ActionKind::Match {
            let target = req.order_id.or(case.order_id);
            if let Some(c) = cases
                .iter()
                .find(|c| c.order_id.is_some() && c.order_id == target)
            {
                let diff = c
                    .difference
                    .as_deref()
                    .and_then(|d| d.parse::<Decimal>().ok());
                if let Some(diff) = diff.filter(|d| !d.is_zero()) {
                    warnings.push(format!(
                        "the order and the matched lines differ by {} {}: the case is {}",
                        diff.normalize(),
                        c.currency.clone().unwrap_or_default(),
                        c.status
                    ));
                }
            }
        }
        Ok(ActionOutcome {
            audit_seq: seq,
            cases,
            warnings,
        })
    }

    /// The order a person names by its number as the shop shows it (`#4622` or `4622`), or by
    /// the shop's own order id: exactly one order, else an error that says what to type.
    fn order_by_ref(&self, typed: &str) -> Result<i64, ReviewError> {
        let bare = typed.trim().trim_start_matches('#');
        let forms = serde_json::to_string(&[bare.to_string(), format!("#{bare}")])
            .unwrap_or_else(|_| "[]".into());
        let mut stmt = self.conn().prepare(
            "SELECT o.id, o.platform, COALESCE(s.order_name, o.order_key)
             FROM shop_orders o JOIN order_snapshots s ON s.id = o.current_snapshot_id
             WHERE o.order_key IN (SELECT value FROM json_each(?1))
                OR s.order_name IN (SELECT value FROM json_each(?1))
                OR s.shop_order_id = ?2
             ORDER BY o.id",
        )?;
        let found: Vec<(i64, String, String)> = stmt
            .query_map(rusqlite::params![forms, bare], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?
            .collect::<Result<_, _>>()?;
        match found.as_slice() {
            [] => Err(ReviewError::NotAllowed(msg!(
                NO_ORDER_NUMBERED,
                typed.trim()
            ))),
            [(id, _, _)] => Ok(*id),
            many => Err(ReviewError::NotAllowed(msg!(
                ORDER_NUMBER_AMBIGUOUS,
                typed.trim(),
                Arg::list(
                    many.iter()
                        .map(|(_, p, n)| Arg::from(format!("{p} {n}")))
                        .collect(),
                    Join::Comma
                )
            ))),
        }
    }

    /// Resolves many cases with one reason, all in one transaction: each gets its own decision
    /// and audit event, and either every one is recorded or none is (a crash halfway leaves
    /// nothing). Every case is checked before the first is written, so a refusal (unknown,
    /// locked, named twice) writes nothing. A case already resolved is skipped and named in the
    /// outcome, so running the same request again after an interruption finishes the rest.
    pub fn bulk_resolve(
        &mut self,
        keys: &[String],
        reason: &str,
        note: Option<&str>,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<BulkResolved, ReviewError> {
        // Check the request and every case first so a refusal leaves nothing half-done.
        if !REASON_CODES.contains(&reason) {
            return Err(ReviewError::BadReason(reason.to_string()));
        }
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        if reason == "other" && note.is_none() {
            return Err(ReviewError::ReasonRequired(msg!(OTHER_NEEDS_NOTE)));
        }
        let mut seen = std::collections::HashSet::new();
        if let Some(twice) = keys.iter().find(|k| !seen.insert(k.as_str())) {
            return Err(ReviewError::NotAllowed(msg!(SELECTED_TWICE, twice)));
        }
        let settings = self.recon_settings()?;
        let mut todo = Vec::new();
        let mut skipped = Vec::new();
        for key in keys {
            let case = self
                .case(key)?
                .ok_or_else(|| ReviewError::NoSuchCase(key.clone()))?;
            ensure_unlocked(&case)?;
            if case.state == "resolved" {
                skipped.push(key.clone());
                continue;
            }
            let lines = self.case_line_ids(key)?;
            todo.push((case, lines));
        }
        let tx = self
            .conn_mut()
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut seqs = Vec::with_capacity(todo.len());
        for (i, (case, lines)) in todo.iter().enumerate() {
            seqs.push(record_decision(
                &tx,
                &Decision {
                    case,
                    members: membership(case.order_id, lines),
                    action: ActionKind::Resolve,
                    state_after: "resolved",
                    reason: Some(reason),
                    note,
                    links: &[],
                },
                actor,
                now,
            )?);
            if i + 1 == todo.len().div_ceil(2) {
                audit::crash_point("bulk_resolve_halfway");
            }
        }
        let resolved: Vec<String> = todo.iter().map(|(c, _)| c.case_key.clone()).collect();
        if !resolved.is_empty() {
            crate::cases::recompute(&tx, &settings, &resolved, &[], &[], now).map_err(
                |e| match e {
                    StoreError::BadQuery(_) => ReviewError::NotReconciled,
                    e => ReviewError::Store(e),
                },
            )?;
        }
        tx.commit()?;
        Ok(BulkResolved {
            resolved,
            skipped,
            audit_seqs: seqs.first().copied().zip(seqs.last().copied()),
        })
    }
}

/// What a bulk resolve did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BulkResolved {
    /// The cases resolved now, in the order asked.
    pub resolved: Vec<String>,
    /// The cases asked for that were resolved already (left as they were).
    pub skipped: Vec<String>,
    /// The first and last audit events recorded (none when nothing was resolved).
    pub audit_seqs: Option<(i64, i64)>,
}

/// One decision on one case, as recorded.
struct Decision<'a> {
    case: &'a CaseRow,
    /// The case's membership when the act was made.
    members: String,
    action: ActionKind,
    state_after: &'a str,
    reason: Option<&'a str>,
    note: Option<&'a str>,
    /// (line, order, kind) links the act makes.
    links: &'a [(i64, i64, &'a str)],
}

/// Writes a decision, its audit event and its manual links in `tx`; returns the event's seq.
fn record_decision(
    tx: &rusqlite::Transaction<'_>,
    d: &Decision<'_>,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<i64, ReviewError> {
    let before = serde_json::json!({
        "status": d.case.status, "state": d.case.state, "membership": d.members,
    });
    let mut after = serde_json::json!({ "state": d.state_after });
    if !d.links.is_empty() {
        after["links"] = serde_json::json!(d
            .links
            .iter()
            .map(|(l, o, k)| serde_json::json!({"line": l, "order": o, "kind": k}))
            .collect::<Vec<_>>());
    }
    let seq = audit::append(
        tx,
        &NewEvent {
            at: now,
            actor: actor.to_string(),
            action: format!("case_{}", d.action.as_str()),
            subject: format!("case:{}", d.case.case_key),
            before: Some(before.to_string()),
            after: Some(after.to_string()),
            reason: d.reason.map(str::to_string),
            note: d.note.map(str::to_string),
        },
    )?;
    tx.prepare_cached(
        "INSERT INTO case_decisions(case_key, action, status_before, state_after, membership,
            reason, note, actor, at, audit_seq)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        d.case.case_key,
        d.action.as_str(),
        d.case.status,
        d.state_after,
        d.members,
        d.reason,
        d.note,
        actor,
        event_time(now),
        seq
    ])?;
    let decision = tx.last_insert_rowid();
    for (line, order, kind) in d.links {
        tx.prepare_cached(
            "INSERT INTO manual_links(line_id, order_id, kind, decision_id) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![line, order, kind, decision])?;
    }
    Ok(seq)
}
