//! Undo of a person's last act: a compensating act, recorded like any other (its own decision
//! and audit event, whose reason names the act it undoes). Nothing is erased.
//!
//! | last act | undone by |
//! | --- | --- |
//! | resolve (one case, or a bulk resolve: every case of it) | reopen |
//! | reopen | resolve, with the reason the case had |
//! | match, confirm | unmatch of the lines the act linked |
//! | unmatch | match of the lines back to their order |
//! | note | refused: the trail keeps notes; write another |
//!
//! Undoing a confirmation keeps the lines apart from the order (as a rejected suggestion).
//! An undo is itself an act: undoing again redoes.

use super::words::*;
use super::{ActionKind, ActionOutcome, ActionRequest, ReviewError};
use crate::msg;
use crate::store::Workspace;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// A person's last act, as the window offers to undo it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LastAct {
    /// The audit event of the act (the last one, for a bulk resolve).
    pub audit_seq: i64,
    pub action: ActionKind,
    /// The cases it acted on (several for a bulk resolve), in the order acted on.
    pub case_keys: Vec<String>,
    pub at: String,
}

/// One recorded decision.
struct Recorded {
    id: i64,
    case_key: String,
    action: String,
    at: String,
    seq: i64,
}

impl Workspace {
    /// The last act `actor` recorded on a case, if any.
    pub fn last_act(&self, actor: &str) -> Result<Option<LastAct>, ReviewError> {
        Ok(self.last_decisions(actor)?.map(|(action, group)| LastAct {
            audit_seq: group.last().map(|d| d.seq).unwrap_or_default(),
            action,
            case_keys: group.iter().map(|d| d.case_key.clone()).collect(),
            at: group.last().map(|d| d.at.clone()).unwrap_or_default(),
        }))
    }

    /// The actor's last decision, with the decisions of the same bulk resolve (same time, same
    /// act, consecutive).
    fn last_decisions(
        &self,
        actor: &str,
    ) -> Result<Option<(ActionKind, Vec<Recorded>)>, ReviewError> {
        // Newest first, read only as far as the act goes (a bulk resolve of thousands of cases
        // is read whole; nothing older is).
        let mut stmt = self.conn().prepare(
            "SELECT id, case_key, action, at, audit_seq FROM case_decisions
             WHERE actor = ?1 ORDER BY id DESC",
        )?;
        let mut rows = stmt.query([actor])?;
        let mut group: Vec<Recorded> = Vec::new();
        let mut action = ActionKind::Note;
        while let Some(r) = rows.next()? {
            let d = Recorded {
                id: r.get(0)?,
                case_key: r.get(1)?,
                action: r.get(2)?,
                at: r.get(3)?,
                seq: r.get(4)?,
            };
            match group.last() {
                None => action = ActionKind::parse(&d.action).unwrap_or(ActionKind::Note),
                Some(newer) => {
                    let same_bulk = action == ActionKind::Resolve
                        && d.action == "resolve"
                        && d.at == newer.at
                        && d.seq + 1 == newer.seq;
                    if !same_bulk {
                        break;
                    }
                }
            }
            group.push(d);
        }
        if group.is_empty() {
            return Ok(None);
        }
        group.reverse();
        Ok(Some((action, group)))
    }

    /// Undoes `actor`'s last act by the compensating act(s) of the table above. `expected_seq`
    /// is the act's audit event as the person saw it: if their last act is another one now, the
    /// undo is refused and writes nothing.
    pub fn undo_last(
        &mut self,
        actor: &str,
        expected_seq: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<Vec<ActionOutcome>, ReviewError> {
        let Some((action, group)) = self.last_decisions(actor)? else {
            return Err(ReviewError::NotAllowed(msg!(NOTHING_TO_UNDO)));
        };
        let last_seq = group.last().map(|d| d.seq).unwrap_or_default();
        if let Some(seen) = expected_seq.filter(|s| *s != last_seq) {
            return Err(ReviewError::NotAllowed(msg!(UNDO_MOVED, seen, last_seq)));
        }
        let name = match action {
            ActionKind::Confirm => msg!(ACT_CONFIRM),
            ActionKind::Match => msg!(ACT_MATCH),
            ActionKind::Unmatch => msg!(ACT_UNMATCH),
            ActionKind::Resolve => msg!(ACT_RESOLVE),
            ActionKind::Reopen => msg!(ACT_REOPEN),
            ActionKind::Note => return Err(ReviewError::NotAllowed(msg!(NOTE_NOT_UNDONE))),
        };
        let mut requests = Vec::new();
        for d in &group {
            let why = msg!(UNDO_OF, name.clone(), d.seq).to_json();
            let base = ActionRequest {
                case_key: d.case_key.clone(),
                action: ActionKind::Note,
                reason: Some(why),
                note: None,
                line_ids: Vec::new(),
                order_id: None,
                order_ref: None,
                expected_membership: None,
            };
            match action {
                ActionKind::Resolve => requests.push(ActionRequest {
                    action: ActionKind::Reopen,
                    ..base
                }),
                ActionKind::Reopen => {
                    let code: Option<String> = self
                        .conn()
                        .query_row(
                            "SELECT reason FROM case_decisions
                             WHERE case_key = ?1 AND action = 'resolve' AND id < ?2
                             ORDER BY id DESC LIMIT 1",
                            rusqlite::params![d.case_key, d.id],
                            |r| r.get(0),
                        )
                        .ok()
                        .flatten();
                    requests.push(ActionRequest {
                        action: ActionKind::Resolve,
                        reason: Some(code.unwrap_or_else(|| "other".into())),
                        note: base.reason.clone(),
                        ..base
                    });
                }
                ActionKind::Match | ActionKind::Confirm | ActionKind::Unmatch => {
                    // The links the act made, grouped by order.
                    let mut stmt = self.conn().prepare(
                        "SELECT order_id, line_id FROM manual_links WHERE decision_id = ?1
                         ORDER BY order_id, line_id",
                    )?;
                    let links: Vec<(i64, i64)> = stmt
                        .query_map([d.id], |r| Ok((r.get(0)?, r.get(1)?)))?
                        .collect::<Result<_, _>>()?;
                    let mut orders: Vec<i64> = links.iter().map(|(o, _)| *o).collect();
                    orders.dedup();
                    for order in orders {
                        let lines: Vec<i64> = links
                            .iter()
                            .filter(|(o, _)| *o == order)
                            .map(|(_, l)| *l)
                            .collect();
                        let key = self
                            .case_of_order(order)?
                            .ok_or_else(|| ReviewError::NoSuchCase(format!("order {order}")))?;
                        requests.push(ActionRequest {
                            case_key: key,
                            action: if action == ActionKind::Unmatch {
                                ActionKind::Match
                            } else {
                                ActionKind::Unmatch
                            },
                            line_ids: lines,
                            ..base.clone()
                        });
                    }
                }
                ActionKind::Note => unreachable!("refused above"),
            }
        }
        let mut out = Vec::new();
        for r in &requests {
            out.push(self.act(r, actor, now)?);
        }
        Ok(out)
    }
}
