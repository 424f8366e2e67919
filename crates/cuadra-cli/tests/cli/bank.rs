//! Bank statements through the command line (issue 18, import only): `import` detects camt.053
//! and MT940 by content, `bank statements` lists them with their balances, entry counts, check
//! and the gaps between statements of one account, and `verify` derives their entries again
//! from the stored originals. Figures worked out in `cuadra-core/tests/core/ingest_bank.rs`.

use super::*;

#[test]
fn statements_are_imported_listed_with_their_checks_and_gaps_and_verify() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let camt = fixture("bank/camt053_cop_2026-05-04.xml");
    let camt_overlap = fixture("bank/camt053_cop_2026-05-04_05.xml");
    let mt940 = fixture("bank/mt940_usd_hk_2026-05-04_05.sta");
    let mt940_later = fixture("bank/mt940_usd_hk_2026-05-08.sta");
    let out = run(
        &db,
        &[
            "import",
            "--json",
            &camt,
            &camt_overlap,
            &mt940,
            &mt940_later,
        ],
    );
    let text = stdout(&out);
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let reports: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let got: Vec<(String, u64, u64)> = reports
        .as_array()
        .expect("one report per file")
        .iter()
        .map(|r| {
            (
                r["format"].as_str().unwrap_or("").to_string(),
                r["new"].as_u64().unwrap_or(99),
                r["known"].as_u64().unwrap_or(99),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("camt.053".to_string(), 5, 0),
            ("camt.053".to_string(), 2, 5),
            ("mt940".to_string(), 5, 0),
            ("mt940".to_string(), 1, 0),
        ],
        "detected by content; the overlapping camt.053 adds only 5 May's two entries"
    );

    let out = run(&db, &["bank", "statements", "--json"]);
    assert!(out.status.success());
    let listed: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let statements = listed["statements"].as_array().expect("statements");
    assert_eq!(statements.len(), 5, "COP 4 and 5 May, USD 4, 5 and 8 May");
    assert!(statements.iter().all(|s| s["balanced"] == true));
    let cop = &statements[0];
    assert_eq!(
        (&cop["account"], &cop["closing_balance"], &cop["entries"]),
        (
            &serde_json::json!("00123456789"),
            &serde_json::json!("22068820.60"),
            &serde_json::json!(5)
        )
    );
    let gaps = listed["gaps"].as_array().expect("gaps");
    assert_eq!(gaps.len(), 1, "{gaps:#?}");
    assert_eq!(gaps[0]["missing_from"], "2026-05-06");
    assert_eq!(gaps[0]["missing_to"], "2026-05-07");
    assert_eq!(gaps[0]["balance_carries_over"], false);

    let out = run(&db, &["bank", "statements"]);
    let text = stdout(&out);
    assert!(text.contains("GAP  808123456838 USD"), "{text}");
    assert!(
        text.contains("2 day(s) without a statement, 2026-05-06 .. 2026-05-07"),
        "{text}"
    );

    let out = run(&db, &["verify"]);
    assert!(
        out.status.success(),
        "the stored statements derive again from their originals: {}\n{}",
        stdout(&out),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_unbalanced_statement_is_not_imported_and_the_exit_code_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let text =
        std::fs::read_to_string(fixture("bank/mt940_usd_hk_2026-05-08.sta")).expect("fixture");
    let bad = dir.path().join("bad.sta");
    std::fs::write(
        &bad,
        text.replace(":62F:C260508USD179125,50", ":62F:C260508USD179152,50"),
    )
    .expect("write");
    let out = run(&db, &["import", &bad.to_string_lossy()]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a refused file fails the import"
    );
    let text = stdout(&out);
    assert!(text.contains("NOT IMPORTED (mt940)"), "{text}");
    assert!(text.contains("does not add up"), "{text}");
    let out = run(&db, &["bank", "statements", "--json"]);
    let listed: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(
        listed["statements"].as_array().map(Vec::len),
        Some(0),
        "nothing was written"
    );
}
