// The Rust types that cross IPC and the core's vocabulary (statuses, review states, reasons,
// sort columns, error codes, currency scales) are generated from the core and src-tauri/dto.rs
// into generated.ts; this file adds the UI's own vocabulary (requests built by the UI) and
// re-exports them.
export type {
  ErrorCode,
  CaseStatus,
  CaseState,
  ReviewState,
  CaseActionKind,
  SortColumn,
  FileKind,
  ZoneFrom,
  ImportOutcome,
  Severity,
  ResolveReason,
  ApiError,
  Session,
  ImportedFile,
  Problem,
  ImportReport,
  ColumnMapping,
  ImportPreview,
  ImportProgress,
  ReconcileResult,
  SummaryFilter,
  StatusTotal,
  SettledTotal,
  DailyPoint,
  AgingPoint,
  AlertCount,
  Summary,
  Facets,
  CaseFilter,
  CaseSort,
  CaseRow,
  ListCasesResponse,
  CaseTotals,
  LastAct,
  BulkResolved,
  Attachment,
  CaseRecord,
  DetailOrder,
  DetailItem,
  DetailLine,
  FoundLine,
  FoundOrder,
  AuditEvent,
  CaseDetail,
  AuditFilter,
  AuditPage,
  AuditVerification,
  VerifyCheck,
  WorkspaceVerification,
  PeriodInfo,
  RetentionStatus,
  Settings,
  Alerts,
} from "./generated";
export {
  ERROR_CODES,
  CASE_STATUSES,
  CASE_STATES,
  REVIEW_STATES,
  CASE_ACTIONS,
  SORT_COLUMNS,
  RESOLVE_REASONS,
  SUGGESTING_STATUSES,
  CURRENCY_SCALES,
  DEFAULT_CURRENCY_SCALE,
} from "./generated";
import type { ApiError, CaseActionKind, CaseFilter, CaseSort, CaseStatus, ErrorCode, ReviewState, ZoneFrom } from "./generated";
import { REVIEW_DONE_STATUSES, REVIEW_WAITING_STATUSES } from "./generated";

// ---- Messages -----------------------------------------------------------------------------------

/**
 * A sentence from the backend (a case explanation, an import problem, an error's detail): a key of the core's catalog
 * (i18n/messages/backend.generated.ts) and its arguments, rendered in the reader's language by
 * i18n/backendText.ts. Mirrors `cuadra_core::words::Msg`.
 */
export interface Msg {
  k: string;
  a?: MsgArg[];
}

/** Text as it is (identifiers, names, times), a count, an amount, a nested sentence or fragment, a list. */
export type MsgArg =
  | string
  | number
  | { m: string; c?: string }
  | { s: Msg }
  | { l: MsgArg[]; j: "comma" | "semi" | "and" }
  | Msg;

// The shapes that cross the IPC boundary, mirroring the Rust types the commands take and return.
// Plain data only: no behaviour beyond type guards and no Tauri import, so views and tests can use
// them without a backend. JSON field names are snake_case (serde defaults); amounts are exact
// decimal strings ("150000", "-12.50"), never numbers; times are RFC 3339 strings with the offset
// of the workspace zone; identifiers are strings, except the existing numeric file id and audit seq.
// CONTRACT.md beside this file is the same contract in prose, for the Rust side.


/** An `ApiError`: a code, the English message (for logs) and the detail, a message to render. */
export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== "object" || value === null) return false;
  const { code, message, detail } = value as { code?: unknown; message?: unknown; detail?: unknown };
  return (
    typeof code === "string" &&
    typeof message === "string" &&
    typeof detail === "object" &&
    detail !== null &&
    typeof (detail as { k?: unknown }).k === "string"
  );
}


/** Error codes with a translated headline (every code: see `ErrorCode`). */
export type KnownErrorCode = ErrorCode;
/** Every error code (generated from `cuadra_core::code::ErrorCode`). */
export { ERROR_CODES as KNOWN_ERROR_CODES } from "./generated";

