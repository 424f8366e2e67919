// Turns a rejection into the sentence a person reads: a known error code is translated, any other
// shows the backend's own message verbatim. Never matches on message text.

import { isApiError, KNOWN_ERROR_CODES, type KnownErrorCode } from "../ipc";
import type { I18n, MessageKey } from "../i18n/i18n";

export function errorText(i18n: I18n, error: unknown): string {
  if (isApiError(error)) {
    if ((KNOWN_ERROR_CODES as readonly string[]).includes(error.code)) {
      const key = `error.${error.code as KnownErrorCode}` as MessageKey;
      // The translation says what to do; the backend's message adds the specifics.
      return `${i18n.t(key)} (${error.message})`;
    }
    return error.message;
  }
  return i18n.t("common.unexpected_error");
}
