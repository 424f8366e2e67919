//! PSP payouts matched to bank credits through the command line (issue 18 part 2): ten dLocal
//! batches and two statements (`fixtures/payouts/`, see `SOURCES.md`) planting every payout
//! status, imported, reconciled as of 2026-06-20 and exported, against an answer worked out by
//! hand:
//!
//! | batch  | net (USD) | transfer   | bank credit                                   | answer |
//! | ------ | --------- | ---------- | --------------------------------------------- | ------ |
//! | 700101 | 1000.00   | 2026-06-01 | USD 1000.00 on 06-02, text "TRANSFER 700101"  | matched by reference |
//! | 700102 | 500.00    | 2026-06-03 | USD 500.00 on 06-05 from DLOCAL, no reference | matched by amount (window 5 days: to 06-08) |
//! | 700103 | 800.00    | 2026-06-08 | USD 775.00 on 06-09, text "DLO-700103"        | short by 25.00 (and USD 10.00 of charges debited that day) |
//! | 700104 | 300.00    | 2026-06-10 | USD 310.00 on 06-11, text "TRANSFER 700104"   | over by 10.00 |
//! | 700105 | 450.00    | 2026-06-11 | none                                          | missing (window ended 06-16, as-of 06-20) |
//! | 700106 | 620.00    | 2026-06-14 | USD 620.00 on 06-15 AND on 06-16, from DLOCAL | ambiguous: both named, neither chosen |
//! | 700107 | 100.00    | 2026-06-15 | COP 390,000 on 06-16 (camt.053), "TRANSFER 700107" | matched, effective rate 390000 / 100 = 3900 |
//! | 700108 | 200.00    | 2026-06-18 | none                                          | no case: its window runs to 06-23 |
//! | 700109 | 250.00    | 2026-06-04 | USD 250.00 on 06-06 from DLOCAL, no reference | ambiguous: the one credit fits 700110 too |
//! | 700110 | 250.00    | 2026-06-05 | the same credit                               | ambiguous, naming 700109 |
//!
//! Besides: USD 999.00 on 06-12 from DLOCAL naming transfer 700999 (no such batch) is
//! `bank_credit_unexplained`; USD 2500.00 from ACME TRADING names no PSP and makes no case.

use super::*;

