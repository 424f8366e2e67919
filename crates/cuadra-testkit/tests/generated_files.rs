//! Parses generated files with the `csv` crate and checks them the way an importer would:
//! shapes, totals, per-row invariants, Shopify's one-row-per-line-item layout, determinism,
//! and that a dLocal file and a Shopify export of the same seed reconcile.

use std::collections::{HashMap, HashSet};
use std::str::FromStr;

use cuadra_testkit::{
    write_dlocal_settlement, write_shopify_orders, DlocalSpec, ShopifySpec, DLOCAL_COLUMNS,
    DLOCAL_SUMMARY_HEADER, DLOCAL_TRANSACTION_HEADER, SHOPIFY_COLUMNS, SHOPIFY_HEADER,
    SHOPIFY_LINE_ITEM_COLUMNS,
};
use rust_decimal::{Decimal, RoundingStrategy};

fn dlocal_bytes(spec: &DlocalSpec) -> Vec<u8> {
    let mut v = Vec::new();
    let s = write_dlocal_settlement(spec, &mut v).expect("write to Vec");
    assert_eq!(s.bytes, v.len() as u64);
    assert_eq!(s.rows, spec.lines);
    v
}

fn shopify_bytes(spec: &ShopifySpec) -> Vec<u8> {
    let mut v = Vec::new();
    let s = write_shopify_orders(spec, &mut v).expect("write to Vec");
    assert_eq!(s.bytes, v.len() as u64);
    v
}

/// Every record; `csv` itself rejects records whose field count differs from the first's.
fn records(bytes: &[u8]) -> Vec<csv::StringRecord> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .collect::<Result<Vec<_>, _>>()
        .expect("parseable CSV with a constant column count")
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|e| panic!("not a decimal {s:?}: {e}"))
}

