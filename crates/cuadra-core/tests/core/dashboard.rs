//! The dashboard and the case search read what is kept beside the cases (rollups, a trigram
//! index). Here they are held against the plain answer, computed from every stored case the way
//! the dashboard first did: after a run, after review acts, after a rerun that changes many
//! cases, after a purge, and on a workspace whose rollups are built on open.

use super::{now, TestWs};
use chrono::{DateTime, TimeDelta, Utc};
use cuadra_core::cases::{
    AgingPoint, AlertCount, Alerts, CaseFilter, CaseSort, DailyPoint, DashFilter, Dashboard,
    SettledTotal, StatusTotal,
};
use cuadra_core::review::{ActionKind, ActionRequest};
use cuadra_core::store::Workspace;
use cuadra_testkit::scenario::{Scenario, ScenarioPsp, ScenarioSpec};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

fn dec(v: &Option<String>) -> Decimal {
    v.as_deref()
        .and_then(|t| t.parse::<Decimal>().ok())
        .unwrap_or_default()
}

fn text(d: Decimal) -> String {
    d.normalize().to_string()
}

fn instant(t: &Option<String>) -> Option<DateTime<Utc>> {
    t.as_deref()
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .map(|t| t.with_timezone(&Utc))
}

fn bucket(hours: i64) -> &'static str {
    match hours {
        h if h < 24 => "0_1d",
        h if h < 72 => "1_3d",
        h if h < 168 => "3_7d",
        h if h < 720 => "7_30d",
        _ => "30d_plus",
    }
}

