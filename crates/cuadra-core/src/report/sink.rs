//! Where report rows go: typed cells written either as CSV text or as XLSX cells. Owns the
//! formats (currency decimals, dates in the workspace zone, text never as a formula), the CSV
//! dialects (BOM; Spanish Excel's `;` and decimal comma) and the split of a long table across
//! sheets. Never decides what a report contains.
//!
//! Money crosses into `f64` in exactly one place, [`amount_f64`]: an XLSX number cell is an
//! IEEE double, so the exact decimal text is parsed to the nearest double when the cell is
//! written. Amounts with at most 15 significant digits (every COP and USD amount a PSP writes)
//! read back exactly; longer ones are counted and reported in the Summary, and the CSV export
//! always carries the exact decimal text.

use super::ReportError;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Timelike};
use chrono_tz::Tz;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet};
use std::io::Write;

/// Excel's hard limits.
pub const EXCEL_MAX_ROWS: u32 = 1_048_576;
const EXCEL_MAX_TEXT: usize = 32_767;

/// One cell of a report row.
#[derive(Clone, Copy, Debug)]
pub enum Cell<'a> {
    Empty,
    /// Text from files or people (references, customers, explanations): neutralized in CSV,
    /// always a string cell in XLSX.
    Text(&'a str),
    /// A sentence Cuadra wrote (an explanation), rendered in the report's language; text like
    /// `Text` (it quotes references from files).
    Sentence(&'a crate::words::Msg, crate::words::Lang),
    /// Text Cuadra wrote itself (codes, keys, currencies): written as is.
    Code(&'a str),
    /// An exact decimal amount and the currency that decides its decimals.
    Amount {
        text: &'a str,
        currency: Option<&'a str>,
    },
    /// An exact decimal FX rate (4 to 6 decimals shown).
    Rate(&'a str),
    Int(i64),
    /// A time as RFC 3339 (any offset; shown in the workspace zone) or a date `YYYY-MM-DD`.
    Moment(&'a str),
    /// A section title (Summary).
    Title(&'a str),
}

/// A destination for rows.
pub trait Sink {
    /// A table's header: the first row of a table (repeated on each continuation sheet).
    fn header(&mut self, labels: &[&str]) -> Result<(), ReportError>;
    fn row(&mut self, cells: &[Cell<'_>]) -> Result<(), ReportError>;
    fn blank(&mut self) -> Result<(), ReportError>;
}

/// The CSV dialect.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct CsvOptions {
    /// `;` between fields and a decimal comma in amounts (what Excel in a Spanish locale opens
    /// directly). The BOM is written either way.
    pub excel_es: bool,
}

pub struct CsvSink<W: Write> {
    w: csv::Writer<W>,
    excel_es: bool,
    record: Vec<String>,
}

fn io_err(e: impl std::fmt::Display) -> ReportError {
    ReportError::Write(e.to_string())
}

impl<W: Write> CsvSink<W> {
    pub fn new(mut out: W, opts: CsvOptions) -> Result<CsvSink<W>, ReportError> {
        out.write_all("\u{feff}".as_bytes()).map_err(io_err)?;
        let w = csv::WriterBuilder::new()
            .delimiter(if opts.excel_es { b';' } else { b',' })
            .flexible(true)
            .from_writer(out);
        Ok(CsvSink {
            w,
            excel_es: opts.excel_es,
            record: Vec::new(),
        })
    }

    pub fn finish(mut self) -> Result<W, ReportError> {
        self.w.flush().map_err(io_err)?;
        self.w.into_inner().map_err(|e| io_err(e.error()))
    }

    fn number_text(&self, text: &str) -> String {
        if self.excel_es {
            text.replace('.', ",")
        } else {
            text.to_string()
        }
    }
}

impl<W: Write> Sink for CsvSink<W> {
    fn header(&mut self, labels: &[&str]) -> Result<(), ReportError> {
        self.w.write_record(labels).map_err(io_err)
    }

    fn row(&mut self, cells: &[Cell<'_>]) -> Result<(), ReportError> {
        self.record.clear();
        for cell in cells {
            let text = match cell {
                Cell::Empty => String::new(),
                Cell::Text(t) => neutralize(t).into_owned(),
                Cell::Sentence(m, lang) => neutralize(&m.render(*lang)).into_owned(),
                Cell::Code(t) | Cell::Moment(t) => (*t).to_string(),
                Cell::Title(t) => neutralize(t).into_owned(),
                Cell::Amount { text, .. } | Cell::Rate(text) => self.number_text(text),
                Cell::Int(n) => n.to_string(),
            };
            self.record.push(text);
        }
        self.w.write_record(&self.record).map_err(io_err)
    }

    fn blank(&mut self) -> Result<(), ReportError> {
        self.w
            .write_record(std::iter::empty::<&[u8]>())
            .map_err(io_err)
    }
}

/// Test-only knobs of the XLSX writer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct XlsxOptions {
    /// Rows per sheet, the header included (Excel's limit, 1,048,576, by default). A table
    /// longer than this continues on a next sheet (`Exceptions (2)`) with the header repeated.
    pub max_rows_per_sheet: u32,
}

impl Default for XlsxOptions {
    fn default() -> XlsxOptions {
        XlsxOptions {
            max_rows_per_sheet: EXCEL_MAX_ROWS,
        }
    }
}

/// The cell formats of one workbook.
pub struct Formats {
    header: Format,
    title: Format,
    /// Index = decimals (0 to 4).
    amount: [Format; 5],
    rate: Format,
    datetime: Format,
    date: Format,
}

impl Formats {
    pub fn new() -> Formats {
        let amount = |decimals: usize| {
            let code = if decimals == 0 {
                "#,##0".to_string()
            } else {
                format!("#,##0.{}", "0".repeat(decimals))
            };
            Format::new().set_num_format(code)
        };
        Formats {
            header: Format::new()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            title: Format::new().set_bold(),
            amount: [amount(0), amount(1), amount(2), amount(3), amount(4)],
            rate: Format::new().set_num_format("#,##0.0000##"),
            datetime: Format::new().set_num_format("yyyy-mm-dd hh:mm:ss"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
        }
    }
}

impl Default for Formats {
    fn default() -> Formats {
        Formats::new()
    }
}

/// The exact decimal `text` as the nearest `f64`: the one place money becomes a float (an XLSX
/// number cell holds a double). `None` when the text is not a decimal.
pub fn amount_f64(text: &str) -> Option<(f64, bool)> {
    let t = text.trim();
    let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !all_digits(int) || !all_digits(frac) {
        return None;
    }
    // Significant digits: from the first non-zero digit to the last non-zero decimal. Up to 15
    // of them a double reads back as the same decimal.
    let joined_len = int.len() + frac.trim_end_matches('0').len();
    let leading_zeros = int
        .bytes()
        .chain(frac.bytes())
        .take_while(|b| *b == b'0')
        .count();
    let significant = joined_len.saturating_sub(leading_zeros);
    // Rust parses decimal text to the correctly rounded nearest double: no binary detour.
    let value: f64 = t.parse().ok()?;
    Some((value, significant <= 15))
}

/// An Excel serial date (days since 1899-12-30, fraction = time of day) of a local wall time.
fn excel_serial(t: NaiveDateTime) -> f64 {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    let days = t.date().signed_duration_since(epoch).num_days() as f64;
    let secs = t.time().num_seconds_from_midnight() as f64 + t.time().nanosecond() as f64 / 1e9;
    days + secs / 86_400.0
}

/// A moment's Excel serial in the workspace zone, and whether it is a date alone.
pub fn moment_serial(text: &str, zone: Tz) -> Option<(f64, bool)> {
    let text = text.trim();
    if text.len() == 10 {
        let d = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
        return Some((excel_serial(d.and_hms_opt(0, 0, 0)?), true));
    }
    let t = DateTime::parse_from_rfc3339(text).ok()?;
    Some((excel_serial(t.with_timezone(&zone).naive_local()), false))
}

/// How a table sheet is laid out.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A table: header row frozen and filtered, continued on a next sheet past the row limit.
    /// Written in constant-memory mode (row by row, flushed to a temporary file).
    Table,
    /// Free rows (the Summary): sections with their own titles and headers, kept in memory.
    Free,
}

/// Rows into one logical XLSX sheet (possibly several physical ones).
pub struct XlsxSheet<'w> {
    wb: &'w mut Workbook,
    formats: &'w Formats,
    st: SheetState,
}

/// A logical sheet's position and tallies, apart from the workbook, so several logical sheets
/// can be written in one pass ([`XlsxSheet::detach`], [`XlsxSheet::attach`]).
pub struct SheetState {
    zone: Tz,
    layout: Layout,
    base_name: String,
    widths: Vec<f64>,
    header: Vec<String>,
    max_rows: u32,
    sheet: usize,
    part: u32,
    /// The next row to write on the current sheet.
    next_row: u32,
    columns: u16,
    /// Per column, the number style set as the column's format (Table layout): a cell in that
    /// style is written unformatted and inherits it, which spares a format lookup per cell.
    col_style: Vec<Option<Style>>,
    /// Data rows written over all parts.
    pub rows: u64,
    /// Amount cells Excel cannot hold exactly (more than 15 significant digits).
    pub inexact_amounts: u64,
    /// Continuation sheets added ahead of time (in tab order), used before adding new ones.
    planned: std::collections::VecDeque<usize>,
}

fn xlsx_err(e: rust_xlsxwriter::XlsxError) -> ReportError {
    ReportError::Xlsx(e.to_string())
}

impl<'w> XlsxSheet<'w> {
    /// Adds the sheet `name` to the workbook. `widths` are column widths in characters.
    pub fn new(
        wb: &'w mut Workbook,
        formats: &'w Formats,
        zone: Tz,
        layout: Layout,
        name: &str,
        widths: &[f64],
        opts: XlsxOptions,
    ) -> Result<XlsxSheet<'w>, ReportError> {
        let mut s = XlsxSheet {
            wb,
            formats,
            st: SheetState {
                zone,
                layout,
                base_name: name.to_string(),
                widths: widths.to_vec(),
                header: Vec::new(),
                max_rows: opts.max_rows_per_sheet.clamp(2, EXCEL_MAX_ROWS),
                sheet: 0,
                part: 0,
                next_row: 0,
                columns: 0,
                col_style: Vec::new(),
                rows: 0,
                inexact_amounts: 0,
                planned: Default::default(),
            },
        };
        s.add_part()?;
        Ok(s)
    }

    /// Continues a free-layout sheet added earlier (the workbook's Summary, written last).
    pub fn reopen(
        wb: &'w mut Workbook,
        formats: &'w Formats,
        zone: Tz,
        index: usize,
        widths: &[f64],
    ) -> Result<XlsxSheet<'w>, ReportError> {
        wb.worksheet_from_index(index).map_err(xlsx_err)?;
        Ok(XlsxSheet {
            wb,
            formats,
            st: SheetState {
                zone,
                layout: Layout::Free,
                base_name: String::new(),
                widths: widths.to_vec(),
                header: Vec::new(),
                max_rows: EXCEL_MAX_ROWS,
                sheet: index,
                part: 1,
                next_row: 0,
                columns: 0,
                col_style: Vec::new(),
                rows: 0,
                inexact_amounts: 0,
                planned: Default::default(),
            },
        })
    }

    /// Parks the sheet's state, releasing the workbook.
    pub fn detach(self) -> SheetState {
        self.st
    }

    /// Resumes writing a parked sheet.
    pub fn attach(wb: &'w mut Workbook, formats: &'w Formats, st: SheetState) -> XlsxSheet<'w> {
        XlsxSheet { wb, formats, st }
    }

    /// Adds now the continuation sheets `rows` data rows will need, so they sit right after
    /// this one in tab order even when other sheets are written in the same pass.
    pub fn plan_rows(&mut self, rows: u64) -> Result<(), ReportError> {
        if self.st.layout != Layout::Table {
            return Ok(());
        }
        let per_part = u64::from(self.st.max_rows - 1);
        let parts = rows.div_ceil(per_part).max(1);
        for n in 2..=parts {
            let name = format!("{} ({n})", self.st.base_name);
            let ws = self
                .wb
                .add_worksheet_with_constant_memory()
                .map_err(xlsx_err)?;
            ws.set_name(&name).map_err(xlsx_err)?;
            for (i, w) in self.st.widths.iter().enumerate() {
                ws.set_column_width(i as u16, *w).map_err(xlsx_err)?;
            }
            let index = self.wb.worksheets().len() - 1;
            self.st.planned.push_back(index);
        }
        Ok(())
    }

    fn add_part(&mut self) -> Result<(), ReportError> {
        self.close_part()?;
        self.st.part += 1;
        let name = if self.st.part == 1 {
            self.st.base_name.clone()
        } else {
            format!("{} ({})", self.st.base_name, self.st.part)
        };
        if let Some(index) = self.st.planned.pop_front() {
            self.st.sheet = index;
        } else {
            let ws = match self.st.layout {
                Layout::Table => self
                    .wb
                    .add_worksheet_with_constant_memory()
                    .map_err(xlsx_err)?,
                Layout::Free => self.wb.add_worksheet(),
            };
            ws.set_name(&name).map_err(xlsx_err)?;
            for (i, w) in self.st.widths.iter().enumerate() {
                ws.set_column_width(i as u16, *w).map_err(xlsx_err)?;
            }
            self.st.sheet = self.wb.worksheets().len() - 1;
        }
        self.st.next_row = 0;
        self.st.col_style.clear();
        if self.st.layout == Layout::Table && !self.st.header.is_empty() {
            let header = std::mem::take(&mut self.st.header);
            let result = self.write_header(&header);
            self.st.header = header;
            result?;
        }
        Ok(())
    }

    /// Freezes and filters the header of the current part.
    fn close_part(&mut self) -> Result<(), ReportError> {
        if self.st.part == 0 || self.st.layout != Layout::Table || self.st.header.is_empty() {
            return Ok(());
        }
        let last = self.st.next_row.saturating_sub(1).max(1);
        let cols = self.st.columns.saturating_sub(1);
        let ws = self.ws()?;
        ws.set_freeze_panes(1, 0).map_err(xlsx_err)?;
        ws.autofilter(0, 0, last, cols).map_err(xlsx_err)?;
        Ok(())
    }

    /// Finishes the last part.
    pub fn finish(mut self) -> Result<(u64, u64), ReportError> {
        self.close_part()?;
        Ok((self.st.rows, self.st.inexact_amounts))
    }

    fn ws(&mut self) -> Result<&mut Worksheet, ReportError> {
        self.wb
            .worksheet_from_index(self.st.sheet)
            .map_err(xlsx_err)
    }

    fn write_header(&mut self, labels: &[String]) -> Result<(), ReportError> {
        let row = self.st.next_row;
        let f = &self.formats.header;
        let ws = self
            .wb
            .worksheet_from_index(self.st.sheet)
            .map_err(xlsx_err)?;
        for (c, l) in labels.iter().enumerate() {
            ws.write_string_with_format(row, c as u16, l, f)
                .map_err(xlsx_err)?;
        }
        self.st.columns = self.st.columns.max(labels.len() as u16);
        self.st.next_row += 1;
        Ok(())
    }
}

/// A number cell's style.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Amount(usize),
    Rate,
    DateTime,
    Date,
}

impl Formats {
    fn of(&self, style: Style) -> &Format {
        match style {
            Style::Amount(d) => &self.amount[d.min(4)],
            Style::Rate => &self.rate,
            Style::DateTime => &self.datetime,
            Style::Date => &self.date,
        }
    }
}

/// Writes a styled number: in a table, the first style seen in a column becomes the column's
/// format and later cells of that style inherit it; other cells carry their own format.
#[allow(clippy::too_many_arguments)]
fn write_styled(
    ws: &mut Worksheet,
    col_style: &mut Vec<Option<Style>>,
    table: bool,
    formats: &Formats,
    row: u32,
    col: u16,
    value: f64,
    style: Style,
) -> Result<(), ReportError> {
    if table {
        let c = col as usize;
        if col_style.len() <= c {
            col_style.resize(c + 1, None);
        }
        match col_style[c] {
            None => {
                ws.set_column_format(col, formats.of(style))
                    .map_err(xlsx_err)?;
                col_style[c] = Some(style);
                ws.write_number(row, col, value).map_err(xlsx_err)?;
                return Ok(());
            }
            Some(s) if s == style => {
                ws.write_number(row, col, value).map_err(xlsx_err)?;
                return Ok(());
            }
            Some(_) => {}
        }
    }
    ws.write_number_with_format(row, col, value, formats.of(style))
        .map_err(xlsx_err)?;
    Ok(())
}

/// Excel refuses text longer than 32,767 characters: longer text is cut there with a marker
/// (the CSV export keeps it whole).
fn fit_text(t: &str) -> std::borrow::Cow<'_, str> {
    if t.len() <= EXCEL_MAX_TEXT {
        return t.into();
    }
    let marker = " [...]";
    let mut end = EXCEL_MAX_TEXT - marker.len();
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}{marker}", &t[..end]).into()
}

