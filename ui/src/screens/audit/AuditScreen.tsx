// Audit: the event log (newest first) with filters by case, date and actor; the hash-chain check
// with a plain verdict; closing and reopening periods (with a note / a required reason); and the
// retention status.

import { useCallback, useEffect, useState } from "react";
import type { AuditEvent, AuditPage, AuditVerification, Facets, PeriodInfo, RetentionStatus, WorkspaceVerification } from "../../ipc";
import { useApp } from "../../app/context";
import { useI18n } from "../../i18n/i18n";
import { auditActionLabel, reasonText } from "../../app/labels";
import { ErrorLine, Lock, RawRecord, Time } from "../../components/ui";
import { auditChangeText, auditSubjectText } from "../../app/auditText";
import { DateField } from "../../components/DateField";
import { formatBytes } from "../../format/money";
import { formatPeriod, formatTimeWithZone, withZone } from "../../format/time";
import { renderMsgInline } from "../../i18n/backendText";

const PAGE = 50;

/** An event as stored, its recorded before/after read as JSON where they are JSON. */
function rawEvent(e: AuditEvent): unknown {
  const json = (text: string | null) => {
    if (text === null) return null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  };
  return { ...e, before: json(e.before), after: json(e.after) };
}

export function AuditScreen() {
  const { backend, zone } = useApp();
  const i18n = useI18n();
  const { t, count } = i18n;
  const [caseKey, setCaseKey] = useState("");
  const [since, setSince] = useState("");
  const [actor, setActor] = useState("");
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<AuditPage | null>(null);
  const [facets, setFacets] = useState<Facets | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    backend.listFacets().then(setFacets, () => undefined);
  }, [backend]);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      backend
        .auditLog({ case_key: caseKey.trim() || null, since: since || null, actor: actor || null }, offset, PAGE)
        .then((p) => live && (setPage(p), setError(null)), (e) => live && setError(e));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [backend, caseKey, since, actor, offset, version]);

  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  return (
    <div className="audit-screen">
      <div className="audit-top">
        <Verify />
        <Retention />
      </div>
      <VerifyAll />
      <Periods onChanged={refresh} />
      <section>
        <h2>{t("audit.log")}</h2>
        <div className="filters">
          <input data-testid="audit-filter-case" placeholder={t("audit.filter.case")} aria-label={t("audit.filter.case")} value={caseKey} onChange={(e) => { setCaseKey(e.target.value); setOffset(0); }} />
          <label className="inline">{t("audit.filter.since")} <DateField testid="audit-filter-since" label={t("audit.filter.since")} value={since} onChange={(day) => { setSince(day); setOffset(0); }} /></label>
          <select data-testid="audit-filter-actor" aria-label={t("audit.filter.actor")} value={actor} onChange={(e) => { setActor(e.target.value); setOffset(0); }}>
            <option value="">{t("audit.filter.any_actor")}</option>
            {facets?.actors.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </div>
        <ErrorLine error={error} testid="audit-error" />
        {page && page.events.length === 0 ? <p className="empty" data-testid="audit-empty">{t("audit.empty")}</p> : null}
        {page && page.events.length > 0 ? (
          <>
            <table className="data" data-testid="audit-table">
              <thead>
                <tr>
                  <th className="num">#</th><th>{withZone(t("audit.col.at"), zone, i18n.lang)}</th><th>{t("audit.col.actor")}</th><th>{t("audit.col.action")}</th>
                  <th>{t("audit.col.subject")}</th><th>{t("audit.col.change")}</th><th>{t("audit.col.reason")}</th><th>{t("audit.col.hash")}</th>
                </tr>
              </thead>
              <tbody>
                {page.events.map((e) => (
                  <tr key={e.seq} data-testid="audit-row" data-seq={e.seq}>
                    <td className="num">{e.seq}</td>
                    <td><Time bare value={e.at} /></td>
                    <td>{e.actor}</td>
                    <td title={e.action}>{auditActionLabel(i18n, e.action)}</td>
                    <td title={e.subject}>{auditSubjectText(i18n, e.subject)}</td>
                    <td className="small">
                      {auditChangeText(i18n, e, zone)}
                      <RawRecord record={rawEvent(e)} testid="audit-raw" />
                    </td>
                    <td className="small">{[e.reason ? reasonText(i18n, e.reason) : null, e.note].filter(Boolean).join(" · ")}</td>
                    <td className="mono small" title={e.hash}>{e.hash.slice(0, 10)}…</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="pager">
              <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t("common.previous")}</button>
              <span>{t("common.range", { from: count(offset + 1), to: count(offset + page.events.length), total: count(page.total) })}</span>
              <button type="button" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>{t("common.next")}</button>
            </div>
          </>
        ) : null}
      </section>
    </div>
  );
}

function Verify() {
  const { backend } = useApp();
  const { t, tp, count, lang } = useI18n();
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    setError(null);
    try {
      setResult(await backend.verifyAudit());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const ok = result !== null && result.first_broken === null;
  return (
    <section className="card verify">
      <h2>{t("audit.chain")}</h2>
      <p className="muted small">{t("audit.chain_hint")}</p>
      <button type="button" className="primary" data-testid="audit-verify" disabled={busy} onClick={() => void run()}>{t("audit.verify")}</button>
      <ErrorLine error={error} testid="audit-verify-error" />
      {result ? (
        <p className={ok ? "verdict ok" : "verdict bad"} role="status" data-testid="audit-verdict" data-ok={ok ? "true" : "false"}>
          {ok
            ? tp("audit.verdict_ok", result.events, { events: count(result.events), seq: result.head_seq, hash: result.head_hash.slice(0, 16) })
            : t("audit.verdict_broken", {
                seq: result.first_broken?.[0] ?? 0,
                why: result.first_broken ? renderMsgInline(result.first_broken[1], lang) : "",
              })}
        </p>
      ) : null}
    </section>
  );
}

/** Every check of `cuadra-cli verify`, on a button. */
function VerifyAll() {
  const { backend } = useApp();
  const { t, tMaybe, count, lang } = useI18n();
  const [result, setResult] = useState<WorkspaceVerification | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await backend.verifyWorkspace());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card verify" data-testid="workspace-verify-card">
      <h2>{t("audit.verify_all")}</h2>
      <p className="muted small">{t("audit.verify_all_hint")}</p>
      <button type="button" className="primary" data-testid="workspace-verify" disabled={busy} onClick={() => void run()}>{t("audit.verify_all")}</button>
      <ErrorLine error={error} testid="workspace-verify-error" />
      {result ? (
        <>
          <p className={result.ok ? "verdict ok" : "verdict bad"} role="status" data-testid="workspace-verdict" data-ok={result.ok ? "true" : "false"}>
            {result.ok ? t("audit.verify_all_ok") : t("audit.verify_all_failed")}
          </p>
          <ul className="checks" data-testid="workspace-checks">
            {result.checks.map((c) => (
              <li key={c.check} data-check={c.check} data-outcome={c.outcome}>
                <strong>{tMaybe(`audit.check.${c.check}`, c.check)}</strong> <code className="muted small">{c.check}</code> {t(`audit.check_${c.outcome}`)} · {count(c.compared)} · {c.seconds.toFixed(1)} s
                {c.findings.length > 0 ? (
                  <ul>
                    {c.findings.map((f, i) => (
                      <li key={i}>{renderMsgInline(f, lang)}</li>
                    ))}
                    {c.found > c.findings.length ? <li>{t("audit.check_more", { n: count(c.found - c.findings.length) })}</li> : null}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function Retention() {
  const { backend, zone } = useApp();
  const { t, tp, count, lang } = useI18n();
  const [status, setStatus] = useState<RetentionStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    backend.retentionStatus().then(setStatus, setError);
  }, [backend]);
  return (
    <section className="card" data-testid="retention-status">
      <h2>{t("audit.retention")}</h2>
      <ErrorLine error={error} />
      {status ? (
        <dl className="kv compact">
          <dt>{t("audit.retention_years")}</dt><dd>{tp("audit.years", status.retention_years)}</dd>
          <dt>{t("audit.oldest")}</dt><dd>{status.oldest_record_at ? formatTimeWithZone(status.oldest_record_at, zone, lang) : "—"}</dd>
          <dt>{t("audit.keep_until")}</dt><dd>{status.keep_until ?? "—"}</dd>
          <dt>{t("audit.files_kept")}</dt><dd>{count(status.files_kept)}</dd>
          <dt>{t("audit.evidence")}</dt><dd>{formatBytes(status.evidence_bytes, lang)}</dd>
        </dl>
      ) : null}
    </section>
  );
}

function Periods({ onChanged }: { onChanged: () => void }) {
  const { backend, dataChanged, navigate, zone } = useApp();
  const { t, count, lang } = useI18n();
  const [periods, setPeriods] = useState<PeriodInfo[] | null>(null);
  const [editing, setEditing] = useState<{ period: string; kind: "close" | "reopen" } | null>(null);
  const [text, setText] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState(false);

  const load = useCallback(() => backend.listPeriods().then(setPeriods, setError), [backend]);
  useEffect(() => {
    void load();
  }, [load]);

  async function submit() {
    if (!editing) return;
    if (editing.kind === "reopen" && !text.trim()) {
      setProblem(true);
      return;
    }
    setError(null);
    try {
      if (editing.kind === "close") await backend.closePeriod(editing.period, text.trim() || null);
      else await backend.reopenPeriod(editing.period, text.trim());
      setEditing(null);
      setText("");
      await load();
      onChanged();
      dataChanged();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section>
      <h2>{t("audit.periods")}</h2>
      <ErrorLine error={error} testid="period-error" />
      {periods && periods.length === 0 ? <p className="muted">{t("audit.no_periods")}</p> : null}
      {periods && periods.length > 0 ? (
        <table className="data" data-testid="periods-table">
          <thead>
            <tr><th>{t("audit.period")}</th><th>{t("audit.period_state")}</th><th className="num">{t("dash.cases")}</th><th className="num">{t("dash.to_review")}</th><th>{t("audit.closed_by")}</th><th /></tr>
          </thead>
          <tbody>
            {periods.map((p) => (
              <tr key={p.period} data-testid="period-row" data-period={p.period} data-state={p.state}>
                <td>{formatPeriod(p.period, lang)}</td>
                <td>{p.state === "closed" ? <><Lock label={t("audit.closed")} />{t("audit.closed")}</> : t("audit.open")}</td>
                <td className="num">{count(p.cases)}</td>
                <td className="num" data-testid="period-to-review">{count(p.to_review)}</td>
                <td className="small">{p.closed_by ? `${p.closed_by} · ${formatTimeWithZone(p.closed_at, zone, lang)}${p.note ? ` · ${p.note}` : ""}` : ""}</td>
                <td>
                  {editing?.period === p.period ? (
                    <span className="row">
                      {editing.kind === "close" && p.to_review > 0 ? (
                        // The checklist before sealing: what is still to review is named, one
                        // click away, and sealing it anyway is a choice the button says.
                        <span className="warning" role="alert" data-testid="period-checklist">
                          {t("audit.close_checklist", { n: p.to_review })}{" "}
                          <button type="button" className="link" data-testid="period-show-to-review" onClick={() => navigate("cases", { period: p.period, state: "to_review" })}>
                            {t("audit.show_to_review")}
                          </button>
                        </span>
                      ) : null}
                      <input
                        autoFocus
                        data-testid="period-text"
                        placeholder={editing.kind === "close" ? t("audit.close_note") : t("audit.reopen_reason")}
                        aria-label={editing.kind === "close" ? t("audit.close_note") : t("audit.reopen_reason")}
                        aria-invalid={problem}
                        value={text}
                        onChange={(e) => { setText(e.target.value); setProblem(false); }}
                      />
                      <button type="button" className="primary" data-testid="period-submit" onClick={() => void submit()}>
                        {editing.kind === "close" ? t(p.to_review > 0 ? "audit.close_anyway" : "audit.close") : t("audit.reopen")}
                      </button>
                      <button type="button" onClick={() => setEditing(null)}>{t("common.cancel")}</button>
                      {problem ? <span className="error" role="alert">{t("action.reason_required")}</span> : null}
                    </span>
                  ) : p.state === "open" ? (
                    <button type="button" data-testid="period-close" onClick={() => { setEditing({ period: p.period, kind: "close" }); setText(""); }}>{t("audit.close")}</button>
                  ) : (
                    <button type="button" data-testid="period-reopen" onClick={() => { setEditing({ period: p.period, kind: "reopen" }); setText(""); }}>{t("audit.reopen")}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
