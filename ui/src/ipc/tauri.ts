// The real backend: Tauri commands over IPC. This folder is the only place in ui/ that imports
// `@tauri-apps/api`; this file maps each `Backend` method to one command (snake_case name,
// snake_case argument keys: the Rust side declares `rename_all = "snake_case"`) and normalises
// errors into `ApiError`.

import { invoke, isTauri } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import type { Backend } from "./backend";
import { isApiError, type ApiError, type ImportProgress } from "./types";

/** True inside the desktop app, false in a plain browser (dev server, browser tests). */
export function runningInTauri(): boolean {
  return isTauri();
}

/** Rejections from Tauri are usually our `ApiError`; anything else (a missing command, a
 * serialisation failure) becomes one with code `ipc` so the UI has one error shape, its text shown
 * as it is (the catalog's `verbatim`). */
function toApiError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  const text = typeof error === "string" ? error : String(error);
  return { code: "ipc", message: text, detail: { k: "verbatim", a: [text] } };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toApiError(error);
  }
}

export function createTauriBackend(): Backend {
  return {
    getSession: () => call("get_session"),
    pickWorkspace: (create) => call("pick_workspace", { create }),
    loadDemo: () => call("load_demo"),
    reconcile: (asOfDay) => call("reconcile", { as_of: asOfDay }),
    uiReady: (screen) => call("ui_ready", { screen }),

    listFiles: () => call("list_files"),
    pickImportFiles: () => call("pick_import_files"),
    previewImport: (path) => call("preview_import", { path }),
    startImport: (paths, skipBadRows) =>
      call("start_import", { paths, skip_bad_rows: skipBadRows }),
    cancelImport: (jobId) => call("cancel_import", { job_id: jobId }),
    onImportProgress: async (callback) =>
      listen<ImportProgress>("import-progress", (event) => callback(event.payload)),
    onFilesDropped: async (callback) =>
      getCurrentWebview().onDragDropEvent((event) => {
        if (event.payload.type === "drop") callback(event.payload.paths);
      }),

    summary: (filter) => call("summary", { filter }),
    listFacets: () => call("list_facets"),

    listCases: (request) => call("list_cases", { ...request }),
    caseTotals: (filter) => call("case_totals", { filter }),
    getCase: (caseKey) => call("get_case", { case_key: caseKey }),
    searchLines: (query) => call("search_lines", { query }),
    searchOrders: (query) => call("search_orders", { query }),
    caseAction: (request) => call("case_action", { ...request }),
    lastAct: () => call("last_act", {}),
    bulkResolve: (caseKeys, reason, note) => call("bulk_resolve", { case_keys: caseKeys, reason, note }),
    attachToCase: (caseKey, note) => call("attach_to_case", { case_key: caseKey, note }),
    undoLast: (expectedSeq) => call("undo_last", { expected_seq: expectedSeq }),

    auditLog: (filter, offset, limit) => call("audit_log", { filter, offset, limit }),
    verifyAudit: () => call("verify_audit"),
    verifyWorkspace: () => call("verify_workspace"),
    closePeriod: (period, note) => call("close_period", { period, note }),
    reopenPeriod: (period, reason) => call("reopen_period", { period, reason }),
    listPeriods: () => call("list_periods"),
    retentionStatus: () => call("retention_status"),

    exportReport: (request) => call("export_report", { ...request, filter: request.filter ?? null }),

    getSettings: () => call("get_settings"),
    setSetting: (key, value) => call("set_setting", { key, value }),
  };
}
