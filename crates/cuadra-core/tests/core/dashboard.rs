//! The dashboard and the case search read what is kept beside the cases (rollups, a trigram
//! index). What the dashboard must show is worked out by hand on a small workspace whose orders
//! were written for it (aging buckets and their edges, vouchers about to expire, the order of the
//! statuses, what was settled and on which day), through a run, review acts, a rerun three days
//! later and a change of zone. On generated workspaces the rollups kept by delta (through runs,
//! acts, reruns, a purge of the rollups) must equal the rollups rebuilt from the stored cases.

use super::{now, TestWs};
use chrono::{DateTime, TimeDelta, Utc};
use cuadra_core::cases::{
    AgingPoint, AlertCount, CaseFilter, CaseSort, DailyPoint, DashFilter, Dashboard, SettledTotal,
    StatusTotal,
};
use cuadra_core::review::{ActionKind, ActionRequest};
use cuadra_core::store::Workspace;
use cuadra_testkit::scenario::{Scenario, ScenarioPsp, ScenarioSpec};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The header of a Shopify orders export (as `shopify_orders_co.csv` has it).
const SHOPIFY_HEADER: &str = "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing City,Billing Province,Shipping City,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Id,Tags,Source,Payment ID";

/// One Shopify order of one item, paid by Efecty through dLocal; `paid_at` empty for an order
/// the shop shows unpaid (`pending`).
fn shopify_order(n: u32, currency: &str, total: &str, created: &str, paid_at: &str) -> String {
    let status = if paid_at.is_empty() {
        "pending"
    } else {
        "paid"
    };
    format!(
        "#{n},buyer{n}@example.co,{status},{paid_at},unfulfilled,,no,{currency},{total},0.00,0.00,{total},,0.00,Envío estándar,{created},1,Café de Nariño 500 g,{total},,CAFE-500,true,true,pending,Buyer {n},Bogotá,DC,Bogotá,,,,Efecty (dLocal),PED-{n},0.00,Tostadores Andinos,{total},55100{n},,web,"
    )
}

fn status(status: &str, count: u64, open: u64, amount: &str, currency: &str) -> StatusTotal {
    StatusTotal {
        status: status.into(),
        count,
        open,
        amount: amount.into(),
        currency: currency.into(),
    }
}

fn aging(bucket: &str, count: u64, amount: &str, currency: &str) -> AgingPoint {
    AgingPoint {
        bucket: bucket.into(),
        count,
        amount: amount.into(),
        currency: currency.into(),
    }
}

fn resolve(ws: &mut Workspace, key: &str, minutes: i64) {
    act(ws, key, ActionKind::Resolve, minutes);
}

