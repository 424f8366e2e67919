//! Golden tests: every format Cuadra reads, from a small hand-written Colombian / Efecty fixture,
//! through `import_bytes` into a real workspace, then read back from SQLite. Each test pins the
//! report and the normalized rows in an `insta` snapshot (reviewed against shared/domain.md) and
//! asserts the traps of that format explicitly.

use super::{col, content_only, find, fixture, summary, xlsx, ReportSummary, Row, TestWs};
use cuadra_core::ingest::Outcome;
use serde::Serialize;

#[derive(Serialize)]
struct Golden {
    report: ReportSummary,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    batches: Vec<Row>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    lines: Vec<Row>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    orders: Vec<Row>,
}

/// Imports one fixture into a fresh workspace and returns it with the golden view.
fn import_golden(name: &str, bytes: &[u8]) -> (TestWs, Golden) {
    let mut t = TestWs::new();
    let report = t.import(name, bytes);
    assert_eq!(
        report.outcome,
        Outcome::Imported,
        "{name} is a valid file of a known format and must import: {:#?}",
        report.problems
    );
    let golden = Golden {
        report: summary(&report),
        batches: super::query_rows(
            &t.ws,
            "SELECT * FROM settlement_batches ORDER BY file_id, row_no",
            &["id", "file_id"],
        ),
        lines: t.settlement_lines(),
        orders: t.order_snapshots(),
    };
    (t, golden)
}

fn golden_fixture(name: &str) -> (TestWs, Golden) {
    import_golden(name, &fixture(name))
}

#[test]
fn dlocal_crossborder_csv() {
    let (_t, g) = golden_fixture("dlocal_crossborder_co.csv");
    assert_eq!(g.report.format.as_deref(), Some("dlocal-crossborder"));
    assert_eq!(
        (g.report.rows, g.report.new),
        (9, 9),
        "every transaction row is a line; the summary block is not"
    );
    assert_eq!(
        g.batches.len(),
        1,
        "the summary block is one settlement batch"
    );
    assert_eq!(col(&g.batches[0], "batch_ref"), Some("771204"));
    assert_eq!(col(&g.batches[0], "net_total"), Some("329.71"));

    let paid = find(&g.lines, "psp_txn_id", "T-912-ey10001");
    assert_eq!(
        col(paid, "local_amount"),
        Some("150000"),
        "COP amounts are exact whole pesos"
    );
    assert_eq!(col(paid, "local_currency"), Some("COP"));
    assert_eq!(
        col(paid, "gross_amount"),
        Some("37.383178"),
        "USD keeps its 6 decimals"
    );
    assert_eq!(
        col(paid, "fee_amount"),
        Some("-1.121495"),
        "fees are negative, 6 decimals"
    );
    assert_eq!(col(paid, "settlement_currency"), Some("USD"));
    assert_eq!(
        col(paid, "payment_method"),
        Some("EY"),
        "EY is Efecty at dLocal"
    );
    assert_eq!(
        col(paid, "batch_ref"),
        Some("771204"),
        "lines point at their transfer"
    );
    assert_eq!(
        col(paid, "created_at"),
        Some("2026-05-04T19:42:10+00:00"),
        "dLocal times have no offset: they are read as UTC, as SmashPig's production parser \
         reads them (Core/UtcDate.php), and keep it"
    );
    let second = find(&g.lines, "psp_txn_id", "T-912-ey10002");
    assert_eq!(
        col(second, "merchant_ref"),
        Some("000123"),
        "leading zeros of an order id are kept"
    );
    assert_eq!(
        col(second, "fee_amount"),
        Some("-0.672150"),
        "a trailing zero of a 6-decimal fee is kept"
    );
    assert_eq!(
        col(second, "payer_document"),
        Some("0079512345"),
        "document numbers are text"
    );

    let types: Vec<&str> = g
        .lines
        .iter()
        .map(|l| col(l, "row_type").unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "payment",
            "payment",
            "payment",
            "payment",
            "refund",
            "chargeback",
            "chargeback_reversal",
            "adjustment",
            "fee"
        ],
        "CAPTURE is a payment; each dLocal row type maps to its own kind"
    );
    let fee = find(&g.lines, "row_type", "fee");
    assert_eq!(col(fee, "net_amount"), Some("-25"));
    assert_eq!(
        col(fee, "merchant_ref"),
        None,
        "a settlement fee belongs to no order"
    );
    insta::assert_yaml_snapshot!("dlocal_crossborder_co", g);
}

