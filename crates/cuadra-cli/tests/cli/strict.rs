//! Issue 14, items 3 to 5, through the command line: a malformed file (cut off, a quote left
//! open, a row of another width, a money column renamed, two-digit years, dates whose order is a
//! guess) and an XLSX zip bomb are refused whole, with or without `--skip-bad-rows`, by a problem
//! that names the file, row and column and says what to do; nothing of them is stored. The bad
//! files live in `crates/cuadra-core/tests/fixtures/bad/` (see its README.md, which lists each
//! file's defect and the expected problem); zip bombs are built here at run time.

use super::*;
use std::io::Write;
use std::path::Path;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../cuadra-core/tests/fixtures")
        .join(name)
}

/// `cuadra-cli import --json [--skip-bad-rows] FILE`: the exit code and the file's report.
fn import_json(db: &Path, file: &Path, skip_bad_rows: bool) -> (Option<i32>, serde_json::Value) {
    let path = file.to_string_lossy().into_owned();
    let mut args = vec!["import", "--json"];
    if skip_bad_rows {
        args.push("--skip-bad-rows");
    }
    args.push(&path);
    let out = run(db, &args);
    let reports: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is JSON ({e}): {}\n{}",
            stdout(&out),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code(), reports[0].clone())
}

/// The report's problems with `code`, as (row, column, message).
fn problems(report: &serde_json::Value, code: &str) -> Vec<(Option<u64>, Option<String>, String)> {
    report["problems"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter(|p| p["code"] == code)
        .map(|p| {
            (
                p["row"].as_u64(),
                p["column"].as_str().map(str::to_string),
                // Lower case: a rendered message starts with a capital letter.
                p["message"].as_str().unwrap_or_default().to_lowercase(),
            )
        })
        .collect()
}

/// Nothing of any file is in the workspace (no file, no line, no order, no original bytes).
fn nothing_stored(db: &Path, why: &str) {
    for table in [
        "imported_files",
        "settlement_lines",
        "order_snapshots",
        "file_blobs",
    ] {
        assert_eq!(count(db, table), 0, "{why}: {table} must stay empty");
    }
}

/// One bad file of the corpus: the problem it must be refused with, and a phrase of its message.
struct Bad {
    file: &'static str,
    code: &'static str,
    row: u64,
    column: &'static str,
    says: &'static str,
}

/// The corpus, as `fixtures/bad/README.md` lists it. Rows and columns are counted by hand from
/// the files: rows as a text editor numbers lines, columns as a spreadsheet letters them.
const CORPUS: &[Bad] = &[
    // Cut after `...,T-912-ey10003,125` (LOCAL_AMOUNT 1250000 on line 6), no line break: 9 of 25
    // cells, the last one LOCAL_AMOUNT, column I.
    Bad {
        file: "dlocal_cut_mid_row.csv",
        code: "file_cut_off",
        row: 6,
        column: "LOCAL_AMOUNT (I)",
        says: "it has 9 of the header's 25 cells",
    },
    // Line 5's DESCRIPTION opens a quote; line 8's quoted DESCRIPTION closes it and goes on, so
    // lines 6 and 7 (1,250,000 and 62,000 COP) would be one cell. DESCRIPTION is column 25, Y.
    Bad {
        file: "dlocal_quote_swallows_rows.csv",
        code: "quote_closed_early",
        row: 5,
        column: "DESCRIPTION (Y)",
        says: "closes only on line 8",
    },
    // The same quote, never closed: lines 6 to 12 would be one cell.
    Bad {
        file: "dlocal_open_quote.csv",
        code: "open_quote",
        row: 5,
        column: "DESCRIPTION (Y)",
        says: "is never closed",
    },
    // The header (line 3) says LOCAL_AMOUNT_COP.
    Bad {
        file: "dlocal_renamed_local_amount.csv",
        code: "missing_money_column",
        row: 3,
        column: "LOCAL_AMOUNT",
        says: "has no column LOCAL_AMOUNT",
    },
    // Line 5's CREATION_DATE (E) `05/05/26 20:05:00`, read year first, was 2005-05-26.
    Bad {
        file: "dlocal_two_digit_years.csv",
        code: "two_digit_year",
        row: 5,
        column: "CREATION_DATE (E)",
        says: "writes its year with two digits ('05')",
    },
    // Line 6's APPROVED_DATE (F) `31/12/26 10:12:45` was 2031-12-26.
    Bad {
        file: "dlocal_two_digit_years.csv",
        code: "two_digit_year",
        row: 6,
        column: "APPROVED_DATE (F)",
        says: "writes its year with two digits ('31')",
    },
    // Line 7 lost its FX_RATE cell: 24 cells, so the first one missing is the 25th, Y.
    Bad {
        file: "dlocal_short_row.csv",
        code: "row_too_short",
        row: 7,
        column: "DESCRIPTION (Y)",
        says: "the row has 24 cells but the header has 25",
    },
    // Line 7 ends with a comma: a 26th cell, blank, in column Z (no header there).
    Bad {
        file: "dlocal_wide_row.csv",
        code: "row_too_wide",
        row: 7,
        column: "Z",
        says: "the row has 26 cells but the header has 25",
    },
    // Every date is `a/b/2026` with a and b at most 12; `04/05/2026` (line 2) is 4 May day first,
    // 5 April month first. `Fecha de creación` is column 8, H.
    Bad {
        file: "payu_ventas_ambiguous_dates.csv",
        code: "date_order_ambiguous",
        row: 2,
        column: "Fecha de creación (H)",
        says: "reads as 2026-05-04 day first or 2026-04-05 month first",
    },
    // `28/04/2026` (line 5) is only day first, `05/13/2026` (line 6) only month first.
    Bad {
        file: "payu_ventas_mixed_date_order.csv",
        code: "date_order_mixed",
        row: 6,
        column: "Fecha de creación (H)",
        says: "only read day first ('28/04/2026 10:00', row 5)",
    },
    // `04/28/2026` (line 5) is only month first, and PayU's sales report is read day first by
    // default: `04/05/2026` above it would have become 4 May instead of 5 April.
    Bad {
        file: "payu_ventas_month_first.csv",
        code: "date_order_contradicted",
        row: 5,
        column: "Fecha de creación (H)",
        says: "only reads as month/day/year, but this layout reads dates as day/month/year",
    },
];

#[test]
fn every_bad_file_is_refused_whole_naming_row_and_column() {
    let mut files: Vec<&str> = CORPUS.iter().map(|b| b.file).collect();
    files.dedup();
    let listed = std::fs::read_to_string(fixture("bad/README.md")).expect("bad/README.md");
    let on_disk: Vec<String> = std::fs::read_dir(fixture("bad"))
        .expect("bad/")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "README.md")
        .collect();
    for name in &on_disk {
        assert!(files.contains(&name.as_str()), "{name} is tested here");
        assert!(listed.contains(name.as_str()), "{name} is in bad/README.md");
    }
    for file in files {
        for skip_bad_rows in [false, true] {
            let dir = tempfile::tempdir().expect("tempdir");
            let db = dir.path().join("w.db");
            let (code, report) = import_json(&db, &fixture(&format!("bad/{file}")), skip_bad_rows);
            let why = format!("{file} (--skip-bad-rows: {skip_bad_rows})");
            assert_eq!(code, Some(1), "{why}: refused, exit 1: {report:#}");
            assert_eq!(report["outcome"], "rejected", "{why}: {report:#}");
            for bad in CORPUS.iter().filter(|b| b.file == file) {
                let found = problems(&report, bad.code);
                assert!(
                    found
                        .iter()
                        .any(|(row, column, message)| *row == Some(bad.row)
                            && column.as_deref() == Some(bad.column)
                            && message.contains(&bad.says.to_lowercase())),
                    "{why}: a {} problem at row {}, column {} saying {:?}: {report:#}",
                    bad.code,
                    bad.row,
                    bad.column,
                    bad.says
                );
            }
            assert_eq!(
                problems(&report, "structure_broken").len(),
                1,
                "{why}: the refusal of the whole file is said once: {report:#}"
            );
            assert!(
                problems(&report, "structure_broken")[0]
                    .2
                    .contains("not even with --skip-bad-rows"),
                "{why}: {report:#}"
            );
            nothing_stored(&db, &why);
        }
    }
}

