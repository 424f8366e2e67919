//! Order export rows to `ShopOrder` snapshots. Shopify writes one row per line item with the
//! order's own fields on its first row only, so rows are grouped by order before anything is
//! summed. A later export of a known order adds a snapshot; the order's current state is the
//! snapshot with the latest evidence (its latest time, then how final its status is), so the
//! result does not depend on the order files were imported in.

use super::cells::CellReader;
use super::profile::{Field, Profile};
use super::report::{ImportReport, Problem, Severity};
use super::vocab;
use super::words as w;
use super::{decimal_text, moment_text};
use crate::model::{LineItem, OrderStatus, ShopOrder};
use crate::msg;
use crate::store::sha256_hex;
use crate::time::Moment;
use chrono_tz::Tz;
use csv::StringRecord;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::BTreeMap;

/// The rows of one order in the file, in file order.
pub struct OrderRows {
    pub key: String,
    pub rows: Vec<(u64, StringRecord)>,
}

/// The grouping key of a row: the order's name, else its id.
pub fn row_key(cells: &CellReader, rec: &StringRecord) -> Option<String> {
    cells
        .text(rec, Field::OrderName)
        .or_else(|| cells.text(rec, Field::OrderId))
        .map(str::to_string)
}

/// Whether the row carries the order's own fields (Shopify: only the first row of an order).
fn carries_order_fields(cells: &CellReader, rec: &StringRecord) -> bool {
    cells.text(rec, Field::FinancialStatus).is_some() || cells.text(rec, Field::Total).is_some()
}

/// Builds one order from its rows; a problem rejects every row of the order.
pub fn read_order(
    cells: &CellReader,
    profile: &Profile,
    group: &OrderRows,
    unknown: &mut BTreeMap<(Field, String), u64>,
    warnings: &mut Vec<Problem>,
) -> Result<ShopOrder, Problem> {
    let first_row = group.rows.first().map(|(r, _)| *r).unwrap_or(0);
    let Some((head_row, head)) = group
        .rows
        .iter()
        .find(|(_, rec)| carries_order_fields(cells, rec))
    else {
        return Err(cells.problem(
            first_row,
            cells.column_of(Field::Total),
            Severity::Error,
            "order_without_totals",
            msg!(w::ORDER_WITHOUT_TOTALS, &group.key),
        ));
    };
    let row = *head_row;
    let raw_status = cells.string(head, Field::FinancialStatus);
    let financial_status = match &raw_status {
        None => OrderStatus::Unknown,
        Some(raw) => vocab::order_status(raw).unwrap_or_else(|| {
            *unknown
                .entry((Field::FinancialStatus, raw.clone()))
                .or_default() += 1;
            OrderStatus::Unknown
        }),
    };
    let mut items = Vec::new();
    for (item_row, rec) in &group.rows {
        if !std::ptr::eq(rec, head) && carries_order_fields(cells, rec) {
            let differs = cells.text(rec, Field::Total) != cells.text(head, Field::Total)
                || cells.text(rec, Field::FinancialStatus)
                    != cells.text(head, Field::FinancialStatus);
            if differs {
                warnings.push(cells.problem(
                    *item_row,
                    cells.column_of(Field::Total),
                    Severity::Warning,
                    "order_fields_differ",
                    msg!(w::ORDER_FIELDS_DIFFER, &group.key, w::int(row)),
                ));
            }
        }
        let name = cells.string(rec, Field::ItemName);
        let sku = cells.string(rec, Field::ItemSku);
        let quantity = cells.amount(rec, *item_row, Field::ItemQuantity)?;
        let price = cells.amount(rec, *item_row, Field::ItemPrice)?;
        if name.is_some() || sku.is_some() || quantity.is_some() || price.is_some() {
            items.push(LineItem {
                row: *item_row,
                name,
                sku,
                quantity,
                price,
            });
        }
    }
    let name_or_key = cells.string(head, Field::OrderName);
    let id = cells.string(head, Field::OrderId);
    Ok(ShopOrder {
        platform: profile.source.clone(),
        order_name: name_or_key.or_else(|| {
            // Continuation rows always carry the key; the head row may name it by id only.
            if cells.has(Field::OrderName) {
                Some(group.key.clone())
            } else {
                None
            }
        }),
        shop_order_id: id,
        financial_status,
        raw_status,
        currency: cells.currency(head, Field::Currency),
        total: cells.amount(head, row, Field::Total)?,
        subtotal: cells.amount(head, row, Field::Subtotal)?,
        shipping: cells.amount(head, row, Field::Shipping)?,
        taxes: cells.amount(head, row, Field::Taxes)?,
        discount: cells.amount(head, row, Field::Discount)?,
        refunded: cells.amount(head, row, Field::Refunded)?,
        outstanding: cells.amount(head, row, Field::Outstanding)?,
        created_at: cells.moment(head, row, Field::CreatedAt)?,
        paid_at: cells.moment(head, row, Field::PaidAt)?,
        cancelled_at: cells.moment(head, row, Field::CancelledAt)?,
        expires_at: cells.moment(head, row, Field::ExpiresAt)?,
        payment_method: cells.string(head, Field::PaymentMethod),
        payment_reference: cells.string(head, Field::PaymentReference),
        payment_id: cells.string(head, Field::PaymentId),
        email: cells.string(head, Field::Email),
        customer_name: cells.string(head, Field::CustomerName),
        items,
    })
}

