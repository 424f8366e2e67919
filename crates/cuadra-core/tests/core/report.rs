//! Reports: every XLSX is opened back with calamine (values, cell types) and unzipped for its
//! number formats; CSVs are parsed; the bundle is unzipped and verified with its own script.

use crate::{fixture, now, TestWs};
use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use chrono::{TimeZone, Utc};
use cuadra_core::cases::CaseFilter;
use cuadra_core::report::{
    export, CsvOptions, ExportFormat, ExportKind, ExportOutcome, ExportRequest, Lang, XlsxOptions,
};
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

fn as_of() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 31, 5, 0, 0).unwrap()
}

/// The dLocal fixture (with its HEADER totals) and the Shopify orders it pays, reconciled.
fn reconciled() -> TestWs {
    let mut t = TestWs::new();
    t.import_fixture("dlocal_crossborder_co.csv");
    t.import_fixture("shopify_orders_co.csv");
    t.ws.run_reconciliation(as_of(), "test", now()).unwrap();
    t
}

fn request(kind: ExportKind, format: ExportFormat) -> ExportRequest {
    ExportRequest {
        kind,
        format,
        filter: CaseFilter::default(),
        lang: Lang::En,
        csv: CsvOptions::default(),
        xlsx: XlsxOptions::default(),
        reconcile_as_of: None,
        actor: "auditor".into(),
        now: now(),
    }
}

fn run(t: &mut TestWs, req: &ExportRequest, dir: &Path, name: &str) -> (PathBuf, ExportOutcome) {
    let path = dir.join(name);
    let outcome = export(&mut t.ws, req, &path).unwrap();
    (path, outcome)
}

fn open_xlsx(path: &Path) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(std::fs::read(path).unwrap())).unwrap()
}

fn sheet(wb: &mut Xlsx<Cursor<Vec<u8>>>, name: &str) -> calamine::Range<Data> {
    wb.worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name}: {e}"))
}

/// The row whose first cell is `key`, as cells by header name.
fn row_by_key(range: &calamine::Range<Data>, key: &str) -> Vec<(String, Data)> {
    let rows: Vec<&[Data]> = range.rows().collect();
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    let row = rows
        .iter()
        .find(|r| matches!(&r[0], Data::String(s) if s == key))
        .unwrap_or_else(|| panic!("no row {key}"));
    header.into_iter().zip(row.iter().cloned()).collect()
}

fn cell(row: &[(String, Data)], header: &str) -> Data {
    row.iter()
        .find(|(h, _)| h == header)
        .unwrap_or_else(|| panic!("no column {header}"))
        .1
        .clone()
}

fn zip_entry(path: &Path, name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// The number format code of cell `r` (e.g. "F2") on the `n`th sheet (1-based), from the
/// sheet XML's style index and styles.xml.
fn format_code(path: &Path, n: usize, r: &str) -> String {
    let sheet = zip_entry(path, &format!("xl/worksheets/sheet{n}.xml"));
    let styles = zip_entry(path, "xl/styles.xml");
    let at = sheet
        .find(&format!("<c r=\"{r}\""))
        .unwrap_or_else(|| panic!("no cell {r}"));
    let tag = &sheet[at..at + sheet[at..].find('>').unwrap()];
    let s: usize = tag
        .split(" s=\"")
        .nth(1)
        .map(|v| v.split('"').next().unwrap().parse().unwrap())
        .unwrap_or(0);
    let xfs = &styles[styles.find("<cellXfs").unwrap()..];
    let xf = xfs.split("<xf ").nth(s + 1).unwrap();
    let id: u32 = xf
        .split("numFmtId=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    match id {
        0 => "General".into(),
        49 => "@".into(),
        _ => {
            let needle = format!("numFmtId=\"{id}\" formatCode=\"");
            let at = styles.find(&needle).unwrap() + needle.len();
            styles[at..at + styles[at..].find('"').unwrap()].replace("&quot;", "\"")
        }
    }
}

/// The A1 reference of (row, col), both 0-based.
fn a1(row: usize, col: usize) -> String {
    let mut c = String::new();
    let mut n = col + 1;
    while n > 0 {
        c.insert(0, (b'A' + ((n - 1) % 26) as u8) as char);
        n = (n - 1) / 26;
    }
    format!("{c}{}", row + 1)
}

fn col_index(range: &calamine::Range<Data>, header: &str) -> usize {
    range
        .rows()
        .next()
        .unwrap()
        .iter()
        .position(|c| matches!(c, Data::String(s) if s == header))
        .unwrap_or_else(|| panic!("no column {header}"))
}

fn row_index(range: &calamine::Range<Data>, key: &str) -> usize {
    range
        .rows()
        .position(|r| matches!(&r[0], Data::String(s) if s == key))
        .unwrap_or_else(|| panic!("no row {key}"))
}

/// The records of a CSV (a quoted newline stays inside its field).
fn csv_records(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes)
        .unwrap()
        .trim_start_matches('\u{feff}');
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// The reconciliation export's contract as scripts read it, written here on its own from the
/// stored cases: the 23 columns in this order, UTF-8 with a BOM, text from files and people with
/// a leading `'` when a spreadsheet would run it as a formula; amounts and times as stored.
fn contract_csv(
    out: &mut Vec<u8>,
    ws: &cuadra_core::store::Workspace,
    lang: cuadra_core::words::Lang,
) {
    let guard = |t: &str| match t.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{t}"),
        _ => t.to_string(),
    };
    out.extend_from_slice("\u{feff}".as_bytes());
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
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
        "rule",
        "explanation",
    ])
    .unwrap();
    let sort = cuadra_core::cases::CaseSort {
        key: cuadra_core::cases::SortKey::CaseKey,
        desc: false,
    };
    ws.for_each_case(&CaseFilter::default(), sort, |c| {
        let o = |v: &Option<String>| v.clone().unwrap_or_default();
        w.write_record([
            c.case_key.clone(),
            c.status.clone(),
            guard(&o(&c.order_ref)),
            guard(&o(&c.shop_order_id)),
            guard(&c.settlement_refs),
            o(&c.order_total),
            o(&c.paid_amount),
            o(&c.difference),
            o(&c.currency),
            o(&c.fee_total),
            o(&c.tax_total),
            o(&c.net_settled),
            o(&c.settlement_currency),
            guard(&o(&c.psp)),
            guard(&o(&c.payment_method)),
            o(&c.order_created_at),
            o(&c.paid_at),
            o(&c.voucher_expires_at),
            o(&c.settled_at),
            o(&c.shop_status),
            guard(&c.decided_by),
            c.rule.clone(),
            guard(&c.explanation.render(lang)),
        ])
        .unwrap();
        Ok(())
    })
    .unwrap();
    w.flush().unwrap();
}

