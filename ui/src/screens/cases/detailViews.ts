// Reading the core's case detail (`cuadra_core::cases::CaseDetail`, as `get_case` sends it) the
// way the side panel shows it.

import { SUGGESTING_STATUSES, type CaseDetail, type DetailLine, type DetailOrder } from "../../ipc";

/** The order's number as the shop shows it: its name (`#1001`), else the shop's id. */
export function orderRef(order: DetailOrder): string {
  return order.order_name ?? order.shop_order_id ?? "";
}

/** A line's amount in the buyer's currency, else its gross in the settlement currency. */
export function lineAmount(line: DetailLine): { amount: string; currency: string } {
  return {
    amount: line.local_amount ?? line.gross_amount ?? "",
    currency: line.local_currency ?? line.settlement_currency ?? "",
  };
}

/** The case's lines matched to it and those only suggested for its order (a status in the
 * core's `SUGGESTING_STATUSES`), as `CaseDetail::matched_and_suggested_lines` splits them: one of
 * the two is empty. */
export function matchedAndSuggestedLines(detail: CaseDetail): { matched: DetailLine[]; suggested: DetailLine[] } {
  const suggesting = (SUGGESTING_STATUSES as readonly string[]).includes(detail.case.status);
  return suggesting ? { matched: [], suggested: detail.lines } : { matched: detail.lines, suggested: [] };
}