#[test]
fn dlocal_crossborder_semicolon_reads_like_the_comma_file() {
    let (_t, g) = golden_fixture("dlocal_crossborder_co_semicolon.csv");
    let (_c, comma) = golden_fixture("dlocal_crossborder_co.csv");
    assert_eq!(g.report.delimiter.as_deref(), Some(";"));
    assert_eq!(
        g.lines, comma.lines,
        "the same report separated by ';' must give exactly the same lines (dLocal amounts keep their decimal point)"
    );
    insta::assert_yaml_snapshot!("dlocal_crossborder_co_semicolon_report", g.report);
}

/// dLocal's older `;` report, read as SmashPig's production parser reads it
/// (`PaymentProviders/dlocal/Audit/ReportFileParser.php` and its tests): the fixture's last row
/// is SmashPig's own `Tests/Data/donation.csv` row; the others are Colombian rows written by
/// hand with the same columns, types and statuses that parser handles.
#[test]
fn dlocal_legacy_semicolon_report() {
    let (_t, g) = golden_fixture("dlocal_legacy_co.csv");
    assert_eq!(g.report.format.as_deref(), Some("dlocal-legacy"));
    assert_eq!(
        (g.report.rows, g.report.new, g.report.rejected),
        (11, 11, 0),
        "note and processing-fee rows are batch charges, not reasons to refuse the file"
    );
    assert_eq!(
        g.report.zone.as_deref(),
        Some("UTC"),
        "SmashPig reads these dates as UTC"
    );
    let first = find(&g.lines, "psp_txn_id", "7788001");
    assert_eq!(col(first, "local_amount"), Some("150000.00"));
    assert_eq!(
        col(first, "gross_amount"),
        Some("37.38"),
        "Amount (USD) is the gross, \"including fee\""
    );
    assert_eq!(
        col(first, "fee_amount"),
        Some("-1.12"),
        "the positive Fee is a charge"
    );
    assert_eq!(
        col(first, "net_amount"),
        Some("36.26"),
        "net = 37.38 - 1.12"
    );
    assert_eq!(col(first, "status"), Some("paid"), "Cleared means paid");
    assert_eq!(col(first, "created_at"), Some("2026-04-20T23:05:11+00:00"));
    // SmashPig's own sample: 1.50 USD, Fee 0.03 of which IOF 0.02: net 1.47 (AuditTest.php).
    let sample = find(&g.lines, "psp_txn_id", "5432123");
    assert_eq!(col(sample, "gross_amount"), Some("1.50"));
    assert_eq!(
        col(sample, "fee_amount"),
        Some("-0.01"),
        "the fee without its IOF"
    );
    assert_eq!(
        col(sample, "tax_amount"),
        Some("-0.02"),
        "the IOF, broken out"
    );
    assert_eq!(col(sample, "net_amount"), Some("1.47"));
    assert_eq!(
        col(sample, "merchant_ref"),
        Some("266221341.0"),
        "the reference is kept as written; matching reads it as 266221341"
    );
    let refund = find(&g.lines, "psp_txn_id", "7788003");
    assert_eq!(col(refund, "row_type"), Some("refund"));
    assert_eq!(col(refund, "local_amount"), Some("89900.00"));
    assert_eq!(
        col(refund, "merchant_ref"),
        Some("PED-000880"),
        "a refund names the order it reverses in Transaction Invoice"
    );
    assert_eq!(col(refund, "psp_order_id"), Some("7787650"));
    assert_eq!(col(refund, "status"), Some("paid"), "Completed means done");
    let chargeback = find(&g.lines, "psp_txn_id", "7788004");
    assert_eq!(col(chargeback, "row_type"), Some("chargeback"));
    assert_eq!(col(chargeback, "merchant_ref"), Some("PED-000870"));
    assert_eq!(
        col(chargeback, "status"),
        Some("paid"),
        "Settled means done"
    );
    assert_eq!(
        col(find(&g.lines, "psp_txn_id", "7788005"), "status"),
        Some("cancelled"),
        "Reimbursed: a chargeback settled in the merchant's favour moved no money"
    );
    assert_eq!(
        col(find(&g.lines, "psp_txn_id", "7788006"), "status"),
        Some("pending"),
        "Waiting Details: a refund in limbo moved no money yet"
    );
    let debit = find(&g.lines, "psp_txn_id", "7788008");
    assert_eq!(col(debit, "row_type"), Some("adjustment"));
    assert_eq!(
        col(debit, "net_amount"),
        Some("-2.38"),
        "a debit note is taken"
    );
    let credit = find(&g.lines, "psp_txn_id", "7788009");
    assert_eq!(
        col(credit, "net_amount"),
        Some("1.00"),
        "a credit note is given"
    );
    let fee = find(&g.lines, "psp_txn_id", "7788010");
    assert_eq!(col(fee, "row_type"), Some("fee"));
    assert_eq!(col(fee, "net_amount"), Some("-15.00"));
    let spoiled: Vec<_> = g
        .report
        .problems
        .iter()
        .filter(|p| p.contains("scientific notation"))
        .collect();
    assert_eq!(
        spoiled.len(),
        1,
        "the 2.66E+08 invoice is flagged at import: {:#?}",
        g.report.problems
    );
    assert!(
        spoiled[0].contains("row 8") && spoiled[0].contains("Invoice (E)"),
        "{}",
        spoiled[0]
    );
    insta::assert_yaml_snapshot!("dlocal_legacy_co", g);
}

