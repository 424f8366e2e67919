import { describe, expect, it } from "vitest";
import { makeI18n } from "../i18n/i18n";
import { auditChangeText, auditSubjectText } from "./auditText";
import type { AuditEvent } from "../ipc";

const en = makeI18n("en");
const es = makeI18n("es");
const zh = makeI18n("zh");

function event(action: string, subject: string, before: string | null, after: string | null): AuditEvent {
  return { seq: 7, at: "2026-05-07T03:30:00.000000Z", actor: "ana", action, subject, before, after, reason: null, note: null, hash: "ab", prev_hash: "aa" } as unknown as AuditEvent;
}

describe("audit events in words", () => {
  it("name the subject without its key", () => {
    expect(auditSubjectText(en, "case:order:shopify:1001")).toBe("Order 1001 (shopify)");
    expect(auditSubjectText(zh, "case:order:shopify:1001")).toBe("订单 1001（shopify）");
    expect(auditSubjectText(es, "case:line:dlocal:123"), "a line's internal id is not shown").toBe("Línea de liquidación (dlocal)");
    expect(auditSubjectText(en, "period:2026-05")).toBe("Period May 2026");
    expect(auditSubjectText(en, "setting:zone.dlocal")).toBe("Setting: Time zone of dlocal files");
    expect(auditSubjectText(es, "report:workbook")).toBe("Informe: Libro completo");
    expect(auditSubjectText(en, "file:12")).toBe("Imported file");
    expect(auditSubjectText(en, "order:vtex:1004"), "a case key without its prefix").toBe("Order 1004 (vtex)");
    expect(auditSubjectText(en, "mystery:thing"), "an unknown kind as stored").toBe("mystery:thing");
  });

  it("say what a case decision changed, not its JSON", () => {
    const resolve = event(
      "case_resolve",
      "case:order:shopify:1001",
      '{"membership":"o12:l3","state":"open","status":"underpaid"}',
      '{"state":"resolved"}',
    );
    expect(auditChangeText(en, resolve, "America/Bogota")).toBe("Open → Resolved");
    expect(auditChangeText(es, resolve, "America/Bogota")).toBe("Abierto → Resuelto");
    const match = event("case_match", "case:order:shopify:1002", '{"state":"open","status":"unmatched_settlement","membership":""}', '{"state":"open","links":[{"line":"9","order":"12","kind":"manual"}]}');
    expect(auditChangeText(en, match, "America/Bogota")).toBe("Open · 1 line");
    const reopened = event("case_reopened_by_data", "case:order:shopify:1001", '{"state":"resolved"}', '{"state":"open","status":"underpaid","membership":"o12:l3,9"}');
    expect(auditChangeText(en, reopened, "America/Bogota")).toBe("Resolved → Open · status “Underpaid”");
  });

  it("say when a run judged, in the workspace zone", () => {
    const run = event("reconcile", "run:3", null, '{"as_of":"2026-06-01T04:59:59Z","orders":20,"lines":30}');
    expect(auditChangeText(en, run, "America/Bogota")).toBe("as of 2026-05-31 23:59 (Bogotá)");
    expect(auditChangeText(zh, run, "America/Bogota")).toBe("截至 2026-05-31 23:59（哥伦比亚时间）");
  });

  it("show settings' values and files' names as written", () => {
    expect(auditChangeText(en, event("setting", "setting:zone", '"UTC"', '"America/Bogota"'), "UTC")).toBe("UTC → America/Bogota");
    expect(auditChangeText(en, event("setting", "setting:actor", null, '"Ana"'), "UTC")).toBe("Ana");
    expect(auditChangeText(en, event("import", "file:3", null, '{"name":"dlocal_mayo.csv","sha256":"abc","size":10}'), "UTC")).toBe("dlocal_mayo.csv");
    expect(auditChangeText(en, event("export", "report:audit", null, null), "UTC")).toBe("");
    expect(auditChangeText(en, event("case_resolve", "order:vtex:1", "underpaid/open", "underpaid/resolved"), "UTC")).toBe("Open → Resolved");
  });
});
