// The UI's one door to the Rust side. Import from "./ipc", never from `@tauri-apps/api`.

export type { Backend, Unlisten } from "./backend";
export * from "./types";
export { createTauriBackend, runningInTauri } from "./tauri";
