//! Rows out of an imported file, whatever its container: delimited text in any of the encodings
//! Excel and PSPs write, or an XLSX workbook. Every row carries its 1-based position. Cells are
//! text here; XLSX numbers and dates become their exact text so one parser serves both.

use super::report::{Problem, Severity};
use super::words as w;
use crate::decode::{self, TextEncoding};
use crate::msg;
use crate::words::Msg;
use calamine::{Data, Reader, Xlsx};
use csv::StringRecord;
use std::borrow::Cow;
use std::io::Cursor;

/// A cell longer than this is not a value but a broken file (an unclosed quote, a binary blob).
pub const MAX_CELL_BYTES: usize = 64 * 1024;
/// A physical line longer than this is refused before any CSV parsing: rows of real exports are
/// a few KB (cells are capped at 64 KB), and parsing a 50 MB line of delimiters would cost
/// gigabytes of field bounds.
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// A file opened for reading rows.
pub enum Source<'a> {
    Text {
        text: Cow<'a, str>,
        encoding: TextEncoding,
        delimiter: u8,
        /// An unclosed quote and a last row without a line break, as [`text_shape`] found them.
        shape: TextShape,
    },
    /// A large UTF-8 file, read from disk in chunks rather than held in memory.
    TextFile {
        path: std::path::PathBuf,
        encoding: TextEncoding,
        delimiter: u8,
    },
    Workbook {
        /// Every non-empty sheet, in workbook order, as rows of text cells.
        sheets: Vec<(String, Vec<Vec<String>>)>,
        /// Numeric cells whose float could not be written exactly (reported as warnings).
        warnings: Vec<Problem>,
    },
}

/// Where a file-level read failure happened, with the advice the user needs.
pub struct OpenError {
    pub code: &'static str,
    pub message: Msg,
    /// The 1-based line the failure is on, when it is on one.
    pub row: Option<u64>,
}

impl<'a> Source<'a> {
    /// Opens `bytes` as a workbook or as delimited text.
    pub fn open(file: &str, bytes: &'a [u8]) -> Result<Source<'a>, OpenError> {
        if bytes.is_empty() {
            return Err(OpenError {
                code: "empty_file",
                message: msg!(w::FILE_EMPTY),
                row: None,
            });
        }
        if decode::is_ole_xls(bytes) {
            return Err(OpenError {
                code: "old_excel",
                message: msg!(w::OLD_EXCEL),
                row: None,
            });
        }
        if decode::is_zip(bytes) {
            return open_workbook(file, bytes);
        }
        let (text, encoding) = decode::decode_text(bytes).map_err(|e| OpenError {
            code: "unreadable_text",
            message: e.msg(),
            row: None,
        })?;
        if text.trim().is_empty() {
            return Err(OpenError {
                code: "empty_file",
                message: msg!(w::FILE_BLANK),
                row: None,
            });
        }
        if let Some((line, len)) = overlong_line(&text) {
            return Err(OpenError {
                code: "huge_line",
                message: msg!(
                    w::HUGE_LINE,
                    w::int(line),
                    format!("{:.1}", len as f64 / (1024.0 * 1024.0))
                ),
                row: Some(line),
            });
        }
        let delimiter = decode::sniff_delimiter(&text);
        let shape = text_shape(text.as_bytes(), delimiter);
        Ok(Source::Text {
            text,
            encoding,
            delimiter,
            shape,
        })
    }

    /// Where a quote opens that is never closed (the csv crate reads such a file to its end as
    /// one cell, without an error).
    pub fn open_quote(&self) -> Option<OpenQuote> {
        match self {
            Source::Text { shape, .. } => shape.open_quote.clone(),
            _ => None,
        }
    }

    /// The line the last record starts on when the text ends without a line break after it:
    /// a row there that is short of cells was cut off.
    pub fn unterminated_last_row(&self) -> Option<u64> {
        match self {
            Source::Text { shape, .. } => shape.unterminated_last_row,
            _ => None,
        }
    }

    /// Readers over each part of the file (one for text, one per sheet for a workbook).
    pub fn parts(&self) -> Vec<RowReader<'_>> {
        match self {
            Source::Text {
                text, delimiter, ..
            } => vec![RowReader::Csv {
                reader: csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .delimiter(*delimiter)
                    .from_reader(text.as_bytes()),
                text: text.as_bytes(),
                lines: LineCounter::default(),
            }],
            Source::TextFile {
                path,
                encoding,
                delimiter,
            } => vec![match super::stream::ChunkedCsv::open(
                path,
                *delimiter,
                *encoding == TextEncoding::Utf8Bom,
            ) {
                Ok(c) => RowReader::Chunked(Box::new(c)),
                Err(e) => RowReader::Failed(Some(msg!(w::REOPEN_FAILED, e.to_string()))),
            }],
            Source::Workbook { sheets, .. } => sheets
                .iter()
                .map(|(name, rows)| RowReader::Sheet {
                    name: name.clone(),
                    rows,
                    next: 0,
                })
                .collect(),
        }
    }
}