/// Fourteen orders written for the dashboard, all COP but one, created at chosen distances from
/// the as-of T = 2026-05-31 12:00 Bogotá (17:00 UTC), with vouchers valid 2,000 hours (the
/// `validity_hours` setting; 2,000 h = 83 days 8 hours, so a voucher created at
/// 2026-03-09 04:00 expires exactly at T). Hours of age are whole hours from creation to T.
///
/// | order | amount | created (-05:00) | age at T | voucher expires | at T |
/// | #2001 | 10,000 | 05-31 06:00 | 6 h | far | awaiting, 0_1d |
/// | #2002 | 20,000 | 05-30 13:00 | 23 h | far | awaiting, 0_1d (edge: < 24) |
/// | #2003 | 30,000 | 05-30 12:00 | 24 h | far | awaiting, 1_3d (edge) |
/// | #2004 | 40,000 | 05-28 13:00 | 71 h | far | awaiting, 1_3d |
/// | #2005 | 50,000 | 05-28 12:00 | 72 h | far | awaiting, 3_7d (edge) |
/// | #2006 | 60,000 | 05-24 12:00 | 168 h | far | awaiting, 7_30d (edge) |
/// | #2007 | 70,000 | 05-01 12:00 | 720 h | far | awaiting, 30d_plus (edge) |
/// | #2008 | 80,000 | 03-09 10:00 | 1,994 h | T + 6 h | awaiting, 30d_plus, expiring |
/// | #2009 | 90,000 | 03-09 03:00 | 2,001 h | T - 1 h | expired_unpaid |
/// | #2010 | USD 25.50 | 05-31 06:00 | 6 h | far | awaiting, 0_1d (USD) |
/// | #2011 | 11,000 | 03-10 04:00 | 1,976 h | T + 24 h | awaiting, 30d_plus, expiring (edge) |
/// | #2012 | 12,000 | 03-10 05:00 | 1,975 h | T + 25 h | awaiting, 30d_plus, not expiring |
/// | #2013 | 13,000 | 04-30 20:00 | 736 h | far | awaiting, 30d_plus, April in Bogotá |
/// | #2014 | 100,000 | 05-28 08:00, paid 09:00 | | | matched: dLocal paid it (USD 25 gross, 1 fee, 24 net; approved 05-28, transfer 05-29) |
fn hand_workspace() -> TestWs {
    let mut t = TestWs::new();
    t.ws.set_setting("validity_hours", "2000", "ana", now())
        .unwrap();
    let orders = [
        shopify_order(2001, "COP", "10000.00", "2026-05-31 06:00:00 -0500", ""),
        shopify_order(2002, "COP", "20000.00", "2026-05-30 13:00:00 -0500", ""),
        shopify_order(2003, "COP", "30000.00", "2026-05-30 12:00:00 -0500", ""),
        shopify_order(2004, "COP", "40000.00", "2026-05-28 13:00:00 -0500", ""),
        shopify_order(2005, "COP", "50000.00", "2026-05-28 12:00:00 -0500", ""),
        shopify_order(2006, "COP", "60000.00", "2026-05-24 12:00:00 -0500", ""),
        shopify_order(2007, "COP", "70000.00", "2026-05-01 12:00:00 -0500", ""),
        shopify_order(2008, "COP", "80000.00", "2026-03-09 10:00:00 -0500", ""),
        shopify_order(2009, "COP", "90000.00", "2026-03-09 03:00:00 -0500", ""),
        shopify_order(2010, "USD", "25.50", "2026-05-31 06:00:00 -0500", ""),
        shopify_order(2011, "COP", "11000.00", "2026-03-10 04:00:00 -0500", ""),
        shopify_order(2012, "COP", "12000.00", "2026-03-10 05:00:00 -0500", ""),
        shopify_order(2013, "COP", "13000.00", "2026-04-30 20:00:00 -0500", ""),
        shopify_order(
            2014,
            "COP",
            "100000.00",
            "2026-05-28 08:00:00 -0500",
            "2026-05-28 09:00:00 -0500",
        ),
    ];
    let shop = format!("{SHOPIFY_HEADER}\n{}\n", orders.join("\n"));
    let rep = t.import("pedidos_tablero.csv", shop.as_bytes());
    assert!(rep.succeeded(), "{rep:?}");
    // A dLocal batch of one payment, its summary adding up (1 item, 25 - 1 = 24 USD). dLocal's
    // times are UTC: approved 2026-05-28 15:00 UTC is 10:00 in Bogotá.
    let text = super::dlocal_with_summary(&["HEADER,USD,1,25,-1,24,2026-05-29,880001,"]);
    let mut lines: Vec<&str> = text.lines().take(3).collect();
    lines.push("PAYMENT,912,tienda-andina,Colombia,2026-05-28 14:00:00,2026-05-28 15:00:00,PED-2014,T-912-ey20014,100000,COP,4000,25,-1,24,TICKET,EY,,,1,PAID,200,The payment was paid.,0101,buyer2014@example.co,Pedido #2014");
    let batch = format!("{}\n", lines.join("\n"));
    let rep = t.import("dlocal_880001.csv", batch.as_bytes());
    assert!(rep.succeeded(), "{rep:?}");
    t
}

/// T, the as-of of the first run: 2026-05-31 12:00 in Bogotá.
fn hand_as_of() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-05-31T12:00:00-05:00")
        .unwrap()
        .with_timezone(&Utc)
}

