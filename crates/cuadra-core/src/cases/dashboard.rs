//! What the dashboard shows for a period or date range and a PSP: counts and amounts per status,
//! what was settled (gross, fees, taxes, net per settlement currency), paid vs settled per day,
//! the aging of open vouchers and the alerts that need someone today. Also the facets the case
//! filters offer and the settlement-line search of a manual match. Read-only; exact decimals.

use super::{dec, text, words, CaseFilter};
use crate::msg;
use crate::store::{StoreError, Workspace};
use crate::words::Entry;
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The dashboard's selection. `None` means any.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "SummaryFilter"))]
#[serde(default)]
pub struct DashFilter {
    pub period: Option<String>,
    pub date_from: Option<String>,
    pub date_to: Option<String>,
    pub psp: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StatusTotal {
    #[cfg_attr(feature = "ts", ts(type = "CaseStatus"))]
    pub status: String,
    pub count: u64,
    pub open: u64,
    pub amount: String,
    pub currency: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SettledTotal {
    pub currency: String,
    pub gross: String,
    pub fees: String,
    pub taxes: String,
    pub net: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DailyPoint {
    pub date: String,
    pub paid: String,
    pub settled: String,
    pub currency: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AgingPoint {
    #[cfg_attr(feature = "ts", ts(type = "AgingBucket"))]
    pub bucket: String,
    pub count: u64,
    pub amount: String,
    pub currency: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AlertCount {
    pub count: u64,
    pub amount: String,
    pub currency: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Alerts {
    pub paid_shop_pending: AlertCount,
    pub unmatched_settlement: AlertCount,
    pub missing_settlement: AlertCount,
    pub expiring_vouchers: AlertCount,
    /// Settlement batches whose lines do not add up to the file's own summary.
    pub batch_mismatch: AlertCount,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "Summary"))]
pub struct Dashboard {
    /// The last run's as-of (RFC 3339), empty before the first run.
    pub as_of: String,
    pub cases: u64,
    /// Cases no person resolved (whatever their status).
    pub open: u64,
    /// What still needs someone, what only time settles, what is done ([`super::Review`]):
    /// together, every case.
    pub to_review: u64,
    pub waiting: u64,
    pub reconciled: u64,
    pub by_status: Vec<StatusTotal>,
    pub settled: Vec<SettledTotal>,
    pub daily: Vec<DailyPoint>,
    pub aging: Vec<AgingPoint>,
    pub alerts: Alerts,
}

/// Values the case filters offer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Facets {
    pub psps: Vec<String>,
    pub payment_methods: Vec<String>,
    /// Newest first.
    pub periods: Vec<String>,
    pub actors: Vec<String>,
}

/// A settlement line found by the manual-match search, with the case that holds it now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FoundLine {
    pub line: super::DetailLine,
    pub case_key: Option<String>,
}

/// An order found by the manual-match picker, with the case that holds it now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FoundOrder {
    pub order: super::DetailOrder,
    pub case_key: Option<String>,
    pub status: Option<String>,
}

/// `query` as a `LIKE` pattern that finds it anywhere, folded ([`crate::store::fold`]).
fn contains_pattern(query: &str) -> String {
    format!(
        "%{}%",
        crate::store::fold(query)
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    )
}

/// The amounts a typed number can be stored as: `49800`, `49800.0`, `49800.00` (a typed
/// `49.800` or `49,800` is read as a grouped whole number too, as people write pesos).
fn amount_forms(query: &str) -> Vec<String> {
    let plain: String = query
        .trim()
        .trim_start_matches(['$', ' '])
        .trim_start_matches("COP")
        .trim()
        .to_string();
    let mut forms = Vec::new();
    let mut push = |d: Decimal| {
        let d = d.normalize();
        for scale in d.scale()..=2.max(d.scale()) {
            let mut v = d;
            v.rescale(scale);
            forms.push(v.to_string());
        }
    };
    if let Ok(d) = plain.parse::<Decimal>() {
        push(d);
    }
    // Grouped thousands, "49.800" or "1,281,000": every group after the first has three digits.
    for sep in ['.', ','] {
        let groups: Vec<&str> = plain.split(sep).collect();
        if groups.len() > 1
            && groups[1..].iter().all(|g| g.len() == 3)
            && groups
                .iter()
                .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
        {
            if let Ok(d) = groups.concat().parse::<Decimal>() {
                push(d);
            }
        }
    }
    forms.sort();
    forms.dedup();
    forms
}

/// Aging bucket of an open voucher `hours` old.
fn bucket(hours: i64) -> &'static str {
    match hours {
        h if h < 24 => "0_1d",
        h if h < 72 => "1_3d",
        h if h < 168 => "3_7d",
        h if h < 720 => "7_30d",
        _ => "30d_plus",
    }
}

