// The rows of a query too large to hold: pages of `pageSize` rows fetched on demand as the view
// scrolls, at most `maxPages` kept (least recently used dropped first), in-flight pages not asked
// twice, and answers to an older query ignored once the query changed (`reset`).

import type { CaseRow, ListCasesResponse } from "../../ipc";

export type FetchPage = (offset: number, limit: number) => Promise<ListCasesResponse>;

export class PageCache {
  private pages = new Map<number, CaseRow[]>();
  private inFlight = new Set<number>();
  private generation = 0;
  total: number | null = null;
  error: unknown = null;

  constructor(
    private fetchPage: FetchPage,
    private readonly onChange: () => void,
    readonly pageSize = 200,
    private readonly maxPages = 40,
  ) {}

  /** A new query: forget every page and ignore answers still on their way. */
  reset(fetchPage: FetchPage): void {
    this.fetchPage = fetchPage;
    this.pages.clear();
    this.inFlight.clear();
    this.generation++;
    this.total = null;
    this.error = null;
  }

  get(index: number): CaseRow | undefined {
    const page = this.pages.get(Math.floor(index / this.pageSize));
    return page?.[index % this.pageSize];
  }

  /** Replaces one row in place (after an action), if its page is loaded. */
  replace(row: CaseRow): void {
    for (const page of this.pages.values()) {
      const i = page.findIndex((r) => r.case_key === row.case_key);
      if (i >= 0) page[i] = row;
    }
    this.onChange();
  }

  /** Makes sure the rows [start, end] are loaded or loading. */
  ensure(start: number, end: number): void {
    const first = Math.floor(Math.max(0, start) / this.pageSize);
    const last = Math.floor(Math.max(0, end) / this.pageSize);
    for (let p = first; p <= last; p++) {
      if (this.total !== null && p * this.pageSize >= this.total && p > 0) break;
      const page = this.pages.get(p);
      if (page) {
        // Mark as recently used.
        this.pages.delete(p);
        this.pages.set(p, page);
      } else if (!this.inFlight.has(p)) {
        void this.load(p);
      }
    }
  }

  /** Pages currently held (for tests). */
  get loadedPages(): number[] {
    return [...this.pages.keys()].sort((a, b) => a - b);
  }

  private async load(page: number): Promise<void> {
    const generation = this.generation;
    this.inFlight.add(page);
    try {
      const response = await this.fetchPage(page * this.pageSize, this.pageSize);
      if (generation !== this.generation) return;
      this.total = response.total;
      this.pages.set(page, response.rows);
      while (this.pages.size > this.maxPages) {
        const oldest = this.pages.keys().next().value;
        if (oldest === undefined) break;
        this.pages.delete(oldest);
      }
      this.error = null;
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = error;
    } finally {
      if (generation === this.generation) {
        this.inFlight.delete(page);
        this.onChange();
      }
    }
  }
}