#[test]
fn the_dashboard_shows_what_was_worked_out_by_hand_through_acts_reruns_and_a_zone_change() {
    let mut t = hand_workspace();
    t.ws.run_reconciliation(hand_as_of(), "ana", now()).unwrap();
    let all = DashFilter::default();
    let d = t.ws.dashboard(&all).unwrap();
    assert_eq!(d.as_of, "2026-05-31T17:00:00Z");
    // 14 orders, 14 cases, none resolved. Reconciled: #2014 (matched). Waiting: the twelve
    // awaiting_payment. To review: #2009 (expired_unpaid).
    assert_eq!(
        (d.cases, d.open, d.reconciled, d.waiting, d.to_review),
        (14, 14, 1, 12, 1)
    );
    // In the engine's order of statuses (matched first, though "awaiting_payment" comes first
    // alphabetically), then by currency. Awaiting COP: 10,000 + 20,000 + 30,000 + 40,000 +
    // 50,000 + 60,000 + 70,000 + 80,000 + 11,000 + 12,000 + 13,000 = 396,000 (11 orders).
    assert_eq!(
        d.by_status,
        vec![
            status("matched", 1, 1, "100000", "COP"),
            status("awaiting_payment", 11, 11, "396000", "COP"),
            status("awaiting_payment", 1, 1, "25.5", "USD"),
            status("expired_unpaid", 1, 1, "90000", "COP"),
        ]
    );
    // Buckets in their order, then currency: 0_1d #2001 + #2002 = 30,000 and #2010;
    // 1_3d #2003 + #2004 = 70,000; 3_7d #2005; 7_30d #2006; 30d_plus #2007 + #2008 + #2011 +
    // #2012 + #2013 = 70,000 + 80,000 + 11,000 + 12,000 + 13,000 = 186,000.
    assert_eq!(
        d.aging,
        vec![
            aging("0_1d", 2, "30000", "COP"),
            aging("0_1d", 1, "25.5", "USD"),
            aging("1_3d", 2, "70000", "COP"),
            aging("3_7d", 1, "50000", "COP"),
            aging("7_30d", 1, "60000", "COP"),
            aging("30d_plus", 5, "186000", "COP"),
        ]
    );
    // Expiring within a day of T (both ends in): #2008 (T + 6 h) and #2011 (T + 24 h):
    // 80,000 + 11,000 = 91,000. #2012 (T + 25 h) is not; #2009 has expired.
    let expiring = AlertCount {
        count: 2,
        amount: "91000".into(),
        currency: "COP".into(),
    };
    assert_eq!(d.alerts.expiring_vouchers, expiring);
    assert_eq!(d.alerts.paid_shop_pending, AlertCount::default());
    assert_eq!(d.alerts.unmatched_settlement, AlertCount::default());
    assert_eq!(d.alerts.missing_settlement, AlertCount::default());
    assert_eq!(d.alerts.batch_mismatch, AlertCount::default());
    // dLocal settled #2014: 25 gross, 1 fee, no tax, 24 net, in USD.
    let settled = vec![SettledTotal {
        currency: "USD".into(),
        gross: "25".into(),
        fees: "-1".into(),
        taxes: "0".into(),
        net: "24".into(),
    }];
    assert_eq!(d.settled, settled);
    // #2014's 100,000 paid on 05-28 (10:00 in Bogotá) and settled on 05-29, the transfer date.
    let daily = vec![
        DailyPoint {
            date: "2026-05-28".into(),
            paid: "100000".into(),
            settled: "0".into(),
            currency: "COP".into(),
        },
        DailyPoint {
            date: "2026-05-29".into(),
            paid: "0".into(),
            settled: "100000".into(),
            currency: "COP".into(),
        },
    ];
    assert_eq!(d.daily, daily);
    // A selection: April holds #2013 only; May's 31st holds #2001 and #2010; an empty PSP or
    // period selects nothing.
    let april = DashFilter {
        period: Some("2026-04".into()),
        ..DashFilter::default()
    };
    let a = t.ws.dashboard(&april).unwrap();
    assert_eq!((a.cases, a.waiting), (1, 1));
    assert_eq!(a.aging, vec![aging("30d_plus", 1, "13000", "COP")]);
    assert!(a.daily.is_empty(), "{:?}", a.daily);
    let the_31st = DashFilter {
        date_from: Some("2026-05-31".into()),
        date_to: Some("2026-05-31".into()),
        ..DashFilter::default()
    };
    let day = t.ws.dashboard(&the_31st).unwrap();
    assert_eq!(
        day.aging,
        vec![
            aging("0_1d", 1, "10000", "COP"),
            aging("0_1d", 1, "25.5", "USD")
        ]
    );
    // A case's day is the day it was settled, else paid, else created: the 28th holds #2004 and
    // #2005, the 29th #2014 (settled then, paid the 28th). Each day charts its own day only.
    let one_day = |day: &str| DashFilter {
        date_from: Some(day.into()),
        date_to: Some(day.into()),
        ..DashFilter::default()
    };
    let day = t.ws.dashboard(&one_day("2026-05-28")).unwrap();
    assert_eq!((day.cases, day.waiting), (2, 2));
    assert!(day.daily.is_empty(), "{:?}", day.daily);
    let day = t.ws.dashboard(&one_day("2026-05-29")).unwrap();
    assert_eq!((day.cases, day.reconciled), (1, 1));
    assert_eq!(day.daily, daily[1..]);
    assert_eq!(day.settled, settled);
    for nothing in [
        DashFilter {
            psp: Some(String::new()),
            ..DashFilter::default()
        },
        DashFilter {
            period: Some(String::new()),
            ..DashFilter::default()
        },
    ] {
        assert_eq!(t.ws.dashboard(&nothing).unwrap().cases, 0, "{nothing:?}");
    }

    // Review acts: #2001 and #2007 resolved. They count as reconciled and leave the aging; the
    // status totals keep them (count) but not as open.
    resolve(&mut t.ws, "order:shopify:2001", 1);
    resolve(&mut t.ws, "order:shopify:2007", 2);
    let d = t.ws.dashboard(&all).unwrap();
    assert_eq!(
        (d.cases, d.open, d.reconciled, d.waiting, d.to_review),
        (14, 12, 3, 10, 1)
    );
    assert_eq!(
        d.by_status[1],
        status("awaiting_payment", 11, 9, "396000", "COP")
    );
    // 0_1d COP: #2002 = 20,000; 30d_plus: 186,000 - 70,000 = 116,000 (4 orders).
    assert_eq!(
        d.aging,
        vec![
            aging("0_1d", 1, "20000", "COP"),
            aging("0_1d", 1, "25.5", "USD"),
            aging("1_3d", 2, "70000", "COP"),
            aging("3_7d", 1, "50000", "COP"),
            aging("7_30d", 1, "60000", "COP"),
            aging("30d_plus", 4, "116000", "COP"),
        ]
    );
    assert_eq!(d.alerts.expiring_vouchers, expiring);

    // A rerun three days later, T' = T + 72 h: every age grows by 72 hours; #2008, #2011 and
    // #2012 (expiring by T + 25 h) are now expired_unpaid, like #2009; no voucher expires within
    // a day of T'.
    t.ws.run_reconciliation(
        hand_as_of() + TimeDelta::hours(72),
        "ana",
        now() + TimeDelta::hours(1),
    )
    .unwrap();
    let d = t.ws.dashboard(&all).unwrap();
    assert_eq!(d.as_of, "2026-06-03T17:00:00Z");
    // Awaiting COP: #2001 (resolved), #2002 to #2007 (#2007 resolved), #2013: 10,000 + 20,000 +
    // 30,000 + 40,000 + 50,000 + 60,000 + 70,000 + 13,000 = 293,000, 8 cases, 6 open.
    // Expired: #2008 + #2009 + #2011 + #2012 = 80,000 + 90,000 + 11,000 + 12,000 = 193,000.
    assert_eq!(
        d.by_status,
        vec![
            status("matched", 1, 1, "100000", "COP"),
            status("awaiting_payment", 8, 6, "293000", "COP"),
            status("awaiting_payment", 1, 1, "25.5", "USD"),
            status("expired_unpaid", 4, 4, "193000", "COP"),
        ]
    );
    assert_eq!(
        (d.cases, d.open, d.reconciled, d.waiting, d.to_review),
        (14, 12, 3, 7, 4)
    );
    // 3_7d: #2002 (95 h), #2003 (96 h), #2004 (143 h), #2005 (144 h) = 140,000, and #2010
    // (78 h); 7_30d: #2006 (240 h); 30d_plus: #2013 (808 h).
    let aging_later = vec![
        aging("3_7d", 4, "140000", "COP"),
        aging("3_7d", 1, "25.5", "USD"),
        aging("7_30d", 1, "60000", "COP"),
        aging("30d_plus", 1, "13000", "COP"),
    ];
    assert_eq!(d.aging, aging_later);
    assert_eq!(d.alerts.expiring_vouchers, AlertCount::default());
    assert_eq!(d.settled, settled);
    assert_eq!(d.daily, daily);

    // Shanghai is 13 hours ahead of Bogotá: #2002 and #2003 (05-30 13:00 and 12:00 in Bogotá)
    // fall on the 31st there, at once; ages and expiries do not move. A case's period stays
    // the one its run filed it in: #2013 (04-30 20:00 in Bogotá, May 1st in Shanghai) is still
    // April's.
    t.ws.set_setting("zone", "Asia/Shanghai", "ana", now() + TimeDelta::hours(2))
        .unwrap();
    let day = t.ws.dashboard(&the_31st).unwrap();
    // #2001 (resolved), #2002 and #2003 (both 3_7d now: 20,000 + 30,000) and #2010.
    assert_eq!(
        day.aging,
        vec![
            aging("3_7d", 2, "50000", "COP"),
            aging("3_7d", 1, "25.5", "USD")
        ]
    );
    assert_eq!((day.cases, day.reconciled), (4, 1));
    assert_eq!(t.ws.dashboard(&all).unwrap().aging, aging_later);
    let a = t.ws.dashboard(&april).unwrap();
    assert_eq!(a.aging, aging_later[3..]);
    // An act in the new zone: #2013 resolved leaves the 30d_plus bucket, and the act files the
    // case it recomputes by the zone of now: #2013 is May's (May 1st in Shanghai). May then
    // holds #2001 to #2007, #2010, #2013, #2014 = 10 cases; reconciled #2001, #2007, #2013
    // (resolved) and #2014 (matched); 7 open.
    resolve(&mut t.ws, "order:shopify:2013", 200);
    assert_eq!(t.ws.dashboard(&april).unwrap().cases, 0);
    let may =
        t.ws.dashboard(&DashFilter {
            period: Some("2026-05".into()),
            ..DashFilter::default()
        })
        .unwrap();
    assert_eq!((may.cases, may.reconciled, may.open), (10, 4, 7));
    assert_eq!(may.aging, aging_later[..3]);
    let d = t.ws.dashboard(&all).unwrap();
    assert_eq!(d.aging, aging_later[..3]);
    assert_eq!(
        (d.cases, d.open, d.reconciled, d.waiting, d.to_review),
        (14, 11, 4, 6, 4)
    );
}

