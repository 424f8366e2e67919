// Times for display. `formatTime` is THE way a time is shown in the window: every instant the
// backend sends (case times with the zone's offset applied, audit events, closes, import times
// and the as-of as stored UTC `...Z`) is shown as the wall clock of the workspace zone, never the
// browser's, and `withZone` labels it ("2026-05-06 22:30 (Bogotá)", "…（哥伦比亚时间）").
// A time without an offset is shown as written; a date stays a date.

import type { Lang } from "../ipc/types";
import { localeOf } from "./money";

const RFC3339 = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** "2026-05-02T10:30:00-05:00" -> "2026-05-02 10:30" (the offset's own wall clock). */
export function formatDateTime(text: string | null | undefined): string {
  if (!text) return "";
  const m = RFC3339.exec(text.trim());
  if (!m) return text;
  return m[2] === undefined ? (m[1] ?? text) : `${m[1]} ${m[2]}:${m[3]}`;
}

/** The date part of an RFC 3339 text, in its own offset: "2026-05-02". */
export function datePart(text: string | null | undefined): string {
  if (!text) return "";
  const m = RFC3339.exec(text.trim());
  return m?.[1] ?? text;
}

/** The offset as written ("-05:00", "Z"), for tooltips; "" when none. */
export function offsetOf(text: string | null | undefined): string {
  if (!text) return "";
  return RFC3339.exec(text.trim())?.[5] ?? "";
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** A stored UTC instant as "2025-11-25 13:02" in `zone`; the text unchanged if not an instant. */
export function formatInstantInZone(rfc3339: string, zone: string): string {
  const ms = Date.parse(rfc3339);
  if (Number.isNaN(ms)) return rfc3339;
  let format = zoneFormats.get(zone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat("en-CA", {
        timeZone: zone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      });
    } catch {
      return formatDateTime(rfc3339);
    }
    zoneFormats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/**
 * THE way a time is shown: "2026-05-06 22:30", the wall clock in the workspace `zone`, whatever
 * offset the text carries (so UTC audit times and Bogotá case times agree). A date stays a date;
 * a time without an offset is shown as written; other text is shown as it is.
 */
export function formatTime(text: string | null | undefined, zone: string): string {
  if (!text) return "";
  const m = RFC3339.exec(text.trim());
  if (!m) return text;
  if (m[2] === undefined || m[5] === undefined) return formatDateTime(text);
  // Rebuilt without the fraction and with "+hh:mm", the one form every engine's Date.parse
  // reads (WebKit's included); the minutes shown never depend on the fraction.
  const offset = m[5] === "Z" ? "Z" : `${m[5].slice(0, 3)}:${m[5].slice(-2)}`;
  return formatInstantInZone(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? "00"}${offset}`, zone);
}

/** `text` labelled with the zone: "Paid at (Bogotá)", "付款时间（哥伦比亚时间）". */
export function withZone(text: string, zone: string, lang: Lang): string {
  const name = zoneLabel(zone, lang);
  return lang === "zh" ? `${text}（${name}）` : `${text} (${name})`;
}

/** A time as a reader sees it on its own: "2026-05-06 22:30 (Bogotá)"; dates are not labelled. */
export function formatTimeWithZone(text: string | null | undefined, zone: string, lang: Lang): string {
  const shown = formatTime(text, zone);
  if (!shown || !text) return shown;
  const m = RFC3339.exec(text.trim());
  return m && m[2] !== undefined && m[5] !== undefined ? withZone(shown, zone, lang) : shown;
}

/** "2026-05" -> "mayo de 2026" / "May 2026" / "2026年5月". */
export function formatPeriod(period: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return new Intl.DateTimeFormat(localeOf(lang), {
    timeZone: "UTC",
    year: "numeric",
    month: "long",
  }).format(date);
}

/** "2026-05-02" -> "2 may" / "May 2" / "5月2日", for chart axes. */
export function formatShortDate(date: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(localeOf(lang), {
    timeZone: "UTC",
    month: "short",
    day: "numeric",
  }).format(d);
}

/** Seconds as "1:05" or "1:02:05" (language-neutral). */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

const UTC_NAMES = new Set(["UTC", "Etc/UTC", "Etc/UCT", "UCT", "GMT", "Etc/GMT", "Etc/GMT+0", "Etc/GMT-0", "Etc/GMT0", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu"]);

/**
 * An IANA zone as people read it: "UTC"; `Etc/GMT+4` as "GMT-04" (the IANA `Etc/` names carry
 * the POSIX sign, the opposite of what they mean); Bogotá by its name; any other zone as named.
 */
export function zoneLabel(zone: string, lang: Lang): string {
  const name = zone.trim();
  if (UTC_NAMES.has(name)) return "UTC";
  const etc = /^Etc\/GMT([+-])(\d{1,2})$/.exec(name);
  if (etc) return `GMT${etc[1] === "+" ? "-" : "+"}${etc[2]!.padStart(2, "0")}`;
  if (name === "America/Bogota") return lang === "zh" ? "哥伦比亚时间" : "Bogotá";
  return name;
}
