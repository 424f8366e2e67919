// Generated from the core's types (cuadra-core, feature `ts`) and src-tauri/dto.rs by
// ts-rs: do not edit. Regenerate with
// `UPDATE_GENERATED=1 cargo test --lib generated_typescript_is_current`.

import type { AgingBucket, Lang, Msg } from "./types";

export type ErrorCode = "store" | "no_workspace_path" | "no_workspace" | "not_found" | "invalid_action" | "period_closed" | "reason_required" | "note_required" | "stale_case" | "invalid_setting" | "retention_lowered" | "import_running" | "export_failed" | "ipc";

export type CaseStatus = "matched" | "paid_shop_pending" | "underpaid" | "overpaid" | "duplicate_payment" | "paid_after_expiry" | "currency_mismatch" | "refunded" | "partially_refunded" | "charged_back" | "disputed" | "psp_status_unknown" | "awaiting_payment" | "expired_unpaid" | "awaiting_settlement" | "missing_settlement" | "suggested" | "unmatched_settlement" | "batch_mismatch" | "settlement_charge";

export type CaseState = "open" | "resolved";

export type ReviewState = "to_review" | "waiting" | "reconciled";

export type CaseActionKind = "confirm" | "match" | "unmatch" | "resolve" | "reopen" | "note";

export type SortColumn = "event_at" | "order_total" | "status" | "order_ref" | "case_key" | "customer" | "paid_amount" | "difference" | "psp" | "payment_method" | "paid_at" | "settled_at" | "state";

export type FileKind = "settlement" | "orders";

export type ZoneFrom = "psp_setting" | "format" | "workspace";

export type ImportOutcome = "imported" | "already_imported" | "dry_run" | "rejected";

export type Severity = "error" | "warning";

export type ApiError = { 
/**
 * One of the core's codes (`cuadra_core::code::ErrorCode`, generated to TypeScript).
 */
code: ErrorCode, 
/**
 * `detail` in English, for logs and whoever reads the raw IPC.
 */
message: string, 
/**
 * Rendered in the reader's language by the UI (ui/src/i18n/backendText.ts).
 */
detail: Msg, };

export type ImportedFile = { id: number, sha256: string, name: string, size: number, kind: string, format: string, encoding: string | null, imported_at: string, imported_by: string, rows_total: number, rows_new: number, rows_known: number, rows_conflicting: number, rows_updated: number, rows_rejected: number, };

export type Problem = { file: string, sheet: string | null, row: number | null, column: string | null, severity: Severity, code: string, message: Msg, };

export type ImportReport = { 
/**
 * The path or name the file was given as.
 */
file: string, outcome: ImportOutcome, sha256: string | null, size: number, 
/**
 * The detected (or requested) format, e.g. `dlocal-crossborder`.
 */
format: string | null, kind: FileKind | null, encoding: string | null, delimiter: string | null, sheet: string | null, file_id: number | null, 
/**
 * For a file imported before: when and under which name.
 */
first_imported_at: string | null, first_imported_as: string | null, 
/**
 * Data rows read (excluding headers, summary rows and blank lines).
 */
rows: number, new: number, known: number, 
/**
 * Orders only: a new state of an order already known (the earlier one is kept).
 */
updated: number, conflicting: number, rejected: number, 
/**
 * Rows that state the file's own balances and totals instead of moving money (Mercado
 * Pago's release report): tied out, not imported as lines.
 */
totals: number, 
/**
 * The zone date-times without an offset were read in (an IANA name, `Etc/GMT+4` being
 * GMT-04), and where it came from.
 */
zone: string | null, zone_from: ZoneFrom | null, problems: Array<Problem>, };

export type SummaryFilter = { period: string | null, date_from: string | null, date_to: string | null, psp: string | null, };

export type StatusTotal = { status: CaseStatus, count: number, open: number, amount: string, currency: string, };

export type SettledTotal = { currency: string, gross: string, fees: string, taxes: string, net: string, };

