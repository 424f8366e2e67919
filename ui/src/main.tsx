// Entry point: the real Tauri backend inside the desktop app; in a plain browser (dev server,
// browser tests) the fake, loaded on demand so the desktop bundle never runs it. The fake reads
// `?fake=fresh` (first start), `?fake=million` (1,000,000 cases) and `?latency=MS` from the URL.

import "./styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { createTauriBackend, runningInTauri, type Backend } from "./ipc";

async function chooseBackend(): Promise<Backend> {
  if (runningInTauri()) return createTauriBackend();
  const { createFakeBackend } = await import("./ipc/fake");
  const params = new URLSearchParams(location.search);
  const mode = params.get("fake") ?? "demo";
  const fake = createFakeBackend({
    fresh: mode === "fresh",
    cases: mode === "million" ? 1_000_000 : 5000,
    latencyMs: Number(params.get("latency") ?? "15"),
  });
  // A handle for browser tests (drops, tampering); harmless in a plain browser.
  (window as unknown as { __cuadraFake: unknown }).__cuadraFake = fake;
  return fake;
}

const root = document.getElementById("app");
if (root) {
  void chooseBackend().then((backend) =>
    createRoot(root).render(
      <StrictMode>
        <App backend={backend} />
      </StrictMode>,
    ),
  );
}
