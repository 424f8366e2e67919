// Money and counts for display, per language. Amounts arrive as exact decimal strings; they are
// rounded and grouped on their digits (see decimal.ts), and Intl only supplies the locale's
// pattern (symbol position, separators, minus sign), so no amount ever passes through a float.

import type { Lang } from "../ipc/types";
import { parseDecimal, roundDecimal } from "./decimal";

const LOCALES: Record<Lang, string> = { es: "es-CO", en: "en-US", zh: "zh-CN" };

export function localeOf(lang: Lang): string {
  return LOCALES[lang];
}

/** Fraction digits shown for a currency: COP none (Colombian practice), else ISO 4217's. */
export function currencyDigits(currency: string): number {
  if (currency === "COP") return 0;
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

interface Separators {
  group: string;
  decimal: string;
}

const separatorCache = new Map<string, Separators>();

function separators(locale: string): Separators {
  let s = separatorCache.get(locale);
  if (!s) {
    const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
    s = {
      group: parts.find((p) => p.type === "group")?.value ?? ",",
      decimal: parts.find((p) => p.type === "decimal")?.value ?? ".",
    };
    separatorCache.set(locale, s);
  }
  return s;
}

/** "1234567" -> "1.234.567" with the locale's group separator, always grouping from 4 digits. */
export function groupDigits(int: string, lang: Lang): string {
  const sep = separators(localeOf(lang)).group;
  let out = "";
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) out += sep;
    out += int[i];
  }
  return out;
}

const templateCache = new Map<string, Intl.NumberFormatPart[]>();

/** The locale's pattern for a currency amount, taken from formatting 1 or -1. */
function template(lang: Lang, currency: string | null, digits: number, negative: boolean) {
  const key = `${lang}|${currency ?? ""}|${digits}|${negative}`;
  let parts = templateCache.get(key);
  if (!parts) {
    const options: Intl.NumberFormatOptions = {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    };
    if (currency) {
      options.style = "currency";
      options.currency = currency;
    }
    let nf: Intl.NumberFormat;
    try {
      nf = new Intl.NumberFormat(localeOf(lang), options);
    } catch {
      // An unknown currency code: show the code before a plain number.
      nf = new Intl.NumberFormat(localeOf(lang), {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    }
    parts = nf.formatToParts(negative ? -1 : 1);
    if (currency && !parts.some((p) => p.type === "currency")) {
      parts = [{ type: "currency", value: currency }, { type: "literal", value: " " }, ...parts];
    }
    templateCache.set(key, parts);
  }
  return parts;
}

/**
 * "150000" COP in es -> "$ 150.000"; "-12.5" USD in en -> "-$12.50". Like the core's
 * explanations, a value with more decimals than its currency shows them (at least two), so half a
 * peso never displays as zero: "0.5" COP -> "$ 0,50". Text that is not a decimal is shown as it
 * is; null shows as an empty string.
 */
export function formatMoney(
  amount: string | null | undefined,
  currency: string | null | undefined,
  lang: Lang,
): string {
  if (amount === null || amount === undefined || amount === "") return "";
  const usual = currency ? currencyDigits(currency) : 0;
  const needed = significantDigits(amount);
  const digits = needed > usual ? Math.max(needed, 2) : usual;
  const rounded = roundDecimal(amount, digits);
  if (!rounded) return amount;
  const sep = separators(localeOf(lang));
  let out = "";
  for (const part of template(lang, currency ?? null, digits, rounded.negative)) {
    if (part.type === "integer") out += groupDigits(rounded.int, lang);
    else if (part.type === "group") continue; // "1" has no groups; kept for safety
    else if (part.type === "fraction") out += rounded.frac;
    else if (part.type === "decimal") out += sep.decimal;
    else out += part.value;
  }
  return out;
}

/** Fraction digits without trailing zeros: "150000.00" -> 0, "12.50" -> 1. */
function significantDigits(text: string): number {
  const frac = parseDecimal(text)?.frac.replace(/0+$/, "") ?? "";
  return frac.length;
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
