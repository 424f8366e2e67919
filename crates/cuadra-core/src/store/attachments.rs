//! Evidence people attach to cases (a PSP ticket, a receipt): each attachment's record and its
//! bytes, stored as they came (PDFs and images are compressed already) and once per SHA-256.
//! Bytes come back byte for byte, checked against the SHA-256 taken when they were attached.
//! Checking the file and recording the act is `review::attach`; nothing here decides whether a
//! file may be attached.

use super::{sha256_hex, StoreError, Workspace};
use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

/// One file attached to a case, as the case shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Attachment {
    pub id: i64,
    pub case_key: String,
    /// The file's name as it was attached (without its folder).
    pub name: String,
    /// Read from the file's first bytes, never from its name: `application/pdf`, `image/png`...
    pub media_type: String,
    pub bytes: u64,
    pub sha256: String,
    pub note: Option<String>,
    pub actor: String,
    /// When it was attached (UTC, as the audit trail records it).
    pub at: String,
    /// The `case_attach` audit event that recorded it.
    pub audit_seq: i64,
}

/// An attachment to write (its id is given by the store).
pub(crate) struct NewAttachment<'a> {
    pub case_key: &'a str,
    pub name: &'a str,
    pub media_type: &'a str,
    pub bytes: &'a [u8],
    pub sha256: &'a str,
    pub note: Option<&'a str>,
    pub actor: &'a str,
    pub at: &'a str,
    pub audit_seq: i64,
}

const COLUMNS: &str = "id, case_key, name, media_type, size, sha256, note, actor, at, audit_seq";

fn read(r: &Row<'_>) -> rusqlite::Result<Attachment> {
    Ok(Attachment {
        id: r.get(0)?,
        case_key: r.get(1)?,
        name: r.get(2)?,
        media_type: r.get(3)?,
        bytes: r.get::<_, i64>(4)? as u64,
        sha256: r.get(5)?,
        note: r.get(6)?,
        actor: r.get(7)?,
        at: r.get(8)?,
        audit_seq: r.get(9)?,
    })
}

/// The attachment of `case_key` with these bytes, if they were attached to it before.
pub(crate) fn attachment_of_case(
    conn: &Connection,
    case_key: &str,
    sha256: &str,
) -> Result<Option<Attachment>, StoreError> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM case_attachments WHERE case_key = ?1 AND sha256 = ?2"),
            params![case_key, sha256],
            read,
        )
        .optional()?)
}

/// Writes an attachment and, unless the same bytes are stored already, its bytes (call it
/// inside the transaction that records its audit event). Returns the new attachment's id.
pub(crate) fn store_attachment(
    conn: &Connection,
    a: &NewAttachment<'_>,
) -> Result<i64, StoreError> {
    conn.prepare_cached("INSERT OR IGNORE INTO attachment_blobs(sha256, data) VALUES (?1, ?2)")?
        .execute(params![a.sha256, a.bytes])?;
    conn.prepare_cached(
        "INSERT INTO case_attachments(case_key, name, media_type, size, sha256, note, actor, at,
            audit_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        a.case_key,
        a.name,
        a.media_type,
        a.bytes.len() as i64,
        a.sha256,
        a.note,
        a.actor,
        a.at,
        a.audit_seq
    ])?;
    Ok(conn.last_insert_rowid())
}

impl Workspace {
    /// The files attached to a case, oldest first.
    pub fn attachments(&self, case_key: &str) -> Result<Vec<Attachment>, StoreError> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM case_attachments WHERE case_key = ?1 ORDER BY id"
        ))?;
        let rows = stmt.query_map([case_key], read)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every attachment of the workspace, oldest first.
    pub fn all_attachments(&self) -> Result<Vec<Attachment>, StoreError> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {COLUMNS} FROM case_attachments ORDER BY id"
        ))?;
        let rows = stmt.query_map([], read)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn attachment(&self, id: i64) -> Result<Attachment, StoreError> {
        self.conn()
            .query_row(
                &format!("SELECT {COLUMNS} FROM case_attachments WHERE id = ?1"),
                [id],
                read,
            )
            .optional()?
            .ok_or(StoreError::NoSuchAttachment(id))
    }

    /// The bytes of an attachment, verified against the SHA-256 taken when it was attached.
    pub fn attachment_bytes(&self, id: i64) -> Result<Vec<u8>, StoreError> {
        let a = self.attachment(id)?;
        // Whatever the column holds is read as bytes: an edit made outside Cuadra may have
        // left text there, which must show as a wrong SHA-256, not as an unreadable row.
        let bytes: Option<Vec<u8>> = self
            .conn()
            .query_row(
                "SELECT data FROM attachment_blobs WHERE sha256 = ?1",
                [&a.sha256],
                |r| {
                    Ok(match r.get_ref(0)? {
                        ValueRef::Blob(b) | ValueRef::Text(b) => Some(b.to_vec()),
                        _ => None,
                    })
                },
            )
            .optional()?
            .flatten();
        let (actual, bytes) = match bytes {
            Some(b) => (sha256_hex(&b), b),
            // The bytes are gone: no SHA-256 to show but that of nothing.
            None => (sha256_hex(&[]), Vec::new()),
        };
        if actual != a.sha256 || bytes.len() as u64 != a.bytes {
            return Err(StoreError::AttachmentDamaged {
                id,
                name: a.name,
                case_key: a.case_key,
                expected: a.sha256,
                actual,
            });
        }
        Ok(bytes)
    }
}
