//! Reading stored cases: pages for the cases table (filtered and sorted in SQLite), one case with
//! everything behind it, totals per status. Read-only.

use super::{read_case_row, words, CaseRow, CASE_COLUMNS};
use crate::audit::AuditEvent;
use crate::msg;
use crate::store::{Attachment, StoreError, Workspace};
use crate::words::Entry;
use chrono::{NaiveDate, SecondsFormat};
use rusqlite::types::Value;
use rusqlite::OptionalExtension;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// Which cases to show. Empty lists and `None` mean "any".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct CaseFilter {
    #[cfg_attr(feature = "ts", ts(type = "CaseStatus[]"))]
    pub statuses: Vec<String>,
    pub psps: Vec<String>,
    #[serde(rename = "payment_methods")]
    pub methods: Vec<String>,
    /// `open` or `resolved` (a person's decision), or a review state: `to_review`, `waiting`,
    /// `reconciled` ([`super::Review`]).
    #[cfg_attr(feature = "ts", ts(type = "CaseState | ReviewState | null"))]
    pub state: Option<String>,
    /// `YYYY-MM`.
    pub period: Option<String>,
    /// Inclusive dates (`YYYY-MM-DD`) in the workspace zone, on the case's date.
    #[serde(rename = "date_from")]
    pub from: Option<String>,
    #[serde(rename = "date_to")]
    pub to: Option<String>,
    /// Inclusive bounds on the case's main amount (decimal text).
    pub amount_min: Option<String>,
    pub amount_max: Option<String>,
    /// Words searched in references, order ids, customers and case keys.
    pub text: Option<String>,
    /// Only vouchers (awaiting_payment) expiring between the last run's as-of and as-of + N hours.
    pub expiring_within_hours: Option<u32>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "SortColumn"))]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    /// The case's date (settlement, else paid, else created).
    #[default]
    #[serde(rename = "event_at", alias = "date")]
    Date,
    /// The case's main amount (order total, else paid, else net settled).
    #[serde(rename = "order_total", alias = "amount")]
    Amount,
    Status,
    OrderRef,
    CaseKey,
    Customer,
    PaidAmount,
    Difference,
    Psp,
    PaymentMethod,
    PaidAt,
    SettledAt,
    State,
}

impl SortKey {
    /// Every sort, in the order the cases table shows its columns.
    pub const ALL: [SortKey; 13] = [
        SortKey::Date,
        SortKey::CaseKey,
        SortKey::Status,
        SortKey::OrderRef,
        SortKey::Customer,
        SortKey::Amount,
        SortKey::PaidAmount,
        SortKey::Difference,
        SortKey::Psp,
        SortKey::PaymentMethod,
        SortKey::PaidAt,
        SortKey::SettledAt,
        SortKey::State,
    ];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CaseSort {
    #[serde(alias = "column")]
    pub key: SortKey,
    pub desc: bool,
}

/// A settlement line of a case, as the detail view shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DetailLine {
    pub id: i64,
    pub psp: String,
    pub row_type: String,
    pub status: String,
    pub merchant_ref: Option<String>,
    pub psp_txn_id: Option<String>,
    pub payment_method: Option<String>,
    pub local_amount: Option<String>,
    pub local_currency: Option<String>,
    pub gross_amount: Option<String>,
    pub fee_amount: Option<String>,
    pub tax_amount: Option<String>,
    pub net_amount: Option<String>,
    pub settlement_currency: Option<String>,
    pub approved_at: Option<String>,
    pub settled_at: Option<String>,
    pub file_name: String,
    pub row_no: i64,
}

/// The order of a case, as its current snapshot shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DetailOrder {
    pub id: i64,
    pub platform: String,
    pub order_name: Option<String>,
    pub shop_order_id: Option<String>,
    pub customer_name: Option<String>,
    pub email: Option<String>,
    pub total: Option<String>,
    pub currency: Option<String>,
    pub financial_status: String,
    pub created_at: Option<String>,
    pub paid_at: Option<String>,
    pub payment_reference: Option<String>,
    pub file_name: String,
    pub row_no: i64,
}

