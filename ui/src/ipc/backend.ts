// The typed interface the rest of the UI talks to. Views receive a `Backend`; they never know
// whether it is the real Tauri process or the fake. Every method rejects with an `ApiError`.
// Each method is one command of CONTRACT.md (method names in camelCase, commands in snake_case).

import type {
  AuditFilter,
  AuditPage,
  AuditVerification,
  WorkspaceVerification,
  CaseActionRequest,
  CaseDetail,
  CaseFilter,
  CaseRow,
  ExportRequest,
  Facets,
  FoundLine,
  FoundOrder,
  ImportedFile,
  ImportPreview,
  ImportProgress,
  ListCasesRequest,
  ListCasesResponse,
  CaseTotals,
  LastAct,
  BulkResolved,
  Attachment,
  PeriodInfo,
  ReconcileResult,
  RetentionStatus,
  Session,
  SettingKey,
  Settings,
  Summary,
  SummaryFilter,
} from "./types";

/** Stops listening to an event. */
export type Unlisten = () => void;

export interface Backend {
  // Session and workspace
  getSession(): Promise<Session>;
  /** Opens the native dialog, then opens (or creates) the chosen workspace; null if cancelled. */
  pickWorkspace(create: boolean): Promise<string | null>;
  /** Imports the demo files shipped with the app and reconciles them. */
  loadDemo(): Promise<void>;
  /** Matches again as of the end of `asOfDay` (`YYYY-MM-DD`, workspace zone), or now when null. */
  reconcile(asOfDay: string | null): Promise<ReconcileResult>;
  /** Tells the app a screen is interactive (its data on screen); the time since launch in ms. */
  uiReady(screen: "dashboard"): Promise<number>;

  // Import
  listFiles(): Promise<ImportedFile[]>;
  /** Opens the native file dialog (several files); [] if cancelled. */
  pickImportFiles(): Promise<string[]>;
  previewImport(path: string): Promise<ImportPreview>;
  /** Starts importing in the background; progress arrives through `onImportProgress`. */
  startImport(paths: string[], skipBadRows: boolean): Promise<string>;
  cancelImport(jobId: string): Promise<void>;
  onImportProgress(callback: (progress: ImportProgress) => void): Promise<Unlisten>;
  /** Files dropped on the window, as paths (Tauri's drag-drop event). */
  onFilesDropped(callback: (paths: string[]) => void): Promise<Unlisten>;

  // Dashboard
  summary(filter: SummaryFilter): Promise<Summary>;
  listFacets(): Promise<Facets>;

  // Cases
  listCases(request: ListCasesRequest): Promise<ListCasesResponse>;
  /** Count and sums (order total, paid, difference) per currency of every case the filter selects. */
  caseTotals(filter: CaseFilter): Promise<CaseTotals[]>;
  getCase(caseKey: string): Promise<CaseDetail>;
  searchLines(query: string): Promise<FoundLine[]>;
  /** Orders by number, customer (accents aside) or exact total, with the case holding each. */
  searchOrders(query: string): Promise<FoundOrder[]>;
  /** Applies one review action; resolves to the case as it is afterwards. */
  caseAction(request: CaseActionRequest): Promise<CaseRow>;
  /** The person's last act on a case (null: none yet), which the window offers to undo. */
  lastAct(): Promise<LastAct | null>;
  /** Resolves the cases with one reason in one transaction: all of them or none. */
  bulkResolve(caseKeys: string[], reason: string, note: string | null): Promise<BulkResolved>;
  /** Attaches a PDF or image chosen in the open dialog to a case; its attachments, or null if cancelled. */
  attachToCase(caseKey: string, note: string | null): Promise<Attachment[] | null>;
  /** Undoes the person's last act (the one shown: its audit event) by compensating acts. */
  undoLast(expectedSeq: number | null): Promise<CaseRow[]>;

  // Audit
  auditLog(filter: AuditFilter, offset: number, limit: number): Promise<AuditPage>;
  verifyAudit(): Promise<AuditVerification>;
  /** Every check of `cuadra-cli verify` (rows derived again from the originals, integrity, seals, cases). */
  verifyWorkspace(): Promise<WorkspaceVerification>;
  closePeriod(period: string, note: string | null): Promise<PeriodInfo>;
  reopenPeriod(period: string, reason: string): Promise<PeriodInfo>;
  listPeriods(): Promise<PeriodInfo[]>;
  retentionStatus(): Promise<RetentionStatus>;

  // Export
  /** Opens the save dialog and writes the report; the path written, or null if cancelled. */
  exportReport(request: ExportRequest): Promise<string | null>;

  // Settings
  getSettings(): Promise<Settings>;
  /** Stores one setting after the backend checks it; resolves to the value as stored. */
  setSetting(key: SettingKey, value: string): Promise<string>;
}
