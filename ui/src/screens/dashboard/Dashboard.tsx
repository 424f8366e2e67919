// The dashboard of a period (a month or a date range) and PSP: counts and amounts per status,
// what was settled (gross, fees, taxes, net per settlement currency), the charts, and the alerts
// that need action today. A status or an alert opens the cases table with that filter.

import { useEffect, useState } from "react";
import type { CaseFilter, Facets, Summary, SummaryFilter } from "../../ipc";
import { useApp } from "../../app/context";
import { useI18n, type I18n } from "../../i18n/i18n";
import { ErrorLine, Money, StatusBadge } from "../../components/ui";
import { DateField } from "../../components/DateField";
import { formatPeriod, formatTimeWithZone } from "../../format/time";
import { AgingChart, DailyChart, StatusBars } from "./charts";

type AlertKind = keyof Summary["alerts"];
/** A card per alert the backend counts (a record, so a new alert cannot be left without one). */
const ALERTS: Record<AlertKind, { label: (i18n: I18n, graceDays: number) => string; filter: Partial<CaseFilter> }> = {
  paid_shop_pending: { label: ({ t }) => t("dash.alert.paid_shop_pending"), filter: { statuses: ["paid_shop_pending"], state: "open" } },
  unmatched_settlement: { label: ({ t }) => t("dash.alert.unmatched_settlement"), filter: { statuses: ["unmatched_settlement"], state: "open" } },
  missing_settlement: {
    label: ({ tp }, days) => tp("dash.alert.missing_settlement", days, { days }),
    filter: { statuses: ["missing_settlement"], state: "open" },
  },
  expiring_vouchers: { label: ({ t }) => t("dash.alert.expiring"), filter: { statuses: ["awaiting_payment"], state: "open", expiring_within_hours: 24 } },
  batch_mismatch: { label: ({ t }) => t("dash.alert.batch_mismatch"), filter: { statuses: ["batch_mismatch"], state: "open" } },
};
const ALERT_KINDS = Object.keys(ALERTS) as AlertKind[];

let readyReported = false;

