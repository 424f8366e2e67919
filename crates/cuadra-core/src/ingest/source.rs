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
        Ok(Source::Text {
            text,
            encoding,
            delimiter,
        })
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

fn open_workbook<'a>(file: &str, bytes: &'a [u8]) -> Result<Source<'a>, OpenError> {
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| OpenError {
        code: "unreadable_workbook",
        message: msg!(w::UNREADABLE_WORKBOOK, e.to_string()),
        row: None,
    })?;
    let mut sheets = Vec::new();
    let mut warnings = Vec::new();
    for name in book.sheet_names() {
        let range = match book.worksheet_range(&name) {
            Ok(r) => r,
            Err(e) => {
                warnings.push(Problem {
                    file: file.to_string(),
                    sheet: Some(name.clone()),
                    row: None,
                    column: None,
                    severity: Severity::Warning,
                    code: "unreadable_sheet".into(),
                    message: msg!(w::UNREADABLE_SHEET, e.to_string()),
                });
                continue;
            }
        };
        if range.is_empty() {
            continue;
        }
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let mut rows = Vec::with_capacity(range.height());
        // calamine's range starts at the first used cell; keep spreadsheet row and column
        // positions by padding, so problems name the cell a person sees.
        for _ in 0..row0 {
            rows.push(Vec::new());
        }
        for (r, row) in range.rows().enumerate() {
            let mut cells = vec![String::new(); col0 as usize];
            for (c, cell) in row.iter().enumerate() {
                let (text, rounded) = cell_text(cell);
                if rounded {
                    warnings.push(Problem {
                        file: file.to_string(),
                        sheet: Some(name.clone()),
                        row: Some(u64::from(row0) + r as u64 + 1),
                        column: Some(super::report::column_letter(col0 as usize + c)),
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
                cells.push(text);
            }
            rows.push(cells);
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
