import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { and, eq, isNull, sql as sqlTag } from "drizzle-orm";
import type pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { engineKind } from "@/db/engine-kind";
import { engineOf } from "@/db/sqlite/connections";
import { applications } from "@/db/schema";
import { decodeListCursor } from "@/lib/applications/list-cursor";
import { applicationListPage, type ListPage, type ListQuery } from "@/lib/data/application-list";
import { keysetQuery, type ColumnSort, type Run } from "@/lib/data/application-list-keyset";
import { APPLICATION_SORTS, DEFAULT_DIRECTION, SORT_DIRECTIONS } from "@/lib/validation/application-filter";
import { NOW } from "./support/guidance-data";
import { instantMsSql, instantSql, rawRun } from "./support/raw-sql";
import { twoUsers } from "./support/rounds";

let db: Db;
let ana: { id: string; timeZone: string };
let ben: { id: string; timeZone: string };

beforeEach(async () => {
  const two = await twoUsers();
  ({ db } = two);
  ana = { id: two.ana.id, timeZone: "UTC" };
  ben = { id: two.ben.id, timeZone: "UTC" };
});

/** A row as the generator makes it: few distinct values, so ties and NULL keys are common. */
type Seed = { company: string; appliedOn: string | null; excitement: number | null; hoursAgo: number; archived: boolean; status: "applied" | "interviewing" | "ghosted" };

const seedArb: fc.Arbitrary<Seed> = fc.record({
  company: fc.constantFrom("acme", "Acme", "ACME", "beta", "Émile", "zeta", "Zeta co"),
  appliedOn: fc.constantFrom(null, "2026-10-01", "2026-10-02", "2026-11-15"),
  excitement: fc.constantFrom(null, 1, 3, 5),
  hoursAgo: fc.constantFrom(1, 2, 3),
  archived: fc.boolean(),
  status: fc.constantFrom("applied", "interviewing", "ghosted"),
});

async function insert(userId: string, s: Seed): Promise<string> {
  const id = randomUUID();
  await rawRun(
    db,
    sqlTag`insert into applications (id, user_id, company, role_title, status, applied_on, excitement, archived_at, updated_at)
           values (${id}, ${userId}, ${s.company}, 'Engineer', ${s.status}, ${s.appliedOn}, ${s.excitement}, ${s.archived ? instantSql(NOW) : null}, ${instantMsSql(new Date(NOW.getTime() - s.hoursAgo * 3_600_000))})`,
  );
  return id;
}

const clear = () => rawRun(db, sqlTag`delete from applications`);

const queryArb: fc.Arbitrary<Omit<ListQuery, "pageSize" | "cursor">> = fc.record({
  sort: fc.constantFrom(...APPLICATION_SORTS),
  direction: fc.constantFrom(...SORT_DIRECTIONS),
  includeArchived: fc.boolean(),
  status: fc.constantFrom(undefined, "open" as const, "ghosted" as const),
  minExcitement: fc.constantFrom(undefined, 3),
});

const page = (user: { id: string; timeZone: string }, q: ListQuery) => applicationListPage(db, { user, q, now: NOW });
const cursorFor = (q: Omit<ListQuery, "pageSize" | "cursor">, text: string) => decodeListCursor(text, q.sort, q.direction ?? DEFAULT_DIRECTION[q.sort]);

/** Every page from the first by Next, and the callback's chance to change the data between two pages. */
async function walk(user: { id: string; timeZone: string }, q: Omit<ListQuery, "pageSize" | "cursor">, pageSize: number, between: (seen: ListPage) => void | Promise<void> = () => {}): Promise<ListPage[]> {
  const pages = [await page(user, { ...q, pageSize })];
  for (let next = pages[0].nextCursor; next; next = pages.at(-1)!.nextCursor) {
    await between(pages.at(-1)!);
    pages.push(await page(user, { ...q, pageSize, cursor: cursorFor(q, next) }));
    if (pages.length > 200) throw new Error("the walk does not end");
  }
  return pages;
}

const ids = (pages: ListPage[]) => pages.flatMap((p) => p.rows.map((r) => r.id));

