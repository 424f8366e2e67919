//! Native open and save dialogs (rfd, GTK). Paths reach the commands only from here or from a
//! drop on the window: the UI never names a path itself.
//!
//! Test seam: end-to-end tests cannot click a native dialog, so when `CUADRA_TEST_DIALOGS` names
//! a folder, an open dialog returns the files listed (one per line) in `<folder>/open.txt` and a
//! save dialog returns `<folder>/<suggested name>`. Nothing else changes.

use std::path::PathBuf;

fn test_folder() -> Option<PathBuf> {
    std::env::var_os("CUADRA_TEST_DIALOGS")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

fn test_open() -> Option<Vec<PathBuf>> {
    let dir = test_folder()?;
    let list = std::fs::read_to_string(dir.join("open.txt")).unwrap_or_default();
    Some(
        list.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(PathBuf::from)
            .collect(),
    )
}

/// Files to import (CSV, TXT, XLSX); empty when cancelled.
pub fn pick_import_files() -> Vec<PathBuf> {
    if let Some(files) = test_open() {
        return files;
    }
    rfd::FileDialog::new()
        .set_title("Cuadra")
        .add_filter("CSV / Excel", &["csv", "txt", "xlsx"])
        .pick_files()
        .unwrap_or_default()
}

/// A file of evidence to attach to a case (PDF or image); `None` when cancelled.
pub fn pick_evidence_file() -> Option<PathBuf> {
    if let Some(files) = test_open() {
        return files.into_iter().next();
    }
    rfd::FileDialog::new()
        .set_title("Cuadra")
        .add_filter("PDF / image", &["pdf", "png", "jpg", "jpeg", "webp", "gif"])
        .pick_file()
}

/// A workspace file to open, or to create (a save dialog).
pub fn pick_workspace(create: bool) -> Option<PathBuf> {
    if let Some(files) = test_open() {
        return files.into_iter().next();
    }
    let dialog = rfd::FileDialog::new()
        .set_title("Cuadra")
        .add_filter("Cuadra", &["db", "cuadra"]);
    if create {
        dialog.set_file_name("cuadra.db").save_file()
    } else {
        dialog.pick_file()
    }
}

/// Where to save a report, `suggested` as the default name.
pub fn save_report(suggested: &str, extension: &str) -> Option<PathBuf> {
    if let Some(dir) = test_folder() {
        std::fs::create_dir_all(&dir).ok()?;
        return Some(dir.join(suggested));
    }
    rfd::FileDialog::new()
        .set_title("Cuadra")
        .set_file_name(suggested)
        .add_filter(extension, &[extension])
        .save_file()
}
