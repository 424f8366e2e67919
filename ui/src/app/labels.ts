// Words for codes the backend records (audit actions, resolution reasons, reasons Cuadra gives),
// shared by the audit log and the case history. An unknown code is shown as it is.

import type { I18n, MessageKey } from "../i18n/i18n";
import { renderMsg, storedText } from "../i18n/backendText";
import { RESOLVE_REASONS } from "../ipc/types";

/** How reopenings by new data were recorded before reasons were messages. */
const OLD_REOPEN_WHY = "its order or settlement lines changed after it was resolved";

/** "case_resolve" -> "Case resolved", in the reader's language. */
export function auditActionLabel(i18n: I18n, action: string): string {
  return i18n.tMaybe(`audit.action.${action}`, action);
}

/** A recorded reason: a reason code, a message Cuadra recorded, or what a person wrote. */
export function reasonText(i18n: I18n, reason: string): string {
  if ((RESOLVE_REASONS as readonly string[]).includes(reason)) return i18n.t(`reason.${reason}` as MessageKey);
  if (reason === OLD_REOPEN_WHY) return renderMsg({ k: "case.reopen_why" }, i18n.lang);
  return storedText(reason, i18n.lang);
}

/** Payment methods known under several spellings in PSP and shop files, by their one name. */
const METHOD_NAMES: [RegExp, string][] = [
  // "EY" (dLocal's code), "Efecty", "dLocal - Efecty", "efecty": one network, one name.
  [/^(ey|.*\befecty\b.*)$/, "Efecty"],
  [/^pse$/, "PSE"],
  [/^baloto$/, "Baloto"],
];

/** A payment method as the window names it ("EY" -> "Efecty"); an unknown one as written. */
export function paymentMethodLabel(raw: string | null | undefined): string {
  if (!raw) return "";
  const words = raw.trim().toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  return METHOD_NAMES.find(([pattern]) => pattern.test(words))?.[1] ?? raw.trim();
}

/** The stored spellings grouped under their name, for a filter that shows each name once. */
export function paymentMethodGroups(raws: readonly string[]): { label: string; values: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const raw of raws) {
    const label = paymentMethodLabel(raw);
    groups.set(label, [...(groups.get(label) ?? []), raw]);
  }
  return [...groups].map(([label, values]) => ({ label, values })).sort((a, b) => a.label.localeCompare(b.label));
}