#[test]
fn the_good_files_the_bad_ones_were_made_from_still_import() {
    // The corpus is the good fixtures with one defect each: without it, every one imports (the
    // dLocal file's 9 transaction rows, PayU's 5 sales), so the refusals above are the defects'.
    for (file, rows) in [("dlocal_crossborder_co.csv", 9), ("payu_ventas_co.csv", 5)] {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("w.db");
        let (code, report) = import_json(&db, &fixture(file), false);
        assert_eq!(code, Some(0), "{file}: {report:#}");
        assert_eq!(report["new"], rows, "{file}: {report:#}");
        assert!(
            report["problems"]
                .as_array()
                .is_some_and(|p| p.iter().all(|p| p["severity"] != "error")),
            "{file}: no error: {report:#}"
        );
    }
}

#[test]
fn a_file_cut_off_mid_row_stores_no_truncated_amount() {
    // The issue's reproduction: LOCAL_AMOUNT 1250000 cut to `125`. Before, the file imported with
    // exit 0 and a line of 125 COP; now nothing of it is stored, the problem is on line 6.
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let (code, report) = import_json(&db, &fixture("bad/dlocal_cut_mid_row.csv"), true);
    assert_eq!(code, Some(1), "{report:#}");
    let cut = problems(&report, "file_cut_off");
    assert_eq!(cut.len(), 1, "{report:#}");
    assert!(
        cut[0].2.contains("download or export it again"),
        "says what to do: {}",
        cut[0].2
    );
    nothing_stored(&db, "a cut file");
}