impl Source<'static> {
    /// A large file on disk that a streaming scan found to be UTF-8 text, or None when it should be
    /// read whole instead (a workbook, another encoding, binary).
    pub fn open_large_text(
        path: &std::path::Path,
        scan: &super::stream::FileScan,
    ) -> Option<Source<'static>> {
        let prefix = &scan.prefix;
        if !scan.utf8 || decode::is_zip(prefix) || decode::is_ole_xls(prefix) {
            return None;
        }
        // The prefix may end inside a character: decode only its complete part.
        let whole = match std::str::from_utf8(prefix) {
            Ok(_) => prefix.len(),
            Err(e) => e.valid_up_to(),
        };
        let (text, encoding) = decode::decode_text(&prefix[..whole]).ok()?;
        if !matches!(encoding, TextEncoding::Utf8 | TextEncoding::Utf8Bom) {
            return None;
        }
        let delimiter = decode::sniff_delimiter(&text);
        Some(Source::TextFile {
            path: path.to_path_buf(),
            encoding,
            delimiter,
        })
    }
}

/// A quote that opens a cell and is never closed, or closes in the middle of a later cell: the
/// record's 1-based line, the cell's 0-based index in its record, the cell's first characters,
/// and the line where the quote closes (None: it never does).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenQuote {
    pub line: u64,
    pub field: usize,
    pub start: String,
    pub closes_at: Option<u64>,
}

/// What one pass over delimited text finds that the csv crate reads without an error.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextShape {
    pub open_quote: Option<OpenQuote>,
    /// The line the last record starts on, when no line break ends it.
    pub unterminated_last_row: Option<u64>,
}

/// Reads `text` the way the csv crate does (RFC 4180 quoting: a quote opens a quoted cell only
/// at the start of a cell, `""` inside it is a quote, and after the closing quote the cell goes
/// on unquoted) and reports what the crate reads silently: a quoted cell still open at the end
/// (it swallows every row after it), a closing quote followed by more text in the same cell (a
/// quote left open that a later cell's quote closed, swallowing the rows between), and a last
/// record that no line break ends.
pub fn text_shape(text: &[u8], delimiter: u8) -> TextShape {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        CellStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::CellStart;
    let mut line = 1u64;
    let mut record_line = 1u64;
    let mut record_has_content = false;
    let mut field = 0usize;
    // (line of the record, field index, byte offset) of the quote that opened the current cell
    let mut opened = (0u64, 0usize, 0usize);
    let mut damage = None;
    let describe = |opened: (u64, usize, usize), closes_at: Option<u64>| {
        let cell = String::from_utf8_lossy(&text[opened.2..text.len().min(opened.2 + 200)]);
        let start: String = cell
            .chars()
            .take_while(|c| !c.is_control())
            .take(30)
            .collect();
        OpenQuote {
            line: opened.0,
            field: opened.1,
            start: format!("{start}…"),
            closes_at,
        }
    };
    for (i, &b) in text.iter().enumerate() {
        if b == b'\n' {
            line += 1;
        }
        match state {
            State::Quoted => {
                if b == b'"' {
                    state = State::QuoteInQuoted;
                }
                continue;
            }
            State::QuoteInQuoted => match b {
                b'"' => {
                    state = State::Quoted;
                    continue;
                }
                b' ' | b'\t' | b'\r' | b'\n' => {}
                _ if b == delimiter => {}
                _ => {
                    if damage.is_none() {
                        damage = Some(describe(opened, Some(line)));
                    }
                }
            },
            _ => {}
        }
        if b == b'\n' || b == b'\r' {
            state = State::CellStart;
            field = 0;
            record_has_content = false;
            continue;
        }
        if !record_has_content {
            record_has_content = true;
            record_line = line;
        }
        if b == delimiter {
            state = State::CellStart;
            field += 1;
        } else if b == b'"' && state == State::CellStart {
            state = State::Quoted;
            opened = (record_line, field, i);
        } else {
            state = State::Unquoted;
        }
    }
    if state == State::Quoted && damage.is_none() {
        damage = Some(describe(opened, None));
    }
    let unterminated_last_row =
        (record_has_content && !matches!(text.last(), Some(b'\n' | b'\r'))).then_some(record_line);
    TextShape {
        open_quote: damage,
        unterminated_last_row,
    }
}

