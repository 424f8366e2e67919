//! Bad input through `import_bytes`: each case must end Rejected with a message naming the file
//! (and the row and column where there is one) and must leave every table of the workspace as it
//! was. With `BadRowPolicy::SkipRows` the readable rows go in and the bad ones stay listed with
//! the file.

use super::{codes, fixture, payu_file, skip_bad_rows, TestWs, PAYU_HEADER};
use cuadra_core::ingest::{ImportReport, Outcome, Problem};
use cuadra_core::words::Lang;

/// A workspace that already holds a file, so "nothing written" is checked against real rows.
fn workspace_with_data() -> TestWs {
    let mut t = TestWs::new();
    let r = t.import_fixture("dlocal_crossborder_co.csv");
    assert_eq!(r.outcome, Outcome::Imported);
    t
}

/// Imports `bytes` as `name`, asserts the import was refused without touching any table, and
/// returns the report and the problem with `code`.
fn rejected(name: &str, bytes: &[u8], code: &str) -> (ImportReport, Problem) {
    let mut t = workspace_with_data();
    let before = t.table_counts();
    let report = t.import(name, bytes);
    assert_eq!(
        t.table_counts(),
        before,
        "{name}: a refused file must leave every table as it was"
    );
    assert_eq!(
        report.outcome,
        Outcome::Rejected,
        "{name}: {:#?}",
        report.problems
    );
    assert_eq!(report.file_id, None, "{name}: a refused file gets no id");
    let problem = report
        .problems
        .iter()
        .find(|p| p.code == code)
        .unwrap_or_else(|| {
            panic!(
                "{name}: expected a '{code}' problem, got {:#?}",
                report.problems
            )
        })
        .clone();
    assert_eq!(
        problem.file, name,
        "every problem names the file it is about"
    );
    (report, problem)
}

const GOOD_1: &str = "2150873461,PED-3001,camila.rojas@example.co,\"$ 150.000\",COP,EFECTY,Aprobada,14/05/2026 19:42"; // the 14th: dates read day first
const GOOD_2: &str =
    "2150873462,PED-3002,andres.diaz@example.co,\"$ 89.900\",COP,EFECTY,Pendiente,05/05/2026 08:05";
const GOOD_3: &str =
    "2150873466,PED-3006,laura.mejia@example.co,\"$ 20.000\",COP,EFECTY,Aprobada,06/05/2026 09:00";
const BAD_AMOUNT: &str = "2150873463,PED-3003,valentina.ortiz@example.co,ciento cincuenta mil,COP,EFECTY,Aprobada,05/05/2026 21:15";
const BAD_DATE: &str = "2150873464,PED-3004,santiago.mora@example.co,\"$ 62.000\",COP,EFECTY,Aprobada,32/13/2026 10:00";

#[test]
fn empty_file() {
    let (_, p) = rejected("vacio.csv", b"", "empty_file");
    assert!(p.text(Lang::En).contains("empty"), "{p}");
    let (_, p) = rejected("blancos.csv", b"\r\n\r\n   \n", "empty_file");
    assert!(
        p.text(Lang::En).contains("blank"),
        "a file of blank lines is empty too: {p}"
    );
}

#[test]
fn header_only() {
    let (_, p) = rejected("solo_encabezado.csv", PAYU_HEADER.as_bytes(), "no_rows");
    assert!(p.text(Lang::En).contains("no data rows"), "{p}");
    let dlocal = fixture("dlocal_crossborder_co.csv");
    let text = String::from_utf8(dlocal).unwrap();
    let header_only: String = text.lines().take(3).map(|l| format!("{l}\n")).collect();
    rejected("dlocal_sin_filas.csv", header_only.as_bytes(), "no_rows");
}