/// Every selection's dashboard, and the facets, from the rollups as the workspace kept them
/// (by delta, through runs, acts and reruns) equal those of a copy of it whose rollups were
/// rebuilt from the stored cases; and each dashboard's parts add up to its whole.
fn assert_rollups_match_a_rebuild(ws: &Workspace, when: &str) {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("rebuilt.db");
    ws.backup_to(&copy).unwrap();
    let mut rebuilt = Workspace::open(&copy).unwrap();
    rebuilt.rebuild_case_views().unwrap();
    let facets = ws.facets().unwrap();
    assert_eq!(facets, rebuilt.facets().unwrap(), "{when}");
    assert!(!facets.payment_methods.is_empty(), "{when}");
    let sels = selections(ws);
    assert!(sels.len() >= 5, "{when}: too few selections to compare");
    for f in sels {
        let kept = ws.dashboard(&f).unwrap();
        assert_eq!(
            kept,
            rebuilt.dashboard(&f).unwrap(),
            "{when}: selection {f:?}"
        );
        assert_eq!(
            kept.to_review + kept.waiting + kept.reconciled,
            kept.cases,
            "{when}: {f:?}"
        );
        assert_eq!(
            kept.by_status.iter().map(|s| s.count).sum::<u64>(),
            kept.cases,
            "{when}: {f:?}"
        );
        assert_eq!(
            kept.by_status.iter().map(|s| s.open).sum::<u64>(),
            kept.open,
            "{when}: {f:?}"
        );
    }
}

