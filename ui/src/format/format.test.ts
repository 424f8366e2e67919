import { describe, expect, it } from "vitest";
import { formatCount, formatMoney, moneyTitle } from "./money";
import { compareDecimals, fromScaled, parseDecimal, sumDecimals, toScaled } from "./decimal";
import { datePart, formatDateTime, formatInstantInZone, formatPeriod, formatTime, formatTimeWithZone, withZone, zoneLabel } from "./time";
import { inlineValue } from "../i18n/i18n";

describe("money", () => {
  it("shows COP with its ISO code and no decimals, grouped per language", () => {
    expect(formatMoney("49800", "COP", "es"), "Colombian grouping with '.'").toBe("COP 49.800");
    expect(formatMoney("49800", "COP", "en")).toBe("COP 49,800");
    expect(formatMoney("49800", "COP", "zh")).toBe("COP 49,800");
    expect(formatMoney("1234", "COP", "es"), "four digits are grouped too").toBe("COP 1.234");
    expect(formatMoney("150000.00", "COP", "es"), "zero cents are not shown").toBe("COP 150.000");
  });

  it("rounds to the currency's minor units, half away from zero", () => {
    expect(formatMoney("14789.909564", "USD", "en"), "dLocal's six USD decimals round to cents").toBe("USD 14,789.91");
    expect(formatMoney("14789.909564", "USD", "es")).toBe("USD 14.789,91");
    expect(formatMoney("0.5", "COP", "es"), "half a peso rounds up").toBe("COP 1");
    expect(formatMoney("150000.49", "COP", "en")).toBe("COP 150,000");
    expect(formatMoney("1.005", "USD", "en")).toBe("USD 1.01");
    expect(formatMoney("7.5", "KWD", "en"), "three-decimal currencies keep three").toBe("KWD 7.500");
  });

  it("shows USD with two decimals in every language", () => {
    expect(formatMoney("1234.5", "USD", "en")).toBe("USD 1,234.50");
    expect(formatMoney("1234.5", "USD", "es")).toBe("USD 1.234,50");
    expect(formatMoney("1234.5", "USD", "zh")).toBe("USD 1,234.50");
  });

  it("puts the minus sign after the code, and minus zero is zero", () => {
    expect(formatMoney("-2500", "COP", "es")).toBe("COP -2.500");
    expect(formatMoney("-12.5", "USD", "en")).toBe("USD -12.50");
    expect(formatMoney("-0", "COP", "es")).toBe("COP 0");
    expect(formatMoney("-0.4", "COP", "en"), "rounds to zero: no minus").toBe("COP 0");
  });

  it("keeps every digit of amounts beyond a float's precision", () => {
    expect(formatMoney("12345678901234567890.12", "USD", "en")).toBe("USD 12,345,678,901,234,567,890.12");
    expect(formatMoney("9007199254740993", "COP", "en"), "2^53 + 1 would round as a number").toBe("COP 9,007,199,254,740,993");
  });

  it("leaves non-amounts alone", () => {
    expect(formatMoney("7", "XYZ", "en"), "an unknown code still shows, with two decimals").toBe("XYZ 7.00");
    expect(formatMoney("n/a", "COP", "es"), "text that is not a decimal is shown as it is").toBe("n/a");
    expect(formatMoney(null, "COP", "es"), "no amount shows nothing").toBe("");
  });

  it("keeps the exact stored value for the tooltip", () => {
    expect(moneyTitle("14789.909564", "USD")).toBe("USD 14789.909564");
    expect(moneyTitle("49800", "COP")).toBe("COP 49800");
    expect(moneyTitle(null, "COP")).toBeUndefined();
  });

  it("groups counts per language", () => {
    expect(formatCount(12345, "es")).toBe("12.345");
    expect(formatCount(1000000, "en")).toBe("1,000,000");
    expect(formatCount(999, "zh")).toBe("999");
  });
});

describe("decimal strings", () => {
  it("adds exactly, without floats", () => {
    expect(sumDecimals(["0.1", "0.2"]), "0.1 + 0.2 is 0.3 exactly").toBe("0.3");
    expect(sumDecimals(["150000", "-2500.50"])).toBe("147499.5");
    expect(sumDecimals([])).toBe("0");
  });

  it("compares and scales", () => {
    expect(compareDecimals("10", "9.99")).toBe(1);
    expect(compareDecimals("-1", "0")).toBe(-1);
    expect(compareDecimals("1.50", "1.5")).toBe(0);
    expect(toScaled("1.005", 2), "half away from zero").toBe(101n);
    expect(fromScaled(-1050n, 2)).toBe("-10.5");
    expect(parseDecimal("1,5"), "a comma is not a decimal point here").toBeNull();
  });
});

