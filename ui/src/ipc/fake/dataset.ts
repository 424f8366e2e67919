// The fake backend's deterministic data: case `i` of a workspace is generated from `i` alone, so
// a 1,000,000-case workspace costs nothing until a row is asked for, and every run of the tests
// sees the same cases. Case `i` is `i` steps back in time from the as-of instant, so index order
// is the default sort (newest first). Amounts are built as integers and written as decimal text.

import { CASE_STATUSES, reviewOf, type CaseRow, type CaseStatus, type Msg } from "../types";
import { renderMsg } from "../../i18n/backendText";

/** The instant the fake's cases are judged against. */
export const AS_OF = "2026-05-20T09:00:00-05:00";
const AS_OF_MS = Date.parse(AS_OF);
const HOUR = 3_600_000;
const SPAN_MS = 80 * 24 * HOUR;
const OFFSET = "-05:00";
const BOGOTA_SHIFT_MS = -5 * HOUR;

/** A small, fast, seedable PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function weighted<T extends string>(rand: () => number, table: readonly [T, number][]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [value, w] of table) {
    r -= w;
    if (r < 0) return value;
  }
  return table[0]![0];
}

/** RFC 3339 in Bogotá (UTC-5, no DST): "2026-05-02T10:30:00-05:00". */
export function bogota(ms: number): string {
  const d = new Date(ms + BOGOTA_SHIFT_MS);
  return `${d.toISOString().slice(0, 19)}${OFFSET}`;
}

const RECENT_WEIGHTS: [CaseStatus, number][] = [
  ["matched", 250],
  ["awaiting_payment", 400],
  ["awaiting_settlement", 150],
  ["paid_shop_pending", 60],
  ["suggested", 40],
  ["unmatched_settlement", 50],
  ["underpaid", 20],
  ["overpaid", 10],
  ["disputed", 4],
  ["psp_status_unknown", 4],
  ["settlement_charge", 20],
  ["batch_mismatch", 2],
];

const OLDER_WEIGHTS: [CaseStatus, number][] = [
  ["matched", 600],
  ["paid_shop_pending", 40],
  ["underpaid", 25],
  ["overpaid", 15],
  ["duplicate_payment", 10],
  ["paid_after_expiry", 15],
  ["currency_mismatch", 5],
  ["refunded", 20],
  ["partially_refunded", 10],
  ["charged_back", 5],
  ["disputed", 4],
  ["psp_status_unknown", 3],
  ["expired_unpaid", 90],
  ["awaiting_settlement", 15],
  ["missing_settlement", 30],
  ["suggested", 30],
  ["unmatched_settlement", 50],
  ["batch_mismatch", 2],
  ["settlement_charge", 20],
];

const FIRST = ["Ana", "Luis", "María", "Carlos", "Diana", "Jorge", "Paula", "Andrés", "Camila", "Felipe", "Laura", "Juan", "Valentina", "Santiago", "Isabel", "Óscar"];
const LAST = ["Gómez", "Rodríguez", "Martínez", "López", "García", "Pérez", "Hernández", "Díaz", "Moreno", "Ramírez", "Torres", "Vargas", "Rojas", "Castro", "Ortiz", "Suárez"];
export const FAKE_PSPS = ["dlocal", "mercadopago", "payu"] as const;
export const FAKE_METHODS = ["efecty", "pse", "baloto"] as const;
const PLATFORMS = ["shopify", "woocommerce", "vtex"] as const;

const KEY_BASE = 1000;

export function isOrderStatus(status: CaseStatus): boolean {
  return status !== "unmatched_settlement" && status !== "batch_mismatch" && status !== "settlement_charge";
}

/** The event time of case `i` (its settlement, else payment, else creation). */
export function eventMs(i: number, count: number): number {
  return AS_OF_MS - Math.floor((i * SPAN_MS) / Math.max(count, 1)) - 30 * 60_000;
}

