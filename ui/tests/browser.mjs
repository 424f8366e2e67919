// Fast UI tests in headless Chromium against the fake backend: starts the Vite dev server on a
// free port, drives the main flows, saves a screenshot of each screen to test-results/ and prints
// the time of a filter and a sort round-trip. Uses the system Chromium (never downloads one):
// CHROMIUM=/path overrides /usr/bin/chromium. Exits non-zero on the first failed check.

import { chromium } from "playwright-core";
import { createServer } from "vite";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const shots = path.join(root, "test-results");
mkdirSync(shots, { recursive: true });

let failures = 0;
function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
  console.log(`  ok  ${message}`);
}

const sel = (id) => `[data-testid="${id}"]`;

async function shot(page, name) {
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

async function text(page, id) {
  return (await page.locator(sel(id)).first().textContent())?.trim() ?? "";
}

/**
 * Milliseconds from `act` until the cases table has settled on a new answer: its total differs
 * from `until.totalNot`, or its first row's case differs from `until.firstKeyNot`.
 */
async function timeRoundTrip(page, act, until) {
  await page.evaluate(() => (window.__t0 = performance.now()));
  await act();
  await page.waitForFunction(
    (u) => {
      const table = document.querySelector('[data-testid="cases-table"]');
      const first = document.querySelector('[data-testid="case-row"][data-index="0"][data-case-key]');
      if (!table || table.dataset.busy !== "false" || !first) return false;
      if (u.totalNot !== undefined && table.dataset.total === u.totalNot) return false;
      if (u.firstKeyNot !== undefined && first.dataset.caseKey === u.firstKeyNot) return false;
      window.__t1 = performance.now();
      return true;
    },
    until,
    { timeout: 60_000, polling: 10 },
  );
  return page.evaluate(() => window.__t1 - window.__t0);
}

async function step(name, fn) {
  const t0 = Date.now();
  console.log(`- ${name}`);
  try {
    await fn();
    console.log(`  (${Date.now() - t0} ms)`);
  } catch (error) {
    failures++;
    console.error(`  FAILED: ${error.message}`);
    throw error;
  }
}

const server = await createServer({
  root,
  logLevel: "error",
  server: { port: 0, strictPort: false, host: "127.0.0.1" },
});
await server.listen();
const base = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});