/// Selections worth comparing: everything, each period, each PSP, date ranges (one of one PSP),
/// and one period of one PSP.
fn selections(ws: &Workspace) -> Vec<DashFilter> {
    let facets = ws.facets().unwrap();
    // An empty PSP or period selects nothing, as in the case filter.
    let mut out = vec![
        DashFilter::default(),
        DashFilter {
            psp: Some(String::new()),
            ..DashFilter::default()
        },
        DashFilter {
            period: Some(String::new()),
            ..DashFilter::default()
        },
    ];
    for p in &facets.periods {
        out.push(DashFilter {
            period: Some(p.clone()),
            ..DashFilter::default()
        });
    }
    for psp in &facets.psps {
        out.push(DashFilter {
            psp: Some(psp.clone()),
            ..DashFilter::default()
        });
        if let Some(p) = facets.periods.first() {
            out.push(DashFilter {
                period: Some(p.clone()),
                psp: Some(psp.clone()),
                ..DashFilter::default()
            });
        }
    }
    let days: Vec<String> = {
        let mut stmt = ws
            .conn()
            .prepare("SELECT DISTINCT substr(event_utc, 1, 10) FROM cases WHERE event_utc IS NOT NULL ORDER BY 1")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    if days.len() > 12 {
        let (from, to) = (
            days[days.len() / 3].clone(),
            days[days.len() * 2 / 3].clone(),
        );
        out.push(DashFilter {
            date_from: Some(from.clone()),
            date_to: Some(to.clone()),
            ..DashFilter::default()
        });
        out.push(DashFilter {
            date_to: Some(from),
            psp: facets.psps.first().cloned(),
            ..DashFilter::default()
        });
        out.push(DashFilter {
            date_from: Some(to),
            ..DashFilter::default()
        });
    }
    out
}

fn load(psp: ScenarioPsp, seed: u64) -> (TestWs, DateTime<Utc>) {
    super::scenario_ws(psp, seed, 200)
}

fn first_key(ws: &Workspace, status: &str) -> String {
    let (_, rows) = ws
        .list_cases(
            &CaseFilter {
                statuses: vec![status.into()],
                state: Some("open".into()),
                ..CaseFilter::default()
            },
            CaseSort::default(),
            0,
            1,
        )
        .unwrap();
    rows.first()
        .unwrap_or_else(|| panic!("no open {status} case"))
        .case_key
        .clone()
}

fn act(ws: &mut Workspace, key: &str, action: ActionKind, minutes: i64) {
    let reason = match action {
        ActionKind::Resolve => "written_off",
        _ => "checked with the buyer",
    };
    let order_id = None;
    ws.act(
        &ActionRequest {
            case_key: key.into(),
            action,
            reason: Some(reason.into()),
            note: None,
            line_ids: Vec::new(),
            order_id,
            order_ref: None,
            expected_membership: None,
        },
        "ana",
        now() + TimeDelta::minutes(minutes),
    )
    .unwrap();
}

#[test]
fn the_rollups_kept_through_runs_acts_and_reruns_equal_a_rebuild() {
    for psp in [ScenarioPsp::Dlocal, ScenarioPsp::MercadoPagoExcel] {
        let (mut t, as_of) = load(psp, 11);
        assert!(t.ws.dashboard(&DashFilter::default()).unwrap().cases > 200);
        assert_rollups_match_a_rebuild(&t.ws, "after the first run");

        // Review acts recompute a few cases: the rollups follow by delta.
        let unmatched = first_key(&t.ws, "unmatched_settlement");
        act(&mut t.ws, &unmatched, ActionKind::Resolve, 1);
        let matched = first_key(&t.ws, "matched");
        act(&mut t.ws, &matched, ActionKind::Unmatch, 2);
        let pending = first_key(&t.ws, "paid_shop_pending");
        act(&mut t.ws, &pending, ActionKind::Resolve, 3);
        assert_rollups_match_a_rebuild(&t.ws, "after review acts");

        // A rerun three days later changes vouchers, grace periods and aging.
        t.ws.run_reconciliation(
            as_of + TimeDelta::days(3),
            "ana",
            now() + TimeDelta::hours(1),
        )
        .unwrap();
        assert_rollups_match_a_rebuild(&t.ws, "after a rerun");

        // Another zone moves cases across days: the rollups follow at once, and acts after it
        // keep them in step.
        t.ws.set_setting("zone", "Asia/Shanghai", "ana", now() + TimeDelta::hours(2))
            .unwrap();
        assert_rollups_match_a_rebuild(&t.ws, "after a change of zone");
        let open = first_key(&t.ws, "unmatched_settlement");
        act(&mut t.ws, &open, ActionKind::Resolve, 200);
        assert_rollups_match_a_rebuild(&t.ws, "after an act in the new zone");
    }
}

#[test]
fn a_workspace_without_rollups_gets_them_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cuadra.db");
    // Every selection's dashboard as the run's rollups gave it.
    let kept: Vec<(Dashboard, DashFilter)>;
    {
        let s = Scenario::build(ScenarioSpec::new(ScenarioPsp::Dlocal, 3, 150));
        let mut ws = Workspace::open(&path).unwrap();
        for f in &s.files {
            let rep = cuadra_core::ingest::import_bytes(
                &mut ws,
                &f.name,
                &f.name,
                &f.bytes,
                &super::options(),
            )
            .unwrap();
            assert!(rep.succeeded());
        }
        ws.run_reconciliation(s.as_of.with_timezone(&Utc), "ana", now())
            .unwrap();
        kept = selections(&ws)
            .into_iter()
            .map(|f| (ws.dashboard(&f).unwrap(), f))
            .collect();
        // As a workspace from before the rollups: the tables empty, never built.
        ws.conn()
            .execute_batch(
                "DELETE FROM dash_status; DELETE FROM dash_daily; DELETE FROM dash_settled;
                 DELETE FROM cases_search; DELETE FROM derived_built;",
            )
            .unwrap();
        assert_eq!(ws.dashboard(&DashFilter::default()).unwrap().cases, 0);
    }
    let mut ws = Workspace::open(&path).unwrap();
    assert!(ws.dashboard(&DashFilter::default()).unwrap().cases > 150);
    assert!(kept.len() >= 5, "too few selections to compare");
    for (d, f) in &kept {
        assert_eq!(
            &ws.dashboard(f).unwrap(),
            d,
            "after the build on open: {f:?}"
        );
    }
    assert_rollups_match_a_rebuild(&ws, "after the build on open");

    // The maintenance rebuild gives the same.
    ws.conn()
        .execute_batch("DELETE FROM dash_status; DELETE FROM cases_search;")
        .unwrap();
    ws.rebuild_case_views().unwrap();
    for (d, f) in &kept {
        assert_eq!(
            &ws.dashboard(f).unwrap(),
            d,
            "after a maintenance rebuild: {f:?}"
        );
    }
    assert_eq!(
        search(&ws, "order:"),
        search_by_scan(&ws, "order:"),
        "the search index is whole again"
    );
}