#[test]
fn mercadopago_settlement_english_csv() {
    let (_t, g) = golden_fixture("mercadopago_settlement_co.csv");
    assert_eq!(g.report.format.as_deref(), Some("mercadopago-settlement"));
    assert_eq!(g.report.rows, 6);
    let first = find(&g.lines, "psp_txn_id", "88001234561");
    assert_eq!(
        col(first, "created_at"),
        Some("2026-05-04T19:42:10-04:00"),
        "Mercado Pago writes GMT-04 times: the offset must be kept, not replaced by Bogotá's"
    );
    assert_eq!(col(first, "local_amount"), Some("150000.00"));
    assert_eq!(col(first, "fee_amount"), Some("-5235.00"));
    assert_eq!(col(first, "tax_amount"), Some("-3750.00"));
    assert_eq!(col(first, "net_amount"), Some("141015.00"));
    assert_eq!(col(first, "payment_method"), Some("efecty"));
    assert_eq!(col(first, "payment_type"), Some("ticket"));
    assert_eq!(col(first, "psp_order_id"), Some("19001234001"));
    let second = g
        .lines
        .iter()
        .find(|l| {
            col(l, "psp_txn_id") == Some("88001234562") && col(l, "row_type") == Some("payment")
        })
        .unwrap();
    assert_eq!(
        col(second, "tax_detail"),
        Some("fuente=-2247.50,iva=-596.14,ica=-29.35"),
        "the withholdings breakdown is kept as written"
    );
    let tax = g
        .lines
        .iter()
        .find(|l| col(l, "row_type") == Some("tax"))
        .unwrap();
    assert_eq!(
        col(tax, "net_amount"),
        Some("-596.14"),
        "a tax row is its own line"
    );
    assert_eq!(
        col(find(&g.lines, "psp_txn_id", "88001234563"), "merchant_ref"),
        Some("0002003")
    );
    assert_eq!(
        col(find(&g.lines, "psp_txn_id", "9876500011"), "row_type"),
        Some("payout")
    );
    insta::assert_yaml_snapshot!("mercadopago_settlement_co", g);
}

