//! The shapes only the desktop app has (its session, the import job's progress, pages and
//! envelopes of requests, the window's views of settings and verification), and the generator of
//! ui/src/ipc/generated.ts. Everything else crosses IPC as the core's own types (derived with
//! `ts_rs::TS` behind cuadra-core's `ts` feature), in the serializations the CLI's `--json` writes.
//! `generated_typescript_is_current` fails when the generated file drifts (run it with
//! `UPDATE_GENERATED=1` to rewrite it).

use crate::error::ApiError;
use cuadra_core::audit::AuditEvent;
use cuadra_core::cases::{CaseRow, DetailItem, DetailLine, DetailOrder};
use cuadra_core::ingest::{ImportReport, Problem, ZoneFrom};
use cuadra_core::model::FileKind;
use cuadra_core::store::Attachment;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Clone, Debug, Serialize, TS)]
pub struct Session {
    pub workspace_path: Option<String>,
    pub workspace_name: Option<String>,
    pub actor: Option<String>,
    #[ts(type = "\"es\" | \"en\" | \"zh\" | null")]
    pub lang: Option<String>,
    pub workspace_error: Option<ApiError>,
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
    pub kind: Option<FileKind>,
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
    pub zone_from: Option<ZoneFrom>,
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
    pub error: Option<ApiError>,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct ReconcileResult {
    pub as_of: String,
    #[ts(type = "number")]
    pub cases: u64,
    #[ts(type = "number")]
    pub changed: u64,
}

#[derive(Clone, Debug, Deserialize, TS)]
pub struct CaseSort {
    #[ts(type = "SortColumn")]
    pub column: String,
    #[ts(type = "\"asc\" | \"desc\"")]
    pub direction: String,
}

/// A case as the window reads it: the core's [`CaseRow`] exactly as the CLI's `--json` writes it
/// (`explanation` as English text), and one field more, `explanation_msg`: the explanation as a
/// message the UI renders in the reader's language.
#[derive(Clone, Debug, Serialize, TS)]
#[ts(rename = "CaseRow")]
pub struct CaseRowDto {
    #[serde(flatten)]
    pub row: CaseRow,
    #[ts(type = "Msg")]
    pub explanation_msg: cuadra_core::words::Msg,
}

impl From<CaseRow> for CaseRowDto {
    fn from(row: CaseRow) -> Self {
        CaseRowDto {
            explanation_msg: row.explanation.clone(),
            row,
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

// The window's view of one case (`get_case`, `search_lines`, `search_orders`): `ShopOrder`,
// `FoundOrder`, `OrderItem`, `SettlementLine` and `CaseDetail` still rename and fill in the
// core's `cases::{DetailOrder, FoundOrder, DetailItem, DetailLine, CaseDetail}` (which
// `cuadra-cli case show --json` writes). Not yet the core's shapes: moving the UI onto them is
// left to do (issue 16).

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

/// `values` as a TypeScript constant of their JSON spellings, typed by `ty`.
fn ts_values<T: Serialize>(name: &str, ty: &str, values: &[T]) -> String {
    let spelled: Vec<String> = values
        .iter()
        .map(|v| serde_json::to_string(v).expect("a value serialises"))
        .collect();
    format!(
        "export const {name} = [{}] as const satisfies readonly {ty}[];\n\n",
        spelled.join(", ")
    )
}

/// The TypeScript of every IPC type and of the core's vocabulary, as committed in
/// ui/src/ipc/generated.ts. 64-bit integers are typed `number` (ts-rs says `bigint`): they
/// cross as JSON numbers, and counts, ids and sequence numbers stay far below 2^53.
pub fn typescript() -> String {
    use cuadra_core::cases::{CaseState, Review, SortKey};
    use cuadra_core::code::ErrorCode;
    use cuadra_core::review::ActionKind;
    let mut out = String::from(
        "// Generated from the core's types (cuadra-core, feature `ts`) and src-tauri/dto.rs by\n\
         // ts-rs: do not edit. Regenerate with\n\
         // `UPDATE_GENERATED=1 cargo test --lib generated_typescript_is_current`.\n\n\
         import type { AgingBucket, Lang, Msg } from \"./types\";\n\n",
    );
    let decls = [
        // The core's vocabulary.
        ErrorCode::decl(),
        cuadra_core::reconcile::CaseStatus::decl(),
        CaseState::decl(),
        Review::decl(),
        ActionKind::decl(),
        SortKey::decl(),
        FileKind::decl(),
        ZoneFrom::decl(),
        cuadra_core::ingest::Outcome::decl(),
        cuadra_core::ingest::Severity::decl(),
        // The core's types.
        ApiError::decl(),
        cuadra_core::store::ImportedFile::decl(),
        Problem::decl(),
        ImportReport::decl(),
        cuadra_core::cases::DashFilter::decl(),
        cuadra_core::cases::StatusTotal::decl(),
        cuadra_core::cases::SettledTotal::decl(),
        cuadra_core::cases::DailyPoint::decl(),
        cuadra_core::cases::AgingPoint::decl(),
        cuadra_core::cases::AlertCount::decl(),
        cuadra_core::cases::Alerts::decl(),
        cuadra_core::cases::Dashboard::decl(),
        cuadra_core::cases::Facets::decl(),
        cuadra_core::cases::CaseFilter::decl(),
        cuadra_core::cases::CurrencyTotals::decl(),
        cuadra_core::review::LastAct::decl(),
        AuditEvent::decl(),
        Attachment::decl(),
        // The app's own.
        Session::decl(),
        ColumnMapping::decl(),
        ImportPreview::decl(),
        ImportProgress::decl(),
        ReconcileResult::decl(),
        CaseSort::decl(),
        CaseRowDto::decl(),
        ListCasesResponse::decl(),
        BulkResolved::decl(),
        ShopOrder::decl(),
        FoundOrder::decl(),
        OrderItem::decl(),
        SettlementLine::decl(),
        CaseDetail::decl(),
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
        out.push_str(&d.replace("bigint", "number"));
        out.push_str("\n\n");
    }
    out.push_str("// ---- The core's lists ----\n\n");
    out.push_str(&ts_values("ERROR_CODES", "ErrorCode", &ErrorCode::ALL));
    out.push_str(&ts_values(
        "CASE_STATUSES",
        "CaseStatus",
        &cuadra_core::reconcile::CaseStatus::ALL,
    ));
    out.push_str(&ts_values(
        "CASE_STATES",
        "CaseState",
        &[CaseState::Open, CaseState::Resolved],
    ));
    out.push_str(&ts_values("REVIEW_STATES", "ReviewState", &Review::ALL));
    out.push_str(
        "/** `Review::of`: the statuses that are done once decided, and those only time settles. */\n",
    );
    out.push_str(&ts_values(
        "REVIEW_DONE_STATUSES",
        "CaseStatus",
        &Review::DONE,
    ));
    out.push_str(&ts_values(
        "REVIEW_WAITING_STATUSES",
        "CaseStatus",
        &Review::WAITING,
    ));
    out.push_str(&ts_values(
        "CASE_ACTIONS",
        "CaseActionKind",
        &[
            ActionKind::Confirm,
            ActionKind::Match,
            ActionKind::Unmatch,
            ActionKind::Resolve,
            ActionKind::Reopen,
            ActionKind::Note,
        ],
    ));
    out.push_str(&ts_values("SORT_COLUMNS", "SortColumn", &SortKey::ALL));
    out.push_str(&ts_values(
        "RESOLVE_REASONS",
        "string",
        &cuadra_core::review::REASON_CODES,
    ));
    out.push_str("export type ResolveReason = (typeof RESOLVE_REASONS)[number];\n\n");
    out.push_str(
        "/** The statuses whose lines are only suggested for the case's order (`suggested_lines`). */\n",
    );
    out.push_str(&ts_values(
        "SUGGESTING_STATUSES",
        "CaseStatus",
        &cuadra_core::cases::SUGGESTING_STATUSES,
    ));
    let scales: serde_json::Map<String, serde_json::Value> = cuadra_core::money::CURRENCY_SCALES
        .iter()
        .map(|&(code, scale)| (code.to_string(), scale.into()))
        .collect();
    out.push_str(&format!(
        "/** Decimals money is kept to, for the currencies not kept to DEFAULT_CURRENCY_SCALE. */\n\
         export const CURRENCY_SCALES: Readonly<Record<string, number>> = {};\n\n\
         export const DEFAULT_CURRENCY_SCALE = {};\n",
        serde_json::Value::Object(scales),
        cuadra_core::money::DEFAULT_SCALE
    ));
    out
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

    /// The app's case is the core's `CaseRow` as `cuadra-cli case list --json` writes it, with
    /// one field more: the explanation as a message to render.
    #[test]
    fn a_case_crosses_ipc_as_the_cli_writes_it_plus_its_message() {
        let explanation = cuadra_core::words::Msg::verbatim("Paid in full.");
        let row = cuadra_core::cases::CaseRow {
            case_key: "order:shopify:1001".into(),
            status: "matched".into(),
            order_id: Some(7),
            explanation: explanation.clone(),
            ..Default::default()
        };
        let cli = serde_json::to_value(&row).expect("a case serialises");
        let mut app =
            serde_json::to_value(super::CaseRowDto::from(row)).expect("a case serialises");
        let msg = app
            .as_object_mut()
            .and_then(|o| o.remove("explanation_msg"))
            .expect("the app's one field more");
        assert_eq!(app, cli);
        assert_eq!(cli["explanation"], "Paid in full.");
        assert_eq!(
            msg,
            serde_json::to_value(&explanation).expect("a message serialises")
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
