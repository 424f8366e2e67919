// Import: files come from the drop zone (paths through Tauri's drag-drop event) or the native
// "choose files" dialog, several at once. Each gets a preview (detected format, column mapping,
// first rows, problems); the import runs as a background job with progress events and can be
// cancelled; each file then gets its result. The history of imported files is below.

import { useCallback, useEffect, useRef, useState } from "react";
import type { ImportPreview, ImportProgress, ImportReport, ZoneFrom } from "../../ipc";
import { useApp, useZone } from "../../app/context";
import { inlineValue, useI18n } from "../../i18n/i18n";
import { renderMsg } from "../../i18n/backendText";
import { ErrorLine } from "../../components/ui";
import { formatBytes } from "../../format/money";
import { formatDuration, formatTimeWithZone, zoneLabel } from "../../format/time";
import { FileList } from "./FileList";

interface Pending {
  path: string;
  preview: ImportPreview | null;
  error: unknown;
}

export function ImportScreen() {
  const { backend, dataChanged } = useApp();
  const i18n = useI18n();
  const { t, tp, count, lang } = i18n;
  const [pending, setPending] = useState<Pending[]>([]);
  const [skipBad, setSkipBad] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [reports, setReports] = useState<ImportReport[]>([]);
  const [ended, setEnded] = useState<"finished" | "cancelled" | "failed" | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [hover, setHover] = useState(false);
  const [filesVersion, setFilesVersion] = useState(0);
  const jobRef = useRef<string | null>(null);
  // Events that arrive while `startImport` has not yet told us the job's id (a file imported
  // before finishes at once): kept, then replayed for that id, so no "finished" is lost.
  const starting = useRef(false);
  const early = useRef<ImportProgress[]>([]);
  const replay = useRef<(p: ImportProgress) => void>(() => undefined);

  const add = useCallback(
    (paths: string[]) => {
      setEnded(null);
      setReports([]);
      setPending((current) => {
        const known = new Set(current.map((p) => p.path));
        const fresh = paths.filter((p) => !known.has(p));
        for (const path of fresh) {
          backend.previewImport(path).then(
            (preview) => setPending((list) => list.map((p) => (p.path === path ? { ...p, preview } : p))),
            (e) => setPending((list) => list.map((p) => (p.path === path ? { ...p, error: e } : p))),
          );
        }
        return [...current, ...fresh.map((path) => ({ path, preview: null, error: null }))];
      });
    },
    [backend],
  );

  useEffect(() => {
    let unlisten: (() => void) | null = null;
    let dropped = false;
    void backend.onFilesDropped((paths) => add(paths)).then((u) => (dropped ? u() : (unlisten = u)));
    return () => {
      dropped = true;
      unlisten?.();
    };
  }, [backend, add]);

  useEffect(() => {
    let unlisten: (() => void) | null = null;
    let gone = false;
    const handle = (p: ImportProgress) => {
      setProgress(p);
      if (p.phase === "file_done") setReports((r) => [...r, ...p.reports]);
      if (p.phase === "finished" || p.phase === "cancelled" || p.phase === "failed") {
        setReports(p.reports);
        setEnded(p.phase);
        if (p.error) setError(p.error);
        setJobId(null);
        jobRef.current = null;
        setPending([]);
        setFilesVersion((v) => v + 1);
        dataChanged();
      }
    };
    replay.current = handle;
    void backend
      .onImportProgress((p) => {
        if (jobRef.current === null && starting.current) {
          early.current.push(p);
          return;
        }
        if (p.job_id !== jobRef.current) return;
        handle(p);
      })
      .then((u) => (gone ? u() : (unlisten = u)));
    return () => {
      gone = true;
      unlisten?.();
    };
  }, [backend, dataChanged]);

  async function choose() {
    try {
      const paths = await backend.pickImportFiles();
      if (paths.length) add(paths);
    } catch (e) {
      setError(e);
    }
  }

  async function start() {
    setError(null);
    setReports([]);
    setEnded(null);
    early.current = [];
    starting.current = true;
    try {
      const id = await backend.startImport(pending.map((p) => p.path), skipBad);
      jobRef.current = id;
      setJobId(id);
      setProgress(null);
      for (const p of early.current.splice(0)) {
        if (p.job_id === id && jobRef.current === id) replay.current(p);
      }
    } catch (e) {
      setError(e);
    } finally {
      starting.current = false;
      early.current = [];
    }
  }

  const running = jobId !== null;
  const pct = progress && progress.bytes_total > 0 ? Math.min(100, (progress.bytes_done / progress.bytes_total) * 100) : 0;

  return (
    <div className="import-screen">
      <div
        className={hover ? "dropzone hover" : "dropzone"}
        data-testid="import-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setHover(true);
        }}
        onDragLeave={() => setHover(false)}
        onDrop={(e) => {
          // In the desktop app the drop arrives as paths through the Tauri event; a browser
          // only gives names, which the fake backend accepts as paths.
          e.preventDefault();
          setHover(false);
          const names = Array.from(e.dataTransfer.files).map((f) => f.name);
          if (names.length) add(names);
        }}
      >
        <p>{t("import.drop")}</p>
        <button type="button" className="primary" data-testid="import-choose" disabled={running} onClick={() => void choose()}>
          {t("import.choose")}
        </button>
      </div>
      <ErrorLine error={error} testid="import-error" />

      {pending.length > 0 ? (
        <section className="previews">
          <h2>{t("import.selected", { n: count(pending.length) })}</h2>
          {pending.map((p) => (
            <PreviewCard key={p.path} item={p} onRemove={running ? null : () => setPending((l) => l.filter((x) => x.path !== p.path))} />
          ))}
          <div className="row">
            <label className="check">
              <input type="checkbox" data-testid="import-skip-bad" checked={skipBad} disabled={running} onChange={(e) => setSkipBad(e.target.checked)} />
              {t("import.skip_bad")}
            </label>
            <span className="spacer" />
            {running ? (
              <button type="button" data-testid="import-cancel" onClick={() => jobId && void backend.cancelImport(jobId)}>
                {t("import.cancel")}
              </button>
            ) : (
              <button type="button" className="primary" data-testid="import-start" onClick={() => void start()}>
                {tp("import.start", pending.length)}
              </button>
            )}
          </div>
        </section>
      ) : null}

      {running || (progress && !ended) ? (
        <section className="progress" data-testid="import-progress" aria-live="polite">
          <progress max={100} value={pct} aria-label={t("import.progress_label")} />
          {progress ? (
            <p className="small">
              {t(`import.phase.${progress.phase}`)}
              {progress.file ? ` · ${progress.file.split(/[\\/]/).pop()}${t("common.paren", { text: `${progress.file_index + 1}/${progress.files_total}` })}` : ""}
              {" · "}
              {t("import.progress_counted", {
                rows: tp("import.rows", progress.rows_done),
                rate: count(Math.round(progress.rows_per_sec)),
                done: formatBytes(progress.bytes_done, lang),
                total: formatBytes(progress.bytes_total, lang),
                eta: progress.eta_seconds === null ? "—" : formatDuration(progress.eta_seconds),
              })}
            </p>
          ) : null}
        </section>
      ) : null}

      {ended ? (
        <p className={ended === "finished" ? "ok" : "warn"} role="status" data-testid="import-ended" data-phase={ended}>
          {t(`import.phase.${ended}`)}
        </p>
      ) : null}
      {reports.length ? (
        <section className="results">
          <h2>{t("import.results")}</h2>
          {reports.map((r, i) => <ReportCard key={`${r.file}-${i}`} report={r} />)}
        </section>
      ) : null}

      <section className="file-history">
        <h2 id="files-heading">{t("files.title")}</h2>
        <FileList version={filesVersion} />
      </section>
    </div>
  );
}