#[test]
fn mercadopago_settlement_spanish_excel_resave() {
    let (_t, g) = golden_fixture("mercadopago_settlement_co_excel_es.csv");
    assert_eq!(g.report.format.as_deref(), Some("mercadopago-settlement"));
    assert_eq!(g.report.encoding.as_deref(), Some("windows1252"));
    assert_eq!(g.report.delimiter.as_deref(), Some(";"));
    let second = g
        .lines
        .iter()
        .find(|l| {
            col(l, "psp_txn_id") == Some("88001234562") && col(l, "row_type") == Some("payment")
        })
        .unwrap();
    assert_eq!(
        col(second, "tax_detail"),
        Some("fuente=-2247,5|iva=-596,14|ica Bogotá=-29,35"),
        "Windows-1252 'Bogotá' must decode to á"
    );
    assert_eq!(col(second, "fee_amount"), Some("-3137.51"), "decimal comma");
    assert_eq!(col(second, "net_amount"), Some("83889.5"));
    assert_eq!(
        col(second, "local_currency"),
        Some("COP"),
        "a subset without currency columns is COP"
    );
    let big = find(&g.lines, "psp_txn_id", "88001234564");
    assert_eq!(
        col(big, "local_amount"),
        Some("1250000"),
        "1.250.000 with a decimal comma is 1,250,000 pesos"
    );
    assert_eq!(
        col(big, "fee_amount"),
        Some("-43625"),
        "-43.625 is grouping, not 43.625 pesos"
    );
    assert_eq!(col(big, "merchant_ref"), Some("0002004"));
    assert_eq!(col(big, "created_at"), Some("2026-05-05T21:15:00-04:00"));
    insta::assert_yaml_snapshot!("mercadopago_settlement_co_excel_es", g);
}

#[test]
fn mercadopago_release_report_with_bom() {
    let (_t, g) = golden_fixture("mercadopago_release_co_bom.csv");
    assert_eq!(g.report.format.as_deref(), Some("mercadopago-release"));
    assert_eq!(g.report.encoding.as_deref(), Some("utf8-bom"));
    assert_eq!(g.report.rows, 6);
    assert_eq!(
        g.report.new, 6,
        "every release row is its own line: {:#?}",
        g.report.problems
    );
    let payment = find(&g.lines, "psp_txn_id", "88001234561");
    assert_eq!(
        col(payment, "net_amount"),
        Some("141015.00"),
        "net = credit - debit"
    );
    assert_eq!(
        col(payment, "payment_method"),
        Some("efecty"),
        "`PAYMENT METHOD` (with a space) is mapped"
    );
    let taxes: Vec<&Row> = g
        .lines
        .iter()
        .filter(|l| col(l, "row_type") == Some("tax"))
        .collect();
    assert_eq!(
        taxes.len(),
        2,
        "tax_withdholding and its cancel are both tax lines"
    );
    assert_eq!(col(taxes[0], "net_amount"), Some("-596.14"));
    assert_eq!(col(taxes[1], "net_amount"), Some("596.14"));
    assert_eq!(
        col(find(&g.lines, "psp_txn_id", "9876500011"), "net_amount"),
        Some("-100000.00")
    );
    insta::assert_yaml_snapshot!("mercadopago_release_co_bom", g);
}

#[test]
fn payu_reporte_de_ventas_with_human_numbers() {
    let (_t, g) = golden_fixture("payu_ventas_co.csv");
    assert_eq!(g.report.format.as_deref(), Some("payu-ventas"));
    let first = find(&g.lines, "psp_txn_id", "2150873461");
    assert_eq!(
        col(first, "local_amount"),
        Some("150000"),
        "`$ 150.000` in a Spanish PayU report is one hundred fifty thousand pesos, not 150"
    );
    assert_eq!(col(first, "merchant_ref"), Some("PED-3001"));
    assert_eq!(col(first, "status"), Some("paid"));
    assert_eq!(col(first, "payment_method"), Some("EFECTY"));
    assert_eq!(
        col(first, "created_at"),
        Some("2026-05-04T19:42:00-05:00"),
        "d/M/yyyy, Bogotá time"
    );
    assert_eq!(
        col(find(&g.lines, "psp_txn_id", "2150873463"), "local_amount"),
        Some("1250000")
    );
    assert_eq!(
        col(find(&g.lines, "psp_txn_id", "2150873463"), "merchant_ref"),
        Some("0003003")
    );
    assert_eq!(
        col(find(&g.lines, "psp_txn_id", "2150873464"), "status"),
        Some("expired")
    );
    assert_eq!(
        col(find(&g.lines, "psp_txn_id", "2150873465"), "status"),
        Some("rejected")
    );
    insta::assert_yaml_snapshot!("payu_ventas_co", g);
}

