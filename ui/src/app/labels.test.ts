import { describe, expect, it } from "vitest";
import { makeI18n } from "../i18n/i18n";
import { auditActionLabel, paymentMethodGroups, paymentMethodLabel, reasonText } from "./labels";

describe("labels of recorded codes", () => {
  it("name audit actions in the reader's language and keep unknown codes", () => {
    expect(auditActionLabel(makeI18n("es"), "case_resolve")).toBe("Caso resuelto");
    expect(auditActionLabel(makeI18n("zh"), "case_reopened_by_data")).toBe("因新数据重新打开");
    expect(auditActionLabel(makeI18n("en"), "from_a_newer_version")).toBe("from_a_newer_version");
  });

  it("read reason codes, reasons Cuadra recorded as messages, and people's words", () => {
    expect(reasonText(makeI18n("es"), "written_off")).toBe("Castigado como pérdida");
    const gone = JSON.stringify({ k: "case.gone.to_case", a: ["order:shopify:1001"] });
    expect(reasonText(makeI18n("es"), gone)).toBe(
      "Su pedido y sus líneas de liquidación ahora pertenecen al caso order:shopify:1001",
    );
    expect(reasonText(makeI18n("en"), gone)).toBe("Its order and settlement lines now belong to case order:shopify:1001");
    expect(reasonText(makeI18n("zh"), "below the cost of collecting")).toBe("below the cost of collecting");
    expect(reasonText(makeI18n("en"), '{"not": "a message"}')).toBe('{"not": "a message"}');
  });
});

describe("payment methods", () => {
  it("name Efecty one way, whatever the file wrote", () => {
    for (const raw of ["EY", "Efecty", "dLocal - Efecty", "efecty", " EFECTY "]) {
      expect(paymentMethodLabel(raw), raw).toBe("Efecty");
    }
    expect(paymentMethodLabel("pse")).toBe("PSE");
    expect(paymentMethodLabel("Nequi"), "an unknown method as written").toBe("Nequi");
    expect(paymentMethodLabel("Keyed"), "'ey' inside a word is not Efecty").toBe("Keyed");
    expect(paymentMethodLabel(null)).toBe("");
  });

  it("offer each name once in the filter, asking for every spelling", () => {
    expect(paymentMethodGroups(["EY", "pse", "Efecty", "dLocal - Efecty", "efecty"])).toEqual([
      { label: "Efecty", values: ["EY", "Efecty", "dLocal - Efecty", "efecty"] },
      { label: "PSE", values: ["pse"] },
    ]);
  });
});
