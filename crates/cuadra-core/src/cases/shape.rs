//! Shaping a case to store: the engine's judgement, the order's and lines' facts and people's
//! decisions made into one row (its times shown in the workspace zone, its period, its sort
//! amount, its fingerprint), and a case's membership.

use super::{CaseRow, CaseState};
use crate::audit::event_time;
use crate::msg;
use crate::reconcile::{Inputs, Line, Manual, Order, ReconCase};
use crate::time::Moment;
use crate::words::reconcile::*;
use crate::words::{Arg, Msg};
use chrono::{DateTime, Datelike, SecondsFormat, Utc};
use chrono_tz::Tz;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// A case's membership: its order id and sorted line ids (`o12:l3,9`; `o-` without an order).
pub fn membership(order_id: Option<i64>, line_ids: &[i64]) -> String {
    let mut s = match order_id {
        Some(id) => format!("o{id}:l"),
        None => "o-:l".to_string(),
    };
    for (i, id) in line_ids.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&id.to_string());
    }
    s
}

/// A time as every case shows it: RFC 3339 with the zone's offset, or a date alone.
pub(super) fn show_moment(m: &Moment, zone: Tz) -> String {
    match m {
        Moment::Instant(t) => t
            .with_timezone(&zone)
            .to_rfc3339_opts(SecondsFormat::AutoSi, false),
        Moment::Date(d) => d.to_string(),
    }
}

pub(super) fn shown(m: &Option<Moment>, zone: Tz) -> Option<String> {
    m.as_ref().map(|m| show_moment(m, zone))
}

pub(super) fn amount(d: &Option<Decimal>) -> Option<String> {
    d.map(|v| v.normalize().to_string())
}

/// The main amount in units of 1/10000, for sorting and range filters (never for money).
pub(super) fn sort_amount(c: &ReconCase) -> Option<i64> {
    let main = c.order_total.or(c.paid_amount).or(c.net_settled)?;
    main.checked_mul(Decimal::from(10_000))?.trunc().to_i64()
}

/// The case's date as UTC text and its `YYYY-MM` period (workspace zone): the settlement date
/// (a line's own, else its batch's transfer date), else the paid time, else the order's
/// creation, else `line_date` (the approval, else creation, of the case's first line that has
/// one). A case with none of these has no period.
pub(super) fn event_and_period(
    c: &ReconCase,
    line_date: Option<Moment>,
    zone: Tz,
) -> (Option<String>, Option<String>) {
    let Some(m) = c
        .settled_at
        .or(c.paid_at)
        .or(c.order_created_at)
        .or(line_date)
    else {
        return (None, None);
    };
    let utc = m.to_utc(zone);
    let local = utc.with_timezone(&zone);
    let period = match m {
        Moment::Date(d) => format!("{:04}-{:02}", d.year(), d.month()),
        Moment::Instant(_) => format!("{:04}-{:02}", local.year(), local.month()),
    };
    (
        Some(utc.to_rfc3339_opts(SecondsFormat::Secs, true)),
        Some(period),
    )
}

/// A row ready to store, with what the diff needs.
pub(crate) struct Prepared {
    pub(super) row: CaseRow,
    pub(super) line_ids: Vec<i64>,
    pub(super) sort_amount: Option<i64>,
    pub(super) event_utc: Option<String>,
    /// The engine's `time_edge` in Unix seconds: a run whose as-of crosses it recomputes the
    /// case (`incremental`). Not part of the fingerprint: it follows from what the row says.
    pub(super) time_edge: Option<i64>,
    /// What the row says, hashed (stored as 32 hex digits): equal means unchanged.
    pub(super) fingerprint: u128,
}

pub(super) fn fingerprint(row: &CaseRow, line_ids: &[i64]) -> u128 {
    let mut h = Sha256::new();
    let mut put = |v: Option<&str>| {
        match v {
            Some(t) => {
                h.update([1u8]);
                h.update((t.len() as u64).to_be_bytes());
                h.update(t.as_bytes());
            }
            None => h.update([0u8]),
        };
    };
    let opt = |v: &Option<String>| v.clone();
    for v in [
        Some(row.case_key.clone()),
        Some(row.status.clone()),
        Some(row.engine_status.clone()),
        Some(row.rule.clone()),
        Some(row.state.clone()),
        row.order_id.map(|i| i.to_string()),
        opt(&row.order_ref),
        opt(&row.shop_order_id),
        Some(row.settlement_refs.clone()),
        Some(row.matched_keys.clone()),
        opt(&row.order_total),
        opt(&row.paid_amount),
        opt(&row.difference),
        opt(&row.currency),
        opt(&row.fee_total),
        opt(&row.tax_total),
        opt(&row.net_settled),
        opt(&row.settlement_currency),
        opt(&row.psp),
        opt(&row.payment_method),
        opt(&row.order_created_at),
        opt(&row.paid_at),
        opt(&row.voucher_expires_at),
        opt(&row.settled_at),
        opt(&row.shop_status),
        opt(&row.customer),
        Some(row.decided_by.clone()),
        Some(row.explanation.to_json()),
        opt(&row.period),
        Some(membership(row.order_id, line_ids)),
    ] {
        put(v.as_deref());
    }
    let digest = h.finalize();
    let mut first = [0u8; 16];
    first.copy_from_slice(&digest[..16]);
    u128::from_be_bytes(first)
}

