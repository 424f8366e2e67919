//! The Summary: what a period (or any filter) adds up to, and the checks that it ties out.
//! Counts and amounts per status; gross, fees, taxes and net settled by PSP, payment method and
//! settlement batch, with the FX rates each batch used; the differences; and two tie-outs:
//! each batch's lines plus its booked rounding against the file's own NET_TOTAL_AMOUNT, and
//! matched + exceptions + charges against all cases. Every sum is a `rust_decimal` over the
//! stored decimal text; nothing here touches a float.
//!
//! Scope: the status, PSP, method and difference sections cover the cases the filter matches
//! and the settlement lines those cases hold. A batch is reported whole: when any of its lines
//! is in scope, its tie-out counts all of its lines, because the file's total is about all of
//! them. FX: per batch, the lowest and highest `fx_rate` its lines carry and their simple
//! (unweighted) average, rounded to 6 decimals.

use super::case_table::CaseTally;
use super::labels::{label, Lang, StatusNames};
use super::sink::{Cell, Sink};
use super::ReportError;
use crate::cases::{CaseFilter, CaseSummary};
use crate::model::MOVED_MONEY_SQL;
use crate::store::Workspace;
use chrono::{DateTime, SecondsFormat, Utc};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Sums over settlement lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineTotals {
    pub lines: u64,
    pub gross: Decimal,
    pub fees: Decimal,
    pub taxes: Decimal,
    pub net: Decimal,
}

impl LineTotals {
    fn add(&mut self, gross: Decimal, fee: Decimal, tax: Decimal, net: Decimal) {
        self.lines += 1;
        self.gross += gross;
        self.fees += fee;
        self.taxes += tax;
        self.net += net;
    }
}

/// FX rates seen in a batch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FxSeen {
    pub min: Option<Decimal>,
    pub max: Option<Decimal>,
    sum: Decimal,
    count: u64,
}

impl FxSeen {
    fn add(&mut self, rate: Decimal) {
        self.min = Some(self.min.map_or(rate, |m| m.min(rate)));
        self.max = Some(self.max.map_or(rate, |m| m.max(rate)));
        self.sum += rate;
        self.count += 1;
    }

    /// The simple average, rounded to 6 decimals.
    pub fn average(&self) -> Option<Decimal> {
        (self.count > 0).then(|| (self.sum / Decimal::from(self.count)).round_dp(6))
    }
}

/// A batch's lines against the file's own net total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TieOut {
    pub file: String,
    pub batch: String,
    pub psp: String,
    pub currency: String,
    /// The item count the file states, and the lines found.
    pub file_items: Option<i64>,
    pub lines: u64,
    /// Gross and fees as the file states them (where it does), and as the lines add up.
    pub file_gross: Option<Decimal>,
    pub lines_gross: Decimal,
    pub file_fees: Option<Decimal>,
    pub lines_fees: Decimal,
    pub lines_net: Decimal,
    /// The rounding a reconciliation run booked in the batch's `settlement_charge` case.
    pub rounding: Decimal,
    /// `batch_rounding`, `batch_total_differs` (a `batch_mismatch` case), or empty.
    pub booked_as: String,
    pub file_net_total: Decimal,
    /// Whether every figure the file states is met by its lines (within rounding).
    pub figures_agree: bool,
}

impl TieOut {
    pub fn unexplained(&self) -> Decimal {
        self.file_net_total - self.lines_net - self.rounding
    }

    pub fn ties_out(&self) -> bool {
        self.figures_agree && self.unexplained().is_zero()
    }
}

/// Cases per group, for the matched + exceptions + charges = all check.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GroupCheck {
    pub matched: u64,
    pub exceptions: u64,
    pub charges: u64,
    pub all: u64,
}

impl GroupCheck {
    pub fn sum(&self) -> u64 {
        self.matched + self.exceptions + self.charges
    }
    pub fn ties_out(&self) -> bool {
        self.sum() == self.all
    }
}

/// Withholdings per (period, PSP, settlement currency), in the order of `Withholding::ALL`.
pub type Withholdings = BTreeMap<(String, String, String), [Decimal; 5]>;