#[test]
fn the_reconciliation_csv_keeps_the_contract_columns_then_adds_state_reason_and_note() {
    let mut t = reconciled();
    let dir = tempfile::tempdir().unwrap();
    let req = request(ExportKind::Reconciliation, ExportFormat::Csv);
    let (path, outcome) = run(&mut t, &req, dir.path(), "rec.csv");
    let mut contract = Vec::new();
    contract_csv(&mut contract, &t.ws, req.lang);
    let ours = csv_records(&std::fs::read(&path).unwrap());
    let theirs = csv_records(&contract);
    assert_eq!(ours.len(), theirs.len());
    for (a, b) in ours.iter().zip(&theirs) {
        assert_eq!(
            a[..23],
            b[..],
            "the 23 contract columns keep their names, order and values"
        );
        assert_eq!(a.len(), 26);
    }
    assert_eq!(ours[0][23..], ["state", "reason", "note"]);
    assert_eq!(outcome.rows, 10, "the fixtures reconcile into 10 cases");
}

fn act(
    t: &mut TestWs,
    key: &str,
    action: cuadra_core::review::ActionKind,
    reason: Option<&str>,
    note: &str,
) {
    t.ws.act(
        &cuadra_core::review::ActionRequest {
            case_key: key.into(),
            action,
            reason: reason.map(str::to_string),
            note: Some(note.into()),
            line_ids: Vec::new(),
            order_id: None,
            order_ref: None,
            expected_membership: None,
        },
        "ana",
        now(),
    )
    .unwrap();
}

#[test]
fn exports_carry_each_cases_state_resolution_reason_and_notes() {
    use cuadra_core::review::ActionKind;
    let mut t = reconciled();
    // #1004 was voided in the shop and paid at Efecty: an exception, written off by hand.
    act(
        &mut t,
        "order:shopify:1004",
        ActionKind::Resolve,
        Some("written_off"),
        "bajo el costo de cobro",
    );
    // #1002 matched by Cuadra; two notes on it, kept in the order they were written.
    act(
        &mut t,
        "order:shopify:1002",
        ActionKind::Note,
        None,
        "revisado con el extracto",
    );
    act(
        &mut t,
        "order:shopify:1002",
        ActionKind::Note,
        None,
        "ok, Ana",
    );
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = run(
        &mut t,
        &request(ExportKind::Reconciliation, ExportFormat::Csv),
        dir.path(),
        "rec.csv",
    );
    let records = csv_records(&std::fs::read(&path).unwrap());
    let tail = |key: &str| -> Vec<String> {
        records
            .iter()
            .find(|r| r[0] == key)
            .unwrap_or_else(|| panic!("no case {key}"))[23..]
            .to_vec()
    };
    assert_eq!(
        tail("order:shopify:1004"),
        ["reconciled", "written_off", "bajo el costo de cobro"]
    );
    assert_eq!(
        tail("order:shopify:1002"),
        ["reconciled", "", "revisado con el extracto\nok, Ana"],
        "an auto-matched case is reconciled, never to review"
    );
    assert_eq!(
        tail("order:shopify:1001"),
        ["to_review", "", ""],
        "paid at Efecty while the shop still says pending: a person must look"
    );

    // The workbook says the same in words, in the reader's language.
    let req = ExportRequest {
        lang: Lang::Zh,
        ..request(ExportKind::Workbook, ExportFormat::Xlsx)
    };
    let (path, _) = run(&mut t, &req, dir.path(), "book.xlsx");
    let mut wb = open_xlsx(&path);
    let exceptions = sheet(&mut wb, "异常");
    let row = row_by_key(&exceptions, "order:shopify:1004");
    assert_eq!(cell(&row, "处理状态"), Data::String("已对账".into()));
    assert_eq!(
        cell(&row, "处理原因"),
        Data::String("差额已核销（计入损益）".into())
    );
    assert_eq!(
        cell(&row, "备注"),
        Data::String("bajo el costo de cobro".into())
    );
    let row = row_by_key(&exceptions, "order:shopify:1001");
    assert_eq!(cell(&row, "处理状态"), Data::String("待处理".into()));
    assert_eq!(cell(&row, "处理原因"), Data::Empty);
}