/// Engine output + order/line facts + decisions -> a row to store.
pub(crate) struct Shaper<'a> {
    zone: Tz,
    inputs: &'a Inputs,
    /// Store id -> index, sorted by id: orders, then lines.
    orders: Vec<(i64, u32)>,
    lines: Vec<(i64, u32)>,
    decisions: &'a HashMap<String, LastDecision>,
    linked_by: &'a HashMap<i64, String>,
    manual: &'a Manual,
    /// The time recorded for this run or act (a reopening's date in explanations).
    now: String,
}

/// The day of a decision's time, shown in an explanation: `2026-11-25`.
pub(super) fn day(at: &str) -> String {
    at.get(..10).unwrap_or(at).to_string()
}

/// "Resolved (reason) by ana on 2026-11-25." before the engine's sentence.
pub(super) fn resolved_by(reason: Option<&str>, actor: &str, at: &str, then: Msg) -> Msg {
    match reason {
        None => msg!(RESOLVED_BY_NO_REASON, actor, day(at), Arg::sentence(then)),
        Some(r) => msg!(
            RESOLVED_BY,
            recorded_reason(r),
            actor,
            day(at),
            Arg::sentence(then)
        ),
    }
}

impl<'a> Shaper<'a> {
    pub(super) fn new(
        zone: Tz,
        inputs: &'a Inputs,
        decisions: &'a HashMap<String, LastDecision>,
        linked_by: &'a HashMap<i64, String>,
        manual: &'a Manual,
        now: DateTime<Utc>,
    ) -> Shaper<'a> {
        let index = |ids: &mut dyn Iterator<Item = i64>| -> Vec<(i64, u32)> {
            let mut v: Vec<(i64, u32)> = ids.enumerate().map(|(i, id)| (id, i as u32)).collect();
            if !v.is_sorted() {
                v.sort_unstable();
            }
            v
        };
        Shaper {
            zone,
            inputs,
            orders: index(&mut inputs.orders.iter().map(|o| o.id)),
            lines: index(&mut inputs.lines.iter().map(|l| l.id)),
            decisions,
            linked_by,
            manual,
            now: event_time(now),
        }
    }

    pub(super) fn order(&self, id: i64) -> Option<&'a Order> {
        let at = self.orders.binary_search_by_key(&id, |p| p.0).ok()?;
        self.inputs.orders.get(self.orders[at].1 as usize)
    }

    pub(super) fn line(&self, id: i64) -> Option<&'a Line> {
        let at = self.lines.binary_search_by_key(&id, |p| p.0).ok()?;
        self.inputs.lines.get(self.lines[at].1 as usize)
    }

    /// The row, and why a resolved decision no longer holds (new data changed the case's order
    /// or lines, or Cuadra now judges it differently), if it does not.
    pub(crate) fn shape(&self, c: &ReconCase) -> (Prepared, Option<Msg>) {
        let inp = self.inputs;
        let order = c.order_id.and_then(|id| self.order(id));
        let lines: Vec<&Line> = c.line_ids.iter().filter_map(|&id| self.line(id)).collect();
        let refs: Vec<&str> = lines
            .iter()
            .filter_map(|l| inp.s(l.psp_txn_id).or(inp.s(l.merchant_ref)))
            .collect();
        let customer = order
            .and_then(|o| inp.s(o.customer))
            .or_else(|| lines.iter().find_map(|l| inp.s(l.payer_email)))
            .map(str::to_string);
        let members = membership(c.order_id, &c.line_ids);

        let mut rule = c.rule.to_string();
        let mut decided_by = "cuadra".to_string();
        let mut explanation = c.explanation.clone();
        // Links made by hand.
        let hand_linked = c
            .line_ids
            .iter()
            .find(|id| c.order_id.is_some() && self.manual.link.get(id) == c.order_id.as_ref());
        let hand_held = c.line_ids.iter().find(|id| self.manual.hold.contains(id));
        if let Some(line) = hand_linked {
            rule = "manual_match".into();
            decided_by = self.linked_by.get(line).cloned().unwrap_or_default();
            explanation = msg!(MATCHED_BY_HAND, &decided_by, Arg::sentence(explanation));
        } else if let Some(line) = hand_held {
            rule = "manual_unmatch".into();
            decided_by = self.linked_by.get(line).cloned().unwrap_or_default();
            explanation = msg!(UNMATCHED_BY_HAND, &decided_by, Arg::sentence(explanation));
        }

        let mut state = CaseState::Open;
        let mut contradicted = None;
        if let Some(d) = self.decisions.get(&c.key) {
            let resolved = d.state_after == CaseState::Resolved.as_str();
            let same_case = d.membership == members;
            // A resolution holds while the case keeps its order, its lines and its judgement.
            let undone = match (resolved, same_case) {
                (false, _) => None,
                (true, false) => Some(msg!(REOPEN_WHY)),
                (true, true) if !same_judgement(&d.status_before, c.status.as_str()) => {
                    Some(msg!(REOPEN_JUDGED_AGAIN))
                }
                (true, true) => None,
            };
            if let Some(why) = undone {
                // Worded as the reopening decision recorded now will read on every later run.
                explanation = msg!(
                    REOPENED_BY_BECAUSE,
                    "cuadra",
                    day(&self.now),
                    why.clone(),
                    Arg::sentence(explanation)
                );
                contradicted = Some(why);
            } else if resolved {
                state = CaseState::Resolved;
                decided_by = d.actor.clone();
                explanation = resolved_by(d.reason.as_deref(), &d.actor, &d.at, explanation);
            } else if same_case && (d.action == "auto_reopen" || d.action == "reopen") {
                explanation = match d.reason.as_deref() {
                    Some(r) => msg!(
                        REOPENED_BY_BECAUSE,
                        &d.actor,
                        day(&d.at),
                        Arg::from(recorded_reason(r)),
                        Arg::sentence(explanation)
                    ),
                    None => msg!(
                        REOPENED_BY,
                        &d.actor,
                        day(&d.at),
                        Arg::sentence(explanation)
                    ),
                };
            }
        }

        let line_date = c
            .line_ids
            .iter()
            .filter_map(|id| self.line(*id))
            .find_map(|l| l.approved_at.or(l.created_at));
        let (event_utc, period) = event_and_period(c, line_date, self.zone);
        let row = CaseRow {
            case_key: c.key.clone(),
            status: c.status.as_str().to_string(),
            engine_status: c.status.as_str().to_string(),
            rule,
            state: state.as_str().to_string(),
            order_id: c.order_id,
            order_ref: order.and_then(|o| inp.s(o.order_name)).map(str::to_string),
            shop_order_id: order
                .and_then(|o| inp.s(o.shop_order_id))
                .map(str::to_string),
            settlement_refs: refs.join("|"),
            matched_keys: c.matched_keys.join("|"),
            order_total: amount(&c.order_total),
            paid_amount: amount(&c.paid_amount),
            difference: amount(&c.difference),
            currency: c.currency.clone(),
            fee_total: amount(&c.fee_total),
            tax_total: amount(&c.tax_total),
            net_settled: amount(&c.net_settled),
            settlement_currency: c.settlement_currency.clone(),
            psp: c.psp.clone(),
            payment_method: c.payment_method.clone(),
            order_created_at: shown(&c.order_created_at, self.zone),
            paid_at: shown(&c.paid_at, self.zone),
            voucher_expires_at: shown(&c.voucher_expires_at, self.zone),
            settled_at: shown(&c.settled_at, self.zone),
            shop_status: c.shop_status.map(|s| s.as_str().to_string()),
            customer,
            decided_by,
            explanation,
            period,
            locked: false,
            review: Default::default(),
            // Read from the decisions where the case is read (`CASE_COLUMNS`).
            reason: None,
            note: None,
        }
        .with_review();
        let fingerprint = fingerprint(&row, &c.line_ids);
        (
            Prepared {
                sort_amount: sort_amount(c),
                time_edge: c.time_edge.map(|t| t.timestamp()),
                event_utc,
                line_ids: c.line_ids.clone(),
                fingerprint,
                row,
            },
            contradicted,
        )
    }
}

