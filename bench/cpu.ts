// The server's CPU time per request, read from /proc: unlike latency, a busy
// machine does not inflate it, so heavy and light pages compare fairly even
// while other work shares the cores.
import { existsSync, readFileSync } from "node:fs";
import { getText } from "./http";

/** The CPU time (user + system, all threads) a process has used, in ms. */
export function cpuMs(pid: number): number {
  // /proc/<pid>/stat: fields 14 and 15 are utime and stime, in clock ticks (100 a second on Linux).
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * The server's CPU per request over `n` requests for `url`, one at a time
 * (after a few unmeasured ones), or null where /proc is not there to read.
 * `expect` is the status every request must answer (a 404 page's is 404).
 */
export async function cpuPerRequest(pid: number | undefined, url: string, cookie: string, n: number, expect = 200): Promise<number | null> {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return null;
  for (let i = 0; i < 5; i++) await getText(url, cookie);
  const before = cpuMs(pid);
  for (let i = 0; i < n; i++) {
    const { status } = await getText(url, cookie);
    if (status !== expect) throw new Error(`${url} answered ${status}, not ${expect}`);
  }
  return (cpuMs(pid) - before) / n;
}