/// The cases whose references, customer or key contain every word, read from the columns
/// themselves: case aside (ASCII) for words under three letters, case and Spanish accents aside
/// for longer ones ("quinonez" finds "Quiñónez").
fn search_by_scan(ws: &Workspace, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let words: Vec<String> = text
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    let mut stmt = ws
        .conn()
        .prepare(
            "SELECT case_key, coalesce(order_ref, ''), coalesce(shop_order_id, ''),
                settlement_refs, coalesce(customer, '') FROM cases ORDER BY case_key",
        )
        .unwrap();
    let mut rows = stmt.query([]).unwrap();
    while let Some(r) = rows.next().unwrap() {
        let fields: Vec<String> = (0..5)
            .map(|i| r.get::<_, String>(i).unwrap().to_ascii_lowercase())
            .collect();
        let folded: Vec<String> = fields.iter().map(|f| cuadra_core::store::fold(f)).collect();
        if words.iter().all(|w| {
            if w.chars().count() >= 3 {
                let w = cuadra_core::store::fold(w);
                folded.iter().any(|f| f.contains(&w))
            } else {
                let w = w.to_ascii_lowercase();
                fields.iter().any(|f| f.contains(&w))
            }
        }) {
            out.push(fields[0].clone());
        }
    }
    out
}