impl Sink for XlsxSheet<'_> {
    fn header(&mut self, labels: &[&str]) -> Result<(), ReportError> {
        let labels: Vec<String> = labels.iter().map(|l| l.to_string()).collect();
        if self.st.layout == Layout::Table {
            self.st.header = labels.clone();
        }
        self.write_header(&labels)
    }

    fn row(&mut self, cells: &[Cell<'_>]) -> Result<(), ReportError> {
        if self.st.layout == Layout::Table && self.st.next_row >= self.st.max_rows {
            self.add_part()?;
        }
        let row = self.st.next_row;
        let zone = self.st.zone;
        let f = self.formats;
        let table = self.st.layout == Layout::Table;
        let mut inexact = 0;
        let col_style = &mut self.st.col_style;
        let ws = self
            .wb
            .worksheet_from_index(self.st.sheet)
            .map_err(xlsx_err)?;
        for (c, cell) in cells.iter().enumerate() {
            let col = c as u16;
            match *cell {
                Cell::Empty => {}
                // Always a string cell: a leading `=` is text, never a formula.
                // (Unformatted: a per-cell format costs a hash lookup, and a string cell is text
                // whatever its format.)
                Cell::Text(t) | Cell::Code(t) => {
                    if !t.is_empty() {
                        ws.write_string(row, col, fit_text(t)).map_err(xlsx_err)?;
                    }
                }
                Cell::Sentence(m, lang) => {
                    let t = m.render(lang);
                    if !t.is_empty() {
                        ws.write_string(row, col, fit_text(&t)).map_err(xlsx_err)?;
                    }
                }
                Cell::Title(t) => {
                    ws.write_string_with_format(row, col, fit_text(t), &f.title)
                        .map_err(xlsx_err)?;
                }
                Cell::Amount { text, currency } => {
                    if text.is_empty() {
                        continue;
                    }
                    match amount_f64(text) {
                        Some((value, exact)) => {
                            if !exact {
                                inexact += 1;
                            }
                            let decimals = currency
                                .map(crate::money::currency_scale)
                                .unwrap_or(2)
                                .min(4) as usize;
                            let style = Style::Amount(decimals);
                            write_styled(ws, col_style, table, f, row, col, value, style)?;
                        }
                        None => {
                            ws.write_string(row, col, fit_text(text))
                                .map_err(xlsx_err)?;
                        }
                    }
                }
                Cell::Rate(text) => match amount_f64(text) {
                    Some((value, _)) => {
                        write_styled(ws, col_style, table, f, row, col, value, Style::Rate)?;
                    }
                    None if text.is_empty() => {}
                    None => {
                        ws.write_string(row, col, fit_text(text))
                            .map_err(xlsx_err)?;
                    }
                },
                Cell::Int(n) => {
                    ws.write_number(row, col, n as f64).map_err(xlsx_err)?;
                }
                Cell::Moment(text) => match moment_serial(text, zone) {
                    Some((serial, date_only)) => {
                        let style = if date_only {
                            Style::Date
                        } else {
                            Style::DateTime
                        };
                        write_styled(ws, col_style, table, f, row, col, serial, style)?;
                    }
                    None if text.is_empty() => {}
                    None => {
                        ws.write_string(row, col, fit_text(text))
                            .map_err(xlsx_err)?;
                    }
                },
            }
        }
        self.st.inexact_amounts += inexact;
        self.st.columns = self.st.columns.max(cells.len() as u16);
        self.st.next_row += 1;
        if self.st.layout == Layout::Table {
            self.st.rows += 1;
        }
        Ok(())
    }

    fn blank(&mut self) -> Result<(), ReportError> {
        self.st.next_row += 1;
        Ok(())
    }
}

