import { beforeEach, describe, expect, it } from "vitest";
import { mountApp } from "./app";
import { createFakeBackend, type ImportedFile } from "./ipc";

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

function byTestId(root: HTMLElement, id: string): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
}

describe("the app shell", () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement("div");
  });

  it("shows the empty state when the workspace has no files", async () => {
    await mountApp(root, createFakeBackend());

    expect(byTestId(root, "app-title")[0]?.textContent, "the window must name the app").toBe("Cuadra");
    expect(byTestId(root, "files-empty")[0]?.textContent, "an empty workspace must say so").toBe(
      "No files imported yet",
    );
    expect(byTestId(root, "files-table"), "no table without files").toHaveLength(0);
    expect(byTestId(root, "files-loading"), "loading must end once the list arrives").toHaveLength(0);
  });

  it("lists each imported file with its format, rows, time in Bogotá and importer", async () => {
    await mountApp(root, createFakeBackend({ files: [settlement] }));

    const rows = byTestId(root, "file-row");
    expect(rows, "one row per imported file").toHaveLength(1);
    const cell = (id: string) => byTestId(rows[0]!, id)[0]?.textContent;
    expect(cell("file-name")).toBe("efecty_liquidacion_2025-11-24.csv");
    expect(cell("file-format")).toBe("efecty-csv-v1");
    expect(cell("file-rows"), "the file's row count, with Colombian digit grouping").toBe("12.345");
    expect(byTestId(rows[0]!, "file-rows")[0]?.title, "the tooltip says what the import did").toBe(
      "12.000 new, 300 already known, 40 conflicting, 0 updated, 5 rejected",
    );
    expect(cell("file-imported-at"), "18:02 UTC is 13:02 in Bogotá (UTC-5, no DST)").toBe(
      "2025-11-25 13:02",
    );
    expect(cell("file-imported-by")).toBe("ana");
  });

  it("renders file names as text, never as markup", async () => {
    const hostile = { ...settlement, name: "<img src=x onerror=alert(1)>.csv" };
    await mountApp(root, createFakeBackend({ files: [hostile] }));

    expect(root.querySelector("img"), "a file name must not become an element").toBeNull();
    expect(byTestId(root, "file-name")[0]?.textContent).toBe(hostile.name);
  });

  it("shows the backend's error message when listing fails", async () => {
    const error = { code: "store", message: "cannot open the workspace /x/cuadra.db" };
    await mountApp(root, createFakeBackend({ error }));

    const alert = byTestId(root, "files-error")[0];
    expect(alert?.getAttribute("role"), "errors must be announced").toBe("alert");
    expect(alert?.textContent).toContain(error.message);
  });
});