#[test]
fn the_workbook_reads_back_with_numbers_dates_and_text_where_they_belong() {
    let mut t = reconciled();
    let dir = tempfile::tempdir().unwrap();
    let (path, outcome) = run(
        &mut t,
        &request(ExportKind::Workbook, ExportFormat::Xlsx),
        dir.path(),
        "book.xlsx",
    );
    assert_eq!(outcome.rows, 10, "every case lands on exactly one sheet");
    let mut wb = open_xlsx(&path);
    assert_eq!(
        wb.sheet_names(),
        vec![
            "Summary",
            "Exceptions",
            "Matched",
            "Settlement charges",
            "Audit trail",
            "Files"
        ],
        "the issue's sheets, Summary first"
    );
    let matched = sheet(&mut wb, "Matched");
    assert_eq!(matched.height(), 2, "one header and the one matched case");
    let row = row_by_key(&matched, "order:shopify:1002");
    assert_eq!(
        cell(&row, "Order total"),
        Data::Float(89900.0),
        "amounts are numbers"
    );
    assert_eq!(cell(&row, "Fees"), Data::Float(-0.67215));
    assert_eq!(
        cell(&row, "Shop order ID"),
        Data::String("5510001002".into()),
        "a numeric-looking id stays text"
    );
    match cell(&row, "Paid") {
        Data::DateTime(d) => assert_eq!(
            d.as_datetime().unwrap().to_string(),
            "2026-05-06 04:01:12",
            "dates are Excel dates in the workspace zone (Bogotá wall time of dLocal's UTC)"
        ),
        other => panic!("paid_at must be a date cell, got {other:?}"),
    }
    assert_eq!(cell(&row, "Status (code)"), Data::String("matched".into()));
    assert_eq!(cell(&row, "Status"), Data::String("Matched".into()));
    // Formats: COP without decimals, USD with two, dates as dates, ids as text.
    let r = row_index(&matched, "order:shopify:1002");
    let code = |col: &str| format_code(&path, 3, &a1(r, col_index(&matched, col)));
    assert_eq!(code("Order total"), "#,##0", "COP has no decimals");
    assert_eq!(code("Net settled"), "#,##0.00", "USD has two decimals");
    assert_eq!(code("Paid"), "yyyy-mm-dd hh:mm:ss");
    let sheet_xml = zip_entry(&path, "xl/worksheets/sheet3.xml");
    let id_ref = a1(r, col_index(&matched, "Shop order ID"));
    assert!(
        sheet_xml.contains(&format!("<c r=\"{id_ref}\" t=\"inlineStr\">")),
        "identifiers are string cells, never numbers: {id_ref}"
    );

    let charges = sheet(&mut wb, "Settlement charges");
    let rounding = row_by_key(&charges, "batch:dlocal:771204:rounding");
    assert_eq!(cell(&rounding, "Net settled"), Data::Float(-0.000094));
    match cell(&rounding, "Settled") {
        Data::DateTime(d) => {
            assert_eq!(d.as_datetime().unwrap().to_string(), "2026-05-08 00:00:00")
        }
        other => panic!("a settlement date must be a date cell, got {other:?}"),
    }
    let r = row_index(&charges, "batch:dlocal:771204:rounding");
    assert_eq!(
        format_code(&path, 4, &a1(r, col_index(&charges, "Settled"))),
        "yyyy-mm-dd",
        "a date alone is a date, not a midnight"
    );

    let files = sheet(&mut wb, "Files");
    assert_eq!(files.height(), 3, "header and the two imported files");
    let audit = sheet(&mut wb, "Audit trail");
    assert!(audit.height() >= 4, "imports and the run are in the trail");
    assert!(matches!(audit.get((1, 0)), Some(Data::Float(f)) if *f == 1.0));
    assert!(
        matches!(audit.get((1, 1)), Some(Data::DateTime(_))),
        "event times are dates"
    );

    let summary = sheet(&mut wb, "Summary");
    let text: Vec<String> = summary
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect();
    assert!(
        text.iter().any(|l| l.starts_with("Sum|10|"))
            && text.iter().any(|l| l.starts_with("All cases|10|")),
        "the group check counts the sheets' rows: {text:#?}"
    );
    assert!(
        text.iter().any(|l| l.starts_with("Ties out?|yes")),
        "{text:#?}"
    );
}