/// Everything the Summary shows.
#[derive(Clone, Debug, Default)]
pub struct SummaryData {
    pub filter: CaseFilter,
    pub zone: String,
    pub generated_at: String,
    pub last_run_as_of: Option<String>,
    /// The audit trail's head when the report was made (`#seq hash`): a witness of the chain
    /// outside the workspace (`cuadra-cli verify` holds the chain against such heads).
    pub chain_head: Option<String>,
    pub status: CaseSummary,
    pub check: GroupCheck,
    /// (psp, currency)
    pub by_psp: BTreeMap<(String, String), LineTotals>,
    /// (psp, method, currency)
    pub by_method: BTreeMap<(String, String, String), LineTotals>,
    /// (file name, batch, currency)
    pub by_batch: BTreeMap<(String, String, String), (LineTotals, FxSeen)>,
    pub tie_outs: Vec<TieOut>,
    /// Withholdings per (period, PSP, settlement currency), in the order of
    /// `Withholding::ALL` (negative: withheld), for the PSPs' withholding certificates.
    pub withholdings: Withholdings,
    pub differences: BTreeMap<(String, String), (u64, Decimal, Decimal)>,
    pub inexact_amounts: u64,
}

fn dec(text: Option<String>) -> Decimal {
    text.and_then(|t| t.trim().parse::<Decimal>().ok())
        .unwrap_or_default()
}

/// The temporary table `temp.report_scope` of the case keys in scope (only for a filtered
/// report: unfiltered, every line is in scope).
pub fn create_scope(ws: &Workspace) -> Result<(), ReportError> {
    ws.conn().execute_batch(
        "DROP TABLE IF EXISTS temp.report_scope;
         CREATE TEMP TABLE report_scope(case_key TEXT PRIMARY KEY) WITHOUT ROWID;",
    )?;
    Ok(())
}

pub fn drop_scope(ws: &Workspace) {
    // Best effort: the table is temporary and dies with the connection anyway.
    let _ = ws
        .conn()
        .execute_batch("DROP TABLE IF EXISTS temp.report_scope;");
}

/// Computes the Summary. `tally` comes from a pass over the filtered cases; `scoped` says
/// whether the case keys of that pass are in `temp.report_scope` (else every line is in scope).
pub fn compute(
    ws: &Workspace,
    filter: &CaseFilter,
    tally: CaseTally,
    scoped: bool,
    now: DateTime<Utc>,
) -> Result<SummaryData, ReportError> {
    let zone = ws.zone()?;
    let status = ws.case_summary(filter)?;
    let last_run_as_of =
        ws.last_run()?
            .map(|(_, as_of)| match DateTime::parse_from_rfc3339(&as_of) {
                Ok(t) => t
                    .with_timezone(&zone)
                    .to_rfc3339_opts(SecondsFormat::Secs, false),
                Err(_) => as_of,
            });
    let mut data = SummaryData {
        filter: filter.clone(),
        zone: zone.name().to_string(),
        generated_at: now
            .with_timezone(&zone)
            .to_rfc3339_opts(SecondsFormat::Secs, false),
        last_run_as_of,
        chain_head: Some(crate::audit::chain_head(ws.conn())?)
            .filter(|(seq, _)| *seq > 0)
            .map(|(seq, hash)| format!("#{seq} {hash}")),
        check: GroupCheck {
            matched: tally.matched,
            exceptions: tally.exceptions,
            charges: tally.charges,
            all: status.cases,
        },
        status,
        differences: tally.differences,
        ..SummaryData::default()
    };
    let scope_join = if scoped {
        "JOIN case_lines cl ON cl.line_id = s.id JOIN cases c ON c.id = cl.case_id \
         JOIN temp.report_scope r ON r.case_key = c.case_key"
    } else {
        ""
    };
    let conn = ws.conn();
    let mut stmt = conn.prepare(&format!(
        "SELECT s.psp, s.payment_method, s.settlement_currency, s.gross_amount, s.fee_amount,
                s.tax_amount, s.net_amount, s.fx_rate, s.file_id, s.batch_ref, f.name
         FROM settlement_lines s JOIN imported_files f ON f.id = s.file_id {scope_join}
         WHERE s.row_type <> 'hold' AND s.id NOT IN (SELECT line_id FROM line_echoes)
           AND s.status IN {MOVED_MONEY_SQL}"
    ))?;
    let mut rows = stmt.query([])?;
    // Batches touched by the scope: (file id, PSP, batch ref).
    let mut touched: std::collections::HashSet<(i64, String, Option<String>)> = Default::default();
    while let Some(r) = rows.next()? {
        let psp: String = r.get(0)?;
        let method: String = r.get::<_, Option<String>>(1)?.unwrap_or_default();
        let currency: String = r.get::<_, Option<String>>(2)?.unwrap_or_default();
        let (gross, fee, tax, net) = (
            dec(r.get(3)?),
            dec(r.get(4)?),
            dec(r.get(5)?),
            dec(r.get(6)?),
        );
        let fx = dec(r.get(7)?);
        let file_id: i64 = r.get(8)?;
        let batch: Option<String> = r.get(9)?;
        let file: String = r.get(10)?;
        touched.insert((file_id, psp.clone(), batch.clone()));
        data.by_psp
            .entry((psp.clone(), currency.clone()))
            .or_default()
            .add(gross, fee, tax, net);
        data.by_method
            .entry((psp, method, currency.clone()))
            .or_default()
            .add(gross, fee, tax, net);
        let b = data
            .by_batch
            .entry((file, batch.clone().unwrap_or_default(), currency))
            .or_default();
        b.0.add(gross, fee, tax, net);
        if !fx.is_zero() {
            b.1.add(fx);
        }
    }
    data.tie_outs = tie_outs(ws, scoped, &touched)?;
    data.withholdings = withholdings(ws, scoped)?;
    Ok(data)
}

