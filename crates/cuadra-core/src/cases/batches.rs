//! Settlement batches and the lines that make them up: what a reconciliation run books a
//! batch's difference against and what the monthly summary ties out, computed one way for both.
//!
//! A batch is its PSP's reference (a re-imported or re-downloaded file repeats it: the first
//! summary row with a total counts, and its lines are those of every file, stored once, with
//! the lines of a file whose summary rows all repeat that one reference); without a reference,
//! its file (again the first summary row with a total: a block may repeat it as HEADER and
//! TOTAL).

use rusqlite::Connection;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// One batch with a file total, and the lines that belong to it.
#[derive(Clone, Debug)]
pub(crate) struct BatchTotal {
    pub file_id: i64,
    pub psp: String,
    pub batch_ref: Option<String>,
    pub currency: Option<String>,
    /// The file's own net total, as written (not yet parsed).
    pub net_total: String,
    pub transfer_date: Option<String>,
    /// The name of the file whose summary counts.
    pub file: String,
    /// The sum of the lines' net amounts (a line without one adds nothing).
    pub lines_net: Decimal,
    pub lines: i64,
}

impl BatchTotal {
    /// The key of the `settlement_charge` case a run books the batch's difference in.
    pub fn case_key(&self) -> String {
        match &self.batch_ref {
            Some(r) => format!("batch:{}:{r}:rounding", self.psp),
            None => format!("batch:{}:file{}:rounding", self.psp, self.file_id),
        }
    }
}

/// Every batch with a file total, in import order, with its lines summed in one pass over the
/// lines (a query per batch would read them all once per batch).
pub(crate) fn batch_totals(conn: &Connection) -> rusqlite::Result<Vec<BatchTotal>> {
    let mut batches: Vec<BatchTotal> = {
        let mut stmt = conn.prepare(
            "SELECT b.file_id, b.psp, b.batch_ref, b.currency, b.net_total, b.transfer_date,
                f.name
             FROM settlement_batches b JOIN imported_files f ON f.id = b.file_id
             WHERE b.net_total IS NOT NULL
               AND ((b.batch_ref IS NULL AND b.id = (SELECT MIN(b2.id) FROM settlement_batches b2
                       WHERE b2.file_id = b.file_id AND b2.batch_ref IS NULL
                         AND b2.net_total IS NOT NULL))
                    OR b.id = (SELECT MIN(b2.id) FROM settlement_batches b2
                       WHERE b2.psp = b.psp AND b2.batch_ref = b.batch_ref
                         AND b2.net_total IS NOT NULL))
             ORDER BY b.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(BatchTotal {
                file_id: r.get(0)?,
                psp: r.get(1)?,
                batch_ref: r.get(2)?,
                currency: r.get(3)?,
                net_total: r.get(4)?,
                transfer_date: r.get(5)?,
                file: r.get(6)?,
                lines_net: Decimal::ZERO,
                lines: 0,
            })
        })?;
        rows.collect::<Result<_, _>>()?
    };
    if batches.is_empty() {
        return Ok(batches);
    }
    // A named batch holds every line of its PSP and reference (`named`: PSP -> reference ->
    // batch), a batch without a reference every line of its file (`by_file`).
    let mut named: HashMap<String, HashMap<String, usize>> = HashMap::new();
    let mut by_file: HashMap<i64, usize> = HashMap::new();
    for (i, b) in batches.iter().enumerate() {
        match &b.batch_ref {
            Some(r) => {
                named.entry(b.psp.clone()).or_default().insert(r.clone(), i);
            }
            None => {
                by_file.insert(b.file_id, i);
            }
        }
    }
    // A file whose summary rows all name one reference (HEADER and TOTAL repeating it) leaves
    // its lines without one at import (several summary rows): they are that batch's lines.
    let mut file_named: HashMap<i64, usize> = HashMap::new();
    {
        let mut stmt = conn.prepare(
            "SELECT file_id, psp, MIN(batch_ref) FROM settlement_batches GROUP BY file_id, psp
             HAVING COUNT(*) > 1 AND COUNT(batch_ref) = COUNT(*)
                AND COUNT(DISTINCT batch_ref) = 1",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (file_id, psp, batch): (i64, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            if let Some(&i) = named.get(&psp).and_then(|refs| refs.get(&batch)) {
                file_named.insert(file_id, i);
            }
        }
    }
    let mut stmt =
        conn.prepare("SELECT psp, batch_ref, file_id, net_amount FROM settlement_lines")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let net = r
            .get_ref(3)?
            .as_str_or_null()
            .ok()
            .flatten()
            .and_then(|t| t.trim().parse::<Decimal>().ok());
        let mut into = |i: usize| {
            let b = &mut batches[i];
            b.lines += 1;
            if let Some(v) = net {
                b.lines_net += v;
            }
        };
        let file_id: i64 = r.get(2)?;
        match (
            r.get_ref(0)?.as_str_or_null().ok().flatten(),
            r.get_ref(1)?.as_str_or_null().ok().flatten(),
        ) {
            (Some(psp), Some(batch)) => {
                if let Some(&i) = named.get(psp).and_then(|refs| refs.get(batch)) {
                    into(i);
                }
            }
            (_, None) => {
                if let Some(&i) = file_named.get(&file_id) {
                    into(i);
                }
            }
            (None, Some(_)) => {}
        }
        if let Some(&i) = by_file.get(&file_id) {
            into(i);
        }
    }
    Ok(batches)
}
