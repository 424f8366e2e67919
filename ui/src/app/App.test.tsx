// The app rendered in jsdom on the fake backend: the first-start gate, and the imported-files
// list whose test ids and texts the desktop e2e test reads.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { App } from "./App";
import { createFakeBackend, type FakeBackendOptions } from "../ipc/fake";
import type { ImportedFile } from "../ipc";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const settlement: ImportedFile = {
  id: 1,
  sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
  name: "efecty_liquidacion_2025-11-24.csv",
  size: 48213,
  kind: "settlement",
  format: "efecty-csv-v1",
  encoding: "utf-8",
  imported_at: "2025-11-25T18:02:00Z",
  imported_by: "ana",
  rows_total: 12345,
  rows_new: 12000,
  rows_known: 300,
  rows_conflicting: 40,
  rows_updated: 0,
  rows_rejected: 5,
};

let container: HTMLElement;
let root: Root;

beforeEach(() => {
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const byTestId = (id: string) => Array.from(container.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
const settle = () => act(async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
});

async function mount(options: FakeBackendOptions) {
  await act(async () => root.render(<App backend={createFakeBackend(options)} />));
  await settle();
}

async function openImport() {
  await act(async () => byTestId("nav-import")[0]!.click());
  await settle();
}

describe("the app", () => {
  it("reports the dashboard interactive once, when its figures and selectors are shown", async () => {
    const backend = createFakeBackend({});
    const ready: string[] = [];
    const shown: string[] = [];
    const original = backend.uiReady.bind(backend);
    backend.uiReady = (screen) => {
      ready.push(screen);
      shown.push(byTestId("dash-total-cases")[0]?.textContent ?? "");
      return original(screen);
    };
    await act(async () => root.render(<App backend={backend} />));
    await settle();
    await act(async () => new Promise((r) => requestAnimationFrame(() => r(undefined))));
    expect(ready).toEqual(["dashboard"]);
    expect(shown[0], "the figures were on screen when it reported").not.toBe("");
    await act(async () => byTestId("nav-cases")[0]!.click());
    await settle();
    await act(async () => byTestId("nav-dashboard")[0]!.click());
    await settle();
    await act(async () => new Promise((r) => requestAnimationFrame(() => r(undefined))));
    expect(ready, "once per run of the app").toEqual(["dashboard"]);
  });

  it("asks for a workspace and a name on first start", async () => {
    await mount({ fresh: true });
    expect(byTestId("first-start")).toHaveLength(1);
    expect(byTestId("app-title")[0]?.textContent).toBe("Cuadra");
    expect((byTestId("first-continue")[0] as HTMLButtonElement).disabled, "no workspace yet").toBe(true);
  });

  it("shows the empty state when the workspace has no files", async () => {
    await mount({ loaded: false });
    await openImport();
    expect(byTestId("app-title")[0]?.textContent).toBe("Cuadra");
    expect(byTestId("files-empty")[0]?.textContent, "in Spanish by default").toBe("Aún no se han importado archivos");
    expect(byTestId("files-table")).toHaveLength(0);
    expect(byTestId("files-loading")).toHaveLength(0);
  });

  it("lists each imported file with its format, rows, time in Bogotá and importer", async () => {
    await mount({ loaded: false, files: [settlement] });
    await openImport();
    const rows = byTestId("file-row");
    expect(rows).toHaveLength(1);
    const cell = (id: string) => rows[0]!.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    expect(cell("file-name")?.textContent).toBe("efecty_liquidacion_2025-11-24.csv");
    expect(cell("file-format")?.textContent).toBe("efecty-csv-v1");
    expect(cell("file-rows")?.textContent, "Colombian digit grouping").toBe("12.345");
    expect(cell("file-rows")?.title).toBe("12.000 nuevas, 300 ya conocidas, 40 en conflicto, 0 actualizadas, 5 rechazadas");
    expect(cell("file-imported-at")?.textContent, "18:02 UTC is 13:02 in Bogotá").toBe("2025-11-25 13:02");
    expect(cell("file-imported-by")?.textContent).toBe("ana");
  });

  it("renders file names as text, never as markup", async () => {
    const hostile = { ...settlement, name: "<img src=x onerror=alert(1)>.csv" };
    await mount({ loaded: false, files: [hostile] });
    await openImport();
    expect(container.querySelector("img")).toBeNull();
    expect(byTestId("file-name")[0]?.textContent).toBe(hostile.name);
  });

  it("shows the backend's error when the session cannot load", async () => {
    const detail = { k: "store.too_new", a: ["/x/cuadra.db", 9, 7] };
    await mount({ error: { code: "store", message: "The workspace /x/cuadra.db was written by a newer version", detail } });
    const alert = byTestId("session-error")[0];
    expect(alert?.getAttribute("role")).toBe("alert");
    // Spanish, the default, with the specifics.
    expect(alert?.textContent).toContain("el espacio de trabajo /x/cuadra.db fue escrito por una versión más reciente de Cuadra (esquema 9");
    expect(alert?.textContent).toContain("actualice Cuadra");
  });
});
