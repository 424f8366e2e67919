//! Issue 13 through the command line: reports as the PSPs write them (hand-written fixtures,
//! each layout's public source in `crates/cuadra-core/tests/fixtures/SOURCES.md`), imported,
//! reconciled and exported as an accountant would. Every expected value is worked out by hand
//! in the comments beside it.

use super::*;
use std::path::Path;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../cuadra-core/tests/fixtures")
        .join(name)
}

/// `cuadra-cli import` of fixtures, which must succeed; its printed report.
fn import(db: &Path, names: &[&str]) -> String {
    let paths: Vec<String> = names
        .iter()
        .map(|n| fixture(n).to_string_lossy().into_owned())
        .collect();
    let mut args = vec!["import"];
    args.extend(paths.iter().map(String::as_str));
    let out = run(db, &args);
    let text = stdout(&out);
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

/// `cuadra-cli reconcile --json --as-of AS_OF`: every case, by key.
fn reconcile(db: &Path, as_of: &str) -> std::collections::BTreeMap<String, serde_json::Value> {
    let out = run(db, &["reconcile", "--json", "--as-of", as_of]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cases: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    cases
        .into_iter()
        .map(|c| (c["case_key"].as_str().unwrap_or_default().to_string(), c))
        .collect()
}

fn status<'c>(
    cases: &'c std::collections::BTreeMap<String, serde_json::Value>,
    key: &str,
) -> &'c str {
    cases
        .get(key)
        .unwrap_or_else(|| panic!("no case {key}: {:?}", cases.keys().collect::<Vec<_>>()))
        ["status"]
        .as_str()
        .unwrap_or_default()
}

/// An export written to a temporary file, read back as text.
fn export(db: &Path, dir: &Path, kind: &str, extra: &[&str]) -> String {
    let out_path = dir.join(format!("{kind}.csv"));
    let out_s = out_path.to_string_lossy().into_owned();
    let mut args = vec![
        "export", kind, "--format", "csv", "--lang", "en", "--out", &out_s,
    ];
    args.extend_from_slice(extra);
    let out = run(db, &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(&out_path).expect("export written")
}

#[test]
fn a_status_word_cuadra_does_not_know_is_flagged_never_paid() {
    // The reproduction: dLocal's PAYMENT for order #1001 with STATUS WAITING_DETAILS.
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let text = import(
        &db,
        &[
            "shopify_orders_co.csv",
            "dlocal_crossborder_unknown_status.csv",
        ],
    );
    assert!(
        text.contains("'WAITING_DETAILS', which Cuadra does not know as a status"),
        "the import says so: {text}"
    );
    let cases = reconcile(&db, "2026-05-31T23:59:59-05:00");
    let c = &cases["order:shopify:1001"];
    assert_eq!(c["status"], "psp_status_unknown", "{c:#}");
    assert_eq!(
        c["paid_amount"],
        serde_json::Value::Null,
        "no money counted"
    );
    assert_eq!(
        c["net_settled"],
        serde_json::Value::Null,
        "nothing settled: {c:#}"
    );
    assert_eq!(
        c["fee_total"],
        serde_json::Value::Null,
        "nothing charged: {c:#}"
    );
    assert!(
        c["explanation"]
            .as_str()
            .unwrap_or_default()
            .contains("with the status 'WAITING_DETAILS', a status Cuadra does not know"),
        "{c:#}"
    );
    // An exception a person must look at.
    let exceptions = export(&db, dir.path(), "exceptions", &[]);
    assert!(
        exceptions.contains("order:shopify:1001,psp_status_unknown"),
        "{exceptions}"
    );
    // The same file without the unknown word: the order is matched (the status is the cause).
    let db2 = dir.path().join("w2.db");
    import(
        &db2,
        &["shopify_orders_co.csv", "dlocal_crossborder_co.csv"],
    );
    let cases = reconcile(&db2, "2026-05-31T23:59:59-05:00");
    assert_eq!(status(&cases, "order:shopify:1001"), "paid_shop_pending");
    // Nor does the Summary count it. The clean file settles 9 lines: gross 369.313084, fees
    // -39.60299, net 329.710094; without #1001's row (gross 37.383178, fee -1.121495, net
    // 36.261683): 8 lines, 331.929906, -38.481495, 293.448411.
    let summary = export(&db, dir.path(), "summary", &[]);
    assert_eq!(
        section(&summary, "Settled by PSP"),
        vec!["dlocal,USD,8,331.929906,-38.481495,0,293.448411"],
        "{summary}"
    );
}

/// The rows of a CSV Summary section: the lines after its title and header, to the first blank.
fn section<'t>(text: &'t str, title: &str) -> Vec<&'t str> {
    text.lines()
        .skip_while(|l| !l.trim_start_matches('"').starts_with(title))
        .skip(2)
        .take_while(|l| !matches!(l.trim(), "" | "\"\""))
        .collect()
}

