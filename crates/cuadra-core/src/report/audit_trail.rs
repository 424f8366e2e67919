//! The audit trail as a report: every event, oldest first, with `prev_hash` and `hash`.
//!
//! The CSV is a verification artifact (the bundle's `verify_chain.py` recomputes the chain from
//! it), so its column names are fixed machine names and each hashed field is recoverable byte
//! for byte: a NULL field is listed in `null_fields` (NULL and empty text hash differently),
//! and a value starting with `=`, `+`, `-`, `@`, tab, carriage return or `'` gets one leading
//! `'` (neutralized for spreadsheets; a reader strips exactly one leading `'`). `at` is the
//! stored UTC text. The whole chain is always exported: a slice could not be verified from
//! its start. In XLSX every field is a string cell and `at` a date in the workspace zone.

use super::labels::{label, Lang};
use super::sink::{Cell, Sink};
use super::ReportError;
use crate::audit::AuditEvent;
use crate::store::Workspace;
use std::io::Write;

/// The verification CSV's columns, in order.
pub const AUDIT_CSV_COLUMNS: [&str; 12] = [
    "seq",
    "at",
    "actor",
    "action",
    "subject",
    "before",
    "after",
    "reason",
    "note",
    "prev_hash",
    "hash",
    "null_fields",
];

const NULLABLE: [&str; 4] = ["before", "after", "reason", "note"];

/// Calls `each` for every event, oldest first, streaming.
pub fn for_each_event(
    ws: &Workspace,
    mut each: impl FnMut(&AuditEvent) -> Result<(), ReportError>,
) -> Result<u64, ReportError> {
    let mut stmt = ws.conn().prepare(
        "SELECT seq, at, actor, action, subject, before, after, reason, note, prev_hash, hash
         FROM audit_events ORDER BY seq",
    )?;
    let mut rows = stmt.query([])?;
    let mut n = 0;
    while let Some(r) = rows.next()? {
        let e = AuditEvent {
            seq: r.get(0)?,
            at: r.get(1)?,
            actor: r.get(2)?,
            action: r.get(3)?,
            subject: r.get(4)?,
            before: r.get(5)?,
            after: r.get(6)?,
            reason: r.get(7)?,
            note: r.get(8)?,
            prev_hash: r.get(9)?,
            hash: r.get(10)?,
        };
        each(&e)?;
        n += 1;
    }
    Ok(n)
}

/// The reversible spreadsheet escape of a hashed field (see the module docs).
pub fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\'') => format!("'{text}").into(),
        _ => text.into(),
    }
}

/// The chain as a CSV holds it: events written and the last one's seq and hash.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CsvHead {
    pub events: u64,
    pub seq: i64,
    pub hash: String,
}

/// Writes the verification CSV (UTF-8 with BOM; `,` or, for Spanish Excel, `;`).
pub fn write_audit_csv<W: Write>(
    ws: &Workspace,
    out: W,
    excel_es: bool,
) -> Result<CsvHead, ReportError> {
    let mut head = CsvHead {
        hash: crate::audit::GENESIS.to_string(),
        ..CsvHead::default()
    };
    let err = |e: csv::Error| ReportError::Write(e.to_string());
    let mut out = out;
    out.write_all("\u{feff}".as_bytes())
        .map_err(|e| ReportError::Write(e.to_string()))?;
    let mut w = csv::WriterBuilder::new()
        .delimiter(if excel_es { b';' } else { b',' })
        .from_writer(out);
    w.write_record(AUDIT_CSV_COLUMNS).map_err(err)?;
    let n = for_each_event(ws, |e| {
        let nullable = [&e.before, &e.after, &e.reason, &e.note];
        let nulls: Vec<&str> = NULLABLE
            .iter()
            .zip(nullable)
            .filter(|(_, v)| v.is_none())
            .map(|(k, _)| *k)
            .collect();
        let o = |v: &Option<String>| escape(v.as_deref().unwrap_or("")).into_owned();
        head.seq = e.seq;
        head.hash.clone_from(&e.hash);
        w.write_record([
            e.seq.to_string(),
            escape(&e.at).into_owned(),
            escape(&e.actor).into_owned(),
            escape(&e.action).into_owned(),
            escape(&e.subject).into_owned(),
            o(&e.before),
            o(&e.after),
            o(&e.reason),
            o(&e.note),
            e.prev_hash.clone(),
            e.hash.clone(),
            nulls.join("|"),
        ])
        .map_err(err)
    })?;
    w.flush().map_err(|e| ReportError::Write(e.to_string()))?;
    head.events = n;
    Ok(head)
}

pub const AUDIT_SHEET_KEYS: [&str; 11] = [
    "audit.seq",
    "audit.at",
    "audit.actor",
    "audit.action",
    "audit.subject",
    "audit.before",
    "audit.after",
    "audit.reason",
    "audit.note",
    "audit.prev_hash",
    "audit.hash",
];

pub const AUDIT_SHEET_WIDTHS: [f64; 11] = [
    8.0, 19.0, 14.0, 16.0, 24.0, 40.0, 40.0, 24.0, 24.0, 20.0, 20.0,
];

/// Writes the audit trail as a table (the workbook's Audit trail sheet).
pub fn write_audit_table(
    ws: &Workspace,
    lang: Lang,
    sink: &mut dyn Sink,
) -> Result<u64, ReportError> {
    let header: Vec<&str> = AUDIT_SHEET_KEYS.iter().map(|k| label(lang, k)).collect();
    sink.header(&header)?;
    for_each_event(ws, |e| {
        fn o(v: &Option<String>) -> Cell<'_> {
            match v.as_deref() {
                Some(t) => Cell::Text(t),
                None => Cell::Empty,
            }
        }
        // Reasons read in the sheet's language (the CSV keeps what was hashed).
        let reason = e
            .reason
            .as_deref()
            .map(crate::words::reconcile::recorded_reason);
        sink.row(&[
            Cell::Int(e.seq),
            Cell::Moment(&e.at),
            Cell::Text(&e.actor),
            Cell::Code(&e.action),
            Cell::Text(&e.subject),
            o(&e.before),
            o(&e.after),
            reason
                .as_ref()
                .map_or(Cell::Empty, |r| Cell::Sentence(r, lang)),
            o(&e.note),
            Cell::Code(&e.prev_hash),
            Cell::Code(&e.hash),
        ])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_escape_is_reversible_by_stripping_one_apostrophe() {
        for raw in ["=SUM(1)", "'quoted", "-5", "plain", "", "''", "@x"] {
            let escaped = escape(raw);
            let back = escaped.strip_prefix('\'').unwrap_or(&escaped);
            assert_eq!(back, raw, "escape then unescape must give the original");
        }
        assert_eq!(escape("plain"), "plain");
    }
}