#[test]
fn the_summary_ties_each_batch_out_to_the_files_net_total_and_says_when_it_does_not() {
    let mut t = reconciled();
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = run(
        &mut t,
        &request(ExportKind::Summary, ExportFormat::Csv),
        dir.path(),
        "summary.csv",
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains(
            "dlocal_crossborder_co.csv,771204,dlocal,USD,9,9,369.31,369.313084,-39.6,-39.60299,329.710094,-0.000094,329.71,329.71,0,yes,batch_rounding"
        ),
        "lines 329.710094 + booked rounding -0.000094 = the HEADER's NET_TOTAL_AMOUNT 329.71:\n{text}"
    );
    assert!(
        text.contains("\nSum,10\nAll cases,10\nTies out?,yes\n"),
        "{text}"
    );
    assert!(
        text.contains("dlocal_crossborder_co.csv,771204,USD,9,369.313084,-39.60299,0,329.710094,4012.5,4012.5,4012.5"),
        "gross, fees, taxes, net and FX per batch, exact:\n{text}"
    );
    // A file total nothing books any more: the tie-out must say no.
    t.ws.conn()
        .execute("UPDATE settlement_batches SET net_total = '330.00'", [])
        .unwrap();
    let (path, _) = run(
        &mut t,
        &request(ExportKind::Summary, ExportFormat::Csv),
        dir.path(),
        "summary2.csv",
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("329.710094,-0.000094,329.71,330,0.29,no,batch_rounding"),
        "an unexplained 0.29 USD must show and fail the tie-out:\n{text}"
    );
}

/// The tie-out rows of a Summary CSV: the lines between its title and the next blank row
/// (written `""`), header excluded.
fn tie_out_rows(text: &str) -> Vec<&str> {
    text.lines()
        .skip_while(|l| !l.trim_start_matches('"').starts_with("Batch tie-out"))
        .skip(2)
        .take_while(|l| !matches!(l.trim(), "" | "\"\""))
        .collect()
}

fn summary_csv(t: &mut TestWs, name: &str) -> String {
    summary_csv_of(t, CaseFilter::default(), name)
}

fn summary_csv_of(t: &mut TestWs, filter: CaseFilter, name: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut req = request(ExportKind::Summary, ExportFormat::Csv);
    req.filter = filter;
    let (path, _) = run(t, &req, dir.path(), name);
    std::fs::read_to_string(&path).unwrap()
}

#[test]
fn a_filtered_summary_ties_out_the_batches_its_cases_touch_and_no_other() {
    let mut t = reconciled();
    let row = "dlocal_crossborder_co.csv,771204,dlocal,USD,9,9,369.31,369.313084,-39.6,-39.60299,329.710094,-0.000094,329.71,329.71,0,yes,batch_rounding";
    // The matched case's line is in batch 771204: the batch is tied out, with all its lines.
    let matched = CaseFilter {
        statuses: vec!["matched".into()],
        ..CaseFilter::default()
    };
    let text = summary_csv_of(&mut t, matched, "matched.csv");
    assert_eq!(tie_out_rows(&text), vec![row], "{text}");
    // No case of another PSP: no batch of this one.
    let other = CaseFilter {
        psps: vec!["mercadopago".into()],
        ..CaseFilter::default()
    };
    let text = summary_csv_of(&mut t, other, "other.csv");
    assert_eq!(tie_out_rows(&text), vec!["(none)"], "{text}");
}

#[test]
fn a_batch_downloaded_twice_ties_out_once_with_its_lines() {
    let mut t = reconciled();
    // The same batch as a later download with other bytes: its lines are stored once, its
    // summary twice. The run books one batch; the summary used to add a second row for the
    // second file, with no lines and the whole total unexplained.
    let mut again = fixture("dlocal_crossborder_co.csv");
    again.extend_from_slice(b"\n");
    let rep = t.import("dlocal_crossborder_co (1).csv", &again);
    assert!(rep.succeeded(), "{rep:?}");
    t.ws.run_reconciliation(as_of(), "test", now()).unwrap();
    let text = summary_csv(&mut t, "summary.csv");
    assert_eq!(
        tie_out_rows(&text),
        vec!["dlocal_crossborder_co.csv,771204,dlocal,USD,9,9,369.31,369.313084,-39.6,-39.60299,329.710094,-0.000094,329.71,329.71,0,yes,batch_rounding"],
        "{text}"
    );
}

