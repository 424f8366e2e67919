// The typed interface the rest of the UI talks to. Views receive a `Backend`; they never know
// whether it is the real Tauri process or a test fake.

import type { ImportedFile } from "./types";

export interface Backend {
  /** The files imported into the open workspace. Rejects with an `ApiError`. */
  listFiles(): Promise<ImportedFile[]>;
}
