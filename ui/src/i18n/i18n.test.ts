import { describe, expect, it } from "vitest";
import { MESSAGES, translate, translatePlural, type PluralBase } from "./i18n";
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

describe("count sentences", () => {
  it("use the singular for one in Spanish and English", () => {
    expect(translatePlural("en", "cases.total", 1)).toBe("1 case");
    expect(translatePlural("en", "cases.total", 2)).toBe("2 cases");
    expect(translatePlural("en", "cases.total", 0), "zero is plural in English").toBe("0 cases");
    expect(translatePlural("es", "cases.total", 1)).toBe("1 caso");
    expect(translatePlural("es", "cases.total", 1234)).toBe("1.234 casos");
    expect(translatePlural("en", "import.start", 1)).toBe("Import 1 file");
    expect(translatePlural("en", "import.start", 3)).toBe("Import 3 files");
    expect(translatePlural("es", "import.start", 1)).toBe("Importar 1 archivo");
    expect(translatePlural("es", "cases.selected", 1)).toBe("1 seleccionado");
    expect(translatePlural("es", "audit.years", 1)).toBe("1 año");
    expect(translatePlural("en", "dash.alert.missing_settlement", 1, { days: 1 })).toBe("Paid orders with no settlement after 1 day");
    expect(translatePlural("es", "audit.verdict_ok", 1, { events: "1", seq: 1, hash: "ab" })).toBe("Íntegra: 1 evento, último #1 (ab…)");
  });

  it("use the right Chinese measure word", () => {
    expect(translatePlural("zh", "cases.total", 1), "cases are counted with 项").toBe("1 项");
    expect(translatePlural("zh", "cases.total", 12345)).toBe("12,345 项");
    expect(translatePlural("zh", "import.start", 1), "files with 个").toBe("导入 1 个文件");
    expect(translatePlural("zh", "import.rows", 2), "rows and records with 条").toBe("2 条");
    expect(translatePlural("zh", "audit.change.lines", 3)).toBe("3 条明细");
  });

  it("exist in every form each language's plural rules can pick", () => {
    const bases = Object.keys(MESSAGES.en)
      .filter((k) => k.endsWith(".one"))
      .map((k) => k.slice(0, -".one".length));
    expect(bases.length, "the count sentences").toBeGreaterThan(8);
    for (const base of bases) {
      for (const lang of ["es", "en", "zh"] as const) {
        const keys = Object.keys(MESSAGES[lang]);
        expect(keys, `${lang}:${base}.one`).toContain(`${base}.one`);
        expect(keys, `${lang}:${base}.other`).toContain(`${base}.other`);
      }
      expect(translatePlural("zh", base as PluralBase, 5), base).not.toMatch(/\{n\}/);
    }
  });

  it("say what an act did, not the verb", () => {
    expect(translate("en", "action.done.resolve")).toBe("Case resolved.");
    expect(translate("es", "action.done.resolve")).toBe("Caso resuelto.");
    expect(translate("zh", "action.done.resolve")).toBe("对账项已处理。");
  });
});