function PreviewCard({ item, onRemove }: { item: Pending; onRemove: (() => void) | null }) {
  const { t, lang } = useI18n();
  const workspaceZone = useZone();
  const p = item.preview;
  const name = item.path.split(/[\\/]/).pop() ?? item.path;
  return (
    <article className="card preview" data-testid="import-preview" data-path={item.path}>
      <header className="row">
        <strong>{name}</strong>
        {p ? <span className="muted small">{formatBytes(p.size, lang)}</span> : null}
        <span className="spacer" />
        {onRemove ? <button type="button" className="link" onClick={onRemove}>{t("import.remove")}</button> : null}
      </header>
      <ErrorLine error={item.error} testid="preview-error" />
      {!p ? (
        item.error ? null : <p aria-busy="true" className="small">{t("common.loading")}</p>
      ) : (
        <>
          <dl className="kv compact inline-kv">
            <dt>{t("import.format")}</dt><dd data-testid="preview-format">{p.format ?? t("import.unknown_format")}</dd>
            <dt>{t("import.kind")}</dt><dd>{p.kind ? t(`import.kind.${p.kind}`) : "—"}</dd>
            <dt>{t("import.profile")}</dt><dd>{p.profile ?? "—"}</dd>
            <dt>{t("import.encoding")}</dt><dd>{p.encoding ?? "—"}{p.delimiter ? ` · "${p.delimiter}"` : ""}</dd>
          </dl>
          <ReadingNotes zone={p.zone} zoneFrom={p.zone_from} totals={p.totals} testid="preview" />
          {p.already_imported_at ? <p className="warn small">{t("import.already", { at: formatTimeWithZone(p.already_imported_at, workspaceZone, lang) })}</p> : null}
          {p.columns.length ? (
            <div className="scroll-x">
              <table className="mini">
                <thead>
                  <tr>{p.columns.map((c) => <th key={c.source}>{c.source}<div className={c.field ? "map" : "map unused"}>{c.field ? `→ ${c.field}` : t("import.unused")}</div></th>)}</tr>
                </thead>
                <tbody>
                  {p.rows.map((r, i) => <tr key={i}>{r.map((cell, j) => <td key={j}>{cell}</td>)}</tr>)}
                </tbody>
              </table>
            </div>
          ) : null}
          <Problems problems={p.problems} />
        </>
      )}
    </article>
  );
}

