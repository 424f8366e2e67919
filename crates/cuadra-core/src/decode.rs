//! Bytes of an imported text file to text: encodings as Excel and PSPs write them.
//!
//! This module owns deciding a text file's encoding (UTF-8 with or without BOM, UTF-16 with or
//! without BOM, Windows-1252 as Spanish-locale Excel writes it), refusing binary files with a
//! message the user can act on, recognising ZIP/XLSX and old `.xls` by their magic bytes, and
//! sniffing the CSV delimiter. It never parses rows, never replaces undecodable bytes silently
//! in UTF-8 or UTF-16 text, and never copies a valid UTF-8 file (those are borrowed).

use crate::msg;
use crate::words::ingest as w;
use crate::words::{Entry, Lang, Msg};
use std::borrow::Cow;

/// The encoding a text file was decoded from (kept in the import report).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

/// Why a file's bytes are not text we can import. The sentences are in the import catalog
/// (`crate::words::ingest`): [`DecodeError::msg`] in any language, `Display` in English.
#[derive(Debug, Clone)]
pub enum DecodeError {
    /// No bytes at all (or only a byte-order mark).
    Empty,
    /// A NUL byte where text should be: its byte offset and the line it is on (from 1).
    Binary { offset: usize, line: usize },
    /// Many control bytes that text files do not contain (the first one's offset and line).
    ControlBytes {
        offset: usize,
        line: usize,
        byte: u8,
    },
    /// A known non-text format, recognised by its first bytes: what it is, and what to do.
    NotText {
        kind: &'static Entry,
        advice: &'static Entry,
    },
    /// The file starts with a UTF-8 byte-order mark but is not valid UTF-8.
    InvalidUtf8 { offset: usize, line: usize },
    /// UTF-16 text (by BOM or byte pattern) with broken surrogate pairs or an odd length.
    InvalidUtf16,
}

impl DecodeError {
    /// The error as a message, to be rendered in the reader's language.
    pub fn msg(&self) -> Msg {
        match self {
            DecodeError::Empty => msg!(w::DECODE_EMPTY),
            DecodeError::Binary { offset, line } => msg!(w::DECODE_BINARY, *offset, *line),
            DecodeError::ControlBytes { offset, line, byte } => {
                msg!(
                    w::DECODE_CONTROL_BYTES,
                    format!("{byte:02X}"),
                    *offset,
                    *line
                )
            }
            DecodeError::NotText { kind, advice } => {
                msg!(w::DECODE_NOT_TEXT, msg!(kind), msg!(advice))
            }
            DecodeError::InvalidUtf8 { offset, line } => {
                msg!(w::DECODE_INVALID_UTF8, *offset, *line)
            }
            DecodeError::InvalidUtf16 => msg!(w::DECODE_INVALID_UTF16),
        }
    }
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.msg().render(Lang::En))
    }
}

impl std::error::Error for DecodeError {}

/// Two errors are the same when they say the same.
impl PartialEq for DecodeError {
    fn eq(&self, other: &DecodeError) -> bool {
        self.msg() == other.msg()
    }
}

impl Eq for DecodeError {}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16_LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16_BE_BOM: &[u8] = b"\xFE\xFF";

/// How much of the start of a file the heuristics look at.
const SNIFF_BYTES: usize = 8 * 1024;

/// True if the bytes start like a ZIP archive (XLSX, ODS and DOCX are ZIPs).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// True if the bytes start like an OLE compound file: an old `.xls` (or `.doc`) workbook.
pub fn is_ole_xls(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xD0\xCF\x11\xE0")
}

/// Recognises formats people pick by mistake, so the error can say what they picked.
fn known_binary(bytes: &[u8]) -> Option<DecodeError> {
    let (kind, advice) = if bytes.starts_with(b"%PDF") {
        (w::KIND_PDF, w::ADVICE_PDF)
    } else if bytes.starts_with(b"\x89PNG") {
        (w::KIND_PNG, w::ADVICE_SCREENSHOT)
    } else if bytes.starts_with(b"\xFF\xD8\xFF") {
        (w::KIND_JPEG, w::ADVICE_PHOTO)
    } else if bytes.starts_with(b"\x7FELF") {
        (w::KIND_PROGRAM, w::ADVICE_PROGRAM)
    } else if bytes.starts_with(b"\x1F\x8B") {
        (w::KIND_GZIP, w::ADVICE_GZIP)
    } else if is_zip(bytes) {
        (w::KIND_ZIP, w::ADVICE_ZIP)
    } else if is_ole_xls(bytes) {
        (w::KIND_XLS, w::ADVICE_XLS)
    } else {
        return None;
    };
    Some(DecodeError::NotText { kind, advice })
}

