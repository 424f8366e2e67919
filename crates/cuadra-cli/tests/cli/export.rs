//! `cuadra-cli export`: every kind through the real binary, workbooks read back with calamine,
//! the audit bundle verified by its own script.

use crate::{run, stdout};
use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../cuadra-core/tests/fixtures")
        .join(name)
}

/// A workspace with the dLocal fixture and its Shopify orders, reconciled.
fn workspace(dir: &Path) -> PathBuf {
    let db = dir.join("w.db");
    let import = run(
        &db,
        &[
            "import",
            fixture("dlocal_crossborder_co.csv").to_str().expect("utf8"),
            fixture("shopify_orders_co.csv").to_str().expect("utf8"),
        ],
    );
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );
    let rec = run(&db, &["reconcile", "--as-of", "2026-05-31T00:00:00-05:00"]);
    assert!(
        rec.status.success(),
        "{}",
        String::from_utf8_lossy(&rec.stderr)
    );
    db
}

fn ok(o: &std::process::Output) {
    assert!(
        o.status.success(),
        "{}{}",
        stdout(o),
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn export_workbook_writes_the_six_sheets_in_the_chosen_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = workspace(dir.path());
    let out = dir.path().join("book.xlsx");
    let o = run(
        &db,
        &[
            "export",
            "workbook",
            "--out",
            out.to_str().expect("utf8"),
            "--lang",
            "zh",
        ],
    );
    ok(&o);
    assert!(stdout(&o).contains("wrote 10 cases"), "{}", stdout(&o));
    let mut wb: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(std::fs::read(&out).expect("xlsx"))).expect("open");
    assert_eq!(
        wb.sheet_names(),
        vec!["汇总", "异常", "已匹配", "结算费用", "审计追踪", "文件"],
        "sheet names are translated"
    );
    let matched = wb.worksheet_range("已匹配").expect("sheet");
    assert_eq!(matched.get((0, 0)), Some(&Data::String("对账项".into())));
    assert_eq!(
        matched.get((1, 5)),
        Some(&Data::Float(89900.0)),
        "order total is a number"
    );
}

#[test]
fn the_format_follows_the_extension_and_filters_narrow_the_rows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = workspace(dir.path());
    let out = dir.path().join("exc.xlsx");
    let o = run(
        &db,
        &[
            "export",
            "exceptions",
            "--out",
            out.to_str().expect("utf8"),
            "--status",
            "paid_shop_pending",
            "--lang",
            "en",
        ],
    );
    ok(&o);
    let bytes = std::fs::read(&out).expect("written");
    assert!(bytes.starts_with(b"PK"), "a .xlsx name means an XLSX file");
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("open");
    let range = wb.worksheet_range("Exceptions").expect("sheet");
    assert_eq!(
        range.height(),
        3,
        "header and the two paid_shop_pending cases"
    );
    let csv_out = dir.path().join("charges.csv");
    ok(&run(
        &db,
        &[
            "export",
            "charges",
            "--format",
            "csv",
            "--out",
            csv_out.to_str().expect("utf8"),
            "--csv-excel-es",
        ],
    ));
    let text = std::fs::read_to_string(&csv_out).expect("csv");
    assert!(text.starts_with('\u{feff}'), "BOM");
    assert!(
        text.contains(";-0,000094;"),
        "Spanish Excel: ; and decimal comma: {text}"
    );
    assert!(!dir.path().join("charges.csv.partial").exists());
}

#[test]
fn export_cases_writes_exactly_the_cases_the_filters_select_in_words() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = workspace(dir.path());
    let out = dir.path().join("view.csv");
    // Amounts 80,000 to 160,000 are #1001 (paid, shop pending: to review) and #1002 (matched:
    // reconciled); the state narrows them to #1002.
    let o = run(
        &db,
        &[
            "export",
            "cases",
            "--out",
            out.to_str().expect("utf8"),
            "--state",
            "reconciled",
            "--amount-min",
            "80000",
            "--amount-max",
            "160000",
            "--lang",
            "en",
        ],
    );
    ok(&o);
    assert!(stdout(&o).contains("wrote 1 cases"), "{}", stdout(&o));
    let text = std::fs::read_to_string(&out).expect("csv");
    let mut r =
        csv::ReaderBuilder::new().from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = r
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
    assert_eq!(rows.len(), 1);
    let at = |name: &str| {
        let i = header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no {name} in {header:?}"));
        rows[0][i].to_string()
    };
    assert_eq!(at("Case"), "order:shopify:1002");
    assert_eq!(at("Status"), "Matched");
    assert_eq!(at("State"), "Reconciled");
    assert_eq!(at("Reason"), "");
    assert_eq!(at("Note"), "");
}

#[test]
fn an_impossible_export_fails_with_a_message_and_leaves_no_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = workspace(dir.path());
    let out = dir.path().join("b.zip");
    let o = run(
        &db,
        &["export", "bundle", "--out", out.to_str().expect("utf8")],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("choose the period first, e.g. 2026-10"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = run(
        &db,
        &["export", "workbook", "--format", "csv", "--out", "x.csv"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("a workbook is an XLSX file"));
    assert!(!out.exists());
}

#[test]
fn export_bundle_verifies_with_sha256sum_and_its_own_script() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = workspace(dir.path());
    let out = dir.path().join("bundle.zip");
    ok(&run(
        &db,
        &[
            "export",
            "bundle",
            "--period",
            "2026-05",
            "--out",
            out.to_str().expect("utf8"),
        ],
    ));
    let x = dir.path().join("x");
    let mut z = zip::ZipArchive::new(std::fs::File::open(&out).expect("zip")).expect("zip");
    for i in 0..z.len() {
        let mut f = z.by_index(i).expect("entry");
        let path = x.join(f.name().expect("name").to_string());
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).expect("read");
        std::fs::write(path, bytes).expect("write");
    }
    let sums = std::process::Command::new("sha256sum")
        .args(["-c", "SHA256SUMS"])
        .current_dir(&x)
        .output()
        .expect("sha256sum runs");
    ok(&sums);
    let v = std::process::Command::new("python3")
        .arg("verify_chain.py")
        .current_dir(&x)
        .output()
        .expect("python3 runs");
    ok(&v);
    // The export itself is the last event, after the head the bundle names.
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(x.join("manifest.json")).expect("manifest"))
            .expect("json");
    let conn = rusqlite::Connection::open(&db).expect("db");
    let (seq, action): (i64, String) = conn
        .query_row(
            "SELECT seq, action FROM audit_events ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("last event");
    assert_eq!(action, "export");
    assert_eq!(manifest["chain_head"]["seq"].as_i64(), Some(seq - 1));
}
