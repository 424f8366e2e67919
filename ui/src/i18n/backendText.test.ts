import { describe, expect, it } from "vitest";
import { messageMoney, renderMsg } from "./backendText";
import { BACKEND_MESSAGES, BACKEND_SAMPLES } from "./messages/backend.generated";
import { LANGS } from "../ipc/types";

describe("backend messages", () => {
  it("render exactly as the Rust catalog renders them, in every language", () => {
    expect(BACKEND_SAMPLES.length).toBeGreaterThan(3);
    for (const sample of BACKEND_SAMPLES) {
      for (const lang of LANGS) {
        expect(renderMsg(sample.msg, lang)).toBe(sample[lang]);
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
});
