import { describe, expect, it } from "vitest";
import { PageCache, type FetchPage } from "./pageCache";
import type { CaseRow } from "../../ipc";

const row = (i: number) => ({ case_key: `k${i}` }) as CaseRow;

function source(total: number) {
  const calls: number[] = [];
  const pending: (() => void)[] = [];
  const fetch: FetchPage = (offset, limit) => {
    calls.push(offset);
    return new Promise((resolve) => {
      pending.push(() => {
        const rows = [];
        for (let i = offset; i < Math.min(total, offset + limit); i++) rows.push(row(i));
        resolve({ total, rows });
      });
    });
  };
  const flush = async () => {
    while (pending.length) pending.shift()!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { calls, fetch, flush };
}

describe("page cache", () => {
  it("fetches only the pages a window needs, once", async () => {
    const s = source(1_000_000);
    const cache = new PageCache(s.fetch, () => undefined, 200, 5);
    cache.ensure(990, 1010);
    cache.ensure(990, 1010);
    expect(s.calls, "pages 4 and 5, each asked once").toEqual([800, 1000]);
    await s.flush();
    expect(cache.total).toBe(1_000_000);
    expect(cache.get(1005)?.case_key).toBe("k1005");
    expect(cache.get(5000), "not loaded").toBeUndefined();
  });

  it("keeps at most maxPages, dropping the least recently used", async () => {
    const s = source(10_000);
    const cache = new PageCache(s.fetch, () => undefined, 100, 3);
    for (const p of [0, 1, 2]) cache.ensure(p * 100, p * 100);
    await s.flush();
    cache.ensure(0, 0); // page 0 used again
    cache.ensure(300, 300);
    await s.flush();
    expect(cache.loadedPages).toEqual([0, 2, 3]);
  });

  it("ignores answers to a query that was replaced", async () => {
    const old = source(50);
    const cache = new PageCache(old.fetch, () => undefined, 200, 5);
    cache.ensure(0, 10);
    const fresh = source(7);
    cache.reset(fresh.fetch);
    cache.ensure(0, 10);
    await old.flush();
    expect(cache.total, "the old answer must not land").toBeNull();
    await fresh.flush();
    expect(cache.total).toBe(7);
  });
});
