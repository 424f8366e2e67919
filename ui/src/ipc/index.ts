// The UI's one door to the Rust side. Import from "./ipc", never from `@tauri-apps/api`.

export type { Backend } from "./backend";
export type { ApiError, ImportedFile } from "./types";
export { isApiError } from "./types";
export { createTauriBackend } from "./tauri";
export { createFakeBackend } from "./fake";
