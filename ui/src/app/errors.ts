// Turns a rejection into the sentence a person reads, in their language: a known error code gives
// a translated headline and the backend's detail (a catalog message with the specifics, rendered
// here) follows in parentheses; any other code shows the detail alone. Never matches on text.

import { isApiError, KNOWN_ERROR_CODES, type KnownErrorCode } from "../ipc";
import type { I18n, MessageKey } from "../i18n/i18n";
import { renderMsg, renderMsgInline } from "../i18n/backendText";

export function errorText(i18n: I18n, error: unknown): string {
  if (isApiError(error)) {
    if ((KNOWN_ERROR_CODES as readonly string[]).includes(error.code)) {
      const key = `error.${error.code as KnownErrorCode}` as MessageKey;
      // The headline says what happened; the detail adds the specifics and what to do.
      return i18n.t("error.with_detail", { headline: i18n.t(key), detail: renderMsgInline(error.detail, i18n.lang) });
    }
    return renderMsg(error.detail, i18n.lang);
  }
  return i18n.t("common.unexpected_error");
}
