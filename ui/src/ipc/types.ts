// The shapes that cross the IPC boundary, mirroring the Rust types the commands return
// (`cuadra_core::store::ImportedFile`, `cuadra_app::error::ApiError`). Plain data only: no
// behaviour and no Tauri import, so views and tests can use them without a backend.

/** One file imported into the workspace. Its `sha256` is its identity. */
export interface ImportedFile {
  id: number;
  sha256: string;
  name: string;
  size: number;
  kind: string;
  format: string;
  /** The text encoding the file was decoded with; null for binary formats (XLSX). */
  encoding: string | null;
  /** RFC 3339 instant, as stored (UTC). */
  imported_at: string;
  imported_by: string;
  /** Data rows in the file, then what the import did with each. */
  rows_total: number;
  rows_new: number;
  rows_known: number;
  rows_conflicting: number;
  rows_updated: number;
  rows_rejected: number;
}

/** The one error shape every command rejects with. Branch on `code`, never on `message`. */
export interface ApiError {
  code: string;
  message: string;
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { code?: unknown }).code === "string" &&
    typeof (value as { message?: unknown }).message === "string"
  );
}
