//! Partial runs (`cases::incremental`): after any sequence of imports, review acts and as-of
//! dates, a partial run leaves the workspace exactly as a full run would. Each partial run is
//! checked against a full run of a copy of the workspace made right after it: the full run
//! must find nothing to write, remove or reopen, and both must hold the same cases, lines,
//! time edges and counts.
//!
//! The files are small Shopify exports and dLocal cross-border batches (the layouts of the
//! hand-written fixtures `shopify_orders_co.csv` and `dlocal_crossborder_co.csv`, see
//! `tests/fixtures/SOURCES.md`), written here row by row with keys drawn from a few order
//! numbers and their one-edit neighbours, so that exact links, shared keys, suggestions, ties,
//! expiries and grace periods all occur. This generator only needs to write valid files; the
//! reference for what the cases must be is the full run, not anything computed here.

use super::{now, TestWs};
use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use cuadra_core::review::{ActionKind, ActionRequest};
use cuadra_core::store::Workspace;
use proptest::prelude::*;

const SHOPIFY_HEADER: &str = "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing City,Billing Province,Shipping City,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Id,Tags,Source,Payment ID";

const DLOCAL_SUMMARY_HEADER: &str = "ROW_TYPE,SETTLEMENT_CURRENCY,NUMBER_OF_ITEMS,GROSS_TOTAL_AMOUNT,FEE_TOTAL_AMOUNT,NET_TOTAL_AMOUNT,TRANSFER_DATE,TRANSFER_ID,,,,,,,,,,,,,,,,,";
const DLOCAL_HEADER: &str = "ROW_TYPE,MID,LOGIN,COUNTRY,CREATION_DATE,APPROVED_DATE,TRANSACTION_ID,DLOCAL_TRANSACTION_ID,LOCAL_AMOUNT,LOCAL_CURRENCY,FX_RATE,GROSS_AMOUNT,FEE_AMOUNT,NET_AMOUNT,PAYMENT_TYPE,PAYMENT_METHOD_CODE,CARD_BIN,CARD_TYPE,INSTALLMENTS,STATUS,STATUS_CODE,STATUS_DETAILS,USER_DOCUMENT,USER_EMAIL,DESCRIPTION";

/// Order numbers; their payment references are `PED-` + the number.
const ORDERS: [u32; 6] = [1001, 1010, 1100, 1012, 1021, 2001];
/// What a line's TRANSACTION_ID quotes: an order's reference, a number one edit from one
/// (1001/1010 swap, 1012/1021 swap, 1100/1010 ...), or nothing any order has.
const LINE_REFS: [&str; 9] = [
    "PED-1001", "PED-1010", "PED-1100", "PED-1012", "PED-1021", "PED-2001", "PED-2010", "PED-1011",
    "PED-9999",
];
const AMOUNTS: [u32; 3] = [50_000, 89_900, 150_000];

/// A payment of a batch: (reference, amount, approval day, hour, paid?).
type Payment = (usize, usize, u32, u32, bool);

#[derive(Clone, Debug)]
enum Step {
    /// A Shopify export of these orders: (order, paid?, amount, creation day).
    Orders(Vec<(usize, bool, usize, u32)>),
    /// A dLocal batch of these payments: (reference, amount, approval day, hour, paid?).
    Batch(Vec<Payment>),
    /// A new batch listing again the rows of an earlier one (same dLocal ids, another
    /// `TRANSFER_ID`): conflicting versions, and batches that no longer add up.
    Relist(usize),
    /// A run as of noon (Bogotá) of this day of May 2026.
    Reconcile(u32),
    /// A review act on the n-th stored case (in key order).
    Act(ActionKind, usize),
    /// A bank statement (MT940, one day of May 2026) of these credits: (kind, batch, day).
    /// Kind 0 names batch `B<batch>` in its text and credits its net (rounded to cents), 1
    /// credits that net from dLocal naming nothing, 2 credits an amount no batch has from
    /// dLocal (a credit no payout explains).
    Statement(Vec<(usize, u32, u32)>),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => prop::collection::vec((0..ORDERS.len(), any::<bool>(), 0..AMOUNTS.len(), 1u32..8), 1..5)
            .prop_map(Step::Orders),
        3 => prop::collection::vec((0..LINE_REFS.len(), 0..AMOUNTS.len(), 1u32..12, 0u32..24, prop::bool::weighted(0.8)), 1..5)
            .prop_map(Step::Batch),
        1 => (0usize..4).prop_map(Step::Relist),
        4 => (1u32..22).prop_map(Step::Reconcile),
        2 => (prop_oneof![Just(ActionKind::Confirm), Just(ActionKind::Unmatch), Just(ActionKind::Resolve)], 0usize..20)
            .prop_map(|(k, n)| Step::Act(k, n)),
        2 => prop::collection::vec((0usize..3, 1u32..5, 19u32..23), 1..4)
            .prop_map(Step::Statement),
    ]
}

