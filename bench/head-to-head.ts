// The issue's dashboard targets compare two engines' servers, and on a
// shared machine two passes minutes apart see different loads. So at the
// end of `--engine postgres` both servers run at once and are timed in
// turn, a round on one then a round on the other, for the same account:
// the cached dashboard and the dashboard right after a write to one
// application, each timed the way the bench times them alone (cold.ts).
import { coldTimes, median, oneApplicationWrite } from "./cold";
import type { BenchDb } from "./engine";
import type { Server } from "./server";

/** A server left running after its pass, with what the bench needs to time its heavy account. */
export type LiveEngine = { server: Server; cookie: string; userId: string; openDb: () => Promise<BenchDb> };

export type HeadToHead = { rounds: number; runsPerRound: number; sqlite: { cachedMs: number; afterWriteMs: number }; postgres: { cachedMs: number; afterWriteMs: number } };

export async function headToHead(sqlite: LiveEngine, postgres: LiveEngine, say: (line: string) => void, rounds = 3, runs = 11): Promise<HeadToHead> {
  const engines = [sqlite, postgres];
  const dbs = await Promise.all(engines.map((e) => e.openDb()));
  try {
    const writes = await Promise.all(engines.map((e, i) => oneApplicationWrite(dbs[i], e.userId)));
    const cached: number[][] = [[], []];
    const after: number[][] = [[], []];
    for (let r = 0; r < rounds; r++) {
      say(`  round ${r + 1} of ${rounds}: SQLite, then Postgres`);
      for (const [i, e] of engines.entries()) {
        const url = `${e.server.url}/`;
        after[i].push(...(await coldTimes(writes[i], url, e.cookie, runs)));
        cached[i].push(...(await coldTimes(() => undefined, url, e.cookie, runs)));
      }
    }
    const of = (i: number) => ({ cachedMs: median(cached[i]), afterWriteMs: median(after[i]) });
    return { rounds, runsPerRound: runs, sqlite: of(0), postgres: of(1) };
  } finally {
    await Promise.all(dbs.map((db) => db.close()));
  }
}