/// Bytes from a fixed-seed generator: reproducible garbage.
fn garbage(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn binary_garbage_and_images() {
    let mut bytes = garbage(4096, 42);
    bytes[10] = 0;
    let (_, p) = rejected("basura.bin", &bytes, "unreadable_text");
    assert!(p.text(Lang::En).contains("binary"), "{p}");
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(garbage(2000, 7));
    let (_, p) = rejected("captura.png", &png, "unreadable_text");
    assert!(
        p.text(Lang::En).contains("PNG"),
        "the message names what the file is: {p}"
    );
    let (_, p) = rejected(
        "informe.pdf",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        "unreadable_text",
    );
    assert!(p.text(Lang::En).contains("PDF"), "{p}");
}

#[test]
fn unknown_layout_tells_how_to_make_a_profile() {
    let (_, p) = rejected(
        "banco.csv",
        b"fecha;valor;detalle\n04/05/2026;150000;Consignacion Efecty\n",
        "unknown_layout",
    );
    assert!(
        p.text(Lang::En).contains("profile create"),
        "the user is told how to map the layout: {p}"
    );
    assert!(
        p.text(Lang::En).contains("fecha | valor | detalle"),
        "the message shows the header it saw: {p}"
    );
}

#[test]
fn ragged_row_names_row_and_column() {
    let ragged = "2150873463,PED-3003,valentina.ortiz@example.co,\"$ 62.000\",COP,EFECTY,Aprobada,05/05/2026 21:15,sobrante";
    let (report, p) = rejected(
        "ragged.csv",
        &payu_file(&[GOOD_1, ragged, GOOD_2]),
        "ragged_row",
    );
    assert_eq!(
        p.row,
        Some(3),
        "the header is line 1, the ragged row line 3"
    );
    assert_eq!(
        p.column.as_deref(),
        Some("I"),
        "the stray cell is in column I, past the header"
    );
    assert!(
        codes(&report).contains(&"structure_broken"),
        "the file-level verdict is reported too: a row of another width refuses the whole file"
    );
}

#[test]
fn unparseable_amount_names_row_and_column() {
    let (_, p) = rejected("monto.csv", &payu_file(&[GOOD_1, BAD_AMOUNT]), "bad_amount");
    assert_eq!(p.row, Some(3));
    assert_eq!(p.column.as_deref(), Some("Monto (D)"));
    assert!(
        p.text(Lang::En).contains("ciento cincuenta mil"),
        "the bad text is quoted back: {p}"
    );
}

/// Row numbers are the lines a text editor shows, whatever the line ends, blank lines and
/// multi-line quoted cells before the row.
#[test]
fn row_numbers_match_the_editor_in_crlf_files() {
    let crlf = String::from_utf8(payu_file(&[GOOD_1, GOOD_2, BAD_AMOUNT]))
        .unwrap()
        .replace('\n', "\r\n");
    let (_, p) = rejected("monto_excel.csv", crlf.as_bytes(), "bad_amount");
    assert_eq!(
        p.row,
        Some(4),
        "Excel on Windows writes CRLF: the bad row is still line 4"
    );
    let quoted = GOOD_2.replace("andres.diaz@example.co", "\"andres\r\ndiaz\"");
    let header = PAYU_HEADER.replace('\n', "\r\n");
    let messy = format!("{header}{GOOD_1}\r\n\r\n\r\n{quoted}\r\n{BAD_DATE}\r\n");
    let (_, p) = rejected("fecha_excel.csv", messy.as_bytes(), "bad_date");
    assert_eq!(
        p.row,
        Some(7),
        "two blank lines and a two-line cell come before line 7"
    );
}

#[test]
fn unparseable_date_names_row_and_column() {
    let (_, p) = rejected(
        "fecha.csv",
        &payu_file(&[GOOD_1, GOOD_2, BAD_DATE]),
        "bad_date",
    );
    assert_eq!(p.row, Some(4));
    assert_eq!(p.column.as_deref(), Some("Fecha de creación (H)"));
    assert!(p.text(Lang::En).contains("32/13/2026"), "{p}");
}

/// A 50 MB line must be refused, with a short message naming the line, whatever it holds
/// (letters, delimiters, an unclosed quote, or a data row under a good header). How fast is
/// measured, not asserted: `cuadra-bench huge-line` times these same four files.
#[test]
fn fifty_megabyte_single_line() {
    const SIZE: usize = 50 << 20;
    let cases: [(&str, u8, &[u8], u64); 4] = [
        ("una_linea_letras.csv", b'x', b"", 1),
        ("una_linea_comas.csv", b',', b"", 1),
        ("una_linea_comillas.csv", b'a', b"\"", 1),
        ("fila_enorme.csv", b'x', PAYU_HEADER.as_bytes(), 2),
    ];
    for (name, fill, prefix, line) in cases {
        let mut bytes = prefix.to_vec();
        bytes.resize(prefix.len() + SIZE, fill);
        let (report, p) = rejected(name, &bytes, "huge_line");
        assert_eq!(p.row, Some(line), "{name}: the message names the line");
        let longest = report
            .problems
            .iter()
            .map(|p| p.text(Lang::En).len())
            .max()
            .unwrap_or(0);
        assert!(
            longest < 1024,
            "{name}: messages must not quote the line back ({longest} bytes)"
        );
    }
}

/// Below the line limit, a huge cell is still refused by the row check, positioned, and a huge
/// first line that is not a header is quoted back shortened.
#[test]
fn huge_cells_under_the_line_limit() {
    let mut bytes = PAYU_HEADER.as_bytes().to_vec();
    bytes.extend(GOOD_1.as_bytes());
    bytes.extend(b"\n2150873462,PED-3002,");
    bytes.resize(bytes.len() + 200_000, b'z');
    bytes.extend(b",\"$ 1\",COP,EFECTY,Aprobada,05/05/2026 08:05\n");
    let (_, p) = rejected("celda_enorme.csv", &bytes, "huge_cell");
    assert_eq!(
        (p.row, p.column.as_deref()),
        (Some(3), Some("Comprador (C)"))
    );
    let (_, p) = rejected("titulo_enorme.csv", &vec![b'y'; 900_000], "unknown_layout");
    assert!(
        p.text(Lang::En).len() < 1024,
        "the first row is quoted shortened ({} bytes)",
        p.text(Lang::En).len()
    );
}

#[test]
fn invalid_bytes_for_the_claimed_encoding() {
    let (_, p) = rejected(
        "bom_mentiroso.csv",
        b"\xEF\xBB\xBFOrden,Monto\n1,Bogot\xe1\n",
        "unreadable_text",
    );
    assert!(p.text(Lang::En).contains("UTF-8"), "{p}");
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "Orden\tMonto\r\n1\t".encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    utf16.extend(0xD800u16.to_le_bytes());
    utf16.extend(b"1\x00");
    let (_, p) = rejected("unicode_danado.txt", &utf16, "unreadable_text");
    assert!(p.text(Lang::En).contains("UTF-16"), "{p}");
}

#[test]
fn old_xls_and_broken_xlsx() {
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.extend(vec![0u8; 504]);
    let (_, p) = rejected("reporte_viejo.xls", &ole, "old_excel");
    assert!(
        p.text(Lang::En).contains(".xlsx"),
        "the user is told to save it again as .xlsx: {p}"
    );
    let mut zip = b"PK\x03\x04".to_vec();
    zip.extend(garbage(1000, 3));
    let (_, p) = rejected("roto.xlsx", &zip, "unreadable_workbook");
    assert!(p.text(Lang::En).contains("save it again"), "{p}");
}

#[test]
fn bad_rows_reject_the_whole_file_by_default() {
    let bytes = payu_file(&[GOOD_1, BAD_AMOUNT, GOOD_2, BAD_DATE, GOOD_3]);
    let (report, p) = rejected("ventas_mixtas.csv", &bytes, "rows_rejected");
    assert_eq!((report.rows, report.rejected), (5, 2));
    assert_eq!(
        (report.new, report.known),
        (0, 0),
        "a refused file reports nothing as stored"
    );
    assert!(
        p.text(Lang::En).contains("--skip-bad-rows"),
        "the user learns the way out: {p}"
    );
}

#[test]
fn skip_bad_rows_imports_the_good_ones_and_keeps_the_bad_ones_listed() {
    let mut t = workspace_with_data();
    let lines_before = t.settlement_lines().len();
    let bytes = payu_file(&[GOOD_1, BAD_AMOUNT, GOOD_2, BAD_DATE, GOOD_3]);
    let report = t.import_with("ventas_mixtas.csv", &bytes, &skip_bad_rows());
    assert_eq!(report.outcome, Outcome::Imported, "{:#?}", report.problems);
    assert_eq!((report.rows, report.new, report.rejected), (5, 3, 2));
    assert_eq!(
        t.settlement_lines().len(),
        lines_before + 3,
        "only the three readable rows are lines"
    );
    let id = report.file_id.unwrap();
    let kept = t.ws.file_problems(id).unwrap();
    let listed: Vec<(Option<i64>, Option<&str>, &str)> = kept
        .iter()
        .map(|p| (p.row, p.column.as_deref(), p.code.as_str()))
        .collect();
    assert_eq!(
        listed,
        [
            (None, None, "not_a_settlement"),
            (Some(3), Some("Monto (D)"), "bad_amount"),
            (Some(5), Some("Fecha de creación (H)"), "bad_date"),
        ],
        "the skipped rows are kept with the file, positioned"
    );
    let file = t.ws.file(id).unwrap();
    assert_eq!(
        (file.rows_total, file.rows_new, file.rows_rejected),
        (5, 3, 2)
    );
    assert_eq!(
        t.ws.original_bytes(id).unwrap(),
        bytes,
        "the original, bad rows included, is kept as evidence"
    );
}
