//! XLSX fixtures, written by `rust_xlsxwriter` from the hand-written CSV fixtures so both
//! containers carry the same data: plain numbers become numeric cells, ISO dates become date
//! cells, and everything else (identifiers with leading zeros above all) stays a text cell, as a
//! finance team's workbook would hold them.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// How a CSV cell is written into the workbook.
#[derive(Debug, PartialEq)]
pub enum Cell<'a> {
    Empty,
    Number(f64),
    DateTime(&'a str),
    Date(&'a str),
    Text(&'a str),
}

/// The cell type a spreadsheet user would end up with for `text`.
pub fn classify(text: &str) -> Cell<'_> {
    if text.is_empty() {
        return Cell::Empty;
    }
    let b = text.as_bytes();
    let digits = text.strip_prefix('-').unwrap_or(text);
    let plain_number = !digits.is_empty()
        && digits.bytes().all(|c| c.is_ascii_digit() || c == b'.')
        && digits.bytes().filter(|c| *c == b'.').count() <= 1
        && digits.as_bytes()[0].is_ascii_digit()
        && digits.len() <= 15;
    // `0012` is an identifier: a number cell would lose its zeros.
    let leading_zero_id =
        digits.len() > 1 && digits.starts_with('0') && digits.as_bytes()[1] != b'.';
    if plain_number && !leading_zero_id {
        if let Ok(n) = text.parse::<f64>() {
            return Cell::Number(n);
        }
    }
    let is_date = |s: &[u8]| {
        s.len() == 10
            && s[4] == b'-'
            && s[7] == b'-'
            && s.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    };
    if b.len() == 19 && is_date(&b[..10]) && b[10] == b' ' && b[13] == b':' && b[16] == b':' {
        return Cell::DateTime(text);
    }
    if is_date(b) {
        return Cell::Date(text);
    }
    Cell::Text(text)
}

/// A one-sheet workbook with the rows of a UTF-8 CSV fixture, typed by [`classify`].
pub fn from_csv(csv_bytes: &[u8], delimiter: u8, sheet: &str) -> Vec<u8> {
    let text = std::str::from_utf8(csv_bytes).unwrap();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut book = Workbook::new();
    let datetime = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let ws = book.add_worksheet();
    ws.set_name(sheet).unwrap();
    for (r, record) in reader.records().enumerate() {
        let record = record.unwrap();
        for (c, cell) in record.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match classify(cell) {
                Cell::Empty => {}
                Cell::Number(n) => {
                    ws.write_number(r, c, n).unwrap();
                }
                Cell::DateTime(t) | Cell::Date(t) => {
                    let fmt = if t.len() == 10 { &date } else { &datetime };
                    let dt = ExcelDateTime::parse_from_str(t).unwrap();
                    ws.write_datetime_with_format(r, c, &dt, fmt).unwrap();
                }
                Cell::Text(t) => {
                    ws.write_string(r, c, t).unwrap();
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn cells_are_typed_as_a_spreadsheet_user_would_have_them() {
    assert_eq!(classify("150000"), Cell::Number(150000.0));
    assert_eq!(classify("-0.672150"), Cell::Number(-0.67215));
    assert_eq!(classify("0"), Cell::Number(0.0));
    assert_eq!(classify("0.5"), Cell::Number(0.5));
    assert_eq!(
        classify("000123"),
        Cell::Text("000123"),
        "leading zeros make an id, not a number"
    );
    assert_eq!(classify("01023456789"), Cell::Text("01023456789"));
    assert_eq!(
        classify("2026-05-04 19:42:10"),
        Cell::DateTime("2026-05-04 19:42:10")
    );
    assert_eq!(classify("2026-05-08"), Cell::Date("2026-05-08"));
    assert_eq!(
        classify("2026-05-04 19:30:00 -0500"),
        Cell::Text("2026-05-04 19:30:00 -0500")
    );
    assert_eq!(classify("T-912-ey10001"), Cell::Text("T-912-ey10001"));
}
