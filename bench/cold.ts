// The dashboard's server time when its cache cannot help: each request comes
// right after a write to the user's data (as after any change the user makes),
// so the server reads the rows and runs the engine again. This, not the cached
// time, is what the floor is compared with.
import type Database from "better-sqlite3";
import { getText } from "./http";

export type ColdTiming = { medianMs: number; minMs: number; runs: number };

export async function coldServerTime(sqlite: Database.Database, userId: string, url: string, cookie: string, runs: number): Promise<ColdTiming> {
  // A no-op write that still fires the trigger which moves the user's data version.
  const touch = sqlite.prepare("update users set time_zone = time_zone where id = ?");
  const times: number[] = [];
  await getText(url, cookie); // a fresh keep-alive socket, outside the timings
  for (let i = 0; i < runs; i++) {
    touch.run(userId);
    const start = performance.now();
    const { status } = await getText(url, cookie);
    times.push(performance.now() - start);
    if (status !== 200) throw new Error(`${url} answered ${status} after a write`);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)], minMs: times[0], runs };
}