fn round2(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

fn col(header: &str, name: &str) -> usize {
    header
        .split(',')
        .position(|c| c == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

fn is_datetime(s: &str) -> bool {
    chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").is_ok()
}

#[test]
fn dlocal_file_is_what_dlocal_writes() {
    let spec = DlocalSpec {
        seed: 11,
        lines: 20_000,
        transfer_id: "T-77,1".into(),
        ..DlocalSpec::default()
    };
    let bytes = dlocal_bytes(&spec);
    let recs = records(&bytes);
    assert!(recs.iter().all(|r| r.len() == DLOCAL_COLUMNS));

    // Summary block, padded with empty fields.
    let summary_names: Vec<&str> = DLOCAL_SUMMARY_HEADER.split(',').collect();
    assert_eq!(&recs[0].iter().take(8).collect::<Vec<_>>(), &summary_names);
    assert!(recs[0].iter().skip(8).all(str::is_empty));
    assert!(recs[1].iter().skip(8).all(str::is_empty));
    assert_eq!(&recs[1][0], "HEADER");
    assert_eq!(&recs[1][1], "USD");
    assert_eq!(&recs[1][7], "T-77,1");
    assert!(chrono::NaiveDate::parse_from_str(&recs[1][6], "%Y-%m-%d").is_ok());
    assert_eq!(
        recs[2].iter().collect::<Vec<_>>().join(","),
        DLOCAL_TRANSACTION_HEADER
    );

    let h = DLOCAL_TRANSACTION_HEADER;
    let [c_type, c_country, c_created, c_approved, c_txn, c_id, c_local, c_cur, c_fx, c_gross, c_fee, c_net] =
        [
            "ROW_TYPE",
            "COUNTRY",
            "CREATION_DATE",
            "APPROVED_DATE",
            "TRANSACTION_ID",
            "DLOCAL_TRANSACTION_ID",
            "LOCAL_AMOUNT",
            "LOCAL_CURRENCY",
            "FX_RATE",
            "GROSS_AMOUNT",
            "FEE_AMOUNT",
            "NET_AMOUNT",
        ]
        .map(|n| col(h, n));
    let [c_ptype, c_method, c_status, c_code, c_doc, c_email] = [
        "PAYMENT_TYPE",
        "PAYMENT_METHOD_CODE",
        "STATUS",
        "STATUS_CODE",
        "USER_DOCUMENT",
        "USER_EMAIL",
    ]
    .map(|n| col(h, n));

    let rows = &recs[3..];
    assert_eq!(rows.len(), spec.lines);
    assert_eq!(dec(&recs[1][2]), Decimal::from(rows.len()));

    let (mut gross, mut fee, mut net) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    let mut kinds: HashMap<String, usize> = HashMap::new();
    let mut ids = HashSet::new();
    let mut paid_orders = HashSet::new();
    let mut last_approved = String::new();
    let mut leading_zero_docs = 0;
    for (i, r) in rows.iter().enumerate() {
        let (g, f, n) = (dec(&r[c_gross]), dec(&r[c_fee]), dec(&r[c_net]));
        gross += g;
        fee += f;
        net += n;
        assert_eq!(g + f, n, "row {i}: NET = GROSS + FEE");
        for v in [&r[c_gross], &r[c_fee], &r[c_net], &r[c_fx]] {
            assert!(
                v.split('.')
                    .nth(1)
                    .is_none_or(|d| d.len() <= 6 && !d.ends_with('0')),
                "row {i}: {v}"
            );
        }
        *kinds.entry(r[c_type].to_string()).or_default() += 1;
        assert!(
            ids.insert(r[c_id].to_string()),
            "row {i}: duplicate id {}",
            &r[c_id]
        );
        if &r[c_type] == "SETTLEMENT_FEE" {
            assert_eq!(i, rows.len() - 1, "settlement fee closes the file");
            assert_eq!(&r[c_id], "T-77,1");
            assert!(f < Decimal::ZERO);
            continue;
        }
        assert!(
            is_datetime(&r[c_created]) && is_datetime(&r[c_approved]),
            "row {i}: dates"
        );
        assert!(
            r[c_approved] >= *last_approved,
            "row {i}: approved dates increase"
        );
        last_approved = r[c_approved].to_string();
        if &r[c_type] == "ADJUSTMENT" {
            assert!(r[c_txn].is_empty() && r[c_country].is_empty());
            assert!(r[c_id].bytes().all(|b| b.is_ascii_digit()));
            continue;
        }
        assert_eq!(&r[c_country], "Colombia");
        assert_eq!(&r[c_cur], "COP");
        assert_eq!((&r[c_ptype], &r[c_method]), ("TICKET", "EY"));
        assert!(r[c_doc].bytes().all(|b| b.is_ascii_digit()) && r[c_doc].len() >= 8);
        leading_zero_docs += usize::from(r[c_doc].starts_with('0'));
        assert!(r[c_email].starts_with("buyer") && r[c_email].ends_with("@example.com"));
        let local = dec(&r[c_local]);
        let fx = dec(&r[c_fx]);
        assert!(local.fract().is_zero(), "whole pesos");
        assert!(
            (dec("3900")..=dec("4200")).contains(&fx),
            "row {i}: fx {fx}"
        );
        assert_eq!(
            (local / fx).round_dp_with_strategy(6, RoundingStrategy::MidpointAwayFromZero),
            g,
            "row {i}: GROSS = LOCAL / FX"
        );
        match &r[c_type] {
            "PAYMENT" => {
                assert!((dec("20000")..=dec("3000000")).contains(&local));
                assert!(f < Decimal::ZERO);
                assert!(r[c_id].starts_with("T-648-"));
                assert_eq!((&r[c_status], &r[c_code]), ("PAID", "200"));
                assert!(
                    paid_orders.insert(r[c_txn].to_string()),
                    "one payment per order"
                );
            }
            "REFUND" | "CHARGEBACK" => {
                assert!(local < Decimal::ZERO && g < Decimal::ZERO);
                assert!(r[c_id].starts_with("R-648-") || r[c_id].starts_with("C-648-"));
                assert!(
                    paid_orders.contains(&r[c_txn]),
                    "row {i}: refers to an earlier payment"
                );
            }
            other => panic!("unexpected row type {other}"),
        }
    }
    // The summary holds the true totals, each rounded to cents.
    assert_eq!(round2(gross), dec(&recs[1][3]));
    assert_eq!(round2(fee), dec(&recs[1][4]));
    assert_eq!(round2(net), dec(&recs[1][5]));

    let share = |k: &str| *kinds.get(k).unwrap_or(&0) as f64 / rows.len() as f64;
    assert!((0.006..0.016).contains(&share("REFUND")), "{kinds:?}");
    assert!((0.0005..0.004).contains(&share("CHARGEBACK")), "{kinds:?}");
    assert!(
        (1..=40).contains(kinds.get("ADJUSTMENT").unwrap_or(&0)),
        "{kinds:?}"
    );
    assert_eq!(kinds.get("SETTLEMENT_FEE"), Some(&1));
    assert!(leading_zero_docs > 0);
}

#[test]
fn shopify_export_has_one_row_per_line_item() {
    let spec = ShopifySpec {
        seed: 5,
        orders: 5_000,
        ..ShopifySpec::default()
    };
    let bytes = shopify_bytes(&spec);
    let recs = records(&bytes);
    assert_eq!(recs[0].iter().collect::<Vec<_>>().join(","), SHOPIFY_HEADER);
    assert!(recs.iter().all(|r| r.len() == SHOPIFY_COLUMNS));
    let h = SHOPIFY_HEADER;
    let line_cols: Vec<usize> = SHOPIFY_LINE_ITEM_COLUMNS
        .iter()
        .map(|n| col(h, n))
        .collect();
    let [c_name, c_email, c_status, c_paid_at, c_currency, c_subtotal, c_shipping, c_total, c_discount, c_created, c_id] =
        [
            "Name",
            "Email",
            "Financial Status",
            "Paid at",
            "Currency",
            "Subtotal",
            "Shipping",
            "Total",
            "Discount Amount",
            "Created at",
            "Id",
        ]
        .map(|n| col(h, n));
    let [c_method, c_city, c_notes, c_billing, c_tax1, c_qty, c_price] = [
        "Payment Method",
        "Billing City",
        "Notes",
        "Billing Name",
        "Tax 1 Name",
        "Lineitem quantity",
        "Lineitem price",
    ]
    .map(|n| col(h, n));

    let rows = &recs[1..];
    let mut orders = 0usize;
    let mut prev_name = String::new();
    let mut statuses: HashMap<String, usize> = HashMap::new();
    let mut ids = HashSet::new();
    let mut cities = HashSet::new();
    let (mut note_newline, mut name_comma) = (false, false);
    let mut expected_number = spec.first_order_number;
    for (i, r) in rows.iter().enumerate() {
        assert!(r[c_qty].parse::<u32>().is_ok_and(|q| q >= 1));
        assert!(r[c_price].ends_with(".00"));
        if r[c_name] == *prev_name {
            for (j, v) in r.iter().enumerate() {
                assert!(
                    v.is_empty() || line_cols.contains(&j),
                    "row {i}: continuation row fills {}",
                    h.split(',').nth(j).unwrap_or("?")
                );
            }
            continue;
        }
        orders += 1;
        assert_eq!(&r[c_name], format!("#{expected_number}"));
        expected_number += 1;
        prev_name = r[c_name].to_string();
        for c in [
            c_email, c_status, c_currency, c_total, c_created, c_id, c_method, c_tax1,
        ] {
            assert!(!r[c].is_empty(), "row {i}: first row fills column {c}");
        }
        assert_eq!(&r[c_currency], "COP");
        assert!(chrono::DateTime::parse_from_str(&r[c_created], "%Y-%m-%d %H:%M:%S %z").is_ok());
        assert!(r[c_created].ends_with(" -0500"));
        let total = dec(&r[c_total]);
        assert_eq!(
            total,
            dec(&r[c_subtotal]) + dec(&r[c_shipping]) - dec(&r[c_discount])
        );
        assert!((dec("20000")..=dec("3000000")).contains(&total));
        assert!(r[c_method].contains("Efecty"));
        assert_eq!(r[c_id].len(), 13);
        assert!(ids.insert(r[c_id].to_string()));
        let status = r[c_status].to_string();
        assert_eq!(
            r[c_paid_at].is_empty(),
            !matches!(status.as_str(), "paid" | "refunded" | "partially_refunded")
        );
        *statuses.entry(status).or_default() += 1;
        cities.insert(r[c_city].to_string());
        note_newline |= r[c_notes].contains('\n');
        name_comma |= r[c_billing].contains(',');
    }
    assert_eq!(orders, spec.orders);
    let ratio = rows.len() as f64 / orders as f64;
    assert!((1.3..1.7).contains(&ratio), "rows per order {ratio}");
    for s in ["paid", "pending", "expired", "voided", "refunded"] {
        assert!(statuses.contains_key(s), "{statuses:?}");
    }
    let pending = statuses["pending"] as f64 / orders as f64;
    assert!((0.05..0.11).contains(&pending), "{statuses:?}");
    assert!(cities.contains("Bogotá") && cities.contains("Medellín"));
    assert!(note_newline && name_comma);
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let d = |seed| {
        dlocal_bytes(&DlocalSpec {
            seed,
            lines: 3_000,
            ..DlocalSpec::default()
        })
    };
    assert_eq!(d(3), d(3));
    assert_ne!(d(3), d(4));
    let s = |seed| {
        shopify_bytes(&ShopifySpec {
            seed,
            orders: 2_000,
            ..ShopifySpec::default()
        })
    };
    assert_eq!(s(3), s(3));
    assert_ne!(s(3), s(4));
}

#[test]
fn tiny_files_are_valid() {
    for lines in [0, 1, 2] {
        let recs = records(&dlocal_bytes(&DlocalSpec {
            lines,
            ..DlocalSpec::default()
        }));
        assert_eq!(recs.len(), 3 + lines);
        assert_eq!(dec(&recs[1][2]), Decimal::from(lines));
    }
    let recs = records(&shopify_bytes(&ShopifySpec {
        orders: 0,
        ..ShopifySpec::default()
    }));
    assert_eq!(recs.len(), 1);
}

#[test]
fn dlocal_and_shopify_of_one_seed_reconcile() {
    let seed = 21;
    let dl = records(&dlocal_bytes(&DlocalSpec {
        seed,
        lines: 4_000,
        ..DlocalSpec::default()
    }));
    let sh = records(&shopify_bytes(&ShopifySpec {
        seed,
        orders: 8_000,
        ..ShopifySpec::default()
    }));
    let h = SHOPIFY_HEADER;
    let [c_name, c_total, c_status, c_pid, c_paid_at, c_email, c_created] = [
        "Name",
        "Total",
        "Financial Status",
        "Payment ID",
        "Paid at",
        "Email",
        "Created at",
    ]
    .map(|n| col(h, n));
    let by_number: HashMap<String, &csv::StringRecord> = sh[1..]
        .iter()
        .filter(|r| !r[c_total].is_empty())
        .map(|r| (r[c_name][1..].to_string(), r))
        .collect();
    let d = DLOCAL_TRANSACTION_HEADER;
    let [d_type, d_txn, d_id, d_local, d_approved, d_email, d_created] = [
        "ROW_TYPE",
        "TRANSACTION_ID",
        "DLOCAL_TRANSACTION_ID",
        "LOCAL_AMOUNT",
        "APPROVED_DATE",
        "USER_EMAIL",
        "CREATION_DATE",
    ]
    .map(|n| col(d, n));
    let mut matched = 0;
    let mut pending_but_paid = 0;
    for r in dl[3..].iter().filter(|r| &r[d_type] == "PAYMENT") {
        let order = by_number
            .get(&r[d_txn])
            .unwrap_or_else(|| panic!("order {} exported", &r[d_txn]));
        assert_eq!(dec(&order[c_total]), dec(&r[d_local]));
        assert_eq!(&order[c_pid], &r[d_id]);
        assert_eq!(&order[c_email], &r[d_email]);
        // dLocal writes UTC (SmashPig's Core/UtcDate.php reads it so); Shopify writes -0500.
        assert_eq!(in_utc(&order[c_created]), r[d_created]);
        match &order[c_status] {
            "paid" | "refunded" | "partially_refunded" => {
                assert_eq!(in_utc(&order[c_paid_at]), r[d_approved]);
                matched += 1;
            }
            "pending" | "expired" => pending_but_paid += 1,
            other => panic!("a {other} order was paid"),
        }
    }
    assert!(matched > 3_000, "{matched}");
    assert!(pending_but_paid > 0);
}

/// A Shopify time (`2026-05-01 07:13:59 -0500`) as dLocal writes it: UTC, no offset.
fn in_utc(shopify: &str) -> String {
    chrono::DateTime::parse_from_str(shopify, "%Y-%m-%d %H:%M:%S %z")
        .expect("a Shopify time")
        .with_timezone(&chrono::Utc)
        .format("%Y-%m-%d %H:%M:%S")
        .to_string()
}

/// Pinned output: the generators' bytes must not drift between versions (fixtures and
/// benchmarks of other crates rely on a seed meaning the same file). Regenerate deliberately.
#[test]
fn seed_one_output_is_pinned() {
    let d = dlocal_bytes(&DlocalSpec {
        seed: 1,
        lines: 5,
        ..DlocalSpec::default()
    });
    let d = String::from_utf8(d).expect("utf8");
    let lines: Vec<&str> = d.lines().collect();
    assert_eq!(
        lines[1],
        "HEADER,USD,5,1083.45,-105.32,978.13,2026-05-02,642926,,,,,,,,,,,,,,,,,"
    );
    assert_eq!(lines[3], "PAYMENT,648,0Rv4Cte8fi,Colombia,2026-05-01 12:21:52,2026-05-01 12:50:08,1016,T-648-5gjmyy1s,2019800,COP,4008.997418,503.816738,-17.733586,486.083152,TICKET,EY,,,0,PAID,200,The payment was paid.,1019011766,buyer8602@example.com,Compra en línea");
    assert_eq!(
        lines[7],
        "SETTLEMENT_FEE,648,,,,,,642926,0,,0,0,-67,-67,,,,,,,,,,,"
    );
    let s = shopify_bytes(&ShopifySpec {
        seed: 1,
        orders: 2,
        ..ShopifySpec::default()
    });
    let s = String::from_utf8(s).expect("utf8");
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines[1], "#1001,buyer16760@example.com,paid,2026-05-02 07:11:23 -0500,unfulfilled,,no,COP,262400.00,0.00,37712.61,236200.00,BIENVENIDA10,26200.00,Envío estándar,2026-05-01 07:01:46 -0500,1,Tenis urbanos - 40,219900.00,,TEN-URB-40,true,true,pending,Mariana Pérez Gómez,Calle 114 # 3-30,Calle 114 # 3-30,,,Cúcuta,540001,NSA,CO,+573229339741,Mariana Pérez Gómez,Calle 114 # 3-30,Calle 114 # 3-30,,,Cúcuta,540001,NSA,CO,+573229339741,,,,Efecty,c30721958539.1,0.00,Tienda Cuadra,0.00,,,,5288660236286,,Low,web,0.00,IVA 19%,37712.61,,,,,,,,,,,,Norte de Santander,Norte de Santander,T-648-d1top0eh,,");
    assert_eq!(lines[2], "#1001,,,,,,,,,,,,,,,,1,Crema hidratante 250 ml,42500.00,,CRE-HID-250,true,true,pending,,,,,,,,,,,,,,,,,,,,,,,,,,,Tienda Cuadra,,,,,,,,,0.00,,,,,,,,,,,,,,,,,,");
}
