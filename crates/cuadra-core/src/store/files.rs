//! Imported files as evidence: their metadata, their original bytes (zstd-compressed, chunked) and
//! the problems recorded against them. Original bytes come back byte for byte, checked by SHA-256.

use super::{StoreError, Workspace};
use crate::words::{Lang, Msg};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// Compressed originals are stored in chunks of this size.
const BLOB_CHUNK: usize = 4 << 20;

/// One imported file as the history shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportedFile {
    pub id: i64,
    pub sha256: String,
    pub name: String,
    pub size: u64,
    pub kind: String,
    pub format: String,
    pub encoding: Option<String>,
    pub imported_at: String,
    pub imported_by: String,
    pub rows_total: i64,
    pub rows_new: i64,
    pub rows_known: i64,
    pub rows_conflicting: i64,
    pub rows_updated: i64,
    pub rows_rejected: i64,
}

/// A problem kept with an imported file (rows skipped on the user's choice, warnings). The
/// message is stored as its JSON (see `crate::words`); text stored by earlier versions comes
/// back verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredProblem {
    pub sheet: Option<String>,
    pub row: Option<i64>,
    pub column: Option<String>,
    pub severity: String,
    pub code: String,
    pub message: Msg,
}

impl StoredProblem {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        self.message.render(lang)
    }
}

const FILE_COLUMNS: &str =
    "id, sha256, name, size, kind, format, encoding, imported_at, imported_by, \
     rows_total, rows_new, rows_known, rows_conflicting, rows_updated, rows_rejected";

fn file_from_row(r: &Row<'_>) -> rusqlite::Result<ImportedFile> {
    Ok(ImportedFile {
        id: r.get(0)?,
        sha256: r.get(1)?,
        name: r.get(2)?,
        size: r.get::<_, i64>(3)? as u64,
        kind: r.get(4)?,
        format: r.get(5)?,
        encoding: r.get(6)?,
        imported_at: r.get(7)?,
        imported_by: r.get(8)?,
        rows_total: r.get(9)?,
        rows_new: r.get(10)?,
        rows_known: r.get(11)?,
        rows_conflicting: r.get(12)?,
        rows_updated: r.get(13)?,
        rows_rejected: r.get(14)?,
    })
}

impl Workspace {
    /// Every imported file, newest first.
    pub fn list_files(&self) -> Result<Vec<ImportedFile>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {FILE_COLUMNS} FROM imported_files ORDER BY id DESC"
        ))?;
        let rows = stmt.query_map([], file_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn file(&self, id: i64) -> Result<ImportedFile, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {FILE_COLUMNS} FROM imported_files WHERE id = ?1"),
                [id],
                file_from_row,
            )
            .optional()?
            .ok_or(StoreError::NoSuchFile(id))
    }

    pub fn file_by_sha256(&self, sha256: &str) -> Result<Option<ImportedFile>, StoreError> {
        file_by_sha256(&self.conn, sha256)
    }

    /// Problems recorded with an imported file, in row order.
    pub fn file_problems(&self, id: i64) -> Result<Vec<StoredProblem>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT sheet, row_no, col, severity, code, message FROM import_problems
             WHERE file_id = ?1 ORDER BY row_no, id",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(StoredProblem {
                sheet: r.get(0)?,
                row: r.get(1)?,
                column: r.get(2)?,
                severity: r.get(3)?,
                code: r.get(4)?,
                message: Msg::from_stored(&r.get::<_, String>(5)?),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The original bytes of an imported file, verified against the SHA-256 taken at import.
    pub fn original_bytes(&self, id: i64) -> Result<Vec<u8>, StoreError> {
        let file = self.file(id)?;
        let mut stmt = self
            .conn
            .prepare("SELECT data FROM file_blobs WHERE file_id = ?1 ORDER BY chunk")?;
        let mut compressed = Vec::new();
        let mut rows = stmt.query([id])?;
        while let Some(row) = rows.next()? {
            let chunk = row.get_ref(0)?.as_blob().map_err(rusqlite::Error::from)?;
            compressed.extend_from_slice(chunk);
        }
        let bytes = zstd::stream::decode_all(compressed.as_slice()).map_err(|e| {
            StoreError::Decompress {
                id,
                message: e.to_string(),
            }
        })?;
        let actual = sha256_hex(&bytes);
        if actual != file.sha256 {
            return Err(StoreError::EvidenceMismatch {
                id,
                expected: file.sha256,
                actual,
            });
        }
        Ok(bytes)
    }
}

pub(crate) fn file_by_sha256(
    conn: &Connection,
    sha256: &str,
) -> Result<Option<ImportedFile>, StoreError> {
    Ok(conn
        .query_row(
            &format!("SELECT {FILE_COLUMNS} FROM imported_files WHERE sha256 = ?1"),
            [sha256],
            file_from_row,
        )
        .optional()?)
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Compresses `bytes` for storage (zstd level 1: CSV still shrinks ~8x, at ~400 MB/s).
pub fn compress_original(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    zstd::bulk::compress(bytes, 1)
}

/// Writes a compressed original into `file_blobs` in chunks.
pub(crate) fn store_blob(
    conn: &Connection,
    file_id: i64,
    compressed: &[u8],
) -> Result<(), StoreError> {
    let mut stmt =
        conn.prepare_cached("INSERT INTO file_blobs(file_id, chunk, data) VALUES (?1, ?2, ?3)")?;
    for (i, chunk) in compressed.chunks(BLOB_CHUNK).enumerate() {
        stmt.execute(params![file_id, i as i64, chunk])?;
    }
    if compressed.is_empty() {
        stmt.execute(params![file_id, 0i64, &[] as &[u8]])?;
    }
    Ok(())
}
