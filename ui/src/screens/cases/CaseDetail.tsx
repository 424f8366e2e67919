// The case side panel: the case's explanation, amounts and times (shown in the offset the backend
// sent), the order with its items, the settlement lines, the audit history, and the review
// actions. Every action is one `case_action` call; its error is shown as the backend gave it
// (translated when its code is known).

import { useCallback, useEffect, useState } from "react";
import type { CaseActionKind, CaseDetail as Detail, CaseRecord, CaseRow, DetailLine } from "../../ipc";
import { useApp, useZone } from "../../app/context";
import { withZone } from "../../format/time";
import { useI18n } from "../../i18n/i18n";
import { renderMsg } from "../../i18n/backendText";
import { auditActionLabel, reasonText } from "../../app/labels";
import { ErrorLine, Lock, Money, RawRecord, StatusBadge, Time } from "../../components/ui";
import { ActionForm } from "./ActionForm";
import { lineAmount, matchedAndSuggestedLines, orderRef } from "./detailViews";

interface Props {
  caseKey: string;
  action: CaseActionKind | null;
  onAction: (action: CaseActionKind | null) => void;
  onClose: () => void;
  onChanged: (row: CaseRow) => void;
}

export function CaseDetail({ caseKey, action, onAction, onClose, onChanged }: Props) {
  const { backend } = useApp();
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<CaseActionKind | null>(null);

  const load = useCallback(async () => {
    try {
      setDetail(await backend.getCase(caseKey));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [backend, caseKey]);

  useEffect(() => {
    setDetail(null);
    setDone(null);
    void load();
  }, [load]);

  const applied = (row: CaseRow, kind: CaseActionKind) => {
    setDone(kind);
    onAction(null);
    onChanged(row);
    void load();
  };

  const c = detail?.case;
  const lines = detail ? matchedAndSuggestedLines(detail) : null;
  return (
    <aside className="detail" data-testid="case-detail" data-case-key={caseKey} aria-label={t("detail.title")}>
      <div className="detail-head">
        <h2 title={caseKey}>{c ? (c.order_ref ?? (c.settlement_refs.split("|")[0] || t("detail.title"))) : t("detail.title")}</h2>
        <button type="button" className="icon" data-testid="detail-close" aria-label={t("common.close")} onClick={onClose}>×</button>
      </div>
      <ErrorLine error={error} testid="detail-error" />
      {!detail || !c ? (
        error ? null : <p aria-busy="true">{t("common.loading")}</p>
      ) : (
        <>
          <div className="detail-status">
            <StatusBadge status={c.status} />
            <span className={`state state-${c.state}`} data-testid="detail-state" data-state={c.state}>{t(`state.${c.state}`)}</span>
            {c.locked ? <span className="chip warn" data-testid="detail-locked"><Lock label={t("cases.locked")} />{t("cases.locked")}</span> : null}
          </div>
          <p className="explanation" data-testid="detail-explanation">{renderMsg(detail.explanation_msg, lang)}</p>
          <p className="muted small">
            {t("detail.decided_by")}{t("common.colon")}{c.decided_by === "cuadra" ? t("detail.engine") : c.decided_by}
            {c.engine_status !== c.status ? <> · {t("detail.engine_status")}{t("common.colon")}{t(`status.${c.engine_status}`)}</> : null}
          </p>
          {/* The rule's code and the stored row, for whoever needs to trace the engine: the
              explanation above says the same in words. */}
          <RawRecord record={{ ...c, explanation_msg: detail.explanation_msg, membership: detail.membership }} testid="detail-raw" />

          <ActionBar row={c} active={action} onAction={onAction} />
          {done ? <p className="ok" role="status" data-testid="action-done">{t(`action.done.${done}`)}</p> : null}
          {action ? <ActionForm key={action} action={action} detail={detail} onDone={applied} onCancel={() => onAction(null)} /> : null}

          <section>
            <h3>{t("detail.amounts")}</h3>
            <dl className="kv">
              <dt>{t("detail.total")}</dt><dd><Money amount={c.order_total} currency={c.currency} testid="detail-total" /></dd>
              <dt>{t("detail.paid")}</dt><dd><Money amount={c.paid_amount} currency={c.currency} /></dd>
              <dt>{t("detail.difference")}</dt><dd><Money amount={c.difference} currency={c.currency} /></dd>
              <dt>{t("detail.fees")}</dt><dd><Money amount={c.fee_total} currency={c.settlement_currency} /></dd>
              <dt>{t("detail.taxes")}</dt><dd><Money amount={c.tax_total} currency={c.settlement_currency} /></dd>
              <dt>{t("detail.net")}</dt><dd><Money amount={c.net_settled} currency={c.settlement_currency} /></dd>
            </dl>
          </section>
          <section>
            <h3>{t("detail.times")}</h3>
            <dl className="kv">
              <dt>{t("detail.created")}</dt><dd data-testid="detail-created"><Time value={c.order_created_at} /></dd>
              <dt>{t("detail.paid_at")}</dt><dd><Time value={c.paid_at} /></dd>
              <dt>{t("detail.expires")}</dt><dd><Time value={c.voucher_expires_at} /></dd>
              <dt>{t("detail.settled")}</dt><dd><Time value={c.settled_at} /></dd>
            </dl>
          </section>

          <section data-testid="detail-order">
            <h3>{t("detail.order")}</h3>
            {detail.order ? (
              <>
                <p>
                  <strong>{orderRef(detail.order)}</strong> · {detail.order.platform} · {detail.order.customer_name ?? ""}
                  {detail.order.email ? ` <${detail.order.email}>` : ""} · {t("detail.shop_status")}{t("common.colon")}{i18n.tMaybe(`order_status.${detail.order.financial_status}`, detail.order.financial_status)}
                </p>
                <p className="muted small">{t("detail.source", { file: detail.order.file_name, row: detail.order.row_no })}</p>
                <table className="mini">
                  <thead><tr><th>{t("detail.item")}</th><th>SKU</th><th className="num">{t("detail.qty")}</th><th className="num">{t("detail.total")}</th></tr></thead>
                  <tbody>
                    {detail.items.map((item, i) => (
                      <tr key={i}><td>{item.name}</td><td>{item.sku}</td><td className="num">{item.quantity}</td><td className="num"><Money amount={item.total} currency={detail.order?.currency} /></td></tr>
                    ))}
                  </tbody>
                </table>
              </>
            ) : (
              <p className="muted">{t("detail.no_order")}</p>
            )}
          </section>

          <section data-testid="detail-lines">
            <h3>{t("detail.lines")}</h3>
            <LineTable lines={lines?.matched ?? []} empty={t("detail.no_lines")} />
            {lines?.suggested.length ? (
              <>
                <h4>{t("detail.suggested")}</h4>
                <LineTable lines={lines.suggested} empty="" />
              </>
            ) : null}
          </section>

          <Attachments detail={detail} onAttached={() => void load()} />

          <section data-testid="detail-history">
            <h3>{t("detail.history")}</h3>
            {detail.history.length === 0 ? (
              <p className="muted">{t("detail.no_history")}</p>
            ) : (
              <ol className="history">
                {detail.history.map((e) => (
                  <li key={e.seq} data-testid="history-event">
                    <Time value={e.at} /> · <strong>{e.actor}</strong> · {auditActionLabel(i18n, e.action)}
                    {e.reason ? <> · {reasonText(i18n, e.reason)}</> : null}
                    {e.note ? <div className="note">{e.note}</div> : null}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </aside>
  );
}

function LineTable({ lines, empty }: { lines: DetailLine[]; empty: string }) {
  const { t, tMaybe, lang } = useI18n();
  const zone = useZone();
  if (lines.length === 0) return empty ? <p className="muted">{empty}</p> : null;
  return (
    <table className="mini">
      <thead>
        <tr>
          <th>{t("detail.line.ref")}</th><th>{t("detail.line.type")}</th><th className="num">{t("detail.line.amount")}</th>
          <th className="num">{t("detail.fees")}</th><th className="num">{t("detail.net")}</th><th>{withZone(t("detail.settled"), zone, lang)}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.id} data-testid="line-row" title={t("detail.source", { file: l.file_name, row: l.row_no })}>
            <td className="mono" title={l.psp_txn_id ? undefined : String(l.id)}>{l.psp_txn_id ?? "—"}</td>
            <td>{tMaybe(`row_type.${l.row_type}`, l.row_type)}</td>
            <td className="num"><Money {...lineAmount(l)} /></td>
            <td className="num"><Money amount={l.fee_amount} currency={l.settlement_currency} /></td>
            <td className="num"><Money amount={l.net_amount} currency={l.settlement_currency} /></td>
            <td><Time bare value={l.settled_at} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Which actions make sense for a case; the backend still has the last word. */
export function availableActions(row: CaseRecord): Record<CaseActionKind, boolean> {
  const open = row.state === "open";
  return {
    confirm: open && row.status === "suggested",
    match: open,
    unmatch: open && row.settlement_refs !== "",
    resolve: open,
    reopen: row.state === "resolved",
    note: true,
  };
}

function ActionBar({ row, active, onAction }: { row: CaseRecord; active: CaseActionKind | null; onAction: (a: CaseActionKind) => void }) {
  const { t } = useI18n();
  const available = availableActions(row);
  const order: [CaseActionKind, string][] = [
    ["confirm", "c"], ["match", ""], ["unmatch", "u"], ["resolve", "r"], ["reopen", "o"], ["note", "n"],
  ];
  return (
    <div className="actions" role="toolbar" aria-label={t("detail.actions")}>
      {order.map(([kind, key]) => (
        <button
          key={kind}
          type="button"
          data-testid={`action-${kind}`}
          className={active === kind ? "active" : ""}
          disabled={!available[kind] || (row.locked && kind !== "note")}
          title={row.locked && kind !== "note" ? t("action.locked") : key ? `${t(`action.${kind}`)}${t("common.paren", { text: key })}` : undefined}
          onClick={() => onAction(kind)}
        >
          {t(`action.${kind}`)}
          {key ? <kbd>{key}</kbd> : null}
        </button>
      ))}
    </div>
  );
}

/** The case's evidence (PSP tickets, receipts) and the act of attaching one more. */
function Attachments({ detail, onAttached }: { detail: Detail; onAttached: () => void }) {
  const { backend } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [attached, setAttached] = useState(false);
  const c = detail.case;
  async function attach() {
    setBusy(true);
    setError(null);
    setAttached(false);
    try {
      const list = await backend.attachToCase(c.case_key, null);
      if (list) {
        setAttached(true);
        onAttached();
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section data-testid="case-attachments">
      <h3>{t("detail.attachments")}</h3>
      {detail.attachments.length === 0 ? <p className="muted small">{t("detail.no_attachments")}</p> : (
        <ul className="attachments">
          {detail.attachments.map((a) => (
            <li key={a.id} data-testid="attachment-row" title={`SHA-256 ${a.sha256}`}>
              <strong>{a.name}</strong> · {i18n.tp("detail.attachment_size", Math.max(1, Math.round(a.bytes / 1024)))} · <Time value={a.at} /> · {a.actor}
              {a.note ? <div className="note">{a.note}</div> : null}
            </li>
          ))}
        </ul>
      )}
      <button type="button" data-testid="case-attach" disabled={busy || c.locked} title={c.locked ? t("action.locked") : t("detail.attach_hint")} onClick={() => void attach()}>
        {busy ? t("common.working") : t("detail.attach")}
      </button>
      {attached ? <p className="ok small" role="status" data-testid="attach-done">{t("detail.attached")}</p> : null}
      <ErrorLine error={error} testid="attach-error" />
    </section>
  );
}
