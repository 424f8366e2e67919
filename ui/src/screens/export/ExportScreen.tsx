// Export: every report the backend writes, as XLSX or CSV, for a period, statuses and PSPs, in a
// language. The backend opens the save dialog and answers with the path written (or null when
// the person cancelled).

import { useEffect, useState } from "react";
import { CASE_STATUSES, LANGS, REPORT_KINDS, type CaseStatus, type Facets, type ReportFormat, type ReportKind } from "../../ipc";
import { useApp } from "../../app/context";
import { LANG_NAMES, useI18n } from "../../i18n/i18n";
import { ErrorLine, Field } from "../../components/ui";
import { formatPeriod } from "../../format/time";

export function ExportScreen() {
  const { backend } = useApp();
  const { t, lang } = useI18n();
  const [facets, setFacets] = useState<Facets | null>(null);
  const [format, setFormat] = useState<ReportFormat>("xlsx");
  const [period, setPeriod] = useState("");
  const [statuses, setStatuses] = useState<CaseStatus[]>([]);
  const [psps, setPsps] = useState<string[]>([]);
  const [reportLang, setReportLang] = useState(lang);
  const [busy, setBusy] = useState<ReportKind | null>(null);
  const [result, setResult] = useState<{ kind: ReportKind; path: string | null } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    backend.listFacets().then(setFacets, setError);
  }, [backend]);

  async function run(kind: ReportKind) {
    setBusy(kind);
    setError(null);
    setResult(null);
    try {
      const path = await backend.exportReport({ kind, format, period: period || null, statuses, psps, lang: reportLang });
      setResult({ kind, path });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  const toggle = <T,>(list: T[], value: T) => (list.includes(value) ? list.filter((x) => x !== value) : [...list, value]);

  return (
    <div className="export-screen">
      <section className="card export-options">
        <h2>{t("export.options")}</h2>
        <div className="row wrap">
          <Field label={t("export.format")}>
            <select data-testid="export-format" value={format} onChange={(e) => setFormat(e.target.value as ReportFormat)}>
              <option value="xlsx">Excel (.xlsx)</option>
              <option value="csv">CSV</option>
            </select>
          </Field>
          <Field label={t("export.period")}>
            <select data-testid="export-period" value={period} onChange={(e) => setPeriod(e.target.value)}>
              <option value="">{t("dash.all_periods")}</option>
              {facets?.periods.map((p) => <option key={p} value={p}>{formatPeriod(p, lang)}</option>)}
            </select>
          </Field>
          <Field label={t("export.lang")}>
            <select data-testid="export-lang" value={reportLang} onChange={(e) => setReportLang(e.target.value as typeof lang)}>
              {LANGS.map((l) => <option key={l} value={l}>{LANG_NAMES[l]}</option>)}
            </select>
          </Field>
        </div>
        <fieldset>
          <legend>{t("export.psps")}</legend>
          {facets?.psps.map((p) => (
            <label key={p} className="check inline">
              <input type="checkbox" data-testid={`export-psp-${p}`} checked={psps.includes(p)} onChange={() => setPsps(toggle(psps, p))} /> {p}
            </label>
          ))}
          {psps.length === 0 ? <span className="muted small"> {t("export.all")}</span> : null}
        </fieldset>
        <fieldset>
          <legend>{t("export.statuses")}</legend>
          <div className="status-checks">
            {CASE_STATUSES.map((s) => (
              <label key={s} className="check">
                <input type="checkbox" data-testid={`export-status-${s}`} checked={statuses.includes(s)} onChange={() => setStatuses(toggle(statuses, s))} /> {t(`status.${s}`)}
              </label>
            ))}
          </div>
          {statuses.length === 0 ? <span className="muted small">{t("export.all")}</span> : null}
        </fieldset>
      </section>
      <ErrorLine error={error} testid="export-error" />
      {result ? (
        <p className={result.path ? "ok" : "muted"} role="status" data-testid="export-result">
          {result.path ? t("export.saved", { path: result.path }) : t("export.cancelled")}
        </p>
      ) : null}
      <section className="report-list">
        {REPORT_KINDS.map((kind) => (
          <article key={kind} className="card report-kind">
            <div>
              <h3>{t(`export.kind.${kind}`)}</h3>
              <p className="muted small">{t(`export.help.${kind}`)}</p>
            </div>
            <button type="button" data-testid={`export-${kind}`} disabled={busy !== null} onClick={() => void run(kind)}>
              {busy === kind ? t("common.working") : t("export.button")}
            </button>
          </article>
        ))}
      </section>
    </div>
  );
}