#[test]
fn payu_excel_unicode_text_utf16_tabs() {
    let (_t, g) = golden_fixture("payu_ventas_co_unicode.txt");
    assert_eq!(g.report.format.as_deref(), Some("payu-ventas"));
    assert_eq!(g.report.encoding.as_deref(), Some("utf16-le"));
    assert_eq!(g.report.delimiter.as_deref(), Some("tab"));
    assert_eq!(
        col(find(&g.lines, "psp_txn_id", "2150873471"), "local_amount"),
        Some("150000")
    );
    let second = find(&g.lines, "psp_txn_id", "2150873472");
    assert_eq!(col(second, "local_amount"), Some("1250000"));
    assert_eq!(col(second, "merchant_ref"), Some("0003102"));
    assert_eq!(col(second, "status"), Some("pending"));
    insta::assert_yaml_snapshot!("payu_ventas_co_unicode", g);
}

#[test]
fn shopify_orders_one_row_per_line_item() {
    let (_t, g) = golden_fixture("shopify_orders_co.csv");
    assert_eq!(g.report.format.as_deref(), Some("shopify"));
    assert_eq!(g.report.rows, 7, "seven line-item rows");
    assert_eq!(g.report.new, 4, "four orders");
    let o1001 = find(&g.orders, "order_key", "#1001");
    assert_eq!(
        col(o1001, "total"),
        Some("150000.00"),
        "the total is on the first row only: neither summed over items nor blanked by continuation rows"
    );
    assert_eq!(o1001["items"].as_array().unwrap().len(), 2);
    assert_eq!(col(o1001, "financial_status"), Some("pending"));
    assert_eq!(col(o1001, "customer_name"), Some("María López"));
    assert_eq!(
        col(o1001, "created_at"),
        Some("2026-05-04T19:30:00-05:00"),
        "Shopify `-0500` kept"
    );
    assert_eq!(col(o1001, "payment_reference"), Some("PED-001001"));
    let o1003 = find(&g.orders, "order_key", "#1003");
    assert_eq!(
        col(o1003, "total"),
        Some("1250000.00"),
        "three item rows, one total"
    );
    assert_eq!(o1003["items"].as_array().unwrap().len(), 3);
    assert_eq!(col(o1003, "discount"), Some("50000.00"));
    assert_eq!(
        col(find(&g.orders, "order_key", "#1002"), "payment_reference"),
        Some("000123")
    );
    assert_eq!(
        col(find(&g.orders, "order_key", "#1004"), "financial_status"),
        Some("voided")
    );
    insta::assert_yaml_snapshot!("shopify_orders_co", g);
}

#[test]
fn shopify_later_export_adds_snapshots() {
    let mut t = TestWs::new();
    t.import_fixture("shopify_orders_co.csv");
    let report = t.import_fixture("shopify_orders_co_later.csv");
    assert_eq!(report.outcome, Outcome::Imported);
    assert_eq!(
        (report.new, report.known, report.updated),
        (1, 2, 1),
        "#1005 is new, #1002 and #1003 did not change, #1001 moved from pending to paid"
    );
    let orders = t.order_snapshots();
    let o1001: Vec<&Row> = orders
        .iter()
        .filter(|o| col(o, "order_key") == Some("#1001"))
        .collect();
    assert_eq!(
        o1001.len(),
        2,
        "the pending state is kept as evidence beside the paid one"
    );
    let current: Vec<&str> = o1001
        .iter()
        .filter(|o| o["is_current"] == 1)
        .map(|o| col(o, "financial_status").unwrap())
        .collect();
    assert_eq!(
        current,
        ["paid"],
        "the later, paid snapshot is the order's current state"
    );
    assert_eq!(col(o1001[1], "paid_at"), Some("2026-05-05T08:20:00-05:00"));
    insta::assert_yaml_snapshot!(
        "shopify_orders_co_later",
        Golden {
            report: summary(&report),
            batches: vec![],
            lines: vec![],
            orders
        }
    );
}

