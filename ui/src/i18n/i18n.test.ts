import { describe, expect, it } from "vitest";
import { MESSAGES, translate } from "./i18n";
import {
  AGING_BUCKETS,
  CASE_ACTIONS,
  CASE_STATUSES,
  KNOWN_ERROR_CODES,
  LANGS,
  REPORT_KINDS,
  RESOLVE_REASONS,
  ROW_TYPES,
  ZONE_SOURCES,
} from "../ipc";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("messages", () => {
  const reference = Object.keys(MESSAGES.en).sort();

  it.each(LANGS)("%s has exactly the English keys, none empty", (lang) => {
    const keys = Object.keys(MESSAGES[lang]).sort();
    expect(keys, `${lang} must translate every key and add none`).toEqual(reference);
    for (const key of keys) {
      expect(MESSAGES[lang][key as keyof typeof MESSAGES.en].trim(), `${lang}:${key} is empty`).not.toBe("");
    }
  });

  it.each(LANGS)("%s keeps each message's placeholders", (lang) => {
    for (const key of reference) {
      const k = key as keyof typeof MESSAGES.en;
      expect(placeholders(MESSAGES[lang][k]), `${lang}:${key} placeholders`).toEqual(placeholders(MESSAGES.en[k]));
    }
  });

  it("names every backend value a person reads", () => {
    const needed = [
      ...CASE_STATUSES.map((s) => `status.${s}`),
      ...RESOLVE_REASONS.map((r) => `reason.${r}`),
      ...KNOWN_ERROR_CODES.map((c) => `error.${c}`),
      ...CASE_ACTIONS.map((a) => `action.${a}`),
      ...REPORT_KINDS.flatMap((k) => [`export.kind.${k}`, `export.help.${k}`]),
      ...AGING_BUCKETS.map((b) => `dash.aging.${b}`),
      ...ROW_TYPES.map((r) => `row_type.${r}`),
      ...ZONE_SOURCES.map((z) => `import.zone.${z}`),
      "state.open",
      "state.resolved",
    ];
    for (const key of needed) expect(reference, `missing message ${key}`).toContain(key);
  });

  it("is really translated, not copied from English", () => {
    expect(translate("es", "nav.cases")).toBe("Casos");
    expect(translate("zh", "status.matched")).toBe("已匹配");
    const copied = reference.filter((k) => MESSAGES.es[k as keyof typeof MESSAGES.en] === MESSAGES.en[k as keyof typeof MESSAGES.en]);
    // A few words are the same in both (PSP, Hash, Actor...); a copied table would be all of them.
    expect(copied.length, `copied: ${copied.join(", ")}`).toBeLessThan(12);
  });

  it("fills placeholders", () => {
    expect(translate("es", "cases.total", { n: "1.234" })).toBe("1.234 casos");
    expect(translate("en", "audit.verdict_broken", { seq: 7, why: "hash" })).toBe("Broken at event #7: hash");
  });
});