/** Case `i` of a workspace of `count` cases. */
export function generateCase(i: number, count: number): CaseRow {
  const rand = prng(0x5eed ^ Math.imul(i + 1, 0x9e3779b1));
  const event = eventMs(i, count);
  const ageHours = (AS_OF_MS - event) / HOUR;
  let status: CaseStatus;
  if (i < CASE_STATUSES.length && count >= 100) status = CASE_STATUSES[i]!;
  else status = weighted(rand, ageHours < 70 ? RECENT_WEIGHTS : OLDER_WEIGHTS);
  if (status === "awaiting_payment" && ageHours >= 70) status = "expired_unpaid";

  const psp = weighted(rand, [["dlocal", 5], ["mercadopago", 3], ["payu", 2]] as const);
  const method = weighted(rand, [["efecty", 85], ["pse", 10], ["baloto", 5]] as const);
  const platform = pick(rand, PLATFORMS);
  const n = KEY_BASE + i;
  const customer = `${pick(rand, FIRST)} ${pick(rand, LAST)}`;
  const total = BigInt(Math.floor(200 + rand() * 19800)) * 100n;
  const delta = BigInt(1 + Math.floor(rand() * 20)) * 1000n;
  const validityHours = psp === "payu" ? 168 : 72;
  const orderCase = isOrderStatus(status);

  // Times: the event is the settlement for settled cases, else the payment, else the creation.
  const settledStatuses: CaseStatus[] = [
    "matched", "underpaid", "overpaid", "duplicate_payment", "paid_after_expiry",
    "currency_mismatch", "refunded", "partially_refunded", "charged_back", "disputed", "suggested",
    "paid_shop_pending", "psp_status_unknown", "unmatched_settlement", "batch_mismatch", "settlement_charge",
  ];
  const settled = settledStatuses.includes(status);
  // A status word Cuadra does not know moves no money: the line is there, nothing counts as paid.
  const paidStatuses =
    (settled && status !== "psp_status_unknown") || status === "awaiting_settlement" || status === "missing_settlement";
  const settledMs = settled ? event : null;
  const paidMs = paidStatuses ? (settled ? event - 2 * 24 * HOUR : event) : null;
  const createdMs = !orderCase
    ? null
    : paidMs === null
      ? event
      : status === "paid_after_expiry"
        ? paidMs - Math.floor((validityHours + 1 + rand() * 24) * HOUR)
        : paidMs - Math.floor(rand() * 40 * HOUR) - HOUR;
  const expiresMs = createdMs !== null ? createdMs + validityHours * HOUR : null;

  let paid: bigint | null = paidStatuses ? total : null;
  if (status === "underpaid") paid = total - (delta < total ? delta : total / 2n);
  if (status === "overpaid") paid = total + delta;
  if (status === "duplicate_payment") paid = total * 2n;
  if (status === "awaiting_settlement" || status === "missing_settlement") paid = null;

  const settlementCurrency = psp === "dlocal" ? "USD" : "COP";
  const lineOnly = status === "settlement_charge" || status === "batch_mismatch";
  const gross = paid ?? (lineOnly ? 0n : total);
  let fee: bigint, tax: bigint, net: bigint;
  if (settlementCurrency === "USD") {
    const grossCents = gross / 40n; // COP 4.000 per USD, in cents
    fee = (grossCents * 3n) / 100n + 10n;
    tax = (fee * 19n) / 100n;
    net = grossCents - fee - tax;
  } else {
    fee = (gross * 35n) / 1000n;
    tax = (fee * 19n) / 100n;
    net = gross - fee - tax;
  }
  const money = (v: bigint) => (settlementCurrency === "USD" ? cents(v) : v.toString());
  if (status === "settlement_charge") {
    fee = settlementCurrency === "USD" ? 2500n : 95000n;
    tax = (fee * 19n) / 100n;
    net = -(fee + tax);
  }
  if (status === "batch_mismatch") {
    // The gap between the batch's lines and the file's own total.
    fee = 0n;
    tax = 0n;
    net = settlementCurrency === "USD" ? -(delta / 40n) : -delta;
  }

  const orderRef =
    platform === "shopify" ? `#${n}` : platform === "woocommerce" ? `WC-${n}` : `${n}-01`;
  const refs = settled
    ? status === "duplicate_payment"
      ? `${psp.slice(0, 2).toUpperCase()}-${n}A, ${psp.slice(0, 2).toUpperCase()}-${n}B`
      : status === "disputed"
        ? `${psp.slice(0, 2).toUpperCase()}-${n}, ${psp.slice(0, 2).toUpperCase()}-${n}H`
        : `${psp.slice(0, 2).toUpperCase()}-${n}`
    : "";
  const period = bogota(event).slice(0, 7);
  // Older exceptions were mostly dealt with already: resolved by a colleague.
  const resolved = status !== "matched" && ageHours > 24 * 30 && rand() < 0.6;
  const hasLines = refs !== "";
  const explanation = explain(status, orderRef, psp, total, paid);

  return {
    case_key: orderCase ? `order:${platform}:${n}` : `line:${psp}:${n}`,
    status,
    engine_status: status,
    rule: RULES[status],
    state: resolved ? "resolved" : "open",
    order_id: orderCase ? n : null,
    order_ref: orderCase ? orderRef : null,
    shop_order_id: orderCase ? String(5_000_000 + i) : null,
    settlement_refs: refs,
    matched_keys: "",
    order_total: orderCase ? total.toString() : null,
    paid_amount: lineOnly ? null : paid === null ? null : paid.toString(),
    difference: orderCase && paid !== null ? (paid - total).toString() : null,
    currency: "COP",
    fee_total: hasLines ? money(fee) : null,
    tax_total: hasLines ? money(tax) : null,
    net_settled: hasLines ? money(net) : null,
    settlement_currency: hasLines ? settlementCurrency : null,
    psp,
    payment_method: lineOnly ? null : method,
    order_created_at: createdMs !== null ? bogota(createdMs) : null,
    paid_at: paidMs !== null ? bogota(paidMs) : null,
    voucher_expires_at: expiresMs !== null ? bogota(expiresMs) : null,
    settled_at: settledMs !== null ? bogota(settledMs) : null,
    shop_status: orderCase ? SHOP_STATUS[status] : null,
    customer: orderCase || status === "unmatched_settlement" ? customer : null,
    decided_by: resolved ? "maria" : "cuadra",
    explanation: english(explanation),
    explanation_msg: explanation,
    period,
    locked: false,
    review: reviewOf(status, resolved ? "resolved" : "open"),
    reason: resolved ? "written_off" : null,
    note: null,
  };
}

