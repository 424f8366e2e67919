// The imported-files view: a table of the workspace's files, or an empty state. Renders only
// what it is given; fetching belongs to the caller.

import type { ImportedFile } from "../ipc";
import { formatCount, formatInstant } from "../format";

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  // textContent, never innerHTML: file names come from users' disks.
  if (text !== undefined) node.textContent = text;
  return node;
}

/** "12 new, 3 already known, 1 conflicting, 0 updated, 2 rejected" for the rows cell's tooltip. */
function rowBreakdown(file: ImportedFile): string {
  return [
    `${formatCount(file.rows_new)} new`,
    `${formatCount(file.rows_known)} already known`,
    `${formatCount(file.rows_conflicting)} conflicting`,
    `${formatCount(file.rows_updated)} updated`,
    `${formatCount(file.rows_rejected)} rejected`,
  ].join(", ");
}

const COLUMNS: readonly { label: string; numeric?: boolean }[] = [
  { label: "Name" },
  { label: "Format" },
  { label: "Rows", numeric: true },
  { label: "Imported at" },
  { label: "By" },
];

export function renderFileList(files: readonly ImportedFile[]): HTMLElement {
  if (files.length === 0) {
    const empty = el("p", { class: "empty", "data-testid": "files-empty" });
    empty.textContent = "No files imported yet";
    return empty;
  }
  const table = el("table", { class: "files", "data-testid": "files-table" });
  const headRow = el("tr");
  for (const column of COLUMNS) {
    const attrs: Record<string, string> = column.numeric ? { scope: "col", class: "num" } : { scope: "col" };
    headRow.append(el("th", attrs, column.label));
  }
  table.append(el("thead"), el("tbody"));
  table.tHead?.append(headRow);
  const body = table.tBodies[0];
  for (const file of files) {
    const row = el("tr", { "data-testid": "file-row", "data-file-id": String(file.id) });
    row.append(
      el("td", { "data-testid": "file-name", title: file.sha256 }, file.name),
      el("td", { "data-testid": "file-format" }, file.format),
      el(
        "td",
        { "data-testid": "file-rows", class: "num", title: rowBreakdown(file) },
        formatCount(file.rows_total),
      ),
      el("td", { "data-testid": "file-imported-at" }, formatInstant(file.imported_at)),
      el("td", { "data-testid": "file-imported-by" }, file.imported_by),
    );
    body?.append(row);
  }
  return table;
}
