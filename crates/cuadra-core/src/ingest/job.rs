//! One file's import: find its layout, then read, check and store it in one transaction with its
//! evidence, its problems and its audit event (the pipelines that read the rows are
//! `settle_rows` and `order_rows`).

use super::{
    cells, column_letter, file_problem, header_signature, limit_problems, profile, shorten_cell,
    source, words, BadRowPolicy, ImportHooks, ImportOptions, ImportReport, IngestError, Origin,
    Outcome, Problem, Profile, Severity, ZoneFrom, HEADER_SCAN_ROWS, REFUSES_FILE,
};
use crate::model::FileKind;
use crate::money::DecimalMark;
use crate::msg;
use crate::store::{store_blob, StoreError};
use crate::time::parse_zone;
use crate::words::{Arg, Join};
use cells::CellReader;
use chrono::SecondsFormat;
use chrono_tz::Tz;
use csv::StringRecord;
use rusqlite::{params, Connection};
use source::{delimiter_name, is_blank, RowReader, Source};
use std::collections::{HashMap, VecDeque};

/// One file's import, re-runnable (the regroup pass runs it twice).
pub(super) struct Job<'a> {
    pub(super) display: &'a str,
    pub(super) name: &'a str,
    pub(super) origin: Origin<'a>,
    pub(super) size: u64,
    pub(super) sha256: &'a str,
    pub(super) source: &'a Source<'a>,
    pub(super) profiles: &'a [(Option<String>, Profile)],
    pub(super) forced: bool,
    /// The workspace zone (setting `zone`).
    pub(super) zone: Tz,
    /// Zones set per PSP (settings `zone.<psp>`).
    pub(super) psp_zones: &'a HashMap<String, Tz>,
    /// Recounts the dashboard's rollups in the import's transaction (see `store::Derived`).
    pub(super) recount: fn(&Connection) -> Result<(), StoreError>,
    pub(super) opts: &'a ImportOptions,
    pub(super) hooks: Option<&'a ImportHooks>,
}

impl Job<'_> {
    /// Publishes the rows read so far; stops the import when the caller cancelled it.
    pub(super) fn tick(&self, rows: u64) -> Result<(), IngestError> {
        use std::sync::atomic::Ordering;
        if let Some(hooks) = self.hooks {
            hooks.rows.store(rows, Ordering::Relaxed);
            if hooks.cancel.load(Ordering::Relaxed) {
                return Err(IngestError::Cancelled);
            }
        }
        Ok(())
    }
}

pub(super) struct RunResult {
    pub(super) report: ImportReport,
    pub(super) regroup: bool,
}

/// A part of the file whose header was recognised.
pub(super) struct Detected<'s> {
    pub(super) profile: Profile,
    pub(super) sheet: Option<String>,
    pub(super) header: StringRecord,
    pub(super) header_row: u64,
    pub(super) above: Vec<(u64, StringRecord)>,
    pub(super) pending: VecDeque<(u64, StringRecord)>,
    pub(super) reader: RowReader<'s>,
}

impl<'s> Detected<'s> {
    pub(super) fn next(&mut self, rec: &mut StringRecord) -> Result<Option<u64>, source::RowError> {
        if let Some((row, r)) = self.pending.pop_front() {
            *rec = r;
            return Ok(Some(row));
        }
        self.reader.read(rec)
    }
}

