// The cases screen: filter bar, the virtualized table (paging, sorting and filtering happen in the
// backend), keyboard control, multi-select with bulk resolve, and the detail side panel.

import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { SortingState } from "@tanstack/react-table";
import { RESOLVE_REASONS, type CaseActionKind, type CaseFilter, type CaseRow, type Facets } from "../../ipc";
import { useApp } from "../../app/context";
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

export function CasesScreen({ initialFilter }: { initialFilter: Partial<CaseFilter> }) {
  const { backend } = useApp();
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

  const runAction = useCallback(
    async (kind: CaseActionKind) => {
      const row = rowAt(nav.cursor);
      if (!row) return;
      if (kind === "confirm") {
        // Confirming needs nothing more: do it, then show the case.
        setOpenKey(row.case_key);
        setAction("confirm");
        return;
      }
      open(nav.cursor, kind);
    },
    [nav.cursor, open, rowAt],
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
        case "search":
          searchRef.current?.focus();
          break;
        case "escape":
          break;
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [action, openKey, bulkOpen, nav.cursor, open, rowAt, toggle, runAction]);

  // Keep the panel on the cursor's case as j/k move, once a panel is open.
  useEffect(() => {
    if (!openKey) return;
    const row = rowAt(nav.cursor);
    if (row && row.case_key !== openKey && !action) setOpenKey(row.case_key);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follow the cursor only
  }, [nav.cursor]);

  const changed = useCallback((row: CaseRow) => cache.replace(row), [cache]);
  const activeCount = activeFilterCount(filter);

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
        {nav.selected.size > 0 ? (
          <>
            <span data-testid="cases-selected">{i18n.tp("cases.selected", nav.selected.size)}</span>
            <button type="button" data-testid="bulk-resolve" onClick={() => { setBulkOpen(true); setOpenKey(null); }}>
              {t("cases.bulk_resolve")}
            </button>
            <button type="button" className="link" onClick={() => dispatch({ type: "clear" })}>{t("cases.clear_selection")}</button>
          </>
        ) : null}
        <span className="keys muted">{t("cases.keys")}</span>
      </div>
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
          <BulkResolve keys={[...nav.selected]} onClose={() => setBulkOpen(false)} onChanged={changed} onFinished={() => dispatch({ type: "clear" })} />
        ) : null}
      </div>
      <p className="sr-only" aria-live="polite">{errorTextOrEmpty(i18n, cache.error)}</p>
    </div>
  );
}

function errorTextOrEmpty(i18n: ReturnType<typeof useI18n>, error: unknown): string {
  return error ? errorText(i18n, error) : "";
}

function BulkResolve({ keys: selectedKeys, onClose, onChanged, onFinished }: { keys: string[]; onClose: () => void; onChanged: (row: CaseRow) => void; onFinished: () => void }) {
  const { backend } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  // The cases chosen when the panel opened: clearing the selection afterwards must not change them.
  const [keys] = useState(selectedKeys);
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; failed: { key: string; text: string }[] } | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!reason) return setProblem(t("action.reason_required"));
    if (reason === "other" && !note.trim()) return setProblem(t("action.note_required_other"));
    setProblem(null);
    const failed: { key: string; text: string }[] = [];
    let done = 0;
    // One call per case: each decision is its own audit event, as if made one by one.
    for (const key of keys) {
      try {
        onChanged(await backend.caseAction({ case_key: key, action: "resolve", reason, note: note.trim() || null, line_ids: [], order_id: null }));
        done++;
      } catch (err) {
        failed.push({ key, text: errorText(i18n, err) });
      }
      setProgress({ done, failed: [...failed] });
    }
    if (failed.length === 0) onFinished();
  }

  return (
    <aside className="detail" data-testid="bulk-panel" aria-label={t("cases.bulk_resolve")}>
      <div className="detail-head">
        <h2>{i18n.tp("cases.bulk_title", keys.length)}</h2>
        <button type="button" className="icon" aria-label={t("common.close")} onClick={onClose}>×</button>
      </div>
      <form className="action-form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span className="field-label">{t("action.reason")}</span>
          <select data-testid="bulk-reason" value={reason} onChange={(e) => setReason(e.target.value)}>
            <option value="">{t("action.choose_reason")}</option>
            {RESOLVE_REASONS.map((r) => <option key={r} value={r}>{t(`reason.${r}`)}</option>)}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t("action.note")}</span>
          <textarea data-testid="bulk-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        {problem ? <p className="error" role="alert">{problem}</p> : null}
        <div className="row end">
          <button type="submit" className="primary" data-testid="bulk-submit" disabled={progress !== null && progress.done + progress.failed.length < keys.length}>
            {t("action.resolve")}
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
                {progress.failed.map((f) => <li key={f.key} title={f.key}>{auditSubjectText(i18n, f.key)}: {f.text}</li>)}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </aside>
  );
}
