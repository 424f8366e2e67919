//! Stored cases and the review acts on them, through `Workspace::run_reconciliation`,
//! `Workspace::act` and the case queries, on the hand-written fixtures (a Shopify export and a
//! dLocal batch: 4 orders, 9 lines).

use super::{count, now, refusal, TestWs};
use chrono::{DateTime, TimeDelta, Utc};
use cuadra_core::cases::recon_inputs_for;
use cuadra_core::cases::{CaseFilter, CaseSort, SortKey};
use cuadra_core::code::ErrorCode;
use cuadra_core::reconcile::{reconcile_inputs, Inputs, Manual};
use cuadra_core::review::{ActionKind, ActionRequest, ReviewError};

fn as_of() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-05-10T12:00:00-05:00")
        .unwrap()
        .with_timezone(&Utc)
}

fn later(minutes: i64) -> DateTime<Utc> {
    now() + TimeDelta::minutes(minutes)
}

fn reconciled() -> TestWs {
    let mut t = TestWs::new();
    t.import_fixture("shopify_orders_co.csv");
    t.import_fixture("dlocal_crossborder_co.csv");
    t.ws.run_reconciliation(as_of(), "ana", now()).unwrap();
    t
}

fn req(key: &str, action: ActionKind) -> ActionRequest {
    ActionRequest {
        case_key: key.into(),
        action,
        reason: None,
        note: None,
        line_ids: Vec::new(),
        order_id: None,
        order_ref: None,
        expected_membership: None,
    }
}

/// Every settlement line sits in exactly one stored case, every order in exactly one.
fn assert_partition(t: &TestWs) {
    assert_eq!(
        count(t, "SELECT COUNT(*) FROM case_lines"),
        count(t, "SELECT COUNT(*) FROM settlement_lines"),
        "every line must be in a case"
    );
    assert_eq!(
        count(
            t,
            "SELECT COUNT(DISTINCT order_id) FROM cases WHERE order_id IS NOT NULL"
        ),
        count(t, "SELECT COUNT(*) FROM shop_orders"),
        "every order must be in a case"
    );
    assert_eq!(
        count(t, "SELECT COUNT(*) FROM cases WHERE order_id IS NOT NULL"),
        count(t, "SELECT COUNT(*) FROM shop_orders"),
        "an order must not be in two cases"
    );
}

fn status(t: &TestWs, key: &str) -> (String, String, String) {
    let c =
        t.ws.case(key)
            .unwrap()
            .unwrap_or_else(|| panic!("no case {key}"));
    (c.status, c.state, c.rule)
}

/// Every field of the engine's inputs, texts resolved: two loads that agree give equal lists.
fn resolved(inputs: &Inputs) -> (Vec<String>, Vec<String>) {
    let t = |x| format!("{:?}", inputs.s(x));
    let mut orders: Vec<String> = inputs
        .orders
        .iter()
        .map(|o| {
            format!(
                "{} {} {} {} {} {} {:?} {} {:?} {:?} {:?} {:?} {} {}",
                o.id,
                t(o.platform),
                t(o.order_name),
                t(o.shop_order_id),
                t(o.payment_reference),
                t(o.payment_id),
                o.financial_status,
                t(o.currency),
                o.total,
                o.created_at,
                o.paid_at,
                o.expires_at,
                t(o.payment_method),
                t(o.customer)
            )
        })
        .collect();
    let mut lines: Vec<String> = inputs
        .lines
        .iter()
        .map(|l| {
            format!(
                "{} {} {} {:?} {:?} {} {} {} {} {:?} {} {:?} {:?} {:?} {:?} {} {:?} {:?} {:?} {:?} {}",
                l.id,
                t(l.psp),
                t(l.batch_ref),
                l.row_type,
                l.status,
                t(l.merchant_ref),
                t(l.psp_txn_id),
                t(l.psp_order_id),
                t(l.payment_method),
                l.local_amount,
                t(l.local_currency),
                l.gross_amount,
                l.fee_amount,
                l.tax_amount,
                l.net_amount,
                t(l.settlement_currency),
                l.created_at,
                l.approved_at,
                l.settled_at,
                l.expires_at,
                t(l.payer_email)
            )
        })
        .collect();
    orders.sort();
    lines.sort();
    (orders, lines)
}

#[test]
fn the_two_connection_load_reads_what_one_connection_reads() {
    let t = reconciled();
    // A whole workspace (WAL, on disk) is read on two connections and merged into one arena;
    // asking for every id by name reads on the workspace's own connection.
    let whole = t.ws.recon_inputs().unwrap();
    let conn = t.ws.conn();
    let ids = |sql: &str| -> Vec<i64> {
        let mut stmt = conn.prepare(sql).unwrap();
        let rows = stmt.query_map([], |r| r.get(0)).unwrap();
        rows.collect::<Result<_, _>>().unwrap()
    };
    let orders = ids("SELECT id FROM shop_orders");
    let lines = ids("SELECT id FROM settlement_lines");
    assert!(!orders.is_empty() && !lines.is_empty());
    let one = recon_inputs_for(conn, &orders, &lines).unwrap();
    assert_eq!(resolved(&whole), resolved(&one));
    assert_eq!(whole.orders.len(), orders.len());
    assert_eq!(whole.lines.len(), lines.len());
}

#[test]
fn a_run_stores_what_the_engine_decides_and_records_an_event() {
    let t = reconciled();
    let settings = t.ws.recon_settings().unwrap();
    let inputs = t.ws.recon_inputs().unwrap();
    let engine = reconcile_inputs(&inputs, &settings, as_of(), &Manual::default());
    let (total, rows) =
        t.ws.list_cases(
            &CaseFilter::default(),
            CaseSort {
                key: SortKey::CaseKey,
                desc: false,
            },
            0,
            100,
        )
        .unwrap();
    assert_eq!(
        total as usize,
        engine.len() + 1,
        "the engine's cases and the batch rounding"
    );
    let rows: Vec<_> = rows
        .into_iter()
        .filter(|r| !r.case_key.starts_with("batch:"))
        .collect();
    for (row, case) in rows.iter().zip(&engine) {
        assert_eq!(row.case_key, case.key);
        assert_eq!(row.status, case.status.as_str());
        assert_eq!(row.decided_by, "cuadra");
        assert_eq!(row.state, "open");
    }
    assert_partition(&t);
    let order = t.ws.case("order:shopify:1001").unwrap().unwrap();
    assert_eq!(order.order_ref.as_deref(), Some("#1001"));
    assert_eq!(order.settlement_refs, "T-912-ey10001");
    // dLocal's 2026-05-05 08:15:33 is UTC (SmashPig's reading): 03:15:33 in Bogotá.
    assert_eq!(order.paid_at.as_deref(), Some("2026-05-05T03:15:33-05:00"));
    assert_eq!(order.period.as_deref(), Some("2026-05"));
    let v = t.ws.verify_audit().unwrap();
    assert!(v.ok(), "{v:?}");
    assert_eq!(
        count(
            &t,
            "SELECT COUNT(*) FROM audit_events WHERE action = 'reconcile'"
        ),
        1
    );
}

