// The form of one review action: what it needs (a reason code, a note, lines to match or unmatch)
// checked here as the backend will check it, then one `case_action` call.

import { useEffect, useState, type FormEvent } from "react";
import { RESOLVE_REASONS, type CaseActionKind, type CaseDetail, type CaseRow, type SettlementLine } from "../../ipc";
import { useApp } from "../../app/context";
import { useI18n, type MessageKey } from "../../i18n/i18n";
import { ErrorLine, Money, Time } from "../../components/ui";

interface Props {
  action: CaseActionKind;
  detail: CaseDetail;
  onDone: (row: CaseRow, action: CaseActionKind) => void;
  onCancel: () => void;
}

export function ActionForm({ action, detail, onDone, onCancel }: Props) {
  const { backend } = useApp();
  const { t } = useI18n();
  const c = detail.case;
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [lineIds, setLineIds] = useState<string[]>(action === "unmatch" ? detail.lines.map((l) => l.id) : []);
  const [orderId, setOrderId] = useState("");
  const [query, setQuery] = useState("");
  const [candidates, setCandidates] = useState<SettlementLine[] | null>(null);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (action !== "match" || query.trim().length < 2) {
      setCandidates(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      backend.searchLines(query).then((lines) => live && setCandidates(lines), (e) => live && setError(e));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [action, query, backend]);

  function check(): MessageKey | null {
    if (action === "resolve" && !reason) return "action.reason_required";
    if (action === "resolve" && reason === "other" && !note.trim()) return "action.note_required_other";
    if (action === "reopen" && !reason.trim()) return "action.reason_required";
    if (action === "note" && !note.trim()) return "action.note_empty";
    if ((action === "match" || action === "unmatch") && lineIds.length === 0 && !(action === "match" && orderId.trim())) return "action.lines_required";
    return null;
  }

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    const p = check();
    setProblem(p);
    if (p) return;
    setBusy(true);
    setError(null);
    try {
      const row = await backend.caseAction({
        case_key: c.case_key,
        action,
        reason: reason.trim() || null,
        note: note.trim() || null,
        line_ids: action === "match" || action === "unmatch" ? lineIds : [],
        order_id: action === "match" && orderId.trim() ? orderId.trim() : null,
        expected_membership: detail.membership,
      });
      onDone(row, action);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const toggleLine = (id: string) => setLineIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  return (
    <form className="action-form" data-testid={`form-${action}`} onSubmit={(e) => void submit(e)}>
      <h3>{t(`action.${action}`)}</h3>
      {action === "confirm" ? <p>{t("action.confirm_hint")}</p> : null}
      {action === "resolve" ? (
        <label className="field">
          <span className="field-label">{t("action.reason")}</span>
          <select data-testid="resolve-reason" value={reason} autoFocus onChange={(e) => setReason(e.target.value)}>
            <option value="">{t("action.choose_reason")}</option>
            {RESOLVE_REASONS.map((r) => <option key={r} value={r}>{t(`reason.${r}`)}</option>)}
          </select>
        </label>
      ) : null}
      {action === "reopen" ? (
        <label className="field">
          <span className="field-label">{t("action.reopen_reason")}</span>
          <input data-testid="reopen-reason" autoFocus value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      ) : null}
      {action === "match" ? (
        <>
          <label className="field">
            <span className="field-label">{t("action.search_lines")}</span>
            <input data-testid="match-search" autoFocus value={query} onChange={(e) => setQuery(e.target.value)} />
          </label>
          {candidates !== null && candidates.length === 0 ? <p className="muted">{t("action.no_candidates")}</p> : null}
          {candidates?.length ? (
            <ul className="pick-list">
              {candidates.map((l) => (
                <li key={l.id}>
                  <label className="check">
                    <input type="checkbox" data-testid="match-candidate" checked={lineIds.includes(l.id)} onChange={() => toggleLine(l.id)} />
                    <span className="mono">{l.psp_txn_id ?? l.id}</span> · {l.psp} · <Money amount={l.local_amount} currency={l.local_currency} /> · <Time value={l.settled_at} />
                    {l.case_key ? <span className="muted"> · {l.case_key}</span> : null}
                  </label>
                </li>
              ))}
            </ul>
          ) : null}
          {c.order_id === null ? (
            <label className="field">
              <span className="field-label">{t("action.order_id")}</span>
              <input data-testid="match-order" value={orderId} onChange={(e) => setOrderId(e.target.value)} />
            </label>
          ) : null}
        </>
      ) : null}
      {action === "unmatch" ? (
        <ul className="pick-list">
          {detail.lines.map((l) => (
            <li key={l.id}>
              <label className="check">
                <input type="checkbox" data-testid="unmatch-line" checked={lineIds.includes(l.id)} onChange={() => toggleLine(l.id)} />
                <span className="mono">{l.psp_txn_id ?? l.id}</span> · <Money amount={l.local_amount} currency={l.local_currency} />
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      {action !== "reopen" ? (
        <label className="field">
          <span className="field-label">
            {t("action.note")}
            {(action === "resolve" && reason === "other") || action === "note" ? " *" : ""}
          </span>
          <textarea data-testid="action-note-input" rows={2} autoFocus={action === "note"} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
      ) : null}
      {problem ? <p className="error" role="alert" data-testid="action-problem">{t(problem)}</p> : null}
      <ErrorLine error={error} testid="action-error" />
      <div className="row end">
        <button type="button" onClick={onCancel}>{t("common.cancel")}</button>
        <button type="submit" className="primary" data-testid="action-submit" disabled={busy}>{t(`action.${action}`)}</button>
      </div>
    </form>
  );
}