/// The first physical line longer than [`MAX_LINE_BYTES`]: its 1-based number and length.
fn overlong_line(text: &str) -> Option<(u64, usize)> {
    let bytes = text.as_bytes();
    if bytes.len() <= MAX_LINE_BYTES {
        return None;
    }
    bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .find(|(_, line)| line.len() > MAX_LINE_BYTES)
        .map(|(i, line)| (i as u64 + 1, line.len()))
}

/// The most a workbook may unpack to: every entry's bytes, as declared and as actually
/// inflated. Real PSP and shop exports saved as XLSX unpack to a few MB per 10,000 rows; a
/// zip bomb of 2 MB unpacks to gigabytes. Larger reports belong in CSV, which is streamed.
pub const MAX_WORKBOOK_UNPACKED_BYTES: u64 = 256 << 20;
/// The most cells a workbook's sheets may span (rows times columns, blanks included, as they are
/// held in memory): 4 million is 160,000 rows of 25 columns.
pub const MAX_WORKBOOK_CELLS: u64 = 4_000_000;

fn too_big() -> OpenError {
    OpenError {
        code: "workbook_too_big",
        message: msg!(
            w::WORKBOOK_TOO_BIG,
            w::int(MAX_WORKBOOK_UNPACKED_BYTES >> 20)
        ),
        row: None,
    }
}

/// Refuses a workbook whose entries unpack to more than [`MAX_WORKBOOK_UNPACKED_BYTES`]: first by
/// the sizes the zip declares (free), then by inflating each entry into nothing and counting,
/// since a declared size can lie. A zip this reader cannot list is left to calamine's error.
fn check_unpacked_size(bytes: &[u8]) -> Result<(), OpenError> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut declared = 0u64;
    for i in 0..zip.len() {
        if let Ok(entry) = zip.by_index_raw(i) {
            declared = declared.saturating_add(entry.size());
        }
        if declared > MAX_WORKBOOK_UNPACKED_BYTES {
            return Err(too_big());
        }
    }
    let mut inflated = 0u64;
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index(i) else {
            continue;
        };
        let budget = MAX_WORKBOOK_UNPACKED_BYTES - inflated;
        // An entry that cannot be inflated is left to calamine, which says why.
        let n = std::io::copy(
            &mut std::io::Read::take(entry, budget + 1),
            &mut std::io::sink(),
        )
        .unwrap_or(0);
        inflated += n;
        if n > budget {
            return Err(too_big());
        }
    }
    Ok(())
}