fn instant(text: &Option<String>) -> Option<DateTime<Utc>> {
    text.as_deref()
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .map(|t| t.with_timezone(&Utc))
}

/// The rollups' WHERE clause for a selection: the same cases as the case filter's period, date
/// range (the case's date in the workspace zone) and PSP.
fn rollup_where(f: &DashFilter) -> Result<(String, Vec<String>), StoreError> {
    let mut parts = Vec::new();
    let mut params = Vec::new();
    // '' stands for "none" in the rollups; as a filter value it matches nothing, like the
    // case filter's `period = ''`.
    if let Some(period) = &f.period {
        parts.push("period = ? AND period <> ''");
        params.push(period.clone());
    }
    let day = |text: &str, what: &'static Entry| -> Result<String, StoreError> {
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .map(|d| d.to_string())
            .map_err(|_| StoreError::BadQuery(msg!(what, text)))
    };
    if let Some(from) = &f.date_from {
        parts.push("day <> '' AND day >= ?");
        params.push(day(from, words::BAD_FROM)?);
    }
    if let Some(to) = &f.date_to {
        parts.push("day <> '' AND day <= ?");
        params.push(day(to, words::BAD_TO)?);
    }
    if let Some(psp) = &f.psp {
        parts.push("psp = ? AND psp <> ''");
        params.push(psp.clone());
    }
    let clause = if parts.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", parts.join(" AND "))
    };
    Ok((clause, params))
}