#[test]
fn a_quote_left_open_swallows_no_rows() {
    // Before, the file imported 6 of its 9 rows with exit 0: the 1,250,000 COP capture (line 6)
    // and the 62,000 COP payment (line 7) were text inside line 5's DESCRIPTION.
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let (code, report) = import_json(&db, &fixture("bad/dlocal_quote_swallows_rows.csv"), false);
    assert_eq!(code, Some(1), "{report:#}");
    assert_eq!(
        report["rows"], 0,
        "no row is read from a file refused: {report:#}"
    );
    nothing_stored(&db, "an open quote");
}

#[test]
fn two_digit_years_import_with_a_profile_that_states_the_format() {
    // The refusal says to state the format; doing so reads `05/05/26` as 5 May 2026 (day first,
    // as the profile says), not 2005-05-26.
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let file = dir.path().join("caja.csv");
    std::fs::write(
        &file,
        "Referencia,Valor,Fecha\nPED-1,150000,05/05/26\nPED-2,89900,31/12/26\n",
    )
    .expect("write");
    let (code, report) = import_json(&db, &file, false);
    assert_eq!(
        code,
        Some(1),
        "no profile knows this layout yet: {report:#}"
    );
    let sample = file.to_string_lossy().into_owned();
    let out = run(
        &db,
        &[
            "profile",
            "create",
            "caja",
            "--kind",
            "settlement",
            "--from",
            &sample,
            "--map",
            "reference=Referencia",
            "--map",
            "amount=Valor",
            "--map",
            "date=Fecha",
            "--currency",
            "COP",
            "--date-format",
            "%d/%m/%y",
        ],
    );
    assert!(
        out.status.success(),
        "{}\n{}",
        stdout(&out),
        String::from_utf8_lossy(&out.stderr)
    );
    let (code, report) = import_json(&db, &file, false);
    assert_eq!(code, Some(0), "{report:#}");
    assert_eq!(report["new"], 2, "{report:#}");
    let conn = rusqlite::Connection::open(&db).expect("open");
    let mut stmt = conn
        .prepare("SELECT created_at FROM settlement_lines ORDER BY id")
        .expect("prepare");
    let dates: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect();
    assert_eq!(
        dates,
        ["2026-05-05", "2026-12-31"],
        "the profile's %d/%m/%y reads day, month, then the year of this century"
    );
}

