// The language layer: a context holding the current language, `t` for messages and the
// locale-aware formatters. Switching language re-renders everything live; nothing is cached
// per language outside the message tables (messages/*.ts).

import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Lang } from "../ipc";
import { formatCount, formatMoney, localeOf } from "../format/money";
import { en, type MessageKey } from "./messages/en";
import { es } from "./messages/es";
import { zh } from "./messages/zh";

export type { MessageKey } from "./messages/en";

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { es, en, zh };

/** Each language by its own name, the same in every language. */
export const LANG_NAMES: Record<Lang, string> = { es: "Español", en: "English", zh: "中文" };

export type Vars = Record<string, string | number>;

/** The message for `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const text = MESSAGES[lang][key] ?? MESSAGES.en[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/**
 * A value inserted into a sentence: in Chinese, a Latin word or a number next to Chinese
 * characters gets a half-width space on that side ("按 UTC 读取", "按哥伦比亚时间读取").
 */
export function inlineValue(value: string, lang: Lang): string {
  if (lang !== "zh") return value;
  const latin = /[A-Za-z0-9]/;
  return `${latin.test(value.charAt(0)) ? " " : ""}${value}${latin.test(value.charAt(value.length - 1)) ? " " : ""}`;
}

/** Message keys that come as a set of plural forms: `<base>.one` and `<base>.other`. */
export type PluralBase = BaseOf<MessageKey, "one"> & BaseOf<MessageKey, "other">;
type BaseOf<K, Form extends string> = K extends `${infer B}.${Form}` ? B : never;

const pluralRules = new Map<Lang, Intl.PluralRules>();

/**
 * The count sentence for `n` in `lang`: the form Intl.PluralRules picks ("one" for 1 in es/en,
 * always "other" in Chinese), `{n}` filled with the grouped count unless `vars` gives it.
 */
export function translatePlural(lang: Lang, base: PluralBase, n: number, vars?: Vars): string {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(localeOf(lang));
    pluralRules.set(lang, rules);
  }
  const form = `${base}.${rules.select(n)}`;
  const key = isMessageKey(form) ? form : (`${base}.other` as MessageKey);
  return translate(lang, key, { n: formatCount(n, lang), ...vars });
}

/** Whether `key` is a message (for keys built from backend values, e.g. status names). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

export interface I18n {
  lang: Lang;
  t: (key: MessageKey, vars?: Vars) => string;
  /** A count sentence in its plural form: tp("cases.total", 1) -> "1 case". */
  tp: (base: PluralBase, n: number, vars?: Vars) => string;
  /** Message for a key built at run time; `fallback` when there is none. */
  tMaybe: (key: string, fallback: string) => string;
  money: (amount: string | null | undefined, currency: string | null | undefined) => string;
  count: (n: number) => string;
}

export function makeI18n(lang: Lang): I18n {
  return {
    lang,
    t: (key, vars) => translate(lang, key, vars),
    tp: (base, n, vars) => translatePlural(lang, base, n, vars),
    tMaybe: (key, fallback) => (isMessageKey(key) ? translate(lang, key) : fallback),
    money: (amount, currency) => formatMoney(amount, currency, lang),
    count: (n) => formatCount(n, lang),
  };
}

const I18nContext = createContext<I18n>(makeI18n("es"));

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo(() => makeI18n(lang), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