#[test]
fn woocommerce_plugin_export_repeating_order_fields() {
    let (_t, g) = golden_fixture("woocommerce_order_export_co.csv");
    assert_eq!(g.report.format.as_deref(), Some("woocommerce"));
    assert_eq!((g.report.rows, g.report.new), (5, 4));
    let o4501 = find(&g.orders, "order_key", "4501");
    assert_eq!(
        col(o4501, "total"),
        Some("150000"),
        "the plugin repeats the order total on every item row: it must not be added up"
    );
    assert_eq!(o4501["items"].as_array().unwrap().len(), 2);
    assert_eq!(
        col(o4501, "financial_status"),
        Some("pending"),
        "On hold is an unpaid Efecty order"
    );
    assert_eq!(col(o4501, "created_at"), Some("2026-05-04T19:42:10-05:00"));
    let o4502 = find(&g.orders, "order_key", "4502");
    assert_eq!(
        col(o4502, "financial_status"),
        Some("paid"),
        "Processing means paid"
    );
    assert_eq!(
        col(o4502, "payment_id"),
        Some("88001234562"),
        "the PSP id from Transaction ID"
    );
    assert_eq!(
        col(find(&g.orders, "order_key", "4503"), "financial_status"),
        Some("cancelled")
    );
    insta::assert_yaml_snapshot!("woocommerce_order_export_co", g);
}

#[test]
fn vtex_total_value_in_cents() {
    let (_t, g) = golden_fixture("vtex_orders_co.csv");
    assert_eq!(g.report.format.as_deref(), Some("vtex"));
    assert_eq!(g.report.new, 4);
    let small = find(&g.orders, "shop_order_id", "v502561llux-01");
    assert_eq!(
        col(small, "total"),
        Some("123.45"),
        "VTEX totalValue 12345 is 123.45: it counts cents"
    );
    let first = find(&g.orders, "shop_order_id", "v502559llux-01");
    assert_eq!(col(first, "total"), Some("150000.00"));
    assert_eq!(col(first, "financial_status"), Some("pending"));
    assert_eq!(
        col(first, "created_at"),
        Some("2026-05-05T00:42:10+00:00"),
        "VTEX dates are UTC"
    );
    assert_eq!(
        col(
            find(&g.orders, "shop_order_id", "v502562llux-01"),
            "financial_status"
        ),
        Some("cancelled")
    );
    insta::assert_yaml_snapshot!("vtex_orders_co", g);
}

#[test]
fn xlsx_dlocal_reads_like_its_csv() {
    let csv = fixture("dlocal_crossborder_co.csv");
    let book = xlsx::from_csv(&csv, b',', "Settlement");
    let (_t, g) = import_golden("dlocal_crossborder_co.xlsx", &book);
    let (_c, from_csv) = golden_fixture("dlocal_crossborder_co.csv");
    assert_eq!(g.report.sheet.as_deref(), Some("Settlement"));
    assert_eq!(
        content_only(&g.lines),
        content_only(&from_csv.lines),
        "numeric, date and text cells must give the lines the CSV gives"
    );
    let second = find(&g.lines, "psp_txn_id", "T-912-ey10002");
    assert_eq!(
        col(second, "merchant_ref"),
        Some("000123"),
        "a text cell keeps its leading zeros"
    );
    assert_eq!(col(second, "payer_document"), Some("0079512345"));
    assert_eq!(
        col(second, "gross_amount"),
        Some("22.404984"),
        "a float cell gives its shortest exact text"
    );
    assert_eq!(
        col(second, "created_at"),
        Some("2026-05-05T20:05:00+00:00"),
        "a date cell is a wall-clock time, read in the format's zone (dLocal: UTC)"
    );
    insta::assert_yaml_snapshot!("dlocal_crossborder_co_xlsx_report", g.report);
}

