// The virtualized cases grid. TanStack Virtual windows a list of `total` rows (a million is fine:
// only the visible rows plus a small overscan are in the DOM); TanStack Table supplies the column
// model, header rendering and sort state for the rows of that window. Rows come from the page
// cache; a row whose page is still on its way shows as a placeholder. The header row is inside the
// scroller, sticky on top, so it scrolls sideways with the rows and every column can be reached.

import { useEffect, useMemo, useRef } from "react";
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type OnChangeFn,
  type SortingState,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { CaseRow } from "../../ipc";
import { useI18n, type I18n } from "../../i18n/i18n";
import { Lock, Money, StatusBadge, Time } from "../../components/ui";
import type { PageCache } from "./pageCache";
import { useZone } from "../../app/context";
import { withZone } from "../../format/time";
import { paymentMethodLabel } from "../../app/labels";

/** Fixed row height: 1,000,000 rows x 26 px stays under the browsers' ~33.5 M px element limit. */
export const ROW_HEIGHT = 26;
/** The header row's height (styles.css `.grid-head`): it sits, sticky, at the top of the scroller. */
export const HEAD_HEIGHT = 28;
const OVERSCAN = 12;

interface Props {
  cache: PageCache;
  cacheVersion: number;
  total: number;
  cursor: number;
  selected: ReadonlySet<string>;
  sorting: SortingState;
  onSortingChange: OnChangeFn<SortingState>;
  onRowClick: (index: number) => void;
  onRowOpen: (index: number) => void;
  onToggle: (key: string) => void;
  busy: boolean;
}

type GridRow = CaseRow & { __index: number; __placeholder?: true };

function columns(i18n: I18n, zone: string, selected: ReadonlySet<string>, onToggle: (key: string) => void): ColumnDef<GridRow>[] {
  const { t, lang } = i18n;
  return [
    {
      id: "select",
      enableSorting: false,
      header: () => <span className="sr-only">{t("cases.col.select")}</span>,
      cell: ({ row }) =>
        row.original.__placeholder ? null : (
          <input
            type="checkbox"
            tabIndex={-1}
            aria-label={t("cases.col.select")}
            data-testid="case-select"
            checked={selected.has(row.original.case_key)}
            onClick={(e) => e.stopPropagation()}
            onChange={() => onToggle(row.original.case_key)}
          />
        ),
    },
    { id: "status", accessorFn: (r) => r.status, header: () => t("cases.col.status"), cell: ({ row }) => <StatusBadge status={row.original.status} /> },
    {
      id: "order_ref",
      accessorFn: (r) => r.order_ref,
      header: () => t("cases.col.reference"),
      cell: ({ row }) => (
        <span className="mono" data-testid="case-ref" title={row.original.case_key}>
          {row.original.order_ref ?? (row.original.settlement_refs || row.original.case_key)}
        </span>
      ),
    },
    { id: "customer", accessorFn: (r) => r.customer, header: () => t("cases.col.customer"), cell: ({ row }) => row.original.customer ?? "" },
    {
      id: "order_total",
      accessorFn: (r) => r.order_total,
      header: () => t("cases.col.total"),
      cell: ({ row }) => <Money amount={row.original.order_total} currency={row.original.currency} />,
    },
    {
      id: "paid_amount",
      accessorFn: (r) => r.paid_amount,
      header: () => t("cases.col.paid"),
      cell: ({ row }) => <Money amount={row.original.paid_amount} currency={row.original.currency} />,
    },
    {
      id: "difference",
      accessorFn: (r) => r.difference,
      header: () => t("cases.col.difference"),
      cell: ({ row }) =>
        row.original.difference && row.original.difference !== "0" ? (
          <Money amount={row.original.difference} currency={row.original.currency} />
        ) : null,
    },
    { id: "psp", accessorFn: (r) => r.psp, header: () => t("cases.col.psp"), cell: ({ row }) => row.original.psp ?? "" },
    { id: "payment_method", accessorFn: (r) => r.payment_method, header: () => t("cases.col.method"), cell: ({ row }) => <span title={row.original.payment_method ?? undefined}>{paymentMethodLabel(row.original.payment_method)}</span> },
    { id: "paid_at", accessorFn: (r) => r.paid_at, header: () => withZone(t("cases.col.paid_at"), zone, lang), cell: ({ row }) => <Time bare value={row.original.paid_at} /> },
    { id: "settled_at", accessorFn: (r) => r.settled_at, header: () => withZone(t("cases.col.settled_at"), zone, lang), cell: ({ row }) => <Time bare value={row.original.settled_at} /> },
    {
      id: "state",
      accessorFn: (r) => r.state,
      header: () => t("cases.col.state"),
      cell: ({ row }) => (
        <span className={`state state-${row.original.review}`} data-review={row.original.review} title={t(`state.${row.original.state}`)}>
          {row.original.locked ? <Lock label={t("cases.locked")} /> : null}
          {t(`review.${row.original.review}`)}
        </span>
      ),
    },
  ];
}