#[test]
fn a_rerun_with_nothing_new_rewrites_nothing_and_keeps_ids() {
    let mut t = reconciled();
    let ids = count(&t, "SELECT SUM(id) FROM cases");
    let second = t.ws.run_reconciliation(as_of(), "ana", later(1)).unwrap();
    assert_eq!((second.written, second.removed), (0, 0), "{second:?}");
    assert_eq!(count(&t, "SELECT SUM(id) FROM cases"), ids);
    assert_eq!(count(&t, "SELECT COUNT(*) FROM recon_runs"), 2);
}

#[test]
fn the_case_list_filters_sorts_and_pages_in_the_store() {
    let t = reconciled();
    let by = |f: CaseFilter| t.ws.list_cases(&f, CaseSort::default(), 0, 50).unwrap();
    let (n, rows) = by(CaseFilter {
        statuses: vec!["paid_shop_pending".into()],
        ..CaseFilter::default()
    });
    assert_eq!(n, 2);
    assert!(rows.iter().all(|r| r.status == "paid_shop_pending"));
    let (n, rows) = by(CaseFilter {
        text: Some("ey10004".into()),
        ..CaseFilter::default()
    });
    assert_eq!((n, rows[0].case_key.as_str()), (1, "order:shopify:1004"));
    let (n, _) = by(CaseFilter {
        amount_min: Some("100000".into()),
        ..CaseFilter::default()
    });
    assert_eq!(n, 2, "orders of 150000 and 1250000");
    let (_, desc) =
        t.ws.list_cases(
            &CaseFilter::default(),
            CaseSort {
                key: SortKey::Amount,
                desc: true,
            },
            0,
            1,
        )
        .unwrap();
    assert_eq!(desc[0].case_key, "order:shopify:1003");
    let (total, page) =
        t.ws.list_cases(
            &CaseFilter::default(),
            CaseSort {
                key: SortKey::CaseKey,
                desc: false,
            },
            8,
            5,
        )
        .unwrap();
    assert_eq!((total, page.len()), (10, 2), "offset 8 of 10 leaves two");
    let bad = t.ws.list_cases(
        &CaseFilter {
            from: Some("31/10/2026".into()),
            ..CaseFilter::default()
        },
        CaseSort::default(),
        0,
        5,
    );
    assert!(bad.unwrap_err().to_string().contains("2026-10-31"));
}

#[test]
fn a_resolution_survives_reruns_and_is_in_the_case_history() {
    let mut t = reconciled();
    let mut r = req("line:dlocal:5", ActionKind::Resolve);
    r.reason = Some("refund_pending_at_psp".into());
    r.note = Some("dLocal ticket 4411".into());
    let out = t.ws.act(&r, "ana", later(5)).unwrap();
    assert_eq!(out.cases[0].state, "resolved");
    assert_eq!(out.cases[0].decided_by, "ana");
    t.ws.run_reconciliation(as_of(), "ana", later(6)).unwrap();
    let c = t.ws.case("line:dlocal:5").unwrap().unwrap();
    assert_eq!(
        (c.state.as_str(), c.decided_by.as_str()),
        ("resolved", "ana")
    );
    assert!(
        c.explanation
            .to_string()
            .starts_with("Resolved (refund pending at the PSP) by ana"),
        "{}",
        c.explanation
    );
    let history = t.ws.case_history("line:dlocal:5").unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].action, "case_resolve");
    assert_eq!(history[0].note.as_deref(), Some("dLocal ticket 4411"));

    // Undo is a compensating act.
    let mut reopen = req("line:dlocal:5", ActionKind::Reopen);
    reopen.reason = Some("PSP says the refund was never requested".into());
    t.ws.act(&reopen, "luis", later(7)).unwrap();
    assert_eq!(status(&t, "line:dlocal:5").1, "open");
    assert_eq!(t.ws.case_history("line:dlocal:5").unwrap().len(), 2);
    assert!(t.ws.verify_audit().unwrap().ok());
}