/// Decides the encoding and returns the text without its BOM.
///
/// Order: known binary magic; BOMs; UTF-16 without BOM by the NUL-byte pattern in the first
/// KBs; binary checks (a NUL, or more than 10% control bytes, in the first 8 KB); valid UTF-8
/// (borrowed, no copy); else Windows-1252, which maps every byte. A file that is mostly UTF-8
/// with a few invalid bytes is therefore read as Windows-1252 (it is not valid UTF-8, and
/// Excel's ANSI CSVs look exactly like that). ZIP/XLSX should be checked with [`is_zip`]
/// before calling this; if one arrives here it is reported as not text.
pub fn decode_text(bytes: &[u8]) -> Result<(Cow<'_, str>, TextEncoding), DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(err) = known_binary(bytes) {
        return Err(err);
    }
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        if rest.is_empty() {
            return Err(DecodeError::Empty);
        }
        check_binary(rest, UTF8_BOM.len())?;
        return match std::str::from_utf8(rest) {
            Ok(text) => Ok((Cow::Borrowed(text), TextEncoding::Utf8Bom)),
            Err(e) => Err(DecodeError::InvalidUtf8 {
                offset: UTF8_BOM.len() + e.valid_up_to(),
                line: line_at(rest, e.valid_up_to()),
            }),
        };
    }
    if let Some(rest) = bytes.strip_prefix(UTF16_LE_BOM) {
        return decode_utf16(rest, TextEncoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(UTF16_BE_BOM) {
        return decode_utf16(rest, TextEncoding::Utf16Be);
    }
    if let Some(encoding) = utf16_by_pattern(bytes) {
        return decode_utf16(bytes, encoding);
    }
    check_binary(bytes, 0)?;
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((Cow::Borrowed(text), TextEncoding::Utf8)),
        Err(_) => {
            let (text, _had_errors) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok((text, TextEncoding::Windows1252))
        }
    }
}

fn decode_utf16(
    bytes: &[u8],
    encoding: TextEncoding,
) -> Result<(Cow<'_, str>, TextEncoding), DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let codec = if encoding == TextEncoding::Utf16Be {
        encoding_rs::UTF_16BE
    } else {
        encoding_rs::UTF_16LE
    };
    let text = codec
        .decode_without_bom_handling_and_without_replacement(bytes)
        .ok_or(DecodeError::InvalidUtf16)?;
    // Decoded UTF-16 that still holds NULs is not a text export either.
    if let Some(at) = text.find('\0') {
        return Err(DecodeError::Binary {
            offset: text[..at].encode_utf16().count() * 2,
            line: 1 + text[..at].matches('\n').count(),
        });
    }
    Ok((Cow::Owned(text.into_owned()), encoding))
}

/// UTF-16 without a BOM: ASCII-heavy text has a NUL in every other byte, on the high side.
fn utf16_by_pattern(bytes: &[u8]) -> Option<TextEncoding> {
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let pairs = sample.len() / 2;
    if pairs < 2 || bytes.len() % 2 != 0 {
        return None;
    }
    let (mut even_nuls, mut odd_nuls) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even_nuls += usize::from(pair[0] == 0);
        odd_nuls += usize::from(pair[1] == 0);
    }
    // Mostly-NUL on one side and almost none on the other; a binary file has NULs everywhere.
    let mostly = |n: usize| n * 10 >= pairs * 4;
    let rarely = |n: usize| n * 20 <= pairs;
    if mostly(odd_nuls) && rarely(even_nuls) {
        Some(TextEncoding::Utf16Le)
    } else if mostly(even_nuls) && rarely(odd_nuls) {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// The line (from 1) byte `offset` of `bytes` is on: people find a place in a file by its line,
/// not its byte offset.
fn line_at(bytes: &[u8], offset: usize) -> usize {
    1 + bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// Rejects NULs and control-byte-heavy starts (in the first 8 KB, so a 400 MB file stays fast).
/// `base` is added to offsets so they point into the original file.
fn check_binary(bytes: &[u8], base: usize) -> Result<(), DecodeError> {
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if let Some(at) = sample.iter().position(|&b| b == 0) {
        return Err(DecodeError::Binary {
            offset: base + at,
            line: line_at(bytes, at),
        });
    }
    // Tab, LF, CR, form feed and DOS's end-of-file Ctrl-Z turn up in real text exports.
    let is_control = |b: u8| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1A);
    let controls = sample.iter().filter(|&&b| is_control(b)).count();
    if controls * 10 > sample.len() {
        let at = sample.iter().position(|&b| is_control(b)).unwrap_or(0);
        return Err(DecodeError::ControlBytes {
            offset: base + at,
            line: line_at(bytes, at),
            byte: sample.get(at).copied().unwrap_or(0),
        });
    }
    Ok(())
}

/// Delimiters a CSV export may use, in order of preference when the evidence ties.
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];
/// How many records and bytes the delimiter sniffer reads.
const SNIFF_RECORDS: usize = 50;

