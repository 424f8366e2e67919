import { describe, expect, it } from "vitest";
import { createFakeBackend, emptyFilter } from "./fake";
import { CASE_STATUSES, type CaseFilter, type CaseSort } from "./types";
import { compareDecimals } from "../format/decimal";

const none: CaseFilter = emptyFilter();
const newest: CaseSort = { column: "event_at", direction: "desc" };

describe("the fake backend", () => {
  it("generates the same workspace every time", async () => {
    const a = await createFakeBackend().listCases({ filter: none, sort: newest, offset: 100, limit: 50 });
    const b = await createFakeBackend().listCases({ filter: none, sort: newest, offset: 100, limit: 50 });
    expect(a).toEqual(b);
    expect(a.total).toBe(5000);
  });

  it("covers every status, with well-formed rows", async () => {
    const fake = createFakeBackend();
    const summary = await fake.summary({ period: null, date_from: null, date_to: null, psp: null });
    expect(summary.by_status.map((s) => s.status).sort()).toEqual([...CASE_STATUSES].sort());
    expect(summary.by_status.reduce((n, s) => n + s.count, 0), "counts add up").toBe(summary.cases);
    const { rows } = await fake.listCases({ filter: none, sort: newest, offset: 0, limit: 200 });
    for (const row of rows) {
      for (const amount of [row.order_total, row.paid_amount, row.difference, row.net_settled]) {
        if (amount !== null) expect(amount, `${row.case_key} amounts are decimal strings`).toMatch(/^-?\d+(\.\d+)?$/);
      }
      if (row.paid_at) expect(row.paid_at, "times carry the Bogotá offset").toMatch(/-05:00$/);
    }
  });

  it("filters and sorts in the backend", async () => {
    const fake = createFakeBackend();
    const under = await fake.listCases({ filter: { ...none, statuses: ["underpaid"] }, sort: newest, offset: 0, limit: 1000 });
    expect(under.rows.every((r) => r.status === "underpaid")).toBe(true);
    expect(under.rows.length).toBe(under.total);
    const sorted = await fake.listCases({ filter: { ...none, amount_min: "500000" }, sort: { column: "order_total", direction: "asc" }, offset: 0, limit: 300 });
    const amounts = sorted.rows.map((r) => r.order_total ?? r.paid_amount ?? r.net_settled ?? "0");
    for (let i = 1; i < amounts.length; i++) expect(compareDecimals(amounts[i - 1]!, amounts[i]!)).toBeLessThanOrEqual(0);
    expect(amounts.every((a) => compareDecimals(a, "500000") >= 0)).toBe(true);
    const found = await fake.listCases({ filter: { ...none, text: "#1002" }, sort: newest, offset: 0, limit: 10 });
    expect(found.rows.map((r) => r.order_ref)).toContain("#1002");
  });

  it("sends a case's detail in the core's shapes", async () => {
    const fake = createFakeBackend();
    const detail = await fake.getCase("order:shopify:1002");
    expect("explanation_msg" in detail.case, "the core's row: its explanation as text").toBe(false);
    expect(detail.explanation_msg.k).toBeTruthy();
    expect(typeof detail.order?.id).toBe("number");
    expect(detail.order?.order_name).toBe("#1002");
    for (const item of detail.items) expect(item.total).toBe(item.price);
    for (const line of detail.lines) expect(typeof line.id).toBe("number");
    const found = await fake.searchLines(detail.lines[0]?.psp_txn_id ?? "T");
    for (const f of found) expect(typeof f.line.id).toBe("number");
  });

  it("refuses an act on a case that changed since it was opened, as the core does", async () => {
    const fake = createFakeBackend();
    const { rows } = await fake.listCases({ filter: { ...none, statuses: ["matched"] }, sort: newest, offset: 0, limit: 1 });
    const key = rows[0]!.case_key;
    const seen = (await fake.getCase(key)).membership;
    expect(seen).toMatch(/^o\d+:l\d/);
    const request = { case_key: key, action: "unmatch" as const, reason: "wrong voucher", note: null, line_ids: [], order_id: null };
    await fake.caseAction({ ...request, expected_membership: seen });
    const resolve = { ...request, action: "resolve" as const, reason: "written_off", expected_membership: seen };
    await expect(fake.caseAction(resolve)).rejects.toMatchObject({ code: "stale_case" });
    const now = (await fake.getCase(key)).membership;
    expect(now).not.toBe(seen);
    await fake.caseAction({ ...resolve, expected_membership: now });
    expect((await fake.getCase(key)).case.state).toBe("resolved");
  });

  // How fast a page at the end comes compared with one at the start is printed by
  // `npm run bench` (fake.bench.ts), not asserted here.
  it("serves a million cases without building them", async () => {
    const fake = createFakeBackend({ cases: 1_000_000 });
    const page = await fake.listCases({ filter: none, sort: newest, offset: 999_800, limit: 200 });
    expect(page.total).toBe(1_000_000);
    expect(page.rows.at(-1)?.case_key).toMatch(/:1000999$/);
  });

  it("applies the review rules and records them in the audit chain", async () => {
    const fake = createFakeBackend();
    const key = "order:shopify:1002";
    const action = { case_key: key, note: null, line_ids: [] as string[], order_id: null };
    await expect(fake.caseAction({ ...action, action: "resolve", reason: null })).rejects.toMatchObject({ code: "reason_required" });
    await expect(fake.caseAction({ ...action, action: "resolve", reason: "other" })).rejects.toMatchObject({ code: "note_required" });
    const resolved = await fake.caseAction({ ...action, action: "resolve", reason: "written_off" });
    expect(resolved.state).toBe("resolved");
    await expect(fake.caseAction({ ...action, action: "reopen", reason: " " })).rejects.toMatchObject({ code: "reason_required" });
    expect((await fake.caseAction({ ...action, action: "reopen", reason: "wrong case" })).state).toBe("open");
    const detail = await fake.getCase(key);
    expect(detail.history.map((e) => e.action)).toEqual(["case_resolve", "case_reopen"]);
    expect((await fake.verifyAudit()).first_broken).toBeNull();
    expect((await fake.verifyWorkspace()).ok).toBe(true);
    fake.tamperAudit(2);
    expect((await fake.verifyAudit()).first_broken?.[0]).toBe(2);
    const all = await fake.verifyWorkspace();
    expect(all.ok).toBe(false);
    expect(all.checks.find((c) => c.check === "audit_chain")?.outcome).toBe("failed");
  });

  it("refuses changes in a closed period", async () => {
    const fake = createFakeBackend();
    const march = await fake.listCases({ filter: { ...none, period: "2026-03", state: "open" }, sort: newest, offset: 0, limit: 1 });
    const row = march.rows[0]!;
    expect(row.locked, "March is closed in the demo").toBe(true);
    await expect(
      fake.caseAction({ case_key: row.case_key, action: "resolve", reason: "written_off", note: null, line_ids: [], order_id: null }),
    ).rejects.toMatchObject({ code: "period_closed" });
    await fake.reopenPeriod("2026-03", "late refund");
    expect((await fake.getCase(row.case_key)).case.locked).toBe(false);
  });

  it("checks settings like the backend", async () => {
    const fake = createFakeBackend();
    await expect(fake.setSetting("retention_years", "5")).rejects.toMatchObject({ code: "retention_lowered" });
    expect(await fake.setSetting("retention_years", "12")).toBe("12");
    await expect(fake.setSetting("zone", "Mars/Olympus")).rejects.toMatchObject({ code: "invalid_setting" });
    expect(await fake.setSetting("validity_hours.payu", "168")).toBe("168");
  });

  it("reports import progress and results", async () => {
    const fake = createFakeBackend({ loaded: false });
    const phases: string[] = [];
    const done = new Promise<number>((resolve) => {
      void fake.onImportProgress((p) => {
        phases.push(p.phase);
        if (p.phase === "finished") resolve(p.reports.length);
      });
    });
    await fake.startImport(["/x/dlocal_2026.csv", "/x/pedidos_mal.csv"], false);
    expect(await done).toBe(2);
    expect(phases).toContain("reading");
    expect(phases).toContain("file_done");
    const files = await fake.listFiles();
    expect(files.map((f) => f.name), "the bad file is not imported").toEqual(["dlocal_2026.csv"]);
  });

  it("rejects every call with the configured error", async () => {
    const error = { code: "store" as const, message: "The disk that holds the workspace is full", detail: { k: "store.disk_full" } };
    await expect(createFakeBackend({ error }).listFiles()).rejects.toEqual(error);
  });
});
