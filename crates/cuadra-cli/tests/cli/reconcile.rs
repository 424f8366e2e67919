//! `cuadra-cli reconcile` over a real workspace: generated Shopify orders and the dLocal lines
//! that pay them.

use super::*;

#[test]
fn reconcile_puts_every_order_and_line_in_exactly_one_case() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let orders = dir.path().join("orders.csv");
    let spec = cuadra_testkit::ShopifySpec {
        orders: 600,
        ..Default::default()
    };
    let f = std::fs::File::create(&orders).expect("create");
    cuadra_testkit::write_shopify_orders(&spec, std::io::BufWriter::new(f)).expect("generate");
    let lines = dlocal_file(dir.path(), "settlement.csv", 1, 400);
    let out = run(
        &db,
        &[
            "import",
            orders.to_str().expect("utf8"),
            lines.to_str().expect("utf8"),
        ],
    );
    assert!(out.status.success(), "{}", stdout(&out));

    let out = run(
        &db,
        &[
            "reconcile",
            "--json",
            "--as-of",
            "2026-06-30T23:59:59-05:00",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cases: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("a JSON array");
    let mut order_ids = std::collections::BTreeSet::new();
    let mut line_ids = std::collections::BTreeSet::new();
    for c in &cases {
        if let Some(id) = c["order_id"].as_i64() {
            assert!(order_ids.insert(id), "order {id} sits in two cases");
        }
        for l in c["line_ids"].as_array().expect("line_ids") {
            assert!(
                line_ids.insert(l.as_i64().expect("id")),
                "line {l} sits in two cases"
            );
        }
        assert!(
            !c["explanation"].as_str().unwrap_or("").is_empty(),
            "every case explains itself"
        );
    }
    assert_eq!(
        order_ids.len() as i64,
        count(&db, "shop_orders"),
        "every order is in a case"
    );
    assert_eq!(
        line_ids.len() as i64,
        count(&db, "settlement_lines"),
        "every line is in a case"
    );
    let matched = cases.iter().filter(|c| c["status"] == "matched").count();
    assert!(
        matched > 100,
        "generated payments of generated orders must match ({matched})"
    );

    let out = run(&db, &["reconcile", "--as-of", "2026-06-30T23:59:59-05:00"]);
    let text = stdout(&out);
    assert!(
        text.contains("matched"),
        "the summary lists the statuses: {text}"
    );
    assert!(
        text.contains("600 orders and 400 settlement lines"),
        "{text}"
    );
}

#[test]
fn export_reconciliation_writes_the_column_contract_with_bom_and_neutralized_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let file = dlocal_file(dir.path(), "s.csv", 4, 50);
    // A hostile PSP id, as a tampered or careless file could carry.
    let text = std::fs::read_to_string(&file).expect("read");
    let first_id = text
        .split(',')
        .find(|c| c.starts_with("T-648-"))
        .expect("a dLocal id")
        .to_string();
    std::fs::write(&file, text.replacen(&first_id, "@SUM(1+1)", 1)).expect("write");
    assert!(run(&db, &["import", file.to_str().expect("utf8")])
        .status
        .success());
    let out_path = dir.path().join("rec.csv");
    let out = run(
        &db,
        &[
            "export",
            "reconciliation",
            "--out",
            out_path.to_str().expect("utf8"),
            "--as-of",
            "2026-06-30T00:00:00-05:00",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&out_path).expect("exported");
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "UTF-8 with a BOM, so Excel reads accents"
    );
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    for col in [
        "case_id",
        "status",
        "order_ref",
        "order_id",
        "settlement_refs",
        "order_total",
        "paid_amount",
        "difference",
        "currency",
        "fee_total",
        "tax_total",
        "net_settled",
        "settlement_currency",
        "psp",
        "payment_method",
        "order_created_at",
        "paid_at",
        "voucher_expires_at",
        "settled_at",
        "shop_status",
        "decided_by",
        "explanation",
    ] {
        assert!(
            header.iter().any(|h| h == col),
            "column {col} is part of the export contract"
        );
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let status = header.iter().position(|h| h == "status").expect("col");
    let line_cases = rows
        .iter()
        .filter(|r| !r.get(0).unwrap_or("").starts_with("batch:"))
        .count();
    assert_eq!(
        line_cases as i64,
        count(&db, "settlement_lines"),
        "no orders: one case per line"
    );
    assert!(
        rows.iter()
            .filter(|r| r.get(0).unwrap_or("").starts_with("batch:"))
            .all(|r| r.get(status) == Some("settlement_charge")),
        "besides the lines, only a batch's rounding, booked as a settlement charge"
    );
    let refs = header
        .iter()
        .position(|h| h == "settlement_refs")
        .expect("col");
    assert!(
        rows.iter().any(|r| r.get(refs) == Some("'@SUM(1+1)")),
        "a formula-like id from a file is neutralized"
    );
    assert!(
        !rows.iter().any(|r| r.get(refs) == Some("@SUM(1+1)")),
        "and never written raw"
    );
}

/// Issue 15: cases of lines without a date of their own (a batch's SETTLEMENT_FEE, a debit
/// note, a refund with no order) belonged to no month and fell out of every month view and
/// close. dLocal gives the settlement date once, as the HEADER row's TRANSFER_DATE: the fixture's
/// is 2026-05-08, so each of its nine lines' cases was settled that day and belongs to May, and
/// May holds every case.
#[test]
fn lines_settle_on_their_batch_transfer_date_and_every_case_has_a_month() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let out = run(&db, &["import", &fixture("dlocal_crossborder_co.csv")]);
    assert!(out.status.success(), "{}", stdout(&out));
    let out = run(&db, &["reconcile", "--as-of", "2026-05-31T23:59:59-05:00"]);
    assert!(out.status.success(), "{}", stdout(&out));
    let list = |extra: &[&str]| -> serde_json::Value {
        let mut args = vec!["case", "list", "--json", "--limit", "100"];
        args.extend_from_slice(extra);
        let out = run(&db, &args);
        assert!(out.status.success(), "{}", stdout(&out));
        serde_json::from_slice(&out.stdout).expect("json")
    };
    let all = list(&[]);
    let rows = all["rows"].as_array().expect("rows");
    // Nine lines, each its own case (no orders), and the batch's rounding case.
    assert_eq!(rows.len(), 10, "{all}");
    for refs in ["771204", "805220011", "R-912-rf00051", "T-912-ey09950"] {
        let case = rows
            .iter()
            .find(|r| {
                r["settlement_refs"] == refs
                    && r["case_key"].as_str().unwrap_or("").starts_with("line:")
            })
            .unwrap_or_else(|| panic!("a case for {refs}: {all}"));
        assert_eq!(case["settled_at"], "2026-05-08", "{case}");
        assert_eq!(case["period"], "2026-05", "{case}");
    }
    assert!(rows.iter().all(|r| r["period"] == "2026-05"), "{all}");
    let may = list(&["--period", "2026-05"]);
    assert_eq!(may["total"], all["total"], "{may}");
}

/// `reconcile --as-of 2026-05-31` means the last second of that day in the workspace zone
/// (Bogotá, UTC-5: 2026-06-01 04:59:59 UTC); in Shanghai (UTC+8) it is 2026-05-31 15:59:59 UTC.
#[test]
fn a_day_as_of_is_its_last_second_in_the_workspace_zone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    assert!(run(&db, &["import", &fixture("shopify_orders_co.csv")])
        .status
        .success());
    let last_as_of = || -> String {
        rusqlite::Connection::open(&db)
            .expect("open")
            .query_row(
                "SELECT as_of FROM recon_runs ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .expect("a run")
    };
    let out = run(&db, &["reconcile", "--as-of", "2026-05-31"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(last_as_of(), "2026-06-01T04:59:59Z");
    assert!(run(&db, &["settings", "zone", "Asia/Shanghai"])
        .status
        .success());
    let out = run(&db, &["reconcile", "--as-of", "2026-05-31"]);
    assert!(out.status.success());
    assert_eq!(last_as_of(), "2026-05-31T15:59:59Z");
}