const MP_AS_OF: &str = "2026-05-12T23:59:59-05:00";

#[test]
fn mercadopago_release_report_beside_the_settlement_report_counts_the_money_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let text = import(
        &db,
        &[
            "shopify_orders_mp.csv",
            "mercadopago_settlement_same_money.csv",
            "mercadopago_release_same_money.csv",
        ],
    );
    // Release report: 16 rows; the opening balance, two informational balances, three
    // subtotals and the total are the file's own figures, not lines (7); 9 rows are money.
    assert!(
        text.contains("mercadopago_release_same_money.csv: mercadopago-release: 16 rows: 9 new"),
        "{text}"
    );
    assert!(
        text.contains("7 row(s) state the file's own balances and totals"),
        "{text}"
    );
    assert!(
        text.contains("times without an offset read in GMT-04 (Etc/GMT+4)"),
        "Mercado Pago's documented default zone is shown: {text}"
    );
    let cases = reconcile(&db, MP_AS_OF);
    assert_eq!(status(&cases, "order:shopify:2001"), "matched");
    assert_eq!(status(&cases, "order:shopify:2002"), "matched");
    // Blocked for a claim on 05-08, unblocked on 05-09: the money came back.
    assert_eq!(
        status(&cases, "order:shopify:2003"),
        "matched",
        "a dispute blocked and unblocked is not a chargeback"
    );
    // Created 04-28 10:00, voucher 72 h, paid 05-03: late, in both reports.
    assert_eq!(status(&cases, "order:shopify:2004"), "paid_after_expiry");
    // DISPUTE of 28,953 held (settlement report), the same block in the release report.
    assert_eq!(status(&cases, "order:shopify:2005"), "disputed");
    // Each order holds its settlement line and the release line repeating it.
    let c = &cases["order:shopify:2001"];
    assert_eq!(c["line_ids"].as_array().map(Vec::len), Some(2), "{c:#}");
    assert_eq!(c["net_settled"], "141015", "counted once: {c:#}");
    assert_eq!(c["fee_total"], "-5235");
    assert_eq!(c["tax_total"], "-3750");
    // Nothing of the balance, subtotal or total rows became a payment without order; the
    // withdrawal is one charge with both reports' rows.
    let loose: Vec<&String> = cases.keys().filter(|k| k.starts_with("line:")).collect();
    assert_eq!(
        loose.len(),
        1,
        "only the withdrawal stands alone: {loose:?}"
    );
    let w = &cases[loose[0].as_str()];
    assert_eq!(w["status"], "settlement_charge");
    assert_eq!(w["line_ids"].as_array().map(Vec::len), Some(2));
    assert_eq!(w["net_settled"], "-300000");
    assert!(
        !cases.keys().any(|k| k.starts_with("batch:")),
        "the release file ties out: 528,833.50 - 500,000 opening = 28,833.50 = its movements"
    );

    // The Summary counts each peso once. Settlement report only (the release lines repeat it):
    // gross 150,000 + 89,900 + 62,000 + 45,000 + 30,000 - 300,000 (withdrawal) = 76,900;
    // fees -5,235 - 3,137.51 - 2,163.80 - 1,570.50 - 1,047 = -13,153.81; taxes -3,750 -
    // 2,209.69 = -5,959.69; net 76,900 - 13,153.81 - 5,959.69 = 57,786.50 (the held 28,953 is
    // neither charged nor settled).
    let summary = export(&db, dir.path(), "summary", &[]);
    let by_psp = section(&summary, "Settled by PSP");
    assert_eq!(
        by_psp,
        vec!["mercadopago,COP,6,76900,-13153.81,-5959.69,57786.5"],
        "{summary}"
    );
    // Withholdings by kind, for Mercado Pago's withholding certificate.
    assert_eq!(
        section(&summary, "Withholdings by period and PSP"),
        vec!["2026-05,mercadopago,COP,-3750,0,-2209.69,0,0,-5959.69"],
        "{summary}"
    );
    // The release file's own total ties out against its lines: opening 500,000 + movements
    // 57,786.50 (released) - 88,789.20 (blocked) + 59,836.20 (unblocked) = 528,833.50.
    let tie = section(&summary, "Batch tie-out");
    assert_eq!(tie.len(), 1, "{summary}");
    assert!(
        tie[0].starts_with("mercadopago_release_same_money.csv,,mercadopago,COP,,9,,"),
        "{}",
        tie[0]
    );
    assert!(tie[0].ends_with(",28833.5,0,yes,"), "{}", tie[0]);
}