/// The Shopify fixture and a dLocal file with these summary rows, reconciled, and the Summary
/// exported as CSV.
fn reconciled_with_summary(name: &str, rows: &[&str]) -> (TestWs, String) {
    let mut t = TestWs::new();
    t.import_fixture("shopify_orders_co.csv");
    let rep = t.import(name, crate::dlocal_with_summary(rows).as_bytes());
    assert!(rep.succeeded(), "{rep:?}");
    t.ws.run_reconciliation(as_of(), "test", now()).unwrap();
    let text = summary_csv(&mut t, "summary.csv");
    (t, text)
}

#[test]
fn a_summary_repeated_as_header_and_total_ties_out_once() {
    let blank = crate::DLOCAL_SUMMARY.replace(",771204,", ",,");
    let total = blank.replace("HEADER", "TOTAL");
    let (_, text) = reconciled_with_summary("dlocal_dos_resumenes.csv", &[&blank, &total]);
    assert_eq!(
        tie_out_rows(&text),
        vec!["dlocal_dos_resumenes.csv,,dlocal,USD,9,9,369.31,369.313084,-39.6,-39.60299,329.710094,-0.000094,329.71,329.71,0,yes,batch_rounding"],
        "{text}"
    );
}

#[test]
fn a_named_batch_whose_first_summary_row_has_no_total_ties_out_with_the_row_that_has_one() {
    // The HEADER with its net total left blank, then a TOTAL row with it, both naming the
    // transfer: the batch is the row with a total (before, the blank row was taken and the
    // batch booked nowhere), and its lines are the file's (two summary rows leave them without
    // a reference at import).
    let blank = crate::DLOCAL_SUMMARY.replace(",329.71,", ",,");
    let total = crate::DLOCAL_SUMMARY.replace("HEADER", "TOTAL");
    let (t, text) = reconciled_with_summary("dlocal_total_al_final.csv", &[&blank, &total]);
    let c = t.ws.case("batch:dlocal:771204:rounding").unwrap();
    assert_eq!(c.map(|c| c.rule).as_deref(), Some("batch_rounding"));
    assert_eq!(
        tie_out_rows(&text),
        vec!["dlocal_total_al_final.csv,771204,dlocal,USD,9,9,369.31,369.313084,-39.6,-39.60299,329.710094,-0.000094,329.71,329.71,0,yes,batch_rounding"],
        "{text}"
    );
}

/// A settlement file and an orders export carrying hostile text, imported for real.
fn hostile() -> TestWs {
    let mut t = TestWs::new();
    let dlocal = String::from_utf8(fixture("dlocal_crossborder_co.csv")).unwrap();
    let dlocal = dlocal
        .replace(
            "T-912-ey10001",
            "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
        )
        .replace("T-912-ey10002", "000777");
    let shop = String::from_utf8(fixture("shopify_orders_co.csv")).unwrap();
    let shop = shop.replace("María López", "+57 300 555 0101");
    t.import("dlocal_hostile.csv", dlocal.as_bytes());
    t.import("shopify_hostile.csv", shop.as_bytes());
    t.ws.run_reconciliation(as_of(), "test", now()).unwrap();
    t
}

#[test]
fn hostile_text_from_files_is_neutralized_in_csv_and_a_plain_string_in_xlsx() {
    let mut t = hostile();
    let dir = tempfile::tempdir().unwrap();
    let (csv_path, _) = run(
        &mut t,
        &request(ExportKind::Exceptions, ExportFormat::Csv),
        dir.path(),
        "exc.csv",
    );
    let bytes = std::fs::read(&csv_path).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let refs = header
        .iter()
        .position(|h| h == "Settlement references")
        .unwrap();
    let customer = header.iter().position(|h| h == "Customer").unwrap();
    let row = rows
        .iter()
        .find(|r| r.get(0) == Some("order:shopify:1001"))
        .expect("order 1001 is an exception");
    assert_eq!(
        row.get(refs),
        Some("'=HYPERLINK(\"http://x\",\"y\")"),
        "CSV neutralizes a formula"
    );
    assert_eq!(
        row.get(customer),
        Some("'+57 300 555 0101"),
        "and a leading +"
    );

    let mut req = request(ExportKind::Workbook, ExportFormat::Xlsx);
    req.lang = Lang::Es;
    let (xlsx_path, _) = run(&mut t, &req, dir.path(), "book.xlsx");
    let mut wb = open_xlsx(&xlsx_path);
    let exc = sheet(&mut wb, "Excepciones");
    let row = row_by_key(&exc, "order:shopify:1001");
    assert_eq!(
        cell(&row, "Referencias de liquidación"),
        Data::String("=HYPERLINK(\"http://x\",\"y\")".into()),
        "XLSX keeps the text as it came, as a string"
    );
    assert_eq!(
        cell(&row, "Cliente"),
        Data::String("+57 300 555 0101".into())
    );
    let matched = sheet(&mut wb, "Conciliados");
    let holder = matched
        .rows()
        .chain(exc.rows())
        .find(|r| r.iter().any(|c| c.to_string().contains("000777")))
        .expect("the line with a zero-padded id is in some case");
    assert!(
        holder.iter().any(|c| *c == Data::String("000777".into())),
        "leading zeros are kept: the id is a string cell"
    );
    for n in 1..=6 {
        let xml = zip_entry(&xlsx_path, &format!("xl/worksheets/sheet{n}.xml"));
        assert!(
            !xml.contains("<f>"),
            "sheet {n} must hold no formula at all"
        );
    }
}

