//! What an import tells the user: per file, the detected format, how many rows were new, known,
//! updated, conflicting or rejected, and every problem with its file, sheet, row and column.

use crate::model::FileKind;
use crate::words::{Lang, Msg};
use serde::Serialize;

/// Whether a problem stopped a row (error) or only deserves attention (warning).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem, positioned as precisely as the input allows. Rows are 1-based as a spreadsheet
/// or text editor shows them. The message is structured (see `crate::words`): rendered in the
/// reader's language by [`Problem::text`], stored as its JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Problem {
    pub file: String,
    pub sheet: Option<String>,
    pub row: Option<u64>,
    pub column: Option<String>,
    pub severity: Severity,
    pub code: String,
    #[cfg_attr(feature = "ts", ts(type = "Msg"))]
    pub message: Msg,
}

impl Problem {
    /// The message in `lang` (file, sheet, row and column are fields of their own).
    pub fn text(&self, lang: Lang) -> String {
        self.message.render(lang)
    }
}

/// The problem on one line in English: `file, sheet S, row 7, column C: error: message`.
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(sheet) = &self.sheet {
            write!(f, ", sheet {sheet}")?;
        }
        if let Some(row) = self.row {
            write!(f, ", row {row}")?;
        }
        if let Some(col) = &self.column {
            write!(f, ", column {col}")?;
        }
        write!(
            f,
            ": {}: {}",
            self.severity.as_str(),
            self.message.render(Lang::En)
        )
    }
}

/// How an import of one file ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "ImportOutcome"))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Written to the workspace.
    Imported,
    /// The same bytes were imported before; nothing changed.
    AlreadyImported,
    /// Checked and counted, then rolled back on request (`--dry-run`).
    DryRun,
    /// Nothing was written: the file, or some of its rows, could not be read.
    Rejected,
}

/// Where the zone of a file's date-times without an offset came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ZoneFrom {
    /// The zone set for the file's PSP (setting `zone.<psp>`).
    PspSetting,
    /// The zone the format documents (dLocal: UTC; Mercado Pago: GMT-04).
    Format,
    /// The workspace zone (setting `zone`).
    Workspace,
}

/// The result of importing one file.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportReport {
    /// The path or name the file was given as.
    pub file: String,
    pub outcome: Outcome,
    pub sha256: Option<String>,
    pub size: u64,
    /// The detected (or requested) format, e.g. `dlocal-crossborder`.
    pub format: Option<String>,
    pub kind: Option<FileKind>,
    pub encoding: Option<String>,
    pub delimiter: Option<String>,
    pub sheet: Option<String>,
    pub file_id: Option<i64>,
    /// For a file imported before: when and under which name.
    pub first_imported_at: Option<String>,
    pub first_imported_as: Option<String>,
    /// Data rows read (excluding headers, summary rows and blank lines).
    pub rows: u64,
    pub new: u64,
    pub known: u64,
    /// Orders only: a new state of an order already known (the earlier one is kept).
    pub updated: u64,
    pub conflicting: u64,
    pub rejected: u64,
    /// Rows that state the file's own balances and totals instead of moving money (Mercado
    /// Pago's release report): tied out, not imported as lines.
    pub totals: u64,
    /// The zone date-times without an offset were read in (an IANA name, `Etc/GMT+4` being
    /// GMT-04), and where it came from.
    pub zone: Option<String>,
    pub zone_from: Option<ZoneFrom>,
    pub problems: Vec<Problem>,
    /// The running hash over the rows the file yields (recorded in the import's audit event).
    #[serde(skip)]
    pub(crate) rows_chain: RowsChain,
}

/// A running hash over a file's rows, in the order the file gives them, chained to the file's
/// SHA-256: `h0 = SHA-256("cuadra-rows-v1\n" file_sha256)`, then for each row
/// `h = SHA-256(h identity "\n" content_hash "\n")` (a settlement line's identity and content
/// hash; an order snapshot's `platform|order_key` and content hash). Its final value, recorded
/// in the import's audit event, ties every row derived from the file to the file's bytes:
/// `cuadra-cli verify` derives the rows again from the stored original and compares.
#[derive(Clone, Debug, Default)]
pub(crate) struct RowsChain {
    head: Option<[u8; 32]>,
}

impl RowsChain {
    pub(crate) fn start(&mut self, file_sha256: &str) {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        h.update(b"cuadra-rows-v1\n");
        h.update(file_sha256.as_bytes());
        self.head = Some(h.finalize().into());
    }

    pub(crate) fn add(&mut self, identity: &str, content_hash: &str) {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        h.update(self.head.unwrap_or_default());
        h.update(identity.as_bytes());
        h.update(b"\n");
        h.update(content_hash.as_bytes());
        h.update(b"\n");
        self.head = Some(h.finalize().into());
    }

    /// The hash so far, in hex (none before `start`).
    pub(crate) fn root(&self) -> Option<String> {
        self.head.map(hex::encode)
    }
}

impl ImportReport {
    pub(crate) fn new(file: &str, size: u64) -> ImportReport {
        ImportReport {
            file: file.to_string(),
            outcome: Outcome::Rejected,
            sha256: None,
            size,
            format: None,
            kind: None,
            encoding: None,
            delimiter: None,
            sheet: None,
            file_id: None,
            first_imported_at: None,
            first_imported_as: None,
            rows: 0,
            new: 0,
            known: 0,
            updated: 0,
            conflicting: 0,
            rejected: 0,
            totals: 0,
            zone: None,
            zone_from: None,
            problems: Vec::new(),
            rows_chain: RowsChain::default(),
        }
    }

    /// Whether the file is now in the workspace (imported now or before).
    pub fn succeeded(&self) -> bool {
        matches!(
            self.outcome,
            Outcome::Imported | Outcome::AlreadyImported | Outcome::DryRun
        )
    }

    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
    }
}

/// Column letters as a spreadsheet shows them: 0 -> A, 25 -> Z, 26 -> AA.
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_match_spreadsheets() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