fn may(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, day, 17, 0, 0).unwrap()
}

fn shopify(orders: &[(usize, bool, usize, u32)]) -> Vec<u8> {
    let mut text = format!("{SHOPIFY_HEADER}\n");
    let mut seen = Vec::new();
    for &(o, paid, amount, day) in orders {
        if seen.contains(&o) {
            continue; // one row per order in an export
        }
        seen.push(o);
        let n = ORDERS[o];
        let total = AMOUNTS[amount];
        let (status, paid_at) = if paid {
            ("paid", format!("2026-05-{:02} 11:00:00 -0500", day + 1))
        } else {
            ("pending", String::new())
        };
        text.push_str(&format!(
            "#{n},buyer{n}@example.co,{status},{paid_at},unfulfilled,,no,COP,{total}.00,0.00,0.00,{total}.00,,0.00,Envío estándar,2026-05-{day:02} 10:00:00 -0500,1,Café,{total}.00,,CAFE,true,true,pending,Buyer {n},Bogotá,DC,Bogotá,,,,Efecty (dLocal),PED-{n},0.00,Tostadores,{total}.00,55100{n},,web,\n"
        ));
    }
    text.into_bytes()
}

fn dlocal(batch: u32, lines: &[Payment]) -> Vec<u8> {
    dlocal_ids(batch, batch, lines)
}

/// A dLocal batch `batch` whose rows carry the dLocal ids of batch `ids`.
fn dlocal_ids(batch: u32, ids: u32, lines: &[Payment]) -> Vec<u8> {
    use rust_decimal::Decimal;
    // USD at 4,000 COP: exact at 4 decimals.
    let usd = |cop: u32| Decimal::from(cop) / Decimal::from(4000);
    let mut rows = String::new();
    let mut gross = Decimal::ZERO;
    for (i, &(r, amount, day, hour, paid)) in lines.iter().enumerate() {
        let cop = AMOUNTS[amount];
        let (status, code, details) = if paid {
            ("PAID", 200, "The payment was paid.")
        } else {
            ("PENDING", 100, "The payment is pending.")
        };
        gross += usd(cop);
        rows.push_str(&format!(
            "PAYMENT,912,tienda-andina,Colombia,2026-05-{day:02} 08:00:00,2026-05-{day:02} {hour:02}:10:00,{},T-{ids}-{i},{cop},COP,4000,{},0,{},TICKET,EY,,,1,{status},{code},{details},0100,buyer@example.co,Pedido\n",
            LINE_REFS[r],
            usd(cop),
            usd(cop)
        ));
    }
    format!(
        "{DLOCAL_SUMMARY_HEADER}\nHEADER,USD,{},{gross},0,{gross},2026-05-20,B{batch},,,,,,,,,,,,,,,,,\n{DLOCAL_HEADER}\n{rows}",
        lines.len()
    )
    .into_bytes()
}

/// The net of a batch `dlocal` writes (its gross: no fees).
fn net_of(lines: &[(usize, usize, u32, u32, bool)]) -> rust_decimal::Decimal {
    lines
        .iter()
        .map(|&(_, amount, ..)| {
            rust_decimal::Decimal::from(AMOUNTS[amount]) / rust_decimal::Decimal::from(4000)
        })
        .sum()
}