/// Each settlement batch with a file total (dLocal's HEADER row), against its lines: the
/// batches and lines a reconciliation run books their differences for (a batch downloaded
/// twice is one batch; a summary repeated as HEADER and TOTAL counts once).
fn tie_outs(
    ws: &Workspace,
    scoped: bool,
    touched: &std::collections::HashSet<(i64, String, Option<String>)>,
) -> Result<Vec<TieOut>, ReportError> {
    let mut out = Vec::new();
    for b in crate::cases::batch_totals(ws.conn())? {
        let in_scope = !scoped
            || touched.iter().any(|(file, psp, batch)| match &b.batch_ref {
                Some(name) => *psp == b.psp && batch.as_deref() == Some(name.as_str()),
                None => *file == b.file_id,
            });
        if !in_scope {
            continue;
        }
        let key = b.case_key();
        let (rounding, booked_as) = match ws.case(&key)? {
            // Only rounding is booked; a batch that does not add up stays unexplained.
            Some(c) if c.rule == "batch_rounding" => (dec(c.net_settled), c.rule),
            Some(c) => (Decimal::ZERO, c.rule),
            None => (Decimal::ZERO, String::new()),
        };
        let check = b.check().ok_or_else(|| {
            ReportError::BadRequest(crate::msg!(super::words::BAD_NET_TOTAL, &b.net_total, &key))
        })?;
        let parse = |t: &Option<String>| t.as_deref().and_then(|t| t.trim().parse().ok());
        out.push(TieOut {
            file_gross: parse(&b.gross_total),
            file_fees: parse(&b.fee_total),
            file: b.file,
            batch: b.batch_ref.unwrap_or_default(),
            psp: b.psp,
            currency: b.currency.unwrap_or_default(),
            file_items: b.items,
            lines: u64::try_from(b.lines).unwrap_or_default(),
            lines_gross: b.lines_gross,
            lines_fees: b.lines_fee,
            lines_net: b.lines_net,
            rounding,
            booked_as,
            file_net_total: check.net_total,
            figures_agree: check.off.is_empty(),
        });
    }
    Ok(out)
}

/// Each line's taxes split by kind (`crate::withholding`), summed per period (its case's),
/// PSP and settlement currency: lines held for a claim and lines repeating another report's
/// money are left out, as in every settled figure.
fn withholdings(ws: &Workspace, scoped: bool) -> Result<Withholdings, ReportError> {
    let scope_join = if scoped {
        "JOIN temp.report_scope r ON r.case_key = c.case_key"
    } else {
        ""
    };
    let conn = ws.conn();
    let mut stmt = conn.prepare(&format!(
        "SELECT coalesce(c.period, ''), s.psp, coalesce(s.settlement_currency, ''), s.tax_amount,
                s.tax_detail, s.row_type, s.net_amount
         FROM settlement_lines s JOIN case_lines cl ON cl.line_id = s.id
         JOIN cases c ON c.id = cl.case_id {scope_join}
         WHERE (s.tax_amount IS NOT NULL OR s.row_type = 'tax') AND s.row_type <> 'hold'
           AND s.id NOT IN (SELECT line_id FROM line_echoes)
           AND s.status IN {MOVED_MONEY_SQL}"
    ))?;
    let mut out = Withholdings::new();
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let tax: Option<String> = r.get(3)?;
        let row_type: String = r.get(5)?;
        let tax = match tax {
            Some(t) => dec(Some(t)),
            None if row_type == "tax" => dec(r.get(6)?),
            None => continue,
        };
        let detail: Option<String> = r.get(4)?;
        let parts = crate::withholding::split(detail.as_deref(), tax);
        if parts.is_empty() {
            continue;
        }
        let e = out.entry((r.get(0)?, r.get(1)?, r.get(2)?)).or_default();
        for (kind, amount) in parts {
            if let Some(i) = crate::withholding::Withholding::ALL
                .iter()
                .position(|k| *k == kind)
            {
                e[i] += amount;
            }
        }
    }
    Ok(out)
}

