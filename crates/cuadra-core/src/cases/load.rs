//! Reading a workspace's settlement lines, the current state of its orders and its matching
//! settings into the engine's inputs. Read-only: cases are not stored yet (see the module docs).

use crate::model::{OrderStatus, PaymentStatus, RowType};
use crate::reconcile::{Inputs, Line, Order, ReconSettings, Text};
use crate::store::{StoreError, Workspace};
use crate::time::Moment;
use rusqlite::Row;
use rust_decimal::Decimal;

/// A stored value that does not read back: the workspace was edited outside Cuadra.
fn corrupt(what: &str, text: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("stored {what} '{text}' cannot be read back").into(),
    )
}

fn text<'r>(r: &'r Row<'_>, i: usize) -> rusqlite::Result<Option<&'r str>> {
    r.get_ref(i)?
        .as_str_or_null()
        .map_err(rusqlite::Error::from)
}

fn decimal(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<Decimal>> {
    text(r, i)?
        .map(|t| t.parse::<Decimal>().map_err(|_| corrupt("amount", t)))
        .transpose()
}

fn moment(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<Moment>> {
    text(r, i)?
        .map(|t| Moment::from_storage(t).map_err(|_| corrupt("time", t)))
        .transpose()
}

impl Workspace {
    /// Every settlement line and the current snapshot of every order, in id order, with what the
    /// engine reads (free-text and unused columns are left out).
    pub fn recon_inputs(&self) -> Result<Inputs, StoreError> {
        recon_inputs_where(self.conn(), None)
    }
}

/// Every settlement line and the current snapshot of every order, as committed: call it before
/// writing anything in the caller's transaction (see `recon_inputs_where`).
pub fn recon_inputs_all(conn: &rusqlite::Connection) -> Result<Inputs, StoreError> {
    recon_inputs_where(conn, None)
}

/// The orders and lines with the given store ids (a partial recompute after a review act).
pub fn recon_inputs_for(
    conn: &rusqlite::Connection,
    order_ids: &[i64],
    line_ids: &[i64],
) -> Result<Inputs, StoreError> {
    recon_inputs_where(conn, Some((order_ids, line_ids)))
}

/// How many rows a load will read: the ids asked for, else the table's count (retention can
/// delete rows, so the highest id may overstate it).
fn capacity(
    conn: &rusqlite::Connection,
    table: &str,
    ids: Option<&[i64]>,
) -> Result<usize, StoreError> {
    Ok(match ids {
        Some(ids) => ids.len(),
        None => conn
            .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| {
                r.get::<_, i64>(0)
            })?
            .max(0) as usize,
    })
}

/// Text bytes a line holds on average (references, e-mail), to size the arena once.
const LINE_TEXT: usize = 48;
/// Text bytes an order holds on average (name, ids, references, customer).
const ORDER_TEXT: usize = 96;

fn recon_inputs_where(
    conn: &rusqlite::Connection,
    only: Option<(&[i64], &[i64])>,
) -> Result<Inputs, StoreError> {
    // A whole workspace in WAL mode is read on two read-only connections at once, lines on one
    // and orders on the other (each with a small page cache of its own). They see what is
    // committed: a caller must not have written in its own transaction before loading (a run
    // loads first thing after taking the write lock, which also keeps any import from landing
    // between the two reads). Without WAL a writer's lock could block them: one connection.
    let path = conn.path().filter(|p| !p.is_empty());
    let wal = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get::<_, String>(0))
        .is_ok_and(|m| m.eq_ignore_ascii_case("wal"));
    if let (None, Some(path), true) = (only, path, wal) {
        // The orders' arena is sized to take the lines' texts too, so joining the halves
        // copies those once and grows nothing.
        let n_lines = capacity(conn, "settlement_lines", None)?;
        let n_orders = capacity(conn, "shop_orders", None)?;
        let half = |lines: bool| -> Result<Inputs, StoreError> {
            let c = rusqlite::Connection::open_with_flags(
                path,
                rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                    | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            c.busy_timeout(std::time::Duration::from_secs(30))?;
            let mut inputs = Inputs::default();
            if lines {
                inputs.reserve(0, n_lines, n_lines * LINE_TEXT);
                load_lines(&c, None, &mut inputs)?;
            } else {
                inputs.reserve(n_orders, 0, n_orders * ORDER_TEXT + n_lines * LINE_TEXT);
                load_orders(&c, None, &mut inputs)?;
            }
            Ok(inputs)
        };
        let mut halves = crate::reconcile::each_in_order(vec![true, false], half).into_iter();
        let (Some(lines), Some(orders)) = (halves.next(), halves.next()) else {
            unreachable!("two pieces give two results");
        };
        let mut inputs = orders?;
        inputs.append(lines?);
        inputs.loaded();
        return Ok(inputs);
    }
    let mut inputs = Inputs::default();
    let order_ids = only.map(|o| o.0);
    // A line that repeats another's money is in that line's case: recomputing it is
    // recomputing the line it repeats.
    let line_ids = match only {
        Some((_, ids)) => Some(with_repeated(conn, ids)?),
        None => None,
    };
    let line_ids = line_ids.as_deref();
    let n_lines = capacity(conn, "settlement_lines", line_ids)?;
    let n_orders = capacity(conn, "shop_orders", order_ids)?;
    inputs.reserve(
        n_orders,
        n_lines,
        n_orders * ORDER_TEXT + n_lines * LINE_TEXT,
    );
    load_lines(conn, line_ids, &mut inputs)?;
    load_orders(conn, order_ids, &mut inputs)?;
    inputs.loaded();
    Ok(inputs)
}

/// `ids` with, in place of each line that repeats another's money, the line it repeats.
fn with_repeated(conn: &rusqlite::Connection, ids: &[i64]) -> Result<Vec<i64>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT coalesce(e.of_line_id, j.value) FROM json_each(?1) j
         LEFT JOIN line_echoes e ON e.line_id = j.value",
    )?;
    let json = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
    let rows = stmt.query_map([json], |r| r.get::<_, i64>(0))?;
    let mut out: Vec<i64> = rows.collect::<Result<_, _>>()?;
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// `WHERE <column> IN (the ids)` with its one parameter, or nothing for a whole table.
fn only_ids(only: Option<&[i64]>, column: &str) -> (String, Vec<String>) {
    match only {
        Some(ids) => (
            format!("WHERE {column} IN (SELECT value FROM json_each(?1))"),
            vec![serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())],
        ),
        None => (String::new(), Vec::new()),
    }
}