/// An MT940 statement (statement `n`, one day of May 2026) of these credits: (text, amount).
fn mt940(n: usize, day: u32, credits: &[(String, rust_decimal::Decimal)]) -> Vec<u8> {
    let swift = |d: rust_decimal::Decimal| {
        let t = d.round_dp(2).to_string();
        if t.contains('.') {
            t.replace('.', ",")
        } else {
            format!("{t},")
        }
    };
    let mut text = format!(
        "{{1:F01HSBCHKHHAXXX0000000000}}{{2:O9401200260520HSBCHKHHAXXX00000000002605201200N}}{{4:\r\n:20:PROP{n}\r\n:25:808000111\r\n:28C:{n}/1\r\n:60F:C2605{day:02}USD0,00\r\n"
    );
    let mut total = rust_decimal::Decimal::ZERO;
    for (i, (remi, amount)) in credits.iter().enumerate() {
        let amount = amount.round_dp(2);
        total += amount;
        text.push_str(&format!(
            ":61:2605{day:02}05{day:02}C{}NTRFNONREF//P{n}X{i}\r\n:86:/ORDP//NAME/DLOCAL LIMITED/REMI/{remi}\r\n",
            swift(amount)
        ));
    }
    text.push_str(&format!(":62F:C2605{day:02}USD{}\r\n-}}\r\n", swift(total)));
    text.into_bytes()
}

/// Every stored case as text: key, status, rule, state, fingerprint, time edge, order, lines.
fn cases(ws: &Workspace) -> Vec<String> {
    let mut stmt = ws
        .conn()
        .prepare(
            "SELECT c.case_key || '|' || c.status || '|' || c.rule || '|' || c.state || '|'
                || c.fingerprint || '|' || coalesce(c.time_edge, '-') || '|'
                || coalesce(c.order_id, '-') || '|'
                || coalesce((SELECT group_concat(line_id) FROM
                    (SELECT line_id FROM case_lines WHERE case_id = c.id ORDER BY line_id)), '')
             FROM cases c ORDER BY c.case_key",
        )
        .unwrap();
    let rows = stmt.query_map([], |r| r.get(0)).unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

/// Runs as of `as_of` the usual way, then checks a full run of a copy finds it all in place.
/// Returns whether the run was partial.
fn run_and_check(
    t: &mut TestWs,
    dir: &std::path::Path,
    as_of: DateTime<Utc>,
    at: DateTime<Utc>,
) -> bool {
    let run = t.ws.run_reconciliation(as_of, "ana", at).unwrap();
    let copy = dir.join(format!("copy-{}.db", run.run_id));
    t.ws.conn()
        .execute("VACUUM INTO ?1", [copy.to_str().unwrap()])
        .unwrap();
    let mut full = Workspace::open(&copy).unwrap();
    let decisions = |ws: &Workspace| -> i64 {
        ws.conn()
            .query_row("SELECT COUNT(*) FROM case_decisions", [], |r| r.get(0))
            .unwrap()
    };
    let before = decisions(&full);
    let check = full
        .run_reconciliation_with(as_of, "check", at, true)
        .unwrap();
    assert_eq!(check.mode, "full");
    assert_eq!(
        (check.written, check.removed, check.reopened.len()),
        (0, 0, 0),
        "a full run after the {} run changed cases: {check:?} after {run:?}",
        run.mode
    );
    assert_eq!(decisions(&full), before);
    assert_eq!(
        cases(&t.ws),
        cases(&full),
        "after the {} run {run:?}",
        run.mode
    );
    assert_eq!(
        (run.cases, &run.counts, run.orders, run.lines),
        (check.cases, &check.counts, check.orders, check.lines)
    );
    run.mode == "partial"
}

fn play(steps: &[Step]) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let mut t = TestWs::new();
    let mut batch = 0;
    let mut batches: Vec<(u32, Vec<Payment>)> = Vec::new();
    let mut partial = 0;
    let mut as_of = None;
    let mut nets: Vec<rust_decimal::Decimal> = Vec::new();
    // A payout's credit is due the day of its transfer (20 May), so runs as of the 21st and
    // later find missing payouts too.
    t.ws.set_setting("payout_window_days", "0", "ana", now())
        .unwrap();
    for (i, s) in steps.iter().enumerate() {
        let at = now() + TimeDelta::minutes(i as i64);
        match s {
            Step::Orders(orders) => {
                t.import(&format!("orders-{i}.csv"), &shopify(orders));
            }
            Step::Batch(lines) => {
                batch += 1;
                nets.push(net_of(lines));
                t.import(&format!("batch-{batch}.csv"), &dlocal(batch, lines));
                batches.push((batch, lines.clone()));
            }
            Step::Relist(n) => {
                if batches.is_empty() {
                    continue;
                }
                let (ids, lines) = batches[n % batches.len()].clone();
                batch += 1;
                t.import(
                    &format!("batch-{batch}.csv"),
                    &dlocal_ids(batch, ids, &lines),
                );
            }
            Step::Statement(credits) => {
                let day = credits[0].2;
                let net = |b: u32| {
                    nets.get(b as usize - 1)
                        .copied()
                        .unwrap_or(rust_decimal::Decimal::TEN)
                };
                let credits: Vec<(String, rust_decimal::Decimal)> = credits
                    .iter()
                    .map(|&(kind, b, _)| match kind {
                        0 => (format!("PAYOUT TRANSFER B{b}"), net(b)),
                        1 => ("INWARD REMITTANCE".to_string(), net(b)),
                        _ => (
                            "INWARD REMITTANCE".to_string(),
                            rust_decimal::Decimal::new(1234, 2),
                        ),
                    })
                    .collect();
                let r = t.import(&format!("statement-{i}.sta"), &mt940(i, day, &credits));
                assert_eq!(r.new as usize, credits.len(), "{r:?}");
            }
            Step::Reconcile(day) => {
                as_of = Some(may(*day));
                if run_and_check(&mut t, dir.path(), may(*day), at) {
                    partial += 1;
                }
            }
            Step::Act(kind, n) => {
                let Some(_) = as_of else { continue };
                let keys: Vec<String> = {
                    let mut stmt =
                        t.ws.conn()
                            .prepare("SELECT case_key FROM cases ORDER BY case_key")
                            .unwrap();
                    let rows = stmt.query_map([], |r| r.get(0)).unwrap();
                    rows.collect::<Result<_, _>>().unwrap()
                };
                if keys.is_empty() {
                    continue;
                }
                let key = &keys[n % keys.len()];
                let reason = match kind {
                    ActionKind::Resolve => "refund_pending_at_psp",
                    _ => "checked with the buyer",
                };
                let req = ActionRequest {
                    case_key: key.clone(),
                    action: *kind,
                    reason: Some(reason.into()),
                    note: None,
                    line_ids: Vec::new(),
                    order_id: None,
                    order_ref: None,
                    expected_membership: None,
                };
                // Acts a case does not allow are refused and change nothing.
                let _ = t.ws.act(&req, "ana", at);
            }
        }
    }
    if let Some(day) = as_of {
        // And once more as of the last day, nothing new.
        let at = now() + TimeDelta::minutes(steps.len() as i64);
        if run_and_check(&mut t, dir.path(), day, at) {
            partial += 1;
        }
    }
    partial
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn a_partial_run_leaves_the_cases_a_full_run_would(
        steps in prop::collection::vec(step(), 2..14)
    ) {
        play(&steps);
    }
}