/** How the file's times without an offset are read (and why that zone), and how many of its rows
 * are the file's own balances and totals rather than lines. */
function ReadingNotes({ zone, zoneFrom, totals, testid }: { zone: string | null; zoneFrom: ZoneFrom | null; totals: number; testid: "preview" | "result" }) {
  const { t, count, lang } = useI18n();
  return (
    <>
      {zone && zoneFrom ? (
        <p className="small muted" data-testid={`${testid}-zone`} data-zone={zone} data-zone-from={zoneFrom}>
          {t(`import.zone.${zoneFrom}`, { zone: inlineValue(zoneLabel(zone, lang), lang) })}
        </p>
      ) : null}
      {totals > 0 ? (
        <p className="small muted" data-testid={`${testid}-totals`}>
          {t(totals === 1 ? "import.totals_one" : "import.totals", { n: count(totals) })}
        </p>
      ) : null}
    </>
  );
}

function Problems({ problems }: { problems: ImportPreview["problems"] }) {
  const { t, lang } = useI18n();
  if (problems.length === 0) return <p className="ok small" data-testid="no-problems">{t("import.no_problems")}</p>;
  return (
    <ul className="problems" data-testid="problems">
      {problems.map((p, i) => (
        <li key={i} className={p.severity}>
          <span className="where">
            {[p.sheet, p.row !== null ? t("import.row", { row: p.row }) : null, p.column !== null ? t("import.column", { column: p.column }) : null].filter(Boolean).join(", ") || t("import.whole_file")}
          </span>
          : {renderMsg(p.message, lang)}
        </li>
      ))}
    </ul>
  );
}

function ReportCard({ report }: { report: ImportReport }) {
  const { t, count } = useI18n();
  const name = report.file.split(/[\\/]/).pop() ?? report.file;
  return (
    <article className="card report" data-testid="import-result" data-outcome={report.outcome}>
      <header className="row">
        <strong>{name}</strong>
        <span className={`chip outcome-${report.outcome}`}>{t(`import.outcome.${report.outcome}`)}</span>
        {report.format ? <span className="muted small">{report.format}</span> : null}
      </header>
      <dl className="counts">
        <div><dt>{t("import.new")}</dt><dd data-testid="result-new">{count(report.new)}</dd></div>
        <div><dt>{t("import.known")}</dt><dd data-testid="result-known">{count(report.known)}</dd></div>
        <div><dt>{t("import.updated")}</dt><dd data-testid="result-updated">{count(report.updated)}</dd></div>
        <div><dt>{t("import.conflicting")}</dt><dd data-testid="result-conflicting">{count(report.conflicting)}</dd></div>
        <div><dt>{t("import.rejected")}</dt><dd data-testid="result-rejected">{count(report.rejected)}</dd></div>
      </dl>
      <ReadingNotes zone={report.zone} zoneFrom={report.zone_from} totals={report.totals} testid="result" />
      {report.problems.length ? <Problems problems={report.problems} /> : null}
    </article>
  );
}