fn open_workbook<'a>(file: &str, bytes: &'a [u8]) -> Result<Source<'a>, OpenError> {
    check_unpacked_size(bytes)?;
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| OpenError {
        code: "unreadable_workbook",
        message: msg!(w::UNREADABLE_WORKBOOK, e.to_string()),
        row: None,
    })?;
    let mut sheets = Vec::new();
    let mut warnings = Vec::new();
    let mut cells_left = MAX_WORKBOOK_CELLS;
    for name in book.sheet_names() {
        let unreadable = |e: calamine::XlsxError| Problem {
            file: file.to_string(),
            sheet: Some(name.clone()),
            row: None,
            column: None,
            severity: Severity::Warning,
            code: "unreadable_sheet".into(),
            message: msg!(w::UNREADABLE_SHEET, e.to_string()),
        };
        // The sheet's used cells, read one at a time and counted, so a sheet that declares (or
        // holds) millions of cells is refused before they are in memory. calamine's own
        // `worksheet_range` would allocate every row times every column first.
        let mut used: Vec<((u32, u32), Data)> = Vec::new();
        let mut reader = match book.worksheet_cells_reader(&name) {
            Ok(r) => r,
            Err(calamine::XlsxError::NotAWorksheet(_)) => continue,
            Err(e) => {
                warnings.push(unreadable(e));
                continue;
            }
        };
        let too_many = || OpenError {
            code: "workbook_too_many_cells",
            message: msg!(
                w::WORKBOOK_TOO_MANY_CELLS,
                &name,
                w::int(MAX_WORKBOOK_CELLS)
            ),
            row: None,
        };
        let mut failed = None;
        loop {
            match reader.next_cell() {
                Ok(Some(cell)) => {
                    if matches!(cell.get_value(), calamine::DataRef::Empty) {
                        continue;
                    }
                    if used.len() as u64 >= cells_left {
                        return Err(too_many());
                    }
                    used.push((cell.get_position(), cell.get_value().clone().into()));
                }
                Ok(None) => break,
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
        drop(reader);
        if let Some(e) = failed {
            warnings.push(unreadable(e));
            continue;
        }
        if used.is_empty() {
            continue;
        }
        let row0 = used.iter().map(|((r, _), _)| *r).min().unwrap_or(0);
        let row_end = used.iter().map(|((r, _), _)| *r).max().unwrap_or(0);
        let col_end = used.iter().map(|((_, c), _)| *c).max().unwrap_or(0);
        // Held as rows of every column from A to the last used one, below as many empty rows as
        // precede the first used one (so problems name the cell a person sees).
        let width = u64::from(col_end) + 1;
        let spanned = (u64::from(row_end - row0) + 1)
            .saturating_mul(width)
            .saturating_add(u64::from(row0));
        if spanned > cells_left {
            return Err(too_many());
        }
        cells_left -= spanned;
        let mut rows: Vec<Vec<String>> = vec![Vec::new(); row0 as usize];
        rows.extend((row0..=row_end).map(|_| vec![String::new(); width as usize]));
        // Sorted by position, so the float warnings come in reading order.
        used.sort_by_key(|(pos, _)| *pos);
        for ((r, c), cell) in used {
            let (text, rounded) = cell_text(&cell);
            if rounded {
                warnings.push(Problem {
                    file: file.to_string(),
                    sheet: Some(name.clone()),
                    row: Some(u64::from(r) + 1),
                    column: Some(super::report::column_letter(c as usize)),
                    severity: Severity::Warning,
                    code: "float_rounded".into(),
                    message: msg!(
                        w::FLOAT_ROUNDED,
                        cell.to_string(),
                        &text,
                        w::int(u64::from(FLOAT_DECIMALS))
                    ),
                });
            }
            rows[r as usize][c as usize] = text;
        }
        sheets.push((name, rows));
    }
    if sheets.is_empty() {
        return Err(OpenError {
            code: "empty_file",
            message: msg!(w::WORKBOOK_EMPTY),
            row: None,
        });
    }
    Ok(Source::Workbook { sheets, warnings })
}

/// An XLSX cell as text: numbers exactly as their shortest round-trip decimal (never arithmetic),
/// dates as ISO local date-times, errors as their Excel text.
/// Decimals kept from an XLSX number cell: PSP amounts and rates use at most 6.
const FLOAT_DECIMALS: u32 = 6;

/// The cell's text, and whether a binary float had to be rounded to get it (`0.1 + 0.2` stored
/// as 0.30000000000000004 is read as 0.3, with a warning).
fn cell_text(cell: &Data) -> (String, bool) {
    let text = match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{}", *f as i64)
            } else {
                match crate::money::decimal_from_f64_exact(*f) {
                    Some(exact) if exact.scale() > FLOAT_DECIMALS => {
                        let rounded = exact
                            .round_dp_with_strategy(
                                FLOAT_DECIMALS,
                                rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                            )
                            .normalize();
                        return (rounded.to_string(), true);
                    }
                    Some(exact) => exact.to_string(),
                    None => format!("{f}"),
                }
            }
        }
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(ndt) => {
                if ndt.time() == chrono::NaiveTime::MIN {
                    ndt.date().format("%Y-%m-%d").to_string()
                } else {
                    ndt.format("%Y-%m-%d %H:%M:%S").to_string()
                }
            }
            None => dt.as_f64().to_string(),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    };
    (text, false)
}