/// A fixed sequence where each later run is partial and judges only what changed.
#[test]
fn a_run_after_another_judges_only_what_changed_and_says_so() {
    let steps = vec![
        Step::Orders(vec![(0, false, 0, 1), (1, false, 1, 1), (2, true, 2, 2)]),
        Step::Batch(vec![(0, 0, 2, 9, true), (2, 2, 3, 9, true)]),
        Step::Reconcile(3),
        // A payment for #1010 one edit away (PED-1001 is #1001's): a new order and a late
        // payment, then the as-of moves past #1010's voucher.
        Step::Orders(vec![(3, false, 1, 4)]),
        Step::Batch(vec![(5, 1, 5, 10, true)]),
        Step::Reconcile(5),
        Step::Reconcile(12),
        Step::Reconcile(4),
    ];
    assert_eq!(play(&steps), 4, "every run after the first is partial");

    // The second run: the orders and lines it judged are fewer than all of them.
    let dir = tempfile::tempdir().unwrap();
    let _ = dir;
    let mut t = TestWs::new();
    t.import(
        "o.csv",
        &shopify(&[(0, false, 0, 1), (1, false, 1, 1), (2, true, 2, 2)]),
    );
    t.import(
        "b1.csv",
        &dlocal(1, &[(0, 0, 2, 9, true), (2, 2, 3, 9, true)]),
    );
    let first = t.ws.run_reconciliation(may(3), "ana", now()).unwrap();
    assert_eq!((first.mode, first.judged), ("full", 5));
    t.import("o2.csv", &shopify(&[(5, false, 0, 4)]));
    let second = t.ws.run_reconciliation(may(3), "ana", now()).unwrap();
    assert_eq!(second.mode, "partial");
    // #2001 alone: it shares no key with anything and no payment is one edit from it.
    assert_eq!(second.judged, 1, "{second:?}");
    let forced =
        t.ws.run_reconciliation_with(may(3), "ana", now(), true)
            .unwrap();
    assert_eq!((forced.mode, forced.written), ("full", 0));
}

