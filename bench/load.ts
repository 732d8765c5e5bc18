// One measured page: a warm-up run that is thrown away, then the timed run.
// A page that redirects or 404s is not fast, it is broken: its non-2xx
// count and status codes are kept beside the timings so the table says so.
import autocannon from "autocannon";
import { getText } from "./http";

export type Load = {
  path: string;
  connections: number;
  /** "duration": as many requests as fit in `seconds`; "count": a fixed number, because too few fitted. */
  mode: "duration" | "count";
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses received; a slow page under load may get very few. */
  requests: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
};

/** Fewer responses than this per connection and the percentiles say nothing: measure by count instead. */
const MIN_PER_CONNECTION = 2;
/** Long enough for a slow page queued behind nine others on a loaded machine. */
const TIMEOUT_SECONDS = 120;

/** A cookie for a page; for the API and the MCP server, their headers, method and body. */
export type Credentials = string | { headers: Record<string, string>; method?: "GET" | "POST"; body?: string };

const run = (url: string, credentials: Credentials, connections: number, limit: { duration: number } | { amount: number }, sequence?: string[]) =>
  autocannon({
    url,
    connections,
    timeout: TIMEOUT_SECONDS,
    ...(typeof credentials === "string" ? { headers: { cookie: credentials } } : credentials),
    // Each connection walks these paths in turn, from the first again after the last.
    ...(sequence ? { requests: sequence.map((path) => ({ method: "GET" as const, path })) } : {}),
    ...limit,
  });

async function probe(baseUrl: string): Promise<number> {
  const start = performance.now();
  await getText(`${baseUrl}/sign-in`);
  return performance.now() - start;
}

/** One path, or a walk: paths requested in turn by each connection (the list's pages by cursor). */
export type Target = string | string[];
export type Meter = { measure: (path: Target, cookie: Credentials, options: { connections: number; seconds: number; warmUpSeconds: number }) => Promise<Load> };

/** Measures pages of the server at `baseUrl`, which must be idle when this is called. */
export async function meter(baseUrl: string): Promise<Meter> {
  // The sign-in page's time on the idle server: `settle` waits until the server is back to it.
  const times: number[] = [];
  for (let i = 0; i < 5; i++) times.push(await probe(baseUrl));
  times.sort((a, b) => a - b);
  const idleProbeMs = Math.max(250, 3 * times[2]);

  /**
   * autocannon stops on time by dropping its open requests, but the server
   * still renders them. Wait until that backlog is worked off, or the next
   * measurement would pay for this one's leftovers.
   */
  async function settle(maxMs = 180_000): Promise<void> {
    const deadline = Date.now() + maxMs;
    let quick = 0;
    while (quick < 2 && Date.now() < deadline) quick = (await probe(baseUrl)) <= idleProbeMs ? quick + 1 : 0;
  }

  async function measure(target: Target, cookie: Credentials, { connections, seconds, warmUpSeconds }: { connections: number; seconds: number; warmUpSeconds: number }): Promise<Load> {
    const sequence = Array.isArray(target) ? target : undefined;
    const path = sequence ? `${sequence[0]} … (${sequence.length} paths in turn)` : (target as string);
    const url = `${baseUrl}${sequence ? sequence[0] : path}`;
    process.stderr.write(`  ${path} at ${connections} connection${connections === 1 ? "" : "s"}: warm-up ${warmUpSeconds} s, then ${seconds} s\n`);
    if (warmUpSeconds > 0) {
      await run(url, cookie, connections, { duration: warmUpSeconds }, sequence);
      await settle();
    }
    let mode: Load["mode"] = "duration";
    let r = await run(url, cookie, connections, { duration: seconds }, sequence);
    await settle();
    const enough = MIN_PER_CONNECTION * connections;
    if (r["2xx"] + r.non2xx < enough) {
      process.stderr.write(`    only ${r["2xx"] + r.non2xx} responses in ${seconds} s: measuring ${enough} requests instead\n`);
      mode = "count";
      r = await run(url, cookie, connections, { amount: enough }, sequence);
      await settle();
    }
    const received = r["2xx"] + r.non2xx;
    const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]));
    return {
      path,
      connections,
      mode,
      seconds: r.duration,
      requestsPerSecond: r.duration > 0 ? received / r.duration : 0,
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      requests: received,
      non2xx: r.non2xx,
      errors: r.errors,
      statusCodes,
    };
  }

  return { measure };
}
