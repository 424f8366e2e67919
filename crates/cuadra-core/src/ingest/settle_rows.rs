//! Reading a settlement report's rows: a parsing thread turns rows into lines while this one
//! writes them, batch by batch, inside the import's transaction.

use super::job::{Detected, Job};
use super::{
    cells, echoes, file_problem, settlement, source, statement, words, Field, ImportReport,
    IngestError, Problem, Severity, HOOK_EVERY, PARSE_BATCH,
};
use crate::msg;
use cells::CellReader;
use chrono_tz::Tz;
use csv::StringRecord;
use rusqlite::Connection;
use source::is_blank;
use std::collections::BTreeMap;

/// One data row as the parsing thread hands it over.
pub(super) enum ParsedRow {
    Line {
        row: u64,
        keyed: settlement::KeyedLine,
        line: Box<crate::model::SettlementLine>,
        raw: StringRecord,
        warnings: Vec<Problem>,
    },
    /// One of the file's own balances or totals (kept by the parser in its `FileTotals`).
    Total(Vec<Problem>),
    Rejected(Problem, Vec<Problem>),
    Unreadable(Problem),
}

impl Job<'_> {
    pub(super) fn read_settlement(
        &self,
        tx: &Connection,
        file_id: i64,
        detected: &mut Detected<'_>,
        cells: &CellReader,
        zone: Tz,
        report: &mut ImportReport,
    ) -> Result<(), IngestError> {
        let profile = detected.profile.clone();
        let sheet = detected.sheet.clone();
        self.note_rows_above(detected, report);
        let writer = settlement::LineWriter::new(file_id);
        let batches = if profile.summary_block {
            match settlement::read_summary(
                self.display,
                sheet.as_deref(),
                &detected.above,
                &profile,
                zone,
            ) {
                Ok(b) => b,
                Err(p) => {
                    report.rejected += 1;
                    report.problems.push(p);
                    Vec::new()
                }
            }
        } else {
            Vec::new()
        };
        for b in &batches {
            writer.write_batch(tx, b)?;
        }
        let batch_ref = match batches.as_slice() {
            [one] => one.batch_ref.clone(),
            _ => None,
        };

        // Parsing and SQLite each take a core: rows are read, checked and keyed on a thread of
        // their own and handed over in batches, in file order, to this thread, which writes them.
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<ParsedRow>>(8);
        let (unknown, totals) = std::thread::scope(|s| -> Result<_, IngestError> {
            // Owned here so an early error return drops it and unblocks the parser.
            let receiver = receiver;
            let parser = s.spawn(|| {
                let mut unknown = BTreeMap::new();
                let mut totals = settlement::FileTotals::default();
                let mut keyer = settlement::LineKeyer::new(&profile);
                let mut batch = Vec::with_capacity(PARSE_BATCH);
                // Reads one row (or one statement block: its summary row and its concepts)
                // into what the writer takes.
                let mut parse =
                    |row: u64, rec: &StringRecord, block: Option<statement::Concepts>| {
                        let mut warnings = Vec::new();
                        let line = cells.check_shape(rec, row).and_then(|w| {
                            warnings = w;
                            let read = settlement::read_line(
                                cells,
                                &profile,
                                rec,
                                row,
                                batch_ref.as_deref(),
                                &mut unknown,
                                &mut warnings,
                            )?;
                            match (read, block) {
                                (settlement::SettlementRow::Line(mut line), Some(concepts)) => {
                                    let a =
                                        statement::amounts(cells, row, &concepts, &mut warnings)?;
                                    settlement::apply_block(&mut line, a);
                                    Ok(settlement::SettlementRow::Line(line))
                                }
                                (read, _) => Ok(read),
                            }
                        });
                        match line {
                            Ok(settlement::SettlementRow::Line(line)) => {
                                totals.add(cells.text(rec, Field::RecordType), &line);
                                ParsedRow::Line {
                                    row,
                                    keyed: keyer.key(&line),
                                    line,
                                    raw: rec.clone(),
                                    warnings,
                                }
                            }
                            Ok(settlement::SettlementRow::Total(t)) => {
                                totals.rows.push(t);
                                ParsedRow::Total(warnings)
                            }
                            Err(p) => ParsedRow::Rejected(p, warnings),
                        }
                    };
                // A statement block waits for its concept rows until the next block starts.
                let mut held: Option<(u64, StringRecord, statement::Concepts)> = None;
                let mut rec = StringRecord::new();
                loop {
                    let row = match detected.next(&mut rec) {
                        Ok(Some(row)) => row,
                        Ok(None) => break,
                        Err(e) => {
                            batch.push(ParsedRow::Unreadable(self.bad_csv(&sheet, e)));
                            break;
                        }
                    };
                    if is_blank(&rec) {
                        continue;
                    }
                    if profile.statement_blocks {
                        if statement::continues(cells, &rec) {
                            if let Err(p) = cells.check_shape(&rec, row) {
                                batch.push(ParsedRow::Rejected(p, Vec::new()));
                                continue;
                            }
                            match &mut held {
                                Some((_, _, concepts)) => {
                                    concepts.push(statement::concepts(cells, &rec))
                                }
                                None => batch.push(ParsedRow::Rejected(
                                    cells.problem(
                                        row,
                                        None,
                                        Severity::Error,
                                        "orphan_concept",
                                        msg!(words::ORPHAN_CONCEPT),
                                    ),
                                    Vec::new(),
                                )),
                            }
                            continue;
                        }
                        let first = statement::concepts(cells, &rec);
                        if let Some((r, summary, concepts)) =
                            held.replace((row, rec.clone(), vec![first]))
                        {
                            batch.push(parse(r, &summary, Some(concepts)));
                        }
                    } else {
                        batch.push(parse(row, &rec, None));
                    }
                    if batch.len() >= PARSE_BATCH
                        && sender
                            .send(std::mem::replace(
                                &mut batch,
                                Vec::with_capacity(PARSE_BATCH),
                            ))
                            .is_err()
                    {
                        return (unknown, totals); // the writer stopped on an error of its own
                    }
                }
                if let Some((r, summary, concepts)) = held.take() {
                    batch.push(parse(r, &summary, Some(concepts)));
                }
                let _ = sender.send(batch);
                drop(sender);
                (unknown, totals)
            });
            for parsed in receiver.iter().flatten() {
                report.rows += 1;
                if report.rows % HOOK_EVERY == 0 {
                    self.tick(report.rows)?;
                }
                match parsed {
                    ParsedRow::Line {
                        row,
                        keyed,
                        line,
                        raw,
                        warnings,
                    } => {
                        report.problems.extend(warnings);
                        report.rows_chain.add(&keyed.identity, &keyed.content_hash);
                        writer.write(
                            tx,
                            &keyed,
                            &line,
                            sheet.as_deref(),
                            row,
                            &raw,
                            report,
                            |code, msg| cells.problem(row, None, Severity::Warning, code, msg),
                        )?;
                    }
                    ParsedRow::Total(warnings) => {
                        report.problems.extend(warnings);
                        report.totals += 1;
                    }
                    ParsedRow::Rejected(p, warnings) => {
                        report.problems.extend(warnings);
                        report.rejected += 1;
                        report.problems.push(p);
                    }
                    ParsedRow::Unreadable(p) => {
                        report.rejected += 1;
                        report.problems.push(p);
                    }
                }
            }
            Ok(parser.join().unwrap_or_default())
        })?;
        if let Some(batch) = totals.finish(&profile, cells, &mut report.problems) {
            writer.write_batch(tx, &batch)?;
        }
        // A line that now repeats another's money was counted by the dashboard's rollups when
        // its own case was stored: they are recounted without it.
        if echoes::shares_money(&profile.identity_scope)
            && echoes::pair_same_money(tx, Some(file_id))? > 0
        {
            (self.recount)(tx)?;
        }
        for b in &batches {
            if let Some(items) = b.items {
                if items as u64 != report.rows {
                    report.problems.push(Problem {
                        file: self.display.to_string(),
                        sheet: sheet.clone(),
                        row: Some(b.row),
                        column: Some("NUMBER_OF_ITEMS".into()),
                        severity: Severity::Warning,
                        code: "summary_count_differs".into(),
                        message: msg!(words::SUMMARY_COUNT_DIFFERS, items, words::int(report.rows)),
                    });
                }
            }
        }
        if profile.not_a_settlement {
            report.problems.push(Problem {
                severity: Severity::Warning,
                ..file_problem(
                    self.display,
                    "not_a_settlement",
                    msg!(words::NOT_A_SETTLEMENT, profile.name.as_str()),
                )
            });
        }
        self.report_unknown(unknown, cells, report);
        Ok(())
    }

    pub(super) fn report_unknown(
        &self,
        unknown: BTreeMap<(Field, String), u64>,
        cells: &CellReader,
        report: &mut ImportReport,
    ) {
        for ((field, value), n) in unknown {
            let entry = match field {
                Field::RowType => words::UNKNOWN_ROW_TYPE_VALUE,
                _ => words::UNKNOWN_STATUS_VALUE,
            };
            report.problems.push(Problem {
                file: self.display.to_string(),
                sheet: cells.sheet.clone(),
                row: None,
                column: cells.column_of(field).map(|c| cells.column_name(c)),
                severity: Severity::Warning,
                code: "unknown_value".into(),
                message: msg!(entry, words::int(n), value),
            });
        }
    }
}
