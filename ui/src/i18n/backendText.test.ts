import { describe, expect, it } from "vitest";
import { CATALOG, messageMoney, renderMsg } from "./backendText";
import { BACKEND_MESSAGES, BACKEND_SAMPLES } from "./messages/backend.generated";
import { LANGS } from "../ipc/types";

describe("backend messages", () => {
  it("render exactly as the Rust catalog renders them, in every language", () => {
    expect(BACKEND_SAMPLES.length).toBeGreaterThan(3);
    for (const sample of BACKEND_SAMPLES) {
      for (const lang of LANGS) {
        expect(renderMsg(sample.msg, lang, CATALOG)).toBe(sample[lang]);
      }
    }
  });

  it("come with all three languages for every key", () => {
    const keys = Object.keys(BACKEND_MESSAGES);
    expect(keys.length).toBeGreaterThan(50);
    for (const key of keys) {
      for (const lang of LANGS) expect(BACKEND_MESSAGES[key]?.[lang]).toBeTruthy();
    }
  });

  it("group money per language without a float", () => {
    expect(messageMoney("123456789012345678.5", "USD", "es")).toBe("USD 123.456.789.012.345.678,50");
    expect(messageMoney("150000", "COP", "en")).toBe("COP 150,000");
    expect(messageMoney("-0.5", "COP", "zh")).toBe("COP -0.50");
  });

  it("show amounts in the window as every other amount on screen", () => {
    const msg = { k: "case.paid_for", a: [{ m: "14789.909564", c: "USD" }, "2026-05-03 14:10 (Bogotá)", { k: "case.order", a: ["#1001"] }, { m: "49800", c: "COP" }] };
    const en = renderMsg(msg, "en");
    expect(en, en).toContain("USD 14,789.91");
    expect(en, en).toContain("COP 49,800");
    expect(renderMsg(msg, "es")).toContain("USD 14.789,91");
    expect(renderMsg(msg, "en", CATALOG), "the catalog's own rendering keeps every digit").toContain("USD 14,789.909564");
  });

  it("never tell a person in the window to type a CLI flag or command", () => {
    const rejected = { k: "ingest.rows_rejected", a: [3, 120] };
    for (const lang of LANGS) {
      const text = renderMsg(rejected, lang);
      expect(text, text).not.toMatch(/--|cuadra-cli/);
      expect(text, "the specifics stay").toContain("120");
    }
    expect(renderMsg(rejected, "en")).toBe(
      "3 of 120 rows could not be read, so nothing was imported. Fix those rows and import again, or tick “Import the readable rows and skip the bad ones” to take the readable rows now",
    );
    expect(renderMsg(rejected, "en", CATALOG), "exports and the CLI keep the flag").toContain("--skip-bad-rows");
  });
});
