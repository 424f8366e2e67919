// The form of one review action: what it needs (a reason code, a note, lines to match or unmatch)
// checked here as the backend will check it, then one `case_action` call.

import { useEffect, useState, type FormEvent } from "react";
import { RESOLVE_REASONS, type CaseActionKind, type CaseDetail, type CaseRow, type FoundLine, type FoundOrder } from "../../ipc";
import { subtractDecimals, sumDecimals } from "../../format/decimal";
import { useApp } from "../../app/context";
import { useI18n, type MessageKey } from "../../i18n/i18n";
import { ErrorLine, Money, Time } from "../../components/ui";
import { lineAmount, matchedAndSuggestedLines, orderRef } from "./detailViews";

interface Props {
  action: CaseActionKind;
  detail: CaseDetail;
  onDone: (row: CaseRow, action: CaseActionKind) => void;
  onCancel: () => void;
}

export function ActionForm({ action, detail, onDone, onCancel }: Props) {
  const { backend } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const c = detail.case;
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const matched = matchedAndSuggestedLines(detail).matched;
  const [lineIds, setLineIds] = useState<number[]>(action === "unmatch" ? matched.map((l) => l.id) : []);
  const [query, setQuery] = useState("");
  const [candidates, setCandidates] = useState<FoundLine[] | null>(null);
  // Lines chosen so far, kept when a new search replaces the candidates (for the difference).
  const [chosen, setChosen] = useState<FoundLine[]>([]);
  const [orderQuery, setOrderQuery] = useState("");
  const [orders, setOrders] = useState<FoundOrder[] | null>(null);
  const [picked, setPicked] = useState<FoundOrder | null>(null);
  const picksOrder = action === "match" && c.order_id === null;
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!picksOrder || orderQuery.trim().length < 2) {
      setOrders(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      backend.searchOrders(orderQuery).then((found) => live && setOrders(found), (e) => live && setError(e));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [picksOrder, orderQuery, backend]);

  useEffect(() => {
    if (action !== "match" || picksOrder || query.trim().length < 2) {
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
  }, [action, picksOrder, query, backend]);

  function check(): MessageKey | null {
    if (action === "resolve" && !reason) return "action.reason_required";
    if (action === "resolve" && reason === "other" && !note.trim()) return "action.note_required_other";
    if (action === "reopen" && !reason.trim()) return "action.reason_required";
    if (action === "note" && !note.trim()) return "action.note_empty";
    if ((action === "match" || action === "unmatch") && !reason.trim()) return "action.reason_required";
    if (picksOrder && !picked) return "action.order_required";
    if (((action === "match" && !picksOrder) || action === "unmatch") && lineIds.length === 0) return "action.lines_required";
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
        line_ids: (action === "match" && !picksOrder) || action === "unmatch" ? lineIds.map(String) : [],
        order_id: picksOrder && picked ? String(picked.order.id) : null,
        expected_membership: detail.membership,
      });
      onDone(row, action);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const toggleLine = (id: number) => setLineIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  const toggleCandidate = (f: FoundLine) => {
    toggleLine(f.line.id);
    setChosen((fs) => (fs.some((x) => x.line.id === f.line.id) ? fs.filter((x) => x.line.id !== f.line.id) : [...fs, f]));
  };

  // The running difference a person watches while matching: what the order asks for against
  // what its payments would then add up to (in the buyer's currency; lines in another currency
  // are left out of the sum, as the core does).
  const running = ((): { total: string; paid: string; currency: string } | null => {
    if (action !== "match") return null;
    if (picksOrder) {
      if (!picked) return null;
      return { total: picked.order.total ?? "", paid: c.paid_amount ?? "0", currency: picked.order.currency ?? "" };
    }
    if (c.order_total === null || c.currency === null) return null;
    const added = chosen.map((f) => lineAmount(f.line)).filter((a) => a.currency === c.currency).map((a) => a.amount);
    return { total: c.order_total, paid: sumDecimals([c.paid_amount ?? "0", ...added]), currency: c.currency };
  })();

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
      {action === "match" && picksOrder ? (
        <>
          <label className="field">
            <span className="field-label">{t("action.search_orders")}</span>
            <input data-testid="match-order-search" autoFocus value={orderQuery} onChange={(e) => setOrderQuery(e.target.value)} />
          </label>
          {orders !== null && orders.length === 0 ? <p className="muted">{t("action.no_orders")}</p> : null}
          {orders?.length ? (
            <ul className="pick-list" role="radiogroup">
              {orders.map((f) => (
                <li key={f.order.id}>
                  <label className="check">
                    <input
                      type="radio"
                      name="match-order"
                      data-testid="match-order-candidate"
                      data-order-ref={orderRef(f.order)}
                      checked={picked?.order.id === f.order.id}
                      onChange={() => setPicked(f)}
                    />
                    <span className="mono">{orderRef(f.order)}</span> · {f.order.customer_name ?? "—"} · <Money amount={f.order.total} currency={f.order.currency} /> ·{" "}
                    <Time value={f.order.created_at} />
                    {f.status ? <span className="muted"> · {i18n.tMaybe(`status.${f.status}`, f.status)}</span> : null}
                  </label>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
      {action === "match" && !picksOrder ? (
        <>
          <label className="field">
            <span className="field-label">{t("action.search_lines")}</span>
            <input data-testid="match-search" autoFocus value={query} onChange={(e) => setQuery(e.target.value)} />
          </label>
          {candidates !== null && candidates.length === 0 ? <p className="muted">{t("action.no_candidates")}</p> : null}
          {candidates?.length ? (
            <ul className="pick-list">
              {candidates.map((f) => (
                <li key={f.line.id}>
                  <label className="check">
                    <input type="checkbox" data-testid="match-candidate" checked={lineIds.includes(f.line.id)} onChange={() => toggleCandidate(f)} />
                    <span className="mono">{f.line.psp_txn_id ?? f.line.merchant_ref ?? f.line.id}</span> · {f.line.psp} · <Money {...lineAmount(f.line)} /> ·{" "}
                    <Time value={f.line.approved_at ?? f.line.settled_at} />
                    {f.case_key ? <span className="muted"> · {f.case_key}</span> : null}
                  </label>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
      {running ? (
        <p className="running-difference" data-testid="match-difference">
          {t("action.order_total")}{t("common.colon")}<Money amount={running.total} currency={running.currency} /> · {t("action.paid_then")}{t("common.colon")}
          <Money amount={running.paid} currency={running.currency} /> · {t("action.difference")}{t("common.colon")}
          <Money amount={subtractDecimals(running.paid, running.total)} currency={running.currency} testid="match-difference-value" />
        </p>
      ) : null}
      {action === "match" || action === "unmatch" ? (
        <label className="field">
          <span className="field-label">{t(action === "match" ? "action.match_reason" : "action.unmatch_reason")} *</span>
          <input data-testid="action-reason-input" value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      ) : null}
      {action === "unmatch" ? (
        <ul className="pick-list">
          {matched.map((l) => (
            <li key={l.id}>
              <label className="check">
                <input type="checkbox" data-testid="unmatch-line" checked={lineIds.includes(l.id)} onChange={() => toggleLine(l.id)} />
                <span className="mono">{l.psp_txn_id ?? l.id}</span> · <Money {...lineAmount(l)} />
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
