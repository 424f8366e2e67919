import { describe, expect, it } from "vitest";
import { normalizeDate } from "./DateField";
import { translate } from "../i18n/i18n";

describe("typed dates", () => {
  it("read the forms people type as YYYY-MM-DD", () => {
    expect(normalizeDate("2026-05-12")).toBe("2026-05-12");
    expect(normalizeDate("2026-5-2"), "single digits are padded").toBe("2026-05-02");
    expect(normalizeDate("20260512"), "digits only").toBe("2026-05-12");
    expect(normalizeDate(" 2026/05/12 ")).toBe("2026-05-12");
  });

  it("refuse what is not a real day, and day-first or month-first orders", () => {
    expect(normalizeDate("2026-02-30"), "no 30 February").toBeNull();
    expect(normalizeDate("2026-13-01")).toBeNull();
    expect(normalizeDate("12/05/2026"), "ambiguous day/month orders are refused").toBeNull();
    expect(normalizeDate("2026-05-1x")).toBeNull();
    expect(normalizeDate("")).toBeNull();
  });

  it("show an empty field's placeholder in the reader's language", () => {
    expect(translate("es", "date.placeholder")).toBe("aaaa-mm-dd");
    expect(translate("en", "date.placeholder")).toBe("yyyy-mm-dd");
    expect(translate("zh", "date.placeholder")).toBe("年-月-日");
  });
});
