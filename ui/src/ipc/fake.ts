// An in-memory backend for unit tests and for running the UI in a plain browser: same interface,
// canned data, no Tauri.

import type { Backend } from "./backend";
import type { ApiError, ImportedFile } from "./types";

export interface FakeBackendOptions {
  files?: ImportedFile[];
  /** When set, every call rejects with this error. */
  error?: ApiError;
}

export function createFakeBackend(options: FakeBackendOptions = {}): Backend {
  const files = options.files ?? [];
  return {
    listFiles: () =>
      options.error ? Promise.reject(options.error) : Promise.resolve(files.map((f) => ({ ...f }))),
  };
}
