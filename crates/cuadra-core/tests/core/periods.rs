//! Closing and reopening periods on the hand-written fixtures (May 2026, reconciled): the seal,
//! its check naming changed cases, the refusals, and the history in the audit trail.

use super::{now, TestWs};
use chrono::{DateTime, Utc};
use cuadra_core::audit::AuditFilter;
use cuadra_core::periods::{ensure_period_open, period_is_closed, PeriodError};

/// June 2nd 2026, Bogotá: May has ended.
fn june() -> DateTime<Utc> {
    "2026-06-02T14:00:00Z".parse().unwrap()
}

fn reconciled() -> TestWs {
    let mut t = TestWs::new();
    t.import_fixture("shopify_orders_co.csv");
    t.import_fixture("dlocal_crossborder_co.csv");
    let as_of = "2026-05-10T17:00:00Z".parse().unwrap();
    t.ws.run_reconciliation(as_of, "ana", now()).unwrap();
    t
}

fn may_cases(t: &TestWs) -> i64 {
    t.ws.conn()
        .query_row(
            "SELECT count(*) FROM cases WHERE period = '2026-05'",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn closing_seals_the_cases_and_the_check_names_a_changed_case() {
    let mut t = reconciled();
    let cases = may_cases(&t);
    assert!(cases > 0, "the fixtures give May cases");
    let report =
        t.ws.close_period("2026-05", "ana", june(), Some("May books closed"))
            .unwrap();
    assert_eq!(report.period.state, "closed");
    assert_eq!(report.period.cases_at_close, Some(cases as u64));
    let head = t.ws.verify_audit().unwrap();
    assert_eq!(
        report.period.head_seq,
        Some(head.head_seq - 1),
        "the seal pins the head before the close event"
    );
    let check = t.ws.verify_period_seal("2026-05").unwrap();
    assert!(check.ok(), "nothing changed since the close: {check:?}");
    assert_eq!(check.cases_now, cases as u64);

    // Someone edits a case behind Cuadra's back (cases are derived data: no trigger guards them).
    let key: String = t
        .ws
        .conn()
        .query_row(
            "SELECT case_key FROM cases WHERE period = '2026-05' ORDER BY case_key LIMIT 1 OFFSET 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    t.ws.conn()
        .execute(
            "UPDATE cases SET status = 'matched', decided_by = 'mallory' WHERE case_key = ?1",
            [&key],
        )
        .unwrap();
    let check = t.ws.verify_period_seal("2026-05").unwrap();
    assert!(!check.unchanged(), "the seal must no longer match");
    assert!(!check.ok());
    assert_eq!(
        check.changed,
        vec![key.clone()],
        "the changed case is named"
    );
    assert!(check.added.is_empty() && check.removed.is_empty());
    assert!(
        check.record_problems.is_empty() && check.chain.ok(),
        "the seal's own records are intact: only the case changed"
    );

    t.ws.conn()
        .execute("DELETE FROM cases WHERE case_key = ?1", [&key])
        .unwrap();
    let check = t.ws.verify_period_seal("2026-05").unwrap();
    assert_eq!(
        check.removed,
        vec![key],
        "a deleted case is named as removed"
    );
    assert!(check.changed.is_empty());
}

#[test]
fn a_closed_period_refuses_a_second_close_and_locks_its_cases() {
    let mut t = reconciled();
    t.ws.close_period("2026-05", "ana", june(), None).unwrap();
    let events_before = t.ws.verify_audit().unwrap().events;
    let err =
        t.ws.close_period("2026-05", "luis", june(), None)
            .unwrap_err();
    assert!(matches!(err, PeriodError::AlreadyClosed { .. }), "{err}");
    assert!(
        err.to_string()
            .contains("already closed (sealed by ana on 2026-06-02T14:00:00Z)"),
        "says who sealed it and when: {err}"
    );
    assert_eq!(
        t.ws.verify_audit().unwrap().events,
        events_before,
        "a refused close records nothing"
    );

    let conn = t.ws.conn();
    assert!(period_is_closed(conn, "2026-05").unwrap());
    assert!(
        !period_is_closed(conn, "2026-04").unwrap(),
        "a never-closed period is open"
    );
    let err = ensure_period_open(conn, "2026-05").unwrap_err();
    assert!(matches!(err, PeriodError::Closed { .. }));
    assert_eq!(
        err.to_string(),
        "period 2026-05 is closed (sealed by ana on 2026-06-02T14:00:00Z); reopen it with a reason first: cuadra-cli period reopen 2026-05 --reason TEXT"
    );
    ensure_period_open(conn, "2026-06").unwrap();
}

#[test]
fn reopening_needs_a_reason_and_the_history_is_in_the_trail() {
    let mut t = reconciled();
    let err =
        t.ws.reopen_period("2026-05", "ana", june(), "late refund")
            .unwrap_err();
    assert!(matches!(err, PeriodError::NotClosed(_)), "{err}");
    t.ws.close_period("2026-05", "ana", june(), Some("first close"))
        .unwrap();
    let err =
        t.ws.reopen_period("2026-05", "luis", june(), "  ")
            .unwrap_err();
    assert!(matches!(err, PeriodError::ReasonRequired(_)), "{err}");
    assert!(
        period_is_closed(t.ws.conn(), "2026-05").unwrap(),
        "a refused reopen changes nothing"
    );

    let info =
        t.ws.reopen_period("2026-05", "luis", june(), "late refund from the PSP")
            .unwrap();
    assert_eq!(info.state, "open");
    assert_eq!(info.reopened_by.as_deref(), Some("luis"));
    ensure_period_open(t.ws.conn(), "2026-05").unwrap();
    let check = t.ws.verify_period_seal("2026-05").unwrap();
    assert!(
        check.ok(),
        "the last seal stays checkable after a reopen: {check:?}"
    );

    let report = t.ws.close_period("2026-05", "ana", june(), None).unwrap();
    assert_eq!(
        report.period.state, "closed",
        "a reopened period closes again"
    );
    let history: Vec<(String, String, Option<String>, Option<String>)> =
        t.ws.audit_log(&AuditFilter {
            subject: Some("period:2026-05".into()),
            ..AuditFilter::default()
        })
        .unwrap()
        .into_iter()
        .map(|e| (e.action, e.actor, e.reason, e.note))
        .collect();
    assert_eq!(
        history,
        vec![
            (
                "period_close".into(),
                "ana".into(),
                None,
                Some("first close".into())
            ),
            (
                "period_reopen".into(),
                "luis".into(),
                Some("late refund from the PSP".into()),
                None
            ),
            ("period_close".into(), "ana".into(), None, None),
        ]
    );
    assert!(t.ws.verify_period_seal("2026-05").unwrap().ok());
    let periods = t.ws.periods().unwrap();
    let may = periods.iter().find(|p| p.period == "2026-05").unwrap();
    assert_eq!(may.state, "closed");
    assert_eq!(
        may.reopened_by, None,
        "the record describes the latest close"
    );
}

#[test]
fn a_period_that_has_not_ended_or_is_no_period_is_refused() {
    let mut t = reconciled();
    let mid_may: DateTime<Utc> = "2026-05-20T12:00:00Z".parse().unwrap();
    let err =
        t.ws.close_period("2026-05", "ana", mid_may, None)
            .unwrap_err();
    assert!(matches!(err, PeriodError::NotEnded { .. }), "{err}");
    assert!(
        err.to_string().contains("its last day is 2026-05-31"),
        "{err}"
    );
    // 2026-06-01 02:00 UTC is still May 31st in Bogotá.
    let utc_june: DateTime<Utc> = "2026-06-01T02:00:00Z".parse().unwrap();
    assert!(matches!(
        t.ws.close_period("2026-05", "ana", utc_june, None),
        Err(PeriodError::NotEnded { .. })
    ));
    for bad in ["2026-13", "May", "2026-5"] {
        assert!(
            matches!(
                t.ws.close_period(bad, "ana", june(), None),
                Err(PeriodError::NotAPeriod(_))
            ),
            "{bad}"
        );
    }
    assert!(matches!(
        t.ws.verify_period_seal("2026-04"),
        Err(PeriodError::NeverClosed(_))
    ));
}

#[test]
fn an_edited_seal_record_is_found() {
    let mut t = reconciled();
    t.ws.close_period("2026-05", "ana", june(), None).unwrap();
    t.ws.conn()
        .execute_batch(
            "DROP TRIGGER period_seal_cases_no_update;
             UPDATE period_seal_cases SET status = 'matched'
              WHERE case_key = (SELECT min(case_key) FROM period_seal_cases);
             UPDATE cases SET status = 'matched'
              WHERE case_key = (SELECT min(case_key) FROM period_seal_cases);",
        )
        .unwrap();
    // The forger changed a case and its sealed copy alike: the seal itself gives them away.
    let check = t.ws.verify_period_seal("2026-05").unwrap();
    assert!(!check.ok());
    assert!(
        check
            .record_problems
            .iter()
            .any(|p| p.contains("no longer hash to the seal")),
        "{:?}",
        check.record_problems
    );
}

#[test]
fn a_broken_chain_is_not_sealed() {
    let mut t = reconciled();
    t.ws.conn()
        .execute_batch(
            "DROP TRIGGER audit_events_no_update;
             UPDATE audit_events SET actor = 'mallory' WHERE seq = 1;",
        )
        .unwrap();
    let err =
        t.ws.close_period("2026-05", "ana", june(), None)
            .unwrap_err();
    assert!(
        matches!(err, PeriodError::ChainBroken { seq: 1, .. }),
        "{err}"
    );
    assert!(!period_is_closed(t.ws.conn(), "2026-05").unwrap());
}
