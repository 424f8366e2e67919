// From what the person typed in the filter bar to the `list_cases` request, and from the table's
// sort state to the backend's sort. Pure functions: the mapping is unit-tested on its own.

import {
  SORT_COLUMNS,
  type CaseFilter,
  type CaseSort,
  type CaseState,
  type ReviewState,
  type CaseStatus,
  type Lang,
  type SortColumn,
} from "../../ipc";
import { isDecimal } from "../../format/decimal";

/** The filter bar's fields, as typed (amounts in the person's locale, e.g. "150.000"). */
export interface FilterForm {
  statuses: CaseStatus[];
  psps: string[];
  methods: string[];
  period: string;
  dateFrom: string;
  dateTo: string;
  amountMin: string;
  amountMax: string;
  text: string;
  state: "" | CaseState | ReviewState;
  expiringWithinHours: number | null;
}

export const EMPTY_FORM: FilterForm = {
  statuses: [],
  psps: [],
  methods: [],
  period: "",
  dateFrom: "",
  dateTo: "",
  amountMin: "",
  amountMax: "",
  text: "",
  state: "",
  expiringWithinHours: null,
};

/** A filter as the dashboard hands it over, into the form's fields. */
export function formFromFilter(f: Partial<CaseFilter>): FilterForm {
  return {
    statuses: f.statuses ?? [],
    psps: f.psps ?? [],
    methods: f.payment_methods ?? [],
    period: f.period ?? "",
    dateFrom: f.date_from ?? "",
    dateTo: f.date_to ?? "",
    amountMin: f.amount_min ?? "",
    amountMax: f.amount_max ?? "",
    text: f.text ?? "",
    state: f.state ?? "",
    expiringWithinHours: f.expiring_within_hours ?? null,
  };
}

/**
 * An amount typed in the person's locale as a plain decimal string: "1.234.567,5" (es) and
 * "1,234,567.5" (en, zh) both give "1234567.5"; currency signs and spaces are ignored.
 * Returns null for text that is not an amount.
 */
export function parseUserAmount(text: string, lang: Lang): string | null {
  let s = text.replace(/[\s$€]|COP|USD|US/gi, "");
  if (!s) return null;
  const negative = s.startsWith("-");
  if (negative) s = s.slice(1);
  if (lang === "es") s = s.replace(/\./g, "").replace(",", ".");
  else s = s.replace(/,/g, "");
  if (!isDecimal(s) || s.startsWith("+")) return null;
  return negative ? `-${s}` : s;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface FilterResult {
  filter: CaseFilter;
  /** Fields whose text could not be read (they are left out of the filter). */
  invalid: ("amountMin" | "amountMax" | "dateFrom" | "dateTo")[];
}

export function toCaseFilter(form: FilterForm, lang: Lang): FilterResult {
  const invalid: FilterResult["invalid"] = [];
  const amount = (text: string, field: "amountMin" | "amountMax") => {
    if (!text.trim()) return null;
    const value = parseUserAmount(text, lang);
    if (value === null) invalid.push(field);
    return value;
  };
  const date = (text: string, field: "dateFrom" | "dateTo") => {
    if (!text) return null;
    if (!DATE.test(text)) {
      invalid.push(field);
      return null;
    }
    return text;
  };
  let dateFrom = date(form.dateFrom, "dateFrom");
  let dateTo = date(form.dateTo, "dateTo");
  // A range typed backwards means the same days.
  if (dateFrom && dateTo && dateFrom > dateTo) [dateFrom, dateTo] = [dateTo, dateFrom];
  const text = form.text.trim();
  return {
    filter: {
      statuses: [...form.statuses].sort(),
      psps: [...form.psps].sort(),
      payment_methods: [...form.methods].sort(),
      period: form.period || null,
      date_from: dateFrom,
      date_to: dateTo,
      amount_min: amount(form.amountMin, "amountMin"),
      amount_max: amount(form.amountMax, "amountMax"),
      text: text === "" ? null : text,
      state: form.state === "" ? null : form.state,
      expiring_within_hours: form.expiringWithinHours,
    },
    invalid,
  };
}

export const DEFAULT_SORT: CaseSort = { column: "event_at", direction: "desc" };

/** TanStack Table's sorting state -> the backend's sort; unknown columns fall back to the default. */
export function toCaseSort(sorting: readonly { id: string; desc: boolean }[]): CaseSort {
  const first = sorting[0];
  if (!first || !(SORT_COLUMNS as readonly string[]).includes(first.id)) return DEFAULT_SORT;
  return { column: first.id as SortColumn, direction: first.desc ? "desc" : "asc" };
}

/** How many filters are active, for the "clear filters" button. */
export function activeFilterCount(f: CaseFilter): number {
  return [
    f.statuses.length > 0,
    f.psps.length > 0,
    f.payment_methods.length > 0,
    f.period !== null,
    f.date_from !== null || f.date_to !== null,
    f.amount_min !== null || f.amount_max !== null,
    f.text !== null,
    f.state !== null,
    f.expiring_within_hours !== null,
  ].filter(Boolean).length;
}
