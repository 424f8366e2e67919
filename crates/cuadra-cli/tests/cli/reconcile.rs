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
