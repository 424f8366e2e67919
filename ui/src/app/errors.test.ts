import { describe, expect, it } from "vitest";
import { errorText } from "./errors";
import { makeI18n } from "../i18n/i18n";
import { renderMsg, renderMsgInline } from "../i18n/backendText";
import { BACKEND_MESSAGES } from "../i18n/messages/backend.generated";
import { createFakeBackend, emptyFilter } from "../ipc/fake";
import { isApiError, type CaseFilter, type CaseSort } from "../ipc/types";
import fakeSource from "../ipc/fake.ts?raw";

const none: CaseFilter = emptyFilter();
const newest: CaseSort = { column: "event_at", direction: "desc" };

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("the call was expected to be refused");
}

describe("error texts", () => {
  it("read a stale case in the reader's language, with its key", async () => {
    const fake = createFakeBackend();
    const { rows } = await fake.listCases({ filter: { ...none, statuses: ["matched"] }, sort: newest, offset: 0, limit: 1 });
    const key = rows[0]!.case_key;
    const error = await rejection(
      fake.caseAction({ case_key: key, action: "note", reason: null, note: "x", line_ids: [], order_id: null, expected_membership: "o0:l0" }),
    );
    expect(isApiError(error)).toBe(true);
    expect(errorText(makeI18n("es"), error)).toBe(
      `El caso cambió desde que lo abrió: recárguelo e intente de nuevo (el caso ${key} cambió desde que usted lo abrió (su pedido o sus líneas ya no son los que vio); ábralo de nuevo y repita la acción)`,
    );
    const zh = errorText(makeI18n("zh"), error);
    // The Chinese wording is the core's (its tests hold it to the glossary); here, that it is used.
    expect(zh).toContain(renderMsgInline({ k: "review.stale", a: [key] }, "zh"));
    expect(errorText(makeI18n("en"), error)).toContain(`(case ${key} changed since you opened it`);
  });

  it("read a closed period in Spanish, with the case and the period", async () => {
    const fake = createFakeBackend();
    const march = await fake.listCases({ filter: { ...none, period: "2026-03", state: "open" }, sort: newest, offset: 0, limit: 1 });
    const key = march.rows[0]!.case_key;
    const error = await rejection(
      fake.caseAction({ case_key: key, action: "resolve", reason: "written_off", note: null, line_ids: [], order_id: null }),
    );
    const es = errorText(makeI18n("es"), error);
    expect(es).toContain("Este periodo está cerrado");
    expect(es).toContain(`el caso ${key} pertenece al periodo 2026-03, que está cerrado; primero reabra el periodo indicando un motivo`);
    expect(errorText(makeI18n("zh"), error)).toContain(renderMsgInline({ k: "review.locked", a: [key, "2026-03"] }, "zh"));
  });

  it("show the detail alone, as a sentence, for a code without a headline", () => {
    const error = { code: "something_new", message: "…", detail: { k: "report.bundle_needs_period" } };
    expect(errorText(makeI18n("es"), error)).toBe(
      "Un paquete de evidencia es de un solo periodo: elija primero el periodo, por ejemplo 2026-10",
    );
    expect(errorText(makeI18n("zh"), error)).toBe(renderMsg({ k: "report.bundle_needs_period" }, "zh"));
  });

  it("keep text from outside Cuadra as it is", () => {
    const error = { code: "ipc", message: "command x not found", detail: { k: "verbatim", a: ["command x not found"] } };
    expect(errorText(makeI18n("es"), error)).toBe("La aplicación no pudo comunicarse con su motor (command x not found)");
  });

  it("fall back to a general sentence for anything that is not an ApiError", () => {
    expect(errorText(makeI18n("es"), new Error("boom"))).toBe("Algo salió mal. Intente de nuevo.");
    expect(isApiError({ code: "store", message: "old shape, no detail" })).toBe(false);
  });

  it("come from the fake backend only with keys of the core's catalog", () => {
    const keys = [...fakeSource.matchAll(/\bm\("([a-z_.]+)"/g)].map((match) => match[1]!);
    expect(keys.length).toBeGreaterThan(15);
    for (const key of keys) expect(BACKEND_MESSAGES, key).toHaveProperty([key]);
    // The setting reasons are built from their names.
    for (const why of ["zone", "tolerance", "validity_hours", "grace_days", "retention"]) {
      expect(BACKEND_MESSAGES, why).toHaveProperty([`setting.why.${why}`]);
    }
  });
});
