// The fake's case table: generated rows plus the edits review actions made, filtered and sorted
// the way the backend does it in SQL. With no filter and the default sort the answer is the index
// range itself, so paging through 1,000,000 cases generates only the rows asked for.

import { compareDecimals, isDecimal } from "../../format/decimal";
import type { CaseFilter, CaseRow, CaseSort, ListCasesResponse } from "../types";
import { AS_OF, generateCase, indexOfKey } from "./dataset";

const AS_OF_MS = Date.parse(AS_OF);

export class CaseStore {
  private readonly edits = new Map<number, CaseRow>();
  private cache: { key: string; version: number; indexes: Uint32Array } | null = null;
  private version = 0;

  constructor(
    readonly count: number,
    private readonly isLocked: (period: string | null) => boolean,
  ) {}

  row(i: number): CaseRow {
    const row = this.edits.get(i) ?? generateCase(i, this.count);
    const locked = this.isLocked(row.period);
    return row.locked === locked ? row : { ...row, locked };
  }

  byKey(key: string): CaseRow | null {
    const i = indexOfKey(key, this.count);
    return i === null ? null : this.row(i);
  }

  put(row: CaseRow): void {
    const i = indexOfKey(row.case_key, this.count);
    if (i === null) throw new Error(`unknown case ${row.case_key}`);
    this.edits.set(i, row);
    this.touch();
  }

  /** Forget cached query answers (after an edit, or a period closed). */
  touch(): void {
    this.version++;
  }

  /** Changes with every edit: answers computed at the same stamp are still right. */
  get stamp(): number {
    return this.version;
  }

  list(filter: CaseFilter, sort: CaseSort, offset: number, limit: number): ListCasesResponse {
    const start = Math.max(0, offset);
    if (isEmptyFilter(filter) && sort.column === "event_at") {
      const end = Math.min(this.count, start + limit);
      const rows: CaseRow[] = [];
      for (let k = start; k < end; k++) {
        rows.push(this.row(sort.direction === "desc" ? k : this.count - 1 - k));
      }
      return { total: this.count, rows };
    }
    const indexes = this.indexes(filter, sort);
    const rows: CaseRow[] = [];
    for (let k = start; k < Math.min(indexes.length, start + limit); k++) {
      rows.push(this.row(indexes[k]!));
    }
    return { total: indexes.length, rows };
  }

  /** Every row that passes `filter` (generating each one: fine for the fake's demo sizes). */
  *matching(filter: CaseFilter): Generator<CaseRow> {
    const test = predicate(filter);
    for (let i = 0; i < this.count; i++) {
      const row = this.row(i);
      if (test(row)) yield row;
    }
  }

  private indexes(filter: CaseFilter, sort: CaseSort): Uint32Array {
    const key = JSON.stringify([filter, sort]);
    if (this.cache && this.cache.key === key && this.cache.version === this.version) {
      return this.cache.indexes;
    }
    const test = predicate(filter);
    const hits: { i: number; row: CaseRow }[] = [];
    for (let i = 0; i < this.count; i++) {
      const row = this.row(i);
      if (test(row)) hits.push({ i, row });
    }
    if (sort.column !== "event_at") {
      const compare = comparator(sort.column);
      const sign = sort.direction === "asc" ? 1 : -1;
      hits.sort((a, b) => sign * compare(a.row, b.row) || a.i - b.i);
    } else if (sort.direction === "asc") {
      hits.reverse();
    }
    const indexes = Uint32Array.from(hits, (h) => h.i);
    this.cache = { key, version: this.version, indexes };
    return indexes;
  }
}

export function isEmptyFilter(f: CaseFilter): boolean {
  return (
    f.statuses.length === 0 &&
    f.psps.length === 0 &&
    f.payment_methods.length === 0 &&
    !f.period &&
    !f.date_from &&
    !f.date_to &&
    !f.amount_min &&
    !f.amount_max &&
    !f.text &&
    !f.state &&
    f.expiring_within_hours === null
  );
}

/** The case's main amount: the order total, else what was paid, else the net settled. */
export function mainAmount(row: CaseRow): string | null {
  return row.order_total ?? row.paid_amount ?? row.net_settled;
}

/** The case's event time: settled, else paid, else created. */
export function eventAt(row: CaseRow): string | null {
  return row.settled_at ?? row.paid_at ?? row.order_created_at;
}

function predicate(f: CaseFilter): (row: CaseRow) => boolean {
  const statuses = new Set(f.statuses);
  const psps = new Set(f.psps);
  const methods = new Set(f.payment_methods);
  const text = f.text?.trim().toLowerCase() ?? "";
  const min = f.amount_min && isDecimal(f.amount_min) ? f.amount_min : null;
  const max = f.amount_max && isDecimal(f.amount_max) ? f.amount_max : null;
  const horizon = f.expiring_within_hours === null ? null : AS_OF_MS + f.expiring_within_hours * 3_600_000;
  return (row) => {
    if (statuses.size && !statuses.has(row.status)) return false;
    if (psps.size && !psps.has(row.psp ?? "")) return false;
    if (methods.size && !methods.has(row.payment_method ?? "")) return false;
    if (f.state && row.state !== f.state && row.review !== f.state) return false;
    if (f.period && row.period !== f.period) return false;
    const day = eventAt(row)?.slice(0, 10) ?? "";
    if (f.date_from && day < f.date_from) return false;
    if (f.date_to && day > f.date_to) return false;
    if (min || max) {
      const amount = mainAmount(row);
      if (amount === null) return false;
      if (min && compareDecimals(amount, min) < 0) return false;
      if (max && compareDecimals(amount, max) > 0) return false;
    }
    if (horizon !== null) {
      if (row.status !== "awaiting_payment" || !row.voucher_expires_at) return false;
      const expires = Date.parse(row.voucher_expires_at);
      if (expires < AS_OF_MS || expires > horizon) return false;
    }
    if (text) {
      const haystack = [row.case_key, row.order_ref, row.shop_order_id, row.settlement_refs, row.customer]
        .join(" ")
        .toLowerCase();
      if (!haystack.includes(text)) return false;
    }
    return true;
  };
}

function comparator(column: CaseSort["column"]): (a: CaseRow, b: CaseRow) => number {
  const text = (get: (r: CaseRow) => string | null) => (a: CaseRow, b: CaseRow) =>
    (get(a) ?? "").localeCompare(get(b) ?? "");
  const money = (get: (r: CaseRow) => string | null) => (a: CaseRow, b: CaseRow) => {
    const x = get(a);
    const y = get(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
    return compareDecimals(x, y);
  };
  const instant = (get: (r: CaseRow) => string | null) => (a: CaseRow, b: CaseRow) =>
    (Date.parse(get(a) ?? "") || 0) - (Date.parse(get(b) ?? "") || 0);
  switch (column) {
    case "order_total":
      return money(mainAmount);
    case "paid_amount":
      return money((r) => r.paid_amount);
    case "difference":
      return money((r) => r.difference);
    case "paid_at":
      return instant((r) => r.paid_at);
    case "settled_at":
      return instant((r) => r.settled_at);
    case "event_at":
      return instant(eventAt);
    default:
      return text((r) => r[column]);
  }
}