/// The columns [`read_detail_order`] reads (14), from [`ORDER_DETAIL_FROM`].
pub(super) const ORDER_DETAIL_COLUMNS: &str = "o.id, o.platform, s.order_name, s.shop_order_id, \
    s.customer_name, s.email, s.total, s.currency, s.financial_status, s.created_at, s.paid_at, \
    s.payment_reference, f.name, s.row_no";
/// An order's current snapshot and the file it came from.
pub(super) const ORDER_DETAIL_FROM: &str = "FROM shop_orders o \
    JOIN order_snapshots s ON s.id = o.current_snapshot_id \
    JOIN imported_files f ON f.id = s.file_id";

/// Reads a [`DetailOrder`] from the first 14 columns ([`ORDER_DETAIL_COLUMNS`]).
pub(super) fn read_detail_order(
    r: &rusqlite::Row<'_>,
    zone: chrono_tz::Tz,
) -> rusqlite::Result<DetailOrder> {
    Ok(DetailOrder {
        id: r.get(0)?,
        platform: r.get(1)?,
        order_name: r.get(2)?,
        shop_order_id: r.get(3)?,
        customer_name: r.get(4)?,
        email: r.get(5)?,
        total: r.get(6)?,
        currency: r.get(7)?,
        financial_status: r.get(8)?,
        created_at: shown_in(r.get(9)?, zone),
        paid_at: shown_in(r.get(10)?, zone),
        payment_reference: r.get(11)?,
        file_name: r.get(12)?,
        row_no: r.get(13)?,
    })
}

/// A time as stored, shown in `zone` (RFC 3339 with the zone's offset; a date as is).
pub(super) fn shown_in(t: Option<String>, zone: chrono_tz::Tz) -> Option<String> {
    t.map(|t| match crate::time::Moment::from_storage(&t) {
        Ok(m) => super::shape::show_moment(&m, zone),
        Err(_) => t,
    })
}

/// Reads a [`DetailLine`] from the first 18 columns of the detail-line query.
pub(super) fn read_detail_line(
    r: &rusqlite::Row<'_>,
    zone: chrono_tz::Tz,
) -> rusqlite::Result<DetailLine> {
    Ok(DetailLine {
        id: r.get(0)?,
        psp: r.get(1)?,
        row_type: r.get(2)?,
        status: r.get(3)?,
        merchant_ref: r.get(4)?,
        psp_txn_id: r.get(5)?,
        payment_method: r.get(6)?,
        local_amount: r.get(7)?,
        local_currency: r.get(8)?,
        gross_amount: r.get(9)?,
        fee_amount: r.get(10)?,
        tax_amount: r.get(11)?,
        net_amount: r.get(12)?,
        settlement_currency: r.get(13)?,
        approved_at: shown_in(r.get(14)?, zone),
        settled_at: shown_in(r.get(15)?, zone),
        file_name: r.get(16)?,
        row_no: r.get(17)?,
    })
}

/// A line item of an order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DetailItem {
    pub name: Option<String>,
    pub sku: Option<String>,
    pub quantity: Option<String>,
    pub price: Option<String>,
    /// `quantity` × `price`, exact (none when either is missing or not a number).
    pub total: Option<String>,
}

impl DetailItem {
    /// An item, its total worked out from its quantity and price.
    pub fn new(
        name: Option<String>,
        sku: Option<String>,
        quantity: Option<String>,
        price: Option<String>,
    ) -> Self {
        let number =
            |t: &Option<String>| t.as_deref().and_then(|t| t.trim().parse::<Decimal>().ok());
        let total = number(&quantity)
            .zip(number(&price))
            .and_then(|(q, p)| q.checked_mul(p))
            .map(|d| d.normalize().to_string());
        DetailItem {
            name,
            sku,
            quantity,
            price,
            total,
        }
    }
}

