//! Large UTF-8 text files read from disk in bounded chunks instead of whole, so a million-order
//! export imports in far less memory than its own size. A chunk ends at the last line break that is
//! outside double quotes, so no record is ever split; each chunk is then read by the same CSV and
//! line-counting code as an in-memory file, with its line numbers offset by the chunks before it.

use super::source::{LineCounter, RowError, MAX_LINE_BYTES};
use super::words as w;
use crate::msg;
use csv::StringRecord;
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

/// Files at least this large are streamed from disk (when they are plain UTF-8 text).
pub const STREAM_THRESHOLD: u64 = 64 << 20;
/// Bytes read per chunk; a chunk always holds whole records.
const CHUNK_BYTES: usize = 8 << 20;
/// The start of a file kept for detecting its kind, encoding and delimiter.
pub const PREFIX_BYTES: usize = 64 << 10;

/// What one pass over a file on disk learned.
pub struct FileScan {
    pub size: u64,
    pub sha256: String,
    /// The first [`PREFIX_BYTES`] bytes.
    pub prefix: Vec<u8>,
    /// Whether every byte is valid UTF-8 (a leading BOM allowed).
    pub utf8: bool,
}

/// Hashes the file and checks its UTF-8 validity in one streaming pass.
pub fn scan_file(path: &Path) -> std::io::Result<FileScan> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut prefix = Vec::new();
    let mut size = 0u64;
    let mut utf8 = true;
    // The first bytes of `buf` hold the start of a character split by the previous read (at most
    // 3 bytes), so each chunk is validated in place, never copied.
    let mut carry = 0usize;
    loop {
        let n = file.read(&mut buf[carry..])?;
        if n == 0 {
            break;
        }
        let data = &buf[carry..carry + n];
        hasher.update(data);
        size += n as u64;
        if prefix.len() < PREFIX_BYTES {
            let take = (PREFIX_BYTES - prefix.len()).min(n);
            prefix.extend_from_slice(&data[..take]);
        }
        let filled = carry + n;
        carry = 0;
        if utf8 {
            match std::str::from_utf8(&buf[..filled]) {
                Ok(_) => {}
                Err(e) if e.error_len().is_none() => {
                    let valid = e.valid_up_to();
                    buf.copy_within(valid..filled, 0);
                    carry = filled - valid;
                }
                Err(_) => utf8 = false,
            }
        }
    }
    Ok(FileScan {
        size,
        sha256: hex::encode(hasher.finalize()),
        prefix,
        utf8: utf8 && carry == 0,
    })
}

/// Compresses a file for safekeeping, streaming (the same format as in-memory originals).
pub fn compress_file(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut encoder = zstd::stream::Encoder::new(&mut out, 1)?;
    std::io::copy(&mut File::open(path)?, &mut encoder)?;
    encoder.finish()?;
    Ok(out)
}

/// Rows of a large UTF-8 CSV file, a chunk at a time.
pub struct ChunkedCsv {
    file: File,
    delimiter: u8,
    reader: csv::Reader<Cursor<Vec<u8>>>,
    lines: LineCounter,
    /// Line number of the current chunk's first line, minus one.
    line_base: u64,
    /// Bytes read past the current chunk's last record.
    carry: Vec<u8>,
    eof: bool,
}

impl ChunkedCsv {
    pub fn open(path: &PathBuf, delimiter: u8, skip_bom: bool) -> std::io::Result<ChunkedCsv> {
        let mut file = File::open(path)?;
        let mut carry = Vec::new();
        if skip_bom {
            let mut bom = [0u8; 3];
            let n = file.read(&mut bom)?;
            if bom[..n] != *b"\xEF\xBB\xBF" {
                carry.extend_from_slice(&bom[..n]);
            }
        }
        Ok(ChunkedCsv {
            file,
            delimiter,
            reader: csv_over(Vec::new(), delimiter),
            lines: LineCounter::default(),
            line_base: 0,
            carry,
            eof: false,
        })
    }

    /// Loads the next chunk; false at the end of the file.
    fn next_chunk(&mut self) -> Result<bool, RowError> {
        let done = self.reader.get_ref().get_ref();
        self.line_base += done.iter().filter(|&&b| b == b'\n').count() as u64;
        let mut chunk = std::mem::take(&mut self.carry);
        if self.eof && chunk.is_empty() {
            return Ok(false);
        }
        if !self.eof {
            let start = chunk.len();
            chunk.resize(start + CHUNK_BYTES, 0);
            let mut filled = start;
            while filled < chunk.len() {
                let n = self.file.read(&mut chunk[filled..]).map_err(|e| RowError {
                    row: Some(self.line_base + 1),
                    message: msg!(w::READ_INTERRUPTED, e.to_string()),
                })?;
                if n == 0 {
                    self.eof = true;
                    break;
                }
                filled += n;
            }
            chunk.truncate(filled);
        }
        if !self.eof {
            match last_record_end(&chunk) {
                Some(cut) => self.carry = chunk.split_off(cut),
                None => {
                    return Err(RowError {
                        row: Some(self.line_base + 1),
                        message: msg!(w::RECORD_TOO_LONG, CHUNK_BYTES >> 20),
                    })
                }
            }
        }
        if let Some(len) = longest_line(&chunk).filter(|l| *l > MAX_LINE_BYTES) {
            return Err(RowError {
                row: Some(self.line_base + 1),
                message: msg!(
                    w::LINE_TOO_LONG,
                    format!("{:.1}", len as f64 / (1024.0 * 1024.0))
                ),
            });
        }
        // The csv crate reads a quote left open to the end of the text as one cell, silently.
        if let Some(q) = super::source::text_shape(&chunk, self.delimiter).open_quote {
            return Err(RowError {
                row: Some(self.line_base + q.line),
                message: match q.closes_at {
                    Some(line) => msg!(
                        w::QUOTE_CLOSED_EARLY,
                        &q.start,
                        w::int(self.line_base + line)
                    ),
                    None => msg!(w::OPEN_QUOTE, &q.start),
                },
            });
        }
        self.reader = csv_over(chunk, self.delimiter);
        self.lines = LineCounter::default();
        Ok(true)
    }