/// Picks the delimiter among `,` `;` `\t` `|` from the first lines: counts each one outside
/// double quotes per record and prefers the one whose count is the same (and nonzero) on the
/// most records, then the one giving more fields. A single-column file gives `,`.
pub fn sniff_delimiter(text: &str) -> u8 {
    let counts = count_per_record(text);
    let mut best: Option<(usize, usize, u8)> = None; // (records matching the mode, mode, delim)
    for (i, &delim) in DELIMITERS.iter().enumerate() {
        let per_record: Vec<usize> = counts.iter().map(|c| c[i]).collect();
        let Some((mode, agreeing)) = mode_of(&per_record) else {
            continue;
        };
        if mode == 0 {
            continue;
        }
        let better = match best {
            None => true,
            Some((best_agreeing, best_mode, _)) => {
                agreeing > best_agreeing || (agreeing == best_agreeing && mode > best_mode)
            }
        };
        if better {
            best = Some((agreeing, mode, delim));
        }
    }
    best.map_or(b',', |(_, _, delim)| delim)
}

/// The most frequent value and how many times it occurs (ties go to the larger value).
fn mode_of(values: &[usize]) -> Option<(usize, usize)> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let mut best: Option<(usize, usize)> = None;
    for chunk in sorted.chunk_by(|a, b| a == b) {
        let candidate = (chunk[0], chunk.len());
        if best.is_none_or(|(_, n)| candidate.1 >= n) {
            best = Some(candidate);
        }
    }
    best
}