describe("walking the cursor", () => {
  it("visits every matching row once, in the order of the whole sorted list, for every sort, filter and direction, with ties and NULL keys", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(seedArb, { maxLength: 14 }), queryArb, fc.integer({ min: 1, max: 4 }), async (seeds, q, pageSize) => {
        await clear();
        for (const s of seeds) await insert(ana.id, s);
        await insert(ben.id, seeds[0] ?? { company: "Ben", appliedOn: null, excitement: null, hoursAgo: 1, archived: false, status: "applied" });
        const whole = await page(ana, { ...q, pageSize: 1000 });
        const pages = await walk(ana, q, pageSize);
        expect(ids(pages)).toEqual(whole.rows.map((r) => r.id));
        expect(pages.every((p) => p.total === whole.total)).toBe(true);
        expect(pages.map((p) => p.from)).toEqual(pages.map((_, i) => i * pageSize));
        // And back from the last page by Previous, each page the same rows as going forward.
        let back = pages.at(-1)!;
        for (let i = pages.length - 2; i >= 0; i--) {
          back = await page(ana, { ...q, pageSize, cursor: cursorFor(q, back.previousCursor!) });
          expect(back.rows.map((r) => r.id)).toEqual(pages[i].rows.map((r) => r.id));
        }
        expect(back.previousCursor).toBeNull();
      }),
      { numRuns: 120, seed: 29 },
    );
  });

  it("rows added between pages make no other row skipped or repeated", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(seedArb, { minLength: 1, maxLength: 12 }),
        fc.array(seedArb, { maxLength: 6 }),
        queryArb,
        fc.integer({ min: 1, max: 3 }),
        async (seeds, added, q, pageSize) => {
          await clear();
          for (const s of seeds) await insert(ana.id, s);
          const before = (await page(ana, { ...q, pageSize: 1000 })).rows.map((r) => r.id);
          const queue = [...added];
          const newIds = new Set<string>();
          const pages = await walk(ana, q, pageSize, async () => {
            const s = queue.shift();
            if (s) newIds.add(await insert(ana.id, s));
          });
          const seen = ids(pages);
          expect(new Set(seen).size).toBe(seen.length);
          expect(seen.filter((id) => !newIds.has(id))).toEqual(before);
        },
      ),
      { numRuns: 120, seed: 2029 },
    );
  });

  it("a removed row, even the one the cursor names, makes no other row skipped or repeated", async () => {
    const made: string[] = [];
    for (const i of [0, 1, 2, 3, 4, 5, 6]) made.push(await insert(ana.id, { company: `c${i % 3}`, appliedOn: i % 2 ? null : "2026-10-01", excitement: null, hoursAgo: 1, archived: false, status: "applied" }));
    for (const sort of ["updated", "applied", "company", "excitement"] as const) {
      const q = { sort, direction: DEFAULT_DIRECTION[sort] };
      const before = (await page(ana, { ...q, pageSize: 1000 })).rows.map((r) => r.id);
      const first = await page(ana, { ...q, pageSize: 3 });
      const anchor = first.rows[2].id;
      await rawRun(db, sqlTag`update applications set archived_at = ${instantSql(new Date(1000))} where id = ${anchor}`);
      const second = await page(ana, { ...q, pageSize: 3, cursor: cursorFor(q, first.nextCursor!) });
      expect(second.rows.map((r) => r.id), sort).toEqual(before.slice(3, 6));
      await rawRun(db, sqlTag`update applications set archived_at = null where id = ${anchor}`);
    }
    expect(made).toHaveLength(7);
  });
});

describe("isolation", () => {
  it("a cursor made on one user's list, used by another, pages through the other's rows only", async () => {
    for (let i = 0; i < 6; i++) await insert(ana.id, { company: `Ana ${i}`, appliedOn: null, excitement: 3, hoursAgo: i, archived: false, status: "applied" });
    for (let i = 0; i < 4; i++) await insert(ben.id, { company: `Ben ${i}`, appliedOn: null, excitement: 3, hoursAgo: i, archived: false, status: "applied" });
    for (const sort of APPLICATION_SORTS) {
      const q = { sort, direction: DEFAULT_DIRECTION[sort] };
      const anas = await page(ana, { ...q, pageSize: 2 });
      const bens = await page(ben, { ...q, pageSize: 2, cursor: cursorFor(q, anas.nextCursor!) });
      expect(bens.rows.every((r) => r.company.startsWith("Ben")), sort).toBe(true);
      expect(bens.total).toBe(4);
    }
  });
});

