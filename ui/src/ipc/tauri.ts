// The real backend: Tauri commands over IPC. This file is the only place in ui/ that imports
// `@tauri-apps/api`; it maps each `Backend` method to one command and normalises errors.

import { invoke } from "@tauri-apps/api/core";
import type { Backend } from "./backend";
import { isApiError, type ApiError, type ImportedFile } from "./types";

/** Rejections from Tauri are usually our `ApiError`; anything else (a missing command, a
 * serialisation failure) becomes one with code `ipc` so the UI has one error shape. */
function toApiError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  return { code: "ipc", message: typeof error === "string" ? error : String(error) };
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
    listFiles: () => call<ImportedFile[]>("list_files"),
  };
}