#[test]
fn a_long_table_continues_on_numbered_sheets_with_the_header_repeated() {
    let mut t = reconciled();
    let dir = tempfile::tempdir().unwrap();
    let mut req = request(ExportKind::Exceptions, ExportFormat::Xlsx);
    req.xlsx = XlsxOptions {
        max_rows_per_sheet: 3,
    };
    let (path, outcome) = run(&mut t, &req, dir.path(), "exc.xlsx");
    assert_eq!(outcome.rows, 6, "six exceptions in the fixtures");
    let mut wb = open_xlsx(&path);
    assert_eq!(
        wb.sheet_names(),
        vec!["Exceptions", "Exceptions (2)", "Exceptions (3)"],
        "3 rows per sheet: header + 2 cases each"
    );
    let mut keys = Vec::new();
    for name in wb.sheet_names() {
        let range = sheet(&mut wb, &name);
        let rows: Vec<&[Data]> = range.rows().collect();
        assert_eq!(
            rows[0][0],
            Data::String("Case".into()),
            "{name} repeats the header"
        );
        assert_eq!(rows.len(), 3, "{name}");
        keys.extend(rows[1..].iter().map(|r| r[0].to_string()));
    }
    let mut sorted = keys.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(
        sorted, keys,
        "every case once, in case key order, across the parts"
    );

    // The workbook routes every case in one pass: its continuation tabs still sit in order.
    let mut req = request(ExportKind::Workbook, ExportFormat::Xlsx);
    req.xlsx = XlsxOptions {
        max_rows_per_sheet: 3,
    };
    let (path, outcome) = run(&mut t, &req, dir.path(), "book.xlsx");
    assert_eq!(outcome.rows, 10);
    let mut wb = open_xlsx(&path);
    let names = wb.sheet_names();
    assert_eq!(
        names[..7],
        [
            "Summary",
            "Exceptions",
            "Exceptions (2)",
            "Exceptions (3)",
            "Matched",
            "Settlement charges",
            "Settlement charges (2)"
        ],
        "{names:?}"
    );
    let charges: usize = ["Settlement charges", "Settlement charges (2)"]
        .iter()
        .map(|n| sheet(&mut wb, n).height() - 1)
        .sum();
    assert_eq!(charges, 3, "the three charges, split 2 + 1");
}

#[test]
fn headers_sheet_names_and_status_names_follow_the_language() {
    let mut t = reconciled();
    let dir = tempfile::tempdir().unwrap();
    for (lang, first, status, sheet_name) in [
        (Lang::Es, "Caso", "Conciliado", "Conciliados"),
        (Lang::En, "Case", "Matched", "Matched"),
        (Lang::Zh, "对账项", "已匹配", "已匹配"),
    ] {
        let mut req = request(ExportKind::Matched, ExportFormat::Csv);
        req.lang = lang;
        let (path, _) = run(&mut t, &req, dir.path(), "m.csv");
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines = text.trim_start_matches('\u{feff}').lines();
        assert!(
            lines.next().unwrap().starts_with(&format!("{first},")),
            "{lang:?}: {text}"
        );
        let row = lines.next().unwrap();
        assert!(
            row.starts_with("order:shopify:1002,matched,") && row.contains(&format!(",{status},")),
            "{lang:?}: the code stays, the name is translated: {row}"
        );
        req.format = ExportFormat::Xlsx;
        let (path, _) = run(&mut t, &req, dir.path(), "m.xlsx");
        assert_eq!(open_xlsx(&path).sheet_names(), vec![sheet_name]);
    }
}

#[test]
fn spanish_excel_csv_has_a_bom_semicolons_and_decimal_commas() {
    let mut t = reconciled();
    let dir = tempfile::tempdir().unwrap();
    let mut req = request(ExportKind::Matched, ExportFormat::Csv);
    req.lang = Lang::Es;
    req.csv = CsvOptions { excel_es: true };
    let (path, _) = run(&mut t, &req, dir.path(), "m.csv");
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "still UTF-8 with a BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let row = text.lines().nth(1).unwrap();
    assert!(
        row.starts_with("order:shopify:1002;matched;#1002;"),
        "{row}"
    );
    assert!(
        row.contains(";-0,67215;"),
        "decimal comma in amounts: {row}"
    );
    assert!(
        row.contains(";2026-05-06T04:01:12-05:00;"),
        "times keep their form: {row}"
    );
}