/// The filter of the report, one "name: values" line per criterion, in the report's language.
fn filters_text(f: &CaseFilter, lang: Lang) -> Vec<String> {
    let names = StatusNames::new(lang);
    // Chinese text takes full-width punctuation.
    let (colon, comma) = match lang {
        Lang::Zh => ("：", "、"),
        Lang::Es | Lang::En => (": ", ", "),
    };
    let mut out = Vec::new();
    let mut list = |key: &str, v: &[String], named: bool| {
        if !v.is_empty() {
            let values: Vec<&str> = v
                .iter()
                .map(|x| if named { names.name(x) } else { x.as_str() })
                .collect();
            out.push(format!("{}{colon}{}", label(lang, key), values.join(comma)));
        }
    };
    list("status_name", &f.statuses, true);
    list("psp", &f.psps, false);
    list("payment_method", &f.methods, false);
    // A state is a review state (`to_review`...) or a case state (`open`...), named as the
    // window names it.
    if let Some(v) = &f.state {
        let name = ["review.", "state."]
            .iter()
            .map(|prefix| format!("{prefix}{v}"))
            .find_map(|k| {
                let name = label(lang, &k);
                (name != k).then(|| name.to_string())
            })
            .unwrap_or_else(|| v.clone());
        out.push(format!("{}{colon}{name}", label(lang, "state")));
    }
    for (key, v) in [
        ("period", &f.period),
        ("filter.from", &f.from),
        ("filter.to", &f.to),
        ("filter.amount_min", &f.amount_min),
        ("filter.amount_max", &f.amount_max),
        ("filter.text", &f.text),
    ] {
        if let Some(v) = v {
            out.push(format!("{}{colon}{v}", label(lang, key)));
        }
    }
    out
}

