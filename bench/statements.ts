// What a dashboard request costs the Postgres server in statements (each one
// a round trip from the app server), read from pg_stat_statements: reset,
// make `n` requests one at a time, count what the server ran. The bench's own
// statements (its writes before each request, marked BENCH_MARK) are left out;
// BEGIN, SET LOCAL, the advisory lock and COMMIT are statements too and count.
import type { Write } from "./cold";
import { BENCH_MARK, type BenchDb } from "./engine";
import { getText } from "./http";

export type TopStatement = { query: string; calls: number; totalMs: number };
export type StatementCount = { label: string; requests: number; perRequest: number; msPerRequest: number; top: TopStatement[] };

/** lib/data/guidance-store.ts writes computed parts back this long after a request; they belong to the request's cost. */
const WRITE_BACK_WAIT_MS = 3_000;

export async function enableStatementCounts(db: BenchDb): Promise<void> {
  await db.run("create extension if not exists pg_stat_statements");
}

export async function countStatements(db: BenchDb, label: string, url: string, cookie: string, write: Write, n: number): Promise<StatementCount> {
  await getText(url, cookie); // a fresh keep-alive socket, and whatever the last step left to store
  await new Promise((r) => setTimeout(r, WRITE_BACK_WAIT_MS));
  await db.all("select pg_stat_statements_reset()");
  for (let i = 0; i < n; i++) {
    await write(i);
    const { status } = await getText(url, cookie);
    if (status !== 200) throw new Error(`${url} answered ${status}`);
  }
  await new Promise((r) => setTimeout(r, WRITE_BACK_WAIT_MS));
  const rows = await db.all<{ query: string; calls: string; total: number }>(
    `select query, calls, total_exec_time as total from pg_stat_statements
     where query not like ? and query not like '%pg_stat_statements%' order by calls desc, total desc`,
    [`${BENCH_MARK}%`],
  );
  const calls = rows.reduce((t, r) => t + Number(r.calls), 0);
  const totalMs = rows.reduce((t, r) => t + r.total, 0);
  const top = [...rows]
    .sort((a, b) => b.total - a.total)
    .slice(0, 6)
    .map((r) => ({ query: r.query.replace(/\s+/g, " ").slice(0, 90), calls: Number(r.calls), totalMs: r.total }));
  return { label, requests: n, perRequest: calls / n, msPerRequest: totalMs / n, top };
}