#[test]
fn a_release_only_workspace_sees_late_payments_and_claims() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    import(
        &db,
        &[
            "shopify_orders_mp.csv",
            "mercadopago_release_same_money.csv",
        ],
    );
    let cases = reconcile(&db, MP_AS_OF);
    // TRANSACTION_APPROVAL_DATE 2026-05-03 11:00 -04:00 is after the voucher's 2026-05-01 10:00.
    assert_eq!(status(&cases, "order:shopify:2004"), "paid_after_expiry");
    assert_eq!(status(&cases, "order:shopify:2003"), "matched");
    assert_eq!(status(&cases, "order:shopify:2005"), "disputed");
    assert_eq!(status(&cases, "order:shopify:2001"), "matched");
    let c = &cases["order:shopify:2001"];
    assert_eq!(
        c["paid_at"], "2026-05-04T18:42:10-05:00",
        "paid when Mercado Pago approved it (19:42 at GMT-04), not when it was released"
    );
}

#[test]
fn a_release_report_whose_movements_miss_its_total_is_an_exception() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    // The same report with the withdrawal row cut out: its total still counts it.
    let text =
        std::fs::read_to_string(fixture("mercadopago_release_same_money.csv")).expect("fixture");
    let cut: String = text
        .lines()
        .filter(|l| !l.contains(",release,withdrawal,"))
        .map(|l| format!("{l}\n"))
        .collect();
    let path = dir.path().join("release_cut.csv");
    std::fs::write(&path, cut).expect("write");
    let out = run(&db, &["import", path.to_str().expect("utf8")]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains(
            "row 13, column RECORD_TYPE (D): warning: The subtotal of 'release' says COP \
             57,786.50, but the file's 'release' rows add up to COP 357,786.50"
        ),
        "the subtotal no longer matches its rows (57,786.50 + the cut 300,000): {text}"
    );
    let cases = reconcile(&db, MP_AS_OF);
    let batch: Vec<&serde_json::Value> = cases
        .iter()
        .filter(|(k, _)| k.starts_with("batch:"))
        .map(|(_, c)| c)
        .collect();
    assert_eq!(batch.len(), 1, "{:?}", cases.keys().collect::<Vec<_>>());
    assert_eq!(batch[0]["status"], "batch_mismatch");
    // Movements 28,833.50 + 300,000 (the cut withdrawal) = 328,833.50; the total says 28,833.50.
    assert_eq!(batch[0]["net_settled"], "-300000", "{:#}", batch[0]);
    let exceptions = export(&db, dir.path(), "exceptions", &[]);
    assert!(exceptions.contains(",batch_mismatch,"), "{exceptions}");
}