/// Writes the Summary as sections of rows.
pub fn render(data: &SummaryData, lang: Lang, sink: &mut dyn Sink) -> Result<(), ReportError> {
    let l = |k: &'static str| -> &'static str { label(lang, k) };
    let names = StatusNames::new(lang);
    let text = |d: &Decimal| d.normalize().to_string();
    sink.row(&[Cell::Title(l("summary.title"))])?;
    sink.row(&[
        Cell::Code(l("summary.generated_at")),
        Cell::Moment(&data.generated_at),
    ])?;
    sink.row(&[Cell::Code(l("summary.zone")), Cell::Code(&data.zone)])?;
    match &data.last_run_as_of {
        Some(t) => sink.row(&[Cell::Code(l("summary.last_run")), Cell::Moment(t)])?,
        None => sink.row(&[
            Cell::Code(l("summary.last_run")),
            Cell::Code(l("summary.none")),
        ])?,
    }
    if let Some(head) = &data.chain_head {
        sink.row(&[Cell::Code(l("summary.chain_head")), Cell::Code(head)])?;
    }
    let filters = filters_text(&data.filter, lang);
    if filters.is_empty() {
        sink.row(&[
            Cell::Code(l("summary.filters")),
            Cell::Code(l("summary.no_filters")),
        ])?;
    }
    for f in &filters {
        sink.row(&[Cell::Code(l("summary.filters")), Cell::Text(f)])?;
    }
    sink.blank()?;

    sink.row(&[Cell::Title(l("summary.by_status"))])?;
    sink.header(&[
        l("status"),
        l("status_name"),
        l("currency"),
        l("summary.cases"),
        l("summary.open"),
        l("order_total"),
        l("paid_amount"),
        l("difference"),
    ])?;
    for s in &data.status.by_status {
        let cur = s.currency.as_deref();
        let amount = |text| Cell::Amount {
            text,
            currency: cur,
        };
        sink.row(&[
            Cell::Code(&s.status),
            Cell::Code(names.name(&s.status)),
            Cell::Code(cur.unwrap_or("")),
            Cell::Int(s.cases as i64),
            Cell::Int(s.open as i64),
            amount(&s.order_total),
            amount(&s.paid_amount),
            amount(&s.difference),
        ])?;
    }
    sink.blank()?;

    sink.row(&[Cell::Title(l("summary.check"))])?;
    sink.header(&[l("summary.group"), l("summary.cases")])?;
    let c = &data.check;
    for (key, n) in [
        ("matched", c.matched),
        ("summary.exceptions", c.exceptions),
        ("sheet.charges", c.charges),
        ("summary.sum", c.sum()),
        ("summary.all_cases", c.all),
    ] {
        sink.row(&[Cell::Code(l(key)), Cell::Int(n as i64)])?;
    }
    let yes_no = |b: bool| l(if b { "summary.yes" } else { "summary.no" });
    sink.row(&[
        Cell::Code(l("summary.ties_out")),
        Cell::Code(yes_no(c.ties_out())),
    ])?;
    sink.blank()?;

    let totals_header = [
        l("summary.lines"),
        l("summary.gross"),
        l("summary.fees"),
        l("summary.taxes"),
        l("summary.net"),
    ];
    sink.row(&[Cell::Title(l("summary.by_psp"))])?;
    let mut h = vec![l("psp"), l("settlement_currency")];
    h.extend(totals_header);
    sink.header(&h)?;
    for ((psp, cur), t) in &data.by_psp {
        let strings = [text(&t.gross), text(&t.fees), text(&t.taxes), text(&t.net)];
        let mut row = vec![Cell::Text(psp), Cell::Code(cur), Cell::Int(t.lines as i64)];
        row.extend(strings.iter().map(|s| Cell::Amount {
            text: s,
            currency: Some(cur),
        }));
        sink.row(&row)?;
    }
    sink.blank()?;

    sink.row(&[Cell::Title(l("summary.by_method"))])?;
    let mut h = vec![l("psp"), l("payment_method"), l("settlement_currency")];
    h.extend(totals_header);
    sink.header(&h)?;
    for ((psp, method, cur), t) in &data.by_method {
        let strings = [text(&t.gross), text(&t.fees), text(&t.taxes), text(&t.net)];
        let mut row = vec![
            Cell::Text(psp),
            Cell::Text(method),
            Cell::Code(cur),
            Cell::Int(t.lines as i64),
        ];
        row.extend(strings.iter().map(|s| Cell::Amount {
            text: s,
            currency: Some(cur),
        }));
        sink.row(&row)?;
    }
    sink.blank()?;

    sink.row(&[Cell::Title(l("summary.by_batch"))])?;
    let mut h = vec![
        l("summary.file"),
        l("summary.batch"),
        l("settlement_currency"),
    ];
    h.extend(totals_header);
    h.extend([
        l("summary.fx_min"),
        l("summary.fx_max"),
        l("summary.fx_avg"),
    ]);
    sink.header(&h)?;
    for ((file, batch, cur), (t, fx)) in &data.by_batch {
        let strings = [text(&t.gross), text(&t.fees), text(&t.taxes), text(&t.net)];
        let rates = [fx.min, fx.max, fx.average()].map(|r| r.map(|d| text(&d)).unwrap_or_default());
        let mut row = vec![
            Cell::Text(file),
            Cell::Text(batch),
            Cell::Code(cur),
            Cell::Int(t.lines as i64),
        ];
        row.extend(strings.iter().map(|s| Cell::Amount {
            text: s,
            currency: Some(cur),
        }));
        row.extend(rates.iter().map(|r| Cell::Rate(r)));
        sink.row(&row)?;
    }
    sink.blank()?;

    sink.row(&[Cell::Title(l("summary.tie_out"))])?;
    sink.header(&[
        l("summary.file"),
        l("summary.batch"),
        l("psp"),
        l("settlement_currency"),
        l("summary.file_items"),
        l("summary.lines"),
        l("summary.file_gross"),
        l("summary.lines_gross"),
        l("summary.file_fees"),
        l("summary.lines_fees"),
        l("summary.lines_net"),
        l("summary.rounding"),
        l("summary.lines_plus_rounding"),
        l("summary.file_net_total"),
        l("summary.unexplained"),
        l("summary.ties_out"),
        l("summary.booked_as"),
    ])?;
    if data.tie_outs.is_empty() {
        sink.row(&[Cell::Code(l("summary.none"))])?;
    }
    for t in &data.tie_outs {
        let stated = |v: &Option<Decimal>| v.as_ref().map(&text).unwrap_or_default();
        let figures = [
            stated(&t.file_gross),
            text(&t.lines_gross),
            stated(&t.file_fees),
            text(&t.lines_fees),
        ];
        let amounts = [
            text(&t.lines_net),
            text(&t.rounding),
            text(&(t.lines_net + t.rounding)),
            text(&t.file_net_total),
            text(&t.unexplained()),
        ];
        let cur = Some(t.currency.as_str());
        let mut row = vec![
            Cell::Text(&t.file),
            Cell::Text(&t.batch),
            Cell::Text(&t.psp),
            Cell::Code(&t.currency),
            t.file_items.map_or(Cell::Empty, Cell::Int),
            Cell::Int(t.lines as i64),
        ];
        row.extend(figures.iter().map(|s| {
            if s.is_empty() {
                Cell::Empty
            } else {
                Cell::Amount {
                    text: s,
                    currency: cur,
                }
            }
        }));
        row.extend(amounts.iter().map(|s| Cell::Amount {
            text: s,
            currency: cur,
        }));
        row.push(Cell::Code(yes_no(t.ties_out())));
        row.push(Cell::Code(&t.booked_as));
        sink.row(&row)?;
    }
    sink.blank()?;

    sink.row(&[Cell::Title(l("summary.withholdings"))])?;
    sink.header(&[
        l("period"),
        l("psp"),
        l("settlement_currency"),
        l("summary.rete_fuente"),
        l("summary.rete_iva"),
        l("summary.rete_ica"),
        l("summary.gmf"),
        l("summary.not_split"),
        l("summary.total_withheld"),
    ])?;
    if data.withholdings.is_empty() {
        sink.row(&[Cell::Code(l("summary.none"))])?;
    }
    for ((period, psp, cur), sums) in &data.withholdings {
        let total: Decimal = sums.iter().sum();
        let amounts: Vec<String> = sums.iter().chain([&total]).map(&text).collect();
        let mut row = vec![Cell::Code(period), Cell::Text(psp), Cell::Code(cur)];
        row.extend(amounts.iter().map(|s| Cell::Amount {
            text: s,
            currency: Some(cur),
        }));
        sink.row(&row)?;
    }
    sink.blank()?;

    sink.row(&[Cell::Title(l("summary.differences"))])?;
    sink.header(&[
        l("status"),
        l("status_name"),
        l("currency"),
        l("summary.cases"),
        l("summary.total_difference"),
        l("summary.largest_difference"),
    ])?;
    if data.differences.is_empty() {
        sink.row(&[Cell::Code(l("summary.none"))])?;
    }
    for ((status, cur), (n, sum, largest)) in &data.differences {
        let amounts = [text(sum), text(largest)];
        let mut row = vec![
            Cell::Code(status),
            Cell::Code(names.name(status)),
            Cell::Code(cur),
            Cell::Int(*n as i64),
        ];
        row.extend(amounts.iter().map(|s| Cell::Amount {
            text: s,
            currency: Some(cur),
        }));
        sink.row(&row)?;
    }
    if data.inexact_amounts > 0 {
        sink.blank()?;
        sink.row(&[
            Cell::Code(l("summary.precision")),
            Cell::Int(data.inexact_amounts as i64),
        ])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_reads_in_the_reports_language() {
        let f = CaseFilter {
            statuses: vec!["underpaid".into()],
            from: Some("2026-05-01".into()),
            ..CaseFilter::default()
        };
        let es = filters_text(&f, Lang::Es);
        let underpaid = StatusNames::new(Lang::Es).name("underpaid").to_string();
        assert_ne!(underpaid, "underpaid", "the status has a Spanish name");
        assert_eq!(
            es,
            vec![
                format!("Estado: {underpaid}"),
                "Desde: 2026-05-01".to_string()
            ]
        );
        assert_eq!(filters_text(&f, Lang::Zh)[1], "起始：2026-05-01");
        let waiting = CaseFilter {
            state: Some("waiting".into()),
            ..CaseFilter::default()
        };
        assert_eq!(filters_text(&waiting, Lang::Zh), vec!["处理状态：待到账"]);
        assert_eq!(filters_text(&waiting, Lang::En), vec!["State: Waiting"]);
    }
}