#[test]
fn each_export_is_recorded_after_its_file_with_the_files_sha256() {
    let mut t = reconciled();
    let dir = tempfile::tempdir().unwrap();
    let mut req = request(ExportKind::Exceptions, ExportFormat::Csv);
    req.filter.psps = vec!["dlocal".into()];
    let (path, outcome) = run(&mut t, &req, dir.path(), "exc.csv");
    assert!(
        !dir.path().join("exc.csv.partial").exists(),
        "no partial file is left"
    );
    let sha = cuadra_core::store::sha256_hex(&std::fs::read(&path).unwrap());
    assert_eq!(outcome.sha256, sha);
    let (seq, after): (i64, String) = t
        .ws
        .conn()
        .query_row(
            "SELECT seq, after FROM audit_events WHERE action = 'export' ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(seq, outcome.audit_seq);
    let after: serde_json::Value = serde_json::from_str(&after).unwrap();
    assert_eq!(after["kind"], "exceptions");
    assert_eq!(after["format"], "csv");
    assert_eq!(after["rows"], 6);
    assert_eq!(
        after["sha256"],
        sha.as_str(),
        "the event names the bytes written"
    );
    assert_eq!(after["filters"]["psps"][0], "dlocal");
    assert!(t.ws.verify_audit().unwrap().ok());
}

#[test]
fn requests_that_cannot_be_honoured_say_what_to_do() {
    let mut t = reconciled();
    let dir = tempfile::tempdir().unwrap();
    let mut req = request(ExportKind::Exceptions, ExportFormat::Csv);
    req.filter.statuses = vec!["matched".into()];
    let e = export(&mut t.ws, &req, &dir.path().join("x.csv")).unwrap_err();
    assert!(e.to_string().contains("never holds status matched"), "{e}");
    req.filter.statuses = vec!["nonsense".into()];
    let e = export(&mut t.ws, &req, &dir.path().join("x.csv")).unwrap_err();
    assert!(e.to_string().contains("is not a case status"), "{e}");
    let req = request(ExportKind::Bundle, ExportFormat::Zip);
    let e = export(&mut t.ws, &req, &dir.path().join("b.zip")).unwrap_err();
    assert!(
        e.to_string()
            .contains("for one period: choose the period first, e.g. 2026-10"),
        "{e}"
    );
    assert!(
        std::fs::read_dir(dir.path()).unwrap().next().is_none(),
        "a refused export leaves no file"
    );
}

/// Unzips `zip` into `dir`.
pub fn unzip(zip_path: &Path, dir: &Path) -> Vec<String> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(zip_path).unwrap()).unwrap();
    let mut names = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let out = dir.join(&name);
        std::fs::create_dir_all(out.parent().unwrap()).unwrap();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        std::fs::write(out, bytes).unwrap();
        names.push(name);
    }
    names
}

fn python(dir: &Path) -> std::process::Output {
    std::process::Command::new("python3")
        .arg("verify_chain.py")
        .current_dir(dir)
        .output()
        .expect("python3 runs")
}