/// One case with its lines, the order's items, the evidence attached to it and the case's own
/// audit history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CaseDetail {
    pub case: CaseRow,
    /// The case's order and lines as [`super::membership`] writes them: a review act that
    /// passes it back is refused if the case changed meanwhile (`stale_case`).
    pub membership: String,
    pub order: Option<DetailOrder>,
    pub items: Vec<DetailItem>,
    pub lines: Vec<DetailLine>,
    /// Files people attached to the case, oldest first (their bytes: `attachment_bytes`).
    pub attachments: Vec<Attachment>,
    pub history: Vec<AuditEvent>,
}

/// The statuses whose lines are only suggested for the case's order (a person confirms them or
/// matches by hand), not matched to it.
pub const SUGGESTING_STATUSES: [crate::reconcile::CaseStatus; 1] =
    [crate::reconcile::CaseStatus::Suggested];

impl CaseDetail {
    /// The case's lines as the window shows them: those matched to the case, and those only
    /// suggested for its order ([`SUGGESTING_STATUSES`]). One of the two is empty.
    pub fn matched_and_suggested_lines(&self) -> (&[DetailLine], &[DetailLine]) {
        let suggested = SUGGESTING_STATUSES
            .iter()
            .any(|s| s.as_str() == self.case.status);
        if suggested {
            (&[], &self.lines)
        } else {
            (&self.lines, &[])
        }
    }
}

/// Counts and sums per status and currency (sums are exact decimal text).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct StatusTotals {
    pub status: String,
    pub currency: Option<String>,
    pub cases: u64,
    pub open: u64,
    pub order_total: String,
    pub paid_amount: String,
    pub difference: String,
}