    pub fn read(&mut self, rec: &mut StringRecord) -> Result<Option<u64>, RowError> {
        loop {
            match self.reader.read_record(rec) {
                Ok(true) => {
                    let text = self.reader.get_ref().get_ref();
                    let line = rec
                        .position()
                        .map(|p| self.lines.line_of(text, p.byte()))
                        .unwrap_or(0);
                    return Ok(Some(self.line_base + line));
                }
                Ok(false) => {
                    if !self.next_chunk()? {
                        return Ok(None);
                    }
                }
                Err(e) => {
                    let text = self.reader.get_ref().get_ref();
                    let row = e
                        .position()
                        .map(|p| self.line_base + self.lines.line_of(text, p.byte()));
                    return Err(RowError {
                        row,
                        message: msg!(w::BAD_CSV, e.to_string()),
                    });
                }
            }
        }
    }
}

fn csv_over(chunk: Vec<u8>, delimiter: u8) -> csv::Reader<Cursor<Vec<u8>>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(Cursor::new(chunk))
}

/// The offset just after the last `\n` that lies outside double quotes, if any.
fn last_record_end(chunk: &[u8]) -> Option<usize> {
    let mut in_quotes = false;
    let mut last = None;
    for (i, &b) in chunk.iter().enumerate() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' if !in_quotes => last = Some(i + 1),
            _ => {}
        }
    }
    last
}

fn longest_line(chunk: &[u8]) -> Option<usize> {
    chunk.split(|&b| b == b'\n').map(<[u8]>::len).max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_checked_across_read_boundaries() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("acentos.csv");
        // 'á' is two bytes: put one across the 1 MiB read boundary, then check the whole file.
        let mut text = "a".repeat((1 << 20) - 6);
        text.push_str("Bogotá,Nariño\n");
        std::fs::write(&path, &text).expect("write");
        let scan = scan_file(&path).expect("scan");
        assert!(
            scan.utf8,
            "a character split by a read is still valid UTF-8"
        );
        assert_eq!(
            scan.sha256,
            crate::store::sha256_hex(text.as_bytes()),
            "hash covers every byte once"
        );
        assert_eq!(scan.size, text.len() as u64);
        let mut bad = text.into_bytes();
        bad.push(0xE1); // Windows-1252 'á' at the very end: an unfinished UTF-8 character
        std::fs::write(&path, &bad).expect("write");
        assert!(
            !scan_file(&path).expect("scan").utf8,
            "a truncated character is not UTF-8"
        );
        bad.pop();
        bad.insert(10, 0xF1); // Windows-1252 'ñ' in the middle
        std::fs::write(&path, &bad).expect("write");
        assert!(
            !scan_file(&path).expect("scan").utf8,
            "Windows-1252 bytes are not UTF-8"
        );
    }

    #[test]
    fn chunks_never_split_a_quoted_line_break() {
        let text = b"a,\"x\ny\"\nb,c\n\"open";
        assert_eq!(
            last_record_end(text),
            Some(12),
            "the break inside quotes is not an end"
        );
    }

    #[test]
    fn a_streamed_file_reads_the_same_rows_and_lines_as_in_memory() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("big.csv");
        let mut text = String::from("\u{feff}h1,h2\r\n");
        for i in 0..300_000 {
            if i % 1000 == 0 {
                text.push_str(&format!("{i},\"two\r\nlines\"\r\n\r\n"));
            } else {
                text.push_str(&format!("{i},v{i}\r\n"));
            }
        }
        std::fs::write(&path, &text).expect("write");
        let scan = scan_file(&path).expect("scan");
        assert!(scan.utf8);
        assert_eq!(scan.size, text.len() as u64);
        let mut streamed = ChunkedCsv::open(&path, b',', true).expect("open");
        let mut memory = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let mut counter = LineCounter::default();
        let bytes = text.trim_start_matches('\u{feff}').as_bytes();
        let (mut a, mut b) = (StringRecord::new(), StringRecord::new());
        let mut rows = 0;
        loop {
            let s = streamed.read(&mut a).ok().flatten();
            let m = memory
                .read_record(&mut b)
                .expect("read")
                .then(|| counter.line_of(bytes, b.position().map(|p| p.byte()).unwrap_or(0)));
            assert_eq!(s, m, "row {rows}: same line numbers");
            if s.is_none() {
                break;
            }
            assert_eq!(a.iter().collect::<Vec<_>>(), b.iter().collect::<Vec<_>>());
            rows += 1;
        }
        assert!(rows > 300_000, "every row read, across several chunks");
    }
}
