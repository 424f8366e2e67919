//! Reading an order export's rows: a parsing thread turns rows into order events (an order and
//! its items, spread over rows) while this one groups and writes them inside the import's
//! transaction.

use super::job::{Detected, Job};
use super::{
    cells, orders, source, words, Field, ImportReport, IngestError, Problem, Severity, HOOK_EVERY,
    PARSE_BATCH,
};
use crate::msg;
use cells::CellReader;
use chrono_tz::Tz;
use csv::StringRecord;
use rusqlite::Connection;
use source::is_blank;
use std::collections::{BTreeMap, HashMap, HashSet};

/// What the order-parsing thread hands over, in file order.
pub(super) enum OrderEvent {
    Problem {
        problem: Problem,
        rejected: u64,
    },
    Order {
        row: u64,
        order: Box<crate::model::ShopOrder>,
        warnings: Vec<Problem>,
    },
    /// An order's rows are not contiguous: the file must be read again, grouping in memory.
    Regroup,
}

/// Batches order events to the writing thread.
pub(super) struct OrderEvents {
    sender: std::sync::mpsc::SyncSender<Vec<OrderEvent>>,
    batch: Vec<OrderEvent>,
}

impl OrderEvents {
    pub(super) fn new(sender: std::sync::mpsc::SyncSender<Vec<OrderEvent>>) -> OrderEvents {
        OrderEvents {
            sender,
            batch: Vec::with_capacity(PARSE_BATCH),
        }
    }

    /// Queues an event; false once the writer has stopped listening.
    pub(super) fn push(&mut self, event: OrderEvent) -> bool {
        self.batch.push(event);
        if self.batch.len() < PARSE_BATCH {
            return true;
        }
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(PARSE_BATCH));
        self.sender.send(batch).is_ok()
    }

    pub(super) fn finish(self) {
        let _ = self.sender.send(self.batch);
    }
}

impl Job<'_> {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn read_orders(
        &self,
        tx: &Connection,
        file_id: i64,
        detected: &mut Detected<'_>,
        cells: &CellReader,
        zone: Tz,
        group_in_memory: bool,
        report: &mut ImportReport,
    ) -> Result<bool, IngestError> {
        let profile = detected.profile.clone();
        let sheet = detected.sheet.clone();
        self.note_rows_above(detected, report);
        // As for settlement files: rows are read, grouped into orders and parsed on a thread of
        // their own; this thread only writes, in file order.
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<OrderEvent>>(8);
        let (rows, unknown, regroup) = std::thread::scope(|s| -> Result<_, IngestError> {
            let receiver = receiver;
            let parser = s.spawn(|| {
                let mut out = OrderEvents::new(sender);
                let mut unknown = BTreeMap::new();
                let mut rows = 0u64;
                let mut current: Option<orders::OrderRows> = None;
                let mut finished: HashSet<String> = HashSet::new();
                let mut held: Vec<orders::OrderRows> = Vec::new();
                let mut held_index: HashMap<String, usize> = HashMap::new();
                let mut rec = StringRecord::new();
                let mut flush = |group: orders::OrderRows, out: &mut OrderEvents| -> bool {
                    let mut warnings = Vec::new();
                    let event = match orders::read_order(
                        cells,
                        &profile,
                        &group,
                        &mut unknown,
                        &mut warnings,
                    ) {
                        Ok(order) => OrderEvent::Order {
                            row: group.rows.first().map(|(r, _)| *r).unwrap_or(0),
                            order: Box::new(order),
                            warnings,
                        },
                        Err(problem) => OrderEvent::Problem {
                            problem,
                            rejected: group.rows.len() as u64,
                        },
                    };
                    out.push(event)
                };
                loop {
                    let row = match detected.next(&mut rec) {
                        Ok(Some(row)) => row,
                        Ok(None) => break,
                        Err(e) => {
                            rows += 1;
                            out.push(OrderEvent::Problem {
                                problem: self.bad_csv(&sheet, e),
                                rejected: 1,
                            });
                            break;
                        }
                    };
                    if is_blank(&rec) {
                        continue;
                    }
                    rows += 1;
                    match cells.check_shape(&rec, row) {
                        Ok(warnings) => {
                            for w in warnings {
                                out.push(OrderEvent::Problem {
                                    problem: w,
                                    rejected: 0,
                                });
                            }
                        }
                        Err(problem) => {
                            out.push(OrderEvent::Problem {
                                problem,
                                rejected: 1,
                            });
                            continue;
                        }
                    }
                    let Some(key) = orders::row_key(cells, &rec) else {
                        let col = cells
                            .column_of(Field::OrderName)
                            .or(cells.column_of(Field::OrderId));
                        out.push(OrderEvent::Problem {
                            problem: cells.problem(
                                row,
                                col,
                                Severity::Error,
                                "no_order_key",
                                msg!(words::NO_ORDER_KEY),
                            ),
                            rejected: 1,
                        });
                        continue;
                    };
                    if !profile.rows_per_item {
                        // One row per order: a repeated key is a second snapshot in the same file.
                        let group = orders::OrderRows {
                            key,
                            rows: vec![(row, rec.clone())],
                        };
                        if !flush(group, &mut out) {
                            return (rows, unknown);
                        }
                        continue;
                    }
                    if group_in_memory {
                        match held_index.get(&key) {
                            Some(i) => held[*i].rows.push((row, rec.clone())),
                            None => {
                                held_index.insert(key.clone(), held.len());
                                held.push(orders::OrderRows {
                                    key,
                                    rows: vec![(row, rec.clone())],
                                });
                            }
                        }
                        continue;
                    }
                    match &mut current {
                        Some(group) if group.key == key => group.rows.push((row, rec.clone())),
                        _ => {
                            if finished.contains(&key) {
                                out.push(OrderEvent::Regroup);
                                out.finish();
                                return (rows, unknown);
                            }
                            if let Some(done) = current.take() {
                                finished.insert(done.key.clone());
                                if !flush(done, &mut out) {
                                    return (rows, unknown);
                                }
                            }
                            current = Some(orders::OrderRows {
                                key,
                                rows: vec![(row, rec.clone())],
                            });
                        }
                    }
                }
                if let Some(done) = current.take() {
                    flush(done, &mut out);
                }
                for group in held {
                    if !flush(group, &mut out) {
                        break;
                    }
                }
                out.finish();
                (rows, unknown)
            });
            let mut regroup = false;
            let mut events = 0u64;
            for event in receiver.iter().flatten() {
                events += 1;
                if events % HOOK_EVERY == 0 {
                    self.tick(events)?;
                }
                match event {
                    OrderEvent::Problem { problem, rejected } => {
                        report.rejected += rejected;
                        report.problems.push(problem);
                    }
                    OrderEvent::Order {
                        row,
                        order,
                        warnings,
                    } => {
                        report.problems.extend(warnings);
                        orders::write_order(
                            tx,
                            file_id,
                            sheet.as_deref(),
                            row,
                            &order,
                            zone,
                            report,
                        )?;
                    }
                    OrderEvent::Regroup => {
                        regroup = true;
                        break;
                    }
                }
            }
            drop(receiver);
            let (rows, unknown) = parser.join().unwrap_or_default();
            Ok((rows, unknown, regroup))
        })?;
        if regroup {
            return Ok(true);
        }
        report.rows += rows;
        self.report_unknown(unknown, cells, report);
        Ok(false)
    }
}
