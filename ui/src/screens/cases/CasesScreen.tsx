// The cases screen: filter bar, the virtualized table (paging, sorting and filtering happen in the
// backend), keyboard control, multi-select with bulk resolve, and the detail side panel.

import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { SortingState } from "@tanstack/react-table";
import { RESOLVE_REASONS, type CaseActionKind, type CaseFilter, type CaseRow, type CaseTotals, type Facets, type LastAct, type ReportFormat } from "../../ipc";
import { formatMoney } from "../../format/money";
import { formatTimeWithZone } from "../../format/time";
import { useApp, useZone } from "../../app/context";
import { useI18n } from "../../i18n/i18n";
import { errorText } from "../../app/errors";
import { auditSubjectText } from "../../app/auditText";
import { ErrorLine } from "../../components/ui";
import { CaseFilters } from "./CaseFilters";
import { CaseTable } from "./CaseTable";
import { CaseDetail } from "./CaseDetail";
import { activeFilterCount, EMPTY_FORM, formFromFilter, toCaseFilter, toCaseSort, type FilterForm } from "./filters";
import { commandForKey, initialNav, isTypingTarget, navReducer } from "./keyboard";
import { PageCache } from "./pageCache";

const TEXT_DEBOUNCE_MS = 250;
/** The most cases "select all" takes (each bulk act is one call per case). */
const SELECT_ALL_MAX = 5000;