/// The filtered cases' count and exact sums in one currency (the cases table's totals line).
/// Cases with no buyer currency (settlement charges) count under `None`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "CaseTotals"))]
pub struct CurrencyTotals {
    pub currency: Option<String>,
    pub cases: u64,
    pub order_total: String,
    pub paid_amount: String,
    pub difference: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CaseSummary {
    pub cases: u64,
    pub by_status: Vec<StatusTotals>,
}

/// Builds the WHERE clause and its parameters.
pub(super) fn where_clause(
    f: &CaseFilter,
    zone: chrono_tz::Tz,
) -> Result<(String, Vec<Value>), StoreError> {
    let mut parts: Vec<String> = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    let any_of =
        |col: &str, values: &[String], parts: &mut Vec<String>, params: &mut Vec<Value>| {
            if values.is_empty() {
                return;
            }
            let marks = vec!["?"; values.len()].join(", ");
            parts.push(format!("{col} IN ({marks})"));
            params.extend(values.iter().map(|v| Value::Text(v.clone())));
        };
    any_of("c.status", &f.statuses, &mut parts, &mut params);
    any_of("c.psp", &f.psps, &mut parts, &mut params);
    any_of("c.payment_method", &f.methods, &mut parts, &mut params);
    if let Some(state) = &f.state {
        // `open` / `resolved` (what a person decided) or a review state (`to_review`,
        // `waiting`, `reconciled`: what is left to do).
        if super::Review::parse(state).is_some() {
            parts.push(format!("({}) = ?", super::REVIEW_SQL));
        } else {
            parts.push("c.state = ?".into());
        }
        params.push(Value::Text(state.clone()));
    }
    if let Some(period) = &f.period {
        parts.push("c.period = ?".into());
        params.push(Value::Text(period.clone()));
    }
    let day_start = |text: &str, what: &'static Entry| -> Result<String, StoreError> {
        let d = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .map_err(|_| StoreError::BadQuery(msg!(what, text)))?;
        Ok(crate::time::Moment::Date(d)
            .to_utc(zone)
            .to_rfc3339_opts(SecondsFormat::Secs, true))
    };
    if let Some(from) = &f.from {
        parts.push("c.event_utc >= ?".into());
        params.push(Value::Text(day_start(from, words::BAD_FROM)?));
    }
    if let Some(to) = &f.to {
        let d = NaiveDate::parse_from_str(to.trim(), "%Y-%m-%d")
            .map_err(|_| StoreError::BadQuery(msg!(words::BAD_TO, to)))?;
        let next = d.succ_opt().unwrap_or(d);
        parts.push("c.event_utc < ?".into());
        params.push(Value::Text(day_start(&next.to_string(), words::BAD_TO)?));
    }
    let units = |text: &str, what: &'static Entry| -> Result<i64, StoreError> {
        text.trim()
            .parse::<Decimal>()
            .ok()
            .and_then(|d| d.checked_mul(Decimal::from(10_000)))
            .and_then(|d| d.trunc().to_i64())
            .ok_or_else(|| StoreError::BadQuery(msg!(what, text)))
    };
    if let Some(min) = &f.amount_min {
        parts.push("c.sort_amount >= ?".into());
        params.push(Value::Integer(units(min, words::BAD_AMOUNT_MIN)?));
    }
    if let Some(max) = &f.amount_max {
        parts.push("c.sort_amount <= ?".into());
        params.push(Value::Integer(units(max, words::BAD_AMOUNT_MAX)?));
    }
    if let Some(hours) = f.expiring_within_hours {
        parts.push(
            "c.status = 'awaiting_payment' AND datetime(c.voucher_expires_at) >= datetime((SELECT as_of FROM recon_runs ORDER BY id DESC LIMIT 1)) AND datetime(c.voucher_expires_at) <= datetime((SELECT as_of FROM recon_runs ORDER BY id DESC LIMIT 1), ?)"
                .into(),
        );
        params.push(Value::Text(format!("+{hours} hours")));
    }
    if let Some(text) = f.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        for word in text.split_whitespace() {
            let like = format!(
                "%{}%",
                word.replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            );
            // Words of three characters or more are looked up in the trigram index first
            // (cases/derived.rs, whose text is folded); the columns' own LIKE then decides,
            // folded too, so accents never stand in the way ("sofia" finds "Sofía"). Shorter
            // words scan the columns as written. The index serves LIKE only without ESCAPE: a
            // literal % or _ becomes the one-character wildcard there, which finds a few more
            // candidates, never fewer.
            if word.chars().count() >= 3 {
                let folded = crate::store::fold(word);
                parts.push("c.id IN (SELECT rowid FROM cases_search WHERE body LIKE ?)".into());
                params.push(Value::Text(format!(
                    "%{}%",
                    folded.replace(['%', '_'], "_")
                )));
                parts.push(
                    "(fold(c.order_ref) LIKE ? ESCAPE '\\' OR fold(c.shop_order_id) LIKE ? ESCAPE '\\' OR fold(c.settlement_refs) LIKE ? ESCAPE '\\' OR fold(c.customer) LIKE ? ESCAPE '\\' OR fold(c.case_key) LIKE ? ESCAPE '\\')"
                        .into(),
                );
                let like = format!(
                    "%{}%",
                    folded
                        .replace('\\', "\\\\")
                        .replace('%', "\\%")
                        .replace('_', "\\_")
                );
                for _ in 0..5 {
                    params.push(Value::Text(like.clone()));
                }
                continue;
            }
            parts.push(
                "(c.order_ref LIKE ? ESCAPE '\\' OR c.shop_order_id LIKE ? ESCAPE '\\' OR c.settlement_refs LIKE ? ESCAPE '\\' OR c.customer LIKE ? ESCAPE '\\' OR c.case_key LIKE ? ESCAPE '\\')"
                    .into(),
            );
            for _ in 0..5 {
                params.push(Value::Text(like.clone()));
            }
        }
    }
    let clause = if parts.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", parts.join(" AND "))
    };
    Ok((clause, params))
}

