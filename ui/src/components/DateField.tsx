// A date typed as 2026-05-12, the one form of dates in the window. The browsers' own date inputs
// show the computer's locale (05/12/2026 in a Spanish window on a US system) and, in some
// webviews, today's date when empty; this field shows the value as stored, and when empty a
// placeholder in the reader's language (aaaa-mm-dd, yyyy-mm-dd, 年-月-日).

import { useState } from "react";
import { useI18n } from "../i18n/i18n";

/** "2026-5-2", "20260502", "2026/05/02" -> "2026-05-02"; null when it is not a real day. */
export function normalizeDate(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

interface Props {
  value: string;
  /** Called with "" or a valid `YYYY-MM-DD` (never with a half-typed date). */
  onChange: (value: string) => void;
  testid: string;
  label: string;
  /** The latest day accepted, `YYYY-MM-DD`. */
  max?: string;
  /** Marked invalid by the caller (e.g. a range whose end is before its start). */
  invalid?: boolean;
}

export function DateField({ value, onChange, testid, label, max, invalid }: Props) {
  const { t } = useI18n();
  // What the person is typing, until it is a date (or empty); the value otherwise.
  const [draft, setDraft] = useState<string | null>(null);
  // A value set from outside (filters cleared, a month chosen) replaces what was being typed.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setDraft(null);
  }
  const shown = draft ?? value;
  const accept = (text: string): string | null => {
    if (text.trim() === "") return "";
    const date = normalizeDate(text);
    return date !== null && (!max || date <= max) ? date : null;
  };
  const accepted = draft === null ? value : accept(draft);
  const bad = invalid || (draft !== null && accepted === null);
  return (
    <input
      type="text"
      className="date"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      maxLength={10}
      size={10}
      data-testid={testid}
      aria-label={label}
      placeholder={t("date.placeholder")}
      title={bad ? t("date.invalid") : undefined}
      aria-invalid={bad}
      value={shown}
      onChange={(e) => {
        const text = e.target.value;
        // Only a whole date is applied as it is typed: "2026-05-1" must not filter on the 1st.
        const date = text.trim() === "" || /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? accept(text) : null;
        if (date === null) {
          setDraft(text);
          return;
        }
        setDraft(null);
        if (date !== value) onChange(date);
      }}
      onBlur={() => {
        if (draft === null) return;
        const date = accept(draft);
        if (date === null) return; // kept as typed, marked invalid
        setDraft(null);
        if (date !== value) onChange(date);
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter") e.currentTarget.blur();
      }}
    />
  );
}