const PLACEHOLDER: Omit<GridRow, "__index"> = {
  case_key: "",
  status: "matched",
  engine_status: "matched",
  rule: "",
  state: "open",
  review: "reconciled",
  order_id: null,
  order_ref: null,
  shop_order_id: null,
  settlement_refs: "",
  matched_keys: "",
  order_total: null,
  paid_amount: null,
  difference: null,
  currency: null,
  fee_total: null,
  tax_total: null,
  net_settled: null,
  settlement_currency: null,
  psp: null,
  payment_method: null,
  order_created_at: null,
  paid_at: null,
  voucher_expires_at: null,
  settled_at: null,
  shop_status: null,
  customer: null,
  decided_by: "",
  explanation: "",
  explanation_msg: { k: "verbatim", a: [""] },
  period: null,
  locked: false,
  reason: null,
  note: null,
  __placeholder: true,
};

export function CaseTable(props: Props) {
  const i18n = useI18n();
  const { cache, cacheVersion, total, cursor, selected, onToggle } = props;
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // The header scrolls sideways with the rows because it lives in the same scroller (sticky on
    // top): rows start below it, and a row scrolled to is never left under it.
    scrollMargin: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    cache.ensure(first, last);
  }, [cache, cacheVersion, first, last]);

  useEffect(() => {
    if (total > 0) virtualizer.scrollToIndex(cursor, { align: "auto" });
  }, [cursor, total, virtualizer]);

  // The rows of the window: TanStack Table sees only these, never the whole result.
  const data = useMemo<GridRow[]>(
    () =>
      items.map((item) => {
        const row = cache.get(item.index);
        return row ? { ...row, __index: item.index } : { ...PLACEHOLDER, __index: item.index };
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the window and the cache version say when rows change
    [first, last, cacheVersion, cache],
  );
  const zone = useZone();
  const cols = useMemo(() => columns(i18n, zone, selected, onToggle), [i18n, zone, selected, onToggle]);
  const table = useReactTable({
    data,
    columns: cols,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting: props.sorting },
    onSortingChange: props.onSortingChange,
    getRowId: (row) => (row.__placeholder ? `loading-${row.__index}` : row.case_key),
  });
  const rows = table.getRowModel().rows;

  return (
    <div className="grid-wrap" role="table" aria-rowcount={total} data-testid="cases-table" data-total={total} data-busy={props.busy ? "true" : "false"}>
      <div className="grid-body" ref={scrollRef} data-testid="cases-scroller">
      <div className="grid-head" role="row">
        {table.getHeaderGroups()[0]?.headers.map((header) => {
          const sorted = header.column.getIsSorted();
          const sortable = header.column.getCanSort();
          return (
            <div
              key={header.id}
              role="columnheader"
              className={`cell col-${header.id}${sortable ? " sortable" : ""}`}
              aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
              data-testid={`sort-${header.id}`}
              onClick={sortable ? header.column.getToggleSortingHandler() : undefined}
            >
              {flexRender(header.column.columnDef.header, header.getContext())}
              {sorted ? <span className="sort-mark">{sorted === "asc" ? " ▲" : " ▼"}</span> : null}
            </div>
          );
        })}
      </div>
        <div className="grid-rows" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item, k) => {
            const row = rows[k];
            if (!row) return null;
            const original = row.original;
            const isCursor = item.index === cursor;
            const isSelected = !original.__placeholder && selected.has(original.case_key);
            return (
              <div
                key={row.id}
                role="row"
                aria-rowindex={item.index + 1}
                aria-selected={isSelected}
                className={`grid-row${isCursor ? " cursor" : ""}${isSelected ? " selected" : ""}${original.__placeholder ? " placeholder" : ` review-${original.review}`}`}
                data-testid="case-row"
                data-index={item.index}
                data-case-key={original.case_key || undefined}
                data-status={original.__placeholder ? undefined : original.status}
                style={{ transform: `translateY(${item.start - HEAD_HEIGHT}px)`, height: ROW_HEIGHT }}
                onClick={() => props.onRowClick(item.index)}
                onDoubleClick={() => props.onRowOpen(item.index)}
              >
                {original.__placeholder ? (
                  <div className="cell loading" role="cell">…</div>
                ) : (
                  row.getVisibleCells().map((cell) => (
                    <div key={cell.id} role="cell" className={`cell col-${cell.column.id}`}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </div>
                  ))
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