export type DailyPoint = { date: string, paid: string, settled: string, currency: string, };

export type AgingPoint = { bucket: AgingBucket, count: number, amount: string, currency: string, };

export type AlertCount = { count: number, amount: string, currency: string, };

export type Alerts = { paid_shop_pending: AlertCount, unmatched_settlement: AlertCount, missing_settlement: AlertCount, expiring_vouchers: AlertCount, 
/**
 * Settlement batches whose lines do not add up to the file's own summary.
 */
batch_mismatch: AlertCount, };

export type Summary = { 
/**
 * The last run's as-of (RFC 3339), empty before the first run.
 */
as_of: string, cases: number, 
/**
 * Cases no person resolved (whatever their status).
 */
open: number, 
/**
 * What still needs someone, what only time settles, what is done ([`super::Review`]):
 * together, every case.
 */
to_review: number, waiting: number, reconciled: number, by_status: Array<StatusTotal>, settled: Array<SettledTotal>, daily: Array<DailyPoint>, aging: Array<AgingPoint>, alerts: Alerts, };

export type Facets = { psps: Array<string>, payment_methods: Array<string>, 
/**
 * Newest first.
 */
periods: Array<string>, actors: Array<string>, };

export type CaseFilter = { statuses: CaseStatus[], psps: Array<string>, payment_methods: Array<string>, 
/**
 * `open` or `resolved` (a person's decision), or a review state: `to_review`, `waiting`,
 * `reconciled` ([`super::Review`]).
 */
state: CaseState | ReviewState | null, 
/**
 * `YYYY-MM`.
 */
period: string | null, 
/**
 * Inclusive dates (`YYYY-MM-DD`) in the workspace zone, on the case's date.
 */
date_from: string | null, date_to: string | null, 
/**
 * Inclusive bounds on the case's main amount (decimal text).
 */
amount_min: string | null, amount_max: string | null, 
/**
 * Words searched in references, order ids, customers and case keys.
 */
text: string | null, 
/**
 * Only vouchers (awaiting_payment) expiring between the last run's as-of and as-of + N hours.
 */
expiring_within_hours: number | null, };

export type CaseTotals = { currency: string | null, cases: number, order_total: string, paid_amount: string, difference: string, };

export type LastAct = { 
/**
 * The audit event of the act (the last one, for a bulk resolve).
 */
audit_seq: number, action: CaseActionKind, 
/**
 * The cases it acted on (several for a bulk resolve), in the order acted on.
 */
case_keys: Array<string>, at: string, };

export type AuditEvent = { seq: number, at: string, actor: string, action: string, subject: string, before: string | null, after: string | null, reason: string | null, note: string | null, prev_hash: string, hash: string, };

export type Attachment = { id: number, case_key: string, 
/**
 * The file's name as it was attached (without its folder).
 */
name: string, 
/**
 * Read from the file's first bytes, never from its name: `application/pdf`, `image/png`...
 */
media_type: string, bytes: number, sha256: string, note: string | null, actor: string, 
/**
 * When it was attached (UTC, as the audit trail records it).
 */
at: string, 
/**
 * The `case_attach` audit event that recorded it.
 */
audit_seq: number, };

export type Session = { workspace_path: string | null, workspace_name: string | null, actor: string | null, lang: "es" | "en" | "zh" | null, workspace_error: ApiError | null, };

export type ColumnMapping = { source: string, field: string | null, };

export type ImportPreview = { path: string, file_name: string, size: number, format: string | null, kind: FileKind | null, profile: string | null, encoding: string | null, delimiter: string | null, sheet: string | null, columns: Array<ColumnMapping>, rows: Array<Array<string>>, already_imported_at: string | null, 
/**
 * As in `ImportReport`: the file's own balance and total rows, and the zone of its
 * date-times without an offset.
 */
totals: number, zone: string | null, zone_from: ZoneFrom | null, problems: Array<Problem>, };

