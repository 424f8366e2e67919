// Money and counts for display, per language. Amounts arrive as exact decimal strings; they are
// rounded to the currency's minor units and grouped on their digits (see decimal.ts), so no
// amount ever passes through a float. One form everywhere: ISO code, then the amount.

import type { Lang } from "../ipc/types";
import { CURRENCY_SCALES, DEFAULT_CURRENCY_SCALE } from "../ipc/generated";
import { roundDecimal } from "./decimal";

const LOCALES: Record<Lang, string> = { es: "es-CO", en: "en-US", zh: "zh-CN" };

export function localeOf(lang: Lang): string {
  return LOCALES[lang];
}

/** A currency's minor units (ISO 4217; COP none, as Colombia writes pesos): the core's table
 * (`cuadra_core::money::CURRENCY_SCALES`, generated). */
export function currencyDigits(currency: string): number {
  return CURRENCY_SCALES[currency.trim().toUpperCase()] ?? DEFAULT_CURRENCY_SCALE;
}

/** Group and decimal separators per language: the ones Colombia and the US/China write. */
const SEPARATORS: Record<Lang, { group: string; decimal: string }> = {
  es: { group: ".", decimal: "," },
  en: { group: ",", decimal: "." },
  zh: { group: ",", decimal: "." },
};

/** "1234567" -> "1.234.567" with the language's group separator, grouping from 4 digits. */
export function groupDigits(int: string, lang: Lang): string {
  const sep = SEPARATORS[lang].group;
  let out = "";
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) out += sep;
    out += int[i];
  }
  return out;
}

/**
 * THE way an amount is shown anywhere in the window (tables, totals, explanations, charts):
 * the ISO code, then the amount rounded (half away from zero) to the currency's minor units and
 * grouped per language: "49800" COP -> "COP 49.800" (es), "COP 49,800" (en, zh);
 * "-12.5" USD -> "USD -12.50". The exact value belongs in a tooltip: see `moneyTitle`.
 * Without a currency, two decimals. Text that is not a decimal is shown as it is; null as "".
 */
export function formatMoney(
  amount: string | null | undefined,
  currency: string | null | undefined,
  lang: Lang,
): string {
  if (amount === null || amount === undefined || amount === "") return "";
  const code = currency?.trim().toUpperCase() ?? "";
  const digits = code ? currencyDigits(code) : 2;
  const rounded = roundDecimal(amount, digits);
  if (!rounded) return amount;
  const sign = rounded.negative ? "-" : "";
  const frac = digits > 0 ? SEPARATORS[lang].decimal + rounded.frac : "";
  return `${code ? `${code} ` : ""}${sign}${groupDigits(rounded.int, lang)}${frac}`;
}

/** The exact stored value for a tooltip: "USD 14789.909564" (never rounded, never grouped). */
export function moneyTitle(amount: string | null | undefined, currency: string | null | undefined): string | undefined {
  if (amount === null || amount === undefined || amount === "") return undefined;
  const code = currency?.trim().toUpperCase() ?? "";
  return code ? `${code} ${amount.trim()}` : amount.trim();
}

/** A count with the locale's digit grouping ("12.345" in Spanish). */
export function formatCount(n: number, lang: Lang): string {
  const negative = n < 0;
  const grouped = groupDigits(String(Math.trunc(Math.abs(n))), lang);
  return negative ? `-${grouped}` : grouped;
}

/** Bytes as "12,3 MB" with the locale's decimal separator. */
export function formatBytes(n: number, lang: Lang): string {
  const units = ["B", "KB", "MB", "GB"];
  let value = n;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const text = new Intl.NumberFormat(localeOf(lang), {
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
  return `${text} ${units[unit]}`;
}