/// A cursor over one part's rows.
pub enum RowReader<'a> {
    Csv {
        reader: csv::Reader<&'a [u8]>,
        text: &'a [u8],
        lines: LineCounter,
    },
    /// A large UTF-8 file read from disk a chunk at a time.
    Chunked(Box<super::stream::ChunkedCsv>),
    /// A file that could not be opened again for reading (its message is the first read's error).
    Failed(Option<Msg>),
    Sheet {
        name: String,
        rows: &'a [Vec<String>],
        next: usize,
    },
}

/// Line numbers of records as a text editor shows them. The csv crate's own `Position::line` is
/// one short for every record after the first in a CRLF file (it reports the line of the `\r`
/// that ended the previous record), and CRLF is what Excel on Windows writes; so lines are
/// counted here from the record's byte offset, skipping the line ends and blank lines before it.
#[derive(Default)]
pub struct LineCounter {
    /// A byte offset already counted and the 1-based line it is on (0 = nothing counted yet).
    at: (usize, u64),
}

impl LineCounter {
    /// The 1-based line of the first character of the record starting at byte `offset` of `text`.
    pub fn line_of(&mut self, text: &[u8], offset: u64) -> u64 {
        let mut start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(text.len());
        while start < text.len() && matches!(text[start], b'\r' | b'\n') {
            start += 1;
        }
        if start < self.at.0 || self.at.1 == 0 {
            self.at = (0, 1);
        }
        let newlines = text[self.at.0..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.at = (start, self.at.1 + newlines as u64);
        self.at.1
    }
}

/// A row that could not be read at all (a CSV syntax error), positioned.
pub struct RowError {
    pub row: Option<u64>,
    pub message: Msg,
}

impl RowReader<'_> {
    pub fn sheet(&self) -> Option<&str> {
        match self {
            RowReader::Csv { .. } | RowReader::Chunked(_) | RowReader::Failed(_) => None,
            RowReader::Sheet { name, .. } => Some(name),
        }
    }

    /// Reads the next row into `rec`; returns its 1-based row (line) number, or None at the end.
    pub fn read(&mut self, rec: &mut StringRecord) -> Result<Option<u64>, RowError> {
        match self {
            RowReader::Chunked(chunked) => chunked.read(rec),
            RowReader::Failed(message) => match message.take() {
                Some(message) => Err(RowError { row: None, message }),
                None => Ok(None),
            },
            RowReader::Csv {
                reader,
                text,
                lines,
            } => match reader.read_record(rec) {
                Ok(true) => Ok(Some(
                    rec.position()
                        .map(|p| lines.line_of(text, p.byte()))
                        .unwrap_or(0),
                )),
                Ok(false) => Ok(None),
                Err(e) => Err(RowError {
                    row: e.position().map(|p| lines.line_of(text, p.byte())),
                    message: msg!(w::BAD_CSV, e.to_string()),
                }),
            },
            RowReader::Sheet { rows, next, .. } => {
                let Some(cells) = rows.get(*next) else {
                    return Ok(None);
                };
                *next += 1;
                rec.clear();
                for c in cells {
                    rec.push_field(c);
                }
                Ok(Some(*next as u64))
            }
        }
    }
}

/// Whether every cell of the row is blank.
pub fn is_blank(rec: &StringRecord) -> bool {
    rec.iter().all(|c| c.trim().is_empty())
}

pub fn delimiter_name(d: u8) -> String {
    match d {
        b'\t' => "tab".into(),
        other => (other as char).to_string(),
    }
}