try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: "light" });
  const page = await context.newPage();
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));

  await step("first start: create a workspace, set name and language, load the demo", async () => {
    await page.goto(`${base}?fake=fresh&latency=5`);
    await page.waitForSelector(sel("first-start"));
    check((await text(page, "first-continue")) === "Continuar", "Spanish is the default language");
    await page.click(sel("first-create"));
    await page.waitForSelector(sel("first-workspace-path"));
    await page.selectOption(sel("first-lang"), "en");
    check((await text(page, "first-continue")) === "Continue", "the language switches live on the first screen");
    await page.selectOption(sel("first-lang"), "es");
    await page.click(sel("first-demo"));
    check(await page.locator(sel("first-name-missing")).isVisible(), "a name is required before going on");
    await page.fill(sel("first-name"), "Laura Contadora");
    await shot(page, "01-first-start");
    await page.click(sel("first-demo"));
    await page.waitForSelector(sel("dashboard"));
  });

  await step("dashboard shows counts per status and alerts", async () => {
    await page.waitForSelector(sel("dash-total-cases"));
    const total = await text(page, "dash-total-cases");
    check(total === "5.000", `5,000 demo cases with Colombian grouping (got ${total})`);
    const counts = await page.locator('[data-testid^="dash-count-"]').allTextContents();
    const sum = counts.reduce((s, c) => s + Number(c.replace(/\./g, "")), 0);
    check(counts.length === 26, `every one of the 26 statuses appears in the demo (${counts.length})`);
    check(sum === 5000, "the status counts add up to the total");
    check(Number((await text(page, "alert-count-paid_shop_pending")).replace(/\./g, "")) > 0, "an alert for paid orders pending in the shop");
    check(Number((await text(page, "alert-count-batch_mismatch")).replace(/\./g, "")) > 0, "an alert for settlement batches that do not add up");
    check((await text(page, "dash-status-batch_mismatch")).includes("Lote que no cuadra"), "the new statuses have the exports' names");
    check(/^COP \d{1,3}(\.\d{3})*$/.test(await text(page, "dash-net-COP")), "net settled in COP is shown with its ISO code, in whole pesos grouped the Colombian way");
    await shot(page, "02-dashboard-es");
  });

  let underpaid = "";
  await step("a status opens the cases table filtered by it", async () => {
    underpaid = await text(page, "dash-count-underpaid");
    await page.click(sel("dash-status-underpaid"));
    await page.waitForSelector('[data-testid="case-row"][data-case-key]');
    await page.waitForFunction(() => document.querySelector('[data-testid="cases-table"]')?.dataset.busy === "false");
    const statuses = await page.locator('[data-testid="case-row"][data-case-key]').evaluateAll((rows) => rows.map((r) => r.dataset.status));
    check(statuses.length > 0 && statuses.every((s) => s === "underpaid"), "only underpaid cases are listed");
    check((await text(page, "cases-total")).startsWith(underpaid), `the table's total matches the dashboard (${underpaid})`);
    await page.click(sel("filter-clear"));
    await page.waitForFunction(() => document.querySelector('[data-testid="cases-table"]')?.dataset.total === "5000");
    await shot(page, "03-cases");
  });

  await step("cases at 1200 px: header and rows scroll together, every column reachable", async () => {
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.click(sel("nav-cases"));
    await page.waitForSelector('[data-testid="case-row"][data-case-key]');
    const columnsAt = (left) =>
      page.locator(sel("cases-scroller")).evaluate((s, l) => {
        s.scrollLeft = l === "end" ? s.scrollWidth : l;
        const box = s.getBoundingClientRect();
        const rect = (q) => {
          const r = s.querySelector(q).getBoundingClientRect();
          return { left: r.left, right: r.right };
        };
        return {
          scrolled: s.scrollLeft,
          view: { left: box.left, right: box.left + s.clientWidth },
          headState: rect('[data-testid="sort-state"]'),
          cellState: rect('[data-testid="case-row"][data-case-key] .col-state'),
          headStatus: rect('[data-testid="sort-status"]'),
          cellStatus: rect('[data-testid="case-row"][data-case-key] .col-status'),
        };
      }, left);
    const same = (a, b) => Math.abs(a.left - b.left) < 1 && Math.abs(a.right - b.right) < 1;
    const start = await columnsAt(0);
    check(same(start.headStatus, start.cellStatus), "before scrolling, the Status header sits over its cells");
    check(start.headState.right > start.view.right, "at 1200 px the State column starts out of view (so this test means something)");
    const end = await columnsAt("end");
    check(end.scrolled > 0, `the table scrolls sideways (${end.scrolled} px)`);
    check(same(end.headState, end.cellState), "after scrolling, the State header still sits over its cells");
    check(end.headState.left >= end.view.left && end.headState.right <= end.view.right + 1, "the State column is fully reachable");
    await page.dblclick('[data-testid="case-row"][data-index="0"]');
    await page.waitForSelector(sel("case-detail"));
    const beside = await columnsAt("end");
    check(same(beside.headState, beside.cellState) && beside.headState.right <= beside.view.right + 1, "beside the detail panel too, State is reachable and aligned");
    await page.click(sel("detail-close"));
    await page.locator(sel("cases-scroller")).evaluate((s) => (s.scrollLeft = 0));
    await shot(page, "03b-cases-1200");
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  await step("status filter menu closes on Esc and on a click outside it", async () => {
    const menu = page.locator(sel("filter-status-menu"));
    await page.click(sel("filter-status"));
    check(await menu.isVisible(), "the menu opens");
    await page.keyboard.press("Escape");
    check((await menu.count()) === 0, "Esc closes it");
    check(await page.evaluate(() => document.activeElement?.getAttribute("data-testid") === "filter-status"), "focus goes back to its button");
    check((await page.getAttribute(sel("filter-status"), "aria-expanded")) === "false", "the button says it is closed");
    await page.click(sel("filter-status"));
    await page.click(sel("filter-status-underpaid"));
    check(await menu.isVisible(), "ticking a status keeps the menu open");
    await page.click(sel("cases-total"));
    check((await menu.count()) === 0, "a click outside closes it");
    await page.waitForFunction(() => document.querySelector('[data-testid="cases-table"]')?.dataset.busy === "false");
    const statuses = await page.locator('[data-testid="case-row"][data-case-key]').evaluateAll((rows) => rows.map((r) => r.dataset.status));
    check(statuses.length > 0 && statuses.every((s) => s === "underpaid"), "the ticked status still filters");
    await page.click(sel("filter-clear"));
    await page.waitForFunction(() => document.querySelector('[data-testid="cases-table"]')?.dataset.total === "5000");
  });

  await step("date filters: empty looks empty, a chosen date reads 2026-05-12", async () => {
    for (const id of ["filter-from", "filter-to"]) {
      check((await page.inputValue(sel(id))) === "", `${id} is empty, not today's date`);
      check((await page.getAttribute(sel(id), "placeholder")) === "aaaa-mm-dd", `${id} shows the Spanish placeholder`);
    }
    await page.fill(sel("filter-from"), "2026-05-12");
    check((await page.inputValue(sel("filter-from"))) === "2026-05-12", "a chosen date shows as 2026-05-12");
    await page.waitForFunction(() => {
      const table = document.querySelector('[data-testid="cases-table"]');
      return table?.dataset.busy === "false" && table.dataset.total !== "5000";
    });
    check(true, "the date filters the cases");
    const fromOnly = await page.getAttribute(sel("cases-table"), "data-total");
    await page.fill(sel("filter-to"), "2026-05-1");
    await page.waitForTimeout(300);
    check((await page.getAttribute(sel("cases-table"), "data-total")) === fromOnly, "a date still being typed filters nothing yet");
    await page.locator(sel("filter-to")).blur();
    check((await page.inputValue(sel("filter-to"))) === "2026-05-01", "leaving the field writes the date in full");
    await page.fill(sel("filter-to"), "2026-02-30");
    await page.locator(sel("filter-to")).blur();
    check((await page.getAttribute(sel("filter-to"), "aria-invalid")) === "true", "a day that does not exist is marked");
    await page.click(sel("filter-clear"));
    await page.waitForFunction(() => document.querySelector('[data-testid="cases-table"]')?.dataset.total === "5000");
    check((await page.inputValue(sel("filter-from"))) === "" && (await page.inputValue(sel("filter-to"))) === "", "clearing the filters empties both dates");
  });

  await step("an alert opens the open cases behind it", async () => {
    await page.click(sel("nav-dashboard"));
    await page.waitForSelector(sel("alert-batch_mismatch"));
    const alerted = String(Number((await text(page, "alert-count-batch_mismatch")).replace(/\./g, "")));
    await page.click(sel("alert-batch_mismatch"));
    await page.waitForFunction(
      (n) => {
        const table = document.querySelector('[data-testid="cases-table"]');
        return table?.dataset.busy === "false" && table.dataset.total === n;
      },
      alerted,
      { timeout: 10_000 },
    );
    const rows = await page.locator('[data-testid="case-row"][data-case-key]').evaluateAll((r) => r.map((x) => x.dataset.status));
    check(rows.length > 0 && rows.every((s) => s === "batch_mismatch"), `only batches that do not add up are listed (${rows.length})`);
    check(true, `the table's total is the alert's count (${alerted})`);
    await page.click(sel("filter-clear"));
    await page.waitForFunction(() => document.querySelector('[data-testid="cases-table"]')?.dataset.total === "5000");
  });

  await step("keyboard: j/k move, Enter opens the detail", async () => {
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await page.keyboard.press("k");
    const cursor = await page.locator(".grid-row.cursor").getAttribute("data-index");
    check(cursor === "2", `j j j k leaves the cursor on the third row (got ${cursor})`);
    const key = await page.locator(".grid-row.cursor").getAttribute("data-case-key");
    await page.keyboard.press("Enter");
    await page.waitForSelector(`${sel("case-detail")}[data-case-key="${key}"]`);
    await page.waitForSelector(sel("detail-explanation"));
    check(true, `Enter opens ${key}`);
    await shot(page, "04-case-detail");
  });

  await step("resolve with a reason (the note is required for 'other')", async () => {
    await page.keyboard.press("r");
    await page.waitForSelector(sel("form-resolve"));
    await page.selectOption(sel("resolve-reason"), "other");
    await page.click(sel("action-submit"));
    check(await page.locator(sel("action-problem")).isVisible(), "'other' without a note is refused before calling the backend");
    await page.fill(sel("action-note-input"), "Cliente pagó en otra sede; confirmado por teléfono");
    await page.click(sel("action-submit"));
    await page.waitForSelector(sel("action-done"));
    await page.waitForSelector(`${sel("detail-state")}[data-state="resolved"]`);
    await page.waitForSelector(sel("history-event"));
    check(true, "the case is resolved and its history shows the decision");
    await shot(page, "05-case-resolved");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
  });

  await step("bulk resolve with x selection", async () => {
    await page.keyboard.press("j");
    await page.keyboard.press("x");
    await page.keyboard.press("j");
    await page.keyboard.press("x");
    check((await text(page, "cases-selected")).startsWith("2"), "x selects two cases");
    await page.click(sel("bulk-resolve"));
    await page.selectOption(sel("bulk-reason"), "written_off");
    await page.click(sel("bulk-submit"));
    await page.waitForFunction(() => /2 de 2/.test(document.querySelector('[data-testid="bulk-progress"]')?.textContent ?? ""));
    check(true, "both selected cases were resolved");
  });

  await step("audit: the chain verifies, and a tampered event is found", async () => {
    await page.click(sel("nav-audit"));
    await page.click(sel("audit-verify"));
    await page.waitForSelector(`${sel("audit-verdict")}[data-ok="true"]`);
    check((await text(page, "audit-verdict")).startsWith("Íntegra"), "an intact chain says so in Spanish");
    await page.waitForSelector(sel("audit-row"));
    await shot(page, "06-audit");
    await page.evaluate(() => window.__cuadraFake.tamperAudit(3));
    await page.click(sel("audit-verify"));
    await page.waitForSelector(`${sel("audit-verdict")}[data-ok="false"]`);
    check((await text(page, "audit-verdict")).includes("#3"), "the verdict names the first broken event");
  });

  await step("switch language to zh and en", async () => {
    await page.selectOption(sel("lang-switch"), "zh");
    check((await text(page, "nav-dashboard")) === "概览", "navigation in Chinese");
    await page.click(sel("nav-dashboard"));
    await page.waitForSelector(sel("dash-count-matched"));
    check((await page.locator(sel("dash-status-matched")).textContent()).includes("已匹配"), "status names in Chinese");
    check((await text(page, "dash-total-cases")) === "5,000", "Chinese digit grouping");
    await shot(page, "07-dashboard-zh");
    await page.selectOption(sel("lang-switch"), "en");
    check((await text(page, "nav-cases")) === "Cases", "navigation in English");
    check((await page.locator(sel("dash-status-matched")).textContent()).includes("Matched"), "status names in English");
    await page.selectOption(sel("theme-switch"), "dark");
    await shot(page, "08-dashboard-en-dark");
    await page.selectOption(sel("theme-switch"), "light");
  });

  await step("import: choose files, preview, run with progress, see results", async () => {
    await page.click(sel("nav-import"));
    await page.waitForSelector(sel("files-table"));
    await page.click(sel("import-choose"));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="preview-format"]').length === 3);
    await page.evaluate(() => window.__cuadraFake.dropFiles(["/tmp/otro_mercadopago_release.csv"]));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="import-preview"]').length === 4);
    check(true, "a dropped file joins the chosen ones");
    const zones = await page.locator(sel("preview-zone")).allTextContents();
    check(zones.some((z) => z === "Times without an offset read as UTC (the format's documented zone)"), `dLocal times are read in UTC (${zones})`);
    check(zones.some((z) => z.startsWith("Times without an offset read as GMT-04 ")), `Mercado Pago times in GMT-04, not Etc/GMT+4 (${zones})`);
    check(zones.some((z) => z.includes("Bogotá (the workspace zone)")), `others in the workspace zone (${zones})`);
    check((await text(page, "preview-totals")) === "3 rows are the file's own balances and totals (not lines)", "the release report's own totals are counted apart");
    await shot(page, "09-import-preview");
    await page.click(sel("import-start"));
    await page.waitForSelector(sel("import-progress"));
    await page.waitForSelector(`${sel("import-ended")}[data-phase="finished"]`, { timeout: 15_000 });
    const outcomes = await page.locator(sel("import-result")).evaluateAll((r) => r.map((x) => x.dataset.outcome));
    check(outcomes.length === 4, "one result per file");
    check(outcomes.includes("rejected") && outcomes.includes("imported"), `bad rows reject their file, others import (${outcomes})`);
    check((await page.locator(sel("result-zone")).count()) === 4, "each result says how its times were read");
    await shot(page, "10-import-results");
  });

  await step("export: a report through the save dialog", async () => {
    await page.click(sel("nav-export"));
    await page.selectOption(sel("export-format"), "csv");
    await page.click(sel("export-exceptions"));
    await page.waitForSelector(sel("export-result"));
    check((await text(page, "export-result")).includes("cuadra_exceptions"), "the written path is shown");
    await shot(page, "11-export");
  });

  await step("settings: retention cannot be lowered", async () => {
    await page.click(sel("nav-settings"));
    await page.fill(sel("setting-retention_years"), "5");
    await page.click(sel("save-retention_years"));
    check((await text(page, "setting-message-retention_years")).includes("only be raised"), "lowering retention is refused with a message");
    check((await page.locator(sel("setting-zone.dlocal")).getAttribute("placeholder")) === "the format's zone", "a PSP without its own zone uses its format's");
    await page.fill(sel("setting-zone.mercadopago"), "America/Bogota");
    await page.click(sel("save-zone.mercadopago"));
    check((await text(page, "setting-message-zone.mercadopago")) === "Saved.", "a zone is set for one PSP's files");
    await shot(page, "12-settings");
  });

  await step("timing on the 5,000-case demo: filter and sort round-trips", async () => {
    await page.click(sel("nav-cases"));
    await page.waitForSelector('[data-testid="case-row"][data-case-key]');
    const filterMs = await timeRoundTrip(
      page,
      () => page.selectOption(sel("filter-psp"), "payu"),
      { totalNot: "5000" },
    );
    const before = await page.locator('[data-testid="case-row"][data-index="0"]').getAttribute("data-case-key");
    const sortMs = await timeRoundTrip(page, () => page.click(sel("sort-order_total")), { firstKeyNot: before });
    console.log(`  TIMING demo (5,000 cases, 5 ms fake latency): filter ${filterMs.toFixed(0)} ms, sort ${sortMs.toFixed(0)} ms`);
  });

  await step("1,000,000 cases: scroll to the end with a bounded DOM", async () => {
    const big = await context.newPage();
    big.on("pageerror", (e) => pageErrors.push(e.message));
    await big.goto(`${base}?fake=million&latency=5`);
    await big.click(sel("nav-cases"));
    await big.waitForFunction(() => document.querySelector('[data-testid="cases-table"]')?.dataset.total === "1000000");
    check((await text(big, "cases-total")).startsWith("1.000.000"), "the total is one million");
    const t0 = Date.now();
    await big.locator(sel("cases-scroller")).evaluate((el) => (el.scrollTop = el.scrollHeight));
    await big.waitForSelector('[data-testid="case-row"][data-index="999999"][data-case-key]', { timeout: 20_000 });
    const scrollMs = Date.now() - t0;
    const domRows = await big.locator(sel("case-row")).count();
    check(domRows <= 200, `at most a few hundred rows in the DOM (${domRows})`);
    const lastKey = await big.locator('[data-testid="case-row"][data-index="999999"]').getAttribute("data-case-key");
    check(/:1000999$/.test(lastKey ?? ""), `the last row is case #1,000,000 (${lastKey})`);
    console.log(`  TIMING million: scroll to the end and render the last row ${scrollMs} ms`);
    await shot(big, "13-cases-million-end");
    const before = await big.locator('[data-testid="case-row"][data-index="999999"]').getAttribute("data-case-key");
    await big.locator(sel("cases-scroller")).evaluate((el) => (el.scrollTop = 0));
    await big.waitForSelector('[data-testid="case-row"][data-index="0"][data-case-key]');
    const filterMs = await timeRoundTrip(big, () => big.selectOption(sel("filter-psp"), "payu"), { totalNot: "1000000" });
    const sortMs = await timeRoundTrip(big, () => big.click(sel("sort-paid_amount")), { firstKeyNot: before });
    console.log(`  TIMING million (in-browser fake scans every row): filter ${filterMs.toFixed(0)} ms, sort ${sortMs.toFixed(0)} ms`);
  });

  check(pageErrors.length === 0, `no uncaught page errors (${pageErrors.join(" | ")})`);
} catch {
  failures = Math.max(failures, 1);
} finally {
  await browser.close();
  await server.close();
}

console.log(failures ? "\nbrowser tests FAILED" : "\nbrowser tests passed");
process.exit(failures ? 1 : 0);