/// Bank statements imported after a run: the partial run that follows matches them (every
/// payout case is made again in every run), a review act on a payout case holds, and a full
/// run of a copy finds everything in place each time.
#[test]
fn a_statement_imported_after_a_run_is_matched_by_the_partial_run() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = TestWs::new();
    t.ws.set_setting("payout_window_days", "0", "ana", now())
        .unwrap();
    let b1 = [(0, 0, 2, 9, true), (2, 2, 3, 9, true)];
    let b2 = [(1, 0, 4, 9, true)];
    t.import("b1.csv", &dlocal(1, &b1));
    t.import("b2.csv", &dlocal(2, &b2));
    let at = |m: i64| now() + TimeDelta::minutes(m);
    assert!(!run_and_check(&mut t, dir.path(), may(19), at(1)));
    // B1's net is 12.50 + 37.50 = 50.00 (named), B2's 12.50 (by amount), and 12.34 from dLocal
    // that no payout explains.
    let credits = vec![
        ("PAYOUT TRANSFER B1".to_string(), net_of(&b1)),
        ("INWARD REMITTANCE".to_string(), net_of(&b2)),
        (
            "INWARD REMITTANCE".to_string(),
            rust_decimal::Decimal::new(1234, 2),
        ),
    ];
    assert_eq!(net_of(&b1), rust_decimal::Decimal::from(50));
    let r = t.import("s.sta", &mt940(1, 20, &credits));
    assert_eq!(r.new, 3, "{r:?}");
    assert!(run_and_check(&mut t, dir.path(), may(21), at(2)), "partial");
    let payout_cases = |t: &TestWs| -> Vec<(String, String, String)> {
        let mut stmt =
            t.ws.conn()
                .prepare(
                    "SELECT case_key, status, settlement_refs FROM cases
                     WHERE case_key LIKE 'payout:%' OR case_key LIKE 'bank:%' ORDER BY case_key",
                )
                .unwrap();
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap();
        rows.collect::<Result<_, _>>().unwrap()
    };
    let got = payout_cases(&t);
    let statuses: Vec<(&str, &str)> = got
        .iter()
        .map(|(k, s, _)| (k.split(':').next().unwrap(), s.as_str()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("bank", "bank_credit_unexplained"),
            ("payout", "payout_matched"),
            ("payout", "payout_matched"),
        ],
        "{got:?}"
    );
    assert_eq!(got[1].0, "payout:dlocal:B1");
    assert_eq!(got[1].2, "B1|P1X0");
    assert_eq!(got[2].2, "B2|P1X1");
    // A person resolves the unexplained credit; the next partial run keeps it resolved.
    let req = ActionRequest {
        case_key: got[0].0.clone(),
        action: ActionKind::Resolve,
        reason: Some("other".into()),
        note: Some("interest paid by dLocal".into()),
        line_ids: Vec::new(),
        order_id: None,
        order_ref: None,
        expected_membership: None,
    };
    t.ws.act(&req, "ana", at(3)).unwrap();
    assert!(run_and_check(&mut t, dir.path(), may(21), at(4)));
    let state: String =
        t.ws.conn()
            .query_row(
                "SELECT state FROM cases WHERE case_key = ?1",
                [&got[0].0],
                |r| r.get(0),
            )
            .unwrap();
    assert_eq!(state, "resolved");
}