#[test]
fn mercadopago_columns_are_found_by_the_code_in_their_label() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let text = import(&db, &["mercadopago_settlement_labels_es.csv"]);
    assert!(
        text.contains("mercadopago-settlement: 2 rows: 2 new"),
        "'Número de referencia (EXTERNAL_REFERENCE)' and a lower-case code are found: {text}"
    );
    let cases = reconcile(&db, MP_AS_OF);
    let c = cases
        .values()
        .find(|c| c["settlement_refs"] == "88001000002")
        .expect("the second payment");
    // 89.900,00 - 3.137,51 - 2.209,69 = 84.552,80, read with the Spanish decimal comma.
    assert_eq!(c["net_settled"], "84552.8");
    assert_eq!(c["fee_total"], "-3137.51");
    assert_eq!(c["tax_total"], "-2209.69");
}

#[test]
fn dlocal_older_report_reversals_notes_and_spreadsheet_ids() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let text = import(&db, &["shopify_orders_legacy.csv", "dlocal_legacy_co.csv"]);
    assert!(
        text.contains("dlocal_legacy_co.csv: dlocal-legacy: 11 rows: 11 new"),
        "note and processing-fee rows are read, not refused: {text}"
    );
    assert!(
        text.contains("times without an offset read in UTC: the zone this format documents"),
        "{text}"
    );
    assert!(
        text.contains("row 8, column Invoice (E): warning: '2.66E+08' is an identifier"),
        "{text}"
    );
    let cases = reconcile(&db, "2026-04-30T23:59:59-05:00");
    // 2026-04-20 23:05:11 UTC is 18:05:11 in Bogotá, within the order's 72 h voucher.
    assert_eq!(status(&cases, "order:shopify:901"), "matched");
    let c = &cases["order:shopify:901"];
    // Amount (USD) 37.38 is the gross; Fee 1.12 is charged: net 36.26.
    assert_eq!(c["fee_total"], "-1.12");
    assert_eq!(c["net_settled"], "36.26");
    assert_eq!(c["paid_at"], "2026-04-20T18:05:11-05:00");
    assert_eq!(status(&cases, "order:shopify:902"), "matched");
    // The refund names #880 only in Transaction Invoice; Completed: 89,900 went back.
    assert_eq!(status(&cases, "order:shopify:880"), "refunded");
    // The chargeback names #870 in Transaction Invoice; Settled: lost.
    assert_eq!(status(&cases, "order:shopify:870"), "charged_back");
    // Reimbursed (settled in the merchant's favour) and Waiting Details moved no money: the
    // orders still wait for their settlement (shop paid 04-17 and 04-18, grace 7 days).
    assert_eq!(status(&cases, "order:shopify:871"), "missing_settlement");
    assert_eq!(status(&cases, "order:shopify:872"), "missing_settlement");
    // SmashPig's own row: invoice 266221341.0 is order 266221341; 1.50 - 0.03 = 1.47.
    assert_eq!(status(&cases, "order:shopify:266221341"), "matched");
    let c = &cases["order:shopify:266221341"];
    assert_eq!(c["net_settled"], "1.47");
    assert_eq!(c["fee_total"], "-0.01", "the IOF is broken out of the fee");
    assert_eq!(c["tax_total"], "-0.02");
    // 2.66E+08 cannot be read back: its own case, never matched, and it says why.
    let spoiled = cases
        .values()
        .find(|c| c["settlement_refs"] == "7788007")
        .expect("the line of row 8");
    assert_eq!(spoiled["status"], "unmatched_settlement");
    assert_eq!(spoiled["rule"], "reference_unreadable");
    assert!(
        spoiled["explanation"]
            .as_str()
            .unwrap_or_default()
            .contains("quotes '2.66E+08', a reference a spreadsheet turned into a number"),
        "{spoiled:#}"
    );
    // Debit note -2.38, credit note +1.00, chargeback processing fee -15.00: batch charges.
    let mut charges: Vec<(&str, &str)> = cases
        .values()
        .filter(|c| c["status"] == "settlement_charge")
        .map(|c| {
            (
                c["settlement_refs"].as_str().unwrap_or_default(),
                c["net_settled"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    charges.sort();
    assert_eq!(
        charges,
        vec![("7788008", "-2.38"), ("7788009", "1"), ("7788010", "-15")]
    );
}

#[test]
fn the_zone_of_a_psp_can_be_set_and_the_import_says_which_was_used() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let out = run(&db, &["settings", "zone.dlocal", "America/Bogota"]);
    assert!(out.status.success(), "{}", stdout(&out));
    let text = import(&db, &["shopify_orders_co.csv", "dlocal_crossborder_co.csv"]);
    assert!(
        text.contains("times without an offset read in America/Bogota: set for this PSP"),
        "{text}"
    );
    let cases = reconcile(&db, "2026-05-31T23:59:59-05:00");
    assert_eq!(
        cases["order:shopify:1002"]["paid_at"], "2026-05-06T09:01:12-05:00",
        "APPROVED_DATE 2026-05-06 09:01:12 read as Bogotá time"
    );
    // Without the setting, dLocal's own zone (UTC): five hours earlier in Bogotá.
    let db2 = dir.path().join("w2.db");
    import(
        &db2,
        &["shopify_orders_co.csv", "dlocal_crossborder_co.csv"],
    );
    let cases = reconcile(&db2, "2026-05-31T23:59:59-05:00");
    assert_eq!(
        cases["order:shopify:1002"]["paid_at"],
        "2026-05-06T04:01:12-05:00"
    );
}

#[test]
fn a_dlocal_batch_whose_lines_miss_its_summary_is_an_exception_and_an_alert() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    // The fixture's HEADER states 9 items, gross 369.31, fees -39.6, net 329.71; its lines
    // add up to 9, 369.313084, -39.60299 and 329.710094. Here the HEADER says 10 items and a
    // gross of 379.31: one line of 10 USD gross is missing, say.
    let text = std::fs::read_to_string(fixture("dlocal_crossborder_co.csv")).expect("fixture");
    let changed = text.replace("HEADER,USD,9,369.31,", "HEADER,USD,10,379.31,");
    assert_ne!(changed, text);
    let path = dir.path().join("dlocal_corto.csv");
    std::fs::write(&path, changed).expect("write");
    import(&db, &["shopify_orders_co.csv"]);
    let out = run(&db, &["import", path.to_str().expect("utf8")]);
    assert!(out.status.success(), "{}", stdout(&out));
    let cases = reconcile(&db, "2026-05-31T23:59:59-05:00");
    let b = &cases["batch:dlocal:771204:rounding"];
    assert_eq!(b["status"], "batch_mismatch", "{b:#}");
    assert_eq!(
        b["explanation"],
        "Batch 771204 (dlocal_corto.csv) does not add up to its own summary: it states 10 items \
         but holds 9 lines; its gross is stated as USD 379.31 but its lines add up to USD \
         369.313084 (USD 9.996916 apart). Check whether the file was cut short or lines are \
         missing, and ask the PSP before booking it."
    );
    let exceptions = export(&db, dir.path(), "exceptions", &[]);
    assert!(
        exceptions.contains("batch:dlocal:771204:rounding,batch_mismatch"),
        "{exceptions}"
    );
    let charges = export(&db, dir.path(), "charges", &[]);
    assert!(
        !charges.contains("batch:dlocal"),
        "not booked away as a charge: {charges}"
    );
}

#[test]
fn payu_sales_reports_are_not_settlements_and_its_statement_is() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let text = import(&db, &["payu_ventas_co.csv", "payu_statement_co.csv"]);
    assert!(
        text.contains(
            "payu_ventas_co.csv: warning: This report (payu-ventas) lists what buyers paid, \
             with no fee and no net: it proves a buyer paid, not what the PSP settled to you"
        ),
        "{text}"
    );
    assert!(
        text.contains("payu_statement_co.csv: payu-statement: 7 rows: 7 new"),
        "one line per movement block: {text}"
    );
    let cases = reconcile(&db, "2026-05-31T23:59:59-05:00");
    let by_ref = |r: &str| {
        cases
            .values()
            .find(|c| c["settlement_refs"].as_str() == Some(r))
            .unwrap_or_else(|| panic!("no case with {r}"))
    };
    // Sale PED-3001: 150,000 credited, PayU fee 2,900 + VAT 551 debited: net 146,549.
    let sale = by_ref("308a2c4d-a97d-421a-b5f0-33d973917c99");
    assert_eq!(sale["fee_total"], "-3451");
    assert_eq!(sale["net_settled"], "146549");
    // The bank transfer: 1,050,000 out, a payout.
    let transfer = by_ref("89ea7c54-1f89-4c4b-b32d-dab08284ec55");
    assert_eq!(transfer["status"], "settlement_charge");
    assert_eq!(transfer["net_settled"], "-1050000");
    // The card sale's withholdings, each apart: ICA 69.58, IVA 478.95, renta (fuente) 252.11.
    let summary = export(&db, dir.path(), "summary", &[]);
    assert_eq!(
        section(&summary, "Withholdings by period and PSP"),
        vec!["2026-05,payu,COP,-252.11,-478.95,-69.58,0,0,-800.64"],
        "{summary}"
    );
}

