// Words for codes the backend records (audit actions, resolution reasons, reasons Cuadra gives),
// shared by the audit log and the case history. An unknown code is shown as it is.

import type { I18n, MessageKey } from "../i18n/i18n";
import { storedText } from "../i18n/backendText";

const REASONS = [
  "refunded_to_buyer",
  "written_off",
  "shop_corrected",
  "refund_pending_at_psp",
  "not_our_order",
  "accepted_late_payment",
  "other",
] as const;

/** "case_resolve" -> "Case resolved", in the reader's language. */
export function auditActionLabel(i18n: I18n, action: string): string {
  return i18n.tMaybe(`audit.action.${action}`, action);
}

/** A recorded reason: a reason code, a message Cuadra recorded, or what a person wrote. */
export function reasonText(i18n: I18n, reason: string): string {
  if ((REASONS as readonly string[]).includes(reason)) return i18n.t(`reason.${reason}` as MessageKey);
  return storedText(reason, i18n.lang);
}