#[test]
fn the_bundle_holds_verifiable_sums_and_a_chain_its_own_script_verifies() {
    let mut t = reconciled();
    let dir = tempfile::tempdir().unwrap();
    let head_before = cuadra_core::audit::chain_head(t.ws.conn()).unwrap();
    let mut req = request(ExportKind::Bundle, ExportFormat::Zip);
    req.filter.period = Some("2026-05".into());
    let (path, outcome) = run(&mut t, &req, dir.path(), "bundle.zip");
    assert_eq!(
        outcome.rows, 2,
        "both imported files hold evidence of May 2026"
    );
    let out = dir.path().join("x");
    let mut names = unzip(&path, &out);
    names.sort();
    assert_eq!(
        names,
        vec![
            "README.txt",
            "SHA256SUMS",
            "audit_trail.csv",
            "cuadra_2026-05.xlsx",
            "files/00001_dlocal_crossborder_co.csv",
            "files/00002_shopify_orders_co.csv",
            "manifest.json",
            "verify_chain.py"
        ]
    );
    assert_eq!(
        std::fs::read(out.join("files/00001_dlocal_crossborder_co.csv")).unwrap(),
        fixture("dlocal_crossborder_co.csv"),
        "originals byte for byte"
    );
    let sums = std::fs::read_to_string(out.join("SHA256SUMS")).unwrap();
    assert_eq!(
        sums.lines().count(),
        names.len() - 1,
        "every file but the sums themselves"
    );
    for line in sums.lines() {
        let (sha, name) = line.split_once("  ").unwrap();
        assert_eq!(
            cuadra_core::store::sha256_hex(&std::fs::read(out.join(name)).unwrap()),
            sha,
            "{name}"
        );
    }
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["period"], "2026-05");
    assert_eq!(
        manifest["chain_head"]["seq"], head_before.0,
        "the head when the bundle was made"
    );
    assert_eq!(manifest["chain_head"]["hash"], head_before.1.as_str());
    assert_eq!(
        outcome.audit_seq,
        head_before.0 + 1,
        "the export event comes after the bundle"
    );
    let readme = std::fs::read_to_string(out.join("README.txt")).unwrap();
    assert!(
        readme.contains("sha256sum -c SHA256SUMS") && readme.contains("python3 verify_chain.py")
    );
    let mut wb = open_xlsx(&out.join("cuadra_2026-05.xlsx"));
    assert_eq!(wb.sheet_names()[0], "Summary");
    let in_period: usize =
        t.ws.conn()
            .query_row(
                "SELECT COUNT(*) FROM cases WHERE period = '2026-05'
               AND status NOT IN ('matched', 'settlement_charge')",
                [],
                |r| r.get(0),
            )
            .unwrap();
    assert!(in_period > 0);
    assert_eq!(
        sheet(&mut wb, "Exceptions").height(),
        in_period + 1,
        "the workbook holds the period's exceptions only"
    );

    let ok = python(&out);
    assert!(
        ok.status.success(),
        "verify_chain.py must verify an untouched bundle: {}{}",
        String::from_utf8_lossy(&ok.stdout),
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).starts_with("OK:"));

    // Edit one event's actor in the CSV: the script must fail at that event.
    let trail = std::fs::read_to_string(out.join("audit_trail.csv")).unwrap();
    let edited = trail.replacen(",test,", ",mallory,", 1);
    assert_ne!(edited, trail, "the edit must change something");
    std::fs::write(out.join("audit_trail.csv"), edited).unwrap();
    let bad = python(&out);
    assert!(
        !bad.status.success(),
        "an edited audit trail must not verify"
    );
    assert!(
        String::from_utf8_lossy(&bad.stdout).contains("does not match its hash"),
        "{}",
        String::from_utf8_lossy(&bad.stdout)
    );
}

#[test]
fn the_audit_csv_round_trips_nulls_and_spreadsheet_escapes_through_the_script() {
    let mut t = reconciled();
    // Hostile and empty values in hashed fields.
    t.ws.record(&cuadra_core::audit::NewEvent {
        at: now(),
        actor: "=cmd|' /C calc'!A0".into(),
        action: "note".into(),
        subject: "workspace".into(),
        before: None,
        after: Some(String::new()),
        reason: Some("'quoted".into()),
        note: Some("-5\r\nline".into()),
    })
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (path, outcome) = run(
        &mut t,
        &request(ExportKind::Audit, ExportFormat::Csv),
        dir.path(),
        "audit_trail.csv",
    );
    assert!(outcome.rows >= 4);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("'=cmd|"),
        "a formula-like actor is neutralized"
    );
    std::fs::write(
        dir.path().join("verify_chain.py"),
        cuadra_core::report::VERIFY_CHAIN_PY,
    )
    .unwrap();
    let ok = python(dir.path());
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
}

/// The workbook's audit sheet names reasons in the workbook's language: a resolution's reason
/// code, and a reason Cuadra recorded as a message; what a person wrote stays as written.
#[test]
fn the_audit_sheet_reads_reasons_in_the_workbooks_language() {
    use cuadra_core::review::ActionKind;
    let mut t = reconciled();
    let key =
        t.ws.conn()
            .query_row(
                "SELECT case_key FROM cases WHERE state = 'open' ORDER BY case_key LIMIT 1",
                [],
                |r| r.get::<_, String>(0),
            )
            .unwrap();
    act(
        &mut t,
        &key,
        ActionKind::Resolve,
        Some("written_off"),
        "bajo el costo de cobro",
    );
    let dir = tempfile::tempdir().unwrap();
    let req = ExportRequest {
        lang: Lang::Es,
        ..request(ExportKind::Workbook, ExportFormat::Xlsx)
    };
    let (path, _) = run(&mut t, &req, dir.path(), "libro.xlsx");
    let mut wb = open_xlsx(&path);
    let audit = sheet(&mut wb, "Auditoría");
    let text: Vec<String> = audit
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect();
    let resolved = text
        .iter()
        .find(|r| r.contains("case_resolve"))
        .expect("the resolution is in the sheet");
    assert!(
        resolved.contains("Castigado como pérdida") && resolved.contains("bajo el costo de cobro"),
        "{resolved}"
    );
    assert!(
        !text.iter().any(|r| r.contains("\"k\":")),
        "no message shows as JSON: {text:?}"
    );
}