impl Workspace {
    /// The dashboard for a selection (see the module docs). Counts, amounts, days and settled
    /// totals come from the rollups kept beside the cases (cases/derived.rs); aging and the
    /// vouchers about to expire depend on the as-of and read the open vouchers themselves.
    pub fn dashboard(&self, f: &DashFilter) -> Result<Dashboard, StoreError> {
        let (clause, params) = rollup_where(f)?;
        let params = rusqlite::params_from_iter(params.iter());
        let as_of_text = self.last_run()?.map(|(_, a)| a).unwrap_or_default();
        let as_of = instant(&Some(as_of_text.clone()));

        let mut by_status: BTreeMap<(String, String), (u64, u64, Decimal)> = BTreeMap::new();
        let mut alerts: BTreeMap<(&'static str, String), (u64, Decimal)> = BTreeMap::new();
        let (mut cases, mut open) = (0u64, 0u64);
        let mut review: BTreeMap<super::Review, u64> = BTreeMap::new();
        {
            let mut stmt = self.conn().prepare(&format!(
                "SELECT status, currency, cases, open, amount, open_amount FROM dash_status {clause}"
            ))?;
            let mut rows = stmt.query(params.clone())?;
            while let Some(r) = rows.next()? {
                let status: String = r.get(0)?;
                let currency: String = r.get(1)?;
                let (n, o): (i64, i64) = (r.get(2)?, r.get(3)?);
                debug_assert!(
                    n > 0 && o >= 0,
                    "rollup counts out of step: {n} cases, {o} open"
                );
                let (n, o) = (n.max(0) as u64, o.max(0) as u64);
                let open_amount = dec(&r.get(5)?);
                cases += n;
                open += o;
                // Resolved cases are reconciled whatever their status; open ones stand where
                // their status puts them.
                *review.entry(super::Review::Reconciled).or_default() += n - o;
                *review
                    .entry(super::Review::of(&status, "open"))
                    .or_default() += o;
                let kind = match status.as_str() {
                    "paid_shop_pending" => Some("paid_shop_pending"),
                    "unmatched_settlement" => Some("unmatched_settlement"),
                    "missing_settlement" => Some("missing_settlement"),
                    "batch_mismatch" => Some("batch_mismatch"),
                    _ => None,
                };
                if let (Some(kind), true) = (kind, o > 0) {
                    let a = alerts.entry((kind, currency.clone())).or_default();
                    a.0 += o;
                    a.1 += open_amount;
                }
                let e = by_status.entry((status, currency)).or_default();
                e.0 += n;
                e.1 += o;
                e.2 += dec(&r.get(4)?);
            }
        }
        let mut daily: BTreeMap<(String, String), (Decimal, Decimal)> = BTreeMap::new();
        {
            let mut stmt = self.conn().prepare(&format!(
                "SELECT on_day, currency, paid, settled FROM dash_daily {clause}"
            ))?;
            let mut rows = stmt.query(params.clone())?;
            while let Some(r) = rows.next()? {
                let e = daily.entry((r.get(0)?, r.get(1)?)).or_default();
                e.0 += dec(&r.get(2)?);
                e.1 += dec(&r.get(3)?);
            }
        }
        let mut settled: BTreeMap<String, [Decimal; 4]> = BTreeMap::new();
        {
            let mut stmt = self.conn().prepare(&format!(
                "SELECT currency, gross, fees, taxes, net FROM dash_settled {clause}"
            ))?;
            let mut rows = stmt.query(params)?;
            while let Some(r) = rows.next()? {
                let e = settled.entry(r.get(0)?).or_default();
                for (i, slot) in e.iter_mut().enumerate() {
                    *slot += dec(&r.get(i + 1)?);
                }
            }
        }

        // Open vouchers: aging by creation, and those expiring within a day of the as-of.
        let mut aging: BTreeMap<(&'static str, String), (u64, Decimal)> = BTreeMap::new();
        {
            let filter = CaseFilter {
                period: f.period.clone(),
                from: f.date_from.clone(),
                to: f.date_to.clone(),
                psps: f.psp.iter().cloned().collect(),
                ..CaseFilter::default()
            };
            let (clause, params) = super::query::where_clause(&filter, self.zone()?)?;
            // Spelled out (not bound): the partial index of open vouchers holds every column read.
            let open_vouchers = "c.status = 'awaiting_payment' AND c.state = 'open'";
            let clause = match clause.strip_prefix("WHERE ") {
                Some(rest) => format!("WHERE {open_vouchers} AND {rest}"),
                None => format!("WHERE {open_vouchers}"),
            };
            let mut stmt = self.conn().prepare(&format!(
                "SELECT c.order_total, c.paid_amount, c.net_settled, c.currency,
                    c.settlement_currency, c.order_created_at, c.voucher_expires_at
                 FROM cases c INDEXED BY cases_open_vouchers {clause}"
            ))?;
            let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
            while let Some(r) = rows.next()? {
                let (total, paid): (Option<String>, Option<String>) = (r.get(0)?, r.get(1)?);
                let (amount, currency) = match total.or(paid) {
                    Some(a) => (Some(a), r.get::<_, Option<String>>(3)?),
                    None => (r.get(2)?, r.get(4)?),
                };
                let (amount, currency) = (dec(&amount), currency.unwrap_or_default());
                if let (Some(now), Some(created)) = (as_of, instant(&r.get(5)?)) {
                    let hours = (now - created).num_hours().max(0);
                    let a = aging.entry((bucket(hours), currency.clone())).or_default();
                    a.0 += 1;
                    a.1 += amount;
                }
                if let (Some(now), Some(expires)) = (as_of, instant(&r.get(6)?)) {
                    let left = (expires - now).num_minutes();
                    if (0..=24 * 60).contains(&left) {
                        let a = alerts.entry(("expiring_vouchers", currency)).or_default();
                        a.0 += 1;
                        a.1 += amount;
                    }
                }
            }
        }

        let mut statuses: Vec<StatusTotal> = by_status
            .into_iter()
            .map(|((status, currency), (count, open, amount))| StatusTotal {
                status,
                count,
                open,
                amount: text(amount),
                currency,
            })
            .collect();
        statuses.sort_by_key(|t| {
            (
                crate::reconcile::CaseStatus::rank(&t.status),
                t.currency.clone(),
            )
        });
        let mut days: Vec<DailyPoint> = daily
            .into_iter()
            .map(|((date, currency), (paid, settled))| DailyPoint {
                date,
                paid: text(paid),
                settled: text(settled),
                currency,
            })
            .collect();
        // Days of the selection only: a month's cases may have been paid the month before or
        // settled the month after, but the month's chart shows the month's own days.
        if let Some(p) = &f.period {
            days.retain(|d| d.date.starts_with(p.as_str()) && d.date.len() == 10);
        }
        if let Some(from) = f.date_from.as_deref().map(str::trim) {
            days.retain(|d| d.date.as_str() >= from);
        }
        if let Some(to) = f.date_to.as_deref().map(str::trim) {
            days.retain(|d| d.date.as_str() <= to);
        }
        // The last 31 days of the selection.
        let mut distinct: Vec<String> = days.iter().map(|d| d.date.clone()).collect();
        distinct.dedup();
        if distinct.len() > 31 {
            let first = distinct[distinct.len() - 31].clone();
            days.retain(|d| d.date >= first);
        }
        let aging = ["0_1d", "1_3d", "3_7d", "7_30d", "30d_plus"]
            .iter()
            .flat_map(|b| {
                aging
                    .iter()
                    .filter(move |((bb, _), _)| bb == b)
                    .map(|((b, c), (n, a))| AgingPoint {
                        bucket: (*b).to_string(),
                        count: *n,
                        amount: text(*a),
                        currency: c.clone(),
                    })
            })
            .collect();
        // One alert per kind: the largest currency's figures (the UI shows one line each).
        let alert = |kind: &str| -> AlertCount {
            alerts
                .iter()
                .filter(|((k, _), _)| *k == kind)
                .max_by_key(|(_, (n, _))| *n)
                .map(|((_, c), (n, a))| AlertCount {
                    count: *n,
                    amount: text(*a),
                    currency: c.clone(),
                })
                .unwrap_or_default()
        };
        let count = |r: super::Review| review.get(&r).copied().unwrap_or(0);
        Ok(Dashboard {
            as_of: as_of_text,
            cases,
            open,
            to_review: count(super::Review::ToReview),
            waiting: count(super::Review::Waiting),
            reconciled: count(super::Review::Reconciled),
            by_status: statuses,
            settled: settled
                .into_iter()
                .map(|(currency, [g, f, t, n])| SettledTotal {
                    currency,
                    gross: text(g),
                    fees: text(f),
                    taxes: text(t),
                    net: text(n),
                })
                .collect(),
            daily: days,
            aging,
            alerts: Alerts {
                paid_shop_pending: alert("paid_shop_pending"),
                unmatched_settlement: alert("unmatched_settlement"),
                missing_settlement: alert("missing_settlement"),
                expiring_vouchers: alert("expiring_vouchers"),
                batch_mismatch: alert("batch_mismatch"),
            },
        })
    }

    /// The values the case filters offer.
    pub fn facets(&self) -> Result<Facets, StoreError> {
        let list = |sql: &str| -> Result<Vec<String>, StoreError> {
            let mut stmt = self.conn().prepare(sql)?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
            Ok(rows.collect::<Result<_, _>>()?)
        };
        // PSPs and periods from the rollups (a few thousand rows, not every case); payment
        // methods by hopping from one value to the next through their index.
        Ok(Facets {
            psps: list("SELECT DISTINCT psp FROM dash_status WHERE psp <> '' ORDER BY psp")?,
            payment_methods: list(
                "WITH RECURSIVE m(v) AS (
                    SELECT MIN(payment_method) FROM cases
                    UNION ALL
                    SELECT (SELECT MIN(payment_method) FROM cases WHERE payment_method > m.v)
                    FROM m WHERE m.v IS NOT NULL)
                 SELECT v FROM m WHERE v IS NOT NULL",
            )?,
            periods: list(
                "SELECT DISTINCT period FROM dash_status WHERE period <> '' ORDER BY period DESC",
            )?,
            actors: list("SELECT DISTINCT actor FROM audit_events ORDER BY actor")?,
        })
    }

    /// Up to 50 orders whose number, shop id, customer or e-mail contains `query` (accents and
    /// case aside: "castano" finds "Castaño"), or whose total equals it, with the case holding
    /// each: the order picker of a manual match.
    pub fn search_orders(&self, query: &str) -> Result<Vec<FoundOrder>, StoreError> {
        let q = query.trim();
        if q.is_empty() {
            return Ok(Vec::new());
        }
        let amounts = serde_json::to_string(&amount_forms(q)).unwrap_or_else(|_| "[]".into());
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {}, c.case_key, c.status {}
             LEFT JOIN cases c ON c.order_id = o.id
             WHERE fold(o.order_key) LIKE ?1 ESCAPE '\\' OR fold(s.order_name) LIKE ?1 ESCAPE '\\'
                OR fold(s.shop_order_id) LIKE ?1 ESCAPE '\\'
                OR fold(s.customer_name) LIKE ?1 ESCAPE '\\' OR fold(s.email) LIKE ?1 ESCAPE '\\'
                OR s.total IN (SELECT value FROM json_each(?2))
             ORDER BY o.id DESC LIMIT 50",
            super::query::ORDER_DETAIL_COLUMNS,
            super::query::ORDER_DETAIL_FROM,
        ))?;
        let zone = self.zone()?;
        let rows = stmt.query_map(rusqlite::params![contains_pattern(q), amounts], |r| {
            Ok(FoundOrder {
                order: super::query::read_detail_order(r, zone)?,
                case_key: r.get(14)?,
                status: r.get(15)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Up to 50 settlement lines whose PSP id, merchant reference or payer contains `query`, or
    /// whose amount equals it, with the case holding each.
    pub fn search_lines(&self, query: &str) -> Result<Vec<FoundLine>, StoreError> {
        let q = query.trim();
        if q.is_empty() {
            return Ok(Vec::new());
        }
        let like = contains_pattern(q);
        let amounts = serde_json::to_string(&amount_forms(q)).unwrap_or_else(|_| "[]".into());
        let mut stmt = self.conn().prepare(
            "SELECT s.id, s.psp, s.row_type, s.status, s.merchant_ref, s.psp_txn_id,
                s.payment_method, s.local_amount, s.local_currency, s.gross_amount, s.fee_amount,
                s.tax_amount, s.net_amount, s.settlement_currency, s.approved_at, s.settled_at,
                f.name, s.row_no, c.case_key
             FROM settlement_lines s
             JOIN imported_files f ON f.id = s.file_id
             LEFT JOIN case_lines cl ON cl.line_id = s.id
             LEFT JOIN cases c ON c.id = cl.case_id
             WHERE s.psp_txn_id LIKE ?1 ESCAPE '\\' OR s.merchant_ref LIKE ?1 ESCAPE '\\'
                OR fold(s.payer_email) LIKE ?1 ESCAPE '\\'
                OR s.local_amount IN (SELECT value FROM json_each(?2))
                OR s.gross_amount IN (SELECT value FROM json_each(?2))
             ORDER BY s.id LIMIT 50",
        )?;
        let zone = self.zone()?;
        let rows = stmt.query_map([like, amounts], |r| {
            Ok(FoundLine {
                line: super::query::read_detail_line(r, zone)?,
                case_key: r.get(18)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