fn order_by(sort: CaseSort) -> String {
    let dir = if sort.desc { "DESC" } else { "ASC" };
    // Amount text sorts as a number through CAST: the order of rows only, never a stored or
    // added value. Times carry their offset; datetime() compares them as instants.
    let col = match sort.key {
        SortKey::Date => "c.event_utc",
        SortKey::Amount => "c.sort_amount",
        SortKey::Status => "c.status",
        SortKey::OrderRef => "c.order_ref",
        SortKey::CaseKey => "c.case_key",
        SortKey::Customer => "c.customer",
        SortKey::PaidAmount => "CAST(c.paid_amount AS REAL)",
        SortKey::Difference => "CAST(c.difference AS REAL)",
        SortKey::Psp => "c.psp",
        SortKey::PaymentMethod => "c.payment_method",
        SortKey::PaidAt => "datetime(c.paid_at)",
        SortKey::SettledAt => "datetime(c.settled_at)",
        SortKey::State => "c.state",
    };
    format!("ORDER BY {col} {dir}, c.id {dir}")
}

impl Workspace {
    /// Periods (`YYYY-MM`) that are closed: their cases are locked.
    pub fn closed_periods(&self) -> Result<HashSet<String>, StoreError> {
        let mut stmt = self
            .conn()
            .prepare("SELECT period FROM periods WHERE state = 'closed'")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One page of cases and the number of cases the filter matches.
    pub fn list_cases(
        &self,
        filter: &CaseFilter,
        sort: CaseSort,
        offset: u64,
        limit: u64,
    ) -> Result<(u64, Vec<CaseRow>), StoreError> {
        let zone = self.zone()?;
        let (mut clause, mut params) = where_clause(filter, zone)?;
        // A text search that matches a few thousand cases asks the search index once: the
        // matching ids give the count, and the page is sorted among them only. A broad one
        // (more than SEARCH_IDS_UP_TO) counts and pages like any filter.
        const SEARCH_IDS_UP_TO: usize = 50_000;
        let searching = filter.text.as_deref().is_some_and(|t| !t.trim().is_empty());
        let mut known = None;
        if searching {
            let mut stmt = self.conn().prepare(&format!(
                "SELECT c.id FROM cases c {clause} LIMIT {}",
                SEARCH_IDS_UP_TO + 1
            ))?;
            let ids = stmt
                .query_map(rusqlite::params_from_iter(params.iter()), |r| {
                    r.get::<_, i64>(0)
                })?
                .collect::<Result<Vec<_>, _>>()?;
            if ids.len() <= SEARCH_IDS_UP_TO {
                clause = "WHERE c.id IN (SELECT value FROM json_each(?))".into();
                params = vec![Value::Text(serde_json::to_string(&ids).unwrap_or_default())];
                known = Some(ids.len() as i64);
            }
        }
        let total: i64 = match known {
            Some(n) => n,
            None => self.conn().query_row(
                &format!("SELECT COUNT(*) FROM cases c {clause}"),
                rusqlite::params_from_iter(params.iter()),
                |r| r.get(0),
            )?,
        };
        let closed = self.closed_periods()?;
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {CASE_COLUMNS} FROM cases c {clause} {} LIMIT {} OFFSET {}",
            order_by(sort),
            limit.min(10_000),
            offset
        ))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(params.iter()), |r| {
                read_case_row(r, &closed)
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok((total as u64, rows))
    }

