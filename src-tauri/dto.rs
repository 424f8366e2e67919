//! Every type that crosses IPC, in the shapes of the UI's contract (ui/src/ipc/CONTRACT.md):
//! money as decimal text, times as RFC 3339 in the workspace zone, record ids as text. These are
//! generated into ui/src/ipc/generated.ts; `generated_typescript_is_current` fails when that
//! file drifts (run it with `UPDATE_GENERATED=1` to rewrite it).

use cuadra_core::cases::{CaseRow, DetailItem, DetailLine, DetailOrder};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// An error as it crosses IPC (see `crate::error::ApiError`): the UI branches on `code` and shows
/// `detail` in the reader's language; `message` is the detail in English, for logs.
#[derive(Clone, Debug, Serialize, TS)]
#[ts(rename = "ApiError")]
pub struct ApiErrorDto {
    pub code: String,
    pub message: String,
    /// Rendered in the reader's language by the UI (ui/src/i18n/backendText.ts).
    #[ts(type = "Msg")]
    pub detail: cuadra_core::words::Msg,
}

impl From<crate::error::ApiError> for ApiErrorDto {
    fn from(e: crate::error::ApiError) -> Self {
        ApiErrorDto {
            code: e.code,
            message: e.message,
            detail: e.detail,
        }
    }
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct Session {
    pub workspace_path: Option<String>,
    pub workspace_name: Option<String>,
    pub actor: Option<String>,
    #[ts(type = "\"es\" | \"en\" | \"zh\" | null")]
    pub lang: Option<String>,
    pub workspace_error: Option<ApiErrorDto>,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct ImportedFile {
    #[ts(type = "number")]
    pub id: i64,
    pub sha256: String,
    pub name: String,
    #[ts(type = "number")]
    pub size: u64,
    pub kind: String,
    pub format: String,
    pub encoding: Option<String>,
    pub imported_at: String,
    pub imported_by: String,
    #[ts(type = "number")]
    pub rows_total: i64,
    #[ts(type = "number")]
    pub rows_new: i64,
    #[ts(type = "number")]
    pub rows_known: i64,
    #[ts(type = "number")]
    pub rows_conflicting: i64,
    #[ts(type = "number")]
    pub rows_updated: i64,
    #[ts(type = "number")]
    pub rows_rejected: i64,
}

impl From<cuadra_core::store::ImportedFile> for ImportedFile {
    fn from(f: cuadra_core::store::ImportedFile) -> Self {
        ImportedFile {
            id: f.id,
            sha256: f.sha256,
            name: f.name,
            size: f.size,
            kind: f.kind,
            format: f.format,
            encoding: f.encoding,
            imported_at: f.imported_at,
            imported_by: f.imported_by,
            rows_total: f.rows_total,
            rows_new: f.rows_new,
            rows_known: f.rows_known,
            rows_conflicting: f.rows_conflicting,
            rows_updated: f.rows_updated,
            rows_rejected: f.rows_rejected,
        }
    }
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct Problem {
    pub file: String,
    pub sheet: Option<String>,
    #[ts(type = "number | null")]
    pub row: Option<u64>,
    pub column: Option<String>,
    #[ts(type = "\"error\" | \"warning\"")]
    pub severity: String,
    pub code: String,
    /// Rendered in the reader's language by the UI (ui/src/i18n/backendText.ts).
    #[ts(type = "Msg")]
    pub message: cuadra_core::words::Msg,
}

fn json_text<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

impl From<&cuadra_core::ingest::Problem> for Problem {
    fn from(p: &cuadra_core::ingest::Problem) -> Self {
        Problem {
            file: p.file.clone(),
            sheet: p.sheet.clone(),
            row: p.row,
            column: p.column.clone(),
            severity: json_text(&p.severity),
            code: p.code.clone(),
            message: p.message.clone(),
        }
    }
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct ImportReport {
    pub file: String,
    #[ts(type = "\"imported\" | \"already_imported\" | \"dry_run\" | \"rejected\"")]
    pub outcome: String,
    pub sha256: Option<String>,
    #[ts(type = "number")]
    pub size: u64,
    pub format: Option<String>,
    #[ts(type = "\"settlement\" | \"orders\" | null")]
    pub kind: Option<String>,
    pub encoding: Option<String>,
    #[ts(type = "number | null")]
    pub file_id: Option<i64>,
    pub first_imported_at: Option<String>,
    #[ts(type = "number")]
    pub rows: u64,
    #[ts(type = "number")]
    pub new: u64,
    #[ts(type = "number")]
    pub known: u64,
    #[ts(type = "number")]
    pub updated: u64,
    #[ts(type = "number")]
    pub conflicting: u64,
    #[ts(type = "number")]
    pub rejected: u64,
    /// Rows that state the file's own balances and totals (tied out, not imported as lines).
    #[ts(type = "number")]
    pub totals: u64,
    /// The IANA zone date-times without an offset were read in (`Etc/GMT+4` is GMT-04).
    pub zone: Option<String>,
    /// Where that zone came from.
    #[ts(type = "ZoneFrom | null")]
    pub zone_from: Option<String>,
    pub problems: Vec<Problem>,
}

impl From<&cuadra_core::ingest::ImportReport> for ImportReport {
    fn from(r: &cuadra_core::ingest::ImportReport) -> Self {
        ImportReport {
            file: r.file.clone(),
            outcome: json_text(&r.outcome),
            sha256: r.sha256.clone(),
            size: r.size,
            format: r.format.clone(),
            kind: r.kind.as_ref().map(json_text),
            encoding: r.encoding.clone(),
            file_id: r.file_id,
            first_imported_at: r.first_imported_at.clone(),
            rows: r.rows,
            new: r.new,
            known: r.known,
            updated: r.updated,
            conflicting: r.conflicting,
            rejected: r.rejected,
            totals: r.totals,
            zone: r.zone.clone(),
            zone_from: r.zone_from.as_ref().map(json_text),
            problems: r.problems.iter().map(Problem::from).collect(),
        }
    }
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct ColumnMapping {
    pub source: String,
    pub field: Option<String>,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct ImportPreview {
    pub path: String,
    pub file_name: String,
    #[ts(type = "number")]
    pub size: u64,
    pub format: Option<String>,
    #[ts(type = "\"settlement\" | \"orders\" | null")]
    pub kind: Option<String>,
    pub profile: Option<String>,
    pub encoding: Option<String>,
    pub delimiter: Option<String>,
    pub sheet: Option<String>,
    pub columns: Vec<ColumnMapping>,
    pub rows: Vec<Vec<String>>,
    pub already_imported_at: Option<String>,
    /// As in `ImportReport`: the file's own balance and total rows, and the zone of its
    /// date-times without an offset.
    #[ts(type = "number")]
    pub totals: u64,
    pub zone: Option<String>,
    #[ts(type = "ZoneFrom | null")]
    pub zone_from: Option<String>,
    pub problems: Vec<Problem>,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct ImportProgress {
    pub job_id: String,
    pub file: Option<String>,
    pub file_index: u32,
    pub files_total: u32,
    #[ts(type = "number")]
    pub rows_done: u64,
    #[ts(type = "number")]
    pub bytes_done: u64,
    #[ts(type = "number")]
    pub bytes_total: u64,
    pub rows_per_sec: f64,
    pub eta_seconds: Option<f64>,
    #[ts(
        type = "\"reading\" | \"writing\" | \"reconciling\" | \"file_done\" | \"finished\" | \"cancelled\" | \"failed\""
    )]
    pub phase: String,
    pub reports: Vec<ImportReport>,
    pub error: Option<ApiErrorDto>,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct ReconcileResult {
    pub as_of: String,
    #[ts(type = "number")]
    pub cases: u64,
    #[ts(type = "number")]
    pub changed: u64,
}

#[derive(Clone, Debug, Default, Deserialize, TS)]
#[serde(default)]
pub struct SummaryFilter {
    pub period: Option<String>,
    pub date_from: Option<String>,
    pub date_to: Option<String>,
    pub psp: Option<String>,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct StatusTotal {
    #[ts(type = "CaseStatus")]
    pub status: String,
    #[ts(type = "number")]
    pub count: u64,
    #[ts(type = "number")]
    pub open: u64,
    pub amount: String,
    pub currency: String,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct SettledTotal {
    pub currency: String,
    pub gross: String,
    pub fees: String,
    pub taxes: String,
    pub net: String,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct DailyPoint {
    pub date: String,
    pub paid: String,
    pub settled: String,
    pub currency: String,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct AgingPoint {
    #[ts(type = "\"0_1d\" | \"1_3d\" | \"3_7d\" | \"7_30d\" | \"30d_plus\"")]
    pub bucket: String,
    #[ts(type = "number")]
    pub count: u64,
    pub amount: String,
    pub currency: String,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct AlertCount {
    #[ts(type = "number")]
    pub count: u64,
    pub amount: String,
    pub currency: String,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct Alerts {
    pub paid_shop_pending: AlertCount,
    pub unmatched_settlement: AlertCount,
    pub missing_settlement: AlertCount,
    pub expiring_vouchers: AlertCount,
    /// Settlement batches whose lines do not add up to the file's own summary.
    pub batch_mismatch: AlertCount,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct Summary {
    pub as_of: String,
    #[ts(type = "number")]
    pub cases: u64,
    #[ts(type = "number")]
    pub open: u64,
    #[ts(type = "number")]
    pub to_review: u64,
    #[ts(type = "number")]
    pub waiting: u64,
    #[ts(type = "number")]
    pub reconciled: u64,
    pub by_status: Vec<StatusTotal>,
    pub settled: Vec<SettledTotal>,
    pub daily: Vec<DailyPoint>,
    pub aging: Vec<AgingPoint>,
    pub alerts: Alerts,
}

impl From<cuadra_core::cases::Dashboard> for Summary {
    fn from(d: cuadra_core::cases::Dashboard) -> Self {
        let alert = |a: cuadra_core::cases::AlertCount| AlertCount {
            count: a.count,
            amount: a.amount,
            currency: a.currency,
        };
        Summary {
            as_of: d.as_of,
            cases: d.cases,
            open: d.open,
            to_review: d.to_review,
            waiting: d.waiting,
            reconciled: d.reconciled,
            by_status: d
                .by_status
                .into_iter()
                .map(|t| StatusTotal {
                    status: t.status,
                    count: t.count,
                    open: t.open,
                    amount: t.amount,
                    currency: t.currency,
                })
                .collect(),
            settled: d
                .settled
                .into_iter()
                .map(|t| SettledTotal {
                    currency: t.currency,
                    gross: t.gross,
                    fees: t.fees,
                    taxes: t.taxes,
                    net: t.net,
                })
                .collect(),
            daily: d
                .daily
                .into_iter()
                .map(|p| DailyPoint {
                    date: p.date,
                    paid: p.paid,
                    settled: p.settled,
                    currency: p.currency,
                })
                .collect(),
            aging: d
                .aging
                .into_iter()
                .map(|p| AgingPoint {
                    bucket: p.bucket,
                    count: p.count,
                    amount: p.amount,
                    currency: p.currency,
                })
                .collect(),
            alerts: Alerts {
                paid_shop_pending: alert(d.alerts.paid_shop_pending),
                unmatched_settlement: alert(d.alerts.unmatched_settlement),
                missing_settlement: alert(d.alerts.missing_settlement),
                expiring_vouchers: alert(d.alerts.expiring_vouchers),
                batch_mismatch: alert(d.alerts.batch_mismatch),
            },
        }
    }
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct Facets {
    pub psps: Vec<String>,
    pub payment_methods: Vec<String>,
    pub periods: Vec<String>,
    pub actors: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize, TS)]
#[serde(default)]
pub struct CaseFilter {
    #[ts(type = "CaseStatus[]")]
    pub statuses: Vec<String>,
    pub psps: Vec<String>,
    pub payment_methods: Vec<String>,
    pub period: Option<String>,
    pub date_from: Option<String>,
    pub date_to: Option<String>,
    pub amount_min: Option<String>,
    pub amount_max: Option<String>,
    pub text: Option<String>,
    #[ts(type = "CaseState | ReviewState | null")]
    pub state: Option<String>,
    pub expiring_within_hours: Option<u32>,
}

impl From<CaseFilter> for cuadra_core::cases::CaseFilter {
    fn from(f: CaseFilter) -> Self {
        cuadra_core::cases::CaseFilter {
            statuses: f.statuses,
            psps: f.psps,
            methods: f.payment_methods,
            state: f.state,
            period: f.period,
            from: f.date_from,
            to: f.date_to,
            amount_min: f.amount_min,
            amount_max: f.amount_max,
            text: f.text,
            expiring_within_hours: f.expiring_within_hours,
        }
    }
}

#[derive(Clone, Debug, Deserialize, TS)]
pub struct CaseSort {
    #[ts(type = "SortColumn")]
    pub column: String,
    #[ts(type = "\"asc\" | \"desc\"")]
    pub direction: String,
}

#[derive(Clone, Debug, Serialize, TS)]
#[ts(rename = "CaseRow")]
pub struct CaseRowDto {
    pub case_key: String,
    #[ts(type = "CaseStatus")]
    pub status: String,
    #[ts(type = "CaseStatus")]
    pub engine_status: String,
    pub rule: String,
    #[ts(type = "CaseState")]
    pub state: String,
    pub order_id: Option<String>,
    pub order_ref: Option<String>,
    pub shop_order_id: Option<String>,
    pub settlement_refs: String,
    pub order_total: Option<String>,
    pub paid_amount: Option<String>,
    pub difference: Option<String>,
    pub currency: Option<String>,
    pub fee_total: Option<String>,
    pub tax_total: Option<String>,
    pub net_settled: Option<String>,
    pub settlement_currency: Option<String>,
    pub psp: Option<String>,
    pub payment_method: Option<String>,
    pub order_created_at: Option<String>,
    pub paid_at: Option<String>,
    pub voucher_expires_at: Option<String>,
    pub settled_at: Option<String>,
    pub shop_status: Option<String>,
    pub customer: Option<String>,
    pub decided_by: String,
    /// Rendered in the reader's language by the UI (ui/src/i18n/backendText.ts).
    #[ts(type = "Msg")]
    pub explanation: cuadra_core::words::Msg,
    pub period: Option<String>,
    pub locked: bool,
    /// What is left to do: `to_review`, `waiting` or `reconciled`.
    #[ts(type = "ReviewState")]
    pub review: String,
}

impl From<CaseRow> for CaseRowDto {
    fn from(c: CaseRow) -> Self {
        CaseRowDto {
            case_key: c.case_key,
            status: c.status,
            engine_status: c.engine_status,
            rule: c.rule,
            state: c.state,
            order_id: c.order_id.map(|i| i.to_string()),
            order_ref: c.order_ref,
            shop_order_id: c.shop_order_id,
            settlement_refs: c.settlement_refs,
            order_total: c.order_total,
            paid_amount: c.paid_amount,
            difference: c.difference,
            currency: c.currency,
            fee_total: c.fee_total,
            tax_total: c.tax_total,
            net_settled: c.net_settled,
            settlement_currency: c.settlement_currency,
            psp: c.psp,
            payment_method: c.payment_method,
            order_created_at: c.order_created_at,
            paid_at: c.paid_at,
            voucher_expires_at: c.voucher_expires_at,
            settled_at: c.settled_at,
            shop_status: c.shop_status,
            customer: c.customer,
            decided_by: c.decided_by,
            explanation: c.explanation,
            period: c.period,
            locked: c.locked,
            review: c.review.as_str().to_string(),
        }
    }
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct ListCasesResponse {
    #[ts(type = "number")]
    pub total: u64,
    pub rows: Vec<CaseRowDto>,
}

/// What a bulk resolve did: every case resolved in one transaction, or none.
#[derive(Clone, Debug, Serialize, TS)]
pub struct BulkResolved {
    /// The cases resolved now, as they are afterwards.
    pub resolved: Vec<CaseRowDto>,
    /// The cases asked for that were resolved already (left as they were).
    pub skipped: Vec<String>,
}

/// A person's last act, as the window offers to undo it.
#[derive(Clone, Debug, Serialize, TS)]
pub struct LastAct {
    #[ts(type = "number")]
    pub audit_seq: i64,
    #[ts(type = "CaseActionKind")]
    pub action: String,
    pub case_keys: Vec<String>,
    pub at: String,
}

impl From<cuadra_core::review::LastAct> for LastAct {
    fn from(a: cuadra_core::review::LastAct) -> Self {
        LastAct {
            audit_seq: a.audit_seq,
            action: a.action.as_str().to_string(),
            case_keys: a.case_keys,
            at: a.at,
        }
    }
}

/// The filtered cases' count and sums in one currency (`null`: cases without one, charges).
#[derive(Clone, Debug, Serialize, TS)]
pub struct CaseTotals {
    pub currency: Option<String>,
    #[ts(type = "number")]
    pub cases: u64,
    pub order_total: String,
    pub paid_amount: String,
    pub difference: String,
}

impl From<cuadra_core::cases::CurrencyTotals> for CaseTotals {
    fn from(t: cuadra_core::cases::CurrencyTotals) -> Self {
        CaseTotals {
            currency: t.currency,
            cases: t.cases,
            order_total: t.order_total,
            paid_amount: t.paid_amount,
            difference: t.difference,
        }
    }
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct ShopOrder {
    pub id: String,
    pub platform: String,
    pub order_ref: String,
    pub shop_order_id: Option<String>,
    pub customer: Option<String>,
    pub email: Option<String>,
    pub total: String,
    pub currency: String,
    pub status: String,
    pub created_at: String,
    pub paid_at: Option<String>,
    pub payment_reference: Option<String>,
    pub file_name: String,
    #[ts(type = "number")]
    pub row: i64,
}

/// An order the match picker found, with the case that holds it now.
#[derive(Clone, Debug, Serialize, TS)]
pub struct FoundOrder {
    pub order: ShopOrder,
    pub case_key: Option<String>,
    pub status: Option<String>,
}

impl From<cuadra_core::cases::FoundOrder> for FoundOrder {
    fn from(f: cuadra_core::cases::FoundOrder) -> Self {
        FoundOrder {
            order: f.order.into(),
            case_key: f.case_key,
            status: f.status,
        }
    }
}

impl From<DetailOrder> for ShopOrder {
    fn from(o: DetailOrder) -> Self {
        ShopOrder {
            id: o.id.to_string(),
            platform: o.platform,
            order_ref: o
                .order_name
                .clone()
                .or_else(|| o.shop_order_id.clone())
                .unwrap_or_default(),
            shop_order_id: o.shop_order_id,
            customer: o.customer_name,
            email: o.email,
            total: o.total.unwrap_or_default(),
            currency: o.currency.unwrap_or_default(),
            status: o.financial_status,
            created_at: o.created_at.unwrap_or_default(),
            paid_at: o.paid_at,
            payment_reference: o.payment_reference,
            file_name: o.file_name,
            row: o.row_no,
        }
    }
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct OrderItem {
    pub name: String,
    pub sku: Option<String>,
    pub quantity: String,
    pub unit_price: String,
    pub total: String,
}

impl From<DetailItem> for OrderItem {
    fn from(i: DetailItem) -> Self {
        let q = i.quantity.clone().unwrap_or_default();
        let p = i.price.clone().unwrap_or_default();
        let total = match (
            q.trim().parse::<rust_decimal::Decimal>(),
            p.trim().parse::<rust_decimal::Decimal>(),
        ) {
            (Ok(q), Ok(p)) => q
                .checked_mul(p)
                .map(|d| d.normalize().to_string())
                .unwrap_or_default(),
            _ => String::new(),
        };
        OrderItem {
            name: i.name.unwrap_or_default(),
            sku: i.sku,
            quantity: q,
            unit_price: p,
            total,
        }
    }
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct SettlementLine {
    pub id: String,
    pub psp: String,
    pub psp_txn_id: Option<String>,
    pub merchant_ref: Option<String>,
    pub row_type: String,
    pub status: String,
    pub payment_method: Option<String>,
    pub local_amount: String,
    pub local_currency: String,
    pub gross_amount: Option<String>,
    pub fee_amount: Option<String>,
    pub tax_amount: Option<String>,
    pub net_amount: Option<String>,
    pub settlement_currency: Option<String>,
    pub created_at: Option<String>,
    pub approved_at: Option<String>,
    pub settled_at: Option<String>,
    pub file_name: String,
    #[ts(type = "number")]
    pub row: i64,
    pub case_key: Option<String>,
}

impl SettlementLine {
    pub fn from_detail(l: DetailLine, case_key: Option<String>) -> Self {
        SettlementLine {
            id: l.id.to_string(),
            psp: l.psp,
            psp_txn_id: l.psp_txn_id,
            merchant_ref: l.merchant_ref,
            row_type: l.row_type,
            status: l.status,
            payment_method: l.payment_method,
            local_amount: l
                .local_amount
                .clone()
                .or_else(|| l.gross_amount.clone())
                .unwrap_or_default(),
            local_currency: l
                .local_currency
                .clone()
                .or_else(|| l.settlement_currency.clone())
                .unwrap_or_default(),
            gross_amount: l.gross_amount,
            fee_amount: l.fee_amount,
            tax_amount: l.tax_amount,
            net_amount: l.net_amount,
            settlement_currency: l.settlement_currency,
            created_at: None,
            approved_at: l.approved_at,
            settled_at: l.settled_at,
            file_name: l.file_name,
            row: l.row_no,
            case_key,
        }
    }
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct AuditEvent {
    #[ts(type = "number")]
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub reason: Option<String>,
    pub note: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

impl From<cuadra_core::audit::AuditEvent> for AuditEvent {
    fn from(e: cuadra_core::audit::AuditEvent) -> Self {
        AuditEvent {
            seq: e.seq,
            at: e.at,
            actor: e.actor,
            action: e.action,
            subject: e.subject,
            before: e.before,
            after: e.after,
            reason: e.reason,
            note: e.note,
            prev_hash: e.prev_hash,
            hash: e.hash,
        }
    }
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct CaseDetail {
    pub case: CaseRowDto,
    /// The case's order and lines as the person sees them; pass it back with an act
    /// (`expected_membership`) so a case changed meanwhile is refused (`stale_case`).
    pub membership: String,
    pub order: Option<ShopOrder>,
    pub items: Vec<OrderItem>,
    pub lines: Vec<SettlementLine>,
    pub suggested_lines: Vec<SettlementLine>,
    pub history: Vec<AuditEvent>,
    /// Evidence attached to the case (PDF or image), oldest first.
    pub attachments: Vec<Attachment>,
}

/// A file of evidence attached to a case, kept byte for byte.
#[derive(Clone, Debug, Serialize, TS)]
pub struct Attachment {
    pub id: String,
    pub name: String,
    pub media_type: String,
    #[ts(type = "number")]
    pub bytes: u64,
    pub sha256: String,
    pub note: Option<String>,
    pub actor: String,
    /// UTC, as the audit trail records it.
    pub at: String,
    #[ts(type = "number")]
    pub audit_seq: i64,
}

impl From<cuadra_core::store::Attachment> for Attachment {
    fn from(a: cuadra_core::store::Attachment) -> Self {
        Attachment {
            id: a.id.to_string(),
            name: a.name,
            media_type: a.media_type,
            bytes: a.bytes,
            sha256: a.sha256,
            note: a.note,
            actor: a.actor,
            at: a.at,
            audit_seq: a.audit_seq,
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize, TS)]
#[serde(default)]
pub struct AuditFilter {
    pub case_key: Option<String>,
    pub since: Option<String>,
    pub actor: Option<String>,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct AuditPage {
    #[ts(type = "number")]
    pub total: u64,
    pub events: Vec<AuditEvent>,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct AuditVerification {
    #[ts(type = "number")]
    pub events: u64,
    #[ts(type = "number")]
    pub head_seq: i64,
    pub head_hash: String,
    /// The first event that does not verify and why (rendered in the reader's language).
    #[ts(type = "[number, Msg] | null")]
    pub first_broken: Option<(i64, cuadra_core::words::Msg)>,
}

/// One check of the workspace's full verification (the core's `verify::CheckResult`).
#[derive(Clone, Debug, Serialize, TS)]
pub struct VerifyCheck {
    #[ts(
        type = "\"integrity\" | \"audit_chain\" | \"witness\" | \"evidence\" | \"derived_rows\" | \"periods\" | \"cases\""
    )]
    pub check: String,
    #[ts(type = "\"passed\" | \"failed\" | \"skipped\"")]
    pub outcome: String,
    /// What is wrong, or why the check was skipped (at most 100).
    #[ts(type = "Msg[]")]
    pub findings: Vec<cuadra_core::words::Msg>,
    #[ts(type = "number")]
    pub found: u64,
    #[ts(type = "number")]
    pub compared: u64,
    pub seconds: f64,
}

/// The workspace's full verification: `ok` only when no check failed.
#[derive(Clone, Debug, Serialize, TS)]
pub struct WorkspaceVerification {
    pub ok: bool,
    pub checks: Vec<VerifyCheck>,
}

impl From<cuadra_core::verify::VerifyReport> for WorkspaceVerification {
    fn from(r: cuadra_core::verify::VerifyReport) -> Self {
        WorkspaceVerification {
            ok: r.ok(),
            checks: r
                .checks
                .into_iter()
                .map(|c| VerifyCheck {
                    check: c.check.to_string(),
                    outcome: match c.outcome {
                        cuadra_core::verify::CheckOutcome::Passed => "passed",
                        cuadra_core::verify::CheckOutcome::Failed => "failed",
                        cuadra_core::verify::CheckOutcome::Skipped => "skipped",
                    }
                    .to_string(),
                    findings: c.findings,
                    found: c.found,
                    compared: c.compared,
                    seconds: c.seconds,
                })
                .collect(),
        }
    }
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct PeriodInfo {
    pub period: String,
    #[ts(type = "\"open\" | \"closed\"")]
    pub state: String,
    pub closed_at: Option<String>,
    pub closed_by: Option<String>,
    pub note: Option<String>,
    #[ts(type = "number")]
    pub cases: u64,
    /// Cases of the period still to review (a close asks before sealing them).
    #[ts(type = "number")]
    pub to_review: u64,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct RetentionStatus {
    pub retention_years: u32,
    pub oldest_record_at: Option<String>,
    pub keep_until: Option<String>,
    #[ts(type = "number")]
    pub files_kept: u64,
    #[ts(type = "number")]
    pub evidence_bytes: u64,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct Settings {
    pub zone: String,
    pub tolerance: String,
    #[ts(type = "number")]
    pub validity_hours: i64,
    #[ts(type = "Record<string, number>")]
    pub validity_hours_by_psp: BTreeMap<String, i64>,
    /// The zones set for one PSP's files (`zone.<psp>`); a PSP not listed uses the zone its
    /// format documents, else `zone`.
    #[ts(type = "Record<string, string>")]
    pub zone_by_psp: BTreeMap<String, String>,
    #[ts(type = "number")]
    pub grace_days: i64,
    pub retention_years: u32,
    #[ts(type = "Lang")]
    pub lang: String,
    pub actor: Option<String>,
}

/// The TypeScript of every IPC type, as committed in ui/src/ipc/generated.ts.
pub fn typescript() -> String {
    let mut out = String::from(
        "// Generated from src-tauri/dto.rs by ts-rs: do not edit. Regenerate with\n\
         // `UPDATE_GENERATED=1 cargo test --lib generated_typescript_is_current`.\n\n\
         import type { CaseActionKind, CaseState, CaseStatus, Lang, Msg, ReviewState, SortColumn, ZoneFrom } from \"./types\";\n\n",
    );
    let decls = [
        ApiErrorDto::decl(),
        Session::decl(),
        ImportedFile::decl(),
        Problem::decl(),
        ImportReport::decl(),
        ColumnMapping::decl(),
        ImportPreview::decl(),
        ImportProgress::decl(),
        ReconcileResult::decl(),
        SummaryFilter::decl(),
        StatusTotal::decl(),
        SettledTotal::decl(),
        DailyPoint::decl(),
        AgingPoint::decl(),
        AlertCount::decl(),
        Alerts::decl(),
        Summary::decl(),
        Facets::decl(),
        CaseFilter::decl(),
        CaseSort::decl(),
        CaseRowDto::decl(),
        ListCasesResponse::decl(),
        CaseTotals::decl(),
        LastAct::decl(),
        BulkResolved::decl(),
        ShopOrder::decl(),
        FoundOrder::decl(),
        OrderItem::decl(),
        SettlementLine::decl(),
        AuditEvent::decl(),
        CaseDetail::decl(),
        Attachment::decl(),
        AuditFilter::decl(),
        AuditPage::decl(),
        AuditVerification::decl(),
        VerifyCheck::decl(),
        WorkspaceVerification::decl(),
        PeriodInfo::decl(),
        RetentionStatus::decl(),
        Settings::decl(),
    ];
    for d in decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.trim_end().to_string() + "\n"
}

/// The core's message catalog as TypeScript (ui/src/i18n/messages/backend.generated.ts), with
/// sample messages and their Rust renderings, which a UI test compares with its own renderer.
pub fn backend_messages_typescript() -> String {
    use cuadra_core::msg;
    use cuadra_core::reconcile::words::*;
    use cuadra_core::words::{Arg, Join, Lang, Msg};
    let cop = |n: i64| Arg::money(n.into(), Some("COP"));
    let usd = |s: &str| Arg::money(s.parse().expect("a decimal"), Some("USD"));
    let order = |name: &str| Arg::from(msg!(ORDER_NAMED, name));
    let samples = [
        msg!(
            RESOLVED_BY,
            msg!(REASON_WRITTEN_OFF),
            "ana",
            "2026-11-25",
            Arg::sentence(msg!(
                MATCHED,
                msg!(
                    PAID_FOR,
                    cop(150_000),
                    "2026-05-03 14:10 (Bogotá)",
                    order("#1001"),
                    cop(1_234_567)
                ),
                msg!(BEFORE_EXPIRY, "2026-05-04 10:00")
            ))
        ),
        msg!(
            LINE_AMBIGUOUS,
            msg!(ROW_PAYMENT),
            "T-648-1",
            usd("1234.5"),
            msg!(UNKNOWN_TIME),
            Arg::list(vec![order("#1"), order("#2"), order("#3")], Join::Comma)
        ),
        msg!(
            LINE_TIED,
            msg!(ROW_REFUND),
            msg!(LINE_BY_ID, 42i64),
            usd("-0.041234"),
            "2026-05-05 20:20 (Bogotá)",
            Arg::list(vec![order("#10023"), order("#10033")], Join::And)
        ),
        msg!(
            DUPLICATE_PAYMENT,
            order("#7"),
            cop(-2_500),
            3usize,
            Arg::list(vec!["a".into(), "b".into(), "c".into()], Join::Semi),
            Arg::money("150000.50".parse().expect("a decimal"), Some("COP"))
        ),
        // Errors: a refused act and a closed period, with their specifics.
        msg!(
            cuadra_core::review::words::LOCKED,
            "order:shopify:1001",
            "2026-05"
        ),
        msg!(
            cuadra_core::store::words::CHAIN_BROKEN,
            3i64,
            msg!(cuadra_core::audit::words::SEQ_JUMP, 3i64, 5i64)
        ),
        Msg::verbatim("Texto de una versión anterior."),
        Msg::verbatim("nota escrita por una persona: se queda como está"),
        Msg::from_stored(r#"{"k":"from.a.newer.version","a":[1,"x"]}"#),
    ];
    let samples: Vec<serde_json::Value> = samples
        .iter()
        .map(|m| {
            serde_json::json!({
                "msg": m,
                "en": m.render(Lang::En),
                "es": m.render(Lang::Es),
                "zh": m.render(Lang::Zh),
            })
        })
        .collect();
    format!(
        "// Generated from the Rust message catalog (crates/cuadra-core/src/words) by\n\
         // src-tauri/dto.rs: do not edit. Regenerate with\n\
         // `UPDATE_GENERATED=1 cargo test --lib generated`.\n\n\
         import type {{ Msg }} from \"../../ipc/types\";\n\n\
         export const BACKEND_MESSAGES: Record<string, {{ en: string; es: string; zh: string }}> = {};\n\n\
         /** Messages rendered by the Rust catalog: the UI's renderer must give the same text. */\n\
         export const BACKEND_SAMPLES: {{ msg: Msg; en: string; es: string; zh: string }}[] = {};\n",
        cuadra_core::words::catalog_json(),
        serde_json::to_string_pretty(&samples).expect("samples serialize")
    )
}

#[cfg(test)]
mod tests {
    /// The committed file at `path` (from the repository root) is `now`; `UPDATE_GENERATED=1`
    /// rewrites it.
    fn check_generated(path: &str, now: &str, source: &str) {
        let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
        if std::env::var_os("UPDATE_GENERATED").is_some() {
            std::fs::write(&file, now).unwrap_or_else(|e| panic!("write {path}: {e}"));
        }
        let committed = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(
            committed == now,
            "{path} is out of date with {source}: run \
             `UPDATE_GENERATED=1 cargo test --lib generated` and commit it"
        );
    }

    #[test]
    fn generated_messages_are_current() {
        check_generated(
            "ui/src/i18n/messages/backend.generated.ts",
            &super::backend_messages_typescript(),
            "the core's catalog",
        );
    }

    #[test]
    fn generated_typescript_is_current() {
        check_generated(
            "ui/src/ipc/generated.ts",
            &super::typescript(),
            "src-tauri/dto.rs",
        );
    }
}