export function Dashboard() {
  const { backend, navigate, dataVersion, dataChanged, zone } = useApp();
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [mode, setMode] = useState<"period" | "range">("period");
  const [period, setPeriod] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [psp, setPsp] = useState("");
  const [facets, setFacets] = useState<Facets | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [graceDays, setGraceDays] = useState(7);
  // The day to reconcile as of: the selected month's last day, else today (the workspace's
  // zone decides the last second of that day).
  const [asOfDay, setAsOfDay] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  // Never a day still to come (the backend refuses it): the current month proposes today.
  const proposed = mode === "period" && period ? lastDayOf(period) : today();
  const shownAsOfDay = asOfDay ?? (proposed > today() ? today() : proposed);
  async function reconcileAsOf() {
    setRunning(true);
    setError(null);
    try {
      await backend.reconcile(shownAsOfDay);
      dataChanged();
    } catch (e) {
      setError(e);
    } finally {
      setRunning(false);
    }
  }

  useEffect(() => {
    backend.listFacets().then(setFacets, setError);
    backend.getSettings().then((s) => setGraceDays(s.grace_days), () => undefined);
  }, [backend, dataVersion]);

  const filter: SummaryFilter = {
    period: mode === "period" && period ? period : null,
    date_from: mode === "range" && from ? from : null,
    date_to: mode === "range" && to ? to : null,
    psp: psp || null,
  };
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    let live = true;
    backend.summary(JSON.parse(filterKey) as SummaryFilter).then(
      (s) => {
        if (!live) return;
        setSummary(s);
        setError(null);
      },
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [backend, filterKey, dataVersion]);

  // Once per app run: the dashboard is interactive when its figures and its selectors are on
  // screen (the next frame is painted). The launch benchmark measures up to this report.
  const ready = summary !== null && facets !== null;
  useEffect(() => {
    if (!ready || readyReported) return;
    readyReported = true;
    requestAnimationFrame(() => {
      backend.uiReady("dashboard").catch(() => undefined);
    });
  }, [ready, backend]);

  const scope: Partial<CaseFilter> = {
    period: filter.period,
    date_from: filter.date_from,
    date_to: filter.date_to,
    psps: filter.psp ? [filter.psp] : [],
  };

  return (
    <div className="dashboard" data-testid="dashboard">
      <div className="toolbar">
        <select aria-label={t("dash.period")} data-testid="dash-period" value={mode === "range" ? "__range" : period} onChange={(e) => {
          if (e.target.value === "__range") setMode("range");
          else {
            setMode("period");
            setPeriod(e.target.value);
            setAsOfDay(null);
          }
        }}>
          <option value="">{t("dash.all_periods")}</option>
          {facets?.periods.map((p) => <option key={p} value={p}>{formatPeriod(p, lang)}</option>)}
          <option value="__range">{t("dash.range")}</option>
        </select>
        {mode === "range" ? (
          <>
            <label className="inline">{t("cases.filter.from")} <DateField testid="dash-from" label={t("cases.filter.from")} value={from} onChange={setFrom} /></label>
            <label className="inline">{t("cases.filter.to")} <DateField testid="dash-to" label={t("cases.filter.to")} value={to} onChange={setTo} /></label>
          </>
        ) : null}
        <select aria-label={t("cases.filter.psp")} data-testid="dash-psp" value={psp} onChange={(e) => setPsp(e.target.value)}>
          <option value="">{t("cases.filter.all_psps")}</option>
          {facets?.psps.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
        {summary ? <span className="muted small" data-testid="dash-as-of">{t("dash.as_of", { at: formatTimeWithZone(summary.as_of, zone, lang) })}</span> : null}
        <span className="row reconcile-as-of">
          <label className="inline">
            {t("dash.reconcile_as_of")} <DateField testid="reconcile-as-of" label={t("dash.reconcile_as_of")} value={shownAsOfDay} max={today()} onChange={(day) => setAsOfDay(day || null)} />
          </label>
          <button type="button" data-testid="reconcile-run" disabled={running} onClick={() => void reconcileAsOf()}>{t("dash.reconcile")}</button>
        </span>
      </div>
      <ErrorLine error={error} testid="dash-error" />
      {!summary ? (
        error ? null : <p aria-busy="true">{t("common.loading")}</p>
      ) : summary.cases === 0 ? (
        <div className="empty-state" data-testid="dash-empty">
          <p>{t("dash.empty")}</p>
          <button type="button" className="primary" onClick={() => navigate("import")}>{t("nav.import")}</button>
        </div>
      ) : (
        <>
          <div className="kpis">
            <div className="kpi"><span className="kpi-label">{t("dash.cases")}</span><span className="kpi-value" data-testid="dash-total-cases">{i18n.count(summary.cases)}</span></div>
            <button type="button" className="kpi link" onClick={() => navigate("cases", { ...scope, state: "to_review" })}>
              <span className="kpi-label">{t("dash.to_review")}</span><span className="kpi-value" data-testid="dash-to-review">{i18n.count(summary.to_review)}</span>
            </button>
            <div className="kpi"><span className="kpi-label">{t("dash.reconciled")}</span><span className="kpi-value" data-testid="dash-reconciled">{i18n.count(summary.reconciled)}</span></div>
            {summary.settled.map((s) => (
              <div className="kpi wide" key={s.currency} data-testid={`dash-settled-${s.currency}`}>
                <span className="kpi-label">{t("dash.settled_in", { currency: s.currency })}</span>
                <dl className="kv compact">
                  <dt>{t("dash.gross")}</dt><dd><Money amount={s.gross} currency={s.currency} testid={`dash-gross-${s.currency}`} /></dd>
                  <dt>{t("dash.fees")}</dt><dd><Money amount={s.fees} currency={s.currency} /></dd>
                  <dt>{t("dash.taxes")}</dt><dd><Money amount={s.taxes} currency={s.currency} /></dd>
                  <dt>{t("dash.net")}</dt><dd><Money amount={s.net} currency={s.currency} testid={`dash-net-${s.currency}`} /></dd>
                </dl>
              </div>
            ))}
          </div>

          <section className="alerts" aria-labelledby="alerts-h">
            <h2 id="alerts-h">{t("dash.alerts")}</h2>
            <div className="alert-grid">
              {ALERT_KINDS.map((kind) => {
                const a = ALERTS[kind];
                const v = summary.alerts[kind];
                return (
                  <button key={kind} type="button" className={v.count > 0 ? "alert-card hot" : "alert-card"} data-testid={`alert-${kind}`} onClick={() => navigate("cases", { ...scope, ...a.filter })}>
                    <span className="alert-count" data-testid={`alert-count-${kind}`}>{i18n.count(v.count)}</span>
                    <span className="alert-label">{a.label(i18n, graceDays)}</span>
                    <Money amount={v.amount} currency={v.currency} />
                  </button>
                );
              })}
            </div>
          </section>

          <div className="dash-grid">
            <section aria-labelledby="status-h">
              <h2 id="status-h">{t("dash.status_breakdown")}</h2>
              <table className="status-table">
                <thead><tr><th>{t("cases.col.status")}</th><th className="num">{t("dash.count")}</th><th className="num">{t("dash.open")}</th><th className="num">{t("dash.amount")}</th></tr></thead>
                <tbody>
                  {summary.by_status.map((s) => (
                    <tr key={`${s.status}-${s.currency}`} className="clickable" data-testid={`dash-status-${s.status}`} data-currency={s.currency} onClick={() => navigate("cases", { ...scope, statuses: [s.status] })}>
                      <td>
                        <StatusBadge status={s.status} />
                        {/* A status with cases in two currencies has a row for each: say which. */}
                        {summary.by_status.filter((o) => o.status === s.status).length > 1 ? <span className="muted small" data-testid="dash-status-currency"> {s.currency}</span> : null}
                      </td>
                      <td className="num" data-testid={`dash-count-${s.status}`}>{i18n.count(s.count)}</td>
                      <td className="num">{i18n.count(s.open)}</td>
                      <td className="num"><Money amount={s.amount} currency={s.currency} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section aria-labelledby="chart-h">
              <h2 id="chart-h">{t("dash.status_chart")}</h2>
              <StatusBars totals={summary.by_status} onPick={(s) => navigate("cases", { ...scope, statuses: [s.status] })} />
            </section>
            <section aria-labelledby="daily-h">
              <h2 id="daily-h">{t("dash.daily")}</h2>
              {summary.daily.length ? <DailyChart points={summary.daily} /> : <p className="muted">{t("common.no_data")}</p>}
            </section>
            <section aria-labelledby="aging-h">
              <h2 id="aging-h">{t("dash.aging")}</h2>
              <AgingChart points={summary.aging} onPick={() => navigate("cases", { ...scope, statuses: ["awaiting_payment"], state: "open" })} />
            </section>
          </div>
        </>
      )}
    </div>
  );
}

/** The last day of a `YYYY-MM` month, as `YYYY-MM-DD`. */
function lastDayOf(period: string): string {
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7));
  // Day 0 of the next month is this month's last day.
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${period}-${String(last).padStart(2, "0")}`;
}

/** Today on this computer's calendar, as `YYYY-MM-DD`. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
