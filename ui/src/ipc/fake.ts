// An in-memory backend for unit tests, browser tests and running the UI in a plain browser: the
// same `Backend` interface, a deterministic generated workspace (see fake/dataset.ts), review
// actions that follow the backend's rules, an audit hash chain that can be verified and
// tampered with, and a simulated import job with progress events. No Tauri.

import type { Backend, Unlisten } from "./backend";
import {
  AGING_BUCKETS,
  LANGS,
  RESOLVE_REASONS,
  type AgingBucket,
  type ApiError,
  type AuditEvent,
  type CaseActionRequest,
  type CaseDetail,
  type DetailItem,
  type DetailLine,
  type DetailOrder,
  type CaseFilter,
  type CaseRow,
  type CaseStatus,
  type ExportRequest,
  type FoundLine,
  type FoundOrder,
  type ImportedFile,
  type ImportPreview,
  type ImportProgress,
  type ImportReport,
  type Lang,
  type Msg,
  type MsgArg,
  type PeriodInfo,
  type Session,
  type Settings,
  type VerifyCheck,
  type Summary,
  type SummaryFilter,
  CASE_STATUSES,
  SUGGESTING_STATUSES,
  reviewOf,
  type ErrorCode,
} from "./types";
import { CaseStore } from "./fake/cases";
import { AS_OF, FAKE_METHODS, FAKE_PSPS, bogota, customerEmail, prng } from "./fake/dataset";
import { compareDecimals, isDecimal, sumDecimals } from "../format/decimal";
import { renderMsg } from "../i18n/backendText";

export interface FakeBackendOptions {
  /** Files already imported. */
  files?: ImportedFile[];
  /** When set, every call rejects with this error. */
  error?: ApiError;
  /** Start with no workspace open and no actor (the first-start screen). */
  fresh?: boolean;
  /** Start with the demo workspace loaded, of this many cases (`loadDemo` uses it too). */
  cases?: number;
  /** Start with the demo already loaded (default: true unless `fresh`). */
  loaded?: boolean;
  /** Milliseconds each call waits, to look like IPC. */
  latencyMs?: number;
}

/** The fake's extra handles for tests. */
export interface FakeBackend extends Backend {
  /** Simulates files dropped on the window. */
  dropFiles(paths: string[]): void;
  /** Changes an audit event in place, as an attacker with the database file could. */
  tamperAudit(seq: number): void;
  /** What `pickImportFiles` answers next. */
  setPickedFiles(paths: string[]): void;
  /** Make the next export's save dialog "cancelled". */
  cancelNextExport(): void;
  readonly exports: ExportRequest[];
}

const HOUR = 3_600_000;
const ACTOR_FALLBACK = "ana";

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** A 64-hex-digit chain hash: not cryptographic, only deterministic (the real one is SHA-256). */
function chainHash(prev: string, body: string): string {
  let out = "";
  for (let seed = 0; seed < 8; seed++) {
    let h = 0x811c9dc5 ^ (seed * 0x01000193);
    const text = `${prev}|${body}`;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    out += (h >>> 0).toString(16).padStart(8, "0");
  }
  return out;
}

function eventBody(e: Omit<AuditEvent, "prev_hash" | "hash">): string {
  return JSON.stringify([e.seq, e.at, e.actor, e.action, e.subject, e.before, e.after, e.reason, e.note]);
}

const DEMO_FILES: Omit<ImportedFile, "id">[] = [
  {
    sha256: "3b1f0c5d9a7e2f4b8c6d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d",
    name: "dlocal_liquidacion_2026-05.csv",
    size: 1_482_113,
    kind: "settlement",
    format: "dlocal-crossborder",
    encoding: "utf-8",
    imported_at: "2026-05-19T14:02:00Z",
    imported_by: "demo",
    rows_total: 2510,
    rows_new: 2510,
    rows_known: 0,
    rows_conflicting: 0,
    rows_updated: 0,
    rows_rejected: 0,
  },
  {
    sha256: "9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b",
    name: "pedidos_shopify_mayo.csv",
    size: 3_204_551,
    kind: "orders",
    format: "shopify",
    encoding: "utf-8",
    imported_at: "2026-05-19T14:03:00Z",
    imported_by: "demo",
    rows_total: 6120,
    rows_new: 6120,
    rows_known: 0,
    rows_conflicting: 0,
    rows_updated: 0,
    rows_rejected: 0,
  },
  {
    sha256: "5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b",
    name: "mercadopago_settlement_mayo.csv",
    size: 902_334,
    kind: "settlement",
    format: "mercadopago-settlement",
    encoding: "windows-1252",
    imported_at: "2026-05-19T14:04:00Z",
    imported_by: "demo",
    rows_total: 1498,
    rows_new: 1490,
    rows_known: 0,
    rows_conflicting: 3,
    rows_updated: 0,
    rows_rejected: 5,
  },
];

/** A message of the core's catalog (i18n/messages/backend.generated.ts), as the backend sends it. */
function m(k: string, ...a: MsgArg[]): Msg {
  return a.length > 0 ? { k, a } : { k };
}

/** Rejects as the backend does: a code, the detail, and the detail in English as the message. */
/** The most cases the fake sums for the cases table's totals line. */
const FAKE_TOTALS_UP_TO = 100_000;

function reject(code: ErrorCode, detail: Msg): never {
  throw { code, message: renderMsg(detail, "en"), detail } satisfies ApiError;
}

/** A filter that selects every case. */
export function emptyFilter(): CaseFilter {
  return {
    statuses: [],
    psps: [],
    payment_methods: [],
    period: null,
    date_from: null,
    date_to: null,
    amount_min: null,
    amount_max: null,
    text: null,
    state: null,
    expiring_within_hours: null,
  };
}