export type ImportProgress = { job_id: string, file: string | null, file_index: number, files_total: number, rows_done: number, bytes_done: number, bytes_total: number, rows_per_sec: number, eta_seconds: number | null, phase: "reading" | "writing" | "reconciling" | "file_done" | "finished" | "cancelled" | "failed", reports: Array<ImportReport>, error: ApiError | null, };

export type ReconcileResult = { as_of: string, cases: number, changed: number, };

export type CaseSort = { column: SortColumn, direction: "asc" | "desc", };

export type CaseRow = { explanation_msg: Msg, case_key: string, status: CaseStatus, engine_status: CaseStatus, rule: string, state: CaseState, order_id: number | null, order_ref: string | null, shop_order_id: string | null, 
/**
 * The PSP ids of the case's lines, joined with `|`.
 */
settlement_refs: string, matched_keys: string, order_total: string | null, paid_amount: string | null, difference: string | null, currency: string | null, fee_total: string | null, tax_total: string | null, net_settled: string | null, settlement_currency: string | null, psp: string | null, payment_method: string | null, order_created_at: string | null, paid_at: string | null, voucher_expires_at: string | null, settled_at: string | null, shop_status: string | null, customer: string | null, decided_by: string, 
/**
 * The sentence that explains the case, rendered per language (`Msg::render`); English
 * text in JSON (the CLI's output).
 */
explanation: string, period: string | null, 
/**
 * In a closed period: actions are refused until the period is reopened.
 */
locked: boolean, 
/**
 * Derived from `status` and `state` ([`Review::of`]); not stored.
 */
review: ReviewState, 
/**
 * A resolved case's reason code (`review::REASON_CODES`), from the act that resolved it.
 */
reason: string | null, 
/**
 * Every note written on the case, oldest first, one per line.
 */
note: string | null, };

export type ListCasesResponse = { total: number, rows: Array<CaseRow>, };

export type BulkResolved = { 
/**
 * The cases resolved now, as they are afterwards.
 */
resolved: Array<CaseRow>, 
/**
 * The cases asked for that were resolved already (left as they were).
 */
skipped: Array<string>, };

export type ShopOrder = { id: string, platform: string, order_ref: string, shop_order_id: string | null, customer: string | null, email: string | null, total: string, currency: string, status: string, created_at: string, paid_at: string | null, payment_reference: string | null, file_name: string, row: number, };

export type FoundOrder = { order: ShopOrder, case_key: string | null, status: string | null, };

export type OrderItem = { name: string, sku: string | null, quantity: string, unit_price: string, total: string, };

export type SettlementLine = { id: string, psp: string, psp_txn_id: string | null, merchant_ref: string | null, row_type: string, status: string, payment_method: string | null, local_amount: string, local_currency: string, gross_amount: string | null, fee_amount: string | null, tax_amount: string | null, net_amount: string | null, settlement_currency: string | null, created_at: string | null, approved_at: string | null, settled_at: string | null, file_name: string, row: number, case_key: string | null, };

export type CaseDetail = { case: CaseRow, 
/**
 * The case's order and lines as the person sees them; pass it back with an act
 * (`expected_membership`) so a case changed meanwhile is refused (`stale_case`).
 */
membership: string, order: ShopOrder | null, items: Array<OrderItem>, lines: Array<SettlementLine>, suggested_lines: Array<SettlementLine>, history: Array<AuditEvent>, 
/**
 * Evidence attached to the case (PDF or image), oldest first.
 */
attachments: Array<Attachment>, };

export type AuditFilter = { case_key: string | null, since: string | null, actor: string | null, };

export type AuditPage = { total: number, events: Array<AuditEvent>, };

export type AuditVerification = { events: number, head_seq: number, head_hash: string, 
/**
 * The first event that does not verify and why (rendered in the reader's language).
 */
first_broken: [number, Msg] | null, };