/// The latest decision on a case key.
#[derive(Clone, Debug)]
pub(crate) struct LastDecision {
    pub action: String,
    /// The case's status when the decision was taken.
    pub status_before: String,
    pub state_after: String,
    pub membership: String,
    pub reason: Option<String>,
    pub actor: String,
    pub at: String,
}

/// Whether a case resolved while it was `before` is still judged the same now that it is `now`:
/// the same status, or a status the passing of time alone leads to (a voucher that expired, a
/// settlement grace that ran out). Anything else means the facts or the rules changed, and the
/// resolution reopens instead of silently covering another judgement.
pub(super) fn same_judgement(before: &str, now: &str) -> bool {
    const BY_TIME: [[&str; 2]; 2] = [
        ["awaiting_payment", "expired_unpaid"],
        ["awaiting_settlement", "missing_settlement"],
    ];
    before == now
        || BY_TIME
            .iter()
            .any(|pair| pair.contains(&before) && pair.contains(&now))
}

#[cfg(test)]
mod tests {
    use super::same_judgement;

    #[test]
    fn time_alone_does_not_undo_a_resolution_but_a_new_judgement_does() {
        assert!(same_judgement("matched", "matched"));
        assert!(
            same_judgement("awaiting_payment", "expired_unpaid"),
            "a voucher that expired since: the resolution still holds"
        );
        assert!(same_judgement("awaiting_settlement", "missing_settlement"));
        assert!(!same_judgement("matched", "psp_status_unknown"));
        assert!(!same_judgement("charged_back", "disputed"));
        assert!(!same_judgement("settlement_charge", "batch_mismatch"));
        assert!(!same_judgement("awaiting_payment", "matched"));
    }
}