/// Reports opened and saved again by a spreadsheet (LibreOffice Calc, see SOURCES.md): date
/// cells, number cells, the same cases as the CSV the PSP wrote.
#[test]
fn reports_re_saved_as_xlsx_by_a_spreadsheet_reconcile_like_their_csv() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (csv, xlsx) = (dir.path().join("csv.db"), dir.path().join("xlsx.db"));
    import(
        &csv,
        &[
            "shopify_orders_mp.csv",
            "mercadopago_settlement_same_money.csv",
            "mercadopago_release_same_money.csv",
        ],
    );
    let text = import(
        &xlsx,
        &[
            "shopify_orders_mp.csv",
            "mercadopago_settlement_same_money.csv",
            "mercadopago_release_same_money.xlsx",
        ],
    );
    assert!(
        text.contains("mercadopago_release_same_money.xlsx: mercadopago-release: 16 rows: 9 new"),
        "{text}"
    );
    let statuses = |db: &Path| -> Vec<(String, String, String)> {
        reconcile(db, MP_AS_OF)
            .into_values()
            .map(|c| {
                (
                    c["case_key"].as_str().unwrap_or_default().to_string(),
                    c["status"].as_str().unwrap_or_default().to_string(),
                    c["net_settled"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect()
    };
    assert_eq!(
        statuses(&xlsx),
        statuses(&csv),
        "the re-saved release report pairs with the settlement report as its CSV does"
    );
    let a = section(&export(&csv, dir.path(), "summary", &[]), "Settled by PSP").join("\n");
    let b = section(&export(&xlsx, dir.path(), "summary", &[]), "Settled by PSP").join("\n");
    assert_eq!(a, b);

    let legacy = dir.path().join("legacy.db");
    let text = import(
        &legacy,
        &["shopify_orders_legacy.csv", "dlocal_legacy_co.xlsx"],
    );
    assert!(text.contains("dlocal-legacy: 11 rows: 11 new"), "{text}");
    let cases = reconcile(&legacy, "2026-04-30T23:59:59-05:00");
    for (key, expected) in [
        ("order:shopify:901", "matched"),
        // Calc wrote `000902` as the number 902: the order's name #902 still names it.
        ("order:shopify:902", "matched"),
        ("order:shopify:880", "refunded"),
        ("order:shopify:870", "charged_back"),
        ("order:shopify:871", "missing_settlement"),
        ("order:shopify:872", "missing_settlement"),
        ("order:shopify:266221341", "matched"),
    ] {
        assert_eq!(status(&cases, key), expected, "{key}");
    }
}

#[test]
fn a_row_listed_again_in_the_next_batch_is_one_payment_and_a_batch_to_check() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    import(&db, &["shopify_orders_co.csv", "dlocal_crossborder_co.csv"]);
    // The next transfer lists order #1002's payment again (same DLOCAL_TRANSACTION_ID) and
    // counts it in its summary: 1 item, gross 22.40, fee -0.67, net 21.73.
    let text = std::fs::read_to_string(fixture("dlocal_crossborder_co.csv")).expect("fixture");
    let lines: Vec<&str> = text.lines().collect();
    let again = lines
        .iter()
        .find(|l| l.contains("T-912-ey10002"))
        .expect("the payment row");
    let next = format!(
        "{}\nHEADER,USD,1,22.4,-0.67,21.73,2026-05-15,771205,,,,,,,,,,,,,,,,,\n{}\n{again}\n",
        lines[0], lines[2]
    );
    let path = dir.path().join("dlocal_771205.csv");
    std::fs::write(&path, next).expect("write");
    let out = run(&db, &["import", path.to_str().expect("utf8")]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("1 conflicting"),
        "kept as another version: {text}"
    );
    let cases = reconcile(&db, "2026-05-31T23:59:59-05:00");
    assert_eq!(
        cases["order:shopify:1002"]["line_ids"]
            .as_array()
            .map(Vec::len),
        Some(1),
        "one payment, not two"
    );
    let b = &cases["batch:dlocal:771205:rounding"];
    assert_eq!(b["status"], "batch_mismatch", "{b:#}");
    assert_eq!(
        b["explanation"],
        "Batch 771205 (dlocal_771205.csv) does not add up to its own summary: it lists again 1 \
         row(s) already settled in another batch (T-912-ey10002), so the PSP may have paid them \
         twice. Check whether the file was cut short or lines are missing, and ask the PSP \
         before booking it."
    );
    // Batch 771204 is untouched: only its rounding is booked.
    assert_eq!(
        status(&cases, "batch:dlocal:771204:rounding"),
        "settlement_charge"
    );
}

/// PayU's sales report names a payment by the order the buyer paid (`Orden`); its statement
/// names the movement and gives that order beside it (`OrderId`). Both reports of one sale
/// are one payment, not a duplicate.
#[test]
fn payu_sales_report_and_statement_of_one_sale_are_one_payment() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let header = std::fs::read_to_string(fixture("shopify_orders_co.csv"))
        .expect("fixture")
        .lines()
        .next()
        .expect("header")
        .to_string();
    // Shopify order #3001, paid, COP 150,000, its payment reference PED-3001 (PayU's
    // Referencia in the sales report, Reference in the statement).
    let orders = dir.path().join("orders_payu.csv");
    std::fs::write(
        &orders,
        format!(
            "{header}\n#3001,camila.rojas@example.co,paid,2026-05-04 19:45:00 -0500,unfulfilled,,\
             no,COP,150000.00,0.00,0.00,150000.00,,0.00,Envío,2026-05-04 19:30:00 -0500,1,Café,\
             150000.00,,CAFE,true,true,pending,Camila Rojas,Bogotá,DC,Bogotá,,,,PayU - Efecty,\
             PED-3001,0.00,Tostadores,0.00,5510003001,,web,\n"
        ),
    )
    .expect("write");
    let out = run(&db, &["import", orders.to_str().expect("utf8")]);
    assert!(out.status.success(), "{}", stdout(&out));
    import(&db, &["payu_ventas_co.csv", "payu_statement_co.csv"]);
    let cases = reconcile(&db, "2026-05-31T23:59:59-05:00");
    let c = &cases["order:shopify:3001"];
    assert_eq!(c["status"], "matched", "{c:#}");
    // Sales report order 2150873461 and the statement's movement 308a2c4d-... (OrderId
    // 2150873461): one payment of 150,000, settled net 150,000 - 2,900 - 551 = 146,549.
    assert_eq!(c["line_ids"].as_array().map(Vec::len), Some(2), "{c:#}");
    assert_eq!(c["paid_amount"], "150000");
    assert_eq!(c["net_settled"], "146549");
    assert_eq!(
        c["settlement_refs"],
        "2150873461|308a2c4d-a97d-421a-b5f0-33d973917c99"
    );
}

/// A release report downloaded again over the same days (here re-saved with Windows line
/// ends, so its bytes differ): every row is known, nothing is counted twice, and its own total
/// still ties out against the rows it lists.
#[test]
fn a_release_report_downloaded_again_adds_nothing_and_still_ties_out() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    import(
        &db,
        &[
            "shopify_orders_mp.csv",
            "mercadopago_release_same_money.csv",
        ],
    );
    let text =
        std::fs::read_to_string(fixture("mercadopago_release_same_money.csv")).expect("fixture");
    let again = dir.path().join("release_again.csv");
    std::fs::write(&again, text.replace('\n', "\r\n")).expect("write");
    let out = run(&db, &["import", again.to_str().expect("utf8")]);
    let printed = stdout(&out);
    assert!(out.status.success(), "{printed}");
    assert!(
        printed.contains("release_again.csv: mercadopago-release: 16 rows: 0 new, 9 known"),
        "{printed}"
    );
    let cases = reconcile(&db, MP_AS_OF);
    assert!(
        !cases.keys().any(|k| k.starts_with("batch:")),
        "both files tie out (9 rows, 28,833.50 each): {:?}",
        cases.keys().collect::<Vec<_>>()
    );
    assert_eq!(cases["order:shopify:2001"]["net_settled"], "141015");
    let summary = export(&db, dir.path(), "summary", &[]);
    // Released 150,000 + 89,900 + 62,000 + 45,000 + 30,000 - 300,000 = 76,900 gross, once.
    let by_psp = section(&summary, "Settled by PSP");
    assert_eq!(by_psp.len(), 1, "{summary}");
    assert!(
        by_psp[0].starts_with("mercadopago,COP,6,76900,"),
        "{summary}"
    );
}