describe("times", () => {
  it("shows the wall clock of the offset the backend sent, not the browser's zone", () => {
    expect(formatDateTime("2026-05-02T10:30:00-05:00")).toBe("2026-05-02 10:30");
    expect(formatDateTime("2026-05-02T23:59:59+08:00"), "no conversion to any other zone").toBe("2026-05-02 23:59");
    expect(datePart("2026-05-02T23:59:59-05:00")).toBe("2026-05-02");
    expect(formatDateTime("2026-05-02"), "a date stays a date").toBe("2026-05-02");
  });

  it("shows stored UTC instants in the workspace zone", () => {
    expect(formatInstantInZone("2025-11-25T18:02:00Z", "America/Bogota"), "UTC-5, no DST").toBe("2025-11-25 13:02");
  });

  it("shows every instant as the workspace zone's wall clock, whatever offset it carries", () => {
    const bogota = "America/Bogota";
    expect(formatTime("2026-05-07T03:30:00Z", bogota), "a UTC audit time, 5 hours behind in Bogotá").toBe("2026-05-06 22:30");
    expect(formatTime("2026-05-07T03:30:00.123456Z", bogota), "microseconds as the audit log stores them").toBe("2026-05-06 22:30");
    expect(formatTime("2026-05-06T22:30:00-05:00", bogota), "a case time already in Bogotá stays as written").toBe("2026-05-06 22:30");
    expect(formatTime("2026-05-07T11:30:00+08:00", bogota)).toBe("2026-05-06 22:30");
    expect(formatTime("2026-05-06T22:30:00-0500", bogota), "an offset without a colon").toBe("2026-05-06 22:30");
    expect(formatTime("2026-05-06", bogota), "a date stays a date").toBe("2026-05-06");
    expect(formatTime("2026-05-06T22:30:00", bogota), "no offset: as written").toBe("2026-05-06 22:30");
    expect(formatTime(null, bogota)).toBe("");
    expect(formatTime("2026-05-07T03:30:00Z", "Asia/Shanghai"), "another workspace zone").toBe("2026-05-07 11:30");
  });

  it("labels a time with the workspace zone, in each language's punctuation", () => {
    expect(formatTimeWithZone("2026-05-07T03:30:00Z", "America/Bogota", "es")).toBe("2026-05-06 22:30 (Bogotá)");
    expect(formatTimeWithZone("2026-05-07T03:30:00Z", "America/Bogota", "en")).toBe("2026-05-06 22:30 (Bogotá)");
    expect(formatTimeWithZone("2026-05-07T03:30:00Z", "America/Bogota", "zh")).toBe("2026-05-06 22:30（哥伦比亚时间）");
    expect(formatTimeWithZone("2026-05-06", "America/Bogota", "en"), "a date needs no zone").toBe("2026-05-06");
    expect(withZone("Paid at", "America/Bogota", "en")).toBe("Paid at (Bogotá)");
    expect(withZone("付款时间", "America/Bogota", "zh")).toBe("付款时间（哥伦比亚时间）");
    expect(withZone("When", "UTC", "en")).toBe("When (UTC)");
  });

  it("names zones as people read them, with the sign of the offset they mean", () => {
    expect(zoneLabel("Etc/GMT+4", "en"), "IANA's Etc/GMT+4 is four hours behind UTC").toBe("GMT-04");
    expect(zoneLabel("Etc/GMT-5", "es")).toBe("GMT+05");
    expect(zoneLabel("Etc/GMT-14", "en")).toBe("GMT+14");
    expect(zoneLabel("UTC", "zh")).toBe("UTC");
    expect(zoneLabel("Etc/UTC", "en")).toBe("UTC");
    expect(zoneLabel("America/Bogota", "es")).toBe("Bogotá");
    expect(zoneLabel("America/Bogota", "zh"), "zones are translated in Chinese").toBe("哥伦比亚时间");
    expect(zoneLabel("America/Lima", "en"), "other zones keep their name").toBe("America/Lima");
  });

  it("spaces Latin values inside Chinese sentences, and only there", () => {
    expect(inlineValue("GMT-04", "zh")).toBe(" GMT-04 ");
    expect(inlineValue("哥伦比亚时间", "zh")).toBe("哥伦比亚时间");
    expect(inlineValue("GMT-04", "en")).toBe("GMT-04");
  });

  it("names months per language", () => {
    expect(formatPeriod("2026-05", "es")).toBe("mayo de 2026");
    expect(formatPeriod("2026-05", "en")).toBe("May 2026");
    expect(formatPeriod("2026-05", "zh")).toBe("2026年5月");
  });
});