/// The dashboard computed from every case the selection matches and every line of those cases.
fn by_scan(ws: &Workspace, f: &DashFilter) -> Dashboard {
    let filter = CaseFilter {
        period: f.period.clone(),
        from: f.date_from.clone(),
        to: f.date_to.clone(),
        psps: f.psp.iter().cloned().collect(),
        ..CaseFilter::default()
    };
    let as_of_text = ws.last_run().unwrap().map(|(_, a)| a).unwrap_or_default();
    let as_of = instant(&Some(as_of_text.clone()));
    let mut by_status: BTreeMap<(String, String), (u64, u64, Decimal)> = BTreeMap::new();
    let mut daily: BTreeMap<(String, String), (Decimal, Decimal)> = BTreeMap::new();
    let mut aging: BTreeMap<(&'static str, String), (u64, Decimal)> = BTreeMap::new();
    let mut alerts: BTreeMap<(&'static str, String), (u64, Decimal)> = BTreeMap::new();
    let mut settled: BTreeMap<String, [Decimal; 4]> = BTreeMap::new();
    let (mut cases, mut open) = (0u64, 0u64);
    let [mut to_review, mut waiting, mut reconciled] = [0u64; 3];
    let mut keys = Vec::new();
    ws.for_each_case(&filter, CaseSort::default(), |c| {
        keys.push(c.case_key.clone());
        cases += 1;
        let is_open = c.state == "open";
        open += u64::from(is_open);
        // Done: resolved by a person, matched, or a batch's own charge; waiting: only time
        // settles it; the rest needs someone.
        match (is_open, c.status.as_str()) {
            (false, _) | (true, "matched" | "settlement_charge") => reconciled += 1,
            (true, "awaiting_payment" | "awaiting_settlement") => waiting += 1,
            _ => to_review += 1,
        }
        let (amount, currency) = match c.order_total.as_ref().or(c.paid_amount.as_ref()) {
            Some(a) => (Some(a.clone()), c.currency.clone()),
            None => (c.net_settled.clone(), c.settlement_currency.clone()),
        };
        let currency = currency.unwrap_or_default();
        let e = by_status
            .entry((c.status.clone(), currency.clone()))
            .or_default();
        e.0 += 1;
        e.1 += u64::from(is_open);
        e.2 += dec(&amount);
        let paid = dec(&c.paid_amount);
        if let Some(day) = c.paid_at.as_deref().and_then(|t| t.get(..10)) {
            daily
                .entry((day.to_string(), currency.clone()))
                .or_default()
                .0 += paid;
        }
        if let Some(day) = c.settled_at.as_deref().and_then(|t| t.get(..10)) {
            if c.paid_amount.is_some() {
                daily
                    .entry((day.to_string(), currency.clone()))
                    .or_default()
                    .1 += paid;
            }
        }
        if is_open && c.status == "awaiting_payment" {
            if let (Some(now), Some(created)) = (as_of, instant(&c.order_created_at)) {
                let a = aging
                    .entry((bucket((now - created).num_hours().max(0)), currency.clone()))
                    .or_default();
                a.0 += 1;
                a.1 += dec(&amount);
            }
            if let (Some(now), Some(expires)) = (as_of, instant(&c.voucher_expires_at)) {
                if (0..=24 * 60).contains(&(expires - now).num_minutes()) {
                    let a = alerts
                        .entry(("expiring_vouchers", currency.clone()))
                        .or_default();
                    a.0 += 1;
                    a.1 += dec(&amount);
                }
            }
        }
        let kind = match c.status.as_str() {
            "paid_shop_pending" => Some("paid_shop_pending"),
            "unmatched_settlement" => Some("unmatched_settlement"),
            "missing_settlement" => Some("missing_settlement"),
            "batch_mismatch" => Some("batch_mismatch"),
            _ => None,
        };
        if let (Some(kind), true) = (kind, is_open) {
            let a = alerts.entry((kind, currency)).or_default();
            a.0 += 1;
            a.1 += dec(&amount);
        }
        Ok(())
    })
    .unwrap();
    let mut stmt = ws
        .conn()
        .prepare(
            "SELECT s.settlement_currency, s.gross_amount, s.fee_amount, s.tax_amount,
                s.net_amount
             FROM cases c JOIN case_lines cl ON cl.case_id = c.id
             JOIN settlement_lines s ON s.id = cl.line_id WHERE c.case_key = ?1
               -- money held for a buyer's claim is neither charged nor settled; a line
               -- repeating another report's money counts once, on the line it repeats
               AND s.row_type <> 'hold' AND s.id NOT IN (SELECT line_id FROM line_echoes)
               -- and a line whose status says no money moved counts nothing
               AND s.status IN ('paid', 'refunded', 'charged_back', 'in_mediation')",
        )
        .unwrap();
    for key in keys {
        let mut rows = stmt.query([key]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            let currency: Option<String> = r.get(0).unwrap();
            let e = settled.entry(currency.unwrap_or_default()).or_default();
            for (i, slot) in e.iter_mut().enumerate() {
                *slot += dec(&r.get(i + 1).unwrap());
            }
        }
    }

    let mut statuses: Vec<StatusTotal> = by_status
        .into_iter()
        .map(|((status, currency), (count, open, amount))| StatusTotal {
            status,
            count,
            open,
            amount: text(amount),
            currency,
        })
        .collect();
    statuses.sort_by_key(|t| {
        (
            cuadra_core::reconcile::CaseStatus::rank(&t.status),
            t.currency.clone(),
        )
    });
    let mut days: Vec<DailyPoint> = daily
        .into_iter()
        .map(|((date, currency), (paid, settled))| DailyPoint {
            date,
            paid: text(paid),
            settled: text(settled),
            currency,
        })
        .collect();
    // A selection charts its own days only.
    days.retain(|d| {
        f.period
            .as_ref()
            .is_none_or(|p| d.date.starts_with(p.as_str()))
            && f.date_from.as_ref().is_none_or(|from| d.date >= *from)
            && f.date_to.as_ref().is_none_or(|to| d.date <= *to)
    });
    let mut distinct: Vec<String> = days.iter().map(|d| d.date.clone()).collect();
    distinct.dedup();
    if distinct.len() > 31 {
        let first = distinct[distinct.len() - 31].clone();
        days.retain(|d| d.date >= first);
    }
    let aging = ["0_1d", "1_3d", "3_7d", "7_30d", "30d_plus"]
        .iter()
        .flat_map(|b| {
            aging
                .iter()
                .filter(move |((bb, _), _)| bb == b)
                .map(|((b, c), (n, a))| AgingPoint {
                    bucket: (*b).to_string(),
                    count: *n,
                    amount: text(*a),
                    currency: c.clone(),
                })
        })
        .collect();
    let alert = |kind: &str| -> AlertCount {
        alerts
            .iter()
            .filter(|((k, _), _)| *k == kind)
            .max_by_key(|(_, (n, _))| *n)
            .map(|((_, c), (n, a))| AlertCount {
                count: *n,
                amount: text(*a),
                currency: c.clone(),
            })
            .unwrap_or_default()
    };
    assert_eq!(to_review + waiting + reconciled, cases);
    Dashboard {
        as_of: as_of_text,
        cases,
        open,
        to_review,
        waiting,
        reconciled,
        by_status: statuses,
        settled: settled
            .into_iter()
            .map(|(currency, [g, f, t, n])| SettledTotal {
                currency,
                gross: text(g),
                fees: text(f),
                taxes: text(t),
                net: text(n),
            })
            .collect(),
        daily: days,
        aging,
        alerts: Alerts {
            paid_shop_pending: alert("paid_shop_pending"),
            unmatched_settlement: alert("unmatched_settlement"),
            missing_settlement: alert("missing_settlement"),
            batch_mismatch: alert("batch_mismatch"),
            expiring_vouchers: alert("expiring_vouchers"),
        },
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

fn distinct(ws: &Workspace, sql: &str) -> Vec<String> {
    let mut stmt = ws.conn().prepare(sql).unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Every selection's dashboard equals the one computed from the cases; so do the facets.
fn assert_dashboards_agree(ws: &Workspace, when: &str) {
    let f = ws.facets().unwrap();
    assert_eq!(
        f.psps,
        distinct(
            ws,
            "SELECT DISTINCT psp FROM cases WHERE psp IS NOT NULL ORDER BY psp"
        ),
        "{when}"
    );
    assert_eq!(
        f.payment_methods,
        distinct(ws, "SELECT DISTINCT payment_method FROM cases WHERE payment_method IS NOT NULL ORDER BY payment_method"),
        "{when}"
    );
    assert!(!f.payment_methods.is_empty());
    assert_eq!(
        f.periods,
        distinct(
            ws,
            "SELECT DISTINCT period FROM cases WHERE period IS NOT NULL ORDER BY period DESC"
        ),
        "{when}"
    );
    let sels = selections(ws);
    assert!(sels.len() >= 5, "{when}: too few selections to compare");
    for f in sels {
        let kept = ws.dashboard(&f).unwrap();
        assert_eq!(kept, by_scan(ws, &f), "{when}: selection {f:?}");
    }
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
fn the_dashboard_agrees_with_the_cases_through_runs_acts_and_reruns() {
    for psp in [ScenarioPsp::Dlocal, ScenarioPsp::MercadoPagoExcel] {
        let (mut t, as_of) = load(psp, 11);
        assert!(t.ws.dashboard(&DashFilter::default()).unwrap().cases > 200);
        assert_dashboards_agree(&t.ws, "after the first run");

        // Review acts recompute a few cases: the rollups follow by delta.
        let unmatched = first_key(&t.ws, "unmatched_settlement");
        act(&mut t.ws, &unmatched, ActionKind::Resolve, 1);
        let matched = first_key(&t.ws, "matched");
        act(&mut t.ws, &matched, ActionKind::Unmatch, 2);
        let pending = first_key(&t.ws, "paid_shop_pending");
        act(&mut t.ws, &pending, ActionKind::Resolve, 3);
        assert_dashboards_agree(&t.ws, "after review acts");

        // A rerun three days later changes vouchers, grace periods and aging.
        t.ws.run_reconciliation(
            as_of + TimeDelta::days(3),
            "ana",
            now() + TimeDelta::hours(1),
        )
        .unwrap();
        assert_dashboards_agree(&t.ws, "after a rerun");

        // Another zone moves cases across days: the rollups follow at once, and acts after it
        // keep them in step.
        t.ws.set_setting("zone", "Asia/Shanghai", "ana", now() + TimeDelta::hours(2))
            .unwrap();
        assert_dashboards_agree(&t.ws, "after a change of zone");
        let open = first_key(&t.ws, "unmatched_settlement");
        act(&mut t.ws, &open, ActionKind::Resolve, 200);
        assert_dashboards_agree(&t.ws, "after an act in the new zone");
    }
}

#[test]
fn a_workspace_without_rollups_gets_them_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cuadra.db");
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
    assert_dashboards_agree(&ws, "after the build on open");

    // The maintenance rebuild gives the same.
    ws.conn()
        .execute_batch("DELETE FROM dash_status; DELETE FROM cases_search;")
        .unwrap();
    ws.rebuild_case_views().unwrap();
    assert_dashboards_agree(&ws, "after a maintenance rebuild");
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
    assert_eq!(before, by_scan(&t.ws, &all));
    t.import_fixture("mercadopago_settlement_same_money.csv");
    let after = t.ws.dashboard(&all).unwrap();
    assert_eq!(
        after,
        by_scan(&t.ws, &all),
        "the rollups follow the pairing"
    );
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
