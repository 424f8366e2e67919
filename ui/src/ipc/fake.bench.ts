// How fast the fake backend serves one page of a million cases, at the start and at the end:
// it generates rows on demand, so the two should cost about the same. `npm run bench` prints
// the figures; nothing asserts them. The fake is a development and test double, so its speed is
// no product target, but the browser tests' million-row timings run on it.
import { bench, describe } from "vitest";
import { createFakeBackend, emptyFilter } from "./fake";
import type { CaseSort } from "./types";

const fake = createFakeBackend({ cases: 1_000_000 });
const newest: CaseSort = { column: "event_at", direction: "desc" };

describe("the fake backend, 1,000,000 cases: a page of 200 rows", () => {
  bench("the first page", async () => {
    await fake.listCases({ filter: emptyFilter(), sort: newest, offset: 0, limit: 200 });
  });
  bench("the last page", async () => {
    await fake.listCases({ filter: emptyFilter(), sort: newest, offset: 999_800, limit: 200 });
  });
});