/// Only what the engine and the stored case read, straight from SQLite's buffers into the
/// arena: no `String` per cell.
fn load_lines(
    conn: &rusqlite::Connection,
    only: Option<&[i64]>,
    inputs: &mut Inputs,
) -> Result<(), StoreError> {
    let (line_where, params) = only_ids(only, "id");
    let line_where = if line_where.is_empty() {
        "WHERE id NOT IN (SELECT line_id FROM line_echoes)".to_string()
    } else {
        format!("{line_where} AND id NOT IN (SELECT line_id FROM line_echoes)")
    };
    let mut stmt = conn.prepare(&format!(
        // A line without a settlement date of its own was settled on its batch's transfer date
        // (dLocal gives TRANSFER_DATE once, in the file's HEADER row): its own file's summary
        // first, else any file's summary of the same batch.
        "SELECT id, l.psp, l.batch_ref, row_type, status, merchant_ref, psp_txn_id, psp_order_id,
            payment_method, local_amount, local_currency, gross_amount, fee_amount,
            tax_amount, net_amount, settlement_currency, created_at, approved_at,
            COALESCE(settled_at, bf.transfer_date, b.transfer_date), expires_at, payer_email,
            raw_status
         FROM settlement_lines l
         LEFT JOIN (SELECT file_id, batch_ref, MIN(transfer_date) AS transfer_date
                    FROM settlement_batches
                    WHERE batch_ref IS NOT NULL AND transfer_date IS NOT NULL
                    GROUP BY file_id, batch_ref) bf
           ON bf.file_id = l.file_id AND bf.batch_ref = l.batch_ref
         LEFT JOIN (SELECT psp, batch_ref, MIN(transfer_date) AS transfer_date
                    FROM settlement_batches
                    WHERE batch_ref IS NOT NULL AND transfer_date IS NOT NULL
                    GROUP BY psp, batch_ref) b
           ON b.psp = l.psp AND b.batch_ref = l.batch_ref
         {line_where} ORDER BY id"
    ))?;
    let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
    let mut last = [Text::NONE; 6];
    while let Some(r) = rows.next()? {
        let row_type = text(r, 3)?.unwrap_or("");
        let status = text(r, 4)?.unwrap_or("");
        let line = Line {
            id: r.get(0)?,
            psp: inputs.intern_after(text(r, 1)?.or(Some("")), &mut last[0]),
            batch_ref: inputs.intern_after(text(r, 2)?, &mut last[1]),
            row_type: RowType::parse(row_type).ok_or_else(|| corrupt("row type", row_type))?,
            status: PaymentStatus::parse(status).ok_or_else(|| corrupt("status", status))?,
            raw_status: inputs.intern_after(text(r, 21)?, &mut last[5]),
            merchant_ref: inputs.put(text(r, 5)?),
            psp_txn_id: inputs.put(text(r, 6)?),
            psp_order_id: inputs.put(text(r, 7)?),
            payment_method: inputs.intern_after(text(r, 8)?, &mut last[2]),
            local_amount: decimal(r, 9)?,
            local_currency: inputs.intern_after(text(r, 10)?, &mut last[3]),
            gross_amount: decimal(r, 11)?,
            fee_amount: decimal(r, 12)?,
            tax_amount: decimal(r, 13)?,
            net_amount: decimal(r, 14)?,
            settlement_currency: inputs.intern_after(text(r, 15)?, &mut last[4]),
            created_at: moment(r, 16)?,
            approved_at: moment(r, 17)?,
            settled_at: moment(r, 18)?,
            expires_at: moment(r, 19)?,
            payer_email: inputs.put(text(r, 20)?),
        };
        inputs.lines.push(line);
    }
    drop(rows);
    let (echo_where, params) = only_ids(only, "of_line_id");
    let mut stmt = conn.prepare(&format!(
        "SELECT of_line_id, line_id FROM line_echoes {echo_where}"
    ))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
    })?;
    for pair in rows {
        inputs.echoes.push(pair?);
    }
    inputs.echoes.sort_unstable();
    Ok(())
}