/// How final a status is, for choosing an order's current snapshot among equally recent ones.
fn status_rank(s: OrderStatus) -> u8 {
    match s {
        OrderStatus::Unknown => 0,
        OrderStatus::Pending => 1,
        OrderStatus::Authorized => 2,
        OrderStatus::PartiallyPaid => 3,
        OrderStatus::Paid => 4,
        OrderStatus::Expired => 5,
        OrderStatus::Failed => 6,
        OrderStatus::Voided => 7,
        OrderStatus::Cancelled => 8,
        OrderStatus::PartiallyRefunded => 9,
        OrderStatus::Refunded => 10,
    }
}

/// A sortable text: the snapshot's latest event in UTC, then its status rank.
pub fn state_rank(order: &ShopOrder, zone: Tz) -> String {
    let latest = [order.created_at, order.paid_at, order.cancelled_at]
        .into_iter()
        .flatten()
        .map(|m: Moment| m.to_utc(zone))
        .max();
    let when = latest
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_else(|| "0000-00-00T00:00:00Z".into());
    format!("{when}|{:02}", status_rank(order.financial_status))
}

/// Stores one order snapshot, counting it new, known or updated.
pub fn write_order(
    conn: &Connection,
    file_id: i64,
    sheet: Option<&str>,
    row: u64,
    order: &ShopOrder,
    zone: Tz,
    report: &mut ImportReport,
) -> rusqlite::Result<()> {
    let Some(key) = order.order_key() else {
        return Ok(());
    };
    let content = serde_json::to_string(&SnapshotContent(order)).unwrap_or_default();
    let content_hash = sha256_hex(content.as_bytes());
    report
        .rows_chain
        .add(&format!("{}|{key}", order.platform), &content_hash);
    let inserted = conn
        .prepare_cached(
            "INSERT INTO shop_orders(platform, order_key) VALUES (?1, ?2)
             ON CONFLICT(platform, order_key) DO NOTHING",
        )?
        .execute(params![order.platform, key])?;
    let (order_id, current): (i64, Option<i64>) = if inserted == 1 {
        (conn.last_insert_rowid(), None)
    } else {
        conn.prepare_cached(
            "SELECT id, current_snapshot_id FROM shop_orders WHERE platform = ?1 AND order_key = ?2",
        )?
        .query_row(params![order.platform, key], |r| Ok((r.get(0)?, r.get(1)?)))?
    };
    if inserted == 0 {
        let seen: Option<i64> = conn
            .prepare_cached(
                "SELECT id FROM order_snapshots WHERE order_id = ?1 AND content_hash = ?2 LIMIT 1",
            )?
            .query_row(params![order_id, content_hash], |r| r.get(0))
            .optional()?;
        if seen.is_some() {
            report.known += 1;
            return Ok(());
        }
    }
    let rank = state_rank(order, zone);
    conn.prepare_cached(
        "INSERT INTO order_snapshots(order_id, file_id, sheet, row_no, content_hash, order_name,
            shop_order_id, financial_status, raw_status, currency, total, subtotal, shipping, taxes,
            discount, refunded, outstanding, created_at, paid_at, cancelled_at, expires_at,
            payment_method, payment_reference, payment_id, email, customer_name, state_rank)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
            ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27)",
    )?
    .execute(params![
        order_id,
        file_id,
        sheet,
        row as i64,
        content_hash,
        order.order_name,
        order.shop_order_id,
        order.financial_status.as_str(),
        order.raw_status,
        order.currency,
        decimal_text(&order.total),
        decimal_text(&order.subtotal),
        decimal_text(&order.shipping),
        decimal_text(&order.taxes),
        decimal_text(&order.discount),
        decimal_text(&order.refunded),
        decimal_text(&order.outstanding),
        moment_text(&order.created_at),
        moment_text(&order.paid_at),
        moment_text(&order.cancelled_at),
        moment_text(&order.expires_at),
        order.payment_method,
        order.payment_reference,
        order.payment_id,
        order.email,
        order.customer_name,
        rank,
    ])?;
    let snapshot_id = conn.last_insert_rowid();
    {
        let mut stmt = conn.prepare_cached(
            "INSERT INTO order_items(snapshot_id, seq, row_no, name, sku, quantity, price)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for (seq, item) in order.items.iter().enumerate() {
            stmt.execute(params![
                snapshot_id,
                seq as i64,
                item.row as i64,
                item.name,
                item.sku,
                decimal_text(&item.quantity),
                decimal_text(&item.price),
            ])?;
        }
    }
    let becomes_current = match current {
        None => true,
        Some(cur) => {
            let cur_rank: String = conn
                .prepare_cached("SELECT state_rank FROM order_snapshots WHERE id = ?1")?
                .query_row([cur], |r| r.get(0))?;
            rank >= cur_rank
        }
    };
    if becomes_current {
        conn.prepare_cached("UPDATE shop_orders SET current_snapshot_id = ?1 WHERE id = ?2")?
            .execute(params![snapshot_id, order_id])?;
    }
    if inserted == 1 {
        report.new += 1;
    } else {
        report.updated += 1;
    }
    Ok(())
}

/// What makes two snapshots the same: the order's content, not the rows it sat on.
struct SnapshotContent<'a>(&'a ShopOrder);

impl serde::Serialize for SnapshotContent<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut o = self.0.clone();
        for item in &mut o.items {
            item.row = 0;
        }
        o.serialize(s)
    }
}
