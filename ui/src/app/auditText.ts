// Words for what an audit event recorded: its subject ("case:order:shopify:1001" -> "Order 1001
// (shopify)") and its change (the before/after JSON the core stores -> "Open → Resolved"). The
// window shows these; the stored text stays one click away (a "Raw record" disclosure) and in
// tooltips. Anything not understood is left out of the words rather than shown as code.

import type { AuditEvent } from "../ipc";
import { CASE_STATUSES, REPORT_KINDS } from "../ipc/types";
import type { I18n, MessageKey } from "../i18n/i18n";
import { formatPeriod, formatTimeWithZone } from "../format/time";

/** The subject of an event in words; the stored subject when it is of an unknown kind. */
export function auditSubjectText(i18n: I18n, subject: string): string {
  const { t } = i18n;
  const [kind, ...rest] = subject.split(":");
  const tail = rest.join(":");
  switch (kind) {
    case "order":
    case "line":
      // A case key recorded without its "case:" prefix.
      return auditSubjectText(i18n, `case:${subject}`);
    case "case": {
      const [side, source, ...ref] = rest;
      if (side === "order" && source && ref.length) return t("audit.subject.order", { ref: ref.join(":"), source });
      if (side === "line" && source) return t("audit.subject.line", { source });
      return subject;
    }
    case "file":
      return t("audit.subject.file");
    case "run":
      return t("audit.subject.run");
    case "period":
      return t("audit.subject.period", { period: formatPeriod(tail, i18n.lang) });
    case "setting":
      return t("audit.subject.setting", { name: settingName(i18n, tail) });
    case "report":
      return t("audit.subject.report", {
        name: (REPORT_KINDS as readonly string[]).includes(tail) ? t(`export.kind.${tail}` as MessageKey) : tail,
      });
    default:
      return subject;
  }
}

function settingName(i18n: I18n, key: string): string {
  const { t } = i18n;
  const [base, psp] = key.split(/\.(.*)/s);
  if (psp && base === "zone") return t("settings.zone_psp", { psp });
  if (psp && base === "validity_hours") return t("settings.validity_psp", { psp });
  const names: Record<string, MessageKey> = {
    zone: "settings.zone",
    tolerance: "settings.tolerance",
    validity_hours: "settings.validity",
    grace_days: "settings.grace",
    retention_years: "settings.retention",
    lang: "settings.lang",
    actor: "settings.actor",
  };
  return names[key] ? t(names[key]) : key;
}

type Recorded = Record<string, unknown> | string | null;

/** A stored before/after: its JSON object or value, else the text as written. */
function read(text: string | null): Recorded {
  if (text === null || text === "") return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
    return null;
  } catch {
    return text;
  }
}

function stateWord(i18n: I18n, state: unknown): string | null {
  if (state === "open") return i18n.t("state.open");
  if (state === "resolved") return i18n.t("state.resolved");
  if (state === "closed") return i18n.t("audit.closed");
  return null;
}

function statusWord(i18n: I18n, status: unknown): string | null {
  return typeof status === "string" && (CASE_STATUSES as readonly string[]).includes(status)
    ? i18n.t(`status.${status}` as MessageKey)
    : null;
}

/** "underpaid/open" (how the fake backend records a case's change): status and state. */
function statusAndState(i18n: I18n, text: string): string | null {
  const m = /^([a-z_]+)\/(open|resolved)$/.exec(text);
  if (!m) return null;
  const status = statusWord(i18n, m[1]);
  const state = stateWord(i18n, m[2]);
  return status && state ? `${status} · ${state}` : null;
}

/** What an event changed, in words ("Open → Resolved · 2 lines"); "" when there is nothing to say. */
export function auditChangeText(i18n: I18n, event: AuditEvent, zone: string): string {
  const before = read(event.before);
  const after = read(event.after);
  const parts: string[] = [];
  const obj = (v: Recorded) => (typeof v === "object" && v !== null ? v : null);
  const b = obj(before);
  const a = obj(after);
  if (b || a) {
    const from = stateWord(i18n, b?.state);
    const to = stateWord(i18n, a?.state);
    if (from && to && from !== to) parts.push(`${from} → ${to}`);
    else if (to) parts.push(to);
    const status = statusWord(i18n, a?.status);
    if (status) parts.push(i18n.t("audit.change.status", { status }));
    if (Array.isArray(a?.links) && a.links.length) parts.push(i18n.tp("audit.change.lines", a.links.length));
    if (typeof a?.as_of === "string") parts.push(i18n.t("audit.change.as_of", { at: formatTimeWithZone(a.as_of, zone, i18n.lang) }));
    const name = typeof a?.name === "string" ? a.name : typeof b?.name === "string" ? b.name : null;
    if (name) parts.push(name);
    return parts.join(" · ");
  }
  // Plain values (a setting's old and new value, a file name).
  const word = (v: Recorded) =>
    typeof v === "string" ? (statusAndState(i18n, v) ?? v) : i18n.t("audit.change.unset");
  const [sb, ab] = [before, after].map((v) => (typeof v === "string" ? /^([a-z_]+)\/(open|resolved)$/.exec(v) : null));
  if (sb && ab && sb[1] === ab[1]) return `${stateWord(i18n, sb[2])} → ${stateWord(i18n, ab[2])}`;
  if (before !== null) return `${word(before)} → ${word(after)}`;
  return after !== null ? word(after) : "";
}