export type VerifyCheck = { check: "integrity" | "audit_chain" | "witness" | "evidence" | "derived_rows" | "periods" | "cases", outcome: "passed" | "failed" | "skipped", 
/**
 * What is wrong, or why the check was skipped (at most 100).
 */
findings: Msg[], found: number, compared: number, seconds: number, };

export type WorkspaceVerification = { ok: boolean, checks: Array<VerifyCheck>, };

export type PeriodInfo = { period: string, state: "open" | "closed", closed_at: string | null, closed_by: string | null, note: string | null, cases: number, 
/**
 * Cases of the period still to review (a close asks before sealing them).
 */
to_review: number, };

export type RetentionStatus = { retention_years: number, oldest_record_at: string | null, keep_until: string | null, files_kept: number, evidence_bytes: number, };

export type Settings = { zone: string, tolerance: string, validity_hours: number, validity_hours_by_psp: Record<string, number>, 
/**
 * The zones set for one PSP's files (`zone.<psp>`); a PSP not listed uses the zone its
 * format documents, else `zone`.
 */
zone_by_psp: Record<string, string>, grace_days: number, retention_years: number, lang: Lang, actor: string | null, };

// ---- The core's lists ----

export const ERROR_CODES = ["store", "no_workspace_path", "no_workspace", "not_found", "invalid_action", "period_closed", "reason_required", "note_required", "stale_case", "invalid_setting", "retention_lowered", "import_running", "export_failed", "ipc"] as const satisfies readonly ErrorCode[];

export const CASE_STATUSES = ["matched", "paid_shop_pending", "underpaid", "overpaid", "duplicate_payment", "paid_after_expiry", "currency_mismatch", "refunded", "partially_refunded", "charged_back", "disputed", "psp_status_unknown", "awaiting_payment", "expired_unpaid", "awaiting_settlement", "missing_settlement", "suggested", "unmatched_settlement", "batch_mismatch", "settlement_charge"] as const satisfies readonly CaseStatus[];

export const CASE_STATES = ["open", "resolved"] as const satisfies readonly CaseState[];

export const REVIEW_STATES = ["to_review", "waiting", "reconciled"] as const satisfies readonly ReviewState[];

/** `Review::of`: the statuses that are done once decided, and those only time settles. */
export const REVIEW_DONE_STATUSES = ["matched", "settlement_charge"] as const satisfies readonly CaseStatus[];

export const REVIEW_WAITING_STATUSES = ["awaiting_payment", "awaiting_settlement"] as const satisfies readonly CaseStatus[];

export const CASE_ACTIONS = ["confirm", "match", "unmatch", "resolve", "reopen", "note"] as const satisfies readonly CaseActionKind[];

export const SORT_COLUMNS = ["event_at", "case_key", "status", "order_ref", "customer", "order_total", "paid_amount", "difference", "psp", "payment_method", "paid_at", "settled_at", "state"] as const satisfies readonly SortColumn[];

export const RESOLVE_REASONS = ["refunded_to_buyer", "written_off", "shop_corrected", "refund_pending_at_psp", "not_our_order", "accepted_late_payment", "other"] as const satisfies readonly string[];

export type ResolveReason = (typeof RESOLVE_REASONS)[number];

/** The statuses whose lines are only suggested for the case's order (`suggested_lines`). */
export const SUGGESTING_STATUSES = ["suggested"] as const satisfies readonly CaseStatus[];

/** Decimals money is kept to, for the currencies not kept to DEFAULT_CURRENCY_SCALE. */
export const CURRENCY_SCALES: Readonly<Record<string, number>> = {"BHD":3,"BIF":0,"CLF":4,"CLP":0,"COP":0,"DJF":0,"GNF":0,"IQD":3,"ISK":0,"JOD":3,"JPY":0,"KMF":0,"KRW":0,"KWD":3,"LYD":3,"OMR":3,"PYG":0,"RWF":0,"TND":3,"UGX":0,"UYI":0,"UYW":4,"VND":0,"VUV":0,"XAF":0,"XOF":0,"XPF":0};

export const DEFAULT_CURRENCY_SCALE = 2;
