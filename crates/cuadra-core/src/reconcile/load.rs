//! Reading a workspace's settlement lines, the current state of its orders and its matching
//! settings into the engine's inputs. Read-only: cases are not stored yet (see the module docs).

use super::{LineIn, OrderIn, ReconSettings};
use crate::model::{OrderStatus, PaymentStatus, RowType, SettlementLine, ShopOrder};
use crate::store::{StoreError, Workspace};
use crate::time::{parse_zone, Moment};
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

fn decimal(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<Decimal>> {
    r.get::<_, Option<String>>(i)?
        .map(|t| t.parse::<Decimal>().map_err(|_| corrupt("amount", &t)))
        .transpose()
}

fn moment(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<Moment>> {
    r.get::<_, Option<String>>(i)?
        .map(|t| Moment::from_storage(&t).map_err(|_| corrupt("time", &t)))
        .transpose()
}

impl Workspace {
    /// Every settlement line and the current snapshot of every order, in id order, with what the
    /// engine reads (free-text and unused columns are left empty).
    pub fn recon_inputs(&self) -> Result<(Vec<OrderIn>, Vec<LineIn>), StoreError> {
        recon_inputs_where(self.conn(), None)
    }
}

/// Every settlement line and the current snapshot of every order, read on `conn` (inside the
/// caller's transaction).
pub fn recon_inputs_all(
    conn: &rusqlite::Connection,
) -> Result<(Vec<OrderIn>, Vec<LineIn>), StoreError> {
    recon_inputs_where(conn, None)
}

/// The orders and lines with the given store ids (a partial recompute after a review act).
pub fn recon_inputs_for(
    conn: &rusqlite::Connection,
    order_ids: &[i64],
    line_ids: &[i64],
) -> Result<(Vec<OrderIn>, Vec<LineIn>), StoreError> {
    recon_inputs_where(conn, Some((order_ids, line_ids)))
}

/// How many rows a load will read: the ids asked for, else the whole table.
fn count(
    conn: &rusqlite::Connection,
    table: &str,
    ids: Option<&[i64]>,
) -> Result<usize, StoreError> {
    Ok(match ids {
        Some(ids) => ids.len(),
        None => conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| {
            r.get::<_, i64>(0)
        })? as usize,
    })
}

fn recon_inputs_where(
    conn: &rusqlite::Connection,
    only: Option<(&[i64], &[i64])>,
) -> Result<(Vec<OrderIn>, Vec<LineIn>), StoreError> {
    {
        let (line_where, order_where) = match only {
            Some(_) => (
                "WHERE id IN (SELECT value FROM json_each(?1))",
                "WHERE o.id IN (SELECT value FROM json_each(?1))",
            ),
            None => ("", ""),
        };
        // Only what the engine and the stored case read: a million lines and orders are held
        // at once, and their free-text columns would double the memory.
        let mut stmt = conn.prepare(&format!(
            "SELECT id, psp, batch_ref, row_type, status, merchant_ref, psp_txn_id, psp_order_id,
                payment_method, local_amount, local_currency, gross_amount, fee_amount,
                tax_amount, net_amount, settlement_currency, created_at, approved_at, settled_at,
                expires_at, payer_email
             FROM settlement_lines {line_where} ORDER BY id"
        ))?;
        let json = |ids: &[i64]| serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
        let line_params: Vec<String> = only.iter().map(|(_, l)| json(l)).collect();
        let mut lines = Vec::with_capacity(count(conn, "settlement_lines", only.map(|o| o.1))?);
        let rows = stmt.query_map(rusqlite::params_from_iter(line_params.iter()), |r| {
            let row_type: String = r.get(3)?;
            let status: String = r.get(4)?;
            Ok(LineIn {
                id: r.get(0)?,
                line: SettlementLine {
                    psp: r.get(1)?,
                    batch_ref: r.get(2)?,
                    row_type: RowType::parse(&row_type)
                        .ok_or_else(|| corrupt("row type", &row_type))?,
                    raw_row_type: None,
                    status: PaymentStatus::parse(&status)
                        .ok_or_else(|| corrupt("status", &status))?,
                    raw_status: None,
                    merchant_ref: r.get(5)?,
                    psp_txn_id: r.get(6)?,
                    psp_order_id: r.get(7)?,
                    payment_method: r.get(8)?,
                    payment_type: None,
                    local_amount: decimal(r, 9)?,
                    local_currency: r.get(10)?,
                    gross_amount: decimal(r, 11)?,
                    fee_amount: decimal(r, 12)?,
                    tax_amount: decimal(r, 13)?,
                    net_amount: decimal(r, 14)?,
                    settlement_currency: r.get(15)?,
                    fx_rate: None,
                    created_at: moment(r, 16)?,
                    approved_at: moment(r, 17)?,
                    settled_at: moment(r, 18)?,
                    expires_at: moment(r, 19)?,
                    payer_email: r.get(20)?,
                    payer_document: None,
                    description: None,
                    tax_detail: None,
                },
            })
        })?;
        for line in rows {
            lines.push(line?);
        }
        let mut stmt = conn.prepare(&format!(
            "SELECT o.id, o.platform, s.order_name, s.shop_order_id, s.financial_status,
                s.currency, s.total, s.refunded, s.created_at, s.paid_at, s.expires_at,
                s.payment_method, s.payment_reference, s.payment_id, s.email, s.customer_name
             FROM shop_orders o JOIN order_snapshots s ON s.id = o.current_snapshot_id
             {order_where} ORDER BY o.id"
        ))?;
        let order_params: Vec<String> = only.iter().map(|(o, _)| json(o)).collect();
        let mut orders = Vec::with_capacity(count(conn, "shop_orders", only.map(|o| o.0))?);
        let rows = stmt.query_map(rusqlite::params_from_iter(order_params.iter()), |r| {
            let status: String = r.get(4)?;
            Ok(OrderIn {
                id: r.get(0)?,
                order: ShopOrder {
                    platform: r.get(1)?,
                    order_name: r.get(2)?,
                    shop_order_id: r.get(3)?,
                    financial_status: OrderStatus::parse(&status)
                        .ok_or_else(|| corrupt("order status", &status))?,
                    raw_status: None,
                    currency: r.get(5)?,
                    total: decimal(r, 6)?,
                    subtotal: None,
                    shipping: None,
                    taxes: None,
                    discount: None,
                    refunded: decimal(r, 7)?,
                    outstanding: None,
                    created_at: moment(r, 8)?,
                    paid_at: moment(r, 9)?,
                    cancelled_at: None,
                    expires_at: moment(r, 10)?,
                    payment_method: r.get(11)?,
                    payment_reference: r.get(12)?,
                    payment_id: r.get(13)?,
                    email: r.get(14)?,
                    customer_name: r.get(15)?,
                    // Line items do not decide a case; the detail view reads them itself.
                    items: Vec::new(),
                },
            })
        })?;
        for order in rows {
            orders.push(order?);
        }
        Ok((orders, lines))
    }
}

impl Workspace {
    /// The matching settings kept in the workspace, with defaults for what is not set:
    /// `zone`, `tolerance`, `validity_hours`, `validity_hours.<psp>`, `grace_days`.
    pub fn recon_settings(&self) -> Result<ReconSettings, StoreError> {
        let mut settings = ReconSettings::default();
        let mut stmt = self.conn().prepare("SELECT key, value FROM settings")?;
        let pairs = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            .collect::<Result<Vec<_>, _>>()?;
        for (key, value) in pairs {
            match key.as_str() {
                "zone" => {
                    if let Ok(z) = parse_zone(&value) {
                        settings.zone = z;
                    }
                }
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
                other => {
                    if let (Some(psp), Ok(h)) =
                        (other.strip_prefix("validity_hours."), value.parse())
                    {
                        settings.validity_hours_by_psp.insert(psp.to_string(), h);
                    }
                }
            }
        }
        Ok(settings)
    }
}
