// Renders the backend's structured messages (case explanations, import problems, errors) in the
// reader's language, from the core's own catalog (messages/backend.generated.ts). The same algorithm as
// `cuadra_core::words::Msg::render`; a test compares both on the samples the Rust side rendered.
// Amounts are formatted on their digits, never through a float. In the window, amounts take the
// window's one money form and a few sentences the window's own wording (see RenderStyle).

import type { Lang, Msg, MsgArg } from "../ipc/types";
import { parseDecimal } from "../format/decimal";
import { currencyDigits, formatMoney } from "../format/money";
import { BACKEND_MESSAGES } from "./messages/backend.generated";
import { WINDOW_WORDING } from "./windowWording";

/**
 * How a sentence is rendered. The window (the default) shows amounts as every other amount on
 * screen (`formatMoney`, minor units) and uses its own wording where the catalog speaks to CLI
 * users (flags, commands). `CATALOG` renders exactly as `cuadra_core::words::Msg::render`, which
 * the parity test and nothing else needs.
 */
export interface RenderStyle {
  money: (amount: string, currency: string | undefined, lang: Lang) => string;
  window: boolean;
}
export const WINDOW: RenderStyle = { money: (m, c, lang) => formatMoney(m, c ?? null, lang), window: true };
export const CATALOG: RenderStyle = { money: messageMoney, window: false };

const SEPARATORS: Record<"comma" | "semi" | "and", Record<Lang, [string, string]>> = {
  comma: { en: [", ", ", "], es: [", ", ", "], zh: ["、", "、"] },
  semi: { en: ["; ", "; "], es: ["; ", "; "], zh: ["；", "；"] },
  and: { en: [", ", " and "], es: [", ", " y "], zh: ["、", " 和 "] },
};

/** `COP 150.000` (es), `COP 150,000` (en, zh): as `cuadra_core::words::push_money`. */
export function messageMoney(text: string, currency: string | undefined, lang: Lang): string {
  const p = parseDecimal(text);
  if (!p) return text;
  const [group, point] = lang === "es" ? [".", ","] : [",", "."];
  const code = currency?.trim() ?? "";
  const usual = code ? currencyDigits(code) : 2;
  const frac = p.frac.replace(/0+$/, "");
  const needed = frac.length;
  const scale = needed === 0 && usual === 0 ? 0 : needed > usual ? Math.max(needed, 2) : usual;
  const digits = (frac + "0".repeat(scale)).slice(0, scale);
  let int = "";
  for (let i = 0; i < p.int.length; i++) {
    if (i > 0 && (p.int.length - i) % 3 === 0) int += group;
    int += p.int[i];
  }
  const sign = p.negative ? "-" : "";
  return `${code ? code + " " : ""}${sign}${int}${digits ? point + digits : ""}`;
}

function capitalizeFirst(text: string): string {
  const first = text.charAt(0);
  return first === first.toLowerCase() && first !== first.toUpperCase()
    ? first.toUpperCase() + text.slice(1)
    : text;
}

function isMsg(arg: object): arg is Msg {
  return "k" in arg;
}

function renderArg(arg: MsgArg, lang: Lang, style: RenderStyle): string {
  if (typeof arg === "string") return arg;
  if (typeof arg === "number") return String(arg);
  if (typeof arg !== "object" || arg === null) return "";
  if ("m" in arg) return style.money(arg.m, arg.c, lang);
  if ("s" in arg) return capitalizeFirst(renderInner(arg.s, lang, style));
  if ("l" in arg) {
    const [sep, last] = (SEPARATORS[arg.j] ?? SEPARATORS.comma)[lang];
    return arg.l
      .map((item, i) => (i === 0 ? "" : i === arg.l.length - 1 ? last : sep) + renderArg(item, lang, style))
      .join("");
  }
  if (isMsg(arg)) return renderInner(arg, lang, style);
  return "";
}

function renderInner(msg: Msg, lang: Lang, style: RenderStyle): string {
  const args = msg.a ?? [];
  const entry = (style.window ? WINDOW_WORDING[msg.k] : undefined) ?? BACKEND_MESSAGES[msg.k];
  if (!entry) {
    // A key from a newer version: its key and arguments rather than nothing.
    return [msg.k, ...args.map((a) => renderArg(a, lang, style))].join(" ");
  }
  return entry[lang].replace(/\{(\d+)\}/g, (_, i: string) => {
    const arg = args[Number(i)];
    return arg === undefined ? "" : renderArg(arg, lang, style);
  });
}

/** The message as a sentence in `lang`, its first letter capitalized (verbatim text stays as written). */
export function renderMsg(msg: Msg, lang: Lang, style: RenderStyle = WINDOW): string {
  const text = renderInner(msg, lang, style);
  return msg.k === "verbatim" ? text : capitalizeFirst(text);
}

/** Text stored by the backend: a message's JSON rendered in `lang`, anything else as written. */
export function storedText(text: string, lang: Lang): string {
  if (text.startsWith('{"')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === "object" && parsed !== null && typeof (parsed as Msg).k === "string") {
        return renderMsg(parsed as Msg, lang);
      }
    } catch {
      // Not a message: shown as written.
    }
  }
  return text;
}

/** The message as it reads inside another sentence (after a colon, in parentheses): as
 * `renderMsg`, without capitalizing its first letter. */
export function renderMsgInline(msg: Msg, lang: Lang, style: RenderStyle = WINDOW): string {
  return renderInner(msg, lang, style);
}