// ---- Languages and statuses ---------------------------------------------------------------------

export const LANGS = ["es", "en", "zh"] as const;
export type Lang = (typeof LANGS)[number];


/** The core's rule (`Review::of`, its status lists generated), for the fake backend's rows only:
 * the real rows carry `review`. */
export function reviewOf(status: string, state: string): ReviewState {
  if (state === "resolved" || (REVIEW_DONE_STATUSES as readonly string[]).includes(status)) return "reconciled";
  if ((REVIEW_WAITING_STATUSES as readonly string[]).includes(status)) return "waiting";
  return "to_review";
}


// ---- Session and workspace ----------------------------------------------------------------------


// ---- Import -------------------------------------------------------------------------------------

/** Where the zone of a file's date-times without an offset came from: the PSP's own setting
 * (`zone.<psp>`), the zone the format documents, or the workspace zone. */
export const ZONE_SOURCES = ["psp_setting", "format", "workspace"] as const satisfies readonly ZoneFrom[];


/** Settlement line types as the core normalizes them (`cuadra_core::model::RowType`). */
export const ROW_TYPES = [
  "payment",
  "refund",
  "chargeback",
  "chargeback_reversal",
  "fee",
  "adjustment",
  "tax",
  "payout",
  "hold",
] as const;
export type RowType = (typeof ROW_TYPES)[number];


export type ImportPhase =
  | "reading"
  | "writing"
  | "reconciling"
  | "file_done"
  | "finished"
  | "cancelled"
  | "failed";


// ---- Dashboard ----------------------------------------------------------------------------------


export const AGING_BUCKETS = ["0_1d", "1_3d", "3_7d", "7_30d", "30d_plus"] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];


// ---- Cases --------------------------------------------------------------------------------------


export interface ListCasesRequest {
  filter: CaseFilter;
  sort: CaseSort;
  offset: number;
  limit: number;
}


export interface CaseActionRequest {
  case_key: string;
  action: CaseActionKind;
  /** resolve: a ResolveReason; match, unmatch, reopen: why, in words (required). */
  reason: string | null;
  note: string | null;
  /** match: the lines to put into the case; unmatch: the lines to take out. */
  line_ids: string[];
  /** match on a line-only case: the order to attach the line to (as the order picker found it). */
  order_id: string | null;
  /** match on a line-only case: the order's number as the shop shows it (`#4622`), typed. */
  order_ref?: string | null;
  /** The case's `membership` as the detail showed it: the act is refused with `stale_case`
   * if the case changed meanwhile. Omitted (bulk resolve from the table): no check. */
  expected_membership?: string | null;
}

// ---- Audit, periods, retention ------------------------------------------------------------------


// ---- Export -------------------------------------------------------------------------------------

export const REPORT_KINDS = [
  "reconciliation",
  "exceptions",
  "matched",
  "charges",
  "summary",
  "audit",
  "workbook",
  "bundle",
] as const;
/** The Export screen's kinds, and `cases`: exactly the cases table's filtered view. */
export type ReportKind = (typeof REPORT_KINDS)[number] | "cases";
export type ReportFormat = "xlsx" | "csv";

export interface ExportRequest {
  kind: ReportKind;
  format: ReportFormat;
  period: string | null;
  statuses: CaseStatus[];
  psps: string[];
  lang: Lang;
  /** The cases table's whole filter ("export this view"); overrides period, statuses, psps. */
  filter?: CaseFilter | null;
}

// ---- Settings -----------------------------------------------------------------------------------


/** Keys `set_setting` accepts (`zone.<psp>` and `validity_hours.<psp>` for any PSP). */
export type SettingKey =
  | "zone"
  | `zone.${string}`
  | "tolerance"
  | "validity_hours"
  | `validity_hours.${string}`
  | "grace_days"
  | "retention_years"
  | "lang"
  | "actor";