/// Mercado Pago's release report writes one `tax_withdholding` row per tax withheld from a
/// payment, all with the payment's SOURCE_ID: each is a line of its own, not a changed copy.
#[test]
fn two_taxes_withheld_from_one_payment_are_two_lines() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let text =
        std::fs::read_to_string(fixture("mercadopago_release_same_money.csv")).expect("fixture");
    let header = text.lines().next().expect("header");
    let file = dir.path().join("release_taxes.csv");
    std::fs::write(
        &file,
        format!(
            "{header}\n\
             2026-05-06T10:00:00.000-04:00,88001000001,PED-2001,release,payment,150000.00,0.00,\
             150000.00,0.00,0.00,0.00,0.00,0.00,1,efecty,,2026-05-04T19:42:10.000-04:00,\n\
             2026-05-06T10:00:00.000-04:00,88001000001,PED-2001,release,tax_withdholding,0.00,\
             3750.00,-3750.00,0.00,0.00,0.00,0.00,0.00,1,efecty,fuente,,\n\
             2026-05-06T10:00:00.000-04:00,88001000001,PED-2001,release,tax_withdholding,0.00,\
             1500.00,-1500.00,0.00,0.00,0.00,0.00,0.00,1,efecty,ica,,\n"
        ),
    )
    .expect("write");
    let out = run(&db, &["import", file.to_str().expect("utf8")]);
    let printed = stdout(&out);
    assert!(out.status.success(), "{printed}");
    assert!(
        printed.contains("mercadopago-release: 3 rows: 3 new, 0 known, 0 updated, 0 conflicting"),
        "{printed}"
    );
    // Importing it again adds nothing: each keeps its identity.
    let again = dir.path().join("release_taxes_again.csv");
    std::fs::write(
        &again,
        std::fs::read_to_string(&file)
            .expect("read")
            .replace('\n', "\r\n"),
    )
    .expect("write");
    let out = run(&db, &["import", again.to_str().expect("utf8")]);
    let printed = stdout(&out);
    assert!(
        printed.contains("3 rows: 0 new, 3 known, 0 updated, 0 conflicting"),
        "{printed}"
    );
}