#[test]
fn a_first_run_of_many_cases_leaves_every_index_as_the_schema_defines_it() {
    let indexes = |t: &TestWs| -> Vec<(String, String)> {
        let mut stmt =
            t.ws.conn()
                .prepare(
                    "SELECT name, coalesce(sql, '') FROM sqlite_master
                 WHERE type = 'index' AND tbl_name IN ('cases', 'case_lines') ORDER BY name",
                )
                .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let schema = indexes(&TestWs::new());
    assert!(schema.len() >= 8, "{schema:?}");
    // Over 20,000 cases written at once: the indexes are set aside and built at the end.
    let (t, _) = super::scenario_ws(cuadra_testkit::scenario::ScenarioPsp::Dlocal, 3, 21_000);
    assert!(count(&t, "SELECT COUNT(*) FROM cases") > 20_000);
    assert_eq!(indexes(&t), schema);
    assert_eq!(
        t.ws.conn()
            .query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
            .unwrap(),
        "ok"
    );
    assert_partition(&t);
}

#[test]
fn an_act_on_a_case_that_changed_since_it_was_opened_is_refused_and_writes_nothing() {
    let mut t = reconciled();
    let key = "order:shopify:1002";
    let seen = t.ws.case_detail(key).unwrap().unwrap().membership;
    let line = t.ws.case_line_ids(key).unwrap()[0];
    let order = t.ws.case(key).unwrap().unwrap().order_id.unwrap();
    assert_eq!(seen, format!("o{order}:l{line}"));

    // Ana takes the line out, having seen the case as it was.
    let mut un = req(key, ActionKind::Unmatch);
    un.reason = Some("the buyer paid another shop's voucher".into());
    un.expected_membership = Some(seen.clone());
    t.ws.act(&un, "ana", later(1)).unwrap();

    // Luis still has the old view open: his resolution is refused, nothing is written.
    let before = t.table_counts();
    let mut r = req(key, ActionKind::Resolve);
    r.reason = Some("written_off".into());
    r.expected_membership = Some(seen);
    let err = t.ws.act(&r, "luis", later(2)).unwrap_err();
    assert_eq!(refusal(&err), ("stale_case", ErrorCode::StaleCase), "{err}");
    assert!(err.to_string().contains("open it again"), "{err}");
    assert_eq!(t.table_counts(), before);

    // Opened again, the act goes through.
    r.expected_membership = Some(t.ws.case_detail(key).unwrap().unwrap().membership);
    assert_eq!(
        r.expected_membership.as_deref(),
        Some(format!("o{order}:l").as_str())
    );
    t.ws.act(&r, "luis", later(3)).unwrap();
    assert_eq!(status(&t, key).1, "resolved");
}

#[test]
fn a_resolved_case_whose_line_joins_a_new_order_is_recorded_as_reopened() {
    let mut t = reconciled();
    let mut r = req("line:dlocal:5", ActionKind::Resolve);
    r.reason = Some("refund_pending_at_psp".into());
    t.ws.act(&r, "ana", later(5)).unwrap();
    let line = t.ws.case_line_ids("line:dlocal:5").unwrap()[0];

    // A later export brings order #987, the one the refund line names: the line leaves its own
    // case, and the resolution on that case goes with it, on the record.
    let export = String::from_utf8(super::fixture("shopify_orders_co_later.csv"))
        .unwrap()
        .replace("#1005", "#987")
        .replace("PED-001005", "PED-000987");
    assert!(t
        .import("shopify_orders_987.csv", export.as_bytes())
        .succeeded());
    let run = t.ws.run_reconciliation(as_of(), "ana", later(6)).unwrap();
    assert!(t.ws.case("line:dlocal:5").unwrap().is_none());
    let now_in = t.ws.case_of_line(line).unwrap().unwrap();
    assert!(now_in.starts_with("order:shopify:"), "{now_in}");
    assert_eq!(run.reopened, vec!["line:dlocal:5".to_string()]);
    let (action, membership, reason, actor): (String, String, String, String) =
        t.ws.conn()
            .query_row(
                "SELECT action, membership, reason, actor FROM case_decisions
                 WHERE case_key = 'line:dlocal:5' ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
    assert_eq!(
        (action.as_str(), membership.as_str(), actor.as_str()),
        ("auto_reopen", "gone", "cuadra")
    );
    let reason = cuadra_core::words::Msg::from_stored(&reason);
    assert_eq!(
        reason.to_string(),
        format!("Its order and settlement lines now belong to case {now_in}")
    );
    assert_eq!(
        reason.render(cuadra_core::words::Lang::Es),
        format!("Su pedido y sus líneas de liquidación ahora pertenecen al caso {now_in}")
    );
    let history = t.ws.case_history("line:dlocal:5").unwrap();
    assert_eq!(
        history.last().map(|e| e.action.as_str()),
        Some("case_reopened_by_data")
    );
    // Recorded once: the next run finds nothing more to say.
    let run = t.ws.run_reconciliation(as_of(), "ana", later(7)).unwrap();
    assert!(run.reopened.is_empty(), "{run:?}");
    assert!(t.ws.verify_audit().unwrap().ok());
}

#[test]
fn acts_without_what_the_record_needs_are_refused_and_write_nothing() {
    let mut t = reconciled();
    let events = count(&t, "SELECT COUNT(*) FROM audit_events");
    let code = |e: ReviewError| refusal(&e);
    let r = req("line:dlocal:5", ActionKind::Resolve);
    assert_eq!(
        code(t.ws.act(&r, "ana", now()).unwrap_err()),
        ("reason_required", ErrorCode::ReasonRequired)
    );
    let mut r = req("line:dlocal:5", ActionKind::Resolve);
    r.reason = Some("lost_in_mail".into());
    assert_eq!(
        code(t.ws.act(&r, "ana", now()).unwrap_err()),
        ("bad_reason", ErrorCode::InvalidAction)
    );
    r.reason = Some("other".into());
    assert_eq!(
        code(t.ws.act(&r, "ana", now()).unwrap_err()),
        ("reason_required", ErrorCode::NoteRequired)
    );
    let r = req("order:shopify:1002", ActionKind::Confirm);
    assert_eq!(
        code(t.ws.act(&r, "ana", now()).unwrap_err()),
        ("not_allowed", ErrorCode::InvalidAction)
    );
    let mut r = req("order:shopify:1002", ActionKind::Reopen);
    r.reason = Some("x".into());
    assert_eq!(
        code(t.ws.act(&r, "ana", now()).unwrap_err()),
        ("not_allowed", ErrorCode::InvalidAction)
    );
    let r = req("order:shopify:9999", ActionKind::Note);
    assert_eq!(
        code(t.ws.act(&r, "ana", now()).unwrap_err()),
        ("no_such_case", ErrorCode::NotFound)
    );
    assert_eq!(count(&t, "SELECT COUNT(*) FROM audit_events"), events);
    assert_eq!(count(&t, "SELECT COUNT(*) FROM case_decisions"), 0);
}

#[test]
fn unmatch_and_match_by_hand_move_lines_between_cases_and_survive_reruns() {
    let mut t = reconciled();
    assert_eq!(status(&t, "order:shopify:1002").0, "matched");
    let line: i64 = t.ws.case_line_ids("order:shopify:1002").unwrap()[0];

    let mut un = req("order:shopify:1002", ActionKind::Unmatch);
    un.reason = Some("the buyer paid another shop's voucher".into());
    t.ws.act(&un, "ana", later(1)).unwrap();
    assert_partition(&t);
    let alone = t.ws.case_of_line(line).unwrap().unwrap();
    assert_ne!(alone, "order:shopify:1002");
    let (st, _, rule) = status(&t, &alone);
    assert_eq!(
        (st.as_str(), rule.as_str()),
        ("unmatched_settlement", "manual_unmatch")
    );
    assert_ne!(status(&t, "order:shopify:1002").0, "matched");

    // A full rerun reaches the same cases.
    let run =
        t.ws.run_reconciliation_with(as_of(), "ana", later(2), true)
            .unwrap();
    assert_eq!(
        run.written, 0,
        "a rerun must agree with the partial recompute: {run:?}"
    );

    let mut m = req(&alone, ActionKind::Match);
    m.order_id = t.ws.case("order:shopify:1002").unwrap().unwrap().order_id;
    m.reason = Some("checked the voucher with the buyer".into());
    let out = t.ws.act(&m, "luis", later(3)).unwrap();
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    assert_partition(&t);
    let c = t.ws.case("order:shopify:1002").unwrap().unwrap();
    assert_eq!(
        (c.status.as_str(), c.rule.as_str(), c.decided_by.as_str()),
        ("matched", "manual_match", "luis")
    );
    assert!(
        t.ws.case(&alone).unwrap().is_none(),
        "the line's own case is gone"
    );
    let run = t.ws.run_reconciliation(as_of(), "ana", later(4)).unwrap();
    assert_eq!(run.written, 0, "{run:?}");
    assert!(t.ws.verify_audit().unwrap().ok());
}

#[test]
fn a_manual_match_with_different_amounts_warns() {
    let mut t = reconciled();
    // Take order 1003's own payment out, then match order 1002's payment (89,900) to it.
    let mut un = req("order:shopify:1003", ActionKind::Unmatch);
    un.reason = Some("that voucher was for another order".into());
    t.ws.act(&un, "ana", later(1)).unwrap();
    let line = t.ws.case_line_ids("order:shopify:1002").unwrap()[0];
    let mut m = req("order:shopify:1003", ActionKind::Match);
    m.line_ids = vec![line];
    m.reason = Some("buyer sent the receipt".into());
    let out = t.ws.act(&m, "ana", later(2)).unwrap();
    assert_eq!(out.warnings.len(), 1, "{:?}", out.warnings);
    assert!(
        out.warnings[0].contains("-1160100 COP"),
        "{}",
        out.warnings[0]
    );
    assert_partition(&t);
    let c = t.ws.case("order:shopify:1003").unwrap().unwrap();
    assert_eq!(
        (c.status.as_str(), c.rule.as_str()),
        ("underpaid", "manual_match")
    );
    assert_ne!(
        status(&t, "order:shopify:1002").0,
        "matched",
        "its payment moved away"
    );
    let run = t.ws.run_reconciliation(as_of(), "ana", later(3)).unwrap();
    assert_eq!(run.written, 0, "{run:?}");
}

#[test]
fn a_resolved_case_reopens_when_a_second_payment_arrives() {
    let mut t = reconciled();
    let mut r = req("order:shopify:1004", ActionKind::Resolve);
    r.reason = Some("accepted_late_payment".into());
    t.ws.act(&r, "ana", later(1)).unwrap();
    assert_eq!(status(&t, "order:shopify:1004").1, "resolved");

    let header = "EXTERNAL_REFERENCE,SOURCE_ID,PAYMENT_METHOD,PAYMENT_METHOD_TYPE,TRANSACTION_TYPE,TRANSACTION_AMOUNT,TRANSACTION_CURRENCY,TRANSACTION_DATE,FEE_AMOUNT,SETTLEMENT_NET_AMOUNT,SETTLEMENT_CURRENCY,SETTLEMENT_DATE";
    let row = "PED-001004,88009990001,efecty,ticket,SETTLEMENT,62000.00,COP,2026-05-06T19:00:00.000-04:00,-2000.00,60000.00,COP,2026-05-08T10:00:00.000-04:00";
    let rep = t.import(
        "mp_second_payment.csv",
        format!("{header}\n{row}\n").as_bytes(),
    );
    assert_eq!(rep.new, 1, "{rep:?}");
    let run = t.ws.run_reconciliation(as_of(), "ana", later(2)).unwrap();
    assert_eq!(run.reopened, vec!["order:shopify:1004".to_string()]);
    let c = t.ws.case("order:shopify:1004").unwrap().unwrap();
    assert_eq!(
        (c.status.as_str(), c.state.as_str()),
        ("duplicate_payment", "open")
    );
    assert!(
        c.explanation
            .to_string()
            .starts_with("Reopened by cuadra on"),
        "{}",
        c.explanation
    );
    let history = t.ws.case_history("order:shopify:1004").unwrap();
    assert_eq!(history.last().unwrap().action, "case_reopened_by_data");
    assert_eq!(history.last().unwrap().actor, "cuadra");
    // Reopened once, not on every run.
    let again = t.ws.run_reconciliation(as_of(), "ana", later(3)).unwrap();
    assert!(again.reopened.is_empty());
    assert_eq!(
        again.written, 0,
        "the reopened case reads the same on every run: {again:?}"
    );
    assert!(t.ws.verify_audit().unwrap().ok());
}

/// Decisions survive an upgrade or a settings change only while the case is judged the same:
/// a resolution taken on one status does not silently cover another.
#[test]
fn a_resolved_case_cuadra_now_judges_differently_reopens_and_says_why() {
    let mut t = reconciled();
    let key = "order:shopify:1002";
    assert_eq!(status(&t, key).0, "matched");
    let mut r = req(key, ActionKind::Resolve);
    r.reason = Some("other".into());
    r.note = Some("checked with the buyer".into());
    t.ws.act(&r, "ana", later(1)).unwrap();
    assert_eq!(status(&t, key).1, "resolved");
    // Created 2026-05-05 08:00, paid 2026-05-06 04:01 (Bogotá): with a 12 h voucher the
    // payment is late. Same order, same line: only the judgement changed.
    t.ws.set_setting("validity_hours", "12", "ana", later(2))
        .unwrap();
    let run = t.ws.run_reconciliation(as_of(), "ana", later(3)).unwrap();
    assert_eq!(run.reopened, vec![key.to_string()]);
    let c = t.ws.case(key).unwrap().unwrap();
    assert_eq!(
        (c.status.as_str(), c.state.as_str()),
        ("paid_after_expiry", "open")
    );
    assert!(
        c.explanation
            .to_string()
            .contains("Cuadra judges it differently since it was resolved"),
        "{}",
        c.explanation
    );
    let again = t.ws.run_reconciliation(as_of(), "ana", later(4)).unwrap();
    assert!(again.reopened.is_empty(), "reopened once, not on every run");
    assert!(t.ws.verify_audit().unwrap().ok());
}

#[test]
fn bulk_resolve_checks_every_case_before_writing_any_and_skips_the_resolved() {
    let mut t = reconciled();
    let keys = vec!["line:dlocal:8".to_string(), "line:dlocal:9".to_string()];
    let twice = vec!["line:dlocal:8".to_string(), "line:dlocal:8".to_string()];
    let err =
        t.ws.bulk_resolve(&twice, "written_off", None, "ana", later(2))
            .unwrap_err();
    assert!(err.to_string().contains("twice"), "{err}");
    assert_eq!(status(&t, "line:dlocal:8").1, "open", "nothing written");
    let unknown = vec!["line:dlocal:8".to_string(), "line:dlocal:999".to_string()];
    let err =
        t.ws.bulk_resolve(&unknown, "written_off", None, "ana", later(2))
            .unwrap_err();
    assert_eq!(refusal(&err), ("no_such_case", ErrorCode::NotFound));
    assert_eq!(status(&t, "line:dlocal:8").1, "open", "nothing written");

    let mut one = req("line:dlocal:9", ActionKind::Resolve);
    one.reason = Some("written_off".into());
    t.ws.act(&one, "ana", later(1)).unwrap();
    let out =
        t.ws.bulk_resolve(&keys, "written_off", Some("bank charges"), "ana", later(3))
            .unwrap();
    assert_eq!(out.resolved, vec!["line:dlocal:8".to_string()]);
    assert_eq!(
        out.skipped,
        vec!["line:dlocal:9".to_string()],
        "already resolved: left as it was, and said"
    );
    assert_eq!(status(&t, "line:dlocal:8").1, "resolved");
    let again =
        t.ws.bulk_resolve(&keys, "written_off", None, "ana", later(4))
            .unwrap();
    assert!(again.resolved.is_empty());
    assert_eq!(again.audit_seqs, None, "nothing recorded");
    assert!(t.ws.verify_audit().unwrap().ok());
}

#[test]
fn the_summary_adds_exact_amounts_per_status() {
    let t = reconciled();
    let s = t.ws.case_summary(&CaseFilter::default()).unwrap();
    assert_eq!(
        s.cases, 10,
        "9 lines' and orders' cases and the batch's rounding"
    );
    let pending = s
        .by_status
        .iter()
        .find(|x| x.status == "paid_shop_pending")
        .unwrap();
    assert_eq!(pending.cases, 2);
    assert_eq!(pending.order_total, "1400000", "150000 + 1250000");
}

#[test]
fn the_filtered_cases_total_per_currency() {
    let t = reconciled();
    // Main amounts from 80,000 to 160,000: #1001 (150,000, paid at Efecty, shop pending) and
    // #1002 (89,900, matched). #1004 (62,000) and #1003 (1,250,000) fall outside.
    let filter = CaseFilter {
        amount_min: Some("80000".into()),
        amount_max: Some("160000".into()),
        ..CaseFilter::default()
    };
    let totals = t.ws.case_totals(&filter).unwrap();
    assert_eq!(totals.len(), 1, "{totals:?}");
    let cop = &totals[0];
    assert_eq!(cop.currency.as_deref(), Some("COP"));
    assert_eq!(cop.cases, 2);
    assert_eq!(cop.order_total, "239900", "150000 + 89900");
    assert_eq!(cop.paid_amount, "239900", "both paid in full");
    assert_eq!(cop.difference, "0");
}

#[test]
fn a_batch_whose_lines_do_not_add_up_to_its_total_books_the_rounding() {
    let mut t = reconciled();
    let key = "batch:dlocal:771204:rounding";
    let c = t.ws.case(key).unwrap().expect("a rounding case");
    assert_eq!(
        (c.status.as_str(), c.rule.as_str()),
        ("settlement_charge", "batch_rounding")
    );
    // 329.71 stated; the lines add up to 329.710094.
    assert_eq!(c.net_settled.as_deref(), Some("-0.000094"));
    assert_eq!(c.settlement_currency.as_deref(), Some("USD"));
    let mut r = req(key, ActionKind::Resolve);
    r.reason = Some("written_off".into());
    t.ws.act(&r, "ana", later(1)).unwrap();
    assert_eq!(
        status(&t, key).1,
        "resolved",
        "a batch case survives its own act"
    );
    t.ws.run_reconciliation(as_of(), "ana", later(2)).unwrap();
    assert_eq!(status(&t, key).1, "resolved", "and a rerun");
}

/// A workspace holding a generated scenario (every status planted), reconciled at its as-of.
fn scenario() -> (TestWs, DateTime<Utc>) {
    super::scenario_ws(cuadra_testkit::scenario::ScenarioPsp::Dlocal, 7, 120)
}

fn first_key(t: &TestWs, status: &str) -> String {
    let (_, rows) =
        t.ws.list_cases(
            &CaseFilter {
                statuses: vec![status.into()],
                ..CaseFilter::default()
            },
            CaseSort::default(),
            0,
            1,
        )
        .unwrap();
    rows.first()
        .unwrap_or_else(|| panic!("the scenario plants {status}"))
        .case_key
        .clone()
}

#[test]
fn confirming_a_suggestion_matches_it_and_a_rerun_keeps_it() {
    let (mut t, as_of) = scenario();
    let key = first_key(&t, "suggested");
    let line = t.ws.case_line_ids(&key).unwrap();
    assert_eq!(line.len(), 1, "a suggestion holds the order and one line");
    // Its line is shown as a suggestion for the order, not as matched to it.
    let detail = t.ws.case_detail(&key).unwrap().unwrap();
    let ids =
        |lines: &[cuadra_core::cases::DetailLine]| lines.iter().map(|l| l.id).collect::<Vec<_>>();
    let (matched, suggested) = detail.matched_and_suggested_lines();
    assert_eq!((ids(matched), ids(suggested)), (vec![], line.clone()));
    let out =
        t.ws.act(&req(&key, ActionKind::Confirm), "ana", later(1))
            .unwrap();
    let c = out.cases.iter().find(|c| c.case_key == key).unwrap();
    assert_ne!(c.status, "suggested", "{c:?}");
    let detail = t.ws.case_detail(&key).unwrap().unwrap();
    let (matched, suggested) = detail.matched_and_suggested_lines();
    assert_eq!(
        (ids(matched), ids(suggested)),
        (line.clone(), vec![]),
        "once confirmed, the line is matched"
    );
    assert_eq!(
        (c.rule.as_str(), c.decided_by.as_str()),
        ("manual_match", "ana")
    );
    assert_partition(&t);
    let run =
        t.ws.run_reconciliation_with(as_of, "ana", later(2), true)
            .unwrap();
    assert_eq!(
        run.written, 0,
        "a full rerun agrees with the confirmed match: {run:?}"
    );
    assert_eq!(t.ws.case_line_ids(&key).unwrap(), line);
    // A confirmed case is not a suggestion any more: confirming again is refused.
    let err =
        t.ws.act(&req(&key, ActionKind::Confirm), "ana", later(3))
            .unwrap_err();
    assert_eq!(refusal(&err), ("not_allowed", ErrorCode::InvalidAction));
}

#[test]
fn a_note_is_recorded_without_changing_the_case() {
    let (mut t, _) = scenario();
    let key = first_key(&t, "missing_settlement");
    let before = t.ws.case(&key).unwrap().unwrap();
    let mut n = req(&key, ActionKind::Note);
    n.note = Some("called dLocal, ticket 8812".into());
    t.ws.act(&n, "luis", later(1)).unwrap();
    let after = t.ws.case(&key).unwrap().unwrap();
    assert_eq!((after.status, after.state), (before.status, before.state));
    let h = t.ws.case_history(&key).unwrap();
    assert_eq!(
        h.last().unwrap().note.as_deref(),
        Some("called dLocal, ticket 8812")
    );
    assert_eq!(h.last().unwrap().actor, "luis");
}

#[test]
fn acts_in_a_closed_period_are_refused_until_it_is_reopened() {
    let (mut t, _) = scenario();
    let key = first_key(&t, "underpaid");
    let period = t.ws.case(&key).unwrap().unwrap().period.unwrap();
    let june = DateTime::parse_from_rfc3339("2026-06-02T14:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    t.ws.close_period(&period, "ana", june, None).unwrap();
    assert!(t.ws.case(&key).unwrap().unwrap().locked);
    let events = count(&t, "SELECT COUNT(*) FROM audit_events");
    let mut r = req(&key, ActionKind::Resolve);
    r.reason = Some("written_off".into());
    let err = t.ws.act(&r, "ana", june).unwrap_err();
    assert_eq!(
        refusal(&err),
        ("period_closed", ErrorCode::PeriodClosed),
        "{err}"
    );
    let err =
        t.ws.bulk_resolve(std::slice::from_ref(&key), "written_off", None, "ana", june)
            .unwrap_err();
    assert_eq!(refusal(&err), ("period_closed", ErrorCode::PeriodClosed));
    assert_eq!(
        count(&t, "SELECT COUNT(*) FROM audit_events"),
        events,
        "nothing recorded"
    );
    t.ws.reopen_period(&period, "luis", june, "late refund")
        .unwrap();
    t.ws.act(&r, "ana", june).unwrap();
    assert_eq!(status(&t, &key).1, "resolved");
}

#[test]
fn a_decision_survives_a_new_export_of_the_same_orders() {
    let mut t = reconciled();
    let mut r = req("order:shopify:1004", ActionKind::Resolve);
    r.reason = Some("accepted_late_payment".into());
    t.ws.act(&r, "ana", later(1)).unwrap();
    // The shop's next export shows the order again, now paid: a new snapshot of the same order.
    let rep = t.import_fixture("shopify_orders_co_later.csv");
    assert!(rep.succeeded(), "{rep:?}");
    t.ws.run_reconciliation(as_of(), "ana", later(2)).unwrap();
    let c = t.ws.case("order:shopify:1004").unwrap().unwrap();
    assert_eq!(
        c.state, "resolved",
        "same order, same lines: the decision stands: {c:?}"
    );
    assert_eq!(c.decided_by, "ana");
    assert!(t.ws.verify_audit().unwrap().ok());
}

#[test]
fn the_dashboard_facets_and_line_search_read_the_stored_cases() {
    use cuadra_core::cases::DashFilter;
    let (t, _) = scenario();
    let total = count(&t, "SELECT COUNT(*) FROM cases") as u64;
    let d = t.ws.dashboard(&DashFilter::default()).unwrap();
    assert_eq!(d.cases, total);
    assert_eq!(d.by_status.iter().map(|s| s.count).sum::<u64>(), total);
    let unmatched = count(
        &t,
        "SELECT COUNT(*) FROM cases WHERE status = 'unmatched_settlement' AND state = 'open'",
    ) as u64;
    assert!(unmatched > 0);
    assert!(d.alerts.unmatched_settlement.count <= unmatched);
    assert!(!d.settled.is_empty() && d.settled.iter().all(|s| s.currency == "USD"));
    let f = t.ws.facets().unwrap();
    assert_eq!(f.psps, vec!["dlocal".to_string()]);
    assert!(f.actors.contains(&"ana".to_string()));
    // A line found by a piece of its PSP id, with the case that holds it.
    let (line, key): (String, String) =
        t.ws.conn()
            .query_row(
                "SELECT s.psp_txn_id, c.case_key FROM settlement_lines s
             JOIN case_lines cl ON cl.line_id = s.id JOIN cases c ON c.id = cl.case_id
             WHERE s.psp_txn_id IS NOT NULL ORDER BY s.id LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
    let found = t.ws.search_lines(&line[2..]).unwrap();
    let hit = found
        .iter()
        .find(|f| f.line.psp_txn_id.as_deref() == Some(line.as_str()))
        .expect("the line is found");
    assert_eq!(hit.case_key.as_deref(), Some(key.as_str()));
    assert!(t.ws.search_lines("   ").unwrap().is_empty());
}

#[test]
fn a_batch_downloaded_twice_is_one_batch() {
    let mut t = reconciled();
    // The same batch again, as a later download with other bytes (a trailing blank line).
    let mut again = super::fixture("dlocal_crossborder_co.csv");
    again.extend_from_slice(b"\n");
    let rep = t.import("dlocal_crossborder_co (1).csv", &again);
    assert!(rep.succeeded(), "{rep:?}");
    let run = t.ws.run_reconciliation(as_of(), "ana", later(1)).unwrap();
    assert_eq!(run.written, 0, "nothing changed: {run:?}");
    let c = t.ws.case("batch:dlocal:771204:rounding").unwrap().unwrap();
    assert_eq!(c.rule, "batch_rounding", "{c:?}");
    assert_eq!(
        count(
            &t,
            "SELECT COUNT(*) FROM cases WHERE case_key LIKE 'batch:%'"
        ),
        1
    );
}

#[test]
fn a_batch_without_a_reference_is_summed_over_its_own_file() {
    let mut t = TestWs::new();
    t.import_fixture("shopify_orders_co.csv");
    // The same batch with its summary's TRANSFER_ID left blank: its lines are those of the file.
    let text = String::from_utf8(super::fixture("dlocal_crossborder_co.csv")).unwrap();
    let blank = text.replacen(",2026-05-08,771204,", ",2026-05-08,,", 1);
    assert_ne!(blank, text);
    let rep = t.import("dlocal_sin_transfer.csv", blank.as_bytes());
    assert!(rep.succeeded(), "{rep:?}");
    t.ws.run_reconciliation(as_of(), "ana", now()).unwrap();
    let key: String =
        t.ws.conn()
            .query_row(
                "SELECT case_key FROM cases WHERE case_key LIKE 'batch:%'",
                [],
                |r| r.get(0),
            )
            .unwrap();
    assert!(key.starts_with("batch:dlocal:file"), "{key}");
    let c = t.ws.case(&key).unwrap().unwrap();
    assert_eq!(c.rule, "batch_rounding", "{c:?}");
    assert_eq!(c.net_settled.as_deref(), Some("-0.000094"), "{c:?}");
}

#[test]
fn a_file_whose_summary_repeats_without_a_reference_is_one_batch() {
    let mut t = TestWs::new();
    t.import_fixture("shopify_orders_co.csv");
    // HEADER and TOTAL summary rows, neither with a TRANSFER_ID: one batch, the file's (before,
    // the run failed on two cases with one key).
    let blank = super::DLOCAL_SUMMARY.replace(",771204,", ",,");
    let total = blank.replace("HEADER", "TOTAL");
    let two = super::dlocal_with_summary(&[&blank, &total]);
    let rep = t.import("dlocal_dos_resumenes.csv", two.as_bytes());
    assert!(rep.succeeded(), "{rep:?}");
    let batches: i64 =
        t.ws.conn()
            .query_row("SELECT COUNT(*) FROM settlement_batches", [], |r| r.get(0))
            .unwrap();
    assert_eq!(batches, 2, "both summary rows are batches");
    t.ws.run_reconciliation(as_of(), "ana", now()).unwrap();
    let rows: Vec<(String, Option<String>)> = {
        let mut stmt =
            t.ws.conn()
                .prepare("SELECT rule, net_settled FROM cases WHERE case_key LIKE 'batch:%'")
                .unwrap();
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        rows.collect::<Result<_, _>>().unwrap()
    };
    assert_eq!(
        rows,
        vec![("batch_rounding".to_string(), Some("-0.000094".to_string()))],
        "one batch holding the file's lines: only the rounding is left"
    );
}

#[test]
fn a_note_after_a_resolution_does_not_change_who_resolved_it() {
    let mut t = reconciled();
    let mut r = req("line:dlocal:5", ActionKind::Resolve);
    r.reason = Some("written_off".into());
    t.ws.act(&r, "ana", later(1)).unwrap();
    let mut n = req("line:dlocal:5", ActionKind::Note);
    n.note = Some("checked again".into());
    t.ws.act(&n, "luis", later(2)).unwrap();
    t.ws.run_reconciliation(as_of(), "ana", later(3)).unwrap();
    let c = t.ws.case("line:dlocal:5").unwrap().unwrap();
    assert_eq!(
        (c.state.as_str(), c.decided_by.as_str()),
        ("resolved", "ana")
    );
    assert!(
        c.explanation
            .to_string()
            .starts_with("Resolved (written off) by ana"),
        "{}",
        c.explanation
    );
}

#[test]
fn an_amount_beyond_any_sort_range_is_a_clear_error_not_a_crash() {
    let t = reconciled();
    let err =
        t.ws.list_cases(
            &CaseFilter {
                amount_min: Some("10000000000000000000000000".into()),
                ..CaseFilter::default()
            },
            CaseSort::default(),
            0,
            5,
        )
        .unwrap_err();
    assert!(err.to_string().contains("is not an amount"), "{err}");
}

#[test]
fn an_act_that_takes_a_line_from_a_resolved_case_reopens_it_on_the_record() {
    let mut t = reconciled();
    let mut r = req("order:shopify:1002", ActionKind::Resolve);
    r.reason = Some("shop_corrected".into());
    t.ws.act(&r, "ana", later(1)).unwrap();
    let line = t.ws.case_line_ids("order:shopify:1002").unwrap()[0];
    let mut m = req("order:shopify:1003", ActionKind::Match);
    m.line_ids = vec![line];
    m.reason = Some("the voucher was for 1003".into());
    t.ws.act(&m, "luis", later(2)).unwrap();
    let c = t.ws.case("order:shopify:1002").unwrap().unwrap();
    assert_eq!(c.state, "open", "{c:?}");
    let history = t.ws.case_history("order:shopify:1002").unwrap();
    assert_eq!(history.last().unwrap().action, "case_reopened_by_data");
    // Recorded once: the next run finds nothing new to reopen.
    let run = t.ws.run_reconciliation(as_of(), "ana", later(3)).unwrap();
    assert!(run.reopened.is_empty(), "{run:?}");
    assert_eq!(run.written, 0, "{run:?}");
    assert!(t.ws.verify_audit().unwrap().ok());
}

#[test]
fn acts_made_while_reruns_run_on_another_connection_are_never_overwritten() {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    let t = reconciled();
    let path = t.ws.path().to_path_buf();
    let key = "line:dlocal:5";
    let stop = Arc::new(AtomicBool::new(false));
    let runs = Arc::new(AtomicUsize::new(0));
    let runner = {
        let (path, stop, runs) = (path.clone(), stop.clone(), runs.clone());
        std::thread::spawn(move || {
            let mut ws = cuadra_core::store::Workspace::open(&path).unwrap();
            while !stop.load(Ordering::Relaxed) {
                ws.run_reconciliation(as_of(), "cuadra-job", later(0))
                    .unwrap();
                runs.fetch_add(1, Ordering::Relaxed);
                // Reruns come one after another, not back to back forever: let acts in.
                std::thread::sleep(Duration::from_millis(1));
            }
        })
    };
    // However slow or busy the machine, the acts below only count if reruns really run between
    // them: wait for the first rerun, then keep acting until several more have finished.
    let deadline = Instant::now() + Duration::from_secs(120);
    let wait_for = |n: usize| {
        while runs.load(Ordering::Relaxed) < n {
            assert!(
                Instant::now() < deadline,
                "the rerun thread made no progress"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
    };
    wait_for(1);
    let before = runs.load(Ordering::Relaxed);
    let mut ws = cuadra_core::store::Workspace::open(&path).unwrap();
    let mut i = 0;
    let mut last = "";
    while i < 200 || runs.load(Ordering::Relaxed) < before + 5 {
        assert!(
            Instant::now() < deadline,
            "acts and reruns did not interleave in time"
        );
        let resolve = i % 2 == 0;
        let mut r = req(
            key,
            if resolve {
                ActionKind::Resolve
            } else {
                ActionKind::Reopen
            },
        );
        r.reason = Some(if resolve {
            "written_off".into()
        } else {
            "checking again".into()
        });
        ws.act(&r, "ana", later(i)).unwrap();
        last = if resolve { "resolved" } else { "open" };
        let state = ws.case(key).unwrap().unwrap().state;
        assert_eq!(state, last, "act {i}");
        i += 1;
    }
    stop.store(true, Ordering::Relaxed);
    runner.join().unwrap();
    assert!(runs.load(Ordering::Relaxed) >= before + 5);
    // Whatever the interleaving, the stored case agrees with the last act, after a last rerun too.
    assert_eq!(ws.case(key).unwrap().unwrap().state, last);
    ws.run_reconciliation(as_of(), "cuadra-job", later(0))
        .unwrap();
    assert_eq!(ws.case(key).unwrap().unwrap().state, last);
    assert!(ws.verify_audit().unwrap().ok());
}

/// The order picker of a manual match (issue 15): found by the number the shop shows, by the
/// customer typed without accents, or by the exact total as people type it. Values from the
/// fixtures: Shopify #1002 is José Muñoz's, 89,900 COP, as is WooCommerce 4502 (Andrés Díaz);
/// WooCommerce 4501 is Camila Rojas's, 150,000 COP, as is Shopify #1001 (María López).
#[test]
fn orders_are_found_by_number_customer_without_accents_and_total() {
    let mut t = TestWs::new();
    t.import_fixture("shopify_orders_co.csv");
    t.import_fixture("woocommerce_order_export_co.csv");
    t.ws.run_reconciliation(super::now(), "ana", super::now())
        .unwrap();
    let refs = |q: &str| -> Vec<String> {
        let mut v: Vec<String> =
            t.ws.search_orders(q)
                .unwrap()
                .into_iter()
                .map(|f| {
                    format!(
                        "{} {}",
                        f.order.platform,
                        f.order.order_name.unwrap_or_default()
                    )
                })
                .collect();
        v.sort();
        v
    };
    assert_eq!(refs("#1002"), vec!["shopify #1002"]);
    assert_eq!(refs("munoz"), vec!["shopify #1002"]);
    assert_eq!(refs("MUÑOZ"), vec!["shopify #1002"]);
    assert_eq!(refs("89900"), vec!["shopify #1002", "woocommerce 4502"]);
    assert_eq!(refs("89.900"), vec!["shopify #1002", "woocommerce 4502"]);
    assert_eq!(refs("andres"), vec!["woocommerce 4502"]);
    assert_eq!(refs("150000"), vec!["shopify #1001", "woocommerce 4501"]);
    assert!(refs("   ").is_empty());
    assert!(refs("nadie").is_empty());
    // Each found order comes with the case that holds it.
    let found = t.ws.search_orders("#1002").unwrap();
    assert_eq!(found[0].case_key.as_deref(), Some("order:shopify:1002"));
    assert!(found[0].status.is_some());
}

/// The reason of the last decision on a case, rendered in English.
fn last_reason(t: &TestWs, key: &str) -> (String, String) {
    let (action, reason): (String, Option<String>) =
        t.ws.conn()
            .query_row(
                "SELECT action, reason FROM case_decisions WHERE case_key = ?1 ORDER BY id DESC LIMIT 1",
                [key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
    let reason = cuadra_core::reconcile::words::recorded_reason(&reason.unwrap_or_default())
        .render(cuadra_core::words::Lang::En);
    (action, reason)
}

#[test]
fn the_last_act_is_undone_by_a_compensating_act_and_undoing_again_redoes_it() {
    let mut t = reconciled();
    assert_eq!(t.ws.last_act("ana").unwrap(), None, "no act yet");

    // A resolution, undone: the case is open again, by a reopen that names what it undid.
    let mut r = req("order:shopify:1004", ActionKind::Resolve);
    r.reason = Some("written_off".into());
    let seq = t.ws.act(&r, "ana", later(1)).unwrap().audit_seq;
    let last = t.ws.last_act("ana").unwrap().unwrap();
    assert_eq!(
        (last.action, last.case_keys.clone(), last.audit_seq),
        (
            ActionKind::Resolve,
            vec!["order:shopify:1004".to_string()],
            seq
        )
    );
    assert_eq!(
        t.ws.last_act("luis").unwrap(),
        None,
        "each person undoes their own acts"
    );
    t.ws.undo_last("ana", Some(seq), later(2)).unwrap();
    assert_eq!(status(&t, "order:shopify:1004").1, "open");
    assert_eq!(
        last_reason(&t, "order:shopify:1004"),
        (
            "reopen".to_string(),
            format!("Undo of the act “resolve” recorded as audit event #{seq}")
        )
    );
    // Undoing the undo resolves it again, with the reason it had.
    t.ws.undo_last("ana", None, later(3)).unwrap();
    let c = t.ws.case("order:shopify:1004").unwrap().unwrap();
    assert_eq!(
        (c.state.as_str(), c.reason.as_deref()),
        ("resolved", Some("written_off"))
    );

    // An unmatch, undone: the line is back in its order's case, matched as before.
    let line = t.ws.case_line_ids("order:shopify:1002").unwrap()[0];
    let mut r = req("order:shopify:1002", ActionKind::Unmatch);
    r.reason = Some("wrong order".into());
    t.ws.act(&r, "ana", later(4)).unwrap();
    assert_eq!(status(&t, "order:shopify:1002").0, "awaiting_settlement");
    t.ws.undo_last("ana", None, later(5)).unwrap();
    assert_eq!(status(&t, "order:shopify:1002").0, "matched");
    assert_eq!(
        t.ws.case_line_ids("order:shopify:1002").unwrap(),
        vec![line]
    );
    assert_partition(&t);

    // A bulk resolve is one act: undone, every case of it is open again.
    let keys = vec![
        "order:shopify:1001".to_string(),
        "order:shopify:1003".to_string(),
    ];
    t.ws.bulk_resolve(&keys, "shop_corrected", None, "ana", later(6))
        .unwrap();
    let last = t.ws.last_act("ana").unwrap().unwrap();
    assert_eq!(last.case_keys, keys);
    // The window showed an older act: refused, nothing written.
    let events = count(&t, "SELECT COUNT(*) FROM audit_events");
    let err = t.ws.undo_last("ana", Some(seq), later(7)).unwrap_err();
    assert!(err.to_string().contains("not #"), "{err}");
    assert_eq!(count(&t, "SELECT COUNT(*) FROM audit_events"), events);
    t.ws.undo_last("ana", Some(last.audit_seq), later(7))
        .unwrap();
    assert_eq!(status(&t, "order:shopify:1001").1, "open");
    assert_eq!(status(&t, "order:shopify:1003").1, "open");

    // A note stays: the trail keeps it.
    let mut r = req("order:shopify:1003", ActionKind::Note);
    r.note = Some("llamar al cliente".into());
    t.ws.act(&r, "ana", later(8)).unwrap();
    let err = t.ws.undo_last("ana", None, later(9)).unwrap_err();
    assert!(err.to_string().contains("cannot be undone"), "{err}");
    assert!(t.ws.verify_audit().unwrap().ok());
}

#[test]
fn the_case_search_folds_accents_and_case_both_ways() {
    let t = reconciled();
    let keys = |text: &str| -> Vec<String> {
        let filter = CaseFilter {
            text: Some(text.into()),
            ..CaseFilter::default()
        };
        let sort = CaseSort {
            key: SortKey::CaseKey,
            desc: false,
        };
        let (_, rows) = t.ws.list_cases(&filter, sort, 0, 50).unwrap();
        rows.into_iter().map(|r| r.case_key).collect()
    };
    // #1002 is José Muñoz's order.
    assert_eq!(
        keys("munoz"),
        vec!["order:shopify:1002"],
        "typed without accents"
    );
    assert_eq!(
        keys("MUÑOZ josé"),
        vec!["order:shopify:1002"],
        "typed with them, in capitals"
    );
    // #1001 is María López's.
    assert!(keys("maria lopez").contains(&"order:shopify:1001".to_string()));
    assert!(
        keys("mu").contains(&"order:shopify:1002".to_string()),
        "short words still find"
    );
}