/// Counts each candidate delimiter per record, outside quoted fields, for the first records.
/// Blank lines are skipped; a record cut off by the byte limit is dropped.
fn count_per_record(text: &str) -> Vec<[usize; 4]> {
    const SNIFF_TEXT_BYTES: usize = 64 * 1024;
    let bytes = text.as_bytes();
    let limit = bytes.len().min(SNIFF_TEXT_BYTES);
    let mut records = Vec::new();
    let mut current = [0usize; 4];
    let mut record_has_content = false;
    let mut in_quotes = false;
    let mut at_field_start = true;
    let mut i = 0;
    while i < limit && records.len() < SNIFF_RECORDS {
        let b = bytes[i];
        i += 1;
        if in_quotes {
            if b == b'"' {
                if bytes.get(i) == Some(&b'"') {
                    i += 1; // an escaped quote
                } else {
                    in_quotes = false;
                }
            }
            continue;
        }
        match b {
            b'\n' => {
                if record_has_content {
                    records.push(current);
                }
                current = [0; 4];
                record_has_content = false;
                at_field_start = true;
            }
            b'\r' => {}
            b'"' if at_field_start => {
                in_quotes = true;
                record_has_content = true;
                at_field_start = false;
            }
            _ => {
                record_has_content = true;
                if let Some(k) = DELIMITERS.iter().position(|&d| d == b) {
                    current[k] += 1;
                    at_field_start = true;
                } else if b != b' ' {
                    at_field_start = false;
                }
            }
        }
    }
    // The last record counts only if the text really ended there.
    if record_has_content && i >= bytes.len() && !in_quotes && records.len() < SNIFF_RECORDS {
        records.push(current);
    }
    records
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use proptest::prelude::*;

    const SAMPLE: &str =
        "Nombre;Ciudad;Monto\nJosé;Bogotá;\"1.234,56\"\nNariño;Pasto;\"150.000\"\n";

    #[test]
    fn utf8_is_borrowed() {
        let (text, enc) = decode_text(SAMPLE.as_bytes()).unwrap();
        assert_eq!(enc, TextEncoding::Utf8);
        assert!(
            matches!(text, Cow::Borrowed(_)),
            "valid UTF-8 must not be copied (400 MB files)"
        );
        assert_eq!(text, SAMPLE);
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let mut bytes = UTF8_BOM.to_vec();
        bytes.extend_from_slice(SAMPLE.as_bytes());
        let (text, enc) = decode_text(&bytes).unwrap();
        assert_eq!(enc, TextEncoding::Utf8Bom);
        assert_eq!(text, SAMPLE, "the BOM is not part of the first header");
        assert!(matches!(text, Cow::Borrowed(_)));
    }

    #[test]
    fn utf8_bom_with_invalid_bytes_is_an_error() {
        let bytes = b"\xEF\xBB\xBFBogot\xE1\n";
        assert_eq!(
            decode_text(bytes),
            Err(DecodeError::InvalidUtf8 { offset: 8, line: 1 }),
            "a file that claims UTF-8 but is not must not be silently re-read"
        );
    }

    #[test]
    fn windows_1252_from_spanish_excel() {
        let (text, enc) = decode_text(b"Ciudad;Departamento\nBogot\xe1;Nari\xf1o\n").unwrap();
        assert_eq!(enc, TextEncoding::Windows1252);
        assert_eq!(text, "Ciudad;Departamento\nBogotá;Nariño\n");
        let (encoded, _, _) = encoding_rs::WINDOWS_1252.encode(SAMPLE);
        let (text, enc) = decode_text(&encoded).unwrap();
        assert_eq!((text.as_ref(), enc), (SAMPLE, TextEncoding::Windows1252));
        let (text, _) = decode_text(b"Precio \x80 5\n").unwrap();
        assert_eq!(
            text, "Precio € 5\n",
            "0x80 is the euro sign in Windows-1252"
        );
    }

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if big_endian {
                UTF16_BE_BOM
            } else {
                UTF16_LE_BOM
            });
        }
        for unit in text.encode_utf16() {
            out.extend_from_slice(&if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        out
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let text = format!("{SAMPLE}Emoji 😀;x;1\n");
        for (big_endian, want) in [
            (false, TextEncoding::Utf16Le),
            (true, TextEncoding::Utf16Be),
        ] {
            for bom in [true, false] {
                let bytes = utf16(&text, big_endian, bom);
                let (got, enc) = decode_text(&bytes).unwrap();
                assert_eq!(enc, want, "big_endian={big_endian} bom={bom}");
                assert_eq!(got, text, "big_endian={big_endian} bom={bom}");
            }
        }
    }

    #[test]
    fn utf16_with_encoding_rs_round_trip() {
        // encoding_rs only encodes to UTF-8 for UTF-16 labels, so check its decoder agrees.
        let bytes = utf16(SAMPLE, false, true);
        let (want, _, _) = encoding_rs::UTF_16LE.decode(&bytes);
        assert_eq!(decode_text(&bytes).unwrap().0, want);
    }

    #[test]
    fn damaged_utf16_is_an_error() {
        let mut bytes = utf16("ab", false, true);
        bytes.extend_from_slice(&0xD800u16.to_le_bytes()); // a lone high surrogate
        assert_eq!(decode_text(&bytes), Err(DecodeError::InvalidUtf16));
    }

    #[test]
    fn empty_files() {
        assert_eq!(decode_text(b""), Err(DecodeError::Empty));
        assert_eq!(decode_text(UTF8_BOM), Err(DecodeError::Empty));
        assert_eq!(decode_text(UTF16_LE_BOM), Err(DecodeError::Empty));
    }

    #[test]
    fn binary_files_are_refused() {
        assert_eq!(
            decode_text(b"abc\x00def"),
            Err(DecodeError::Binary { offset: 3, line: 1 })
        );
        assert_eq!(
            decode_text(b"a,b\n1,2\n3\x00,4\n"),
            Err(DecodeError::Binary { offset: 9, line: 3 }),
            "the NUL is on the third line"
        );
        let e = decode_text(b"abc\x00def").unwrap_err();
        assert_eq!(
            e.to_string(),
            "The file looks binary (byte 0x00 on line 1, byte offset 3): export it again as CSV or XLSX"
        );
        assert_eq!(
            e.msg().render(crate::words::Lang::Es),
            "El archivo parece binario (byte 0x00 en la línea 1, posición 3): expórtelo de nuevo como CSV o XLSX"
        );
        assert!(matches!(
            decode_text(b"\x01\x02\x03\x04abc"),
            Err(DecodeError::ControlBytes {
                offset: 0,
                line: 1,
                byte: 1
            })
        ));
        for (magic, needle) in [
            (&b"%PDF-1.7\n"[..], "PDF"),
            (b"\x89PNG\r\n\x1a\n", "PNG"),
            (b"\x7FELF\x02\x01", "program"),
            (b"\x1F\x8B\x08\x00", "GZIP"),
            (b"PK\x03\x04\x14\x00", "ZIP"),
            (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", ".xls"),
        ] {
            let e = decode_text(magic).unwrap_err();
            assert!(
                e.to_string().contains(needle),
                "{needle} files must be named in the error: {e}"
            );
        }
    }

    #[test]
    fn magic_checks() {
        assert!(is_zip(b"PK\x03\x04rest"));
        assert!(!is_zip(b"PK"));
        assert!(is_ole_xls(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"));
        assert!(!is_ole_xls(b"Name,Total\n"));
    }

    #[test]
    fn sniffs_semicolons_with_decimal_commas_in_quotes() {
        assert_eq!(sniff_delimiter(SAMPLE), b';');
        let unquoted = "Nombre;Monto;Fecha\nAna;1234,56;1/5/2026\nLuis;99,5;2/5/2026\n";
        assert_eq!(
            sniff_delimiter(unquoted),
            b';',
            "decimal commas are not on the header line, so ';' is the consistent one"
        );
    }

    #[test]
    fn sniffs_commas_tabs_and_pipes() {
        assert_eq!(
            sniff_delimiter("Name,Email,Total\n#1001,a@b.co,\"1,500.00\"\n"),
            b','
        );
        assert_eq!(sniff_delimiter("a\tb\tc\r\n1\t2,5\t3\r\n"), b'\t');
        assert_eq!(sniff_delimiter("a|b\n1|2\n"), b'|');
        assert_eq!(
            sniff_delimiter("\"a;b\",c\n\"x;y\",z\n\"p\"\"q;\",r\n"),
            b',',
            "delimiters inside quotes, even with escaped quotes, do not count"
        );
    }

    #[test]
    fn single_column_and_empty_text_default_to_comma() {
        assert_eq!(sniff_delimiter("Referencia\n0012345\n0098765\n"), b',');
        assert_eq!(sniff_delimiter(""), b',');
    }

    #[test]
    fn sniffs_the_dlocal_two_block_file() {
        let text = "ROW_TYPE,SETTLEMENT_CURRENCY,NUMBER_OF_ITEMS\nHEADER,USD,2\n\
                    ROW_TYPE,MID,LOGIN,COUNTRY,TRANSACTION_ID\nPAYMENT,1,x,CO,A1\nPAYMENT,1,x,CO,A2\n";
        assert_eq!(sniff_delimiter(text), b',');
        assert_eq!(sniff_delimiter(&text.replace(',', ";")), b';');
    }

    proptest! {
        #[test]
        fn decode_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            if let Ok((text, _)) = decode_text(&bytes) {
                let _ = sniff_delimiter(&text);
            }
        }

        #[test]
        fn windows_1252_round_trips(text in "[a-zA-Z0-9 ;,áéíóúñÑÁÉÍÓÚü¿¡€\n]{1,200}") {
            let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
            prop_assume!(!unmappable);
            // Some Windows-1252 byte pairs (e.g. "Ñ¿") are also valid UTF-8; real files have
            // that ambiguity too, and valid UTF-8 wins.
            prop_assume!(text.is_ascii() || std::str::from_utf8(&bytes).is_err());
            prop_assume!(known_binary(&bytes).is_none());
            let (decoded, enc) = decode_text(&bytes).unwrap();
            prop_assert_eq!(decoded.as_ref(), text.as_str());
            // Pure ASCII is valid UTF-8 and is reported as such.
            let want = if text.is_ascii() { TextEncoding::Utf8 } else { TextEncoding::Windows1252 };
            prop_assert_eq!(enc, want);
        }

        #[test]
        fn utf8_round_trips(text in "\\PC{1,200}") {
            prop_assume!(!text.contains('\0'));
            prop_assume!(!text.bytes().any(|b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1A)));
            prop_assume!(known_binary(text.as_bytes()).is_none());
            let (decoded, _) = decode_text(text.as_bytes()).unwrap();
            prop_assert_eq!(decoded.as_ref(), text.as_str());
        }
    }
}