export function CasesScreen({ initialFilter }: { initialFilter: Partial<CaseFilter> }) {
  const { backend } = useApp();
  const zone = useZone();
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [form, setForm] = useState<FilterForm>(() => formFromFilter(initialFilter));
  const [text, setText] = useState(form.text);
  const [sorting, setSorting] = useState<SortingState>([{ id: "event_at", desc: true }]);
  const [facets, setFacets] = useState<Facets | null>(null);
  const [cacheVersion, setCacheVersion] = useState(0);
  const [nav, dispatch] = useReducer(navReducer, undefined, () => initialNav());
  const [openKey, setOpenKey] = useState<string | null>(null);
  const [action, setAction] = useState<CaseActionKind | null>(null);
  const [bulkOpen, setBulkOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  // Typing in the search box waits a moment before asking the backend.
  useEffect(() => {
    const timer = setTimeout(() => setText(form.text), TEXT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [form.text]);

  const { filter, invalid } = useMemo(() => toCaseFilter({ ...form, text }, lang), [form, text, lang]);
  const sort = useMemo(() => toCaseSort(sorting), [sorting]);
  const queryKey = JSON.stringify([filter, sort]);

  const bump = useCallback(() => setCacheVersion((v) => v + 1), []);
  const cacheRef = useRef<PageCache | null>(null);
  if (!cacheRef.current) {
    cacheRef.current = new PageCache(
      (offset, limit) => backend.listCases({ filter, sort, offset, limit }),
      bump,
    );
  }
  const cache = cacheRef.current;

  useEffect(() => {
    // What the last acts and exports said belongs to the view they were made in.
    setQuick(null);
    setUndone(null);
    setExported(null);
    cache.reset((offset, limit) => backend.listCases({ filter, sort, offset, limit }));
    cache.ensure(0, 0);
    dispatch({ type: "set", index: 0 });
    bump();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- queryKey stands for filter and sort
  }, [queryKey, backend, cache, bump]);

  useEffect(() => {
    backend.listFacets().then(setFacets, () => setFacets(null));
  }, [backend]);

  const total = cache.total ?? 0;
  useEffect(() => {
    dispatch({ type: "total", total });
  }, [total]);

  const rowAt = useCallback((index: number): CaseRow | undefined => cache.get(index), [cache]);

  const open = useCallback(
    (index: number, withAction: CaseActionKind | null = null) => {
      const row = rowAt(index);
      if (!row) return;
      dispatch({ type: "set", index });
      setBulkOpen(false);
      setOpenKey(row.case_key);
      setAction(withAction);
    },
    [rowAt],
  );

  const toggle = useCallback((key: string) => dispatch({ type: "toggle", key }), []);

  // What one key did (confirm, reject), said where the person is looking.
  const [quick, setQuick] = useState<{ text: string; ok: boolean } | null>(null);
  const quickAct = useCallback(
    async (row: CaseRow, kind: "confirm" | "reject") => {
      if (row.status !== "suggested" || row.state !== "open" || row.locked) {
        setQuick({ ok: false, text: t("cases.quick_not_suggested", { key: row.case_key }) });
        return;
      }
      try {
        const changedRow = await backend.caseAction({
          case_key: row.case_key,
          action: kind === "confirm" ? "confirm" : "unmatch",
          reason: kind === "reject" ? t("cases.reject_reason") : null,
          note: null,
          line_ids: [],
          order_id: null,
        });
        cacheRef.current?.replace(changedRow);
        setTotalsVersion((v) => v + 1);
        setQuick({ ok: true, text: t(kind === "confirm" ? "cases.quick_confirmed" : "cases.quick_rejected", { key: row.case_key }) });
      } catch (e) {
        setQuick({ ok: false, text: errorText(i18n, e) });
      }
    },
    [backend, i18n, t],
  );

  const runAction = useCallback(
    async (kind: CaseActionKind) => {
      const row = rowAt(nav.cursor);
      if (!row) return;
      if (kind === "confirm") {
        // Confirming a suggestion needs nothing more: one key does it.
        await quickAct(row, "confirm");
        return;
      }
      open(nav.cursor, kind);
    },
    [nav.cursor, open, rowAt, quickAct],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        if (isTypingTarget(e.target)) {
          (e.target as HTMLElement).blur();
          return;
        }
        if (action) setAction(null);
        else if (openKey || bulkOpen) {
          setOpenKey(null);
          setBulkOpen(false);
        } else dispatch({ type: "clear" });
        return;
      }
      if (isTypingTarget(e.target)) return;
      const command = commandForKey(e);
      if (!command) return;
      e.preventDefault();
      switch (command.kind) {
        case "nav":
          dispatch(command.action);
          break;
        case "open":
          open(nav.cursor);
          break;
        case "toggle": {
          const row = rowAt(nav.cursor);
          if (row) toggle(row.case_key);
          break;
        }
        case "action":
          void runAction(command.action);
          break;
        case "reject": {
          const row = rowAt(nav.cursor);
          if (row) void quickAct(row, "reject");
          break;
        }
        case "search":
          searchRef.current?.focus();
          break;
        case "escape":
          break;
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [action, openKey, bulkOpen, nav.cursor, open, rowAt, toggle, runAction, quickAct]);

  // Keep the panel on the cursor's case as j/k move, once a panel is open.
  useEffect(() => {
    if (!openKey) return;
    const row = rowAt(nav.cursor);
    if (row && row.case_key !== openKey && !action) setOpenKey(row.case_key);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follow the cursor only
  }, [nav.cursor]);

  const changed = useCallback((row: CaseRow) => {
    cache.replace(row);
    setTotalsVersion((v) => v + 1);
  }, [cache]);
  const activeCount = activeFilterCount(filter);

  // The filtered cases' sums, per currency: asked once per filter (and after an act), not per page.
  const [totals, setTotals] = useState<CaseTotals[] | null>(null);
  const [totalsVersion, setTotalsVersion] = useState(0);
  useEffect(() => {
    let live = true;
    backend.caseTotals(filter).then((t) => live && setTotals(t), () => live && setTotals(null));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- queryKey stands for the filter
  }, [queryKey, backend, totalsVersion]);

  // The as-of the statuses were judged at (the last run's), shown beside the totals.
  const [asOf, setAsOf] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    backend.summary({ period: null, date_from: null, date_to: null, psp: null }).then(
      (s) => live && setAsOf(s.cases > 0 ? s.as_of : null),
      () => live && setAsOf(null),
    );
    return () => {
      live = false;
    };
  }, [backend, totalsVersion]);

  // The person's last act, offered for undo; asked again after every act.
  const [lastAct, setLastAct] = useState<LastAct | null>(null);
  const [undone, setUndone] = useState<{ text: string; ok: boolean } | null>(null);
  useEffect(() => {
    let live = true;
    backend.lastAct().then((a) => live && setLastAct(a), () => live && setLastAct(null));
    return () => {
      live = false;
    };
  }, [backend, totalsVersion]);
  async function undo() {
    if (!lastAct) return;
    try {
      const rows = await backend.undoLast(lastAct.audit_seq);
      for (const r of rows) cache.replace(r);
      setUndone({ ok: true, text: t("cases.undone", { act: t(`action.${lastAct.action}`), key: lastAct.case_keys.join(", ") }) });
      setTotalsVersion((v) => v + 1);
    } catch (e) {
      setUndone({ ok: false, text: errorText(i18n, e) });
    }
  }

  // Select every case of the filter (up to SELECT_ALL_MAX), page by page.
  const [selecting, setSelecting] = useState(false);
  async function selectAll() {
    if (total > SELECT_ALL_MAX) {
      setQuick({ ok: false, text: t("cases.select_all_too_many", { max: i18n.count(SELECT_ALL_MAX) }) });
      return;
    }
    setSelecting(true);
    try {
      const keys: string[] = [];
      for (let offset = 0; offset < total; offset += 1000) {
        const page = await backend.listCases({ filter, sort, offset, limit: 1000 });
        keys.push(...page.rows.map((r) => r.case_key));
      }
      dispatch({ type: "select", keys });
    } catch (e) {
      setQuick({ ok: false, text: errorText(i18n, e) });
    } finally {
      setSelecting(false);
    }
  }

  // "Export this view": exactly the filtered cases, through the save dialog.
  const [exportFormat, setExportFormat] = useState<ReportFormat>("xlsx");
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<{ path: string | null } | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  async function exportView() {
    setExporting(true);
    setExported(null);
    setExportError(null);
    try {
      const path = await backend.exportReport({ kind: "cases", format: exportFormat, period: null, statuses: [], psps: [], lang, filter });
      setExported({ path });
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  }

  return (
    <div className="cases-screen">
      <CaseFilters
        form={form}
        onChange={setForm}
        facets={facets}
        invalid={invalid}
        searchRef={searchRef}
        activeCount={activeCount}
        onClear={() => setForm(EMPTY_FORM)}
      />
      <div className="cases-bar">
        <span data-testid="cases-total">{i18n.tp("cases.total", total)}</span>
        {total > 0 && nav.selected.size < total ? (
          <button type="button" className="link" data-testid="select-all" disabled={selecting} onClick={() => void selectAll()}>
            {t("cases.select_all", { n: i18n.count(total) })}
          </button>
        ) : null}
        {nav.selected.size > 0 ? (
          <>
            <span data-testid="cases-selected">{i18n.tp("cases.selected", nav.selected.size)}</span>
            <button type="button" data-testid="bulk-resolve" onClick={() => { setBulkOpen(true); setOpenKey(null); }}>
              {t("cases.bulk_act")}
            </button>
            <button type="button" className="link" data-testid="clear-selection" onClick={() => dispatch({ type: "clear" })}>{t("cases.clear_selection")}</button>
          </>
        ) : null}
        {lastAct ? (
          <button
            type="button"
            data-testid="undo-last"
            title={t("cases.undo_hint", { act: t(`action.${lastAct.action}`), key: lastAct.case_keys.join(", "), seq: String(lastAct.audit_seq) })}
            onClick={() => void undo()}
          >
            {t("cases.undo", { act: t(`action.${lastAct.action}`) })}
          </button>
        ) : null}
        <span className="keys muted">{t("cases.keys")}</span>
        <span className="row end">
          <select data-testid="cases-export-format" aria-label={t("cases.export_format")} value={exportFormat} onChange={(e) => setExportFormat(e.target.value as ReportFormat)}>
            <option value="xlsx">Excel (.xlsx)</option>
            <option value="csv">CSV</option>
          </select>
          <button type="button" data-testid="cases-export" disabled={exporting || total === 0} onClick={() => void exportView()}>
            {exporting ? t("common.working") : t("cases.export_view")}
          </button>
        </span>
      </div>
      {totals && totals.length > 0 ? (
        <div className="cases-totals small" data-testid="cases-totals">
          {asOf ? <span className="muted" data-testid="cases-as-of">{t("dash.as_of", { at: formatTimeWithZone(asOf, zone, lang) })}</span> : null}
          {totals.map((x) => (
            <span key={x.currency ?? ""} data-testid={`cases-totals-${x.currency ?? "none"}`}>
              {t("cases.totals", {
                currency: x.currency ?? t("cases.no_currency"),
                n: i18n.count(x.cases),
                total: formatMoney(x.order_total, x.currency, lang),
                paid: formatMoney(x.paid_amount, x.currency, lang),
                diff: formatMoney(x.difference, x.currency, lang),
              })}
            </span>
          ))}
        </div>
      ) : null}
      {exported ? (
        <p className={exported.path ? "ok" : "muted"} role="status" data-testid="cases-export-result">
          {exported.path ? t("export.saved", { path: exported.path }) : t("export.cancelled")}
        </p>
      ) : null}
      <ErrorLine error={exportError} testid="cases-export-error" />
      {quick ? <p className={quick.ok ? "ok small" : "error small"} role="status" data-testid="cases-quick-result">{quick.text}</p> : null}
      {undone ? <p className={undone.ok ? "ok small" : "error small"} role="status" data-testid="undo-result">{undone.text}</p> : null}
      <ErrorLine error={cache.error} testid="cases-error" />
      <div className={openKey || bulkOpen ? "cases-split with-panel" : "cases-split"}>
        {cache.total === 0 ? (
          <p className="empty" data-testid="cases-empty">{t("cases.empty")}</p>
        ) : (
          <CaseTable
            cache={cache}
            cacheVersion={cacheVersion}
            total={total}
            cursor={nav.cursor}
            selected={nav.selected}
            sorting={sorting}
            onSortingChange={setSorting}
            onRowClick={(index) => dispatch({ type: "set", index })}
            onRowOpen={(index) => open(index)}
            onToggle={toggle}
            busy={cache.total === null || cache.get(nav.cursor) === undefined}
          />
        )}
        {openKey ? (
          <CaseDetail
            key={openKey}
            caseKey={openKey}
            action={action}
            onAction={setAction}
            onClose={() => { setOpenKey(null); setAction(null); }}
            onChanged={changed}
          />
        ) : null}
        {bulkOpen ? (
          <BulkAct keys={[...nav.selected]} onClose={() => setBulkOpen(false)} onChanged={changed} onFinished={() => dispatch({ type: "clear" })} />
        ) : null}
      </div>
      <p className="sr-only" aria-live="polite">{errorTextOrEmpty(i18n, cache.error)}</p>
    </div>
  );
}

function errorTextOrEmpty(i18n: ReturnType<typeof useI18n>, error: unknown): string {
  return error ? errorText(i18n, error) : "";
}

type BulkKind = "resolve" | "confirm" | "note";

function BulkAct({ keys: selectedKeys, onClose, onChanged, onFinished }: { keys: string[]; onClose: () => void; onChanged: (row: CaseRow) => void; onFinished: () => void }) {
  const { backend } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  // The cases chosen when the panel opened: clearing the selection afterwards must not change them.
  const [keys] = useState(selectedKeys);
  const [kind, setKind] = useState<BulkKind>("resolve");
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; failed: { key: string; text: string }[] } | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (kind === "resolve" && !reason) return setProblem(t("action.reason_required"));
    if (kind === "resolve" && reason === "other" && !note.trim()) return setProblem(t("action.note_required_other"));
    if (kind === "note" && !note.trim()) return setProblem(t("action.note_empty"));
    setProblem(null);
    const failed: { key: string; text: string }[] = [];
    let done = 0;
    if (kind === "resolve") {
      // One transaction: every case resolved (each its own decision and audit event) or none.
      try {
        const out = await backend.bulkResolve(keys, reason, note.trim() || null);
        for (const row of out.resolved) onChanged(row);
        setProgress({ done: out.resolved.length + out.skipped.length, failed: [] });
        onFinished();
      } catch (err) {
        setProgress({ done: 0, failed: [{ key: "", text: errorText(i18n, err) }] });
      }
      return;
    }
    // Confirm and note: one call per case, each its own act; failures are listed.
    for (const key of keys) {
      try {
        onChanged(await backend.caseAction({ case_key: key, action: kind, reason: null, note: note.trim() || null, line_ids: [], order_id: null }));
        done++;
      } catch (err) {
        failed.push({ key, text: errorText(i18n, err) });
      }
      setProgress({ done, failed: [...failed] });
    }
    if (failed.length === 0) onFinished();
  }

  return (
    <aside className="detail" data-testid="bulk-panel" aria-label={t("cases.bulk_act")}>
      <div className="detail-head">
        <h2>{i18n.tp("cases.bulk_title", keys.length)}</h2>
        <button type="button" className="icon" aria-label={t("common.close")} onClick={onClose}>×</button>
      </div>
      <form className="action-form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span className="field-label">{t("cases.bulk_kind")}</span>
          <select data-testid="bulk-action" value={kind} onChange={(e) => { setKind(e.target.value as BulkKind); setProgress(null); }}>
            <option value="resolve">{t("action.resolve")}</option>
            <option value="confirm">{t("action.confirm")}</option>
            <option value="note">{t("action.note")}</option>
          </select>
        </label>
        {kind === "resolve" ? (
          <label className="field">
            <span className="field-label">{t("action.reason")}</span>
            <select data-testid="bulk-reason" value={reason} onChange={(e) => setReason(e.target.value)}>
              <option value="">{t("action.choose_reason")}</option>
              {RESOLVE_REASONS.map((r) => <option key={r} value={r}>{t(`reason.${r}`)}</option>)}
            </select>
          </label>
        ) : null}
        {kind === "confirm" ? <p className="muted small">{t("cases.bulk_confirm_hint")}</p> : null}
        <label className="field">
          <span className="field-label">{t("action.note")}</span>
          <textarea data-testid="bulk-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        {problem ? <p className="error" role="alert">{problem}</p> : null}
        <div className="row end">
          <button type="submit" className="primary" data-testid="bulk-submit" disabled={progress !== null && progress.done + progress.failed.length < keys.length}>
            {t(`action.${kind}`)}
          </button>
        </div>
      </form>
      {progress ? (
        <div data-testid="bulk-progress" role="status">
          <p>{t("action.bulk_progress", { done: i18n.count(progress.done), n: i18n.count(keys.length) })}</p>
          {progress.failed.length ? (
            <>
              <p className="error">{i18n.tp("action.bulk_failed", progress.failed.length)}</p>
              <ul className="small">
                {progress.failed.map((f) => <li key={f.key} title={f.key}>{f.key ? <>{auditSubjectText(i18n, f.key)}{t("common.colon")}</> : t("cases.bulk_none")}{f.text}</li>)}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </aside>
  );
}
