// The filter bar of the cases screen: status (several), PSP, payment method, period or date range,
// amount range, open/resolved and a text search. It edits a `FilterForm`; the screen turns that
// into the backend request.

import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { CASE_STATUSES, type Facets } from "../../ipc";
import { useI18n } from "../../i18n/i18n";
import { formatPeriod } from "../../format/time";
import { DateField } from "../../components/DateField";
import { paymentMethodGroups, paymentMethodLabel } from "../../app/labels";
import type { FilterForm } from "./filters";

interface Props {
  form: FilterForm;
  onChange: (form: FilterForm) => void;
  facets: Facets | null;
  invalid: string[];
  searchRef: RefObject<HTMLInputElement | null>;
  activeCount: number;
  onClear: () => void;
}

export function CaseFilters({ form, onChange, facets, invalid, searchRef, activeCount, onClear }: Props) {
  const { t, lang } = useI18n();
  const [statusOpen, setStatusOpen] = useState(false);
  const dropdownRef = useRef<HTMLDivElement>(null);
  const statusButtonRef = useRef<HTMLButtonElement>(null);

  // The status menu closes as menus do: a click or a tap anywhere outside it, Esc (focus goes
  // back to its button, and Esc goes no further: the table keeps its panel and selection), or
  // keyboard focus leaving it.
  useEffect(() => {
    if (!statusOpen) return;
    const onPointerDown = (e: PointerEvent | MouseEvent) => {
      if (!dropdownRef.current?.contains(e.target as Node)) setStatusOpen(false);
    };
    document.addEventListener("mousedown", onPointerDown);
    return () => document.removeEventListener("mousedown", onPointerDown);
  }, [statusOpen]);
  const closeStatusOnKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== "Escape" || !statusOpen) return;
    e.preventDefault();
    e.stopPropagation();
    setStatusOpen(false);
    statusButtonRef.current?.focus();
  };
  const set = (patch: Partial<FilterForm>) => onChange({ ...form, ...patch });
  const methodGroups = paymentMethodGroups(facets?.payment_methods ?? []);
  const toggleStatus = (s: (typeof CASE_STATUSES)[number]) =>
    set({ statuses: form.statuses.includes(s) ? form.statuses.filter((x) => x !== s) : [...form.statuses, s] });

  return (
    <div className="filters" data-testid="case-filters">
      <input
        ref={searchRef}
        type="search"
        className="search"
        data-testid="case-search"
        placeholder={t("cases.search")}
        aria-label={t("cases.search")}
        value={form.text}
        onChange={(e) => set({ text: e.target.value })}
      />
      <div
        className="dropdown"
        ref={dropdownRef}
        onKeyDown={closeStatusOnKey}
        onBlur={(e) => {
          if (statusOpen && e.relatedTarget instanceof Node && !e.currentTarget.contains(e.relatedTarget)) setStatusOpen(false);
        }}
      >
        <button
          type="button"
          ref={statusButtonRef}
          data-testid="filter-status"
          aria-expanded={statusOpen}
          aria-haspopup="true"
          aria-controls="filter-status-menu"
          onClick={() => setStatusOpen((o) => !o)}
        >
          {t("cases.filter.status")}
          {form.statuses.length ? t("common.paren", { text: form.statuses.length }) : ""} ▾
        </button>
        {statusOpen ? (
          <div className="dropdown-menu" id="filter-status-menu" role="group" aria-label={t("cases.filter.status")} data-testid="filter-status-menu">
            {CASE_STATUSES.map((s) => (
              <label key={s} className="check">
                <input type="checkbox" data-testid={`filter-status-${s}`} checked={form.statuses.includes(s)} onChange={() => toggleStatus(s)} />
                {t(`status.${s}`)}
              </label>
            ))}
          </div>
        ) : null}
      </div>
      <select aria-label={t("cases.filter.psp")} data-testid="filter-psp" value={form.psps[0] ?? ""} onChange={(e) => set({ psps: e.target.value ? [e.target.value] : [] })}>
        <option value="">{t("cases.filter.all_psps")}</option>
        {facets?.psps.map((p) => <option key={p} value={p}>{p}</option>)}
      </select>
      {/* One option per method name: "Efecty" asks for every spelling files use for it. */}
      <select
        aria-label={t("cases.filter.method")}
        data-testid="filter-method"
        value={form.methods.length ? paymentMethodLabel(form.methods[0]) : ""}
        onChange={(e) => set({ methods: methodGroups.find((g) => g.label === e.target.value)?.values ?? [] })}
      >
        <option value="">{t("cases.filter.all_methods")}</option>
        {methodGroups.map((g) => <option key={g.label} value={g.label} title={g.values.join(", ")}>{g.label}</option>)}
      </select>
      <select aria-label={t("cases.filter.period")} data-testid="filter-period" value={form.period} onChange={(e) => set({ period: e.target.value })}>
        <option value="">{t("cases.filter.all_periods")}</option>
        {facets?.periods.map((p) => <option key={p} value={p}>{formatPeriod(p, lang)}</option>)}
      </select>
      <label className="inline">
        {t("cases.filter.from")}
        <DateField testid="filter-from" label={t("cases.filter.from")} value={form.dateFrom} invalid={invalid.includes("dateFrom")} onChange={(dateFrom) => set({ dateFrom })} />
      </label>
      <label className="inline">
        {t("cases.filter.to")}
        <DateField testid="filter-to" label={t("cases.filter.to")} value={form.dateTo} invalid={invalid.includes("dateTo")} onChange={(dateTo) => set({ dateTo })} />
      </label>
      <input className="amount" inputMode="decimal" data-testid="filter-amount-min" placeholder={t("cases.filter.amount_min")} aria-label={t("cases.filter.amount_min")} aria-invalid={invalid.includes("amountMin")} value={form.amountMin} onChange={(e) => set({ amountMin: e.target.value })} />
      <input className="amount" inputMode="decimal" data-testid="filter-amount-max" placeholder={t("cases.filter.amount_max")} aria-label={t("cases.filter.amount_max")} aria-invalid={invalid.includes("amountMax")} value={form.amountMax} onChange={(e) => set({ amountMax: e.target.value })} />
      <select aria-label={t("cases.filter.state")} data-testid="filter-state" value={form.state} onChange={(e) => set({ state: e.target.value as FilterForm["state"] })}>
        <option value="">{t("cases.filter.any_state")}</option>
        <option value="to_review">{t("review.to_review")}</option>
        <option value="waiting">{t("review.waiting")}</option>
        <option value="reconciled">{t("review.reconciled")}</option>
        <option value="open">{t("state.open")}</option>
        <option value="resolved">{t("state.resolved")}</option>
      </select>
      {form.expiringWithinHours !== null ? (
        <span className="chip" data-testid="filter-expiring">
          {t("cases.filter.expiring", { hours: form.expiringWithinHours })}
          <button type="button" aria-label={t("common.clear")} onClick={() => set({ expiringWithinHours: null })}>×</button>
        </span>
      ) : null}
      {activeCount > 0 ? (
        <button type="button" className="link" data-testid="filter-clear" onClick={onClear}>
          {t("cases.clear_filters", { n: activeCount })}
        </button>
      ) : null}
    </div>
  );
}
