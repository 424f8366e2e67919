// Generated from src-tauri/dto.rs by ts-rs: do not edit. Regenerate with
// `UPDATE_GENERATED=1 cargo test --lib generated_typescript_is_current`.

import type { CaseActionKind, CaseState, CaseStatus, Lang, Msg, ReviewState, SortColumn, ZoneFrom } from "./types";

export type ApiError = { code: string, message: string, 
/**
 * Rendered in the reader's language by the UI (ui/src/i18n/backendText.ts).
 */
detail: Msg, };

export type Session = { workspace_path: string | null, workspace_name: string | null, actor: string | null, lang: "es" | "en" | "zh" | null, workspace_error: ApiError | null, };

export type ImportedFile = { id: number, sha256: string, name: string, size: number, kind: string, format: string, encoding: string | null, imported_at: string, imported_by: string, rows_total: number, rows_new: number, rows_known: number, rows_conflicting: number, rows_updated: number, rows_rejected: number, };

export type Problem = { file: string, sheet: string | null, row: number | null, column: string | null, severity: "error" | "warning", code: string, 
/**
 * Rendered in the reader's language by the UI (ui/src/i18n/backendText.ts).
 */
message: Msg, };

export type ImportReport = { file: string, outcome: "imported" | "already_imported" | "dry_run" | "rejected", sha256: string | null, size: number, format: string | null, kind: "settlement" | "orders" | null, encoding: string | null, file_id: number | null, first_imported_at: string | null, rows: number, new: number, known: number, updated: number, conflicting: number, rejected: number, 
/**
 * Rows that state the file's own balances and totals (tied out, not imported as lines).
 */
totals: number, 
/**
 * The IANA zone date-times without an offset were read in (`Etc/GMT+4` is GMT-04).
 */
zone: string | null, 
/**
 * Where that zone came from.
 */
zone_from: ZoneFrom | null, problems: Array<Problem>, };

export type ColumnMapping = { source: string, field: string | null, };

export type ImportPreview = { path: string, file_name: string, size: number, format: string | null, kind: "settlement" | "orders" | null, profile: string | null, encoding: string | null, delimiter: string | null, sheet: string | null, columns: Array<ColumnMapping>, rows: Array<Array<string>>, already_imported_at: string | null, 
/**
 * As in `ImportReport`: the file's own balance and total rows, and the zone of its
 * date-times without an offset.
 */
totals: number, zone: string | null, zone_from: ZoneFrom | null, problems: Array<Problem>, };

export type ImportProgress = { job_id: string, file: string | null, file_index: number, files_total: number, rows_done: number, bytes_done: number, bytes_total: number, rows_per_sec: number, eta_seconds: number | null, phase: "reading" | "writing" | "reconciling" | "file_done" | "finished" | "cancelled" | "failed", reports: Array<ImportReport>, error: ApiError | null, };

export type ReconcileResult = { as_of: string, cases: number, changed: number, };

export type SummaryFilter = { period: string | null, date_from: string | null, date_to: string | null, psp: string | null, };

export type StatusTotal = { status: CaseStatus, count: number, open: number, amount: string, currency: string, };

export type SettledTotal = { currency: string, gross: string, fees: string, taxes: string, net: string, };

export type DailyPoint = { date: string, paid: string, settled: string, currency: string, };

export type AgingPoint = { bucket: "0_1d" | "1_3d" | "3_7d" | "7_30d" | "30d_plus", count: number, amount: string, currency: string, };

export type AlertCount = { count: number, amount: string, currency: string, };

export type Alerts = { paid_shop_pending: AlertCount, unmatched_settlement: AlertCount, missing_settlement: AlertCount, expiring_vouchers: AlertCount, 
/**
 * Settlement batches whose lines do not add up to the file's own summary.
 */
batch_mismatch: AlertCount, };

export type Summary = { as_of: string, cases: number, open: number, to_review: number, waiting: number, reconciled: number, by_status: Array<StatusTotal>, settled: Array<SettledTotal>, daily: Array<DailyPoint>, aging: Array<AgingPoint>, alerts: Alerts, };

export type Facets = { psps: Array<string>, payment_methods: Array<string>, periods: Array<string>, actors: Array<string>, };

export type CaseFilter = { statuses: CaseStatus[], psps: Array<string>, payment_methods: Array<string>, period: string | null, date_from: string | null, date_to: string | null, amount_min: string | null, amount_max: string | null, text: string | null, state: CaseState | ReviewState | null, expiring_within_hours: number | null, };

export type CaseSort = { column: SortColumn, direction: "asc" | "desc", };

export type CaseRow = { case_key: string, status: CaseStatus, engine_status: CaseStatus, rule: string, state: CaseState, order_id: string | null, order_ref: string | null, shop_order_id: string | null, settlement_refs: string, order_total: string | null, paid_amount: string | null, difference: string | null, currency: string | null, fee_total: string | null, tax_total: string | null, net_settled: string | null, settlement_currency: string | null, psp: string | null, payment_method: string | null, order_created_at: string | null, paid_at: string | null, voucher_expires_at: string | null, settled_at: string | null, shop_status: string | null, customer: string | null, decided_by: string, 
/**
 * Rendered in the reader's language by the UI (ui/src/i18n/backendText.ts).
 */
explanation: Msg, period: string | null, locked: boolean, 
/**
 * What is left to do: `to_review`, `waiting` or `reconciled`.
 */
review: ReviewState, };

export type ListCasesResponse = { total: number, rows: Array<CaseRow>, };

export type CaseTotals = { currency: string | null, cases: number, order_total: string, paid_amount: string, difference: string, };

export type LastAct = { audit_seq: number, action: CaseActionKind, case_keys: Array<string>, at: string, };

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

export type AuditEvent = { seq: number, at: string, actor: string, action: string, subject: string, before: string | null, after: string | null, reason: string | null, note: string | null, prev_hash: string, hash: string, };

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

export type Attachment = { id: string, name: string, media_type: string, bytes: number, sha256: string, note: string | null, actor: string, 
/**
 * UTC, as the audit trail records it.
 */
at: string, audit_seq: number, };

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
