// Small shared pieces: the error line, the status badge, money and time cells. Each renders text
// only (never markup from data), so names and references from users' files stay inert.

import type { ReactNode } from "react";
import type { CaseStatus } from "../ipc";
import { useI18n } from "../i18n/i18n";
import { errorText } from "../app/errors";
import { formatTime, formatTimeWithZone } from "../format/time";
import { useZone } from "../app/context";
import { moneyTitle } from "../format/money";

export function ErrorLine({ error, testid }: { error: unknown; testid?: string }) {
  const i18n = useI18n();
  if (error === null || error === undefined) return null;
  return (
    <p className="error" role="alert" data-testid={testid ?? "error"}>
      {errorText(i18n, error)}
    </p>
  );
}

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge s-${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

export function Money({ amount, currency, testid }: { amount: string | null | undefined; currency: string | null | undefined; testid?: string }) {
  const { money } = useI18n();
  const negative = amount?.trim().startsWith("-") ?? false;
  return (
    <span className={negative ? "num neg" : "num"} data-testid={testid} title={moneyTitle(amount, currency)}>
      {money(amount, currency)}
    </span>
  );
}

/**
 * A backend time in the workspace zone, labelled with it ("2026-05-06 22:30 (Bogotá)"); `bare`
 * leaves the label to a column header that names the zone. The stored text is in the tooltip.
 */
export function Time({ value, bare }: { value: string | null | undefined; bare?: boolean }) {
  const { lang } = useI18n();
  const zone = useZone();
  if (!value) return null;
  return (
    <time dateTime={value} title={value}>
      {bare ? formatTime(value, zone) : formatTimeWithZone(value, zone, lang)}
    </time>
  );
}

export function Field({ label, children, hint }: { label: string; children: ReactNode; hint?: string }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {children}
      {hint ? <span className="field-hint">{hint}</span> : null}
    </label>
  );
}

/** A small padlock (an SVG, since the desktop webview may have no emoji font). */
export function Lock({ label }: { label: string }) {
  return (
    <svg className="lock" width="10" height="11" viewBox="0 0 10 11" role="img" aria-label={label}>
      <title>{label}</title>
      <path d="M2.5 5V3.5a2.5 2.5 0 0 1 5 0V5" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <rect x="1" y="5" width="8" height="6" rx="1" fill="currentColor" />
    </svg>
  );
}

/** The stored record behind words on screen, one click away (never the primary text). */
export function RawRecord({ record, testid }: { record: unknown; testid?: string }) {
  const { t } = useI18n();
  return (
    <details className="raw" data-testid={testid}>
      <summary>{t("common.raw_record")}</summary>
      <pre>{JSON.stringify(record, null, 2)}</pre>
    </details>
  );
}
