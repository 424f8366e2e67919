// The dashboard charts rendered in jsdom: a value axis in the window's money form, a day axis,
// one chart per currency, and counts on the bars.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { I18nProvider } from "../../i18n/i18n";
import { AgingChart, DailyChart, valueTicks } from "./charts";
import type { AgingPoint, DailyPoint } from "../../ipc";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLElement;
let root: Root;
beforeEach(() => {
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const texts = (selector: string) => [...container.querySelectorAll(selector)].map((e) => e.textContent);

describe("value axis ticks", () => {
  it("step by 1, 2 or 5 times a power of ten from zero past the largest value", () => {
    expect(valueTicks(1_730_000)).toEqual({ ticks: [0, 500_000, 1_000_000, 1_500_000, 2_000_000], top: 2_000_000, decimals: 0 });
    expect(valueTicks(80)).toEqual({ ticks: [0, 20, 40, 60, 80], top: 80, decimals: 0 });
    expect(valueTicks(0.9).decimals, "small USD amounts keep their decimals").toBe(1);
    expect(valueTicks(0)).toEqual({ ticks: [0], top: 1, decimals: 0 });
  });
});

describe("dashboard charts", () => {
  it("draw paid against settled per day on a labelled money axis, one chart per currency", () => {
    const points: DailyPoint[] = [
      { date: "2026-05-01", paid: "1200000", settled: "900000", currency: "COP" },
      { date: "2026-05-02", paid: "1730000", settled: "1500000", currency: "COP" },
      { date: "2026-05-01", paid: "14789.909564", settled: "0", currency: "USD" },
    ];
    act(() => root.render(<I18nProvider lang="es"><DailyChart points={points} /></I18nProvider>));
    const cop = container.querySelector('[data-testid="chart-daily-COP"]')!;
    const usd = container.querySelector('[data-testid="chart-daily-USD"]')!;
    expect(cop, "a chart for pesos").not.toBeNull();
    expect(usd, "and one for dollars, never on the same scale").not.toBeNull();
    expect([...cop.querySelectorAll('[data-testid="chart-daily-tick"]')].map((e) => e.textContent)).toEqual([
      "COP 0",
      "COP 500.000",
      "COP 1.000.000",
      "COP 1.500.000",
      "COP 2.000.000",
    ]);
    expect(cop.textContent, "the value axis names its currency").toContain("Monto (COP)");
    expect(cop.textContent, "the day axis").toContain("1 de may");
    expect(usd.querySelector("title")?.textContent, "bar tooltips in the same money form").toBe("2026-05-01 · Pagado: USD 14.789,91");
    expect(texts('[data-testid="chart-daily"]').length, "each chart keeps the chart-daily hook").toBe(2);
  });

  it("put counts on the aging bars and each bucket's amount under it, per currency", () => {
    const points: AgingPoint[] = [
      { bucket: "0_1d", count: 3, amount: "149400", currency: "COP" },
      { bucket: "1_3d", count: 1, amount: "49800", currency: "COP" },
    ];
    act(() => root.render(<I18nProvider lang="en"><AgingChart points={points} onPick={() => undefined} /></I18nProvider>));
    expect(texts('[data-testid="chart-aging-amount"]')).toEqual(["COP 149,400", "COP 49,800"]);
    expect(texts(".chart-value")).toEqual(["3", "1"]);
    expect(container.querySelector('[data-testid="chart-aging"] rect title')?.textContent, "the exact amount in the tooltip").toBe("COP 149400");
  });
});