export function createFakeBackend(options: FakeBackendOptions = {}): FakeBackend {
  const demoSize = options.cases ?? 5000;
  const fresh = options.fresh ?? false;
  const loaded = options.loaded ?? !fresh;
  const latency = options.latencyMs ?? 0;

  const session: Session = fresh
    ? { workspace_path: null, workspace_name: null, actor: null, lang: null, workspace_error: null }
    : {
        workspace_path: "/home/ana/Documentos/Cuadra/tienda.cuadra",
        workspace_name: "tienda",
        actor: ACTOR_FALLBACK,
        lang: "es",
        workspace_error: null,
      };
  const settings: Settings = {
    zone: "America/Bogota",
    tolerance: "0",
    validity_hours: 72,
    validity_hours_by_psp: { payu: 168 },
    zone_by_psp: {},
    grace_days: 7,
    retention_years: 10,
    lang: session.lang ?? "es",
    actor: session.actor,
  };
  let files: ImportedFile[] = clone(options.files ?? []);
  const closed = new Map<string, { closed_at: string; closed_by: string; note: string | null }>();
  let store: CaseStore | null = null;
  const audit: AuditEvent[] = [];
  const progressListeners = new Set<(p: ImportProgress) => void>();
  const dropListeners = new Set<(paths: string[]) => void>();
  const jobs = new Map<string, { cancelled: boolean }>();
  const exports: ExportRequest[] = [];
  let exportCancelled = false;
  let picked = [
    "/home/ana/Descargas/dlocal_liquidacion_2026-06.csv",
    "/home/ana/Descargas/pedidos_shopify_junio.csv",
    "/home/ana/Descargas/payu_ventas_filas_malas.csv",
  ];
  let jobCounter = 0;
  let clockMs = Date.parse(AS_OF);

  const actor = () => session.actor ?? ACTOR_FALLBACK;
  const now = () => {
    clockMs += 60_000;
    return bogota(clockMs);
  };

  function record(action: string, subject: string, extra: Partial<AuditEvent> = {}): AuditEvent {
    const prev = audit.at(-1)?.hash ?? "0".repeat(64);
    const base = {
      seq: audit.length + 1,
      at: extra.at ?? now(),
      actor: extra.actor ?? actor(),
      action,
      subject,
      before: extra.before ?? null,
      after: extra.after ?? null,
      reason: extra.reason ?? null,
      note: extra.note ?? null,
    };
    const event: AuditEvent = { ...base, prev_hash: prev, hash: chainHash(prev, eventBody(base)) };
    audit.push(event);
    return event;
  }

  function loadWorkspace(): void {
    store = new CaseStore(demoSize, (period) => period !== null && closed.has(period));
    if (files.length === 0) files = DEMO_FILES.map((f, i) => ({ ...f, id: i + 1 }));
    for (const f of files) record("import", `file:${f.sha256.slice(0, 12)}`, { actor: "demo", after: f.name, at: "2026-05-19T09:02:00-05:00" });
    record("reconcile", "run:1", { actor: "demo", after: JSON.stringify({ as_of: AS_OF, cases: demoSize }), at: "2026-05-19T09:05:00-05:00" });
    closed.set("2026-03", { closed_at: "2026-04-05T17:00:00-05:00", closed_by: "maria", note: "Cierre marzo" });
    record("period_close", "period:2026-03", { actor: "maria", note: "Cierre marzo", at: "2026-04-05T17:00:00-05:00" });
    store.touch();
  }
  if (loaded) loadWorkspace();

  function needStore(): CaseStore {
    if (!session.workspace_path) reject("no_workspace", m("app.no_workspace"));
    if (!store) {
      // An opened but empty workspace: no cases.
      store = new CaseStore(0, () => false);
    }
    return store;
  }

  async function respond<T>(work: () => T): Promise<T> {
    if (options.error) throw clone(options.error);
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    return clone(work());
  }

  // ---- summary --------------------------------------------------------------------------------

  // The real backend answers from rollups; the fake scans every case, so it keeps its last
  // answers until a case changes (the dashboard asks twice on mount under React's StrictMode,
  // which at a million cases would hold the page for two full scans).
  const summaries = new Map<string, { store: CaseStore; stamp: number; summary: Summary }>();
  function summarize(f: SummaryFilter): Summary {
    const s = needStore();
    const key = JSON.stringify([f.period, f.date_from, f.date_to, f.psp]);
    const kept = summaries.get(key);
    if (kept && kept.store === s && kept.stamp === s.stamp) return kept.summary;
    const summary = scanSummary(s, f);
    summaries.set(key, { store: s, stamp: s.stamp, summary });
    return summary;
  }

  function scanSummary(s: CaseStore, f: SummaryFilter): Summary {
    const filter: CaseFilter = {
      ...emptyFilter(),
      period: f.period,
      date_from: f.date_from,
      date_to: f.date_to,
      psps: f.psp ? [f.psp] : [],
    };
    const byStatus = new Map<CaseStatus, { count: number; open: number; amounts: string[] }>();
    const settled = new Map<string, { gross: string[]; fees: string[]; taxes: string[]; net: string[] }>();
    const paidByDay = new Map<string, string[]>();
    const settledByDay = new Map<string, string[]>();
    const aging = new Map<AgingBucket, { count: number; amounts: string[] }>();
    const alerts = {
      paid_shop_pending: [] as string[],
      unmatched_settlement: [] as string[],
      missing_settlement: [] as string[],
      expiring_vouchers: [] as string[],
      batch_mismatch: [] as string[],
    };
    const asOf = Date.parse(AS_OF);
    let cases = 0;
    let open = 0;
    const review = { to_review: 0, waiting: 0, reconciled: 0 };
    for (const row of s.matching(filter)) {
      cases++;
      if (row.state === "open") open++;
      review[row.review]++;
      const entry = byStatus.get(row.status) ?? { count: 0, open: 0, amounts: [] };
      entry.count++;
      if (row.state === "open") entry.open++;
      entry.amounts.push(row.order_total ?? row.paid_amount ?? "0");
      byStatus.set(row.status, entry);
      if (row.settlement_currency && row.net_settled) {
        const t = settled.get(row.settlement_currency) ?? { gross: [], fees: [], taxes: [], net: [] };
        const fee = row.fee_total ?? "0";
        const tax = row.tax_total ?? "0";
        t.gross.push(sumDecimals([row.net_settled, fee, tax]));
        t.fees.push(fee);
        t.taxes.push(tax);
        t.net.push(row.net_settled);
        settled.set(row.settlement_currency, t);
      }
      if (row.paid_at && row.paid_amount) push(paidByDay, row.paid_at.slice(0, 10), row.paid_amount);
      if (row.settled_at && row.paid_amount) push(settledByDay, row.settled_at.slice(0, 10), row.paid_amount);
      if (row.state !== "open") continue;
      const amount = row.order_total ?? row.paid_amount ?? "0";
      if (row.status === "awaiting_payment" && row.order_created_at) {
        const age = (asOf - Date.parse(row.order_created_at)) / HOUR;
        const bucket: AgingBucket = age < 24 ? "0_1d" : age < 72 ? "1_3d" : age < 168 ? "3_7d" : age < 720 ? "7_30d" : "30d_plus";
        const a = aging.get(bucket) ?? { count: 0, amounts: [] };
        a.count++;
        a.amounts.push(amount);
        aging.set(bucket, a);
        const expires = Date.parse(row.voucher_expires_at ?? "");
        if (expires >= asOf && expires <= asOf + 24 * HOUR) alerts.expiring_vouchers.push(amount);
      }
      if (row.status === "paid_shop_pending") alerts.paid_shop_pending.push(amount);
      if (row.status === "unmatched_settlement") alerts.unmatched_settlement.push(amount);
      if (row.status === "missing_settlement") alerts.missing_settlement.push(amount);
      if (row.status === "batch_mismatch") alerts.batch_mismatch.push(amount);
    }
    const days = [...new Set([...paidByDay.keys(), ...settledByDay.keys()])].sort().slice(-31);
    const alert = (amounts: string[]) => ({ count: amounts.length, amount: sumDecimals(amounts), currency: "COP" });
    return {
      as_of: AS_OF,
      cases,
      open,
      ...review,
      by_status: CASE_STATUSES.flatMap((status) => {
        const e = byStatus.get(status);
        return e ? [{ status, count: e.count, open: e.open, amount: sumDecimals(e.amounts), currency: "COP" }] : [];
      }),
      settled: [...settled.entries()].sort().map(([currency, t]) => ({
        currency,
        gross: sumDecimals(t.gross),
        fees: sumDecimals(t.fees),
        taxes: sumDecimals(t.taxes),
        net: sumDecimals(t.net),
      })),
      daily: days.map((date) => ({
        date,
        paid: sumDecimals(paidByDay.get(date) ?? []),
        settled: sumDecimals(settledByDay.get(date) ?? []),
        currency: "COP",
      })),
      aging: AGING_BUCKETS.map((bucket) => {
        const a = aging.get(bucket);
        return { bucket, count: a?.count ?? 0, amount: sumDecimals(a?.amounts ?? []), currency: "COP" };
      }),
      alerts: {
        paid_shop_pending: alert(alerts.paid_shop_pending),
        unmatched_settlement: alert(alerts.unmatched_settlement),
        missing_settlement: alert(alerts.missing_settlement),
        expiring_vouchers: alert(alerts.expiring_vouchers),
        batch_mismatch: alert(alerts.batch_mismatch),
      },
    };
  }

  function push(map: Map<string, string[]>, key: string, value: string): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }

  // ---- case detail ----------------------------------------------------------------------------

  function linesOf(row: CaseRow): DetailLine[] {
    const refs = row.settlement_refs.split(",").map((r) => r.trim()).filter(Boolean);
    return refs.map((ref, k) => lineFor(row, ref, k));
  }

  function lineFor(row: CaseRow, ref: string, k: number): DetailLine {
    const usd = row.settlement_currency === "USD";
    return {
      id: Number(`${ref.replace(/\D/g, "")}${k}`),
      psp: row.psp ?? "dlocal",
      psp_txn_id: ref,
      merchant_ref: row.order_ref,
      row_type:
        row.status === "settlement_charge"
          ? "fee"
          : row.status === "charged_back" && k > 0
            ? "chargeback"
            : row.status === "disputed" && k > 0
              ? "hold"
              : "payment",
      status: row.status === "psp_status_unknown" ? "unknown" : "paid",
      payment_method: row.payment_method,
      local_amount: row.paid_amount ?? row.order_total ?? "0",
      local_currency: row.currency ?? "COP",
      gross_amount: row.net_settled ? sumDecimals([row.net_settled, row.fee_total ?? "0", row.tax_total ?? "0"]) : null,
      fee_amount: row.fee_total,
      tax_amount: row.tax_total,
      net_amount: row.net_settled,
      settlement_currency: row.settlement_currency ?? (usd ? "USD" : "COP"),
      approved_at: row.paid_at,
      settled_at: row.settled_at,
      file_name: row.psp === "mercadopago" ? "mercadopago_settlement_mayo.csv" : "dlocal_liquidacion_2026-05.csv",
      row_no: 2 + (Number(ref.replace(/\D/g, "")) % 2500),
    };
  }

  function detail(key: string): CaseDetail {
    const row = needStore().byKey(key) ?? reject("not_found", m("review.no_such_case", key));
    const rand = prng(key.length * 7919 + Number(row.order_id ?? 0));
    // Line items that add up to the order total exactly (fake totals are whole pesos).
    const itemCount = row.order_id === null ? 0 : 1 + Math.floor(rand() * 3);
    const totalPesos = BigInt(row.order_total ?? "0");
    const share = itemCount ? (totalPesos / BigInt(itemCount) / 100n) * 100n : 0n;
    const items = Array.from({ length: itemCount }, (_, k): DetailItem => {
      const amount = (k === itemCount - 1 ? totalPesos - share * BigInt(itemCount - 1) : share).toString();
      return {
        name: ["Camiseta algodón", "Tenis running", "Morral urbano", "Gorra bordada"][k % 4] as string,
        sku: `SKU-${1000 + k}`,
        quantity: "1",
        price: amount,
        total: amount,
      };
    });
    const order: DetailOrder | null =
      row.order_id === null
        ? null
        : {
            id: row.order_id,
            platform: row.case_key.split(":")[1] ?? "shopify",
            order_name: row.order_ref,
            shop_order_id: row.shop_order_id,
            customer_name: row.customer,
            email: row.customer ? customerEmail(row.customer) : null,
            total: row.order_total ?? "0",
            currency: row.currency ?? "COP",
            financial_status: row.shop_status ?? "unknown",
            created_at: row.order_created_at ?? AS_OF,
            paid_at: row.paid_at,
            payment_reference: row.settlement_refs.split(",")[0]?.trim() || null,
            file_name: "pedidos_shopify_mayo.csv",
            row_no: 2 + (Number(row.order_id) % 6000),
          };
    const suggested =
      suggests(row)
        ? [lineFor({ ...row, settlement_refs: `${(row.settlement_refs || row.order_ref) ?? ""}X` }, `${row.settlement_refs || "SG"}X`, 0)]
        : [];
    const { explanation_msg, ...record } = row;
    return {
      case: record,
      explanation_msg,
      membership: membershipOf(row),
      order,
      items,
      lines: suggests(row) ? suggested : linesOf(row),
      history: audit.filter((e) => e.subject === key),
      attachments: [],
    };
  }

  /** Whether the case's lines are only suggested for its order (the core's `SUGGESTING_STATUSES`,
   * generated): the window shows them apart, as `CaseDetail::matched_and_suggested_lines` puts them. */
  function suggests(row: CaseRow): boolean {
    return (SUGGESTING_STATUSES as readonly string[]).includes(row.status);
  }

  /** As the core's `fold` compares search text: lower case, accents aside. */
  function fold(text: string): string {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  /** As the core writes it: `o<order id>:l<line ids>`, `o-` without an order. */
  function membershipOf(row: CaseRow): string {
    const lines = suggests(row) ? [] : linesOf(row).map((l) => l.id);
    return `o${row.order_id ?? "-"}:l${lines.join(",")}`;
  }

  function act(req: CaseActionRequest): CaseRow {
    const s = needStore();
    const row = s.byKey(req.case_key) ?? reject("not_found", m("review.no_such_case", req.case_key));
    if (req.expected_membership && req.expected_membership !== membershipOf(row)) {
      reject("stale_case", m("review.stale", row.case_key));
    }
    if (row.locked) {
      reject("period_closed", m("review.locked", row.case_key, row.period ?? ""));
    }
    const note = req.note?.trim() || null;
    const reason = req.reason?.trim() || null;
    let next: CaseRow = { ...row };
    switch (req.action) {
      case "confirm":
        if (row.status !== "suggested") reject("invalid_action", m("review.not_suggested", row.case_key));
        next = { ...row, status: "matched", decided_by: actor(), settlement_refs: `${row.settlement_refs || row.order_ref}X` };
        break;
      case "match":
        if (!reason) reject("reason_required", m("review.match_reason"));
        if (row.order_id === null && !req.order_id && !req.order_ref?.trim()) reject("invalid_action", m("review.match_needs_order"));
        if (row.order_id !== null && req.line_ids.length === 0) reject("invalid_action", m("review.name_lines"));
        next = { ...row, status: "matched", decided_by: actor(), settlement_refs: [row.settlement_refs, ...req.line_ids.map((id) => `L-${id}`)].filter(Boolean).join(", ") };
        break;
      case "unmatch":
        if (!reason) reject("reason_required", m("review.unmatch_reason"));
        if (!row.settlement_refs) reject("invalid_action", m("review.nothing_to_unmatch"));
        next = { ...row, status: row.order_id !== null ? "missing_settlement" : row.status, decided_by: actor(), settlement_refs: "", fee_total: null, tax_total: null, net_settled: null, settlement_currency: null };
        break;
      case "resolve":
        if (row.state === "resolved") reject("invalid_action", m("review.already_resolved", row.case_key));
        if (!reason) reject("reason_required", m("review.resolve_reason"));
        if (!(RESOLVE_REASONS as readonly string[]).includes(reason)) reject("invalid_action", m("review.bad_reason", reason, { l: [...RESOLVE_REASONS], j: "comma" }));
        if (reason === "other" && !note) reject("note_required", m("review.other_needs_note"));
        next = { ...row, state: "resolved", decided_by: actor() };
        break;
      case "reopen":
        if (row.state !== "resolved") reject("invalid_action", m("review.already_open", row.case_key));
        if (!reason) reject("reason_required", m("review.reopen_reason"));
        next = { ...row, state: "open", decided_by: actor() };
        break;
      case "note":
        if (!note) reject("note_required", m("review.note_empty"));
        break;
    }
    record(`case_${req.action}`, row.case_key, {
      before: `${row.status}/${row.state}`,
      after: `${next.status}/${next.state}`,
      reason,
      note,
    });
    next = { ...next, review: reviewOf(next.status, next.state) };
    if (req.action !== "note") s.put(next);
    return s.byKey(row.case_key) ?? next;
  }

  // ---- periods, facets --------------------------------------------------------------------------

  const periodCounts = (): Map<string, { cases: number; open: number }> => {
    const counts = new Map<string, { cases: number; open: number }>();
    for (const row of needStore().matching(emptyFilter())) {
      const p = row.period ?? "";
      const c = counts.get(p) ?? { cases: 0, open: 0 };
      c.cases++;
      if (row.review === "to_review") c.open++;
      counts.set(p, c);
    }
    return counts;
  };
  let periodCache: { version: number; counts: Map<string, { cases: number; open: number }> } | null = null;
  let periodVersion = 0;
  function periods(): PeriodInfo[] {
    if (!periodCache || periodCache.version !== periodVersion) {
      periodCache = { version: periodVersion, counts: periodCounts() };
    }
    return [...periodCache.counts.entries()]
      .sort(([a], [b]) => b.localeCompare(a))
      .map(([period, c]) => {
        const closedInfo = closed.get(period);
        return {
          period,
          state: closedInfo ? "closed" : "open",
          closed_at: closedInfo?.closed_at ?? null,
          closed_by: closedInfo?.closed_by ?? null,
          note: closedInfo?.note ?? null,
          cases: c.cases,
          to_review: c.open,
        };
      });
  }

  // ---- import -------------------------------------------------------------------------------------

  function preview(path: string): ImportPreview {
    const name = path.split(/[\\/]/).pop() ?? path;
    const lower = name.toLowerCase();
    const size = 40_000 + (lower.length * 7919) % 900_000;
    const problems = lower.includes("mal") || lower.includes("bad")
      ? [3, 17, 42].map((row) => ({
          file: name,
          sheet: null,
          row,
          column: row === 17 ? "F" : "D",
          severity: "error" as const,
          code: row === 17 ? "bad_date" : "bad_amount",
          message: { k: "verbatim", a: [row === 17 ? `cannot read '31/02/2026' as a date` : `cannot read '12.3.4' as an amount`] },
        }))
      : [];
    const settlementCols = [
      ["DLOCAL_TRANSACTION_ID", "psp_txn_id"], ["MERCHANT_REFERENCE", "merchant_ref"], ["LOCAL_AMOUNT", "local_amount"],
      ["LOCAL_CURRENCY", "local_currency"], ["FEE", "fee_amount"], ["CREATION_DATE", "created_at"], ["COMMENTS", null],
    ] as const;
    const orderCols = [
      ["Name", "order_name"], ["Financial Status", "financial_status"], ["Total", "total"], ["Currency", "currency"],
      ["Created at", "created_at"], ["Paid at", "paid_at"], ["Lineitem name", "item_name"],
    ] as const;
    const isOrders = /pedido|order|shopify|woo|vtex/.test(lower);
    const known = /dlocal|shopify|pedido|payu|mercado|mp_/.test(lower);
    const cols = isOrders ? orderCols : settlementCols;
    const mercadopago = lower.includes("mercado") || lower.includes("mp_");
    const format = !known
      ? null
      : isOrders
        ? "shopify"
        : lower.includes("payu")
          ? "payu-ventas"
          : mercadopago
            ? lower.includes("release") ? "mercadopago-release" : "mercadopago-settlement"
            : "dlocal-crossborder";
    // Times without an offset, as the core reads them: the PSP's own setting, else the zone the
    // format documents (dLocal UTC, Mercado Pago GMT-04), else the workspace zone.
    const psp = format === null || isOrders ? null : format.split("-")[0]!;
    const documented = psp === "dlocal" ? "UTC" : psp === "mercadopago" ? "Etc/GMT+4" : null;
    const own = psp === null ? undefined : settings.zone_by_psp[psp];
    const [zone, zoneFrom] = format === null
      ? [null, null]
      : own !== undefined
        ? [own, "psp_setting" as const]
        : documented !== null
          ? [documented, "format" as const]
          : [settings.zone, "workspace" as const];
    return {
      path,
      file_name: name,
      size,
      format,
      kind: known ? (isOrders ? "orders" : "settlement") : null,
      profile: format,
      encoding: "utf-8",
      delimiter: lower.includes("payu") ? ";" : ",",
      sheet: null,
      columns: cols.map(([source, field]) => ({ source, field })),
      rows: Array.from({ length: 5 }, (_, r) =>
        isOrders
          ? [`#${2001 + r}`, r % 3 ? "paid" : "pending", `${(r + 1) * 45000}`, "COP", `2026-06-0${r + 1} 10:1${r} -0500`, r % 3 ? `2026-06-0${r + 1} 15:00 -0500` : "", "Camiseta algodón"]
          : [`T-77${r}0${r}`, `#${2001 + r}`, `${(r + 1) * 45000}`, "COP", `${((r + 1) * 0.34).toFixed(2)}`, `2026-06-0${r + 1} 12:00:00`, ""],
      ),
      already_imported_at: files.find((f) => f.name === name)?.imported_at ?? null,
      // The release report's own balance, subtotal and total rows.
      totals: format === "mercadopago-release" ? 3 : 0,
      zone,
      zone_from: zoneFrom,
      problems: known
        ? problems
        : [{ file: name, sheet: null, row: null, column: null, severity: "error", code: "unknown_format", message: { k: "ingest.unknown_layout_forced", a: ["MONTO, FECHA"] } }],
    };
  }

  function runJob(jobId: string, paths: string[], skipBadRows: boolean): void {
    const job = jobs.get(jobId);
    if (!job) return;
    const reports: ImportReport[] = [];
    const totalBytes = paths.reduce((s, p) => s + preview(p).size, 0);
    let doneBytes = 0;
    let fileIndex = 0;
    let tick = 0;
    const ticksPerFile = 8;
    const emit = (p: Partial<ImportProgress> & Pick<ImportProgress, "phase">) => {
      const progress: ImportProgress = {
        job_id: jobId,
        file: paths[fileIndex] ?? null,
        file_index: fileIndex,
        files_total: paths.length,
        rows_done: 0,
        bytes_done: doneBytes,
        bytes_total: totalBytes,
        rows_per_sec: 52_000,
        eta_seconds: Math.max(0, ((totalBytes - doneBytes) / totalBytes) * paths.length * 0.4),
        reports: [],
        error: null,
        ...p,
      };
      for (const l of progressListeners) l(clone(progress));
    };
    const step = () => {
      if (job.cancelled) {
        emit({ phase: "cancelled", reports: clone(reports), eta_seconds: null });
        jobs.delete(jobId);
        return;
      }
      const path = paths[fileIndex];
      if (path === undefined) {
        emit({ phase: "reconciling", file: null, eta_seconds: 0 });
        setTimeout(() => {
          emit({ phase: "finished", file: null, reports: clone(reports), eta_seconds: 0, bytes_done: totalBytes });
          jobs.delete(jobId);
        }, 60);
        return;
      }
      const p = preview(path);
      tick++;
      doneBytes += p.size / ticksPerFile;
      const rows = Math.round((p.size / 180) * (tick / ticksPerFile));
      if (tick < ticksPerFile) {
        emit({ phase: tick < ticksPerFile / 2 ? "reading" : "writing", rows_done: rows, bytes_done: Math.round(doneBytes) });
      } else {
        const report = importReport(p, skipBadRows, Math.round(p.size / 180));
        reports.push(report);
        emit({ phase: "file_done", rows_done: report.rows, reports: [clone(report)], bytes_done: Math.round(doneBytes) });
        fileIndex++;
        tick = 0;
      }
      setTimeout(step, 50);
    };
    setTimeout(step, 30);
  }

  function importReport(p: ImportPreview, skipBadRows: boolean, rows: number): ImportReport {
    const base = {
      file: p.path,
      sha256: chainHash("file", p.path),
      size: p.size,
      format: p.format,
      kind: p.kind,
      encoding: p.encoding,
      delimiter: p.delimiter,
      sheet: p.sheet,
      first_imported_at: p.already_imported_at,
      first_imported_as: p.already_imported_at ? p.file_name : null,
      totals: p.totals,
      zone: p.zone,
      zone_from: p.zone_from,
      problems: p.problems,
    };
    if (p.already_imported_at) {
      return { ...base, outcome: "already_imported", file_id: files.find((f) => f.name === p.file_name)?.id ?? null, rows, new: 0, known: rows, updated: 0, conflicting: 0, rejected: 0, problems: [] };
    }
    const bad = p.problems.filter((x) => x.severity === "error" && x.row !== null).length;
    const unreadable = p.format === null;
    if (unreadable || (bad > 0 && !skipBadRows)) {
      return { ...base, outcome: "rejected", file_id: null, rows, new: 0, known: 0, updated: 0, conflicting: 0, rejected: unreadable ? rows : bad };
    }
    const id = files.length + 1;
    const conflicting = p.file_name.length % 3;
    const file: ImportedFile = {
      id,
      sha256: base.sha256,
      name: p.file_name,
      size: p.size,
      kind: p.kind ?? "settlement",
      format: p.format ?? "",
      encoding: p.encoding,
      imported_at: new Date(Date.parse(now())).toISOString().replace(/\.\d+Z$/, "Z"),
      imported_by: actor(),
      rows_total: rows,
      rows_new: rows - bad - conflicting,
      rows_known: 0,
      rows_conflicting: conflicting,
      rows_updated: 0,
      rows_rejected: bad,
    };
    files = [file, ...files];
    record("import", `file:${file.sha256.slice(0, 12)}`, { after: file.name });
    return { ...base, outcome: "imported", file_id: id, rows, new: file.rows_new, known: 0, updated: 0, conflicting, rejected: bad };
  }

  // ---- the backend ----------------------------------------------------------------------------------

  const backend: FakeBackend = {
    exports,
    dropFiles: (paths) => dropListeners.forEach((l) => l([...paths])),
    tamperAudit: (seq) => {
      const e = audit[seq - 1];
      if (e) e.note = `${e.note ?? ""} (edited)`;
    },
    setPickedFiles: (paths) => {
      picked = [...paths];
    },
    cancelNextExport: () => {
      exportCancelled = true;
    },

    getSession: () => respond(() => ({ ...session, actor: settings.actor ?? session.actor, lang: session.lang })),
    pickWorkspace: (create) =>
      respond(() => {
        const path = create ? "/home/ana/Documentos/Cuadra/nueva.cuadra" : "/home/ana/Documentos/Cuadra/tienda.cuadra";
        session.workspace_path = path;
        session.workspace_name = create ? "nueva" : "tienda";
        return path;
      }),
    loadDemo: () =>
      respond(() => {
        if (!session.workspace_path) reject("no_workspace", m("app.no_workspace"));
        if (!store || store.count === 0) loadWorkspace();
      }),
    uiReady: () => respond(() => 0),
    reconcile: () => respond(() => {
      record("reconcile", `run:${audit.length}`, { after: JSON.stringify({ as_of: AS_OF, cases: needStore().count }) });
      return { as_of: AS_OF, cases: needStore().count, changed: 0 };
    }),

    listFiles: () => respond(() => files),
    pickImportFiles: () => respond(() => picked),
    previewImport: (path) => respond(() => preview(path)),
    startImport: (paths, skipBadRows) =>
      respond(() => {
        if (jobs.size > 0) reject("import_running", m("app.import_running"));
        const id = `job-${++jobCounter}`;
        jobs.set(id, { cancelled: false });
        runJob(id, paths, skipBadRows);
        return id;
      }),
    cancelImport: (jobId) =>
      respond(() => {
        const job = jobs.get(jobId);
        if (job) job.cancelled = true;
      }),
    onImportProgress: async (callback): Promise<Unlisten> => {
      progressListeners.add(callback);
      return () => progressListeners.delete(callback);
    },
    onFilesDropped: async (callback): Promise<Unlisten> => {
      dropListeners.add(callback);
      return () => dropListeners.delete(callback);
    },

    summary: (filter) => respond(() => summarize(filter)),
    listFacets: () =>
      respond(() => ({
        psps: store && store.count > 0 ? [...FAKE_PSPS] : [],
        payment_methods: store && store.count > 0 ? [...FAKE_METHODS] : [],
        periods: store && store.count > 0 ? ["2026-05", "2026-04", "2026-03", "2026-02"].filter((p) => store!.count > 1000 || p !== "2026-02") : [],
        actors: [...new Set(audit.map((e) => e.actor))].sort(),
      })),

    listCases: (request) =>
      respond(() => needStore().list(request.filter, request.sort, request.offset, Math.min(request.limit, 1000))),
    caseTotals: (filter) =>
      respond(() => {
        // The fake generates its rows on demand: summing a million of them would freeze the page
        // it stands in for. Past the demo's size it has no totals (the core's are tested).
        if (needStore().count > FAKE_TOTALS_UP_TO) return [];
        const by = new Map<string, { n: number; total: string[]; paid: string[]; diff: string[] }>();
        for (const row of needStore().matching(filter)) {
          const key = row.currency ?? "";
          const e = by.get(key) ?? { n: 0, total: [], paid: [], diff: [] };
          e.n++;
          if (row.order_total) e.total.push(row.order_total);
          if (row.paid_amount) e.paid.push(row.paid_amount);
          if (row.difference) e.diff.push(row.difference);
          by.set(key, e);
        }
        return [...by.entries()]
          .sort(([a], [b]) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b)))
          .map(([currency, e]) => ({
            currency: currency || null,
            cases: e.n,
            order_total: sumDecimals(e.total),
            paid_amount: sumDecimals(e.paid),
            difference: sumDecimals(e.diff),
          }));
      }),
    getCase: (key) => respond(() => detail(key)),
    searchLines: (query) =>
      respond(() => {
        const q = query.trim().toLowerCase();
        if (!q) return [];
        const s = needStore();
        const out: FoundLine[] = [];
        const amountQuery = isDecimal(q) ? q : null;
        for (let i = 0; i < Math.min(s.count, 20_000) && out.length < 20; i++) {
          const row = s.row(i);
          if (!row.settlement_refs || row.order_id !== null) continue;
          const hit = amountQuery
            ? row.paid_amount !== null && compareDecimals(row.paid_amount, amountQuery) === 0
            : row.settlement_refs.toLowerCase().includes(q) || (row.customer ?? "").toLowerCase().includes(q);
          if (hit) out.push(...linesOf(row).map((line) => ({ line, case_key: row.case_key })));
        }
        return out;
      }),
    searchOrders: (query) =>
      respond(() => {
        const q = fold(query.trim());
        if (!q) return [];
        const s = needStore();
        const out: FoundOrder[] = [];
        const amountQuery = isDecimal(q) ? q : null;
        for (let i = 0; i < Math.min(s.count, 20_000) && out.length < 50; i++) {
          const row = s.row(i);
          if (row.order_id === null) continue;
          const hit = amountQuery
            ? row.order_total !== null && compareDecimals(row.order_total, amountQuery) === 0
            : fold(row.order_ref ?? "").includes(q) || fold(row.customer ?? "").includes(q);
          if (hit) out.push({ order: detail(row.case_key).order!, case_key: row.case_key, status: row.status });
        }
        return out;
      }),
    caseAction: (request) => respond(() => act(request)),
    // The fake keeps no decisions to compensate: undo is the core's (tested in the real window).
    lastAct: () => respond(() => null),
    bulkResolve: (caseKeys, reason, note) =>
      respond(() => {
        const resolved: CaseRow[] = [];
        const skipped: string[] = [];
        for (const key of caseKeys) {
          const row = needStore().byKey(key);
          if (row && row.state === "resolved") skipped.push(key);
          else resolved.push(act({ case_key: key, action: "resolve", reason, note, line_ids: [], order_id: null }));
        }
        return { resolved, skipped };
      }),
    // The fake opens no dialog: attaching is the core's (tested in the real window).
    attachToCase: () => respond(() => null),
    undoLast: () => respond(() => reject("invalid_action", m("review.nothing_to_undo"))),

    auditLog: (filter, offset, limit) =>
      respond(() => {
        const since = filter.since ? (filter.since.length === 10 ? `${filter.since}T00:00:00-05:00` : filter.since) : null;
        const sinceMs = since ? Date.parse(since) : null;
        const hits = audit
          .filter((e) => (!filter.case_key || e.subject === filter.case_key) && (!filter.actor || e.actor === filter.actor) && (sinceMs === null || Date.parse(e.at) >= sinceMs))
          .reverse();
        return { total: hits.length, events: hits.slice(offset, offset + limit) };
      }),
    verifyAudit: () =>
      respond(() => {
        let prev = "0".repeat(64);
        let first: [number, Msg] | null = null;
        for (const e of audit) {
          if (e.prev_hash !== prev) {
            first = [e.seq, m("audit.why.prev_hash")];
            break;
          }
          if (chainHash(prev, eventBody(e)) !== e.hash) {
            first = [e.seq, m("audit.why.content")];
            break;
          }
          prev = e.hash;
        }
        const head = audit.at(-1);
        return { events: audit.length, head_seq: head?.seq ?? 0, head_hash: head?.hash ?? "0".repeat(64), first_broken: first };
      }),
    // The fake holds no stored originals to derive again: it answers the chain check it can make
    // and reports the other checks as passed with nothing compared (the real checks are the
    // core's, tested through cuadra-cli and in the real window).
    verifyWorkspace: async () => {
      const chain = await backend.verifyAudit();
      const ok = chain.first_broken === null;
      const check = (name: VerifyCheck["check"], passed: boolean, findings: Msg[] = []): VerifyCheck => ({
        check: name,
        outcome: passed ? "passed" : "failed",
        findings,
        found: findings.length,
        compared: name === "audit_chain" ? chain.events : 0,
        seconds: 0,
      });
      const checks = [
        check("integrity", true),
        check("audit_chain", ok, chain.first_broken ? [m("verify.chain", chain.first_broken[0], chain.first_broken[1])] : []),
        check("witness", true),
        check("evidence", true),
        check("derived_rows", true),
        check("periods", true),
        check("cases", true),
      ];
      return { ok, checks };
    },
    closePeriod: (period, note) =>
      respond(() => {
        const sealed = closed.get(period);
        if (sealed) reject("invalid_action", m("period.already_closed", period, sealed.closed_by, sealed.closed_at));
        closed.set(period, { closed_at: now(), closed_by: actor(), note: note?.trim() || null });
        record("period_close", `period:${period}`, { note: note?.trim() || null });
        needStore().touch();
        periodVersion++;
        return periods().find((p) => p.period === period) ?? reject("invalid_action", m("period.not_a_period", period));
      }),
    reopenPeriod: (period, reason) =>
      respond(() => {
        if (!reason.trim()) reject("reason_required", m("period.reason_required", period));
        if (!closed.has(period)) reject("invalid_action", m("period.not_closed", period));
        closed.delete(period);
        record("period_reopen", `period:${period}`, { reason: reason.trim() });
        needStore().touch();
        periodVersion++;
        return periods().find((p) => p.period === period) ?? reject("invalid_action", m("period.not_a_period", period));
      }),
    listPeriods: () => respond(() => periods()),
    retentionStatus: () =>
      respond(() => ({
        retention_years: settings.retention_years,
        oldest_record_at: files.length ? "2026-02-01T00:00:00-05:00" : null,
        keep_until: files.length ? `${2026 + settings.retention_years}-02-01` : null,
        files_kept: files.length,
        evidence_bytes: files.reduce((s, f) => s + Math.round(f.size * 0.22), 0),
      })),

    exportReport: (request) =>
      respond(() => {
        if (exportCancelled) {
          exportCancelled = false;
          return null;
        }
        exports.push(clone(request));
        const ext = request.kind === "bundle" ? "zip" : request.format;
        const path = `/home/ana/Documentos/cuadra_${request.kind}_${request.period ?? "todo"}.${ext}`;
        record("export", `report:${request.kind}`, { after: path });
        return path;
      }),

    getSettings: () => respond(() => settings),
    setSetting: (key, value) =>
      respond(() => {
        const v = value.trim();
        const invalid = (why: string) => reject("invalid_setting", m("setting.invalid", v, key, m(`setting.why.${why}`)));
        let stored = v;
        if (key === "zone" || (key.startsWith("zone.") && key.length > "zone.".length)) {
          try {
            new Intl.DateTimeFormat("en", { timeZone: v });
          } catch {
            invalid("zone");
          }
          if (key === "zone") settings.zone = v;
          else settings.zone_by_psp[key.slice("zone.".length)] = v;
        } else if (key === "tolerance") {
          if (!isDecimal(v) || v.startsWith("-")) invalid("tolerance");
          settings.tolerance = v;
        } else if (key === "validity_hours" || key.startsWith("validity_hours.")) {
          const n = Number(v);
          if (!/^\d+$/.test(v) || n < 1 || n > 8784) invalid("validity_hours");
          if (key === "validity_hours") settings.validity_hours = n;
          else settings.validity_hours_by_psp[key.slice("validity_hours.".length)] = n;
          stored = String(n);
        } else if (key === "grace_days") {
          const n = Number(v);
          if (!/^\d+$/.test(v) || n > 3650) invalid("grace_days");
          settings.grace_days = n;
          stored = String(n);
        } else if (key === "retention_years") {
          const n = Number(v);
          if (!/^\d+$/.test(v) || n < 5 || n > 100) invalid("retention");
          if (n < settings.retention_years) reject("retention_lowered", m("setting.lowered", settings.retention_years, n));
          settings.retention_years = n;
          stored = String(n);
        } else if (key === "lang") {
          if (!(LANGS as readonly string[]).includes(v)) reject("invalid_setting", m("app.bad_language", v));
          settings.lang = v as Lang;
          session.lang = v as Lang;
        } else if (key === "actor") {
          if (!v || v.length > 100) reject("invalid_setting", m("app.actor_length"));
          settings.actor = v;
          session.actor = v;
        } else {
          reject("invalid_setting", m("setting.unknown", key));
        }
        record("setting", `setting:${key}`, { after: stored });
        return stored;
      }),
  };
  return backend;
}