describe("each page is one range of an index", () => {
  const sorts: ColumnSort[] = ["updated", "applied", "company", "excitement"];
  const runs: Run[] = ["valued", "null"];

  it("reads its rows through the order's (user_id, key, id) index, with no sort of the user's rows", async () => {
    if (engineKind() === "postgres") await manyUsersApplications();
    const id = randomUUID();
    const keys: Record<ColumnSort, string | number> = { updated: NOW.getTime(), applied: "2026-10-01", company: "acme", excitement: 3 };
    for (const sort of sorts) {
      for (const direction of SORT_DIRECTIONS) {
        for (const toward of ["after", "before"] as const) {
          for (const run of sort === "updated" || sort === "company" ? runs.slice(0, 1) : runs) {
            for (const anchor of [null, { key: run === "null" ? null : keys[sort], id }]) {
              const where = and(eq(applications.userId, ana.id), isNull(applications.archivedAt));
              const { sql, params } = keysetQuery(db, { where, sort, direction, toward, run, anchor, limit: 26 }).toSQL();
              const label = JSON.stringify({ sort, direction, toward, run, anchor: Boolean(anchor) });
              if (engineKind() === "postgres") {
                const plan = await postgresPlan(sql, params);
                expect(plan.indexes, label).toContain(`applications_user_${sort}_id_idx`);
                expect(plan.nodes, label).not.toContain("Sort");
                expect(plan.nodes, label).not.toContain("Incremental Sort");
              } else {
                const { sqlite } = engineOf(db).writer;
                const plan = (sqlite.prepare(`explain query plan ${sql}`).all(...(params as unknown[])) as { detail: string }[]).map((r) => r.detail).join("; ");
                expect(plan, label).toContain(`USING INDEX applications_user_${sort}_id_idx`);
                expect(plan, label).not.toContain("TEMP B-TREE");
              }
            }
          }
        }
      }
    }
  });
});

type PlanNode = { "Node Type": string; "Index Name"?: string; Plans?: PlanNode[] };

/**
 * Postgres plans by its statistics, and reads a near-empty table whole, or
 * sorts a handful of rows rather than walk an index: ten users' 20,000
 * applications (Ana's half of them: a long search), their keys spread on both sides of the
 * anchors the test pages from, and ANALYZE, give it the numbers of a real list.
 */
async function manyUsersApplications(): Promise<void> {
  await rawRun(db, sqlTag`insert into users (id, email, name, password_hash) select 'u' || g, 'u' || g || '@example.com', 'U', 'x' from generate_series(1, 9) g`);
  await rawRun(
    db,
    sqlTag`insert into applications (id, user_id, company, role_title, status, applied_on, excitement, archived_at, updated_at)
           select md5('a' || g), case when g % 2 = 0 then ${ana.id} else 'u' || (g % 9 + 1) end,
                  case when g % 4 < 2 then 'Aaa ' else 'Zz ' end || (g % 70), 'Engineer', 'applied',
                  case when g % 16 = 2 then null else to_char(date '2026-10-01' + (g % 200 - 100), 'YYYY-MM-DD') end,
                  case when g % 18 = 4 then null else g % 5 + 1 end,
                  case when g % 7 = 0 then ${NOW.toISOString()}::timestamptz end,
                  ${NOW.toISOString()}::timestamptz + (g % 200 - 100) * interval '1 minute'
           from generate_series(1, 20000) g`,
  );
  await rawRun(db, sqlTag`analyze applications`);
}

/** Postgres' plan of a statement: its node types and the indexes it scans. */
async function postgresPlan(text: string, params: unknown[]): Promise<{ nodes: string[]; indexes: string[] }> {
  const client = await (db as unknown as { $client: pg.Pool }).$client.connect();
  try {
    const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`explain (format json) ${text}`, params);
    const nodes: PlanNode[] = [];
    const visit = (node: PlanNode) => {
      nodes.push(node);
      node.Plans?.forEach(visit);
    };
    visit(rows[0]["QUERY PLAN"][0].Plan);
    return { nodes: nodes.map((n) => n["Node Type"]), indexes: nodes.flatMap((n) => (n["Index Name"] ? [n["Index Name"]] : [])) };
  } finally {
    client.release();
  }
}
