//! Importing: the history of files, the file dialog, a preview, and background import jobs that
//! report progress through the `import-progress` event and can be cancelled.

use super::now;
use crate::dto::{ColumnMapping, ImportPreview, ImportProgress};
use crate::error::ApiError;
use crate::state::AppState;
use cuadra_core::ingest::{
    import_path_with, BadRowPolicy, ImportHooks, ImportOptions, IngestError,
};
use cuadra_core::msg;
use cuadra_core::store::Workspace;
use cuadra_core::words::app;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::Instant;
use tauri::{AppHandle, Emitter, Manager, State};

#[tauri::command(async, rename_all = "snake_case")]
pub fn list_files(
    state: State<'_, AppState>,
) -> Result<Vec<cuadra_core::store::ImportedFile>, ApiError> {
    state.with_workspace(|ws| Ok(ws.list_files()?))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn pick_import_files() -> Result<Vec<String>, ApiError> {
    Ok(crate::dialogs::pick_import_files()
        .into_iter()
        .map(|p| p.display().to_string())
        .collect())
}

/// A path from a dialog or a drop: it must name a readable file.
fn checked_file(path: &str) -> Result<PathBuf, ApiError> {
    let p = PathBuf::from(path);
    if !p.is_file() {
        return Err(ApiError::new(
            ApiError::NOT_FOUND,
            msg!(app::NOT_A_FILE, path),
        ));
    }
    Ok(p)
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn preview_import(state: State<'_, AppState>, path: String) -> Result<ImportPreview, ApiError> {
    let file = checked_file(&path)?;
    let actor = state.actor();
    state.with_workspace(|ws| {
        let p = cuadra_core::ingest::preview::preview_path(ws, &file, &actor, now())?;
        let r = &p.report;
        let field = |f: &cuadra_core::ingest::Field| {
            serde_json::to_value(f)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
        };
        Ok(ImportPreview {
            path: path.clone(),
            file_name: file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            size: r.size,
            format: r.format.clone(),
            kind: r.kind,
            profile: r.format.clone(),
            encoding: r.encoding.clone(),
            delimiter: r.delimiter.clone(),
            sheet: r.sheet.clone(),
            columns: p
                .columns
                .iter()
                .map(|c| ColumnMapping {
                    source: c.source.clone(),
                    field: c.field.as_ref().and_then(field),
                })
                .collect(),
            rows: p.rows.clone(),
            already_imported_at: r.first_imported_at.clone(),
            totals: r.totals,
            zone: r.zone.clone(),
            zone_from: r.zone_from,
            problems: r.problems.clone(),
        })
    })
}

/// Bytes per row, from the first 64 KiB of a file: how the progress bar turns rows into bytes.
fn bytes_per_row(path: &Path) -> f64 {
    let mut head = Vec::new();
    let _ = std::fs::File::open(path).and_then(|f| f.take(64 * 1024).read_to_end(&mut head));
    let lines = head.iter().filter(|&&b| b == b'\n').count().max(1);
    head.len() as f64 / lines as f64
}

fn emit(app: &AppHandle, p: &ImportProgress) {
    let _ = app.emit("import-progress", p);
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn start_import(
    app: AppHandle,
    state: State<'_, AppState>,
    paths: Vec<String>,
    skip_bad_rows: bool,
) -> Result<String, ApiError> {
    if paths.is_empty() {
        return Err(ApiError::new(ApiError::INVALID, msg!(app::NO_FILES)));
    }
    let files: Vec<PathBuf> = paths
        .iter()
        .map(|p| checked_file(p))
        .collect::<Result<_, _>>()?;
    let (db, error) = state.describe();
    if let Some(e) = error {
        return Err(e);
    }
    let db = db.ok_or_else(ApiError::no_workspace)?;
    let job_id = format!("job-{}", now().timestamp_micros());
    {
        let mut jobs = state
            .jobs
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if !jobs.is_empty() {
            return Err(ApiError::new(
                cuadra_core::code::ErrorCode::ImportRunning,
                msg!(app::IMPORT_RUNNING),
            ));
        }
        jobs.insert(job_id.clone(), ImportHooks::default());
    }
    let actor = state.actor();
    let id = job_id.clone();
    tauri::async_runtime::spawn_blocking(move || {
        run_job(&app, &id, &db, &files, skip_bad_rows, &actor);
        let state = app.state::<AppState>();
        state
            .jobs
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(&id);
    });
    Ok(job_id)
}

/// Imports the files one by one on the job's own connection (the window keeps reading through
/// the app's), publishing progress a few times a second; then reconciles.
fn run_job(app: &AppHandle, job_id: &str, db: &Path, files: &[PathBuf], skip: bool, actor: &str) {
    let hooks = app
        .state::<AppState>()
        .jobs
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .get(job_id)
        .cloned()
        .unwrap_or_default();
    let base = ImportProgress {
        job_id: job_id.to_string(),
        file: None,
        file_index: 0,
        files_total: files.len() as u32,
        rows_done: 0,
        bytes_done: 0,
        bytes_total: 0,
        rows_per_sec: 0.0,
        eta_seconds: None,
        phase: "reading".into(),
        reports: Vec::new(),
        error: None,
    };
    let fail = |reports: Vec<cuadra_core::ingest::ImportReport>, e: ApiError| {
        emit(
            app,
            &ImportProgress {
                phase: "failed".into(),
                reports,
                error: Some(e),
                ..base.clone()
            },
        )
    };
    let mut ws = match Workspace::open_known(db) {
        Ok(ws) => ws,
        Err(e) => return fail(Vec::new(), e.into()),
    };
    let opts = ImportOptions {
        profile: None,
        dry_run: false,
        bad_rows: if skip {
            BadRowPolicy::SkipRows
        } else {
            BadRowPolicy::RejectFile
        },
        actor: actor.to_string(),
        now: now(),
    };
    let mut reports = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
        let per_row = bytes_per_row(file);
        hooks.rows.store(0, Ordering::Relaxed);
        let name = file.display().to_string();
        let started = Instant::now();
        let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let ticker = {
            let (app, hooks, done, base, name) = (
                app.clone(),
                hooks.clone(),
                done.clone(),
                base.clone(),
                name.clone(),
            );
            std::thread::spawn(move || {
                while !done.load(Ordering::Relaxed) {
                    let rows = hooks.rows.load(Ordering::Relaxed);
                    let secs = started.elapsed().as_secs_f64().max(0.001);
                    let bytes = ((rows as f64) * per_row).min(size as f64) as u64;
                    let rate = rows as f64 / secs;
                    let eta = (rate > 0.0 && size > 0)
                        .then(|| (size.saturating_sub(bytes) as f64 / per_row) / rate);
                    emit(
                        &app,
                        &ImportProgress {
                            file: Some(name.clone()),
                            file_index: i as u32,
                            rows_done: rows,
                            bytes_done: bytes,
                            bytes_total: size,
                            rows_per_sec: rate,
                            eta_seconds: eta,
                            phase: "writing".into(),
                            ..base.clone()
                        },
                    );
                    std::thread::sleep(std::time::Duration::from_millis(250));
                }
            })
        };
        let result = import_path_with(&mut ws, file, &opts, Some(&hooks));
        done.store(true, Ordering::Relaxed);
        let _ = ticker.join();
        match result {
            Ok(report) => {
                emit(
                    app,
                    &ImportProgress {
                        file: Some(name),
                        file_index: i as u32,
                        rows_done: report.rows,
                        bytes_done: size,
                        bytes_total: size,
                        phase: "file_done".into(),
                        reports: vec![report.clone()],
                        ..base.clone()
                    },
                );
                reports.push(report);
            }
            Err(IngestError::Cancelled) => {
                emit(
                    app,
                    &ImportProgress {
                        phase: "cancelled".into(),
                        reports,
                        ..base.clone()
                    },
                );
                return;
            }
            Err(e) => return fail(reports, e.into()),
        }
    }
    // Matching runs again only when a file was written (bytes imported before change nothing),
    // and at the as-of of the last run (a month-end as-of stays a month-end as-of; the person
    // moves it on the dashboard). A first import, with no run yet, is judged as of now. A file
    // of known lines can still bring a batch summary, so any written file counts.
    let changed = reports
        .iter()
        .any(|r| r.outcome == cuadra_core::ingest::Outcome::Imported);
    let last = match ws.last_as_of() {
        Ok(last) => last,
        Err(e) => return fail(reports, e.into()),
    };
    if changed || last.is_none() {
        emit(
            app,
            &ImportProgress {
                phase: "reconciling".into(),
                reports: reports.clone(),
                ..base.clone()
            },
        );
        if let Err(e) = ws.run_reconciliation(last.unwrap_or_else(now), actor, now()) {
            return fail(reports, e.into());
        }
    }
    emit(
        app,
        &ImportProgress {
            phase: "finished".into(),
            reports,
            ..base
        },
    );
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn cancel_import(state: State<'_, AppState>, job_id: String) -> Result<(), ApiError> {
    let jobs = state
        .jobs
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    match jobs.get(&job_id) {
        Some(hooks) => {
            hooks.cancel.store(true, Ordering::Relaxed);
            Ok(())
        }
        // Finished already: nothing to cancel, and nothing went wrong.
        None => Ok(()),
    }
}