fn load_orders(
    conn: &rusqlite::Connection,
    only: Option<&[i64]>,
    inputs: &mut Inputs,
) -> Result<(), StoreError> {
    let (order_where, params) = only_ids(only, "o.id");
    let mut stmt = conn.prepare(&format!(
        "SELECT o.id, o.platform, s.order_name, s.shop_order_id, s.financial_status,
            s.currency, s.total, s.created_at, s.paid_at, s.expires_at,
            s.payment_method, s.payment_reference, s.payment_id, s.customer_name, s.email
         FROM shop_orders o JOIN order_snapshots s ON s.id = o.current_snapshot_id
         {order_where} ORDER BY o.id"
    ))?;
    let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
    let mut last = [Text::NONE; 3];
    while let Some(r) = rows.next()? {
        let status = text(r, 4)?.unwrap_or("");
        let order = Order {
            id: r.get(0)?,
            platform: inputs.intern_after(text(r, 1)?.or(Some("")), &mut last[0]),
            order_name: inputs.put(text(r, 2)?),
            shop_order_id: inputs.put(text(r, 3)?),
            financial_status: OrderStatus::parse(status)
                .ok_or_else(|| corrupt("order status", status))?,
            currency: inputs.intern_after(text(r, 5)?, &mut last[1]),
            total: decimal(r, 6)?,
            created_at: moment(r, 7)?,
            paid_at: moment(r, 8)?,
            expires_at: moment(r, 9)?,
            payment_method: inputs.intern_after(text(r, 10)?, &mut last[2]),
            payment_reference: inputs.put(text(r, 11)?),
            payment_id: inputs.put(text(r, 12)?),
            customer: inputs.put(text(r, 13)?.or(text(r, 14)?)),
        };
        inputs.orders.push(order);
    }
    Ok(())
}

impl Workspace {
    /// The matching settings kept in the workspace, with defaults for what is not set:
    /// `zone`, `tolerance`, `validity_hours`, `validity_hours.<psp>`, `grace_days`,
    /// `payout_window_days`, `payout_window_days.<psp>`, `payout_allowance`.
    pub fn recon_settings(&self) -> Result<ReconSettings, StoreError> {
        let mut settings = ReconSettings::default();
        let mut stmt = self.conn().prepare("SELECT key, value FROM settings")?;
        let pairs = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            .collect::<Result<Vec<_>, _>>()?;
        for (key, value) in pairs {
            match key.as_str() {
                "zone" => settings.zone = crate::store::zone_from(Some(&value)),
                "tolerance" => {
                    if let Ok(t) = value.parse() {
                        settings.tolerance = t;
                    }
                }
                "validity_hours" => {
                    if let Ok(h) = value.parse() {
                        settings.validity_hours = h;
                    }
                }
                "grace_days" => {
                    if let Ok(d) = value.parse() {
                        settings.grace_days = d;
                    }
                }
                "payout_window_days" => {
                    if let Ok(d) = value.parse() {
                        settings.payout_window_days = d;
                    }
                }
                "payout_allowance" => {
                    if let Ok(a) = value.parse() {
                        settings.payout_allowance = a;
                    }
                }
                other => {
                    if let (Some(psp), Ok(h)) =
                        (other.strip_prefix("validity_hours."), value.parse())
                    {
                        settings.validity_hours_by_psp.insert(psp.to_string(), h);
                    }
                    if let (Some(psp), Ok(d)) =
                        (other.strip_prefix("payout_window_days."), value.parse())
                    {
                        settings
                            .payout_window_days_by_psp
                            .insert(psp.to_string(), d);
                    }
                }
            }
        }
        Ok(settings)
    }
}
