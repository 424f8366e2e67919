//! A look at a file before importing it: what Cuadra detects (format, kind, encoding, delimiter,
//! sheet), how its columns map to Cuadra's fields, its first rows and its problems. Writes
//! nothing: detection and checking are a dry-run import, rolled back.

use super::profile::{builtin_profiles, column_map, header_names, Field};
use super::{import_path, BadRowPolicy, ImportOptions, ImportReport};
use crate::decode::{decode_text, is_zip, sniff_delimiter};
use crate::store::Workspace;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::io::Read;
use std::path::Path;

/// How many data rows a preview shows.
pub const PREVIEW_ROWS: usize = 10;
/// How much of a text file a preview reads.
const PREVIEW_BYTES: u64 = 256 * 1024;

/// A column of the file and the field it maps to (`None`: not used).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PreviewColumn {
    pub source: String,
    pub field: Option<Field>,
}

/// What a preview shows.
#[derive(Clone, Debug, Serialize)]
pub struct Preview {
    /// The dry-run report: format, kind, encoding, delimiter, sheet, counts, problems.
    pub report: ImportReport,
    pub columns: Vec<PreviewColumn>,
    /// Up to [`PREVIEW_ROWS`] rows after the header, cells under `columns`.
    pub rows: Vec<Vec<String>>,
}

/// The first rows of a file as text cells (header detection happens on these).
fn head_rows(path: &Path) -> Vec<Vec<String>> {
    let Ok(file) = std::fs::File::open(path) else {
        return Vec::new();
    };
    let mut bytes = Vec::new();
    if file.take(PREVIEW_BYTES).read_to_end(&mut bytes).is_err() {
        return Vec::new();
    }
    if is_zip(&bytes) {
        return workbook_head(path);
    }
    // A cut in the middle of a character or record only loses the last, partial row.
    let text = match decode_text(&bytes) {
        Ok((text, _)) => text.into_owned(),
        Err(_) => String::from_utf8_lossy(&bytes).into_owned(),
    };
    let delimiter = sniff_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .take(30 + PREVIEW_ROWS + 1)
        .filter_map(Result::ok)
        .map(|r| {
            r.iter()
                .map(|c| c.trim_start_matches('\u{feff}').to_string())
                .collect()
        })
        .collect()
}

fn workbook_head(path: &Path) -> Vec<Vec<String>> {
    use calamine::{open_workbook, Reader, Xlsx};
    let Ok(mut book): Result<Xlsx<_>, _> = open_workbook(path) else {
        return Vec::new();
    };
    let Some(Ok(range)) = book.worksheet_range_at(0) else {
        return Vec::new();
    };
    range
        .rows()
        .take(30 + PREVIEW_ROWS + 1)
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

/// Previews the file at `path` against the workspace (known files, saved profiles).
pub fn preview_path(
    ws: &mut Workspace,
    path: &Path,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Preview, super::IngestError> {
    let opts = ImportOptions {
        profile: None,
        dry_run: true,
        bad_rows: BadRowPolicy::RejectFile,
        actor: actor.to_string(),
        now,
    };
    let report = import_path(ws, path, &opts)?;
    let rows = head_rows(path);
    let mut profiles = builtin_profiles();
    profiles.extend(ws.saved_profiles_or_empty());
    let profile = report
        .format
        .as_deref()
        .and_then(|f| profiles.into_iter().find(|p| p.name == f));
    // The header is the first row the profile recognises; without a profile, the first row.
    let mut header_at = 0;
    let mut mapped: Vec<(Field, usize)> = Vec::new();
    if let Some(p) = &profile {
        for (i, row) in rows.iter().enumerate().take(30) {
            let names = header_names(row.iter().map(String::as_str));
            let map = column_map(p, &names);
            if map.len() > mapped.len() {
                mapped = map;
                header_at = i;
            }
        }
    }
    let header = rows.get(header_at).cloned().unwrap_or_default();
    let columns = header
        .iter()
        .enumerate()
        .map(|(i, source)| PreviewColumn {
            source: source.clone(),
            field: mapped.iter().find(|(_, at)| *at == i).map(|(f, _)| *f),
        })
        .collect();
    let rows = rows
        .into_iter()
        .skip(header_at + 1)
        .take(PREVIEW_ROWS)
        .collect();
    Ok(Preview {
        report,
        columns,
        rows,
    })
}

impl Workspace {
    /// The saved (user) profiles; none when they cannot be read (a preview still works).
    fn saved_profiles_or_empty(&self) -> Vec<super::Profile> {
        self.saved_profiles()
            .map(|v| v.into_iter().map(|s| s.profile).collect())
            .unwrap_or_default()
    }
}