fn search(ws: &Workspace, text: &str) -> Vec<String> {
    let (total, rows) = ws
        .list_cases(
            &CaseFilter {
                text: Some(text.into()),
                ..CaseFilter::default()
            },
            CaseSort {
                key: cuadra_core::cases::SortKey::CaseKey,
                desc: false,
            },
            0,
            10_000,
        )
        .unwrap();
    assert_eq!(total as usize, rows.len());
    rows.into_iter()
        .map(|r| r.case_key.to_ascii_lowercase())
        .collect()
}

#[test]
fn the_case_search_finds_what_the_columns_contain() {
    let (mut t, _) = load(ScenarioPsp::Dlocal, 5);
    let (order_ref, txn, customer): (String, String, String) =
        t.ws.conn()
            .query_row(
                "SELECT order_ref, settlement_refs, customer FROM cases
                 WHERE order_ref IS NOT NULL AND settlement_refs <> '' AND customer IS NOT NULL
                 ORDER BY id LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
    let surname = customer.split_whitespace().last().unwrap().to_string();
    let words = [
        order_ref.clone(),
        order_ref.trim_start_matches('#').to_string(),
        txn[2..txn.len().min(9)].to_string(),
        txn.to_uppercase(),
        surname.clone(),
        surname.to_uppercase(),
        format!("{} {}", &order_ref[1..], surname),
        "zz".into(),
        "1".into(),
        "order:".into(),
        "ñ".into(),
        "100%".into(),
        "no-such-reference".into(),
    ];
    let mut found_any = false;
    for w in &words {
        let expected = search_by_scan(&t.ws, w);
        found_any |= !expected.is_empty();
        assert_eq!(search(&t.ws, w), expected, "search {w:?}");
    }
    assert!(found_any);
    // After a review act the index follows the recomputed cases.
    let key = first_key(&t.ws, "matched");
    act(&mut t.ws, &key, ActionKind::Unmatch, 1);
    for w in &words {
        assert_eq!(
            search(&t.ws, w),
            search_by_scan(&t.ws, w),
            "after an act: {w:?}"
        );
    }
}

/// A batch whose lines do not add up to its file's summary is an alert of its own.
#[test]
fn a_batch_that_does_not_add_up_is_an_alert() {
    let mut t = TestWs::new();
    t.import_fixture("shopify_orders_co.csv");
    // The HEADER states 10 items where the file holds 9 lines.
    let text = String::from_utf8(super::fixture("dlocal_crossborder_co.csv")).unwrap();
    let rep = t.import(
        "dlocal_corto.csv",
        text.replace("HEADER,USD,9,", "HEADER,USD,10,").as_bytes(),
    );
    assert!(rep.succeeded(), "{rep:?}");
    let as_of = DateTime::parse_from_rfc3339("2026-05-31T23:59:59-05:00")
        .unwrap()
        .with_timezone(&Utc);
    t.ws.run_reconciliation(as_of, "ana", now()).unwrap();
    let d = t.ws.dashboard(&DashFilter::default()).unwrap();
    assert_eq!(d.alerts.batch_mismatch.count, 1, "{:?}", d.alerts);
    assert_eq!(d.alerts.batch_mismatch.currency, "USD");
    // Its net is within rounding (-0.000094): the alert's amount is that net gap.
    assert_eq!(d.alerts.batch_mismatch.amount, "-0.000094");
    let mut r = ActionRequest {
        case_key: "batch:dlocal:771204:rounding".into(),
        action: ActionKind::Resolve,
        reason: Some("other".into()),
        note: Some("dLocal confirmed the tenth item is in the next batch".into()),
        line_ids: Vec::new(),
        order_id: None,
        order_ref: None,
        expected_membership: None,
    };
    t.ws.act(&r, "ana", now() + TimeDelta::minutes(1)).unwrap();
    let d = t.ws.dashboard(&DashFilter::default()).unwrap();
    assert_eq!(
        d.alerts.batch_mismatch.count, 0,
        "a resolved batch needs no action"
    );
    r.action = ActionKind::Reopen;
    r.reason = Some("checking again".into());
    t.ws.act(&r, "ana", now() + TimeDelta::minutes(2)).unwrap();
    let d = t.ws.dashboard(&DashFilter::default()).unwrap();
    assert_eq!(d.alerts.batch_mismatch.count, 1);
}

/// The release report imported and reconciled first, Mercado Pago's settlement report of the
/// same money after it: the release lines already in cases now repeat the settlement lines,
/// and the dashboard stops counting them at once, before any rerun.
#[test]
fn a_report_repeating_money_already_counted_is_uncounted_at_import() {
    let mut t = TestWs::new();
    t.import_fixture("shopify_orders_mp.csv");
    t.import_fixture("mercadopago_release_same_money.csv");
    let as_of = DateTime::parse_from_rfc3339("2026-05-12T23:59:59-05:00")
        .unwrap()
        .with_timezone(&Utc);
    t.ws.run_reconciliation(as_of, "ana", now()).unwrap();
    let all = DashFilter::default();
    let before = t.ws.dashboard(&all).unwrap();
    assert_rollups_match_a_rebuild(&t.ws, "before the settlement report");
    t.import_fixture("mercadopago_settlement_same_money.csv");
    let after = t.ws.dashboard(&all).unwrap();
    // The rollups follow the pairing at once: what a rebuild from the cases gives.
    assert_rollups_match_a_rebuild(&t.ws, "after the settlement report");
    // The settlement lines are in no case until the next run, and the release lines that
    // repeat them count nothing: less is settled than before the import.
    assert_ne!(after.settled, before.settled);
}

/// The months of a generated scenario add up to "all periods": cases, counts and amounts per
/// status, and the settled gross, fees, taxes and net; a month's chart shows its own days only,
/// each day once per currency, in order.
#[test]
fn the_months_add_up_to_all_periods_and_chart_their_own_days() {
    // A generated May (the scenario) and a generated late March into April (a Shopify export
    // and the dLocal batch that pays it).
    let s = Scenario::build(ScenarioSpec::new(ScenarioPsp::Dlocal, 7, 80));
    let start = chrono::NaiveDate::from_ymd_opt(2026, 3, 25).unwrap();
    let mut orders = Vec::new();
    cuadra_testkit::write_shopify_orders(
        &cuadra_testkit::ShopifySpec {
            seed: 2,
            orders: 60,
            start,
            ..Default::default()
        },
        &mut orders,
    )
    .unwrap();
    let mut batch = Vec::new();
    cuadra_testkit::write_dlocal_settlement(
        &cuadra_testkit::DlocalSpec {
            seed: 2,
            lines: 50,
            transfer_id: "600001".into(),
            start,
            ..Default::default()
        },
        &mut batch,
    )
    .unwrap();
    let mut files: Vec<(String, Vec<u8>)> = s
        .files
        .iter()
        .map(|f| (f.name.clone(), f.bytes.clone()))
        .collect();
    files.push(("pedidos_marzo.csv".into(), orders));
    files.push(("dlocal_600001.csv".into(), batch));
    let mut t = TestWs::new();
    for f in files
        .iter()
        .map(|(name, bytes)| cuadra_testkit::ScenarioFile {
            name: name.clone(),
            bytes: bytes.clone(),
        })
    {
        let rep = cuadra_core::ingest::import_bytes(
            &mut t.ws,
            &f.name,
            &f.name,
            &f.bytes,
            &super::options(),
        )
        .unwrap();
        assert!(rep.succeeded());
    }
    let as_of = chrono::DateTime::parse_from_rfc3339("2026-06-10T23:59:59-05:00").unwrap();
    t.ws.run_reconciliation(as_of.with_timezone(&Utc), "ana", now())
        .unwrap();
    let all = t.ws.dashboard(&DashFilter::default()).unwrap();
    let periods = t.ws.facets().unwrap().periods;
    assert!(periods.len() >= 2, "the scenario spans months: {periods:?}");
    let mut cases = 0;
    let mut by_status: BTreeMap<(String, String), (u64, Decimal)> = Default::default();
    let mut settled: BTreeMap<String, [Decimal; 4]> = Default::default();
    let d = |t: &str| t.parse::<Decimal>().unwrap();
    for p in &periods {
        let m =
            t.ws.dashboard(&DashFilter {
                period: Some(p.clone()),
                ..DashFilter::default()
            })
            .unwrap();
        cases += m.cases;
        for x in &m.by_status {
            let e = by_status
                .entry((x.status.clone(), x.currency.clone()))
                .or_default();
            e.0 += x.count;
            e.1 += d(&x.amount);
        }
        for x in &m.settled {
            let e = settled.entry(x.currency.clone()).or_default();
            for (i, v) in [&x.gross, &x.fees, &x.taxes, &x.net]
                .into_iter()
                .enumerate()
            {
                e[i] += d(v);
            }
        }
        assert!(
            m.daily.iter().all(|x| x.date.starts_with(p.as_str())),
            "{p}'s chart shows only its own days: {:?}",
            m.daily.iter().map(|x| &x.date).collect::<Vec<_>>()
        );
        let keys: Vec<(&String, &String)> =
            m.daily.iter().map(|x| (&x.date, &x.currency)).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(
            keys, sorted,
            "{p}: one point per day and currency, in order"
        );
    }
    assert_eq!(cases, all.cases, "every case is in exactly one month");
    let whole: BTreeMap<(String, String), (u64, Decimal)> = all
        .by_status
        .iter()
        .map(|x| {
            (
                (x.status.clone(), x.currency.clone()),
                (x.count, d(&x.amount)),
            )
        })
        .collect();
    assert_eq!(by_status, whole, "counts and amounts per status add up");
    let whole: BTreeMap<String, [Decimal; 4]> = all
        .settled
        .iter()
        .map(|x| {
            (
                x.currency.clone(),
                [d(&x.gross), d(&x.fees), d(&x.taxes), d(&x.net)],
            )
        })
        .collect();
    assert_eq!(settled, whole, "settled gross, fees, taxes and net add up");
}