    /// Calls `each` for every case the filter matches, in `sort` order, without holding them all
    /// in memory (exports).
    pub fn for_each_case(
        &self,
        filter: &CaseFilter,
        sort: CaseSort,
        mut each: impl FnMut(&CaseRow) -> Result<(), StoreError>,
    ) -> Result<u64, StoreError> {
        let zone = self.zone()?;
        let (clause, params) = where_clause(filter, zone)?;
        let closed = self.closed_periods()?;
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {CASE_COLUMNS} FROM cases c {clause} {}",
            order_by(sort)
        ))?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
        let mut n = 0;
        while let Some(r) = rows.next()? {
            each(&read_case_row(r, &closed)?)?;
            n += 1;
        }
        Ok(n)
    }

    /// One case by key.
    pub fn case(&self, key: &str) -> Result<Option<CaseRow>, StoreError> {
        let closed = self.closed_periods()?;
        Ok(self
            .conn()
            .query_row(
                &format!("SELECT {CASE_COLUMNS} FROM cases c WHERE c.case_key = ?1"),
                [key],
                |r| read_case_row(r, &closed),
            )
            .optional()?)
    }

    /// The line ids of a stored case.
    pub fn case_line_ids(&self, key: &str) -> Result<Vec<i64>, StoreError> {
        let mut stmt = self.conn().prepare(
            "SELECT l.line_id FROM case_lines l JOIN cases c ON c.id = l.case_id
             WHERE c.case_key = ?1 ORDER BY l.line_id",
        )?;
        let ids = stmt.query_map([key], |r| r.get(0))?;
        Ok(ids.collect::<Result<_, _>>()?)
    }

    /// The stored case that holds a settlement line.
    pub fn case_of_line(&self, line_id: i64) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn()
            .query_row(
                "SELECT c.case_key FROM case_lines l JOIN cases c ON c.id = l.case_id
                 WHERE l.line_id = ?1",
                [line_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The stored case of an order.
    pub fn case_of_order(&self, order_id: i64) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn()
            .query_row(
                "SELECT case_key FROM cases WHERE order_id = ?1",
                [order_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// A case with its lines, the order's items and its audit history.
    pub fn case_detail(&self, key: &str) -> Result<Option<CaseDetail>, StoreError> {
        let Some(case) = self.case(key)? else {
            return Ok(None);
        };
        let zone = self.zone()?;
        let mut stmt = self.conn().prepare(
            "SELECT s.id, s.psp, s.row_type, s.status, s.merchant_ref, s.psp_txn_id,
                s.payment_method, s.local_amount, s.local_currency, s.gross_amount, s.fee_amount,
                s.tax_amount, s.net_amount, s.settlement_currency, s.approved_at, s.settled_at,
                f.name, s.row_no
             FROM case_lines cl
             JOIN cases c ON c.id = cl.case_id
             JOIN settlement_lines s ON s.id = cl.line_id
             JOIN imported_files f ON f.id = s.file_id
             WHERE c.case_key = ?1 ORDER BY s.id",
        )?;
        let lines = stmt
            .query_map([key], |r| read_detail_line(r, zone))?
            .collect::<Result<Vec<_>, _>>()?;
        let order = match case.order_id {
            None => None,
            Some(order_id) => self.detail_order(order_id, zone)?,
        };
        let items = match case.order_id {
            None => Vec::new(),
            Some(order_id) => {
                let mut stmt = self.conn().prepare(
                    "SELECT i.name, i.sku, i.quantity, i.price FROM order_items i
                     JOIN shop_orders o ON o.current_snapshot_id = i.snapshot_id
                     WHERE o.id = ?1 ORDER BY i.seq",
                )?;
                let items = stmt
                    .query_map([order_id], |r| {
                        Ok(DetailItem::new(r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                    })?
                    .collect::<Result<Vec<_>, _>>()?;
                items
            }
        };
        let attachments = self.attachments(key)?;
        let history = self.case_history(key)?;
        let line_ids: Vec<i64> = lines.iter().map(|l| l.id).collect();
        Ok(Some(CaseDetail {
            membership: super::membership(case.order_id, &line_ids),
            case,
            order,
            items,
            lines,
            attachments,
            history,
        }))
    }

    fn detail_order(
        &self,
        id: i64,
        zone: chrono_tz::Tz,
    ) -> Result<Option<DetailOrder>, StoreError> {
        Ok(self
            .conn()
            .query_row(
                &format!("SELECT {ORDER_DETAIL_COLUMNS} {ORDER_DETAIL_FROM} WHERE o.id = ?1"),
                [id],
                |r| read_detail_order(r, zone),
            )
            .optional()?)
    }

    /// The audit events about one case, oldest first.
    pub fn case_history(&self, key: &str) -> Result<Vec<AuditEvent>, StoreError> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {} FROM audit_events WHERE subject = ?1 ORDER BY seq",
            crate::audit::EVENT_COLUMNS
        ))?;
        let rows = stmt.query_map([format!("case:{key}")], crate::audit::read_event)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Counts and exact sums per status and currency over the cases the filter matches.
    pub fn case_summary(&self, filter: &CaseFilter) -> Result<CaseSummary, StoreError> {
        let zone = self.zone()?;
        let (clause, params) = where_clause(filter, zone)?;
        let mut stmt = self.conn().prepare(&format!(
            "SELECT c.status, c.currency, c.state, c.order_total, c.paid_amount, c.difference
             FROM cases c {clause}"
        ))?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
        type Acc = (u64, u64, Decimal, Decimal, Decimal);
        fn text<'r>(r: &'r rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Option<&'r str>> {
            Ok(r.get_ref(i)?.as_str_or_null().ok().flatten())
        }
        // Read in place (no text copied per row): a summary reads every case of a workspace.
        let mut acc: Vec<((String, Option<String>), Acc)> = Vec::new();
        let dec = |v: Option<&str>| -> Decimal {
            v.and_then(|t| t.parse::<Decimal>().ok())
                .unwrap_or_default()
        };
        let mut cases = 0;
        while let Some(r) = rows.next()? {
            let status = text(r, 0)?.unwrap_or_default();
            let currency = text(r, 1)?;
            let at = match acc
                .iter()
                .position(|((s, c), _)| s == status && c.as_deref() == currency)
            {
                Some(at) => at,
                None => {
                    acc.push((
                        (status.to_string(), currency.map(str::to_string)),
                        Acc::default(),
                    ));
                    acc.len() - 1
                }
            };
            let e = &mut acc[at].1;
            e.0 += 1;
            if text(r, 2)? == Some("open") {
                e.1 += 1;
            }
            e.2 += dec(text(r, 3)?);
            e.3 += dec(text(r, 4)?);
            e.4 += dec(text(r, 5)?);
            cases += 1;
        }
        let mut by_status: Vec<StatusTotals> = acc
            .into_iter()
            .map(
                |((status, currency), (n, open, total, paid, diff))| StatusTotals {
                    status,
                    currency,
                    cases: n,
                    open,
                    order_total: total.normalize().to_string(),
                    paid_amount: paid.normalize().to_string(),
                    difference: diff.normalize().to_string(),
                },
            )
            .collect();
        by_status.sort_by_key(|t| {
            (
                crate::reconcile::CaseStatus::rank(&t.status),
                t.currency.clone(),
            )
        });
        Ok(CaseSummary { cases, by_status })
    }

    /// The count and sums of order total, paid and difference of the cases the filter
    /// matches, per currency (currencies in code order, no currency last).
    pub fn case_totals(&self, filter: &CaseFilter) -> Result<Vec<CurrencyTotals>, StoreError> {
        type Acc = (u64, Decimal, Decimal, Decimal);
        let mut acc: BTreeMap<(bool, Option<String>), Acc> = BTreeMap::new();
        let dec = |t: &str| t.parse::<Decimal>().unwrap_or_default();
        for s in self.case_summary(filter)?.by_status {
            let e = acc.entry((s.currency.is_none(), s.currency)).or_default();
            e.0 += s.cases;
            e.1 += dec(&s.order_total);
            e.2 += dec(&s.paid_amount);
            e.3 += dec(&s.difference);
        }
        Ok(acc
            .into_iter()
            .map(
                |((_, currency), (cases, total, paid, diff))| CurrencyTotals {
                    currency,
                    cases,
                    order_total: total.normalize().to_string(),
                    paid_amount: paid.normalize().to_string(),
                    difference: diff.normalize().to_string(),
                },
            )
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::DetailItem;

    #[test]
    fn an_items_total_is_its_quantity_times_its_price_exactly() {
        let item = |q: Option<&str>, p: Option<&str>| {
            DetailItem::new(None, None, q.map(String::from), p.map(String::from)).total
        };
        assert_eq!(item(Some("3"), Some("19.90")), Some("59.7".into()));
        assert_eq!(item(Some(" 2 "), Some("0.000125")), Some("0.00025".into()));
        assert_eq!(item(Some("1"), Some("150000")), Some("150000".into()));
        assert_eq!(item(None, Some("10")), None);
        assert_eq!(item(Some("2"), Some("n/a")), None);
    }
}