/// A cell Excel or LibreOffice would evaluate (`=`, `+`, `-`, `@`, tab, carriage return first)
/// gets a leading apostrophe, so an imported reference can never run as a formula.
pub fn neutralize(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}").into(),
        _ => text.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_cross_into_floats_only_by_their_decimal_text() {
        assert_eq!(amount_f64("150000"), Some((150000.0, true)));
        assert_eq!(amount_f64("37.383178"), Some((37.383178, true)));
        assert_eq!(amount_f64("-0.10"), Some((-0.1, true)));
        let (_, exact) = amount_f64("1234567890.1234567").expect("a decimal");
        assert!(!exact, "17 significant digits do not survive a double");
        assert_eq!(amount_f64("abc"), None);
        assert_eq!(
            amount_f64("1e5"),
            None,
            "only plain decimal text is an amount"
        );
        assert_eq!(amount_f64("0.000094"), Some((0.000094, true)));
        assert_eq!(
            amount_f64("123456789012345.0000"),
            Some((123456789012345.0, true))
        );
    }

    #[test]
    fn moments_become_excel_serials_in_the_workspace_zone() {
        let zone = chrono_tz::America::Bogota;
        assert_eq!(moment_serial("1900-01-01", zone), Some((2.0, true)));
        // 05:00 UTC is midnight in Bogotá.
        let (serial, date_only) = moment_serial("2026-05-05T05:00:00Z", zone).expect("time");
        assert!(!date_only);
        let (midnight, _) = moment_serial("2026-05-05", zone).expect("date");
        assert_eq!(
            serial, midnight,
            "a UTC time is shown in the workspace zone"
        );
        assert_eq!(moment_serial("yesterday", zone), None);
    }

    #[test]
    fn spanish_excel_csv_uses_semicolons_and_decimal_commas_and_neutralizes_text() {
        let mut sink = CsvSink::new(Vec::new(), CsvOptions { excel_es: true }).expect("sink");
        sink.header(&["a", "b", "c"]).expect("header");
        sink.row(&[
            Cell::Text("=1+2"),
            Cell::Amount {
                text: "-1234.5",
                currency: Some("USD"),
            },
            Cell::Code("x"),
        ])
        .expect("row");
        let bytes = sink.finish().expect("finish");
        assert_eq!(
            String::from_utf8(bytes).expect("utf8"),
            "\u{feff}a;b;c\n'=1+2;-1234,5;x\n"
        );
    }

    #[test]
    fn formulas_from_files_are_neutralized() {
        assert_eq!(neutralize("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralize("+57 300"), "'+57 300");
        assert_eq!(neutralize("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralize("#1001"), "#1001");
        assert_eq!(neutralize("T-648-x1"), "T-648-x1");
    }
}