/// The payout and bank cases of `export reconciliation`: (case_id, status, settlement_refs,
/// difference, rule), sorted.
fn payout_rows(db: &Path, dir: &Path) -> Vec<(String, String, String, String, String)> {
    let out_path = dir.join("r.csv");
    let out = run(
        db,
        &[
            "export",
            "reconciliation",
            "--format",
            "csv",
            "--out",
            &out_path.to_string_lossy(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&out_path).expect("export");
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().expect("headers").clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let (key, status, refs, diff, rule) = (
        col("case_id"),
        col("status"),
        col("settlement_refs"),
        col("difference"),
        col("rule"),
    );
    let mut rows: Vec<_> = reader
        .records()
        .map(|r| r.expect("row"))
        .filter(|r| r[status].starts_with("payout_") || r[status].starts_with("bank_"))
        .map(|r| {
            (
                r[key].to_string(),
                r[status].to_string(),
                r[refs].to_string(),
                r[diff].to_string(),
                r[rule].to_string(),
            )
        })
        .collect();
    rows.sort();
    rows
}

fn expected(unexplained_key: &str) -> Vec<(String, String, String, String, String)> {
    let mut rows: Vec<_> = [
        (
            unexplained_key,
            "bank_credit_unexplained",
            "HK260612000051",
            "",
            "credit_no_payout",
        ),
        (
            "payout:dlocal:700101",
            "payout_matched",
            "700101|HK260602000011",
            "0",
            "payout_by_reference",
        ),
        (
            "payout:dlocal:700102",
            "payout_matched",
            "700102|HK260605000021",
            "0",
            "payout_by_amount",
        ),
        (
            "payout:dlocal:700103",
            "payout_short",
            "700103|HK260609000031",
            "-25",
            "payout_by_reference",
        ),
        (
            "payout:dlocal:700104",
            "payout_over",
            "700104|HK260611000041",
            "10",
            "payout_by_reference",
        ),
        (
            "payout:dlocal:700105",
            "payout_missing",
            "700105",
            "",
            "payout_no_credit",
        ),
        (
            "payout:dlocal:700106",
            "payout_ambiguous",
            "700106|HK260615000061|HK260616000071",
            "",
            "payout_two_credits",
        ),
        (
            "payout:dlocal:700107",
            "payout_matched",
            "700107|2026061600011",
            "",
            "payout_fx_by_reference",
        ),
        (
            "payout:dlocal:700109",
            "payout_ambiguous",
            "700109|HK260606000025",
            "",
            "payout_shared_credit",
        ),
        (
            "payout:dlocal:700110",
            "payout_ambiguous",
            "700110|HK260606000025",
            "",
            "payout_shared_credit",
        ),
    ]
    .iter()
    .map(|(a, b, c, d, e)| {
        (
            a.to_string(),
            b.to_string(),
            c.to_string(),
            d.to_string(),
            e.to_string(),
        )
    })
    .collect();
    rows.sort();
    rows
}

fn import_all(db: &Path) {
    let mut files: Vec<String> = (700101..=700110)
        .map(|n| fixture(&format!("payouts/dlocal_settlement_{n}.csv")))
        .collect();
    files.push(fixture("payouts/mt940_usd_hk_2026-06.sta"));
    files.push(fixture("payouts/camt053_cop_2026-06-16.xml"));
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    let out = run(db, &args);
    assert!(
        out.status.success(),
        "{}{}",
        stdout(&out),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The id of the bank entry with this reference.
fn entry_id(db: &Path, bank_ref: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).expect("open");
    conn.query_row(
        "SELECT id FROM bank_entries WHERE bank_ref = ?1",
        [bank_ref],
        |r| r.get(0),
    )
    .expect("entry")
}

#[test]
fn every_payout_status_comes_out_as_worked_by_hand() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    import_all(&db);
    let out = run(&db, &["reconcile", "--as-of", "2026-06-20"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let unexplained = format!("bank:{}", entry_id(&db, "HK260612000051"));
    let got = payout_rows(&db, dir.path());
    assert_eq!(got, expected(&unexplained));

    // The explanations name what a person needs: the difference, the charges of the day, the
    // effective rate and the GMF.
    assert!(run(&db, &["settings", "language", "en"]).status.success());
    let out = run(&db, &["case", "show", "payout:dlocal:700103"]);
    let text = stdout(&out);
    assert!(text.contains("USD 25.00 less"), "{text}");
    assert!(text.contains("USD 10.00 of bank charges"), "{text}");
    let out = run(&db, &["case", "show", "payout:dlocal:700107"]);
    let text = stdout(&out);
    assert!(text.contains("3900 COP per USD"), "{text}");
    assert!(text.contains("COP 1,560 of GMF (4x1000)"), "{text}");

    // Exceptions hold every payout status but payout_matched.
    let exc = dir.path().join("e.csv");
    let out = run(
        &db,
        &[
            "export",
            "exceptions",
            "--format",
            "csv",
            "--out",
            &exc.to_string_lossy(),
        ],
    );
    assert!(out.status.success());
    let text = std::fs::read_to_string(&exc).expect("exceptions");
    for key in [
        "payout:dlocal:700103",
        "payout:dlocal:700104",
        "payout:dlocal:700105",
        "payout:dlocal:700106",
        unexplained.as_str(),
    ] {
        assert!(text.contains(key), "{key} is an exception");
    }
    assert!(!text.contains("payout:dlocal:700101"));

    // The workbook gains a Payouts sheet with the ten payout and bank cases.
    let xlsx = dir.path().join("w.xlsx");
    let out = run(
        &db,
        &[
            "export",
            "workbook",
            "--out",
            &xlsx.to_string_lossy(),
            "--lang",
            "en",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(std::fs::read(&xlsx).expect("xlsx")))
            .expect("open");
    assert_eq!(wb.sheet_names().last().map(String::as_str), Some("Payouts"));
    let payouts = wb.worksheet_range("Payouts").expect("sheet");
    assert_eq!(payouts.height(), 1 + 10, "header and ten cases");

    // A review act on a payout case: resolved with a reason, kept by the next runs, partial
    // and full, which change nothing.
    let out = run(
        &db,
        &[
            "case",
            "resolve",
            "payout:dlocal:700103",
            "--reason",
            "written_off",
            "--note",
            "HSBC inward remittance charge",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let resolved = |db: &Path| -> String {
        let conn = rusqlite::Connection::open(db).expect("open");
        conn.query_row(
            "SELECT state FROM cases WHERE case_key = 'payout:dlocal:700103'",
            [],
            |r| r.get(0),
        )
        .expect("case")
    };
    assert_eq!(resolved(&db), "resolved");
    let before = payout_rows(&db, dir.path());
    let out = run(&db, &["reconcile", "--as-of", "2026-06-20"]);
    assert!(out.status.success());
    assert_eq!(payout_rows(&db, dir.path()), before);
    assert_eq!(resolved(&db), "resolved");
    let out = run(&db, &["reconcile", "--as-of", "2026-06-20", "--full"]);
    assert!(out.status.success());
    assert!(
        stdout(&out).contains("0 cases written, 0 removed"),
        "{}",
        stdout(&out)
    );
    assert_eq!(resolved(&db), "resolved");
}

/// Earlier as-of: 700105 is still inside its window (no case); the statements imported after
/// a first run, in a partial run, give the same cases as a full one.
#[test]
fn a_statement_imported_after_a_run_is_matched_by_the_partial_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let batches: Vec<String> = (700101..=700110)
        .map(|n| fixture(&format!("payouts/dlocal_settlement_{n}.csv")))
        .collect();
    let mut args = vec!["import"];
    args.extend(batches.iter().map(String::as_str));
    assert!(run(&db, &args).status.success());
    let out = run(&db, &["reconcile", "--as-of", "2026-06-20"]);
    assert!(out.status.success());
    assert!(
        payout_rows(&db, dir.path()).is_empty(),
        "no statement imported: no payout is judged"
    );
    import_all(&db);
    let out = run(&db, &["reconcile", "--as-of", "2026-06-20"]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("partial"), "{}", stdout(&out));
    let unexplained = format!("bank:{}", entry_id(&db, "HK260612000051"));
    assert_eq!(payout_rows(&db, dir.path()), expected(&unexplained));
    let out = run(&db, &["reconcile", "--as-of", "2026-06-20", "--full"]);
    assert!(
        stdout(&out).contains("0 cases written, 0 removed"),
        "{}",
        stdout(&out)
    );

    // As of 2026-06-16, 700105's window (to 06-16) is not over: no case for it.
    let out = run(&db, &["reconcile", "--as-of", "2026-06-16"]);
    assert!(out.status.success());
    let rows = payout_rows(&db, dir.path());
    assert!(
        !rows.iter().any(|r| r.0 == "payout:dlocal:700105"),
        "{rows:?}"
    );
    assert_eq!(rows.len(), 9);
}