/// Writes a minimal valid XLSX: one sheet named `Hoja1`, whose `<sheetData>` content `rows`
/// writes (streamed into the deflater, so a huge sheet never sits in memory here).
fn xlsx(path: &Path, rows: impl FnOnce(&mut dyn Write)) {
    use zip::write::SimpleFileOptions;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).expect("create"));
    let deflated = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    let parts: [(&str, &str); 4] = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Hoja1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ];
    for (name, text) in parts {
        zip.start_file(name, deflated).expect("entry");
        zip.write_all(text.as_bytes()).expect("write");
    }
    zip.start_file("xl/worksheets/sheet1.xml", deflated)
        .expect("entry");
    zip.write_all(
        br#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    )
    .expect("write");
    rows(&mut zip);
    zip.write_all(b"</sheetData></worksheet>").expect("write");
    zip.finish().expect("finish");
}

/// Imports a generated workbook; it must be refused with `code`, naming what to do.
fn refused_workbook(path: &Path, code: &str, says: &str) {
    let db = path.with_extension("db");
    let (exit, report) = import_json(&db, path, false);
    assert_eq!(exit, Some(1), "{report:#}");
    let found = problems(&report, code);
    assert_eq!(found.len(), 1, "one {code} problem: {report:#}");
    assert!(found[0].2.contains(&says.to_lowercase()), "{}", found[0].2);
    assert!(
        found[0].2.contains("save it as csv"),
        "says what to do: {}",
        found[0].2
    );
    nothing_stored(&db, code);
}

#[test]
fn a_workbook_that_unpacks_past_the_limit_is_refused_before_it_is_read() {
    // 260 MiB of sheet XML (a blank cell repeated) in a file of well under 1 MB: past the
    // 256 MiB limit, whatever the zip declares, refused before calamine reads a byte of it.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bomba.xlsx");
    xlsx(&path, |w| {
        let chunk = "<row><c/></row>".repeat(1 << 16); // 15 bytes x 65,536 = 960 KiB
        let mut written = 0usize;
        while written < 260 << 20 {
            w.write_all(chunk.as_bytes()).expect("write");
            written += chunk.len();
        }
    });
    let size = std::fs::metadata(&path).expect("size").len();
    assert!(size < 2 << 20, "a zip bomb is small: {size} bytes");
    refused_workbook(&path, "workbook_too_big", "more than 256 MB");
}

#[test]
fn a_workbook_spanning_too_many_cells_is_refused_before_they_are_in_memory() {
    // Two cells, A1 and Z1048576: held as rows, 1,048,576 rows x 26 columns = 27,262,976 cells,
    // past the 4,000,000 limit (calamine's own range would allocate every one of them).
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("dispersa.xlsx");
    xlsx(&path, |w| {
        w.write_all(
            br#"<row r="1"><c r="A1" t="inlineStr"><is><t>ROW_TYPE</t></is></c></row><row r="1048576"><c r="Z1048576"><v>1</v></c></row>"#,
        )
        .expect("write");
    });
    refused_workbook(&path, "workbook_too_many_cells", "'hoja1'");
    // 4,000,001 numbers, one per row: refused while they are counted, before the last is read.
    let path = dir.path().join("llena.xlsx");
    xlsx(&path, |w| {
        let chunk = "<row><c><v>1</v></c></row>".repeat(1000);
        for _ in 0..4001 {
            w.write_all(chunk.as_bytes()).expect("write");
        }
    });
    refused_workbook(&path, "workbook_too_many_cells", "more than 4000000 cells");
}
