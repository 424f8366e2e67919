import { describe, expect, it } from "vitest";
import { activeFilterCount, EMPTY_FORM, formFromFilter, parseUserAmount, toCaseFilter, toCaseSort } from "./filters";

describe("amounts typed by a person", () => {
  it("reads each language's separators", () => {
    expect(parseUserAmount("1.500.000,50", "es")).toBe("1500000.50");
    expect(parseUserAmount("$ 150.000", "es"), "a pasted peso amount").toBe("150000");
    expect(parseUserAmount("1,500,000.50", "en")).toBe("1500000.50");
    expect(parseUserAmount("COP 2,500", "zh")).toBe("2500");
    expect(parseUserAmount("-1.000", "es")).toBe("-1000");
  });

  it("refuses what is not an amount", () => {
    expect(parseUserAmount("abc", "es")).toBeNull();
    expect(parseUserAmount("1,2,3.4.5", "en")).toBeNull();
    expect(parseUserAmount("", "en")).toBeNull();
  });
});

describe("filters to the list_cases request", () => {
  it("maps an empty form to an empty filter", () => {
    const { filter, invalid } = toCaseFilter(EMPTY_FORM, "es");
    expect(filter).toEqual({
      statuses: [],
      psps: [],
      payment_methods: [],
      period: null,
      date_from: null,
      date_to: null,
      amount_min: null,
      amount_max: null,
      text: null,
      state: null,
      expiring_within_hours: null,
    });
    expect(invalid).toEqual([]);
    expect(activeFilterCount(filter)).toBe(0);
  });

  it("maps every field, with snake_case names and decimal strings", () => {
    const { filter } = toCaseFilter(
      {
        ...EMPTY_FORM,
        statuses: ["underpaid", "matched"],
        psps: ["payu"],
        methods: ["efecty"],
        period: "2026-05",
        dateFrom: "2026-05-01",
        dateTo: "2026-05-31",
        amountMin: "100.000",
        amountMax: "2.000.000,5",
        text: "  #1002 ",
        state: "open",
        expiringWithinHours: 24,
      },
      "es",
    );
    expect(filter).toEqual({
      statuses: ["matched", "underpaid"],
      psps: ["payu"],
      payment_methods: ["efecty"],
      period: "2026-05",
      date_from: "2026-05-01",
      date_to: "2026-05-31",
      amount_min: "100000",
      amount_max: "2000000.5",
      text: "#1002",
      state: "open",
      expiring_within_hours: 24,
    });
    expect(activeFilterCount(filter)).toBe(9);
  });

  it("leaves out unreadable fields and says which", () => {
    const { filter, invalid } = toCaseFilter({ ...EMPTY_FORM, amountMin: "lots", dateTo: "31/05/2026" }, "en");
    expect(filter.amount_min).toBeNull();
    expect(filter.date_to).toBeNull();
    expect([...invalid].sort()).toEqual(["amountMin", "dateTo"]);
  });

  it("swaps a backwards date range", () => {
    const { filter } = toCaseFilter({ ...EMPTY_FORM, dateFrom: "2026-05-31", dateTo: "2026-05-01" }, "en");
    expect([filter.date_from, filter.date_to]).toEqual(["2026-05-01", "2026-05-31"]);
  });

  it("takes the dashboard's filter into the form", () => {
    const form = formFromFilter({ statuses: ["awaiting_payment"], state: "open", expiring_within_hours: 24, period: null });
    expect(toCaseFilter(form, "es").filter).toMatchObject({ statuses: ["awaiting_payment"], state: "open", expiring_within_hours: 24, period: null });
  });

  it("maps the table's sort state, with a safe default", () => {
    expect(toCaseSort([{ id: "order_total", desc: false }])).toEqual({ column: "order_total", direction: "asc" });
    expect(toCaseSort([{ id: "paid_at", desc: true }])).toEqual({ column: "paid_at", direction: "desc" });
    expect(toCaseSort([]), "no sort: newest first").toEqual({ column: "event_at", direction: "desc" });
    expect(toCaseSort([{ id: "select", desc: false }]), "not a backend column").toEqual({ column: "event_at", direction: "desc" });
  });
});