function cents(v: bigint): string {
  const negative = v < 0n;
  const abs = (negative ? -v : v).toString().padStart(3, "0");
  return `${negative ? "-" : ""}${abs.slice(0, -2)}.${abs.slice(-2)}`;
}

function cop(v: bigint): string {
  const s = (v < 0n ? -v : v).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${v < 0n ? "-" : ""}COP ${s}`;
}

const RULES: Record<CaseStatus, string> = {
  matched: "exact_key",
  paid_shop_pending: "shop_shows_unpaid",
  underpaid: "amount_outside_tolerance",
  overpaid: "amount_outside_tolerance",
  duplicate_payment: "distinct_payments",
  paid_after_expiry: "paid_after_voucher_expiry",
  currency_mismatch: "currency_differs",
  refunded: "refund_lines",
  partially_refunded: "refund_lines",
  charged_back: "chargeback_lines",
  disputed: "hold_open",
  psp_status_unknown: "unknown_psp_status",
  awaiting_payment: "voucher_valid",
  expired_unpaid: "voucher_expired",
  awaiting_settlement: "within_settlement_grace",
  missing_settlement: "settlement_grace_over",
  suggested: "one_edit_reference",
  unmatched_settlement: "no_order",
  batch_mismatch: "batch_total_differs",
  settlement_charge: "batch_charge",
  payout_matched: "payout_by_reference",
  payout_short: "payout_by_reference",
  payout_over: "payout_by_reference",
  payout_missing: "payout_no_credit",
  payout_ambiguous: "payout_two_credits",
  bank_credit_unexplained: "credit_no_payout",
};

const SHOP_STATUS: Record<CaseStatus, string> = {
  matched: "paid",
  paid_shop_pending: "pending",
  underpaid: "paid",
  overpaid: "paid",
  duplicate_payment: "paid",
  paid_after_expiry: "expired",
  currency_mismatch: "paid",
  refunded: "refunded",
  partially_refunded: "partially_refunded",
  charged_back: "paid",
  disputed: "paid",
  psp_status_unknown: "pending",
  awaiting_payment: "pending",
  expired_unpaid: "expired",
  awaiting_settlement: "paid",
  missing_settlement: "paid",
  suggested: "paid",
  unmatched_settlement: "unknown",
  batch_mismatch: "unknown",
  settlement_charge: "unknown",
  payout_matched: "unknown",
  payout_short: "unknown",
  payout_over: "unknown",
  payout_missing: "unknown",
  payout_ambiguous: "unknown",
  bank_credit_unexplained: "unknown",
};

/** A message in English, as the core's `CaseRow` serializes `explanation` (cheap for text as it is). */
function english(msg: Msg): string {
  return msg.k === "verbatim" && typeof msg.a?.[0] === "string" ? msg.a[0] : renderMsg(msg, "en");
}

/** The fake's explanations: the real catalog's sentence for two statuses, English text for the rest. */
function explain(status: CaseStatus, ref: string, psp: string, total: bigint, paid: bigint | null): Msg {
  const order: Msg = { k: "case.order", a: [ref] };
  const amount = { m: total.toString(), c: "COP" };
  if (status === "awaiting_payment") {
    return { k: "case.awaiting_payment", a: [order, amount, "2026-12-01 10:00"] };
  }
  if (status === "expired_unpaid") {
    return { k: "case.expired_unpaid", a: [order, amount, "2026-05-04 10:00", { k: "case.shop.expired" }] };
  }
  return { k: "verbatim", a: [englishExplanation(status, ref, psp, total, paid)] };
}

function englishExplanation(status: CaseStatus, ref: string, psp: string, total: bigint, paid: bigint | null): string {
  const t = cop(total);
  const p = paid === null ? "" : cop(paid);
  switch (status) {
    case "matched": return `Order ${ref} (${t}) was paid ${p} through ${psp} and settled.`;
    case "paid_shop_pending": return `${psp} settled ${p} for order ${ref}, but the shop still shows it pending.`;
    case "underpaid": return `Order ${ref} is ${t} but ${psp} settled ${p}, ${cop(total - (paid ?? 0n))} short.`;
    case "overpaid": return `Order ${ref} is ${t} but ${psp} settled ${p}, ${cop((paid ?? 0n) - total)} more.`;
    case "duplicate_payment": return `Order ${ref} was paid twice through ${psp}: two distinct payments of ${t}.`;
    case "paid_after_expiry": return `Order ${ref} was paid ${p} after its voucher expired.`;
    case "currency_mismatch": return `Order ${ref} is in COP but its settlement line is in another currency.`;
    case "refunded": return `Order ${ref} was paid ${p} and refunded in full.`;
    case "partially_refunded": return `Order ${ref} was paid ${p} and refunded in part.`;
    case "charged_back": return `Order ${ref} was paid ${p} and charged back by ${psp}.`;
    case "disputed": return `Order ${ref} was paid ${p}; the buyer opened a claim and ${psp} holds the money until it ends.`;
    case "psp_status_unknown": return `${psp} gave order ${ref}'s payment a status Cuadra does not know, so no money was counted.`;
    case "awaiting_payment": return `Order ${ref} (${t}) has a valid voucher and is not paid yet.`;
    case "expired_unpaid": return `Order ${ref} (${t}) was never paid; its voucher expired.`;
    case "awaiting_settlement": return `The shop shows order ${ref} paid; ${psp} has not settled it yet (within the grace days).`;
    case "missing_settlement": return `The shop shows order ${ref} paid, but no ${psp} settlement line arrived within the grace days.`;
    case "suggested": return `A ${psp} line of ${p} has a reference one edit away from order ${ref}: confirm or match by hand.`;
    case "unmatched_settlement": return `${psp} settled ${p} with a reference that matches no order.`;
    case "batch_mismatch": return `The lines of a ${psp} settlement batch do not add up to the file's own summary.`;
    case "settlement_charge": return `A ${psp} fee charged on the settlement batch, with no order.`;
    case "payout_matched": return `The ${psp} payout arrived: its bank credit names the transfer.`;
    case "payout_short": return `The ${psp} payout arrived short: the bank credited less than the net.`;
    case "payout_over": return `The ${psp} payout arrived over: the bank credited more than the net.`;
    case "payout_missing": return `The ${psp} payout has no bank credit within its window.`;
    case "payout_ambiguous": return `Two bank credits fit the ${psp} payout: Cuadra does not choose.`;
    case "bank_credit_unexplained": return `A bank credit from ${psp} that no payout explains.`;
  }
}

/** The index of the case with this key, or null when the key is not one of the fake's. */
export function indexOfKey(key: string, count: number): number | null {
  const m = /^(?:order:[a-z]+|line:[a-z]+):(\d+)$/.exec(key);
  if (!m) return null;
  const i = Number(m[1]) - KEY_BASE;
  return i >= 0 && i < count ? i : null;
}

export function customerEmail(name: string): string {
  return `${name.normalize("NFD").replace(/[^A-Za-z ]/g, "").toLowerCase().replace(" ", ".")}@example.com`;
}