#[test]
fn xlsx_shopify_reads_like_its_csv() {
    let csv = fixture("shopify_orders_co.csv");
    let book = xlsx::from_csv(&csv, b',', "Orders");
    let (_t, g) = import_golden("orders_export.xlsx", &book);
    let (_c, from_csv) = golden_fixture("shopify_orders_co.csv");
    assert_eq!(
        content_only(&g.orders),
        content_only(&from_csv.orders),
        "the workbook holds the same orders as the CSV"
    );
    assert_eq!(
        col(find(&g.orders, "order_key", "#1001"), "total"),
        Some("150000")
    );
    insta::assert_yaml_snapshot!("shopify_orders_co_xlsx_report", g.report);
}

#[test]
fn xlsx_payu_with_number_and_date_cells() {
    let csv = "Orden,Referencia,Comprador,Monto,Método de pago,Estado,Fecha de creación\n\
               2150873461,PED-3001,camila.rojas@example.co,150000,EFECTY,Aprobada,2026-05-04 19:42:00\n\
               2150873463,0003003,valentina.ortiz@example.co,1250000,EFECTY,Pendiente,2026-05-05 21:15:00\n";
    let book = xlsx::from_csv(csv.as_bytes(), b',', "Reporte de ventas");
    let (_t, g) = import_golden("reporte_ventas.xlsx", &book);
    assert_eq!(g.report.format.as_deref(), Some("payu-ventas"));
    let first = find(&g.lines, "psp_txn_id", "2150873461");
    assert_eq!(
        col(first, "local_amount"),
        Some("150000"),
        "a numeric cell is exact pesos"
    );
    assert_eq!(col(first, "created_at"), Some("2026-05-04T19:42:00-05:00"));
    assert_eq!(
        col(find(&g.lines, "psp_txn_id", "2150873463"), "merchant_ref"),
        Some("0003003")
    );
    insta::assert_yaml_snapshot!("payu_ventas_co_xlsx", g);
}

#[test]
fn xlsx_float_artifacts_are_rounded_with_a_warning_and_offset_sheets_keep_their_columns() {
    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Ventas").expect("name");
    // The table starts at C3, as when someone pastes a report under a title.
    let header = [
        "Orden",
        "Referencia",
        "Comprador",
        "Monto",
        "Método de pago",
        "Estado",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(2, 2 + c as u16, *h).expect("header");
    }
    ws.write_string(3, 2, "2150873461").expect("cell");
    ws.write_string(3, 3, "PED-3001").expect("cell");
    ws.write_string(3, 4, "a@example.co").expect("cell");
    // What a formula like =0.1+0.2 leaves in the file: 0.30000000000000004.
    ws.write_number(3, 5, 0.1 + 0.2).expect("cell");
    ws.write_string(3, 6, "EFECTY").expect("cell");
    ws.write_string(3, 7, "Aprobada").expect("cell");
    let bytes = book.save_to_buffer().expect("xlsx");
    let mut t = TestWs::new();
    let report = t.import("ventas_offset.xlsx", &bytes);
    assert_eq!(report.outcome, Outcome::Imported, "{:#?}", report.problems);
    let lines = t.settlement_lines();
    let line = find(&lines, "psp_txn_id", "2150873461");
    assert_eq!(
        col(line, "local_amount"),
        Some("0.3"),
        "a binary float artifact is read as the decimal a person typed"
    );
    let warning = report
        .problems
        .iter()
        .find(|p| p.code == "float_rounded")
        .expect("the rounding is reported, never silent");
    assert_eq!(warning.row, Some(4), "row as the spreadsheet shows it");
    assert_eq!(
        warning.column.as_deref(),
        Some("F"),
        "column as the spreadsheet shows it"
    );
    assert_eq!(warning.sheet.as_deref(), Some("Ventas"));
}