impl<'a> Job<'a> {
    pub(super) fn detect(&self, report: &mut ImportReport) -> Option<Detected<'a>> {
        let mut first_rows: Option<(Option<String>, Vec<String>)> = None;
        for mut reader in self.source.parts() {
            let sheet = reader.sheet().map(str::to_string);
            let mut seen: Vec<(u64, StringRecord)> = Vec::new();
            let mut rec = StringRecord::new();
            while seen.len() < HEADER_SCAN_ROWS {
                match reader.read(&mut rec) {
                    Ok(Some(row)) => {
                        if !is_blank(&rec) {
                            seen.push((row, rec.clone()));
                        }
                    }
                    Ok(None) => break,
                    Err(e) => {
                        report.problems.push(self.bad_csv(&sheet, e));
                        return None;
                    }
                }
            }
            if first_rows.is_none() {
                if let Some((_, r)) = seen.first() {
                    first_rows =
                        Some((sheet.clone(), r.iter().take(12).map(shorten_cell).collect()));
                }
            }
            for (i, (header_row, candidate)) in seen.iter().enumerate() {
                let names = profile::header_names(candidate.iter());
                let names_raw: Vec<String> = candidate.iter().map(str::to_string).collect();
                let signature = header_signature(&names_raw);
                let mut best: Option<(usize, &Profile)> = None;
                for (saved_sig, p) in self.profiles {
                    let fit = match saved_sig {
                        // A saved mapping applies to exactly the header it was made for.
                        Some(sig) if *sig == signature || self.forced => {
                            profile::header_fit(p, &names).map(|n| n + 1000)
                        }
                        Some(_) => None,
                        None => profile::header_fit(p, &names),
                    };
                    if let Some(n) = fit {
                        if best.is_none_or(|(b, _)| n > b) {
                            best = Some((n, p));
                        }
                    }
                }
                if let Some((_, p)) = best {
                    let header = candidate.clone();
                    let above = seen[..i].to_vec();
                    let pending: VecDeque<_> = seen[i + 1..].iter().cloned().collect();
                    return Some(Detected {
                        profile: p.clone(),
                        sheet,
                        header,
                        header_row: *header_row,
                        above,
                        pending,
                        reader,
                    });
                }
            }
        }
        let shown = match first_rows {
            Some((Some(sheet), cells)) => {
                msg!(words::FIRST_ROW_IN_SHEET, sheet, cells.join(" | "))
            }
            Some((None, cells)) => msg!(words::FIRST_ROW, cells.join(" | ")),
            None => msg!(words::NO_ROWS_SEEN),
        };
        let message = if self.forced {
            msg!(words::UNKNOWN_LAYOUT_FORCED, shown)
        } else {
            msg!(words::UNKNOWN_LAYOUT, shown)
        };
        report
            .problems
            .push(file_problem(self.display, "unknown_layout", message));
        None
    }

    pub(super) fn decimal_mark(&self, profile: &Profile) -> DecimalMark {
        profile.decimal_mark.unwrap_or(match self.source {
            Source::Text {
                delimiter: b';', ..
            }
            | Source::TextFile {
                delimiter: b';', ..
            } => DecimalMark::Comma,
            _ => DecimalMark::Dot,
        })
    }

    pub(super) fn run(
        &self,
        conn: &mut Connection,
        group_in_memory: bool,
    ) -> Result<RunResult, IngestError> {
        let mut report = ImportReport::new(self.display, self.size);
        report.sha256 = Some(self.sha256.to_string());
        report.rows_chain.start(self.sha256);
        if let Source::Workbook { warnings, .. } = self.source {
            report.problems.extend(warnings.iter().cloned());
        }
        let Some(mut detected) = self.detect(&mut report) else {
            if let Some(p) = self.quote_problem(None) {
                report.problems.push(p);
            }
            return Ok(RunResult {
                report,
                regroup: false,
            });
        };
        let profile = detected.profile.clone();
        // Date-times without an offset: the PSP's zone if one is set, else the zone the format
        // documents, else the workspace's. The report says which.
        let (zone, zone_from) = match (
            self.psp_zones.get(&profile.source),
            profile.zone.as_deref().and_then(|z| parse_zone(z).ok()),
        ) {
            (Some(z), _) => (*z, ZoneFrom::PspSetting),
            (None, Some(z)) => (z, ZoneFrom::Format),
            (None, None) => (self.zone, ZoneFrom::Workspace),
        };
        report.zone = Some(zone.name().to_string());
        report.zone_from = Some(zone_from);
        report.format = Some(profile.name.clone());
        report.kind = Some(profile.kind);
        report.sheet = detected.sheet.clone();
        if let Source::Text {
            encoding,
            delimiter,
            ..
        }
        | Source::TextFile {
            encoding,
            delimiter,
            ..
        } = self.source
        {
            report.encoding = serde_json::to_value(encoding)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string));
            report.delimiter = Some(delimiter_name(*delimiter));
        }
        let names = profile::header_names(detected.header.iter());
        let columns = profile::column_map(&profile, &names);
        let cells = CellReader::new(
            self.display,
            detected.sheet.as_deref(),
            &detected.header,
            &columns,
            &profile,
            self.decimal_mark(&profile),
            zone,
        )
        .with_cut_row(self.source.unterminated_last_row());
        // A quote left open, or a required amount column missing: the file is refused before
        // any row is read, since no row of it can be read as the file means it.
        let mut refusals: Vec<Problem> = self.quote_problem(Some(&cells)).into_iter().collect();
        for field in &profile.money_columns {
            if !columns.iter().any(|(f, _)| f == field) {
                let name = profile.aliases(*field).first().cloned().unwrap_or_default();
                refusals.push(Problem {
                    file: self.display.to_string(),
                    sheet: detected.sheet.clone(),
                    row: Some(detected.header_row),
                    column: Some(name.clone()),
                    severity: Severity::Error,
                    code: "missing_money_column".into(),
                    message: msg!(words::MISSING_MONEY_COLUMN, name, profile.name.as_str()),
                });
            }
        }
        if !refusals.is_empty() {
            report.problems.extend(refusals);
            report.problems.push(file_problem(
                self.display,
                "structure_broken",
                msg!(words::STRUCTURE_BROKEN),
            ));
            return Ok(RunResult {
                report,
                regroup: false,
            });
        }

        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // The id is chosen past every purged file's too: `file:<id>` in the audit trail names
        // one file forever, even after a retention purge removed the newest one.
        tx.execute(
            "INSERT INTO imported_files(id, sha256, name, size, kind, format, encoding, delimiter,
                sheet, imported_at, imported_by, rows_total, rows_new, rows_known, rows_conflicting,
                rows_updated, rows_rejected, compression)
             VALUES ((SELECT max(n) + 1 FROM (SELECT coalesce(max(id), 0) AS n FROM imported_files
                      UNION ALL SELECT coalesce(max(file_id), 0) FROM purged_files)),
                ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0, 0, 0, 0, 0, 0, 'zstd')",
            params![
                self.sha256,
                self.name,
                self.size as i64,
                profile.kind.as_str(),
                profile.name,
                report.encoding,
                report.delimiter,
                detected.sheet,
                self.opts.now.to_rfc3339_opts(SecondsFormat::Secs, true),
                self.opts.actor,
            ],
        )?;
        let file_id = tx.last_insert_rowid();

        let (compressed, regroup) = std::thread::scope(|s| {
            let compressing = s.spawn(|| self.origin.compress());
            let outcome = match profile.kind {
                FileKind::Settlement => self
                    .read_settlement(&tx, file_id, &mut detected, &cells, zone, &mut report)
                    .map(|_| false),
                FileKind::Orders => self.read_orders(
                    &tx,
                    file_id,
                    &mut detected,
                    &cells,
                    zone,
                    group_in_memory,
                    &mut report,
                ),
            };
            (compressing.join(), outcome)
        });
        if regroup? {
            return Ok(RunResult {
                report,
                regroup: true,
            });
        }
        let compressed = match compressed {
            Ok(Ok(c)) => c,
            _ => {
                report.problems.push(file_problem(
                    self.display,
                    "compression_failed",
                    msg!(words::COMPRESSION_FAILED),
                ));
                report.outcome = Outcome::Rejected;
                return Ok(RunResult {
                    report,
                    regroup: false,
                });
            }
        };

        report.problems.extend(cells.date_order_problems());
        // A row of another width than its header, a file cut off, a two-digit year, dates whose
        // order is a guess: the file as a whole cannot be trusted, so nothing of it is imported
        // whatever the bad-row policy (skipping such rows would keep the misread ones).
        let broken = report
            .problems
            .iter()
            .any(|p| p.severity == Severity::Error && REFUSES_FILE.contains(&p.code.as_str()));
        let accepted = report.new + report.known + report.updated + report.conflicting;
        if broken {
            report.problems.push(file_problem(
                self.display,
                "structure_broken",
                msg!(words::STRUCTURE_BROKEN),
            ));
        } else if report.rows == 0 {
            report
                .problems
                .push(file_problem(self.display, "no_rows", msg!(words::NO_ROWS)));
        } else if accepted == 0 {
            report.problems.push(file_problem(
                self.display,
                "no_readable_rows",
                msg!(words::NO_READABLE_ROWS),
            ));
        } else if report.rejected > 0 && self.opts.bad_rows == BadRowPolicy::RejectFile {
            report.problems.push(file_problem(
                self.display,
                "rows_rejected",
                msg!(
                    words::ROWS_REJECTED,
                    words::int(report.rejected),
                    words::int(report.rows)
                ),
            ));
        }
        let failed = broken
            || report.rows == 0
            || accepted == 0
            || (report.rejected > 0 && self.opts.bad_rows == BadRowPolicy::RejectFile);
        limit_problems(&mut report);
        if failed {
            report.outcome = Outcome::Rejected;
            report.new = 0;
            report.known = 0;
            report.updated = 0;
            report.conflicting = 0;
            return Ok(RunResult {
                report,
                regroup: false,
            });
        }
        store_blob(&tx, file_id, &compressed)?;
        store_problems(&tx, file_id, &report.problems)?;
        tx.execute(
            "UPDATE imported_files SET rows_total = ?1, rows_new = ?2, rows_known = ?3,
                rows_conflicting = ?4, rows_updated = ?5, rows_rejected = ?6 WHERE id = ?7",
            params![
                report.rows as i64,
                report.new as i64,
                report.known as i64,
                report.conflicting as i64,
                report.updated as i64,
                report.rejected as i64,
                file_id
            ],
        )?;
        if self.opts.dry_run {
            report.outcome = Outcome::DryRun;
            drop(tx);
        } else {
            crate::audit::append(
                &tx,
                &crate::audit::NewEvent {
                    at: self.opts.now,
                    actor: self.opts.actor.clone(),
                    action: "import".into(),
                    subject: format!("file:{file_id}"),
                    before: None,
                    after: Some(
                        serde_json::json!({
                            "name": self.name,
                            "sha256": self.sha256,
                            "size": self.size,
                            "kind": profile.kind.as_str(),
                            "format": profile.name,
                            "sheet": detected.sheet,
                            "psp": profile.source,
                            "zone": report.zone,
                            "zone_from": report.zone_from,
                            "rows_root": report.rows_chain.root(),
                            "rows": {
                                "total": report.rows,
                                "new": report.new,
                                "known": report.known,
                                "conflicting": report.conflicting,
                                "updated": report.updated,
                                "rejected": report.rejected,
                            },
                        })
                        .to_string(),
                    ),
                    reason: None,
                    note: None,
                },
            )?;
            crate::audit::crash_point("import");
            tx.commit()?;
            report.outcome = Outcome::Imported;
            report.file_id = Some(file_id);
        }
        Ok(RunResult {
            report,
            regroup: false,
        })
    }

    /// A quote that opens a cell and is never closed, or closes in the middle of a later one.
    pub(super) fn quote_problem(&self, cells: Option<&CellReader>) -> Option<Problem> {
        let q = self.source.open_quote()?;
        let (code, message) = match q.closes_at {
            Some(line) => (
                "quote_closed_early",
                msg!(words::QUOTE_CLOSED_EARLY, &q.start, words::int(line)),
            ),
            None => ("open_quote", msg!(words::OPEN_QUOTE, &q.start)),
        };
        Some(Problem {
            file: self.display.to_string(),
            sheet: None,
            row: Some(q.line),
            column: Some(match cells {
                Some(c) => c.column_name(q.field),
                None => column_letter(q.field),
            }),
            severity: Severity::Error,
            code: code.into(),
            message,
        })
    }

    /// A row the CSV reader could not read at all.
    pub(super) fn bad_csv(&self, sheet: &Option<String>, e: source::RowError) -> Problem {
        Problem {
            file: self.display.to_string(),
            sheet: sheet.clone(),
            row: e.row,
            column: None,
            severity: Severity::Error,
            code: "bad_csv".into(),
            message: e.message,
        }
    }

    pub(super) fn note_rows_above(&self, detected: &Detected<'_>, report: &mut ImportReport) {
        if !detected.above.is_empty() && !detected.profile.summary_block {
            let rows: Vec<Arg> = detected.above.iter().map(|(r, _)| words::int(*r)).collect();
            report.problems.push(Problem {
                file: self.display.to_string(),
                sheet: detected.sheet.clone(),
                row: detected.above.first().map(|(r, _)| *r),
                column: None,
                severity: Severity::Warning,
                code: "lines_above_header".into(),
                message: msg!(words::LINES_ABOVE_HEADER, Arg::list(rows, Join::Comma)),
            });
        }
    }
}

/// Stores a file's problems (each with its file, sheet, row and column) in `import_problems`.
pub(super) fn store_problems(
    tx: &rusqlite::Transaction<'_>,
    file_id: i64,
    problems: &[super::Problem],
) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO import_problems(file_id, sheet, row_no, col, severity, code, message)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for p in problems {
        stmt.execute(params![
            file_id,
            p.sheet,
            p.row.map(|r| r as i64),
            p.column,
            p.severity.as_str(),
            p.code,
            p.message.to_json()
        ])?;
    }
    Ok(())
}
